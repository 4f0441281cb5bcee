import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cumulativeAtp,
  discreteAtp,
  lookAheadAtp,
  promiseDate,
  type TimePhasedInput,
} from '../../src/inventory/index.js';
import { timePhasedInputArbitrary } from '../../src/testing/inventoryAtp.js';
import { deepFreeze } from './atpFixtures.js';

const RUNS = { numRuns: 300 };
const inputs = timePhasedInputArbitrary({ maxPeriods: 16, maxQuantity: 60, allowNegativeOnHand: true });

function ok<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw r.error;
  return r.value;
}

/** The input with `quantity` more committed demand in period `t`. */
function withDemand(input: TimePhasedInput, t: number, quantity: number): TimePhasedInput {
  return {
    onHand: input.onHand,
    periods: input.periods.map((p, s) => (s === t ? { ...p, demand: p.demand + quantity } : p)),
  };
}

/** Look-ahead ATP by its definition, quadratic: the least cumulative figure from t on, floored at 0. */
function lookAheadByDefinition(input: TimePhasedInput): number[] {
  const cumulative = ok(cumulativeAtp(input)).atp;
  return cumulative.map((_, t) => Math.max(0, Math.min(...cumulative.slice(t))));
}

describe('look-ahead ATP', () => {
  it('equals its definition (min over this and every later cumulative figure, floored at 0)', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        expect(ok(lookAheadAtp(input)).atp).toEqual(lookAheadByDefinition(input));
      }),
      RUNS,
    );
  });

  it('any quantity promised within it at period t, added as demand at t, makes no later period short or shorter', () => {
    fc.assert(
      fc.property(inputs, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), (input, pick, fraction) => {
        const before = ok(lookAheadAtp(input));
        const t = pick % input.periods.length;
        const quantity = Math.floor((before.atp[t] ?? 0) * fraction);
        const after = withDemand(input, t, quantity);
        const projectedBefore = ok(cumulativeAtp(input)).atp;
        const projectedAfter = ok(cumulativeAtp(after)).atp;
        for (let s = 0; s < projectedAfter.length; s++) {
          const was = projectedBefore[s] ?? 0;
          // A period that was not short stays not short; one that was short gets no shorter.
          expect(projectedAfter[s]).toBeGreaterThanOrEqual(Math.min(0, was));
        }
        // Recomputing: look-ahead ATP stays ≥ 0 and drops by exactly the promise from t on.
        const recomputed = ok(lookAheadAtp(after));
        for (let s = 0; s < recomputed.atp.length; s++) {
          expect(recomputed.atp[s]).toBeGreaterThanOrEqual(0);
          if (s >= t && quantity > 0) expect(recomputed.atp[s]).toBe((before.atp[s] ?? 0) - quantity);
        }
        expect(recomputed.shortfall).toBe(before.shortfall);
      }),
      RUNS,
    );
  });

  it('promising one unit more than it at period t makes some period from t on newly short', () => {
    fc.assert(
      fc.property(inputs, fc.nat(), (input, pick) => {
        const before = ok(lookAheadAtp(input));
        const t = pick % input.periods.length;
        const projected = ok(cumulativeAtp(withDemand(input, t, (before.atp[t] ?? 0) + 1))).atp;
        const original = ok(cumulativeAtp(input)).atp;
        expect(projected.some((x, s) => s >= t && x < 0 && x < Math.min(0, original[s] ?? 0))).toBe(true);
      }),
      RUNS,
    );
  });

  it('is non-negative, never decreasing, at most the cumulative figure where that is not negative', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const atp = ok(lookAheadAtp(input)).atp;
        const cumulative = ok(cumulativeAtp(input)).atp;
        atp.forEach((x, t) => {
          expect(x).toBeGreaterThanOrEqual(0);
          if (t > 0) expect(x).toBeGreaterThanOrEqual(atp[t - 1] ?? 0);
          expect(x).toBeLessThanOrEqual(Math.max(0, cumulative[t] ?? 0));
        });
      }),
      RUNS,
    );
  });

  it('is monotone in on hand', () => {
    fc.assert(
      fc.property(inputs, fc.integer({ min: 0, max: 50 }), (input, more) => {
        const base = ok(lookAheadAtp(input)).atp;
        const richer = ok(lookAheadAtp({ ...input, onHand: input.onHand + more })).atp;
        richer.forEach((x, t) => {
          expect(x).toBeGreaterThanOrEqual(base[t] ?? 0);
          expect(x).toBeLessThanOrEqual((base[t] ?? 0) + more);
        });
      }),
      RUNS,
    );
  });
});

describe('discrete ATP', () => {
  it('its netted figures sum, period by period, to the look-ahead cumulative ATP; shortfalls agree', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const discrete = ok(discreteAtp(input));
        const lookAhead = ok(lookAheadAtp(input));
        let running = 0;
        discrete.netted.forEach((x, t) => {
          expect(x).toBeGreaterThanOrEqual(0);
          running += x;
          expect(running).toBe(lookAhead.atp[t]);
        });
        expect(discrete.shortfall).toBe(lookAhead.shortfall);
      }),
      RUNS,
    );
  });

  it('is 0 outside the first period and receipt periods, and its raw figures sum to the final cumulative ATP', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const { atp } = ok(discreteAtp(input));
        atp.forEach((x, t) => {
          if (t > 0 && input.periods[t]?.receipts === 0) expect(x).toBe(0);
        });
        expect(atp.reduce((a, b) => a + b, 0)).toBe(ok(cumulativeAtp(input)).atp.at(-1));
      }),
      RUNS,
    );
  });
});

describe('promiseDate', () => {
  it('the period is the first from earliest whose look-ahead ATP covers the quantity; split deliveries never exceed it', () => {
    fc.assert(
      fc.property(inputs, fc.integer({ min: 1, max: 200 }), fc.nat(), fc.boolean(), (input, quantity, pick, split) => {
        const earliest = pick % input.periods.length;
        const atp = ok(lookAheadAtp(input)).atp;
        const promise = ok(promiseDate(input, quantity, { earliest, split }));
        const expected = atp.findIndex((x, t) => t >= earliest && x >= quantity);
        expect(promise.period).toBe(expected === -1 ? null : expected);
        const delivered = promise.deliveries.reduce((sum, d) => sum + d.quantity, 0);
        expect(delivered + promise.unpromised).toBe(quantity);
        // Adding every delivery as demand keeps every period as it was or better than short.
        let after = input;
        for (const d of promise.deliveries) {
          expect(d.period).toBeGreaterThanOrEqual(earliest);
          expect(d.quantity).toBeGreaterThan(0);
          after = withDemand(after, d.period, d.quantity);
        }
        const before = ok(cumulativeAtp(input)).atp;
        ok(cumulativeAtp(after)).atp.forEach((x, s) => {
          expect(x).toBeGreaterThanOrEqual(Math.min(0, before[s] ?? 0));
        });
        if (!split) expect(promise.deliveries.length).toBe(promise.period === null ? 0 : 1);
        // A split promise delivers as much as the horizon allows.
        if (split) expect(delivered).toBe(Math.min(quantity, atp.at(-1) ?? 0));
      }),
      RUNS,
    );
  });
});

describe('inputs are never written', () => {
  it('deep-frozen inputs go through every function', () => {
    fc.assert(
      fc.property(timePhasedInputArbitrary({ labels: true }), (input) => {
        const frozen = deepFreeze(structuredClone(input));
        expect(cumulativeAtp(frozen).ok && lookAheadAtp(frozen).ok && discreteAtp(frozen).ok).toBe(true);
        expect(promiseDate(frozen, 1, { split: true }).ok).toBe(true);
        expect(frozen).toEqual(input);
      }),
      { numRuns: 100 },
    );
  });
});
