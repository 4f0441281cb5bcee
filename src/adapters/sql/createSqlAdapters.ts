import type { InventoryStore } from '../inventoryStore.js';
import type { SqlClient } from './client.js';
import { createSqlInventoryStore } from './inventoryStore.js';
import type { SqlAdapterOptions } from './migrations.js';

/**
 * The ports {@link createSqlAdapters} implements on one database.
 *
 * @example
 * ```ts
 * import type { SqlAdapters } from 'ordercore/adapters';
 *
 * const names: (keyof SqlAdapters)[] = ['inventory'];
 * names.length; //=> 1
 * ```
 */
export interface SqlAdapters {
  /** The inventory ledger and its folded state (tables `inventory_*`). */
  readonly inventory: InventoryStore;
}

/**
 * Creates the SQL adapters on a {@link SqlClient}: standard PostgreSQL (a server through
 * `fromPgPool(pool)`, or PGlite in process as it is), with the tables `migrate(client)` creates.
 * Nothing is created or checked here: run `migrate` once (at deploy or start-up) before the first
 * call. See docs/sql-adapter.md for the schema, the isolation level and the retries.
 *
 * @param client - The database.
 * @param options - `schema` (where the tables are; default the connection's `search_path`) and
 *   `maxAttempts` (how often a transaction is retried after a serialisation failure or a deadlock).
 * @returns The adapters.
 * @throws `InventoryError` `invalid_options` for a malformed schema name or `maxAttempts`.
 * @example
 * ```ts
 * import { createSqlAdapters, type SqlClient } from 'ordercore/adapters';
 *
 * const offline: SqlClient = { query: async () => ({ rows: [] }), transaction: async (fn) => fn(offline) };
 * const adapters = createSqlAdapters(offline);
 * typeof adapters.inventory.apply; //=> 'function'
 * ```
 */
export function createSqlAdapters(client: SqlClient, options?: SqlAdapterOptions): SqlAdapters {
  return { inventory: createSqlInventoryStore(client, options) };
}
