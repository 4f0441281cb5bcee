import { currencyExponent, describe } from './currencies.js';
import { MoneyError } from './errors.js';
import { checkRoundingMode, divideRoundBigInt, toSafeAmount } from './internal/decimal.js';
import type { Money, RoundingMode } from './types.js';

/**
 * Creates money from an exact fraction of minor units, rounded once with a named mode: the building
 * block for amounts that are exact ratios rather than decimals — tax included in a gross price
 * (`gross × r / (1 + r)`), a sum of such shares rounded at the end, a pro-rata refund.
 *
 * @typeParam C - The currency code.
 * @param numerator - The numerator, in minor units (any size: it is a bigint).
 * @param denominator - The denominator; must not be zero.
 * @param currency - An ISO 4217 code or a registered code.
 * @param rounding - The rounding mode, needed when the fraction is not a whole number.
 * @returns The rounded money.
 * @throws {@link MoneyError} `division_by_zero`, `rounding_required`, `invalid_rounding_mode`,
 *   `amount_out_of_range`, `invalid_argument` (not bigints) or a currency error.
 * @example
 * ```ts
 * import { fromRatio, toDecimal } from 'ordercore/money';
 *
 * // The 19 % VAT inside a gross price of 10.00 EUR: 1000 × 19 / 119 cents.
 * toDecimal(fromRatio(1000n * 19n, 119n, 'EUR', 'half-even')); //=> '1.60'
 * toDecimal(fromRatio(10n, 4n, 'USD', 'half-up')); //=> '0.03'
 * ```
 */
export function fromRatio<C extends string>(
  numerator: bigint,
  denominator: bigint,
  currency: C,
  rounding?: RoundingMode,
): Money<C> {
  currencyExponent(currency);
  if (typeof numerator !== 'bigint' || typeof denominator !== 'bigint') {
    throw new MoneyError(
      'invalid_argument',
      `fromRatio: numerator and denominator must be bigints, got ${describe(numerator)} and ${describe(denominator)}.`,
      { field: typeof numerator !== 'bigint' ? 'numerator' : 'denominator' },
    );
  }
  if (denominator === 0n) {
    throw new MoneyError('division_by_zero', 'denominator: cannot divide by zero.', { field: 'denominator' });
  }
  const mode = checkRoundingMode(rounding);
  const negative = denominator < 0n;
  const quotient = divideRoundBigInt(
    negative ? -numerator : numerator,
    negative ? -denominator : denominator,
    mode,
    'fromRatio',
  );
  return { amount: toSafeAmount(quotient, 'fromRatio'), currency };
}
