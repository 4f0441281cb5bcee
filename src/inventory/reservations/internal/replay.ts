// The replay of a key applied by a single-reservation operation (extend, release, commit): what the
// fold remembers of it is the entry ids it wrote and the reservation's record, so "visibly differs"
// means another entry count, a reservation that does not exist, or one that never had that many
// units released or committed.

import type { Result } from '../../../core/result.js';
import { show } from '../../../core/show.js';
import type { InventoryError } from '../../errors.js';
import { own } from '../../internal/fold.js';
import type { InventoryOperation, InventoryOperationKind, InventoryState } from '../../types.js';
import { appliedEntryIds, keyReused, replay } from './checks.js';

/** The replay of `key`, `idempotency_key_reused` when it visibly did something else, or undefined when unused. */
export function replayOfHoldOperation(
  state: InventoryState,
  key: string,
  kind: InventoryOperationKind,
  reservationId: string,
  moved?: { readonly field: 'released' | 'committed'; readonly quantity: number | undefined },
): Result<InventoryOperation, InventoryError> | undefined {
  const written = appliedEntryIds(state, key);
  if (written === undefined) return undefined;
  if (written.length !== 1) throw keyReused(key, `it wrote ${written.length} entries, a ${kind} writes 1`);
  const record = own(state.reservations, reservationId);
  if (record === undefined) throw keyReused(key, `reservation ${show(reservationId)} does not exist`);
  if (moved !== undefined && record[moved.field] < Math.max(1, moved.quantity ?? 1))
    throw keyReused(key, `reservation ${show(reservationId)} has only ${record[moved.field]} units ${moved.field}`);
  return replay(state, key, kind);
}
