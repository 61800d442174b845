// Measures how fast `slipway` answers when it has no work to do: `--help`, `--version` and a
// command's `--help`, each a fresh process as a person runs it, beside Node alone and beside the
// same `--help` run from the sources through tsx (as `npm run slipway:source` does in a clone).
// The package is built first, so the installed CLI measured is the current code.
// Wall time and peak resident memory come from GNU time; runs alternate between the command
// lines; medians are reported.
//
// Usage: npm run bench:startup [-- --runs 5 --write]
//   --runs N   measurements per command line (default 5)
//   --write    replace the start-up section of docs/benchmarks.md with the results
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { median, replaceDocSection } from './doc-section.js';
import { buildPackage, KIT } from './build-package.js';
import { SOURCE_CLI } from '../test/source-cli.js';

const GNU_TIME = '/usr/bin/time';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, write: { type: 'boolean' } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  throw new Error(`--runs '${values.runs}' is not a count. Fix: pass a whole number of runs, e.g. --runs 5.`);
}
if (!existsSync(GNU_TIME)) {
  throw new Error(
    `${GNU_TIME} is missing: it measures peak memory. Fix: install GNU time (apt-get install time).`,
  );
}
const kit = KIT;
buildPackage();
const root = path.resolve(kit, '../..');
const bin = path.join(kit, 'bin/slipway.js');

const build = spawnSync('npm', ['run', 'build'], { cwd: kit, stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0)
  throw new Error('npm run build failed (see above): the start-up of dist/ cannot be measured.');

const cases: { readonly name: string; readonly args: readonly string[] }[] = [
  { name: '`node -e ""` (Node alone)', args: ['-e', ''] },
  { name: '`slipway --version`', args: [bin, '--version'] },
  { name: '`slipway --help`', args: [bin, '--help'] },
  { name: '`slipway plan --help`', args: [bin, 'plan', '--help'] },
  { name: '`--help` from the sources through tsx', args: [...SOURCE_CLI, '--help'] },
];

/** One fresh process: its wall time in seconds and peak resident memory in MB. */
function measure(args: readonly string[]): { seconds: number; mb: number } {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'slipway-bench-startup-')), 'time.txt');
  const run = spawnSync(GNU_TIME, ['-o', out, '-f', '%e %M', process.execPath, ...args], {
    cwd: kit,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed (${run.status}):\n${run.stderr}`);
  const [seconds, kb] = readFileSync(out, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
  return { seconds: seconds!, mb: kb! / 1024 };
}

const samples = new Map(cases.map((c) => [c.name, { seconds: [] as number[], mb: [] as number[] }]));
// A first untimed round fills tsx's transform cache, as any earlier run on the machine has.
for (const c of cases) measure(c.args);
for (let i = 0; i < runs; i++) {
  for (const c of cases) {
    const { seconds, mb } = measure(c.args);
    samples.get(c.name)!.seconds.push(seconds);
    samples.get(c.name)!.mb.push(mb);
    process.stderr.write(`${c.name} · run ${i + 1}: ${seconds.toFixed(2)} s, ${mb.toFixed(0)} MB\n`);
  }
}

const rows = cases.map((c) => {
  const s = samples.get(c.name)!;
  return `| ${c.name} | ${median(s.seconds).toFixed(2)} | ${median(s.mb).toFixed(0)} |`;
});
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const result =
  `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores (${cpu}), Node ${process.version}, ` +
  `${runs} runs each after an untimed round, interleaved, each a fresh process timed by GNU time ` +
  '(`/usr/bin/time -f "%e %M"`: wall seconds, peak resident memory).\n\n' +
  '| command line | wall (s, median) | peak RSS (MB, median) |\n|---|---:|---:|\n' +
  rows.join('\n');
process.stdout.write(`${result}\n`);

if (values.write) {
  const file = path.join(root, 'docs/benchmarks.md');
  replaceDocSection(file, 'startup-bench', result);
  process.stderr.write('docs/benchmarks.md updated\n');
}
