import type { Result } from '../core/result.js';
import type { ShippingError } from '../shipping/errors.js';
import type { ShippingLabel, TrackingEvent } from '../shipping/exampleCarrier.js';
import type { RateQuote, Shipment } from '../shipping/types.js';

/**
 * What {@link CarrierGateway.createShipment} is asked for: a shipment, the carrier service chosen
 * (typically from `shopRates` or `selectCarrier`), and an optional idempotency key.
 *
 * @example
 * ```ts
 * import type { CreateShipmentRequest } from 'ordercore/adapters';
 *
 * const request: CreateShipmentRequest = {
 *   carrierId: 'example-parcel', serviceId: 'ground', idempotencyKey: 'ship-o-1',
 *   shipment: {
 *     id: 'o-1', shipDate: '2026-11-23', destination: { country: 'US', postalCode: '94107' },
 *     parcels: [{ id: 'box-1', weightGrams: 1200, lengthMm: 300, widthMm: 200, heightMm: 150 }],
 *   },
 * };
 * request.serviceId; //=> 'ground'
 * ```
 */
export interface CreateShipmentRequest {
  /** The shipment to buy a label for. */
  readonly shipment: Shipment;
  /** The carrier. */
  readonly carrierId: string;
  /** The carrier's service. */
  readonly serviceId: string;
  /**
   * Makes a retried request safe: a second call with the same key and the same request returns the
   * same label instead of buying another; the same key with another request is `invalid_request`.
   */
  readonly idempotencyKey?: string;
}

/**
 * The carrier port: quote rates, buy a label, void it, and fetch its tracking. Hosts implement it
 * over their carriers' APIs; `createInMemoryCarrierGateway` is the reference implementation (on the
 * example carrier), and `carrierGatewayConformance` in `ordercore/testing` checks an implementation.
 *
 * The contract:
 *
 * - **Quotes.** `quoteRates` returns well-formed quotes (unique ids, non-negative money, transit
 *   days, an estimated delivery on or after the ship date), sorted by id, and the same quotes for
 *   the same shipment (no hidden randomness); it never mutates the shipment. An empty list means no
 *   service can carry it.
 * - **Labels.** `createShipment` returns a label for exactly the requested carrier, service and
 *   shipment, priced as the quote for that service; label ids and tracking numbers are unique. With
 *   an idempotency key, a retry returns the same label.
 * - **Voiding.** A label can be voided once: the first `voidLabel` returns the label with
 *   `voidedAt`; a second returns `label_already_voided`; an unknown id returns `unknown_label`.
 * - **Tracking.** `fetchTracking` returns the events up to now in time order (each a valid instant,
 *   none in the future), starting with `label_created`; later calls extend earlier ones. A voided
 *   label's events end with `voided`. An unknown id returns `unknown_label`.
 * - **Errors.** Expected refusals (bad input, unknown ids, unavailable services) are `Result`
 *   values carrying a {@link ShippingError}; the promise rejects only for infrastructure failures.
 *
 * @example
 * ```ts
 * import { createInMemoryCarrierGateway, type CarrierGateway } from 'ordercore/adapters';
 *
 * const gateway: CarrierGateway = createInMemoryCarrierGateway({ clock: { now: () => '2026-11-23T09:00:00Z' } });
 * const shipment = {
 *   id: 'o-1', shipDate: '2026-11-23', destination: { country: 'US', postalCode: '94107' },
 *   parcels: [{ id: 'box-1', weightGrams: 1200, lengthMm: 300, widthMm: 200, heightMm: 150 }],
 * };
 * const quotes = await gateway.quoteRates(shipment);
 * quotes.ok && quotes.value.map((q) => q.id); //=> ['example-parcel:express', 'example-parcel:ground', 'example-parcel:saver']
 * const label = await gateway.createShipment({ shipment, carrierId: 'example-parcel', serviceId: 'ground' });
 * label.ok && label.value.price.amount; //=> 855
 * const id = label.ok ? label.value.id : '';
 * (await gateway.voidLabel(id)).ok; //=> true
 * const again = await gateway.voidLabel(id);
 * !again.ok && again.error.code; //=> 'label_already_voided'
 * ```
 */
export interface CarrierGateway {
  /**
   * Quotes a shipment with every service the gateway offers.
   *
   * @param shipment - The shipment.
   * @returns The quotes sorted by id, or a {@link ShippingError} (`invalid_shipment`, ...).
   */
  quoteRates(shipment: Shipment): Promise<Result<readonly RateQuote[], ShippingError>>;
  /**
   * Buys a label.
   *
   * @param request - The shipment, carrier, service and idempotency key.
   * @returns The label, or a {@link ShippingError} (`unknown_carrier`, `unknown_service`,
   *   `service_unavailable`, `invalid_shipment`, `invalid_request`).
   */
  createShipment(request: CreateShipmentRequest): Promise<Result<ShippingLabel, ShippingError>>;
  /**
   * Voids a label.
   *
   * @param labelId - The label's id.
   * @returns The voided label (with `voidedAt`), or `unknown_label` / `label_already_voided`.
   */
  voidLabel(labelId: string): Promise<Result<ShippingLabel, ShippingError>>;
  /**
   * The label's tracking events up to now.
   *
   * @param labelId - The label's id.
   * @returns The events in time order, or `unknown_label`.
   */
  fetchTracking(labelId: string): Promise<Result<readonly TrackingEvent[], ShippingError>>;
}
