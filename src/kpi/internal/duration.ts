import { isRecord } from '../../core/show.js';
import type { DurationState, DurationSummary } from '../types.js';

/** A duration histogram being filled: counts per whole value in a Map (fast for sparse values). */
export interface DurationWork {
  count: number;
  sum: number;
  readonly counts: Map<number, number>;
}

export function createDuration(): DurationWork {
  return { count: 0, sum: 0, counts: new Map() };
}

/** Adds one whole-unit value (a non-negative integer). */
export function addDuration(state: DurationWork, value: number): void {
  state.count += 1;
  state.sum += value;
  state.counts.set(value, (state.counts.get(value) ?? 0) + 1);
}

export function mergeDuration(target: DurationWork, source: DurationWork): void {
  target.count += source.count;
  target.sum += source.sum;
  for (const [value, n] of source.counts) target.counts.set(value, (target.counts.get(value) ?? 0) + n);
}

/** The working form of a published state. */
export function loadDuration(state: DurationState): DurationWork {
  const counts = new Map<number, number>();
  for (const key of Object.keys(state.counts)) counts.set(Number(key), state.counts[key] as number);
  return { count: state.count, sum: state.sum, counts };
}

/** The published form: counts keyed by value, ascending. */
export function saveDuration(state: DurationWork): DurationState {
  const counts: Record<string, number> = {};
  for (const value of [...state.counts.keys()].sort((a, b) => a - b))
    counts[String(value)] = state.counts.get(value) as number;
  return { count: state.count, sum: state.sum, counts };
}

export function isDuration(value: unknown): value is DurationState {
  if (
    !isRecord(value) ||
    typeof value['count'] !== 'number' ||
    typeof value['sum'] !== 'number' ||
    !isRecord(value['counts'])
  )
    return false;
  for (const [key, n] of Object.entries(value['counts'])) if (!/^\d+$/.test(key) || typeof n !== 'number') return false;
  return true;
}

/**
 * Mean and nearest-rank percentiles (the smallest value with at least ⌈p·n⌉ values at or below it),
 * scaled from whole units to the reported unit by `scale`.
 */
export function summarise(state: DurationWork, scale: number): DurationSummary {
  if (state.count === 0) return { count: 0, mean: null, p50: null, p90: null, p95: null, max: null };
  const values = [...state.counts.keys()].sort((a, b) => a - b);
  const rank = (p: number): number => {
    const target = Math.max(1, Math.ceil(p * state.count));
    let seen = 0;
    for (const v of values) {
      seen += state.counts.get(v) as number;
      if (seen >= target) return v / scale;
    }
    return (values[values.length - 1] as number) / scale;
  };
  return {
    count: state.count,
    mean: state.sum / state.count / scale,
    p50: rank(0.5),
    p90: rank(0.9),
    p95: rank(0.95),
    max: (values[values.length - 1] as number) / scale,
  };
}
