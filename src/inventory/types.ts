// The inventory model shared by every part of `ordercore/inventory`: the ledger and its fold
// (balances, reservations, idempotency), available-to-promise, reservations and their intents,
// the `InventoryStore` port in `ordercore/adapters`, and the conformance kit in `ordercore/testing`.
//
// Conventions (DESIGN.md): plain readonly JSON data; quantities are safe integers (signed in the
// ledger, non-negative everywhere else unless said); instants are ISO 8601 strings with an explicit
// offset; ids come from the caller (the core never invents one it cannot derive).
//
// The one source of truth is the append-only ledger. Everything else — balances, open holds,
// reservation records, the idempotency keys already used — is a pure fold of it (`foldLedger`), kept
// incrementally by `applyLedgerEntries`. An operation (reserve, release, commit, receive ...) computes
// an `InventoryIntent`: the entries to append plus the preconditions under which appending them is
// still correct, so an adapter can apply it atomically against whatever its current state is.

/**
 * A point in time: an ISO 8601 string with an explicit offset, e.g. `'2026-11-22T10:00:00Z'`.
 *
 * @example
 * ```ts
 * import type { Instant } from 'ordercore/inventory';
 *
 * const now: Instant = '2026-11-22T10:00:00Z';
 * Date.parse(now) > 0; //=> true
 * ```
 */
export type Instant = string;

/**
 * A stock-keeping unit: the id of one sellable item.
 *
 * @example
 * ```ts
 * import type { Sku } from 'ordercore/inventory';
 *
 * const sku: Sku = 'TSHIRT-M-BLUE';
 * sku.length; //=> 13
 * ```
 */
export type Sku = string;

/**
 * The id of a stock location: a warehouse, a store, a supplier's drop-ship stock, a bin.
 *
 * @example
 * ```ts
 * import type { LocationId } from 'ordercore/inventory';
 *
 * const location: LocationId = 'berlin-dc';
 * location; //=> 'berlin-dc'
 * ```
 */
export type LocationId = string;

/**
 * Every kind of ledger entry, in a fixed order. What each does to the balances is
 * `ledgerEntryEffects`' table:
 *
 * | kind | quantity | effect |
 * |---|---|---|
 * | `receipt` | > 0 | on hand +q; with `receiptId`, that scheduled receipt's incoming −q (never below 0) |
 * | `scheduled_receipt` | ≠ 0 | incoming of `receiptId` +q (expected at `expectedAt`); negative reduces or cancels it |
 * | `adjustment` | ≠ 0 | on hand +q (damage, loss, found stock) |
 * | `cycle_count` | ≠ 0 | on hand +q: the correction from `expected` to `counted` |
 * | `transfer_out` | < 0 | on hand +q here; in transit −q at `counterpartLocation` |
 * | `transfer_in` | > 0 | on hand +q here; in transit −q here |
 * | `reservation` | > 0 | reserved +q: opens hold `reservationId` (until `expiresAt`) |
 * | `reservation_extended` | = 0 | hold `reservationId` now expires at `expiresAt` |
 * | `release` | < 0 | reserved +q: hold `reservationId` shrinks by \|q\| (expired, cancelled, cart emptied) |
 * | `allocation` | > 0 | allocated +q; with `reservationId`, reserved −q (the hold is committed) |
 * | `deallocation` | < 0 | allocated +q |
 * | `shipment` | < 0 | on hand +q; allocated +q with `allocationId`, else reserved +q with `reservationId`, else free stock |
 * | `return` | > 0 | on hand +q |
 *
 * @example
 * ```ts
 * import { LEDGER_ENTRY_KINDS } from 'ordercore/inventory';
 *
 * LEDGER_ENTRY_KINDS.includes('cycle_count'); //=> true
 * ```
 */
export const LEDGER_ENTRY_KINDS = [
  'receipt',
  'scheduled_receipt',
  'adjustment',
  'cycle_count',
  'transfer_out',
  'transfer_in',
  'reservation',
  'reservation_extended',
  'release',
  'allocation',
  'deallocation',
  'shipment',
  'return',
] as const;

/**
 * One of {@link LEDGER_ENTRY_KINDS}.
 *
 * @example
 * ```ts
 * import type { LedgerEntryKind } from 'ordercore/inventory';
 *
 * const kind: LedgerEntryKind = 'transfer_out';
 * kind; //=> 'transfer_out'
 * ```
 */
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

/**
 * One append-only, signed movement of one SKU at one location. The `kind` says which balances the
 * signed `quantity` moves (see {@link LEDGER_ENTRY_KINDS}); the optional fields link it to what it
 * belongs to. Entries are never edited: a mistake is corrected by a compensating entry.
 *
 * @example
 * ```ts
 * import type { LedgerEntry } from 'ordercore/inventory';
 *
 * const received: LedgerEntry = {
 *   id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 500, at: '2026-11-01T08:00:00Z',
 *   reason: 'PO-77 received',
 * };
 * received.quantity; //=> 500
 * ```
 */
export interface LedgerEntry {
  /** Unique id of the entry (the ledger rejects a second entry with the same id). */
  readonly id: string;
  /** What kind of movement this is. */
  readonly kind: LedgerEntryKind;
  /** The SKU moved. */
  readonly sku: Sku;
  /** The location whose balances the entry moves. */
  readonly location: LocationId;
  /** The signed quantity, a safe integer whose sign the kind fixes (see {@link LEDGER_ENTRY_KINDS}). */
  readonly quantity: number;
  /** When it happened (or was recorded). */
  readonly at: Instant;
  /** Why, for people reading the ledger later (`'damaged in aisle 4'`, `'expired'`, `'PO-77'`). */
  readonly reason?: string;
  /** The hold this entry opens, extends, releases, commits or ships from. */
  readonly reservationId?: string;
  /** The allocation this entry creates, releases or ships from. */
  readonly allocationId?: string;
  /** The scheduled receipt (purchase order line, production order) this entry schedules or receives. */
  readonly receiptId?: string;
  /** When a scheduled receipt is expected (`scheduled_receipt`). */
  readonly expectedAt?: Instant;
  /** When a hold expires (`reservation`, `reservation_extended`); absent: it does not expire. */
  readonly expiresAt?: Instant;
  /** Who holds a reservation (a cart id, an order id): ATP can exclude the caller's own holds. */
  readonly owner?: string;
  /** What the movement is for (an order line, a cart line, a count sheet). */
  readonly reference?: string;
  /** The other end of a transfer: the destination of `transfer_out`, the source of `transfer_in`. */
  readonly counterpartLocation?: LocationId;
  /** The transfer both halves belong to. */
  readonly transferId?: string;
  /** The counted quantity (`cycle_count`). */
  readonly counted?: number;
  /** The quantity the books expected when counting (`cycle_count`); `counted − expected = quantity`. */
  readonly expected?: number;
  /** The idempotency key of the operation that wrote the entry (see {@link InventoryIntent}). */
  readonly operation?: string;
}

/**
 * A scheduled receipt still expected at a location: a purchase-order line, a production order, an
 * inbound transfer with a date.
 *
 * @example
 * ```ts
 * import type { IncomingReceipt } from 'ordercore/inventory';
 *
 * const po: IncomingReceipt = { receiptId: 'PO-78', quantity: 200, expectedAt: '2026-12-01T00:00:00Z' };
 * po.quantity; //=> 200
 * ```
 */
export interface IncomingReceipt {
  /** The scheduled receipt's id. */
  readonly receiptId: string;
  /** How many units are still expected (> 0; a fully received receipt disappears). */
  readonly quantity: number;
  /** When they are expected. */
  readonly expectedAt: Instant;
}

/**
 * An open reservation hold on one SKU at one location: units set aside for a cart or an order line
 * until they are committed, released or the hold expires.
 *
 * @example
 * ```ts
 * import type { ReservationHold } from 'ordercore/inventory';
 *
 * const hold: ReservationHold = { reservationId: 'r-1', quantity: 2, expiresAt: '2026-11-22T10:15:00Z', owner: 'cart-9' };
 * hold.quantity; //=> 2
 * ```
 */
export interface ReservationHold {
  /** The reservation's id. */
  readonly reservationId: string;
  /** Units still held (> 0). */
  readonly quantity: number;
  /** When the hold stops counting; absent: never. A hold is expired at `now` when `expiresAt ≤ now`. */
  readonly expiresAt?: Instant;
  /** Who holds it (cart or order id). */
  readonly owner?: string;
  /** What it is for (an order line, a cart line). */
  readonly reference?: string;
}

/**
 * The balances of one SKU at one location, as the fold of every ledger entry for that pair.
 *
 * `available` is `onHand − reserved − allocated`, counting every open hold, expired or not:
 * `availableToPromise` is the figure that knows about `now`, safety stock and backorders.
 *
 * @example
 * ```ts
 * import { foldLedger } from 'ordercore/inventory';
 *
 * const state = foldLedger([
 *   { id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 10, at: '2026-11-01T08:00:00Z' },
 *   { id: 'e-2', kind: 'reservation', sku: 'SHIRT', location: 'dc', quantity: 3, at: '2026-11-02T08:00:00Z', reservationId: 'r-1' },
 * ]);
 * const balance = state.balances['SHIRT']?.['dc'];
 * [balance?.onHand, balance?.reserved, balance?.available]; //=> [10, 3, 7]
 * ```
 */
export interface StockBalance {
  /** The SKU. */
  readonly sku: Sku;
  /** The location. */
  readonly location: LocationId;
  /** Units physically here (may be negative only if the ledger ships more than it received). */
  readonly onHand: number;
  /** Units held by open reservations (the sum of `holds`). */
  readonly reserved: number;
  /** Units committed to orders and not yet shipped. */
  readonly allocated: number;
  /** `onHand − reserved − allocated`. */
  readonly available: number;
  /** Units on their way here by transfer (shipped from the source, not yet received). */
  readonly inTransit: number;
  /** Scheduled receipts still expected here, ordered by `expectedAt` then `receiptId`. */
  readonly incoming: readonly IncomingReceipt[];
  /** Open reservation holds here, ordered by `reservationId`. */
  readonly holds: readonly ReservationHold[];
  /** How many ledger entries have moved this balance: the optimistic-concurrency version. */
  readonly version: number;
}

/**
 * The states a reservation goes through: `active` while it holds units, `committed` once all its
 * units became an allocation or a shipment, `released` once all its units were given back (by a
 * release or by expiry), `partially_committed` when some were committed and the rest released.
 *
 * @example
 * ```ts
 * import { RESERVATION_STATUSES } from 'ordercore/inventory';
 *
 * RESERVATION_STATUSES; //=> ['active', 'committed', 'released', 'partially_committed']
 * ```
 */
export const RESERVATION_STATUSES = ['active', 'committed', 'released', 'partially_committed'] as const;

/**
 * One of {@link RESERVATION_STATUSES}.
 *
 * @example
 * ```ts
 * import type { ReservationStatus } from 'ordercore/inventory';
 *
 * const status: ReservationStatus = 'committed';
 * status; //=> 'committed'
 * ```
 */
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/**
 * The full record of one reservation, as folded from its ledger entries.
 *
 * @example
 * ```ts
 * import type { ReservationRecord } from 'ordercore/inventory';
 *
 * const record: ReservationRecord = {
 *   reservationId: 'r-1', sku: 'SHIRT', location: 'dc', status: 'active',
 *   reserved: 3, open: 3, committed: 0, released: 0, expiresAt: '2026-11-22T10:15:00Z', owner: 'cart-9',
 * };
 * record.open; //=> 3
 * ```
 */
export interface ReservationRecord {
  /** The reservation's id. */
  readonly reservationId: string;
  /** The SKU held. */
  readonly sku: Sku;
  /** The location where it is held (the one actually chosen). */
  readonly location: LocationId;
  /** Where it is in its life. */
  readonly status: ReservationStatus;
  /** Units reserved in all (the sum of its `reservation` entries). */
  readonly reserved: number;
  /** Units still held. */
  readonly open: number;
  /** Units committed into allocations or shipments. */
  readonly committed: number;
  /** Units released (including by expiry). */
  readonly released: number;
  /** When the hold expires; absent: never. */
  readonly expiresAt?: Instant;
  /** Who holds it. */
  readonly owner?: string;
  /** What it is for. */
  readonly reference?: string;
}

/**
 * Everything the ledger says, folded: balances per SKU and location, reservation records, the
 * operations (idempotency keys) already applied, and the ledger length.
 *
 * Records are keyed by SKU then location (`balances[sku][location]`), reservations by id, operations
 * by idempotency key; all keys are own properties, so any string (even `'__proto__'`) is a safe key.
 *
 * @example
 * ```ts
 * import { foldLedger } from 'ordercore/inventory';
 *
 * const state = foldLedger([]);
 * [state.entries, Object.keys(state.balances).length]; //=> [0, 0]
 * ```
 */
export interface InventoryState {
  /** Balances per SKU, then per location. */
  readonly balances: Readonly<Record<Sku, Readonly<Record<LocationId, StockBalance>>>>;
  /** Every reservation ever made, by id. */
  readonly reservations: Readonly<Record<string, ReservationRecord>>;
  /** The operations applied, by idempotency key: what each wrote, so a replay changes nothing. */
  readonly operations: Readonly<Record<string, AppliedOperation>>;
  /** How many ledger entries have been applied. */
  readonly entries: number;
}

/**
 * What one operation (identified by its idempotency key) wrote to the ledger, so replaying the same
 * request is recognised and changes nothing.
 *
 * @example
 * ```ts
 * import type { AppliedOperation } from 'ordercore/inventory';
 *
 * const applied: AppliedOperation = { key: 'checkout-42', entryIds: ['checkout-42#0'] };
 * applied.entryIds.length; //=> 1
 * ```
 */
export interface AppliedOperation {
  /** The idempotency key. */
  readonly key: string;
  /** The ids of the entries it wrote, in order. */
  readonly entryIds: readonly string[];
}

/**
 * Per-SKU policy for available-to-promise: units held back as safety stock, and how far below
 * zero a backorderable SKU may be promised.
 *
 * @example
 * ```ts
 * import type { AvailabilityPolicy } from 'ordercore/inventory';
 *
 * const policy: AvailabilityPolicy = { safetyStock: { SHIRT: 5 }, backorderLimit: { PREORDER: 100 } };
 * policy.safetyStock?.['SHIRT']; //=> 5
 * ```
 */
export interface AvailabilityPolicy {
  /** Units per SKU never promised (default 0). */
  readonly safetyStock?: Readonly<Record<Sku, number>>;
  /** Units per SKU that may be promised beyond stock, as backorders (default 0: not backorderable). */
  readonly backorderLimit?: Readonly<Record<Sku, number>>;
}

/**
 * What must still be true, when an adapter applies an intent, for its entries to be correct.
 *
 * - `available_at_least`: `onHand − allocated − Σ holds not expired at \`now\` (excluding \`excludeOwner\`'s)
 *   − safetyStock + backorderLimit ≥ quantity` at that SKU and location, evaluated on the adapter's
 *   current state (the figure `availableToPromise` computes).
 * - `expected_version`: the balance's `version` is exactly `version` (nothing moved it since it was read).
 * - `hold_at_least`: the hold `reservationId` still holds at least `quantity` units and, with `now`,
 *   has not expired at `now`.
 * - `operation_absent`: no operation with this idempotency key has been applied (the adapter must
 *   treat a present key as a replay, not an error: see `InventoryStore`).
 *
 * @example
 * ```ts
 * import type { InventoryPrecondition } from 'ordercore/inventory';
 *
 * const p: InventoryPrecondition = {
 *   kind: 'available_at_least', sku: 'SHIRT', location: 'dc', quantity: 2, now: '2026-11-22T10:00:00Z',
 *   safetyStock: 0, backorderLimit: 0,
 * };
 * p.kind; //=> 'available_at_least'
 * ```
 */
export type InventoryPrecondition =
  | {
      /** Only if available ≥ quantity. */
      readonly kind: 'available_at_least';
      /** The SKU. */
      readonly sku: Sku;
      /** The location. */
      readonly location: LocationId;
      /** The units that must be available (the request's total at this SKU and location). */
      readonly quantity: number;
      /** The instant holds expire against. */
      readonly now: Instant;
      /** Units held back. */
      readonly safetyStock: number;
      /** Units promisable below zero. */
      readonly backorderLimit: number;
      /** Holds of this owner do not count against availability. */
      readonly excludeOwner?: string;
    }
  | {
      /** Only if nothing moved the balance since it was read. */
      readonly kind: 'expected_version';
      /** The SKU. */
      readonly sku: Sku;
      /** The location. */
      readonly location: LocationId;
      /** The version read. */
      readonly version: number;
    }
  | {
      /** Only if the hold still holds enough (and, with `now`, has not expired). */
      readonly kind: 'hold_at_least';
      /** The reservation. */
      readonly reservationId: string;
      /** Units it must still hold. */
      readonly quantity: number;
      /** If present, the hold must not have expired at this instant. */
      readonly now?: Instant;
    }
  | {
      /** Only if this idempotency key was never applied. */
      readonly kind: 'operation_absent';
      /** The idempotency key. */
      readonly key: string;
    };

/**
 * The kinds of operation an intent can come from.
 *
 * @example
 * ```ts
 * import { INVENTORY_OPERATION_KINDS } from 'ordercore/inventory';
 *
 * INVENTORY_OPERATION_KINDS.includes('reserve'); //=> true
 * ```
 */
export const INVENTORY_OPERATION_KINDS = [
  'reserve',
  'extend',
  'release',
  'commit',
  'expire',
  'receive',
  'adjust',
  'ship',
  'transfer',
  'reconcile',
  'schedule_receipt',
  'return',
  'cycle_count',
] as const;

/**
 * One of {@link INVENTORY_OPERATION_KINDS}.
 *
 * @example
 * ```ts
 * import type { InventoryOperationKind } from 'ordercore/inventory';
 *
 * const kind: InventoryOperationKind = 'commit';
 * kind; //=> 'commit'
 * ```
 */
export type InventoryOperationKind = (typeof INVENTORY_OPERATION_KINDS)[number];

/**
 * What an operation wants to write: the ledger entries to append, all or none, and the
 * preconditions under which appending them is still correct. Adapters apply an intent atomically
 * (a transaction, conditional updates or a lock): check every precondition against their current
 * state, then append every entry — or append nothing and report which precondition failed.
 *
 * @example
 * ```ts
 * import type { InventoryIntent } from 'ordercore/inventory';
 *
 * const intent: InventoryIntent = {
 *   key: 'checkout-42', kind: 'reserve',
 *   entries: [{ id: 'checkout-42#0', kind: 'reservation', sku: 'SHIRT', location: 'dc', quantity: 2,
 *     at: '2026-11-22T10:00:00Z', reservationId: 'r-1', operation: 'checkout-42' }],
 *   preconditions: [{ kind: 'operation_absent', key: 'checkout-42' }],
 * };
 * intent.entries.length; //=> 1
 * ```
 */
export interface InventoryIntent {
  /** The idempotency key of the operation; every entry carries it as `operation`. */
  readonly key: string;
  /** The operation it comes from. */
  readonly kind: InventoryOperationKind;
  /** The entries to append, in order. */
  readonly entries: readonly LedgerEntry[];
  /** What must hold for them to be appended. */
  readonly preconditions: readonly InventoryPrecondition[];
}

/**
 * What every inventory operation (reserve, release, commit, receive, adjust, cycle count ...) returns
 * on success: the state with the intent applied (what the caller would see if the adapter applies
 * it), the intent itself for the adapter, and whether the request was a replay of an operation
 * already applied (then `state` is the input state and `intent.entries` is empty).
 *
 * @example
 * ```ts
 * import type { InventoryOperation } from 'ordercore/inventory';
 *
 * const replay: InventoryOperation = {
 *   state: { balances: {}, reservations: {}, operations: {}, entries: 0 },
 *   intent: { key: 'k-1', kind: 'reserve', entries: [], preconditions: [] },
 *   replayed: true,
 * };
 * replay.intent.entries.length; //=> 0
 * ```
 */
export interface InventoryOperation {
  /** The state after the intent; the input state when `replayed`. */
  readonly state: InventoryState;
  /** The entries to append and their preconditions, for the adapter to apply atomically. */
  readonly intent: InventoryIntent;
  /** `true` when the idempotency key was already applied: nothing new is written. */
  readonly replayed: boolean;
}

/**
 * The options every inventory operation takes.
 *
 * @example
 * ```ts
 * import type { InventoryOperationOptions } from 'ordercore/inventory';
 *
 * const options: InventoryOperationOptions = { now: '2026-11-22T10:00:00Z', policy: { safetyStock: { SHIRT: 2 } } };
 * options.now; //=> '2026-11-22T10:00:00Z'
 * ```
 */
export interface InventoryOperationOptions {
  /** The current instant: entries are stamped with it, holds expire against it. */
  readonly now: Instant;
  /** Safety stock and backorder limits (default: none). */
  readonly policy?: AvailabilityPolicy;
}
