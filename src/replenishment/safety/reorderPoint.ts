import type { Result } from '../../core/result.js';
import type { ReplenishmentError } from '../errors.js';
import { attempt, record } from '../internal/attempt.js';
import { nonNegative } from '../internal/checks.js';

/**
 * The reorder point the seeds give: anticipated demand over the lead time plus safety stock,
 * `demandPerPeriod × leadTime + safetyStock` — when the inventory position falls to it, order.
 *
 * @param input - Demand per period, lead time in the same periods, and safety stock (default 0).
 * @returns The reorder point in units, or `invalid_demand` / `invalid_lead_time` / `invalid_number`
 *   naming the field.
 * @example
 * ```ts
 * import { reorderPoint } from 'ordercore/replenishment';
 *
 * const r = reorderPoint({ demandPerPeriod: 40, leadTime: 5, safetyStock: 60 });
 * r.ok && r.value; //=> 260
 * ```
 */
export function reorderPoint(input: {
  /** Mean demand per period. */
  readonly demandPerPeriod: number;
  /** Lead time in periods. */
  readonly leadTime: number;
  /** Units of safety stock (default 0). */
  readonly safetyStock?: number;
}): Result<number, ReplenishmentError> {
  return attempt(() => {
    const i = record(input, 'input');
    const d = nonNegative(i['demandPerPeriod'], 'demandPerPeriod', 'invalid_demand');
    const l = nonNegative(i['leadTime'], 'leadTime', 'invalid_lead_time');
    const ss = nonNegative(i['safetyStock'] ?? 0, 'safetyStock', 'invalid_quantity');
    return d * l + ss;
  });
}
