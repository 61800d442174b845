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
}

/** pino options for Fastify: JSON lines with a readable level and an ISO timestamp. */
export function loggerOptions({ level, stream }: LoggerOptions) {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
    formatters: { level: (label: string) => ({ level: label }) },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    ...(stream ? { stream } : {}),
  };
}
