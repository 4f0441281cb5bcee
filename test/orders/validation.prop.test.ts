import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromMinor } from '../../src/money/index.js';
import {
  type ApprovalRule,
  ORDER_VALIDATION_ISSUE_CODES,
  type OrderDraft,
  type OrderValidationContext,
  type PriorityCriterion,
  prioritizeOrders,
  routeApproval,
  validateOrder,
  validateOrders,
} from '../../src/orders/index.js';
import { line, order, usd } from './validationFixtures.js';

const SKUS = ['MUG', 'EGG', 'OLD', 'OFF', 'NOPE'];
const TIERS = ['platinum', 'gold', 'silver', 'bronze'];
const day = (n: number): string => new Date(Date.UTC(2026, 10, 16) + n * 86_400_000).toISOString().slice(0, 10);

const context: OrderValidationContext = {
  catalogue: {
    MUG: { active: true, leadTimeDays: 1 },
    EGG: { active: true, minQuantity: 6, quantityMultiple: 6 },
    OLD: { active: true, discontinued: true },
    OFF: { active: false },
  },
  credit: {
    a: { limit: usd('300'), openReceivables: usd('100'), openOrders: usd('0') },
    b: { limit: usd('150'), openReceivables: usd('0'), openOrders: usd('50') },
  },
  delivery: { cutoff: { time: '14:00', utcOffset: '-05:00' }, transitDays: { ground: 2 }, holidays: ['2026-11-26'] },
};

const orderArb: fc.Arbitrary<OrderDraft> = fc
  .record({
    id: fc.stringMatching(/^o-[0-9a-z]{1,4}$/),
    account: fc.constantFrom('a', 'b', 'c'),
    net: fc.boolean(),
    lines: fc.array(
      fc.record({
        sku: fc.constantFrom(...SKUS),
        quantity: fc.integer({ min: 1, max: 20 }),
        cents: fc.integer({ min: 1, max: 9_000 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    requested: fc.option(fc.integer({ min: 0, max: 21 }), { nil: undefined }),
    shipBy: fc.option(fc.integer({ min: 0, max: 21 }), { nil: undefined }),
    expedited: fc.option(fc.boolean(), { nil: undefined }),
    tier: fc.option(fc.constantFrom(...TIERS), { nil: undefined }),
    priority: fc.constantFrom('low', 'normal', 'high', 'urgent' as const),
    minute: fc.integer({ min: 0, max: 14 * 24 * 60 }),
    riskScore: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  })
  .map((r) =>
    order({
      id: r.id,
      priority: r.priority,
      lines: r.lines.map((l, i) => line(`l${i}`, l.sku, l.quantity, (l.cents / 100).toFixed(2))),
      customer: {
        accountId: r.account,
        ...(r.tier === undefined ? {} : { tier: r.tier }),
        ...(r.riskScore === undefined ? {} : { riskScore: r.riskScore }),
      },
      terms: { paymentTerms: r.net ? { kind: 'net', days: 30 } : { kind: 'prepaid' }, creditApproved: false },
      fulfillment: {
        shippingMethod: 'ground',
        ...(r.requested === undefined ? {} : { requestedDeliveryDate: day(r.requested) }),
        ...(r.shipBy === undefined ? {} : { shipBy: day(r.shipBy) }),
        ...(r.expedited === undefined ? {} : { expedited: r.expedited }),
      },
      timestamps: { orderedAt: new Date(Date.UTC(2026, 10, 16) + r.minute * 60_000).toISOString() },
    }),
  );

const uniqueOrders = fc.uniqueArray(orderArb, { selector: (o) => o.id, maxLength: 12 });

describe('validateOrders', () => {
  it('without credit accumulation equals validateOrder on each order', () => {
    fc.assert(
      fc.property(
        fc.array(orderArb, { maxLength: 12 }),
        fc.option(fc.integer({ min: 0, max: 20 * 1440 }), { nil: undefined }),
        (orders, minute) => {
          const options =
            minute === undefined ? {} : { now: new Date(Date.UTC(2026, 10, 16) + minute * 60_000).toISOString() };
          const batch = validateOrders(orders, context, { ...options, accumulateCredit: false });
          expect(batch.reports).toEqual(orders.map((o) => validateOrder(o, context, options)));
          const s = batch.summary;
          expect(s.accept + s.review + s.reject).toBe(orders.length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('with accumulation, an order is never better off than alone, and the first order of each account is unaffected', () => {
    fc.assert(
      fc.property(fc.array(orderArb, { maxLength: 12 }), (orders) => {
        const alone = validateOrders(orders, context, { accumulateCredit: false }).reports;
        const together = validateOrders(orders, context).reports;
        const rank = { accept: 0, review: 1, reject: 2 } as const;
        const seen = new Set<string>();
        orders.forEach((o, i) => {
          const a = alone[i];
          const t = together[i];
          if (a === undefined || t === undefined) throw new Error('missing report');
          expect(rank[t.decision]).toBeGreaterThanOrEqual(rank[a.decision]);
          if (!seen.has(o.customer.accountId)) expect(t).toEqual(a);
          seen.add(o.customer.accountId);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('credit: exceeded exactly when receivables + open orders + grand total > limit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 50_000 }),
        (limit, open, cents) => {
          const o = order({
            lines: [line('l1', 'MUG', 1, (cents / 100).toFixed(2))],
            shipping: { net: usd('0'), tax: usd('0') },
            terms: { paymentTerms: { kind: 'net', days: 30 }, creditApproved: false },
          });
          const credit = {
            'c-1': { limit: fromMinor(limit, 'USD'), openReceivables: fromMinor(open, 'USD'), openOrders: usd('0') },
          };
          const exceeded = validateOrder(o, { credit }).issues.some((i) => i.code === 'credit_limit_exceeded');
          expect(exceeded).toBe(open + cents > limit);
        },
      ),
    );
  });

  it('never throws on any order value, and reports only known codes', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }),
        (value) => {
          const r = validateOrder(value as OrderDraft, context, { now: '2026-11-23T10:00:00Z' });
          for (const issue of r.issues) expect(ORDER_VALIDATION_ISSUE_CODES).toContain(issue.code);
          expect(r.decision).toBe('reject');
        },
      ),
    );
  });

  it('never throws on orders with one field replaced by anything', () => {
    const paths = ['lines', 'customer', 'fulfillment', 'shipping', 'terms', 'currency', 'id', 'timestamps'] as const;
    fc.assert(
      fc.property(orderArb, fc.constantFrom(...paths), fc.anything({ withNullPrototype: true }), (o, path, value) => {
        const broken = { ...o, [path]: value } as unknown as OrderDraft;
        const r = validateOrder(broken, context, { now: '2026-11-23T10:00:00Z' });
        for (const issue of r.issues) expect(ORDER_VALIDATION_ISSUE_CODES).toContain(issue.code);
      }),
    );
  });
});

const criteriaArb: fc.Arbitrary<PriorityCriterion[]> = fc.array(
  fc.oneof(
    fc.constant<PriorityCriterion>({ by: 'customer_tier', ranks: ['platinum', 'gold', 'silver'] }),
    fc.constantFrom<PriorityCriterion>(
      { by: 'ship_by' },
      { by: 'ship_by', direction: 'desc' },
      { by: 'requested_delivery' },
      { by: 'expedited' },
      { by: 'value' },
      { by: 'value', direction: 'asc' },
      { by: 'age' },
      { by: 'age', direction: 'desc' },
      { by: 'priority' },
    ),
  ),
  { maxLength: 5 },
);

describe('prioritizeOrders', () => {
  it('returns a permutation of the input, ranked 1..n', () => {
    fc.assert(
      fc.property(uniqueOrders, criteriaArb, (orders, criteria) => {
        const queue = prioritizeOrders(orders, criteria);
        expect(queue.map((p) => p.rank)).toEqual(orders.map((_, i) => i + 1));
        expect(new Set(queue.map((p) => p.order))).toEqual(new Set(orders));
        expect(queue).toHaveLength(orders.length);
      }),
    );
  });

  it('does not depend on the input order', () => {
    fc.assert(
      fc.property(
        uniqueOrders.chain((orders) =>
          fc.tuple(
            fc.constant(orders),
            fc.shuffledSubarray(orders, { minLength: orders.length, maxLength: orders.length }),
          ),
        ),
        criteriaArb,
        ([orders, shuffled], criteria) => {
          const ids = (xs: readonly OrderDraft[]) => prioritizeOrders(xs, criteria).map((p) => p.order.id);
          expect(ids(shuffled)).toEqual(ids(orders));
        },
      ),
    );
  });

  it('respects the first criterion: tier ranks never decrease, missing tiers last', () => {
    fc.assert(
      fc.property(uniqueOrders, criteriaArb, (orders, rest) => {
        const ranks = ['platinum', 'gold', 'silver'];
        const queue = prioritizeOrders(orders, [{ by: 'customer_tier', ranks }, ...rest]);
        const position = queue.map((p) => {
          const i = ranks.indexOf(p.order.customer.tier ?? '');
          return i < 0 ? ranks.length : i;
        });
        expect(position).toEqual([...position].sort((a, b) => a - b));
      }),
    );
  });

  it('the id breaks the last ties: with no criteria the queue is sorted by id', () => {
    fc.assert(
      fc.property(uniqueOrders, (orders) => {
        const ids = prioritizeOrders(orders, []).map((p) => p.order.id);
        expect(ids).toEqual(orders.map((o) => o.id).sort());
      }),
    );
  });
});

describe('routeApproval', () => {
  const rules: ApprovalRule[] = [
    { id: 'big', queue: 'credit', reason: 'big', when: { kind: 'order_value', op: 'gte', amount: usd('100') } },
    { id: 'risk', queue: 'credit', reason: 'risk', when: { kind: 'risk_score', atLeast: 60, whenMissing: false } },
    { id: 'eggs', queue: 'compliance', reason: 'eggs', when: { kind: 'category', categories: ['food'] } },
    {
      id: 'terms',
      queue: 'finance',
      reason: 'terms',
      when: { kind: 'not', condition: { kind: 'payment_terms', kinds: ['prepaid'] } },
    },
  ];
  const approvalContext = { catalogue: { EGG: { category: 'food' } } };

  it('does not depend on the order of the rules, and gives one step per queue sorted by queue', () => {
    fc.assert(
      fc.property(orderArb, fc.shuffledSubarray(rules), (o, subset) => {
        const routing = routeApproval(o, subset, approvalContext);
        const reversed = routeApproval(o, [...subset].reverse(), approvalContext);
        expect(reversed).toEqual(routing);
        const queues = routing.steps.map((s) => s.queue);
        expect(queues).toEqual([...new Set(queues)].sort());
        expect(routing.decision === 'auto_approve').toBe(routing.steps.length === 0);
      }),
    );
  });
});
