import * as z from 'zod';
import type { ValidationError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import type { Pick } from '../picking/types.js';
import type { WaveCapacity, WaveOrder, WavePlanOptions, WaveSlot } from '../picking/waves/types.js';
import type { PickingZone, ZonePickListOptions } from '../picking/zones/types.js';
import { instantSchema } from './dates.js';
import { parseInput } from './parse.js';
import { plainObject } from './plainObject.js';

// Limits: the same as planWaves / zonePickLists enforce.
const MAX_ORDERS = 100_000;
const MAX_PICKS_PER_ORDER = 100_000;
const MAX_WAVES = 10_000;
const MAX_ZONES = 1_000;
const MAX_ID_LENGTH = 1_000;
const MAX_AISLE = 1_000_000;

const idSchema = z.string().min(1).max(MAX_ID_LENGTH);
const countSchema = z.int().min(0);
const policySchema = z.enum(['s_shape', 'return', 'midpoint', 'largest_gap', 'combined', 'optimal']);

// A pick as waves and zones read it (the layout bounds are checked where the layout is known).
const pickSchema: z.ZodType<Pick, unknown> = plainObject({
  id: idSchema,
  location: plainObject({
    aisle: z.int().min(0).max(MAX_AISLE),
    cell: z.int().min(0),
    side: z.enum(['left', 'right']).exactOptional(),
  }),
  sku: z.string().max(MAX_ID_LENGTH).exactOptional(),
  quantity: countSchema.exactOptional(),
});

/**
 * The zod schema of a {@link WaveOrder}: a non-empty id, picks (at most 100,000), optional item
 * count, carrier cut-off and release instants (ISO 8601 with offset) and a finite priority.
 *
 * @example
 * ```ts
 * import { waveOrderSchema } from 'ordercore/schemas';
 *
 * waveOrderSchema.safeParse({ id: 'o-1', picks: [], carrierCutoff: '2026-11-23T16:00:00Z' }).success; //=> true
 * waveOrderSchema.safeParse({ id: 'o-1', picks: [], priority: 'high' }).success; //=> false
 * ```
 */
export const waveOrderSchema: z.ZodType<WaveOrder, unknown> = plainObject({
  id: idSchema,
  picks: z.array(pickSchema).max(MAX_PICKS_PER_ORDER),
  items: countSchema.exactOptional(),
  carrierCutoff: instantSchema.exactOptional(),
  priority: z.number().exactOptional(),
  releasedAt: instantSchema.exactOptional(),
});

/**
 * The zod schema of a {@link WaveCapacity}: non-negative integer limits in orders, items and lines.
 *
 * @example
 * ```ts
 * import { waveCapacitySchema } from 'ordercore/schemas';
 *
 * waveCapacitySchema.safeParse({ orders: 40 }).success; //=> true
 * waveCapacitySchema.safeParse({ orders: -1 }).success; //=> false
 * ```
 */
export const waveCapacitySchema: z.ZodType<WaveCapacity, unknown> = plainObject({
  orders: countSchema.exactOptional(),
  items: countSchema.exactOptional(),
  lines: countSchema.exactOptional(),
});

/**
 * The zod schema of a {@link WaveSlot}: an id, a release instant, an optional due instant not
 * before it, an optional capacity.
 *
 * @example
 * ```ts
 * import { waveSlotSchema } from 'ordercore/schemas';
 *
 * waveSlotSchema.safeParse({ id: 'W1', releaseAt: '2026-11-23T08:00:00Z', dueBy: '2026-11-23T07:00:00Z' }).success; //=> false
 * ```
 */
export const waveSlotSchema: z.ZodType<WaveSlot, unknown> = plainObject({
  id: idSchema,
  releaseAt: instantSchema,
  dueBy: instantSchema.exactOptional(),
  capacity: waveCapacitySchema.exactOptional(),
}).refine((slot) => slot.dueBy === undefined || Date.parse(slot.dueBy) >= Date.parse(slot.releaseAt), {
  message: 'dueBy must not be before releaseAt',
  path: ['dueBy'],
  params: { code: 'too_small' },
});

/**
 * The zod schema of {@link WavePlanOptions}: `now`, 1 to 10,000 waves with unique ids, an optional
 * default capacity.
 *
 * @example
 * ```ts
 * import { wavePlanOptionsSchema } from 'ordercore/schemas';
 *
 * wavePlanOptionsSchema.safeParse({ now: '2026-11-23T07:00:00Z', waves: [] }).success; //=> false
 * ```
 */
export const wavePlanOptionsSchema: z.ZodType<WavePlanOptions, unknown> = plainObject({
  now: instantSchema,
  waves: z
    .array(waveSlotSchema)
    .min(1)
    .max(MAX_WAVES)
    .superRefine((waves, ctx) => {
      const seen = new Set<string>();
      waves.forEach((wave, i) => {
        if (seen.has(wave.id)) {
          ctx.addIssue({
            code: 'custom',
            message: 'duplicate wave id',
            path: [i, 'id'],
            params: { code: 'duplicate_id' },
          });
        }
        seen.add(wave.id);
      });
    }),
  capacity: waveCapacitySchema.exactOptional(),
});

/**
 * The zod schema of a {@link PickingZone}: an id, an aisle range with `from ≤ to`, an optional
 * hand-off position within it (the layout's bounds are checked by `zonePickLists`).
 *
 * @example
 * ```ts
 * import { pickingZoneSchema } from 'ordercore/schemas';
 *
 * pickingZoneSchema.safeParse({ id: 'Z1', aisles: { from: 0, to: 4 } }).success; //=> true
 * pickingZoneSchema.safeParse({ id: 'Z1', aisles: { from: 4, to: 0 } }).success; //=> false
 * ```
 */
export const pickingZoneSchema: z.ZodType<PickingZone, unknown> = plainObject({
  id: idSchema,
  aisles: plainObject({ from: z.int().min(0).max(MAX_AISLE), to: z.int().min(0).max(MAX_AISLE) }).refine(
    (aisles) => aisles.from <= aisles.to,
    { message: 'to must not be below from', path: ['to'], params: { code: 'too_small' } },
  ),
  handoff: z.number().exactOptional(),
}).refine(
  (zone) => zone.handoff === undefined || (zone.handoff >= zone.aisles.from && zone.handoff <= zone.aisles.to),
  {
    message: 'handoff must lie within the zone’s aisles',
    path: ['handoff'],
    params: { code: 'out_of_range' },
  },
);

/**
 * The zod schema of {@link ZonePickListOptions}: the mode and the routing policy.
 *
 * @example
 * ```ts
 * import { zonePickListOptionsSchema } from 'ordercore/schemas';
 *
 * zonePickListOptionsSchema.safeParse({ mode: 'pick_and_pass', policy: 'optimal' }).success; //=> true
 * ```
 */
export const zonePickListOptionsSchema: z.ZodType<ZonePickListOptions, unknown> = plainObject({
  mode: z.enum(['pick_and_pass', 'pick_and_consolidate']),
  policy: policySchema,
});

/**
 * Validates untrusted orders for `planWaves` (at most 100,000, unique ids).
 *
 * @param input - Anything (parsed JSON).
 * @returns The orders, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseWaveOrders } from 'ordercore/schemas';
 *
 * const r = parseWaveOrders([{ id: 'a', picks: [] }, { id: 'a', picks: [] }]);
 * !r.ok && r.error.issues.map((i) => `${i.path.join('.')}:${i.code}`); //=> ['1.id:duplicate_id']
 * ```
 */
export function parseWaveOrders(input: unknown): Result<WaveOrder[], ValidationError> {
  return parseInput(waveOrdersSchema, input);
}

const waveOrdersSchema = z
  .array(waveOrderSchema)
  .max(MAX_ORDERS)
  .superRefine((orders, ctx) => {
    const seen = new Set<string>();
    orders.forEach((order, i) => {
      if (seen.has(order.id)) {
        ctx.addIssue({
          code: 'custom',
          message: 'duplicate order id',
          path: [i, 'id'],
          params: { code: 'duplicate_id' },
        });
      }
      seen.add(order.id);
    });
  });

/**
 * Validates untrusted {@link WavePlanOptions}.
 *
 * @param input - Anything (parsed JSON).
 * @returns The options, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseWavePlanOptions } from 'ordercore/schemas';
 *
 * const r = parseWavePlanOptions({ now: '2026-11-23T07:00:00Z', waves: [{ id: 'W1', releaseAt: '08:00' }] });
 * !r.ok && r.error.issues[0]?.path; //=> ['waves', 0, 'releaseAt']
 * ```
 */
export function parseWavePlanOptions(input: unknown): Result<WavePlanOptions, ValidationError> {
  return parseInput(wavePlanOptionsSchema, input);
}

/**
 * Validates untrusted zones for `zonePickLists` (1 to 1,000, unique ids, non-overlapping aisle ranges).
 *
 * @param input - Anything (parsed JSON).
 * @returns The zones, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parsePickingZones } from 'ordercore/schemas';
 *
 * const r = parsePickingZones([{ id: 'A', aisles: { from: 0, to: 4 } }, { id: 'B', aisles: { from: 4, to: 9 } }]);
 * !r.ok && r.error.issues.map((i) => `${i.path.join('.')}:${i.code}`); //=> ['1.aisles:overlap']
 * ```
 */
export function parsePickingZones(input: unknown): Result<PickingZone[], ValidationError> {
  return parseInput(pickingZonesSchema, input);
}

const pickingZonesSchema = z
  .array(pickingZoneSchema)
  .min(1)
  .max(MAX_ZONES)
  .superRefine((zones, ctx) => {
    const seen = new Set<string>();
    zones.forEach((zone, i) => {
      if (seen.has(zone.id)) {
        ctx.addIssue({
          code: 'custom',
          message: 'duplicate zone id',
          path: [i, 'id'],
          params: { code: 'duplicate_id' },
        });
      }
      seen.add(zone.id);
      const clash = zones
        .slice(0, i)
        .find((other) => other.aisles.from <= zone.aisles.to && zone.aisles.from <= other.aisles.to);
      if (clash !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `overlaps zone ${JSON.stringify(clash.id)}`,
          path: [i, 'aisles'],
          params: { code: 'overlap' },
        });
      }
    });
  });

/**
 * Validates untrusted {@link ZonePickListOptions}.
 *
 * @param input - Anything (parsed JSON).
 * @returns The options, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseZonePickListOptions } from 'ordercore/schemas';
 *
 * parseZonePickListOptions({ mode: 'pick_and_pass', policy: 'zigzag' }).ok; //=> false
 * ```
 */
export function parseZonePickListOptions(input: unknown): Result<ZonePickListOptions, ValidationError> {
  return parseInput(zonePickListOptionsSchema, input);
}
