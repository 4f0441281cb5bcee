/**
 * The outcome of an operation that can fail in an expected way: either a value or a typed error.
 *
 * Expected failures (insufficient stock, a rejected transition, malformed input) are returned as
 * values so callers handle them with ordinary control flow; bugs still throw.
 *
 * @typeParam T - The value on success.
 * @typeParam E - The error on failure.
 * @example
 * ```ts
 * import { ok, err, type Result } from 'ordercore';
 *
 * function half(n: number): Result<number, string> {
 *   return n % 2 === 0 ? ok(n / 2) : err('odd');
 * }
 * half(4); //=> { ok: true, value: 2 }
 * half(3); //=> { ok: false, error: 'odd' }
 * ```
 */
export type Result<T, E> = Ok<T> | Err<E>;

/**
 * The success branch of a {@link Result}.
 *
 * @typeParam T - The value.
 * @example
 * ```ts
 * import { ok, type Ok } from 'ordercore';
 *
 * const r: Ok<number> = ok(1);
 * r.value; //=> 1
 * ```
 */
export interface Ok<T> {
  /** Always `true` on this branch. */
  readonly ok: true;
  /** The value produced. */
  readonly value: T;
}

/**
 * The failure branch of a {@link Result}.
 *
 * @typeParam E - The error.
 * @example
 * ```ts
 * import { err, type Err } from 'ordercore';
 *
 * const r: Err<string> = err('insufficient_stock');
 * r.error; //=> 'insufficient_stock'
 * ```
 */
export interface Err<E> {
  /** Always `false` on this branch. */
  readonly ok: false;
  /** Why the operation failed. */
  readonly error: E;
}

/**
 * Wraps a value in a successful {@link Result}.
 *
 * @param value - The value.
 * @returns `{ ok: true, value }`.
 * @example
 * ```ts
 * import { ok } from 'ordercore';
 *
 * ok('done'); //=> { ok: true, value: 'done' }
 * ```
 */
export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

/**
 * Wraps an error in a failed {@link Result}.
 *
 * @param error - Why the operation failed.
 * @returns `{ ok: false, error }`.
 * @example
 * ```ts
 * import { err } from 'ordercore';
 *
 * err({ code: 'not_found' }); //=> { ok: false, error: { code: 'not_found' } }
 * ```
 */
export function err<E>(error: E): Err<E> {
  return { ok: false, error };
}
