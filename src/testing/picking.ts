import fc from 'fast-check';
import type { Pick, WarehouseLayout } from '../picking/types.js';

/**
 * Bounds for {@link warehouseLayoutArbitrary}.
 *
 * @example
 * ```ts
 * import type { WarehouseLayoutArbitraryOptions } from 'ordercore/testing';
 *
 * const options: WarehouseLayoutArbitraryOptions = { maxAisles: 6, maxCellsPerSide: 12 };
 * options.maxAisles; //=> 6
 * ```
 */
export interface WarehouseLayoutArbitraryOptions {
  /** Most aisles (at least 1); default 8. */
  readonly maxAisles?: number;
  /** Most cells per aisle side (at least 1); default 20. */
  readonly maxCellsPerSide?: number;
}

/**
 * Valid single-block layouts: integer-or-half-metre dimensions (so hand checks stay readable),
 * margins that may be 0, and depots anywhere from the first to the last aisle, half-aisle positions
 * and offsets included.
 *
 * @param options - Bounds on the size.
 * @returns An arbitrary of {@link WarehouseLayout}s.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { validateLayout } from 'ordercore/picking';
 * import { warehouseLayoutArbitrary } from 'ordercore/testing';
 *
 * fc.sample(warehouseLayoutArbitrary({ maxAisles: 4 }), { numRuns: 20, seed: 1 }).every((l) => validateLayout(l).ok); //=> true
 * ```
 */
export function warehouseLayoutArbitrary(options: WarehouseLayoutArbitraryOptions = {}): fc.Arbitrary<WarehouseLayout> {
  const maxAisles = Math.max(1, Math.floor(options.maxAisles ?? 8));
  const maxCells = Math.max(1, Math.floor(options.maxCellsPerSide ?? 20));
  const halves = (min: number, max: number): fc.Arbitrary<number> =>
    fc.integer({ min: min * 2, max: max * 2 }).map((h) => h / 2);
  return fc
    .record({
      aisles: fc.integer({ min: 1, max: maxAisles }),
      cellsPerSide: fc.integer({ min: 1, max: maxCells }),
      cellLength: halves(1, 3),
      aisleSpacing: halves(1, 8),
      frontMargin: halves(0, 3),
      backMargin: halves(0, 3),
      depotPosition: fc.double({ min: 0, max: 1, noNaN: true }),
      depotHalf: fc.boolean(),
      offset: fc.option(halves(0, 4), { nil: undefined }),
    })
    .map(({ depotPosition, depotHalf, offset, ...rest }) => {
      const last = rest.aisles - 1;
      const steps = depotHalf ? last * 2 : last;
      const aisle = Math.round(depotPosition * steps) / (depotHalf ? 2 : 1);
      const depot = offset === undefined ? { aisle } : { aisle, offset };
      return { ...rest, depot };
    });
}

/**
 * Bounds for {@link pickListArbitrary}.
 *
 * @example
 * ```ts
 * import type { PickListArbitraryOptions } from 'ordercore/testing';
 *
 * const options: PickListArbitraryOptions = { minPicks: 1, maxPicks: 8 };
 * options.maxPicks; //=> 8
 * ```
 */
export interface PickListArbitraryOptions {
  /** Fewest picks; default 0. */
  readonly minPicks?: number;
  /** Most picks; default 30. */
  readonly maxPicks?: number;
}

/**
 * Pick lists inside a layout: unique ids (`p0`, `p1`, ...), any aisle and cell, sometimes several
 * picks in one cell or aisle, sides and quantities sometimes set.
 *
 * @param layout - The layout the locations must fit.
 * @param options - How many picks.
 * @returns An arbitrary of pick arrays.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { pickListArbitrary } from 'ordercore/testing';
 *
 * const layout = {
 *   aisles: 3, cellsPerSide: 5, cellLength: 1, aisleSpacing: 3, frontMargin: 1, backMargin: 1, depot: { aisle: 0 },
 * };
 * fc.sample(pickListArbitrary(layout, { maxPicks: 6 }), { numRuns: 20, seed: 1 }).every((picks) => picks.length <= 6); //=> true
 * ```
 */
export function pickListArbitrary(
  layout: WarehouseLayout,
  options: PickListArbitraryOptions = {},
): fc.Arbitrary<Pick[]> {
  const minPicks = Math.max(0, Math.floor(options.minPicks ?? 0));
  const maxPicks = Math.max(minPicks, Math.floor(options.maxPicks ?? 30));
  const location = fc.record(
    {
      aisle: fc.integer({ min: 0, max: layout.aisles - 1 }),
      cell: fc.integer({ min: 0, max: layout.cellsPerSide - 1 }),
      side: fc.constantFrom<'left' | 'right'>('left', 'right'),
    },
    { requiredKeys: ['aisle', 'cell'] },
  );
  const extra = fc.record({ quantity: fc.integer({ min: 1, max: 9 }) }, { requiredKeys: [] });
  return fc
    .array(fc.tuple(location, extra), { minLength: minPicks, maxLength: maxPicks })
    .map((entries) => entries.map(([loc, more], i): Pick => ({ id: `p${i}`, location: loc, ...more })));
}
