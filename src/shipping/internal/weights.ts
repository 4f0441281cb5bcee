// Dimensional weight on exact integers (internal).
import type { Parcel } from '../types.js';

/** ⌈volume / divisor⌉ on exact integers (the product of three sides ≤ 10⁵ mm stays below 2⁵³). */
export function dimensionalGrams(parcel: Parcel, divisor: number): number {
  const volume = parcel.lengthMm * parcel.widthMm * parcel.heightMm;
  let q = Math.floor(volume / divisor);
  while (q * divisor < volume) q += 1;
  while (q > 0 && (q - 1) * divisor >= volume) q -= 1;
  return q;
}
