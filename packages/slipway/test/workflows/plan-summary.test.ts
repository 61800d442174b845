import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { runPlan } from '../../src/plan/run-plan.js';
import { runCli } from '../cli/run-cli.js';
import { useConfigFile } from '../support/config-file.js';
import { exampleConfig } from './fixtures.js';

/**
 * The pull request's change to megadolls: a bigger database under a new name (RDS replaces it),
 * an internal worker service, a lower cost alert, and the prod load balancer's acknowledgement
 * dropped, so one finding is newly open.
 */
const HEAD = `import base from ${JSON.stringify(exampleConfig('megadolls'))};
export default {
  ...base,
  databases: { main: { ...base.databases.main, instanceClass: 'db.t4g.medium', databaseName: 'shop' } },
  services: { ...base.services, worker: { port: 9000, public: false, cpu: 1024, memory: 2048 } },
  delivery: { costAlert: { monthlyUsd: 100 } },
  acknowledgements: [],
};
`;

describe('slipway workflows summary --base on two plans of megadolls', () => {
  const head = useConfigFile(HEAD, 'slipway-summary-head-');
  const dir = mkdtempSync(path.join(tmpdir(), 'slipway-summary-'));
  const files = { base: path.join(dir, 'base.json'), head: path.join(dir, 'plan.json') };
  let summary = '';
  beforeAll(async () => {
    const base = runPlan(await loadConfig(exampleConfig('megadolls')), {
      outdir: path.join(dir, 'base-out'),
    });
    writeFileSync(files.base, JSON.stringify(base));
    writeFileSync(files.head, JSON.stringify(runPlan(head.model, { outdir: path.join(dir, 'out') })));
    const run = await runCli('workflows', 'summary', files.head, '--base', files.base);
    expect(run.code).toBe(0);
    summary = run.stdout;
  }, 90_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('calls out the cost increase first, with the threshold the config set', () => {
    const lines = summary.split('\n');
    expect(lines[0]).toBe('## Slipway plan · megadolls');
    expect(lines[2]).toBe('> [!WARNING]');
    expect(lines[3]).toMatch(
      /^> \*\*Cost alert: \+\$\d+\.\d\d a month \(\+\d+\.\d %\)\*\* against the base branch/,
    );
    expect(lines[3]).toContain('the alert is set at +$100 or +10 %');
    expect(lines[4]).toMatch(/^> Grows in: prod \+\$[\d.]+, dev \+\$[\d.]+/);
  });

  it('shows before, after and the change per scope', () => {
    expect(summary).toContain('| scope | before $ / month | after $ / month | change |');
    expect(summary).toMatch(/\| dev \| \$[\d,.]+ \| \$[\d,.]+ \| \+\$[\d,.]+ \+\d+\.\d % \|/);
    expect(summary).toMatch(/\| prod \| \$[\d,.]+ \| \$[\d,.]+ \| \+\$[\d,.]+ \+\d+\.\d % \|/);
    expect(summary).toMatch(/\| \*\*total\*\* \| \$[\d,.]+ \| \$[\d,.]+ \| \+\$[\d,.]+ \+\d+\.\d % \|/);
  });

  it('lists only the findings the base did not have open', () => {
    expect(summary).toContain('### New findings (1)');
    expect(summary).toMatch(/\| error \| `Slipway-ELB5` \| megadolls-prod-runtime \| /);
  });

  it('calls out the replaced databases before the per-environment changes', () => {
    const caution = summary.indexOf('> [!CAUTION]');
    expect(caution).toBeGreaterThan(summary.indexOf('### Changes against the base branch'));
    expect(caution).toBeLessThan(summary.indexOf('| environment | added | changed | replaced | removed |'));
    for (const env of ['dev', 'prod']) {
      expect(summary).toContain(
        `> - replaced: ${env} · \`megadolls-${env}-data/DatabaseMainInstance\` (AWS::RDS::DBInstance) — a new DBName requires replacement`,
      );
      expect(summary).toMatch(new RegExp(`\\| ${env} \\| [1-9]\\d* \\| [1-9]\\d* \\| [1-9]\\d* \\| 0 \\|`));
      expect(summary).toContain(
        `| replaced (stateful) | megadolls-${env}-data | DatabaseMainInstance | AWS::RDS::DBInstance | a new DBName requires replacement |`,
      );
      expect(summary).toContain(
        `| added | megadolls-${env}-worker | ServiceD69D759B | AWS::ECS::Service |  |`,
      );
    }
  });

  it('draws each environment as a Mermaid chart naming every service, the change coloured in', () => {
    const charts = [...summary.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(charts).toHaveLength(2);
    for (const chart of charts) {
      expect(chart).toMatch(/^flowchart LR\n/);
      for (const service of ['web', 'pgadmin', 'worker'])
        expect(chart).toMatch(new RegExp(`\\("${service}<br/>`));
      expect(chart).toMatch(/class n_megadolls_\w+_worker_ServiceD69D759B added/);
      expect(chart).toMatch(/class [\w,]*n_megadolls_\w+_data_DatabaseMainInstance[\w,]* replaced/);
    }
  });

  it('shows the plan alone, saying why, when the base plan is missing or empty', async () => {
    const missing = await runCli('workflows', 'summary', files.head, '--base', path.join(dir, 'none.json'));
    expect(missing.code).toBe(0);
    expect(missing.stdout).toMatch(
      /\*\*No base plan to compare with:\*\* the base branch's plan \(.*none\.json\) was not written/,
    );
    expect(missing.stdout).not.toMatch(/Cost alert|Cost against the base branch|New findings/);
    expect(missing.stdout).toContain('### Open findings');
    const empty = path.join(dir, 'empty.json');
    writeFileSync(empty, '');
    const failed = await runCli('workflows', 'summary', files.head, '--base', empty);
    expect(failed.stdout).toMatch(/is empty or not a plan: planning the base commit failed/);
  });
});
