import { describe } from '../currencies.js';
import { MoneyError } from '../errors.js';
import type { Money } from '../types.js';

/** Throws `invalid_argument` unless `value` looks like Money (safe-integer amount, string currency). */
export function assertMoney(value: unknown, field: string): asserts value is Money {
  if (
    typeof value !== 'object' ||
    value === null ||
    !Number.isSafeInteger((value as { amount?: unknown }).amount) ||
    typeof (value as { currency?: unknown }).currency !== 'string'
  ) {
    throw new MoneyError(
      'invalid_argument',
      `${field}: expected Money ({ amount: safe integer of minor units, currency: code }), got ${describe(value)}.`,
      { field },
    );
  }
}

/** Throws `currency_mismatch` unless both amounts have the same currency. */
export function assertSameCurrency(a: Money, b: Money, field: string): void {
  if (a.currency !== b.currency) {
    throw new MoneyError(
      'currency_mismatch',
      `${field}: cannot combine ${a.currency} with ${b.currency}; convert first.`,
      { field, expected: a.currency, actual: b.currency },
    );
  }
}

/** Both arguments are Money in one currency. */
export function assertPair(a: unknown, b: unknown, fieldA: string, fieldB: string): asserts a is Money {
  assertMoney(a, fieldA);
  assertMoney(b, fieldB);
  assertSameCurrency(a, b, fieldB);
}
