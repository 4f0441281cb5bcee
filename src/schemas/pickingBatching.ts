import * as z from 'zod';
import type { ValidationError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import type { BatchCapacity, BatchOrder, BatchOrdersOptions } from '../picking/batching/types.js';
import type { Pick } from '../picking/types.js';
import { parseInput } from './parse.js';
import { plainObject } from './plainObject.js';

// Limits: the same as batchOrders enforces (orders per call), and generous per-order bounds.
const MAX_ORDERS = 100_000;
const MAX_PICKS_PER_ORDER = 100_000;
const MAX_ID_LENGTH = 1_000;
const MAX_AISLE = 1_000_000;

const idSchema = z.string().min(1).max(MAX_ID_LENGTH);
const amountSchema = z.number().min(0).max(Number.MAX_VALUE);
const limitSchema = z.number().gt(0).max(Number.MAX_VALUE);

// A pick as batching reads it (the layout bounds are checked by batchOrders, where the layout is known).
const pickSchema: z.ZodType<Pick, unknown> = plainObject({
  id: idSchema,
  location: plainObject({
    aisle: z.int().min(0).max(MAX_AISLE),
    cell: z.int().min(0),
    side: z.enum(['left', 'right']).exactOptional(),
  }),
  sku: z.string().max(MAX_ID_LENGTH).exactOptional(),
  quantity: amountSchema.exactOptional(),
});

/**
 * The zod schema of a {@link BatchOrder}: a non-empty id, picks (at most 100,000), and optional
 * non-negative finite `items`, `weight` and `volume`.
 *
 * @example
 * ```ts
 * import { batchOrderSchema } from 'ordercore/schemas';
 *
 * batchOrderSchema.safeParse({ id: 'o-1', picks: [{ id: 'p', location: { aisle: 1, cell: 4 } }], weight: 2.5 }).success; //=> true
 * batchOrderSchema.safeParse({ id: 'o-1', picks: [], items: -1 }).success; //=> false
 * ```
 */
export const batchOrderSchema: z.ZodType<BatchOrder, unknown> = plainObject({
  id: idSchema,
  picks: z.array(pickSchema).max(MAX_PICKS_PER_ORDER),
  items: amountSchema.exactOptional(),
  weight: amountSchema.exactOptional(),
  volume: amountSchema.exactOptional(),
});

/**
 * The zod schema of a {@link BatchCapacity}: positive finite limits in items and, optionally,
 * weight and volume.
 *
 * @example
 * ```ts
 * import { batchCapacitySchema } from 'ordercore/schemas';
 *
 * batchCapacitySchema.safeParse({ items: 45, weight: 60 }).success; //=> true
 * batchCapacitySchema.safeParse({ items: 0 }).success; //=> false
 * ```
 */
export const batchCapacitySchema: z.ZodType<BatchCapacity, unknown> = plainObject({
  items: limitSchema,
  weight: limitSchema.exactOptional(),
  volume: limitSchema.exactOptional(),
});

/**
 * The zod schema of {@link BatchOrdersOptions}: capacity, policy, method and the method's
 * settings; `clock` (a function) is accepted when present and required with `timeBudgetMs`.
 *
 * @example
 * ```ts
 * import { batchOrdersOptionsSchema } from 'ordercore/schemas';
 *
 * batchOrdersOptionsSchema.safeParse({ capacity: { items: 45 }, policy: 'optimal', method: 'savings' }).success; //=> true
 * batchOrdersOptionsSchema.safeParse({ capacity: { items: 45 }, policy: 'optimal', method: 'savings', timeBudgetMs: 100 }).success; //=> false
 * ```
 */
export const batchOrdersOptionsSchema: z.ZodType<BatchOrdersOptions, unknown> = plainObject({
  capacity: batchCapacitySchema,
  policy: z.enum(['s_shape', 'return', 'midpoint', 'largest_gap', 'combined', 'optimal']),
  method: z.enum(['fcfs', 'seed', 'savings', 'local_search', 'iterated_local_search', 'exact']),
  seedRule: z.enum(['most_picks', 'most_aisles', 'farthest']).exactOptional(),
  additionRule: z.enum(['most_shared_aisles', 'smallest_added_distance']).exactOptional(),
  improvement: z.enum(['first', 'best']).exactOptional(),
  start: z.enum(['fcfs', 'seed', 'savings']).exactOptional(),
  seed: z.number().min(-Number.MAX_VALUE).max(Number.MAX_VALUE).exactOptional(),
  maxIterations: z.int().min(0).exactOptional(),
  timeBudgetMs: amountSchema.exactOptional(),
  clock: z
    .custom<() => number>((value) => typeof value === 'function', { message: 'expected a function' })
    .exactOptional(),
}).refine((options) => options.timeBudgetMs === undefined || options.clock !== undefined, {
  message: 'clock is required with timeBudgetMs',
  path: ['clock'],
});

/**
 * Validates untrusted orders to batch (typically parsed JSON): an array of at most 100,000
 * {@link batchOrderSchema} orders.
 *
 * @param input - Anything: a request body, a queue message.
 * @returns The orders, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseBatchOrders } from 'ordercore/schemas';
 *
 * const r = parseBatchOrders(JSON.parse('[{"id":"o-1","picks":[{"id":"p1","location":{"aisle":2,"cell":7}}]}]'));
 * r.ok && r.value[0]?.picks.length; //=> 1
 * const bad = parseBatchOrders([{ id: 'o-1', picks: [{ id: 'p1', location: { aisle: -1, cell: 0 } }] }]);
 * !bad.ok && bad.error.issues.map((i) => i.path.join('.')); //=> ['0.picks.0.location.aisle']
 * ```
 */
export function parseBatchOrders(input: unknown): Result<BatchOrder[], ValidationError> {
  return parseInput(z.array(batchOrderSchema).max(MAX_ORDERS), input);
}

/**
 * Validates untrusted batching options against {@link batchOrdersOptionsSchema}.
 *
 * @param input - Anything: a configuration file, a request body.
 * @returns The options, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseBatchOrdersOptions } from 'ordercore/schemas';
 *
 * const r = parseBatchOrdersOptions({ capacity: { items: 45 }, policy: 'largest_gap', method: 'iterated_local_search', seed: 7 });
 * r.ok && r.value.seed; //=> 7
 * const bad = parseBatchOrdersOptions({ capacity: { items: 45 }, policy: 'largest_gap', method: 'genetic' });
 * !bad.ok && bad.error.issues.map((i) => i.path.join('.')); //=> ['method']
 * ```
 */
export function parseBatchOrdersOptions(input: unknown): Result<BatchOrdersOptions, ValidationError> {
  return parseInput(batchOrdersOptionsSchema, input);
}
