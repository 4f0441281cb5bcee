import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderInvariantViolations } from '../../src/orders/index.js';
import type { OrderService } from '../../src/workflows/index.js';
import { makeWorld, placeRequest } from './support.js';

// Random sequences of commands (with exact replays of earlier ones) over a few orders competing for
// little stock. After every step the stores must agree with each other:
// - no oversell: on hand − allocated − reserved ≥ 0 at every location;
// - every stored order satisfies its invariants;
// - the open holds of every line are exactly the units it still needs held (none once cancelled);
// - the ledger's allocated units per SKU are the orders' allocated − shipped units;
// - every payment on an order is what the gateway holds (captured, refunded).

type Command =
  | { kind: 'place'; order: number; mugs: number; tees: number; coupon: boolean }
  | { kind: 'capture' | 'allocate' | 'ship' | 'deliver' | 'cancel' | 'return'; order: number }
  | { kind: 'cancel_line'; order: number }
  | { kind: 'edit'; order: number; mugs: number }
  | { kind: 'advance'; order: number }
  | { kind: 'replay'; step: number };

const orderIndex = fc.integer({ min: 0, max: 3 });
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('place' as const),
      order: orderIndex,
      mugs: fc.integer({ min: 1, max: 3 }),
      tees: fc.integer({ min: 0, max: 2 }),
      coupon: fc.boolean(),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'capture' as const,
        'allocate' as const,
        'ship' as const,
        'deliver' as const,
        'cancel' as const,
        'return' as const,
      ),
      order: orderIndex,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel_line' as const), order: orderIndex }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      order: orderIndex,
      mugs: fc.integer({ min: 1, max: 4 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('replay' as const), step: fc.nat() }) },
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      order: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: orderIndex }),
    }),
  },
);

type Runnable = Exclude<Command, { kind: 'replay' | 'advance' }>;

/** The next step of an order's life, from its stored state (so sequences reach shipping and returns). */
function nextStep(order: import('../../src/orders/index.js').Order | undefined, index: number): Runnable {
  if (order === undefined) return { kind: 'place', order: index, mugs: 2, tees: 1, coupon: index % 2 === 0 };
  const paid = order.payments.some((p) => p.captured.amount > 0);
  if (!paid) return { kind: 'capture', order: index };
  const s1 = order.shipments[0];
  if (s1 === undefined) return { kind: 'allocate', order: index };
  if (s1.state !== 'shipped' && s1.state !== 'delivered') return { kind: 'ship', order: index };
  if (s1.state === 'shipped') return { kind: 'deliver', order: index };
  return { kind: 'return', order: index };
}

async function run(service: OrderService, c: Runnable, step: number): Promise<unknown> {
  const orderId = `o-${c.order}`;
  const key = `${c.kind}-${step}`;
  switch (c.kind) {
    case 'place':
      return service.placeOrder(
        placeRequest({
          key,
          orderId,
          lines: [
            { id: 'l1', sku: 'MUG', quantity: c.mugs },
            ...(c.tees > 0 ? [{ id: 'l2', sku: 'TEE', quantity: c.tees }] : []),
          ],
          ...(c.coupon ? { couponCodes: ['WELCOME10'] } : {}),
        }),
      );
    case 'capture':
      return service.capturePayment({ key, orderId });
    case 'allocate':
      return service.allocateOrder({ key, orderId });
    case 'ship':
      return service.shipOrder({
        key,
        orderId,
        shipmentId: `${orderId}/S1`,
        carrier: 'UPS',
        trackingNumber: `1Z${step}`,
      });
    case 'deliver':
      return service.deliverOrder({ key, orderId, shipmentId: `${orderId}/S1` });
    case 'cancel':
      return service.cancelOrder({ key, orderId, reason: 'changed mind' });
    case 'cancel_line':
      return service.cancelOrder({ key, orderId, reason: 'one less', lines: [{ lineId: 'l1', quantity: 1 }] });
    case 'edit':
      return service.editOrder({ key, orderId, edits: [{ kind: 'change_quantity', lineId: 'l1', quantity: c.mugs }] });
    case 'return':
      return service
        .requestReturn({ key, orderId, lines: [{ lineId: 'l1', quantity: 1, reason: 'broken' }] })
        .then((r) =>
          r.ok
            ? service.receiveReturn({
                key: `${key}/rcv`,
                orderId,
                returnId: `${orderId}/R${r.value.order.returns.length}`,
                lines: [{ lineId: 'l1', resellable: 1, damaged: 0 }],
              })
            : r,
        );
  }
}

async function expectStoresAgree(w: ReturnType<typeof makeWorld>): Promise<void> {
  const state = w.raw.inventory.loadSync();
  for (const [sku, byLocation] of Object.entries(state.balances))
    for (const b of Object.values(byLocation)) {
      expect([sku, b.location, b.onHand - b.allocated - b.reserved >= 0, b.allocated >= 0, b.reserved >= 0]).toEqual([
        sku,
        b.location,
        true,
        true,
        true,
      ]);
    }
  const orders = (await w.raw.orders.query({ limit: 1000 })).orders;
  const allocatedBySku = new Map<string, number>();
  for (const order of orders) {
    expect(orderInvariantViolations(order)).toEqual([]);
    for (const line of order.lines) {
      const ids = [
        `${order.id}/${line.id}/${order.metadata?.['ordercore.placeKey']}`,
        ...order.history.filter((h) => h.event.type === 'edit_order').map((h) => `${order.id}/${line.id}@${h.seq}`),
      ];
      const open = ids.reduce((n, id) => n + (state.reservations[id]?.open ?? 0), 0);
      const q = line.quantities;
      const need =
        order.state === 'cancelled' || order.state === 'rejected'
          ? 0
          : Math.max(0, line.quantity - q.cancelled - q.allocated - q.backordered);
      expect([order.id, line.id, 'open holds', open]).toEqual([order.id, line.id, 'open holds', need]);
      allocatedBySku.set(line.sku, (allocatedBySku.get(line.sku) ?? 0) + q.allocated - q.shipped);
    }
    for (const p of order.payments) {
      const gateway = await w.raw.payments.payment(p.id);
      expect([p.id, gateway?.captured, gateway?.refunded]).toEqual([p.id, p.captured, p.refunded]);
    }
  }
  for (const [sku, byLocation] of Object.entries(state.balances)) {
    const inLedger = Object.values(byLocation).reduce((n, b) => n + b.allocated, 0);
    expect([sku, 'allocated', inLedger]).toEqual([sku, 'allocated', allocatedBySku.get(sku) ?? 0]);
  }
}

describe('the stores always agree, whatever the commands', () => {
  it('no oversell, order invariants, holds = needs, allocations = orders, payments = gateway', async () => {
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 30 }), async (commands) => {
        const w = makeWorld({ stock: { MUG: { dc: 5, 'store-1': 2 }, TEE: { dc: 3 } } });
        const done: Runnable[] = [];
        const steps: number[] = [];
        for (let i = 0; i < commands.length; i++) {
          const c = commands[i] as Command;
          if (c.kind === 'replay') {
            if (done.length === 0) continue;
            const j = c.step % done.length;
            await run(w.service, done[j] as Runnable, steps[j] as number);
          } else {
            let runnable: Runnable;
            if (c.kind === 'advance') {
              const stored = await w.raw.orders.load(`o-${c.order}`);
              runnable = nextStep(stored.ok ? stored.value : undefined, c.order);
            } else runnable = c;
            const r = (await run(w.service, runnable, i)) as { ok: boolean; error?: { code: string } };
            const label = `${runnable.kind} ${r.ok ? 'ok' : (r.error?.code ?? '?')}`;
            outcomes.set(label, (outcomes.get(label) ?? 0) + 1);
            done.push(runnable);
            steps.push(i);
          }
          await expectStoresAgree(w);
        }
      }),
      // A fixed seed keeps the coverage check below stable; WORKFLOW_PROP_SEED explores others.
      { numRuns: 80, seed: Number(process.env['WORKFLOW_PROP_SEED'] ?? 20261122) },
    );
    if (process.env['WORKFLOW_PROP_STATS'] !== undefined) console.log([...outcomes.entries()].sort());
    // The runs reached every stage of an order's life (not only refusals).
    for (const kind of ['place', 'capture', 'allocate', 'ship', 'deliver', 'cancel', 'cancel_line', 'edit', 'return'])
      expect([kind, (outcomes.get(`${kind} ok`) ?? 0) > 0]).toEqual([kind, true]);
  }, 60_000);

  it('after crashes at random writes (before or after the call), replaying every command repairs the stores', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(command, { minLength: 1, maxLength: 24 }),
        fc.array(
          fc.constantFrom(undefined, undefined, undefined, undefined, undefined, 'before' as const, 'after' as const),
          { minLength: 64, maxLength: 64 },
        ),
        async (commands, faults) => {
          let k = 0;
          const chaos: { fail?: (label: string) => 'before' | 'after' | undefined } = {
            fail: () => faults[k++ % faults.length],
          };
          const w = makeWorld({ stock: { MUG: { dc: 5, 'store-1': 2 }, TEE: { dc: 3 } }, chaos });
          const done: Runnable[] = [];
          const steps: number[] = [];
          for (let i = 0; i < commands.length; i++) {
            const c = commands[i] as Command;
            if (c.kind === 'replay') continue;
            let runnable: Runnable;
            if (c.kind === 'advance') {
              const stored = await w.raw.orders.load(`o-${c.order}`);
              runnable = nextStep(stored.ok ? stored.value : undefined, c.order);
            } else runnable = c;
            await run(w.service, runnable, i);
            done.push(runnable);
            steps.push(i);
          }
          // The ports are back: every command is retried once, in order (what a host's retry queue does).
          delete chaos.fail;
          for (let j = 0; j < done.length; j++) await run(w.service, done[j] as Runnable, steps[j] as number);
          await expectStoresAgree(w);
        },
      ),
      { numRuns: 60, seed: Number(process.env['WORKFLOW_PROP_SEED'] ?? 20261122) },
    );
  }, 60_000);
});
