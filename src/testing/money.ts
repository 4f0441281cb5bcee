import fc from 'fast-check';
import { fromMinor, getCurrency, type Money } from '../money/index.js';

/**
 * Options for {@link moneyArbitrary}.
 *
 * @example
 * ```ts
 * import type { MoneyArbitraryOptions } from 'ordercore/testing';
 *
 * const options: MoneyArbitraryOptions = { min: 0, max: 10_000 };
 * options.max; //=> 10000
 * ```
 */
export interface MoneyArbitraryOptions {
  /** The smallest amount in minor units. Default `-Number.MAX_SAFE_INTEGER`. */
  readonly min?: number;
  /** The largest amount in minor units. Default `Number.MAX_SAFE_INTEGER`. */
  readonly max?: number;
}

/**
 * A fast-check arbitrary of money in one currency, biased towards the values that break money code:
 * zero, ±1, the range limits and odd amounts that make ties when halved.
 *
 * @typeParam C - The currency code.
 * @param currency - An ISO 4217 or registered currency code.
 * @param options - {@link MoneyArbitraryOptions}: the range in minor units.
 * @returns The arbitrary.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { moneyArbitrary } from 'ordercore/testing';
 *
 * const samples = fc.sample(moneyArbitrary('JPY', { min: 0, max: 100 }), { numRuns: 20, seed: 1 });
 * samples.every((m) => m.currency === 'JPY' && m.amount >= 0 && m.amount <= 100); //=> true
 * ```
 */
export function moneyArbitrary<C extends string>(
  currency: C,
  options: MoneyArbitraryOptions = {},
): fc.Arbitrary<Money<C>> {
  if (getCurrency(currency) === undefined) throw new RangeError(`moneyArbitrary: unknown currency ${currency}`);
  const min = options.min ?? -Number.MAX_SAFE_INTEGER;
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  const edges = [0, 1, -1, min, max, 5, -5, 50, -50].filter((n) => n >= min && n <= max);
  const small = fc.integer({ min: Math.max(min, -100_000), max: Math.min(max, 100_000) });
  return fc
    .oneof(
      { weight: 4, arbitrary: small },
      { weight: 3, arbitrary: fc.integer({ min, max }) },
      { weight: 1, arbitrary: fc.constantFrom(...(edges.length > 0 ? edges : [min])) },
    )
    .map((amount) => fromMinor(amount, currency));
}
