import { parseInstant } from '../core/instant.js';
import { err, ok, type Result } from '../core/result.js';
import { isRecord, show } from '../core/show.js';
import { ShippingError } from '../shipping/errors.js';
import {
  createExampleCarrier,
  type ExampleCarrier,
  type ShippingLabel,
  type TrackingEvent,
} from '../shipping/exampleCarrier.js';
import { quoteCarrier } from '../shipping/quoteCarrier.js';
import type { RateQuote } from '../shipping/types.js';
import type { CarrierGateway, CreateShipmentRequest } from './carrierGateway.js';
import type { Clock } from './clock.js';
import type { IdGenerator } from './idGenerator.js';

/**
 * Options for {@link createInMemoryCarrierGateway}.
 *
 * @example
 * ```ts
 * import type { InMemoryCarrierGatewayOptions } from 'ordercore/adapters';
 *
 * let n = 0;
 * const options: InMemoryCarrierGatewayOptions = {
 *   clock: { now: () => '2026-11-23T09:00:00Z' },
 *   ids: { next: (prefix = 'L') => `${prefix}${++n}` },
 * };
 * options.ids?.next(); //=> 'L1'
 * ```
 */
export interface InMemoryCarrierGatewayOptions {
  /** The clock: the current ISO 8601 instant (labels' `createdAt`, voids, tracking). */
  readonly clock: Clock;
  /** Label ids, asked for with the prefix `'label'`. Default: `label-1`, `label-2`, … per gateway. */
  readonly ids?: IdGenerator;
  /** The carriers served, unique ids. Default: one `createExampleCarrier()`. */
  readonly carriers?: readonly ExampleCarrier[];
}

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function unknownLabel(labelId: unknown): ShippingError {
  return new ShippingError('unknown_label', `labelId: no label ${show(labelId)}.`, {
    labelId: typeof labelId === 'string' ? labelId : show(labelId),
  });
}

/**
 * Creates the in-memory reference {@link CarrierGateway}, backed by example carriers (not real
 * integrations): quotes come from their rate tables, labels and tracking from their pure functions,
 * and labels are kept in a map. It passes `carrierGatewayConformance`. Every label handed out is a
 * copy, so callers cannot change the gateway's state.
 *
 * @param options - {@link InMemoryCarrierGatewayOptions}: the clock, the ids, the carriers.
 * @returns The gateway.
 * @example
 * ```ts
 * import { createInMemoryCarrierGateway } from 'ordercore/adapters';
 *
 * let now = '2026-11-23T09:00:00Z';
 * const gateway = createInMemoryCarrierGateway({ clock: { now: () => now } });
 * const shipment = {
 *   id: 'o-1', shipDate: '2026-11-23', destination: { country: 'US', postalCode: '10001' },
 *   parcels: [{ id: 'box-1', weightGrams: 800, lengthMm: 250, widthMm: 200, heightMm: 100 }],
 * };
 * const label = await gateway.createShipment({ shipment, carrierId: 'example-parcel', serviceId: 'ground' });
 * label.ok && [label.value.id, label.value.estimatedDelivery]; //=> ['label-1', '2026-12-01']
 * now = '2026-11-24T12:00:00Z';
 * const events = await gateway.fetchTracking('label-1');
 * events.ok && events.value.map((e) => e.status); //=> ['label_created', 'picked_up', 'in_transit']
 * ```
 */
export function createInMemoryCarrierGateway(options: InMemoryCarrierGatewayOptions): CarrierGateway {
  const carriers = options.carriers ?? [createExampleCarrier()];
  let counter = 0;
  const ids = options.ids;
  const newId = ids === undefined ? (): string => `label-${++counter}` : (): string => ids.next('label');
  const labels = new Map<string, ShippingLabel>();
  const keys = new Map<string, { readonly request: string; readonly labelId: string }>();
  const carrierOf = (id: unknown): ExampleCarrier | undefined => carriers.find((c) => c.rateTable.carrierId === id);
  const labelOf = (id: unknown): ShippingLabel | undefined =>
    typeof id === 'string' && labels.has(id) ? labels.get(id) : undefined;

  function now(): Result<string, ShippingError> {
    const value = options.clock.now();
    return parseInstant(value) === undefined
      ? err(
          new ShippingError(
            'invalid_instant',
            `clock.now(): expected an ISO 8601 instant with an offset (got ${show(value)}).`,
          ),
        )
      : ok(value);
  }

  function quoteRates(shipment: unknown): Result<readonly RateQuote[], ShippingError> {
    const quotes: RateQuote[] = [];
    for (const carrier of carriers) {
      const quoted = quoteCarrier(shipment as never, carrier.rateTable);
      if (!quoted.ok) return quoted;
      quotes.push(...quoted.value.quotes);
    }
    return ok(structuredClone(quotes.sort((a, b) => byCode(a.id, b.id))));
  }

  function createShipment(request: unknown): Result<ShippingLabel, ShippingError> {
    if (!isRecord(request))
      return err(
        new ShippingError('invalid_request', `request: expected an object (got ${show(request)}).`, {
          field: 'request',
        }),
      );
    const { shipment, carrierId, serviceId, idempotencyKey } = request as Partial<CreateShipmentRequest>;
    if (idempotencyKey !== undefined && (typeof idempotencyKey !== 'string' || idempotencyKey.length === 0))
      return err(
        new ShippingError(
          'invalid_request',
          `request.idempotencyKey: expected a non-empty string (got ${show(idempotencyKey)}).`,
          {
            field: 'request.idempotencyKey',
          },
        ),
      );
    let fingerprint = '';
    if (idempotencyKey !== undefined) {
      try {
        fingerprint = JSON.stringify([shipment, carrierId, serviceId]);
      } catch {
        fingerprint = '';
      }
      const previous = keys.get(idempotencyKey);
      if (previous !== undefined) {
        if (previous.request !== fingerprint)
          return err(
            new ShippingError(
              'invalid_request',
              `request.idempotencyKey: ${show(idempotencyKey)} was used for another request.`,
              {
                field: 'request.idempotencyKey',
              },
            ),
          );
        const label = labelOf(previous.labelId);
        if (label !== undefined) return ok(structuredClone(label));
      }
    }
    const carrier = carrierOf(carrierId);
    if (carrier === undefined)
      return err(
        new ShippingError('unknown_carrier', `request.carrierId: no carrier ${show(carrierId)}.`, {
          carrierId: typeof carrierId === 'string' ? carrierId : show(carrierId),
        }),
      );
    const time = now();
    if (!time.ok) return time;
    const created = carrier.createLabel(shipment as never, serviceId as never, { now: time.value, newId });
    if (!created.ok) return created;
    if (labels.has(created.value.id))
      return err(
        new ShippingError('invalid_options', `ids.next: returned ${show(created.value.id)} twice.`, { field: 'ids' }),
      );
    labels.set(created.value.id, created.value);
    if (idempotencyKey !== undefined) keys.set(idempotencyKey, { request: fingerprint, labelId: created.value.id });
    return ok(structuredClone(created.value));
  }

  function voidLabel(labelId: unknown): Result<ShippingLabel, ShippingError> {
    const label = labelOf(labelId);
    if (label === undefined) return err(unknownLabel(labelId));
    if (label.voidedAt !== undefined)
      return err(
        new ShippingError('label_already_voided', `labelId: label ${show(label.id)} was voided at ${label.voidedAt}.`, {
          labelId: label.id,
          voidedAt: label.voidedAt,
        }),
      );
    const time = now();
    if (!time.ok) return time;
    const voided: ShippingLabel = { ...label, voidedAt: new Date(parseInstant(time.value) ?? 0).toISOString() };
    labels.set(label.id, voided);
    return ok(structuredClone(voided));
  }

  function fetchTracking(labelId: unknown): Result<readonly TrackingEvent[], ShippingError> {
    const label = labelOf(labelId);
    if (label === undefined) return err(unknownLabel(labelId));
    const carrier = carrierOf(label.carrierId);
    if (carrier === undefined) return err(unknownLabel(labelId));
    const time = now();
    if (!time.ok) return time;
    return carrier.trackingEvents(label, time.value);
  }

  // Each method settles on the next microtask, as a real (asynchronous) gateway would.
  return {
    quoteRates: async (shipment) => quoteRates(shipment),
    createShipment: async (request) => createShipment(request),
    voidLabel: async (labelId) => voidLabel(labelId),
    fetchTracking: async (labelId) => fetchTracking(labelId),
  };
}
