import { ExpandStackSelection, StackParameters, StackSelectionStrategy } from '@aws-cdk/toolkit-lib';
import { emulatorLimitsFor } from '../local-cloud/emulator-limits.js';
import type { AppModel } from '../model/types.js';
import type { AccountMapping } from './account-mapping.js';
import type { CertificateStandIn } from './local-certificates.js';
import type { PlannedStack, SynthesizedApp } from './assembly.js';
import { compareWithDeployed, readStack } from './compare.js';
import { type ConfirmationOptions, confirmProduction, requireConfirmationPossible } from './confirm.js';
import { withEndpoint } from './connection.js';
import { readCrossRegionValues } from './cross-region-values.js';
import { ensureDatadogMonitorType } from './datadog-monitor-type.js';
import { deployOrder } from './deploy-order.js';
import { deploySteps, serviceConcurrency } from './deploy-steps.js';
import {
  describeSwitch,
  switchCause,
  type IngressSwitch,
  ingressSwitchOf,
  stacksToDetach,
  withDetachedApp,
} from './ingress-switch.js';
import { checkOidcProvider } from './oidc-provider.js';
import { refuseOpenFindings } from './findings-gate.js';
import { refuseLeftoverLogGroups } from './leftover-log-groups.js';
import { ensureLocalAlertSecrets, PLACEHOLDER_PAGERDUTY_URL } from './local-alert-secrets.js';
import { ensureLocalBootstrap } from './local-bootstrap.js';
import {
  allowsPrivateName,
  type CallerScope,
  type PrivateNameChange,
  privateNameChanges,
  refusePrivateNameChanges,
} from './discovery-guard.js';
import { refuseStatefulChanges, unusedAllowances } from './replacement-guard.js';
import { openSession, type Session, type SessionOptions, type StackGroup, synthesize } from './session.js';
import type { StackChanges } from './resource-change.js';
import { classifyStackChanges } from './stack-changes.js';
import { runBounded } from './run-bounded.js';
import { stackFailure } from './stack-failure.js';
import { failedNote, StackRunFailure, throwFirstFailure } from './step-failure.js';
import type { DeployTarget } from './target.js';
import { ProvisionError } from '../provision/errors.js';
import { type ProvisionOutcome, runProvisioner } from '../provision/run-provisioner.js';

export interface DeployOptions extends SessionOptions, ConfirmationOptions {
  /**
   * Logical ids of stateful resources that may be replaced or removed, and private names
   * (`inventory.orders.internal`) that may stop resolving for a while (`--allow-replace`). @default none
   */
  readonly allowReplace?: readonly string[];
  /** Only the layer stacks (CI when missing, network, data, runtime) or only the service stacks. @default every stack */
  readonly only?: StackGroup;
  /** Also update the shared stacks (CI, a CodePipeline) when they exist and have changes. @default false */
  readonly includeCi?: boolean;
  /** The command that repeats this deploy, quoted in failure messages. @default `slipway deploy --env <env>` */
  readonly command?: string;
  /**
   * Run each database's provisioner task after the layer stacks, so the services' login roles
   * exist before the services start (SECURITY.md 29b). @default true when the layer stacks deploy
   */
  readonly provision?: boolean;
  /**
   * The caller has just run the security checks on this model and stopped on open errors (`slipway
   * up` plans first), so the deploy does not run them a second time. @default false
   */
  readonly checked?: boolean;
  /**
   * How many service stacks deploy at once (`--concurrency`); the layer stacks always go one at a
   * time, in order. @default the config's `delivery.deployConcurrency`, else 10
   */
  readonly concurrency?: number;
  /**
   * The session and app `prepareDeploy` made, to deploy instead of synthesizing again (`slipway up`
   * plans from the same synth first). The deploy disposes its assembly. @default synthesized here
   */
  readonly prepared?: PreparedDeploy;
}

/** An environment's session and its synthesized app (checked unless `checked` was set), ready to deploy. */
export interface PreparedDeploy {
  readonly session: Session;
  readonly app: SynthesizedApp;
}

/**
 * The first half of a deploy: opens the session (starting the emulator on the local target when
 * none runs) and synthesizes the app once, with the checks unless `checked` says they ran. The
 * caller hands the result to `deployEnvironment` as `prepared`, or disposes its assembly.
 * `outdir` is where the assembly is written. @default `<stateDir>/assembly/<env>`
 */
export async function prepareDeploy(
  model: AppModel,
  envName: string,
  options: DeployOptions & { readonly outdir?: string } = {},
): Promise<PreparedDeploy> {
  const production = model.environments.find((e) => e.name === envName);
  if (production) requireConfirmationPossible(production, 'deploy', options);
  const session = await openSession(model, envName, options, true);
  const app = await synthesize(session, { checks: !options.checked, outdir: options.outdir });
  return { session, app };
}

/** One stack of a finished deploy. */
export interface DeployedStackResult {
  readonly name: string;
  /** `created` (new), `updated` (changes applied) or `unchanged` (deployed again, nothing to change). */
  readonly action: 'created' | 'updated' | 'unchanged';
  readonly outputs: Readonly<Record<string, string>>;
  readonly seconds: number;
}

export interface DeployResult {
  readonly app: string;
  readonly environment: string;
  readonly target: DeployTarget;
  /** The emulator's endpoint on the local target. */
  readonly endpoint?: string;
  /** Accounts replaced by the emulator's on the local target. */
  readonly accountMappings: readonly AccountMapping[];
  /** Self-signed certificates used for configured ones on the local target. */
  readonly certificateStandIns: readonly CertificateStandIn[];
  /** Stacks deployed, in plan order (service stacks may have finished in another). */
  readonly stacks: readonly DeployedStackResult[];
  /** Shared stacks (CI, a CodePipeline) that already existed and were left alone. */
  readonly skipped: readonly string[];
  /** On the local target: what the emulator does not model. */
  readonly emulatorLimits: readonly string[];
  /** The provisioner runs that ensured each database's app role. */
  readonly provisioned: readonly ProvisionOutcome[];
}

/**
 * Deploys one environment through toolkit-lib: the account-level CI stack first when it does not
 * exist yet, then network → data → runtime one stack at a time, then the service stacks up to
 * `concurrency` at once, then monitoring. A failure starts nothing further, lets the stacks already
 * going finish, and leaves every finished stack as deployed. Before anything is deployed, the whole
 * environment is compared with what is there and a replacement or removal of a stateful resource stops the deploy
 * unless `allowReplace` names it; each stack is checked again just before it goes, with the values
 * its parameters resolve to by then. An environment switching between the load balancer and the
 * HTTP API has its deployed public services detached before the runtime stack swaps the ingress
 * (`ingress-switch.ts`). Production asks for confirmation.
 */
export async function deployEnvironment(
  model: AppModel,
  envName: string,
  options: DeployOptions = {},
): Promise<DeployResult> {
  const { session, app } = options.prepared ?? (await prepareDeploy(model, envName, options));
  const command = options.command ?? `slipway deploy --env ${envName}`;
  const allowReplace = options.allowReplace ?? [];
  try {
    refuseOpenFindings(app.findings, app.stacks, command);
    if (session.connection.target === 'local') {
      await bootstrapLocal(session, app.stacks);
      await standInAlertSecrets(session);
    }
    const comparison = await compareWithDeployed(session, app.stacks);
    const order = deployOrder(
      app.stacks.map((s) => ({
        name: s.name,
        kind: s.kind,
        shared: s.environment === undefined,
        exists: comparison.deployed.get(s.name) !== undefined,
        changed: hasChanges(comparison.changes.find((c) => c.name === s.name)),
      })),
      { only: options.only, includeShared: options.includeCi },
    );
    const selected = order.stacks.map((name) => app.stacks.find((s) => s.name === name) as PlannedStack);
    const skipped = order.skippedShared.map((s) => s.name);
    for (const left of order.skippedShared.filter((s) => s.changed)) {
      session.emit({
        kind: 'note',
        message: `${left.name} is shared by every environment and has changes; it is left as deployed (add --include-ci to update it)`,
      });
    }
    await refuseLeftoverLogGroups(
      session,
      selected.filter((s) => comparison.deployed.get(s.name) === undefined),
    );
    const ci = selected.find((s) => s.kind === 'ci');
    if (ci) await checkOidcProvider(session, model, ci, comparison.deployed.get(ci.name));
    const relevant = comparison.changes.filter((c) => selected.some((s) => s.name === c.name));
    const scope: CallerScope = { app: session.model.app, environment: session.environment };
    refuseStatefulChanges(relevant, allowReplace, command);
    const privateNames = privateNameChanges(relevant, scope, allowReplace);
    const runtimeName = session.environment.stackNames.runtime;
    const ingressSwitch = selected.some((s) => s.name === runtimeName)
      ? ingressSwitchOf(session.environment, comparison.deployed.get(runtimeName)?.template)
      : undefined;
    // Said before any refusal: the private names going dark follow from it.
    if (ingressSwitch)
      session.emit({ kind: 'note', message: switchCause(session.environment.name, ingressSwitch) });
    refusePrivateNameChanges(privateNames, command);
    const usedForNames = new Set(privateNames.flatMap((c) => allowancesOf(c, allowReplace)));
    for (const unused of unusedAllowances(relevant, allowReplace).filter((v) => !usedForNames.has(v))) {
      session.emit({
        kind: 'note',
        message: `--allow-replace ${unused} names no stateful resource or private name this deploy replaces or removes`,
      });
    }
    await confirmProduction(session.model.app, session.environment, 'deploy', summarize(relevant), options);

    const results: DeployedStackResult[] = [];
    const provisioned: ProvisionOutcome[] = [];
    // The app roles must exist before a service signs in: right after the last layer stack.
    const lastLayer = selected.reduce(
      (last, s, i) => (s.kind === 'data' || s.kind === 'runtime' || s.kind === 'cluster' ? i : last),
      -1,
    );
    const provision = options.provision ?? true;
    const concurrency = serviceConcurrency(options.concurrency, session.model);
    const deployOne = async (stack: PlannedStack): Promise<DeployedStackResult> => {
      const index = selected.indexOf(stack);
      if (ingressSwitch && stack.name === runtimeName) {
        await detachPublicServices(
          session,
          ingressSwitch,
          selected,
          (name) => comparison.deployed.get(name) !== undefined,
          {
            completed: results.map((r) => r.name),
            notAttempted: selected.slice(index).map((s) => s.name),
            retryCommand: command,
          },
          concurrency,
        );
      }
      const existed = comparison.deployed.get(stack.name) !== undefined;
      let changes = relevant.find((c) => c.name === stack.name);
      if (index > 0 && existed) {
        // Earlier stacks may have just published new values; judge this one with them.
        const { deployed, drifted } = await readStack(session, stack);
        changes = classifyStackChanges({
          name: stack.name,
          deployed: deployed?.template,
          planned: stack.template,
          changedParameters: drifted,
        });
        refuseStatefulChanges([changes], allowReplace, command);
        refusePrivateNameChanges(privateNameChanges([changes], scope, allowReplace), command);
      }
      session.emit({
        kind: 'stack-start',
        action: 'deploy',
        stack: stack.name,
        index: index + 1,
        total: selected.length,
      });
      const started = performance.now();
      // Datadog's monitor type is activated and configured per account and region, outside any stack.
      if (stack.kind === 'monitoring') await ensureMonitorType(session);
      const outputs = await deployStack(session, app.assembly, stack).catch((error: unknown) => {
        session.emit({ kind: 'note', message: failedNote(stack.name, 'deploy') });
        throw new StackRunFailure(error);
      });
      const seconds = (performance.now() - started) / 1000;
      const unchanged = existed && !hasChanges(changes);
      session.emit({ kind: 'stack-done', action: 'deploy', stack: stack.name, seconds, unchanged });
      const result: DeployedStackResult = {
        name: stack.name,
        action: existed ? (unchanged ? 'unchanged' : 'updated') : 'created',
        outputs,
        seconds,
      };
      results.push(result);
      return result;
    };
    const steps = deploySteps(selected);
    for (const [at, step] of steps.entries()) {
      const settled = await runBounded(step, concurrency, deployOne);
      await throwFirstFailure(session, step, settled, {
        completed: () => inPlanOrder(results, selected).map((r) => r.name),
        later: steps.slice(at + 1).flat(),
        retryCommand: command,
        action: 'deploy',
      });
      if (step.some((s) => selected.indexOf(s) === lastLayer) && provision) {
        provisioned.push(...(await ensureAppRoles(session, command)));
      }
    }
    return {
      app: session.model.app,
      environment: session.environment.name,
      target: session.connection.target,
      endpoint: session.connection.endpoint,
      accountMappings: session.mappings,
      certificateStandIns: session.certificates,
      stacks: inPlanOrder(results, selected),
      skipped,
      emulatorLimits: session.connection.target === 'local' ? emulatorLimitsFor(session.environment) : [],
      provisioned,
    };
  } finally {
    await app.assembly.dispose();
  }
}

/**
 * The first step of an ingress switch (`ingress-switch.ts`): each deployed public service's stack
 * again, attached to no ingress, so the runtime stack can take the old one away.
 */
async function detachPublicServices(
  session: Session,
  change: IngressSwitch,
  planned: readonly PlannedStack[],
  isDeployed: (stackName: string) => boolean,
  failure: { completed: string[]; notAttempted: string[]; retryCommand: string },
  concurrency: number,
): Promise<void> {
  const targets = stacksToDetach(session.environment, planned, isDeployed);
  if (targets.length === 0) return;
  session.emit({ kind: 'note', message: describeSwitch(session.environment.name, change, targets.length) });
  await withDetachedApp(session, async (detached) => {
    // Service stacks, independent of each other: detached as many at once as they deploy.
    const settled = await runBounded(targets, concurrency, async (target) => {
      const stack = detached.stacks.find((s) => s.name === target.name);
      if (!stack) throw new Error(`the detached app has no stack ${target.name}`);
      const started = performance.now();
      session.emit({ kind: 'note', message: `${stack.name}: detaching from the old ingress…` });
      await deployStack(session, detached.assembly, stack).catch(async (error: unknown) => {
        throw await stackFailure(session, stack, error, { ...failure, action: 'deploy' });
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      session.emit({ kind: 'note', message: `${stack.name}: detached in ${seconds} s` });
    });
    const failed = settled.find((s) => s.state === 'failed');
    if (failed) throw failed.error;
  });
}

/** Each database's provisioner, with no overrides: the environment's own app role and database. */
async function ensureAppRoles(session: Session, command: string): Promise<ProvisionOutcome[]> {
  const env = session.environment;
  if (env.databases.length === 0) return [];
  try {
    return await runProvisioner(
      session,
      env.databases.map((d) => ({
        action: 'ensure' as const,
        database: d.name,
        databaseName: d.databaseName,
        roleName: d.appUsername,
      })),
    );
  } catch (error) {
    if (error instanceof ProvisionError) {
      session.emit({
        kind: 'note',
        message: `the layer stacks are deployed; the service stacks were not attempted. Run \`${command}\` again once fixed.`,
      });
    }
    throw error;
  }
}

/**
 * One stack through toolkit-lib. On the emulator the direct method (create/update stack): moto's
 * change sets drop outputs and fail on updates. On AWS change sets, which CloudFormation
 * validates before touching anything.
 */
export async function deployStack(
  session: Session,
  assembly: Parameters<Session['toolkit']['deploy']>[0],
  stack: PlannedStack,
): Promise<Record<string, string>> {
  const local = session.connection.target === 'local';
  const fromOtherRegions = await readCrossRegionValues(
    session.connection,
    stack.account,
    stack.name,
    stack.template,
  );
  const result = await withEndpoint(session.connection, () =>
    session.toolkit.deploy(assembly, {
      ...(Object.keys(fromOtherRegions).length === 0
        ? {}
        : { parameters: StackParameters.exactly(fromOtherRegions) }),
      stacks: {
        strategy: StackSelectionStrategy.PATTERN_MUST_MATCH_SINGLE,
        patterns: [stack.name],
        expand: ExpandStackSelection.NONE,
      },
      deploymentMethod: local ? { method: 'direct' } : { method: 'change-set' },
      rollback: true,
      ...(local ? { stackEventPollingInterval: 100 } : {}),
    }),
  );
  return result.stacks.find((s) => s.stackName === stack.name)?.outputs ?? {};
}

/** Every emulator account and region a stack goes to gets CDK's bootstrap stack once. */
export async function bootstrapLocal(session: Session, stacks: readonly PlannedStack[]): Promise<void> {
  const places = new Set(stacks.map((s) => `${s.account}/${s.region}`));
  for (const place of places) {
    const [account, region] = place.split('/') as [string, string];
    await withEndpoint(session.connection, () =>
      ensureLocalBootstrap(session.toolkit, session.connection, account, region, session.emit),
    );
  }
}

/** On the emulator, the PagerDuty secret the alarm topic's subscription reads, when the team's is missing. */
async function standInAlertSecrets(session: Session): Promise<void> {
  const endpoint = session.connection.endpoint;
  if (endpoint === undefined) return;
  for (const name of await ensureLocalAlertSecrets(session.environment, endpoint)) {
    session.emit({
      kind: 'note',
      message: `made secret ${name} in the emulator with a placeholder PagerDuty URL (${PLACEHOLDER_PAGERDUTY_URL}); nothing is paged locally`,
    });
  }
}

/** With Datadog monitors on ECS: the account and region's monitor type, activated and configured (decision 025). */
async function ensureMonitorType(session: Session): Promise<void> {
  const outcome = await ensureDatadogMonitorType(session.connection, session.environment);
  if (outcome === undefined) return;
  session.emit({
    kind: 'note',
    message: `${outcome.activated ? 'activated' : 'found'} Datadog::Monitors::Monitor (${outcome.typeArn}) and set its configuration: the keys as dynamic references to the declared secrets`,
  });
  if (outcome.otherMajorVersion !== undefined) {
    session.emit({
      kind: 'note',
      message: `Datadog::Monitors::Monitor is active at version ${outcome.otherMajorVersion} in this account and region; Slipway's monitors are written and linted for major version 4. Deactivate it to let the next deploy activate version 4, or keep it knowingly.`,
    });
  }
}

/** The `--allow-replace` values that name this private name. */
function allowancesOf(change: PrivateNameChange, allowReplace: readonly string[]): string[] {
  return allowReplace.filter((v) => allowsPrivateName(v, change.stack, change.logicalId, change.host));
}

/** Results in the order the stacks were planned, whatever order parallel services finished in. */
function inPlanOrder(results: readonly DeployedStackResult[], planned: readonly PlannedStack[]) {
  const position = (name: string) => planned.findIndex((s) => s.name === name);
  return [...results].sort((a, b) => position(a.name) - position(b.name));
}

function hasChanges(changes: StackChanges | undefined): boolean {
  return (changes?.changes.length ?? 0) > 0;
}

function summarize(stacks: readonly StackChanges[]): string {
  const count = (action: string) =>
    stacks.reduce((n, s) => n + s.changes.filter((c) => c.action === action).length, 0);
  return `${count('add')} to add, ${count('modify')} to change, ${count('replace')} to replace, ${count('remove')} to remove.`;
}
