// Benchmark harness: interleaved samples, medians, ratios to a baseline measured in the same run.
//
// Why not mitata's loop: it inlines the measured function into its own sampling loop, so V8's
// inlining budget is spent on the harness and the measured code is compiled differently from how an
// application calls it. Here every case is called through one shared call site that sees several
// functions, so each case is optimised on its own, as it would be when called from a request
// handler. Samples of all cases are interleaved (A B C A B C ...) so drift on this noisy 2-core
// machine hits every case alike.
import { performance } from 'node:perf_hooks';

export interface BenchCase {
  readonly name: string;
  readonly run: () => unknown;
}

export interface BenchOptions {
  /** The case every other case is divided by. */
  readonly baseline: string;
  /** Largest acceptable ratio per case, printed next to the measurement. */
  readonly targets?: Readonly<Record<string, number>>;
  /** Samples per case. Default 200. */
  readonly samples?: number;
  /** Target duration of one sample in milliseconds. Default 2. */
  readonly sampleMs?: number;
}

export interface BenchResult {
  readonly name: string;
  /** Median nanoseconds per call. */
  readonly median: number;
  readonly p25: number;
  readonly p75: number;
  readonly ratio: number;
}

let sink: unknown;

function timeBatch(run: () => unknown, iterations: number): number {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) sink = run();
  return ((performance.now() - start) * 1e6) / iterations;
}

function quantile(sorted: readonly number[], q: number): number {
  const index = (sorted.length - 1) * q;
  const low = Math.floor(index);
  const high = Math.ceil(index);
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (index - low);
}

export function runBench(title: string, cases: readonly BenchCase[], options: BenchOptions): BenchResult[] {
  const samples = options.samples ?? 200;
  const sampleMs = options.sampleMs ?? 2;
  // Warm up every case (optimisation happens here), then size each batch to about sampleMs.
  const iterations = cases.map((c) => {
    let n = 1;
    const warmUntil = performance.now() + 300;
    while (performance.now() < warmUntil) timeBatch(c.run, n);
    for (;;) {
      const ns = timeBatch(c.run, n) * n;
      if (ns >= sampleMs * 1e6 || n > 1e8) break;
      n *= 2;
    }
    return n;
  });
  const perCase: number[][] = cases.map(() => []);
  for (let s = 0; s < samples; s++) {
    cases.forEach((c, i) => {
      (perCase[i] as number[]).push(timeBatch(c.run, iterations[i] as number));
    });
  }
  return summarise(title, cases, perCase, samples, options);
}

/** A case whose call returns a promise: each call is awaited before the next one starts. */
export interface AsyncBenchCase {
  readonly name: string;
  readonly runAsync: () => Promise<unknown>;
}

async function timeBatchAsync(run: () => Promise<unknown>, iterations: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) sink = await run();
  return ((performance.now() - start) * 1e6) / iterations;
}

/**
 * `runBench` for a mix of sync and async cases. Same method: warm-up, batches sized to about
 * sampleMs, interleaved samples, medians. A sync case is timed exactly as in `runBench` (the same
 * `timeBatch` call site); an async case by awaiting its calls one after another, so its figure is the
 * wall time of one awaited call — what a caller that awaits it pays — including the microtask hops
 * its promises take (well under a microsecond each on this machine).
 */
export async function runBenchAsync(
  title: string,
  cases: readonly (BenchCase | AsyncBenchCase)[],
  options: BenchOptions,
): Promise<BenchResult[]> {
  const samples = options.samples ?? 200;
  const sampleMs = options.sampleMs ?? 2;
  const time = (c: BenchCase | AsyncBenchCase, n: number): Promise<number> | number =>
    'runAsync' in c ? timeBatchAsync(c.runAsync, n) : timeBatch(c.run, n);
  const iterations: number[] = [];
  for (const c of cases) {
    let n = 1;
    const warmUntil = performance.now() + 300;
    while (performance.now() < warmUntil) await time(c, n);
    for (;;) {
      const ns = (await time(c, n)) * n;
      if (ns >= sampleMs * 1e6 || n > 1e8) break;
      n *= 2;
    }
    iterations.push(n);
  }
  const perCase: number[][] = cases.map(() => []);
  for (let s = 0; s < samples; s++) {
    for (let i = 0; i < cases.length; i++) {
      (perCase[i] as number[]).push(await time(cases[i] as BenchCase | AsyncBenchCase, iterations[i] as number));
    }
  }
  return summarise(title, cases, perCase, samples, options);
}

function summarise(
  title: string,
  cases: readonly { readonly name: string }[],
  perCase: readonly number[][],
  samples: number,
  options: BenchOptions,
): BenchResult[] {
  if (sink === Symbol.for('never')) console.log(sink);
  const medians = perCase.map((xs) => [...xs].sort((a, b) => a - b));
  const baselineIndex = cases.findIndex((c) => c.name === options.baseline);
  if (baselineIndex < 0) throw new Error(`baseline ${options.baseline} is not a case`);
  const floor = quantile(medians[baselineIndex] as number[], 0.5);
  const results = cases.map((c, i) => {
    const sorted = medians[i] as number[];
    const median = quantile(sorted, 0.5);
    return { name: c.name, median, p25: quantile(sorted, 0.25), p75: quantile(sorted, 0.75), ratio: median / floor };
  });
  console.log(`\n${title}`);
  console.log(`  ${samples} interleaved samples per case; median per call [p25 … p75]; ratio to "${options.baseline}"`);
  const width = Math.max(40, ...results.map((r) => r.name.length));
  for (const r of results) {
    const target = options.targets?.[r.name];
    const verdict =
      target === undefined ? '' : r.ratio <= target ? `  target ≤ ${target}×: met` : `  target ≤ ${target}×: MISSED`;
    console.log(
      `  ${r.name.padEnd(width)} ${formatNs(r.median).padStart(10)}  [${formatNs(r.p25)} … ${formatNs(r.p75)}]  ${r.ratio.toFixed(2).padStart(7)}×${verdict}`,
    );
  }
  return results;
}

function formatNs(ns: number): string {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${ns.toFixed(1)} ns`;
}
