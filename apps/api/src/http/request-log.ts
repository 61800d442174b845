import { type FastifyBaseLogger, type FastifyReply, type FastifyRequest, LogController } from 'fastify';

const errors = new WeakMap<FastifyRequest, unknown>();

/** Remembers an error so the request's single log line can carry it. */
export function noteError(request: FastifyRequest, error: unknown): void {
  errors.set(request, error);
}

/**
 * Writes exactly one line per request, when the response has been sent, instead of Fastify's
 * "incoming" and "completed" pair: half the log volume, and status, duration and any error
 * together on the line a reader searches for. The request id comes from the child logger, or sits
 * in the same place as a field on the lines written without redaction (see `useLogger`).
 * At debug level the line also carries the request headers (secrets are redacted by the logger).
 */
export class OneLinePerRequest extends LogController {
  readonly #includeHeaders: boolean;
  #plain: FastifyBaseLogger | undefined;

  constructor({ includeHeaders }: { includeHeaders: boolean }) {
    super();
    this.#includeHeaders = includeHeaders;
  }

  /**
   * Hands over the app's logger once Fastify has built it. Lines made only of strings and numbers
   * under fixed keys (every successful or client-error request without headers logged) go through
   * a child without redaction: no redacted path can match them, and pino's wildcard redaction
   * otherwise costs several microseconds per line. Anything carrying an error or headers still
   * goes through the request's redacting logger.
   */
  useLogger(logger: FastifyBaseLogger): void {
    this.#plain = logger.child({}, { redact: [] });
  }

  override incomingRequest(): void {}

  override routeNotFound(): void {}

  override defaultErrorLog(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const statusCode = reply.raw.statusCode;
    const failure = error ?? errors.get(request);
    const trace = request.headers['x-amzn-trace-id'];
    const line: Record<string, unknown> = {
      method: request.method,
      url: request.url,
      statusCode,
      durationMs: Math.round(reply.elapsedTime * 100) / 100,
      remoteAddress: request.ip,
    };
    if (trace) line.traceId = trace;
    if (this.#plain && !failure && !this.#includeHeaders && statusCode < 500) {
      // The same line, with the request id first, where the child binding would put it.
      this.#plain.info({ reqId: request.id, ...line }, 'request');
      return;
    }
    if (failure) line.err = failure;
    if (this.#includeHeaders) line.headers = request.headers;
    if (statusCode >= 500) request.log.error(line, 'request failed');
    else request.log.info(line, 'request');
  }
}
