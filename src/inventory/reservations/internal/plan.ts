// Plans reservation lines (one for `reserve`, many for `reserveBatch`): checks each line, picks the
// location of each stock line, checks the summed quantity per SKU and location against the one
// definition of available-to-promise (`promisable`), and builds the entries and preconditions.

import type { Result } from '../../../core/result.js';
import { show } from '../../../core/show.js';
import { InventoryError } from '../../errors.js';
import { backorderLimitOf, promisable, safetyStockOf } from '../../internal/available.js';
import { own } from '../../internal/fold.js';
import {
  balanceOf,
  byCodeUnits,
  type DraftEntry,
  keyReused,
  type OperationPlan,
  type ReplayContext,
  runOperation,
  withOptional,
} from '../../internal/operation.js';
import {
  type CheckedOptions,
  expiryAfterNow,
  field,
  invalidRequest,
  optionalInstant,
  optionalText,
  optionalTextList,
  positive,
  requestRecord,
  text,
} from '../../internal/requests.js';
import type { InventoryOperation, InventoryPrecondition, InventoryState } from '../../types.js';

/** A reservation line whose every field was checked. */
export interface CheckedLine {
  readonly reservationId: string;
  readonly sku: string;
  /** Exactly one of `location` and `locations` is set. */
  readonly location: string | undefined;
  readonly locations: readonly string[] | undefined;
  readonly quantity: number;
  readonly expiresAt: string | undefined;
  readonly owner: string | undefined;
  readonly reference: string | undefined;
}

/** Checks one line's fields; `prefix` names it in refusals (`''` or `'lines[2].'`). */
export function checkLine(line: unknown, prefix: string): CheckedLine {
  const name = prefix === '' ? '(request)' : prefix.slice(0, -1);
  const value = requestRecord(line, prefix === '' ? 'request' : `request.${name}`, name);
  const reservationId = text(value, 'reservationId', prefix);
  const sku = text(value, 'sku', prefix);
  const hasLocation = field(value, 'location') !== undefined;
  const hasLocations = field(value, 'locations') !== undefined;
  if (hasLocation && hasLocations)
    throw invalidRequest(`${prefix}locations`, 'give either location or locations (a stock), not both.');
  if (!hasLocation && !hasLocations)
    throw invalidRequest(`${prefix}location`, 'give a location, or locations (a stock) to choose from.');
  const location = hasLocation ? text(value, 'location', prefix) : undefined;
  const locations = hasLocations ? optionalTextList(value, 'locations', prefix, { nonEmpty: true }) : undefined;
  const quantity = positive(value, 'quantity', prefix);
  const expiresAt = optionalInstant(value, 'expiresAt', prefix);
  const owner = optionalText(value, 'owner', prefix);
  const reference = optionalText(value, 'reference', prefix);
  return { reservationId, sku, location, locations, quantity, expiresAt, owner, reference };
}

/**
 * The replay rule of `key`, already applied: refused as `idempotency_key_reused` when what it made
 * visibly differs from these lines (entry count, or a line's reservation record: missing, another
 * SKU, another quantity, or a location outside the line's location or stock).
 */
function linesReplay(
  lines: readonly CheckedLine[],
  prefixOf: (index: number) => string,
  written: readonly string[],
  { state, key }: ReplayContext,
): void {
  if (written.length !== lines.length)
    throw keyReused(key, `it wrote ${written.length} entries, this request has ${lines.length} lines`);
  lines.forEach((line, i) => {
    const record = own(state.reservations, line.reservationId);
    const where = `${prefixOf(i)}reservationId ${show(line.reservationId)}`;
    if (record === undefined) throw keyReused(key, `${where} was not made by it`);
    const sameLocation =
      line.location !== undefined
        ? record.location === line.location
        : (line.locations ?? []).includes(record.location);
    if (record.sku !== line.sku || record.reserved !== line.quantity || !sameLocation)
      throw keyReused(
        key,
        `${where} holds ${record.reserved} of ${show(record.sku)} at ${show(record.location)}, not this line`,
      );
  });
}

/** Units per SKU and location, with safe reads and writes for any string. */
class PairTotals {
  private readonly bySku = new Map<string, Map<string, number>>();
  get(sku: string, location: string): number {
    return this.bySku.get(sku)?.get(location) ?? 0;
  }
  add(sku: string, location: string, units: number): number {
    let byLocation = this.bySku.get(sku);
    if (byLocation === undefined) {
      byLocation = new Map();
      this.bySku.set(sku, byLocation);
    }
    const total = (byLocation.get(location) ?? 0) + units;
    byLocation.set(location, total);
    return total;
  }
  /** Every pair, ordered by SKU then location (code-unit order): preconditions never depend on line order. */
  sorted(): { sku: string; location: string; units: number }[] {
    const out: { sku: string; location: string; units: number }[] = [];
    for (const sku of [...this.bySku.keys()].sort(byCodeUnits)) {
      const byLocation = this.bySku.get(sku) as Map<string, number>;
      for (const location of [...byLocation.keys()].sort(byCodeUnits))
        out.push({ sku, location, units: byLocation.get(location) as number });
    }
    return out;
  }
}

/**
 * Plans the lines: fixed-location lines first (summed per SKU and location: they have no choice),
 * then stock lines in order, each at the first of its locations that can still hold the whole line
 * after what the batch already took there.
 */
function planLines(
  state: InventoryState,
  lines: readonly CheckedLine[],
  options: CheckedOptions,
  prefixOf: (index: number) => string,
): OperationPlan {
  const { nowMs, policy } = options;
  const batch = prefixOf(0) !== '';
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    if (seen.has(line.reservationId))
      throw invalidRequest(
        `${prefixOf(i)}reservationId`,
        `${show(line.reservationId)} appears twice in the batch; each line makes its own reservation.`,
      );
    seen.add(line.reservationId);
    expiryAfterNow(line.expiresAt, nowMs, `${prefixOf(i)}expiresAt`);
    const existing = own(state.reservations, line.reservationId);
    if (existing !== undefined)
      throw invalidRequest(
        `${prefixOf(i)}reservationId`,
        `reservation ${show(line.reservationId)} already exists (${existing.status}); a reservation id is used once.`,
        { reservationId: line.reservationId },
      );
  });

  const available = (sku: string, location: string): number =>
    promisable(balanceOf(state, sku, location), nowMs, safetyStockOf(policy, sku), backorderLimitOf(policy, sku));
  const taken = new PairTotals();
  const refuse = (i: number, details: Record<string, unknown>, message: string): InventoryError =>
    new InventoryError('insufficient_stock', message, batch ? { ...details, line: i } : details);

  // Fixed-location lines: summed per pair, then checked once per pair (in the order pairs first appear).
  lines.forEach((line, i) => {
    if (line.location === undefined) return;
    const total = taken.add(line.sku, line.location, line.quantity);
    if (!Number.isSafeInteger(total))
      throw invalidRequest(`${prefixOf(i)}quantity`, `the batch's total for ${show(line.sku)} is not a safe integer.`);
  });
  lines.forEach((line, i) => {
    if (line.location === undefined) return;
    const requested = taken.get(line.sku, line.location);
    const units = available(line.sku, line.location);
    if (requested > units)
      throw refuse(
        i,
        { sku: line.sku, location: line.location, requested, available: units },
        `${show(line.sku)} at ${show(line.location)}: ${requested} requested, ${units} available.`,
      );
  });

  // Stock lines: the first location, in the caller's order, that can hold the whole line.
  const chosen = lines.map((line) => line.location);
  lines.forEach((line, i) => {
    if (line.locations === undefined) return;
    const left = line.locations.map((location) => ({
      location,
      available: available(line.sku, location) - taken.get(line.sku, location),
    }));
    const pick = left.find((l) => l.available >= line.quantity);
    if (pick === undefined) {
      const best = Math.max(...left.map((l) => l.available));
      throw refuse(
        i,
        { sku: line.sku, locations: left, requested: line.quantity, available: best },
        `${show(line.sku)} in a stock of ${left.length} locations: ${line.quantity} requested, at most ${best} available at one location.`,
      );
    }
    chosen[i] = pick.location;
    if (!Number.isSafeInteger(taken.add(line.sku, pick.location, line.quantity)))
      throw invalidRequest(`${prefixOf(i)}quantity`, `the batch's total for ${show(line.sku)} is not a safe integer.`);
  });

  const drafts: DraftEntry[] = lines.map((line, i) =>
    withOptional(
      {
        kind: 'reservation',
        sku: line.sku,
        location: chosen[i] as string,
        quantity: line.quantity,
        reservationId: line.reservationId,
      },
      { expiresAt: line.expiresAt, owner: line.owner, reference: line.reference },
    ),
  );
  const preconditions: InventoryPrecondition[] = taken.sorted().map(({ sku, location, units }) => ({
    kind: 'available_at_least',
    sku,
    location,
    quantity: units,
    now: options.now,
    safetyStock: safetyStockOf(policy, sku),
    backorderLimit: backorderLimitOf(policy, sku),
  }));
  return { entries: drafts, preconditions };
}

/**
 * A reservation of lines (`reserve`: one, `reserveBatch`: many): `read` checks the request's lines,
 * `prefixOf(i)` names line `i` in refusals (`''` or `'lines[2].'`).
 */
export function reserveOperation(
  state: InventoryState,
  request: unknown,
  options: unknown,
  read: (request: Record<string, unknown>) => readonly CheckedLine[],
  prefixOf: (index: number) => string,
): Result<InventoryOperation, InventoryError> {
  return runOperation(state, request, options, {
    kind: 'reserve',
    read,
    replayed: (lines, written, context) => linesReplay(lines, prefixOf, written, context),
    plan: (lines, checked) => planLines(state, lines, checked, prefixOf),
  });
}
