/**
 * The port that gives workflows new ids (orders, payments, shipments, reservations, messages). The
 * pure core never invents an id: it takes ids from its caller, and workflows get them from here.
 *
 * The contract: `next(prefix)` returns a non-empty string never returned before by this generator
 * (nor by another generator sharing its store), starting with `prefix` when one is given. A host's
 * production generator typically wraps `crypto.randomUUID()`; `createCounterIdGenerator` is the
 * deterministic reference for tests, demos and replays.
 *
 * @example
 * ```ts
 * import type { IdGenerator } from 'ordercore/adapters';
 *
 * let n = 0;
 * const ids: IdGenerator = { next: (prefix = 'id') => `${prefix}-${(n += 1)}` };
 * ids.next('order'); //=> 'order-1'
 * ```
 */
export interface IdGenerator {
  /**
   * A new, unique id.
   *
   * @param prefix - What the id starts with (e.g. `'order'`); default: the generator's own.
   * @returns An id never returned before.
   */
  next(prefix?: string): string;
}
