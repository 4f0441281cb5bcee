// The minimal database client the SQL adapters need. ordercore imports neither `pg` nor
// `@electric-sql/pglite`: PGlite satisfies `SqlClient` as it is, and `fromPgPool` wraps a `pg` Pool
// (or anything shaped like one) — both are described structurally here, never imported.

/**
 * What a query returns: its rows, as objects keyed by column name. Numbers from `bigint` columns may
 * come back as strings (`pg`) or numbers (PGlite): the adapters convert them.
 *
 * @example
 * ```ts
 * import type { SqlQueryResult } from 'ordercore/adapters';
 *
 * const result: SqlQueryResult = { rows: [{ sku: 'SHIRT', on_hand: '5' }] };
 * result.rows.length; //=> 1
 * ```
 */
export interface SqlQueryResult {
  /** The rows, one object per row, keyed by column name. */
  readonly rows: readonly Record<string, unknown>[];
}

/**
 * Something that runs one parameterised statement (`$1`, `$2` ... placeholders): a connection, a
 * pool, or the connection of an open transaction.
 *
 * @example
 * ```ts
 * import type { SqlQueryable } from 'ordercore/adapters';
 *
 * const fake: SqlQueryable = { query: async () => ({ rows: [{ one: 1 }] }) };
 * (await fake.query('SELECT 1 AS one', [])).rows[0]?.['one']; //=> 1
 * ```
 */
export interface SqlQueryable {
  /**
   * Runs one statement.
   *
   * @param text - The SQL, with `$n` placeholders.
   * @param params - The values of the placeholders (strings, numbers, booleans or null).
   * @returns The rows; rejects on a database error (with the SQLSTATE in `code`, as `pg` and PGlite do).
   */
  query(text: string, params?: readonly unknown[]): Promise<SqlQueryResult>;
}

/**
 * The minimal client the SQL adapters run on: statements, and transactions that commit when the
 * callback resolves and roll back when it rejects. `@electric-sql/pglite`'s `PGlite` satisfies it as
 * it is; wrap a `pg` `Pool` with {@link fromPgPool}. Transactions start at the server's default
 * isolation level (PostgreSQL's is READ COMMITTED); the adapters set what they need with
 * `SET TRANSACTION` as their first statement.
 *
 * @example
 * ```ts
 * import type { SqlClient, SqlQueryable } from 'ordercore/adapters';
 *
 * const connection: SqlQueryable = { query: async () => ({ rows: [] }) };
 * const client: SqlClient = { query: connection.query, transaction: (fn) => fn(connection) };
 * await client.transaction(async () => 'committed'); //=> 'committed'
 * ```
 */
export interface SqlClient extends SqlQueryable {
  /**
   * Runs `fn` inside one transaction on one connection.
   *
   * @param fn - The work; every statement goes through the `tx` it is given.
   * @returns What `fn` resolved to, after COMMIT; if `fn` rejects, the transaction is rolled back
   *   and the promise rejects with the same reason.
   */
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
}

/**
 * The part of a `pg` `PoolClient` {@link fromPgPool} uses (described here, so ordercore never
 * imports `pg`).
 *
 * @example
 * ```ts
 * import type { PgPoolClientLike } from 'ordercore/adapters';
 *
 * const connection: PgPoolClientLike = { query: async () => ({ rows: [] }), release: () => undefined };
 * typeof connection.release; //=> 'function'
 * ```
 */
export interface PgPoolClientLike {
  /**
   * Runs one statement on this connection.
   *
   * @param text - The SQL.
   * @param params - The placeholder values.
   * @returns The rows.
   */
  query(
    text: string,
    params?: unknown[],
  ): Promise<{
    /** The rows returned. */
    rows: unknown[];
  }>;
  /**
   * Gives the connection back to the pool.
   *
   * @param destroy - An error (or `true`) to destroy the connection instead of reusing it.
   */
  release(destroy?: Error | boolean): void;
}

/**
 * The part of a `pg` `Pool` {@link fromPgPool} uses.
 *
 * @example
 * ```ts
 * import type { PgPoolLike } from 'ordercore/adapters';
 *
 * const pool: PgPoolLike = {
 *   query: async () => ({ rows: [] }),
 *   connect: async () => ({ query: async () => ({ rows: [] }), release: () => undefined }),
 * };
 * typeof pool.connect; //=> 'function'
 * ```
 */
export interface PgPoolLike {
  /**
   * Runs one statement on any idle connection.
   *
   * @param text - The SQL.
   * @param params - The placeholder values.
   * @returns The rows.
   */
  query(
    text: string,
    params?: unknown[],
  ): Promise<{
    /** The rows returned. */
    rows: unknown[];
  }>;
  /**
   * Checks a connection out of the pool.
   *
   * @returns The connection, to `release` when done.
   */
  connect(): Promise<PgPoolClientLike>;
}

function rowsOf(result: { rows: unknown[] }): SqlQueryResult {
  return result as SqlQueryResult;
}

/**
 * Wraps a `pg` `Pool` as a {@link SqlClient}: statements go to the pool, and each transaction checks
 * out one connection, runs `BEGIN`, the callback, then `COMMIT` — or `ROLLBACK` if the callback
 * rejects (a connection whose `ROLLBACK` fails is destroyed, not reused). Nothing of `pg` is imported:
 * any object with `query` and `connect` works.
 *
 * @param pool - A `pg` `Pool` (`new Pool({ connectionString: process.env.DATABASE_URL })`).
 * @returns The client to give `createSqlAdapters` and `migrate`.
 * @example
 * ```ts
 * import { fromPgPool } from 'ordercore/adapters';
 *
 * const log: string[] = [];
 * const connection = { query: async (text: string) => { log.push(text); return { rows: [] }; }, release: () => undefined };
 * const client = fromPgPool({ query: connection.query, connect: async () => connection });
 * await client.transaction(async (tx) => { await tx.query('SELECT 1'); return 'done'; }); //=> 'done'
 * log; //=> ['BEGIN', 'SELECT 1', 'COMMIT']
 * ```
 */
export function fromPgPool(pool: PgPoolLike): SqlClient {
  return {
    query: async (text, params) => rowsOf(await pool.query(text, params === undefined ? undefined : [...params])),
    transaction: async <T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> => {
      const connection = await pool.connect();
      const tx: SqlQueryable = {
        query: async (text, params) =>
          rowsOf(await connection.query(text, params === undefined ? undefined : [...params])),
      };
      let result: T;
      try {
        await connection.query('BEGIN');
        result = await fn(tx);
        await connection.query('COMMIT');
      } catch (error) {
        try {
          await connection.query('ROLLBACK');
        } catch {
          connection.release(true);
          throw error;
        }
        connection.release();
        throw error;
      }
      connection.release();
      return result;
    },
  };
}
