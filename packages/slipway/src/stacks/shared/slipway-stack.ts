import { Stack, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

/** Tags every Slipway stack carries; readers (preview list) find stacks by them. */
export const STACK_TAGS = { app: 'slipway:app', environment: 'slipway:environment' } as const;

/**
 * Types whose `Tags` property is newer than cfn-lint's schema and the local emulator: tagging them
 * fails the lint (E3002). They still get the stack's tags from CloudFormation at deploy.
 */
export const UNTAGGED_TYPES: readonly string[] = [
  'AWS::ApplicationAutoScaling::ScalableTarget',
  'AWS::CloudWatch::Dashboard',
  'AWS::ElasticLoadBalancingV2::Listener',
  'AWS::ElasticLoadBalancingV2::ListenerRule',
];

/** What every Slipway stack carries: its name, where it deploys, its tags and its protection. */
export interface SlipwayStackProps {
  /** The app name, written to the `slipway:app` tag. */
  readonly app: string;
  /** CloudFormation stack name; also the construct id. */
  readonly stackName: string;
  readonly account: string;
  readonly region: string;
  /** Environment name for the `slipway:environment` tag. @default 'ci' (the account-level CI stack) */
  readonly environment?: string;
  /** Refuse `delete-stack` until the protection is lifted by hand. @default false */
  readonly terminationProtection?: boolean;
  /** One line shown in the CloudFormation console. */
  readonly description: string;
}

/** A stack with an explicit account and region (no lookups, no environment-agnostic templates). */
export class SlipwayStack extends Stack {
  /** Environment name, or undefined for the CI stack. */
  readonly environmentName?: string;

  constructor(scope: Construct, props: SlipwayStackProps) {
    super(scope, props.stackName, {
      stackName: props.stackName,
      env: { account: props.account, region: props.region },
      terminationProtection: props.terminationProtection ?? false,
      description: props.description,
    });
    this.environmentName = props.environment;
    const tagging = { excludeResourceTypes: [...UNTAGGED_TYPES] };
    Tags.of(this).add(STACK_TAGS.app, props.app, tagging);
    Tags.of(this).add(STACK_TAGS.environment, props.environment ?? 'ci', tagging);
  }
}
