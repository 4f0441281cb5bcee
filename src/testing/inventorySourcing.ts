import fc from 'fast-check';
import {
  DROP_SHIP_MODES,
  SOURCING_RULES,
  type SourcingLocation,
  type SourcingLocationKind,
  type SourcingOrder,
  type SourcingRule,
  type SourcingStrategy,
} from '../inventory/sourcing/types.js';

/**
 * Options for {@link sourcingScenarioArbitrary}.
 *
 * @example
 * ```ts
 * import type { SourcingScenarioArbitraryOptions } from 'ordercore/testing';
 *
 * const options: SourcingScenarioArbitraryOptions = { maxOrders: 3, maxLocations: 5, pickup: false };
 * options.maxOrders; //=> 3
 * ```
 */
export interface SourcingScenarioArbitraryOptions {
  /** SKUs drawn from. Default `['A', 'B', 'C', 'D', '__proto__']` (a hostile key on purpose). */
  readonly skus?: readonly string[];
  /** Most orders in a scenario (at least 1). Default 6. */
  readonly maxOrders?: number;
  /** Most lines per order (at least 1). Default 4. */
  readonly maxLines?: number;
  /** Most locations (at least 1). Default 6. */
  readonly maxLocations?: number;
  /** Whether some orders are pickup orders. Default `true`. */
  readonly pickup?: boolean;
  /** Whether locations get capacity limits. Default `true`. */
  readonly capacity?: boolean;
  /** Whether the strategy may minimise shipments. Default `true`. */
  readonly fewestShipments?: boolean;
}

/**
 * A sourcing scenario: orders, locations and a strategy that `sourceOrders` accepts.
 *
 * @example
 * ```ts
 * import type { SourcingScenario } from 'ordercore/testing';
 *
 * const scenario: SourcingScenario = {
 *   orders: [{ id: 'o-0', lines: [{ lineId: 'l-0', sku: 'A', quantity: 1 }] }],
 *   locations: [{ id: 'loc-0', kind: 'warehouse', available: { A: 1 } }],
 *   strategy: { rules: 'priority' },
 * };
 * scenario.orders.length; //=> 1
 * ```
 */
export interface SourcingScenario {
  /** The orders, in priority order (ids unique). */
  readonly orders: readonly SourcingOrder[];
  /** The locations (ids unique). */
  readonly locations: readonly SourcingLocation[];
  /** The strategy; its `distance` and `cost` functions are pure lookups in generated tables. */
  readonly strategy: SourcingStrategy;
}

const KINDS: readonly SourcingLocationKind[] = ['warehouse', 'warehouse', 'store', 'supplier'];

/**
 * Sourcing scenarios for property tests: up to `maxOrders` orders (ship or pickup, lines that may
 * repeat a SKU) over up to `maxLocations` warehouses, stores and suppliers with small, sometimes
 * negative availability, optional priorities, capacities and lead times, and a strategy of one rule
 * or several weighted ones, with `distance` and `cost` tables, ship-from-store, drop-ship mode and
 * fewest shipments drawn too. Ids are unique; every pickup location exists.
 *
 * @param options - Sizes, SKUs and which features to draw.
 * @returns An arbitrary of valid {@link SourcingScenario}s.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { sourceOrders } from 'ordercore/inventory';
 * import { sourcingScenarioArbitrary } from 'ordercore/testing';
 *
 * const run = fc.check(
 *   fc.property(sourcingScenarioArbitrary(), ({ orders, locations, strategy }) => {
 *     const r = sourceOrders(orders, locations, strategy);
 *     return r.ok && r.value.plans.every((p) => p.allocatedUnits <= p.requestedUnits);
 *   }),
 *   { numRuns: 50, seed: 1 },
 * );
 * run.failed; //=> false
 * ```
 */
export function sourcingScenarioArbitrary(
  options: SourcingScenarioArbitraryOptions = {},
): fc.Arbitrary<SourcingScenario> {
  const skus = options.skus ?? ['A', 'B', 'C', 'D', '__proto__'];
  const maxOrders = Math.max(1, options.maxOrders ?? 6);
  const maxLines = Math.max(1, options.maxLines ?? 4);
  const maxLocations = Math.max(1, options.maxLocations ?? 6);
  const withPickup = options.pickup ?? true;
  const withCapacity = options.capacity ?? true;
  const withFewest = options.fewestShipments ?? true;
  // `value` about one time in `1 + rarity`, else undefined.
  const sometimes = <T>(value: fc.Arbitrary<T>, rarity = 2): fc.Arbitrary<T | undefined> =>
    fc.oneof({ arbitrary: fc.constant(undefined), weight: rarity }, { arbitrary: value, weight: 1 });
  const small = (min: number, max: number) => sometimes(fc.integer({ min, max }), 3);

  const location = fc.record({
    kind: fc.constantFrom(...KINDS),
    stock: fc.array(
      fc.tuple(
        fc.constantFrom(...skus),
        fc.oneof({ arbitrary: fc.integer({ min: 0, max: 25 }), weight: 9 }, fc.integer({ min: -3, max: -1 })),
      ),
      { minLength: 1, maxLength: 2 * skus.length },
    ),
    priority: sometimes(fc.integer({ min: 0, max: 5 }), 1),
    units: withCapacity ? small(0, 15) : fc.constant(undefined),
    orders: withCapacity ? small(0, 4) : fc.constant(undefined),
    lines: withCapacity ? small(0, 6) : fc.constant(undefined),
    shipFromStore: sometimes(fc.boolean(), 1),
    pickup: sometimes(fc.boolean(), 1),
    leadTimeDays: sometimes(fc.integer({ min: 0, max: 10 }), 1),
    distance: fc.integer({ min: 0, max: 50 }),
    cost: fc.integer({ min: 0, max: 20 }),
  });
  const line = fc.record({ sku: fc.constantFrom(...skus), quantity: fc.integer({ min: 1, max: 5 }) });
  const order = fc.record({
    lines: fc.array(line, { minLength: 1, maxLength: maxLines }),
    pickup: withPickup ? sometimes(fc.nat(), 4) : fc.constant(undefined),
    destination: fc.integer({ min: 0, max: 3 }),
  });
  const rules = fc.oneof(
    fc.constantFrom<SourcingRule>(...SOURCING_RULES),
    fc.uniqueArray(
      fc.record({
        rule: fc.constantFrom<SourcingRule>(...SOURCING_RULES),
        weight: fc.double({ min: 0.1, max: 5, noNaN: true }),
      }),
      { minLength: 1, maxLength: 3, selector: (r) => r.rule },
    ),
  );
  const strategy = fc.record({
    rules,
    fewestShipments: withFewest ? fc.boolean() : fc.constant(false),
    shipFromStore: sometimes(fc.boolean(), 3),
    dropShip: sometimes(fc.constantFrom(...DROP_SHIP_MODES), 1),
  });

  return fc
    .record({
      locations: fc.array(location, { minLength: 1, maxLength: maxLocations }),
      orders: fc.array(order, { minLength: 1, maxLength: maxOrders }),
      strategy,
    })
    .map((drawn) => {
      const locations: SourcingLocation[] = drawn.locations.map((l, index) => {
        const available: Record<string, number> = {};
        for (const [sku, units] of l.stock)
          Object.defineProperty(available, sku, { value: units, enumerable: true, writable: true, configurable: true });
        const capacity = {
          ...(l.units === undefined ? {} : { units: l.units }),
          ...(l.orders === undefined ? {} : { orders: l.orders }),
          ...(l.lines === undefined ? {} : { lines: l.lines }),
        };
        return {
          id: `loc-${index}`,
          kind: l.kind,
          available,
          ...(l.priority === undefined ? {} : { priority: l.priority }),
          ...(Object.keys(capacity).length === 0 ? {} : { capacity }),
          ...(l.shipFromStore === undefined ? {} : { shipFromStore: l.shipFromStore }),
          ...(l.pickup === undefined ? {} : { pickup: l.pickup }),
          ...(l.leadTimeDays === undefined ? {} : { leadTimeDays: l.leadTimeDays }),
        };
      });
      // Pure lookups: the distance to destination d is the location's base distance + 7·d.
      const distances = new Map(drawn.locations.map((l, index) => [`loc-${index}`, l.distance]));
      const costs = new Map(drawn.locations.map((l, index) => [`loc-${index}`, l.cost]));
      const orders: SourcingOrder[] = drawn.orders.map((o, index) => ({
        id: `o-${index}`,
        lines: o.lines.map((l, i) => ({ lineId: `l-${i}`, sku: l.sku, quantity: l.quantity })),
        destination: o.destination,
        ...(o.pickup === undefined
          ? {}
          : { fulfillment: 'pickup' as const, pickupLocation: `loc-${o.pickup % locations.length}` }),
      }));
      const s = drawn.strategy;
      const strategy: SourcingStrategy = {
        rules: s.rules,
        distance: (l, destination) =>
          (distances.get(l.id) ?? 0) + 7 * (typeof destination === 'number' ? destination : 0),
        cost: (l) => costs.get(l.id) ?? 0,
        fewestShipments: s.fewestShipments,
        ...(s.shipFromStore === undefined ? {} : { shipFromStore: s.shipFromStore }),
        ...(s.dropShip === undefined ? {} : { dropShip: s.dropShip }),
      };
      return { orders, locations, strategy };
    });
}
