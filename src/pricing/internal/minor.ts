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
    let n = numbers[i] as number | bigint;
    if (typeof n === 'bigint') {
      // Bigint weights (a bundle's exact values) as numbers; −1, refused below, beyond the safe range.
      numbers = weights.map((x) => (typeof x === 'bigint' ? (x <= 9007199254740991n && x >= 0n ? Number(x) : -1) : x));
      n = numbers[i] as number;
    }
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

/** Scratch buffers for allocateMinor, reused across calls (nothing here is re-entered), grown in powers of two. */
let remainderScratch = new Float64Array(256);
let keyScratch = new Float64Array(256);
let countScratch = new Int32Array(256);
let groupScratch = new Int32Array(256);

function remainderBuffer(count: number): Float64Array {
  if (count <= remainderScratch.length) return remainderScratch;
  if (count > 65_536) return new Float64Array(count);
  const size = 2 ** Math.ceil(Math.log2(count));
  remainderScratch = new Float64Array(size);
  keyScratch = new Float64Array(size);
  countScratch = new Int32Array(size);
  groupScratch = new Int32Array(size);
  return remainderScratch;
}

/**
 * One unit each to the `leftover` largest remainders, equal remainders to the earlier index.
 *
 * Many parts (an order discount over a cart's lines): each remainder goes to one of `count` buckets
 * by `floor(remainder × count / bound)` — a monotone map, so a bucket above another holds only
 * larger remainders — and the buckets are counted from the top until they hold `leftover`
 * remainders. Every remainder above the last bucket needed gets a unit; inside that bucket (usually
 * one or two), each (remainder, index) pair is packed into one exact double that orders them as
 * required, and the largest keys are found by a native sort. Pairs too large to pack take a
 * comparator sort.
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
  if (bound * count + count <= MAX && count <= remainderScratch.length) {
    const last = count - 1;
    const scale = count / bound;
    const counts = countScratch;
    counts.fill(0, 0, count);
    for (let i = 0; i < count; i++) {
      const bucket = Math.min(last, Math.floor((remainders[i] as number) * scale));
      counts[bucket] = (counts[bucket] as number) + 1;
    }
    // Buckets from the top while they hold fewer than `leftover`: bucket b is the last one needed.
    let b = last;
    let above = 0;
    while (above + (counts[b] as number) < leftover) above += counts[b--] as number;
    const keys = keyScratch;
    const group = groupScratch;
    let size = 0;
    for (let i = 0; i < count; i++) {
      const bucket = Math.min(last, Math.floor((remainders[i] as number) * scale));
      if (bucket > b) shares[i] = (shares[i] as number) + 1;
      else if (bucket === b) {
        keys[size] = (remainders[i] as number) * count + (last - i);
        group[size++] = i;
      }
    }
    // Keys are distinct, so the `leftover − above` largest are exactly those ≥ the key of that rank
    // (a native numeric sort of the bucket's few keys).
    const threshold = keys.subarray(0, size).sort()[size - (leftover - above)] as number;
    for (let k = 0; k < size; k++) {
      const i = group[k] as number;
      if ((remainders[i] as number) * count + (last - i) >= threshold) shares[i] = (shares[i] as number) + 1;
    }
    return;
  }
  const order = Array.from({ length: count }, (_, index) => index);
  order.sort((a, b) => (remainders[b] as number) - (remainders[a] as number) || a - b);
  for (let k = 0; k < leftover; k++) {
    const index = order[k] as number;
    shares[index] = (shares[index] as number) + 1;
  }
}
