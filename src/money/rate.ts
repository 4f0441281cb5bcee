import { parseRate, toParsedRate } from './internal/decimal.js';
import type { ParsedRate, Rate } from './types.js';

/**
 * Parses an exact decimal rate once, for loops that apply the same rate to many amounts (a tax rate
 * over every line of every cart). Every function that takes a {@link Rate} accepts the result and
 * skips parsing; the numbers are the same as with the string.
 *
 * @param value - A decimal string (`'0.08875'`), a percentage (`'8.875%'`), a number, a bigint, or
 *   an already parsed rate.
 * @returns The parsed rate, frozen.
 * @throws {@link MoneyError} `invalid_rate` when the value is not an exact decimal.
 * @example
 * ```ts
 * import { money, multiply, rate, toDecimal } from 'ordercore/money';
 *
 * const salesTax = rate('8.875%');
 * salesTax.decimal; //=> '0.08875'
 * toDecimal(multiply(money('59.97', 'USD'), salesTax, 'half-even')); //=> '5.32'
 * ```
 */
export function rate(value: Rate): ParsedRate {
  const parsed = parseRate(value, 'value');
  return 'kind' in parsed ? (parsed as unknown as ParsedRate) : toParsedRate(parsed);
}
