// The layout and pick list boundary: parseWarehouseLayout / parsePicks accept what routePicks
// accepts (generated layouts and pick lists round-trip through JSON), name the bad field, and never throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routePicks, validateLayout } from '../../src/picking/index.js';
import { parsePicks, parseWarehouseLayout, routingPolicySchema } from '../../src/schemas/picking.js';
import { pickListArbitrary, warehouseLayoutArbitrary } from '../../src/testing/picking.js';
import { anything, checkNeverThrows, pathsOf, replaceAt } from './neverThrow.js';

const LAYOUT = {
  aisles: 6,
  cellsPerSide: 20,
  cellLength: 1.2,
  aisleSpacing: 3.5,
  frontMargin: 1,
  backMargin: 1,
  depot: { aisle: 2.5, offset: 1 },
};
const PICKS = [
  { id: 'p1', location: { aisle: 1, cell: 3 }, quantity: 2 },
  { id: 'p2', location: { aisle: 5, cell: 19, side: 'left' }, sku: 'MUG' },
];

describe('parseWarehouseLayout / parsePicks', () => {
  it('accept generated layouts and pick lists after a JSON round trip, and routePicks accepts the result', () => {
    fc.assert(
      fc.property(
        warehouseLayoutArbitrary().chain((layout) =>
          pickListArbitrary(layout, { maxPicks: 10 }).map((picks) => ({ layout, picks })),
        ),
        ({ layout, picks }) => {
          const l = parseWarehouseLayout(JSON.parse(JSON.stringify(layout)));
          const p = parsePicks(JSON.parse(JSON.stringify(picks)), layout);
          expect(l.ok && p.ok).toBe(true);
          if (l.ok && p.ok) {
            expect(l.value).toEqual(layout);
            expect(p.value).toEqual(picks);
            expect(routePicks(l.value, p.value, 'optimal').ok).toBe(true);
          }
        },
      ),
      { numRuns: 60, seed: 6201 },
    );
  });

  it('name the bad field, agreeing with validateLayout', () => {
    const paths = (r: ReturnType<typeof parseWarehouseLayout>) =>
      !r.ok ? r.error.issues.map((i) => i.path.join('.')) : [];
    expect(paths(parseWarehouseLayout({ ...LAYOUT, aisles: 0 }))).toEqual(['aisles']);
    expect(paths(parseWarehouseLayout({ ...LAYOUT, depot: { aisle: 5.5 } }))).toEqual(['depot.aisle']);
    expect(paths(parseWarehouseLayout({ ...LAYOUT, cellLength: 1e308 }))).toEqual(['cellLength']);
    expect(validateLayout({ ...LAYOUT, depot: { aisle: 5.5 } }).ok).toBe(false);
    const p = parsePicks([PICKS[0], { ...PICKS[1], location: { aisle: 6, cell: 20 } }], LAYOUT);
    expect(!p.ok && p.error.issues.map((i) => i.path.join('.'))).toEqual(['1.location.aisle', '1.location.cell']);
    expect(parsePicks([{ ...PICKS[1], location: { aisle: 6, cell: 20 } }]).ok).toBe(true);
    expect(routingPolicySchema.safeParse('combined').success).toBe(true);
  });

  it('refuse an inherited field and unknown keys', () => {
    const inherited = Object.create({ id: 'p1' }) as Record<string, unknown>;
    inherited['location'] = { aisle: 0, cell: 0 };
    expect(parsePicks([inherited]).ok).toBe(false);
    expect(parsePicks([{ ...PICKS[0], extra: 1 }]).ok).toBe(false);
    expect(parseWarehouseLayout({ ...LAYOUT, depot: { aisle: 0, side: 'north' } }).ok).toBe(false);
    expect(parseWarehouseLayout(JSON.parse('{"__proto__": {"aisles": 3}}')).ok).toBe(false);
  });

  it('never throw, whatever value sits anywhere in a valid input', () => {
    const layoutPaths = pathsOf(LAYOUT);
    const pickPaths = pathsOf(PICKS);
    fc.assert(
      fc.property(fc.nat(), fc.nat(), anything, (i, j, value) => {
        checkNeverThrows(parseWarehouseLayout(replaceAt(LAYOUT, layoutPaths[i % layoutPaths.length] ?? [], value)));
        checkNeverThrows(parsePicks(replaceAt(PICKS, pickPaths[j % pickPaths.length] ?? [], value), LAYOUT));
      }),
      { numRuns: 300, seed: 6202 },
    );
  });
});
