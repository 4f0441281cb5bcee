import { describe } from './currencies.js';
import { MoneyError } from './errors.js';
import { divideRoundNumber } from './internal/decimal.js';
import type { RoundingMode } from './types.js';

/**
 * `numerator / denominator` rounded to an integer with a named rounding mode, exactly, for integer
 * amounts of minor units (a share of a price, a per-unit amount, a tax on a line): the integer
 * counterpart of {@link fromRatio} without a Money or a bigint, for hot loops.
 *
 * Both must be safe integers, the denominator positive, and `|numerator| + denominator` at most
 * `Number.MAX_SAFE_INTEGER` (so every intermediate is exact); anything else throws a
 * {@link MoneyError} (`invalid_argument`, `division_by_zero`, `amount_out_of_range`). A mode is
 * required only when the quotient is not whole (`rounding_required` otherwise).
 *
 * @param numerator - A safe integer.
 * @param denominator - A positive safe integer.
 * @param rounding - One of {@link ROUNDING_MODES}; needed when the quotient is not whole.
 * @returns The rounded quotient.
 * @example
 * ```ts
 * import { roundedQuotient } from 'ordercore/money';
 *
 * roundedQuotient(1999 * 25, 100, 'half-even'); //=> 500
 * roundedQuotient(5, 2, 'half-even'); //=> 2
 * roundedQuotient(5, 2, 'half-up'); //=> 3
 * roundedQuotient(-5, 2, 'floor'); //=> -3
 * roundedQuotient(10, 5); //=> 2
 * ```
 */
export function roundedQuotient(numerator: number, denominator: number, rounding?: RoundingMode): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    throw new MoneyError(
      'invalid_argument',
      `roundedQuotient: expected safe integers, got ${describe(numerator)} / ${describe(denominator)}.`,
      { field: Number.isSafeInteger(numerator) ? 'denominator' : 'numerator' },
    );
  }
  if (denominator <= 0) {
    if (denominator === 0) {
      throw new MoneyError('division_by_zero', 'denominator: cannot divide by zero.', { field: 'denominator' });
    }
    throw new MoneyError('invalid_argument', `denominator: ${denominator} is not positive.`, { field: 'denominator' });
  }
  if (Math.abs(numerator) > Number.MAX_SAFE_INTEGER - denominator) {
    throw new MoneyError(
      'amount_out_of_range',
      `roundedQuotient: ${numerator} / ${denominator} is beyond the exact range.`,
      { field: 'numerator', maximum: Number.MAX_SAFE_INTEGER },
    );
  }
  return divideRoundNumber(numerator, denominator, rounding, 'roundedQuotient');
}
