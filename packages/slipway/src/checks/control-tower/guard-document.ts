/**
 * The part of a template a set of Control Tower controls can read. cfn-guard copies the whole data
 * document for every rule file it evaluates, so its time grows with rule files × template size;
 * handing each set of controls only the resources of the types they name cuts most of that work.
 *
 * A control selects what it checks by type (`Resources.*[ Type == "AWS::Logs::LogGroup" ]`) and
 * reads other resources only to resolve a reference (`Ref`, `Fn::GetAtt`), where it looks at the
 * logical id and the type alone. So the document keeps the resources of the named types whole
 * (less their CDK metadata) and each resource they refer to as its type, and finds what the whole
 * template would.
 */
import type { CfnResource, CfnTemplate } from '../../template/types.js';

/** Logical ids that a value refers to with `Ref` or `Fn::GetAtt`, anywhere inside it. */
function referencedIds(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) referencedIds(item, into);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'Ref' && typeof inner === 'string') into.add(inner);
    else if (key === 'Fn::GetAtt') {
      const target = Array.isArray(inner)
        ? inner[0]
        : typeof inner === 'string'
          ? inner.split('.')[0]
          : undefined;
      if (typeof target === 'string') into.add(target);
    }
    referencedIds(inner, into);
  }
}

/**
 * The document for controls naming `types`: undefined when the template creates none of them, so
 * those controls skip it as cfn-guard would.
 */
export function guardDocument(template: CfnTemplate, types: ReadonlySet<string>): CfnTemplate | undefined {
  const resources = template.Resources ?? {};
  const kept: Record<string, CfnResource> = {};
  for (const [id, resource] of Object.entries(resources)) {
    if (!types.has(resource.Type)) continue;
    const { Metadata: _metadata, ...rest } = resource;
    kept[id] = rest as CfnResource;
  }
  if (Object.keys(kept).length === 0) return undefined;
  const referenced = new Set<string>();
  referencedIds(Object.values(kept), referenced);
  for (const id of referenced) {
    const target = resources[id];
    if (target !== undefined && kept[id] === undefined) kept[id] = { Type: target.Type };
  }
  return { Resources: kept };
}
