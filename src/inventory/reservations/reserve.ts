import type { Result } from '../../core/result.js';
import type { InventoryError } from '../errors.js';
import type { InventoryOperation, InventoryOperationOptions, InventoryState } from '../types.js';
import { checkLine, reserveOperation } from './internal/plan.js';
import type { ReserveRequest } from './types.js';

/**
 * Reserves units of a SKU at a location, or at the first location of a stock (in the order given)
 * that can hold the whole quantity, as one `reservation` entry that opens hold `reservationId`.
 *
 * The intent's preconditions are `operation_absent(key)` and `available_at_least` at the location
 * actually chosen, with the policy's safety stock and backorder limit and the request's `now`: an
 * adapter appends the hold only if those units are still promisable when it applies the intent, so
 * two clients racing for the last unit cannot both win. A reservation id is used once: an id already
 * in the ledger is refused (`invalid_request`), never topped up. Replaying the key changes nothing;
 * replaying it with another SKU, quantity or location is `idempotency_key_reused`.
 *
 * @param state - The folded ledger (not modified).
 * @param request - The key, reservation id, SKU, location or stock, quantity, expiry, owner and reference.
 * @param options - `now` (stamped on the entry; holds expire against it) and the availability policy.
 * @returns The next state, the intent (`kind: 'reserve'`) and `replayed`; or `insufficient_stock`
 *   (with `sku`, `location` or `locations`, `requested`, `available`), `invalid_request` (naming the
 *   field), `invalid_instant`, `invalid_options` or `idempotency_key_reused`.
 * @example
 * ```ts
 * import { foldLedger, reserve } from 'ordercore/inventory';
 *
 * const now = '2026-11-22T10:00:00Z';
 * const state = foldLedger([
 *   { id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'berlin', quantity: 1, at: '2026-11-01T08:00:00Z' },
 *   { id: 'e-2', kind: 'receipt', sku: 'SHIRT', location: 'paris', quantity: 5, at: '2026-11-01T08:00:00Z' },
 * ]);
 * const r = reserve(state, { key: 'cart-9:1', reservationId: 'r-1', sku: 'SHIRT', locations: ['berlin', 'paris'], quantity: 2 }, { now });
 * r.ok && r.value.intent.entries[0]?.location; //=> 'paris'
 * r.ok && r.value.state.balances['SHIRT']?.['paris']?.reserved; //=> 2
 * const short = reserve(state, { key: 'cart-9:2', reservationId: 'r-2', sku: 'SHIRT', location: 'berlin', quantity: 2 }, { now });
 * short.ok || [short.error.code, short.error.details['available']]; //=> ['insufficient_stock', 1]
 * ```
 */
export function reserve(
  state: InventoryState,
  request: ReserveRequest,
  options: InventoryOperationOptions,
): Result<InventoryOperation, InventoryError> {
  return reserveOperation(
    state,
    request,
    options,
    (r) => [checkLine(r, '')],
    () => '',
  );
}
