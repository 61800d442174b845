import { RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { acknowledge } from '../../checks/acknowledge.js';
import type { SecretModel } from '../../model/types.js';
import { logicalIdPart, pinLogicalId } from '../shared/logical-ids.js';

/**
 * A Secrets Manager secret Slipway creates for the team to fill: CloudFormation must never hold the
 * value, so it starts as a generated placeholder and is retained when the stack goes.
 * Cost: $0.40 per secret-month plus $0.05 per 10,000 reads.
 */
export function teamSecret(
  scope: Construct,
  model: SecretModel,
  /** The environment's data key; none when it uses Secrets Manager's own key. */
  encryptionKey: kms.IKey | undefined,
): secretsmanager.Secret {
  const secret = new secretsmanager.Secret(scope, `Secret${logicalIdPart(model.name)}`, {
    secretName: model.path,
    encryptionKey,
    description: `${model.name}: set the real value with put-secret-value; Slipway only created a placeholder`,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  pinLogicalId(secret, `Secret${logicalIdPart(model.name)}`);
  acknowledge(
    secret,
    'AwsSolutions-SMG4',
    'The team supplies this value (typically a third-party credential) and rotates it at its source; ' +
      'a Lambda rotation here could not change the value where it was issued.',
  );
  return secret;
}
