import pc from 'picocolors';
import { renderTable } from '../cli/render/table.js';
import { displayPath } from './display-path.js';
import type { DevEvent, DevFunctionInfo, DevReporter } from './events.js';

/** Where the reporter writes: service logs to `out`, Slipway's own lines to `err`. */
export interface DevOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const processOutput: DevOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

const COLOURS = [pc.cyan, pc.magenta, pc.yellow, pc.blue, pc.green] as const;

/**
 * The terminal view of a local run. Service output goes to stdout, each line behind the service's
 * name in its own colour, padded so the lines of several services stay aligned; progress, URLs and
 * warnings go to stderr, so `slipway dev > app.log` keeps only what the services printed.
 */
export function consoleReporter(output: DevOutput = processOutput): DevReporter {
  let width = 0;
  const colours = new Map<string, (text: string) => string>();
  const name = (service: string) => (colours.get(service) ?? pc.bold)(service);
  const note = (text: string) => output.err(`${text}\n`);

  return (event: DevEvent) => {
    switch (event.kind) {
      case 'starting':
        width = Math.max(0, ...[...event.services, ...(event.functions ?? [])].map((s) => s.length));
        for (const [i, service] of [...event.services, ...(event.functions ?? [])].entries()) {
          colours.set(service, COLOURS[i % COLOURS.length] ?? pc.cyan);
        }
        note(`${pc.bold(`${event.app} · dev`)}  environment ${pc.bold(event.environment)}`);
        return;
      case 'skipped':
        note(`${pc.dim('–')} ${event.reason}`);
        return;
      case 'warning':
        note(`${pc.yellow('!')} ${event.message}`);
        return;
      case 'database-starting':
        note(
          pc.dim(
            `▸ database ${event.database}: ${event.creating ? 'creating' : 'opening'} the embedded PostgreSQL (PGlite) in ${displayPath(event.dataDir)}${event.creating ? ', a few seconds longer the first time' : ''}…`,
          ),
        );
        return;
      case 'database-ready': {
        const { database } = event;
        const where = database.embedded
          ? pc.dim(` (${event.seconds.toFixed(1)} s)`)
          : pc.dim(' (--database-url)');
        note(`${pc.green('✓')} database ${database.name} at ${database.url}${where}`);
        return;
      }
      case 'emulator':
        note(
          `${pc.green('✓')} local AWS emulator at ${event.endpoint}${pc.dim(event.started ? ' (started for this run)' : ' (already running)')}`,
        );
        return;
      case 'table-ready':
        note(
          `${pc.green('✓')} table ${event.table.name} as ${event.table.tableName}${pc.dim(event.table.created ? ' (created)' : ' (already there)')}`,
        );
        return;
      case 'queue-ready':
        note(
          `${pc.green('✓')} queue ${event.queue.name} at ${event.queue.url}${pc.dim(event.queue.created ? ' (created)' : ' (already there)')}`,
        );
        return;
      case 'function-skipped':
        note(`${pc.dim('–')} ${event.reason}`);
        return;
      case 'function-watching':
        note(`${pc.green('✓')} ${name(event.function.name)} reads the ${feed(event.function)}`);
        return;
      case 'function-called': {
        const what = `${name(event.function)} called with ${event.records} record${event.records === 1 ? '' : 's'}${event.attempt > 1 ? ` (retry ${event.attempt - 1})` : ''}`;
        const time = pc.dim(` (${event.seconds.toFixed(1)} s)`);
        if (event.error !== undefined) note(`${pc.red('✗')} ${what}: ${event.error}${time}`);
        else if (event.failed > 0) note(`${pc.yellow('!')} ${what}: ${event.failed} to retry${time}`);
        else note(pc.dim(`▸ ${what}`) + time);
        return;
      }
      case 'service-starting':
        note(
          pc.dim(
            `▸ ${event.service}: ${event.command}  (in ${displayPath(event.cwd)}, PORT=${event.port}; sets ${event.variables.join(', ')})`,
          ),
        );
        return;
      case 'log': {
        const prefix = `${name(event.service.padEnd(width))} ${pc.dim('│')}`;
        output.out(`${prefix} ${event.line}\n`);
        return;
      }
      case 'telemetry':
        note(
          event.printing
            ? `${pc.green('✓')} spans printed below, one line each ${pc.dim(`(OTLP/JSON receiver at ${event.endpoint})`)}`
            : `${pc.green('✓')} traces go to ${event.endpoint} ${pc.dim('(OTEL_EXPORTER_OTLP_ENDPOINT)')}`,
        );
        return;
      case 'span': {
        const { span } = event;
        const prefix = `${name(span.service.padEnd(width))} ${pc.dim('│')}`;
        const status = span.statusCode === undefined ? '' : ` ${span.statusCode}`;
        const mark = span.error ? pc.red('✗') : pc.dim(span.parentSpanId ? '↳' : '●');
        output.out(
          `${prefix} ${mark} ${span.name}${status} ${pc.dim(`${span.durationMs.toFixed(1)} ms  trace ${span.traceId.slice(0, 8)} span ${span.spanId.slice(0, 8)}`)}\n`,
        );
        return;
      }
      case 'service-ready':
        note(
          `${pc.green('✓')} ${name(event.service.name)} answers at ${pc.bold(event.service.url)}${pc.dim(` (ready in ${event.seconds.toFixed(1)} s)`)}`,
        );
        return;
      case 'ready': {
        const rows = [
          ...event.services.map((s) => [name(s.name), s.url]),
          ...event.databases.map((d) => [`database ${d.name}`, d.url]),
          ...(event.tables ?? []).map((t) => [`table ${t.name}`, `${t.tableName} on ${t.endpoint}`]),
          ...(event.functions ?? []).map((f) => [`function ${name(f.name)}`, feed(f)]),
        ];
        note(`\n${renderTable(['running', 'at'], rows)}\n\n${pc.dim('Ctrl-C stops everything.')}`);
        return;
      }
      case 'service-exited': {
        const how = event.code === null ? `was ended by ${event.signal}` : `exited with code ${event.code}`;
        note(`${pc.red('✗')} ${name(event.service)} ${how}; stopping the rest.`);
        return;
      }
      case 'stopping': {
        const who = event.services.length > 0 ? `SIGTERM to ${event.services.join(', ')}, then ` : '';
        note(pc.dim(`▸ stopping (${event.reason}): ${who}the databases. Ctrl-C again kills at once.`));
        return;
      }
      case 'service-stopped':
        note(
          event.killed
            ? `${pc.yellow('!')} ${name(event.service)} did not stop within its stop timeout and was killed`
            : `${pc.green('✓')} ${name(event.service)} stopped${pc.dim(` (${event.seconds.toFixed(1)} s${event.code ? `, exit code ${event.code}` : ''})`)}`,
        );
        return;
      case 'emulator-stopped':
        note(`${pc.green('✓')} local AWS emulator stopped`);
        return;
      case 'database-stopped':
        note(`${pc.green('✓')} database ${event.database} closed`);
        return;
      case 'stopped':
        note(`${pc.green('✓')} stopped in ${event.seconds.toFixed(1)} s`);
        return;
    }
  };
}

/** What feeds a local function, as a reader says it. */
function feed(fn: DevFunctionInfo): string {
  return fn.queue === undefined ? `stream of table ${fn.table ?? '?'}` : `queue ${fn.queue}`;
}
