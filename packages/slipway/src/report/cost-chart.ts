import type * as vl from 'vega-lite';
import type { CostItem } from '../cost/cost-item.js';
import { formatMonthly } from '../cost/format.js';
import { costDriverOf } from '../cost/summarize.js';
import { listUsageAssumptions, type UsageAssumption } from '../cost/usage-assumptions.js';
import type { AppModel } from '../model/types.js';
import type { PlanOutcome } from '../plan/run-plan.js';
import { costColour } from './cost-colours.js';
import { chartSvgOnThread } from './drawing/thread.js';

export type { UsageAssumption } from '../cost/usage-assumptions.js';

/** The name the chart and the rows give the account-level (CI) stacks. */
export const SHARED_SCOPE = 'shared (CI)';

/** One bar segment: what one scope spends a month on one category. */
export interface CostRow {
  /** An environment's name, or `SHARED_SCOPE`. */
  readonly scope: string;
  /** The cost items' driver, e.g. `Fargate`, `Public IPv4`. */
  readonly category: string;
  /** Unrounded US dollars a month. */
  readonly usd: number;
}

/** What a scope's bar needs besides its rows. */
interface ScopeTotal {
  readonly scope: string;
  readonly monthlyCostUsd: number | null;
  readonly unverifiedFigures: number;
  readonly unpricedReason: string;
  readonly items: readonly CostItem[];
}

function scopesOf(plan: PlanOutcome): ScopeTotal[] {
  const scopes = plan.environments.map((env) => ({
    scope: env.name,
    monthlyCostUsd: env.monthlyCostUsd,
    unverifiedFigures: env.unverifiedFigures,
    unpricedReason: env.unpriced.map((u) => u.reason).join('; '),
    items: env.costItems,
  }));
  const shared = plan.shared;
  // A plan of environments alone, or one planned without cost, has nothing shared to show.
  if (shared.costItems.length > 0 || shared.monthlyCostUsd === null) {
    scopes.push({
      scope: SHARED_SCOPE,
      monthlyCostUsd: shared.monthlyCostUsd,
      unverifiedFigures: shared.unverifiedFigures,
      unpricedReason: shared.unpriced.map((u) => u.reason).join('; '),
      items: shared.costItems,
    });
  }
  return scopes;
}

/**
 * Per environment, then the shared stacks, the monthly cost by category (categories in name
 * order). A scope without a price table has no rows. Summed in the order given, a scope's rows
 * equal its `monthlyCostUsd` exactly: its last row takes the floating-point remainder of adding
 * the categories in another order than the items (a few units in the last place, far below a cent),
 * so the bar ends exactly where its label says.
 */
export function costRows(plan: PlanOutcome): CostRow[] {
  return rowsOf(scopesOf(plan));
}

function rowsOf(scopes: readonly ScopeTotal[]): CostRow[] {
  return scopes.flatMap(({ scope, monthlyCostUsd, items }) =>
    monthlyCostUsd === null ? [] : scopeRows(scope, items, monthlyCostUsd),
  );
}

function scopeRows(scope: string, items: readonly CostItem[], total: number): CostRow[] {
  const byCategory = new Map<string, number>();
  for (const item of items) {
    if (item.usd === 0) continue;
    const category = costDriverOf(item);
    byCategory.set(category, (byCategory.get(category) ?? 0) + item.usd);
  }
  const rows = [...byCategory]
    .sort(([a], [b]) => a.localeCompare(b, 'en'))
    .map(([category, usd]) => ({ scope, category, usd }));
  const last = rows.at(-1);
  if (last === undefined) return rows;
  const before = rows.slice(0, -1).reduce((sum, row) => sum + row.usd, 0);
  let usd = total - before;
  // `before + (total - before)` is `total` but for a rounding tie; one more step settles that.
  for (let step = 0; step < 4 && before + usd !== total; step += 1) usd += total - (before + usd);
  rows[rows.length - 1] = { ...last, usd };
  return rows;
}

/** Width of the chart's plotting area, in pixels, whatever the plan. */
const CHART_WIDTH = 560;
/** Height of one scope's band. */
const BAND_HEIGHT = 30;

/**
 * The Vega-Lite spec of the plan's cost: one horizontal bar per scope stacked by category, its total
 * at its end (`≈` when unverified figures went into it), and for a scope without a price table a
 * `not priced` note in its bar's place. Pure data, for a page that renders it itself.
 */
export function costChartSpec(plan: PlanOutcome): vl.TopLevelSpec {
  const scopes = scopesOf(plan);
  const rows = rowsOf(scopes);
  const categories = [...new Set(rows.map((row) => row.category))].sort((a, b) => a.localeCompare(b, 'en'));
  const labels = scopes.map((s) => ({
    scope: s.scope,
    end: s.monthlyCostUsd ?? 0,
    label:
      s.monthlyCostUsd === null
        ? `not priced${s.unpricedReason ? `: ${s.unpricedReason}` : ''}`
        : formatMonthly(s.monthlyCostUsd, s.unverifiedFigures),
  }));
  const widest = Math.max(0, ...labels.map((l) => l.end));
  // Room right of the longest bar for its label.
  const domainEnd = widest > 0 ? widest * 1.25 : 1;
  const y = {
    field: 'scope',
    type: 'nominal',
    title: null,
    sort: scopes.map((s) => s.scope),
    scale: { domain: scopes.map((s) => s.scope) },
  } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH,
    height: { step: BAND_HEIGHT },
    config: { font: 'system-ui, sans-serif', view: { stroke: null } },
    layer: [
      {
        data: { values: rows.map((row) => ({ ...row })) },
        mark: { type: 'bar' },
        encoding: {
          y,
          x: {
            field: 'usd',
            type: 'quantitative',
            stack: 'zero',
            title: 'US$ / month',
            scale: { domain: [0, domainEnd], nice: false },
            axis: { format: '$,.0f' },
          },
          color: {
            field: 'category',
            type: 'nominal',
            title: 'category',
            legend: { labelLimit: 240 },
            scale: { domain: categories, range: categories.map(costColour) },
          },
          order: { field: 'category', sort: 'ascending' },
        },
      },
      {
        data: { values: labels },
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4 },
        encoding: {
          y,
          x: { field: 'end', type: 'quantitative' },
          text: { field: 'label', type: 'nominal' },
        },
      },
    ],
  };
}

/**
 * The plan's cost chart as SVG, drawn by Vega without a browser (on the drawing thread): the same
 * plan gives the same SVG byte for byte, so a report can be diffed and cached.
 */
export function costChartSvg(plan: PlanOutcome): Promise<string> {
  return chartSvgOnThread(costChartSpec(plan));
}

/**
 * The usage figures the plan's estimates assumed, for the page beside the chart: one row per figure
 * when every environment assumes the same, otherwise one per environment (`natGbPerMonth (prod)`).
 * Given the plan, only figures some environment's cost items use are listed. None without a model:
 * a plan file does not record its usage.
 */
export function usageAssumptions(model: AppModel | undefined, plan?: PlanOutcome): UsageAssumption[] {
  if (model === undefined) return [];
  const perEnvironment = model.environments.map((env) => {
    const items = plan?.environments.find((planned) => planned.name === env.name)?.costItems;
    return { environment: env.name, rows: listUsageAssumptions(env.usage, items) };
  });
  const listed = new Set(perEnvironment.flatMap(({ rows }) => rows.map((row) => row.name)));
  // In the usage settings' order, whichever environment lists a figure first.
  const order = listUsageAssumptions(model.environments[0]!.usage)
    .map((row) => row.name)
    .filter((name) => listed.has(name));
  return order.flatMap((name) => {
    const found = perEnvironment.flatMap(({ environment, rows }) =>
      rows.filter((row) => row.name === name).map((row) => ({ environment, row })),
    );
    const values = new Set(found.map(({ row }) => row.value));
    if (values.size === 1) return [found[0]!.row];
    return found.map(({ environment, row }) => ({ ...row, name: `${row.name} (${environment})` }));
  });
}
