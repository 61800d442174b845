import pc from 'picocolors';
import { formatUsd } from '../../cost/format.js';
import { estimatePreviewCost, HOURS_PER_MONTH } from '../../preview/preview-cost.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { planModel } from '../plan-from-options.js';
import { loadConfig } from '../../config/load.js';
import { costTable, monthlyCost } from '../render/cost.js';
import { ingressAlternativeSummary } from '../../cost/ingress-alternative-summary.js';
import { resolveConfigPath } from '../shared-options.js';
import type { CostCommandOptions } from './cost.js';

/** What `slipway cost` does; loaded only when it runs, since it synthesizes the templates it prices. */
export async function runCostCommand(
  options: CostCommandOptions,
  io: CliIo,
  setExit: (code: number) => void,
): Promise<void> {
  const model = await loadConfig(resolveConfigPath(options.config));
  const plan = planModel(model, options, io, { checks: false });
  const preview = estimatePreviewCost(model);
  if (options.json) {
    const environments = plan.environments.map((e) => ({
      name: e.name,
      region: e.region,
      monthlyCostUsd: e.monthlyCostUsd,
      unverifiedFigures: e.unverifiedFigures,
      unpriced: e.unpriced,
      costItems: e.costItems,
      ...(e.ingressAlternative === undefined ? {} : { ingressAlternative: e.ingressAlternative }),
    }));
    const { monthlyCostUsd, unverifiedFigures, unpriced, costItems } = plan.shared;
    const shared = { monthlyCostUsd, unverifiedFigures, unpriced, costItems };
    io.out(`${JSON.stringify({ app: plan.app, shared, environments, preview: preview ?? null }, null, 2)}\n`);
  } else {
    const lines: string[] = [pc.bold(`${plan.app} · monthly cost estimate`), ''];
    for (const env of plan.environments) {
      lines.push(pc.bold(`${env.name}  ${env.region}  ${monthlyCost(env)}`));
      // A region without a price table has no lines: the heading already says why.
      if (env.monthlyCostUsd !== null) lines.push(costTable(env.costItems));
      if (env.ingressAlternative !== undefined) {
        lines.push(`ingress  ${ingressAlternativeSummary(env.ingressAlternative)}`);
      }
      lines.push('');
    }
    lines.push(pc.bold(`shared  ${monthlyCost(plan.shared)}`));
    if (plan.shared.monthlyCostUsd !== null) lines.push(costTable(plan.shared.costItems));
    lines.push('');
    if (preview?.usdPerHour === null) {
      lines.push(pc.bold(`preview  per branch, inside ${preview.environment}  not priced`), '');
    } else if (preview) {
      lines.push(
        pc.bold(
          `preview  per branch, inside ${preview.environment}  ${formatUsd(preview.usdPerHour, 4)} / hour`,
        ),
        `  ${preview.basis}. Left running a whole month: ${formatUsd(preview.usdPerHour * HOURS_PER_MONTH)}.`,
        '',
      );
    }
    lines.push(pc.dim('List prices, no free tier, no tax, no data transfer beyond the usage assumptions.'));
    io.out(`${lines.join('\n')}\n`);
  }
  setExit(ExitCode.ok);
}
