import { show } from '../../core/show.js';
import { ReplenishmentError, type ReplenishmentErrorCode } from '../errors.js';

// Input checks shared by every replenishment formula: each names the field and the reason.

/** A finite number, or `invalid_number`. */
export function finite(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new ReplenishmentError('invalid_number', `${field}: expected a finite number, got ${show(value)}.`, {
      field,
    });
  return value;
}

/** A number that is not NaN (±Infinity allowed), or `invalid_number`. */
export function notNaN(value: unknown, field: string): number {
  if (typeof value !== 'number' || Number.isNaN(value))
    throw new ReplenishmentError('invalid_number', `${field}: expected a number, got ${show(value)}.`, { field });
  return value;
}

/** A finite number ≥ 0 (or > 0 with `positive`), or the given code. */
export function nonNegative(value: unknown, field: string, code: ReplenishmentErrorCode, positive = false): number {
  const n = finite(value, field);
  if (positive ? n <= 0 : n < 0)
    throw new ReplenishmentError(
      code,
      `${field}: expected a ${positive ? 'positive' : 'non-negative'} number, got ${show(n)}.`,
      {
        field,
        value: n,
      },
    );
  return n;
}

/** A number strictly between 0 and 1, or the given code. */
export function openUnit(value: unknown, field: string, code: ReplenishmentErrorCode): number {
  const n = finite(value, field);
  if (!(n > 0 && n < 1))
    throw new ReplenishmentError(code, `${field}: ${show(n)} is not in (0, 1).`, { field, value: n });
  return n;
}
