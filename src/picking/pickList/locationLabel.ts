import type { StorageLocation } from '../types.js';

/**
 * The printed label of a storage location, as pickers read it off the rack: `A03-L-045` is aisle
 * 3, left side, cell 45, **counted from 1** (the model's aisle 2, cell 44: people do not number
 * from zero). Aisle numbers have at least two digits and cells at least three (more when needed);
 * a location without a side prints without one (`A03-045`).
 *
 * @param location - The location (0-based aisle and cell, as in the model).
 * @returns The label.
 * @example
 * ```ts
 * import { locationLabel } from 'ordercore/picking';
 *
 * locationLabel({ aisle: 2, cell: 44, side: 'left' }); //=> 'A03-L-045'
 * locationLabel({ aisle: 11, cell: 1203, side: 'right' }); //=> 'A12-R-1204'
 * locationLabel({ aisle: 0, cell: 0 }); //=> 'A01-001'
 * ```
 */
export function locationLabel(location: StorageLocation): string {
  const aisle = `A${String(location.aisle + 1).padStart(2, '0')}`;
  const cell = String(location.cell + 1).padStart(3, '0');
  if (location.side === undefined) return `${aisle}-${cell}`;
  return `${aisle}-${location.side === 'left' ? 'L' : 'R'}-${cell}`;
}
