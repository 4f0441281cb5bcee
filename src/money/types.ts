/**
 * An exact amount of money: an integer number of the currency's minor units (cents for USD, yen for
 * JPY, fils for KWD) and the ISO 4217 code of the currency.
 *
 * Money is plain, readonly data: it survives `JSON.stringify` / `JSON.parse`, compares with `===` on
 * its fields, and is never mutated by any function of this module. `amount` is always a safe integer
 * (|amount| ≤ `Number.MAX_SAFE_INTEGER`); operations whose exact result would leave that range throw a
 * `MoneyError` with code `amount_out_of_range` instead of returning a wrong number.
 *
 * The type parameter carries the currency when it is known at compile time, so adding `Money<'USD'>`
 * to `Money<'EUR'>` does not compile.
 *
 * @typeParam C - The currency code, as a literal type where known.
 * @example
 * ```ts
 * import { money, type Money } from 'ordercore/money';
 *
 * const price: Money<'USD'> = money('12.30', 'USD');
 * price; //=> { amount: 1230, currency: 'USD' }
 * ```
 */
export interface Money<C extends string = string> {
  /** The amount in the currency's minor unit: a safe integer, never `-0`. */
  readonly amount: number;
  /** The currency code (ISO 4217 or a registered custom code). */
  readonly currency: C;
}

/**
 * The JSON form of money, with the amount as a decimal string in major units (`"12.30"`), the way
 * ordercore writes money into snapshots, APIs and logs.
 *
 * @typeParam C - The currency code.
 * @example
 * ```ts
 * import { money, toSnapshot, type MoneySnapshot } from 'ordercore/money';
 *
 * const s: MoneySnapshot = toSnapshot(money('12.3', 'USD'));
 * s; //=> { amount: '12.30', currency: 'USD' }
 * ```
 */
export interface MoneySnapshot<C extends string = string> {
  /** The amount in major units as a plain decimal string with exactly the currency's decimals. */
  readonly amount: string;
  /** The currency code. */
  readonly currency: C;
}

/**
 * A currency: its code and its minor-unit exponent (the number of decimals: USD 2, JPY 0, KWD 3).
 *
 * @example
 * ```ts
 * import { getCurrency } from 'ordercore/money';
 *
 * getCurrency('KWD'); //=> { code: 'KWD', exponent: 3 }
 * ```
 */
export interface Currency {
  /** The code: three uppercase letters for ISO 4217, or a registered custom code. */
  readonly code: string;
  /** The number of decimal places of the minor unit, an integer from 0 to 12. */
  readonly exponent: number;
}

/**
 * Every rounding mode ordercore knows, in a fixed order.
 *
 * - `half-even`: to the nearest; ties to the even neighbour (banker's rounding).
 * - `half-up`: to the nearest; ties away from zero (what most people learned at school).
 * - `half-down`: to the nearest; ties toward zero.
 * - `half-ceiling`: to the nearest; ties toward +∞.
 * - `half-floor`: to the nearest; ties toward −∞.
 * - `up`: away from zero.
 * - `down`: toward zero (truncation).
 * - `ceiling`: toward +∞.
 * - `floor`: toward −∞.
 *
 * These are exactly decimal.js's `ROUND_HALF_EVEN`, `ROUND_HALF_UP`, `ROUND_HALF_DOWN`,
 * `ROUND_HALF_CEIL`, `ROUND_HALF_FLOOR`, `ROUND_UP`, `ROUND_DOWN`, `ROUND_CEIL` and `ROUND_FLOOR`.
 *
 * @example
 * ```ts
 * import { ROUNDING_MODES } from 'ordercore/money';
 *
 * ROUNDING_MODES.includes('half-even'); //=> true
 * ```
 */
export const ROUNDING_MODES = [
  'half-even',
  'half-up',
  'half-down',
  'half-ceiling',
  'half-floor',
  'up',
  'down',
  'ceiling',
  'floor',
] as const;

/**
 * A named rounding mode; see {@link ROUNDING_MODES} for what each one does.
 *
 * @example
 * ```ts
 * import { multiply, money, toDecimal, type RoundingMode } from 'ordercore/money';
 *
 * const mode: RoundingMode = 'half-even';
 * toDecimal(multiply(money('0.25', 'USD'), '0.5', mode)); //=> '0.12'
 * ```
 */
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/**
 * An exact decimal factor: a decimal string (`'0.08875'`), a percentage string (`'33.33%'`), an
 * integer or a decimal `number` (taken as the shortest decimal that prints as that number, so `0.1`
 * means exactly one tenth), or a `bigint`.
 *
 * Strings accept an optional sign, digits with an optional fraction, and an optional exponent
 * (`'1.5e-3'`); nothing else (no spaces, no thousands separators, no `NaN` or `Infinity`). A rate
 * may have at most 400 decimals and 400 integer digits (every finite `number` fits) and a string at
 * most 120 characters; anything beyond is refused with `invalid_rate` rather than computed, so
 * hostile input cannot make arithmetic slow.
 *
 * @example
 * ```ts
 * import { multiply, money, toDecimal, type Rate } from 'ordercore/money';
 *
 * const salesTax: Rate = '8.875%';
 * toDecimal(multiply(money('100.00', 'USD'), salesTax, 'half-even')); //=> '8.88'
 * ```
 */
export type Rate = string | number | bigint | ParsedRate;

/**
 * A rate parsed once by `rate()`, for hot loops that apply the same rate to many amounts. It is
 * plain data on the outside: `decimal` is its exact value as a plain decimal string, and
 * `JSON.stringify` gives `{"kind":"parsed-rate","decimal":"0.08875"}`, which every function taking a
 * {@link Rate} reads back.
 *
 * @example
 * ```ts
 * import { rate, type ParsedRate } from 'ordercore/money';
 *
 * const salesTax: ParsedRate = rate('8.875%');
 * salesTax.decimal; //=> '0.08875'
 * JSON.stringify(salesTax); //=> '{"kind":"parsed-rate","decimal":"0.08875"}'
 * ```
 */
export interface ParsedRate {
  /** Always `'parsed-rate'`. */
  readonly kind: 'parsed-rate';
  /** The exact value as a plain decimal string without trailing zeros, e.g. `'0.08875'`. */
  readonly decimal: string;
}
