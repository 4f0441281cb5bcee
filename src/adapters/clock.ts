import type { Instant } from '../orders/types.js';

/**
 * The port that tells workflows the time. The pure core never reads a clock: it takes `now` as an
 * argument, and workflows get it from here, once per command, so one command sees one instant.
 *
 * The contract: `now()` returns an ISO 8601 instant with an explicit offset (`Z` or `±hh:mm`), and
 * never goes backwards between two calls of one clock. A host's production clock is one line
 * (`{ now: () => new Date().toISOString() }`); `createManualClock` is the deterministic reference
 * for tests, demos and replays.
 *
 * @example
 * ```ts
 * import type { Clock } from 'ordercore/adapters';
 *
 * const fixed: Clock = { now: () => '2026-11-22T10:00:00Z' };
 * fixed.now(); //=> '2026-11-22T10:00:00Z'
 * ```
 */
export interface Clock {
  /**
   * The current instant.
   *
   * @returns An ISO 8601 instant with an offset, never earlier than the previous call's.
   */
  now(): Instant;
}
