/** What the EKS rules say about a resource: its name, and the config field that sets it. */

import type { CfnResource } from '../../../template/types.js';
import { isRecord, keyValue, property, show } from '../support/values.js';

/** The tag every Slipway stack puts on its resources; names the environment in a config path. */
const ENVIRONMENT_TAG = 'slipway:environment';

/** Node groups take their tags as a map, clusters and access entries as a `{Key, Value}` list. */
function environmentOf(resource: CfnResource): string | undefined {
  const tags = property(resource, 'Tags');
  const value = isRecord(tags) ? tags[ENVIRONMENT_TAG] : keyValue(tags, ENVIRONMENT_TAG);
  return typeof value === 'string' ? value : undefined;
}

/** `environments.<env>.eks.<field>`, with the environment filled in when the resource is tagged with it. */
export function eksConfigField(resource: CfnResource, field: string): string {
  return `environments.${environmentOf(resource) ?? '<env>'}.eks.${field}`;
}

/** `cluster megadolls-prod`, `node group system`: the name a reader finds in the console. */
export function describeEksResource(resource: CfnResource): string {
  switch (resource.Type) {
    case 'AWS::EKS::Cluster':
      return named('cluster', property(resource, 'Name'));
    case 'AWS::EKS::Nodegroup':
      return named('node group', property(resource, 'NodegroupName'));
    case 'AWS::EKS::AccessEntry':
      return named('access entry for', property(resource, 'PrincipalArn'));
    default:
      return resource.Type;
  }
}

function named(kind: string, name: unknown): string {
  return name === undefined ? kind.replace(/ for$/, '') : `${kind} ${show(name)}`;
}
