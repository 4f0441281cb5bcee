// Builders for the edits tests: plain orders and lines with consistent stored amounts.
import { money } from '../../src/money/index.js';
import type { Money } from '../../src/money/types.js';
import type { LineQuantities, Order, OrderLine, Payment } from '../../src/orders/types.js';

export const NOW = '2026-11-23T09:00:00Z';
export const usd = (a: string): Money => money(a, 'USD');
export const cents = (amount: number): Money => ({ amount, currency: 'USD' });

export const Q0: LineQuantities = {
  allocated: 0,
  picked: 0,
  shipped: 0,
  delivered: 0,
  cancelled: 0,
  returned: 0,
  backordered: 0,
};

export interface LineSpec {
  readonly id: string;
  readonly sku?: string;
  readonly quantity: number;
  /** Unit price in cents. */
  readonly unit: number;
  /** Discounts in cents by promotion id. */
  readonly discounts?: readonly (readonly [string, number])[];
  /** Tax in cents. */
  readonly tax?: number;
  readonly inclusive?: boolean;
  readonly quantities?: Partial<LineQuantities>;
  readonly extra?: Partial<OrderLine>;
}

/** A line with consistent stored amounts (tax on top, or inside the subtotal when `inclusive`). */
export function line(spec: LineSpec): OrderLine {
  const subtotal = spec.unit * spec.quantity;
  const discounts = (spec.discounts ?? []).map(([promotionId, amount]) => ({ promotionId, amount: cents(amount) }));
  const discountTotal = discounts.reduce((a, d) => a + d.amount.amount, 0);
  const tax = spec.tax ?? 0;
  const net = spec.inclusive === true ? subtotal - discountTotal - tax : subtotal - discountTotal;
  return {
    id: spec.id,
    sku: spec.sku ?? `SKU-${spec.id}`,
    description: `Item ${spec.id}`,
    quantity: spec.quantity,
    unitPrice: cents(spec.unit),
    subtotal: cents(subtotal),
    discounts,
    discountTotal: cents(discountTotal),
    net: cents(net),
    tax: cents(tax),
    total: cents(net + tax),
    sourcing: 'stock',
    quantities: { ...Q0, ...spec.quantities },
    ...spec.extra,
  };
}

export function captured(amount: number, refunded = 0): Payment {
  return {
    id: 'p1',
    state: 'captured',
    method: 'card',
    authorized: cents(amount),
    captured: cents(amount),
    refunded: cents(refunded),
  };
}

export function order(lines: readonly OrderLine[], overrides: Partial<Order> = {}): Order {
  return {
    id: 'o-1',
    version: 3,
    type: 'stock',
    state: 'confirmed',
    currency: 'USD',
    channel: 'web',
    priority: 'normal',
    customer: { accountId: 'c-1', deliveryAddress: { line1: '1 Main St', city: 'Springfield', country: 'US' } },
    lines,
    shipping: { net: cents(0), tax: cents(0) },
    fulfillment: {},
    terms: { paymentTerms: { kind: 'prepaid' }, creditApproved: false },
    timestamps: { orderedAt: '2026-11-22T10:00:00Z' },
    payments: [],
    shipments: [],
    returns: [],
    approvals: [],
    history: [],
    ...overrides,
  };
}

/** Freezes a value and everything in it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** The amount of the refund_payment effect, or 0. */
export function refundOf(effects: readonly { type: string; amount?: Money }[]): number {
  return effects.filter((e) => e.type === 'refund_payment').reduce((a, e) => a + (e.amount?.amount ?? 0), 0);
}
