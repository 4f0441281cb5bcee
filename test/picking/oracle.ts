// The exact test oracle for routing: the whole aisle graph (every aisle, both cross aisles, the
// depot), all-pairs shortest paths by Floyd–Warshall, and Held–Karp over the distinct pick points.
// Written from the geometry alone: it shares no code with src/picking/routing.
import type { Pick, WarehouseLayout } from '../../src/picking/types.js';

interface Point {
  readonly x: number;
  readonly y: number;
}

export function oracleOptimalLength(layout: WarehouseLayout, picks: readonly Pick[]): number {
  if (picks.length === 0) return 0;
  const L = layout.frontMargin + layout.cellsPerSide * layout.cellLength + layout.backMargin;
  const xd = layout.depot.aisle * layout.aisleSpacing;
  const nodes: Point[] = [];
  const index = new Map<string, number>();
  const add = (p: Point): number => {
    const key = `${p.x}|${p.y}`;
    const known = index.get(key);
    if (known !== undefined) return known;
    nodes.push(p);
    index.set(key, nodes.length - 1);
    return nodes.length - 1;
  };
  const depot = add({ x: xd, y: 0 });
  const targets = new Set<number>();
  for (const pick of picks) {
    const p = {
      x: pick.location.aisle * layout.aisleSpacing,
      y: layout.frontMargin + (pick.location.cell + 0.5) * layout.cellLength,
    };
    targets.add(add(p));
  }
  for (let a = 0; a < layout.aisles; a++) {
    add({ x: a * layout.aisleSpacing, y: 0 });
    add({ x: a * layout.aisleSpacing, y: L });
  }
  const n = nodes.length;
  const dist = Array.from({ length: n }, () => new Array<number>(n).fill(Number.POSITIVE_INFINITY));
  for (let i = 0; i < n; i++) (dist[i] as number[])[i] = 0;
  const link = (i: number, j: number): void => {
    const a = nodes[i] as Point;
    const b = nodes[j] as Point;
    const d = Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
    const row = dist[i] as number[];
    if (d < (row[j] as number)) {
      row[j] = d;
      (dist[j] as number[])[i] = d;
    }
  };
  // Cross aisles: consecutive points on y = 0 and on y = L. Aisles: consecutive points on x = aisle's x.
  const chain = (filter: (p: Point) => boolean, key: (p: Point) => number): void => {
    const ids = nodes.map((_, i) => i).filter((i) => filter(nodes[i] as Point));
    ids.sort((i, j) => key(nodes[i] as Point) - key(nodes[j] as Point));
    for (let k = 1; k < ids.length; k++) link(ids[k - 1] as number, ids[k] as number);
  };
  chain(
    (p) => p.y === 0,
    (p) => p.x,
  );
  chain(
    (p) => p.y === L,
    (p) => p.x,
  );
  for (let a = 0; a < layout.aisles; a++) {
    const x = a * layout.aisleSpacing;
    chain(
      (p) => p.x === x,
      (p) => p.y,
    );
  }
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const via = ((dist[i] as number[])[k] as number) + ((dist[k] as number[])[j] as number);
        if (via < ((dist[i] as number[])[j] as number)) (dist[i] as number[])[j] = via;
      }
    }
  }
  const stops = [...targets].filter((t) => t !== depot);
  const m = stops.length;
  if (m > 12) throw new Error('oracle: too many distinct pick points');
  const d = (i: number, j: number): number => (dist[i] as number[])[j] as number;
  // Held–Karp: best[mask][last] = shortest path from the depot through `mask`, ending at stops[last].
  const size = 1 << m;
  const best = new Float64Array(size * Math.max(1, m)).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < m; i++) best[(1 << i) * m + i] = d(depot, stops[i] as number);
  for (let mask = 1; mask < size; mask++) {
    for (let last = 0; last < m; last++) {
      const here = best[mask * m + last] as number;
      if (!(mask & (1 << last)) || here === Number.POSITIVE_INFINITY) continue;
      for (let next = 0; next < m; next++) {
        if (mask & (1 << next)) continue;
        const to = (mask | (1 << next)) * m + next;
        const cand = here + d(stops[last] as number, stops[next] as number);
        if (cand < (best[to] as number)) best[to] = cand;
      }
    }
  }
  let tour = m === 0 ? 0 : Number.POSITIVE_INFINITY;
  for (let last = 0; last < m; last++) {
    tour = Math.min(tour, (best[(size - 1) * m + last] as number) + d(stops[last] as number, depot));
  }
  return tour + 2 * (layout.depot.offset ?? 0);
}
