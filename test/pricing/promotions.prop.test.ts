import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromMinor } from '../../src/money/index.js';
import { type Cart, type Catalog, type PricingOptions, type Promotion, priceCart } from '../../src/pricing/index.js';
import {
  cartArbitrary,
  catalogArbitrary,
  pricedCartViolations,
  pricingScenarioArbitrary,
} from '../../src/testing/index.js';
import { D, DECIMAL_ROUNDING, RUNS } from '../money/oracle.js';

function priced(cart: Cart, catalog: Catalog, options: PricingOptions) {
  const result = priceCart(cart, catalog, options);
  if (!result.ok) throw result.error;
  return result.value;
}

/** A deterministic shuffle driven by fast-check's random source. */
const permutation = fc.infiniteStream(fc.integer({ min: 0, max: 1_000_000 }));
function shuffle<T>(items: readonly T[], stream: Iterable<number>): T[] {
  const result = [...items];
  const it = stream[Symbol.iterator]();
  for (let i = result.length - 1; i > 0; i--) {
    const j = (it.next().value as number) % (i + 1);
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

describe('priced carts with promotions', () => {
  it('always price, and satisfy every invariant (money conserved, nothing negative, allocations sum to each promotion)', () => {
    fc.assert(
      fc.property(pricingScenarioArbitrary(), ({ cart, catalog, options }) => {
        const result = priceCart(cart, catalog, options);
        expect(result.ok).toBe(true);
        if (result.ok) expect(pricedCartViolations(result.value, options.tax?.pricesIncludeTax ?? false)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('do not depend on the order of lines, promotions, catalog entries or tax rates', () => {
    fc.assert(
      fc.property(pricingScenarioArbitrary(), permutation, ({ cart, catalog, options }, stream) => {
        const shuffled = priced(
          { ...cart, lines: shuffle(cart.lines, stream) },
          {
            ...catalog,
            items: shuffle(catalog.items, stream),
            basePrices: shuffle(catalog.basePrices, stream),
            priceLists: shuffle(catalog.priceLists ?? [], stream),
          },
          {
            ...options,
            promotions: shuffle(options.promotions ?? [], stream),
            ...(options.tax === undefined
              ? {}
              : { tax: { ...options.tax, rates: shuffle(options.tax.rates, stream) } }),
          },
        );
        expect(shuffled).toEqual(priced(cart, catalog, options));
      }),
      RUNS,
    );
  });

  it('survive a JSON round trip of input and output unchanged', () => {
    fc.assert(
      fc.property(pricingScenarioArbitrary(), ({ cart, catalog, options }) => {
        const original = priced(cart, catalog, options);
        const viaJson = priced(
          JSON.parse(JSON.stringify(cart)),
          JSON.parse(JSON.stringify(catalog)),
          JSON.parse(JSON.stringify(options)),
        );
        expect(viaJson).toEqual(original);
        expect(JSON.parse(JSON.stringify(original))).toEqual(original);
      }),
      RUNS,
    );
  });
});

describe('order percentages against decimal.js', () => {
  it('take exactly round(eligible subtotal × p) once, spread so every share is within a unit of its exact share', () => {
    fc.assert(
      fc.property(
        catalogArbitrary(),
        cartArbitrary(),
        fc.integer({ min: 0, max: 100_000 }).map((n) => (n / 1000).toString()),
        fc.constantFrom(...(Object.keys(DECIMAL_ROUNDING) as (keyof typeof DECIMAL_ROUNDING)[])),
        (catalog, cart, percent, mode) => {
          const promotion: Promotion = {
            id: 'p',
            action: { type: 'percent_off_order', percent, target: { categories: ['c1'] } },
          };
          const result = priced(cart, catalog, {
            now: '2026-11-22T10:00:00Z',
            promotions: [promotion],
            discountRounding: mode,
          });
          const eligible = result.lines.filter((l) =>
            catalog.items.find((i) => i.sku === l.sku)?.categories?.includes('c1'),
          );
          const subtotal = eligible.reduce((s, l) => s + l.subtotal.amount, 0);
          const exact = new D(subtotal).times(percent).div(100).toDecimalPlaces(0, DECIMAL_ROUNDING[mode]).toNumber();
          const granted = result.lines.reduce((s, l) => s + l.discountTotal.amount, 0);
          expect(granted).toBe(Math.min(exact, subtotal) + 0);
          for (const line of result.lines) {
            if (!eligible.includes(line)) expect(line.discountTotal.amount).toBe(0);
            else if (subtotal > 0) {
              const share = new D(granted).times(line.subtotal.amount).div(subtotal);
              expect(new D(line.discountTotal.amount).minus(share).abs().lt(1)).toBe(true);
            }
          }
        },
      ),
      RUNS,
    );
  });

  it('adding an item the promotion does not target never changes the other lines’ discounts', () => {
    fc.assert(
      fc.property(catalogArbitrary(), cartArbitrary(), fc.integer({ min: 1, max: 99 }), (catalog, cart, percent) => {
        // EXTRA is excluded from the target (and in no tier group), so its line is ineligible.
        const withExtra: Catalog = {
          ...catalog,
          items: [...catalog.items, { sku: 'EXTRA' }],
          basePrices: [...catalog.basePrices, { sku: 'EXTRA', price: fromMinor(1234, catalog.currency) }],
        };
        const promotion: Promotion = {
          id: 'p',
          action: { type: 'percent_off_order', percent: String(percent), target: { excludeSkus: ['EXTRA'] } },
        };
        const options: PricingOptions = { now: '2026-11-22T10:00:00Z', promotions: [promotion] };
        const before = priced(cart, withExtra, options);
        const after = priced(
          { ...cart, lines: [...cart.lines, { id: 'zz-extra', sku: 'EXTRA', quantity: 3 }] },
          withExtra,
          options,
        );
        expect(after.lines.filter((l) => l.id !== 'zz-extra').map((l) => l.discounts)).toEqual(
          before.lines.map((l) => l.discounts),
        );
        expect(after.lines.find((l) => l.id === 'zz-extra')?.discountTotal).toEqual(fromMinor(0, catalog.currency));
      }),
      RUNS,
    );
  });
});
