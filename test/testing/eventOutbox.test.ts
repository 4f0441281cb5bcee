// The outbox kit must pass the in-memory reference and fail on outboxes that break the contract.
import { describe, expect, it } from 'vitest';
import { type ClaimedMessage, createInMemoryEventOutbox, type EventOutbox } from '../../src/adapters/index.js';
import { eventOutboxConformance } from '../../src/testing/index.js';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function wrap(inner: EventOutbox): EventOutbox {
  return {
    append: (m) => inner.append(m),
    claim: (r) => inner.claim(r),
    markDelivered: (id, token) => inner.markDelivered(id, token),
  };
}

/** Selects the free messages, yields, then leases them unconditionally: two consumers get one message. */
function racyClaims(): EventOutbox {
  const rows: {
    id: string;
    topic: string;
    payload: unknown;
    attempt: number;
    token?: string;
    until: number;
    done: boolean;
  }[] = [];
  return {
    append: async (messages) => {
      for (const m of messages)
        if (!rows.some((r) => r.id === m.id)) rows.push({ ...m, attempt: 0, until: 0, done: false });
      return { ok: true, value: { appended: messages.length, replayed: 0 } };
    },
    claim: async (request) => {
      const now = Date.parse(request.now);
      const free = rows
        .filter((r) => !r.done && (r.token === undefined || r.until <= now))
        .slice(0, request.limit ?? 100);
      await tick(); // SELECT ... WHERE lease ended; then UPDATE ... SET lease (no FOR UPDATE SKIP LOCKED)
      return free.map((r, position) => {
        r.attempt += 1;
        r.token = `${r.id}#${r.attempt}`;
        r.until = now + request.leaseMs;
        const claimed: ClaimedMessage = {
          id: r.id,
          topic: r.topic,
          payload: r.payload,
          position,
          attempt: r.attempt,
          claimToken: r.token,
          leaseExpiresAt: new Date(r.until).toISOString(),
        };
        return claimed;
      });
    },
    markDelivered: async (id) => {
      const row = rows.find((r) => r.id === id);
      if (row !== undefined) row.done = true;
      return { ok: true, value: { id, replayed: false } };
    },
  };
}

/** Accepts any token: a consumer whose lease ran out still marks the message delivered. */
function anyToken(): EventOutbox {
  const inner = createInMemoryEventOutbox();
  const current = new Map<string, string>();
  return {
    ...wrap(inner),
    claim: async (r) => {
      const out = await inner.claim(r);
      for (const m of out) current.set(m.id, m.claimToken);
      return out;
    },
    markDelivered: (id, token) => inner.markDelivered(id, current.get(id) ?? token),
  };
}

/** Never redelivers: a message whose consumer died stays leased forever. */
function noRedelivery(): EventOutbox {
  const inner = createInMemoryEventOutbox();
  return { ...wrap(inner), claim: (r) => inner.claim({ ...r, leaseMs: 10 * 365 * 86_400_000 }) };
}

function caseOf(outbox: () => EventOutbox, name: RegExp) {
  const found = eventOutboxConformance(outbox, { seed: 7, numRuns: 30 }).find((c) => name.test(c.name));
  if (found === undefined) throw new Error(`no case ${name}`);
  return found;
}

describe('eventOutboxConformance', () => {
  it('the in-memory reference passes every case', async () => {
    const cases = eventOutboxConformance(() => createInMemoryEventOutbox(), { numRuns: 20 });
    expect(cases).toHaveLength(3);
    for (const c of cases) await c.run();
  });

  it('catches claims that are not atomic (select, yield, lease)', async () => {
    await expect(caseOf(racyClaims, /concurrent/).run()).rejects.toThrow(/EventOutbox conformance/);
  });

  it('catches a markDelivered that accepts a stale claim', async () => {
    await expect(caseOf(anyToken, /claims/).run()).rejects.toThrow(/lease_lost/);
  });

  it('catches an outbox that never redelivers', async () => {
    await expect(caseOf(noRedelivery, /claims/).run()).rejects.toThrow(/redelivered|lease/);
  });
});
