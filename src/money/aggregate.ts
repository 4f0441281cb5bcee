import { MoneyError } from './errors.js';
import { assertMoney, assertSameCurrency } from './internal/assert.js';
import { outOfRange } from './internal/decimal.js';
import type { Money } from './types.js';
import { zero } from './zero.js';

/**
 * Adds up a list of amounts of one currency, exactly. An empty list sums to zero in `currency`,
 * which is required then, because an empty list has no currency of its own.
 *
 * @typeParam C - The currency.
 * @param values - The amounts.
 * @param currency - The currency of the result; required when `values` may be empty, and checked
 *   against the amounts otherwise.
 * @returns The sum.
 * @throws {@link MoneyError} `currency_mismatch`, `amount_out_of_range`, or `invalid_argument`
 *   (including an empty list without a currency).
 * @example
 * ```ts
 * import { money, sum, toDecimal } from 'ordercore/money';
 *
 * toDecimal(sum([money('0.10', 'USD'), money('0.20', 'USD'), money('0.30', 'USD')])); //=> '0.60'
 * toDecimal(sum([], 'EUR')); //=> '0.00'
 * ```
 */
export function sum<C extends string>(values: readonly Money<C>[], currency?: NoInfer<C>): Money<C> {
  if (!Array.isArray(values)) {
    throw new MoneyError('invalid_argument', 'values: expected an array of Money.', { field: 'values' });
  }
  const first = values[0];
  if (first === undefined) {
    if (currency === undefined) {
      throw new MoneyError('invalid_argument', 'values: an empty list needs a currency to sum to zero in.', {
        field: 'currency',
      });
    }
    return zero(currency);
  }
  assertMoney(first, 'values[0]');
  if (currency !== undefined) assertSameCurrency({ amount: 0, currency }, first, 'values[0]');
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== first) {
      assertMoney(value, `values[${i}]`);
      assertSameCurrency(first, value, `values[${i}]`);
    }
    total += value.amount;
    if (!Number.isSafeInteger(total)) {
      outOfRange(
        'sum',
        values.reduce((acc, m) => acc + BigInt(m.amount), 0n),
      );
    }
  }
  return { amount: total, currency: (first as Money<C>).currency };
}

/**
 * The smallest of one or more amounts of one currency (the first one on ties).
 *
 * @typeParam C - The currency.
 * @param first - An amount.
 * @param rest - More amounts.
 * @returns The smallest amount.
 * @throws {@link MoneyError} `currency_mismatch` or `invalid_argument`.
 * @example
 * ```ts
 * import { min, money, toDecimal } from 'ordercore/money';
 *
 * toDecimal(min(money('5', 'USD'), money('3', 'USD'), money('4', 'USD'))); //=> '3.00'
 * ```
 */
export function min<C extends string>(first: Money<C>, ...rest: readonly Money<NoInfer<C>>[]): Money<C> {
  return pick(first, rest, -1);
}

/**
 * The largest of one or more amounts of one currency (the first one on ties).
 *
 * @typeParam C - The currency.
 * @param first - An amount.
 * @param rest - More amounts.
 * @returns The largest amount.
 * @throws {@link MoneyError} `currency_mismatch` or `invalid_argument`.
 * @example
 * ```ts
 * import { max, money, toDecimal } from 'ordercore/money';
 *
 * toDecimal(max(money('5', 'USD'), money('3', 'USD'))); //=> '5.00'
 * ```
 */
export function max<C extends string>(first: Money<C>, ...rest: readonly Money<NoInfer<C>>[]): Money<C> {
  return pick(first, rest, 1);
}

function pick<C extends string>(first: Money<C>, rest: readonly Money<C>[], direction: 1 | -1): Money<C> {
  assertMoney(first, 'first');
  let best = first;
  for (let i = 0; i < rest.length; i++) {
    const candidate = rest[i];
    assertMoney(candidate, `rest[${i}]`);
    assertSameCurrency(first, candidate, `rest[${i}]`);
    if ((candidate.amount - best.amount) * direction > 0) best = candidate;
  }
  return best;
}
