/**
 * Adapters: the ports (interfaces) hosts implement for persistence and carriers, with in-memory
 * reference implementations that pass the conformance kits in `ordercore/testing`.
 *
 * @example
 * ```ts
 * import { createInMemoryInventoryStore } from 'ordercore/adapters';
 *
 * typeof createInMemoryInventoryStore; //=> 'function'
 * ```
 *
 * @module ordercore/adapters
 */

// --- inventory store (helper P) ---
export type { InMemoryInventoryStore, InMemoryInventoryStoreOptions } from './inMemoryInventoryStore.js';
export { createInMemoryInventoryStore } from './inMemoryInventoryStore.js';
export type {
  InventoryLedgerPage,
  InventoryStore,
  InventoryStoreApplied,
  InventoryStoreQuery,
} from './inventoryStore.js';
