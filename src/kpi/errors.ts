import type { ErrorDetails } from '../core/errors.js';
import { OrdercoreError } from '../core/errors.js';

/**
 * Every code a {@link KpiError} can carry.
 *
 * @example
 * ```ts
 * import { KPI_ERROR_CODES } from 'ordercore/kpi';
 *
 * KPI_ERROR_CODES.includes('invalid_record'); //=> true
 * ```
 */
export const KPI_ERROR_CODES = ['invalid_record', 'invalid_options', 'invalid_state', 'amount_out_of_range'] as const;

/**
 * Why a KPI could not be computed.
 *
 * - `invalid_record`: a record that is not the expected shape; `details` has its `index` and `field`.
 * - `invalid_options`: options that are not the expected shape (`details.field`).
 * - `invalid_state`: an accumulator state that is not one the accumulator made (merging foreign data).
 * - `amount_out_of_range`: a money sum beyond ±`Number.MAX_SAFE_INTEGER` minor units.
 *
 * @example
 * ```ts
 * import type { KpiErrorCode } from 'ordercore/kpi';
 *
 * const code: KpiErrorCode = 'invalid_record';
 * code; //=> 'invalid_record'
 * ```
 */
export type KpiErrorCode = (typeof KPI_ERROR_CODES)[number];

/**
 * A record, option or state a KPI cannot use, naming the record's index and the field.
 *
 * @example
 * ```ts
 * import { KpiError } from 'ordercore/kpi';
 *
 * const e = new KpiError('invalid_record', 'records[3].placedAt: not an instant.', { index: 3, field: 'placedAt' });
 * e.details['field']; //=> 'placedAt'
 * ```
 */
export class KpiError extends OrdercoreError<KpiErrorCode> {
  /**
   * @param code - Why it was refused.
   * @param message - A sentence naming the record, the field and the reason.
   * @param details - `index`, `field` and other facts.
   */
  constructor(code: KpiErrorCode, message: string, details: ErrorDetails = {}) {
    super(code, message, details);
    this.name = 'KpiError';
  }
}
