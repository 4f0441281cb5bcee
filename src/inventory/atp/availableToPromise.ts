import { parseInstant } from '../../core/instant.js';
import { err, ok, type Result } from '../../core/result.js';
import { isRecord, show } from '../../core/show.js';
import { InventoryError } from '../errors.js';
import { promisable } from '../internal/available.js';
import { own } from '../internal/fold.js';
import type { InventoryState, StockBalance } from '../types.js';
import { checkOptionalString, isNonEmptyString, policyFor, refuse } from './internal/checks.js';
import type { AvailabilityOptions, AvailabilityQuery, LocationAvailability, StockAvailability } from './types.js';

/** One location's figure, read from its folded balance: linear in its open holds, never in the ledger. */
function atLocation(
  balance: StockBalance | undefined,
  location: string,
  nowMs: number,
  safetyStock: number,
  backorderLimit: number,
  excludeOwner: string | undefined,
): LocationAvailability {
  // The figure itself is the one shared definition (the same reservations and adapters check);
  // the parts below only explain it.
  const figure = promisable(balance, nowMs, safetyStock, backorderLimit, excludeOwner);
  let activeHolds = 0;
  let expiredHolds = 0;
  let ownHolds = 0;
  let incoming = 0;
  if (balance !== undefined) {
    for (const hold of balance.holds) {
      if (hold.expiresAt !== undefined && (parseInstant(hold.expiresAt) ?? 0) <= nowMs) expiredHolds += hold.quantity;
      else if (excludeOwner !== undefined && hold.owner === excludeOwner) ownHolds += hold.quantity;
      else activeHolds += hold.quantity;
    }
    for (const receipt of balance.incoming) incoming += receipt.quantity;
  }
  const available = Math.max(figure, 0);
  const physical = figure - backorderLimit;
  const fromStock = Math.max(physical, 0);
  return {
    location,
    onHand: balance?.onHand ?? 0,
    allocated: balance?.allocated ?? 0,
    reserved: balance?.reserved ?? 0,
    activeHolds,
    expiredHolds,
    ownHolds,
    safetyStock,
    backorderLimit,
    promisable: figure,
    available,
    fromStock,
    onBackorder: available - fromStock,
    shortfall: figure < 0 ? -figure : 0,
    inTransit: balance?.inTransit ?? 0,
    incoming,
    version: balance?.version ?? 0,
  };
}

/** The query's locations, checked: one, or a non-empty list of distinct ids. */
function locationsOf(query: Record<string, unknown>): readonly string[] | InventoryError {
  const hasOne = query['location'] !== undefined;
  const hasMany = query['locations'] !== undefined;
  if (hasOne === hasMany)
    return refuse('invalid_request', 'location', 'give exactly one of `location` or `locations`.');
  if (hasOne) {
    const location = query['location'];
    return isNonEmptyString(location)
      ? [location]
      : refuse('invalid_request', 'location', `expected a non-empty string, got ${show(location)}.`);
  }
  const locations = query['locations'];
  if (!Array.isArray(locations) || locations.length === 0)
    return refuse(
      'invalid_request',
      'locations',
      `expected a non-empty array of location ids, got ${show(locations)}.`,
    );
  const seen = new Set<string>();
  for (let i = 0; i < locations.length; i++) {
    const location: unknown = locations[i];
    if (!isNonEmptyString(location))
      return refuse('invalid_request', `locations[${i}]`, `expected a non-empty string, got ${show(location)}.`);
    if (seen.has(location))
      return refuse(
        'invalid_request',
        `locations[${i}]`,
        `${show(location)} is listed twice (a stock counts each location once).`,
      );
    seen.add(location);
  }
  return locations as string[];
}

/**
 * Available to promise for one SKU at one location or across a stock, at `now`: per location
 * `onHand − allocated − holds not expired at now (the caller's own excluded) − safety stock +
 * backorder limit` — the one definition reservations and adapters check — with each part reported,
 * `available` (never negative) and `shortfall` (how far a location is oversold). Across a stock the
 * totals are sums over the locations: `available` is what the locations would accept between them,
 * since a reservation is checked at the location it is made at; an oversold location does not lower
 * another's figure, and safety stock and backorder limits, set per SKU, apply at every location.
 *
 * Reads the folded balances only: constant in the ledger's length, linear in the open holds.
 *
 * @param state - The folded ledger (`foldLedger`, `applyLedgerEntries`).
 * @param query - `{ sku, location }` or `{ sku, locations }` (distinct ids; a location the ledger
 *   never touched counts as empty).
 * @param options - `now` (holds with `expiresAt ≤ now` are ignored), `policy` (safety stock and
 *   backorder limits, default none), `excludeOwner` (the caller's own holds do not count).
 * @returns The figure per location and the totals, or `invalid_request` / `invalid_instant` /
 *   `invalid_options` naming the field.
 * @example
 * ```ts
 * import { availableToPromise, foldLedger } from 'ordercore/inventory';
 *
 * const state = foldLedger([
 *   { id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 20, at: '2026-11-01T08:00:00Z' },
 *   { id: 'e-2', kind: 'allocation', sku: 'SHIRT', location: 'dc', quantity: 4, at: '2026-11-02T08:00:00Z' },
 *   { id: 'e-3', kind: 'reservation', sku: 'SHIRT', location: 'dc', quantity: 3, at: '2026-11-22T09:00:00Z',
 *     reservationId: 'r-1', expiresAt: '2026-11-22T09:30:00Z' },
 *   { id: 'e-4', kind: 'reservation', sku: 'SHIRT', location: 'dc', quantity: 2, at: '2026-11-22T09:55:00Z',
 *     reservationId: 'r-2', expiresAt: '2026-11-22T10:25:00Z', owner: 'cart-9' },
 * ]);
 * const r = availableToPromise(state, { sku: 'SHIRT', location: 'dc' }, {
 *   now: '2026-11-22T10:00:00Z', policy: { safetyStock: { SHIRT: 1 } },
 * });
 * r.ok && r.value.available; //=> 13
 * const mine = availableToPromise(state, { sku: 'SHIRT', location: 'dc' }, { now: '2026-11-22T10:00:00Z', excludeOwner: 'cart-9' });
 * mine.ok && [mine.value.locations[0]?.expiredHolds, mine.value.locations[0]?.ownHolds, mine.value.available]; //=> [3, 2, 16]
 * ```
 */
export function availableToPromise(
  state: InventoryState,
  query: AvailabilityQuery,
  options: AvailabilityOptions,
): Result<StockAvailability, InventoryError> {
  if (!isRecord(state) || !isRecord(state.balances))
    return err(refuse('invalid_request', 'state', `expected a folded inventory state, got ${show(state)}.`));
  if (!isRecord(query))
    return err(refuse('invalid_request', 'query', `expected { sku, location(s) }, got ${show(query)}.`));
  const sku = query.sku;
  if (!isNonEmptyString(sku))
    return err(refuse('invalid_request', 'sku', `expected a non-empty string, got ${show(sku)}.`));
  const locations = locationsOf(query);
  if (locations instanceof InventoryError) return err(locations);
  if (!isRecord(options))
    return err(refuse('invalid_options', 'options', `expected { now, ... }, got ${show(options)}.`));
  const nowMs = parseInstant(options.now);
  if (nowMs === undefined)
    return err(refuse('invalid_instant', 'now', `${show(options.now)} is not an ISO 8601 instant with an offset.`));
  const policy = policyFor(options.policy, sku);
  if (policy instanceof InventoryError) return err(policy);
  const badOwner = checkOptionalString(options.excludeOwner, 'excludeOwner', 'invalid_options');
  if (badOwner !== undefined) return err(badOwner);

  const bySku = own(state.balances, sku);
  const figures: LocationAvailability[] = [];
  let onHand = 0;
  let available = 0;
  let fromStock = 0;
  let onBackorder = 0;
  let shortfall = 0;
  for (const location of locations) {
    const balance = bySku === undefined ? undefined : own(bySku, location);
    const figure = atLocation(
      balance,
      location,
      nowMs,
      policy.safetyStock,
      policy.backorderLimit,
      options.excludeOwner,
    );
    figures.push(figure);
    onHand += figure.onHand;
    available += figure.available;
    fromStock += figure.fromStock;
    onBackorder += figure.onBackorder;
    shortfall += figure.shortfall;
  }
  return ok({ sku, now: options.now, locations: figures, onHand, available, fromStock, onBackorder, shortfall });
}
