import { describe, expect, it } from 'vitest';
import {
  atpPeriods,
  cumulativeAtp,
  discreteAtp,
  foldLedger,
  InventoryError,
  type LedgerEntry,
  lookAheadAtp,
  promiseDate,
} from '../../src/inventory/index.js';
import { deepFreeze, ISSUE_EXAMPLE, PUMPS, phased } from './atpFixtures.js';

function value<T>(r: { ok: true; value: T } | { ok: false; error: InventoryError }): T {
  if (!r.ok) throw r.error;
  return r.value;
}

describe('the issue worked example: on hand 10, receipts 0/0/20/0, demand 4/8/5/3', () => {
  const input = deepFreeze(ISSUE_EXAMPLE);

  it('cumulative ATP without look-ahead is the running sum 6, -2, 13, 10', () => {
    expect(value(cumulativeAtp(input)).atp).toEqual([6, -2, 13, 10]);
  });

  it('cumulative ATP with look-ahead is 0, 0, 10, 10', () => {
    const r = value(lookAheadAtp(input));
    expect(r.atp).toEqual([0, 0, 10, 10]);
    // Period 1 is short by 2: the 12 units ordered for periods 0 and 1 exceed the 10 on hand.
    expect(r.shortfall).toBe(2);
    expect(r.firstShortPeriod).toBe(1);
  });

  it('discrete ATP is -2 at period 0 and 12 at the receipt; netted 0, 0, 10, 0', () => {
    const r = value(discreteAtp(input));
    expect(r.atp).toEqual([-2, 0, 12, 0]);
    // The 2 late units are owed from the period-2 receipt: 12 − 2 = 10 left to promise.
    expect(r.netted).toEqual([0, 0, 10, 0]);
    expect(r.shortfall).toBe(2);
  });

  it('promiseDate: up to 10 units in period 2, more never', () => {
    expect(value(promiseDate(input, 1)).period).toBe(2);
    expect(value(promiseDate(input, 10))).toEqual({
      period: 2,
      deliveries: [{ period: 2, quantity: 10 }],
      unpromised: 0,
    });
    expect(value(promiseDate(input, 11))).toEqual({ period: null, deliveries: [], unpromised: 11 });
    expect(value(promiseDate(input, 11, { split: true }))).toEqual({
      period: null,
      deliveries: [{ period: 2, quantity: 10 }],
      unpromised: 1,
    });
  });
});

describe("Stevenson's pumps (64 on hand, MPS 70 in weeks 3, 5, 7, 8; orders 33, 20, 10, 4, 2)", () => {
  it('discrete ATP is 11 in week 1, 56 in week 3, 68 in week 5, 70 in weeks 7 and 8', () => {
    // Week 1: 64 − (33 + 20) = 11; week 3: 70 − (10 + 4) = 56; week 5: 70 − 2 = 68.
    const r = value(discreteAtp(PUMPS));
    expect(r.atp).toEqual([11, 0, 56, 0, 68, 0, 70, 70]);
    expect(r.netted).toEqual(r.atp);
    expect(r.shortfall).toBe(0);
  });

  it('the cumulative views agree: look-ahead is the running sum of discrete ATP', () => {
    expect(value(cumulativeAtp(PUMPS)).atp).toEqual([31, 11, 71, 67, 135, 135, 205, 275]);
    expect(value(lookAheadAtp(PUMPS)).atp).toEqual([11, 11, 67, 67, 135, 135, 205, 275]);
  });

  it('promiseDate: 40 pumps in week 3 (index 2); 80 pumps from week 5, or 11 now, 56 in week 3 and 13 in week 5', () => {
    expect(value(promiseDate(PUMPS, 40)).period).toBe(2);
    expect(value(promiseDate(PUMPS, 80)).period).toBe(4);
    expect(value(promiseDate(PUMPS, 80, { split: true })).deliveries).toEqual([
      { period: 0, quantity: 11 },
      { period: 2, quantity: 56 },
      { period: 4, quantity: 13 },
    ]);
  });
});

describe('discrete ATP: a later negative bucket is taken from earlier ones (backward consumption)', () => {
  it('on hand 56; MPS 30, 35, 0, 24, 0, 25, 44, 28; orders 41, 19, 39, 11, 25, 20, 10, 0', () => {
    const input = phased(56, [30, 35, 0, 24, 0, 25, 44, 28], [41, 19, 39, 11, 25, 20, 10, 0]);
    const r = value(discreteAtp(input));
    // Buckets: 56 + 30 − 41 = 45; 35 − (19 + 39) = −23; 24 − (11 + 25) = −12; 25 − 20; 44 − 10; 28.
    expect(r.atp).toEqual([45, -23, 0, -12, 0, 5, 34, 28]);
    // −12 then −23 come out of week 1's 45: 10 left. Setting negatives to 0 instead would promise 35 too many.
    expect(r.netted).toEqual([10, 0, 0, 0, 0, 5, 34, 28]);
    expect(value(lookAheadAtp(input)).atp).toEqual([10, 10, 10, 10, 10, 15, 49, 77]);
  });
});

describe('promiseDate options', () => {
  const input = PUMPS;
  it('earliest: nothing before the requested period; the whole quantity at the first period from it that covers it', () => {
    expect(value(promiseDate(input, 5, { earliest: 3 }))).toEqual({
      period: 3,
      deliveries: [{ period: 3, quantity: 5 }],
      unpromised: 0,
    });
  });

  it('split from earliest: everything promisable by then in one delivery', () => {
    expect(value(promiseDate(input, 100, { earliest: 3, split: true })).deliveries).toEqual([
      { period: 3, quantity: 67 },
      { period: 4, quantity: 33 },
    ]);
  });

  it('labels travel into the promise', () => {
    const labelled = {
      onHand: 0,
      periods: [
        { receipts: 0, demand: 0, label: 'W1' },
        { receipts: 5, demand: 0, label: 'W2' },
      ],
    };
    expect(value(promiseDate(labelled, 5))).toEqual({
      period: 1,
      label: 'W2',
      deliveries: [{ period: 1, quantity: 5, label: 'W2' }],
      unpromised: 0,
    });
  });
});

describe('negative on hand (oversold): the deficit is late demand', () => {
  it('on hand −3 with a receipt of 10 in period 1', () => {
    const input = phased(-3, [0, 10], [0, 0]);
    expect(value(cumulativeAtp(input)).atp).toEqual([-3, 7]);
    expect(value(lookAheadAtp(input))).toEqual({ atp: [0, 7], shortfall: 3, firstShortPeriod: 0 });
    expect(value(discreteAtp(input))).toEqual({ atp: [-3, 10], netted: [0, 7], shortfall: 3 });
  });
});

describe('hostile time-phased input is a typed error naming the field', () => {
  const cases: [string, unknown, string][] = [
    ['not an object', 42, 'input'],
    ['null', null, 'input'],
    ['on hand NaN', { onHand: Number.NaN, periods: [{ receipts: 0, demand: 0 }] }, 'onHand'],
    ['on hand fractional', { onHand: 1.5, periods: [{ receipts: 0, demand: 0 }] }, 'onHand'],
    ['no periods', { onHand: 1, periods: [] }, 'periods'],
    ['periods not an array', { onHand: 1, periods: { length: 1 } }, 'periods'],
    ['a period null', { onHand: 1, periods: [null] }, 'periods[0]'],
    [
      'negative receipts',
      {
        onHand: 1,
        periods: [
          { receipts: 0, demand: 0 },
          { receipts: -1, demand: 0 },
        ],
      },
      'periods[1].receipts',
    ],
    [
      'Infinity demand',
      { onHand: 1, periods: [{ receipts: 0, demand: Number.POSITIVE_INFINITY }] },
      'periods[0].demand',
    ],
    ['string demand', { onHand: 1, periods: [{ receipts: 0, demand: '3' }] }, 'periods[0].demand'],
    ['label not a string', { onHand: 1, periods: [{ receipts: 0, demand: 0, label: 3 }] }, 'periods[0].label'],
    [
      'sums beyond safe integers',
      { onHand: Number.MAX_SAFE_INTEGER, periods: [{ receipts: Number.MAX_SAFE_INTEGER, demand: 0 }] },
      'periods',
    ],
  ];
  it.each(cases)('%s', (_, input, field) => {
    for (const r of [
      cumulativeAtp(input as never),
      lookAheadAtp(input as never),
      discreteAtp(input as never),
      promiseDate(input as never, 1),
    ]) {
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error).toBeInstanceOf(InventoryError);
      expect(r.error.code).toBe('invalid_request');
      expect(r.error.details['field']).toBe(field);
    }
  });

  it('promiseDate refuses a bad quantity or bad options', () => {
    for (const [quantity, options, code, field] of [
      [0, {}, 'invalid_request', 'quantity'],
      [1.5, {}, 'invalid_request', 'quantity'],
      [1, { earliest: 4 }, 'invalid_options', 'earliest'],
      [1, { earliest: -1 }, 'invalid_options', 'earliest'],
      [1, { split: 'yes' }, 'invalid_options', 'split'],
      [1, null, 'invalid_options', 'options'],
    ] as const) {
      const r = promiseDate(ISSUE_EXAMPLE, quantity, options as never);
      expect(r.ok || [r.error.code, r.error.details['field']]).toEqual([code, field]);
    }
  });
});

describe('atpPeriods: from the ledger to the time-phased view', () => {
  const at = '2026-11-30T08:00:00Z';
  const ledger: LedgerEntry[] = [
    { id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 30, at },
    { id: 'e-2', kind: 'allocation', sku: 'SHIRT', location: 'dc', quantity: 12, at },
    // Held until 10:00 on Dec 1: counts at 09:00, not at 10:00.
    {
      id: 'e-3',
      kind: 'reservation',
      sku: 'SHIRT',
      location: 'dc',
      quantity: 5,
      at,
      reservationId: 'r-1',
      expiresAt: '2026-12-01T10:00:00Z',
    },
    {
      id: 'e-4',
      kind: 'scheduled_receipt',
      sku: 'SHIRT',
      location: 'dc',
      quantity: 20,
      at,
      receiptId: 'PO-1',
      expectedAt: '2026-12-15T06:00:00Z',
    },
    // Overdue: expected before the first period, so it lands in the first one.
    {
      id: 'e-5',
      kind: 'scheduled_receipt',
      sku: 'SHIRT',
      location: 'dc',
      quantity: 7,
      at,
      receiptId: 'PO-0',
      expectedAt: '2026-11-20T00:00:00Z',
    },
    // Another location's receipt is not this view's.
    {
      id: 'e-6',
      kind: 'scheduled_receipt',
      sku: 'SHIRT',
      location: 'store',
      quantity: 99,
      at,
      receiptId: 'PO-9',
      expectedAt: '2026-12-15T06:00:00Z',
    },
  ];
  const state = deepFreeze(foldLedger(ledger));
  const weeks = deepFreeze([
    '2026-12-01T00:00:00Z',
    '2026-12-08T00:00:00Z',
    '2026-12-15T00:00:00Z',
    '2026-12-22T00:00:00Z',
  ]);
  const orders = deepFreeze([
    { quantity: 1, at: '2026-11-25T00:00:00Z', reference: 'past due' },
    { quantity: 4, at: '2026-12-08T00:00:00Z' },
    { quantity: 2, at: '2027-03-01T00:00:00+01:00' },
  ]);

  it('buckets receipts and demand by period (boundaries are period starts, inclusive)', () => {
    const r = value(
      atpPeriods(state, { sku: 'SHIRT', location: 'dc' }, orders, weeks, { now: '2026-12-01T09:00:00Z' }),
    );
    // 30 on hand − 12 allocated − 5 held.
    expect(r.onHand).toBe(13);
    expect(r.periods).toEqual([
      { receipts: 7, demand: 1, label: '2026-12-01T00:00:00Z' },
      { receipts: 0, demand: 4, label: '2026-12-08T00:00:00Z' },
      { receipts: 20, demand: 0, label: '2026-12-15T00:00:00Z' },
      { receipts: 0, demand: 2, label: '2026-12-22T00:00:00Z' },
    ]);
    expect(value(lookAheadAtp(r)).atp).toEqual([15, 15, 33, 33]);
  });

  it('uses the one definition of promisable: expired holds free units, safety stock is held back', () => {
    const later = value(
      atpPeriods(state, { sku: 'SHIRT', location: 'dc' }, [], weeks, {
        now: '2026-12-01T10:00:00Z',
        policy: { safetyStock: { SHIRT: 3 }, backorderLimit: { SHIRT: 100 } },
      }),
    );
    // 30 − 12 − 0 (the hold expired) − 3 safety stock; the backorder limit is not supply.
    expect(later.onHand).toBe(15);
  });

  it('a SKU the ledger never saw starts from nothing', () => {
    const r = value(atpPeriods(state, { sku: '__proto__', location: 'dc' }, [], weeks, { now: at }));
    expect(r.onHand).toBe(0);
    expect(r.periods.map((p) => p.receipts)).toEqual([0, 0, 0, 0]);
  });

  it('refuses bad boundaries, demand and options by name', () => {
    const q = { sku: 'SHIRT', location: 'dc' };
    const now = { now: at };
    const cases: [unknown, unknown, unknown, string, string][] = [
      [[], [], now, 'invalid_request', 'boundaries'],
      [['2026-12-02T00:00:00Z', '2026-12-01T00:00:00Z'], [], now, 'invalid_request', 'boundaries[1]'],
      [['2026-12-01'], [], now, 'invalid_instant', 'boundaries[0]'],
      [weeks, [{ quantity: 0, at }], now, 'invalid_request', 'demand[0].quantity'],
      [weeks, [{ quantity: 1, at: 'soon' }], now, 'invalid_instant', 'demand[0].at'],
      [weeks, 'none', now, 'invalid_request', 'demand'],
      [weeks, [], { now: 'now' }, 'invalid_instant', 'now'],
      [
        weeks,
        [],
        { now: at, policy: { safetyStock: { SHIRT: -1 } } },
        'invalid_options',
        'policy.safetyStock["SHIRT"]',
      ],
      [weeks, [], { now: at, excludeOwner: '' }, 'invalid_options', 'excludeOwner'],
    ];
    for (const [boundaries, demand, options, code, field] of cases) {
      const r = atpPeriods(state, q, demand as never, boundaries as never, options as never);
      expect(r.ok || [r.error.code, r.error.details['field']]).toEqual([code, field]);
    }
  });
});
