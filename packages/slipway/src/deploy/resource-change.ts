import type { NetworkMove } from './network-moves.js';

// What a change is, apart from how it is found (stack-changes.ts, which loads CloudFormation's
// diff): a report or a pull request's summary reads changes without computing any.

export type ChangeAction = 'add' | 'modify' | 'replace' | 'remove';

/** One resource a deploy would touch. */
export interface ResourceChange {
  readonly logicalId: string;
  readonly type: string;
  readonly action: ChangeAction;
  /** A database, its secret, subnet or parameter group, a registry, a bucket or a log group. */
  readonly stateful: boolean;
  /** Why, in words: which property forces a replacement, or what it follows from. */
  readonly reason?: string;
  /** Set when the deploy would put it into another VPC or onto other subnets. */
  readonly moves?: NetworkMove;
  /** On a Cloud Map service: the private name it holds and its record types before and after. */
  readonly privateName?: PrivateNameRecords;
  /**
   * A removal of a resource deployed with `DeletionPolicy: Retain`: CloudFormation leaves it, and
   * what it holds, in the account instead of deleting it (the access-log bucket a switch of
   * ingress drops, for example).
   */
  readonly retained?: true;
}

/** What a Cloud Map service (`AWS::ServiceDiscovery::Service`) answers, deployed and planned. */
export interface PrivateNameRecords {
  /** Its `Name`: the first label of `<name>.<app>.internal`. */
  readonly name: string;
  /** DNS record types deployed now (`A`, `SRV`, `CNAME`); empty when it does not exist yet. */
  readonly deployedTypes: readonly string[];
  /** DNS record types planned; empty when it is removed. */
  readonly plannedTypes: readonly string[];
}

/** Each action as a reader names what it did to a resource. */
export const ACTION_WORDS = {
  add: 'added',
  modify: 'changed',
  replace: 'replaced',
  remove: 'removed',
} as const;

/**
 * A change that would lose what a stateful resource holds: its replacement, its removal (unless
 * the resource is retained, so it stays in the account), or its move to another VPC or other
 * subnets. Deploys refuse these unless allowed by name; every view of a change calls them out first.
 */
export function endangersData(change: ResourceChange): boolean {
  return (
    change.stateful &&
    (change.action === 'replace' ||
      (change.action === 'remove' && change.retained !== true) ||
      change.moves !== undefined)
  );
}

/** What one stack would change, resources in template order. */
export interface StackChanges {
  readonly name: string;
  readonly changes: readonly ResourceChange[];
}
