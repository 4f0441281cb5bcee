// The data of sourcing: orders to place, the locations that can fill them, the strategy that ranks
// the locations, and the plan that comes back. Sourcing reads availability figures (what a caller
// gets from `availableToPromise`, or any host's own numbers): it never touches the ledger.

import type { LocationId, Sku } from '../types.js';

/**
 * The kinds of location sourcing can ship from: own `warehouse`s, `store`s (only when they ship
 * from store), and `supplier`s that drop-ship with a lead time.
 *
 * @example
 * ```ts
 * import { SOURCING_LOCATION_KINDS } from 'ordercore/inventory';
 *
 * SOURCING_LOCATION_KINDS; //=> ['warehouse', 'store', 'supplier']
 * ```
 */
export const SOURCING_LOCATION_KINDS = ['warehouse', 'store', 'supplier'] as const;

/**
 * One of {@link SOURCING_LOCATION_KINDS}.
 *
 * @example
 * ```ts
 * import type { SourcingLocationKind } from 'ordercore/inventory';
 *
 * const kind: SourcingLocationKind = 'store';
 * kind; //=> 'store'
 * ```
 */
export type SourcingLocationKind = (typeof SOURCING_LOCATION_KINDS)[number];

/**
 * The rules a strategy ranks locations by, each turned into a score in [0, 1] (1 = best):
 *
 * - `priority`: the location's `priority`, lower first (a location without one scores 0);
 * - `highest_stock`: the units the location has of the order's SKUs (each SKU counted once), more first;
 * - `nearest`: `strategy.distance(location, order.destination, order)`, smaller first;
 * - `cheapest`: `strategy.cost(location, order.destination, order)`, smaller first;
 * - `fastest`: the location's `leadTimeDays` (default 0), smaller first.
 *
 * @example
 * ```ts
 * import { SOURCING_RULES } from 'ordercore/inventory';
 *
 * SOURCING_RULES; //=> ['priority', 'highest_stock', 'nearest', 'cheapest', 'fastest']
 * ```
 */
export const SOURCING_RULES = ['priority', 'highest_stock', 'nearest', 'cheapest', 'fastest'] as const;

/**
 * One of {@link SOURCING_RULES}.
 *
 * @example
 * ```ts
 * import type { SourcingRule } from 'ordercore/inventory';
 *
 * const rule: SourcingRule = 'nearest';
 * rule; //=> 'nearest'
 * ```
 */
export type SourcingRule = (typeof SOURCING_RULES)[number];

/**
 * When suppliers (`kind: 'supplier'`) are used:
 *
 * - `after_own_stock` (the default): only for what warehouses and stores cannot cover;
 * - `ranked`: like any other location, by the strategy's rules (add `fastest` to weigh lead times);
 * - `never`: not at all.
 *
 * @example
 * ```ts
 * import { DROP_SHIP_MODES } from 'ordercore/inventory';
 *
 * DROP_SHIP_MODES; //=> ['after_own_stock', 'ranked', 'never']
 * ```
 */
export const DROP_SHIP_MODES = ['after_own_stock', 'ranked', 'never'] as const;

/**
 * One of {@link DROP_SHIP_MODES}.
 *
 * @example
 * ```ts
 * import type { DropShipMode } from 'ordercore/inventory';
 *
 * const mode: DropShipMode = 'ranked';
 * mode; //=> 'ranked'
 * ```
 */
export type DropShipMode = (typeof DROP_SHIP_MODES)[number];

/**
 * One line of an order to source.
 *
 * @example
 * ```ts
 * import type { SourcingOrderLine } from 'ordercore/inventory';
 *
 * const line: SourcingOrderLine = { lineId: 'l-1', sku: 'SHIRT', quantity: 2 };
 * line.quantity; //=> 2
 * ```
 */
export interface SourcingOrderLine {
  /** The line's id, unique within the order. */
  readonly lineId: string;
  /** The SKU wanted. */
  readonly sku: Sku;
  /** Units wanted: a positive safe integer. */
  readonly quantity: number;
}

/**
 * An order to source: its lines, where it goes, and whether it ships or is picked up in store.
 *
 * @example
 * ```ts
 * import type { SourcingOrder } from 'ordercore/inventory';
 *
 * const order: SourcingOrder = {
 *   id: 'o-1', lines: [{ lineId: 'l-1', sku: 'SHIRT', quantity: 2 }], destination: { zip: '10115' },
 * };
 * order.fulfillment ?? 'ship'; //=> 'ship'
 * ```
 */
export interface SourcingOrder {
  /** The order's id, unique within a batch. */
  readonly id: string;
  /** The lines, at least one. */
  readonly lines: readonly SourcingOrderLine[];
  /** Where the order goes: opaque to sourcing, handed to the strategy's `distance` and `cost` functions. */
  readonly destination?: unknown;
  /** `'ship'` (the default) or `'pickup'` at `pickupLocation`. */
  readonly fulfillment?: 'ship' | 'pickup';
  /** The location a pickup order is collected from (required for `'pickup'`, ignored for `'ship'`). */
  readonly pickupLocation?: LocationId;
}

/**
 * Limits on what one location can take in a sourcing call (a batch consumes them order by order).
 * An absent limit is no limit.
 *
 * @example
 * ```ts
 * import type { LocationCapacity } from 'ordercore/inventory';
 *
 * const capacity: LocationCapacity = { units: 500, orders: 120 };
 * capacity.lines; //=> undefined
 * ```
 */
export interface LocationCapacity {
  /** Units it can ship in all. */
  readonly units?: number;
  /** Orders (shipments) it can take. */
  readonly orders?: number;
  /** Shipment lines (an order line, or part of one, shipped from here) it can pick. */
  readonly lines?: number;
}

/**
 * A location sourcing may ship from, with the units it has available per SKU.
 *
 * @example
 * ```ts
 * import type { SourcingLocation } from 'ordercore/inventory';
 *
 * const store: SourcingLocation = {
 *   id: 'store-mitte', kind: 'store', available: { SHIRT: 4 }, shipFromStore: true, pickup: true,
 * };
 * store.available['SHIRT']; //=> 4
 * ```
 */
export interface SourcingLocation {
  /** The location's id, unique in the list. */
  readonly id: LocationId;
  /** Warehouse, store or supplier. */
  readonly kind: SourcingLocationKind;
  /**
   * Units available to promise per SKU (a safe integer; a negative figure, oversold stock, counts as
   * 0; a SKU not listed has none).
   */
  readonly available: Readonly<Record<Sku, number>>;
  /** Rank for the `priority` rule: lower first; absent ranks after every location that has one. */
  readonly priority?: number;
  /** What it can take in this call (default: no limit). */
  readonly capacity?: LocationCapacity;
  /** A store ships orders only when this is `true` (default `false`); other kinds ignore it. */
  readonly shipFromStore?: boolean;
  /** Whether orders can be picked up here (default: `true` for stores, `false` for the others). */
  readonly pickup?: boolean;
  /** Days before a shipment leaves (a supplier's drop-ship lead time; default 0). */
  readonly leadTimeDays?: number;
}

/**
 * A distance or a cost from a location to an order's destination: a finite number ≥ 0. Called once
 * per candidate location per order; it must be pure (same answer for the same arguments).
 *
 * @example
 * ```ts
 * import type { SourcingMeasure } from 'ordercore/inventory';
 *
 * const km: SourcingMeasure = (location, destination) =>
 *   location.id === 'berlin' && destination === 'berlin' ? 5 : 400;
 * km({ id: 'berlin', kind: 'warehouse', available: {} }, 'berlin', { id: 'o', lines: [] }); //=> 5
 * ```
 */
export type SourcingMeasure = (location: SourcingLocation, destination: unknown, order: SourcingOrder) => number;

/**
 * A rule with its weight in a composed strategy.
 *
 * @example
 * ```ts
 * import type { WeightedSourcingRule } from 'ordercore/inventory';
 *
 * const rule: WeightedSourcingRule = { rule: 'cheapest', weight: 2 };
 * rule.weight; //=> 2
 * ```
 */
export interface WeightedSourcingRule {
  /** The rule. */
  readonly rule: SourcingRule;
  /** Its weight: a finite number > 0. */
  readonly weight: number;
}

/**
 * How sourcing chooses locations.
 *
 * Ranking: each rule gives every candidate location a value, normalised over the order's candidates
 * to [0, 1] by min–max (best value 1, worst 0; all equal: 1; no value: 0); a location's score is the
 * weighted mean `Σ weight × normalised / Σ weight`. Locations rank by score (higher first), then
 * `priority` (lower first, absent last), then id (UTF-16 code-unit order); with `dropShip:
 * 'after_own_stock'` suppliers come after every own location whatever their score.
 *
 * @example
 * ```ts
 * import type { SourcingStrategy } from 'ordercore/inventory';
 *
 * const strategy: SourcingStrategy = {
 *   rules: [{ rule: 'nearest', weight: 3 }, { rule: 'cheapest', weight: 1 }],
 *   distance: () => 10,
 *   cost: () => 4,
 *   fewestShipments: true,
 * };
 * strategy.dropShip ?? 'after_own_stock'; //=> 'after_own_stock'
 * ```
 */
export interface SourcingStrategy {
  /** One rule, or weighted rules (each rule at most once). Default `'priority'`. */
  readonly rules?: SourcingRule | readonly WeightedSourcingRule[];
  /** The distance function the `nearest` rule needs. */
  readonly distance?: SourcingMeasure;
  /** The cost function the `cheapest` rule needs. */
  readonly cost?: SourcingMeasure;
  /**
   * Minimise shipments (default `false`: fill from locations in rank order): one location that
   * covers the whole order wins, else the smallest set of locations that covers it.
   */
  readonly fewestShipments?: boolean;
  /** `false` turns ship-from-store off for every store (default `true`: each store's own flag decides). */
  readonly shipFromStore?: boolean;
  /** When suppliers are used (default `'after_own_stock'`). */
  readonly dropShip?: DropShipMode;
}

/**
 * How a location came to be chosen:
 *
 * - `rank`: filled in rank order (the default strategy, or fewest shipments when rank order was already fewest);
 * - `single_location`: fewest shipments: the best-ranked location that can ship the whole order (or what remains of it);
 * - `exact_cover`: fewest shipments: the smallest set of locations among the 12 best-ranked that covers it;
 * - `greedy_cover`: fewest shipments: the location that could take the most of what was still missing;
 * - `pickup`: the order's pickup location.
 *
 * @example
 * ```ts
 * import { SOURCING_DECISIONS } from 'ordercore/inventory';
 *
 * SOURCING_DECISIONS.includes('exact_cover'); //=> true
 * ```
 */
export const SOURCING_DECISIONS = ['rank', 'single_location', 'exact_cover', 'greedy_cover', 'pickup'] as const;

/**
 * One of {@link SOURCING_DECISIONS}.
 *
 * @example
 * ```ts
 * import type { SourcingDecision } from 'ordercore/inventory';
 *
 * const decision: SourcingDecision = 'single_location';
 * decision; //=> 'single_location'
 * ```
 */
export type SourcingDecision = (typeof SOURCING_DECISIONS)[number];

/**
 * What one rule said about a location.
 *
 * @example
 * ```ts
 * import type { SourcingScore } from 'ordercore/inventory';
 *
 * const score: SourcingScore = { rule: 'nearest', weight: 1, value: 12.5, normalised: 0.75 };
 * score.normalised; //=> 0.75
 * ```
 */
export interface SourcingScore {
  /** The rule. */
  readonly rule: SourcingRule;
  /** Its weight in the strategy. */
  readonly weight: number;
  /** The raw value (priority, units, distance, cost, lead time); `null` when the location has none (no `priority`). */
  readonly value: number | null;
  /** The value normalised over the order's candidates: 1 best, 0 worst. */
  readonly normalised: number;
}

/**
 * Why a location ships part of an order: the decision, its place in the ranking and the scores.
 *
 * @example
 * ```ts
 * import type { SourcingReason } from 'ordercore/inventory';
 *
 * const reason: SourcingReason = {
 *   decision: 'rank', rank: 1, score: 1, dropShipFallback: false,
 *   scores: [{ rule: 'priority', weight: 1, value: 1, normalised: 1 }],
 * };
 * reason.rank; //=> 1
 * ```
 */
export interface SourcingReason {
  /** The decision that chose it. */
  readonly decision: SourcingDecision;
  /** Its 1-based place among the order's candidate locations (pickup: 1). */
  readonly rank: number;
  /** Its weighted score in [0, 1] (pickup: 1). */
  readonly score: number;
  /** Each rule's value and normalised score, in the strategy's order (pickup: none). */
  readonly scores: readonly SourcingScore[];
  /** `true` for a supplier used because own stock fell short (`dropShip: 'after_own_stock'`). */
  readonly dropShipFallback: boolean;
}

/**
 * Units of one order line shipped from one location.
 *
 * @example
 * ```ts
 * import type { SourcedLine } from 'ordercore/inventory';
 *
 * const line: SourcedLine = { lineId: 'l-1', sku: 'SHIRT', quantity: 2 };
 * line.sku; //=> 'SHIRT'
 * ```
 */
export interface SourcedLine {
  /** The order line. */
  readonly lineId: string;
  /** Its SKU. */
  readonly sku: Sku;
  /** Units from this location (> 0). */
  readonly quantity: number;
}

/**
 * What one location ships (or hands over, for a pickup) of one order.
 *
 * @example
 * ```ts
 * import type { SourcingShipment } from 'ordercore/inventory';
 *
 * const shipment: SourcingShipment = {
 *   location: 'dc', kind: 'warehouse', lines: [{ lineId: 'l-1', sku: 'SHIRT', quantity: 2 }], units: 2,
 *   leadTimeDays: 0, reason: { decision: 'rank', rank: 1, score: 1, scores: [], dropShipFallback: false },
 * };
 * shipment.units; //=> 2
 * ```
 */
export interface SourcingShipment {
  /** The location. */
  readonly location: LocationId;
  /** Its kind (`supplier`: a drop-shipment). */
  readonly kind: SourcingLocationKind;
  /** The lines and units it ships, in the order's line order. */
  readonly lines: readonly SourcedLine[];
  /** Units in all. */
  readonly units: number;
  /** The location's lead time (days before the shipment leaves). */
  readonly leadTimeDays: number;
  /** Why this location. */
  readonly reason: SourcingReason;
}

/**
 * Why units of a line could not be sourced:
 *
 * - `insufficient_stock`: no usable location has any more of the SKU;
 * - `capacity`: some usable location still has the SKU, but its capacity (units, orders or lines) is spent;
 * - `pickup_incomplete`: the pickup location has this line, but not the whole order (pickup is all or nothing);
 * - `pickup_not_offered`: the pickup location does not offer pickup.
 *
 * @example
 * ```ts
 * import { SHORTFALL_REASONS } from 'ordercore/inventory';
 *
 * SHORTFALL_REASONS.includes('capacity'); //=> true
 * ```
 */
export const SHORTFALL_REASONS = ['insufficient_stock', 'capacity', 'pickup_incomplete', 'pickup_not_offered'] as const;

/**
 * One of {@link SHORTFALL_REASONS}.
 *
 * @example
 * ```ts
 * import type { ShortfallReason } from 'ordercore/inventory';
 *
 * const reason: ShortfallReason = 'pickup_incomplete';
 * reason; //=> 'pickup_incomplete'
 * ```
 */
export type ShortfallReason = (typeof SHORTFALL_REASONS)[number];

/**
 * A line that could not be sourced in full: `allocated + missing = requested`.
 *
 * @example
 * ```ts
 * import type { SourcingShortfall } from 'ordercore/inventory';
 *
 * const short: SourcingShortfall = {
 *   lineId: 'l-1', sku: 'SHIRT', requested: 5, allocated: 3, missing: 2, reason: 'insufficient_stock',
 * };
 * short.allocated + short.missing; //=> 5
 * ```
 */
export interface SourcingShortfall {
  /** The order line. */
  readonly lineId: string;
  /** Its SKU. */
  readonly sku: Sku;
  /** Units the line asked for. */
  readonly requested: number;
  /** Units sourced (over all shipments). */
  readonly allocated: number;
  /** Units not sourced (> 0). */
  readonly missing: number;
  /** Why. */
  readonly reason: ShortfallReason;
}

/**
 * The sourcing plan of one order: shipments per location, the shortfall per line, and why.
 *
 * @example
 * ```ts
 * import type { SourcingPlan } from 'ordercore/inventory';
 *
 * const plan: SourcingPlan = {
 *   orderId: 'o-1', fulfillment: 'ship', complete: true, shipments: [], shortfall: [], splits: 0,
 *   requestedUnits: 0, allocatedUnits: 0,
 * };
 * plan.complete; //=> true
 * ```
 */
export interface SourcingPlan {
  /** The order. */
  readonly orderId: string;
  /** Shipped or picked up. */
  readonly fulfillment: 'ship' | 'pickup';
  /** `true` when every line is sourced in full (`shortfall` is empty). */
  readonly complete: boolean;
  /** The shipments, in rank order of their locations. */
  readonly shipments: readonly SourcingShipment[];
  /** The lines not sourced in full, in the order's line order. */
  readonly shortfall: readonly SourcingShortfall[];
  /** How many times the order is split: shipments − 1 (0 with none). */
  readonly splits: number;
  /** Units the order asks for. */
  readonly requestedUnits: number;
  /** Units sourced. */
  readonly allocatedUnits: number;
}

/**
 * Totals over a batch of plans.
 *
 * @example
 * ```ts
 * import type { SourcingSummary } from 'ordercore/inventory';
 *
 * const summary: SourcingSummary = {
 *   orders: 2, complete: 1, shipments: 3, splits: 1, requestedUnits: 10, allocatedUnits: 8, missingUnits: 2,
 * };
 * summary.requestedUnits - summary.allocatedUnits; //=> 2
 * ```
 */
export interface SourcingSummary {
  /** Orders sourced. */
  readonly orders: number;
  /** Orders sourced in full. */
  readonly complete: number;
  /** Shipments in all. */
  readonly shipments: number;
  /** Splits in all. */
  readonly splits: number;
  /** Units asked for. */
  readonly requestedUnits: number;
  /** Units sourced. */
  readonly allocatedUnits: number;
  /** Units not sourced. */
  readonly missingUnits: number;
}

/**
 * What sourcing a batch of orders gives: a plan per order (in the given order), the locations as
 * they are left (availability and capacity reduced by what the plans take: feed them to the next
 * call), and totals.
 *
 * @example
 * ```ts
 * import type { SourcingBatch } from 'ordercore/inventory';
 *
 * const batch: SourcingBatch = {
 *   plans: [], locations: [],
 *   summary: { orders: 0, complete: 0, shipments: 0, splits: 0, requestedUnits: 0, allocatedUnits: 0, missingUnits: 0 },
 * };
 * batch.plans.length; //=> 0
 * ```
 */
export interface SourcingBatch {
  /** One plan per order, in the order given. */
  readonly plans: readonly SourcingPlan[];
  /** The locations after the batch, in the order given: `available` and `capacity` reduced. */
  readonly locations: readonly SourcingLocation[];
  /** Totals over the plans. */
  readonly summary: SourcingSummary;
}
