import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  economicOrderQuantity,
  eoqWithQuantityDiscounts,
  expectedShortage,
  safetyStockForFillRate,
  safetyStockForServiceLevel,
  suggestReplenishment,
} from '../../src/replenishment/index.js';

function value<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error('expected ok');
  return r.value;
}

const positive = (max: number) => fc.double({ min: 0.01, max, noNaN: true });
const level = fc.double({ min: 0.01, max: 0.99, noNaN: true });

describe('replenishment properties', () => {
  it('safety stock increases with the service level (and with σ)', () => {
    fc.assert(
      fc.property(positive(1000), positive(300), positive(20), level, level, (d, sd, l, a, b) => {
        fc.pre(Math.abs(a - b) > 1e-6);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const low = value(
          safetyStockForServiceLevel({ demandPerPeriod: d, demandStdDev: sd, leadTime: l, serviceLevel: lo }),
        );
        const high = value(
          safetyStockForServiceLevel({ demandPerPeriod: d, demandStdDev: sd, leadTime: l, serviceLevel: hi }),
        );
        expect(high.safetyStock).toBeGreaterThan(low.safetyStock);
      }),
    );
  });

  it('EOQ cost is minimal at Q*', () => {
    fc.assert(
      fc.property(
        positive(1e5),
        positive(500),
        positive(50),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        (lambda, k, h, factor) => {
          fc.pre(Math.abs(factor - 1) > 1e-6);
          const eoq = value(economicOrderQuantity({ demandRate: lambda, orderingCost: k, holdingCost: h }));
          const q = eoq.quantity * factor;
          const cost = (k * lambda) / q + (h * q) / 2;
          expect(cost).toBeGreaterThan(eoq.totalCost * (1 - 1e-12));
        },
      ),
    );
  });

  it('quantity discounts: no quantity on a fine grid beats the answer', () => {
    const breaksArb = fc
      .uniqueArray(fc.integer({ min: 1, max: 3000 }), { minLength: 0, maxLength: 3 })
      .chain((mins) => {
        const sorted = [0, ...mins.sort((a, b) => a - b)];
        return fc
          .array(fc.double({ min: 0.5, max: 10, noNaN: true }), { minLength: sorted.length, maxLength: sorted.length })
          .map((costs) => {
            const desc = costs.sort((a, b) => b - a);
            return sorted.map((minQuantity, i) => ({ minQuantity, unitCost: desc[i] as number }));
          });
      });
    fc.assert(
      fc.property(
        positive(5000),
        positive(100),
        fc.double({ min: 0.05, max: 0.5, noNaN: true }),
        breaksArb,
        fc.constantFrom('all_units' as const, 'incremental' as const),
        (lambda, k, i, breaks, kind) => {
          const best = value(
            eoqWithQuantityDiscounts({ demandRate: lambda, orderingCost: k, holdingRate: i, breaks, kind }),
          );
          const unit = (q: number) => [...breaks].reverse().find((b) => q >= b.minQuantity) as { unitCost: number };
          const purchase = (q: number) => {
            if (kind === 'all_units') return unit(q).unitCost * q;
            let cost = 0;
            breaks.forEach((b, j) => {
              const to = breaks[j + 1]?.minQuantity ?? Number.POSITIVE_INFINITY;
              if (q > b.minQuantity) cost += (Math.min(q, to) - b.minQuantity) * b.unitCost;
            });
            return cost;
          };
          const total = (q: number) => (lambda * purchase(q)) / q + (k * lambda) / q + (i * purchase(q)) / 2;
          expect(best.totalCost).toBeCloseTo(total(best.quantity), 6);
          for (let q = 1; q <= 6000; q += 7) expect(total(q)).toBeGreaterThanOrEqual(best.totalCost * (1 - 1e-9));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('fill rates lie in [0, 1] and the fill-rate safety stock meets its target', () => {
    fc.assert(
      fc.property(
        positive(500),
        positive(200),
        positive(10),
        positive(2000),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        fc.boolean(),
        (d, sd, l, q, beta, lostSales) => {
          const base = { demandPerPeriod: d, demandStdDev: sd, leadTime: l, orderQuantity: q, lostSales };
          const ss = value(safetyStockForFillRate({ ...base, fillRate: beta }));
          const back = value(expectedShortage({ ...base, reorderPoint: ss.reorderPoint }));
          expect(back.fillRate).toBeGreaterThanOrEqual(0);
          expect(back.fillRate).toBeLessThanOrEqual(1);
          expect(back.fillRate).toBeCloseTo(beta, 8);
        },
      ),
    );
  });

  it('suggestions: after ordering, the position is above the trigger; min/max orders whole multiples', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 48 }),
        (onHand, onOrder, backorders, min, spread, multiple) => {
          const position = { onHand, onOrder, backorders };
          const policy = { kind: 'min_max' as const, min, max: min + spread, multiple };
          const r = value(suggestReplenishment(position, policy, { now: '2026-11-22T00:00:00Z' }));
          expect(r.quantity % multiple).toBe(0);
          if (r.inventoryPosition <= min) {
            expect(r.positionAfterOrder).toBeGreaterThanOrEqual(min + spread);
            expect(r.positionAfterOrder).toBeLessThan(min + spread + multiple);
          } else expect(r.quantity).toBe(0);
        },
      ),
    );
  });
});
