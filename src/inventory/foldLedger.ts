import { applyEntries, emptyState } from './internal/fold.js';
import type { InventoryState, LedgerEntry } from './types.js';

/**
 * Folds a whole ledger into balances, reservation records and applied operations: the pure
 * definition every incremental or stored balance must equal.
 *
 * @param ledger - Every entry, oldest first.
 * @returns The folded state.
 * @throws {@link InventoryError} `invalid_entry` (naming the entry's index, id and field) or
 *   `duplicate_entry_id` when the ledger does not fold: a ledger is the system of record, so one that
 *   contradicts itself is corrupt data, not an expected outcome. Use `applyLedgerEntries` to get a
 *   `Result` instead.
 * @example
 * ```ts
 * import { foldLedger } from 'ordercore/inventory';
 *
 * const at = '2026-11-01T08:00:00Z';
 * const state = foldLedger([
 *   { id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 500, at },
 *   { id: 'e-2', kind: 'shipment', sku: 'SHIRT', location: 'dc', quantity: -6, at, reference: 'marketplace-a' },
 *   { id: 'e-3', kind: 'shipment', sku: 'SHIRT', location: 'dc', quantity: -10, at, reference: 'marketplace-b' },
 * ]);
 * state.balances['SHIRT']?.['dc']?.onHand; //=> 484
 * state.entries; //=> 3
 * ```
 */
export function foldLedger(ledger: readonly LedgerEntry[]): InventoryState {
  const result = applyEntries(emptyState(), ledger, 'owned');
  if (!result.ok) throw result.error;
  return result.state;
}
