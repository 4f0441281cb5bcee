import { parseInstant } from '../core/instant.js';
import { isRecord, show } from '../core/show.js';
import type { Instant } from '../orders/types.js';
import type { Clock } from './clock.js';
import { AdapterError } from './errors.js';

/**
 * Options for {@link createManualClock}.
 *
 * @example
 * ```ts
 * import type { ManualClockOptions } from 'ordercore/adapters';
 *
 * const options: ManualClockOptions = { stepMs: 1000 };
 * options.stepMs; //=> 1000
 * ```
 */
export interface ManualClockOptions {
  /** How far the clock moves after each `now()` call, in milliseconds (≥ 0). Default 0: a fixed clock. */
  readonly stepMs?: number;
}

/**
 * The deterministic reference {@link Clock}: it shows a set instant, moves by a fixed step after
 * each reading, and is moved by hand (`advance`, `set`), never backwards.
 *
 * @example
 * ```ts
 * import { createManualClock } from 'ordercore/adapters';
 *
 * const clock = createManualClock('2026-11-22T10:00:00Z');
 * clock.advance(90_000); //=> '2026-11-22T10:01:30.000Z'
 * clock.now(); //=> '2026-11-22T10:01:30.000Z'
 * ```
 */
export interface ManualClock extends Clock {
  /**
   * Moves the clock forward.
   *
   * @param ms - Milliseconds (a non-negative safe integer).
   * @returns The instant it now shows.
   * @throws {@link AdapterError} `invalid_request` for a negative or non-integer step.
   */
  advance(ms: number): Instant;
  /**
   * Sets the clock to an instant at or after the one it shows.
   *
   * @param instant - An ISO 8601 instant with an offset.
   * @returns The instant it now shows (normalised to UTC).
   * @throws {@link AdapterError} `invalid_request` for a malformed or earlier instant.
   */
  set(instant: Instant): Instant;
}

const invalid = (field: string, reason: string): AdapterError =>
  new AdapterError('invalid_request', `${field}: ${reason}`, { field });

const isStep = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * Creates a deterministic clock for tests, demos and replays: fixed at `start` (the default), or
 * moving `stepMs` after every reading, so successive commands see successive instants. Instants are
 * returned in UTC with milliseconds (`toISOString` form).
 *
 * @param start - The first instant it shows (ISO 8601 with an offset).
 * @param options - The step after each reading (default 0).
 * @returns The clock.
 * @throws {@link AdapterError} `invalid_request` for a malformed `start` or `stepMs`.
 * @example
 * ```ts
 * import { createManualClock } from 'ordercore/adapters';
 *
 * const clock = createManualClock('2026-11-22T10:00:00+01:00', { stepMs: 1000 });
 * clock.now(); //=> '2026-11-22T09:00:00.000Z'
 * clock.now(); //=> '2026-11-22T09:00:01.000Z'
 * createManualClock('2026-11-22T10:00:00Z').now(); //=> '2026-11-22T10:00:00.000Z'
 * ```
 */
export function createManualClock(start: Instant, options?: ManualClockOptions): ManualClock {
  const given: ManualClockOptions = options ?? {};
  let ms = parseInstant(start);
  if (ms === undefined) throw invalid('start', `expected an ISO 8601 instant with an offset, got ${show(start)}.`);
  if (options !== undefined && !isRecord(options))
    throw invalid('options', `expected an object or nothing, got ${show(options)}.`);
  const step: unknown = given.stepMs ?? 0;
  if (!isStep(step)) throw invalid('stepMs', `expected a non-negative safe integer, got ${show(step)}.`);
  const shown = (): Instant => new Date(ms as number).toISOString();
  return {
    now: () => {
      const instant = shown();
      ms = (ms as number) + step;
      return instant;
    },
    advance: (by) => {
      if (!isStep(by)) throw invalid('ms', `expected a non-negative safe integer, got ${show(by)}.`);
      ms = (ms as number) + by;
      return shown();
    },
    set: (instant) => {
      const to = parseInstant(instant);
      if (to === undefined)
        throw invalid('instant', `expected an ISO 8601 instant with an offset, got ${show(instant)}.`);
      if (to < (ms as number))
        throw invalid('instant', `${show(instant)} is before ${show(shown())}: a clock never goes backwards.`);
      ms = to;
      return shown();
    },
  };
}
