import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ValidationError } from '../../src/core/index.js';
import {
  currencyCodeSchema,
  moneySchema,
  moneySnapshotSchema,
  parseInput,
  parseMoney,
  parseMoneySnapshot,
  rateSchema,
  roundingModeSchema,
} from '../../src/schemas/index.js';

function issuesOf(result: ReturnType<typeof parseMoney>): { path: string; code: string }[] {
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  expect(result.error).toBeInstanceOf(ValidationError);
  expect(result.error.code).toBe('validation_failed');
  return result.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code }));
}

describe('parseMoneySnapshot', () => {
  it('accepts well-formed snapshots', () => {
    expect(parseMoneySnapshot({ amount: '12.30', currency: 'USD' })).toEqual({
      ok: true,
      value: { amount: 1230, currency: 'USD' },
    });
    expect(parseMoneySnapshot(JSON.parse('{"amount":"-0.005","currency":"KWD"}'))).toEqual({
      ok: true,
      value: { amount: -5, currency: 'KWD' },
    });
  });

  it('names the field and the reason for every hostile input', () => {
    expect(issuesOf(parseMoneySnapshot({ amount: '12.345', currency: 'USD' }))).toEqual([
      { path: 'amount', code: 'precision_loss' },
    ]);
    expect(issuesOf(parseMoneySnapshot({ amount: '1e400', currency: 'USD' }))).toEqual([
      { path: 'amount', code: 'invalid_amount' },
    ]);
    expect(issuesOf(parseMoneySnapshot({ amount: 'NaN', currency: 'USD' }))).toEqual([
      { path: 'amount', code: 'invalid_amount' },
    ]);
    expect(issuesOf(parseMoneySnapshot({ amount: 'Infinity', currency: 'USD' }))).toEqual([
      { path: 'amount', code: 'invalid_amount' },
    ]);
    expect(issuesOf(parseMoneySnapshot({ amount: '99999999999999999', currency: 'USD' }))).toEqual([
      { path: 'amount', code: 'amount_out_of_range' },
    ]);
    expect(issuesOf(parseMoneySnapshot({ amount: 12.3, currency: 'USD' }))).toEqual([
      { path: 'amount', code: 'invalid_type' },
    ]);
    expect(issuesOf(parseMoneySnapshot({ amount: '1', currency: 'usd' }))).toEqual([
      { path: 'currency', code: 'unknown_currency' },
    ]);
    expect(issuesOf(parseMoneySnapshot({ amount: '1' }))).toEqual([{ path: 'currency', code: 'invalid_type' }]);
    expect(issuesOf(parseMoneySnapshot({ amount: '1', currency: 'USD', extra: 1 }))).toEqual([
      { path: '', code: 'unrecognized_keys' },
    ]);
    expect(issuesOf(parseMoneySnapshot({ amount: 'x'.repeat(10_000), currency: 'USD' }))).toEqual([
      { path: 'amount', code: 'too_big' },
    ]);
  });

  it('never reads values through __proto__', () => {
    const viaLiteral = { __proto__: { amount: '1.00', currency: 'USD' } };
    expect(issuesOf(parseMoneySnapshot(viaLiteral))).toEqual([{ path: '', code: 'invalid_type' }]);
    const viaJson = JSON.parse('{"amount":"1.00","currency":"USD","__proto__":{"amount":"9.99"}}');
    expect(issuesOf(parseMoneySnapshot(viaJson))).toEqual([{ path: '', code: 'unrecognized_keys' }]);
    expect(({} as Record<string, unknown>)['amount']).toBeUndefined();
  });

  it('refuses class instances, arrays and primitives', () => {
    class Snapshot {
      amount = '1.00';
      currency = 'USD';
    }
    for (const input of [new Snapshot(), [], null, undefined, 'USD 1.00', 1, true, new Date(0)]) {
      expect(issuesOf(parseMoneySnapshot(input))).toEqual([{ path: '', code: 'invalid_type' }]);
    }
  });

  it('turns even throwing getters and revoked proxies into a ValidationError', () => {
    const throwing = {
      currency: 'USD',
      get amount(): string {
        throw new Error('boom');
      },
    };
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    for (const input of [throwing, proxy]) {
      const result = parseMoneySnapshot(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toBeInstanceOf(ValidationError);
    }
  });

  it('never throws on anything fast-check can build', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withNullPrototype: true, withObjectString: true }), (input) => {
        const a = parseMoneySnapshot(input);
        const b = parseMoney(input);
        for (const r of [a, b]) if (!r.ok) expect(r.error).toBeInstanceOf(ValidationError);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseMoney (minor-unit form)', () => {
  it('accepts safe integers and refuses NaN, floats and out-of-range numbers', () => {
    expect(parseMoney({ amount: 1230, currency: 'USD' })).toEqual({
      ok: true,
      value: { amount: 1230, currency: 'USD' },
    });
    expect(issuesOf(parseMoney({ amount: Number.NaN, currency: 'USD' }))).toEqual([
      { path: 'amount', code: 'invalid_type' },
    ]);
    expect(issuesOf(parseMoney({ amount: 12.3, currency: 'USD' }))).toEqual([{ path: 'amount', code: 'invalid_type' }]);
    expect(issuesOf(parseMoney({ amount: Number.POSITIVE_INFINITY, currency: 'USD' }))).toEqual([
      { path: 'amount', code: 'invalid_type' },
    ]);
    expect(issuesOf(parseMoney({ amount: 2 ** 60, currency: 'USD' }))).toEqual([{ path: 'amount', code: 'too_big' }]);
    expect(issuesOf(parseMoney({ amount: '1230', currency: 'USD' }))).toEqual([
      { path: 'amount', code: 'invalid_type' },
    ]);
  });

  it('reports every bad field at once', () => {
    expect(issuesOf(parseMoney({ amount: 'x', currency: 'nope' }))).toEqual([
      { path: 'amount', code: 'invalid_type' },
      { path: 'currency', code: 'unknown_currency' },
    ]);
  });
});

describe('small schemas', () => {
  it('check currency codes, rounding modes and rates', () => {
    expect(currencyCodeSchema.safeParse('JPY').success).toBe(true);
    expect(currencyCodeSchema.safeParse('__proto__').success).toBe(false);
    expect(roundingModeSchema.safeParse('floor').success).toBe(true);
    expect(roundingModeSchema.safeParse('round').success).toBe(false);
    for (const ok of ['0.08875', '8.875%', 3, 0.5, 10n, '-1.5e-3'])
      expect(rateSchema.safeParse(ok).success, String(ok)).toBe(true);
    for (const bad of ['', '1,5', 'NaN', Number.NaN, Number.POSITIVE_INFINITY, '1e99999', {}, null]) {
      expect(rateSchema.safeParse(bad).success, String(bad)).toBe(false);
    }
  });

  it('compose into host schemas with paths preserved', () => {
    const refund = z.object({ orderId: z.string(), lines: z.array(z.object({ amount: moneySnapshotSchema })) });
    const result = parseInput(refund, {
      orderId: 'o-1',
      lines: [{ amount: { amount: '1.00', currency: 'EUR' } }, { amount: { amount: '1.001', currency: 'EUR' } }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.issues.map((i) => [i.path, i.code])).toEqual([
        [['lines', 1, 'amount', 'amount'], 'precision_loss'],
      ]);
      expect(result.error.message).toContain('lines.1.amount.amount');
    }
    expect(moneySchema.parse({ amount: 5, currency: 'EUR' })).toEqual({ amount: 5, currency: 'EUR' });
  });
});
