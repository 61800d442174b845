import { CfnOutput, Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { acknowledge } from '../../checks/acknowledge.js';
import type { AppModel, DeployRoleModel } from '../../model/types.js';
import { ImageRepository } from './ecr-repository.js';
import { ciHostOf } from '../../model/ci-host.js';
import { ciIdentity, type CiIdentity } from './ci-identity.js';
import { logicalIdPart } from '../shared/logical-ids.js';
import { regionFacts } from '../shared/partition.js';
import { grantImagePromotion } from './pipeline-deploy-roles.js';
import { PreviewImages } from './preview-images.js';
import { previewDeployRole } from './preview-deploy-role.js';
import { grantDatadogMonitorType } from './datadog-type-permissions.js';
import { grantProvisionerRuns } from './provisioner-permissions.js';
import { cdkBootstrapRolePattern, deployRoleName, imagePushRoleName } from '../shared/resource-names.js';
import { SlipwayStack } from '../shared/slipway-stack.js';

export interface CiStackProps {
  /** The whole app: the CI account, the repository and every environment's deploy role. */
  readonly model: AppModel;
}

/**
 * `<app>-ci`, once per app in the CI account: GitHub's OIDC provider, the image-push role, one
 * deploy role per environment and the ECR repositories. No long-lived keys anywhere.
 */
export class CiStack extends SlipwayStack {
  readonly imagePushRole: iam.Role;
  /** Environment name → its deploy role. */
  readonly deployRoles: ReadonlyMap<string, iam.Role>;
  /** Repository name → repository. */
  readonly repositories: ReadonlyMap<string, ImageRepository>;

  constructor(scope: Construct, props: CiStackProps) {
    const { model } = props;
    super(scope, {
      app: model.app,
      stackName: model.ci.stackName,
      account: model.ci.account,
      region: model.ci.region,
      // Every environment's deploy trust lives here: deleting it by accident stops all delivery.
      terminationProtection: true,
      description: `Slipway ${model.app}: ${model.delivery?.ci === 'gitlab' ? 'GitLab' : 'GitHub'} OIDC trust, image push and deploy roles, ECR repositories`,
    });

    const identity = ciIdentity(this, model);

    const repositories = new Map<string, ImageRepository>();
    for (const repository of model.ci.repositories) {
      const construct = new ImageRepository(this, `Repository${logicalIdPart(repository.name)}`, {
        model: repository,
      });
      repositories.set(repository.name, construct);
      new CfnOutput(this, `RepositoryUri${logicalIdPart(repository.name)}`, {
        description: `URI of the ${repository.name} image repository`,
        value: construct.repository.repositoryUri,
      });
    }
    this.repositories = repositories;

    this.imagePushRole = new iam.Role(this, 'ImagePushRole', {
      roleName: imagePushRoleName(model.app, ciHostOf(model)),
      description: identity.imagePush.description,
      assumedBy: identity.imagePush.principal,
      maxSessionDuration: Duration.hours(1),
    });
    for (const repository of repositories.values()) {
      repository.repository.grantPullPush(this.imagePushRole);
    }
    if (repositories.size > 0) {
      acknowledge(
        this.imagePushRole,
        'AwsSolutions-IAM5[Resource::*]',
        'ecr:GetAuthorizationToken has no resource-level permissions and must name Resource "*"; ' +
          "the push actions themselves are limited to this app's repositories.",
      );
    }
    new CfnOutput(this, 'ImagePushRoleArn', {
      description: 'Role the image build workflow assumes',
      value: this.imagePushRole.roleArn,
    });
    if (identity.previewPush && model.ci.repositories.length > 0) {
      new PreviewImages(this, 'PreviewImages', { model, trusted: identity.previewPush });
    }
    if (identity.previewDeploy) previewDeployRole(this, model, identity.previewDeploy);

    const deployRoles = new Map<string, iam.Role>();
    for (const [index, target] of model.ci.deployRoles.entries()) {
      const role = this.deployRole(model, identity, target);
      // With CodePipeline, moving a later environment's tag is its release (SECURITY.md 14 still holds:
      // only that environment's GitHub jobs can do it).
      if (model.delivery?.pipeline === 'codepipeline' && index > 0) {
        grantImagePromotion(
          role,
          [...repositories.values()].map((r) => r.repository),
        );
      }
      deployRoles.set(target.environment, role);
      new CfnOutput(this, `DeployRoleArn${logicalIdPart(target.environment)}`, {
        description: `Role the ${target.environment} deploy job assumes`,
        value: role.roleArn,
      });
    }
    this.deployRoles = deployRoles;
  }

  /**
   * A deploy role may only assume the target environment's CDK bootstrap roles, which carry the
   * actual deploy permissions and are trusted from this account at bootstrap (`--trust`).
   */
  private deployRole(model: AppModel, identity: CiIdentity, target: DeployRoleModel): iam.Role {
    const id = `DeployRole${logicalIdPart(target.environment)}`;
    const trusted = identity.deploy(target);
    const role = new iam.Role(this, id, {
      roleName: deployRoleName(model.app, target.environment, ciHostOf(model)),
      description: trusted.description,
      assumedBy: trusted.principal,
      maxSessionDuration: Duration.hours(1),
    });
    const { partition } = regionFacts(target.region);
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'AssumeCdkBootstrapRoles',
        actions: ['sts:AssumeRole'],
        resources: [
          `arn:${partition}:iam::${target.account}:role/${cdkBootstrapRolePattern(target.account, target.region)}`,
        ],
      }),
    );
    const environment = model.environments.find((e) => e.name === target.environment);
    if (environment) grantProvisionerRuns(role, model.app, environment);
    if (environment) grantDatadogMonitorType(role, environment);
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::arn:${partition}:iam::${target.account}:role/${cdkBootstrapRolePattern(target.account, target.region)}]`,
      'The wildcard covers only the CDK bootstrap roles (deploy, file and image publishing, lookup) ' +
        `of ${target.account}/${target.region}; it is the documented way to let a pipeline deploy with CDK.`,
    );
    return role;
  }
}
