import { describe, expect, it } from 'vitest';
import { createInMemoryCarrierGateway } from '../../src/adapters/index.js';
import { orderInvariantViolations, orderTotals, paymentStatus, replay } from '../../src/orders/index.js';
import { createOrderService } from '../../src/workflows/index.js';
import { makeWorld, placeRequest, usd } from './support.js';

describe('the order service end to end on the in-memory adapters', () => {
  it('place → pay → allocate → pick → ship → deliver → return', async () => {
    const w = makeWorld({
      config: {
        warehouse: {
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
          slots: { MUG: { aisle: 0, cell: 3 }, TEE: { aisle: 2, cell: 7 } },
        },
      },
    });
    const placed = await w.service.placeOrder(placeRequest({ couponCodes: ['welcome10'] }));
    if (!placed.ok) throw placed.error;
    const o = placed.value.order;
    // 2 × 8.00 + 20.00 = 36.00, 10 % off = 32.40.
    expect(orderTotals(o).grandTotal).toEqual(usd('32.40'));
    expect([o.state, o.payments[0]?.state, o.payments[0]?.authorized]).toEqual([
      'confirmed',
      'authorized',
      usd('32.40'),
    ]);
    expect(w.available('MUG', 'dc')).toMatchObject({ reserved: 2, available: 8 });
    expect(w.available('TEE', 'dc')).toMatchObject({ reserved: 1, available: 4 });
    expect((await w.raw.promotions.usage('welcome10')).committedUses).toBe(1);
    expect(
      w.raw.outbox.claimSync({ consumer: 't', now: '2026-11-22T10:00:00Z', leaseMs: 1 }).map((m) => m.topic),
    ).toEqual(['notify_customer']);

    const paid = await w.service.capturePayment({ key: 'cap-1', orderId: 'o-1' });
    if (!paid.ok) throw paid.error;
    expect(paymentStatus(paid.value.order)).toBe('paid');

    const allocated = await w.service.allocateOrder({ key: 'alloc-1', orderId: 'o-1' });
    if (!allocated.ok) throw new Error(String(allocated.error.details['stack']));
    expect(allocated.value.order.lines.map((l) => l.quantities.allocated)).toEqual([2, 1]);
    expect(allocated.value.order.shipments.map((s) => [s.id, s.state, s.locationId])).toEqual([
      ['o-1/S1', 'allocated', 'dc'],
    ]);
    expect(w.available('MUG', 'dc')).toMatchObject({ reserved: 0, allocated: 2, available: 8 });

    const picking = await w.service.planPicking({
      key: 'wave-1',
      orderIds: ['o-1'],
      waves: [{ id: 'W1', releaseAt: '2026-11-22T11:00:00Z' }],
      batching: { capacity: { items: 10 }, policy: 'return', method: 'fcfs' },
    });
    if (!picking.ok) throw picking.error;
    expect(picking.value.started).toEqual(['o-1/S1']);
    expect(picking.value.plan.batches.length).toBe(1);
    expect(picking.value.orders[0]?.shipments[0]?.state).toBe('picking');

    const shipped = await w.service.shipOrder({
      key: 'ship-1',
      orderId: 'o-1',
      shipmentId: 'o-1/S1',
      carrier: 'UPS',
      trackingNumber: '1Z1',
    });
    if (!shipped.ok) throw shipped.error;
    expect(shipped.value.order.shipments[0]?.state).toBe('shipped');
    expect(w.available('MUG', 'dc')).toMatchObject({ onHand: 8, allocated: 0, available: 8 });
    expect(w.available('TEE', 'dc')).toMatchObject({ onHand: 4, allocated: 0, available: 4 });

    const delivered = await w.service.deliverOrder({ key: 'pod-1', orderId: 'o-1', shipmentId: 'o-1/S1' });
    if (!delivered.ok) throw delivered.error;
    expect(delivered.value.order.state).toBe('completed');

    const rma = await w.service.requestReturn({
      key: 'rma-1',
      orderId: 'o-1',
      lines: [{ lineId: 'l1', quantity: 1, reason: 'broken' }],
    });
    if (!rma.ok) throw rma.error;
    expect(rma.value.order.returns[0]?.state).toBe('authorized');
    const received = await w.service.receiveReturn({
      key: 'rcv-1',
      orderId: 'o-1',
      returnId: 'o-1/R1',
      lines: [{ lineId: 'l1', resellable: 1, damaged: 0 }],
    });
    if (!received.ok) throw received.error;
    const final = received.value.order;
    expect(final.returns[0]?.state).toBe('refunded');
    // One mug of the discounted order: 8.00 less its 0.80 share of the 10 % = 7.20 refunded.
    expect(final.payments[0]?.refunded).toEqual(usd('7.20'));
    const gateway = await w.raw.payments.payment(final.payments[0]?.id ?? '');
    expect(gateway?.refunded).toEqual(usd('7.20'));
    expect(w.available('MUG', 'dc')).toMatchObject({ onHand: 9, available: 9 });
    expect((await w.raw.inventory.ledger()).at(-1)?.kind).toBe('return');
    expect(orderInvariantViolations(final)).toEqual([]);
    const rebuilt = replay(final.history);
    expect(rebuilt.ok && JSON.stringify(rebuilt.value)).toBe(JSON.stringify(final));
  });
});

describe('shipping through the CarrierGateway', () => {
  it('rate-shops, buys the label, ships with its carrier and tracking number; a replay buys nothing', async () => {
    const w = makeWorld();
    const carriers = createInMemoryCarrierGateway({ clock: w.raw.clock });
    const service = createOrderService(
      { ...w.adapters, carriers },
      { ...w.config, shipping: { unitWeightGrams: { MUG: 400, TEE: 300 } } },
    );
    const placed = await service.placeOrder(
      placeRequest({
        customer: {
          accountId: 'c-1',
          deliveryAddress: { line1: '5th Ave', city: 'New York', postalCode: '10001', country: 'US' },
        },
      }),
    );
    if (!placed.ok) throw placed.error;
    await service.capturePayment({ key: 'cap', orderId: 'o-1' });
    const allocated = await service.allocateOrder({ key: 'alloc', orderId: 'o-1' });
    if (!allocated.ok) throw allocated.error;
    const shipped = await service.shipOrder({ key: 'ship', orderId: 'o-1', shipmentId: 'o-1/S1' });
    if (!shipped.ok) throw shipped.error;
    const s = shipped.value.order.shipments[0];
    expect([s?.state, s?.carrier]).toEqual(['shipped', 'example-parcel']);
    const tracking = await carriers.fetchTracking('label-1');
    expect(tracking.ok && tracking.value[0]?.status).toBe('label_created');
    const again = await service.shipOrder({ key: 'ship', orderId: 'o-1', shipmentId: 'o-1/S1' });
    expect(again.ok && again.value.replayed).toBe(true);
    expect((await carriers.fetchTracking('label-2')).ok).toBe(false);
    // A shipment that cannot ship (unknown) buys no label; without the port, no carrier is a typed error.
    const none = await w.service.shipOrder({ key: 'ship-2', orderId: 'o-1', shipmentId: 'o-1/S1' });
    expect(none.ok || none.error.code).toBe('not_configured');
  });

  it('a label bought for a save that fails is voided', async () => {
    const w = makeWorld();
    const carriers = createInMemoryCarrierGateway({ clock: w.raw.clock });
    const service = createOrderService({ ...w.adapters, carriers }, w.config);
    await service.placeOrder(
      placeRequest({
        customer: { accountId: 'c-1', deliveryAddress: { postalCode: '10001', country: 'US', line1: 'x', city: 'NY' } },
      }),
    );
    await service.capturePayment({ key: 'cap', orderId: 'o-1' });
    await service.allocateOrder({ key: 'alloc', orderId: 'o-1' });
    w.failures.set('orders.save', { after: 0, mode: 'throw' });
    const r = await service.shipOrder({ key: 'ship', orderId: 'o-1', shipmentId: 'o-1/S1' });
    expect(r.ok).toBe(false);
    const again = await carriers.voidLabel('label-1');
    expect(again.ok || again.error.code).toBe('label_already_voided');
    expect(w.available('MUG', 'dc')).toMatchObject({ onHand: 10, allocated: 2 });
  });
});
