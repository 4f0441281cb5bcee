import fc from 'fast-check';
import { fromMinor } from '../money/fromMinor.js';
import type { Money } from '../money/types.js';
import type { CarrierSelection } from '../shipping/types.js';
import {
  type CarrierPolicy,
  type CarrierRateTable,
  type CarrierService,
  type Destination,
  type Parcel,
  type QuoteRejection,
  type RateQuote,
  SERVICE_LEVELS,
  type ServiceLevel,
  type Shipment,
} from '../shipping/types.js';

// Arbitraries for `ordercore/shipping`, and an independent checker of carrier selections (it
// recomputes the constraints and the ranking from the policy's documented meaning, without the
// library's own code).

const DAY = 86_400_000;
const dateFrom = (base: string, days: number): string =>
  new Date(Date.parse(`${base}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * Options for {@link parcelArbitrary}.
 *
 * @example
 * ```ts
 * import type { ParcelArbitraryOptions } from 'ordercore/testing';
 *
 * const options: ParcelArbitraryOptions = { maxWeightGrams: 5000, maxSideMm: 600 };
 * options.maxSideMm; //=> 600
 * ```
 */
export interface ParcelArbitraryOptions {
  /** The heaviest parcel, grams. Default 40,000 (above the example carrier's 30 kg limit). */
  readonly maxWeightGrams?: number;
  /** The longest side, millimetres. Default 1,500 (above the example carrier's 1.2 m limit). */
  readonly maxSideMm?: number;
}

/**
 * Parcels with positive integer weights and sides, biased to realistic boxes with some over any
 * usual limit.
 *
 * @param options - {@link ParcelArbitraryOptions}.
 * @returns An arbitrary of parcels (ids `'p'`; {@link shipmentArbitrary} renames them).
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { parcelArbitrary } from 'ordercore/testing';
 *
 * fc.sample(parcelArbitrary({ maxWeightGrams: 100 }), { numRuns: 20, seed: 1 }).every((p) => p.weightGrams <= 100); //=> true
 * ```
 */
export function parcelArbitrary(options: ParcelArbitraryOptions = {}): fc.Arbitrary<Parcel> {
  const maxWeight = options.maxWeightGrams ?? 40_000;
  const maxSide = options.maxSideMm ?? 1_500;
  const side = fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 1, max: Math.min(maxSide, 600) }) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: maxSide }) },
  );
  return fc.record({
    id: fc.constant('p'),
    weightGrams: fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 1, max: Math.min(maxWeight, 10_000) }) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: maxWeight }) },
    ),
    lengthMm: side,
    widthMm: side,
    heightMm: side,
  });
}

/**
 * Options for {@link shipmentArbitrary}.
 *
 * @example
 * ```ts
 * import type { ShipmentArbitraryOptions } from 'ordercore/testing';
 *
 * const options: ShipmentArbitraryOptions = { maxParcels: 2 };
 * options.maxParcels; //=> 2
 * ```
 */
export interface ShipmentArbitraryOptions extends ParcelArbitraryOptions {
  /** The most parcels. Default 4. */
  readonly maxParcels?: number;
  /** Destinations to draw from. Default: US and CA postal codes of 1 to 5 characters (digits for the US). */
  readonly destinations?: readonly Destination[];
}

/**
 * Shipments: 1 to `maxParcels` parcels with unique ids (one may be `'__proto__'`), a destination,
 * a ship date in 2026–2027 and sometimes a promised date 0 to 14 days later.
 *
 * @param options - {@link ShipmentArbitraryOptions}.
 * @returns An arbitrary of valid shipments.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { shipmentArbitrary } from 'ordercore/testing';
 *
 * fc.sample(shipmentArbitrary({ maxParcels: 2 }), { numRuns: 20, seed: 1 }).every((s) => s.parcels.length <= 2); //=> true
 * ```
 */
export function shipmentArbitrary(options: ShipmentArbitraryOptions = {}): fc.Arbitrary<Shipment> {
  const destination: fc.Arbitrary<Destination> =
    options.destinations !== undefined && options.destinations.length > 0
      ? fc.constantFrom(...options.destinations)
      : fc.oneof(
          {
            weight: 4,
            arbitrary: fc.stringMatching(/^[0-9]{5}$/).map((postalCode) => ({ country: 'US', postalCode })),
          },
          {
            weight: 1,
            arbitrary: fc
              .stringMatching(/^[A-Z][0-9][A-Z] [0-9][A-Z][0-9]$/)
              .map((postalCode) => ({ country: 'CA', postalCode })),
          },
        );
  return fc
    .record({
      id: fc.constantFrom('s-1', 's-2', '__proto__'),
      destination,
      parcels: fc.array(parcelArbitrary(options), { minLength: 1, maxLength: options.maxParcels ?? 4 }),
      shipOffset: fc.integer({ min: 0, max: 700 }),
      promised: fc.option(fc.integer({ min: 0, max: 14 }), { nil: undefined }),
      protoParcel: fc.boolean(),
    })
    .map(({ id, destination: to, parcels, shipOffset, promised, protoParcel }) => {
      const shipDate = dateFrom('2026-01-01', shipOffset);
      return {
        id,
        destination: to,
        parcels: parcels.map((p, i) => ({ ...p, id: protoParcel && i === 0 ? '__proto__' : `p${i + 1}` })),
        shipDate,
        ...(promised === undefined ? {} : { promisedBy: dateFrom(shipDate, promised) }),
      };
    });
}

/**
 * Options for {@link rateTableArbitrary}.
 *
 * @example
 * ```ts
 * import type { RateTableArbitraryOptions } from 'ordercore/testing';
 *
 * const options: RateTableArbitraryOptions = { carrierId: 'c1', currency: 'EUR' };
 * options.currency; //=> 'EUR'
 * ```
 */
export interface RateTableArbitraryOptions {
  /** The carrier id. Default `'carrier'`. */
  readonly carrierId?: string;
  /** The currency of the prices. Default `'USD'`. */
  readonly currency?: string;
}

/**
 * Carrier rate tables: US zones by the first postal digit (some prefixes restricted, CA sometimes
 * served), 1 to 4 services of random levels with sorted weight breaks, a divisor among the usual
 * ones, a fuel surcharge with up to four decimals, limits, and a calendar with random holidays.
 *
 * @param options - {@link RateTableArbitraryOptions}.
 * @returns An arbitrary of valid rate tables.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { rateTableArbitrary } from 'ordercore/testing';
 *
 * const [table] = fc.sample(rateTableArbitrary({ carrierId: 'c1' }), { numRuns: 1, seed: 3 });
 * table?.carrierId; //=> 'c1'
 * ```
 */
export function rateTableArbitrary(options: RateTableArbitraryOptions = {}): fc.Arbitrary<CarrierRateTable> {
  const currency = options.currency ?? 'USD';
  const zones = ['A', 'B', 'C'] as const;
  // Most zones end with a heavy catch-all break, so bulky parcels are often quotable.
  const breaks = fc
    .tuple(fc.uniqueArray(fc.integer({ min: 100, max: 40_000 }), { minLength: 1, maxLength: 5 }), fc.nat({ max: 3 }))
    .chain(([weights, heavy]) => {
      const all = [...weights].sort((a, b) => a - b);
      if (heavy > 0) all.push(1_000_000);
      return fc
        .array(fc.integer({ min: 0, max: 20_000 }), { minLength: all.length, maxLength: all.length })
        .map((prices) => all.map((upToGrams, i) => ({ upToGrams, price: fromMinor(prices[i] ?? 0, currency) })));
    });
  const service = (id: string): fc.Arbitrary<CarrierService> =>
    fc
      .record({
        level: fc.constantFrom(...SERVICE_LEVELS),
        zones: fc.oneof(fc.constant<string[]>([...zones]), fc.subarray<string>([...zones], { minLength: 1 })),
        transit: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 3, maxLength: 3 }),
        breaks: fc.array(breaks, { minLength: 3, maxLength: 3 }),
        maxWeight: fc.option(fc.integer({ min: 500, max: 40_000 }), { nil: undefined, freq: 3 }),
      })
      .map(({ level, zones: served, transit, breaks: b, maxWeight }) => ({
        id,
        level,
        zones: served.map((zone) => {
          const i = (zones as readonly string[]).indexOf(zone);
          return { zone, transitDays: transit[i] ?? 0, breaks: b[i] ?? [] };
        }),
        ...(maxWeight === undefined ? {} : { limits: { maxWeightGrams: maxWeight, maxLengthMm: 1_500 } }),
      }));
  return fc
    .record({
      services: fc
        .uniqueArray(fc.constantFrom('eco', 'std', 'exp', 'ovn'), { minLength: 1, maxLength: 4 })
        .chain((ids) => fc.tuple(...ids.map(service))),
      dimDivisor: fc.constantFrom(4000, 5000, 6000, 139, 166),
      fuel: fc.integer({ min: 0, max: 3_000 }),
      maxWeightGrams: fc.oneof(fc.constant(40_000), fc.integer({ min: 1_000, max: 40_000 })),
      maxLengthMm: fc.oneof(fc.constant(1_500), fc.integer({ min: 300, max: 1_500 })),
      maxGirthMm: fc.option(fc.integer({ min: 1_000, max: 4_000 }), { nil: undefined }),
      restricted: fc.subarray(['0', '5', '96']),
      canada: fc.boolean(),
      holidays: fc.uniqueArray(fc.integer({ min: 0, max: 730 }), { maxLength: 20 }),
      weekend: fc.constantFrom([6, 7], [7], [], [5, 6, 7]),
    })
    .map((t) => ({
      carrierId: options.carrierId ?? 'carrier',
      currency,
      dimDivisor: t.dimDivisor,
      fuelSurcharge: (t.fuel / 10_000).toString(),
      limits: {
        maxWeightGrams: t.maxWeightGrams,
        maxLengthMm: t.maxLengthMm,
        ...(t.maxGirthMm === undefined ? {} : { maxGirthMm: t.maxGirthMm }),
      },
      zones: [
        { country: 'US', postalPrefix: '', zone: 'C' },
        { country: 'US', postalPrefix: '1', zone: 'A' },
        { country: 'US', postalPrefix: '9', zone: 'B' },
        ...(t.canada ? [{ country: 'CA', postalPrefix: '', zone: 'C' }] : []),
      ],
      restrictions: t.restricted.map((postalPrefix) => ({ country: 'US', postalPrefix })),
      calendar: { weekend: t.weekend, holidays: t.holidays.map((d) => dateFrom('2026-01-01', d)) },
      services: t.services,
    }));
}

/**
 * Options for {@link rateQuotesArbitrary}.
 *
 * @example
 * ```ts
 * import type { RateQuotesArbitraryOptions } from 'ordercore/testing';
 *
 * const options: RateQuotesArbitraryOptions = { maxLength: 5, currencies: ['USD', 'EUR'] };
 * options.maxLength; //=> 5
 * ```
 */
export interface RateQuotesArbitraryOptions {
  /** The most quotes. Default 8. */
  readonly maxLength?: number;
  /** Currencies to draw prices in. Default `['USD']`. */
  readonly currencies?: readonly string[];
}

/**
 * Lists of well-formed quotes with unique ids, drawn from few carriers, prices and dates so that
 * ties on every ranking key happen often.
 *
 * @param options - {@link RateQuotesArbitraryOptions}.
 * @returns An arbitrary of quote lists.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { rateQuotesArbitrary } from 'ordercore/testing';
 *
 * fc.sample(rateQuotesArbitrary(), { numRuns: 20, seed: 1 }).every((qs) => new Set(qs.map((q) => q.id)).size === qs.length); //=> true
 * ```
 */
export function rateQuotesArbitrary(options: RateQuotesArbitraryOptions = {}): fc.Arbitrary<RateQuote[]> {
  const currencies = options.currencies ?? ['USD'];
  const quote = fc.record({
    carrierId: fc.constantFrom('acme', 'bolt', '__proto__'),
    serviceId: fc.constantFrom('std', 'exp'),
    serviceLevel: fc.constantFrom(...SERVICE_LEVELS),
    amount: fc.oneof(fc.constantFrom(500, 750, 1000), fc.integer({ min: 0, max: 5_000 })),
    currency: fc.constantFrom(...currencies),
    transitDays: fc.integer({ min: 0, max: 6 }),
    delivery: fc.integer({ min: 0, max: 8 }),
    billableWeightGrams: fc.constantFrom(500, 1000, 2500),
    suffix: fc.constantFrom('', '#2'),
  });
  return fc
    .uniqueArray(quote, {
      maxLength: options.maxLength ?? 8,
      selector: (q) => `${q.carrierId}:${q.serviceId}${q.suffix}`,
    })
    .map((quotes) =>
      quotes.map((q) => ({
        id: `${q.carrierId}:${q.serviceId}${q.suffix}`,
        carrierId: q.carrierId,
        serviceId: q.serviceId,
        serviceLevel: q.serviceLevel,
        price: fromMinor(q.amount, q.currency),
        transitDays: q.transitDays,
        estimatedDelivery: dateFrom('2026-11-23', q.delivery),
        billableWeightGrams: q.billableWeightGrams,
      })),
    );
}

/**
 * Carrier-selection policies: either objective, sometimes a deadline, levels, carriers, a price cap
 * and a billable-weight cap, in the given currency.
 *
 * @param currency - The currency of `maxPrice` (and `currency`, when set). Default `'USD'`.
 * @returns An arbitrary of valid policies.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { carrierPolicyArbitrary } from 'ordercore/testing';
 *
 * fc.sample(carrierPolicyArbitrary('EUR'), { numRuns: 30, seed: 2 }).every((p) => p.maxPrice === undefined || p.maxPrice.currency === 'EUR'); //=> true
 * ```
 */
export function carrierPolicyArbitrary(currency = 'USD'): fc.Arbitrary<CarrierPolicy> {
  const opt = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq: 2 });
  return fc
    .record({
      objective: opt(fc.constantFrom('cheapest' as const, 'fastest' as const)),
      mustArriveBy: opt(fc.integer({ min: 0, max: 8 }).map((d) => dateFrom('2026-11-23', d))),
      minServiceLevel: opt(fc.constantFrom(...SERVICE_LEVELS)),
      serviceLevels: opt(fc.subarray([...SERVICE_LEVELS], { minLength: 1 })),
      carriers: opt(fc.subarray(['acme', 'bolt', '__proto__', 'carrier'], { minLength: 1 })),
      excludeCarriers: opt(fc.subarray(['acme', 'bolt', '__proto__'])),
      maxPrice: opt(fc.integer({ min: 0, max: 5_000 }).map((a) => fromMinor(a, currency))),
      maxBillableWeightGrams: opt(fc.constantFrom(500, 1000, 2500, 50_000)),
      currency: opt(fc.constant(currency)),
    })
    .map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as CarrierPolicy);
}

const LEVEL = (level: ServiceLevel): number => SERVICE_LEVELS.indexOf(level);

/** The constraints a quote breaks, recomputed from the policy's documented meaning. */
function broken(quote: RateQuote, policy: CarrierPolicy, currency: string): QuoteRejection[] {
  const out: QuoteRejection[] = [];
  if (quote.price.currency !== currency) out.push('currency_mismatch');
  if (policy.carriers !== undefined && !policy.carriers.includes(quote.carrierId)) out.push('carrier_not_allowed');
  if (policy.excludeCarriers?.includes(quote.carrierId)) out.push('carrier_excluded');
  if (policy.serviceLevels !== undefined && !policy.serviceLevels.includes(quote.serviceLevel))
    out.push('service_level_not_allowed');
  if (policy.minServiceLevel !== undefined && LEVEL(quote.serviceLevel) < LEVEL(policy.minServiceLevel))
    out.push('service_level_too_low');
  if (policy.mustArriveBy !== undefined && quote.estimatedDelivery > policy.mustArriveBy) out.push('arrives_too_late');
  const cap: Money | undefined = policy.maxPrice;
  if (cap !== undefined && quote.price.currency === cap.currency && quote.price.amount > cap.amount)
    out.push('over_max_price');
  if (policy.maxBillableWeightGrams !== undefined && quote.billableWeightGrams > policy.maxBillableWeightGrams)
    out.push('over_max_billable_weight');
  return out;
}

/** The ranking tuple of a quote under an objective (smaller is better). */
function rankTuple(q: RateQuote, objective: 'cheapest' | 'fastest'): (number | string)[] {
  const head = objective === 'fastest' ? [q.estimatedDelivery, q.price.amount] : [q.price.amount, q.estimatedDelivery];
  return [...head, q.transitDays, -LEVEL(q.serviceLevel), q.carrierId, q.serviceId, q.id];
}

function lexLess(a: readonly (number | string)[], b: readonly (number | string)[]): boolean {
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] as number | string;
    const y = b[i] as number | string;
    if (x < y) return true;
    if (x > y) return false;
  }
  return false;
}

/**
 * Checks a carrier selection against the quotes and the policy, independently of the library:
 * the chosen quote is one of the quotes and breaks no constraint, no feasible quote ranks strictly
 * better, every quote has exactly one decision, rejected quotes list exactly the constraints they
 * break, and ranks follow the objective's order.
 *
 * @param quotes - The quotes given to `selectCarrier`.
 * @param policy - The policy given to it.
 * @param selection - What it returned.
 * @returns The violations found, as sentences (empty when the selection is right).
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import { selectCarrier } from 'ordercore/shipping';
 * import { carrierSelectionViolations } from 'ordercore/testing';
 *
 * const quotes = [{ id: 'a', carrierId: 'a', serviceId: 's', serviceLevel: 'standard' as const, price: money('5.00', 'USD'), transitDays: 2, estimatedDelivery: '2026-11-25', billableWeightGrams: 1 }];
 * const r = selectCarrier(quotes, {});
 * r.ok && carrierSelectionViolations(quotes, {}, r.value); //=> []
 * ```
 */
export function carrierSelectionViolations(
  quotes: readonly RateQuote[],
  policy: CarrierPolicy,
  selection: CarrierSelection,
): string[] {
  const out: string[] = [];
  const currency = policy.currency ?? policy.maxPrice?.currency ?? selection.chosen.price.currency;
  const objective = policy.objective ?? 'cheapest';
  const chosen = quotes.find((q) => q.id === selection.chosen.id);
  if (chosen === undefined) return [`the chosen quote ${selection.chosen.id} is not one of the quotes`];
  const chosenBroken = broken(chosen, policy, currency);
  if (chosenBroken.length > 0) out.push(`the chosen quote ${chosen.id} breaks ${chosenBroken.join(', ')}`);
  const feasible = quotes.filter((q) => broken(q, policy, currency).length === 0);
  for (const q of feasible)
    if (lexLess(rankTuple(q, objective), rankTuple(chosen, objective)))
      out.push(`feasible quote ${q.id} ranks before the chosen ${chosen.id} under '${objective}'`);
  if (selection.decisions.length !== quotes.length)
    out.push(`${selection.decisions.length} decisions for ${quotes.length} quotes`);
  for (const q of quotes) {
    const d = selection.decisions.filter((x) => x.quoteId === q.id);
    if (d.length !== 1) {
      out.push(`quote ${q.id} has ${d.length} decisions`);
      continue;
    }
    const expected = broken(q, policy, currency);
    const decision = d[0];
    if (decision === undefined) continue;
    if (expected.length > 0 && (decision.outcome !== 'rejected' || decision.rejections.join() !== expected.join()))
      out.push(
        `quote ${q.id} should be rejected for ${expected.join(', ')}, got ${decision.outcome} ${decision.rejections.join(', ')}`,
      );
    if (expected.length === 0 && decision.outcome === 'rejected') out.push(`feasible quote ${q.id} was rejected`);
  }
  const ranked = selection.decisions.filter((d) => d.outcome !== 'rejected');
  ranked.forEach((d, i) => {
    if (d.rank !== i + 1) out.push(`decision ${d.quoteId} has rank ${d.rank}, expected ${i + 1}`);
    const next = ranked[i + 1];
    const a = quotes.find((q) => q.id === d.quoteId);
    const b = next === undefined ? undefined : quotes.find((q) => q.id === next.quoteId);
    if (a !== undefined && b !== undefined && lexLess(rankTuple(b, objective), rankTuple(a, objective)))
      out.push(`${b.id} is ranked after ${a.id} but ranks before it`);
  });
  return out;
}

/**
 * One rate-shopping scenario, as {@link rateShoppingScenarioArbitrary} makes them: the arguments of
 * `shopRates(shipment, carriers, { policy })`.
 *
 * @example
 * ```ts
 * import { createExampleCarrier } from 'ordercore/shipping';
 * import type { RateShoppingScenario } from 'ordercore/testing';
 *
 * const s: RateShoppingScenario = {
 *   shipment: { id: 's', shipDate: '2026-11-23', destination: { country: 'US', postalCode: '10001' }, parcels: [{ id: 'p', weightGrams: 1, lengthMm: 1, widthMm: 1, heightMm: 1 }] },
 *   carriers: [createExampleCarrier().rateTable],
 *   policy: { objective: 'fastest' },
 * };
 * s.carriers.length; //=> 1
 * ```
 */
export interface RateShoppingScenario {
  /** The shipment. */
  readonly shipment: Shipment;
  /** One to three rate tables with distinct carrier ids. */
  readonly carriers: CarrierRateTable[];
  /** The policy (its deadline, if any, drawn relative to the ship date). */
  readonly policy: CarrierPolicy;
}

/**
 * Whole rate-shopping scenarios: a shipment (to US and CA addresses the generated tables zone), one
 * to three rate tables with distinct carrier ids, and a policy.
 *
 * @returns An arbitrary of {@link RateShoppingScenario}s.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { rateShoppingScenarioArbitrary } from 'ordercore/testing';
 *
 * const [s] = fc.sample(rateShoppingScenarioArbitrary(), { numRuns: 1, seed: 5 });
 * s !== undefined && s.carriers.length >= 1; //=> true
 * ```
 */
export function rateShoppingScenarioArbitrary(): fc.Arbitrary<RateShoppingScenario> {
  return fc
    .record({
      shipment: shipmentArbitrary({ maxParcels: 3, maxWeightGrams: 30_000, maxSideMm: 900 }),
      carriers: fc
        .uniqueArray(fc.constantFrom('acme', 'bolt', 'carrier'), { minLength: 1, maxLength: 3 })
        .chain((ids) => fc.tuple(...ids.map((carrierId) => rateTableArbitrary({ carrierId })))),
      // Half the policies only choose an objective, so that many scenarios have several feasible quotes.
      policy: fc.oneof<fc.Arbitrary<CarrierPolicy>[]>(
        fc.record({ objective: fc.constantFrom('cheapest' as const, 'fastest' as const) }),
        carrierPolicyArbitrary('USD'),
      ),
      deadline: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    })
    .map(({ shipment, carriers, policy, deadline }) => {
      // Deadlines are drawn relative to the ship date, so that some quotes meet them and some do not.
      const { mustArriveBy: _absolute, ...rest } = policy;
      return {
        shipment,
        carriers,
        policy: deadline === undefined ? rest : { ...rest, mustArriveBy: dateFrom(shipment.shipDate, deadline) },
      };
    });
}
