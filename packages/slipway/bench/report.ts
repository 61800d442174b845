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

const samples = new Map<string, { plan: number[]; report: number[]; coldReport?: number; nodes: number }>();
// Round 0 is not counted in the medians: its first app pays what a command line pays once
// (modules compiled, ELK started), shown in its own column; rounds 1…N are warm.
for (let i = 0; i <= runs; i++) {
  for (const [name] of apps) {
    const model = models.get(name)!;
    const outdir = mkdtempSync(path.join(os.tmpdir(), 'slipway-bench-report-out-'));
    // As `plan --html` does: ELK's thread starts and warms before the plan (later rounds: one
    // small layout more, on that thread), the delivery graph is asked for before the plan and
    // each environment's diagram as soon as the plan has synthesized it.
    warmDrawingThread();
    let started = performance.now();
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
    const entry = samples.get(name) ?? { plan: [], report: [], nodes: 0 };
    if (i === 0) entry.coldReport ??= reportMs;
    else {
      entry.plan.push(planMs);
      entry.report.push(reportMs);
    }
    entry.nodes = Math.max(...data.environments.map((e) => e.diagram.nodes.length));
    samples.set(name, entry);
    process.stderr.write(
      `${name} · run ${i + 1}: plan ${planMs.toFixed(0)} ms, report ${reportMs.toFixed(0)} ms\n`,
    );
  }
}

const rows = apps.map(([name]) => {
  const s = samples.get(name)!;
  const plan = median(s.plan);
  const report = median(s.report);
  const cold = s.coldReport === undefined ? 'n/a' : (s.coldReport / 1000).toFixed(2);
  return `| ${name} | ${s.nodes} | ${(plan / 1000).toFixed(2)} | ${(report / 1000).toFixed(2)} | ${((report / plan) * 100).toFixed(0)} % | ${cold} |`;
});
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const result =
  `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores (${cpu}), Node ${process.version}, ` +
  `${runs} runs each after a first cold round, interleaved, in one process. ` +
  'As `plan --html` runs, the delivery graph is laid out during the plan and each environment as soon as the plan has ' +
  'synthesized it; the plan time includes that overlap. The report time is what follows the plan: waiting for any ' +
  'layout still running, the diagrams drawn, the cost chart, the preview price and the page.\n\n' +
  '| app | nodes in its largest diagram | plan (s, median) | report (s, median) | report / plan | report in the first round (s) |\n|---|---:|---:|---:|---:|---:|\n' +
  rows.join('\n');
process.stdout.write(`${result}\n`);

if (values.write) {
  const file = path.join(root, 'docs/benchmarks.md');
  replaceDocSection(file, 'report-bench', result);
  process.stderr.write('docs/benchmarks.md updated\n');
}
