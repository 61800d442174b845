import { isDeepStrictEqual } from 'node:util';
import type { CfnResource, CfnTemplate } from '../template/types.js';
import type { StackChanges } from './resource-change.js';
import { classifyStackChanges, type StackTemplates } from './stack-changes.js';
import { references } from './template-references.js';

const SSM_PARAMETER = 'AWS::SSM::Parameter';

/**
 * Classifies the stacks of an environment in deploy order, carrying changes across stacks: values
 * travel through SSM parameters, so when a producer replaces what it publishes (a subnet, a VPC),
 * every later stack that reads that parameter sees a new value, although its template text is the
 * same. `changedParameters` of each input adds what is already known to differ (live values).
 */
export function classifyEnvironmentChanges(stacks: readonly StackTemplates[]): StackChanges[] {
  const changedNames = new Set<string>();
  return stacks.map((stack) => {
    const carried = parametersReading(stack.planned, changedNames);
    const result = classifyStackChanges({
      ...stack,
      changedParameters: [...new Set([...(stack.changedParameters ?? []), ...carried])],
    });
    for (const name of publishedValueChanges(stack, result, carried)) changedNames.add(name);
    return result;
  });
}

/**
 * SSM parameter names whose value this stack's deploy changes: the parameter's value refers to a
 * replaced or removed resource or a changed template parameter, or its literal value changes.
 */
export function publishedValueChanges(
  stack: StackTemplates,
  result: StackChanges,
  changedParameters: readonly string[] = [],
): string[] {
  const changed = new Set([
    ...changedParameters,
    ...(stack.changedParameters ?? []),
    ...result.changes.filter((c) => c.action === 'replace' || c.action === 'remove').map((c) => c.logicalId),
  ]);
  const names: string[] = [];
  for (const [logicalId, resource] of Object.entries(stack.planned.Resources ?? {})) {
    if (resource.Type !== SSM_PARAMETER) continue;
    const name = resource.Properties?.Name;
    if (typeof name !== 'string') continue;
    const value = resource.Properties?.Value;
    const before = stack.deployed?.Resources?.[logicalId];
    const literalChanged = before !== undefined && !isDeepStrictEqual(publishedValue(before), value);
    if (literalChanged || [...references(value)].some((ref) => changed.has(ref))) names.push(name);
  }
  return names;
}

/** Template parameters (SSM-typed) that read one of `names`. */
export function parametersReading(template: CfnTemplate, names: ReadonlySet<string>): string[] {
  return Object.entries(template.Parameters ?? {})
    .filter(([, parameter]) => {
      const p = parameter as { Type?: string; Default?: unknown };
      return (
        p.Type?.startsWith('AWS::SSM::Parameter::Value') &&
        typeof p.Default === 'string' &&
        names.has(p.Default)
      );
    })
    .map(([key]) => key);
}

function publishedValue(resource: CfnResource): unknown {
  return resource.Properties?.Value;
}
