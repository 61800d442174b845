import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { Construct } from 'constructs';
import { acknowledge } from '../../../checks/acknowledge.js';
import { type ContainerInsightsMode, observabilityOf } from '../../../model/observability.js';
import type { AppModel, EnvironmentModel } from '../../../model/types.js';
import { type EnvironmentRef, publishValue, runtimeKeys } from '../../shared/cross-stack.js';
import { environmentAlarmTopic } from '../../shared/environment-alarm-topic.js';
import { importVpc } from '../../network/imported-vpc.js';
import { clusterName } from '../../shared/resource-names.js';
import { addHttpApiIngress, type HttpApiIngress } from './http-api-ingress.js';
import { addSharedLoadBalancer, needsLoadBalancer, type SharedLoadBalancer } from './shared-load-balancer.js';
import { SlipwayStack } from '../../shared/slipway-stack.js';

/**
 * Container Insights by the environment's choice: 'standard' is ENABLED (per cluster and service,
 * billed as custom metrics), 'enhanced' adds per-task and per-container metrics (billed per
 * observation), 'off' turns it off.
 */
const CONTAINER_INSIGHTS: Readonly<Record<ContainerInsightsMode, ecs.ContainerInsights>> = {
  off: ecs.ContainerInsights.DISABLED,
  standard: ecs.ContainerInsights.ENABLED,
  enhanced: ecs.ContainerInsights.ENHANCED,
};

export interface RuntimeStackProps {
  readonly model: AppModel;
  /** The environment this cluster and load balancer serve. */
  readonly environment: EnvironmentModel;
}

/**
 * `<app>-<env>-runtime`: the ECS cluster (Fargate and Fargate Spot), the security group every task
 * joins, and, when any service is public, the one internet-facing load balancer public services
 * attach a listener rule to, and the alarm topic every alarm of the environment notifies, with
 * the configured routes subscribed (`shared/environment-alarm-topic.ts`). Cost: the cluster and
 * the topic are free; the load balancer is half the dev floor
 * (`shared-load-balancer.ts`), so an environment of internal services has none.
 */
export class RuntimeStack extends SlipwayStack {
  readonly cluster: ecs.Cluster;
  /** The shared load balancer; undefined when no service of the environment is public, or with an HTTP API. */
  readonly loadBalancer?: SharedLoadBalancer;
  /** The HTTP API with its VPC link, with `ingress: 'http-api'` and a public service. */
  readonly httpApi?: HttpApiIngress;

  constructor(scope: Construct, props: RuntimeStackProps) {
    const { model, environment: env } = props;
    // Public services are served by the load balancer, or by an HTTP API (`ingress`).
    const served = needsLoadBalancer(env);
    const balanced = served && env.ingress === 'load-balancer';
    super(scope, {
      app: model.app,
      stackName: env.stackNames.runtime,
      account: env.account,
      region: env.region,
      environment: env.name,
      terminationProtection: env.production,
      description: `Slipway ${model.app} ${env.name}: ECS cluster${served ? (balanced ? ' and shared load balancer' : ' and HTTP API') : ''}`,
    });
    const where: EnvironmentRef = { app: model.app, env: env.name };
    // Behind an edge the load balancer is internal, in the private subnets; otherwise public. An
    // HTTP API's VPC link sits in the private subnets.
    const behindApi = served && !balanced;
    const vpc = importVpc(this, where, env, env.edge === undefined && !behindApi ? 'public' : 'private');

    this.cluster = new ecs.Cluster(this, 'Cluster', {
      clusterName: clusterName(model.app, env.name),
      vpc,
      enableFargateCapacityProviders: true,
      containerInsightsV2: CONTAINER_INSIGHTS[observabilityOf(env).containerInsights],
    });
    if (observabilityOf(env).containerInsights === 'off') {
      // An explicit choice in the config, so the finding stands acknowledged with the field that
      // made it: the service alarms read ECS's own CPU and memory metrics, which need no Insights.
      const reason =
        `observability.containerInsights is 'off' for ${env.name}: the team chose to go without ` +
        "Container Insights' per-cluster and per-service metrics; the service alarms read ECS's own.";
      acknowledge(this.cluster, 'AwsSolutions-ECS4', reason);
      acknowledge(this.cluster, 'CT.ECS.PR.2', reason);
    }
    if (observabilityOf(env).containerInsights === 'enhanced') {
      acknowledge(
        this.cluster,
        'CT.ECS.PR.2',
        "Container Insights is on in its enhanced form ('enhanced'), which adds per-task and " +
          "per-container metrics to the standard ones; the control's check only knows 'enabled'.",
      );
    }

    // Membership only: every task joins it and every service admits it, so services reach each
    // other by private DNS while nothing outside the environment's tasks can.
    const services = new ec2.SecurityGroup(this, 'ServicesSecurityGroup', {
      vpc,
      description: `${model.app} ${env.name} services: members may call each other`,
      allowAllOutbound: false,
    });

    publishValue(this, where, 'runtime', runtimeKeys.clusterName, this.cluster.clusterName);
    publishValue(this, where, 'runtime', runtimeKeys.clusterArn, this.cluster.clusterArn);
    publishValue(this, where, 'runtime', runtimeKeys.servicesSecurityGroupId, services.securityGroupId);

    environmentAlarmTopic(this, where, env);

    if (balanced)
      this.loadBalancer = addSharedLoadBalancer(this, { app: model.app, environment: env, vpc, where });
    else if (behindApi)
      this.httpApi = addHttpApiIngress(this, { app: model.app, environment: env, vpc, where });
  }
}
