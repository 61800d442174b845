// Measures what the HTML report adds to a plan: the plan (synth, checks, cost) and then the
// report built from it (diagrams laid out and drawn, cost chart, delivery graph, page), in one
// process, for each example and for a generated app of 30 services. Runs alternate between the
// apps; the median is reported.
//
// Usage: npm run bench:report [-- --runs 5 --write]
//   --runs N   measurements per app (default 5)
//   --write    replace the report section of docs/benchmarks.md with the results
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/load.js';
import type { AppModel } from '../src/model/types.js';
import { runPlan } from '../src/plan/run-plan.js';
import { warmDrawingThread } from '../src/report/warm-up.js';
import { renderReportPage } from '../src/report/page/page.js';
import { fromPlan } from '../src/report/read-plan.js';
import { buildReportData } from '../src/report/report-data.js';
import { ReportDrawings } from '../src/report/report-drawings.js';
import { manyServicesConfig } from '../test/support/many-services.js';
import { median, replaceDocSection } from './doc-section.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, write: { type: 'boolean' } },
});
const runs = Number(values.runs);
const kit = path.resolve(import.meta.dirname, '..');
const root = path.resolve(kit, '../..');

/** The generated app of `count` services, written where its import of the kit resolves. */
function manyServicesFile(count: number): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'slipway-bench-report-')), 'slipway.config.ts');
  writeFileSync(file, manyServicesConfig(count));
  return file;
}

const apps: [string, string][] = [
  ['medications', path.join(root, 'examples/medications/slipway.config.ts')],
  ['megadolls', path.join(root, 'examples/megadolls/slipway.config.ts')],
  ['30 services', manyServicesFile(30)],
];

const models = new Map<string, AppModel>();
for (const [name, file] of apps) models.set(name, await loadConfig(file));

interface Samples {
  /** A plan alone, as `slipway plan` runs it. */
  readonly plain: number[];
  /** The plan as `plan --html` runs it (drawings started before and during it). */
  readonly plan: number[];
  /** What follows that plan until the page is rendered. */
  readonly report: number[];
  /** `plan --html`'s plan and report, less the plain plan of the same round. */
  readonly added: number[];
  /** The report after the plan in round 0, when the drawing code first runs. */
  coldReport?: number;
  nodes: number;
}

const samples = new Map<string, Samples>();
// Round 0 is not counted in the medians: its first app pays what a command line pays once
// (modules compiled, ELK started), shown in its own column; rounds 1…N are warm. Each round plans
// every app twice, alone and as `plan --html` does, so what the report adds is measured beside a
// plan of the same machine state, overlap included.
for (let i = 0; i <= runs; i++) {
  for (const [name] of apps) {
    const model = models.get(name)!;
    let started = performance.now();
    runPlan(model, { outdir: mkdtempSync(path.join(os.tmpdir(), 'slipway-bench-report-out-')) });
    const plainMs = performance.now() - started;

    // As `plan --html` does: ELK's thread starts and warms before the plan (later rounds: one
    // small layout more, on that thread), the delivery graph is asked for before the plan and
    // each environment's diagram as soon as the plan has synthesized it.
    const outdir = mkdtempSync(path.join(os.tmpdir(), 'slipway-bench-report-out-'));
    started = performance.now();
    warmDrawingThread();
    const drawings = new ReportDrawings(model, 'slipway.config.ts');
    const plan = runPlan(model, { outdir, onTemplates: drawings.templatesReady });
    const planMs = performance.now() - started;
    started = performance.now();
    const data = await buildReportData({
      plan: fromPlan(plan),
      model,
      configPath: 'slipway.config.ts',
      drawings,
    });
    renderReportPage(data);
    const reportMs = performance.now() - started;
    const addedMs = planMs + reportMs - plainMs;
    const entry = samples.get(name) ?? { plain: [], plan: [], report: [], added: [], nodes: 0 };
    if (i === 0) entry.coldReport ??= reportMs;
    else {
      entry.plain.push(plainMs);
      entry.plan.push(planMs);
      entry.report.push(reportMs);
      entry.added.push(addedMs);
    }
    entry.nodes = Math.max(...data.environments.map((e) => e.diagram.nodes.length));
    samples.set(name, entry);
    process.stderr.write(
      `${name} · run ${i + 1}: plan alone ${plainMs.toFixed(0)} ms; with the report: plan ${planMs.toFixed(0)} ms, ` +
        `report ${reportMs.toFixed(0)} ms, added ${addedMs.toFixed(0)} ms\n`,
    );
  }
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const rows = apps.map(([name]) => {
  const s = samples.get(name)!;
  const plain = median(s.plain);
  const added = median(s.added);
  const cold = s.coldReport === undefined ? 'n/a' : seconds(s.coldReport);
  return (
    `| ${name} | ${s.nodes} | ${seconds(plain)} | ${seconds(median(s.plan))} | ${seconds(median(s.report))} | ` +
    `${seconds(added)} | ${((added / plain) * 100).toFixed(0)} % | ${cold} |`
  );
});
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const result =
  `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores (${cpu}), Node ${process.version}, ` +
  `${runs} runs each after a first cold round, interleaved, in one process. ` +
  'Each round plans every app alone, then as `plan --html` does: the delivery graph laid out during the plan and each ' +
  'environment as soon as the plan has synthesized it, then the rest of the report (waiting for any layout still ' +
  'running, the diagrams drawn, the cost chart, the preview price and the page). *Added* is that plan and report less ' +
  'the plan alone of the same round: what `--html` costs, overlap included.\n\n' +
  '| app | nodes in its largest diagram | plan alone (s) | plan with the drawings (s) | report after it (s) | added (s) | added / plan | report after the plan, first round (s) |\n' +
  '|---|---:|---:|---:|---:|---:|---:|---:|\n' +
  rows.join('\n');
process.stdout.write(`${result}\n`);

if (values.write) {
  const file = path.join(root, 'docs/benchmarks.md');
  replaceDocSection(file, 'report-bench', result);
  process.stderr.write('docs/benchmarks.md updated\n');
}
