import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../src/dev/ports.js';
import { runCli } from '../cli/run-cli.js';
import { MEDICATIONS_CONFIG, REPO_ROOT, tempDir } from './helpers.js';

const servers: Server[] = [];

/** Something else listening on loopback, as a developer's other app would. */
function occupy(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : 0);
    });
    servers.push(server);
  });
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('slipway dev: mistakes a user can make', () => {
  it('names a busy port, the service that wanted it and the --port fix, before starting anything', async () => {
    const busy = await occupy();
    const dataDir = tempDir('busy');
    const run = await runCli(
      'dev',
      '--config',
      MEDICATIONS_CONFIG,
      '--port',
      String(busy),
      '--data-dir',
      dataDir,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`port ${busy} (for api) is already in use`);
    expect(run.stderr).toMatch(/Fix: .*--port \d+/);
    expect(run.stderr).not.toContain('database main');
  });

  it('says which services lack a dev command when none has one', async () => {
    const megadolls = path.join(REPO_ROOT, 'examples/megadolls/slipway.config.ts');
    const run = await runCli('dev', '--config', megadolls, '--port', '0');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no service has a dev command (web, pgadmin)');
    expect(run.stderr).toContain("Fix: add services.web.dev: { command: 'npm run dev' }");
  });

  it('lists the environments when --env names none of them', async () => {
    const run = await runCli('dev', '--config', MEDICATIONS_CONFIG, '--env', 'staging');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '--env staging: no such environment in the config. Fix: use one of dev, prod.',
    );
  });

  it('refuses a --port that is not a port', async () => {
    const run = await runCli('dev', '--config', MEDICATIONS_CONFIG, '--port', 'http');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("'http' is not a port");
  });

  it('checks --database-url answers before starting the services', async () => {
    const closed = await freePort();
    const run = await runCli(
      'dev',
      '--config',
      MEDICATIONS_CONFIG,
      '--port',
      '0',
      '--database-url',
      `postgres://app:secret@127.0.0.1:${closed}/medications`,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`nothing answers at 127.0.0.1:${closed} from --database-url (ECONNREFUSED)`);
    expect(run.stderr).not.toContain('secret');
    expect(run.stderr).not.toContain('▸ api:');
  });
});
