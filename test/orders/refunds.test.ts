// Refund effects name their payment (split most recent payment first, never more than a payment's
// captured − refunded), and one amount due: orderTotals, orderBalance and the paid guard agree after
// a refunded return.
import { describe, expect, it } from 'vitest';
import { type Order, type OrderEffect, orderBalance, orderTotals, paymentStatus } from '../../src/orders/index.js';
import { refundEffects } from '../../src/orders/internal/refunds.js';
import { created, deepFreeze, draft, OPTS, paidAllocated, rejection, run, step } from './machineFixtures.js';

const c = (amount: number) => ({ amount, currency: 'USD' });

/** The default draft (60.00: l1 4 × 11.00, l2 2 × 5.50, shipping 5.00), paid 40.00 by gift card, then 20.00 by card. */
function twoPayments(): Order {
  const o = created();
  return run(o, [
    { type: 'confirm' },
    { type: 'authorize_payment', paymentId: 'gift', method: 'gift_card', amount: c(4000) },
    { type: 'capture_payment', paymentId: 'gift', amount: c(4000) },
    { type: 'authorize_payment', paymentId: 'card', method: 'card', amount: c(2000) },
    { type: 'capture_payment', paymentId: 'card', amount: c(2000) },
    { type: 'allocate', lines: o.lines.map((l) => ({ lineId: l.id, quantity: l.quantity })) },
  ]);
}

type Refund = Extract<OrderEffect, { type: 'refund_payment' }>;
const refundsOf = (effects: readonly OrderEffect[]): Refund[] =>
  effects.filter((e): e is Refund => e.type === 'refund_payment');
const split = (effects: readonly OrderEffect[]) => refundsOf(effects).map((e) => [e.paymentId, e.amount.amount]);

/** The host refunds at its gateway and records each refund on its payment (the guard checks each). */
function record(order: Order, effects: readonly OrderEffect[]): Order {
  return run(
    order,
    refundsOf(effects).map((e) => ({
      type: 'refund_payment' as const,
      paymentId: e.paymentId,
      amount: e.amount,
      reason: e.reason,
    })),
  );
}

/** orderTotals and the edits module's balance say the same, and return `balanceDue`. */
function agreedBalance(order: Order): number {
  const totals = orderTotals(order);
  const balance = orderBalance(order);
  if (!balance.ok) throw balance.error;
  expect(balance.value.due.amount).toBe(totals.amountDue.amount);
  expect(totals.captured.amount - totals.refunded.amount + totals.balanceDue.amount).toBe(totals.amountDue.amount);
  expect(balance.value.toCollect.amount - balance.value.toRefund.amount).toBe(totals.balanceDue.amount);
  return totals.balanceDue.amount;
}

/** Ships every allocated unit in one shipment and delivers it. */
function shipAll(order: Order, lines: readonly { lineId: string; quantity: number }[]): Order {
  return run(order, [
    { type: 'create_shipment', shipmentId: 's1', lines },
    { type: 'start_picking', shipmentId: 's1' },
    { type: 'pack_shipment', shipmentId: 's1' },
    { type: 'ship', shipmentId: 's1', carrier: 'ups', trackingNumber: '1Z' },
    { type: 'deliver', shipmentId: 's1' },
  ]);
}

/** Returns `quantity` units of l1 (11.00 each) and resolves the return as `resolution`. */
function returnL1(order: Order, quantity: number, resolution: 'refund' | 'store_credit' = 'refund') {
  const received = run(order, [
    { type: 'request_return', returnId: 'r1', lines: [{ lineId: 'l1', quantity, reason: 'wrong_size' }] },
    { type: 'authorize_return', returnId: 'r1' },
    { type: 'receive_return', returnId: 'r1', lines: [{ lineId: 'l1', quantity }] },
    { type: 'inspect_return', returnId: 'r1', lines: [{ lineId: 'l1', resellable: quantity, damaged: 0 }] },
  ]);
  return step(received, { type: 'resolve_return', returnId: 'r1', resolution });
}

describe('refund effects name their payment', () => {
  it('cancel: most recent payment first, each at most what it holds, summing to the refund', () => {
    const o = deepFreeze(twoPayments());
    const before = JSON.stringify(o);
    const r = step(o, { type: 'cancel', reason: 'customer request' });
    expect(JSON.stringify(o)).toBe(before);
    expect(refundsOf(r.effects)).toEqual([
      { type: 'refund_payment', orderId: 'o-1', paymentId: 'card', amount: c(2000), reason: 'customer request' },
      { type: 'refund_payment', orderId: 'o-1', paymentId: 'gift', amount: c(4000), reason: 'customer request' },
    ]);
    const settled = record(r.order, r.effects);
    expect(settled.payments.map((p) => p.state)).toEqual(['refunded', 'refunded']);
  });

  it('cancel_lines: a refund that fits the latest payment names it alone', () => {
    const r = step(twoPayments(), { type: 'cancel_lines', lines: [{ lineId: 'l1', quantity: 1 }], reason: 'short' });
    expect(split(r.effects)).toEqual([['card', 1100]]);
    expect(r.effects.find((e) => e.type === 'notify_customer')).toEqual({
      type: 'notify_customer',
      orderId: 'o-1',
      message: { kind: 'refund_issued', amount: c(1100) },
    });
  });

  it('cancel_lines twice before the first refund is recorded: the second starts below the first', () => {
    const first = step(twoPayments(), {
      type: 'cancel_lines',
      lines: [{ lineId: 'l1', quantity: 1 }],
      reason: 'short',
    });
    const second = step(first.order, { type: 'cancel_lines', lines: [{ lineId: 'l1', quantity: 2 }], reason: 'short' });
    // card holds 20.00: 11.00 asked for already, so 9.00 of the next 22.00 from it, 13.00 from the gift card.
    expect(split(second.effects)).toEqual([
      ['card', 900],
      ['gift', 1300],
    ]);
    // Recording every refund asked for is accepted (refund_within_captured) and settles the order.
    const settled = record(record(second.order, first.effects), second.effects);
    expect(settled.payments.map((p) => [p.id, p.refunded.amount])).toEqual([
      ['gift', 1300],
      ['card', 2000],
    ]);
    expect(agreedBalance(settled)).toBe(0);
  });

  it('edit_order: a quantity decrease refunds per payment', () => {
    const r = step(twoPayments(), {
      type: 'edit_order',
      edits: [{ kind: 'change_quantity', lineId: 'l1', quantity: 1 }],
    });
    expect(split(r.effects)).toEqual([
      ['card', 2000],
      ['gift', 1300],
    ]);
    expect(agreedBalance(record(r.order, r.effects))).toBe(0);
  });

  it('a payment already refunded in full is passed over', () => {
    const o = twoPayments();
    const goodwill = step(o, { type: 'refund_payment', paymentId: 'card', amount: c(2000), reason: 'goodwill' }).order;
    const r = step(goodwill, { type: 'cancel', reason: 'customer request' });
    expect(split(r.effects)).toEqual([['gift', 4000]]);
  });

  it('resolve_return with a refund: split across payments; afterwards nothing is owed', () => {
    const o = twoPayments();
    const shipped = shipAll(o, [
      { lineId: 'l1', quantity: 4 },
      { lineId: 'l2', quantity: 2 },
    ]);
    const resolved = returnL1(shipped, 3);
    expect(resolved.order.returns[0]?.resolutionAmount).toEqual(c(3300));
    expect(split(resolved.effects)).toEqual([
      ['card', 2000],
      ['gift', 1300],
    ]);
    // Before the refunds are recorded, the money is still held: 33.00 to refund.
    expect(agreedBalance(resolved.order)).toBe(-3300);
    const settled = record(resolved.order, resolved.effects);
    expect(orderTotals(settled).refundedReturns).toEqual(c(3300));
    expect(orderTotals(settled).grandTotal).toEqual(c(6000));
    expect(agreedBalance(settled)).toBe(0);
  });

  it('a store-credit return neither refunds nor lowers the amount due', () => {
    const shipped = shipAll(twoPayments(), [
      { lineId: 'l1', quantity: 4 },
      { lineId: 'l2', quantity: 2 },
    ]);
    const resolved = returnL1(shipped, 2, 'store_credit');
    expect(refundsOf(resolved.effects)).toEqual([]);
    expect(orderTotals(resolved.order).refundedReturns).toEqual(c(0));
    expect(agreedBalance(resolved.order)).toBe(0);
  });

  it('net terms, nothing paid: a refunded return asks for no refund and lowers what is owed', () => {
    const o = created(draft({ paymentTerms: { kind: 'net', days: 30 }, creditApproved: true }));
    const allocated = run(o, [{ type: 'confirm' }, { type: 'allocate', lines: [{ lineId: 'l1', quantity: 4 }] }]);
    const resolved = returnL1(shipAll(allocated, [{ lineId: 'l1', quantity: 4 }]), 2);
    expect(refundsOf(resolved.effects)).toEqual([]);
    expect(agreedBalance(resolved.order)).toBe(6000 - 2200);
  });

  it('net terms, part paid: only the overpayment the return creates goes back', () => {
    const o = created(draft({ paymentTerms: { kind: 'net', days: 30 }, creditApproved: true }));
    const paid = run(o, [
      { type: 'confirm' },
      { type: 'authorize_payment', paymentId: 'p1', method: 'card', amount: c(5000) },
      { type: 'capture_payment', paymentId: 'p1', amount: c(5000) },
      { type: 'allocate', lines: [{ lineId: 'l1', quantity: 4 }] },
    ]);
    // 60.00 due, 50.00 paid; 22.00 returned: 38.00 due, so 12.00 of the 22.00 is paid back.
    const resolved = returnL1(shipAll(paid, [{ lineId: 'l1', quantity: 4 }]), 2);
    expect(split(resolved.effects)).toEqual([['p1', 1200]]);
    expect(agreedBalance(record(resolved.order, resolved.effects))).toBe(0);
  });

  it('the paid guard counts the amount due: after a refunded return the rest can still ship', () => {
    const o = twoPayments();
    const shipped = shipAll(o, [{ lineId: 'l1', quantity: 4 }]);
    const resolved = returnL1(shipped, 4);
    const settled = record(resolved.order, resolved.effects);
    // 60.00 − 44.00 returned = 16.00 due; 60.00 − 44.00 refunded = 16.00 held: paid.
    expect(agreedBalance(settled)).toBe(0);
    const next = step(settled, { type: 'create_shipment', shipmentId: 's2', lines: [{ lineId: 'l2', quantity: 2 }] });
    expect(next.order.shipments.map((s) => s.id)).toEqual(['s1', 's2']);
    // One more goodwill refund and it is no longer paid.
    const short = step(settled, { type: 'refund_payment', paymentId: 'gift', amount: c(1), reason: 'goodwill' }).order;
    const refused = rejection(short, {
      type: 'create_shipment',
      shipmentId: 's2',
      lines: [{ lineId: 'l2', quantity: 2 }],
    });
    expect(refused.details['guard']).toBe('paid_or_credit_approved');
  });
});

describe('cancel: shipping and the amount due', () => {
  // Cancelling after a shipment left needs the change cutoff lifted.
  const NO_CUTOFF = { ...OPTS, changeCutoff: 'none' as const };

  it('cancelled before anything shipped: shipping is refunded too and nothing is owed', () => {
    const o = deepFreeze(twoPayments());
    const r = step(o, { type: 'cancel', reason: 'customer request' });
    expect(split(r.effects)).toEqual([
      ['card', 2000],
      ['gift', 4000],
    ]);
    // Before the refunds are recorded, all 60.00 is held and nothing is due.
    expect(orderTotals(r.order).amountDue).toEqual(c(0));
    expect(orderTotals(r.order).grandTotal).toEqual(c(500));
    expect(agreedBalance(r.order)).toBe(-6000);
    expect(paymentStatus(r.order)).toBe('overpaid');
    const settled = record(r.order, r.effects);
    expect(agreedBalance(settled)).toBe(0);
    expect(paymentStatus(settled)).toBe('refunded');
  });

  it('cancelled after some units shipped: shipping stays owed, the unshipped units are refunded', () => {
    const shipped = shipAll(twoPayments(), [{ lineId: 'l1', quantity: 2 }]);
    const r = step(shipped, { type: 'cancel', reason: 'customer request' }, NO_CUTOFF);
    // Owed: 2 × 11.00 shipped + 5.00 shipping = 27.00 of the 60.00 paid; 33.00 back.
    expect(orderTotals(r.order).amountDue).toEqual(c(2700));
    expect(split(r.effects)).toEqual([
      ['card', 2000],
      ['gift', 1300],
    ]);
    const settled = record(r.order, r.effects);
    expect(agreedBalance(settled)).toBe(0);
    expect(paymentStatus(settled)).toBe('paid');
  });

  it('a refund asked for and not recorded yet is not asked for again, and the split starts below it', () => {
    const first = step(twoPayments(), {
      type: 'cancel_lines',
      lines: [{ lineId: 'l1', quantity: 1 }],
      reason: 'short',
    });
    expect(split(first.effects)).toEqual([['card', 1100]]);
    const cancelled = step(first.order, { type: 'cancel', reason: 'customer request' });
    // 49.00 left due before the cancel, 0 after; card has 9.00 not yet spoken for.
    expect(split(cancelled.effects)).toEqual([
      ['card', 900],
      ['gift', 4000],
    ]);
    // Recording every refund asked for passes refund_within_captured and settles the order.
    const settled = record(record(cancelled.order, first.effects), cancelled.effects);
    expect(settled.payments.map((p) => [p.id, p.state, p.refunded.amount])).toEqual([
      ['gift', 'refunded', 4000],
      ['card', 'refunded', 2000],
    ]);
    expect(agreedBalance(settled)).toBe(0);
  });

  it('a refunded return not recorded yet, then cancel: only the unshipped goods and nothing else go back', () => {
    const shipped = shipAll(twoPayments(), [{ lineId: 'l1', quantity: 2 }]);
    const resolved = returnL1(shipped, 2);
    expect(split(resolved.effects)).toEqual([
      ['card', 2000],
      ['gift', 200],
    ]);
    const cancelled = step(resolved.order, { type: 'cancel', reason: 'customer request' }, NO_CUTOFF);
    // Due before: 60.00 − 22.00 returned = 38.00; after: 22.00 shipped + 5.00 shipping − 22.00 = 5.00.
    expect(orderTotals(cancelled.order).amountDue).toEqual(c(500));
    expect(split(cancelled.effects)).toEqual([['gift', 3300]]);
    const settled = record(record(cancelled.order, resolved.effects), cancelled.effects);
    expect(agreedBalance(settled)).toBe(0);
    expect(paymentStatus(settled)).toBe('paid');
  });

  it('an unpaid order cancelled: nothing to refund, nothing owed', () => {
    const r = step(created(), { type: 'cancel', reason: 'customer request' });
    expect(refundsOf(r.effects)).toEqual([]);
    expect(agreedBalance(r.order)).toBe(0);
  });

  it('rejected at approval before shipping: shipping is not owed either', () => {
    const o = run(created(), [
      { type: 'authorize_payment', paymentId: 'p1', method: 'card', amount: c(6000) },
      { type: 'capture_payment', paymentId: 'p1', amount: c(6000) },
      { type: 'request_approval', steps: [{ queue: 'fraud', ruleId: 'r', reason: 'big' }] },
    ]);
    const r = step(o, { type: 'reject', queue: 'fraud', reason: 'fraud' });
    expect(split(r.effects)).toEqual([['p1', 6000]]);
    expect(agreedBalance(record(r.order, r.effects))).toBe(0);
  });
});

describe('paymentStatus measures payment against the amount due', () => {
  it('net terms, nothing paid, a refunded return: unpaid, then paid once the rest is captured', () => {
    const o = created(draft({ paymentTerms: { kind: 'net', days: 30 }, creditApproved: true }));
    const allocated = run(o, [{ type: 'confirm' }, { type: 'allocate', lines: [{ lineId: 'l1', quantity: 4 }] }]);
    const resolved = returnL1(shipAll(allocated, [{ lineId: 'l1', quantity: 4 }]), 2).order;
    expect(paymentStatus(resolved)).toBe('unpaid');
    // 60.00 − 22.00 returned = 38.00 due; paying exactly that is paid (not partially_paid).
    const half = run(resolved, [
      { type: 'authorize_payment', paymentId: 'p1', method: 'card', amount: c(3800) },
      { type: 'capture_payment', paymentId: 'p1', amount: c(1900) },
    ]);
    expect(paymentStatus(half)).toBe('partially_paid');
    const paid = step(half, { type: 'capture_payment', paymentId: 'p1', amount: c(1900) }).order;
    expect(paymentStatus(paid)).toBe('paid');
    expect(agreedBalance(paid)).toBe(0);
  });

  it('paid, then a return refunded: overpaid until the refund is recorded, then paid', () => {
    const shipped = shipAll(twoPayments(), [
      { lineId: 'l1', quantity: 4 },
      { lineId: 'l2', quantity: 2 },
    ]);
    expect(paymentStatus(shipped)).toBe('paid');
    const resolved = returnL1(shipped, 1);
    expect(paymentStatus(resolved.order)).toBe('overpaid');
    const settled = record(resolved.order, resolved.effects);
    expect(paymentStatus(settled)).toBe('paid');
    // Money given back that was still owed is a partial refund.
    const goodwill = step(settled, { type: 'refund_payment', paymentId: 'gift', amount: c(100), reason: 'goodwill' });
    expect(paymentStatus(goodwill.order)).toBe('partially_refunded');
  });

  it('a cancelled prepaid order refunded in full is refunded; one cancelled unpaid is voided, owing nothing', () => {
    const r = step(paidAllocated(), { type: 'cancel', reason: 'customer request' });
    expect(split(r.effects)).toEqual([['p1', 6000]]);
    expect(paymentStatus(record(r.order, r.effects))).toBe('refunded');
    const unpaid = step(created(), { type: 'cancel', reason: 'x' }).order;
    expect(paymentStatus(unpaid)).toBe('voided');
    expect(orderTotals(unpaid).balanceDue.amount).toBe(0);
  });
});

describe('refundEffects (the split rule)', () => {
  const order = (payments: readonly [string, number, number][]): Order =>
    ({
      id: 'o-1',
      currency: 'USD',
      payments: payments.map(([id, captured, refunded]) => ({
        id,
        state: 'captured',
        method: 'card',
        authorized: c(captured),
        captured: c(captured),
        refunded: c(refunded),
      })),
    }) as unknown as Order;

  it('takes payments newest first, skipping what earlier refunds spoke for', () => {
    const o = order([
      ['a', 1000, 0],
      ['b', 500, 500],
      ['c', 700, 200],
    ]);
    expect(refundEffects(o, 800, 0, 'x').effects.map((e) => [e.paymentId, e.amount.amount])).toEqual([
      ['c', 500],
      ['a', 300],
    ]);
    expect(refundEffects(o, 800, 600, 'x').effects.map((e) => [e.paymentId, e.amount.amount])).toEqual([['a', 800]]);
  });

  it('beyond what the payments hold: asks for what they hold and says how much that covers', () => {
    const o = order([
      ['a', 1000, 400],
      ['b', 300, 0],
    ]);
    const r = refundEffects(o, 5000, 0, 'x');
    expect(r.effects.map((e) => [e.paymentId, e.amount.amount])).toEqual([
      ['b', 300],
      ['a', 600],
    ]);
    expect(r.covered).toBe(900);
    expect(refundEffects(o, 500, 2000, 'x')).toEqual({ effects: [], covered: 0 });
  });
});
