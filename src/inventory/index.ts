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

// --- model, ledger fold, intents (lead) ---
export type { AppliedIntent } from './applyIntent.js';
export { applyIntent } from './applyIntent.js';
export { applyLedgerEntries } from './applyLedgerEntries.js';
export type { InventoryErrorCode } from './errors.js';
export { INVENTORY_ERROR_CODES, InventoryError } from './errors.js';
export { foldLedger } from './foldLedger.js';
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
// --- ledger: reconcile, cycle counts, ledger checks (helper L) ---
// --- available to promise: snapshot, stock, channels, time-phased (helper A) ---
// --- reservations (helper R) ---
// --- sourcing (helper S) ---
