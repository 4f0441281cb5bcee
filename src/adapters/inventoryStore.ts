import type { Result } from '../core/result.js';
import type { InventoryError } from '../inventory/errors.js';
import type { InventoryIntent, InventoryState, LedgerEntry, Sku } from '../inventory/types.js';

/**
 * What {@link InventoryStore.load} should return: the balances of some SKUs (at every location), some
 * reservation records, some operations (idempotency keys). A query with no field set (or no query)
 * asks for everything.
 *
 * @example
 * ```ts
 * import type { InventoryStoreQuery } from 'ordercore/adapters';
 *
 * const query: InventoryStoreQuery = { skus: ['SHIRT'], reservationIds: ['r-1'], keys: ['checkout-42'] };
 * query.skus?.length; //=> 1
 * ```
 */
export interface InventoryStoreQuery {
  /** SKUs whose balances (at every location) the state must hold. */
  readonly skus?: readonly Sku[];
  /** Reservations whose records the state must hold. */
  readonly reservationIds?: readonly string[];
  /** Idempotency keys whose applied operations (if any) the state must hold. */
  readonly keys?: readonly string[];
}

/**
 * Which part of the ledger {@link InventoryStore.ledger} should return.
 *
 * @example
 * ```ts
 * import type { InventoryLedgerPage } from 'ordercore/adapters';
 *
 * const page: InventoryLedgerPage = { from: 100, limit: 50 };
 * page.limit; //=> 50
 * ```
 */
export interface InventoryLedgerPage {
  /** The position (0-based, in append order) of the first entry returned. Default 0. */
  readonly from?: number;
  /** The most entries returned. Default: all from `from` on. */
  readonly limit?: number;
}

/**
 * What {@link InventoryStore.apply} reports on success.
 *
 * @example
 * ```ts
 * import type { InventoryStoreApplied } from 'ordercore/adapters';
 *
 * const replay: InventoryStoreApplied = { replayed: true, entries: 0 };
 * replay.entries; //=> 0
 * ```
 */
export interface InventoryStoreApplied {
  /** `true` when the intent's key had already been applied: nothing was written. */
  readonly replayed: boolean;
  /** How many ledger entries this call appended (0 on a replay). */
  readonly entries: number;
}

/**
 * The persistence port of `ordercore/inventory`: an append-only ledger plus its folded state, to
 * which intents computed by the pure operations (`reserve`, `releaseReservation`,
 * `commitReservation`, `expireReservations`, `receiveStock` ...) are applied atomically. Hosts
 * implement it over their database; `createInMemoryInventoryStore` is the reference implementation,
 * and `inventoryStoreConformance` in `ordercore/testing` proves an implementation correct.
 *
 * The contract, in full:
 *
 * - **Semantics.** `apply` has exactly the semantics of `applyIntent` from `ordercore/inventory` on
 *   the store's *current* state (not the state a client loaded): an intent whose key was already
 *   applied is a replay — `{ replayed: true, entries: 0 }`, nothing written, whatever its entries and
 *   preconditions say; otherwise every precondition (`available_at_least`, `expected_version`,
 *   `hold_at_least`; `operation_absent` is the replay rule itself) is checked, then every entry is
 *   appended and folded, or nothing is and the result is `precondition_failed` with
 *   `details.precondition` the first precondition (in the intent's order) that failed. An entry that
 *   does not fold (`invalid_entry`), an entry whose `operation` is not the intent's key
 *   (`invalid_entry`), or an entry id already in the ledger or twice in the intent
 *   (`duplicate_entry_id`) also writes nothing.
 * - **Atomicity and isolation.** Each `apply` is all or nothing and serialisable with every other
 *   `apply`: the check of the preconditions and the append happen as one step (a transaction with
 *   row locks or `SERIALIZABLE` isolation, conditional updates, a single-writer queue). A
 *   read-modify-write that checks, yields, then writes is the race this port exists to prevent;
 *   the conformance kit catches it. A store may retry internally on serialisation failures, but must
 *   never apply an intent twice.
 * - **Idempotency.** The key of every applied intent that appended at least one entry is remembered
 *   forever (it is folded from the entries' `operation`), so a retried request is recognised.
 * - **Load.** `load(query)` returns a state shaped like `foldLedger`'s, holding *at least* the
 *   balances of the queried SKUs (every location where the ledger has moved them), the queried
 *   reservation records and the queried operations (absent ones are simply absent); with no query
 *   field it returns everything, and then equals `foldLedger(await ledger())`. `entries` is the
 *   ledger's length at the moment of the load. The state is a consistent snapshot (what the ledger
 *   folds to at one point of the append order) and is never changed afterwards by the store: a
 *   client may keep it while others apply. Loading is only for computing intents; correctness comes
 *   from `apply` re-checking the preconditions.
 * - **Ledger.** `ledger({ from, limit })` returns entries in append order — the order in which
 *   successful `apply` calls committed, and within one intent the intent's order — so folding it
 *   reproduces the balances. Positions never change once written.
 * - **Errors.** Expected refusals are `Result` values; a store rejects its promise only for
 *   infrastructure failures (the database is down) or a malformed query or page (an
 *   `InventoryError` `invalid_request` / `invalid_options`).
 *
 * @example
 * ```ts
 * import { createInMemoryInventoryStore, type InventoryStore } from 'ordercore/adapters';
 *
 * const store: InventoryStore = createInMemoryInventoryStore();
 * const at = '2026-11-22T10:00:00Z';
 * const applied = await store.apply({
 *   key: 'po-1', kind: 'receive', preconditions: [],
 *   entries: [{ id: 'po-1#0', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 5, at, operation: 'po-1' }],
 * });
 * applied; //=> { ok: true, value: { replayed: false, entries: 1 } }
 * (await store.load({ skus: ['SHIRT'] })).balances['SHIRT']?.['dc']?.onHand; //=> 5
 * (await store.ledger()).length; //=> 1
 * ```
 */
export interface InventoryStore {
  /**
   * A consistent snapshot of (part of) the folded state, never mutated afterwards.
   *
   * @param query - What the state must hold; omitted or empty: everything.
   * @returns The state (see the contract above for what a partial state holds).
   */
  load(query?: InventoryStoreQuery): Promise<InventoryState>;
  /**
   * Applies an intent atomically against the current state, with `applyIntent`'s semantics.
   *
   * @param intent - The intent a pure operation computed.
   * @returns Whether it was a replay and how many entries were appended, or the
   *   `InventoryError` (`precondition_failed`, `invalid_entry`, `duplicate_entry_id`,
   *   `invalid_request`) — in which case nothing was written.
   */
  apply(intent: InventoryIntent): Promise<Result<InventoryStoreApplied, InventoryError>>;
  /**
   * The ledger's entries in append order.
   *
   * @param page - Which entries (default: all).
   * @returns The entries from position `from`, at most `limit` of them.
   */
  ledger(page?: InventoryLedgerPage): Promise<readonly LedgerEntry[]>;
}
