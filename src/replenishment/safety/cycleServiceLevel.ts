import type { Result } from '../../core/result.js';
import type { ReplenishmentError } from '../errors.js';
import { attempt, record } from '../internal/attempt.js';
import { finite } from '../internal/checks.js';
import { intervalDemand } from '../internal/demand.js';
import { cdf } from '../internal/normal.js';
import type { DemandOverLeadTime } from '../types.js';

/**
 * The cycle service level a reorder point gives: the probability that lead-time demand does not
 * exceed it, `Φ((ROP − d·L) / σ)`. With no variability (σ = 0) it is 1 when ROP ≥ d·L, else 0.
 *
 * @param input - Demand, lead time and their variability, and the reorder point.
 * @returns The probability of no stockout in a cycle; or a typed error naming the field.
 * @example
 * ```ts
 * import { cycleServiceLevel } from 'ordercore/replenishment';
 *
 * // D = 2,500/week, σ = 500, L = 2 weeks, ROP = 6,000: SS = 1,000, CSL = Φ(1.414).
 * const r = cycleServiceLevel({ demandPerPeriod: 2500, demandStdDev: 500, leadTime: 2, reorderPoint: 6000 });
 * r.ok && r.value.toFixed(3); //=> '0.921'
 * ```
 */
export function cycleServiceLevel(
  input: DemandOverLeadTime & {
    /** The reorder point in units. */
    readonly reorderPoint: number;
  },
): Result<number, ReplenishmentError> {
  return attempt(() => {
    const i = record(input, 'input');
    const rop = finite(i['reorderPoint'], 'reorderPoint');
    const demand = intervalDemand(i, 'leadTime');
    if (demand.stdDev === 0) return rop >= demand.mean ? 1 : 0;
    return cdf((rop - demand.mean) / demand.stdDev);
  });
}
