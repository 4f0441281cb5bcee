import fc from 'fast-check';
import { show } from '../core/show.js';
import {
  ADDITION_RULES,
  BATCHING_METHODS,
  BATCHING_START_METHODS,
  type BatchCapacity,
  type BatchOrder,
  type BatchOrdersOptions,
  type BatchPlan,
  SEED_RULES,
} from '../picking/batching/types.js';
import { type Pick, ROUTING_POLICIES, type WarehouseLayout } from '../picking/types.js';

/**
 * Everything one call of `batchOrders` needs: a layout, orders and options.
 *
 * @example
 * ```ts
 * import type { BatchingScenario } from 'ordercore/testing';
 *
 * const scenario: BatchingScenario = {
 *   layout: { aisles: 2, cellsPerSide: 5, cellLength: 1, aisleSpacing: 3, frontMargin: 1, backMargin: 1, depot: { aisle: 0 } },
 *   orders: [{ id: 'o-1', picks: [{ id: 'p-1', location: { aisle: 1, cell: 2 } }] }],
 *   options: { capacity: { items: 5 }, policy: 's_shape', method: 'savings' },
 * };
 * scenario.orders.length; //=> 1
 * ```
 */
export interface BatchingScenario {
  /** The warehouse. */
  readonly layout: WarehouseLayout;
  /** The orders, in arrival order; each alone fits the capacity. */
  readonly orders: readonly BatchOrder[];
  /** The options (no time budget: scenarios are deterministic). */
  readonly options: BatchOrdersOptions;
}

/**
 * Options of {@link batchingScenarioArbitrary}.
 *
 * @example
 * ```ts
 * import type { BatchingScenarioArbitraryOptions } from 'ordercore/testing';
 *
 * const options: BatchingScenarioArbitraryOptions = { maxOrders: 8, method: 'exact' };
 * options.maxOrders; //=> 8
 * ```
 */
export interface BatchingScenarioArbitraryOptions {
  /** The fewest orders. Default 0. */
  readonly minOrders?: number;
  /** The most orders. Default 8 (small enough for the `exact` method). */
  readonly maxOrders?: number;
  /** The most picks per order. Default 6. */
  readonly maxPicks?: number;
  /** Fix the method; default: any of `BATCHING_METHODS`. */
  readonly method?: BatchOrdersOptions['method'];
  /** Fix the routing policy; default: any of `ROUTING_POLICIES`. */
  readonly policy?: BatchOrdersOptions['policy'];
  /** Also give orders weights and the capacity a weight limit (about half of the time). Default `true`. */
  readonly weights?: boolean;
}

/**
 * Generates small batching scenarios: a single-block layout of 1–6 aisles, orders of 0 to
 * `maxPicks` picks (some at shared locations, quantities 1–3), a capacity every order fits
 * (sometimes with a weight limit), any method with any seed rule, addition rule, start, improvement
 * and seed, and an iteration budget for the iterated local search.
 *
 * @param options - Sizes and fixed choices.
 * @returns An arbitrary of {@link BatchingScenario}s.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { batchOrders } from 'ordercore/picking';
 * import { batchingScenarioArbitrary, batchPlanViolations } from 'ordercore/testing';
 *
 * const run = fc.check(
 *   fc.property(batchingScenarioArbitrary({ maxOrders: 5 }), ({ layout, orders, options }) => {
 *     const r = batchOrders(layout, orders, options);
 *     return r.ok && batchPlanViolations(orders, options.capacity, r.value).length === 0;
 *   }),
 *   { numRuns: 20, seed: 1 },
 * );
 * run.failed; //=> false
 * ```
 */
export function batchingScenarioArbitrary(
  options: BatchingScenarioArbitraryOptions = {},
): fc.Arbitrary<BatchingScenario> {
  const minOrders = options.minOrders ?? 0;
  const maxOrders = options.maxOrders ?? 8;
  const maxPicks = options.maxPicks ?? 6;
  const layout = fc.record({
    aisles: fc.integer({ min: 1, max: 6 }),
    cellsPerSide: fc.integer({ min: 1, max: 12 }),
    cellLength: fc.constantFrom(1, 1.3, 2),
    aisleSpacing: fc.constantFrom(2.5, 3, 4),
    frontMargin: fc.constantFrom(0, 1, 1.5),
    backMargin: fc.constantFrom(0, 1),
    depotAt: fc.double({ min: 0, max: 1, noNaN: true }),
    offset: fc.constantFrom(0, 0, 2),
  });
  return layout.chain(({ depotAt, offset, ...geometry }) => {
    const depotAisle = Math.round(depotAt * (geometry.aisles - 1) * 2) / 2;
    const built: WarehouseLayout = {
      ...geometry,
      depot: offset === 0 ? { aisle: depotAisle } : { aisle: depotAisle, offset },
    };
    const location = fc.record({
      aisle: fc.integer({ min: 0, max: geometry.aisles - 1 }),
      cell: fc.integer({ min: 0, max: geometry.cellsPerSide - 1 }),
    });
    const picks = fc.array(fc.record({ location, quantity: fc.integer({ min: 1, max: 3 }) }), { maxLength: maxPicks });
    const withWeights = options.weights ?? true;
    return fc
      .record({
        raw: fc.array(fc.record({ picks, weight: fc.integer({ min: 1, max: 20 }) }), {
          minLength: minOrders,
          maxLength: maxOrders,
        }),
        slack: fc.integer({ min: 0, max: 12 }),
        weightLimit: withWeights ? fc.boolean() : fc.constant(false),
        policy: options.policy === undefined ? fc.constantFrom(...ROUTING_POLICIES) : fc.constant(options.policy),
        method: options.method === undefined ? fc.constantFrom(...BATCHING_METHODS) : fc.constant(options.method),
        seedRule: fc.constantFrom(...SEED_RULES),
        additionRule: fc.constantFrom(...ADDITION_RULES),
        start: fc.constantFrom(...BATCHING_START_METHODS),
        improvement: fc.constantFrom('first' as const, 'best' as const),
        seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        rounds: fc.integer({ min: 0, max: 20 }),
      })
      .map(({ raw, slack, weightLimit, ...choice }): BatchingScenario => {
        const orders: BatchOrder[] = raw.map((order, i) => ({
          id: `o${String(i).padStart(2, '0')}`,
          picks: order.picks.map(
            (pick, j): Pick => ({ id: `o${i}-${j}`, location: pick.location, quantity: pick.quantity }),
          ),
          ...(weightLimit ? { weight: order.weight } : {}),
        }));
        const items = Math.max(1, ...orders.map((o) => o.picks.reduce((s, p) => s + (p.quantity ?? 1), 0)));
        const heaviest = Math.max(1, ...raw.map((o) => o.weight));
        const capacity: BatchCapacity = weightLimit
          ? { items: items + slack, weight: heaviest + slack * 2 }
          : { items: items + slack };
        return {
          layout: built,
          orders,
          options: {
            capacity,
            policy: choice.policy,
            method: choice.method,
            seedRule: choice.seedRule,
            additionRule: choice.additionRule,
            start: choice.start,
            improvement: choice.improvement,
            seed: choice.seed,
            maxIterations: choice.rounds,
          },
        };
      });
  });
}

/**
 * Lists what is wrong with a batch plan for the orders and capacity it was made for: an order
 * missing, repeated or unknown, an empty batch, a load over the capacity or not the sum of its
 * orders', a route whose stops are not exactly the batch's picks, a length that is not the route's,
 * a total that is not the sum of the batches' lengths.
 *
 * Loads and totals are compared with a relative tolerance of 1e-9 (they are floating-point sums).
 *
 * @param orders - The orders that were batched.
 * @param capacity - The capacity they were batched under.
 * @param plan - The plan to check.
 * @returns One sentence per violation; empty when the plan is feasible and consistent.
 * @example
 * ```ts
 * import { batchPlanViolations } from 'ordercore/testing';
 *
 * const orders = [{ id: 'a', picks: [] }, { id: 'b', picks: [] }];
 * const route = { policy: 'return' as const, length: 0, stops: [], path: [] };
 * const plan = { batches: [{ orderIds: ['a'], route, length: 0, load: { items: 0 } }], totalLength: 0, method: 'fcfs' as const };
 * batchPlanViolations(orders, { items: 5 }, plan); //=> ['order "b" is in no batch']
 * ```
 */
export function batchPlanViolations(orders: readonly BatchOrder[], capacity: BatchCapacity, plan: BatchPlan): string[] {
  const violations: string[] = [];
  const byId = new Map(orders.map((o) => [o.id, o]));
  const seen = new Map<string, number>();
  const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  let total = 0;
  plan.batches.forEach((batch, b) => {
    if (batch.orderIds.length === 0) violations.push(`batch ${b} is empty`);
    const load = { items: 0, weight: 0, volume: 0 };
    const expectedPicks: string[] = [];
    for (const id of batch.orderIds) {
      seen.set(id, (seen.get(id) ?? 0) + 1);
      const order = byId.get(id);
      if (order === undefined) {
        violations.push(`batch ${b} holds unknown order ${show(id)}`);
        continue;
      }
      load.items += order.items ?? order.picks.reduce((s, p) => s + (p.quantity ?? 1), 0);
      load.weight += order.weight ?? 0;
      load.volume += order.volume ?? 0;
      for (const pick of order.picks) expectedPicks.push(JSON.stringify(pick));
    }
    for (const field of ['items', 'weight', 'volume'] as const) {
      const limit = capacity[field];
      if (limit === undefined) continue;
      if (load[field] > limit * (1 + 1e-9)) violations.push(`batch ${b} carries ${field} ${load[field]} > ${limit}`);
      const reported = batch.load[field];
      if (reported === undefined || !close(reported, load[field]))
        violations.push(`batch ${b} reports ${field} ${show(reported)}, its orders carry ${load[field]}`);
    }
    const stops = batch.route.stops.map((s) => JSON.stringify(s)).sort();
    expectedPicks.sort();
    if (stops.length !== expectedPicks.length || stops.some((s, i) => s !== expectedPicks[i]))
      violations.push(`batch ${b}'s route stops are not exactly its orders' picks`);
    if (batch.length !== batch.route.length) violations.push(`batch ${b}'s length is not its route's length`);
    total += batch.length;
  });
  for (const order of orders) {
    const count = seen.get(order.id) ?? 0;
    if (count === 0) violations.push(`order ${show(order.id)} is in no batch`);
    if (count > 1) violations.push(`order ${show(order.id)} is in ${count} batches`);
  }
  if (!close(total, plan.totalLength))
    violations.push(`totalLength ${plan.totalLength} is not the sum of the batches' lengths ${total}`);
  return violations;
}
