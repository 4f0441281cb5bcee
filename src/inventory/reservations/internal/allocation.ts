// Shared by releaseAllocation and shipAllocation: the check against a location's allocated units and
// the replay of a key (one entry written, or the key was used for something else).

import type { Result } from '../../../core/result.js';
import { show } from '../../../core/show.js';
import { InventoryError } from '../../errors.js';
import type { InventoryOperation, InventoryOperationKind, InventoryState } from '../../types.js';
import { appliedEntryIds, balanceOf, keyReused, replay } from './checks.js';

/** Refuses with `hold_exceeded` unless the location has at least `quantity` units allocated. */
export function allocatedAtLeast(state: InventoryState, sku: string, location: string, quantity: number): void {
  const allocated = balanceOf(state, sku, location)?.allocated ?? 0;
  if (allocated < quantity)
    throw new InventoryError(
      'hold_exceeded',
      `request.quantity: ${show(sku)} at ${show(location)} has ${allocated} allocated, fewer than ${quantity}.`,
      { field: 'quantity', sku, location, requested: quantity, allocated },
    );
}

/** The replay of `key`, `idempotency_key_reused` if it wrote other than one entry, or undefined when unused. */
export function replayOfAllocationOperation(
  state: InventoryState,
  key: string,
  kind: InventoryOperationKind,
): Result<InventoryOperation, InventoryError> | undefined {
  const written = appliedEntryIds(state, key);
  if (written === undefined) return undefined;
  if (written.length !== 1) throw keyReused(key, `it wrote ${written.length} entries, a ${kind} writes 1`);
  return replay(state, key, kind);
}
