import type { UsageModel } from '../model/types.js';
import type { SynthesizedStack } from '../template/types.js';
import type { UnpricedItem } from './cost-item.js';
import { CostEstimateError } from './errors.js';
import { isFreeType, PRICERS } from './pricers/index.js';
import { retentionDays } from './pricers/log-group.js';
import { findPriceTable, missingTableReason } from './prices/index.js';
import type { RegionPriceTable } from './prices/types.js';
import { type CostLine, type PricingContext, unpricedLine } from './pricing-context.js';
import { recordingTable } from './recording-table.js';

/** What the estimate needs besides the templates. */
export interface EstimateInput {
  /** Region whose price table applies; the environment's region. */
  readonly region: string;
  /** Usage the estimate assumes (hours running, traffic, volumes). */
  readonly usage: UsageModel;
  /**
   * Tables to find the region's prices in.
   * @default the bundled tables (`PRICE_TABLES`)
   */
  readonly priceTables?: Readonly<Record<string, RegionPriceTable>>;
}

/** One environment's estimate: its lines, their total, and how far to trust it. */
export interface CostEstimate {
  readonly region: string;
  readonly lines: CostLine[];
  /** Sum of the priced lines, unrounded; null when the region has no price table. */
  readonly monthlyUsd: number | null;
  /** What the total leaves out, and why. */
  readonly unpriced: UnpricedItem[];
  /** Names of the derived, assumed or otherwise unverified figures the lines used (`nat.hour`). */
  readonly unverified: string[];
}

/** The most hours any month has (31 days). */
const MAX_HOURS_PER_MONTH = 744;

const USAGE_FIELDS = [
  'hoursPerMonth',
  'albLcu',
  'logGbPerMonth',
  'natGbPerMonth',
  'ecrGbPerRepository',
] as const;

function checkUsage(usage: UsageModel): void {
  for (const field of USAGE_FIELDS) {
    const value = usage[field];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new CostEstimateError(
        `usage.${field} is ${String(value)}; it must be a number of 0 or more. Fix it in the environment's usage settings.`,
      );
    }
  }
  if (usage.hoursPerMonth > MAX_HOURS_PER_MONTH) {
    throw new CostEstimateError(
      `usage.hoursPerMonth is ${usage.hoursPerMonth}; a month has at most ${MAX_HOURS_PER_MONTH} hours. ` +
        'Use 730 for an environment that runs all the time.',
    );
  }
}

/** The log group that keeps logs longest, to carry the environment's whole log volume once. */
function findLogVolumeAnchor(stacks: readonly SynthesizedStack[]): PricingContext['logVolumeAnchor'] {
  let best: { stack: string; logicalId: string; days: number } | undefined;
  for (const stack of stacks) {
    for (const [logicalId, resource] of Object.entries(stack.template.Resources ?? {})) {
      if (resource.Type !== 'AWS::Logs::LogGroup') continue;
      const days = retentionDays(resource.Properties?.RetentionInDays);
      if (!best || days > best.days) best = { stack: stack.name, logicalId, days };
    }
  }
  return best && { stack: best.stack, logicalId: best.logicalId };
}

/**
 * Monthly cost of what the synthesized templates would create, one line per priced part of a
 * resource, from the bundled price table of `input.region`. Free resources get no line; a type the
 * table cannot price gets a $0 line that says so. Amounts are raw (unrounded) US dollars.
 *
 * Call it once per environment (its stacks, plus shared ones it should carry): the log volume in
 * `usage` is the environment's and is counted once per call.
 *
 * A region without a price table is not an error: the estimate has no lines, a null total and one
 * "not priced" entry saying why. Impossible usage figures throw `CostEstimateError`.
 */
export function estimateEnvironmentCost(
  stacks: readonly SynthesizedStack[],
  input: EstimateInput,
): CostEstimate {
  checkUsage(input.usage);
  const found = findPriceTable(input.region, input.priceTables);
  if (!found) {
    return {
      region: input.region,
      lines: [],
      monthlyUsd: null,
      unpriced: [{ reason: missingTableReason(input.region, input.priceTables) }],
      unverified: [],
    };
  }
  const recording = recordingTable(found);
  const logVolumeAnchor = findLogVolumeAnchor(stacks);
  const lines: CostLine[] = [];
  for (const stack of stacks) {
    const context: PricingContext = {
      prices: recording.table,
      usage: input.usage,
      stack,
      stacks,
      logVolumeAnchor,
    };
    for (const [logicalId, resource] of Object.entries(stack.template.Resources ?? {})) {
      const pricer = PRICERS[resource.Type];
      if (pricer) {
        lines.push(...pricer(logicalId, resource, context));
      } else if (!isFreeType(resource.Type)) {
        lines.push(unpricedLine(context, logicalId, resource, `no bundled price for ${resource.Type}`));
      }
    }
  }
  const unverified = recording.unverified();
  return {
    region: input.region,
    lines,
    monthlyUsd: lines.reduce((sum, line) => sum + line.usd, 0),
    unpriced: lines
      .filter((line) => line.unpriced === true)
      .map((line) => ({
        resource: `${line.stack}/${line.resource}`,
        type: line.type,
        reason: line.basis.replace(/^not priced: /, ''),
      })),
    unverified,
  };
}

/** The lines of `estimateEnvironmentCost`: none for a region without a price table. */
export function estimateCost(stacks: readonly SynthesizedStack[], input: EstimateInput): CostLine[] {
  return estimateEnvironmentCost(stacks, input).lines;
}
