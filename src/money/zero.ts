import { currencyExponent } from './currencies.js';
import type { Money } from './types.js';

/**
 * Zero in a currency: the starting point of a sum and the result of an empty allocation.
 *
 * @typeParam C - The currency code.
 * @param currency - An ISO 4217 code or a registered code.
 * @returns `{ amount: 0, currency }`.
 * @throws {@link MoneyError} `invalid_currency_code` or `unknown_currency`.
 * @example
 * ```ts
 * import { zero } from 'ordercore/money';
 *
 * zero('EUR'); //=> { amount: 0, currency: 'EUR' }
 * ```
 */
export function zero<C extends string>(currency: C): Money<C> {
  currencyExponent(currency);
  return { amount: 0, currency };
}
