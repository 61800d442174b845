import { CfnOutput, Duration } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import type { Construct } from 'constructs';
import { acknowledge } from '../checks/acknowledge.js';
import type { AppModel, EnvironmentModel, ServiceModel } from '../model/types.js';
import { serviceDatabase } from './container-settings.js';
import { dataKeys, type EnvironmentRef, readValue, runtimeKeys } from './cross-stack.js';
import { deploymentSettings } from './deployment-settings.js';
import { importNamespace } from './imported-namespace.js';
import { importVpc } from './imported-vpc.js';
import { ModelError } from './model-error.js';
import { taskPlacement } from './network-layout.js';
import { regionFacts } from './partition.js';
import { POSTGRES_PORT } from './postgres-database.js';
import { serviceAlarmName } from './resource-names.js';
import { ServiceAlarms } from './service-alarms.js';
import { ServiceRouting } from './service-routing.js';
import { configureScaling } from './service-scaling.js';
import { serviceTask } from './service-task.js';
import { SlipwayStack } from './slipway-stack.js';

export interface ServiceStackProps {
  readonly model: AppModel;
  readonly environment: EnvironmentModel;
  /** The service this stack runs. */
  readonly service: ServiceModel;
}

/**
 * `<app>-<env>-<service>`: one Fargate service with its task definition, logs, security group,
 * private DNS name, listener rule, alarms and scaling. It reads everything it needs from the layer
 * stacks' SSM parameters, so it deploys on its own and is the only stack a routine release touches.
 * Cost: Fargate per vCPU-hour and GB-hour (ARM about 20 % under x86, Spot about 70 % under
 * on-demand), plus $0.005/h per task with a public IP and $0.20 a month for the two alarms.
 */
export class ServiceStack extends SlipwayStack {
  readonly service: ecs.FargateService;
  readonly taskDefinition: ecs.FargateTaskDefinition;
  readonly securityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, props: ServiceStackProps) {
    const { model, environment: env, service } = props;
    const stackName = env.stackNames.services[service.name];
    const path = `environments.${env.name}.services.${service.name}`;
    if (!stackName) {
      throw new ModelError(
        `environments.${env.name}.stackNames.services`,
        `no stack name for service '${service.name}'`,
        'Resolve the model from the config so every service has its stack name.',
      );
    }
    super(scope, {
      app: model.app,
      stackName,
      account: env.account,
      region: env.region,
      environment: env.name,
      terminationProtection: env.production,
      description: `Slipway ${model.app} ${env.name}: service ${service.name}`,
    });
    const where: EnvironmentRef = { app: model.app, env: env.name };
    const deployment = deploymentSettings(service, path);
    const database = serviceDatabase(env, service, path);
    checkProductionCounts(env, service, path);

    const placement = taskPlacement(env);
    const vpc = importVpc(this, where, env, placement.assignPublicIp ? 'public' : 'private');
    const cluster = ecs.Cluster.fromClusterAttributes(this, 'Cluster', {
      clusterName: readValue(this, where, 'runtime', runtimeKeys.clusterName),
      vpc,
      securityGroups: [],
    });
    const namespace = importNamespace(this, where, env);

    const { taskDefinition, container } = serviceTask(this, {
      model,
      environment: env,
      service,
      database,
      where,
      path,
    });
    this.taskDefinition = taskDefinition;

    // Who may reach the tasks: the load balancer (public services) and the environment's other services.
    this.securityGroup = new ec2.SecurityGroup(this, 'TaskSecurityGroup', {
      vpc,
      description: `${service.name} tasks: ingress only from other security groups`,
      // Tasks reach ECR, Secrets Manager, SSM and CloudWatch over HTTPS, and their own dependencies.
      allowAllOutbound: true,
    });
    const peers = ec2.SecurityGroup.fromSecurityGroupId(
      this,
      'ServicesSecurityGroup',
      readValue(this, where, 'runtime', runtimeKeys.servicesSecurityGroupId),
      { mutable: false },
    );
    this.securityGroup.addIngressRule(peers, ec2.Port.tcp(service.port), 'Other services of the environment');

    this.service = new ecs.FargateService(this, 'Service', {
      cluster,
      taskDefinition: this.taskDefinition,
      desiredCount: service.desiredCount,
      vpcSubnets: { subnetType: placement.subnetType },
      assignPublicIp: placement.assignPublicIp,
      securityGroups: [this.securityGroup, peers],
      capacityProviderStrategies: [
        { capacityProvider: service.capacity === 'spot' ? 'FARGATE_SPOT' : 'FARGATE', weight: 1 },
      ],
      // Never below the desired count during a deploy: new tasks start before old ones stop.
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      deploymentController: { type: ecs.DeploymentControllerType.ECS },
      circuitBreaker: { enable: true, rollback: true },
      deploymentStrategy: deployment.deploymentStrategy,
      bakeTime: deployment.bakeTime,
      canaryConfiguration: deployment.canaryConfiguration,
      linearConfiguration: deployment.linearConfiguration,
      healthCheckGracePeriod: service.public
        ? Duration.seconds(service.healthCheckGracePeriodSeconds)
        : undefined,
      propagateTags: ecs.PropagatedTagSource.SERVICE,
      cloudMapOptions: {
        cloudMapNamespace: namespace,
        name: service.name,
        dnsRecordType: servicediscovery.DnsRecordType.A,
        dnsTtl: Duration.seconds(10),
      },
      deploymentAlarms: service.public
        ? {
            alarmNames: [
              serviceAlarmName(model.app, env.name, service.name, '5xx'),
              serviceAlarmName(model.app, env.name, service.name, 'p99-latency'),
            ],
            behavior: ecs.AlarmBehavior.ROLLBACK_ON_ALARM,
          }
        : undefined,
    });

    if (!service.public) {
      acknowledge(
        this.service,
        'Slipway-ECS3',
        'An internal service has no load balancer, so there are no 5xx or latency metrics to judge a ' +
          'release by; the deployment circuit breaker still rolls back tasks that fail to start or stay healthy.',
      );
    }

    let routing: ServiceRouting | undefined;
    if (service.public) {
      const loadBalancerGroup = ec2.SecurityGroup.fromSecurityGroupId(
        this,
        'LoadBalancerSecurityGroup',
        readValue(this, where, 'runtime', runtimeKeys.albSecurityGroupId),
        // Imported as closed so attaching the target adds the ALB's egress rule to these tasks.
        { allowAllOutbound: false },
      );
      routing = new ServiceRouting(this, 'Routing', {
        model: service,
        path,
        priority: listenerPriority(env, service),
        vpc,
        listener: elbv2.ApplicationListener.fromApplicationListenerAttributes(this, 'Listener', {
          listenerArn: readValue(this, where, 'runtime', runtimeKeys.listenerArn),
          securityGroup: loadBalancerGroup,
        }),
        service: this.service,
        containerName: container.containerName,
        alternateTarget: deployment.shiftsTraffic,
      });
      const alarms = new ServiceAlarms(this, 'Alarms', {
        errorsAlarmName: serviceAlarmName(model.app, env.name, service.name, '5xx'),
        latencyAlarmName: serviceAlarmName(model.app, env.name, service.name, 'p99-latency'),
        targetGroups: routing.targetGroups,
      });
      // The service names the alarms by their fixed names; make sure they exist first.
      this.service.node.addDependency(alarms);
    }

    if (database) {
      this.connectToDatabase(where, env, database.name, database.appUsername);
    }
    configureScaling(this.service, service, path, routing?.primary);

    new CfnOutput(this, 'ServiceName', {
      description: `ECS service name of ${service.name}`,
      value: this.service.serviceName,
    });
  }

  /**
   * Opens the database to these tasks only (a rule on the database's group, owned by this stack so
   * it goes with the service) and lets the task role sign in as the app user with IAM, nothing else.
   */
  private connectToDatabase(
    where: EnvironmentRef,
    env: EnvironmentModel,
    name: string,
    appUsername: string,
  ): void {
    new ec2.CfnSecurityGroupIngress(this, 'DatabaseIngress', {
      groupId: readValue(this, where, 'data', dataKeys.securityGroupId(name)),
      sourceSecurityGroupId: this.securityGroup.securityGroupId,
      ipProtocol: 'tcp',
      fromPort: POSTGRES_PORT,
      toPort: POSTGRES_PORT,
      description: `${this.stackName} tasks to the ${name} database`,
    });
    const { partition } = regionFacts(env.region);
    const resourceId = readValue(this, where, 'data', dataKeys.resourceId(name));
    this.taskDefinition.addToTaskRolePolicy(
      new iam.PolicyStatement({
        sid: 'ConnectAsAppUser',
        actions: ['rds-db:connect'],
        resources: [
          `arn:${partition}:rds-db:${env.region}:${env.account}:dbuser:${resourceId}/${appUsername}`,
        ],
      }),
    );
  }
}

/**
 * Rule priority: the load balancer matches the lowest number first, so services whose paths are
 * more specific (a longer literal prefix before any wildcard: `/pgadmin/*` before `/*`) come
 * first whatever order the config lists them in; ties keep the config's order. Gaps of ten leave
 * room for preview rules in between.
 */
function listenerPriority(env: EnvironmentModel, service: ServiceModel): number {
  const ranked = env.services
    .filter((s) => s.public)
    .map((s, order) => ({ s, order, specificity: Math.min(...s.paths.map(literalPrefixLength)) }))
    .sort((a, b) => b.specificity - a.specificity || a.order - b.order);
  return (ranked.findIndex((r) => r.s === service) + 1) * 10;
}

/** Characters before the first wildcard: `/pgadmin/*` → 9, `/*` → 1. */
function literalPrefixLength(pattern: string): number {
  const wildcard = pattern.search(/[*?]/);
  return wildcard === -1 ? pattern.length : wildcard;
}

/** Production keeps two tasks through a deploy and an Availability Zone loss (SECURITY.md 22). */
function checkProductionCounts(env: EnvironmentModel, service: ServiceModel, path: string): void {
  if (env.production && (service.desiredCount < 2 || service.minCount < 2)) {
    throw new ModelError(
      `${path}.desiredCount`,
      `production services run at least 2 tasks, got desiredCount ${service.desiredCount} and minCount ${service.minCount}`,
      'Set desiredCount and minCount to 2 or more.',
    );
  }
}
