import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import type { Construct } from 'constructs';
import type { HostReplacement } from '../../../naming/private-hosts.js';
import { acknowledge } from '../../../checks/acknowledge.js';
import { observabilityOf } from '../../../model/observability.js';
import type { AppModel, EnvironmentModel, ServiceModel } from '../../../model/types.js';
import { serviceDatabase } from './container-settings.js';
import { connectToCache, serviceCache } from './cache-connection.js';
import { dataKeys, type EnvironmentRef, readValue, runtimeKeys } from '../../shared/cross-stack.js';
import { deploymentSettings } from './deployment-settings.js';
import { importNamespace } from '../../network/imported-namespace.js';
import { importVpc } from '../../network/imported-vpc.js';
import { ModelError } from '../../shared/model-error.js';
import { taskPlacement } from '../../network/network-layout.js';
import { appUserConnectArns } from '../../shared/database-user-arns.js';
import { serviceAlarmName } from '../../shared/resource-names.js';
import { httpApiMetrics, ServiceAlarms, targetGroupMetrics } from './service-alarms.js';
import { ServiceHttpRoutes } from './service-http-routes.js';
import { ServiceHealthAlarms } from './service-health-alarms.js';
import { ServiceRouting } from './service-routing.js';
import { configureScaling } from './service-scaling.js';
import { serviceTask } from './service-task.js';

export interface FargateServiceProps {
  readonly model: AppModel;
  /** The environment as this service sees it (a preview passes its own copy of dev). */
  readonly environment: EnvironmentModel;
  readonly service: ServiceModel;
  /** Whose SSM parameters describe the VPC, cluster, load balancer and databases. */
  readonly where: EnvironmentRef;
  /**
   * A preview copy: attach to the preview's listener (load balancer) or routes under its prefix
   * (HTTP API) instead of the environment's, answer at a private DNS name of its own and call the
   * other copies at theirs, leave the deployment alarms to the environment's own service, and let
   * the log group go with the stack.
   * @default the environment's own service
   */
  readonly preview?: {
    /** The preview's own listener; undefined on an HTTP API or when no service is public. */
    readonly listener?: elbv2.IApplicationListener;
    /** The preview's path prefix on the environment's HTTP API (`/pr-<slug>`). */
    readonly routePrefix: string;
    /**
     * The copy's own Cloud Map name (`<service>-pr-<slug>`), which the other copies and the HTTP
     * API's integration reach it by.
     */
    readonly discoveryName: string;
    /** Every copy's address in place of its service's, for the plain variables. */
    readonly privateHosts: readonly HostReplacement[];
    /** Pinned logical id of the service's log group (a preview stack holds several). */
    readonly logGroupLogicalId: string;
  };
}

/** What a built service exposes to its stack. */
export interface BuiltFargateService {
  readonly service: ecs.FargateService;
  readonly taskDefinition: ecs.FargateTaskDefinition;
  readonly securityGroup: ec2.SecurityGroup;
}

/**
 * One Fargate service into `scope`: task definition, logs, security group, private DNS name,
 * listener rule, alarms, scaling and, with a database, the ingress rule and `rds-db:connect` for its
 * app user. Everything shared comes from the layer stacks' SSM parameters.
 */
export function buildFargateService(scope: Construct, props: FargateServiceProps): BuiltFargateService {
  const { model, environment: env, service, where, preview } = props;
  const path = `environments.${env.name}.services.${service.name}`;
  const deployment = deploymentSettings(service, path);
  const database = serviceDatabase(env, service, path);
  checkProductionCounts(env, service, path);

  const placement = taskPlacement(env);
  const vpc = importVpc(scope, where, env, placement.assignPublicIp ? 'public' : 'private');
  const cluster = ecs.Cluster.fromClusterAttributes(scope, 'Cluster', {
    clusterName: readValue(scope, where, 'runtime', runtimeKeys.clusterName),
    vpc,
    securityGroups: [],
  });
  // Between two ingresses a public service is attached to neither, and holds no private name: the
  // record types each ingress needs differ, and Cloud Map changes them only by starting afresh.
  const detached = service.public && env.detachedFromIngress === true;
  // Served by the environment's HTTP API instead of the load balancer (`ingress: 'http-api'`).
  const behindApi = service.public && !detached && env.ingress === 'http-api';
  // The environment's own service holds `<service>.<app>.internal`; a preview copy holds its own
  // `<service>-pr-<slug>.<app>.internal`, which the other copies call instead.
  const namespace = detached ? undefined : importNamespace(scope, where, env);

  const { taskDefinition, container } = serviceTask(scope, {
    model,
    environment: env,
    service,
    database,
    where,
    path,
    logGroup: preview
      ? { logicalId: preview.logGroupLogicalId, removeWithStack: true }
      : { logicalId: 'ServiceLogGroup', removeWithStack: false },
    privateHosts: preview?.privateHosts,
  });

  // Who may reach the tasks: the ingress (public services: the load balancer or the HTTP API's VPC
  // link, added where it is built) and the environment's other services.
  const securityGroup = new ec2.SecurityGroup(scope, 'TaskSecurityGroup', {
    vpc,
    description: `${service.name} tasks: ingress only from other security groups`,
    // Tasks reach ECR, Secrets Manager, SSM and CloudWatch over HTTPS, and their own dependencies.
    allowAllOutbound: true,
  });
  const peers = ec2.SecurityGroup.fromSecurityGroupId(
    scope,
    'ServicesSecurityGroup',
    readValue(scope, where, 'runtime', runtimeKeys.servicesSecurityGroupId),
    { mutable: false },
  );
  securityGroup.addIngressRule(peers, ec2.Port.tcp(service.port), 'Other services of the environment');

  const alarmNames = {
    errors: serviceAlarmName(model.app, env.name, service.name, '5xx'),
    latency: serviceAlarmName(model.app, env.name, service.name, 'p99-latency'),
  };
  const watched = service.public && !preview && !detached;
  const fargate = new ecs.FargateService(scope, 'Service', {
    cluster,
    taskDefinition,
    desiredCount: service.desiredCount,
    vpcSubnets: { subnetType: placement.subnetType },
    assignPublicIp: placement.assignPublicIp,
    securityGroups: [securityGroup, peers],
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
    cloudMapOptions: namespace && {
      cloudMapNamespace: namespace,
      name: preview?.discoveryName ?? service.name,
      // Behind an HTTP API the integration needs each task's port, which ECS writes only with
      // SRV records; the A records callers resolve are added beside them below (decision 028).
      ...(behindApi
        ? { dnsRecordType: servicediscovery.DnsRecordType.SRV, container, containerPort: service.port }
        : { dnsRecordType: servicediscovery.DnsRecordType.A }),
      dnsTtl: Duration.seconds(10),
    },
    deploymentAlarms: watched
      ? {
          alarmNames: [alarmNames.errors, alarmNames.latency],
          behavior: ecs.AlarmBehavior.ROLLBACK_ON_ALARM,
        }
      : undefined,
  });

  if (placement.assignPublicIp) {
    // Names what the task's security group does admit: the ingress in front, if any, and the services.
    const front = !service.public
      ? ''
      : env.ingress === 'http-api'
        ? "the HTTP API's VPC link and "
        : 'the load balancer and ';
    acknowledge(
      fargate,
      'CT.ECS.PR.9',
      `${env.name} has network.natGateways: 0, so its tasks run in public subnets with public IPs to ` +
        'reach ECR, Secrets Manager and CloudWatch without paying for a NAT gateway; their security ' +
        `groups admit nothing from the internet, only ${front}the environment's services. ` +
        `Set environments.${env.name}.network.natGateways to 1 or more to run them in private subnets.`,
    );
  }
  if (!watched) {
    acknowledge(
      fargate,
      'Slipway-ECS3',
      preview
        ? 'A preview runs one task for review and is replaced on every push; alarms would only ' +
            'add cost, and the deployment circuit breaker still rolls back tasks that fail to start.'
        : 'An internal service has no load balancer, so there are no 5xx or latency metrics to judge a ' +
            'release by; the deployment circuit breaker still rolls back tasks that fail to start or stay healthy.',
    );
  }
  if (preview && service.public) {
    acknowledge(
      fargate,
      'Slipway-OBS2',
      "A preview is a branch's copy for review, replaced on every push and pruned when idle; nobody is " +
        'woken for it, and the environment it copies keeps its own 5xx and latency alarms.',
    );
  }

  let routing: ServiceRouting | undefined;
  let deploymentAlarms: ServiceAlarms | undefined;
  if (behindApi) {
    const discovery = fargate.cloudMapService!;
    (discovery.node.defaultChild as servicediscovery.CfnService).addPropertyOverride('DnsConfig.DnsRecords', [
      { Type: 'A', TTL: 10 },
      { Type: 'SRV', TTL: 10 },
    ]);
    new ServiceHttpRoutes(scope, 'HttpRoutes', {
      model: service,
      path,
      where,
      vpc,
      discovery,
      tasks: securityGroup,
      ...(preview ? { routePrefix: preview.routePrefix } : {}),
    });
    if (watched) {
      deploymentAlarms = new ServiceAlarms(scope, 'Alarms', {
        errorsAlarmName: alarmNames.errors,
        latencyAlarmName: alarmNames.latency,
        metrics: httpApiMetrics(readValue(scope, where, 'runtime', runtimeKeys.httpApiId)),
        alarmTopicArn: readValue(scope, where, 'runtime', runtimeKeys.alarmTopicArn),
      });
      fargate.node.addDependency(deploymentAlarms);
    }
  } else if (service.public && !detached) {
    const loadBalancerGroup = ec2.SecurityGroup.fromSecurityGroupId(
      scope,
      'LoadBalancerSecurityGroup',
      readValue(scope, where, 'runtime', runtimeKeys.albSecurityGroupId),
      // Imported as closed so attaching the target adds the ALB's egress rule to these tasks.
      { allowAllOutbound: false },
    );
    routing = new ServiceRouting(scope, 'Routing', {
      model: service,
      path,
      priority: listenerPriority(env, service),
      vpc,
      listener:
        preview?.listener ??
        elbv2.ApplicationListener.fromApplicationListenerAttributes(scope, 'Listener', {
          listenerArn: readValue(scope, where, 'runtime', runtimeKeys.listenerArn),
          securityGroup: loadBalancerGroup,
        }),
      service: fargate,
      containerName: container.containerName,
      alternateTarget: deployment.shiftsTraffic,
    });
    dropEgressToSharedGroup(loadBalancerGroup, peers);
    if (preview) {
      // The load balancer's way to these tasks, owned here so it goes with the preview.
      new ec2.CfnSecurityGroupEgress(scope, 'LoadBalancerEgress', {
        groupId: readValue(scope, where, 'runtime', runtimeKeys.albSecurityGroupId),
        destinationSecurityGroupId: securityGroup.securityGroupId,
        ipProtocol: 'tcp',
        fromPort: service.port,
        toPort: service.port,
        description: `Load balancer to ${Stack.of(scope).stackName} ${service.name} tasks`,
      });
    }
    if (watched) {
      deploymentAlarms = new ServiceAlarms(scope, 'Alarms', {
        errorsAlarmName: alarmNames.errors,
        latencyAlarmName: alarmNames.latency,
        metrics: targetGroupMetrics(routing.targetGroups),
        alarmTopicArn: readValue(scope, where, 'runtime', runtimeKeys.alarmTopicArn),
      });
      // The service names the alarms by their fixed names; make sure they exist first.
      fargate.node.addDependency(deploymentAlarms);
    }
  }
  // A preview is looked at, not watched: it has no alarms.
  if (!preview) {
    new ServiceHealthAlarms(scope, 'Health', {
      alarmName: (kind) => serviceAlarmName(model.app, env.name, service.name, kind),
      level: observabilityOf(env).alarms,
      service: fargate,
      logGroup: serviceLogGroup(scope),
      names: { app: model.app, env: env.name, service: service.name },
      // A public service is down when its "down" signal or its 5xx alarm fires; behind an HTTP
      // API the signal is its running tasks, as there are no target groups to count healthy ones in.
      ...(deploymentAlarms
        ? {
            routed: {
              errors: deploymentAlarms.errors,
              ...(routing ? { targetGroups: routing.targetGroups } : {}),
            },
          }
        : {}),
      alarmTopicArn: readValue(scope, where, 'runtime', runtimeKeys.alarmTopicArn),
    });
  }

  if (database) {
    connectToDatabase(scope, {
      where,
      env,
      database: database.name,
      port: database.port,
      appUsername: database.appUsername,
      readReplicas: database.readReplicas,
      securityGroup,
      taskDefinition,
    });
  }
  const cache = serviceCache(env, service, path);
  if (cache) connectToCache(scope, where, cache, securityGroup);
  // Detached for a moment, a service runs its desired count: scaling on requests per task would
  // have no target group to count them, and the switch's next step puts the scaling back.
  if (!detached) configureScaling(fargate, service, path, routing?.primary);

  new CfnOutput(scope, 'ServiceName', {
    description: `ECS service name of ${service.name}`,
    value: fargate.serviceName,
  });
  return { service: fargate, taskDefinition, securityGroup };
}

/** The log group `serviceTask` made in `scope` for the app container's lines. */
function serviceLogGroup(scope: Construct): logs.ILogGroup {
  return scope.node.findChild('LogGroup') as logs.ILogGroup;
}

/**
 * Opens the database to these tasks only (a rule on the database's group, owned by this stack so
 * it goes with the service) and lets the task role sign in as the app user with IAM, nothing else.
 */
function connectToDatabase(
  scope: Construct,
  props: {
    where: EnvironmentRef;
    env: EnvironmentModel;
    database: string;
    /** The port the database listens on. */
    port: number;
    appUsername: string;
    /** How many read replicas the database has; the app user signs in to each the same way. */
    readReplicas: number;
    securityGroup: ec2.SecurityGroup;
    taskDefinition: ecs.FargateTaskDefinition;
  },
): void {
  const { where, env, database } = props;
  new ec2.CfnSecurityGroupIngress(scope, 'DatabaseIngress', {
    groupId: readValue(scope, where, 'data', dataKeys.securityGroupId(database)),
    sourceSecurityGroupId: props.securityGroup.securityGroupId,
    ipProtocol: 'tcp',
    fromPort: props.port,
    toPort: props.port,
    description: `${Stack.of(scope).stackName} tasks to the ${database} database`,
  });
  props.taskDefinition.addToTaskRolePolicy(
    new iam.PolicyStatement({
      sid: 'ConnectAsAppUser',
      actions: ['rds-db:connect'],
      resources: appUserConnectArns(scope, where, env, {
        name: database,
        appUsername: props.appUsername,
        readReplicas: props.readReplicas,
      }),
    }),
  );
}

/**
 * Rule priority: the load balancer matches the lowest number first, so services whose paths are
 * more specific (a longer literal prefix before any wildcard: `/pgadmin/*` before `/*`) come
 * first whatever order the config lists them in; ties keep the config's order. Previews have a
 * listener of their own, so the same numbers serve there.
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

/**
 * Attaching a target makes CDK open the load balancer's egress to every group of the tasks,
 * the environment's shared services group among them. Two public services on one port would then
 * each add the same rule to the load balancer's group, and EC2 refuses the second as a duplicate.
 * The rule to the task's own group is enough: the tasks are in both groups.
 */
function dropEgressToSharedGroup(loadBalancerGroup: ec2.ISecurityGroup, shared: ec2.ISecurityGroup): void {
  for (const child of [...loadBalancerGroup.node.children]) {
    if (
      child instanceof ec2.CfnSecurityGroupEgress &&
      child.destinationSecurityGroupId === shared.securityGroupId
    ) {
      loadBalancerGroup.node.tryRemoveChild(child.node.id);
    }
  }
}
