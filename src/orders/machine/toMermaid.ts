import { fromStates } from '../internal/compiled.js';
import { type Machine, NEW_ENTITY } from './types.js';

/**
 * Draws a machine as a mermaid `stateDiagram-v2`: one edge per transition (and per `from` state),
 * labelled with its event, its routing conditions (`when a & b`) and its enabled guards
 * (`[g1, g2]`); creating transitions start at `[*]`, final states lead to `[*]`.
 *
 * @param machine - A machine from `defineMachine`, `extendMachine` or `defaultMachines()`.
 * @returns The diagram's text, lines joined with `\n`.
 * @example
 * ```ts
 * import { defineMachine, toMermaid } from 'ordercore/orders';
 *
 * const machine = defineMachine({
 *   id: 'tiny',
 *   entity: 'order',
 *   initial: 'placed',
 *   states: { placed: {}, closed: { final: true } },
 *   events: [{ type: 'place' }, { type: 'close' }],
 *   transitions: [
 *     { from: '[*]', event: 'place', to: 'placed' },
 *     { from: 'placed', event: 'close', to: 'closed', guards: ['paid'] },
 *   ],
 *   guards: { paid: () => undefined },
 * });
 * toMermaid(machine).split('\n'); //=> ['stateDiagram-v2', '  [*] --> placed : place', '  placed --> closed : close [paid]', '  closed --> [*]']
 * ```
 */
export function toMermaid(machine: Machine): string {
  const disabled = new Set(machine.disabledGuards);
  const lines = ['stateDiagram-v2'];
  for (const [name, state] of Object.entries(machine.states)) {
    if (state.description !== undefined) lines.push(`  ${name} : ${state.description.replace(/\n/g, ' ')}`);
  }
  for (const t of machine.transitions) {
    const when = (t.when ?? []).filter((g) => !disabled.has(g));
    const guards = (t.guards ?? []).filter((g) => !disabled.has(g));
    let label = t.event;
    if (when.length > 0) label += ` when ${when.join(' & ')}`;
    if (guards.length > 0) label += ` [${guards.join(', ')}]`;
    for (const from of fromStates(t.from)) {
      lines.push(`  ${from === NEW_ENTITY ? '[*]' : from} --> ${t.to} : ${label}`);
    }
  }
  for (const [name, state] of Object.entries(machine.states)) {
    if (state.final === true) lines.push(`  ${name} --> [*]`);
  }
  return lines.join('\n');
}
