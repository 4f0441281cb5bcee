import { describe, expect, it } from 'vitest';
import { money, toDecimal } from '../../src/money/index.js';
import {
  type Cart,
  type Catalog,
  type PricedCart,
  type PricingOptions,
  type Promotion,
  priceCart,
} from '../../src/pricing/index.js';

const NOW = '2026-11-22T10:00:00Z';
const usd = (amount: string) => money(amount, 'USD');
const catalog: Catalog = {
  currency: 'USD',
  items: [
    { sku: 'A', categories: ['toys'] },
    { sku: 'B', categories: ['toys'] },
    { sku: 'C', categories: ['books'], taxClass: 'books' },
    { sku: 'D', categories: ['toys'] },
    { sku: 'TEE', categories: ['apparel'] },
    { sku: 'GIFT', categories: ['gifts'] },
    { sku: 'X1' },
    { sku: 'X2' },
    { sku: 'X3' },
  ],
  basePrices: [
    { sku: 'A', price: usd('10.00') },
    { sku: 'B', price: usd('20.00') },
    { sku: 'C', price: usd('30.00') },
    { sku: 'D', price: usd('5.00') },
    { sku: 'TEE', price: usd('19.99') },
    { sku: 'GIFT', price: usd('7.00') },
    { sku: 'X1', price: usd('19.99') },
    { sku: 'X2', price: usd('5.01') },
    { sku: 'X3', price: usd('75.00') },
  ],
};

function run(cart: Cart, promotions: readonly Promotion[], options: Partial<PricingOptions> = {}): PricedCart {
  const result = priceCart(cart, catalog, { now: NOW, promotions, ...options });
  if (!result.ok) throw result.error;
  return result.value;
}
const lines = (...specs: [string, string, number][]): Cart => ({
  lines: specs.map(([id, sku, quantity]) => ({ id, sku, quantity })),
});
const discounts = (cart: PricedCart) => cart.lines.map((l) => toDecimal(l.discountTotal));
const trace = (cart: PricedCart, id: string) => cart.trace.promotions.find((p) => p.promotionId === id);

describe('line-level actions', () => {
  it('takes 25 % off 19.99 as 5.00 (to the right cent), per line, not per unit', () => {
    const one = run(lines(['a', 'TEE', 1]), [{ id: 'p', action: { type: 'percent_off_items', percent: '25' } }]);
    expect(toDecimal(one.lines[0]?.discountTotal ?? usd('0'))).toBe('5.00');
    expect(toDecimal(one.lines[0]?.net ?? usd('0'))).toBe('14.99');
    // 3 × 19.99 = 59.97; 25 % = 14.9925 → 14.99 (rounded once on the line, half-even by default).
    const three = run(lines(['a', 'TEE', 3]), [{ id: 'p', action: { type: 'percent_off_items', percent: '25' } }]);
    expect(discounts(three)).toEqual(['14.99']);
  });

  it('limits a per-item percentage to maxQuantity units, and filters by SKU and category', () => {
    const cart = run(lines(['a', 'A', 4], ['b', 'C', 1]), [
      {
        id: 'p',
        action: { type: 'percent_off_items', percent: '50', target: { categories: ['toys'] }, maxQuantity: 2 },
      },
    ]);
    expect(discounts(cart)).toEqual(['10.00', '0.00']);
    const excluded = run(lines(['a', 'A', 1], ['b', 'B', 1]), [
      {
        id: 'p',
        action: { type: 'percent_off_items', percent: '10', target: { categories: ['toys'], excludeSkus: ['B'] } },
      },
    ]);
    expect(discounts(excluded)).toEqual(['1.00', '0.00']);
  });

  it('takes fixed amounts per unit and per line, and sets fixed unit prices without ever raising one', () => {
    expect(
      discounts(run(lines(['a', 'A', 3]), [{ id: 'p', action: { type: 'amount_off_unit', amount: usd('1.50') } }])),
    ).toEqual(['4.50']);
    expect(
      discounts(run(lines(['a', 'A', 3]), [{ id: 'p', action: { type: 'amount_off_line', amount: usd('2.00') } }])),
    ).toEqual(['2.00']);
    const fixed = run(lines(['a', 'A', 3], ['b', 'D', 2]), [
      { id: 'p', action: { type: 'fixed_unit_price', price: usd('7.00') } },
    ]);
    expect(discounts(fixed)).toEqual(['9.00', '0.00']);
    // A fixed discount larger than the line stops at zero; the trace says it was capped.
    const capped = run(lines(['a', 'D', 1]), [{ id: 'p', action: { type: 'amount_off_line', amount: usd('8.00') } }]);
    expect(toDecimal(capped.lines[0]?.net ?? usd('1'))).toBe('0.00');
    expect(trace(capped, 'p')?.capped).toEqual(['line_floor']);
  });
});

describe('order-level actions', () => {
  it('spreads an order discount over lines by largest remainder and stores each share on its line', () => {
    const cart = run(lines(['a', 'X1', 1], ['b', 'X2', 1], ['c', 'X3', 1]), [
      { id: 'ten', action: { type: 'amount_off_order', amount: usd('10.00') } },
    ]);
    expect(discounts(cart)).toEqual(['2.00', '0.50', '7.50']);
    expect(cart.lines[0]?.discounts).toEqual([{ promotionId: 'ten', amount: usd('2.00') }]);
    expect(trace(cart, 'ten')?.allocations.map((a) => [a.lineId, toDecimal(a.amount)])).toEqual([
      ['a', '2.00'],
      ['b', '0.50'],
      ['c', '7.50'],
    ]);
  });

  it('computes an order percentage once on the matching subtotal (not per line), and an added ineligible item changes nothing', () => {
    const promo: Promotion = {
      id: 'toys10',
      action: { type: 'percent_off_order', percent: '10', target: { categories: ['toys'] } },
    };
    const toys = run(lines(['a', 'A', 1], ['b', 'B', 1]), [promo]);
    const withBook = run(lines(['a', 'A', 1], ['b', 'B', 1], ['c', 'C', 1]), [promo]);
    expect(discounts(toys)).toEqual(['1.00', '2.00']);
    expect(discounts(withBook)).toEqual(['1.00', '2.00', '0.00']);
    expect(trace(withBook, 'toys10')?.baseAmount).toEqual(usd('30.00'));
  });

  it('never drives a line negative when a large fixed order discount is spread (no last line absorbing the remainder)', () => {
    const cart = run(lines(['a', 'D', 1], ['b', 'D', 1], ['c', 'D', 1]), [
      { id: 'big', action: { type: 'amount_off_order', amount: usd('100.00') } },
    ]);
    expect(cart.lines.map((l) => l.net.amount)).toEqual([0, 0, 0]);
    expect(cart.totals.grandTotal).toEqual(usd('0'));
    expect(trace(cart, 'big')?.amount).toEqual(usd('15.00'));
    // Odd cents: 0.10 over three equal lines is 0.04 / 0.03 / 0.03, not 0.03 / 0.03 / 0.04 or a negative remainder.
    const odd = run(lines(['a', 'D', 1], ['b', 'D', 1], ['c', 'D', 1]), [
      { id: 'dime', action: { type: 'amount_off_order', amount: usd('0.10') } },
    ]);
    expect(discounts(odd)).toEqual(['0.04', '0.03', '0.03']);
  });

  it('gives the highest tier of a tiered spend', () => {
    const tiers: Promotion = {
      id: 'spend',
      action: {
        type: 'tiered_spend',
        tiers: [
          { minSubtotal: usd('100'), amountOff: usd('10') },
          { minSubtotal: usd('200'), amountOff: usd('25') },
        ],
      },
    };
    expect(toDecimal(run(lines(['a', 'C', 3]), [tiers]).totals.discount)).toBe('0.00');
    expect(toDecimal(run(lines(['a', 'C', 4]), [tiers]).totals.discount)).toBe('10.00');
    expect(toDecimal(run(lines(['a', 'C', 7]), [tiers]).totals.discount)).toBe('25.00');
    expect(trace(run(lines(['a', 'C', 3]), [tiers]), 'spend')?.reason).toBe('nothing_to_discount');
  });
});

describe('buy X get Y', () => {
  const b2g1: Promotion = {
    id: 'b2g1',
    action: {
      type: 'buy_x_get_y',
      buy: { quantity: 2 },
      get: { quantity: 1, discount: { type: 'free' } },
      discounted: 'cheapest',
    },
  };

  it('discounts the cheapest unit, buying the dearest, and records which units were bought and got', () => {
    const cart = run(lines(['a', 'A', 1], ['b', 'B', 1], ['c', 'C', 1]), [b2g1]);
    expect(discounts(cart)).toEqual(['10.00', '0.00', '0.00']);
    expect(trace(cart, 'b2g1')?.applications).toEqual([
      {
        buy: [
          { lineId: 'c', units: 1 },
          { lineId: 'b', units: 1 },
        ],
        get: [{ lineId: 'a', units: 1 }],
      },
    ]);
  });

  it('repeats as often as the cart allows (not just once), up to maxApplications', () => {
    expect(discounts(run(lines(['a', 'A', 6]), [b2g1]))).toEqual(['20.00']);
    const capped = { ...b2g1, action: { ...b2g1.action, maxApplications: 1 } } as Promotion;
    expect(discounts(run(lines(['a', 'A', 6]), [capped]))).toEqual(['10.00']);
  });

  it('never counts a unit as both bought and got', () => {
    expect(discounts(run(lines(['a', 'A', 2]), [b2g1]))).toEqual(['0.00']);
    expect(trace(run(lines(['a', 'A', 2]), [b2g1]), 'b2g1')?.reason).toBe('nothing_to_discount');
    // 5 units: one application (3 units); the remaining 2 cannot form another.
    expect(discounts(run(lines(['a', 'A', 5]), [b2g1]))).toEqual(['10.00']);
  });

  it('does not depend on the order items were added', () => {
    const one = run(lines(['a', 'C', 1], ['b', 'A', 2], ['c', 'B', 3]), [b2g1]);
    const two = run({ lines: [...lines(['a', 'C', 1], ['b', 'A', 2], ['c', 'B', 3]).lines].reverse() }, [b2g1]);
    expect(two).toEqual(one);
  });

  it('can discount the dearest units instead, by a percentage, with separate buy and get filters', () => {
    const promo: Promotion = {
      id: 'tee-half',
      action: {
        type: 'buy_x_get_y',
        buy: { quantity: 1, filter: { skus: ['A'] } },
        get: { quantity: 1, filter: { skus: ['TEE', 'C'] }, discount: { type: 'percent', percent: '50' } },
        discounted: 'dearest',
      },
    };
    const cart = run(lines(['a', 'A', 1], ['c', 'C', 1], ['t', 'TEE', 1]), [promo]);
    expect(discounts(cart)).toEqual(['0.00', '15.00', '0.00']);
  });
});

describe('bundles, shipping and gifts', () => {
  it('prices a complete set at the bundle price and spreads the saving over its lines', () => {
    const bundle: Promotion = {
      id: 'duo',
      action: {
        type: 'bundle_price',
        items: [
          { sku: 'A', quantity: 1 },
          { sku: 'B', quantity: 1 },
        ],
        price: usd('25.00'),
      },
    };
    const cart = run(lines(['a', 'A', 2], ['b', 'B', 1]), [bundle]);
    expect(discounts(cart)).toEqual(['1.67', '3.33']);
    expect(toDecimal(cart.totals.discount)).toBe('5.00');
    expect(trace(run(lines(['a', 'A', 2]), [bundle]), 'duo')?.reason).toBe('no_eligible_items');
  });

  it('discounts shipping, taxes what is left, and makes shipping free at 100 %', () => {
    const free = run({ ...lines(['a', 'A', 1]), shipping: { method: 'ground', price: usd('4.95') } }, [
      {
        id: 'freeship',
        action: { type: 'shipping_discount', percent: '100' },
        condition: { type: 'min_subtotal', amount: usd('10') },
      },
    ]);
    expect(free.shipping?.discountTotal).toEqual(usd('4.95'));
    expect(free.shipping?.net).toEqual(usd('0'));
    expect(free.totals.grandTotal).toEqual(usd('10.00'));
    expect(trace(free, 'freeship')?.shippingAmount).toEqual(usd('4.95'));
  });

  it('adds a free gift line, fully discounted', () => {
    const cart = run(lines(['a', 'C', 1]), [{ id: 'gift', action: { type: 'free_gift', sku: 'GIFT', quantity: 1 } }]);
    const gift = cart.lines.find((l) => l.giftOf === 'gift');
    expect(gift).toMatchObject({
      id: 'gift:gift',
      sku: 'GIFT',
      quantity: 1,
      unitPrice: usd('7.00'),
      subtotal: usd('7.00'),
    });
    expect(gift?.total).toEqual(usd('0'));
    expect(cart.totals.grandTotal).toEqual(usd('30.00'));
    expect(trace(cart, 'gift')?.giftLineId).toBe('gift:gift');
  });
});

describe('stacking', () => {
  it('computes a stacked percentage on what earlier promotions left (never a free order by accident)', () => {
    const promos: Promotion[] = [
      { id: 'sixty', priority: 2, action: { type: 'percent_off_order', percent: '60' } },
      { id: 'fifty', priority: 1, action: { type: 'percent_off_order', percent: '50' } },
    ];
    const cart = run(lines(['a', 'B', 1]), promos);
    // 20.00 − 60 % = 8.00; − 50 % of 8.00 = 4.00: 80 % off in total, not 110 %.
    expect(toDecimal(cart.totals.grandTotal)).toBe('4.00');
    // On the list price, both together would exceed the line: it stops at zero and says so.
    const list = run(
      lines(['a', 'B', 1]),
      promos.map((p) => ({ ...p, base: 'list' as const })),
    );
    expect(toDecimal(list.totals.grandTotal)).toBe('0.00');
    expect(trace(list, 'fifty')?.capped).toEqual(['line_floor']);
  });

  it('runs lanes in order and keeps only the best line discount per item in a best-per-item lane', () => {
    const promos: Promotion[] = [
      { id: 'coupon5', lane: 'coupon', action: { type: 'amount_off_order', amount: usd('5.00') } },
      {
        id: 'toys10',
        lane: 'catalog',
        action: { type: 'percent_off_items', percent: '10', target: { categories: ['toys'] } },
      },
      { id: 'b15', lane: 'catalog', action: { type: 'percent_off_items', percent: '15', target: { skus: ['B'] } } },
    ];
    const cart = run(lines(['a', 'A', 1], ['b', 'B', 1]), promos, {
      lanes: [{ id: 'catalog', mode: 'best_per_item' }, { id: 'coupon' }],
    });
    expect(cart.trace.promotions.map((p) => p.promotionId)).toEqual(['b15', 'toys10', 'coupon5']);
    // A: 10 % (1.00); B: 15 % beats 10 % (3.00); then 5.00 spread over 9.00 and 17.00.
    expect(cart.lines.map((l) => l.discounts.map((d) => `${d.promotionId}:${toDecimal(d.amount)}`))).toEqual([
      ['toys10:1.00', 'coupon5:1.73'],
      ['b15:3.00', 'coupon5:3.27'],
    ]);
    const onlyB = run(lines(['b', 'B', 1]), promos, {
      lanes: [{ id: 'catalog', mode: 'best_per_item' }, { id: 'coupon' }],
    });
    expect(trace(onlyB, 'toys10')?.reason).toBe('outranked_per_item');
  });

  it('lets an exclusive promotion that applies stand alone', () => {
    const promos: Promotion[] = [
      {
        id: 'vip',
        exclusive: true,
        condition: { type: 'customer_group', groups: ['vip'] },
        action: { type: 'percent_off_order', percent: '30' },
      },
      { id: 'all10', action: { type: 'percent_off_order', percent: '10' } },
    ];
    const vip = run(lines(['a', 'B', 1]), promos, { customer: { groups: ['vip'] } });
    expect(discounts(vip)).toEqual(['6.00']);
    expect(trace(vip, 'all10')?.reason).toBe('excluded_by_exclusive');
    const regular = run(lines(['a', 'B', 1]), promos);
    expect(discounts(regular)).toEqual(['2.00']);
    expect(trace(regular, 'vip')?.reason).toBe('customer_group_not_met');
  });

  it('skips a promotion whose group does not combine with an applied one', () => {
    const promos: Promotion[] = [
      {
        id: 'c1',
        priority: 2,
        group: 'coupon',
        notCombinableWith: ['coupon'],
        action: { type: 'amount_off_order', amount: usd('1') },
      },
      {
        id: 'c2',
        priority: 1,
        group: 'coupon',
        notCombinableWith: ['coupon'],
        action: { type: 'amount_off_order', amount: usd('2') },
      },
    ];
    const cart = run(lines(['a', 'B', 1]), promos);
    expect(trace(cart, 'c2')).toMatchObject({ applied: false, reason: 'not_combinable', conflictsWith: 'c1' });
  });

  it('gives the same result whatever the order of promotions in the input', () => {
    const promos: Promotion[] = [
      { id: 'p1', action: { type: 'percent_off_items', percent: '10' } },
      { id: 'p2', action: { type: 'amount_off_order', amount: usd('3') } },
      { id: 'p3', priority: 5, action: { type: 'amount_off_unit', amount: usd('0.25') } },
    ];
    const cart = lines(['a', 'A', 3], ['b', 'TEE', 2]);
    expect(run(cart, [...promos].reverse())).toEqual(run(cart, promos));
  });
});

describe('conditions, limits and usage', () => {
  it('explains unmet conditions with the most specific reason', () => {
    const cases: [Promotion['condition'], string][] = [
      [{ type: 'min_subtotal', amount: usd('100') }, 'min_subtotal_not_met'],
      [{ type: 'min_quantity', quantity: 5 }, 'min_quantity_not_met'],
      [{ type: 'items_present', filter: { skus: ['C'] } }, 'items_not_present'],
      [{ type: 'customer', ids: ['c-9'] }, 'customer_not_met'],
      [{ type: 'nth_order', n: 1 }, 'nth_order_not_met'],
      [{ type: 'channel', channels: ['pos'] }, 'channel_not_met'],
      [{ type: 'region', regions: ['EU'] }, 'region_not_met'],
      [{ type: 'date_window', window: { from: '2027-01-01T00:00:00Z' } }, 'date_window_not_met'],
      [{ type: 'coupon', code: 'SAVE' }, 'coupon_not_present'],
      [{ not: { type: 'items_present', filter: { skus: ['A'] } } }, 'negated_condition_met'],
      [
        {
          all: [
            { type: 'items_present', filter: { skus: ['A'] } },
            { type: 'min_quantity', quantity: 9 },
          ],
        },
        'min_quantity_not_met',
      ],
      [
        {
          any: [
            { type: 'channel', channels: ['pos'] },
            { type: 'region', regions: ['EU'] },
          ],
        },
        'channel_not_met',
      ],
    ];
    for (const [condition, reason] of cases) {
      const cart = run(
        lines(['a', 'A', 1]),
        [
          {
            id: 'p',
            ...(condition === undefined ? {} : { condition }),
            action: { type: 'amount_off_order', amount: usd('1') },
          },
        ],
        {
          customer: { id: 'c-1', previousOrders: 3 },
          channel: 'web',
        },
      );
      expect(trace(cart, 'p')?.reason, reason).toBe(reason);
    }
  });

  it('matches coupons case-insensitively and first orders from the customer history', () => {
    const promo: Promotion = {
      id: 'welcome',
      condition: {
        all: [
          { type: 'coupon', code: 'Welcome10' },
          { type: 'nth_order', n: 1 },
        ],
      },
      action: { type: 'percent_off_order', percent: '10' },
    };
    const cart = run(lines(['a', 'B', 1]), [promo], {
      couponCodes: [' welcome10 '],
      customer: { id: 'c-1', previousOrders: 0 },
    });
    expect(discounts(cart)).toEqual(['2.00']);
    expect(cart.usageIntents).toEqual([
      { promotionId: 'welcome', couponCode: 'WELCOME10', customerId: 'c-1', amount: usd('2.00') },
    ]);
  });

  it('rejects exhausted promotions and caps a discount at the remaining budget', () => {
    const limited: Promotion = {
      id: 'lim',
      limits: { maxUses: 100, maxUsesPerCustomer: 1, budget: usd('500.00') },
      action: { type: 'percent_off_order', percent: '50' },
    };
    const reason = (usage: NonNullable<PricingOptions['usage']>) =>
      trace(run(lines(['a', 'B', 1]), [limited], { usage }), 'lim')?.reason;
    expect(reason([{ promotionId: 'lim', uses: 100 }])).toBe('usage_limit_reached');
    expect(reason([{ promotionId: 'lim', uses: 3, customerUses: 1 }])).toBe('customer_usage_limit_reached');
    expect(reason([{ promotionId: 'lim', budgetSpent: usd('500.00') }])).toBe('budget_exhausted');
    const capped = run(lines(['a', 'B', 1]), [limited], {
      usage: [{ promotionId: 'lim', budgetSpent: usd('496.50') }],
    });
    expect(discounts(capped)).toEqual(['3.50']);
    expect(trace(capped, 'lim')?.capped).toEqual(['budget']);
    expect(capped.usageIntents[0]?.amount).toEqual(usd('3.50'));
  });

  it('ignores promotions outside their window', () => {
    const cart = run(lines(['a', 'B', 1]), [
      {
        id: 'bf',
        window: { from: '2026-11-27T00:00:00-05:00', until: '2026-11-28T00:00:00-05:00' },
        action: { type: 'percent_off_order', percent: '20' },
      },
    ]);
    expect(trace(cart, 'bf')?.reason).toBe('window_inactive');
    const during = run(
      lines(['a', 'B', 1]),
      [
        {
          id: 'bf',
          window: { from: '2026-11-27T00:00:00-05:00', until: '2026-11-28T00:00:00-05:00' },
          action: { type: 'percent_off_order', percent: '20' },
        },
      ],
      { now: '2026-11-27T04:59:59Z' },
    );
    expect(trace(during, 'bf')?.reason).toBe('window_inactive');
    expect(
      trace(
        run(
          lines(['a', 'B', 1]),
          [
            {
              id: 'bf',
              window: { from: '2026-11-27T00:00:00-05:00' },
              action: { type: 'percent_off_order', percent: '20' },
            },
          ],
          { now: '2026-11-27T05:00:00Z' },
        ),
        'bf',
      )?.applied,
    ).toBe(true);
  });
});

describe('tax after discounts', () => {
  it('never produces negative tax or tiny negative totals with fixed discounts on tax-inclusive prices', () => {
    const vat = {
      jurisdiction: 'DE',
      pricesIncludeTax: true,
      rates: [{ jurisdiction: 'DE', taxClass: 'standard', rate: '19%' }],
      rounding: { mode: 'half-up' as const, level: 'line' as const },
    };
    const cart = run(
      lines(['a', 'D', 1], ['b', 'A', 1]),
      [{ id: 'off', action: { type: 'amount_off_order', amount: usd('14.99') } }],
      { tax: vat },
    );
    for (const line of cart.lines) {
      expect(line.tax.amount).toBeGreaterThanOrEqual(0);
      expect(line.net.amount).toBeGreaterThanOrEqual(0);
      expect(line.net.amount + line.tax.amount).toBe(line.total.amount);
    }
    expect(toDecimal(cart.totals.grandTotal)).toBe('0.01');
    expect(cart.totals.grandTotal.amount).toBe(cart.totals.net.amount + cart.totals.tax.amount);
  });
});

describe('order discounts after a cancellation', () => {
  it('keep each line’s stored share: the cancelled line refunds its own, the others do not change', () => {
    const promo: Promotion = { id: 'ten', action: { type: 'amount_off_order', amount: usd('10.00') } };
    const cart = run(lines(['a', 'X1', 1], ['b', 'X2', 1], ['c', 'X3', 1]), [promo]);
    const cancelled = cart.lines.find((l) => l.id === 'b');
    // The refund for line b is its own total, with its own stored share of the discount.
    expect(cancelled?.discounts).toEqual([{ promotionId: 'ten', amount: usd('0.50') }]);
    expect(toDecimal(cancelled?.total ?? usd('0'))).toBe('4.51');
    // The shares are stored, not recomputed: re-pricing the remaining lines would re-spread the whole
    // 10.00 over them (2.10 / 7.90), which is exactly what a cancellation must not do.
    const repriced = run(lines(['a', 'X1', 1], ['c', 'X3', 1]), [promo]);
    expect(discounts(repriced)).toEqual(['2.10', '7.90']);
    expect(cart.lines.filter((l) => l.id !== 'b').map((l) => toDecimal(l.discountTotal))).toEqual(['2.00', '7.50']);
  });
});
