import type { ErrorDetails } from '../core/errors.js';
import { OrdercoreError } from '../core/errors.js';

/**
 * Every code a {@link PickingError} can carry.
 *
 * @example
 * ```ts
 * import { PICKING_ERROR_CODES } from 'ordercore/picking';
 *
 * PICKING_ERROR_CODES.includes('invalid_layout'); //=> true
 * ```
 */
export const PICKING_ERROR_CODES = [
  'invalid_layout',
  'invalid_location',
  'invalid_pick',
  'invalid_order',
  'invalid_options',
  'capacity_exceeded',
  'instance_too_large',
] as const;

/**
 * Why a picking operation was refused.
 *
 * - `invalid_layout`: the warehouse layout is not the expected shape (`details.field` names the field).
 * - `invalid_location`: a storage location is outside the layout or not integral (`details.field`).
 * - `invalid_pick`: a pick is not the expected shape, or two picks share an id (`details.field`, `index`).
 * - `invalid_order`: an order given for batching is not the expected shape (`details.field`).
 * - `invalid_options`: options or a policy that are not the expected shape (`details.field`).
 * - `capacity_exceeded`: an order does not fit a picker's capacity on its own.
 * - `instance_too_large`: more items than the operation accepts in one call (`details.maximum`).
 *
 * @example
 * ```ts
 * import type { PickingErrorCode } from 'ordercore/picking';
 *
 * const code: PickingErrorCode = 'invalid_location';
 * code; //=> 'invalid_location'
 * ```
 */
export type PickingErrorCode = (typeof PICKING_ERROR_CODES)[number];

/**
 * A picking operation that was refused: returned as `{ ok: false, error }`, thrown only by the
 * fast paths meant for already validated data (`routeLength`).
 *
 * @example
 * ```ts
 * import { PickingError } from 'ordercore/picking';
 *
 * const e = new PickingError('invalid_layout', 'layout.aisles must be an integer ≥ 1, got 0.', { field: 'aisles' });
 * e.code; //=> 'invalid_layout'
 * e.details['field']; //=> 'aisles'
 * ```
 */
export class PickingError extends OrdercoreError<PickingErrorCode> {
  /**
   * @param code - Why the operation was refused.
   * @param message - A sentence naming the field and the reason.
   * @param details - Structured facts (field, index, limits, values).
   */
  constructor(code: PickingErrorCode, message: string, details: ErrorDetails = {}) {
    super(code, message, details);
    this.name = 'PickingError';
  }
}
