import { nonNegative } from './checks.js';

/** Mean and standard deviation of demand over a lead time (or any protection interval). */
export interface IntervalDemand {
  readonly mean: number;
  readonly stdDev: number;
}

/**
 * Demand over an interval of `length` periods when per-period demand has mean d and standard
 * deviation σd and the interval itself varies with standard deviation σL (independent):
 * mean = d·L, σ = √(L·σd² + d²·σL²) (e.g. Silver, Pyke & Thomas, §6.10; Chopra & Meindl, ch. 12).
 */
export function intervalDemand(input: Record<string, unknown>, lengthField: string, length?: number): IntervalDemand {
  const d = nonNegative(input['demandPerPeriod'], 'demandPerPeriod', 'invalid_demand');
  const sd = nonNegative(input['demandStdDev'] ?? 0, 'demandStdDev', 'invalid_demand');
  const l = length ?? nonNegative(input[lengthField], lengthField, 'invalid_lead_time');
  const sl = nonNegative(input['leadTimeStdDev'] ?? 0, 'leadTimeStdDev', 'invalid_lead_time');
  return { mean: d * l, stdDev: Math.sqrt(l * sd * sd + d * d * sl * sl) };
}
