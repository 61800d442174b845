/** What a failed query means for the caller. */
export type DatabaseFailure =
  /** The query ran past `statement_timeout` and Postgres cancelled it. */
  | 'timeout'
  /** The database could not be reached, or the connection was lost or refused. */
  | 'unavailable';

// SQLSTATE classes and codes that mean "the database, not the request, is the problem".
// 57P0x: shutting down or terminated; 53xxx: out of connections or memory; 28xxx: login refused
// (an expired IAM token, a rotated password); 40001/40P01: serialization failure or deadlock.
const UNAVAILABLE_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '53000',
  '28000',
  '28P01',
  '40001',
  '40P01',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'EAI_AGAIN',
]);
// node-postgres raises these as plain Errors, without a code.
const UNAVAILABLE_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Client has encountered a connection error',
  'Query read timeout',
];

/** Classifies an error from node-postgres, or returns undefined when it is not a database outage. */
export function classifyDatabaseError(error: unknown): DatabaseFailure | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code === '57014') return 'timeout';
  if (
    typeof code === 'string' &&
    (UNAVAILABLE_CODES.has(code) || code.startsWith('08') || NETWORK_CODES.has(code))
  ) {
    return 'unavailable';
  }
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => message.includes(m)))
    return 'unavailable';
  return undefined;
}
