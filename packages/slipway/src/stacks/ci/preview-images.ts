import { CfnOutput, Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledge } from '../../checks/acknowledge.js';
import { ciHostOf } from '../../model/ci-host.js';
import type { AppModel } from '../../model/types.js';
import type { TrustedJobs } from './ci-identity.js';
import { ImageRepository } from './ecr-repository.js';
import { logicalIdPart } from '../shared/logical-ids.js';
import { previewPushRoleName, previewRepositoryName } from '../shared/resource-names.js';

export interface PreviewImagesProps {
  readonly model: AppModel;
  /** The preview jobs that may push: GitHub's `preview` environment, or GitLab's preview branches. */
  readonly trusted: TrustedJobs;
}

/**
 * Where branch images go: one `<repository>-preview` per service repository, every tag immutable
 * and expired after twice the preview age, and a push role only preview jobs may assume and only
 * for these repositories. Branches never reach the repositories environments run from, so no
 * branch can move `dev-latest`. Cost: $0.10 per GB-month stored, kept small by the expiry.
 */
export class PreviewImages extends Construct {
  readonly pushRole: iam.Role;

  constructor(scope: Construct, id: string, props: PreviewImagesProps) {
    super(scope, id);
    const { model, trusted } = props;
    const preview = model.delivery?.preview;
    if (!preview) throw new Error('PreviewImages needs previews to be on');
    const source = model.environments.find((e) => e.name === preview.environment);
    const pullAccounts = source && source.account !== model.ci.account ? [source.account] : [];

    this.pushRole = new iam.Role(this, 'PushRole', {
      roleName: previewPushRoleName(model.app, ciHostOf(model)),
      description: trusted.description,
      assumedBy: trusted.principal,
      maxSessionDuration: Duration.hours(1),
    });
    trusted.extend?.(this.pushRole);
    for (const repository of model.ci.repositories) {
      const name = previewRepositoryName(repository.name);
      const built = new ImageRepository(scope, `Repository${logicalIdPart(name)}`, {
        model: { name, movingTags: [], maxImageAgeDays: preview.maxAgeDays * 2, pullAccounts },
      });
      built.repository.grantPullPush(this.pushRole);
    }
    acknowledge(
      this.pushRole,
      'AwsSolutions-IAM5[Resource::*]',
      'ecr:GetAuthorizationToken has no resource-level permissions and must name Resource "*"; ' +
        "the push actions themselves are limited to this app's preview repositories.",
    );
    new CfnOutput(scope, 'PreviewPushRoleArn', {
      description: 'Role the preview workflow assumes to push branch images',
      value: this.pushRole.roleArn,
    });
  }
}
