// Measures the local deploy of every example's dev environment as a user runs it: each step is a
// separate `slipway` process against a freshly started emulator.
//
// Usage: node --import tsx bench/deploy-local.ts [--runs 3] [--write]
//   --runs N   fresh emulators per example (default 3; the median of each step is reported)
//   --write    replace the results between the markers in docs/benchmarks-deploy.md
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { median, replaceDocSection } from './doc-section.js';
import { buildPackage, KIT } from './build-package.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, write: { type: 'boolean' } },
});
const runs = Number(values.runs);
const kit = KIT;
buildPackage();
const root = path.resolve(kit, '../..');
const examples = ['medications', 'megadolls'];
const steps = [
  'emulator start',
  'first deploy (bootstrap + every stack)',
  'deploy again (no changes)',
  'diff',
  'preview up (new branch)',
  'preview down',
] as const;

function slipway(...args: string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [path.join(kit, 'bin/slipway.js'), ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`slipway ${args.join(' ')} exited ${run.status}:\n${run.stderr}`);
  return (performance.now() - started) / 1000;
}

const results: Record<string, Record<string, number[]>> = {};
for (let run = 0; run < runs; run++) {
  for (const example of examples) {
    const state = mkdtempSync(path.join(os.tmpdir(), `slipway-bench-${example}-`));
    const where = [
      '--config',
      path.join(root, 'examples', example, 'slipway.config.ts'),
      '--target',
      'local',
    ];
    where.push('--state-dir', state);
    const target = [...where, '--env', 'dev'];
    results[example] ??= Object.fromEntries(steps.map((s) => [s, []]));
    const times = results[example];
    try {
      times['emulator start']?.push(slipway('local', 'start', '--state-dir', state));
      times['first deploy (bootstrap + every stack)']?.push(slipway('deploy', ...target, '--json'));
      times['deploy again (no changes)']?.push(slipway('deploy', ...target, '--json'));
      times.diff?.push(slipway('diff', ...target, '--json'));
      const preview = [...where, '--branch', 'feat/bench', '--json'];
      times['preview up (new branch)']?.push(slipway('preview', 'up', ...preview));
      times['preview down']?.push(slipway('preview', 'down', ...preview));
    } finally {
      slipway('local', 'stop', '--state-dir', state);
      rmSync(state, { recursive: true, force: true });
    }
    process.stderr.write(`run ${run + 1}/${runs} ${example} done\n`);
  }
}

// Padded the way the repository's formatter writes markdown tables, so --write leaves it clean.
const cells = [
  ['step', ...examples],
  ...steps.map((step) => [step, ...examples.map((e) => `${median(results[e]?.[step] ?? []).toFixed(1)} s`)]),
];
const widths = cells[0]?.map((_, i) => Math.max(...cells.map((row) => row[i]?.length ?? 0))) ?? [];
const line = (row: string[]) =>
  `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`;
const rule = `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
const [head, ...body] = cells;
const table = [
  `Median of ${runs} runs, ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}; wall time of each \`slipway\` process.`,
  '',
  line(head ?? []),
  rule,
  ...body.map(line),
].join('\n');
process.stdout.write(`${table}\n`);

if (values.write) {
  const file = path.join(root, 'docs/benchmarks-deploy.md');
  replaceDocSection(file, 'bench:deploy-local', table);
}
