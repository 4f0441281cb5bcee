// Shared by releaseAllocation and shipAllocation: both take units out of a location's allocated
// units with one entry (a deallocation, a shipment), checked in the same order, refused the same way
// (`hold_exceeded`), and replayed under the same rule (the key wrote one entry).

import type { Result } from '../../../core/result.js';
import { show } from '../../../core/show.js';
import { InventoryError } from '../../errors.js';
import { balanceOf, runOperation, withOptional } from '../../internal/operation.js';
import { optionalText, positive, text } from '../../internal/requests.js';
import type { InventoryOperation, InventoryState } from '../../types.js';
import { wroteOne } from './holds.js';

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

/** How a deallocation and a shipment differ. */
export interface FromAllocated {
  /** The operation (`release` writes a `deallocation`, `ship` a `shipment`). */
  readonly kind: 'release' | 'ship';
  /** Whether the request must name the allocation. */
  readonly allocationId: 'required' | 'optional';
  /** The optional text copied onto the entry. */
  readonly note: 'reason' | 'reference';
}

/** Takes `quantity` units out of a location's allocated units with one entry. */
export function fromAllocated(
  state: InventoryState,
  request: unknown,
  options: unknown,
  how: FromAllocated,
): Result<InventoryOperation, InventoryError> {
  return runOperation(state, request, options, {
    kind: how.kind,
    read: (r) => ({
      sku: text(r, 'sku'),
      location: text(r, 'location'),
      allocationId: how.allocationId === 'required' ? text(r, 'allocationId') : optionalText(r, 'allocationId'),
      quantity: positive(r, 'quantity'),
      note: optionalText(r, how.note),
    }),
    replayed: (_fields, written, { key }) => wroteOne(written, key, how.kind),
    plan: ({ sku, location, allocationId, quantity, note }) => {
      allocatedAtLeast(state, sku, location, quantity);
      const kind = how.kind === 'release' ? 'deallocation' : 'shipment';
      return {
        entries: [withOptional({ kind, sku, location, quantity: -quantity }, { allocationId, [how.note]: note })],
      };
    },
  });
}
