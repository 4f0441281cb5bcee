import { describe, expect, it } from 'vitest';
import { money, toDecimal } from '../../src/money/index.js';
import {
  type Catalog,
  PricingError,
  type PricingOptions,
  priceCart,
  type TaxContext,
} from '../../src/pricing/index.js';

const NOW = '2026-11-22T10:00:00Z';

function priced(...args: Parameters<typeof priceCart>) {
  const result = priceCart(...args);
  if (!result.ok) throw result.error;
  return result.value;
}

function errorOf(...args: Parameters<typeof priceCart>): PricingError {
  const result = priceCart(...args);
  if (result.ok) throw new Error('expected an error');
  expect(result.error).toBeInstanceOf(PricingError);
  return result.error;
}

const usd = (amount: string) => money(amount, 'USD');

const catalog: Catalog = {
  currency: 'USD',
  items: [
    { sku: 'MUG', categories: ['kitchen'], tierGroup: 'drinkware' },
    { sku: 'CUP', categories: ['kitchen'], tierGroup: 'drinkware' },
    { sku: 'TEE', categories: ['apparel'], taxClass: 'clothing' },
    { sku: 'BOOK', taxClass: 'books' },
  ],
  basePrices: [
    { sku: 'MUG', price: usd('10.00') },
    { sku: 'MUG', price: usd('9.00'), minQuantity: 6 },
    { sku: 'MUG', price: usd('8.00'), minQuantity: 12 },
    { sku: 'CUP', price: usd('6.00') },
    { sku: 'CUP', price: usd('5.00'), minQuantity: 12 },
    { sku: 'TEE', price: usd('20.00') },
    { sku: 'BOOK', price: usd('15.00') },
  ],
  priceLists: [
    {
      id: 'wholesale',
      kind: 'override',
      priority: 1,
      conditions: { customerGroups: ['wholesale'] },
      prices: [{ sku: 'TEE', price: usd('12.00') }],
    },
    {
      id: 'wholesale-web',
      kind: 'override',
      priority: 0,
      conditions: { customerGroups: ['wholesale'], channels: ['web'] },
      prices: [{ sku: 'TEE', price: usd('11.50') }],
    },
    {
      id: 'eu-override',
      kind: 'override',
      priority: 100,
      conditions: { regions: ['EU'] },
      prices: [{ sku: 'TEE', price: usd('22.00') }],
    },
    {
      id: 'winter-sale',
      kind: 'sale',
      priority: 5,
      window: { from: '2026-12-01T00:00:00+01:00', until: '2027-01-01T00:00:00+01:00' },
      prices: [
        { sku: 'TEE', price: usd('15.00') },
        { sku: 'BOOK', price: usd('16.00') },
      ],
    },
  ],
  contracts: [{ id: 'k-1', customerId: 'acme', sku: 'TEE', price: usd('13.00') }],
};

const line = (id: string, sku: string, quantity: number) => ({ id, sku, quantity });

describe('price selection', () => {
  it('uses the base price and records where it came from', () => {
    const cart = priced({ lines: [line('a', 'TEE', 1)] }, catalog, { now: NOW });
    expect(cart.lines[0]?.unitPrice).toEqual(usd('20.00'));
    expect(cart.lines[0]?.unitPriceSource).toEqual({ kind: 'base', minQuantity: 1 });
  });

  it('takes the highest volume tier reached, per line or per tier group', () => {
    expect(priced({ lines: [line('a', 'MUG', 5)] }, catalog, { now: NOW }).lines[0]?.unitPrice).toEqual(usd('10.00'));
    expect(priced({ lines: [line('a', 'MUG', 6)] }, catalog, { now: NOW }).lines[0]?.unitPrice).toEqual(usd('9.00'));
    // 8 mugs + 4 cups = 12 in the drinkware group: both reach their 12+ tiers.
    const mixed = priced({ lines: [line('a', 'MUG', 8), line('b', 'CUP', 4)] }, catalog, { now: NOW });
    expect(mixed.lines.map((l) => toDecimal(l.unitPrice))).toEqual(['8.00', '5.00']);
    expect(mixed.trace.lines.map((l) => l.tierQuantity)).toEqual([12, 12]);
    expect(mixed.lines[0]?.unitPriceSource).toEqual({ kind: 'base', minQuantity: 12 });
  });

  it('prefers the most specific override list, then priority', () => {
    const wholesale = { now: NOW, customer: { groups: ['wholesale'] } };
    expect(priced({ lines: [line('a', 'TEE', 1)] }, catalog, wholesale).lines[0]?.unitPriceSource).toEqual({
      kind: 'price_list',
      priceListId: 'wholesale',
      minQuantity: 1,
    });
    // Two dimensions (group + channel) beat one, even at lower priority.
    const web = priced({ lines: [line('a', 'TEE', 1)] }, catalog, { ...wholesale, channel: 'web' });
    expect(web.lines[0]?.unitPrice).toEqual(usd('11.50'));
    // An override may raise the price: it replaces, it does not compete on price.
    expect(priced({ lines: [line('a', 'TEE', 1)] }, catalog, { now: NOW, region: 'EU' }).lines[0]?.unitPrice).toEqual(
      usd('22.00'),
    );
  });

  it('gives contract prices precedence over every list, sales included', () => {
    const options: PricingOptions = {
      now: '2026-12-15T12:00:00Z',
      customer: { id: 'acme', groups: ['wholesale'] },
      channel: 'web',
    };
    const cart = priced({ lines: [line('a', 'TEE', 1)] }, catalog, options);
    expect(cart.lines[0]?.unitPrice).toEqual(usd('13.00'));
    expect(cart.lines[0]?.unitPriceSource).toEqual({ kind: 'contract', contractId: 'k-1', minQuantity: 1 });
    const outcomes = cart.trace.lines[0]?.candidates.map((c) => c.outcome);
    expect(outcomes).toEqual([
      'selected',
      'conditions_not_met',
      'contract_takes_precedence',
      'contract_takes_precedence',
      'contract_takes_precedence',
      'contract_takes_precedence',
    ]);
    // Another customer's contract is not even a candidate.
    const other = priced({ lines: [line('a', 'TEE', 1)] }, catalog, { now: NOW, customer: { id: 'globex' } });
    expect(other.trace.lines[0]?.candidates.some((c) => c.source.kind === 'contract')).toBe(false);
  });

  it('applies a sale list only inside its window (time zone explicit), and never to raise a price', () => {
    // 2026-11-30T23:30:00Z is 00:30 on 1 December in +01:00: inside the window.
    const inside = priced({ lines: [line('a', 'TEE', 1), line('b', 'BOOK', 1)] }, catalog, {
      now: '2026-11-30T23:30:00Z',
    });
    expect(inside.lines.map((l) => toDecimal(l.unitPrice))).toEqual(['15.00', '15.00']);
    expect(inside.lines[0]?.compareAtUnitPrice).toEqual(usd('20.00'));
    expect(inside.lines[0]?.unitPriceSource).toMatchObject({
      kind: 'sale',
      priceListId: 'winter-sale',
      regularPrice: usd('20.00'),
    });
    // The book's "sale" price (16.00) is above its regular 15.00: not applied.
    expect(inside.lines[1]?.unitPriceSource).toEqual({ kind: 'base', minQuantity: 1 });
    expect(inside.trace.lines[1]?.candidates.map((c) => c.outcome)).toEqual(['selected', 'not_lower']);
    const before = priced({ lines: [line('a', 'TEE', 1)] }, catalog, { now: '2026-11-30T22:59:59Z' });
    expect(before.lines[0]?.unitPrice).toEqual(usd('20.00'));
    expect(before.trace.lines[0]?.candidates.at(-1)?.outcome).toBe('window_inactive');
    // `until` is exclusive.
    expect(
      priced({ lines: [line('a', 'TEE', 1)] }, catalog, { now: '2026-12-31T23:00:00Z' }).lines[0]?.unitPrice,
    ).toEqual(usd('20.00'));
  });

  it('reviews manual prices against the policy', () => {
    const cart = {
      lines: [
        { id: 'a', sku: 'TEE', quantity: 1, manualPrice: { price: usd('19.00'), reason: 'scuffed' } },
        { id: 'b', sku: 'TEE', quantity: 1, manualPrice: { price: usd('14.00'), reason: 'competitor match' } },
        {
          id: 'c',
          sku: 'TEE',
          quantity: 1,
          manualPrice: { price: usd('10.00'), reason: 'goodwill', approvedBy: 'mgr-7' },
        },
        { id: 'd', sku: 'TEE', quantity: 1, manualPrice: { price: usd('25.00'), reason: 'rush order' } },
      ],
    };
    const result = priced(cart, catalog, {
      now: NOW,
      manualPricePolicy: { maxDiscountPercent: '10', maxDiscountAmount: usd('5.00') },
    });
    expect(result.lines.map((l) => l.manualPriceReview?.status)).toEqual([
      'within_policy',
      'needs_approval',
      'approved',
      'within_policy',
    ]);
    expect(result.lines[1]?.manualPriceReview).toEqual({
      status: 'needs_approval',
      reasons: ['discount_percent_exceeded', 'discount_amount_exceeded'],
      discountPerUnit: usd('6.00'),
      discountPercent: '30.00',
    });
    expect(result.lines[0]?.unitPriceSource).toEqual({
      kind: 'manual',
      reason: 'scuffed',
      selectedPrice: usd('20.00'),
      selectedSource: { kind: 'base', minQuantity: 1 },
    });
    expect(result.trace.lines[0]?.candidates.find((c) => c.source.kind === 'base')?.outcome).toBe(
      'replaced_by_manual_price',
    );
    expect(result.trace.lines[0]?.candidates.filter((c) => c.outcome === 'selected')).toEqual([]);
    // Exactly at the threshold is within policy; one cent beyond is not.
    const edge = priced(
      {
        lines: [
          { id: 'a', sku: 'TEE', quantity: 1, manualPrice: { price: usd('18.00'), reason: 'x' } },
          { id: 'b', sku: 'TEE', quantity: 1, manualPrice: { price: usd('17.99'), reason: 'x' } },
        ],
      },
      catalog,
      { now: NOW, manualPricePolicy: { maxDiscountPercent: '10' } },
    );
    expect(edge.lines.map((l) => l.manualPriceReview?.status)).toEqual(['within_policy', 'needs_approval']);
    // Without a policy, any unapproved reduction needs approval.
    expect(priced({ lines: [cart.lines[0] as never] }, catalog, { now: NOW }).lines[0]?.manualPriceReview?.status).toBe(
      'needs_approval',
    );
  });
});

const nyc: TaxContext = {
  jurisdiction: 'US-NY-NYC',
  pricesIncludeTax: false,
  rates: [
    { jurisdiction: 'US-NY-NYC', taxClass: 'standard', rate: '4%', name: 'NY State' },
    { jurisdiction: 'US-NY-NYC', taxClass: 'standard', rate: '4.5%', name: 'NYC' },
    { jurisdiction: 'US-NY-NYC', taxClass: 'standard', rate: '0.375%', name: 'MCTD' },
    { jurisdiction: 'US-NY-NYC', taxClass: 'shipping', rate: '8.875%', name: 'Shipping' },
    { jurisdiction: 'US-CA', taxClass: 'standard', rate: '7.25%' },
  ],
  rounding: { mode: 'half-up', level: 'line' },
};

describe('tax', () => {
  it('adds exclusive tax per line, split over components that sum exactly', () => {
    const cart = priced({ lines: [line('a', 'MUG', 3)], shipping: { method: 'ground', price: usd('4.95') } }, catalog, {
      now: NOW,
      tax: nyc,
    });
    const mug = cart.lines[0];
    // 30.00 × 8.875 % = 2.6625 → 2.66 (half-up)
    expect(toDecimal(mug?.tax ?? usd('0'))).toBe('2.66');
    expect(mug?.taxLines.map((t) => [t.name, t.rate, toDecimal(t.amount)])).toEqual([
      ['MCTD', '0.00375', '0.11'],
      ['NY State', '0.04', '1.20'],
      ['NYC', '0.045', '1.35'],
    ]);
    // 4.95 × 8.875 % = 0.43931 → 0.44
    expect(toDecimal(cart.shipping?.tax ?? usd('0'))).toBe('0.44');
    expect(cart.totals).toEqual({
      itemsSubtotal: usd('30.00'),
      shipping: usd('4.95'),
      discount: usd('0'),
      net: usd('34.95'),
      tax: usd('3.10'),
      grandTotal: usd('38.05'),
    });
  });

  it('rounds per order when asked: once on the exact total, spread back by largest remainder', () => {
    // Three lines of 0.05 at 10 %: per line 0.005 → 0.01 each (half-up) = 0.03; per order 0.015 → 0.02.
    const tiny: Catalog = {
      currency: 'USD',
      items: [{ sku: 'X' }, { sku: 'Y' }, { sku: 'Z' }],
      basePrices: ['X', 'Y', 'Z'].map((sku) => ({ sku, price: usd('0.05') })),
    };
    const tax = (level: 'line' | 'total'): TaxContext => ({
      jurisdiction: 'J',
      pricesIncludeTax: false,
      rates: [{ jurisdiction: 'J', taxClass: 'standard', rate: '10%' }],
      rounding: { mode: 'half-up', level },
    });
    const cart = { lines: [line('x', 'X', 1), line('y', 'Y', 1), line('z', 'Z', 1)] };
    const perLine = priced(cart, tiny, { now: NOW, tax: tax('line') });
    const perOrder = priced(cart, tiny, { now: NOW, tax: tax('total') });
    expect(toDecimal(perLine.totals.tax)).toBe('0.03');
    expect(toDecimal(perOrder.totals.tax)).toBe('0.02');
    expect(perOrder.lines.map((l) => l.tax.amount)).toEqual([1, 1, 0]);
  });

  it('takes tax out of gross prices exactly (VAT), and net + tax = gross both ways', () => {
    const eu: Catalog = {
      currency: 'EUR',
      items: [{ sku: 'TEE' }, { sku: 'BOOK', taxClass: 'reduced' }],
      basePrices: [
        { sku: 'TEE', price: money('19.99', 'EUR') },
        { sku: 'BOOK', price: money('10.70', 'EUR') },
      ],
    };
    const vat: TaxContext = {
      jurisdiction: 'DE',
      pricesIncludeTax: true,
      rates: [
        { jurisdiction: 'DE', taxClass: 'standard', rate: '19%', name: 'MwSt 19 %' },
        { jurisdiction: 'DE', taxClass: 'reduced', rate: '7%', name: 'MwSt 7 %' },
      ],
      rounding: { mode: 'half-up', level: 'line' },
    };
    const cart = priced({ lines: [line('a', 'TEE', 1), line('b', 'BOOK', 1)] }, eu, { now: NOW, tax: vat });
    // 19.99 × 19/119 = 3.1917 → 3.19, net 16.80; 10.70 × 7/107 = 0.70 exactly, net 10.00.
    expect(cart.lines.map((l) => [toDecimal(l.net), toDecimal(l.tax), toDecimal(l.total)])).toEqual([
      ['16.80', '3.19', '19.99'],
      ['10.00', '0.70', '10.70'],
    ]);
    expect(toDecimal(cart.totals.grandTotal)).toBe('30.69');
    expect(cart.totals.grandTotal).toEqual(cart.totals.itemsSubtotal);
  });

  it('taxes classes without a rate at zero and says so in the trace', () => {
    const cart = priced({ lines: [line('a', 'BOOK', 1), line('b', 'TEE', 1)] }, catalog, { now: NOW, tax: nyc });
    expect(cart.lines.map((l) => l.tax.amount)).toEqual([0, 0]);
    expect(cart.trace.tax).toEqual({
      computed: true,
      jurisdiction: 'US-NY-NYC',
      pricesIncludeTax: false,
      rounding: { mode: 'half-up', level: 'line' },
      untaxedClasses: ['books', 'clothing'],
    });
    expect(priced({ lines: [line('a', 'BOOK', 1)] }, catalog, { now: NOW }).trace.tax).toEqual({
      computed: false,
      reason: 'no_tax_context',
    });
  });
});

describe('expected failures come back as values', () => {
  it('names the line and the reason', () => {
    expect(errorOf({ lines: [line('a', 'NOPE', 1)] }, catalog, { now: NOW }).code).toBe('unknown_sku');
    expect(errorOf({ lines: [line('a', 'TEE', 0)] }, catalog, { now: NOW }).code).toBe('invalid_quantity');
    expect(errorOf({ lines: [line('a', 'TEE', 1), line('a', 'MUG', 1)] }, catalog, { now: NOW }).code).toBe(
      'duplicate_line_id',
    );
    expect(errorOf({ lines: [] }, catalog, { now: '2026-11-22T10:00:00' }).code).toBe('invalid_instant');
    const noPrice: Catalog = {
      currency: 'USD',
      items: [{ sku: 'X' }],
      basePrices: [{ sku: 'X', price: usd('1'), minQuantity: 5 }],
    };
    const e = errorOf({ lines: [line('a', 'X', 2)] }, noPrice, { now: NOW });
    expect([e.code, e.details]).toEqual(['no_price', { sku: 'X', tierQuantity: 2 }]);
    const mixed: Catalog = {
      currency: 'USD',
      items: [{ sku: 'X' }],
      basePrices: [{ sku: 'X', price: money('1', 'EUR') }],
    };
    expect(errorOf({ lines: [line('a', 'X', 1)] }, mixed, { now: NOW }).code).toBe('currency_mismatch');
  });

  it('prices an empty cart to zero', () => {
    const cart = priced({ lines: [] }, catalog, { now: NOW, tax: nyc });
    expect(cart.totals.grandTotal).toEqual(usd('0'));
    expect(cart.lines).toEqual([]);
  });
});
