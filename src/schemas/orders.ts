import * as z from 'zod';
import type { ValidationError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import { getCurrency } from '../money/currencies.js';
import type { Money } from '../money/types.js';
import type { OrderDiffEntry } from '../orders/edits/types.js';
import {
  type Address,
  type ApprovalStep,
  type HistoryEntry,
  LINE_SOURCING,
  type LineQuantities,
  ORDER_PRIORITIES,
  ORDER_TYPES,
  type Order,
  type OrderCustomer,
  type OrderDraft,
  type OrderDraftLine,
  type OrderEdit,
  type OrderEvent,
  type OrderLine,
  type Payment,
  type ReturnRequest,
  type ServiceJob,
  type Shipment,
} from '../orders/types.js';
import type { LineDiscount, PriceSource, TaxLine } from '../pricing/types.js';
import { calendarDateSchema, instantSchema } from './dates.js';
import { currencyCodeSchema, moneySchema, moneySnapshotSchema } from './money.js';
import { parseInput } from './parse.js';
import { isPlainObject, plainObject } from './plainObject.js';

// Limits. They bound the work a hostile input can cause; each is far above what a real order needs.
const MAX_LINES = 10_000;
const MAX_HISTORY = 100_000;
const MAX_SMALL_LIST = 1_000;
const MAX_ID_LENGTH = 1_000;
const MAX_TEXT_LENGTH = 10_000;
const MAX_METADATA_ENTRIES = 1_000;
// A price source nests through `regularSource` / `selectedSource`; real ones are at most 3 deep.
const MAX_PRICE_SOURCE_DEPTH = 8;
// An order's history holds `place` events that carry an order, whose history may hold more: the
// top-level order is depth 0, and an order nested deeper than this is refused unread.
const MAX_ORDER_DEPTH = 4;

const idSchema = z.string().min(1).max(MAX_ID_LENGTH);
const textSchema = z.string().max(MAX_TEXT_LENGTH);
// Reasons must say something: a blank one is refused.
const reasonSchema = textSchema.regex(/\S/, 'must not be blank');
const positiveIntSchema = z.int().min(1);
const nonNegativeIntSchema = z.int().min(0);

// A plain-object guard in front of a discriminated union: zod's discriminated unions need their
// options to be plain `z.strictObject`s, so the `plainObject` check moves up to the union.
const plainInput = z.custom<Record<string, unknown>>(isPlainObject, {
  message: 'expected a plain object',
  params: { code: 'invalid_type' },
});

const isMoneyValue = (value: unknown): value is Money =>
  isPlainObject(value) && typeof value['amount'] === 'number' && typeof value['currency'] === 'string';

// Money in either JSON form: in memory (`{ amount: 1230, currency }`, what `JSON.stringify` of an
// order gives) or as a snapshot (`{ amount: '12.30', currency }`). Picking the form by the amount's
// type first keeps every issue's path exact (a union would report `invalid_union` on the whole).
const anyMoneySchema: z.ZodType<Money, unknown> = z.transform((input: unknown, context): Money => {
  const form = isPlainObject(input) && typeof input['amount'] === 'string' ? moneySnapshotSchema : moneySchema;
  const parsed = form.safeParse(input);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) context.issues.push({ ...issue, input: undefined });
  return z.NEVER;
});

const amountSchema: z.ZodType<Money, unknown> = anyMoneySchema.refine((money) => money.amount >= 0, {
  message: 'must not be negative',
  path: ['amount'],
  params: { code: 'too_small' },
});

/** Every `Money` in a parsed value with its path, in document order. */
function moneyIn(value: unknown, path: (string | number)[], found: { path: (string | number)[]; money: Money }[]) {
  if (isMoneyValue(value)) {
    found.push({ path, money: value });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      moneyIn(item, [...path, i], found);
    });
  } else if (isPlainObject(value)) {
    for (const key of Object.keys(value)) moneyIn(value[key], [...path, key], found);
  }
  return found;
}

/** Reports every money whose currency is not `currency` (or, without one, not the first money's). */
function checkCurrency(
  value: unknown,
  context: z.RefinementCtx,
  currency?: string,
  prefix: (string | number)[] = [],
): void {
  const all = moneyIn(value, prefix, []);
  const expected = currency ?? all[0]?.money.currency;
  for (const { path, money } of all) {
    if (money.currency !== expected) {
      context.addIssue({
        code: 'custom',
        path: [...path, 'currency'],
        message:
          currency === undefined
            ? `must be ${expected}, like the other amounts`
            : `must be the order currency ${expected}`,
        params: { code: 'currency_mismatch' },
      });
    }
  }
}

/** Reports the second and later occurrences of each id. */
function checkUnique(ids: readonly string[], path: string, field: string, context: z.RefinementCtx): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) {
      context.addIssue({
        code: 'custom',
        path: [path, i, field],
        message: `duplicate ${field} within ${path}`,
        params: { code: 'duplicate_id' },
      });
    }
    seen.add(id);
  });
}

function issue(
  context: Pick<z.RefinementCtx, 'addIssue'>,
  path: (string | number)[],
  code: string,
  message: string,
): void {
  context.addIssue({ code: 'custom', path, message, params: { code } });
}

/** A non-negative safe integer: what every count and amount is once its own rule passed. */
const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

const instantsInOrder = (from: string, until: string): boolean => Date.parse(from) < Date.parse(until);

// ---- customer ---------------------------------------------------------------------------------

/**
 * A postal address: every field optional (completeness is `validateOrder`'s to judge), each at most
 * 10,000 characters; `country` is an ISO 3166-1 alpha-2 code in capitals.
 *
 * @example
 * ```ts
 * import { addressSchema } from 'ordercore/schemas';
 *
 * addressSchema.safeParse({ line1: '1 Main St', city: 'Springfield', country: 'US' }).success; //=> true
 * addressSchema.safeParse({ country: 'usa' }).success; //=> false
 * ```
 */
export const addressSchema: z.ZodType<Address, unknown> = plainObject({
  name: textSchema.exactOptional(),
  company: textSchema.exactOptional(),
  line1: textSchema.exactOptional(),
  line2: textSchema.exactOptional(),
  city: textSchema.exactOptional(),
  region: textSchema.exactOptional(),
  postalCode: textSchema.exactOptional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as US')
    .exactOptional(),
  phone: textSchema.exactOptional(),
  email: textSchema.exactOptional(),
});

/**
 * Who ordered: an account id, a delivery address, and optionally the billing entity, group, tier, a
 * risk score between 0 and 100, and a billing address.
 *
 * @example
 * ```ts
 * import { orderCustomerSchema } from 'ordercore/schemas';
 *
 * orderCustomerSchema.safeParse({ accountId: 'c-1', deliveryAddress: { country: 'DE' } }).success; //=> true
 * orderCustomerSchema.safeParse({ accountId: 'c-1', deliveryAddress: {}, riskScore: 101 }).success; //=> false
 * ```
 */
export const orderCustomerSchema: z.ZodType<OrderCustomer, unknown> = plainObject({
  accountId: idSchema,
  billingEntity: idSchema.exactOptional(),
  group: idSchema.exactOptional(),
  tier: idSchema.exactOptional(),
  riskScore: z.number().min(0).max(100).exactOptional(),
  deliveryAddress: addressSchema,
  billingAddress: addressSchema.exactOptional(),
});

// ---- lines ------------------------------------------------------------------------------------

const priceSourceSchemas: z.ZodType<PriceSource, unknown>[] = [];

function priceSourceAt(depth: number): z.ZodType<PriceSource, unknown> {
  let schema = priceSourceSchemas[depth];
  if (schema === undefined) {
    const nested = z.lazy(() => priceSourceAt(depth + 1));
    schema =
      depth > MAX_PRICE_SOURCE_DEPTH
        ? z.custom<PriceSource>(() => false, {
            message: `price sources nest deeper than ${MAX_PRICE_SOURCE_DEPTH} levels`,
            params: { code: 'too_deep' },
          })
        : plainInput.pipe(
            z.discriminatedUnion('kind', [
              z.strictObject({ kind: z.literal('base'), minQuantity: positiveIntSchema }),
              z.strictObject({ kind: z.literal('price_list'), priceListId: idSchema, minQuantity: positiveIntSchema }),
              z.strictObject({
                kind: z.literal('sale'),
                priceListId: idSchema,
                minQuantity: positiveIntSchema,
                regularPrice: amountSchema,
                regularSource: nested,
              }),
              z.strictObject({ kind: z.literal('contract'), contractId: idSchema, minQuantity: positiveIntSchema }),
              z.strictObject({
                kind: z.literal('manual'),
                reason: reasonSchema,
                approvedBy: idSchema.exactOptional(),
                selectedPrice: amountSchema,
                selectedSource: nested,
              }),
            ]),
          );
    priceSourceSchemas[depth] = schema;
  }
  return schema;
}

const lineDiscountSchema: z.ZodType<LineDiscount, unknown> = plainObject({
  promotionId: idSchema,
  amount: amountSchema,
});

const taxLineSchema: z.ZodType<TaxLine, unknown> = plainObject({
  name: textSchema,
  jurisdiction: idSchema,
  taxClass: idSchema,
  rate: z.string().regex(/^\d{1,30}(\.\d{1,30})?$/, "must be a plain non-negative decimal such as '0.0825'"),
  amount: amountSchema,
});

const lineQuantitiesSchema: z.ZodType<LineQuantities, unknown> = plainObject({
  allocated: nonNegativeIntSchema,
  picked: nonNegativeIntSchema,
  shipped: nonNegativeIntSchema,
  delivered: nonNegativeIntSchema,
  cancelled: nonNegativeIntSchema,
  returned: nonNegativeIntSchema,
  backordered: nonNegativeIntSchema,
});

const pricedAmounts = {
  unitPrice: amountSchema,
  subtotal: amountSchema,
  discounts: z.array(lineDiscountSchema).max(MAX_SMALL_LIST),
  discountTotal: amountSchema,
  net: amountSchema,
  tax: amountSchema,
  total: amountSchema,
};

const pricedLineFields = {
  id: idSchema,
  sku: idSchema,
  description: textSchema,
  category: idSchema.exactOptional(),
  quantity: positiveIntSchema,
  ...pricedAmounts,
  unitPriceSource: priceSourceAt(0).exactOptional(),
  taxLines: z.array(taxLineSchema).max(MAX_SMALL_LIST).exactOptional(),
  locationId: idSchema.exactOptional(),
  allowSubstitutes: z.boolean().exactOptional(),
  expectedAvailableAt: instantSchema.exactOptional(),
  substitutedFor: plainObject({ lineId: idSchema, sku: idSchema }).exactOptional(),
};

type PricedAmounts = Pick<
  OrderLine,
  'unitPrice' | 'subtotal' | 'discounts' | 'discountTotal' | 'net' | 'tax' | 'total'
>;

/**
 * The identities pricing guarantees for a line, checked where the currencies agree (a currency
 * mismatch is reported on its own): subtotal = unit price × quantity, Σ discounts = discountTotal,
 * net + tax = total.
 */
function checkAmounts(
  line: PricedAmounts,
  quantity: number | undefined,
  context: z.RefinementCtx,
  prefix: (string | number)[] = [],
): void {
  const currency = line.unitPrice.currency;
  const same = (m: Money): boolean => m.currency === currency && isCount(m.amount);
  if ((quantity !== undefined && !(isCount(quantity) && quantity > 0)) || !isCount(line.unitPrice.amount)) return;
  if (quantity !== undefined && same(line.subtotal) && line.unitPrice.amount * quantity !== line.subtotal.amount) {
    issue(context, [...prefix, 'subtotal', 'amount'], 'amount_mismatch', 'must be unitPrice × quantity');
  }
  if (same(line.discountTotal) && line.discounts.every((d) => same(d.amount))) {
    const sum = line.discounts.reduce((total, d) => total + d.amount.amount, 0);
    if (sum !== line.discountTotal.amount) {
      issue(context, [...prefix, 'discountTotal', 'amount'], 'amount_mismatch', 'must be the sum of the discounts');
    }
  }
  if (same(line.net) && same(line.tax) && same(line.total) && line.net.amount + line.tax.amount !== line.total.amount) {
    issue(context, [...prefix, 'total', 'amount'], 'amount_mismatch', 'must be net + tax');
  }
}

/** The `LineQuantities` invariants that hold whether or not the host tracks picking. */
function checkQuantities(line: OrderLine, context: z.RefinementCtx): void {
  const q = line.quantities;
  // Fields that failed their own rules are reported there; relations between them would only echo it.
  if (!(isCount(line.quantity) && line.quantity > 0) || !Object.values(q).every(isCount)) return;
  const rule = (holds: boolean, field: keyof LineQuantities, message: string): void => {
    if (!holds) issue(context, ['quantities', field], 'quantity_invariant', message);
  };
  rule(q.cancelled <= line.quantity, 'cancelled', 'must not exceed the quantity ordered');
  rule(
    q.cancelled > line.quantity || q.allocated + q.backordered <= line.quantity - q.cancelled,
    'allocated',
    'allocated + backordered must not exceed ordered − cancelled',
  );
  rule(q.picked <= q.allocated, 'picked', 'must not exceed allocated');
  rule(q.shipped <= q.allocated, 'shipped', 'must not exceed allocated');
  rule(q.delivered <= q.shipped, 'delivered', 'must not exceed shipped');
  rule(q.returned <= q.shipped, 'returned', 'must not exceed shipped');
}

/**
 * An order line as priced plus its fulfilment ledger. Quantities are non-negative safe integers
 * (the ordered `quantity` positive); amounts are non-negative money in either JSON form
 * (`{ amount: 1230, currency }` or `{ amount: '12.30', currency }`), all in one currency; subtotal =
 * unit price × quantity, Σ discounts = discountTotal, net + tax = total; and the ledger keeps
 * `cancelled ≤ quantity`, `allocated + backordered ≤ quantity − cancelled`,
 * `picked ≤ allocated`, `delivered ≤ shipped ≤ allocated`, `returned ≤ shipped`.
 *
 * @example
 * ```ts
 * import { orderLineSchema } from 'ordercore/schemas';
 *
 * const usd = (amount: string) => ({ amount, currency: 'USD' });
 * const line = {
 *   id: 'l1', sku: 'MUG', description: 'Mug', quantity: 2, unitPrice: usd('8.50'), subtotal: usd('17.00'),
 *   discounts: [], discountTotal: usd('0.00'), net: usd('17.00'), tax: usd('1.36'), total: usd('18.36'), sourcing: 'stock',
 *   quantities: { allocated: 2, picked: 0, shipped: 0, delivered: 0, cancelled: 0, returned: 0, backordered: 0 },
 * };
 * orderLineSchema.parse(line).total; //=> { amount: 1836, currency: 'USD' }
 * orderLineSchema.safeParse({ ...line, quantities: { ...line.quantities, shipped: 3 } }).success; //=> false
 * ```
 */
export const orderLineSchema: z.ZodType<OrderLine, unknown> = plainObject({
  ...pricedLineFields,
  sourcing: z.enum(LINE_SOURCING),
  quantities: lineQuantitiesSchema,
}).superRefine((line, context) => {
  checkCurrency(line, context, line.unitPrice.currency);
  checkAmounts(line, line.quantity, context);
  checkQuantities(line, context);
});

const draftLineSchema: z.ZodType<OrderDraftLine, unknown> = plainObject({
  ...pricedLineFields,
  sourcing: z.enum(LINE_SOURCING).exactOptional(),
}).superRefine((line, context) => {
  checkCurrency(line, context, line.unitPrice.currency);
  checkAmounts(line, line.quantity, context);
});

// ---- payments, shipments, returns, service, approvals -----------------------------------------

/**
 * One payment: id, state (a default payment state or a host's own), method, and the amounts
 * authorised, captured and refunded, with `refunded ≤ captured ≤ authorized`.
 *
 * @example
 * ```ts
 * import { paymentSchema } from 'ordercore/schemas';
 *
 * const usd = (amount: number) => ({ amount, currency: 'USD' });
 * const payment = { id: 'p1', state: 'authorized', method: 'card', authorized: usd(1836), captured: usd(0), refunded: usd(0) };
 * paymentSchema.safeParse(payment).success; //=> true
 * paymentSchema.safeParse({ ...payment, captured: usd(2000) }).success; //=> false
 * ```
 */
export const paymentSchema: z.ZodType<Payment, unknown> = plainObject({
  id: idSchema,
  state: idSchema,
  method: idSchema,
  authorized: amountSchema,
  captured: amountSchema,
  refunded: amountSchema,
  reference: idSchema.exactOptional(),
}).superRefine((payment, context) => {
  checkCurrency(payment, context);
  const { authorized, captured, refunded } = payment;
  if (captured.currency === authorized.currency && captured.amount > authorized.amount) {
    issue(context, ['captured', 'amount'], 'amount_exceeded', 'must not exceed the amount authorised');
  }
  if (refunded.currency === captured.currency && refunded.amount > captured.amount) {
    issue(context, ['refunded', 'amount'], 'amount_exceeded', 'must not exceed the amount captured');
  }
});

const lineQuantitySchema = plainObject({ lineId: idSchema, quantity: positiveIntSchema });

/**
 * One shipment: id, state (a default shipment state or a host's own), the units of each line it
 * carries (positive), and optionally the location, carrier, tracking number and when it shipped and
 * was delivered.
 *
 * @example
 * ```ts
 * import { shipmentSchema } from 'ordercore/schemas';
 *
 * shipmentSchema.safeParse({ id: 's1', state: 'picking', lines: [{ lineId: 'l1', quantity: 2 }] }).success; //=> true
 * shipmentSchema.safeParse({ id: 's1', state: 'picking', lines: [{ lineId: 'l1', quantity: 0 }] }).success; //=> false
 * ```
 */
export const shipmentSchema: z.ZodType<Shipment, unknown> = plainObject({
  id: idSchema,
  state: idSchema,
  locationId: idSchema.exactOptional(),
  lines: z.array(lineQuantitySchema).max(MAX_LINES),
  carrier: idSchema.exactOptional(),
  trackingNumber: idSchema.exactOptional(),
  shippedAt: instantSchema.exactOptional(),
  deliveredAt: instantSchema.exactOptional(),
});

const returnLineSchema = plainObject({
  lineId: idSchema,
  quantity: positiveIntSchema,
  reason: reasonSchema,
  received: nonNegativeIntSchema,
  inspected: plainObject({ resellable: nonNegativeIntSchema, damaged: nonNegativeIntSchema }).exactOptional(),
}).superRefine((line, context) => {
  if (line.inspected !== undefined && line.inspected.resellable + line.inspected.damaged > line.received) {
    issue(context, ['inspected'], 'quantity_invariant', 'resellable + damaged must not exceed received');
  }
});

/**
 * One return (RMA): id, state (a default return state or a host's own), at least one returned line
 * (units, reason, units received, and inspected counts that never exceed those received), and the
 * resolution amount once resolved.
 *
 * @example
 * ```ts
 * import { returnRequestSchema } from 'ordercore/schemas';
 *
 * const line = { lineId: 'l1', quantity: 1, reason: 'defective', received: 1, inspected: { resellable: 0, damaged: 1 } };
 * returnRequestSchema.safeParse({ id: 'r1', state: 'inspected', lines: [line] }).success; //=> true
 * returnRequestSchema.safeParse({ id: 'r1', state: 'inspected', lines: [{ ...line, received: 0 }] }).success; //=> false
 * ```
 */
export const returnRequestSchema: z.ZodType<ReturnRequest, unknown> = plainObject({
  id: idSchema,
  state: idSchema,
  lines: z.array(returnLineSchema).min(1).max(MAX_LINES),
  resolutionAmount: amountSchema.exactOptional(),
});

const appointmentSchema = plainObject({ from: instantSchema, until: instantSchema }).refine(
  (window) => instantsInOrder(window.from, window.until),
  { message: 'from must be before until', path: ['until'], params: { code: 'invalid_window' } },
);

const partsSchema = z.array(plainObject({ sku: idSchema, quantity: positiveIntSchema })).max(MAX_SMALL_LIST);

/**
 * The service part of a service order: its state, and optionally the appointment (from before
 * until), technician, parts and completion record.
 *
 * @example
 * ```ts
 * import { serviceJobSchema } from 'ordercore/schemas';
 *
 * serviceJobSchema.safeParse({ state: 'scheduled', appointment: { from: '2026-12-01T09:00:00Z', until: '2026-12-01T11:00:00Z' } }).success; //=> true
 * serviceJobSchema.safeParse({ state: 'scheduled', appointment: { from: '2026-12-01T11:00:00Z', until: '2026-12-01T09:00:00Z' } }).success; //=> false
 * ```
 */
export const serviceJobSchema: z.ZodType<ServiceJob, unknown> = plainObject({
  state: idSchema,
  appointment: appointmentSchema.exactOptional(),
  technicianId: idSchema.exactOptional(),
  parts: partsSchema.exactOptional(),
  completion: plainObject({
    completedAt: instantSchema,
    technicianId: idSchema,
    notes: textSchema,
    laborMinutes: nonNegativeIntSchema,
  }).exactOptional(),
});

const approvalRequestFields = {
  queue: idSchema,
  ruleId: idSchema,
  reason: reasonSchema,
  decidedBy: idSchema.exactOptional(),
  decidedAt: instantSchema.exactOptional(),
  comment: textSchema.exactOptional(),
};

/**
 * One approval step: the queue, the rule that required it, why, its status (`pending`, `approved`
 * or `rejected`) and who decided when.
 *
 * @example
 * ```ts
 * import { approvalStepSchema } from 'ordercore/schemas';
 *
 * approvalStepSchema.safeParse({ queue: 'credit', ruleId: 'over-limit', reason: 'over the credit limit', status: 'pending' }).success; //=> true
 * approvalStepSchema.safeParse({ queue: 'credit', ruleId: 'over-limit', reason: 'over the credit limit', status: 'maybe' }).success; //=> false
 * ```
 */
export const approvalStepSchema: z.ZodType<ApprovalStep, unknown> = plainObject({
  ...approvalRequestFields,
  status: z.enum(['pending', 'approved', 'rejected']),
});

// ---- order header -----------------------------------------------------------------------------

const fulfillmentSchema = plainObject({
  requestedDeliveryDate: calendarDateSchema.exactOptional(),
  shipBy: calendarDateSchema.exactOptional(),
  shippingMethod: idSchema.exactOptional(),
  expedited: z.boolean().exactOptional(),
  specialHandling: z.array(idSchema).max(MAX_SMALL_LIST).exactOptional(),
});

const termsSchema = plainObject({
  paymentTerms: plainInput.pipe(
    z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('prepaid') }),
      z.strictObject({ kind: z.literal('net'), days: z.int().min(0).max(3_650) }),
      z.strictObject({ kind: z.literal('cash_on_delivery') }),
    ]),
  ),
  paymentMethod: idSchema.exactOptional(),
  creditApproved: z.boolean(),
  taxJurisdiction: idSchema.exactOptional(),
});

const timestampsSchema = plainObject({
  orderedAt: instantSchema,
  confirmedAt: instantSchema.exactOptional(),
  expectedShipAt: instantSchema.exactOptional(),
  shippedAt: instantSchema.exactOptional(),
  deliveredAt: instantSchema.exactOptional(),
  completedAt: instantSchema.exactOptional(),
  cancelledAt: instantSchema.exactOptional(),
});

// Checked by hand rather than with z.record, which silently drops a `__proto__` key (refused here by
// name instead) and would weigh more in the bundle than the whole check.
const metadataSchema: z.ZodType<Readonly<Record<string, string>>, unknown> = z.transform(
  (input: unknown, context): Record<string, string> => {
    if (!isPlainObject(input)) {
      issue(context, [], 'invalid_type', 'expected a plain object of strings');
      return z.NEVER;
    }
    const keys = Object.keys(input);
    if (keys.length > MAX_METADATA_ENTRIES) issue(context, [], 'too_big', `at most ${MAX_METADATA_ENTRIES} entries`);
    const output: Record<string, string> = {};
    for (const key of keys) {
      const value = input[key];
      if (key === '__proto__') issue(context, [key], 'forbidden_key', 'the key __proto__ is not allowed');
      else if (typeof value !== 'string') issue(context, [key], 'invalid_type', 'expected a string');
      else if (key.length > MAX_ID_LENGTH || value.length > MAX_TEXT_LENGTH)
        issue(context, [key], 'too_big', 'too long');
      else output[key] = value;
    }
    return output;
  },
);

const headerFields = {
  id: idSchema,
  type: z.enum(ORDER_TYPES),
  currency: currencyCodeSchema,
  channel: idSchema,
  priority: z.enum(ORDER_PRIORITIES),
  customer: orderCustomerSchema,
  shipping: plainObject({ net: amountSchema, tax: amountSchema }),
  fulfillment: fulfillmentSchema,
  terms: termsSchema,
  timestamps: timestampsSchema,
  releaseAt: instantSchema.exactOptional(),
  service: serviceJobSchema.exactOptional(),
  couponCodes: z.array(idSchema).max(MAX_SMALL_LIST).exactOptional(),
  metadata: metadataSchema.exactOptional(),
};

// ---- edits ------------------------------------------------------------------------------------

const addLineEditSchema = z.strictObject({ kind: z.literal('add_line'), line: draftLineSchema });

const editSchema = plainInput.pipe(
  z.discriminatedUnion('kind', [
    addLineEditSchema,
    z.strictObject({ kind: z.literal('remove_line'), lineId: idSchema }),
    z
      .strictObject({
        kind: z.literal('change_quantity'),
        lineId: idSchema,
        quantity: positiveIntSchema,
        repriced: plainObject(pricedAmounts).exactOptional(),
      })
      .superRefine((edit, context) => {
        if (edit.repriced !== undefined) {
          checkCurrency(edit.repriced, context, undefined, ['repriced']);
          checkAmounts(edit.repriced, edit.quantity, context, ['repriced']);
        }
      }),
    z.strictObject({ kind: z.literal('change_address'), address: addressSchema }),
    z.strictObject({ kind: z.literal('change_requested_date'), requestedDeliveryDate: calendarDateSchema }),
  ]),
);

/**
 * One edit an `edit_order` event carries: `add_line` (a priced line, as in an order draft),
 * `remove_line`, `change_quantity` (a positive quantity, optionally with the re-priced amounts, which
 * must add up as a line's do), `change_address` or `change_requested_date` (a real calendar date).
 * All amounts in one edit share a currency.
 *
 * @example
 * ```ts
 * import { orderEditSchema } from 'ordercore/schemas';
 *
 * orderEditSchema.safeParse({ kind: 'change_quantity', lineId: 'l1', quantity: 3 }).success; //=> true
 * orderEditSchema.safeParse({ kind: 'change_requested_date', requestedDeliveryDate: '2026-02-30' }).success; //=> false
 * ```
 */
export const orderEditSchema: z.ZodType<OrderEdit, unknown> = editSchema;

// ---- diffs recorded in history entries ------------------------------------------------------------

// A diff's `before` / `after` are plain JSON data (counts, strings, money, addresses, whole lines,
// `null` for absent). They are checked as JSON, bounded, with every `{ amount, currency }` object
// read as money in either form, so a diff parses back to what `transition` recorded.
const MAX_DIFF_DEPTH = 16;
const MAX_DIFF_ENTRIES = 10_000;
const DIFF_KINDS = [
  'add_line',
  'remove_line',
  'change_quantity',
  'change_address',
  'change_requested_date',
  'cancel_lines',
  'substitution',
] as const satisfies readonly OrderDiffEntry['kind'][];
// Every kind the model names is listed (a compile error here means DIFF_KINDS needs the new kind).
const everyDiffKind: Exclude<OrderDiffEntry['kind'], (typeof DIFF_KINDS)[number]> extends never ? true : never = true;
void everyDiffKind;

type DiffValue = null | boolean | number | string | readonly DiffValue[] | { readonly [key: string]: DiffValue };

function readDiffValue(
  input: unknown,
  path: (string | number)[],
  depth: number,
  context: z.core.$RefinementCtx<unknown>,
): DiffValue | undefined {
  if (input === null || typeof input === 'boolean' || typeof input === 'string') {
    if (typeof input === 'string' && input.length > MAX_TEXT_LENGTH) {
      issue(context, path, 'too_big', `at most ${MAX_TEXT_LENGTH} characters`);
      return undefined;
    }
    return input;
  }
  if (typeof input === 'number') {
    if (Number.isFinite(input)) return input;
    issue(context, path, 'invalid_type', 'expected a finite number');
    return undefined;
  }
  const isArray = Array.isArray(input);
  if (!isArray && !isPlainObject(input)) {
    issue(context, path, 'invalid_type', 'expected JSON data (null, a boolean, number, string, array or plain object)');
    return undefined;
  }
  if (depth >= MAX_DIFF_DEPTH) {
    issue(context, path, 'too_deep', `nested deeper than ${MAX_DIFF_DEPTH} levels`);
    return undefined;
  }
  if (isArray) {
    if (input.length > MAX_SMALL_LIST) {
      issue(context, path, 'too_big', `at most ${MAX_SMALL_LIST} items`);
      return undefined;
    }
    const items: DiffValue[] = [];
    let failed = false;
    for (let i = 0; i < input.length; i++) {
      const item = readDiffValue(input[i], [...path, i], depth + 1, context);
      if (item === undefined) failed = true;
      else items.push(item);
    }
    return failed ? undefined : items;
  }
  const keys = Object.keys(input);
  if (keys.length === 2 && Object.hasOwn(input, 'amount') && Object.hasOwn(input, 'currency')) {
    const parsed = anyMoneySchema.safeParse(input);
    if (parsed.success) return { amount: parsed.data.amount, currency: parsed.data.currency };
    for (const found of parsed.error.issues)
      context.issues.push({ ...found, path: [...path, ...found.path], input: undefined });
    return undefined;
  }
  if (keys.length > MAX_SMALL_LIST) {
    issue(context, path, 'too_big', `at most ${MAX_SMALL_LIST} keys`);
    return undefined;
  }
  const output: Record<string, DiffValue> = {};
  let failed = false;
  for (const key of keys) {
    if (key === '__proto__') {
      issue(context, [...path, key], 'forbidden_key', 'the key __proto__ is not allowed');
      failed = true;
      continue;
    }
    const value = readDiffValue(input[key], [...path, key], depth + 1, context);
    if (value === undefined) failed = true;
    else output[key] = value;
  }
  return failed ? undefined : output;
}

const diffValueSchema: z.ZodType<DiffValue, unknown> = z.transform((input: unknown, context): DiffValue => {
  if (input === undefined) {
    issue(context, [], 'invalid_type', 'expected JSON data (null when absent)');
    return z.NEVER;
  }
  const value = readDiffValue(input, [], 0, context);
  // `null` is a value here (absent before or after), so no `??`.
  return value === undefined ? z.NEVER : value;
});

const diffEntrySchema: z.ZodType<OrderDiffEntry, unknown> = plainObject({
  kind: z.enum(DIFF_KINDS),
  lineId: idSchema.exactOptional(),
  field: idSchema,
  before: diffValueSchema,
  after: diffValueSchema,
});

// ---- events and orders (mutually recursive through `place` and `history`) ----------------------

const orderSchemas: z.ZodType<Order, unknown>[] = [];
const eventSchemas: z.ZodType<OrderEvent, unknown>[] = [];

function orderAt(depth: number): z.ZodType<Order, unknown> {
  let schema = orderSchemas[depth];
  if (schema === undefined) {
    schema =
      depth > MAX_ORDER_DEPTH
        ? z.custom<Order>(() => false, {
            message: `orders nest (through place events in history) deeper than ${MAX_ORDER_DEPTH} levels`,
            params: { code: 'too_deep' },
          })
        : buildOrderSchema(depth);
    orderSchemas[depth] = schema;
  }
  return schema;
}

function eventAt(depth: number): z.ZodType<OrderEvent, unknown> {
  let schema = eventSchemas[depth];
  if (schema === undefined) {
    schema = buildEventSchema(depth);
    eventSchemas[depth] = schema;
  }
  return schema;
}

function buildOrderSchema(depth: number): z.ZodType<Order, unknown> {
  const historyEntrySchema: z.ZodType<HistoryEntry, unknown> = plainObject({
    seq: positiveIntSchema,
    event: z.lazy(() => eventAt(depth)),
    machine: idSchema,
    entityId: idSchema.exactOptional(),
    from: idSchema,
    to: idSchema,
    order: plainObject({ from: idSchema, to: idSchema }).exactOptional(),
    actor: plainObject({ kind: z.enum(['user', 'system', 'customer']), id: idSchema }),
    at: instantSchema,
    reason: textSchema.exactOptional(),
    diff: z.array(diffEntrySchema).max(MAX_DIFF_ENTRIES).exactOptional(),
  });
  return plainObject({
    ...headerFields,
    version: nonNegativeIntSchema,
    state: idSchema,
    lines: z.array(orderLineSchema).max(MAX_LINES),
    payments: z.array(paymentSchema).max(MAX_SMALL_LIST),
    shipments: z.array(shipmentSchema).max(MAX_LINES),
    returns: z.array(returnRequestSchema).max(MAX_LINES),
    approvals: z.array(approvalStepSchema).max(MAX_SMALL_LIST),
    hold: plainObject({ reason: reasonSchema, fromState: idSchema }).exactOptional(),
    history: z.array(historyEntrySchema).max(MAX_HISTORY),
  }).superRefine((order, context) => {
    checkOrderCurrency(order, context);
    checkUnique(
      order.lines.map((l) => l.id),
      'lines',
      'id',
      context,
    );
    checkUnique(
      order.payments.map((p) => p.id),
      'payments',
      'id',
      context,
    );
    checkUnique(
      order.shipments.map((s) => s.id),
      'shipments',
      'id',
      context,
    );
    checkUnique(
      order.returns.map((r) => r.id),
      'returns',
      'id',
      context,
    );
    const lineIds = new Set(order.lines.map((l) => l.id));
    const known = (path: (string | number)[], lineId: string): void => {
      if (!lineIds.has(lineId)) issue(context, path, 'unknown_line', 'names no line of this order');
    };
    order.shipments.forEach((s, i) => {
      s.lines.forEach((l, j) => {
        known(['shipments', i, 'lines', j, 'lineId'], l.lineId);
      });
    });
    order.returns.forEach((r, i) => {
      r.lines.forEach((l, j) => {
        known(['returns', i, 'lines', j, 'lineId'], l.lineId);
      });
    });
    order.history.forEach((entry, i) => {
      if (entry.seq !== i + 1) issue(context, ['history', i, 'seq'], 'invalid_sequence', `must be ${i + 1}`);
    });
  });
}

/**
 * Every money of an order (or draft) in the order currency. Lines and payments already check that
 * their amounts share one currency, so only their first amount is compared here (one issue per
 * mismatch, not two).
 */
function checkOrderCurrency(order: Order | OrderDraft, context: z.RefinementCtx): void {
  // An unknown order currency is reported on its own; every amount would only echo it.
  if (getCurrency(order.currency) === undefined) return;
  const fields = order as unknown as Readonly<Record<string, unknown>>;
  for (const key of Object.keys(fields)) {
    if (key === 'history') {
      // A placed order checks its own; any other recorded event is in the order currency.
      (order as Order).history.forEach((entry, i) => {
        if (entry.event.type !== 'place') checkCurrency(entry.event, context, order.currency, ['history', i, 'event']);
        if (entry.diff !== undefined) checkCurrency(entry.diff, context, order.currency, ['history', i, 'diff']);
      });
    } else if (key === 'lines') {
      order.lines.forEach((line, i) => {
        checkCurrency(line.unitPrice, context, order.currency, ['lines', i, 'unitPrice']);
      });
    } else if (key === 'payments' && 'payments' in order) {
      order.payments.forEach((payment, i) => {
        checkCurrency(payment.authorized, context, order.currency, ['payments', i, 'authorized']);
      });
    } else {
      checkCurrency(fields[key], context, order.currency, [key]);
    }
  }
}

function buildEventSchema(depth: number): z.ZodType<OrderEvent, unknown> {
  const lines = (min: number) => z.array(lineQuantitySchema).min(min).max(MAX_LINES);
  const union = z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('place'), order: z.lazy(() => orderAt(depth + 1)) }),
    z.strictObject({ type: z.literal('hold'), reason: reasonSchema }),
    z.strictObject({ type: z.literal('release_hold') }),
    z.strictObject({
      type: z.literal('request_approval'),
      steps: z.array(plainObject(approvalRequestFields)).min(1).max(MAX_SMALL_LIST),
    }),
    z.strictObject({ type: z.literal('approve'), queue: idSchema, comment: textSchema.exactOptional() }),
    z.strictObject({ type: z.literal('reject'), queue: idSchema, reason: reasonSchema }),
    z.strictObject({ type: z.literal('confirm'), expectedShipAt: instantSchema.exactOptional() }),
    z.strictObject({
      type: z.literal('allocate'),
      lines: z
        .array(plainObject({ lineId: idSchema, quantity: positiveIntSchema, locationId: idSchema.exactOptional() }))
        .max(MAX_LINES),
      backorders: z
        .array(
          plainObject({ lineId: idSchema, quantity: positiveIntSchema, expectedAt: instantSchema.exactOptional() }),
        )
        .max(MAX_LINES)
        .exactOptional(),
    }),
    z.strictObject({ type: z.literal('release_for_fulfillment') }),
    z.strictObject({ type: z.literal('production_completed'), lines: lines(1) }),
    z.strictObject({
      type: z.literal('edit_order'),
      edits: z.array(orderEditSchema).min(1).max(MAX_SMALL_LIST),
      reason: textSchema.exactOptional(),
    }),
    z.strictObject({ type: z.literal('cancel_lines'), lines: lines(1), reason: reasonSchema }),
    z.strictObject({ type: z.literal('cancel'), reason: reasonSchema }),
    z.strictObject({
      type: z.literal('accept_substitution'),
      lineId: idSchema,
      substitute: plainInput.pipe(z.discriminatedUnion('kind', [addLineEditSchema])),
    }),
    z.strictObject({ type: z.literal('complete') }),
    z.strictObject({ type: z.literal('close') }),
    // payment machine
    z.strictObject({
      type: z.literal('authorize_payment'),
      paymentId: idSchema,
      method: idSchema,
      amount: amountSchema,
      reference: idSchema.exactOptional(),
    }),
    z.strictObject({ type: z.literal('payment_failed'), paymentId: idSchema, reason: reasonSchema }),
    z.strictObject({ type: z.literal('capture_payment'), paymentId: idSchema, amount: amountSchema }),
    z.strictObject({
      type: z.literal('refund_payment'),
      paymentId: idSchema,
      amount: amountSchema,
      reason: textSchema.exactOptional(),
    }),
    z.strictObject({ type: z.literal('void_payment'), paymentId: idSchema }),
    // shipment machine
    z.strictObject({
      type: z.literal('create_shipment'),
      shipmentId: idSchema,
      lines: lines(1),
      locationId: idSchema.exactOptional(),
    }),
    z.strictObject({ type: z.literal('start_picking'), shipmentId: idSchema }),
    z.strictObject({ type: z.literal('pack_shipment'), shipmentId: idSchema }),
    z.strictObject({ type: z.literal('ship'), shipmentId: idSchema, carrier: idSchema, trackingNumber: idSchema }),
    z.strictObject({ type: z.literal('deliver'), shipmentId: idSchema }),
    z.strictObject({
      type: z.literal('report_delay'),
      shipmentId: idSchema,
      newExpectedAt: instantSchema,
      reason: reasonSchema,
    }),
    z.strictObject({ type: z.literal('cancel_shipment'), shipmentId: idSchema, reason: reasonSchema }),
    // return machine
    z.strictObject({
      type: z.literal('request_return'),
      returnId: idSchema,
      lines: z
        .array(plainObject({ lineId: idSchema, quantity: positiveIntSchema, reason: reasonSchema }))
        .min(1)
        .max(MAX_LINES),
    }),
    z.strictObject({ type: z.literal('authorize_return'), returnId: idSchema }),
    z.strictObject({ type: z.literal('reject_return'), returnId: idSchema, reason: reasonSchema }),
    z.strictObject({ type: z.literal('receive_return'), returnId: idSchema, lines: lines(1) }),
    z.strictObject({
      type: z.literal('inspect_return'),
      returnId: idSchema,
      lines: z
        .array(plainObject({ lineId: idSchema, resellable: nonNegativeIntSchema, damaged: nonNegativeIntSchema }))
        .min(1)
        .max(MAX_LINES),
    }),
    z.strictObject({
      type: z.literal('resolve_return'),
      returnId: idSchema,
      resolution: z.enum(['refund', 'exchange', 'store_credit']),
    }),
    // service machine
    z
      .strictObject({ type: z.literal('schedule_appointment'), from: instantSchema, until: instantSchema })
      .refine((event) => instantsInOrder(event.from, event.until), {
        message: 'from must be before until',
        path: ['until'],
        params: { code: 'invalid_window' },
      }),
    z.strictObject({ type: z.literal('assign_technician'), technicianId: idSchema }),
    z.strictObject({ type: z.literal('allocate_parts'), parts: partsSchema.min(1) }),
    z.strictObject({ type: z.literal('start_service') }),
    z.strictObject({ type: z.literal('complete_service'), notes: textSchema, laborMinutes: nonNegativeIntSchema }),
  ]);
  return plainInput.pipe(union).superRefine((event, context) => {
    // Each edit keeps to one currency on its own; the edits of one event must agree with each other.
    if (event.type !== 'edit_order') return;
    let expected: string | undefined;
    event.edits.forEach((edit, i) => {
      const first = moneyIn(edit, ['edits', i], [])[0];
      if (first === undefined) return;
      expected ??= first.money.currency;
      if (first.money.currency !== expected) {
        issue(context, [...first.path, 'currency'], 'currency_mismatch', `must be ${expected}, like the other edits`);
      }
    });
  });
}

/**
 * An `Order` from JSON: money in either form (`{ amount: 1230, currency }` as `JSON.stringify`
 * writes it, or the snapshot `{ amount: '12.30', currency }`), instants with an explicit offset,
 * calendar dates that name real days. Beyond each field's own rules (see {@link orderLineSchema},
 * {@link paymentSchema} ...) it checks the whole: every amount in the order currency, unique line,
 * payment, shipment and return ids, shipments and returns naming lines of the order, and history
 * numbered 1, 2, 3 ... States are any non-empty string (hosts may add their own). Limits: 10,000
 * lines, shipments and returns; 1,000 payments and approvals; 100,000 history entries; orders
 * nested through `place` events at most 4 deep.
 *
 * @example
 * ```ts
 * import { orderSchema } from 'ordercore/schemas';
 *
 * const usd = (amount: number) => ({ amount, currency: 'USD' });
 * const order = {
 *   id: 'o-1', version: 0, type: 'stock', state: 'placed', currency: 'USD', channel: 'web', priority: 'normal',
 *   customer: { accountId: 'c-1', deliveryAddress: { country: 'US' } },
 *   lines: [], shipping: { net: usd(500), tax: usd(0) }, fulfillment: {},
 *   terms: { paymentTerms: { kind: 'prepaid' }, creditApproved: false },
 *   timestamps: { orderedAt: '2026-11-22T10:00:00Z' },
 *   payments: [], shipments: [], returns: [], approvals: [], history: [],
 * };
 * orderSchema.safeParse(order).success; //=> true
 * orderSchema.safeParse({ ...order, shipping: { net: { amount: 500, currency: 'EUR' }, tax: usd(0) } }).success; //=> false
 * ```
 */
export const orderSchema: z.ZodType<Order, unknown> = z.lazy(() => orderAt(0));

/**
 * An order as captured, before the machines own it: an {@link OrderDraft} (an order without version,
 * state, history, payments, shipments, returns, approvals and hold, whose lines carry no quantities
 * and may leave `sourcing` to the order type; `priority`, `shipping`, `fulfillment` and `timestamps`
 * may be left out for `createOrder` to default). Checked like {@link orderSchema}: one currency,
 * unique line ids, amounts that add up.
 *
 * @example
 * ```ts
 * import { orderDraftSchema } from 'ordercore/schemas';
 *
 * const draft = {
 *   id: 'o-1', type: 'stock', currency: 'USD', channel: 'web', priority: 'normal',
 *   customer: { accountId: 'c-1', deliveryAddress: { country: 'US' } },
 *   lines: [], shipping: { net: { amount: '5.00', currency: 'USD' }, tax: { amount: '0.00', currency: 'USD' } },
 *   fulfillment: { requestedDeliveryDate: '2026-12-24' },
 *   terms: { paymentTerms: { kind: 'net', days: 30 }, creditApproved: true },
 *   timestamps: { orderedAt: '2026-11-22T10:00:00Z' },
 * };
 * orderDraftSchema.parse(draft).shipping?.net; //=> { amount: 500, currency: 'USD' }
 * orderDraftSchema.safeParse({ ...draft, state: 'confirmed' }).success; //=> false
 * const { priority, shipping, fulfillment, timestamps, ...minimal } = draft;
 * orderDraftSchema.parse(minimal).priority; //=> undefined
 * orderDraftSchema.safeParse({ ...minimal, priority: 'asap' }).success; //=> false
 * ```
 */
export const orderDraftSchema: z.ZodType<OrderDraft, unknown> = plainObject({
  ...headerFields,
  // createOrder fills these in when left out (priority 'normal', zero shipping, no fulfilment
  // requirements, orderedAt = now); when present they are checked as on an order.
  priority: headerFields.priority.exactOptional(),
  shipping: headerFields.shipping.exactOptional(),
  fulfillment: headerFields.fulfillment.exactOptional(),
  timestamps: headerFields.timestamps.exactOptional(),
  lines: z.array(draftLineSchema).max(MAX_LINES),
}).superRefine((draft, context) => {
  checkOrderCurrency(draft, context);
  checkUnique(
    draft.lines.map((l) => l.id),
    'lines',
    'id',
    context,
  );
});

/**
 * One `OrderEvent` of the default machines, told apart by `type` (an unknown type is
 * `invalid_union` at `type`). Quantities are positive safe integers (inspection counts non-negative),
 * amounts non-negative and, within one event, in one currency; reasons are not blank; a `place`
 * event carries a whole order as in {@link orderSchema}. Whether the event is allowed now is the
 * machine's to say, not the schema's.
 *
 * @example
 * ```ts
 * import { orderEventSchema } from 'ordercore/schemas';
 *
 * orderEventSchema.safeParse({ type: 'capture_payment', paymentId: 'p1', amount: { amount: '10.00', currency: 'USD' } }).success; //=> true
 * orderEventSchema.safeParse({ type: 'cancel_lines', lines: [{ lineId: 'l1', quantity: -1 }], reason: 'x' }).success; //=> false
 * ```
 */
export const orderEventSchema: z.ZodType<OrderEvent, unknown> = z.lazy(() => eventAt(0));

// ---- parse functions --------------------------------------------------------------------------

/**
 * Validates an untrusted order (a stored snapshot, a message payload) against {@link orderSchema}.
 *
 * @param input - Anything, typically parsed JSON.
 * @returns The order with `Money` amounts, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseOrder } from 'ordercore/schemas';
 *
 * const bad = parseOrder({ id: 'o-1' });
 * bad.ok; //=> false
 * !bad.ok && bad.error.issues.some((i) => i.path.join('.') === 'currency'); //=> true
 * ```
 */
export function parseOrder(input: unknown): Result<Order, ValidationError> {
  return parseInput(orderSchema, input);
}

/**
 * Validates an untrusted order draft (what a storefront or an import submits) against
 * {@link orderDraftSchema}.
 *
 * @param input - Anything, typically parsed JSON.
 * @returns The draft with `Money` amounts, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseOrderDraft } from 'ordercore/schemas';
 *
 * // A currency smuggled in through `__proto__` is never read: it is an unknown key, and currency is missing.
 * const bad = parseOrderDraft(JSON.parse('{"id":"o-1","__proto__":{"currency":"USD"}}'));
 * !bad.ok && bad.error.issues.some((i) => i.path.join('.') === 'currency' && i.code === 'invalid_type'); //=> true
 * !bad.ok && bad.error.issues.some((i) => i.code === 'unrecognized_keys'); //=> true
 * ```
 */
export function parseOrderDraft(input: unknown): Result<OrderDraft, ValidationError> {
  return parseInput(orderDraftSchema, input);
}

/**
 * Validates an untrusted order event (an API command, a queued message) against
 * {@link orderEventSchema}, ready for `transition`.
 *
 * @param input - Anything, typically parsed JSON.
 * @returns The event, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseOrderEvent } from 'ordercore/schemas';
 *
 * parseOrderEvent({ type: 'ship', shipmentId: 's1', carrier: 'ups', trackingNumber: '1Z999' }).ok; //=> true
 * const bad = parseOrderEvent({ type: 'teleport' });
 * !bad.ok && bad.error.issues.map((i) => `${i.path.join('.')}:${i.code}`); //=> ['type:invalid_union']
 * ```
 */
export function parseOrderEvent(input: unknown): Result<OrderEvent, ValidationError> {
  return parseInput(orderEventSchema, input);
}

/**
 * Validates one untrusted order edit against {@link orderEditSchema}.
 *
 * @param input - Anything, typically parsed JSON.
 * @returns The edit, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseOrderEdit } from 'ordercore/schemas';
 *
 * parseOrderEdit({ kind: 'remove_line', lineId: 'l2' }); //=> { ok: true, value: { kind: 'remove_line', lineId: 'l2' } }
 * const bad = parseOrderEdit({ kind: 'change_quantity', lineId: 'l1', quantity: Number.NaN });
 * !bad.ok && bad.error.issues.map((i) => `${i.path.join('.')}:${i.code}`); //=> ['quantity:invalid_type']
 * ```
 */
export function parseOrderEdit(input: unknown): Result<OrderEdit, ValidationError> {
  return parseInput(orderEditSchema, input);
}
