// ordercore/pricing, computed in Node and in Chromium; the two results must be byte-identical.
//
// Fifty seeded pseudo-random carts, each priced in full (price selection with tiers, tier groups,
// override, sale and contract prices, manual prices; promotions of all eleven action types under
// every kind of condition, in stacking and best-per-item lanes, with exclusivity, combinability
// groups, list/current bases, limits and budgets; shipping; tax exclusive and inclusive, rounded per
// line and per order with every rounding mode), in three currencies (USD, EUR and JPY, which has no
// minor unit). Each result goes back whole: lines, shipping, totals, usage intents and the trace —
// Money objects and strings only, plain data. A few carts are invalid on purpose, so error results
// (code, message, details) are compared too.
//
// Windows carry explicit offsets (-05:00, +01:00, +14:00): the page runs in Pacific/Kiritimati and
// Node in UTC, so anything that read the machine's zone would show up here.
import { lcg } from '../harness/kit.mjs';

export const subpaths = ['money', 'pricing'];

const NOW = '2026-11-22T10:00:00Z';
const CATEGORIES = ['toys', 'books', 'food', 'apparel', 'garden', 'audio'];
const ACTIONS = [
  'percent_off_items',
  'amount_off_unit',
  'amount_off_line',
  'fixed_unit_price',
  'buy_x_get_y',
  'bundle_price',
  'percent_off_order',
  'amount_off_order',
  'tiered_spend',
  'shipping_discount',
  'free_gift',
];
const LANES = [{ id: 'catalog', mode: 'best_per_item' }, { id: 'cart' }, { id: 'coupon', mode: 'stack' }];
const COUPONS = ['SAVE10', 'WELCOME', 'VIP'];

/** Per currency: a catalog, its tax contexts (exclusive or inclusive) and a typical amount scale. */
const MARKETS = {
  USD: { scale: 100, jurisdiction: 'US-NY-NYC', inclusive: false },
  EUR: { scale: 100, jurisdiction: 'DE', inclusive: true },
  JPY: { scale: 1, jurisdiction: 'JP', inclusive: true },
};

/** @param {{ money: typeof import('ordercore/money'), pricing: typeof import('ordercore/pricing') }} lib */
export async function run({ money: m, pricing }) {
  const rng = lcg(0x9e1c);
  const catalogs = Object.fromEntries(Object.keys(MARKETS).map((c) => [c, makeCatalog(m, lcg(c.charCodeAt(0)), c)]));
  const carts = [];
  for (let i = 0; i < 50; i++) {
    const currency = rng.pick(Object.keys(MARKETS));
    const market = MARKETS[currency];
    const catalog = catalogs[currency];
    const money = (units) => m.fromMinor(units * market.scale, currency);
    const lineCount = rng.between(1, 12);
    const lines = Array.from({ length: lineCount }, (_, k) => {
      const line = { id: `l${String(k).padStart(2, '0')}`, sku: `S${rng.int(40)}`, quantity: rng.between(1, 9) };
      if (rng.int(12) === 0) {
        return {
          ...line,
          manualPrice: {
            price: money(rng.between(1, 30)),
            reason: 'price match',
            ...(rng.int(2) === 0 ? { approvedBy: 'rep-3' } : {}),
          },
        };
      }
      return line;
    });
    // Input order must not matter: shuffle the lines sometimes (ids stay unique).
    if (rng.int(3) === 0) lines.reverse();
    if (i === 17) lines.push({ id: 'bad', sku: 'NOPE', quantity: 1 }); // unknown_sku
    const cart = {
      lines,
      ...(rng.int(4) === 0 ? {} : { shipping: { method: 'ground', price: money(rng.between(0, 12)) } }),
    };
    const inclusive = rng.int(4) === 0 ? !market.inclusive : market.inclusive;
    const level = rng.pick(['line', 'total']);
    const mode = rng.pick(m.ROUNDING_MODES);
    const promotions = makePromotions(
      rng,
      money,
      i,
      lines.map((l) => l.sku),
    );
    if (i === 33) promotions.push({ id: 'broken', action: { type: 'percent_off_items', percent: '150' } }); // invalid_promotion
    const options = {
      now: NOW,
      customer: rng.pick([
        { id: 'c-7', groups: ['vip'], previousOrders: 0 },
        { id: 'c-8', groups: ['retail'], previousOrders: 4 },
        { groups: ['staff', 'vip'] },
        undefined,
      ]),
      channel: rng.pick(['web', 'store', undefined]),
      region: rng.pick(['north', 'south', undefined]),
      couponCodes: COUPONS.filter(() => rng.int(2) === 0).map((c) => (rng.int(2) === 0 ? ` ${c.toLowerCase()} ` : c)),
      usage: [
        { promotionId: 'p1', uses: rng.int(3), customerUses: rng.int(2), budgetSpent: money(rng.int(20)) },
        { promotionId: 'p4', uses: 10 },
      ],
      promotions,
      ...(rng.int(3) === 0 ? { lanes: LANES } : {}),
      discountRounding: rng.pick(m.ROUNDING_MODES),
      manualPricePolicy: { maxDiscountPercent: '15', maxDiscountAmount: money(5) },
      tax: {
        jurisdiction: market.jurisdiction,
        pricesIncludeTax: inclusive,
        rates: taxRates(market.jurisdiction),
        rounding: { mode, level },
      },
    };
    if (options.lanes === undefined) for (const p of promotions) delete p.lane;
    const result = pricing.priceCart(cart, catalog, options);
    carts.push({
      i,
      currency,
      tax: { inclusive, level, mode },
      promotions: promotions.map((p) => `${p.id}:${p.action.type}`),
      result: result.ok
        ? { ok: true, value: result.value }
        : {
            ok: false,
            error: { code: result.error.code, message: result.error.message, details: result.error.details },
          },
    });
  }
  return { carts };
}

function taxRates(jurisdiction) {
  switch (jurisdiction) {
    case 'US-NY-NYC':
      return [
        { jurisdiction, taxClass: 'standard', rate: '4%', name: 'NY State' },
        { jurisdiction, taxClass: 'standard', rate: '4.5%', name: 'NYC' },
        { jurisdiction, taxClass: 'standard', rate: '0.375%', name: 'MCTD' },
        { jurisdiction, taxClass: 'shipping', rate: '8.875%' },
        // 'food' has no rate here: untaxed, and the trace says so.
      ];
    case 'DE':
      return [
        { jurisdiction, taxClass: 'standard', rate: '19%' },
        { jurisdiction, taxClass: 'food', rate: '7%' },
        { jurisdiction, taxClass: 'shipping', rate: '0.19' },
      ];
    default:
      return [
        { jurisdiction, taxClass: 'standard', rate: '10%' },
        { jurisdiction, taxClass: 'food', rate: '8%' },
        { jurisdiction, taxClass: 'shipping', rate: '10%' },
      ];
  }
}

/** 40 SKUs S0…S39: categories, tax classes, a tier group, tiered base prices, two lists, contracts. */
function makeCatalog(m, rng, currency) {
  const scale = MARKETS[currency].scale;
  const price = (units) => m.fromMinor(units, currency);
  const items = [];
  const basePrices = [];
  const override = [];
  const sale = [];
  const contracts = [];
  for (let i = 0; i < 40; i++) {
    const sku = `S${i}`;
    const category = CATEGORIES[i % CATEGORIES.length];
    items.push({
      sku,
      categories: i % 7 === 0 ? [category, 'clearance'] : [category],
      ...(category === 'food' ? { taxClass: 'food' } : {}),
      ...(i % 10 === 3 ? { tierGroup: 'mugs' } : {}),
    });
    const base = scale === 1 ? rng.between(100, 9000) : rng.between(199, 9999);
    basePrices.push({ sku, price: price(base) });
    if (i % 3 === 0) basePrices.push({ sku, price: price(Math.floor((base * 9) / 10)), minQuantity: 4 });
    if (i % 4 === 0) override.push({ sku, price: price(Math.floor((base * 8) / 10)) });
    if (i % 5 === 0) sale.push({ sku, price: price(Math.floor((base * 17) / 20)) });
    if (i % 6 === 0) sale.push({ sku, price: price(Math.floor((base * 7) / 10)), minQuantity: 3 });
    if (i % 9 === 0) contracts.push({ id: `k${i}`, customerId: 'c-7', sku, price: price(Math.floor(base / 2)) });
  }
  return {
    currency,
    items,
    basePrices,
    priceLists: [
      { id: 'vip-list', kind: 'override', priority: 5, conditions: { customerGroups: ['vip'] }, prices: override },
      {
        id: 'winter-sale',
        kind: 'sale',
        window: { from: '2026-11-22T00:00:00+14:00', until: '2026-12-01T00:00:00-05:00' },
        prices: sale,
      },
      {
        id: 'expired-sale',
        kind: 'sale',
        window: { until: '2026-11-22T10:00:00+01:00' },
        prices: sale.map((p) => ({ ...p, price: price(Math.floor(p.price.amount / 2)) })),
      },
    ],
    contracts,
  };
}

/** 3–8 promotions; promotion 0 always has action ACTIONS[i % 11], so every type is covered. */
function makePromotions(rng, money, i, skus) {
  const count = rng.between(3, 8);
  const promotions = [];
  for (let k = 0; k < count; k++) {
    const type = k === 0 ? ACTIONS[i % ACTIONS.length] : rng.pick(ACTIONS);
    const promotion = {
      id: `p${k}`,
      lane: rng.pick(LANES).id,
      action: makeAction(rng, money, type, skus),
    };
    if (rng.int(2) === 0) promotion.priority = rng.int(5);
    if (rng.int(3) === 0) promotion.condition = makeCondition(rng, money, 0);
    if (rng.int(6) === 0) promotion.window = { from: '2026-11-22T09:00:00-05:00' }; // 14:00Z: not yet
    if (rng.int(6) === 0) promotion.window = { from: '2026-11-01T00:00:00+01:00', until: '2026-11-30T00:00:00Z' };
    if (rng.int(4) === 0) promotion.base = rng.pick(['list', 'current']);
    if (rng.int(20) === 0) promotion.exclusive = true;
    if (rng.int(4) === 0) promotion.group = rng.pick(['coupon', 'loyalty']);
    if (rng.int(4) === 0) promotion.notCombinableWith = [rng.pick(['coupon', 'loyalty'])];
    if (rng.int(4) === 0) {
      promotion.limits = {
        ...(rng.int(2) === 0 ? { maxUses: rng.between(1, 12) } : {}),
        ...(rng.int(2) === 0 ? { maxUsesPerCustomer: rng.between(1, 2) } : {}),
        ...(rng.int(2) === 0 ? { budget: money(rng.between(1, 40)) } : {}),
      };
    }
    promotions.push(promotion);
  }
  return promotions;
}

function makeFilter(rng) {
  const filter = {};
  if (rng.int(2) === 0) filter.categories = [rng.pick(CATEGORIES)];
  if (rng.int(3) === 0) filter.skus = Array.from({ length: rng.between(1, 4) }, () => `S${rng.int(40)}`);
  if (rng.int(4) === 0) filter.excludeCategories = ['clearance'];
  if (rng.int(5) === 0) filter.excludeSkus = [`S${rng.int(40)}`];
  return filter;
}

function makeCondition(rng, money, depth) {
  const kind = depth < 2 ? rng.int(14) : 3 + rng.int(11);
  switch (kind) {
    case 0:
      return { all: [makeCondition(rng, money, depth + 1), makeCondition(rng, money, depth + 1)] };
    case 1:
      return { any: [makeCondition(rng, money, depth + 1), makeCondition(rng, money, depth + 1)] };
    case 2:
      return { not: makeCondition(rng, money, depth + 1) };
    case 3:
      return {
        type: 'min_subtotal',
        amount: money(rng.between(5, 150)),
        ...(rng.int(2) ? { filter: makeFilter(rng) } : {}),
      };
    case 4:
      return { type: 'min_quantity', quantity: rng.between(1, 10), ...(rng.int(2) ? { filter: makeFilter(rng) } : {}) };
    case 5:
      return { type: 'items_present', filter: makeFilter(rng) };
    case 6:
      return { type: 'customer_group', groups: [rng.pick(['vip', 'staff', 'retail'])] };
    case 7:
      return { type: 'customer', ids: ['c-7'] };
    case 8:
      return { type: 'nth_order', n: rng.between(1, 5) };
    case 9:
      return { type: 'channel', channels: [rng.pick(['web', 'store'])] };
    case 10:
      return { type: 'region', regions: ['north'] };
    case 11:
      return {
        type: 'date_window',
        window: rng.pick([
          { from: '2026-11-22T00:00:00+14:00' },
          { until: '2026-11-22T05:00:00-05:00' },
          { from: '2026-11-21T00:00:00Z', until: '2026-11-23T00:00:00+01:00' },
        ]),
      };
    default:
      return { type: 'coupon', code: rng.pick(COUPONS).toLowerCase() };
  }
}

function makeAction(rng, money, type, skus) {
  const target = rng.int(2) === 0 ? { target: makeFilter(rng) } : {};
  const percent = () => rng.pick(['5', '10', '12.5', '15', '33.333', '50', '100']);
  switch (type) {
    case 'percent_off_items':
      return { type, percent: percent(), ...target, ...(rng.int(3) === 0 ? { maxQuantity: rng.between(1, 3) } : {}) };
    case 'amount_off_unit':
      return { type, amount: money(rng.between(1, 5)), ...target, ...(rng.int(3) === 0 ? { maxQuantity: 2 } : {}) };
    case 'amount_off_line':
      return { type, amount: money(rng.between(1, 20)), ...target };
    case 'fixed_unit_price':
      return { type, price: money(rng.between(1, 30)), ...target, ...(rng.int(3) === 0 ? { maxQuantity: 2 } : {}) };
    case 'buy_x_get_y':
      return {
        type,
        buy: { quantity: rng.between(1, 3), ...(rng.int(2) === 0 ? { filter: makeFilter(rng) } : {}) },
        get: {
          quantity: rng.between(1, 2),
          ...(rng.int(2) === 0 ? { filter: makeFilter(rng) } : {}),
          discount: rng.pick([
            { type: 'free' },
            { type: 'percent', percent: percent() },
            { type: 'amount', amount: money(rng.between(1, 10)) },
          ]),
        },
        discounted: rng.pick(['cheapest', 'dearest']),
        ...(rng.int(2) === 0 ? { maxApplications: rng.between(1, 3) } : {}),
      };
    case 'bundle_price': {
      // Mostly SKUs of this cart, so bundles do form.
      const a = rng.int(3) === 0 ? `S${rng.int(40)}` : rng.pick(skus);
      const others = skus.filter((s) => s !== a);
      const b = others.length > 0 && rng.int(3) !== 0 ? rng.pick(others) : a === 'S0' ? 'S1' : 'S0';
      return {
        type,
        items: [
          { sku: a, quantity: rng.between(1, 2) },
          { sku: b, quantity: 1 },
        ],
        price: money(rng.between(5, 60)),
        ...(rng.int(2) === 0 ? { maxApplications: 1 } : {}),
      };
    }
    case 'percent_off_order':
      return { type, percent: percent(), ...target };
    case 'amount_off_order':
      return { type, amount: money(rng.between(1, 50)), ...target };
    case 'tiered_spend':
      return {
        type,
        tiers: [
          { minSubtotal: money(20), amountOff: money(2) },
          { minSubtotal: money(rng.between(40, 120)), amountOff: money(rng.between(3, 15)) },
        ],
        ...target,
      };
    case 'shipping_discount':
      return rng.int(2) === 0 ? { type, percent: rng.pick(['100', '50']) } : { type, amount: money(rng.between(1, 8)) };
    default:
      return { type: 'free_gift', sku: `S${rng.int(40)}`, quantity: rng.between(1, 2) };
  }
}
