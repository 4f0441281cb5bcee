import type { Result } from '../../core/result.js';
import type { ReplenishmentError } from '../errors.js';
import { attempt, record } from '../internal/attempt.js';
import { nonNegative } from '../internal/checks.js';

/**
 * The economic order quantity (Harris–Wilson): `Q* = √(2Kλ/h)`, with its annual costs — ordering
 * `Kλ/Q`, holding `hQ/2`, total `√(2Kλh)` at Q* (purchase cost, the same for every Q, is left out).
 *
 * @param input - Demand rate λ per year (> 0), fixed cost per order K (> 0), holding cost per unit per year h (> 0).
 * @returns Q*, orders per year, the cycle time in years, and the annual ordering, holding and total
 *   cost; or `invalid_demand` / `invalid_cost` / `invalid_number` naming the field.
 * @example
 * ```ts
 * import { economicOrderQuantity } from 'ordercore/replenishment';
 *
 * // Nahmias's example: K = 8, h = 0.225, λ = 1,300.
 * const r = economicOrderQuantity({ demandRate: 1300, orderingCost: 8, holdingCost: 0.225 });
 * r.ok && r.value.quantity.toFixed(2); //=> '304.05'
 * r.ok && r.value.totalCost.toFixed(2); //=> '68.41'
 * ```
 */
export function economicOrderQuantity(input: {
  /** Demand per year, λ > 0. */
  readonly demandRate: number;
  /** Fixed cost per order, K > 0. */
  readonly orderingCost: number;
  /** Holding cost per unit per year, h > 0. */
  readonly holdingCost: number;
}): Result<
  {
    /** Q* = √(2Kλ/h). */
    readonly quantity: number;
    /** λ ÷ Q*. */
    readonly ordersPerYear: number;
    /** Q* ÷ λ, in years. */
    readonly cycleTime: number;
    /** Kλ ÷ Q*. */
    readonly annualOrderingCost: number;
    /** h·Q* ÷ 2. */
    readonly annualHoldingCost: number;
    /** Ordering + holding, √(2Kλh). */
    readonly totalCost: number;
  },
  ReplenishmentError
> {
  return attempt(() => {
    const i = record(input, 'input');
    const lambda = nonNegative(i['demandRate'], 'demandRate', 'invalid_demand', true);
    const k = nonNegative(i['orderingCost'], 'orderingCost', 'invalid_cost', true);
    const h = nonNegative(i['holdingCost'], 'holdingCost', 'invalid_cost', true);
    const quantity = Math.sqrt((2 * k * lambda) / h);
    const annualOrderingCost = (k * lambda) / quantity;
    const annualHoldingCost = (h * quantity) / 2;
    return {
      quantity,
      ordersPerYear: lambda / quantity,
      cycleTime: quantity / lambda,
      annualOrderingCost,
      annualHoldingCost,
      totalCost: annualOrderingCost + annualHoldingCost,
    };
  });
}
