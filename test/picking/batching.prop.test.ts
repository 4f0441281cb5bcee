// Properties of batchOrders on generated scenarios: every plan is feasible and consistent (each
// order exactly once, capacity respected, routes over exactly the batch's picks), deterministic
// for a seed, independent of the order the orders are listed in (every method but FCFS), local
// searches never worse than their start (and iterated ≤ plain from the same start), the exact
// solver equal to a brute force and ≤ every heuristic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BatchOrdersOptions, type BatchPlan, batchOrders } from '../../src/picking/index.js';
import { batchingScenarioArbitrary, batchPlanViolations } from '../../src/testing/pickingBatching.js';
import { bruteForceBest, deepFreeze } from './batchingFixtures.js';

function plan(r: ReturnType<typeof batchOrders>): BatchPlan {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}
const asSets = (p: BatchPlan): string[] => p.batches.map((b) => [...b.orderIds].sort().join(',')).sort();
const tolerance = (x: number): number => 1e-9 * Math.max(1, x);

describe('batchOrders properties', () => {
  it('every plan is feasible and consistent, deterministic, and leaves its input untouched', () => {
    fc.assert(
      fc.property(batchingScenarioArbitrary(), ({ layout, orders, options }) => {
        deepFreeze(orders);
        const before = JSON.stringify(orders);
        const a = plan(batchOrders(layout, orders, options));
        expect(batchPlanViolations(orders, options.capacity, a)).toEqual([]);
        expect(plan(batchOrders(layout, orders, options))).toEqual(a);
        expect(JSON.stringify(orders)).toBe(before);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same batches and total whatever the listing order (every method but fcfs)', () => {
    fc.assert(
      fc.property(
        batchingScenarioArbitrary({ maxOrders: 7 }).filter(
          ({ options }) => options.method !== 'fcfs' && options.start !== 'fcfs',
        ),
        fc.integer(),
        ({ layout, orders, options }, shift) => {
          const rotated = orders.map(
            (_, i) => orders[(i + Math.abs(shift)) % orders.length] as (typeof orders)[number],
          );
          const a = plan(batchOrders(layout, orders, options));
          const b = plan(batchOrders(layout, [...rotated].reverse(), options));
          expect(asSets(b)).toEqual(asSets(a));
          expect(b.totalLength).toBe(a.totalLength);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('local searches never end above their start; iterated ≤ plain from the same start', () => {
    fc.assert(
      fc.property(
        batchingScenarioArbitrary({ maxOrders: 10, method: 'local_search' }),
        ({ layout, orders, options }) => {
          const { maxIterations: _bounded, ...unbounded }: BatchOrdersOptions = options;
          const start = plan(batchOrders(layout, orders, { ...unbounded, method: options.start ?? 'savings' }));
          const local = plan(batchOrders(layout, orders, unbounded));
          expect(local.startLength).toBe(start.totalLength);
          expect(local.totalLength).toBeLessThanOrEqual(start.totalLength + tolerance(start.totalLength));
          expect(local.stoppedBy).toBe('local_optimum');
          const iterated = plan(
            batchOrders(layout, orders, { ...unbounded, method: 'iterated_local_search', maxIterations: 5 }),
          );
          expect(iterated.totalLength).toBeLessThanOrEqual(local.totalLength + tolerance(local.totalLength));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('exact equals a brute force over all partitions and is ≤ every heuristic', () => {
    fc.assert(
      fc.property(
        batchingScenarioArbitrary({ maxOrders: 6, maxPicks: 4, method: 'exact' }),
        ({ layout, orders, options }) => {
          const exact = plan(batchOrders(layout, orders, options));
          const best = bruteForceBest(layout, orders, options.capacity, options.policy);
          expect(Math.abs(exact.totalLength - (orders.length === 0 ? 0 : best))).toBeLessThanOrEqual(tolerance(best));
          for (const method of ['fcfs', 'seed', 'savings', 'local_search', 'iterated_local_search'] as const) {
            const heuristic = plan(batchOrders(layout, orders, { ...options, method }));
            expect(exact.totalLength).toBeLessThanOrEqual(heuristic.totalLength + tolerance(heuristic.totalLength));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
