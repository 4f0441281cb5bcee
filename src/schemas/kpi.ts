import * as z from 'zod';
import type { ValidationError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import type { KpiRecord } from '../kpi/types.js';
import { instantSchema } from './dates.js';
import { moneySchema } from './money.js';
import { parseInput } from './parse.js';
import { isPlainObject, plainObject } from './plainObject.js';

// zod's discriminated unions need plain `z.strictObject` options, so the plain-object check sits in front.
const plainInput = z.custom<Record<string, unknown>>(isPlainObject, {
  message: 'expected a plain object',
  params: { code: 'invalid_type' },
});

const count = z.number().nonnegative().refine(Number.isFinite, { message: 'expected a finite number' });
const id = z.string().min(1);
const segment = z.string().min(1).exactOptional();

const orderLine = plainObject({
  sku: z.string().min(1).exactOptional(),
  ordered: count,
  shipped: count,
  backordered: count.exactOptional(),
});

/**
 * A KPI record of any type (`order`, `shipment`, `return`, `cost`, `cogs`, `inventory_snapshot`,
 * `picking`, `receipt`), with instants as ISO 8601 strings with an offset, counts non-negative and
 * money as `{ amount (minor units), currency }`.
 *
 * @example
 * ```ts
 * import { kpiRecordSchema } from 'ordercore/schemas';
 *
 * kpiRecordSchema.safeParse({ type: 'shipment', shipmentId: 's-1', shippedAt: '2026-11-03T15:00:00Z', units: 4 }).success; //=> true
 * kpiRecordSchema.safeParse({ type: 'shipment', shipmentId: 's-1', shippedAt: '2026-11-03', units: 4 }).success; //=> false
 * ```
 */
export const kpiRecordSchema: z.ZodType<KpiRecord, unknown> = plainInput.pipe(
  z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('order'),
      orderId: id,
      placedAt: instantSchema,
      committedAt: instantSchema.exactOptional(),
      shippedAt: instantSchema.exactOptional(),
      deliveredAt: instantSchema.exactOptional(),
      cancelledBy: z.enum(['customer', 'seller']).exactOptional(),
      lines: z.array(orderLine),
      documentsCorrect: z.boolean().exactOptional(),
      damaged: z.boolean().exactOptional(),
      accurate: z.boolean().exactOptional(),
      segment,
    }),
    z.strictObject({ type: z.literal('shipment'), shipmentId: id, shippedAt: instantSchema, units: count, segment }),
    z.strictObject({
      type: z.literal('return'),
      shipmentId: id,
      shippedAt: instantSchema,
      returnedAt: instantSchema,
      units: count,
      segment,
    }),
    z.strictObject({ type: z.literal('cost'), at: instantSchema, amount: moneySchema, segment }),
    z.strictObject({ type: z.literal('cogs'), at: instantSchema, amount: moneySchema, segment }),
    z.strictObject({ type: z.literal('inventory_snapshot'), at: instantSchema, value: moneySchema, segment }),
    z.strictObject({
      type: z.literal('picking'),
      at: instantSchema,
      employeeId: id,
      cases: count,
      lines: count,
      labourHours: count,
      segment,
    }),
    z.strictObject({
      type: z.literal('receipt'),
      receiptId: id,
      arrivedAt: instantSchema,
      storedAt: instantSchema,
      segment,
    }),
  ]),
) as unknown as z.ZodType<KpiRecord, unknown>;

/**
 * Validates untrusted KPI records (an export, a message batch) against {@link kpiRecordSchema}.
 *
 * @param input - Anything, typically parsed JSON: an array of records.
 * @returns The records, or a `ValidationError` naming each bad field by its path (`3.placedAt`).
 * @example
 * ```ts
 * import { parseKpiRecords } from 'ordercore/schemas';
 *
 * const r = parseKpiRecords([{ type: 'picking', at: '2026-11-02T14:00:00Z', employeeId: 'e-7', cases: 4, lines: 3, labourHours: -1 }]);
 * !r.ok && r.error.issues.map((i) => i.path.join('.')); //=> ['0.labourHours']
 * ```
 */
export function parseKpiRecords(input: unknown): Result<KpiRecord[], ValidationError> {
  return parseInput(z.array(kpiRecordSchema), input);
}
