import { getCurrency } from './currencies.js';
import { assertMoney } from './internal/assert.js';
import type { Money } from './types.js';

/**
 * Tells whether an amount is zero.
 *
 * @param value - The amount.
 * @returns `true` for zero.
 * @throws {@link MoneyError} `invalid_argument`.
 * @example
 * ```ts
 * import { isZero, money } from 'ordercore/money';
 *
 * isZero(money('0.00', 'USD')); //=> true
 * ```
 */
export function isZero(value: Money): boolean {
  assertMoney(value, 'value');
  return value.amount === 0;
}

/**
 * Tells whether an amount is below zero.
 *
 * @param value - The amount.
 * @returns `true` for negative amounts.
 * @throws {@link MoneyError} `invalid_argument`.
 * @example
 * ```ts
 * import { isNegative, money } from 'ordercore/money';
 *
 * isNegative(money('-0.01', 'USD')); //=> true
 * isNegative(money('0', 'USD')); //=> false
 * ```
 */
export function isNegative(value: Money): boolean {
  assertMoney(value, 'value');
  return value.amount < 0;
}

/**
 * Tells whether an amount is above zero.
 *
 * @param value - The amount.
 * @returns `true` for positive amounts.
 * @throws {@link MoneyError} `invalid_argument`.
 * @example
 * ```ts
 * import { isPositive, money } from 'ordercore/money';
 *
 * isPositive(money('0.01', 'USD')); //=> true
 * ```
 */
export function isPositive(value: Money): boolean {
  assertMoney(value, 'value');
  return value.amount > 0;
}

/**
 * Tells whether a value is well-formed money: an object with a safe-integer `amount` and the code
 * of a known currency. Use it to narrow `unknown`; it never throws.
 *
 * @param value - Anything.
 * @returns `true` if `value` is usable as {@link Money}.
 * @example
 * ```ts
 * import { isMoney } from 'ordercore/money';
 *
 * isMoney({ amount: 1230, currency: 'USD' }); //=> true
 * isMoney({ amount: 12.3, currency: 'USD' }); //=> false
 * ```
 */
export function isMoney(value: unknown): value is Money {
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isSafeInteger((value as { amount?: unknown }).amount) &&
    typeof (value as { currency?: unknown }).currency === 'string' &&
    getCurrency((value as { currency: string }).currency) !== undefined
  );
}
