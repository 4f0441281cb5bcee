import { parseInstant } from '../core/instant.js';
import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';
import { show } from '../core/show.js';
import { InventoryError } from './errors.js';
import { promisable } from './internal/available.js';
import { applyEntries, own } from './internal/fold.js';
import type { InventoryIntent, InventoryPrecondition, InventoryState } from './types.js';

/**
 * The outcome of applying an intent: the next state, and whether the intent was a replay of an
 * operation already applied (then `state` is the input state, unchanged).
 *
 * @example
 * ```ts
 * import type { AppliedIntent } from 'ordercore/inventory';
 *
 * const applied: AppliedIntent = { state: { balances: {}, reservations: {}, operations: {}, entries: 0 }, replayed: true };
 * applied.replayed; //=> true
 * ```
 */
export interface AppliedIntent {
  /** The state after the intent (the input state when it was a replay). */
  readonly state: InventoryState;
  /** `true` when the intent's key had already been applied: nothing was written. */
  readonly replayed: boolean;
}

/** Whether one precondition holds on a state (`operation_absent` is handled by the caller). */
export function preconditionHolds(state: InventoryState, precondition: InventoryPrecondition): boolean {
  switch (precondition.kind) {
    case 'available_at_least': {
      const bySku = own(state.balances, precondition.sku);
      const balance = bySku === undefined ? undefined : own(bySku, precondition.location);
      const nowMs = parseInstant(precondition.now);
      if (nowMs === undefined) return false;
      return (
        promisable(balance, nowMs, precondition.safetyStock, precondition.backorderLimit, precondition.excludeOwner) >=
        precondition.quantity
      );
    }
    case 'expected_version': {
      const bySku = own(state.balances, precondition.sku);
      const balance = bySku === undefined ? undefined : own(bySku, precondition.location);
      return (balance?.version ?? 0) === precondition.version;
    }
    case 'hold_at_least': {
      const record = own(state.reservations, precondition.reservationId);
      if (record === undefined || record.open < precondition.quantity) return false;
      if (precondition.now === undefined || record.expiresAt === undefined) return true;
      return (parseInstant(record.expiresAt) ?? 0) > (parseInstant(precondition.now) ?? 0);
    }
    case 'operation_absent':
      return own(state.operations, precondition.key) === undefined;
  }
}

/**
 * Applies an intent to a state the way every adapter must, atomically: a replayed key changes
 * nothing; otherwise every precondition is checked against `state`, then every entry is appended —
 * or nothing is, and the failed precondition is returned. This is the reference semantics the
 * `InventoryStore` conformance kit holds adapters to.
 *
 * @param state - The current state (not modified).
 * @param intent - The intent an operation computed (`reserve`, `release`, `commitReservation` ...).
 * @returns The next state and whether it was a replay, or `precondition_failed` (with
 *   `details.precondition`) or an `invalid_entry` {@link InventoryError}.
 * @example
 * ```ts
 * import { applyIntent, foldLedger } from 'ordercore/inventory';
 *
 * const at = '2026-11-22T10:00:00Z';
 * const state = foldLedger([{ id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 1, at }]);
 * const intent = {
 *   key: 'k-1', kind: 'reserve' as const,
 *   entries: [{ id: 'k-1#0', kind: 'reservation' as const, sku: 'SHIRT', location: 'dc', quantity: 1, at, reservationId: 'r-1', operation: 'k-1' }],
 *   preconditions: [{ kind: 'available_at_least' as const, sku: 'SHIRT', location: 'dc', quantity: 1, now: at, safetyStock: 0, backorderLimit: 0 }],
 * };
 * const first = applyIntent(state, intent);
 * first.ok && first.value.state.balances['SHIRT']?.['dc']?.reserved; //=> 1
 * const again = first.ok ? applyIntent(first.value.state, intent) : first;
 * again.ok && again.value.replayed; //=> true
 * const other = applyIntent(first.ok ? first.value.state : state, { ...intent, key: 'k-2' });
 * other.ok || other.error.code; //=> 'precondition_failed'
 * ```
 */
export function applyIntent(state: InventoryState, intent: InventoryIntent): Result<AppliedIntent, InventoryError> {
  if (own(state.operations, intent.key) !== undefined) return ok({ state, replayed: true });
  for (const precondition of intent.preconditions) {
    if (precondition.kind === 'operation_absent') continue;
    if (!preconditionHolds(state, precondition))
      return err(
        new InventoryError(
          'precondition_failed',
          `intent ${show(intent.key)}: precondition ${precondition.kind} no longer holds.`,
          {
            key: intent.key,
            precondition,
          },
        ),
      );
  }
  const stray = intent.entries.findIndex((entry) => entry.operation !== intent.key);
  if (stray >= 0)
    return err(
      new InventoryError(
        'invalid_entry',
        `entries[${stray}].operation: every entry of intent ${show(intent.key)} must carry operation ${show(intent.key)}.`,
        {
          index: stray,
          field: 'operation',
        },
      ),
    );
  const applied = applyEntries(state, intent.entries, 'pure');
  return applied.ok ? ok({ state: applied.state, replayed: false }) : err(applied.error);
}
