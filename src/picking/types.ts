/**
 * The picking model shared by layout, routing, batching, waves and zones.
 *
 * Distances are in metres, plain floating-point numbers (not money): determinism holds because the
 * same operations run in the same order on every platform (IEEE 754); no sum depends on the
 * iteration order of unordered input.
 *
 * Coordinates (route paths, drawings): `x` runs along the front cross aisle, with aisle `i`'s centre
 * line at `x = i × aisleSpacing` (so aisle 0 is at `x = 0`); `y` is the depth from the front cross
 * aisle's centre line (`y = 0`) to the back cross aisle's centre line (`y = aisleLength`). The depot
 * sits at `(depot.aisle × aisleSpacing, −offset)`.
 */

/**
 * The standard single-block warehouse: parallel two-sided picking aisles between a front and a back
 * cross aisle, the depot on the front cross aisle.
 *
 * @example
 * ```ts
 * import type { WarehouseLayout } from 'ordercore/picking';
 *
 * const layout: WarehouseLayout = {
 *   aisles: 4, cellsPerSide: 10, cellLength: 1, aisleSpacing: 3, frontMargin: 1, backMargin: 1, depot: { aisle: 0 },
 * };
 * layout.frontMargin + layout.cellsPerSide * layout.cellLength + layout.backMargin; //=> 12
 * ```
 */
export interface WarehouseLayout {
  /** Parallel two-sided picking aisles, numbered `0..aisles-1` from the left; an integer ≥ 1. */
  readonly aisles: number;
  /** Storage cells per aisle side, numbered `0..cellsPerSide-1` from the front; an integer ≥ 1. */
  readonly cellsPerSide: number;
  /** Metres along the aisle per cell; finite, > 0. */
  readonly cellLength: number;
  /** Centre-to-centre distance between adjacent aisles in metres; finite, > 0. */
  readonly aisleSpacing: number;
  /** Metres from the front cross aisle's centre line to the start of cell 0; finite, ≥ 0. */
  readonly frontMargin: number;
  /** Metres from the end of the last cell to the back cross aisle's centre line; finite, ≥ 0. */
  readonly backMargin: number;
  /** Where tours start and end: on the front cross aisle. */
  readonly depot: {
    /**
     * The depot's x in aisle units: at the x of aisle `aisle` (may be fractional, e.g. 4.5 = between
     * aisles 4 and 5; 0 = in front of the first aisle); within `[0, aisles - 1]`.
     */
    readonly aisle: number;
    /** Metres in front of the front cross aisle (walked twice per tour); finite, ≥ 0, default 0. */
    readonly offset?: number;
  };
}

/**
 * A storage cell: an aisle, a cell along it, and the side (recorded, not walked: both sides of an
 * aisle are picked from its centre line). The cell's depth from the front cross aisle is
 * `frontMargin + (cell + 0.5) × cellLength`.
 *
 * @example
 * ```ts
 * import type { StorageLocation } from 'ordercore/picking';
 *
 * const location: StorageLocation = { aisle: 2, cell: 7, side: 'left' };
 * location.side; //=> 'left'
 * ```
 */
export interface StorageLocation {
  /** The aisle, an integer in `[0, aisles)`. */
  readonly aisle: number;
  /** The cell along the aisle from the front, an integer in `[0, cellsPerSide)`. */
  readonly cell: number;
  /** Which side of the aisle the cell is on; does not change distances. */
  readonly side?: 'left' | 'right';
}

/**
 * One pick: a caller id and the location to visit, optionally the SKU and quantity (carried along,
 * not used by routing).
 *
 * @example
 * ```ts
 * import type { Pick } from 'ordercore/picking';
 *
 * const pick: Pick = { id: 'o-1/1', location: { aisle: 0, cell: 3 }, sku: 'SHIRT', quantity: 2 };
 * pick.location.cell; //=> 3
 * ```
 */
export interface Pick {
  /** The caller's id for the pick; unique within one routing call. */
  readonly id: string;
  /** Where the item is stored. */
  readonly location: StorageLocation;
  /** The SKU picked, if the caller wants it on the pick list. */
  readonly sku?: string;
  /** The units picked, if the caller wants them on the pick list. */
  readonly quantity?: number;
}

/**
 * Every routing policy, in the order the documentation presents them.
 *
 * @example
 * ```ts
 * import { ROUTING_POLICIES } from 'ordercore/picking';
 *
 * ROUTING_POLICIES.length; //=> 6
 * ```
 */
export const ROUTING_POLICIES = ['s_shape', 'return', 'midpoint', 'largest_gap', 'combined', 'optimal'] as const;

/**
 * A routing policy: a heuristic (`s_shape`, `return`, `midpoint`, `largest_gap`, `combined`) or the
 * exact shortest tour (`optimal`, Ratliff & Rosenthal 1983).
 *
 * @example
 * ```ts
 * import type { RoutingPolicy } from 'ordercore/picking';
 *
 * const policy: RoutingPolicy = 'largest_gap';
 * policy; //=> 'largest_gap'
 * ```
 */
export type RoutingPolicy = (typeof ROUTING_POLICIES)[number];

/**
 * A point of a walked path, in metres (see the module's coordinate convention: aisle `i` at
 * `x = i × aisleSpacing`, `y` the depth from the front cross aisle).
 *
 * @example
 * ```ts
 * import type { PathPoint } from 'ordercore/picking';
 *
 * const p: PathPoint = { x: 3, y: 4.5 };
 * p.x + p.y; //=> 7.5
 * ```
 */
export interface PathPoint {
  /** Metres along the front cross aisle. */
  readonly x: number;
  /** Metres of depth from the front cross aisle's centre line (negative only in front of it, at the depot). */
  readonly y: number;
}

/**
 * A picker tour: the picks in visiting order, the walked polyline from the depot back to the depot,
 * and its length.
 *
 * @example
 * ```ts
 * import type { Route } from 'ordercore/picking';
 *
 * const route: Route = { policy: 'return', length: 0, stops: [], path: [{ x: 0, y: 0 }] };
 * route.stops.length; //=> 0
 * ```
 */
export interface Route {
  /** The policy that produced the route. */
  readonly policy: RoutingPolicy;
  /** The tour length in metres; equals the polyline length of `path`. */
  readonly length: number;
  /** The pick list: the picks in visiting order, each exactly once. */
  readonly stops: readonly Pick[];
  /** The walked polyline, depot → … → depot (axis-parallel segments). */
  readonly path: readonly PathPoint[];
}
