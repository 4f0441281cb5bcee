import type { Result } from '../../core/result.js';
import type { InventoryError } from '../errors.js';
import { runOperation, withOptional } from '../internal/operation.js';
import { optionalPositive, optionalText, text } from '../internal/requests.js';
import type { InventoryOperation, InventoryOperationOptions, InventoryState } from '../types.js';
import { activeRecord, holdReplay, unitsFrom } from './internal/holds.js';
import type { ReleaseReservationRequest } from './types.js';

/**
 * Gives back some or all of a hold's units (default: all it still holds) as one `release` entry,
 * expired or not: releasing is the one thing an expired hold still allows.
 *
 * The intent's precondition `hold_at_least` (the units released, without `now`) makes an adapter
 * refuse it if the hold shrank meanwhile (another release, a commit), so units are never released
 * twice.
 *
 * @param state - The folded ledger (not modified).
 * @param request - The key, the reservation id, the units (default all) and a reason.
 * @param options - `now` (stamped on the entry).
 * @returns The next state, the intent (`kind: 'release'`) and `replayed`; or `unknown_reservation`,
 *   `reservation_not_active`, `hold_exceeded`, `invalid_request`, `invalid_instant`, `invalid_options`
 *   or `idempotency_key_reused`.
 * @example
 * ```ts
 * import { foldLedger, releaseReservation } from 'ordercore/inventory';
 *
 * const state = foldLedger([
 *   { id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 5, at: '2026-11-22T09:00:00Z' },
 *   { id: 'e-2', kind: 'reservation', sku: 'SHIRT', location: 'dc', quantity: 3, at: '2026-11-22T10:00:00Z', reservationId: 'r-1' },
 * ]);
 * const r = releaseReservation(state, { key: 'cancel-1', reservationId: 'r-1', quantity: 1, reason: 'cart line removed' }, { now: '2026-11-22T10:05:00Z' });
 * r.ok && r.value.state.balances['SHIRT']?.['dc']?.reserved; //=> 2
 * const more = releaseReservation(state, { key: 'cancel-2', reservationId: 'r-1', quantity: 4 }, { now: '2026-11-22T10:05:00Z' });
 * more.ok || more.error.code; //=> 'hold_exceeded'
 * ```
 */
export function releaseReservation(
  state: InventoryState,
  request: ReleaseReservationRequest,
  options: InventoryOperationOptions,
): Result<InventoryOperation, InventoryError> {
  return runOperation(state, request, options, {
    kind: 'release',
    read: (r) => ({
      reservationId: text(r, 'reservationId'),
      quantity: optionalPositive(r, 'quantity'),
      reason: optionalText(r, 'reason'),
    }),
    replayed: ({ reservationId, quantity }, written, context) =>
      holdReplay('release', reservationId, written, context, { field: 'released', quantity }),
    plan: ({ reservationId, quantity, reason }, { nowMs }) => {
      const record = activeRecord(state, reservationId, nowMs, true);
      const units = unitsFrom(record, quantity);
      const { sku, location } = record;
      return {
        entries: [withOptional({ kind: 'release', sku, location, quantity: -units, reservationId }, { reason })],
        preconditions: [{ kind: 'hold_at_least', reservationId, quantity: units }],
      };
    },
  });
}
