import type { ErrorDetails } from '../core/errors.js';
import { OrdercoreError } from '../core/errors.js';

/**
 * Every code a {@link PricingError} can carry.
 *
 * @example
 * ```ts
 * import { PRICING_ERROR_CODES } from 'ordercore/pricing';
 *
 * PRICING_ERROR_CODES.includes('no_price'); //=> true
 * ```
 */
export const PRICING_ERROR_CODES = [
  'invalid_instant',
  'invalid_cart',
  'duplicate_line_id',
  'invalid_quantity',
  'unknown_sku',
  'no_price',
  'currency_mismatch',
  'invalid_catalog',
  'invalid_tax_rate',
  'invalid_manual_price',
  'invalid_options',
  'invalid_promotion',
  'amount_out_of_range',
] as const;

/**
 * Why a cart could not be priced.
 *
 * - `invalid_instant`: `now` or a validity bound is not an ISO 8601 instant with an offset.
 * - `invalid_cart`: the cart or a line is not the expected shape.
 * - `duplicate_line_id`: two lines share an id.
 * - `invalid_quantity`: a quantity that is not a positive safe integer.
 * - `unknown_sku`: a line's SKU is not in the catalog.
 * - `no_price`: no price applies to a line's SKU and quantity.
 * - `currency_mismatch`: a price, manual price or shipping price not in the catalog currency.
 * - `invalid_catalog`: the catalog is not the expected shape (duplicate SKUs, bad tiers, ...).
 * - `invalid_tax_rate`: a tax rate that is not an exact, non-negative decimal.
 * - `invalid_manual_price`: a manual price without a reason, or negative.
 * - `invalid_options`: options that are not the expected shape (tax context, policy, customer, lanes).
 * - `invalid_promotion`: a promotion that is not the expected shape (unknown action or lane, bad percent, ...).
 * - `amount_out_of_range`: an amount beyond ±`Number.MAX_SAFE_INTEGER` minor units (price × quantity).
 *
 * @example
 * ```ts
 * import type { PricingErrorCode } from 'ordercore/pricing';
 *
 * const code: PricingErrorCode = 'unknown_sku';
 * code; //=> 'unknown_sku'
 * ```
 */
export type PricingErrorCode = (typeof PRICING_ERROR_CODES)[number];

/**
 * A cart that could not be priced: returned as `{ ok: false, error }` by `priceCart`, never thrown,
 * with the line and field in `details`.
 *
 * @example
 * ```ts
 * import { PricingError } from 'ordercore/pricing';
 *
 * const e = new PricingError('unknown_sku', 'lines[0].sku: "NOPE" is not in the catalog.', { lineId: 'l1', sku: 'NOPE' });
 * e.code; //=> 'unknown_sku'
 * ```
 */
export class PricingError extends OrdercoreError<PricingErrorCode> {
  /**
   * @param code - Why the cart could not be priced.
   * @param message - A sentence naming the line or field and the reason.
   * @param details - Structured facts (line id, SKU, field).
   */
  constructor(code: PricingErrorCode, message: string, details: ErrorDetails = {}) {
    super(code, message, details);
    this.name = 'PricingError';
  }
}
