import type { ErrorDetails } from '../core/errors.js';
import { OrdercoreError } from '../core/errors.js';

/**
 * Every code a {@link ShippingError} can carry.
 *
 * @example
 * ```ts
 * import { SHIPPING_ERROR_CODES } from 'ordercore/shipping';
 *
 * SHIPPING_ERROR_CODES.includes('no_feasible_quote'); //=> true
 * ```
 */
export const SHIPPING_ERROR_CODES = [
  'invalid_shipment',
  'invalid_rate_table',
  'invalid_quote',
  'duplicate_quote',
  'invalid_policy',
  'invalid_calendar',
  'invalid_date',
  'invalid_instant',
  'invalid_options',
  'invalid_request',
  'currency_mismatch',
  'no_feasible_quote',
  'unknown_carrier',
  'unknown_service',
  'service_unavailable',
  'unknown_label',
  'label_already_voided',
] as const;

/**
 * Why a shipping operation was refused.
 *
 * - `invalid_shipment`: a shipment, a parcel or a destination is not the expected shape
 *   (`details.field` names the field, e.g. `parcels[1].weightGrams`).
 * - `invalid_rate_table`: a carrier's rate table is not the expected shape (unsorted weight breaks,
 *   a price in another currency, a duplicate zone prefix, ...).
 * - `invalid_quote`: a rate quote is not the expected shape.
 * - `duplicate_quote`: two quotes share an id.
 * - `invalid_policy`: a carrier-selection policy is not the expected shape.
 * - `invalid_calendar`: a working calendar is not the expected shape, or has no working weekday.
 * - `invalid_date`: a date that is not a real calendar day `'YYYY-MM-DD'`.
 * - `invalid_instant`: `now` or a timestamp is not an ISO 8601 instant with an offset.
 * - `invalid_options`: options that are not the expected shape.
 * - `invalid_request`: a gateway request that is not the expected shape.
 * - `currency_mismatch`: quotes in several currencies and no policy currency to compare them in.
 * - `no_feasible_quote`: no quote satisfies the hard constraints; `details.decisions` (and from
 *   `shopRates`, `details.unavailable`) say why each one was refused.
 * - `unknown_carrier` / `unknown_service`: a carrier or service id a gateway does not know.
 * - `service_unavailable`: the service cannot carry this shipment (`details.reason` says why).
 * - `unknown_label`: no label with that id.
 * - `label_already_voided`: the label was voided before.
 *
 * @example
 * ```ts
 * import type { ShippingErrorCode } from 'ordercore/shipping';
 *
 * const code: ShippingErrorCode = 'label_already_voided';
 * code; //=> 'label_already_voided'
 * ```
 */
export type ShippingErrorCode = (typeof SHIPPING_ERROR_CODES)[number];

/**
 * A shipping operation that was refused: returned as `{ ok: false, error }`, never thrown, with the
 * field and the facts in `details`.
 *
 * @example
 * ```ts
 * import { ShippingError } from 'ordercore/shipping';
 *
 * const e = new ShippingError('unknown_label', 'No label "lbl-9".', { labelId: 'lbl-9' });
 * e.code; //=> 'unknown_label'
 * e.name; //=> 'ShippingError'
 * ```
 */
export class ShippingError extends OrdercoreError<ShippingErrorCode> {
  /**
   * @param code - Why the operation was refused.
   * @param message - A sentence naming the field or the id and the reason.
   * @param details - Structured facts (field, ids, limits).
   */
  constructor(code: ShippingErrorCode, message: string, details: ErrorDetails = {}) {
    super(code, message, details);
    this.name = 'ShippingError';
  }
}
