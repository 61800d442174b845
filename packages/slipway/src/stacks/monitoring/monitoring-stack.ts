import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { ecsDatadogMonitors } from '../../model/ecs-datadog-monitors.js';
import { observabilityOf } from '../../model/observability.js';
import type { AppModel, EnvironmentModel } from '../../model/types.js';
import { dataKeys, type EnvironmentRef, readValue, runtimeKeys } from '../shared/cross-stack.js';
import { logicalIdPart } from '../shared/logical-ids.js';
import { ModelError } from '../shared/model-error.js';
import {
  cacheAlarmName,
  databaseAlarmName,
  databaseInstanceIdentifier,
  loadBalancerAlarmName,
} from '../shared/resource-names.js';
import { SlipwayStack } from '../shared/slipway-stack.js';
import { CacheAlarms, cacheNodeIds } from './cache-alarms.js';
import { DatabaseAlarms } from './database-alarms.js';
import { DatadogMonitors } from './datadog-monitors.js';
import { EnvironmentDashboard } from './environment-dashboard.js';
import { environmentAlarmNames } from './environment-alarms.js';
import { loadBalancerErrorsAlarm } from './load-balancer-alarm.js';
import { UptimeCanaries } from './uptime-canaries.js';

export interface MonitoringStackProps {
  readonly model: AppModel;
  /** The environment this stack watches. */
  readonly environment: EnvironmentModel;
}

/**
 * `<app>-<env>-monitoring`, deployed last: what watches the whole environment rather than one
 * service. At alarm level 'all', the databases' and caches' alarms and the shared load balancer's
 * own 5xx, each notifying the environment's alarm topic; with `dashboard` on, the environment's
 * dashboard. It reads the topic, the load balancer and the caches through SSM like every other
 * stack, and names the other stacks' alarms by their fixed names, so it has no deploy-time need
 * of the service stacks (decision 024). Uptime canaries belong here too, beside the dashboard, and
 * with provider 'datadog' on ECS each service's Datadog monitors (decision 025).
 * Cost: $0.10 per alarm-month; the dashboard $3 a month after the account's first three.
 */
export class MonitoringStack extends SlipwayStack {
  /** Every alarm this stack makes. */
  readonly alarms: readonly cloudwatch.Alarm[];
  readonly dashboard?: EnvironmentDashboard;
  /** The canaries and their alarms, with `observability.uptime` on. */
  readonly uptime?: UptimeCanaries;
  /** The services' Datadog monitors, with provider 'datadog' on ECS and an application key. */
  readonly datadogMonitors?: DatadogMonitors;

  constructor(scope: Construct, props: MonitoringStackProps) {
    const { model, environment: env } = props;
    const stackName = env.stackNames.monitoring;
    if (stackName === undefined) {
      throw new ModelError(
        `environments.${env.name}.stackNames.monitoring`,
        'the environment has nothing for a monitoring stack to watch',
        'Build the monitoring stack only when the resolved model names one.',
      );
    }
    super(scope, {
      app: model.app,
      stackName,
      account: env.account,
      region: env.region,
      environment: env.name,
      terminationProtection: env.production,
      description: `Slipway ${model.app} ${env.name}: alarms and dashboard`,
    });
    const where: EnvironmentRef = { app: model.app, env: env.name };
    const observability = observabilityOf(env);
    const ecs = env.runtime !== 'eks';
    // Behind an HTTP API there is no load balancer to alarm on: each service's deployment alarms
    // read the API's 5xx and latency (`service-alarms.ts`).
    const loadBalancerFullName =
      ecs && env.ingress !== 'http-api' && env.services.some((s) => s.public)
        ? readValue(this, where, 'runtime', runtimeKeys.albFullName)
        : undefined;
    const cacheNodes = new Map(
      (env.caches ?? []).map((cache) => [
        cache.name,
        cacheNodeIds(
          readValue(this, where, 'data', dataKeys.cacheReplicationGroupId(cache.name)),
          cache.nodes,
        ),
      ]),
    );

    const alarms: cloudwatch.Alarm[] = [];
    if (observability.alarms === 'all') {
      for (const database of env.databases) {
        alarms.push(
          ...new DatabaseAlarms(this, `Database${logicalIdPart(database.name)}`, {
            database,
            instanceIdentifier: databaseInstanceIdentifier(model.app, env.name, database.name),
            alarmName: (kind) => databaseAlarmName(model.app, env.name, database.name, kind),
          }).alarms,
        );
      }
      for (const cache of env.caches ?? []) {
        const nodes = cacheNodes.get(cache.name) ?? [];
        alarms.push(
          ...new CacheAlarms(this, `Cache${logicalIdPart(cache.name)}`, {
            cache,
            nodeIds: nodes,
            alarmName: (kind) => cacheAlarmName(model.app, env.name, cache.name, kind),
          }).alarms,
        );
      }
      if (loadBalancerFullName !== undefined) {
        alarms.push(
          loadBalancerErrorsAlarm(this, 'LoadBalancerErrors', {
            alarmName: loadBalancerAlarmName(model.app, env.name),
            loadBalancerFullName,
          }),
        );
      }
    }
    if (alarms.length > 0) {
      const topic = sns.Topic.fromTopicArn(
        this,
        'AlarmTopic',
        readValue(this, where, 'runtime', runtimeKeys.alarmTopicArn),
      );
      for (const alarm of alarms) alarm.addAlarmAction(new actions.SnsAction(topic));
    }
    this.alarms = alarms;

    if (observability.dashboard) {
      this.dashboard = new EnvironmentDashboard(this, 'Dashboard', {
        model,
        environment: env,
        alarmNames: environmentAlarmNames(model, env),
        ...(loadBalancerFullName === undefined ? {} : { loadBalancerFullName }),
        cacheNodes,
      });
      // The dashboard names this stack's alarms by ARN; they exist before it does.
      for (const alarm of alarms) this.dashboard.node.addDependency(alarm);
    }
    if (observability.uptime) {
      this.uptime = new UptimeCanaries(this, 'Uptime', {
        where,
        environment: env,
        alarmTopicArn: readValue(this, where, 'runtime', runtimeKeys.alarmTopicArn),
      });
    }
    const datadog = ecsDatadogMonitors(env);
    if (datadog !== undefined) {
      this.datadogMonitors = new DatadogMonitors(this, 'DatadogMonitors', {
        app: model.app,
        environment: env,
        datadog,
      });
    }
  }
}
