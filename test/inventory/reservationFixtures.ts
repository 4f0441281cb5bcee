// Shared by the reservation tests: a ledger builder, a deep freeze, and the balance fields that a
// reserve-then-release must restore.
import { expect } from 'vitest';
import type { Result } from '../../src/core/result.js';
import {
  foldLedger,
  type InventoryError,
  type InventoryOperation,
  type InventoryState,
  type LedgerEntry,
  type StockBalance,
} from '../../src/inventory/index.js';

export const T0 = '2026-11-22T09:00:00Z';

/** Receipts of `quantity` per SKU at each location, as a folded state and its ledger. */
export function stocked(stock: Readonly<Record<string, Readonly<Record<string, number>>>>): {
  state: InventoryState;
  ledger: LedgerEntry[];
} {
  const ledger: LedgerEntry[] = [];
  for (const [sku, byLocation] of Object.entries(stock))
    for (const [location, quantity] of Object.entries(byLocation))
      ledger.push({ id: `in-${ledger.length}`, kind: 'receipt', sku, location, quantity, at: T0 });
  return { state: foldLedger(ledger), ledger };
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** The operation's value, or a test failure naming the refusal. */
export function applied(result: Result<InventoryOperation, InventoryError>): InventoryOperation {
  if (!result.ok) expect.fail(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The refusal, or a test failure. */
export function refused(result: Result<InventoryOperation, InventoryError>): InventoryError {
  if (result.ok) expect.fail('expected a refusal');
  return result.error;
}

export function balance(state: InventoryState, sku: string, location: string): StockBalance | undefined {
  const bySku = Object.hasOwn(state.balances, sku) ? state.balances[sku] : undefined;
  return bySku !== undefined && Object.hasOwn(bySku, location) ? bySku[location] : undefined;
}

/** Everything a balance says except its version (which counts entries, and so always moves). */
export function figures(state: InventoryState): unknown {
  const out: Record<string, unknown> = {};
  for (const sku of Object.keys(state.balances).sort()) {
    const bySku = state.balances[sku] ?? {};
    for (const location of Object.keys(bySku).sort()) {
      const { version: _version, ...rest } = bySku[location] as StockBalance;
      out[`${sku}@${location}`] = rest;
    }
  }
  return out;
}
