import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROUTING_POLICIES } from '../../src/picking/types.js';
import type { PickingZone } from '../../src/picking/zones/types.js';
import { zonePickLists } from '../../src/picking/zones/zonePickLists.js';
import { pickingInstance } from '../../src/testing/pickingInstances.js';

/** A generated instance on a small layout, its aisles cut into 1–4 contiguous zones (shuffled conveyor order). */
const scenario = fc
  .record({
    seed: fc.nat(),
    aisles: fc.integer({ min: 1, max: 8 }),
    orders: fc.integer({ min: 0, max: 12 }),
    cuts: fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 3 }),
    reverse: fc.boolean(),
    mode: fc.constantFrom('pick_and_pass' as const, 'pick_and_consolidate' as const),
    policy: fc.constantFrom(...ROUTING_POLICIES),
    storage: fc.constantFrom('uniform' as const, 'class_based' as const),
  })
  .map(({ seed, aisles, orders: count, cuts, reverse, mode, policy, storage }) => {
    const instance = pickingInstance({
      seed,
      aisles,
      locationsPerAisle: 12,
      orders: count,
      minItems: 1,
      maxItems: 6,
      storage,
    });
    const bounds = [...new Set(cuts.filter((c) => c < aisles))].sort((a, b) => a - b);
    const starts = [0, ...bounds];
    const zones: PickingZone[] = starts.map((from, i) => ({
      id: `Z${i}`,
      aisles: { from, to: (starts[i + 1] ?? aisles) - 1 },
    }));
    return { ...instance, zones: reverse ? zones.reverse() : zones, mode, policy };
  });

describe('zonePickLists properties', () => {
  it('every pick is on exactly one zone list, in the zone that holds its aisle, labelled with its order', () => {
    fc.assert(
      fc.property(scenario, ({ layout, orders, zones, mode, policy }) => {
        const r = zonePickLists(layout, orders, zones, { mode, policy });
        if (!r.ok) throw r.error;
        const seen = new Map<unknown, number>();
        for (const work of r.value.zones) {
          const zone = zones.find((z) => z.id === work.zoneId);
          if (zone === undefined) return false;
          expect(work.length).toBeCloseTo(
            work.lists.reduce((s, l) => s + l.route.length, 0),
            9,
          );
          for (const list of work.lists) {
            if (mode === 'pick_and_pass') expect(list.orderIds.length).toBe(1);
            list.route.stops.forEach((stop, i) => {
              seen.set(stop, (seen.get(stop) ?? 0) + 1);
              expect(stop.location.aisle).toBeGreaterThanOrEqual(zone.aisles.from);
              expect(stop.location.aisle).toBeLessThanOrEqual(zone.aisles.to);
              const owner = orders.find((o) => o.picks.includes(stop));
              expect(list.stopOrderIds[i]).toBe(owner?.id);
            });
            for (const pt of list.route.path) {
              expect(pt.x).toBeGreaterThanOrEqual(zone.aisles.from * layout.aisleSpacing - 1e-9);
              expect(pt.x).toBeLessThanOrEqual(zone.aisles.to * layout.aisleSpacing + 1e-9);
            }
          }
        }
        const all = orders.flatMap((o) => o.picks);
        expect(seen.size).toBe(all.length);
        for (const pick of all) expect(seen.get(pick)).toBe(1);
        // The tote's sequence follows the given zone order and names exactly the zones with its picks.
        r.value.orders.forEach((entry, o) => {
          const order = orders[o];
          expect(entry.orderId).toBe(order?.id);
          const expected = zones
            .filter((z) =>
              order?.picks.some((p) => p.location.aisle >= z.aisles.from && p.location.aisle <= z.aisles.to),
            )
            .map((z) => z.id);
          expect(entry.zones).toEqual(expected);
        });
        return true;
      }),
      { numRuns: 120, seed: 21 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(scenario, ({ layout, orders, zones, mode, policy }) => {
        const a = zonePickLists(layout, orders, zones, { mode, policy });
        const b = zonePickLists(structuredClone(layout), structuredClone(orders), structuredClone(zones), {
          mode,
          policy,
        });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 60, seed: 22 },
    );
  });
});
