// validateOrders on 10,000 generated orders against a realistic context: a 2,000-SKU catalogue with
// minimums, multiples and lead times, a pricing result per order, credit positions of 800 accounts
// (two thirds of the orders on net terms), a New York cut-off with holidays and three shipping
// methods, and default address rules. Printed: the median time per batch and orders per second for
//
// - validateOrders with credit accumulated across the batch (the default);
// - validateOrders without accumulation;
// - the baseline: validateOrder called in a loop, which reads and checks the context again for
//   every order (no per-batch indexes or caches).
//
// Every input is deterministic (a seeded LCG, no Math.random), and the verdicts are sanity-checked
// (the batch without accumulation must equal the loop) before anything is timed.
import { fromMinor, type Money } from 'ordercore/money';
import {
  type CreditAccount,
  type OrderDraft,
  type OrderDraftLine,
  type OrderValidationContext,
  type PricingReference,
  type SkuRule,
  validateOrder,
  validateOrders,
} from 'ordercore/orders';
import { runBench } from './harness.js';

const CURRENCY = 'USD';
const ORDER_COUNT = 10_000;
const SKU_COUNT = 2_000;
const ACCOUNT_COUNT = 800;
const NOW = '2026-11-23T18:30:00Z';

/** A seeded 32-bit LCG (Numerical Recipes constants), high bits: no Math.random anywhere. */
function lcg(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return Math.floor((state / 4294967296) * n);
  };
}

const sku = (i: number): string => `SKU-${String(i).padStart(4, '0')}`;
const minor = (amount: number): Money => fromMinor(amount, CURRENCY);

function makeContext(random: (n: number) => number): {
  context: Omit<OrderValidationContext, 'pricing'>;
  prices: number[];
} {
  const catalogue: Record<string, SkuRule> = {};
  const prices: number[] = [];
  for (let i = 0; i < SKU_COUNT; i++) {
    const pack = i % 10 === 0 ? 6 : 1;
    catalogue[sku(i)] = {
      active: i % 97 !== 0,
      ...(i % 89 === 0 ? { discontinued: true } : {}),
      ...(pack > 1 ? { minQuantity: pack, quantityMultiple: pack } : {}),
      ...(i % 7 === 0 ? { maxQuantity: 500 } : {}),
      leadTimeDays: random(4),
      category: `cat-${i % 20}`,
    };
    prices.push(199 + random(20_000));
  }
  const credit: Record<string, CreditAccount> = {};
  for (let a = 0; a < ACCOUNT_COUNT; a++) {
    credit[`acct-${a}`] = {
      limit: minor(500_000 + random(5_000_000)),
      openReceivables: minor(random(2_000_000)),
      openOrders: minor(random(1_000_000)),
    };
  }
  return {
    context: {
      catalogue,
      credit,
      delivery: {
        cutoff: { time: '14:00', utcOffset: '-05:00' },
        holidays: ['2026-11-26', '2026-11-27', '2026-12-25', '2027-01-01'],
        transitDays: { ground: 4, express: 1, freight: 6 },
      },
      address: { byCountry: { HK: ['line1', 'city', 'country'] } },
    },
    prices,
  };
}

function makeOrders(
  random: (n: number) => number,
  prices: readonly number[],
): {
  orders: OrderDraft[];
  pricing: Record<string, PricingReference>;
} {
  const orders: OrderDraft[] = [];
  const pricing: Record<string, PricingReference> = {};
  const methods = ['ground', 'express', 'freight'];
  for (let o = 0; o < ORDER_COUNT; o++) {
    const lineCount = 1 + random(8);
    const lines: OrderDraftLine[] = [];
    let total = 0;
    for (let l = 0; l < lineCount; l++) {
      const s = random(SKU_COUNT);
      const pack = s % 10 === 0 ? 6 : 1;
      const quantity = pack * (1 + random(5)) + (random(50) === 0 ? 1 : 0);
      const unit = prices[s] as number;
      const net = unit * quantity;
      const tax = Math.round(net * 0.08);
      total += net + tax;
      lines.push({
        id: `l${l + 1}`,
        sku: sku(s),
        description: sku(s),
        quantity,
        unitPrice: minor(unit),
        subtotal: minor(net),
        discounts: [],
        discountTotal: minor(0),
        net: minor(net),
        tax: minor(tax),
        total: minor(net + tax),
      });
    }
    const shipping = 500 + random(2_000);
    const id = `o-${String(o).padStart(5, '0')}`;
    const requested = `2026-12-${String(1 + random(20)).padStart(2, '0')}`;
    orders.push({
      id,
      type: 'stock',
      currency: CURRENCY,
      channel: 'b2b',
      priority: 'normal',
      customer: {
        accountId: `acct-${random(ACCOUNT_COUNT)}`,
        deliveryAddress:
          random(100) === 0
            ? { line1: '8 Harbour Rd', city: 'Hong Kong', country: 'HK' }
            : { line1: `${o} Main St`, city: 'Springfield', postalCode: '12345', country: 'US' },
      },
      lines,
      shipping: { net: minor(shipping), tax: minor(0) },
      fulfillment: { requestedDeliveryDate: requested, shippingMethod: methods[random(3)] as string },
      terms: {
        paymentTerms: random(3) === 0 ? { kind: 'prepaid' } : { kind: 'net', days: 30 },
        creditApproved: false,
      },
      timestamps: { orderedAt: '2026-11-23T15:00:00Z' },
    });
    // One order in 200 was re-priced differently (a price mismatch to find).
    const first = lines[0] as OrderDraftLine;
    const drift = o % 200 === 0 ? 1 : 0;
    pricing[id] = {
      lines: lines.map((line) =>
        line === first ? { id: line.id, unitPrice: minor(line.unitPrice.amount + drift), total: line.total } : line,
      ),
      totals: { grandTotal: minor(total + shipping) },
    };
  }
  return { orders, pricing };
}

const random = lcg(2026);
const { context: base, prices } = makeContext(random);
const { orders, pricing } = makeOrders(random, prices);
const context: OrderValidationContext = { ...base, pricing };
const options = { now: NOW };

// Sanity checks before timing.
const batch = validateOrders(orders, context, { ...options, accumulateCredit: false });
const loop = orders.map((o) => validateOrder(o, context, options));
if (JSON.stringify(batch.reports) !== JSON.stringify(loop)) throw new Error('validateOrders ≠ map(validateOrder)');
const accumulated = validateOrders(orders, context, options);
console.log(
  `\n  sanity: ${ORDER_COUNT.toLocaleString('en-US')} orders; alone ${JSON.stringify(batch.summary)}; accumulated ${JSON.stringify(accumulated.summary)}`,
);
if (batch.summary.accept === 0 || batch.summary.reject === 0 || batch.summary.review === 0) {
  throw new Error('the generated orders should give every decision');
}

const CASE_BATCH = 'validateOrders, credit accumulated (default)';
const CASE_BATCH_ALONE = 'validateOrders, accumulateCredit: false';
const CASE_LOOP = 'validateOrder in a loop (baseline)';
const results = runBench(
  `validateOrders: ${ORDER_COUNT.toLocaleString('en-US')} orders, 1–8 lines each, 2,000-SKU catalogue, pricing, credit, delivery`,
  [
    { name: CASE_LOOP, run: () => orders.map((o) => validateOrder(o, context, options)) },
    { name: CASE_BATCH, run: () => validateOrders(orders, context, options) },
    { name: CASE_BATCH_ALONE, run: () => validateOrders(orders, context, { ...options, accumulateCredit: false }) },
  ],
  { baseline: CASE_LOOP, samples: 25, sampleMs: 0 },
);

console.log('\n  orders per second (median batch):');
for (const r of results) {
  const perSecond = ORDER_COUNT / (r.median / 1e9);
  console.log(`    ${r.name.padEnd(48)} ${Math.round(perSecond).toLocaleString('en-US').padStart(12)} orders/s`);
}
