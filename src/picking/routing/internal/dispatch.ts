// One place that maps a policy to its length function, for routeLength and routePicks alike.
import type { PickingError } from '../../errors.js';
import { layoutProblem, picksProblem, policyProblem } from '../../internal/validate.js';
import type { RoutingPolicy, WarehouseLayout } from '../../types.js';
import type { Groups } from './groups.js';
import { combined, largestGap, type Move, midpoint, returnPolicy, sShape } from './heuristics.js';
import { type OptimalPlan, optimal } from './optimal.js';

/** What a policy decided, for building the route. */
export interface Decisions {
  moves?: Move[];
  plan?: { value?: OptimalPlan };
}

/** The tour length under `policy`; records the decisions in `decisions` when given. */
export function policyLength(layout: WarehouseLayout, g: Groups, policy: RoutingPolicy, decisions?: Decisions): number {
  const moves = decisions?.moves;
  switch (policy) {
    case 's_shape':
      return sShape(layout, g, moves);
    case 'return':
      return returnPolicy(layout, g, moves);
    case 'midpoint':
      return midpoint(layout, g, moves);
    case 'largest_gap':
      return largestGap(layout, g, moves);
    case 'combined':
      return combined(layout, g, moves);
    case 'optimal':
      return optimal(layout, g, decisions?.plan);
  }
}

/** The first problem with a routing call's inputs, in argument order: layout, picks, policy. */
export function routingProblem(layout: unknown, picks: unknown, policy: unknown): PickingError | undefined {
  return layoutProblem(layout) ?? picksProblem(layout as WarehouseLayout, picks) ?? policyProblem(policy);
}
