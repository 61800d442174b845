import pg from 'pg';

/** A prepared statement: its name on each connection, and its SQL. */
export interface Statement {
  readonly name: string;
  readonly text: string;
}

interface DataRowMessage {
  readonly fields: readonly (string | null)[];
}

/**
 * A prepared statement whose whole answer is one text value, the first column of its first row,
 * taken exactly as Postgres sent it.
 *
 * For each query node-postgres' `Query` copies its config property by property, builds a result
 * object from the row description (a parser per column and a template row, on objects V8 cannot
 * optimise), then a row object per row. For a statement whose answer is one ready-made JSON text,
 * that bookkeeping costs more Node CPU than the rest of the query. This subclass keeps everything
 * else from `Query`: the statement is parsed once per connection, then bound and executed; errors,
 * the pool's release and the client's `query_timeout` work as for any query. It replaces only the
 * two handlers that build rows, and passes the SQL as a string, which `Query` does not copy.
 */
export class TextQuery extends pg.Query {
  /** The first column of the first row, or null (no row, or a NULL). */
  value: string | null = null;
  #rows = 0;

  constructor(statement: Statement, values: unknown[]) {
    super(statement.text, values);
    // Named, so each connection prepares it once. Set after construction: a config object would
    // be the copy this class avoids.
    (this as unknown as { name: string }).name = statement.name;
  }

  /** Instead of `Query#handleRowDescription`: there is no result object to prepare. */
  handleRowDescription(): void {}

  /** Instead of `Query#handleDataRow`: keeps the text of the first row's first column. */
  handleDataRow(message: DataRowMessage): void {
    if (this.#rows++ === 0) this.value = message.fields[0] ?? null;
  }
}

/** Runs a `TextQuery` on a pooled connection and answers its value. */
export async function queryText(
  pool: pg.Pool,
  statement: Statement,
  values: unknown[],
): Promise<string | null> {
  const query = new TextQuery(statement, values);
  // pg-pool answers a promise for any query given without a callback, submittable ones included;
  // its type declarations only describe the event-emitter form.
  await (pool.query(query) as unknown as Promise<unknown>);
  return query.value;
}
