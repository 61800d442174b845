import { RemovalPolicy, SecretValue } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { acknowledge } from '../../checks/acknowledge.js';
import { logicalIdPart, pinLogicalId } from '../shared/logical-ids.js';

export interface MachineClientSecretProps {
  /** The machine client, created with a generated secret. */
  readonly client: cognito.UserPoolClient;
  readonly clientName: string;
  /** The service that signs in as the client, for the description. */
  readonly service: string;
  /** `/<app>/<env>/data/auth/clients/<client>/secret`. */
  readonly secretName: string;
  /** The environment's data key; none when it uses Secrets Manager's own key. */
  readonly encryptionKey: kms.IKey | undefined;
}

/**
 * A copy of a machine client's secret in Secrets Manager, where ECS hands it to the service as a
 * container secret. The value is CloudFormation's `Fn::GetAtt <client>.ClientSecret`, so no
 * Lambda-backed custom resource reads it (CDK's `userPoolClientSecret` would add one). It is not
 * retained: Cognito holds the secret, and when the client goes the copy is worthless; for the same
 * reason the replacement guard lets a deploy drop or replace it (`isStatefulResource`).
 * Cost: $0.40 a month plus $0.05 per 10,000 reads (each task start reads it once).
 */
export function machineClientSecret(
  scope: Construct,
  props: MachineClientSecretProps,
): secretsmanager.Secret {
  const id = `AuthClient${logicalIdPart(props.clientName)}Secret`;
  const cfnClient = props.client.node.defaultChild as cognito.CfnUserPoolClient;
  const secret = new secretsmanager.Secret(scope, id, {
    secretName: props.secretName,
    encryptionKey: props.encryptionKey,
    description: `Machine client ${props.clientName}'s secret, for service ${props.service}; Cognito owns it`,
    secretStringValue: SecretValue.resourceAttribute(cfnClient.attrClientSecret),
    removalPolicy: RemovalPolicy.DESTROY,
  });
  pinLogicalId(secret, id);
  acknowledge(
    secret,
    'AwsSolutions-SMG4',
    'Cognito owns this value: the secret is a copy of the machine client secret Cognito generated. ' +
      "Rotating it means a new client secret through Cognito's AddUserPoolClientSecret, which " +
      'CloudFormation does not do; a Secrets Manager rotation here could not change it at its source.',
  );
  acknowledge(
    secret,
    'Slipway-CFN1',
    'A copy of the secret Cognito holds for the machine client: deleting or replacing it loses nothing, ' +
      'since CloudFormation writes it again from the client, and a retained copy would outlive its client ' +
      'and take the name the next deploy needs.',
  );
  return secret;
}
