/**
 * KPIs: order-management figures computed from plain order, shipment, return, cost, inventory,
 * picking and receipt records through mergeable accumulators (create, add, merge, result), so they
 * can be computed per shard or per day and combined exactly; and `kpiReport`, the dashboard in one
 * pass. A zero denominator gives `null`, never 0 % or 100 %.
 *
 * @example
 * ```ts
 * import { perfectOrderRate } from 'ordercore/kpi';
 *
 * const kpi = perfectOrderRate();
 * kpi.result(kpi.create()); //=> null
 * ```
 *
 * @module ordercore/kpi
 */
export { type CycleTimeOptions, dockToStockTime, orderCycleTime } from './accumulators/durations.js';
export { type FillRateState, type FillRates, fillRates } from './accumulators/fillRates.js';
export {
  type CostPerOrderState,
  costPerOrder,
  inventoryTurnover,
  type Turnover,
  type TurnoverState,
} from './accumulators/money.js';
export { backorderRate, orderAccuracyRate, otifRate, perfectOrderRate } from './accumulators/orderQuality.js';
export { type PickingProductivity, type PickingState, pickingProductivity } from './accumulators/picking.js';
export { type ReturnCohort, type ReturnRateState, returnRateByCohort } from './accumulators/returns.js';
export { KPI_ERROR_CODES, KpiError, type KpiErrorCode } from './errors.js';
export { type KpiFigures, type KpiReport, type KpiReportOptions, kpiReport } from './kpiReport.js';
export type {
  DurationState,
  DurationSummary,
  Instant,
  KpiAccumulator,
  KpiCogsRecord,
  KpiCostRecord,
  KpiInventorySnapshotRecord,
  KpiOrderLine,
  KpiOrderRecord,
  KpiPickingRecord,
  KpiReceiptRecord,
  KpiRecord,
  KpiReturnRecord,
  KpiShipmentRecord,
  RatioState,
} from './types.js';
