// Argument checks for the money functions. Each check is a tiny inline-able test with the error
// construction moved out of line, so the hot arithmetic stays small enough for V8 to inline (and
// then to drop the intermediate Money objects of an expression entirely).
import { describe } from '../currencies.js';
import { MoneyError } from '../errors.js';
import type { Money } from '../types.js';

/** Throws `invalid_argument` for a value that is not Money. */
function notMoney(value: unknown, field: string): never {
  throw new MoneyError(
    'invalid_argument',
    `${field}: expected Money ({ amount: safe integer of minor units, currency: code }), got ${describe(value)}.`,
    { field },
  );
}

/** Throws `currency_mismatch`. */
export function currencyMismatch(expected: string, actual: string, field: string): never {
  throw new MoneyError('currency_mismatch', `${field}: cannot combine ${expected} with ${actual}; convert first.`, {
    field,
    expected,
    actual,
  });
}

/** Throws `invalid_argument` unless `value` looks like Money (safe-integer amount, string currency). */
export function assertMoney(value: unknown, field: string): asserts value is Money {
  if (
    typeof value !== 'object' ||
    value === null ||
    !Number.isSafeInteger((value as { amount?: unknown }).amount) ||
    typeof (value as { currency?: unknown }).currency !== 'string'
  ) {
    notMoney(value, field);
  }
}

/** Throws `currency_mismatch` unless both amounts have the same currency. */
export function assertSameCurrency(a: Money, b: Money, field: string): void {
  if (a.currency !== b.currency) currencyMismatch(a.currency, b.currency, field);
}
