import { describe, expect, it } from 'vitest';
import { isOrdercoreError } from '../../src/core/errors.js';
import { pickList } from '../../src/picking/pickList/pickList.js';
import { routePicks } from '../../src/picking/routing/routePicks.js';
import type { Pick, WarehouseLayout } from '../../src/picking/types.js';
import type { PickingZone, ZoneOrder } from '../../src/picking/zones/types.js';
import { zonePickLists } from '../../src/picking/zones/zonePickLists.js';

const layout: WarehouseLayout = {
  aisles: 6,
  cellsPerSide: 10,
  cellLength: 1,
  aisleSpacing: 3,
  frontMargin: 1,
  backMargin: 1,
  depot: { aisle: 0 },
};
const at = (id: string, aisle: number, cell: number, side: 'left' | 'right' = 'left'): Pick => ({
  id,
  location: { aisle, cell, side },
  sku: `S-${id}`,
  quantity: 1,
});
const orders: ZoneOrder[] = [
  { id: 'o-1', picks: [at('a', 0, 2), at('b', 4, 5), at('c', 1, 7)] },
  { id: 'o-2', picks: [at('d', 5, 0)] },
  { id: 'o-3', picks: [at('e', 1, 1), at('f', 3, 9, 'right')] },
];
const zones: PickingZone[] = [
  { id: 'Z-front', aisles: { from: 0, to: 2 } },
  { id: 'Z-back', aisles: { from: 3, to: 5 }, handoff: 4 },
];

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('zonePickLists', () => {
  it('pick-and-pass: one walk per order and zone, the tote’s zone sequence per order', () => {
    const r = zonePickLists(layout, orders, zones, { mode: 'pick_and_pass', policy: 'optimal' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.orders).toEqual([
      { orderId: 'o-1', zones: ['Z-front', 'Z-back'] },
      { orderId: 'o-2', zones: ['Z-back'] },
      { orderId: 'o-3', zones: ['Z-front', 'Z-back'] },
    ]);
    const [front, back] = r.value.zones;
    expect(front?.lists.map((l) => l.orderIds)).toEqual([['o-1'], ['o-3']]);
    expect(back?.lists.map((l) => l.orderIds)).toEqual([['o-1'], ['o-2'], ['o-3']]);
    // The back zone's own layout: aisles 3..5 renumbered 0..2, the hand-off at global aisle 4.
    expect(back?.layout).toEqual({ ...layout, aisles: 3, depot: { aisle: 1 } });
    // o-2's single pick at global aisle 5, cell 0 from the hand-off at aisle 4: 3 m across, 1.5 m in, back.
    expect(back?.lists[1]?.route.length).toBe(2 * 3 + 2 * 1.5);
    // o-1 in the front zone: picks at aisles 0 and 1, depot at aisle 0 (the main depot is inside).
    expect(front?.layout.depot).toEqual({ aisle: 0 });
    expect(front?.lists[0]?.route.stops.map((s) => s.id).sort()).toEqual(['a', 'c']);
    expect(r.value.totalLength).toBe(r.value.zones.reduce((s, z) => s + z.length, 0));
  });

  it('pick-and-consolidate: one walk per zone for all orders, each stop labelled with its order', () => {
    const r = zonePickLists(layout, orders, zones, { mode: 'pick_and_consolidate', policy: 'largest_gap' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [front, back] = r.value.zones;
    expect(front?.lists.length).toBe(1);
    expect(front?.lists[0]?.orderIds).toEqual(['o-1', 'o-3']);
    expect(back?.lists[0]?.orderIds).toEqual(['o-1', 'o-2', 'o-3']);
    const owner = new Map(orders.flatMap((o) => o.picks.map((p) => [p.id, o.id] as const)));
    for (const zone of r.value.zones)
      for (const list of zone.lists) {
        expect(list.stopOrderIds).toEqual(list.route.stops.map((s) => owner.get(s.id)));
      }
    const lines = pickList(back?.lists[0]?.route ?? { stops: [] }, back?.lists[0]?.stopOrderIds);
    expect(lines.map((l) => l.location).sort()).toEqual(['A04-R-010', 'A05-L-006', 'A06-L-001']);
    expect(lines.find((l) => l.location === 'A06-L-001')?.orderId).toBe('o-2');
  });

  it('a zone route is the sub-layout route, with the caller’s picks and the path in whole-layout coordinates', () => {
    const r = zonePickLists(layout, orders, zones, { mode: 'pick_and_consolidate', policy: 's_shape' });
    if (!r.ok) throw r.error;
    const back = r.value.zones[1];
    const list = back?.lists[0];
    if (back === undefined || list === undefined) throw new Error('no back list');
    const local = list.route.stops.map((p) => ({ ...p, location: { ...p.location, aisle: p.location.aisle - 3 } }));
    const direct = routePicks(back.layout, local, 's_shape');
    if (!direct.ok) throw direct.error;
    expect(list.route.length).toBe(direct.value.length);
    expect(list.route.path).toEqual(direct.value.path.map((pt) => ({ x: pt.x + 9, y: pt.y })));
    for (const pt of list.route.path) {
      expect(pt.x).toBeGreaterThanOrEqual(9);
      expect(pt.x).toBeLessThanOrEqual(15);
    }
    // The caller's pick objects, not copies.
    const caller = new Set(orders.flatMap((o) => o.picks));
    for (const stop of list.route.stops) expect(caller.has(stop)).toBe(true);
    expect(list.route.path[0]).toEqual({ x: 12, y: 0 });
  });

  it('zones without picks have no walks; an order without picks visits no zone', () => {
    const r = zonePickLists(layout, [{ id: 'empty', picks: [] }], zones, {
      mode: 'pick_and_consolidate',
      policy: 'return',
    });
    expect(r.ok && r.value.zones.map((z) => z.lists.length)).toEqual([0, 0]);
    expect(r.ok && r.value.orders).toEqual([{ orderId: 'empty', zones: [] }]);
    expect(r.ok && r.value.totalLength).toBe(0);
  });

  it('never mutates its input', () => {
    const frozen = deepFreeze(structuredClone(orders));
    const r = zonePickLists(deepFreeze({ ...layout }), frozen, deepFreeze(structuredClone(zones)), {
      mode: 'pick_and_pass',
      policy: 'combined',
    });
    expect(r.ok).toBe(true);
  });

  it('refuses bad input with a typed error naming the field', () => {
    const pass = { mode: 'pick_and_pass', policy: 'return' } as const;
    const cases: [unknown, unknown, unknown, unknown, string, string][] = [
      [layout, orders, [{ id: 'Z', aisles: { from: 0, to: 4 } }], pass, 'invalid_options', 'zones'],
      [layout, orders, [], pass, 'invalid_options', 'zones'],
      [
        layout,
        orders,
        [zones[0], { id: 'Z2', aisles: { from: 2, to: 5 } }],
        pass,
        'invalid_options',
        'zones[1].aisles',
      ],
      [
        layout,
        orders,
        [zones[0], { id: 'Z-front', aisles: { from: 3, to: 5 } }],
        pass,
        'invalid_options',
        'zones[1].id',
      ],
      [layout, orders, [{ id: 'Z', aisles: { from: 0, to: 6 } }], pass, 'invalid_options', 'zones[0].aisles.to'],
      [
        layout,
        orders,
        [{ id: 'Z', aisles: { from: 0, to: 5 }, handoff: 7 }],
        pass,
        'invalid_options',
        'zones[0].handoff',
      ],
      [layout, orders, [{ id: 'Z', aisles: null }], pass, 'invalid_options', 'zones[0].aisles'],
      [layout, orders, zones, { mode: 'relay', policy: 'return' }, 'invalid_options', 'options.mode'],
      [layout, orders, zones, { mode: 'pick_and_pass', policy: 'zigzag' }, 'invalid_options', 'options.policy'],
      [layout, [orders[0], orders[0]], zones, pass, 'invalid_order', 'orders[1].id'],
      [
        layout,
        [{ id: 'x', picks: [at('p', 9, 0)] }],
        zones,
        pass,
        'invalid_location',
        'orders[0].picks[0].location.aisle',
      ],
      [layout, [{ id: 'x', picks: [null] }], zones, pass, 'invalid_pick', 'orders[0].picks[0]'],
    ];
    for (const [l, o, z, opts, code, field] of cases) {
      const r = zonePickLists(l as never, o as never, z as never, opts as never);
      expect(r.ok, field).toBe(false);
      if (r.ok) continue;
      expect(isOrdercoreError(r.error)).toBe(true);
      expect([r.error.code, r.error.details['field']], field).toEqual([code, field]);
    }
    const badLayout = zonePickLists({ ...layout, aisles: 0 }, orders, zones, pass);
    expect(!badLayout.ok && badLayout.error.code).toBe('invalid_layout');
  });
});
