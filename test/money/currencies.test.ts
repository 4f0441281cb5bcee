import { describe, expect, it } from 'vitest';
import {
  format,
  getCurrency,
  listCurrencies,
  MoneyError,
  money,
  registerCurrency,
  toDecimal,
} from '../../src/money/index.js';

describe('currency table', () => {
  it('has the ISO 4217 minor units', () => {
    const expected: Record<string, number> = {
      USD: 2,
      EUR: 2,
      GBP: 2,
      JPY: 0,
      KRW: 0,
      CLP: 0,
      ISK: 0,
      VND: 0,
      KWD: 3,
      BHD: 3,
      JOD: 3,
      OMR: 3,
      TND: 3,
      LYD: 3,
      IQD: 3,
      CLF: 4,
      UYW: 4,
      XCG: 2,
      ZWG: 2,
    };
    for (const [code, exponent] of Object.entries(expected)) expect(getCurrency(code)?.exponent, code).toBe(exponent);
    // Codes with no minor unit (precious metals, test code) are not money here.
    for (const code of ['XAU', 'XXX', 'XTS', 'XDR']) expect(getCurrency(code), code).toBeUndefined();
  });

  it('lists currencies sorted, without duplicates', () => {
    const codes = listCurrencies().map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThan(150);
    const iso = codes.filter((c) => getCurrency(c) !== undefined);
    expect(iso.slice(0, 3)).toEqual(['AED', 'AFN', 'ALL']);
  });

  it('lookups are immune to prototype keys', () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
      expect(getCurrency(key)).toBeUndefined();
    expect(getCurrency(undefined as never)).toBeUndefined();
  });
});

describe('registerCurrency', () => {
  it('adds custom currencies usable everywhere', () => {
    const points = registerCurrency({ code: 'LOYALTY', exponent: 0 });
    expect(points).toEqual({ code: 'LOYALTY', exponent: 0 });
    expect(toDecimal(money('250', 'LOYALTY'))).toBe('250');
    expect(format(money('1250', 'LOYALTY'))).toBe('1,250 LOYALTY');
    registerCurrency({ code: 'SAT8', exponent: 8 });
    expect(money('0.00000001', 'SAT8').amount).toBe(1);
    expect(listCurrencies().at(-1)?.code).toBe('SAT8');
  });

  it('is idempotent for the same definition and refuses conflicting ones', () => {
    expect(registerCurrency({ code: 'USD', exponent: 2 })).toEqual({ code: 'USD', exponent: 2 });
    expect(() => registerCurrency({ code: 'USD', exponent: 0 })).toThrowError(
      expect.objectContaining({ code: 'currency_conflict' }),
    );
    registerCurrency({ code: 'GIFT', exponent: 2 });
    expect(() => registerCurrency({ code: 'GIFT', exponent: 3 })).toThrowError(
      expect.objectContaining({ code: 'currency_conflict' }),
    );
  });

  it('validates code and exponent with typed errors', () => {
    const bad: unknown[] = [
      { code: 'ab', exponent: 2 },
      { code: 'A', exponent: 2 },
      { code: 'TOOLONGCODE1', exponent: 2 },
      { code: 'ABC', exponent: -1 },
      { code: 'ABC', exponent: 13 },
      { code: 'ABC', exponent: 1.5 },
      { code: 'ABC', exponent: '2' },
      null,
      undefined,
      'ABC',
    ];
    for (const input of bad) {
      expect(() => registerCurrency(input as never)).toThrowError(MoneyError);
      try {
        registerCurrency(input as never);
      } catch (e) {
        expect((e as MoneyError).code).toBe('invalid_currency_code');
      }
    }
  });
});
