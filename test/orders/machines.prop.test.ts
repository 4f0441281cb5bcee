import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fulfillmentStatus,
  type MachineEvent,
  type Order,
  orderInvariantViolations,
  orderTotals,
  paymentStatus,
  replay,
  transition,
} from '../../src/orders/index.js';
import { created, draft, line, NOW } from './machineFixtures.js';

const m = (amount: number) => ({ amount, currency: 'USD' });

// One generated step: an event kind plus small numbers the event is built from against the current
// order (which line, which shipment, how many units, how much money), so sequences reach deep states
// while still producing plenty of refused events.
const WEIGHTS: Readonly<Record<string, number>> = {
  confirm: 6,
  request_approval: 1,
  approve: 3,
  reject: 1,
  hold: 1,
  release_hold: 2,
  release_for_fulfillment: 4,
  allocate: 8,
  production_completed: 4,
  create_shipment: 8,
  start_picking: 6,
  pack_shipment: 6,
  ship: 6,
  deliver: 4,
  report_delay: 1,
  cancel_shipment: 1,
  authorize_payment: 5,
  capture_payment: 5,
  refund_payment: 2,
  void_payment: 1,
  payment_failed: 1,
  cancel: 1,
  cancel_lines: 1,
  complete: 3,
  close: 1,
  request_return: 3,
  authorize_return: 3,
  reject_return: 1,
  receive_return: 3,
  inspect_return: 3,
  resolve_return: 3,
};

const stepArb = fc.record({
  kind: fc.oneof(...Object.entries(WEIGHTS).map(([kind, weight]) => ({ arbitrary: fc.constant(kind), weight }))),
  a: fc.nat(5),
  b: fc.nat(5),
  // Amounts near the order total (7,821 for the generated lines with shipping) or small.
  money: fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.constant(7810), fc.constant(7310)),
});

type Step = { kind: string; a: number; b: number; money: number };

function pick<T>(items: readonly T[], i: number): T | undefined {
  return items.length === 0 ? undefined : items[i % items.length];
}

function eventFor(order: Order, s: Step): MachineEvent {
  const lineId = pick(order.lines, s.a)?.id ?? 'l1';
  const shipmentId = pick(order.shipments, s.b)?.id ?? `s${s.b}`;
  const paymentId = pick(order.payments, s.b)?.id ?? `p${s.b}`;
  const returnId = pick(order.returns, s.b)?.id ?? `r${s.b}`;
  const newId = (prefix: string) => `${prefix}${order.history.length}`;
  const queue = ['credit', 'compliance'][s.a % 2] as string;
  switch (s.kind) {
    case 'request_approval':
      return {
        type: 'request_approval',
        steps: [
          { queue: 'credit', ruleId: 'r1', reason: 'limit' },
          { queue: 'compliance', ruleId: 'r2', reason: 'x' },
        ],
      };
    case 'approve':
      return { type: 'approve', queue };
    case 'reject':
      return { type: 'reject', queue, reason: 'no' };
    case 'hold':
      return { type: 'hold', reason: 'check' };
    case 'allocate':
      return {
        type: 'allocate',
        lines: [{ lineId, quantity: s.b }],
        ...(s.a === 0 ? { backorders: [{ lineId, quantity: 1 }] } : {}),
      };
    case 'production_completed':
      return { type: 'production_completed', lines: [{ lineId, quantity: s.b }] };
    case 'create_shipment':
      return {
        type: 'create_shipment',
        shipmentId: s.a === 5 ? shipmentId : newId('s'),
        lines: [{ lineId, quantity: s.b }],
      };
    case 'ship':
      return { type: 'ship', shipmentId, carrier: 'UPS', trackingNumber: 'T' };
    case 'report_delay':
      return { type: 'report_delay', shipmentId, newExpectedAt: NOW, reason: 'late' };
    case 'cancel_shipment':
      return { type: 'cancel_shipment', shipmentId, reason: 'oops' };
    case 'start_picking':
    case 'pack_shipment':
    case 'deliver':
      return { type: s.kind, shipmentId } as MachineEvent;
    case 'authorize_payment':
      return { type: 'authorize_payment', paymentId: newId('p'), method: 'card', amount: m(s.money) };
    case 'capture_payment':
    case 'refund_payment':
      return { type: s.kind, paymentId, amount: m(s.money) } as MachineEvent;
    case 'void_payment':
      return { type: 'void_payment', paymentId };
    case 'payment_failed':
      return { type: 'payment_failed', paymentId: newId('p'), reason: 'declined' };
    case 'cancel':
      return { type: 'cancel', reason: 'changed mind' };
    case 'cancel_lines':
      return { type: 'cancel_lines', lines: [{ lineId, quantity: s.b }], reason: 'short' };
    case 'request_return':
      return { type: 'request_return', returnId: newId('r'), lines: [{ lineId, quantity: s.b, reason: 'size' }] };
    case 'authorize_return':
      return { type: 'authorize_return', returnId };
    case 'reject_return':
      return { type: 'reject_return', returnId, reason: 'late' };
    case 'receive_return':
      return { type: 'receive_return', returnId, lines: [{ lineId, quantity: s.b }] };
    case 'inspect_return':
      return { type: 'inspect_return', returnId, lines: [{ lineId, resellable: s.b, damaged: s.a % 2 }] };
    case 'resolve_return':
      return {
        type: 'resolve_return',
        returnId,
        resolution: (['refund', 'exchange', 'store_credit'] as const)[s.a % 3] as 'refund',
      };
    default:
      return { type: s.kind } as MachineEvent;
  }
}

const draftArb = fc.record({
  type: fc.constantFrom('stock', 'make_to_order', 'pre_order'),
  terms: fc.constantFrom('prepaid', 'net_approved', 'net', 'cod'),
  couponCodes: fc.constantFrom(undefined, ['SAVE']),
});

function start(d: { type: string; terms: string; couponCodes: readonly string[] | undefined }): Order {
  return created(
    draft({
      type: d.type as 'stock',
      lines: [line('l1', 4, 10), line('l2', 3, 7, d.type === 'stock' ? {} : { sourcing: 'make_to_order' })],
      ...(d.type === 'pre_order' ? { releaseAt: '2026-11-01T00:00:00Z' } : {}),
      ...(d.couponCodes === undefined ? {} : { couponCodes: d.couponCodes }),
      paymentTerms:
        d.terms === 'prepaid'
          ? { kind: 'prepaid' }
          : d.terms === 'cod'
            ? { kind: 'cash_on_delivery' }
            : { kind: 'net', days: 30 },
      creditApproved: d.terms === 'net_approved',
    }),
  );
}

const options = { now: NOW, actor: { kind: 'user', id: 'prop' } } as const;

describe('random event sequences (model-based)', () => {
  it('never break an invariant; refused events leave the order unchanged; replay and JSON round trip reproduce it', () => {
    let accepted = 0;
    fc.assert(
      fc.property(draftArb, fc.array(stepArb, { minLength: 1, maxLength: 60, size: 'max' }), (d, steps) => {
        let order = start(d);
        for (const s of steps) {
          const event = eventFor(order, s);
          const before = JSON.stringify(order);
          const r = transition(order, event, options);
          if (!r.ok) {
            expect(JSON.stringify(order)).toBe(before);
            continue;
          }
          accepted += 1;
          expect(JSON.stringify(order)).toBe(before);
          expect(r.value.order.version).toBe(order.version + 1);
          order = r.value.order;
          const violations = orderInvariantViolations(order);
          if (violations.length > 0) throw new Error(`${event.type}: ${violations.join('; ')}`);
          // Projections are total on every reachable order.
          paymentStatus(order);
          fulfillmentStatus(order);
          expect(orderTotals(order).grandTotal.currency).toBe('USD');
        }
        const rebuilt = replay(order.history);
        expect(rebuilt.ok && rebuilt.value).toEqual(order);
        expect(JSON.parse(JSON.stringify(order))).toEqual(order);
        const fromJson = replay(JSON.parse(JSON.stringify(order.history)));
        expect(fromJson.ok && fromJson.value).toEqual(order);
      }),
      { numRuns: 150 },
    );
    // The generator must actually drive orders forward, not only produce refusals.
    expect(accepted).toBeGreaterThan(300);
  });

  it('reaches deep states: some random runs ship, refund and return', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(draftArb, fc.array(stepArb, { minLength: 20, maxLength: 80, size: 'max' }), (d, steps) => {
        let order = start(d);
        for (const s of steps) {
          const r = transition(order, eventFor(order, s), options);
          if (r.ok) order = r.value.order;
        }
        seen.add(order.state);
        for (const p of order.payments) seen.add(`payment:${p.state}`);
        for (const sh of order.shipments) seen.add(`shipment:${sh.state}`);
        for (const rt of order.returns) seen.add(`return:${rt.state}`);
      }),
      { numRuns: 150, seed: 42 },
    );
    for (const state of [
      'confirmed',
      'cancelled',
      'in_fulfillment',
      'payment:captured',
      'shipment:shipped',
      'shipment:cancelled',
    ]) {
      expect(seen.has(state), state).toBe(true);
    }
  });
});
