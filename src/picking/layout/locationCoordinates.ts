import { err, ok, type Result } from '../../core/result.js';
import type { PickingError } from '../errors.js';
import { aisleX, cellDepth } from '../internal/geometry.js';
import { layoutProblem, locationProblem } from '../internal/validate.js';
import type { PathPoint, StorageLocation, WarehouseLayout } from '../types.js';

/**
 * Maps a storage location to the point the picker stands on to pick it: the aisle's centre line
 * (`x = aisle × aisleSpacing`) at the cell's depth (`y = frontMargin + (cell + 0.5) × cellLength`).
 * Both sides of an aisle map to the same point.
 *
 * @param layout - The warehouse.
 * @param location - The storage location.
 * @returns The point in metres, or a {@link PickingError} (`invalid_layout`, `invalid_location`
 *   naming `location.aisle`, `location.cell` or `location.side`).
 * @example
 * ```ts
 * import { locationCoordinates } from 'ordercore/picking';
 *
 * const layout = {
 *   aisles: 4, cellsPerSide: 10, cellLength: 1.5, aisleSpacing: 3, frontMargin: 1, backMargin: 1, depot: { aisle: 0 },
 * };
 * const point = locationCoordinates(layout, { aisle: 2, cell: 3, side: 'right' });
 * point.ok && point.value; //=> { x: 6, y: 6.25 }
 * ```
 */
export function locationCoordinates(
  layout: WarehouseLayout,
  location: StorageLocation,
): Result<PathPoint, PickingError> {
  const problem = layoutProblem(layout) ?? locationProblem(layout, location, 'location');
  if (problem !== undefined) return err(problem);
  return ok({ x: aisleX(layout, location.aisle), y: cellDepth(layout, location.cell) });
}
