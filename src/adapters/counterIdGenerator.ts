import { isRecord, show } from '../core/show.js';
import { AdapterError } from './errors.js';
import type { IdGenerator } from './idGenerator.js';

/**
 * Options for {@link createCounterIdGenerator}.
 *
 * @example
 * ```ts
 * import type { CounterIdGeneratorOptions } from 'ordercore/adapters';
 *
 * const options: CounterIdGeneratorOptions = { prefix: 'ord', pad: 6 };
 * options.pad; //=> 6
 * ```
 */
export interface CounterIdGeneratorOptions {
  /** The prefix of `next()` without one. Default `'id'`. */
  readonly prefix?: string;
  /** The width the number is zero-padded to, so ids sort in creation order (0 to 16). Default 0. */
  readonly pad?: number;
}

/**
 * Creates the deterministic reference {@link IdGenerator}: ids are `prefix-n` with one counter per
 * prefix, starting at 1 (`order-1`, `order-2`, `pay-1` ...). Two generators made alike give the same
 * ids in the same order, which makes tests, demos and replays reproducible; ids are unique within
 * one generator only.
 *
 * @param options - The default prefix and the zero-padding width.
 * @returns The generator.
 * @throws {@link AdapterError} `invalid_request` for a malformed option, and from `next` for an
 *   empty or non-string prefix.
 * @example
 * ```ts
 * import { createCounterIdGenerator } from 'ordercore/adapters';
 *
 * const ids = createCounterIdGenerator({ pad: 3 });
 * ids.next('order'); //=> 'order-001'
 * ids.next('order'); //=> 'order-002'
 * ids.next('pay'); //=> 'pay-001'
 * ids.next(); //=> 'id-001'
 * ```
 */
export function createCounterIdGenerator(options?: CounterIdGeneratorOptions): IdGenerator {
  const given: CounterIdGeneratorOptions = options ?? {};
  if (options !== undefined && !isRecord(options))
    throw new AdapterError('invalid_request', `options: expected an object or nothing, got ${show(options)}.`, {
      field: 'options',
    });
  const fallback: unknown = given.prefix ?? 'id';
  const pad: unknown = given.pad ?? 0;
  if (typeof fallback !== 'string' || fallback.length === 0)
    throw new AdapterError('invalid_request', `prefix: expected a non-empty string, got ${show(fallback)}.`, {
      field: 'prefix',
    });
  if (typeof pad !== 'number' || !Number.isInteger(pad) || pad < 0 || pad > 16)
    throw new AdapterError('invalid_request', `pad: expected an integer from 0 to 16, got ${show(pad)}.`, {
      field: 'pad',
    });
  const counters = new Map<string, number>();
  return {
    next: (prefix = fallback) => {
      if (typeof prefix !== 'string' || prefix.length === 0)
        throw new AdapterError('invalid_request', `prefix: expected a non-empty string, got ${show(prefix)}.`, {
          field: 'prefix',
        });
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}-${String(n).padStart(pad, '0')}`;
    },
  };
}
