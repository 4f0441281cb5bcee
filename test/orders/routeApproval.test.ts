import { describe, expect, it } from 'vitest';
import { money } from '../../src/money/index.js';
import {
  type ApprovalRule,
  approvalOutcome,
  type Order,
  type OrderDraft,
  OrderPolicyError,
  prioritizeOrders,
  routeApproval,
} from '../../src/orders/index.js';
import { deepFreeze, line, order, usd } from './validationFixtures.js';

// Base order grand total: 17.00 + 5.00 shipping = 22.00 USD.
const rules: ApprovalRule[] = [
  {
    id: 'value',
    queue: 'credit',
    reason: 'Order of 22 USD or more',
    when: { kind: 'order_value', op: 'gte', amount: usd('22.00') },
  },
  { id: 'risk', queue: 'credit', reason: 'Risky customer', when: { kind: 'risk_score', atLeast: 70 } },
  { id: 'lathe', queue: 'engineering', reason: 'Machinery', when: { kind: 'category', categories: ['machinery'] } },
  {
    id: 'export',
    queue: 'compliance',
    reason: 'Net terms abroad',
    when: {
      kind: 'all',
      conditions: [
        { kind: 'payment_terms', kinds: ['net'] },
        { kind: 'custom', name: 'abroad', test: (o) => o.customer.deliveryAddress.country !== 'US' },
      ],
    },
  },
];

describe('routeApproval', () => {
  it('auto-approves when no rule applies', () => {
    expect(routeApproval(order(), rules.slice(1).concat([]), {})).toEqual({
      decision: 'route',
      steps: [{ queue: 'credit', ruleId: 'risk', reason: 'Risky customer' }],
    }); // no risk score: treated as risky by default
    const scored = order({ customer: { riskScore: 10 } });
    expect(routeApproval(scored, rules.slice(1))).toEqual({ decision: 'auto_approve', steps: [] });
  });

  it('order value: gte includes the threshold, gt does not', () => {
    const gte: ApprovalRule = {
      id: 'v',
      queue: 'credit',
      reason: 'r',
      when: { kind: 'order_value', op: 'gte', amount: usd('22.00') },
    };
    const gt: ApprovalRule = { ...gte, when: { kind: 'order_value', op: 'gt', amount: usd('22.00') } };
    expect(routeApproval(order(), [gte]).decision).toBe('route');
    expect(routeApproval(order(), [gt]).decision).toBe('auto_approve');
    expect(routeApproval(order({ shipping: { net: usd('5.00'), tax: usd('0.01') } }), [gt]).decision).toBe('route');
  });

  it('merges rules of one queue (rule-id order) and sorts steps by queue, whatever the rule order', () => {
    const o = order({
      lines: [{ ...line('l1', 'LATHE', 1, '17.00'), category: 'machinery' }],
      terms: { paymentTerms: { kind: 'net', days: 30 }, creditApproved: false },
      customer: { riskScore: 90, deliveryAddress: { line1: 'x', city: 'Paris', postalCode: '75001', country: 'FR' } },
    });
    const expected = {
      decision: 'route',
      steps: [
        { queue: 'compliance', ruleId: 'export', reason: 'Net terms abroad' },
        { queue: 'credit', ruleId: 'risk,value', reason: 'Risky customer; Order of 22 USD or more' },
        { queue: 'engineering', ruleId: 'lathe', reason: 'Machinery' },
      ],
    };
    expect(routeApproval(o, rules)).toEqual(expected);
    expect(routeApproval(o, [...rules].reverse())).toEqual(expected);
  });

  it('reads categories from the catalogue for lines without one; not and any compose', () => {
    const rule: ApprovalRule = {
      id: 'c',
      queue: 'engineering',
      reason: 'r',
      when: { kind: 'category', categories: ['machinery'] },
    };
    expect(routeApproval(order(), [rule], { catalogue: { MUG: { category: 'machinery' } } }).decision).toBe('route');
    expect(routeApproval(order(), [rule]).decision).toBe('auto_approve');
    const notPrepaid: ApprovalRule = {
      id: 'n',
      queue: 'credit',
      reason: 'r',
      when: { kind: 'not', condition: { kind: 'payment_terms', kinds: ['prepaid'] } },
    };
    expect(routeApproval(order(), [notPrepaid]).decision).toBe('auto_approve');
    const none: ApprovalRule = { id: 'a', queue: 'credit', reason: 'r', when: { kind: 'any', conditions: [] } };
    const every: ApprovalRule = { id: 'b', queue: 'credit', reason: 'r', when: { kind: 'all', conditions: [] } };
    expect(routeApproval(order(), [none]).decision).toBe('auto_approve');
    expect(routeApproval(order(), [every]).decision).toBe('route');
  });

  it('a missing risk score matches unless whenMissing is false', () => {
    const strict: ApprovalRule = {
      id: 'r',
      queue: 'credit',
      reason: 'r',
      when: { kind: 'risk_score', atLeast: 70, whenMissing: false },
    };
    expect(routeApproval(order(), [strict]).decision).toBe('auto_approve');
    expect(routeApproval(order({ customer: { riskScore: 70 } }), [strict]).decision).toBe('route');
  });

  it('typed errors for bad rules, currency mismatches and unreadable orders', () => {
    const eur: ApprovalRule = {
      id: 'e',
      queue: 'credit',
      reason: 'r',
      when: { kind: 'order_value', op: 'gte', amount: money('1', 'EUR') },
    };
    expect(() => routeApproval(order(), [eur])).toThrow(expect.objectContaining({ code: 'currency_mismatch' }));
    const dup = [rules[0], rules[0]] as ApprovalRule[];
    expect(() => routeApproval(order(), dup)).toThrow(expect.objectContaining({ code: 'invalid_rules' }));
    const badKind = [{ id: 'x', queue: 'q', reason: 'r', when: { kind: 'nope' } }] as unknown as ApprovalRule[];
    expect(() => routeApproval(order(), badKind)).toThrow('rules[0].when.kind: "nope" is not a condition kind.');
    // A rule set nested past 32 levels (or cyclic) is refused, not a stack overflow.
    const cyclic: { kind: 'not'; condition: unknown } = { kind: 'not', condition: undefined };
    cyclic.condition = cyclic;
    expect(() =>
      routeApproval(order(), [{ id: 'c', queue: 'q', reason: 'r', when: cyclic } as unknown as ApprovalRule]),
    ).toThrow(OrderPolicyError);
    for (const bad of [null, 1, { currency: 'USD' }, { currency: 'USD', lines: [null], shipping: {} }]) {
      expect(() => routeApproval(bad as unknown as OrderDraft, rules)).toThrow(OrderPolicyError);
    }
  });

  it('does not mutate frozen inputs', () => {
    const o = deepFreeze(order());
    expect(() => routeApproval(o, deepFreeze(rules.slice(0, 3)))).not.toThrow();
  });
});

describe('approvalOutcome', () => {
  const step = (status: 'pending' | 'approved' | 'rejected') => ({ queue: 'credit', ruleId: 'r', reason: 'r', status });
  it('is derived from the steps', () => {
    expect(approvalOutcome({ approvals: [] })).toBe('not_required');
    expect(approvalOutcome({ approvals: [step('approved'), step('approved')] })).toBe('approved');
    expect(approvalOutcome({ approvals: [step('approved'), step('pending')] })).toBe('pending');
    expect(approvalOutcome({ approvals: [step('pending'), step('rejected')] })).toBe('rejected');
    expect(approvalOutcome({ approvals: [step('rejected'), step('approved')] })).toBe('rejected');
  });
  it('throws a typed error on a malformed order', () => {
    expect(() => approvalOutcome({} as Order)).toThrow(OrderPolicyError);
    expect(() => approvalOutcome({ approvals: [{ status: 'maybe' }] } as unknown as Order)).toThrow(
      "approvals[0].status: \"maybe\" is not 'pending', 'approved' or 'rejected'.",
    );
  });
});

describe('prioritizeOrders', () => {
  const o = (id: string, extra: Parameters<typeof order>[0] = {}): OrderDraft => order({ id, ...extra });

  it('orders by tier, then ship-by, expedited, value, age, priority, then id', () => {
    const orders = [
      o('a', { customer: { tier: 'silver' }, fulfillment: { shipBy: '2026-11-25' } }),
      o('b', { customer: { tier: 'gold' }, fulfillment: { shipBy: '2026-11-26' } }),
      o('c', { customer: { tier: 'gold' }, fulfillment: { shipBy: '2026-11-24' } }),
      o('d', { customer: { tier: 'bronze' }, fulfillment: { shipBy: '2026-11-20' } }), // unranked: last
      o('e', { customer: { tier: 'gold' }, fulfillment: { shipBy: '2026-11-24', expedited: true } }),
      o('f', { customer: { tier: 'gold' } }), // no ship-by: after gold orders with one
    ];
    const queue = prioritizeOrders(orders, [
      { by: 'customer_tier', ranks: ['platinum', 'gold', 'silver'] },
      { by: 'ship_by' },
      { by: 'expedited' },
    ]);
    expect(queue.map((p) => p.order.id)).toEqual(['e', 'c', 'b', 'f', 'a', 'd']);
    expect(queue.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(queue[0]?.keys).toEqual([
      { by: 'customer_tier', value: 'gold' },
      { by: 'ship_by', value: '2026-11-24' },
      { by: 'expedited', value: true },
    ]);
  });

  it('value (largest first, exact minor units), age (oldest first), priority (urgent first), id last', () => {
    const orders = [
      o('x', { lines: [line('l1', 'MUG', 1, '10.01')], timestamps: { orderedAt: '2026-11-23T10:00:00Z' } }),
      o('y', { lines: [line('l1', 'MUG', 1, '10.00')], timestamps: { orderedAt: '2026-11-23T09:00:00Z' } }),
      o('z', { lines: [line('l1', 'MUG', 1, '10.00')], timestamps: { orderedAt: '2026-11-23T04:30:00-05:00' } }),
      o('w', {
        lines: [line('l1', 'MUG', 1, '10.00')],
        timestamps: { orderedAt: '2026-11-23T09:30:00Z' },
        priority: 'urgent',
      }),
    ];
    expect(prioritizeOrders(orders, [{ by: 'value' }, { by: 'age' }]).map((p) => p.order.id)).toEqual([
      'x',
      'y',
      'w',
      'z',
    ]);
    expect(
      prioritizeOrders(orders, [{ by: 'priority' }, { by: 'value', direction: 'asc' }]).map((p) => p.order.id),
    ).toEqual(['w', 'y', 'z', 'x']);
    expect(prioritizeOrders(orders, []).map((p) => p.order.id)).toEqual(['w', 'x', 'y', 'z']);
  });

  it('typed errors: mixed currencies, duplicate ids, bad criteria, unreadable orders', () => {
    const eur = o('e', {
      currency: 'EUR',
      lines: [{ ...line('l1', 'MUG', 1, '1'), total: money('1', 'EUR') }],
      shipping: { net: money('0', 'EUR'), tax: money('0', 'EUR') },
    });
    expect(() => prioritizeOrders([o('a'), eur], [{ by: 'value' }])).toThrow(
      expect.objectContaining({ code: 'currency_mismatch' }),
    );
    expect(() => prioritizeOrders([o('a'), eur], [{ by: 'age' }])).not.toThrow();
    expect(() => prioritizeOrders([o('a'), o('a')], [])).toThrow(
      expect.objectContaining({ code: 'duplicate_order_id' }),
    );
    expect(() => prioritizeOrders([o('a')], [{ by: 'size' } as never])).toThrow(
      expect.objectContaining({ code: 'invalid_rules' }),
    );
    expect(() => prioritizeOrders([o('a', { fulfillment: { shipBy: 'soon' } })], [{ by: 'ship_by' }])).toThrow(
      'orders[0].fulfillment.shipBy: "soon" is not a real \'YYYY-MM-DD\' date.',
    );
    expect(() => prioritizeOrders([null as unknown as OrderDraft], [])).toThrow(OrderPolicyError);
  });
});
