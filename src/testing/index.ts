/**
 * Test kit: fast-check arbitraries for money, catalogs, carts, promotions, tax contexts and whole
 * pricing scenarios, and an invariant checker for priced carts — for your own property-based
 * suites. Requires `fast-check` (a peer dependency, version 4).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { priceCart } from 'ordercore/pricing';
 * import { pricedCartViolations, pricingScenarioArbitrary } from 'ordercore/testing';
 *
 * const run = fc.check(
 *   fc.property(pricingScenarioArbitrary(), ({ cart, catalog, options }) => {
 *     const r = priceCart(cart, catalog, options);
 *     return r.ok && pricedCartViolations(r.value, options.tax?.pricesIncludeTax ?? false).length === 0;
 *   }),
 *   { numRuns: 50, seed: 42 },
 * );
 * run.failed; //=> false
 * ```
 *
 * @module ordercore/testing
 */
// --- adapters: conformance kit types (src/testing/adapterConformance.ts) ---
export type { ConformanceCase, ConformanceOptions } from './adapterConformance.js';
// --- shipping: carrier gateway conformance (src/testing/carrierGateway.ts) ---
export {
  type CarrierGatewayConformanceCase,
  type CarrierGatewayConformanceClock,
  type CarrierGatewayConformanceOptions,
  type CarrierGatewayFactory,
  carrierGatewayConformance,
} from './carrierGateway.js';
// --- adapters: event outbox conformance (src/testing/eventOutbox.ts) ---
export { type EventOutboxFactory, eventOutboxConformance } from './eventOutbox.js';
export { pricedCartViolations } from './invariants.js';
// --- inventory: available to promise (src/testing/inventoryAtp.ts) ---
export {
  channelRulesArbitrary,
  type TimePhasedArbitraryOptions,
  timePhasedInputArbitrary,
} from './inventoryAtp.js';
// --- inventory: ledger (src/testing/inventoryLedger.ts) ---
export {
  type LedgerArbitraryOptions,
  ledgerArbitrary,
  type StockPosition,
  stockPositionArbitrary,
} from './inventoryLedger.js';
// --- inventory: reservations (src/testing/inventoryReservations.ts) ---
export {
  type ReservationWorkload,
  type ReservationWorkloadOptions,
  type ReservationWorkloadStep,
  reservationWorkloadArbitrary,
  runReservationStep,
} from './inventoryReservations.js';
// --- inventory: sourcing (src/testing/inventorySourcing.ts) ---
export {
  type SourcingScenario,
  type SourcingScenarioArbitraryOptions,
  sourcingScenarioArbitrary,
} from './inventorySourcing.js';
// --- inventory: store conformance (src/testing/inventoryStore.ts) ---
export {
  INVENTORY_CONFORMANCE_OPERATIONS,
  type InventoryConformanceOperation,
  type InventoryStoreConformanceCase,
  type InventoryStoreConformanceOptions,
  type InventoryStoreFactory,
  inventoryStoreConformance,
} from './inventoryStore.js';
// --- kpi (src/testing/kpi.ts) ---
export { type KpiRecordArbitraryOptions, kpiOrderRecordArbitrary, kpiRecordArbitrary } from './kpi.js';
export { type MoneyArbitraryOptions, moneyArbitrary } from './money.js';
// --- adapters: order repository conformance (src/testing/orderRepository.ts) ---
export { type OrderRepositoryFactory, orderRepositoryConformance } from './orderRepository.js';
// --- orders (src/testing/orders.ts) ---
export {
  type OrderArbitraryOptions,
  type OrderEventSequence,
  orderArbitrary,
  orderDraftArbitrary,
  orderEventArbitrary,
  orderEventSequenceArbitrary,
  orderLineArbitrary,
} from './orders.js';
// --- picking: layouts and pick lists (src/testing/picking.ts) ---
export {
  type PickListArbitraryOptions,
  pickListArbitrary,
  type WarehouseLayoutArbitraryOptions,
  warehouseLayoutArbitrary,
} from './picking.js';
// --- picking: batching (src/testing/pickingBatching.ts) ---
export {
  type BatchingScenario,
  type BatchingScenarioArbitraryOptions,
  batchingScenarioArbitrary,
  batchPlanViolations,
} from './pickingBatching.js';
// --- picking: benchmark instances (src/testing/pickingInstances.ts) ---
export {
  ABC_STORAGE_CLASSES,
  type PickingInstance,
  type PickingInstanceArbitraryOptions,
  type PickingInstanceOptions,
  type PickingInstanceOrder,
  pickingInstance,
  pickingInstanceArbitrary,
  type StorageClass,
} from './pickingInstances.js';
export {
  cartArbitrary,
  catalogArbitrary,
  PROMOTION_TEST_LANES,
  type PricingArbitraryOptions,
  type PricingScenario,
  pricingScenarioArbitrary,
  promotionsArbitrary,
  taxContextArbitrary,
} from './pricing.js';
// --- adapters: promotion usage conformance (src/testing/promotionUsage.ts) ---
export { type PromotionUsageStoreFactory, promotionUsageConformance } from './promotionUsage.js';
// --- shipping: arbitraries and selection checker (src/testing/shipping.ts) ---
export {
  carrierPolicyArbitrary,
  carrierSelectionViolations,
  type ParcelArbitraryOptions,
  parcelArbitrary,
  type RateQuotesArbitraryOptions,
  type RateShoppingScenario,
  type RateTableArbitraryOptions,
  rateQuotesArbitrary,
  rateShoppingScenarioArbitrary,
  rateTableArbitrary,
  type ShipmentArbitraryOptions,
  shipmentArbitrary,
} from './shipping.js';
