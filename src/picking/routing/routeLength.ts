import type { Pick, RoutingPolicy, WarehouseLayout } from '../types.js';
import { policyLength, routingProblem } from './internal/dispatch.js';
import { withGroups } from './internal/groups.js';

/**
 * The length in metres of the tour `routePicks` would return, without building the stops or the
 * path: the fast path for batching, which evaluates thousands of candidate batches.
 *
 * The picks are bucketed by aisle once (shallowest and deepest cell, largest gap, midpoint split
 * per aisle) with plain loops over reused typed arrays; no allocation per pick. Equal to
 * `routePicks(layout, picks, policy).value.length`, bit for bit. No picks: 0.
 *
 * @param layout - The warehouse.
 * @param picks - The picks (their order does not matter).
 * @param policy - One of `ROUTING_POLICIES`.
 * @returns The tour length in metres, depot to depot.
 * @throws {@link PickingError} `invalid_layout`, `invalid_pick`, `invalid_location` or
 *   `invalid_options` (policy) for bad input: this function is meant for data already validated
 *   (by `routePicks` or the schemas), so bad input is a bug in the caller, not an outcome.
 * @example
 * ```ts
 * import { routeLength } from 'ordercore/picking';
 *
 * const layout = {
 *   aisles: 3, cellsPerSide: 10, cellLength: 1, aisleSpacing: 4, frontMargin: 1, backMargin: 1, depot: { aisle: 0 },
 * };
 * const picks = [
 *   { id: 'a', location: { aisle: 0, cell: 2 } },
 *   { id: 'b', location: { aisle: 1, cell: 9 } },
 * ];
 * routeLength(layout, picks, 'return'); //=> 36
 * routeLength(layout, picks, 's_shape'); //=> 32
 * ```
 */
export function routeLength(layout: WarehouseLayout, picks: readonly Pick[], policy: RoutingPolicy): number {
  const problem = routingProblem(layout, picks, policy);
  if (problem !== undefined) throw problem;
  if (picks.length === 0) return 0;
  return withGroups(layout, picks, (groups) => policyLength(layout, groups, policy));
}
