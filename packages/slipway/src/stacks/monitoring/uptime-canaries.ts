import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as synthetics from 'aws-cdk-lib/aws-synthetics';
import { Construct } from 'constructs';
import type { EnvironmentModel } from '../../model/types.js';
import { UPTIME_RATE_MINUTES, type UptimeEndpoint, uptimePlan } from '../../model/uptime.js';
import { type EnvironmentRef, readValue, runtimeKeys } from '../shared/cross-stack.js';
import { ModelError } from '../shared/model-error.js';
import { serviceAlarmName } from '../shared/resource-names.js';
import { canaryArtifactsBucket } from './canary-artifacts-bucket.js';
import { canaryRole } from './canary-role.js';
import { CANARY_RUNTIME } from './canary-runtime.js';
import { CANARY_HANDLER, CANARY_SCRIPT, HEALTH_URL_VARIABLE } from './canary-script.js';
import { uptimeProblemField, uptimeProblemMessage } from '../../config/validate/uptime.js';

/** Runs in a row that must fail before the alarm notifies: one failure may be a blip. */
const FAILED_RUNS_TO_ALARM = 2;

export interface UptimeCanariesProps {
  readonly where: EnvironmentRef;
  readonly environment: EnvironmentModel;
  /** The environment's alarm topic (read from the runtime stack's parameter by the caller). */
  readonly alarmTopicArn: string;
}

/** `<app>-<env>-<service>`: Synthetics allows lowercase letters, digits, hyphens and underscores. */
export function canaryName(where: EnvironmentRef, service: string): string {
  return `${where.app}-${where.env}-${service}`;
}

/**
 * With `observability.uptime` on, one CloudWatch Synthetics canary per public service, calling its
 * health path every 5 minutes at the URL viewers use (`model/uptime.ts` decides which), and an
 * alarm on its SuccessPercent that notifies the environment's alarm topic after two failed runs in
 * a row. The canaries share one artifacts bucket and one role. No custom resource: the script is
 * inline, and Synthetics itself deletes each canary's Lambda function and layer with it
 * (`provisionedResourceCleanup`). Cost: 8,760 runs a month per canary (every 5 minutes over 730 h)
 * at the Synthetics price per run (`cost/pricers/synthetics-canary.ts`), $10.51 in us-east-1 at
 * $0.0012; its Lambda time is in the run price and its artifacts come to cents.
 */
export class UptimeCanaries extends Construct {
  /** The canaries by service name; empty with uptime off. */
  readonly canaries: ReadonlyMap<string, synthetics.Canary>;
  readonly alarms: ReadonlyMap<string, cloudwatch.Alarm>;

  constructor(scope: Construct, id: string, props: UptimeCanariesProps) {
    super(scope, id);
    const { where, environment: env } = props;
    const plan = uptimePlan(env);
    const problem = plan.problems[0];
    if (problem !== undefined) {
      const { message, fix } = uptimeProblemMessage(env.name, problem);
      throw new ModelError(`environments.${env.name}.${uptimeProblemField(problem)}`, message, fix);
    }
    const canaries = new Map<string, synthetics.Canary>();
    const alarms = new Map<string, cloudwatch.Alarm>();
    this.canaries = canaries;
    this.alarms = alarms;
    if (plan.endpoint === undefined || plan.checks.length === 0) return;

    const baseUrl = this.baseUrl(where, plan.endpoint);
    const names = plan.checks.map((check) => canaryName(where, check.service));
    const bucket = canaryArtifactsBucket(this, 'Artifacts', { expireAfterDays: env.logRetentionDays });
    const role = canaryRole(this, 'Role', { canaryNames: names, artifacts: bucket });
    const notify = new actions.SnsAction(sns.Topic.fromTopicArn(this, 'AlarmTopic', props.alarmTopicArn));

    for (const check of plan.checks) {
      const canary = new synthetics.Canary(this, `Canary-${check.service}`, {
        canaryName: canaryName(where, check.service),
        runtime: CANARY_RUNTIME,
        test: synthetics.Test.custom({
          code: synthetics.Code.fromInline(CANARY_SCRIPT),
          handler: CANARY_HANDLER,
        }),
        schedule: synthetics.Schedule.rate(Duration.minutes(UPTIME_RATE_MINUTES)),
        timeout: Duration.seconds(30),
        environmentVariables: { [HEALTH_URL_VARIABLE]: `${baseUrl}${check.path}` },
        artifactsBucketLocation: { bucket, prefix: check.service },
        role,
        provisionedResourceCleanup: true,
        successRetentionPeriod: Duration.days(7),
        failureRetentionPeriod: Duration.days(31),
      });
      const alarm = new cloudwatch.Alarm(this, `Alarm-${check.service}`, {
        alarmName: serviceAlarmName(where.app, where.env, check.service, 'uptime'),
        alarmDescription: `${check.service} failed its health check from outside twice in a row (${baseUrlText(plan.endpoint)}${check.path})`,
        metric: canary.metricSuccessPercent({
          period: Duration.minutes(UPTIME_RATE_MINUTES),
          statistic: cloudwatch.Stats.AVERAGE,
        }),
        threshold: 100,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: FAILED_RUNS_TO_ALARM,
        datapointsToAlarm: FAILED_RUNS_TO_ALARM,
        // Runs drift across period boundaries, so a period may hold none: that says nothing.
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(notify);
      // Whoever was told it is down is told when it answers again.
      alarm.addOkAction(notify);
      canaries.set(check.service, canary);
      alarms.set(check.service, alarm);
    }
  }

  /**
   * `https://<host>`, or the HTTP API's endpoint, or `http://` and the load balancer's DNS name,
   * either read at deploy time.
   */
  private baseUrl(where: EnvironmentRef, endpoint: UptimeEndpoint): string {
    if (endpoint.kind === 'host') return `https://${endpoint.host}`;
    if (endpoint.kind === 'http-api') return readValue(this, where, 'runtime', runtimeKeys.httpApiEndpoint);
    return `http://${readValue(this, where, 'runtime', runtimeKeys.albDnsName)}`;
  }
}

/** The base URL as a person reads it in the alarm's description (no token). */
function baseUrlText(endpoint: UptimeEndpoint): string {
  if (endpoint.kind === 'host') return `https://${endpoint.host}`;
  return endpoint.kind === 'http-api' ? "the HTTP API's endpoint" : "the load balancer's DNS name";
}
