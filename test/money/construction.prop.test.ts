import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format, fromMinor, fromSnapshot, MoneyError, money, toDecimal, toSnapshot } from '../../src/money/index.js';
import {
  currency,
  D,
  DECIMAL_ROUNDING,
  decimalString,
  EXPONENT,
  MAX,
  minorUnits,
  RUNS,
  roundingMode,
} from './oracle.js';

const decimalAmount = fc
  .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 8 }))
  .map(([c, s]) => decimalString(c, s));

describe('money() from decimal strings against decimal.js', () => {
  it('is exact when the decimals fit, refuses precision loss otherwise, and never leaves the range', () => {
    fc.assert(
      fc.property(decimalAmount, currency, (text, c) => {
        const exponent = EXPONENT[c] as number;
        const minor = new D(text).times(new D(10).pow(exponent));
        const compute = () => money(text, c).amount;
        if (!minor.isInteger()) expect(compute).toThrowError(expect.objectContaining({ code: 'precision_loss' }));
        else if (minor.abs().gt(MAX))
          expect(compute).toThrowError(expect.objectContaining({ code: 'amount_out_of_range' }));
        else expect(compute()).toBe(minor.toNumber() + 0);
      }),
      RUNS,
    );
  });

  it('rounds extra decimals with the given mode exactly like decimal.js', () => {
    fc.assert(
      fc.property(decimalAmount, currency, roundingMode, (text, c, mode) => {
        const exponent = EXPONENT[c] as number;
        const minor = new D(text).times(new D(10).pow(exponent)).toDecimalPlaces(0, DECIMAL_ROUNDING[mode]);
        const compute = () => money(text, c, { rounding: mode }).amount;
        if (minor.abs().gt(MAX)) expect(compute).toThrowError(expect.objectContaining({ code: 'amount_out_of_range' }));
        else expect(compute()).toBe(minor.toNumber() + 0);
      }),
      RUNS,
    );
  });

  it('accepts a number exactly when its shortest decimal fits the currency', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), currency, (n, c) => {
        const exponent = EXPONENT[c] as number;
        const minor = new D(String(n)).times(new D(10).pow(exponent));
        const compute = () => money(n, c).amount;
        if (!minor.isInteger()) expect(compute).toThrowError(expect.objectContaining({ code: 'precision_loss' }));
        else if (minor.abs().gt(MAX))
          expect(compute).toThrowError(expect.objectContaining({ code: 'amount_out_of_range' }));
        else expect(compute()).toBe(minor.toNumber() + 0);
        expect(() => {
          try {
            compute();
          } catch (e) {
            if (!(e instanceof MoneyError)) throw e;
          }
        }).not.toThrow();
      }),
      RUNS,
    );
  });
});

describe('toDecimal, snapshots and format round-trip', () => {
  it('toDecimal is the exact decimal with exactly the currency decimals, and money() reads it back', () => {
    fc.assert(
      fc.property(minorUnits, currency, (minor, c) => {
        const exponent = EXPONENT[c] as number;
        const text = toDecimal(fromMinor(minor, c));
        expect(new D(text).eq(new D(minor).div(new D(10).pow(exponent)))).toBe(true);
        expect(text.split('.')[1]?.length ?? 0).toBe(exponent);
        expect(money(text, c)).toEqual(fromMinor(minor, c));
      }),
      RUNS,
    );
  });

  it('snapshots survive JSON.stringify / JSON.parse unchanged', () => {
    fc.assert(
      fc.property(minorUnits, currency, (minor, c) => {
        const original = fromMinor(minor, c);
        const wire = JSON.parse(JSON.stringify(toSnapshot(original)));
        expect(typeof wire.amount).toBe('string');
        expect(fromSnapshot(wire)).toEqual(original);
        // Money itself is plain data too.
        expect(JSON.parse(JSON.stringify(original))).toEqual(original);
      }),
      RUNS,
    );
  });

  it('format keeps every digit of large amounts (no float conversion)', () => {
    fc.assert(
      fc.property(minorUnits, (minor) => {
        const text = format(fromMinor(minor, 'USD'), { useGrouping: false });
        expect(text.replace(/[^0-9]/g, '')).toBe(String(Math.abs(minor)).padStart(3, '0'));
      }),
      RUNS,
    );
  });
});
