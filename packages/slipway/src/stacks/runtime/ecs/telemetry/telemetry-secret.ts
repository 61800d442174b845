import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { dataKeys, readValue } from '../../../shared/cross-stack.js';
import { decryptSecretsStatement, importDataKey } from '../../../shared/environment-keys.js';
import { logicalIdPart } from '../../../shared/logical-ids.js';
import { ModelError } from '../../../shared/model-error.js';
import type { TelemetryContext } from './telemetry-context.js';

/**
 * A provider's API key as a container secret (ECS fetches it at task start with the execution
 * role; it never appears in the template). The secret is imported once per stack under the same
 * id the service's own `secrets` use, so a service that also maps it shares the import. Under the
 * environment's own data key, a Secrets Manager secret must also be decrypted, through Secrets
 * Manager only.
 */
export function telemetrySecret(context: TelemetryContext, secretName: string, field: string): ecs.Secret {
  const { scope, environment: env, where, taskDefinition } = context;
  const declared = env.secrets.find((secret) => secret.name === secretName);
  if (declared === undefined) {
    throw new ModelError(
      field,
      `no secret named '${secretName}' is declared in ${env.name}`,
      `Declare it under secrets or use one of: ${env.secrets.map((s) => s.name).join(', ') || '(none)'}.`,
    );
  }
  const id = `Secret${logicalIdPart(declared.name)}`;
  if (declared.source === 'ssm') {
    const parameter =
      (scope.node.tryFindChild(id) as ssm.IStringParameter | undefined) ??
      ssm.StringParameter.fromSecureStringParameterAttributes(scope, id, { parameterName: declared.path });
    return ecs.Secret.fromSsmParameter(parameter);
  }
  const secret =
    (scope.node.tryFindChild(id) as secretsmanager.ISecret | undefined) ??
    secretsmanager.Secret.fromSecretCompleteArn(
      scope,
      id,
      readValue(scope, where, 'data', dataKeys.secretArn(declared.name)),
    );
  const dataKey = importDataKey(scope, where, env);
  if (dataKey !== undefined) {
    taskDefinition.obtainExecutionRole().addToPrincipalPolicy(decryptSecretsStatement(dataKey, env.region));
  }
  return ecs.Secret.fromSecretsManager(secret);
}
