import { activeUnits } from './internal/ledger.js';
import type { Order } from './types.js';

/**
 * Every order-level fulfilment status, derived from the line ledgers.
 *
 * @example
 * ```ts
 * import { FULFILLMENT_STATUSES } from 'ordercore/orders';
 *
 * FULFILLMENT_STATUSES.includes('partially_shipped'); //=> true
 * ```
 */
export const FULFILLMENT_STATUSES = [
  'unfulfilled',
  'partially_allocated',
  'allocated',
  'partially_shipped',
  'shipped',
  'partially_delivered',
  'delivered',
  'cancelled',
] as const;

/**
 * An order-level fulfilment status (see `fulfillmentStatus`).
 *
 * @example
 * ```ts
 * import type { FulfillmentStatus } from 'ordercore/orders';
 *
 * const status: FulfillmentStatus = 'shipped';
 * status; //=> 'shipped'
 * ```
 */
export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number];

/**
 * The order's fulfilment status, projected from its lines' quantity ledgers (never stored), over the
 * units still ordered (ordered − cancelled): `cancelled` when none are left; `delivered` /
 * `partially_delivered` once any is delivered; `shipped` / `partially_shipped` once any has shipped;
 * `allocated` / `partially_allocated` once any is allocated; else `unfulfilled`.
 *
 * @param order - The order.
 * @returns The status.
 * @example
 * ```ts
 * import { fulfillmentStatus } from 'ordercore/orders';
 *
 * const q = { allocated: 4, picked: 4, shipped: 1, delivered: 0, cancelled: 0, returned: 0, backordered: 0 };
 * fulfillmentStatus({ lines: [{ quantity: 4, quantities: q }] } as never); //=> 'partially_shipped'
 * ```
 */
export function fulfillmentStatus(order: Order): FulfillmentStatus {
  let active = 0;
  let allocated = 0;
  let shipped = 0;
  let delivered = 0;
  for (const line of order.lines) {
    active += activeUnits(line);
    allocated += Math.min(line.quantities.allocated, activeUnits(line));
    shipped += line.quantities.shipped;
    delivered += line.quantities.delivered;
  }
  if (active === 0) return order.lines.length === 0 ? 'unfulfilled' : 'cancelled';
  if (delivered > 0) return delivered >= active ? 'delivered' : 'partially_delivered';
  if (shipped > 0) return shipped >= active ? 'shipped' : 'partially_shipped';
  if (allocated > 0) return allocated >= active ? 'allocated' : 'partially_allocated';
  return 'unfulfilled';
}
