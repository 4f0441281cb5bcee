import type { CarrierGateway } from '../adapters/carrierGateway.js';
import type { Clock } from '../adapters/clock.js';
import { parseInstant } from '../core/instant.js';
import type { Result } from '../core/result.js';
import { isRecord, show } from '../core/show.js';
import { getCurrency } from '../money/currencies.js';
import { SHIPPING_ERROR_CODES, type ShippingErrorCode } from '../shipping/errors.js';
import type { ShippingLabel, TrackingEvent } from '../shipping/exampleCarrier.js';
import { type RateQuote, SERVICE_LEVELS, type Shipment } from '../shipping/types.js';
import type { ConformanceCase } from './adapterConformance.js';

// The conformance kit of the `CarrierGateway` port. Runner-agnostic: each case resolves, or rejects
// with a plain Error saying what broke. The checks follow the port's contract, not the in-memory
// gateway: quotes are judged by their shape and stability, labels by their request, tracking by its
// order and its growth as the kit's clock moves on.

/**
 * The clock the kit hands to the factory: a `Clock` whose time the kit moves forward.
 *
 * @example
 * ```ts
 * import type { CarrierGatewayConformanceClock } from 'ordercore/testing';
 *
 * const clock: CarrierGatewayConformanceClock = { now: () => '2026-11-23T08:00:00.000Z' };
 * clock.now(); //=> '2026-11-23T08:00:00.000Z'
 * ```
 */
export type CarrierGatewayConformanceClock = Clock;

/**
 * Builds a fresh gateway for one case, reading the time from the kit's clock (a gateway on a real
 * carrier's sandbox may ignore it: then only the cases that need time to pass are weaker).
 *
 * @example
 * ```ts
 * import { createInMemoryCarrierGateway } from 'ordercore/adapters';
 * import type { CarrierGatewayFactory } from 'ordercore/testing';
 *
 * const factory: CarrierGatewayFactory = (clock) => createInMemoryCarrierGateway({ clock });
 * typeof factory; //=> 'function'
 * ```
 */
export type CarrierGatewayFactory = (clock: CarrierGatewayConformanceClock) => CarrierGateway | Promise<CarrierGateway>;

/**
 * Options for {@link carrierGatewayConformance}.
 *
 * @example
 * ```ts
 * import type { CarrierGatewayConformanceOptions } from 'ordercore/testing';
 *
 * const options: CarrierGatewayConformanceOptions = { start: '2026-12-01T08:00:00Z' };
 * options.start; //=> '2026-12-01T08:00:00Z'
 * ```
 */
export interface CarrierGatewayConformanceOptions {
  /**
   * Shipments the gateway can carry (at least one quote each); the first is used to buy labels.
   * Default: three shipments to the US the example carrier serves (one, two and three parcels).
   */
  readonly shipments?: readonly Shipment[];
  /** The kit clock's first instant. Default `'2026-11-23T08:00:00.000Z'` (a Monday). */
  readonly start?: string;
  /** Called with each gateway once its case is over. */
  readonly dispose?: (gateway: CarrierGateway) => void | Promise<void>;
}

/**
 * One conformance case (the shared `ConformanceCase` of the kits): a name and a function that
 * resolves when the gateway conforms and rejects with an `Error` saying what went wrong otherwise.
 *
 * @example
 * ```ts
 * import type { CarrierGatewayConformanceCase } from 'ordercore/testing';
 *
 * const c: CarrierGatewayConformanceCase = { name: 'noop', run: async () => {} };
 * c.name; //=> 'noop'
 * ```
 */
export type CarrierGatewayConformanceCase = ConformanceCase;

const DEFAULT_SHIPMENTS: readonly Shipment[] = [
  {
    id: 'conformance-1',
    shipDate: '2026-11-23',
    promisedBy: '2026-11-30',
    destination: { country: 'US', postalCode: '94107' },
    parcels: [{ id: 'p1', weightGrams: 1200, lengthMm: 300, widthMm: 200, heightMm: 150 }],
  },
  {
    id: 'conformance-2',
    shipDate: '2026-11-24',
    destination: { country: 'US', postalCode: '10001' },
    parcels: [
      { id: 'p1', weightGrams: 400, lengthMm: 200, widthMm: 150, heightMm: 50 },
      { id: '__proto__', weightGrams: 4_500, lengthMm: 500, widthMm: 400, heightMm: 300 },
    ],
  },
  {
    id: 'conformance-3',
    shipDate: '2026-11-28',
    destination: { country: 'US', postalCode: '80202' },
    parcels: [
      { id: 'a', weightGrams: 900, lengthMm: 350, widthMm: 250, heightMm: 100 },
      { id: 'b', weightGrams: 900, lengthMm: 350, widthMm: 250, heightMm: 100 },
      { id: 'c', weightGrams: 19_000, lengthMm: 600, widthMm: 400, heightMm: 400 },
    ],
  },
];

const HOUR = 3_600_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function fail(message: string): never {
  throw new Error(`CarrierGateway conformance: ${message}`);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The kit's clock: starts at `start`, moved only by the kit. */
function manualClock(start: string): { clock: Clock; advance: (ms: number) => void; nowMs: () => number } {
  let ms = parseInstant(start) ?? fail(`options.start ${show(start)} is not an ISO 8601 instant with an offset.`);
  return {
    clock: { now: () => new Date(ms).toISOString() },
    advance: (by) => {
      ms += by;
    },
    nowMs: () => ms,
  };
}

function value<T>(result: Result<T, unknown>, what: string): T {
  if (!isRecord(result) || typeof result.ok !== 'boolean')
    fail(`${what} did not resolve to a Result (got ${show(result)}).`);
  if (!result.ok) {
    const e = result.error;
    const code = isRecord(e) ? e['code'] : undefined;
    fail(`${what} failed with ${show(code)}: ${isRecord(e) ? show(e['message']) : show(e)}.`);
  }
  return result.value;
}

/** Asserts a Result is a typed refusal with the expected code (the promise must resolve, not reject). */
async function expectRefusal(
  promise: Promise<Result<unknown, unknown>>,
  codes: readonly ShippingErrorCode[],
  what: string,
): Promise<void> {
  let result: Result<unknown, unknown>;
  try {
    result = await promise;
  } catch (cause) {
    return fail(
      `${what} rejected its promise (${cause instanceof Error ? cause.message : show(cause)}) instead of resolving to a typed error.`,
    );
  }
  if (!isRecord(result) || result.ok !== false) return fail(`${what} succeeded; expected ${codes.join(' or ')}.`);
  const e: unknown = result.error;
  if (!isRecord(e) || typeof e['code'] !== 'string' || typeof e['message'] !== 'string')
    return fail(`${what} failed with ${show(e)}, not a typed error with a code and a message.`);
  if (
    !(SHIPPING_ERROR_CODES as readonly string[]).includes(e['code']) ||
    !codes.includes(e['code'] as ShippingErrorCode)
  )
    fail(`${what} failed with ${show(e['code'])}; expected ${codes.join(' or ')}.`);
}

function dayOf(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function checkQuotes(quotes: readonly RateQuote[], shipment: Shipment): void {
  if (!Array.isArray(quotes)) fail(`quoteRates(${shipment.id}) did not return an array.`);
  if (quotes.length === 0) fail(`quoteRates(${shipment.id}) returned no quote for a shipment it should carry.`);
  const ids = new Set<string>();
  quotes.forEach((q, i) => {
    const at = `quoteRates(${shipment.id})[${i}]`;
    if (typeof q !== 'object' || q === null) fail(`${at} is not an object.`);
    for (const field of ['id', 'carrierId', 'serviceId'] as const)
      if (typeof q[field] !== 'string' || q[field].length === 0) fail(`${at}.${field} is not a non-empty string.`);
    if (ids.has(q.id)) fail(`${at}.id ${show(q.id)} appears twice.`);
    ids.add(q.id);
    if (i > 0 && (quotes[i - 1]?.id ?? '') > q.id) fail(`quoteRates(${shipment.id}) is not sorted by id at ${i}.`);
    if (!(SERVICE_LEVELS as readonly unknown[]).includes(q.serviceLevel))
      fail(`${at}.serviceLevel ${show(q.serviceLevel)} is not a level.`);
    if (
      typeof q.price !== 'object' ||
      q.price === null ||
      !Number.isSafeInteger(q.price.amount) ||
      q.price.amount < 0 ||
      getCurrency(q.price.currency) === undefined
    )
      fail(`${at}.price is not non-negative money in a known currency.`);
    if (!Number.isInteger(q.transitDays) || q.transitDays < 0)
      fail(`${at}.transitDays ${show(q.transitDays)} is not a whole number ≥ 0.`);
    if (
      typeof q.estimatedDelivery !== 'string' ||
      !DATE.test(q.estimatedDelivery) ||
      Number.isNaN(dayOf(q.estimatedDelivery))
    )
      fail(`${at}.estimatedDelivery ${show(q.estimatedDelivery)} is not a calendar day.`);
    if (dayOf(q.estimatedDelivery) < dayOf(shipment.shipDate))
      fail(`${at} arrives on ${q.estimatedDelivery}, before the ship date ${shipment.shipDate}.`);
    if (!Number.isSafeInteger(q.billableWeightGrams) || q.billableWeightGrams < 0)
      fail(`${at}.billableWeightGrams ${show(q.billableWeightGrams)} is not a whole number ≥ 0.`);
  });
}

function checkEvents(events: readonly TrackingEvent[], nowMs: number, what: string): void {
  if (!Array.isArray(events)) fail(`${what} did not return an array.`);
  let previous = Number.NEGATIVE_INFINITY;
  events.forEach((e, i) => {
    const at = typeof e === 'object' && e !== null ? parseInstant(e.at) : undefined;
    if (at === undefined)
      fail(`${what}[${i}].at ${show(typeof e === 'object' && e !== null ? e.at : e)} is not an ISO 8601 instant.`);
    if (at < previous) fail(`${what}: event ${i} (${e.status} at ${e.at}) comes before the event it follows.`);
    if (at > nowMs)
      fail(`${what}: event ${i} (${e.status} at ${e.at}) is in the future (now ${new Date(nowMs).toISOString()}).`);
    previous = at;
  });
}

async function withGateway(
  create: CarrierGatewayFactory,
  options: CarrierGatewayConformanceOptions,
  body: (
    gateway: CarrierGateway,
    time: ReturnType<typeof manualClock>,
    shipments: readonly Shipment[],
  ) => Promise<void>,
): Promise<void> {
  const time = manualClock(options.start ?? '2026-11-23T08:00:00.000Z');
  const shipments = deepFreeze(clone(options.shipments ?? DEFAULT_SHIPMENTS));
  if (shipments.length === 0) fail('options.shipments must hold at least one shipment.');
  const gateway = await create(time.clock);
  try {
    await body(gateway, time, shipments);
  } finally {
    await options.dispose?.(gateway);
  }
}

async function firstLabel(gateway: CarrierGateway, shipment: Shipment, key?: string): Promise<ShippingLabel> {
  const quotes = value(await gateway.quoteRates(shipment), `quoteRates(${shipment.id})`);
  const quote = quotes[0] ?? fail(`quoteRates(${shipment.id}) returned no quote.`);
  return value(
    await gateway.createShipment({
      shipment,
      carrierId: quote.carrierId,
      serviceId: quote.serviceId,
      ...(key === undefined ? {} : { idempotencyKey: key }),
    }),
    `createShipment(${shipment.id}, ${quote.id})`,
  );
}

/**
 * The conformance kit of the `CarrierGateway` port: runner-agnostic cases a host runs against its
 * own gateway. Quotes are well-formed and sorted, deterministic, and leave the (deep-frozen)
 * shipment unchanged; a malformed shipment is a typed error; a label matches its request and its
 * quote, and ids are unique; an idempotent retry returns the same label; unknown carriers, services
 * and labels are typed errors; a label can be voided once and voiding twice is
 * `label_already_voided`; tracking events are in time order, never in the future, and grow as the
 * kit's clock moves on, ending with `voided` after a void.
 *
 * @param createGateway - Builds a fresh gateway reading the time from the given clock; called once per case.
 * @param options - The shipments to use, the clock's start, and `dispose`.
 * @returns The cases: `for (const c of cases) it(c.name, c.run)`.
 * @example
 * ```ts
 * import { createInMemoryCarrierGateway } from 'ordercore/adapters';
 * import { carrierGatewayConformance } from 'ordercore/testing';
 *
 * const cases = carrierGatewayConformance((clock) => createInMemoryCarrierGateway({ clock }));
 * cases.length; //=> 9
 * for (const c of cases) await c.run();
 * cases.map((c) => c.name).includes('a label can be voided once; voiding it again is label_already_voided'); //=> true
 * ```
 */
export function carrierGatewayConformance(
  createGateway: CarrierGatewayFactory,
  options: CarrierGatewayConformanceOptions = {},
): readonly CarrierGatewayConformanceCase[] {
  const kase = (
    name: string,
    body: (
      gateway: CarrierGateway,
      time: ReturnType<typeof manualClock>,
      shipments: readonly Shipment[],
    ) => Promise<void>,
  ): CarrierGatewayConformanceCase => ({ name, run: () => withGateway(createGateway, options, body) });
  const first = (shipments: readonly Shipment[]): Shipment => shipments[0] ?? fail('no shipment.');

  return [
    kase('quotes are well-formed and sorted by id', async (gateway, _time, shipments) => {
      for (const shipment of shipments)
        checkQuotes(value(await gateway.quoteRates(shipment), `quoteRates(${shipment.id})`), shipment);
    }),
    kase('quotes are deterministic and leave the shipment unchanged', async (gateway, time, shipments) => {
      for (const shipment of shipments) {
        const before = JSON.stringify(shipment);
        const a = JSON.stringify(value(await gateway.quoteRates(shipment), `quoteRates(${shipment.id})`));
        time.advance(HOUR);
        const b = JSON.stringify(value(await gateway.quoteRates(clone(shipment)), `quoteRates(${shipment.id}) again`));
        if (a !== b) fail(`quoteRates(${shipment.id}) gave different quotes for the same shipment:\n${a}\n${b}`);
        if (JSON.stringify(shipment) !== before) fail(`quoteRates(${shipment.id}) changed the shipment.`);
      }
    }),
    kase('a malformed shipment is a typed error, not a rejection', async (gateway, _time, shipments) => {
      const shipment = first(shipments);
      await expectRefusal(gateway.quoteRates({} as Shipment), ['invalid_shipment'], 'quoteRates({})');
      await expectRefusal(
        gateway.quoteRates({ ...shipment, parcels: [] }),
        ['invalid_shipment'],
        'quoteRates(a shipment without parcels)',
      );
      const parcel = shipment.parcels[0] ?? fail('the first shipment has no parcel.');
      await expectRefusal(
        gateway.quoteRates({ ...shipment, parcels: [{ ...parcel, weightGrams: Number.NaN }] }),
        ['invalid_shipment'],
        'quoteRates(a parcel weighing NaN)',
      );
    }),
    kase(
      'a label matches its request and its quote; ids and tracking numbers are unique',
      async (gateway, time, shipments) => {
        const seen = new Set<string>();
        const tracking = new Set<string>();
        for (const shipment of shipments) {
          const quotes = value(await gateway.quoteRates(shipment), `quoteRates(${shipment.id})`);
          for (const quote of quotes) {
            const label = value(
              await gateway.createShipment({ shipment, carrierId: quote.carrierId, serviceId: quote.serviceId }),
              `createShipment(${shipment.id}, ${quote.id})`,
            );
            const what = `the label for ${shipment.id} with ${quote.id}`;
            if (
              label.carrierId !== quote.carrierId ||
              label.serviceId !== quote.serviceId ||
              label.shipmentId !== shipment.id
            )
              fail(`${what} is for ${label.carrierId}/${label.serviceId}/${label.shipmentId}.`);
            if (
              typeof label.price !== 'object' ||
              label.price === null ||
              label.price.amount !== quote.price.amount ||
              label.price.currency !== quote.price.currency
            )
              fail(
                `${what} costs ${show(label.price?.amount)} ${show(label.price?.currency)}, the quote ${quote.price.amount} ${quote.price.currency}.`,
              );
            if (typeof label.id !== 'string' || label.id.length === 0) fail(`${what} has no id.`);
            if (typeof label.trackingNumber !== 'string' || label.trackingNumber.length === 0)
              fail(`${what} has no tracking number.`);
            if (seen.has(label.id)) fail(`label id ${show(label.id)} was handed out twice.`);
            if (tracking.has(label.trackingNumber))
              fail(`tracking number ${show(label.trackingNumber)} was handed out twice.`);
            if (label.voidedAt !== undefined) fail(`${what} is born voided.`);
            seen.add(label.id);
            tracking.add(label.trackingNumber);
            time.advance(60_000);
          }
        }
      },
    ),
    kase('an idempotent retry returns the same label', async (gateway, time, shipments) => {
      const shipment = first(shipments);
      const a = await firstLabel(gateway, shipment, 'conformance-key-1');
      time.advance(HOUR);
      const b = await firstLabel(gateway, shipment, 'conformance-key-1');
      if (a.id !== b.id || a.trackingNumber !== b.trackingNumber)
        fail(`a retry with the same idempotency key bought another label (${a.id} then ${b.id}).`);
      const c = await firstLabel(gateway, shipment, 'conformance-key-2');
      if (c.id === a.id) fail(`another idempotency key returned the same label ${a.id}.`);
    }),
    kase('unknown carriers and services are typed errors', async (gateway, _time, shipments) => {
      const shipment = first(shipments);
      const quote = value(await gateway.quoteRates(shipment), `quoteRates(${shipment.id})`)[0] ?? fail('no quote.');
      await expectRefusal(
        gateway.createShipment({ shipment, carrierId: 'conformance-no-such-carrier', serviceId: quote.serviceId }),
        ['unknown_carrier'],
        'createShipment(an unknown carrier)',
      );
      await expectRefusal(
        gateway.createShipment({ shipment, carrierId: quote.carrierId, serviceId: 'conformance-no-such-service' }),
        ['unknown_service'],
        'createShipment(an unknown service)',
      );
    }),
    kase('a label can be voided once; voiding it again is label_already_voided', async (gateway, time, shipments) => {
      const label = await firstLabel(gateway, first(shipments));
      time.advance(HOUR);
      const voided = value(await gateway.voidLabel(label.id), `voidLabel(${label.id})`);
      if (voided.id !== label.id || typeof voided.voidedAt !== 'string' || parseInstant(voided.voidedAt) === undefined)
        fail(`voidLabel(${label.id}) returned a label without a valid voidedAt.`);
      time.advance(HOUR);
      await expectRefusal(
        gateway.voidLabel(label.id),
        ['label_already_voided'],
        `voidLabel(${label.id}) a second time`,
      );
      const events = value(await gateway.fetchTracking(label.id), `fetchTracking(${label.id})`);
      checkEvents(events, time.nowMs(), `fetchTracking(${label.id})`);
      if (events.at(-1)?.status !== 'voided') fail(`the events of voided label ${label.id} do not end with 'voided'.`);
    }),
    kase('voiding or tracking an unknown label is unknown_label', async (gateway) => {
      await expectRefusal(
        gateway.voidLabel('conformance-no-such-label'),
        ['unknown_label'],
        'voidLabel(an unknown label)',
      );
      await expectRefusal(
        gateway.fetchTracking('conformance-no-such-label'),
        ['unknown_label'],
        'fetchTracking(an unknown label)',
      );
      await expectRefusal(gateway.fetchTracking('__proto__'), ['unknown_label'], "fetchTracking('__proto__')");
    }),
    kase(
      'tracking events are in time order, never in the future, and grow as time passes',
      async (gateway, time, shipments) => {
        const label = await firstLabel(gateway, first(shipments));
        let previous: readonly TrackingEvent[] = [];
        for (const step of [0, HOUR, 12 * HOUR, 24 * HOUR, 48 * HOUR, 7 * 24 * HOUR, 30 * 24 * HOUR]) {
          time.advance(step);
          const what = `fetchTracking(${label.id}) at ${new Date(time.nowMs()).toISOString()}`;
          const events = value(await gateway.fetchTracking(label.id), what);
          checkEvents(events, time.nowMs(), what);
          if (events.length === 0 || events[0]?.status !== 'label_created')
            fail(`${what} does not start with 'label_created'.`);
          if (JSON.stringify(events.slice(0, previous.length)) !== JSON.stringify(previous))
            fail(`${what} does not extend the events fetched before.`);
          previous = events;
        }
      },
    ),
  ];
}
