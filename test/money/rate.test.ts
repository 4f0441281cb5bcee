import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, divide, fromMinor, MoneyError, money, multiply, rate, toDecimal } from '../../src/money/index.js';
import { minorUnits, RUNS, rateString, roundingMode } from './oracle.js';

describe('rate()', () => {
  it('normalises the value to a plain decimal string', () => {
    expect(rate('8.875%').decimal).toBe('0.08875');
    expect(rate('0.10').decimal).toBe('0.1');
    expect(rate(3).decimal).toBe('3');
    expect(rate(0.5).decimal).toBe('0.5');
    expect(rate(-12n).decimal).toBe('-12');
    expect(rate('1.5e-3').decimal).toBe('0.0015');
    expect(rate('2.5E2').decimal).toBe('250');
    expect(rate('-0.000').decimal).toBe('0');
  });

  it('is frozen plain data that survives JSON and reads back', () => {
    const tax = rate('8.875%');
    expect(Object.isFrozen(tax)).toBe(true);
    const wire = JSON.parse(JSON.stringify(tax));
    expect(wire).toEqual({ kind: 'parsed-rate', decimal: '0.08875' });
    expect(multiply(money('59.97', 'USD'), wire, 'half-even')).toEqual(
      multiply(money('59.97', 'USD'), tax, 'half-even'),
    );
    expect(rate(wire)).toEqual(tax);
  });

  it('refuses forged or broken rate objects with a typed error', () => {
    for (const forged of [
      { kind: 'parsed-rate' },
      { kind: 'parsed-rate', decimal: 'abc' },
      { kind: 'other', decimal: '1' },
      {},
    ]) {
      expect(() => multiply(money('1', 'USD'), forged as never, 'half-even')).toThrowError(MoneyError);
    }
    expect(() => rate('1,5')).toThrowError(expect.objectContaining({ code: 'invalid_rate' }));
  });

  it('gives exactly the results of the string it was parsed from, in every operation', () => {
    fc.assert(
      fc.property(minorUnits, rateString, roundingMode, (a, text, mode) => {
        const parsed = rate(text);
        const run = (f: () => unknown): unknown => {
          try {
            return f();
          } catch (e) {
            return (e as MoneyError).code;
          }
        };
        const m = fromMinor(a, 'USD');
        expect(run(() => multiply(m, parsed, mode))).toEqual(run(() => multiply(m, text, mode)));
        expect(run(() => divide(m, parsed, mode))).toEqual(run(() => divide(m, text, mode)));
        expect(run(() => allocate(m, [parsed, 1]))).toEqual(run(() => allocate(m, [text, 1])));
      }),
      RUNS,
    );
  });

  it('is usable in a loop: the same results as strings, interleaving many rates', () => {
    const rates = ['10%', '8.875%', '0.5', '7.25%', '0.19', '1/3'];
    const amounts = [money('19.99', 'USD'), money('0.05', 'USD'), money('-123.45', 'USD')];
    for (let round = 0; round < 3; round++) {
      for (const r of rates.slice(0, 5)) {
        for (const a of amounts)
          expect(toDecimal(multiply(a, r, 'half-even'))).toBe(toDecimal(multiply(a, rate(r), 'half-even')));
      }
    }
    expect(() => multiply(amounts[0] as never, rates[5] as string, 'half-even')).toThrowError(
      expect.objectContaining({ code: 'invalid_rate' }),
    );
  });
});
