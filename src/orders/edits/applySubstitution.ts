import { err, ok, type Result } from '../../core/result.js';
import type { Order, OrderEdit, OrderEffect, OrderLine } from '../types.js';
import { addLineTo } from './applyOrderEdits.js';
import { cancelInto } from './cancelLineQuantities.js';
import { OrderEditError } from './errors.js';
import { checkNow, checkOrder, fail, isObject, show } from './internal/checks.js';
import {
  cancellableUnits,
  dueAndCaptured,
  indexOfLine,
  inSafeRange,
  moneyEffects,
  startWork,
  toBalance,
} from './internal/work.js';
import type { OrderEditOutcome } from './types.js';

/**
 * Replaces open units of a line by a substitute line: cancels as many of the original line's open
 * units as the substitute has units (at most all open units; unallocated first, as
 * {@link cancelLineQuantities} does, allocated ones released) and adds the substitute line with
 * `substitutedFor` set to the original line and SKU.
 *
 * `transition()` (event `accept_substitution`) is the normal entry point: it checks the state, calls
 * this, bumps `version` and appends the history entry. This function does neither. Proposals with
 * ready substitute lines come from {@link proposeSubstitutions}.
 *
 * Refused with `substitution_not_allowed` when the line says `allowSubstitutes: false` (no preference
 * recorded means the acceptance itself is the consent) or the substitute has the same SKU.
 *
 * Effects: those of the cancellation (`release_stock`, `refund_payment` and `refund_issued` for the
 * part already captured when the substitute is cheaper) and `notify_customer`
 * `{ kind: 'substitution_made', lineId: <original line>, sku: <substitute SKU> }`.
 *
 * @param order - The order (not mutated).
 * @param lineId - The line whose units are replaced.
 * @param substitute - The `add_line` edit of the substitute (its id must be new).
 * @param options - `now`: the current instant.
 * @returns The outcome, or `unknown_line`, `nothing_to_cancel`, `substitution_not_allowed`, `invalid_edit`,
 *   `duplicate_line_id`, `currency_mismatch`, `inconsistent_amounts`.
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import { applySubstitution, type Order } from 'ordercore/orders';
 *
 * const usd = (a: string) => money(a, 'USD');
 * const q0 = { allocated: 0, picked: 0, shipped: 0, delivered: 0, cancelled: 0, returned: 0, backordered: 2 };
 * const order = {
 *   id: 'o-1', version: 4, type: 'stock', state: 'confirmed', currency: 'USD', channel: 'web', priority: 'normal',
 *   customer: { accountId: 'c-1', deliveryAddress: {} },
 *   lines: [{ id: 'l1', sku: 'MUG', description: 'Mug', quantity: 2, unitPrice: usd('8.00'), subtotal: usd('16.00'),
 *     discounts: [], discountTotal: usd('0'), net: usd('16.00'), tax: usd('0'), total: usd('16.00'),
 *     sourcing: 'stock', allowSubstitutes: true, quantities: q0 }],
 *   shipping: { net: usd('0'), tax: usd('0') }, fulfillment: {},
 *   terms: { paymentTerms: { kind: 'prepaid' }, creditApproved: false }, timestamps: { orderedAt: '2026-11-22T10:00:00Z' },
 *   payments: [], shipments: [], returns: [], approvals: [], history: [],
 * } satisfies Order;
 *
 * const r = applySubstitution(order, 'l1', { kind: 'add_line', line: { id: 'l1-sub', sku: 'MUG-XL', description: 'Mug XL',
 *   quantity: 2, unitPrice: usd('8.00'), subtotal: usd('16.00'), discounts: [], discountTotal: usd('0'),
 *   net: usd('16.00'), tax: usd('0'), total: usd('16.00') } }, { now: '2026-11-23T09:00:00Z' });
 * r.ok && r.value.order.lines.map((l) => [l.id, l.quantity - l.quantities.cancelled]); //=> [['l1', 0], ['l1-sub', 2]]
 * r.ok && r.value.order.lines[1]?.substitutedFor; //=> { lineId: 'l1', sku: 'MUG' }
 * ```
 */
export function applySubstitution(
  order: Order,
  lineId: string,
  substitute: OrderEdit & { readonly kind: 'add_line' },
  options: { readonly now: string },
): Result<OrderEditOutcome, OrderEditError> {
  const bad = checkNow(options);
  if (bad !== undefined) return err(bad);
  const bases = checkOrder(order);
  if (bases instanceof OrderEditError) return err(bases);
  const work = startWork(order, bases);
  const index = indexOfLine(work, lineId);
  if (index < 0) {
    return err(
      fail('unknown_line', `lineId: ${show(lineId)} is not a line of the order.`, {
        field: 'lineId',
        lineId: typeof lineId === 'string' ? lineId : null,
      }),
    );
  }
  const original = work.lines[index] as OrderLine;
  const edit: unknown = substitute;
  if (!isObject(edit) || edit['kind'] !== 'add_line' || !isObject(edit['line'])) {
    return err(fail('invalid_edit', 'substitute: expected an add_line edit with a line.', { field: 'substitute' }));
  }
  const input = edit['line'];
  if (original.allowSubstitutes === false) {
    return err(
      fail('substitution_not_allowed', `Line "${original.id}": the customer does not accept substitutes.`, {
        lineId: original.id,
      }),
    );
  }
  if (input['sku'] === original.sku) {
    return err(
      fail('substitution_not_allowed', `substitute.line.sku: "${original.sku}" is the line's own SKU.`, {
        lineId: original.id,
        field: 'line.sku',
      }),
    );
  }
  const quantity = input['quantity'];
  if (!Number.isSafeInteger(quantity) || (quantity as number) < 1) {
    return err(
      fail('invalid_quantity', `substitute.line.quantity: ${show(quantity)} is not a positive safe integer.`, {
        field: 'line.quantity',
      }),
    );
  }
  const cancellable = cancellableUnits(order, original);
  if (cancellable === 0) {
    return err(
      fail('nothing_to_cancel', `Line "${original.id}" has no open units left to replace.`, { lineId: original.id }),
    );
  }
  const before = dueAndCaptured(order, order.lines, bases);
  if (!inSafeRange(before.due))
    return err(fail('amount_out_of_range', 'The order total is beyond the safe range.', {}));
  const replaced = Math.min(quantity as number, cancellable);
  const cancelled = cancelInto(work, [{ lineId: original.id, quantity: replaced }], 'substitution');
  if (cancelled !== undefined) return err(cancelled);
  const added = addLineTo(
    work,
    { kind: 'add_line', line: { ...input, substitutedFor: { lineId: original.id, sku: original.sku } } },
    0,
    'substitution',
  );
  if (typeof added !== 'number') {
    const { index: _index, ...details } = added.details;
    return err(new OrderEditError(added.code, added.message.replace('edits[0].line', 'substitute.line'), details));
  }
  const after = dueAndCaptured(order, work.lines, work.bases);
  if (!inSafeRange(after.due)) return err(fail('amount_out_of_range', 'The order total is beyond the safe range.', {}));
  const balance = toBalance(after.due, after.netCaptured, order.currency);
  const effects: OrderEffect[] = moneyEffects(work, before, after, 'substitution');
  const newLine = work.lines[added] as OrderLine;
  effects.push({
    type: 'notify_customer',
    orderId: order.id,
    message: { kind: 'substitution_made', lineId: original.id, sku: newLine.sku },
  });
  return ok({
    order: { ...order, lines: work.lines },
    diff: work.diff,
    balance: { toCollect: balance.toCollect, toRefund: balance.toRefund },
    effects,
  });
}
