/** Marks ordercore errors so they are recognised across bundles, realms and ESM/CJS copies. */
const ORDERCORE_ERROR = Symbol.for('ordercore.error');

/**
 * Structured, JSON-friendly facts about an error (the field, the limits, the values involved).
 *
 * @example
 * ```ts
 * import type { ErrorDetails } from 'ordercore';
 *
 * const details: ErrorDetails = { field: 'amount', maximum: 9007199254740991 };
 * details['field']; //=> 'amount'
 * ```
 */
export type ErrorDetails = Readonly<Record<string, unknown>>;

/**
 * The plain-data form of an {@link OrdercoreError}, as `toJSON()` and `JSON.stringify` give it.
 *
 * @typeParam Code - The error's code union.
 * @example
 * ```ts
 * import { OrdercoreError, type OrdercoreErrorJSON } from 'ordercore';
 *
 * const json: OrdercoreErrorJSON = new OrdercoreError('not_found', 'No order o-1.').toJSON();
 * json; //=> { name: 'OrdercoreError', code: 'not_found', message: 'No order o-1.', details: {} }
 * ```
 */
export interface OrdercoreErrorJSON<Code extends string = string> {
  /** The error class name, e.g. `'MoneyError'`. */
  readonly name: string;
  /** The snake_case code. */
  readonly code: Code;
  /** The human message. */
  readonly message: string;
  /** Structured facts about the failure. */
  readonly details: ErrorDetails;
}

/**
 * The base of every error ordercore throws or returns: a snake_case `code` to branch on, a human
 * `message`, and structured `details`.
 *
 * Branch on `code`, not on `message`: codes are part of the public API, messages may be reworded.
 *
 * @typeParam Code - The union of codes this error can carry.
 * @example
 * ```ts
 * import { OrdercoreError } from 'ordercore';
 *
 * const e = new OrdercoreError('not_found', 'Order o-1 was not found.', { orderId: 'o-1' });
 * e.code; //=> 'not_found'
 * e.details; //=> { orderId: 'o-1' }
 * ```
 */
export class OrdercoreError<Code extends string = string> extends Error {
  /** The machine-readable reason, a snake_case literal. */
  readonly code: Code;
  /** Structured facts about the failure, safe to serialise. */
  readonly details: ErrorDetails;

  /**
   * @param code - The snake_case error code.
   * @param message - A sentence for humans that names the field and the reason.
   * @param details - Structured facts about the failure.
   */
  constructor(code: Code, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'OrdercoreError';
    this.code = code;
    this.details = details;
    Object.defineProperty(this, ORDERCORE_ERROR, { value: true });
  }

  /**
   * The plain-data form of the error, for logs and API responses.
   *
   * @returns `{ name, code, message, details }`.
   */
  toJSON(): OrdercoreErrorJSON<Code> {
    return { name: this.name, code: this.code, message: this.message, details: this.details };
  }
}

/**
 * Tells whether a value is an error raised by ordercore, even when it comes from another copy of
 * the library (an ESM and a CJS build loaded side by side, or another realm) where `instanceof`
 * would say no.
 *
 * @param value - Anything, typically a caught exception.
 * @returns `true` if the value is an {@link OrdercoreError}.
 * @example
 * ```ts
 * import { isOrdercoreError, OrdercoreError } from 'ordercore';
 *
 * isOrdercoreError(new OrdercoreError('x', 'x')); //=> true
 * isOrdercoreError(new Error('x')); //=> false
 * ```
 */
export function isOrdercoreError(value: unknown): value is OrdercoreError {
  return (
    typeof value === 'object' && value !== null && (value as { [ORDERCORE_ERROR]?: unknown })[ORDERCORE_ERROR] === true
  );
}

/**
 * One problem found while validating input: where it is and what is wrong with it.
 *
 * @example
 * ```ts
 * import type { ValidationIssue } from 'ordercore';
 *
 * const issue: ValidationIssue = { path: ['lines', 0, 'quantity'], code: 'too_small', message: 'must be ≥ 1' };
 * issue.path.join('.'); //=> 'lines.0.quantity'
 * ```
 */
export interface ValidationIssue {
  /** The path from the input's root to the offending value (`[]` for the root itself). */
  readonly path: readonly (string | number)[];
  /** A snake_case code for the problem (`invalid_type`, `too_small`, `precision_loss`, ...). */
  readonly code: string;
  /** A sentence for humans. */
  readonly message: string;
}

/**
 * Input rejected at the boundary: lists every issue found, each with the path to the field.
 *
 * @example
 * ```ts
 * import { ValidationError } from 'ordercore';
 *
 * const e = new ValidationError([{ path: ['amount'], code: 'invalid_type', message: 'expected a string' }]);
 * e.code; //=> 'validation_failed'
 * e.message; //=> 'Invalid input: amount: expected a string'
 * ```
 */
export class ValidationError extends OrdercoreError<'validation_failed'> {
  /** Every problem found, in input order. */
  readonly issues: readonly ValidationIssue[];

  /**
   * @param issues - The problems found; at least one.
   */
  constructor(issues: readonly ValidationIssue[]) {
    const summary = issues
      .map((issue) => `${issue.path.length === 0 ? '(root)' : issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    super('validation_failed', `Invalid input: ${summary}`, { issues });
    this.name = 'ValidationError';
    this.issues = issues;
  }
}
