import { parseInstant } from '../../core/instant.js';
import { err, ok, type Result } from '../../core/result.js';
import { isRecord, show } from '../../core/show.js';
import { InventoryError } from '../errors.js';
import { applyEntries, emptyState, own } from '../internal/fold.js';
import { balanceOf, byCodeUnits, type DraftEntry, guard, intentOf } from '../internal/operation.js';
import { integer, invalidRequest } from '../internal/requests.js';
import type { InventoryIntent, InventoryPrecondition, InventoryState, LedgerEntry, StockBalance } from '../types.js';
import { pairName, readPairs } from './internal/pairs.js';
import {
  type BalanceDrift,
  type ExternalBalance,
  RECONCILED_FIELDS,
  type ReconciledField,
  type ReconcileOptions,
  type ReconcileResult,
  type ReconcileSource,
} from './types.js';

type Row = { sku: string; location: string } & Partial<Record<ReconciledField, number>>;

function optionsError(field: string, reason: string): InventoryError {
  return new InventoryError('invalid_options', `options.${field}: ${reason}`, { field });
}

function readOptions(options: unknown): {
  source: ReconcileSource;
  complete: boolean;
  key: string | undefined;
  now: string | undefined;
} {
  if (options === undefined) return { source: 'cache', complete: false, key: undefined, now: undefined };
  if (!isRecord(options)) throw optionsError('(options)', `expected an object, got ${show(options)}.`);
  const source = options['source'] ?? 'cache';
  if (source !== 'cache' && source !== 'physical')
    throw optionsError('source', `expected 'cache' or 'physical', got ${show(source)}.`);
  const complete = options['complete'] ?? false;
  if (typeof complete !== 'boolean') throw optionsError('complete', `expected a boolean, got ${show(complete)}.`);
  const key = options['key'];
  if (key !== undefined && (typeof key !== 'string' || key.trim().length === 0))
    throw optionsError('key', `expected a non-blank string, got ${show(key)}.`);
  const now = options['now'];
  if (now !== undefined && parseInstant(now) === undefined)
    throw new InventoryError(
      'invalid_instant',
      `options.now: ${show(now)} is not an ISO 8601 instant with an offset.`,
      {
        field: 'now',
      },
    );
  if (source === 'physical') {
    if (key === undefined) throw optionsError('key', 'physical reconciliation writes entries: it needs a key.');
    if (now === undefined) throw optionsError('now', 'physical reconciliation writes entries: it needs now.');
  }
  return { source, complete, key: key as string | undefined, now: now as string | undefined };
}

function readState(ledger: unknown): InventoryState {
  if (Array.isArray(ledger)) {
    const folded = applyEntries(emptyState(), ledger, 'owned');
    if (!folded.ok) throw folded.error;
    return folded.state;
  }
  if (isRecord(ledger) && isRecord(ledger['balances']) && isRecord(ledger['operations'])) return ledger as never;
  throw invalidRequest('ledger', `expected a ledger (an array of entries) or a folded state, got ${show(ledger)}.`);
}

function readRows(balances: unknown, physical: boolean): Row[] {
  if (!Array.isArray(balances))
    throw invalidRequest('balances', `expected an array of balances, got ${show(balances)}.`);
  return readPairs(
    balances,
    'balances',
    (record, prefix, sku, location) => {
      const row: Row = { sku, location };
      for (const field of RECONCILED_FIELDS) {
        const value = Object.hasOwn(record, field) ? record[field] : undefined;
        if (value === undefined && field !== 'onHand') continue;
        // What is really on a shelf is never negative; a corrupt cache may hold anything.
        row[field] = integer({ [field]: value }, field, physical && field === 'onHand' ? 'nonnegative' : 'any', prefix);
      }
      return row;
    },
    (sku, location, first) => `${pairName(sku, location)} appears twice (also balances[${first}]).`,
  );
}

function zeroBalance(sku: string, location: string): StockBalance {
  return {
    sku,
    location,
    onHand: 0,
    reserved: 0,
    allocated: 0,
    available: 0,
    inTransit: 0,
    incoming: [],
    holds: [],
    version: 0,
  };
}

/**
 * Compares balances held somewhere else — a cached balance table, a WMS snapshot, a wall-to-wall
 * count — with the fold of the ledger, and says per SKU, location and field what drifted
 * (`expected` by the ledger, `actual` elsewhere) and how to repair it. Which way truth flows depends
 * on `options.source` (see `ReconcileSource`):
 *
 * - `'cache'` (default): the ledger is the system of record for every field. Drift means the copy
 *   is corrupt; `corrected` lists the balances it should hold. Nothing is written to the ledger.
 * - `'physical'`: on hand is what the shelf says. On-hand drift becomes one `adjustment` entry per
 *   balance (reason `'reconcile'`, quantity `actual − expected`), returned with an intent whose
 *   `expected_version` preconditions make it stale if stock moved since the ledger was read.
 *   Reserved, allocated and in transit are promises only the ledger records: drift there is
 *   reported and `corrected` on the other side, never written to the ledger.
 *
 * Only the fields a row carries are compared (`onHand` always). Pairs the ledger knows but the rows
 * lack are compared as zeros only with `complete: true`. Pure and deterministic: drift and
 * `corrected` are sorted by SKU, location (code units) and field, whatever the rows' order.
 *
 * @param ledger - The ledger (folded here) or an already folded state (not modified).
 * @param balances - The other system's balances; a `StockBalance[]` works as is.
 * @param options - `source`, `complete`, and the `key` and `now` physical reconciliation needs.
 * @returns The drift, the compensating entries and their intent, the corrected balances and the
 *   state with the entries applied; or `invalid_entry` / `duplicate_entry_id` for a ledger that does
 *   not fold, `invalid_request` (naming `balances[i].field`), `invalid_options` or `invalid_instant`.
 * @example
 * ```ts
 * import { reconcile } from 'ordercore/inventory';
 *
 * const at = '2026-11-01T08:00:00Z';
 * const ledger = [
 *   { id: 'e-1', kind: 'receipt' as const, sku: 'SHIRT', location: 'dc', quantity: 484, at },
 *   { id: 'e-2', kind: 'reservation' as const, sku: 'SHIRT', location: 'dc', quantity: 2, at, reservationId: 'r-1' },
 * ];
 * const wms = [{ sku: 'SHIRT', location: 'dc', onHand: 481, reserved: 5 }];
 * const r = reconcile(ledger, wms, { source: 'physical', key: 'wms-sync-1', now: '2026-11-30T23:00:00Z' });
 * r.ok && r.value.drift.map((d) => `${d.field} ${d.expected} → ${d.actual}`); //=> ['onHand 484 → 481', 'reserved 2 → 5']
 * r.ok && r.value.entries.map((e) => [e.kind, e.quantity, e.reason]); //=> [['adjustment', -3, 'reconcile']]
 * r.ok && [r.value.corrected[0]?.onHand, r.value.corrected[0]?.reserved]; //=> [481, 2]
 * ```
 */
export function reconcile(
  ledger: readonly LedgerEntry[] | InventoryState,
  balances: readonly ExternalBalance[],
  options?: ReconcileOptions,
): Result<ReconcileResult, InventoryError> {
  return guard(() => {
    const { source, complete, key, now } = readOptions(options);
    const physical = source === 'physical';
    const state = readState(ledger);
    const rows = readRows(balances, physical);

    const byPair = new Map<string, Row>();
    for (const row of rows) byPair.set(JSON.stringify([row.sku, row.location]), row);
    const pairs: [string, string][] = rows.map((row) => [row.sku, row.location]);
    if (complete) {
      for (const sku of Object.keys(state.balances)) {
        const bySku = own(state.balances, sku) ?? {};
        for (const location of Object.keys(bySku)) {
          if (!byPair.has(JSON.stringify([sku, location]))) pairs.push([sku, location]);
        }
      }
    }
    pairs.sort((a, b) => byCodeUnits(a[0], b[0]) || byCodeUnits(a[1], b[1]));

    const drift: BalanceDrift[] = [];
    const drifted: [string, string][] = [];
    const drafts: DraftEntry[] = [];
    const preconditions: InventoryPrecondition[] = [];
    for (const [sku, location] of pairs) {
      const row = byPair.get(JSON.stringify([sku, location]));
      const balance = balanceOf(state, sku, location);
      const before = drift.length;
      for (const field of RECONCILED_FIELDS) {
        const actual = row === undefined ? 0 : row[field];
        if (actual === undefined) continue;
        const expected = balance?.[field] ?? 0;
        if (actual === expected) continue;
        const found: BalanceDrift = { sku, location, field, expected, actual, difference: actual - expected };
        drift.push(row === undefined ? { ...found, missing: true } : found);
        if (physical && field === 'onHand') {
          drafts.push({ kind: 'adjustment', sku, location, quantity: actual - expected, reason: 'reconcile' });
          preconditions.push({ kind: 'expected_version', sku, location, version: balance?.version ?? 0 });
        }
      }
      if (drift.length > before) drifted.push([sku, location]);
    }

    const replayed = key !== undefined && physical && own(state.operations, key) !== undefined;
    let entries: readonly LedgerEntry[] = [];
    let intent: InventoryIntent | undefined;
    let next = state;
    if (physical && !replayed && drafts.length > 0) {
      intent = intentOf(key as string, 'reconcile', now as string, drafts, preconditions);
      entries = intent.entries;
      const applied = applyEntries(state, entries, 'pure');
      if (!applied.ok) return err(applied.error);
      next = applied.state;
    }
    const corrected = drifted.map(([sku, location]) => balanceOf(next, sku, location) ?? zeroBalance(sku, location));
    return ok({ drift, entries, ...(intent === undefined ? {} : { intent }), corrected, state: next, replayed });
  });
}
