import type { ErrorDetails } from '../core/errors.js';
import { OrdercoreError } from '../core/errors.js';

/**
 * Every code an {@link InventoryError} can carry.
 *
 * @example
 * ```ts
 * import { INVENTORY_ERROR_CODES } from 'ordercore/inventory';
 *
 * INVENTORY_ERROR_CODES.includes('insufficient_stock'); //=> true
 * ```
 */
export const INVENTORY_ERROR_CODES = [
  'invalid_entry',
  'duplicate_entry_id',
  'invalid_instant',
  'invalid_request',
  'invalid_options',
  'insufficient_stock',
  'unknown_reservation',
  'reservation_not_active',
  'reservation_expired',
  'hold_exceeded',
  'idempotency_key_reused',
  'unknown_location',
  'precondition_failed',
] as const;

/**
 * Why an inventory operation or a ledger was refused.
 *
 * - `invalid_entry`: a ledger entry is not the expected shape, has the wrong sign for its kind, or
 *   contradicts the ledger before it (a release of a hold that does not exist, ...); `details` has
 *   the entry's `index`, `entryId` and `field`.
 * - `duplicate_entry_id`: two entries share an id.
 * - `invalid_instant`: `now`, an expiry or an entry's `at` is not an ISO 8601 instant with an offset.
 * - `invalid_request`: an operation's request is not the expected shape (`details.field` names it).
 * - `invalid_options`: options or a policy that are not the expected shape.
 * - `insufficient_stock`: fewer units available than requested; `details` has `sku`, `location`
 *   (or `locations`), `requested` and `available`.
 * - `unknown_reservation`: no reservation with that id.
 * - `reservation_not_active`: the reservation no longer holds units (committed or released).
 * - `reservation_expired`: the hold expired at `now`; it can only be released.
 * - `hold_exceeded`: more units released or committed than the hold still holds.
 * - `idempotency_key_reused`: the key was already used for a different request.
 * - `unknown_location`: a location that is not in the stock or the layout given.
 * - `precondition_failed`: an adapter could not apply an intent because a precondition no longer
 *   holds; `details.precondition` is the one that failed.
 *
 * @example
 * ```ts
 * import type { InventoryErrorCode } from 'ordercore/inventory';
 *
 * const code: InventoryErrorCode = 'reservation_expired';
 * code; //=> 'reservation_expired'
 * ```
 */
export type InventoryErrorCode = (typeof INVENTORY_ERROR_CODES)[number];

/**
 * An inventory operation that was refused: returned as `{ ok: false, error }` by operations (state
 * unchanged), thrown only by `foldLedger` for a ledger that does not fold.
 *
 * @example
 * ```ts
 * import { InventoryError } from 'ordercore/inventory';
 *
 * const e = new InventoryError('insufficient_stock', 'SHIRT at dc: 3 requested, 2 available.', {
 *   sku: 'SHIRT', location: 'dc', requested: 3, available: 2,
 * });
 * e.code; //=> 'insufficient_stock'
 * e.details['available']; //=> 2
 * ```
 */
export class InventoryError extends OrdercoreError<InventoryErrorCode> {
  /**
   * @param code - Why the operation was refused.
   * @param message - A sentence naming the field or SKU and the reason.
   * @param details - Structured facts (SKU, location, requested, available, field, ...).
   */
  constructor(code: InventoryErrorCode, message: string, details: ErrorDetails = {}) {
    super(code, message, details);
    this.name = 'InventoryError';
  }
}
