import {
  locationCoordinates,
  PickingError,
  routeLength,
  routePicks,
  routeToSvg,
  validateLayout,
} from 'ordercore/picking';
import { describe, expect, it } from 'vitest';
import type { Pick, Route, RoutingPolicy, WarehouseLayout } from '../../src/picking/types.js';
import { oracleOptimalLength } from './oracle.js';

// A tiny layout for hand computation: 4 aisles 2 m apart (x = 0, 2, 4, 6), 10 cells of 1 m per
// side, 1 m margins: aisle length L = 12, cell c at depth 1.5 + c, depot in front of aisle 0.
const tiny: WarehouseLayout = {
  aisles: 4,
  cellsPerSide: 10,
  cellLength: 1,
  aisleSpacing: 2,
  frontMargin: 1,
  backMargin: 1,
  depot: { aisle: 0 },
};
const at = (id: string, aisle: number, cell: number, side?: 'left' | 'right'): Pick =>
  side === undefined ? { id, location: { aisle, cell } } : { id, location: { aisle, cell, side } };

// A (aisle 0, depth 2.5), B (aisle 1, 9.5), C (aisle 1, 3.5), D (aisle 3, 6.5). Cross-aisle travel
// for every policy: depot (x 0) to the rightmost pick aisle (x 6) and back = 12.
const picks = [at('B', 1, 8), at('D', 3, 5), at('A', 0, 1), at('C', 1, 2)];

function route(layout: WarehouseLayout, list: readonly Pick[], policy: RoutingPolicy): Route {
  const r = routePicks(layout, list, policy);
  if (!r.ok) throw r.error;
  return r.value;
}
const ids = (r: Route): string => r.stops.map((s) => s.id).join('');

describe('routing: hand-computed examples on the tiny layout', () => {
  it('S-shape: aisles 0 and 1 traversed (24), aisle 3 (odd count) entered to 6.5 and back (13): 12 + 24 + 13 = 49', () => {
    const r = route(tiny, picks, 's_shape');
    expect(r.length).toBe(49);
    expect(ids(r)).toBe('ABCD');
    expect(r.path).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: 12 },
      { x: 2, y: 12 },
      { x: 2, y: 0 },
      { x: 6, y: 0 },
      { x: 6, y: 6.5 },
      { x: 6, y: 0 },
      { x: 0, y: 0 },
    ]);
  });

  it('return: 2 × (2.5 + 9.5 + 6.5) + 12 = 49, each aisle in and out from the front', () => {
    const r = route(tiny, picks, 'return');
    expect(r.length).toBe(49);
    expect(ids(r)).toBe('ACBD');
  });

  it('midpoint: aisles 0 and 3 traversed (24); aisle 1: C (front half, ≤ 6) from the front (7), B from the back (5): 48', () => {
    const r = route(tiny, picks, 'midpoint');
    expect(r.length).toBe(48);
    expect(ids(r)).toBe('ABDC');
  });

  it('largest gap: in aisle 1 the gap C–B (6) beats the front (3.5) and back (2.5) gaps: the same tour as midpoint, 48', () => {
    const r = route(tiny, picks, 'largest_gap');
    expect(r.length).toBe(48);
    expect(ids(r)).toBe('ABDC');
  });

  it('combined: return in aisle 0 (5), traverse 1 up (12) and 3 down (12): 12 + 29 = 41, also the optimum', () => {
    const r = route(tiny, picks, 'combined');
    expect(r.length).toBe(41);
    expect(ids(r)).toBe('ACBD');
    expect(route(tiny, picks, 'optimal').length).toBe(41);
    expect(oracleOptimalLength(tiny, picks)).toBe(41);
  });

  it('largest gap and midpoint differ when the largest gap is the back one: picks at depths 5.5 and 6.5 in a middle aisle', () => {
    const list = [at('P', 0, 0), at('Q', 1, 4), at('R', 1, 5), at('S', 3, 0)];
    // Middle aisle 1: midpoint splits at 6 → front to 5.5 (11) + back from 6.5 (11); largest gap:
    // back gap 5.5 = front gap 5.5 > internal 1 → the back gap, a front return to 6.5 (13).
    expect(routeLength(tiny, list, 'midpoint')).toBe(12 + 24 + 22);
    expect(routeLength(tiny, list, 'largest_gap')).toBe(12 + 24 + 13);
    expect(routeLength(tiny, list, 'return')).toBe(12 + 3 + 13 + 3);
  });

  it('the depot between two aisles with an offset: cross-aisle travel from x = 3 and 2 × offset are added', () => {
    const layout = { ...tiny, depot: { aisle: 1.5, offset: 2.5 } };
    // One pick in aisle 3 (x 6) at depth 2.5: 2 × 2.5 (offset) + 2 × 3 (x 3 → 6) + 2 × 2.5.
    for (const policy of ['s_shape', 'return', 'midpoint', 'largest_gap', 'combined', 'optimal'] as const) {
      const r = route(layout, [at('a', 3, 1)], policy);
      expect(r.length).toBe(16);
      expect(r.path[0]).toEqual({ x: 3, y: -2.5 });
      expect(r.path.at(-1)).toEqual({ x: 3, y: -2.5 });
    }
  });

  it('S-shape starts with the pick aisle nearer the depot, so the returned aisle is the far end', () => {
    const layout = { ...tiny, depot: { aisle: 3 } };
    // Pick aisles 0, 2, 3; depot at x 6: start at aisle 3, traverse 3 and 2, return in aisle 0 (depth 1.5).
    const r = route(layout, [at('x', 0, 0), at('y', 2, 9), at('z', 3, 9)], 's_shape');
    expect(ids(r)).toBe('zyx');
    expect(r.length).toBe(12 + 24 + 3);
  });

  it('picks in one cell are listed by side (left, right, none) then id, whatever their input order', () => {
    const list = [at('n', 2, 3), at('r2', 2, 3, 'right'), at('l', 2, 3, 'left'), at('r1', 2, 3, 'right')];
    expect(ids(route(tiny, list, 'return'))).toBe('lr1r2n');
  });

  it('no picks: an empty route at the depot', () => {
    const r = route({ ...tiny, depot: { aisle: 1, offset: 3 } }, [], 'optimal');
    expect(r).toEqual({ policy: 'optimal', length: 0, stops: [], path: [{ x: 2, y: -3 }] });
    expect(routeLength(tiny, [], 'largest_gap')).toBe(0);
  });

  it('optimal beats every heuristic on a wider instance and matches the brute force', () => {
    const list = [
      at('a', 0, 9),
      at('b', 1, 0),
      at('c', 1, 9),
      at('d', 2, 4),
      at('e', 3, 0),
      at('f', 3, 8),
      at('g', 2, 9),
    ];
    const best = routeLength(tiny, list, 'optimal');
    expect(best).toBeCloseTo(oracleOptimalLength(tiny, list), 9);
    for (const policy of ['s_shape', 'return', 'midpoint', 'largest_gap', 'combined'] as const) {
      expect(routeLength(tiny, list, policy)).toBeGreaterThanOrEqual(best);
    }
  });
});

describe('layout and locations', () => {
  it('maps a location to its aisle centre line and cell depth', () => {
    expect(locationCoordinates(tiny, { aisle: 3, cell: 9, side: 'left' })).toEqual({
      ok: true,
      value: { x: 6, y: 10.5 },
    });
  });

  it('names the field of a bad layout', () => {
    const cases: [unknown, string][] = [
      [null, 'layout'],
      [{ ...tiny, aisles: 0 }, 'aisles'],
      [{ ...tiny, aisles: 2.5 }, 'aisles'],
      [{ ...tiny, cellsPerSide: Number.NaN }, 'cellsPerSide'],
      [{ ...tiny, cellLength: 0 }, 'cellLength'],
      [{ ...tiny, aisleSpacing: Number.POSITIVE_INFINITY }, 'aisleSpacing'],
      [{ ...tiny, frontMargin: -1 }, 'frontMargin'],
      [{ ...tiny, backMargin: '1' }, 'backMargin'],
      [{ ...tiny, depot: 3 }, 'depot'],
      [{ ...tiny, depot: { aisle: 3.5 } }, 'depot.aisle'],
      [{ ...tiny, depot: { aisle: 0, offset: -2 } }, 'depot.offset'],
      [{ ...tiny, cellLength: 1e308, cellsPerSide: 10 }, 'cellLength'],
    ];
    for (const [layout, field] of cases) {
      const r = validateLayout(layout);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error).toBeInstanceOf(PickingError);
        expect(r.error.code).toBe('invalid_layout');
        expect(r.error.details['field']).toBe(field);
      }
    }
  });

  it('refuses bad picks, locations and policies with typed errors, never a TypeError, and throws them from routeLength', () => {
    const cases: [unknown, unknown, string, string][] = [
      ['nope', 'return', 'invalid_pick', 'picks'],
      [[null], 'return', 'invalid_pick', 'picks[0]'],
      [[{ id: 7, location: { aisle: 0, cell: 0 } }], 'return', 'invalid_pick', 'picks[0].id'],
      [[{ id: 'a', location: [] }], 'return', 'invalid_location', 'picks[0].location'],
      [[{ id: 'a', location: { aisle: 4, cell: 0 } }], 'return', 'invalid_location', 'picks[0].location.aisle'],
      [[{ id: 'a', location: { aisle: 0, cell: -1 } }], 'return', 'invalid_location', 'picks[0].location.cell'],
      [
        [{ id: 'a', location: { aisle: 0, cell: 0, side: 'up' } }],
        'return',
        'invalid_location',
        'picks[0].location.side',
      ],
      [
        [{ id: 'a', location: { aisle: 0, cell: 0 }, quantity: Number.NaN }],
        'return',
        'invalid_pick',
        'picks[0].quantity',
      ],
      [[], 'zigzag', 'invalid_options', 'policy'],
      [[], '__proto__', 'invalid_options', 'policy'],
    ];
    for (const [list, policy, code, field] of cases) {
      const r = routePicks(tiny, list as Pick[], policy as RoutingPolicy);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe(code);
        expect(r.error.details['field']).toBe(field);
      }
      expect(() => routeLength(tiny, list as Pick[], policy as RoutingPolicy)).toThrow(PickingError);
    }
  });

  it('accepts a pick id "__proto__" and leaves frozen inputs untouched', () => {
    const list = Object.freeze([Object.freeze({ id: '__proto__', location: Object.freeze({ aisle: 1, cell: 1 }) })]);
    const r = route(Object.freeze({ ...tiny }), list, 'optimal');
    expect(r.stops[0]).toBe(list[0]);
  });
});

describe('routeToSvg', () => {
  it('draws racks, cross aisles, the depot, highlighted picks, the path and numbered stops', () => {
    const r = route(tiny, picks, 's_shape');
    const svg = routeToSvg(tiny, r, { title: 'Batch <1> & co' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('<title>Batch &#60;1&#62; &#38; co</title>');
    // 4 aisles × 2 sides × 10 cells of rack, plus 4 highlighted pick cells (no side: both sides), plus the background.
    expect(svg.match(/<rect /g)?.length).toBe(1 + 80 + 8 + 1);
    expect(svg.match(/<circle /g)?.length).toBe(4);
    const polyline = /<polyline points="([^"]*)"/.exec(svg)?.[1] ?? '';
    expect(polyline.split(' ').length).toBe(r.path.length);
    expect(routeToSvg(tiny, r)).toBe(routeToSvg(tiny, r));
    expect(routeToSvg(tiny, r)).toContain('S-shape route, 49 m, 4 picks');
  });

  it('refuses a bad layout, route or option with a PickingError', () => {
    const r = route(tiny, picks, 'return');
    expect(() => routeToSvg({ ...tiny, aisles: -1 }, r)).toThrow(PickingError);
    expect(() => routeToSvg(tiny, { ...r, path: [{ x: Number.NaN, y: 0 }] })).toThrow(PickingError);
    expect(() => routeToSvg(tiny, r, { scale: 0 })).toThrow(PickingError);
  });
});
