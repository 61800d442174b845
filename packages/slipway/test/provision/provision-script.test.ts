import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer } from '../../../../apps/api/test/helpers/spawn-server.js';
import {
  PROVISION_COMMAND,
  PROVISION_SQL,
  type ProvisionAction,
  provisionVariables,
} from '../../src/provision/provision-script.js';

const run = promisify(execFile);
const CLUSTER_SCRIPT = fileURLToPath(
  new URL('../../../../scripts/postgres/temp-cluster.sh', import.meta.url),
);

/** Names are cluster-wide; a suffix keeps runs on a shared TEST_DATABASE_URL server apart. */
const id = randomBytes(3).toString('hex');
const MASTER = `master_${id}`;
const MASTER_PASSWORD = randomBytes(12).toString('hex');

interface Server {
  readonly host: string;
  readonly port: string;
  /** Whether the server speaks TLS, so the script can run with PGSSLMODE=require as on RDS. */
  readonly tls: boolean;
  admin(sql: string, values?: unknown[]): Promise<pg.QueryResult>;
  stop(): Promise<void>;
}

interface ScriptRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * TEST_DATABASE_URL when given (its user needs CREATEDB and CREATEROLE), else a private cluster
 * with TLS, like RDS with rds.force_ssl.
 */
async function startServer(): Promise<Server> {
  const given = process.env.TEST_DATABASE_URL?.trim();
  let url: string;
  let stop = async (): Promise<void> => undefined;
  if (given) {
    url = given;
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'slipway-provision-pg-'));
    const env = { ...process.env, PG_FAST: '1', PG_SSL: '1' };
    url = (await run('bash', [CLUSTER_SCRIPT, 'start', dir], { env })).stdout.trim();
    stop = async () => {
      await run('bash', [CLUSTER_SCRIPT, 'stop', dir]);
    };
  }
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: parsed.port || '5432',
    tls: !given,
    admin: async (sql, values = []) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return await client.query(sql, values);
      } finally {
        await client.end();
      }
    },
    stop,
  };
}

describe('PROVISION_SQL run as the task runs it', () => {
  let server: Server;
  const databases: string[] = [];
  const roles: string[] = [MASTER];

  /** Spawns PROVISION_COMMAND as the master, with the task's environment and these overrides. */
  function runScript(variables: Record<string, string>): Promise<ScriptRun> {
    const [command, ...args] = PROVISION_COMMAND;
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      PGHOST: server.host,
      PGPORT: server.port,
      PGUSER: MASTER,
      PGPASSWORD: MASTER_PASSWORD,
      PGDATABASE: 'postgres',
      PGSSLMODE: server.tls ? 'require' : 'prefer',
      SLIPWAY_PROVISION_SQL: PROVISION_SQL,
      ...variables,
    };
    return new Promise((resolve, reject) => {
      const child = spawn(command!, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  function provision(action: ProvisionAction, database: string, role: string): Promise<ScriptRun> {
    if (!databases.includes(database)) databases.push(database);
    if (!roles.includes(role)) roles.push(role);
    return runScript(provisionVariables(action, database, role));
  }

  /** Gives a service role a password, which only a test needs: on RDS it signs in with IAM. */
  async function withPassword(role: string): Promise<string> {
    const password = randomBytes(12).toString('hex');
    await server.admin(`ALTER ROLE ${role} PASSWORD '${password}'`);
    return password;
  }

  async function connectAs(role: string, password: string, database: string): Promise<pg.Client> {
    const client = new pg.Client({
      host: server.host,
      port: Number(server.port),
      user: role,
      password,
      database,
    });
    await client.connect();
    return client;
  }

  async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
    return (await server.admin(sql, values)).rows as T[];
  }

  async function exists(kind: 'database' | 'role', name: string): Promise<boolean> {
    const sql =
      kind === 'database'
        ? 'SELECT 1 FROM pg_database WHERE datname = $1'
        : 'SELECT 1 FROM pg_roles WHERE rolname = $1';
    return (await query(sql, [name])).length === 1;
  }

  beforeAll(async () => {
    server = await startServer();
    // RDS as CloudFormation leaves it: a NOLOGIN rds_iam, and a master that is no superuser but
    // may create databases and roles and end other connections (rds_superuser holds pg_signal_backend).
    await server.admin(
      "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rds_iam') THEN CREATE ROLE rds_iam NOLOGIN; END IF; END $$",
    );
    await server.admin(`CREATE ROLE ${MASTER} LOGIN CREATEDB CREATEROLE PASSWORD '${MASTER_PASSWORD}'`);
    await server.admin(`GRANT pg_signal_backend TO ${MASTER}`);
    const [version] = await query<{ server_version_num: string }>('SHOW server_version_num');
    if (Number(version!.server_version_num) >= 160000) {
      // PostgreSQL 16 lets only holders of ADMIN OPTION grant a role; RDS gives the master that on rds_iam.
      await server.admin(`GRANT rds_iam TO ${MASTER} WITH ADMIN OPTION, INHERIT FALSE, SET FALSE`);
    }
  });

  afterAll(async () => {
    if (!server) return;
    for (const database of databases) {
      await server.admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    }
    for (const role of roles.reverse()) {
      await server.admin(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
    }
    await server.stop();
  });

  it('ensure on the existing app database: a least-privilege IAM role that can migrate its own database only', async () => {
    const app = `shop_${id}`;
    const ledger = `ledger_${id}`;
    await server.admin(`CREATE DATABASE ${app} OWNER ${MASTER}`);

    const result = await provision('ensure', app, app);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`created role ${app}`);
    expect(result.stdout).toContain(`database ${app} already exists`);

    const [role] = await query(
      `SELECT rolcanlogin, rolsuper, rolcreatedb, rolcreaterole, pg_has_role($1, 'rds_iam', 'MEMBER') AS iam,
              pg_has_role($2, 'rds_iam', 'USAGE') AS master_iam, pg_has_role($2, $1, 'USAGE') AS master_acts
       FROM pg_roles WHERE rolname = $1`,
      [app, MASTER],
    );
    // The master holding rds_iam, even through the app role, would lose its password sign-in on RDS.
    expect(role).toEqual({
      rolcanlogin: true,
      rolsuper: false,
      rolcreatedb: false,
      rolcreaterole: false,
      iam: true,
      master_iam: false,
      master_acts: false,
    });

    const password = await withPassword(app);
    const service = await connectAs(app, password, app);
    try {
      await service.query('CREATE TABLE items (id int PRIMARY KEY)');
      await service.query('INSERT INTO items VALUES (1)');
      await expect(service.query('CREATE DATABASE escape_attempt')).rejects.toThrow(/permission denied/);
      await expect(service.query('CREATE ROLE escape_attempt')).rejects.toThrow(/permission denied/);
    } finally {
      await service.end();
    }

    // Another service's database, provisioned the same way, stays closed to this role.
    expect((await provision('ensure', ledger, ledger)).code).toBe(0);
    await expect(connectAs(app, password, ledger)).rejects.toThrow(/permission denied for database/);
  });

  it('lets the sample service migrate and serve, signed in as the role ensure made and nothing more', async () => {
    const app = `items_${id}`;
    await server.admin(`CREATE DATABASE ${app} OWNER ${MASTER}`);
    expect((await provision('ensure', app, app)).code).toBe(0);
    const password = await withPassword(app);

    const api = spawnServer({
      DATABASE_URL: `postgres://${app}:${password}@${server.host}:${server.port}/${app}?sslmode=${server.tls ? 'require' : 'disable'}`,
      SHUTDOWN_DELAY_MS: '0',
    });
    try {
      const url = await api.url();
      const created = await fetch(`${url}/items`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'least privilege', quantity: 1 }),
      });
      expect(created.status).toBe(201);
      const listed = (await (await fetch(`${url}/items`)).json()) as { name: string }[];
      expect(listed.map((i) => i.name)).toEqual(['least privilege']);
    } finally {
      api.child.kill('SIGTERM');
      await api.exited;
    }
    // The service's migrations made its tables, owned by its own role.
    const owners = await connectAs(MASTER, MASTER_PASSWORD, app).then(async (client) => {
      try {
        return (
          await client.query<{ tablename: string; tableowner: string }>(
            "SELECT tablename, tableowner FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
          )
        ).rows;
      } finally {
        await client.end();
      }
    });
    expect(owners).toEqual([
      { tablename: 'items', tableowner: app },
      { tablename: 'schema_migrations', tableowner: app },
    ]);
  });

  it('ensure for a preview creates its database and role, and a second run changes nothing', async () => {
    const preview = `shop_${id}_pr_7`;
    expect(await exists('database', preview)).toBe(false);
    expect(await exists('role', preview)).toBe(false);

    const first = await provision('ensure', preview, preview);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`created role ${preview}`);
    expect(first.stdout).toContain(`created database ${preview}`);
    const [database] = await query(
      `SELECT pg_get_userbyid(datdba) AS owner, pg_has_role($2, 'rds_iam', 'MEMBER') AS iam
       FROM pg_database WHERE datname = $1`,
      [preview, preview],
    );
    expect(database).toEqual({ owner: MASTER, iam: true });

    const second = await provision('ensure', preview, preview);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`role ${preview} already exists`);
    expect(second.stdout).toContain(`database ${preview} already exists`);
    expect(second.stdout).not.toMatch(/^(created|granted|revoked)/m);
  });

  it('ensure takes back what an existing role should not have, and refuses what it cannot', async () => {
    const legacy = `legacy_${id}`;
    const bypass = `bypass_${id}`;
    roles.push(legacy, bypass);
    await server.admin(`CREATE ROLE ${legacy} NOLOGIN CREATEDB CREATEROLE`);
    await server.admin(`CREATE ROLE ${bypass} LOGIN BYPASSRLS`);

    const result = await provision('ensure', legacy, legacy);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`role ${legacy} already exists: reset to LOGIN`);
    const [role] = await query(
      'SELECT rolcanlogin, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = $1',
      [legacy],
    );
    expect(role).toEqual({ rolcanlogin: true, rolcreatedb: false, rolcreaterole: false });

    const refused = await provision('ensure', bypass, bypass);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('only a superuser can take away');
    expect(await exists('database', bypass)).toBe(false);
  });

  it("keeps previews apart: preview A's role cannot connect to preview B's database", async () => {
    const a = `shop_${id}_pr_1`;
    const b = `shop_${id}_pr_2`;
    expect((await provision('ensure', a, a)).code).toBe(0);
    expect((await provision('ensure', b, b)).code).toBe(0);

    const password = await withPassword(a);
    const own = await connectAs(a, password, a);
    await own.end();
    await expect(connectAs(a, password, b)).rejects.toThrow(/permission denied for database/);
  });

  it('drop removes a preview with a connection still open, twice without error, and refuses anything else', async () => {
    const preview = `shop_${id}_pr_9`;
    expect((await provision('ensure', preview, preview)).code).toBe(0);
    const open = await connectAs(preview, await withPassword(preview), preview);
    open.on('error', () => undefined); // the drop ends this connection on purpose

    const dropped = await provision('drop', preview, preview);
    expect(dropped.stderr).toBe('');
    expect(dropped.code).toBe(0);
    expect(dropped.stdout).toContain(`dropped database ${preview}`);
    expect(dropped.stdout).toContain(`dropped role ${preview}`);
    expect(await exists('database', preview)).toBe(false);
    expect(await exists('role', preview)).toBe(false);
    await open.end().catch(() => undefined);

    const again = await provision('drop', preview, preview);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`database ${preview} does not exist`);

    const kept = `orders_${id}`;
    const keptPreview = `orders_${id}_pr_3`;
    expect((await provision('ensure', kept, kept)).code).toBe(0);
    for (const [database, role] of [
      [kept, kept],
      [keptPreview, kept],
      [kept, keptPreview],
    ] as const) {
      const refused = await provision('drop', database, role);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('drop removes previews only');
      expect(refused.stdout).not.toContain('dropped');
    }
    expect(await exists('database', kept)).toBe(true);
    expect(await exists('role', kept)).toBe(true);
  });

  it('the script itself refuses a missing action or an unchecked name before changing anything', async () => {
    const name = `unchecked_${id}`;
    const missing = await runScript({ SLIPWAY_DATABASE: name, SLIPWAY_ROLE: name });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("SLIPWAY_ACTION is ''");

    const injected = await runScript({
      SLIPWAY_ACTION: 'ensure',
      SLIPWAY_DATABASE: name,
      SLIPWAY_ROLE: `${name}"; DROP ROLE ${MASTER}; --`,
    });
    expect(injected.code).not.toBe(0);
    expect(injected.stderr).toContain('SLIPWAY_ROLE is');
    expect(await exists('database', name)).toBe(false);
    expect(await exists('role', MASTER)).toBe(true);

    const reserved = await runScript(provisionVariables('ensure', name, 'rds_superuser'));
    expect(reserved.code).not.toBe(0);
    expect(reserved.stderr).toContain("SLIPWAY_ROLE is 'rds_superuser', a name PostgreSQL or RDS reserves");

    const asMaster = await runScript(provisionVariables('ensure', name, MASTER));
    expect(asMaster.code).not.toBe(0);
    expect(asMaster.stderr).toContain('the master user this task signs in as');
    expect(await exists('database', name)).toBe(false);
  });
});

describe('provisionVariables', () => {
  it('returns the three overrides for valid names', () => {
    expect(provisionVariables('drop', 'shop_pr_4', 'shop_pr_4')).toEqual({
      SLIPWAY_ACTION: 'drop',
      SLIPWAY_DATABASE: 'shop_pr_4',
      SLIPWAY_ROLE: 'shop_pr_4',
    });
  });

  it.each([
    ['database', 'bad-name', /database is "bad-name".*e\.g\. 'bad_name'/],
    ['role', 'Upper', /role is "Upper".*e\.g\. 'upper'/],
    ['database', 'x";drop', /database is "x\\";drop"/],
    ['role', 'a'.repeat(64), /role is "a{64}".*at most 63 bytes/],
  ] as const)('rejects %s %j, naming the argument, the rule and a fix', (argument, value, message) => {
    const call = () =>
      argument === 'database'
        ? provisionVariables('ensure', value, 'ok')
        : provisionVariables('ensure', 'ok', value);
    expect(call).toThrow(message);
    expect(call).toThrow(/\^\[a-z_\]\[a-z0-9_\]\{0,62\}\$.*Fix: /);
  });

  it('rejects an action other than ensure or drop', () => {
    expect(() => provisionVariables('nuke' as ProvisionAction, 'ok', 'ok')).toThrow(/action is 'nuke'/);
  });
});
