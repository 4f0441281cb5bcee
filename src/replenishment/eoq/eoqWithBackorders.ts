import type { Result } from '../../core/result.js';
import type { ReplenishmentError } from '../errors.js';
import { attempt, record } from '../internal/attempt.js';
import { nonNegative } from '../internal/checks.js';

/**
 * The EOQ with planned backorders: `Q* = √(2Kλ/h · (h + p)/p)`, the largest backorder
 * `B* = Q*·h/(h + p)`, and the annual cost `√(2Kλh · p/(h + p))` (ordering + holding + backorder
 * cost p per unit backordered per year). As p → ∞ it becomes the plain EOQ.
 *
 * @param input - λ, K and h as for the EOQ, and the backorder cost p per unit per year (> 0).
 * @returns Q*, the largest backorder, the largest inventory Q* − B*, and the annual costs; or a
 *   typed error naming the field.
 * @example
 * ```ts
 * import { eoqWithBackorders } from 'ordercore/replenishment';
 *
 * const r = eoqWithBackorders({ demandRate: 1300, orderingCost: 8, holdingCost: 0.225, backorderCost: 0.9 });
 * r.ok && r.value.quantity.toFixed(2); //=> '339.93'
 * r.ok && r.value.maxBackorder.toFixed(2); //=> '67.99'
 * ```
 */
export function eoqWithBackorders(input: {
  /** Demand per year, λ > 0. */
  readonly demandRate: number;
  /** Fixed cost per order, K > 0. */
  readonly orderingCost: number;
  /** Holding cost per unit per year, h > 0. */
  readonly holdingCost: number;
  /** Backorder cost per unit backordered per year, p > 0. */
  readonly backorderCost: number;
}): Result<
  {
    /** Q*. */
    readonly quantity: number;
    /** B* = Q*·h/(h + p), the backlog when an order arrives. */
    readonly maxBackorder: number;
    /** Q* − B*, the stock just after an order arrives. */
    readonly maxInventory: number;
    /** Kλ ÷ Q*. */
    readonly annualOrderingCost: number;
    /** h(Q* − B*)²/(2Q*). */
    readonly annualHoldingCost: number;
    /** p·B*²/(2Q*). */
    readonly annualBackorderCost: number;
    /** The sum of the three. */
    readonly totalCost: number;
  },
  ReplenishmentError
> {
  return attempt(() => {
    const i = record(input, 'input');
    const lambda = nonNegative(i['demandRate'], 'demandRate', 'invalid_demand', true);
    const k = nonNegative(i['orderingCost'], 'orderingCost', 'invalid_cost', true);
    const h = nonNegative(i['holdingCost'], 'holdingCost', 'invalid_cost', true);
    const p = nonNegative(i['backorderCost'], 'backorderCost', 'invalid_cost', true);
    const quantity = Math.sqrt(((2 * k * lambda) / h) * ((h + p) / p));
    const maxBackorder = (quantity * h) / (h + p);
    const maxInventory = quantity - maxBackorder;
    const annualOrderingCost = (k * lambda) / quantity;
    const annualHoldingCost = (h * maxInventory * maxInventory) / (2 * quantity);
    const annualBackorderCost = (p * maxBackorder * maxBackorder) / (2 * quantity);
    return {
      quantity,
      maxBackorder,
      maxInventory,
      annualOrderingCost,
      annualHoldingCost,
      annualBackorderCost,
      totalCost: annualOrderingCost + annualHoldingCost + annualBackorderCost,
    };
  });
}
