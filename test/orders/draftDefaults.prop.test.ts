// Leaving out what createOrder defaults is the same as writing the defaults out, for any draft.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOrder } from '../../src/orders/createOrder.js';
import { replay } from '../../src/orders/replay.js';
import type { OrderDraft } from '../../src/orders/types.js';
import { orderDraftArbitrary } from '../../src/testing/index.js';

const NOW = '2026-11-22T10:00:00Z';
const OPTIONS = { now: NOW, actor: { kind: 'system', id: 'oms' } } as const;

describe('createOrder defaults (property)', () => {
  it('a draft without priority, shipping, fulfillment and timestamps creates the order its written-out defaults create', () => {
    fc.assert(
      fc.property(orderDraftArbitrary({ now: NOW }), (generated) => {
        const { priority, shipping, fulfillment, timestamps, ...minimal } = generated;
        const zero = { amount: 0, currency: generated.currency };
        const explicit: OrderDraft = {
          ...minimal,
          priority: 'normal',
          shipping: { net: zero, tax: zero },
          fulfillment: {},
          timestamps: { orderedAt: NOW },
        };
        const a = createOrder(minimal, OPTIONS);
        const b = createOrder(explicit, OPTIONS);
        expect(a.ok && b.ok).toBe(true);
        if (!a.ok || !b.ok) return;
        expect(a.value).toEqual(b.value);
        const rebuilt = replay(a.value.order.history);
        expect(rebuilt.ok && rebuilt.value).toEqual(a.value.order);
        // Each field given on its own is kept as given.
        const kept = createOrder({ ...minimal, ...(priority === undefined ? {} : { priority }) }, OPTIONS);
        expect(kept.ok && kept.value.order.priority).toBe(priority ?? 'normal');
        const withShipping = createOrder({ ...minimal, ...(shipping === undefined ? {} : { shipping }) }, OPTIONS);
        expect(withShipping.ok && withShipping.value.order.shipping).toEqual(shipping ?? { net: zero, tax: zero });
        const withFulfillment = createOrder(
          { ...minimal, ...(fulfillment === undefined ? {} : { fulfillment }) },
          OPTIONS,
        );
        expect(withFulfillment.ok && withFulfillment.value.order.fulfillment).toEqual(fulfillment ?? {});
        expect(timestamps?.orderedAt).toBe(NOW);
      }),
      { numRuns: 60 },
    );
  });
});
