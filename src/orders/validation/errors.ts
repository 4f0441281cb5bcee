import type { ErrorDetails } from '../../core/errors.js';
import { OrdercoreError } from '../../core/errors.js';

/**
 * Every code an {@link OrderPolicyError} can carry.
 *
 * @example
 * ```ts
 * import { ORDER_POLICY_ERROR_CODES } from 'ordercore/orders';
 *
 * ORDER_POLICY_ERROR_CODES.includes('invalid_context'); //=> true
 * ```
 */
export const ORDER_POLICY_ERROR_CODES = [
  'invalid_context',
  'invalid_options',
  'invalid_rules',
  'invalid_order',
  'duplicate_order_id',
  'currency_mismatch',
] as const;

/**
 * Why validation, approval routing or prioritisation could not run at all.
 *
 * Problems of an order being *validated* are never errors: they are issues in the report. These
 * codes are for the configuration and the inputs the functions cannot work without:
 *
 * - `invalid_context`: the validation context is not the expected shape (a SKU rule, a credit
 *   account, a holiday, the cut-off, the calendar, the address rules; `details.field` names it).
 * - `invalid_options`: an option is not valid (`now` is not an ISO 8601 instant with an offset, ...).
 * - `invalid_rules`: approval rules or prioritisation criteria are not the expected shape.
 * - `invalid_order`: `routeApproval` or `prioritizeOrders` was given an order it cannot read
 *   (`details.field` names the field).
 * - `duplicate_order_id`: two orders given to `prioritizeOrders` share an id (the final tie-break).
 * - `currency_mismatch`: money in different currencies had to be compared (an order-value rule or
 *   threshold against an order in another currency, or order values of several currencies).
 *
 * @example
 * ```ts
 * import type { OrderPolicyErrorCode } from 'ordercore/orders';
 *
 * const code: OrderPolicyErrorCode = 'currency_mismatch';
 * code; //=> 'currency_mismatch'
 * ```
 */
export type OrderPolicyErrorCode = (typeof ORDER_POLICY_ERROR_CODES)[number];

/**
 * A configuration or input that validation, approval routing or prioritisation cannot work with:
 * thrown (a malformed context or rule set is a programming error of the host), with the offending
 * field in `details.field`. It is never a `TypeError`.
 *
 * @example
 * ```ts
 * import { OrderPolicyError } from 'ordercore/orders';
 *
 * const e = new OrderPolicyError('invalid_context', 'context.delivery.cutoff.time: "25:00" is not HH:mm.', {
 *   field: 'context.delivery.cutoff.time',
 * });
 * e.code; //=> 'invalid_context'
 * e.details['field']; //=> 'context.delivery.cutoff.time'
 * ```
 */
export class OrderPolicyError extends OrdercoreError<OrderPolicyErrorCode> {
  /**
   * @param code - Why the call could not run.
   * @param message - A sentence naming the field and the reason.
   * @param details - Structured facts (`field`, the values involved).
   */
  constructor(code: OrderPolicyErrorCode, message: string, details: ErrorDetails = {}) {
    super(code, message, details);
    this.name = 'OrderPolicyError';
  }
}
