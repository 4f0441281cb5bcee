import { describe, expect, it } from 'vitest';
import {
  backorderRate,
  costPerOrder,
  dockToStockTime,
  fillRates,
  inventoryTurnover,
  KpiError,
  type KpiOrderRecord,
  type KpiRecord,
  kpiReport,
  orderAccuracyRate,
  orderCycleTime,
  otifRate,
  perfectOrderRate,
  pickingProductivity,
  returnRateByCohort,
} from '../../src/kpi/index.js';

const base = {
  type: 'order' as const,
  placedAt: '2026-11-02T09:00:00Z',
  committedAt: '2026-11-06T18:00:00Z',
  shippedAt: '2026-11-03T09:00:00Z',
  deliveredAt: '2026-11-05T12:00:00Z',
  lines: [
    { ordered: 2, shipped: 2 },
    { ordered: 1, shipped: 1 },
  ],
};
const order = (orderId: string, changes: Partial<KpiOrderRecord> = {}): KpiOrderRecord => ({
  ...base,
  orderId,
  ...changes,
});

function run<S, V>(
  kpi: { create(): S; add(s: S, r: readonly KpiRecord[]): S; result(s: S): V },
  records: readonly KpiRecord[],
): V {
  return kpi.result(kpi.add(kpi.create(), records));
}

describe('perfect order rate and OTIF (SCOR)', () => {
  const records = [
    order('perfect'),
    order('late', { deliveredAt: '2026-11-07T09:00:00Z' }),
    order('short', { lines: [{ ordered: 2, shipped: 1 }] }),
    order('over-shipped is in full', { lines: [{ ordered: 2, shipped: 3 }] }),
    order('bad documents', { documentsCorrect: false }),
    order('damaged', { damaged: true }),
    order('seller cancelled', { cancelledBy: 'seller', shippedAt: undefined, deliveredAt: undefined } as never),
    order('customer cancelled: excluded', { cancelledBy: 'customer' }),
    order('open: waits', { deliveredAt: undefined } as never),
    order('no commitment: cannot be judged', { committedAt: undefined } as never),
    // The customer agreed to a later date: the commitment is re-baselined, so this is on time.
    order('re-baselined', { committedAt: '2026-11-10T00:00:00Z', deliveredAt: '2026-11-08T00:00:00Z' }),
  ].map((r) => JSON.parse(JSON.stringify(r)) as KpiOrderRecord);

  it('counts only judgeable orders and the four conditions', () => {
    // Base: perfect, late, short, over, documents, damaged, seller cancelled, re-baselined = 8.
    expect(run(perfectOrderRate(), records)).toBe(3 / 8);
    // OTIF ignores documents and damage: perfect, over, documents, damaged, re-baselined = 5 of 8.
    expect(run(otifRate(), records)).toBe(5 / 8);
  });

  it('is null, not 0 or 1, with nothing to judge', () => {
    expect(run(perfectOrderRate(), [])).toBeNull();
    expect(run(otifRate(), [order('c', { cancelledBy: 'customer' })])).toBeNull();
  });
});

describe('fill rates, accuracy, backorders', () => {
  it('caps over-shipment and counts a seller cancellation as nothing filled', () => {
    const records = [
      order('a', {
        lines: [
          { ordered: 4, shipped: 3 },
          { ordered: 2, shipped: 5 },
        ],
      }),
      order('b', { lines: [{ ordered: 1, shipped: 1 }] }),
      order('c', { cancelledBy: 'seller', shippedAt: undefined, lines: [{ ordered: 3, shipped: 0 }] } as never),
      order('d', { cancelledBy: 'customer', lines: [{ ordered: 9, shipped: 0 }] }),
      order('e (not shipped yet)', { shippedAt: undefined, lines: [{ ordered: 9, shipped: 0 }] } as never),
    ];
    // Lines: a 1/2, b 1/1, c 0/1 → 2/4. Units: a 5/6, b 1/1, c 0/3 → 6/10. Orders: b only → 1/3.
    expect(run(fillRates(), records)).toEqual({ line: 0.5, unit: 0.6, order: 1 / 3 });
  });

  it('order accuracy over shipped orders; backorders over all orders', () => {
    const records = [
      order('a'),
      order('b', { accurate: false }),
      order('c', { shippedAt: undefined, lines: [{ ordered: 1, shipped: 0, backordered: 1 }] } as never),
    ];
    expect(run(orderAccuracyRate(), records)).toBe(0.5);
    expect(run(backorderRate(), records)).toBe(1 / 3);
  });
});

describe('durations', () => {
  it('cycle time to shipment in calendar days, hours and working days', () => {
    const records = [
      order('a', { placedAt: '2026-11-20T16:00:00Z', shippedAt: '2026-11-24T10:00:00Z' }), // Fri → Tue
      order('b', { placedAt: '2026-11-23T08:00:00Z', shippedAt: '2026-11-23T20:00:00Z' }), // same day
      order('c', { placedAt: '2026-11-24T08:00:00Z', shippedAt: '2026-11-27T08:00:00Z' }), // Tue → Fri
    ];
    const calendar = run(orderCycleTime(), records);
    expect(calendar.count).toBe(3);
    expect(calendar.mean).toBeCloseTo((3.75 + 0.5 + 3) / 3, 12);
    expect(calendar.p50).toBe(3);
    expect(calendar.max).toBe(3.75);
    expect(run(orderCycleTime({ unit: 'hours' }), records).p50).toBe(72);
    // Working days: Mon + Tue = 2; same day = 0; Wed, Thu, Fri = 3 — and with Thanksgiving (Thu) off, 2.
    expect(run(orderCycleTime({ unit: 'working_days' }), records)).toMatchObject({ mean: 5 / 3, p50: 2, max: 3 });
    expect(run(orderCycleTime({ unit: 'working_days', calendar: { holidays: ['2026-11-26'] } }), records).max).toBe(2);
  });

  it('working days read local dates in the given offset', () => {
    // 23:30 UTC on Thursday is already Friday in +01:00: shipped Friday 10:00 UTC is then the same day.
    const r = [order('a', { placedAt: '2026-11-19T23:30:00Z', shippedAt: '2026-11-20T10:00:00Z' })];
    expect(run(orderCycleTime({ unit: 'working_days' }), r).max).toBe(1);
    expect(run(orderCycleTime({ unit: 'working_days', calendar: { utcOffset: '+01:00' } }), r).max).toBe(0);
    // In −11:00 the shipment is still Thursday night: the same day again.
    expect(run(orderCycleTime({ unit: 'working_days', calendar: { utcOffset: '-11:00' } }), r).max).toBe(0);
  });

  it('percentiles are nearest-rank and exact', () => {
    const records = Array.from({ length: 20 }, (_, i) =>
      order(`o${i}`, {
        placedAt: '2026-11-02T00:00:00Z',
        shippedAt: new Date(Date.parse('2026-11-02T00:00:00Z') + (i + 1) * 3_600_000).toISOString(),
      }),
    );
    const s = run(orderCycleTime({ unit: 'hours' }), records);
    expect([s.p50, s.p90, s.p95, s.max]).toEqual([10, 18, 19, 20]);
  });

  it('dock-to-stock in hours; refuses a put-away before arrival', () => {
    expect(
      run(dockToStockTime(), [
        { type: 'receipt', receiptId: 'r', arrivedAt: '2026-11-02T06:00:00Z', storedAt: '2026-11-02T10:30:00Z' },
      ]).mean,
    ).toBe(4.5);
    expect(() =>
      run(dockToStockTime(), [
        { type: 'receipt', receiptId: 'r', arrivedAt: '2026-11-02T06:00:00Z', storedAt: '2026-11-02T05:00:00Z' },
      ]),
    ).toThrow(KpiError);
  });
});

describe('money, productivity, returns', () => {
  it('cost per order divides exactly, per currency, rounding half-even', () => {
    const records: KpiRecord[] = [
      order('a'),
      order('b'),
      order('c', { cancelledBy: 'customer' }),
      order('d', { shippedAt: undefined } as never),
      { type: 'cost', at: '2026-11-30T00:00:00Z', amount: { amount: 1001, currency: 'USD' } },
      { type: 'cost', at: '2026-11-30T00:00:00Z', amount: { amount: 300, currency: 'EUR' } },
    ];
    expect(run(costPerOrder(), records)).toEqual({
      EUR: { amount: 150, currency: 'EUR' },
      USD: { amount: 500, currency: 'USD' },
    });
    expect(run(costPerOrder(), records.slice(4))).toBeNull();
  });

  it('inventory turnover and days of supply; null without inventory or COGS', () => {
    const kpi = inventoryTurnover({ periodDays: 365 });
    const state = kpi.add(kpi.create(), [
      { type: 'inventory_snapshot', at: '2026-01-01T00:00:00Z', value: { amount: 100_000, currency: 'USD' } },
      { type: 'inventory_snapshot', at: '2026-07-01T00:00:00Z', value: { amount: 300_000, currency: 'USD' } },
      { type: 'cogs', at: '2026-12-31T00:00:00Z', amount: { amount: 1_000_000, currency: 'USD' } },
      { type: 'cogs', at: '2026-12-31T00:00:00Z', amount: { amount: 5, currency: 'EUR' } },
    ]);
    expect(kpi.result(state)).toEqual({
      EUR: { turnover: null, daysOfSupply: null },
      USD: { turnover: 5, daysOfSupply: 73 },
    });
  });

  it('productivity counts each employee once across shifts and shards', () => {
    const kpi = pickingProductivity();
    const shift = (employeeId: string) => ({
      type: 'picking' as const,
      at: '2026-11-02T14:00:00Z',
      employeeId,
      cases: 100,
      lines: 50,
      labourHours: 4,
    });
    const a = kpi.add(kpi.create(), [shift('e-1'), shift('e-2')]);
    const b = kpi.add(kpi.create(), [shift('e-1')]);
    expect(kpi.result(kpi.merge(a, b))).toEqual({
      casesPerLabourHour: 25,
      linesPerLabourHour: 12.5,
      casesPerEmployee: 150,
      linesPerEmployee: 75,
      employees: 2,
    });
    expect(kpi.result(kpi.create())).toEqual({
      casesPerLabourHour: null,
      linesPerLabourHour: null,
      casesPerEmployee: null,
      linesPerEmployee: null,
      employees: 0,
    });
  });

  it('returns count in the cohort of their shipment, by ISO week', () => {
    const result = run(returnRateByCohort({ cohort: 'week' }), [
      { type: 'shipment', shipmentId: 's-1', shippedAt: '2026-12-31T10:00:00Z', units: 10 },
      {
        type: 'return',
        shipmentId: 's-1',
        shippedAt: '2026-12-31T10:00:00Z',
        returnedAt: '2027-01-20T10:00:00Z',
        units: 2,
      },
      {
        type: 'return',
        shipmentId: 's-0',
        shippedAt: '2026-11-02T10:00:00Z',
        returnedAt: '2026-11-20T10:00:00Z',
        units: 1,
      },
    ]);
    // 2026-12-31 is a Thursday of ISO week 2026-W53; a return with no shipment in the data has rate null.
    expect(result).toEqual([
      { cohort: '2026-W45', shipped: 0, returned: 1, rate: null },
      { cohort: '2026-W53', shipped: 10, returned: 2, rate: 0.2 },
    ]);
  });
});

describe('kpiReport', () => {
  const records: KpiRecord[] = [
    order('a', { placedAt: '2026-11-02T09:00:00Z', segment: 'web' }),
    order('b', {
      placedAt: '2026-11-09T09:00:00Z',
      committedAt: '2026-11-13T18:00:00Z',
      shippedAt: '2026-11-10T09:00:00Z',
      deliveredAt: '2026-11-12T12:00:00Z',
      damaged: true,
      segment: 'store',
    }),
    order('outside', { placedAt: '2026-12-01T00:00:00Z' }),
    { type: 'cost', at: '2026-11-20T00:00:00Z', amount: { amount: 999, currency: 'USD' } },
  ];

  it('groups by week and the total is the merge of the groups', () => {
    const r = kpiReport(records, { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', groupBy: 'week' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.records).toBe(3);
    expect(r.value.groups.map((g) => [g.key, g.figures.orders, g.figures.perfectOrderRate])).toEqual([
      ['2026-W45', 1, 1],
      ['2026-W46', 1, 0],
      ['2026-W47', 0, null],
    ]);
    expect(r.value.total.perfectOrderRate).toBe(0.5);
    // The cost is spread over the two shipped orders of the period, not over the cost's own week.
    expect(r.value.total.costPerOrder).toEqual({ USD: { amount: 500, currency: 'USD' } });
    expect(r.value.groups[2]?.figures.costPerOrder).toBeNull();
  });

  it('groups by segment', () => {
    const r = kpiReport(records, { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', groupBy: 'segment' });
    expect(r.ok && r.value.groups.map((g) => g.key)).toEqual(['(none)', 'store', 'web']);
  });

  it('returns typed errors naming the record and field, or the option', () => {
    const bad = kpiReport([order('a'), { ...order('b'), placedAt: '2026-11-02' }], {
      from: '2026-11-01T00:00:00Z',
      to: '2026-12-01T00:00:00Z',
    });
    expect(!bad.ok && [bad.error.code, bad.error.details['index'], bad.error.details['field']]).toEqual([
      'invalid_record',
      1,
      'placedAt',
    ]);
    const line = kpiReport([{ ...order('a'), lines: [{ ordered: -1, shipped: 0 }] }], {
      from: '2026-11-01T00:00:00Z',
      to: '2026-12-01T00:00:00Z',
    });
    expect(!line.ok && line.error.details['field']).toBe('lines[0].ordered');
    const type = kpiReport([{ type: 'nope' } as never], { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' });
    expect(!type.ok && type.error.details['field']).toBe('type');
    const to = kpiReport([], { from: '2026-11-01T00:00:00Z', to: '2026-11-01T00:00:00Z' });
    expect(!to.ok && to.error.details['field']).toBe('to');
    const group = kpiReport([], { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', groupBy: 'year' as never });
    expect(!group.ok && group.error.details['field']).toBe('groupBy');
    for (const hostile of [null, 42, 'x', { type: '__proto__' }, { type: 'order', placedAt: Number.NaN }]) {
      const r = kpiReport([hostile as never], { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error).toBeInstanceOf(KpiError);
    }
  });

  it('accumulators refuse foreign states', () => {
    const kpi = perfectOrderRate();
    expect(() => kpi.merge(kpi.create(), { numerator: '1' } as never)).toThrow(KpiError);
    expect(() => kpi.add(null as never, [])).toThrow(KpiError);
  });
});
