// The five heuristic policies. Each is one function of the aisle groups that returns the tour length
// and, when a `moves` array is given, records the aisle visits in walking order (the route builder
// turns them into the path). Lengths and routes come from the same decisions, so they cannot drift.
import { aisleLength, aisleX, cellDepth, depotOffset, depotX } from '../../internal/geometry.js';
import type { WarehouseLayout } from '../../types.js';
import type { Groups } from './groups.js';

/**
 * One aisle visit: `up` / `down` traverse the whole aisle (entered from the front / the back);
 * `front` enters from the front to `depth` and comes back; `back` enters from the back down to
 * `depth` and goes back up.
 */
export interface Move {
  readonly aisle: number;
  readonly kind: 'up' | 'down' | 'front' | 'back';
  readonly depth: number;
}

/** Cross-aisle travel: depot → the farther ends of the pick aisles and back, `2 × (right − left)`. */
export function horizontal(layout: WarehouseLayout, g: Groups): number {
  const xd = depotX(layout);
  const left = Math.min(xd, aisleX(layout, g.aisle[0] as number));
  const right = Math.max(xd, aisleX(layout, g.aisle[g.count - 1] as number));
  return 2 * (right - left);
}

/** The sweep starts at the pick aisle nearer to the depot (the leftmost on a tie). */
export function startsLeft(layout: WarehouseLayout, g: Groups): boolean {
  const xd = depotX(layout);
  const xl = aisleX(layout, g.aisle[0] as number);
  const xr = aisleX(layout, g.aisle[g.count - 1] as number);
  return Math.abs(xd - xl) <= Math.abs(xr - xd);
}

function base(layout: WarehouseLayout, g: Groups): number {
  return 2 * depotOffset(layout) + horizontal(layout, g);
}

/** S-shape: every pick aisle traversed; with an odd count the last one is entered from the front and left the same way. */
export function sShape(layout: WarehouseLayout, g: Groups, moves?: Move[]): number {
  const m = g.count;
  const length = aisleLength(layout);
  const left = startsLeft(layout, g);
  let total = base(layout, g);
  for (let k = 0; k < m; k++) {
    const index = left ? k : m - 1 - k;
    const aisle = g.aisle[index] as number;
    if (k === m - 1 && m % 2 === 1) {
      const depth = cellDepth(layout, g.maxCell[index] as number);
      total += 2 * depth;
      moves?.push({ aisle, kind: 'front', depth });
    } else {
      total += length;
      moves?.push({ aisle, kind: k % 2 === 0 ? 'up' : 'down', depth: length });
    }
  }
  return total;
}

/** Return: every pick aisle entered from the front to its deepest pick and left the same way. */
export function returnPolicy(layout: WarehouseLayout, g: Groups, moves?: Move[]): number {
  const m = g.count;
  const left = startsLeft(layout, g);
  let total = base(layout, g);
  for (let k = 0; k < m; k++) {
    const index = left ? k : m - 1 - k;
    const depth = cellDepth(layout, g.maxCell[index] as number);
    total += 2 * depth;
    moves?.push({ aisle: g.aisle[index] as number, kind: 'front', depth });
  }
  return total;
}

/**
 * Combined (Roodbergen & de Koster 2001): the pick aisles in sweep order, each visited once, either
 * traversed or entered and left from the cross aisle the picker is on; a two-state dynamic program
 * (picker at the front / at the back after each aisle) picks the shortest such tour. Ties prefer
 * returning to traversing.
 */
export function combined(layout: WarehouseLayout, g: Groups, moves?: Move[]): number {
  const m = g.count;
  const length = aisleLength(layout);
  const left = startsLeft(layout, g);
  let front = 0;
  let back = Number.POSITIVE_INFINITY;
  // Bit 0: how the front state was reached (0 = front return, 1 = traverse down from the back);
  // bit 1: how the back state was reached (0 = traverse up from the front, 1 = back return).
  const choices = moves === undefined ? undefined : new Uint8Array(m);
  for (let k = 0; k < m; k++) {
    const index = left ? k : m - 1 - k;
    const frontReturn = front + 2 * cellDepth(layout, g.maxCell[index] as number);
    const down = back + length;
    const up = front + length;
    const backReturn = back + 2 * (length - cellDepth(layout, g.minCell[index] as number));
    let choice = 0;
    if (frontReturn <= down) front = frontReturn;
    else {
      front = down;
      choice |= 1;
    }
    if (backReturn < up) {
      back = backReturn;
      choice |= 2;
    } else back = up;
    if (choices !== undefined) choices[k] = choice;
  }
  if (moves !== undefined && choices !== undefined) {
    const reversed: Move[] = [];
    let atFront = true;
    for (let k = m - 1; k >= 0; k--) {
      const index = left ? k : m - 1 - k;
      const aisle = g.aisle[index] as number;
      const choice = choices[k] as number;
      if (atFront) {
        if ((choice & 1) === 0) {
          reversed.push({ aisle, kind: 'front', depth: cellDepth(layout, g.maxCell[index] as number) });
        } else {
          reversed.push({ aisle, kind: 'down', depth: length });
          atFront = false;
        }
      } else if ((choice & 2) === 0) {
        reversed.push({ aisle, kind: 'up', depth: length });
        atFront = true;
      } else {
        reversed.push({ aisle, kind: 'back', depth: cellDepth(layout, g.minCell[index] as number) });
      }
    }
    for (let k = reversed.length - 1; k >= 0; k--) moves.push(reversed[k] as Move);
  }
  return base(layout, g) + front;
}

/**
 * Where a middle aisle is entered under midpoint or largest gap: from the front down to
 * `front` (−1: not from the front) and from the back down to `back` (−1: not from the back), as cells.
 */
type Split = (layout: WarehouseLayout, g: Groups, index: number, length: number) => { front: number; back: number };

const midpointSplit: Split = (_layout, g, index) => ({
  front: g.frontMax[index] as number,
  back: g.backMin[index] as number,
});

/**
 * Largest gap: the largest of the gaps front cross aisle → first pick, between adjacent picks, last
 * pick → back cross aisle is the part not walked. Ties: the back gap, then the front gap, then the
 * foremost internal gap.
 */
const largestGapSplit: Split = (layout, g, index, length) => {
  const minCell = g.minCell[index] as number;
  const maxCell = g.maxCell[index] as number;
  const lo = g.gapLo[index] as number;
  const hi = g.gapHi[index] as number;
  const frontGap = cellDepth(layout, minCell);
  const backGap = length - cellDepth(layout, maxCell);
  const internal = lo < 0 ? -1 : cellDepth(layout, hi) - cellDepth(layout, lo);
  if (backGap >= frontGap && backGap >= internal) return { front: maxCell, back: -1 };
  if (frontGap >= internal) return { front: -1, back: minCell };
  return { front: lo, back: hi };
};

function loop(layout: WarehouseLayout, g: Groups, split: Split, moves?: Move[]): number {
  const m = g.count;
  if (m === 1) return returnPolicy(layout, g, moves);
  const length = aisleLength(layout);
  let total = base(layout, g) + 2 * length;
  for (let index = 1; index < m - 1; index++) {
    const { front, back } = split(layout, g, index, length);
    if (front >= 0) total += 2 * cellDepth(layout, front);
    if (back >= 0) total += 2 * (length - cellDepth(layout, back));
  }
  if (moves === undefined) return total;
  // The tour: depot → start aisle along the front (front parts of the middle aisles passed on the
  // way), the start aisle up, the back parts along the back cross aisle, the end aisle down, the
  // remaining front parts along the front cross aisle back to the depot.
  const left = startsLeft(layout, g);
  const xd = depotX(layout);
  const at = (k: number): number => (left ? k : m - 1 - k);
  const outbound = (index: number): boolean => {
    const x = aisleX(layout, g.aisle[index] as number);
    return left ? x < xd : x > xd;
  };
  const frontPart = (index: number): void => {
    const { front } = split(layout, g, index, length);
    if (front >= 0) moves.push({ aisle: g.aisle[index] as number, kind: 'front', depth: cellDepth(layout, front) });
  };
  for (let k = m - 2; k >= 1; k--) if (outbound(at(k))) frontPart(at(k));
  moves.push({ aisle: g.aisle[at(0)] as number, kind: 'up', depth: length });
  for (let k = 1; k < m - 1; k++) {
    const { back } = split(layout, g, at(k), length);
    if (back >= 0) moves.push({ aisle: g.aisle[at(k)] as number, kind: 'back', depth: cellDepth(layout, back) });
  }
  moves.push({ aisle: g.aisle[at(m - 1)] as number, kind: 'down', depth: length });
  for (let k = m - 2; k >= 1; k--) if (!outbound(at(k))) frontPart(at(k));
  return total;
}

/** Midpoint (Hall 1993): outer pick aisles traversed; front-half picks from the front, back-half picks from the back. */
export function midpoint(layout: WarehouseLayout, g: Groups, moves?: Move[]): number {
  return loop(layout, g, midpointSplit, moves);
}

/** Largest gap (Hall 1993): outer pick aisles traversed; each middle aisle's largest gap left unwalked. */
export function largestGap(layout: WarehouseLayout, g: Groups, moves?: Move[]): number {
  return loop(layout, g, largestGapSplit, moves);
}
