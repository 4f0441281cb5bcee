import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { own } from '../../src/inventory/internal/fold.js';
import { sourceOrder } from '../../src/inventory/sourcing/sourceOrder.js';
import { sourceOrders } from '../../src/inventory/sourcing/sourceOrders.js';
import type { SourcingBatch, SourcingLocation, SourcingPlan } from '../../src/inventory/sourcing/types.js';
import { type SourcingScenario, sourcingScenarioArbitrary } from '../../src/testing/inventorySourcing.js';
import { anything } from '../schemas/neverThrow.js';
import { deepFreeze, value } from './sourcingFixtures.js';

const RUNS = { numRuns: 300 };

function units(location: SourcingLocation, sku: string): number {
  return Math.max(0, own(location.available, sku) ?? 0);
}

/** Units taken per location id and SKU, over a batch. */
function taken(plans: readonly SourcingPlan[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const plan of plans)
    for (const s of plan.shipments) {
      const bySku = out.get(s.location) ?? new Map<string, number>();
      out.set(s.location, bySku);
      for (const line of s.lines) bySku.set(line.sku, (bySku.get(line.sku) ?? 0) + line.quantity);
    }
  return out;
}

function usable(location: SourcingLocation, scenario: SourcingScenario): boolean {
  const { strategy } = scenario;
  if (location.kind === 'store') return strategy.shipFromStore !== false && location.shipFromStore === true;
  if (location.kind === 'supplier') return strategy.dropShip !== 'never';
  return true;
}

describe('sourcing (properties)', () => {
  it('never allocates more than a location has, nor more than its capacity', () => {
    fc.assert(
      fc.property(sourcingScenarioArbitrary(), (scenario) => {
        const batch = value(sourceOrders(scenario.orders, scenario.locations, scenario.strategy));
        const byLocation = taken(batch.plans);
        for (const location of scenario.locations) {
          for (const [sku, q] of byLocation.get(location.id) ?? []) expect(q).toBeLessThanOrEqual(units(location, sku));
          const shipmentsHere = batch.plans.flatMap((p) => p.shipments.filter((s) => s.location === location.id));
          const c = location.capacity ?? {};
          if (c.orders !== undefined) expect(shipmentsHere.length).toBeLessThanOrEqual(c.orders);
          if (c.lines !== undefined)
            expect(shipmentsHere.reduce((n, s) => n + s.lines.length, 0)).toBeLessThanOrEqual(c.lines);
          if (c.units !== undefined)
            expect(shipmentsHere.reduce((n, s) => n + s.units, 0)).toBeLessThanOrEqual(c.units);
          // Each shipment: one location at most once per order, positive quantities, units add up.
          for (const s of shipmentsHere) {
            expect(s.lines.every((l) => l.quantity > 0 && Number.isSafeInteger(l.quantity))).toBe(true);
            expect(s.units).toBe(s.lines.reduce((n, l) => n + l.quantity, 0));
          }
        }
      }),
      RUNS,
    );
  });

  it('per line, allocated + missing = requested; the shortfall lists exactly the lines not filled', () => {
    fc.assert(
      fc.property(sourcingScenarioArbitrary(), (scenario) => {
        const batch = value(sourceOrders(scenario.orders, scenario.locations, scenario.strategy));
        let requested = 0;
        let allocated = 0;
        batch.plans.forEach((plan, index) => {
          const order = scenario.orders[index];
          expect(plan.orderId).toBe(order?.id);
          for (const line of order?.lines ?? []) {
            const got = plan.shipments
              .flatMap((s) => s.lines)
              .filter((l) => l.lineId === line.lineId)
              .reduce((n, l) => n + l.quantity, 0);
            const short = plan.shortfall.find((s) => s.lineId === line.lineId);
            if (got === line.quantity) expect(short).toBeUndefined();
            else
              expect(short).toMatchObject({ requested: line.quantity, allocated: got, missing: line.quantity - got });
            expect(got).toBeLessThanOrEqual(line.quantity);
          }
          expect(plan.allocatedUnits + plan.shortfall.reduce((n, s) => n + s.missing, 0)).toBe(plan.requestedUnits);
          expect(plan.complete).toBe(plan.shortfall.length === 0);
          expect(plan.splits).toBe(Math.max(0, plan.shipments.length - 1));
          expect(new Set(plan.shipments.map((s) => s.location)).size).toBe(plan.shipments.length);
          requested += plan.requestedUnits;
          allocated += plan.allocatedUnits;
        });
        expect(batch.summary).toMatchObject({ requestedUnits: requested, allocatedUnits: allocated });
        expect(batch.summary.missingUnits).toBe(requested - allocated);
      }),
      RUNS,
    );
  });

  it('a batch consumes as it goes: remaining = available − taken, and the next call starts from there', () => {
    fc.assert(
      fc.property(sourcingScenarioArbitrary(), (scenario) => {
        const batch = value(sourceOrders(scenario.orders, scenario.locations, scenario.strategy));
        const byLocation = taken(batch.plans);
        scenario.locations.forEach((location, l) => {
          const left = batch.locations[l] as SourcingLocation;
          expect(left.id).toBe(location.id);
          for (const sku of Object.keys(location.available)) {
            const q = byLocation.get(location.id)?.get(sku) ?? 0;
            expect(own(left.available, sku)).toBe(q === 0 ? own(location.available, sku) : units(location, sku) - q);
          }
        });
        // Sourcing the orders one call at a time, chaining the remaining locations, gives the same plans.
        let locations: readonly SourcingLocation[] = scenario.locations;
        const plans: SourcingPlan[] = [];
        for (const order of scenario.orders) {
          const step: SourcingBatch = value(sourceOrders([order], locations, scenario.strategy));
          plans.push(...step.plans);
          locations = step.locations;
        }
        expect(plans).toEqual(batch.plans);
        expect(locations).toEqual(batch.locations);
      }),
      { numRuns: 150 },
    );
  });

  it('is deterministic and does not depend on the order of the locations', () => {
    fc.assert(
      fc.property(sourcingScenarioArbitrary(), fc.func(fc.integer()), (scenario, key) => {
        const a = value(sourceOrders(scenario.orders, scenario.locations, scenario.strategy));
        const b = value(sourceOrders(scenario.orders, scenario.locations, scenario.strategy));
        expect(b).toEqual(a);
        const shuffled = scenario.locations
          .map((l, i) => ({ l, k: key(i) }))
          .sort((x, y) => x.k - y.k || x.l.id.localeCompare(y.l.id))
          .map((x) => x.l);
        const c = value(sourceOrders(scenario.orders, shuffled, scenario.strategy));
        expect(c.plans).toEqual(a.plans);
        expect(JSON.parse(JSON.stringify(a.plans))).toEqual(a.plans);
      }),
      { numRuns: 150 },
    );
  });

  it('never mutates its inputs', () => {
    fc.assert(
      fc.property(sourcingScenarioArbitrary(), (scenario) => {
        const before = JSON.stringify([scenario.orders, scenario.locations]);
        const frozen = deepFreeze({ orders: scenario.orders, locations: scenario.locations });
        value(sourceOrders(frozen.orders, frozen.locations, scenario.strategy));
        expect(JSON.stringify([frozen.orders, frozen.locations])).toBe(before);
      }),
      { numRuns: 100 },
    );
  });

  it('sourceOrder is a batch of one', () => {
    fc.assert(
      fc.property(sourcingScenarioArbitrary({ maxOrders: 1 }), (scenario) => {
        const order = scenario.orders[0];
        if (order === undefined) return;
        const single = sourceOrder(order, scenario.locations, scenario.strategy);
        const batch = value(sourceOrders([order], scenario.locations, scenario.strategy));
        expect(single.ok && single.value).toEqual(batch.plans[0]);
      }),
      { numRuns: 100 },
    );
  });

  it('only usable locations ship; pickup is all at the pickup location or nothing', () => {
    fc.assert(
      fc.property(sourcingScenarioArbitrary(), (scenario) => {
        const batch = value(sourceOrders(scenario.orders, scenario.locations, scenario.strategy));
        const byId = new Map(scenario.locations.map((l) => [l.id, l]));
        batch.plans.forEach((plan, index) => {
          const order = scenario.orders[index];
          if (order?.fulfillment === 'pickup') {
            if (plan.shipments.length > 0) {
              expect(plan.shipments.map((s) => s.location)).toEqual([order.pickupLocation]);
              expect(plan.complete).toBe(true);
            } else {
              expect(plan.shortfall).toHaveLength(order.lines.length);
              expect(plan.shortfall.every((s) => s.allocated === 0)).toBe(true);
            }
            return;
          }
          for (const s of plan.shipments) {
            const location = byId.get(s.location) as SourcingLocation;
            expect(usable(location, scenario)).toBe(true);
            expect(s.reason.dropShipFallback).toBe(
              location.kind === 'supplier' && (scenario.strategy.dropShip ?? 'after_own_stock') === 'after_own_stock',
            );
            expect(s.reason.score).toBeGreaterThanOrEqual(0);
            expect(s.reason.score).toBeLessThanOrEqual(1 + 1e-12);
          }
          // Ranks increase along the plan (shipments come in rank order).
          const ranks = plan.shipments.map((s) => s.reason.rank);
          expect([...ranks].sort((x, y) => x - y)).toEqual(ranks);
        });
      }),
      RUNS,
    );
  });

  it('drop-ship after own stock: a supplier ships a SKU only when no usable own location has any left', () => {
    fc.assert(
      fc.property(sourcingScenarioArbitrary({ maxOrders: 1, capacity: false, pickup: false }), (scenario) => {
        const strategy = { ...scenario.strategy, dropShip: 'after_own_stock' as const };
        const batch = value(sourceOrders(scenario.orders, scenario.locations, strategy));
        const plan = batch.plans[0] as SourcingPlan;
        const supplied = new Set(
          plan.shipments.filter((s) => s.kind === 'supplier').flatMap((s) => s.lines.map((l) => l.sku)),
        );
        for (const sku of supplied)
          for (const left of batch.locations)
            if (left.kind !== 'supplier' && usable(left, { ...scenario, strategy })) expect(units(left, sku)).toBe(0);
      }),
      RUNS,
    );
  });

  it('fewest shipments: one shipment when one location covers the order, never more than rank order for the same units', () => {
    fc.assert(
      fc.property(sourcingScenarioArbitrary({ maxOrders: 1, pickup: false }), (scenario) => {
        const base = { ...scenario.strategy, fewestShipments: false };
        const rank = value(sourceOrders(scenario.orders, scenario.locations, base)).plans[0] as SourcingPlan;
        const fewest = value(sourceOrders(scenario.orders, scenario.locations, { ...base, fewestShipments: true }))
          .plans[0] as SourcingPlan;
        // More units first, then fewer shipments.
        expect(fewest.allocatedUnits).toBeGreaterThanOrEqual(rank.allocatedUnits);
        if (fewest.allocatedUnits === rank.allocatedUnits)
          expect(fewest.shipments.length).toBeLessThanOrEqual(rank.shipments.length);
        // A usable own location (no capacity limits) holding the whole order: one shipment.
        const order = scenario.orders[0];
        const need = new Map<string, number>();
        for (const line of order?.lines ?? []) need.set(line.sku, (need.get(line.sku) ?? 0) + line.quantity);
        const covering = scenario.locations.some(
          (l) =>
            l.kind !== 'supplier' &&
            usable(l, scenario) &&
            l.capacity === undefined &&
            [...need].every(([sku, q]) => units(l, sku) >= q),
        );
        if (covering) {
          expect(fewest.shipments).toHaveLength(1);
          expect(fewest.complete).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('hostile input comes back as a typed error, never a throw', () => {
    fc.assert(
      fc.property(anything, anything, anything, (order, locations, strategy) => {
        const r = sourceOrder(order as never, locations as never, strategy as never);
        if (!r.ok) expect(['invalid_request', 'unknown_location']).toContain(r.error.code);
        const b = sourceOrders([order] as never, [locations] as never, strategy as never);
        if (!b.ok) expect(typeof b.error.details['field']).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});
