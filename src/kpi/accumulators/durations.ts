import { isRecord, show } from '../../core/show.js';
import { KpiError } from '../errors.js';
import { accumulator, type Definition } from '../internal/accumulator.js';
import {
  addDuration,
  createDuration,
  type DurationWork,
  isDuration,
  loadDuration,
  mergeDuration,
  mergeDurationState,
  saveDuration,
  summarise,
} from '../internal/duration.js';
import { type OrderFacts, orderFacts } from '../internal/orders.js';
import type { OrderStep } from '../internal/ratio.js';
import { instantMs, isoWeekday, localDay, offsetMinutes, recordInstant } from '../internal/time.js';
import type { DurationState, DurationSummary, KpiAccumulator, KpiOrderRecord } from '../types.js';

/**
 * How order cycle time is measured.
 *
 * @example
 * ```ts
 * import type { CycleTimeOptions } from 'ordercore/kpi';
 *
 * const options: CycleTimeOptions = { end: 'delivered', unit: 'working_days', calendar: { utcOffset: '+01:00', holidays: ['2026-12-25'] } };
 * options.unit; //=> 'working_days'
 * ```
 */
export interface CycleTimeOptions {
  /** Measure to `shipped` (default: the seeds' "to the readiness of shipment", excluding carrier time) or to `delivered`. */
  readonly end?: 'shipped' | 'delivered';
  /** `calendar_days` (default, to the minute), `hours` (to the minute) or `working_days` (whole days). */
  readonly unit?: 'calendar_days' | 'hours' | 'working_days';
  /** The working calendar for `working_days`. */
  readonly calendar?: {
    /** The offset local dates are read in ('Z' default, or '±HH:MM'). */
    readonly utcOffset?: string;
    /** ISO weekdays that are not worked (1 = Monday … 7 = Sunday); default [6, 7]. */
    readonly weekend?: readonly number[];
    /** 'YYYY-MM-DD' dates that are not worked. */
    readonly holidays?: readonly string[];
  };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function optionsError(field: string, reason: string): KpiError {
  return new KpiError('invalid_options', `${field}: ${reason}`, { field });
}

/** Counts working days d with start < d ≤ end (local day numbers): placed and shipped the same day is 0. */
function workingDaysCounter(
  weekend: ReadonlySet<number>,
  holidays: readonly number[],
): (start: number, end: number) => number {
  const perWeek = 7 - weekend.size;
  const firstAfter = (day: number): number => {
    let lo = 0;
    let hi = holidays.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((holidays[mid] as number) <= day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (start, end) => {
    const n = end - start;
    if (n <= 0) return 0;
    let days = Math.floor(n / 7) * perWeek;
    for (let d = start + Math.floor(n / 7) * 7 + 1; d <= end; d += 1) if (!weekend.has(isoWeekday(d))) days += 1;
    for (let i = firstAfter(start); i < holidays.length && (holidays[i] as number) <= end; i += 1) days -= 1;
    return days;
  };
}

/** The cycle-time definition for options (shared with kpiReport). */
export function cycleTimeDefinition(
  options: CycleTimeOptions = {},
): Definition<DurationState, DurationSummary, DurationWork> & OrderStep<DurationWork> {
  if (!isRecord(options as unknown)) throw optionsError('options', 'expected an object.');
  const end = options.end ?? 'shipped';
  const unit = options.unit ?? 'calendar_days';
  if (end !== 'shipped' && end !== 'delivered')
    throw optionsError('end', `${show(end)} is not 'shipped' or 'delivered'.`);
  if (unit !== 'calendar_days' && unit !== 'hours' && unit !== 'working_days')
    throw optionsError('unit', `${show(unit)} is not 'calendar_days', 'hours' or 'working_days'.`);
  const calendar = options.calendar ?? {};
  if (!isRecord(calendar as unknown)) throw optionsError('calendar', 'expected an object.');
  const offset = offsetMinutes(calendar.utcOffset, 'calendar.utcOffset');
  const weekendList = calendar.weekend ?? [6, 7];
  if (
    !Array.isArray(weekendList) ||
    weekendList.some((d) => !Number.isInteger(d) || d < 1 || d > 7) ||
    new Set(weekendList).size === 7
  )
    throw optionsError('calendar.weekend', 'expected distinct ISO weekdays 1–7, not all seven.');
  const weekend = new Set<number>(weekendList);
  const holidayDays: number[] = [];
  for (const [i, h] of (calendar.holidays ?? []).entries()) {
    const m = typeof h === 'string' ? DATE.exec(h) : null;
    const ms = m === null ? Number.NaN : instantMs(`${h}T00:00Z`);
    if (Number.isNaN(ms)) throw optionsError(`calendar.holidays[${i}]`, `${show(h)} is not a 'YYYY-MM-DD' date.`);
    const day = localDay(ms, 0);
    if (!weekend.has(isoWeekday(day))) holidayDays.push(day);
  }
  const holidays = [...new Set(holidayDays)].sort((a, b) => a - b);
  const workingDays = workingDaysCounter(weekend, holidays);
  const stepOrder = (state: DurationWork, f: OrderFacts, index = -1): void => {
    if (f.customerCancelled) return;
    const stop = end === 'shipped' ? f.shipped : f.delivered;
    if (Number.isNaN(stop)) return;
    if (stop < f.placed)
      throw new KpiError('invalid_record', `records[${index}].${end}At: before placedAt.`, {
        index,
        field: `${end}At`,
      });
    addDuration(
      state,
      unit === 'working_days'
        ? workingDays(localDay(f.placed, offset), localDay(stop, offset))
        : Math.floor((stop - f.placed) / 60_000),
    );
  };
  return {
    create: createDuration,
    step(state, record, index) {
      if (record.type === 'order') stepOrder(state, orderFacts(record as KpiOrderRecord, index), index);
    },
    stepOrder,
    mergeInto: mergeDuration,
    load: loadDuration,
    mergeFrom: mergeDurationState,
    save: saveDuration,
    isState: isDuration,
    result: (state) => summarise(state, unit === 'calendar_days' ? 1440 : unit === 'hours' ? 60 : 1),
  };
}

/**
 * Order cycle time: from placing an order to its shipment (default; the seeds: "customer order to the
 * readiness of shipment, excluding the actual shipping time") or delivery, in calendar days or hours
 * (to the minute) or working days (whole days by a working calendar: weekends, holidays, a UTC offset
 * for local dates). Mean and nearest-rank percentiles, exact under merging (the state counts each
 * whole minute or day). Customer-cancelled and not yet shipped orders are left out.
 *
 * @param options - End point, unit and calendar.
 * @returns A mergeable accumulator of `{ count, mean, p50, p90, p95, max }` (nulls when empty).
 * @throws {@link KpiError} `invalid_options` naming the option.
 * @example
 * ```ts
 * import { orderCycleTime } from 'ordercore/kpi';
 *
 * const kpi = orderCycleTime({ unit: 'working_days' });
 * // Placed on a Friday, shipped the next Tuesday: Monday and Tuesday are two working days.
 * const order = { type: 'order' as const, orderId: 'o-1', placedAt: '2026-11-20T16:00:00Z', shippedAt: '2026-11-24T10:00:00Z', lines: [] };
 * kpi.result(kpi.add(kpi.create(), [order])).mean; //=> 2
 * ```
 */
export function orderCycleTime(options: CycleTimeOptions = {}): KpiAccumulator<DurationState, DurationSummary> {
  return accumulator(cycleTimeDefinition(options));
}

export const DOCK_TO_STOCK: Definition<DurationState, DurationSummary, DurationWork> = {
  create: createDuration,
  step(state, record, index) {
    if (record.type !== 'receipt') return;
    const arrived = recordInstant(record.arrivedAt, index, 'arrivedAt');
    const stored = recordInstant(record.storedAt, index, 'storedAt');
    if (stored < arrived)
      throw new KpiError('invalid_record', `records[${index}].storedAt: before arrivedAt.`, {
        index,
        field: 'storedAt',
      });
    addDuration(state, Math.floor((stored - arrived) / 60_000));
  },
  mergeInto: mergeDuration,
  load: loadDuration,
  mergeFrom: mergeDurationState,
  save: saveDuration,
  isState: isDuration,
  result: (state) => summarise(state, 60),
};

/**
 * Dock-to-stock time: from a receipt's arrival at the dock to its stock being available, in hours
 * (to the minute), with mean and nearest-rank percentiles.
 *
 * @returns A mergeable accumulator of `{ count, mean, p50, p90, p95, max }` in hours.
 * @example
 * ```ts
 * import { dockToStockTime } from 'ordercore/kpi';
 *
 * const kpi = dockToStockTime();
 * const r = { type: 'receipt' as const, receiptId: 'asn-1', arrivedAt: '2026-11-02T06:00:00Z', storedAt: '2026-11-02T10:30:00Z' };
 * kpi.result(kpi.add(kpi.create(), [r])).p50; //=> 4.5
 * ```
 */
export function dockToStockTime(): KpiAccumulator<DurationState, DurationSummary> {
  return accumulator(DOCK_TO_STOCK);
}
