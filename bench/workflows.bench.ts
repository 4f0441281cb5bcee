// Workflows: orders placed per second end to end through the order service (validate → price → hold
// every line → reserve promotion usage → authorise → create + confirm → save → commit usage →
// publish), and whole lives per second (place → capture → allocate → ship → deliver), on the
// in-memory adapters. Baseline: the pure core of a placement with no ports at all (priceCart,
// validateOrder, reserveBatch on a state, createOrder, confirm) — what the shell adds is the ratio.
//
// Hook for other adapters: `ADAPTER_SETS` lists the stores each case runs on. The SQL helper adds
// PGlite / PostgreSQL entries there (a name and an async factory returning fresh ports); every set
// gets the same cases and the same report, so the figures line up side by side.
//
// Inputs are deterministic: a manual clock, a counter id generator, one SKU catalogue.
import {
  createCounterIdGenerator,
  createInMemoryEventOutbox,
  createInMemoryInventoryStore,
  createInMemoryOrderRepository,
  createInMemoryPaymentGateway,
  createInMemoryPromotionUsageStore,
  createManualClock,
} from 'ordercore/adapters';
import { foldLedger, type LedgerEntry, reserveBatch } from 'ordercore/inventory';
import { money } from 'ordercore/money';
import { createOrder, transition, validateOrder } from 'ordercore/orders';
import { priceCart } from 'ordercore/pricing';
import { createOrderService, type OrderServiceAdapters, type OrderServiceConfig } from 'ordercore/workflows';
import { type AsyncBenchCase, type BenchCase, runBenchAsync } from './harness.js';

const usd = (a: string) => money(a, 'USD');
const SKUS = 200;
const at = '2026-11-22T09:00:00Z';
const receipts: LedgerEntry[] = Array.from({ length: SKUS }, (_, i) => ({
  id: `grn-${i}`,
  kind: 'receipt',
  sku: `S${i}`,
  location: 'dc',
  quantity: 100_000_000,
  at,
}));
const config: OrderServiceConfig = {
  catalog: {
    currency: 'USD',
    items: Array.from({ length: SKUS }, (_, i) => ({ sku: `S${i}` })),
    basePrices: Array.from({ length: SKUS }, (_, i) => ({ sku: `S${i}`, price: usd(`${5 + (i % 40)}.00`) })),
  },
  promotions: [
    {
      id: 'welcome10',
      condition: { type: 'coupon', code: 'WELCOME10' },
      action: { type: 'percent_off_order', percent: '10' },
    },
  ],
  stockLocations: ['dc', 'store-1'],
};
const customer = {
  accountId: 'c-1',
  deliveryAddress: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' },
};

/** The adapter sets every case runs on: a name and fresh ports. (SQL adapters are added here.) */
export const ADAPTER_SETS: { readonly name: string; readonly make: () => Promise<OrderServiceAdapters> }[] = [
  {
    name: 'in-memory',
    make: async () => ({
      orders: createInMemoryOrderRepository(),
      inventory: createInMemoryInventoryStore({ ledger: receipts }),
      promotions: createInMemoryPromotionUsageStore(),
      payments: createInMemoryPaymentGateway(),
      outbox: createInMemoryEventOutbox(),
      clock: createManualClock('2026-11-22T10:00:00Z', { stepMs: 1 }),
      ids: createCounterIdGenerator(),
    }),
  },
];

let n = 0;
const linesOf = (i: number) => [
  { id: 'l1', sku: `S${i % SKUS}`, quantity: 1 + (i % 3) },
  { id: 'l2', sku: `S${(i * 7 + 3) % SKUS}`, quantity: 1 },
  { id: 'l3', sku: `S${(i * 13 + 5) % SKUS}`, quantity: 2 },
];

// The floor: the same placement with the pure functions only (no ports, no awaits).
const state = foldLedger(receipts);
function pureCore(): unknown {
  const i = n++;
  const now = '2026-11-22T10:00:00Z';
  const lines = linesOf(i);
  const priced = priceCart({ lines }, config.catalog, {
    now,
    couponCodes: ['WELCOME10'],
    ...(config.promotions ? { promotions: config.promotions } : {}),
  });
  if (!priced.ok) throw priced.error;
  const draft = {
    id: `p-${i}`,
    type: 'stock' as const,
    currency: 'USD',
    channel: 'web',
    customer,
    lines: priced.value.lines.map((l) => ({ ...l, description: l.sku })),
    terms: { paymentTerms: { kind: 'prepaid' as const }, creditApproved: false },
  };
  if (validateOrder(draft, {}, { now }).decision === 'reject') throw new Error('rejected');
  const held = reserveBatch(
    state,
    {
      key: `p-${i}`,
      lines: lines.map((l) => ({
        reservationId: `p-${i}/${l.id}`,
        sku: l.sku,
        locations: ['dc', 'store-1'],
        quantity: l.quantity,
      })),
    },
    { now },
  );
  if (!held.ok) throw held.error;
  const created = createOrder(draft, { now, actor: { kind: 'system', id: 'bench' } });
  if (!created.ok) throw created.error;
  return transition(created.value.order, { type: 'confirm' }, { now, actor: { kind: 'system', id: 'bench' } });
}

for (const set of ADAPTER_SETS) {
  const service = createOrderService(await set.make(), config);
  const lifeService = createOrderService(await set.make(), config);
  const place = async (s: typeof service, i: number) => {
    const r = await s.placeOrder({
      key: `k-${i}`,
      orderId: `o-${i}`,
      channel: 'web',
      customer,
      lines: linesOf(i),
      couponCodes: ['WELCOME10'],
      payment: { method: 'tok_visa' },
    });
    if (!r.ok) throw r.error;
    return r.value.order;
  };
  const cases: (BenchCase | AsyncBenchCase)[] = [
    { name: 'pure core of a placement (no ports)', run: pureCore },
    { name: `placeOrder, ${set.name}`, runAsync: () => place(service, n++) },
    {
      name: `place → capture → allocate → ship → deliver, ${set.name}`,
      runAsync: async () => {
        const i = n++;
        const order = await place(lifeService, i);
        const steps = [
          () => lifeService.capturePayment({ key: `c-${i}`, orderId: order.id }),
          () => lifeService.allocateOrder({ key: `a-${i}`, orderId: order.id }),
          () =>
            lifeService.shipOrder({
              key: `s-${i}`,
              orderId: order.id,
              shipmentId: `${order.id}/S1`,
              carrier: 'UPS',
              trackingNumber: `1Z${i}`,
            }),
          () => lifeService.deliverOrder({ key: `d-${i}`, orderId: order.id, shipmentId: `${order.id}/S1` }),
        ];
        for (const step of steps) {
          const r = await step();
          if (!r.ok) throw r.error;
        }
      },
    },
  ];
  const results = await runBenchAsync(
    `order service on ${set.name} adapters (3-line orders, a coupon, a card)`,
    cases,
    {
      baseline: 'pure core of a placement (no ports)',
      samples: 30,
      sampleMs: 20,
    },
  );
  for (const r of results)
    console.log(
      `  ${r.name.padEnd(56)} ${Math.round(1e9 / r.median)
        .toLocaleString('en-US')
        .padStart(9)} per second`,
    );
}
