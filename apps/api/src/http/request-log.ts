import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

const errors = new WeakMap<FastifyRequest, unknown>();

/** Remembers an error so the request's single log line can carry it. */
export function noteError(request: FastifyRequest, error: unknown): void {
  errors.set(request, error);
}

/**
 * Writes exactly one line per request, when the response has been sent, instead of Fastify's
 * "incoming" and "completed" pair: half the log volume, and status, duration and any error
 * together on the line a reader searches for. The request id comes from the child logger.
 * At debug level the line also carries the request headers (secrets are redacted by the logger).
 */
export class OneLinePerRequest extends LogController {
  readonly #includeHeaders: boolean;

  constructor({ includeHeaders }: { includeHeaders: boolean }) {
    super();
    this.#includeHeaders = includeHeaders;
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
    const line: Record<string, unknown> = {
      method: request.method,
      url: request.url,
      statusCode,
      durationMs: Math.round(reply.elapsedTime * 100) / 100,
      remoteAddress: request.ip,
    };
    const trace = request.headers['x-amzn-trace-id'];
    if (trace) line.traceId = trace;
    if (failure) line.err = failure;
    if (this.#includeHeaders) line.headers = request.headers;
    if (statusCode >= 500) request.log.error(line, 'request failed');
    else request.log.info(line, 'request');
  }
}
