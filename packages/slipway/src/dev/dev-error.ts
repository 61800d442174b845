/**
 * A problem with a local run the user can fix: a busy port, a missing folder, an unreachable
 * database. The message says what is wrong and the fix, so the CLI prints it as is.
 */
export class DevError extends Error {
  override readonly name: string = 'DevError';
  /** What to do about it, as an instruction. */
  readonly fix: string;

  constructor(problem: string, fix: string) {
    super(`${sentence(problem)} Fix: ${sentence(fix)}`);
    this.fix = fix;
  }
}

/** A port a service or database needs is taken. */
export class PortInUseError extends DevError {
  override readonly name = 'PortInUseError';
  readonly port: number;

  constructor(port: number, owner: string, fix: string) {
    super(`port ${port} (for ${owner}) is already in use`, fix);
    this.port = port;
  }
}

/** A service exited, or never answered its health path, before every service was ready. */
export class ServiceStartError extends DevError {
  override readonly name = 'ServiceStartError';
  readonly service: string;
  /** The exit code when the service exited; null when killed by a signal or still running. */
  readonly code: number | null;

  constructor(service: string, problem: string, fix: string, code: number | null = null) {
    super(problem, fix);
    this.service = service;
    this.code = code;
  }
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The run was cancelled (Ctrl-C) before every service was ready; what had started is stopped. */
export class DevCancelledError extends Error {
  override readonly name = 'DevCancelledError';

  constructor() {
    super('Stopped before every service was ready.');
  }
}
