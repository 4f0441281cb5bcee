import type { OrderTransitionError } from './errors.js';
import type { CompiledMachine, CompiledTransition } from './internal/compiled.js';
import { machineSet, readDisabledGuards } from './internal/engine.js';
import { MACHINE_ENTITIES, type MachineEntity, NEW_ENTITY, type TransitionContext } from './machine/types.js';
import type { TransitionOptions } from './transition.js';
import type { Order } from './types.js';

/**
 * Why an event is listed but blocked: the guard that refuses it now.
 *
 * @example
 * ```ts
 * import type { BlockedEvent } from 'ordercore/orders';
 *
 * const blocked: BlockedEvent = { guard: 'paid_or_credit_approved', code: 'not_paid', message: 'The order is not paid.' };
 * blocked.guard; //=> 'paid_or_credit_approved'
 * ```
 */
export interface BlockedEvent {
  /** The payment, shipment or return the block applies to, for entity events. */
  readonly entityId?: string;
  /** The guard's name. */
  readonly guard: string;
  /** The guard's reason code. */
  readonly code: string;
  /** The guard's message. */
  readonly message: string;
}

/**
 * An event the order's current states have a transition for.
 *
 * @example
 * ```ts
 * import type { AvailableEvent } from 'ordercore/orders';
 *
 * const e: AvailableEvent = { type: 'capture_payment', machine: 'payment', entityIds: ['p-1'], creates: false, blocked: [] };
 * e.entityIds; //=> ['p-1']
 * ```
 */
export interface AvailableEvent {
  /** The event type. */
  readonly type: string;
  /** The machine that owns it. */
  readonly machine: MachineEntity;
  /** The existing payments, shipments or returns it can be sent to now (empty for order and service events). */
  readonly entityIds: readonly string[];
  /** Whether the event creates a new payment, shipment or return (send it with a new id). */
  readonly creates: boolean;
  /** Where a guard blocks it now (for the order, or per entity). Empty when nothing is known to block it. */
  readonly blocked: readonly BlockedEvent[];
}

type Block = Omit<BlockedEvent, 'entityId'>;

/** `undefined` when some candidate may pass, else the first block found. */
function evaluate(
  order: Order,
  type: string,
  candidates: readonly CompiledTransition[],
  context: Omit<TransitionContext, 'to'>,
  disabled: ReadonlySet<string> | undefined,
): Block | undefined {
  const probe = { type };
  let first: Block | undefined;
  for (const c of candidates) {
    const ctx: TransitionContext = { ...context, to: c.to };
    let possible = true;
    for (let i = 0; i < c.whenFns.length; i++) {
      if (
        c.whenPayloadFree[i] === true &&
        (c.whenFns[i] as (typeof c.whenFns)[number])(order, probe, ctx) !== undefined
      ) {
        possible = false;
        break;
      }
    }
    if (!possible) continue;
    let block: Block | undefined;
    for (let i = 0; i < c.guardFns.length; i++) {
      if (c.guardPayloadFree[i] !== true || disabled?.has(c.guardNames[i] as string) === true) continue;
      const r = (c.guardFns[i] as (typeof c.guardFns)[number])(order, probe, ctx);
      if (r !== undefined) {
        block = { guard: c.guardNames[i] as string, code: r.code, message: r.message };
        break;
      }
    }
    if (block === undefined) return undefined;
    first ??= block;
  }
  return first ?? { guard: '(when)', code: 'no_condition_holds', message: 'No routing condition holds.' };
}

/**
 * Lists the events the order can take now, from the same transition tables `transition` uses: for
 * each machine (order, then payments, shipments, returns, service), the events with a transition from
 * the current state of the order or of each payment, shipment and return, plus the events that
 * create a new payment, shipment or return. An event the order machine follows (such as
 * `create_shipment`) is listed only when the order's state has a transition for it too.
 *
 * Guard-blocked events are listed, with the blocking guard in `blocked`. Only guards that do not read
 * the event's payload can be evaluated here (`paid_or_credit_approved`, `before_change_cutoff`,
 * `release_date_reached`, `order_not_on_hold`, `fulfillment_complete`, and host guards declared with
 * `readsPayload: false`); payload guards (quantities, amounts) are checked by `transition`.
 *
 * @param order - The order.
 * @param options - `now` and `actor` (guards read them), optionally `machines`, `paidWhen`, `changeCutoff`.
 * @returns The events, in machine order and then the machine's event declaration order.
 * @throws {@link OrderTransitionError} (`invalid_options`) when `options.machines` is not a valid machine set.
 * @example
 * ```ts
 * import { availableEvents, createOrder } from 'ordercore/orders';
 *
 * const now = '2026-11-22T10:00:00Z';
 * const actor = { kind: 'user', id: 'agent-7' } as const;
 * const created = createOrder(
 *   { id: 'o-1', type: 'stock', currency: 'USD', channel: 'web', customer: { accountId: 'c-1', deliveryAddress: {} },
 *     lines: [], terms: { paymentTerms: { kind: 'prepaid' }, creditApproved: false } },
 *   { now, actor },
 * );
 * if (!created.ok) throw created.error;
 * availableEvents(created.value.order, { now, actor }).filter((e) => e.machine === 'order').map((e) => e.type); //=> ['hold', 'request_approval', 'confirm', 'cancel', 'edit_order', 'cancel_lines']
 * ```
 */
export function availableEvents(order: Order, options: TransitionOptions): readonly AvailableEvent[] {
  const set = machineSet(options.machines);
  if (!set.ok) throw set.error;
  const disabledResult = readDisabledGuards(options.disableGuards, set.value);
  if (!disabledResult.ok) throw disabledResult.error;
  const disabled = disabledResult.value;
  const base = {
    now: options.now,
    actor: options.actor,
    paidWhen: options.paidWhen ?? 'captured',
    changeCutoff: options.changeCutoff ?? 'picking',
  } as const;
  const result: AvailableEvent[] = [];
  for (const entity of MACHINE_ENTITIES) {
    const machine = set.value.byEntity[entity];
    const entities: { id: string | undefined; state: string }[] =
      entity === 'order'
        ? [{ id: undefined, state: order.state }]
        : entity === 'service'
          ? order.service === undefined
            ? []
            : [{ id: undefined, state: order.service.state }]
          : [
              ...(entity === 'payment' ? order.payments : entity === 'shipment' ? order.shipments : order.returns).map(
                (x) => ({
                  id: x.id as string | undefined,
                  state: x.state,
                }),
              ),
              { id: undefined, state: NEW_ENTITY },
            ];
    for (const type of machine.owned.keys()) {
      const ids: string[] = [];
      const blocked: BlockedEvent[] = [];
      let listed = false;
      let creates = false;
      for (const target of entities) {
        const candidates = machine.table.get(target.state)?.get(type);
        if (candidates === undefined) continue;
        const follower = followerBlock(order, type, set.value.routes.get(type)?.followers ?? [], base, disabled);
        if (follower === null) continue;
        const block =
          evaluate(order, type, candidates, { ...base, entityId: target.id, from: target.state }, disabled) ?? follower;
        listed = true;
        if (target.state === NEW_ENTITY) creates = true;
        if (block !== undefined) blocked.push(target.id === undefined ? block : { entityId: target.id, ...block });
        else if (target.id !== undefined) ids.push(target.id);
      }
      if (listed) result.push({ type, machine: entity, entityIds: ids, creates, blocked });
    }
  }
  return result;
}

/** `null` when a follower has no transition (the event is not available at all). */
function followerBlock(
  order: Order,
  type: string,
  followers: readonly CompiledMachine[],
  base: Omit<TransitionContext, 'to' | 'entityId' | 'from'>,
  disabled: ReadonlySet<string> | undefined,
): Block | undefined | null {
  for (const f of followers) {
    const state = f.entity === 'order' ? order.state : order.service?.state;
    if (state === undefined) continue;
    const candidates = f.table.get(state)?.get(type);
    if (candidates === undefined) return null;
    const block = evaluate(order, type, candidates, { ...base, entityId: undefined, from: state }, disabled);
    if (block !== undefined) return block;
  }
  return undefined;
}
