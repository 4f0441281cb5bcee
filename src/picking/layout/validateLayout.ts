import { err, ok, type Result } from '../../core/result.js';
import type { PickingError } from '../errors.js';
import { layoutProblem } from '../internal/validate.js';
import type { WarehouseLayout } from '../types.js';

/**
 * Checks that a value is a valid single-block warehouse layout: integer `aisles` and `cellsPerSide`
 * (1 to 100,000), positive finite `cellLength` and `aisleSpacing`, non-negative finite margins, a
 * depot between the first and the last aisle (fractional positions allowed) with a non-negative
 * offset.
 *
 * @param layout - Anything, typically parsed JSON.
 * @returns The same layout object, or a {@link PickingError} `invalid_layout` whose
 *   `details.field` names the field (`aisles`, `depot.aisle`, ...).
 * @example
 * ```ts
 * import { validateLayout } from 'ordercore/picking';
 *
 * const bad = validateLayout({
 *   aisles: 4, cellsPerSide: 10, cellLength: 1, aisleSpacing: 3, frontMargin: 1, backMargin: 1, depot: { aisle: 5 },
 * });
 * bad.ok; //=> false
 * !bad.ok && bad.error.details['field']; //=> 'depot.aisle'
 * ```
 */
export function validateLayout(layout: unknown): Result<WarehouseLayout, PickingError> {
  const problem = layoutProblem(layout);
  return problem === undefined ? ok(layout as WarehouseLayout) : err(problem);
}
