import { describe, expect, it } from 'vitest';
import { AdapterError, type OrderRepository } from '../../src/adapters/index.js';
import { orderInvariantViolations } from '../../src/orders/index.js';
import { createOrderService } from '../../src/workflows/index.js';
import { makeWorld, placeRequest, prng } from './support.js';

describe('two services on the same stores', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`race for the last units: exactly as many orders win as there are units, never an oversell (seed ${seed})`, async () => {
      const random = prng(seed);
      const w = makeWorld({ stock: { TEE: { dc: 3 }, MUG: { dc: 100 } }, jitter: () => Math.floor(random() * 3) });
      const services = [w.service, w.another()];
      const attempts = Array.from({ length: 8 }, (_, i) =>
        (services[i % 2] ?? w.service).placeOrder(
          placeRequest({
            key: `k-${i}`,
            orderId: `o-${i}`,
            lines: [
              { id: 'l1', sku: 'TEE', quantity: 1 },
              { id: 'l2', sku: 'MUG', quantity: 1 },
            ],
          }),
        ),
      );
      const results = await Promise.all(attempts);
      const won = results.filter((r) => r.ok);
      expect(won).toHaveLength(3);
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(
        Array(5).fill('insufficient_stock'),
      );
      const tee = w.available('TEE', 'dc');
      expect(tee).toMatchObject({ onHand: 3, reserved: 3, available: 0 });
      // Losers hold nothing: all or nothing across the lines.
      expect(w.available('MUG', 'dc')).toMatchObject({ reserved: 3, available: 97 });
      expect((await w.raw.orders.query()).orders).toHaveLength(3);
    });
  }

  it('exactly one of two orders for the very last unit wins, over many interleavings', async () => {
    let raced = 0;
    for (let seed = 10; seed < 40; seed++) {
      const random = prng(seed);
      const w = makeWorld({ stock: { CAP: { dc: 1 } }, jitter: () => Math.floor(random() * 2) });
      const [a, b] = await Promise.all([
        w.service.placeOrder(
          placeRequest({ key: 'a', orderId: 'o-a', lines: [{ id: 'l1', sku: 'CAP', quantity: 1 }] }),
        ),
        w
          .another()
          .placeOrder(placeRequest({ key: 'b', orderId: 'o-b', lines: [{ id: 'l1', sku: 'CAP', quantity: 1 }] })),
      ]);
      expect([seed, [a?.ok, b?.ok].filter(Boolean).length]).toEqual([seed, 1]);
      expect(w.available('CAP', 'dc')).toMatchObject({ reserved: 1, available: 0 });
      raced += w.refusals.filter((x) => x === 'inventory.apply:precondition_failed').length;
    }
    // In some interleavings both computed their hold on the same snapshot: the store refused the loser.
    expect(raced).toBeGreaterThan(0);
  });

  it('commands on one order from two services: version conflicts are retried, nothing is lost', async () => {
    let conflicts = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const random = prng(seed);
      const w = makeWorld({ jitter: () => Math.floor(random() * 3) });
      const placed = await w.service.placeOrder(placeRequest());
      expect(placed.ok).toBe(true);
      const saves = w.writes.length;
      const [captured, edited] = await Promise.all([
        w.service.capturePayment({ key: 'cap', orderId: 'o-1' }),
        w.another().editOrder({
          key: 'edit',
          orderId: 'o-1',
          edits: [
            {
              kind: 'change_address',
              address: { line1: '2 Elm St', city: 'Shelbyville', postalCode: '54321', country: 'US' },
            },
          ],
        }),
      ]);
      expect([seed, captured.ok, edited.ok]).toEqual([seed, true, true]);
      const order = await w.raw.orders.load('o-1');
      if (!order.ok) throw order.error;
      const events = order.value.history.map((h) => h.event.type);
      expect(events).toContain('capture_payment');
      expect(events).toContain('edit_order');
      expect(order.value.customer.deliveryAddress.line1).toBe('2 Elm St');
      expect(orderInvariantViolations(order.value)).toEqual([]);
      expect(w.writes.slice(saves).filter((x) => x === 'orders.save').length).toBeGreaterThanOrEqual(2);
      conflicts += w.refusals.filter((x) => x === 'orders.save:version_conflict').length;
    }
    // The jitter made the two commands load the same version in some runs: their retries were exercised.
    expect(conflicts).toBeGreaterThan(0);
  });

  it('gives up with conflict after maxAttempts when the order never stops changing', async () => {
    const w = makeWorld({ config: { maxAttempts: 2 } });
    await w.service.placeOrder(placeRequest());
    // Every save is refused as a conflict (a competitor always wins).
    const repo = w.adapters.orders;
    const orders: OrderRepository = {
      create: (o) => repo.create(o),
      load: (id) => repo.load(id),
      query: (q) => repo.query(q),
      history: (id, p) => repo.history(id, p),
      save: async () => ({ ok: false, error: new AdapterError('version_conflict', 'moved', {}) }),
    };
    const stubborn = { ...w.adapters, orders };
    const service = createOrderService(stubborn, w.config);
    const r = await service.capturePayment({ key: 'cap', orderId: 'o-1' });
    expect(r.ok || [r.error.code, r.error.details['attempts']]).toEqual(['conflict', 2]);
  });
});
