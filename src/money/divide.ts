import { MoneyError } from './errors.js';
import { assertMoney } from './internal/assert.js';
import {
  checkRoundingMode,
  divideRoundBigInt,
  divideRoundNumber,
  parseRate,
  toSafeAmount,
} from './internal/decimal.js';
import type { Money, Rate, RoundingMode } from './types.js';

/**
 * Divides an amount by an exact divisor, rounding the exact quotient to whole minor units with a
 * named mode. To split an amount into parts that add back up, use `allocate` instead.
 *
 * @typeParam C - The currency.
 * @param value - The amount.
 * @param divisor - The exact divisor; see {@link Rate}. Must not be zero.
 * @param rounding - The rounding mode, needed when the quotient has a fraction of a minor unit.
 * @returns The rounded quotient.
 * @throws {@link MoneyError} `division_by_zero`, `invalid_rate`, `rounding_required`,
 *   `invalid_rounding_mode`, `amount_out_of_range` or `invalid_argument`.
 * @example
 * ```ts
 * import { divide, money, toDecimal } from 'ordercore/money';
 *
 * toDecimal(divide(money('10.00', 'USD'), 3, 'half-even')); //=> '3.33'
 * toDecimal(divide(money('10.00', 'USD'), 3, 'ceiling')); //=> '3.34'
 * toDecimal(divide(money('10.00', 'USD'), '1.25')); //=> '8.00'
 * ```
 */
export function divide<C extends string>(value: Money<C>, divisor: Rate, rounding?: RoundingMode): Money<C> {
  assertMoney(value, 'value');
  const mode = checkRoundingMode(rounding);
  const rate = parseRate(divisor, 'divisor');
  if (rate.coefficient === 0n) {
    throw new MoneyError('division_by_zero', 'divisor: cannot divide money by zero.', { field: 'divisor' });
  }
  // amount / (c · 10^-s) = amount · 10^s / c, with the sign moved to the numerator.
  if (rate.coefficientNumber !== undefined && rate.divisorNumber !== undefined) {
    const numerator = value.amount * rate.divisorNumber * Math.sign(rate.coefficientNumber);
    const denominator = Math.abs(rate.coefficientNumber);
    if (Math.abs(numerator) + denominator <= Number.MAX_SAFE_INTEGER) {
      return { amount: divideRoundNumber(numerator, denominator, mode, 'divide'), currency: value.currency };
    }
  }
  const negative = rate.coefficient < 0n;
  const numerator = BigInt(value.amount) * 10n ** BigInt(rate.scale) * (negative ? -1n : 1n);
  const quotient = divideRoundBigInt(numerator, negative ? -rate.coefficient : rate.coefficient, mode, 'divide');
  return { amount: toSafeAmount(quotient, 'divide'), currency: value.currency };
}
