import { currencyExponent } from './currencies.js';
import { assertMoney } from './internal/assert.js';
import { writeScaled } from './internal/decimal.js';
import type { Money } from './types.js';

/**
 * Writes money as a plain decimal string in major units with exactly the currency's decimals:
 * `'12.30'`, `'-0.005'`, `'1500'`. No grouping, no symbol, no locale: for data, not display.
 *
 * @param value - The money.
 * @returns The decimal string.
 * @throws {@link MoneyError} `invalid_argument`, or `unknown_currency` for an unregistered code.
 * @example
 * ```ts
 * import { fromMinor, toDecimal } from 'ordercore/money';
 *
 * toDecimal(fromMinor(-5, 'USD')); //=> '-0.05'
 * toDecimal(fromMinor(1500, 'JPY')); //=> '1500'
 * ```
 */
export function toDecimal(value: Money): string {
  assertMoney(value, 'value');
  const exponent = currencyExponent(value.currency, 'value.currency');
  return writeScaled(String(Math.abs(value.amount)), value.amount < 0, exponent);
}
