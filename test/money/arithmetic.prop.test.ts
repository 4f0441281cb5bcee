import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  compare,
  divide,
  fromMinor,
  fromRatio,
  MoneyError,
  max,
  min,
  multiply,
  negate,
  percentage,
  percentageOf,
  subtract,
  sum,
} from '../../src/money/index.js';
import { currency, D, DECIMAL_ROUNDING, MAX, minorUnits, RUNS, rateString, rateValue, roundingMode } from './oracle.js';

/** Runs `compute`; the oracle's exact integer result must match, or be out of range and throw so. */
function expectExactOrOutOfRange(compute: () => number, exact: InstanceType<typeof D>): void {
  if (exact.abs().gt(MAX)) {
    expect(compute).toThrowError(expect.objectContaining({ code: 'amount_out_of_range' }));
  } else {
    expect(compute()).toBe(exact.toNumber() + 0);
  }
}

describe('add / subtract / negate against decimal.js', () => {
  it('add is exact or refuses out-of-range sums', () => {
    fc.assert(
      fc.property(minorUnits, minorUnits, currency, (a, b, c) => {
        expectExactOrOutOfRange(() => add(fromMinor(a, c), fromMinor(b, c)).amount, new D(a).plus(b));
      }),
      RUNS,
    );
  });

  it('subtract is exact, never -0, and is add of the negation', () => {
    fc.assert(
      fc.property(minorUnits, minorUnits, currency, (a, b, c) => {
        expectExactOrOutOfRange(() => subtract(fromMinor(a, c), fromMinor(b, c)).amount, new D(a).minus(b));
        const difference = new D(a).minus(b);
        if (difference.abs().lte(MAX)) {
          const result = subtract(fromMinor(a, c), fromMinor(b, c));
          expect(Object.is(result.amount, -0)).toBe(false);
          expect(result).toEqual(add(fromMinor(a, c), negate(fromMinor(b, c))));
        }
      }),
      RUNS,
    );
  });

  it('sum equals the exact total and fails only when it leaves the range', () => {
    fc.assert(
      fc.property(fc.array(minorUnits, { maxLength: 12 }), currency, (amounts, c) => {
        const exact = amounts.reduce((acc, a) => acc.plus(a), new D(0));
        // A running total may pass the limit and come back; ordercore refuses as soon as it leaves.
        let running = new D(0);
        let leaves = false;
        for (const a of amounts) {
          running = running.plus(a);
          if (running.abs().gt(MAX)) leaves = true;
        }
        const compute = () =>
          sum(
            amounts.map((a) => fromMinor(a, c)),
            c,
          ).amount;
        if (leaves) expect(compute).toThrowError(expect.objectContaining({ code: 'amount_out_of_range' }));
        else expect(compute()).toBe(exact.toNumber() + 0);
      }),
      RUNS,
    );
  });

  it('compare, min and max agree with the numeric order', () => {
    fc.assert(
      fc.property(minorUnits, minorUnits, currency, (a, b, c) => {
        const x = fromMinor(a, c);
        const y = fromMinor(b, c);
        expect(compare(x, y)).toBe(Math.sign(a - b) || (a === b ? 0 : a < b ? -1 : 1));
        expect(min(x, y).amount).toBe(Math.min(a, b));
        expect(max(x, y).amount).toBe(Math.max(a, b));
      }),
      RUNS,
    );
  });
});

describe('multiply against decimal.js, every rounding mode', () => {
  it('rounds the exact product once with the named mode', () => {
    fc.assert(
      fc.property(minorUnits, rateString, roundingMode, currency, (a, rate, mode, c) => {
        const exact = new D(a).times(rateValue(rate)).toDecimalPlaces(0, DECIMAL_ROUNDING[mode]);
        expectExactOrOutOfRange(() => multiply(fromMinor(a, c), rate, mode).amount, exact);
      }),
      RUNS,
    );
  });

  it('hits exact .5 ties in every mode (amount × 0.5 on odd amounts)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), roundingMode, (half, mode) => {
        const odd = half * 2 + 1;
        const exact = new D(odd).times('0.5').toDecimalPlaces(0, DECIMAL_ROUNDING[mode]);
        expect(multiply(fromMinor(odd, 'USD'), '0.5', mode).amount).toBe(exact.toNumber() + 0);
      }),
      RUNS,
    );
  });

  it('needs no mode when the product is whole, and demands one otherwise', () => {
    fc.assert(
      fc.property(minorUnits, rateString, (a, rate) => {
        const product = new D(a).times(rateValue(rate));
        const compute = () => multiply(fromMinor(a, 'USD'), rate).amount;
        if (!product.isInteger()) {
          expect(compute).toThrowError(expect.objectContaining({ code: 'rounding_required' }));
        } else {
          expectExactOrOutOfRange(compute, product);
        }
      }),
      RUNS,
    );
  });

  it('integer factors (quantities) are exact', () => {
    fc.assert(
      fc.property(minorUnits, fc.integer({ min: -100_000, max: 100_000 }), (a, q) => {
        expectExactOrOutOfRange(() => multiply(fromMinor(a, 'JPY'), q).amount, new D(a).times(q));
      }),
      RUNS,
    );
  });

  it('number rates mean their shortest decimal', () => {
    fc.assert(
      fc.property(
        minorUnits,
        fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e-3, max: 1e-3, noNaN: true })),
        roundingMode,
        (a, rate, mode) => {
          const decimal = new D(String(rate));
          const compute = () => multiply(fromMinor(a, 'EUR'), rate, mode).amount;
          expectExactOrOutOfRange(compute, decimal.times(a).toDecimalPlaces(0, DECIMAL_ROUNDING[mode]));
        },
      ),
      RUNS,
    );
  });

  it('percentage(x, p) equals multiply(x, p%)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        roundingMode,
        (a, p, mode) => {
          const pct = (p / 1000).toString();
          const exact = new D(a).times(pct).div(100).toDecimalPlaces(0, DECIMAL_ROUNDING[mode]);
          expect(percentage(fromMinor(a, 'USD'), pct, mode).amount).toBe(exact.toNumber() + 0);
        },
      ),
      RUNS,
    );
  });
});

describe('divide against decimal.js, every rounding mode', () => {
  it('rounds the exact quotient once with the named mode', () => {
    fc.assert(
      fc.property(minorUnits, rateString, roundingMode, currency, (a, divisor, mode, c) => {
        const value = rateValue(divisor);
        const compute = () => divide(fromMinor(a, c), divisor, mode).amount;
        if (value.isZero()) {
          expect(compute).toThrowError(expect.objectContaining({ code: 'division_by_zero' }));
          return;
        }
        expectExactOrOutOfRange(compute, new D(a).div(value).toDecimalPlaces(0, DECIMAL_ROUNDING[mode]));
      }),
      RUNS,
    );
  });

  it('small integer divisors, including ties', () => {
    fc.assert(
      fc.property(
        minorUnits,
        fc.integer({ min: -20, max: 20 }).filter((d) => d !== 0),
        roundingMode,
        (a, d, mode) => {
          const exact = new D(a).div(d).toDecimalPlaces(0, DECIMAL_ROUNDING[mode]);
          expect(divide(fromMinor(a, 'USD'), d, mode).amount).toBe(exact.toNumber() + 0);
        },
      ),
      RUNS,
    );
  });
});

describe('percentageOf against decimal.js', () => {
  it('is the exact ratio × 100 rounded to the requested decimals', () => {
    fc.assert(
      fc.property(
        minorUnits,
        minorUnits.filter((w) => w !== 0),
        fc.integer({ min: 0, max: 6 }),
        roundingMode,
        (part, whole, decimals, mode) => {
          const exact = new D(part).div(whole).times(100).toDecimalPlaces(decimals, DECIMAL_ROUNDING[mode]);
          const result = percentageOf(fromMinor(part, 'USD'), fromMinor(whole, 'USD'), { decimals, rounding: mode });
          expect(new D(result).eq(exact)).toBe(true);
          expect(result.split('.')[1]?.length ?? 0).toBe(decimals);
        },
      ),
      RUNS,
    );
  });
});

describe('errors are typed', () => {
  it('every failure of multiply/divide is a MoneyError, never a TypeError', () => {
    fc.assert(
      fc.property(minorUnits, fc.anything(), fc.anything(), (a, factor, mode) => {
        for (const op of [multiply, divide]) {
          try {
            op(fromMinor(a, 'USD'), factor as never, mode as never);
          } catch (e) {
            expect(e).toBeInstanceOf(MoneyError);
          }
        }
      }),
      RUNS,
    );
  });
});

describe('fromRatio against decimal.js', () => {
  it('rounds any exact fraction once with the named mode', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).filter((d) => d !== 0n),
        roundingMode,
        (numerator, denominator, mode) => {
          const exact = new D(numerator.toString())
            .div(denominator.toString())
            .toDecimalPlaces(0, DECIMAL_ROUNDING[mode]);
          expectExactOrOutOfRange(() => fromRatio(numerator, denominator, 'USD', mode).amount, exact);
        },
      ),
      RUNS,
    );
  });

  it('refuses zero denominators, non-bigints and missing modes with typed errors', () => {
    expect(() => fromRatio(1n, 0n, 'USD', 'floor')).toThrowError(expect.objectContaining({ code: 'division_by_zero' }));
    expect(() => fromRatio(1 as never, 2n, 'USD', 'floor')).toThrowError(
      expect.objectContaining({ code: 'invalid_argument' }),
    );
    expect(() => fromRatio(1n, 2n, 'USD')).toThrowError(expect.objectContaining({ code: 'rounding_required' }));
    expect(fromRatio(4n, 2n, 'USD')).toEqual({ amount: 2, currency: 'USD' });
  });
});
