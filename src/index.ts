/**
 * ordercore: the pure, exact, explainable domain core of order management.
 *
 * The root entry holds what every module shares — {@link Result}, {@link OrdercoreError},
 * {@link ValidationError} — and re-exports exact money. Each module also has its own subpath
 * (`ordercore/money`, `ordercore/schemas`, ...), which is what bundle-size-conscious code should import.
 *
 * @example
 * ```ts
 * import { money, multiply, ok, toDecimal } from 'ordercore';
 *
 * ok(toDecimal(multiply(money('2.50', 'USD'), 4))); //=> { ok: true, value: '10.00' }
 * ```
 *
 * @module ordercore
 */
export * from './core/index.js';
export * from './money/index.js';
