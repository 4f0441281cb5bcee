import { nonNegative } from '../internal/checks.js';
import { inverseLoss } from '../internal/normal.js';

/**
 * G⁻¹(l), the inverse of the standard normal loss function: the safety factor z whose expected
 * shortfall G(z) equals l — how a fill-rate (type 2) target becomes a safety factor. Newton's method
 * from the left of the root, where the convex, decreasing G makes it converge monotonically.
 *
 * @param l - A positive expected shortfall per unit of σ.
 * @returns z with G(z) = l.
 * @throws {@link ReplenishmentError} `invalid_number` for a non-finite `l`, `invalid_probability` for l ≤ 0.
 * @example
 * ```ts
 * import { inverseStandardNormalLoss } from 'ordercore/replenishment';
 *
 * inverseStandardNormalLoss(0.045528).toFixed(4); //=> '1.3000'
 * ```
 */
export function inverseStandardNormalLoss(l: number): number {
  return inverseLoss(nonNegative(l, 'l', 'invalid_probability', true));
}
