import type { KpiOrderRecord, RatioState } from '../types.js';
import { type Definition, hasNumbers, ratio } from './accumulator.js';
import { type OrderFacts, orderFacts } from './orders.js';

type MutableRatio = { numerator: number; denominator: number };

/** An order KPI's fold on already-read facts (kpiReport reads each order once for all KPIs). */
export interface OrderStep<S> {
  stepOrder(state: S, facts: OrderFacts, index?: number): void;
}

/**
 * A ratio over orders: `classify` says whether an order is in the base (denominator) and whether it
 * counts (numerator).
 */
export function orderRatio(
  classify: (facts: OrderFacts) => 0 | 1 | 2,
): Definition<RatioState, number | null> & OrderStep<RatioState> {
  const stepOrder = (state: RatioState, facts: OrderFacts): void => {
    const verdict = classify(facts);
    if (verdict === 0) return;
    const s = state as MutableRatio;
    s.denominator += 1;
    if (verdict === 2) s.numerator += 1;
  };
  return {
    create: () => ({ numerator: 0, denominator: 0 }),
    step(state, record, index) {
      if (record.type === 'order') stepOrder(state, orderFacts(record as KpiOrderRecord, index));
    },
    stepOrder,
    mergeInto(target, source) {
      (target as MutableRatio).numerator += source.numerator;
      (target as MutableRatio).denominator += source.denominator;
    },
    load: (state) => ({ numerator: state.numerator, denominator: state.denominator }),
    save: (s) => s,
    isState: (value): value is RatioState => hasNumbers(value, ['numerator', 'denominator']),
    result: (state) => ratio(state.numerator, state.denominator),
  };
}
