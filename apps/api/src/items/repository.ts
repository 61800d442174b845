import type pg from 'pg';
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
 * instead of sorting the table (a test checks the plan).
 */
export const ITEM_QUERIES = {
  list: {
    name: 'items_list',
    text: `SELECT ${COLUMNS} FROM items ORDER BY created_at DESC, id DESC LIMIT $1`,
  },
  find: { name: 'items_find', text: `SELECT ${COLUMNS} FROM items WHERE id = $1` },
  insert: {
    name: 'items_insert',
    text: `INSERT INTO items (name, quantity) VALUES ($1, $2) RETURNING ${COLUMNS}`,
  },
} as const;

/** The items table, behind the three queries the API needs. */
export class ItemRepository {
  constructor(private readonly pool: pg.Pool) {}

  async list(limit: number): Promise<Item[]> {
    const { rows } = await this.pool.query<Item>({ ...ITEM_QUERIES.list, values: [limit] });
    return rows;
  }

  async find(id: number): Promise<Item | undefined> {
    const { rows } = await this.pool.query<Item>({ ...ITEM_QUERIES.find, values: [id] });
    return rows[0];
  }

  async create(item: NewItem): Promise<Item> {
    const { rows } = await this.pool.query<Item>({
      ...ITEM_QUERIES.insert,
      values: [item.name, item.quantity],
    });
    return rows[0]!;
  }
}
