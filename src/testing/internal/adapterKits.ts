import fc from 'fast-check';
import type { ConformanceOptions } from '../adapterConformance.js';

// Internal helpers of the adapter conformance kits (not exported from ordercore/testing).

/** Builds an adapter, runs a body on it, disposes of it. */
export async function withAdapter<A>(
  create: () => A | Promise<A>,
  options: ConformanceOptions<A>,
  body: (adapter: A) => Promise<void>,
): Promise<void> {
  const adapter = await create();
  try {
    await body(adapter);
  } finally {
    await options.dispose?.(adapter);
  }
}

/** Runs a property; on failure throws the first violation's message with what replays it. */
export async function checkProperty<T>(property: fc.IAsyncProperty<T>, seed: number, numRuns: number): Promise<void> {
  const details = await fc.check(property, { seed, numRuns });
  if (!details.failed) return;
  const cause = details.errorInstance;
  const message = cause instanceof Error ? cause.message : String(cause);
  throw new Error(
    `${message}\n(fast-check: seed ${details.seed}, path ${JSON.stringify(details.counterexamplePath)}, ` +
      `after ${details.numRuns} runs and ${details.numShrinks} shrinks)\nCounterexample: ${fc.stringify(details.counterexample)}`,
    { cause },
  );
}

/** A gate the scheduler opens in a random order before each call runs for real. */
export function gated(s: fc.Scheduler): <T>(label: string, task: () => Promise<T>) => Promise<T> {
  return async (label, task) => {
    await s.schedule(Promise.resolve(label), label);
    return task();
  };
}
