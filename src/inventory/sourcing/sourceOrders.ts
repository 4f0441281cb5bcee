import { err, ok, type Result } from '../../core/result.js';
import { InventoryError } from '../errors.js';
import { runSourcing } from './internal/run.js';
import type { SourcingBatch, SourcingLocation, SourcingOrder, SourcingStrategy } from './types.js';

/**
 * Sources a batch of orders to locations: orders in the given (priority) order each take what their
 * plan needs, so a later order sees the availability and capacity earlier ones left; the result is
 * the same on every run for the same input.
 *
 * Each order is sourced as {@link sourceOrder} describes. The returned `locations` are the input
 * locations with `available` and `capacity` reduced by what the plans took (unchanged locations are
 * returned as given), ready for the next call. Over a batch, the units taken from a location for a
 * SKU never exceed what it had available, and a location never takes more orders, lines or units
 * than its capacity.
 *
 * Bad input is refused before anything is sourced: `invalid_request` with `details.field` (the
 * path, e.g. `'orders[2].lines[0].quantity'`), or `unknown_location` for a pickup location that is
 * not in the list. A `distance` or `cost` function that returns anything but a finite number ≥ 0 is
 * refused the same way (`field: 'strategy.distance'`); one that throws is a bug of its own and is
 * not caught. The inputs are never mutated.
 *
 * @param orders - The orders, in the order they should be served (first served first).
 * @param locations - The locations that may ship, with their availability (ids unique).
 * @param strategy - How to rank locations and whether to minimise shipments (default: by priority).
 * @returns A plan per order, the locations as left, and totals; or an {@link InventoryError}.
 * @example
 * ```ts
 * import { sourceOrders } from 'ordercore/inventory';
 *
 * const r = sourceOrders(
 *   [
 *     { id: 'o-1', lines: [{ lineId: 'a', sku: 'MUG', quantity: 3 }] },
 *     { id: 'o-2', lines: [{ lineId: 'a', sku: 'MUG', quantity: 3 }] },
 *   ],
 *   [
 *     { id: 'dc-1', kind: 'warehouse', priority: 1, available: { MUG: 4 } },
 *     { id: 'dc-2', kind: 'warehouse', priority: 2, available: { MUG: 1 } },
 *   ],
 *   { rules: 'priority' },
 * );
 * r.ok && r.value.plans.map((p) => p.shipments.map((s) => `${s.location}:${s.units}`)); //=> [['dc-1:3'], ['dc-1:1', 'dc-2:1']]
 * r.ok && r.value.plans[1]?.shortfall[0]?.missing; //=> 1
 * r.ok && r.value.locations[0]?.available['MUG']; //=> 0
 * ```
 */
export function sourceOrders(
  orders: readonly SourcingOrder[],
  locations: readonly SourcingLocation[],
  strategy: SourcingStrategy = {},
): Result<SourcingBatch, InventoryError> {
  try {
    return ok(runSourcing(orders, 'orders', locations, strategy).batch);
  } catch (error) {
    if (error instanceof InventoryError) return err(error);
    throw error;
  }
}
