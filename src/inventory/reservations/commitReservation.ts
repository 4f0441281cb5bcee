import type { Result } from '../../core/result.js';
import { show } from '../../core/show.js';
import type { InventoryError } from '../errors.js';
import { type DraftEntry, runOperation } from '../internal/operation.js';
import { field, invalidRequest, optionalPositive, optionalText, text } from '../internal/requests.js';
import type { InventoryOperation, InventoryOperationOptions, InventoryState } from '../types.js';
import { activeRecord, holdReplay, unitsFrom } from './internal/holds.js';
import { COMMIT_TARGETS, type CommitReservationRequest, type CommitTarget } from './types.js';

/**
 * Turns some or all of an active, unexpired hold (default: all it holds) into an allocation — one
 * `allocation` entry: reserved falls, allocated rises, on hand stays — or into a shipment — one
 * `shipment` entry from the hold: reserved and on hand fall.
 *
 * Either way available-to-promise does not move, so the intent needs no availability check: its
 * precondition `hold_at_least` (the units committed, with `now`) makes an adapter refuse it if the
 * hold shrank or expired meanwhile. An expired hold is `reservation_expired`: its units may already
 * be promised to someone else, so it can only be released (reserve again to sell it).
 *
 * @param state - The folded ledger (not modified).
 * @param request - The key, the reservation id, the units (default all), `into` and the allocation id
 *   (default: the reservation id).
 * @param options - `now` (stamped on the entry; the hold must not have expired at it).
 * @returns The next state, the intent (`kind: 'commit'`) and `replayed`; or `unknown_reservation`,
 *   `reservation_not_active`, `reservation_expired`, `hold_exceeded`, `invalid_request`,
 *   `invalid_instant`, `invalid_options` or `idempotency_key_reused`.
 * @example
 * ```ts
 * import { commitReservation, foldLedger } from 'ordercore/inventory';
 *
 * const state = foldLedger([
 *   { id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 5, at: '2026-11-22T09:00:00Z' },
 *   { id: 'e-2', kind: 'reservation', sku: 'SHIRT', location: 'dc', quantity: 3, at: '2026-11-22T10:00:00Z', reservationId: 'r-1', expiresAt: '2026-11-22T10:15:00Z' },
 * ]);
 * const r = commitReservation(state, { key: 'order-42', reservationId: 'r-1', into: 'allocation' }, { now: '2026-11-22T10:05:00Z' });
 * const dc = r.ok ? r.value.state.balances['SHIRT']?.['dc'] : undefined;
 * [dc?.onHand, dc?.reserved, dc?.allocated]; //=> [5, 0, 3]
 * r.ok && r.value.intent.entries[0]?.allocationId; //=> 'r-1'
 * const late = commitReservation(state, { key: 'order-43', reservationId: 'r-1', into: 'shipment' }, { now: '2026-11-22T10:15:00Z' });
 * late.ok || late.error.code; //=> 'reservation_expired'
 * ```
 */
export function commitReservation(
  state: InventoryState,
  request: CommitReservationRequest,
  options: InventoryOperationOptions,
): Result<InventoryOperation, InventoryError> {
  return runOperation(state, request, options, {
    kind: 'commit',
    read: (r) => {
      const reservationId = text(r, 'reservationId');
      const quantity = optionalPositive(r, 'quantity');
      const into = field(r, 'into');
      if (typeof into !== 'string' || !(COMMIT_TARGETS as readonly string[]).includes(into))
        throw invalidRequest('into', `${show(into)} is not one of ${COMMIT_TARGETS.join(', ')}.`);
      const target = into as CommitTarget;
      const allocationId = optionalText(r, 'allocationId');
      if (allocationId !== undefined && target === 'shipment')
        throw invalidRequest('allocationId', "only a commit into 'allocation' makes an allocation.");
      return { reservationId, quantity, target, allocationId };
    },
    replayed: ({ reservationId, quantity }, written, context) =>
      holdReplay('commit', reservationId, written, context, { field: 'committed', quantity }),
    plan: ({ reservationId, quantity, target, allocationId }, { now, nowMs }) => {
      const record = activeRecord(state, reservationId, nowMs, false);
      const units = unitsFrom(record, quantity);
      const entry: DraftEntry =
        target === 'allocation'
          ? {
              kind: 'allocation',
              sku: record.sku,
              location: record.location,
              quantity: units,
              reservationId,
              allocationId: allocationId ?? reservationId,
            }
          : { kind: 'shipment', sku: record.sku, location: record.location, quantity: -units, reservationId };
      return { entries: [entry], preconditions: [{ kind: 'hold_at_least', reservationId, quantity: units, now }] };
    },
  });
}
