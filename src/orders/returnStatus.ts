import type { Order } from './types.js';

/**
 * Every order-level return status, derived from the returns.
 *
 * @example
 * ```ts
 * import { RETURN_STATUSES } from 'ordercore/orders';
 *
 * RETURN_STATUSES; //=> ['none', 'requested', 'in_progress', 'partially_returned', 'returned']
 * ```
 */
export const RETURN_STATUSES = ['none', 'requested', 'in_progress', 'partially_returned', 'returned'] as const;

/**
 * An order-level return status (see `returnStatus`).
 *
 * @example
 * ```ts
 * import type { ReturnStatus } from 'ordercore/orders';
 *
 * const status: ReturnStatus = 'in_progress';
 * status; //=> 'in_progress'
 * ```
 */
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

const SETTLED = new Set(['refunded', 'exchanged', 'store_credited']);
const DROPPED = new Set(['rejected', 'cancelled']);

/**
 * The order's return status, projected from its returns (never stored): `none` without live returns
 * (rejected and cancelled ones do not count); `requested` while every live return awaits
 * authorisation; `in_progress` while any is being received, inspected or resolved; once all are
 * settled, `returned` if every shipped unit came back, else `partially_returned`.
 *
 * @param order - The order.
 * @returns The status.
 * @example
 * ```ts
 * import { returnStatus } from 'ordercore/orders';
 *
 * returnStatus({ lines: [], returns: [{ id: 'r', state: 'requested', lines: [] }] } as never); //=> 'requested'
 * ```
 */
export function returnStatus(order: Order): ReturnStatus {
  const live = order.returns.filter((r) => !DROPPED.has(r.state));
  if (live.length === 0) return 'none';
  if (live.every((r) => r.state === 'requested')) return 'requested';
  if (live.some((r) => !SETTLED.has(r.state))) return 'in_progress';
  let shipped = 0;
  let returned = 0;
  for (const line of order.lines) {
    shipped += line.quantities.shipped;
    returned += line.quantities.returned;
  }
  return returned >= shipped ? 'returned' : 'partially_returned';
}
