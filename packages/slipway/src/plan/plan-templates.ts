import path from 'node:path';
import type { Finding } from '../checks/finding.js';
import {
  type CostEstimate,
  estimateEnvironmentCost,
  ingressAlternative,
  type RegionPriceTable,
} from '../cost/index.js';
import { writeManifests } from '../kubernetes/write-manifests.js';
import type { AppModel } from '../model/types.js';
import type { SynthesizedStack } from '../template/types.js';
import { karpenterNodeEstimate } from './controller-nodes.js';
import { planGitops } from './environment-gitops.js';
import { ingressLoadBalancers } from './ingress-load-balancers.js';
import { ingressPlan } from './ingress-plan.js';
import type { PlanOutcome, PlanStep } from './run-plan.js';
import type { EnvironmentPlan, StackSummary } from './types.js';

export interface PlanTemplatesOptions {
  /** Where the templates were written; an EKS environment's GitOps folder is written beside them. */
  readonly outdir: string;
  /** Whether the checks ran: an EKS environment's Kubernetes objects are then checked too. */
  readonly checks: boolean;
  /** Price the templates. @default true */
  readonly cost?: boolean;
  readonly onStep?: (step: PlanStep) => void;
  /** Price tables by region. @default the bundled tables */
  readonly priceTables?: Readonly<Record<string, RegionPriceTable>>;
}

/**
 * The plan of `model`'s environments from templates already synthesized and checked: each
 * environment's stacks, findings and cost, and the shared stacks'. Separate from the synth so a
 * command that synthesizes for a deploy (`slipway up`) plans from that same synth. `stacks` may
 * hold other environments' stacks; only `model`'s environments and the shared stacks are planned.
 */
export function planTemplates(
  model: AppModel,
  stacks: readonly SynthesizedStack[],
  findings: readonly Finding[],
  options: PlanTemplatesOptions,
): PlanOutcome {
  const { outdir } = options;
  const withCost = options.cost ?? true;
  if (withCost) options.onStep?.({ kind: 'cost' });
  const sharedStacks = stacks.filter((s) => s.environment === undefined);
  const sharedCost = withCost
    ? estimateEnvironmentCost(sharedStacks, {
        region: model.ci.region,
        usage: firstUsage(model),
        priceTables: options.priceTables,
      })
    : NOT_ESTIMATED;

  const environments: EnvironmentPlan[] = model.environments.map((env) => {
    const envStacks = stacks.filter((s) => s.environment === env.name);
    const names = new Set(envStacks.map((s) => s.name));
    // EKS: the GitOps folder beside the templates, for review; `slipway manifests` writes it into the repository.
    const gitops = planGitops(model, env);
    writeManifests(outdir, gitops.files);
    // What controllers make at run time, in no template: the Ingress load balancers, Karpenter's nodes.
    const controllerMade = [ingressLoadBalancers(env, gitops.files), karpenterNodeEstimate(env)].filter(
      (stack) => stack !== undefined,
    );
    const cost = withCost
      ? estimateEnvironmentCost([...envStacks, ...controllerMade], {
          region: env.region,
          usage: env.usage,
          priceTables: options.priceTables,
        })
      : NOT_ESTIMATED;
    // Priced from the model with the same tables and usage: the other ingress is never synthesized.
    const alternative = withCost ? ingressAlternative(env, options.priceTables) : undefined;
    return {
      name: env.name,
      region: env.region,
      production: env.production,
      ingress: ingressPlan(env),
      ...(alternative === undefined ? {} : { ingressAlternative: alternative }),
      stacks: envStacks.map(summarize),
      ...costFields(cost),
      findings: [...findings.filter((f) => names.has(f.stack)), ...(options.checks ? gitops.findings : [])],
      ...(gitops.files.length > 0
        ? { manifests: gitops.files.map((file) => path.join(outdir, file.path)) }
        : {}),
    };
  });

  const sharedNames = new Set(sharedStacks.map((s) => s.name));
  return {
    app: model.app,
    shared: {
      stacks: sharedStacks.map(summarize),
      findings: findings.filter((f) => sharedNames.has(f.stack)),
      ...costFields(sharedCost),
    },
    environments,
    ...(model.delivery?.costAlert === undefined ? {} : { costAlert: model.delivery.costAlert }),
  };
}

function firstUsage(model: AppModel) {
  const env = model.environments.find((e) => e.region === model.ci.region) ?? model.environments[0];
  if (!env) throw new Error('A config resolves to at least one environment.');
  return env.usage;
}

function summarize(stack: SynthesizedStack): StackSummary {
  return {
    name: stack.name,
    template: stack.templatePath,
    resources: Object.keys(stack.template.Resources ?? {}).length,
  };
}

/** A plan run without the cost step: nothing priced, nothing left out. */
const NOT_ESTIMATED: CostEstimate = { region: '', lines: [], monthlyUsd: 0, unpriced: [], unverified: [] };

function costFields(cost: CostEstimate) {
  return {
    monthlyCostUsd: cost.monthlyUsd,
    costItems: cost.lines,
    unpriced: cost.unpriced,
    unverifiedFigures: cost.unverified.length,
  };
}
