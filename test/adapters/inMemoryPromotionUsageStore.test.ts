import { describe, expect, it } from 'vitest';
import { createInMemoryPromotionUsageStore } from '../../src/adapters/index.js';
import { money } from '../../src/money/index.js';
import { promotionUsageConformance } from '../../src/testing/index.js';

const usd = (a: string) => money(a, 'USD');

describe('createInMemoryPromotionUsageStore', () => {
  it('passes its conformance kit', async () => {
    for (const c of promotionUsageConformance(() => createInMemoryPromotionUsageStore(), { numRuns: 15 }))
      await c.run();
  });

  it('checks a request against the uses of the intents before it in the same request', () => {
    const store = createInMemoryPromotionUsageStore();
    store.setLimitsSync({ promotionId: 'p', maxUses: 2, budget: usd('5.00') });
    const two = [
      { promotionId: 'p', amount: usd('2.00') },
      { promotionId: 'p', amount: usd('2.00') },
    ];
    const three = [...two, { promotionId: 'p', amount: usd('0.50') }];
    const refused = store.reserveSync({ key: 'k-3', intents: three });
    expect(refused.ok || refused.error.details).toEqual({
      limit: 'uses',
      promotionId: 'p',
      index: 2,
      maximum: 2,
      used: 2,
      requested: 1,
    });
    expect(store.usageSync('p').uses).toBe(0);
    expect(store.reserveSync({ key: 'k-2', intents: two }).ok).toBe(true);
    store.setLimitsSync({ promotionId: 'p', maxUses: 10, budget: usd('5.00') });
    const broke = store.reserveSync({ key: 'k-4', intents: [{ promotionId: 'p', amount: usd('1.01') }] });
    expect(broke.ok || broke.error.details).toEqual({
      limit: 'budget',
      promotionId: 'p',
      index: 0,
      maximum: 500,
      used: 400,
      requested: 101,
    });
    // Lowering a limit below what is used keeps the reservations and refuses new uses.
    store.setLimitsSync({ promotionId: 'p', maxUses: 1 });
    expect(store.usageSync('p').uses).toBe(2);
    expect(store.reserveSync({ key: 'k-5', intents: [{ promotionId: 'p', amount: usd('0') }] }).ok).toBe(false);
  });

  it('refuses malformed input with typed errors and never mutates it', async () => {
    const store = createInMemoryPromotionUsageStore();
    const field = (r: { ok: boolean; error?: { code: string; details: Record<string, unknown> } }) =>
      r.ok ? 'ok' : `${r.error?.code}:${String(r.error?.details['field'])}`;
    expect(field(store.setLimitsSync({ promotionId: '' }))).toBe('invalid_request:promotionId');
    expect(field(store.setLimitsSync({ promotionId: 'p', maxUses: -1 }))).toBe('invalid_request:maxUses');
    expect(field(store.setLimitsSync({ promotionId: 'p', budget: { amount: 1.5, currency: 'USD' } }))).toBe(
      'invalid_request:budget',
    );
    expect(field(store.reserveSync({ key: '', intents: [] }))).toBe('invalid_request:key');
    expect(field(store.reserveSync({ key: 'k', intents: {} as never }))).toBe('invalid_request:intents');
    expect(field(store.reserveSync({ key: 'k', intents: [{ promotionId: 'p', amount: usd('-1') }] }))).toBe(
      'invalid_request:intents[0].amount',
    );
    expect(
      field(store.reserveSync({ key: 'k', intents: [{ promotionId: 'p', customerId: 7 as never, amount: usd('1') }] })),
    ).toBe('invalid_request:intents[0].customerId');
    expect(field(store.commitSync(null as never))).toBe('invalid_request:reservationId');
    await expect(store.usage('')).rejects.toMatchObject({ code: 'invalid_request' });
    const request = Object.freeze({
      key: 'k',
      intents: Object.freeze([
        Object.freeze({
          promotionId: '__proto__',
          customerId: '__proto__',
          couponCode: '__proto__',
          amount: Object.freeze(usd('1')),
        }),
      ]),
    });
    expect(store.reserveSync(request).ok).toBe(true);
    expect(store.usageSync('__proto__', { customerId: '__proto__', couponCode: '__proto__' })).toEqual({
      promotionId: '__proto__',
      uses: 1,
      committedUses: 0,
      spent: { USD: 100 },
      customerUses: 1,
      couponUses: 1,
    });
  });
});
