// Helpers for scenarios. Everything here must behave identically in Node and in the browser: no
// Math.random, no clock, no locale, no reliance on sort stability.

/**
 * A seeded 32-bit linear congruential generator (Numerical Recipes constants). Draws use the high
 * bits (the low bits of a power-of-two LCG cycle with short periods).
 *
 * @param {number} seed
 */
export function lcg(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
  /** An integer in [0, n). */
  const int = (n) => Math.floor((next() / 4294967296) * n);
  return {
    int,
    /** An integer in [min, max]. */
    between: (min, max) => min + int(max - min + 1),
    /** One element of a non-empty array. */
    pick: (items) => items[int(items.length)],
    /** A safe integer in [0, 2^53 - 1], from two draws. */
    safeInteger: () => int(2097152) * 4294967296 + next(),
    /** A string of `count` decimal digits. */
    digits: (count) => Array.from({ length: count }, () => String(int(10))).join(''),
  };
}

/**
 * Runs `fn` and returns `{ ok: value }`, or `{ error: code }` when it throws an instance of
 * `ErrorClass` (e.g. `MoneyError`). Anything else propagates: a TypeError is a bug, and the scenario
 * should fail loudly on both sides rather than record it as an outcome.
 *
 * @template T
 * @param {() => T} fn
 * @param {new (...args: never[]) => Error & { code: string }} ErrorClass
 * @returns {{ ok: T } | { error: string }}
 */
export function attempt(fn, ErrorClass) {
  try {
    return { ok: fn() };
  } catch (error) {
    if (error instanceof ErrorClass) return { error: error.code };
    throw error;
  }
}
