import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOrdercoreError } from '../../src/core/errors.js';
import { ABC_STORAGE_CLASSES, pickingInstance, pickingInstanceArbitrary } from '../../src/testing/pickingInstances.js';

const key = (l: { aisle: number; cell: number; side?: string }) => `${l.aisle}/${l.cell}/${l.side}`;

describe('pickingInstance', () => {
  it('is the benchmark warehouse: 10 aisles × 90 locations (45 cells per side), depot left or centre', () => {
    const { layout } = pickingInstance({ seed: 1, orders: 1 });
    expect(layout).toEqual({
      aisles: 10,
      cellsPerSide: 45,
      cellLength: 1,
      aisleSpacing: 5,
      frontMargin: 1,
      backMargin: 1,
      depot: { aisle: 0 },
    });
    expect(pickingInstance({ seed: 1, orders: 1, depot: 'center' }).layout.depot).toEqual({ aisle: 4.5 });
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = pickingInstance({ seed: 123 });
    expect(JSON.stringify(pickingInstance({ seed: 123 }))).toBe(JSON.stringify(a));
    expect(JSON.stringify(pickingInstance({ seed: 124 }))).not.toBe(JSON.stringify(a));
    // Pinned: a change of the generator changes every published measurement, so it must be deliberate.
    expect([a.orders.length, a.capacity.items, a.orders[0]?.picks.length]).toEqual([83, 30, 15]);
    expect(a.orders[0]?.picks[0]).toEqual({
      id: 'o001-1',
      location: { aisle: 5, cell: 4, side: 'left' },
      sku: 'SKU-5-L-4',
      quantity: 1,
    });
  });

  it('draws the order count from 20–100 and the capacity from 30, 45, 60, 75 by default', () => {
    const counts = new Set<number>();
    const capacities = new Set<number>();
    for (let seed = 0; seed < 200; seed++) {
      const { orders, capacity } = pickingInstance({ seed, minItems: 1, maxItems: 1 });
      counts.add(orders.length);
      capacities.add(capacity.items);
    }
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...counts)).toBeLessThanOrEqual(100);
    expect(counts.size).toBeGreaterThan(50);
    expect([...capacities].sort((a, b) => a - b)).toEqual([30, 45, 60, 75]);
  });

  it('respects the parameters: order count, items per order, distinct locations, ids, SKUs, one item per pick', () => {
    const { layout, orders } = pickingInstance({ seed: 9, orders: 60, minItems: 5, maxItems: 25 });
    expect(orders).toHaveLength(60);
    expect(orders[0]?.id).toBe('o001');
    expect(orders[59]?.id).toBe('o060');
    const sizes = orders.map((o) => o.picks.length);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(25);
    expect(new Set(sizes).size).toBeGreaterThan(8);
    for (const order of orders) {
      expect(new Set(order.picks.map((p) => key(p.location))).size).toBe(order.picks.length);
      order.picks.forEach((p, i) => {
        expect(p.id).toBe(`${order.id}-${i + 1}`);
        expect(p.quantity).toBe(1);
        expect(p.sku).toBe(`SKU-${p.location.aisle}-${p.location.side === 'right' ? 'R' : 'L'}-${p.location.cell}`);
        expect(p.location.aisle).toBeGreaterThanOrEqual(0);
        expect(p.location.aisle).toBeLessThan(layout.aisles);
        expect(p.location.cell).toBeGreaterThanOrEqual(0);
        expect(p.location.cell).toBeLessThan(layout.cellsPerSide);
      });
    }
  });

  it('uniform storage spreads picks over the aisles', () => {
    const { orders } = pickingInstance({ seed: 5, orders: 400, storage: 'uniform' });
    const perAisle = new Array<number>(10).fill(0);
    let total = 0;
    for (const o of orders)
      for (const p of o.picks) {
        perAisle[p.location.aisle] = (perAisle[p.location.aisle] ?? 0) + 1;
        total++;
      }
    for (const n of perAisle) expect(Math.abs(n / total - 0.1)).toBeLessThan(0.02);
  });

  it('class-based storage: about 80 % of the picks fall on the 20 % of locations nearest the depot', () => {
    const ranked: string[] = [];
    // The nearest 20 % by walking distance (|Δx| + depth), ties by aisle, cell, side: recomputed here.
    const all: { k: string; d: number; a: number; c: number; s: number }[] = [];
    for (let a = 0; a < 10; a++)
      for (let c = 0; c < 45; c++)
        for (const [s, side] of [
          [0, 'left'],
          [1, 'right'],
        ] as const)
          all.push({ k: `${a}/${c}/${side}`, d: a * 5 + 1 + c + 0.5, a, c, s });
    all.sort((x, y) => x.d - y.d || x.a - y.a || x.c - y.c || x.s - y.s);
    for (const e of all) ranked.push(e.k);
    const classA = new Set(ranked.slice(0, 180));
    const classB = new Set(ranked.slice(180, 450));
    const share = (storage: 'uniform' | 'class_based', set: Set<string>) => {
      const { orders } = pickingInstance({ seed: 17, orders: 400, storage });
      let inSet = 0;
      let total = 0;
      for (const o of orders)
        for (const p of o.picks) {
          total++;
          if (set.has(key(p.location))) inSet++;
        }
      return inSet / total;
    };
    expect(Math.abs(share('class_based', classA) - 0.8)).toBeLessThan(0.02);
    expect(Math.abs(share('class_based', classB) - 0.15)).toBeLessThan(0.02);
    expect(Math.abs(share('uniform', classA) - 0.2)).toBeLessThan(0.02);
    // A measurable effect on travel: the mean walking distance of a pick from the depot drops.
    const meanDepth = (storage: 'uniform' | 'class_based') => {
      const { orders } = pickingInstance({ seed: 17, orders: 200, storage });
      const picks = orders.flatMap((o) => o.picks);
      return picks.reduce((s, p) => s + p.location.aisle * 5 + p.location.cell, 0) / picks.length;
    };
    expect(meanDepth('class_based')).toBeLessThan(0.6 * meanDepth('uniform'));
  });

  it('takes custom classes and smaller layouts (Henn & Wäscher style 10/30/60 %)', () => {
    const classes = [
      { locations: 0.1, picks: 0.52 },
      { locations: 0.3, picks: 0.36 },
      { locations: 0.6, picks: 0.12 },
    ];
    const { layout, orders } = pickingInstance({ seed: 2, orders: 30, storage: 'class_based', classes });
    expect(orders).toHaveLength(30);
    expect(layout.cellsPerSide).toBe(45);
    const tiny = pickingInstance({
      seed: 2,
      orders: 5,
      aisles: 2,
      locationsPerAisle: 4,
      minItems: 8,
      maxItems: 8,
      storage: 'class_based',
    });
    // 8 locations, 8 items per order: every location exactly once, even though class A has 2 locations.
    for (const o of tiny.orders) expect(new Set(o.picks.map((p) => key(p.location))).size).toBe(8);
    expect(ABC_STORAGE_CLASSES.reduce((s, c) => s + c.picks, 0)).toBeCloseTo(1, 12);
  });

  it('refuses bad options with a PickingError naming the option, never a TypeError', () => {
    const bad: unknown[] = [
      { orders: -1 },
      { orders: 1.5 },
      { minItems: 0 },
      { minItems: 6, maxItems: 5 },
      { maxItems: 901 },
      { aisles: 0 },
      { locationsPerAisle: 91 },
      { capacity: 0 },
      { seed: Number.NaN },
      { storage: 'abc' },
      { depot: 'right' },
      { storage: 'class_based', classes: [] },
      { storage: 'class_based', classes: [{ locations: 0.5, picks: 1 }] },
      { storage: 'class_based', classes: [{ locations: 1, picks: 0.5 }] },
      { storage: 'class_based', classes: [null] },
    ];
    for (const options of bad) {
      let thrown: unknown;
      try {
        pickingInstance(options as never);
      } catch (e) {
        thrown = e;
      }
      expect(isOrdercoreError(thrown), JSON.stringify(options)).toBe(true);
      expect((thrown as { code: string }).code).toBe('invalid_options');
      expect((thrown as Error).message).toMatch(/^options\./);
    }
  });

  it('the arbitrary stays inside its ranges and is reproducible from the fast-check seed', () => {
    const arb = pickingInstanceArbitrary({ minOrders: 3, maxOrders: 8, minCapacity: 10, maxCapacity: 20, maxItems: 9 });
    const a = fc.sample(arb, { numRuns: 30, seed: 11 });
    expect(JSON.stringify(fc.sample(arb, { numRuns: 30, seed: 11 }))).toBe(JSON.stringify(a));
    for (const instance of a) {
      expect(instance.orders.length).toBeGreaterThanOrEqual(3);
      expect(instance.orders.length).toBeLessThanOrEqual(8);
      expect(instance.capacity.items).toBeGreaterThanOrEqual(10);
      expect(instance.capacity.items).toBeLessThanOrEqual(20);
      for (const o of instance.orders) expect(o.picks.length).toBeLessThanOrEqual(9);
    }
  });
});
