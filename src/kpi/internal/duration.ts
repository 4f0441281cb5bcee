import { isRecord } from '../../core/show.js';
import { KpiError } from '../errors.js';
import type { DurationState, DurationSummary } from '../types.js';

/**
 * A duration histogram being filled: counts per whole value, dense for values below DENSE_LIMIT
 * (a plain array indexed by the value: the common case, minutes up to ~45 days) and in a Map above
 * it (rare outliers), so adding a value is an array increment, not a hash lookup.
 */
export interface DurationWork {
  count: number;
  sum: number;
  readonly dense: number[];
  readonly sparse: Map<number, number>;
}

const DENSE_LIMIT = 1 << 16;

export function createDuration(): DurationWork {
  return { count: 0, sum: 0, dense: [], sparse: new Map() };
}

function addCount(state: DurationWork, value: number, n: number): void {
  if (value < DENSE_LIMIT) {
    const dense = state.dense;
    while (dense.length <= value) dense.push(0);
    dense[value] = (dense[value] as number) + n;
  } else state.sparse.set(value, (state.sparse.get(value) ?? 0) + n);
}

/** Adds one whole-unit value (a non-negative integer). */
export function addDuration(state: DurationWork, value: number): void {
  state.count += 1;
  state.sum += value;
  addCount(state, value, 1);
}

export function mergeDuration(target: DurationWork, source: DurationWork): void {
  target.count += source.count;
  target.sum += source.sum;
  const dense = source.dense;
  for (let v = 0; v < dense.length; v += 1) if ((dense[v] as number) !== 0) addCount(target, v, dense[v] as number);
  for (const [value, n] of source.sparse) addCount(target, value, n);
}

/** Every (value, count) in ascending value order. */
function entries(state: DurationWork): [number, number][] {
  const out: [number, number][] = [];
  const dense = state.dense;
  for (let v = 0; v < dense.length; v += 1) if ((dense[v] as number) !== 0) out.push([v, dense[v] as number]);
  for (const value of [...state.sparse.keys()].sort((a, b) => a - b))
    out.push([value, state.sparse.get(value) as number]);
  return out;
}

/** The working form of a published state (keys that are not whole numbers are refused). */
export function loadDuration(state: DurationState): DurationWork {
  const work = createDuration();
  mergeDurationState(work, state);
  return work;
}

/** Adds a published state's counts into a working state (keys that are not whole numbers are refused). */
export function mergeDurationState(work: DurationWork, state: DurationState): void {
  work.count += state.count;
  work.sum += state.sum;
  for (const key of Object.keys(state.counts)) {
    const value = Number(key);
    const n = state.counts[key];
    if (!Number.isSafeInteger(value) || value < 0 || typeof n !== 'number' || !(n >= 0))
      throw new KpiError('invalid_state', `counts.${key}: not a whole value with a count.`, { field: `counts.${key}` });
    addCount(work, value, n);
  }
}

/** The published form: counts keyed by value, ascending. */
export function saveDuration(state: DurationWork): DurationState {
  const counts: Record<string, number> = {};
  for (const [value, n] of entries(state)) counts[String(value)] = n;
  return { count: state.count, sum: state.sum, counts };
}

export function isDuration(value: unknown): value is DurationState {
  // The counts' keys and values are checked as they are loaded (loadDuration).
  return (
    isRecord(value) &&
    typeof value['count'] === 'number' &&
    typeof value['sum'] === 'number' &&
    isRecord(value['counts'])
  );
}

/**
 * Mean and nearest-rank percentiles (the smallest value with at least ⌈p·n⌉ values at or below it),
 * scaled from whole units to the reported unit by `scale`.
 */
export function summarise(state: DurationWork, scale: number): DurationSummary {
  if (state.count === 0) return { count: 0, mean: null, p50: null, p90: null, p95: null, max: null };
  const all = entries(state);
  const rank = (p: number): number => {
    const target = Math.max(1, Math.ceil(p * state.count));
    let seen = 0;
    for (const [v, n] of all) {
      seen += n;
      if (seen >= target) return v / scale;
    }
    return (all[all.length - 1] as [number, number])[0] / scale;
  };
  return {
    count: state.count,
    mean: state.sum / state.count / scale,
    p50: rank(0.5),
    p90: rank(0.9),
    p95: rank(0.95),
    max: (all[all.length - 1] as [number, number])[0] / scale,
  };
}
