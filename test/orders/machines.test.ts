import { describe, expect, it } from 'vitest';
import {
  availableEvents,
  createOrder,
  defaultMachines,
  defineMachine,
  extendMachine,
  fulfillmentStatus,
  type Order,
  OrderMachineError,
  orderInvariantViolations,
  orderTotals,
  paymentStatus,
  replay,
  returnStatus,
  toMermaid,
  transition,
} from '../../src/orders/index.js';
import {
  CLERK,
  created,
  DEFAULT_TOTAL,
  deepFreeze,
  draft,
  LATER,
  line,
  NOW,
  OPTS,
  paidAllocated,
  rejection,
  run,
  SYSTEM,
  step,
} from './machineFixtures.js';

const m = (amount: number) => ({ amount, currency: 'USD' });

function expectConsistent(order: Order): void {
  expect(orderInvariantViolations(order)).toEqual([]);
  const rebuilt = replay(order.history);
  expect(rebuilt.ok && rebuilt.value).toEqual(order);
  expect(JSON.parse(JSON.stringify(order))).toEqual(order);
}

describe('createOrder', () => {
  it('starts in placed with the place event as history[0], zero ledgers and defaults', () => {
    const o = created();
    expect(o.state).toBe('placed');
    expect(o.version).toBe(1);
    expect(o.history).toHaveLength(1);
    expect(o.history[0]).toMatchObject({ seq: 1, machine: 'order', from: '[*]', to: 'placed', actor: CLERK, at: NOW });
    expect(o.lines.map((l) => [l.sourcing, l.quantities.allocated])).toEqual([
      ['stock', 0],
      ['stock', 0],
    ]);
    expectConsistent(o);
  });

  it('defaults make-to-order sourcing from the order type and gives service orders a service job', () => {
    expect(created(draft({ type: 'make_to_order' })).lines[0]?.sourcing).toBe('make_to_order');
    expect(created(draft({ type: 'service', lines: [] })).service).toEqual({ state: 'requested' });
  });

  it('refuses bad drafts with invalid_draft naming the field, never throwing', () => {
    const cases: [unknown, string][] = [
      [null, 'draft'],
      [{ ...draft(), id: '' }, 'id'],
      [{ ...draft(), currency: 'XXX1' }, 'currency'],
      [{ ...draft(), lines: [line('a', 0, 1)] }, 'lines[0].quantity'],
      [{ ...draft(), lines: [line('a', 1, 1), line('a', 1, 1)] }, 'lines[1].id'],
      [{ ...draft(), lines: [{ ...line('a', 1, 1), total: { amount: 1, currency: 'EUR' } }] }, 'lines[0].total'],
      [{ ...draft(), type: 'pre_order' }, 'releaseAt'],
      [{ ...draft(), terms: { paymentTerms: { kind: 'barter' }, creditApproved: false } }, 'terms'],
    ];
    for (const [bad, field] of cases) {
      const r = createOrder(bad as never, OPTS);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid_draft');
        expect(r.error.details['field']).toBe(field);
      }
    }
  });

  it('refuses bad options', () => {
    const r = createOrder(draft(), { now: '2026-11-22 10:00', actor: CLERK });
    expect(!r.ok && r.error.code).toBe('invalid_options');
    const r2 = createOrder(draft(), { now: NOW, actor: { kind: 'robot', id: 'x' } as never });
    expect(!r2.ok && r2.error.details['field']).toBe('actor');
  });
});

describe('order machine', () => {
  it('confirms with a notice and the confirmedAt timestamp', () => {
    const r = step(created(), { type: 'confirm', expectedShipAt: LATER });
    expect(r.order.state).toBe('confirmed');
    expect(r.order.timestamps.confirmedAt).toBe(NOW);
    expect(r.order.timestamps.expectedShipAt).toBe(LATER);
    expect(r.effects).toEqual([{ type: 'notify_customer', orderId: 'o-1', message: { kind: 'order_confirmed' } }]);
  });

  it('routes approvals: each approve records the actor; the last confirms; any reject ends in rejected', () => {
    const pending = step(created(), {
      type: 'request_approval',
      steps: [
        { queue: 'credit', ruleId: 'r1', reason: 'over limit' },
        { queue: 'compliance', ruleId: 'r2', reason: 'export' },
      ],
    });
    expect(pending.order.state).toBe('pending_approval');
    expect(pending.effects.map((e) => e.type)).toEqual(['request_approval', 'request_approval']);
    const boss = { kind: 'user', id: 'boss' } as const;
    const one = step(
      pending.order,
      { type: 'approve', queue: 'credit', comment: 'ok' },
      { now: NOW, actor: boss },
    ).order;
    expect(one.state).toBe('pending_approval');
    expect(one.approvals[0]).toMatchObject({ status: 'approved', decidedBy: 'boss', decidedAt: NOW, comment: 'ok' });
    const two = step(one, { type: 'approve', queue: 'compliance' }, { now: LATER, actor: SYSTEM });
    expect(two.order.state).toBe('confirmed');
    expect(two.order.approvals[1]).toMatchObject({ status: 'approved', decidedBy: 'oms' });
    expect(two.effects.map((e) => e.type)).toEqual(['notify_customer']);
    expectConsistent(two.order);

    const rejected = step(one, { type: 'reject', queue: 'compliance', reason: 'embargo' }).order;
    expect(rejected.state).toBe('rejected');
    expect(rejected.approvals[1]).toMatchObject({ status: 'rejected', comment: 'embargo', decidedBy: 'clerk-1' });
    // An approval for a queue with no pending step is malformed, not a transition question.
    expect(rejection(one, { type: 'approve', queue: 'credit' }).code).toBe('invalid_event');
  });

  it('hold returns to the state it was held from', () => {
    const confirmed = step(created(), { type: 'confirm' }).order;
    const held = step(confirmed, { type: 'hold', reason: 'fraud check' }).order;
    expect(held.state).toBe('on_hold');
    expect(held.hold).toEqual({ reason: 'fraud check', fromState: 'confirmed' });
    expect(rejection(held, { type: 'allocate', lines: [{ lineId: 'l1', quantity: 1 }] }).code).toBe(
      'transition_not_allowed',
    );
    const released = step(held, { type: 'release_hold' }).order;
    expect(released.state).toBe('confirmed');
    expect(released.hold).toBeUndefined();
    expect(step(step(created(), { type: 'hold', reason: 'x' }).order, { type: 'release_hold' }).order.state).toBe(
      'placed',
    );
    expectConsistent(released);
  });

  it('pre-orders wait for their release date', () => {
    const pre = created(draft({ type: 'pre_order', releaseAt: '2026-12-01T00:00:00Z' }));
    const waiting = step(pre, { type: 'confirm' }).order;
    expect(waiting.state).toBe('awaiting_release');
    expect(rejection(waiting, { type: 'allocate', lines: [{ lineId: 'l1', quantity: 1 }] }).code).toBe(
      'transition_not_allowed',
    );
    const early = rejection(waiting, { type: 'release_for_fulfillment' });
    expect(early.code).toBe('guard_rejected');
    expect(early.details).toMatchObject({ guard: 'release_date_reached', reason: 'before_release_date' });
    const released = step(
      waiting,
      { type: 'release_for_fulfillment' },
      { now: '2026-12-01T00:00:00Z', actor: SYSTEM },
    ).order;
    expect(released.state).toBe('confirmed');
    expectConsistent(released);
  });

  it('make-to-order units are scheduled once: a second allocate of the same units is refused', () => {
    const mto = created(draft({ lines: [line('l1', 5, 10, { sourcing: 'make_to_order' })] }));
    const confirmed = step(mto, { type: 'confirm' }).order;
    const scheduled = step(confirmed, { type: 'allocate', lines: [{ lineId: 'l1', quantity: 3 }] });
    expect(scheduled.effects.filter((e) => e.type === 'schedule_production')).toHaveLength(1);
    const again = transition(scheduled.order, { type: 'allocate', lines: [{ lineId: 'l1', quantity: 3 }] }, OPTS);
    expect(again.ok).toBe(false);
    if (!again.ok) {
      expect(again.error.code).toBe('guard_rejected');
      expect(again.error.details['reason']).toBe('quantity_exceeds_open');
    }
    // The two units not yet scheduled can be; after production, nothing is left to schedule.
    const rest = step(scheduled.order, { type: 'allocate', lines: [{ lineId: 'l1', quantity: 2 }] }).order;
    const produced = step(rest, { type: 'production_completed', lines: [{ lineId: 'l1', quantity: 5 }] }).order;
    expect(produced.lines[0]?.quantities.allocated).toBe(5);
    expect(transition(produced, { type: 'allocate', lines: [{ lineId: 'l1', quantity: 1 }] }, OPTS).ok).toBe(false);
    expectConsistent(produced);
  });

  it('allocating stock lines reserves stock; make-to-order lines schedule production until produced', () => {
    const mixed = created(draft({ lines: [line('l1', 4, 10), line('l2', 2, 5, { sourcing: 'make_to_order' })] }));
    const confirmed = step(mixed, { type: 'confirm' }).order;
    const r = step(confirmed, {
      type: 'allocate',
      lines: [
        { lineId: 'l1', quantity: 3, locationId: 'WH1' },
        { lineId: 'l2', quantity: 2 },
      ],
      backorders: [{ lineId: 'l1', quantity: 1, expectedAt: LATER }],
    });
    expect(r.order.state).toBe('in_production');
    expect(r.effects).toEqual([
      {
        type: 'reserve_stock',
        orderId: 'o-1',
        lines: [{ lineId: 'l1', sku: 'SKU-l1', quantity: 3, locationId: 'WH1' }],
      },
      { type: 'schedule_production', orderId: 'o-1', lines: [{ lineId: 'l2', sku: 'SKU-l2', quantity: 2 }] },
      {
        type: 'notify_customer',
        orderId: 'o-1',
        message: { kind: 'backordered', lines: [{ lineId: 'l1', quantity: 1, expectedAt: LATER }] },
      },
    ]);
    expect(r.order.lines.map((l) => [l.quantities.allocated, l.quantities.backordered])).toEqual([
      [3, 1],
      [0, 0],
    ]);
    const partly = step(r.order, { type: 'production_completed', lines: [{ lineId: 'l2', quantity: 1 }] }).order;
    expect(partly.state).toBe('in_production');
    const done = step(partly, { type: 'production_completed', lines: [{ lineId: 'l2', quantity: 1 }] }).order;
    expect(done.state).toBe('confirmed');
    expect(done.lines[1]?.quantities.allocated).toBe(2);
    // Allocating the backordered unit takes it off backorder.
    const all = step(done, { type: 'allocate', lines: [{ lineId: 'l1', quantity: 1 }] }).order;
    expect(all.lines[0]?.quantities).toMatchObject({ allocated: 4, backordered: 0 });
    expect(rejection(all, { type: 'allocate', lines: [{ lineId: 'l1', quantity: 1 }] }).details['guard']).toBe(
      'quantities_within_open',
    );
    expect(rejection(all, { type: 'production_completed', lines: [{ lineId: 'l2', quantity: 1 }] }).code).toBe(
      'transition_not_allowed',
    );
    expect(
      rejection(r.order, { type: 'production_completed', lines: [{ lineId: 'l1', quantity: 1 }] }).details,
    ).toMatchObject({
      field: 'lines[0].lineId',
    });
    expectConsistent(all);
  });

  it('complete needs every unit shipped or cancelled; close ends it', () => {
    let o = paidAllocated();
    o = run(o, [
      { type: 'create_shipment', shipmentId: 's1', lines: [{ lineId: 'l1', quantity: 4 }] },
      { type: 'start_picking', shipmentId: 's1' },
      { type: 'pack_shipment', shipmentId: 's1' },
      { type: 'ship', shipmentId: 's1', carrier: 'UPS', trackingNumber: '1Z1' },
    ]);
    const open = rejection(o, { type: 'complete' });
    expect(open.details).toMatchObject({ guard: 'fulfillment_complete', reason: 'lines_open' });
    o = run(o, [
      { type: 'create_shipment', shipmentId: 's2', lines: [{ lineId: 'l2', quantity: 2 }] },
      { type: 'start_picking', shipmentId: 's2' },
      { type: 'pack_shipment', shipmentId: 's2' },
      { type: 'ship', shipmentId: 's2', carrier: 'UPS', trackingNumber: '1Z2' },
      { type: 'deliver', shipmentId: 's1' },
      { type: 'deliver', shipmentId: 's2' },
    ]);
    expect(o.timestamps.deliveredAt).toBe(NOW);
    const done = run(o, [{ type: 'complete' }, { type: 'close' }]);
    expect(done.state).toBe('closed');
    expect(done.timestamps.completedAt).toBe(NOW);
    expect(fulfillmentStatus(done)).toBe('delivered');
    expect(paymentStatus(done)).toBe('paid');
    expectConsistent(done);
  });
});

describe('paid_or_credit_approved', () => {
  const allocated = (d = draft()) => {
    const o = step(created(d), { type: 'confirm' }).order;
    return step(o, {
      type: 'allocate',
      lines: [
        { lineId: 'l1', quantity: 4 },
        { lineId: 'l2', quantity: 2 },
      ],
    }).order;
  };
  const ship1 = { type: 'create_shipment', shipmentId: 's1', lines: [{ lineId: 'l1', quantity: 1 }] } as const;

  it('refuses shipping an unpaid prepaid order, accepts once captured', () => {
    const o = allocated();
    const e = rejection(o, ship1);
    expect(e.details).toMatchObject({ guard: 'paid_or_credit_approved', reason: 'not_paid', machine: 'order' });
    const authorized = step(o, {
      type: 'authorize_payment',
      paymentId: 'p1',
      method: 'card',
      amount: m(DEFAULT_TOTAL),
    }).order;
    expect(rejection(authorized, ship1).details['guard']).toBe('paid_or_credit_approved');
    // paidWhen 'authorized' accepts the authorisation.
    expect(step(authorized, ship1, { ...OPTS, paidWhen: 'authorized' }).order.state).toBe('in_fulfillment');
    const captured = step(authorized, { type: 'capture_payment', paymentId: 'p1', amount: m(DEFAULT_TOTAL) }).order;
    expect(step(captured, ship1).order.state).toBe('in_fulfillment');
  });

  it('net terms need credit approval; cash on delivery passes', () => {
    expect(rejection(allocated(draft({ paymentTerms: { kind: 'net', days: 30 } })), ship1).details['reason']).toBe(
      'credit_not_approved',
    );
    expect(
      step(allocated(draft({ paymentTerms: { kind: 'net', days: 30 }, creditApproved: true })), ship1).order.state,
    ).toBe('in_fulfillment');
    expect(step(allocated(draft({ paymentTerms: { kind: 'cash_on_delivery' } })), ship1).order.state).toBe(
      'in_fulfillment',
    );
  });

  it('can be switched off for one call (options.disableGuards), on every machine that uses it', () => {
    const o = allocated();
    const once = { ...OPTS, disableGuards: ['paid_or_credit_approved'] };
    const shipped = run(
      o,
      [
        ship1,
        { type: 'start_picking', shipmentId: 's1' },
        { type: 'pack_shipment', shipmentId: 's1' },
        { type: 'ship', shipmentId: 's1', carrier: 'DHL', trackingNumber: 'T' },
      ],
      once,
    );
    expect(shipped.shipments[0]?.state).toBe('shipped');
    // Only for that call: the next unpaid shipment is refused again, and replay rebuilds the order.
    const ship2 = { type: 'create_shipment', shipmentId: 's2', lines: [{ lineId: 'l1', quantity: 1 }] } as const;
    expect(rejection(shipped, ship2).details['guard']).toBe('paid_or_credit_approved');
    expect(replay(shipped.history).ok).toBe(true);
    // availableEvents honours it too.
    const blocked = (options: typeof OPTS) =>
      availableEvents(o, options).find((e) => e.type === 'create_shipment')?.blocked.length ?? 0;
    expect(blocked(OPTS)).toBeGreaterThan(0);
    expect(blocked(once)).toBe(0);
    // A name that is not a guard is refused, never silently ignored.
    const typo = transition(o, ship1, { ...OPTS, disableGuards: ['paid_or_credit_aproved'] });
    expect(typo.ok).toBe(false);
    if (!typo.ok) expect(typo.error.code).toBe('invalid_options');
    expect(transition(o, ship1, { ...OPTS, disableGuards: 'paid_or_credit_approved' as never }).ok).toBe(false);
  });

  it('can be switched off', () => {
    const order = extendMachine(defaultMachines().order, { disableGuards: ['paid_or_credit_approved'] });
    const shipment = extendMachine(defaultMachines().shipment, { disableGuards: ['paid_or_credit_approved'] });
    const machines = { order, shipment };
    const o = allocated();
    const shipped = run(
      o,
      [
        ship1,
        { type: 'start_picking', shipmentId: 's1' },
        { type: 'pack_shipment', shipmentId: 's1' },
        { type: 'ship', shipmentId: 's1', carrier: 'DHL', trackingNumber: 'T' },
      ],
      { ...OPTS, machines },
    );
    expect(shipped.shipments[0]?.state).toBe('shipped');
    expect(replay(shipped.history, { machines }).ok).toBe(true);
  });
});

describe('history of order moves made by other machines', () => {
  it('records the order state change a shipment event causes, and replay checks it', () => {
    const o = paidAllocated();
    const shipped = step(o, {
      type: 'create_shipment',
      shipmentId: 's1',
      lines: [{ lineId: 'l1', quantity: 1 }],
    }).order;
    const entry = shipped.history.at(-1);
    expect(entry).toMatchObject({ machine: 'shipment', from: '[*]', to: 'allocated' });
    expect(entry?.order).toEqual({ from: o.state, to: 'in_fulfillment' });
    // An order-machine event, or one that leaves the order where it was, records no move.
    expect(o.history.at(-1)?.order).toBeUndefined();
    const picked = step(shipped, { type: 'start_picking', shipmentId: 's1' }).order;
    expect(picked.history.at(-1)?.order).toBeUndefined();
    // Replay rebuilds it, and refuses a history whose recorded move was tampered with.
    const rebuilt = replay(picked.history);
    expect(rebuilt.ok && rebuilt.value).toEqual(picked);
    const tampered = picked.history.map((h) =>
      h === entry ? { ...h, order: { from: 'confirmed', to: 'completed' } } : h,
    );
    const refused = replay(tampered);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.details['field']).toBe('order');
  });
});

describe('shipments', () => {
  it('splits an order over several shipments and ships part of a line', () => {
    const o = paidAllocated();
    const a = step(o, {
      type: 'create_shipment',
      shipmentId: 's1',
      lines: [
        { lineId: 'l1', quantity: 1 },
        { lineId: 'l2', quantity: 2 },
      ],
      locationId: 'WH1',
    }).order;
    const b = step(a, {
      type: 'create_shipment',
      shipmentId: 's2',
      lines: [{ lineId: 'l1', quantity: 3 }],
      locationId: 'WH2',
    }).order;
    expect(b.shipments.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(
      rejection(b, { type: 'create_shipment', shipmentId: 's3', lines: [{ lineId: 'l1', quantity: 1 }] }).details,
    ).toMatchObject({
      guard: 'quantities_within_open',
      reason: 'quantity_exceeds_allocated',
    });
    const shipped = run(b, [
      { type: 'start_picking', shipmentId: 's1' },
      { type: 'pack_shipment', shipmentId: 's1' },
      { type: 'ship', shipmentId: 's1', carrier: 'UPS', trackingNumber: '1Z' },
    ]);
    expect(shipped.lines[0]?.quantities).toMatchObject({ allocated: 4, picked: 1, shipped: 1 });
    expect(fulfillmentStatus(shipped)).toBe('partially_shipped');
    expect(shipped.timestamps.shippedAt).toBe(NOW);
    expectConsistent(shipped);
  });

  it('ship notifies with tracking, asks to capture authorised money up to the shipment value, and labels on pack', () => {
    const o = step(created(), { type: 'confirm' }).order;
    const ready = run(
      o,
      [
        { type: 'authorize_payment', paymentId: 'p1', method: 'card', amount: m(DEFAULT_TOTAL) },
        { type: 'allocate', lines: [{ lineId: 'l1', quantity: 4 }] },
        { type: 'create_shipment', shipmentId: 's1', lines: [{ lineId: 'l1', quantity: 2 }] },
        { type: 'start_picking', shipmentId: 's1' },
      ],
      { ...OPTS, paidWhen: 'authorized' },
    );
    const packed = step(ready, { type: 'pack_shipment', shipmentId: 's1' });
    expect(packed.effects).toEqual([{ type: 'create_shipment_label', orderId: 'o-1', shipmentId: 's1' }]);
    const shipped = step(
      packed.order,
      { type: 'ship', shipmentId: 's1', carrier: 'UPS', trackingNumber: '1Z9' },
      { ...OPTS, paidWhen: 'authorized' },
    );
    expect(shipped.effects).toEqual([
      {
        type: 'notify_customer',
        orderId: 'o-1',
        message: { kind: 'shipped', shipmentId: 's1', carrier: 'UPS', trackingNumber: '1Z9' },
      },
      { type: 'capture_payment', orderId: 'o-1', paymentId: 'p1', amount: m(2200) },
    ]);
    expect(shipped.order.shipments[0]).toMatchObject({ carrier: 'UPS', trackingNumber: '1Z9', shippedAt: NOW });
  });

  it('cancelling a shipment frees its units (allocated and picked) and releases their stock', () => {
    const o = paidAllocated();
    const picking = run(o, [
      { type: 'create_shipment', shipmentId: 's1', lines: [{ lineId: 'l1', quantity: 3 }], locationId: 'WH1' },
      { type: 'start_picking', shipmentId: 's1' },
    ]);
    const r = step(picking, { type: 'cancel_shipment', shipmentId: 's1', reason: 'damaged in picking' });
    expect(r.order.shipments[0]?.state).toBe('cancelled');
    expect(r.order.lines[0]?.quantities).toMatchObject({ allocated: 1, picked: 0 });
    expect(r.effects).toEqual([
      {
        type: 'release_stock',
        orderId: 'o-1',
        lines: [{ lineId: 'l1', sku: 'SKU-l1', quantity: 3, locationId: 'WH1' }],
      },
    ]);
    expect(r.order.history.at(-1)).toMatchObject({
      machine: 'shipment',
      entityId: 's1',
      from: 'picking',
      to: 'cancelled',
      reason: 'damaged in picking',
    });
    // The freed units can be allocated and shipped again.
    const again = run(r.order, [
      { type: 'allocate', lines: [{ lineId: 'l1', quantity: 3 }] },
      { type: 'create_shipment', shipmentId: 's2', lines: [{ lineId: 'l1', quantity: 4 }] },
    ]);
    expect(again.shipments[1]?.lines).toEqual([{ lineId: 'l1', quantity: 4 }]);
    expect(rejection(r.order, { type: 'ship', shipmentId: 's1', carrier: 'x', trackingNumber: 'y' }).code).toBe(
      'transition_not_allowed',
    );
    expectConsistent(again);
  });

  it('reports delays without moving, refuses unknown shipments and steps while on hold', () => {
    const o = run(paidAllocated(), [
      { type: 'create_shipment', shipmentId: 's1', lines: [{ lineId: 'l1', quantity: 1 }] },
    ]);
    const late = step(o, { type: 'report_delay', shipmentId: 's1', newExpectedAt: LATER, reason: 'storm' });
    expect(late.order.shipments[0]?.state).toBe('allocated');
    expect(late.effects[0]).toEqual({
      type: 'notify_customer',
      orderId: 'o-1',
      message: { kind: 'delayed', shipmentId: 's1', newExpectedAt: LATER, reason: 'storm' },
    });
    expect(rejection(o, { type: 'start_picking', shipmentId: 'nope' }).code).toBe('unknown_entity');
    const held = step(o, { type: 'hold', reason: 'address' }).order;
    expect(rejection(held, { type: 'start_picking', shipmentId: 's1' }).details['guard']).toBe('order_not_on_hold');
  });
});

describe('change cutoff and cancellation', () => {
  it('cancel before picking releases stock, cancels open shipments, refunds captured money and releases coupons', () => {
    const o = run(paidAllocated(draft({ couponCodes: ['WELCOME'] })), [
      { type: 'create_shipment', shipmentId: 's1', lines: [{ lineId: 'l1', quantity: 2 }] },
    ]);
    const r = step(o, { type: 'cancel', reason: 'customer request' });
    expect(r.order.state).toBe('cancelled');
    expect(r.order.timestamps.cancelledAt).toBe(NOW);
    expect(r.order.shipments[0]?.state).toBe('cancelled');
    expect(r.order.lines.map((l) => l.quantities.cancelled)).toEqual([4, 2]);
    expect(r.effects.map((e) => e.type)).toEqual([
      'release_stock',
      'refund_payment',
      'release_promotion_usage',
      'notify_customer',
    ]);
    expect(r.effects[1]).toEqual({
      type: 'refund_payment',
      orderId: 'o-1',
      paymentId: 'p1',
      amount: m(DEFAULT_TOTAL),
      reason: 'customer request',
    });
    expect(fulfillmentStatus(r.order)).toBe('cancelled');
    expectConsistent(r.order);
  });

  it('voids authorisations that were not captured', () => {
    const o = run(step(created(), { type: 'confirm' }).order, [
      { type: 'authorize_payment', paymentId: 'p1', method: 'card', amount: m(1000) },
    ]);
    const r = step(o, { type: 'cancel', reason: 'changed mind' });
    expect(r.effects.map((e) => e.type)).toEqual(['void_payment', 'notify_customer']);
  });

  it('refuses cancel, edits and line cancellations once a shipment is picking (configurable)', () => {
    const o = run(paidAllocated(), [
      { type: 'create_shipment', shipmentId: 's1', lines: [{ lineId: 'l1', quantity: 1 }] },
      { type: 'start_picking', shipmentId: 's1' },
    ]);
    for (const event of [
      { type: 'cancel', reason: 'x' },
      { type: 'cancel_lines', lines: [{ lineId: 'l2', quantity: 1 }], reason: 'x' },
      { type: 'edit_order', edits: [{ kind: 'change_address', address: { line1: '2 Elm St' } }] },
    ] as const) {
      const e = rejection(o, event);
      expect(e.details).toMatchObject({ guard: 'before_change_cutoff', reason: 'change_cutoff_reached' });
    }
    expect(
      step(
        o,
        { type: 'cancel_lines', lines: [{ lineId: 'l2', quantity: 1 }], reason: 'x' },
        { ...OPTS, changeCutoff: 'packed' },
      ).order.lines[1]?.quantities.cancelled,
    ).toBe(1);
  });

  it('wires edit_order, cancel_lines and accept_substitution to the edits module, bumping version and history', () => {
    const o = paidAllocated();
    const cancelled = step(o, { type: 'cancel_lines', lines: [{ lineId: 'l1', quantity: 1 }], reason: 'out of stock' });
    expect(cancelled.order.version).toBe(o.version + 1);
    expect(cancelled.order.lines[0]?.quantities).toMatchObject({ cancelled: 1 });
    expect(cancelled.effects.map((e) => e.type)).toContain('release_stock');
    expect(cancelled.order.history.at(-1)).toMatchObject({
      machine: 'order',
      from: 'confirmed',
      to: 'confirmed',
      reason: 'out of stock',
    });
    expect(orderTotals(cancelled.order).grandTotal).toEqual(m(DEFAULT_TOTAL - 1100));
    expectConsistent(cancelled.order);
    const edited = step(o, {
      type: 'edit_order',
      edits: [{ kind: 'change_address', address: { line1: '2 Elm St', country: 'US' } }],
    });
    expect(edited.order.customer.deliveryAddress.line1).toBe('2 Elm St');
    expectConsistent(edited.order);
    const bad = rejection(o, { type: 'edit_order', edits: [{ kind: 'remove_line', lineId: 'l1' }] });
    expect(bad.code).toBe('edit_rejected');
    expect(bad.details['cause']).toMatchObject({ code: 'line_in_fulfillment' });
  });
});

describe('payment machine', () => {
  const authorized = () =>
    step(created(), { type: 'authorize_payment', paymentId: 'p1', method: 'card', amount: m(6000), reference: 'gw-1' })
      .order;

  it('captures partially then fully, refunds partially then fully, in exact money', () => {
    let o = authorized();
    expect(o.payments[0]).toMatchObject({
      state: 'authorized',
      authorized: m(6000),
      captured: m(0),
      reference: 'gw-1',
    });
    expect(paymentStatus(o)).toBe('authorized');
    o = step(o, { type: 'capture_payment', paymentId: 'p1', amount: m(2500) }).order;
    expect(o.payments[0]?.state).toBe('partially_captured');
    expect(paymentStatus(o)).toBe('partially_paid');
    expect(rejection(o, { type: 'capture_payment', paymentId: 'p1', amount: m(3501) }).details).toMatchObject({
      guard: 'capture_within_authorized',
      reason: 'capture_exceeds_authorized',
    });
    o = step(o, { type: 'capture_payment', paymentId: 'p1', amount: m(3500) }).order;
    expect(o.payments[0]?.state).toBe('captured');
    expect(paymentStatus(o)).toBe('paid');
    const refund = step(o, { type: 'refund_payment', paymentId: 'p1', amount: m(1000), reason: 'goodwill' });
    expect(refund.order.payments[0]?.state).toBe('partially_refunded');
    expect(refund.effects).toEqual([
      { type: 'notify_customer', orderId: 'o-1', message: { kind: 'refund_issued', amount: m(1000) } },
    ]);
    expect(rejection(refund.order, { type: 'refund_payment', paymentId: 'p1', amount: m(5001) }).details['guard']).toBe(
      'refund_within_captured',
    );
    const full = step(refund.order, { type: 'refund_payment', paymentId: 'p1', amount: m(5000) }).order;
    expect(full.payments[0]?.state).toBe('refunded');
    expect(paymentStatus(full)).toBe('refunded');
    expect(orderTotals(full)).toMatchObject({ captured: m(6000), refunded: m(6000), balanceDue: m(6000) });
    expectConsistent(full);
  });

  it('voids, fails, and refuses money in another currency or a duplicate payment id', () => {
    const o = authorized();
    expect(step(o, { type: 'void_payment', paymentId: 'p1' }).order.payments[0]).toMatchObject({
      state: 'voided',
      authorized: m(0),
    });
    const partial = step(o, { type: 'capture_payment', paymentId: 'p1', amount: m(100) }).order;
    expect(step(partial, { type: 'void_payment', paymentId: 'p1' }).order.payments[0]).toMatchObject({
      state: 'captured',
      authorized: m(100),
    });
    expect(step(o, { type: 'payment_failed', paymentId: 'p2', reason: 'declined' }).order.payments[1]?.state).toBe(
      'failed',
    );
    const eur = rejection(o, { type: 'capture_payment', paymentId: 'p1', amount: { amount: 1, currency: 'EUR' } });
    expect(eur).toMatchObject({ code: 'invalid_event', details: { field: 'amount' } });
    expect(rejection(o, { type: 'authorize_payment', paymentId: 'p1', method: 'card', amount: m(1) }).code).toBe(
      'transition_not_allowed',
    );
    expect(rejection(o, { type: 'capture_payment', paymentId: 'p9', amount: m(1) }).code).toBe('unknown_entity');
  });
});

describe('return machine', () => {
  function delivered(): Order {
    return run(paidAllocated(), [
      {
        type: 'create_shipment',
        shipmentId: 's1',
        lines: [
          { lineId: 'l1', quantity: 4 },
          { lineId: 'l2', quantity: 2 },
        ],
      },
      { type: 'start_picking', shipmentId: 's1' },
      { type: 'pack_shipment', shipmentId: 's1' },
      { type: 'ship', shipmentId: 's1', carrier: 'UPS', trackingNumber: '1Z' },
      { type: 'deliver', shipmentId: 's1' },
      { type: 'complete' },
    ]);
  }

  it('runs requested → authorized → partially received → received → inspected → refunded', () => {
    let o = delivered();
    expect(
      rejection(o, { type: 'request_return', returnId: 'r1', lines: [{ lineId: 'l1', quantity: 5, reason: 'x' }] })
        .details['guard'],
    ).toBe('quantities_within_open');
    o = step(o, {
      type: 'request_return',
      returnId: 'r1',
      lines: [{ lineId: 'l1', quantity: 2, reason: 'wrong_size' }],
    }).order;
    expect(returnStatus(o)).toBe('requested');
    const auth = step(o, { type: 'authorize_return', returnId: 'r1' });
    expect(auth.effects).toEqual([
      { type: 'notify_customer', orderId: 'o-1', message: { kind: 'return_authorized', returnId: 'r1' } },
    ]);
    o = step(auth.order, { type: 'receive_return', returnId: 'r1', lines: [{ lineId: 'l1', quantity: 1 }] }).order;
    expect(o.returns[0]?.state).toBe('partially_received');
    expect(returnStatus(o)).toBe('in_progress');
    o = step(o, { type: 'receive_return', returnId: 'r1', lines: [{ lineId: 'l1', quantity: 1 }] }).order;
    expect(o.returns[0]?.state).toBe('received');
    expect(o.lines[0]?.quantities.returned).toBe(2);
    const inspected = step(o, {
      type: 'inspect_return',
      returnId: 'r1',
      lines: [{ lineId: 'l1', resellable: 1, damaged: 1 }],
    });
    expect(inspected.order.returns[0]?.state).toBe('inspected');
    expect(inspected.effects).toEqual([
      { type: 'restock', orderId: 'o-1', lines: [{ lineId: 'l1', sku: 'SKU-l1', quantity: 1 }] },
    ]);
    const resolved = step(inspected.order, { type: 'resolve_return', returnId: 'r1', resolution: 'refund' });
    expect(resolved.order.returns[0]).toMatchObject({ state: 'refunded', resolutionAmount: m(2200) });
    expect(resolved.effects).toEqual([
      { type: 'refund_payment', orderId: 'o-1', paymentId: 'p1', amount: m(2200), reason: 'return r1' },
    ]);
    expect(returnStatus(resolved.order)).toBe('partially_returned');
    expectConsistent(resolved.order);
  });

  it('rejects returns and refuses returns before anything shipped', () => {
    const o = step(delivered(), {
      type: 'request_return',
      returnId: 'r1',
      lines: [{ lineId: 'l2', quantity: 1, reason: 'defective' }],
    }).order;
    expect(step(o, { type: 'reject_return', returnId: 'r1', reason: 'outside window' }).order.returns[0]?.state).toBe(
      'rejected',
    );
    expect(
      rejection(paidAllocated(), {
        type: 'request_return',
        returnId: 'r1',
        lines: [{ lineId: 'l1', quantity: 1, reason: 'x' }],
      }).code,
    ).toBe('transition_not_allowed');
    expect(rejection(o, { type: 'receive_return', returnId: 'r1', lines: [{ lineId: 'l2', quantity: 1 }] }).code).toBe(
      'transition_not_allowed',
    );
  });
});

describe('service machine', () => {
  it('runs scheduled → technician assigned → parts allocated → in progress → completed with a completion record', () => {
    const o = created(
      draft({
        type: 'service',
        lines: [],
        shipping: { net: m(0), tax: m(0) },
        paymentTerms: { kind: 'net', days: 30 },
        creditApproved: true,
      }),
    );
    expect(rejection(o, { type: 'schedule_appointment', from: NOW, until: LATER }).code).toBe('transition_not_allowed');
    const confirmed = step(o, { type: 'confirm' }).order;
    const scheduled = step(confirmed, { type: 'schedule_appointment', from: NOW, until: LATER });
    expect(scheduled.order.state).toBe('in_fulfillment');
    expect(scheduled.order.service).toEqual({ state: 'scheduled', appointment: { from: NOW, until: LATER } });
    expect(scheduled.effects[0]).toMatchObject({ message: { kind: 'service_scheduled', from: NOW, until: LATER } });
    expect(rejection(scheduled.order, { type: 'schedule_appointment', from: LATER, until: NOW }).code).toBe(
      'invalid_event',
    );
    expect(rejection(scheduled.order, { type: 'start_service' }).code).toBe('transition_not_allowed');
    expect(rejection(scheduled.order, { type: 'complete' }).details['reason']).toBe('service_not_completed');
    const done = run(
      scheduled.order,
      [
        { type: 'assign_technician', technicianId: 'tech-9' },
        { type: 'allocate_parts', parts: [{ sku: 'FILTER', quantity: 2 }] },
        { type: 'start_service' },
        { type: 'complete_service', notes: 'replaced filter', laborMinutes: 45 },
      ],
      { now: LATER, actor: { kind: 'user', id: 'tech-9' } },
    );
    expect(done.service).toMatchObject({
      state: 'completed',
      technicianId: 'tech-9',
      parts: [{ sku: 'FILTER', quantity: 2 }],
      completion: { completedAt: LATER, technicianId: 'tech-9', notes: 'replaced filter', laborMinutes: 45 },
    });
    expect(step(done, { type: 'complete' }).order.state).toBe('completed');
    expectConsistent(done);
    // Cancelling the order cancels an unfinished job; a finished one cannot be cancelled.
    expect(step(scheduled.order, { type: 'cancel', reason: 'x' }).order.service?.state).toBe('cancelled');
    expect(rejection(done, { type: 'cancel', reason: 'x' }).code).toBe('transition_not_allowed');
    expect(rejection(created(), { type: 'start_service' }).code).toBe('unknown_entity');
  });

  it('reserves the parts it allocates, and releases them when the job is cancelled', () => {
    const o = created(
      draft({
        type: 'service',
        lines: [],
        shipping: { net: m(0), tax: m(0) },
        paymentTerms: { kind: 'net', days: 30 },
        creditApproved: true,
      }),
    );
    const assigned = run(o, [
      { type: 'confirm' },
      { type: 'schedule_appointment', from: NOW, until: LATER },
      { type: 'assign_technician', technicianId: 'tech-9' },
    ]);
    const parts = [{ sku: 'FILTER', quantity: 2 }];
    const allocated = step(assigned, { type: 'allocate_parts', parts });
    expect(allocated.effects).toEqual([{ type: 'reserve_parts', orderId: 'o-1', parts }]);
    const cancelled = step(allocated.order, { type: 'cancel', reason: 'customer away' });
    expect(cancelled.effects).toContainEqual({ type: 'release_parts', orderId: 'o-1', parts });
    // Nothing was reserved before allocate_parts: nothing to release.
    expect(step(assigned, { type: 'cancel', reason: 'x' }).effects.some((e) => e.type === 'release_parts')).toBe(false);
  });
});

describe('hostile input', () => {
  const o = paidAllocated();
  it.each([
    [null, 'invalid_event'],
    [{}, 'invalid_event'],
    [{ type: 'teleport' }, 'unknown_event'],
    [{ type: 'allocate', lines: [{ lineId: 'l1', quantity: 1.5 }] }, 'invalid_event'],
    [{ type: 'allocate', lines: [{ lineId: 'l1', quantity: -1 }] }, 'invalid_event'],
    [{ type: 'allocate', lines: [{ lineId: 'l1', quantity: Number.NaN }] }, 'invalid_event'],
    [{ type: 'allocate', lines: [{ lineId: 'zz', quantity: 1 }] }, 'invalid_event'],
    [
      {
        type: 'allocate',
        lines: [
          { lineId: 'l1', quantity: 1 },
          { lineId: 'l1', quantity: 1 },
        ],
      },
      'invalid_event',
    ],
    [{ type: 'allocate', lines: 'all' }, 'invalid_event'],
    [{ type: 'create_shipment', shipmentId: 7, lines: [] }, 'invalid_event'],
    [{ type: 'refund_payment', paymentId: 'p1', amount: { amount: 1.5, currency: 'USD' } }, 'invalid_event'],
    [{ type: 'refund_payment', paymentId: 'p1', amount: '10.00' }, 'invalid_event'],
    [{ type: 'capture_payment', paymentId: 'p1', amount: '10.00' }, 'transition_not_allowed'],
    [{ type: 'hold', reason: { toString: () => 'x' } }, 'invalid_event'],
    [JSON.parse('{"type":"complete","__proto__":{"type":"close"}}'), 'transition_not_allowed'],
  ])('%j → %s, never a TypeError, input untouched', (event, code) => {
    expect(rejection(o, event as never).code).toBe(code);
  });

  it('refuses orders that are not orders and bad options', () => {
    for (const bad of [null, 42, {}, { ...o, history: null }, { ...o, version: '1' }]) {
      const r = transition(bad as never, { type: 'confirm' }, OPTS);
      expect(!r.ok && r.error.code).toBe('invalid_order');
    }
    for (const options of [
      undefined,
      {},
      { now: 'yesterday', actor: CLERK },
      { ...OPTS, paidWhen: 'sometimes' },
      { ...OPTS, changeCutoff: 'never' },
      { ...OPTS, machines: { order: {} } },
    ]) {
      const r = transition(o, { type: 'confirm' }, options as never);
      expect(!r.ok && r.error.code).toBe('invalid_options');
    }
  });

  it('leaves deep-frozen inputs untouched and shares unchanged parts', () => {
    const frozen = deepFreeze(structuredClone(o));
    const event = deepFreeze({
      type: 'create_shipment',
      shipmentId: 's1',
      lines: [{ lineId: 'l1', quantity: 2 }],
    } as const);
    const before = JSON.stringify(frozen);
    const r = step(frozen, event);
    expect(JSON.stringify(frozen)).toBe(before);
    expect(r.order.lines[1]).toBe(frozen.lines[1]);
    expect(r.order.customer).toBe(frozen.customer);
    expect(r.order.history.slice(0, -1)).toEqual(frozen.history);
  });
});

describe('defineMachine / extendMachine', () => {
  const tiny = {
    id: 'tiny',
    entity: 'order' as const,
    initial: 'a',
    states: { a: {}, b: { final: true } },
    events: [{ type: 'place' }, { type: 'go' }],
    transitions: [
      { from: '[*]', event: 'place', to: 'a' },
      { from: 'a', event: 'go', to: 'b' },
    ],
  };
  const codeOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(OrderMachineError);
      return [(e as OrderMachineError).code, (e as OrderMachineError).details];
    }
    throw new Error('expected a throw');
  };

  it('rejects invalid definitions with each code, naming the offender', () => {
    expect(defineMachine(tiny).states).toEqual(tiny.states);
    expect(codeOf(() => defineMachine({ ...tiny, states: { ...tiny.states, c: {} } }))).toEqual([
      'unreachable_state',
      { state: 'c' },
    ]);
    expect(codeOf(() => defineMachine({ ...tiny, states: { a: {}, b: {} } }))).toEqual([
      'dead_end_state',
      { state: 'b' },
    ]);
    expect(codeOf(() => defineMachine({ ...tiny, initial: 'z' }))[0]).toBe('unknown_state');
    expect(
      codeOf(() => defineMachine({ ...tiny, transitions: [...tiny.transitions, { from: 'a', event: 'go', to: 'q' }] })),
    ).toEqual(['unknown_state', { transition: 2, state: 'q' }]);
    expect(
      codeOf(() =>
        defineMachine({ ...tiny, transitions: [...tiny.transitions, { from: 'a', event: 'fly', to: 'b' }] }),
      )[1],
    ).toMatchObject({ event: 'fly' });
    expect(
      codeOf(() =>
        defineMachine({
          ...tiny,
          transitions: [{ ...tiny.transitions[1], guards: ['nope'] }, tiny.transitions[0]] as never,
        }),
      ),
    ).toEqual(['unknown_guard', { transition: 0, guard: 'nope' }]);
    expect(codeOf(() => defineMachine({ ...tiny, events: [...tiny.events, { type: 'go' }] }))[0]).toBe(
      'duplicate_event',
    );
    expect(codeOf(() => defineMachine({ ...tiny, entity: 'invoice' as never }))[0]).toBe('invalid_definition');
    expect(codeOf(() => extendMachine(defineMachine(tiny), { states: { a: {} } }))).toEqual([
      'duplicate_state',
      { state: 'a' },
    ]);
    expect(codeOf(() => extendMachine(defineMachine(tiny), { disableGuards: ['ghost'] }))[0]).toBe('unknown_guard');
    expect(
      codeOf(() => extendMachine(defineMachine(tiny), { removeTransitions: [{ from: 'b', event: 'go' }] }))[0],
    ).toBe('unknown_transition');
    expect(
      codeOf(() => extendMachine(defineMachine(tiny), { removeTransitions: [{ from: 'a', event: 'go' }] })),
    ).toEqual(['dead_end_state', { state: 'a' }]);
  });

  it('adds a state, an event, a transition and a guard that the engine then runs', () => {
    const order = extendMachine(defaultMachines().order, {
      states: { fraud_review: { description: 'Checked by the fraud team.' } },
      events: [{ type: 'flag_fraud' }, { type: 'clear_fraud' }],
      transitions: [
        { from: 'placed', event: 'flag_fraud', to: 'fraud_review', guards: ['risky'] },
        { from: 'fraud_review', event: 'clear_fraud', to: 'placed' },
      ],
      guards: {
        risky: {
          check: (o) => ((o.customer.riskScore ?? 0) >= 50 ? undefined : { code: 'low_risk', message: 'Low risk.' }),
          readsPayload: false,
        },
      },
    });
    const machines = { order };
    const options = { ...OPTS, machines };
    const safe = created(draft(), options);
    const e = transition(safe, { type: 'flag_fraud' }, options);
    expect(!e.ok && e.error.details).toMatchObject({ guard: 'risky', reason: 'low_risk' });
    const risky = created(draft({ customer: { accountId: 'c-2', riskScore: 80, deliveryAddress: {} } }), options);
    const flagged = step(risky, { type: 'flag_fraud' }, options).order;
    expect(flagged.state).toBe('fraud_review');
    expect(orderInvariantViolations(flagged, { machines })).toEqual([]);
    expect(orderInvariantViolations(flagged)).toEqual(['order state fraud_review is not a state of the order machine']);
    expect(replay(flagged.history, { machines }).ok).toBe(true);
    expect(replay(flagged.history).ok).toBe(false);
    expect(availableEvents(risky, options).find((a) => a.type === 'flag_fraud')).toEqual({
      type: 'flag_fraud',
      machine: 'order',
      entityIds: [],
      creates: false,
      blocked: [],
    });
    expect(availableEvents(safe, options).find((a) => a.type === 'flag_fraud')?.blocked).toEqual([
      { guard: 'risky', code: 'low_risk', message: 'Low risk.' },
    ]);
    // The original machine is untouched.
    expect(Object.hasOwn(defaultMachines().order.states, 'fraud_review')).toBe(false);
  });

  it('toMermaid draws every transition with its conditions and enabled guards', () => {
    const text = toMermaid(defaultMachines().order);
    const lines = text.split('\n');
    expect(lines[0]).toBe('stateDiagram-v2');
    expect(lines).toContain('  [*] --> placed : place');
    expect(lines).toContain('  placed --> awaiting_release : confirm when is_pre_order');
    expect(lines).toContain(
      '  confirmed --> in_fulfillment : create_shipment [paid_or_credit_approved, order_not_on_hold]',
    );
    expect(lines).toContain('  on_hold --> in_production : release_hold when held_from_in_production');
    expect(lines).toContain('  closed --> [*]');
    const off = toMermaid(extendMachine(defaultMachines().order, { disableGuards: ['paid_or_credit_approved'] }));
    expect(off.split('\n')).toContain('  confirmed --> in_fulfillment : create_shipment [order_not_on_hold]');
    expect(toMermaid(defaultMachines().shipment)).toContain(
      '  [*] --> allocated : create_shipment [quantities_within_open]',
    );
  });
});

describe('availableEvents', () => {
  it('lists events from the same tables, with entity ids, creating events and guard blocks', () => {
    const o = run(step(created(), { type: 'confirm' }).order, [
      { type: 'allocate', lines: [{ lineId: 'l1', quantity: 4 }] },
      { type: 'authorize_payment', paymentId: 'p1', method: 'card', amount: m(100) },
    ]);
    const list = availableEvents(o, OPTS);
    const byType = new Map(list.map((a) => [a.type, a]));
    expect(byType.get('capture_payment')).toEqual({
      type: 'capture_payment',
      machine: 'payment',
      entityIds: ['p1'],
      creates: false,
      blocked: [],
    });
    expect(byType.get('authorize_payment')?.creates).toBe(true);
    expect(byType.get('create_shipment')?.blocked[0]).toMatchObject({
      guard: 'paid_or_credit_approved',
      code: 'not_paid',
    });
    expect(byType.has('complete')).toBe(false);
    expect(byType.has('start_picking')).toBe(false);
    // Everything listed unblocked for the order has a transition.
    expect(byType.get('cancel')?.blocked).toEqual([]);
    expect(step(o, { type: 'cancel', reason: 'x' }).order.state).toBe('cancelled');
  });
});

describe('ship captures no more than is owed', () => {
  it('an order already paid by one payment asks nothing of a second authorisation', () => {
    const o = run(paidAllocated(), [
      { type: 'authorize_payment', paymentId: 'p2', method: 'card', amount: { amount: 1000, currency: 'USD' } },
      { type: 'create_shipment', shipmentId: 's1', lines: [{ lineId: 'l1', quantity: 1 }], locationId: 'WH1' },
      { type: 'start_picking', shipmentId: 's1' },
      { type: 'pack_shipment', shipmentId: 's1' },
    ]);
    const shipped = step(o, { type: 'ship', shipmentId: 's1', carrier: 'UPS', trackingNumber: '1Z9' });
    expect(shipped.effects.filter((e) => e.type === 'capture_payment')).toEqual([]);
  });
});
