// The transition engine shared by transition(), createOrder(), replay() and availableEvents():
// routes an event to its machine and entity, picks the candidate transition from the precompiled
// table, runs guards, updates and effects, and appends the history entry. Nothing here mutates its
// input; what does not change is shared.

import { type Err, err, ok, type Result } from '../../core/result.js';
import type { OrderDiffEntry, OrderEditOutcome } from '../edits/types.js';
import { OrderTransitionError, type OrderTransitionErrorCode } from '../errors.js';
import {
  type ChangeCutoff,
  MACHINE_ENTITIES,
  type Machine,
  type MachineEntity,
  type MachineEvent,
  NEW_ENTITY,
  type OrderMachines,
  type PaidWhen,
  type TransitionContext,
} from '../machine/types.js';
import { defaultMachines } from '../machines/defaults.js';
import type { Actor, HistoryEntry, Order, OrderEffect, Payment, Shipment } from '../types.js';
import { describe, isInstant, isNonEmptyString, isRecord } from './checks.js';
import { type CompiledMachine, type CompiledTransition, compiled, isRegistered } from './compiled.js';
import { copyOrder, withField, withOrderField, withPaymentField, withShipmentField } from './copy.js';

export interface Route {
  readonly owner: CompiledMachine;
  readonly followers: readonly CompiledMachine[];
}

export interface MachineSet {
  readonly machines: OrderMachines;
  readonly byEntity: Readonly<Record<MachineEntity, CompiledMachine>>;
  readonly routes: ReadonlyMap<string, Route>;
}

export const ID_KEYS: Readonly<Record<MachineEntity, string | undefined>> = {
  order: undefined,
  payment: 'paymentId',
  shipment: 'shipmentId',
  return: 'returnId',
  service: undefined,
};

/** A refusal, as `fail` makes it: internal steps return it or their value, without a Result wrapper. */
type Refusal = Err<OrderTransitionError>;

/** Whether an internal step's answer is a refusal (values never have `ok: false`). */
function refused(value: unknown): value is Refusal {
  return (value as { ok?: unknown }).ok === false;
}

function fail(code: OrderTransitionErrorCode, message: string, details: Record<string, unknown> = {}) {
  return err(new OrderTransitionError(code, message, details));
}

function buildSet(machines: OrderMachines): Result<MachineSet, OrderTransitionError> {
  const byEntity = {} as Record<MachineEntity, CompiledMachine>;
  for (const entity of MACHINE_ENTITIES) {
    const machine: unknown = machines[entity];
    if (!isRecord(machine) || !isRegistered(machine as unknown as Machine)) {
      return fail(
        'invalid_options',
        `machines.${entity}: expected a machine built by defineMachine or extendMachine.`,
        {
          field: `machines.${entity}`,
        },
      );
    }
    if ((machine as unknown as Machine).entity !== entity) {
      return fail(
        'invalid_options',
        `machines.${entity}: the machine drives ${String(machine['entity'])}, not ${entity}.`,
        {
          field: `machines.${entity}`,
        },
      );
    }
    byEntity[entity] = compiled(machine as unknown as Machine);
  }
  const owners = new Map<string, CompiledMachine>();
  const followers = new Map<string, CompiledMachine[]>();
  for (const entity of MACHINE_ENTITIES) {
    const c = byEntity[entity];
    for (const type of c.owned.keys()) {
      const other = owners.get(type);
      if (other !== undefined) {
        return fail(
          'invalid_options',
          `machines: event "${type}" is owned by both the ${other.entity} and the ${entity} machine.`,
          {
            field: 'machines',
            event: type,
          },
        );
      }
      owners.set(type, c);
    }
    for (const type of c.followed.keys()) {
      if (entity !== 'order' && entity !== 'service') {
        return fail(
          'invalid_options',
          `machines.${entity}: only the order and service machines can follow events ("${type}").`,
          {
            field: `machines.${entity}`,
            event: type,
          },
        );
      }
      const list = followers.get(type) ?? [];
      list.push(c);
      followers.set(type, list);
    }
  }
  const routes = new Map<string, Route>();
  for (const [type, owner] of owners) routes.set(type, { owner, followers: followers.get(type) ?? [] });
  return ok({ machines, byEntity, routes });
}

let defaultSet: MachineSet | undefined;
const setCache = new WeakMap<object, Result<MachineSet, OrderTransitionError>>();

/** The machine set for `options.machines` (defaults for whatever is missing), cached per object. */
export function machineSet(machines: unknown): Result<MachineSet, OrderTransitionError> {
  if (machines === undefined) {
    if (defaultSet === undefined) {
      const built = buildSet(defaultMachines());
      if (!built.ok) return built;
      defaultSet = built.value;
    }
    return ok(defaultSet);
  }
  if (!isRecord(machines))
    return fail('invalid_options', 'machines: expected an object of machines.', { field: 'machines' });
  const hit = setCache.get(machines);
  if (hit !== undefined) return hit;
  const built = buildSet({ ...defaultMachines(), ...(machines as Partial<OrderMachines>) });
  setCache.set(machines, built);
  return built;
}

export interface Settings {
  readonly set: MachineSet;
  readonly now: string;
  readonly actor: Actor;
  readonly paidWhen: PaidWhen;
  readonly changeCutoff: ChangeCutoff;
  readonly reason: string | undefined;
  /** Replay re-applies accepted events: policy guards are not evaluated again. */
  readonly skipGuards: boolean;
  /** Policy guards switched off for this call (`options.disableGuards`), or undefined. */
  readonly disabledGuards: ReadonlySet<string> | undefined;
}

const ACTOR_KINDS = new Set(['user', 'system', 'customer']);
const CUTOFFS = new Set(['allocated', 'picking', 'packed', 'shipped', 'none']);

/** Checks `{ now, actor, machines?, paidWhen?, changeCutoff?, reason? }`. */
export function readSettings(options: unknown, skipGuards = false): Result<Settings, OrderTransitionError> {
  if (!isRecord(options)) return fail('invalid_options', 'options: expected { now, actor }.', { field: 'options' });
  const now = options['now'];
  if (!isInstant(now)) {
    return fail('invalid_options', `options.now: expected an ISO 8601 instant with an offset, got ${describe(now)}.`, {
      field: 'now',
    });
  }
  const actor = options['actor'];
  if (!isRecord(actor) || !ACTOR_KINDS.has(actor['kind'] as string) || !isNonEmptyString(actor['id'])) {
    return fail('invalid_options', "options.actor: expected { kind: 'user' | 'system' | 'customer', id }.", {
      field: 'actor',
    });
  }
  const paidWhen = options['paidWhen'] ?? 'captured';
  if (paidWhen !== 'captured' && paidWhen !== 'authorized') {
    return fail('invalid_options', "options.paidWhen: expected 'captured' or 'authorized'.", { field: 'paidWhen' });
  }
  const changeCutoff = options['changeCutoff'] ?? 'picking';
  if (!CUTOFFS.has(changeCutoff as string)) {
    return fail(
      'invalid_options',
      "options.changeCutoff: expected 'allocated', 'picking', 'packed', 'shipped' or 'none'.",
      {
        field: 'changeCutoff',
      },
    );
  }
  const reason = options['reason'];
  if (reason !== undefined && typeof reason !== 'string') {
    return fail('invalid_options', 'options.reason: expected a string.', { field: 'reason' });
  }
  const set = machineSet(options['machines']);
  if (!set.ok) return set;
  const disabled = readDisabledGuards(options['disableGuards'], set.value);
  if (!disabled.ok) return disabled;
  const disabledGuards = disabled.value;
  return ok({
    set: set.value,
    now: now as string,
    actor: actor as unknown as Actor,
    paidWhen,
    changeCutoff: changeCutoff as ChangeCutoff,
    reason,
    skipGuards,
    disabledGuards,
  });
}

const NONE_DISABLED: Result<undefined, never> = ok(undefined);

/** The policy guard names of a machine set's transitions, gathered once per set. */
const guardNamesOf = new WeakMap<MachineSet, ReadonlySet<string>>();

function policyGuardNames(set: MachineSet): ReadonlySet<string> {
  let known = guardNamesOf.get(set);
  if (known === undefined) {
    const names = new Set<string>();
    for (const entity of MACHINE_ENTITIES) {
      for (const byEvent of set.byEntity[entity].table.values()) {
        for (const candidates of byEvent.values())
          for (const c of candidates) for (const g of c.guardNames) names.add(g);
      }
    }
    known = names;
    guardNamesOf.set(set, known);
  }
  return known;
}

/**
 * `options.disableGuards` as a set of names: every name must be a policy guard of one of the machines
 * in use (a typo must not silently leave a guard on), or a typed `invalid_options`.
 */
export function readDisabledGuards(
  value: unknown,
  set: MachineSet,
): Result<ReadonlySet<string> | undefined, OrderTransitionError> {
  if (value === undefined) return NONE_DISABLED;
  if (!Array.isArray(value)) {
    return fail('invalid_options', 'options.disableGuards: expected an array of guard names.', {
      field: 'disableGuards',
    });
  }
  const known = policyGuardNames(set);
  for (let i = 0; i < value.length; i++) {
    const name: unknown = value[i];
    if (typeof name !== 'string' || !known.has(name)) {
      return fail(
        'invalid_options',
        `options.disableGuards[${i}]: ${describe(name)} is not a policy guard of these machines.`,
        { field: `disableGuards[${i}]` },
      );
    }
  }
  return ok(new Set(value as string[]));
}

/** Cheap structural check of an order: enough that the engine never throws a TypeError on it. */
export function orderIssue(order: unknown): string | undefined {
  if (!isRecord(order)) return 'expected an order object';
  if (typeof order['id'] !== 'string') return 'id: expected a string';
  if (typeof order['state'] !== 'string') return 'state: expected a string';
  if (!Number.isSafeInteger(order['version'])) return 'version: expected a safe integer';
  for (const field of ['lines', 'payments', 'shipments', 'returns', 'approvals', 'history']) {
    if (!Array.isArray(order[field])) return `${field}: expected an array`;
  }
  if (typeof order['currency'] !== 'string') return 'currency: expected a string';
  if (!isRecord(order['timestamps'])) return 'timestamps: expected an object';
  if (!isRecord(order['terms'])) return 'terms: expected an object';
  if (!isRecord(order['shipping'])) return 'shipping: expected an object';
  return undefined;
}

interface Step {
  readonly machine: CompiledMachine;
  readonly chosen: CompiledTransition;
  readonly context: TransitionContext;
}

export interface Applied {
  readonly order: Order;
  readonly effects: readonly OrderEffect[];
  readonly entry: HistoryEntry;
  /** What the updates changed (edit events); also on `entry`. */
  readonly diff: readonly OrderDiffEntry[] | undefined;
  /** What is still to collect or to refund (edit events). */
  readonly balance: EditBalance | undefined;
}

type EditBalance = OrderEditOutcome['balance'];

interface Updated {
  readonly order: Order;
  readonly effects: readonly OrderEffect[];
  readonly diff: readonly OrderDiffEntry[] | undefined;
  readonly balance: EditBalance | undefined;
}

function entityList(order: Order, entity: MachineEntity): readonly { readonly id: string; readonly state: string }[] {
  return entity === 'payment' ? order.payments : entity === 'shipment' ? order.shipments : order.returns;
}

/** The current state of the entity a machine drives, or NEW_ENTITY / undefined when it does not exist. */
function entityState(order: Order, machine: CompiledMachine, entityId: string | undefined): string | undefined {
  switch (machine.entity) {
    case 'order':
      return order.state;
    case 'service':
      return order.service?.state;
    default: {
      const list = entityList(order, machine.entity);
      for (let i = 0; i < list.length; i++) {
        const item = list[i] as { id: string; state: string };
        if (item.id === entityId) return item.state;
      }
      return NEW_ENTITY;
    }
  }
}

/** The candidates for the machine's current state, or why there are none. */
function lookup(
  order: Order,
  event: MachineEvent,
  machine: CompiledMachine,
  entityId: string | undefined,
  state: string,
): readonly CompiledTransition[] | Refusal {
  const candidates = machine.table.get(state)?.get(event.type);
  if (candidates === undefined) {
    if (state === NEW_ENTITY) {
      return fail(
        'unknown_entity',
        `${event.type}: there is no ${machine.entity} ${JSON.stringify(entityId)} on order ${order.id}.`,
        {
          event: event.type,
          entity: machine.entity,
          entityId,
        },
      );
    }
    return fail(
      'transition_not_allowed',
      `${event.type} is not allowed when the ${machine.entity}${entityId === undefined ? '' : ` ${entityId}`} is ${state}.`,
      { event: event.type, machine: machine.entity, state, ...(entityId === undefined ? {} : { entityId }) },
    );
  }
  return candidates;
}

/** Validates the payload and picks the candidate whose conditions hold; then runs its guards. */
function choose(
  order: Order,
  event: MachineEvent,
  machine: CompiledMachine,
  entityId: string | undefined,
  state: string,
  candidates: readonly CompiledTransition[],
  settings: Settings,
): Step | Refusal {
  const definition = machine.owned.get(event.type) ?? machine.followed.get(event.type);
  const problem = definition?.validate?.(event, order);
  if (problem !== undefined) {
    return fail('invalid_event', `${event.type}.${problem.field}: ${problem.message}.`, {
      event: event.type,
      field: problem.field,
    });
  }
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i] as CompiledTransition;
    const context: TransitionContext = {
      now: settings.now,
      actor: settings.actor,
      entityId,
      from: state,
      to: candidate.to,
      paidWhen: settings.paidWhen,
      changeCutoff: settings.changeCutoff,
    };
    let taken = true;
    for (let j = 0; j < candidate.whenFns.length; j++) {
      if ((candidate.whenFns[j] as (typeof candidate.whenFns)[number])(order, event, context) !== undefined) {
        taken = false;
        break;
      }
    }
    if (!taken) continue;
    if (!settings.skipGuards) {
      for (let j = 0; j < candidate.guardFns.length; j++) {
        if (settings.disabledGuards?.has(candidate.guardNames[j] as string) === true) continue;
        const rejection = (candidate.guardFns[j] as (typeof candidate.guardFns)[number])(order, event, context);
        if (rejection !== undefined) {
          const guard = candidate.guardNames[j] as string;
          return fail('guard_rejected', `${event.type} refused by ${guard}: ${rejection.message}`, {
            event: event.type,
            machine: machine.entity,
            state,
            guard,
            reason: rejection.code,
            ...(entityId === undefined ? {} : { entityId }),
            ...(rejection.details === undefined ? {} : { guardDetails: rejection.details }),
          });
        }
      }
    }
    return { machine, chosen: candidate, context };
  }
  return fail(
    'transition_not_allowed',
    `${event.type} is not allowed when the ${machine.entity}${entityId === undefined ? '' : ` ${entityId}`} is ${state}: no condition holds.`,
    { event: event.type, machine: machine.entity, state, ...(entityId === undefined ? {} : { entityId }) },
  );
}

function setEntityState(order: Order, machine: CompiledMachine, entityId: string | undefined, to: string): Order {
  switch (machine.entity) {
    case 'order':
      return order.state === to ? order : withOrderField(order, 'state', to);
    case 'service': {
      const job = order.service;
      return job === undefined || job.state === to
        ? order
        : withOrderField(order, 'service', withField(job, 'state', to));
    }
    default: {
      const field = machine.entity === 'payment' ? 'payments' : machine.entity === 'shipment' ? 'shipments' : 'returns';
      const list = order[field] as readonly { readonly id: string; readonly state: string }[];
      for (let i = 0; i < list.length; i++) {
        const item = list[i] as { id: string; state: string };
        if (item.id !== entityId) continue;
        if (item.state === to) return order;
        const copy = list.slice();
        // One clone helper per kind of entity, so each inline cache sees one kind's shapes.
        copy[i] =
          machine.entity === 'shipment'
            ? withShipmentField(item as unknown as Shipment, 'state', to)
            : machine.entity === 'payment'
              ? withPaymentField(item as unknown as Payment, 'state', to)
              : withField(item, 'state', to);
        return withOrderField(order, field, copy as unknown as Order[typeof field]);
      }
      return order;
    }
  }
}

function runUpdate(order: Order, event: MachineEvent, step: Step): Updated | Refusal {
  const update = step.chosen.update;
  let next = order;
  let effects: readonly OrderEffect[] = [];
  let diff: readonly OrderDiffEntry[] | undefined;
  let balance: EditBalance | undefined;
  if (update !== undefined) {
    const result = update(order, event, step.context);
    if ('outcome' in result) {
      if (result.outcome === 'rejected') {
        return fail('edit_rejected', `${event.type}: ${result.message}`, {
          event: event.type,
          cause: { code: result.code, ...(result.details === undefined ? {} : { details: result.details }) },
        });
      }
      next = result.order;
      effects = result.effects;
      diff = result.diff;
      balance = result.balance;
    } else next = result;
  }
  // The order's own state is set with the version and history in one copy at the end.
  const placed =
    step.machine.entity === 'order' ? next : setEntityState(next, step.machine, step.context.entityId, step.chosen.to);
  return { order: placed, effects, diff, balance };
}

/** Applies one event; the order given is never modified. */
export function applyEvent(order: Order, event: unknown, settings: Settings): Result<Applied, OrderTransitionError> {
  if (!isRecord(event) || typeof event['type'] !== 'string') {
    return fail('invalid_event', 'event: expected an object with a string type.', { field: 'type' });
  }
  const ev = event as MachineEvent;
  const route = settings.set.routes.get(ev.type);
  if (route === undefined) return fail('unknown_event', `event: no machine handles "${ev.type}".`, { event: ev.type });
  const owner = route.owner;
  const idKey = ID_KEYS[owner.entity];
  let entityId: string | undefined;
  if (idKey !== undefined) {
    const id = event[idKey];
    if (!isNonEmptyString(id)) {
      return fail('invalid_event', `${ev.type}.${idKey}: expected a non-empty string, got ${describe(id)}.`, {
        event: ev.type,
        field: idKey,
      });
    }
    entityId = id;
  }
  const state = entityState(order, owner, entityId);
  if (state === undefined) {
    return fail('unknown_entity', `${ev.type}: order ${order.id} has no ${owner.entity} job.`, {
      event: ev.type,
      entity: owner.entity,
    });
  }
  // Every machine involved must have a transition before any payload check or guard runs, so a
  // refusal says first whether the event makes sense at all in these states.
  const found = lookup(order, ev, owner, entityId, state);
  if (refused(found)) return found;
  const followers = route.followers;
  let followerCandidates: (readonly CompiledTransition[] | undefined)[] | undefined;
  let followerStates: (string | undefined)[] | undefined;
  if (followers.length > 0) {
    followerCandidates = [];
    followerStates = [];
    for (const follower of followers) {
      const followerState = entityState(order, follower, undefined);
      followerStates.push(followerState);
      if (followerState === undefined) {
        followerCandidates.push(undefined);
        continue;
      }
      const list = lookup(order, ev, follower, undefined, followerState);
      if (refused(list)) return list;
      followerCandidates.push(list);
    }
  }
  const primary = choose(order, ev, owner, entityId, state, found, settings);
  if (refused(primary)) return primary;
  const steps: Step[] = [primary];
  for (let i = 0; i < followers.length; i++) {
    const list = followerCandidates?.[i];
    if (list === undefined) continue;
    const step = choose(
      order,
      ev,
      followers[i] as CompiledMachine,
      undefined,
      followerStates?.[i] as string,
      list,
      settings,
    );
    if (refused(step)) return step;
    steps.push(step);
  }
  let next = order;
  const effects: OrderEffect[] = [];
  let diff: readonly OrderDiffEntry[] | undefined;
  let balance: EditBalance | undefined;
  for (const step of steps) {
    const updated = runUpdate(next, ev, step);
    if (refused(updated)) return updated;
    next = updated.order;
    for (const effect of updated.effects) effects.push(effect);
    // Only edit updates report these; when several machines do, the diffs add up and the last
    // balance (computed on the order after every earlier update) is the one that holds.
    const stepDiff = updated.diff;
    if (stepDiff !== undefined) diff = diff === undefined ? stepDiff : diff.concat(stepDiff);
    if (updated.balance !== undefined) balance = updated.balance;
  }
  for (const step of steps) {
    const produce = step.chosen.effects;
    if (produce !== undefined) for (const effect of produce(order, next, ev, step.context)) effects.push(effect);
  }
  const first = primary;
  const reasonField = event['reason'];
  const reason = typeof reasonField === 'string' ? reasonField : settings.reason;
  // Built key by key, in the documented order: a literal with conditional spreads costs ~270 ns
  // here, key-by-key ~15 ns (Node 20).
  const built: { -readonly [K in keyof HistoryEntry]?: HistoryEntry[K] } = {
    seq: order.history.length + 1,
    event: ev as HistoryEntry['event'],
    machine: owner.entity,
  };
  if (entityId !== undefined) built.entityId = entityId;
  built.from = first.context.from;
  built.to = first.chosen.to;
  let orderState = next.state;
  for (const step of steps) if (step.machine.entity === 'order') orderState = step.chosen.to;
  // Another machine's event that moved the order (create_shipment: confirmed → in_fulfillment)
  // records that move too, so the history alone tells every state the order was in.
  if (owner.entity !== 'order' && orderState !== order.state) built.order = { from: order.state, to: orderState };
  built.actor = settings.actor;
  built.at = settings.now;
  if (reason !== undefined) built.reason = reason;
  if (diff !== undefined) built.diff = diff;
  const entry = built as HistoryEntry;
  // Exactly one longer: a slice then a push would copy the history twice (the push regrows it).
  const previousHistory = order.history;
  const history: HistoryEntry[] = new Array(previousHistory.length + 1);
  for (let i = 0; i < previousHistory.length; i++) history[i] = previousHistory[i] as HistoryEntry;
  history[previousHistory.length] = entry;
  // Always a copy, even of an order an update just made: a host's update may return an object
  // it shares or froze, which must not be written to. copyOrder is a written-out copy (cheap).
  const placed = copyOrder(next);
  placed.state = orderState;
  placed.version = order.version + 1;
  placed.history = history;
  return ok({ order: placed, effects, entry, diff, balance });
}
