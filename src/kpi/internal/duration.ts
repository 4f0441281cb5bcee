import { isRecord } from '../../core/show.js';
import type { DurationState, DurationSummary } from '../types.js';

type MutableDuration = { count: number; sum: number; counts: Record<string, number> };

export function createDuration(): DurationState {
  return { count: 0, sum: 0, counts: {} };
}

/** Adds one whole-unit value (integer). */
export function addDuration(state: DurationState, value: number): void {
  const s = state as MutableDuration;
  s.count += 1;
  s.sum += value;
  const key = String(value);
  s.counts[key] = (s.counts[key] ?? 0) + 1;
}

export function mergeDuration(target: DurationState, source: DurationState): void {
  const t = target as MutableDuration;
  t.count += source.count;
  t.sum += source.sum;
  for (const key of Object.keys(source.counts)) t.counts[key] = (t.counts[key] ?? 0) + (source.counts[key] as number);
}

export function cloneDuration(state: DurationState): DurationState {
  return { count: state.count, sum: state.sum, counts: { ...state.counts } };
}

export function isDuration(value: unknown): value is DurationState {
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
export function summarise(state: DurationState, scale: number): DurationSummary {
  if (state.count === 0) return { count: 0, mean: null, p50: null, p90: null, p95: null, max: null };
  const values = Object.keys(state.counts)
    .map(Number)
    .sort((a, b) => a - b);
  const rank = (p: number): number => {
    const target = Math.max(1, Math.ceil(p * state.count));
    let seen = 0;
    for (const v of values) {
      seen += state.counts[String(v)] as number;
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
