import type { IConstruct } from 'constructs';
import type { AppModel } from '../model/types.js';
import type { Finding } from './finding.js';
import type { SynthesizedStack } from '../template/types.js';
import { isControlId } from './acknowledgement-rules.js';
import { applyAcknowledgements } from './apply-acknowledgements.js';
import { runAwsSolutions } from './cdk-nag.js';
import { type ConstructIndex, indexConstructs } from './construct-index.js';
import { guardUnavailable } from './control-tower/guard-package.js';
import { runControlTower } from './control-tower/run-control-tower.js';
import type { LocatedFinding } from './located-finding.js';
import { prepareChecks } from './prepare-checks.js';
import { runRules } from './rules/run-rules.js';
import type { StackFacts } from './rules/types.js';

export const BYPASSED_ACKNOWLEDGEMENT_RULE = 'Slipway-ACK2';
export const CONTROLS_NOT_RUN_RULE = 'Slipway-CT1';

/**
 * The pack is on by default, and a team's laptops are not all Linux or macOS: there the plan says
 * the controls did not run instead of failing, and the plan in CI (on Linux) still runs them.
 */
function controlsNotRun(why: string, sharedStack: string): LocatedFinding {
  return {
    rule: CONTROLS_NOT_RUN_RULE,
    level: 'warning',
    stack: sharedStack,
    path: sharedStack,
    message: `AWS Control Tower's controls did not run: ${why}. The plan in CI runs them; set checks.controlTower to false in slipway.config.ts to turn the pack off.`,
  };
}

export interface CollectFindingsInput {
  /** The app, after `synth()`: cdk-nag walks its construct tree, with aspects applied. */
  readonly app: IConstruct;
  /** The synthesized stacks to report on; other stacks of the app are left out. */
  readonly stacks: readonly SynthesizedStack[];
  /** Gives each environment's production flag and the config's acknowledgements. */
  readonly model: AppModel;
  /**
   * Whether every environment of the config is being checked. When only some are, an
   * acknowledgement naming no stack may be meant for one not checked, so it is never reported stale.
   * @default true
   */
  readonly allEnvironments?: boolean;
  /**
   * Run AWS Control Tower's proactive controls (cfn-guard) over the templates.
   * @default the config's `checks.controlTower`, false when the model does not say
   */
  readonly controlTower?: boolean;
}

/**
 * What the rules learn from the model: production or not (the CI stack serves every environment,
 * production included, so it gets the production rules), whether the environment has a user pool,
 * and for the CI stack of a GitLab app with previews the branch patterns its preview roles trust.
 */
function factsOf(model: AppModel): (stack: SynthesizedStack) => StackFacts {
  const preview = model.delivery?.ci === 'gitlab' ? model.delivery.preview : undefined;
  return (stack) => {
    const env = model.environments.find((e) => e.name === stack.environment);
    return {
      production: env?.production ?? true,
      userPool: env?.auth !== undefined,
      ...(preview !== undefined && stack.name === model.ci.stackName
        ? { previewBranches: preview.branches }
        : {}),
    };
  };
}

function bypassedFindings(index: ConstructIndex, sharedStack: string): LocatedFinding[] {
  return index.bypassed.map((bypass) => ({
    rule: BYPASSED_ACKNOWLEDGEMENT_RULE,
    level: 'warning',
    stack: bypass.stack ?? sharedStack,
    path: bypass.path,
    message: `${bypass.rule} is acknowledged with Validations.of(...).acknowledge(), which makes cdk-nag drop the finding before the plan sees it. Use acknowledge() from Slipway so the finding stays in the plan with its reason.`,
  }));
}

/** Plain code-unit order, so the report is byte-identical whatever the machine's locale. */
function compareFindings(a: Finding, b: Finding): number {
  const key = (finding: Finding) => [finding.stack, finding.resource, finding.rule].join('\u0000');
  const [left, right] = [key(a), key(b)];
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Every finding on the synthesized stacks: the cdk-nag AwsSolutions pack, Slipway's own rules and,
 * when switched on, AWS Control Tower's proactive controls, with acknowledgements from `acknowledge()` and from the config applied. Acknowledged findings
 * stay in the list (`acknowledged: true` with the reason); acknowledgements that match nothing
 * come back as `Slipway-ACK1` warnings. Findings are returned, never thrown.
 *
 * @throws AcknowledgementError when a config acknowledgement is invalid (see `prepareChecks`).
 */
export function collectFindings(input: CollectFindingsInput): Finding[] {
  const { app, stacks, model } = input;
  prepareChecks(app, model);
  const names = new Set(stacks.map((stack) => stack.name));
  const index = indexConstructs(app);

  const ruleFindings = runRules(stacks, factsOf(model)).map((finding): LocatedFinding => ({
    rule: finding.rule,
    level: finding.level,
    stack: finding.stack,
    message: finding.message,
    logicalId: finding.resource,
    path: index.pathOf(finding.stack, finding.resource),
  }));
  const wanted = input.controlTower ?? model.checks?.controlTower ?? false;
  const unavailable = wanted ? guardUnavailable() : undefined;
  const controlTower = wanted && unavailable === undefined;
  const located = [
    ...runAwsSolutions(app, index),
    ...ruleFindings,
    ...(controlTower ? runControlTower(stacks, index.pathOf) : []),
    ...(unavailable === undefined ? [] : [controlsNotRun(unavailable, model.ci.stackName)]),
    ...bypassedFindings(index, model.ci.stackName),
  ];

  // Stacks (and teams, in the config) acknowledge Control Tower controls; with the pack off those
  // findings cannot appear, so the acknowledgements are left out rather than reported stale.
  const code = controlTower
    ? index.acknowledgements
    : index.acknowledgements.filter((ack) => !isControlId(ack.rule));
  const configured = controlTower
    ? model.acknowledgements
    : model.acknowledgements.filter((ack) => !isControlId(ack.rule));
  const findings = applyAcknowledgements(
    located.filter((finding) => names.has(finding.stack)),
    code,
    configured,
    { stacks: names, complete: input.allEnvironments ?? true, sharedStack: model.ci.stackName },
  );
  return findings.sort(compareFindings);
}
