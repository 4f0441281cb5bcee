import { describe, expect, it } from 'vitest';
import { createInMemoryEventOutbox } from '../../src/adapters/index.js';
import { eventOutboxConformance } from '../../src/testing/index.js';

const now = '2026-11-22T10:00:00Z';

describe('createInMemoryEventOutbox', () => {
  it('passes its conformance kit', async () => {
    for (const c of eventOutboxConformance(() => createInMemoryEventOutbox(), { numRuns: 15 })) await c.run();
  });

  it('hands out copies of the payload and counts what is pending', () => {
    const outbox = createInMemoryEventOutbox();
    const payload = Object.freeze({ orderId: 'o-1', lines: Object.freeze([1, 2]) });
    expect(outbox.appendSync([Object.freeze({ id: 'm', topic: 't', payload })])).toEqual({
      ok: true,
      value: { appended: 1, replayed: 0 },
    });
    const [m] = outbox.claimSync({ consumer: 'w', now, leaseMs: 1000 });
    expect(m?.payload).toEqual(payload);
    expect(m?.payload).not.toBe(payload);
    expect(outbox.pending()).toBe(1);
    expect(outbox.markDeliveredSync('m', m?.claimToken ?? '').ok).toBe(true);
    expect(outbox.pending()).toBe(0);
  });

  it('refuses malformed input with typed errors naming the field', async () => {
    const outbox = createInMemoryEventOutbox();
    const field = (r: { ok: boolean; error?: { details: Record<string, unknown> } }) =>
      r.ok ? 'ok' : String(r.error?.details['field']);
    expect(field(outbox.appendSync('x' as never))).toBe('messages');
    expect(field(outbox.appendSync([{ id: '', topic: 't', payload: 1 }]))).toBe('messages[0].id');
    expect(field(outbox.appendSync([{ id: 'a', topic: 't', payload: 1n }]))).toBe('messages[0].payload');
    expect(field(outbox.appendSync([{ id: 'a', topic: 't', payload: undefined }]))).toBe('messages[0].payload');
    expect(field(outbox.markDeliveredSync('', 'x'))).toBe('id');
    await expect(outbox.claim({ consumer: 'w', now: 'now', leaseMs: 1 })).rejects.toMatchObject({
      details: { field: 'now' },
    });
    await expect(outbox.claim({ consumer: 'w', now, leaseMs: 0 })).rejects.toMatchObject({
      details: { field: 'leaseMs' },
    });
    await expect(outbox.claim({ consumer: 'w', now, leaseMs: 1, limit: 1001 })).rejects.toMatchObject({
      details: { field: 'limit' },
    });
    await expect(outbox.claim({ consumer: '', now, leaseMs: 1 })).rejects.toMatchObject({
      details: { field: 'consumer' },
    });
    expect(outbox.pending()).toBe(0);
  });
});
