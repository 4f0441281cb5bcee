import { assertMoney } from './internal/assert.js';
import {
  checkRoundingMode,
  divideRoundBigInt,
  divideRoundNumber,
  PARSED_RATE,
  type ParsedRateObject,
  parseRate,
  rateOfString,
  toSafeAmount,
} from './internal/decimal.js';
import type { Money, Rate, RoundingMode } from './types.js';

const isSafeInteger = Number.isSafeInteger;
const PARSED: typeof PARSED_RATE = PARSED_RATE;

/**
 * Multiplies an amount by an exact factor: a quantity (`3`), a decimal rate (`'0.08875'`, `0.5`) or a
 * percentage (`'33.33%'`), rounding the exact product to whole minor units with a named mode.
 *
 * The product is computed exactly (integers, with `bigint` when it grows past 2^53) and rounded once.
 * When the exact product is already a whole number of minor units (integer factors always are), no
 * rounding mode is needed; otherwise leaving it out throws `rounding_required` rather than guessing.
 * For a rate applied in a hot loop, parse it once with `rate()`.
 *
 * @typeParam C - The currency.
 * @param value - The amount.
 * @param factor - The exact factor; see {@link Rate}.
 * @param rounding - The rounding mode, needed when the product has a fraction of a minor unit.
 * @returns The rounded product.
 * @throws {@link MoneyError} `invalid_rate`, `rounding_required`, `invalid_rounding_mode`,
 *   `amount_out_of_range` or `invalid_argument`.
 * @example
 * ```ts
 * import { money, multiply, toDecimal } from 'ordercore/money';
 *
 * toDecimal(multiply(money('19.99', 'USD'), 3)); //=> '59.97'
 * toDecimal(multiply(money('59.97', 'USD'), '8.875%', 'half-even')); //=> '5.32'
 * toDecimal(multiply(money('0.05', 'USD'), '0.5', 'half-even')); //=> '0.02'
 * toDecimal(multiply(money('0.05', 'USD'), '0.5', 'half-up')); //=> '0.03'
 * ```
 */
export function multiply<C extends string>(value: Money<C>, factor: Rate, rounding?: RoundingMode): Money<C> {
  // Fast path, kept to few bytecodes (V8 inlines only so much into one function) so it inlines into
  // the caller and V8 can drop the intermediate Money objects of an expression: a valid amount times
  // a safe integer, or times a rate made by rate() or given as a string. `?? 0` reads the fields of
  // null or undefined as undefined instead of throwing a TypeError. Everything else, including every
  // error, goes to multiplySlow; no valid call goes there, so V8 never sees it called from a hot loop.
  const money = value ?? 0;
  const amount = money.amount;
  const currency = money.currency;
  if (typeof currency === 'string' && isSafeInteger(amount)) {
    if (typeof factor === 'number') {
      const product = amount * factor;
      if (rounding === undefined && isSafeInteger(factor) && isSafeInteger(product)) {
        return { amount: product + 0, currency };
      }
    } else {
      const rate =
        typeof factor === 'string'
          ? rateOfString(factor)
          : (factor as { [PARSED]?: unknown } | null)?.[PARSED] === true
            ? (factor as ParsedRateObject)
            : undefined;
      if (rate !== undefined) {
        // NaN (no number coefficient) and inexact float products (≥ 2^53) both fail this bound.
        const product = amount * (rate.coefficientNumber as number);
        if (product <= rate.productLimit && product >= -rate.productLimit) {
          return { amount: divideRoundNumber(product, rate.divisorNumber as number, rounding, 'multiply'), currency };
        }
      }
    }
  }
  return multiplySlow(value, factor, rounding);
}

function multiplySlow<C extends string>(value: Money<C>, factor: Rate, rounding: RoundingMode | undefined): Money<C> {
  assertMoney(value, 'value');
  const mode = checkRoundingMode(rounding);
  const rate = parseRate(factor, 'factor');
  const product = value.amount * (rate.coefficientNumber as number);
  if (product <= rate.productLimit && product >= -rate.productLimit) {
    return {
      amount: divideRoundNumber(product, rate.divisorNumber as number, mode, 'multiply'),
      currency: value.currency,
    };
  }
  const rounded = divideRoundBigInt(
    BigInt(value.amount) * rate.coefficient,
    10n ** BigInt(rate.scale),
    mode,
    'multiply',
  );
  return { amount: toSafeAmount(rounded, 'multiply'), currency: value.currency };
}
