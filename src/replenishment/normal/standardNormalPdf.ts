import { notNaN } from '../internal/checks.js';
import { pdf } from '../internal/normal.js';

/**
 * φ(z), the density of the standard normal distribution: e^(−z²/2) / √(2π).
 *
 * @param z - Any number (±Infinity gives 0).
 * @returns The density at `z`.
 * @throws {@link ReplenishmentError} `invalid_number` for NaN or a non-number.
 * @example
 * ```ts
 * import { standardNormalPdf } from 'ordercore/replenishment';
 *
 * standardNormalPdf(0).toFixed(10); //=> '0.3989422804'
 * standardNormalPdf(1.3).toFixed(10); //=> '0.1713685920'
 * ```
 */
export function standardNormalPdf(z: number): number {
  return pdf(notNaN(z, 'z'));
}
