// From decisions to the walked polyline, and from the polyline to the pick list: a pick is a stop
// the first time the path walks past its cell, so the pick list is the path's order by construction.
import { aisleLength, aisleX, cellDepth, depotOffset, depotX } from '../../internal/geometry.js';
import type { PathPoint, Pick, WarehouseLayout } from '../../types.js';
import type { Move } from './heuristics.js';
import { DOUBLE, EMPTY, FROM_BACK, FROM_FRONT, GAP, type OptimalPlan, TRAVERSE } from './optimal.js';

/** Drops repeated points and points in the middle of a straight run, keeping every turn and reversal. */
export function compress(points: readonly PathPoint[]): PathPoint[] {
  const out: PathPoint[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last !== undefined && last.x === p.x && last.y === p.y) continue;
    const before = out[out.length - 2];
    if (before !== undefined && last !== undefined) {
      const straightX = before.x === last.x && last.x === p.x && (last.y - before.y) * (p.y - last.y) > 0;
      const straightY = before.y === last.y && last.y === p.y && (last.x - before.x) * (p.x - last.x) > 0;
      if (straightX || straightY) out.pop();
    }
    out.push(p);
  }
  return out;
}

/** Sum of the segment lengths (segments are axis-parallel). */
export function polylineLength(path: readonly PathPoint[]): number {
  let total = 0;
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1] as PathPoint;
    const b = path[i] as PathPoint;
    total += Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
  }
  return total;
}

function depotStart(layout: WarehouseLayout): PathPoint[] {
  const x = depotX(layout);
  const offset = depotOffset(layout);
  return offset > 0
    ? [
        { x, y: -offset },
        { x, y: 0 },
      ]
    : [{ x, y: 0 }];
}

/** The polyline of a heuristic's aisle visits: depot, each visit along the cross aisle the picker is on, depot. */
export function movesPath(layout: WarehouseLayout, moves: readonly Move[]): PathPoint[] {
  const length = aisleLength(layout);
  const points = depotStart(layout);
  let y = 0;
  for (const move of moves) {
    const x = aisleX(layout, move.aisle);
    points.push({ x, y });
    switch (move.kind) {
      case 'up':
        y = length;
        points.push({ x, y });
        break;
      case 'down':
        y = 0;
        points.push({ x, y });
        break;
      case 'front':
      case 'back':
        points.push({ x, y: move.depth }, { x, y });
        break;
    }
  }
  points.push(...depotStart(layout).reverse());
  return compress(points);
}

/** Distinct occupied cells per aisle, ascending. */
function cellsByAisle(picks: readonly Pick[]): Map<number, number[]> {
  const byAisle = new Map<number, number[]>();
  for (const pick of picks) {
    const { aisle, cell } = pick.location;
    const cells = byAisle.get(aisle);
    if (cells === undefined) byAisle.set(aisle, [cell]);
    else cells.push(cell);
  }
  for (const [aisle, cells] of byAisle) {
    cells.sort((a, b) => a - b);
    byAisle.set(
      aisle,
      cells.filter((c, i) => i === 0 || c !== cells[i - 1]),
    );
  }
  return byAisle;
}

/**
 * The optimal tour's polyline: the multigraph the dynamic program chose (aisle segments and
 * cross-aisle edges with their copies), walked as an Eulerian circuit from the depot (Hierholzer).
 */
export function optimalPath(layout: WarehouseLayout, picks: readonly Pick[], plan: OptimalPlan): PathPoint[] {
  const length = aisleLength(layout);
  const cells = cellsByAisle(picks);
  const xs: number[] = [];
  const ys: number[] = [];
  const node = (x: number, y: number): number => {
    xs.push(x);
    ys.push(y);
    return xs.length - 1;
  };
  const ends: number[] = []; // edge endpoints, two per edge copy
  const edge = (u: number, v: number, copies: number): void => {
    for (let k = 0; k < copies; k++) ends.push(u, v);
  };
  const fronts: number[] = [];
  const backs: number[] = [];
  let depotNode = -1;
  plan.columns.forEach((aisle, col) => {
    const x = aisle < 0 ? depotX(layout) : aisleX(layout, aisle);
    const front = node(x, 0);
    const back = node(x, length);
    fronts.push(front);
    backs.push(back);
    if (aisle < 0 || aisle === layout.depot.aisle) depotNode = front;
    const config = plan.configs[col] as number;
    if (config === EMPTY) return;
    const occupied = plan.groups[col] === -1 || aisle < 0 ? [] : (cells.get(aisle) ?? []);
    const chain = [front, ...occupied.map((c) => node(x, cellDepth(layout, c))), back];
    const k = occupied.length;
    const gapAt = config === GAP ? largestGapIndex(occupied) : -1;
    // Segment i joins chain[i] and chain[i + 1]: 0 is front → first pick, k is last pick → back.
    for (let i = 0; i <= k; i++) {
      let copies = 0;
      if (config === TRAVERSE) copies = 1;
      else if (config === DOUBLE) copies = 2;
      else if (config === FROM_FRONT) copies = i < k ? 2 : 0;
      else if (config === FROM_BACK) copies = i > 0 ? 2 : 0;
      else if (config === GAP) copies = i === gapAt + 1 ? 0 : 2;
      edge(chain[i] as number, chain[i + 1] as number, copies);
    }
  });
  for (let col = 0; col + 1 < plan.columns.length; col++) {
    edge(fronts[col] as number, fronts[col + 1] as number, plan.front[col] as number);
    edge(backs[col] as number, backs[col + 1] as number, plan.back[col] as number);
  }
  const incident: number[][] = xs.map(() => []);
  for (let e = 0; e < ends.length / 2; e++) {
    (incident[ends[2 * e] as number] as number[]).push(e);
    (incident[ends[2 * e + 1] as number] as number[]).push(e);
  }
  const used = new Uint8Array(ends.length / 2);
  const cursor = new Int32Array(xs.length);
  const stack = [depotNode];
  const circuit: number[] = [];
  while (stack.length > 0) {
    const v = stack[stack.length - 1] as number;
    const list = incident[v] as number[];
    let i = cursor[v] as number;
    while (i < list.length && used[list[i] as number] === 1) i++;
    cursor[v] = i;
    if (i === list.length) {
      circuit.push(stack.pop() as number);
      continue;
    }
    const e = list[i] as number;
    used[e] = 1;
    const u = ends[2 * e] as number;
    stack.push(u === v ? (ends[2 * e + 1] as number) : u);
  }
  circuit.reverse();
  const points = depotStart(layout);
  for (const v of circuit) points.push({ x: xs[v] as number, y: ys[v] as number });
  points.push(...depotStart(layout).reverse());
  return compress(points);
}

/** Index (into the distinct cells) of the lower end of the largest gap, the foremost on a tie. */
function largestGapIndex(occupied: readonly number[]): number {
  let best = -1;
  let size = -1;
  for (let i = 0; i + 1 < occupied.length; i++) {
    const gap = (occupied[i + 1] as number) - (occupied[i] as number);
    if (gap > size) {
      size = gap;
      best = i;
    }
  }
  return best;
}

const SIDE_RANK = { left: 0, right: 1 } as const;

/** Picks sorted by aisle, cell, side (left, right, none), id (code units) and input position. */
function sortedPicks(picks: readonly Pick[]): number[] {
  const order = picks.map((_, i) => i);
  const side = (p: Pick): number => (p.location.side === undefined ? 2 : SIDE_RANK[p.location.side]);
  order.sort((i, j) => {
    const a = picks[i] as Pick;
    const b = picks[j] as Pick;
    return (
      a.location.aisle - b.location.aisle ||
      a.location.cell - b.location.cell ||
      side(a) - side(b) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) ||
      i - j
    );
  });
  return order;
}

/**
 * The pick list: walking the path, each pick is taken the first time a vertical segment passes its
 * cell; picks in one cell in the sorted order. Throws if a pick is never passed (a bug).
 */
export function stopsFromPath(layout: WarehouseLayout, picks: readonly Pick[], path: readonly PathPoint[]): Pick[] {
  const order = sortedPicks(picks);
  const range = new Map<number, { start: number; end: number }>();
  order.forEach((index, position) => {
    const aisle = (picks[index] as Pick).location.aisle;
    const r = range.get(aisle);
    if (r === undefined) range.set(aisle, { start: position, end: position + 1 });
    else r.end = position + 1;
  });
  const taken = new Uint8Array(picks.length);
  const stops: Pick[] = [];
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1] as PathPoint;
    const b = path[i] as PathPoint;
    if (a.x !== b.x) continue;
    const aisle = Math.round(a.x / layout.aisleSpacing);
    if (aisleX(layout, aisle) !== a.x) continue;
    const r = range.get(aisle);
    if (r === undefined) continue;
    const lo = Math.min(a.y, b.y);
    const hi = Math.max(a.y, b.y);
    const passed: number[] = [];
    for (let p = r.start; p < r.end; p++) {
      if (taken[p] === 1) continue;
      const depth = cellDepth(layout, (picks[order[p] as number] as Pick).location.cell);
      if (depth >= lo && depth <= hi) passed.push(p);
    }
    if (b.y < a.y) {
      // Walking towards the front: cells in descending order, picks within a cell in sorted order.
      passed.sort((p, q) => {
        const cp = (picks[order[p] as number] as Pick).location.cell;
        const cq = (picks[order[q] as number] as Pick).location.cell;
        return cq - cp || p - q;
      });
    }
    for (const p of passed) {
      taken[p] = 1;
      stops.push(picks[order[p] as number] as Pick);
    }
  }
  if (stops.length !== picks.length) throw new Error('ordercore picking: a route missed a pick (internal error).');
  return stops;
}
