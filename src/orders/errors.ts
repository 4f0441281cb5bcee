import type { ErrorDetails } from '../core/errors.js';
import { OrdercoreError } from '../core/errors.js';

/**
 * Every code an {@link OrderMachineError} can carry.
 *
 * @example
 * ```ts
 * import { ORDER_MACHINE_ERROR_CODES } from 'ordercore/orders';
 *
 * ORDER_MACHINE_ERROR_CODES.includes('unreachable_state'); //=> true
 * ```
 */
export const ORDER_MACHINE_ERROR_CODES = [
  'invalid_definition',
  'duplicate_state',
  'duplicate_event',
  'unknown_state',
  'unknown_event',
  'unknown_guard',
  'unknown_transition',
  'unreachable_state',
  'dead_end_state',
] as const;

/**
 * Why a machine definition was refused by `defineMachine` or `extendMachine`.
 *
 * - `invalid_definition`: the definition is not the expected shape (id, entity, states, events, transitions, guards).
 * - `duplicate_state`: a state is declared twice (an extension adds a state the machine already has).
 * - `duplicate_event`: an event type is declared twice.
 * - `unknown_state`: the initial state or a transition's `from`/`to` is not a declared state.
 * - `unknown_event`: a transition names an event the machine does not declare.
 * - `unknown_guard`: a transition or `disableGuards` names a guard that is not defined.
 * - `unknown_transition`: `removeTransitions` names a transition the machine does not have.
 * - `unreachable_state`: a state no path from the initial state (or a creating transition) reaches.
 * - `dead_end_state`: a state that is not final but has no outgoing transition.
 *
 * @example
 * ```ts
 * import type { OrderMachineErrorCode } from 'ordercore/orders';
 *
 * const code: OrderMachineErrorCode = 'dead_end_state';
 * code; //=> 'dead_end_state'
 * ```
 */
export type OrderMachineErrorCode = (typeof ORDER_MACHINE_ERROR_CODES)[number];

/**
 * A machine definition that is not valid: thrown by `defineMachine` and `extendMachine` (a bad
 * definition is a programming error, found when the machine is built, not when an order moves),
 * with the offending state, event, guard or transition in `details`.
 *
 * @example
 * ```ts
 * import { OrderMachineError } from 'ordercore/orders';
 *
 * const e = new OrderMachineError('unknown_state', 'transitions[0].to: "nowhere" is not a state.', { state: 'nowhere' });
 * e.code; //=> 'unknown_state'
 * e.details; //=> { state: 'nowhere' }
 * ```
 */
export class OrderMachineError extends OrdercoreError<OrderMachineErrorCode> {
  /**
   * @param code - Why the definition was refused.
   * @param message - A sentence naming the offender.
   * @param details - Structured facts (state, event, guard, transition index).
   */
  constructor(code: OrderMachineErrorCode, message: string, details: ErrorDetails = {}) {
    super(code, message, details);
    this.name = 'OrderMachineError';
  }
}

/**
 * Every code an {@link OrderTransitionError} can carry.
 *
 * @example
 * ```ts
 * import { ORDER_TRANSITION_ERROR_CODES } from 'ordercore/orders';
 *
 * ORDER_TRANSITION_ERROR_CODES.includes('guard_rejected'); //=> true
 * ```
 */
export const ORDER_TRANSITION_ERROR_CODES = [
  'invalid_order',
  'invalid_draft',
  'invalid_event',
  'invalid_options',
  'unknown_event',
  'unknown_entity',
  'transition_not_allowed',
  'guard_rejected',
  'edit_rejected',
  'invalid_history',
  'replay_mismatch',
] as const;

/**
 * Why an event was refused (or an order could not be created or replayed).
 *
 * - `invalid_order`: the order given is not the expected shape (state, version, history, lines).
 * - `invalid_draft`: `createOrder`'s draft is not valid (ids, lines, money, type).
 * - `invalid_event`: the event's payload is malformed: a quantity that is not a positive safe integer,
 *   money that is not in the order's currency, an unknown line id, a missing field (`details.field`).
 * - `invalid_options`: `now`, `actor` or another option is not valid.
 * - `unknown_event`: no machine of the set declares the event's type.
 * - `unknown_entity`: the payment, shipment or return the event names does not exist (and the event does not create it),
 *   or a service event on an order without a service job.
 * - `transition_not_allowed`: the machine has no transition for the event from the current state.
 * - `guard_rejected`: a guard refused the event (`details.guard` names it, `details.reason` is the guard's code).
 * - `edit_rejected`: an edit, line cancellation or substitution was refused by the edits module
 *   (`details.cause` keeps its code and details).
 * - `invalid_history`: `replay` was given something that is not a history starting with a `place` entry.
 * - `replay_mismatch`: a history entry does not match what its event does (from, to, machine, entity or seq).
 *
 * @example
 * ```ts
 * import type { OrderTransitionErrorCode } from 'ordercore/orders';
 *
 * const code: OrderTransitionErrorCode = 'transition_not_allowed';
 * code; //=> 'transition_not_allowed'
 * ```
 */
export type OrderTransitionErrorCode = (typeof ORDER_TRANSITION_ERROR_CODES)[number];

/**
 * A refused event, returned as `{ ok: false, error }` by `transition` (and by `createOrder` and
 * `replay`), never thrown; the order given is left untouched.
 *
 * @example
 * ```ts
 * import { OrderTransitionError } from 'ordercore/orders';
 *
 * const e = new OrderTransitionError('guard_rejected', 'Not paid.', { guard: 'paid_or_credit_approved' });
 * e.code; //=> 'guard_rejected'
 * e.details['guard']; //=> 'paid_or_credit_approved'
 * ```
 */
export class OrderTransitionError extends OrdercoreError<OrderTransitionErrorCode> {
  /**
   * @param code - Why the event was refused.
   * @param message - A sentence naming the event, state, guard or field and the reason.
   * @param details - Structured facts (event type, state, guard, field, entity id).
   */
  constructor(code: OrderTransitionErrorCode, message: string, details: ErrorDetails = {}) {
    super(code, message, details);
    this.name = 'OrderTransitionError';
  }
}
