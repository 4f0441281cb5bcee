import type { ErrorDetails } from '../core/errors.js';
import { OrdercoreError } from '../core/errors.js';

/**
 * Every code a {@link WorkflowError} can carry.
 *
 * @example
 * ```ts
 * import { WORKFLOW_ERROR_CODES } from 'ordercore/workflows';
 *
 * WORKFLOW_ERROR_CODES.includes('insufficient_stock'); //=> true
 * ```
 */
export const WORKFLOW_ERROR_CODES = [
  'invalid_request',
  'not_configured',
  'order_not_found',
  'order_rejected',
  'pricing_failed',
  'insufficient_stock',
  'promotion_limit_reached',
  'payment_declined',
  'payment_failed',
  'transition_rejected',
  'inventory_failed',
  'carrier_failed',
  'idempotency_key_reused',
  'conflict',
  'adapter_failed',
] as const;

/**
 * Why a command of the order service failed. `details.cause`, when present, is the underlying
 * error as plain data (`{ name, code, message, details }`).
 *
 * - `invalid_request`: the command is not the expected shape; `details.field` names the field.
 * - `not_configured`: the command needs configuration the service was not given (`details.field`).
 * - `order_not_found`: no order with `details.orderId`.
 * - `order_rejected`: `validateOrder` rejected the order; `details.issues` lists why.
 * - `pricing_failed`: `priceCart` refused the cart (an unknown SKU, a missing price ...).
 * - `insufficient_stock`: the stock cannot hold every line (nothing is held).
 * - `promotion_limit_reached`: a promotion's usage limit or budget is exhausted.
 * - `payment_declined`: the payment gateway declined (`details.cause.details.reason`).
 * - `payment_failed`: the gateway refused another way (`amount_exceeded`, `invalid_state` ...).
 * - `transition_rejected`: the order cannot take the event now (`details.cause` is the
 *   `OrderTransitionError`, e.g. `transition_not_allowed` or a guard).
 * - `inventory_failed`: the inventory store or a pure inventory operation refused (not for lack of stock).
 * - `carrier_failed`: the carrier gateway could not quote or label the shipment.
 * - `idempotency_key_reused`: the key was used by another command, or its earlier attempt failed
 *   after holding stock and was compensated (a spent key: use a new one).
 * - `conflict`: the order or the stock kept changing under the command; `details.attempts` were made.
 * - `adapter_failed`: a port rejected its promise (infrastructure); `details.step` names the step.
 *   The command compensated what it had done before that step.
 *
 * @example
 * ```ts
 * import type { WorkflowErrorCode } from 'ordercore/workflows';
 *
 * const code: WorkflowErrorCode = 'conflict';
 * code; //=> 'conflict'
 * ```
 */
export type WorkflowErrorCode = (typeof WORKFLOW_ERROR_CODES)[number];

/**
 * A command of the order service failed: returned as `{ ok: false, error }`, never thrown.
 *
 * @example
 * ```ts
 * import { WorkflowError } from 'ordercore/workflows';
 *
 * const e = new WorkflowError('order_not_found', 'No order "o-9".', { orderId: 'o-9' });
 * [e.code, e.details['orderId']]; //=> ['order_not_found', 'o-9']
 * ```
 */
export class WorkflowError extends OrdercoreError<WorkflowErrorCode> {
  /**
   * @param code - Why the command failed.
   * @param message - A sentence naming the field, the order or the step, and the reason.
   * @param details - Structured facts (field, orderId, step, cause).
   */
  constructor(code: WorkflowErrorCode, message: string, details: ErrorDetails = {}) {
    super(code, message, details);
    this.name = 'WorkflowError';
  }
}
