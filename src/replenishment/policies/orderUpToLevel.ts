import type { Result } from '../../core/result.js';
import type { ReplenishmentError } from '../errors.js';
import { attempt, record } from '../internal/attempt.js';
import { nonNegative, openUnit } from '../internal/checks.js';
import { intervalDemand } from '../internal/demand.js';
import { quantile } from '../internal/normal.js';
import type { DemandOverLeadTime } from '../types.js';

/**
 * The order-up-to level S of a periodic-review (R, S) policy: every R periods, order up to S, which
 * must cover demand over the protection interval R + L, `S = d·(R + L) + z·σ`,
 * `σ = √((R + L)·σd² + d²·σL²)`, `z = Φ⁻¹(serviceLevel)`.
 *
 * @param input - Demand and lead time with their variability, the review period R > 0, and the cycle
 *   service level in (0, 1).
 * @returns S, the safety stock z·σ, the factor, and the protection interval's mean and σ; or a typed
 *   error naming the field (`invalid_lead_time` for R ≤ 0).
 * @example
 * ```ts
 * import { orderUpToLevel } from 'ordercore/replenishment';
 *
 * // d = 100/day, σd = 20, R = 7 days, L = 3 days, 95 %: 1,000 + 1.645·√10·20.
 * const r = orderUpToLevel({ demandPerPeriod: 100, demandStdDev: 20, leadTime: 3, reviewPeriod: 7, serviceLevel: 0.95 });
 * r.ok && Math.round(r.value.level); //=> 1104
 * ```
 */
export function orderUpToLevel(
  input: DemandOverLeadTime & {
    /** The review period R > 0, in the same periods as the lead time. */
    readonly reviewPeriod: number;
    /** The cycle service level, in (0, 1). */
    readonly serviceLevel: number;
  },
): Result<
  {
    /** The order-up-to level S. */
    readonly level: number;
    /** z·σ over R + L. */
    readonly safetyStock: number;
    /** z. */
    readonly safetyFactor: number;
    /** d·(R + L). */
    readonly protectionIntervalDemand: number;
    /** σ over R + L. */
    readonly protectionIntervalStdDev: number;
  },
  ReplenishmentError
> {
  return attempt(() => {
    const i = record(input, 'input');
    const level = openUnit(i['serviceLevel'], 'serviceLevel', 'invalid_service_level');
    const review = nonNegative(i['reviewPeriod'], 'reviewPeriod', 'invalid_lead_time', true);
    const lead = nonNegative(i['leadTime'], 'leadTime', 'invalid_lead_time');
    const demand = intervalDemand(i, 'leadTime', review + lead);
    const z = quantile(level);
    const safetyStock = z * demand.stdDev;
    return {
      level: demand.mean + safetyStock,
      safetyStock,
      safetyFactor: z,
      protectionIntervalDemand: demand.mean,
      protectionIntervalStdDev: demand.stdDev,
    };
  });
}
