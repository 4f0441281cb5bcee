// Shared by the reservation operations: request and option checks that name the field, the replay
// of a known key, the refusal builders, and turning entries plus preconditions into an applied
// `InventoryOperation` through `applyIntent` (the one fold: no balance is written here).
//
// Checks throw an InventoryError that `guard` turns into a Result, so a refusal deep inside a check
// does not have to be threaded through every caller.

import { parseInstant } from '../../../core/instant.js';
import { err, ok, type Result } from '../../../core/result.js';
import { isRecord, show } from '../../../core/show.js';
import { applyIntent } from '../../applyIntent.js';
import { InventoryError } from '../../errors.js';
import { own } from '../../internal/fold.js';
import type {
  AvailabilityPolicy,
  InventoryIntent,
  InventoryOperation,
  InventoryOperationKind,
  InventoryPrecondition,
  InventoryState,
  LedgerEntry,
  ReservationRecord,
  StockBalance,
} from '../../types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
/** A ledger entry under construction (id, `at` and `operation` are stamped by `operationOf`). */
export type DraftEntry = Omit<Mutable<LedgerEntry>, 'id' | 'at' | 'operation'>;

/** The options, checked. */
export interface CheckedOptions {
  readonly now: string;
  readonly nowMs: number;
  readonly policy: AvailabilityPolicy | undefined;
}

/** Runs checks that throw InventoryErrors and returns their refusal as a value. */
export function guard<T>(run: () => Result<T, InventoryError>): Result<T, InventoryError> {
  try {
    return run();
  } catch (error) {
    if (error instanceof InventoryError) return err(error);
    throw error;
  }
}

/** An `invalid_request` naming the field. */
export function invalidRequest(field: string, reason: string, details: Record<string, unknown> = {}): InventoryError {
  return new InventoryError('invalid_request', `request.${field}: ${reason}`, { field, ...details });
}

/** An own field of a record (never one inherited through a prototype). */
export function field(record: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

/** The request as a record, or a refusal. */
export function requestRecord(request: unknown, name = 'request'): Record<string, unknown> {
  if (!isRecord(request))
    throw new InventoryError('invalid_request', `${name}: expected an object, got ${show(request)}.`, {
      field: name === 'request' ? '(request)' : name.replace(/^request\./, ''),
    });
  return request;
}

/** A required non-empty string field. */
export function text(record: Record<string, unknown>, name: string, prefix = ''): string {
  const value = field(record, name);
  if (typeof value !== 'string' || value.length === 0)
    throw invalidRequest(`${prefix}${name}`, `expected a non-empty string, got ${show(value)}.`);
  return value;
}

/** An optional non-empty string field (absent or undefined: undefined). */
export function optionalText(record: Record<string, unknown>, name: string, prefix = ''): string | undefined {
  return field(record, name) === undefined ? undefined : text(record, name, prefix);
}

/** A positive safe integer field. */
export function positive(record: Record<string, unknown>, name: string, prefix = ''): number {
  const value = field(record, name);
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0)
    throw invalidRequest(`${prefix}${name}`, `expected a positive safe integer, got ${show(value)}.`);
  return value;
}

/** An optional positive safe integer field. */
export function optionalPositive(record: Record<string, unknown>, name: string, prefix = ''): number | undefined {
  return field(record, name) === undefined ? undefined : positive(record, name, prefix);
}

/** An optional instant field (shape only: whether it is after `now` is `expiryAfterNow`'s). */
export function optionalInstant(record: Record<string, unknown>, name: string, prefix = ''): string | undefined {
  const value = field(record, name);
  if (value === undefined) return undefined;
  if (parseInstant(value) === undefined)
    throw new InventoryError(
      'invalid_instant',
      `request.${prefix}${name}: ${show(value)} is not an ISO 8601 instant with an offset.`,
      { field: `${prefix}${name}` },
    );
  return value as string;
}

/**
 * Refuses an expiry at or before `now`: such a hold would be born expired. Checked after the replay
 * rule, so a retried request whose expiry has passed meanwhile is still recognised as a replay.
 */
export function expiryAfterNow(expiresAt: string | undefined, nowMs: number, fieldName: string): void {
  if (expiresAt === undefined || (parseInstant(expiresAt) ?? 0) > nowMs) return;
  throw new InventoryError(
    'invalid_instant',
    `request.${fieldName}: ${show(expiresAt)} is not after now; a hold that expires at or before now is expired already.`,
    { field: fieldName },
  );
}

/** An array field of non-empty strings without duplicates (optional). */
export function optionalTextList(
  record: Record<string, unknown>,
  name: string,
  prefix = '',
  options: { readonly nonEmpty: boolean } = { nonEmpty: false },
): readonly string[] | undefined {
  const value = field(record, name);
  if (value === undefined) return undefined;
  if (!Array.isArray(value))
    throw invalidRequest(`${prefix}${name}`, `expected an array of non-empty strings, got ${show(value)}.`);
  if (options.nonEmpty && value.length === 0) throw invalidRequest(`${prefix}${name}`, 'must not be empty.');
  const seen = new Set<string>();
  for (let i = 0; i < value.length; i += 1) {
    const item: unknown = value[i];
    if (typeof item !== 'string' || item.length === 0)
      throw invalidRequest(`${prefix}${name}[${i}]`, `expected a non-empty string, got ${show(item)}.`);
    if (seen.has(item)) throw invalidRequest(`${prefix}${name}[${i}]`, `${show(item)} appears twice.`);
    seen.add(item);
  }
  return value as string[];
}

/** The options' `now` and policy, checked, or a refusal. */
export function checkOptions(options: unknown): CheckedOptions {
  if (!isRecord(options))
    throw new InventoryError('invalid_options', `options: expected an object, got ${show(options)}.`, {
      field: '(options)',
    });
  const now = field(options, 'now');
  const nowMs = parseInstant(now);
  if (nowMs === undefined)
    throw new InventoryError(
      'invalid_instant',
      `options.now: ${show(now)} is not an ISO 8601 instant with an offset.`,
      {
        field: 'now',
      },
    );
  const policy = field(options, 'policy');
  if (policy !== undefined) {
    if (!isRecord(policy))
      throw new InventoryError('invalid_options', `options.policy: expected an object, got ${show(policy)}.`, {
        field: 'policy',
      });
    for (const part of ['safetyStock', 'backorderLimit'] as const) {
      const table = field(policy, part);
      if (table === undefined) continue;
      if (!isRecord(table))
        throw new InventoryError('invalid_options', `options.policy.${part}: expected an object, got ${show(table)}.`, {
          field: `policy.${part}`,
        });
      for (const sku of Object.keys(table)) {
        const units = table[sku];
        if (typeof units !== 'number' || !Number.isSafeInteger(units) || units < 0)
          throw new InventoryError(
            'invalid_options',
            `options.policy.${part}[${show(sku)}]: expected a non-negative safe integer, got ${show(units)}.`,
            { field: `policy.${part}`, sku },
          );
      }
    }
  }
  return { now: now as string, nowMs, policy: policy as AvailabilityPolicy | undefined };
}

/** The balance of a SKU at a location in a state, if the ledger ever moved it. */
export function balanceOf(state: InventoryState, sku: string, location: string): StockBalance | undefined {
  const bySku = own(state.balances, sku);
  return bySku === undefined ? undefined : own(bySku, location);
}

/** The entry ids a key already wrote, or undefined when the key was never applied. */
export function appliedEntryIds(state: InventoryState, key: string): readonly string[] | undefined {
  return own(state.operations, key)?.entryIds;
}

/** The replay of an applied key: nothing written, the input state returned. */
export function replay(
  state: InventoryState,
  key: string,
  kind: InventoryOperationKind,
): Result<InventoryOperation, InventoryError> {
  return ok({ state, intent: { key, kind, entries: [], preconditions: [] }, replayed: true });
}

/** `idempotency_key_reused`: the key did something visibly different from this request. */
export function keyReused(key: string, why: string): InventoryError {
  return new InventoryError(
    'idempotency_key_reused',
    `request.key: ${show(key)} was already used for a different request (${why}).`,
    { field: 'key', key },
  );
}

/** Whether the hold of a record has expired at `nowMs`. */
export function isExpired(record: { readonly expiresAt?: string }, nowMs: number): boolean {
  return record.expiresAt !== undefined && (parseInstant(record.expiresAt) ?? 0) <= nowMs;
}

/**
 * The record of a reservation that still holds units, or the refusal: `unknown_reservation`,
 * `reservation_not_active` and, unless `expiredAllowed`, `reservation_expired`.
 */
export function activeRecord(
  state: InventoryState,
  reservationId: string,
  nowMs: number,
  expiredAllowed: boolean,
): ReservationRecord {
  const record = own(state.reservations, reservationId);
  if (record === undefined)
    throw new InventoryError('unknown_reservation', `request.reservationId: no reservation ${show(reservationId)}.`, {
      field: 'reservationId',
      reservationId,
    });
  if (record.open <= 0)
    throw new InventoryError(
      'reservation_not_active',
      `reservation ${show(reservationId)} is ${record.status}; it holds no units.`,
      { field: 'reservationId', reservationId, status: record.status },
    );
  if (!expiredAllowed && isExpired(record, nowMs))
    throw new InventoryError(
      'reservation_expired',
      `reservation ${show(reservationId)} expired at ${record.expiresAt ?? ''}; an expired hold can only be released.`,
      { field: 'reservationId', reservationId, expiresAt: record.expiresAt ?? null },
    );
  return record;
}

/** The units a release or commit takes from a hold (default: all it holds), or `hold_exceeded`. */
export function unitsFrom(record: ReservationRecord, quantity: number | undefined): number {
  const units = quantity ?? record.open;
  if (units > record.open)
    throw new InventoryError(
      'hold_exceeded',
      `request.quantity: reservation ${show(record.reservationId)} holds ${record.open}, fewer than ${units}.`,
      { field: 'quantity', reservationId: record.reservationId, requested: units, held: record.open },
    );
  return units;
}

/** Stamps draft entries with ids, `at` and `operation`, in order. */
export function stamp(key: string, now: string, drafts: readonly DraftEntry[]): LedgerEntry[] {
  return drafts.map((draft, i) => ({ id: `${key}#${i}`, ...draft, at: now, operation: key }));
}

/** The intent for drafts, applied to `state` the way an adapter would (`applyIntent`). */
export function operationOf(
  state: InventoryState,
  key: string,
  kind: InventoryOperationKind,
  now: string,
  drafts: readonly DraftEntry[],
  preconditions: readonly InventoryPrecondition[],
): Result<InventoryOperation, InventoryError> {
  const intent: InventoryIntent = {
    key,
    kind,
    entries: stamp(key, now, drafts),
    preconditions: [{ kind: 'operation_absent', key }, ...preconditions],
  };
  const applied = applyIntent(state, intent);
  if (!applied.ok) return applied;
  return ok({ state: applied.value.state, intent, replayed: applied.value.replayed });
}

/** Copies the optional string fields that are present onto a draft. */
export function withOptional(draft: DraftEntry, fields: Readonly<Record<string, string | undefined>>): DraftEntry {
  const target = draft as Record<string, unknown>;
  for (const name of Object.keys(fields)) {
    const value = fields[name];
    if (value !== undefined) target[name] = value;
  }
  return draft;
}
