import type { Result } from '../../core/result.js';
import type { InventoryError } from '../errors.js';
import { runOperation, withOptional } from '../internal/operation.js';
import { expiryAfterNow, optionalInstant, text } from '../internal/requests.js';
import type { InventoryOperation, InventoryOperationOptions, InventoryState } from '../types.js';
import { activeRecord, holdReplay } from './internal/holds.js';
import type { ExtendReservationRequest } from './types.js';

/**
 * Moves the expiry of an active hold that has not expired yet, as one `reservation_extended` entry
 * (quantity 0): to a later or an earlier instant after `now`, or, without `expiresAt`, to never.
 *
 * An expired hold cannot be revived (its units may already be promised to someone else): it is
 * `reservation_expired`, and can only be released. The intent's precondition `hold_at_least` (1 unit,
 * with `now`) makes an adapter refuse it if the hold was released, committed or expired meanwhile.
 *
 * @param state - The folded ledger (not modified).
 * @param request - The key, the reservation id and the new expiry.
 * @param options - `now`.
 * @returns The next state, the intent (`kind: 'extend'`) and `replayed`; or `unknown_reservation`,
 *   `reservation_not_active`, `reservation_expired`, `invalid_request`, `invalid_instant` (also for an
 *   expiry not after `now`), `invalid_options` or `idempotency_key_reused`.
 * @example
 * ```ts
 * import { extendReservation, foldLedger } from 'ordercore/inventory';
 *
 * const state = foldLedger([
 *   { id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 5, at: '2026-11-22T09:00:00Z' },
 *   { id: 'e-2', kind: 'reservation', sku: 'SHIRT', location: 'dc', quantity: 2, at: '2026-11-22T10:00:00Z', reservationId: 'r-1', expiresAt: '2026-11-22T10:15:00Z' },
 * ]);
 * const r = extendReservation(state, { key: 'x-1', reservationId: 'r-1', expiresAt: '2026-11-22T10:45:00Z' }, { now: '2026-11-22T10:10:00Z' });
 * r.ok && r.value.state.reservations['r-1']?.expiresAt; //=> '2026-11-22T10:45:00Z'
 * const late = extendReservation(state, { key: 'x-2', reservationId: 'r-1' }, { now: '2026-11-22T10:15:00Z' });
 * late.ok || late.error.code; //=> 'reservation_expired'
 * ```
 */
export function extendReservation(
  state: InventoryState,
  request: ExtendReservationRequest,
  options: InventoryOperationOptions,
): Result<InventoryOperation, InventoryError> {
  return runOperation(state, request, options, {
    kind: 'extend',
    read: (r) => ({ reservationId: text(r, 'reservationId'), expiresAt: optionalInstant(r, 'expiresAt') }),
    replayed: ({ reservationId }, written, context) => holdReplay('extend', reservationId, written, context),
    plan: ({ reservationId, expiresAt }, { now, nowMs }) => {
      const record = activeRecord(state, reservationId, nowMs, false);
      expiryAfterNow(expiresAt, nowMs, 'expiresAt');
      const { sku, location } = record;
      return {
        entries: [
          withOptional({ kind: 'reservation_extended', sku, location, quantity: 0, reservationId }, { expiresAt }),
        ],
        preconditions: [{ kind: 'hold_at_least', reservationId, quantity: 1, now }],
      };
    },
  });
}
