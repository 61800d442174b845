import { CfnParameter, Stack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ssmParameterName } from '../../naming/names.js';
import type { EnvironmentRef, Layer } from './cross-stack.js';

/** Template metadata key that lists the parameters the deployer fills from another region. */
export const CROSS_REGION_METADATA = 'Slipway::CrossRegionValues';

/** Where one such parameter's value comes from. */
export interface CrossRegionSource {
  /** Region of the SSM parameter (the environment's). */
  readonly region: string;
  /** Name of the SSM parameter, `/<app>/<env>/<layer>/<name>`. */
  readonly parameter: string;
}

/**
 * Reads a value another stack of the environment published in another region. CloudFormation
 * resolves SSM-typed parameters in the stack's own region only, and CDK's cross-region references
 * need a custom resource, so the value arrives as a plain `String` parameter: the template lists
 * where each comes from under {@link CROSS_REGION_METADATA}, and `slipway deploy` reads those SSM
 * parameters and passes their values (`deploy/cross-region-values.ts`).
 */
export function readValueFromRegion(
  scope: Construct,
  where: EnvironmentRef,
  from: { readonly region: string; readonly layer: Layer; readonly name: string },
  key: string,
): string {
  const stack = Stack.of(scope);
  const parameter = ssmParameterName(where.app, where.env, from.layer, from.name);
  const cfn = new CfnParameter(stack, key, {
    type: 'String',
    description: `Filled by slipway deploy from the SSM parameter ${parameter} in ${from.region}`,
  });
  const sources = (stack.templateOptions.metadata?.[CROSS_REGION_METADATA] ?? {}) as Record<
    string,
    CrossRegionSource
  >;
  stack.templateOptions.metadata = {
    ...stack.templateOptions.metadata,
    [CROSS_REGION_METADATA]: { ...sources, [key]: { region: from.region, parameter } },
  };
  return cfn.valueAsString;
}
