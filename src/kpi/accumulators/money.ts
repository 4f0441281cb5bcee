import { isRecord, show } from '../../core/show.js';
import { type Money, roundedQuotient } from '../../money/index.js';
import { KpiError } from '../errors.js';
import { accumulator, type Definition, put } from '../internal/accumulator.js';
import { type OrderFacts, orderFacts } from '../internal/orders.js';
import type { OrderStep } from '../internal/ratio.js';
import type { KpiAccumulator, KpiOrderRecord } from '../types.js';

type Sums = Record<string, number>;

/** Adds a money amount into per-currency sums, refusing sums beyond safe integers. */
function addMoney(sums: Sums, value: unknown, index: number, field: string): void {
  if (!isRecord(value) || typeof value['currency'] !== 'string' || !Number.isSafeInteger(value['amount']))
    throw new KpiError(
      'invalid_record',
      `records[${index}].${field}: expected money { amount (minor units), currency }, got ${show(value)}.`,
      {
        index,
        field,
      },
    );
  addSum(sums, value['currency'], value['amount'] as number);
}

function addSum(sums: Sums, currency: string, amount: number): void {
  const next = (Object.hasOwn(sums, currency) ? (sums[currency] as number) : 0) + amount;
  if (!Number.isSafeInteger(next))
    throw new KpiError('amount_out_of_range', `The ${currency} sum exceeds ±${Number.MAX_SAFE_INTEGER} minor units.`, {
      currency,
    });
  put(sums, currency, next);
}

function mergeSums(target: Sums, source: Sums): void {
  for (const currency of Object.keys(source)) addSum(target, currency, source[currency] as number);
}

function isSums(value: unknown): value is Sums {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'number');
}

function sortedCurrencies(...sums: Sums[]): string[] {
  return [...new Set(sums.flatMap((s) => Object.keys(s)))].sort();
}

/**
 * The parts of cost per order.
 *
 * @example
 * ```ts
 * import { costPerOrder } from 'ordercore/kpi';
 *
 * costPerOrder().create(); //=> { costs: {}, orders: 0 }
 * ```
 */
export interface CostPerOrderState {
  /** Costs per currency, in minor units. */
  readonly costs: Readonly<Record<string, number>>;
  /** Orders shipped (not cancelled by the customer). */
  readonly orders: number;
}

export const COST_PER_ORDER: Definition<CostPerOrderState, Readonly<Record<string, Money>> | null> &
  OrderStep<CostPerOrderState> = {
  create: () => ({ costs: {}, orders: 0 }),
  step(state, record, index) {
    if (record.type === 'cost') addMoney(state.costs as Sums, record.amount, index, 'amount');
    else if (record.type === 'order') COST_PER_ORDER.stepOrder(state, orderFacts(record as KpiOrderRecord, index));
  },
  stepOrder(state, f: OrderFacts) {
    if (!f.customerCancelled && !Number.isNaN(f.shipped)) (state as { orders: number }).orders += 1;
  },
  mergeInto(target, source) {
    mergeSums(target.costs as Sums, source.costs as Sums);
    (target as { orders: number }).orders += source.orders;
  },
  load: (s) => ({ costs: { ...s.costs }, orders: s.orders }),
  save: (s) => s,
  isState: (v): v is CostPerOrderState => isRecord(v) && typeof v['orders'] === 'number' && isSums(v['costs']),
  result(state) {
    if (state.orders === 0) return null;
    const out: Record<string, Money> = {};
    for (const currency of sortedCurrencies(state.costs as Sums))
      put(out, currency, {
        amount: roundedQuotient(state.costs[currency] as number, state.orders, 'half-even'),
        currency,
      });
    return out;
  },
};

/**
 * Cost per order (the seeds' "total internal cost of each order"): the fulfilment costs recorded
 * (`cost` records) divided by the orders shipped, per currency, rounded half-even to the minor unit.
 *
 * @returns A mergeable accumulator; `null` when no order shipped.
 * @example
 * ```ts
 * import { costPerOrder } from 'ordercore/kpi';
 *
 * const kpi = costPerOrder();
 * const shipped = { type: 'order' as const, orderId: 'o-1', placedAt: '2026-11-02T09:00:00Z', shippedAt: '2026-11-03T09:00:00Z', lines: [] };
 * const state = kpi.add(kpi.create(), [shipped, { ...shipped, orderId: 'o-2' }, { ...shipped, orderId: 'o-3' },
 *   { type: 'cost', at: '2026-11-30T00:00:00Z', amount: { amount: 1000, currency: 'USD' } }]);
 * kpi.result(state); //=> { USD: { amount: 333, currency: 'USD' } }
 * ```
 */
export function costPerOrder(): KpiAccumulator<CostPerOrderState, Readonly<Record<string, Money>> | null> {
  return accumulator(COST_PER_ORDER);
}

/**
 * The parts of inventory turnover.
 *
 * @example
 * ```ts
 * import { inventoryTurnover } from 'ordercore/kpi';
 *
 * inventoryTurnover({ periodDays: 30 }).create(); //=> { cogs: {}, inventory: {}, snapshots: {} }
 * ```
 */
export interface TurnoverState {
  /** Cost of goods sold per currency (minor units). */
  readonly cogs: Readonly<Record<string, number>>;
  /** Sum of inventory snapshot values per currency (minor units). */
  readonly inventory: Readonly<Record<string, number>>;
  /** Number of snapshots per currency. */
  readonly snapshots: Readonly<Record<string, number>>;
}

/**
 * Inventory turnover per currency.
 *
 * @example
 * ```ts
 * import type { Turnover } from 'ordercore/kpi';
 *
 * const t: Turnover = { turnover: 3, daysOfSupply: 10 };
 * t.turnover; //=> 3
 * ```
 */
export interface Turnover {
  /** COGS ÷ average inventory (null without inventory). */
  readonly turnover: number | null;
  /** Period days ÷ turnover: days the average inventory lasts at the period's COGS rate (null without COGS). */
  readonly daysOfSupply: number | null;
}

export function turnoverDefinition(periodDays: number): Definition<TurnoverState, Readonly<Record<string, Turnover>>> {
  if (typeof periodDays !== 'number' || !(periodDays > 0) || !Number.isFinite(periodDays))
    throw new KpiError('invalid_options', `periodDays: expected a positive number of days, got ${show(periodDays)}.`, {
      field: 'periodDays',
    });
  return {
    create: () => ({ cogs: {}, inventory: {}, snapshots: {} }),
    step(state, record, index) {
      if (record.type === 'cogs') addMoney(state.cogs as Sums, record.amount, index, 'amount');
      else if (record.type === 'inventory_snapshot') {
        addMoney(state.inventory as Sums, record.value, index, 'value');
        addSum(state.snapshots as Sums, record.value.currency, 1);
      }
    },
    mergeInto(target, source) {
      mergeSums(target.cogs as Sums, source.cogs as Sums);
      mergeSums(target.inventory as Sums, source.inventory as Sums);
      mergeSums(target.snapshots as Sums, source.snapshots as Sums);
    },
    load: (s) => ({ cogs: { ...s.cogs }, inventory: { ...s.inventory }, snapshots: { ...s.snapshots } }),
    save: (s) => s,
    isState: (v): v is TurnoverState =>
      isRecord(v) && isSums(v['cogs']) && isSums(v['inventory']) && isSums(v['snapshots']),
    result(state) {
      const out: Record<string, Turnover> = {};
      for (const currency of sortedCurrencies(state.cogs as Sums, state.inventory as Sums)) {
        const cogs = Object.hasOwn(state.cogs, currency) ? (state.cogs[currency] as number) : 0;
        const n = Object.hasOwn(state.snapshots, currency) ? (state.snapshots[currency] as number) : 0;
        const average = n === 0 ? 0 : (state.inventory[currency] as number) / n;
        const turnover = average === 0 ? null : cogs / average;
        put(out, currency, {
          turnover,
          daysOfSupply: turnover === null || turnover === 0 ? null : periodDays / turnover,
        });
      }
      return out;
    },
  };
}

/**
 * Inventory turnover over a period of `periodDays`: cost of goods sold (`cogs` records) divided by the
 * average inventory value (the mean of the `inventory_snapshot` records), per currency; and the days of
 * supply that implies, `periodDays ÷ turnover`.
 *
 * @param options - `periodDays`: the length of the period the COGS records cover (> 0).
 * @returns A mergeable accumulator of `{ [currency]: { turnover, daysOfSupply } }`.
 * @throws {@link KpiError} `invalid_options` for a bad `periodDays`.
 * @example
 * ```ts
 * import { inventoryTurnover } from 'ordercore/kpi';
 *
 * const kpi = inventoryTurnover({ periodDays: 30 });
 * const state = kpi.add(kpi.create(), [
 *   { type: 'inventory_snapshot', at: '2026-11-01T00:00:00Z', value: { amount: 400000, currency: 'USD' } },
 *   { type: 'inventory_snapshot', at: '2026-11-30T00:00:00Z', value: { amount: 200000, currency: 'USD' } },
 *   { type: 'cogs', at: '2026-11-30T00:00:00Z', amount: { amount: 900000, currency: 'USD' } },
 * ]);
 * kpi.result(state); //=> { USD: { turnover: 3, daysOfSupply: 10 } }
 * ```
 */
export function inventoryTurnover(options: {
  /** Days the COGS records cover. */
  readonly periodDays: number;
}): KpiAccumulator<TurnoverState, Readonly<Record<string, Turnover>>> {
  if (!isRecord(options))
    throw new KpiError('invalid_options', 'options: expected { periodDays }.', { field: 'options' });
  return accumulator(turnoverDefinition(options.periodDays));
}
