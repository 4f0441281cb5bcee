// The conformance kit must fail on stores that break the port's contract: a kit that passes
// everything proves nothing. Each broken store below wraps the in-memory reference and breaks one
// promise; the kit's case that guards that promise must reject, naming the violation.
import { describe, expect, it } from 'vitest';
import { createInMemoryInventoryStore, type InventoryStore } from '../../src/adapters/index.js';
import { applyIntent, type InventoryIntent, type InventoryState } from '../../src/inventory/index.js';
import { INVENTORY_CONFORMANCE_OPERATIONS, inventoryStoreConformance } from '../../src/testing/index.js';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Checks the preconditions, yields, then writes without checking again: the read-modify-write race. */
function racyStore(): InventoryStore {
  const inner = createInMemoryInventoryStore();
  return {
    load: (query) => inner.load(query),
    ledger: (page) => inner.ledger(page),
    apply: async (intent) => {
      const verdict = applyIntent(inner.loadSync(), intent);
      if (!verdict.ok) return verdict;
      if (verdict.value.replayed) return { ok: true, value: { replayed: true, entries: 0 } };
      await tick(); // e.g. a SELECT, then an UPDATE in another statement without a lock
      return inner.applySync({ ...intent, preconditions: [] });
    },
  };
}

/** Appends whatever it is given: preconditions ignored. */
function uncheckedStore(): InventoryStore {
  const inner = createInMemoryInventoryStore();
  return { ...wrap(inner), apply: (intent) => inner.apply({ ...intent, preconditions: [] }) };
}

function wrap(inner: InventoryStore): InventoryStore {
  return { load: (q) => inner.load(q), ledger: (p) => inner.ledger(p), apply: (i) => inner.apply(i) };
}

/** Forgets idempotency keys: a replay is written again (under fresh entry ids). */
function forgetfulStore(): InventoryStore {
  const inner = createInMemoryInventoryStore();
  let n = 0;
  return {
    ...wrap(inner),
    apply: (intent) => {
      n += 1;
      const key = `${intent.key}~${n}`;
      return inner.apply({
        ...intent,
        key,
        entries: intent.entries.map((e, i) => ({ ...e, id: `${key}#${i}`, operation: key })),
        preconditions: intent.preconditions.filter((p) => p.kind !== 'operation_absent'),
      });
    },
  };
}

/** Loses the last entry of every multi-entry intent from its ledger (a batch insert that drops a row). */
function lossyStore(): InventoryStore {
  const inner = createInMemoryInventoryStore();
  const dropped = new Set<string>();
  return {
    ...wrap(inner),
    apply: async (intent) => {
      const r = await inner.apply(intent);
      if (r.ok && !r.value.replayed && intent.entries.length > 1) dropped.add(intent.entries.at(-1)?.id ?? '');
      return r;
    },
    ledger: async (page) => (await inner.ledger(page)).filter((e) => !dropped.has(e.id)),
  };
}

/** Hands out one live object that later applies overwrite. */
function liveStateStore(): InventoryStore {
  const inner = createInMemoryInventoryStore();
  const live = inner.loadSync() as { -readonly [K in keyof InventoryState]: InventoryState[K] };
  return {
    ...wrap(inner),
    load: async () => live,
    apply: async (intent: InventoryIntent) => {
      const r = inner.applySync(intent);
      Object.assign(live, inner.loadSync());
      return r;
    },
  };
}

/** Applies with the semantics right but reports the failed precondition wrongly and leaks holds into load. */
function partialOnlyStore(): InventoryStore {
  const inner = createInMemoryInventoryStore();
  return { ...wrap(inner), load: () => inner.load({ keys: [] }) };
}

function caseOf(store: () => InventoryStore, name: RegExp, options = {}) {
  const found = inventoryStoreConformance(store, { seed: 7, numRuns: 40, ...options }).find((c) => name.test(c.name));
  if (found === undefined) throw new Error(`no case ${name}`);
  return found;
}

describe('inventoryStoreConformance catches broken stores', () => {
  it('returns runner-agnostic cases with names', () => {
    const cases = inventoryStoreConformance(() => createInMemoryInventoryStore());
    expect(cases.map((c) => c.name)).toHaveLength(7);
    expect(new Set(cases.map((c) => c.name)).size).toBe(7);
    for (const c of cases) expect(typeof c.run).toBe('function');
    expect(() => inventoryStoreConformance(() => createInMemoryInventoryStore(), { operations: [] })).toThrow(
      /operations/,
    );
  });

  it('the read-modify-write race (check, yield, write): concurrent clients oversell', async () => {
    await expect(caseOf(racyStore, /concurrent/, { operations: ['reserve', 'receive'] }).run()).rejects.toThrow(
      /oversell/,
    );
  });

  it('the race is also caught with every operation in the mix', async () => {
    await expect(caseOf(racyStore, /concurrent/).run()).rejects.toThrow(/InventoryStore conformance/);
  });

  it('a store that ignores preconditions oversells and disagrees with applyIntent', async () => {
    await expect(caseOf(uncheckedStore, /concurrent/, { operations: ['reserve'] }).run()).rejects.toThrow(/oversell/);
    await expect(caseOf(uncheckedStore, /applyIntent/).run()).rejects.toThrow(/applyIntent says precondition_failed/);
    await expect(caseOf(uncheckedStore, /refused intent/).run()).rejects.toThrow(/precondition_failed/);
  });

  it('a store that forgets idempotency keys writes replays', async () => {
    await expect(caseOf(forgetfulStore, /replayed key/).run()).rejects.toThrow(/replayed: true/);
    await expect(caseOf(forgetfulStore, /concurrent/, { operations: ['receive', 'replay'] }).run()).rejects.toThrow(
      /not a replay|lost update/,
    );
  });

  it('a store whose ledger loses entries is caught by the fold and lost-update checks', async () => {
    await expect(caseOf(lossyStore, /concurrent/).run()).rejects.toThrow(/the ledger holds|foldLedger|lost update/);
    await expect(caseOf(lossyStore, /append order/).run()).rejects.toThrow(/ledger/);
  });

  it('a store that hands out a live state is caught', async () => {
    await expect(caseOf(liveStateStore, /never change/).run()).rejects.toThrow(/changed after later applies/);
  });

  it('a store whose full load is not everything is caught', async () => {
    await expect(caseOf(partialOnlyStore, /round-trips/).run()).rejects.toThrow(/load\(\)/);
  });

  it('the reference store passes every case, with every operation alone too', async () => {
    for (const op of INVENTORY_CONFORMANCE_OPERATIONS)
      await caseOf(() => createInMemoryInventoryStore(), /concurrent/, { operations: [op], numRuns: 5 }).run();
  });

  it('calls dispose once per store', async () => {
    let created = 0;
    let disposed = 0;
    const cases = inventoryStoreConformance(
      () => {
        created += 1;
        return createInMemoryInventoryStore();
      },
      {
        numRuns: 3,
        dispose: () => {
          disposed += 1;
        },
      },
    );
    for (const c of cases) await c.run();
    expect(disposed).toBe(created);
    expect(created).toBeGreaterThanOrEqual(cases.length);
  });
});
