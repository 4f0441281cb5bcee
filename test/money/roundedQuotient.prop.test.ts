// roundedQuotient: the integer quotient of safe integers with a named rounding mode, against
// decimal.js; worked examples for every mode; hostile input refused with a typed error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MoneyError, ROUNDING_MODES, roundedQuotient } from '../../src/money/index.js';
import { D, DECIMAL_ROUNDING, MAX, RUNS, roundingMode } from './oracle.js';

describe('roundedQuotient', () => {
  it('rounds ±2.5 and ±2.4 as each named mode says', () => {
    const table = {
      'half-even': [2, -2, 2, -2],
      'half-up': [3, -3, 2, -2],
      'half-down': [2, -2, 2, -2],
      'half-ceiling': [3, -2, 2, -2],
      'half-floor': [2, -3, 2, -2],
      up: [3, -3, 3, -3],
      down: [2, -2, 2, -2],
      ceiling: [3, -2, 3, -2],
      floor: [2, -3, 2, -3],
    } as const;
    for (const mode of ROUNDING_MODES) {
      expect(
        [5, -5, 12, -12].map((n) => roundedQuotient(n, n % 5 === 0 ? 2 : 5, mode)),
        mode,
      ).toEqual(table[mode]);
    }
    // 25 % of 19.99 is 4.9975: 5.00 at the cent, by every half mode.
    expect(roundedQuotient(1999 * 25, 100 * 10, 'half-even')).toBe(50);
  });

  it('agrees with decimal.js for any safe numerator, positive denominator and mode', () => {
    const denominator = fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 2 ** 40 }));
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 52), max: 2 ** 52 }), denominator, roundingMode, (numerator, d, mode) => {
        fc.pre(Math.abs(numerator) + d <= MAX);
        // + 0: decimal.js keeps the sign of a zero result (-0), an integer result has none.
        const exact = D(numerator).div(d).toDecimalPlaces(0, DECIMAL_ROUNDING[mode]).toNumber() + 0;
        expect(roundedQuotient(numerator, d, mode)).toBe(exact);
      }),
      RUNS,
    );
  });

  it('needs a mode only when the quotient is not whole', () => {
    expect(roundedQuotient(12, 4)).toBe(3);
    expect(() => roundedQuotient(13, 4)).toThrowError(expect.objectContaining({ code: 'rounding_required' }));
  });

  it.each([
    [Number.NaN, 2, 'invalid_argument'],
    [1.5, 2, 'invalid_argument'],
    [1, 2.5, 'invalid_argument'],
    [MAX + 1, 2, 'invalid_argument'],
    [1, 0, 'division_by_zero'],
    [1, -2, 'invalid_argument'],
    [MAX, 2, 'amount_out_of_range'],
    ['1' as unknown as number, 2, 'invalid_argument'],
  ])('refuses %s / %s with %s', (numerator, denominator, code) => {
    let thrown: unknown;
    try {
      roundedQuotient(numerator, denominator, 'half-even');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MoneyError);
    expect((thrown as MoneyError).code).toBe(code);
  });

  it('refuses an unknown rounding mode when rounding is needed', () => {
    expect(() => roundedQuotient(5, 2, 'sideways' as never)).toThrowError(
      expect.objectContaining({ code: 'invalid_rounding_mode' }),
    );
  });
});
