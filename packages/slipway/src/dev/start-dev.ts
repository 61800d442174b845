import { statSync } from 'node:fs';
import path from 'node:path';
import { startLocalCloud, stopLocalCloud } from '../local-cloud/launcher.js';
import { DEFAULT_STATE_DIR } from '../local-cloud/state-file.js';
import { queueVariable } from '../model/service-queues.js';
import { tableVariable } from '../model/service-tables.js';
import type { AppModel, DatabaseModel, EnvironmentModel } from '../model/types.js';
import { serviceDatabase } from '../stacks/runtime/ecs/container-settings.js';
import { consoleReporter } from './console-reporter.js';
import { lockDataDir } from './data-dir-lock.js';
import { DevCancelledError, DevError, ServiceStartError } from './dev-error.js';
import { displayPath } from './display-path.js';
import { type EmbeddedPostgres, hasDatabase, startEmbeddedPostgres } from './embedded-postgres.js';
import type {
  DevDatabaseInfo,
  DevFunctionInfo,
  DevReporter,
  DevServiceInfo,
  DevTableInfo,
} from './events.js';
import { checkDatabaseUrl, redactPassword } from './external-postgres.js';
import type { LocalAws } from './local-aws.js';
import { checkLocalFilters, type LocalFunctions, startLocalFunctions } from './local-functions.js';
import { readLocalSecrets } from './local-secrets.js';
import { chooseEnvironment, type LocalService, localServices } from './local-services.js';
import { missingSecretWarnings, serviceSecrets } from './missing-secrets.js';
import { assignPorts, DEFAULT_BASE_PORT } from './ports.js';
import {
  inheritedEnvironment,
  type LocalDatabase,
  localEnvironment,
  type LocalTelemetry,
} from './service-environment.js';
import { type LocalQueue, prepareLocalQueues } from './local-queues.js';
import { type LocalTable, prepareLocalTables } from './local-tables.js';
import { ServiceProcess } from './service-process.js';
import { startSpanReceiver } from './span-receiver.js';
import { waitForHealth } from './wait-for-health.js';

export interface DevOptions {
  /** Folder of the config file: `dev.cwd`, the `.slipway/` data folder and the secrets file are relative to it. */
  readonly configDir: string;
  /** Environment whose settings the services get. @default the first non-production environment */
  readonly environment?: string;
  /** A running PostgreSQL every service with a database uses. @default an embedded PGlite per declared database */
  readonly databaseUrl?: string;
  /** Port of the first service; the others follow in config order; 0 picks free ports. @default 3000 */
  readonly basePort?: number;
  /** Where the embedded databases keep their data, one folder each. @default `<configDir>/.slipway/dev/<env>` */
  readonly dataDir?: string;
  /** JSON file with local secret values. @default `<configDir>/.slipway/secrets.<env>.json` */
  readonly secretsFile?: string;
  /** Variables the services inherit and `SLIPWAY_SECRET_*` values come from. @default process.env */
  readonly processEnv?: NodeJS.ProcessEnv;
  /** Receives progress, service logs and warnings. @default printed to stdout (logs) and stderr (the rest) */
  readonly reporter?: DevReporter;
  /** Aborting it while services start stops what was started and rejects with DevCancelledError. @default none */
  readonly signal?: AbortSignal;
  /**
   * The emulator the environment was just deployed to (`slipway up`): its tables are used as the
   * deploy made them, never created. @default the emulator of `stateDir`, reused if running, else
   * started (and stopped at the end) when the environment has tables
   */
  readonly localCloud?: { readonly endpoint: string };
  /** The emulator's state folder, as `slipway local` uses it. @default '.slipway' */
  readonly stateDir?: string;
  /**
   * Receive the services' traces on a local OTLP endpoint and report each span (`--print-spans`).
   * Otherwise the services get OTEL_EXPORTER_OTLP_ENDPOINT from `processEnv` when it is set there.
   * @default false
   */
  readonly printSpans?: boolean;
}

/** How a local run ended. */
export type DevFinish =
  | { readonly reason: 'stopped' }
  | {
      readonly reason: 'service-exited';
      readonly service: string;
      readonly code: number | null;
      readonly signal: string | null;
    };

export interface StopOptions {
  /** Kill the services at once instead of letting them drain (a second Ctrl-C). @default false */
  readonly force?: boolean;
  /** Why, for the progress line. @default 'stop requested' */
  readonly reason?: string;
}

/** Services running locally, each answering its health path. */
export interface DevSession {
  readonly environment: string;
  readonly services: readonly DevServiceInfo[];
  readonly databases: readonly DevDatabaseInfo[];
  /** The environment's tables on the local emulator. */
  readonly tables: readonly DevTableInfo[];
  /** Functions a table's stream or a declared queue calls locally. */
  readonly functions: readonly DevFunctionInfo[];
  /** Resolves once everything has stopped: after `stop()`, or after a service exited on its own. */
  readonly finished: Promise<DevFinish>;
  /** SIGTERM to every service, a wait for each to drain (up to its stop timeout), then the databases close. */
  stop(options?: StopOptions): Promise<DevFinish>;
}

interface Running {
  readonly service: LocalService;
  readonly child: ServiceProcess;
  /** Folder the command runs in. */
  readonly cwd: string;
  readonly info: DevServiceInfo;
}

/**
 * Runs an environment's services on this machine with the variables they get in the cloud, against
 * an embedded PostgreSQL (or `databaseUrl`), and resolves once every one answers its health path.
 * Anything that fails on the way stops what was already started before the error is thrown.
 */
export async function startDev(model: AppModel, options: DevOptions): Promise<DevSession> {
  const report = options.reporter ?? consoleReporter();
  const configDir = path.resolve(options.configDir);
  const env = chooseEnvironment(model, options.environment);
  const { run, skipped } = localServices(env);
  checkLocalFilters(env);
  report({
    kind: 'starting',
    app: model.app,
    environment: env.name,
    services: run.map((s) => s.name),
    functions: (env.functions ?? []).map((f) => f.name),
  });
  for (const note of skipped) report({ kind: 'skipped', ...note });

  const folders = new Map(run.map((s) => [s.name, serviceFolder(configDir, s)]));
  const ports = await assignPorts(
    run.map((s) => ({ name: s.name, position: env.services.indexOf(s) })),
    options.basePort ?? DEFAULT_BASE_PORT,
  );
  const processEnv = options.processEnv ?? process.env;
  const secretsFile = path.resolve(
    options.secretsFile ?? path.join(configDir, '.slipway', `secrets.${env.name}.json`),
  );
  const secrets = readLocalSecrets({
    file: secretsFile,
    declared: env.secrets.map((s) => s.name),
    env: processEnv,
  });
  for (const message of [...secrets.warnings, ...missingSecretWarnings(run, secrets.values, secretsFile)]) {
    report({ kind: 'warning', message });
  }

  const cancelled = abortPromise(options.signal);
  const teardown = new Teardown();
  try {
    const aws = await connectEmulator(env, options, report, teardown);
    const tables = aws
      ? await prepareLocalTables(env.tables ?? [], aws, { deployed: options.localCloud !== undefined })
      : [];
    for (const table of tables) report({ kind: 'table-ready', table: tableInfo(table) });
    const queues = aws
      ? await prepareLocalQueues(env.queues ?? [], aws, { deployed: options.localCloud !== undefined })
      : [];
    for (const queue of queues) {
      report({
        kind: 'queue-ready',
        queue: { name: queue.name, queueName: queue.queueName, url: queue.url, created: queue.created },
      });
    }
    throwIfCancelled(options.signal);
    const locals = await startDatabases(env, run, options, configDir, report, teardown);
    throwIfCancelled(options.signal);
    const telemetry = await localTelemetry(options.printSpans === true, processEnv, report, teardown);
    const inherited = inheritedEnvironment(processEnv);
    const peers = run.map((s) => ({ name: s.name, port: s.port, localPort: ports.get(s.name) ?? 0 }));
    const running = run.map((service): Running => {
      const port = ports.get(service.name) ?? 0;
      const database = serviceDatabase(env, service, `services.${service.name}`);
      const used = serviceTableNames(service.tables, tables);
      const sendsTo = serviceQueueUrls(service.queues, queues);
      const variables = localEnvironment({
        service,
        ...(database ? { database, local: locals.get(database.name) } : {}),
        port,
        secrets: serviceSecrets(service, secrets.values),
        tables: used,
        queues: sendsTo,
        ...(aws && Object.keys(used).length + Object.keys(sendsTo).length > 0 ? { aws } : {}),
        peers: { app: model.app, services: peers.filter((p) => p.name !== service.name) },
        ...(telemetry ? { telemetry } : {}),
      });
      const cwd = folders.get(service.name) ?? configDir;
      report({
        kind: 'service-starting',
        service: service.name,
        command: service.dev.command,
        cwd,
        port,
        variables: Object.keys(variables).sort(),
      });
      const child = new ServiceProcess({
        command: service.dev.command,
        cwd,
        env: { ...inherited, ...variables },
        onLine: (stream, line) => report({ kind: 'log', service: service.name, stream, line }),
      });
      return { service, child, cwd, info: { name: service.name, url: `http://localhost:${port}`, port } };
    });
    teardown.services = running;
    await waitUntilReady(running, report, cancelled);
    // Functions start once the services answer, from the stream's start, so nothing written
    // while the services booted is missed.
    const functions = aws
      ? startLocalFunctions(env, tables, aws, inherited, report, queues)
      : skippedFunctions(env, inherited, report);
    teardown.functions = functions;
    const databases = [...locals.values()].map((l) => l.info);
    const tableInfos = tables.map(tableInfo);
    report({
      kind: 'ready',
      services: running.map((r) => r.info),
      databases,
      tables: tableInfos,
      functions: functions.functions,
    });
    return runningSession(
      env,
      running,
      { databases, tables: tableInfos, functions: functions.functions },
      report,
      teardown,
    );
  } catch (error) {
    await teardown.run(report, error instanceof DevCancelledError ? 'cancelled' : 'start failed');
    throw error;
  }
}

/** Everything started so far, stopped in reverse: services first (so they drain), then the databases. */
class Teardown {
  services: readonly Running[] = [];
  functions: LocalFunctions | undefined;
  /** The emulator this run started, to stop last; one found running is left alone. */
  emulatorStateDir: string | undefined;
  private readonly databases: { name: string; db: EmbeddedPostgres }[] = [];
  private readonly releases: (() => void)[] = [];
  private running: Promise<void> | undefined;

  addDatabase(name: string, db: EmbeddedPostgres): void {
    this.databases.push({ name, db });
  }

  addRelease(release: () => void): void {
    this.releases.push(release);
  }

  kill(): void {
    for (const r of this.services) r.child.kill();
  }

  run(report: DevReporter, reason: string): Promise<void> {
    this.running ??= this.stopAll(report, reason);
    return this.running;
  }

  private async stopAll(report: DevReporter, reason: string): Promise<void> {
    if (this.services.length === 0 && this.databases.length === 0 && this.emulatorStateDir === undefined) {
      // Nothing ran yet (a check failed first): there is nothing to report stopping.
      for (const release of this.releases.reverse()) release();
      return;
    }
    const started = Date.now();
    report({ kind: 'stopping', reason, services: this.services.map((r) => r.service.name) });
    // Stream sources first: a handler called now would find its services going.
    await this.functions?.stop();
    await Promise.all(
      this.services.map(async ({ service, child }) => {
        const begun = Date.now();
        const result = await child.stop(service.stopTimeoutSeconds * 1000);
        report({
          kind: 'service-stopped',
          service: service.name,
          seconds: (Date.now() - begun) / 1000,
          killed: result.killed,
          code: result.code,
        });
      }),
    );
    for (const { name, db } of this.databases.reverse()) {
      await db.stop();
      report({ kind: 'database-stopped', database: name });
    }
    for (const release of this.releases.reverse()) release();
    if (this.emulatorStateDir !== undefined) {
      await stopLocalCloud({ stateDir: this.emulatorStateDir });
      report({ kind: 'emulator-stopped' });
    }
    report({ kind: 'stopped', seconds: (Date.now() - started) / 1000 });
  }
}

/** A database the services reach, with what to print about it. */
interface StartedDatabase extends LocalDatabase {
  readonly info: DevDatabaseInfo;
}

/** One database per declared database the running services use: embedded, or the given URL. */
async function startDatabases(
  env: EnvironmentModel,
  run: readonly LocalService[],
  options: DevOptions,
  configDir: string,
  report: DevReporter,
  teardown: Teardown,
): Promise<Map<string, StartedDatabase>> {
  const used = new Map<string, DatabaseModel>();
  for (const service of run) {
    const database = serviceDatabase(env, service, `services.${service.name}`);
    if (database) used.set(database.name, database);
  }
  const started = new Map<string, StartedDatabase>();
  if (used.size === 0) return started;

  if (options.databaseUrl !== undefined) {
    await checkDatabaseUrl(options.databaseUrl);
    if (used.size > 1) {
      report({
        kind: 'warning',
        message: `--database-url serves all ${used.size} databases (${[...used.keys()].join(', ')}); in the cloud each is its own instance`,
      });
    }
    for (const database of used.values()) {
      const info = { name: database.name, url: redactPassword(options.databaseUrl), embedded: false };
      started.set(database.name, { url: options.databaseUrl, embedded: false, info });
      report({ kind: 'database-ready', database: info, seconds: 0 });
    }
    return started;
  }

  const root = path.resolve(options.dataDir ?? path.join(configDir, '.slipway', 'dev', env.name));
  teardown.addRelease(lockDataDir(root));
  for (const database of used.values()) {
    throwIfCancelled(options.signal);
    const dataDir = path.join(root, database.name);
    report({ kind: 'database-starting', database: database.name, dataDir, creating: !hasDatabase(dataDir) });
    const begun = Date.now();
    const db = await startEmbeddedPostgres({
      dataDir,
      databaseName: database.databaseName,
      user: database.appUsername,
    });
    teardown.addDatabase(database.name, db);
    const info = { name: database.name, url: db.url, embedded: true, dataDir };
    started.set(database.name, { url: db.url, embedded: true, info });
    report({ kind: 'database-ready', database: info, seconds: (Date.now() - begun) / 1000 });
  }
  return started;
}

/** Resolves once every service answers its health path; rejects when one exits or never answers. */
async function waitUntilReady(
  running: readonly Running[],
  report: DevReporter,
  cancelled: Promise<void>,
): Promise<void> {
  let settled = false;
  const exitedEarly = Promise.race(
    running.map(async ({ service, child, cwd }) => {
      const exit = await child.exited;
      if (settled) return new Promise<never>(() => undefined);
      const how = exit.code === null ? `was ended by ${exit.signal}` : `exited with code ${exit.code}`;
      throw new ServiceStartError(
        service.name,
        `${service.name} ${how} before it answered GET ${service.healthPath} (its output is above)`,
        `run \`${service.dev.command}\` in ${displayPath(cwd)} to see it fail on its own, or correct services.${service.name}.dev`,
        exit.code,
      );
    }),
  );
  const stopWaiting = Promise.race([exitedEarly.catch(() => undefined), cancelled]);
  const healthy = Promise.all(
    running.map(async ({ service, child, info }) => {
      const begun = Date.now();
      const outcome = await waitForHealth({
        url: `${info.url}${service.healthPath}`,
        timeoutMs: service.healthCheckGracePeriodSeconds * 1000,
        cancel: Promise.race([child.exited, stopWaiting]),
      });
      if (outcome.kind === 'ready') {
        report({ kind: 'service-ready', service: info, seconds: (Date.now() - begun) / 1000 });
      } else if (outcome.kind === 'timeout') {
        throw new ServiceStartError(
          service.name,
          `${service.name} did not answer GET ${info.url}${service.healthPath} within ${service.healthCheckGracePeriodSeconds} s (${outcome.last})`,
          `make sure it listens on the PORT variable (${info.port}) and serves ${service.healthPath} (services.${service.name}.healthPath); if it needs longer to boot, raise services.${service.name}.healthCheckGracePeriodSeconds`,
        );
      }
    }),
  );
  try {
    await Promise.race([
      healthy,
      exitedEarly,
      cancelled.then(() => {
        throw new DevCancelledError();
      }),
    ]);
  } finally {
    settled = true;
  }
}

function runningSession(
  env: EnvironmentModel,
  running: readonly Running[],
  local: Pick<DevSession, 'databases' | 'tables' | 'functions'>,
  report: DevReporter,
  teardown: Teardown,
): DevSession {
  let outcome: Promise<DevFinish> | undefined;
  let resolveFinished: (finish: DevFinish) => void = () => undefined;
  const finished = new Promise<DevFinish>((resolve) => {
    resolveFinished = resolve;
  });
  const finish = (result: DevFinish, reason: string): Promise<DevFinish> => {
    outcome ??= teardown.run(report, reason).then(() => {
      resolveFinished(result);
      return result;
    });
    return outcome;
  };
  for (const { service, child } of running) {
    void child.exited.then((exit) => {
      if (outcome !== undefined) return;
      report({ kind: 'service-exited', service: service.name, code: exit.code, signal: exit.signal });
      void finish(
        { reason: 'service-exited', service: service.name, code: exit.code, signal: exit.signal },
        `${service.name} exited`,
      );
    });
  }
  return {
    environment: env.name,
    services: running.map((r) => r.info),
    ...local,
    finished,
    stop: (options = {}) => {
      if (options.force) teardown.kill();
      return finish({ reason: 'stopped' }, options.reason ?? 'stop requested');
    },
  };
}

/**
 * The emulator the tables and queues live on, for an environment that has any: the one `slipway up` deployed
 * to, else the state folder's running one, else one started now and stopped with the run.
 */
async function connectEmulator(
  env: EnvironmentModel,
  options: DevOptions,
  report: DevReporter,
  teardown: Teardown,
): Promise<LocalAws | undefined> {
  if ((env.tables ?? []).length + (env.queues ?? []).length === 0) return undefined;
  if (options.localCloud !== undefined) {
    report({ kind: 'emulator', endpoint: options.localCloud.endpoint, started: false });
    return { endpoint: options.localCloud.endpoint, region: env.region };
  }
  const stateDir = options.stateDir ?? DEFAULT_STATE_DIR;
  const cloud = await startLocalCloud({
    stateDir,
    ...(options.processEnv ? { env: options.processEnv } : {}),
  });
  if (cloud.started) teardown.emulatorStateDir = stateDir;
  report({ kind: 'emulator', endpoint: cloud.endpoint, started: cloud.started });
  return { endpoint: cloud.endpoint, region: env.region };
}

/**
 * Where the services' traces go: a receiver started here that reports each span (`--print-spans`),
 * else the developer's OTEL_EXPORTER_OTLP_ENDPOINT (a local Jaeger or collector), else nowhere.
 */
async function localTelemetry(
  printSpans: boolean,
  processEnv: NodeJS.ProcessEnv,
  report: DevReporter,
  teardown: Teardown,
): Promise<LocalTelemetry | undefined> {
  const given = processEnv.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  if (!printSpans) {
    if (!given) return undefined;
    report({ kind: 'telemetry', endpoint: given, printing: false });
    return { endpoint: given, printSpans: false };
  }
  if (given) {
    report({
      kind: 'warning',
      message: `--print-spans prints the services' spans here, so OTEL_EXPORTER_OTLP_ENDPOINT=${given} is not passed on; drop the option to send them there`,
    });
  }
  const receiver = await startSpanReceiver({
    onSpan: (span) => report({ kind: 'span', span }),
    onUnreadable: (message) => report({ kind: 'warning', message }),
  });
  // Released after the services stopped, so their last export on SIGTERM is still printed.
  teardown.addRelease(() => void receiver.close());
  report({ kind: 'telemetry', endpoint: receiver.endpoint, printing: true });
  return { endpoint: receiver.endpoint, printSpans: true };
}

/** Without tables no stream feeds a function; each declared one is reported as not running. */
function skippedFunctions(
  env: EnvironmentModel,
  inherited: Readonly<Record<string, string>>,
  report: DevReporter,
): LocalFunctions {
  return startLocalFunctions(env, [], { endpoint: '', region: env.region }, inherited, report);
}

/** `TABLE_<NAME>` → the name on the emulator, for the tables a service lists. */
function serviceTableNames(
  used: Readonly<Record<string, unknown>> | undefined,
  tables: readonly LocalTable[],
): Record<string, string> {
  return Object.fromEntries(
    tables
      .filter((t) => used !== undefined && t.name in used)
      .map((t) => [tableVariable(t.name), t.tableName]),
  );
}

/** `QUEUE_<NAME>` → the queue's URL on the emulator, for the queues a service sends to. */
function serviceQueueUrls(
  used: readonly string[] | undefined,
  queues: readonly LocalQueue[],
): Record<string, string> {
  return Object.fromEntries(
    queues.filter((q) => used?.includes(q.name) === true).map((q) => [queueVariable(q.name), q.url]),
  );
}

function tableInfo(table: LocalTable): DevTableInfo {
  return { name: table.name, tableName: table.tableName, created: table.created, endpoint: table.endpoint };
}

/** The folder a service's command runs in; it must exist, or the shell fails with a vague error. */
function serviceFolder(configDir: string, service: LocalService): string {
  const folder = path.resolve(configDir, service.dev.cwd);
  const isFolder = statSync(folder, { throwIfNoEntry: false })?.isDirectory() ?? false;
  if (!isFolder) {
    throw new DevError(
      `services.${service.name}.dev.cwd: ${displayPath(folder)} is not a folder`,
      "point it at the folder the command runs in, relative to the config file's folder",
    );
  }
  return folder;
}

function abortPromise(signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return new Promise(() => undefined);
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DevCancelledError();
}
