import { assertMoney } from './internal/assert.js';
import type { Money } from './types.js';

/**
 * Flips the sign of an amount (a charge becomes a refund). Zero stays zero, never `-0`.
 *
 * @typeParam C - The currency.
 * @param value - The amount.
 * @returns The amount with the opposite sign.
 * @throws {@link MoneyError} `invalid_argument`.
 * @example
 * ```ts
 * import { money, negate, toDecimal } from 'ordercore/money';
 *
 * toDecimal(negate(money('12.30', 'USD'))); //=> '-12.30'
 * ```
 */
export function negate<C extends string>(value: Money<C>): Money<C> {
  assertMoney(value, 'value');
  return { amount: 0 - value.amount, currency: value.currency };
}

/**
 * The absolute value of an amount.
 *
 * @typeParam C - The currency.
 * @param value - The amount.
 * @returns The amount without its sign.
 * @throws {@link MoneyError} `invalid_argument`.
 * @example
 * ```ts
 * import { abs, money, toDecimal } from 'ordercore/money';
 *
 * toDecimal(abs(money('-3.10', 'USD'))); //=> '3.10'
 * ```
 */
export function abs<C extends string>(value: Money<C>): Money<C> {
  assertMoney(value, 'value');
  return value.amount < 0 ? { amount: -value.amount, currency: value.currency } : value;
}
