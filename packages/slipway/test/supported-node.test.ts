// The supported Node versions are stated in several places that nothing else ties together: the
// workspaces' `engines`, the README, the Node CI runs (.ci/run), the generated workflows' default
// and the sample service's image. These tests fail when one of them moves without the others.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { GITLAB_NODE_IMAGES } from '../src/config/data/ci-images.js';
import { DELIVERY_DEFAULTS } from '../src/config/resolve/defaults.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function read(file: string): string {
  return readFileSync(path.join(ROOT, file), 'utf8');
}

interface Manifest {
  readonly workspaces?: readonly string[];
  readonly engines?: { readonly node?: string };
}

function manifest(dir: string): Manifest {
  return JSON.parse(read(path.join(dir, 'package.json'))) as Manifest;
}

/** The root and every workspace the root's `workspaces` names (`dir/*` or a plain folder). */
function packageDirs(): string[] {
  const dirs = ['.'];
  for (const pattern of manifest('.').workspaces ?? []) {
    if (!pattern.endsWith('/*')) {
      dirs.push(pattern);
      continue;
    }
    const parent = pattern.slice(0, -2);
    for (const entry of readdirSync(path.join(ROOT, parent), { withFileTypes: true })) {
      const dir = path.join(parent, entry.name);
      if (entry.isDirectory() && existsSync(path.join(ROOT, dir, 'package.json'))) dirs.push(dir);
    }
  }
  return dirs;
}

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`no "## ${heading}" section`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/** The majors the README's "Developing" section names: "Node 22 or 24". */
function documentedMajors(): number[] {
  const statement = /Node (\d+) or (\d+)/.exec(section(read('README.md'), 'Developing'));
  if (!statement) throw new Error('README "Developing" names no "Node <major> or <major>"');
  return [Number(statement[1]), Number(statement[2])];
}

/** The major `.ci/run` runs the suite on. */
function ciMajor(): number {
  const assignment = /^ci_node=(\d+)$/m.exec(read('.ci/run'));
  if (!assignment) throw new Error('.ci/run sets no ci_node=<major>');
  return Number(assignment[1]);
}

/** The sample service's image version, e.g. `22.22.0` from `node:22.22.0-bookworm-slim`. */
function dockerfileNodeVersion(): string {
  const image = /^ARG NODE_IMAGE=node:(\d+\.\d+\.\d+)\b/m.exec(read('apps/api/Dockerfile'));
  if (!image) throw new Error('apps/api/Dockerfile has no ARG NODE_IMAGE=node:<x.y.z>');
  return image[1]!;
}

const rootRange = manifest('.').engines?.node ?? '';

describe('supported Node versions', () => {
  it('every workspace declares the root engines range, and it is a valid range', () => {
    expect(semver.validRange(rootRange)).not.toBeNull();
    const dirs = packageDirs();
    expect(dirs.length).toBeGreaterThan(1);
    for (const dir of dirs) {
      expect({ dir, node: manifest(dir).engines?.node }).toEqual({ dir, node: rootRange });
    }
  });

  it('engines admit the majors the README names and no older or in-between one', () => {
    const documented = documentedMajors();
    const oldest = Math.min(...documented);
    const newest = Math.max(...documented);
    expect(semver.minVersion(rootRange)?.major).toBe(oldest);
    for (let major = oldest - 2; major <= newest; major++) {
      expect({ major, admitted: semver.intersects(rootRange, `${major}.x`) }).toEqual({
        major,
        admitted: documented.includes(major),
      });
    }
  });

  it('CI runs the oldest supported major, and the README says so', () => {
    const ci = ciMajor();
    expect(ci).toBe(Math.min(...documentedMajors()));
    expect(section(read('README.md'), 'Developing')).toMatch(new RegExp(`as CI\\s+does, on Node ${ci}\\b`));
  });

  it("the generated workflows default to CI's major, and GitLab has a pinned image for it", () => {
    const ci = ciMajor();
    expect(DELIVERY_DEFAULTS.nodeVersion).toBe(String(ci));
    const image = GITLAB_NODE_IMAGES[DELIVERY_DEFAULTS.nodeVersion];
    expect(image).toBeDefined();
    expect(semver.coerce(image!.tag.replace(/^node:/, ''))?.major).toBe(ci);
  });

  it("the sample service's image runs CI's major, at a version engines admit", () => {
    const version = dockerfileNodeVersion();
    expect(semver.major(version)).toBe(ciMajor());
    expect(semver.satisfies(version, rootRange)).toBe(true);
  });
});
