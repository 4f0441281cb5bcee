// Quantity and money helpers shared by the default machines, the projections and the invariants.

import { allocate } from '../../money/allocate.js';
import type { Money } from '../../money/types.js';
import { lineAmountsForUnits } from '../edits/lineAmountsForUnits.js';
import type { LineQuantities, Order, OrderLine, Payment } from '../types.js';
import { lineIndex } from './checks.js';
import { withLineQuantities } from './copy.js';

export const ZERO_QUANTITIES: LineQuantities = {
  allocated: 0,
  picked: 0,
  shipped: 0,
  delivered: 0,
  cancelled: 0,
  returned: 0,
  backordered: 0,
};

/** Units still ordered: ordered minus cancelled. */
export function activeUnits(line: OrderLine): number {
  return line.quantity - line.quantities.cancelled;
}

/**
 * The part of an amount stored for `whole` units that belongs to `part` of them, by largest
 * remainder (the parts of a split always sum to the whole; nothing is re-spread).
 */
export function unitShare(total: Money, part: number, whole: number): Money {
  if (part === whole) return total;
  if (part <= 0 || whole <= 0) return { amount: 0, currency: total.currency };
  return allocate(total, [part, whole - part])[0] as Money;
}

type SliceField = 'subtotal' | 'discountTotal' | 'net' | 'tax' | 'total';

/**
 * The stored amounts of a line's first `units` units, sliced the way the edits module slices them
 * (`lineAmountsForUnits`: cancellations take a line's last units), so totals here and balances there
 * agree to the minor unit. Falls back to a largest-remainder share if the stored amounts are
 * inconsistent (which orderInvariantViolations does not judge).
 */
export function firstUnitsAmount(line: OrderLine, units: number, field: SliceField): Money {
  if (units >= line.quantity) return line[field];
  const slice = lineAmountsForUnits(line, 0, Math.max(0, units));
  return slice.ok ? slice.value[field] : unitShare(line[field], units, line.quantity);
}

/** Replaces some lines' quantities; lines not in `patches` are shared. */
export function patchLines(
  order: Order,
  patches: ReadonlyMap<string, (q: LineQuantities, line: OrderLine) => LineQuantities>,
): readonly OrderLine[] {
  return order.lines.map((line) => {
    const patch = patches.get(line.id);
    return patch === undefined ? line : withLineQuantities(line, patch(line.quantities, line));
  });
}

/** Units of a line in shipments that are not cancelled, optionally only in the given states. */
export function shipmentUnits(order: Order, lineId: string, states?: ReadonlySet<string>): number {
  let units = 0;
  for (const shipment of order.shipments) {
    if (shipment.state === 'cancelled') continue;
    if (states !== undefined && !states.has(shipment.state)) continue;
    for (const l of shipment.lines) if (l.lineId === lineId) units += l.quantity;
  }
  return units;
}

/** Units of a line requested in returns that are not rejected or cancelled. */
export function returnUnits(order: Order, lineId: string): number {
  let units = 0;
  for (const r of order.returns) {
    if (r.state === 'rejected' || r.state === 'cancelled') continue;
    for (const l of r.lines) if (l.lineId === lineId) units += l.quantity;
  }
  return units;
}

export function findIndexById<T extends { readonly id: string }>(items: readonly T[], id: string | undefined): number {
  for (let i = 0; i < items.length; i++) if ((items[i] as T).id === id) return i;
  return -1;
}

export function replaceAt<T>(items: readonly T[], index: number, item: T): readonly T[] {
  const copy = items.slice();
  copy[index] = item;
  return copy;
}

/** Payments whose authorisation still counts (not voided or failed). */
export function livePayment(payment: Payment): boolean {
  return payment.state !== 'voided' && payment.state !== 'failed';
}

export interface MoneySums {
  readonly authorized: number;
  readonly captured: number;
  readonly refunded: number;
}

/** Σ authorised (live payments only), captured and refunded, in minor units. */
export function paymentSums(order: Order): MoneySums {
  let authorized = 0;
  let captured = 0;
  let refunded = 0;
  for (const p of order.payments) {
    if (livePayment(p)) authorized += p.authorized.amount;
    captured += p.captured.amount;
    refunded += p.refunded.amount;
  }
  return { authorized, captured, refunded };
}

/** The grand total in minor units: each line's stored total for its units still ordered, plus shipping. */
export function grandTotalMinor(order: Order): number {
  let total = order.shipping.net.amount + order.shipping.tax.amount;
  for (const line of order.lines) {
    total +=
      line.quantities.cancelled === 0 ? line.total.amount : firstUnitsAmount(line, activeUnits(line), 'total').amount;
  }
  return total;
}

/**
 * Σ `resolutionAmount` of the returns settled by refund (state `refunded`), in minor units: goods
 * given back AND paid back, so no longer owed. Returns settled by exchange or store credit are not
 * counted (the customer keeps the value in another form; the order's money stays).
 */
export function refundedReturnsMinor(order: Order): number {
  let value = 0;
  const returns = order.returns;
  for (let i = 0; i < returns.length; i++) {
    const r = returns[i] as (typeof returns)[number];
    if (r.state === 'refunded' && r.resolutionAmount !== undefined) value += r.resolutionAmount.amount;
  }
  return value;
}

/**
 * The shipping charge (net + tax, minor units) the customer does not owe: all of it when the order
 * ended — `cancelled`, or `rejected` at approval — before any unit shipped (nothing was ever sent, so
 * the charge is refunded with the rest, as Shopify and Saleor do); none otherwise. Once a unit has
 * shipped the carrier was paid: shipping stays owed, also when the rest of the order is cancelled.
 * `state` is the order's state (the order machine's effects see the order before its new state is
 * set, so they pass the state being entered).
 */
export function waivedShippingMinor(order: Order, state: string = order.state): number {
  if (state !== 'cancelled' && state !== 'rejected') return 0;
  const lines = order.lines;
  for (let i = 0; i < lines.length; i++) if ((lines[i] as OrderLine).quantities.shipped > 0) return 0;
  return order.shipping.net.amount + order.shipping.tax.amount;
}

/**
 * What the amount due takes off the grand total, in minor units: {@link refundedReturnsMinor} plus
 * {@link waivedShippingMinor}. The edits module subtracts it from its own (bigint) sum of the lines.
 */
export function notOwedMinor(order: Order, state: string = order.state): number {
  const returned = order.returns.length === 0 ? 0 : refundedReturnsMinor(order);
  return returned + waivedShippingMinor(order, state);
}

/**
 * The amount due, in minor units — THE definition of what the customer owes for the order, shared by
 * `orderTotals` (`amountDue`, `balanceDue`), `paymentStatus`, the `paid_or_credit_approved` guard,
 * refunds on returns and on cancel, and the edits module (`orderBalance`, whose bigint sum over
 * edited lines subtracts the same {@link notOwedMinor}):
 *
 *   Σ each line's stored total for its units still ordered (ordered − cancelled; the first units, as
 *   `lineAmountsForUnits` slices them) + shipping (net + tax) − {@link refundedReturnsMinor}
 *   − {@link waivedShippingMinor} (shipping, when the order was cancelled or rejected before any unit
 *   shipped).
 *
 * What is owed is then `amountDue − (Σ captured − Σ refunded)`.
 */
export function amountDueMinor(
  order: Order,
  grandTotal: number = grandTotalMinor(order),
  state: string = order.state,
): number {
  return grandTotal - notOwedMinor(order, state);
}

/** The value (stored line totals) of some units of some lines. */
export function valueOfUnits(
  order: Order,
  units: readonly { readonly lineId: string; readonly quantity: number }[],
): number {
  let value = 0;
  for (let k = 0; k < units.length; k++) {
    const u = units[k] as (typeof units)[number];
    const line = order.lines[lineIndex(order, u.lineId, k)];
    if (line !== undefined) value += firstUnitsAmount(line, u.quantity, 'total').amount;
  }
  return value;
}
