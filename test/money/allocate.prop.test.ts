import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, fromMinor, splitEvenly } from '../../src/money/index.js';
import { D, decimalString, minorUnits, RUNS } from './oracle.js';

const integerWeights = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 });
const decimalWeights = fc.array(
  fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }))
    .map(([c, s]) => decimalString(c, s)),
  { minLength: 1, maxLength: 12 },
);

/** Reference largest remainder with decimal.js: floor shares, leftover by remainder desc then index asc. */
function reference(total: number, weights: readonly string[]): number[] {
  const magnitude = new D(total).abs();
  const weightSum = weights.reduce((acc, w) => acc.plus(w), new D(0));
  const exact = weights.map((w) => magnitude.times(w).div(weightSum));
  const shares = exact.map((e) => e.floor());
  let leftover = magnitude.minus(shares.reduce((acc, s) => acc.plus(s), new D(0))).toNumber();
  const order = exact
    .map((e, i) => ({ remainder: e.minus(e.floor()), i }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.i - b.i);
  const result = shares.map((s) => s.toNumber());
  for (const { i } of order) {
    if (leftover === 0) break;
    result[i] = (result[i] as number) + 1;
    leftover -= 1;
  }
  return result.map((r) => (total < 0 ? 0 - r : r));
}

function invariants(total: number, weights: readonly string[], parts: readonly { amount: number }[]): void {
  expect(parts).toHaveLength(weights.length);
  expect(parts.reduce((acc, p) => acc + p.amount, 0)).toBe(total);
  const weightSum = weights.reduce((acc, w) => acc.plus(w), new D(0));
  parts.forEach((part, i) => {
    const w = new D(weights[i] as string);
    if (w.isZero()) expect(part.amount).toBe(0);
    // Each part is within one minor unit of its exact share, and never of the opposite sign.
    const share = new D(total).times(w).div(weightSum);
    expect(new D(part.amount).minus(share).abs().lt(1)).toBe(true);
    expect(part.amount === 0 || Math.sign(part.amount) === Math.sign(total)).toBe(true);
    expect(Object.is(part.amount, -0)).toBe(false);
  });
}

describe('allocate by largest remainder', () => {
  it('integer weights: parts sum exactly, match the reference, and respect zero weights', () => {
    fc.assert(
      fc.property(minorUnits, integerWeights, (total, weights) => {
        fc.pre(weights.some((w) => w > 0));
        const asStrings = weights.map(String);
        const parts = allocate(fromMinor(total, 'USD'), weights);
        invariants(total, asStrings, parts);
        expect(parts.map((p) => p.amount)).toEqual(reference(total, asStrings));
      }),
      RUNS,
    );
  });

  it('decimal weights: same guarantees through the exact (bigint) path', () => {
    fc.assert(
      fc.property(minorUnits, decimalWeights, (total, weights) => {
        fc.pre(weights.some((w) => !new D(w).isZero()));
        const parts = allocate(fromMinor(total, 'KWD'), weights);
        invariants(total, weights, parts);
        expect(parts.map((p) => p.amount)).toEqual(reference(total, weights));
      }),
      RUNS,
    );
  });

  it('scaling all weights by the same factor changes nothing', () => {
    fc.assert(
      fc.property(minorUnits, integerWeights, fc.integer({ min: 1, max: 1000 }), (total, weights, k) => {
        fc.pre(weights.some((w) => w > 0));
        const a = allocate(fromMinor(total, 'EUR'), weights);
        const b = allocate(
          fromMinor(total, 'EUR'),
          weights.map((w) => w * k),
        );
        expect(b).toEqual(a);
      }),
      RUNS,
    );
  });

  it('splitEvenly: parts differ by at most one unit, larger ones first', () => {
    fc.assert(
      fc.property(minorUnits, fc.integer({ min: 1, max: 50 }), (total, count) => {
        const parts = splitEvenly(fromMinor(total, 'USD'), count).map((p) => p.amount);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        const magnitudes = parts.map(Math.abs);
        expect(Math.max(...magnitudes) - Math.min(...magnitudes)).toBeLessThanOrEqual(1);
        expect([...magnitudes].sort((x, y) => y - x)).toEqual(magnitudes);
      }),
      RUNS,
    );
  });
});
