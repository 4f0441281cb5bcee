import { assertMoney, currencyMismatch } from './internal/assert.js';
import { outOfRange } from './internal/decimal.js';
import type { Money } from './types.js';

const isSafeInteger = Number.isSafeInteger;

/**
 * Subtracts one amount from another of the same currency, exactly. The result may be negative.
 *
 * @typeParam C - The currency shared by both arguments.
 * @param minuend - The amount to subtract from.
 * @param subtrahend - The amount to subtract.
 * @returns The difference.
 * @throws {@link MoneyError} `currency_mismatch`, `amount_out_of_range` or `invalid_argument`.
 * @example
 * ```ts
 * import { money, subtract, toDecimal } from 'ordercore/money';
 *
 * toDecimal(subtract(money('5.00', 'EUR'), money('7.25', 'EUR'))); //=> '-2.25'
 * ```
 */
export function subtract<C extends string>(minuend: Money<C>, subtrahend: Money<NoInfer<C>>): Money<C> {
  // Fast path, kept to few bytecodes so V8 inlines it and can drop the intermediate Money objects
  // of an expression. `?? 0` reads the fields of null or undefined as undefined instead of throwing
  // a TypeError; anything unusual (bad input, mixed currencies, overflow) is sorted out by subtractSlow.
  const x = minuend ?? 0;
  const y = subtrahend ?? 0;
  const currency = x.currency;
  const first = x.amount;
  const second = y.amount;
  if (isSafeInteger(first) && isSafeInteger(second) && currency === y.currency && typeof currency === 'string') {
    // Checked after the operands, so a hostile amount's valueOf never runs; a sum or difference past
    // 2^53 is not a safe integer even after float rounding.
    const amount = first - second;
    if (isSafeInteger(amount)) return { amount: amount + 0, currency };
  }
  return subtractSlow(minuend, subtrahend);
}

function subtractSlow<C extends string>(minuend: Money<C>, subtrahend: Money<C>): Money<C> {
  assertMoney(minuend, 'minuend');
  assertMoney(subtrahend, 'subtrahend');
  if (minuend.currency !== subtrahend.currency) currencyMismatch(minuend.currency, subtrahend.currency, 'subtrahend');
  return outOfRange('subtract', BigInt(minuend.amount) - BigInt(subtrahend.amount));
}
