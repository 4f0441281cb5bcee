import { notNaN } from '../internal/checks.js';
import { cdf } from '../internal/normal.js';

/**
 * Φ(z), the standard normal cumulative distribution: the probability that a unit normal is ≤ z.
 * Accurate to about 1e-16 near the centre (Marsaglia's series) and to about 1e-15 relative in the
 * tails (the Mills-ratio continued fraction), so far-tail values such as Φ(−10) ≈ 7.62e-24 keep
 * their digits.
 *
 * @param z - Any number (−Infinity gives 0, +Infinity gives 1).
 * @returns Φ(z) in [0, 1].
 * @throws {@link ReplenishmentError} `invalid_number` for NaN or a non-number.
 * @example
 * ```ts
 * import { standardNormalCdf } from 'ordercore/replenishment';
 *
 * standardNormalCdf(1.96).toFixed(6); //=> '0.975002'
 * standardNormalCdf(-10).toPrecision(6); //=> '7.61985e-24'
 * ```
 */
export function standardNormalCdf(z: number): number {
  return cdf(notNaN(z, 'z'));
}
