/**
 * Exact money: integer minor units, ISO 4217 currencies, named rounding modes and largest-remainder
 * allocation. No floating-point arithmetic on amounts, ever.
 *
 * @example
 * ```ts
 * import { allocate, money, multiply, toDecimal } from 'ordercore/money';
 *
 * const subtotal = multiply(money('19.99', 'USD'), 3);
 * toDecimal(multiply(subtotal, '8.875%', 'half-even')); //=> '5.32'
 * allocate(money('10.00', 'USD'), [1, 1, 1]).map(toDecimal); //=> ['3.34', '3.33', '3.33']
 * ```
 *
 * @module ordercore/money
 */
export { add } from './add.js';
export { max, min, sum } from './aggregate.js';
export { allocate, splitEvenly } from './allocate.js';
export { compare, equals, greaterThan, greaterThanOrEqual, lessThan, lessThanOrEqual } from './compare.js';
export { getCurrency, listCurrencies, MAX_CURRENCY_EXPONENT, registerCurrency } from './currencies.js';
export { divide } from './divide.js';
export type { MoneyErrorCode } from './errors.js';
export { MONEY_ERROR_CODES, MoneyError } from './errors.js';
export type { FormatOptions } from './format.js';
export { format } from './format.js';
export { fromMinor } from './fromMinor.js';
export { fromRatio } from './fromRatio.js';
export type { MoneyOptions } from './money.js';
export { money } from './money.js';
export { multiply } from './multiply.js';
export { abs, negate } from './negate.js';
export { percentage } from './percentage.js';
export type { PercentageOfOptions } from './percentageOf.js';
export { percentageOf } from './percentageOf.js';
export { isMoney, isNegative, isPositive, isZero } from './predicates.js';
export { rate } from './rate.js';
export { roundedQuotient } from './roundedQuotient.js';
export { fromSnapshot, toSnapshot } from './snapshot.js';
export { subtract } from './subtract.js';
export { toDecimal } from './toDecimal.js';
export type { Currency, Money, MoneySnapshot, ParsedRate, Rate, RoundingMode } from './types.js';
export { ROUNDING_MODES } from './types.js';
export { zero } from './zero.js';
