import type { Result } from '../../core/result.js';
import { show } from '../../core/show.js';
import { InventoryError } from '../errors.js';
import { promisable, safetyStockOf } from '../internal/available.js';
import { balanceOf, runOperation, withOptional } from '../internal/operation.js';
import type { InventoryOperation, InventoryOperationOptions, InventoryState } from '../types.js';
import { readTransfer } from './internal/transfer.js';
import type { TransferRequest } from './types.js';

/**
 * Sends units from one location to another as one `transfer_out` entry at `from` (on hand
 * −quantity there, in transit +quantity at `to`); `receiveTransfer` books their arrival.
 *
 * Only units nobody else was promised can leave: the source must have `quantity` available to
 * promise at `now` — on hand − allocated − holds not expired − the policy's safety stock (which
 * stays for the source's own demand). A backorder limit does not count: units that do not exist
 * cannot be put on a truck. The intent carries that check as an `available_at_least` precondition
 * (backorder limit 0), so a reservation made concurrently at the source cannot be oversold by it.
 *
 * @param state - The folded ledger (not modified).
 * @param request - The SKU, `from`, `to`, quantity, transfer id and idempotency key.
 * @param options - `now` (entry time, hold expiry) and the policy's safety stock.
 * @returns The next state, the intent (`kind: 'transfer'`) and `replayed`; or `insufficient_stock`
 *   (with `requested` and `available` at `from`), `invalid_request`, `invalid_instant` or
 *   `invalid_options`.
 * @example
 * ```ts
 * import { foldLedger, transferStock } from 'ordercore/inventory';
 *
 * const state = foldLedger([{ id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 50, at: '2026-11-01T08:00:00Z' }]);
 * const r = transferStock(state, { key: 'tr-5-out', sku: 'SHIRT', from: 'dc', to: 'store-1', quantity: 20, transferId: 'TR-5' }, { now: '2026-11-02T08:00:00Z' });
 * const balances = r.ok ? r.value.state.balances['SHIRT'] : undefined;
 * [balances?.['dc']?.onHand, balances?.['store-1']?.inTransit]; //=> [30, 20]
 * ```
 */
export function transferStock(
  state: InventoryState,
  request: TransferRequest,
  options: InventoryOperationOptions,
): Result<InventoryOperation, InventoryError> {
  return runOperation(state, request, options, {
    kind: 'transfer',
    read: readTransfer,
    plan: ({ sku, from, to, quantity, transferId, reason }, { now, nowMs, policy }) => {
      const safetyStock = safetyStockOf(policy, sku);
      const available = promisable(balanceOf(state, sku, from), nowMs, safetyStock, 0);
      if (available < quantity)
        throw new InventoryError(
          'insufficient_stock',
          `${show(sku)} at ${show(from)}: ${quantity} to transfer, ${available} available.`,
          { sku, location: from, requested: quantity, available },
        );
      return {
        entries: [
          withOptional(
            { kind: 'transfer_out', sku, location: from, quantity: -quantity, counterpartLocation: to },
            { transferId, reason },
          ),
        ],
        preconditions: [
          { kind: 'available_at_least', sku, location: from, quantity, now, safetyStock, backorderLimit: 0 },
        ],
      };
    },
  });
}
