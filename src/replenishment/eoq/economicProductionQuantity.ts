import type { Result } from '../../core/result.js';
import { ReplenishmentError } from '../errors.js';
import { attempt, record } from '../internal/attempt.js';
import { nonNegative } from '../internal/checks.js';

/**
 * The economic production quantity (finite production rate P > λ): `Q* = √(2Kλ / (h(1 − λ/P)))`,
 * the largest inventory `Q*(1 − λ/P)`, and the annual cost `Kλ/Q + h·Q(1 − λ/P)/2`.
 *
 * @param input - λ, the setup cost K, h, and the production rate P (> λ, same time unit as λ).
 * @returns Q*, the largest inventory, the production run time and cycle time (in the rate's time
 *   unit), and the annual costs; or `invalid_policy` when P ≤ λ, or another typed error naming the field.
 * @example
 * ```ts
 * import { economicProductionQuantity } from 'ordercore/replenishment';
 *
 * const r = economicProductionQuantity({ demandRate: 1300, setupCost: 8, holdingCost: 0.225, productionRate: 5200 });
 * r.ok && r.value.quantity.toFixed(2); //=> '351.08'
 * r.ok && r.value.maxInventory.toFixed(2); //=> '263.31'
 * ```
 */
export function economicProductionQuantity(input: {
  /** Demand per year, λ > 0. */
  readonly demandRate: number;
  /** Fixed cost per production run, K > 0. */
  readonly setupCost: number;
  /** Holding cost per unit per year, h > 0. */
  readonly holdingCost: number;
  /** Production per year while running, P > λ. */
  readonly productionRate: number;
}): Result<
  {
    /** Q*. */
    readonly quantity: number;
    /** Q*(1 − λ/P), the stock at the end of a run. */
    readonly maxInventory: number;
    /** Q* ÷ P, how long a run lasts. */
    readonly productionTime: number;
    /** Q* ÷ λ, the time between runs. */
    readonly cycleTime: number;
    /** Kλ ÷ Q*. */
    readonly annualSetupCost: number;
    /** h·maxInventory/2. */
    readonly annualHoldingCost: number;
    /** The sum of both. */
    readonly totalCost: number;
  },
  ReplenishmentError
> {
  return attempt(() => {
    const i = record(input, 'input');
    const lambda = nonNegative(i['demandRate'], 'demandRate', 'invalid_demand', true);
    const k = nonNegative(i['setupCost'], 'setupCost', 'invalid_cost', true);
    const h = nonNegative(i['holdingCost'], 'holdingCost', 'invalid_cost', true);
    const p = nonNegative(i['productionRate'], 'productionRate', 'invalid_policy', true);
    if (p <= lambda)
      throw new ReplenishmentError(
        'invalid_policy',
        `productionRate: ${p} must exceed demandRate ${lambda} (otherwise stock never builds up).`,
        { field: 'productionRate' },
      );
    const factor = 1 - lambda / p;
    const quantity = Math.sqrt((2 * k * lambda) / (h * factor));
    const maxInventory = quantity * factor;
    const annualSetupCost = (k * lambda) / quantity;
    const annualHoldingCost = (h * maxInventory) / 2;
    return {
      quantity,
      maxInventory,
      productionTime: quantity / p,
      cycleTime: quantity / lambda,
      annualSetupCost,
      annualHoldingCost,
      totalCost: annualSetupCost + annualHoldingCost,
    };
  });
}
