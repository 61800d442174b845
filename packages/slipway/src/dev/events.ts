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

/** A DynamoDB table on the local emulator. */
export interface DevTableInfo {
  /** The declared table name (`orders`). */
  readonly name: string;
  /** Its physical name, which the services get as `TABLE_<NAME>`. */
  readonly tableName: string;
  /** Made by this run; false when it was already there (deployed by `slipway up`, or an earlier run). */
  readonly created: boolean;
  /** The emulator's endpoint the services' DynamoDB calls go to. */
  readonly endpoint: string;
}

/** A function a table's stream or a declared queue calls locally. */
export interface DevFunctionInfo {
  readonly name: string;
  /** The declared table whose stream feeds it; absent for a queue-fed function. */
  readonly table?: string;
  /** The declared queue it reads; absent for a stream-fed function. */
  readonly queue?: string;
}

/** A span a local service exported, shown by `slipway dev --print-spans`. */
export interface DevSpan {
  /** The exporting service's `service.name` (Slipway sets it to the service's name). */
  readonly service: string;
  readonly name: string;
  readonly traceId: string;
  readonly spanId: string;
  /** Absent on a trace's root span. */
  readonly parentSpanId?: string;
  readonly durationMs: number;
  /** The span's status is ERROR. */
  readonly error: boolean;
  /** `http.response.status_code`, on HTTP spans. */
  readonly statusCode?: number;
}

export type DevEvent =
  | {
      readonly kind: 'starting';
      readonly app: string;
      readonly environment: string;
      /** Names of the services that will run, in config order (for aligned log prefixes). */
      readonly services: readonly string[];
      /** Names of the functions that may run, for the same alignment. @default [] */
      readonly functions?: readonly string[];
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
  /** The emulator that holds the tables: started for this run, or one already running. */
  | { readonly kind: 'emulator'; readonly endpoint: string; readonly started: boolean }
  | { readonly kind: 'table-ready'; readonly table: DevTableInfo }
  /** A declared queue is on the emulator, made now or already there. */
  | {
      readonly kind: 'queue-ready';
      readonly queue: {
        readonly name: string;
        readonly queueName: string;
        readonly url: string;
        readonly created: boolean;
      };
    }
  | { readonly kind: 'function-skipped'; readonly function: string; readonly reason: string }
  /** A function's stream source started reading. */
  | { readonly kind: 'function-watching'; readonly function: DevFunctionInfo }
  | {
      readonly kind: 'function-called';
      readonly function: string;
      /** Records in the batch it was given. */
      readonly records: number;
      /** Records to be given again: all on an error, from the first reported one on a partial failure. */
      readonly failed: number;
      /** 1 for the first call with these records, 2 for the first retry… */
      readonly attempt: number;
      readonly seconds: number;
      /** Why the call failed as a whole (threw, crashed, timed out). */
      readonly error?: string;
    }
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
  /** Where the services send traces: the receiver printing them, or the developer's collector. */
  | { readonly kind: 'telemetry'; readonly endpoint: string; readonly printing: boolean }
  | { readonly kind: 'span'; readonly span: DevSpan }
  | {
      readonly kind: 'ready';
      readonly services: readonly DevServiceInfo[];
      readonly databases: readonly DevDatabaseInfo[];
      /** @default [] */
      readonly tables?: readonly DevTableInfo[];
      /** @default [] */
      readonly functions?: readonly DevFunctionInfo[];
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
  /** The emulator this run started was stopped (one it found running is left alone). */
  | { readonly kind: 'emulator-stopped' }
  | { readonly kind: 'stopped'; readonly seconds: number };

export type DevReporter = (event: DevEvent) => void;
