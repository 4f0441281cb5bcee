// mulberry32: a small, fast 32-bit PRNG with a full 2³² period, good enough to pick perturbation
// moves. Seeded by the caller, so the local search is deterministic for a seed.

/** A PRNG drawing integers in [0, n). */
export type Random = (n: number) => number;

export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return Math.floor(u * n);
  };
}
