import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backorderRate,
  costPerOrder,
  dockToStockTime,
  fillRates,
  inventoryTurnover,
  type KpiAccumulator,
  type KpiRecord,
  kpiReport,
  orderAccuracyRate,
  orderCycleTime,
  otifRate,
  perfectOrderRate,
  pickingProductivity,
  returnRateByCohort,
} from '../../src/kpi/index.js';
import { kpiRecordArbitrary } from '../../src/testing/index.js';

// biome-ignore lint/suspicious/noExplicitAny: a list of accumulators of different state types.
const accumulators: [string, KpiAccumulator<any, unknown>][] = [
  ['perfectOrderRate', perfectOrderRate()],
  ['otifRate', otifRate()],
  ['fillRates', fillRates()],
  ['orderAccuracyRate', orderAccuracyRate()],
  ['backorderRate', backorderRate()],
  ['orderCycleTime', orderCycleTime()],
  [
    'orderCycleTime working days',
    orderCycleTime({
      unit: 'working_days',
      end: 'delivered',
      calendar: { utcOffset: '+05:30', holidays: ['2026-11-26'] },
    }),
  ],
  ['costPerOrder', costPerOrder()],
  ['inventoryTurnover', inventoryTurnover({ periodDays: 60 })],
  ['pickingProductivity', pickingProductivity()],
  ['dockToStockTime', dockToStockTime()],
  ['returnRateByCohort', returnRateByCohort({ cohort: 'week' })],
];

const records = fc.array(kpiRecordArbitrary(), { maxLength: 60 });

/** Splits records into shards at random cut points. */
const sharded = records.chain((all) =>
  fc.array(fc.integer({ min: 0, max: all.length }), { maxLength: 5 }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), all.length];
    return { all, shards: points.slice(1).map((end, i) => all.slice(points[i], end)) };
  }),
);

describe('KPI accumulators', () => {
  it.each(accumulators)('%s: merging shards, in any order, equals one pass', (_, kpi) => {
    fc.assert(
      fc.property(sharded, fc.boolean(), ({ all, shards }, reverse) => {
        const onePass = kpi.result(kpi.add(kpi.create(), all));
        const states = shards.map((shard) => kpi.add(kpi.create(), shard));
        const ordered = reverse ? states.reverse() : states;
        const merged = ordered.reduce((a, b) => kpi.merge(a, b), kpi.create());
        expect(kpi.result(merged)).toEqual(onePass);
        // States are plain data: a JSON round trip changes nothing.
        expect(kpi.result(JSON.parse(JSON.stringify(merged)))).toEqual(onePass);
      }),
      { numRuns: 40 },
    );
  });

  it('add and merge never modify their inputs', () => {
    fc.assert(
      fc.property(records, records, (a, b) => {
        const kpi = fillRates();
        const sa = kpi.add(kpi.create(), a);
        const before = JSON.stringify(sa);
        kpi.add(sa, b);
        kpi.merge(sa, kpi.add(kpi.create(), b));
        expect(JSON.stringify(sa)).toBe(before);
      }),
      { numRuns: 30 },
    );
  });

  it('every rate lies in [0, 1] or is null', () => {
    fc.assert(
      fc.property(records, (all) => {
        const r = kpiReport(all, { from: '2026-11-01T00:00:00Z', to: '2027-01-01T00:00:00Z' });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const t = r.value.total;
        for (const v of [
          t.perfectOrderRate,
          t.otifRate,
          t.orderAccuracyRate,
          t.backorderRate,
          t.fillRates.line,
          t.fillRates.unit,
          t.fillRates.order,
        ]) {
          if (v !== null) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1);
          }
        }
        // Perfect ⊆ OTIF.
        if (t.perfectOrderRate !== null) expect(t.perfectOrderRate).toBeLessThanOrEqual(t.otifRate as number);
      }),
      { numRuns: 60 },
    );
  });

  it('kpiReport: the total equals the standalone accumulators over the records in the period, whatever the grouping', () => {
    const from = '2026-11-10T00:00:00Z';
    const to = '2026-12-20T00:00:00Z';
    const inPeriod = (r: KpiRecord): boolean => {
      const at =
        r.type === 'order'
          ? r.placedAt
          : r.type === 'shipment' || r.type === 'return'
            ? r.shippedAt
            : r.type === 'receipt'
              ? r.arrivedAt
              : r.at;
      return Date.parse(at) >= Date.parse(from) && Date.parse(at) < Date.parse(to);
    };
    fc.assert(
      fc.property(
        records,
        fc.constantFrom('none' as const, 'day' as const, 'week' as const, 'month' as const, 'segment' as const),
        (all, groupBy) => {
          const r = kpiReport(all, { from, to, groupBy });
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const kept = all.filter(inPeriod);
          const one = <S, V>(kpi: KpiAccumulator<S, V>): V => kpi.result(kpi.add(kpi.create(), kept));
          expect(r.value.records).toBe(kept.length);
          expect(r.value.total.perfectOrderRate).toBe(one(perfectOrderRate()));
          expect(r.value.total.fillRates).toEqual(one(fillRates()));
          expect(r.value.total.orderCycleTime).toEqual(one(orderCycleTime()));
          expect(r.value.total.costPerOrder).toEqual(one(costPerOrder()));
          expect(r.value.total.inventoryTurnover).toEqual(one(inventoryTurnover({ periodDays: 40 })));
          expect(r.value.total.returnRateByCohort).toEqual(one(returnRateByCohort()));
          expect(r.value.groups.reduce((n, g) => n + g.figures.orders, 0)).toBe(r.value.total.orders);
        },
      ),
      { numRuns: 40 },
    );
  });
});
