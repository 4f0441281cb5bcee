import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import type { Result, ValidationError } from '../../src/core/index.js';
import type { Money } from '../../src/money/index.js';
import type {
  Address,
  ApprovalStep,
  Order,
  OrderCustomer,
  OrderDraft,
  OrderDraftLine,
  OrderEdit,
  OrderEvent,
  OrderLine,
  OrderPriority,
  OrderTimestamps,
  Payment,
  ReturnRequest,
  ServiceJob,
  Shipment,
} from '../../src/orders/index.js';
import {
  type addressSchema,
  type approvalStepSchema,
  type orderCustomerSchema,
  type orderDraftSchema,
  type orderEditSchema,
  type orderEventSchema,
  type orderLineSchema,
  type orderSchema,
  parseOrder,
  parseOrderDraft,
  parseOrderEdit,
  parseOrderEvent,
  type paymentSchema,
  type returnRequestSchema,
  type serviceJobSchema,
  type shipmentSchema,
} from '../../src/schemas/index.js';
import type { OrderEventSequence, orderArbitrary, orderEventSequenceArbitrary } from '../../src/testing/index.js';

describe('order schemas produce the order model types', () => {
  it('each schema outputs exactly its type and takes unknown input', () => {
    expectTypeOf<z.output<typeof orderSchema>>().toEqualTypeOf<Order>();
    expectTypeOf<z.output<typeof orderDraftSchema>>().toEqualTypeOf<OrderDraft>();
    expectTypeOf<z.output<typeof orderEventSchema>>().toEqualTypeOf<OrderEvent>();
    expectTypeOf<z.output<typeof orderEditSchema>>().toEqualTypeOf<OrderEdit>();
    expectTypeOf<z.output<typeof orderLineSchema>>().toEqualTypeOf<OrderLine>();
    expectTypeOf<z.output<typeof addressSchema>>().toEqualTypeOf<Address>();
    expectTypeOf<z.output<typeof orderCustomerSchema>>().toEqualTypeOf<OrderCustomer>();
    expectTypeOf<z.output<typeof paymentSchema>>().toEqualTypeOf<Payment>();
    expectTypeOf<z.output<typeof shipmentSchema>>().toEqualTypeOf<Shipment>();
    expectTypeOf<z.output<typeof returnRequestSchema>>().toEqualTypeOf<ReturnRequest>();
    expectTypeOf<z.output<typeof serviceJobSchema>>().toEqualTypeOf<ServiceJob>();
    expectTypeOf<z.output<typeof approvalStepSchema>>().toEqualTypeOf<ApprovalStep>();
    expectTypeOf<z.input<typeof orderSchema>>().toEqualTypeOf<unknown>();
  });

  it('the parse functions return Results of the model types', () => {
    expectTypeOf(parseOrder).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(parseOrder).returns.toEqualTypeOf<Result<Order, ValidationError>>();
    expectTypeOf(parseOrderDraft).returns.toEqualTypeOf<Result<OrderDraft, ValidationError>>();
    expectTypeOf(parseOrderEvent).returns.toEqualTypeOf<Result<OrderEvent, ValidationError>>();
    expectTypeOf(parseOrderEdit).returns.toEqualTypeOf<Result<OrderEdit, ValidationError>>();
  });

  it('a parsed event narrows on its type to its payload', () => {
    const r = parseOrderEvent({});
    if (r.ok && r.value.type === 'capture_payment') {
      expectTypeOf(r.value.amount).toEqualTypeOf<Money>();
      expectTypeOf(r.value.paymentId).toEqualTypeOf<string>();
      // @ts-expect-error a capture carries no shipment
      void r.value.shipmentId;
    }
  });
});

describe('an order draft', () => {
  it('has none of the fields the machines own, and lines without a ledger', () => {
    expectTypeOf<OrderDraft>().not.toHaveProperty('state');
    expectTypeOf<OrderDraft>().not.toHaveProperty('version');
    expectTypeOf<OrderDraft>().not.toHaveProperty('history');
    expectTypeOf<OrderDraft>().not.toHaveProperty('payments');
    expectTypeOf<OrderDraft>().not.toHaveProperty('hold');
    expectTypeOf<OrderDraft['lines'][number]>().toEqualTypeOf<OrderDraftLine>();
    expectTypeOf<OrderDraftLine>().not.toHaveProperty('quantities');
    expectTypeOf<OrderDraftLine['sourcing']>().toEqualTypeOf<OrderLine['sourcing'] | undefined>();
    // The line an add_line edit carries is a draft line.
    expectTypeOf<Extract<OrderEdit, { kind: 'add_line' }>['line']>().toEqualTypeOf<OrderDraftLine>();
  });

  it('may leave out what createOrder defaults, and every order is still a draft', () => {
    const minimal: OrderDraft = {
      id: 'o-1',
      type: 'stock',
      currency: 'USD',
      channel: 'web',
      customer: { accountId: 'c-1', deliveryAddress: {} },
      lines: [],
      terms: { paymentTerms: { kind: 'prepaid' }, creditApproved: false },
    };
    expectTypeOf(minimal).toEqualTypeOf<OrderDraft>();
    expectTypeOf<OrderDraft['priority']>().toEqualTypeOf<OrderPriority | undefined>();
    expectTypeOf<OrderDraft['shipping']>().toEqualTypeOf<Order['shipping'] | undefined>();
    expectTypeOf<OrderDraft['fulfillment']>().toEqualTypeOf<Order['fulfillment'] | undefined>();
    expectTypeOf<OrderDraft['timestamps']>().toEqualTypeOf<OrderTimestamps | undefined>();
    expectTypeOf<Order>().toExtend<OrderDraft>();
    // @ts-expect-error present, a priority is still one of ORDER_PRIORITIES
    const asap: OrderDraft = { ...minimal, priority: 'asap' };
    // @ts-expect-error exactOptionalPropertyTypes: left out, not set to undefined
    const undef: OrderDraft = { ...minimal, shipping: undefined };
    void [asap, undef];
  });
});

describe('order arbitraries', () => {
  it('generate the model types', () => {
    expectTypeOf<ReturnType<typeof orderArbitrary>>().toHaveProperty('generate');
    type Generated<A> = A extends { generate(...args: never[]): { value: infer V } } ? V : never;
    expectTypeOf<Generated<ReturnType<typeof orderArbitrary>>>().toEqualTypeOf<Order>();
    expectTypeOf<Generated<ReturnType<typeof orderEventSequenceArbitrary>>>().toEqualTypeOf<OrderEventSequence>();
    expectTypeOf<OrderEventSequence['events']>().toEqualTypeOf<readonly OrderEvent[]>();
  });
});
