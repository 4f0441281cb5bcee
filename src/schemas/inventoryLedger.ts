import * as z from 'zod';
import type { ValidationError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import { applyLedgerEntries } from '../inventory/applyLedgerEntries.js';
import { foldLedger } from '../inventory/foldLedger.js';
import type {
  AdjustStockRequest,
  CycleCount,
  ExternalBalance,
  ReceiveStockRequest,
  ReconcileOptions,
  RecordReturnRequest,
  ScheduleReceiptRequest,
  TransferRequest,
} from '../inventory/ledger/types.js';
import { LEDGER_ENTRY_SIGNS } from '../inventory/ledgerEntrySigns.js';
import {
  INVENTORY_OPERATION_KINDS,
  type InventoryIntent,
  type InventoryPrecondition,
  LEDGER_ENTRY_KINDS,
  type LedgerEntry,
} from '../inventory/types.js';
import { instantSchema } from './dates.js';
import { parseInput } from './parse.js';
import { isPlainObject, plainObject } from './plainObject.js';

// Limits: they bound the work a hostile input can cause, far above what one request needs.
const MAX_ID_LENGTH = 1_000;
const MAX_TEXT_LENGTH = 10_000;
const MAX_LEDGER = 1_000_000;
const MAX_INTENT_ENTRIES = 10_000;

const idSchema = z.string().min(1).max(MAX_ID_LENGTH);
const textSchema = z.string().min(1).max(MAX_TEXT_LENGTH);
const reasonSchema = textSchema.regex(/\S/, 'must not be blank');
const quantitySchema = z.int();
const positiveSchema = z.int().min(1);
const countSchema = z.int().min(0);

function issue(context: Pick<z.RefinementCtx, 'addIssue'>, path: (string | number)[], code: string, message: string) {
  context.addIssue({ code: 'custom', path, message, params: { code } });
}

// The same rules as the ledger fold's entry check (src/inventory/internal/fold.ts): the sign per
// kind is the fold's own table (LEDGER_ENTRY_SIGNS); the links a kind cannot do without are kept in
// step with the fold by a property test.
function checkEntry(entry: LedgerEntry, context: z.RefinementCtx, prefix: (string | number)[] = []): void {
  const q = entry.quantity;
  const sign = LEDGER_ENTRY_SIGNS[entry.kind];
  const fits =
    sign === 'positive'
      ? q > 0
      : sign === 'negative'
        ? q < 0
        : sign === 'nonzero'
          ? q !== 0
          : sign === 'zero'
            ? q === 0
            : true;
  if (!fits) issue(context, [...prefix, 'quantity'], 'wrong_sign', `a ${entry.kind} entry needs a ${sign} quantity`);
  const needs = (field: 'reservationId' | 'receiptId' | 'counterpartLocation' | 'expectedAt') => {
    if (entry[field] === undefined)
      issue(context, [...prefix, field], 'required', `a ${entry.kind} entry needs ${field}`);
  };
  if (entry.kind === 'reservation' || entry.kind === 'reservation_extended' || entry.kind === 'release')
    needs('reservationId');
  if (entry.kind === 'scheduled_receipt') {
    needs('receiptId');
    if (q > 0) needs('expectedAt');
  }
  if (entry.kind === 'transfer_out') {
    needs('counterpartLocation');
    if (entry.counterpartLocation === entry.location)
      issue(context, [...prefix, 'counterpartLocation'], 'same_location', 'a transfer needs two different locations');
  }
  if (
    entry.kind === 'cycle_count' &&
    entry.counted !== undefined &&
    entry.expected !== undefined &&
    entry.counted - entry.expected !== q
  )
    issue(context, [...prefix, 'quantity'], 'count_mismatch', 'a cycle count moves counted − expected');
}

const entryShape = plainObject({
  id: idSchema,
  kind: z.enum(LEDGER_ENTRY_KINDS),
  sku: idSchema,
  location: idSchema,
  quantity: quantitySchema,
  at: instantSchema,
  reason: textSchema.exactOptional(),
  reservationId: idSchema.exactOptional(),
  allocationId: idSchema.exactOptional(),
  receiptId: idSchema.exactOptional(),
  expectedAt: instantSchema.exactOptional(),
  expiresAt: instantSchema.exactOptional(),
  owner: idSchema.exactOptional(),
  reference: textSchema.exactOptional(),
  counterpartLocation: idSchema.exactOptional(),
  transferId: idSchema.exactOptional(),
  counted: countSchema.exactOptional(),
  expected: countSchema.exactOptional(),
  operation: idSchema.exactOptional(),
});

/**
 * One ledger entry as it arrives over the wire: the shape, a safe integer quantity with the sign
 * its kind requires, ISO instants with an offset, and the links the kind needs (a release names its
 * reservation, a transfer out its destination ...). Unknown fields are refused. Whether the entry
 * fits the ledger before it (the hold it releases exists) is `ledgerSchema`'s question.
 *
 * @example
 * ```ts
 * import { ledgerEntrySchema } from 'ordercore/schemas';
 *
 * const at = '2026-11-01T08:00:00Z';
 * ledgerEntrySchema.safeParse({ id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 5, at }).success; //=> true
 * ledgerEntrySchema.safeParse({ id: 'e-2', kind: 'shipment', sku: 'SHIRT', location: 'dc', quantity: 5, at }).success; //=> false
 * ```
 */
export const ledgerEntrySchema: z.ZodType<LedgerEntry, unknown> = entryShape.superRefine((entry, context) =>
  checkEntry(entry, context),
);

/**
 * A whole ledger: every entry valid, ids unique, and the ledger folds — each entry fits the ones
 * before it (no release of a hold that does not exist, no shipment of more than is allocated). A
 * fold refusal becomes an issue at `[index, field]` with the fold's code (`invalid_entry`).
 *
 * @example
 * ```ts
 * import { ledgerSchema } from 'ordercore/schemas';
 *
 * const at = '2026-11-01T08:00:00Z';
 * const r = ledgerSchema.safeParse([{ id: 'e-1', kind: 'release', sku: 'SHIRT', location: 'dc', quantity: -1, at, reservationId: 'r-9' }]);
 * r.success; //=> false
 * r.error?.issues[0]?.path; //=> [0, 'reservationId']
 * ```
 */
export const ledgerSchema: z.ZodType<LedgerEntry[], unknown> = z
  .array(ledgerEntrySchema)
  .max(MAX_LEDGER)
  .superRefine((entries, context) => {
    const seen = new Set<string>();
    let unique = true;
    entries.forEach((entry, i) => {
      if (seen.has(entry.id)) {
        unique = false;
        issue(context, [i, 'id'], 'duplicate_entry_id', `entry id ${JSON.stringify(entry.id)} appears twice`);
      }
      seen.add(entry.id);
    });
    if (!unique) return;
    const folded = applyLedgerEntries(foldLedger([]), entries);
    if (folded.ok) return;
    const index = folded.error.details['index'];
    const field = folded.error.details['field'];
    issue(
      context,
      typeof index === 'number' ? [index, ...(typeof field === 'string' ? [field] : [])] : [],
      folded.error.code,
      folded.error.message,
    );
  });

/**
 * Parses one ledger entry from untrusted input (see {@link ledgerEntrySchema}).
 *
 * @param input - Anything: parsed JSON, a message payload.
 * @returns The entry, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseLedgerEntry } from 'ordercore/schemas';
 *
 * const r = parseLedgerEntry({ id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: Number.NaN, at: '2026-11-01T08:00:00Z' });
 * r.ok || r.error.issues.map((i) => i.path.join('.')); //=> ['quantity']
 * ```
 */
export function parseLedgerEntry(input: unknown): Result<LedgerEntry, ValidationError> {
  return parseInput(ledgerEntrySchema, input);
}

/**
 * Parses a whole ledger from untrusted input and checks that it folds (see {@link ledgerSchema}).
 *
 * @param input - Anything: an exported ledger, a replication stream batch.
 * @returns The entries, oldest first, or a `ValidationError`.
 * @example
 * ```ts
 * import { parseLedger } from 'ordercore/schemas';
 *
 * const at = '2026-11-01T08:00:00Z';
 * const r = parseLedger([
 *   { id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 5, at },
 *   { id: 'e-1', kind: 'adjustment', sku: 'SHIRT', location: 'dc', quantity: -1, at, reason: 'damaged' },
 * ]);
 * r.ok || r.error.issues.map((i) => `${i.path.join('.')}:${i.code}`); //=> ['1.id:duplicate_entry_id']
 * ```
 */
export function parseLedger(input: unknown): Result<LedgerEntry[], ValidationError> {
  return parseInput(ledgerSchema, input);
}

const plainInput = z.custom<Record<string, unknown>>(isPlainObject, {
  message: 'expected a plain object',
  params: { code: 'invalid_type' },
});

/**
 * One precondition of an intent (`available_at_least`, `expected_version`, `hold_at_least`,
 * `operation_absent`), as an adapter receives it.
 *
 * @example
 * ```ts
 * import { inventoryPreconditionSchema } from 'ordercore/schemas';
 *
 * inventoryPreconditionSchema.safeParse({ kind: 'expected_version', sku: 'SHIRT', location: 'dc', version: 3 }).success; //=> true
 * inventoryPreconditionSchema.safeParse({ kind: 'expected_version', sku: 'SHIRT', location: 'dc', version: -1 }).success; //=> false
 * ```
 */
export const inventoryPreconditionSchema: z.ZodType<InventoryPrecondition, unknown> = plainInput.pipe(
  z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('available_at_least'),
      sku: idSchema,
      location: idSchema,
      quantity: quantitySchema,
      now: instantSchema,
      safetyStock: countSchema,
      backorderLimit: countSchema,
      excludeOwner: idSchema.exactOptional(),
    }),
    z.strictObject({ kind: z.literal('expected_version'), sku: idSchema, location: idSchema, version: countSchema }),
    z.strictObject({
      kind: z.literal('hold_at_least'),
      reservationId: idSchema,
      quantity: countSchema,
      now: instantSchema.exactOptional(),
    }),
    z.strictObject({ kind: z.literal('operation_absent'), key: idSchema }),
  ]),
);

/**
 * An intent as an adapter receives it over the wire: a key, the operation kind, entries that are
 * each valid and carry `operation: key` with unique ids, and the preconditions.
 *
 * @example
 * ```ts
 * import { inventoryIntentSchema } from 'ordercore/schemas';
 *
 * const intent = {
 *   key: 'grn-1', kind: 'receive', preconditions: [{ kind: 'operation_absent', key: 'grn-1' }],
 *   entries: [{ id: 'grn-1#0', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 5, at: '2026-11-01T08:00:00Z', operation: 'grn-1' }],
 * };
 * inventoryIntentSchema.safeParse(intent).success; //=> true
 * inventoryIntentSchema.safeParse({ ...intent, key: 'other' }).success; //=> false
 * ```
 */
export const inventoryIntentSchema: z.ZodType<InventoryIntent, unknown> = plainObject({
  key: idSchema,
  kind: z.enum(INVENTORY_OPERATION_KINDS),
  entries: z.array(ledgerEntrySchema).max(MAX_INTENT_ENTRIES),
  preconditions: z.array(inventoryPreconditionSchema).max(MAX_INTENT_ENTRIES),
}).superRefine((intent, context) => {
  const seen = new Set<string>();
  intent.entries.forEach((entry, i) => {
    if (entry.operation !== intent.key)
      issue(
        context,
        ['entries', i, 'operation'],
        'operation_mismatch',
        'every entry must carry the intent key as operation',
      );
    if (seen.has(entry.id)) issue(context, ['entries', i, 'id'], 'duplicate_entry_id', 'entry ids must be unique');
    seen.add(entry.id);
  });
});

/**
 * Parses an intent from untrusted input (see {@link inventoryIntentSchema}).
 *
 * @param input - Anything: a queue message, a request body.
 * @returns The intent, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseInventoryIntent } from 'ordercore/schemas';
 *
 * const r = parseInventoryIntent({ key: 'k', kind: 'teleport', entries: [], preconditions: [] });
 * r.ok || r.error.issues.map((i) => i.path.join('.')); //=> ['kind']
 * ```
 */
export function parseInventoryIntent(input: unknown): Result<InventoryIntent, ValidationError> {
  return parseInput(inventoryIntentSchema, input);
}

/**
 * The request of `receiveStock`.
 *
 * @example
 * ```ts
 * import { receiveStockRequestSchema } from 'ordercore/schemas';
 *
 * receiveStockRequestSchema.safeParse({ key: 'grn-1', sku: 'SHIRT', location: 'dc', quantity: 0 }).success; //=> false
 * ```
 */
export const receiveStockRequestSchema: z.ZodType<ReceiveStockRequest, unknown> = plainObject({
  key: idSchema,
  sku: idSchema,
  location: idSchema,
  quantity: positiveSchema,
  receiptId: idSchema.exactOptional(),
  reason: textSchema.exactOptional(),
  reference: textSchema.exactOptional(),
});

/**
 * The request of `scheduleReceipt`: a non-zero quantity, and `expectedAt` whenever it adds units.
 *
 * @example
 * ```ts
 * import { scheduleReceiptRequestSchema } from 'ordercore/schemas';
 *
 * const po = { key: 'po-78', sku: 'SHIRT', location: 'dc', receiptId: 'PO-78', quantity: 200 };
 * scheduleReceiptRequestSchema.safeParse(po).success; //=> false
 * scheduleReceiptRequestSchema.safeParse({ ...po, expectedAt: '2026-12-01T00:00:00Z' }).success; //=> true
 * ```
 */
export const scheduleReceiptRequestSchema: z.ZodType<ScheduleReceiptRequest, unknown> = plainObject({
  key: idSchema,
  sku: idSchema,
  location: idSchema,
  receiptId: idSchema,
  quantity: quantitySchema.refine((q) => q !== 0, 'must not be 0'),
  expectedAt: instantSchema.exactOptional(),
}).superRefine((request, context) => {
  if (typeof request['quantity'] === 'number' && request['quantity'] > 0 && request['expectedAt'] === undefined)
    issue(context, ['expectedAt'], 'required', 'a scheduled receipt that adds units needs the date they are expected');
}) as z.ZodType<ScheduleReceiptRequest, unknown>;

/**
 * The request of `adjustStock`: a non-zero quantity and a reason that is not blank.
 *
 * @example
 * ```ts
 * import { adjustStockRequestSchema } from 'ordercore/schemas';
 *
 * adjustStockRequestSchema.safeParse({ key: 'a-1', sku: 'SHIRT', location: 'dc', quantity: -2, reason: ' ' }).success; //=> false
 * ```
 */
export const adjustStockRequestSchema: z.ZodType<AdjustStockRequest, unknown> = plainObject({
  key: idSchema,
  sku: idSchema,
  location: idSchema,
  quantity: quantitySchema.refine((q) => q !== 0, 'must not be 0'),
  reason: reasonSchema,
  reference: textSchema.exactOptional(),
});

/**
 * The request of `transferStock` and `receiveTransfer`: two different locations.
 *
 * @example
 * ```ts
 * import { transferRequestSchema } from 'ordercore/schemas';
 *
 * transferRequestSchema.safeParse({ key: 't', sku: 'SHIRT', from: 'dc', to: 'dc', quantity: 1, transferId: 'T' }).success; //=> false
 * ```
 */
export const transferRequestSchema: z.ZodType<TransferRequest, unknown> = plainObject({
  key: idSchema,
  sku: idSchema,
  from: idSchema,
  to: idSchema,
  quantity: positiveSchema,
  transferId: idSchema,
  reason: textSchema.exactOptional(),
}).superRefine((request, context) => {
  if (request['from'] === request['to'])
    issue(context, ['to'], 'same_location', 'a transfer needs two different locations');
}) as z.ZodType<TransferRequest, unknown>;

/**
 * The request of `recordReturn`.
 *
 * @example
 * ```ts
 * import { recordReturnRequestSchema } from 'ordercore/schemas';
 *
 * recordReturnRequestSchema.safeParse({ key: 'rma-3', sku: 'SHIRT', location: 'dc', quantity: 1, reference: 'RMA-3' }).success; //=> true
 * ```
 */
export const recordReturnRequestSchema: z.ZodType<RecordReturnRequest, unknown> = plainObject({
  key: idSchema,
  sku: idSchema,
  location: idSchema,
  quantity: positiveSchema,
  reference: textSchema.exactOptional(),
  reason: textSchema.exactOptional(),
});

/**
 * One line of a count sheet for `cycleCountCorrections`.
 *
 * @example
 * ```ts
 * import { cycleCountSchema } from 'ordercore/schemas';
 *
 * cycleCountSchema.safeParse({ sku: 'SHIRT', location: 'dc', counted: 481, version: 3 }).success; //=> true
 * cycleCountSchema.safeParse({ sku: 'SHIRT', location: 'dc', counted: -1 }).success; //=> false
 * ```
 */
export const cycleCountSchema: z.ZodType<CycleCount, unknown> = plainObject({
  sku: idSchema,
  location: idSchema,
  counted: countSchema,
  version: countSchema.exactOptional(),
});

/**
 * One balance row from another system for `reconcile` (a cache row or a WMS snapshot line).
 * Extra fields a `StockBalance` carries are not allowed here: send the four compared fields.
 *
 * @example
 * ```ts
 * import { externalBalanceSchema } from 'ordercore/schemas';
 *
 * externalBalanceSchema.safeParse({ sku: 'SHIRT', location: 'dc', onHand: 481, reserved: 2 }).success; //=> true
 * ```
 */
export const externalBalanceSchema: z.ZodType<ExternalBalance, unknown> = plainObject({
  sku: idSchema,
  location: idSchema,
  onHand: quantitySchema,
  reserved: quantitySchema.exactOptional(),
  allocated: quantitySchema.exactOptional(),
  inTransit: quantitySchema.exactOptional(),
});

/**
 * The options of `reconcile`: physical reconciliation needs a `key` and `now`.
 *
 * @example
 * ```ts
 * import { reconcileOptionsSchema } from 'ordercore/schemas';
 *
 * reconcileOptionsSchema.safeParse({ source: 'physical' }).success; //=> false
 * reconcileOptionsSchema.safeParse({ source: 'cache', complete: true }).success; //=> true
 * ```
 */
export const reconcileOptionsSchema: z.ZodType<ReconcileOptions, unknown> = plainObject({
  source: z.enum(['cache', 'physical']).exactOptional(),
  complete: z.boolean().exactOptional(),
  key: reasonSchema.exactOptional(),
  now: instantSchema.exactOptional(),
}).superRefine((options, context) => {
  if (options['source'] !== 'physical') return;
  for (const field of ['key', 'now'] as const)
    if (options[field] === undefined)
      issue(context, [field], 'required', 'physical reconciliation writes entries: it needs it');
}) as z.ZodType<ReconcileOptions, unknown>;
