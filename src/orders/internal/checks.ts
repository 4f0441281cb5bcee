// Defensive payload checks shared by the default machines' event validators, createOrder and
// transition: they return an issue naming the field instead of letting a TypeError escape.

import { show as describe, isRecord } from '../../core/show.js';
import type { EventIssue } from '../machine/types.js';
import type { Order } from '../types.js';

// The shared renderings: `describe` is core's `show` under the name the machines' checks use.
export { describe, isRecord };

const INSTANT =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** Valid instants already read: the same few recur on every call, so the regex runs once per value. */
const knownInstants = new Map<string, number>();
let lastInstant: string | undefined;
let lastMillis = Number.NaN;

/** Milliseconds since the epoch of a strict ISO 8601 instant with an offset, or NaN. */
export function instantMillis(value: unknown): number {
  if (typeof value !== 'string') return Number.NaN;
  // The same `now` comes with call after call: the last one answers without a map lookup.
  if (value === lastInstant) return lastMillis;
  const hit = knownInstants.get(value);
  if (hit !== undefined) {
    lastInstant = value;
    lastMillis = hit;
    return hit;
  }
  if (hit !== undefined) return hit;
  if (!INSTANT.test(value)) return Number.NaN;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  if (day > days) return Number.NaN;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) return Number.NaN;
  if (knownInstants.size >= 4096) knownInstants.clear();
  knownInstants.set(value, ms);
  return ms;
}

export function isInstant(value: unknown): boolean {
  return !Number.isNaN(instantMillis(value));
}

export function isPositiveInt(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) > 0;
}

export function isNonNegativeInt(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

export function issue(field: string, message: string): EventIssue {
  return { field, message };
}

export function checkString(event: Record<string, unknown>, field: string): EventIssue | undefined {
  const value = event[field];
  return isNonEmptyString(value) ? undefined : issue(field, `expected a non-empty string, got ${describe(value)}`);
}

export function checkOptionalString(event: Record<string, unknown>, field: string): EventIssue | undefined {
  const value = event[field];
  return value === undefined || typeof value === 'string'
    ? undefined
    : issue(field, `expected a string, got ${describe(value)}`);
}

export function checkInstant(event: Record<string, unknown>, field: string, optional = false): EventIssue | undefined {
  const value = event[field];
  if (optional && value === undefined) return undefined;
  return isInstant(value)
    ? undefined
    : issue(field, `expected an ISO 8601 instant with an offset, got ${describe(value)}`);
}

/** Money in the order's currency; `positive` also refuses zero. */
export function checkMoney(order: Order, value: unknown, field: string, positive: boolean): EventIssue | undefined {
  if (!isRecord(value) || !Number.isSafeInteger(value['amount']) || typeof value['currency'] !== 'string') {
    return issue(field, 'expected money { amount: safe integer minor units, currency }');
  }
  if (value['currency'] !== order.currency) {
    return issue(field, `expected money in ${order.currency}, got ${describe(value['currency'])}`);
  }
  const amount = value['amount'] as number;
  if (positive ? amount <= 0 : amount < 0)
    return issue(field, `expected a ${positive ? 'positive' : 'non-negative'} amount`);
  return undefined;
}

export function lineIndex(order: Order, lineId: string, hint = -1): number {
  const lines = order.lines;
  // Payloads usually list lines in the order's own order: try the hinted position first.
  if (hint >= 0 && hint < lines.length && (lines[hint] as { id: string }).id === lineId) return hint;
  for (let i = 0; i < lines.length; i++) if ((lines[i] as { id: string }).id === lineId) return i;
  return -1;
}

/**
 * `[{ lineId, <quantity fields> }]` with known, distinct line ids and positive (or non-negative)
 * safe-integer quantities; `allowEmpty` lets an empty array through.
 */
export function checkLineList(
  order: Order,
  value: unknown,
  field: string,
  quantityFields: readonly string[],
  options: {
    readonly allowEmpty?: boolean;
    readonly zeroAllowed?: boolean;
    /** More checks on one item; `path()` spells the item's path (only needed for an issue). */
    readonly extra?: (item: Record<string, unknown>, path: () => string) => EventIssue | undefined;
  } = {},
): EventIssue | undefined {
  if (!Array.isArray(value)) return issue(field, `expected an array, got ${describe(value)}`);
  if (value.length === 0 && options.allowEmpty !== true) return issue(field, 'expected at least one line');
  if (value.length > 10_000) return issue(field, 'expected at most 10000 lines');
  // Paths are only spelled out for an issue (or for `extra`): a valid list costs no strings.
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (!isRecord(item)) return issue(`${field}[${i}]`, `expected an object, got ${describe(item)}`);
    const lineId = item['lineId'];
    if (!isNonEmptyString(lineId))
      return issue(`${field}[${i}].lineId`, `expected a non-empty string, got ${describe(lineId)}`);
    if (lineIndex(order, lineId, i) < 0)
      return issue(`${field}[${i}].lineId`, `no line ${describe(lineId)} on the order`);
    for (let j = 0; j < i; j++) {
      if ((value[j] as { lineId: unknown }).lineId === lineId)
        return issue(`${field}[${i}].lineId`, `line ${describe(lineId)} is listed twice`);
    }
    let sum = 0;
    for (const q of quantityFields) {
      const quantity = item[q];
      const okQuantity = options.zeroAllowed === true ? isNonNegativeInt(quantity) : isPositiveInt(quantity);
      if (!okQuantity) {
        return issue(
          `${field}[${i}].${q}`,
          `expected a ${options.zeroAllowed === true ? 'non-negative' : 'positive'} safe integer, got ${describe(quantity)}`,
        );
      }
      sum += quantity as number;
    }
    if (options.zeroAllowed === true && sum === 0) return issue(`${field}[${i}]`, 'expected a positive quantity');
    if (options.extra !== undefined) {
      const extra = options.extra(item, () => `${field}[${i}]`);
      if (extra !== undefined) return extra;
    }
  }
  return undefined;
}
