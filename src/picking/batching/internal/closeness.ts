import type { Problem } from './problem.js';

// A cheap measure of how close two batches are (no route computed), used to shortlist candidate
// partners on large instances: the savings method's candidate pairs, the local search's
// neighbouring batches.

/** Where a batch goes: its distinct aisles (ascending) and its depth in each (parallel). */
export interface Profile {
  readonly aisles: Int32Array;
  readonly depths: Float64Array;
}

export function mergeProfiles(p: Profile, q: Profile): Profile {
  const aisles: number[] = [];
  const depths: number[] = [];
  let i = 0;
  let j = 0;
  while (i < p.aisles.length || j < q.aisles.length) {
    const x = i < p.aisles.length ? (p.aisles[i] as number) : Number.POSITIVE_INFINITY;
    const y = j < q.aisles.length ? (q.aisles[j] as number) : Number.POSITIVE_INFINITY;
    if (x === y) {
      aisles.push(x);
      depths.push(Math.max(p.depths[i++] as number, q.depths[j++] as number));
    } else if (x < y) {
      aisles.push(x);
      depths.push(p.depths[i++] as number);
    } else {
      aisles.push(y);
      depths.push(q.depths[j++] as number);
    }
  }
  return { aisles: Int32Array.from(aisles), depths: Float64Array.from(depths) };
}

/**
 * The return-policy saving of picking two batches on one tour instead of two: twice the shared
 * stretch of the front cross aisle (each walks from the depot to its farthest aisle and back) plus
 * twice the shallower depth of every aisle both enter. Cheap (no route is computed) and
 * policy-free: it only shortlists candidate partners, whose true savings are then computed.
 */
export function closeness(problem: Problem, p: Profile, q: Profile): number {
  const layout = problem.layout;
  const depot = layout.depot.aisle;
  const ap = p.aisles;
  const aq = q.aisles;
  if (ap.length === 0 || aq.length === 0) return 0;
  const loP = Math.min(ap[0] as number, depot);
  const hiP = Math.max(ap[ap.length - 1] as number, depot);
  const loQ = Math.min(aq[0] as number, depot);
  const hiQ = Math.max(aq[aq.length - 1] as number, depot);
  let value = 2 * layout.aisleSpacing * (Math.min(hiP, hiQ) - Math.max(loP, loQ));
  for (let i = 0, j = 0; i < ap.length && j < aq.length; ) {
    const x = ap[i] as number;
    const y = aq[j] as number;
    if (x === y) {
      value += 2 * Math.min(p.depths[i++] as number, q.depths[j++] as number);
    } else if (x < y) i++;
    else j++;
  }
  return value;
}

/** The profile of the batch `members`. */
export function profileOf(problem: Problem, members: readonly number[]): Profile {
  let profile: Profile = { aisles: new Int32Array(0), depths: new Float64Array(0) };
  for (const i of members)
    profile = mergeProfiles(profile, {
      aisles: problem.aisles[i] as Int32Array,
      depths: problem.depths[i] as Float64Array,
    });
  return profile;
}
