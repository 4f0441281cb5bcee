import type { AdditionRule, SeedRule } from '../types.js';
import { closeness, mergeProfiles, type Profile } from './closeness.js';
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
  return problem.n <= FULL_SAVINGS_MAX_ORDERS ? fullSavings(problem) : sparseSavings(problem, SAVINGS_NEIGHBOURS);
}

/** Up to this many orders, savings considers every pair of batches (C&W(ii) as published). */
export const FULL_SAVINGS_MAX_ORDERS = 200;
/** Above {@link FULL_SAVINGS_MAX_ORDERS}: the candidate partners of each order (its nearest neighbours). */
export const SAVINGS_NEIGHBOURS = 16;
/** How many batches, per candidate partner kept, are shortlisted by {@link closeness} before true savings decide. */
export const WIDE_FACTOR = 4;

export function fullSavings(problem: Problem): number[][] {
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

interface HeapEntry {
  readonly saving: number;
  readonly lo: number;
  readonly hi: number;
  readonly loVersion: number;
  readonly hiVersion: number;
}

/** Whether entry x comes before y: the larger saving, then the smaller slots. */
function before(x: HeapEntry, y: HeapEntry): boolean {
  return x.saving > y.saving || (x.saving === y.saving && (x.lo < y.lo || (x.lo === y.lo && x.hi < y.hi)));
}

/** A binary heap of merge candidates, the best first. */
class MergeHeap {
  private readonly items: HeapEntry[] = [];
  push(entry: HeapEntry): void {
    const items = this.items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i] as HeapEntry, items[parent] as HeapEntry)) break;
      [items[i], items[parent]] = [items[parent] as HeapEntry, items[i] as HeapEntry];
      i = parent;
    }
  }
  pop(): HeapEntry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && before(items[l] as HeapEntry, items[m] as HeapEntry)) m = l;
        if (r < items.length && before(items[r] as HeapEntry, items[m] as HeapEntry)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m] as HeapEntry, items[i] as HeapEntry];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Savings restricted to candidate pairs, for large instances. In rounds: every batch shortlists
 * the `wide` batches closest by {@link closeness} among those it fits with, computes their true
 * savings and keeps the `k` largest as candidates (made symmetric). Then merges follow the rule of
 * {@link fullSavings} — the largest saving ≥ 0 first, ties to the smaller slots — from a priority
 * queue whose entries go stale when either batch changes (lazy invalidation); a merged batch
 * inherits both batches' candidates and its savings with them are recomputed. A round ends when
 * no candidate pair is left; the next round shortlists again among the batches left (so batches
 * still fill up), until a round merges nothing. With `k` and `wide` ≥ n − 1 every pair is a
 * candidate and the batches are exactly those of {@link fullSavings}. Per round about m²/2
 * closeness checks (no route) and m·wide route lengths for m batches, instead of n² route lengths.
 */
export function sparseSavings(problem: Problem, k: number, wide: number = WIDE_FACTOR * k): number[][] {
  const n = problem.n;
  const members: (number[] | undefined)[] = Array.from({ length: n }, (_, i) => [i]);
  const profiles: (Profile | undefined)[] = Array.from({ length: n }, (_, i) => ({
    aisles: problem.aisles[i] as Int32Array,
    depths: problem.depths[i] as Float64Array,
  }));
  const version = new Int32Array(n);
  const lengths = new Float64Array(n);
  for (let i = 0; i < n; i++) lengths[i] = problem.length([i]);
  const saving = (a: number, b: number): number => {
    const merged = union(members[a] as number[], members[b] as number[]);
    if (!problem.fits(merged)) return Number.NEGATIVE_INFINITY;
    return (lengths[a] as number) + (lengths[b] as number) - problem.lengthUncached(merged);
  };
  const scores = new Float64Array(n);
  const items = new Float64Array(n);
  const weight = new Float64Array(n);
  const volume = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const load = problem.load([i]);
    items[i] = load.items;
    weight[i] = load.weight;
    volume[i] = load.volume;
  }
  for (;;) {
    const alive: number[] = [];
    for (let i = 0; i < n; i++) if (members[i] !== undefined) alive.push(i);
    // Candidates per slot, symmetric.
    const candidates = new Map<number, Set<number>>(alive.map((a) => [a, new Set<number>()]));
    const heap = new MergeHeap();
    const offer = (a: number, b: number, value: number): void => {
      if (value < 0) return;
      const lo = Math.min(a, b);
      const hi = Math.max(a, b);
      heap.push({ saving: value, lo, hi, loVersion: version[lo] as number, hiVersion: version[hi] as number });
    };
    const evaluated = new Set<number>();
    const shortlist: number[] = [];
    for (const a of alive) {
      // The `wide` closest batches that fit with `a` (ties: the smaller slot), kept sorted by insertion.
      shortlist.length = 0;
      const pa = profiles[a] as Profile;
      for (const b of alive) {
        if (b === a) continue;
        const fits = problem.fitsLoad(
          (items[a] as number) + (items[b] as number),
          (weight[a] as number) + (weight[b] as number),
          (volume[a] as number) + (volume[b] as number),
        );
        if (!fits) continue;
        const score = closeness(problem, pa, profiles[b] as Profile);
        if (shortlist.length >= wide && score <= (scores[shortlist[shortlist.length - 1] as number] as number))
          continue;
        scores[b] = score;
        let at = shortlist.length;
        while (at > 0 && score > (scores[shortlist[at - 1] as number] as number)) at--;
        shortlist.splice(at, 0, b);
        if (shortlist.length > wide) shortlist.pop();
      }
      for (const b of shortlist) scores[b] = saving(a, b);
      shortlist.sort((x, y) => (scores[y] as number) - (scores[x] as number) || x - y);
      for (let r = 0; r < Math.min(k, shortlist.length); r++) {
        const b = shortlist[r] as number;
        (candidates.get(a) as Set<number>).add(b);
        (candidates.get(b) as Set<number>).add(a);
        const key = Math.min(a, b) * n + Math.max(a, b);
        if (!evaluated.has(key)) {
          evaluated.add(key);
          offer(a, b, scores[b] as number);
        }
      }
    }
    let merges = 0;
    for (;;) {
      const top = heap.pop();
      if (top === undefined) break;
      const { lo: a, hi: b } = top;
      if (members[a] === undefined || members[b] === undefined) continue;
      if (version[a] !== top.loVersion || version[b] !== top.hiVersion) continue;
      merges += 1;
      members[a] = union(members[a] as number[], members[b] as number[]);
      members[b] = undefined;
      profiles[a] = mergeProfiles(profiles[a] as Profile, profiles[b] as Profile);
      profiles[b] = undefined;
      items[a] = (items[a] as number) + (items[b] as number);
      weight[a] = (weight[a] as number) + (weight[b] as number);
      volume[a] = (volume[a] as number) + (volume[b] as number);
      version[a] = (version[a] as number) + 1;
      lengths[a] = problem.length(members[a] as number[]);
      const mine = candidates.get(a) as Set<number>;
      for (const c of candidates.get(b) as Set<number>) {
        const theirs = candidates.get(c) as Set<number>;
        theirs.delete(b);
        if (c !== a) {
          theirs.add(a);
          mine.add(c);
        }
      }
      mine.delete(b);
      candidates.delete(b);
      for (const c of [...mine].sort((x, y) => x - y)) offer(a, c, saving(a, c));
    }
    if (merges === 0) break;
  }
  return members.filter((m): m is number[] => m !== undefined);
}
