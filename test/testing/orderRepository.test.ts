// The order repository kit must pass the in-memory reference and fail on repositories that break
// the port's contract: each broken repository below wraps the reference and breaks one promise.
import { describe, expect, it } from 'vitest';
import { AdapterError, createInMemoryOrderRepository, type OrderRepository } from '../../src/adapters/index.js';
import type { Order } from '../../src/orders/index.js';
import { orderRepositoryConformance } from '../../src/testing/index.js';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function wrap(inner: OrderRepository): OrderRepository {
  return {
    create: (o) => inner.create(o),
    load: (id) => inner.load(id),
    save: (o, v) => inner.save(o, v),
    query: (q) => inner.query(q),
    history: (id, p) => inner.history(id, p),
  };
}

/** Compares the version, yields, then overwrites: the read-modify-write race (no conditional UPDATE). */
function racyRepository(): OrderRepository {
  const rows = new Map<string, string>();
  const load = (id: string): Order | undefined => {
    const text = rows.get(id);
    return text === undefined ? undefined : (JSON.parse(text) as Order);
  };
  const notFound = { ok: false as const, error: new AdapterError('not_found', 'no such order') };
  return {
    create: async (order) => {
      if (rows.has(order.id)) return { ok: false, error: new AdapterError('already_exists', 'exists') };
      rows.set(order.id, JSON.stringify(order));
      return { ok: true, value: { orderId: order.id, version: order.version, historyAppended: order.history.length } };
    },
    load: async (id) => {
      const order = load(id);
      return order === undefined ? notFound : { ok: true, value: order };
    },
    save: async (order, expected) => {
      const stored = load(order.id);
      if (stored === undefined) return notFound;
      if (stored.version !== expected)
        return {
          ok: false,
          error: new AdapterError('version_conflict', 'conflict', { actualVersion: stored.version }),
        };
      await tick(); // SELECT version ...; then UPDATE orders SET body = $2 WHERE id = $1 (no version in the WHERE)
      rows.set(order.id, JSON.stringify(order));
      return { ok: true, value: { orderId: order.id, version: order.version, historyAppended: 1 } };
    },
    query: async () => ({ orders: [] }),
    history: async (id) => {
      const order = load(id);
      return order === undefined ? notFound : { ok: true, value: order.history };
    },
  };
}

/** Checks existence, yields, then inserts: two concurrent creates both win (the last overwrites). */
function racyCreates(): OrderRepository {
  let inner = createInMemoryOrderRepository();
  const live = (): OrderRepository => inner;
  return {
    ...wrap({
      create: (o) => live().create(o),
      load: (id) => live().load(id),
      save: (o, v) => live().save(o, v),
      query: (q) => live().query(q),
      history: (id, p) => live().history(id, p),
    }),
    create: async (order) => {
      const exists = inner.loadSync(order.id).ok;
      await tick();
      if (exists) return inner.createSync(order);
      const fresh = createInMemoryOrderRepository();
      for (const o of inner.querySync({ limit: 1000 }).orders) if (o.id !== order.id) fresh.createSync(o);
      inner = fresh;
      return inner.createSync(order);
    },
  };
}

/** Sorts by the placed string instead of the instant. */
function stringSortedRepository(): OrderRepository {
  const inner = createInMemoryOrderRepository();
  return {
    ...wrap(inner),
    query: async (q) => {
      const all = inner.querySync({ ...q, limit: 1000, cursor: undefined } as never).orders;
      const sorted = [...all].sort((a, b) =>
        a.timestamps.orderedAt < b.timestamps.orderedAt
          ? -1
          : a.timestamps.orderedAt > b.timestamps.orderedAt
            ? 1
            : a.id < b.id
              ? -1
              : 1,
      );
      const from = q?.cursor === undefined ? 0 : Number(q.cursor);
      const limit = q?.limit ?? 100;
      const page = sorted.slice(from, from + limit);
      return from + limit < sorted.length ? { orders: page, nextCursor: String(from + limit) } : { orders: page };
    },
  };
}

/** Accepts a history that drops entries (an UPDATE of the whole JSON document). */
function historyOverwriting(): OrderRepository {
  const inner = createInMemoryOrderRepository();
  return {
    ...wrap(inner),
    save: async (order, expected) => {
      const r = inner.saveSync(order, expected);
      return !r.ok && r.error.code === 'history_rewritten'
        ? { ok: true, value: { orderId: order.id, version: order.version, historyAppended: 0 } }
        : r;
    },
  };
}

/** Hands out the stored object itself. */
function sharingRepository(): OrderRepository {
  const inner = createInMemoryOrderRepository();
  const objects = new Map<string, unknown>();
  return {
    ...wrap(inner),
    create: async (o) => {
      const r = inner.createSync(o);
      if (r.ok) objects.set(o.id, o);
      return r;
    },
    load: async (id) => {
      const r = inner.loadSync(id);
      return r.ok && objects.has(id) ? { ok: true, value: objects.get(id) as never } : r;
    },
  };
}

function caseOf(repo: () => OrderRepository, name: RegExp) {
  const found = orderRepositoryConformance(repo, { seed: 7, numRuns: 30 }).find((c) => name.test(c.name));
  if (found === undefined) throw new Error(`no case ${name}`);
  return found;
}

describe('orderRepositoryConformance', () => {
  it('the in-memory reference passes every case', async () => {
    const cases = orderRepositoryConformance(() => createInMemoryOrderRepository(), { numRuns: 20 });
    expect(cases).toHaveLength(6);
    expect(new Set(cases.map((c) => c.name)).size).toBe(6);
    for (const c of cases) await c.run();
  });

  it('catches the read-modify-write race on save (a lost update)', async () => {
    await expect(caseOf(racyRepository, /concurrent saves/).run()).rejects.toThrow(/lost update|same version/);
  });

  it('catches check-then-insert creates', async () => {
    await expect(caseOf(racyCreates, /concurrent creates/).run()).rejects.toThrow(
      /concurrent creates of one id succeeded/,
    );
  });

  it('catches ordering by the placed string instead of the instant', async () => {
    await expect(caseOf(stringSortedRepository, /queries/).run()).rejects.toThrow(/paged out/);
  });

  it('catches a save that accepts a rewritten history', async () => {
    await expect(caseOf(historyOverwriting, /history/).run()).rejects.toThrow(/history_rewritten/);
  });

  it('catches a repository that shares its objects with callers', async () => {
    await expect(caseOf(sharingRepository, /round-trips/).run()).rejects.toThrow(/shared with the store/);
  });

  it('reports the seed and counterexample of a randomised failure', async () => {
    await expect(caseOf(stringSortedRepository, /queries/).run()).rejects.toThrow(/fast-check: seed 7/);
  });
});
