// The default guards (policy) and routing conditions of the default machines. Names are public and
// stable (DEFAULT_GUARD_NAMES); hosts switch them off with extendMachine's disableGuards.
import type {
  GuardDefinition,
  GuardRejection,
  MachineEvent,
  MachineGuard,
  TransitionContext,
} from '../machine/types.js';
import type { Order, OrderEvent, Payment } from '../types.js';
import { instantMillis, lineIndex } from './checks.js';
import { activeUnits, amountDueMinor, findIndexById, paymentSums, returnUnits, shipmentUnits } from './ledger.js';

type Ev<T extends OrderEvent['type']> = Extract<OrderEvent, { type: T }>;

const PASS = undefined;

function reject(code: string, message: string, details?: Record<string, unknown>): GuardRejection {
  return details === undefined ? { code, message } : { code, message, details };
}

function stateGuard(check: MachineGuard, description: string): GuardDefinition {
  return { check, readsPayload: false, description };
}

function payloadGuard(check: MachineGuard, description: string): GuardDefinition {
  return { check, readsPayload: true, description };
}

/** Progress of a shipment, for the change cutoff. */
const SHIPMENT_RANK: Readonly<Record<string, number>> = {
  allocated: 0,
  picking: 1,
  packed: 2,
  shipped: 3,
  delivered: 4,
};

const paidOrCreditApproved: MachineGuard = (order, _event, ctx) => {
  const terms = order.terms.paymentTerms;
  if (terms.kind === 'cash_on_delivery') return PASS;
  if (terms.kind === 'net' && order.terms.creditApproved === true) return PASS;
  // The amount due (refunded returns no longer owed), as orderTotals' amountDue counts it.
  const total = amountDueMinor(order);
  const sums = paymentSums(order);
  const covered = ctx.paidWhen === 'authorized' ? sums.authorized - sums.refunded : sums.captured - sums.refunded;
  if (covered >= total) return PASS;
  return reject(
    terms.kind === 'net' ? 'credit_not_approved' : 'not_paid',
    terms.kind === 'net'
      ? 'The order is on net terms without credit approval and is not paid.'
      : `The order is not paid: ${ctx.paidWhen} ${covered} of ${total} minor units.`,
    { paidWhen: ctx.paidWhen, covered, total },
  );
};

const beforeChangeCutoff: MachineGuard = (order, _event, ctx) => {
  if (ctx.changeCutoff === 'none') return PASS;
  const cutoff = SHIPMENT_RANK[ctx.changeCutoff] ?? 1;
  for (const shipment of order.shipments) {
    const rank = SHIPMENT_RANK[shipment.state];
    if (rank !== undefined && rank >= cutoff) {
      return reject(
        'change_cutoff_reached',
        `Shipment ${shipment.id} is ${shipment.state}: changes stop once a shipment is ${ctx.changeCutoff}.`,
        { shipmentId: shipment.id, shipmentState: shipment.state, cutoff: ctx.changeCutoff },
      );
    }
  }
  return PASS;
};

const releaseDateReached: MachineGuard = (order, _event, ctx) => {
  if (order.releaseAt === undefined) return PASS;
  const release = instantMillis(order.releaseAt);
  if (!Number.isNaN(release) && release <= instantMillis(ctx.now)) return PASS;
  return reject('before_release_date', `The order's release date ${order.releaseAt} has not been reached.`, {
    releaseAt: order.releaseAt,
  });
};

const orderNotOnHold: MachineGuard = (order) =>
  order.state === 'on_hold'
    ? reject('order_on_hold', `The order is on hold${order.hold === undefined ? '' : `: ${order.hold.reason}`}.`)
    : PASS;

const fulfillmentComplete: MachineGuard = (order) => {
  if (order.type === 'service') {
    return order.service?.state === 'completed'
      ? PASS
      : reject('service_not_completed', 'The service job is not completed.', { serviceState: order.service?.state });
  }
  for (const line of order.lines) {
    const open = activeUnits(line) - line.quantities.shipped;
    if (open > 0)
      return reject('lines_open', `Line ${line.id} has ${open} unit(s) neither shipped nor cancelled.`, {
        lineId: line.id,
        open,
      });
  }
  return PASS;
};

/** How allocating `quantity` and backordering `backorder` units changes a line, or why it cannot. */
function allocationIssue(
  order: Order,
  lineId: string,
  quantity: number,
  backorder: number,
  hint = -1,
): GuardRejection | undefined {
  const line = order.lines[lineIndex(order, lineId, hint)];
  if (line === undefined) return PASS;
  const active = activeUnits(line);
  const allocated = line.quantities.allocated + quantity;
  const keptBackorder = Math.min(line.quantities.backordered, active - allocated);
  if (allocated > active || keptBackorder + backorder > active - allocated) {
    return reject(
      'quantity_exceeds_open',
      `Line ${lineId}: ${quantity} allocated and ${backorder} backordered exceed the ${active - line.quantities.allocated} open unit(s).`,
      { lineId, quantity, backorder, open: active - line.quantities.allocated },
    );
  }
  return PASS;
}

/**
 * Make-to-order units scheduled for production and not produced yet, for one line: derived from the
 * history (allocated through `allocate`, minus `production_completed`), never stored twice.
 */
function scheduledUnits(order: Order, lineId: string): number {
  let units = 0;
  for (const entry of order.history) {
    const type = entry.event.type;
    if (type !== 'allocate' && type !== 'production_completed') continue;
    for (const l of (entry.event as Ev<'allocate'>).lines) {
      if (l.lineId === lineId) units += type === 'allocate' ? l.quantity : -l.quantity;
    }
  }
  return Math.max(0, units);
}

const quantitiesWithinOpen: MachineGuard = (order, event) => {
  switch (event.type) {
    case 'allocate':
    case 'production_completed': {
      const e = event as Ev<'allocate'>;
      for (let k = 0; k < e.lines.length; k++) {
        const l = e.lines[k] as (typeof e.lines)[number];
        const backorder =
          e.backorders === undefined ? 0 : (e.backorders.find((b) => b.lineId === l.lineId)?.quantity ?? 0);
        const issue = allocationIssue(order, l.lineId, l.quantity, backorder, k);
        if (issue !== undefined) return issue;
        // Make-to-order units become allocated only when produced: units already scheduled count
        // as taken, or a second allocate would schedule the same units twice.
        const line = order.lines[lineIndex(order, l.lineId, k)];
        if (event.type === 'allocate' && line?.sourcing === 'make_to_order') {
          const open = activeUnits(line) - line.quantities.allocated - scheduledUnits(order, l.lineId);
          if (l.quantity > open) {
            return reject(
              'quantity_exceeds_open',
              `Line ${l.lineId}: ${l.quantity} unit(s) to produce exceed the ${Math.max(0, open)} not yet allocated or scheduled.`,
              { lineId: l.lineId, quantity: l.quantity, open: Math.max(0, open) },
            );
          }
        }
      }
      for (const b of e.backorders ?? []) {
        if (e.lines.some((l) => l.lineId === b.lineId)) continue;
        const issue = allocationIssue(order, b.lineId, 0, b.quantity);
        if (issue !== undefined) return issue;
      }
      return PASS;
    }
    case 'create_shipment': {
      const e = event as Ev<'create_shipment'>;
      for (const l of e.lines) {
        const line = order.lines.find((x) => x.id === l.lineId);
        if (line === undefined) continue;
        const free = line.quantities.allocated - shipmentUnits(order, l.lineId);
        if (l.quantity > free) {
          return reject(
            'quantity_exceeds_allocated',
            `Line ${l.lineId}: ${l.quantity} unit(s) to ship, ${free} allocated and not in a shipment.`,
            {
              lineId: l.lineId,
              quantity: l.quantity,
              available: free,
            },
          );
        }
      }
      return PASS;
    }
    case 'request_return': {
      const e = event as Ev<'request_return'>;
      for (const l of e.lines) {
        const line = order.lines.find((x) => x.id === l.lineId);
        if (line === undefined) continue;
        const free = line.quantities.shipped - returnUnits(order, l.lineId);
        if (l.quantity > free) {
          return reject(
            'quantity_exceeds_shipped',
            `Line ${l.lineId}: ${l.quantity} unit(s) to return, ${free} shipped and not already in a return.`,
            {
              lineId: l.lineId,
              quantity: l.quantity,
              available: free,
            },
          );
        }
      }
      return PASS;
    }
    case 'receive_return':
    case 'inspect_return': {
      const e = event as Ev<'receive_return'> | Ev<'inspect_return'>;
      const r = order.returns[findIndexById(order.returns, e.returnId)];
      if (r === undefined) return PASS;
      for (const l of e.lines) {
        const rl = r.lines.find((x) => x.lineId === l.lineId);
        const quantity = 'quantity' in l ? l.quantity : l.resellable + l.damaged;
        const free =
          rl === undefined
            ? 0
            : e.type === 'receive_return'
              ? rl.quantity - rl.received
              : rl.received - (rl.inspected?.resellable ?? 0) - (rl.inspected?.damaged ?? 0);
        if (quantity > free) {
          return reject(
            e.type === 'receive_return' ? 'quantity_exceeds_requested' : 'quantity_exceeds_received',
            `Return ${r.id}, line ${l.lineId}: ${quantity} unit(s), ${free} ${e.type === 'receive_return' ? 'requested and not received' : 'received and not inspected'}.`,
            { returnId: r.id, lineId: l.lineId, quantity, available: free },
          );
        }
      }
      return PASS;
    }
    default:
      return PASS;
  }
};

function paymentOf(order: Order, ctx: TransitionContext): Payment | undefined {
  return order.payments[findIndexById(order.payments, ctx.entityId)];
}

const captureWithinAuthorized: MachineGuard = (order, event, ctx) => {
  const payment = paymentOf(order, ctx);
  const amount = (event as Ev<'capture_payment'>).amount.amount;
  if (payment === undefined) return PASS;
  const room = payment.authorized.amount - payment.captured.amount;
  return amount <= room
    ? PASS
    : reject(
        'capture_exceeds_authorized',
        `Payment ${payment.id}: capturing ${amount} exceeds the ${room} authorised and not captured.`,
        {
          paymentId: payment.id,
          amount,
          available: room,
        },
      );
};

const refundWithinCaptured: MachineGuard = (order, event, ctx) => {
  const payment = paymentOf(order, ctx);
  const amount = (event as Ev<'refund_payment'>).amount.amount;
  if (payment === undefined) return PASS;
  const room = payment.captured.amount - payment.refunded.amount;
  return amount <= room
    ? PASS
    : reject(
        'refund_exceeds_captured',
        `Payment ${payment.id}: refunding ${amount} exceeds the ${room} captured and not refunded.`,
        {
          paymentId: payment.id,
          amount,
          available: room,
        },
      );
};

// --- routing conditions -------------------------------------------------------------------------

const yes = (condition: boolean, code: string, message: string): GuardRejection | undefined =>
  condition ? PASS : { code, message };

const isPreOrder: MachineGuard = (order) => yes(order.type === 'pre_order', 'not_pre_order', 'Not a pre-order.');

const approvalsComplete: MachineGuard = (order, event) => {
  const queue = (event as Ev<'approve'>).queue;
  const remaining = order.approvals.some((s) => s.status === 'pending' && s.queue !== queue);
  return yes(!remaining, 'approvals_pending', 'Other approvals are pending.');
};

const allocatesMakeToOrder: MachineGuard = (order, event) => {
  const lines = (event as Ev<'allocate'>).lines;
  // Most orders have no make-to-order line at all: one pass over the order decides those.
  const mto =
    order.lines.some((x) => x.sourcing === 'make_to_order') &&
    lines.some((l) => order.lines.find((x) => x.id === l.lineId)?.sourcing === 'make_to_order');
  return yes(mto, 'no_make_to_order', 'No make-to-order line allocated.');
};

/** After production_completed, every make-to-order unit still ordered is allocated or backordered. */
const productionComplete: MachineGuard = (order, event) => {
  const produced = (event as Ev<'production_completed'>).lines;
  for (const line of order.lines) {
    if (line.sourcing !== 'make_to_order') continue;
    const now = produced.find((p) => p.lineId === line.id)?.quantity ?? 0;
    const q = line.quantities;
    if (activeUnits(line) - q.allocated - now - q.backordered > 0)
      return { code: 'production_outstanding', message: 'Production outstanding.' };
  }
  return PASS;
};

const captureCompletes: MachineGuard = (order, event, ctx) => {
  const p = paymentOf(order, ctx);
  const amount = (event as Ev<'capture_payment'>).amount.amount;
  return yes(
    p !== undefined && p.captured.amount + amount >= p.authorized.amount,
    'partial_capture',
    'Partial capture.',
  );
};

const refundCompletes: MachineGuard = (order, event, ctx) => {
  const p = paymentOf(order, ctx);
  const amount = (event as Ev<'refund_payment'>).amount.amount;
  return yes(p !== undefined && p.refunded.amount + amount >= p.captured.amount, 'partial_refund', 'Partial refund.');
};

const receiptCompletes: MachineGuard = (order, event, ctx) => {
  const r = order.returns[findIndexById(order.returns, ctx.entityId)];
  const got = (event as Ev<'receive_return'>).lines;
  const complete =
    r?.lines.every((rl) => rl.received + (got.find((g) => g.lineId === rl.lineId)?.quantity ?? 0) >= rl.quantity) ===
    true;
  return yes(complete, 'partial_receipt', 'Partial receipt.');
};

const inspectionCompletes: MachineGuard = (order, event, ctx) => {
  const r = order.returns[findIndexById(order.returns, ctx.entityId)];
  const seen = (event as Ev<'inspect_return'>).lines;
  const complete =
    r?.lines.every((rl) => {
      const s = seen.find((x) => x.lineId === rl.lineId);
      const inspected =
        (rl.inspected?.resellable ?? 0) +
        (rl.inspected?.damaged ?? 0) +
        (s === undefined ? 0 : s.resellable + s.damaged);
      return inspected >= rl.received;
    }) === true;
  return yes(complete, 'partial_inspection', 'Partial inspection.');
};

const resolution =
  (kind: Ev<'resolve_return'>['resolution']): MachineGuard =>
  (_order, event) =>
    yes((event as Ev<'resolve_return'>).resolution === kind, 'other_resolution', `Not a ${kind} resolution.`);

/** The states an order can be held from (and released back to). */
export const HOLDABLE_STATES = [
  'placed',
  'pending_approval',
  'confirmed',
  'awaiting_release',
  'in_production',
  'in_fulfillment',
] as const;

function heldFrom(state: string): MachineGuard {
  return (order) => yes(order.hold?.fromState === state, 'held_from_elsewhere', `Not held from ${state}.`);
}

/** Policy guards of the default machines, by their public names. */
export const POLICY_GUARDS: Readonly<Record<string, GuardDefinition>> = {
  paid_or_credit_approved: stateGuard(
    paidOrCreditApproved,
    'Paid (captured, or authorised with paidWhen "authorized", minus refunds ≥ the amount due: grand total − refunded returns), or net terms with credit approved, or cash on delivery.',
  ),
  before_change_cutoff: stateGuard(beforeChangeCutoff, 'No shipment has reached the change cutoff (default: picking).'),
  release_date_reached: stateGuard(releaseDateReached, 'A pre-order’s release date is not after now.'),
  order_not_on_hold: stateGuard(orderNotOnHold, 'The order is not on hold.'),
  fulfillment_complete: stateGuard(
    fulfillmentComplete,
    'Every unit still ordered is shipped (service orders: the service job is completed).',
  ),
  quantities_within_open: payloadGuard(
    quantitiesWithinOpen,
    'Quantities stay within what is open (allocatable, allocated, shipped, requested, received).',
  ),
  capture_within_authorized: payloadGuard(captureWithinAuthorized, 'Captured stays ≤ authorised.'),
  refund_within_captured: payloadGuard(refundWithinCaptured, 'Refunded stays ≤ captured.'),
};

/** Routing conditions (`when`) of the default machines. */
export const ROUTING_GUARDS: Readonly<Record<string, GuardDefinition>> = {
  is_pre_order: stateGuard(isPreOrder, 'The order is a pre-order.'),
  approvals_complete: payloadGuard(approvalsComplete, 'This approval is the last pending one.'),
  allocates_make_to_order: payloadGuard(allocatesMakeToOrder, 'The allocation includes a make-to-order line.'),
  production_complete: payloadGuard(productionComplete, 'Every make-to-order unit is produced or backordered.'),
  capture_completes: payloadGuard(captureCompletes, 'The capture reaches the authorised amount.'),
  refund_completes: payloadGuard(refundCompletes, 'The refund reaches the captured amount.'),
  receipt_completes: payloadGuard(receiptCompletes, 'Every requested unit is received.'),
  inspection_completes: payloadGuard(inspectionCompletes, 'Every received unit is inspected.'),
  resolution_refund: payloadGuard(resolution('refund'), 'The resolution is a refund.'),
  resolution_exchange: payloadGuard(resolution('exchange'), 'The resolution is an exchange.'),
  resolution_store_credit: payloadGuard(resolution('store_credit'), 'The resolution is store credit.'),
  ...Object.fromEntries(
    HOLDABLE_STATES.map((state) => [
      `held_from_${state}`,
      stateGuard(heldFrom(state), `The order was held from ${state}.`),
    ]),
  ),
};

export type { MachineEvent };
