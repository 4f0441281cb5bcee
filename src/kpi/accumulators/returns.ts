import { isRecord, show } from '../../core/show.js';
import { KpiError } from '../errors.js';
import { accumulator, count, type Definition, put, ratio } from '../internal/accumulator.js';
import { dayKey, localDay, monthKey, offsetMinutes, recordInstant, weekKey } from '../internal/time.js';
import type { KpiAccumulator } from '../types.js';

/**
 * The parts of return rates by cohort.
 *
 * @example
 * ```ts
 * import { returnRateByCohort } from 'ordercore/kpi';
 *
 * returnRateByCohort().create(); //=> { shipped: {}, returned: {} }
 * ```
 */
export interface ReturnRateState {
  /** Units shipped per cohort key. */
  readonly shipped: Readonly<Record<string, number>>;
  /** Units returned per cohort key (the cohort of the shipment they came from). */
  readonly returned: Readonly<Record<string, number>>;
}

/**
 * One shipment cohort's return figures.
 *
 * @example
 * ```ts
 * import type { ReturnCohort } from 'ordercore/kpi';
 *
 * const c: ReturnCohort = { cohort: '2026-11', shipped: 100, returned: 7, rate: 0.07 };
 * c.rate; //=> 0.07
 * ```
 */
export interface ReturnCohort {
  /** 'YYYY-MM', 'YYYY-Www' or 'YYYY-MM-DD'. */
  readonly cohort: string;
  /** Units shipped in the cohort. */
  readonly shipped: number;
  /** Units of those shipments returned (whenever they came back). */
  readonly returned: number;
  /** returned ÷ shipped; null when nothing shipped in the cohort. */
  readonly rate: number | null;
}

function bump(map: Record<string, number>, key: string, by: number): void {
  const next = (Object.hasOwn(map, key) ? (map[key] as number) : 0) + by;
  put(map, key, next);
}

export function returnsDefinition(options: {
  readonly cohort?: 'day' | 'week' | 'month';
  readonly utcOffset?: string;
}): Definition<ReturnRateState, readonly ReturnCohort[]> {
  if (!isRecord(options)) throw new KpiError('invalid_options', 'options: expected an object.', { field: 'options' });
  const by = options.cohort ?? 'month';
  if (by !== 'day' && by !== 'week' && by !== 'month')
    throw new KpiError('invalid_options', `cohort: ${show(by)} is not 'day', 'week' or 'month'.`, { field: 'cohort' });
  const offset = offsetMinutes(options.utcOffset, 'utcOffset');
  const keyOf = by === 'day' ? dayKey : by === 'week' ? weekKey : monthKey;
  return {
    create: () => ({ shipped: {}, returned: {} }),
    step(state, record, index) {
      if (record.type !== 'shipment' && record.type !== 'return') return;
      const key = keyOf(localDay(recordInstant(record.shippedAt, index, 'shippedAt'), offset));
      const units = count(record.units, index, 'units');
      if (record.type === 'shipment') bump(state.shipped as Record<string, number>, key, units);
      else {
        recordInstant(record.returnedAt, index, 'returnedAt');
        bump(state.returned as Record<string, number>, key, units);
      }
    },
    mergeInto(target, source) {
      for (const k of Object.keys(source.shipped))
        bump(target.shipped as Record<string, number>, k, source.shipped[k] as number);
      for (const k of Object.keys(source.returned))
        bump(target.returned as Record<string, number>, k, source.returned[k] as number);
    },
    load: (s) => ({ shipped: { ...s.shipped }, returned: { ...s.returned } }),
    save: (s) => s,
    isState: (v): v is ReturnRateState => isRecord(v) && isRecord(v['shipped']) && isRecord(v['returned']),
    result(state) {
      const keys = [...new Set([...Object.keys(state.shipped), ...Object.keys(state.returned)])].sort();
      return keys.map((cohort) => {
        const shipped = Object.hasOwn(state.shipped, cohort) ? (state.shipped[cohort] as number) : 0;
        const returned = Object.hasOwn(state.returned, cohort) ? (state.returned[cohort] as number) : 0;
        return { cohort, shipped, returned, rate: ratio(returned, shipped) };
      });
    },
  };
}

/**
 * Return rate by shipment cohort: units returned ÷ units shipped, where returns count in the cohort
 * (month, ISO week or day, in a UTC offset) of the shipment they came from — so a cohort's rate rises
 * as late returns arrive, and cohorts compare like with like.
 *
 * @param options - `cohort` ('month' default, 'week', 'day') and `utcOffset` ('Z' default).
 * @returns A mergeable accumulator of the cohorts in order, each with `rate` (null when nothing shipped).
 * @throws {@link KpiError} `invalid_options` naming the option.
 * @example
 * ```ts
 * import { returnRateByCohort } from 'ordercore/kpi';
 *
 * const kpi = returnRateByCohort({ cohort: 'month' });
 * const state = kpi.add(kpi.create(), [
 *   { type: 'shipment', shipmentId: 's-1', shippedAt: '2026-10-30T10:00:00Z', units: 50 },
 *   { type: 'shipment', shipmentId: 's-2', shippedAt: '2026-11-03T10:00:00Z', units: 40 },
 *   { type: 'return', shipmentId: 's-1', shippedAt: '2026-10-30T10:00:00Z', returnedAt: '2026-11-12T09:00:00Z', units: 5 },
 * ]);
 * kpi.result(state).map((c) => [c.cohort, c.rate]); //=> [['2026-10', 0.1], ['2026-11', 0]]
 * ```
 */
export function returnRateByCohort(
  options: {
    /** The cohort length: 'month' (default), 'week' (ISO) or 'day'. */
    readonly cohort?: 'day' | 'week' | 'month';
    /** The offset local dates are read in ('Z' default). */
    readonly utcOffset?: string;
  } = {},
): KpiAccumulator<ReturnRateState, readonly ReturnCohort[]> {
  return accumulator(returnsDefinition(options));
}
