import * as z from 'zod';
import type { ValidationError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import { getCurrency } from '../money/currencies.js';
import { MoneyError } from '../money/errors.js';
import { fromMinor } from '../money/fromMinor.js';
import { rate as parseRateValue } from '../money/rate.js';
import { fromSnapshot } from '../money/snapshot.js';
import { type Money, type Rate, ROUNDING_MODES, type RoundingMode } from '../money/types.js';
import { parseInput } from './parse.js';
import { plainObject } from './plainObject.js';

/**
 * A known currency code: ISO 4217 or registered with `registerCurrency`.
 *
 * @example
 * ```ts
 * import { currencyCodeSchema } from 'ordercore/schemas';
 *
 * currencyCodeSchema.safeParse('USD').success; //=> true
 * currencyCodeSchema.safeParse('usd').success; //=> false
 * ```
 */
export const currencyCodeSchema: z.ZodType<string, string> = z
  .string()
  .max(10)
  .refine((code) => getCurrency(code) !== undefined, {
    message: 'not a known currency code (ISO 4217 or registered)',
    params: { code: 'unknown_currency' },
  });

/**
 * A rounding mode name, one of `ROUNDING_MODES`.
 *
 * @example
 * ```ts
 * import { roundingModeSchema } from 'ordercore/schemas';
 *
 * roundingModeSchema.safeParse('half-even').success; //=> true
 * roundingModeSchema.safeParse('HALF_EVEN').success; //=> false
 * ```
 */
export const roundingModeSchema: z.ZodType<RoundingMode, unknown> = z.enum(ROUNDING_MODES);

/**
 * An exact decimal factor as money functions accept it: a decimal or percentage string, a finite
 * number, a bigint, or the JSON form of a parsed rate. The output is the input, checked.
 *
 * @example
 * ```ts
 * import { rateSchema } from 'ordercore/schemas';
 *
 * rateSchema.safeParse('8.875%').success; //=> true
 * rateSchema.safeParse({ kind: 'parsed-rate', decimal: '0.08875' }).success; //=> true
 * rateSchema.safeParse(Number.NaN).success; //=> false
 * ```
 */
export const rateSchema: z.ZodType<Rate, unknown> = z
  .union([
    z.string().max(120),
    z.number(),
    z.bigint(),
    // The JSON form of a rate made by rate(): `{ kind: 'parsed-rate', decimal }`.
    plainObject({ kind: z.literal('parsed-rate'), decimal: z.string().max(120) }),
  ])
  .refine(
    (rate) => {
      try {
        parseRateValue(rate);
        return true;
      } catch {
        return false;
      }
    },
    { message: "not an exact decimal (expected e.g. '0.08875', '8.875%' or 0.5)", params: { code: 'invalid_rate' } },
  );

/**
 * Money as ordercore holds it in memory and as it survives JSON: `{ amount: <safe integer of minor
 * units>, currency: <code> }`. Extra keys are refused.
 *
 * @example
 * ```ts
 * import { moneySchema } from 'ordercore/schemas';
 *
 * moneySchema.safeParse({ amount: 1230, currency: 'USD' }).success; //=> true
 * moneySchema.safeParse({ amount: 12.3, currency: 'USD' }).success; //=> false
 * ```
 */
export const moneySchema: z.ZodType<Money, unknown> = plainObject({
  amount: z.int(),
  currency: currencyCodeSchema,
}).transform((value) => fromMinor(value.amount, value.currency));

/**
 * Money in its JSON snapshot form, `{ amount: '12.30', currency: 'USD' }`, turned into `Money`.
 * The amount must be a plain decimal string with no more decimals than the currency has.
 *
 * @example
 * ```ts
 * import { moneySnapshotSchema } from 'ordercore/schemas';
 *
 * moneySnapshotSchema.parse({ amount: '12.30', currency: 'USD' }); //=> { amount: 1230, currency: 'USD' }
 * moneySnapshotSchema.safeParse({ amount: '12.345', currency: 'USD' }).success; //=> false
 * ```
 */
export const moneySnapshotSchema: z.ZodType<Money, unknown> = plainObject({
  amount: z.string().max(120),
  currency: currencyCodeSchema,
}).transform((snapshot, context) => {
  try {
    return fromSnapshot(snapshot);
  } catch (cause) {
    context.issues.push({
      code: 'custom',
      input: snapshot.amount,
      path: ['amount'],
      message: cause instanceof MoneyError ? cause.message : 'not a valid amount',
      params: { code: cause instanceof MoneyError ? cause.code : 'invalid_amount' },
    });
    return z.NEVER;
  }
});

/**
 * Validates untrusted money in memory form (`{ amount: 1230, currency: 'USD' }`).
 *
 * @param input - Anything.
 * @returns The money, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseMoney } from 'ordercore/schemas';
 *
 * parseMoney({ amount: 1230, currency: 'USD' }); //=> { ok: true, value: { amount: 1230, currency: 'USD' } }
 * parseMoney({ amount: Number.NaN, currency: 'USD' }).ok; //=> false
 * ```
 */
export function parseMoney(input: unknown): Result<Money, ValidationError> {
  return parseInput(moneySchema, input);
}

/**
 * Validates untrusted money in snapshot form (`{ amount: '12.30', currency: 'USD' }`).
 *
 * @param input - Anything, typically parsed JSON.
 * @returns The money, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseMoneySnapshot } from 'ordercore/schemas';
 *
 * parseMoneySnapshot({ amount: '0.50', currency: 'EUR' }); //=> { ok: true, value: { amount: 50, currency: 'EUR' } }
 * const bad = parseMoneySnapshot({ amount: '1e400', currency: 'EUR' });
 * !bad.ok && bad.error.issues[0]?.path; //=> ['amount']
 * ```
 */
export function parseMoneySnapshot(input: unknown): Result<Money, ValidationError> {
  return parseInput(moneySnapshotSchema, input);
}
