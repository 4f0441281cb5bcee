import { describe, expect, it } from 'vitest';
import { isOrdercoreError, OrdercoreError } from '../../src/core/index.js';
import {
  abs,
  add,
  allocate,
  compare,
  divide,
  equals,
  fromMinor,
  fromSnapshot,
  greaterThan,
  isMoney,
  isNegative,
  isPositive,
  isZero,
  lessThanOrEqual,
  MoneyError,
  max,
  min,
  money,
  multiply,
  negate,
  percentage,
  percentageOf,
  ROUNDING_MODES,
  type RoundingMode,
  splitEvenly,
  subtract,
  sum,
  toDecimal,
  toSnapshot,
  zero,
} from '../../src/money/index.js';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(MoneyError);
    expect(isOrdercoreError(e)).toBe(true);
    return (e as MoneyError).code;
  }
  return undefined;
}

describe('construction', () => {
  it('reads decimal strings digit by digit, in every exponent', () => {
    expect(money('12.30', 'USD')).toEqual({ amount: 1230, currency: 'USD' });
    expect(money('12.3', 'USD').amount).toBe(1230);
    expect(money('-0.01', 'USD').amount).toBe(-1);
    expect(money('1500', 'JPY').amount).toBe(1500);
    expect(money('1.234', 'KWD').amount).toBe(1234);
    expect(money('0.0001', 'CLF').amount).toBe(1);
    expect(money('+7', 'EUR').amount).toBe(700);
    expect(money('12.300000', 'USD').amount).toBe(1230);
    expect(money('1.5e2', 'USD').amount).toBe(15000);
    expect(money('90071992547409.91', 'USD').amount).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('never produces -0', () => {
    expect(Object.is(money('-0', 'USD').amount, 0)).toBe(true);
    expect(Object.is(money('-0.00', 'USD').amount, 0)).toBe(true);
    expect(Object.is(fromMinor(-0, 'USD').amount, 0)).toBe(true);
    expect(Object.is(negate(zero('USD')).amount, 0)).toBe(true);
    expect(Object.is(multiply(zero('USD'), -3).amount, 0)).toBe(true);
    expect(Object.is(multiply(money('-0.01', 'USD'), '0.1', 'half-even').amount, 0)).toBe(true);
  });

  it('takes numbers only when exact at the currency scale', () => {
    expect(money(12.3, 'USD').amount).toBe(1230);
    expect(money(0.1, 'USD').amount).toBe(10);
    expect(codeOf(() => money(0.1 + 0.2, 'USD'))).toBe('precision_loss');
    expect(codeOf(() => money(12.345, 'USD'))).toBe('precision_loss');
    expect(money(12.345, 'KWD').amount).toBe(12345);
    expect(money(12n, 'USD').amount).toBe(1200);
  });

  it('rounds extra decimals only when told how', () => {
    expect(codeOf(() => money('12.345', 'USD'))).toBe('precision_loss');
    expect(money('12.345', 'USD', { rounding: 'half-even' }).amount).toBe(1234);
    expect(money('12.345', 'USD', { rounding: 'half-up' }).amount).toBe(1235);
    expect(money('-12.345', 'USD', { rounding: 'half-up' }).amount).toBe(-1235);
    expect(money('-12.345', 'USD', { rounding: 'half-ceiling' }).amount).toBe(-1234);
    expect(money('12.341', 'USD', { rounding: 'ceiling' }).amount).toBe(1235);
    expect(money('-12.349', 'USD', { rounding: 'down' }).amount).toBe(-1234);
  });

  it('refuses amounts beyond the safe range with a typed error, never a wrong number', () => {
    expect(codeOf(() => money('90071992547409.92', 'USD'))).toBe('amount_out_of_range');
    expect(codeOf(() => fromMinor(2 ** 53, 'USD'))).toBe('amount_out_of_range');
    expect(codeOf(() => fromMinor(9007199254740993n, 'USD'))).toBe('amount_out_of_range');
    expect(codeOf(() => fromMinor('-9007199254740992', 'USD'))).toBe('amount_out_of_range');
    expect(fromMinor('-9007199254740991', 'USD').amount).toBe(-Number.MAX_SAFE_INTEGER);
    const big = fromMinor(Number.MAX_SAFE_INTEGER, 'USD');
    expect(codeOf(() => add(big, fromMinor(1, 'USD')))).toBe('amount_out_of_range');
    expect(codeOf(() => subtract(negate(big), fromMinor(1, 'USD')))).toBe('amount_out_of_range');
    expect(codeOf(() => multiply(big, 2))).toBe('amount_out_of_range');
    expect(codeOf(() => multiply(big, '1.0000001', 'half-even'))).toBe('amount_out_of_range');
    expect(codeOf(() => divide(big, '0.5'))).toBe('amount_out_of_range');
    expect(multiply(big, '0.5', 'floor').amount).toBe(4503599627370495);
  });

  it('refuses hostile amounts with invalid_amount', () => {
    for (const hostile of [
      '',
      ' 1',
      '1 ',
      '1,000.00',
      '1.',
      '.5',
      'NaN',
      'Infinity',
      '-',
      '0x10',
      '1e400',
      '1e-99999',
      '١٢',
    ]) {
      expect(codeOf(() => money(hostile, 'USD'))).toBe('invalid_amount');
    }
    for (const hostile of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      null,
      undefined,
      {},
      [],
      true,
    ]) {
      expect(codeOf(() => money(hostile as never, 'USD'))).toBe('invalid_amount');
    }
    expect(codeOf(() => money('9'.repeat(1000), 'USD'))).toBe('invalid_amount');
    expect(codeOf(() => fromMinor(1.5, 'USD'))).toBe('invalid_amount');
    expect(codeOf(() => fromMinor('1.5', 'USD'))).toBe('invalid_amount');
  });

  it('refuses unknown and malformed currencies', () => {
    expect(codeOf(() => money('1', 'XYZ'))).toBe('unknown_currency');
    expect(codeOf(() => money('1', 'usd'))).toBe('invalid_currency_code');
    expect(codeOf(() => money('1', '__proto__'))).toBe('invalid_currency_code');
    expect(codeOf(() => money('1', 'TOSTRING'))).toBe('unknown_currency');
    expect(codeOf(() => zero(42 as never))).toBe('invalid_currency_code');
    expect(codeOf(() => toDecimal({ amount: 1, currency: 'XYZ' }))).toBe('unknown_currency');
  });
});

describe('arithmetic worked examples', () => {
  it('adds and subtracts without float noise', () => {
    expect(toDecimal(add(money('0.10', 'USD'), money('0.20', 'USD')))).toBe('0.30');
    expect(toDecimal(subtract(money('5.00', 'EUR'), money('7.25', 'EUR')))).toBe('-2.25');
    expect(toDecimal(abs(money('-3.10', 'USD')))).toBe('3.10');
  });

  it('multiplies by quantities, rates and percentages', () => {
    expect(toDecimal(multiply(money('19.99', 'USD'), 3))).toBe('59.97');
    // 59.97 × 8.875 % = 5.3223375 → 5.32
    expect(toDecimal(multiply(money('59.97', 'USD'), '8.875%', 'half-even'))).toBe('5.32');
    expect(toDecimal(multiply(money('59.97', 'USD'), '0.08875', 'half-even'))).toBe('5.32');
    expect(toDecimal(multiply(money('100.00', 'USD'), '33.33%', 'half-even'))).toBe('33.33');
    expect(toDecimal(percentage(money('80.00', 'USD'), 15))).toBe('12.00');
    expect(toDecimal(percentage(money('80.00', 'USD'), '15%'))).toBe('12.00');
  });

  it('applies each rounding mode to the textbook ties', () => {
    // 0.025, -0.025, 0.035 → 2 decimals (amount 5 × 0.5 = 2.5 minor units, and so on)
    const cases: [string, string, Record<string, string>][] = [
      [
        '0.05',
        '0.5',
        {
          'half-even': '0.02',
          'half-up': '0.03',
          'half-down': '0.02',
          'half-ceiling': '0.03',
          'half-floor': '0.02',
          up: '0.03',
          down: '0.02',
          ceiling: '0.03',
          floor: '0.02',
        },
      ],
      [
        '-0.05',
        '0.5',
        {
          'half-even': '-0.02',
          'half-up': '-0.03',
          'half-down': '-0.02',
          'half-ceiling': '-0.02',
          'half-floor': '-0.03',
          up: '-0.03',
          down: '-0.02',
          ceiling: '-0.02',
          floor: '-0.03',
        },
      ],
      [
        '0.07',
        '0.5',
        {
          'half-even': '0.04',
          'half-up': '0.04',
          'half-down': '0.03',
          'half-ceiling': '0.04',
          'half-floor': '0.03',
          up: '0.04',
          down: '0.03',
          ceiling: '0.04',
          floor: '0.03',
        },
      ],
      [
        '0.07',
        '0.51',
        {
          'half-even': '0.04',
          'half-up': '0.04',
          'half-down': '0.04',
          'half-ceiling': '0.04',
          'half-floor': '0.04',
          up: '0.04',
          down: '0.03',
          ceiling: '0.04',
          floor: '0.03',
        },
      ],
    ];
    for (const [amount, factor, expected] of cases) {
      for (const [mode, result] of Object.entries(expected)) {
        expect(`${amount}×${factor} ${mode}=${toDecimal(multiply(money(amount, 'USD'), factor, mode as never))}`).toBe(
          `${amount}×${factor} ${mode}=${result}`,
        );
      }
    }
  });

  it('demands a rounding mode instead of guessing', () => {
    expect(codeOf(() => multiply(money('0.05', 'USD'), '0.5'))).toBe('rounding_required');
    expect(codeOf(() => divide(money('10.00', 'USD'), 3))).toBe('rounding_required');
    expect(toDecimal(multiply(money('0.04', 'USD'), '0.5'))).toBe('0.02');
    expect(codeOf(() => multiply(money('1', 'USD'), '0.5', 'HALF_EVEN' as never))).toBe('invalid_rounding_mode');
  });

  it('divides exactly and rejects zero', () => {
    expect(toDecimal(divide(money('10.00', 'USD'), 3, 'half-even'))).toBe('3.33');
    expect(toDecimal(divide(money('10.00', 'USD'), 3, 'ceiling'))).toBe('3.34');
    expect(toDecimal(divide(money('10.00', 'USD'), '-4', 'half-even'))).toBe('-2.50');
    expect(toDecimal(divide(money('10.00', 'USD'), '1.25'))).toBe('8.00');
    expect(toDecimal(divide(money('0.01', 'USD'), '0.5'))).toBe('0.02');
    expect(codeOf(() => divide(money('1', 'USD'), 0))).toBe('division_by_zero');
    expect(codeOf(() => divide(money('1', 'USD'), '0.000'))).toBe('division_by_zero');
  });

  it('expresses one amount as a percentage of another', () => {
    expect(percentageOf(money('12.50', 'USD'), money('100.00', 'USD'))).toBe('12.50');
    expect(percentageOf(money('1.00', 'USD'), money('3.00', 'USD'), { decimals: 4 })).toBe('33.3333');
    expect(percentageOf(money('2.00', 'USD'), money('3.00', 'USD'), { decimals: 0 })).toBe('67');
    expect(percentageOf(money('-1.00', 'USD'), money('8.00', 'USD'), { decimals: 1 })).toBe('-12.5');
    expect(codeOf(() => percentageOf(money('1', 'USD'), zero('USD')))).toBe('division_by_zero');
    expect(codeOf(() => percentageOf(money('1', 'USD'), money('1', 'USD'), { decimals: 1.5 }))).toBe(
      'invalid_argument',
    );
  });

  it('refuses to mix currencies at run time', () => {
    const usd = money('1', 'USD');
    const eur = money('1', 'EUR') as never;
    expect(codeOf(() => add(usd, eur))).toBe('currency_mismatch');
    expect(codeOf(() => subtract(usd, eur))).toBe('currency_mismatch');
    expect(codeOf(() => compare(usd, eur))).toBe('currency_mismatch');
    expect(codeOf(() => min(usd, eur))).toBe('currency_mismatch');
    expect(codeOf(() => sum([usd, eur]))).toBe('currency_mismatch');
    expect(codeOf(() => sum([usd], 'EUR' as never))).toBe('currency_mismatch');
    expect(codeOf(() => percentageOf(usd, eur))).toBe('currency_mismatch');
    expect(equals(usd, eur)).toBe(false);
  });

  it('compares, aggregates and tests signs', () => {
    const a = money('1.00', 'USD');
    const b = money('2.00', 'USD');
    expect(compare(a, b)).toBe(-1);
    expect(compare(b, a)).toBe(1);
    expect(compare(a, money('1', 'USD'))).toBe(0);
    expect(greaterThan(b, a)).toBe(true);
    expect(lessThanOrEqual(a, a)).toBe(true);
    expect(equals(money('1.5', 'USD'), money('1.50', 'USD'))).toBe(true);
    expect(min(b, a, b)).toBe(a);
    expect(max(a, b, a)).toBe(b);
    expect(toDecimal(sum([a, b, a]))).toBe('4.00');
    expect(sum([], 'JPY')).toEqual({ amount: 0, currency: 'JPY' });
    expect(codeOf(() => sum([]))).toBe('invalid_argument');
    expect([isZero(zero('USD')), isNegative(money('-0.01', 'USD')), isPositive(money('0.01', 'USD'))]).toEqual([
      true,
      true,
      true,
    ]);
    expect([isZero(a), isNegative(zero('USD')), isPositive(zero('USD'))]).toEqual([false, false, false]);
  });

  it('rejects things that are not money with a typed error, never a TypeError', () => {
    const hostile: unknown[] = [
      undefined,
      null,
      1,
      'USD',
      {},
      { amount: 1.5, currency: 'USD' },
      { amount: '1', currency: 'USD' },
      { amount: 1 },
      [],
      { amount: Number.NaN, currency: 'USD' },
    ];
    for (const value of hostile) {
      for (const run of [
        () => add(value as never, money('1', 'USD')),
        () => add(money('1', 'USD'), value as never),
        () => negate(value as never),
        () => multiply(value as never, 2),
        () => divide(value as never, 2),
        () => toDecimal(value as never),
        () => isZero(value as never),
        () => allocate(value as never, [1]),
        () => max(money('1', 'USD'), value as never),
        () => sum(value as never),
        () => toSnapshot(value as never),
      ]) {
        expect(codeOf(run)).toMatch(/^invalid_/);
      }
      if (
        !(typeof value === 'object' && value !== null && typeof (value as { amount?: unknown }).amount === 'string')
      ) {
        expect(codeOf(() => fromSnapshot(value as never))).toMatch(/^invalid_/);
      }
    }
  });

  it('never mutates its arguments', () => {
    const a = Object.freeze(money('1.00', 'USD'));
    const b = Object.freeze(money('2.00', 'USD'));
    expect(() => [
      add(a, b),
      subtract(a, b),
      multiply(a, '1.5', 'half-even'),
      divide(a, 3, 'floor'),
      allocate(a, [1, 2]),
      negate(a),
    ]).not.toThrow();
    expect(a).toEqual({ amount: 100, currency: 'USD' });
  });
});

describe('allocate worked examples', () => {
  it('splits 10.00 three ways as 3.34 / 3.33 / 3.33', () => {
    expect(allocate(money('10.00', 'USD'), [1, 1, 1]).map(toDecimal)).toEqual(['3.34', '3.33', '3.33']);
  });

  it('gives leftover units to the largest remainders, earlier parts on ties', () => {
    // 1.00 over 3:3:4 (exact 0.30, 0.30, 0.40) needs no leftover.
    expect(allocate(money('1.00', 'USD'), [3, 3, 4]).map(toDecimal)).toEqual(['0.30', '0.30', '0.40']);
    // 0.05 over 1:1:1:1:1:1 → six parts of 0.8333 cents: five get 1 cent, the last gets 0.
    expect(allocate(money('0.05', 'USD'), [1, 1, 1, 1, 1, 1]).map((m) => m.amount)).toEqual([1, 1, 1, 1, 1, 0]);
    // 100 JPY over 1:2 → 33.33 and 66.67: remainders .33 and .67, so the second gets the unit.
    expect(allocate(money('100', 'JPY'), [1, 2]).map((m) => m.amount)).toEqual([33, 67]);
  });

  it('spreads an order discount over lines in proportion to line amounts', () => {
    const lines = [money('19.99', 'USD'), money('5.01', 'USD'), money('75.00', 'USD')];
    const parts = allocate(
      money('-10.00', 'USD'),
      lines.map((l) => l.amount),
    );
    expect(parts.map(toDecimal)).toEqual(['-2.00', '-0.50', '-7.50']);
    expect(toDecimal(sum(parts))).toBe('-10.00');
  });

  it('gives zero weights nothing, handles zero totals, and rejects bad weights', () => {
    expect(allocate(money('100', 'JPY'), ['0.7', 0, '0.3']).map((m) => m.amount)).toEqual([70, 0, 30]);
    expect(allocate(zero('USD'), [0, 0]).map((m) => m.amount)).toEqual([0, 0]);
    expect(allocate(zero('USD'), [1, 2]).map((m) => m.amount)).toEqual([0, 0]);
    expect(codeOf(() => allocate(money('1', 'USD'), [0, 0]))).toBe('invalid_weights');
    expect(codeOf(() => allocate(money('1', 'USD'), []))).toBe('invalid_weights');
    expect(codeOf(() => allocate(money('1', 'USD'), [1, -1]))).toBe('invalid_weights');
    expect(codeOf(() => allocate(money('1', 'USD'), [1, Number.NaN]))).toBe('invalid_weights');
    expect(codeOf(() => allocate(money('1', 'USD'), [1, 'x']))).toBe('invalid_weights');
    expect(codeOf(() => allocate(money('1', 'USD'), 'abc' as never))).toBe('invalid_weights');
  });

  it('stays exact for huge totals and huge weights', () => {
    const total = fromMinor(Number.MAX_SAFE_INTEGER, 'USD');
    const parts = allocate(total, [Number.MAX_SAFE_INTEGER, 1, '0.5']);
    expect(parts.reduce((acc, p) => acc + BigInt(p.amount), 0n)).toBe(BigInt(Number.MAX_SAFE_INTEGER));
  });

  it('splitEvenly is allocate with equal weights', () => {
    expect(splitEvenly(money('100.00', 'USD'), 3).map(toDecimal)).toEqual(['33.34', '33.33', '33.33']);
    expect(codeOf(() => splitEvenly(money('1', 'USD'), 0))).toBe('invalid_argument');
    expect(codeOf(() => splitEvenly(money('1', 'USD'), 2.5))).toBe('invalid_argument');
  });
});

describe('snapshots', () => {
  it('writes the amount as a decimal string with the currency decimals', () => {
    expect(toSnapshot(money('12.3', 'USD'))).toEqual({ amount: '12.30', currency: 'USD' });
    expect(toSnapshot(money('-0.005', 'KWD'))).toEqual({ amount: '-0.005', currency: 'KWD' });
    expect(toSnapshot(money('1500', 'JPY'))).toEqual({ amount: '1500', currency: 'JPY' });
    expect(fromSnapshot({ amount: '12.30', currency: 'USD' })).toEqual({ amount: 1230, currency: 'USD' });
    expect(codeOf(() => fromSnapshot({ amount: 12.3 as never, currency: 'USD' }))).toBe('invalid_argument');
    expect(codeOf(() => fromSnapshot({ amount: '12.345', currency: 'USD' }))).toBe('precision_loss');
  });

  it('isMoney narrows unknown input without throwing', () => {
    expect(isMoney({ amount: 1230, currency: 'USD' })).toBe(true);
    expect(isMoney({ amount: 1230, currency: 'XYZ' })).toBe(false);
    expect(isMoney({ amount: 2 ** 53, currency: 'USD' })).toBe(false);
    expect(isMoney(null)).toBe(false);
  });

  it('errors serialise to plain data and keep their class across the hierarchy', () => {
    try {
      money('1.001', 'USD');
    } catch (e) {
      expect(e).toBeInstanceOf(OrdercoreError);
      expect(JSON.parse(JSON.stringify(e))).toEqual({
        name: 'MoneyError',
        code: 'precision_loss',
        message: 'amount: "1.001" has more than 2 decimals; pass a rounding mode to round it.',
        details: { field: 'amount', value: '"1.001"', decimals: 2 },
      });
    }
    expect.assertions(2);
  });
});

describe('the rounding table in docs/money.md', () => {
  it('matches what each mode does', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../docs/money.md', import.meta.url), 'utf8');
    const rows = [...text.matchAll(/^\| `([a-z-]+)` \| [^|]+ \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \|$/gm)];
    expect(rows.map((r) => r[1])).toEqual([...ROUNDING_MODES]);
    for (const row of rows) {
      const mode = row[1] as RoundingMode;
      const shown = row.slice(2).map((cell) => (cell as string).trim().replace('−', '-'));
      const actual = ['0.025', '0.035', '-0.025', '0.026'].map((v) => toDecimal(money(v, 'USD', { rounding: mode })));
      expect(actual, mode).toEqual(shown);
    }
  });
});
