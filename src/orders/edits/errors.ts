import type { ErrorDetails } from '../../core/errors.js';
import { OrdercoreError } from '../../core/errors.js';

/**
 * Every code an {@link OrderEditError} can carry.
 *
 * @example
 * ```ts
 * import { ORDER_EDIT_ERROR_CODES } from 'ordercore/orders';
 *
 * ORDER_EDIT_ERROR_CODES.includes('nothing_to_cancel'); //=> true
 * ```
 */
export const ORDER_EDIT_ERROR_CODES = [
  'invalid_order',
  'invalid_options',
  'invalid_edit',
  'unknown_line',
  'duplicate_line_id',
  'invalid_quantity',
  'quantity_below_fulfilled',
  'line_in_fulfillment',
  'currency_mismatch',
  'inconsistent_amounts',
  'nothing_to_cancel',
  'substitution_not_allowed',
  'invalid_availability',
  'invalid_rules',
  'amount_out_of_range',
] as const;

/**
 * Why an edit, a cancellation, a substitution, an allocation plan or a slice of a line was refused.
 *
 * - `invalid_order`: the order (or a line of it) is not the expected shape (`details.field` names it).
 * - `invalid_options`: `now` is not an ISO 8601 instant with an offset, or `reason` is not a string.
 * - `invalid_edit`: an edit is not the expected shape (unknown kind, bad address or date, bad `repriced`).
 * - `unknown_line`: a line id that is not on the order.
 * - `duplicate_line_id`: an added line reuses an id already on the order (or two cancellations' ids are not strings).
 * - `invalid_quantity`: a quantity that is not a safe integer in range (NaN, negative, fractional, more
 *   than can be cancelled; `details.cancellable` says how many could be).
 * - `quantity_below_fulfilled`: a new quantity below the units already shipped, picked or in a shipment.
 * - `line_in_fulfillment`: `remove_line` on a line with allocated, shipped or returned units (cancel it instead).
 * - `currency_mismatch`: money not in the order's currency.
 * - `inconsistent_amounts`: a line's stored amounts do not add up (`net ≠ subtotal − discounts` and
 *   `total ≠ subtotal − discounts`, `total ≠ net + tax`, a negative part, tax lines not summing to tax).
 * - `nothing_to_cancel`: the line has no open units left (all shipped, picked, in shipments or cancelled).
 * - `substitution_not_allowed`: the customer refused substitutes for the line, or the substitute is the same SKU.
 * - `invalid_availability`: the availability or price context is not the expected shape.
 * - `invalid_rules`: the substitution rules are not the expected shape.
 * - `amount_out_of_range`: an amount would leave the safe-integer range of minor units.
 *
 * @example
 * ```ts
 * import type { OrderEditErrorCode } from 'ordercore/orders';
 *
 * const code: OrderEditErrorCode = 'quantity_below_fulfilled';
 * code; //=> 'quantity_below_fulfilled'
 * ```
 */
export type OrderEditErrorCode = (typeof ORDER_EDIT_ERROR_CODES)[number];

/**
 * A refused edit, cancellation, substitution or plan: returned as `{ ok: false, error }`, never
 * thrown; the order given is left untouched. `details` names the field, the line and the edit index.
 *
 * @example
 * ```ts
 * import { OrderEditError } from 'ordercore/orders';
 *
 * const e = new OrderEditError('unknown_line', 'edits[0].lineId: no line "x".', { index: 0, lineId: 'x' });
 * e.code; //=> 'unknown_line'
 * e.details['lineId']; //=> 'x'
 * ```
 */
export class OrderEditError extends OrdercoreError<OrderEditErrorCode> {
  /**
   * @param code - Why it was refused.
   * @param message - A sentence naming the field, line or edit and the reason.
   * @param details - Structured facts (field, line id, edit index, limits).
   */
  constructor(code: OrderEditErrorCode, message: string, details: ErrorDetails = {}) {
    super(code, message, details);
    this.name = 'OrderEditError';
  }
}
