// The working state of one edit call: lines, their stored-amount bases, the diff and the stock to
// release. Everything is copied on write; the caller's order is never touched.
import type { Money } from '../../../money/types.js';
import { notOwedMinor } from '../../internal/ledger.js';
import { refundEffects } from '../../internal/refunds.js';
import type { Order, OrderEffect, OrderLine } from '../../types.js';
import type { OrderBalance, OrderDiffEntry } from '../types.js';
import { activeTotal, type LineBasis } from './amounts.js';

export interface ReleaseEntry {
  readonly lineId: string;
  readonly sku: string;
  quantity: number;
  readonly locationId?: string;
}

export interface Work {
  readonly order: Order;
  lines: OrderLine[];
  readonly bases: Map<string, LineBasis>;
  readonly diff: OrderDiffEntry[];
  readonly release: ReleaseEntry[];
}

export function startWork(order: Order, bases: Map<string, LineBasis>): Work {
  return { order, lines: order.lines.slice(), bases: new Map(bases), diff: [], release: [] };
}

export function indexOfLine(work: Work, lineId: unknown): number {
  if (typeof lineId !== 'string') return -1;
  for (let i = 0; i < work.lines.length; i++) if ((work.lines[i] as OrderLine).id === lineId) return i;
  return -1;
}

/** Units of a line in shipments that are not cancelled (shipped ones included). */
function shipmentUnits(order: Order, lineId: string): number {
  let units = 0;
  for (const s of order.shipments) {
    if (s.state === 'cancelled') continue;
    for (const l of s.lines) if (l.lineId === lineId) units += l.quantity;
  }
  return units;
}

/**
 * Units that can no longer be cancelled: shipped, picked, or in a shipment that is not cancelled
 * (those go back through `cancel_shipment` first).
 */
export function committedUnits(order: Order, line: OrderLine): number {
  return Math.max(line.quantities.shipped, line.quantities.picked, shipmentUnits(order, line.id));
}

/** Units still ordered. */
export function activeUnits(line: OrderLine): number {
  return line.quantity - line.quantities.cancelled;
}

/** Units that can be cancelled now. */
export function cancellableUnits(order: Order, line: OrderLine): number {
  return Math.max(0, activeUnits(line) - committedUnits(order, line));
}

/**
 * Cancels the last `k` open units of line `index` (k ≤ cancellable): unallocated units first —
 * backordered ones before the rest — then allocated units not in a shipment, which are released.
 * The amounts cancelled are those of units [active − k, active); the stored amounts do not change.
 */
export function cancelOnLine(work: Work, index: number, k: number, kind: OrderDiffEntry['kind']): void {
  const line = work.lines[index] as OrderLine;
  const q = line.quantities;
  const unallocated = activeUnits(line) - q.allocated;
  const fromUnallocated = Math.min(k, unallocated);
  const fromAllocated = k - fromUnallocated;
  const next = {
    ...q,
    cancelled: q.cancelled + k,
    allocated: q.allocated - fromAllocated,
    backordered: Math.max(0, q.backordered - fromUnallocated),
  };
  const { expectedAvailableAt, ...rest } = line;
  const updated: OrderLine =
    next.backordered === 0 || expectedAvailableAt === undefined
      ? { ...rest, quantities: next }
      : { ...rest, expectedAvailableAt, quantities: next };
  work.lines[index] = updated;
  const lineId = line.id;
  work.diff.push({ kind, lineId, field: 'quantities.cancelled', before: q.cancelled, after: next.cancelled });
  if (next.allocated !== q.allocated) {
    work.diff.push({ kind, lineId, field: 'quantities.allocated', before: q.allocated, after: next.allocated });
  }
  if (next.backordered !== q.backordered) {
    work.diff.push({ kind, lineId, field: 'quantities.backordered', before: q.backordered, after: next.backordered });
  }
  if (expectedAvailableAt !== undefined && updated.expectedAvailableAt === undefined) {
    work.diff.push({ kind, lineId, field: 'expectedAvailableAt', before: expectedAvailableAt, after: null });
  }
  if (fromAllocated > 0) {
    const existing = work.release.find((r) => r.lineId === lineId && r.locationId === line.locationId);
    if (existing !== undefined) existing.quantity += fromAllocated;
    else {
      work.release.push(
        line.locationId === undefined
          ? { lineId, sku: line.sku, quantity: fromAllocated }
          : { lineId, sku: line.sku, quantity: fromAllocated, locationId: line.locationId },
      );
    }
  }
}

/** The order's amount due and net captured, in minor units (bigint: sums of many safe integers). */
export function dueAndCaptured(
  order: Order,
  lines: readonly OrderLine[],
  bases: ReadonlyMap<string, LineBasis>,
): {
  due: bigint;
  netCaptured: bigint;
} {
  let due = BigInt(order.shipping.net.amount) + BigInt(order.shipping.tax.amount);
  for (const line of lines) {
    const basis = bases.get(line.id) as LineBasis;
    due += line.quantities.cancelled === 0 ? BigInt(line.total.amount) : activeTotal(basis, activeUnits(line));
  }
  // The amount due as ledger.ts's amountDueMinor defines it, over the (edited) lines given: less
  // refunded returns, and less shipping for an order cancelled or rejected before anything shipped.
  const notOwed = notOwedMinor(order);
  if (notOwed !== 0) due -= BigInt(notOwed);
  let netCaptured = 0n;
  for (const p of order.payments) netCaptured += BigInt(p.captured.amount) - BigInt(p.refunded.amount);
  return { due, netCaptured };
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

function money(amount: bigint, currency: string): Money {
  // Sums beyond the safe range are clamped to it rather than returned as inexact numbers; the
  // callers refuse such orders first (amount_out_of_range), so this is a last guard.
  const clamped = amount > MAX ? MAX : amount < -MAX ? -MAX : amount;
  return { amount: Number(clamped) + 0, currency };
}

export function toBalance(due: bigint, netCaptured: bigint, currency: string): OrderBalance {
  return {
    due: money(due, currency),
    netCaptured: money(netCaptured, currency),
    toCollect: money(due > netCaptured ? due - netCaptured : 0n, currency),
    toRefund: money(netCaptured > due ? netCaptured - due : 0n, currency),
  };
}

export function inSafeRange(value: bigint): boolean {
  return value <= MAX && value >= -MAX;
}

/**
 * The effects common to every change: stock to release, the refund this change owes (the part of
 * the decrease of the amount due that is already captured, so a refund asked for by an earlier
 * change and not yet recorded is not asked for twice) as one `refund_payment` per payment (most
 * recent first, below the part asked for earlier: internal/refunds.ts), and the customer notice of
 * the refund.
 */
export function moneyEffects(
  work: Work,
  before: { due: bigint; netCaptured: bigint },
  after: { due: bigint; netCaptured: bigint },
  reason: string,
): OrderEffect[] {
  const effects: OrderEffect[] = [];
  const orderId = work.order.id;
  if (work.release.length > 0) {
    effects.push({ type: 'release_stock', orderId, lines: work.release.map((r) => ({ ...r })) });
  }
  const overpaid = after.netCaptured - after.due;
  const decrease = before.due - after.due;
  // biome-ignore lint/complexity/useMathMinMax: bigints (Math.min takes numbers only)
  const refund = overpaid < decrease ? overpaid : decrease;
  if (refund > 0n) {
    // The overpayment beyond this refund was asked for by earlier changes (or is the host's to
    // settle): the split starts below it. refund ≤ overpaid ≤ net captured, all in the safe range.
    const split = refundEffects(work.order, Number(refund), Number(overpaid - refund), reason);
    for (const effect of split.effects) effects.push(effect);
    const amount = money(BigInt(split.covered), work.order.currency);
    if (split.covered > 0) {
      effects.push({ type: 'notify_customer', orderId, message: { kind: 'refund_issued', amount } });
    }
  }
  return effects;
}
