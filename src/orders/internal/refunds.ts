// Refund requests, split across the order's payments. Shared by every path that asks the host for
// money back: cancel / approval rejected (windDownEffects), the edits module (edits, line
// cancellations, substitutions) and returns resolved by refund.
//
// The rule: the payments that hold money (net captured = captured − refunded > 0) are taken most
// recent first — the reverse of `order.payments`, which the payment machine appends in the order the
// payments were authorised (replay rebuilds the same order) — and each gives at most its net captured.
// Why most recent first: a later payment usually paid for what was added or charged last (an edit,
// a balance collected after a change), which is what a cancellation or refund most often undoes; and
// gateways refuse refunds on captures that are too old (card networks allow roughly 120–180 days),
// so the freshest captures are the safest to refund. One `refund_payment` effect per payment touched,
// in that order, amounts summing to what is refunded.
//
// `skip` is net-captured money at the top of that stack already spoken for by refunds asked for
// earlier and not recorded yet (the edits module and returns ask only for the part of an
// overpayment not asked for before): the split starts below it, so a payment is never asked for more
// than its net captured even when the host records refunds late. If the payments hold less than
// `skip + amount` (it cannot happen for refunds computed from the amount due of a consistent order),
// what they hold is requested and the rest is not: money never received cannot be paid back through
// a payment; it stays visible as a negative balance (`orderTotals(order).balanceDue`, the edits
// module's `toRefund`) for the host to settle another way.
import type { Order, OrderEffect } from '../types.js';

type RefundEffect = Extract<OrderEffect, { type: 'refund_payment' }>;

/** The refund effects for `amount` minor units (see the rule above), and the part they cover. */
export function refundEffects(
  order: Order,
  amount: number,
  skip: number,
  reason: string,
): { readonly effects: RefundEffect[]; readonly covered: number } {
  const effects: RefundEffect[] = [];
  let toSkip = Math.max(0, skip);
  let left = amount;
  const payments = order.payments;
  for (let i = payments.length - 1; i >= 0 && left > 0; i--) {
    const p = payments[i] as (typeof payments)[number];
    let net = p.captured.amount - p.refunded.amount;
    if (net <= 0) continue;
    if (toSkip >= net) {
      toSkip -= net;
      continue;
    }
    net -= toSkip;
    toSkip = 0;
    const share = Math.min(net, left);
    left -= share;
    effects.push({
      type: 'refund_payment',
      orderId: order.id,
      paymentId: p.id,
      amount: { amount: share, currency: order.currency },
      reason,
    });
  }
  return { effects, covered: amount - left };
}
