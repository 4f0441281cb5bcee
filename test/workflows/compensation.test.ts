import { describe, expect, it } from 'vitest';
import { makeWorld, placeRequest } from './support.js';

// Every step of placeOrder that can fail after an earlier one wrote something: the earlier writes are
// undone, so stock, usage and money are as before (the undo entries stay in the ledger, balanced).
describe('placeOrder compensates the steps before a failure', () => {
  const request = placeRequest({ couponCodes: ['WELCOME10'] });

  async function expectNothingHeld(w: ReturnType<typeof makeWorld>) {
    expect(w.available('MUG', 'dc')).toMatchObject({ onHand: 10, reserved: 0, allocated: 0, available: 10 });
    expect(w.available('TEE', 'dc')).toMatchObject({ onHand: 5, reserved: 0, available: 5 });
    const usage = await w.raw.promotions.usage('welcome10');
    expect(usage.uses).toBe(0);
    expect((await w.raw.orders.query()).orders).toEqual([]);
    expect(w.raw.outbox.pending()).toBe(0);
  }

  it('the stock step fails (the store is down): nothing was held, nothing to undo', async () => {
    const w = makeWorld();
    w.failures.set('inventory.apply', { after: 0, mode: 'throw' });
    const r = await w.service.placeOrder(request);
    expect(r.ok || [r.error.code, r.error.details['step']]).toEqual(['adapter_failed', 'inventory.apply']);
    await expectNothingHeld(w);
    expect(await w.raw.inventory.ledger()).toHaveLength(4);
  });

  it('the usage step fails: the holds are released', async () => {
    const w = makeWorld();
    w.failures.set('promotions.reserve', { after: 0, mode: 'throw' });
    const r = await w.service.placeOrder(request);
    expect(r.ok || [r.error.code, r.error.details['step']]).toEqual(['adapter_failed', 'promotions.reserve']);
    await expectNothingHeld(w);
    const kinds = (await w.raw.inventory.ledger()).slice(4).map((e) => [e.kind, e.quantity]);
    expect(kinds).toEqual([
      ['reservation', 2],
      ['reservation', 1],
      ['release', -2],
      ['release', -1],
    ]);
  });

  it('a promotion limit is reached: promotion_limit_reached, the holds are released', async () => {
    const w = makeWorld();
    await w.raw.promotions.setLimits({ promotionId: 'welcome10', maxUses: 0 });
    const r = await w.service.placeOrder(request);
    expect(r.ok || r.error.code).toBe('promotion_limit_reached');
    await expectNothingHeld(w);
  });

  it('the payment is declined: payment_declined, usage and holds are released', async () => {
    const w = makeWorld({ declines: { tok_declined: 'card_declined' } });
    const r = await w.service.placeOrder({ ...request, payment: { method: 'tok_declined' } });
    expect(
      r.ok || [r.error.code, (r.error.details['cause'] as { details: { reason: string } }).details.reason],
    ).toEqual(['payment_declined', 'card_declined']);
    await expectNothingHeld(w);
    expect(await w.raw.promotions.reservation('checkout-1/usage')).toMatchObject({ status: 'released' });
  });

  it('saving the order fails: the authorisation is voided, usage and holds released', async () => {
    const w = makeWorld();
    w.failures.set('orders.create', { after: 0, mode: 'throw' });
    const r = await w.service.placeOrder(request);
    expect(r.ok || [r.error.code, r.error.details['step']]).toEqual(['adapter_failed', 'orders.create']);
    await expectNothingHeld(w);
    const voided = w.writes.filter((x) => x === 'payments.void');
    expect(voided).toHaveLength(1);
  });

  it('a retry of a compensated attempt is refused (the key is spent); a new key places the order', async () => {
    const w = makeWorld();
    w.failures.set('orders.create', { after: 0, mode: 'throw' });
    await w.service.placeOrder(request);
    w.failures.clear();
    const again = await w.service.placeOrder(request);
    expect(again.ok || again.error.code).toBe('idempotency_key_reused');
    await expectNothingHeld(w);
    const fresh = await w.service.placeOrder({ ...request, key: 'checkout-2' });
    expect(fresh.ok && fresh.value.order.state).toBe('confirmed');
  });

  it('publishing fails after the save: the order stands, and a retry publishes it', async () => {
    const w = makeWorld();
    w.failures.set('outbox.append', { after: 0, mode: 'throw' });
    const r = await w.service.placeOrder(request);
    expect(r.ok || [r.error.code, r.error.details['step']]).toEqual(['adapter_failed', 'outbox.append']);
    expect(w.raw.outbox.pending()).toBe(0);
    expect((await w.raw.orders.load('o-1')).ok).toBe(true);
    w.failures.clear();
    const retry = await w.service.placeOrder(request);
    expect(retry.ok && retry.value.replayed).toBe(true);
    expect(w.raw.outbox.pending()).toBe(1);
    const again = await w.service.placeOrder(request);
    expect(again.ok && again.value.replayed).toBe(true);
    expect(w.raw.outbox.pending()).toBe(1);
  });

  it('a crash between holding stock and saving: the retry resumes with the same holds', async () => {
    const w = makeWorld();
    // The process dies at the authorisation: no undo runs (every port is down from then on).
    w.failures.set('payments.authorize', { after: 0, mode: 'throw' });
    w.failures.set('inventory.apply', { after: 1, mode: 'throw' });
    w.failures.set('promotions.release', { after: 0, mode: 'throw' });
    const r = await w.service.placeOrder(request);
    expect(r.ok).toBe(false);
    // The holds could not be released (the store went down): the key's holds are still whole.
    expect(w.available('MUG', 'dc')).toMatchObject({ reserved: 2 });
    w.failures.clear();
    const retry = await w.service.placeOrder(request);
    expect(retry.ok && retry.value.order.state).toBe('confirmed');
    expect(w.available('MUG', 'dc')).toMatchObject({ reserved: 2, available: 8 });
    expect(await w.raw.promotions.usage('welcome10')).toMatchObject({ uses: 1, committedUses: 1 });
  });
});

describe('commands after placement compensate too', () => {
  it('an edit whose save fails releases the stock it held for the new units', async () => {
    const w = makeWorld();
    const placed = await w.service.placeOrder(placeRequest());
    expect(placed.ok).toBe(true);
    w.failures.set('orders.save', { after: 0, mode: 'throw' });
    const r = await w.service.editOrder({
      key: 'e-1',
      orderId: 'o-1',
      edits: [{ kind: 'change_quantity', lineId: 'l1', quantity: 5 }],
    });
    expect(r.ok || r.error.details['step']).toBe('orders.save');
    expect(w.available('MUG', 'dc')).toMatchObject({ reserved: 2, available: 8 });
  });
});
