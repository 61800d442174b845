import { PREVIEW_NAME_MARKER } from '../naming/preview-names.js';

/**
 * The script a one-off ECS task runs to give a service its database and login role (SECURITY.md
 * 29b): the official `postgres` image's psql, signed in as the RDS master user, reads the script
 * from `SLIPWAY_PROVISION_SQL` and what to do from `SLIPWAY_ACTION`, `SLIPWAY_DATABASE` and
 * `SLIPWAY_ROLE`. No Lambda, and no password for the service: its role signs in with IAM.
 */

/** Lower case only, so `%I` never quotes it, and at most PostgreSQL's 63 bytes, so nothing is cut. */
const NAME_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

const PREVIEW_PATTERN = `^.+${PREVIEW_NAME_MARKER}.+$`;

/** The least-privilege attributes a service role is created with. */
const ROLE_ATTRIBUTES = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS';

/**
 * What ensure resets on an existing role: the rest are superuser-only attributes, which
 * PostgreSQL will not let the master touch even to turn them off, so ensure refuses such a role.
 */
const RESET_ATTRIBUTES = 'LOGIN NOCREATEDB NOCREATEROLE';

/**
 * The psql script (psql 15+ for `\getenv`). `ensure` is idempotent and runs on every deploy:
 * the role (LOGIN, no password, member of `rds_iam` on RDS), the database (owned by the master),
 * CONNECT and TEMPORARY for the role only, then USAGE and CREATE on its `public` schema, since the
 * service runs its own migrations. `drop` removes a preview's database, even with connections open,
 * and its role; it refuses names without {@link PREVIEW_NAME_MARKER}. Each step prints one
 * line, so the task's log says what changed and what was already there.
 *
 * The master is never granted the service role: on RDS a role that holds `rds_iam`, even through
 * an inherited membership, may only sign in with an IAM token, so the master (and this task) would
 * lock itself out. Nothing here needs it: PostgreSQL 16 gives a role's creator ADMIN OPTION,
 * enough to alter and drop it, and `WITH (FORCE)` ends the role's connections through
 * `pg_signal_backend`, which RDS's `rds_superuser` holds. The role keeps the default INHERIT:
 * `rds_iam` carries no privileges, so NOINHERIT would take nothing away.
 */
export const PROVISION_SQL = String.raw`-- Slipway: ensure or drop a service's database and login role, as the RDS master user.
\set ON_ERROR_STOP on
\set QUIET on
\set SHOW_CONTEXT never
\getenv action SLIPWAY_ACTION
\getenv database SLIPWAY_DATABASE
\getenv role SLIPWAY_ROLE
-- An unset variable would reach the checks as literal text; empty, it fails them by name.
\if :{?action}
\else
  \set action ''
\endif
\if :{?database}
\else
  \set database ''
\endif
\if :{?role}
\else
  \set role ''
\endif
SET client_min_messages = warning;

-- Every input is checked before anything changes; the first failed check stops the run.
SELECT failure.problem, failure.fix
FROM (SELECT 1) AS one
LEFT JOIN LATERAL (
  SELECT problem, fix
  FROM (VALUES
    (1, :'action' NOT IN ('ensure', 'drop'),
      format('SLIPWAY_ACTION is %L; it must be ensure or drop', :'action'),
      'Run the task with SLIPWAY_ACTION=ensure or SLIPWAY_ACTION=drop.'),
    (2, :'database' !~ '${NAME_PATTERN.source}',
      format('SLIPWAY_DATABASE is %L; it must match ${NAME_PATTERN.source} (lower case, at most 63 bytes)', :'database'),
      'Pass a database name that provisionVariables() accepts.'),
    (3, :'role' !~ '${NAME_PATTERN.source}',
      format('SLIPWAY_ROLE is %L; it must match ${NAME_PATTERN.source} (lower case, at most 63 bytes)', :'role'),
      'Pass a role name that provisionVariables() accepts.'),
    (4, :'database' IN ('postgres', 'template0', 'template1', 'rdsadmin'),
      format('SLIPWAY_DATABASE is %L, a system database', :'database'),
      'Name the service''s own database.'),
    (5, :'role' = current_user,
      format('SLIPWAY_ROLE is %L, the master user this task signs in as', :'role'),
      'Give the service a login role of its own.'),
    (6, :'role' ~ '^(pg_|rds_)' OR :'role' IN ('rdsadmin', 'rdsrepladmin', 'rdstopmgr'),
      format('SLIPWAY_ROLE is %L, a name PostgreSQL or RDS reserves (pg_*, rds_*, rdsadmin)', :'role'),
      'Give the service a login role of its own.'),
    (7, EXISTS (SELECT FROM pg_roles WHERE rolname = :'role' AND (rolsuper OR rolreplication OR rolbypassrls)),
      format('SLIPWAY_ROLE %L exists with SUPERUSER, REPLICATION or BYPASSRLS, which only a superuser can take away', :'role'),
      'Give the service a role of its own, or have a superuser remove those attributes.'),
    (8, :'action' = 'drop' AND NOT (:'database' ~ '${PREVIEW_PATTERN}' AND :'role' ~ '${PREVIEW_PATTERN}'),
      format('SLIPWAY_DATABASE %L and SLIPWAY_ROLE %L are not both preview names (<name>${PREVIEW_NAME_MARKER}<branch>), and drop removes previews only', :'database', :'role'),
      'Check the names: other databases go away with their environment, never through this task.')
  ) AS checks(rank, failed, problem, fix)
  WHERE failed
  ORDER BY rank
  LIMIT 1
) AS failure ON true
\gset
\if :{?problem}
  SELECT format('DO %L', format('BEGIN RAISE EXCEPTION USING MESSAGE = %L, HINT = %L; END', :'problem', :'fix'))
  \gexec
\endif

\echo 'slipway provision:' :action 'database' :database 'for role' :role 'as' :USER
SELECT :'action' = 'ensure' AS ensuring,
  EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') AS role_exists,
  EXISTS (SELECT FROM pg_database WHERE datname = :'database') AS database_exists,
  EXISTS (SELECT FROM pg_roles WHERE rolname = 'rds_iam') AS on_rds
\gset

\if :ensuring
  \if :role_exists
    SELECT NOT rolcanlogin OR rolcreatedb OR rolcreaterole AS role_drifted
    FROM pg_roles WHERE rolname = :'role'
    \gset
    \if :role_drifted
      SELECT format('ALTER ROLE %I WITH ${RESET_ATTRIBUTES}', :'role')
      \gexec
      \echo 'role' :role 'already exists: reset to ${RESET_ATTRIBUTES}'
    \else
      \echo 'role' :role 'already exists'
    \endif
  \else
    SELECT format('CREATE ROLE %I WITH ${ROLE_ATTRIBUTES}', :'role')
    \gexec
    \echo 'created role' :role '(LOGIN, no password)'
  \endif

  \if :on_rds
    SELECT EXISTS (
      SELECT FROM pg_auth_members AS m
      JOIN pg_roles AS g ON g.oid = m.roleid
      JOIN pg_roles AS u ON u.oid = m.member
      WHERE g.rolname = 'rds_iam' AND u.rolname = :'role'
    ) AS iam_member
    \gset
    \if :iam_member
      \echo 'role' :role 'is already a member of rds_iam'
    \else
      SELECT format('GRANT rds_iam TO %I', :'role')
      \gexec
      \echo 'granted rds_iam to' :role
    \endif
  \else
    \echo 'no rds_iam role (not RDS): no IAM database authentication for' :role
  \endif

  \if :database_exists
    \echo 'database' :database 'already exists'
  \else
    SELECT format('CREATE DATABASE %I', :'database')
    \gexec
    \echo 'created database' :database 'owned by' :USER
  \endif

  -- A NULL ACL means the defaults, which let PUBLIC connect: acldefault spells them out.
  SELECT
    EXISTS (SELECT FROM aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) AS a WHERE a.grantee = 0)
      AS public_access,
    (SELECT count(DISTINCT a.privilege_type) = 2
      FROM aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) AS a
      WHERE a.grantee = r.oid AND a.privilege_type IN ('CONNECT', 'TEMPORARY')) AS role_access
  FROM pg_database AS d, pg_roles AS r
  WHERE d.datname = :'database' AND r.rolname = :'role'
  \gset
  \if :public_access
    SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'database')
    \gexec
    \echo 'revoked PUBLIC access to database' :database
  \else
    \echo 'database' :database 'already has no PUBLIC access'
  \endif
  \if :role_access
    \echo 'role' :role 'can already connect to database' :database
  \else
    SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', :'database', :'role')
    \gexec
    \echo 'granted CONNECT, TEMPORARY on database' :database 'to' :role
  \endif

  \connect :database
  SET client_min_messages = warning;
  SELECT count(DISTINCT a.privilege_type) = 2 AS schema_access
  FROM pg_namespace AS n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) AS a
  WHERE n.nspname = 'public' AND a.grantee = (SELECT oid FROM pg_roles WHERE rolname = :'role')
    AND a.privilege_type IN ('USAGE', 'CREATE')
  \gset
  \if :schema_access
    \echo 'role' :role 'can already use and create in schema public of' :database
  \else
    SELECT format('GRANT USAGE, CREATE ON SCHEMA public TO %I', :'role')
    \gexec
    \echo 'granted USAGE, CREATE on schema public of' :database 'to' :role
  \endif
\else
  \if :database_exists
    SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', :'database')
    \gexec
    \echo 'dropped database' :database
  \else
    \echo 'database' :database 'does not exist'
  \endif
  \if :role_exists
    SELECT format('DROP ROLE IF EXISTS %I', :'role')
    \gexec
    \echo 'dropped role' :role
  \else
    \echo 'role' :role 'does not exist'
  \endif
\endif
`;

/**
 * The task's container command: the script travels in `SLIPWAY_PROVISION_SQL` and reaches psql on
 * stdin, so the image needs no file of ours. The connection comes from the task's PG* variables.
 */
export const PROVISION_COMMAND: readonly string[] = [
  'sh',
  '-c',
  'printf "%s" "$SLIPWAY_PROVISION_SQL" | psql --no-psqlrc --set=ON_ERROR_STOP=1 --file=-',
];

export type ProvisionAction = 'ensure' | 'drop';

/**
 * The container overrides for one run. Names are checked here, where a caller can still fix them;
 * the script checks them again, and refuses to drop anything that is not a preview.
 */
export function provisionVariables(
  action: ProvisionAction,
  database: string,
  role: string,
): Record<string, string> {
  if (action !== 'ensure' && action !== 'drop') {
    throw new Error(
      `provisionVariables: action is '${String(action)}'; it must be 'ensure' or 'drop'. ` +
        "Fix: pass 'ensure' to create or update, 'drop' to remove a preview.",
    );
  }
  checkName('database', database);
  checkName('role', role);
  return { SLIPWAY_ACTION: action, SLIPWAY_DATABASE: database, SLIPWAY_ROLE: role };
}

function checkName(argument: 'database' | 'role', value: string): void {
  if (NAME_PATTERN.test(value)) return;
  const suggestion = suggestName(value);
  throw new Error(
    `provisionVariables: ${argument} is ${JSON.stringify(value)}, which does not match ${NAME_PATTERN.source} ` +
      '(a lower-case letter or _, then lower-case letters, digits or _, at most 63 bytes). ' +
      `Fix: derive the ${argument} name with lower case and _ only` +
      (suggestion ? `, e.g. '${suggestion}'.` : '.'),
  );
}

/** The nearest valid name, to show in the error; undefined when nothing usable is left. */
function suggestName(value: string): string | undefined {
  const cleaned = value.toLowerCase().replace(/[^a-z0-9_]+/g, '_');
  const named = /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
  const cut = named.slice(0, 63);
  return /[a-z0-9]/.test(cut) && NAME_PATTERN.test(cut) ? cut : undefined;
}
