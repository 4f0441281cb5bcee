import type { BatchingStop } from '../types.js';
import type { Random } from './prng.js';
import { type Problem, replaceMember, totalLength, withMember, withoutMember } from './problem.js';

// Local search over a partition of orders into batches: shift (one order to another batch) and
// swap (two orders of two batches exchanged) moves, first or best improvement; and iterated local
// search on top (perturbation by random feasible moves, local search, accept when not worse).
//
// Every batch version carries a unique stamp. A pair of batch versions whose neighbourhood was
// searched without finding an improvement is remembered (by its two stamps), so after a move or a
// perturbation only the pairs involving a changed batch are searched again.

interface SearchBatch {
  readonly members: readonly number[];
  readonly length: number;
  readonly stamp: number;
}

interface Move {
  readonly a: number;
  readonly b: number;
  readonly newA: readonly number[];
  readonly newB: readonly number[];
  readonly lengthA: number;
  readonly lengthB: number;
  readonly delta: number;
}

export interface SearchLimits {
  readonly improvement: 'first' | 'best';
  /** Improving moves allowed (local search) / rounds (iterated). */
  readonly maxIterations: number;
  /** The clock reading after which the search stops, or +∞. */
  readonly deadline: number;
  readonly clock: (() => number) | undefined;
}

export interface SearchOutcome {
  readonly batches: number[][];
  readonly iterations: number;
  readonly stoppedBy: BatchingStop;
}

// Stamps are packed two to a number in the "searched" set; 2^26 batch versions is far beyond any
// budget (the search stops with max_iterations if it ever gets there).
const STAMP_LIMIT = 2 ** 26;
const SEARCHED_LIMIT = 1_000_000;

/** A move must improve by more than rounding noise, so the search cannot cycle on equal lengths. */
function improves(delta: number, before: number): boolean {
  return delta < -1e-9 * Math.max(1, before);
}

class Search {
  private stampCounter = 0;
  private readonly searched = new Set<number>();
  private readonly bestMoves = new Map<number, Move | null>();
  batches: SearchBatch[];

  constructor(
    private readonly problem: Problem,
    start: readonly (readonly number[])[],
  ) {
    this.batches = [...start].sort((x, y) => (x[0] as number) - (y[0] as number)).map((m) => this.make(m));
  }

  make(members: readonly number[], length?: number): SearchBatch {
    this.stampCounter += 1;
    return { members, length: length ?? this.problem.length(members), stamp: this.stampCounter };
  }

  get exhausted(): boolean {
    return this.stampCounter >= STAMP_LIMIT;
  }

  private pairKey(x: SearchBatch, y: SearchBatch): number {
    return x.stamp * STAMP_LIMIT + y.stamp;
  }

  /** The first (or best) improving move between batches `a` and `b`, or null. */
  private searchPair(a: number, b: number, first: boolean): Move | null {
    const problem = this.problem;
    const A = this.batches[a] as SearchBatch;
    const B = this.batches[b] as SearchBatch;
    const before = A.length + B.length;
    let best: Move | null = null;
    const consider = (newA: readonly number[], newB: readonly number[]): boolean => {
      if (!problem.fits(newA) || !problem.fits(newB)) return false;
      const lengthA = problem.length(newA);
      const lengthB = problem.length(newB);
      const delta = lengthA + lengthB - before;
      if (!improves(delta, before)) return false;
      if (best === null || delta < best.delta) best = { a, b, newA, newB, lengthA, lengthB, delta };
      return first;
    };
    // Shifts A → B, B → A, then swaps; in index order.
    for (const o of A.members) {
      if (consider(withoutMember(A.members, o), withMember(B.members, o))) return best;
    }
    for (const o of B.members) {
      if (consider(withMember(A.members, o), withoutMember(B.members, o))) return best;
    }
    for (const o of A.members) {
      for (const p of B.members) {
        if (consider(replaceMember(A.members, o, p), replaceMember(B.members, p, o))) return best;
      }
    }
    return best;
  }

  private apply(move: Move): void {
    const next: SearchBatch[] = [];
    this.batches.forEach((batch, i) => {
      const members = i === move.a ? move.newA : i === move.b ? move.newB : undefined;
      if (members === undefined) next.push(batch);
      else if (members.length > 0) next.push(this.make(members, i === move.a ? move.lengthA : move.lengthB));
    });
    this.batches = next;
  }

  private remember(key: number, move: Move | null): void {
    if (this.searched.size >= SEARCHED_LIMIT) {
      this.searched.clear();
      this.bestMoves.clear();
    }
    if (move === null) this.searched.add(key);
    else this.bestMoves.set(key, move);
  }

  /** Runs to a local optimum, or until `maxMoves` moves or the deadline. */
  descend(maxMoves: number, limits: SearchLimits): { moves: number; stoppedBy: BatchingStop } {
    let moves = 0;
    const outOfTime = (): boolean => limits.clock !== undefined && limits.clock() >= limits.deadline;
    for (;;) {
      if (moves >= maxMoves || this.exhausted) return { moves, stoppedBy: 'max_iterations' };
      if (outOfTime()) return { moves, stoppedBy: 'time_budget' };
      let chosen: Move | null = null;
      outer: for (let a = 0; a < this.batches.length; a++) {
        for (let b = a + 1; b < this.batches.length; b++) {
          const key = this.pairKey(this.batches[a] as SearchBatch, this.batches[b] as SearchBatch);
          if (this.searched.has(key)) continue;
          if (limits.improvement === 'first') {
            const move = this.searchPair(a, b, true);
            if (move !== null) {
              chosen = move;
              break outer;
            }
            this.remember(key, null);
          } else {
            let move = this.bestMoves.get(key);
            if (move === undefined) {
              move = this.searchPair(a, b, false);
              this.remember(key, move);
            } else if (move !== null) {
              // Cached moves name batch positions of the time they were found: re-aim them.
              move = { ...move, a, b };
            }
            if (move !== null && (chosen === null || move.delta < chosen.delta)) chosen = move;
          }
        }
      }
      if (chosen === null) return { moves, stoppedBy: 'local_optimum' };
      this.apply(chosen);
      moves += 1;
    }
  }

  /**
   * `count` random feasible moves: a shift or a swap between two batches, or a split (an order
   * moved to a batch of its own, which no descent move does, so the number of batches can change).
   */
  perturb(random: Random, count: number): void {
    for (let k = 0; k < count; k++) {
      for (let attempt = 0; attempt < 10; attempt++) {
        const size = this.batches.length;
        if (size === 0) return;
        const kind = random(8);
        if (kind === 7 || size < 2) {
          const a = random(size);
          const A = this.batches[a] as SearchBatch;
          if (A.members.length < 2) continue;
          const o = A.members[random(A.members.length)] as number;
          const newA = withoutMember(A.members, o);
          this.batches = this.batches.map((batch, i) => (i === a ? this.make(newA) : batch));
          this.batches.push(this.make([o]));
          break;
        }
        const a = random(size);
        const b = (a + 1 + random(size - 1)) % size;
        const A = this.batches[a] as SearchBatch;
        const B = this.batches[b] as SearchBatch;
        const o = A.members[random(A.members.length)] as number;
        let newA: number[];
        let newB: number[];
        if (kind < 4) {
          newA = withoutMember(A.members, o);
          newB = withMember(B.members, o);
        } else {
          const p = B.members[random(B.members.length)] as number;
          newA = replaceMember(A.members, o, p);
          newB = replaceMember(B.members, p, o);
        }
        if (!this.problem.fits(newA) || !this.problem.fits(newB)) continue;
        this.apply({
          a,
          b,
          newA,
          newB,
          lengthA: this.problem.length(newA),
          lengthB: this.problem.length(newB),
          delta: 0,
        });
        break;
      }
    }
  }

  snapshot(): SearchBatch[] {
    return this.batches;
  }

  total(): number {
    return totalLength(
      this.problem,
      this.batches.map((b) => b.members),
    );
  }
}

/** Local search from `start`: never returns a solution longer than its start. */
export function localSearch(
  problem: Problem,
  start: readonly (readonly number[])[],
  limits: SearchLimits,
): SearchOutcome {
  const search = new Search(problem, start);
  const { moves, stoppedBy } = search.descend(limits.maxIterations, limits);
  return { batches: search.batches.map((b) => [...b.members]), iterations: moves, stoppedBy };
}

/**
 * Iterated local search: descend from `start`, then for each round perturb the current solution
 * (two or three random feasible moves, more the longer no new best was found), descend again, and
 * accept the result as the new current solution when it is within {@link ACCEPT_ABOVE_BEST} of the
 * best found so far (a record-to-record acceptance: it lets the search walk across plateaus and
 * small ridges), else go back to the current one. Returns the best solution found, so never a
 * solution longer than the start.
 */
export function iteratedLocalSearch(
  problem: Problem,
  start: readonly (readonly number[])[],
  limits: SearchLimits,
  random: Random,
): SearchOutcome {
  const search = new Search(problem, start);
  const outOfTime = (): boolean => limits.clock !== undefined && limits.clock() >= limits.deadline;
  const first = search.descend(Number.POSITIVE_INFINITY, limits);
  let current = search.snapshot();
  let best = current;
  let bestTotal = search.total();
  let rounds = 0;
  let stale = 0;
  let stoppedBy: BatchingStop = first.stoppedBy === 'local_optimum' ? 'max_iterations' : first.stoppedBy;
  if (first.stoppedBy === 'local_optimum') {
    for (;;) {
      if (rounds >= limits.maxIterations || search.exhausted) {
        stoppedBy = 'max_iterations';
        break;
      }
      if (outOfTime()) {
        stoppedBy = 'time_budget';
        break;
      }
      rounds += 1;
      search.perturb(random, 2 + random(2) + Math.min(4, Math.floor(stale / 20)));
      const descent = search.descend(Number.POSITIVE_INFINITY, limits);
      const total = search.total();
      // A descent cut short by the deadline may sit anywhere: then only a new best is kept.
      const complete = descent.stoppedBy === 'local_optimum';
      if (total < bestTotal) {
        best = search.snapshot();
        bestTotal = total;
        stale = 0;
      } else {
        stale += 1;
      }
      if (complete && total <= bestTotal * (1 + ACCEPT_ABOVE_BEST)) current = search.snapshot();
      else search.batches = current;
      if (descent.stoppedBy === 'time_budget') {
        stoppedBy = 'time_budget';
        break;
      }
    }
  }
  return { batches: best.map((b) => [...b.members]), iterations: rounds, stoppedBy };
}

/** How far above the best total a perturbed-and-descended solution may be and still be accepted. */
export const ACCEPT_ABOVE_BEST = 0.01;
