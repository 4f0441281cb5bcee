import { amountDueMinor, paymentSums } from './internal/ledger.js';
import type { Order } from './types.js';

/**
 * Every order-level payment status, derived from the payments against the amount due (see `paymentStatus`).
 *
 * @example
 * ```ts
 * import { PAYMENT_STATUSES } from 'ordercore/orders';
 *
 * PAYMENT_STATUSES.includes('partially_paid'); //=> true
 * ```
 */
export const PAYMENT_STATUSES = [
  'unpaid',
  'voided',
  'authorized',
  'partially_paid',
  'paid',
  'overpaid',
  'partially_refunded',
  'refunded',
] as const;

/**
 * An order-level payment status (see `paymentStatus`).
 *
 * @example
 * ```ts
 * import type { PaymentStatus } from 'ordercore/orders';
 *
 * const status: PaymentStatus = 'paid';
 * status; //=> 'paid'
 * ```
 */
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * The order's payment status, projected from its payments against its amount due (never stored;
 * the amount due is `orderTotals(order).amountDue`: what is still ordered, plus shipping, less
 * refunded returns, less shipping for an order cancelled before any unit shipped). `refunded` when
 * something was captured and all of it refunded; `partially_refunded` when some was refunded and the
 * rest no longer covers the amount due; otherwise, by captured − refunded against the amount due,
 * `overpaid` (more held than owed: a refund to ask for or record), `paid`, `partially_paid`, or —
 * nothing captured — `authorized` (live authorisations), `voided` (the order was cancelled or
 * rejected without ever being paid), `paid` (nothing due) or `unpaid`. So a
 * refund that follows a lower amount due (a refunded return, a line cancellation, an edit) leaves a
 * fully paid order `paid`; only money given back that was still owed reads `partially_refunded`.
 *
 * @param order - The order.
 * @returns The status.
 * @example
 * ```ts
 * import { paymentStatus } from 'ordercore/orders';
 *
 * const usd = (amount: number) => ({ amount, currency: 'USD' });
 * const order = (captured: number, refunded: number, returned: number) => ({
 *   state: 'completed', lines: [], shipping: { net: usd(1000), tax: usd(0) },
 *   payments: [{ id: 'p', state: 'captured', method: 'card', authorized: usd(1000), captured: usd(captured), refunded: usd(refunded) }],
 *   returns: returned === 0 ? [] : [{ id: 'r', state: 'refunded', lines: [], resolutionAmount: usd(returned) }],
 * }) as never;
 * paymentStatus(order(400, 0, 0)); //=> 'partially_paid'
 * // 300 of the 1000 returned and paid back: 700 due, 700 held.
 * paymentStatus(order(1000, 300, 300)); //=> 'paid'
 * // 300 paid back with nothing returned: 700 held of 1000 due.
 * paymentStatus(order(1000, 300, 0)); //=> 'partially_refunded'
 * ```
 */
export function paymentStatus(order: Order): PaymentStatus {
  const due = amountDueMinor(order);
  const { authorized, captured, refunded } = paymentSums(order);
  const net = captured - refunded;
  if (refunded > 0 && net === 0) return 'refunded';
  if (refunded > 0 && net < due) return 'partially_refunded';
  if (captured === 0) {
    if (authorized > 0) return 'authorized';
    // An order that ended without ever being paid (cancelled or rejected) is voided, not paid.
    if (order.state === 'cancelled' || order.state === 'rejected') return 'voided';
    return due <= 0 ? 'paid' : 'unpaid';
  }
  if (net > due) return 'overpaid';
  if (net === due) return 'paid';
  return 'partially_paid';
}
