// Requests of the reservation operations in `ordercore/inventory`: reserve (one line or a batch),
// extend, release, commit, expire, and the deallocation and shipment of what a commit allocated.

import type { Instant, LocationId, Sku } from '../types.js';

/**
 * One line to reserve: a SKU at one location, or at the first location of a stock (in the order
 * given) that can hold the whole line.
 *
 * @example
 * ```ts
 * import type { ReserveLine } from 'ordercore/inventory';
 *
 * const line: ReserveLine = { reservationId: 'r-1', sku: 'SHIRT', locations: ['berlin', 'paris'], quantity: 2 };
 * line.locations?.length; //=> 2
 * ```
 */
export interface ReserveLine {
  /** The new reservation's id (unique: an id already in the ledger is refused). */
  readonly reservationId: string;
  /** The SKU to hold. */
  readonly sku: Sku;
  /** The one location to hold it at (exactly one of `location` and `locations`). */
  readonly location?: LocationId;
  /** A stock: the locations tried in this order, non-empty and without duplicates. */
  readonly locations?: readonly LocationId[];
  /** Units to hold (a positive safe integer). */
  readonly quantity: number;
  /** When the hold stops counting (after `now`); absent: it never expires. */
  readonly expiresAt?: Instant;
  /** Who holds it (a cart id, an order id). */
  readonly owner?: string;
  /** What it is for (a cart line, an order line). */
  readonly reference?: string;
}

/**
 * A request to reserve one line under an idempotency key.
 *
 * @example
 * ```ts
 * import type { ReserveRequest } from 'ordercore/inventory';
 *
 * const request: ReserveRequest = {
 *   key: 'cart-9:add-1', reservationId: 'r-1', sku: 'SHIRT', location: 'dc', quantity: 2,
 *   expiresAt: '2026-11-22T10:15:00Z', owner: 'cart-9',
 * };
 * request.key; //=> 'cart-9:add-1'
 * ```
 */
export interface ReserveRequest extends ReserveLine {
  /** The idempotency key: the entry id is `${key}#0`, and a second request with it changes nothing. */
  readonly key: string;
}

/**
 * Lines reserved all or nothing under one idempotency key (a checkout).
 *
 * @example
 * ```ts
 * import type { ReserveBatchRequest } from 'ordercore/inventory';
 *
 * const request: ReserveBatchRequest = {
 *   key: 'checkout-42',
 *   lines: [
 *     { reservationId: 'r-1', sku: 'SHIRT', location: 'dc', quantity: 2 },
 *     { reservationId: 'r-2', sku: 'MUG', locations: ['dc', 'store-1'], quantity: 1 },
 *   ],
 * };
 * request.lines.length; //=> 2
 * ```
 */
export interface ReserveBatchRequest {
  /** The idempotency key: entry `i` (line `i`) has id `${key}#${i}`. */
  readonly key: string;
  /** The lines (at least one), each with its own new reservation id. */
  readonly lines: readonly ReserveLine[];
}

/**
 * A request to move the expiry of an active, unexpired hold.
 *
 * @example
 * ```ts
 * import type { ExtendReservationRequest } from 'ordercore/inventory';
 *
 * const request: ExtendReservationRequest = { key: 'cart-9:extend-1', reservationId: 'r-1', expiresAt: '2026-11-22T10:30:00Z' };
 * request.reservationId; //=> 'r-1'
 * ```
 */
export interface ExtendReservationRequest {
  /** The idempotency key. */
  readonly key: string;
  /** The reservation to extend. */
  readonly reservationId: string;
  /** The new expiry (after `now`; earlier than the old one is allowed); absent: the hold never expires. */
  readonly expiresAt?: Instant;
}

/**
 * A request to give back some or all of a hold's units (a cart emptied, an order cancelled).
 *
 * @example
 * ```ts
 * import type { ReleaseReservationRequest } from 'ordercore/inventory';
 *
 * const request: ReleaseReservationRequest = { key: 'cancel-42', reservationId: 'r-1', quantity: 1, reason: 'customer cancelled' };
 * request.quantity; //=> 1
 * ```
 */
export interface ReleaseReservationRequest {
  /** The idempotency key. */
  readonly key: string;
  /** The reservation to release from. */
  readonly reservationId: string;
  /** Units to release (a positive safe integer, at most what it holds); default: all it holds. */
  readonly quantity?: number;
  /** Why, for people reading the ledger (`'customer cancelled'`). */
  readonly reason?: string;
}

/**
 * Where committed units go: an `allocation` (allocated to the order, still on hand) or a `shipment`
 * (gone: on hand falls).
 *
 * @example
 * ```ts
 * import { COMMIT_TARGETS } from 'ordercore/inventory';
 *
 * COMMIT_TARGETS; //=> ['allocation', 'shipment']
 * ```
 */
export const COMMIT_TARGETS = ['allocation', 'shipment'] as const;

/**
 * One of {@link COMMIT_TARGETS}.
 *
 * @example
 * ```ts
 * import type { CommitTarget } from 'ordercore/inventory';
 *
 * const into: CommitTarget = 'shipment';
 * into; //=> 'shipment'
 * ```
 */
export type CommitTarget = (typeof COMMIT_TARGETS)[number];

/**
 * A request to turn some or all of an active, unexpired hold into an allocation or a shipment.
 *
 * @example
 * ```ts
 * import type { CommitReservationRequest } from 'ordercore/inventory';
 *
 * const request: CommitReservationRequest = { key: 'order-42:commit', reservationId: 'r-1', into: 'allocation', allocationId: 'a-42' };
 * request.into; //=> 'allocation'
 * ```
 */
export interface CommitReservationRequest {
  /** The idempotency key. */
  readonly key: string;
  /** The reservation to commit. */
  readonly reservationId: string;
  /** Units to commit (a positive safe integer, at most what it holds); default: all it holds. */
  readonly quantity?: number;
  /** Whether the units become an allocation or leave in a shipment. */
  readonly into: CommitTarget;
  /** The allocation's id (only with `into: 'allocation'`); default: the reservation's id. */
  readonly allocationId?: string;
}

/**
 * A request to release every hold that has expired at `now`, optionally only for some SKUs.
 *
 * @example
 * ```ts
 * import type { ExpireReservationsRequest } from 'ordercore/inventory';
 *
 * const request: ExpireReservationsRequest = { key: 'sweep-2026-11-22T10:00', skus: ['SHIRT'] };
 * request.skus?.[0]; //=> 'SHIRT'
 * ```
 */
export interface ExpireReservationsRequest {
  /** The idempotency key. */
  readonly key: string;
  /** Only these SKUs (default: every SKU in the state). */
  readonly skus?: readonly Sku[];
}

/**
 * A request to give back allocated units (a deallocation): an order line cancelled after its
 * reservation was committed into an allocation.
 *
 * @example
 * ```ts
 * import type { ReleaseAllocationRequest } from 'ordercore/inventory';
 *
 * const request: ReleaseAllocationRequest = { key: 'cancel-42', sku: 'SHIRT', location: 'dc', allocationId: 'a-42', quantity: 2 };
 * request.quantity; //=> 2
 * ```
 */
export interface ReleaseAllocationRequest {
  /** The idempotency key. */
  readonly key: string;
  /** The SKU allocated. */
  readonly sku: Sku;
  /** Where it is allocated. */
  readonly location: LocationId;
  /** The allocation released from (recorded on the entry). */
  readonly allocationId?: string;
  /** Units to deallocate (a positive safe integer, at most the location's allocated units). */
  readonly quantity: number;
  /** Why, for people reading the ledger. */
  readonly reason?: string;
}

/**
 * A request to ship allocated units: on hand and allocated both fall.
 *
 * @example
 * ```ts
 * import type { ShipAllocationRequest } from 'ordercore/inventory';
 *
 * const request: ShipAllocationRequest = { key: 'ship-42', sku: 'SHIRT', location: 'dc', allocationId: 'a-42', quantity: 2 };
 * request.allocationId; //=> 'a-42'
 * ```
 */
export interface ShipAllocationRequest {
  /** The idempotency key. */
  readonly key: string;
  /** The SKU shipped. */
  readonly sku: Sku;
  /** Where it ships from. */
  readonly location: LocationId;
  /** The allocation shipped from. */
  readonly allocationId: string;
  /** Units shipped (a positive safe integer, at most the location's allocated units). */
  readonly quantity: number;
  /** A reference (a shipment or parcel id). */
  readonly reference?: string;
}
