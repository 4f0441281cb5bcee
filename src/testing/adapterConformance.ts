// Shared by the conformance kits of the order repository, promotion usage store, event outbox and
// payment gateway: the case type, the options every kit takes, and the property runner.

/**
 * One conformance case: a name and a function that resolves when the adapter conforms and rejects
 * with an `Error` saying what broke otherwise. Hand the cases to any runner:
 * `for (const c of cases) it(c.name, c.run)`.
 *
 * @example
 * ```ts
 * import type { ConformanceCase } from 'ordercore/testing';
 *
 * const c: ConformanceCase = { name: 'noop', run: async () => {} };
 * c.name; //=> 'noop'
 * ```
 */
export interface ConformanceCase {
  /** What the case checks, to name the test. */
  readonly name: string;
  /** Runs the case on fresh adapters; rejects with an `Error` on the first violation. */
  readonly run: () => Promise<void>;
}

/**
 * The options every adapter conformance kit takes.
 *
 * @typeParam A - The adapter type.
 * @example
 * ```ts
 * import type { ConformanceOptions } from 'ordercore/testing';
 *
 * const options: ConformanceOptions<unknown> = { seed: 7, numRuns: 10, clients: 8 };
 * options.clients; //=> 8
 * ```
 */
export interface ConformanceOptions<A> {
  /** The fast-check seed of the randomised cases (a failure reports the seed and path to replay). Default 42. */
  readonly seed?: number;
  /** Randomised runs per randomised case (each on a fresh adapter). Default 25. */
  readonly numRuns?: number;
  /** Simulated clients running concurrently in the concurrency cases. Default 6. */
  readonly clients?: number;
  /** Called with each adapter once its case or run is over (close connections, drop schemas). */
  readonly dispose?: (adapter: A) => void | Promise<void>;
}
