import type { Result } from '../../core/result.js';
import type { InventoryError } from '../errors.js';
import { own } from '../internal/fold.js';
import { byCodeUnits, type DraftEntry, runOperation } from '../internal/operation.js';
import { optionalTextList } from '../internal/requests.js';
import type { InventoryOperation, InventoryOperationOptions, InventoryPrecondition, InventoryState } from '../types.js';
import { isExpired } from './internal/holds.js';
import type { ExpireReservationsRequest } from './types.js';

/**
 * Releases every hold that has expired at `now` (`expiresAt ≤ now`), optionally only for some SKUs,
 * as one `release` entry per hold with reason `'expired'`, ordered by SKU, location, then reservation
 * id.
 *
 * Expired holds already stop counting in available-to-promise at `now`; this sweep writes that down
 * in the ledger so `reserved` and the reservation records agree, and nothing leaks. Each entry has a
 * `hold_at_least` precondition for the units it releases, so a hold released or committed meanwhile
 * makes an adapter refuse the sweep (run it again). A sweep that finds nothing is `ok` with no
 * entries (and, having written nothing, leaves its key unused).
 *
 * @param state - The folded ledger (not modified).
 * @param request - The key and, optionally, the SKUs to sweep.
 * @param options - `now`.
 * @returns The next state, the intent (`kind: 'expire'`) and `replayed`; or `invalid_request`,
 *   `invalid_instant` or `invalid_options`.
 * @example
 * ```ts
 * import { expireReservations, foldLedger } from 'ordercore/inventory';
 *
 * const state = foldLedger([
 *   { id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 5, at: '2026-11-22T09:00:00Z' },
 *   { id: 'e-2', kind: 'reservation', sku: 'SHIRT', location: 'dc', quantity: 2, at: '2026-11-22T10:00:00Z', reservationId: 'r-1', expiresAt: '2026-11-22T10:15:00Z' },
 *   { id: 'e-3', kind: 'reservation', sku: 'SHIRT', location: 'dc', quantity: 1, at: '2026-11-22T10:00:00Z', reservationId: 'r-2' },
 * ]);
 * const r = expireReservations(state, { key: 'sweep-1' }, { now: '2026-11-22T10:20:00Z' });
 * r.ok && r.value.intent.entries.map((e) => [e.reservationId, e.quantity, e.reason]); //=> [['r-1', -2, 'expired']]
 * r.ok && r.value.state.balances['SHIRT']?.['dc']?.reserved; //=> 1
 * ```
 */
export function expireReservations(
  state: InventoryState,
  request: ExpireReservationsRequest,
  options: InventoryOperationOptions,
): Result<InventoryOperation, InventoryError> {
  return runOperation(state, request, options, {
    kind: 'expire',
    read: (r) => optionalTextList(r, 'skus'),
    plan: (skus, { nowMs }) => {
      const entries: DraftEntry[] = [];
      const preconditions: InventoryPrecondition[] = [];
      const swept = (skus === undefined ? Object.keys(state.balances) : [...skus]).sort(byCodeUnits);
      for (const sku of swept) {
        const bySku = own(state.balances, sku);
        if (bySku === undefined) continue;
        for (const location of Object.keys(bySku).sort(byCodeUnits)) {
          const balance = own(bySku, location);
          if (balance === undefined) continue;
          for (const hold of balance.holds) {
            if (!isExpired(hold, nowMs)) continue;
            const { reservationId, quantity } = hold;
            entries.push({ kind: 'release', sku, location, quantity: -quantity, reservationId, reason: 'expired' });
            preconditions.push({ kind: 'hold_at_least', reservationId, quantity });
          }
        }
      }
      return { entries, preconditions };
    },
  });
}
