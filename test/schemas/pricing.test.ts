import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import { type Result, ValidationError } from '../../src/core/index.js';
import { isMoney, money, toSnapshot } from '../../src/money/index.js';
import {
  type Cart,
  type Catalog,
  type PricingOptions,
  type Promotion,
  type PromotionCondition,
  priceCart,
} from '../../src/pricing/index.js';
import { instantMillis } from '../../src/pricing/internal/instant.js';
import {
  type cartSchema,
  type catalogSchema,
  parseCart,
  parseCatalog,
  parsePricingOptions,
  parsePromotions,
  type pricingOptionsSchema,
  type promotionSchema,
} from '../../src/schemas/index.js';
import { anything, checkNeverThrows, pathsOf, replaceAt } from './neverThrow.js';

const usd = (amount: string) => money(amount, 'USD');

const catalog: Catalog = {
  currency: 'USD',
  items: [
    { sku: 'MUG', categories: ['kitchen'], tierGroup: 'drinkware' },
    { sku: 'CUP', categories: ['kitchen'], tierGroup: 'drinkware' },
    { sku: 'BOOK', categories: ['books'], taxClass: 'reduced' },
    { sku: 'GIFT', categories: ['gifts'] },
  ],
  basePrices: [
    { sku: 'MUG', price: usd('8.50') },
    { sku: 'MUG', price: usd('7.50'), minQuantity: 10 },
    { sku: 'CUP', price: usd('4.00') },
    { sku: 'BOOK', price: usd('20.00') },
    { sku: 'GIFT', price: usd('3.00') },
  ],
  priceLists: [
    {
      id: 'web',
      kind: 'override',
      priority: 1,
      conditions: { channels: ['web'], customerGroups: ['wholesale'], regions: ['US-NY'] },
      prices: [{ sku: 'CUP', price: usd('3.80') }],
    },
    {
      id: 'winter',
      kind: 'sale',
      window: { from: '2026-11-01T00:00:00-05:00', until: '2027-01-01T00:00:00-05:00' },
      prices: [{ sku: 'BOOK', price: usd('18.00') }],
    },
  ],
  contracts: [
    {
      id: 'k1',
      customerId: 'acme',
      sku: 'MUG',
      price: usd('6.90'),
      minQuantity: 2,
      window: { until: '2027-12-31T23:59:59.999Z' },
    },
  ],
};

const cart: Cart = {
  lines: [
    { id: 'l1', sku: 'MUG', quantity: 3 },
    { id: 'l2', sku: 'CUP', quantity: 2 },
    {
      id: 'l3',
      sku: 'BOOK',
      quantity: 1,
      manualPrice: { price: usd('15.00'), reason: 'damaged cover', approvedBy: 'rep-7' },
    },
  ],
  shipping: { method: 'ground', price: usd('4.95'), taxClass: 'shipping' },
};

// Every action kind and every condition kind, in three lanes.
const promotions: readonly Promotion[] = [
  {
    id: 'p-items',
    name: '10 % off kitchen',
    lane: 'catalog',
    priority: 2,
    condition: { type: 'channel', channels: ['web'] },
    action: {
      type: 'percent_off_items',
      percent: '10',
      target: { categories: ['kitchen'], excludeSkus: ['CUP'] },
      maxQuantity: 5,
    },
  },
  {
    id: 'p-unit',
    lane: 'catalog',
    condition: { type: 'region', regions: ['US-NY'] },
    action: { type: 'amount_off_unit', amount: usd('0.10'), target: { skus: ['CUP'] }, maxQuantity: 1 },
  },
  {
    id: 'p-line',
    condition: { type: 'items_present', filter: { skus: ['MUG'] } },
    action: { type: 'amount_off_line', amount: usd('0.25'), target: { excludeCategories: ['books'] } },
  },
  {
    id: 'p-fixed',
    base: 'list',
    condition: { type: 'customer', ids: ['acme'] },
    action: { type: 'fixed_unit_price', price: usd('3.50'), target: { skus: ['CUP'] } },
  },
  {
    id: 'p-bxgy-percent',
    action: {
      type: 'buy_x_get_y',
      buy: { quantity: 2, filter: { categories: ['kitchen'] } },
      get: { quantity: 1, filter: { categories: ['kitchen'] }, discount: { type: 'percent', percent: '50' } },
      discounted: 'cheapest',
      maxApplications: 1,
    },
  },
  {
    id: 'p-bxgy-free',
    priority: -1.5,
    action: { type: 'buy_x_get_y', buy: { quantity: 3 }, get: { quantity: 1, discount: { type: 'free' } } },
  },
  {
    id: 'p-bxgy-amount',
    action: {
      type: 'buy_x_get_y',
      buy: { quantity: 1 },
      get: { quantity: 1, discount: { type: 'amount', amount: usd('0.50') } },
      discounted: 'dearest',
    },
  },
  {
    id: 'p-bundle',
    action: {
      type: 'bundle_price',
      items: [
        { sku: 'MUG', quantity: 1 },
        { sku: 'CUP', quantity: 1 },
      ],
      price: usd('10.00'),
      maxApplications: 2,
    },
  },
  {
    id: 'p-order',
    lane: 'cart',
    condition: {
      all: [
        { type: 'min_subtotal', amount: usd('10.00'), filter: { categories: ['kitchen'] } },
        { type: 'min_quantity', quantity: 2 },
        { not: { type: 'customer_group', groups: ['staff'] } },
      ],
    },
    action: { type: 'percent_off_order', percent: '5', target: { categories: ['kitchen'] } },
  },
  {
    id: 'p-amount',
    lane: 'cart',
    group: 'loyalty',
    notCombinableWith: ['coupon'],
    condition: {
      any: [
        { type: 'nth_order', n: 4 },
        { type: 'date_window', window: { from: '2026-11-20T00:00:00Z' } },
      ],
    },
    action: { type: 'amount_off_order', amount: usd('1.00') },
  },
  {
    id: 'p-tiered',
    lane: 'cart',
    action: {
      type: 'tiered_spend',
      tiers: [
        { minSubtotal: usd('20.00'), amountOff: usd('2.00') },
        { minSubtotal: usd('50.00'), amountOff: usd('6.00') },
      ],
      target: { skus: ['MUG', 'CUP', 'BOOK'] },
    },
  },
  {
    id: 'p-ship',
    lane: 'coupon',
    group: 'coupon',
    condition: { type: 'coupon', code: 'SHIPFREE' },
    action: { type: 'shipping_discount', percent: '100' },
    limits: { maxUses: 1000, maxUsesPerCustomer: 1, budget: usd('500.00') },
  },
  {
    id: 'p-ship-amount',
    window: { until: '2026-11-01T00:00:00Z' },
    action: { type: 'shipping_discount', amount: usd('1.00') },
  },
  { id: 'p-gift', lane: 'coupon', exclusive: false, action: { type: 'free_gift', sku: 'GIFT', quantity: 1 } },
];

const options: PricingOptions = {
  now: '2026-11-22T10:00:00Z',
  customer: { id: 'acme', groups: ['wholesale'], previousOrders: 3 },
  channel: 'web',
  region: 'US-NY',
  tax: {
    jurisdiction: 'US-NY-NYC',
    pricesIncludeTax: false,
    rates: [
      { jurisdiction: 'US-NY-NYC', taxClass: 'standard', rate: '4%', name: 'NY State' },
      { jurisdiction: 'US-NY-NYC', taxClass: 'standard', rate: '4.875%' },
      { jurisdiction: 'US-NY-NYC', taxClass: 'shipping', rate: '0.08875' },
    ],
    rounding: { mode: 'half-up', level: 'total' },
    shippingTaxClass: 'shipping',
  },
  manualPricePolicy: { maxDiscountPercent: '10', maxDiscountAmount: usd('2.00') },
  promotions,
  lanes: [{ id: 'catalog', mode: 'best_per_item' }, { id: 'cart' }, { id: 'coupon', mode: 'stack' }],
  couponCodes: [' shipfree '],
  usage: [{ promotionId: 'p-ship', uses: 12, customerUses: 0, budgetSpent: usd('60.00') }],
  discountRounding: 'half-even',
};

/** The JSON a host would store or send: Money as `{ amount: '8.50', currency: 'USD' }`. */
function snapshotJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (isMoney(v) ? toSnapshot(v) : v)));
}

function issuesOf<T>(result: Result<T, ValidationError>): { path: string; code: string }[] {
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  expect(result.error).toBeInstanceOf(ValidationError);
  expect(result.error.code).toBe('validation_failed');
  return result.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code }));
}

const one = (path: string, code: string) => [{ path, code }];

describe('round trip through JSON snapshots', () => {
  it('parses the snapshot of a full catalog, cart, options and promotions back to the originals', () => {
    const json = snapshotJson({ catalog, cart, options });
    expect(JSON.stringify(json)).toContain('"price":{"amount":"8.50","currency":"USD"}');
    const { catalog: c, cart: k, options: o } = json as Record<string, unknown>;

    const parsedCatalog = parseCatalog(c);
    const parsedCart = parseCart(k);
    const parsedOptions = parsePricingOptions(o);
    const parsedPromotions = parsePromotions(snapshotJson(promotions));
    if (!parsedCatalog.ok || !parsedCart.ok || !parsedOptions.ok || !parsedPromotions.ok) {
      throw new Error('expected every snapshot to parse');
    }
    expect(parsedCatalog.value).toStrictEqual(catalog);
    expect(parsedCart.value).toStrictEqual(cart);
    expect(parsedOptions.value).toStrictEqual(options);
    expect(parsedPromotions.value).toStrictEqual(promotions);
  });

  it('gives priceCart inputs that price exactly as the originals do', () => {
    const json = snapshotJson({ catalog, cart, options }) as Record<string, unknown>;
    const parsedCatalog = parseCatalog(json['catalog']);
    const parsedCart = parseCart(json['cart']);
    const parsedOptions = parsePricingOptions(json['options']);
    if (!parsedCatalog.ok || !parsedCart.ok || !parsedOptions.ok) throw new Error('expected the snapshots to parse');

    // The output types are the pricing input types, without a cast.
    const typedCart: Cart = parsedCart.value;
    const typedCatalog: Catalog = parsedCatalog.value;
    const typedOptions: PricingOptions = parsedOptions.value;
    const fromJson = priceCart(typedCart, typedCatalog, typedOptions);
    const original = priceCart(cart, catalog, options);
    expect(original.ok).toBe(true);
    expect(fromJson).toStrictEqual(original);
    // The fixture exercises the engine, not just the parser: promotions in every lane applied.
    if (!fromJson.ok) return;
    const applied = fromJson.value.trace.promotions.filter((p) => p.applied).map((p) => p.promotionId);
    expect(applied).toEqual(expect.arrayContaining(['p-items', 'p-order', 'p-tiered', 'p-gift']));
    const ship = fromJson.value.trace.promotions.find((p) => p.promotionId === 'p-ship');
    expect([ship?.applied, ship?.reason, ship?.conflictsWith]).toEqual([false, 'not_combinable', 'p-amount']);
  });

  it('types every output as the pricing input type', () => {
    expectTypeOf(parseCart).returns.toEqualTypeOf<Result<Cart, ValidationError>>();
    expectTypeOf(parseCatalog).returns.toEqualTypeOf<Result<Catalog, ValidationError>>();
    expectTypeOf(parsePromotions).returns.toEqualTypeOf<Result<readonly Promotion[], ValidationError>>();
    expectTypeOf(parsePricingOptions).returns.toEqualTypeOf<Result<PricingOptions, ValidationError>>();
    expectTypeOf<z.output<typeof cartSchema>>().toEqualTypeOf<Cart>();
    expectTypeOf<z.output<typeof catalogSchema>>().toEqualTypeOf<Catalog>();
    expectTypeOf<z.output<typeof promotionSchema>>().toEqualTypeOf<Promotion>();
    expectTypeOf<z.output<typeof pricingOptionsSchema>>().toEqualTypeOf<PricingOptions>();
  });

  it('accepts the limits themselves: 10,000 lines and 32 levels of conditions', () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => ({ id: `l${i}`, sku: 'MUG', quantity: 1 }));
    expect(parseCart({ lines }).ok).toBe(true);
    expect(
      parsePromotions([{ id: 'p', condition: nestedNot(32), action: { type: 'free_gift', sku: 'GIFT', quantity: 1 } }])
        .ok,
    ).toBe(true);
  });
});

function nestedNot(depth: number): PromotionCondition {
  let condition: PromotionCondition = { type: 'coupon', code: 'DEEP' };
  for (let i = 0; i < depth; i++) condition = { not: condition };
  return condition;
}

const line = (extra: Record<string, unknown>) => ({ lines: [{ id: 'l1', sku: 'MUG', quantity: 1, ...extra }] });
const priced = (price: unknown) => ({
  currency: 'USD',
  items: [{ sku: 'MUG' }],
  basePrices: [{ sku: 'MUG', price }],
});
const promotion = (extra: Record<string, unknown>) => [
  { id: 'p', action: { type: 'free_gift', sku: 'GIFT', quantity: 1 }, ...extra },
];
const action = (a: Record<string, unknown>) => promotion({ action: a });
const condition = (c: unknown) => promotion({ condition: c });
const NOW = '2026-11-22T10:00:00Z';

describe('parseCart refuses hostile input with the path and the code', () => {
  it.each([
    ['lines of the wrong type', { lines: 'l1' }, one('lines', 'invalid_type')],
    ['no lines', {}, one('lines', 'invalid_type')],
    ['a numeric line id', { lines: [{ id: 1, sku: 'MUG', quantity: 1 }] }, one('lines.0.id', 'invalid_type')],
    ['an empty SKU', { lines: [{ id: 'l1', sku: '', quantity: 1 }] }, one('lines.0.sku', 'too_small')],
    ['a NaN quantity', line({ quantity: Number.NaN }), one('lines.0.quantity', 'invalid_type')],
    ['an infinite quantity', line({ quantity: Number.POSITIVE_INFINITY }), one('lines.0.quantity', 'invalid_type')],
    ['a negative quantity', line({ quantity: -1 }), one('lines.0.quantity', 'too_small')],
    ['a zero quantity', line({ quantity: 0 }), one('lines.0.quantity', 'too_small')],
    ['a fractional quantity', line({ quantity: 1.5 }), one('lines.0.quantity', 'invalid_type')],
    ['an unsafe quantity', line({ quantity: 2 ** 53 }), one('lines.0.quantity', 'too_big')],
    ['a quantity as a string', line({ quantity: '2' }), one('lines.0.quantity', 'invalid_type')],
    [
      "a '1e400' manual price",
      line({ manualPrice: { price: { amount: '1e400', currency: 'USD' }, reason: 'x' } }),
      one('lines.0.manualPrice.price.amount', 'invalid_amount'),
    ],
    [
      "a '12.345' USD manual price",
      line({ manualPrice: { price: { amount: '12.345', currency: 'USD' }, reason: 'x' } }),
      one('lines.0.manualPrice.price.amount', 'precision_loss'),
    ],
    [
      'a negative manual price',
      line({ manualPrice: { price: { amount: '-1.00', currency: 'USD' }, reason: 'x' } }),
      one('lines.0.manualPrice.price.amount', 'too_small'),
    ],
    [
      'a manual price in minor units instead of a snapshot',
      line({ manualPrice: { price: { amount: 700, currency: 'USD' }, reason: 'x' } }),
      one('lines.0.manualPrice.price.amount', 'invalid_type'),
    ],
    [
      'a blank manual price reason',
      line({ manualPrice: { price: { amount: '7.00', currency: 'USD' }, reason: '  ' } }),
      one('lines.0.manualPrice.reason', 'invalid_format'),
    ],
    [
      'shipping in an unknown currency',
      { lines: [], shipping: { method: 'ground', price: { amount: '4.95', currency: 'ABC' } } },
      one('shipping.price.currency', 'unknown_currency'),
    ],
    ['an extra key on a line', line({ discount: '5%' }), one('lines.0', 'unrecognized_keys')],
    ['an extra key on the cart', { lines: [], coupon: 'X' }, one('', 'unrecognized_keys')],
    ['null', null, one('', 'invalid_type')],
    ['an array', [], one('', 'invalid_type')],
    ['a Date', new Date(0), one('', 'invalid_type')],
  ])('%s', (_name, input, expected) => {
    expect(issuesOf(parseCart(input))).toEqual(expected);
  });

  it('refuses a 100,001-line cart by its length, without reading the lines', () => {
    const lines = Array.from({ length: 100_001 }, () => ({ quantity: Number.NaN }));
    expect(issuesOf(parseCart({ lines }))).toEqual(one('lines', 'too_big'));
    expect(issuesOf(parseCart({ lines: lines.slice(0, 10_001) }))).toEqual(one('lines', 'too_big'));
  });

  it('never reads values through __proto__', () => {
    const viaJson = JSON.parse('{"lines":[],"__proto__":{"shipping":{"method":"x"}}}');
    expect(issuesOf(parseCart(viaJson))).toEqual(one('', 'unrecognized_keys'));
    const lineViaJson = JSON.parse('{"lines":[{"id":"l1","sku":"MUG","__proto__":{"quantity":1}}]}');
    expect(issuesOf(parseCart(lineViaJson))).toEqual([
      { path: 'lines.0.quantity', code: 'invalid_type' },
      { path: 'lines.0', code: 'unrecognized_keys' },
    ]);
    const viaLiteral = { __proto__: { lines: [] } };
    expect(issuesOf(parseCart(viaLiteral))).toEqual(one('', 'invalid_type'));
    const lineViaLiteral = { lines: [{ __proto__: { id: 'l1', sku: 'MUG', quantity: 1 } }] };
    expect(issuesOf(parseCart(lineViaLiteral))).toEqual(one('lines.0', 'invalid_type'));
    expect(({} as Record<string, unknown>)['quantity']).toBeUndefined();
  });

  it('refuses class instances', () => {
    class Line {
      id = 'l1';
      sku = 'MUG';
      quantity = 1;
    }
    class CartClass {
      lines = [new Line()];
    }
    expect(issuesOf(parseCart(new CartClass()))).toEqual(one('', 'invalid_type'));
    expect(issuesOf(parseCart({ lines: [new Line()] }))).toEqual(one('lines.0', 'invalid_type'));
  });

  it('turns throwing getters and revoked proxies into a ValidationError', () => {
    const throwing = {
      get lines(): never {
        throw new Error('boom');
      },
    };
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    for (const input of [throwing, proxy, { lines: [proxy] }]) {
      expect(issuesOf(parseCart(input))).toEqual(one('', 'unreadable_input'));
    }
  });
});

describe('parseCatalog refuses hostile input with the path and the code', () => {
  it.each([
    ['a lower-case currency', { currency: 'usd', items: [], basePrices: [] }, one('currency', 'unknown_currency')],
    ['no base prices', { currency: 'USD', items: [] }, one('basePrices', 'invalid_type')],
    ['a float price', priced({ amount: 8.5, currency: 'USD' }), one('basePrices.0.price.amount', 'invalid_type')],
    [
      "a '1e400' price",
      priced({ amount: '1e400', currency: 'USD' }),
      one('basePrices.0.price.amount', 'invalid_amount'),
    ],
    ["a 'NaN' price", priced({ amount: 'NaN', currency: 'USD' }), one('basePrices.0.price.amount', 'invalid_amount')],
    [
      "an 'Infinity' price",
      priced({ amount: 'Infinity', currency: 'USD' }),
      one('basePrices.0.price.amount', 'invalid_amount'),
    ],
    [
      "a '12.345' USD price",
      priced({ amount: '12.345', currency: 'USD' }),
      one('basePrices.0.price.amount', 'precision_loss'),
    ],
    [
      'a price beyond the safe integers',
      priced({ amount: '99999999999999999', currency: 'USD' }),
      one('basePrices.0.price.amount', 'amount_out_of_range'),
    ],
    ['a negative price', priced({ amount: '-0.01', currency: 'USD' }), one('basePrices.0.price.amount', 'too_small')],
    [
      'a zero tier',
      {
        currency: 'USD',
        items: [],
        basePrices: [{ sku: 'MUG', price: { amount: '1.00', currency: 'USD' }, minQuantity: 0 }],
      },
      one('basePrices.0.minQuantity', 'too_small'),
    ],
    [
      'an unknown list kind',
      { currency: 'USD', items: [], basePrices: [], priceLists: [{ id: 'x', kind: 'discount', prices: [] }] },
      one('priceLists.0.kind', 'invalid_value'),
    ],
    [
      'a window bound without an offset',
      {
        currency: 'USD',
        items: [],
        basePrices: [],
        priceLists: [{ id: 'x', kind: 'sale', window: { from: '2026-12-01T00:00:00' }, prices: [] }],
      },
      one('priceLists.0.window.from', 'invalid_instant'),
    ],
    [
      'a date-only window bound',
      {
        currency: 'USD',
        items: [],
        basePrices: [],
        contracts: [
          {
            id: 'k',
            customerId: 'c',
            sku: 'MUG',
            price: { amount: '1.00', currency: 'USD' },
            window: { until: '2026-12-01' },
          },
        ],
      },
      one('contracts.0.window.until', 'invalid_instant'),
    ],
    [
      'an empty contract customer',
      {
        currency: 'USD',
        items: [],
        basePrices: [],
        contracts: [{ id: 'k', customerId: '', sku: 'MUG', price: { amount: '1.00', currency: 'USD' } }],
      },
      one('contracts.0.customerId', 'too_small'),
    ],
    [
      'categories that are not strings',
      { currency: 'USD', items: [{ sku: 'MUG', categories: [1] }], basePrices: [] },
      one('items.0.categories.0', 'invalid_type'),
    ],
    [
      'an extra key on a price list condition',
      {
        currency: 'USD',
        items: [],
        basePrices: [],
        priceLists: [{ id: 'x', kind: 'sale', conditions: { customers: ['acme'] }, prices: [] }],
      },
      one('priceLists.0.conditions', 'unrecognized_keys'),
    ],
  ])('%s', (_name, input, expected) => {
    expect(issuesOf(parseCatalog(input))).toEqual(expected);
  });

  it('reports every bad field at once', () => {
    expect(issuesOf(parseCatalog({ currency: 'usd', items: 'MUG', basePrices: [{ sku: 1 }] }))).toEqual([
      { path: 'currency', code: 'unknown_currency' },
      { path: 'items', code: 'invalid_type' },
      { path: 'basePrices.0.sku', code: 'invalid_type' },
      { path: 'basePrices.0.price', code: 'invalid_type' },
    ]);
  });

  it('never reads values through __proto__, and refuses class instances', () => {
    const viaJson = JSON.parse('{"currency":"USD","items":[],"basePrices":[],"__proto__":{"contracts":[]}}');
    expect(issuesOf(parseCatalog(viaJson))).toEqual(one('', 'unrecognized_keys'));
    const priceViaLiteral = priced({ __proto__: { amount: '1.00', currency: 'USD' } });
    expect(issuesOf(parseCatalog(priceViaLiteral))).toEqual(one('basePrices.0.price', 'invalid_type'));
    class Item {
      sku = 'MUG';
    }
    expect(issuesOf(parseCatalog({ currency: 'USD', items: [new Item()], basePrices: [] }))).toEqual(
      one('items.0', 'invalid_type'),
    );
  });
});

describe('parsePromotions refuses hostile input with the path and the code', () => {
  it.each([
    ['not an array', { id: 'p' }, one('', 'invalid_type')],
    ['an empty id', promotion({ id: '' }), one('0.id', 'too_small')],
    ['no action', [{ id: 'p' }], one('0.action', 'invalid_type')],
    ['an unknown action type', action({ type: 'half_off_everything' }), one('0.action.type', 'invalid_union')],
    ['an action without a type', action({ percent: '10' }), one('0.action.type', 'invalid_union')],
    ['an unknown condition type', condition({ type: 'weekday', days: [5] }), one('0.condition.type', 'invalid_union')],
    [
      'an unknown condition deep in a tree',
      condition({ all: [{ type: 'coupon', code: 'A' }, { any: [{ not: { type: 'moon_phase' } }] }] }),
      one('0.condition.all.1.any.0.not.type', 'invalid_union'),
    ],
    [
      'a bad field deep in a tree',
      condition({ any: [{ not: { type: 'min_quantity', quantity: 0 } }] }),
      one('0.condition.any.0.not.quantity', 'too_small'),
    ],
    ['a combinator with a type', condition({ all: [], type: 'coupon' }), one('0.condition', 'unrecognized_keys')],
    ['a condition that is not an object', condition('coupon'), one('0.condition', 'invalid_type')],
    ['a blank coupon code', condition({ type: 'coupon', code: ' ' }), one('0.condition.code', 'invalid_format')],
    [
      'a date window without an offset',
      condition({ type: 'date_window', window: { from: '2026-11-22T10:00' } }),
      one('0.condition.window.from', 'invalid_instant'),
    ],
    [
      'a percentage above 100',
      action({ type: 'percent_off_order', percent: '110' }),
      one('0.action.percent', 'too_big'),
    ],
    [
      'a negative percentage',
      action({ type: 'percent_off_items', percent: '-5' }),
      one('0.action.percent', 'too_small'),
    ],
    [
      'a percentage that is not a decimal',
      action({ type: 'percent_off_order', percent: 'ten' }),
      one('0.action.percent', 'invalid_rate'),
    ],
    [
      'a NaN percentage',
      action({ type: 'percent_off_order', percent: Number.NaN }),
      one('0.action.percent', 'invalid_union'),
    ],
    [
      'a negative amount',
      action({ type: 'amount_off_order', amount: { amount: '-1.00', currency: 'USD' } }),
      one('0.action.amount.amount', 'too_small'),
    ],
    [
      "a '12.345' USD amount",
      action({ type: 'amount_off_line', amount: { amount: '12.345', currency: 'USD' } }),
      one('0.action.amount.amount', 'precision_loss'),
    ],
    [
      'both percent and amount off shipping',
      action({ type: 'shipping_discount', percent: '10', amount: { amount: '1.00', currency: 'USD' } }),
      one('0.action', 'exactly_one_of'),
    ],
    [
      'neither percent nor amount off shipping',
      action({ type: 'shipping_discount' }),
      one('0.action', 'exactly_one_of'),
    ],
    [
      'an empty bundle',
      action({ type: 'bundle_price', items: [], price: { amount: '1.00', currency: 'USD' } }),
      one('0.action.items', 'too_small'),
    ],
    [
      'an unknown get discount',
      action({ type: 'buy_x_get_y', buy: { quantity: 1 }, get: { quantity: 1, discount: { type: 'cashback' } } }),
      one('0.action.get.discount.type', 'invalid_union'),
    ],
    [
      'a fractional buy quantity',
      action({ type: 'buy_x_get_y', buy: { quantity: 1.5 }, get: { quantity: 1, discount: { type: 'free' } } }),
      one('0.action.buy.quantity', 'invalid_type'),
    ],
    [
      'a negative gift quantity',
      action({ type: 'free_gift', sku: 'GIFT', quantity: -1 }),
      one('0.action.quantity', 'too_small'),
    ],
    ['an infinite priority', promotion({ priority: Number.POSITIVE_INFINITY }), one('0.priority', 'invalid_type')],
    ['a NaN priority', promotion({ priority: Number.NaN }), one('0.priority', 'invalid_type')],
    ['an unknown base', promotion({ base: 'original' }), one('0.base', 'invalid_value')],
    ['a string exclusive', promotion({ exclusive: 'yes' }), one('0.exclusive', 'invalid_type')],
    ['a zero use limit', promotion({ limits: { maxUses: 0 } }), one('0.limits.maxUses', 'too_small')],
    [
      'an extra key on an action',
      action({ type: 'free_gift', sku: 'GIFT', quantity: 1, stackable: true }),
      one('0.action', 'unrecognized_keys'),
    ],
  ])('%s', (_name, input, expected) => {
    expect(issuesOf(parsePromotions(input))).toEqual(expected);
  });

  it('refuses conditions nested deeper than 32 levels at the first level too deep, as priceCart does', () => {
    const deep = nestedNot(10_000);
    const result = parsePromotions([
      { id: 'p', condition: deep, action: { type: 'free_gift', sku: 'GIFT', quantity: 1 } },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(ValidationError);
    expect(result.error.issues.map((i) => [i.path, i.code])).toEqual([
      [[0, 'condition', ...Array.from({ length: 33 }, () => 'not')], 'too_deep'],
    ]);
    // The same boundary as the engine: 32 levels price, 33 do not.
    const withCondition = (c: PromotionCondition): PricingOptions => ({
      now: NOW,
      promotions: [{ id: 'p', condition: c, action: { type: 'free_gift', sku: 'GIFT', quantity: 1 } }],
    });
    expect(priceCart(cart, catalog, withCondition(nestedNot(32))).ok).toBe(true);
    expect(priceCart(cart, catalog, withCondition(nestedNot(33))).ok).toBe(false);
    expect(parsePricingOptions(withCondition(nestedNot(32))).ok).toBe(true);
    expect(issuesOf(parsePricingOptions(withCondition(nestedNot(33))))).toEqual(
      one(['promotions', 0, 'condition', ...Array.from({ length: 33 }, () => 'not')].join('.'), 'too_deep'),
    );
  });

  it('stops at the depth limit in wide trees and cyclic objects too', () => {
    let wide: PromotionCondition = { type: 'coupon', code: 'X' };
    for (let i = 0; i < 40; i++) wide = { all: [{ type: 'coupon', code: 'Y' }, { any: [wide] }] };
    // Depth 32 is an `all` (each round adds two levels): both its children are one level too deep.
    const result = parsePromotions(condition(wide));
    const level32 = Array.from({ length: 16 }, () => ['all', 1, 'any', 0]).flat();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
        [[0, 'condition', ...level32, 'all', 0].join('.'), 'too_deep'],
        [[0, 'condition', ...level32, 'all', 1].join('.'), 'too_deep'],
      ]);
    }
    const cyclic: Record<string, unknown> = {};
    cyclic['not'] = cyclic;
    expect(issuesOf(parsePromotions(condition(cyclic)))[0]?.code).toBe('too_deep');
  });

  it('refuses more than 10,000 promotions', () => {
    expect(issuesOf(parsePromotions(Array.from({ length: 10_001 }, () => null)))).toEqual(one('', 'too_big'));
  });

  it('never reads values through __proto__, and refuses class instances', () => {
    const viaJson = JSON.parse(
      '[{"id":"p","action":{"type":"free_gift","sku":"GIFT","quantity":1},"condition":{"type":"coupon","code":"A","__proto__":{"type":"channel"}}}]',
    );
    expect(issuesOf(parsePromotions(viaJson))).toEqual(one('0.condition', 'unrecognized_keys'));
    const notViaJson = JSON.parse(
      '[{"id":"p","action":{"type":"free_gift","sku":"GIFT","quantity":1},"condition":{"__proto__":{"not":{"type":"coupon","code":"A"}}}}]',
    );
    expect(issuesOf(parsePromotions(notViaJson))).toEqual([{ path: '0.condition.type', code: 'invalid_union' }]);
    expect(issuesOf(parsePromotions(condition({ __proto__: { type: 'coupon', code: 'A' } })))).toEqual(
      one('0.condition', 'invalid_type'),
    );
    expect(
      issuesOf(parsePromotions(promotion({ action: { __proto__: { type: 'free_gift', sku: 'GIFT', quantity: 1 } } }))),
    ).toEqual(one('0.action', 'invalid_type'));
    class Action {
      type = 'free_gift';
      sku = 'GIFT';
      quantity = 1;
    }
    expect(issuesOf(parsePromotions(promotion({ action: new Action() })))).toEqual(one('0.action', 'invalid_type'));
  });
});

describe('parsePricingOptions refuses hostile input with the path and the code', () => {
  const tax = {
    jurisdiction: 'X',
    pricesIncludeTax: false,
    rates: [{ jurisdiction: 'X', taxClass: 'standard', rate: '8%' }],
    rounding: { mode: 'half-up', level: 'line' },
  };
  it.each([
    ['no now', {}, one('now', 'invalid_type')],
    ['a numeric now', { now: Date.UTC(2026, 10, 22) }, one('now', 'invalid_type')],
    ['a now without an offset', { now: '2026-11-22T10:00:00' }, one('now', 'invalid_instant')],
    ['a date-only now', { now: '2026-11-22' }, one('now', 'invalid_instant')],
    ['a now at hour 25', { now: '2026-11-22T25:00:00Z' }, one('now', 'invalid_instant')],
    ['a now with a space', { now: '2026-11-22 10:00:00Z' }, one('now', 'invalid_instant')],
    [
      'a negative order count',
      { now: NOW, customer: { previousOrders: -1 } },
      one('customer.previousOrders', 'too_small'),
    ],
    [
      'a fractional order count',
      { now: NOW, customer: { previousOrders: 0.5 } },
      one('customer.previousOrders', 'invalid_type'),
    ],
    [
      'a customer group that is not a string',
      { now: NOW, customer: { groups: [null] } },
      one('customer.groups.0', 'invalid_type'),
    ],
    [
      'a negative tax rate',
      { now: NOW, tax: { ...tax, rates: [{ jurisdiction: 'X', taxClass: 's', rate: '-1%' }] } },
      one('tax.rates.0.rate', 'too_small'),
    ],
    [
      'an infinite tax rate',
      { now: NOW, tax: { ...tax, rates: [{ jurisdiction: 'X', taxClass: 's', rate: Number.POSITIVE_INFINITY }] } },
      one('tax.rates.0.rate', 'invalid_union'),
    ],
    [
      'an unknown rounding mode',
      { now: NOW, tax: { ...tax, rounding: { mode: 'HALF_UP', level: 'line' } } },
      one('tax.rounding.mode', 'invalid_value'),
    ],
    [
      'an unknown rounding level',
      { now: NOW, tax: { ...tax, rounding: { mode: 'half-up', level: 'order' } } },
      one('tax.rounding.level', 'invalid_value'),
    ],
    [
      'a string pricesIncludeTax',
      { now: NOW, tax: { ...tax, pricesIncludeTax: 'false' } },
      one('tax.pricesIncludeTax', 'invalid_type'),
    ],
    ['no lanes', { now: NOW, lanes: [] }, one('lanes', 'too_small')],
    ['an unknown lane mode', { now: NOW, lanes: [{ id: 'a', mode: 'best' }] }, one('lanes.0.mode', 'invalid_value')],
    ['a coupon code that is not a string', { now: NOW, couponCodes: [42] }, one('couponCodes.0', 'invalid_type')],
    [
      "a '1e400' budget spent",
      { now: NOW, usage: [{ promotionId: 'p', budgetSpent: { amount: '1e400', currency: 'USD' } }] },
      one('usage.0.budgetSpent.amount', 'invalid_amount'),
    ],
    ['a negative use count', { now: NOW, usage: [{ promotionId: 'p', uses: -3 }] }, one('usage.0.uses', 'too_small')],
    [
      "a '12.345' USD policy amount",
      { now: NOW, manualPricePolicy: { maxDiscountAmount: { amount: '12.345', currency: 'USD' } } },
      one('manualPricePolicy.maxDiscountAmount.amount', 'precision_loss'),
    ],
    [
      'an unknown discount rounding',
      { now: NOW, discountRounding: 'banker' },
      one('discountRounding', 'invalid_value'),
    ],
    [
      'a bad promotion inside',
      { now: NOW, promotions: action({ type: 'nope' }) },
      one('promotions.0.action.type', 'invalid_union'),
    ],
    ['an extra key', { now: NOW, currency: 'USD' }, one('', 'unrecognized_keys')],
  ])('%s', (_name, input, expected) => {
    expect(issuesOf(parsePricingOptions(input))).toEqual(expected);
  });

  it('never reads values through __proto__, and refuses class instances', () => {
    const viaJson = JSON.parse('{"__proto__":{"now":"2026-11-22T10:00:00Z"}}');
    expect(issuesOf(parsePricingOptions(viaJson))).toEqual([
      { path: 'now', code: 'invalid_type' },
      { path: '', code: 'unrecognized_keys' },
    ]);
    expect(issuesOf(parsePricingOptions({ __proto__: { now: NOW } }))).toEqual(one('', 'invalid_type'));
    class Options {
      now = NOW;
    }
    expect(issuesOf(parsePricingOptions(new Options()))).toEqual(one('', 'invalid_type'));
  });

  it('accepts exactly the instants priceCart accepts', () => {
    const instantLike = fc.stringMatching(
      /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,12})?)?(Z|z|[+-]\d{2}:?\d{2})?$/,
    );
    fc.assert(
      fc.property(fc.oneof(instantLike, fc.string()), (now) => {
        let engineAccepts = true;
        try {
          instantMillis(now, 'now');
        } catch {
          engineAccepts = false;
        }
        expect(parsePricingOptions({ now }).ok).toBe(engineAccepts);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the parsers never throw', () => {
  const parsers = [parseCart, parseCatalog, parsePromotions, parsePricingOptions] as const;
  it('on anything fast-check can build', () => {
    fc.assert(
      fc.property(anything, (input) => {
        for (const parse of parsers) checkNeverThrows(parse(input));
      }),
      { numRuns: 1000 },
    );
  });

  it('on valid snapshots with any one value replaced by anything', () => {
    const valid = [
      [parseCart, snapshotJson(cart)],
      [parseCatalog, snapshotJson(catalog)],
      [parsePromotions, snapshotJson(promotions)],
      [parsePricingOptions, snapshotJson(options)],
    ] as const;
    const paths = valid.map(([, json]) => pathsOf(json));
    fc.assert(
      fc.property(fc.nat({ max: valid.length - 1 }), fc.nat(), anything, (which, at, replacement) => {
        const [parse, json] = valid[which] ?? valid[0];
        const candidates = paths[which] ?? [];
        const path = candidates[at % candidates.length] ?? [];
        checkNeverThrows(parse(replaceAt(json, path, replacement)));
      }),
      { numRuns: 1000 },
    );
  });
});
