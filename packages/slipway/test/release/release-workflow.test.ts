import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pinnedActionFor } from '../../src/workflows/actions.js';
import type { Job, Workflow } from '../../src/workflows/workflow-types.js';
import { lint } from '../workflows/fixtures.js';

// The repository's own release workflow (docs/release.md): it publishes the kit to npm with
// provenance, so what it may do and what it runs first are held here, not left to review.

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const FILE = '.github/workflows/release.yml';
const text = readFileSync(path.join(ROOT, FILE), 'utf8');
/** The generator's workflow type, plus the container the test job runs in (generated jobs have none). */
type ReleaseWorkflow = Workflow & { readonly jobs: Readonly<Record<string, Job & { container?: string }>> };
const workflow = parse(text) as ReleaseWorkflow;
const kit = JSON.parse(readFileSync(path.join(ROOT, 'packages/slipway/package.json'), 'utf8')) as {
  engines: { node: string };
};

const steps = Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
const runs = (jobName: string) => (workflow.jobs[jobName]?.steps ?? []).map((step) => step.run ?? '');

describe('the release workflow', () => {
  it('passes actionlint', async () => {
    expect(await lint({ path: FILE, text, workflow })).toEqual([]);
  });

  it('runs on a v* tag only, with no permission granted to the workflow as a whole', () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*'] } });
    expect(workflow.permissions).toEqual({});
  });

  it('publishes the kit with provenance only after the suite passed', () => {
    const publish = workflow.jobs.publish!;
    expect(publish.needs).toBe('test');
    expect(runs('test').join('\n')).toContain('bash .ci/run');
    expect(publish.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(runs('publish')).toContain('npm publish --workspace slipway --provenance --access public');
  });

  it('publishes on the oldest supported Node major, as CI tests on it', () => {
    const oldest = semver.minVersion(kit.engines.node)!.major;
    const setupNode = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(setupNode?.with?.['node-version']).toBe(oldest);
    expect(workflow.jobs.test?.container).toBe(`node:${oldest}-bookworm`);
  });

  it('refuses a tag that is not the package version, and a package that names another repository', () => {
    const checks = runs('publish').join('\n');
    expect(checks).toMatch(/"\$TAG" != "v\$version"/);
    expect(checks).toContain('https://github.com/$REPOSITORY');
  });

  it('uses only actions pinned to the commits the generated workflows use', () => {
    const used = steps.flatMap((step) => (step.uses ? [step.uses] : []));
    expect(used.length).toBeGreaterThan(0);
    for (const reference of used) expect(pinnedActionFor(reference), reference).toBeDefined();
  });
});
