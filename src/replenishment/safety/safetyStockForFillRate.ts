import type { Result } from '../../core/result.js';
import type { ReplenishmentError } from '../errors.js';
import { attempt, record } from '../internal/attempt.js';
import { nonNegative, openUnit } from '../internal/checks.js';
import { intervalDemand } from '../internal/demand.js';
import { inverseLoss } from '../internal/normal.js';
import type { DemandOverLeadTime, SafetyStock } from '../types.js';

/**
 * Safety stock for a fill-rate target (type 2 service: the share of demand met from stock) with
 * order quantity Q: solve `σ·G(k) = (1 − β)·Q` for k (backorders), or `σ·G(k) = (1 − β)·Q/β` (lost
 * sales), numerically through the inverse loss function; `SS = k·σ`. The safety stock may be
 * negative when Q alone gives more than the target (a large Q already meets most demand from stock).
 * With σ = 0 demand is certain: the safety stock is 0.
 *
 * @param input - Demand, lead time and their variability, the target `fillRate` in (0, 1), the
 *   order quantity Q > 0, and `lostSales` (default `false`).
 * @returns The safety stock, factor, lead-time demand and reorder point; or a typed error naming the field.
 * @example
 * ```ts
 * import { safetyStockForFillRate } from 'ordercore/replenishment';
 *
 * const r = safetyStockForFillRate({ demandPerPeriod: 100, demandStdDev: 30, leadTime: 4, fillRate: 0.99, orderQuantity: 200 });
 * r.ok && r.value.safetyFactor.toFixed(3); //=> '1.443'
 * ```
 */
export function safetyStockForFillRate(
  input: DemandOverLeadTime & {
    /** The target fill rate β, in (0, 1). */
    readonly fillRate: number;
    /** The order quantity Q > 0. */
    readonly orderQuantity: number;
    /** Unmet demand is lost rather than backordered (default `false`). */
    readonly lostSales?: boolean;
  },
): Result<SafetyStock, ReplenishmentError> {
  return attempt(() => {
    const i = record(input, 'input');
    const beta = openUnit(i['fillRate'], 'fillRate', 'invalid_service_level');
    const q = nonNegative(i['orderQuantity'], 'orderQuantity', 'invalid_quantity', true);
    const demand = intervalDemand(i, 'leadTime');
    if (demand.stdDev === 0)
      return {
        safetyStock: 0,
        safetyFactor: 0,
        leadTimeDemand: demand.mean,
        leadTimeDemandStdDev: 0,
        reorderPoint: demand.mean,
      };
    const shortage = i['lostSales'] === true ? ((1 - beta) * q) / beta : (1 - beta) * q;
    const k = inverseLoss(shortage / demand.stdDev);
    const safetyStock = k * demand.stdDev;
    return {
      safetyStock,
      safetyFactor: k,
      leadTimeDemand: demand.mean,
      leadTimeDemandStdDev: demand.stdDev,
      reorderPoint: demand.mean + safetyStock,
    };
  });
}
