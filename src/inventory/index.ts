/**
 * Inventory: an append-only stock ledger and its pure fold (balances, reservation holds,
 * idempotency), available-to-promise (per location, across a stock, per channel, time-phased),
 * reservations computed as intents with preconditions that adapters apply atomically, sourcing
 * orders to locations, and reconciliation.
 *
 * @example
 * ```ts
 * import { LEDGER_ENTRY_KINDS } from 'ordercore/inventory';
 *
 * LEDGER_ENTRY_KINDS.includes('reservation'); //=> true
 * ```
 *
 * @module ordercore/inventory
 */
export type { AppliedIntent } from './applyIntent.js';
export { applyIntent } from './applyIntent.js';
export { applyLedgerEntries } from './applyLedgerEntries.js';
export { atpPeriods } from './atp/atpPeriods.js';
export { availableToPromise } from './atp/availableToPromise.js';
export { channelAvailability } from './atp/channelAvailability.js';
export { cumulativeAtp } from './atp/cumulativeAtp.js';
export { discreteAtp } from './atp/discreteAtp.js';
export { lookAheadAtp } from './atp/lookAheadAtp.js';
export { promiseDate } from './atp/promiseDate.js';
export type {
  AtpPeriod,
  AtpPeriodsOptions,
  AtpPromise,
  AvailabilityOptions,
  AvailabilityQuery,
  ChannelAllocation,
  ChannelAvailability,
  ChannelBuffer,
  ChannelFigure,
  ChannelRule,
  CumulativeAtp,
  DatedDemand,
  DiscreteAtp,
  LocationAvailability,
  LookAheadAtp,
  PromisedDelivery,
  PromiseOptions,
  StockAvailability,
  TimePhasedInput,
} from './atp/types.js';
export type { InventoryErrorCode } from './errors.js';
export { INVENTORY_ERROR_CODES, InventoryError } from './errors.js';
export { foldLedger } from './foldLedger.js';
export { adjustStock } from './ledger/adjustStock.js';
export { cycleCountCorrections } from './ledger/cycleCountCorrections.js';
export { receiveStock } from './ledger/receiveStock.js';
export { receiveTransfer } from './ledger/receiveTransfer.js';
export { reconcile } from './ledger/reconcile.js';
export { recordReturn } from './ledger/recordReturn.js';
export { scheduleReceipt } from './ledger/scheduleReceipt.js';
export { transferStock } from './ledger/transferStock.js';
export type {
  AdjustStockRequest,
  BalanceDrift,
  CycleCount,
  CycleCountOptions,
  ExternalBalance,
  ReceiveStockRequest,
  ReconciledField,
  ReconcileOptions,
  ReconcileResult,
  ReconcileSource,
  RecordReturnRequest,
  ScheduleReceiptRequest,
  TransferRequest,
} from './ledger/types.js';
export { RECONCILED_FIELDS } from './ledger/types.js';
export { LEDGER_ENTRY_SIGNS, type LedgerEntrySign } from './ledgerEntrySigns.js';
export { commitReservation } from './reservations/commitReservation.js';
export { expireReservations } from './reservations/expireReservations.js';
export { extendReservation } from './reservations/extendReservation.js';
export { releaseAllocation } from './reservations/releaseAllocation.js';
export { releaseReservation } from './reservations/releaseReservation.js';
export { reserve } from './reservations/reserve.js';
export { reserveBatch } from './reservations/reserveBatch.js';
export { shipAllocation } from './reservations/shipAllocation.js';
export type {
  CommitReservationRequest,
  CommitTarget,
  ExpireReservationsRequest,
  ExtendReservationRequest,
  ReleaseAllocationRequest,
  ReleaseReservationRequest,
  ReserveBatchRequest,
  ReserveLine,
  ReserveRequest,
  ShipAllocationRequest,
} from './reservations/types.js';
export { COMMIT_TARGETS } from './reservations/types.js';
export { sourceOrder } from './sourcing/sourceOrder.js';
export { sourceOrders } from './sourcing/sourceOrders.js';
export type {
  DropShipMode,
  LocationCapacity,
  ShortfallReason,
  SourcedLine,
  SourcingBatch,
  SourcingDecision,
  SourcingLocation,
  SourcingLocationKind,
  SourcingMeasure,
  SourcingOrder,
  SourcingOrderLine,
  SourcingPlan,
  SourcingReason,
  SourcingRule,
  SourcingScore,
  SourcingShipment,
  SourcingShortfall,
  SourcingStrategy,
  SourcingSummary,
  WeightedSourcingRule,
} from './sourcing/types.js';
export {
  DROP_SHIP_MODES,
  SHORTFALL_REASONS,
  SOURCING_DECISIONS,
  SOURCING_LOCATION_KINDS,
  SOURCING_RULES,
} from './sourcing/types.js';
export type {
  AppliedOperation,
  AvailabilityPolicy,
  IncomingReceipt,
  Instant,
  InventoryIntent,
  InventoryOperation,
  InventoryOperationKind,
  InventoryOperationOptions,
  InventoryPrecondition,
  InventoryState,
  LedgerEntry,
  LedgerEntryKind,
  LocationId,
  ReservationHold,
  ReservationRecord,
  ReservationStatus,
  Sku,
  StockBalance,
} from './types.js';
export { INVENTORY_OPERATION_KINDS, LEDGER_ENTRY_KINDS, RESERVATION_STATUSES } from './types.js';
