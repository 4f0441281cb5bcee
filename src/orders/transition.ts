import { err, ok, type Result } from '../core/result.js';
import type { OrderDiffEntry, OrderEditOutcome } from './edits/types.js';
import { OrderTransitionError } from './errors.js';
import { applyEvent, orderIssue, readSettings } from './internal/engine.js';
import type { ChangeCutoff, MachineEvent, OrderMachines, PaidWhen } from './machine/types.js';
import type { Actor, Instant, Order, OrderEffect } from './types.js';

/**
 * Options of `transition` (and of `createOrder` and `availableEvents`).
 *
 * @example
 * ```ts
 * import type { TransitionOptions } from 'ordercore/orders';
 *
 * const options: TransitionOptions = { now: '2026-11-22T10:00:00Z', actor: { kind: 'system', id: 'oms' }, paidWhen: 'authorized' };
 * options.paidWhen; //=> 'authorized'
 * ```
 */
export interface TransitionOptions {
  /** When the event happens: an ISO 8601 instant with an offset (recorded in the history). */
  readonly now: Instant;
  /** Who caused it (recorded in the history; approvals record its id). */
  readonly actor: Actor;
  /** Machines to use instead of the defaults (any subset); pass the same object every time, it is compiled once. */
  readonly machines?: Partial<OrderMachines>;
  /** When an order counts as paid for `paid_or_credit_approved`; default `'captured'`. */
  readonly paidWhen?: PaidWhen;
  /** The change cutoff for `before_change_cutoff`; default `'picking'`. */
  readonly changeCutoff?: ChangeCutoff;
  /** A reason for the history entry, for events that carry none of their own. */
  readonly reason?: string;
  /**
   * Policy guards to skip for this call, by name (see `DEFAULT_GUARD_NAMES`), e.g.
   * `['paid_or_credit_approved']` to ship one order the host lets go unpaid. A name that is not a
   * policy guard of the machines in use is refused (`invalid_options`). To switch a guard off for
   * good, extend the machines instead (`extendMachine(..., { disableGuards })`). Not recorded in the
   * history: `replay` never re-runs policy guards.
   */
  readonly disableGuards?: readonly string[];
}

/**
 * What an accepted event gives: the next order and the side effects for the host to run; for
 * `edit_order`, `cancel_lines` and `accept_substitution` also what changed (`diff`, recorded in the
 * history entry too) and what is left to collect or to refund (`balance`, from the stored per-line
 * amounts, never re-spread).
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { TransitionResult } from 'ordercore/orders';
 *
 * const settle = (r: Pick<TransitionResult, 'balance'>): string =>
 *   r.balance === undefined ? 'nothing changed hands' : `collect ${r.balance.toCollect.amount}, refund ${r.balance.toRefund.amount}`;
 * settle({}); //=> 'nothing changed hands'
 * settle({ balance: { toCollect: money('0', 'USD'), toRefund: money('9.66', 'USD') } }); //=> 'collect 0, refund 966'
 * ```
 */
export interface TransitionResult {
  /** The order after the event (version + 1, one more history entry). */
  readonly order: Order;
  /** Side effects as data: reserve or release stock, schedule production, capture, notify, ... */
  readonly effects: readonly OrderEffect[];
  /**
   * Edit events only (`edit_order`, `cancel_lines`, `accept_substitution`): every field changed, in
   * the order the changes were made; the same array the event's history entry records.
   */
  readonly diff?: readonly OrderDiffEntry[];
  /**
   * Edit events only: what is still to collect (`toCollect`) or to refund (`toRefund`) after the
   * change, against the net captured; at most one is non-zero.
   */
  readonly balance?: OrderEditOutcome['balance'];
}

/**
 * Applies one event to an order, purely: routes it to the order, payment, shipment, return or service
 * machine (by the event type, and the `paymentId`, `shipmentId` or `returnId` it names), checks the
 * payload, picks the transition from the machine's table, runs its guards, and returns the next
 * order (version + 1, a history entry `{ seq, event, machine, entityId, from, to, actor, at, reason, diff }`
 * appended, status timestamps set) with its effects — or a typed rejection. Edits, line cancellations
 * and substitutions also return their `diff` and the `balance` to collect or refund. The order given
 * is never modified, and unchanged parts are shared with the result.
 *
 * @param order - The order (from `createOrder`, a previous `transition`, `replay` or JSON).
 * @param event - The event, e.g. `{ type: 'confirm' }` or `{ type: 'capture_payment', paymentId, amount }`.
 * @param options - `now`, `actor`, and optionally `machines`, `paidWhen`, `changeCutoff`, `reason`.
 * @returns `{ ok: true, value: { order, effects } }` (plus `diff` and `balance` for edit events) or `{ ok: false, error }` with an
 *   {@link OrderTransitionError} (`transition_not_allowed`, `guard_rejected` with `details.guard`,
 *   `invalid_event` with `details.field`, `unknown_entity`, `unknown_event`, `invalid_order`, `invalid_options`, `edit_rejected`).
 * @example
 * ```ts
 * import { createOrder, transition } from 'ordercore/orders';
 * import { money } from 'ordercore/money';
 *
 * const now = '2026-11-22T10:00:00Z';
 * const actor = { kind: 'user', id: 'clerk-1' } as const;
 * const line = {
 *   id: 'l1', sku: 'MUG', description: 'Mug', quantity: 2, unitPrice: money('10.00', 'USD'), subtotal: money('20.00', 'USD'),
 *   discounts: [], discountTotal: money('0.00', 'USD'), net: money('20.00', 'USD'), tax: money('0.00', 'USD'), total: money('20.00', 'USD'),
 * };
 * const created = createOrder(
 *   { id: 'o-1', type: 'stock', currency: 'USD', channel: 'web', customer: { accountId: 'c-1', deliveryAddress: { country: 'US' } },
 *     lines: [line], terms: { paymentTerms: { kind: 'prepaid' }, creditApproved: false } },
 *   { now, actor },
 * );
 * if (!created.ok) throw created.error;
 * const confirmed = transition(created.value.order, { type: 'confirm' }, { now, actor });
 * confirmed.ok && confirmed.value.order.state; //=> 'confirmed'
 * confirmed.ok && confirmed.value.effects.map((e) => e.type); //=> ['notify_customer']
 *
 * const early = transition(created.value.order, { type: 'complete' }, { now, actor });
 * early.ok || early.error.code; //=> 'transition_not_allowed'
 *
 * if (!confirmed.ok) throw confirmed.error;
 * const edited = transition(confirmed.value.order, { type: 'edit_order', edits: [{ kind: 'change_quantity', lineId: 'l1', quantity: 3 }] }, { now, actor });
 * edited.ok && edited.value.order.version - confirmed.value.order.version; //=> 1
 * edited.ok && edited.value.diff?.map((d) => d.field); //=> ['quantity', 'subtotal', 'net', 'total']
 * edited.ok && edited.value.balance?.toCollect; //=> { amount: 3000, currency: 'USD' }
 * ```
 */
export function transition(
  order: Order,
  event: MachineEvent,
  options: TransitionOptions,
): Result<TransitionResult, OrderTransitionError> {
  const settings = readSettings(options);
  if (!settings.ok) return settings;
  const problem = orderIssue(order);
  if (problem !== undefined)
    return err(new OrderTransitionError('invalid_order', `order: ${problem}.`, { field: 'order' }));
  const applied = applyEvent(order, event, settings.value);
  if (!applied.ok) return applied;
  const { diff, balance } = applied.value;
  // Two shapes, each built whole: edit events carry their diff and balance, the others do not.
  if (diff === undefined || balance === undefined)
    return ok({ order: applied.value.order, effects: applied.value.effects });
  return ok({ order: applied.value.order, effects: applied.value.effects, diff, balance });
}
