import { describe } from './currencies.js';
import { MoneyError } from './errors.js';
import { assertMoney, assertSameCurrency } from './internal/assert.js';
import { checkRoundingMode, divideRoundBigInt, writeScaled } from './internal/decimal.js';
import type { Money, RoundingMode } from './types.js';

/**
 * Options for {@link percentageOf}.
 *
 * @example
 * ```ts
 * import type { PercentageOfOptions } from 'ordercore/money';
 *
 * const options: PercentageOfOptions = { decimals: 1, rounding: 'half-up' };
 * options.decimals; //=> 1
 * ```
 */
export interface PercentageOfOptions {
  /** Decimal places of the result, an integer from 0 to 20. Default: `2`. */
  readonly decimals?: number;
  /** How the last decimal is rounded. Default: `'half-even'`. */
  readonly rounding?: RoundingMode;
}

/**
 * Tells what percentage one amount is of another (a discount of the subtotal, tax of the net), as
 * an exact decimal string rounded to a fixed number of decimals.
 *
 * @param part - The amount to express as a percentage.
 * @param whole - The amount that is 100 %; must not be zero.
 * @param options - {@link PercentageOfOptions}: `decimals` (default 2) and `rounding` (default
 *   `'half-even'`).
 * @returns The percentage as a decimal string, e.g. `'12.50'`.
 * @throws {@link MoneyError} `division_by_zero`, `currency_mismatch`, `invalid_argument` or
 *   `invalid_rounding_mode`.
 * @example
 * ```ts
 * import { money, percentageOf } from 'ordercore/money';
 *
 * percentageOf(money('12.50', 'USD'), money('100.00', 'USD')); //=> '12.50'
 * percentageOf(money('1.00', 'USD'), money('3.00', 'USD'), { decimals: 4 }); //=> '33.3333'
 * ```
 */
export function percentageOf(part: Money, whole: Money, options?: PercentageOfOptions): string {
  assertMoney(part, 'part');
  assertMoney(whole, 'whole');
  assertSameCurrency(part, whole, 'whole');
  const decimals = options?.decimals ?? 2;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new MoneyError(
      'invalid_argument',
      `options.decimals: ${describe(decimals)} must be an integer from 0 to 20.`,
      {
        field: 'options.decimals',
      },
    );
  }
  const mode = checkRoundingMode(options?.rounding ?? 'half-even', 'options.rounding');
  if (whole.amount === 0) {
    throw new MoneyError('division_by_zero', 'whole: cannot express an amount as a percentage of zero.', {
      field: 'whole',
    });
  }
  const sign = whole.amount < 0 ? -1n : 1n;
  const scaled = divideRoundBigInt(
    BigInt(part.amount) * 100n * 10n ** BigInt(decimals) * sign,
    BigInt(whole.amount) * sign,
    mode,
    'percentageOf',
  );
  const negative = scaled < 0n;
  return writeScaled((negative ? -scaled : scaled).toString(), negative, decimals);
}
