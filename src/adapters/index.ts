/**
 * Adapters: the ports (interfaces) hosts implement for persistence and carriers, with in-memory
 * reference implementations that pass the conformance kits in `ordercore/testing`.
 *
 * @example
 * ```ts
 * import { createInMemoryInventoryStore } from 'ordercore/adapters';
 *
 * typeof createInMemoryInventoryStore; //=> 'function'
 * ```
 *
 * @module ordercore/adapters
 */

// --- inventory store (helper P) ---
export type { InMemoryInventoryStore, InMemoryInventoryStoreOptions } from './inMemoryInventoryStore.js';
export { createInMemoryInventoryStore } from './inMemoryInventoryStore.js';
export type {
  InventoryLedgerPage,
  InventoryStore,
  InventoryStoreApplied,
  InventoryStoreQuery,
} from './inventoryStore.js';

// --- order repository, promotion usage, payment, clock, ids, outbox (helper H8P) ---

export type { Clock } from './clock.js';
export type { CounterIdGeneratorOptions } from './counterIdGenerator.js';
export { createCounterIdGenerator } from './counterIdGenerator.js';
export type { AdapterErrorCode, PaymentDeclineReason } from './errors.js';
export { ADAPTER_ERROR_CODES, AdapterError, PAYMENT_DECLINE_REASONS } from './errors.js';
export type {
  ClaimedMessage,
  EventOutbox,
  OutboxAppended,
  OutboxClaimRequest,
  OutboxDelivered,
  OutboxMessage,
} from './eventOutbox.js';
export type { IdGenerator } from './idGenerator.js';
export type { InMemoryEventOutbox } from './inMemoryEventOutbox.js';
export { createInMemoryEventOutbox } from './inMemoryEventOutbox.js';
export type { InMemoryOrderRepository } from './inMemoryOrderRepository.js';
export { createInMemoryOrderRepository } from './inMemoryOrderRepository.js';
export type { InMemoryPaymentGatewayOptions } from './inMemoryPaymentGateway.js';
export { createInMemoryPaymentGateway } from './inMemoryPaymentGateway.js';
export type { InMemoryPromotionUsageStore } from './inMemoryPromotionUsageStore.js';
export { createInMemoryPromotionUsageStore } from './inMemoryPromotionUsageStore.js';
export type { ManualClock, ManualClockOptions } from './manualClock.js';
export { createManualClock } from './manualClock.js';
export type { HistoryPage, OrderPage, OrderQuery, OrderRepository, OrderSaved } from './orderRepository.js';
export type {
  AuthorizeRequest,
  GatewayPaymentStatus,
  PaymentGateway,
  PaymentOperationRequest,
  PaymentResult,
  PaymentState,
} from './paymentGateway.js';
export { GATEWAY_PAYMENT_STATUSES } from './paymentGateway.js';
export type {
  PromotionLimits,
  PromotionUsage,
  PromotionUsageQuery,
  PromotionUsageStore,
  UsageChanged,
  UsageReservation,
  UsageReservationRequest,
  UsageReservationStatus,
  UsageReserved,
} from './promotionUsageStore.js';
export { USAGE_RESERVATION_STATUSES } from './promotionUsageStore.js';

// --- carrier gateway (helper SH) ---

export type { CarrierGateway, CreateShipmentRequest } from './carrierGateway.js';
export type { InMemoryCarrierGatewayOptions } from './inMemoryCarrierGateway.js';
export { createInMemoryCarrierGateway } from './inMemoryCarrierGateway.js';

// --- SQL adapter (helper H8S) ---

export type { PgPoolClientLike, PgPoolLike, SqlClient, SqlQueryable, SqlQueryResult } from './sql/client.js';
export { fromPgPool } from './sql/client.js';
export type { SqlAdapters } from './sql/createSqlAdapters.js';
export { createSqlAdapters } from './sql/createSqlAdapters.js';
export { createSqlInventoryStore } from './sql/inventoryStore.js';
export type { SqlAdapterOptions, SqlMigration } from './sql/migrations.js';
export { migrate, SQL_MIGRATIONS } from './sql/migrations.js';
