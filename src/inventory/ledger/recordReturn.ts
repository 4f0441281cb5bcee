import type { Result } from '../../core/result.js';
import type { InventoryError } from '../errors.js';
import { runOperation, withOptional } from '../internal/operation.js';
import { integer, optionalText, text } from '../internal/requests.js';
import type { InventoryOperation, InventoryOperationOptions, InventoryState } from '../types.js';
import type { RecordReturnRequest } from './types.js';

/**
 * Records units a customer returned and that were restocked, as one `return` entry (on hand
 * +quantity). Units returned but not sellable should not be restocked here: record them with
 * `adjustStock` at a quarantine location, or not at all.
 *
 * @param state - The folded ledger (not modified).
 * @param request - The SKU, location, quantity, idempotency key and the return's reference.
 * @param options - `now` (stamped on the entry).
 * @returns The next state, the intent (`kind: 'return'`, precondition `operation_absent` only) and
 *   `replayed`; or `invalid_request`, `invalid_instant` or `invalid_options`.
 * @example
 * ```ts
 * import { foldLedger, recordReturn } from 'ordercore/inventory';
 *
 * const state = foldLedger([{ id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 3, at: '2026-11-01T08:00:00Z' }]);
 * const r = recordReturn(state, { key: 'rma-3', sku: 'SHIRT', location: 'dc', quantity: 1, reference: 'RMA-3' }, { now: '2026-11-05T08:00:00Z' });
 * r.ok && r.value.state.balances['SHIRT']?.['dc']?.onHand; //=> 4
 * r.ok && r.value.intent.entries[0]?.kind; //=> 'return'
 * ```
 */
export function recordReturn(
  state: InventoryState,
  request: RecordReturnRequest,
  options: InventoryOperationOptions,
): Result<InventoryOperation, InventoryError> {
  return runOperation(state, request, options, {
    kind: 'return',
    read: (r) => ({
      sku: text(r, 'sku'),
      location: text(r, 'location'),
      quantity: integer(r, 'quantity', 'positive'),
      reference: optionalText(r, 'reference'),
      reason: optionalText(r, 'reason'),
    }),
    plan: ({ sku, location, quantity, reason, reference }) => ({
      entries: [withOptional({ kind: 'return', sku, location, quantity }, { reason, reference })],
    }),
  });
}
