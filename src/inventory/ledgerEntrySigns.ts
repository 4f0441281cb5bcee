import type { LedgerEntryKind } from './types.js';

/**
 * What a ledger entry's kind requires of the sign of its quantity: `'positive'` (> 0),
 * `'negative'` (< 0), `'nonzero'` (≠ 0), `'zero'` (= 0) or `'any'` safe integer.
 *
 * @example
 * ```ts
 * import type { LedgerEntrySign } from 'ordercore/inventory';
 *
 * const sign: LedgerEntrySign = 'nonzero';
 * sign; //=> 'nonzero'
 * ```
 */
export type LedgerEntrySign = 'positive' | 'negative' | 'nonzero' | 'zero' | 'any';

/**
 * The sign each kind of ledger entry requires of its quantity (the "quantity" column of the table
 * at `LEDGER_ENTRY_KINDS`). It is the one table both the ledger fold (`foldLedger`,
 * `applyLedgerEntries`, every adapter) and `ledgerEntrySchema` in `ordercore/schemas` check entries
 * against, so the boundary and the fold cannot disagree. Frozen: it cannot be changed at run time.
 *
 * @example
 * ```ts
 * import { LEDGER_ENTRY_SIGNS } from 'ordercore/inventory';
 *
 * LEDGER_ENTRY_SIGNS['receipt']; //=> 'positive'
 * LEDGER_ENTRY_SIGNS['shipment']; //=> 'negative'
 * LEDGER_ENTRY_SIGNS['reservation_extended']; //=> 'zero'
 * Object.isFrozen(LEDGER_ENTRY_SIGNS); //=> true
 * ```
 */
export const LEDGER_ENTRY_SIGNS: Readonly<Record<LedgerEntryKind, LedgerEntrySign>> = Object.freeze({
  receipt: 'positive',
  scheduled_receipt: 'nonzero',
  adjustment: 'nonzero',
  cycle_count: 'any',
  transfer_out: 'negative',
  transfer_in: 'positive',
  reservation: 'positive',
  reservation_extended: 'zero',
  release: 'negative',
  allocation: 'positive',
  deallocation: 'negative',
  shipment: 'negative',
  return: 'positive',
});
