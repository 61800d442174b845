/** Telling a public subnet from a private one in a template that reads subnet ids from SSM. */

import type { CfnTemplate } from '../../../template/types.js';
import { referencedLogicalId } from '../support/references.js';
import { isRecord, isTrue, property } from '../support/values.js';

/** The network stack publishes `/<app>/<env>/network/public-subnet-<n>-id` beside `private-subnet-<n>-id`. */
const PUBLIC_SUBNET_PARAMETER = /\/network\/public-subnet-\d+-id$/;

/**
 * The name a public subnet goes by, or undefined for any other subnet. Stacks read subnet ids through
 * `AWS::SSM::Parameter::Value<String>` parameters whose default is the parameter's name; a subnet
 * created in the same template is public when it gives its instances public IPs.
 */
export function publicSubnetName(template: CfnTemplate, subnet: unknown): string | undefined {
  const logicalId = referencedLogicalId(subnet);
  if (logicalId === undefined) return undefined;
  const parameter = template.Parameters?.[logicalId];
  if (isRecord(parameter)) {
    const name = parameter.Default;
    return typeof name === 'string' && PUBLIC_SUBNET_PARAMETER.test(name) ? name : undefined;
  }
  const resource = template.Resources?.[logicalId];
  return resource?.Type === 'AWS::EC2::Subnet' && isTrue(property(resource, 'MapPublicIpOnLaunch'))
    ? logicalId
    : undefined;
}
