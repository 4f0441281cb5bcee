// Shared by the single-reservation operations (extend, release, commit) and the deallocation and
// shipment of an allocation: the checks of a hold against the state, and the replay rule of an
// operation that writes one entry. What the fold remembers of an applied key is the entry ids it
// wrote and the reservation's record, so "visibly differs" means another entry count, a reservation
// that does not exist, or one that never had that many units released or committed.

import { parseInstant } from '../../../core/instant.js';
import { show } from '../../../core/show.js';
import { InventoryError } from '../../errors.js';
import { own } from '../../internal/fold.js';
import { keyReused, type ReplayContext } from '../../internal/operation.js';
import type { InventoryOperationKind, InventoryState, ReservationRecord } from '../../types.js';

/** Whether the hold of a record has expired at `nowMs`. */
export function isExpired(record: { readonly expiresAt?: string }, nowMs: number): boolean {
  return record.expiresAt !== undefined && (parseInstant(record.expiresAt) ?? 0) <= nowMs;
}

/**
 * The record of a reservation that still holds units, or the refusal: `unknown_reservation`,
 * `reservation_not_active` and, unless `expiredAllowed`, `reservation_expired`.
 */
export function activeRecord(
  state: InventoryState,
  reservationId: string,
  nowMs: number,
  expiredAllowed: boolean,
): ReservationRecord {
  const record = own(state.reservations, reservationId);
  if (record === undefined)
    throw new InventoryError('unknown_reservation', `request.reservationId: no reservation ${show(reservationId)}.`, {
      field: 'reservationId',
      reservationId,
    });
  if (record.open <= 0)
    throw new InventoryError(
      'reservation_not_active',
      `reservation ${show(reservationId)} is ${record.status}; it holds no units.`,
      { field: 'reservationId', reservationId, status: record.status },
    );
  if (!expiredAllowed && isExpired(record, nowMs))
    throw new InventoryError(
      'reservation_expired',
      `reservation ${show(reservationId)} expired at ${record.expiresAt ?? ''}; an expired hold can only be released.`,
      { field: 'reservationId', reservationId, expiresAt: record.expiresAt ?? null },
    );
  return record;
}

/** The units a release or commit takes from a hold (default: all it holds), or `hold_exceeded`. */
export function unitsFrom(record: ReservationRecord, quantity: number | undefined): number {
  const units = quantity ?? record.open;
  if (units > record.open)
    throw new InventoryError(
      'hold_exceeded',
      `request.quantity: reservation ${show(record.reservationId)} holds ${record.open}, fewer than ${units}.`,
      { field: 'quantity', reservationId: record.reservationId, requested: units, held: record.open },
    );
  return units;
}

/** Refuses the replay of a key that wrote other than the one entry an operation of `kind` writes. */
export function wroteOne(written: readonly string[], key: string, kind: InventoryOperationKind): void {
  if (written.length !== 1) throw keyReused(key, `it wrote ${written.length} entries, a ${kind} writes 1`);
}

/**
 * The replay rule of extend, release and commit: one entry written, the reservation exists and, for
 * `moved`, has had at least that many units (default 1) released or committed.
 */
export function holdReplay(
  kind: InventoryOperationKind,
  reservationId: string,
  written: readonly string[],
  { state, key }: ReplayContext,
  moved?: { readonly field: 'released' | 'committed'; readonly quantity: number | undefined },
): void {
  wroteOne(written, key, kind);
  const record = own(state.reservations, reservationId);
  if (record === undefined) throw keyReused(key, `reservation ${show(reservationId)} does not exist`);
  if (moved !== undefined && record[moved.field] < Math.max(1, moved.quantity ?? 1))
    throw keyReused(key, `reservation ${show(reservationId)} has only ${record[moved.field]} units ${moved.field}`);
}
