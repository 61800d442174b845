import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { EnvironmentModel, ServiceModel } from '../../../../model/types.js';
import type { EnvironmentRef } from '../../../shared/cross-stack.js';

/** What every provider's sidecar is built from: the task it joins and the service it serves. */
export interface TelemetryContext {
  readonly scope: Construct;
  readonly taskDefinition: ecs.FargateTaskDefinition;
  readonly environment: EnvironmentModel;
  readonly service: ServiceModel;
  /** Whose SSM parameters (the secrets' ARNs, the data key) are read. */
  readonly where: EnvironmentRef;
  /** The service's log group; each sidecar writes its own stream there. */
  readonly logGroup: logs.ILogGroup;
}

/** What the app container takes from its telemetry sidecar, and how the two are joined. */
export interface TelemetrySidecar {
  /** Variables the app container gets besides the OTLP ones. */
  readonly appEnvironment: Readonly<Record<string, string>>;
  /** Docker labels the app container gets. @default none */
  readonly appDockerLabels?: Readonly<Record<string, string>>;
  /** Where the app's stdout goes instead of CloudWatch Logs. @default the service's log group */
  readonly appLogging?: ecs.LogDriver;
  /** Adds the containers that follow the app and makes the app start after them. */
  attach(app: ecs.ContainerDefinition): void;
}
