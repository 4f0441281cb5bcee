import type { Result } from '../../core/result.js';
import type { InventoryError } from '../errors.js';
import type { InventoryOperation, InventoryOperationOptions, InventoryState } from '../types.js';
import { fromAllocated } from './internal/allocation.js';
import type { ShipAllocationRequest } from './types.js';

/**
 * Ships allocated units as one `shipment` entry from the allocation: on hand and allocated both fall,
 * so available-to-promise does not move.
 *
 * The check is against the location's allocated units (`hold_exceeded` beyond them); the intent's one
 * precondition is `operation_absent(key)`, and the fold itself refuses (all or nothing) a shipment of
 * more than is allocated when an adapter applies it.
 *
 * @param state - The folded ledger (not modified).
 * @param request - The key, SKU, location, allocation id, units and a reference.
 * @param options - `now` (stamped on the entry).
 * @returns The next state, the intent (`kind: 'ship'`) and `replayed`; or `hold_exceeded`,
 *   `invalid_request`, `invalid_instant`, `invalid_options` or `idempotency_key_reused`.
 * @example
 * ```ts
 * import { foldLedger, shipAllocation } from 'ordercore/inventory';
 *
 * const state = foldLedger([
 *   { id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 5, at: '2026-11-22T09:00:00Z' },
 *   { id: 'e-2', kind: 'allocation', sku: 'SHIRT', location: 'dc', quantity: 3, at: '2026-11-22T10:00:00Z', allocationId: 'a-1' },
 * ]);
 * const r = shipAllocation(state, { key: 'ship-1', sku: 'SHIRT', location: 'dc', allocationId: 'a-1', quantity: 3 }, { now: '2026-11-23T08:00:00Z' });
 * const dc = r.ok ? r.value.state.balances['SHIRT']?.['dc'] : undefined;
 * [dc?.onHand, dc?.allocated, dc?.available]; //=> [2, 0, 2]
 * ```
 */
export function shipAllocation(
  state: InventoryState,
  request: ShipAllocationRequest,
  options: InventoryOperationOptions,
): Result<InventoryOperation, InventoryError> {
  return fromAllocated(state, request, options, { kind: 'ship', allocationId: 'required', note: 'reference' });
}
