import * as z from 'zod';
import type { ValidationError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import { layoutProblem, MAX_AISLES, MAX_CELLS_PER_SIDE } from '../picking/internal/validate.js';
import {
  type Pick,
  ROUTING_POLICIES,
  type RoutingPolicy,
  type StorageLocation,
  type WarehouseLayout,
} from '../picking/types.js';
import { parseInput } from './parse.js';
import { plainObject } from './plainObject.js';

const MAX_PICKS = 1_000_000;
const MAX_ID_LENGTH = 1_000;
const finite = z.number().min(-Number.MAX_VALUE).max(Number.MAX_VALUE);

/**
 * The zod schema of a {@link WarehouseLayout}: the same rules as `validateLayout` (integer aisles
 * and cells per side from 1 to 100,000, positive finite cell length and aisle spacing, non-negative
 * margins, the depot between the first and the last aisle with a non-negative offset).
 *
 * @example
 * ```ts
 * import { warehouseLayoutSchema } from 'ordercore/schemas';
 *
 * const layout = { aisles: 10, cellsPerSide: 45, cellLength: 1, aisleSpacing: 3, frontMargin: 1, backMargin: 1, depot: { aisle: 4.5 } };
 * warehouseLayoutSchema.safeParse(layout).success; //=> true
 * warehouseLayoutSchema.safeParse({ ...layout, depot: { aisle: 10 } }).success; //=> false
 * ```
 */
export const warehouseLayoutSchema: z.ZodType<WarehouseLayout, unknown> = plainObject({
  aisles: z.int().min(1).max(MAX_AISLES),
  cellsPerSide: z.int().min(1).max(MAX_CELLS_PER_SIDE),
  cellLength: finite.gt(0),
  aisleSpacing: finite.gt(0),
  frontMargin: finite.min(0),
  backMargin: finite.min(0),
  depot: plainObject({ aisle: finite.min(0), offset: finite.min(0).exactOptional() }),
}).superRefine((layout, context) => {
  // The cross-field rules only (the fields' own rules are above): the depot within the aisles, and
  // no overflow of the aisle length or the warehouse width.
  const { aisles, depot } = layout;
  if (Number.isInteger(aisles) && aisles >= 1 && typeof depot?.aisle === 'number' && depot.aisle > aisles - 1) {
    context.addIssue({ code: 'custom', message: `must be ≤ ${aisles - 1} (aisles - 1)`, path: ['depot', 'aisle'] });
    return;
  }
  const problem = layoutProblem(layout);
  if (problem?.message.includes('overflow') === true) {
    context.addIssue({ code: 'custom', message: problem.message, path: ['cellLength'] });
  }
});

/**
 * The zod schema of a {@link StorageLocation}: non-negative integer aisle and cell, optional side
 * (the layout's bounds are checked by `parsePicks` when given a layout).
 *
 * @example
 * ```ts
 * import { storageLocationSchema } from 'ordercore/schemas';
 *
 * storageLocationSchema.safeParse({ aisle: 3, cell: 12, side: 'right' }).success; //=> true
 * storageLocationSchema.safeParse({ aisle: 3, cell: 1.5 }).success; //=> false
 * ```
 */
export const storageLocationSchema: z.ZodType<StorageLocation, unknown> = plainObject({
  aisle: z
    .int()
    .min(0)
    .max(MAX_AISLES - 1),
  cell: z
    .int()
    .min(0)
    .max(MAX_CELLS_PER_SIDE - 1),
  side: z.enum(['left', 'right']).exactOptional(),
});

/**
 * The zod schema of a {@link Pick}: a non-empty id, a location, an optional SKU and a non-negative
 * finite quantity.
 *
 * @example
 * ```ts
 * import { pickSchema } from 'ordercore/schemas';
 *
 * pickSchema.safeParse({ id: 'p-1', location: { aisle: 0, cell: 4 }, sku: 'SHIRT', quantity: 2 }).success; //=> true
 * pickSchema.safeParse({ id: '', location: { aisle: 0, cell: 4 } }).success; //=> false
 * ```
 */
export const pickSchema: z.ZodType<Pick, unknown> = plainObject({
  id: z.string().min(1).max(MAX_ID_LENGTH),
  location: storageLocationSchema,
  sku: z.string().max(MAX_ID_LENGTH).exactOptional(),
  quantity: finite.min(0).exactOptional(),
});

/**
 * The zod schema of a {@link RoutingPolicy}.
 *
 * @example
 * ```ts
 * import { routingPolicySchema } from 'ordercore/schemas';
 *
 * routingPolicySchema.safeParse('largest_gap').success; //=> true
 * routingPolicySchema.safeParse('zigzag').success; //=> false
 * ```
 */
export const routingPolicySchema: z.ZodType<RoutingPolicy, unknown> = z.enum(ROUTING_POLICIES);

/**
 * Validates an untrusted warehouse layout (typically parsed JSON) against {@link warehouseLayoutSchema}.
 *
 * @param input - Anything: a configuration file, a request body.
 * @returns The layout, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseWarehouseLayout } from 'ordercore/schemas';
 *
 * const r = parseWarehouseLayout({ aisles: 4, cellsPerSide: 10, cellLength: 1, aisleSpacing: 3, frontMargin: 1, backMargin: 1, depot: { aisle: 0, offset: -1 } });
 * !r.ok && r.error.issues.map((i) => i.path.join('.')); //=> ['depot.offset']
 * ```
 */
export function parseWarehouseLayout(input: unknown): Result<WarehouseLayout, ValidationError> {
  return parseInput(warehouseLayoutSchema, input);
}

/**
 * Validates an untrusted pick list: at most 1,000,000 {@link pickSchema} picks; with a layout, each
 * location must also lie inside it (aisle < aisles, cell < cellsPerSide).
 *
 * @param input - Anything: a request body, a queue message.
 * @param layout - The warehouse the picks belong to (optional).
 * @returns The picks, or a `ValidationError` naming each bad field (`3.location.cell`).
 * @example
 * ```ts
 * import { parsePicks } from 'ordercore/schemas';
 *
 * const layout = { aisles: 4, cellsPerSide: 10, cellLength: 1, aisleSpacing: 3, frontMargin: 1, backMargin: 1, depot: { aisle: 0 } };
 * const r = parsePicks([{ id: 'a', location: { aisle: 1, cell: 3 } }, { id: 'b', location: { aisle: 1, cell: 12 } }], layout);
 * !r.ok && r.error.issues.map((i) => i.path.join('.')); //=> ['1.location.cell']
 * ```
 */
export function parsePicks(input: unknown, layout?: WarehouseLayout): Result<Pick[], ValidationError> {
  const list = z.array(pickSchema).max(MAX_PICKS);
  if (layout === undefined) return parseInput(list, input);
  return parseInput(
    list.superRefine((picks, context) => {
      picks.forEach((pick, index) => {
        if (pick.location.aisle >= layout.aisles) {
          context.addIssue({
            code: 'custom',
            message: `aisle must be < ${layout.aisles} (the layout's aisles)`,
            path: [index, 'location', 'aisle'],
          });
        }
        if (pick.location.cell >= layout.cellsPerSide) {
          context.addIssue({
            code: 'custom',
            message: `cell must be < ${layout.cellsPerSide} (the layout's cellsPerSide)`,
            path: [index, 'location', 'cell'],
          });
        }
      });
    }),
    input,
  );
}
