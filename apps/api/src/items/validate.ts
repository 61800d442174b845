/** The rules of the items API, shared with the Python baseline it replaces. */
export const NAME_MAX_LENGTH = 200;
export const QUANTITY_MIN = 1;
export const QUANTITY_MAX = 1_000_000;
export const LIMIT_DEFAULT = 20;
export const LIMIT_MAX = 100;
/** Largest Postgres `int`: larger ids cannot exist, so they are a 404 without a query. */
const INT4_MAX = 2_147_483_647;

export interface NewItem {
  readonly name: string;
  readonly quantity: number;
}

export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/**
 * Checks a POST body. The name's length is counted in code points before trimming, as the
 * baseline does, so a name that only fits once trimmed is still refused.
 */
export function checkNewItem(body: unknown): Checked<NewItem> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, error: 'body must be a JSON object' };
  }
  const { name, quantity } = body as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '' || [...name].length > NAME_MAX_LENGTH) {
    return { ok: false, error: `name must be a non-empty string of at most ${NAME_MAX_LENGTH} characters` };
  }
  // typeof rules out true/false, which Python treats as integers and the baseline refuses explicitly.
  if (
    typeof quantity !== 'number' ||
    !Number.isInteger(quantity) ||
    quantity < QUANTITY_MIN ||
    quantity > QUANTITY_MAX
  ) {
    return { ok: false, error: `quantity must be an integer between ${QUANTITY_MIN} and ${QUANTITY_MAX}` };
  }
  return { ok: true, value: { name: name.trim(), quantity } };
}

/** Parses `?limit=`: default 20, capped at 100; anything not an integer, or below 1, is refused. */
export function checkLimit(raw: unknown): Checked<number> {
  const first = Array.isArray(raw) ? raw[0] : raw;
  if (first === undefined) return { ok: true, value: LIMIT_DEFAULT };
  if (typeof first !== 'string' || !/^\s*[+-]?\d+\s*$/.test(first)) {
    return { ok: false, error: 'limit must be an integer' };
  }
  const limit = Number(first);
  if (limit < 1) return { ok: false, error: 'limit must be >= 1' };
  return { ok: true, value: Math.min(limit, LIMIT_MAX) };
}

/** Parses the `:id` path segment; undefined means no such item can exist. */
export function parseItemId(raw: string): number | undefined {
  if (!/^\d{1,10}$/.test(raw)) return undefined;
  const id = Number(raw);
  return id <= INT4_MAX ? id : undefined;
}
