import { err, ok, type Result } from '../../core/result.js';
import type { Order } from '../types.js';
import { OrderEditError } from './errors.js';
import { checkOrder, fail } from './internal/checks.js';
import { dueAndCaptured, inSafeRange, toBalance } from './internal/work.js';
import type { OrderBalance } from './types.js';

/**
 * The order's balance as the edits module computes it after every change: the amount due (each
 * line's units still ordered at their stored amounts — the first ordered − cancelled units, see
 * {@link lineAmountsForUnits} — plus shipping (unless the order was cancelled or rejected before any
 * unit shipped), less the resolution amounts of refunded returns)
 * against the net captured (Σ captured − Σ refunded), and what is still to collect or to refund.
 * It is the same amount due as `orderTotals` (`toCollect − toRefund` = its `balanceDue`, `due` = its
 * `grandTotal − refundedReturns`) and the `paid_or_credit_approved` guard use: after a return is
 * refunded, the goods returned are no longer owed and, once the refund is recorded, the money is no
 * longer held.
 *
 * @param order - The order (not mutated).
 * @returns The balance, or `invalid_order`, `inconsistent_amounts`, `currency_mismatch`, `amount_out_of_range`.
 * @example
 * ```ts
 * import { money, toDecimal } from 'ordercore/money';
 * import { orderBalance, type Order } from 'ordercore/orders';
 *
 * const usd = (a: string) => money(a, 'USD');
 * const order = {
 *   id: 'o-1', version: 5, type: 'stock', state: 'confirmed', currency: 'USD', channel: 'web', priority: 'normal',
 *   customer: { accountId: 'c-1', deliveryAddress: {} },
 *   lines: [{ id: 'l1', sku: 'MUG', description: 'Mug', quantity: 3, unitPrice: usd('10.00'), subtotal: usd('30.00'),
 *     discounts: [{ promotionId: 'order-1', amount: usd('1.00') }], discountTotal: usd('1.00'), net: usd('29.00'),
 *     tax: usd('0'), total: usd('29.00'), sourcing: 'stock',
 *     quantities: { allocated: 0, picked: 0, shipped: 0, delivered: 0, cancelled: 1, returned: 0, backordered: 0 } }],
 *   shipping: { net: usd('4.95'), tax: usd('0') }, fulfillment: {},
 *   terms: { paymentTerms: { kind: 'prepaid' }, creditApproved: false }, timestamps: { orderedAt: '2026-11-22T10:00:00Z' },
 *   payments: [{ id: 'p1', state: 'captured', method: 'card', authorized: usd('33.95'), captured: usd('33.95'), refunded: usd('0') }],
 *   shipments: [], returns: [], approvals: [], history: [],
 * } satisfies Order;
 *
 * const b = orderBalance(order);
 * b.ok && toDecimal(b.value.due); //=> '24.29'
 * b.ok && toDecimal(b.value.toRefund); //=> '9.66'
 * ```
 */
export function orderBalance(order: Order): Result<OrderBalance, OrderEditError> {
  const bases = checkOrder(order);
  if (bases instanceof OrderEditError) return err(bases);
  const { due, netCaptured } = dueAndCaptured(order, order.lines, bases);
  if (!inSafeRange(due) || !inSafeRange(netCaptured)) {
    return err(fail('amount_out_of_range', 'The order total is beyond the safe range.', {}));
  }
  return ok(toBalance(due, netCaptured, order.currency));
}
