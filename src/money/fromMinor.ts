import { currencyExponent, describe } from './currencies.js';
import { MoneyError } from './errors.js';
import { toSafeAmount } from './internal/decimal.js';
import type { Money } from './types.js';

/**
 * Creates money from an integer number of minor units (cents, yen, fils), the form amounts are
 * stored in.
 *
 * @typeParam C - The currency code, kept as a literal type.
 * @param minorUnits - A safe integer, a bigint, or a string of digits with an optional sign.
 * @param currency - An ISO 4217 code or a registered code.
 * @returns The money.
 * @throws {@link MoneyError} `invalid_amount` for a non-integer, `amount_out_of_range` beyond
 *   `Number.MAX_SAFE_INTEGER`, `invalid_currency_code` or `unknown_currency`.
 * @example
 * ```ts
 * import { fromMinor, toDecimal } from 'ordercore/money';
 *
 * toDecimal(fromMinor(1230, 'USD')); //=> '12.30'
 * toDecimal(fromMinor('-5', 'KWD')); //=> '-0.005'
 * ```
 */
export function fromMinor<C extends string>(minorUnits: number | bigint | string, currency: C): Money<C> {
  currencyExponent(currency);
  if (typeof minorUnits === 'number' && Number.isSafeInteger(minorUnits)) {
    return { amount: minorUnits + 0, currency };
  }
  if (typeof minorUnits === 'bigint') return { amount: toSafeAmount(minorUnits, 'minorUnits'), currency };
  if (typeof minorUnits === 'string' && /^[+-]?\d{1,40}$/.test(minorUnits)) {
    return { amount: toSafeAmount(BigInt(minorUnits), 'minorUnits'), currency };
  }
  if (typeof minorUnits === 'number' && Number.isInteger(minorUnits)) {
    throw new MoneyError(
      'amount_out_of_range',
      `minorUnits: ${minorUnits} is beyond ±${Number.MAX_SAFE_INTEGER}, where numbers stop being exact; pass a bigint or string to have it checked exactly.`,
      { field: 'minorUnits', maximum: Number.MAX_SAFE_INTEGER },
    );
  }
  throw new MoneyError(
    'invalid_amount',
    `minorUnits: ${describe(minorUnits)} is not an integer number of minor units.`,
    { field: 'minorUnits', value: describe(minorUnits) },
  );
}
