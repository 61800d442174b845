/**
 * JSON log lines for the moments no Fastify logger exists: a configuration error before boot and
 * the cluster primary, which serves nothing. Same shape as the request logger's lines.
 */
export interface BootLog {
  info(fields: object, msg: string): void;
  warn(fields: object, msg: string): void;
  error(fields: object, msg: string): void;
  fatal(fields: object, msg: string): void;
}

export function bootLog(write: (line: string) => void = (line) => process.stdout.write(line)): BootLog {
  const line = (level: string) => (fields: object, msg: string) => {
    const { err, ...rest } = fields as { err?: unknown };
    const error = err instanceof Error ? { type: err.name, message: err.message, stack: err.stack } : err;
    write(
      `${JSON.stringify({ level, time: new Date().toISOString(), pid: process.pid, ...rest, ...(error ? { err: error } : {}), msg })}\n`,
    );
  };
  return { info: line('info'), warn: line('warn'), error: line('error'), fatal: line('fatal') };
}
