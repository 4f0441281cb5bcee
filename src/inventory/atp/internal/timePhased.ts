import type { InventoryError } from '../../errors.js';
import type { TimePhasedInput } from '../types.js';
import { checkTimePhased } from './checks.js';

// The time-phased kernels: one plain loop over the periods that checks each one as it reads it,
// one output array, no other allocation (365 periods take about a microsecond). On any bad field
// the slow path (checkTimePhased) names it.

/** A non-negative safe integer (inlined by the engine; `checkTimePhased` gives the message). */
export function isQuantity(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= Number.MAX_SAFE_INTEGER && Math.floor(value) === value;
}

/** Whether the input's top level is `{ onHand: safe integer, periods: non-empty array }`. */
export function shapeOk(input: unknown): input is TimePhasedInput {
  if (typeof input !== 'object' || input === null) return false;
  const { onHand, periods } = input as { onHand?: unknown; periods?: unknown };
  return Number.isSafeInteger(onHand) && Array.isArray(periods) && periods.length > 0;
}

/** The refusal for an input the fast path did not accept. */
export function refusal(input: unknown): InventoryError {
  const error = checkTimePhased(input);
  // The fast path and checkTimePhased accept the same inputs; this only guards against drift.
  if (error === undefined) throw new Error('ordercore: time-phased checks disagree');
  return error;
}

/**
 * The running sum of on hand + receipts − demand, per period (the projected balance of committed
 * demand), checking every field as it goes; the refusal naming the first bad one otherwise.
 */
export function cumulative(input: TimePhasedInput): number[] | InventoryError {
  if (!shapeOk(input)) return refusal(input);
  const periods = input.periods;
  const n = periods.length;
  const out: number[] = new Array(n);
  let running = input.onHand;
  let bound = running < 0 ? -running : running;
  for (let t = 0; t < n; t++) {
    const period = periods[t];
    if (typeof period !== 'object' || period === null || Array.isArray(period)) return refusal(input);
    const receipts = period.receipts;
    const demand = period.demand;
    if (!isQuantity(receipts) || !isQuantity(demand)) return refusal(input);
    if (period.label !== undefined && typeof period.label !== 'string') return refusal(input);
    bound += receipts + demand;
    running += receipts - demand;
    out[t] = running;
  }
  if (bound > Number.MAX_SAFE_INTEGER) return refusal(input);
  return out;
}

/**
 * Look-ahead ATP in place over the cumulative figures: each period keeps the least cumulative
 * figure of itself and every later period, floored at 0. Backward consumption, in one pass: a later
 * period's shortage lowers what every earlier period may promise.
 */
export function lookAheadInPlace(cumulativeAtp: number[]): { shortfall: number; firstShortPeriod: number | null } {
  let firstShortPeriod: number | null = null;
  let least = Number.POSITIVE_INFINITY;
  for (let t = cumulativeAtp.length - 1; t >= 0; t--) {
    const value = cumulativeAtp[t] as number;
    if (value < 0) firstShortPeriod = t;
    if (value < least) least = value;
    cumulativeAtp[t] = Math.max(least, 0);
  }
  return { shortfall: least < 0 ? -least : 0, firstShortPeriod };
}
