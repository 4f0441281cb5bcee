import type { ErrorDetails } from '../core/errors.js';
import { OrdercoreError } from '../core/errors.js';

/**
 * Every code a {@link MoneyError} can carry.
 *
 * @example
 * ```ts
 * import { MONEY_ERROR_CODES } from 'ordercore/money';
 *
 * MONEY_ERROR_CODES.includes('currency_mismatch'); //=> true
 * ```
 */
export const MONEY_ERROR_CODES = [
  'invalid_amount',
  'precision_loss',
  'amount_out_of_range',
  'invalid_currency_code',
  'unknown_currency',
  'currency_conflict',
  'currency_mismatch',
  'invalid_rate',
  'invalid_rounding_mode',
  'rounding_required',
  'division_by_zero',
  'invalid_weights',
  'invalid_argument',
] as const;

/**
 * A reason a money operation refused its input.
 *
 * - `invalid_amount`: not a decimal string, safe integer or finite number.
 * - `precision_loss`: more decimals than the currency has, and no rounding mode was given.
 * - `amount_out_of_range`: the exact result is beyond `Number.MAX_SAFE_INTEGER` minor units.
 * - `invalid_currency_code` / `unknown_currency`: a malformed or unregistered currency code.
 * - `currency_conflict`: registering a code that already exists with another exponent.
 * - `currency_mismatch`: two amounts in different currencies combined.
 * - `invalid_rate`: a factor that is not an exact decimal.
 * - `invalid_rounding_mode`: not one of {@link ROUNDING_MODES}.
 * - `rounding_required`: the exact result has a fraction of a minor unit and no mode was given.
 * - `division_by_zero`: dividing by zero.
 * - `invalid_weights`: allocation weights that are empty, negative, not numbers, or all zero.
 * - `invalid_argument`: a value that is not money where money was expected, and the like.
 *
 * @example
 * ```ts
 * import type { MoneyErrorCode } from 'ordercore/money';
 *
 * const code: MoneyErrorCode = 'precision_loss';
 * code; //=> 'precision_loss'
 * ```
 */
export type MoneyErrorCode = (typeof MONEY_ERROR_CODES)[number];

/**
 * Thrown by money functions when their input breaks the rules (mixed currencies, more decimals than
 * the currency allows without a rounding mode, results out of range): a typed error with a code,
 * never a `TypeError` and never a silently wrong amount.
 *
 * Boundary code that handles untrusted input should use `ordercore/schemas`, which returns these
 * problems as a `ValidationError` value instead of throwing.
 *
 * @example
 * ```ts
 * import { add, money, MoneyError } from 'ordercore/money';
 *
 * try {
 *   add(money('1.00', 'USD'), money('1.00', 'EUR') as never);
 * } catch (e) {
 *   (e as MoneyError).code; //=> 'currency_mismatch'
 * }
 * ```
 */
export class MoneyError extends OrdercoreError<MoneyErrorCode> {
  /**
   * @param code - Why the operation was refused.
   * @param message - A sentence naming the argument and the reason.
   * @param details - Structured facts (the argument, the offending value, the limits).
   */
  constructor(code: MoneyErrorCode, message: string, details: ErrorDetails = {}) {
    super(code, message, details);
    this.name = 'MoneyError';
  }
}
