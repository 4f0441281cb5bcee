import type { Money } from '../money/types.js';
import { activeUnits, amountDueMinor, firstUnitsAmount, paymentSums, refundedReturnsMinor } from './internal/ledger.js';
import type { Order } from './types.js';

/**
 * An order's money, derived (never stored): what is still ordered, what was returned and refunded,
 * and what was paid. The amount due is `grandTotal − refundedReturns`, less the shipping charge of an
 * order cancelled (or rejected) before any unit shipped; `balanceDue` is what is still owed of it:
 * the same amount due as the edits module's `orderBalance`, `paymentStatus` and the
 * `paid_or_credit_approved` guard use (`amountDue` = `orderBalance(order).due`, so `balanceDue` =
 * its `toCollect − toRefund`).
 *
 * @example
 * ```ts
 * import type { OrderTotals } from 'ordercore/orders';
 *
 * const fields: (keyof OrderTotals)[] = ['grandTotal', 'refundedReturns', 'amountDue', 'balanceDue'];
 * fields.length; //=> 4
 * ```
 */
export interface OrderTotals {
  /** Σ line subtotals for the units still ordered. */
  readonly subtotal: Money;
  /** Σ line discounts for the units still ordered. */
  readonly discount: Money;
  /** Σ line tax for the units still ordered, plus shipping tax. */
  readonly tax: Money;
  /** Shipping, net plus tax. */
  readonly shipping: Money;
  /** Σ line totals for the units still ordered, plus shipping (net and tax). */
  readonly grandTotal: Money;
  /**
   * Σ `resolutionAmount` of the returns settled by refund: goods given back and paid back, so no
   * longer owed (returns settled by exchange or store credit are not counted).
   */
  readonly refundedReturns: Money;
  /**
   * What the customer owes for the order: `grandTotal − refundedReturns`, less `shipping` when the
   * order was cancelled or rejected before any unit shipped (nothing was sent, so shipping is not
   * owed; once a unit has shipped it is).
   */
  readonly amountDue: Money;
  /** Σ authorised on payments that are not voided or failed. */
  readonly authorized: Money;
  /** Σ captured. */
  readonly captured: Money;
  /** Σ refunded. */
  readonly refunded: Money;
  /**
   * The amount due minus the money held: amountDue − (captured − refunded). Negative when more is
   * held than is owed (that much is to refund); zero for an order paid in full, also after a return
   * is refunded, or the order cancelled, and the refunds recorded.
   */
  readonly balanceDue: Money;
}

/**
 * Computes an order's totals from its lines, shipping, refunded returns and payments. A line's stored amounts are for
 * its full ordered quantity; with cancelled units, each amount counts for the units still ordered,
 * sliced from the stored amounts as `lineAmountsForUnits` slices them (cancellations take a line's
 * last units; exact, never re-spread). The amount due leaves out shipping once the order is
 * cancelled (or rejected) with no unit shipped.
 *
 * @param order - The order.
 * @returns Exact money totals in the order's currency.
 * @example
 * ```ts
 * import { orderTotals } from 'ordercore/orders';
 * import { money, toDecimal } from 'ordercore/money';
 *
 * const usd = (a: string) => money(a, 'USD');
 * const orderIn = (state: string, cancelled: number) => ({
 *   state, currency: 'USD', shipping: { net: usd('5.00'), tax: usd('0.00') }, payments: [], returns: [],
 *   lines: [{ quantity: 3, subtotal: usd('30.00'), discountTotal: usd('3.00'), tax: usd('2.70'), total: usd('29.70'),
 *     quantities: { allocated: 0, picked: 0, shipped: 0, delivered: 0, cancelled, returned: 0, backordered: 0 } }],
 * }) as never;
 * toDecimal(orderTotals(orderIn('confirmed', 1)).grandTotal); //=> '24.80'
 * toDecimal(orderTotals(orderIn('confirmed', 1)).balanceDue); //=> '24.80'
 * // Cancelled before anything shipped: shipping is not owed either.
 * toDecimal(orderTotals(orderIn('cancelled', 3)).grandTotal); //=> '5.00'
 * toDecimal(orderTotals(orderIn('cancelled', 3)).amountDue); //=> '0.00'
 * ```
 */
export function orderTotals(order: Order): OrderTotals {
  let subtotal = 0;
  let discount = 0;
  let tax = order.shipping.tax.amount;
  let lines = 0;
  for (const line of order.lines) {
    const active = activeUnits(line);
    subtotal += firstUnitsAmount(line, active, 'subtotal').amount;
    discount += firstUnitsAmount(line, active, 'discountTotal').amount;
    tax += firstUnitsAmount(line, active, 'tax').amount;
    lines += firstUnitsAmount(line, active, 'total').amount;
  }
  const shipping = order.shipping.net.amount + order.shipping.tax.amount;
  const grandTotal = lines + shipping;
  const returned = order.returns.length === 0 ? 0 : refundedReturnsMinor(order);
  const due = amountDueMinor(order, grandTotal);
  const sums = paymentSums(order);
  const m = (amount: number): Money => ({ amount: amount + 0, currency: order.currency });
  return {
    subtotal: m(subtotal),
    discount: m(discount),
    tax: m(tax),
    shipping: m(shipping),
    grandTotal: m(grandTotal),
    refundedReturns: m(returned),
    amountDue: m(due),
    authorized: m(sums.authorized),
    captured: m(sums.captured),
    refunded: m(sums.refunded),
    balanceDue: m(due - (sums.captured - sums.refunded)),
  };
}
