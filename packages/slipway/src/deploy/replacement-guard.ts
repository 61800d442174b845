import { StatefulChangeRefusedError } from './errors.js';
import { describeMove } from './network-moves.js';
import { endangersData, type ResourceChange, type StackChanges } from './resource-change.js';

/** A stateful resource a deploy would replace, remove, or move to another VPC or other subnets. */
export interface StatefulChange extends ResourceChange {
  readonly stack: string;
  /** Named by `--allow-replace`, so the deploy may go ahead. */
  readonly allowed: boolean;
}

/**
 * Every replacement, removal or network move of a stateful resource, marked allowed when
 * `allowReplace` names it. A move counts as much as a replacement: RDS cannot take a database
 * in use to another VPC's subnets in place, so the deploy would fail half way or replace it.
 */
export function statefulChanges(
  stacks: readonly StackChanges[],
  allowReplace: readonly string[] = [],
): StatefulChange[] {
  return stacks.flatMap((stack) =>
    stack.changes
      .filter(endangersData)
      .map((c) => ({ ...c, stack: stack.name, allowed: allows(allowReplace, stack.name, c.logicalId) })),
  );
}

/** `--allow-replace` values that name no stateful change: probably a typo, worth a warning. */
export function unusedAllowances(stacks: readonly StackChanges[], allowReplace: readonly string[]): string[] {
  const changes = statefulChanges(stacks);
  return allowReplace.filter((value) => !changes.some((c) => allows([value], c.stack, c.logicalId)));
}

/**
 * Stops a deploy that would replace, remove or move a stateful resource no `--allow-replace`
 * names (SECURITY.md 31). The message lists each one with the flag that would allow it; for a
 * move, it also says what would happen and how to move a database safely.
 */
export function refuseStatefulChanges(
  stacks: readonly StackChanges[],
  allowReplace: readonly string[],
  command: string,
): void {
  const blocked = statefulChanges(stacks, allowReplace).filter((c) => !c.allowed);
  if (blocked.length === 0) return;
  const moving = blocked.some((c) => c.moves);
  const lines = [
    `Refusing to deploy: ${blocked.length === 1 ? 'a stateful resource' : `${blocked.length} stateful resources`} would be lost, replaced by a new, empty one${moving ? ' or moved to another network' : ''}. Nothing was deployed.`,
    ...blocked.map(
      (c) => `  ${c.stack}  ${c.logicalId} (${c.type}) would ${outcome(c)}${c.reason ? `: ${c.reason}` : ''}`,
    ),
    ...(moving
      ? [MOVE_EXPLAINED, MOVE_FIX]
      : [
          'Fix: change the config back so these resources stay as they are (run `slipway diff` to see every change), or, ' +
            'after taking a snapshot or backup, allow each one explicitly:',
        ]),
    `  ${command} ${blocked.map((c) => `--allow-replace ${c.logicalId}`).join(' ')}`,
  ];
  throw new StatefulChangeRefusedError(lines.join('\n'));
}

/** What a network move does to a database. The VPC and subnets are the network stack's. */
export const MOVE_EXPLAINED =
  'The network stack would replace the VPC or subnets the database sits in (a new network.cidr, network.subnetMask ' +
  'or availabilityZones does that). RDS cannot take a database in use to another VPC or off the subnets it runs ' +
  'on in place: the data stack update would fail or replace the instance with a new, empty one, and the network ' +
  'stack could not delete the old subnets while the database still uses them.';

/** How to move a database to a new network without losing it. */
export const MOVE_SAFE_PATH =
  'To move the database safely, declare a new environment with the new network, deploy it, restore a snapshot of ' +
  'this database there, switch traffic over, then destroy this one.';

const MOVE_FIX =
  `Fix: keep the network as deployed (run \`slipway diff\` to see every change). ${MOVE_SAFE_PATH} ` +
  'Only for a database you can lose, after a snapshot, allow each one explicitly:';

function outcome(change: StatefulChange): string {
  const fate = change.action === 'remove' ? 'be removed' : change.action === 'replace' ? 'be replaced' : '';
  if (!change.moves) return fate;
  const move = `move to ${describeMove(change.moves)}`;
  return fate ? `${move} and ${fate}` : move;
}

/** `--allow-replace Id` matches that logical id in any stack; `stack/Id` only in that stack. */
function allows(allowReplace: readonly string[], stack: string, logicalId: string): boolean {
  return allowReplace.some((value) => value === logicalId || value === `${stack}/${logicalId}`);
}
