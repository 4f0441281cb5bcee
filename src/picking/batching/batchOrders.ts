import type { Result } from '../../core/result.js';
import { err, ok } from '../../core/result.js';
import { isRecord, show } from '../../core/show.js';
import { PickingError } from '../errors.js';
import { type Pick, ROUTING_POLICIES, type Route, type RoutingPolicy, type WarehouseLayout } from '../types.js';
import { fcfs, savings, seedBatches } from './internal/constructive.js';
import { exactBatches } from './internal/exact.js';
import { iteratedLocalSearch, localSearch, type SearchLimits } from './internal/localSearch.js';
import { mulberry32 } from './internal/prng.js';
import { Problem, totalLength } from './internal/problem.js';
import { routeLength, routePicks } from './internal/routing.js';
import {
  ADDITION_RULES,
  type AdditionRule,
  BATCHING_METHODS,
  BATCHING_START_METHODS,
  type Batch,
  type BatchingMethod,
  type BatchingStartMethod,
  type BatchingStop,
  type BatchLoad,
  type BatchOrder,
  type BatchOrdersOptions,
  type BatchPlan,
  EXACT_BATCHING_MAX_ORDERS,
  SEED_RULES,
  type SeedRule,
} from './types.js';

// The most orders one call accepts: far above a real wave, it bounds the work a hostile input causes.
const MAX_ORDERS = 100_000;
const DEFAULT_ILS_ROUNDS = 50;

interface Settings {
  readonly capacity: { readonly items: number; readonly weight?: number; readonly volume?: number };
  readonly policy: RoutingPolicy;
  readonly method: BatchingMethod;
  readonly seedRule: SeedRule;
  readonly additionRule: AdditionRule;
  readonly improvement: 'first' | 'best';
  readonly start: BatchingStartMethod;
  readonly seed: number;
  readonly maxIterations: number | undefined;
  readonly timeBudgetMs: number | undefined;
  readonly clock: (() => number) | undefined;
}

interface Checked {
  readonly picks: readonly Pick[];
  readonly items: number;
  readonly weight: number;
  readonly volume: number;
}

function invalidOptions(field: string, reason: string, value: unknown): PickingError {
  return new PickingError('invalid_options', `options.${field} ${reason}, got ${show(value)}.`, { field });
}

function isMember<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

function positive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function nonNegative(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function checkOptions(options: unknown): Result<Settings, PickingError> {
  if (!isRecord(options))
    return err(
      new PickingError('invalid_options', `options must be an object, got ${show(options)}.`, { field: 'options' }),
    );
  const { capacity, policy, method } = options;
  if (!isRecord(capacity)) return err(invalidOptions('capacity', 'must be an object', capacity));
  if (!positive(capacity['items']))
    return err(invalidOptions('capacity.items', 'must be a positive finite number', capacity['items']));
  for (const field of ['weight', 'volume'] as const) {
    const value = capacity[field];
    if (value !== undefined && !positive(value))
      return err(invalidOptions(`capacity.${field}`, 'must be a positive finite number when given', value));
  }
  if (!isMember(ROUTING_POLICIES, policy))
    return err(invalidOptions('policy', `must be one of ${ROUTING_POLICIES.join(', ')}`, policy));
  if (!isMember(BATCHING_METHODS, method))
    return err(invalidOptions('method', `must be one of ${BATCHING_METHODS.join(', ')}`, method));
  const seedRule = options['seedRule'] ?? 'farthest';
  if (!isMember(SEED_RULES, seedRule))
    return err(invalidOptions('seedRule', `must be one of ${SEED_RULES.join(', ')}`, seedRule));
  const additionRule = options['additionRule'] ?? 'smallest_added_distance';
  if (!isMember(ADDITION_RULES, additionRule))
    return err(invalidOptions('additionRule', `must be one of ${ADDITION_RULES.join(', ')}`, additionRule));
  const improvement = options['improvement'] ?? 'first';
  if (improvement !== 'first' && improvement !== 'best')
    return err(invalidOptions('improvement', "must be 'first' or 'best'", improvement));
  const start = options['start'] ?? 'savings';
  if (!isMember(BATCHING_START_METHODS, start))
    return err(invalidOptions('start', `must be one of ${BATCHING_START_METHODS.join(', ')}`, start));
  const seed = options['seed'] ?? 1;
  if (typeof seed !== 'number' || !Number.isFinite(seed))
    return err(invalidOptions('seed', 'must be a finite number', seed));
  const maxIterations = options['maxIterations'];
  if (maxIterations !== undefined && !(Number.isSafeInteger(maxIterations) && (maxIterations as number) >= 0))
    return err(invalidOptions('maxIterations', 'must be a non-negative integer', maxIterations));
  const timeBudgetMs = options['timeBudgetMs'];
  if (timeBudgetMs !== undefined && !nonNegative(timeBudgetMs))
    return err(invalidOptions('timeBudgetMs', 'must be a non-negative finite number', timeBudgetMs));
  const clock = options['clock'];
  if (clock !== undefined && typeof clock !== 'function')
    return err(invalidOptions('clock', 'must be a function', clock));
  if (timeBudgetMs !== undefined && clock === undefined)
    return err(invalidOptions('clock', 'is required with timeBudgetMs (the core reads no clock of its own)', clock));
  const weight = capacity['weight'];
  const volume = capacity['volume'];
  return ok({
    capacity: {
      items: capacity['items'],
      ...(weight === undefined ? {} : { weight: weight as number }),
      ...(volume === undefined ? {} : { volume: volume as number }),
    },
    policy,
    method,
    seedRule,
    additionRule,
    improvement,
    start,
    seed,
    maxIterations: maxIterations as number | undefined,
    timeBudgetMs,
    clock: clock as (() => number) | undefined,
  });
}

function invalidOrder(index: number, id: unknown, field: string, reason: string, value: unknown): PickingError {
  const name = typeof id === 'string' ? ` (id ${show(id)})` : '';
  return new PickingError('invalid_order', `orders[${index}]${name}.${field} ${reason}, got ${show(value)}.`, {
    index,
    ...(typeof id === 'string' ? { orderId: id } : {}),
    field,
  });
}

function checkOrders(
  layout: WarehouseLayout,
  orders: unknown,
  settings: Settings,
): Result<readonly Checked[], PickingError> {
  if (!Array.isArray(orders))
    return err(new PickingError('invalid_order', `orders must be an array, got ${show(orders)}.`, { field: 'orders' }));
  if (orders.length > MAX_ORDERS)
    return err(
      new PickingError(
        'instance_too_large',
        `orders has ${orders.length} orders; at most ${MAX_ORDERS} are batched in one call.`,
        { count: orders.length, maximum: MAX_ORDERS },
      ),
    );
  const ids = new Set<string>();
  const pickIds = new Set<string>();
  const checked: Checked[] = [];
  for (let index = 0; index < orders.length; index++) {
    const order: unknown = orders[index];
    if (!isRecord(order))
      return err(
        new PickingError('invalid_order', `orders[${index}] must be an object, got ${show(order)}.`, {
          index,
          field: 'order',
        }),
      );
    const id = order['id'];
    if (typeof id !== 'string' || id.length === 0)
      return err(invalidOrder(index, undefined, 'id', 'must be a non-empty string', id));
    if (ids.has(id))
      return err(
        new PickingError('invalid_order', `orders[${index}].id ${show(id)} is not unique.`, {
          index,
          orderId: id,
          field: 'id',
        }),
      );
    ids.add(id);
    const picks = order['picks'];
    if (!Array.isArray(picks)) return err(invalidOrder(index, id, 'picks', 'must be an array', picks));
    // The order's own route checks its picks (and the layout) the way routing does.
    const route = routePicks(layout, picks as Pick[], settings.policy);
    if (!route.ok) {
      const e = route.error;
      return err(
        new PickingError(e.code, `orders[${index}] (id ${show(id)}): ${e.message}`, {
          ...e.details,
          index,
          orderId: id,
        }),
      );
    }
    let items = 0;
    for (let p = 0; p < picks.length; p++) {
      // A batch's pick list holds the picks of several orders: their ids must tell them apart.
      const pickId = (picks[p] as Pick).id;
      if (pickIds.has(pickId))
        return err(
          invalidOrder(
            index,
            id,
            `picks[${p}].id`,
            'repeats the id of another pick (pick ids must be unique across all orders)',
            pickId,
          ),
        );
      pickIds.add(pickId);
      const quantity = (picks[p] as Pick).quantity;
      if (quantity !== undefined && !nonNegative(quantity))
        return err(invalidOrder(index, id, `picks[${p}].quantity`, 'must be a non-negative finite number', quantity));
      items += quantity ?? 1;
    }
    const loads = { items, weight: 0, volume: 0 };
    for (const field of ['items', 'weight', 'volume'] as const) {
      const value = order[field];
      if (value === undefined) {
        if (field !== 'items' && settings.capacity[field] !== undefined)
          return err(invalidOrder(index, id, field, `is required when options.capacity.${field} is set`, value));
        continue;
      }
      if (!nonNegative(value))
        return err(invalidOrder(index, id, field, 'must be a non-negative finite number', value));
      loads[field] = value;
    }
    for (const field of ['items', 'weight', 'volume'] as const) {
      const limit = settings.capacity[field];
      if (limit !== undefined && loads[field] > limit)
        return err(
          new PickingError(
            'capacity_exceeded',
            `orders[${index}] (id ${show(id)}) alone carries ${field} ${loads[field]}, more than the capacity ${limit}.`,
            { index, orderId: id, field, load: loads[field], capacity: limit },
          ),
        );
    }
    checked.push({ picks, ...loads });
  }
  return ok(checked);
}

/**
 * Groups orders into batches, each collected by one picker on one tour within the picker's
 * capacity, so that the total route length under a routing policy is short (or, with `exact`, the
 * shortest possible).
 *
 * Every method returns a feasible plan: each order in exactly one batch, each batch within the
 * capacity, each with the route of all its picks. The result is deterministic: methods other than
 * `fcfs` (and local searches started from it) give the same batches whatever order the orders
 * are listed in (ties go to the smaller order id); `iterated_local_search` is deterministic for a
 * `seed` (and, with a time budget, for a clock). The local searches never return a plan longer
 * than their start (`startLength`). Route lengths of candidate batches are cached by their order
 * ids during one call.
 *
 * Errors: `invalid_options`, `invalid_order` (not an object, an empty or repeated id, a pick id
 * used twice across the orders, a bad load or quantity, a weight or volume missing while the
 * capacity has one), the routing errors of an
 * order's picks or the layout (`invalid_layout`, `invalid_location`, `invalid_pick`; with the
 * order's `index` and `orderId` in `details`), `capacity_exceeded` (an order alone is over the
 * capacity; `details.field` says which), `instance_too_large` (`exact` above
 * {@link EXACT_BATCHING_MAX_ORDERS} orders, or more than 100,000 orders).
 *
 * @param layout - The warehouse.
 * @param orders - The orders, in arrival order (which `fcfs` follows).
 * @param options - Capacity, routing policy, method and the method's settings.
 * @returns The batches with their routes, lengths and loads, and the total length.
 * @example
 * ```ts
 * import { batchOrders, type BatchOrder, type WarehouseLayout } from 'ordercore/picking';
 *
 * const layout: WarehouseLayout = {
 *   aisles: 4, cellsPerSide: 10, cellLength: 1, aisleSpacing: 3, frontMargin: 1, backMargin: 1,
 *   depot: { aisle: 0 },
 * };
 * const order = (id: string, aisle: number): BatchOrder => ({
 *   id, picks: [{ id: `${id}/1`, location: { aisle, cell: 4 }, quantity: 2 }],
 * });
 * // Arrival order alternates between aisles 3 and 0; two orders fit on the cart. Return routing:
 * // aisle 0 alone is 2 × 5.5 = 11 m, aisle 3 adds 2 × 9 m along the front: [a, b] is 40 m, [a, c] 29 m.
 * const orders = [order('a', 3), order('b', 0), order('c', 3), order('d', 0)];
 * const options = { capacity: { items: 4 }, policy: 'return' } as const;
 *
 * const fcfs = batchOrders(layout, orders, { ...options, method: 'fcfs' });
 * fcfs.ok && fcfs.value.batches.map((b) => b.orderIds); //=> [['a', 'b'], ['c', 'd']]
 * fcfs.ok && fcfs.value.totalLength; //=> 80
 *
 * const best = batchOrders(layout, orders, { ...options, method: 'exact' });
 * best.ok && best.value.batches.map((b) => b.orderIds); //=> [['a', 'c'], ['b', 'd']]
 * best.ok && best.value.totalLength; //=> 40
 * ```
 */
export function batchOrders(
  layout: WarehouseLayout,
  orders: readonly BatchOrder[],
  options: BatchOrdersOptions,
): Result<BatchPlan, PickingError> {
  const settingsResult = checkOptions(options);
  if (!settingsResult.ok) return settingsResult;
  const settings = settingsResult.value;
  const layoutCheck = routePicks(layout, [], settings.policy);
  if (!layoutCheck.ok) return layoutCheck;
  const checkedResult = checkOrders(layout, orders, settings);
  if (!checkedResult.ok) return checkedResult;
  const checked = checkedResult.value;
  if (settings.method === 'exact' && checked.length > EXACT_BATCHING_MAX_ORDERS)
    return err(
      new PickingError(
        'instance_too_large',
        `The exact method batches at most ${EXACT_BATCHING_MAX_ORDERS} orders, got ${checked.length}; use a heuristic (iterated_local_search) instead.`,
        { count: checked.length, maximum: EXACT_BATCHING_MAX_ORDERS, field: 'orders' },
      ),
    );

  // Index space: orders by id (code-unit order), so nothing but FCFS depends on the input order.
  const ids = orders.map((o) => o.id);
  const byId = ids.map((_, i) => i).sort((a, b) => ((ids[a] as string) < (ids[b] as string) ? -1 : 1));
  const problem = new Problem({
    layout,
    policy: settings.policy,
    routeLength,
    orders: byId.map((i) => checked[i] as Checked),
    capacity: settings.capacity,
    arrival: byId,
  });

  const construct = (method: BatchingStartMethod): number[][] =>
    method === 'fcfs'
      ? fcfs(problem)
      : method === 'seed'
        ? seedBatches(problem, settings.seedRule, settings.additionRule)
        : savings(problem);

  let batches: number[][];
  let extra: SearchFacts = {};
  switch (settings.method) {
    case 'fcfs':
    case 'seed':
    case 'savings':
      batches = construct(settings.method);
      break;
    case 'exact':
      batches = exactBatches(problem);
      break;
    case 'local_search':
    case 'iterated_local_search': {
      const start = construct(settings.start);
      const clock = settings.clock;
      const limits: SearchLimits = {
        improvement: settings.improvement,
        maxIterations:
          settings.maxIterations ??
          (settings.method === 'local_search' ? Number.POSITIVE_INFINITY : DEFAULT_ILS_ROUNDS),
        deadline:
          clock !== undefined && settings.timeBudgetMs !== undefined
            ? clock() + settings.timeBudgetMs
            : Number.POSITIVE_INFINITY,
        clock: settings.timeBudgetMs === undefined ? undefined : clock,
      };
      const outcome =
        settings.method === 'local_search'
          ? localSearch(problem, start, limits)
          : iteratedLocalSearch(problem, start, limits, mulberry32(settings.seed));
      batches = outcome.batches;
      extra = {
        startLength: totalLength(problem, start),
        iterations: outcome.iterations,
        stoppedBy: outcome.stoppedBy,
      };
      break;
    }
  }
  return assemble(layout, orders, checked, problem, batches, settings, extra);
}

interface SearchFacts {
  startLength?: number;
  iterations?: number;
  stoppedBy?: BatchingStop;
}

function assemble(
  layout: WarehouseLayout,
  orders: readonly BatchOrder[],
  checked: readonly Checked[],
  problem: Problem,
  batches: readonly number[][],
  settings: Settings,
  extra: SearchFacts,
): Result<BatchPlan, PickingError> {
  // Batches in index space → input positions; listed by their first order's input position.
  const positioned = batches.map((members) => ({
    members,
    positions: members.map((i) => problem.arrival[i] as number).sort((a, b) => a - b),
  }));
  positioned.sort((x, y) => (x.positions[0] as number) - (y.positions[0] as number));
  const out: Batch[] = [];
  const lengthsById: { key: number; length: number }[] = [];
  for (const { members, positions } of positioned) {
    const picks: Pick[] = [];
    for (const p of positions) picks.push(...(checked[p] as Checked).picks);
    const route: Result<Route, PickingError> = routePicks(layout, picks, settings.policy);
    if (!route.ok) return route;
    const sum = problem.load(members);
    const load: BatchLoad = {
      items: sum.items,
      ...(settings.capacity.weight === undefined ? {} : { weight: sum.weight }),
      ...(settings.capacity.volume === undefined ? {} : { volume: sum.volume }),
    };
    out.push({
      orderIds: positions.map((p) => (orders[p] as BatchOrder).id),
      route: route.value,
      length: route.value.length,
      load,
    });
    lengthsById.push({ key: members[0] as number, length: route.value.length });
  }
  // Summed by smallest order id, so the total does not depend on the listing order either.
  lengthsById.sort((x, y) => x.key - y.key);
  let total = 0;
  for (const { length } of lengthsById) total += length;
  return ok({ batches: out, totalLength: total, method: settings.method, ...extra });
}
