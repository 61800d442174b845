import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { AppModel } from '../../src/model/types.js';
import { generateWorkflows, workflowFiles } from '../../src/workflows/generate.js';
import { plansOnce } from '../support/plans-once.js';
import { exampleModel, ROOT, workflowNamed } from './fixtures.js';

const EXAMPLES = ['medications', 'megadolls', 'orders', 'goapp', 'parrot'] as const;
const models = new Map<string, AppModel>();
for (const name of EXAMPLES) models.set(name, await exampleModel(name));
const planOf = plansOnce((name: string) => models.get(name)!, { checks: false });
const work = mkdtempSync(path.join(tmpdir(), 'slipway-summary-step-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The PATH a runner has after `npm ci`: the repository's `npx slipway` resolves to this kit. */
const env = {
  ...process.env,
  PATH: `${path.join(ROOT, 'node_modules/.bin')}${path.delimiter}${process.env.PATH}`,
};

/** Runs a step's shell script as the runner would: bash, from the repository root. */
function runStep(script: string, extra: Record<string, string>): void {
  execFileSync('bash', ['-eo', 'pipefail', '-c', script], {
    cwd: ROOT,
    env: { ...env, ...extra },
    stdio: 'pipe',
  });
}

function expectSummaryOf(example: string, markdown: string): void {
  const plan = planOf(example);
  expect(markdown).toContain(`## Slipway plan · ${plan.app}`);
  // The first pull request of a repository has no base plan: the summary says so and goes on.
  expect(markdown).toMatch(/base/i);
  for (const environment of plan.environments) expect(markdown).toContain(environment.name);
  const charts = markdown.match(/```mermaid\n/g) ?? [];
  expect(charts).toHaveLength(plan.environments.length);
}

describe.each(EXAMPLES)('the pull-request summary step of examples/%s, run on a plan JSON', (example) => {
  it('writes the Markdown summary where its CI shows it', () => {
    const model = models.get(example)!;
    const dir = path.join(work, example);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(planOf(example)));
    mkdirSync(path.join(ROOT, '.slipway'), { recursive: true });
    const files = generateWorkflows(model, { configPath: `examples/${example}/slipway.config.ts` });

    if (model.delivery?.ci === 'gitlab') {
      const pipeline = parse(files.find((f) => f.path === '.gitlab-ci.yml')!.content) as Record<
        string,
        { after_script?: string[] }
      >;
      const steps = pipeline.plan?.after_script ?? [];
      expect(steps.join('\n')).toContain('workflows summary');
      // GitLab runs a job's scripts in the checkout, where the job wrote plan.json: a folder
      // inside the repository (ignored, like every .slipway folder), so npx finds this kit.
      const checkout = mkdtempSync(path.join(ROOT, '.slipway', 'summary-step-'));
      try {
        writeFileSync(path.join(checkout, 'plan.json'), JSON.stringify(planOf(example)));
        for (const step of steps)
          execFileSync('bash', ['-eo', 'pipefail', '-c', step], { cwd: checkout, env });
        expect(existsSync(path.join(checkout, 'plan.md'))).toBe(true);
        expectSummaryOf(example, readFileSync(path.join(checkout, 'plan.md'), 'utf8'));
      } finally {
        rmSync(checkout, { recursive: true, force: true });
      }
      return;
    }

    const pr = workflowNamed(workflowFiles(files), 'pr.yml');
    const step = pr.workflow.jobs.plan?.steps?.find((s) => s.id === 'summary');
    expect(step?.run).toBeDefined();
    const summary = path.join(dir, 'step-summary.md');
    const output = path.join(dir, 'output.txt');
    writeFileSync(summary, '');
    writeFileSync(output, '');
    runStep(step!.run!, { RUNNER_TEMP: dir, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output });
    const markdown = readFileSync(summary, 'utf8');
    expectSummaryOf(example, markdown);
    // The comment job reads the same Markdown from the job's output.
    expect(readFileSync(output, 'utf8')).toContain(markdown.trim());
  });
});
