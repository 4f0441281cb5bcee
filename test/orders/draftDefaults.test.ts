// A draft may leave out priority, shipping, fulfillment and timestamps: createOrder fills them in
// with the defaults OrderDraft documents, and the other functions that take drafts read them alike.
import { describe, expect, it } from 'vitest';
import { money } from '../../src/money/index.js';
import { createOrder } from '../../src/orders/createOrder.js';
import {
  type ApprovalRule,
  type OrderDraft,
  prioritizeOrders,
  replay,
  routeApproval,
  validateOrder,
} from '../../src/orders/index.js';
import { parseOrder } from '../../src/schemas/index.js';
import { deepFreeze, line, NOW, OPTS } from './machineFixtures.js';

const usd = (amount: string) => money(amount, 'USD');

/** The repro from the first user: no priority, shipping, fulfillment or timestamps. */
const minimal: OrderDraft = {
  id: 'o-1',
  type: 'stock',
  currency: 'USD',
  channel: 'web',
  customer: { accountId: 'c-1', deliveryAddress: { line1: '1 Main St', city: 'Springfield', country: 'US' } },
  lines: [line('l1', 2, 10)],
  terms: { paymentTerms: { kind: 'prepaid' }, creditApproved: false },
};

/** The same draft with the documented defaults written out. */
const explicitDefaults: OrderDraft = {
  ...minimal,
  priority: 'normal',
  shipping: { net: usd('0'), tax: usd('0') },
  fulfillment: {},
  timestamps: { orderedAt: NOW },
};

function create(d: OrderDraft, options = OPTS) {
  const r = createOrder(d, options);
  if (!r.ok) throw r.error;
  return r.value.order;
}

describe('createOrder: a draft without priority, shipping, fulfillment and timestamps', () => {
  it('gets the documented defaults', () => {
    const order = create(minimal);
    expect(order.priority).toBe('normal');
    expect(order.shipping).toEqual({ net: { amount: 0, currency: 'USD' }, tax: { amount: 0, currency: 'USD' } });
    expect(order.fulfillment).toEqual({});
    expect(order.timestamps).toEqual({ orderedAt: NOW });
    expect(order.state).toBe('placed');
  });

  it('creates exactly the order the draft with the defaults written out creates', () => {
    expect(create(minimal)).toEqual(create(explicitDefaults));
  });

  it('takes the zero shipping in the order currency', () => {
    const yen = line('l1', 1, 10);
    const jpy = {
      ...yen,
      ...Object.fromEntries(
        (['unitPrice', 'subtotal', 'discountTotal', 'net', 'tax', 'total'] as const).map((k) => [
          k,
          { amount: yen[k].amount, currency: 'JPY' },
        ]),
      ),
    };
    const order = create({ ...minimal, currency: 'JPY', lines: [jpy] });
    expect(order.shipping).toEqual({ net: { amount: 0, currency: 'JPY' }, tax: { amount: 0, currency: 'JPY' } });
  });

  it('takes orderedAt from options.now', () => {
    const later = '2026-12-01T08:30:00+01:00';
    expect(create(minimal, { ...OPTS, now: later }).timestamps).toEqual({ orderedAt: later });
  });

  it('records the defaulted order in the place event, so replay and parseOrder reproduce it', () => {
    const order = create(minimal);
    const place = order.history[0]?.event;
    expect(place?.type).toBe('place');
    const initial = place?.type === 'place' ? place.order : undefined;
    expect(initial?.priority).toBe('normal');
    expect(initial?.shipping).toEqual(order.shipping);
    expect(initial?.fulfillment).toEqual({});
    expect(initial?.timestamps).toEqual({ orderedAt: NOW });
    const rebuilt = replay(order.history);
    expect(rebuilt.ok && rebuilt.value).toEqual(order);
    const parsed = parseOrder(JSON.parse(JSON.stringify(order)));
    expect(parsed.ok && parsed.value).toEqual(order);
  });

  it('leaves a frozen draft as it was', () => {
    const frozen = deepFreeze(structuredClone(minimal));
    const before = structuredClone(frozen);
    create(frozen);
    expect(frozen).toEqual(before);
    expect(Object.keys(frozen)).not.toContain('priority');
  });
});

describe('createOrder: a draft that sets them keeps them', () => {
  it('keeps priority, shipping, fulfillment and orderedAt', () => {
    const d: OrderDraft = {
      ...minimal,
      priority: 'urgent',
      shipping: { net: usd('5.00'), tax: usd('0.40') },
      fulfillment: { requestedDeliveryDate: '2026-12-24', shippingMethod: 'express', expedited: true },
      timestamps: { orderedAt: '2026-11-21T09:00:00Z' },
    };
    const order = create(d);
    expect(order.priority).toBe('urgent');
    expect(order.shipping).toEqual(d.shipping);
    expect(order.fulfillment).toEqual(d.fulfillment);
    expect(order.timestamps).toEqual({ orderedAt: '2026-11-21T09:00:00Z' });
  });

  it('takes only orderedAt from the timestamps; the transitions set the others', () => {
    const order = create({
      ...minimal,
      timestamps: { orderedAt: '2026-11-21T09:00:00Z', confirmedAt: '2026-11-21T09:05:00Z' },
    });
    expect(order.timestamps).toEqual({ orderedAt: '2026-11-21T09:00:00Z' });
  });

  it('refuses a bad value when one is given, naming the field', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ priority: 'asap' }, 'priority'],
      [{ priority: null }, 'priority'],
      [{ shipping: null }, 'shipping'],
      [{ shipping: { net: money('5.00', 'EUR'), tax: usd('0') } }, 'shipping.net'],
      [{ shipping: { net: usd('-1.00'), tax: usd('0') } }, 'shipping.net'],
      [{ shipping: { net: usd('1.00') } }, 'shipping.tax'],
      [{ fulfillment: 'express' }, 'fulfillment'],
      [{ timestamps: { orderedAt: 'yesterday' } }, 'timestamps.orderedAt'],
      [{ timestamps: { orderedAt: '2026-11-21T09:00:00' } }, 'timestamps.orderedAt'],
      [{ timestamps: 42 }, 'timestamps.orderedAt'],
    ];
    for (const [patch, field] of cases) {
      const r = createOrder({ ...minimal, ...patch } as unknown as OrderDraft, OPTS);
      expect(r.ok, JSON.stringify(patch)).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid_draft');
        expect(r.error.details['field'], JSON.stringify(patch)).toBe(field);
      }
    }
  });
});

describe('validateOrder, routeApproval and prioritizeOrders read a minimal draft with the same defaults', () => {
  it('validateOrder: no issue for the fields left out, the same result as the defaults written out', () => {
    const options = { now: NOW };
    const r = validateOrder(minimal, {}, options);
    expect(r.issues.filter((i) => /^(shipping|fulfillment|priority|timestamps)/.test(i.path))).toEqual([]);
    expect(r).toEqual(validateOrder(explicitDefaults, {}, options));
  });

  it('validateOrder: without options.now a draft without timestamps has no "now" and says so', () => {
    const r = validateOrder(minimal, {});
    const issue = r.issues.find((i) => i.path === 'timestamps.orderedAt');
    expect(issue?.code).toBe('invalid_field');
    expect(issue?.message).toMatch(/options\.now/);
  });

  it('validateOrder: a shipping or fulfillment that is present is still checked', () => {
    const bad = { ...minimal, shipping: { net: money('1.00', 'EUR'), tax: usd('0') }, fulfillment: null };
    const fields = validateOrder(bad as unknown as OrderDraft, {}, { now: NOW }).issues.map((i) => i.path);
    expect(fields).toContain('shipping.net');
    expect(fields).toContain('fulfillment');
  });

  it('routeApproval: no shipping counts as zero in the grand total', () => {
    // Lines: 2 × 10.00 + 10% tax = 22.00.
    const rules: ApprovalRule[] = [
      {
        id: 'v',
        queue: 'credit',
        reason: '22 USD or more',
        when: { kind: 'order_value', op: 'gte', amount: usd('22.00') },
      },
      {
        id: 'w',
        queue: 'credit',
        reason: 'over 22 USD',
        when: { kind: 'order_value', op: 'gt', amount: usd('22.00') },
      },
    ];
    const routed = routeApproval(minimal, rules);
    expect(routed.steps.map((s) => s.ruleId)).toEqual(['v']);
    expect(routed).toEqual(routeApproval(explicitDefaults, rules));
  });

  it('prioritizeOrders: no priority ranks as normal, no shipping adds nothing to the value', () => {
    const high = { ...minimal, id: 'high', priority: 'high' as const };
    const low = { ...minimal, id: 'low', priority: 'low' as const };
    const none = { ...minimal, id: 'none' };
    const normal = { ...minimal, id: 'normal', priority: 'normal' as const };
    const queue = prioritizeOrders([low, none, high, normal], [{ by: 'priority' }]);
    expect(queue.map((p) => p.order.id)).toEqual(['high', 'none', 'normal', 'low']);
    expect(queue.find((p) => p.order.id === 'none')?.keys).toEqual([{ by: 'priority', value: 'normal' }]);
    // Present but not a priority (null included) is still refused.
    expect(() =>
      prioritizeOrders([{ ...minimal, priority: null } as unknown as OrderDraft], [{ by: 'priority' }]),
    ).toThrow('orders[0].priority');
    const shipped = { ...minimal, id: 'shipped', shipping: { net: usd('0.01'), tax: usd('0') } };
    const byValue = prioritizeOrders([none, shipped], [{ by: 'value' }]);
    expect(byValue.map((p) => [p.order.id, p.keys[0]?.value])).toEqual([
      ['shipped', 2201],
      ['none', 2200],
    ]);
  });

  it('prioritizeOrders: a draft without timestamps has no age and goes last', () => {
    const dated = { ...minimal, id: 'z-dated', timestamps: { orderedAt: NOW } };
    const undated = { ...minimal, id: 'a-undated' };
    const queue = prioritizeOrders([undated, dated], [{ by: 'age' }]);
    expect(queue.map((p) => p.order.id)).toEqual(['z-dated', 'a-undated']);
  });
});
