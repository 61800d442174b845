import type { AppModel } from '../model/types.js';
import { compareWithDeployed } from './compare.js';
import { type PrivateNameChange, privateNameChanges } from './discovery-guard.js';
import { ingressSwitchOf, switchCause } from './ingress-switch.js';
import { type StatefulChange, statefulChanges } from './replacement-guard.js';
import { inGroup, openSession, type SessionOptions, type StackGroup, synthesize } from './session.js';
import type { StackChanges } from './resource-change.js';
import type { DeployTarget } from './target.js';

export interface DiffOptions extends SessionOptions {
  /** Logical ids whose replacement or removal, and private names whose going dark, are allowed (`--allow-replace`). @default none */
  readonly allowReplace?: readonly string[];
  /** Only the layer stacks (CI, network, data, runtime) or only the service stacks. @default every stack */
  readonly only?: StackGroup;
}

/** What deploying an environment would change, stack by stack. */
export interface EnvironmentDiff {
  readonly app: string;
  readonly environment: string;
  readonly target: DeployTarget;
  /** The CI stack first, then the environment's stacks in deploy order. */
  readonly stacks: readonly StackChanges[];
  /** Stateful resources that would be replaced, removed or moved; unallowed ones stop a deploy. */
  readonly stateful: readonly StatefulChange[];
  /** Private names that would stop resolving for a while; guarded, unallowed ones stop a deploy. */
  readonly privateNames: readonly PrivateNameChange[];
}

/**
 * Compares an environment's synthesized templates with what is deployed on the target (nothing,
 * when the local emulator is not running). Reads only: nothing is started, created or changed.
 */
export async function diffEnvironment(
  model: AppModel,
  envName: string,
  options: DiffOptions = {},
): Promise<EnvironmentDiff> {
  const session = await openSession(model, envName, options, false);
  if (!session.reachable) {
    session.emit({
      kind: 'note',
      message: 'the local emulator is not running, so nothing is deployed there yet',
    });
  }
  const app = await synthesize(session);
  try {
    // Every stack is compared, so values carried between them count; only the group is reported.
    const compared = await compareWithDeployed(session, app.stacks);
    const changes = compared.changes.filter((c) =>
      inGroup(app.stacks.find((s) => s.name === c.name)?.kind ?? '', options.only),
    );
    const runtime = compared.deployed.get(session.environment.stackNames.runtime);
    const ingressSwitch = ingressSwitchOf(session.environment, runtime?.template);
    // The private names going dark below follow from it; a deploy would also say so first.
    if (ingressSwitch) {
      session.emit({ kind: 'note', message: switchCause(session.environment.name, ingressSwitch) });
    }
    return {
      app: session.model.app,
      environment: session.environment.name,
      target: session.connection.target,
      stacks: changes,
      stateful: statefulChanges(changes, options.allowReplace),
      privateNames: privateNameChanges(
        changes,
        { app: session.model.app, environment: session.environment },
        options.allowReplace,
      ),
    };
  } finally {
    await app.assembly.dispose();
  }
}
