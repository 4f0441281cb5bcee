import { describe } from './currencies.js';
import { MoneyError } from './errors.js';
import { money } from './money.js';
import { toDecimal } from './toDecimal.js';
import type { Money, MoneySnapshot } from './types.js';

/**
 * Turns money into its JSON form, `{ amount: '12.30', currency: 'USD' }`, with the amount as a
 * decimal string so no JSON reader can turn it into a float.
 *
 * @typeParam C - The currency code.
 * @param value - The money.
 * @returns The snapshot.
 * @throws {@link MoneyError} `invalid_argument` or `unknown_currency`.
 * @example
 * ```ts
 * import { money, toSnapshot } from 'ordercore/money';
 *
 * JSON.stringify(toSnapshot(money('12.3', 'USD'))); //=> '{"amount":"12.30","currency":"USD"}'
 * ```
 */
export function toSnapshot<C extends string>(value: Money<C>): MoneySnapshot<C> {
  return { amount: toDecimal(value), currency: value.currency };
}

/**
 * Reads money back from its JSON form; the exact inverse of {@link toSnapshot}.
 *
 * The amount must be a decimal string with no more decimals than the currency has (`'12.30'` or
 * `'12.3'` for USD, never `'12.345'`). For untrusted input prefer `parseMoneySnapshot` from
 * `ordercore/schemas`, which returns a `ValidationError` value instead of throwing.
 *
 * @typeParam C - The currency code.
 * @param snapshot - `{ amount: string, currency: string }`.
 * @returns The money.
 * @throws {@link MoneyError} `invalid_argument` when the snapshot is not an object with a string
 *   amount, or any error of {@link money}.
 * @example
 * ```ts
 * import { fromSnapshot, toSnapshot, money } from 'ordercore/money';
 *
 * fromSnapshot({ amount: '12.30', currency: 'USD' }); //=> { amount: 1230, currency: 'USD' }
 * const m = money('-0.005', 'KWD');
 * fromSnapshot(JSON.parse(JSON.stringify(toSnapshot(m)))); //=> { amount: -5, currency: 'KWD' }
 * ```
 */
export function fromSnapshot<C extends string>(snapshot: MoneySnapshot<C>): Money<C> {
  const amount: unknown = typeof snapshot === 'object' && snapshot !== null ? snapshot.amount : undefined;
  if (typeof amount !== 'string') {
    throw new MoneyError(
      'invalid_argument',
      `snapshot: expected { amount: decimal string, currency: code }, got ${describe(snapshot)}.`,
      { field: 'snapshot' },
    );
  }
  return money(amount, snapshot.currency);
}
