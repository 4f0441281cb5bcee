import { err, ok, type Result } from '../../core/result.js';
import { InventoryError } from '../errors.js';
import { cumulative } from './internal/timePhased.js';
import type { CumulativeAtp, TimePhasedInput } from './types.js';

/**
 * Cumulative ATP without look-ahead: per period, on hand plus every receipt so far minus every
 * committed demand so far. It is the projected balance of committed demand; a negative figure is a
 * period already short. It over-states what can be promised when a later period is short (use
 * {@link lookAheadAtp} to promise).
 *
 * @param input - On hand and the periods in time order (receipts and committed demand per period).
 * @returns The running sums, or `invalid_request` naming the bad field (`periods[2].demand`).
 * @example
 * ```ts
 * import { cumulativeAtp } from 'ordercore/inventory';
 *
 * const input = { onHand: 10, periods: [{ receipts: 0, demand: 4 }, { receipts: 0, demand: 8 }, { receipts: 20, demand: 5 }, { receipts: 0, demand: 3 }] };
 * const r = cumulativeAtp(input);
 * r.ok && r.value.atp; //=> [6, -2, 13, 10]
 * ```
 */
export function cumulativeAtp(input: TimePhasedInput): Result<CumulativeAtp, InventoryError> {
  const atp = cumulative(input);
  return atp instanceof InventoryError ? err(atp) : ok({ atp });
}
