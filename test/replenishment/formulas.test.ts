import { describe, expect, it } from 'vitest';
import {
  cycleServiceLevel,
  daysOfSupply,
  economicOrderQuantity,
  economicProductionQuantity,
  eoqWithBackorders,
  eoqWithQuantityDiscounts,
  expectedShortage,
  orderUpToLevel,
  ReplenishmentError,
  reorderPoint,
  safetyStockForFillRate,
  safetyStockForServiceLevel,
  suggestReplenishment,
} from '../../src/replenishment/index.js';

function value<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(`expected ok, got ${String((r.error as Error).message)}`);
  return r.value;
}

function refusal(r: { ok: boolean; error?: unknown }): ReplenishmentError {
  expect(r.ok).toBe(false);
  expect(r.error).toBeInstanceOf(ReplenishmentError);
  return r.error as ReplenishmentError;
}

const weekly = { demandPerPeriod: 2500, demandStdDev: 500, leadTime: 2 };

describe('worked examples', () => {
  it('Chopra & Meindl: D = 2,500/week, σ = 500, L = 2, ROP = 6,000 → SS = 1,000, CSL ≈ 0.921', () => {
    expect(value(reorderPoint({ demandPerPeriod: 2500, leadTime: 2, safetyStock: 1000 }))).toBe(6000);
    expect(value(cycleServiceLevel({ ...weekly, reorderPoint: 6000 }))).toBeCloseTo(0.9214, 4);
    // And back: the safety stock for that service level is 1,000.
    const ss = value(
      safetyStockForServiceLevel({
        ...weekly,
        serviceLevel: value(cycleServiceLevel({ ...weekly, reorderPoint: 6000 })),
      }),
    );
    expect(ss.safetyStock).toBeCloseTo(1000, 6);
    expect(ss.leadTimeDemandStdDev).toBeCloseTo(707.1068, 4);
  });

  it('lead-time variability: σ = √(L·σd² + d²·σL²)', () => {
    // Chopra & Meindl's example 11-? style: d = 2,500/day, σd = 500, L = 7 days, σL = 7 days → σ = 17,550.
    const ss = value(
      safetyStockForServiceLevel({
        demandPerPeriod: 2500,
        demandStdDev: 500,
        leadTime: 7,
        leadTimeStdDev: 7,
        serviceLevel: 0.9,
      }),
    );
    expect(ss.leadTimeDemandStdDev).toBeCloseTo(Math.sqrt(7 * 500 ** 2 + 2500 ** 2 * 49), 6);
    expect(ss.leadTimeDemandStdDev).toBeCloseTo(17550, -1);
    expect(ss.safetyStock).toBeCloseTo(1.2815516 * 17549.93, 0);
  });

  it('Nahmias: EOQ with K = 8, h = 0.225, λ = 1,300 → Q* ≈ 304.05, and the cost is the same on both sides', () => {
    const eoq = value(economicOrderQuantity({ demandRate: 1300, orderingCost: 8, holdingCost: 0.225 }));
    expect(eoq.quantity).toBeCloseTo(304.05, 2);
    expect(eoq.annualOrderingCost).toBeCloseTo(eoq.annualHoldingCost, 10);
    expect(eoq.totalCost).toBeCloseTo(Math.sqrt(2 * 8 * 1300 * 0.225), 10);
  });

  it('EOQ with backorders tends to the EOQ as the backorder cost grows, and has the closed-form cost', () => {
    const b = value(eoqWithBackorders({ demandRate: 1300, orderingCost: 8, holdingCost: 0.225, backorderCost: 0.9 }));
    expect(b.totalCost).toBeCloseTo(Math.sqrt(2 * 8 * 1300 * 0.225 * (0.9 / (0.225 + 0.9))), 10);
    expect(b.maxInventory + b.maxBackorder).toBeCloseTo(b.quantity, 10);
    const huge = value(
      eoqWithBackorders({ demandRate: 1300, orderingCost: 8, holdingCost: 0.225, backorderCost: 1e12 }),
    );
    expect(huge.quantity).toBeCloseTo(304.05, 2);
  });

  it('Nahmias §4.7 quantity discounts: all units → 500 at $198.10; incremental → 400 at $204', () => {
    const breaks = [
      { minQuantity: 0, unitCost: 0.3 },
      { minQuantity: 500, unitCost: 0.29 },
      { minQuantity: 1000, unitCost: 0.28 },
    ];
    const all = value(
      eoqWithQuantityDiscounts({ demandRate: 600, orderingCost: 8, holdingRate: 0.2, breaks, kind: 'all_units' }),
    );
    expect(all.quantity).toBe(500);
    expect(all.totalCost).toBeCloseTo(198.1, 10);
    expect(all.candidates.map((c) => [c.quantity, Number(c.totalCost.toFixed(2))])).toEqual([
      [400, 204],
      [500, 198.1],
      [1000, 200.8],
    ]);
    const inc = value(
      eoqWithQuantityDiscounts({ demandRate: 600, orderingCost: 8, holdingRate: 0.2, breaks, kind: 'incremental' }),
    );
    expect(inc.quantity).toBe(400);
    expect(inc.totalCost).toBeCloseTo(204, 10);
    // The second tier's stationary point, √(2·600·(8 + 5)/(0.2·0.29)) ≈ 518.6, is evaluated and loses.
    expect(inc.candidates.some((c) => c.origin === 'eoq' && Math.abs(c.quantity - 518.62) < 0.01)).toBe(true);
  });

  it('EPQ: Q* = √(2Kλ/(h(1 − λ/P))) and the run length Q/P', () => {
    const r = value(
      economicProductionQuantity({ demandRate: 1300, setupCost: 8, holdingCost: 0.225, productionRate: 5200 }),
    );
    expect(r.quantity).toBeCloseTo(Math.sqrt((2 * 8 * 1300) / (0.225 * 0.75)), 10);
    expect(r.maxInventory).toBeCloseTo(r.quantity * 0.75, 10);
    expect(r.productionTime).toBeCloseTo(r.quantity / 5200, 12);
    expect(
      refusal(economicProductionQuantity({ demandRate: 1300, setupCost: 8, holdingCost: 0.225, productionRate: 1300 }))
        .code,
    ).toBe('invalid_policy');
  });

  it('fill rate: the safety stock for β meets β exactly, backorders and lost sales', () => {
    const base = { demandPerPeriod: 100, demandStdDev: 30, leadTime: 4, orderQuantity: 200 };
    for (const lostSales of [false, true]) {
      const ss = value(safetyStockForFillRate({ ...base, fillRate: 0.98, lostSales }));
      const check = value(expectedShortage({ ...base, reorderPoint: ss.reorderPoint, lostSales }));
      expect(check.fillRate).toBeCloseTo(0.98, 10);
    }
    // G(1.3) ≈ 0.045528: σ = 60, Q = 200 → β = 1 − 60·0.045528/200 ≈ 0.98634.
    const fr = value(expectedShortage({ ...base, reorderPoint: 400 + 1.3 * 60 }));
    expect(fr.expectedShortagePerCycle).toBeCloseTo(60 * 0.045528, 4);
    expect(fr.fillRate).toBeCloseTo(1 - (60 * 0.045528) / 200, 6);
  });

  it('(R, S): the protection interval is R + L', () => {
    const r = value(
      orderUpToLevel({ demandPerPeriod: 100, demandStdDev: 20, leadTime: 3, reviewPeriod: 7, serviceLevel: 0.95 }),
    );
    expect(r.protectionIntervalDemand).toBe(1000);
    expect(r.protectionIntervalStdDev).toBeCloseTo(20 * Math.sqrt(10), 12);
    expect(r.level).toBeCloseTo(1000 + 1.6448536 * 20 * Math.sqrt(10), 4);
  });

  it('days of supply: null, not Infinity or 0, when nothing sells', () => {
    expect(value(daysOfSupply({ stock: 450, averageDailyDemand: 30 }))).toBe(15);
    expect(value(daysOfSupply({ stock: 450, averageDailyDemand: 0 }))).toBeNull();
  });
});

describe('suggestReplenishment', () => {
  const now = '2026-11-22T08:00:00Z';

  it('(r, Q) orders whole multiples of Q until the position is above r', () => {
    const r = value(
      suggestReplenishment(
        { onHand: 10, onOrder: 0, backorders: 30 },
        { kind: 'reorder_point', reorderPoint: 50, orderQuantity: 40 },
        { now },
      ),
    );
    // position −20: one Q lifts it to 20, two to 60 > 50.
    expect([r.inventoryPosition, r.quantity, r.reason]).toEqual([-20, 80, 'at_or_below_reorder_point']);
    const none = value(
      suggestReplenishment(
        { onHand: 60, onOrder: 0, backorders: 0 },
        { kind: 'reorder_point', reorderPoint: 50, orderQuantity: 40 },
        { now },
      ),
    );
    expect([none.quantity, none.reason]).toEqual([0, 'above_reorder_point']);
  });

  it('counts stock on order, so nothing is ordered twice', () => {
    const r = value(
      suggestReplenishment(
        { onHand: 50, onOrder: 250, backorders: 0 },
        { kind: 's_S', reorderLevel: 100, orderUpTo: 300 },
        { now },
      ),
    );
    expect(r.quantity).toBe(0);
  });

  it('(s, S) at exactly s orders; committed stock lowers the position', () => {
    const r = value(
      suggestReplenishment(
        { onHand: 150, onOrder: 0, backorders: 0, committed: 50 },
        { kind: 's_S', reorderLevel: 100, orderUpTo: 300 },
        { now },
      ),
    );
    expect([r.inventoryPosition, r.quantity]).toEqual([100, 200]);
  });

  it('periodic review waits for the review time', () => {
    const policy = { kind: 'order_up_to' as const, level: 500, nextReviewAt: '2026-11-23T00:00:00Z' };
    const early = value(suggestReplenishment({ onHand: 100, onOrder: 0, backorders: 0 }, policy, { now }));
    expect([early.quantity, early.reason]).toEqual([0, 'not_a_review_time']);
    const due = value(
      suggestReplenishment({ onHand: 100, onOrder: 0, backorders: 0 }, policy, { now: '2026-11-23T00:00:00Z' }),
    );
    expect([due.quantity, due.reason]).toEqual([400, 'review']);
  });

  it('refuses contradictory policies and bad positions with the field named', () => {
    const position = { onHand: 1, onOrder: 0, backorders: 0 };
    expect(
      refusal(suggestReplenishment(position, { kind: 's_S', reorderLevel: 300, orderUpTo: 300 }, { now })).details[
        'field'
      ],
    ).toBe('policy.orderUpTo');
    expect(
      refusal(suggestReplenishment(position, { kind: 'min_max', min: 1, max: 5, multiple: 0 }, { now })).details[
        'field'
      ],
    ).toBe('policy.multiple');
    expect(
      refusal(
        suggestReplenishment({ ...position, onHand: -1 }, { kind: 's_S', reorderLevel: 1, orderUpTo: 3 }, { now }),
      ).code,
    ).toBe('invalid_position');
    expect(refusal(suggestReplenishment(position, { kind: 'nope' } as never, { now })).code).toBe('invalid_policy');
    expect(
      refusal(suggestReplenishment(position, { kind: 's_S', reorderLevel: 1, orderUpTo: 3 }, { now: '2026-11-22' }))
        .details['field'],
    ).toBe('options.now');
  });
});

describe('hostile input returns typed errors naming the field', () => {
  it.each([
    [
      'negative demand',
      () => safetyStockForServiceLevel({ demandPerPeriod: -1, leadTime: 2, serviceLevel: 0.9 }),
      'invalid_demand',
      'demandPerPeriod',
    ],
    [
      'service level 1',
      () => safetyStockForServiceLevel({ demandPerPeriod: 1, leadTime: 2, serviceLevel: 1 }),
      'invalid_service_level',
      'serviceLevel',
    ],
    [
      'service level 0',
      () => orderUpToLevel({ demandPerPeriod: 1, leadTime: 2, reviewPeriod: 1, serviceLevel: 0 }),
      'invalid_service_level',
      'serviceLevel',
    ],
    [
      'zero review period',
      () => orderUpToLevel({ demandPerPeriod: 1, leadTime: 2, reviewPeriod: 0, serviceLevel: 0.9 }),
      'invalid_lead_time',
      'reviewPeriod',
    ],
    ['negative lead time', () => reorderPoint({ demandPerPeriod: 1, leadTime: -2 }), 'invalid_lead_time', 'leadTime'],
    [
      'NaN σ',
      () => cycleServiceLevel({ demandPerPeriod: 1, demandStdDev: Number.NaN, leadTime: 2, reorderPoint: 3 }),
      'invalid_number',
      'demandStdDev',
    ],
    [
      'zero ordering cost',
      () => economicOrderQuantity({ demandRate: 1, orderingCost: 0, holdingCost: 1 }),
      'invalid_cost',
      'orderingCost',
    ],
    [
      'string holding cost',
      () => economicOrderQuantity({ demandRate: 1, orderingCost: 1, holdingCost: '1' as never }),
      'invalid_number',
      'holdingCost',
    ],
    [
      'Q = 0',
      () => expectedShortage({ demandPerPeriod: 1, leadTime: 1, reorderPoint: 1, orderQuantity: 0 }),
      'invalid_quantity',
      'orderQuantity',
    ],
    [
      'fill rate 1.2',
      () => safetyStockForFillRate({ demandPerPeriod: 1, leadTime: 1, orderQuantity: 1, fillRate: 1.2 }),
      'invalid_service_level',
      'fillRate',
    ],
    [
      'first break above 0',
      () =>
        eoqWithQuantityDiscounts({
          demandRate: 1,
          orderingCost: 1,
          holdingRate: 0.2,
          breaks: [{ minQuantity: 10, unitCost: 1 }],
          kind: 'all_units',
        }),
      'invalid_quantity',
      'breaks[0].minQuantity',
    ],
    [
      'breaks not ascending',
      () =>
        eoqWithQuantityDiscounts({
          demandRate: 1,
          orderingCost: 1,
          holdingRate: 0.2,
          breaks: [
            { minQuantity: 0, unitCost: 1 },
            { minQuantity: 0, unitCost: 0.5 },
          ],
          kind: 'all_units',
        }),
      'invalid_quantity',
      'breaks[1].minQuantity',
    ],
    ['null input', () => economicOrderQuantity(null as never), 'invalid_options', 'input'],
  ])('%s', (_, run, code, field) => {
    const error = refusal(run());
    expect(error.code).toBe(code);
    expect(error.details['field']).toBe(field);
  });
});
