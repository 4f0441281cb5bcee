import type { Route } from '../types.js';
import { locationLabel } from './locationLabel.js';

/**
 * One line of a printed pick list.
 *
 * @example
 * ```ts
 * import type { PickListLine } from 'ordercore/picking';
 *
 * const line: PickListLine = { sequence: 1, location: 'A03-L-045', sku: 'TEA', quantity: 2, pickId: 'p-1' };
 * line.location; //=> 'A03-L-045'
 * ```
 */
export interface PickListLine {
  /** The position in the walk, from 1. */
  readonly sequence: number;
  /** The location label (see `locationLabel`). */
  readonly location: string;
  /** The SKU to take, or `''` when the pick names none. */
  readonly sku: string;
  /** How many to take (the pick's quantity; 1 when it gives none). */
  readonly quantity: number;
  /** The pick's id, to confirm the line against. */
  readonly pickId: string;
  /** The order the pick belongs to, when the caller said (see `pickList`'s `orderIds`). */
  readonly orderId?: string;
}

/**
 * The printed form of a route: its stops as pick-list lines "organised by location sequence" —
 * the order the picker walks them in, numbered from 1, each with its location label, SKU and
 * quantity. Nothing is re-sorted: the route's visiting order is the list's order.
 *
 * @param route - A route (from `routePicks`, or a zone list's `route`): only its `stops` are read.
 * @param orderIds - Optional: the order id of each stop, parallel to `route.stops` (a zone list's
 *   `stopOrderIds`); copied into the lines. Ignored when its length differs from the stops'.
 * @returns The lines, in walking order.
 * @example
 * ```ts
 * import { pickList } from 'ordercore/picking';
 *
 * const route = {
 *   policy: 's_shape' as const,
 *   length: 30,
 *   stops: [
 *     { id: 'p-2', location: { aisle: 0, cell: 4, side: 'right' as const }, sku: 'MUG', quantity: 1 },
 *     { id: 'p-1', location: { aisle: 1, cell: 9, side: 'left' as const }, sku: 'TEA', quantity: 3 },
 *   ],
 *   path: [],
 * };
 * pickList(route).map((l) => `${l.sequence} ${l.location} ${l.sku} ×${l.quantity}`); //=> ['1 A01-R-005 MUG ×1', '2 A02-L-010 TEA ×3']
 * pickList(route, ['o-7', 'o-8'])[1]?.orderId; //=> 'o-8'
 * ```
 */
export function pickList(route: { readonly stops: Route['stops'] }, orderIds?: readonly string[]): PickListLine[] {
  const withOrders = orderIds !== undefined && orderIds.length === route.stops.length;
  return route.stops.map((stop, i) => {
    const line = {
      sequence: i + 1,
      location: locationLabel(stop.location),
      sku: stop.sku ?? '',
      quantity: stop.quantity ?? 1,
      pickId: stop.id,
    };
    return withOrders ? { ...line, orderId: orderIds[i] as string } : line;
  });
}
