// A world for the workflow tests: the in-memory adapters, a small catalog and stock, services over
// them, and wrappers that record every write or make one port fail at a chosen call.
import {
  createCounterIdGenerator,
  createInMemoryEventOutbox,
  createInMemoryInventoryStore,
  createInMemoryOrderRepository,
  createInMemoryPaymentGateway,
  createInMemoryPromotionUsageStore,
  createManualClock,
} from '../../src/adapters/index.js';
import type { LedgerEntry } from '../../src/inventory/index.js';
import { money } from '../../src/money/index.js';
import type { Promotion } from '../../src/pricing/index.js';
import {
  createOrderService,
  type OrderServiceAdapters,
  type OrderServiceConfig,
  type PlaceOrderRequest,
} from '../../src/workflows/index.js';

export const usd = (a: string) => money(a, 'USD');
export const T0 = '2026-11-22T09:00:00Z';

export const catalog = {
  currency: 'USD',
  items: [{ sku: 'MUG' }, { sku: 'TEE' }, { sku: 'CAP' }],
  basePrices: [
    { sku: 'MUG', price: usd('8.00') },
    { sku: 'TEE', price: usd('20.00') },
    { sku: 'CAP', price: usd('12.50') },
  ],
};

export const promotions: Promotion[] = [
  {
    id: 'welcome10',
    condition: { type: 'coupon', code: 'WELCOME10' },
    action: { type: 'percent_off_order', percent: '10' },
  },
];

export function receipts(stock: Record<string, Record<string, number>>): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  for (const [sku, byLocation] of Object.entries(stock))
    for (const [location, quantity] of Object.entries(byLocation))
      out.push({ id: `grn-${sku}-${location}`, kind: 'receipt', sku, location, quantity, at: T0 });
  return out;
}

export const WRITES = new Set([
  'apply',
  'create',
  'save',
  'reserve',
  'commit',
  'release',
  'setLimits',
  'authorize',
  'capture',
  'refund',
  'void',
  'append',
  'markDelivered',
  'claim',
]);

/** A deterministic pseudo-random number generator (mulberry32), for interleavings that repeat. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeWorld(
  options: {
    stock?: Record<string, Record<string, number>>;
    config?: Partial<OrderServiceConfig>;
    declines?: Record<string, 'card_declined'>;
    /** Milliseconds every port call waits first (a seeded jitter makes interleavings vary). */
    jitter?: () => number;
    /**
     * Makes a write fail: `'before'` rejects without calling the store, `'after'` calls it and then
     * rejects (the answer is lost). Read by the proxy at every write; `undefined`: no failure.
     */
    chaos?: { fail?: (label: string) => 'before' | 'after' | undefined };
  } = {},
) {
  const raw = {
    orders: createInMemoryOrderRepository(),
    inventory: createInMemoryInventoryStore({
      ledger: receipts(options.stock ?? { MUG: { dc: 10, 'store-1': 4 }, TEE: { dc: 5 }, CAP: { 'store-1': 3 } }),
    }),
    promotions: createInMemoryPromotionUsageStore(),
    payments: createInMemoryPaymentGateway(options.declines === undefined ? {} : { declines: options.declines }),
    outbox: createInMemoryEventOutbox(),
    clock: createManualClock('2026-11-22T10:00:00Z', { stepMs: 1000 }),
    ids: createCounterIdGenerator(),
  };
  const writes: string[] = [];
  const refusals: string[] = [];
  const failures = new Map<string, { after: number; mode: 'throw' | 'refuse' }>();
  const spy = <T extends object>(name: string, target: T): T =>
    new Proxy(target, {
      get(t, prop, receiver) {
        const value = Reflect.get(t, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string') return value;
        return (...args: unknown[]) => {
          const label = `${name}.${prop}`;
          const fail = failures.get(label);
          if (fail !== undefined) {
            if (fail.after <= 0) {
              if (fail.mode === 'throw') return Promise.reject(new Error(`${label} is down`));
            } else fail.after -= 1;
          }
          if (WRITES.has(prop)) writes.push(label);
          const jitter = options.jitter;
          const crash = WRITES.has(prop) ? options.chaos?.fail?.(label) : undefined;
          if (crash === 'before') return Promise.reject(new Error(`${label} crashed before the call`));
          const invoke = () => {
            const result = (value as (...a: unknown[]) => unknown).apply(t, args);
            if (crash === 'after' && result instanceof Promise)
              return result.then(() => Promise.reject(new Error(`${label} crashed after the call`)));
            if (result instanceof Promise)
              void result.then(
                (r: unknown) => {
                  const code = (r as { ok?: boolean; error?: { code?: string } })?.error?.code;
                  if ((r as { ok?: boolean })?.ok === false && code !== undefined) refusals.push(`${label}:${code}`);
                },
                () => undefined,
              );
            return result;
          };
          if (jitter === undefined) return invoke();
          return new Promise((resolve) => setTimeout(resolve, jitter())).then(invoke);
        };
      },
    });
  const adapters: OrderServiceAdapters = {
    orders: spy('orders', raw.orders),
    inventory: spy('inventory', raw.inventory),
    promotions: spy('promotions', raw.promotions),
    payments: spy('payments', raw.payments),
    outbox: spy('outbox', raw.outbox),
    clock: raw.clock,
    ids: raw.ids,
  };
  const config: OrderServiceConfig = { catalog, promotions, stockLocations: ['dc', 'store-1'], ...options.config };
  const service = createOrderService(adapters, config);
  /** Everything observable in every store, as JSON. */
  const snapshot = async (orderIds: readonly string[] = []) =>
    JSON.stringify({
      ledger: await raw.inventory.ledger(),
      orders: (await raw.orders.query({ limit: 1000 })).orders,
      histories: await Promise.all(orderIds.map((id) => raw.orders.history(id))),
      usage: await raw.promotions.usage('welcome10'),
      pending: raw.outbox.pending(),
    });
  const available = (sku: string, location: string) =>
    raw.inventory.loadSync({ skus: [sku] }).balances[sku]?.[location];
  /** Another service (another process) on the same stores. */
  const another = () => createOrderService(adapters, config);
  return { raw, adapters, config, service, another, writes, refusals, failures, snapshot, available };
}

export const customer = {
  accountId: 'c-1',
  deliveryAddress: { name: 'Ada', line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' },
};

export function placeRequest(overrides: Partial<PlaceOrderRequest> = {}): PlaceOrderRequest {
  return {
    key: 'checkout-1',
    orderId: 'o-1',
    channel: 'web',
    customer,
    lines: [
      { id: 'l1', sku: 'MUG', quantity: 2 },
      { id: 'l2', sku: 'TEE', quantity: 1 },
    ],
    payment: { method: 'tok_visa' },
    ...overrides,
  };
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
