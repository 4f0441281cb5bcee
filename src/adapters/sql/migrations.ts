import { show } from '../../core/show.js';
import { InventoryError } from '../../inventory/errors.js';
import type { SqlClient } from './client.js';

/**
 * One schema migration shipped with the SQL adapters: a version, a name, and the statements that
 * apply it (in one transaction, with the version recorded in `ordercore_schema_migrations`).
 *
 * @example
 * ```ts
 * import { SQL_MIGRATIONS, type SqlMigration } from 'ordercore/adapters';
 *
 * const first: SqlMigration | undefined = SQL_MIGRATIONS[0];
 * first?.version; //=> 1
 * ```
 */
export interface SqlMigration {
  /** The version, from 1, in the order migrations apply. */
  readonly version: number;
  /** What it does, for people reading the migrations table. */
  readonly name: string;
  /** The DDL statements, with `{schema}` where the table names are qualified. */
  readonly statements: readonly string[];
}

// Table names are written `{schema}inventory_...`; `{schema}` becomes `"name".` or nothing.
// Standard PostgreSQL only: text, bigint, smallint, primary keys, unique constraints, a CHECK.
// Instants are kept as the text the caller gave (offsets and all) so the fold sees them unchanged.

/**
 * Every migration the SQL adapters ship, in version order.
 *
 * @example
 * ```ts
 * import { SQL_MIGRATIONS } from 'ordercore/adapters';
 *
 * SQL_MIGRATIONS.map((m) => m.name)[0]; //=> 'inventory ledger and folded state'
 * ```
 */
export const SQL_MIGRATIONS: readonly SqlMigration[] = [
  {
    version: 1,
    name: 'inventory ledger and folded state',
    statements: [
      // The append-only ledger. `seq` is the entry's 0-based position in append order: gapless and
      // assigned under the ledger head's row lock, so positions follow commit order and never move.
      `CREATE TABLE {schema}inventory_ledger (
        seq bigint PRIMARY KEY,
        id text NOT NULL UNIQUE,
        operation text,
        kind text NOT NULL,
        sku text NOT NULL,
        location text NOT NULL,
        entry text NOT NULL
      )`,
      'CREATE INDEX inventory_ledger_sku_location ON {schema}inventory_ledger (sku, location, seq)',
      `CREATE TABLE {schema}inventory_ledger_head (
        id smallint PRIMARY KEY CHECK (id = 1),
        length bigint NOT NULL
      )`,
      'INSERT INTO {schema}inventory_ledger_head (id, length) VALUES (1, 0)',
      `CREATE TABLE {schema}inventory_balances (
        sku text NOT NULL,
        location text NOT NULL,
        on_hand bigint NOT NULL DEFAULT 0,
        reserved bigint NOT NULL DEFAULT 0,
        allocated bigint NOT NULL DEFAULT 0,
        in_transit bigint NOT NULL DEFAULT 0,
        version bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (sku, location)
      )`,
      `CREATE TABLE {schema}inventory_holds (
        sku text NOT NULL,
        location text NOT NULL,
        reservation_id text NOT NULL,
        quantity bigint NOT NULL,
        expires_at text,
        owner text,
        reference text,
        PRIMARY KEY (sku, location, reservation_id)
      )`,
      `CREATE TABLE {schema}inventory_incoming (
        sku text NOT NULL,
        location text NOT NULL,
        receipt_id text NOT NULL,
        quantity bigint NOT NULL,
        expected_at text NOT NULL,
        PRIMARY KEY (sku, location, receipt_id)
      )`,
      `CREATE TABLE {schema}inventory_reservations (
        reservation_id text PRIMARY KEY,
        sku text,
        location text,
        status text,
        reserved bigint NOT NULL DEFAULT 0,
        open_units bigint NOT NULL DEFAULT 0,
        committed_units bigint NOT NULL DEFAULT 0,
        released_units bigint NOT NULL DEFAULT 0,
        expires_at text,
        owner text,
        reference text
      )`,
      `CREATE TABLE {schema}inventory_operations (
        key text PRIMARY KEY,
        entry_ids text NOT NULL
      )`,
    ],
  },
];

/**
 * Options for {@link migrate} and `createSqlAdapters`.
 *
 * @example
 * ```ts
 * import type { SqlAdapterOptions } from 'ordercore/adapters';
 *
 * const options: SqlAdapterOptions = { schema: 'shop_eu', maxAttempts: 20 };
 * options.schema; //=> 'shop_eu'
 * ```
 */
export interface SqlAdapterOptions {
  /**
   * The PostgreSQL schema holding the tables (it must exist; `migrate` creates it if it does not).
   * A lower-case identifier: letters, digits, underscores. Default: none, so the connection's
   * `search_path` decides (usually `public`).
   */
  readonly schema?: string;
  /**
   * How many times an apply is attempted when the database reports a serialisation failure
   * (`40001`) or a deadlock (`40P01`), or a concurrent writer took an entry id first. Default 10.
   */
  readonly maxAttempts?: number;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** The `{schema}` prefix for table names, or a thrown `invalid_options`. */
export function schemaPrefix(options: unknown): string {
  if (options === undefined) return '';
  if (typeof options !== 'object' || options === null)
    throw new InventoryError('invalid_options', `options: expected an object, got ${show(options)}.`, {
      field: 'options',
    });
  const schema = (options as Record<string, unknown>)['schema'];
  if (schema === undefined) return '';
  if (typeof schema !== 'string' || !IDENTIFIER.test(schema))
    throw new InventoryError(
      'invalid_options',
      `options.schema: expected a lower-case SQL identifier (letters, digits, _), got ${show(schema)}.`,
      { field: 'schema' },
    );
  return `"${schema}".`;
}

/** Replaces `{schema}` in a statement. */
export function qualify(text: string, prefix: string): string {
  return text.replaceAll('{schema}', prefix);
}

/**
 * Applies the shipped {@link SQL_MIGRATIONS} that the database has not applied yet, each in its own
 * transaction, recording each version in `ordercore_schema_migrations`. Idempotent, and safe when
 * several processes migrate at once: a migration's version row is inserted first, so a concurrent
 * migrator waits on it and then skips the migration.
 *
 * @param client - The database.
 * @param options - `schema` (created if missing); other fields are ignored here.
 * @returns The versions applied by this call (empty when the schema was up to date).
 * @throws `InventoryError` `invalid_options` for a malformed schema name; rejects with the
 *   database's error if a statement fails (that migration is rolled back).
 * @example
 * ```ts
 * import { migrate, type SqlClient } from 'ordercore/adapters';
 *
 * const seen: string[] = [];
 * const db: SqlClient = {
 *   query: async (text) => { seen.push(text); return { rows: [] }; },
 *   transaction: async (fn) => fn({ query: async (text) => { seen.push(text.split('(')[0]!.trim()); return { rows: [] }; } }),
 * };
 * await migrate(db); //=> []
 * seen[0]; //=> 'CREATE TABLE IF NOT EXISTS ordercore_schema_migrations (version integer PRIMARY KEY, name text NOT NULL)'
 * ```
 */
export async function migrate(client: SqlClient, options?: SqlAdapterOptions): Promise<readonly number[]> {
  const prefix = schemaPrefix(options);
  if (prefix !== '') await client.query(`CREATE SCHEMA IF NOT EXISTS ${prefix.slice(0, -1)}`);
  await client.query(
    `CREATE TABLE IF NOT EXISTS ${prefix}ordercore_schema_migrations (version integer PRIMARY KEY, name text NOT NULL)`,
  );
  const applied: number[] = [];
  for (const migration of SQL_MIGRATIONS) {
    const ran = await client.transaction(async (tx) => {
      const claimed = await tx.query(
        `INSERT INTO ${prefix}ordercore_schema_migrations (version, name) VALUES ($1, $2) ON CONFLICT (version) DO NOTHING RETURNING version`,
        [migration.version, migration.name],
      );
      if (claimed.rows.length === 0) return false;
      for (const statement of migration.statements) await tx.query(qualify(statement, prefix));
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return applied;
}
