import * as z from 'zod';
import type { ValidationError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import type { Money } from '../money/types.js';
import { ShippingError } from '../shipping/errors.js';
import { checkRateTable, checkShipment, resolvePolicy } from '../shipping/internal/check.js';
import { checkQuotes } from '../shipping/selectCarrier.js';
import {
  type CarrierPolicy,
  type CarrierRateTable,
  type Parcel,
  type RateQuote,
  SELECTION_OBJECTIVES,
  SERVICE_LEVELS,
  type Shipment,
  type WorkingCalendar,
} from '../shipping/types.js';
import { calendarDateSchema } from './dates.js';
import { moneySchema, moneySnapshotSchema } from './money.js';
import { parseInput } from './parse.js';
import { plainObject } from './plainObject.js';

// The shapes are zod's; the rules that span fields (unique ids, sorted weight breaks, a calendar
// with a working day, prices in the table's currency ...) are the library's own checks, run on the
// parsed value, so the boundary and the functions can never disagree.

const MAX_ID = 1_000;
const idSchema = z.string().min(1).max(MAX_ID);
const countrySchema = z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter upper-case country code');
const postalSchema = z
  .string()
  .regex(/^[A-Za-z0-9 -]{0,20}$/, 'expected letters, digits, spaces and dashes (at most 20)');
const positiveInt = z.int().min(1);
const sideSchema = z.int().min(1).max(100_000);
/** Money as `Money` (`{ amount: 1250, currency }`, minor units) or as its snapshot (`{ amount: '12.50', currency }`). */
const anyMoneySchema: z.ZodType<Money, unknown> = z.union([moneySchema, moneySnapshotSchema]);

/** '.a[0].b' → ['a', 0, 'b'], dropping the root name the library's checks start with. */
function pathOf(field: unknown, root: string): (string | number)[] {
  if (typeof field !== 'string') return [];
  const parts = field.match(/[^.[\]]+/g) ?? [];
  const out = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  return out[0] === root ? out.slice(1) : out;
}

/** Run the library's checks only on input zod found well-shaped (else each problem would be reported twice). */
const WHEN_CLEAN = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };

/** A refinement running one of the library's checks and reporting its problem at its field. */
function libraryCheck<T>(root: string, check: (value: T) => ShippingError | undefined) {
  return (value: T, context: z.RefinementCtx): void => {
    const problem = check(value);
    if (problem !== undefined)
      context.addIssue({
        code: 'custom',
        path: pathOf(problem.details['field'], root),
        message: String(problem.details['reason'] ?? problem.message),
        params: { code: problem.code },
      });
  };
}

/**
 * The schema of a parcel ({@link Parcel}): id, weight in grams (positive safe integer) and three
 * sides in millimetres (integers from 1 to 100,000).
 *
 * @example
 * ```ts
 * import { parcelSchema } from 'ordercore/schemas';
 *
 * parcelSchema.safeParse({ id: 'p', weightGrams: 500, lengthMm: 200, widthMm: 100, heightMm: 50 }).success; //=> true
 * parcelSchema.safeParse({ id: 'p', weightGrams: 0.5, lengthMm: 200, widthMm: 100, heightMm: 50 }).success; //=> false
 * ```
 */
export const parcelSchema: z.ZodType<Parcel, unknown> = plainObject({
  id: idSchema,
  weightGrams: positiveInt,
  lengthMm: sideSchema,
  widthMm: sideSchema,
  heightMm: sideSchema,
}) as unknown as z.ZodType<Parcel, unknown>;

/**
 * The schema of a shipment ({@link Shipment}): id, destination (country, postal code), 1 to 1,000
 * parcels with unique ids, ship date and optional promised date.
 *
 * @example
 * ```ts
 * import { carrierShipmentSchema } from 'ordercore/schemas';
 *
 * const parcel = { id: 'p', weightGrams: 500, lengthMm: 200, widthMm: 100, heightMm: 50 };
 * const shipment = { id: 's', shipDate: '2026-11-23', destination: { country: 'US', postalCode: '94107' }, parcels: [parcel] };
 * carrierShipmentSchema.safeParse(shipment).success; //=> true
 * carrierShipmentSchema.safeParse({ ...shipment, parcels: [parcel, parcel] }).success; //=> false
 * ```
 */
export const carrierShipmentSchema: z.ZodType<Shipment, unknown> = plainObject({
  id: idSchema,
  destination: plainObject({ country: countrySchema, postalCode: postalSchema }),
  parcels: z.array(parcelSchema).min(1).max(1_000),
  shipDate: calendarDateSchema,
  promisedBy: calendarDateSchema.exactOptional(),
}).superRefine(
  libraryCheck('shipment', (value) => checkShipment(value)),
  WHEN_CLEAN,
) as unknown as z.ZodType<Shipment, unknown>;

/**
 * The schema of a working calendar ({@link WorkingCalendar}): ISO weekdays off (at least one
 * weekday must be worked) and holidays.
 *
 * @example
 * ```ts
 * import { workingCalendarSchema } from 'ordercore/schemas';
 *
 * workingCalendarSchema.safeParse({ weekend: [6, 7], holidays: ['2026-12-25'] }).success; //=> true
 * workingCalendarSchema.safeParse({ weekend: [1, 2, 3, 4, 5, 6, 7] }).success; //=> false
 * ```
 */
export const workingCalendarSchema: z.ZodType<WorkingCalendar, unknown> = plainObject({
  weekend: z.array(z.int().min(1).max(7)).max(7).exactOptional(),
  holidays: z.array(calendarDateSchema).max(100_000).exactOptional(),
}).refine((c) => new Set((c['weekend'] as number[] | undefined) ?? [6, 7]).size < 7, {
  message: 'leaves no working weekday',
  path: ['weekend'],
  params: { code: 'invalid_calendar' },
}) as unknown as z.ZodType<WorkingCalendar, unknown>;

const limitsSchema = plainObject({
  maxWeightGrams: positiveInt,
  maxLengthMm: positiveInt,
  maxGirthMm: positiveInt.exactOptional(),
});

/**
 * The schema of a carrier's rate table ({@link CarrierRateTable}), prices as `Money` or money
 * snapshots, with the library's rules: known currency, every price in it, unique zone rules and
 * service ids, weight breaks strictly increasing, a fuel surcharge that is a non-negative exact
 * decimal, a calendar with a working weekday.
 *
 * @example
 * ```ts
 * import { carrierRateTableSchema } from 'ordercore/schemas';
 *
 * const table = {
 *   carrierId: 'acme', currency: 'USD', dimDivisor: 5000, fuelSurcharge: '0.1',
 *   limits: { maxWeightGrams: 30000, maxLengthMm: 1200 },
 *   zones: [{ country: 'US', postalPrefix: '', zone: 'Z' }],
 *   services: [{ id: 'ground', level: 'standard', zones: [{ zone: 'Z', transitDays: 3, breaks: [{ upToGrams: 1000, price: { amount: '5.00', currency: 'USD' } }] }] }],
 * };
 * const r = carrierRateTableSchema.safeParse(table);
 * r.success && r.data.services[0]?.zones[0]?.breaks[0]?.price.amount; //=> 500
 * carrierRateTableSchema.safeParse({ ...table, fuelSurcharge: 'a lot' }).success; //=> false
 * ```
 */
export const carrierRateTableSchema: z.ZodType<CarrierRateTable, unknown> = plainObject({
  carrierId: idSchema,
  currency: z.string().max(10),
  dimDivisor: z.int().min(1).max(1_000_000),
  fuelSurcharge: z.string().max(120),
  limits: limitsSchema,
  zones: z.array(plainObject({ country: countrySchema, postalPrefix: postalSchema, zone: idSchema })).max(100_000),
  restrictions: z
    .array(
      plainObject({
        country: countrySchema,
        postalPrefix: postalSchema.exactOptional(),
        reason: z.string().max(MAX_ID).exactOptional(),
      }),
    )
    .max(100_000)
    .exactOptional(),
  calendar: workingCalendarSchema.exactOptional(),
  services: z
    .array(
      plainObject({
        id: idSchema,
        level: z.enum(SERVICE_LEVELS),
        limits: limitsSchema.exactOptional(),
        zones: z
          .array(
            plainObject({
              zone: idSchema,
              transitDays: z.int().min(0).max(365),
              breaks: z
                .array(plainObject({ upToGrams: positiveInt, price: anyMoneySchema }))
                .min(1)
                .max(10_000),
            }),
          )
          .max(10_000),
      }),
    )
    .min(1)
    .max(1_000),
}).superRefine(
  libraryCheck('table', (value) => {
    const r = checkRateTable(value, 'table');
    return r instanceof ShippingError ? r : undefined;
  }),
  WHEN_CLEAN,
) as unknown as z.ZodType<CarrierRateTable, unknown>;

/**
 * The schema of a rate quote ({@link RateQuote}), e.g. one a host's carrier integration returns.
 *
 * @example
 * ```ts
 * import { rateQuoteSchema } from 'ordercore/schemas';
 *
 * const quote = {
 *   id: 'acme:ground', carrierId: 'acme', serviceId: 'ground', serviceLevel: 'standard',
 *   price: { amount: '9.00', currency: 'USD' }, transitDays: 3, estimatedDelivery: '2026-11-26', billableWeightGrams: 1200,
 * };
 * rateQuoteSchema.safeParse(quote).success; //=> true
 * rateQuoteSchema.safeParse({ ...quote, transitDays: -1 }).success; //=> false
 * ```
 */
export const rateQuoteSchema: z.ZodType<RateQuote, unknown> = plainObject({
  id: idSchema,
  carrierId: idSchema,
  serviceId: idSchema,
  serviceLevel: z.enum(SERVICE_LEVELS),
  price: anyMoneySchema.refine((m) => m.amount >= 0, {
    message: 'must not be negative',
    params: { code: 'too_small' },
  }),
  transitDays: z.int().min(0).max(365),
  estimatedDelivery: calendarDateSchema,
  billableWeightGrams: z.int().min(0),
  zone: idSchema.exactOptional(),
  charges: plainObject({ base: anyMoneySchema, fuelSurcharge: anyMoneySchema }).exactOptional(),
}) as unknown as z.ZodType<RateQuote, unknown>;

/**
 * The schema of a list of quotes: up to 100,000 {@link rateQuoteSchema} quotes with unique ids.
 *
 * @example
 * ```ts
 * import { rateQuotesSchema } from 'ordercore/schemas';
 *
 * const quote = {
 *   id: 'a', carrierId: 'a', serviceId: 's', serviceLevel: 'economy',
 *   price: { amount: 500, currency: 'USD' }, transitDays: 3, estimatedDelivery: '2026-11-26', billableWeightGrams: 1,
 * };
 * rateQuotesSchema.safeParse([quote, quote]).success; //=> false
 * ```
 */
export const rateQuotesSchema: z.ZodType<RateQuote[], unknown> = z
  .array(rateQuoteSchema)
  .max(100_000)
  .superRefine(
    libraryCheck('quotes', (value) => checkQuotes(value)),
    WHEN_CLEAN,
  );

/**
 * The schema of a carrier-selection policy ({@link CarrierPolicy}).
 *
 * @example
 * ```ts
 * import { carrierPolicySchema } from 'ordercore/schemas';
 *
 * carrierPolicySchema.safeParse({ objective: 'fastest', mustArriveBy: '2026-11-27', minServiceLevel: 'standard' }).success; //=> true
 * carrierPolicySchema.safeParse({ objective: 'cheapest', maxPrice: { amount: '10.00', currency: 'USD' }, currency: 'EUR' }).success; //=> false
 * ```
 */
export const carrierPolicySchema: z.ZodType<CarrierPolicy, unknown> = plainObject({
  objective: z.enum(SELECTION_OBJECTIVES).exactOptional(),
  mustArriveBy: calendarDateSchema.exactOptional(),
  minServiceLevel: z.enum(SERVICE_LEVELS).exactOptional(),
  serviceLevels: z
    .array(z.enum(SERVICE_LEVELS))
    .max(SERVICE_LEVELS.length * 4)
    .exactOptional(),
  carriers: z.array(idSchema).max(10_000).exactOptional(),
  excludeCarriers: z.array(idSchema).max(10_000).exactOptional(),
  maxPrice: anyMoneySchema.exactOptional(),
  maxBillableWeightGrams: z.int().min(0).exactOptional(),
  currency: z.string().max(10).exactOptional(),
}).superRefine(
  libraryCheck('policy', (value) => {
    const r = resolvePolicy(value);
    return r instanceof ShippingError ? r : undefined;
  }),
  WHEN_CLEAN,
) as unknown as z.ZodType<CarrierPolicy, unknown>;

/**
 * Validates an untrusted shipment.
 *
 * @param input - Anything (parsed JSON).
 * @returns The {@link Shipment}, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseCarrierShipment } from 'ordercore/schemas';
 *
 * const r = parseCarrierShipment({ id: 's', shipDate: '2026-02-30', destination: { country: 'US', postalCode: '1' }, parcels: [] });
 * !r.ok && r.error.issues.map((i) => i.path.join('.')); //=> ['parcels', 'shipDate']
 * ```
 */
export function parseCarrierShipment(input: unknown): Result<Shipment, ValidationError> {
  return parseInput(carrierShipmentSchema, input);
}

/**
 * Validates an untrusted rate table.
 *
 * @param input - Anything (parsed JSON).
 * @returns The {@link CarrierRateTable}, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseCarrierRateTable } from 'ordercore/schemas';
 *
 * parseCarrierRateTable({ carrierId: 'x' }).ok; //=> false
 * ```
 */
export function parseCarrierRateTable(input: unknown): Result<CarrierRateTable, ValidationError> {
  return parseInput(carrierRateTableSchema, input);
}

/**
 * Validates untrusted quotes (e.g. from a host's carrier integration) before `selectCarrier`.
 *
 * @param input - Anything (parsed JSON).
 * @returns The quotes, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseRateQuotes } from 'ordercore/schemas';
 *
 * parseRateQuotes([]); //=> { ok: true, value: [] }
 * ```
 */
export function parseRateQuotes(input: unknown): Result<RateQuote[], ValidationError> {
  return parseInput(rateQuotesSchema, input);
}

/**
 * Validates an untrusted carrier-selection policy.
 *
 * @param input - Anything (parsed JSON).
 * @returns The {@link CarrierPolicy}, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseCarrierPolicy } from 'ordercore/schemas';
 *
 * const r = parseCarrierPolicy({ objective: 'slowest' });
 * !r.ok && r.error.issues[0]?.path; //=> ['objective']
 * ```
 */
export function parseCarrierPolicy(input: unknown): Result<CarrierPolicy, ValidationError> {
  return parseInput(carrierPolicySchema, input);
}
