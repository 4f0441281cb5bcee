import { describe, expect, it } from 'vitest';
import {
  inverseStandardNormalLoss,
  ReplenishmentError,
  standardNormalCdf,
  standardNormalLoss,
  standardNormalPdf,
  standardNormalQuantile,
} from '../../src/replenishment/index.js';

// Reference values: z for common service levels and Φ from standard normal tables (to the digits
// printed there), far-tail Φ from R's pnorm (log.p-free double values), G(z) from Silver, Pyke &
// Thomas's loss-function table.

describe('standardNormalQuantile: safety factors for common cycle service levels', () => {
  it.each([
    [0.5, 0],
    [0.8, 0.841621],
    [0.9, 1.281552],
    [0.95, 1.644854],
    [0.975, 1.959964],
    [0.98, 2.053749],
    [0.99, 2.326348],
    [0.995, 2.575829],
    [0.999, 3.090232],
  ])('Φ⁻¹(%d) = %d', (p, z) => {
    expect(standardNormalQuantile(p)).toBeCloseTo(z, 6);
    expect(standardNormalQuantile(1 - p)).toBeCloseTo(-z, 6);
  });

  it('is exact to far below 1e-9 in the tails', () => {
    for (const p of [1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.02275013194817921]) {
      const z = standardNormalQuantile(p);
      expect(Math.abs(standardNormalCdf(z) - p) / p).toBeLessThan(1e-12);
    }
    expect(standardNormalQuantile(0.02275013194817921)).toBeCloseTo(-2, 12);
  });

  it('maps 0 and 1 to the infinities and refuses anything else outside [0, 1]', () => {
    expect(standardNormalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(standardNormalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    for (const p of [-0.1, 1.0000001, Number.POSITIVE_INFINITY]) {
      expect(() => standardNormalQuantile(p)).toThrow(ReplenishmentError);
    }
    expect(() => standardNormalQuantile(Number.NaN)).toThrowError(/p: expected a number/);
    expect(() => standardNormalQuantile('0.5' as unknown as number)).toThrow(ReplenishmentError);
  });
});

describe('standardNormalCdf', () => {
  it.each([
    [0, 0.5],
    [-1, 0.15865525393145707],
    [1.3, 0.9031995154143897],
    [1.96, 0.9750021048517795],
    [2.5, 0.9937903346742238],
    [-3, 0.0013498980316300946],
    [-5, 2.866515718791939e-7],
    [-8, 6.22096057427178e-16],
    [-10, 7.619853024160527e-24],
    [-20, 2.7536241186062344e-89],
  ])('Φ(%d) = %d to 1e-14 relative', (z, p) => {
    expect(Math.abs(standardNormalCdf(z) - p) / p).toBeLessThan(1e-13);
  });

  it('is continuous where the series hands over to the continued fraction (|z| = 3)', () => {
    for (const z of [-3, 3]) {
      const below = standardNormalCdf(z - 1e-9);
      const above = standardNormalCdf(z + 1e-9);
      expect(above).toBeGreaterThan(below);
      expect(above - below).toBeLessThan(2e-9 * standardNormalPdf(z) + 1e-15);
    }
  });

  it('handles the infinities and refuses NaN', () => {
    expect(standardNormalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(standardNormalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(() => standardNormalCdf(Number.NaN)).toThrow(ReplenishmentError);
  });
});

describe('standardNormalLoss and its inverse', () => {
  it.each([
    [-1, 1.0833154705876864],
    [0, 0.3989422804014327],
    [0.5, 0.19779655464608],
    [1, 0.08331547058768639],
    [1.3, 0.045528],
    [2, 0.008490702616829],
    [3, 0.000382154317],
  ])('G(%d) = %d', (z, g) => {
    expect(standardNormalLoss(z)).toBeCloseTo(g, 6);
  });

  it('keeps relative accuracy far in the upper tail, where φ − z(1 − Φ) cancels', () => {
    // G(z) = φ(z)(1/z² − 3/z⁴ + 15/z⁶ − …)/… ; at z = 10 the asymptotic series gives 7.474e-25.
    const z = 10;
    const asymptotic = (standardNormalPdf(z) / z ** 2) * (1 - 3 / z ** 2 + 15 / z ** 4 - 105 / z ** 6 + 945 / z ** 8);
    expect(Math.abs(standardNormalLoss(z) - asymptotic) / asymptotic).toBeLessThan(1e-6);
    expect(standardNormalLoss(z)).toBeGreaterThan(0);
  });

  it('inverts G: the safety factor for an expected shortfall', () => {
    expect(inverseStandardNormalLoss(0.045528)).toBeCloseTo(1.3, 5);
    expect(inverseStandardNormalLoss(standardNormalLoss(-2.5))).toBeCloseTo(-2.5, 10);
    expect(inverseStandardNormalLoss(standardNormalLoss(6))).toBeCloseTo(6, 8);
    expect(() => inverseStandardNormalLoss(0)).toThrow(ReplenishmentError);
    expect(() => inverseStandardNormalLoss(-1)).toThrowError(/l: expected a positive number/);
  });
});
