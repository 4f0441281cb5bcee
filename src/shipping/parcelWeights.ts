import { err, ok, type Result } from '../core/result.js';
import { show } from '../core/show.js';
import { ShippingError } from './errors.js';
import { checkParcel } from './internal/check.js';
import { dimensionalGrams } from './internal/weights.js';
import type { Parcel } from './types.js';

/**
 * A parcel's weights as a carrier bills them, in grams.
 *
 * @example
 * ```ts
 * import type { ParcelWeights } from 'ordercore/shipping';
 *
 * const w: ParcelWeights = { actualGrams: 1200, dimensionalGrams: 1800, billableGrams: 1800 };
 * w.billableGrams; //=> 1800
 * ```
 */
export interface ParcelWeights {
  /** The parcel's actual weight. */
  readonly actualGrams: number;
  /** length × width × height (mm³) / divisor, rounded up to the gram. */
  readonly dimensionalGrams: number;
  /** The larger of the two: what the carrier charges for. */
  readonly billableGrams: number;
}

/**
 * Computes a parcel's actual, dimensional and billable weight. With the divisor in cm³ per kg (the
 * carriers' convention, 5000 is common), length × width × height in mm³ divided by the divisor is
 * exactly the dimensional weight in grams; it is rounded up to the gram, on integers.
 *
 * @param parcel - The parcel (weight in grams, sides in millimetres).
 * @param dimDivisor - The carrier's divisor, cm³ per kg: a positive integer up to 1,000,000.
 * @returns The weights, or a {@link ShippingError} `invalid_shipment` / `invalid_options` naming the field.
 * @example
 * ```ts
 * import { parcelWeights } from 'ordercore/shipping';
 *
 * // 30 × 20 × 15 cm = 9000 cm³; / 5000 = 1.8 kg > 1.2 kg actual.
 * const box = { id: 'box-1', weightGrams: 1200, lengthMm: 300, widthMm: 200, heightMm: 150 };
 * parcelWeights(box, 5000); //=> { ok: true, value: { actualGrams: 1200, dimensionalGrams: 1800, billableGrams: 1800 } }
 * ```
 */
export function parcelWeights(parcel: Parcel, dimDivisor: number): Result<ParcelWeights, ShippingError> {
  const bad = checkParcel(parcel, 'parcel');
  if (bad !== undefined) return err(bad);
  if (typeof dimDivisor !== 'number' || !Number.isSafeInteger(dimDivisor) || dimDivisor < 1 || dimDivisor > 1_000_000)
    return err(
      new ShippingError(
        'invalid_options',
        `dimDivisor: expected a positive integer (cm³ per kg) up to 1,000,000 (got ${show(dimDivisor)}).`,
        { field: 'dimDivisor' },
      ),
    );
  const dimensional = dimensionalGrams(parcel, dimDivisor);
  return ok({
    actualGrams: parcel.weightGrams,
    dimensionalGrams: dimensional,
    billableGrams: Math.max(parcel.weightGrams, dimensional),
  });
}
