import { assertMoney, assertSameCurrency } from './internal/assert.js';
import { outOfRange } from './internal/decimal.js';
import type { Money } from './types.js';

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
  assertMoney(augend, 'augend');
  assertMoney(addend, 'addend');
  assertSameCurrency(augend, addend, 'addend');
  const amount = augend.amount + addend.amount;
  if (!Number.isSafeInteger(amount)) outOfRange('add', BigInt(augend.amount) + BigInt(addend.amount));
  return { amount, currency: augend.currency };
}
