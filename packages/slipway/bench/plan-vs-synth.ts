// Measures `slipway plan` (synth + checks + cost + report) against a bare synth of the same stacks,
// wall time and peak memory, on every example. Runs alternate between variants so a busy moment
// of the machine does not land on one variant only.
//
// Usage: npm run bench:plan [-- --runs 5 --write]
//   --runs N   measurements per variant and example (default 5; the median is reported)
//   --write    replace the plan section of docs/benchmarks.md with the results
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, write: { type: 'boolean' } },
});
const runs = Number(values.runs);
const kit = path.resolve(import.meta.dirname, '..');
const root = path.resolve(kit, '../..');
const examples = ['medications', 'megadolls'];

interface Variant {
  readonly name: string;
  readonly args: (config: string, out: string) => string[];
}

const rss = ['--import', path.join(kit, 'bench/report-peak-rss.mjs')];
const variants: Variant[] = [
  {
    name: 'slipway plan --json',
    args: (config, out) => [
      ...rss,
      path.join(kit, 'bin/slipway.js'),
      'plan',
      '--config',
      config,
      '--out',
      out,
      '--json',
    ],
  },
  {
    name: 'bare synth (CDK validation off)',
    args: (config, out) => [...rss, '--import', 'tsx', path.join(kit, 'bench/bare-synth.ts'), config, out],
  },
  {
    name: 'bare synth (CDK default, validation on)',
    args: (config, out) => [
      ...rss,
      '--import',
      'tsx',
      path.join(kit, 'bench/bare-synth.ts'),
      config,
      out,
      '--validate',
    ],
  },
];

interface Sample {
  readonly seconds: number;
  readonly rssMb: number;
}

function measure(variant: Variant, config: string): Sample {
  const out = mkdtempSync(path.join(os.tmpdir(), 'slipway-bench-'));
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, variant.args(config, out), { cwd: kit, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`${variant.name} failed (${child.status}):\n${child.stderr}`);
  const kb = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(child.stderr)?.[1]);
  return { seconds, rssMb: kb / 1024 };
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const rows: string[][] = [];
for (const example of examples) {
  const config = path.join(root, 'examples', example, 'slipway.config.ts');
  const samples = new Map<string, Sample[]>(variants.map((v) => [v.name, []]));
  for (let i = 0; i < runs; i++) {
    for (const variant of variants) {
      const sample = measure(variant, config);
      samples.get(variant.name)!.push(sample);
      process.stderr.write(`${example} · ${variant.name} · run ${i + 1}: ${sample.seconds.toFixed(2)} s\n`);
    }
  }
  const base = median(samples.get(variants[1]!.name)!.map((s) => s.seconds));
  for (const variant of variants) {
    const taken = samples.get(variant.name)!;
    const seconds = median(taken.map((s) => s.seconds));
    rows.push([
      example,
      variant.name,
      seconds.toFixed(2),
      `${(seconds / base).toFixed(2)}×`,
      median(taken.map((s) => s.rssMb)).toFixed(0),
    ]);
  }
}

const table = [
  '| example | variant | wall time (s, median) | vs bare synth | peak RSS (MB, median) |',
  '|---|---|---:|---:|---:|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const report = `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores (${cpu}), Node ${process.version}, ${runs} runs each, interleaved. Every variant is a fresh process: Node start, tsx, loading the config and aws-cdk-lib are included.\n\n${table}`;
process.stdout.write(`${report}\n`);

if (values.write) {
  const file = path.join(root, 'docs/benchmarks.md');
  const doc = readFileSync(file, 'utf8');
  const start = '<!-- plan-bench:start -->';
  const end = '<!-- plan-bench:end -->';
  const before = doc.slice(0, doc.indexOf(start) + start.length);
  const after = doc.slice(doc.indexOf(end));
  if (!doc.includes(start) || !doc.includes(end))
    throw new Error(`docs/benchmarks.md lacks the ${start} markers`);
  writeFileSync(file, `${before}\n${report}\n${after}`);
  process.stderr.write('docs/benchmarks.md updated\n');
}
