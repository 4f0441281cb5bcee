/**
 * Shipping: carriers as data, rate shopping and carrier selection. Quote a shipment from carriers'
 * rate tables (zones by destination prefix, weight breaks, dimensional weight, fuel surcharge,
 * parcel limits, destination restrictions, working calendars), then choose a quote by cost or
 * delivery date under hard constraints (must arrive by, service level, carriers, price cap), with
 * the reason for the choice and why every other quote lost. Money is exact; results never depend
 * on input order. `createExampleCarrier` is an EXAMPLE carrier for demos and tests, not a real
 * integration; the `CarrierGateway` port lives in `ordercore/adapters`.
 *
 * @example
 * ```ts
 * import { createExampleCarrier, shopRates } from 'ordercore/shipping';
 *
 * const r = shopRates(
 *   {
 *     id: 'o-1', shipDate: '2026-11-23', promisedBy: '2026-11-24',
 *     destination: { country: 'US', postalCode: '94107' },
 *     parcels: [{ id: 'box-1', weightGrams: 1200, lengthMm: 300, widthMm: 200, heightMm: 150 }],
 *   },
 *   [createExampleCarrier().rateTable],
 * );
 * r.ok && [r.value.chosen.serviceId, r.value.chosen.price.amount, r.value.chosen.estimatedDelivery]; //=> ['express', 1710, '2026-11-24']
 * ```
 *
 * @module ordercore/shipping
 */
export type { ShippingErrorCode } from './errors.js';
export { SHIPPING_ERROR_CODES, ShippingError } from './errors.js';
export { estimateDelivery } from './estimateDelivery.js';
export type {
  CreateLabelOptions,
  ExampleCarrier,
  ExampleCarrierOptions,
  ShippingLabel,
  TrackingEvent,
  TrackingStatus,
} from './exampleCarrier.js';
export { createExampleCarrier, TRACKING_STATUSES } from './exampleCarrier.js';
export type { ParcelWeights } from './parcelWeights.js';
export { parcelWeights } from './parcelWeights.js';
export type { CarrierQuotes } from './quoteCarrier.js';
export { quoteCarrier } from './quoteCarrier.js';
export { selectCarrier } from './selectCarrier.js';
export type { RateShopResult, ShopRatesOptions } from './shopRates.js';
export { shopRates } from './shopRates.js';
export type {
  CarrierPolicy,
  CarrierRateTable,
  CarrierSelection,
  CarrierService,
  Destination,
  DestinationRestriction,
  Parcel,
  ParcelLimits,
  QuoteDecision,
  QuoteRejection,
  RankingKey,
  RateQuote,
  SelectionObjective,
  SelectionReason,
  ServiceLevel,
  ServiceZone,
  Shipment,
  UnavailableReason,
  UnavailableService,
  WeightBreak,
  WorkingCalendar,
  ZoneRule,
} from './types.js';
export {
  QUOTE_REJECTIONS,
  RANKING_KEYS,
  SELECTION_OBJECTIVES,
  SERVICE_LEVELS,
  UNAVAILABLE_REASONS,
} from './types.js';
