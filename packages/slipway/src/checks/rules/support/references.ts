/** Following `Ref` and `Fn::GetAtt` inside one template, for rules that check resources together. */

import type { CfnResource, CfnTemplate } from '../../../template/types.js';
import { isRecord } from './values.js';

/** The logical id a `{Ref}` or `{Fn::GetAtt}` points at, or undefined for anything else. */
export function referencedLogicalId(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  if (typeof value.Ref === 'string') return value.Ref;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  if (typeof getAtt === 'string') return getAtt.split('.')[0];
  return undefined;
}

/** The resource a value refers to, when it is defined in the same template. */
export function referencedResource(
  template: CfnTemplate,
  value: unknown,
): { readonly logicalId: string; readonly resource: CfnResource } | undefined {
  const logicalId = referencedLogicalId(value);
  const resource = logicalId === undefined ? undefined : template.Resources?.[logicalId];
  return logicalId === undefined || resource === undefined ? undefined : { logicalId, resource };
}

/** Whether a value refers to the resource anywhere inside it, e.g. within an `Fn::Join`. */
export function mentionsResource(value: unknown, logicalId: string): boolean {
  if (referencedLogicalId(value) === logicalId) return true;
  if (Array.isArray(value)) return value.some((item) => mentionsResource(item, logicalId));
  if (isRecord(value)) return Object.values(value).some((item) => mentionsResource(item, logicalId));
  return false;
}

export function resourcesOfType(
  template: CfnTemplate,
  type: string,
): Array<{ readonly logicalId: string; readonly resource: CfnResource }> {
  return Object.entries(template.Resources ?? {})
    .filter(([, resource]) => resource.Type === type)
    .map(([logicalId, resource]) => ({ logicalId, resource }));
}
