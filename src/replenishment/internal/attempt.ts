import type { Result } from '../../core/result.js';
import { err, ok } from '../../core/result.js';
import { isRecord, show } from '../../core/show.js';
import { ReplenishmentError } from '../errors.js';

/** Runs a formula whose checks throw `ReplenishmentError`, returning the refusal as a value. */
export function attempt<T>(compute: () => T): Result<T, ReplenishmentError> {
  try {
    return ok(compute());
  } catch (error) {
    if (error instanceof ReplenishmentError) return err(error);
    throw error;
  }
}

/** The input object, or `invalid_options` naming it. */
export function record(value: unknown, field: string): Record<string, unknown> {
  if (!isRecord(value))
    throw new ReplenishmentError('invalid_options', `${field}: expected an object, got ${show(value)}.`, { field });
  return value;
}
