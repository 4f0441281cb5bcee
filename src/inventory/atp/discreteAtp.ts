import { err, ok, type Result } from '../../core/result.js';
import type { InventoryError } from '../errors.js';
import { isQuantity, refusal, shapeOk } from './internal/timePhased.js';
import type { DiscreteAtp, TimePhasedInput } from './types.js';

/**
 * Discrete ATP, the textbook (APICS) figure computed at receipt periods: in the first period, on hand
 * plus its receipts minus the committed demand of every period up to the next receipt; in each
 * period with receipts, those receipts minus the demand up to the next receipt; 0 in every other
 * period. A negative bucket needs earlier supply: `netted` takes it from the buckets before it
 * (backward consumption), and demand nothing earlier covers is late and taken from the buckets
 * after it, so the running sum of `netted` is the look-ahead cumulative ATP.
 *
 * @param input - On hand and the periods in time order (receipts and committed demand per period).
 * @returns The textbook figures, the netted figures and the units that cannot be met on time, or
 *   `invalid_request` naming the bad field.
 * @example
 * ```ts
 * import { discreteAtp } from 'ordercore/inventory';
 *
 * // Stevenson's pumps: 64 on hand, MPS 70 in weeks 3, 5, 7 and 8, orders 33/20/10/4/2.
 * const mps = [0, 0, 70, 0, 70, 0, 70, 70];
 * const orders = [33, 20, 10, 4, 2, 0, 0, 0];
 * const r = discreteAtp({ onHand: 64, periods: mps.map((receipts, t) => ({ receipts, demand: orders[t] ?? 0 })) });
 * r.ok && r.value.atp; //=> [11, 0, 56, 0, 68, 0, 70, 70]
 * ```
 */
export function discreteAtp(input: TimePhasedInput): Result<DiscreteAtp, InventoryError> {
  if (!shapeOk(input)) return err(refusal(input));
  const { onHand, periods } = input;
  const n = periods.length;
  const atp: number[] = new Array(n);
  // The open bucket's figure is kept in `open` and written when the next receipt closes it.
  let bucket = 0;
  let open = onHand;
  let bound = onHand < 0 ? -onHand : onHand;
  for (let t = 0; t < n; t++) {
    const period = periods[t];
    if (typeof period !== 'object' || period === null || Array.isArray(period)) return err(refusal(input));
    const receipts = period.receipts;
    const demand = period.demand;
    if (!isQuantity(receipts) || !isQuantity(demand)) return err(refusal(input));
    if (period.label !== undefined && typeof period.label !== 'string') return err(refusal(input));
    bound += receipts + demand;
    if (t > 0 && receipts > 0) {
      atp[bucket] = open;
      bucket = t;
      open = 0;
    }
    atp[t] = 0;
    open += receipts - demand;
  }
  atp[bucket] = open;
  if (bound > Number.MAX_SAFE_INTEGER) return err(refusal(input));
  // Backward: a negative bucket takes from the buckets before it.
  const netted: number[] = new Array(n);
  let carry = 0;
  for (let t = n - 1; t >= 0; t--) {
    const value = (atp[t] as number) + carry;
    if (value < 0) {
      carry = value;
      netted[t] = 0;
    } else {
      carry = 0;
      netted[t] = value;
    }
  }
  // What nothing earlier covers is late: the next buckets' supply goes to it first.
  const shortfall = carry < 0 ? -carry : 0;
  let owed = shortfall;
  for (let t = 0; t < n && owed > 0; t++) {
    const value = netted[t] as number;
    const take = Math.min(value, owed);
    netted[t] = value - take;
    owed -= take;
  }
  return ok({ atp, netted, shortfall });
}
