import { describe, expect, it } from 'vitest';
import { orderInvariantViolations, orderTotals, paymentStatus } from '../../src/orders/index.js';
import type { OrderService } from '../../src/workflows/index.js';
import { deepFreeze, makeWorld, placeRequest, usd } from './support.js';

const warehouse = {
  location: 'dc',
  layout: {
    aisles: 3,
    cellsPerSide: 10,
    cellLength: 1,
    aisleSpacing: 3,
    frontMargin: 1,
    backMargin: 1,
    depot: { aisle: 0 },
  },
  slots: { MUG: { aisle: 0, cell: 3 }, TEE: { aisle: 2, cell: 7 }, CAP: { aisle: 1, cell: 1 } },
};
const pickingRequest = {
  key: 'wave-1',
  orderIds: ['o-1'],
  waves: [{ id: 'W1', releaseAt: '2026-11-22T11:00:00Z' }],
  batching: { capacity: { items: 10 }, policy: 'return' as const, method: 'fcfs' as const },
};

type Step = readonly [
  name: string,
  run: (s: OrderService) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>,
];

// Every command, in an order that takes one order through its whole life (requests deep-frozen: a
// command that wrote to its request would throw, and the test would see it).
const steps: readonly Step[] = [
  ['placeOrder', (s) => s.placeOrder(deepFreeze(placeRequest({ couponCodes: ['WELCOME10'] })))],
  [
    'editOrder',
    (s) =>
      s.editOrder(
        deepFreeze({ key: 'edit-1', orderId: 'o-1', edits: [{ kind: 'change_quantity', lineId: 'l1', quantity: 3 }] }),
      ),
  ],
  ['authorizePayment', (s) => s.authorizePayment(deepFreeze({ key: 'auth-2', orderId: 'o-1', method: 'tok_visa' }))],
  ['capturePayment', (s) => s.capturePayment(deepFreeze({ key: 'cap-1', orderId: 'o-1' }))],
  ['allocateOrder', (s) => s.allocateOrder(deepFreeze({ key: 'alloc-1', orderId: 'o-1' }))],
  ['planPicking', (s) => s.planPicking(deepFreeze(pickingRequest))],
  [
    'shipOrder',
    (s) =>
      s.shipOrder(
        deepFreeze({ key: 'ship-1', orderId: 'o-1', shipmentId: 'o-1/S1', carrier: 'UPS', trackingNumber: '1Z1' }),
      ),
  ],
  ['deliverOrder', (s) => s.deliverOrder(deepFreeze({ key: 'pod-1', orderId: 'o-1', shipmentId: 'o-1/S1' }))],
  [
    'requestReturn',
    (s) =>
      s.requestReturn(
        deepFreeze({ key: 'rma-1', orderId: 'o-1', lines: [{ lineId: 'l2', quantity: 1, reason: 'too big' }] }),
      ),
  ],
  [
    'receiveReturn',
    (s) =>
      s.receiveReturn(
        deepFreeze({
          key: 'rcv-1',
          orderId: 'o-1',
          returnId: 'o-1/R1',
          lines: [{ lineId: 'l2', resellable: 0, damaged: 1 }],
        }),
      ),
  ],
];

describe('every command is idempotent by its key', () => {
  it('a second call with the same command changes no store and says replayed', async () => {
    const w = makeWorld({ config: { warehouse } });
    for (const [name, run] of steps) {
      const first = await run(w.service);
      expect([name, first.ok]).toEqual([name, true]);
      const before = await w.snapshot(['o-1']);
      const writes = w.writes.length;
      const again = await run(w.service);
      expect([name, again.ok]).toEqual([name, true]);
      if (name !== 'planPicking') expect([name, (again.value as { replayed: boolean }).replayed]).toEqual([name, true]);
      expect([name, await w.snapshot(['o-1'])]).toEqual([name, before]);
      // Replays may re-send idempotent writes (keyed by the entry), but never a new hold, save or charge.
      expect(w.writes.slice(writes).filter((x) => x === 'orders.save' || x === 'orders.create')).toEqual([]);
    }
    const order = await w.raw.orders.load('o-1');
    if (!order.ok) throw order.error;
    expect(order.value.state).toBe('completed');
    expect(orderInvariantViolations(order.value)).toEqual([]);
    // 3 mugs + 1 tee = 44.00, 10 % off = 39.60; the damaged tee (20.00 less its 2.00 share) refunded.
    expect(orderTotals(order.value).grandTotal).toEqual(usd('39.60'));
    expect(order.value.returns[0]?.resolutionAmount).toEqual(usd('18.00'));
    expect(paymentStatus(order.value)).toBe('paid');
    // The damaged tee was not restocked; the mugs and the tee left the ledger.
    expect(w.available('MUG', 'dc')).toMatchObject({ onHand: 7, reserved: 0, allocated: 0 });
    expect(w.available('TEE', 'dc')).toMatchObject({ onHand: 4, reserved: 0, allocated: 0 });
  });
});

describe('bad input gets a typed error naming the field and leaves every store unchanged', () => {
  const cases: readonly [
    string,
    (s: OrderService) => Promise<{ ok: boolean; error?: { code: string; details: Record<string, unknown> } }>,
    string,
  ][] = [
    ['placeOrder without lines', (s) => s.placeOrder(placeRequest({ key: 'k-2', orderId: 'o-2', lines: [] })), 'lines'],
    [
      'placeOrder with a negative quantity',
      (s) =>
        s.placeOrder(placeRequest({ key: 'k-2', orderId: 'o-2', lines: [{ id: 'l1', sku: 'MUG', quantity: -1 }] })),
      'lines[0].quantity',
    ],
    [
      'placeOrder with duplicate line ids',
      (s) =>
        s.placeOrder(
          placeRequest({
            key: 'k-2',
            orderId: 'o-2',
            lines: [
              { id: 'l1', sku: 'MUG', quantity: 1 },
              { id: 'l1', sku: 'TEE', quantity: 1 },
            ],
          }),
        ),
      'lines[1].id',
    ],
    ['placeOrder without a key', (s) => s.placeOrder({ ...placeRequest(), key: '' }), 'key'],
    ['placeOrder of a null', (s) => s.placeOrder(null as never), 'request'],
    [
      'placeOrder with a bad actor',
      (s) => s.placeOrder(placeRequest({ key: 'k-2', orderId: 'o-2', actor: { kind: 'robot', id: 'x' } as never })),
      'actor',
    ],
    [
      'capturePayment with a float amount',
      (s) => s.capturePayment({ key: 'k-3', orderId: 'o-1', amount: { amount: 1.5, currency: 'USD' } as never }),
      'amount',
    ],
    [
      'capturePayment in another currency',
      (s) => s.capturePayment({ key: 'k-3', orderId: 'o-1', amount: { amount: 100, currency: 'EUR' } as never }),
      'amount',
    ],
    ['cancelOrder without a reason', (s) => s.cancelOrder({ key: 'k-4', orderId: 'o-1', reason: '' }), 'reason'],
    [
      'cancelOrder with a zero quantity',
      (s) => s.cancelOrder({ key: 'k-4', orderId: 'o-1', reason: 'x', lines: [{ lineId: 'l1', quantity: 0 }] }),
      'lines[0].quantity',
    ],
    [
      'shipOrder of an unknown shipment',
      (s) => s.shipOrder({ key: 'k-5', orderId: 'o-1', shipmentId: 'nope', carrier: 'UPS', trackingNumber: '1' }),
      'shipmentId',
    ],
    [
      'requestReturn without a reason',
      (s) => s.requestReturn({ key: 'k-6', orderId: 'o-1', lines: [{ lineId: 'l1', quantity: 1, reason: '' }] }),
      'lines[0].reason',
    ],
    [
      'receiveReturn of nothing',
      (s) =>
        s.receiveReturn({
          key: 'k-7',
          orderId: 'o-1',
          returnId: 'r',
          lines: [{ lineId: 'l1', resellable: 0, damaged: 0 }],
        }),
      'lines[0]',
    ],
    ['editOrder without edits', (s) => s.editOrder({ key: 'k-8', orderId: 'o-1', edits: [] }), 'edits'],
    ['allocateOrder without an order id', (s) => s.allocateOrder({ key: 'k-9', orderId: '' }), 'orderId'],
    ['approveOrder without a queue', (s) => s.approveOrder({ key: 'k-10', orderId: 'o-1', queue: '' }), 'queue'],
    [
      'planPicking with duplicate orders',
      (s) => s.planPicking({ ...pickingRequest, key: 'k-11', orderIds: ['o-1', 'o-1'] }),
      'orderIds',
    ],
    [
      'deliverOrder with a numeric shipment',
      (s) => s.deliverOrder({ key: 'k-12', orderId: 'o-1', shipmentId: 7 as never }),
      'shipmentId',
    ],
  ];
  for (const [name, run, field] of cases) {
    it(name, async () => {
      const w = makeWorld({ config: { warehouse } });
      const placed = await w.service.placeOrder(placeRequest());
      expect(placed.ok).toBe(true);
      const before = await w.snapshot(['o-1']);
      const writes = w.writes.length;
      const r = await run(w.service);
      expect(r.ok || [r.error?.code, r.error?.details['field']]).toEqual(['invalid_request', field]);
      expect(w.writes.slice(writes)).toEqual([]);
      expect(await w.snapshot(['o-1'])).toBe(before);
    });
  }

  it('events the order refuses (a transition_rejected) write nothing either', async () => {
    const w = makeWorld();
    await w.service.placeOrder(placeRequest());
    const before = await w.snapshot(['o-1']);
    const writes = w.writes.length;
    const r = await w.service.deliverOrder({ key: 'k-1', orderId: 'o-1', shipmentId: 'none' });
    expect(r.ok || r.error.code).toBe('transition_rejected');
    const missing = await w.service.capturePayment({ key: 'k-2', orderId: 'o-404' });
    expect(missing.ok || missing.error.code).toBe('order_not_found');
    const unknown = await w.service.placeOrder(
      placeRequest({ key: 'k-3', orderId: 'o-3', lines: [{ id: 'l1', sku: 'NOPE', quantity: 1 }] }),
    );
    expect(unknown.ok || unknown.error.code).toBe('pricing_failed');
    const short = await w.service.placeOrder(
      placeRequest({ key: 'k-4', orderId: 'o-4', lines: [{ id: 'l1', sku: 'TEE', quantity: 6 }] }),
    );
    expect(short.ok || short.error.code).toBe('insufficient_stock');
    expect(w.writes.slice(writes)).toEqual([]);
    expect(await w.snapshot(['o-1'])).toBe(before);
  });

  it('a key used by another order is refused', async () => {
    const w = makeWorld();
    await w.service.placeOrder(placeRequest());
    const other = await w.service.placeOrder(placeRequest({ orderId: 'o-1', key: 'another-key' }));
    expect(other.ok || other.error.code).toBe('idempotency_key_reused');
  });
});

describe('cancellations', () => {
  it('cancelling a placed order releases its holds, its usage and its authorisation', async () => {
    const w = makeWorld();
    await w.service.placeOrder(placeRequest({ couponCodes: ['WELCOME10'] }));
    const r = await w.service.cancelOrder({ key: 'c-1', orderId: 'o-1', reason: 'changed my mind' });
    if (!r.ok) throw r.error;
    expect([r.value.order.state, r.value.order.payments[0]?.state]).toEqual(['cancelled', 'voided']);
    expect(w.available('MUG', 'dc')).toMatchObject({ reserved: 0, available: 10 });
    expect(w.available('TEE', 'dc')).toMatchObject({ reserved: 0, available: 5 });
    expect((await w.raw.promotions.usage('welcome10')).uses).toBe(0);
    const gateway = await w.raw.payments.payment(r.value.order.payments[0]?.id ?? '');
    expect(gateway?.status).toBe('voided');
  });

  it('cancelling allocated, paid units deallocates them and refunds their stored amounts', async () => {
    const w = makeWorld();
    await w.service.placeOrder(placeRequest({ couponCodes: ['WELCOME10'] }));
    await w.service.capturePayment({ key: 'cap', orderId: 'o-1' });
    // Held, paid, not allocated yet: a partial cancel of one mug refunds its stored amount.
    const partial = await w.service.cancelOrder({
      key: 'c-1',
      orderId: 'o-1',
      reason: 'one is enough',
      lines: [{ lineId: 'l1', quantity: 1 }],
    });
    if (!partial.ok) throw partial.error;
    expect(partial.value.order.payments[0]?.refunded).toEqual(usd('7.20'));
    expect(w.available('MUG', 'dc')).toMatchObject({ reserved: 1, available: 9 });
    // Allocated and in a shipment (not picked yet): the whole order.
    const allocated = await w.service.allocateOrder({ key: 'alloc', orderId: 'o-1' });
    expect(allocated.ok && allocated.value.order.shipments.length).toBe(1);
    expect(w.available('MUG', 'dc')).toMatchObject({ reserved: 0, allocated: 1 });
    const full = await w.service.cancelOrder({ key: 'c-2', orderId: 'o-1', reason: 'all of it' });
    if (!full.ok) throw full.error;
    expect(full.value.order.state).toBe('cancelled');
    expect(full.value.order.payments[0]?.refunded).toEqual(usd('32.40'));
    expect(w.available('MUG', 'dc')).toMatchObject({ reserved: 0, allocated: 0, available: 10 });
    expect(w.available('TEE', 'dc')).toMatchObject({ reserved: 0, allocated: 0, available: 5 });
    expect((await w.raw.payments.payment(full.value.order.payments[0]?.id ?? ''))?.refunded).toEqual(usd('32.40'));
    expect(orderInvariantViolations(full.value.order)).toEqual([]);
  });

  it('rejecting an order routed to approval releases everything', async () => {
    const w = makeWorld({
      config: {
        approvalRules: [
          { id: 'big', queue: 'credit', reason: 'large', when: { kind: 'order_value', op: 'gte', amount: usd('30') } },
        ],
      },
    });
    const placed = await w.service.placeOrder(placeRequest());
    expect(placed.ok && placed.value.order.state).toBe('pending_approval');
    const rejected = await w.service.rejectOrder({ key: 'rej', orderId: 'o-1', queue: 'credit', comment: 'no credit' });
    if (!rejected.ok) throw rejected.error;
    expect([rejected.value.order.state, rejected.value.order.payments[0]?.state]).toEqual(['rejected', 'voided']);
    expect(w.available('MUG', 'dc')).toMatchObject({ reserved: 0 });
    const w2 = makeWorld({
      config: {
        approvalRules: [
          { id: 'big', queue: 'credit', reason: 'large', when: { kind: 'order_value', op: 'gte', amount: usd('30') } },
        ],
      },
    });
    await w2.service.placeOrder(placeRequest());
    const approved = await w2.service.approveOrder({
      key: 'ok',
      orderId: 'o-1',
      queue: 'credit',
      actor: { kind: 'user', id: 'cfo' },
    });
    expect(approved.ok && [approved.value.order.state, approved.value.order.approvals[0]?.decidedBy]).toEqual([
      'confirmed',
      'cfo',
    ]);
  });
});

describe('edits hold and release stock', () => {
  it('more units are held before the save, fewer released after; refused edits hold nothing', async () => {
    const w = makeWorld();
    await w.service.placeOrder(placeRequest());
    const more = await w.service.editOrder({
      key: 'e-1',
      orderId: 'o-1',
      edits: [
        { kind: 'change_quantity', lineId: 'l1', quantity: 6 },
        {
          kind: 'add_line',
          line: {
            id: 'l3',
            sku: 'CAP',
            description: 'Cap',
            quantity: 2,
            unitPrice: usd('12.50'),
            subtotal: usd('25.00'),
            discounts: [],
            discountTotal: usd('0'),
            net: usd('25.00'),
            tax: usd('0'),
            total: usd('25.00'),
          },
        },
      ],
    });
    if (!more.ok) throw more.error;
    expect(w.available('MUG', 'dc')).toMatchObject({ reserved: 6 });
    expect(w.available('CAP', 'store-1')).toMatchObject({ reserved: 2, available: 1 });
    const fewer = await w.service.editOrder({
      key: 'e-2',
      orderId: 'o-1',
      edits: [
        { kind: 'change_quantity', lineId: 'l1', quantity: 1 },
        { kind: 'remove_line', lineId: 'l3' },
      ],
    });
    if (!fewer.ok) throw fewer.error;
    expect(w.available('MUG', 'dc')).toMatchObject({ reserved: 1 });
    expect(w.available('CAP', 'store-1')).toMatchObject({ reserved: 0, available: 3 });
    const tooMany = await w.service.editOrder({
      key: 'e-3',
      orderId: 'o-1',
      edits: [{ kind: 'change_quantity', lineId: 'l2', quantity: 9 }],
    });
    expect(tooMany.ok || tooMany.error.code).toBe('insufficient_stock');
    expect(w.available('TEE', 'dc')).toMatchObject({ reserved: 1 });
    const allocated = await w.service.allocateOrder({ key: 'a-1', orderId: 'o-1' });
    if (!allocated.ok) throw allocated.error;
    expect(allocated.value.order.lines.map((l) => [l.id, l.quantities.allocated])).toEqual([
      ['l1', 1],
      ['l2', 1],
    ]);
    expect(w.available('MUG', 'dc')).toMatchObject({ reserved: 0, allocated: 1 });
  });
});
