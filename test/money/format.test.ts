import { describe, expect, it } from 'vitest';
import { format, fromMinor, MoneyError, money } from '../../src/money/index.js';

// ICU separates some currencies with a narrow no-break space; normalise whitespace for comparisons.
const plain = (text: string): string => text.replace(/\s/g, ' ');

describe('format', () => {
  it('uses en-US by default, never the machine locale', () => {
    expect(format(money('1234.5', 'USD'))).toBe('$1,234.50');
    expect(format(money('-5', 'USD'))).toBe('-$5.00');
  });

  it('shows exactly the currency decimals, including 0 and 3', () => {
    expect(format(money('1500', 'JPY'))).toBe('¥1,500');
    expect(plain(format(money('1.5', 'KWD'), { currencyDisplay: 'code' }))).toBe('KWD 1.500');
    expect(plain(format(money('0.0001', 'CLF'), { currencyDisplay: 'code' }))).toBe('CLF 0.0001');
  });

  it('follows the locale and display options', () => {
    expect(plain(format(money('1234.5', 'EUR'), { locale: 'de-DE' }))).toBe('1.234,50 €');
    expect(plain(format(money('1234.5', 'EUR'), { locale: 'de-DE', currencyDisplay: 'code' }))).toBe('1.234,50 EUR');
    expect(format(money('-5', 'USD'), { currencySign: 'accounting' })).toBe('($5.00)');
    expect(format(money('5', 'USD'), { signDisplay: 'always' })).toBe('+$5.00');
    expect(format(money('1234', 'USD'), { useGrouping: false })).toBe('$1234.00');
    expect(format(money('1', 'USD'), { currencyDisplay: 'name' })).toBe('1.00 US dollars');
  });

  it('prints the largest amounts digit for digit', () => {
    expect(format(fromMinor(Number.MAX_SAFE_INTEGER, 'USD'))).toBe('$90,071,992,547,409.91');
    expect(format(fromMinor(-Number.MAX_SAFE_INTEGER, 'JPY'))).toBe('-¥9,007,199,254,740,991');
  });

  it('reports an unusable locale as a typed error', () => {
    expect(() => format(money('1', 'USD'), { locale: 'not a locale!' })).toThrowError(MoneyError);
  });
});

describe('unsupported locales', () => {
  it('fall back to en-US, never to the runtime default locale', () => {
    expect(Intl.NumberFormat.supportedLocalesOf(['qq-ZZ'])).toEqual([]);
    expect(format(money('1234.5', 'USD'), { locale: 'qq-ZZ' })).toBe('$1,234.50');
  });
});
