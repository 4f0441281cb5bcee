import type { OrderDraft } from '../types.js';

/**
 * One prioritisation criterion. Criteria apply in list order; a later one only breaks ties of the
 * earlier ones, and the order id (ascending, code-unit order) breaks the last ties. An order
 * without a value for a criterion is placed after every order with one, whatever the direction.
 *
 * - `customer_tier`: `customer.tier` by its position in `ranks` (first = served first); a tier not
 *   in `ranks`, or none, counts as missing.
 * - `ship_by`: `fulfillment.shipBy`, earliest first (`direction: 'asc'`, the default) or latest first.
 * - `requested_delivery`: `fulfillment.requestedDeliveryDate`, earliest first by default.
 * - `expedited`: orders with `fulfillment.expedited: true` first (no flag counts as not expedited).
 * - `value`: the grand total (Σ line totals + shipping net + shipping tax), largest first
 *   (`direction: 'desc'`, the default); all orders must share one currency. A draft without
 *   `shipping` counts it as zero, as `createOrder` would.
 * - `age`: `timestamps.orderedAt`, oldest first (`direction: 'asc'`, the default); a draft without
 *   timestamps counts as missing.
 * - `priority`: `order.priority`, `urgent` first, then `high`, `normal`, `low`; a draft without
 *   `priority` counts as `'normal'`, as `createOrder` would.
 *
 * @example
 * ```ts
 * import type { PriorityCriterion } from 'ordercore/orders';
 *
 * const criteria: PriorityCriterion[] = [
 *   { by: 'customer_tier', ranks: ['platinum', 'gold', 'silver'] },
 *   { by: 'ship_by' },
 *   { by: 'expedited' },
 *   { by: 'value', direction: 'desc' },
 * ];
 * criteria.length; //=> 4
 * ```
 */
export type PriorityCriterion =
  | {
      /** By customer tier. */
      readonly by: 'customer_tier';
      /** Tiers, first served first. */
      readonly ranks: readonly string[];
    }
  | {
      /** By a date or the order value or age. */
      readonly by: 'ship_by' | 'requested_delivery' | 'value' | 'age';
      /** `'asc'` (smallest / earliest first) or `'desc'`. Default: `'asc'`, but `'desc'` for `value`. */
      readonly direction?: 'asc' | 'desc';
    }
  | {
      /** Expedited orders first, or by order priority (urgent first). */
      readonly by: 'expedited' | 'priority';
    };

/**
 * The value an order had for one criterion, as compared: a tier name, a `'YYYY-MM-DD'` date, whether
 * expedited, the grand total in minor units, the `orderedAt` instant or the priority; `null` when
 * missing (sorted last).
 *
 * @example
 * ```ts
 * import type { PriorityKey } from 'ordercore/orders';
 *
 * const key: PriorityKey = { by: 'ship_by', value: '2026-11-25' };
 * key.value; //=> '2026-11-25'
 * ```
 */
export interface PriorityKey {
  /** The criterion. */
  readonly by: PriorityCriterion['by'];
  /** The order's value for it; `null` when missing. */
  readonly value: string | number | boolean | null;
}

/**
 * One order in queue order, with its 1-based rank and the keys that placed it there.
 *
 * @typeParam T - The order type given.
 * @example
 * ```ts
 * import type { OrderDraft, PrioritizedOrder } from 'ordercore/orders';
 *
 * const keysOf = (p: PrioritizedOrder<OrderDraft>) => p.keys.map((k) => k.by);
 * typeof keysOf; //=> 'function'
 * ```
 */
export interface PrioritizedOrder<T extends OrderDraft = OrderDraft> {
  /** The order, as given (not copied). */
  readonly order: T;
  /** 1 for the first order in the queue. */
  readonly rank: number;
  /** One key per criterion, in criterion order, then `{ by: 'id' }` is implied as the last tie-break. */
  readonly keys: readonly PriorityKey[];
}
