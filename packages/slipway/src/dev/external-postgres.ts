import { connect } from 'node:net';
import { DevError } from './dev-error.js';

const REACH_TIMEOUT_MS = 3_000;

/**
 * Checks a `--database-url` before any service starts: that it is a postgres:// URL and that its
 * host answers on the port. Services retry a missing database for a while, so without this a typo
 * would surface half a minute later as a wall of connection errors.
 */
export async function checkDatabaseUrl(raw: string): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DevError(
      '--database-url is not a URL',
      'pass postgres://user:password@host:5432/dbname (percent-encode special characters in the password)',
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new DevError(
      `--database-url starts with ${url.protocol}//`,
      'pass a postgres:// or postgresql:// URL',
    );
  }
  if (url.hostname === '' || url.pathname.replace(/^\//, '') === '') {
    throw new DevError(
      '--database-url has no host or no database name',
      'pass postgres://user:password@host:5432/dbname',
    );
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = url.port === '' ? 5432 : Number(url.port);
  const problem = await reach(host, port);
  if (problem !== undefined) {
    throw new DevError(
      `nothing answers at ${host}:${port} from --database-url (${problem})`,
      'start the PostgreSQL server, correct the URL, or leave --database-url out to use the embedded database',
    );
  }
  return url;
}

/** The URL with its password replaced, for printing. */
export function redactPassword(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return '(unparsable URL)';
  }
}

function reach(host: string, port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: REACH_TIMEOUT_MS });
    socket.once('connect', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(`no answer within ${REACH_TIMEOUT_MS / 1000} s`);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}
