import type { Result } from '../../core/result.js';
import type { ReplenishmentError } from '../errors.js';
import { attempt, record } from '../internal/attempt.js';
import { finite, nonNegative } from '../internal/checks.js';

/**
 * Days of supply: how many days the stock lasts at the average daily demand, `stock / demand per
 * day`. Zero demand gives `null` (the stock never runs out at that rate: not a number of days).
 *
 * @param input - The stock (on hand, or an inventory position; may be negative) and the average daily demand ≥ 0.
 * @returns Days, or `null` with no demand; or a typed error naming the field.
 * @example
 * ```ts
 * import { daysOfSupply } from 'ordercore/replenishment';
 *
 * const r = daysOfSupply({ stock: 450, averageDailyDemand: 30 });
 * r.ok && r.value; //=> 15
 * const idle = daysOfSupply({ stock: 450, averageDailyDemand: 0 });
 * idle.ok && idle.value; //=> null
 * ```
 */
export function daysOfSupply(input: {
  /** Units in stock. */
  readonly stock: number;
  /** Average demand per day, ≥ 0. */
  readonly averageDailyDemand: number;
}): Result<number | null, ReplenishmentError> {
  return attempt(() => {
    const i = record(input, 'input');
    const stock = finite(i['stock'], 'stock');
    const demand = nonNegative(i['averageDailyDemand'], 'averageDailyDemand', 'invalid_demand');
    return demand === 0 ? null : stock / demand;
  });
}
