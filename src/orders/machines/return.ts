import { checkLineList, checkString, issue } from '../internal/checks.js';
import { notify } from '../internal/effects.js';
import { POLICY_GUARDS, ROUTING_GUARDS } from '../internal/guards.js';
import {
  amountDueMinor,
  findIndexById,
  firstUnitsAmount,
  patchLines,
  paymentSums,
  replaceAt,
} from '../internal/ledger.js';
import { refundEffects } from '../internal/refunds.js';
import { defineMachine } from '../machine/defineMachine.js';
import type { EventDefinition, Machine, MachineEffects, MachineEvent, MachineUpdate } from '../machine/types.js';
import type { LineQuantities, Order, OrderEffect, OrderEvent, OrderLine, ReturnLine, ReturnRequest } from '../types.js';

type Ev<T extends OrderEvent['type']> = Extract<OrderEvent, { type: T }>;

const e = (event: MachineEvent) => event as unknown as Record<string, unknown>;
const id = (event: MachineEvent) => checkString(e(event), 'returnId');

/** Lines of the event must be lines of the return. */
function onReturn(order: Order, event: MachineEvent) {
  return (item: Record<string, unknown>, path: () => string) => {
    const r = order.returns[findIndexById(order.returns, e(event)['returnId'] as string)];
    if (r === undefined || r.lines.some((l) => l.lineId === item['lineId'])) return undefined;
    return issue(`${path()}.lineId`, `line ${JSON.stringify(item['lineId'])} is not on return ${r.id}`);
  };
}

const EVENTS: readonly EventDefinition[] = [
  {
    type: 'request_return',
    validate: (ev, order) =>
      id(ev) ??
      checkLineList(order, e(ev)['lines'], 'lines', ['quantity'], {
        extra: (item, path) => {
          const problem = checkString(item, 'reason');
          return problem === undefined ? undefined : issue(`${path()}.reason`, problem.message);
        },
      }),
    description: 'The customer asks to return shipped units, with a reason per line.',
  },
  { type: 'authorize_return', validate: id, description: 'The RMA is granted.' },
  {
    type: 'reject_return',
    validate: (ev) => id(ev) ?? checkString(e(ev), 'reason'),
    description: 'The RMA is refused.',
  },
  {
    type: 'receive_return',
    validate: (ev, order) =>
      id(ev) ?? checkLineList(order, e(ev)['lines'], 'lines', ['quantity'], { extra: onReturn(order, ev) }),
    description: 'Returned units arrive (possibly in several parcels).',
  },
  {
    type: 'inspect_return',
    validate: (ev, order) =>
      id(ev) ??
      checkLineList(order, e(ev)['lines'], 'lines', ['resellable', 'damaged'], {
        zeroAllowed: true,
        extra: onReturn(order, ev),
      }),
    description: 'Received units are inspected: resellable or damaged.',
  },
  {
    type: 'resolve_return',
    validate: (ev) =>
      id(ev) ??
      (['refund', 'exchange', 'store_credit'].includes(e(ev)['resolution'] as string)
        ? undefined
        : issue('resolution', "expected 'refund', 'exchange' or 'store_credit'")),
    description: 'The return is settled by refund, exchange or store credit.',
  },
];

function returnOf(order: Order, returnId: string | undefined): ReturnRequest {
  return order.returns[findIndexById(order.returns, returnId)] as ReturnRequest;
}

function withReturn(order: Order, returnId: string | undefined, change: (r: ReturnRequest) => ReturnRequest): Order {
  const index = findIndexById(order.returns, returnId);
  return { ...order, returns: replaceAt(order.returns, index, change(order.returns[index] as ReturnRequest)) };
}

const request: MachineUpdate = (order, event, ctx) => {
  const ev = event as Ev<'request_return'>;
  const r: ReturnRequest = {
    id: ev.returnId,
    state: ctx.to,
    lines: ev.lines.map((l): ReturnLine => ({ lineId: l.lineId, quantity: l.quantity, reason: l.reason, received: 0 })),
  };
  return { ...order, returns: [...order.returns, r] };
};

const receive: MachineUpdate = (order, event, ctx) => {
  const got = (event as Ev<'receive_return'>).lines;
  const moved = withReturn(order, ctx.entityId, (r) => ({
    ...r,
    lines: r.lines.map((l) => {
      const q = got.find((g) => g.lineId === l.lineId)?.quantity ?? 0;
      return q === 0 ? l : { ...l, received: l.received + q };
    }),
  }));
  const patches = new Map<string, (q: LineQuantities, line: OrderLine) => LineQuantities>();
  for (const g of got) patches.set(g.lineId, (q) => ({ ...q, returned: q.returned + g.quantity }));
  return { ...moved, lines: patchLines(moved, patches) };
};

const inspect: MachineUpdate = (order, event, ctx) => {
  const seen = (event as Ev<'inspect_return'>).lines;
  return withReturn(order, ctx.entityId, (r) => ({
    ...r,
    lines: r.lines.map((l) => {
      const s = seen.find((x) => x.lineId === l.lineId);
      if (s === undefined) return l;
      return {
        ...l,
        inspected: {
          resellable: (l.inspected?.resellable ?? 0) + s.resellable,
          damaged: (l.inspected?.damaged ?? 0) + s.damaged,
        },
      };
    }),
  }));
};

const restock: MachineEffects = (previous, next, event) => {
  const lines = (event as Ev<'inspect_return'>).lines
    .filter((l) => l.resellable > 0)
    .map((l) => ({
      lineId: l.lineId,
      sku: (previous.lines.find((x) => x.id === l.lineId) as OrderLine).sku,
      quantity: l.resellable,
    }));
  return lines.length === 0 ? [] : [{ type: 'restock', orderId: next.id, lines }];
};

/** The stored value of the received units: each line's total for those units, never re-spread. */
const resolve: MachineUpdate = (order, _event, ctx) =>
  withReturn(order, ctx.entityId, (r) => {
    let amount = 0;
    for (const l of r.lines) {
      const line = order.lines.find((x) => x.id === l.lineId);
      if (line !== undefined) amount += firstUnitsAmount(line, l.received, 'total').amount;
    }
    return { ...r, resolutionAmount: { amount, currency: order.currency } };
  });

/**
 * The refund a return settled by refund owes: the returned goods' value leaves the amount due, and
 * the part of it that was paid goes back — min(resolution amount, net captured − amount due after),
 * the same rule as the edits module's — split across the payments (internal/refunds.ts). Goods
 * returned on an order not paid for (net terms) only lower what is owed: no refund is asked for.
 */
const refund: MachineEffects = (_previous, next, _event, ctx) => {
  const amount = returnOf(next, ctx.entityId).resolutionAmount;
  if (amount === undefined || amount.amount === 0) return [];
  const sums = paymentSums(next);
  const overpaid = sums.captured - sums.refunded - amountDueMinor(next);
  const owed = Math.min(amount.amount, overpaid);
  if (owed <= 0) return [];
  const effects: OrderEffect[] = refundEffects(next, owed, overpaid - owed, `return ${ctx.entityId as string}`).effects;
  return effects;
};

/**
 * Builds the default return (RMA) machine (one entity per return, addressed by `returnId`).
 *
 * `request_return` (shipped units not already in a return, a reason per line) → `requested`;
 * `authorize_return` → `authorized` (the customer is told) or `reject_return` → `rejected`;
 * `receive_return` → `partially_received` until every requested unit is in, then `received` (the
 * order lines' `returned` counts grow); `inspect_return` records resellable and damaged units per
 * line (resellable ones are restocked) and moves to `inspected` once every received unit is
 * inspected; `resolve_return` → `refunded`, `exchanged` or `store_credited`, with `resolutionAmount`
 * set to the stored value of the received units. A refund takes that value off the amount due and
 * pays back the part of it that was paid (min(resolution amount, net captured − amount due after)),
 * one `refund_payment` effect per payment, most recent payment first. The `cancelled`
 * state of `RETURN_STATES` is not used by the default machine (no default event leads to it).
 *
 * @returns A new validated machine.
 * @example
 * ```ts
 * import { returnMachine } from 'ordercore/orders';
 *
 * returnMachine().states['partially_received']; //=> { description: 'Some units are in.' }
 * ```
 */
export function returnMachine(): Machine {
  return defineMachine({
    id: 'return',
    entity: 'return',
    initial: 'requested',
    states: {
      requested: { description: 'Asked for.' },
      authorized: { description: 'Granted; waiting for the goods.' },
      partially_received: { description: 'Some units are in.' },
      received: { description: 'Every requested unit is in.' },
      inspected: { description: 'Every received unit is inspected.' },
      refunded: { final: true, description: 'Settled by refund.' },
      exchanged: { final: true, description: 'Settled by exchange.' },
      store_credited: { final: true, description: 'Settled by store credit.' },
      rejected: { final: true, description: 'Refused.' },
    },
    events: EVENTS,
    transitions: [
      { from: '[*]', event: 'request_return', to: 'requested', guards: ['quantities_within_open'], update: request },
      {
        from: 'requested',
        event: 'authorize_return',
        to: 'authorized',
        effects: (_p, next, _e, ctx) => [notify(next, { kind: 'return_authorized', returnId: ctx.entityId as string })],
      },
      { from: 'requested', event: 'reject_return', to: 'rejected' },
      {
        from: ['authorized', 'partially_received'],
        event: 'receive_return',
        to: 'received',
        when: ['receipt_completes'],
        guards: ['quantities_within_open'],
        update: receive,
      },
      {
        from: ['authorized', 'partially_received'],
        event: 'receive_return',
        to: 'partially_received',
        guards: ['quantities_within_open'],
        update: receive,
      },
      {
        from: 'received',
        event: 'inspect_return',
        to: 'inspected',
        when: ['inspection_completes'],
        guards: ['quantities_within_open'],
        update: inspect,
        effects: restock,
      },
      {
        from: 'received',
        event: 'inspect_return',
        to: 'received',
        guards: ['quantities_within_open'],
        update: inspect,
        effects: restock,
      },
      {
        from: 'inspected',
        event: 'resolve_return',
        to: 'refunded',
        when: ['resolution_refund'],
        update: resolve,
        effects: refund,
      },
      { from: 'inspected', event: 'resolve_return', to: 'exchanged', when: ['resolution_exchange'], update: resolve },
      {
        from: 'inspected',
        event: 'resolve_return',
        to: 'store_credited',
        when: ['resolution_store_credit'],
        update: resolve,
      },
    ],
    guards: { ...POLICY_GUARDS, ...ROUTING_GUARDS },
  });
}
