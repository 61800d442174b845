import type { PlannedStack } from './assembly.js';
import type { Settled } from './run-bounded.js';
import type { Session } from './session.js';
import { stackFailure } from './stack-failure.js';

/**
 * A stack's deploy or delete failed in CloudFormation or the toolkit (not a refusal before it
 * started): its error becomes a `StackFailedError` once the step has settled, since only then is it
 * known which other stacks finished.
 */
export class StackRunFailure extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** The progress line for a stack that failed while others of its step may still be going. */
export function failedNote(stack: string, action: 'deploy' | 'destroy'): string {
  return `${stack} failed to ${action === 'deploy' ? 'deploy' : 'be destroyed'}; no further stack starts, those already going finish`;
}

/** Where a step sits in its run, to say what finished and what was not attempted. */
export interface StepContext {
  /** The stacks finished so far, read after the step has settled. */
  readonly completed: () => readonly string[];
  /** The stacks of the steps after this one. */
  readonly later: readonly PlannedStack[];
  readonly retryCommand: string;
  readonly action: 'deploy' | 'destroy';
}

/**
 * Throws for the step's first failed stack in plan order, once every stack that had started has
 * ended: a stack failure lists the stacks finished (those still running when it failed included),
 * the other stacks of the step that failed too, and every stack not started. A refusal (a
 * stateful change found just before a stack went) is thrown as it is.
 */
export async function throwFirstFailure(
  session: Session,
  step: readonly PlannedStack[],
  settled: readonly Settled<unknown>[],
  context: StepContext,
): Promise<void> {
  const failed = step.filter((_, i) => settled[i]?.state === 'failed');
  const first = failed[0];
  if (first === undefined) return;
  const outcome = settled[step.indexOf(first)] as { readonly error: unknown };
  if (!(outcome.error instanceof StackRunFailure)) throw outcome.error;
  const notStarted = step.filter((_, i) => settled[i]?.state === 'not-started');
  throw await stackFailure(session, first, outcome.error.cause, {
    completed: context.completed(),
    notAttempted: [...notStarted, ...context.later].map((s) => s.name),
    alsoFailed: failed.slice(1).map((s) => s.name),
    retryCommand: context.retryCommand,
    action: context.action,
  });
}
