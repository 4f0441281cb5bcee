import { notNaN } from '../internal/checks.js';
import { loss } from '../internal/normal.js';

/**
 * G(z) = φ(z) − z·(1 − Φ(z)), the standard normal loss function: the expected amount by which a unit
 * normal exceeds z. Expected units short per replenishment cycle are σ·G(k) for a safety factor k.
 * Computed without the cancellation the plain formula suffers in the upper tail.
 *
 * @param z - Any number (+Infinity gives 0; −Infinity gives +Infinity).
 * @returns G(z) > 0.
 * @throws {@link ReplenishmentError} `invalid_number` for NaN or a non-number.
 * @example
 * ```ts
 * import { standardNormalLoss } from 'ordercore/replenishment';
 *
 * standardNormalLoss(1.3).toFixed(6); //=> '0.045528'
 * standardNormalLoss(0).toFixed(6); //=> '0.398942'
 * ```
 */
export function standardNormalLoss(z: number): number {
  notNaN(z, 'z');
  if (z === Number.POSITIVE_INFINITY) return 0;
  if (z === Number.NEGATIVE_INFINITY) return Number.POSITIVE_INFINITY;
  return loss(z);
}
