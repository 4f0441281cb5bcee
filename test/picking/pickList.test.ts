import { describe, expect, it } from 'vitest';
import { locationLabel } from '../../src/picking/pickList/locationLabel.js';
import { pickList } from '../../src/picking/pickList/pickList.js';
import { routePicks } from '../../src/picking/routing/routePicks.js';
import { pickingInstance } from '../../src/testing/pickingInstances.js';

describe('locationLabel', () => {
  it('counts aisles and cells from 1, pads to 2 and 3 digits, widens when needed', () => {
    expect(locationLabel({ aisle: 2, cell: 44, side: 'left' })).toBe('A03-L-045');
    expect(locationLabel({ aisle: 9, cell: 0, side: 'right' })).toBe('A10-R-001');
    expect(locationLabel({ aisle: 99, cell: 998 })).toBe('A100-999');
    expect(locationLabel({ aisle: 0, cell: 1000, side: 'left' })).toBe('A01-L-1001');
  });
});

describe('pickList', () => {
  it('lists a real route’s stops in walking order, numbered from 1, never re-sorted', () => {
    const { layout, orders } = pickingInstance({ seed: 4, orders: 1, minItems: 12, maxItems: 12 });
    const picks = orders[0]?.picks ?? [];
    const route = routePicks(layout, picks, 's_shape');
    if (!route.ok) throw route.error;
    const lines = pickList(route.value);
    expect(lines.map((l) => l.pickId)).toEqual(route.value.stops.map((s) => s.id));
    expect(lines.map((l) => l.sequence)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    for (const [i, line] of lines.entries()) {
      const stop = route.value.stops[i];
      expect(line.location).toBe(locationLabel(stop?.location ?? { aisle: -1, cell: -1 }));
      expect(line.sku).toBe(stop?.sku);
      expect(line.quantity).toBe(1);
      expect('orderId' in line).toBe(false);
    }
  });

  it('defaults a missing SKU to "" and quantity to 1; copies order ids only when they line up with the stops', () => {
    const route = { stops: [{ id: 'p', location: { aisle: 0, cell: 0 } }] };
    expect(pickList(route)).toEqual([{ sequence: 1, location: 'A01-001', sku: '', quantity: 1, pickId: 'p' }]);
    expect(pickList(route, ['o-1'])[0]?.orderId).toBe('o-1');
    expect(pickList(route, ['o-1', 'o-2'])[0]).not.toHaveProperty('orderId');
  });
});
