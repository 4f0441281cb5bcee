// Picks bucketed by aisle once: per pick aisle (ascending) the shallowest and deepest cell, the
// largest gap between adjacent occupied cells, and the midpoint split. Every policy's length and
// route is computed from these numbers only, with plain loops over typed arrays and no per-pick
// allocation (routeLength is the hot path of batching).
import { cellDepth } from '../../internal/geometry.js';
import type { Pick, WarehouseLayout } from '../../types.js';

/** Per pick aisle statistics, `count` entries in ascending aisle order (cells are integers). */
export interface Groups {
  /** Number of distinct aisles with picks. */
  count: number;
  /** The aisle of each group. */
  aisle: Int32Array;
  /** Shallowest and deepest occupied cell. */
  minCell: Int32Array;
  maxCell: Int32Array;
  /** The largest gap between two adjacent occupied cells (`gapLo` < `gapHi`), −1 when one cell only. */
  gapLo: Int32Array;
  gapHi: Int32Array;
  /** Midpoint policy: deepest occupied cell in the front half (−1 if none), shallowest in the back half (−1 if none). */
  frontMax: Int32Array;
  backMin: Int32Array;
}

interface Scratch {
  keys: Float64Array;
  groups: Groups;
}

function allocate(picks: number, aisles: number): Scratch {
  const g = Math.max(1, Math.min(picks, aisles));
  return {
    keys: new Float64Array(Math.max(1, picks)),
    groups: {
      count: 0,
      aisle: new Int32Array(g),
      minCell: new Int32Array(g),
      maxCell: new Int32Array(g),
      gapLo: new Int32Array(g),
      gapHi: new Int32Array(g),
      frontMax: new Int32Array(g),
      backMin: new Int32Array(g),
    },
  };
}

// One reusable buffer (grown on demand). `busy` guards against re-entrance (a getter on a hostile
// pick calling routeLength while we read): a nested call gets fresh arrays.
let shared: Scratch | undefined;
let busy = false;

/** Runs `use` with the groups of `picks`; the groups are only valid during the call. */
export function withGroups<T>(layout: WarehouseLayout, picks: readonly Pick[], use: (groups: Groups) => T): T {
  const n = picks.length;
  let scratch: Scratch;
  const nested = busy;
  if (nested) {
    scratch = allocate(n, layout.aisles);
  } else {
    if (shared === undefined || shared.keys.length < n || shared.groups.aisle.length < Math.min(n, layout.aisles)) {
      shared = allocate(Math.max(n, 64), Math.max(Math.min(n, layout.aisles), 16));
    }
    scratch = shared;
    busy = true;
  }
  try {
    fill(layout, picks, scratch);
    return use(scratch.groups);
  } finally {
    if (!nested) busy = false;
  }
}

function fill(layout: WarehouseLayout, picks: readonly Pick[], scratch: Scratch): void {
  const n = picks.length;
  const cells = layout.cellsPerSide;
  const keys = scratch.keys;
  for (let i = 0; i < n; i++) {
    const location = (picks[i] as Pick).location;
    keys[i] = location.aisle * cells + location.cell;
  }
  if (n <= 48) {
    for (let i = 1; i < n; i++) {
      const k = keys[i] as number;
      let j = i - 1;
      while (j >= 0 && (keys[j] as number) > k) {
        keys[j + 1] = keys[j] as number;
        j--;
      }
      keys[j + 1] = k;
    }
  } else {
    keys.subarray(0, n).sort();
  }
  const g = scratch.groups;
  // Midpoint: a cell is in the front half when its depth is ≤ half the aisle length.
  const half = (layout.frontMargin + cells * layout.cellLength + layout.backMargin) / 2;
  let count = 0;
  let i = 0;
  while (i < n) {
    const first = keys[i] as number;
    const aisle = Math.floor(first / cells);
    const base = aisle * cells;
    let prev = first - base;
    let gapLo = -1;
    let gapHi = -1;
    let gapSize = 0;
    let frontMax = cellDepth(layout, prev) <= half ? prev : -1;
    let backMin = frontMax === -1 ? prev : -1;
    i++;
    while (i < n) {
      const key = keys[i] as number;
      if (key >= base + cells) break;
      const cell = key - base;
      i++;
      if (cell === prev) continue;
      if (cell - prev > gapSize) {
        gapSize = cell - prev;
        gapLo = prev;
        gapHi = cell;
      }
      if (cellDepth(layout, cell) <= half) frontMax = cell;
      else if (backMin === -1) backMin = cell;
      prev = cell;
    }
    g.aisle[count] = aisle;
    g.minCell[count] = first - base;
    g.maxCell[count] = prev;
    g.gapLo[count] = gapLo;
    g.gapHi[count] = gapHi;
    g.frontMax[count] = frontMax;
    g.backMin[count] = backMin;
    count++;
  }
  g.count = count;
}
