import { ExpandStackSelection, StackSelectionStrategy } from '@aws-cdk/toolkit-lib';
import type { AppModel } from '../model/types.js';
import { readStack } from './compare.js';
import { type ConfirmationOptions, confirmProduction, requireConfirmationPossible } from './confirm.js';
import { withEndpoint } from './connection.js';
import type { DeployedStack } from './deployed-state.js';
import { TerminationProtectedError } from './errors.js';
import { openSession, type Session, type SessionOptions, synthesize } from './session.js';
import type { PlannedStack } from './assembly.js';
import { deploySteps, serviceConcurrency } from './deploy-steps.js';
import { runBounded } from './run-bounded.js';
import { failedNote, StackRunFailure, throwFirstFailure } from './step-failure.js';
import type { DeployTarget } from './target.js';

export interface DestroyOptions extends SessionOptions, ConfirmationOptions {
  /** The command that repeats this destroy, quoted in failure messages. @default `slipway destroy --env <env>` */
  readonly command?: string;
  /** How many service stacks are deleted at once (`--concurrency`); the layers go one at a time. @default the config's `delivery.deployConcurrency`, else 10 */
  readonly concurrency?: number;
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
  /** Stacks deleted, in reverse plan order (the monitoring stack and services first, network last). */
  readonly destroyed: readonly string[];
  /** Resources of those stacks that stay (or leave a snapshot) by their deletion policy. */
  readonly retained: readonly RetainedResource[];
}

/**
 * Deletes an environment's stacks in reverse deploy order, the service stacks up to `concurrency` at
 * once (shared stacks, the CI stack and a CodePipeline, are never touched). Stacks with termination protection, every production stack, are refused before
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
    const order = existing.map((e) => e.stack);
    const destroyOne = async (stack: PlannedStack): Promise<void> => {
      session.emit({
        kind: 'stack-start',
        action: 'destroy',
        stack: stack.name,
        index: order.indexOf(stack) + 1,
        total: order.length,
      });
      const started = performance.now();
      await destroyStack(session, app.assembly, stack).catch((error: unknown) => {
        session.emit({ kind: 'note', message: failedNote(stack.name, 'destroy') });
        throw new StackRunFailure(error);
      });
      destroyed.push(stack.name);
      session.emit({
        kind: 'stack-done',
        action: 'destroy',
        stack: stack.name,
        seconds: (performance.now() - started) / 1000,
        unchanged: false,
      });
    };
    // Reverse plan order: monitoring, then the service stacks at once, then the layers one by one.
    const steps = deploySteps(order);
    for (const [at, step] of steps.entries()) {
      const settled = await runBounded(
        step,
        serviceConcurrency(options.concurrency, session.model),
        destroyOne,
      );
      await throwFirstFailure(session, step, settled, {
        completed: () => order.filter((s) => destroyed.includes(s.name)).map((s) => s.name),
        later: steps.slice(at + 1).flat(),
        retryCommand: command,
        action: 'destroy',
      });
    }
    return {
      ...base,
      destroyed: order.filter((s) => destroyed.includes(s.name)).map((s) => s.name),
      retained: existing.flatMap(({ deployed }) => retainedResources(deployed)),
    };
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
