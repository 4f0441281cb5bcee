import type { Money } from '../money/types.js';

/**
 * The service levels a carrier service can have, slowest and cheapest first: a policy's
 * `minServiceLevel` accepts its own level and every later one.
 *
 * @example
 * ```ts
 * import { SERVICE_LEVELS } from 'ordercore/shipping';
 *
 * SERVICE_LEVELS.indexOf('expedited') > SERVICE_LEVELS.indexOf('standard'); //=> true
 * ```
 */
export const SERVICE_LEVELS = ['economy', 'standard', 'expedited', 'overnight'] as const;

/**
 * One of {@link SERVICE_LEVELS}.
 *
 * @example
 * ```ts
 * import type { ServiceLevel } from 'ordercore/shipping';
 *
 * const level: ServiceLevel = 'expedited';
 * level; //=> 'expedited'
 * ```
 */
export type ServiceLevel = (typeof SERVICE_LEVELS)[number];

/**
 * One package of a shipment: its actual weight in grams and its outer dimensions in millimetres,
 * all positive safe integers (integers keep the dimensional weight exact).
 *
 * @example
 * ```ts
 * import type { Parcel } from 'ordercore/shipping';
 *
 * const box: Parcel = { id: 'box-1', weightGrams: 1200, lengthMm: 300, widthMm: 200, heightMm: 150 };
 * box.weightGrams; //=> 1200
 * ```
 */
export interface Parcel {
  /** The parcel's id, unique within its shipment. */
  readonly id: string;
  /** Actual weight in grams: a positive safe integer. */
  readonly weightGrams: number;
  /** Longest side in millimetres: a positive integer (at most 100,000). */
  readonly lengthMm: number;
  /** Second side in millimetres: a positive integer (at most 100,000). */
  readonly widthMm: number;
  /** Third side in millimetres: a positive integer (at most 100,000). */
  readonly heightMm: number;
}

/**
 * Where a shipment goes: enough to find the carrier's zone and restrictions.
 *
 * @example
 * ```ts
 * import type { Destination } from 'ordercore/shipping';
 *
 * const to: Destination = { country: 'US', postalCode: '94107' };
 * to.country; //=> 'US'
 * ```
 */
export interface Destination {
  /** ISO 3166-1 alpha-2 country code, upper case (`'US'`). */
  readonly country: string;
  /** The postal code as written (zones and restrictions match it by prefix). */
  readonly postalCode: string;
}

/**
 * What is to be shipped: parcels, a destination, the day it leaves, and optionally the date the
 * customer was promised.
 *
 * @example
 * ```ts
 * import type { Shipment } from 'ordercore/shipping';
 *
 * const shipment: Shipment = {
 *   id: 'o-1', shipDate: '2026-11-23', promisedBy: '2026-11-27',
 *   destination: { country: 'US', postalCode: '94107' },
 *   parcels: [{ id: 'box-1', weightGrams: 1200, lengthMm: 300, widthMm: 200, heightMm: 150 }],
 * };
 * shipment.parcels.length; //=> 1
 * ```
 */
export interface Shipment {
  /** The shipment's id (an order or fulfillment id). */
  readonly id: string;
  /** Where it goes. */
  readonly destination: Destination;
  /** The parcels: at least one, unique ids. */
  readonly parcels: readonly Parcel[];
  /** The calendar day it is handed to the carrier, `'YYYY-MM-DD'`. */
  readonly shipDate: string;
  /** The day the customer was promised (`'YYYY-MM-DD'`): rate shopping's default `mustArriveBy`. */
  readonly promisedBy?: string;
}

/**
 * The days a carrier works: weekdays off (ISO numbering, 1 = Monday … 7 = Sunday) and holidays.
 *
 * @example
 * ```ts
 * import type { WorkingCalendar } from 'ordercore/shipping';
 *
 * const calendar: WorkingCalendar = { weekend: [6, 7], holidays: ['2026-11-26'] };
 * calendar.holidays?.length; //=> 1
 * ```
 */
export interface WorkingCalendar {
  /** ISO weekdays that are not worked (1 = Monday … 7 = Sunday). Default `[6, 7]`. Must leave a working day. */
  readonly weekend?: readonly number[];
  /** Dates `'YYYY-MM-DD'` that are not worked. Default none. */
  readonly holidays?: readonly string[];
}

/**
 * Size and weight limits per parcel. Girth is measured the carriers' way: length + 2 × (width + height).
 *
 * @example
 * ```ts
 * import type { ParcelLimits } from 'ordercore/shipping';
 *
 * const limits: ParcelLimits = { maxWeightGrams: 30_000, maxLengthMm: 1_200, maxGirthMm: 3_000 };
 * limits.maxLengthMm; //=> 1200
 * ```
 */
export interface ParcelLimits {
  /** Heaviest actual weight accepted, in grams. */
  readonly maxWeightGrams: number;
  /** Longest side accepted, in millimetres. */
  readonly maxLengthMm: number;
  /** Largest length + 2 × (width + height) accepted, in millimetres. Default: no girth limit. */
  readonly maxGirthMm?: number;
}

/**
 * Maps destinations to a carrier's zone: the rule with the longest `postalPrefix` matching the
 * destination's country and postal code wins (`''` matches every code of the country).
 *
 * @example
 * ```ts
 * import type { ZoneRule } from 'ordercore/shipping';
 *
 * const local: ZoneRule = { country: 'US', postalPrefix: '94', zone: 'Z1' };
 * local.zone; //=> 'Z1'
 * ```
 */
export interface ZoneRule {
  /** Country code the rule applies to. */
  readonly country: string;
  /** Postal-code prefix; `''` matches the whole country. */
  readonly postalPrefix: string;
  /** The zone the destination falls in. */
  readonly zone: string;
}

/**
 * A destination a carrier does not serve (embargo, remote islands, PO boxes ...): every postal code
 * of `country` starting with `postalPrefix` (default `''`: the whole country).
 *
 * @example
 * ```ts
 * import type { DestinationRestriction } from 'ordercore/shipping';
 *
 * const noAlaska: DestinationRestriction = { country: 'US', postalPrefix: '995', reason: 'not served' };
 * noAlaska.postalPrefix; //=> '995'
 * ```
 */
export interface DestinationRestriction {
  /** Country code. */
  readonly country: string;
  /** Postal-code prefix; default `''` (the whole country). */
  readonly postalPrefix?: string;
  /** Why, for the trace. */
  readonly reason?: string;
}

/**
 * One weight break of a service in one zone: parcels whose billable weight is at most `upToGrams`
 * (and above the previous break) cost `price`.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { WeightBreak } from 'ordercore/shipping';
 *
 * const upTo1kg: WeightBreak = { upToGrams: 1000, price: money('7.40', 'USD') };
 * upTo1kg.price.amount; //=> 740
 * ```
 */
export interface WeightBreak {
  /** The heaviest billable weight (grams) this price covers. */
  readonly upToGrams: number;
  /** The price of one parcel, in the table's currency. */
  readonly price: Money;
}

/**
 * A service's offer in one zone: its transit time in working days and its weight breaks (strictly
 * increasing `upToGrams`).
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { ServiceZone } from 'ordercore/shipping';
 *
 * const z1: ServiceZone = { zone: 'Z1', transitDays: 2, breaks: [{ upToGrams: 1000, price: money('7.40', 'USD') }] };
 * z1.transitDays; //=> 2
 * ```
 */
export interface ServiceZone {
  /** The zone (see {@link ZoneRule}). */
  readonly zone: string;
  /** Working days from pickup to delivery (0: delivered the day it is picked up). */
  readonly transitDays: number;
  /** Weight breaks, `upToGrams` strictly increasing. */
  readonly breaks: readonly WeightBreak[];
}

/**
 * One service of a carrier (ground, express ...): its level, the zones it serves, and optional
 * limits stricter than the carrier's.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { CarrierService } from 'ordercore/shipping';
 *
 * const ground: CarrierService = {
 *   id: 'ground', level: 'standard',
 *   zones: [{ zone: 'Z1', transitDays: 2, breaks: [{ upToGrams: 1000, price: money('7.40', 'USD') }] }],
 * };
 * ground.level; //=> 'standard'
 * ```
 */
export interface CarrierService {
  /** The service id, unique within its carrier. */
  readonly id: string;
  /** Its service level. */
  readonly level: ServiceLevel;
  /** The zones it serves (each zone at most once). */
  readonly zones: readonly ServiceZone[];
  /** Per-parcel limits for this service; default: the carrier's. */
  readonly limits?: ParcelLimits;
}

/**
 * A carrier's rates as data: zones by destination prefix, services with weight breaks per zone,
 * a fuel surcharge as an exact rate, a dimensional-weight divisor, parcel limits, destination
 * restrictions and a working calendar. `shopRates` quotes shipments from these.
 *
 * @example
 * ```ts
 * import { createExampleCarrier } from 'ordercore/shipping';
 *
 * const table = createExampleCarrier().rateTable;
 * table.dimDivisor; //=> 5000
 * table.fuelSurcharge; //=> '0.125'
 * ```
 */
export interface CarrierRateTable {
  /** The carrier's id, unique among the carriers shopped. */
  readonly carrierId: string;
  /** Currency of every price in the table. */
  readonly currency: string;
  /**
   * Dimensional-weight divisor in cm³ per kg (5000 is common): a parcel's dimensional weight is
   * length × width × height / divisor, rounded up to the gram.
   */
  readonly dimDivisor: number;
  /** Fuel surcharge on the base price as an exact decimal rate (`'0.125'` = 12.5 %), rounded half-up. */
  readonly fuelSurcharge: string;
  /** Per-parcel limits of every service (a service may be stricter). */
  readonly limits: ParcelLimits;
  /** How destinations map to zones. */
  readonly zones: readonly ZoneRule[];
  /** Destinations not served. Default none. */
  readonly restrictions?: readonly DestinationRestriction[];
  /** The carrier's working days (pickups and deliveries). Default: Monday to Friday, no holidays. */
  readonly calendar?: WorkingCalendar;
  /** The services, unique ids. */
  readonly services: readonly CarrierService[];
}

/**
 * A price offer for one shipment by one carrier service: the total, how it is made up, the transit
 * time and the estimated delivery day.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { RateQuote } from 'ordercore/shipping';
 *
 * const quote: RateQuote = {
 *   id: 'acme:ground', carrierId: 'acme', serviceId: 'ground', serviceLevel: 'standard',
 *   price: money('9.00', 'USD'), transitDays: 3, estimatedDelivery: '2026-11-26', billableWeightGrams: 1200,
 * };
 * quote.price.amount; //=> 900
 * ```
 */
export interface RateQuote {
  /** Unique id; quotes made by `shopRates` use `${carrierId}:${serviceId}`. */
  readonly id: string;
  /** The carrier. */
  readonly carrierId: string;
  /** The carrier's service. */
  readonly serviceId: string;
  /** The service's level. */
  readonly serviceLevel: ServiceLevel;
  /** What the shipment costs, surcharges included. */
  readonly price: Money;
  /** Working days from pickup to delivery. */
  readonly transitDays: number;
  /** The day it is expected to arrive, `'YYYY-MM-DD'`. */
  readonly estimatedDelivery: string;
  /** The sum of the parcels' billable weights (max of actual and dimensional), grams. */
  readonly billableWeightGrams: number;
  /** The zone the destination fell in, when the quote comes from a rate table. */
  readonly zone?: string;
  /** How the price is made up, when known: base (sum of the parcels' break prices) plus fuel surcharge. */
  readonly charges?: {
    /** Sum of the parcels' weight-break prices. */
    readonly base: Money;
    /** Fuel surcharge: base × rate, rounded half-up to the minor unit. */
    readonly fuelSurcharge: Money;
  };
}

/**
 * Why a carrier service could not quote a shipment at all.
 *
 * @example
 * ```ts
 * import { UNAVAILABLE_REASONS } from 'ordercore/shipping';
 *
 * UNAVAILABLE_REASONS.includes('parcel_too_heavy'); //=> true
 * ```
 */
export const UNAVAILABLE_REASONS = [
  'destination_restricted',
  'zone_not_served',
  'parcel_too_heavy',
  'parcel_too_long',
  'parcel_too_large',
  'no_rate_for_weight',
] as const;

/**
 * One of {@link UNAVAILABLE_REASONS}.
 *
 * @example
 * ```ts
 * import type { UnavailableReason } from 'ordercore/shipping';
 *
 * const reason: UnavailableReason = 'zone_not_served';
 * reason; //=> 'zone_not_served'
 * ```
 */
export type UnavailableReason = (typeof UNAVAILABLE_REASONS)[number];

/**
 * A carrier service that gave no quote, with the first reason found (destination, then each parcel
 * in order) and its facts.
 *
 * @example
 * ```ts
 * import type { UnavailableService } from 'ordercore/shipping';
 *
 * const u: UnavailableService = {
 *   carrierId: 'acme', serviceId: 'overnight', reason: 'parcel_too_heavy',
 *   details: { parcelId: 'box-2', weightGrams: 12000, maxWeightGrams: 10000 },
 * };
 * u.reason; //=> 'parcel_too_heavy'
 * ```
 */
export interface UnavailableService {
  /** The carrier. */
  readonly carrierId: string;
  /** The service. */
  readonly serviceId: string;
  /** Why it cannot quote. */
  readonly reason: UnavailableReason;
  /** The facts: the parcel, its measure and the limit; or the restriction or zone. */
  readonly details: Readonly<Record<string, string | number>>;
}

/**
 * What `selectCarrier` optimises: the lowest price (`'cheapest'`) or the earliest delivery
 * (`'fastest'`). Both break ties by the other, then by transit days, higher service level,
 * carrier id and service id, so the choice never depends on input order.
 *
 * @example
 * ```ts
 * import { SELECTION_OBJECTIVES } from 'ordercore/shipping';
 *
 * SELECTION_OBJECTIVES; //=> ['cheapest', 'fastest']
 * ```
 */
export const SELECTION_OBJECTIVES = ['cheapest', 'fastest'] as const;

/**
 * One of {@link SELECTION_OBJECTIVES}.
 *
 * @example
 * ```ts
 * import type { SelectionObjective } from 'ordercore/shipping';
 *
 * const objective: SelectionObjective = 'fastest';
 * objective; //=> 'fastest'
 * ```
 */
export type SelectionObjective = (typeof SELECTION_OBJECTIVES)[number];

/**
 * How to choose among quotes: an objective and hard constraints. A quote that breaks any
 * constraint is rejected; among the rest the objective's order decides.
 *
 * @example
 * ```ts
 * import type { CarrierPolicy } from 'ordercore/shipping';
 *
 * const policy: CarrierPolicy = { objective: 'cheapest', mustArriveBy: '2026-11-27', minServiceLevel: 'standard' };
 * policy.mustArriveBy; //=> '2026-11-27'
 * ```
 */
export interface CarrierPolicy {
  /** What to optimise. Default `'cheapest'`. */
  readonly objective?: SelectionObjective;
  /** The quote must arrive on or before this day, `'YYYY-MM-DD'`. Default: no deadline. */
  readonly mustArriveBy?: string;
  /** The lowest acceptable service level. Default: any. */
  readonly minServiceLevel?: ServiceLevel;
  /** The only service levels accepted. Default: all. */
  readonly serviceLevels?: readonly ServiceLevel[];
  /** The only carriers accepted. Default: all. */
  readonly carriers?: readonly string[];
  /** Carriers never used. Default none. */
  readonly excludeCarriers?: readonly string[];
  /** The highest acceptable price (its currency is the comparison currency). Default: no cap. */
  readonly maxPrice?: Money;
  /** The heaviest acceptable billable weight of the whole shipment, grams. Default: no cap. */
  readonly maxBillableWeightGrams?: number;
  /**
   * The currency quotes are compared in; quotes in another currency are rejected. Default: the
   * currency of `maxPrice`, else the quotes' common currency (mixed currencies are an error).
   */
  readonly currency?: string;
}

/**
 * Why `selectCarrier` rejected a quote (a quote lists every constraint it breaks, in this order).
 *
 * @example
 * ```ts
 * import { QUOTE_REJECTIONS } from 'ordercore/shipping';
 *
 * QUOTE_REJECTIONS.includes('arrives_too_late'); //=> true
 * ```
 */
export const QUOTE_REJECTIONS = [
  'currency_mismatch',
  'carrier_not_allowed',
  'carrier_excluded',
  'service_level_not_allowed',
  'service_level_too_low',
  'arrives_too_late',
  'over_max_price',
  'over_max_billable_weight',
] as const;

/**
 * One of {@link QUOTE_REJECTIONS}.
 *
 * @example
 * ```ts
 * import type { QuoteRejection } from 'ordercore/shipping';
 *
 * const r: QuoteRejection = 'over_max_price';
 * r; //=> 'over_max_price'
 * ```
 */
export type QuoteRejection = (typeof QUOTE_REJECTIONS)[number];

/**
 * The ranking keys, in the order the `'cheapest'` objective applies them (`'fastest'` swaps the
 * first two): lower price, earlier delivery, fewer transit days, higher service level, then carrier,
 * service and quote id in code-unit order. The key that separated two quotes is the trace's `decidedBy`.
 *
 * @example
 * ```ts
 * import { RANKING_KEYS } from 'ordercore/shipping';
 *
 * RANKING_KEYS[0]; //=> 'price'
 * ```
 */
export const RANKING_KEYS = [
  'price',
  'estimated_delivery',
  'transit_days',
  'service_level',
  'carrier_id',
  'service_id',
  'quote_id',
] as const;

/**
 * One of {@link RANKING_KEYS}.
 *
 * @example
 * ```ts
 * import type { RankingKey } from 'ordercore/shipping';
 *
 * const key: RankingKey = 'estimated_delivery';
 * key; //=> 'estimated_delivery'
 * ```
 */
export type RankingKey = (typeof RANKING_KEYS)[number];

/**
 * What became of one quote: chosen, outranked by the chosen one (and on which key), or rejected
 * (and for which constraints).
 *
 * @example
 * ```ts
 * import type { QuoteDecision } from 'ordercore/shipping';
 *
 * const d: QuoteDecision = { quoteId: 'acme:express', outcome: 'outranked', rank: 2, decidedBy: 'price', rejections: [] };
 * d.decidedBy; //=> 'price'
 * ```
 */
export interface QuoteDecision {
  /** The quote. */
  readonly quoteId: string;
  /** `'chosen'`, `'outranked'` (feasible, but the chosen quote comes first) or `'rejected'`. */
  readonly outcome: 'chosen' | 'outranked' | 'rejected';
  /** Position among the feasible quotes (1 = chosen); absent for rejected quotes. */
  readonly rank?: number;
  /** For an outranked quote: the first ranking key on which the chosen quote beats it. */
  readonly decidedBy?: RankingKey;
  /** Every constraint a rejected quote breaks (empty otherwise). */
  readonly rejections: readonly QuoteRejection[];
}

/**
 * The choice and its explanation: the quote, the objective, the key that beat the runner-up, and a
 * decision for every quote (feasible ones by rank, then rejected ones by id).
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import { selectCarrier } from 'ordercore/shipping';
 *
 * const base = { serviceLevel: 'standard', transitDays: 2, estimatedDelivery: '2026-11-25', billableWeightGrams: 500 } as const;
 * const r = selectCarrier([
 *   { ...base, id: 'a:g', carrierId: 'a', serviceId: 'g', price: money('8.00', 'USD') },
 *   { ...base, id: 'b:g', carrierId: 'b', serviceId: 'g', price: money('7.50', 'USD') },
 * ], {});
 * r.ok && r.value.chosen.id; //=> 'b:g'
 * r.ok && r.value.reason; //=> { objective: 'cheapest', decidedBy: 'price', runnerUp: 'a:g', feasible: 2, rejected: 0 }
 * ```
 */
export interface CarrierSelection {
  /** The chosen quote. */
  readonly chosen: RateQuote;
  /** Why it was chosen. */
  readonly reason: SelectionReason;
  /** One decision per quote: feasible quotes by rank, then rejected quotes by id. */
  readonly decisions: readonly QuoteDecision[];
}

/**
 * Why the chosen quote won: the objective, the key on which it beat the runner-up (`'only_feasible'`
 * when it was the only feasible quote), and the counts.
 *
 * @example
 * ```ts
 * import type { SelectionReason } from 'ordercore/shipping';
 *
 * const reason: SelectionReason = { objective: 'cheapest', decidedBy: 'only_feasible', feasible: 1, rejected: 3 };
 * reason.rejected; //=> 3
 * ```
 */
export interface SelectionReason {
  /** The objective applied. */
  readonly objective: SelectionObjective;
  /** The key that separated the chosen quote from the runner-up, or `'only_feasible'`. */
  readonly decidedBy: RankingKey | 'only_feasible';
  /** The runner-up's id, when there was one. */
  readonly runnerUp?: string;
  /** How many quotes satisfied every constraint. */
  readonly feasible: number;
  /** How many were rejected. */
  readonly rejected: number;
}
