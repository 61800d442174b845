import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// Only ids that are safe to echo in a header and to search for in logs are taken from callers.
const ACCEPTABLE = /^[\w.:-]{1,128}$/;

/** Reuses a caller's `x-request-id` when it looks sane, so one id follows a request across services. */
export function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID();
}
