import { createServer } from 'node:net';
import { DevError, PortInUseError } from './dev-error.js';

/** The first service's port when none is given; the rest follow in config order. */
export const DEFAULT_BASE_PORT = 3000;

/**
 * One port per service: `base + position in the config`, so a service keeps its port from run to
 * run even when another is skipped. Base 0 asks the system for free ports instead (for tests and
 * for running two copies side by side).
 */
export async function assignPorts(
  services: readonly { readonly name: string; readonly position: number }[],
  base: number,
): Promise<Map<string, number>> {
  const last = base + Math.max(0, ...services.map((s) => s.position));
  if (!Number.isInteger(base) || base < 0 || last > 65_535) {
    throw new DevError(
      `--port ${base} does not leave room for the services (they would need ports ${base}–${last})`,
      `pass a base port from 1024 to ${65_535 - (last - base)}, or 0 for free ports`,
    );
  }
  const ports = new Map<string, number>();
  for (const service of services) {
    if (base === 0) {
      ports.set(service.name, await freePort());
      continue;
    }
    const port = base + service.position;
    await assertPortFree(port, service.name);
    ports.set(service.name, port);
  }
  return ports;
}

/** Fails with the port, who wanted it and the fix when something already listens there. */
export async function assertPortFree(port: number, owner: string): Promise<void> {
  const problem = await probe(port);
  if (problem === undefined) return;
  if (problem === 'EADDRINUSE') {
    throw new PortInUseError(
      port,
      owner,
      `stop whatever listens there (\`lsof -i :${port}\` shows it), or start the services from another base port, e.g. --port ${port < 64_000 ? port + 1000 : 4000}`,
    );
  }
  if (problem === 'EACCES') {
    throw new DevError(
      `port ${port} (for ${owner}) needs administrator rights on this machine`,
      'pass --port with a base of 1024 or above, e.g. --port 3000',
    );
  }
  throw new DevError(
    `port ${port} (for ${owner}) cannot be used (${problem})`,
    'pass another base with --port',
  );
}

/** A port nothing listens on right now, chosen by the system. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Tries to listen where the service will: on every interface, as servers in containers do. That
 * collides with a listener on any address of the port, loopback included.
 */
function probe(port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(undefined)));
  });
}
