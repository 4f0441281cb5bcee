import { assertMoney, currencyMismatch } from './internal/assert.js';
import { outOfRange } from './internal/decimal.js';
import type { Money } from './types.js';

const isSafeInteger = Number.isSafeInteger;

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
  // Fast path, kept to few bytecodes so V8 inlines it and can drop the intermediate Money objects
  // of an expression. `?? 0` reads the fields of null or undefined as undefined instead of throwing
  // a TypeError; anything unusual (bad input, mixed currencies, overflow) is sorted out by addSlow.
  const x = augend ?? 0;
  const y = addend ?? 0;
  const currency = x.currency;
  const first = x.amount;
  const second = y.amount;
  if (isSafeInteger(first) && isSafeInteger(second) && currency === y.currency && typeof currency === 'string') {
    // Checked after the operands, so a hostile amount's valueOf never runs; a sum or difference past
    // 2^53 is not a safe integer even after float rounding.
    const amount = first + second;
    if (isSafeInteger(amount)) return { amount: amount + 0, currency };
  }
  return addSlow(augend, addend);
}

function addSlow<C extends string>(augend: Money<C>, addend: Money<C>): Money<C> {
  assertMoney(augend, 'augend');
  assertMoney(addend, 'addend');
  if (augend.currency !== addend.currency) currencyMismatch(augend.currency, addend.currency, 'addend');
  return outOfRange('add', BigInt(augend.amount) + BigInt(addend.amount));
}
