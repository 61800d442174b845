import type { AppModel } from '../model/types.js';

/**
 * CDK feature flags Slipway pins, chosen one by one rather than "all recommended": a CDK upgrade
 * then cannot silently change a template (or a stateful logical id) by flipping a default.
 */
const FEATURE_FLAGS: Record<string, unknown> = {
  // Any cross-stack reference would be an export; the tests assert none exists (values go via SSM).
  '@aws-cdk/core:defaultCrossStackReferences': 'strong',
  // Plain ARNs when the region is known, so templates read as written.
  '@aws-cdk/core:enablePartitionLiterals': true,
  '@aws-cdk/core:target-partitions': ['aws', 'aws-cn'],
  '@aws-cdk/core:validateSnapshotRemovalPolicy': true,
  '@aws-cdk/core:checkSecretUsage': true,
  '@aws-cdk/core:includePrefixInUniqueNameGeneration': true,
  '@aws-cdk/aws-iam:minimizePolicies': true,
  '@aws-cdk/aws-ecs:arnFormatIncludesClusterName': true,
  '@aws-cdk/aws-ecs:removeDefaultDeploymentAlarm': true,
  '@aws-cdk/aws-ecs:reduceEc2FargateCloudWatchPermissions': true,
  '@aws-cdk/aws-ecs:removeEmptyLoadBalancers': true,
  '@aws-cdk/aws-rds:preventRenderingDeprecatedCredentials': true,
  '@aws-cdk/aws-s3:publicAccessBlockedByDefault': true,
};

/**
 * CDK records a JavaScript stack trace with every resource it creates and every metadata entry it
 * adds, for its own error messages; nothing in Slipway reads them, the templates do not carry them,
 * and capturing them took about a quarter of a plan's synth CPU.
 */
const NO_STACK_TRACES: Record<string, unknown> = {
  'aws:cdk:disable-stack-trace': true,
  'aws:cdk:disable-creation-stack-traces': true,
};

/**
 * Everything the app needs to synthesize offline: the feature flags and, for every account and
 * region a stack goes to, its Availability Zones (CDK would otherwise look them up, and stacks with
 * an explicit environment fail with lookups disabled).
 */
export function appContext(model: AppModel): Record<string, unknown> {
  const context: Record<string, unknown> = { ...FEATURE_FLAGS, ...NO_STACK_TRACES };
  const zones = new Map<string, Set<string>>();
  const add = (account: string, region: string, names: readonly string[]) => {
    const key = `availability-zones:account=${account}:region=${region}`;
    const set = zones.get(key) ?? new Set<string>();
    for (const name of names) set.add(name);
    zones.set(key, set);
  };
  for (const env of model.environments) add(env.account, env.region, env.availabilityZones);
  for (const [key, names] of zones) {
    context[key] = [...names].sort();
  }
  return context;
}
