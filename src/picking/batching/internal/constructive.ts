import type { AdditionRule, SeedRule } from '../types.js';
import { type Problem, union, withMember } from './problem.js';

// The constructive methods: FCFS, the sequential seed algorithm, and Clarke–Wright savings.
// Each returns batches as ascending arrays of order indices.

/** First come, first served, first fit: arrival order, each order into the first open batch it fits in. */
export function fcfs(problem: Problem): number[][] {
  const byArrival = Array.from({ length: problem.n }, (_, i) => i).sort(
    (a, b) => (problem.arrival[a] as number) - (problem.arrival[b] as number),
  );
  const batches: number[][] = [];
  for (const order of byArrival) {
    let placed = false;
    for (let b = 0; b < batches.length; b++) {
      const candidate = withMember(batches[b] as number[], order);
      if (problem.fits(candidate)) {
        batches[b] = candidate;
        placed = true;
        break;
      }
    }
    if (!placed) batches.push([order]);
  }
  return batches;
}

function seedScore(problem: Problem, rule: SeedRule, order: number): number {
  switch (rule) {
    case 'most_picks':
      return problem.pickCount[order] as number;
    case 'most_aisles':
      return (problem.aisles[order] as Int32Array).length;
    case 'farthest':
      return problem.farthest[order] as number;
  }
}

/** How many of `aisles` (ascending) are in `visited`. */
function sharedAisles(visited: ReadonlySet<number>, aisles: Int32Array): number {
  let shared = 0;
  for (const aisle of aisles) if (visited.has(aisle)) shared += 1;
  return shared;
}

/**
 * The sequential seed algorithm (de Koster et al. 1999): the seed rule picks the order that opens a
 * batch, the addition rule adds orders while any fits, then the batch is closed. Ties go to the
 * smaller index.
 */
export function seedBatches(problem: Problem, seedRule: SeedRule, additionRule: AdditionRule): number[][] {
  const unassigned = new Set<number>(Array.from({ length: problem.n }, (_, i) => i));
  const batches: number[][] = [];
  while (unassigned.size > 0) {
    let seed = -1;
    let seedValue = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < problem.n; i++) {
      if (!unassigned.has(i)) continue;
      const value = seedScore(problem, seedRule, i);
      if (value > seedValue) {
        seed = i;
        seedValue = value;
      }
    }
    unassigned.delete(seed);
    let batch = [seed];
    const visited = new Set<number>(problem.aisles[seed]);
    let length = problem.length(batch);
    for (;;) {
      let best = -1;
      let bestPrimary = 0;
      let bestSecondary = 0;
      let bestBatch: number[] = batch;
      for (let i = 0; i < problem.n; i++) {
        if (!unassigned.has(i)) continue;
        const candidate = withMember(batch, i);
        if (!problem.fits(candidate)) continue;
        // Lower is better on both keys.
        let primary: number;
        let secondary: number;
        if (additionRule === 'most_shared_aisles') {
          const aisles = problem.aisles[i] as Int32Array;
          const shared = sharedAisles(visited, aisles);
          primary = -shared;
          secondary = aisles.length - shared;
        } else {
          primary = problem.length(candidate) - length;
          secondary = 0;
        }
        if (best < 0 || primary < bestPrimary || (primary === bestPrimary && secondary < bestSecondary)) {
          best = i;
          bestPrimary = primary;
          bestSecondary = secondary;
          bestBatch = candidate;
        }
      }
      if (best < 0) break;
      unassigned.delete(best);
      batch = bestBatch;
      for (const aisle of problem.aisles[best] as Int32Array) visited.add(aisle);
      length = problem.length(batch);
    }
    batches.push(batch);
  }
  return batches;
}

/**
 * Clarke–Wright savings with savings recomputed after each merge (C&W(ii), de Koster et al. 1999):
 * every order starts as its own batch; the two batches that fit together with the largest saving
 * L(A) + L(B) − L(A ∪ B) are merged, the merged batch's savings with every other batch are
 * recomputed, and so on while some pair fits with a saving ≥ 0. Ties go to the pair with the
 * smaller slots (a slot is the smallest order index of its batch).
 */
export function savings(problem: Problem): number[][] {
  const n = problem.n;
  const members: (number[] | undefined)[] = Array.from({ length: n }, (_, i) => [i]);
  const lengths = new Float64Array(n);
  for (let i = 0; i < n; i++) lengths[i] = problem.length([i]);
  // saving[i * n + j] for i ≠ j, symmetric; −∞ when the two batches do not fit together.
  const saving = new Float64Array(n * n).fill(Number.NEGATIVE_INFINITY);
  const pairSaving = (i: number, j: number): number => {
    const merged = union(members[i] as number[], members[j] as number[]);
    if (!problem.fits(merged)) return Number.NEGATIVE_INFINITY;
    // Pair lengths are computed once each and mostly never asked again: no cache.
    return (lengths[i] as number) + (lengths[j] as number) - problem.lengthUncached(merged);
  };
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = pairSaving(i, j);
      saving[i * n + j] = s;
      saving[j * n + i] = s;
    }
  }
  // Each row's best partner (largest saving, then smallest index), so a merge is found in O(n).
  const bestOf = new Int32Array(n).fill(-1);
  const rescan = (i: number): void => {
    let best = -1;
    let value = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < n; j++) {
      if (j === i || members[j] === undefined) continue;
      const s = saving[i * n + j] as number;
      if (s > value) {
        value = s;
        best = j;
      }
    }
    bestOf[i] = value === Number.NEGATIVE_INFINITY ? -1 : best;
  };
  for (let i = 0; i < n; i++) rescan(i);
  for (;;) {
    let a = -1;
    let b = -1;
    let value = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const j = bestOf[i] as number;
      if (members[i] === undefined || j < 0) continue;
      const s = saving[i * n + j] as number;
      const lo = Math.min(i, j);
      const hi = Math.max(i, j);
      if (s > value || (s === value && (lo < a || (lo === a && hi < b)))) {
        value = s;
        a = lo;
        b = hi;
      }
    }
    if (a < 0 || value < 0) break;
    members[a] = union(members[a] as number[], members[b] as number[]);
    members[b] = undefined;
    lengths[a] = problem.length(members[a] as number[]);
    for (let k = 0; k < n; k++) {
      if (k === a || members[k] === undefined) continue;
      const s = pairSaving(a, k);
      saving[a * n + k] = s;
      saving[k * n + a] = s;
    }
    for (let k = 0; k < n; k++) {
      if (members[k] === undefined) continue;
      if (k === a || bestOf[k] === a || bestOf[k] === b) {
        rescan(k);
        continue;
      }
      const current = bestOf[k] as number;
      const s = saving[k * n + a] as number;
      const incumbent = current < 0 ? Number.NEGATIVE_INFINITY : (saving[k * n + current] as number);
      if (s > incumbent || (s === incumbent && s !== Number.NEGATIVE_INFINITY && a < current)) bestOf[k] = a;
    }
  }
  return members.filter((m): m is number[] => m !== undefined);
}
