// Shared instant parsing for modules that read `now` and timestamps (internal: not exported).

// Strict ISO 8601 instant: date, time, optional fraction, and an explicit offset (Z or ±hh:mm).
// Date.parse alone accepts far more (and reads offset-less strings in the host's zone).
const INSTANT =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** Instants already read: parsing is pure, and the same instants recur (expiries, `now`). */
const known = new Map<string, number>();

/**
 * Milliseconds since the epoch of an ISO 8601 instant with an explicit offset on a real calendar
 * day, or `undefined` for anything else (Date.parse would roll '2026-02-30' into March).
 */
export function parseInstant(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const hit = known.get(value);
  if (hit !== undefined) return hit;
  const match = INSTANT.exec(value);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  if (Number(match[3]) > days) return undefined;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) return undefined;
  if (known.size >= 4096) known.clear();
  known.set(value, ms);
  return ms;
}
