import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { PortInUseError } from '../../src/dev/dev-error.js';
import { assignPorts } from '../../src/dev/ports.js';

describe('assignPorts', () => {
  it('gives each service base + its place in the config, so a skipped service keeps the others in place', async () => {
    // A base the system just handed out, rather than a fixed number another process may hold.
    const base = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(Math.min(port, 65_000)));
      });
    });
    const ports = await assignPorts(
      [
        { name: 'api', position: 0 },
        { name: 'admin', position: 2 },
      ],
      base,
    );
    expect(Object.fromEntries(ports)).toEqual({ api: base, admin: base + 2 });
  });

  it('fails on a port something on loopback already listens on, naming it and --port', async () => {
    const server = createServer();
    const port = await new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
    );
    try {
      const error = await assignPorts([{ name: 'api', position: 0 }], port).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PortInUseError);
      expect(error).toMatchObject({ port });
      expect((error as Error).message).toContain(`port ${port} (for api) is already in use`);
      expect((error as Error).message).toMatch(/--port \d+/);
    } finally {
      server.close();
    }
  });

  it('refuses a base that runs past the last port', async () => {
    await expect(assignPorts([{ name: 'api', position: 3 }], 65_534)).rejects.toThrow(
      /--port 65534 does not leave room for the services.*Fix: pass a base port from 1024 to 65532/,
    );
  });

  it('picks distinct free ports for base 0', async () => {
    const ports = await assignPorts(
      [
        { name: 'a', position: 0 },
        { name: 'b', position: 1 },
      ],
      0,
    );
    expect(ports.get('a')).toBeGreaterThan(0);
    expect(ports.get('a')).not.toBe(ports.get('b'));
  });
});
