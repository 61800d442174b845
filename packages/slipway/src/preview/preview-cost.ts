import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { estimateEnvironmentCost } from '../cost/estimate.js';
import type { Stack } from 'aws-cdk-lib';
import { INGRESS_NAMES } from '../model/ingress.js';
import type { AppModel } from '../model/types.js';
import type { CfnTemplate } from '../template/types.js';
import { buildPreviewApp } from '../stacks/build-app.js';
import { planPreview, type PreviewPlan } from './preview-plan.js';

/** Hours the monthly estimate is divided by: a month of a preview left running. */
export const HOURS_PER_MONTH = 730;

/**
 * What a running preview costs per hour at list prices: its template priced with the same tables
 * as every environment, for a month of running with no traffic, divided back to the hour. What it
 * shares (VPC, load balancer or HTTP API, database instance) is the copied environment's cost, not
 * its own; behind an HTTP API its own Cloud Map registrations are.
 * Null when the environment's region has no price table.
 */
export function previewHourlyCost(plan: PreviewPlan, template: CfnTemplate): number | null {
  const estimate = estimateEnvironmentCost(
    [{ name: plan.stackName, environment: plan.environment.name, templatePath: '', template }],
    {
      region: plan.environment.region,
      usage: {
        hoursPerMonth: HOURS_PER_MONTH,
        albLcu: 0,
        logGbPerMonth: 0,
        natGbPerMonth: 0,
        ecrGbPerRepository: 0,
        tableGbPerTable: 0,
        tableReadMillionsPerMonth: 0,
        tableWriteMillionsPerMonth: 0,
      },
    },
  );
  return estimate.monthlyUsd === null ? null : estimate.monthlyUsd / HOURS_PER_MONTH;
}

/**
 * A stack's template as synth renders it, without the rest of synth: its resources, parameters and
 * outputs, resolved. What synth adds around them (aspects' tags, `DependsOn` between resources,
 * the construct tree, the assembly's files) changes no price and took most of the time: about a
 * second for a preview of 30 services. `_toCloudFormation` is the CDK's own rendering step inside
 * synth; `test/preview/preview-cost.test.ts` holds its result to the synthesized template.
 */
export function renderedTemplate(stack: Stack): CfnTemplate {
  return (stack as unknown as { _toCloudFormation(): CfnTemplate })._toCloudFormation();
}

/** The hourly cost of a typical preview of the app, or undefined when previews are off. */
export function estimatePreviewCost(
  model: AppModel,
): { environment: string; usdPerHour: number | null; basis: string } | undefined {
  if (!model.delivery?.preview) return undefined;
  const plan = planPreview(model, { branch: 'feat/example', now: new Date(0) });
  const outdir = mkdtempSync(path.join(tmpdir(), 'slipway-preview-cost-'));
  try {
    const template = renderedTemplate(buildPreviewApp(model, plan, { outdir }).stacks[0]!.stack);
    const tasks = plan.environment.services.length;
    const addresses =
      plan.environment.network.natGateways === 0
        ? tasks === 1
          ? ' and its public IPv4 address'
          : ' and their public IPv4 addresses'
        : '';
    return {
      environment: plan.source.name,
      usdPerHour: previewHourlyCost(plan, template),
      basis:
        `${tasks} Fargate Spot task${tasks === 1 ? '' : 's'} (one per service)${addresses}; ` +
        `the VPC, ${INGRESS_NAMES[plan.source.ingress]} and database instance are ${plan.source.name}'s`,
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
