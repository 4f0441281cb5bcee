import type { Result } from '../../core/result.js';
import { show } from '../../core/show.js';
import { ReplenishmentError } from '../errors.js';
import { attempt, record } from '../internal/attempt.js';
import { nonNegative } from '../internal/checks.js';

/**
 * One price break: from `minQuantity` units on, the unit cost is `unitCost` — for every unit
 * (`all_units`) or for the units beyond the break (`incremental`).
 *
 * @example
 * ```ts
 * import type { PriceBreak } from 'ordercore/replenishment';
 *
 * const breaks: PriceBreak[] = [{ minQuantity: 0, unitCost: 0.3 }, { minQuantity: 500, unitCost: 0.29 }];
 * breaks.length; //=> 2
 * ```
 */
export interface PriceBreak {
  /** The first quantity the cost applies to (the first break must be 0). */
  readonly minQuantity: number;
  /** The unit cost from this break on (> 0). */
  readonly unitCost: number;
}

/**
 * One order quantity `eoqWithQuantityDiscounts` evaluated, with its annual cost.
 *
 * @example
 * ```ts
 * import type { QuantityDiscountCandidate } from 'ordercore/replenishment';
 *
 * const c: QuantityDiscountCandidate = { quantity: 500, breakIndex: 1, totalCost: 198.1, origin: 'break_point' };
 * c.origin; //=> 'break_point'
 * ```
 */
export interface QuantityDiscountCandidate {
  /** The order quantity. */
  readonly quantity: number;
  /** The index of the break it falls in. */
  readonly breakIndex: number;
  /** Annual purchase + ordering + holding cost at that quantity. */
  readonly totalCost: number;
  /** Why it was a candidate: the break's own EOQ, or a break point the EOQ was moved to. */
  readonly origin: 'eoq' | 'break_point';
}

/** Purchase cost of q units under incremental breaks (C(q) in Nahmias). */
function incrementalCost(breaks: readonly PriceBreak[], q: number): number {
  let cost = 0;
  for (let j = 0; j < breaks.length; j += 1) {
    const from = (breaks[j] as PriceBreak).minQuantity;
    const to = j + 1 < breaks.length ? (breaks[j + 1] as PriceBreak).minQuantity : Number.POSITIVE_INFINITY;
    if (q <= from) break;
    cost += (Math.min(q, to) - from) * (breaks[j] as PriceBreak).unitCost;
  }
  return cost;
}

/**
 * The EOQ under quantity discounts (Nahmias, §4.7), holding cost as a rate on the unit cost (h = i·c):
 *
 * - `all_units`: every unit costs the price of the break the order reaches. For each break the EOQ at
 *   its price is moved up to the break when it falls below it (an EOQ above the next break is
 *   dominated); the candidate with the least annual cost `cλ + Kλ/Q + icQ/2` wins.
 * - `incremental`: each unit costs the price of its own tier; with C(Q) the purchase cost of Q units,
 *   the annual cost is `λC(Q)/Q + Kλ/Q + i·C(Q)/2`; each tier's stationary point
 *   `√(2λ(K + C(qⱼ) − cⱼqⱼ)/(icⱼ))` is a candidate when it lies in the tier, and so is every break point.
 *
 * Ties go to the smaller quantity.
 *
 * @param input - λ, K, the holding rate i (per year, on the unit cost), the breaks in ascending
 *   order starting at 0, and the discount kind.
 * @returns The best quantity, its unit cost (the marginal one for incremental), annual cost, and every
 *   candidate evaluated; or a typed error naming the field.
 * @example
 * ```ts
 * import { eoqWithQuantityDiscounts } from 'ordercore/replenishment';
 *
 * const breaks = [{ minQuantity: 0, unitCost: 0.3 }, { minQuantity: 500, unitCost: 0.29 }, { minQuantity: 1000, unitCost: 0.28 }];
 * const all = eoqWithQuantityDiscounts({ demandRate: 600, orderingCost: 8, holdingRate: 0.2, breaks, kind: 'all_units' });
 * all.ok && [all.value.quantity, all.value.totalCost.toFixed(2)]; //=> [500, '198.10']
 * const inc = eoqWithQuantityDiscounts({ demandRate: 600, orderingCost: 8, holdingRate: 0.2, breaks, kind: 'incremental' });
 * inc.ok && [inc.value.quantity, inc.value.totalCost.toFixed(2)]; //=> [400, '204.00']
 * ```
 */
export function eoqWithQuantityDiscounts(input: {
  /** Demand per year, λ > 0. */
  readonly demandRate: number;
  /** Fixed cost per order, K > 0. */
  readonly orderingCost: number;
  /** Annual holding cost as a fraction of the unit cost, i > 0. */
  readonly holdingRate: number;
  /** Price breaks, ascending by `minQuantity`, the first at 0. */
  readonly breaks: readonly PriceBreak[];
  /** `all_units` or `incremental`. */
  readonly kind: 'all_units' | 'incremental';
}): Result<
  {
    /** The best order quantity. */
    readonly quantity: number;
    /** The unit cost at that quantity (all units), or of its last unit (incremental). */
    readonly unitCost: number;
    /** The annual purchase + ordering + holding cost at that quantity. */
    readonly totalCost: number;
    /** Every quantity evaluated, in break order. */
    readonly candidates: readonly QuantityDiscountCandidate[];
  },
  ReplenishmentError
> {
  return attempt(() => {
    const i = record(input, 'input');
    const lambda = nonNegative(i['demandRate'], 'demandRate', 'invalid_demand', true);
    const k = nonNegative(i['orderingCost'], 'orderingCost', 'invalid_cost', true);
    const rate = nonNegative(i['holdingRate'], 'holdingRate', 'invalid_cost', true);
    const kind = i['kind'];
    if (kind !== 'all_units' && kind !== 'incremental')
      throw new ReplenishmentError('invalid_options', `kind: ${show(kind)} is not 'all_units' or 'incremental'.`, {
        field: 'kind',
      });
    const raw = i['breaks'];
    if (!Array.isArray(raw) || raw.length === 0)
      throw new ReplenishmentError(
        'invalid_options',
        'breaks: expected a non-empty array of { minQuantity, unitCost }.',
        { field: 'breaks' },
      );
    const breaks: PriceBreak[] = raw.map((b: unknown, j) => {
      const r = record(b, `breaks[${j}]`);
      return {
        minQuantity: nonNegative(r['minQuantity'], `breaks[${j}].minQuantity`, 'invalid_quantity'),
        unitCost: nonNegative(r['unitCost'], `breaks[${j}].unitCost`, 'invalid_cost', true),
      };
    });
    if ((breaks[0] as PriceBreak).minQuantity !== 0)
      throw new ReplenishmentError('invalid_quantity', 'breaks[0].minQuantity: the first break must start at 0.', {
        field: 'breaks[0].minQuantity',
      });
    for (let j = 1; j < breaks.length; j += 1) {
      if ((breaks[j] as PriceBreak).minQuantity <= (breaks[j - 1] as PriceBreak).minQuantity)
        throw new ReplenishmentError('invalid_quantity', `breaks[${j}].minQuantity: breaks must ascend strictly.`, {
          field: `breaks[${j}].minQuantity`,
        });
    }
    const upper = (j: number): number =>
      j + 1 < breaks.length ? (breaks[j + 1] as PriceBreak).minQuantity : Number.POSITIVE_INFINITY;
    const candidates: QuantityDiscountCandidate[] = [];
    if (kind === 'all_units') {
      const cost = (q: number, c: number): number => c * lambda + (k * lambda) / q + (rate * c * q) / 2;
      breaks.forEach((b, j) => {
        const eoq = Math.sqrt((2 * k * lambda) / (rate * b.unitCost));
        if (eoq >= upper(j)) return;
        const quantity = Math.max(eoq, b.minQuantity);
        candidates.push({
          quantity,
          breakIndex: j,
          totalCost: cost(quantity, b.unitCost),
          origin: eoq >= b.minQuantity ? 'eoq' : 'break_point',
        });
      });
    } else {
      const cost = (q: number): number => {
        const purchase = incrementalCost(breaks, q);
        return (lambda * purchase) / q + (k * lambda) / q + (rate * purchase) / 2;
      };
      breaks.forEach((b, j) => {
        if (b.minQuantity > 0)
          candidates.push({
            quantity: b.minQuantity,
            breakIndex: j,
            totalCost: cost(b.minQuantity),
            origin: 'break_point',
          });
        const fixed = incrementalCost(breaks, b.minQuantity) - b.unitCost * b.minQuantity;
        const eoq = Math.sqrt((2 * lambda * (k + fixed)) / (rate * b.unitCost));
        if (eoq >= b.minQuantity && eoq < upper(j))
          candidates.push({ quantity: eoq, breakIndex: j, totalCost: cost(eoq), origin: 'eoq' });
      });
    }
    let best = candidates[0] as QuantityDiscountCandidate;
    for (const c of candidates) {
      if (c.totalCost < best.totalCost || (c.totalCost === best.totalCost && c.quantity < best.quantity)) best = c;
    }
    return {
      quantity: best.quantity,
      unitCost: (breaks[best.breakIndex] as PriceBreak).unitCost,
      totalCost: best.totalCost,
      candidates,
    };
  });
}
