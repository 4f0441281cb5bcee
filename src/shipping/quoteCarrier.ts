import { err, ok, type Result } from '../core/result.js';
import { fromMinor } from '../money/fromMinor.js';
import { multiply } from '../money/multiply.js';
import { ShippingError } from './errors.js';
import { checkRateTable, checkShipment } from './internal/check.js';
import { dateOf, dayNumber, deliveryDay, type ResolvedCalendar } from './internal/dates.js';
import { dimensionalGrams } from './internal/weights.js';
import type {
  CarrierRateTable,
  CarrierService,
  Destination,
  RateQuote,
  Shipment,
  UnavailableReason,
  UnavailableService,
} from './types.js';

/**
 * What one carrier's rate table says about one shipment: a quote per service that can carry it and
 * the reason for each that cannot, both sorted by service id.
 *
 * @example
 * ```ts
 * import type { CarrierQuotes } from 'ordercore/shipping';
 *
 * const none: CarrierQuotes = { quotes: [], unavailable: [] };
 * none.quotes.length; //=> 0
 * ```
 */
export interface CarrierQuotes {
  /** One quote per service able to carry the shipment, by service id. */
  readonly quotes: readonly RateQuote[];
  /** The services that cannot, with the first reason found, by service id. */
  readonly unavailable: readonly UnavailableService[];
}

type Unavailable = { readonly reason: UnavailableReason; readonly details: Readonly<Record<string, string | number>> };

/** The zone of a destination: the longest matching prefix among the country's rules. */
function zoneOf(table: CarrierRateTable, to: Destination): string | undefined {
  let best: { prefix: number; zone: string } | undefined;
  for (const rule of table.zones)
    if (rule.country === to.country && to.postalCode.startsWith(rule.postalPrefix))
      if (best === undefined || rule.postalPrefix.length > best.prefix)
        best = { prefix: rule.postalPrefix.length, zone: rule.zone };
  return best?.zone;
}

/** The restriction that excludes a destination, if any (first in table order: the trace names it). */
function restrictionOf(table: CarrierRateTable, to: Destination): Unavailable | undefined {
  for (const r of table.restrictions ?? []) {
    const prefix = r.postalPrefix ?? '';
    if (r.country === to.country && to.postalCode.startsWith(prefix))
      return {
        reason: 'destination_restricted',
        details: { country: r.country, postalPrefix: prefix, ...(r.reason === undefined ? {} : { why: r.reason }) },
      };
  }
  return undefined;
}

/** Quotes one service, or says why it cannot carry the shipment. */
function quoteService(
  shipment: Shipment,
  table: CarrierRateTable,
  service: CarrierService,
  zone: string,
  calendar: ResolvedCalendar,
): RateQuote | Unavailable {
  const offer = service.zones.find((z) => z.zone === zone);
  if (offer === undefined) return { reason: 'zone_not_served', details: { zone } };
  const limits = service.limits ?? table.limits;
  let base = 0n;
  let billable = 0;
  for (const parcel of shipment.parcels) {
    const sides = [parcel.lengthMm, parcel.widthMm, parcel.heightMm].sort((a, b) => b - a);
    const longest = sides[0] ?? 0;
    const girth = longest + 2 * ((sides[1] ?? 0) + (sides[2] ?? 0));
    if (parcel.weightGrams > limits.maxWeightGrams)
      return {
        reason: 'parcel_too_heavy',
        details: { parcelId: parcel.id, weightGrams: parcel.weightGrams, maxWeightGrams: limits.maxWeightGrams },
      };
    if (longest > limits.maxLengthMm)
      return {
        reason: 'parcel_too_long',
        details: { parcelId: parcel.id, lengthMm: longest, maxLengthMm: limits.maxLengthMm },
      };
    if (limits.maxGirthMm !== undefined && girth > limits.maxGirthMm)
      return {
        reason: 'parcel_too_large',
        details: { parcelId: parcel.id, girthMm: girth, maxGirthMm: limits.maxGirthMm },
      };
    const grams = Math.max(parcel.weightGrams, dimensionalGrams(parcel, table.dimDivisor));
    const brk = offer.breaks.find((b) => grams <= b.upToGrams);
    if (brk === undefined)
      return {
        reason: 'no_rate_for_weight',
        details: { parcelId: parcel.id, billableGrams: grams, maxBreakGrams: offer.breaks.at(-1)?.upToGrams ?? 0 },
      };
    base += BigInt(brk.price.amount);
    billable += grams;
  }
  // Both sums are bounded by the checks (≤ 1,000 parcels); a table whose prices overflow is refused by the caller.
  const baseMoney = fromMinor(base, table.currency);
  const fuel = multiply(baseMoney, table.fuelSurcharge, 'half-up');
  const price = fromMinor(BigInt(baseMoney.amount) + BigInt(fuel.amount), table.currency);
  const shipDay = dayNumber(shipment.shipDate) ?? 0;
  return {
    id: `${table.carrierId}:${service.id}`,
    carrierId: table.carrierId,
    serviceId: service.id,
    serviceLevel: service.level,
    price,
    transitDays: offer.transitDays,
    estimatedDelivery: dateOf(deliveryDay(shipDay, offer.transitDays, calendar)),
    billableWeightGrams: billable,
    zone,
    charges: { base: baseMoney, fuelSurcharge: fuel },
  };
}

/** `quoteCarrier` on input already checked (shared with `shopRates`). */
export function quoteCheckedCarrier(
  shipment: Shipment,
  table: CarrierRateTable,
  calendar: ResolvedCalendar,
): Result<CarrierQuotes, ShippingError> {
  const quotes: RateQuote[] = [];
  const unavailable: UnavailableService[] = [];
  const services = [...table.services].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const restricted = restrictionOf(table, shipment.destination);
  const zone = restricted === undefined ? zoneOf(table, shipment.destination) : undefined;
  for (const service of services) {
    let outcome: RateQuote | Unavailable;
    if (restricted !== undefined) outcome = restricted;
    else if (zone === undefined)
      outcome = {
        reason: 'zone_not_served',
        details: { country: shipment.destination.country, postalCode: shipment.destination.postalCode },
      };
    else {
      try {
        outcome = quoteService(shipment, table, service, zone, calendar);
      } catch {
        // Only money out of range can throw here (prices summing past 2⁵³ minor units).
        return err(
          new ShippingError(
            'invalid_rate_table',
            `carrier ${JSON.stringify(table.carrierId)}, service ${JSON.stringify(service.id)}: the price is out of range.`,
            { carrierId: table.carrierId, serviceId: service.id, field: 'services' },
          ),
        );
      }
    }
    if ('reason' in outcome)
      unavailable.push({
        carrierId: table.carrierId,
        serviceId: service.id,
        reason: outcome.reason,
        details: outcome.details,
      });
    else quotes.push(outcome);
  }
  return ok({ quotes, unavailable });
}

/**
 * Quotes a shipment from one carrier's rate table: for each service, the destination must not be
 * restricted and must fall in a zone the service serves, every parcel must be within the limits
 * (actual weight, longest side, girth), and each parcel is priced at the first weight break that
 * covers its billable weight (the larger of actual and dimensional weight). The base is the sum of
 * the parcels' prices; the fuel surcharge is base × rate rounded half-up; the estimated delivery
 * comes from the ship date, the zone's transit days and the carrier's calendar.
 *
 * @param shipment - The shipment.
 * @param table - The carrier's rate table.
 * @returns The quotes and the unavailable services, or a {@link ShippingError}
 *   (`invalid_shipment`, `invalid_rate_table`, `invalid_calendar`) naming the field.
 * @example
 * ```ts
 * import { createExampleCarrier, quoteCarrier } from 'ordercore/shipping';
 *
 * const { rateTable } = createExampleCarrier();
 * const r = quoteCarrier({
 *   id: 'o-1', shipDate: '2026-11-23', destination: { country: 'US', postalCode: '94107' },
 *   parcels: [{ id: 'box-1', weightGrams: 1200, lengthMm: 300, widthMm: 200, heightMm: 150 }],
 * }, rateTable);
 * r.ok && r.value.quotes.map((q) => `${q.id} ${q.price.amount} ${q.estimatedDelivery}`); //=> ['example-parcel:express 1710 2026-11-24', 'example-parcel:ground 855 2026-11-25', 'example-parcel:saver 675 2026-11-27']
 * ```
 */
export function quoteCarrier(shipment: Shipment, table: CarrierRateTable): Result<CarrierQuotes, ShippingError> {
  const bad = checkShipment(shipment);
  if (bad !== undefined) return err(bad);
  const calendar = checkRateTable(table, 'table');
  if (calendar instanceof ShippingError) return err(calendar);
  return quoteCheckedCarrier(shipment, table, calendar);
}
