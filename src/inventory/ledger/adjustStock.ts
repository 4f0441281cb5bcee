import type { Result } from '../../core/result.js';
import { show } from '../../core/show.js';
import { InventoryError } from '../errors.js';
import { balanceOf, runOperation, withOptional } from '../internal/operation.js';
import { integer, optionalText, reasonText, text } from '../internal/requests.js';
import type { InventoryOperation, InventoryOperationOptions, InventoryState } from '../types.js';
import type { AdjustStockRequest } from './types.js';

/**
 * Records a change of on hand that is not a receipt, a shipment or a transfer — damage, loss,
 * theft, found stock — as one `adjustment` entry with the (required) reason.
 *
 * An adjustment states a fact about the shelf, so it has no precondition beyond `operation_absent`:
 * it is appended whatever moved concurrently. It is refused only when it would write off more than
 * the books hold (`insufficient_stock`): units the books do not have cannot be lost; count them
 * (`cycleCountCorrections`) instead. Writing off units that are reserved or allocated is allowed —
 * they are gone — and leaves `available` negative until those promises are released.
 *
 * @param state - The folded ledger (not modified).
 * @param request - The SKU, location, signed non-zero quantity, reason and idempotency key.
 * @param options - `now` (stamped on the entry).
 * @returns The next state, the intent (`kind: 'adjust'`) and `replayed`; or `invalid_request`,
 *   `insufficient_stock` (with `requested` and `available`: the units on hand), `invalid_instant`
 *   or `invalid_options`.
 * @example
 * ```ts
 * import { adjustStock, foldLedger } from 'ordercore/inventory';
 *
 * const state = foldLedger([{ id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 10, at: '2026-11-01T08:00:00Z' }]);
 * const now = '2026-11-02T08:00:00Z';
 * const r = adjustStock(state, { key: 'adj-1', sku: 'SHIRT', location: 'dc', quantity: -2, reason: 'damaged in aisle 4' }, { now });
 * r.ok && r.value.state.balances['SHIRT']?.['dc']?.onHand; //=> 8
 * const tooMany = adjustStock(state, { key: 'adj-2', sku: 'SHIRT', location: 'dc', quantity: -11, reason: 'lost' }, { now });
 * tooMany.ok || tooMany.error.code; //=> 'insufficient_stock'
 * ```
 */
export function adjustStock(
  state: InventoryState,
  request: AdjustStockRequest,
  options: InventoryOperationOptions,
): Result<InventoryOperation, InventoryError> {
  return runOperation(state, request, options, {
    kind: 'adjust',
    read: (r) => ({
      sku: text(r, 'sku'),
      location: text(r, 'location'),
      quantity: integer(r, 'quantity', 'nonzero'),
      reason: reasonText(r, 'reason'),
      reference: optionalText(r, 'reference'),
    }),
    plan: ({ sku, location, quantity, reason, reference }) => {
      const onHand = balanceOf(state, sku, location)?.onHand ?? 0;
      if (quantity < 0 && onHand + quantity < 0)
        throw new InventoryError(
          'insufficient_stock',
          `${show(sku)} at ${show(location)}: cannot write off ${-quantity}, the books hold ${onHand} on hand.`,
          { sku, location, requested: -quantity, available: onHand, field: 'quantity' },
        );
      return { entries: [withOptional({ kind: 'adjustment', sku, location, quantity }, { reason, reference })] };
    },
  });
}
