import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';
import type { InventoryError } from './errors.js';
import { applyEntries } from './internal/fold.js';
import type { InventoryState, LedgerEntry } from './types.js';

/**
 * Applies new ledger entries to a folded state, all or nothing: the incremental form of
 * `foldLedger` (`applyLedgerEntries(foldLedger(a), b)` equals `foldLedger([...a, ...b])`). The input
 * is never changed: the balances, records and operations the entries touch are copied, and so are
 * the three top-level maps (by SKU, by reservation id, by idempotency key) — shallow copies whose
 * cost grows with the number of SKUs, reservations and keys in `state`, never with the ledger's
 * length. That suits the states operations run on (loaded for a few SKUs); to keep a large state
 * for a long time, let a store own it (`createInMemoryInventoryStore` changes its own state in
 * place, and its `load` hands out copies).
 *
 * @param state - The state so far (not modified).
 * @param entries - The entries to append, oldest first.
 * @returns The next state, or an `invalid_entry` / `duplicate_entry_id` {@link InventoryError}
 *   naming the entry; `state` is unchanged either way.
 * @example
 * ```ts
 * import { applyLedgerEntries, foldLedger } from 'ordercore/inventory';
 *
 * const at = '2026-11-01T08:00:00Z';
 * const before = foldLedger([{ id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 5, at }]);
 * const after = applyLedgerEntries(before, [
 *   { id: 'e-2', kind: 'reservation', sku: 'SHIRT', location: 'dc', quantity: 2, at, reservationId: 'r-1' },
 * ]);
 * after.ok && after.value.balances['SHIRT']?.['dc']?.available; //=> 3
 * before.balances['SHIRT']?.['dc']?.available; //=> 5
 * const refused = applyLedgerEntries(before, [
 *   { id: 'e-3', kind: 'release', sku: 'SHIRT', location: 'dc', quantity: -1, at, reservationId: 'nope' },
 * ]);
 * refused.ok || refused.error.code; //=> 'invalid_entry'
 * ```
 */
export function applyLedgerEntries(
  state: InventoryState,
  entries: readonly LedgerEntry[],
): Result<InventoryState, InventoryError> {
  const result = applyEntries(state, entries, 'pure');
  return result.ok ? ok(result.state) : err(result.error);
}
