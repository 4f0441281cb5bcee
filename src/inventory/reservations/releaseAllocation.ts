import type { Result } from '../../core/result.js';
import type { InventoryError } from '../errors.js';
import type { InventoryOperation, InventoryOperationOptions, InventoryState } from '../types.js';
import { fromAllocated } from './internal/allocation.js';
import type { ReleaseAllocationRequest } from './types.js';

/**
 * Gives allocated units back to available stock (a deallocation: an order line cancelled after its
 * reservation was committed into an allocation) as one `deallocation` entry.
 *
 * The ledger tracks allocated units per SKU and location, not per allocation id, so the check is
 * against the location's allocated units (`hold_exceeded` beyond them) and `allocationId` is recorded
 * on the entry for people and reports. Giving units back can only raise available-to-promise, so the
 * intent's one precondition is `operation_absent(key)`; the fold itself refuses (all or nothing) a
 * deallocation below zero allocated, which is what makes it safe under concurrency.
 *
 * @param state - The folded ledger (not modified).
 * @param request - The key, SKU, location, allocation id, units and reason.
 * @param options - `now` (stamped on the entry).
 * @returns The next state, the intent (`kind: 'release'`) and `replayed`; or `hold_exceeded`,
 *   `invalid_request`, `invalid_instant`, `invalid_options` or `idempotency_key_reused`.
 * @example
 * ```ts
 * import { foldLedger, releaseAllocation } from 'ordercore/inventory';
 *
 * const state = foldLedger([
 *   { id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 5, at: '2026-11-22T09:00:00Z' },
 *   { id: 'e-2', kind: 'allocation', sku: 'SHIRT', location: 'dc', quantity: 3, at: '2026-11-22T10:00:00Z', allocationId: 'a-1' },
 * ]);
 * const r = releaseAllocation(state, { key: 'cancel-1', sku: 'SHIRT', location: 'dc', allocationId: 'a-1', quantity: 2 }, { now: '2026-11-22T11:00:00Z' });
 * r.ok && r.value.state.balances['SHIRT']?.['dc']?.available; //=> 4
 * ```
 */
export function releaseAllocation(
  state: InventoryState,
  request: ReleaseAllocationRequest,
  options: InventoryOperationOptions,
): Result<InventoryOperation, InventoryError> {
  return fromAllocated(state, request, options, { kind: 'release', allocationId: 'optional', note: 'reason' });
}
