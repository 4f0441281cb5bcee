import type { Result } from '../../core/result.js';
import type { InventoryError } from '../errors.js';
import { field, invalidRequest } from '../internal/requests.js';
import type { InventoryOperation, InventoryOperationOptions, InventoryState } from '../types.js';
import { checkLine, reserveOperation } from './internal/plan.js';
import type { ReserveBatchRequest } from './types.js';

const lineName = (i: number): string => `lines[${i}].`;

/**
 * Reserves several lines all or nothing (a checkout): one `reservation` entry per line, in line
 * order, or none and a refusal naming the line.
 *
 * Lines at a fixed location are summed per SKU and location before checking (two lines of 3 against
 * 5 available fail together). Stock lines are then placed in order, each at the first of its
 * locations that can still hold the whole line after what the batch's fixed lines and earlier stock
 * lines took there. The intent carries `operation_absent(key)` and one `available_at_least` per SKU
 * and chosen location with the batch's total there, ordered by SKU then location. Every line needs
 * its own new reservation id. Replaying the key changes nothing.
 *
 * @param state - The folded ledger (not modified).
 * @param request - The key and the lines (at least one).
 * @param options - `now` and the availability policy.
 * @returns The next state, the intent (`kind: 'reserve'`) and `replayed`; or `insufficient_stock`
 *   (with `line`, `sku`, `location` or `locations`, `requested`, `available`), `invalid_request`
 *   (naming the field, e.g. `lines[1].quantity`), `invalid_instant`, `invalid_options` or
 *   `idempotency_key_reused`.
 * @example
 * ```ts
 * import { foldLedger, reserveBatch } from 'ordercore/inventory';
 *
 * const now = '2026-11-22T10:00:00Z';
 * const state = foldLedger([
 *   { id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 5, at: '2026-11-01T08:00:00Z' },
 *   { id: 'e-2', kind: 'receipt', sku: 'MUG', location: 'dc', quantity: 1, at: '2026-11-01T08:00:00Z' },
 * ]);
 * const lines = [
 *   { reservationId: 'r-1', sku: 'SHIRT', location: 'dc', quantity: 3 },
 *   { reservationId: 'r-2', sku: 'SHIRT', location: 'dc', quantity: 3 },
 * ];
 * const r = reserveBatch(state, { key: 'checkout-42', lines }, { now });
 * r.ok || [r.error.code, r.error.details['requested'], r.error.details['available']]; //=> ['insufficient_stock', 6, 5]
 * const fits = reserveBatch(state, { key: 'checkout-43', lines: [lines[0]!, { reservationId: 'r-3', sku: 'MUG', location: 'dc', quantity: 1 }] }, { now });
 * fits.ok && fits.value.intent.entries.map((e) => e.id); //=> ['checkout-43#0', 'checkout-43#1']
 * ```
 */
export function reserveBatch(
  state: InventoryState,
  request: ReserveBatchRequest,
  options: InventoryOperationOptions,
): Result<InventoryOperation, InventoryError> {
  return reserveOperation(
    state,
    request,
    options,
    (r) => {
      const raw = field(r, 'lines');
      if (!Array.isArray(raw)) throw invalidRequest('lines', 'expected an array of reservation lines.');
      if (raw.length === 0) throw invalidRequest('lines', 'must hold at least one line.');
      return Array.from(raw, (line: unknown, i) => checkLine(line, lineName(i)));
    },
    lineName,
  );
}
