import { assertMoney, currencyMismatch } from './internal/assert.js';
import { outOfRange } from './internal/decimal.js';
import type { Money } from './types.js';


const isSafeInteger = Number.isSafeInteger;
const MAX = Number.MAX_SAFE_INTEGER;

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
  // Fast path small enough to inline; anything unusual (bad input, mixed currencies, overflow) is
  // sorted out by subtractSlow.
  const x = minuend?.amount;
  const y = subtrahend?.amount;
  if (isSafeInteger(x) && isSafeInteger(y) && minuend.currency === subtrahend.currency) {
    const amount = x - y;
    if (amount <= MAX && amount >= -MAX && typeof minuend.currency === 'string') return { amount: amount + 0, currency: minuend.currency };
  }
  return subtractSlow(minuend, subtrahend);
}

function subtractSlow<C extends string>(minuend: Money<C>, subtrahend: Money<C>): Money<C> {
  assertMoney(minuend, 'minuend');
  assertMoney(subtrahend, 'subtrahend');
  if (minuend.currency !== subtrahend.currency) currencyMismatch(minuend.currency, subtrahend.currency, 'subtrahend');
  return outOfRange('subtract', BigInt(minuend.amount) - BigInt(subtrahend.amount));
}
