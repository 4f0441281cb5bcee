import { describe, expect, it } from 'vitest';
import { money } from '../../src/money/index.js';
import { type PricedCart, priceCart } from '../../src/pricing/index.js';
import { pricedCartViolations } from '../../src/testing/index.js';

const usd = (a: string) => money(a, 'USD');
function sample(): PricedCart {
  const r = priceCart(
    {
      lines: [
        { id: 'a', sku: 'A', quantity: 2 },
        { id: 'b', sku: 'B', quantity: 1 },
      ],
      shipping: { method: 'ground', price: usd('4.95') },
    },
    {
      currency: 'USD',
      items: [{ sku: 'A' }, { sku: 'B' }],
      basePrices: [
        { sku: 'A', price: usd('9.99') },
        { sku: 'B', price: usd('5.00') },
      ],
    },
    {
      now: '2026-11-22T10:00:00Z',
      promotions: [{ id: 'p', action: { type: 'amount_off_order', amount: usd('3.00') } }],
      tax: {
        jurisdiction: 'J',
        pricesIncludeTax: false,
        rates: [{ jurisdiction: 'J', taxClass: 'standard', rate: '10%' }],
        rounding: { mode: 'half-up', level: 'line' },
      },
    },
  );
  if (!r.ok) throw r.error;
  return r.value;
}

describe('pricedCartViolations', () => {
  it('finds nothing wrong with a real priced cart', () => {
    expect(pricedCartViolations(sample(), false)).toEqual([]);
  });

  it('catches each kind of inconsistency a wrong engine could produce', () => {
    const cart = sample();
    const [first, second] = cart.lines as [PricedCart['lines'][number], PricedCart['lines'][number]];
    const cases: [PricedCart, string][] = [
      [{ ...cart, lines: [{ ...first, tax: usd('0.01') }, second] }, 'line a: net + tax ≠ total'],
      [
        { ...cart, lines: [{ ...first, net: { amount: -1, currency: 'USD' } }, second] },
        'line a: net is negative (-1)',
      ],
      [
        { ...cart, lines: [{ ...first, discountTotal: usd('0') }, second] },
        'line a: discounts do not sum to discountTotal',
      ],
      [{ ...cart, totals: { ...cart.totals, grandTotal: usd('0.01') } }, 'totals: net + tax ≠ grandTotal'],
      [
        {
          ...cart,
          trace: { ...cart.trace, promotions: cart.trace.promotions.map((p) => ({ ...p, amount: usd('9.99') })) },
        },
        'promotion p: lines and shipping got 300, the trace says 999',
      ],
    ];
    for (const [broken, message] of cases) expect(pricedCartViolations(broken, false)).toContain(message);
    // The inclusive identity differs: the same cart read as tax-inclusive breaks it.
    expect(pricedCartViolations(cart, true)).toContain('line a: subtotal − discounts is not what was taxed');
  });
});
