import {
  ActivateTypeCommand,
  CloudFormationClient,
  DescribeTypeCommand,
  type DescribeTypeCommandOutput,
  SetTypeConfigurationCommand,
} from '@aws-sdk/client-cloudformation';
import {
  DATADOG_MONITOR_TYPE,
  DATADOG_MONITOR_TYPE_MAJOR_VERSION,
  DATADOG_PUBLISHER_ID,
  datadogApiUrl,
  datadogMonitorPublicTypeArn,
} from '../config/data/datadog-monitor-type.js';
import {
  type DatadogMonitorsModel,
  ecsDatadogMonitors,
  secretReference,
} from '../model/ecs-datadog-monitors.js';
import type { EnvironmentModel } from '../model/types.js';
import { regionFacts } from '../stacks/shared/partition.js';
import { type Connection, LOCAL_CREDENTIALS } from './connection.js';
import { DeployError, DeployExitCode } from './errors.js';

/** Activating or configuring Datadog's monitor type failed; nothing of the monitoring stack was deployed. */
export class DatadogMonitorTypeError extends DeployError {
  override readonly name = 'DatadogMonitorTypeError';
  readonly exitCode = DeployExitCode.failed;
}

/** What the deploy did to the type, for its notes. */
export interface DatadogMonitorTypeOutcome {
  /** Whether this deploy activated the type (false: it was active already). */
  readonly activated: boolean;
  /** The activated type's ARN in the account and region. */
  readonly typeArn: string;
  /** The configuration set, with its dynamic references unresolved. */
  readonly configuration: string;
  /**
   * The public version active in the account when it is not of the pinned major version: someone
   * activated another major by hand, whose schema the monitors were not checked against.
   */
  readonly otherMajorVersion?: string;
}

/**
 * The type configuration Datadog's handler reads (`DatadogCredentials`): each key as a
 * CloudFormation dynamic reference to the declared secret that holds it, never the key itself,
 * and the site's API URL. CloudFormation resolves the references when the handler runs.
 */
export function datadogTypeConfiguration(env: EnvironmentModel, datadog: DatadogMonitorsModel): string {
  return JSON.stringify({
    DatadogCredentials: {
      ApiKey: dynamicReference(env, datadog.apiKeySecret),
      ApplicationKey: dynamicReference(env, datadog.appKeySecret),
      ApiURL: datadogApiUrl(datadog.site),
    },
  });
}

function dynamicReference(env: EnvironmentModel, secretName: string): string {
  const reference = secretReference(env.secrets, secretName);
  if (reference === undefined) {
    // Validation refuses an undeclared secret; a model built by hand could still name one.
    throw new DatadogMonitorTypeError(
      `observability.datadog: no secret named '${secretName}' is declared in ${env.name}. Fix: declare it under secrets.`,
    );
  }
  return reference;
}

/**
 * Before the monitoring stack of an ECS environment with Datadog monitors: the account and region
 * must have Datadog's public `Datadog::Monitors::Monitor` activated and configured, which no
 * template can do (decision 025). DescribeType says whether it is; if not, the public type is
 * looked up by its ARN, checked to be Datadog's, and activated at the pinned major version with
 * minor updates on. The configuration is then set every time: the same value again changes
 * nothing, and a rotated key name or a new site takes effect. Returns undefined when the
 * environment has no Datadog monitors.
 */
export async function ensureDatadogMonitorType(
  connection: Connection,
  env: EnvironmentModel,
): Promise<DatadogMonitorTypeOutcome | undefined> {
  const datadog = ecsDatadogMonitors(env);
  if (datadog === undefined) return undefined;
  const configuration = datadogTypeConfiguration(env, datadog);
  const publicArn = datadogMonitorPublicTypeArn(regionFacts(env.region).partition, env.region);
  const where = `${env.account}/${env.region}`;
  const client = new CloudFormationClient(
    connection.endpoint
      ? { region: env.region, endpoint: connection.endpoint, credentials: LOCAL_CREDENTIALS, maxAttempts: 2 }
      : { region: env.region },
  );
  try {
    const step = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
      try {
        return await call();
      } catch (error) {
        if (error instanceof DatadogMonitorTypeError) throw error;
        throw new DatadogMonitorTypeError(
          `${what} ${DATADOG_MONITOR_TYPE} in ${where} failed: ${(error as Error).message}. The monitoring stack was not deployed. ` +
            'Fix: deploy with credentials allowed cloudformation:DescribeType, ActivateType and SetTypeConfiguration there ' +
            '(the generated deploy role is, for an environment on Datadog), or activate it once by hand: `aws cloudformation activate-type ' +
            `--region ${env.region} --public-type-arn ${publicArn} --major-version ${DATADOG_MONITOR_TYPE_MAJOR_VERSION} --auto-update\`; then deploy again.`,
          { cause: error },
        );
      }
    };
    let activated = await step('Looking up', () => describeActivated(client));
    const activatedNow = activated === undefined;
    if (activated === undefined) {
      const published = await step('Looking up the public', () =>
        client.send(new DescribeTypeCommand({ Arn: publicArn })),
      );
      if (published.PublisherId !== DATADOG_PUBLISHER_ID || published.TypeName !== DATADOG_MONITOR_TYPE) {
        throw new DatadogMonitorTypeError(
          `${publicArn} in ${where} is ${published.TypeName ?? 'an unknown type'} by publisher ${published.PublisherId ?? 'unknown'}, ` +
            `not ${DATADOG_MONITOR_TYPE} by Datadog (${DATADOG_PUBLISHER_ID}); nothing was activated. ` +
            'Fix: report it; Slipway pins the ARN in src/config/data/datadog-monitor-type.ts.',
        );
      }
      await step('Activating', () =>
        client.send(
          new ActivateTypeCommand({
            PublicTypeArn: publicArn,
            MajorVersion: DATADOG_MONITOR_TYPE_MAJOR_VERSION,
            AutoUpdate: true,
          }),
        ),
      );
      activated = await step('Looking up the activated', () => describeActivated(client));
    }
    if (activated?.Arn === undefined) {
      throw new DatadogMonitorTypeError(
        `${DATADOG_MONITOR_TYPE} in ${where} was activated but DescribeType does not find it. Fix: deploy again in a minute.`,
      );
    }
    if (activated.OriginalTypeArn !== undefined && activated.OriginalTypeArn !== publicArn) {
      throw new DatadogMonitorTypeError(
        `${DATADOG_MONITOR_TYPE} in ${where} is activated from ${activated.OriginalTypeArn}, not Datadog's ${publicArn}. ` +
          "Its monitors would be kept by another publisher's code with your Datadog keys; nothing was configured. " +
          `Fix: deactivate it (\`aws cloudformation deactivate-type --region ${env.region} --arn ${activated.Arn}\`) and deploy again.`,
      );
    }
    const typeArn = activated.Arn;
    await step('Configuring', () =>
      client.send(
        new SetTypeConfigurationCommand({
          TypeArn: typeArn,
          Configuration: configuration,
          // Required for a resource type's configuration (the API reference's ConfigurationAlias).
          ConfigurationAlias: 'default',
        }),
      ),
    );
    const version = activated.PublicVersionNumber;
    const otherMajor =
      version !== undefined && Number.parseInt(version, 10) !== DATADOG_MONITOR_TYPE_MAJOR_VERSION;
    return {
      activated: activatedNow,
      typeArn,
      configuration,
      ...(otherMajor ? { otherMajorVersion: version } : {}),
    };
  } finally {
    client.destroy();
  }
}

/** The type as activated in the account and region, or undefined when it is not. */
async function describeActivated(
  client: CloudFormationClient,
): Promise<DescribeTypeCommandOutput | undefined> {
  try {
    const found = await client.send(
      new DescribeTypeCommand({ Type: 'RESOURCE', TypeName: DATADOG_MONITOR_TYPE }),
    );
    return found.IsActivated === false ? undefined : found;
  } catch (error) {
    if ((error as Error).name === 'TypeNotFoundException') return undefined;
    throw error;
  }
}
