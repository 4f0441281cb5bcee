// Bugs found by the property and hostile-input suites, each pinned by its smallest reproduction.
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
const usd = (a: string) => money(a, 'USD');
const catalog: Catalog = {
  currency: 'USD',
  items: [{ sku: 'A' }, { sku: 'B' }, { sku: 'C' }, { sku: 'H', taxClass: 'high' }],
  basePrices: [
    { sku: 'A', price: usd('0.01') },
    { sku: 'B', price: usd('50.10') },
    { sku: 'C', price: usd('0.04') },
    { sku: 'H', price: usd('0.01') },
  ],
};
const line = (id: string, sku: string, quantity = 1) => ({ id, sku, quantity });
function errorOf(...args: Parameters<typeof priceCart>): PricingError {
  const r = priceCart(...args);
  if (r.ok) throw new Error('expected an error');
  expect(r.error).toBeInstanceOf(PricingError);
  return r.error;
}

describe('per-order tax rounding', () => {
  it('keeps every line between the floor and the ceiling of its own exact tax', () => {
    const tax: TaxContext = {
      jurisdiction: 'J',
      pricesIncludeTax: false,
      rates: [{ jurisdiction: 'J', taxClass: 'standard', rate: '10%' }],
      rounding: { mode: 'half-even', level: 'total' },
    };
    const r = priceCart({ lines: [line('a', 'A'), line('b', 'B'), line('c', 'C')] }, catalog, { now: NOW, tax });
    // Exact: 0.001 + 5.01 + 0.004 = 5.015 → 5.02; the extra cent goes to the largest remainder (0.004).
    expect(r.ok && r.value.lines.map((l) => toDecimal(l.tax))).toEqual(['0.00', '5.01', '0.01']);
  });

  it('never gives an inclusive line more tax than its gross (rates above 100 %)', () => {
    const tax: TaxContext = {
      jurisdiction: 'J',
      pricesIncludeTax: true,
      rates: [
        { jurisdiction: 'J', taxClass: 'high', rate: '9' },
        { jurisdiction: 'J', taxClass: 'standard', rate: '0.05' },
      ],
      rounding: { mode: 'up', level: 'total' },
    };
    const r = priceCart({ lines: [line('a', 'H'), line('b', 'C')] }, catalog, { now: NOW, tax });
    expect(r.ok).toBe(true);
    if (r.ok) for (const l of r.value.lines) expect(l.net.amount).toBeGreaterThanOrEqual(0);
  });
});

describe('hostile values get typed errors, never a TypeError', () => {
  it('handles null-prototype objects and hostile toString in error messages', () => {
    const e = errorOf({ lines: [{ id: 'l1', sku: Object.create(null), quantity: 1 }] }, catalog, { now: NOW });
    expect(e.code).toBe('unknown_sku');
    expect(errorOf({ lines: [] }, catalog, { now: Object.create(null) }).code).toBe('invalid_instant');
    const evil = { toString: 5, valueOf: 5 };
    expect(errorOf({ lines: [] }, catalog, { now: evil as never }).code).toBe('invalid_instant');
  });

  it('refuses sparse line arrays', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const sparse = [, line('l1', 'A')] as never;
    expect(errorOf({ lines: sparse }, catalog, { now: NOW }).details).toEqual({ field: 'cart.lines[0]' });
  });

  it('checks every tax rate, including its name and classes not in the cart', () => {
    const base = { jurisdiction: 'J', pricesIncludeTax: false, rounding: { mode: 'half-up', level: 'line' } } as const;
    const named = errorOf({ lines: [line('a', 'A')] }, catalog, {
      now: NOW,
      tax: { ...base, rates: [{ jurisdiction: 'J', taxClass: 'standard', rate: '1%', name: 7 as never }] },
    });
    expect([named.code, named.details]).toEqual(['invalid_options', { field: 'options.tax.rates[0].name' }]);
    const negative = errorOf({ lines: [line('a', 'A')] }, catalog, {
      now: NOW,
      tax: { ...base, rates: [{ jurisdiction: 'J', taxClass: 'luxury', rate: '-5%' }] },
    });
    expect([negative.code, negative.details]).toEqual(['invalid_tax_rate', { field: 'options.tax.rates[0].rate' }]);
  });

  it('reports an unknown catalog currency as invalid_catalog', () => {
    const e = errorOf({ lines: [] }, { currency: 'XYZ', items: [], basePrices: [] }, { now: NOW });
    expect([e.code, e.details]).toEqual(['invalid_catalog', { field: 'catalog.currency' }]);
  });

  it('refuses dates that do not exist instead of rolling them over', () => {
    for (const now of ['2026-11-31T10:00:00Z', '2026-02-29T10:00:00Z', '2026-02-30T00:00:00+01:00']) {
      expect(errorOf({ lines: [] }, catalog, { now }).code, now).toBe('invalid_instant');
    }
    expect(priceCart({ lines: [] }, catalog, { now: '2028-02-29T10:00:00Z' }).ok).toBe(true);
    const windowed: Catalog = {
      ...catalog,
      priceLists: [{ id: 'x', kind: 'sale', window: 'never' as never, prices: [] }],
    };
    expect(errorOf({ lines: [] }, windowed, { now: NOW }).code).toBe('invalid_instant');
  });

  it('names the line whose price × quantity leaves the safe range', () => {
    const big: Catalog = {
      currency: 'USD',
      items: [{ sku: 'X' }],
      basePrices: [{ sku: 'X', price: money('90000000000', 'USD') }],
    };
    const e = errorOf({ lines: [line('big', 'X', 2000)] }, big, { now: NOW });
    expect([e.code, e.details]).toEqual(['amount_out_of_range', { lineId: 'big', field: 'quantity' }]);
  });
});

describe('percentage fields', () => {
  it("read '10' and '10%' alike as ten percent", () => {
    const opts = (percent: string): PricingOptions => ({
      now: NOW,
      promotions: [{ id: 'p', action: { type: 'percent_off_order', percent } }],
    });
    const plain = priceCart({ lines: [line('b', 'B')] }, catalog, opts('10'));
    const suffixed = priceCart({ lines: [line('b', 'B')] }, catalog, opts('10%'));
    expect(plain.ok && toDecimal(plain.value.totals.discount)).toBe('5.01');
    expect(suffixed).toEqual(plain);
  });
});
