import type { Result } from '../../core/result.js';
import type { ReplenishmentError } from '../errors.js';
import { attempt, record } from '../internal/attempt.js';
import { finite, nonNegative } from '../internal/checks.js';
import { intervalDemand } from '../internal/demand.js';
import { loss } from '../internal/normal.js';
import type { DemandOverLeadTime } from '../types.js';

/**
 * Shortage figures for a reorder point and an order quantity under normal lead-time demand: the
 * expected units short per replenishment cycle `ESC = σ·G(k)` with `k = (ROP − d·L)/σ`, and the fill
 * rate (type 2 service: the share of demand met from stock) — `1 − ESC/Q` when shortages are
 * backordered, `Q/(Q + ESC)` when they are lost sales (each lost unit lengthens the cycle's demand
 * met by Q; Nahmias, §5.5; Silver, Pyke & Thomas, §7.4).
 *
 * @param input - Demand, lead time and their variability, the reorder point, the order quantity
 *   Q > 0, and `lostSales` (default `false`: backorders).
 * @returns `{ safetyFactor, expectedShortagePerCycle, fillRate }`; or a typed error naming the field.
 * @example
 * ```ts
 * import { expectedShortage } from 'ordercore/replenishment';
 *
 * const r = expectedShortage({ demandPerPeriod: 2500, demandStdDev: 500, leadTime: 2, reorderPoint: 6000, orderQuantity: 10000 });
 * r.ok && r.value.expectedShortagePerCycle.toFixed(1); //=> '25.1'
 * r.ok && r.value.fillRate.toFixed(4); //=> '0.9975'
 * ```
 */
export function expectedShortage(
  input: DemandOverLeadTime & {
    /** The reorder point in units. */
    readonly reorderPoint: number;
    /** The order quantity Q > 0. */
    readonly orderQuantity: number;
    /** Unmet demand is lost rather than backordered (default `false`). */
    readonly lostSales?: boolean;
  },
): Result<
  {
    /** k = (ROP − d·L)/σ (±Infinity when σ = 0). */
    readonly safetyFactor: number;
    /** Expected units short per cycle, σ·G(k). */
    readonly expectedShortagePerCycle: number;
    /** The share of demand met from stock. */
    readonly fillRate: number;
  },
  ReplenishmentError
> {
  return attempt(() => {
    const i = record(input, 'input');
    const rop = finite(i['reorderPoint'], 'reorderPoint');
    const q = nonNegative(i['orderQuantity'], 'orderQuantity', 'invalid_quantity', true);
    const demand = intervalDemand(i, 'leadTime');
    let k: number;
    let esc: number;
    if (demand.stdDev === 0) {
      k = rop >= demand.mean ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
      esc = Math.max(0, demand.mean - rop);
    } else {
      k = (rop - demand.mean) / demand.stdDev;
      esc = demand.stdDev * loss(k);
    }
    const fillRate = i['lostSales'] === true ? q / (q + esc) : Math.max(0, 1 - esc / q);
    return { safetyFactor: k, expectedShortagePerCycle: esc, fillRate };
  });
}
