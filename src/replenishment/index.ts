/**
 * Replenishment: the standard normal distribution helpers (Φ, φ, Φ⁻¹, the loss function and its
 * inverse), reorder points and safety stock for cycle-service and fill-rate targets, the EOQ family,
 * review policies ((R, S), (s, S), min / max, (r, Q)) and replenishment suggestions — textbook-exact,
 * with the edge cases specified.
 *
 * @example
 * ```ts
 * import { standardNormalQuantile } from 'ordercore/replenishment';
 *
 * standardNormalQuantile(0.975).toFixed(2); //=> '1.96'
 * ```
 *
 * @module ordercore/replenishment
 */

// --- safety stock, reorder points, EOQ family, policies (lead) ---
export { economicOrderQuantity } from './eoq/economicOrderQuantity.js';
export { economicProductionQuantity } from './eoq/economicProductionQuantity.js';
export { eoqWithBackorders } from './eoq/eoqWithBackorders.js';
export {
  eoqWithQuantityDiscounts,
  type PriceBreak,
  type QuantityDiscountCandidate,
} from './eoq/eoqWithQuantityDiscounts.js';
// --- errors and the normal distribution (lead) ---
export type { ReplenishmentErrorCode } from './errors.js';
export { REPLENISHMENT_ERROR_CODES, ReplenishmentError } from './errors.js';
export { inverseStandardNormalLoss } from './normal/inverseStandardNormalLoss.js';
export { standardNormalCdf } from './normal/standardNormalCdf.js';
export { standardNormalLoss } from './normal/standardNormalLoss.js';
export { standardNormalPdf } from './normal/standardNormalPdf.js';
export { standardNormalQuantile } from './normal/standardNormalQuantile.js';
export { daysOfSupply } from './policies/daysOfSupply.js';
export { orderUpToLevel } from './policies/orderUpToLevel.js';
export { suggestReplenishment } from './policies/suggestReplenishment.js';
export type {
  InventoryPosition,
  ReplenishmentPolicy,
  ReplenishmentReason,
  ReplenishmentSuggestion,
} from './policies/types.js';
export { REPLENISHMENT_REASONS } from './policies/types.js';
export { cycleServiceLevel } from './safety/cycleServiceLevel.js';
export { expectedShortage } from './safety/expectedShortage.js';
export { reorderPoint } from './safety/reorderPoint.js';
export { safetyStockForFillRate } from './safety/safetyStockForFillRate.js';
export { safetyStockForServiceLevel } from './safety/safetyStockForServiceLevel.js';
export type { DemandOverLeadTime, SafetyStock } from './types.js';
