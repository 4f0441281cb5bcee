// Fixtures for validation, approval routing and prioritisation tests.
import { fromMinor, type Money, money } from '../../src/money/index.js';
import type { OrderDraft, OrderDraftLine } from '../../src/orders/index.js';

export const usd = (amount: string): Money => money(amount, 'USD');

/** A priced line: unit price × quantity, no discount, no tax unless given. */
export function line(id: string, sku: string, quantity: number, unit: string, tax = '0'): OrderDraftLine {
  const unitPrice = usd(unit);
  const net = fromMinor(unitPrice.amount * quantity, 'USD');
  const taxMoney = usd(tax);
  return {
    id,
    sku,
    description: sku,
    quantity,
    unitPrice,
    subtotal: net,
    discounts: [],
    discountTotal: usd('0'),
    net,
    tax: taxMoney,
    total: fromMinor(net.amount + taxMoney.amount, 'USD'),
  };
}

type Overrides = Partial<Omit<OrderDraft, 'customer' | 'fulfillment'>> & {
  readonly customer?: Partial<OrderDraft['customer']>;
  readonly fulfillment?: NonNullable<OrderDraft['fulfillment']>;
};

/** A valid prepaid US order placed Monday 2026-11-23 10:00 UTC; override what a test needs. */
export function order(overrides: Overrides = {}): OrderDraft {
  const { customer, ...rest } = overrides;
  return {
    id: 'o-1',
    type: 'stock',
    currency: 'USD',
    channel: 'web',
    priority: 'normal',
    lines: [line('l1', 'MUG', 2, '8.50')],
    shipping: { net: usd('5.00'), tax: usd('0') },
    fulfillment: {},
    terms: { paymentTerms: { kind: 'prepaid' }, creditApproved: false },
    timestamps: { orderedAt: '2026-11-23T10:00:00Z' },
    ...rest,
    customer: {
      accountId: 'c-1',
      deliveryAddress: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' },
      ...customer,
    },
  };
}

/** Freezes a value and everything reachable from it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}
