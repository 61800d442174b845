import { type Finding, LEVEL_ORDER } from '../checks/finding.js';
import { endangersData, type ResourceChange, type StackChanges } from '../deploy/resource-change.js';
import type { AppModel } from '../model/types.js';
import type { EnvironmentPlan } from '../plan/types.js';
import { estimatePreviewCost } from '../preview/preview-cost.js';
import { costChartSvg, usageAssumptions, type UsageAssumption } from './cost-chart.js';
import { renderLegendSvg } from './diagram/render-legend.js';
import { renderDiagramSvg } from './diagram/render-svg.js';
import type { Diagram } from './diagram/types.js';
import { nodeChanges, nodeIndex } from './node-index.js';
import type { PlanOnDisk } from './read-plan.js';
import { awaitedLater, ReportDrawings } from './report-drawings.js';

/** What a report is made from: a plan with its templates, and optionally what it changes. */
export interface ReportInput {
  readonly plan: PlanOnDisk;
  /** The loaded config, when the report plans from it: adds the delivery graph and the preview price. */
  readonly model?: AppModel;
  /** The config path as the workflows name it (relative to the repository root). */
  readonly configPath?: string;
  /** Drawings already asked for while planning; the rest are asked for here. */
  readonly drawings?: ReportDrawings;
  /** What this plan changes, per environment, and against what (a plan file or a deploy target). */
  readonly changes?: {
    readonly against: string;
    readonly environments: ReadonlyMap<string, readonly StackChanges[]>;
  };
}

export interface FindingRow extends Finding {
  /** The diagram node the finding's resource belongs to, when it is drawn. */
  readonly node?: string;
}

export interface ChangeRow extends ResourceChange {
  readonly stack: string;
  /** The diagram node the changed resource belongs to, when it is drawn. */
  readonly node?: string;
}

export interface EnvironmentSection {
  readonly plan: EnvironmentPlan;
  readonly diagram: Diagram;
  readonly diagramSvg: string;
  readonly findings: readonly FindingRow[];
  /** Undefined when the report has nothing to compare with. */
  readonly changes?: readonly ChangeRow[];
}

export interface ReportData {
  readonly app: string;
  readonly environments: readonly EnvironmentSection[];
  readonly shared: { readonly findings: readonly Finding[]; readonly monthlyCostUsd: number | null };
  readonly costChartSvg: string;
  readonly usage: readonly UsageAssumption[];
  readonly preview?: {
    readonly environment: string;
    readonly usdPerHour: number | null;
    readonly basis: string;
  };
  readonly delivery?: { readonly diagram: Diagram; readonly svg: string };
  readonly changesAgainst?: string;
  /** The key to the environment diagrams: only the kinds they use. */
  readonly legendSvg: string;
}

/**
 * Everything the page shows, computed before any markup: each environment's diagram drawn from
 * its templates (changes and finding counts marked on it), its findings and changes linked to the
 * nodes they concern, the cost chart and the delivery graph.
 */
export async function buildReportData(input: ReportInput): Promise<ReportData> {
  const { plan } = input.plan;
  // The drawing thread lays out and charts while this one synthesizes the preview; drawings a
  // plan already asked for (`input.drawings`) are taken as they are.
  const drawings = input.drawings ?? new ReportDrawings(input.model, input.configPath);
  const drawn = plan.environments.map((env) =>
    drawings.environment(env.name, env.region, () => input.plan.stacksOf(env.name)),
  );
  const chart = awaitedLater(costChartSvg(plan));
  const preview = input.model === undefined ? undefined : estimatePreviewCost(input.model);
  const [laidOut, drawnDelivery, chartSvg] = await Promise.all([
    Promise.all(drawn.map((d) => d.layout)),
    drawings.delivery,
    chart,
  ]);
  const environments = plan.environments.map((env, position): EnvironmentSection => {
    const diagram = drawn[position]!.diagram;
    const index = nodeIndex(diagram);
    const stackChanges = input.changes?.environments.get(env.name);
    const findings = sortFindings(env.findings).map((f) => ({
      ...f,
      node: index.nodeOf(f.stack, f.resource),
    }));
    const changes = stackChanges?.flatMap((stack) =>
      stack.changes.map((c) => ({ ...c, stack: stack.name, node: index.nodeOf(stack.name, c.logicalId) })),
    );
    const diagramSvg = renderDiagramSvg(laidOut[position]!, {
      changes: stackChanges === undefined ? undefined : nodeChanges(index, stackChanges),
      findings: findingCounts(findings),
      idPrefix: `env${position}-`,
    });
    return { plan: env, diagram, diagramSvg, findings, changes: changes && sortChanges(changes) };
  });
  return {
    app: plan.app,
    environments,
    shared: { findings: sortFindings(plan.shared.findings), monthlyCostUsd: plan.shared.monthlyCostUsd },
    costChartSvg: chartSvg,
    usage: usageAssumptions(input.model, plan),
    preview,
    delivery: drawnDelivery,
    changesAgainst: input.changes?.against,
    legendSvg: renderLegendSvg({
      kinds: new Set(environments.flatMap((e) => e.diagram.nodes.map((n) => n.kind))),
      edgeKinds: new Set(environments.flatMap((e) => e.diagram.edges.map((edge) => edge.kind))),
      idPrefix: 'legend-',
    }),
  };
}

function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      Number(a.acknowledged) - Number(b.acknowledged) ||
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      a.stack.localeCompare(b.stack) ||
      a.resource.localeCompare(b.resource) ||
      a.rule.localeCompare(b.rule),
  );
}

/**
 * What would lose data first (as the deploy guard sees it), as a reviewer must not miss it; then
 * the other replacements and removals; then additions and modifications.
 */
function sortChanges(rows: ChangeRow[]): ChangeRow[] {
  const weight = (r: ChangeRow) =>
    endangersData(r) ? 0 : r.action === 'replace' || r.action === 'remove' ? 1 : 2;
  return [...rows].sort((a, b) => weight(a) - weight(b));
}

/** Open errors and warnings per node, for the badges on the diagram. */
function findingCounts(rows: readonly FindingRow[]): Map<string, { errors: number; warnings: number }> {
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const row of rows) {
    if (row.node === undefined || row.acknowledged || row.level === 'info') continue;
    const count = counts.get(row.node) ?? { errors: 0, warnings: 0 };
    counts.set(row.node, {
      errors: count.errors + (row.level === 'error' ? 1 : 0),
      warnings: count.warnings + (row.level === 'warning' ? 1 : 0),
    });
  }
  return counts;
}
