import { assertMoney, assertSameCurrency } from './internal/assert.js';
import type { Money } from './types.js';

/**
 * Orders two amounts of the same currency: `-1` if the first is smaller, `0` if equal, `1` if
 * larger. Suitable as an `Array.prototype.sort` comparator.
 *
 * @typeParam C - The currency shared by both arguments.
 * @param a - The first amount.
 * @param b - The second amount.
 * @returns `-1`, `0` or `1`.
 * @throws {@link MoneyError} `currency_mismatch` or `invalid_argument`.
 * @example
 * ```ts
 * import { compare, money } from 'ordercore/money';
 *
 * compare(money('1.00', 'USD'), money('2.00', 'USD')); //=> -1
 * [money('3', 'USD'), money('1', 'USD')].sort(compare).map((m) => m.amount); //=> [100, 300]
 * ```
 */
export function compare<C extends string>(a: Money<C>, b: Money<NoInfer<C>>): -1 | 0 | 1 {
  assertMoney(a, 'a');
  assertMoney(b, 'b');
  assertSameCurrency(a, b, 'b');
  return a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0;
}

/**
 * Tells whether two values are the same money: same currency and same amount. Different currencies
 * are simply not equal (no error), so this is safe on any two amounts.
 *
 * @param a - The first amount.
 * @param b - The second amount.
 * @returns `true` when currency and amount match.
 * @throws {@link MoneyError} `invalid_argument` when either is not money.
 * @example
 * ```ts
 * import { equals, money } from 'ordercore/money';
 *
 * equals(money('1.5', 'USD'), money('1.50', 'USD')); //=> true
 * equals(money('1', 'USD'), money('1', 'EUR')); //=> false
 * ```
 */
export function equals(a: Money, b: Money): boolean {
  assertMoney(a, 'a');
  assertMoney(b, 'b');
  return a.currency === b.currency && a.amount === b.amount;
}

/**
 * Tells whether the first amount is smaller than the second (same currency).
 *
 * @typeParam C - The currency shared by both arguments.
 * @param a - The first amount.
 * @param b - The second amount.
 * @returns `a < b`.
 * @throws {@link MoneyError} `currency_mismatch` or `invalid_argument`.
 * @example
 * ```ts
 * import { lessThan, money } from 'ordercore/money';
 *
 * lessThan(money('1.99', 'USD'), money('2.00', 'USD')); //=> true
 * ```
 */
export function lessThan<C extends string>(a: Money<C>, b: Money<NoInfer<C>>): boolean {
  return compare(a, b) < 0;
}

/**
 * Tells whether the first amount is smaller than or equal to the second (same currency).
 *
 * @typeParam C - The currency shared by both arguments.
 * @param a - The first amount.
 * @param b - The second amount.
 * @returns `a ≤ b`.
 * @throws {@link MoneyError} `currency_mismatch` or `invalid_argument`.
 * @example
 * ```ts
 * import { lessThanOrEqual, money } from 'ordercore/money';
 *
 * lessThanOrEqual(money('2.00', 'USD'), money('2.00', 'USD')); //=> true
 * ```
 */
export function lessThanOrEqual<C extends string>(a: Money<C>, b: Money<NoInfer<C>>): boolean {
  return compare(a, b) <= 0;
}

/**
 * Tells whether the first amount is larger than the second (same currency).
 *
 * @typeParam C - The currency shared by both arguments.
 * @param a - The first amount.
 * @param b - The second amount.
 * @returns `a > b`.
 * @throws {@link MoneyError} `currency_mismatch` or `invalid_argument`.
 * @example
 * ```ts
 * import { greaterThan, money } from 'ordercore/money';
 *
 * greaterThan(money('2.01', 'USD'), money('2.00', 'USD')); //=> true
 * ```
 */
export function greaterThan<C extends string>(a: Money<C>, b: Money<NoInfer<C>>): boolean {
  return compare(a, b) > 0;
}

/**
 * Tells whether the first amount is larger than or equal to the second (same currency).
 *
 * @typeParam C - The currency shared by both arguments.
 * @param a - The first amount.
 * @param b - The second amount.
 * @returns `a ≥ b`.
 * @throws {@link MoneyError} `currency_mismatch` or `invalid_argument`.
 * @example
 * ```ts
 * import { greaterThanOrEqual, money } from 'ordercore/money';
 *
 * greaterThanOrEqual(money('1.99', 'USD'), money('2.00', 'USD')); //=> false
 * ```
 */
export function greaterThanOrEqual<C extends string>(a: Money<C>, b: Money<NoInfer<C>>): boolean {
  return compare(a, b) >= 0;
}
