import { describe } from './currencies.js';
import { MoneyError } from './errors.js';
import { assertMoney } from './internal/assert.js';
import { type ExactDecimal, parseRate, pow10, toSafeAmount } from './internal/decimal.js';
import type { Money, Rate } from './types.js';

/** The most parts one allocation may produce; beyond it the caller almost certainly has a bug. */
const MAX_PARTS = 1_000_000;

/**
 * Splits an amount into parts proportional to weights, by the largest-remainder method, so the parts
 * always add up exactly to the total.
 *
 * Each part first gets the whole minor units of its exact share, rounded toward zero; the minor units
 * left over then go, one each, to the parts with the largest remainders. Ties between equal
 * remainders go to the earlier part, so the result is deterministic. A part with weight zero gets
 * zero. A negative total is split like its absolute value and every part negated, so parts never
 * have mixed signs.
 *
 * Use it to spread an order discount over lines in proportion to their amounts, to split a payment
 * into instalments, or shipping over packages.
 *
 * @typeParam C - The currency.
 * @param total - The amount to split.
 * @param weights - One non-negative exact weight per part (numbers, decimal strings, bigints); they
 *   need not sum to anything in particular. At least one must be above zero unless the total is zero.
 * @returns One amount per weight, in the same order, summing to `total`.
 * @throws {@link MoneyError} `invalid_weights` for an empty list, a negative or non-numeric weight,
 *   or all-zero weights with a non-zero total; `invalid_argument` when `total` is not money.
 * @example
 * ```ts
 * import { allocate, money, toDecimal } from 'ordercore/money';
 *
 * allocate(money('10.00', 'USD'), [1, 1, 1]).map(toDecimal); //=> ['3.34', '3.33', '3.33']
 * allocate(money('-0.05', 'USD'), [50, 30, 20]).map(toDecimal); //=> ['-0.03', '-0.01', '-0.01']
 * allocate(money('100', 'JPY'), ['0.7', 0, '0.3']).map(toDecimal); //=> ['70', '0', '30']
 * ```
 */
export function allocate<C extends string>(total: Money<C>, weights: readonly Rate[]): Money<C>[] {
  assertMoney(total, 'total');
  if (!Array.isArray(weights) || weights.length === 0 || weights.length > MAX_PARTS) {
    throw new MoneyError(
      'invalid_weights',
      `weights: expected a non-empty array of at most ${MAX_PARTS} weights, got ${describe(weights)}.`,
      { field: 'weights' },
    );
  }
  const parsed: ExactDecimal[] = [];
  let scale = 0;
  let integersOnly = true;
  for (let i = 0; i < weights.length; i++) {
    let weight: ExactDecimal;
    try {
      weight = parseRate(weights[i], `weights[${i}]`);
    } catch {
      throw new MoneyError('invalid_weights', `weights[${i}]: ${describe(weights[i])} is not an exact decimal.`, {
        field: `weights[${i}]`,
      });
    }
    if (weight.coefficient < 0n) {
      throw new MoneyError(
        'invalid_weights',
        `weights[${i}]: ${describe(weights[i])} is negative; weights must be ≥ 0.`,
        {
          field: `weights[${i}]`,
        },
      );
    }
    if (weight.scale > scale) scale = weight.scale;
    if (weight.scale !== 0 || weight.coefficientNumber === undefined) integersOnly = false;
    parsed.push(weight);
  }
  const negative = total.amount < 0;
  const magnitude = Math.abs(total.amount);
  const amounts = integersOnly
    ? allocateSmallIntegers(magnitude, parsed)
    : allocateExact(
        magnitude,
        parsed.map((w) => w.coefficient * pow10(scale - w.scale)),
      );
  if (amounts === undefined) {
    throw new MoneyError('invalid_weights', 'weights: all weights are zero, so a non-zero total has nowhere to go.', {
      field: 'weights',
    });
  }
  return amounts.map((amount) => ({ amount: negative ? 0 - amount : amount, currency: total.currency }));
}

/** Largest remainder on safe integers; falls back to bigint when a product could leave the safe range. */
function allocateSmallIntegers(magnitude: number, weights: readonly ExactDecimal[]): number[] | undefined {
  let weightSum = 0;
  for (const w of weights) weightSum += w.coefficientNumber as number;
  if (!Number.isSafeInteger(weightSum) || magnitude * weightSum > Number.MAX_SAFE_INTEGER) {
    return allocateExact(
      magnitude,
      weights.map((w) => w.coefficient),
    );
  }
  if (weightSum === 0) return magnitude === 0 ? weights.map(() => 0) : undefined;
  const shares: number[] = [];
  const remainders: number[] = [];
  let assigned = 0;
  for (const w of weights) {
    const product = magnitude * (w.coefficientNumber as number);
    const share = Math.floor(product / weightSum);
    // product and share·weightSum are exact (≤ magnitude·weightSum ≤ 2^53), so this repairs any
    // float-division rounding of `share` exactly.
    let remainder = product - share * weightSum;
    let fixed = share;
    if (remainder < 0) {
      fixed -= 1;
      remainder += weightSum;
    } else if (remainder >= weightSum) {
      fixed += 1;
      remainder -= weightSum;
    }
    shares.push(fixed);
    remainders.push(remainder);
    assigned += fixed;
  }
  distributeLeftover(shares, remainders, magnitude - assigned, (a, b) => a - b);
  return shares;
}

/** Largest remainder on bigints: exact for any size; results are checked back into the safe range. */
function allocateExact(magnitude: number, weights: readonly bigint[]): number[] | undefined {
  let weightSum = 0n;
  for (const w of weights) weightSum += w;
  if (weightSum === 0n) return magnitude === 0 ? weights.map(() => 0) : undefined;
  const total = BigInt(magnitude);
  const shares: number[] = [];
  const remainders: bigint[] = [];
  let assigned = 0;
  for (const w of weights) {
    const product = total * w;
    const share = toSafeAmount(product / weightSum, 'allocate');
    shares.push(share);
    remainders.push(product % weightSum);
    assigned += share;
  }
  distributeLeftover(shares, remainders, magnitude - assigned, (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return shares;
}

/** Gives one minor unit each to the `leftover` largest remainders; equal remainders: earlier index first. */
function distributeLeftover<R>(
  shares: number[],
  remainders: readonly R[],
  leftover: number,
  compareRemainders: (a: R, b: R) => number,
): void {
  if (leftover === 0) return;
  const order = remainders.map((_, index) => index);
  order.sort((a, b) => compareRemainders(remainders[b] as R, remainders[a] as R) || a - b);
  for (let k = 0; k < leftover; k++) {
    const index = order[k] as number;
    shares[index] = (shares[index] as number) + 1;
  }
}

/**
 * Splits an amount into `count` parts that differ by at most one minor unit and add up exactly to
 * the total; the earlier parts get the extra units. Shorthand for `allocate(total, [1, 1, ...])`.
 *
 * @typeParam C - The currency.
 * @param total - The amount to split.
 * @param count - The number of parts, an integer from 1 to 1,000,000.
 * @returns The parts, summing to `total`.
 * @throws {@link MoneyError} `invalid_argument` for a bad count or a `total` that is not money.
 * @example
 * ```ts
 * import { money, splitEvenly, toDecimal } from 'ordercore/money';
 *
 * splitEvenly(money('100.00', 'USD'), 3).map(toDecimal); //=> ['33.34', '33.33', '33.33']
 * ```
 */
export function splitEvenly<C extends string>(total: Money<C>, count: number): Money<C>[] {
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_PARTS) {
    throw new MoneyError('invalid_argument', `count: ${describe(count)} must be an integer from 1 to ${MAX_PARTS}.`, {
      field: 'count',
    });
  }
  return allocate(total, new Array<number>(count).fill(1));
}
