import type pg from 'pg';
import { queryText } from '../db/text-query.js';
import type { NewItem } from './validate.js';

export interface Item {
  readonly id: number;
  readonly name: string;
  readonly quantity: number;
  /** ISO 8601 in UTC, to the microsecond, e.g. 2025-01-31T12:00:00.123456Z. */
  readonly created_at: string;
}

// created_at arrives as an ISO 8601 string (see db/iso-timestamps.ts).
const COLUMNS = 'id, name, quantity, created_at';

/**
 * The three statements, named so each connection parses and plans them once, then only binds and
 * executes. The listing's ORDER BY matches items_created_at_idx, so it reads 20 index entries
 * instead of sorting the table (a test checks the plan); the aggregate keeps that order, since
 * nothing between the subquery and it reorders rows.
 *
 * The two reads answer the response body itself: Postgres writes each row as JSON (row_to_json:
 * the columns' names and order, no spaces) and joins the list, so Node neither parses columns nor
 * serialises objects. The insert returns its row as columns.
 */
export const ITEM_QUERIES = {
  list: {
    name: 'items_list_json',
    text: `SELECT '[' || string_agg(row_to_json(item)::text, ',') || ']' FROM (SELECT ${COLUMNS} FROM items ORDER BY created_at DESC, id DESC LIMIT $1) AS item`,
  },
  find: {
    name: 'items_find_json',
    text: `SELECT row_to_json(item)::text FROM (SELECT ${COLUMNS} FROM items WHERE id = $1) AS item`,
  },
  insert: {
    name: 'items_insert',
    text: `INSERT INTO items (name, quantity) VALUES ($1, $2) RETURNING ${COLUMNS}`,
  },
} as const;

/**
 * Postgres writes a timestamptz in JSON as `2025-01-31T12:00:00.123456+00:00` (the session is in
 * UTC, see db/pool.ts); the API writes the same instant as `...123456Z`, as db/iso-timestamps.ts
 * does for columns. created_at is the last member of every item, and a quote inside a JSON string
 * is always escaped, so `+00:00"}` can only be the end of a created_at value: no name can match.
 */
export function utcAsZ(json: string): string {
  return json.replaceAll('+00:00"}', 'Z"}');
}

/** The items table, behind the three queries the API needs. */
export class ItemRepository {
  constructor(private readonly pool: pg.Pool) {}

  /** The newest items, newest first, as the JSON array the API answers. */
  async listJson(limit: number): Promise<string> {
    const json = await queryText(this.pool, ITEM_QUERIES.list, [limit]);
    // string_agg over no rows is NULL.
    return json === null ? '[]' : utcAsZ(json);
  }

  /** One item as the JSON object the API answers, or undefined when there is no such id. */
  async findJson(id: number): Promise<string | undefined> {
    const json = await queryText(this.pool, ITEM_QUERIES.find, [id]);
    return json === null ? undefined : utcAsZ(json);
  }

  async create(item: NewItem): Promise<Item> {
    const { rows } = await this.pool.query<Item>({
      ...ITEM_QUERIES.insert,
      values: [item.name, item.quantity],
    });
    return rows[0]!;
  }
}
