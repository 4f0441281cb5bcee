import type { Pick, Route, RoutingPolicy, WarehouseLayout } from '../types.js';

/**
 * A pick zone: a contiguous range of aisles one picker (or team) works, with the point on the front
 * cross aisle where totes enter and leave it.
 *
 * @example
 * ```ts
 * import type { PickingZone } from 'ordercore/picking';
 *
 * const zone: PickingZone = { id: 'Z1', aisles: { from: 0, to: 4 }, handoff: 0 };
 * zone.aisles.to; //=> 4
 * ```
 */
export interface PickingZone {
  /** The zone id: unique among the zones. */
  readonly id: string;
  /** The aisles it covers, `from` to `to` inclusive (0-based, as in the layout). Zones must not overlap. */
  readonly aisles: {
    /** The first aisle of the zone (inclusive). */
    readonly from: number;
    /** The last aisle of the zone (inclusive). */
    readonly to: number;
  };
  /**
   * Where the zone's picker starts and ends: a position on the front cross aisle, in the layout's
   * aisle units (fractional allowed), within `from`–`to`. Default: the point of the zone nearest
   * the layout's depot (the depot's position clamped into the zone).
   */
  readonly handoff?: number;
}

/**
 * How zones work an order: `pick_and_pass` — the order's tote travels from zone to zone in the
 * zones' sequence and each zone picks that order's lines on its own walk; `pick_and_consolidate` —
 * all zones pick their share of every order at once (one walk per zone), and the shares are
 * consolidated per order afterwards.
 *
 * @example
 * ```ts
 * import { ZONE_PICKING_MODES } from 'ordercore/picking';
 *
 * ZONE_PICKING_MODES; //=> ['pick_and_pass', 'pick_and_consolidate']
 * ```
 */
export const ZONE_PICKING_MODES = ['pick_and_pass', 'pick_and_consolidate'] as const;

/**
 * A zone picking mode: one of {@link ZONE_PICKING_MODES}.
 *
 * @example
 * ```ts
 * import type { ZonePickingMode } from 'ordercore/picking';
 *
 * const mode: ZonePickingMode = 'pick_and_pass';
 * mode; //=> 'pick_and_pass'
 * ```
 */
export type ZonePickingMode = (typeof ZONE_PICKING_MODES)[number];

/**
 * An order to split into zone pick lists (any order type with an id and picks will do).
 *
 * @example
 * ```ts
 * import type { ZoneOrder } from 'ordercore/picking';
 *
 * const order: ZoneOrder = { id: 'o-1', picks: [{ id: 'p-1', location: { aisle: 7, cell: 3 } }] };
 * order.picks.length; //=> 1
 * ```
 */
export interface ZoneOrder {
  /** The order id: unique among the orders. */
  readonly id: string;
  /** Its picks. */
  readonly picks: readonly Pick[];
}

/**
 * Options for `zonePickLists`.
 *
 * @example
 * ```ts
 * import type { ZonePickListOptions } from 'ordercore/picking';
 *
 * const options: ZonePickListOptions = { mode: 'pick_and_consolidate', policy: 'largest_gap' };
 * options.policy; //=> 'largest_gap'
 * ```
 */
export interface ZonePickListOptions {
  /** `pick_and_pass` or `pick_and_consolidate`. */
  readonly mode: ZonePickingMode;
  /** The routing policy each zone walk uses. */
  readonly policy: RoutingPolicy;
}

/**
 * One walk in one zone: its route and whose picks it collects.
 *
 * @example
 * ```ts
 * import type { ZonePickList } from 'ordercore/picking';
 *
 * const list: ZonePickList = {
 *   zoneId: 'Z1',
 *   orderIds: ['o-1'],
 *   route: { policy: 'return', length: 0, stops: [], path: [] },
 *   stopOrderIds: [],
 * };
 * list.zoneId; //=> 'Z1'
 * ```
 */
export interface ZonePickList {
  /** The zone. */
  readonly zoneId: string;
  /** The orders with picks on this list: one for pick-and-pass, every order with picks in the zone for pick-and-consolidate (in order input order). */
  readonly orderIds: readonly string[];
  /**
   * The walk from the zone's hand-off point and back: `stops` are the caller's picks in visiting
   * order (the pick list), `path` in the whole layout's coordinates, `length` in metres.
   */
  readonly route: Route;
  /** The order of each stop, parallel to `route.stops`. */
  readonly stopOrderIds: readonly string[];
}

/**
 * One zone's share of the work.
 *
 * @example
 * ```ts
 * import type { ZoneWork } from 'ordercore/picking';
 *
 * const work: ZoneWork = {
 *   zoneId: 'Z2',
 *   aisles: { from: 5, to: 9 },
 *   layout: { aisles: 5, cellsPerSide: 45, cellLength: 1, aisleSpacing: 5, frontMargin: 1, backMargin: 1, depot: { aisle: 0 } },
 *   lists: [],
 *   length: 0,
 * };
 * work.layout.aisles; //=> 5
 * ```
 */
export interface ZoneWork {
  /** The zone. */
  readonly zoneId: string;
  /** Its aisles (global numbering). */
  readonly aisles: {
    /** The first aisle of the zone (inclusive). */
    readonly from: number;
    /** The last aisle of the zone (inclusive). */
    readonly to: number;
  };
  /**
   * The zone's own layout, in which its walks are routed: aisles `from`–`to` renumbered from 0,
   * the same cell geometry, the depot at the hand-off point (offset 0).
   */
  readonly layout: WarehouseLayout;
  /** Its walks: per order in order input order (pick-and-pass), or one walk for all (pick-and-consolidate; none when it has no picks). */
  readonly lists: readonly ZonePickList[];
  /** The metres its walks add up to. */
  readonly length: number;
}

/**
 * The zone plan of a set of orders.
 *
 * @example
 * ```ts
 * import type { ZonePickListsResult } from 'ordercore/picking';
 *
 * const empty: ZonePickListsResult = { mode: 'pick_and_pass', policy: 's_shape', zones: [], orders: [], totalLength: 0 };
 * empty.totalLength; //=> 0
 * ```
 */
export interface ZonePickListsResult {
  /** The mode used. */
  readonly mode: ZonePickingMode;
  /** The routing policy used. */
  readonly policy: RoutingPolicy;
  /** Every zone, in the given (conveyor) order, with its walks. */
  readonly zones: readonly ZoneWork[];
  /**
   * Per order, in input order: the zones holding its picks, in zone sequence — the route its tote
   * takes (pick-and-pass) or the zones whose shares are consolidated into it (pick-and-consolidate).
   */
  readonly orders: readonly {
    /** The order. */
    readonly orderId: string;
    /** The zones its picks pass through, in conveyor order. */
    readonly zones: readonly string[];
  }[];
  /** The metres all zone walks add up to. */
  readonly totalLength: number;
}
