// Effect builders shared by the default machines.
import type { Order, OrderEffect } from '../types.js';
import { paymentSums } from './ledger.js';
import { refundEffects } from './refunds.js';

export function notify(
  order: Order,
  message: Extract<OrderEffect, { type: 'notify_customer' }>['message'],
): OrderEffect {
  return { type: 'notify_customer', orderId: order.id, message };
}

/**
 * What ending an order (cancel, approval rejected) asks the host to undo: stock still allocated and
 * not shipped, authorisations not captured, captured money not matched by shipped goods (one
 * `refund_payment` per payment, split as refunds.ts says), coupon usage.
 *
 * `previous` is the order before, `shippedValue` the stored value of the units that did ship.
 */
export function windDownEffects(previous: Order, shippedValue: number, reason: string): OrderEffect[] {
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
  const refundable = sums.captured - sums.refunded - shippedValue;
  if (refundable > 0) {
    // refundable ≤ net captured, so the split always covers it.
    for (const refund of refundEffects(previous, refundable, 0, reason).effects) effects.push(refund);
  }
  if (previous.couponCodes !== undefined && previous.couponCodes.length > 0) {
    effects.push({ type: 'release_promotion_usage', orderId: previous.id, couponCodes: previous.couponCodes });
  }
  effects.push(notify(previous, { kind: 'order_cancelled', reason }));
  return effects;
}
