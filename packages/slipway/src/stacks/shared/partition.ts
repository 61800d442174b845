import { RegionInfo } from 'aws-cdk-lib/region-info';

/**
 * The ARN partition and DNS suffix of a region, resolved at synth time so ARNs and image URIs in the
 * templates are plain strings a reviewer (and a test) can read, not `Fn::Join` over pseudo parameters.
 */
export function regionFacts(region: string): { partition: string; urlSuffix: string } {
  const info = RegionInfo.get(region);
  return { partition: info.partition ?? 'aws', urlSuffix: info.domainSuffix ?? 'amazonaws.com' };
}
