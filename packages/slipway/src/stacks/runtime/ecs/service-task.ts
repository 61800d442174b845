import { tableVariables } from '../../../model/service-tables.js';
import { tableAccessStatements } from '../../shared/table-access.js';
import { topicPublishStatements, topicVariables } from '../../shared/topic-access.js';
import { queueSendStatements, queueVariables } from '../../shared/queue-access.js';
import { Duration } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { Construct } from 'constructs';
import { type HostReplacement, replacePrivateHosts } from '../../../naming/private-hosts.js';
import { acknowledge } from '../../../checks/acknowledge.js';
import type { AppModel, DatabaseModel, EnvironmentModel, ServiceModel } from '../../../model/types.js';
import {
  containerEnvironment,
  containerSecrets,
  databaseConnection,
  grantSecretDecryption,
} from './container-settings.js';
import type { EnvironmentRef } from '../../shared/cross-stack.js';
import { authEnvironment, callerEnvironment, callerSecrets } from './auth-connection.js';
import { cacheEnvironment, serviceCache } from './cache-connection.js';
import { importDataKey, importLogsKey } from '../../shared/environment-keys.js';
import { environmentLogGroup } from '../../shared/log-group.js';
import { regionFacts } from '../../shared/partition.js';
import { mountWritablePaths } from './writable-paths.js';
import { taskTelemetry } from './telemetry/task-telemetry.js';

export interface ServiceTaskProps {
  readonly model: AppModel;
  readonly environment: EnvironmentModel;
  /** The service whose task this is. */
  readonly service: ServiceModel;
  /** The declared database the service uses. @default none */
  readonly database?: DatabaseModel;
  /** The app and environment whose SSM values are read. */
  readonly where: EnvironmentRef;
  /** Model path of the service, for error messages. */
  readonly path: string;
  /**
   * The log group's pinned logical id, and whether it goes with the stack (previews) instead of
   * outliving it. @default `ServiceLogGroup`, kept
   */
  readonly logGroup?: { readonly logicalId: string; readonly removeWithStack: boolean };
  /**
   * Private addresses the plain variables reach elsewhere: a preview's copies answer at names of
   * their own, so a copy calls the other copies, not the environment's services. @default none
   */
  readonly privateHosts?: readonly HostReplacement[];
}

/**
 * The Fargate task of a service: platform, size, the app's container with its image from the CI
 * account, plain variables, secrets, logs, stop timeout, its user, a read-only root with writable
 * task-storage volumes where the app writes, and a memory limit; beside it the environment's
 * telemetry sidecar, if any (`telemetry/task-telemetry.ts`). The execution role may pull only this
 * service's repository (plus the account-wide registry token).
 */
export function serviceTask(
  scope: Construct,
  props: ServiceTaskProps,
): { taskDefinition: ecs.FargateTaskDefinition; container: ecs.ContainerDefinition } {
  const { model, environment: env, service, path } = props;
  const taskDefinition = new ecs.FargateTaskDefinition(scope, 'TaskDefinition', {
    family: env.stackNames.services[service.name],
    cpu: service.cpu,
    memoryLimitMiB: service.memory,
    runtimePlatform: {
      operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
      cpuArchitecture:
        service.architecture === 'arm64' ? ecs.CpuArchitecture.ARM64 : ecs.CpuArchitecture.X86_64,
    },
  });
  const logGroup = environmentLogGroup(scope, 'LogGroup', {
    retentionDays: env.logRetentionDays,
    retentionPath: `environments.${env.name}.logRetentionDays`,
    production: env.production,
    environmentName: env.name,
    encryptionKey: importLogsKey(scope, props.where, env),
    logicalId: props.logGroup?.logicalId ?? 'ServiceLogGroup',
    removeWithStack: props.logGroup?.removeWithStack ?? false,
  });
  const { partition, urlSuffix } = regionFacts(model.ci.region);
  const connection = props.database && databaseConnection(scope, props.where, props.database);
  const cache = serviceCache(env, service, path);
  const variables = {
    ...containerEnvironment(service, connection, path),
    ...(cache ? cacheEnvironment(scope, props.where, service, cache, path) : {}),
    ...authEnvironment(scope, props.where, service, path),
    ...callerEnvironment(scope, props.where, env, service, path),
    ...tableVariables(env, service),
    ...topicVariables(env, service),
    ...queueVariables(env, service),
  };
  const environment = replacePrivateHosts(variables, model.app, props.privateHosts ?? []);
  const telemetry = taskTelemetry(
    { scope, taskDefinition, environment: env, service, where: props.where, logGroup },
    path,
  );
  const container = taskDefinition.addContainer('Container', {
    containerName: service.name,
    // Images live once, in the CI account; every environment pulls the same tag from there.
    image: ecs.ContainerImage.fromRegistry(
      `${model.ci.account}.dkr.ecr.${model.ci.region}.${urlSuffix}/${service.image.repository}:${service.image.tag}`,
    ),
    portMappings: [{ containerPort: service.port, name: 'http', appProtocol: ecs.AppProtocol.http }],
    environment: { ...environment, ...telemetry?.environment },
    dockerLabels: telemetry?.dockerLabels,
    secrets: {
      ...containerSecrets(scope, props.where, env, service, path),
      ...callerSecrets(scope, props.where, env, service, path),
    },
    logging: telemetry?.logging ?? ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: service.name }),
    stopTimeout: Duration.seconds(service.stopTimeoutSeconds),
    essential: true,
    // Least privilege inside the task too: no root, no writes outside `writablePaths`, and a hard
    // memory limit equal to the task's (less a telemetry sidecar's share), so the container alone
    // can never claim more.
    user: service.user,
    readonlyRootFilesystem: service.readonlyRootFilesystem,
    memoryLimitMiB: service.memory - (telemetry?.memoryMiB ?? 0),
    healthCheck: containerHealthCheck(service),
  });
  // The app, not a sidecar added before it, is the container the load balancer and ECS point at.
  taskDefinition.defaultContainer = container;
  telemetry?.attach(container);
  mountWritablePaths(taskDefinition, container, service.writablePaths);
  const dataKey = importDataKey(scope, props.where, env);
  for (const statement of tableAccessStatements(env, service, dataKey)) {
    taskDefinition.addToTaskRolePolicy(statement);
  }
  for (const statement of [
    ...topicPublishStatements(env, service, dataKey),
    ...queueSendStatements(env, service, dataKey),
  ]) {
    taskDefinition.addToTaskRolePolicy(statement);
  }

  // `fromRegistry` grants nothing, so the pull permission is given here, for this repository only.
  const executionRole = taskDefinition.obtainExecutionRole();
  grantSecretDecryption(scope, props.where, env, service, executionRole);
  ecr.Repository.fromRepositoryArn(
    scope,
    'ImageRepository',
    `arn:${partition}:ecr:${model.ci.region}:${model.ci.account}:repository/${service.image.repository}`,
  ).grantPull(executionRole);
  acknowledge(
    executionRole,
    'AwsSolutions-IAM5[Resource::*]',
    'ecr:GetAuthorizationToken has no resource-level permissions and must name Resource "*"; ' +
      "image pulls themselves are limited to this service's repository.",
  );
  if ('AUTH_TOKEN_URL' in environment) {
    acknowledge(
      taskDefinition,
      'Slipway-ECS1',
      "AUTH_TOKEN_URL is the address of the user pool's token endpoint, not a token; the machine " +
        "client's secret arrives as AUTH_CALLER_CLIENT_SECRET through the container's secrets.",
    );
  }
  if (Object.keys(environment).length > 0) {
    acknowledge(
      taskDefinition,
      'AwsSolutions-ECS2',
      'These variables are plain configuration (log level, database host and user); credential-looking ' +
        'names are rejected and every credential arrives through container secrets.',
    );
  }
  return { taskDefinition, container };
}

/** Longest start period ECS takes for a container health check. */
const MAX_START_PERIOD_SECONDS = 300;

/**
 * The container health check the config asks for: every 15 seconds, 5 to answer, three failures
 * in a row and ECS replaces the task; failures in the service's grace period do not count.
 */
function containerHealthCheck(service: ServiceModel): ecs.HealthCheck | undefined {
  if (service.healthCheckCommand === undefined) return undefined;
  return {
    command: ['CMD', ...service.healthCheckCommand],
    interval: Duration.seconds(15),
    timeout: Duration.seconds(5),
    retries: 3,
    startPeriod: Duration.seconds(Math.min(service.healthCheckGracePeriodSeconds, MAX_START_PERIOD_SECONDS)),
  };
}
