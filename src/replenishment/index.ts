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

// --- errors and the normal distribution (lead) ---
export type { ReplenishmentErrorCode } from './errors.js';
export { REPLENISHMENT_ERROR_CODES, ReplenishmentError } from './errors.js';
export { inverseStandardNormalLoss } from './normal/inverseStandardNormalLoss.js';
export { standardNormalCdf } from './normal/standardNormalCdf.js';
export { standardNormalLoss } from './normal/standardNormalLoss.js';
export { standardNormalPdf } from './normal/standardNormalPdf.js';
export { standardNormalQuantile } from './normal/standardNormalQuantile.js';
// --- safety stock, reorder points, EOQ family, policies (helper Q) ---
