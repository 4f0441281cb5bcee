import type { Problem } from './problem.js';

// The exact solver: every feasible batch (subset of orders within the capacity) gets its route
// length, then dp[S] = the least total length that batches the order set S, over the batch B ∋
// lowest(S), B ⊆ S: dp[S] = min dp[S ∖ B] + L(B). Fixing the lowest order of S makes each
// partition counted once; the submask walk costs Σ 2^(|S|−1) = (3ⁿ + 1) / 2 steps in all.

export function exactBatches(problem: Problem): number[][] {
  const n = problem.n;
  const size = 1 << n;
  const length = new Float64Array(size).fill(Number.POSITIVE_INFINITY);
  // Depth-first over subsets in index order; loads only grow, so an infeasible subset ends a branch.
  const members: number[] = [];
  const visit = (next: number, mask: number): void => {
    for (let i = next; i < n; i++) {
      members.push(i);
      if (problem.fits(members)) {
        const withI = mask | (1 << i);
        length[withI] = problem.lengthUncached(members);
        visit(i + 1, withI);
      }
      members.pop();
    }
  };
  visit(0, 0);
  const dp = new Float64Array(size).fill(Number.POSITIVE_INFINITY);
  const choice = new Int32Array(size);
  dp[0] = 0;
  for (let mask = 1; mask < size; mask++) {
    const low = mask & -mask;
    const rest = mask ^ low;
    let best = Number.POSITIVE_INFINITY;
    let bestBatch = 0;
    for (let sub = rest; ; sub = (sub - 1) & rest) {
      const batch = sub | low;
      const l = length[batch] as number;
      if (l !== Number.POSITIVE_INFINITY) {
        const value = (dp[mask ^ batch] as number) + l;
        if (value < best) {
          best = value;
          bestBatch = batch;
        }
      }
      if (sub === 0) break;
    }
    dp[mask] = best;
    choice[mask] = bestBatch;
  }
  const batches: number[][] = [];
  for (let mask = size - 1; mask !== 0; ) {
    const batch = choice[mask] as number;
    const list: number[] = [];
    for (let i = 0; i < n; i++) if (batch & (1 << i)) list.push(i);
    batches.push(list);
    mask ^= batch;
  }
  return batches;
}
