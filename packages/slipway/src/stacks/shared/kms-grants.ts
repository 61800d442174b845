import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';

/**
 * Denies `kms:CreateGrant` on the key to anyone but AWS services acting for a resource (RDS,
 * Secrets Manager, CodePipeline's S3 reads), so no principal can hand itself or another a lasting,
 * policy-free way to use the key. This is AWS Control Tower's CT.KMS.PR.3, in the exact shape its
 * rule expects (`BoolIfExists` on both conditions).
 */
export function limitGrantsToAwsServices(key: kms.Key): void {
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'GrantsOnlyForAwsServices',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['kms:CreateGrant'],
      resources: ['*'],
      conditions: {
        BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' },
      },
    }),
  );
}
