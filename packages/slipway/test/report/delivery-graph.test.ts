import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/load.js';
import { githubOf, gitlabOf } from '../../src/model/ci-host.js';
import { deliveryDiagram } from '../../src/report/delivery-graph.js';
import type { Diagram, DiagramNode } from '../../src/report/diagram/types.js';
import { generateWorkflows, workflowFiles } from '../../src/workflows/generate.js';
import { type GitlabJob, jobsOfPipeline } from '../../src/workflows/gitlab/pipeline-types.js';
import { roleAssumptions } from '../../src/workflows/oidc-subjects.js';
import { environmentOf, isDeployJob, jobsOf } from '../../src/workflows/rules/support.js';
import { exampleConfig } from '../workflows/fixtures.js';

const CONFIG_PATH = 'slipway.config.ts';

function node(diagram: Diagram, id: string): DiagramNode {
  const found = diagram.nodes.find((n) => n.id === id);
  if (found === undefined)
    throw new Error(`no node ${id}; have ${diagram.nodes.map((n) => n.id).join(', ')}`);
  return found;
}

const hasEdge = (diagram: Diagram, from: string, to: string) =>
  diagram.edges.some((e) => e.kind === 'needs' && e.from === from && e.to === to);

describe('delivery graph of examples/megadolls (GitHub Actions)', async () => {
  const model = await loadConfig(exampleConfig('megadolls'));
  const diagram = deliveryDiagram(model, CONFIG_PATH);
  const files = workflowFiles(generateWorkflows(model, { configPath: CONFIG_PATH }));
  const jobs = files.flatMap((file) => jobsOf(file.workflow).map(([id, job]) => ({ file, id, job })));

  it('draws every generated job once, in a frame per workflow file', () => {
    expect(diagram.nodes.filter((n) => n.kind === 'job')).toHaveLength(jobs.length);
    for (const file of files) expect(node(diagram, file.path).kind).toBe('workflow');
    for (const { file, id } of jobs) {
      expect(node(diagram, `${file.path}#${id}`)).toMatchObject({ kind: 'job', parent: file.path });
    }
  });

  it('draws every needs as an edge, and no other', () => {
    const needs = jobs.flatMap(({ file, id, job }) =>
      [job.needs ?? []].flat().map((need) => [`${file.path}#${need}`, `${file.path}#${id}`] as const),
    );
    expect(needs.length).toBeGreaterThan(0);
    for (const [from, to] of needs) expect(hasEdge(diagram, from, to)).toBe(true);
    expect(diagram.edges).toHaveLength(needs.length);
  });

  it('names in each job the OIDC subject of every role it assumes', () => {
    const assumptions = files.flatMap((file) =>
      roleAssumptions(file, githubOf(model).repository).map((a) => ({ ...a, file })),
    );
    expect(assumptions.length).toBeGreaterThan(0);
    for (const a of assumptions) {
      const details = node(diagram, `${a.file.path}#${a.job}`).details.join('\n');
      expect(details).toContain(a.subject);
      expect(details).toContain(a.roleArn.split('/').at(-1));
    }
  });

  it('says a production deploy job waits for approval, and a dev one does not', () => {
    const production = model.ci.deployRoles
      .filter((role) => model.environments.find((env) => env.name === role.environment)?.production)
      .map((role) => role.githubEnvironment);
    const deploys = jobs.filter(({ job }) => isDeployJob(job));
    const inProduction = deploys.filter(({ job }) => production.includes(environmentOf(job) ?? ''));
    expect(inProduction.length).toBeGreaterThan(0);
    for (const { file, id } of deploys) {
      const waits = node(diagram, `${file.path}#${id}`).details.some((d) => d.includes('waits for approval'));
      expect(waits, `${file.path} ${id}`).toBe(inProduction.some((p) => p.file === file && p.id === id));
    }
  });

  it('gives the preview and pull-request jobs their trigger', () => {
    expect(node(diagram, '.github/workflows/preview.yml#up').details).toContain('trigger push to feat/*');
    expect(node(diagram, '.github/workflows/preview.yml#down').details).toContain('trigger branch deleted');
    expect(node(diagram, '.github/workflows/pr.yml#checks').details).toContain('trigger pull request');
  });
});

describe('delivery graph of examples/orders (GitLab CI)', async () => {
  const model = await loadConfig(exampleConfig('orders'));
  const diagram = deliveryDiagram(model, CONFIG_PATH);
  const [file] = generateWorkflows(model, { configPath: CONFIG_PATH });
  const document = parse(file!.content) as Record<string, unknown>;
  const jobs = jobsOfPipeline(document);
  const id = (job: string) => `.gitlab-ci.yml#${job}`;
  const needsOf = (job: GitlabJob) => (job.needs ?? []).map((n) => (typeof n === 'string' ? n : n.job));

  it('draws every job once, in a frame per stage', () => {
    expect(diagram.nodes.filter((n) => n.kind === 'job')).toHaveLength(jobs.length);
    for (const [name, job] of jobs) {
      const drawn = node(diagram, id(name));
      expect(drawn.kind).toBe('job');
      expect(node(diagram, drawn.parent ?? '')).toMatchObject({
        kind: 'workflow',
        label: `stage ${job.stage}`,
      });
    }
  });

  it('draws every needs as an edge, and stage order for a job without needs', () => {
    const withNeeds = jobs.filter(([, job]) => job.needs !== undefined);
    expect(withNeeds.length).toBeGreaterThan(0);
    for (const [name, job] of withNeeds) {
      for (const need of needsOf(job)) expect(hasEdge(diagram, id(need), id(name))).toBe(true);
      // A job with needs starts as soon as they finish: no edge from anything else.
      const into = diagram.edges.filter((e) => e.to === id(name)).map((e) => e.from);
      expect(into.sort()).toEqual(needsOf(job).map(id).sort());
    }
    expect(hasEdge(diagram, id('lint'), id('test'))).toBe(true);
    expect(diagram.edges.filter((e) => e.to === id('lint'))).toEqual([]);
  });

  it('names in each job that assumes a role its audience and the subject of each branch it runs on', () => {
    const project = gitlabOf(model).project;
    const assuming = jobs.filter(([, job]) => job.variables?.AWS_ROLE_ARN !== undefined);
    expect(assuming.length).toBeGreaterThan(0);
    for (const [name, job] of assuming) {
      const details = node(diagram, id(name)).details.join('\n');
      expect(details).toContain(job.variables!.AWS_ROLE_ARN!.split('/').at(-1));
      for (const token of Object.values(job.id_tokens ?? {})) expect(details).toContain(token.aud);
      const branches = (job.rules ?? []).map(
        (rule) => /\$CI_COMMIT_BRANCH == "([^"]+)"/.exec(rule.if ?? '')?.[1],
      );
      expect(branches.length).toBeGreaterThan(0);
      for (const branch of branches) {
        expect(details).toContain(`project_path:${project}:ref_type:branch:ref:${branch}`);
      }
    }
  });

  it('gives a job without rules the pipelines it runs in', () => {
    expect(node(diagram, id('lint')).details).toContain(
      'trigger merge request · branch main · branch production',
    );
  });

  it('says a production job waits for approval, and a development one does not', () => {
    const byTier = (tier: string) => jobs.filter(([, job]) => job.environment?.deployment_tier === tier);
    expect(byTier('production').length).toBeGreaterThan(0);
    for (const [name] of byTier('production')) {
      expect(node(diagram, id(name)).details.join('\n')).toContain('waits for approval');
    }
    for (const [name] of byTier('development')) {
      expect(node(diagram, id(name)).details.join('\n')).not.toContain('waits for approval');
    }
  });
});
