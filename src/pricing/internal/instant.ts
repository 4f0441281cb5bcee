import { show } from '../../core/show.js';
import { PricingError } from '../errors.js';
import type { Instant, ValidityWindow } from '../types.js';

// Strict ISO 8601 instant: date, time, optional fraction, and an explicit offset (Z or ±hh:mm).
// Date.parse alone accepts far more (and reads offset-less strings in the machine's zone).
const INSTANT =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** Whether the date part names a real day: Date.parse would roll '2026-02-30' over into March. */
function isCalendarDate(value: string): boolean {
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/** Valid instants already read: reading is pure, and the same few instants recur on every call. */
const known = new Map<string, number>();

/** Milliseconds since the epoch of an instant, or a typed error naming the field. */
export function instantMillis(value: unknown, field: string): number {
  if (typeof value === 'string') {
    const hit = known.get(value);
    if (hit !== undefined) return hit;
  }
  const ms = typeof value === 'string' && INSTANT.test(value) && isCalendarDate(value) ? Date.parse(value) : Number.NaN;
  if (Number.isFinite(ms)) {
    if (known.size >= 1024) known.clear();
    known.set(value as string, ms);
  } else {
    throw new PricingError(
      'invalid_instant',
      `${field}: ${show(value)} is not an ISO 8601 instant with an offset and a real calendar date (e.g. '2026-11-22T10:00:00Z').`,
      { field },
    );
  }
  return ms;
}

/** A validity window as millisecond bounds (±Infinity when open). */
export interface WindowMillis {
  readonly from: number;
  readonly until: number;
}

/** Windows already read (by object: windows are parts of immutable catalogs and promotions). */
const windows = new WeakMap<ValidityWindow, WindowMillis>();

export function windowMillis(window: ValidityWindow | undefined, field: string): WindowMillis {
  if (window !== undefined && (typeof window !== 'object' || window === null || Array.isArray(window))) {
    throw new PricingError('invalid_instant', `${field}: expected { from?, until? } with ISO 8601 instants.`, {
      field,
    });
  }
  if (window === undefined) return ALWAYS;
  const known = windows.get(window);
  if (known !== undefined) return known;
  const millis = {
    from: window.from === undefined ? Number.NEGATIVE_INFINITY : instantMillis(window.from, `${field}.from`),
    until: window.until === undefined ? Number.POSITIVE_INFINITY : instantMillis(window.until, `${field}.until`),
  };
  windows.set(window, millis);
  return millis;
}

const ALWAYS: WindowMillis = Object.freeze({ from: Number.NEGATIVE_INFINITY, until: Number.POSITIVE_INFINITY });

export function isActive(window: WindowMillis, now: number): boolean {
  return window.from <= now && now < window.until;
}

export type { Instant };
