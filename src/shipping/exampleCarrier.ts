import { parseInstant } from '../core/instant.js';
import { err, ok, type Result } from '../core/result.js';
import { isRecord, show } from '../core/show.js';
import { fromMinor } from '../money/fromMinor.js';
import { toSnapshot } from '../money/snapshot.js';
import type { Money } from '../money/types.js';
import { ShippingError } from './errors.js';
import { checkShipment, isId, resolveCalendar } from './internal/check.js';
import { dayNumber, isWorking, nextWorking, type ResolvedCalendar } from './internal/dates.js';
import { quoteCheckedCarrier } from './quoteCarrier.js';
import type { CarrierRateTable, Destination, ServiceLevel, ServiceZone, Shipment } from './types.js';

/**
 * The statuses of a tracking event, in the order a parcel normally goes through them.
 *
 * @example
 * ```ts
 * import { TRACKING_STATUSES } from 'ordercore/shipping';
 *
 * TRACKING_STATUSES[0]; //=> 'label_created'
 * ```
 */
export const TRACKING_STATUSES = [
  'label_created',
  'picked_up',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'voided',
] as const;

/**
 * One of {@link TRACKING_STATUSES}.
 *
 * @example
 * ```ts
 * import type { TrackingStatus } from 'ordercore/shipping';
 *
 * const s: TrackingStatus = 'delivered';
 * s; //=> 'delivered'
 * ```
 */
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

/**
 * One tracking event: when, what, and a line for people.
 *
 * @example
 * ```ts
 * import type { TrackingEvent } from 'ordercore/shipping';
 *
 * const e: TrackingEvent = { at: '2026-11-23T17:00:00.000Z', status: 'picked_up', description: 'Picked up.' };
 * e.status; //=> 'picked_up'
 * ```
 */
export interface TrackingEvent {
  /** When it happened: an ISO 8601 instant. */
  readonly at: string;
  /** What happened. */
  readonly status: TrackingStatus;
  /** A sentence for people. */
  readonly description: string;
}

/**
 * A shipping label: the shipment, service, price and dates it was bought for, a tracking number,
 * and the printable document, all plain data.
 *
 * @example
 * ```ts
 * import { createExampleCarrier } from 'ordercore/shipping';
 *
 * const carrier = createExampleCarrier();
 * const r = carrier.createLabel({
 *   id: 'o-1', shipDate: '2026-11-23', destination: { country: 'US', postalCode: '94107' },
 *   parcels: [{ id: 'box-1', weightGrams: 1200, lengthMm: 300, widthMm: 200, heightMm: 150 }],
 * }, 'ground', { now: '2026-11-23T09:00:00Z', newId: () => 'lbl-1' });
 * r.ok && [r.value.id, r.value.trackingNumber, r.value.price.amount]; //=> ['lbl-1', 'EX3149295754', 855]
 * ```
 */
export interface ShippingLabel {
  /** The label id (from the injected id generator). */
  readonly id: string;
  /** The tracking number, derived deterministically from the id and the carrier. */
  readonly trackingNumber: string;
  /** The carrier. */
  readonly carrierId: string;
  /** The service bought. */
  readonly serviceId: string;
  /** The service's level. */
  readonly serviceLevel: ServiceLevel;
  /** The shipment it was bought for. */
  readonly shipmentId: string;
  /** Where it goes. */
  readonly destination: Destination;
  /** How many parcels it covers. */
  readonly parcels: number;
  /** The billable weight charged, grams. */
  readonly billableWeightGrams: number;
  /** What it cost. */
  readonly price: Money;
  /** When it was created, an ISO 8601 instant. */
  readonly createdAt: string;
  /** The day the shipment is handed over, `'YYYY-MM-DD'`. */
  readonly shipDate: string;
  /** The day it should arrive, `'YYYY-MM-DD'`. */
  readonly estimatedDelivery: string;
  /** The printable label: a deterministic plain-text document. */
  readonly document: string;
  /** When it was voided, if it was (set by a gateway). */
  readonly voidedAt?: string;
}

/**
 * Options for {@link ExampleCarrier.createLabel}.
 *
 * @example
 * ```ts
 * import type { CreateLabelOptions } from 'ordercore/shipping';
 *
 * let n = 0;
 * const options: CreateLabelOptions = { now: '2026-11-23T09:00:00Z', newId: () => `lbl-${++n}` };
 * options.newId(); //=> 'lbl-1'
 * ```
 */
export interface CreateLabelOptions {
  /** The current instant (ISO 8601 with an offset): the label's `createdAt`. */
  readonly now: string;
  /** Returns a fresh label id (an `IdGenerator`); called once per label. */
  readonly newId: () => string;
}

/**
 * An example carrier: its rate table as data, and labels and tracking as pure functions of data.
 * It is an EXAMPLE for demos and tests, not a real carrier integration.
 *
 * @example
 * ```ts
 * import { createExampleCarrier } from 'ordercore/shipping';
 *
 * createExampleCarrier().rateTable.services.map((s) => s.id); //=> ['saver', 'ground', 'express']
 * ```
 */
export interface ExampleCarrier {
  /** The rate table: zones, services, weight breaks, surcharge, limits, restrictions, calendar. */
  readonly rateTable: CarrierRateTable;
  /**
   * Buys a label for a shipment with one service, priced from the rate table.
   *
   * @param shipment - The shipment.
   * @param serviceId - The service (`'saver'`, `'ground'`, `'express'`).
   * @param options - `now` and the id generator.
   * @returns The label, or a {@link ShippingError}: `unknown_service`, `service_unavailable` (with
   *   `details.reason`), `invalid_shipment`, `invalid_instant`, `invalid_options`.
   */
  createLabel(shipment: Shipment, serviceId: string, options: CreateLabelOptions): Result<ShippingLabel, ShippingError>;
  /**
   * The label's tracking events up to `now`, in time order: a pure function of (label, now).
   *
   * @param label - A label this carrier created (possibly voided).
   * @param now - The current instant.
   * @returns The events at or before `now`, or a {@link ShippingError} (`invalid_request`, `invalid_instant`).
   */
  trackingEvents(label: ShippingLabel, now: string): Result<readonly TrackingEvent[], ShippingError>;
}

/**
 * Options for {@link createExampleCarrier}.
 *
 * @example
 * ```ts
 * import type { ExampleCarrierOptions } from 'ordercore/shipping';
 *
 * const options: ExampleCarrierOptions = { carrierId: 'demo-post', fuelSurcharge: '0.1' };
 * options.carrierId; //=> 'demo-post'
 * ```
 */
export interface ExampleCarrierOptions {
  /** The carrier id. Default `'example-parcel'`. */
  readonly carrierId?: string;
  /** The fuel surcharge rate. Default `'0.125'`. */
  readonly fuelSurcharge?: string;
  /** Holidays. Default `['2026-11-26', '2026-12-25', '2027-01-01']`. */
  readonly holidays?: readonly string[];
}

const BREAKS = [500, 1_000, 2_000, 5_000, 10_000, 20_000, 30_000] as const;

/** Cents per weight break (`BREAKS` order) and transit days, per service and zone. */
const PRICES: Readonly<
  Record<'saver' | 'ground' | 'express', readonly (readonly [string, number, readonly number[]])[]>
> = {
  saver: [
    ['Z1', 3, [400, 480, 600, 800, 1200]],
    ['Z2', 4, [470, 560, 700, 950, 1400]],
    ['Z3', 6, [560, 680, 850, 1150, 1700]],
  ],
  ground: [
    ['Z1', 2, [520, 640, 760, 980, 1450, 2200, 2900]],
    ['Z2', 3, [610, 760, 920, 1200, 1780, 2700, 3550]],
    ['Z3', 5, [720, 900, 1100, 1480, 2150, 3300, 4300]],
    ['Z4', 7, [1450, 1800, 2200, 2900, 4200, 6400, 8500]],
  ],
  express: [
    ['Z1', 1, [1050, 1280, 1520, 1960, 2900, 4400]],
    ['Z2', 1, [1220, 1520, 1840, 2400, 3560, 5400]],
    ['Z3', 2, [1440, 1800, 2200, 2960, 4300, 6600]],
    ['Z4', 3, [2900, 3600, 4400, 5800, 8400, 12800]],
  ],
};

function zonesOf(service: keyof typeof PRICES): ServiceZone[] {
  return PRICES[service].map(([zone, transitDays, cents]) => ({
    zone,
    transitDays,
    breaks: cents.map((amount, i) => ({ upToGrams: BREAKS[i] ?? 0, price: fromMinor(amount, 'USD') })),
  }));
}

/** FNV-1a (32 bits) of a string: a stable, platform-independent digest for tracking numbers. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

const HOUR = 3_600_000;
const DAY = 86_400_000;

function labelProblem(field: string, reason: string, value: unknown): ShippingError {
  return new ShippingError('invalid_request', `${field}: ${reason} (got ${show(value)}).`, { field });
}

function checkLabel(label: unknown): ShippingError | undefined {
  if (!isRecord(label)) return labelProblem('label', 'expected a label object', label);
  if (!isId(label['id'])) return labelProblem('label.id', 'expected a non-empty id', label['id']);
  if (parseInstant(label['createdAt']) === undefined)
    return labelProblem('label.createdAt', 'expected an ISO 8601 instant with an offset', label['createdAt']);
  if (label['voidedAt'] !== undefined && parseInstant(label['voidedAt']) === undefined)
    return labelProblem('label.voidedAt', 'expected an ISO 8601 instant with an offset', label['voidedAt']);
  const ship = dayNumber(label['shipDate']);
  const delivery = dayNumber(label['estimatedDelivery']);
  if (ship === undefined)
    return labelProblem('label.shipDate', "expected a calendar day 'YYYY-MM-DD'", label['shipDate']);
  if (delivery === undefined || delivery < ship || delivery - ship > 3_000)
    return labelProblem(
      'label.estimatedDelivery',
      "expected a calendar day 'YYYY-MM-DD' on or after the ship date",
      label['estimatedDelivery'],
    );
  return undefined;
}

/** The full schedule of a label's events, in time order (each at least a minute after the one before). */
function schedule(label: ShippingLabel, calendar: ResolvedCalendar): TrackingEvent[] {
  const created = parseInstant(label.createdAt) ?? 0;
  const ship = dayNumber(label.shipDate) ?? 0;
  const delivery = dayNumber(label.estimatedDelivery) ?? ship;
  const pickup = Math.min(nextWorking(ship, calendar), delivery);
  const planned: [number, TrackingEvent['status'], string][] = [
    [created, 'label_created', `Label ${label.id} created; awaiting the parcel.`],
    [pickup * DAY + 17 * HOUR, 'picked_up', `Picked up: ${label.parcels} parcel(s).`],
  ];
  for (let d = pickup + 1; d < delivery; d += 1)
    if (isWorking(d, calendar)) planned.push([d * DAY + 6 * HOUR, 'in_transit', 'In transit.']);
  planned.push([delivery * DAY + 8 * HOUR, 'out_for_delivery', 'Out for delivery.']);
  planned.push([delivery * DAY + 15 * HOUR, 'delivered', `Delivered to ${label.destination.postalCode}.`]);
  const events: TrackingEvent[] = [];
  let previous = Number.NEGATIVE_INFINITY;
  const voided = label.voidedAt === undefined ? undefined : (parseInstant(label.voidedAt) ?? 0);
  for (const [planned_at, status, description] of planned) {
    const at = Math.max(planned_at, previous + 60_000);
    if (voided !== undefined && at >= voided && status !== 'label_created') break;
    events.push({ at: new Date(at).toISOString(), status, description });
    previous = at;
  }
  if (voided !== undefined)
    events.push({
      at: new Date(Math.max(voided, previous + 60_000)).toISOString(),
      status: 'voided',
      description: `Label ${label.id} voided.`,
    });
  return events;
}

function documentOf(label: Omit<ShippingLabel, 'document'>): string {
  const price = toSnapshot(label.price);
  return [
    'EXAMPLE CARRIER — NOT A REAL SHIPPING LABEL',
    `CARRIER   ${label.carrierId}`,
    `SERVICE   ${label.serviceId} (${label.serviceLevel})`,
    `LABEL     ${label.id}`,
    `TRACKING  ${label.trackingNumber}`,
    `SHIPMENT  ${label.shipmentId}`,
    `TO        ${label.destination.country} ${label.destination.postalCode}`,
    `PARCELS   ${label.parcels}  BILLABLE ${label.billableWeightGrams} g`,
    `SHIP      ${label.shipDate}  ARRIVES ${label.estimatedDelivery}`,
    `CHARGE    ${price.currency} ${price.amount}`,
    `CREATED   ${label.createdAt}`,
    '',
  ].join('\n');
}

/**
 * Creates the deterministic EXAMPLE carrier used by the demo, the in-memory `CarrierGateway` and
 * the tests. It is clearly not a real integration: its rates, labels and tracking are data.
 *
 * - Zones by destination prefix: US `94…` → Z1, US `9…` and `8…` → Z2, rest of the US → Z3,
 *   Canada → Z4; US `96…` (Hawaii, Pacific, APO/FPO) is not served.
 * - Services: `saver` (economy, up to 10 kg, not to Canada), `ground` (standard, up to 30 kg),
 *   `express` (expedited, parcels up to 20 kg). Weight breaks 0.5, 1, 2, 5, 10, 20, 30 kg.
 * - Dimensional divisor 5000 cm³/kg; fuel surcharge 12.5 % of the base, rounded half-up to the cent.
 * - Limits per parcel: 30 kg, longest side 1.2 m, girth 3 m. Calendar: Monday to Friday, with holidays.
 * - Labels: ids from the injected `newId`, tracking number `EX` + 10 digits derived from the id.
 * - Tracking: label created; picked up at 17:00 UTC on the first working day from the ship date;
 *   in transit at 06:00 on each working day between; out for delivery at 08:00 and delivered at
 *   15:00 on the estimated day; a voided label stops at its void.
 *
 * @param options - {@link ExampleCarrierOptions}: carrier id, fuel surcharge, holidays.
 * @returns The {@link ExampleCarrier}.
 * @example
 * ```ts
 * import { createExampleCarrier } from 'ordercore/shipping';
 *
 * const carrier = createExampleCarrier();
 * const shipment = {
 *   id: 'o-1', shipDate: '2026-11-23', destination: { country: 'US', postalCode: '94107' },
 *   parcels: [{ id: 'box-1', weightGrams: 1200, lengthMm: 300, widthMm: 200, heightMm: 150 }],
 * };
 * const label = carrier.createLabel(shipment, 'express', { now: '2026-11-23T09:00:00Z', newId: () => 'lbl-7' });
 * const events = label.ok ? carrier.trackingEvents(label.value, '2026-11-24T12:00:00Z') : undefined;
 * events?.ok && events.value.map((e) => e.status); //=> ['label_created', 'picked_up', 'out_for_delivery']
 * ```
 */
export function createExampleCarrier(options: ExampleCarrierOptions = {}): ExampleCarrier {
  const rateTable: CarrierRateTable = {
    carrierId: options.carrierId ?? 'example-parcel',
    currency: 'USD',
    dimDivisor: 5000,
    fuelSurcharge: options.fuelSurcharge ?? '0.125',
    limits: { maxWeightGrams: 30_000, maxLengthMm: 1_200, maxGirthMm: 3_000 },
    zones: [
      { country: 'US', postalPrefix: '', zone: 'Z3' },
      { country: 'US', postalPrefix: '8', zone: 'Z2' },
      { country: 'US', postalPrefix: '9', zone: 'Z2' },
      { country: 'US', postalPrefix: '94', zone: 'Z1' },
      { country: 'CA', postalPrefix: '', zone: 'Z4' },
    ],
    restrictions: [{ country: 'US', postalPrefix: '96', reason: 'Hawaii, Pacific islands and APO/FPO are not served' }],
    calendar: { weekend: [6, 7], holidays: options.holidays ?? ['2026-11-26', '2026-12-25', '2027-01-01'] },
    services: [
      { id: 'saver', level: 'economy', zones: zonesOf('saver') },
      { id: 'ground', level: 'standard', zones: zonesOf('ground') },
      {
        id: 'express',
        level: 'expedited',
        zones: zonesOf('express'),
        limits: { maxWeightGrams: 20_000, maxLengthMm: 1_200, maxGirthMm: 3_000 },
      },
    ],
  };
  // Resolved lazily: a bad option surfaces as a typed error from the first call, never at creation.
  const resolved = (): ResolvedCalendar | ShippingError => resolveCalendar(rateTable.calendar, 'calendar');

  return {
    rateTable,
    createLabel(shipment, serviceId, labelOptions) {
      const bad = checkShipment(shipment);
      if (bad !== undefined) return err(bad);
      if (!isRecord(labelOptions) || typeof labelOptions.newId !== 'function')
        return err(labelProblemOptions('options.newId', 'expected a function returning a fresh id', labelOptions));
      const nowMs = parseInstant(labelOptions.now);
      if (nowMs === undefined)
        return err(
          new ShippingError(
            'invalid_instant',
            `options.now: expected an ISO 8601 instant with an offset (got ${show(labelOptions.now)}).`,
            {
              field: 'options.now',
            },
          ),
        );
      const service = rateTable.services.find((s) => s.id === serviceId);
      if (service === undefined)
        return err(
          new ShippingError(
            'unknown_service',
            `serviceId: ${show(serviceId)} is not a service of ${rateTable.carrierId}.`,
            {
              carrierId: rateTable.carrierId,
              serviceId: typeof serviceId === 'string' ? serviceId : show(serviceId),
            },
          ),
        );
      const calendar = resolved();
      if (calendar instanceof ShippingError) return err(calendar);
      const quoted = quoteCheckedCarrier(shipment, { ...rateTable, services: [service] }, calendar);
      if (!quoted.ok) return quoted;
      const quote = quoted.value.quotes[0];
      if (quote === undefined) {
        const why = quoted.value.unavailable[0];
        return err(
          new ShippingError(
            'service_unavailable',
            `${rateTable.carrierId} ${service.id} cannot carry shipment ${show(shipment.id)}: ${why?.reason ?? 'unavailable'}.`,
            {
              carrierId: rateTable.carrierId,
              serviceId: service.id,
              reason: why?.reason ?? 'unavailable',
              ...why?.details,
            },
          ),
        );
      }
      let id: unknown;
      try {
        id = labelOptions.newId();
      } catch {
        id = undefined;
      }
      if (!isId(id)) return err(labelProblemOptions('options.newId', 'must return a non-empty string', id));
      const label: Omit<ShippingLabel, 'document'> = {
        id,
        trackingNumber: `EX${String(fnv1a(`${rateTable.carrierId}/${id}`)).padStart(10, '0')}`,
        carrierId: rateTable.carrierId,
        serviceId: service.id,
        serviceLevel: service.level,
        shipmentId: shipment.id,
        destination: { country: shipment.destination.country, postalCode: shipment.destination.postalCode },
        parcels: shipment.parcels.length,
        billableWeightGrams: quote.billableWeightGrams,
        price: quote.price,
        createdAt: new Date(nowMs).toISOString(),
        shipDate: shipment.shipDate,
        estimatedDelivery: quote.estimatedDelivery,
      };
      return ok({ ...label, document: documentOf(label) });
    },
    trackingEvents(label, now) {
      const bad = checkLabel(label);
      if (bad !== undefined) return err(bad);
      const nowMs = parseInstant(now);
      if (nowMs === undefined)
        return err(
          new ShippingError('invalid_instant', `now: expected an ISO 8601 instant with an offset (got ${show(now)}).`, {
            field: 'now',
          }),
        );
      const calendar = resolved();
      if (calendar instanceof ShippingError) return err(calendar);
      return ok(schedule(label, calendar).filter((e) => Date.parse(e.at) <= nowMs));
    },
  };
}

function labelProblemOptions(field: string, reason: string, value: unknown): ShippingError {
  return new ShippingError('invalid_options', `${field}: ${reason} (got ${show(value)}).`, { field });
}
