import * as z from 'zod';
import type { ValidationError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import {
  DROP_SHIP_MODES,
  SOURCING_LOCATION_KINDS,
  SOURCING_RULES,
  type SourcingLocation,
  type SourcingOrder,
  type SourcingStrategy,
} from '../inventory/sourcing/types.js';
import { parseInput } from './parse.js';
import { isPlainObject, plainObject } from './plainObject.js';

// Limits: they bound the work a hostile input can cause, far above real use.
const MAX_ID_LENGTH = 1_000;
const MAX_LINES = 10_000;
const MAX_ORDERS = 100_000;
const MAX_LOCATIONS = 10_000;
const MAX_SKUS = 1_000_000;

const idSchema = z.string().min(1).max(MAX_ID_LENGTH);
const limitSchema = z.int().min(0);

function issue(context: Pick<z.RefinementCtx, 'addIssue'>, path: (string | number)[], code: string, message: string) {
  context.addIssue({ code: 'custom', path, message, params: { code } });
}

// Units per SKU, checked by hand: z.record drops a `__proto__` key, and '__proto__' is a SKU like
// any other for sourcing (it reads records keyed by SKU by own property only). Any safe integer:
// sourcing counts a negative figure (oversold stock) as 0.
const availableSchema: z.ZodType<Readonly<Record<string, number>>, unknown> = z.transform(
  (input: unknown, context): Record<string, number> => {
    if (!isPlainObject(input)) {
      issue(context, [], 'invalid_type', 'expected a plain object of units per SKU');
      return z.NEVER;
    }
    const keys = Object.keys(input);
    if (keys.length > MAX_SKUS) issue(context, [], 'too_big', `at most ${MAX_SKUS} SKUs`);
    const output: Record<string, number> = {};
    for (const key of keys) {
      const value = input[key];
      if (key.length === 0 || key.length > MAX_ID_LENGTH) issue(context, [key], 'invalid_key', 'not a SKU');
      else if (typeof value !== 'number' || !Number.isSafeInteger(value))
        issue(context, [key], 'invalid_type', 'expected a safe integer');
      else Object.defineProperty(output, key, { value, writable: true, enumerable: true, configurable: true });
    }
    return output;
  },
);

/**
 * The schema of an order to source ({@link SourcingOrder}): an id, 1 to 10,000 lines with unique
 * line ids and positive integer quantities, an optional opaque `destination` (any value, passed to
 * the strategy's functions as parsed), and for `fulfillment: 'pickup'` a `pickupLocation`.
 *
 * @example
 * ```ts
 * import { sourcingOrderSchema } from 'ordercore/schemas';
 *
 * sourcingOrderSchema.safeParse({ id: 'o-1', lines: [{ lineId: 'a', sku: 'MUG', quantity: 2 }] }).success; //=> true
 * sourcingOrderSchema.safeParse({ id: 'o-1', lines: [{ lineId: 'a', sku: 'MUG', quantity: 0 }] }).success; //=> false
 * ```
 */
export const sourcingOrderSchema: z.ZodType<SourcingOrder, unknown> = plainObject({
  id: idSchema,
  lines: z
    .array(plainObject({ lineId: idSchema, sku: idSchema, quantity: z.int().min(1) }))
    .min(1)
    .max(MAX_LINES),
  destination: z.unknown().exactOptional(),
  fulfillment: z.enum(['ship', 'pickup']).exactOptional(),
  pickupLocation: idSchema.exactOptional(),
}).superRefine((order, context) => {
  const lines = order['lines'] as readonly { lineId: string }[];
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    if (seen.has(line.lineId)) issue(context, ['lines', index, 'lineId'], 'duplicate', 'line ids must be unique');
    seen.add(line.lineId);
  });
  if (order['fulfillment'] === 'pickup' && order['pickupLocation'] === undefined)
    issue(context, ['pickupLocation'], 'required', 'a pickup order needs its pickup location');
}) as unknown as z.ZodType<SourcingOrder, unknown>;

/**
 * The schema of a batch of orders to source: up to 100,000 {@link sourcingOrderSchema} orders
 * with unique ids, in the order they are served.
 *
 * @example
 * ```ts
 * import { sourcingOrdersSchema } from 'ordercore/schemas';
 *
 * const line = { lineId: 'a', sku: 'MUG', quantity: 1 };
 * sourcingOrdersSchema.safeParse([{ id: 'o', lines: [line] }, { id: 'o', lines: [line] }]).success; //=> false
 * ```
 */
export const sourcingOrdersSchema: z.ZodType<SourcingOrder[], unknown> = z
  .array(sourcingOrderSchema)
  .max(MAX_ORDERS)
  .superRefine((orders, context) => {
    const seen = new Set<string>();
    orders.forEach((order, index) => {
      if (seen.has(order.id)) issue(context, [index, 'id'], 'duplicate', 'order ids must be unique');
      seen.add(order.id);
    });
  });

/**
 * The schema of a location sourcing may ship from ({@link SourcingLocation}): id, kind, units
 * available per SKU (safe integers; `'__proto__'` is kept as a SKU), and the optional priority,
 * capacity (units, orders, lines ≥ 0), ship-from-store and pickup flags, and lead time (days ≥ 0).
 *
 * @example
 * ```ts
 * import { sourcingLocationSchema } from 'ordercore/schemas';
 *
 * const r = sourcingLocationSchema.safeParse(JSON.parse('{"id":"dc","kind":"warehouse","available":{"__proto__":3}}'));
 * r.success && Object.hasOwn(r.data.available, '__proto__'); //=> true
 * sourcingLocationSchema.safeParse({ id: 'dc', kind: 'depot', available: {} }).success; //=> false
 * ```
 */
export const sourcingLocationSchema: z.ZodType<SourcingLocation, unknown> = plainObject({
  id: idSchema,
  kind: z.enum(SOURCING_LOCATION_KINDS),
  available: availableSchema,
  priority: z.number().exactOptional(),
  capacity: plainObject({
    units: limitSchema.exactOptional(),
    orders: limitSchema.exactOptional(),
    lines: limitSchema.exactOptional(),
  }).exactOptional(),
  shipFromStore: z.boolean().exactOptional(),
  pickup: z.boolean().exactOptional(),
  leadTimeDays: z.number().min(0).exactOptional(),
}) as unknown as z.ZodType<SourcingLocation, unknown>;

/**
 * The schema of the locations of a sourcing call: up to 10,000 {@link sourcingLocationSchema}
 * locations with unique ids.
 *
 * @example
 * ```ts
 * import { sourcingLocationsSchema } from 'ordercore/schemas';
 *
 * sourcingLocationsSchema.safeParse([{ id: 'dc', kind: 'warehouse', available: {} }]).success; //=> true
 * ```
 */
export const sourcingLocationsSchema: z.ZodType<SourcingLocation[], unknown> = z
  .array(sourcingLocationSchema)
  .max(MAX_LOCATIONS)
  .superRefine((locations, context) => {
    const seen = new Set<string>();
    locations.forEach((location, index) => {
      if (seen.has(location.id)) issue(context, [index, 'id'], 'duplicate', 'location ids must be unique');
      seen.add(location.id);
    });
  });

const weightedRulesSchema = z
  .array(plainObject({ rule: z.enum(SOURCING_RULES), weight: z.number().gt(0).max(1e9) }))
  .min(1)
  .max(SOURCING_RULES.length)
  .superRefine((rules, context) => {
    const seen = new Set<unknown>();
    rules.forEach((rule, index) => {
      if (seen.has(rule['rule'])) issue(context, [index, 'rule'], 'duplicate', 'each rule at most once');
      seen.add(rule['rule']);
    });
  });

/**
 * The schema of the data part of a {@link SourcingStrategy}: rules (one rule, or weighted rules
 * each at most once, weights in (0, 1e9]), `fewestShipments`, `shipFromStore`, `dropShip`.
 *
 * Functions cannot be schema'd (nor sent as JSON): `distance` and `cost` are refused here; add
 * them to the parsed strategy yourself (`{ ...parsed, distance }`). Whether a rule that needs one
 * (`nearest`, `cheapest`) has it is checked by `sourceOrder` (`invalid_request`, field
 * `strategy.distance` or `strategy.cost`).
 *
 * @example
 * ```ts
 * import { sourcingStrategySchema } from 'ordercore/schemas';
 *
 * sourcingStrategySchema.safeParse({ rules: [{ rule: 'nearest', weight: 3 }, { rule: 'cheapest', weight: 1 }] }).success; //=> true
 * sourcingStrategySchema.safeParse({ rules: 'closest' }).success; //=> false
 * ```
 */
export const sourcingStrategySchema: z.ZodType<SourcingStrategy, unknown> = plainObject({
  rules: z.union([z.enum(SOURCING_RULES), weightedRulesSchema]).exactOptional(),
  fewestShipments: z.boolean().exactOptional(),
  shipFromStore: z.boolean().exactOptional(),
  dropShip: z.enum(DROP_SHIP_MODES).exactOptional(),
}) as unknown as z.ZodType<SourcingStrategy, unknown>;

/**
 * Validates untrusted orders to source against {@link sourcingOrdersSchema}.
 *
 * @param input - Anything, typically parsed JSON.
 * @returns The orders, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseSourcingOrders } from 'ordercore/schemas';
 *
 * const r = parseSourcingOrders([{ id: 'o', lines: [{ lineId: 'a', sku: 'MUG', quantity: 1 }], fulfillment: 'pickup' }]);
 * !r.ok && r.error.issues.map((i) => `${i.path.join('.')}:${i.code}`); //=> ['0.pickupLocation:required']
 * ```
 */
export function parseSourcingOrders(input: unknown): Result<SourcingOrder[], ValidationError> {
  return parseInput(sourcingOrdersSchema, input);
}

/**
 * Validates untrusted sourcing locations against {@link sourcingLocationsSchema}.
 *
 * @param input - Anything, typically parsed JSON.
 * @returns The locations, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseSourcingLocations } from 'ordercore/schemas';
 *
 * const r = parseSourcingLocations([{ id: 'dc', kind: 'warehouse', available: { MUG: 1.5 } }]);
 * !r.ok && r.error.issues.map((i) => `${i.path.join('.')}:${i.code}`); //=> ['0.available.MUG:invalid_type']
 * ```
 */
export function parseSourcingLocations(input: unknown): Result<SourcingLocation[], ValidationError> {
  return parseInput(sourcingLocationsSchema, input);
}

/**
 * Validates the data part of an untrusted sourcing strategy against {@link sourcingStrategySchema}
 * (add `distance` and `cost` functions to the result yourself).
 *
 * @param input - Anything, typically parsed JSON.
 * @returns The strategy, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { sourceOrder } from 'ordercore/inventory';
 * import { parseSourcingStrategy } from 'ordercore/schemas';
 *
 * const r = parseSourcingStrategy(JSON.parse('{"rules":"nearest","fewestShipments":true}'));
 * const strategy = r.ok ? { ...r.value, distance: () => 1 } : {};
 * const plan = sourceOrder(
 *   { id: 'o', lines: [{ lineId: 'a', sku: 'MUG', quantity: 1 }] },
 *   [{ id: 'dc', kind: 'warehouse', available: { MUG: 1 } }],
 *   strategy,
 * );
 * plan.ok && plan.value.complete; //=> true
 * ```
 */
export function parseSourcingStrategy(input: unknown): Result<SourcingStrategy, ValidationError> {
  return parseInput(sourcingStrategySchema, input);
}
