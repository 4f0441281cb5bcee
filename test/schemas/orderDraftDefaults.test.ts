// orderDraftSchema / parseOrderDraft: priority, shipping, fulfillment and timestamps may be left out
// (createOrder defaults them), and are checked as on an order when present.
import { describe, expect, it } from 'vitest';
import { money } from '../../src/money/index.js';
import { createOrder } from '../../src/orders/createOrder.js';
import { orderDraftSchema, parseOrderDraft } from '../../src/schemas/index.js';

const usd = (amount: string) => money(amount, 'USD');

/** JSON as a storefront would send it: snapshot money, no priority, shipping, fulfillment or timestamps. */
const minimal = {
  id: 'o-1',
  type: 'stock',
  currency: 'USD',
  channel: 'web',
  customer: { accountId: 'c-1', deliveryAddress: { country: 'US' } },
  lines: [
    {
      id: 'l1',
      sku: 'MUG',
      description: 'Mug',
      quantity: 2,
      unitPrice: { amount: '8.50', currency: 'USD' },
      subtotal: { amount: '17.00', currency: 'USD' },
      discounts: [],
      discountTotal: { amount: '0.00', currency: 'USD' },
      net: { amount: '17.00', currency: 'USD' },
      tax: { amount: '0.00', currency: 'USD' },
      total: { amount: '17.00', currency: 'USD' },
    },
  ],
  terms: { paymentTerms: { kind: 'prepaid' }, creditApproved: false },
};

function issuesOf(input: unknown): string[] {
  const r = parseOrderDraft(input);
  return r.ok ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.code}`);
}

describe('parseOrderDraft: the fields createOrder defaults', () => {
  it('accepts a draft without them and adds none of them', () => {
    const r = parseOrderDraft(minimal);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const key of ['priority', 'shipping', 'fulfillment', 'timestamps'])
      expect(Object.keys(r.value)).not.toContain(key);
    expect(r.value.lines[0]?.total).toEqual(usd('17.00'));
  });

  it('a parsed minimal draft creates an order with the defaults', () => {
    const r = parseOrderDraft(minimal);
    if (!r.ok) throw r.error;
    const created = createOrder(r.value, { now: '2026-11-22T10:00:00Z', actor: { kind: 'system', id: 'shop' } });
    if (!created.ok) throw created.error;
    const { priority, shipping, fulfillment, timestamps } = created.value.order;
    expect({ priority, shipping, fulfillment, timestamps }).toEqual({
      priority: 'normal',
      shipping: { net: usd('0'), tax: usd('0') },
      fulfillment: {},
      timestamps: { orderedAt: '2026-11-22T10:00:00Z' },
    });
  });

  it('keeps them when present', () => {
    const r = orderDraftSchema.parse({
      ...minimal,
      priority: 'high',
      shipping: { net: { amount: '5.00', currency: 'USD' }, tax: { amount: 40, currency: 'USD' } },
      fulfillment: { requestedDeliveryDate: '2026-12-24', expedited: true },
      timestamps: { orderedAt: '2026-11-22T10:00:00-05:00' },
    });
    expect(r.priority).toBe('high');
    expect(r.shipping).toEqual({ net: usd('5.00'), tax: usd('0.40') });
    expect(r.fulfillment).toEqual({ requestedDeliveryDate: '2026-12-24', expedited: true });
    expect(r.timestamps).toEqual({ orderedAt: '2026-11-22T10:00:00-05:00' });
  });

  it('still rejects hostile values for them, naming the path', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ priority: 'asap' }, 'priority:invalid_value'],
      [{ priority: null }, 'priority:invalid_value'],
      [{ priority: undefined }, 'priority:invalid_value'],
      [{ shipping: null }, 'shipping:invalid_type'],
      [{ shipping: undefined }, 'shipping:invalid_type'],
      [{ shipping: { net: { amount: 'NaN', currency: 'USD' }, tax: { amount: 0, currency: 'USD' } } }, 'shipping.net'],
      [{ shipping: { net: { amount: -1, currency: 'USD' }, tax: { amount: 0, currency: 'USD' } } }, 'shipping.net'],
      [{ shipping: { net: { amount: 1e300, currency: 'USD' }, tax: { amount: 0, currency: 'USD' } } }, 'shipping.net'],
      [{ shipping: { net: { amount: 500, currency: 'EUR' }, tax: { amount: 0, currency: 'USD' } } }, 'shipping.net'],
      [{ shipping: { net: { amount: 500, currency: 'USD' } } }, 'shipping.tax'],
      [{ fulfillment: [] }, 'fulfillment'],
      [{ fulfillment: { requestedDeliveryDate: '2026-02-30' } }, 'fulfillment.requestedDeliveryDate'],
      [{ fulfillment: { expedited: 'yes' } }, 'fulfillment.expedited'],
      [{ timestamps: {} }, 'timestamps.orderedAt'],
      [{ timestamps: { orderedAt: 'yesterday' } }, 'timestamps.orderedAt'],
      [{ timestamps: { orderedAt: '2026-11-22T10:00:00' } }, 'timestamps.orderedAt'],
      [{ timestamps: 'now' }, 'timestamps'],
    ];
    for (const [patch, path] of cases) {
      const issues = issuesOf({ ...minimal, ...patch });
      expect(issues.length, JSON.stringify(patch)).toBeGreaterThan(0);
      expect(
        issues.some((i) => (path.includes(':') ? i === path : i.startsWith(`${path}:`) || i.startsWith(`${path}.`))),
        `${JSON.stringify(patch)} → ${issues.join(', ')}`,
      ).toBe(true);
    }
  });

  it('rejects them smuggled in through __proto__ rather than reading them', () => {
    const input = JSON.parse(`{${JSON.stringify(minimal).slice(1, -1)},"__proto__":{"priority":"urgent"}}`);
    const r = parseOrderDraft(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues.some((i) => i.code === 'unrecognized_keys')).toBe(true);
  });
});
