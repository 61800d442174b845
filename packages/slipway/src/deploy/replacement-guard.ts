import { StatefulChangeRefusedError } from './errors.js';
import type { ResourceChange, StackChanges } from './stack-changes.js';

/** A stateful resource a deploy would replace or remove. */
export interface StatefulChange extends ResourceChange {
  readonly stack: string;
  /** Named by `--allow-replace`, so the deploy may go ahead. */
  readonly allowed: boolean;
}

/** Every replacement or removal of a stateful resource, marked allowed when `allowReplace` names it. */
export function statefulChanges(
  stacks: readonly StackChanges[],
  allowReplace: readonly string[] = [],
): StatefulChange[] {
  return stacks.flatMap((stack) =>
    stack.changes
      .filter((c) => c.stateful && (c.action === 'replace' || c.action === 'remove'))
      .map((c) => ({ ...c, stack: stack.name, allowed: allows(allowReplace, stack.name, c.logicalId) })),
  );
}

/** `--allow-replace` values that name no stateful change: probably a typo, worth a warning. */
export function unusedAllowances(stacks: readonly StackChanges[], allowReplace: readonly string[]): string[] {
  const changes = statefulChanges(stacks);
  return allowReplace.filter((value) => !changes.some((c) => allows([value], c.stack, c.logicalId)));
}

/**
 * Stops a deploy that would replace or remove a stateful resource no `--allow-replace` names
 * (SECURITY.md 31). The message lists each one with the flag that would allow it.
 */
export function refuseStatefulChanges(
  stacks: readonly StackChanges[],
  allowReplace: readonly string[],
  command: string,
): void {
  const blocked = statefulChanges(stacks, allowReplace).filter((c) => !c.allowed);
  if (blocked.length === 0) return;
  const lines = [
    `Refusing to deploy: ${blocked.length === 1 ? 'a stateful resource' : `${blocked.length} stateful resources`} would be lost or replaced by a new, empty one. Nothing was deployed.`,
    ...blocked.map(
      (c) =>
        `  ${c.stack}  ${c.logicalId} (${c.type}) would be ${c.action === 'replace' ? 'replaced' : 'removed'}${c.reason ? `: ${c.reason}` : ''}`,
    ),
    'Fix: change the config back so these resources stay as they are (run `slipway diff` to see every change), or, ' +
      'after taking a snapshot or backup, allow each one explicitly:',
    `  ${command} ${blocked.map((c) => `--allow-replace ${c.logicalId}`).join(' ')}`,
  ];
  throw new StatefulChangeRefusedError(lines.join('\n'));
}

/** `--allow-replace Id` matches that logical id in any stack; `stack/Id` only in that stack. */
function allows(allowReplace: readonly string[], stack: string, logicalId: string): boolean {
  return allowReplace.some((value) => value === logicalId || value === `${stack}/${logicalId}`);
}
