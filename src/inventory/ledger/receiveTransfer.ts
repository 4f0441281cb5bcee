import type { Result } from '../../core/result.js';
import { show } from '../../core/show.js';
import type { InventoryError } from '../errors.js';
import { balanceOf, runOperation, withOptional } from '../internal/operation.js';
import { invalidRequest } from '../internal/requests.js';
import type { InventoryOperation, InventoryOperationOptions, InventoryState } from '../types.js';
import { readTransfer } from './internal/transfer.js';
import type { TransferRequest } from './types.js';

/**
 * Books the arrival of transferred units at the destination as one `transfer_in` entry at `to` (on
 * hand +quantity, in transit −quantity there).
 *
 * It is refused when more units arrive than are in transit to `to` (`invalid_request` on
 * `quantity`): the extra units were never sent, so they are a finding — receive what was sent,
 * then record the rest with `adjustStock`. The intent has no precondition beyond
 * `operation_absent`; should two receipts race for the same in-transit units, the fold never lets
 * in transit go below zero.
 *
 * @param state - The folded ledger (not modified).
 * @param request - The SKU, `from`, `to`, quantity, transfer id and idempotency key.
 * @param options - `now` (stamped on the entry).
 * @returns The next state, the intent (`kind: 'transfer'`) and `replayed`; or `invalid_request`,
 *   `invalid_instant` or `invalid_options`.
 * @example
 * ```ts
 * import { foldLedger, receiveTransfer } from 'ordercore/inventory';
 *
 * const at = '2026-11-01T08:00:00Z';
 * const state = foldLedger([
 *   { id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 50, at },
 *   { id: 'e-2', kind: 'transfer_out', sku: 'SHIRT', location: 'dc', quantity: -20, at, counterpartLocation: 'store-1', transferId: 'TR-5' },
 * ]);
 * const r = receiveTransfer(state, { key: 'tr-5-in', sku: 'SHIRT', from: 'dc', to: 'store-1', quantity: 20, transferId: 'TR-5' }, { now: '2026-11-03T08:00:00Z' });
 * const store = r.ok ? r.value.state.balances['SHIRT']?.['store-1'] : undefined;
 * [store?.onHand, store?.inTransit]; //=> [20, 0]
 * ```
 */
export function receiveTransfer(
  state: InventoryState,
  request: TransferRequest,
  options: InventoryOperationOptions,
): Result<InventoryOperation, InventoryError> {
  return runOperation(state, request, options, {
    kind: 'transfer',
    read: readTransfer,
    plan: ({ sku, from, to, quantity, transferId, reason }) => {
      const inTransit = balanceOf(state, sku, to)?.inTransit ?? 0;
      if (inTransit < quantity)
        throw invalidRequest(
          'quantity',
          `${quantity} ${show(sku)} received at ${show(to)}, but only ${inTransit} are in transit there.`,
          { sku, location: to, inTransit },
        );
      return {
        entries: [
          withOptional(
            { kind: 'transfer_in', sku, location: to, quantity, counterpartLocation: from },
            { transferId, reason },
          ),
        ],
      };
    },
  });
}
