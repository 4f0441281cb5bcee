import { describe, expectTypeOf, it } from 'vitest';
import {
  type CustomOrderEvent,
  defaultMachines,
  type EventDefinition,
  type EventIssue,
  extendMachine,
  type MachineEvent,
  type Order,
} from '../../src/orders/index.js';

describe('EventDefinition.validate', () => {
  it('takes the unchecked event, whose custom payload fields index without a cast', () => {
    const fraudReview: EventDefinition = {
      type: 'fraud_review',
      validate: (e) => {
        expectTypeOf(e).toEqualTypeOf<CustomOrderEvent>();
        expectTypeOf(e['score']).toEqualTypeOf<unknown>();
        return typeof e['score'] === 'number' ? undefined : { field: 'score', message: 'expected a number' };
      },
    };
    expectTypeOf(fraudReview.validate).toEqualTypeOf<
      ((event: CustomOrderEvent, order: Order) => EventIssue | undefined) | undefined
    >();
  });

  it('compiles inline in extendMachine, as in the docs', () => {
    const machine = extendMachine(defaultMachines().order, {
      states: { fraud_review: { description: 'A person checks the order.' } },
      events: [
        {
          type: 'flag_fraud',
          validate: (e) =>
            typeof e['score'] === 'number' ? undefined : { field: 'score', message: 'expected a number' },
        },
        { type: 'clear_fraud' },
      ],
      transitions: [
        { from: 'placed', event: 'flag_fraud', to: 'fraud_review' },
        { from: 'fraud_review', event: 'clear_fraud', to: 'confirmed' },
      ],
    });
    expectTypeOf(machine.events).toExtend<readonly EventDefinition[]>();
  });

  it('accepts every event a machine handles, default or custom', () => {
    // The engine hands validate a MachineEvent: every default event is a CustomOrderEvent.
    expectTypeOf<MachineEvent>().toExtend<CustomOrderEvent>();
    expectTypeOf<Extract<MachineEvent, { type: 'capture_payment' }>>().toExtend<CustomOrderEvent>();
    // A validator written against the wider MachineEvent (as the default machines' are) still fits.
    const old: (event: MachineEvent, order: Order) => EventIssue | undefined = () => undefined;
    const definition: EventDefinition = { type: 'hold', validate: old };
    void definition;
  });

  it('still checks what a validator returns', () => {
    // @ts-expect-error a validator must return an EventIssue or undefined, not a string
    const bad: EventDefinition = { type: 'x', validate: () => 'bad' };
    void bad;
  });
});
