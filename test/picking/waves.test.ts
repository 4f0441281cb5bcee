import { describe, expect, it } from 'vitest';
import { isOrdercoreError } from '../../src/core/errors.js';
import { planAndBatchWaves } from '../../src/picking/waves/planAndBatchWaves.js';
import { planWaves } from '../../src/picking/waves/planWaves.js';
import type { WaveOrder, WavePlanOptions } from '../../src/picking/waves/types.js';

const pick = (id: string, quantity?: number) => ({
  id,
  location: { aisle: 0, cell: 0 },
  ...(quantity === undefined ? {} : { quantity }),
});
const order = (id: string, lines: number, extra: Partial<WaveOrder> = {}): WaveOrder => ({
  id,
  picks: Array.from({ length: lines }, (_, i) => pick(`${id}-${i}`)),
  ...extra,
});
const day = (hhmm: string) => `2026-11-23T${hhmm}:00Z`;
const slots: WavePlanOptions['waves'] = [
  { id: 'W2', releaseAt: day('10:00') },
  { id: 'W1', releaseAt: day('08:00') },
  { id: 'W3', releaseAt: day('12:00'), dueBy: day('14:00') },
];

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('planWaves', () => {
  it('orders waves by release, defaults dueBy to the next release, keeps a given dueBy', () => {
    const r = planWaves([], { now: day('07:00'), waves: slots });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.waves.map((w) => [w.id, w.dueBy])).toEqual([
      ['W1', day('10:00')],
      ['W2', day('12:00')],
      ['W3', day('14:00')],
    ]);
    expect(r.value.placements).toEqual([]);
  });

  it('plans by cut-off, then priority (larger first), then id — whatever the input order', () => {
    const orders = [
      order('c', 1, { carrierCutoff: day('16:00') }),
      order('none-b', 1),
      order('a', 1, { carrierCutoff: day('16:00') }),
      order('urgent', 1, { carrierCutoff: day('16:00'), priority: 9 }),
      order('early', 1, { carrierCutoff: '2026-11-23T12:00:00+02:00' }), // 10:00Z: earliest
      order('none-a', 1, { priority: -1 }),
      order('none-c', 1, { priority: 3 }),
    ];
    const expected = ['early', 'urgent', 'a', 'c', 'none-c', 'none-b', 'none-a'];
    for (const input of [orders, [...orders].reverse()]) {
      const r = planWaves(input, { now: day('07:00'), waves: slots });
      expect(r.ok && r.value.placements.map((p) => p.orderId)).toEqual(expected);
      expect(r.ok && r.value.waves[0]?.orders.map((o) => o.id)).toEqual(expected);
    }
  });

  it('rolls an order that does not fit to the next wave, recording each wave and the measure that overflowed', () => {
    const orders = [
      order('o1', 3, { carrierCutoff: day('09:00') }),
      order('o2', 3, { carrierCutoff: day('09:30') }),
      order('o3', 2, { carrierCutoff: day('10:00') }),
      order('o4', 1, { carrierCutoff: day('11:00') }),
    ];
    const r = planWaves(orders, { now: day('07:00'), waves: slots, capacity: { lines: 5, orders: 2 } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.waves.map((w) => w.orders.map((o) => o.id))).toEqual([['o1', 'o3'], ['o2', 'o4'], []]);
    expect(r.value.waves.map((w) => w.load)).toEqual([
      { orders: 2, items: 5, lines: 5 },
      { orders: 2, items: 4, lines: 4 },
      { orders: 0, items: 0, lines: 0 },
    ]);
    const byId = Object.fromEntries(r.value.placements.map((p) => [p.orderId, p]));
    expect(byId['o2']).toEqual({
      orderId: 'o2',
      waveId: 'W2',
      rolled: [{ waveId: 'W1', reason: 'lines_full' }],
      // W2 is due 12:00, after its 09:30 cut-off.
      flags: ['misses_cutoff'],
    });
    // First fit: o3 (2 lines) still fits W1 after o2 (3 lines) rolled past it; due 10:00 = its cut-off: not late.
    expect(byId['o3']).toEqual({ orderId: 'o3', waveId: 'W1', rolled: [], flags: [] });
    expect(byId['o4']?.rolled).toEqual([{ waveId: 'W1', reason: 'orders_full' }]);
    // W1 is due 10:00, after o1's 09:00 cut-off.
    expect(byId['o1']?.flags).toEqual(['misses_cutoff']);
  });

  it('counts items as the picks’ quantities (1 when absent) unless the order gives items', () => {
    const orders: WaveOrder[] = [
      { id: 'q', picks: [pick('q1', 4), pick('q2')] }, // 5 items
      { id: 'r', picks: [pick('r1', 100)], items: 2 }, // the order's own count wins
      { id: 's', picks: [pick('s1', 3)] },
    ];
    const r = planWaves(orders, {
      now: day('07:00'),
      waves: [
        { id: 'W', releaseAt: day('08:00'), capacity: { items: 7 } },
        { id: 'X', releaseAt: day('09:00') },
      ],
    });
    expect(r.ok && r.value.waves.map((w) => [w.id, w.load.items, w.orders.map((o) => o.id)])).toEqual([
      ['W', 7, ['q', 'r']],
      ['X', 3, ['s']],
    ]);
    expect(r.ok && r.value.placements[2]?.rolled).toEqual([{ waveId: 'W', reason: 'items_full' }]);
  });

  it('respects release times: an order waits for the first wave released at or after it', () => {
    const r = planWaves(
      [order('late', 1, { releasedAt: day('09:00') }), order('on-time', 1, { releasedAt: day('08:00') })],
      {
        now: day('07:00'),
        waves: slots,
      },
    );
    expect(r.ok && r.value.placements).toEqual([
      { orderId: 'late', waveId: 'W2', rolled: [{ waveId: 'W1', reason: 'not_released' }], flags: [] },
      { orderId: 'on-time', waveId: 'W1', rolled: [], flags: [] },
    ]);
  });

  it('reports unplaced orders with the reason, never drops one', () => {
    const r = planWaves(
      [
        order('huge', 9),
        order('after-last', 1, { releasedAt: day('13:00') }),
        order('a', 2),
        order('b', 2),
        order('c', 2),
        order('d', 2),
        order('e', 2),
        order('f', 2),
      ],
      {
        now: day('07:00'),
        waves: [
          { id: 'W1', releaseAt: day('08:00') },
          { id: 'W2', releaseAt: day('10:00') },
        ],
        capacity: { lines: 4 },
      },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.placements.length).toBe(8);
    expect(r.value.unplaced.map((p) => [p.orderId, p.unplacedReason])).toEqual([
      ['after-last', 'not_released'],
      ['e', 'no_room'],
      ['f', 'no_room'],
      ['huge', 'exceeds_wave_capacity'],
    ]);
    expect(r.value.unplaced[1]).toEqual({
      orderId: 'e',
      waveId: null,
      rolled: [
        { waveId: 'W1', reason: 'lines_full' },
        { waveId: 'W2', reason: 'lines_full' },
      ],
      flags: [],
      unplacedReason: 'no_room',
    });
  });

  it('flags orders whose cut-off has passed at `now` (and still plans them)', () => {
    const r = planWaves(
      [order('gone', 1, { carrierCutoff: day('06:00') }), order('fine', 1, { carrierCutoff: day('20:00') })],
      {
        now: day('07:00'),
        waves: slots,
      },
    );
    expect(r.ok && r.value.placements.map((p) => [p.orderId, p.waveId, p.flags])).toEqual([
      ['gone', 'W1', ['past_cutoff', 'misses_cutoff']],
      ['fine', 'W1', []],
    ]);
  });

  it('a wave without capacity is unlimited; a slot capacity overrides options.capacity; orders: 0 closes a wave', () => {
    const r = planWaves([order('a', 50), order('b', 50)], {
      now: day('07:00'),
      waves: [
        { id: 'closed', releaseAt: day('07:30'), capacity: { orders: 0 } },
        { id: 'open', releaseAt: day('08:00'), capacity: {} },
      ],
      capacity: { lines: 1 },
    });
    expect(r.ok && r.value.waves.map((w) => w.orders.length)).toEqual([0, 2]);
    expect(r.ok && r.value.placements[0]?.rolled).toEqual([{ waveId: 'closed', reason: 'orders_full' }]);
  });

  it('never mutates its input and returns the caller’s order objects', () => {
    const orders = deepFreeze([order('a', 2, { carrierCutoff: day('12:00') }), order('b', 1)]);
    const options = deepFreeze({ now: day('07:00'), waves: [...slots], capacity: { orders: 1 } });
    const r = planWaves(orders, options);
    expect(r.ok && r.value.waves[0]?.orders[0]).toBe(orders[0]);
  });

  it('refuses bad input with a typed error naming the field', () => {
    const ok = { now: day('07:00'), waves: slots };
    const cases: [unknown, unknown, string, string][] = [
      [null, ok, 'invalid_order', 'orders'],
      [[null], ok, 'invalid_order', 'orders[0]'],
      [[{ id: '', picks: [] }], ok, 'invalid_order', 'orders[0].id'],
      [[order('a', 1), order('a', 1)], ok, 'invalid_order', 'orders[1].id'],
      [[{ id: 'a', picks: 'x' }], ok, 'invalid_order', 'orders[0].picks'],
      [[{ id: 'a', picks: [pick('p', -1)] }], ok, 'invalid_order', 'orders[0].picks[0].quantity'],
      [[{ id: 'a', picks: [], items: 1.5 }], ok, 'invalid_order', 'orders[0].items'],
      [[{ id: 'a', picks: [], priority: Number.NaN }], ok, 'invalid_order', 'orders[0].priority'],
      [[{ id: 'a', picks: [], carrierCutoff: '2026-11-23T10:00' }], ok, 'invalid_order', 'orders[0].carrierCutoff'],
      [[{ id: 'a', picks: [], releasedAt: '2026-02-30T10:00:00Z' }], ok, 'invalid_order', 'orders[0].releasedAt'],
      [[], null, 'invalid_options', 'options'],
      [[], { ...ok, now: 'today' }, 'invalid_options', 'options.now'],
      [[], { ...ok, waves: [] }, 'invalid_options', 'options.waves'],
      [[], { ...ok, waves: [slots[0], slots[0]] }, 'invalid_options', 'options.waves[1].id'],
      [[], { ...ok, waves: [{ id: 'w', releaseAt: 1 }] }, 'invalid_options', 'options.waves[0].releaseAt'],
      [
        [],
        { ...ok, waves: [{ id: 'w', releaseAt: day('10:00'), dueBy: day('09:00') }] },
        'invalid_options',
        'options.waves[0].dueBy',
      ],
      [
        [],
        { ...ok, waves: [{ id: 'w', releaseAt: day('10:00'), capacity: { items: -1 } }] },
        'invalid_options',
        'options.waves[0].capacity.items',
      ],
      [[], { ...ok, capacity: { orders: Number.POSITIVE_INFINITY } }, 'invalid_options', 'options.capacity.orders'],
    ];
    for (const [orders, options, code, field] of cases) {
      const r = planWaves(orders as never, options as never);
      expect(r.ok, field).toBe(false);
      if (r.ok) continue;
      expect(isOrdercoreError(r.error)).toBe(true);
      expect([r.error.code, r.error.details['field']]).toEqual([code, field]);
      expect(r.error.message.startsWith(`${field}: `)).toBe(true);
    }
  });

  it('a SKU or order id named __proto__ is just an id', () => {
    const r = planWaves([order('__proto__', 1), order('constructor', 1)], { now: day('07:00'), waves: slots });
    expect(r.ok && r.value.placements.map((p) => p.orderId)).toEqual(['__proto__', 'constructor']);
  });
});

describe('planAndBatchWaves', () => {
  const layout = {
    aisles: 3,
    cellsPerSide: 10,
    cellLength: 1,
    aisleSpacing: 3,
    frontMargin: 1,
    backMargin: 1,
    depot: { aisle: 0 },
  };
  it('names the wave when a wave cannot be batched, and refuses non-object options', () => {
    const r = planAndBatchWaves(layout, [order('big', 5)], {
      now: day('07:00'),
      waves: [{ id: 'W9', releaseAt: day('08:00') }],
      batching: { capacity: { items: 2 }, policy: 'return', method: 'fcfs' },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.details['waveId']).toBe('W9');
    expect(r.error.message.startsWith('wave "W9": ')).toBe(true);
    const bad = planAndBatchWaves(layout, [], null as never);
    expect(!bad.ok && bad.error.code).toBe('invalid_options');
  });
});
