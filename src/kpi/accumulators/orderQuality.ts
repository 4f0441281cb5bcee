import { accumulator } from '../internal/accumulator.js';
import { judgeable, onTimeInFull } from '../internal/orders.js';
import { orderRatio } from '../internal/ratio.js';
import type { KpiAccumulator, RatioState } from '../types.js';

/** The definitions behind the order-quality ratios (shared with kpiReport). */
export const PERFECT_ORDER = orderRatio((f) =>
  !judgeable(f) ? 0 : onTimeInFull(f) && f.documentsCorrect && !f.damaged ? 2 : 1,
);
export const OTIF = orderRatio((f) => (!judgeable(f) ? 0 : onTimeInFull(f) ? 2 : 1));
export const ORDER_ACCURACY = orderRatio((f) =>
  f.customerCancelled || Number.isNaN(f.shipped) ? 0 : f.accurate ? 2 : 1,
);
export const BACKORDER = orderRatio((f) => (f.backordered ? 2 : 1));

/**
 * The perfect order rate (SCOR): of the orders whose promise can be judged, the share delivered in
 * full (every line), on or before the committed instant, with correct documents and undamaged.
 *
 * Base: orders not cancelled by the customer, with a `committedAt` (the latest customer-agreed one:
 * agreed changes re-baseline the commitment), that were delivered or cancelled by the seller (a
 * failed order). Open orders wait until they have an outcome. Over-shipment counts as in full.
 *
 * @returns A mergeable accumulator; its figure is `null` when no order can be judged.
 * @example
 * ```ts
 * import { perfectOrderRate } from 'ordercore/kpi';
 *
 * const kpi = perfectOrderRate();
 * const state = kpi.add(kpi.create(), [
 *   { type: 'order', orderId: 'o-1', placedAt: '2026-11-02T09:00:00Z', committedAt: '2026-11-05T18:00:00Z', deliveredAt: '2026-11-05T11:00:00Z', lines: [{ ordered: 2, shipped: 2 }] },
 *   { type: 'order', orderId: 'o-2', placedAt: '2026-11-02T09:00:00Z', committedAt: '2026-11-05T18:00:00Z', deliveredAt: '2026-11-05T11:00:00Z', lines: [{ ordered: 2, shipped: 2 }], damaged: true },
 *   { type: 'order', orderId: 'o-3', placedAt: '2026-11-02T09:00:00Z', committedAt: '2026-11-05T18:00:00Z', cancelledBy: 'customer', lines: [{ ordered: 1, shipped: 0 }] },
 * ]);
 * kpi.result(state); //=> 0.5
 * ```
 */
export function perfectOrderRate(): KpiAccumulator<RatioState, number | null> {
  return accumulator(PERFECT_ORDER);
}

/**
 * On time in full (OTIF): of the orders whose promise can be judged (as for the perfect order
 * rate), the share delivered in full on or before the committed instant.
 *
 * @returns A mergeable accumulator; `null` when no order can be judged.
 * @example
 * ```ts
 * import { otifRate } from 'ordercore/kpi';
 *
 * const kpi = otifRate();
 * const late = { type: 'order' as const, orderId: 'o-1', placedAt: '2026-11-02T09:00:00Z', committedAt: '2026-11-04T18:00:00Z', deliveredAt: '2026-11-05T11:00:00Z', lines: [{ ordered: 1, shipped: 1 }] };
 * kpi.result(kpi.add(kpi.create(), [late])); //=> 0
 * ```
 */
export function otifRate(): KpiAccumulator<RatioState, number | null> {
  return accumulator(OTIF);
}

/**
 * The order accuracy rate (the seeds' "customer order error information rate"): of the orders
 * shipped (not cancelled by the customer), the share picked and shipped without error.
 *
 * @returns A mergeable accumulator; `null` when nothing shipped.
 * @example
 * ```ts
 * import { orderAccuracyRate } from 'ordercore/kpi';
 *
 * const kpi = orderAccuracyRate();
 * const shipped = { type: 'order' as const, orderId: 'o-1', placedAt: '2026-11-02T09:00:00Z', shippedAt: '2026-11-03T09:00:00Z', lines: [{ ordered: 1, shipped: 1 }] };
 * kpi.result(kpi.add(kpi.create(), [shipped, { ...shipped, orderId: 'o-2', accurate: false }])); //=> 0.5
 * ```
 */
export function orderAccuracyRate(): KpiAccumulator<RatioState, number | null> {
  return accumulator(ORDER_ACCURACY);
}

/**
 * The backorder rate (the seeds' "rate of customer backorder"): of all orders placed, the share with
 * at least one line that could not be filled from stock when ordered (`backordered > 0`).
 *
 * @returns A mergeable accumulator; `null` with no orders.
 * @example
 * ```ts
 * import { backorderRate } from 'ordercore/kpi';
 *
 * const kpi = backorderRate();
 * const o = { type: 'order' as const, orderId: 'o-1', placedAt: '2026-11-02T09:00:00Z', lines: [{ ordered: 3, shipped: 0, backordered: 1 }] };
 * kpi.result(kpi.add(kpi.create(), [o, { ...o, orderId: 'o-2', lines: [{ ordered: 3, shipped: 3 }] }])); //=> 0.5
 * ```
 */
export function backorderRate(): KpiAccumulator<RatioState, number | null> {
  return accumulator(BACKORDER);
}
