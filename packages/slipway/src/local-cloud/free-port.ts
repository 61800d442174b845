import { createServer } from 'node:net';
import { LocalCloudError } from './errors.js';

/** The loopback address the emulator listens on; it is never reachable from other machines. */
export const LOOPBACK = '127.0.0.1';

/** A port nothing listens on right now, chosen by the operating system. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('The system gave no free port.');
  return address.port;
}

/** Fails with a clear message when another process already listens on `port`. */
export async function assertPortFree(port: number): Promise<void> {
  const server = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, LOOPBACK, resolve);
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new LocalCloudError(
        'port-busy',
        `--port ${port}: ${code === 'EACCES' ? 'this user may not listen on' : 'another process already listens on'} ${LOOPBACK}:${port}. ` +
          'Fix: leave --port out to use a free port, choose another, or stop the process using it.',
      );
    }
    throw error;
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
