import type { Result } from '../../core/result.js';
import type { ReplenishmentError } from '../errors.js';
import { attempt, record } from '../internal/attempt.js';
import { openUnit } from '../internal/checks.js';
import { intervalDemand } from '../internal/demand.js';
import { quantile } from '../internal/normal.js';
import type { DemandOverLeadTime, SafetyStock } from '../types.js';

/**
 * Safety stock for a cycle service level (type 1: the probability of no stockout in a replenishment
 * cycle), with demand and lead-time variability: `SS = z·σ`, `z = Φ⁻¹(serviceLevel)`,
 * `σ = √(L·σd² + d²·σL²)`, reorder point `d·L + SS`.
 *
 * @param input - Demand, lead time and their variability (one time unit), and the service level in (0, 1).
 * @returns The safety stock, factor, lead-time demand and reorder point; or `invalid_service_level`
 *   (outside (0, 1)), `invalid_demand`, `invalid_lead_time`, `invalid_number` naming the field.
 * @example
 * ```ts
 * import { safetyStockForServiceLevel } from 'ordercore/replenishment';
 *
 * // d = 2,500/week, σd = 500, L = 2 weeks, 95 %: z = 1.645, σ = 707.1.
 * const r = safetyStockForServiceLevel({ demandPerPeriod: 2500, demandStdDev: 500, leadTime: 2, serviceLevel: 0.95 });
 * r.ok && Math.round(r.value.safetyStock); //=> 1163
 * r.ok && Math.round(r.value.reorderPoint); //=> 6163
 * ```
 */
export function safetyStockForServiceLevel(
  input: DemandOverLeadTime & {
    /** The cycle service level, in (0, 1). */
    readonly serviceLevel: number;
  },
): Result<SafetyStock, ReplenishmentError> {
  return attempt(() => {
    const i = record(input, 'input');
    const level = openUnit(i['serviceLevel'], 'serviceLevel', 'invalid_service_level');
    const demand = intervalDemand(i, 'leadTime');
    const z = quantile(level);
    const safetyStock = z * demand.stdDev;
    return {
      safetyStock,
      safetyFactor: z,
      leadTimeDemand: demand.mean,
      leadTimeDemandStdDev: demand.stdDev,
      reorderPoint: demand.mean + safetyStock,
    };
  });
}
