import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { polylineLength } from '../../src/picking/routing/internal/path.js';
import { routeLength } from '../../src/picking/routing/routeLength.js';
import { routePicks } from '../../src/picking/routing/routePicks.js';
import { type Pick, ROUTING_POLICIES, type Route, type WarehouseLayout } from '../../src/picking/types.js';
import { pickListArbitrary, warehouseLayoutArbitrary } from '../../src/testing/picking.js';
import { oracleOptimalLength } from './oracle.js';

const instance = (maxPicks: number, maxAisles = 6, maxCells = 12) =>
  warehouseLayoutArbitrary({ maxAisles, maxCellsPerSide: maxCells }).chain((layout) =>
    pickListArbitrary(layout, { maxPicks }).map((picks) => ({ layout, picks })),
  );

function route(layout: WarehouseLayout, picks: readonly Pick[], policy: (typeof ROUTING_POLICIES)[number]): Route {
  const r = routePicks(layout, picks, policy);
  if (!r.ok) throw r.error;
  return r.value;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('routing properties', () => {
  it('every route visits every pick once, starts and ends at the depot, walks axis-parallel along aisles and cross aisles, and its polyline length is its length', () => {
    fc.assert(
      fc.property(instance(25, 8, 20), ({ layout, picks }) => {
        deepFreeze(layout);
        deepFreeze(picks);
        const L = layout.frontMargin + layout.cellsPerSide * layout.cellLength + layout.backMargin;
        const offset = layout.depot.offset ?? 0;
        const depot = { x: layout.depot.aisle * layout.aisleSpacing, y: offset > 0 ? -offset : 0 };
        for (const policy of ROUTING_POLICIES) {
          const r = route(layout, picks, policy);
          expect(r.policy).toBe(policy);
          expect(r.stops.length).toBe(picks.length);
          expect(new Set(r.stops).size).toBe(picks.length);
          for (const p of picks) expect(r.stops).toContain(p);
          expect(r.path[0]).toEqual(depot);
          expect(r.path.at(-1)).toEqual(depot);
          for (let i = 1; i < r.path.length; i++) {
            const a = r.path[i - 1] as { x: number; y: number };
            const b = r.path[i] as { x: number; y: number };
            // Horizontal moves only on a cross aisle; vertical moves only in an aisle (or the depot's leg).
            if (a.y !== b.y) {
              expect(a.x).toBe(b.x);
              const onAisle = Number.isInteger(a.x / layout.aisleSpacing) || a.x === depot.x;
              expect(onAisle).toBe(true);
            } else expect(a.y === 0 || a.y === L).toBe(true);
          }
          expect(close(polylineLength(r.path), r.length)).toBe(true);
          expect(routeLength(layout, picks, policy)).toBe(r.length);
        }
      }),
      { numRuns: 150, seed: 6101 },
    );
  });

  it('optimal equals the brute-force optimum (Floyd–Warshall + Held–Karp) and no heuristic beats it', () => {
    fc.assert(
      fc.property(instance(8, 5, 10), ({ layout, picks }) => {
        const exact = oracleOptimalLength(layout, picks);
        const optimal = routeLength(layout, picks, 'optimal');
        expect(close(optimal, exact)).toBe(true);
        for (const policy of ROUTING_POLICIES) {
          expect(routeLength(layout, picks, policy)).toBeGreaterThanOrEqual(optimal - 1e-9 * Math.max(1, optimal));
        }
      }),
      { numRuns: 300, seed: 6102 },
    );
  });

  it('combined is never longer than S-shape or return (both are among its choices)', () => {
    fc.assert(
      fc.property(instance(30, 10, 20), ({ layout, picks }) => {
        const c = routeLength(layout, picks, 'combined');
        expect(c).toBeLessThanOrEqual(routeLength(layout, picks, 's_shape') + 1e-9);
        expect(c).toBeLessThanOrEqual(routeLength(layout, picks, 'return') + 1e-9);
      }),
      { numRuns: 200, seed: 6103 },
    );
  });

  it('results do not depend on the order of the picks (the pick list is the same sequence of ids)', () => {
    fc.assert(
      fc.property(
        instance(20).chain(({ layout, picks }) =>
          fc
            .shuffledSubarray(picks, { minLength: picks.length, maxLength: picks.length })
            .map((shuffled) => ({ layout, picks, shuffled })),
        ),
        ({ layout, picks, shuffled }) => {
          for (const policy of ROUTING_POLICIES) {
            const a = route(layout, picks, policy);
            const b = route(layout, shuffled, policy);
            expect(b.length).toBe(a.length);
            expect(b.path).toEqual(a.path);
            expect(b.stops.map((s) => s.id)).toEqual(a.stops.map((s) => s.id));
          }
        },
      ),
      { numRuns: 100, seed: 6104 },
    );
  });

  it('routes survive a JSON round trip of their inputs unchanged', () => {
    fc.assert(
      fc.property(instance(15), ({ layout, picks }) => {
        const again = JSON.parse(JSON.stringify({ layout, picks })) as { layout: WarehouseLayout; picks: Pick[] };
        for (const policy of ROUTING_POLICIES) {
          expect(JSON.parse(JSON.stringify(route(again.layout, again.picks, policy)))).toEqual(
            JSON.parse(JSON.stringify(route(layout, picks, policy))),
          );
        }
      }),
      { numRuns: 50, seed: 6105 },
    );
  });
});
