import { OrderMachineError } from '../errors.js';
import { fromStates } from '../internal/compiled.js';
import { defineMachine } from './defineMachine.js';
import type { EventDefinition, GuardDefinition, Machine, StateDefinition, TransitionDefinition } from './types.js';

/**
 * What `extendMachine` adds to, switches off in, or removes from a machine.
 *
 * @example
 * ```ts
 * import type { MachineExtension } from 'ordercore/orders';
 *
 * const extension: MachineExtension = { disableGuards: ['paid_or_credit_approved'] };
 * extension.disableGuards; //=> ['paid_or_credit_approved']
 * ```
 */
export interface MachineExtension {
  /** New states (a name the machine already has is refused with `duplicate_state`). */
  readonly states?: Readonly<Record<string, StateDefinition>>;
  /** New events (a type the machine already declares is refused with `duplicate_event`). */
  readonly events?: readonly EventDefinition[];
  /**
   * New transitions. They come before the machine's own, so a host's candidate for a state and event
   * is tried before the default one.
   */
  readonly transitions?: readonly TransitionDefinition[];
  /** New guards, or replacements for guards of the same name. */
  readonly guards?: Readonly<Record<string, GuardDefinition>>;
  /** Guards to switch off (their transitions behave as if they did not name them). */
  readonly disableGuards?: readonly string[];
  /** Guards switched off earlier to switch back on. */
  readonly enableGuards?: readonly string[];
  /**
   * Transitions to remove: each matches the transitions with that event that leave `from` (and, when
   * given, enter `to`). A state listed among several `from`s is taken out of that transition only.
   */
  readonly removeTransitions?: readonly {
    /** The state left. */
    readonly from: string;
    /** The event. */
    readonly event: string;
    /** The state entered; any when omitted. */
    readonly to?: string;
  }[];
}

/**
 * Builds a new, validated machine from an existing one plus host states, events, transitions and
 * guards, with default guards switched off or transitions removed; the original is unchanged.
 *
 * @param machine - The machine to extend (e.g. `defaultMachines().order`).
 * @param extension - What to add, switch off or remove.
 * @returns The new machine, validated like `defineMachine`'s.
 * @throws {@link OrderMachineError} (`duplicate_state`, `duplicate_event`, `unknown_guard`,
 *   `unknown_transition`, or any `defineMachine` code) naming the offender.
 * @example
 * ```ts
 * import { defaultMachines, extendMachine } from 'ordercore/orders';
 *
 * const order = extendMachine(defaultMachines().order, {
 *   states: { fraud_review: {} },
 *   events: [{ type: 'flag_fraud' }, { type: 'clear_fraud' }],
 *   transitions: [
 *     { from: 'placed', event: 'flag_fraud', to: 'fraud_review' },
 *     { from: 'fraud_review', event: 'clear_fraud', to: 'placed' },
 *   ],
 *   disableGuards: ['paid_or_credit_approved'],
 * });
 * Object.hasOwn(order.states, 'fraud_review'); //=> true
 * order.disabledGuards; //=> ['paid_or_credit_approved']
 * ```
 */
export function extendMachine(machine: Machine, extension: MachineExtension): Machine {
  const states: Record<string, StateDefinition> = { ...machine.states };
  for (const [name, state] of Object.entries(extension.states ?? {})) {
    if (Object.hasOwn(states, name)) {
      throw new OrderMachineError('duplicate_state', `states.${name}: the machine already has this state.`, {
        state: name,
      });
    }
    states[name] = state;
  }
  let transitions: TransitionDefinition[] = [...machine.transitions];
  for (const removal of extension.removeTransitions ?? []) {
    let matched = false;
    const kept: TransitionDefinition[] = [];
    for (const t of transitions) {
      const froms = fromStates(t.from);
      if (
        t.event !== removal.event ||
        !froms.includes(removal.from) ||
        (removal.to !== undefined && t.to !== removal.to)
      ) {
        kept.push(t);
        continue;
      }
      matched = true;
      const rest = froms.filter((from) => from !== removal.from);
      if (rest.length > 0) kept.push({ ...t, from: rest });
    }
    if (!matched) {
      throw new OrderMachineError(
        'unknown_transition',
        `removeTransitions: no transition on "${removal.event}" leaves "${removal.from}"${removal.to === undefined ? '' : ` for "${removal.to}"`}.`,
        { state: removal.from, event: removal.event },
      );
    }
    transitions = kept;
  }
  const guards = { ...machine.guards, ...extension.guards };
  const disabled = new Set(machine.disabledGuards);
  for (const name of extension.disableGuards ?? []) disabled.add(name);
  for (const name of extension.enableGuards ?? []) {
    if (!Object.hasOwn(guards, name)) {
      throw new OrderMachineError('unknown_guard', `enableGuards: guard "${String(name)}" is not defined.`, {
        guard: name,
      });
    }
    disabled.delete(name);
  }
  return defineMachine({
    id: machine.id,
    entity: machine.entity,
    initial: machine.initial,
    states,
    events: [...machine.events, ...(extension.events ?? [])],
    transitions: [...(extension.transitions ?? []), ...transitions],
    guards,
    disabledGuards: [...disabled],
  });
}
