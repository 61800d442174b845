import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImageLayout, type BuiltImage, IMAGE_USER, sandboxed } from './helpers/read-only-root.js';
import { type SpawnedServer, spawnServer } from './helpers/spawn-server.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

const run = promisify(execFile);

// Slipway runs the container as uid 1000 on a read-only root with only /tmp writable; the built
// service must work that way, including its migrations at boot.
describe('the built service as a non-root user on a read-only root', () => {
  let image: BuiltImage;
  let db: TestDatabase;
  let server: SpawnedServer | undefined;
  beforeAll(async () => {
    image = await buildImageLayout();
    db = await createTestDatabase('readonly');
  });
  afterAll(async () => {
    server?.kill();
    await server?.exited;
    await db?.drop();
    await image?.remove();
  });

  it('runs in a sandbox that refuses writes anywhere but /tmp', async () => {
    const probe = [
      `id -u`,
      `touch /tmp/probe && echo wrote-tmp`,
      `if touch dist/probe 2>/dev/null; then echo wrote-app; fi`,
      `if touch /var/tmp/probe-$$ 2>/dev/null; then echo wrote-var-tmp; fi`,
    ].join('; ');
    const command = sandboxed('sh', ['-c', probe], image.appDir, image.binds);
    const { stdout } = await run(command.file, [...command.args], { cwd: command.cwd });
    expect(stdout.trim().split('\n')).toEqual([String(IMAGE_USER), 'wrote-tmp']);
  });

  it('serves /healthz and stores an item', async () => {
    server = spawnServer(
      {
        DATABASE_URL: db.url,
        SHUTDOWN_DELAY_MS: '0',
        NODE_ENV: 'production',
      },
      sandboxed(image.node, ['dist/server.js'], image.appDir, image.binds),
    );
    const url = await server.url();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const created = await fetch(`${url}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'read-only root', quantity: 1 }),
    });
    expect(created.status).toBe(201);
    const listed = (await (await fetch(`${url}/items`)).json()) as { name: string }[];
    expect(listed.map((item) => item.name)).toContain('read-only root');
  });
});
