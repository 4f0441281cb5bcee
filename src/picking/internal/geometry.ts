// The single-block geometry, in one place: every length, path point and drawing uses these
// expressions, so the same float operations give the same numbers everywhere.
import type { WarehouseLayout } from '../types.js';

/** Front cross aisle centre line → back cross aisle centre line. */
export function aisleLength(layout: WarehouseLayout): number {
  return layout.frontMargin + layout.cellsPerSide * layout.cellLength + layout.backMargin;
}

/** Depth of a cell's centre from the front cross aisle's centre line. */
export function cellDepth(layout: WarehouseLayout, cell: number): number {
  return layout.frontMargin + (cell + 0.5) * layout.cellLength;
}

/** x of aisle `aisle`'s centre line (aisle 0 at x = 0). */
export function aisleX(layout: WarehouseLayout, aisle: number): number {
  return aisle * layout.aisleSpacing;
}

/** x of the depot (on the front cross aisle). */
export function depotX(layout: WarehouseLayout): number {
  return layout.depot.aisle * layout.aisleSpacing;
}

/** Metres between the depot and the front cross aisle (walked once each way). */
export function depotOffset(layout: WarehouseLayout): number {
  return layout.depot.offset ?? 0;
}
