import { Fn, Token } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { callerClient } from '../../../model/auth.js';
import type { DatabaseModel, EnvironmentModel, ServiceModel } from '../../../model/types.js';
import { dataKeys, type EnvironmentRef, readValue } from '../../shared/cross-stack.js';
import { decryptSecretsStatement, importDataKey } from '../../shared/environment-keys.js';
import { logicalIdPart } from '../../shared/logical-ids.js';
import { ModelError } from '../../shared/model-error.js';

/** Names that look like credentials; their values must come through `secrets` (SECURITY.md 5). */
export const SECRET_LOOKING_NAME = /PASSWORD|SECRET|TOKEN|KEY/i;

/** A service's database as its container reaches it. */
export interface DatabaseConnection {
  readonly database: DatabaseModel;
  /**
   * The instance's own endpoint address, not its `<name>.<app>.internal` alias: the RDS certificate
   * names only the endpoint, and RDS refuses IAM tokens signed for any other host name.
   */
  readonly host: string;
  /** Endpoint addresses of its read replicas, in order; empty without any. */
  readonly readerHosts: readonly string[];
}

/**
 * The plain variables a service's container gets: the model's own, plus for a service with a
 * database how to reach it. No password: the app signs in as `appUsername` with an IAM token, over
 * TLS that checks the server's certificate against the host name (libpq's `verify-full`).
 */
export function containerEnvironment(
  service: ServiceModel,
  connection: DatabaseConnection | undefined,
  path: string,
): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, value] of Object.entries(service.environment)) {
    if (SECRET_LOOKING_NAME.test(name)) {
      throw new ModelError(
        `${path}.environment.${name}`,
        'a plain environment variable may not carry a credential-looking name',
        `Declare a secret and map it with secrets: { ${name}: '<secret name>' }.`,
      );
    }
    variables[name] = value;
  }
  // The container listens where the target group and health checks point; most frameworks read PORT.
  if (variables.PORT !== undefined && variables.PORT !== String(service.port)) {
    throw new ModelError(
      `${path}.environment.PORT`,
      `PORT is ${variables.PORT} but the service's port is ${service.port}, so health checks would miss it`,
      `Remove PORT from environment (Slipway sets it to the service's port) or set port: ${variables.PORT}.`,
    );
  }
  variables.PORT = String(service.port);
  if (connection) {
    const { database, host, readerHosts } = connection;
    const settings: Record<string, string> = {
      DATABASE_HOST: host,
      ...(readerHosts.length > 0 ? { DATABASE_READER_HOSTS: commaJoined(readerHosts) } : {}),
      DATABASE_PORT: String(database.port),
      DATABASE_NAME: database.databaseName,
      DATABASE_USER: database.appUsername,
      DATABASE_IAM_AUTH: 'true',
      DATABASE_SSL: 'verify-full',
    };
    for (const [name, value] of Object.entries(settings)) {
      if (name in variables) {
        throw new ModelError(
          `${path}.environment.${name}`,
          `${name} is set by Slipway for the service's database`,
          'Remove it from environment.',
        );
      }
      variables[name] = value;
    }
  }
  return variables;
}

/**
 * How a service's container reaches `database`: its endpoint address, read at deploy time from the
 * data layer's parameter of the environment `where` names (for a preview, the copied environment's).
 */
export function databaseConnection(
  scope: Construct,
  where: EnvironmentRef,
  database: DatabaseModel,
): DatabaseConnection {
  return {
    database,
    host: readValue(scope, where, 'data', dataKeys.endpointAddress(database.name)),
    readerHosts: Array.from({ length: database.readReplicas }, (_, i) =>
      readValue(scope, where, 'data', dataKeys.replicaEndpointAddress(database.name, i + 1)),
    ),
  };
}

/** The declared database a service uses, or a model error naming the missing one. */
export function serviceDatabase(
  env: EnvironmentModel,
  service: ServiceModel,
  path: string,
): DatabaseModel | undefined {
  if (service.database === undefined) return undefined;
  const database = env.databases.find((d) => d.name === service.database);
  if (!database) {
    throw new ModelError(
      `${path}.database`,
      `no database named '${service.database}' is declared in ${env.name}`,
      `Declare it under databases or use one of: ${env.databases.map((d) => d.name).join(', ') || '(none)'}.`,
    );
  }
  return database;
}

/**
 * Container `secrets`: each becomes `Secrets[].ValueFrom`, fetched by ECS with the execution role at
 * task start. `ssm` secrets are existing SecureString parameters; `secretsmanager` ones are the
 * secrets the data stack created, found through the ARN it published.
 */
export function containerSecrets(
  scope: Construct,
  where: EnvironmentRef,
  env: EnvironmentModel,
  service: ServiceModel,
  path: string,
): Record<string, ecs.Secret> {
  const secrets: Record<string, ecs.Secret> = {};
  for (const [variable, secretName] of Object.entries(service.secrets)) {
    if (variable in service.environment) {
      throw new ModelError(
        `${path}.secrets.${variable}`,
        `${variable} is also a plain environment variable`,
        'Keep it in one of environment or secrets.',
      );
    }
    const declared = env.secrets.find((s) => s.name === secretName);
    if (!declared) {
      throw new ModelError(
        `${path}.secrets.${variable}`,
        `no secret named '${secretName}' is declared in ${env.name}`,
        `Declare it under secrets or use one of: ${env.secrets.map((s) => s.name).join(', ') || '(none)'}.`,
      );
    }
    const id = `Secret${logicalIdPart(declared.name)}`;
    secrets[variable] =
      declared.source === 'ssm'
        ? ecs.Secret.fromSsmParameter(
            ssm.StringParameter.fromSecureStringParameterAttributes(scope, id, {
              parameterName: declared.path,
            }),
          )
        : ecs.Secret.fromSecretsManager(
            secretsmanager.Secret.fromSecretCompleteArn(
              scope,
              id,
              readValue(scope, where, 'data', dataKeys.secretArn(declared.name)),
            ),
          );
  }
  return secrets;
}

/**
 * With the environment's own data key, a service that reads a Secrets Manager secret (a declared
 * one, or the secret of the machine client it signs in as) must also
 * decrypt it, and only through Secrets Manager. Written out here because CDK drops this grant for
 * an imported key: the execution role is in another stack than the key, so the grant goes to the
 * key's policy, which an imported key cannot change.
 */
export function grantSecretDecryption(
  scope: Construct,
  where: EnvironmentRef,
  env: EnvironmentModel,
  service: ServiceModel,
  executionRole: iam.IRole,
): void {
  const readsSecretsManager =
    Object.values(service.secrets).some(
      (name) => env.secrets.find((s) => s.name === name)?.source === 'secretsmanager',
    ) || callerClient(env.auth, service.name) !== undefined;
  const dataKey = readsSecretsManager ? importDataKey(scope, where, env) : undefined;
  if (dataKey === undefined) return;
  executionRole.addToPrincipalPolicy(decryptSecretsStatement(dataKey, env.region));
}

/** Values joined with commas: at synth when all are known, by CloudFormation when one is read at deploy. */
function commaJoined(values: readonly string[]): string {
  return values.some((value) => Token.isUnresolved(value)) ? Fn.join(',', [...values]) : values.join(',');
}
