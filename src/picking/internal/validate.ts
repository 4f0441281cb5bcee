// The one set of input checks for layouts, locations and picks (routing, drawing and the layout
// functions share it, so a layout accepted by one is accepted by all).
import { isRecord, show } from '../../core/show.js';
import { PickingError } from '../errors.js';
import { ROUTING_POLICIES, type RoutingPolicy, type WarehouseLayout } from '../types.js';

/** Upper bounds that keep `aisle × cellsPerSide + cell` an exact integer and drawings finite. */
export const MAX_AISLES = 100_000;
export const MAX_CELLS_PER_SIDE = 100_000;

function layoutError(field: string, reason: string, value: unknown): PickingError {
  return new PickingError('invalid_layout', `layout.${field} ${reason}, got ${show(value)}.`, { field });
}

function finiteAtLeast(value: unknown, minimum: number, strict: boolean): boolean {
  return typeof value === 'number' && Number.isFinite(value) && (strict ? value > minimum : value >= minimum);
}

/** The first problem with a layout, or `undefined` when it is a valid single-block layout. */
export function layoutProblem(layout: unknown): PickingError | undefined {
  if (!isRecord(layout)) {
    return new PickingError('invalid_layout', `layout must be an object, got ${show(layout)}.`, { field: 'layout' });
  }
  const { aisles, cellsPerSide, cellLength, aisleSpacing, frontMargin, backMargin, depot } = layout;
  if (typeof aisles !== 'number' || !Number.isInteger(aisles) || aisles < 1 || aisles > MAX_AISLES) {
    return layoutError('aisles', `must be an integer from 1 to ${MAX_AISLES}`, aisles);
  }
  if (
    typeof cellsPerSide !== 'number' ||
    !Number.isInteger(cellsPerSide) ||
    cellsPerSide < 1 ||
    cellsPerSide > MAX_CELLS_PER_SIDE
  ) {
    return layoutError('cellsPerSide', `must be an integer from 1 to ${MAX_CELLS_PER_SIDE}`, cellsPerSide);
  }
  if (!finiteAtLeast(cellLength, 0, true)) return layoutError('cellLength', 'must be a finite number > 0', cellLength);
  if (!finiteAtLeast(aisleSpacing, 0, true)) {
    return layoutError('aisleSpacing', 'must be a finite number > 0', aisleSpacing);
  }
  if (!finiteAtLeast(frontMargin, 0, false)) {
    return layoutError('frontMargin', 'must be a finite number ≥ 0', frontMargin);
  }
  if (!finiteAtLeast(backMargin, 0, false)) return layoutError('backMargin', 'must be a finite number ≥ 0', backMargin);
  if (!isRecord(depot)) return layoutError('depot', 'must be an object { aisle, offset? }', depot);
  const { aisle, offset } = depot;
  if (typeof aisle !== 'number' || !Number.isFinite(aisle) || aisle < 0 || aisle > aisles - 1) {
    return layoutError('depot.aisle', `must be a number from 0 to ${aisles - 1} (aisles - 1)`, aisle);
  }
  if (offset !== undefined && !finiteAtLeast(offset, 0, false)) {
    return layoutError('depot.offset', 'must be a finite number ≥ 0 when present', offset);
  }
  const length = (frontMargin as number) + cellsPerSide * (cellLength as number) + (backMargin as number);
  const width = (aisles - 1) * (aisleSpacing as number);
  if (!Number.isFinite(length) || !Number.isFinite(width)) {
    return layoutError('cellLength', 'makes the aisle length or the warehouse width overflow', cellLength);
  }
  return undefined;
}

/**
 * The first problem with a storage location in a valid layout, or `undefined`. `field` is the
 * location's path in the caller's input (`location`, `picks[3].location`).
 */
export function locationProblem(layout: WarehouseLayout, location: unknown, field: string): PickingError | undefined {
  if (!isRecord(location)) {
    return new PickingError(
      'invalid_location',
      `${field} must be an object { aisle, cell, side? }, got ${show(location)}.`,
      {
        field,
      },
    );
  }
  const { aisle, cell, side } = location;
  if (typeof aisle !== 'number' || !Number.isInteger(aisle) || aisle < 0 || aisle >= layout.aisles) {
    return new PickingError(
      'invalid_location',
      `${field}.aisle must be an integer from 0 to ${layout.aisles - 1}, got ${show(aisle)}.`,
      { field: `${field}.aisle`, aisles: layout.aisles },
    );
  }
  if (typeof cell !== 'number' || !Number.isInteger(cell) || cell < 0 || cell >= layout.cellsPerSide) {
    return new PickingError(
      'invalid_location',
      `${field}.cell must be an integer from 0 to ${layout.cellsPerSide - 1}, got ${show(cell)}.`,
      { field: `${field}.cell`, cellsPerSide: layout.cellsPerSide },
    );
  }
  if (side !== undefined && side !== 'left' && side !== 'right') {
    return new PickingError(
      'invalid_location',
      `${field}.side must be 'left' or 'right' when present, got ${show(side)}.`,
      {
        field: `${field}.side`,
      },
    );
  }
  return undefined;
}

function pickError(index: number, field: string, reason: string, value: unknown): PickingError {
  return new PickingError('invalid_pick', `picks[${index}].${field} ${reason}, got ${show(value)}.`, {
    index,
    field: `picks[${index}].${field}`,
  });
}

/** The first problem with a pick list in a valid layout, or `undefined`. */
export function picksProblem(layout: WarehouseLayout, picks: unknown): PickingError | undefined {
  if (!Array.isArray(picks)) {
    return new PickingError('invalid_pick', `picks must be an array, got ${show(picks)}.`, { field: 'picks' });
  }
  for (let i = 0; i < picks.length; i++) {
    const pick: unknown = picks[i];
    if (!isRecord(pick)) {
      return new PickingError('invalid_pick', `picks[${i}] must be an object { id, location }, got ${show(pick)}.`, {
        index: i,
        field: `picks[${i}]`,
      });
    }
    const { id, sku, quantity, location } = pick;
    if (typeof id !== 'string') return pickError(i, 'id', 'must be a string', id);
    if (sku !== undefined && typeof sku !== 'string') return pickError(i, 'sku', 'must be a string when present', sku);
    if (quantity !== undefined && !finiteAtLeast(quantity, 0, false)) {
      return pickError(i, 'quantity', 'must be a finite number ≥ 0 when present', quantity);
    }
    // Fast path for the common valid location (no field path built unless something is wrong).
    if (isRecord(location)) {
      const { aisle, cell, side } = location;
      if (
        typeof aisle === 'number' &&
        Number.isInteger(aisle) &&
        aisle >= 0 &&
        aisle < layout.aisles &&
        typeof cell === 'number' &&
        Number.isInteger(cell) &&
        cell >= 0 &&
        cell < layout.cellsPerSide &&
        (side === undefined || side === 'left' || side === 'right')
      ) {
        continue;
      }
    }
    const problem = locationProblem(layout, location, `picks[${i}].location`);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** The problem with a routing policy, or `undefined` when it is one of {@link ROUTING_POLICIES}. */
export function policyProblem(policy: unknown): PickingError | undefined {
  if ((ROUTING_POLICIES as readonly unknown[]).includes(policy)) return undefined;
  return new PickingError(
    'invalid_options',
    `policy must be one of ${ROUTING_POLICIES.join(', ')}, got ${show(policy)}.`,
    {
      field: 'policy',
    },
  );
}

/** Narrows after {@link policyProblem}. */
export function asPolicy(policy: unknown): RoutingPolicy {
  return policy as RoutingPolicy;
}
