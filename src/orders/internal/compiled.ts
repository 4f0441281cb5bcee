// Compiled form of a machine: the table lookups `transition` needs, built once when the machine is
// defined (defineMachine / extendMachine register it here), never per call.
import type {
  EventDefinition,
  GuardDefinition,
  Machine,
  MachineEffects,
  MachineEntity,
  MachineGuard,
  MachineUpdate,
  TransitionDefinition,
} from '../machine/types.js';

export interface CompiledTransition {
  readonly from: string;
  readonly event: string;
  readonly to: string;
  /** Routing conditions still enabled: names and functions side by side. */
  readonly whenNames: readonly string[];
  readonly whenFns: readonly MachineGuard[];
  readonly whenPayloadFree: readonly boolean[];
  /** Policy guards still enabled. */
  readonly guardNames: readonly string[];
  readonly guardFns: readonly MachineGuard[];
  readonly guardPayloadFree: readonly boolean[];
  readonly update: MachineUpdate | undefined;
  readonly effects: MachineEffects | undefined;
  readonly definition: TransitionDefinition;
}

export interface CompiledMachine {
  readonly machine: Machine;
  readonly entity: MachineEntity;
  /** state → event → candidates, in priority order. */
  readonly table: ReadonlyMap<string, ReadonlyMap<string, readonly CompiledTransition[]>>;
  /** Events this machine owns (not just follows). */
  readonly owned: ReadonlyMap<string, EventDefinition>;
  /** Events this machine follows. */
  readonly followed: ReadonlyMap<string, EventDefinition>;
}

const registry = new WeakMap<Machine, CompiledMachine>();

export function guardFunction(definition: GuardDefinition): MachineGuard {
  return typeof definition === 'function' ? definition : definition.check;
}

export function guardReadsPayload(definition: GuardDefinition): boolean {
  return typeof definition === 'function' ? true : definition.readsPayload;
}

export function fromStates(from: string | readonly string[]): readonly string[] {
  return typeof from === 'string' ? [from] : from;
}

/** Compiles a machine that has already been validated. */
export function compile(machine: Machine): CompiledMachine {
  const disabled = new Set(machine.disabledGuards);
  const table = new Map<string, Map<string, CompiledTransition[]>>();
  for (const definition of machine.transitions) {
    const when = (definition.when ?? []).filter((name) => !disabled.has(name));
    const guards = (definition.guards ?? []).filter((name) => !disabled.has(name));
    const pick = (names: readonly string[]) => names.map((name) => machine.guards[name] as GuardDefinition);
    for (const from of fromStates(definition.from)) {
      const compiled: CompiledTransition = {
        from,
        event: definition.event,
        to: definition.to,
        whenNames: when,
        whenFns: pick(when).map(guardFunction),
        whenPayloadFree: pick(when).map((g) => !guardReadsPayload(g)),
        guardNames: guards,
        guardFns: pick(guards).map(guardFunction),
        guardPayloadFree: pick(guards).map((g) => !guardReadsPayload(g)),
        update: definition.update,
        effects: definition.effects,
        definition,
      };
      let byEvent = table.get(from);
      if (byEvent === undefined) {
        byEvent = new Map();
        table.set(from, byEvent);
      }
      const list = byEvent.get(definition.event);
      if (list === undefined) byEvent.set(definition.event, [compiled]);
      else list.push(compiled);
    }
  }
  const owned = new Map<string, EventDefinition>();
  const followed = new Map<string, EventDefinition>();
  for (const event of machine.events) (event.follow === true ? followed : owned).set(event.type, event);
  return { machine, entity: machine.entity, table, owned, followed };
}

export function isRegistered(machine: Machine): boolean {
  return registry.has(machine);
}

export function register(machine: Machine): void {
  registry.set(machine, compile(machine));
}

/** The compiled form of a machine built by defineMachine (or compiled now for a look-alike). */
export function compiled(machine: Machine): CompiledMachine {
  let hit = registry.get(machine);
  if (hit === undefined) {
    hit = compile(machine);
    registry.set(machine, hit);
  }
  return hit;
}
