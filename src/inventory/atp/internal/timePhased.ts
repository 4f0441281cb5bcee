import type { TimePhasedInput } from '../types.js';

// The time-phased kernels: plain loops over the periods, one output array each, no other
// allocation. The public functions check their input first (checks.ts) and call these.

/** The running sum of on hand + receipts − demand, per period (the projected balance of committed demand). */
export function cumulative(input: TimePhasedInput): number[] {
  const periods = input.periods;
  const n = periods.length;
  const out: number[] = [];
  let running = input.onHand;
  for (let t = 0; t < n; t++) {
    const period = periods[t] as (typeof periods)[number];
    running += period.receipts - period.demand;
    out.push(running);
  }
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
