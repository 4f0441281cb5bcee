// Effect builders shared by the default machines.
import type { Order, OrderEffect } from '../types.js';
import { amountDueMinor, grandTotalMinor, paymentSums } from './ledger.js';
import { refundEffects } from './refunds.js';

export function notify(
  order: Order,
  message: Extract<OrderEffect, { type: 'notify_customer' }>['message'],
): OrderEffect {
  return { type: 'notify_customer', orderId: order.id, message };
}

/**
 * What ending an order (cancel, approval rejected) asks the host to undo: stock still allocated and
 * not shipped, authorisations not captured, captured money no longer owed (one `refund_payment` per
 * payment, split as refunds.ts says), coupon usage.
 *
 * `previous` is the order before, `next` the order wound down (its unshipped units cancelled) and
 * `to` the state it ends in. The refund is net captured − the amount due after (ledger.ts
 * `amountDueMinor`: the shipped units, shipping unless nothing shipped, less refunded returns), never
 * negative — and, as the edits module does, at most the decrease of the amount due this ending
 * causes: an overpayment the order already carried was asked for by an earlier edit, line
 * cancellation or return (a refund not recorded yet), so it is not asked for twice and the split
 * starts below it. An overpayment nobody asked for (more captured than was ever due) stays a negative
 * `balanceDue` for the host to settle.
 */
export function windDownEffects(previous: Order, next: Order, to: string, reason: string): OrderEffect[] {
  const effects: OrderEffect[] = [];
  const release: { lineId: string; sku: string; quantity: number; locationId?: string }[] = [];
  for (const line of previous.lines) {
    const units = line.quantities.allocated - line.quantities.shipped;
    if (units > 0) {
      release.push(
        line.locationId === undefined
          ? { lineId: line.id, sku: line.sku, quantity: units }
          : { lineId: line.id, sku: line.sku, quantity: units, locationId: line.locationId },
      );
    }
  }
  if (release.length > 0) effects.push({ type: 'release_stock', orderId: previous.id, lines: release });
  for (const p of previous.payments) {
    if (p.state === 'authorized' || p.state === 'partially_captured') {
      effects.push({ type: 'void_payment', orderId: previous.id, paymentId: p.id });
    }
  }
  const sums = paymentSums(previous);
  const net = sums.captured - sums.refunded;
  const dueAfter = amountDueMinor(next, grandTotalMinor(next), to);
  const overpaid = net - dueAfter;
  const refund = Math.min(overpaid, amountDueMinor(previous) - dueAfter);
  if (refund > 0) {
    // refund + (overpaid − refund) = net − dueAfter ≤ net captured, so the split always covers it.
    for (const effect of refundEffects(previous, refund, overpaid - refund, reason).effects) effects.push(effect);
  }
  if (previous.couponCodes !== undefined && previous.couponCodes.length > 0) {
    effects.push({ type: 'release_promotion_usage', orderId: previous.id, couponCodes: previous.couponCodes });
  }
  effects.push(notify(previous, { kind: 'order_cancelled', reason }));
  return effects;
}
