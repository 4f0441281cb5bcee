// STAND-IN until K1's routing lands: the return policy for every policy.
import { err, ok, type Result } from '../../../core/result.js';
import { PickingError } from '../../errors.js';
import type { Pick, Route, RoutingPolicy, WarehouseLayout } from '../../types.js';

export function routeLength(layout: WarehouseLayout, picks: readonly Pick[], _policy: RoutingPolicy): number {
  if (picks.length === 0) return 0;
  const deepest = new Map<number, number>();
  for (const p of picks) {
    const d = layout.frontMargin + (p.location.cell + 0.5) * layout.cellLength;
    deepest.set(p.location.aisle, Math.max(deepest.get(p.location.aisle) ?? 0, d));
  }
  const aisles = [...deepest.keys()].sort((a, b) => a - b);
  const xd = layout.depot.aisle * layout.aisleSpacing;
  const left = Math.min(xd, (aisles[0] as number) * layout.aisleSpacing);
  const right = Math.max(xd, (aisles.at(-1) as number) * layout.aisleSpacing);
  let total = 2 * (right - left) + 2 * (layout.depot.offset ?? 0);
  for (const a of aisles) total += 2 * (deepest.get(a) as number);
  return total;
}

export function routePicks(
  layout: WarehouseLayout,
  picks: readonly Pick[],
  policy: RoutingPolicy,
): Result<Route, PickingError> {
  if (typeof layout !== 'object' || layout === null || !(layout.aisles > 0))
    return err(new PickingError('invalid_layout', 'bad layout'));
  for (const p of picks) {
    if (typeof p !== 'object' || p === null || typeof p.location !== 'object' || p.location === null)
      return err(new PickingError('invalid_pick', 'bad pick'));
    if (
      !Number.isInteger(p.location.aisle) ||
      p.location.aisle < 0 ||
      p.location.aisle >= layout.aisles ||
      !Number.isInteger(p.location.cell) ||
      p.location.cell < 0 ||
      p.location.cell >= layout.cellsPerSide
    )
      return err(new PickingError('invalid_location', 'bad location'));
  }
  return ok({ policy, length: routeLength(layout, picks, policy), stops: [...picks], path: [] });
}
