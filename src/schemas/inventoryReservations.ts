import * as z from 'zod';
import type { ValidationError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import {
  COMMIT_TARGETS,
  type CommitReservationRequest,
  type ExpireReservationsRequest,
  type ExtendReservationRequest,
  type ReleaseAllocationRequest,
  type ReleaseReservationRequest,
  type ReserveBatchRequest,
  type ReserveLine,
  type ReserveRequest,
  type ShipAllocationRequest,
} from '../inventory/reservations/types.js';
import { instantSchema } from './dates.js';
import { parseInput } from './parse.js';
import { plainObject } from './plainObject.js';

// Limits: they bound the work a hostile input can cause, far above what one request needs.
const MAX_ID_LENGTH = 1_000;
const MAX_TEXT_LENGTH = 10_000;
const MAX_LOCATIONS = 1_000;
const MAX_LINES = 10_000;
const MAX_SKUS = 100_000;

const idSchema = z.string().min(1).max(MAX_ID_LENGTH);
const textSchema = z.string().min(1).max(MAX_TEXT_LENGTH);
/** `z.int()` is a safe integer: no NaN, no ±Infinity, nothing beyond 2^53 − 1. */
const positiveSchema = z.int().min(1);

function issue(context: Pick<z.RefinementCtx, 'addIssue'>, path: (string | number)[], code: string, message: string) {
  context.addIssue({ code: 'custom', path, message, params: { code } });
}

/** Reports the second and later occurrences of a value in a list. */
function distinct(
  values: readonly string[],
  context: z.RefinementCtx,
  path: (index: number) => (string | number)[],
  what: string,
) {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) issue(context, path(i), 'duplicate', `${what} appears twice`);
    seen.add(value);
  });
}

const lineShape = {
  reservationId: idSchema,
  sku: idSchema,
  location: idSchema.exactOptional(),
  locations: z.array(idSchema).min(1).max(MAX_LOCATIONS).exactOptional(),
  quantity: positiveSchema,
  expiresAt: instantSchema.exactOptional(),
  owner: idSchema.exactOptional(),
  reference: textSchema.exactOptional(),
};

/** Exactly one of location and locations; a stock without duplicates. */
function checkPlace(line: { location?: string; locations?: readonly string[] }, context: z.RefinementCtx): void {
  if (line.location !== undefined && line.locations !== undefined)
    issue(context, ['locations'], 'location_conflict', 'give either location or locations (a stock), not both');
  if (line.location === undefined && line.locations === undefined)
    issue(context, ['location'], 'required', 'give a location, or locations (a stock) to choose from');
  if (line.locations !== undefined) distinct(line.locations, context, (i) => ['locations', i], 'a location');
}

/**
 * One line of `reserveBatch`: a SKU at exactly one of `location` or `locations` (a non-empty stock
 * without duplicates), a positive safe-integer quantity, an optional expiry instant (whether it is
 * after `now` is the operation's check: the schema knows no `now`), owner and reference.
 *
 * @example
 * ```ts
 * import { reserveLineSchema } from 'ordercore/schemas';
 *
 * reserveLineSchema.safeParse({ reservationId: 'r-1', sku: 'SHIRT', locations: ['dc', 'store'], quantity: 2 }).success; //=> true
 * reserveLineSchema.safeParse({ reservationId: 'r-1', sku: 'SHIRT', location: 'dc', locations: ['dc'], quantity: 2 }).success; //=> false
 * ```
 */
export const reserveLineSchema: z.ZodType<ReserveLine, unknown> = plainObject(lineShape).superRefine(checkPlace);

/**
 * The request of `reserve`: a {@link reserveLineSchema} line plus its idempotency `key`.
 *
 * @example
 * ```ts
 * import { reserveRequestSchema } from 'ordercore/schemas';
 *
 * reserveRequestSchema.safeParse({ key: 'k', reservationId: 'r-1', sku: 'SHIRT', location: 'dc', quantity: 1 }).success; //=> true
 * reserveRequestSchema.safeParse({ key: 'k', reservationId: 'r-1', sku: 'SHIRT', location: 'dc', quantity: Number.NaN }).success; //=> false
 * ```
 */
export const reserveRequestSchema: z.ZodType<ReserveRequest, unknown> = plainObject({
  key: idSchema,
  ...lineShape,
}).superRefine(checkPlace);

/**
 * The request of `reserveBatch`: a key and 1–10,000 lines whose reservation ids are distinct.
 *
 * @example
 * ```ts
 * import { reserveBatchRequestSchema } from 'ordercore/schemas';
 *
 * const line = { reservationId: 'r-1', sku: 'SHIRT', location: 'dc', quantity: 1 };
 * reserveBatchRequestSchema.safeParse({ key: 'b', lines: [line] }).success; //=> true
 * reserveBatchRequestSchema.safeParse({ key: 'b', lines: [line, line] }).success; //=> false
 * ```
 */
export const reserveBatchRequestSchema: z.ZodType<ReserveBatchRequest, unknown> = plainObject({
  key: idSchema,
  lines: z.array(reserveLineSchema).min(1).max(MAX_LINES),
}).superRefine((request, context) =>
  distinct(
    request.lines.map((line) => line.reservationId),
    context,
    (i) => ['lines', i, 'reservationId'],
    'a reservation id',
  ),
);

/**
 * The request of `extendReservation`: a key, the reservation id, and the new expiry (absent: never).
 *
 * @example
 * ```ts
 * import { extendReservationRequestSchema } from 'ordercore/schemas';
 *
 * extendReservationRequestSchema.safeParse({ key: 'x', reservationId: 'r-1', expiresAt: '2026-11-22T10:30:00Z' }).success; //=> true
 * extendReservationRequestSchema.safeParse({ key: 'x', reservationId: 'r-1', expiresAt: '2026-11-22 10:30' }).success; //=> false
 * ```
 */
export const extendReservationRequestSchema: z.ZodType<ExtendReservationRequest, unknown> = plainObject({
  key: idSchema,
  reservationId: idSchema,
  expiresAt: instantSchema.exactOptional(),
});

/**
 * The request of `releaseReservation`: a key, the reservation id, an optional positive quantity
 * (default: all it holds) and a reason.
 *
 * @example
 * ```ts
 * import { releaseReservationRequestSchema } from 'ordercore/schemas';
 *
 * releaseReservationRequestSchema.safeParse({ key: 'c', reservationId: 'r-1', reason: 'cancelled' }).success; //=> true
 * releaseReservationRequestSchema.safeParse({ key: 'c', reservationId: 'r-1', quantity: -1 }).success; //=> false
 * ```
 */
export const releaseReservationRequestSchema: z.ZodType<ReleaseReservationRequest, unknown> = plainObject({
  key: idSchema,
  reservationId: idSchema,
  quantity: positiveSchema.exactOptional(),
  reason: textSchema.exactOptional(),
});

/**
 * The request of `commitReservation`: a key, the reservation id, an optional positive quantity,
 * `into` (`'allocation'` or `'shipment'`) and an allocation id (only with `'allocation'`).
 *
 * @example
 * ```ts
 * import { commitReservationRequestSchema } from 'ordercore/schemas';
 *
 * commitReservationRequestSchema.safeParse({ key: 'c', reservationId: 'r-1', into: 'allocation', allocationId: 'a-1' }).success; //=> true
 * commitReservationRequestSchema.safeParse({ key: 'c', reservationId: 'r-1', into: 'shipment', allocationId: 'a-1' }).success; //=> false
 * ```
 */
export const commitReservationRequestSchema: z.ZodType<CommitReservationRequest, unknown> = plainObject({
  key: idSchema,
  reservationId: idSchema,
  quantity: positiveSchema.exactOptional(),
  into: z.enum(COMMIT_TARGETS),
  allocationId: idSchema.exactOptional(),
}).superRefine((request, context) => {
  if (request.allocationId !== undefined && request.into === 'shipment')
    issue(context, ['allocationId'], 'not_allowed', "only a commit into 'allocation' makes an allocation");
});

/**
 * The request of `expireReservations`: a key and, optionally, distinct SKUs to sweep.
 *
 * @example
 * ```ts
 * import { expireReservationsRequestSchema } from 'ordercore/schemas';
 *
 * expireReservationsRequestSchema.safeParse({ key: 'sweep', skus: ['SHIRT'] }).success; //=> true
 * expireReservationsRequestSchema.safeParse({ key: 'sweep', skus: ['SHIRT', 'SHIRT'] }).success; //=> false
 * ```
 */
export const expireReservationsRequestSchema: z.ZodType<ExpireReservationsRequest, unknown> = plainObject({
  key: idSchema,
  skus: z.array(idSchema).max(MAX_SKUS).exactOptional(),
}).superRefine((request, context) => {
  if (request.skus !== undefined) distinct(request.skus, context, (i) => ['skus', i], 'a SKU');
});

/**
 * The request of `releaseAllocation`: a key, SKU, location, optional allocation id, a positive
 * quantity and a reason.
 *
 * @example
 * ```ts
 * import { releaseAllocationRequestSchema } from 'ordercore/schemas';
 *
 * releaseAllocationRequestSchema.safeParse({ key: 'd', sku: 'SHIRT', location: 'dc', quantity: 1 }).success; //=> true
 * releaseAllocationRequestSchema.safeParse({ key: 'd', sku: 'SHIRT', location: 'dc', quantity: 1.5 }).success; //=> false
 * ```
 */
export const releaseAllocationRequestSchema: z.ZodType<ReleaseAllocationRequest, unknown> = plainObject({
  key: idSchema,
  sku: idSchema,
  location: idSchema,
  allocationId: idSchema.exactOptional(),
  quantity: positiveSchema,
  reason: textSchema.exactOptional(),
});

/**
 * The request of `shipAllocation`: a key, SKU, location, allocation id, a positive quantity and a
 * reference.
 *
 * @example
 * ```ts
 * import { shipAllocationRequestSchema } from 'ordercore/schemas';
 *
 * shipAllocationRequestSchema.safeParse({ key: 's', sku: 'SHIRT', location: 'dc', allocationId: 'a-1', quantity: 2 }).success; //=> true
 * shipAllocationRequestSchema.safeParse({ key: 's', sku: 'SHIRT', location: 'dc', quantity: 2 }).success; //=> false
 * ```
 */
export const shipAllocationRequestSchema: z.ZodType<ShipAllocationRequest, unknown> = plainObject({
  key: idSchema,
  sku: idSchema,
  location: idSchema,
  allocationId: idSchema,
  quantity: positiveSchema,
  reference: textSchema.exactOptional(),
});

// ---- parse functions --------------------------------------------------------------------------

/**
 * Validates an untrusted `reserve` request against {@link reserveRequestSchema}.
 *
 * @param input - Anything: a request body, a queued message.
 * @returns The request, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseReserveRequest } from 'ordercore/schemas';
 *
 * const r = parseReserveRequest(JSON.parse('{"key":"k","reservationId":"r-1","sku":"SHIRT","locations":["dc","store"],"quantity":2}'));
 * r.ok && r.value.locations; //=> ['dc', 'store']
 * const bad = parseReserveRequest({ key: 'k', reservationId: 'r-1', sku: 'SHIRT', quantity: 2 });
 * bad.ok || bad.error.issues.map((i) => `${i.path.join('.')}:${i.code}`); //=> ['location:required']
 * ```
 */
export function parseReserveRequest(input: unknown): Result<ReserveRequest, ValidationError> {
  return parseInput(reserveRequestSchema, input);
}

/**
 * Validates an untrusted `reserveBatch` request against {@link reserveBatchRequestSchema}.
 *
 * @param input - Anything: a checkout request body.
 * @returns The request, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseReserveBatchRequest } from 'ordercore/schemas';
 *
 * const bad = parseReserveBatchRequest({ key: 'b', lines: [{ reservationId: 'r-1', sku: 'SHIRT', location: 'dc', quantity: 0 }] });
 * bad.ok || bad.error.issues.map((i) => i.path.join('.')); //=> ['lines.0.quantity']
 * ```
 */
export function parseReserveBatchRequest(input: unknown): Result<ReserveBatchRequest, ValidationError> {
  return parseInput(reserveBatchRequestSchema, input);
}

/**
 * Validates an untrusted `extendReservation` request against {@link extendReservationRequestSchema}.
 *
 * @param input - Anything.
 * @returns The request, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseExtendReservationRequest } from 'ordercore/schemas';
 *
 * parseExtendReservationRequest({ key: 'x', reservationId: 'r-1' }).ok; //=> true
 * ```
 */
export function parseExtendReservationRequest(input: unknown): Result<ExtendReservationRequest, ValidationError> {
  return parseInput(extendReservationRequestSchema, input);
}

/**
 * Validates an untrusted `releaseReservation` request against {@link releaseReservationRequestSchema}.
 *
 * @param input - Anything.
 * @returns The request, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseReleaseReservationRequest } from 'ordercore/schemas';
 *
 * const bad = parseReleaseReservationRequest({ key: 'c', reservationId: 'r-1', quantity: '2' });
 * bad.ok || bad.error.issues.map((i) => i.path.join('.')); //=> ['quantity']
 * ```
 */
export function parseReleaseReservationRequest(input: unknown): Result<ReleaseReservationRequest, ValidationError> {
  return parseInput(releaseReservationRequestSchema, input);
}

/**
 * Validates an untrusted `commitReservation` request against {@link commitReservationRequestSchema}.
 *
 * @param input - Anything.
 * @returns The request, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseCommitReservationRequest } from 'ordercore/schemas';
 *
 * const bad = parseCommitReservationRequest({ key: 'c', reservationId: 'r-1', into: 'order' });
 * bad.ok || bad.error.issues.map((i) => i.path.join('.')); //=> ['into']
 * ```
 */
export function parseCommitReservationRequest(input: unknown): Result<CommitReservationRequest, ValidationError> {
  return parseInput(commitReservationRequestSchema, input);
}

/**
 * Validates an untrusted `expireReservations` request against {@link expireReservationsRequestSchema}.
 *
 * @param input - Anything.
 * @returns The request, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseExpireReservationsRequest } from 'ordercore/schemas';
 *
 * parseExpireReservationsRequest({ key: 'sweep-1' }).ok; //=> true
 * ```
 */
export function parseExpireReservationsRequest(input: unknown): Result<ExpireReservationsRequest, ValidationError> {
  return parseInput(expireReservationsRequestSchema, input);
}

/**
 * Validates an untrusted `releaseAllocation` request against {@link releaseAllocationRequestSchema}.
 *
 * @param input - Anything.
 * @returns The request, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseReleaseAllocationRequest } from 'ordercore/schemas';
 *
 * parseReleaseAllocationRequest({ key: 'd', sku: 'SHIRT', location: 'dc', allocationId: 'a-1', quantity: 2 }).ok; //=> true
 * ```
 */
export function parseReleaseAllocationRequest(input: unknown): Result<ReleaseAllocationRequest, ValidationError> {
  return parseInput(releaseAllocationRequestSchema, input);
}

/**
 * Validates an untrusted `shipAllocation` request against {@link shipAllocationRequestSchema}.
 *
 * @param input - Anything.
 * @returns The request, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseShipAllocationRequest } from 'ordercore/schemas';
 *
 * const bad = parseShipAllocationRequest({ key: 's', sku: 'SHIRT', location: 'dc', allocationId: 'a-1', quantity: 2 ** 53 });
 * bad.ok || bad.error.issues.map((i) => i.path.join('.')); //=> ['quantity']
 * ```
 */
export function parseShipAllocationRequest(input: unknown): Result<ShipAllocationRequest, ValidationError> {
  return parseInput(shipAllocationRequestSchema, input);
}
