import { OrderMachineError } from '../errors.js';
import { fromStates, register } from '../internal/compiled.js';
import {
  type GuardDefinition,
  MACHINE_ENTITIES,
  type Machine,
  type MachineDefinition,
  NEW_ENTITY,
  type StateDefinition,
} from './types.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(code: ConstructorParameters<typeof OrderMachineError>[0], message: string, details = {}): never {
  throw new OrderMachineError(code, message, details);
}

function checkShape(definition: MachineDefinition): void {
  if (!isRecord(definition)) fail('invalid_definition', 'definition: expected an object.', { field: 'definition' });
  if (typeof definition.id !== 'string' || definition.id === '') {
    fail('invalid_definition', 'id: expected a non-empty string.', { field: 'id' });
  }
  if (!(MACHINE_ENTITIES as readonly unknown[]).includes(definition.entity)) {
    fail('invalid_definition', `entity: expected one of ${MACHINE_ENTITIES.join(', ')}.`, { field: 'entity' });
  }
  if (!isRecord(definition.states)) fail('invalid_definition', 'states: expected an object.', { field: 'states' });
  if (!Array.isArray(definition.events)) fail('invalid_definition', 'events: expected an array.', { field: 'events' });
  if (!Array.isArray(definition.transitions)) {
    fail('invalid_definition', 'transitions: expected an array.', { field: 'transitions' });
  }
  if (definition.guards !== undefined && !isRecord(definition.guards)) {
    fail('invalid_definition', 'guards: expected an object.', { field: 'guards' });
  }
  if (definition.disabledGuards !== undefined && !Array.isArray(definition.disabledGuards)) {
    fail('invalid_definition', 'disabledGuards: expected an array.', { field: 'disabledGuards' });
  }
}

function checkGuards(guards: Readonly<Record<string, GuardDefinition>>): void {
  for (const [name, guard] of Object.entries(guards)) {
    const ok =
      typeof guard === 'function' ||
      (isRecord(guard) && typeof guard.check === 'function' && typeof guard.readsPayload === 'boolean');
    if (!ok) {
      fail('invalid_definition', `guards.${name}: expected a function or { check, readsPayload }.`, {
        field: `guards.${name}`,
        guard: name,
      });
    }
  }
}

/**
 * Validates a machine definition and returns the machine, with its transition table (state → event →
 * candidates) compiled once for `transition`.
 *
 * Checks: the shape; every `from`, `to` and the initial state are declared states (`unknown_state`);
 * every transition's event is declared (`unknown_event`) and no event is declared twice
 * (`duplicate_event`); every guard named in `when`, `guards` or `disabledGuards` exists
 * (`unknown_guard`); every state is reachable from the initial state or a creating transition
 * (`unreachable_state`); every state that is not final has an outgoing transition (`dead_end_state`).
 *
 * @param definition - The machine as data.
 * @returns The validated machine.
 * @throws {@link OrderMachineError} naming the offending state, event, guard or transition.
 * @example
 * ```ts
 * import { defineMachine } from 'ordercore/orders';
 *
 * const machine = defineMachine({
 *   id: 'tiny',
 *   entity: 'order',
 *   initial: 'placed',
 *   states: { placed: {}, closed: { final: true } },
 *   events: [{ type: 'place' }, { type: 'close' }],
 *   transitions: [
 *     { from: '[*]', event: 'place', to: 'placed' },
 *     { from: 'placed', event: 'close', to: 'closed' },
 *   ],
 * });
 * machine.disabledGuards; //=> []
 *
 * try {
 *   defineMachine({ ...machine, states: { ...machine.states, limbo: {} } });
 * } catch (e) {
 *   (e as { code: string }).code; //=> 'unreachable_state'
 * }
 * ```
 */
export function defineMachine(definition: MachineDefinition): Machine {
  checkShape(definition);
  const guards = definition.guards ?? {};
  checkGuards(guards);
  const states = definition.states as Readonly<Record<string, StateDefinition>>;
  const isState = (name: unknown): boolean => typeof name === 'string' && Object.hasOwn(states, name);
  for (const [name, state] of Object.entries(states)) {
    if (name === NEW_ENTITY || name === '') {
      fail('invalid_definition', `states: "${name}" cannot be a state name.`, { state: name });
    }
    if (!isRecord(state)) fail('invalid_definition', `states.${name}: expected an object.`, { state: name });
  }
  if (!isState(definition.initial)) {
    fail('unknown_state', `initial: "${String(definition.initial)}" is not a declared state.`, {
      field: 'initial',
      state: definition.initial,
    });
  }
  const events = new Set<string>();
  definition.events.forEach((event, index) => {
    if (!isRecord(event) || typeof event.type !== 'string' || event.type === '') {
      fail('invalid_definition', `events[${index}]: expected { type: string }.`, { field: `events[${index}]` });
    }
    if (event.validate !== undefined && typeof event.validate !== 'function') {
      fail('invalid_definition', `events[${index}].validate: expected a function.`, { field: `events[${index}]` });
    }
    if (events.has(event.type)) {
      fail('duplicate_event', `events[${index}]: "${event.type}" is declared twice.`, { event: event.type });
    }
    events.add(event.type);
  });
  const guardExists = (name: unknown): boolean => typeof name === 'string' && Object.hasOwn(guards, name);
  const outgoing = new Map<string, Set<string>>();
  const roots = new Set<string>([definition.initial]);
  definition.transitions.forEach((t, index) => {
    const where = `transitions[${index}]`;
    if (!isRecord(t)) fail('invalid_definition', `${where}: expected an object.`, { transition: index });
    const froms = fromStates(t.from);
    if (!Array.isArray(froms) || froms.length === 0) {
      fail('invalid_definition', `${where}.from: expected a state or a non-empty array of states.`, {
        transition: index,
      });
    }
    for (const from of froms) {
      if (from !== NEW_ENTITY && !isState(from)) {
        fail('unknown_state', `${where}.from: "${String(from)}" is not a declared state.`, {
          transition: index,
          state: from,
        });
      }
    }
    if (!isState(t.to)) {
      fail('unknown_state', `${where}.to: "${String(t.to)}" is not a declared state.`, {
        transition: index,
        state: t.to,
      });
    }
    if (typeof t.event !== 'string' || !events.has(t.event)) {
      fail('unknown_event', `${where}.event: "${String(t.event)}" is not a declared event.`, {
        transition: index,
        event: t.event,
      });
    }
    for (const field of ['when', 'guards'] as const) {
      const names = t[field];
      if (names === undefined) continue;
      if (!Array.isArray(names))
        fail('invalid_definition', `${where}.${field}: expected an array.`, { transition: index });
      for (const name of names) {
        if (!guardExists(name)) {
          fail('unknown_guard', `${where}.${field}: guard "${String(name)}" is not defined.`, {
            transition: index,
            guard: name,
          });
        }
      }
    }
    if (t.update !== undefined && typeof t.update !== 'function') {
      fail('invalid_definition', `${where}.update: expected a function.`, { transition: index });
    }
    if (t.effects !== undefined && typeof t.effects !== 'function') {
      fail('invalid_definition', `${where}.effects: expected a function.`, { transition: index });
    }
    for (const from of froms) {
      if (from === NEW_ENTITY) {
        roots.add(t.to);
        continue;
      }
      let set = outgoing.get(from);
      if (set === undefined) {
        set = new Set();
        outgoing.set(from, set);
      }
      set.add(t.to);
    }
  });
  const disabledGuards = [...(definition.disabledGuards ?? [])];
  for (const name of disabledGuards) {
    if (!guardExists(name))
      fail('unknown_guard', `disabledGuards: guard "${String(name)}" is not defined.`, { guard: name });
  }
  const reached = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const state = queue.pop() as string;
    if (reached.has(state)) continue;
    reached.add(state);
    for (const next of outgoing.get(state) ?? []) queue.push(next);
  }
  for (const [name, state] of Object.entries(states)) {
    if (!reached.has(name)) {
      fail('unreachable_state', `states.${name}: no transition reaches it from "${definition.initial}".`, {
        state: name,
      });
    }
    if (state.final !== true && (outgoing.get(name)?.size ?? 0) === 0) {
      fail('dead_end_state', `states.${name}: not final, but no transition leaves it.`, { state: name });
    }
  }
  const machine: Machine = {
    id: definition.id,
    entity: definition.entity,
    initial: definition.initial,
    states: { ...states },
    events: [...definition.events],
    transitions: [...definition.transitions],
    guards: { ...guards },
    disabledGuards,
  };
  register(machine);
  return machine;
}
