import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';
import { isRecord, show } from '../core/show.js';
import type { Money } from '../money/index.js';
import { type CycleTimeOptions, cycleTimeDefinition, DOCK_TO_STOCK } from './accumulators/durations.js';
import { FILL_RATES } from './accumulators/fillRates.js';
import { COST_PER_ORDER, type Turnover, turnoverDefinition } from './accumulators/money.js';
import { BACKORDER, ORDER_ACCURACY, OTIF, PERFECT_ORDER } from './accumulators/orderQuality.js';
import { PICKING, type PickingProductivity } from './accumulators/picking.js';
import { type ReturnCohort, returnsDefinition } from './accumulators/returns.js';
import { KpiError } from './errors.js';
import { checkRecord } from './internal/accumulator.js';
import { orderFacts } from './internal/orders.js';
import {
  dayKey,
  daysFromCivil,
  instantMs,
  isoWeekday,
  localDay,
  monthKey,
  offsetMinutes,
  weekKey,
} from './internal/time.js';
import type { DurationSummary, KpiRecord } from './types.js';

const DAY_MS = 86_400_000;

/**
 * The dashboard figures for one group (or the whole period).
 *
 * @example
 * ```ts
 * import { kpiReport } from 'ordercore/kpi';
 *
 * const r = kpiReport([], { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' });
 * r.ok && r.value.total.perfectOrderRate; //=> null
 * ```
 */
export interface KpiFigures {
  /** Order records in the group. */
  readonly orders: number;
  /** See `perfectOrderRate`. */
  readonly perfectOrderRate: number | null;
  /** See `otifRate`. */
  readonly otifRate: number | null;
  /** See `fillRates`. */
  readonly fillRates: {
    /** Line fill rate. */
    readonly line: number | null;
    /** Unit fill rate. */
    readonly unit: number | null;
    /** Order fill rate. */
    readonly order: number | null;
  };
  /** See `orderAccuracyRate`. */
  readonly orderAccuracyRate: number | null;
  /** See `backorderRate`. */
  readonly backorderRate: number | null;
  /** See `orderCycleTime`. */
  readonly orderCycleTime: DurationSummary;
  /** See `costPerOrder`. */
  readonly costPerOrder: Readonly<Record<string, Money>> | null;
  /** See `inventoryTurnover` (the group's days within the report period). */
  readonly inventoryTurnover: Readonly<Record<string, Turnover>>;
  /** See `pickingProductivity`. */
  readonly pickingProductivity: PickingProductivity;
  /** See `dockToStockTime` (hours). */
  readonly dockToStockTime: DurationSummary;
  /** See `returnRateByCohort`. */
  readonly returnRateByCohort: readonly ReturnCohort[];
}

/**
 * A KPI report: the figures for the whole period and per group.
 *
 * @example
 * ```ts
 * import type { KpiReport } from 'ordercore/kpi';
 *
 * const groups: KpiReport['groups'] = [];
 * groups.length; //=> 0
 * ```
 */
export interface KpiReport {
  /** Start of the period (inclusive). */
  readonly from: string;
  /** End of the period (exclusive). */
  readonly to: string;
  /** How records were grouped. */
  readonly groupBy: 'none' | 'day' | 'week' | 'month' | 'segment';
  /** Records read (in the period). */
  readonly records: number;
  /** The whole period: exactly the merge of every group. */
  readonly total: KpiFigures;
  /** Per group, in key order ('YYYY-MM-DD', 'YYYY-Www', 'YYYY-MM', or the segment). */
  readonly groups: readonly {
    /** The group's key. */
    readonly key: string;
    /** Its figures. */
    readonly figures: KpiFigures;
  }[];
}

/**
 * The report's options.
 *
 * @example
 * ```ts
 * import type { KpiReportOptions } from 'ordercore/kpi';
 *
 * const options: KpiReportOptions = { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', groupBy: 'week' };
 * options.groupBy; //=> 'week'
 * ```
 */
export interface KpiReportOptions {
  /** Start of the period, inclusive (ISO 8601 with an offset). */
  readonly from: string;
  /** End of the period, exclusive. */
  readonly to: string;
  /** Group by local day, ISO week, month, the records' `segment`, or not at all (default). */
  readonly groupBy?: 'none' | 'day' | 'week' | 'month' | 'segment';
  /** The offset local dates are read in for grouping and cohorts ('Z' default). */
  readonly utcOffset?: string;
  /** How cycle time is measured (see `orderCycleTime`). */
  readonly cycleTime?: CycleTimeOptions;
  /** Return cohorts: 'month' (default), 'week' or 'day'. */
  readonly returnCohort?: 'day' | 'week' | 'month';
}

/** The instant a record belongs to its period and group by. */
function primaryInstant(record: KpiRecord): unknown {
  switch (record.type) {
    case 'order':
      return record.placedAt;
    case 'shipment':
    case 'return':
      return record.shippedAt;
    case 'receipt':
      return record.arrivedAt;
    default:
      return record.at;
  }
}

function fail(field: string, reason: string): KpiError {
  return new KpiError('invalid_options', `${field}: ${reason}`, { field });
}

/**
 * The seeds' dashboard in one pass over plain records: perfect order rate, OTIF, line / unit / order
 * fill rates, order accuracy, backorder rate, order cycle time, cost per order, inventory turnover and
 * days of supply, picking productivity, dock-to-stock time and return rates by shipment cohort — for
 * the period `[from, to)` and per group. Each record belongs to the period and group of its own instant
 * (orders: `placedAt`; shipments and returns: the shipment's `shippedAt`; receipts: `arrivedAt`;
 * others: `at`). The total is computed by merging the groups' accumulators, so it equals the per-group
 * figures combined exactly. Every ratio with an empty base is `null`.
 *
 * @param records - Order, shipment, return, cost, COGS, inventory snapshot, picking and receipt records, in any order.
 * @param options - Period, grouping, UTC offset, cycle-time and cohort options.
 * @returns The report, or a `KpiError` (`invalid_record` with the index and field, `invalid_options`).
 * @example
 * ```ts
 * import { kpiReport } from 'ordercore/kpi';
 *
 * const order = (id: string, placedAt: string, damaged = false) => ({
 *   type: 'order' as const, orderId: id, placedAt, committedAt: '2026-11-20T00:00:00Z', shippedAt: '2026-11-12T00:00:00Z',
 *   deliveredAt: '2026-11-14T00:00:00Z', damaged, lines: [{ ordered: 1, shipped: 1 }],
 * });
 * const r = kpiReport([order('o-1', '2026-11-10T09:00:00Z'), order('o-2', '2026-11-11T09:00:00Z', true)], {
 *   from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', groupBy: 'day',
 * });
 * r.ok && r.value.total.perfectOrderRate; //=> 0.5
 * r.ok && r.value.groups.map((g) => [g.key, g.figures.perfectOrderRate]); //=> [['2026-11-10', 1], ['2026-11-11', 0]]
 * ```
 */
export function kpiReport(records: readonly KpiRecord[], options: KpiReportOptions): Result<KpiReport, KpiError> {
  try {
    return ok(report(records, options));
  } catch (error) {
    if (error instanceof KpiError) return err(error);
    throw error;
  }
}

function report(records: readonly KpiRecord[], options: KpiReportOptions): KpiReport {
  if (!isRecord(options)) throw fail('options', 'expected { from, to, groupBy? }.');
  const from = instantMs(options.from);
  const to = instantMs(options.to);
  if (Number.isNaN(from)) throw fail('from', `${show(options.from)} is not an ISO 8601 instant with an offset.`);
  if (Number.isNaN(to)) throw fail('to', `${show(options.to)} is not an ISO 8601 instant with an offset.`);
  if (!(from < to)) throw fail('to', 'must be after from.');
  const groupBy = options.groupBy ?? 'none';
  if (!['none', 'day', 'week', 'month', 'segment'].includes(groupBy))
    throw fail('groupBy', `${show(groupBy)} is not 'none', 'day', 'week', 'month' or 'segment'.`);
  const offset = offsetMinutes(options.utcOffset, 'utcOffset');
  const cycle = cycleTimeDefinition(options.cycleTime ?? {});
  const returns = returnsDefinition({
    cohort: options.returnCohort ?? 'month',
    ...(options.utcOffset === undefined ? {} : { utcOffset: options.utcOffset }),
  });
  if (!Array.isArray(records))
    throw new KpiError('invalid_record', 'records: expected an array of records.', { field: 'records' });

  const create = () => ({
    orders: 0,
    perfect: PERFECT_ORDER.create(),
    otif: OTIF.create(),
    accuracy: ORDER_ACCURACY.create(),
    backorder: BACKORDER.create(),
    fill: FILL_RATES.create(),
    cycle: cycle.create(),
    cost: COST_PER_ORDER.create(),
    turnover: { cogs: {}, inventory: {}, snapshots: {} } as ReturnType<ReturnType<typeof turnoverDefinition>['create']>,
    picking: PICKING.create(),
    dock: DOCK_TO_STOCK.create(),
    returns: returns.create(),
    days: 0,
  });
  type Bundle = ReturnType<typeof create>;
  const turnoverStep = turnoverDefinition(1);
  const groups = new Map<string, Bundle>();
  const keyOf = (ms: number, record: KpiRecord): string => {
    if (groupBy === 'none') return 'all';
    if (groupBy === 'segment') return typeof record.segment === 'string' ? record.segment : '(none)';
    const day = localDay(ms, offset);
    return groupBy === 'day' ? dayKey(day) : groupBy === 'week' ? weekKey(day) : monthKey(day);
  };

  let read = 0;
  for (let i = 0; i < records.length; i += 1) {
    const record = checkRecord(records[i], i);
    const ms = instantMs(primaryInstant(record));
    if (Number.isNaN(ms)) {
      const field =
        record.type === 'order'
          ? 'placedAt'
          : record.type === 'shipment' || record.type === 'return'
            ? 'shippedAt'
            : record.type === 'receipt'
              ? 'arrivedAt'
              : 'at';
      throw new KpiError(
        'invalid_record',
        `records[${i}].${field}: ${show(primaryInstant(record))} is not an ISO 8601 instant with an offset.`,
        { index: i, field },
      );
    }
    if (ms < from || ms >= to) continue;
    read += 1;
    const key = keyOf(ms, record);
    let g = groups.get(key);
    if (g === undefined) {
      g = create();
      groups.set(key, g);
    }
    switch (record.type) {
      case 'order': {
        const facts = orderFacts(record, i, ms);
        g.orders += 1;
        PERFECT_ORDER.stepOrder(g.perfect, facts);
        OTIF.stepOrder(g.otif, facts);
        ORDER_ACCURACY.stepOrder(g.accuracy, facts);
        BACKORDER.stepOrder(g.backorder, facts);
        FILL_RATES.stepOrder(g.fill, facts);
        cycle.stepOrder(g.cycle, facts, i);
        COST_PER_ORDER.stepOrder(g.cost, facts);
        break;
      }
      case 'cost':
        COST_PER_ORDER.step(g.cost, record, i);
        break;
      case 'cogs':
      case 'inventory_snapshot':
        turnoverStep.step(g.turnover, record, i);
        break;
      case 'picking':
        PICKING.step(g.picking, record, i);
        break;
      case 'receipt':
        DOCK_TO_STOCK.step(g.dock, record, i);
        break;
      default:
        returns.step(g.returns, record, i);
    }
  }

  // Each group's days inside [from, to), for days of supply.
  const periodDays = (key: string): number => {
    if (groupBy === 'none' || groupBy === 'segment') return (to - from) / DAY_MS;
    let start: number;
    let length: number;
    if (groupBy === 'day') {
      start = daysFromCivil(Number(key.slice(0, 4)), Number(key.slice(5, 7)), Number(key.slice(8, 10)));
      length = 1;
    } else if (groupBy === 'month') {
      const year = Number(key.slice(0, 4));
      const month = Number(key.slice(5, 7));
      start = daysFromCivil(year, month, 1);
      length = daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - start;
    } else {
      const year = Number(key.slice(0, 4));
      const jan4 = daysFromCivil(year, 1, 4);
      start = jan4 - isoWeekday(jan4) + 1 + (Number(key.slice(6, 8)) - 1) * 7;
      length = 7;
    }
    const lo = Math.max(start * DAY_MS - offset * 60_000, from);
    const hi = Math.min((start + length) * DAY_MS - offset * 60_000, to);
    return Math.max(0, hi - lo) / DAY_MS;
  };

  const figures = (g: Bundle, days: number): KpiFigures => ({
    orders: g.orders,
    perfectOrderRate: PERFECT_ORDER.result(g.perfect),
    otifRate: OTIF.result(g.otif),
    fillRates: FILL_RATES.result(g.fill),
    orderAccuracyRate: ORDER_ACCURACY.result(g.accuracy),
    backorderRate: BACKORDER.result(g.backorder),
    orderCycleTime: cycle.result(g.cycle),
    costPerOrder: COST_PER_ORDER.result(g.cost),
    inventoryTurnover: turnoverDefinition(days > 0 ? days : 1).result(g.turnover),
    pickingProductivity: PICKING.result(g.picking),
    dockToStockTime: DOCK_TO_STOCK.result(g.dock),
    returnRateByCohort: returns.result(g.returns),
  });

  const keys = [...groups.keys()].sort();
  const total = create();
  for (const key of keys) {
    const g = groups.get(key) as Bundle;
    total.orders += g.orders;
    PERFECT_ORDER.mergeInto(total.perfect, g.perfect);
    OTIF.mergeInto(total.otif, g.otif);
    ORDER_ACCURACY.mergeInto(total.accuracy, g.accuracy);
    BACKORDER.mergeInto(total.backorder, g.backorder);
    FILL_RATES.mergeInto(total.fill, g.fill);
    cycle.mergeInto(total.cycle, g.cycle);
    COST_PER_ORDER.mergeInto(total.cost, g.cost);
    turnoverStep.mergeInto(total.turnover, g.turnover);
    PICKING.mergeInto(total.picking, g.picking);
    DOCK_TO_STOCK.mergeInto(total.dock, g.dock);
    returns.mergeInto(total.returns, g.returns);
  }
  return {
    from: options.from,
    to: options.to,
    groupBy,
    records: read,
    total: figures(total, (to - from) / DAY_MS),
    groups: keys.map((key) => ({ key, figures: figures(groups.get(key) as Bundle, periodDays(key)) })),
  };
}
