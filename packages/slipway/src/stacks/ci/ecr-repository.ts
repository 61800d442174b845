import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledge } from '../../checks/acknowledge.js';
import type { RepositoryModel } from '../../model/types.js';
import { logicalIdPart, pinLogicalId } from '../shared/logical-ids.js';

/** Actions an environment account needs to pull an image (the token call is on its own side). */
const PULL_ACTIONS = ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];

export interface ImageRepositoryProps {
  /** The repository as planned. */
  readonly model: RepositoryModel;
}

/**
 * One ECR repository: images are built once and promoted between environments by tag.
 * Tags are immutable except the moving ones (`latest`, `dev-latest`), scanned on push, and retained
 * when the stack goes. Cost: $0.10 per GB-month stored.
 */
export class ImageRepository extends Construct {
  readonly repository: ecr.Repository;

  constructor(scope: Construct, id: string, props: ImageRepositoryProps) {
    super(scope, id);
    const { model } = props;
    const moving = [...model.movingTags];
    this.repository = new ecr.Repository(this, 'Repository', {
      repositoryName: model.name,
      imageScanOnPush: true,
      // Commit tags never move; only the declared moving tags may be re-pointed.
      imageTagMutability:
        moving.length > 0 ? ecr.TagMutability.IMMUTABLE_WITH_EXCLUSION : ecr.TagMutability.IMMUTABLE,
      imageTagMutabilityExclusionFilters:
        moving.length > 0
          ? moving.map((tag) => ecr.ImageTagMutabilityExclusionFilter.wildcard(tag))
          : undefined,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: lifecycleRules(model),
    });
    pinLogicalId(this.repository, `Repository${logicalIdPart(model.name)}`);
    if (moving.length > 0) {
      acknowledge(
        this.repository,
        'CT.ECR.PR.3',
        `Every tag is immutable except the moving ones (${moving.join(', ')}), which the pipeline ` +
          're-points on each release; the control accepts only IMMUTABLE, not IMMUTABLE_WITH_EXCLUSION. ' +
          'Slipway-ECR2 checks that the exclusions name only those tags, so a commit tag can never move.',
      );
    }

    for (const account of model.pullAccounts) {
      this.repository.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: `Pull${account}`,
          principals: [new iam.AccountPrincipal(account)],
          actions: PULL_ACTIONS,
        }),
      );
    }
  }
}

/**
 * ECR has no "keep" action: an image a rule selects cannot be expired by a lower-priority rule, so
 * each moving tag gets a rule of its own that selects it and expires nothing (one image carries a
 * tag at a time), ahead of the untagged and age rules. The `ANY` rule must come last.
 */
function lifecycleRules(model: RepositoryModel): ecr.LifecycleRule[] {
  const keep: ecr.LifecycleRule[] = model.movingTags.map((tag, i) => ({
    rulePriority: i + 1,
    description: `Keep the image tagged ${tag}`,
    tagStatus: ecr.TagStatus.TAGGED,
    tagPatternList: [tag],
    maxImageCount: 1,
  }));
  const next = keep.length + 1;
  return [
    ...keep,
    {
      rulePriority: next,
      description: 'Expire untagged images a day after push',
      tagStatus: ecr.TagStatus.UNTAGGED,
      maxImageAge: Duration.days(1),
    },
    {
      rulePriority: next + 1,
      description: `Expire images older than ${model.maxImageAgeDays} days, except the moving tags`,
      tagStatus: ecr.TagStatus.ANY,
      maxImageAge: Duration.days(model.maxImageAgeDays),
    },
  ];
}
