import { PricingError } from '../errors.js';
import type { Instant, ValidityWindow } from '../types.js';

// Strict ISO 8601 instant: date, time, optional fraction, and an explicit offset (Z or ±hh:mm).
// Date.parse alone accepts far more (and reads offset-less strings in the machine's zone).
const INSTANT =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** Valid instants already read: reading is pure, and the same few instants recur on every call. */
const known = new Map<string, number>();

/** Milliseconds since the epoch of an instant, or a typed error naming the field. */
export function instantMillis(value: unknown, field: string): number {
  if (typeof value === 'string') {
    const hit = known.get(value);
    if (hit !== undefined) return hit;
  }
  const ms = typeof value === 'string' && INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isFinite(ms)) {
    if (known.size >= 1024) known.clear();
    known.set(value as string, ms);
  } else {
    throw new PricingError(
      'invalid_instant',
      `${field}: ${JSON.stringify(String(value)).slice(0, 60)} is not an ISO 8601 instant with an offset (e.g. '2026-11-22T10:00:00Z').`,
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

export function windowMillis(window: ValidityWindow | undefined, field: string): WindowMillis {
  return {
    from: window?.from === undefined ? Number.NEGATIVE_INFINITY : instantMillis(window.from, `${field}.from`),
    until: window?.until === undefined ? Number.POSITIVE_INFINITY : instantMillis(window.until, `${field}.until`),
  };
}

export function isActive(window: WindowMillis, now: number): boolean {
  return window.from <= now && now < window.until;
}

export type { Instant };
