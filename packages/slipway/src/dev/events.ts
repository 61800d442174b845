/**
 * What a local run reports as it goes. The runner emits plain events and a reporter decides how
 * to show them (the terminal, or `slipway up` around its own output), so the runner never prints.
 */

/** A service running locally, once it answers its health path. */
export interface DevServiceInfo {
  readonly name: string;
  /** Where it answers, e.g. `http://localhost:3000`. */
  readonly url: string;
  readonly port: number;
}

/** A database the services use locally. */
export interface DevDatabaseInfo {
  /** The declared database name (`main`). */
  readonly name: string;
  /** The URL the services get as DATABASE_URL (password hidden for a `--database-url` server). */
  readonly url: string;
  /** True for the embedded PGlite, false for a server given with `--database-url`. */
  readonly embedded: boolean;
  /** Where the embedded database keeps its files. */
  readonly dataDir?: string;
}

export type DevEvent =
  | {
      readonly kind: 'starting';
      readonly app: string;
      readonly environment: string;
      /** Names of the services that will run, in config order (for aligned log prefixes). */
      readonly services: readonly string[];
    }
  | { readonly kind: 'skipped'; readonly service: string; readonly reason: string }
  | { readonly kind: 'warning'; readonly message: string }
  | {
      readonly kind: 'database-starting';
      readonly database: string;
      readonly dataDir: string;
      /** First run in this folder: PGlite creates the cluster, which takes longer. */
      readonly creating: boolean;
    }
  | { readonly kind: 'database-ready'; readonly database: DevDatabaseInfo; readonly seconds: number }
  | {
      readonly kind: 'service-starting';
      readonly service: string;
      readonly command: string;
      readonly cwd: string;
      readonly port: number;
      /** Names (never values) of the variables Slipway sets for it. */
      readonly variables: readonly string[];
    }
  | {
      readonly kind: 'log';
      readonly service: string;
      readonly stream: 'stdout' | 'stderr';
      readonly line: string;
    }
  | { readonly kind: 'service-ready'; readonly service: DevServiceInfo; readonly seconds: number }
  | {
      readonly kind: 'ready';
      readonly services: readonly DevServiceInfo[];
      readonly databases: readonly DevDatabaseInfo[];
    }
  | {
      readonly kind: 'service-exited';
      readonly service: string;
      readonly code: number | null;
      readonly signal: string | null;
    }
  | { readonly kind: 'stopping'; readonly reason: string; readonly services: readonly string[] }
  | {
      readonly kind: 'service-stopped';
      readonly service: string;
      readonly seconds: number;
      /** It did not exit within its stop timeout and was killed. */
      readonly killed: boolean;
      readonly code: number | null;
    }
  | { readonly kind: 'database-stopped'; readonly database: string }
  | { readonly kind: 'stopped'; readonly seconds: number };

export type DevReporter = (event: DevEvent) => void;
