import { currencyExponent, describe } from './currencies.js';
import { MoneyError } from './errors.js';
import {
  checkRoundingMode,
  decimalFromNumber,
  divideRoundBigInt,
  type ExactDecimal,
  parseDecimalString,
  pow10,
  toSafeAmount,
} from './internal/decimal.js';
import type { Money, RoundingMode } from './types.js';

/**
 * Options for {@link money}.
 *
 * @example
 * ```ts
 * import { money, type MoneyOptions } from 'ordercore/money';
 *
 * const options: MoneyOptions = { rounding: 'half-up' };
 * money('0.125', 'USD', options); //=> { amount: 13, currency: 'USD' }
 * ```
 */
export interface MoneyOptions {
  /**
   * How to round an amount with more decimals than the currency has. Default: none, so such an
   * amount throws `precision_loss` instead of being rounded silently.
   */
  readonly rounding?: RoundingMode;
}

/** Converts an exact decimal in major units to minor units of a currency with `exponent` decimals. */
function decimalToMinor(
  decimal: ExactDecimal,
  exponent: number,
  rounding: RoundingMode | undefined,
  field: string,
  shown: string,
): number {
  const shift = exponent - decimal.scale;
  if (shift >= 0) {
    if (decimal.coefficientNumber !== undefined && shift < 16) {
      const minor = decimal.coefficientNumber * 10 ** shift;
      if (Number.isSafeInteger(minor)) return minor + 0;
    }
    return toSafeAmount(decimal.coefficient * pow10(shift), field);
  }
  if (rounding === undefined) {
    throw new MoneyError(
      'precision_loss',
      `${field}: ${shown} has more than ${exponent} decimals; pass a rounding mode to round it.`,
      { field, value: shown, decimals: exponent },
    );
  }
  return toSafeAmount(divideRoundBigInt(decimal.coefficient, pow10(-shift), rounding, field), field);
}

/**
 * Creates money from an amount in major units: a decimal string (`'12.30'`), a number that is exact
 * at the currency's scale (`12.3`, but not `0.1 + 0.2`), or a bigint of whole units.
 *
 * Strings are the safest input: they are read digit by digit, never through a float. A number is
 * read as the shortest decimal that prints as it (`12.3` is `'12.3'`), so a number carrying
 * floating-point noise is refused instead of being rounded behind your back.
 *
 * @typeParam C - The currency code, kept as a literal type.
 * @param amount - The amount in major units.
 * @param currency - An ISO 4217 code or a code registered with `registerCurrency`.
 * @param options - {@link MoneyOptions}: `rounding` to accept and round extra decimals.
 * @returns The money, in minor units.
 * @throws {@link MoneyError} `invalid_amount`, `precision_loss`, `amount_out_of_range`,
 *   `invalid_currency_code`, `unknown_currency` or `invalid_rounding_mode`.
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 *
 * money('12.30', 'USD'); //=> { amount: 1230, currency: 'USD' }
 * money(1500, 'JPY'); //=> { amount: 1500, currency: 'JPY' }
 * money('1.2345', 'KWD', { rounding: 'half-even' }); //=> { amount: 1234, currency: 'KWD' }
 * ```
 */
export function money<C extends string>(
  amount: string | number | bigint,
  currency: C,
  options?: MoneyOptions,
): Money<C> {
  const exponent = currencyExponent(currency);
  const rounding = checkRoundingMode(options?.rounding, 'options.rounding');
  let decimal: ExactDecimal | undefined;
  if (typeof amount === 'string') decimal = parseDecimalString(amount, false);
  else if (typeof amount === 'number') decimal = decimalFromNumber(amount);
  else if (typeof amount === 'bigint') decimal = parseDecimalString(amount.toString(), false);
  if (decimal === undefined) {
    throw new MoneyError(
      'invalid_amount',
      `amount: ${describe(amount)} is not a decimal amount (expected e.g. '12.30', 12.3 or 12n).`,
      { field: 'amount', value: describe(amount) },
    );
  }
  return { amount: decimalToMinor(decimal, exponent, rounding, 'amount', describe(amount)), currency };
}
