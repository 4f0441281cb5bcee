import { err, ok, type Result } from '../../core/result.js';
import type { PickingError } from '../errors.js';
import { depotOffset, depotX } from '../internal/geometry.js';
import type { PathPoint, Pick, Route, RoutingPolicy, WarehouseLayout } from '../types.js';
import { type Decisions, policyLength, routingProblem } from './internal/dispatch.js';
import { withGroups } from './internal/groups.js';
import { movesPath, optimalPath, stopsFromPath } from './internal/path.js';

/**
 * Routes a picker through a single-block warehouse under a routing policy: the picks in visiting
 * order (the pick list), the walked polyline from the depot back to the depot, and its length.
 *
 * Policies (see docs/picking.md for the exact rules): `s_shape` (every pick aisle traversed, the
 * last one returned if their count is odd), `return` (in and out of each pick aisle from the
 * front), `midpoint` and `largest_gap` (outer pick aisles traversed, middle aisles entered from both
 * cross aisles), `combined` (per aisle, traverse or return, chosen by dynamic programming) and
 * `optimal` (the exact shortest tour, Ratliff & Rosenthal 1983). The heuristics sweep the pick
 * aisles starting with the end nearer to the depot (the left on a tie).
 *
 * A pick becomes a stop the first time the path walks past its cell; picks in the same cell are
 * listed by side (left, right, none), then id. With no picks the route is empty: length 0, the path
 * the depot point alone. The caller's picks are not copied: `stops` holds the same objects.
 *
 * @param layout - The warehouse.
 * @param picks - The picks to visit (their order does not matter).
 * @param policy - One of `ROUTING_POLICIES`.
 * @returns The route, or a {@link PickingError} (`invalid_layout`, `invalid_pick`,
 *   `invalid_location`, `invalid_options` for the policy) naming the field.
 * @example
 * ```ts
 * import { routePicks } from 'ordercore/picking';
 *
 * const layout = {
 *   aisles: 3, cellsPerSide: 10, cellLength: 1, aisleSpacing: 4, frontMargin: 1, backMargin: 1, depot: { aisle: 0 },
 * };
 * const picks = [
 *   { id: 'b', location: { aisle: 2, cell: 7 } },
 *   { id: 'a', location: { aisle: 0, cell: 2 } },
 * ];
 * const route = routePicks(layout, picks, 'optimal');
 * route.ok && route.value.stops.map((stop) => stop.id); //=> ['a', 'b']
 * route.ok && route.value.length; //=> 40
 * ```
 */
export function routePicks(
  layout: WarehouseLayout,
  picks: readonly Pick[],
  policy: RoutingPolicy,
): Result<Route, PickingError> {
  const problem = routingProblem(layout, picks, policy);
  if (problem !== undefined) return err(problem);
  if (picks.length === 0) {
    const offset = depotOffset(layout);
    const depot: PathPoint = { x: depotX(layout), y: offset > 0 ? -offset : 0 };
    return ok({ policy, length: 0, stops: [], path: [depot] });
  }
  const decisions: Decisions = policy === 'optimal' ? { plan: {} } : { moves: [] };
  const { length, path } = withGroups(layout, picks, (groups) => {
    const total = policyLength(layout, groups, policy, decisions);
    const walked =
      decisions.plan?.value !== undefined
        ? optimalPath(layout, picks, decisions.plan.value)
        : movesPath(layout, decisions.moves ?? []);
    return { length: total, path: walked };
  });
  return ok({ policy, length, stops: stopsFromPath(layout, picks, path), path });
}
