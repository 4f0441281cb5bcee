import { describe, expect, it } from 'vitest';
import { sourceOrder } from '../../src/inventory/sourcing/sourceOrder.js';
import { sourceOrders } from '../../src/inventory/sourcing/sourceOrders.js';
import type { SourcingLocation, SourcingOrder, SourcingStrategy } from '../../src/inventory/sourcing/types.js';
import { deepFreeze, failure, order, shipments, value } from './sourcingFixtures.js';

const wh = (
  id: string,
  available: Record<string, number>,
  extra: Partial<SourcingLocation> = {},
): SourcingLocation => ({
  id,
  kind: 'warehouse',
  available,
  ...extra,
});

describe('sourceOrder: priority order', () => {
  const locations = [
    wh('dc-east', { MUG: 5, TEA: 0 }, { priority: 1 }),
    wh('dc-west', { MUG: 5, TEA: 9 }, { priority: 2 }),
    wh('dc-north', { MUG: 50, TEA: 50 }),
  ];
  it('fills from the lowest priority number first, line by line, and splits when it must', () => {
    const plan = value(
      sourceOrder(
        order('o-1', [
          ['MUG', 7],
          ['TEA', 1],
        ]),
        locations,
        { rules: 'priority' },
      ),
    );
    // dc-east gives all its 5 mugs; dc-west the remaining 2 mugs and the tea; dc-north (no priority) is not needed.
    expect(shipments(plan)).toEqual(['dc-east: l1×5', 'dc-west: l1×2, l2×1']);
    expect(plan.splits).toBe(1);
    expect(plan.complete).toBe(true);
    expect([plan.requestedUnits, plan.allocatedUnits]).toEqual([8, 8]);
    // Priority 1, 2 and none: normalised 1, 0 and 0 (no value scores 0); dc-north ranks third.
    expect(plan.shipments.map((s) => [s.reason.rank, s.reason.score, s.reason.decision])).toEqual([
      [1, 1, 'rank'],
      [2, 0, 'rank'],
    ]);
    expect(plan.shipments[0]?.reason.scores).toEqual([{ rule: 'priority', weight: 1, value: 1, normalised: 1 }]);
  });

  it('is the default strategy', () => {
    const a = sourceOrder(order('o-1', [['MUG', 7]]), locations);
    const b = sourceOrder(order('o-1', [['MUG', 7]]), locations, { rules: 'priority' });
    expect(a).toEqual(b);
  });

  it('reports what is missing per line when all stock together is not enough', () => {
    const plan = value(
      sourceOrder(
        order('o-1', [
          ['TEA', 70],
          ['MUG', 1],
        ]),
        locations,
      ),
    );
    expect(shipments(plan)).toEqual(['dc-east: l2×1', 'dc-west: l1×9', 'dc-north: l1×50']);
    expect(plan.shortfall).toEqual([
      { lineId: 'l1', sku: 'TEA', requested: 70, allocated: 59, missing: 11, reason: 'insufficient_stock' },
    ]);
    expect(plan.complete).toBe(false);
  });
});

describe('sourceOrder: highest stock', () => {
  it('takes from the location with most of the order SKUs; scores are min-max normalised', () => {
    const locations = [wh('a', { MUG: 3 }), wh('b', { MUG: 8 }), wh('c', { MUG: 5, TEA: 1 })];
    const plan = value(sourceOrder(order('o', [['MUG', 4]]), locations, { rules: 'highest_stock' }));
    expect(shipments(plan)).toEqual(['b: l1×4']);
    // Values over the order's SKUs only (c's TEA is not counted): 3, 8, 5 → 0, 1, 0.4.
    expect(plan.shipments[0]?.reason.scores).toEqual([{ rule: 'highest_stock', weight: 1, value: 8, normalised: 1 }]);
    const more = value(sourceOrder(order('o', [['MUG', 10]]), locations, { rules: 'highest_stock' }));
    expect(shipments(more)).toEqual(['b: l1×8', 'c: l1×2']);
    expect(more.shipments[1]?.reason.score).toBeCloseTo(0.4, 12);
  });
});

describe('sourceOrder: nearest and cheapest', () => {
  const locations = [wh('berlin', { MUG: 2 }), wh('munich', { MUG: 10 }), wh('hamburg', { MUG: 10 })];
  const km: Record<string, Record<string, number>> = {
    berlin: { potsdam: 30, dresden: 190 },
    munich: { potsdam: 560, dresden: 460 },
    hamburg: { potsdam: 300, dresden: 480 },
  };
  const distance = (l: SourcingLocation, destination: unknown) => km[l.id]?.[destination as string] ?? 0;

  it('nearest: the closest location first, the next closest for the rest', () => {
    const plan = value(
      sourceOrder(order('o', [['MUG', 5]], { destination: 'potsdam' }), locations, { rules: 'nearest', distance }),
    );
    expect(shipments(plan)).toEqual(['berlin: l1×2', 'hamburg: l1×3']);
    // 30, 560, 300 km: berlin 1, hamburg (560 − 300) / 530.
    expect(plan.shipments[1]?.reason.scores[0]).toEqual({
      rule: 'nearest',
      weight: 1,
      value: 300,
      normalised: 260 / 530,
    });
    const toDresden = value(
      sourceOrder(order('o', [['MUG', 5]], { destination: 'dresden' }), locations, { rules: 'nearest', distance }),
    );
    expect(shipments(toDresden)).toEqual(['berlin: l1×2', 'munich: l1×3']);
  });

  it('cheapest: the lowest cost the cost function gives', () => {
    const cost = (l: SourcingLocation) => ({ berlin: 9, munich: 4, hamburg: 6 })[l.id] ?? 0;
    const plan = value(sourceOrder(order('o', [['MUG', 5]]), locations, { rules: 'cheapest', cost }));
    expect(shipments(plan)).toEqual(['munich: l1×5']);
  });

  it('the functions receive the location as given, the destination and the order', () => {
    const seen: unknown[] = [];
    const o = order('o', [['MUG', 1]], { destination: { zip: '14467' } });
    sourceOrder(o, locations, {
      rules: 'nearest',
      distance: (l, d, ord) => {
        seen.push([l, d, ord]);
        return 1;
      },
    });
    expect(seen).toEqual(locations.map((l) => [l, { zip: '14467' }, o]));
  });
});

describe('sourceOrder: weighted composition', () => {
  // distance 10 / 20 / 30 and cost 8 / 2 / 5:
  // nearest normalised A 1, B 0.5, C 0; cheapest A 0, B 1, C 0.5.
  const locations = [wh('A', { MUG: 9 }), wh('B', { MUG: 9 }), wh('C', { MUG: 9 })];
  const distance = (l: SourcingLocation) => ({ A: 10, B: 20, C: 30 })[l.id] ?? 0;
  const cost = (l: SourcingLocation) => ({ A: 8, B: 2, C: 5 })[l.id] ?? 0;

  it('nearest × 3 + cheapest × 1: A = 3/4, B = 2.5/4, C = 0.5/4, so A', () => {
    const plan = value(
      sourceOrder(order('o', [['MUG', 12]]), locations, {
        rules: [
          { rule: 'nearest', weight: 3 },
          { rule: 'cheapest', weight: 1 },
        ],
        distance,
        cost,
      }),
    );
    expect(shipments(plan)).toEqual(['A: l1×9', 'B: l1×3']);
    expect(plan.shipments.map((s) => s.reason.score)).toEqual([0.75, 0.625]);
    expect(plan.shipments[1]?.reason.scores).toEqual([
      { rule: 'nearest', weight: 3, value: 20, normalised: 0.5 },
      { rule: 'cheapest', weight: 1, value: 2, normalised: 1 },
    ]);
  });

  it('equal weights: A = 0.5, B = 0.75, C = 0.25, so B', () => {
    const strategy: SourcingStrategy = {
      rules: [
        { rule: 'nearest', weight: 1 },
        { rule: 'cheapest', weight: 1 },
      ],
      distance,
      cost,
    };
    const plan = value(sourceOrder(order('o', [['MUG', 12]]), locations, strategy));
    expect(shipments(plan)).toEqual(['B: l1×9', 'A: l1×3']);
    expect(plan.shipments.map((s) => s.reason.score)).toEqual([0.75, 0.5]);
  });

  it('scaling every weight by the same factor changes nothing', () => {
    const rules = (k: number) => [
      { rule: 'nearest' as const, weight: 1 * k },
      { rule: 'cheapest' as const, weight: 2 * k },
    ];
    const a = value(sourceOrder(order('o', [['MUG', 12]]), locations, { rules: rules(1), distance, cost }));
    const b = value(sourceOrder(order('o', [['MUG', 12]]), locations, { rules: rules(7), distance, cost }));
    expect(shipments(a)).toEqual(shipments(b));
    expect(a.shipments.map((s) => s.reason.score)).toEqual(b.shipments.map((s) => s.reason.score));
  });
});

describe('sourceOrder: tie-breaks', () => {
  it('equal scores: lower priority number, then location id (code-unit order)', () => {
    const locations = [
      wh('b', { MUG: 1 }),
      wh('a', { MUG: 1 }),
      wh('B', { MUG: 1 }),
      wh('c', { MUG: 1 }, { priority: 5 }),
    ];
    // highest_stock: every location has 1 → all normalised 1; c has a priority, the others none; 'B' < 'a' < 'b'.
    const plan = value(sourceOrder(order('o', [['MUG', 4]]), locations, { rules: 'highest_stock' }));
    expect(plan.shipments.map((s) => s.location)).toEqual(['c', 'B', 'a', 'b']);
    const reversed = value(sourceOrder(order('o', [['MUG', 4]]), [...locations].reverse(), { rules: 'highest_stock' }));
    expect(reversed).toEqual(plan);
  });
});

describe('sourceOrder: fewest shipments', () => {
  it('one location that covers the whole order beats a split in priority order', () => {
    const locations = [
      wh('L1', { A: 2, B: 2 }, { priority: 1 }),
      wh('L2', { C: 2 }, { priority: 2 }),
      wh('L3', { A: 2, B: 2, C: 2 }, { priority: 3 }),
    ];
    const o = order('o', [
      ['A', 2],
      ['B', 2],
      ['C', 2],
    ]);
    expect(shipments(value(sourceOrder(o, locations)))).toEqual(['L1: l1×2, l2×2', 'L2: l3×2']);
    const plan = value(sourceOrder(o, locations, { fewestShipments: true }));
    expect(shipments(plan)).toEqual(['L3: l1×2, l2×2, l3×2']);
    expect(plan.shipments[0]?.reason).toMatchObject({ decision: 'single_location', rank: 3 });
    expect(plan.splits).toBe(0);
  });

  it('the smallest covering set, the first one in rank order', () => {
    const locations = [
      wh('L1', { A: 1 }, { priority: 1 }),
      wh('L2', { B: 1 }, { priority: 2 }),
      wh('L3', { C: 1, D: 1 }, { priority: 3 }),
      wh('L4', { A: 1, B: 1 }, { priority: 4 }),
      wh('L5', { C: 1, D: 1, A: 1 }, { priority: 5 }),
    ];
    const o = order('o', [
      ['A', 1],
      ['B', 1],
      ['C', 1],
      ['D', 1],
    ]);
    expect(value(sourceOrder(o, locations)).shipments).toHaveLength(3);
    const plan = value(sourceOrder(o, locations, { fewestShipments: true }));
    // Pairs in rank order: {L1,L2}, {L1,L3}, {L1,L4}, {L1,L5} miss B; {L2,L3} misses A; {L2,L4}
    // misses C and D; {L2,L5} covers (so does {L3,L4}, but it comes later).
    expect(shipments(plan)).toEqual(['L2: l2×1', 'L5: l1×1, l3×1, l4×1']);
    expect(plan.shipments.map((s) => s.reason.decision)).toEqual(['exact_cover', 'exact_cover']);
  });

  it('a greedy cover when no small set among the 12 best-ranked covers the order', () => {
    const skus = ['A', 'B', 'C', 'D', 'E'];
    const fillers = Array.from({ length: 12 }, (_, i) =>
      wh(`F${String(i).padStart(2, '0')}`, { [skus[i % 5] as string]: 1 }, { priority: i }),
    );
    const locations = [
      ...fillers,
      wh('X', { A: 1, B: 1, C: 1 }, { priority: 20 }),
      wh('Y', { D: 1, E: 1 }, { priority: 21 }),
    ];
    const o = order('o', [
      ['A', 1],
      ['B', 1],
      ['C', 1],
      ['D', 1],
      ['E', 1],
    ]);
    expect(value(sourceOrder(o, locations)).shipments).toHaveLength(5);
    const plan = value(sourceOrder(o, locations, { fewestShipments: true }));
    expect(shipments(plan)).toEqual(['X: l1×1, l2×1, l3×1', 'Y: l4×1, l5×1']);
    expect(plan.shipments.map((s) => s.reason.decision)).toEqual(['greedy_cover', 'greedy_cover']);
  });

  it('keeps rank order when it is already fewest, and prefers more units over fewer shipments', () => {
    const locations = [wh('L1', { A: 3 }, { priority: 1 }), wh('L2', { A: 3 }, { priority: 2 })];
    const plan = value(sourceOrder(order('o', [['A', 5]]), locations, { fewestShipments: true }));
    expect(shipments(plan)).toEqual(['L1: l1×3', 'L2: l1×2']);
    const short = value(sourceOrder(order('o', [['A', 9]]), locations, { fewestShipments: true }));
    expect(short.allocatedUnits).toBe(6);
    expect(short.shortfall[0]?.missing).toBe(3);
  });
});

describe('sourceOrder: capacity', () => {
  it('units: a location ships no more units than its capacity', () => {
    const locations = [
      wh('L1', { A: 10 }, { priority: 1, capacity: { units: 3 } }),
      wh('L2', { A: 10 }, { priority: 2 }),
    ];
    expect(shipments(value(sourceOrder(order('o', [['A', 5]]), locations)))).toEqual(['L1: l1×3', 'L2: l1×2']);
  });

  it('lines: a location picks no more order lines than its capacity', () => {
    const locations = [
      wh('L1', { A: 10, B: 10 }, { priority: 1, capacity: { lines: 1 } }),
      wh('L2', { B: 10 }, { priority: 2 }),
    ];
    expect(
      shipments(
        value(
          sourceOrder(
            order('o', [
              ['A', 1],
              ['B', 1],
            ]),
            locations,
          ),
        ),
      ),
    ).toEqual(['L1: l1×1', 'L2: l2×1']);
  });

  it('a shortfall only capacity caused says so', () => {
    const locations = [wh('L1', { A: 10 }, { capacity: { units: 4 } })];
    const plan = value(sourceOrder(order('o', [['A', 6]]), locations));
    expect(plan.shortfall).toEqual([
      { lineId: 'l1', sku: 'A', requested: 6, allocated: 4, missing: 2, reason: 'capacity' },
    ]);
  });

  it('orders: a batch sends later orders elsewhere once a location is full', () => {
    const locations = [
      wh('L1', { A: 10 }, { priority: 1, capacity: { orders: 1 } }),
      wh('L2', { A: 10 }, { priority: 2 }),
    ];
    const batch = value(sourceOrders([order('o1', [['A', 1]]), order('o2', [['A', 1]])], locations));
    expect(batch.plans.map(shipments)).toEqual([['L1: l1×1'], ['L2: l1×1']]);
    expect(batch.locations[0]?.capacity).toEqual({ orders: 0 });
    expect(batch.locations[0]?.available).toEqual({ A: 9 });
    // L2 took one unit: a copy; nothing else changed on it.
    expect(batch.locations[1]).toEqual(wh('L2', { A: 9 }, { priority: 2 }));
  });

  it('a location with no capacity left is not a candidate at all', () => {
    const locations = [
      wh('L1', { A: 10 }, { priority: 1, capacity: { orders: 0 } }),
      wh('L2', { A: 10 }, { priority: 2 }),
    ];
    const plan = value(sourceOrder(order('o', [['A', 1]]), locations));
    expect(plan.shipments.map((s) => [s.location, s.reason.rank])).toEqual([['L2', 1]]);
  });
});

describe('sourceOrder: ship from store', () => {
  const locations: SourcingLocation[] = [
    { id: 'store-1', kind: 'store', available: { A: 5 }, priority: 1 },
    { id: 'store-2', kind: 'store', available: { A: 5 }, priority: 2, shipFromStore: true },
    wh('dc', { A: 5 }, { priority: 3 }),
  ];
  it('a store ships only with shipFromStore: true', () => {
    expect(shipments(value(sourceOrder(order('o', [['A', 7]]), locations)))).toEqual(['store-2: l1×5', 'dc: l1×2']);
  });
  it('strategy.shipFromStore: false turns every store off', () => {
    const plan = value(sourceOrder(order('o', [['A', 7]]), locations, { shipFromStore: false }));
    expect(shipments(plan)).toEqual(['dc: l1×5']);
    expect(plan.shortfall[0]).toMatchObject({ missing: 2, reason: 'insufficient_stock' });
  });
});

describe('sourceOrder: pickup in store', () => {
  const locations: SourcingLocation[] = [
    { id: 'store-1', kind: 'store', available: { A: 2, B: 1 } },
    { id: 'store-2', kind: 'store', available: { A: 9 }, pickup: false },
    wh('dc', { A: 100, B: 100 }, { priority: 1 }),
    wh('dc-counter', { A: 1 }, { pickup: true }),
  ];
  it('all of the order at the pickup location, in one handover', () => {
    const o = order(
      'o',
      [
        ['A', 2],
        ['B', 1],
      ],
      { fulfillment: 'pickup', pickupLocation: 'store-1' },
    );
    const plan = value(sourceOrder(o, locations));
    expect(shipments(plan)).toEqual(['store-1: l1×2, l2×1']);
    expect(plan.fulfillment).toBe('pickup');
    expect(plan.shipments[0]?.reason).toEqual({
      decision: 'pickup',
      rank: 1,
      score: 1,
      scores: [],
      dropShipFallback: false,
    });
  });

  it('or nothing: every line in the shortfall, with its own reason', () => {
    const o = order(
      'o',
      [
        ['A', 3],
        ['B', 1],
      ],
      { fulfillment: 'pickup', pickupLocation: 'store-1' },
    );
    const plan = value(sourceOrder(o, locations));
    expect(plan.shipments).toEqual([]);
    expect(plan.shortfall).toEqual([
      { lineId: 'l1', sku: 'A', requested: 3, allocated: 0, missing: 3, reason: 'insufficient_stock' },
      { lineId: 'l2', sku: 'B', requested: 1, allocated: 0, missing: 1, reason: 'pickup_incomplete' },
    ]);
  });

  it('two lines of one SKU count together', () => {
    const o = order(
      'o',
      [
        ['A', 2],
        ['A', 1],
      ],
      { fulfillment: 'pickup', pickupLocation: 'store-1' },
    );
    expect(value(sourceOrder(o, locations)).shortfall.map((s) => s.reason)).toEqual([
      'pickup_incomplete',
      'insufficient_stock',
    ]);
  });

  it('a location that does not offer pickup: pickup_not_offered (stores offer it by default, others do not)', () => {
    const atStore2 = value(
      sourceOrder(order('o', [['A', 1]], { fulfillment: 'pickup', pickupLocation: 'store-2' }), locations),
    );
    expect(atStore2.shortfall[0]?.reason).toBe('pickup_not_offered');
    const atDc = value(sourceOrder(order('o', [['A', 1]], { fulfillment: 'pickup', pickupLocation: 'dc' }), locations));
    expect(atDc.shortfall[0]?.reason).toBe('pickup_not_offered');
    const atCounter = value(
      sourceOrder(order('o', [['A', 1]], { fulfillment: 'pickup', pickupLocation: 'dc-counter' }), locations),
    );
    expect(shipments(atCounter)).toEqual(['dc-counter: l1×1']);
  });

  it('capacity counts for a pickup too', () => {
    const full: SourcingLocation[] = [{ id: 's', kind: 'store', available: { A: 5 }, capacity: { orders: 0 } }];
    const plan = value(sourceOrder(order('o', [['A', 1]], { fulfillment: 'pickup', pickupLocation: 's' }), full));
    expect(plan.shortfall[0]?.reason).toBe('capacity');
  });

  it('an unknown pickup location is an unknown_location error', () => {
    const e = failure(
      sourceOrder(order('o', [['A', 1]], { fulfillment: 'pickup', pickupLocation: 'nowhere' }), locations),
    );
    expect(e.code).toBe('unknown_location');
    expect(e.details).toEqual({ field: 'order.pickupLocation', location: 'nowhere' });
  });
});

describe('sourceOrder: drop-ship', () => {
  const locations: SourcingLocation[] = [
    { id: 'vendor', kind: 'supplier', available: { A: 100 }, priority: 0, leadTimeDays: 5 },
    wh('dc-1', { A: 3 }, { priority: 1 }),
    wh('dc-2', { A: 2 }, { priority: 2 }),
  ];
  it('after own stock (default): the supplier ships only what warehouses cannot, with its lead time', () => {
    const plan = value(sourceOrder(order('o', [['A', 8]]), locations));
    expect(shipments(plan)).toEqual(['dc-1: l1×3', 'dc-2: l1×2', 'vendor: l1×3']);
    expect(plan.shipments.map((s) => [s.kind, s.leadTimeDays, s.reason.dropShipFallback])).toEqual([
      ['warehouse', 0, false],
      ['warehouse', 0, false],
      ['supplier', 5, true],
    ]);
  });

  it('after own stock with fewest shipments: own stock first, then the fewest suppliers', () => {
    const plan = value(sourceOrder(order('o', [['A', 4]]), locations, { fewestShipments: true }));
    expect(shipments(plan)).toEqual(['dc-1: l1×3', 'dc-2: l1×1']);
  });

  it('ranked: the supplier is a location like any other (here priority 0 wins)', () => {
    const plan = value(sourceOrder(order('o', [['A', 4]]), locations, { dropShip: 'ranked' }));
    expect(shipments(plan)).toEqual(['vendor: l1×4']);
    expect(plan.shipments[0]?.reason.dropShipFallback).toBe(false);
  });

  it('ranked with the fastest rule: lead times decide', () => {
    const plan = value(sourceOrder(order('o', [['A', 4]]), locations, { dropShip: 'ranked', rules: 'fastest' }));
    expect(shipments(plan)).toEqual(['dc-1: l1×3', 'dc-2: l1×1']);
  });

  it('never: suppliers are not used', () => {
    const plan = value(sourceOrder(order('o', [['A', 8]]), locations, { dropShip: 'never' }));
    expect(plan.allocatedUnits).toBe(5);
    expect(plan.shortfall[0]?.reason).toBe('insufficient_stock');
  });
});

describe('sourceOrders: a batch consumes as it goes', () => {
  it('orders in the given order; the second sees what the first left', () => {
    const locations = [wh('dc-1', { MUG: 4 }, { priority: 1 }), wh('dc-2', { MUG: 1 }, { priority: 2 })];
    const batch = value(sourceOrders([order('o-1', [['MUG', 3]]), order('o-2', [['MUG', 3]])], locations));
    expect(batch.plans.map(shipments)).toEqual([['dc-1: l1×3'], ['dc-1: l1×1', 'dc-2: l1×1']]);
    expect(batch.summary).toEqual({
      orders: 2,
      complete: 1,
      shipments: 3,
      splits: 1,
      requestedUnits: 6,
      allocatedUnits: 5,
      missingUnits: 1,
    });
    expect(batch.locations.map((l) => l.available)).toEqual([{ MUG: 0 }, { MUG: 0 }]);
    // Reversed priority of orders: o-2 first.
    const reversed = value(sourceOrders([order('o-2', [['MUG', 3]]), order('o-1', [['MUG', 3]])], locations));
    expect(reversed.plans[0]?.orderId).toBe('o-2');
    expect(reversed.plans[0]?.complete).toBe(true);
  });

  it('the remaining locations feed the next call', () => {
    const locations = [wh('dc-1', { MUG: 4, TEA: 2 }, { capacity: { units: 10, lines: 5 } })];
    const first = value(sourceOrders([order('o-1', [['MUG', 3]])], locations));
    expect(first.locations[0]).toEqual(wh('dc-1', { MUG: 1, TEA: 2 }, { capacity: { units: 7, lines: 4 } }));
    const second = value(sourceOrders([order('o-2', [['MUG', 3]])], first.locations));
    expect(second.plans[0]?.allocatedUnits).toBe(1);
  });

  it('two lines of the same SKU share its stock', () => {
    const plan = value(
      sourceOrder(
        order('o', [
          ['MUG', 3],
          ['MUG', 3],
        ]),
        [wh('dc', { MUG: 4 })],
      ),
    );
    expect(shipments(plan)).toEqual(['dc: l1×3, l2×1']);
    expect(plan.shortfall.map((s) => s.missing)).toEqual([2]);
  });

  it('an empty batch is fine', () => {
    expect(value(sourceOrders([], [wh('dc', { A: 1 })])).summary.orders).toBe(0);
  });
});

describe('hostile and odd input', () => {
  it('a SKU named __proto__ is a SKU like any other', () => {
    const available = JSON.parse('{"__proto__": 3, "constructor": 2}') as Record<string, number>;
    const batch = value(
      sourceOrders(
        [
          order('o', [
            ['__proto__', 2],
            ['constructor', 1],
            ['toString', 1],
          ]),
        ],
        [{ id: 'dc', kind: 'warehouse', available }],
      ),
    );
    expect(shipments(batch.plans[0] as never)).toEqual(['dc: l1×2, l2×1']);
    expect(batch.plans[0]?.shortfall.map((s) => [s.sku, s.reason])).toEqual([['toString', 'insufficient_stock']]);
    const left = batch.locations[0]?.available ?? {};
    expect(Object.hasOwn(left, '__proto__')).toBe(true);
    expect(Object.entries(left)).toEqual([
      ['__proto__', 1],
      ['constructor', 1],
    ]);
    expect(Object.getPrototypeOf(left)).toBe(Object.prototype);
  });

  it('a negative availability counts as 0 and stays as it was', () => {
    const batch = value(sourceOrders([order('o', [['A', 2]])], [wh('dc', { A: -3, B: 1 }), wh('dc2', { A: 2 })]));
    expect(shipments(batch.plans[0] as never)).toEqual(['dc2: l1×2']);
    expect(batch.locations[0]?.available).toEqual({ A: -3, B: 1 });
  });

  it('never mutates its inputs (deep-frozen orders, locations and strategy)', () => {
    const locations = deepFreeze([
      wh('dc-1', { A: 3, B: 1 }, { priority: 1, capacity: { units: 3, orders: 2, lines: 4 } }),
      { id: 's', kind: 'store', available: { A: 4 }, shipFromStore: true } as SourcingLocation,
      { id: 'v', kind: 'supplier', available: { A: 40, B: 40 }, leadTimeDays: 2 } as SourcingLocation,
    ]);
    const orders = deepFreeze([
      order(
        'o1',
        [
          ['A', 5],
          ['B', 2],
        ],
        { destination: { zip: '1' } },
      ),
      order('o2', [['A', 1]], { fulfillment: 'pickup', pickupLocation: 's' }),
    ]);
    const strategy = deepFreeze({
      rules: [{ rule: 'highest_stock', weight: 1 }],
      fewestShipments: true,
    } as SourcingStrategy);
    const snapshot = JSON.stringify([orders, locations, strategy]);
    const batch = value(sourceOrders(orders, locations, strategy));
    // o1: own stock first — a greedy cover (s: A×4, then dc-1: A×1, B×1 within its 3 units) beats rank
    // order (dc-1: A×3, s: A×2) by one unit; the supplier drop-ships the last B. o2: s has no A left.
    expect(batch.plans.map(shipments)).toEqual([['dc-1: l1×1, l2×1', 's: l1×4', 'v: l2×1'], []]);
    expect(batch.plans[1]?.shortfall[0]?.reason).toBe('insufficient_stock');
    expect(JSON.stringify([orders, locations, strategy])).toBe(snapshot);
  });

  it('a plan is plain JSON data', () => {
    const plan = value(sourceOrder(order('o', [['A', 5]]), [wh('a', { A: 3 }), wh('b', { A: 3 })]));
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});

describe('typed errors for bad input', () => {
  const ok = [wh('dc', { A: 1 })];
  const cases: [string, unknown, unknown, unknown, string][] = [
    ['order not an object', null, ok, {}, 'order'],
    ['order without id', { lines: [{ lineId: 'a', sku: 'A', quantity: 1 }] }, ok, {}, 'order.id'],
    ['no lines', { id: 'o', lines: [] }, ok, {}, 'order.lines'],
    ['zero quantity', order('o', [['A', 0]]), ok, {}, 'order.lines[0].quantity'],
    ['fractional quantity', order('o', [['A', 1.5]]), ok, {}, 'order.lines[0].quantity'],
    ['NaN quantity', order('o', [['A', Number.NaN]]), ok, {}, 'order.lines[0].quantity'],
    ['empty sku', order('o', [['', 1]]), ok, {}, 'order.lines[0].sku'],
    [
      'duplicate line id',
      {
        id: 'o',
        lines: [
          { lineId: 'a', sku: 'A', quantity: 1 },
          { lineId: 'a', sku: 'B', quantity: 1 },
        ],
      },
      ok,
      {},
      'order.lines[1].lineId',
    ],
    ['bad fulfillment', order('o', [['A', 1]], { fulfillment: 'drone' as never }), ok, {}, 'order.fulfillment'],
    ['pickup without location', order('o', [['A', 1]], { fulfillment: 'pickup' }), ok, {}, 'order.pickupLocation'],
    ['locations not an array', order('o', [['A', 1]]), {}, {}, 'locations'],
    ['duplicate location id', order('o', [['A', 1]]), [wh('dc', {}), wh('dc', {})], {}, 'locations[1].id'],
    ['bad kind', order('o', [['A', 1]]), [{ id: 'x', kind: 'ship', available: {} }], {}, 'locations[0].kind'],
    [
      'available not a record',
      order('o', [['A', 1]]),
      [{ id: 'x', kind: 'store', available: [] }],
      {},
      'locations[0].available',
    ],
    [
      'available Infinity',
      order('o', [['A', 1]]),
      [wh('x', { A: Number.POSITIVE_INFINITY })],
      {},
      'locations[0].available["A"]',
    ],
    ['priority NaN', order('o', [['A', 1]]), [wh('x', {}, { priority: Number.NaN })], {}, 'locations[0].priority'],
    [
      'capacity negative',
      order('o', [['A', 1]]),
      [wh('x', {}, { capacity: { units: -1 } })],
      {},
      'locations[0].capacity.units',
    ],
    ['leadTime negative', order('o', [['A', 1]]), [wh('x', {}, { leadTimeDays: -1 })], {}, 'locations[0].leadTimeDays'],
    [
      'shipFromStore not boolean',
      order('o', [['A', 1]]),
      [wh('x', {}, { shipFromStore: 'yes' as never })],
      {},
      'locations[0].shipFromStore',
    ],
    ['strategy not an object', order('o', [['A', 1]]), ok, 'fast', 'strategy'],
    ['unknown rule', order('o', [['A', 1]]), ok, { rules: 'random' }, 'strategy.rules'],
    ['no rules', order('o', [['A', 1]]), ok, { rules: [] }, 'strategy.rules'],
    [
      'zero weight',
      order('o', [['A', 1]]),
      ok,
      { rules: [{ rule: 'priority', weight: 0 }] },
      'strategy.rules[0].weight',
    ],
    [
      'rule twice',
      order('o', [['A', 1]]),
      ok,
      {
        rules: [
          { rule: 'priority', weight: 1 },
          { rule: 'priority', weight: 2 },
        ],
      },
      'strategy.rules[1].rule',
    ],
    ['nearest without distance', order('o', [['A', 1]]), ok, { rules: 'nearest' }, 'strategy.distance'],
    ['cheapest without cost', order('o', [['A', 1]]), ok, { rules: 'cheapest' }, 'strategy.cost'],
    ['distance not a function', order('o', [['A', 1]]), ok, { distance: 3 }, 'strategy.distance'],
    ['bad drop-ship mode', order('o', [['A', 1]]), ok, { dropShip: 'sometimes' }, 'strategy.dropShip'],
    ['fewestShipments not boolean', order('o', [['A', 1]]), ok, { fewestShipments: 1 }, 'strategy.fewestShipments'],
  ];
  it.each(cases)('%s → invalid_request naming the field', (_, o, locations, strategy, field) => {
    const e = failure(sourceOrder(o as SourcingOrder, locations as SourcingLocation[], strategy as SourcingStrategy));
    expect(e.code).toBe('invalid_request');
    expect(e.details['field']).toBe(field);
    expect(e.message.startsWith(`${field}: `)).toBe(true);
  });

  it('a distance function that returns NaN, a negative or a string is refused, naming the location', () => {
    for (const bad of [Number.NaN, -1, Number.POSITIVE_INFINITY, '3']) {
      const e = failure(sourceOrder(order('o', [['A', 1]]), ok, { rules: 'nearest', distance: () => bad as number }));
      expect(e.code).toBe('invalid_request');
      expect(e.details).toEqual({ field: 'strategy.distance', location: 'dc', orderId: 'o' });
    }
  });

  it('in a batch, fields are indexed, and duplicate order ids are refused', () => {
    const e = failure(sourceOrders([order('o', [['A', 1]]), order('p', [['A', -1]])], ok));
    expect(e.details['field']).toBe('orders[1].lines[0].quantity');
    const dup = failure(sourceOrders([order('o', [['A', 1]]), order('o', [['A', 1]])], ok));
    expect(dup.details['field']).toBe('orders[1].id');
    expect(failure(sourceOrders({} as never, ok)).details['field']).toBe('orders');
  });

  it('nothing is sourced when any order of a batch is bad', () => {
    const locations = [wh('dc', { A: 5 })];
    const r = sourceOrders([order('good', [['A', 1]]), { id: 'bad' } as never], locations);
    expect(r.ok).toBe(false);
    expect(locations[0]?.available).toEqual({ A: 5 });
  });
});
