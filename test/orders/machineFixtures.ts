// Shared fixtures for the machine tests: a priced draft, a clock, actors, and helpers that unwrap results.
import { expect } from 'vitest';
import { money } from '../../src/money/index.js';
import { createOrder } from '../../src/orders/createOrder.js';
import type { OrderTransitionError } from '../../src/orders/errors.js';
import type { MachineEvent } from '../../src/orders/machine/types.js';
import { type TransitionOptions, type TransitionResult, transition } from '../../src/orders/transition.js';
import type { Actor, Order, OrderDraft, OrderDraftLine, OrderType, PaymentTerms } from '../../src/orders/types.js';

export const NOW = '2026-11-22T10:00:00Z';
export const LATER = '2026-11-23T10:00:00Z';
export const CLERK: Actor = { kind: 'user', id: 'clerk-1' };
export const SYSTEM: Actor = { kind: 'system', id: 'oms' };
export const OPTS: TransitionOptions = { now: NOW, actor: CLERK };

export const usd = (amount: string) => money(amount, 'USD');

/** A line of `quantity` units at `unit` dollars, no discount, 10% tax. */
export function line(id: string, quantity: number, unit: number, extra: Partial<OrderDraftLine> = {}): OrderDraftLine {
  const subtotal = unit * 100 * quantity;
  const tax = subtotal / 10;
  const m = (amount: number) => ({ amount, currency: 'USD' });
  return {
    id,
    sku: `SKU-${id}`,
    description: `Item ${id}`,
    quantity,
    unitPrice: m(unit * 100),
    subtotal: m(subtotal),
    discounts: [],
    discountTotal: m(0),
    net: m(subtotal),
    tax: m(tax),
    total: m(subtotal + tax),
    ...extra,
  };
}

export function draft(
  overrides: Partial<OrderDraft> & { readonly paymentTerms?: PaymentTerms; readonly creditApproved?: boolean } = {},
): OrderDraft {
  const { paymentTerms, creditApproved, ...rest } = overrides;
  return {
    id: 'o-1',
    type: 'stock' as OrderType,
    currency: 'USD',
    channel: 'web',
    priority: 'normal',
    customer: { accountId: 'c-1', deliveryAddress: { line1: '1 Main St', city: 'Springfield', country: 'US' } },
    lines: [line('l1', 4, 10), line('l2', 2, 5)],
    shipping: { net: usd('5.00'), tax: usd('0.00') },
    fulfillment: {},
    terms: { paymentTerms: paymentTerms ?? { kind: 'prepaid' }, creditApproved: creditApproved ?? false },
    timestamps: { orderedAt: NOW },
    ...rest,
  };
}

export function created(d: OrderDraft = draft(), options: TransitionOptions = OPTS): Order {
  const r = createOrder(d, options);
  if (!r.ok) throw r.error;
  return r.value.order;
}

export function step(order: Order, event: MachineEvent, options: TransitionOptions = OPTS): TransitionResult {
  const r = transition(order, event, options);
  if (!r.ok) throw r.error;
  return r.value;
}

/** Applies events in turn; returns the final order. */
export function run(order: Order, events: readonly MachineEvent[], options: TransitionOptions = OPTS): Order {
  let current = order;
  for (const event of events) current = step(current, event, options).order;
  return current;
}

export function rejection(order: Order, event: MachineEvent, options: TransitionOptions = OPTS): OrderTransitionError {
  const before = JSON.stringify(order);
  const r = transition(order, event, options);
  if (r.ok) throw new Error(`expected ${event.type} to be refused`);
  expect(JSON.stringify(order)).toBe(before);
  return r.error;
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** Total of the default draft: 4×$10 + 2×$5 = $50 + 10% tax = $55 + $5 shipping = $60. */
export const DEFAULT_TOTAL = 6000;

/** A paid, confirmed order with all units allocated. */
export function paidAllocated(d: OrderDraft = draft()): Order {
  const o = created(d);
  const lines = o.lines.map((l) => ({ lineId: l.id, quantity: l.quantity }));
  return run(o, [
    { type: 'confirm' },
    { type: 'authorize_payment', paymentId: 'p1', method: 'card', amount: { amount: DEFAULT_TOTAL, currency: 'USD' } },
    { type: 'capture_payment', paymentId: 'p1', amount: { amount: DEFAULT_TOTAL, currency: 'USD' } },
    { type: 'allocate', lines },
  ]);
}
