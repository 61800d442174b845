// Measures how the deploy of an environment's service stacks scales with the number of services,
// one at a time and in parallel, on an emulator that reports each service stack in progress as long
// as ECS takes to stabilize its services (scaled down; src/local-cloud/moto/slipway_moto/stack_delays.py).
// Without the delay moto finishes every stack inside the API call, so parallel deploys would gain
// nothing and the numbers would say nothing about AWS.
//
// Usage: node --import tsx bench/deploy-scale.ts [--service-seconds 3] [--runs 1] [--write]
//   --service-seconds S   the emulator's stabilization wait per service stack (default 3: 30 s at 1:10)
//   --runs N              fresh emulators per measurement (default 1; the median is reported)
//   --write               replace the results between the markers in docs/benchmarks-deploy.md
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EMULATOR_DELAY_VARIABLES } from '../src/local-cloud/emulator-delays.js';
import { stopLocalCloud } from '../src/local-cloud/launcher.js';
import { buildPackage, KIT } from './build-package.js';
import { median, replaceDocSection } from './doc-section.js';

const { values } = parseArgs({
  options: {
    'service-seconds': { type: 'string', default: '3' },
    runs: { type: 'string', default: '1' },
    write: { type: 'boolean' },
  },
});
const serviceSeconds = Number(values['service-seconds']);
const runs = Number(values.runs);
/** What the scaled wait stands for on AWS: the issue's example of a service stabilizing. */
const AWS_STABILIZATION_SECONDS = 30;
/** A production service's default canary bake: 10 minutes (src/config/resolve/defaults.ts). */
const AWS_CANARY_BAKE_SECONDS = 600;
const SERVICE_COUNTS = [1, 5, 10] as const;
/** One at a time, the default (`DEFAULT_CONCURRENCY` in src/deploy/deploy-steps.ts), and all ten at once. */
const CONCURRENCIES = [1, 4, 10] as const;
const GOAL_RATIO = 1.5;

buildPackage();
const root = path.resolve(KIT, '../..');

/** A config with `count` services, as a user writes it: the first public, the rest internal. */
function configWith(count: number): string {
  const services = Array.from({ length: count }, (_, i) =>
    i === 0 ? `    svc0: { port: 3000 },` : `    svc${i}: { port: ${3000 + i}, public: false },`,
  );
  return [
    'export default {',
    `  app: 'scale${count}',`,
    `  github: { repository: 'acme/scale${count}' },`,
    '  services: {',
    ...services,
    '  },',
    '  environments: {',
    "    dev: { account: '111111111111', region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1b'] },",
    '  },',
    '};',
    '',
  ].join('\n');
}

function slipway(env: NodeJS.ProcessEnv, ...args: string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [path.join(KIT, 'bin/slipway.js'), ...args], {
    encoding: 'utf8',
    env,
  });
  if (run.status !== 0) throw new Error(`slipway ${args.join(' ')} exited ${run.status}:\n${run.stderr}`);
  return (performance.now() - started) / 1000;
}

/** Seconds of `deploy --only services` on a fresh emulator whose layer stacks are already deployed. */
async function serviceDeploy(count: number, concurrency: number): Promise<number> {
  const folder = mkdtempSync(path.join(os.tmpdir(), `slipway-scale-${count}-`));
  const config = path.join(folder, 'slipway.config.ts');
  writeFileSync(config, configWith(count));
  const state = path.join(folder, '.slipway');
  // The variables reach the emulator `local start` starts (src/local-cloud/emulator-delays.ts).
  const env = { ...process.env, [EMULATOR_DELAY_VARIABLES.service]: String(serviceSeconds) };
  const target = ['--config', config, '--env', 'dev', '--target', 'local', '--state-dir', state, '--json'];
  try {
    slipway(env, 'local', 'start', '--state-dir', state);
    slipway(env, 'deploy', ...target, '--only', 'infrastructure');
    return slipway(env, 'deploy', ...target, '--only', 'services', '--concurrency', String(concurrency));
  } finally {
    // Through the sources, so the emulator stops even if dist/ went away meanwhile.
    await stopLocalCloud({ stateDir: state });
    rmSync(folder, { recursive: true, force: true });
  }
}

const samples = new Map<string, number[]>();
const key = (count: number, concurrency: number) => `${count}/${concurrency}`;
for (let run = 0; run < runs; run++) {
  for (const concurrency of CONCURRENCIES) {
    for (const count of SERVICE_COUNTS) {
      const taken = await serviceDeploy(count, concurrency);
      samples.set(key(count, concurrency), [...(samples.get(key(count, concurrency)) ?? []), taken]);
      process.stderr.write(
        `run ${run + 1}/${runs}: ${count} services at --concurrency ${concurrency}: ${taken.toFixed(1)} s\n`,
      );
    }
  }
}

const at = (count: number, concurrency: number) => median(samples.get(key(count, concurrency)) ?? []);
const ratio = (count: number, concurrency: number) => at(count, concurrency) / at(1, concurrency);
const cell = (count: number, concurrency: number) =>
  `${at(count, concurrency).toFixed(1)} s (${ratio(count, concurrency).toFixed(2)}×)`;

const cells = [
  ['services', ...CONCURRENCIES.map((c) => `--concurrency ${c}`)],
  ...SERVICE_COUNTS.map((count) => [String(count), ...CONCURRENCIES.map((c) => cell(count, c))]),
];

/** Padded the way the repository's formatter writes markdown tables, so --write leaves it clean. */
function markdownTable(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => row[i]?.length ?? 0))) ?? [];
  const line = (row: readonly string[]) =>
    `| ${row.map((text, i) => (i === 0 ? text.padEnd(widths[i] ?? 0) : text.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  const [head, ...body] = rows;
  return [line(head ?? []), rule, ...body.map(line)];
}

/**
 * The same deploys with AWS's waits instead of the scaled one: Slipway's own measured time stays,
 * and each wave of service stacks (`ceil(services / concurrency)`) waits `awsWait` instead.
 * CloudFormation's own time per stack is left out: it adds to every column alike.
 */
const projected = (count: number, concurrency: number, awsWait: number) =>
  at(count, concurrency) + Math.ceil(count / concurrency) * (awsWait - serviceSeconds);
const minutes = (value: number) => `${(value / 60).toFixed(1)} min`;
const cases = [
  [`${AWS_STABILIZATION_SECONDS} s stabilization`, AWS_STABILIZATION_SECONDS],
  [
    `${AWS_STABILIZATION_SECONDS} s + ${AWS_CANARY_BAKE_SECONDS / 60} min canary bake`,
    AWS_STABILIZATION_SECONDS + AWS_CANARY_BAKE_SECONDS,
  ],
] as const;
const projection = [
  ['on AWS', ...CONCURRENCIES.map((c) => `--concurrency ${c}`)],
  ...cases.flatMap(([label, wait]) =>
    ([1, 10] as const).map((count) => [
      `${count} service${count > 1 ? 's' : ''}, ${label}`,
      ...CONCURRENCIES.map((c) => minutes(projected(count, c, wait))),
    ]),
  ),
];

const holding = CONCURRENCIES.filter((c) => ratio(10, c) <= GOAL_RATIO);
const verdict = (c: number) => (ratio(10, c) <= GOAL_RATIO ? 'holds' : 'does not hold');
const scale = AWS_STABILIZATION_SECONDS / serviceSeconds;
const table = [
  `${runs === 1 ? 'One run' : `Median of ${runs} runs`}, ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}; ` +
    `wall time of \`slipway deploy --only services\` with ${EMULATOR_DELAY_VARIABLES.service}=${serviceSeconds} ` +
    `(${AWS_STABILIZATION_SECONDS} s at 1:${scale.toFixed(0)}), the ratio to one service at the same concurrency in brackets.`,
  '',
  ...markdownTable(cells),
  '',
  `Goal: ten services within ${GOAL_RATIO}× of one: ` +
    CONCURRENCIES.map((c) => `at --concurrency ${c} it ${verdict(c)} (${ratio(10, c).toFixed(2)}×)`).join(
      '; ',
    ) +
    '. ' +
    (holding.length > 0
      ? `The smallest concurrency measured that meets it is ${Math.min(...holding)}.`
      : 'No concurrency measured meets it.'),
  '',
  'Projected for AWS: the times above with each wave of service stacks waiting as long as on AWS instead.',
  '',
  ...markdownTable(projection),
].join('\n');
process.stdout.write(`${table}\n`);

if (values.write) {
  replaceDocSection(path.join(root, 'docs/benchmarks-deploy.md'), 'bench:deploy-scale', table);
}
