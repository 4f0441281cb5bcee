// Savings on large instances: above FULL_SAVINGS_MAX_ORDERS orders, candidate pairs are each
// batch's nearest batches (shortlisted by the cheap closeness measure, then by true saving) and
// merges come from a priority queue with lazy invalidation. With every pair a candidate it is
// exactly the full C&W(ii); restricted, it stays feasible, deterministic, listing-order
// independent and close to the full method.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeness, profileOf } from '../../src/picking/batching/internal/closeness.js';
import {
  FULL_SAVINGS_MAX_ORDERS,
  fullSavings,
  SAVINGS_NEIGHBOURS,
  sparseSavings,
} from '../../src/picking/batching/internal/constructive.js';
import { Problem, totalLength } from '../../src/picking/batching/internal/problem.js';
import { type BatchPlan, batchOrders } from '../../src/picking/index.js';
import { routeLength } from '../../src/picking/routing/routeLength.js';
import type { RoutingPolicy } from '../../src/picking/types.js';
import { batchPlanViolations } from '../../src/testing/pickingBatching.js';
import { pickingInstance } from '../../src/testing/pickingInstances.js';
import { LAYOUT, P, Q, R, T } from './batchingFixtures.js';

type Instance = ReturnType<typeof pickingInstance>;

function problemOf(instance: Pick<Instance, 'layout' | 'orders' | 'capacity'>, policy: RoutingPolicy): Problem {
  return new Problem({
    layout: instance.layout,
    policy,
    routeLength,
    orders: instance.orders.map((o) => ({ picks: o.picks, items: o.picks.length, weight: 0, volume: 0 })),
    capacity: instance.capacity,
    arrival: instance.orders.map((_, i) => i),
  });
}

function plan(r: ReturnType<typeof batchOrders>): BatchPlan {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe('closeness (the cheap shortlist measure)', () => {
  it('is the return-policy saving: twice the shared front stretch plus twice the shallower shared depth', () => {
    const problem = problemOf({ layout: LAYOUT, orders: [P, Q, R, T], capacity: { items: 10 } }, 'return');
    const profile = (i: number) => profileOf(problem, [i]);
    // Q (aisles 1, 2 at depth 2) and T (aisle 2 at depth 3): front 2 × 6, aisle 2: 2 × 2 → 16.
    expect(closeness(problem, profile(1), profile(3))).toBe(16);
    // P (aisle 0 only) and R (aisle 3): nothing shared but the depot → 0.
    expect(closeness(problem, profile(0), profile(2))).toBe(0);
    // A merged profile keeps the deeper depth per aisle: QT with R shares the front up to aisle 2 (12 m).
    expect(closeness(problem, profileOf(problem, [1, 3]), profile(2))).toBe(12);
  });
});

describe('sparse savings', () => {
  it('with every pair a candidate, forms exactly the batches of the full method', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 2, max: 40 }),
        fc.constantFrom<RoutingPolicy>('s_shape', 'largest_gap', 'return', 'optimal'),
        fc.constantFrom('uniform' as const, 'class_based' as const),
        (seed, orders, policy, storage) => {
          const problem = problemOf(pickingInstance({ seed, orders, storage }), policy);
          expect(sparseSavings(problem, orders, orders)).toEqual(fullSavings(problem));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('restricted to few candidates, still puts every order in one batch within the capacity', () => {
    const problem = problemOf(pickingInstance({ seed: 5, orders: 60, capacity: 60 }), 's_shape');
    const batches = sparseSavings(problem, 2, 4);
    expect(batches.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    for (const batch of batches) expect(problem.fits(batch)).toBe(true);
  });

  it(`is what batchOrders uses above ${FULL_SAVINGS_MAX_ORDERS} orders: feasible, deterministic, listing-order independent, near the full method`, () => {
    const instance = pickingInstance({ seed: 11, orders: FULL_SAVINGS_MAX_ORDERS + 40, capacity: 45 });
    const options = { capacity: instance.capacity, policy: 'largest_gap', method: 'savings' } as const;
    const a = plan(batchOrders(instance.layout, instance.orders, options));
    expect(batchPlanViolations(instance.orders, instance.capacity, a)).toEqual([]);
    const reversed = plan(batchOrders(instance.layout, [...instance.orders].reverse(), options));
    expect(reversed.totalLength).toBe(a.totalLength);
    const problem = problemOf(instance, 'largest_gap');
    expect(totalLength(problem, sparseSavings(problem, SAVINGS_NEIGHBOURS))).toBeCloseTo(a.totalLength, 6);
    const full = totalLength(problem, fullSavings(problem));
    expect(Math.abs(a.totalLength / full - 1)).toBeLessThan(0.03);
    const fcfs = plan(batchOrders(instance.layout, instance.orders, { ...options, method: 'fcfs' }));
    expect(a.totalLength).toBeLessThan(fcfs.totalLength);
  });
});
