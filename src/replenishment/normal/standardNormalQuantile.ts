import { show } from '../../core/show.js';
import { ReplenishmentError } from '../errors.js';
import { notNaN } from '../internal/checks.js';
import { quantile } from '../internal/normal.js';

/**
 * Φ⁻¹(p), the standard normal quantile: the z with Φ(z) = p — the safety factor for a cycle
 * service level p. A rational first guess (Abramowitz & Stegun 26.2.23) refined by Halley's method
 * on the accurate Φ: |Φ(z) − p| is at the level of double rounding (far below 1e-9), down to
 * p = 1e-300.
 *
 * @param p - A probability; 0 gives −Infinity and 1 gives +Infinity.
 * @returns z with Φ(z) = p.
 * @throws {@link ReplenishmentError} `invalid_probability` for p outside [0, 1], `invalid_number` for NaN.
 * @example
 * ```ts
 * import { standardNormalQuantile } from 'ordercore/replenishment';
 *
 * standardNormalQuantile(0.95).toFixed(6); //=> '1.644854'
 * standardNormalQuantile(0.99).toFixed(6); //=> '2.326348'
 * standardNormalQuantile(0.5); //=> 0
 * ```
 */
export function standardNormalQuantile(p: number): number {
  notNaN(p, 'p');
  if (p < 0 || p > 1)
    throw new ReplenishmentError('invalid_probability', `p: ${show(p)} is not in [0, 1].`, { field: 'p', value: p });
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  return quantile(p);
}
