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
  /** Picks sorted by (aisle, cell): their aisles and cells. */
  aisles: Int32Array;
  cells: Int32Array;
  /** Fallback sort keys (aisle × cellsPerSide + cell) when the layout has many more aisles than picks. */
  keys: Float64Array;
  /** Counting sort by aisle: one counter per aisle (+1). */
  counts: Int32Array;
  /** Where each aisle's run starts in the sorted arrays. */
  starts: Int32Array;
  groups: Groups;
}

function allocate(picks: number, aisles: number): Scratch {
  const n = Math.max(1, picks);
  const g = Math.max(1, Math.min(picks, aisles));
  return {
    aisles: new Int32Array(n),
    cells: new Int32Array(n),
    keys: new Float64Array(n),
    counts: new Int32Array(Math.min(aisles, 4 * n + 64) + 1),
    starts: new Int32Array(Math.min(aisles, 4 * n + 64) + 1),
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
    if (
      shared === undefined ||
      shared.cells.length < n ||
      shared.groups.aisle.length < Math.min(n, layout.aisles) ||
      shared.counts.length < Math.min(layout.aisles, 4 * n + 64) + 1
    ) {
      shared = allocate(Math.max(n, 64), Math.max(layout.aisles, 16));
    }
    scratch = shared;
    busy = true;
  }
  try {
    sortPicks(layout, picks, scratch);
    scan(layout, n, scratch);
    return use(scratch.groups);
  } finally {
    if (!nested) busy = false;
  }
}

/** Sorts the picks by (aisle, cell) into `scratch.aisles` / `scratch.cells`. */
function sortPicks(layout: WarehouseLayout, picks: readonly Pick[], scratch: Scratch): void {
  const n = picks.length;
  const aisleCount = layout.aisles;
  const sortedAisles = scratch.aisles;
  const sortedCells = scratch.cells;
  if (aisleCount <= 4 * n + 64) {
    // Counting sort by aisle (O(picks + aisles)), then insertion sort of the few cells per aisle.
    const counts = scratch.counts;
    counts.fill(0, 0, aisleCount + 1);
    for (let i = 0; i < n; i++) {
      const slot = (picks[i] as Pick).location.aisle + 1;
      counts[slot] = (counts[slot] as number) + 1;
    }
    for (let a = 1; a <= aisleCount; a++) counts[a] = (counts[a] as number) + (counts[a - 1] as number);
    const starts = scratch.starts;
    starts.set(counts.subarray(0, aisleCount + 1));
    for (let i = 0; i < n; i++) {
      const location = (picks[i] as Pick).location;
      const at = counts[location.aisle] as number;
      counts[location.aisle] = at + 1;
      sortedAisles[at] = location.aisle;
      // Insertion into the aisle's run, which starts after the previous aisles' picks.
      const start = starts[location.aisle] as number;
      let j = at - 1;
      const cell = location.cell;
      while (j >= start && (sortedCells[j] as number) > cell) {
        sortedCells[j + 1] = sortedCells[j] as number;
        j--;
      }
      sortedCells[j + 1] = cell;
    }
    return;
  }
  const cellsPerSide = layout.cellsPerSide;
  const keys = scratch.keys;
  for (let i = 0; i < n; i++) {
    const location = (picks[i] as Pick).location;
    keys[i] = location.aisle * cellsPerSide + location.cell;
  }
  keys.subarray(0, n).sort();
  for (let i = 0; i < n; i++) {
    const key = keys[i] as number;
    const aisle = Math.floor(key / cellsPerSide);
    sortedAisles[i] = aisle;
    sortedCells[i] = key - aisle * cellsPerSide;
  }
}

function scan(layout: WarehouseLayout, n: number, scratch: Scratch): void {
  const sortedAisles = scratch.aisles;
  const sortedCells = scratch.cells;
  const g = scratch.groups;
  // Midpoint: a cell is in the front half when its depth is ≤ half the aisle length.
  const half = (layout.frontMargin + layout.cellsPerSide * layout.cellLength + layout.backMargin) / 2;
  let count = 0;
  let i = 0;
  while (i < n) {
    const aisle = sortedAisles[i] as number;
    const first = sortedCells[i] as number;
    let prev = first;
    let gapLo = -1;
    let gapHi = -1;
    let gapSize = 0;
    let frontMax = cellDepth(layout, prev) <= half ? prev : -1;
    let backMin = frontMax === -1 ? prev : -1;
    i++;
    while (i < n && sortedAisles[i] === aisle) {
      const cell = sortedCells[i] as number;
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
    g.minCell[count] = first;
    g.maxCell[count] = prev;
    g.gapLo[count] = gapLo;
    g.gapHi[count] = gapHi;
    g.frontMax[count] = frontMax;
    g.backMin[count] = backMin;
    count++;
  }
  g.count = count;
}
