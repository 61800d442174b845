import { CfnElement, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Logical ids of stateful resources are set from model names instead of the construct path, so
 * moving a construct in the tree cannot rename (and so replace) a database, secret or repository.
 * `stateful-resources.json` pins the result.
 */

const pinned = new WeakMap<Stack, Set<string>>();

/** `megadolls/web` → `MegadollsWeb`: CloudFormation logical ids are alphanumeric. */
export function logicalIdPart(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** Gives the CloudFormation resource behind `construct` the logical id `id`; fails on a clash. */
export function pinLogicalId(construct: IConstruct, id: string): void {
  const element = CfnElement.isCfnElement(construct) ? construct : construct.node.defaultChild;
  if (!element || !CfnElement.isCfnElement(element)) {
    throw new Error(`${construct.node.path} has no CloudFormation resource to pin the logical id ${id} on`);
  }
  const stack = Stack.of(construct);
  const ids = pinned.get(stack) ?? new Set<string>();
  if (ids.has(id)) {
    throw new Error(
      `${stack.stackName}: two stateful resources would share the logical id ${id}; ` +
        'give the databases, secrets or repositories names that differ in more than punctuation',
    );
  }
  ids.add(id);
  pinned.set(stack, ids);
  element.overrideLogicalId(id);
}
