// The exact shortest tour in a single-block warehouse: Ratliff & Rosenthal (1983). A dynamic program
// over the aisles, left to right, whose states are the equivalence classes of partial tour subgraphs
// (the degree parity of the current aisle's front and back ends, and whether they are connected):
//
//   0 none      no edge yet                      4 (0, E, 1C)   only the back end, even
//   1 closed    a finished tour left behind       5 (E, E, 1C)   both even, connected
//   2 (U, U, 1C) both odd, connected              6 (E, E, 2C)   both even, two components
//   3 (E, 0, 1C) only the front end, even
//
// (Ratliff & Rosenthal's seven classes: their (0, 0, 0C) and (0, 0, 1C) are `none` and `closed`.)
// Each aisle adds one of six configurations of vertical edges; between two aisles 0, 1 or 2 copies of
// the front and of the back cross-aisle edge are added. The transition tables are derived once, lazily,
// from those rules (degree parity and connectivity), not typed in by hand. Linear in the number of aisles.
import { aisleLength, aisleX, cellDepth, depotOffset, depotX } from '../../internal/geometry.js';
import type { WarehouseLayout } from '../../types.js';
import type { Groups } from './groups.js';

const STATES = 7;
const NONE = 0;
const CLOSED = 1;

/** Aisle configurations: traverse, double traverse, from the back, from the front, largest gap, nothing. */
export const TRAVERSE = 0;
export const DOUBLE = 1;
export const FROM_BACK = 2;
export const FROM_FRONT = 3;
export const GAP = 4;
export const EMPTY = 5;
const CONFIGS = 6;
// Degree added to the front end, to the back end, and whether the aisle joins them.
const CONFIG_FRONT = [1, 2, 0, 2, 2, 0];
const CONFIG_BACK = [1, 2, 2, 0, 2, 0];
const CONFIG_JOINS = [true, true, false, false, false, false];

// Degree classes: 0 = zero, 1 = odd, 2 = even and positive.
const STATE_FRONT = [0, 0, 1, 2, 0, 2, 2];
const STATE_BACK = [0, 0, 1, 0, 2, 2, 2];
const STATE_JOINED = [false, false, true, false, false, true, false];

function addDegree(degree: number, added: number): number {
  if (added === 0) return degree;
  if (added === 2) return degree === 0 ? 2 : degree;
  return degree === 1 ? 2 : 1;
}

function encode(front: number, back: number, joined: boolean): number {
  if (front === 0 && back === 0) return -1;
  if (front > 0 && back > 0) {
    if (joined) return front === 1 && back === 1 ? 2 : front === 2 && back === 2 ? 5 : -1;
    return front === 2 && back === 2 ? 6 : -1;
  }
  if (front === 2) return 3;
  if (back === 2) return 4;
  return -1;
}

function plusRule(state: number, config: number): number {
  if (state === CLOSED || state === NONE) {
    if (config === EMPTY) return state;
    if (state === CLOSED) return -1;
  }
  const front0 = STATE_FRONT[state] as number;
  const back0 = STATE_BACK[state] as number;
  const front = addDegree(front0, CONFIG_FRONT[config] as number);
  const back = addDegree(back0, CONFIG_BACK[config] as number);
  const joined = (CONFIG_JOINS[config] as boolean) || (front0 > 0 && back0 > 0 && (STATE_JOINED[state] as boolean));
  return encode(front, back, joined);
}

function minusRule(state: number, f: number, t: number, required: boolean): number {
  if (state === CLOSED) return f === 0 && t === 0 && !required ? CLOSED : -1;
  const front0 = STATE_FRONT[state] as number;
  const back0 = STATE_BACK[state] as number;
  const frontEnd = addDegree(front0, f);
  const backEnd = addDegree(back0, t);
  // The ends leave the frontier: their degrees are final and must be even; a required end (the
  // depot) must be on the tour.
  if (frontEnd === 1 || backEnd === 1) return -1;
  if (required && frontEnd === 0) return -1;
  const joined = front0 > 0 && back0 > 0 && (STATE_JOINED[state] as boolean);
  const components = frontEnd > 0 && backEnd > 0 ? (joined ? 1 : 2) : frontEnd > 0 || backEnd > 0 ? 1 : 0;
  if (components === 0) return NONE;
  const frontSurvives = f > 0 || (joined && t > 0);
  const backSurvives = t > 0 || (joined && f > 0);
  const leftBehind = (frontEnd > 0 && !frontSurvives) || (backEnd > 0 && !backSurvives);
  if (leftBehind) return components === 1 && f === 0 && t === 0 ? CLOSED : -1;
  return encode(f === 0 ? 0 : f === 1 ? 1 : 2, t === 0 ? 0 : t === 1 ? 1 : 2, joined);
}

let plusTable: Int8Array | undefined;
let minusTable: Int8Array | undefined;

function tables(): { plus: Int8Array; minus: Int8Array } {
  if (plusTable === undefined || minusTable === undefined) {
    const plus = new Int8Array(STATES * CONFIGS);
    for (let s = 0; s < STATES; s++) for (let c = 0; c < CONFIGS; c++) plus[s * CONFIGS + c] = plusRule(s, c);
    const minus = new Int8Array(STATES * 9 * 2);
    for (let s = 0; s < STATES; s++) {
      for (let f = 0; f < 3; f++) {
        for (let t = 0; t < 3; t++) {
          minus[(s * 9 + f * 3 + t) * 2] = minusRule(s, f, t, false);
          minus[(s * 9 + f * 3 + t) * 2 + 1] = minusRule(s, f, t, true);
        }
      }
    }
    plusTable = plus;
    minusTable = minus;
  }
  return { plus: plusTable, minus: minusTable };
}

/** The DP's decisions, column by column, when the route is wanted. */
export interface OptimalPlan {
  /** Columns left to right: an aisle (≥ 0) or the depot between two aisles (−1). */
  readonly columns: readonly number[];
  /** Per column, the chosen aisle configuration. */
  readonly configs: readonly number[];
  /** Per column (but the last), copies of the front and the back cross-aisle edge to the next column. */
  readonly front: readonly number[];
  readonly back: readonly number[];
  /** Per column, the group index of the aisle's picks (−1 if none). */
  readonly groups: readonly number[];
}

/**
 * The optimal tour length; fills `plan` with the decisions when given. The columns are the aisles
 * from the leftmost pick aisle (or the aisle left of the depot) to the rightmost one (or the aisle
 * right of the depot), plus the depot itself when it stands between two aisles.
 */
export function optimal(layout: WarehouseLayout, g: Groups, plan?: { value?: OptimalPlan }): number {
  const { plus, minus } = tables();
  const m = g.count;
  const length = aisleLength(layout);
  const depotAt = layout.depot.aisle;
  const depotAisle = Number.isInteger(depotAt) ? depotAt : -1;
  const firstAisle = Math.min(g.aisle[0] as number, Math.floor(depotAt));
  const lastAisle = Math.max(g.aisle[m - 1] as number, Math.ceil(depotAt));
  const between = depotAisle === -1 ? Math.floor(depotAt) : -2; // the depot column follows this aisle
  const record = plan !== undefined;
  const columns: number[] = [];
  const groupOf: number[] = [];
  const plusBack: number[] = [];
  const minusBack: number[] = [];
  let cost = new Float64Array(STATES).fill(Number.POSITIVE_INFINITY);
  let next = new Float64Array(STATES);
  cost[NONE] = 0;
  let group = 0;
  let previousX = 0;
  let first = true;
  let pendingRequired = false;
  const dxd = depotX(layout);
  const costs = new Float64Array(CONFIGS);
  for (let aisle = firstAisle; aisle <= lastAisle; aisle++) {
    for (let pass = 0; pass < 2; pass++) {
      // pass 0: the aisle itself; pass 1: the depot column right after it (fractional depot only).
      if (pass === 1 && aisle !== between) continue;
      const isDepotColumn = pass === 1;
      const x = isDepotColumn ? dxd : aisleX(layout, aisle);
      const hasPicks = !isDepotColumn && group < m && g.aisle[group] === aisle;
      const required = isDepotColumn || aisle === depotAisle;
      if (!first) {
        // Cross-aisle edges from the previous column to this one.
        const dx = x - previousX;
        next.fill(Number.POSITIVE_INFINITY);
        const back = record ? new Int16Array(STATES).fill(-1) : undefined;
        // `required` of the previous column was applied when it was closed (see below).
        for (let s = 0; s < STATES; s++) {
          const c = cost[s] as number;
          if (c === Number.POSITIVE_INFINITY) continue;
          for (let ft = 0; ft < 9; ft++) {
            const to = minus[(s * 9 + ft) * 2 + (pendingRequired ? 1 : 0)] as number;
            if (to < 0) continue;
            const total = c + (Math.floor(ft / 3) + (ft % 3)) * dx;
            if (total < (next[to] as number)) {
              next[to] = total;
              if (back !== undefined) back[to] = s * 9 + ft;
            }
          }
        }
        if (back !== undefined) minusBack.push(...back);
        [cost, next] = [next, cost];
      }
      // Vertical edges in this column.
      next.fill(Number.POSITIVE_INFINITY);
      const back = record ? new Int16Array(STATES).fill(-1) : undefined;
      // Cost of each configuration in this column, −1 where it is not allowed.
      costs.fill(-1);
      if (isDepotColumn) costs[EMPTY] = 0;
      else {
        costs[TRAVERSE] = length;
        costs[DOUBLE] = 2 * length;
        if (!hasPicks) costs[EMPTY] = 0;
        else {
          const lo = g.gapLo[group] as number;
          costs[FROM_BACK] = 2 * (length - cellDepth(layout, g.minCell[group] as number));
          costs[FROM_FRONT] = 2 * cellDepth(layout, g.maxCell[group] as number);
          if (lo >= 0)
            costs[GAP] = 2 * cellDepth(layout, lo) + 2 * (length - cellDepth(layout, g.gapHi[group] as number));
        }
      }
      for (let s = 0; s < STATES; s++) {
        const c = cost[s] as number;
        if (c === Number.POSITIVE_INFINITY) continue;
        for (let k = 0; k < CONFIGS; k++) {
          const add = costs[k] as number;
          if (add < 0) continue;
          const to = plus[s * CONFIGS + k] as number;
          if (to < 0) continue;
          const total = c + add;
          if (total < (next[to] as number)) {
            next[to] = total;
            if (back !== undefined) back[to] = s * CONFIGS + k;
          }
        }
      }
      if (back !== undefined) plusBack.push(...back);
      [cost, next] = [next, cost];
      if (record) {
        columns.push(isDepotColumn ? -1 : aisle);
        groupOf.push(hasPicks ? group : -1);
      }
      if (hasPicks) group++;
      pendingRequired = required;
      previousX = x;
      first = false;
    }
  }
  // Close the last column: no edges to the right, the tour must be finished.
  let best = Number.POSITIVE_INFINITY;
  let bestState = -1;
  for (let s = 0; s < STATES; s++) {
    const c = cost[s] as number;
    if (c < best && minus[s * 9 * 2 + (pendingRequired ? 1 : 0)] === CLOSED) {
      best = c;
      bestState = s;
    }
  }
  if (plan !== undefined) {
    const n = columns.length;
    const configs = new Array<number>(n).fill(EMPTY);
    const front = new Array<number>(Math.max(0, n - 1)).fill(0);
    const backEdges = new Array<number>(Math.max(0, n - 1)).fill(0);
    let state = bestState;
    for (let col = n - 1; col >= 0; col--) {
      const p = plusBack[col * STATES + state] as number;
      configs[col] = p % CONFIGS;
      state = Math.floor(p / CONFIGS);
      if (col > 0) {
        const q = minusBack[(col - 1) * STATES + state] as number;
        const ft = q % 9;
        front[col - 1] = Math.floor(ft / 3);
        backEdges[col - 1] = ft % 3;
        state = Math.floor(q / 9);
      }
    }
    plan.value = { columns, configs, front, back: backEdges, groups: groupOf };
  }
  return best + 2 * depotOffset(layout);
}
