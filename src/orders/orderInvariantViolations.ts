import { machineSet } from './internal/engine.js';
import { activeUnits } from './internal/ledger.js';
import type { OrderMachines } from './machine/types.js';
import type { Order } from './types.js';

const PICKED = new Set(['picking', 'packed', 'shipped', 'delivered']);
const SHIPPED = new Set(['shipped', 'delivered']);

/**
 * Checks an order's invariants and describes every violation: line ledgers (non-negative safe
 * integers; `delivered ≤ shipped ≤ picked ≤ allocated`; `allocated + backordered ≤ ordered −
 * cancelled`; `returned ≤ shipped`), shipments consistent with the ledgers (units in live shipments
 * ≤ allocated; units in picked, shipped and delivered shipments equal `picked`, `shipped`,
 * `delivered`), payments (`captured ≤ authorized`, `refunded ≤ captured`, the order's currency),
 * returns (requested ≤ shipped, received ≤ requested, inspected ≤ received, received units equal
 * `returned`), every state a state of its machine, and the history (`seq` 1, 2, 3, …; `version`
 * equal to the number of entries).
 *
 * @param order - The order.
 * @param options - `machines` the order runs on (defaults for whatever is missing).
 * @returns Readable violations; empty when the order is consistent.
 * @example
 * ```ts
 * import { orderInvariantViolations } from 'ordercore/orders';
 *
 * const usd = (amount: number) => ({ amount, currency: 'USD' });
 * const order = {
 *   state: 'confirmed', version: 0, currency: 'USD', lines: [], shipments: [], returns: [], history: [],
 *   payments: [{ id: 'p1', state: 'captured', method: 'card', authorized: usd(100), captured: usd(150), refunded: usd(0) }],
 * } as never;
 * orderInvariantViolations(order); //=> ['payment p1: captured 150 > authorized 100']
 * ```
 */
export function orderInvariantViolations(
  order: Order,
  options: { readonly machines?: Partial<OrderMachines> } = {},
): readonly string[] {
  const out: string[] = [];
  const byLine = new Map<
    string,
    { live: number; picked: number; shipped: number; delivered: number; requested: number; received: number }
  >();
  for (const line of order.lines) {
    const q = line.quantities;
    const label = `line ${line.id}`;
    for (const [name, value] of Object.entries(q)) {
      if (!Number.isSafeInteger(value) || value < 0)
        out.push(`${label}: ${name} ${String(value)} is not a non-negative safe integer`);
    }
    if (q.cancelled > line.quantity) out.push(`${label}: cancelled ${q.cancelled} > ordered ${line.quantity}`);
    if (q.delivered > q.shipped) out.push(`${label}: delivered ${q.delivered} > shipped ${q.shipped}`);
    if (q.shipped > q.picked) out.push(`${label}: shipped ${q.shipped} > picked ${q.picked}`);
    if (q.picked > q.allocated) out.push(`${label}: picked ${q.picked} > allocated ${q.allocated}`);
    if (q.allocated + q.backordered > activeUnits(line)) {
      out.push(
        `${label}: allocated ${q.allocated} + backordered ${q.backordered} > ordered − cancelled ${activeUnits(line)}`,
      );
    }
    if (q.returned > q.shipped) out.push(`${label}: returned ${q.returned} > shipped ${q.shipped}`);
    byLine.set(line.id, { live: 0, picked: 0, shipped: 0, delivered: 0, requested: 0, received: 0 });
  }
  for (const s of order.shipments) {
    for (const l of s.lines) {
      const sums = byLine.get(l.lineId);
      if (sums === undefined) {
        out.push(`shipment ${s.id}: unknown line ${l.lineId}`);
        continue;
      }
      if (!Number.isSafeInteger(l.quantity) || l.quantity <= 0)
        out.push(`shipment ${s.id}: line ${l.lineId} quantity ${l.quantity} is not positive`);
      if (s.state !== 'cancelled') sums.live += l.quantity;
      if (PICKED.has(s.state)) sums.picked += l.quantity;
      if (SHIPPED.has(s.state)) sums.shipped += l.quantity;
      if (s.state === 'delivered') sums.delivered += l.quantity;
    }
  }
  for (const r of order.returns) {
    for (const l of r.lines) {
      const sums = byLine.get(l.lineId);
      if (sums === undefined) {
        out.push(`return ${r.id}: unknown line ${l.lineId}`);
        continue;
      }
      if (r.state !== 'rejected' && r.state !== 'cancelled') sums.requested += l.quantity;
      sums.received += l.received;
      if (l.received > l.quantity)
        out.push(`return ${r.id}: line ${l.lineId} received ${l.received} > requested ${l.quantity}`);
      const inspected = (l.inspected?.resellable ?? 0) + (l.inspected?.damaged ?? 0);
      if (inspected > l.received)
        out.push(`return ${r.id}: line ${l.lineId} inspected ${inspected} > received ${l.received}`);
    }
  }
  for (const line of order.lines) {
    const q = line.quantities;
    const sums = byLine.get(line.id);
    if (sums === undefined) continue;
    const label = `line ${line.id}`;
    if (sums.live > q.allocated)
      out.push(`${label}: ${sums.live} unit(s) in live shipments > allocated ${q.allocated}`);
    if (sums.picked !== q.picked) out.push(`${label}: ${sums.picked} unit(s) in picked shipments ≠ picked ${q.picked}`);
    if (sums.shipped !== q.shipped)
      out.push(`${label}: ${sums.shipped} unit(s) in shipped shipments ≠ shipped ${q.shipped}`);
    if (sums.delivered !== q.delivered)
      out.push(`${label}: ${sums.delivered} unit(s) in delivered shipments ≠ delivered ${q.delivered}`);
    if (sums.requested > q.shipped) out.push(`${label}: ${sums.requested} unit(s) in returns > shipped ${q.shipped}`);
    if (sums.received !== q.returned)
      out.push(`${label}: ${sums.received} unit(s) received in returns ≠ returned ${q.returned}`);
  }
  for (const p of order.payments) {
    for (const field of ['authorized', 'captured', 'refunded'] as const) {
      const m = p[field];
      if (m.currency !== order.currency) out.push(`payment ${p.id}: ${field} in ${m.currency}, not ${order.currency}`);
      if (!Number.isSafeInteger(m.amount) || m.amount < 0)
        out.push(`payment ${p.id}: ${field} ${m.amount} is negative`);
    }
    if (p.captured.amount > p.authorized.amount)
      out.push(`payment ${p.id}: captured ${p.captured.amount} > authorized ${p.authorized.amount}`);
    if (p.refunded.amount > p.captured.amount)
      out.push(`payment ${p.id}: refunded ${p.refunded.amount} > captured ${p.captured.amount}`);
  }
  const set = machineSet(options.machines);
  if (set.ok) {
    const states = (entity: keyof OrderMachines) => set.value.machines[entity].states;
    if (!Object.hasOwn(states('order'), order.state))
      out.push(`order state ${order.state} is not a state of the order machine`);
    for (const p of order.payments)
      if (!Object.hasOwn(states('payment'), p.state)) out.push(`payment ${p.id}: state ${p.state} is unknown`);
    for (const s of order.shipments)
      if (!Object.hasOwn(states('shipment'), s.state)) out.push(`shipment ${s.id}: state ${s.state} is unknown`);
    for (const r of order.returns)
      if (!Object.hasOwn(states('return'), r.state)) out.push(`return ${r.id}: state ${r.state} is unknown`);
    if (order.service !== undefined && !Object.hasOwn(states('service'), order.service.state)) {
      out.push(`service: state ${order.service.state} is unknown`);
    }
  }
  order.history.forEach((entry, i) => {
    if (entry.seq !== i + 1) out.push(`history[${i}]: seq ${entry.seq}, expected ${i + 1}`);
  });
  if (order.version !== order.history.length)
    out.push(`version ${order.version} ≠ ${order.history.length} history entries`);
  return out;
}
