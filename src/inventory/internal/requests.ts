// The request and option checks of every inventory operation (ledger and reservations): each names
// the field it refuses (`details.field`) and says why, in one wording shared by all operations.
//
// Checks throw an InventoryError that `guard` (internal/operation.ts) turns into a Result: a refusal
// deep inside a check must not need every caller to thread a Result through. Fields are read as own
// properties only, so nothing inherited through a prototype is ever taken for the caller's input.

import { parseInstant } from '../../core/instant.js';
import { isRecord, show } from '../../core/show.js';
import { InventoryError } from '../errors.js';
import type { AvailabilityPolicy } from '../types.js';

/** The options, checked. */
export interface CheckedOptions {
  /** The current instant, as given. */
  readonly now: string;
  /** `now` in epoch milliseconds. */
  readonly nowMs: number;
  /** Safety stock and backorder limits, if any. */
  readonly policy: AvailabilityPolicy | undefined;
}

/** The sign rule of an integer field. */
export type IntegerRule = 'positive' | 'nonzero' | 'nonnegative' | 'any';

const WANTED: Readonly<Record<IntegerRule, string>> = {
  positive: 'a positive',
  nonzero: 'a non-zero',
  nonnegative: 'a non-negative',
  any: 'a',
};

/** An `invalid_request` naming the field. */
export function invalidRequest(field: string, reason: string, details: Record<string, unknown> = {}): InventoryError {
  return new InventoryError('invalid_request', `request.${field}: ${reason}`, { field, ...details });
}

/** An own field of a record (never one inherited through a prototype). */
export function field(record: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

/**
 * The request (or one element of it) as a record, or a refusal: `name` starts the message,
 * `fieldName` is the refusal's `details.field`.
 */
export function requestRecord(request: unknown, name = 'request', fieldName = '(request)'): Record<string, unknown> {
  if (!isRecord(request))
    throw new InventoryError('invalid_request', `${name}: expected an object, got ${show(request)}.`, {
      field: fieldName,
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

/** A required string that says something (not blank). */
export function reasonText(record: Record<string, unknown>, name: string): string {
  const value = text(record, name);
  if (value.trim().length === 0) throw invalidRequest(name, 'must not be blank.');
  return value;
}

/** An optional non-empty string field (absent or undefined: undefined). */
export function optionalText(record: Record<string, unknown>, name: string, prefix = ''): string | undefined {
  return field(record, name) === undefined ? undefined : text(record, name, prefix);
}

/** A safe integer field with a sign rule. */
export function integer(record: Record<string, unknown>, name: string, rule: IntegerRule, prefix = ''): number {
  const value = field(record, name);
  const fits =
    typeof value === 'number' &&
    Number.isSafeInteger(value) &&
    (rule === 'positive' ? value > 0 : rule === 'nonzero' ? value !== 0 : rule === 'nonnegative' ? value >= 0 : true);
  if (!fits) throw invalidRequest(`${prefix}${name}`, `expected ${WANTED[rule]} safe integer, got ${show(value)}.`);
  return value as number;
}

/** A positive safe integer field. */
export function positive(record: Record<string, unknown>, name: string, prefix = ''): number {
  return integer(record, name, 'positive', prefix);
}

/** An optional positive safe integer field. */
export function optionalPositive(record: Record<string, unknown>, name: string, prefix = ''): number | undefined {
  return field(record, name) === undefined ? undefined : positive(record, name, prefix);
}

/** An `invalid_instant` naming the field. */
function invalidInstant(path: string, value: unknown, fieldName: string): InventoryError {
  return new InventoryError('invalid_instant', `${path}: ${show(value)} is not an ISO 8601 instant with an offset.`, {
    field: fieldName,
  });
}

/** An optional instant field (shape only: whether it is after `now` is `expiryAfterNow`'s). */
export function optionalInstant(record: Record<string, unknown>, name: string, prefix = ''): string | undefined {
  const value = field(record, name);
  if (value === undefined) return undefined;
  if (parseInstant(value) === undefined) throw invalidInstant(`request.${prefix}${name}`, value, `${prefix}${name}`);
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

/** An `invalid_options` naming the field. */
function invalidOptions(path: string, reason: string, details: Record<string, unknown>): InventoryError {
  return new InventoryError('invalid_options', `${path}: ${reason}`, details);
}

/** The options' `now` and policy, checked, or a refusal. */
export function checkOptions(options: unknown): CheckedOptions {
  if (!isRecord(options))
    throw invalidOptions('options', `expected an object, got ${show(options)}.`, { field: '(options)' });
  const now = field(options, 'now');
  const nowMs = parseInstant(now);
  if (nowMs === undefined) throw invalidInstant('options.now', now, 'now');
  const policy = field(options, 'policy');
  if (policy !== undefined) {
    if (!isRecord(policy))
      throw invalidOptions('options.policy', `expected an object, got ${show(policy)}.`, { field: 'policy' });
    for (const part of ['safetyStock', 'backorderLimit'] as const) {
      const table = field(policy, part);
      if (table === undefined) continue;
      if (!isRecord(table))
        throw invalidOptions(`options.policy.${part}`, `expected an object, got ${show(table)}.`, {
          field: `policy.${part}`,
        });
      for (const sku of Object.keys(table)) {
        const units = table[sku];
        if (typeof units !== 'number' || !Number.isSafeInteger(units) || units < 0)
          throw invalidOptions(
            `options.policy.${part}[${show(sku)}]`,
            `expected a non-negative safe integer, got ${show(units)}.`,
            { field: `policy.${part}`, sku },
          );
      }
    }
  }
  return { now: now as string, nowMs, policy: policy as AvailabilityPolicy | undefined };
}
