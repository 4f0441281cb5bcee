import { describe } from './currencies.js';
import { MoneyError } from './errors.js';
import { multiply } from './multiply.js';
import type { Money, Rate, RoundingMode } from './types.js';

/**
 * Takes a percentage of an amount: `percentage(price, 15, 'half-even')` is 15 % of the price, rounded
 * once from the exact product.
 *
 * @typeParam C - The currency.
 * @param value - The amount.
 * @param percent - The percentage as an exact decimal (`15`, `'8.875'`); `'15%'` is read the same.
 * @param rounding - The rounding mode, needed when the result has a fraction of a minor unit.
 * @returns The rounded percentage of the amount.
 * @throws {@link MoneyError} as {@link multiply}.
 * @example
 * ```ts
 * import { money, percentage, toDecimal } from 'ordercore/money';
 *
 * toDecimal(percentage(money('80.00', 'USD'), 15)); //=> '12.00'
 * toDecimal(percentage(money('19.99', 'USD'), '8.875', 'half-even')); //=> '1.77'
 * ```
 */
export function percentage<C extends string>(value: Money<C>, percent: Rate, rounding?: RoundingMode): Money<C> {
  let asPercent: string;
  if (typeof percent === 'string') asPercent = percent.endsWith('%') ? percent : `${percent}%`;
  else if ((typeof percent === 'number' && Number.isFinite(percent)) || typeof percent === 'bigint')
    asPercent = `${percent}%`;
  else {
    throw new MoneyError('invalid_rate', `percent: ${describe(percent)} is not an exact decimal.`, {
      field: 'percent',
      value: describe(percent),
    });
  }
  return multiply(value, asPercent, rounding);
}
