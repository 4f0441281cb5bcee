/**
 * Demand per period and its variability, and the lead time and its variability, in one consistent
 * time unit (days, weeks ...): the input of every safety-stock formula.
 *
 * @example
 * ```ts
 * import type { DemandOverLeadTime } from 'ordercore/replenishment';
 *
 * const weekly: DemandOverLeadTime = { demandPerPeriod: 2500, demandStdDev: 500, leadTime: 2 };
 * weekly.leadTime; //=> 2
 * ```
 */
export interface DemandOverLeadTime {
  /** Mean demand per period (d ≥ 0). */
  readonly demandPerPeriod: number;
  /** Standard deviation of demand per period (σd ≥ 0; default 0). */
  readonly demandStdDev?: number;
  /** Lead time in periods (L ≥ 0). */
  readonly leadTime: number;
  /** Standard deviation of the lead time in periods (σL ≥ 0; default 0). */
  readonly leadTimeStdDev?: number;
}

/**
 * Safety stock and what it was computed from.
 *
 * @example
 * ```ts
 * import { safetyStockForServiceLevel } from 'ordercore/replenishment';
 *
 * const r = safetyStockForServiceLevel({ demandPerPeriod: 2500, demandStdDev: 500, leadTime: 2, serviceLevel: 0.95 });
 * r.ok && Math.round(r.value.safetyStock); //=> 1163
 * ```
 */
export interface SafetyStock {
  /** Units held against variability: k·σ. */
  readonly safetyStock: number;
  /** The safety factor k (z for a cycle service level; G⁻¹ for a fill rate). */
  readonly safetyFactor: number;
  /** Mean demand over the lead time (d·L). */
  readonly leadTimeDemand: number;
  /** Standard deviation of demand over the lead time, √(L·σd² + d²·σL²). */
  readonly leadTimeDemandStdDev: number;
  /** The reorder point d·L + safety stock. */
  readonly reorderPoint: number;
}
