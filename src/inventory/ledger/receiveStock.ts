import type { Result } from '../../core/result.js';
import type { InventoryError } from '../errors.js';
import { runOperation, withOptional } from '../internal/operation.js';
import { integer, optionalText, text } from '../internal/requests.js';
import type { InventoryOperation, InventoryOperationOptions, InventoryState } from '../types.js';
import type { ReceiveStockRequest } from './types.js';

/**
 * Records units received at a location as one `receipt` entry (on hand +quantity; with
 * `receiptId`, the scheduled receipt of that id expects that many fewer, never below zero).
 *
 * A receipt only adds stock, so its intent needs no precondition beyond `operation_absent`: it is
 * correct whatever else happened concurrently. Replaying the key changes nothing.
 *
 * @param state - The folded ledger (not modified).
 * @param request - The SKU, location, quantity and idempotency key.
 * @param options - `now` (stamped on the entry).
 * @returns The next state, the intent (`kind: 'receive'`) and `replayed`; or `invalid_request`
 *   (naming the field), `invalid_instant` or `invalid_options`.
 * @example
 * ```ts
 * import { foldLedger, receiveStock } from 'ordercore/inventory';
 *
 * const r = receiveStock(foldLedger([]), { key: 'grn-1', sku: 'SHIRT', location: 'dc', quantity: 500 }, { now: '2026-11-01T08:00:00Z' });
 * r.ok && r.value.state.balances['SHIRT']?.['dc']?.onHand; //=> 500
 * r.ok && r.value.intent.entries[0]?.id; //=> 'grn-1#0'
 * ```
 */
export function receiveStock(
  state: InventoryState,
  request: ReceiveStockRequest,
  options: InventoryOperationOptions,
): Result<InventoryOperation, InventoryError> {
  return runOperation(state, request, options, {
    kind: 'receive',
    read: (r) => ({
      sku: text(r, 'sku'),
      location: text(r, 'location'),
      quantity: integer(r, 'quantity', 'positive'),
      receiptId: optionalText(r, 'receiptId'),
      reason: optionalText(r, 'reason'),
      reference: optionalText(r, 'reference'),
    }),
    plan: ({ sku, location, quantity, receiptId, reason, reference }) => ({
      entries: [withOptional({ kind: 'receipt', sku, location, quantity }, { receiptId, reason, reference })],
    }),
  });
}
