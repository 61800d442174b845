import type { LogLevel } from '../config/service-config.js';

/** Paths the logger replaces with "[Redacted]" wherever they appear in a log object. */
export const REDACTED_PATHS = [
  'headers.authorization',
  'headers.cookie',
  'headers["x-api-key"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'password',
  '*.password',
  '*.*.password',
  'connectionString',
  '*.connectionString',
];

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Where lines go. @default stdout */
  readonly stream?: { write(line: string): void };
  /** Fields added to every line (the active trace's ids when tracing is on). @default none */
  readonly mixin?: () => object;
}

let timeMs = Number.NaN;
let timeField = '';

/**
 * pino's `time` field in ISO 8601. Lines come several to a millisecond under load, and formatting a
 * Date costs about a microsecond, so the text is kept until the clock moves on.
 */
export function isoTimeField(): string {
  const now = Date.now();
  if (now !== timeMs) {
    timeMs = now;
    timeField = `,"time":"${new Date(now).toISOString()}"`;
  }
  return timeField;
}

/** pino options for Fastify: JSON lines with a readable level and an ISO timestamp. */
export function loggerOptions({ level, stream, mixin }: LoggerOptions) {
  return {
    level,
    ...(mixin ? { mixin } : {}),
    redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
    formatters: { level: (label: string) => ({ level: label }) },
    timestamp: isoTimeField,
    ...(stream ? { stream } : {}),
  };
}
