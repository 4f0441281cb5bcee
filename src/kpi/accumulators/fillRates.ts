import { isRecord } from '../../core/show.js';
import { accumulator, type Definition, hasNumbers, ratio } from '../internal/accumulator.js';
import { type OrderFacts, orderFacts } from '../internal/orders.js';
import type { OrderStep } from '../internal/ratio.js';
import type { KpiAccumulator, KpiOrderRecord, RatioState } from '../types.js';

/**
 * The three fill rates' parts.
 *
 * @example
 * ```ts
 * import { fillRates } from 'ordercore/kpi';
 *
 * const state = fillRates().create();
 * state.units; //=> { numerator: 0, denominator: 0 }
 * ```
 */
export interface FillRateState {
  /** Lines filled completely / lines. */
  readonly lines: RatioState;
  /** Units filled (capped at ordered) / units ordered. */
  readonly units: RatioState;
  /** Orders filled completely / orders. */
  readonly orders: RatioState;
}

/**
 * The three fill rates, each `null` with an empty base.
 *
 * @example
 * ```ts
 * import type { FillRates } from 'ordercore/kpi';
 *
 * const r: FillRates = { line: 0.5, unit: 0.8, order: null };
 * r.order; //=> null
 * ```
 */
export interface FillRates {
  /** Lines filled completely ÷ lines. */
  readonly line: number | null;
  /** Units filled (capped at ordered) ÷ units ordered. */
  readonly unit: number | null;
  /** Orders filled completely ÷ orders. */
  readonly order: number | null;
}

type M = { numerator: number; denominator: number };

const add = (r: RatioState, n: number, d: number): void => {
  (r as M).numerator += n;
  (r as M).denominator += d;
};

export const FILL_RATES: Definition<FillRateState, FillRates> & OrderStep<FillRateState> = {
  create: () => ({
    lines: { numerator: 0, denominator: 0 },
    units: { numerator: 0, denominator: 0 },
    orders: { numerator: 0, denominator: 0 },
  }),
  step(state, record, index) {
    if (record.type === 'order') FILL_RATES.stepOrder(state, orderFacts(record as KpiOrderRecord, index));
  },
  stepOrder(state, f: OrderFacts) {
    // Base: orders with an outcome for fulfilment — shipped, or cancelled by the seller (nothing shipped).
    if (f.customerCancelled || (Number.isNaN(f.shipped) && !f.sellerCancelled)) return;
    const filled = f.sellerCancelled ? 0 : 1;
    add(state.lines, filled * f.linesFilled, f.lines);
    add(state.units, filled * f.unitsFilled, f.unitsOrdered);
    add(state.orders, filled * (f.inFull ? 1 : 0), 1);
  },
  mergeInto(target, source) {
    add(target.lines, source.lines.numerator, source.lines.denominator);
    add(target.units, source.units.numerator, source.units.denominator);
    add(target.orders, source.orders.numerator, source.orders.denominator);
  },
  load: (s) => ({ lines: { ...s.lines }, units: { ...s.units }, orders: { ...s.orders } }),
  save: (s) => s,
  isState: (v): v is FillRateState =>
    isRecord(v) && ['lines', 'units', 'orders'].every((k) => hasNumbers(v[k], ['numerator', 'denominator'])),
  result: (s) => ({
    line: ratio(s.lines.numerator, s.lines.denominator),
    unit: ratio(s.units.numerator, s.units.denominator),
    order: ratio(s.orders.numerator, s.orders.denominator),
  }),
};

/**
 * Line, unit and order fill rates: of the orders shipped or cancelled by the seller (not by the
 * customer), the share of lines filled completely, of units ordered that shipped (over-shipment capped
 * at the ordered quantity), and of orders filled completely. A seller-cancelled order filled nothing.
 *
 * @returns A mergeable accumulator of `{ line, unit, order }`, each `null` with an empty base.
 * @example
 * ```ts
 * import { fillRates } from 'ordercore/kpi';
 *
 * const kpi = fillRates();
 * const order = { type: 'order' as const, orderId: 'o-1', placedAt: '2026-11-02T09:00:00Z', shippedAt: '2026-11-03T09:00:00Z',
 *   lines: [{ ordered: 4, shipped: 3 }, { ordered: 2, shipped: 5 }] };
 * kpi.result(kpi.add(kpi.create(), [order])); //=> { line: 0.5, unit: 0.8333333333333334, order: 0 }
 * ```
 */
export function fillRates(): KpiAccumulator<FillRateState, FillRates> {
  return accumulator(FILL_RATES);
}
