import type { ErrorDetails } from '../core/errors.js';
import { OrdercoreError } from '../core/errors.js';

/**
 * Every code a {@link ReplenishmentError} can carry.
 *
 * @example
 * ```ts
 * import { REPLENISHMENT_ERROR_CODES } from 'ordercore/replenishment';
 *
 * REPLENISHMENT_ERROR_CODES.includes('invalid_service_level'); //=> true
 * ```
 */
export const REPLENISHMENT_ERROR_CODES = [
  'invalid_number',
  'invalid_probability',
  'invalid_service_level',
  'invalid_demand',
  'invalid_lead_time',
  'invalid_cost',
  'invalid_quantity',
  'invalid_policy',
  'invalid_position',
  'invalid_options',
  'no_solution',
] as const;

/**
 * Why a replenishment computation was refused.
 *
 * - `invalid_number`: a value that is not a finite number (NaN, Infinity, a string ...).
 * - `invalid_probability`: a probability outside its range (e.g. a quantile of p ∉ (0, 1)).
 * - `invalid_service_level`: a cycle service level or fill rate outside (0, 1).
 * - `invalid_demand`: negative demand or a negative standard deviation.
 * - `invalid_lead_time`: a negative lead time, or zero where the formula divides by it.
 * - `invalid_cost`: a negative or zero cost where the formula needs a positive one.
 * - `invalid_quantity`: a non-positive order quantity, price break or multiple.
 * - `invalid_policy`: a policy whose parameters contradict each other (min > max, s ≥ S ...).
 * - `invalid_position`: an inventory position with a negative on hand, on order or backorder.
 * - `invalid_options`: options that are not the expected shape.
 * - `no_solution`: the target cannot be met (e.g. a fill rate that no finite safety stock reaches).
 *
 * `details.field` names the offending input.
 *
 * @example
 * ```ts
 * import type { ReplenishmentErrorCode } from 'ordercore/replenishment';
 *
 * const code: ReplenishmentErrorCode = 'invalid_demand';
 * code; //=> 'invalid_demand'
 * ```
 */
export type ReplenishmentErrorCode = (typeof REPLENISHMENT_ERROR_CODES)[number];

/**
 * Input a replenishment formula cannot use, with the field and the reason.
 *
 * @example
 * ```ts
 * import { ReplenishmentError } from 'ordercore/replenishment';
 *
 * const e = new ReplenishmentError('invalid_service_level', 'serviceLevel: 1 is not in (0, 1).', { field: 'serviceLevel' });
 * e.code; //=> 'invalid_service_level'
 * e.details['field']; //=> 'serviceLevel'
 * ```
 */
export class ReplenishmentError extends OrdercoreError<ReplenishmentErrorCode> {
  /**
   * @param code - Why the input was refused.
   * @param message - A sentence naming the field and the reason.
   * @param details - Structured facts (`field`, the value, the limits).
   */
  constructor(code: ReplenishmentErrorCode, message: string, details: ErrorDetails = {}) {
    super(code, message, details);
    this.name = 'ReplenishmentError';
  }
}
