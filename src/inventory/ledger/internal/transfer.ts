// Shared by transferStock and receiveTransfer: the fields of a transfer request, checked in the
// same order by both halves, so the same malformed request gets the same refusal from either.

import { show } from '../../../core/show.js';
import { integer, invalidRequest, optionalText, text } from '../../internal/requests.js';

/** A transfer request whose fields were checked. */
export interface CheckedTransfer {
  /** The SKU moved. */
  readonly sku: string;
  /** The source location. */
  readonly from: string;
  /** The destination location (never `from`). */
  readonly to: string;
  /** Units moved (positive). */
  readonly quantity: number;
  /** The transfer both halves belong to. */
  readonly transferId: string;
  /** Why, if given. */
  readonly reason: string | undefined;
}

/** Checks a transfer request's fields (after its key). */
export function readTransfer(r: Record<string, unknown>): CheckedTransfer {
  const sku = text(r, 'sku');
  const from = text(r, 'from');
  const to = text(r, 'to');
  if (from === to) throw invalidRequest('to', `a transfer needs two different locations, got ${show(to)} twice.`);
  const quantity = integer(r, 'quantity', 'positive');
  const transferId = text(r, 'transferId');
  const reason = optionalText(r, 'reason');
  return { sku, from, to, quantity, transferId, reason };
}
