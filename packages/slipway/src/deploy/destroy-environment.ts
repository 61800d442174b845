import { ExpandStackSelection, StackSelectionStrategy } from '@aws-cdk/toolkit-lib';
import type { AppModel } from '../model/types.js';
import { readStack } from './compare.js';
import { type ConfirmationOptions, confirmProduction, requireConfirmationPossible } from './confirm.js';
import { withEndpoint } from './connection.js';
import type { DeployedStack } from './deployed-state.js';
import { TerminationProtectedError } from './errors.js';
import { openSession, type Session, type SessionOptions, synthesize } from './session.js';
import type { PlannedStack } from './assembly.js';
import { stackFailure } from './stack-failure.js';
import type { DeployTarget } from './target.js';

export interface DestroyOptions extends SessionOptions, ConfirmationOptions {
  /** The command that repeats this destroy, quoted in failure messages. @default `slipway destroy --env <env>` */
  readonly command?: string;
}

/** A resource CloudFormation keeps when its stack is deleted. */
export interface RetainedResource {
  readonly stack: string;
  readonly logicalId: string;
  readonly type: string;
  /** `Retain` (kept as is) or `Snapshot` (deleted after a final snapshot). */
  readonly policy: string;
}

export interface DestroyResult {
  readonly app: string;
  readonly environment: string;
  readonly target: DeployTarget;
  /** Stacks deleted, in the order they went (the monitoring stack and services first, network last). */
  readonly destroyed: readonly string[];
  /** Resources of those stacks that stay (or leave a snapshot) by their deletion policy. */
  readonly retained: readonly RetainedResource[];
}

/**
 * Deletes an environment's stacks in reverse deploy order (shared stacks, the CI stack and a CodePipeline,
 * are never touched). Stacks with termination protection, every production stack, are refused before
 * anything is deleted; production also asks for confirmation.
 */
export async function destroyEnvironment(
  model: AppModel,
  envName: string,
  options: DestroyOptions = {},
): Promise<DestroyResult> {
  const declared = model.environments.find((e) => e.name === envName);
  if (declared) requireConfirmationPossible(declared, 'destroy', options);
  const session = await openSession(model, envName, options, false);
  const command = options.command ?? `slipway destroy --env ${envName}`;
  const base = {
    app: session.model.app,
    environment: session.environment.name,
    target: session.connection.target,
  };
  if (!session.reachable) {
    session.emit({
      kind: 'note',
      message: 'the local emulator is not running, so nothing is deployed there',
    });
    return { ...base, destroyed: [], retained: [] };
  }
  const app = await synthesize(session);
  try {
    const stacks = app.stacks.filter((s) => s.environment !== undefined).reverse();
    const existing: { stack: (typeof stacks)[number]; deployed: DeployedStack }[] = [];
    for (const stack of stacks) {
      const { deployed } = await readStack(session, stack);
      if (deployed) existing.push({ stack, deployed });
    }
    const protectedStacks = existing
      .filter(({ stack, deployed }) => deployed.terminationProtection || stack.terminationProtection)
      .map(({ stack }) => stack.name);
    if (protectedStacks.length > 0) throw new TerminationProtectedError(protectedStacks);
    if (existing.length === 0) {
      session.emit({ kind: 'note', message: `no stack of ${envName} is deployed` });
      return { ...base, destroyed: [], retained: [] };
    }
    await confirmProduction(
      base.app,
      session.environment,
      'destroy',
      `${existing.length} stacks will be deleted.`,
      options,
    );

    const destroyed: string[] = [];
    for (const [index, { stack }] of existing.entries()) {
      session.emit({
        kind: 'stack-start',
        action: 'destroy',
        stack: stack.name,
        index: index + 1,
        total: existing.length,
      });
      const started = performance.now();
      try {
        await destroyStack(session, app.assembly, stack);
      } catch (error) {
        throw await stackFailure(session, stack, error, {
          completed: destroyed,
          notAttempted: existing.slice(index + 1).map((e) => e.stack.name),
          retryCommand: command,
          action: 'destroy',
        });
      }
      destroyed.push(stack.name);
      session.emit({
        kind: 'stack-done',
        action: 'destroy',
        stack: stack.name,
        seconds: (performance.now() - started) / 1000,
        unchanged: false,
      });
    }
    return { ...base, destroyed, retained: existing.flatMap(({ deployed }) => retainedResources(deployed)) };
  } finally {
    await app.assembly.dispose();
  }
}

/** One stack through toolkit-lib, and only that stack. */
export async function destroyStack(
  session: Session,
  assembly: Parameters<Session['toolkit']['destroy']>[0],
  stack: PlannedStack,
): Promise<void> {
  await withEndpoint(session.connection, () =>
    session.toolkit.destroy(assembly, {
      stacks: {
        strategy: StackSelectionStrategy.PATTERN_MUST_MATCH_SINGLE,
        patterns: [stack.name],
        expand: ExpandStackSelection.NONE,
      },
      ...(session.connection.target === 'local' ? { stackEventPollingInterval: 100 } : {}),
    }),
  );
}

function retainedResources(stack: DeployedStack): RetainedResource[] {
  return Object.entries(stack.template.Resources ?? {})
    .filter(
      ([, r]) =>
        r.DeletionPolicy === 'Retain' ||
        r.DeletionPolicy === 'Snapshot' ||
        r.DeletionPolicy === 'RetainExceptOnCreate',
    )
    .map(([logicalId, r]) => ({
      stack: stack.name,
      logicalId,
      type: r.Type,
      policy: r.DeletionPolicy ?? '',
    }));
}
