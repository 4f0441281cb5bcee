import { describe, expect, it } from 'vitest';
import { createInMemoryOrderRepository } from '../../src/adapters/index.js';
import { money } from '../../src/money/index.js';
import { createOrder, type HistoryEntry, type Order } from '../../src/orders/index.js';
import { orderRepositoryConformance } from '../../src/testing/index.js';

const usd = (a: string) => money(a, 'USD');

function order(id: string, orderedAt = '2026-11-22T10:00:00Z', accountId = 'c-1'): Order {
  const created = createOrder(
    {
      id,
      type: 'stock',
      currency: 'USD',
      channel: 'web',
      priority: 'normal',
      customer: { accountId, deliveryAddress: { line1: '1 Main St', city: 'Springfield', country: 'US' } },
      lines: [
        {
          id: 'l1',
          sku: 'MUG',
          description: 'Mug',
          quantity: 1,
          unitPrice: usd('8.50'),
          subtotal: usd('8.50'),
          discounts: [],
          discountTotal: usd('0'),
          net: usd('8.50'),
          tax: usd('0'),
          total: usd('8.50'),
        },
      ],
      shipping: { net: usd('0'), tax: usd('0') },
      fulfillment: {},
      terms: { paymentTerms: { kind: 'prepaid' }, creditApproved: false },
      timestamps: { orderedAt },
    },
    { now: orderedAt, actor: { kind: 'customer', id: accountId } },
  );
  if (!created.ok) throw created.error;
  return created.value.order;
}

function next(o: Order, state = o.state): Order {
  const entry: HistoryEntry = {
    seq: o.history.length + 1,
    event: { type: 'confirm' },
    machine: 'order',
    from: o.state,
    to: state,
    actor: { kind: 'user', id: 'agent' },
    at: o.timestamps.orderedAt,
  };
  return { ...o, version: o.version + 1, state, history: [...o.history, entry] };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('createInMemoryOrderRepository', () => {
  it('passes its conformance kit', async () => {
    for (const c of orderRepositoryConformance(() => createInMemoryOrderRepository(), { numRuns: 15 })) await c.run();
  });

  it('stores deep-frozen orders without touching them, and saves history as appended rows', () => {
    const repo = createInMemoryOrderRepository();
    const o1 = deepFreeze(order('o-1'));
    expect(repo.createSync(o1)).toEqual({ ok: true, value: { orderId: 'o-1', version: 1, historyAppended: 1 } });
    const o3 = deepFreeze(next(next(o1, 'confirmed')));
    expect(repo.saveSync(o3, 1)).toEqual({ ok: true, value: { orderId: 'o-1', version: 3, historyAppended: 2 } });
    // The entries already stored are never rewritten: a save that changes one keeps the stored one.
    const edited = next({
      ...o3,
      history: [{ ...(o3.history[0] as HistoryEntry), reason: 'rewritten' }, ...o3.history.slice(1)],
    });
    expect(repo.saveSync(edited, 3).ok).toBe(true);
    const loaded = repo.loadSync('o-1');
    expect(loaded.ok && loaded.value.history.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(loaded.ok && loaded.value.history[0]?.reason).toBeUndefined();
  });

  it('refuses malformed orders and arguments with typed errors naming the field', async () => {
    const repo = createInMemoryOrderRepository();
    const field = (r: { ok: boolean; error?: { code: string; details: Record<string, unknown> } }) =>
      r.ok ? 'ok' : `${r.error?.code}:${String(r.error?.details['field'])}`;
    const good = order('o-1');
    expect(field(repo.createSync(null as never))).toBe('invalid_request:order');
    expect(field(repo.createSync({ ...good, id: '' }))).toBe('invalid_request:id');
    expect(field(repo.createSync({ ...good, version: -1 }))).toBe('invalid_request:version');
    expect(field(repo.createSync({ ...good, version: Number.NaN }))).toBe('invalid_request:version');
    expect(field(repo.createSync({ ...good, customer: {} as never }))).toBe('invalid_request:customer.accountId');
    expect(field(repo.createSync({ ...good, timestamps: { orderedAt: '2026-11-22 10:00' } }))).toBe(
      'invalid_request:timestamps.orderedAt',
    );
    expect(field(repo.createSync({ ...good, history: 'x' as never }))).toBe('invalid_request:history');
    expect(field(repo.createSync({ ...good, history: [{ ...(good.history[0] as HistoryEntry), seq: 2 }] }))).toBe(
      'invalid_request:history[0].seq',
    );
    expect(field(repo.createSync({ ...good, metadata: { n: 1n } as never }))).toBe('invalid_request:order');
    expect(field(repo.loadSync(5 as never))).toBe('invalid_request:orderId');
    expect(repo.querySync().orders).toEqual([]); // nothing was stored by the refusals
    repo.createSync(good);
    expect(field(repo.saveSync(next(good), -1))).toBe('invalid_request:expectedVersion');
    await expect(repo.query({ limit: 0 })).rejects.toMatchObject({
      code: 'invalid_request',
      details: { field: 'query.limit' },
    });
    await expect(repo.query({ states: 'placed' as never })).rejects.toMatchObject({
      details: { field: 'query.states' },
    });
    await expect(repo.query({ placedFrom: 'yesterday' })).rejects.toMatchObject({
      details: { field: 'query.placedFrom' },
    });
    await expect(repo.query({ cursor: 'garbage' })).rejects.toMatchObject({ details: { field: 'cursor' } });
    await expect(repo.history('o-1', { afterSeq: -1 })).rejects.toMatchObject({ details: { field: 'page.afterSeq' } });
  });

  it('orders queries by instant (not string), then id, and pages with a cursor', () => {
    const repo = createInMemoryOrderRepository();
    // 09:30-02:00 is 11:30Z: its string sorts first but its instant last.
    for (const [id, at] of [
      ['b', '2026-11-22T10:00:00Z'],
      ['a', '2026-11-22T11:00:00+01:00'],
      ['c', '2026-11-22T09:30:00-02:00'],
      ['d', '2026-11-21T12:00:00Z'],
    ] as const)
      repo.createSync(order(id, at, id === 'd' ? 'c-2' : 'c-1'));
    const first = repo.querySync({ limit: 2 });
    expect(first.orders.map((o) => o.id)).toEqual(['d', 'a']);
    const second = repo.querySync({ limit: 2, cursor: first.nextCursor as string });
    expect(second.orders.map((o) => o.id)).toEqual(['b', 'c']);
    expect(second.nextCursor).toBeUndefined();
    expect(
      repo
        .querySync({ customerId: 'c-1', placedFrom: '2026-11-22T10:00:00Z', placedBefore: '2026-11-22T11:30:00Z' })
        .orders.map((o) => o.id),
    ).toEqual(['a', 'b']);
  });
});
