import type { ErrorDetails } from '../../core/errors.js';
import type { OrderDiffEntry, OrderEditOutcome } from '../edits/types.js';
import type { Actor, Instant, Order, OrderEffect, OrderEvent } from '../types.js';

/**
 * The entities a machine can drive: the order itself, one of its payments, shipments or returns,
 * or the service job of a service order.
 *
 * @example
 * ```ts
 * import { MACHINE_ENTITIES } from 'ordercore/orders';
 *
 * MACHINE_ENTITIES; //=> ['order', 'payment', 'shipment', 'return', 'service']
 * ```
 */
export const MACHINE_ENTITIES = ['order', 'payment', 'shipment', 'return', 'service'] as const;

/**
 * What a machine drives (see {@link MACHINE_ENTITIES}).
 *
 * @example
 * ```ts
 * import type { MachineEntity } from 'ordercore/orders';
 *
 * const entity: MachineEntity = 'shipment';
 * entity; //=> 'shipment'
 * ```
 */
export type MachineEntity = (typeof MACHINE_ENTITIES)[number];

/**
 * The pseudo-state a creating transition starts from: the entity does not exist yet (mermaid's own
 * notation for the start). `{ from: NEW_ENTITY, event: 'create_shipment', to: 'allocated' }` creates a
 * shipment; an event with no transition from `NEW_ENTITY` needs an existing entity.
 *
 * @example
 * ```ts
 * import { NEW_ENTITY } from 'ordercore/orders';
 *
 * NEW_ENTITY; //=> '[*]'
 * ```
 */
export const NEW_ENTITY = '[*]';

/**
 * An event of a host's own (added with `extendMachine`): any `type` plus its payload fields.
 *
 * @example
 * ```ts
 * import type { CustomOrderEvent } from 'ordercore/orders';
 *
 * const event: CustomOrderEvent = { type: 'fraud_review', score: 80 };
 * event.type; //=> 'fraud_review'
 * ```
 */
export interface CustomOrderEvent {
  /** The event type, e.g. `'fraud_review'`. */
  readonly type: string;
  /** The payload fields. */
  readonly [field: string]: unknown;
}

/**
 * Any event a machine handles: one of the default {@link OrderEvent}s or a host's own.
 *
 * @example
 * ```ts
 * import type { MachineEvent } from 'ordercore/orders';
 *
 * const event: MachineEvent = { type: 'hold', reason: 'address check' };
 * event.type; //=> 'hold'
 * ```
 */
export type MachineEvent = OrderEvent | CustomOrderEvent;

/**
 * When orders count as paid for the `paid_or_credit_approved` guard: `'captured'` (captured minus
 * refunded covers the amount due — the grand total less refunded returns, as `orderTotals` counts
 * it; the default) or `'authorized'` (live authorisations, captured or not, cover it).
 *
 * @example
 * ```ts
 * import type { PaidWhen } from 'ordercore/orders';
 *
 * const paidWhen: PaidWhen = 'authorized';
 * paidWhen; //=> 'authorized'
 * ```
 */
export type PaidWhen = 'captured' | 'authorized';

/**
 * The change cutoff of the `before_change_cutoff` guard: edits, line cancellations and cancellation
 * are refused once any shipment that is not cancelled has reached this shipment state (`'picking'` by
 * default; `'packed'` or `'shipped'` are later cutoffs), or `'none'` for no cutoff.
 *
 * @example
 * ```ts
 * import type { ChangeCutoff } from 'ordercore/orders';
 *
 * const cutoff: ChangeCutoff = 'packed';
 * cutoff; //=> 'packed'
 * ```
 */
export type ChangeCutoff = 'allocated' | 'picking' | 'packed' | 'shipped' | 'none';

/**
 * What guards, updates and effects see besides the order and the event.
 *
 * @example
 * ```ts
 * import type { TransitionContext } from 'ordercore/orders';
 *
 * const context: TransitionContext = {
 *   now: '2026-11-22T10:00:00Z',
 *   actor: { kind: 'user', id: 'u-1' },
 *   entityId: undefined,
 *   from: 'placed',
 *   to: 'confirmed',
 *   paidWhen: 'captured',
 *   changeCutoff: 'picking',
 * };
 * context.to; //=> 'confirmed'
 * ```
 */
export interface TransitionContext {
  /** The instant of the transition (`options.now`). */
  readonly now: Instant;
  /** Who caused it (`options.actor`). */
  readonly actor: Actor;
  /** The payment, shipment or return id the event addresses; `undefined` for order and service events. */
  readonly entityId: string | undefined;
  /** The state being left (`'[*]'` when the entity is created). */
  readonly from: string;
  /** The state being entered (guards see the first candidate's target). */
  readonly to: string;
  /** When an order counts as paid (`options.paidWhen`, default `'captured'`). */
  readonly paidWhen: PaidWhen;
  /** The change cutoff (`options.changeCutoff`, default `'picking'`). */
  readonly changeCutoff: ChangeCutoff;
}

/**
 * A guard's refusal: a snake_case code and a sentence.
 *
 * @example
 * ```ts
 * import type { GuardRejection } from 'ordercore/orders';
 *
 * const r: GuardRejection = { code: 'not_paid', message: 'The order is not paid.' };
 * r.code; //=> 'not_paid'
 * ```
 */
export interface GuardRejection {
  /** A snake_case reason, e.g. `'not_paid'`. */
  readonly code: string;
  /** A sentence for humans. */
  readonly message: string;
  /** Structured facts (amounts, states). */
  readonly details?: ErrorDetails;
}

/**
 * A guard: a pure function that lets a transition happen (`undefined`) or refuses it.
 *
 * @example
 * ```ts
 * import type { MachineGuard } from 'ordercore/orders';
 *
 * const vipOnly: MachineGuard = (order) =>
 *   order.customer.tier === 'vip' ? undefined : { code: 'not_vip', message: 'VIP customers only.' };
 * typeof vipOnly; //=> 'function'
 * ```
 */
export type MachineGuard = (
  order: Order,
  event: MachineEvent,
  context: TransitionContext,
) => GuardRejection | undefined;

/**
 * A named guard in a machine: a bare {@link MachineGuard} (assumed to read the event payload) or an
 * object that says whether it does. `availableEvents` can only evaluate guards that do not read the
 * payload (it has no event to give them).
 *
 * @example
 * ```ts
 * import type { GuardDefinition } from 'ordercore/orders';
 *
 * const guard: GuardDefinition = {
 *   check: (order) => (order.lines.length > 0 ? undefined : { code: 'empty', message: 'No lines.' }),
 *   readsPayload: false,
 *   description: 'The order has lines.',
 * };
 * guard.readsPayload; //=> false
 * ```
 */
export type GuardDefinition =
  | MachineGuard
  | {
      /** The guard itself. */
      readonly check: MachineGuard;
      /** Whether the guard reads the event's payload (then `availableEvents` cannot evaluate it). */
      readonly readsPayload: boolean;
      /** What it checks, for documentation and diagrams. */
      readonly description?: string;
    };

/**
 * What an update returns when it needs to add effects of its own, report what it changed (a diff
 * and the balance, as the edit events do), or refuse the event (an update that cannot apply the
 * event's payload, such as an edit refused by the edits module). A `diff` is recorded in the event's
 * history entry; `diff` and `balance` are handed back in the transition's result.
 *
 * @example
 * ```ts
 * import type { UpdateOutcome } from 'ordercore/orders';
 *
 * const refused: UpdateOutcome = { outcome: 'rejected', code: 'line_not_found', message: 'No line l-9.' };
 * refused.outcome; //=> 'rejected'
 * ```
 */
export type UpdateOutcome =
  | {
      /** The update applied. */
      readonly outcome: 'updated';
      /** The updated order. */
      readonly order: Order;
      /** Effects produced by the update itself (emitted before the transition's `effects`). */
      readonly effects: readonly OrderEffect[];
      /** What the update changed, field by field; recorded in the history entry and returned by `transition`. */
      readonly diff?: readonly OrderDiffEntry[];
      /** What is still to collect or to refund after the update; returned by `transition`. */
      readonly balance?: OrderEditOutcome['balance'];
    }
  | {
      /** The update refused the event. */
      readonly outcome: 'rejected';
      /** A snake_case reason. */
      readonly code: string;
      /** A sentence for humans. */
      readonly message: string;
      /** Structured facts. */
      readonly details?: ErrorDetails;
    };

/**
 * A transition's pure update: the order after the event, without touching the input (share what does
 * not change). The engine then sets the entity's state, the version and the history.
 *
 * @example
 * ```ts
 * import type { MachineUpdate } from 'ordercore/orders';
 *
 * const tag: MachineUpdate = (order) => ({ ...order, metadata: { ...order.metadata, reviewed: 'yes' } });
 * typeof tag; //=> 'function'
 * ```
 */
export type MachineUpdate = (order: Order, event: MachineEvent, context: TransitionContext) => Order | UpdateOutcome;

/**
 * A transition's effects: side effects, as data, from the order before and after.
 *
 * @example
 * ```ts
 * import type { MachineEffects } from 'ordercore/orders';
 *
 * const notify: MachineEffects = (_previous, next) => [
 *   { type: 'notify_customer', orderId: next.id, message: { kind: 'order_confirmed' } },
 * ];
 * typeof notify; //=> 'function'
 * ```
 */
export type MachineEffects = (
  previous: Order,
  next: Order,
  event: MachineEvent,
  context: TransitionContext,
) => readonly OrderEffect[];

/**
 * A problem with an event's payload, found by an event's `validate`.
 *
 * @example
 * ```ts
 * import type { EventIssue } from 'ordercore/orders';
 *
 * const issue: EventIssue = { field: 'lines[0].quantity', message: 'expected a positive safe integer' };
 * issue.field; //=> 'lines[0].quantity'
 * ```
 */
export interface EventIssue {
  /** The path of the field in the event, e.g. `'lines[0].quantity'`. */
  readonly field: string;
  /** What is wrong with it. */
  readonly message: string;
}

/**
 * One event a machine declares: its type, an optional payload validator (a failed check refuses the
 * event with `invalid_event` before any guard runs) and whether the machine only follows it.
 *
 * An event is owned by one machine of a set; the order and service machines may also `follow` an
 * event another machine owns (the order machine follows `create_shipment` to move to
 * `in_fulfillment`). A follower that declares the event must have a transition for it from its
 * current state, or the event is refused.
 *
 * @example
 * ```ts
 * import type { EventDefinition } from 'ordercore/orders';
 *
 * const event: EventDefinition = {
 *   type: 'fraud_review',
 *   validate: (e) => (typeof e['score'] === 'number' ? undefined : { field: 'score', message: 'expected a number' }),
 * };
 * event.type; //=> 'fraud_review'
 * ```
 */
export interface EventDefinition {
  /** The event type. */
  readonly type: string;
  /**
   * Checks the payload; `undefined` when valid. Runs before any guard. The event comes as received,
   * unchecked, so it is typed as a {@link CustomOrderEvent}: any field reads as `unknown`
   * (`typeof event['score'] === 'number'`), for a default event as much as for a host's own.
   */
  readonly validate?: (event: CustomOrderEvent, order: Order) => EventIssue | undefined;
  /** The machine reacts to an event another machine owns (order and service machines only). */
  readonly follow?: boolean;
  /** What the event means. */
  readonly description?: string;
}

/**
 * One state of a machine.
 *
 * @example
 * ```ts
 * import type { StateDefinition } from 'ordercore/orders';
 *
 * const closed: StateDefinition = { final: true, description: 'Nothing more happens.' };
 * closed.final; //=> true
 * ```
 */
export interface StateDefinition {
  /** A final state needs no outgoing transition. */
  readonly final?: boolean;
  /** What the state means. */
  readonly description?: string;
}

/**
 * One transition: on `event` from `from` (one state, several, or {@link NEW_ENTITY} to create the
 * entity) to `to`.
 *
 * Several transitions may share a state and an event: they are candidates, tried in order. A
 * candidate whose `when` conditions (named guards used for routing) do not all pass is skipped; the
 * first candidate whose `when` passes is taken, and its `guards` (policy) must then all pass or the
 * event is refused with `guard_rejected`. No candidate left: `transition_not_allowed`.
 *
 * @example
 * ```ts
 * import type { TransitionDefinition } from 'ordercore/orders';
 *
 * const t: TransitionDefinition = { from: 'awaiting_release', event: 'release_for_fulfillment', to: 'confirmed', guards: ['release_date_reached'] };
 * t.to; //=> 'confirmed'
 * ```
 */
export interface TransitionDefinition {
  /** The state(s) the transition leaves. */
  readonly from: string | readonly string[];
  /** The event type. */
  readonly event: string;
  /** The state entered. */
  readonly to: string;
  /** Routing conditions: names of guards that must all pass for this candidate to be chosen. */
  readonly when?: readonly string[];
  /** Policy guards: names of guards that must all pass once this candidate is chosen. */
  readonly guards?: readonly string[];
  /** The pure update (the engine sets the state, version and history). */
  readonly update?: MachineUpdate;
  /** The effects the transition emits. */
  readonly effects?: MachineEffects;
  /** What the transition means. */
  readonly description?: string;
}

/**
 * A machine, as data: what `defineMachine` takes.
 *
 * @example
 * ```ts
 * import type { MachineDefinition } from 'ordercore/orders';
 *
 * const definition: MachineDefinition = {
 *   id: 'tiny',
 *   entity: 'order',
 *   initial: 'placed',
 *   states: { placed: {}, closed: { final: true } },
 *   events: [{ type: 'place' }, { type: 'close' }],
 *   transitions: [
 *     { from: '[*]', event: 'place', to: 'placed' },
 *     { from: 'placed', event: 'close', to: 'closed' },
 *   ],
 * };
 * definition.initial; //=> 'placed'
 * ```
 */
export interface MachineDefinition {
  /** A name for the machine, e.g. `'order'`. */
  readonly id: string;
  /** What it drives. */
  readonly entity: MachineEntity;
  /** The state a new entity starts in. */
  readonly initial: string;
  /** The states, by name. */
  readonly states: Readonly<Record<string, StateDefinition>>;
  /** The events it declares (owned or followed). */
  readonly events: readonly EventDefinition[];
  /** The transitions, in priority order. */
  readonly transitions: readonly TransitionDefinition[];
  /** Named guards that transitions refer to in `when` and `guards`. */
  readonly guards?: Readonly<Record<string, GuardDefinition>>;
  /** Guards switched off: transitions skip them (a routing condition switched off always passes). */
  readonly disabledGuards?: readonly string[];
}

/**
 * A validated machine (what `defineMachine` and `extendMachine` return): the definition with every
 * optional part filled in. Treat it as immutable; build variants with `extendMachine`.
 *
 * @example
 * ```ts
 * import { defaultMachines, type Machine } from 'ordercore/orders';
 *
 * const payment: Machine = defaultMachines().payment;
 * payment.entity; //=> 'payment'
 * ```
 */
export interface Machine extends MachineDefinition {
  /** The guards, by name. */
  readonly guards: Readonly<Record<string, GuardDefinition>>;
  /** The guards switched off. */
  readonly disabledGuards: readonly string[];
}

/**
 * The five machines that run an order. `transition` and friends take any subset in
 * `options.machines`; missing ones are the defaults.
 *
 * @example
 * ```ts
 * import { defaultMachines, type OrderMachines } from 'ordercore/orders';
 *
 * const machines: OrderMachines = defaultMachines();
 * machines.shipment.initial; //=> 'allocated'
 * ```
 */
export interface OrderMachines {
  /** The order machine. */
  readonly order: Machine;
  /** The payment machine (one entity per payment). */
  readonly payment: Machine;
  /** The shipment machine (one entity per shipment). */
  readonly shipment: Machine;
  /** The return machine (one entity per return). */
  readonly return: Machine;
  /** The service machine (the service job of a service order). */
  readonly service: Machine;
}
