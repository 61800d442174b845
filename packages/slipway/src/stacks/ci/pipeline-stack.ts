import { Duration } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as actions from 'aws-cdk-lib/aws-codepipeline-actions';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { AppModel, EnvironmentModel, ServiceModel } from '../../model/types.js';
import { CONTROL_TOWER_RETENTION_DAYS, retentionDays } from '../shared/log-group.js';
import { logicalIdPart } from '../shared/logical-ids.js';
import { regionFacts } from '../shared/partition.js';
import {
  acknowledgeDeployActionRole,
  acknowledgeImageDefinitionsRole,
  acknowledgePipelineRole,
} from './pipeline-acknowledgements.js';
import { imageDefinitionsProject } from './pipeline-image-definitions.js';
import { pipelineName, pipelineRoleName, pipelineServiceName, pipelineStackName } from './pipeline-names.js';
import { artifactBucket, type PipelineTargetStack } from './pipeline-target-stack.js';
import { clusterName } from '../shared/resource-names.js';
import { SlipwayStack } from '../shared/slipway-stack.js';

export interface PipelineStackProps {
  readonly model: AppModel;
  /** Environment name → its target stack, for environments outside the CI account or region. */
  readonly targets: ReadonlyMap<string, PipelineTargetStack>;
}

/**
 * `<app>-pipeline`, in the CI account (seed 004, `delivery.pipeline: 'codepipeline'`): one
 * CodePipeline per environment and service. A push of the environment's tag (`dev-latest`,
 * `latest`) to the service's ECR repository starts it; CodeBuild writes the image definitions;
 * production waits for a manual approval; the ECS deploy action rolls the service out with its own
 * deployment strategy (canary and alarm rollback in production). No custom resources, no GitHub
 * identity: the pipelines run as their own role.
 * Cost: V2 pipelines bill $0.002 per action-minute (a release is a few minutes), plus $1 a month for
 * the artifact key (which also encrypts the build logs) and CodeBuild's minute per release.
 */
export class PipelineStack extends SlipwayStack {
  readonly pipelines: readonly codepipeline.Pipeline[];

  constructor(scope: Construct, props: PipelineStackProps) {
    const { model, targets } = props;
    super(scope, {
      app: model.app,
      stackName: pipelineStackName(model.app),
      account: model.ci.account,
      region: model.ci.region,
      description: `Slipway ${model.app}: CodePipelines from ECR tags to the ECS services`,
    });
    // A cross-account deploy role trusts only the pipeline role, not every principal of the CI account.
    this.node.setContext('@aws-cdk/pipelines:reduceCrossAccountActionRoleTrustScope', true);

    const { bucket: artifacts, key: artifactsKey } = artifactBucket(this, `${model.app}-pipeline-artifacts`);
    const role = new iam.Role(this, 'PipelineRole', {
      roleName: pipelineRoleName(model.app),
      description: `CodePipelines of ${model.app}`,
      assumedBy: new iam.ServicePrincipal('codepipeline.amazonaws.com'),
      maxSessionDuration: Duration.hours(1),
    });
    const project = imageDefinitionsProject(this, {
      app: model.app,
      encryptionKey: artifacts.encryptionKey!,
      logsKey: artifactsKey,
      // Its builds release to every environment, production included: kept as long as the longest
      // of them, and at least the year Control Tower's CT.CLOUDWATCH.PR.2 asks for.
      logRetention: retentionDays(
        Math.max(CONTROL_TOWER_RETENTION_DAYS, ...model.environments.map((e) => e.logRetentionDays)),
        'environments.*.logRetentionDays',
      ),
    });

    const repositories = new Map<string, ecr.IRepository>();
    const repository = (name: string) => {
      const found =
        repositories.get(name) ??
        ecr.Repository.fromRepositoryName(this, `Repository${logicalIdPart(name)}`, name);
      repositories.set(name, found);
      return found;
    };

    const pipelines: codepipeline.Pipeline[] = [];
    for (const env of model.environments) {
      const target = targets.get(env.name);
      const cluster = ecs.Cluster.fromClusterArn(
        target ?? this,
        `Cluster${logicalIdPart(env.name)}`,
        `arn:${regionFacts(env.region).partition}:ecs:${env.region}:${env.account}:cluster/${clusterName(model.app, env.name)}`,
      );
      for (const service of env.services) {
        pipelines.push(
          this.pipeline(model, env, service, {
            role,
            project,
            repository: repository(service.image.repository),
            // Importing the service where it lives tells CodePipeline which account and region it is in.
            service: ecs.FargateService.fromFargateServiceAttributes(
              target ?? this,
              `Service${logicalIdPart(env.name)}${logicalIdPart(service.name)}`,
              { cluster, serviceName: pipelineServiceName(model.app, env.name, service.name) },
            ),
            artifacts:
              target !== undefined && env.region !== model.ci.region
                ? {
                    crossRegionReplicationBuckets: {
                      [model.ci.region]: artifacts,
                      [env.region]: target.artifacts,
                    },
                  }
                : { artifactBucket: artifacts },
          }),
        );
      }
    }
    this.pipelines = pipelines;

    // Which bucket a role reads depends on the layout (the CI account's, or a replica in another
    // region), so each role is checked against all of them.
    const buckets = [artifacts, ...[...targets.values()].map((t) => t.artifacts)];
    acknowledgePipelineRole(role, buckets);
    acknowledgeImageDefinitionsRole(project, artifacts);
    for (const target of targets.values()) {
      // Named from the CI account, as pipelines there refer to it: resolving the name here keeps
      // the generated name also where no pipeline reads the bucket (an account in the CI region),
      // since a bucket whose name changes is replaced.
      this.resolve(target.artifacts.bucketName);
      // CodePipeline creates the cross-account deploy roles in the target stack as the pipelines are built.
      for (const child of target.node.children) {
        if (child instanceof iam.Role) acknowledgeDeployActionRole(child, buckets);
      }
    }
  }

  private pipeline(
    model: AppModel,
    env: EnvironmentModel,
    service: ServiceModel,
    parts: {
      readonly role: iam.IRole;
      readonly project: actions.CodeBuildActionProps['project'];
      readonly repository: ecr.IRepository;
      readonly service: ecs.IBaseService;
      readonly artifacts: Pick<
        codepipeline.PipelineProps,
        'artifactBucket' | 'crossRegionReplicationBuckets'
      >;
    },
  ): codepipeline.Pipeline {
    const image = new codepipeline.Artifact('Image');
    const definitions = new codepipeline.Artifact('ImageDefinitions');
    const stages: codepipeline.StageProps[] = [
      {
        stageName: 'Source',
        actions: [
          new actions.EcrSourceAction({
            actionName: `${service.image.tag}`,
            repository: parts.repository,
            imageTag: service.image.tag,
            output: image,
          }),
        ],
      },
      {
        stageName: 'ImageDefinitions',
        actions: [
          new actions.CodeBuildAction({
            actionName: 'Write',
            project: parts.project,
            input: image,
            outputs: [definitions],
            environmentVariables: { CONTAINER: { value: service.name } },
          }),
        ],
      },
    ];
    if (env.production) {
      stages.push({
        stageName: 'Approve',
        actions: [
          new actions.ManualApprovalAction({
            actionName: 'Approve',
            additionalInformation: `Deploy ${service.name}:${service.image.tag} to ${env.name} (${env.account}, ${env.region}).`,
          }),
        ],
      });
    }
    stages.push({
      stageName: 'Deploy',
      actions: [
        new actions.EcsDeployAction({
          actionName: 'Ecs',
          service: parts.service,
          input: definitions,
          // Long enough for a canary's bake time and the final shift.
          deploymentTimeout: Duration.minutes(60),
        }),
      ],
    });
    return new codepipeline.Pipeline(
      this,
      `Pipeline${logicalIdPart(env.name)}${logicalIdPart(service.name)}`,
      {
        pipelineName: pipelineName(model.app, env.name, service.name),
        pipelineType: codepipeline.PipelineType.V2,
        role: parts.role,
        usePipelineRoleForActions: true,
        crossAccountKeys: true,
        enableKeyRotation: true,
        restartExecutionOnUpdate: false,
        ...parts.artifacts,
        stages,
      },
    );
  }
}
