import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { collectFindings, prepareChecks } from '../checks/index.js';
import type { RegionPriceTable } from '../cost/index.js';
import type { AppModel, CostAlertModel } from '../model/types.js';
import { UnknownEnvironmentError } from './errors.js';
import { buildApp } from '../stacks/build-app.js';
import { synthesize } from '../stacks/synthesize.js';
import { planTemplates } from './plan-templates.js';

export { UnknownEnvironmentError } from './errors.js';
import type { Finding } from '../checks/finding.js';
import type { CostItem, UnpricedItem } from '../cost/cost-item.js';
import type { SynthesizedStack } from '../template/types.js';
import type { PlanResult, StackSummary } from './types.js';

export interface PlanOptions {
  /** Where the templates are written, one `<stack>.template.json` each. */
  readonly outdir: string;
  /** Plan only these environments; all when empty. The account-level CI stack is always planned. */
  readonly environments?: readonly string[];
  /** Run the security checks. @default true */
  readonly checks?: boolean;
  /** Price the templates. @default true */
  readonly cost?: boolean;
  /** Told about each step as it starts, for progress output. */
  readonly onStep?: (step: PlanStep) => void;
  /**
   * Handed the synthesized stacks before the checks start, so work that needs only the templates
   * (the report's diagrams) can begin on another thread while the checks run.
   */
  readonly onTemplates?: (stacks: readonly SynthesizedStack[]) => void;
  /**
   * Price tables to price with, by region: how tests plan a region the bundle lacks.
   * @default the bundled tables
   */
  readonly priceTables?: Readonly<Record<string, RegionPriceTable>>;
}

export type PlanStep =
  | { readonly kind: 'synth'; readonly stacks: number }
  /** `controlTower`: whether AWS Control Tower's controls run beside cdk-nag and Slipway's rules. */
  | { readonly kind: 'checks'; readonly controlTower: boolean }
  | { readonly kind: 'cost' }
  | { readonly kind: 'done'; readonly seconds: number };

/** The plan plus what the shared (account-level) stacks found and cost. */
export interface PlanOutcome extends PlanResult {
  readonly shared: {
    readonly stacks: readonly StackSummary[];
    readonly findings: readonly Finding[];
    readonly costItems: readonly CostItem[];
    /** Null when the CI region has no price table. */
    readonly monthlyCostUsd: number | null;
    readonly unpriced: readonly UnpricedItem[];
    readonly unverifiedFigures: number;
  };
  /**
   * The config's `delivery.costAlert`, carried so a pull request's summary reads it from the plan
   * alone; absent when the model has no delivery settings (the summary's defaults apply).
   */
  readonly costAlert?: CostAlertModel | false;
}

/**
 * model → CDK app → templates → findings and cost, for the chosen environments; on EKS also the
 * GitOps folder's Kubernetes objects, validated and checked. Pure apart from writing the templates
 * (and objects) to `outdir`, which is emptied first so no stale file survives.
 */
export function runPlan(model: AppModel, options: PlanOptions): PlanOutcome {
  const started = performance.now();
  const selected = selectEnvironments(model, options.environments ?? []);
  const outdir = path.resolve(options.outdir);
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });

  const built = buildApp(selected, { outdir });
  const withChecks = options.checks ?? true;
  if (withChecks) prepareChecks(built.app, selected);
  options.onStep?.({ kind: 'synth', stacks: built.stacks.length });
  const stacks = synthesize(built);
  options.onTemplates?.(stacks);

  if (withChecks) options.onStep?.({ kind: 'checks', controlTower: selected.checks?.controlTower ?? false });
  const findings = withChecks
    ? collectFindings({
        app: built.app,
        stacks,
        model: selected,
        // Acknowledgements naming no stack are only stale when every environment was planned.
        allEnvironments: selected.environments.length === model.environments.length,
      })
    : [];

  const outcome = planTemplates(selected, stacks, findings, {
    outdir,
    checks: withChecks,
    cost: options.cost,
    onStep: options.onStep,
    priceTables: options.priceTables,
  });
  options.onStep?.({ kind: 'done', seconds: (performance.now() - started) / 1000 });
  return outcome;
}

function selectEnvironments(model: AppModel, names: readonly string[]): AppModel {
  if (names.length === 0) return model;
  const known = model.environments.map((e) => e.name);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    throw new UnknownEnvironmentError(unknown, known);
  }
  return { ...model, environments: model.environments.filter((e) => names.includes(e.name)) };
}
