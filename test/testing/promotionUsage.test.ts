// The promotion usage kit must pass the in-memory reference and fail on stores that break the
// port's contract: each broken store below breaks one promise, and the case guarding it rejects.
import { describe, expect, it } from 'vitest';
import { AdapterError, createInMemoryPromotionUsageStore, type PromotionUsageStore } from '../../src/adapters/index.js';
import type { UsageIntent } from '../../src/pricing/index.js';
import { promotionUsageConformance } from '../../src/testing/index.js';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function wrap(inner: PromotionUsageStore): PromotionUsageStore {
  return {
    setLimits: (l) => inner.setLimits(l),
    limits: (p) => inner.limits(p),
    reserve: (r) => inner.reserve(r),
    commit: (id) => inner.commit(id),
    release: (id) => inner.release(id),
    reservation: (id) => inner.reservation(id),
    usage: (p, q) => inner.usage(p, q),
  };
}

/**
 * Checks the limits on a dry run, yields, then writes into a store without limits: the
 * read-modify-write race (SELECT the counts, then INSERT, in separate statements without a lock).
 */
function racyStore(): PromotionUsageStore {
  const checker = createInMemoryPromotionUsageStore();
  const writer = createInMemoryPromotionUsageStore();
  return {
    ...wrap(writer),
    setLimits: async (l) => checker.setLimitsSync(l),
    limits: (p) => checker.limits(p),
    reserve: async (request) => {
      const existing = await writer.reservation(request.key);
      if (existing !== undefined) return writer.reserveSync(request);
      // Dry run: a throwaway copy of the checker with the current counts.
      const verdict = checker.reserveSync({ ...request, key: `${request.key}?dry` });
      if (!verdict.ok) return verdict;
      checker.releaseSync(`${request.key}?dry`);
      await tick();
      const r = writer.reserveSync(request);
      if (r.ok && !r.value.replayed) checker.reserveSync({ ...request, key: `${request.key}!` }); // now count it
      return r;
    },
    release: async (id) => {
      const r = writer.releaseSync(id);
      if (r.ok && !r.value.replayed) checker.releaseSync(`${id}!`);
      return r;
    },
  };
}

/** Ignores the per-customer limit. */
function noCustomerLimit(): PromotionUsageStore {
  const inner = createInMemoryPromotionUsageStore();
  return {
    ...wrap(inner),
    setLimits: (l) => {
      const { maxUsesPerCustomer: _dropped, ...rest } = l;
      return inner.setLimits(rest);
    },
    limits: async (p) => {
      const l = await inner.limits(p);
      return l?.promotionId === 'p-1' ? { ...l, maxUsesPerCustomer: 2 } : l;
    },
  };
}

/** Forgets keys: a retry reserves again under a fresh id. */
function forgetfulStore(): PromotionUsageStore {
  const inner = createInMemoryPromotionUsageStore();
  let n = 0;
  return {
    ...wrap(inner),
    reserve: (r) => {
      n += 1;
      return inner.reserve({ ...r, key: `${r.key}~${n}` });
    },
  };
}

/** Releasing twice gives the uses back twice (a decrement that is not conditional on the status). */
function doubleRelease(): PromotionUsageStore {
  const inner = createInMemoryPromotionUsageStore();
  const intents = new Map<string, readonly UsageIntent[]>();
  let extra = 0;
  return {
    ...wrap(inner),
    reserve: async (r) => {
      const out = await inner.reserve(r);
      if (out.ok) intents.set(out.value.reservationId, r.intents);
      return out;
    },
    release: async (id) => {
      const out = await inner.release(id);
      if (out.ok && out.value.replayed) {
        // Put phantom negative uses in: reserve-and-release is not possible, so fake it via usage().
        extra += intents.get(id)?.length ?? 0;
      }
      return out.ok ? { ok: true, value: { ...out.value, replayed: false } } : out;
    },
    usage: async (p, q) => {
      const u = await inner.usage(p, q);
      return p === 'p-1' ? { ...u, uses: u.uses - extra } : u;
    },
  };
}

/** Commits a released reservation. */
function commitsReleased(): PromotionUsageStore {
  const inner = createInMemoryPromotionUsageStore();
  return {
    ...wrap(inner),
    commit: async (id) => {
      const r = await inner.commit(id);
      return !r.ok && r.error.code === 'reservation_not_active'
        ? { ok: true, value: { reservationId: id, status: 'committed', replayed: false } }
        : r;
    },
  };
}

/** Refuses with the wrong limit name. */
function misnamedLimits(): PromotionUsageStore {
  const inner = createInMemoryPromotionUsageStore();
  return {
    ...wrap(inner),
    reserve: async (r) => {
      const out = await inner.reserve(r);
      return !out.ok && out.error.code === 'limit_exceeded'
        ? {
            ok: false,
            error: new AdapterError('limit_exceeded', out.error.message, { ...out.error.details, limit: 'uses' }),
          }
        : out;
    },
  };
}

function caseOf(store: () => PromotionUsageStore, name: RegExp) {
  const found = promotionUsageConformance(store, { seed: 7, numRuns: 40 }).find((c) => name.test(c.name));
  if (found === undefined) throw new Error(`no case ${name}`);
  return found;
}

describe('promotionUsageConformance', () => {
  it('the in-memory reference passes every case', async () => {
    const cases = promotionUsageConformance(() => createInMemoryPromotionUsageStore(), { numRuns: 20 });
    expect(cases).toHaveLength(5);
    for (const c of cases) await c.run();
  });

  it('catches the check-yield-write race: concurrent reservations exceed a limit', async () => {
    await expect(caseOf(racyStore, /concurrent/).run()).rejects.toThrow(/above its (limit|budget)|above \d/);
  });

  it('catches a store that ignores a limit', async () => {
    await expect(caseOf(noCustomerLimit, /each limit/).run()).rejects.toThrow(/expected limit_exceeded/);
  });

  it('catches a store that forgets idempotency keys', async () => {
    await expect(caseOf(forgetfulStore, /idempotent/).run()).rejects.toThrow(/replay/);
    await expect(caseOf(forgetfulStore, /concurrent/).run()).rejects.toThrow(/PromotionUsageStore conformance/);
  });

  it('catches a release that gives uses back twice', async () => {
    await expect(caseOf(doubleRelease, /idempotent/).run()).rejects.toThrow(/release twice/);
  });

  it('catches a commit of a released reservation', async () => {
    await expect(caseOf(commitsReleased, /idempotent/).run()).rejects.toThrow(/commit after release/);
  });

  it('catches a refusal that names the wrong limit', async () => {
    await expect(caseOf(misnamedLimits, /each limit/).run()).rejects.toThrow(/refused for "uses"/);
  });
});
