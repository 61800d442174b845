import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { DevError, PortInUseError } from './dev-error.js';

/**
 * Connections one embedded database accepts at once. They all share PGlite's single session and
 * their queries run one at a time, but several services, a migration pool and a developer's psql
 * may each want one, and a refused connection is harder to understand than a queued query.
 */
const MAX_CONNECTIONS = 16;

/** The password in the URLs; PGlite accepts any. */
const LOCAL_PASSWORD = 'postgres';

export interface EmbeddedPostgresProps {
  /** Folder PGlite keeps the database in; created on first use. */
  readonly dataDir: string;
  /** Database name put in the URL (the cloud's), so logs read the same; PGlite serves one database whatever the name. */
  readonly databaseName: string;
  /** User name put in the URL (the cloud's app user); PGlite runs every session as its superuser. */
  readonly user: string;
  /** Port on 127.0.0.1. @default 0, a free port */
  readonly port?: number;
  /** What the port is for, in the error when it is taken. @default 'the embedded database' */
  readonly owner?: string;
}

export interface EmbeddedPostgres {
  /** postgres://user:password@127.0.0.1:port/name?sslmode=disable */
  readonly url: string;
  readonly port: number;
  /** Closes the listener, then the database, writing everything to disk. */
  stop(): Promise<void>;
}

/** Whether the folder already holds a PGlite database (opening one is much faster than creating it). */
export function hasDatabase(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'PG_VERSION'));
}

/**
 * PostgreSQL compiled to WebAssembly (PGlite), running in this process and speaking the wire
 * protocol on a loopback port through `@electric-sql/pglite-socket`, so services connect with
 * their ordinary driver. Data lives in `dataDir` and survives restarts.
 */
export async function startEmbeddedPostgres(props: EmbeddedPostgresProps): Promise<EmbeddedPostgres> {
  mkdirSync(props.dataDir, { recursive: true });
  // Loaded on demand: the WebAssembly module is large and only `slipway dev` needs it.
  const [{ PGlite }, { PGLiteSocketServer }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite-socket'),
  ]);
  const db = await PGlite.create({ dataDir: props.dataDir });
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: props.port ?? 0,
    maxConnections: MAX_CONNECTIONS,
  });
  resetSessionOnFirstConnection(server, db);
  try {
    await server.start();
  } catch (error) {
    await db.close().catch(() => undefined);
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new PortInUseError(
        props.port ?? 0,
        props.owner ?? 'the embedded database',
        'stop whatever listens there, or let Slipway pick a free port',
      );
    }
    throw new DevError(
      `the embedded database could not listen on 127.0.0.1:${props.port ?? 0} (${(error as Error).message})`,
      'check that loopback networking works on this machine, or pass --database-url to use a PostgreSQL server instead',
    );
  }
  const port = Number(server.getServerConn().split(':').at(-1));
  const user = encodeURIComponent(props.user);
  const name = encodeURIComponent(props.databaseName);
  let stopping: Promise<void> | undefined;
  return {
    url: `postgres://${user}:${LOCAL_PASSWORD}@127.0.0.1:${port}/${name}?sslmode=disable`,
    port,
    stop: () => {
      stopping ??= server.stop().then(() => db.close());
      return stopping;
    },
  };
}

/**
 * Every connection shares PGlite's one session, so whatever a client left behind (named prepared
 * statements, `SET statement_timeout = 0` from a migration, advisory locks) would meet the next
 * one. node-postgres remembers which statements it prepared per connection: after its pool
 * replaces an idle connection, the new one would fail with "prepared statement already exists".
 * When a client connects and nobody else is, the session is returned to a fresh state first. The
 * reset is queued as the connection is accepted, so it runs before the client's first query, which
 * can only follow the server's answer to its startup message.
 */
function resetSessionOnFirstConnection(server: PGLiteSocketServer, db: PGlite): void {
  server.addEventListener('connection', () => {
    if (server.getStats().activeConnections !== 1 || db.isInTransaction()) return;
    db.exec('DISCARD ALL').catch(() => undefined);
  });
}
