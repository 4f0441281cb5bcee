// Shared by batching.test.ts and batching.prop.test.ts: a small layout whose return-policy lengths
// are easy to compute by hand, the four orders of the worked examples, deep freezing, and a brute
// force over every partition of a few orders (the oracle of the exact solver).

import type { BatchOrder, Pick, RoutingPolicy, WarehouseLayout } from '../../src/picking/index.js';
import { routePicks } from '../../src/picking/routing/routePicks.js';

/**
 * 4 aisles 3 m apart, 10 cells of 1 m, 1 m margins, depot in front of aisle 0: a pick in cell c is
 * 1.5 + c deep; the return policy walks 2 × 3 × (rightmost aisle) along the front and 2 × (deepest
 * depth) into every aisle it visits.
 */
export const LAYOUT: WarehouseLayout = {
  aisles: 4,
  cellsPerSide: 10,
  cellLength: 1,
  aisleSpacing: 3,
  frontMargin: 1,
  backMargin: 1,
  depot: { aisle: 0 },
};

export function pick(id: string, aisle: number, cell: number, quantity?: number): Pick {
  return quantity === undefined ? { id, location: { aisle, cell } } : { id, location: { aisle, cell }, quantity };
}

// Alone, under the return policy: P 7 (aisle 0 to depth 3.5), Q 18 (aisles 1 and 2, depth 1.5),
// R 39 (aisle 3 to depth 10.5), T 17 (aisle 2 to depth 2.5). Each carries one item.
export const P: BatchOrder = { id: 'P', picks: [pick('P1', 0, 0), pick('P2', 0, 1), pick('P3', 0, 2)], items: 1 };
export const Q: BatchOrder = { id: 'Q', picks: [pick('Q1', 1, 0), pick('Q2', 2, 0)], items: 1 };
export const R: BatchOrder = { id: 'R', picks: [pick('R1', 3, 9)], items: 1 };
export const T: BatchOrder = { id: 'T', picks: [pick('T1', 2, 1)], items: 1 };
export const PQRT: readonly BatchOrder[] = [P, Q, R, T];

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

function* partitions(n: number): Generator<number[][]> {
  if (n === 0) {
    yield [];
    return;
  }
  for (const rest of partitions(n - 1)) {
    for (let b = 0; b < rest.length; b++) yield rest.map((batch, i) => (i === b ? [...batch, n - 1] : batch));
    yield [...rest, [n - 1]];
  }
}

/** The least total route length over every partition of the orders into batches within `capacity`. */
export function bruteForceBest(
  layout: WarehouseLayout,
  orders: readonly BatchOrder[],
  capacity: { items: number; weight?: number },
  policy: RoutingPolicy,
): number {
  const items = orders.map((o) => o.items ?? o.picks.reduce((s, p) => s + (p.quantity ?? 1), 0));
  const lengths = new Map<string, number>();
  let best = Number.POSITIVE_INFINITY;
  for (const partition of partitions(orders.length)) {
    let total = 0;
    let feasible = true;
    for (const batch of partition) {
      const load = batch.reduce((s, i) => s + (items[i] as number), 0);
      const weight = batch.reduce((s, i) => s + ((orders[i] as BatchOrder).weight ?? 0), 0);
      if (load > capacity.items || (capacity.weight !== undefined && weight > capacity.weight)) {
        feasible = false;
        break;
      }
      const key = batch.join(',');
      const known = lengths.get(key);
      let length: number;
      if (known === undefined) {
        const route = routePicks(
          layout,
          batch.flatMap((i) => (orders[i] as BatchOrder).picks),
          policy,
        );
        if (!route.ok) throw route.error;
        length = route.value.length;
        lengths.set(key, length);
      } else {
        length = known;
      }
      total += length;
    }
    if (feasible && total < best) best = total;
  }
  return best;
}
