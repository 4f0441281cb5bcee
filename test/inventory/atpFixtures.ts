// Shared by the ATP test files (helper A): input builders and a deep freeze.
import type { TimePhasedInput } from '../../src/inventory/index.js';

/** Freezes a value and everything in it, so a test proves the function never writes to its input. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** A time-phased input from on hand and parallel lists of receipts and demand. */
export function phased(onHand: number, receipts: readonly number[], demand: readonly number[]): TimePhasedInput {
  return { onHand, periods: receipts.map((r, t) => ({ receipts: r, demand: demand[t] ?? 0 })) };
}

/** The issue's worked example: on hand 10, receipts 0/0/20/0, demand 4/8/5/3. */
export const ISSUE_EXAMPLE = phased(10, [0, 0, 20, 0], [4, 8, 5, 3]);

/** Stevenson, Operations Management (pumps): 64 on hand, MPS of 70 in weeks 3, 5, 7, 8, orders 33/20/10/4/2. */
export const PUMPS = phased(64, [0, 0, 70, 0, 70, 0, 70, 70], [33, 20, 10, 4, 2, 0, 0, 0]);
