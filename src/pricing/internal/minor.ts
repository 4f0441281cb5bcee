// Arithmetic on integer minor units for the pricing engine's inner loops: the same exact results as
// `fromRatio(...).amount` and `allocate(fromMinor(total), weights).map(m => m.amount)`, without a
// Money object, a bigint or a parsed weight per call when the numbers are small enough to be exact
// as doubles (they almost always are: cents times a percentage). Anything else takes the money
// module's own functions, so edge cases and errors are theirs, unchanged.
import { allocate, fromMinor, fromRatio, type Money, type RoundingMode, roundedQuotient } from '../../money/index.js';

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * Money in a currency already checked (the catalog's) from a safe integer of minor units: what
 * `fromMinor` returns, without re-checking the currency code; anything else goes to `fromMinor`,
 * which reports it as before.
 */
export function minorMoney(amount: number, currency: string): Money {
  return Number.isSafeInteger(amount) ? { amount: amount + 0, currency } : fromMinor(amount, currency);
}

/**
 * round(amount × numerator / denominator) with the mode, in minor units: `fromRatio(BigInt(amount) ×
 * numerator, denominator, currency, mode).amount`, exactly. Numbers must be safe integers
 * (`amount` ≥ 0, `numerator` ≥ 0, `denominator` > 0); bigints are accepted as they come.
 */
export function ratio(
  amount: number,
  numerator: number | bigint,
  denominator: number | bigint,
  mode: RoundingMode,
  currency: string,
): number {
  if (typeof numerator === 'number' && typeof denominator === 'number') {
    const product = amount * numerator;
    // A double product ≤ 2^53 − 1 is exact; with the divisor added still safe, divideRoundNumber is exact.
    if (product >= 0 && product <= MAX - denominator && denominator > 0) {
      return roundedQuotient(product, denominator, mode);
    }
  }
  return fromRatio(BigInt(amount) * BigInt(numerator), BigInt(denominator), currency, mode).amount;
}

/**
 * Largest-remainder split of `total` minor units over non-negative integer weights: exactly
 * `allocate(fromMinor(total, currency), weights)`'s amounts (shares rounded down, the leftover units
 * one each to the largest remainders, equal remainders to the earlier part).
 */
export function allocateMinor(total: number, weights: readonly (number | bigint)[], currency: string): number[] {
  const count = weights.length;
  let weightSum = 0;
  let small = count > 0 && Number.isSafeInteger(total) && total >= 0;
  // Weights that are all safe non-negative numbers (the engine's amounts) are used as they are.
  let numbers = weights as readonly number[];
  for (let i = 0; small && i < count; i++) {
    const w = weights[i] as number | bigint;
    if (typeof w === 'bigint') {
      numbers = weights.map((x) => (typeof x === 'bigint' ? (x <= 9007199254740991n && x >= 0n ? Number(x) : -1) : x));
      break;
    }
  }
  for (let i = 0; small && i < count; i++) {
    const n = numbers[i] as number;
    if (!Number.isSafeInteger(n) || n < 0) small = false;
    weightSum += n;
  }
  if (!small || weightSum === 0 || !Number.isSafeInteger(weightSum) || total * weightSum > MAX) {
    return allocate(fromMinor(total, currency), weights).map((m) => m.amount);
  }
  const shares: number[] = new Array(count);
  const remainders = remainderBuffer(count);
  let assigned = 0;
  for (let i = 0; i < count; i++) {
    const product = total * (numbers[i] as number);
    let share = Math.floor(product / weightSum);
    // product and share·weightSum are exact (≤ total·weightSum ≤ 2^53): repair a float-division slip.
    let remainder = product - share * weightSum;
    if (remainder < 0) {
      share -= 1;
      remainder += weightSum;
    } else if (remainder >= weightSum) {
      share += 1;
      remainder -= weightSum;
    }
    shares[i] = share;
    remainders[i] = remainder;
    assigned += share;
  }
  const leftover = total - assigned;
  if (leftover > 0) distributeLeftover(shares, remainders, leftover, weightSum);
  return shares;
}

/** Scratch remainders for allocateMinor, reused across calls (nothing here is re-entered). */
let remainderScratch = new Float64Array(256);

function remainderBuffer(count: number): Float64Array {
  if (count <= remainderScratch.length) return remainderScratch;
  if (count > 65_536) return new Float64Array(count);
  remainderScratch = new Float64Array(2 ** Math.ceil(Math.log2(count)));
  return remainderScratch;
}

/**
 * One unit each to the `leftover` largest remainders, equal remainders to the earlier index. Each
 * (remainder, index) pair is packed into one exact double that orders them so, and the keys are
 * sorted natively (no comparator calls); pairs too large to pack take a comparator sort.
 */
function distributeLeftover(shares: number[], remainders: Float64Array, leftover: number, bound: number): void {
  const count = shares.length;
  if (count <= 8) {
    // Few parts (a line's tax components): pick the largest remaining remainder, first one on ties.
    let taken = 0; // a bit per part
    for (let k = 0; k < leftover; k++) {
      let best = -1;
      for (let i = 0; i < count; i++) {
        if ((taken & (1 << i)) === 0 && (best < 0 || (remainders[i] as number) > (remainders[best] as number)))
          best = i;
      }
      taken |= 1 << best;
      shares[best] = (shares[best] as number) + 1;
    }
    return;
  }
  if (bound * count + count <= MAX) {
    // The remainders are scratch: each becomes its key in place, and a copy is partitioned.
    for (let i = 0; i < count; i++) remainders[i] = (remainders[i] as number) * count + (count - 1 - i);
    const keys = keyBuffer(count);
    keys.set(remainders.subarray(0, count));
    // Keys are distinct, so the `leftover` largest are exactly those ≥ the key of rank count − leftover.
    const threshold = kthSmallest(keys, count, count - leftover);
    for (let i = 0; i < count; i++) if ((remainders[i] as number) >= threshold) shares[i] = (shares[i] as number) + 1;
    return;
  }
  const order = Array.from({ length: count }, (_, index) => index);
  order.sort((a, b) => (remainders[b] as number) - (remainders[a] as number) || a - b);
  for (let k = 0; k < leftover; k++) {
    const index = order[k] as number;
    shares[index] = (shares[index] as number) + 1;
  }
}

/** Scratch keys for distributeLeftover, reused across calls (nothing here is re-entered). */
let scratch = new Float64Array(256);

/** A Float64Array of at least `count` entries (contents undefined): the shared scratch, or a fresh one if huge. */
function keyBuffer(count: number): Float64Array {
  if (count <= scratch.length) return scratch;
  if (count > 65_536) return new Float64Array(count);
  scratch = new Float64Array(2 ** Math.ceil(Math.log2(count)));
  return scratch;
}

/**
 * The value of rank `rank` (0-based, ascending) among `keys[0..count)`, by quickselect (reorders
 * them; entries from `count` on are never read: every scan stops inside the range it partitions).
 */
function kthSmallest(keys: Float64Array, count: number, rank: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const a = keys[lo] as number;
    const b = keys[(lo + hi) >>> 1] as number;
    const c = keys[hi] as number;
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c)); // median of three
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((keys[i] as number) < pivot) i++;
      while ((keys[j] as number) > pivot) j--;
      if (i <= j) {
        const t = keys[i] as number;
        keys[i] = keys[j] as number;
        keys[j] = t;
        i++;
        j--;
      }
    }
    if (rank <= j) hi = j;
    else if (rank >= i) lo = i;
    else break;
  }
  return keys[rank] as number;
}
