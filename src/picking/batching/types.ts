import type { Pick, Route, RoutingPolicy } from '../types.js';

/**
 * Every batching method {@link batchOrders} knows, from the simplest to the exact solver.
 *
 * - `fcfs`: first come, first served, first fit: orders in the given (arrival) order, each into the
 *   first open batch it fits in, else into a new batch;
 * - `seed`: sequential seed algorithm: a seed order (by `seedRule`) opens a batch, orders are added
 *   by `additionRule` while they fit, then the next batch is opened;
 * - `savings`: Clarke–Wright savings, savings recomputed after every merge (C&W(ii)); above 200
 *   orders only each batch's nearest batches are candidate partners (see docs/picking.md);
 * - `local_search`: swap and shift moves between batches, from the `start` method's solution;
 * - `iterated_local_search`: local search, then perturbation + local search + acceptance rounds;
 * - `exact`: every feasible batch enumerated, the set partition solved by dynamic programming over
 *   subsets of orders (at most {@link EXACT_BATCHING_MAX_ORDERS} orders).
 *
 * @example
 * ```ts
 * import { BATCHING_METHODS } from 'ordercore/picking';
 *
 * BATCHING_METHODS.includes('savings'); //=> true
 * ```
 */
export const BATCHING_METHODS = ['fcfs', 'seed', 'savings', 'local_search', 'iterated_local_search', 'exact'] as const;

/**
 * A batching method: one of {@link BATCHING_METHODS}.
 *
 * @example
 * ```ts
 * import type { BatchingMethod } from 'ordercore/picking';
 *
 * const method: BatchingMethod = 'iterated_local_search';
 * method; //=> 'iterated_local_search'
 * ```
 */
export type BatchingMethod = (typeof BATCHING_METHODS)[number];

/**
 * The methods that can build the starting solution of a (iterated) local search.
 *
 * @example
 * ```ts
 * import { BATCHING_START_METHODS } from 'ordercore/picking';
 *
 * BATCHING_START_METHODS; //=> ['fcfs', 'seed', 'savings']
 * ```
 */
export const BATCHING_START_METHODS = ['fcfs', 'seed', 'savings'] as const;

/**
 * A starting method for the local searches: one of {@link BATCHING_START_METHODS}.
 *
 * @example
 * ```ts
 * import type { BatchingStartMethod } from 'ordercore/picking';
 *
 * const start: BatchingStartMethod = 'fcfs';
 * start; //=> 'fcfs'
 * ```
 */
export type BatchingStartMethod = (typeof BATCHING_START_METHODS)[number];

/**
 * How the seed algorithm chooses the order that opens a batch (among the orders not yet batched).
 *
 * - `most_picks`: the order with the most pick lines;
 * - `most_aisles`: the order that visits the most distinct aisles;
 * - `farthest`: the order with the pick farthest from the depot (walking distance along the front
 *   cross aisle and into the aisle, plus the depot offset).
 *
 * Ties go to the smaller order id.
 *
 * @example
 * ```ts
 * import { SEED_RULES } from 'ordercore/picking';
 *
 * SEED_RULES; //=> ['most_picks', 'most_aisles', 'farthest']
 * ```
 */
export const SEED_RULES = ['most_picks', 'most_aisles', 'farthest'] as const;

/**
 * A seed rule: one of {@link SEED_RULES}.
 *
 * @example
 * ```ts
 * import type { SeedRule } from 'ordercore/picking';
 *
 * const rule: SeedRule = 'farthest';
 * rule; //=> 'farthest'
 * ```
 */
export type SeedRule = (typeof SEED_RULES)[number];

/**
 * How the seed algorithm chooses the next order to add to the open batch (among the orders that
 * still fit).
 *
 * - `most_shared_aisles`: the order with the most aisles in common with the batch (ties: the fewest
 *   aisles the batch does not visit yet, then the smaller id);
 * - `smallest_added_distance`: the order whose addition lengthens the batch's route the least under
 *   the routing policy (ties: the smaller id).
 *
 * @example
 * ```ts
 * import { ADDITION_RULES } from 'ordercore/picking';
 *
 * ADDITION_RULES; //=> ['most_shared_aisles', 'smallest_added_distance']
 * ```
 */
export const ADDITION_RULES = ['most_shared_aisles', 'smallest_added_distance'] as const;

/**
 * An addition rule: one of {@link ADDITION_RULES}.
 *
 * @example
 * ```ts
 * import type { AdditionRule } from 'ordercore/picking';
 *
 * const rule: AdditionRule = 'most_shared_aisles';
 * rule; //=> 'most_shared_aisles'
 * ```
 */
export type AdditionRule = (typeof ADDITION_RULES)[number];

/**
 * The largest number of orders the `exact` method accepts (its work grows like 3ⁿ); above it,
 * {@link batchOrders} answers `instance_too_large`.
 *
 * @example
 * ```ts
 * import { EXACT_BATCHING_MAX_ORDERS } from 'ordercore/picking';
 *
 * EXACT_BATCHING_MAX_ORDERS; //=> 16
 * ```
 */
export const EXACT_BATCHING_MAX_ORDERS = 16;

/**
 * A customer order to batch: its picks, and its load on the picker's device.
 *
 * @example
 * ```ts
 * import type { BatchOrder } from 'ordercore/picking';
 *
 * const order: BatchOrder = {
 *   id: 'o-1',
 *   picks: [{ id: 'o-1/1', location: { aisle: 2, cell: 10 }, quantity: 3 }],
 * };
 * order.picks.length; //=> 1
 * ```
 */
export interface BatchOrder {
  /** The order's id, unique among the orders batched together. */
  readonly id: string;
  /** The order's picks (its lines at their storage locations). */
  readonly picks: readonly Pick[];
  /**
   * The order's load in items. Default: the sum of its picks' quantities (a pick without a
   * quantity counts 1), so an order of plain picks counts its picks.
   */
  readonly items?: number;
  /** The order's weight, in the unit of {@link BatchCapacity.weight}; required when that is set. */
  readonly weight?: number;
  /** The order's volume, in the unit of {@link BatchCapacity.volume}; required when that is set. */
  readonly volume?: number;
}

/**
 * What one picker (one pick device, one cart) carries on one tour.
 *
 * @example
 * ```ts
 * import type { BatchCapacity } from 'ordercore/picking';
 *
 * const capacity: BatchCapacity = { items: 45, weight: 60 };
 * capacity.items; //=> 45
 * ```
 */
export interface BatchCapacity {
  /** The most items in one batch (a positive finite number). */
  readonly items: number;
  /** The most weight in one batch; when set, every order must give its `weight`. */
  readonly weight?: number;
  /** The most volume in one batch; when set, every order must give its `volume`. */
  readonly volume?: number;
}

/**
 * Options of {@link batchOrders}.
 *
 * @example
 * ```ts
 * import type { BatchOrdersOptions } from 'ordercore/picking';
 *
 * const options: BatchOrdersOptions = {
 *   capacity: { items: 40 },
 *   policy: 'largest_gap',
 *   method: 'iterated_local_search',
 *   seed: 7,
 *   maxIterations: 50,
 * };
 * options.method; //=> 'iterated_local_search'
 * ```
 */
export interface BatchOrdersOptions {
  /** The picker's capacity per batch. */
  readonly capacity: BatchCapacity;
  /** The routing policy every batch's route (and so every length compared) is computed with. */
  readonly policy: RoutingPolicy;
  /** The batching method. */
  readonly method: BatchingMethod;
  /** The seed rule of the `seed` method (also when `seed` is a local search's start). Default `'farthest'`. */
  readonly seedRule?: SeedRule;
  /** The addition rule of the `seed` method. Default `'smallest_added_distance'`. */
  readonly additionRule?: AdditionRule;
  /** `'first'` applies the first improving move found; `'best'` the best one of the whole neighbourhood. Default `'first'`. */
  readonly improvement?: 'first' | 'best';
  /** The starting solution of `local_search` and `iterated_local_search`. Default `'savings'`. */
  readonly start?: BatchingStartMethod;
  /** The seed of the perturbations of `iterated_local_search` (a 32-bit integer; other numbers are truncated). Default 1. */
  readonly seed?: number;
  /**
   * The iteration budget: improving moves for `local_search` (default: until no move improves),
   * perturbation rounds for `iterated_local_search` (default 50). A non-negative integer.
   */
  readonly maxIterations?: number;
  /**
   * A time budget in milliseconds for `local_search` and `iterated_local_search`, measured with
   * `clock` (required with it). The search stops at the first check after the budget is spent.
   */
  readonly timeBudgetMs?: number;
  /** Milliseconds from any fixed origin (e.g. `() => performance.now()`): time is injected, the core reads no clock. */
  readonly clock?: () => number;
}

/**
 * What a batch carries.
 *
 * @example
 * ```ts
 * import type { BatchLoad } from 'ordercore/picking';
 *
 * const load: BatchLoad = { items: 12 };
 * load.items; //=> 12
 * ```
 */
export interface BatchLoad {
  /** Items in the batch. */
  readonly items: number;
  /** Weight in the batch (present when the capacity has a weight). */
  readonly weight?: number;
  /** Volume in the batch (present when the capacity has a volume). */
  readonly volume?: number;
}

/**
 * One batch: the orders one picker collects on one tour, and that tour.
 *
 * @example
 * ```ts
 * import type { Batch } from 'ordercore/picking';
 *
 * const batch: Batch = {
 *   orderIds: ['o-1'],
 *   route: { policy: 'return', length: 0, stops: [], path: [] },
 *   length: 0,
 *   load: { items: 0 },
 * };
 * batch.orderIds; //=> ['o-1']
 * ```
 */
export interface Batch {
  /** The batch's orders, in the order they were given. */
  readonly orderIds: readonly string[];
  /** The route of all the batch's picks under the policy (its stops are the batch's pick list). */
  readonly route: Route;
  /** The route's length in metres. */
  readonly length: number;
  /** What the batch carries (within the capacity). */
  readonly load: BatchLoad;
}

/**
 * Why a local search stopped: no move improves any more, the iteration budget or the time budget.
 *
 * @example
 * ```ts
 * import type { BatchingStop } from 'ordercore/picking';
 *
 * const stop: BatchingStop = 'local_optimum';
 * stop; //=> 'local_optimum'
 * ```
 */
export type BatchingStop = 'local_optimum' | 'max_iterations' | 'time_budget';

/**
 * The batches {@link batchOrders} formed: every order in exactly one batch, every batch within the
 * capacity.
 *
 * @example
 * ```ts
 * import type { BatchPlan } from 'ordercore/picking';
 *
 * const plan: BatchPlan = { batches: [], totalLength: 0, method: 'fcfs' };
 * plan.totalLength; //=> 0
 * ```
 */
export interface BatchPlan {
  /** The batches, ordered by the position of their first order in the input. */
  readonly batches: readonly Batch[];
  /** The sum of the batches' route lengths in metres. */
  readonly totalLength: number;
  /** The method that formed them. */
  readonly method: BatchingMethod;
  /** The total length of the starting solution (local searches only): `totalLength` is never above it. */
  readonly startLength?: number;
  /** Improving moves applied (`local_search`) or perturbation rounds run (`iterated_local_search`). */
  readonly iterations?: number;
  /** Why the local search stopped (local searches only). */
  readonly stoppedBy?: BatchingStop;
}
