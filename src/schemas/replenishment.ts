import * as z from 'zod';
import type { ValidationError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import type { InventoryPosition, ReplenishmentPolicy } from '../replenishment/policies/types.js';
import { instantSchema } from './dates.js';
import { parseInput } from './parse.js';
import { isPlainObject, plainObject } from './plainObject.js';

// zod's discriminated unions need plain `z.strictObject` options, so the plain-object check sits in front.
const plainInput = z.custom<Record<string, unknown>>(isPlainObject, {
  message: 'expected a plain object',
  params: { code: 'invalid_type' },
});

const finite = z.number().refine(Number.isFinite, { message: 'expected a finite number' });
const nonNegative = finite.refine((n) => n >= 0, { message: 'expected a non-negative number' });
const positive = finite.refine((n) => n > 0, { message: 'expected a positive number' });

/**
 * An inventory position for `suggestReplenishment`: on hand, on order, backorders, committed units
 * (all ≥ 0) and an optional daily forecast.
 *
 * @example
 * ```ts
 * import { inventoryPositionSchema } from 'ordercore/schemas';
 *
 * inventoryPositionSchema.safeParse({ onHand: 10, onOrder: 0, backorders: 0 }).success; //=> true
 * inventoryPositionSchema.safeParse({ onHand: -1, onOrder: 0, backorders: 0 }).success; //=> false
 * ```
 */
export const inventoryPositionSchema: z.ZodType<InventoryPosition, unknown> = plainObject({
  onHand: nonNegative,
  onOrder: nonNegative,
  backorders: nonNegative,
  committed: nonNegative.exactOptional(),
  forecastDailyDemand: nonNegative.exactOptional(),
});

/**
 * A replenishment policy: (r, Q), (s, S) with S > s, min / max with max > min and a positive
 * multiple, or periodic (R, S) with an optional next review instant.
 *
 * @example
 * ```ts
 * import { replenishmentPolicySchema } from 'ordercore/schemas';
 *
 * replenishmentPolicySchema.safeParse({ kind: 's_S', reorderLevel: 100, orderUpTo: 300 }).success; //=> true
 * replenishmentPolicySchema.safeParse({ kind: 's_S', reorderLevel: 300, orderUpTo: 100 }).success; //=> false
 * ```
 */
export const replenishmentPolicySchema: z.ZodType<ReplenishmentPolicy, unknown> = plainInput
  .pipe(
    z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('reorder_point'), reorderPoint: finite, orderQuantity: positive }),
      z.strictObject({ kind: z.literal('s_S'), reorderLevel: finite, orderUpTo: finite }),
      z.strictObject({ kind: z.literal('min_max'), min: finite, max: finite, multiple: positive.exactOptional() }),
      z.strictObject({ kind: z.literal('order_up_to'), level: finite, nextReviewAt: instantSchema.exactOptional() }),
    ]),
  )
  .superRefine((policy, context) => {
    if (policy.kind === 's_S' && !(policy.orderUpTo > policy.reorderLevel))
      context.addIssue({ code: 'custom', path: ['orderUpTo'], message: 'S must exceed s' });
    if (policy.kind === 'min_max' && !(policy.max > policy.min))
      context.addIssue({ code: 'custom', path: ['max'], message: 'max must exceed min' });
  }) as unknown as z.ZodType<ReplenishmentPolicy, unknown>;

/**
 * Validates an untrusted inventory position against {@link inventoryPositionSchema}.
 *
 * @param input - Anything, typically parsed JSON.
 * @returns The position, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseInventoryPosition } from 'ordercore/schemas';
 *
 * const r = parseInventoryPosition({ onHand: 5, onOrder: 'x', backorders: 0 });
 * !r.ok && r.error.issues.map((i) => i.path.join('.')); //=> ['onOrder']
 * ```
 */
export function parseInventoryPosition(input: unknown): Result<InventoryPosition, ValidationError> {
  return parseInput(inventoryPositionSchema, input);
}

/**
 * Validates an untrusted replenishment policy against {@link replenishmentPolicySchema}.
 *
 * @param input - Anything, typically parsed JSON.
 * @returns The policy, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseReplenishmentPolicy } from 'ordercore/schemas';
 *
 * const r = parseReplenishmentPolicy({ kind: 'min_max', min: 10, max: 5 });
 * !r.ok && r.error.issues.map((i) => i.path.join('.')); //=> ['max']
 * ```
 */
export function parseReplenishmentPolicy(input: unknown): Result<ReplenishmentPolicy, ValidationError> {
  return parseInput(replenishmentPolicySchema, input);
}
