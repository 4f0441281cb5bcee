import type { Result } from '../../core/result.js';
import { applyOrderEdits } from '../edits/applyOrderEdits.js';
import { applySubstitution } from '../edits/applySubstitution.js';
import { cancelLineQuantities } from '../edits/cancelLineQuantities.js';
import type { OrderEditError } from '../edits/errors.js';
import type { OrderEditOutcome } from '../edits/types.js';
import {
  checkInstant,
  checkLineList,
  checkOptionalString,
  checkString,
  isNonEmptyString,
  isRecord,
  issue,
  lineIndex,
} from '../internal/checks.js';
import { withLineQuantities, withOrderField, withTimestamp } from '../internal/copy.js';
import { notify, windDownEffects } from '../internal/effects.js';
import { HOLDABLE_STATES, POLICY_GUARDS, ROUTING_GUARDS } from '../internal/guards.js';
import { activeUnits, patchLines } from '../internal/ledger.js';
import { defineMachine } from '../machine/defineMachine.js';
import type {
  EventDefinition,
  EventIssue,
  Machine,
  MachineEffects,
  MachineEvent,
  MachineUpdate,
  TransitionDefinition,
  UpdateOutcome,
} from '../machine/types.js';
import type { ApprovalStep, LineQuantities, Order, OrderEffect, OrderEvent, OrderLine } from '../types.js';

type Ev<T extends OrderEvent['type']> = Extract<OrderEvent, { type: T }>;
type QuantityPatch = (q: LineQuantities, line: OrderLine) => LineQuantities;

const e = (event: MachineEvent) => event as unknown as Record<string, unknown>;

function pendingQueue(order: Order, event: MachineEvent): EventIssue | undefined {
  const queue = e(event)['queue'];
  if (!isNonEmptyString(queue)) return issue('queue', 'expected a non-empty string');
  return order.approvals.some((s) => s.status === 'pending' && s.queue === queue)
    ? undefined
    : issue('queue', `no pending approval in queue ${JSON.stringify(queue)}`);
}

const EVENTS: readonly EventDefinition[] = [
  { type: 'place', description: 'The order is created (createOrder).' },
  {
    type: 'hold',
    validate: (ev) => checkString(e(ev), 'reason'),
    description: 'Put the order on hold, remembering the state.',
  },
  { type: 'release_hold', description: 'Back to the state the order was held from.' },
  {
    type: 'request_approval',
    validate: (ev) => {
      const steps = e(ev)['steps'];
      if (!Array.isArray(steps) || steps.length === 0)
        return issue('steps', 'expected a non-empty array of approval steps');
      for (let i = 0; i < steps.length; i++) {
        const step: unknown = steps[i];
        if (!isRecord(step)) return issue(`steps[${i}]`, 'expected an object');
        for (const field of ['queue', 'ruleId', 'reason']) {
          const problem = checkString(step, field);
          if (problem !== undefined) return issue(`steps[${i}].${problem.field}`, problem.message);
        }
      }
      return undefined;
    },
    description: 'Route the order to approval queues.',
  },
  {
    type: 'approve',
    validate: (ev, order) => pendingQueue(order, ev) ?? checkOptionalString(e(ev), 'comment'),
    description: 'Approve the pending step of a queue (the actor is recorded).',
  },
  {
    type: 'reject',
    validate: (ev, order) => pendingQueue(order, ev) ?? checkString(e(ev), 'reason'),
    description: 'Reject the pending step of a queue: the order is rejected.',
  },
  { type: 'confirm', validate: (ev) => checkInstant(e(ev), 'expectedShipAt', true), description: 'Accept the order.' },
  {
    type: 'allocate',
    validate: (ev, order) => {
      const backorders = e(ev)['backorders'];
      const hasBackorders = Array.isArray(backorders) && backorders.length > 0;
      return (
        checkLineList(order, e(ev)['lines'], 'lines', ['quantity'], {
          allowEmpty: hasBackorders,
          extra: (item, path) =>
            item['locationId'] === undefined || typeof item['locationId'] === 'string'
              ? undefined
              : issue(`${path()}.locationId`, 'expected a string'),
        }) ??
        (backorders === undefined
          ? undefined
          : checkLineList(order, backorders, 'backorders', ['quantity'], {
              allowEmpty: true,
              extra: (item, path) => {
                const problem = checkInstant(item, 'expectedAt', true);
                return problem === undefined ? undefined : issue(`${path()}.${problem.field}`, problem.message);
              },
            }))
      );
    },
    description:
      'Allocate units: stock lines reserve stock, make-to-order lines schedule production; backorder the rest.',
  },
  { type: 'release_for_fulfillment', description: 'A pre-order is released on its release date.' },
  {
    type: 'production_completed',
    validate: (ev, order) =>
      checkLineList(order, e(ev)['lines'], 'lines', ['quantity'], {
        extra: (item, path) =>
          order.lines.find((l) => l.id === item['lineId'])?.sourcing === 'make_to_order'
            ? undefined
            : issue(`${path()}.lineId`, 'not a make-to-order line'),
      }),
    description: 'Produced units of make-to-order lines become allocated.',
  },
  { type: 'cancel', validate: (ev) => checkString(e(ev), 'reason'), description: 'Cancel the whole order.' },
  {
    type: 'edit_order',
    validate: (ev) =>
      (Array.isArray(e(ev)['edits']) && (e(ev)['edits'] as unknown[]).length > 0
        ? undefined
        : issue('edits', 'expected a non-empty array of edits')) ?? checkOptionalString(e(ev), 'reason'),
    description: 'Edit lines, quantities, address or requested date (the edits module applies them).',
  },
  {
    type: 'cancel_lines',
    validate: (ev, order) =>
      checkLineList(order, e(ev)['lines'], 'lines', ['quantity']) ?? checkString(e(ev), 'reason'),
    description: 'Cancel some units of some lines (the last units; allocated ones are released).',
  },
  {
    type: 'accept_substitution',
    validate: (ev) =>
      checkString(e(ev), 'lineId') ??
      (isRecord(e(ev)['substitute']) && (e(ev)['substitute'] as Record<string, unknown>)['kind'] === 'add_line'
        ? undefined
        : issue('substitute', "expected an { kind: 'add_line', line } edit")),
    description: 'Replace a line by a substitute the customer accepted.',
  },
  { type: 'complete', description: 'Every unit still ordered has shipped (or the service is completed).' },
  { type: 'close', description: 'Close a completed order.' },
  { type: 'create_shipment', follow: true },
  { type: 'request_return', follow: true },
  { type: 'schedule_appointment', follow: true },
];

const hold: MachineUpdate = (order, event, ctx) => ({
  ...order,
  hold: { reason: (event as Ev<'hold'>).reason, fromState: ctx.from },
});

const releaseHold: MachineUpdate = (order) => {
  const { hold: _hold, ...rest } = order;
  return rest;
};

const requestApproval: MachineUpdate = (order, event) => ({
  ...order,
  approvals: [
    ...order.approvals,
    ...(event as Ev<'request_approval'>).steps.map(
      (s): ApprovalStep => ({ queue: s.queue, ruleId: s.ruleId, reason: s.reason, status: 'pending' }),
    ),
  ],
});

const approvalRequests: MachineEffects = (_previous, next, event) =>
  (event as Ev<'request_approval'>).steps.map((s) => ({
    type: 'request_approval',
    orderId: next.id,
    queue: s.queue,
    reason: s.reason,
  }));

function decide(
  order: Order,
  queue: string,
  status: 'approved' | 'rejected',
  actorId: string,
  at: string,
  comment: string | undefined,
): Order {
  return {
    ...order,
    approvals: order.approvals.map((s) =>
      s.status === 'pending' && s.queue === queue
        ? { ...s, status, decidedBy: actorId, decidedAt: at, ...(comment === undefined ? {} : { comment }) }
        : s,
    ),
  };
}

function confirmed(order: Order, at: string, expectedShipAt?: string): Order {
  const timestamps = withTimestamp(order.timestamps, 'confirmedAt', at);
  return withOrderField(
    order,
    'timestamps',
    expectedShipAt === undefined ? timestamps : withTimestamp(timestamps, 'expectedShipAt', expectedShipAt),
  );
}

const approve: MachineUpdate = (order, event, ctx) => {
  const ev = event as Ev<'approve'>;
  const decided = decide(order, ev.queue, 'approved', ctx.actor.id, ctx.now, ev.comment);
  return ctx.to === 'pending_approval' ? decided : confirmed(decided, ctx.now);
};

const confirmEffects: MachineEffects = (_previous, next, _event, ctx) =>
  ctx.to === 'pending_approval' ? [] : [notify(next, { kind: 'order_confirmed' })];

const confirm: MachineUpdate = (order, event, ctx) =>
  confirmed(order, ctx.now, (event as Ev<'confirm'>).expectedShipAt);

function shrinkBackorder(
  q: LineQuantities,
  line: OrderLine,
  allocated: number,
  extraBackorder: number,
): LineQuantities {
  const free = activeUnits(line) - allocated;
  const backordered = Math.max(0, Math.min(q.backordered, free)) + extraBackorder;
  return {
    allocated,
    picked: q.picked,
    shipped: q.shipped,
    delivered: q.delivered,
    cancelled: q.cancelled,
    returned: q.returned,
    backordered,
  };
}

const allocate: MachineUpdate = (order, event) => {
  const ev = event as Ev<'allocate'>;
  // Units and backorders per order line, by position (each line is listed at most once: the payload
  // check refuses repeats). Orders have few lines: a scan beats hashing.
  const count = order.lines.length;
  const units: number[] = new Array(count).fill(0);
  const backordered: number[] = new Array(count).fill(0);
  const touched: boolean[] = new Array(count).fill(false);
  for (let k = 0; k < ev.lines.length; k++) {
    const l = ev.lines[k] as (typeof ev.lines)[number];
    const i = lineIndex(order, l.lineId, k);
    units[i] = l.quantity;
    touched[i] = true;
  }
  for (const b of ev.backorders ?? []) {
    const i = lineIndex(order, b.lineId);
    backordered[i] = b.quantity;
    touched[i] = true;
  }
  const lines = order.lines.map((line, i) => {
    if (!touched[i]) return line;
    const q = line.quantities;
    // Make-to-order units are scheduled, not allocated: they become allocated when produced.
    const allocated = line.sourcing === 'make_to_order' ? q.allocated : q.allocated + (units[i] as number);
    return withLineQuantities(line, shrinkBackorder(q, line, allocated, backordered[i] as number));
  });
  return withOrderField(order, 'lines', lines);
};

const allocateEffects: MachineEffects = (previous, next, event) => {
  const ev = event as Ev<'allocate'>;
  const reserve: { lineId: string; sku: string; quantity: number; locationId?: string }[] = [];
  const produce: { lineId: string; sku: string; quantity: number }[] = [];
  for (let k = 0; k < ev.lines.length; k++) {
    const l = ev.lines[k] as (typeof ev.lines)[number];
    const line = previous.lines[lineIndex(previous, l.lineId, k)] as OrderLine;
    if (line.sourcing === 'make_to_order') produce.push({ lineId: line.id, sku: line.sku, quantity: l.quantity });
    else {
      const locationId = l.locationId ?? line.locationId;
      reserve.push(
        locationId === undefined
          ? { lineId: line.id, sku: line.sku, quantity: l.quantity }
          : { lineId: line.id, sku: line.sku, quantity: l.quantity, locationId },
      );
    }
  }
  const effects: OrderEffect[] = [];
  if (reserve.length > 0) effects.push({ type: 'reserve_stock', orderId: next.id, lines: reserve });
  if (produce.length > 0) effects.push({ type: 'schedule_production', orderId: next.id, lines: produce });
  if (ev.backorders !== undefined && ev.backorders.length > 0) {
    effects.push(notify(next, { kind: 'backordered', lines: ev.backorders }));
  }
  return effects;
};

const productionCompleted: MachineUpdate = (order, event) => {
  const patches = new Map<string, QuantityPatch>();
  for (const l of (event as Ev<'production_completed'>).lines) {
    patches.set(l.lineId, (q, line) => shrinkBackorder(q, line, q.allocated + l.quantity, 0));
  }
  return withOrderField(order, 'lines', patchLines(order, patches));
};

/** Ends the order's open work: unshipped units cancelled, open shipments cancelled, hold cleared. */
function windDown(order: Order): Order {
  const { hold: _hold, ...rest } = order;
  return {
    ...rest,
    lines: order.lines.map((line) => {
      const q = line.quantities;
      return {
        ...line,
        quantities: {
          ...q,
          allocated: q.shipped,
          picked: Math.min(q.picked, q.shipped),
          backordered: 0,
          cancelled: line.quantity - q.shipped,
        },
      };
    }),
    shipments: order.shipments.map((s) =>
      s.state === 'allocated' || s.state === 'picking' || s.state === 'packed' ? { ...s, state: 'cancelled' } : s,
    ),
  };
}

const cancel: MachineUpdate = (order, _event, ctx) => {
  const ended = windDown(order);
  return withOrderField(ended, 'timestamps', withTimestamp(ended.timestamps, 'cancelledAt', ctx.now));
};

const cancelEffects: MachineEffects = (previous, next, event, ctx) =>
  windDownEffects(previous, next, ctx.to, (event as Ev<'cancel'>).reason);

const reject: MachineUpdate = (order, event, ctx) => {
  const ev = event as Ev<'reject'>;
  return windDown(decide(order, ev.queue, 'rejected', ctx.actor.id, ctx.now, ev.reason));
};

const rejectEffects: MachineEffects = (previous, next, event, ctx) =>
  windDownEffects(previous, next, ctx.to, (event as Ev<'reject'>).reason);

const complete: MachineUpdate = (order, _event, ctx) =>
  withOrderField(order, 'timestamps', withTimestamp(order.timestamps, 'completedAt', ctx.now));

/**
 * Runs an edits-module function: its refusal refuses the event (code and details kept in `cause`);
 * its diff and balance go on to the history entry and the transition's result.
 */
function viaEdits(result: Result<OrderEditOutcome, OrderEditError>): UpdateOutcome {
  if (!result.ok) {
    return {
      outcome: 'rejected',
      code: result.error.code,
      message: result.error.message,
      details: result.error.details,
    };
  }
  const { order, effects, diff, balance } = result.value;
  return { outcome: 'updated', order, effects, diff, balance };
}

const editOrder: MachineUpdate = (order, event, ctx) =>
  viaEdits(applyOrderEdits(order, (event as Ev<'edit_order'>).edits, { now: ctx.now }));

const cancelLines: MachineUpdate = (order, event, ctx) => {
  const ev = event as Ev<'cancel_lines'>;
  return viaEdits(cancelLineQuantities(order, ev.lines, { now: ctx.now, reason: ev.reason }));
};

const acceptSubstitution: MachineUpdate = (order, event, ctx) => {
  const ev = event as Ev<'accept_substitution'>;
  return viaEdits(applySubstitution(order, ev.lineId, ev.substitute, { now: ctx.now }));
};

const EDITABLE = [
  'placed',
  'pending_approval',
  'confirmed',
  'awaiting_release',
  'in_production',
  'in_fulfillment',
] as const;

const CANCELLABLE = [
  'placed',
  'on_hold',
  'pending_approval',
  'confirmed',
  'awaiting_release',
  'in_production',
  'in_fulfillment',
];

const TRANSITIONS: readonly TransitionDefinition[] = [
  { from: '[*]', event: 'place', to: 'placed', description: 'The order is created.' },
  {
    from: 'placed',
    event: 'confirm',
    to: 'awaiting_release',
    when: ['is_pre_order'],
    update: confirm,
    effects: confirmEffects,
  },
  { from: 'placed', event: 'confirm', to: 'confirmed', update: confirm, effects: confirmEffects },
  {
    from: 'placed',
    event: 'request_approval',
    to: 'pending_approval',
    update: requestApproval,
    effects: approvalRequests,
  },
  {
    from: 'pending_approval',
    event: 'approve',
    to: 'awaiting_release',
    when: ['approvals_complete', 'is_pre_order'],
    update: approve,
    effects: confirmEffects,
  },
  {
    from: 'pending_approval',
    event: 'approve',
    to: 'confirmed',
    when: ['approvals_complete'],
    update: approve,
    effects: confirmEffects,
  },
  { from: 'pending_approval', event: 'approve', to: 'pending_approval', update: approve },
  { from: 'pending_approval', event: 'reject', to: 'rejected', update: reject, effects: rejectEffects },
  { from: [...HOLDABLE_STATES], event: 'hold', to: 'on_hold', update: hold },
  ...HOLDABLE_STATES.map(
    (state): TransitionDefinition => ({
      from: 'on_hold',
      event: 'release_hold',
      to: state,
      when: [`held_from_${state}`],
      update: releaseHold,
    }),
  ),
  { from: 'awaiting_release', event: 'release_for_fulfillment', to: 'confirmed', guards: ['release_date_reached'] },
  {
    from: 'confirmed',
    event: 'allocate',
    to: 'in_production',
    when: ['allocates_make_to_order'],
    guards: ['quantities_within_open'],
    update: allocate,
    effects: allocateEffects,
  },
  ...(['confirmed', 'in_production', 'in_fulfillment'] as const).map(
    (state): TransitionDefinition => ({
      from: state,
      event: 'allocate',
      to: state,
      guards: ['quantities_within_open'],
      update: allocate,
      effects: allocateEffects,
    }),
  ),
  {
    from: 'in_production',
    event: 'production_completed',
    to: 'confirmed',
    when: ['production_complete'],
    guards: ['quantities_within_open'],
    update: productionCompleted,
  },
  ...(['in_production', 'in_fulfillment'] as const).map(
    (state): TransitionDefinition => ({
      from: state,
      event: 'production_completed',
      to: state,
      guards: ['quantities_within_open'],
      update: productionCompleted,
    }),
  ),
  {
    from: ['confirmed', 'in_production', 'in_fulfillment'],
    event: 'create_shipment',
    to: 'in_fulfillment',
    guards: ['paid_or_credit_approved', 'order_not_on_hold'],
  },
  { from: ['confirmed', 'in_fulfillment'], event: 'schedule_appointment', to: 'in_fulfillment' },
  { from: 'in_fulfillment', event: 'request_return', to: 'in_fulfillment' },
  { from: 'completed', event: 'request_return', to: 'completed' },
  { from: 'in_fulfillment', event: 'complete', to: 'completed', guards: ['fulfillment_complete'], update: complete },
  { from: 'completed', event: 'close', to: 'closed' },
  ...EDITABLE.map(
    (state): TransitionDefinition => ({
      from: state,
      event: 'edit_order',
      to: state,
      guards: ['before_change_cutoff'],
      update: editOrder,
    }),
  ),
  ...EDITABLE.map(
    (state): TransitionDefinition => ({
      from: state,
      event: 'cancel_lines',
      to: state,
      guards: ['before_change_cutoff'],
      update: cancelLines,
    }),
  ),
  ...(['confirmed', 'awaiting_release', 'in_production', 'in_fulfillment'] as const).map(
    (state): TransitionDefinition => ({
      from: state,
      event: 'accept_substitution',
      to: state,
      guards: ['before_change_cutoff'],
      update: acceptSubstitution,
    }),
  ),
  {
    from: CANCELLABLE,
    event: 'cancel',
    to: 'cancelled',
    guards: ['before_change_cutoff'],
    update: cancel,
    effects: cancelEffects,
  },
];

/**
 * Builds the default order machine.
 *
 * States: `placed` → `confirmed` (or `awaiting_release` for pre-orders, until
 * `release_for_fulfillment` on the release date), or `placed` → `pending_approval` (`request_approval`
 * with steps; `approve` per queue records the actor; the last approval confirms, any `reject` ends in
 * `rejected`). `hold` from any open state goes to `on_hold` and `release_hold` returns to the state
 * held from. `allocate` from `confirmed` reserves stock lines and schedules make-to-order lines
 * (then `in_production` until every make-to-order unit is produced: `production_completed`).
 * `create_shipment` (owned by the shipment machine, followed here) moves to `in_fulfillment`;
 * `complete` once every unit still ordered has shipped (service orders: the service job is
 * completed); `close`. `cancel` from any open state (until the change cutoff) releases stock, voids
 * authorisations, refunds the captured money no longer owed (net captured − the amount due after:
 * the shipped units, plus shipping only if some unit shipped — an order cancelled before anything
 * shipped owes no shipping) and releases coupon usage.
 * Returns can be requested on `in_fulfillment` and `completed` orders.
 *
 * `edit_order`, `cancel_lines` and `accept_substitution` keep the state and apply the edits module's
 * `applyOrderEdits`, `cancelLineQuantities` and `applySubstitution` (their effects are passed on; their
 * refusal is `edit_rejected` with the edits error's code and details in `details.cause`).
 *
 * Default guards: `before_change_cutoff` on edits, line cancellations and substitutions, `paid_or_credit_approved` and `order_not_on_hold` on `create_shipment`,
 * `before_change_cutoff` on `cancel`, `release_date_reached` on `release_for_fulfillment`,
 * `quantities_within_open` on `allocate` and `production_completed`, `fulfillment_complete` on `complete`.
 *
 * @returns A new validated machine (`defaultMachines()` gives the shared set).
 * @example
 * ```ts
 * import { orderMachine } from 'ordercore/orders';
 *
 * const machine = orderMachine();
 * machine.initial; //=> 'placed'
 * machine.states['closed']; //=> { final: true, description: 'Done; nothing more happens.' }
 * ```
 */
export function orderMachine(): Machine {
  return defineMachine({
    id: 'order',
    entity: 'order',
    initial: 'placed',
    states: {
      placed: { description: 'Captured, not yet accepted.' },
      on_hold: { description: 'Held; release returns to the state held from.' },
      pending_approval: { description: 'Waiting for approval steps.' },
      rejected: { final: true, description: 'An approval was rejected.' },
      confirmed: { description: 'Accepted; allocation and shipping can start.' },
      awaiting_release: { description: 'A pre-order waiting for its release date.' },
      in_production: { description: 'Make-to-order units are being produced.' },
      in_fulfillment: { description: 'Shipments are under way.' },
      completed: { description: 'Every unit still ordered has shipped.' },
      cancelled: { final: true, description: 'Cancelled.' },
      closed: { final: true, description: 'Done; nothing more happens.' },
    },
    events: EVENTS,
    transitions: TRANSITIONS,
    guards: { ...POLICY_GUARDS, ...ROUTING_GUARDS },
  });
}
