import { checkMoney, checkOptionalString, checkString } from '../internal/checks.js';
import { withOrderField, withPaymentField } from '../internal/copy.js';
import { notify } from '../internal/effects.js';
import { POLICY_GUARDS, ROUTING_GUARDS } from '../internal/guards.js';
import { findIndexById, replaceAt } from '../internal/ledger.js';
import { defineMachine } from '../machine/defineMachine.js';
import type { EventDefinition, Machine, MachineEvent, MachineUpdate } from '../machine/types.js';
import type { Order, OrderEvent, Payment } from '../types.js';

type Ev<T extends OrderEvent['type']> = Extract<OrderEvent, { type: T }>;

const e = (event: MachineEvent) => event as unknown as Record<string, unknown>;

const EVENTS: readonly EventDefinition[] = [
  {
    type: 'authorize_payment',
    validate: (ev, order) =>
      checkString(e(ev), 'paymentId') ??
      checkString(e(ev), 'method') ??
      checkMoney(order, e(ev)['amount'], 'amount', true) ??
      checkOptionalString(e(ev), 'reference'),
    description: 'A new authorisation (creates the payment).',
  },
  {
    type: 'payment_failed',
    validate: (ev) => checkString(e(ev), 'paymentId') ?? checkString(e(ev), 'reason'),
    description: 'An authorisation attempt failed (creates a failed payment).',
  },
  {
    type: 'capture_payment',
    validate: (ev, order) => checkString(e(ev), 'paymentId') ?? checkMoney(order, e(ev)['amount'], 'amount', true),
    description: 'Capture part or all of the authorisation.',
  },
  {
    type: 'refund_payment',
    validate: (ev, order) =>
      checkString(e(ev), 'paymentId') ??
      checkMoney(order, e(ev)['amount'], 'amount', true) ??
      checkOptionalString(e(ev), 'reason'),
    description: 'Refund part or all of what was captured.',
  },
  {
    type: 'void_payment',
    validate: (ev) => checkString(e(ev), 'paymentId'),
    description: 'Release what is authorised and not captured.',
  },
];

function withPayment(order: Order, id: string | undefined, change: (p: Payment) => Payment): Order {
  const index = findIndexById(order.payments, id);
  return withOrderField(order, 'payments', replaceAt(order.payments, index, change(order.payments[index] as Payment)));
}

const authorize: MachineUpdate = (order, event, ctx) => {
  const ev = event as Ev<'authorize_payment'>;
  const zero = { amount: 0, currency: order.currency };
  const payment: { -readonly [K in keyof Payment]?: Payment[K] } = {
    id: ev.paymentId,
    state: ctx.to,
    method: ev.method,
    authorized: { amount: ev.amount.amount, currency: order.currency },
    captured: zero,
    refunded: zero,
  };
  // Key by key, not a conditional spread (slow in a literal; see internal/copy.ts).
  if (ev.reference !== undefined) payment.reference = ev.reference;
  return withOrderField(order, 'payments', [...order.payments, payment as Payment]);
};

const failed: MachineUpdate = (order, event, ctx) => {
  const zero = { amount: 0, currency: order.currency };
  const payment: Payment = {
    id: (event as Ev<'payment_failed'>).paymentId,
    state: ctx.to,
    method: 'unknown',
    authorized: zero,
    captured: zero,
    refunded: zero,
  };
  return withOrderField(order, 'payments', [...order.payments, payment]);
};

const capture: MachineUpdate = (order, event, ctx) =>
  withPayment(order, ctx.entityId, (p) => ({
    ...p,
    captured: {
      amount: p.captured.amount + (event as Ev<'capture_payment'>).amount.amount,
      currency: p.captured.currency,
    },
  }));

const refund: MachineUpdate = (order, event, ctx) =>
  withPayment(order, ctx.entityId, (p) => ({
    ...p,
    refunded: {
      amount: p.refunded.amount + (event as Ev<'refund_payment'>).amount.amount,
      currency: p.refunded.currency,
    },
  }));

/** Voiding drops what is authorised and not captured (all of it when nothing was captured). */
const voidPayment: MachineUpdate = (order, _event, ctx) =>
  withPayment(order, ctx.entityId, (p) => withPaymentField(p, 'authorized', p.captured));

/**
 * Builds the default payment machine (one entity per payment, addressed by `paymentId`).
 *
 * `authorize_payment` creates an `authorized` payment (`payment_failed` a `failed` one);
 * `capture_payment` moves to `partially_captured` or, when captured reaches the authorised amount,
 * `captured`; `refund_payment` moves to `partially_refunded` or `refunded`; `void_payment` releases
 * the uncaptured part (`authorized` → `voided`, `partially_captured` → `captured` with the
 * authorisation reduced to what was captured). All amounts are exact money in the order's currency;
 * guards `capture_within_authorized` (captured ≤ authorised) and `refund_within_captured`
 * (refunded ≤ captured). A refund notifies the customer (`refund_issued`). The `pending` state of
 * `PAYMENT_STATES` is not used by the default machine (no default event leads to it).
 *
 * @returns A new validated machine.
 * @example
 * ```ts
 * import { paymentMachine } from 'ordercore/orders';
 *
 * Object.keys(paymentMachine().states); //=> ['authorized', 'partially_captured', 'captured', 'partially_refunded', 'refunded', 'voided', 'failed']
 * ```
 */
export function paymentMachine(): Machine {
  return defineMachine({
    id: 'payment',
    entity: 'payment',
    initial: 'authorized',
    states: {
      authorized: { description: 'Authorised, nothing captured.' },
      partially_captured: { description: 'Part of the authorisation captured.' },
      captured: { description: 'Captured in full.' },
      partially_refunded: { description: 'Part of the capture refunded.' },
      refunded: { final: true, description: 'Refunded in full.' },
      voided: { final: true, description: 'Authorisation released.' },
      failed: { final: true, description: 'Authorisation failed.' },
    },
    events: EVENTS,
    transitions: [
      { from: '[*]', event: 'authorize_payment', to: 'authorized', update: authorize },
      { from: '[*]', event: 'payment_failed', to: 'failed', update: failed },
      {
        from: ['authorized', 'partially_captured'],
        event: 'capture_payment',
        to: 'captured',
        when: ['capture_completes'],
        guards: ['capture_within_authorized'],
        update: capture,
      },
      {
        from: ['authorized', 'partially_captured'],
        event: 'capture_payment',
        to: 'partially_captured',
        guards: ['capture_within_authorized'],
        update: capture,
      },
      { from: 'authorized', event: 'void_payment', to: 'voided', update: voidPayment },
      { from: 'partially_captured', event: 'void_payment', to: 'captured', update: voidPayment },
      {
        from: ['captured', 'partially_refunded'],
        event: 'refund_payment',
        to: 'refunded',
        when: ['refund_completes'],
        guards: ['refund_within_captured'],
        update: refund,
        effects: (_p, next, event) => [
          notify(next, { kind: 'refund_issued', amount: (event as Ev<'refund_payment'>).amount }),
        ],
      },
      {
        from: ['captured', 'partially_refunded'],
        event: 'refund_payment',
        to: 'partially_refunded',
        guards: ['refund_within_captured'],
        update: refund,
        effects: (_p, next, event) => [
          notify(next, { kind: 'refund_issued', amount: (event as Ev<'refund_payment'>).amount }),
        ],
      },
    ],
    guards: { ...POLICY_GUARDS, ...ROUTING_GUARDS },
  });
}
