import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { detectServices, exposedPort } from '../../src/init/detect-services.js';
import { repositoryFromUrl } from '../../src/init/git-remote.js';
import { scaffoldConfig } from '../../src/init/scaffold-config.js';
import { runCli } from '../cli/run-cli.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A throwaway repository with the given files (path → content). */
function repo(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'slipway-init-'));
  dirs.push(root);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

const GIT_CONFIG =
  '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:acme/Shop.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n';

describe('slipway init', () => {
  it('scaffolds a config and workflows from the Dockerfiles and the git remote', async () => {
    const root = repo({
      '.git/config': GIT_CONFIG,
      'apps/api/Dockerfile': 'FROM node:22 AS build\nEXPOSE 9999\nFROM node:22-slim\nEXPOSE 8080/tcp\n',
      'apps/Web_UI/Dockerfile': 'FROM nginx\nEXPOSE 80\n',
      'tools/migrate/Dockerfile': 'FROM alpine\n',
      'node_modules/some-lib/Dockerfile': 'FROM scratch\nEXPOSE 1\n',
    });
    const run = await runCli('init', '--dir', root);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/api\s+8080\s+apps\/api/);
    expect(run.stdout).toMatch(/web-ui\s+80\s+apps\/Web_UI/);
    expect(run.stdout).toMatch(/migrate\s+8080 \(guessed\)\s+tools\/migrate/);
    expect(run.stdout).toMatch(/repository acme\/Shop from git remote/);
    expect(run.stdout).toMatch(/environments\.prod\.account and \.region: replace 222222222222/);
    expect(run.stdout).toMatch(/services\.migrate\.port: its Dockerfile has no EXPOSE/);

    const config = readFileSync(path.join(root, 'slipway.config.ts'), 'utf8');
    expect(config).toContain("app: 'shop'");
    expect(config).toContain("github: { repository: 'acme/Shop' }");
    expect(config).toContain('port: 8080, // EXPOSE in apps/api/Dockerfile');
    expect(config).toContain("'web-ui': {");
    expect(config).toContain("source: { context: 'apps/Web_UI' }");
    expect(config).not.toContain('some-lib');
    for (const file of [
      'pr.yml',
      'build-api.yml',
      'build-web-ui.yml',
      'build-migrate.yml',
      'deploy.yml',
      'preview.yml',
    ]) {
      expect(existsSync(path.join(root, '.github', 'workflows', file)), file).toBe(true);
    }
    expect(readFileSync(path.join(root, '.github', 'workflows', 'build-web-ui.yml'), 'utf8')).toContain(
      'context: apps/Web_UI',
    );

    // The written file says what the data says: load it (with a local defineConfig, as the temporary
    // folder has no node_modules) and compare.
    const loadable = path.join(root, 'loadable.config.ts');
    writeFileSync(
      loadable,
      config.replace("import { defineConfig } from 'slipway';", 'const defineConfig = <T>(c: T): T => c;'),
    );
    const model = await loadConfig(loadable);
    expect(model.environments[0]?.services.map((s) => [s.name, s.port, s.paths])).toEqual([
      // Dockerfiles in path order ('W' sorts before 'a'); the first takes '/*'.
      ['web-ui', 80, ['/*']],
      ['api', 8080, ['/api/*']],
      ['migrate', 8080, ['/migrate/*']],
    ]);
    expect(model.github?.repository).toBe('acme/Shop');
  });

  it('refuses to replace an existing config without --force, and replaces it with', async () => {
    const root = repo({ 'slipway.config.ts': '// mine\n', Dockerfile: 'EXPOSE 3000\n' });
    const refused = await runCli('init', '--dir', root);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/slipway\.config\.ts already exists\. Fix: .*--force/);
    expect(readFileSync(path.join(root, 'slipway.config.ts'), 'utf8')).toBe('// mine\n');

    const forced = await runCli('init', '--dir', root, '--force', '--json');
    expect(forced.code).toBe(0);
    const result = JSON.parse(forced.stdout) as {
      services: { name: string; port: number; context: string }[];
    };
    expect(result.services).toEqual([
      {
        name: path
          .basename(root)
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^[^a-z]+/, ''),
        context: '.',
        port: 3000,
      },
    ]);
    expect(readFileSync(path.join(root, 'slipway.config.ts'), 'utf8')).toContain('port: 3000');
  });

  it('refuses to overwrite a hand-written workflow of the same name', async () => {
    const root = repo({ 'api/Dockerfile': 'EXPOSE 80\n', '.github/workflows/deploy.yml': 'name: ours\n' });
    const run = await runCli('init', '--dir', root, '--app', 'shop');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.github\/workflows\/deploy\.yml exist and were not written by Slipway/);
    expect(existsSync(path.join(root, 'slipway.config.ts'))).toBe(false);
  });

  it('asks for the repository when there is no GitHub remote', async () => {
    const root = repo({ 'svc/Dockerfile': 'EXPOSE 5000\n' });
    const run = await runCli('init', '--dir', root, '--app', 'My App');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/github\.repository: no GitHub origin remote was found/);
    expect(run.stdout).toMatch(/environments\.prod\.observability\.alerts: replace oncall@example\.com/);
    const config = readFileSync(path.join(root, 'slipway.config.ts'), 'utf8');
    expect(config).toContain("app: 'my-app'");
    expect(config).toContain('// TODO: the GitHub repository');
    expect(config).toContain("observability: { alerts: { email: ['oncall@example.com'] } },");
  });
});

describe('init parts', () => {
  it('reads the last EXPOSE, ignoring variables', () => {
    expect(exposedPort('EXPOSE 3000\nFROM x\nEXPOSE 8000 9000\n')).toBe(8000);
    expect(exposedPort('EXPOSE $PORT\n')).toBeUndefined();
    expect(exposedPort('FROM x\n')).toBeUndefined();
  });

  it('parses GitHub remotes in every URL form', () => {
    expect(repositoryFromUrl('https://github.com/acme/shop.git')).toBe('acme/shop');
    expect(repositoryFromUrl('git@github.com:acme/shop.git')).toBe('acme/shop');
    expect(repositoryFromUrl('ssh://git@github.com/acme/shop')).toBe('acme/shop');
    expect(repositoryFromUrl('https://gitlab.com/acme/shop.git')).toBeUndefined();
  });

  it('names services uniquely and never after a reserved layer', () => {
    const root = repo({
      'a/api/Dockerfile': 'EXPOSE 1\n',
      'b/api/Dockerfile': 'EXPOSE 2\n',
      'network/Dockerfile': 'EXPOSE 3\n',
    });
    expect(detectServices(root, 'shop').map((s) => s.name)).toEqual(['api', 'b-api', 'network-service']);
  });

  it('scaffolds a config that resolves, with placeholder accounts', () => {
    const model = resolveConfig(
      scaffoldConfig({ app: 'shop', services: [{ name: 'api', context: 'apps/api', port: 8080 }] }),
    );
    expect(model.environments.map((e) => [e.name, e.account, e.production])).toEqual([
      ['dev', '111111111111', false],
      ['prod', '222222222222', true],
    ]);
    // Production's alarms reach a placeholder the user replaces (Slipway-OBS1 refuses none).
    expect(model.environments.map((e) => e.observability?.alerts.emails)).toEqual([
      [],
      ['oncall@example.com'],
    ]);
    expect(model.delivery?.builds[0]).toMatchObject({
      context: 'apps/api',
      dockerfile: 'apps/api/Dockerfile',
    });
  });
});
