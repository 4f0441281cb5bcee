import { assertMoney, currencyMismatch } from './internal/assert.js';
import { outOfRange } from './internal/decimal.js';
import type { Money } from './types.js';


const isSafeInteger = Number.isSafeInteger;
const MAX = Number.MAX_SAFE_INTEGER;

/**
 * Adds two amounts of the same currency, exactly.
 *
 * @typeParam C - The currency; both arguments must share it (a compile error otherwise, when the
 *   currencies are known to the types).
 * @param augend - The first amount.
 * @param addend - The amount to add.
 * @returns The sum.
 * @throws {@link MoneyError} `currency_mismatch`, `amount_out_of_range` or `invalid_argument`.
 * @example
 * ```ts
 * import { add, money, toDecimal } from 'ordercore/money';
 *
 * toDecimal(add(money('0.10', 'USD'), money('0.20', 'USD'))); //=> '0.30'
 * ```
 */
export function add<C extends string>(augend: Money<C>, addend: Money<NoInfer<C>>): Money<C> {
  // Fast path small enough to inline; anything unusual (bad input, mixed currencies, overflow) is
  // sorted out by addSlow.
  const x = augend?.amount;
  const y = addend?.amount;
  if (isSafeInteger(x) && isSafeInteger(y) && augend.currency === addend.currency) {
    const amount = x + y;
    if (amount <= MAX && amount >= -MAX && typeof augend.currency === 'string') return { amount: amount + 0, currency: augend.currency };
  }
  return addSlow(augend, addend);
}

function addSlow<C extends string>(augend: Money<C>, addend: Money<C>): Money<C> {
  assertMoney(augend, 'augend');
  assertMoney(addend, 'addend');
  if (augend.currency !== addend.currency) currencyMismatch(augend.currency, addend.currency, 'addend');
  return outOfRange('add', BigInt(augend.amount) + BigInt(addend.amount));
}
