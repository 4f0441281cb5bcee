import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchOrders } from '../../src/picking/batching/batchOrders.js';
import { planAndBatchWaves } from '../../src/picking/waves/planAndBatchWaves.js';
import { planWaves } from '../../src/picking/waves/planWaves.js';
import type { WaveCapacity, WaveOrder, WavePlanOptions } from '../../src/picking/waves/types.js';
import { pickingInstance } from '../../src/testing/pickingInstances.js';

const hour = (h: number) => `2026-11-23T${String(h).padStart(2, '0')}:00:00Z`;
const capacityArb: fc.Arbitrary<WaveCapacity> = fc.record(
  {
    orders: fc.integer({ min: 0, max: 8 }),
    items: fc.integer({ min: 0, max: 120 }),
    lines: fc.integer({ min: 0, max: 120 }),
  },
  { requiredKeys: [] },
);

/** Generated instances with cut-offs, priorities and release times drawn on top, and a set of waves. */
const scenario = fc
  .record({
    seed: fc.nat(),
    count: fc.integer({ min: 0, max: 30 }),
    extras: fc.array(
      fc.record(
        {
          carrierCutoff: fc.integer({ min: 6, max: 20 }).map(hour),
          priority: fc.integer({ min: -2, max: 2 }),
          releasedAt: fc.integer({ min: 5, max: 16 }).map(hour),
        },
        { requiredKeys: [] },
      ),
      { minLength: 30, maxLength: 30 },
    ),
    waves: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom('W1', 'W2', 'W3', 'W4', 'W5'),
        release: fc.integer({ min: 6, max: 16 }),
        capacity: fc.option(capacityArb, { nil: undefined }),
      }),
      { minLength: 1, maxLength: 5, selector: (w) => w.id },
    ),
    capacity: capacityArb,
  })
  .map(({ seed, count, extras, waves, capacity }) => {
    const { orders: base } = pickingInstance({ seed, orders: count, minItems: 1, maxItems: 8 });
    const orders: WaveOrder[] = base.map((o, i) => ({ ...o, ...extras[i] }));
    const options: WavePlanOptions = {
      now: hour(9),
      waves: waves.map((w) => ({
        id: w.id,
        releaseAt: hour(w.release),
        ...(w.capacity === undefined ? {} : { capacity: w.capacity }),
      })),
      capacity,
    };
    return { orders, options };
  });

const itemsOf = (o: WaveOrder) => o.items ?? o.picks.reduce((s, p) => s + (p.quantity ?? 1), 0);

describe('planWaves properties', () => {
  it('every order is in exactly one wave or reported unplaced; capacities and release times hold', () => {
    fc.assert(
      fc.property(scenario, ({ orders, options }) => {
        const r = planWaves(orders, options);
        if (!r.ok) return false;
        const { waves, placements, unplaced } = r.value;
        const seen = new Map<string, string | null>();
        for (const wave of waves) {
          for (const o of wave.orders) {
            expect(seen.has(o.id)).toBe(false);
            seen.set(o.id, wave.id);
          }
          const cap = wave.capacity;
          expect(wave.load.orders).toBe(wave.orders.length);
          expect(wave.load.items).toBe(wave.orders.reduce((s, o) => s + itemsOf(o), 0));
          expect(wave.load.lines).toBe(wave.orders.reduce((s, o) => s + o.picks.length, 0));
          if (cap.orders !== undefined) expect(wave.load.orders).toBeLessThanOrEqual(cap.orders);
          if (cap.items !== undefined) expect(wave.load.items).toBeLessThanOrEqual(cap.items);
          if (cap.lines !== undefined) expect(wave.load.lines).toBeLessThanOrEqual(cap.lines);
          for (const o of wave.orders) {
            if (o.releasedAt !== undefined)
              expect(Date.parse(o.releasedAt)).toBeLessThanOrEqual(Date.parse(wave.releaseAt));
          }
        }
        for (const u of unplaced) {
          expect(seen.has(u.orderId)).toBe(false);
          seen.set(u.orderId, null);
        }
        expect(seen.size).toBe(orders.length);
        expect(placements.map((p) => p.orderId).sort()).toEqual(orders.map((o) => o.id).sort());
        for (const p of placements) expect(p.waveId).toBe(seen.get(p.orderId));
        return true;
      }),
      { numRuns: 150, seed: 6 },
    );
  });

  it('is deterministic and does not depend on the order of the orders or of the waves', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ orders, options }, k) => {
        const a = planWaves(orders, options);
        const shuffled = [...orders]
          .map((o, i) => ({ o, key: (i * 7919 + k) % 1009 }))
          .sort((x, y) => x.key - y.key)
          .map((x) => x.o);
        const b = planWaves(shuffled, { ...options, waves: [...options.waves].reverse() });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        expect(JSON.stringify(planWaves(orders, options))).toBe(JSON.stringify(a));
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('an order only rolls past a wave it could not join (with the right reason)', () => {
    fc.assert(
      fc.property(scenario, ({ orders, options }) => {
        const r = planWaves(orders, options);
        if (!r.ok) return false;
        const byId = new Map(orders.map((o) => [o.id, o]));
        // Replay the plan: every roll must be justified by the wave's load at that moment.
        const loads = new Map(
          r.value.waves.map((w) => [w.id, { orders: 0, items: 0, lines: 0, cap: w.capacity, release: w.releaseAt }]),
        );
        for (const p of r.value.placements) {
          const o = byId.get(p.orderId) as WaveOrder;
          for (const roll of p.rolled) {
            const w = loads.get(roll.waveId);
            if (w === undefined) return false;
            if (roll.reason === 'not_released')
              expect(Date.parse(o.releasedAt ?? '')).toBeGreaterThan(Date.parse(w.release));
            if (roll.reason === 'orders_full')
              expect(w.orders + 1).toBeGreaterThan(w.cap.orders ?? Number.POSITIVE_INFINITY);
            if (roll.reason === 'items_full')
              expect(w.items + itemsOf(o)).toBeGreaterThan(w.cap.items ?? Number.POSITIVE_INFINITY);
            if (roll.reason === 'lines_full')
              expect(w.lines + o.picks.length).toBeGreaterThan(w.cap.lines ?? Number.POSITIVE_INFINITY);
          }
          if (p.waveId !== null) {
            const w = loads.get(p.waveId);
            if (w === undefined) return false;
            w.orders += 1;
            w.items += itemsOf(o);
            w.lines += o.picks.length;
          }
        }
        return true;
      }),
      { numRuns: 100, seed: 8 },
    );
  });
});

describe('planAndBatchWaves', () => {
  it('is planWaves followed by batchOrders on each wave, each order batched exactly once', () => {
    fc.assert(
      fc.property(scenario, ({ orders, options }) => {
        const batching = { capacity: { items: 10 }, policy: 's_shape' as const, method: 'savings' as const };
        const { layout } = pickingInstance({ orders: 0 });
        const r = planAndBatchWaves(layout, orders, { ...options, batching });
        const plan = planWaves(orders, options);
        if (!r.ok || !plan.ok) return false;
        expect(r.value.plan).toEqual(plan.value);
        const expected = plan.value.waves
          .filter((w) => w.orders.length > 0)
          .map((w) => {
            const b = batchOrders(layout, w.orders, batching);
            if (!b.ok) throw b.error;
            return { waveId: w.id, batching: b.value };
          });
        expect(r.value.batches).toEqual(expected);
        const batched = r.value.batches.flatMap((b) => b.batching.batches.flatMap((x) => x.orderIds));
        const planned = plan.value.waves.flatMap((w) => w.orders.map((o) => o.id));
        expect([...batched].sort()).toEqual([...planned].sort());
        expect(r.value.totalLength).toBeCloseTo(
          expected.reduce((s, b) => s + b.batching.totalLength, 0),
          9,
        );
        return true;
      }),
      { numRuns: 25, seed: 9 },
    );
  });
});
