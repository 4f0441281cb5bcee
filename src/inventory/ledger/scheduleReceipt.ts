import type { Result } from '../../core/result.js';
import { show } from '../../core/show.js';
import type { InventoryError } from '../errors.js';
import { balanceOf, runOperation, withOptional } from '../internal/operation.js';
import { integer, invalidRequest, optionalInstant, text } from '../internal/requests.js';
import type { InventoryOperation, InventoryOperationOptions, InventoryState } from '../types.js';
import type { ScheduleReceiptRequest } from './types.js';

/**
 * Records units expected at a location by a date — a purchase-order line, a production order — as
 * one `scheduled_receipt` entry: the receipt's `incoming` grows by `quantity`, or shrinks when it is
 * negative (a cancelled or reduced order line; down to zero removes it). `receiveStock` with the same
 * `receiptId` later turns expected units into on hand.
 *
 * A reduction is refused when the receipt expects fewer units than it removes; the same check runs
 * again when an adapter appends the entry (the fold refuses it), so a concurrent receipt cannot make
 * incoming negative. The intent has no other precondition.
 *
 * @param state - The folded ledger (not modified).
 * @param request - The SKU, location, receipt id, signed quantity, expected date and idempotency key.
 * @param options - `now` (stamped on the entry).
 * @returns The next state, the intent (`kind: 'schedule_receipt'`) and `replayed`; or
 *   `invalid_request` (a missing `expectedAt`, a reduction beyond what is expected ...),
 *   `invalid_instant` or `invalid_options`.
 * @example
 * ```ts
 * import { foldLedger, scheduleReceipt } from 'ordercore/inventory';
 *
 * const now = '2026-11-01T08:00:00Z';
 * const r = scheduleReceipt(foldLedger([]), {
 *   key: 'po-78', sku: 'SHIRT', location: 'dc', receiptId: 'PO-78', quantity: 200, expectedAt: '2026-12-01T00:00:00Z',
 * }, { now });
 * r.ok && r.value.state.balances['SHIRT']?.['dc']?.incoming; //=> [{ receiptId: 'PO-78', quantity: 200, expectedAt: '2026-12-01T00:00:00Z' }]
 * const cut = r.ok ? scheduleReceipt(r.value.state, { key: 'po-78-cut', sku: 'SHIRT', location: 'dc', receiptId: 'PO-78', quantity: -250 }, { now }) : r;
 * cut.ok || cut.error.details['field']; //=> 'quantity'
 * ```
 */
export function scheduleReceipt(
  state: InventoryState,
  request: ScheduleReceiptRequest,
  options: InventoryOperationOptions,
): Result<InventoryOperation, InventoryError> {
  return runOperation(state, request, options, {
    kind: 'schedule_receipt',
    read: (r) => {
      const sku = text(r, 'sku');
      const location = text(r, 'location');
      const receiptId = text(r, 'receiptId');
      const quantity = integer(r, 'quantity', 'nonzero');
      const expectedAt = optionalInstant(r, 'expectedAt');
      if (quantity > 0 && expectedAt === undefined)
        throw invalidRequest('expectedAt', 'a scheduled receipt that adds units needs the date they are expected.');
      return { sku, location, receiptId, quantity, expectedAt };
    },
    plan: ({ sku, location, receiptId, quantity, expectedAt }) => {
      if (quantity < 0) {
        const expected =
          balanceOf(state, sku, location)?.incoming.find((i) => i.receiptId === receiptId)?.quantity ?? 0;
        if (expected < -quantity)
          throw invalidRequest(
            'quantity',
            `scheduled receipt ${show(receiptId)} of ${show(sku)} at ${show(location)} expects ${expected}, fewer than ${-quantity}.`,
            { sku, location, receiptId, expected },
          );
      }
      return {
        entries: [withOptional({ kind: 'scheduled_receipt', sku, location, quantity, receiptId }, { expectedAt })],
      };
    },
  });
}
