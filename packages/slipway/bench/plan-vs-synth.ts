// Measures `slipway plan` (synth + checks + cost + report), with and without the Control Tower
// pack, against a bare synth of the same stacks: wall time, CPU time and peak memory, on every
// example. Runs alternate between variants so a busy moment of the machine does not land on one
// variant only.
//
// Usage: npm run bench:plan [-- --runs 5 --write]
//   --runs N   measurements per variant and example (default 5; the median is reported)
//   --write    replace the plan section of docs/benchmarks.md with the results
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { median, replaceDocSection } from './doc-section.js';
import { buildPackage, KIT } from './build-package.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, write: { type: 'boolean' } },
});
const runs = Number(values.runs);
const kit = KIT;
buildPackage();
const root = path.resolve(kit, '../..');
const examples = ['medications', 'megadolls'];

interface Variant {
  readonly name: string;
  /** Plan the example with the Control Tower pack off, through a config that wraps the example's. */
  readonly packOff?: boolean;
  readonly args: (config: string, out: string) => string[];
}

const rss = ['--import', path.join(kit, 'bench/report-peak-rss.mjs')];
const plan = (config: string, out: string) => [
  ...rss,
  path.join(kit, 'bin/slipway.js'),
  'plan',
  '--config',
  config,
  '--out',
  out,
  '--json',
];
/** The variant the others are compared with. */
const BASELINE = 'bare synth (CDK validation off)';
const variants: Variant[] = [
  { name: 'slipway plan --json (Control Tower pack on, the default)', args: plan },
  { name: 'slipway plan --json, Control Tower pack off', packOff: true, args: plan },
  {
    name: BASELINE,
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
  /** User plus system time of the process and everything it ran (cfn-guard); null off Linux. */
  readonly cpuSeconds: number | null;
  readonly rssMb: number;
}

/**
 * CPU time of this process's waited-for descendants so far: `cutime` plus `cstime` of
 * /proc/self/stat (fields 16 and 17, in 1/100 s). A child reaped by its own child adds in too, so
 * the cfn-guard run the plan waits for is counted. Null where there is no /proc.
 */
function descendantsCpuSeconds(): number | null {
  let stat: string;
  try {
    stat = readFileSync('/proc/self/stat', 'utf8');
  } catch {
    return null;
  }
  // Fields from the third on follow the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** A config that is the example's with the Control Tower pack off. */
function withoutControlTower(config: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'slipway-bench-config-')), 'slipway.config.ts');
  writeFileSync(
    file,
    `import base from ${JSON.stringify(pathToFileURL(config).href)};\n` +
      'export default { ...base, checks: { ...base.checks, controlTower: false } };\n',
  );
  return file;
}

function measure(variant: Variant, config: string): Sample {
  const out = mkdtempSync(path.join(os.tmpdir(), 'slipway-bench-'));
  const cpuBefore = descendantsCpuSeconds();
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, variant.args(config, out), { cwd: kit, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuAfter = descendantsCpuSeconds();
  // A plan that reports unacknowledged findings exits 1 (the Control Tower pack still has open
  // controls); it ran to the end all the same, so only other codes are failures.
  if (child.status !== 0 && child.status !== 1)
    throw new Error(`${variant.name} failed (${child.status}):\n${child.stderr}`);
  const kb = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(child.stderr)?.[1]);
  const cpuSeconds = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  return { seconds, cpuSeconds, rssMb: kb / 1024 };
}

const rows: string[][] = [];
for (const example of examples) {
  const config = path.join(root, 'examples', example, 'slipway.config.ts');
  const packOffConfig = withoutControlTower(config);
  const samples = new Map<string, Sample[]>(variants.map((v) => [v.name, []]));
  for (let i = 0; i < runs; i++) {
    for (const variant of variants) {
      const sample = measure(variant, variant.packOff ? packOffConfig : config);
      samples.get(variant.name)!.push(sample);
      process.stderr.write(`${example} · ${variant.name} · run ${i + 1}: ${sample.seconds.toFixed(2)} s\n`);
    }
  }
  const base = median(samples.get(BASELINE)!.map((s) => s.seconds));
  for (const variant of variants) {
    const taken = samples.get(variant.name)!;
    const seconds = median(taken.map((s) => s.seconds));
    const cpu = taken.every((s) => s.cpuSeconds !== null)
      ? median(taken.map((s) => s.cpuSeconds!)).toFixed(2)
      : 'n/a';
    rows.push([
      example,
      variant.name,
      seconds.toFixed(2),
      `${(seconds / base).toFixed(2)}×`,
      cpu,
      median(taken.map((s) => s.rssMb)).toFixed(0),
    ]);
  }
}

const table = [
  '| example | variant | wall time (s, median) | vs bare synth | CPU time (s, median) | peak RSS (MB, median) |',
  '|---|---|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const report = `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores (${cpu}), Node ${process.version}, ${runs} runs each, interleaved. Every variant is a fresh process: Node start, tsx, loading the config and aws-cdk-lib are included. CPU time is user plus system of the process and what it runs (cfn-guard for the Control Tower pack); peak RSS is the Node process's alone.\n\n${table}`;
process.stdout.write(`${report}\n`);

if (values.write) {
  const file = path.join(root, 'docs/benchmarks.md');
  replaceDocSection(file, 'plan-bench', report);
  process.stderr.write('docs/benchmarks.md updated\n');
}
