import { err, ok, type Result } from '../../core/result.js';
import type { Order, OrderEffect, OrderLine } from '../types.js';
import { OrderEditError } from './errors.js';
import { checkNow, checkOrder, fail, isObject, show } from './internal/checks.js';
import {
  cancellableUnits,
  cancelOnLine,
  dueAndCaptured,
  indexOfLine,
  inSafeRange,
  moneyEffects,
  startWork,
  toBalance,
} from './internal/work.js';
import type { OrderEditOutcome } from './types.js';

/**
 * Cancels some units of some lines (partial cancellation), and says what the customer gets back
 * and which stock to release.
 *
 * `transition()` (event `cancel_lines`) is the normal entry point: it checks the state, calls this,
 * bumps `version` and appends the history entry. This function does neither.
 *
 * Which units: the open units (ordered − cancelled − those shipped, picked or in a shipment that is
 * not cancelled). A line's cancelled units are always its LAST units, so cancelling k more units of
 * a line with `a` units still ordered cancels units [a − k, a), whose amounts are the slice
 * {@link lineAmountsForUnits}`(line, a − k, k)` of the stored amounts — the order's amount due falls by
 * exactly those slices, and cancelling every unit one at a time gives back exactly the line's stored
 * amounts. Stock-wise, unallocated units go first (backordered ones before the rest), then allocated
 * units not in a shipment, which are released (`release_stock` at the line's `locationId`). The
 * line's stored amounts and every other line's stored discounts are left as they are.
 *
 * Entries are applied in order (a line may appear more than once), all or nothing.
 *
 * Effects: `release_stock` (when allocated units were cancelled), `refund_payment` and a
 * `refund_issued` notice for the part of the cancelled amount already captured, and a
 * `lines_cancelled` notice.
 *
 * @param order - The order (not mutated).
 * @param cancellations - Units to cancel per line (positive safe integers).
 * @param options - `now` (ISO 8601 instant) and `reason` (recorded on the refund and the notice).
 * @returns The outcome, or `unknown_line`, `invalid_quantity` (more than cancellable: `details.cancellable`),
 *   `nothing_to_cancel`, `invalid_order`, `invalid_options`.
 * @example
 * ```ts
 * import { money, toDecimal } from 'ordercore/money';
 * import { cancelLineQuantities, type Order } from 'ordercore/orders';
 *
 * const usd = (a: string) => money(a, 'USD');
 * const order = {
 *   id: 'o-1', version: 3, type: 'stock', state: 'confirmed', currency: 'USD', channel: 'web', priority: 'normal',
 *   customer: { accountId: 'c-1', deliveryAddress: {} },
 *   lines: [{ id: 'l1', sku: 'MUG', description: 'Mug', quantity: 3, unitPrice: usd('10.00'), subtotal: usd('30.00'),
 *     discounts: [{ promotionId: 'order-1', amount: usd('1.00') }], discountTotal: usd('1.00'), net: usd('29.00'),
 *     tax: usd('0'), total: usd('29.00'), sourcing: 'stock', locationId: 'WH1',
 *     quantities: { allocated: 3, picked: 0, shipped: 0, delivered: 0, cancelled: 0, returned: 0, backordered: 0 } }],
 *   shipping: { net: usd('0'), tax: usd('0') }, fulfillment: {},
 *   terms: { paymentTerms: { kind: 'prepaid' }, creditApproved: false }, timestamps: { orderedAt: '2026-11-22T10:00:00Z' },
 *   payments: [{ id: 'p1', state: 'captured', method: 'card', authorized: usd('29.00'), captured: usd('29.00'), refunded: usd('0') }],
 *   shipments: [], returns: [], approvals: [], history: [],
 * } satisfies Order;
 *
 * const r = cancelLineQuantities(order, [{ lineId: 'l1', quantity: 1 }], { now: '2026-11-23T09:00:00Z', reason: 'customer' });
 * r.ok && toDecimal(r.value.balance.toRefund); //=> '9.66'
 * r.ok && r.value.effects.map((e) => e.type); //=> ['release_stock', 'refund_payment', 'notify_customer', 'notify_customer']
 * ```
 */
export function cancelLineQuantities(
  order: Order,
  cancellations: readonly { readonly lineId: string; readonly quantity: number }[],
  options: { readonly now: string; readonly reason: string },
): Result<OrderEditOutcome, OrderEditError> {
  const bad = checkNow(options);
  if (bad !== undefined) return err(bad);
  if (typeof options.reason !== 'string') {
    return err(
      fail('invalid_options', `options.reason: expected a string, got ${show(options.reason)}.`, { field: 'reason' }),
    );
  }
  const bases = checkOrder(order);
  if (bases instanceof OrderEditError) return err(bases);
  if (!Array.isArray(cancellations) || cancellations.length === 0) {
    return err(
      fail('invalid_quantity', 'cancellations: expected a non-empty array of { lineId, quantity }.', {
        field: 'cancellations',
      }),
    );
  }
  const before = dueAndCaptured(order, order.lines, bases);
  if (!inSafeRange(before.due))
    return err(fail('amount_out_of_range', 'The order total is beyond the safe range.', {}));
  const work = startWork(order, bases);
  const problem = cancelInto(work, cancellations, 'cancel_lines');
  if (problem !== undefined) return err(problem);
  const after = dueAndCaptured(order, work.lines, work.bases);
  const balance = toBalance(after.due, after.netCaptured, order.currency);
  const effects: OrderEffect[] = moneyEffects(work, before, after, options.reason);
  effects.push({
    type: 'notify_customer',
    orderId: order.id,
    message: {
      kind: 'lines_cancelled',
      lines: cancellations.map((c) => ({ lineId: c.lineId, quantity: c.quantity })),
      reason: options.reason,
    },
  });
  return ok({
    order: { ...order, lines: work.lines },
    diff: work.diff,
    balance: { toCollect: balance.toCollect, toRefund: balance.toRefund },
    effects,
  });
}

/** Applies cancellations to a working state (shared with substitutions). */
export function cancelInto(
  work: ReturnType<typeof startWork>,
  cancellations: readonly unknown[],
  kind: 'cancel_lines' | 'substitution',
): OrderEditError | undefined {
  for (let i = 0; i < cancellations.length; i++) {
    const c = cancellations[i];
    const at = `cancellations[${i}]`;
    if (!isObject(c))
      return fail('invalid_quantity', `${at}: expected { lineId, quantity }, got ${show(c)}.`, { index: i });
    const index = indexOfLine(work, c['lineId']);
    if (index < 0) {
      return fail('unknown_line', `${at}.lineId: ${show(c['lineId'])} is not a line of the order.`, {
        index: i,
        field: 'lineId',
        lineId: typeof c['lineId'] === 'string' ? c['lineId'] : null,
      });
    }
    const line = work.lines[index] as OrderLine;
    const quantity = c['quantity'];
    if (!Number.isSafeInteger(quantity) || (quantity as number) < 1) {
      return fail('invalid_quantity', `${at}.quantity: ${show(quantity)} is not a positive safe integer.`, {
        index: i,
        field: 'quantity',
        lineId: line.id,
      });
    }
    const cancellable = cancellableUnits(work.order, line);
    if (cancellable === 0) {
      return fail('nothing_to_cancel', `${at}: line "${line.id}" has no open units left to cancel.`, {
        index: i,
        lineId: line.id,
      });
    }
    if ((quantity as number) > cancellable) {
      return fail(
        'invalid_quantity',
        `${at}.quantity: ${quantity} is more than the ${cancellable} unit(s) that can be cancelled.`,
        {
          index: i,
          field: 'quantity',
          lineId: line.id,
          cancellable,
        },
      );
    }
    cancelOnLine(work, index, quantity as number, kind);
  }
  return undefined;
}
