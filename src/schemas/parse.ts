import type * as z from 'zod';
import { ValidationError, type ValidationIssue } from '../core/errors.js';
import { err, ok, type Result } from '../core/result.js';

/**
 * Validates untrusted input against a schema and returns the parsed value or a
 * {@link ValidationError} listing every problem with its path. It never throws: even a hostile
 * value (a throwing getter, a revoked proxy) comes back as a `ValidationError`.
 *
 * Every `parseX` function of this module is this function applied to its schema; use it with your
 * own schemas that embed ordercore's (`z.object({ price: moneySnapshotSchema })`).
 *
 * @typeParam S - The schema.
 * @param schema - A zod schema (ordercore's or your own).
 * @param input - Anything: parsed JSON, a request body, a message payload.
 * @returns `{ ok: true, value }` with the parsed output, or `{ ok: false, error }`.
 * @example
 * ```ts
 * import * as z from 'zod';
 * import { moneySnapshotSchema, parseInput } from 'ordercore/schemas';
 *
 * const refund = z.object({ orderId: z.string(), amount: moneySnapshotSchema });
 * const r = parseInput(refund, { orderId: 'o-1', amount: { amount: '12.345', currency: 'USD' } });
 * r.ok; //=> false
 * !r.ok && r.error.issues.map((i) => `${i.path.join('.')}:${i.code}`); //=> ['amount.amount:precision_loss']
 * ```
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>, ValidationError> {
  try {
    const parsed = schema.safeParse(input);
    if (parsed.success) return ok(parsed.data);
    return err(new ValidationError(parsed.error.issues.map(toValidationIssue)));
  } catch (cause) {
    return err(
      new ValidationError([
        { path: [], code: 'unreadable_input', message: `the input could not be read (${describeCause(cause)})` },
      ]),
    );
  }
}

function toValidationIssue(issue: z.core.$ZodIssue): ValidationIssue {
  const custom = issue.code === 'custom' ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
  return {
    path: issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment))),
    code: typeof custom === 'string' ? custom : issue.code,
    message: issue.message,
  };
}

function describeCause(cause: unknown): string {
  try {
    return cause instanceof Error ? cause.message : String(cause);
  } catch {
    return 'unknown error';
  }
}
