// Requests, counts and reconciliation results of the ledger operations in `ordercore/inventory`
// (receive, schedule, adjust, transfer, return, cycle counts, reconcile).

import type {
  Instant,
  InventoryIntent,
  InventoryOperationOptions,
  InventoryState,
  LedgerEntry,
  LocationId,
  Sku,
  StockBalance,
} from '../types.js';

/**
 * Units that arrived at a location: a purchase-order line received, production finished, stock
 * found in a delivery. With `receiptId`, the scheduled receipt of that id expects that many fewer.
 *
 * @example
 * ```ts
 * import type { ReceiveStockRequest } from 'ordercore/inventory';
 *
 * const request: ReceiveStockRequest = { key: 'grn-1', sku: 'SHIRT', location: 'dc', quantity: 500, receiptId: 'PO-77' };
 * request.quantity; //=> 500
 * ```
 */
export interface ReceiveStockRequest {
  /** The idempotency key: entry ids are `${key}#0`, and a second request with it changes nothing. */
  readonly key: string;
  /** The SKU received. */
  readonly sku: Sku;
  /** Where it was received. */
  readonly location: LocationId;
  /** Units received (a positive safe integer). */
  readonly quantity: number;
  /** The scheduled receipt (purchase-order line) this delivery fulfils, if any. */
  readonly receiptId?: string;
  /** Why, for people reading the ledger (default: none). */
  readonly reason?: string;
  /** A reference (goods-received note, delivery note). */
  readonly reference?: string;
}

/**
 * A scheduled receipt to expect, grow, shrink or cancel: `quantity` is added to what receipt
 * `receiptId` expects (negative shrinks it; down to zero cancels it).
 *
 * @example
 * ```ts
 * import type { ScheduleReceiptRequest } from 'ordercore/inventory';
 *
 * const request: ScheduleReceiptRequest = {
 *   key: 'po-78', sku: 'SHIRT', location: 'dc', receiptId: 'PO-78', quantity: 200, expectedAt: '2026-12-01T00:00:00Z',
 * };
 * request.receiptId; //=> 'PO-78'
 * ```
 */
export interface ScheduleReceiptRequest {
  /** The idempotency key. */
  readonly key: string;
  /** The SKU expected. */
  readonly sku: Sku;
  /** Where it is expected. */
  readonly location: LocationId;
  /** The scheduled receipt's id (a purchase-order line, a production order). */
  readonly receiptId: string;
  /** Units to add to what it expects (a non-zero safe integer; negative reduces or cancels it). */
  readonly quantity: number;
  /** When the units are expected: required when `quantity` > 0; when given, it replaces the receipt's date. */
  readonly expectedAt?: Instant;
}

/**
 * A change of on hand with a reason: damage, loss, theft, found stock, write-off.
 *
 * @example
 * ```ts
 * import type { AdjustStockRequest } from 'ordercore/inventory';
 *
 * const request: AdjustStockRequest = { key: 'adj-9', sku: 'SHIRT', location: 'dc', quantity: -2, reason: 'damaged in aisle 4' };
 * request.reason; //=> 'damaged in aisle 4'
 * ```
 */
export interface AdjustStockRequest {
  /** The idempotency key. */
  readonly key: string;
  /** The SKU. */
  readonly sku: Sku;
  /** The location. */
  readonly location: LocationId;
  /** Units added (positive) or removed (negative); a non-zero safe integer. */
  readonly quantity: number;
  /** Why stock changed (required, not blank: an adjustment nobody can explain is a finding). */
  readonly reason: string;
  /** A reference (an incident, a damage report). */
  readonly reference?: string;
}

/**
 * A transfer between two locations of the same SKU: `transferStock` sends it (`transfer_out` at
 * `from`, in transit at `to`), `receiveTransfer` receives it (`transfer_in` at `to`).
 *
 * @example
 * ```ts
 * import type { TransferRequest } from 'ordercore/inventory';
 *
 * const request: TransferRequest = { key: 'tr-5-out', sku: 'SHIRT', from: 'dc', to: 'store-1', quantity: 20, transferId: 'TR-5' };
 * request.to; //=> 'store-1'
 * ```
 */
export interface TransferRequest {
  /** The idempotency key (the send and the receipt of one transfer are two operations, two keys). */
  readonly key: string;
  /** The SKU moved. */
  readonly sku: Sku;
  /** The source location. */
  readonly from: LocationId;
  /** The destination location (different from `from`). */
  readonly to: LocationId;
  /** Units moved (a positive safe integer). */
  readonly quantity: number;
  /** The transfer both halves belong to. */
  readonly transferId: string;
  /** Why, for people reading the ledger. */
  readonly reason?: string;
}

/**
 * Units a customer sent back, restocked at a location.
 *
 * @example
 * ```ts
 * import type { RecordReturnRequest } from 'ordercore/inventory';
 *
 * const request: RecordReturnRequest = { key: 'rma-3', sku: 'SHIRT', location: 'dc', quantity: 1, reference: 'RMA-3' };
 * request.quantity; //=> 1
 * ```
 */
export interface RecordReturnRequest {
  /** The idempotency key. */
  readonly key: string;
  /** The SKU returned. */
  readonly sku: Sku;
  /** Where it was restocked. */
  readonly location: LocationId;
  /** Units restocked (a positive safe integer). */
  readonly quantity: number;
  /** The return it belongs to (an RMA, an order line). */
  readonly reference?: string;
  /** Why (`'wrong size'`). */
  readonly reason?: string;
}

/**
 * One line of a count sheet: what was physically counted of a SKU at a location, and optionally the
 * balance version the count was taken against.
 *
 * @example
 * ```ts
 * import type { CycleCount } from 'ordercore/inventory';
 *
 * const line: CycleCount = { sku: 'SHIRT', location: 'dc', counted: 481, version: 3 };
 * line.counted; //=> 481
 * ```
 */
export interface CycleCount {
  /** The SKU counted. */
  readonly sku: Sku;
  /** The location (or bin) counted. */
  readonly location: LocationId;
  /** Units physically found (a non-negative safe integer). */
  readonly counted: number;
  /**
   * The balance `version` when the count was taken (the version printed on the count sheet);
   * default: the version in the state given. A count against an older version is stale.
   */
  readonly version?: number;
}

/**
 * Options of `cycleCountCorrections`: the operation options plus the count's idempotency key.
 *
 * @example
 * ```ts
 * import type { CycleCountOptions } from 'ordercore/inventory';
 *
 * const options: CycleCountOptions = { now: '2026-11-30T18:00:00Z', key: 'count-2026-11-30', reference: 'sheet 12' };
 * options.key; //=> 'count-2026-11-30'
 * ```
 */
export interface CycleCountOptions extends InventoryOperationOptions {
  /** The idempotency key of the count: entry ids are `${key}#${i}`. */
  readonly key: string;
  /** The count sheet or session, copied to every entry's `reference`. */
  readonly reference?: string;
  /** The reason written on every entry (default `'cycle count'`). */
  readonly reason?: string;
}

/**
 * A balance as another system holds it: a cached balance table, a WMS snapshot, a count. Fields it
 * does not track are left out and not compared (`onHand` is always compared). A
 * {@link StockBalance} is one.
 *
 * @example
 * ```ts
 * import type { ExternalBalance } from 'ordercore/inventory';
 *
 * const row: ExternalBalance = { sku: 'SHIRT', location: 'dc', onHand: 480, reserved: 2 };
 * row.onHand; //=> 480
 * ```
 */
export interface ExternalBalance {
  /** The SKU. */
  readonly sku: Sku;
  /** The location. */
  readonly location: LocationId;
  /** Units on hand there, according to the other system. */
  readonly onHand: number;
  /** Units reserved, if the other system tracks them. */
  readonly reserved?: number;
  /** Units allocated, if the other system tracks them. */
  readonly allocated?: number;
  /** Units in transit to it, if the other system tracks them. */
  readonly inTransit?: number;
}

/**
 * The balance fields `reconcile` compares, in the order drift is reported.
 *
 * @example
 * ```ts
 * import { RECONCILED_FIELDS } from 'ordercore/inventory';
 *
 * RECONCILED_FIELDS; //=> ['onHand', 'reserved', 'allocated', 'inTransit']
 * ```
 */
export const RECONCILED_FIELDS = ['onHand', 'reserved', 'allocated', 'inTransit'] as const;

/**
 * One of {@link RECONCILED_FIELDS}.
 *
 * @example
 * ```ts
 * import type { ReconciledField } from 'ordercore/inventory';
 *
 * const field: ReconciledField = 'inTransit';
 * field; //=> 'inTransit'
 * ```
 */
export type ReconciledField = (typeof RECONCILED_FIELDS)[number];

/**
 * Where the balances given to `reconcile` come from, which decides which way truth flows:
 *
 * - `'cache'`: a copy derived from the ledger (a balance table, a search index, a channel feed).
 *   The ledger is the truth for every field; drift means the copy is corrupt, and the fix is the
 *   `corrected` balances. No entries are written.
 * - `'physical'`: what is really on the shelf (a WMS snapshot, a wall-to-wall count). On-hand drift
 *   means the books are wrong and is compensated by `adjustment` entries (reason `'reconcile'`);
 *   reserved, allocated and in transit are promises the ledger records, so drift there is reported
 *   and corrected on the other side, never written to the ledger.
 *
 * @example
 * ```ts
 * import type { ReconcileSource } from 'ordercore/inventory';
 *
 * const source: ReconcileSource = 'physical';
 * source; //=> 'physical'
 * ```
 */
export type ReconcileSource = 'cache' | 'physical';

/**
 * Options of `reconcile`.
 *
 * @example
 * ```ts
 * import type { ReconcileOptions } from 'ordercore/inventory';
 *
 * const options: ReconcileOptions = { source: 'physical', key: 'wms-sync-2026-11-30', now: '2026-11-30T23:00:00Z' };
 * options.source; //=> 'physical'
 * ```
 */
export interface ReconcileOptions {
  /** Where the balances come from (default `'cache'`): see {@link ReconcileSource}. */
  readonly source?: ReconcileSource;
  /**
   * Whether the balances list every SKU and location the other system knows (default `false`).
   * With `true`, a pair the ledger has but the list lacks is compared as all zeros (a lost row);
   * with `false`, it is not compared (a snapshot of one warehouse says nothing about another).
   */
  readonly complete?: boolean;
  /** The idempotency key of the compensating entries (required with `source: 'physical'`). */
  readonly key?: string;
  /** The instant compensating entries are stamped with (required with `source: 'physical'`). */
  readonly now?: Instant;
}

/**
 * A difference between the ledger and another system in one field of one SKU at one location.
 *
 * @example
 * ```ts
 * import type { BalanceDrift } from 'ordercore/inventory';
 *
 * const drift: BalanceDrift = { sku: 'SHIRT', location: 'dc', field: 'onHand', expected: 484, actual: 481, difference: -3 };
 * drift.difference; //=> -3
 * ```
 */
export interface BalanceDrift {
  /** The SKU. */
  readonly sku: Sku;
  /** The location. */
  readonly location: LocationId;
  /** The field that differs. */
  readonly field: ReconciledField;
  /** What the ledger's fold says. */
  readonly expected: number;
  /** What the other system says. */
  readonly actual: number;
  /** `actual − expected`. */
  readonly difference: number;
  /** `true` when the other system has no row for this pair (only with `complete: true`). */
  readonly missing?: true;
}

/**
 * What `reconcile` found and what to do about it.
 *
 * @example
 * ```ts
 * import { reconcile } from 'ordercore/inventory';
 *
 * const r = reconcile([], []);
 * r.ok && [r.value.drift.length, r.value.entries.length, r.value.corrected.length]; //=> [0, 0, 0]
 * ```
 */
export interface ReconcileResult {
  /** Every difference, sorted by SKU, location, then field in {@link RECONCILED_FIELDS} order. */
  readonly drift: readonly BalanceDrift[];
  /** The compensating `adjustment` entries (only with `source: 'physical'`), in drift order. */
  readonly entries: readonly LedgerEntry[];
  /**
   * The intent to apply them atomically: `operation_absent` plus an `expected_version` per
   * compensated balance (stock that moved since the ledger was read makes the comparison stale).
   * Absent when there is nothing to write.
   */
  readonly intent?: InventoryIntent;
  /**
   * For every pair with drift, the balance the ledger holds after the compensating entries: what
   * the other system should hold. Sorted by SKU, then location.
   */
  readonly corrected: readonly StockBalance[];
  /** The ledger's state with the compensating entries applied. */
  readonly state: InventoryState;
  /** `true` when `key` was already applied: nothing new is written (the drift is still reported). */
  readonly replayed: boolean;
}
