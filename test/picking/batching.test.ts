// Worked examples for every batching method (lengths computed by hand under the return policy, see
// batchingFixtures.ts), option and order validation, hostile input, and the exact solver against a
// brute force.
import { describe, expect, it } from 'vitest';
import {
  type BatchOrder,
  type BatchOrdersOptions,
  type BatchPlan,
  batchOrders,
  EXACT_BATCHING_MAX_ORDERS,
  PickingError,
} from '../../src/picking/index.js';
import { batchPlanViolations } from '../../src/testing/pickingBatching.js';
import { bruteForceBest, deepFreeze, LAYOUT, P, PQRT, pick, Q, R, T } from './batchingFixtures.js';

function plan(r: ReturnType<typeof batchOrders>): BatchPlan {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}
function failure(r: ReturnType<typeof batchOrders>): PickingError {
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('expected an error');
  expect(r.error).toBeInstanceOf(PickingError);
  return r.error;
}
const ids = (p: BatchPlan): string[][] => p.batches.map((b) => [...b.orderIds]);
const two = { capacity: { items: 2 }, policy: 'return' } as const;
const three = { capacity: { items: 3 }, policy: 'return' } as const;

describe('fcfs', () => {
  it('is first fit in arrival order (an order goes back to an earlier batch with room)', () => {
    const a: BatchOrder = { id: 'a', picks: [pick('a1', 1, 0, 3)] };
    const b: BatchOrder = { id: 'b', picks: [pick('b1', 2, 0, 3)] };
    const c: BatchOrder = { id: 'c', picks: [pick('c1', 1, 0, 1)] };
    const p = plan(batchOrders(LAYOUT, [a, b, c], { capacity: { items: 4 }, policy: 'return', method: 'fcfs' }));
    // Next fit would give [a], [b, c].
    expect(ids(p)).toEqual([['a', 'c'], ['b']]);
    // [a, c]: 2 × 3 + 2 × 1.5 = 9; [b]: 2 × 6 + 2 × 1.5 = 15.
    expect(p.batches.map((x) => x.length)).toEqual([9, 15]);
    expect(p.totalLength).toBe(24);
    expect(p.batches.map((x) => x.load)).toEqual([{ items: 4 }, { items: 3 }]);
    expect(p.method).toBe('fcfs');
    expect(p.startLength).toBeUndefined();
  });

  it('pairs the orders as they arrive: P+Q, R+T (25 + 44)', () => {
    const p = plan(batchOrders(LAYOUT, PQRT, { ...two, method: 'fcfs' }));
    expect(ids(p)).toEqual([
      ['P', 'Q'],
      ['R', 'T'],
    ]);
    expect(p.batches.map((x) => x.length)).toEqual([25, 44]);
    expect(p.totalLength).toBe(69);
  });

  it('follows the arrival order given', () => {
    const p = plan(batchOrders(LAYOUT, [P, T, Q, R], { ...two, method: 'fcfs' }));
    expect(ids(p)).toEqual([
      ['P', 'T'],
      ['Q', 'R'],
    ]);
    expect(p.totalLength).toBe(69);
  });
});

describe('seed', () => {
  const cases: [BatchOrdersOptions['seedRule'], BatchOrdersOptions['additionRule'], string[][], number][] = [
    // P (3 picks) seeds; T adds least (+17: 24 vs 7); then Q (2 picks) seeds and takes R.
    [
      'most_picks',
      'smallest_added_distance',
      [
        ['P', 'T'],
        ['Q', 'R'],
      ],
      69,
    ],
    // R (19.5 m away) seeds; T adds least (+5: 44 vs 39); then Q (7.5 m) seeds and takes P.
    [
      'farthest',
      'smallest_added_distance',
      [
        ['P', 'Q'],
        ['R', 'T'],
      ],
      69,
    ],
    // Q (2 aisles) seeds; T adds least (+2: 20 vs 18); P and R tie on aisles: P (smaller id) seeds.
    [
      'most_aisles',
      'smallest_added_distance',
      [
        ['P', 'R'],
        ['Q', 'T'],
      ],
      66,
    ],
    // P seeds (aisle 0); nobody shares it, R and T add one aisle each: R (smaller id) joins.
    [
      'most_picks',
      'most_shared_aisles',
      [
        ['P', 'R'],
        ['Q', 'T'],
      ],
      66,
    ],
  ];
  it.each(cases)('seed rule %s, addition rule %s', (seedRule, additionRule, batches, total) => {
    const options: BatchOrdersOptions = {
      ...two,
      method: 'seed',
      ...(seedRule === undefined ? {} : { seedRule }),
      ...(additionRule === undefined ? {} : { additionRule }),
    };
    const p = plan(batchOrders(LAYOUT, PQRT, options));
    expect(ids(p)).toEqual(batches);
    expect(p.totalLength).toBe(total);
  });

  it('defaults to farthest + smallest added distance', () => {
    const p = plan(batchOrders(LAYOUT, PQRT, { ...two, method: 'seed' }));
    expect(ids(p)).toEqual([
      ['P', 'Q'],
      ['R', 'T'],
    ]);
  });
});

describe('savings', () => {
  it('merges the largest saving first: Q+T (18 + 17 − 20 = 15), then P+R (saving 0)', () => {
    const p = plan(batchOrders(LAYOUT, PQRT, { ...two, method: 'savings' }));
    expect(ids(p)).toEqual([
      ['P', 'R'],
      ['Q', 'T'],
    ]);
    expect(p.batches.map((x) => x.length)).toEqual([46, 20]);
    expect(p.totalLength).toBe(66);
  });

  it('recomputes the merged batch’s savings: QT + R saves 20 + 39 − 47 = 12 with room for three', () => {
    const p = plan(batchOrders(LAYOUT, PQRT, { ...three, method: 'savings' }));
    expect(ids(p)).toEqual([['P'], ['Q', 'R', 'T']]);
    expect(p.totalLength).toBe(54);
  });

  it('gives the same batches whatever order the orders come in', () => {
    const a = plan(batchOrders(LAYOUT, PQRT, { ...three, method: 'savings' }));
    const b = plan(batchOrders(LAYOUT, [T, R, Q, P], { ...three, method: 'savings' }));
    expect(ids(b)).toEqual([['Q', 'R', 'T'].reverse(), ['P']]);
    expect(b.totalLength).toBe(a.totalLength);
  });
});

describe('local search', () => {
  it('improves FCFS by the swap P ↔ T (69 → 66) and reports its start', () => {
    const p = plan(batchOrders(LAYOUT, PQRT, { ...two, method: 'local_search', start: 'fcfs' }));
    expect(ids(p)).toEqual([
      ['P', 'R'],
      ['Q', 'T'],
    ]);
    expect(p.totalLength).toBe(66);
    expect(p.startLength).toBe(69);
    expect(p.iterations).toBe(1);
    expect(p.stoppedBy).toBe('local_optimum');
  });

  it('first improvement takes the first improving shift, best improvement the best move', () => {
    // FCFS with room for three: [P, Q, R] 52 + [T] 17 = 69. First improvement: shift Q to T
    // ([P, R] 46 + [Q, T] 20 = 66), then shift R over ([P] 7 + [Q, R, T] 47 = 54). Best improvement:
    // the swap P ↔ T (−15) beats that shift (−3) and gets to 54 in one move.
    const first = plan(batchOrders(LAYOUT, PQRT, { ...three, method: 'local_search', start: 'fcfs' }));
    const best = plan(
      batchOrders(LAYOUT, PQRT, { ...three, method: 'local_search', start: 'fcfs', improvement: 'best' }),
    );
    for (const p of [first, best]) {
      expect(p.startLength).toBe(69);
      expect(p.totalLength).toBe(54);
      expect(ids(p)).toEqual([['P'], ['Q', 'R', 'T']]);
    }
    expect(first.iterations).toBe(2);
    expect(best.iterations).toBe(1);
  });

  it('stops at maxIterations moves, or at once when the time budget is spent', () => {
    const none = plan(batchOrders(LAYOUT, PQRT, { ...two, method: 'local_search', start: 'fcfs', maxIterations: 0 }));
    expect(none.totalLength).toBe(69);
    expect(none.stoppedBy).toBe('max_iterations');
    let now = 0;
    const clock = (): number => {
      now += 1;
      return now;
    };
    const timed = plan(
      batchOrders(LAYOUT, PQRT, { ...two, method: 'local_search', start: 'fcfs', timeBudgetMs: 0, clock }),
    );
    expect(timed.totalLength).toBe(69);
    expect(timed.stoppedBy).toBe('time_budget');
    expect(timed.iterations).toBe(0);
  });
});

describe('iterated local search', () => {
  it('reaches the optimum of the worked example and counts its rounds', () => {
    const p = plan(
      batchOrders(LAYOUT, PQRT, { ...three, method: 'iterated_local_search', start: 'fcfs', maxIterations: 10 }),
    );
    expect(p.totalLength).toBe(54);
    expect(p.startLength).toBe(69);
    expect(p.iterations).toBe(10);
    expect(p.stoppedBy).toBe('max_iterations');
  });

  it('is deterministic for a seed and stops on the injected clock', () => {
    const orders: BatchOrder[] = Array.from({ length: 12 }, (_, i) => ({
      id: `o${i}`,
      picks: [pick(`o${i}a`, i % 4, (i * 7) % 10), pick(`o${i}b`, (i * 3) % 4, (i * 5) % 10)],
    }));
    const options: BatchOrdersOptions = {
      capacity: { items: 6 },
      policy: 'return',
      method: 'iterated_local_search',
      start: 'fcfs',
      seed: 99,
      maxIterations: 30,
    };
    const a = plan(batchOrders(LAYOUT, orders, options));
    const b = plan(batchOrders(LAYOUT, orders, options));
    expect(b).toEqual(a);
    expect(a.totalLength).toBeLessThanOrEqual(a.startLength as number);
    let now = 0;
    const clock = (): number => {
      now += 1;
      return now;
    };
    const timed = plan(batchOrders(LAYOUT, orders, { ...options, maxIterations: 1_000_000, timeBudgetMs: 50, clock }));
    expect(timed.stoppedBy).toBe('time_budget');
    expect(timed.iterations).toBeLessThan(50);
    expect(batchPlanViolations(orders, options.capacity, timed)).toEqual([]);
  });
});

describe('exact', () => {
  it('finds the optimum of the worked examples (66 in pairs, 54 with room for three)', () => {
    expect(plan(batchOrders(LAYOUT, PQRT, { ...two, method: 'exact' })).totalLength).toBe(66);
    const p = plan(batchOrders(LAYOUT, PQRT, { ...three, method: 'exact' }));
    expect(ids(p)).toEqual([['P'], ['Q', 'R', 'T']]);
    expect(p.totalLength).toBe(54);
  });

  it('agrees with a brute force over every partition', () => {
    const orders: BatchOrder[] = Array.from({ length: 7 }, (_, i) => ({
      id: `o${i}`,
      picks: [pick(`o${i}a`, (i * 3) % 4, (i * 7) % 10, 1 + (i % 2)), pick(`o${i}b`, i % 4, (i * 5) % 10)],
    }));
    for (const policy of ['return', 's_shape', 'largest_gap', 'optimal'] as const) {
      const p = plan(batchOrders(LAYOUT, orders, { capacity: { items: 7 }, policy, method: 'exact' }));
      expect(p.totalLength).toBeCloseTo(bruteForceBest(LAYOUT, orders, { items: 7 }, policy), 9);
      expect(batchPlanViolations(orders, { items: 7 }, p)).toEqual([]);
    }
  });

  it(`refuses more than ${EXACT_BATCHING_MAX_ORDERS} orders`, () => {
    const orders: BatchOrder[] = Array.from({ length: EXACT_BATCHING_MAX_ORDERS + 1 }, (_, i) => ({
      id: `o${i}`,
      picks: [],
      items: 1,
    }));
    const e = failure(batchOrders(LAYOUT, orders, { ...two, method: 'exact' }));
    expect(e.code).toBe('instance_too_large');
    expect(e.details['maximum']).toBe(EXACT_BATCHING_MAX_ORDERS);
    expect(plan(batchOrders(LAYOUT, orders.slice(1), { ...two, method: 'exact' })).batches).toHaveLength(8);
  });
});

describe('every method', () => {
  const methods = ['fcfs', 'seed', 'savings', 'local_search', 'iterated_local_search', 'exact'] as const;

  it.each(methods)('%s: routes each batch over all its picks; no orders, no batches', (method) => {
    const p = plan(batchOrders(LAYOUT, PQRT, { ...three, method }));
    expect(batchPlanViolations(PQRT, three.capacity, p)).toEqual([]);
    for (const batch of p.batches) {
      expect(batch.route.policy).toBe('return');
      expect(batch.route.stops.map((s) => s.id).sort()).toEqual(
        PQRT.filter((o) => batch.orderIds.includes(o.id))
          .flatMap((o) => o.picks.map((x) => x.id))
          .sort(),
      );
    }
    expect(plan(batchOrders(LAYOUT, [], { ...three, method }))).toMatchObject({ batches: [], totalLength: 0 });
  });

  it.each(methods)('%s: respects a weight limit as well as the item limit', (method) => {
    const heavy = PQRT.map((o, i) => ({ ...o, weight: [6, 6, 5, 5][i] as number }));
    const p = plan(batchOrders(LAYOUT, heavy, { capacity: { items: 3, weight: 11 }, policy: 'return', method }));
    expect(batchPlanViolations(heavy, { items: 3, weight: 11 }, p)).toEqual([]);
    for (const batch of p.batches) expect(batch.load.weight).toBeLessThanOrEqual(11);
  });

  it.each(methods)('%s: leaves deep-frozen input untouched and takes any id, __proto__ included', (method) => {
    const orders = deepFreeze(
      PQRT.map((o) => (o.id === 'R' ? { ...o, id: '__proto__' } : o.id === 'T' ? { ...o, id: 'constructor' } : o)),
    );
    const before = JSON.stringify(orders);
    const options = deepFreeze({ ...three, method });
    const layout = deepFreeze({ ...LAYOUT, depot: { ...LAYOUT.depot } });
    const p = plan(batchOrders(layout, orders, options));
    expect(JSON.stringify(orders)).toBe(before);
    expect(p.batches.flatMap((b) => b.orderIds).sort()).toEqual(['P', 'Q', '__proto__', 'constructor']);
    expect(batchPlanViolations(orders, three.capacity, p)).toEqual([]);
  });
});

describe('refusals', () => {
  const ok: BatchOrdersOptions = { ...two, method: 'savings' };
  const hostile: [string, unknown, string][] = [
    ['options', null, 'options'],
    ['options', [], 'options'],
    ['capacity', { ...ok, capacity: null }, 'capacity'],
    ['capacity.items 0', { ...ok, capacity: { items: 0 } }, 'capacity.items'],
    ['capacity.items NaN', { ...ok, capacity: { items: Number.NaN } }, 'capacity.items'],
    ['capacity.items ∞', { ...ok, capacity: { items: Number.POSITIVE_INFINITY } }, 'capacity.items'],
    ['capacity.weight', { ...ok, capacity: { items: 2, weight: -1 } }, 'capacity.weight'],
    ['capacity.volume', { ...ok, capacity: { items: 2, volume: '3' } }, 'capacity.volume'],
    ['policy', { ...ok, policy: 'zigzag' }, 'policy'],
    ['method', { ...ok, method: 'genetic' }, 'method'],
    ['seedRule', { ...ok, seedRule: 'oldest' }, 'seedRule'],
    ['additionRule', { ...ok, additionRule: 'x' }, 'additionRule'],
    ['improvement', { ...ok, improvement: 'worst' }, 'improvement'],
    ['start', { ...ok, start: 'exact' }, 'start'],
    ['seed', { ...ok, seed: Number.NaN }, 'seed'],
    ['maxIterations', { ...ok, maxIterations: -1 }, 'maxIterations'],
    ['maxIterations 1.5', { ...ok, maxIterations: 1.5 }, 'maxIterations'],
    ['timeBudgetMs', { ...ok, timeBudgetMs: -5, clock: () => 0 }, 'timeBudgetMs'],
    ['clock missing', { ...ok, timeBudgetMs: 5 }, 'clock'],
    ['clock', { ...ok, clock: 5 }, 'clock'],
  ];
  it.each(hostile)('invalid_options: %s', (_, options, field) => {
    const e = failure(batchOrders(LAYOUT, PQRT, options as BatchOrdersOptions));
    expect(e.code).toBe('invalid_options');
    expect(e.details['field']).toBe(field);
  });

  const badOrders: [string, unknown, string][] = [
    ['not an array', 'P', 'orders'],
    ['not an object', [P, 7], 'order'],
    ['no id', [{ picks: [] }], 'id'],
    ['empty id', [{ id: '', picks: [] }], 'id'],
    ['repeated id', [P, { ...Q, id: 'P' }], 'id'],
    ['picks not an array', [{ id: 'x', picks: {} }], 'picks'],
    ['repeated pick id', [P, { id: 'x', picks: [pick('P1', 1, 1)] }], 'picks[0].id'],
    ['items negative', [{ ...P, items: -1 }], 'items'],
    ['items NaN', [{ ...P, items: Number.NaN }], 'items'],
    ['weight', [{ ...P, weight: '1' }], 'weight'],
  ];
  it.each(badOrders)('invalid_order: %s', (_, orders, field) => {
    const e = failure(batchOrders(LAYOUT, orders as BatchOrder[], ok));
    expect(e.code).toBe('invalid_order');
    expect(e.details['field']).toBe(field);
  });

  it('names the order whose pick is outside the layout, with the routing error code', () => {
    const e = failure(batchOrders(LAYOUT, [P, { id: 'bad', picks: [pick('b1', 9, 0)] }], ok));
    expect(e.code).toBe('invalid_location');
    expect(e.details['orderId']).toBe('bad');
    expect(e.details['index']).toBe(1);
    expect(e.message).toContain('orders[1]');
  });

  it('passes on routing’s refusal of a bad pick, naming the order', () => {
    const bad = { id: 'x', picks: [{ ...pick('x1', 0, 0), quantity: Number.POSITIVE_INFINITY }] };
    const e = failure(batchOrders(LAYOUT, [P, bad], ok));
    expect(e.code).toBe('invalid_pick');
    expect(e.details['orderId']).toBe('x');
  });

  it('refuses a bad layout even without orders', () => {
    expect(failure(batchOrders({ ...LAYOUT, aisles: 0 }, [], ok)).code).toBe('invalid_layout');
  });

  it('requires every order’s weight when the capacity has one', () => {
    const e = failure(batchOrders(LAYOUT, PQRT, { ...ok, capacity: { items: 2, weight: 5 } }));
    expect(e.code).toBe('invalid_order');
    expect(e.details['field']).toBe('weight');
  });

  it('capacity_exceeded: an order that alone is over the capacity', () => {
    const big: BatchOrder = { id: 'big', picks: [pick('b1', 0, 0, 2), pick('b2', 1, 0, 2)] };
    const e = failure(batchOrders(LAYOUT, [P, big], { ...ok, capacity: { items: 3 } }));
    expect(e.code).toBe('capacity_exceeded');
    expect(e.details).toMatchObject({ orderId: 'big', field: 'items', load: 4, capacity: 3 });
    const w = failure(batchOrders(LAYOUT, [{ ...P, weight: 9 }], { ...ok, capacity: { items: 3, weight: 8 } }));
    expect(w.details).toMatchObject({ orderId: 'P', field: 'weight', load: 9, capacity: 8 });
  });
});
