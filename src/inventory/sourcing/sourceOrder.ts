import { err, ok, type Result } from '../../core/result.js';
import { InventoryError } from '../errors.js';
import { runSourcing } from './internal/run.js';
import type { SourcingLocation, SourcingOrder, SourcingPlan, SourcingStrategy } from './types.js';

/**
 * Sources one order to locations: which location ships which units of which line, what could not
 * be sourced, and why each location was chosen.
 *
 * Ship orders (the default):
 * 1. Candidates are the locations that may ship — warehouses; stores only with `shipFromStore: true`
 *    (and not when `strategy.shipFromStore` is `false`); suppliers unless `dropShip: 'never'` — that
 *    have capacity left and some units of a SKU the order wants.
 * 2. They are ranked by the strategy's weighted score (see {@link SourcingStrategy}), then priority,
 *    then id. With `dropShip: 'after_own_stock'` (the default) suppliers come after all own stock and
 *    only fill what it could not (`reason.dropShipFallback`).
 * 3. Rank order (default): each location in turn takes what it can of every open line, in line
 *    order, within its capacity. Fewest shipments (`fewestShipments: true`): the best-ranked location
 *    that can ship the whole order; else the smallest set among the 12 best-ranked candidates (sets
 *    of up to 4, tried in rank order) that covers it; else a greedy cover (most missing units first).
 *    It never returns more shipments than rank order for the same units, and prefers more units
 *    sourced over fewer shipments.
 *
 * Pickup orders (`fulfillment: 'pickup'`): all of the order at `pickupLocation`, or nothing: each
 * line then appears in the shortfall with the reason (`insufficient_stock`, `capacity`,
 * `pickup_incomplete`, `pickup_not_offered`). Strategy and ship-from-store do not apply.
 *
 * Promises: no location gives more units of a SKU than it has available (a negative figure counts
 * as 0) nor more than its capacity; for every line, allocated + missing = requested; the plan
 * depends only on the input, never on the order of `locations` (ties end at the location id). Errors as for {@link sourceOrders}, with fields under `order`.
 *
 * @param order - The order: lines, destination (for the distance and cost functions), fulfillment.
 * @param locations - The locations that may ship, with their availability (ids unique).
 * @param strategy - How to rank locations and whether to minimise shipments (default: by priority).
 * @returns The plan, or an {@link InventoryError}.
 * @example
 * ```ts
 * import { sourceOrder } from 'ordercore/inventory';
 *
 * const locations = [
 *   { id: 'dc-east', kind: 'warehouse', priority: 1, available: { MUG: 5, TEA: 0 } },
 *   { id: 'dc-west', kind: 'warehouse', priority: 2, available: { MUG: 5, TEA: 9 } },
 * ] as const;
 * const order = { id: 'o-1', lines: [{ lineId: 'a', sku: 'MUG', quantity: 2 }, { lineId: 'b', sku: 'TEA', quantity: 1 }] };
 *
 * const byPriority = sourceOrder(order, locations, { rules: 'priority' });
 * byPriority.ok && byPriority.value.shipments.map((s) => s.location); //=> ['dc-east', 'dc-west']
 * byPriority.ok && byPriority.value.splits; //=> 1
 *
 * const fewest = sourceOrder(order, locations, { rules: 'priority', fewestShipments: true });
 * fewest.ok && fewest.value.shipments.map((s) => `${s.location}:${s.reason.decision}`); //=> ['dc-west:single_location']
 * ```
 */
export function sourceOrder(
  order: SourcingOrder,
  locations: readonly SourcingLocation[],
  strategy: SourcingStrategy = {},
): Result<SourcingPlan, InventoryError> {
  try {
    const { batch } = runSourcing([order], 'order', locations, strategy);
    return ok(batch.plans[0] as SourcingPlan);
  } catch (error) {
    if (error instanceof InventoryError) return err(error);
    throw error;
  }
}
