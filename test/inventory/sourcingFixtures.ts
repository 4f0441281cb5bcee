// Shared by the sourcing tests: unwrapping results, a short rendering of plans, deep freezing.
import { expect } from 'vitest';
import type { Result } from '../../src/core/result.js';
import type { InventoryError } from '../../src/inventory/errors.js';
import type { SourcingOrder, SourcingPlan } from '../../src/inventory/sourcing/types.js';

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** The value of a result that must be ok. */
export function value<T>(result: Result<T, InventoryError>): T {
  if (!result.ok) expect.fail(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The error of a result that must fail. */
export function failure<T>(result: Result<T, InventoryError>): InventoryError {
  if (result.ok) expect.fail('expected an error');
  return result.error;
}

/** Shipments as `location: line×qty, ...` strings, in plan order. */
export function shipments(plan: SourcingPlan): string[] {
  return plan.shipments.map((s) => `${s.location}: ${s.lines.map((l) => `${l.lineId}×${l.quantity}`).join(', ')}`);
}

/** An order of one line per `[sku, quantity]`, line ids l1, l2, ... */
export function order(id: string, lines: readonly (readonly [string, number])[], extra: Partial<SourcingOrder> = {}) {
  return { id, lines: lines.map(([sku, quantity], i) => ({ lineId: `l${i + 1}`, sku, quantity })), ...extra };
}
