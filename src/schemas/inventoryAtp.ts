import * as z from 'zod';
import type { ValidationError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import type {
  AvailabilityOptions,
  AvailabilityQuery,
  ChannelRule,
  DatedDemand,
  PromiseOptions,
  TimePhasedInput,
} from '../inventory/atp/types.js';
import type { AvailabilityPolicy } from '../inventory/types.js';
import { instantSchema } from './dates.js';
import { parseInput } from './parse.js';
import { isPlainObject, plainObject } from './plainObject.js';

// Limits: they bound the work a hostile input can cause, far above real use.
const MAX_ID_LENGTH = 1_000;
const MAX_LOCATIONS = 10_000;
const MAX_POLICY_SKUS = 100_000;
const MAX_CHANNELS = 1_000;
const MAX_PERIODS = 100_000;
const MAX_DEMAND = 1_000_000;

const idSchema = z.string().min(1).max(MAX_ID_LENGTH);
const countSchema = z.int().min(0);

function issue(context: Pick<z.RefinementCtx, 'addIssue'>, path: (string | number)[], code: string, message: string) {
  context.addIssue({ code: 'custom', path, message, params: { code } });
}

// zod's unions need plain `z.strictObject` options, so the plain-object check sits in front.
const plainInput = z.custom<Record<string, unknown>>(isPlainObject, {
  message: 'expected a plain object',
  params: { code: 'invalid_type' },
});

// Units per SKU, checked by hand: z.record drops a `__proto__` key, and '__proto__' is a SKU like
// any other for ordercore/inventory (records keyed by SKU are read by own property only).
const unitsPerSkuSchema: z.ZodType<Readonly<Record<string, number>>, unknown> = z.transform(
  (input: unknown, context): Record<string, number> => {
    if (!isPlainObject(input)) {
      issue(context, [], 'invalid_type', 'expected a plain object of units per SKU');
      return z.NEVER;
    }
    const keys = Object.keys(input);
    if (keys.length > MAX_POLICY_SKUS) issue(context, [], 'too_big', `at most ${MAX_POLICY_SKUS} SKUs`);
    const output: Record<string, number> = {};
    for (const key of keys) {
      const value = input[key];
      if (key.length === 0 || key.length > MAX_ID_LENGTH) issue(context, [key], 'invalid_key', 'not a SKU');
      else if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
        issue(context, [key], 'invalid_type', 'expected a non-negative safe integer');
      else Object.defineProperty(output, key, { value, writable: true, enumerable: true, configurable: true });
    }
    return output;
  },
);

// A percentage 0–100 with at most 4 decimals, as channelAvailability reads it.
const percentSchema = z
  .number()
  .min(0)
  .max(100)
  .refine((p) => Math.round(p * 10_000) / 10_000 === p, {
    message: 'at most 4 decimals',
    params: { code: 'precision_loss' },
  });

/**
 * What `availableToPromise` computes: `{ sku, location }` or `{ sku, locations }` (1 to 10,000
 * distinct ids).
 *
 * @example
 * ```ts
 * import { availabilityQuerySchema } from 'ordercore/schemas';
 *
 * availabilityQuerySchema.safeParse({ sku: 'SHIRT', locations: ['a', 'b'] }).success; //=> true
 * availabilityQuerySchema.safeParse({ sku: 'SHIRT', locations: ['a', 'a'] }).success; //=> false
 * ```
 */
export const availabilityQuerySchema: z.ZodType<AvailabilityQuery, unknown> = plainInput
  .pipe(
    z.union([
      z.strictObject({ sku: idSchema, location: idSchema }),
      z.strictObject({ sku: idSchema, locations: z.array(idSchema).min(1).max(MAX_LOCATIONS) }),
    ]),
  )
  .superRefine((query, context) => {
    if (!('locations' in query)) return;
    const seen = new Set<string>();
    query.locations.forEach((location, i) => {
      if (seen.has(location)) issue(context, ['locations', i], 'duplicate', 'a location is listed twice');
      seen.add(location);
    });
  }) as unknown as z.ZodType<AvailabilityQuery, unknown>;

/**
 * Safety stock and backorder limits per SKU: non-negative safe integers (any SKU, `'__proto__'`
 * included, is kept as an own key).
 *
 * @example
 * ```ts
 * import { availabilityPolicySchema } from 'ordercore/schemas';
 *
 * availabilityPolicySchema.safeParse({ safetyStock: { SHIRT: 5 } }).success; //=> true
 * availabilityPolicySchema.safeParse({ backorderLimit: { SHIRT: -1 } }).success; //=> false
 * ```
 */
export const availabilityPolicySchema: z.ZodType<AvailabilityPolicy, unknown> = plainObject({
  safetyStock: unitsPerSkuSchema.exactOptional(),
  backorderLimit: unitsPerSkuSchema.exactOptional(),
});

/**
 * The options of `availableToPromise`: `now` (an instant with an offset), `policy`, `excludeOwner`.
 *
 * @example
 * ```ts
 * import { availabilityOptionsSchema } from 'ordercore/schemas';
 *
 * availabilityOptionsSchema.safeParse({ now: '2026-11-22T10:00:00Z', excludeOwner: 'cart-9' }).success; //=> true
 * availabilityOptionsSchema.safeParse({ now: '2026-11-22 10:00' }).success; //=> false
 * ```
 */
export const availabilityOptionsSchema: z.ZodType<AvailabilityOptions, unknown> = plainObject({
  now: instantSchema,
  policy: availabilityPolicySchema.exactOptional(),
  excludeOwner: idSchema.exactOptional(),
});

const channelRuleSchema = plainObject({
  channel: idSchema,
  buffer: plainInput
    .pipe(z.union([z.strictObject({ units: countSchema }), z.strictObject({ percent: percentSchema })]))
    .exactOptional(),
  allocation: plainInput
    .pipe(z.union([z.strictObject({ share: percentSchema }), z.strictObject({ quota: countSchema })]))
    .exactOptional(),
  pooled: z.boolean().exactOptional(),
});

/**
 * The channel rules of `channelAvailability`: up to 1,000 rules with distinct ids; buffers in units
 * or percent, allocations as a share or a quota; shares summing to at most 100 %.
 *
 * @example
 * ```ts
 * import { channelRulesSchema } from 'ordercore/schemas';
 *
 * channelRulesSchema.safeParse([{ channel: 'web' }, { channel: 'amazon', allocation: { share: 40 }, buffer: { units: 5 } }]).success; //=> true
 * channelRulesSchema.safeParse([{ channel: 'a', allocation: { share: 60 } }, { channel: 'b', allocation: { share: 50 } }]).success; //=> false
 * ```
 */
export const channelRulesSchema: z.ZodType<ChannelRule[], unknown> = z
  .array(channelRuleSchema)
  .max(MAX_CHANNELS)
  .superRefine((rules, context) => {
    const seen = new Set<string>();
    let shares = 0;
    rules.forEach((rule, i) => {
      if (seen.has(rule.channel)) issue(context, [i, 'channel'], 'duplicate', 'a channel is listed twice');
      seen.add(rule.channel);
      if (rule.allocation !== undefined && 'share' in rule.allocation)
        shares += Math.round(rule.allocation.share * 10_000);
    });
    if (shares > 1_000_000) issue(context, [], 'too_big', 'the shares sum to more than 100 %');
  }) as unknown as z.ZodType<ChannelRule[], unknown>;

/**
 * The input of the time-phased ATP functions: `onHand` (a safe integer) and 1 to 100,000 periods of
 * non-negative safe-integer `receipts` and `demand` with an optional `label`, whose running sums stay
 * safe integers.
 *
 * @example
 * ```ts
 * import { timePhasedInputSchema } from 'ordercore/schemas';
 *
 * timePhasedInputSchema.safeParse({ onHand: 10, periods: [{ receipts: 0, demand: 4 }] }).success; //=> true
 * timePhasedInputSchema.safeParse({ onHand: 10, periods: [] }).success; //=> false
 * ```
 */
export const timePhasedInputSchema: z.ZodType<TimePhasedInput, unknown> = plainObject({
  onHand: z.int(),
  periods: z
    .array(
      plainObject({ receipts: countSchema, demand: countSchema, label: z.string().max(MAX_ID_LENGTH).exactOptional() }),
    )
    .min(1)
    .max(MAX_PERIODS),
}).superRefine((input, context) => {
  let bound = Math.abs(input.onHand as number);
  for (const period of input.periods as { receipts: number; demand: number }[])
    bound += period.receipts + period.demand;
  if (!Number.isSafeInteger(bound)) issue(context, ['periods'], 'too_big', 'the running sums exceed the safe integers');
}) as unknown as z.ZodType<TimePhasedInput, unknown>;

/**
 * The options of `promiseDate`: `earliest` (a period index) and `split`.
 *
 * @example
 * ```ts
 * import { promiseOptionsSchema } from 'ordercore/schemas';
 *
 * promiseOptionsSchema.safeParse({ earliest: 2, split: true }).success; //=> true
 * promiseOptionsSchema.safeParse({ earliest: -1 }).success; //=> false
 * ```
 */
export const promiseOptionsSchema: z.ZodType<PromiseOptions, unknown> = plainObject({
  earliest: countSchema.exactOptional(),
  split: z.boolean().exactOptional(),
});

/**
 * Committed demand with due dates for `atpPeriods`: up to 1,000,000 entries of a positive
 * safe-integer `quantity`, an instant `at` and an optional `reference`.
 *
 * @example
 * ```ts
 * import { datedDemandSchema } from 'ordercore/schemas';
 *
 * datedDemandSchema.safeParse([{ quantity: 4, at: '2026-12-03T00:00:00Z', reference: 'o-1' }]).success; //=> true
 * datedDemandSchema.safeParse([{ quantity: 0, at: '2026-12-03T00:00:00Z' }]).success; //=> false
 * ```
 */
export const datedDemandSchema: z.ZodType<DatedDemand[], unknown> = z
  .array(
    plainObject({
      quantity: z.int().min(1),
      at: instantSchema,
      reference: z.string().max(MAX_ID_LENGTH).exactOptional(),
    }),
  )
  .max(MAX_DEMAND) as unknown as z.ZodType<DatedDemand[], unknown>;

/**
 * Validates an untrusted availability query against {@link availabilityQuerySchema}.
 *
 * @param input - Anything, typically parsed JSON.
 * @returns The query, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseAvailabilityQuery } from 'ordercore/schemas';
 *
 * const r = parseAvailabilityQuery({ sku: 'SHIRT', locations: ['a', 'a'] });
 * !r.ok && r.error.issues.map((i) => `${i.path.join('.')}:${i.code}`); //=> ['locations.1:duplicate']
 * ```
 */
export function parseAvailabilityQuery(input: unknown): Result<AvailabilityQuery, ValidationError> {
  return parseInput(availabilityQuerySchema, input);
}

/**
 * Validates untrusted `availableToPromise` options against {@link availabilityOptionsSchema}.
 *
 * @param input - Anything, typically parsed JSON.
 * @returns The options, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseAvailabilityOptions } from 'ordercore/schemas';
 *
 * const r = parseAvailabilityOptions(JSON.parse('{"now":"2026-11-22T10:00:00Z","policy":{"safetyStock":{"__proto__":2}}}'));
 * r.ok && Object.hasOwn(r.value.policy?.safetyStock ?? {}, '__proto__'); //=> true
 * ```
 */
export function parseAvailabilityOptions(input: unknown): Result<AvailabilityOptions, ValidationError> {
  return parseInput(availabilityOptionsSchema, input);
}

/**
 * Validates untrusted channel rules against {@link channelRulesSchema}.
 *
 * @param input - Anything, typically parsed JSON.
 * @returns The rules, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseChannelRules } from 'ordercore/schemas';
 *
 * const r = parseChannelRules([{ channel: 'web', buffer: { percent: 12.34567 } }]);
 * !r.ok && r.error.issues.map((i) => i.path.join('.')); //=> ['0.buffer.percent']
 * ```
 */
export function parseChannelRules(input: unknown): Result<ChannelRule[], ValidationError> {
  return parseInput(channelRulesSchema, input);
}

/**
 * Validates an untrusted time-phased input against {@link timePhasedInputSchema}.
 *
 * @param input - Anything, typically parsed JSON.
 * @returns The input, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseTimePhasedInput } from 'ordercore/schemas';
 *
 * const r = parseTimePhasedInput({ onHand: 10, periods: [{ receipts: 0, demand: -4 }] });
 * !r.ok && r.error.issues.map((i) => i.path.join('.')); //=> ['periods.0.demand']
 * ```
 */
export function parseTimePhasedInput(input: unknown): Result<TimePhasedInput, ValidationError> {
  return parseInput(timePhasedInputSchema, input);
}
