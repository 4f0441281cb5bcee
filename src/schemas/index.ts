/**
 * The boundary: zod schemas and `parseX` functions for every public input type. Untrusted input
 * goes through here and comes back as a value or a `ValidationError` naming each bad field; nothing
 * throws, and the caller's state is never touched.
 *
 * @example
 * ```ts
 * import { parseMoneySnapshot } from 'ordercore/schemas';
 *
 * const r = parseMoneySnapshot(JSON.parse('{"amount":"12.30","currency":"USD"}'));
 * r.ok && r.value.amount; //=> 1230
 * ```
 *
 * @module ordercore/schemas
 */
export { calendarDateSchema, instantSchema } from './dates.js';
// --- inventory: available to promise (src/schemas/inventoryAtp.ts) ---
export {
  availabilityOptionsSchema,
  availabilityPolicySchema,
  availabilityQuerySchema,
  channelRulesSchema,
  datedDemandSchema,
  parseAvailabilityOptions,
  parseAvailabilityQuery,
  parseChannelRules,
  parseTimePhasedInput,
  promiseOptionsSchema,
  timePhasedInputSchema,
} from './inventoryAtp.js';
// --- inventory: ledger (src/schemas/inventoryLedger.ts) ---
export {
  adjustStockRequestSchema,
  cycleCountSchema,
  externalBalanceSchema,
  inventoryIntentSchema,
  inventoryPreconditionSchema,
  ledgerEntrySchema,
  ledgerSchema,
  parseInventoryIntent,
  parseLedger,
  parseLedgerEntry,
  receiveStockRequestSchema,
  reconcileOptionsSchema,
  recordReturnRequestSchema,
  scheduleReceiptRequestSchema,
  transferRequestSchema,
} from './inventoryLedger.js';
// --- inventory: reservations (src/schemas/inventoryReservations.ts) ---
export {
  commitReservationRequestSchema,
  expireReservationsRequestSchema,
  extendReservationRequestSchema,
  parseCommitReservationRequest,
  parseExpireReservationsRequest,
  parseExtendReservationRequest,
  parseReleaseAllocationRequest,
  parseReleaseReservationRequest,
  parseReserveBatchRequest,
  parseReserveRequest,
  parseShipAllocationRequest,
  releaseAllocationRequestSchema,
  releaseReservationRequestSchema,
  reserveBatchRequestSchema,
  reserveLineSchema,
  reserveRequestSchema,
  shipAllocationRequestSchema,
} from './inventoryReservations.js';
// --- inventory: sourcing (src/schemas/inventorySourcing.ts) ---
export {
  parseSourcingLocations,
  parseSourcingOrders,
  parseSourcingStrategy,
  sourcingLocationSchema,
  sourcingLocationsSchema,
  sourcingOrderSchema,
  sourcingOrdersSchema,
  sourcingStrategySchema,
} from './inventorySourcing.js';
// --- kpi (src/schemas/kpi.ts) ---
export { kpiRecordSchema, parseKpiRecords } from './kpi.js';
export {
  currencyCodeSchema,
  moneySchema,
  moneySnapshotSchema,
  parseMoney,
  parseMoneySnapshot,
  rateSchema,
  roundingModeSchema,
} from './money.js';
// --- orders (src/schemas/orders.ts) ---
export {
  addressSchema,
  approvalStepSchema,
  orderCustomerSchema,
  orderDraftSchema,
  orderEditSchema,
  orderEventSchema,
  orderLineSchema,
  orderSchema,
  parseOrder,
  parseOrderDraft,
  parseOrderEdit,
  parseOrderEvent,
  paymentSchema,
  returnRequestSchema,
  serviceJobSchema,
  shipmentSchema,
} from './orders.js';
export { parseInput } from './parse.js';
// --- picking: layout and routing (src/schemas/picking.ts) ---
export {
  parsePicks,
  parseWarehouseLayout,
  pickSchema,
  routingPolicySchema,
  storageLocationSchema,
  warehouseLayoutSchema,
} from './picking.js';
// --- picking: batching (src/schemas/pickingBatching.ts) ---
export {
  batchCapacitySchema,
  batchOrderSchema,
  batchOrdersOptionsSchema,
  parseBatchOrders,
  parseBatchOrdersOptions,
} from './pickingBatching.js';
// --- picking: waves and zones (src/schemas/pickingWaves.ts) ---
export {
  parsePickingZones,
  parseWaveOrders,
  parseWavePlanOptions,
  parseZonePickListOptions,
  pickingZoneSchema,
  waveCapacitySchema,
  waveOrderSchema,
  wavePlanOptionsSchema,
  waveSlotSchema,
  zonePickListOptionsSchema,
} from './pickingWaves.js';
export {
  cartSchema,
  catalogSchema,
  parseCart,
  parseCatalog,
  parsePricingOptions,
  parsePromotions,
  pricingOptionsSchema,
  promotionSchema,
} from './pricing.js';
// --- replenishment (src/schemas/replenishment.ts) ---
export {
  inventoryPositionSchema,
  parseInventoryPosition,
  parseReplenishmentPolicy,
  replenishmentPolicySchema,
} from './replenishment.js';
// --- shipping (src/schemas/shipping.ts) ---
export {
  carrierPolicySchema,
  carrierRateTableSchema,
  carrierShipmentSchema,
  parcelSchema,
  parseCarrierPolicy,
  parseCarrierRateTable,
  parseCarrierShipment,
  parseRateQuotes,
  rateQuoteSchema,
  rateQuotesSchema,
  workingCalendarSchema,
} from './shipping.js';
