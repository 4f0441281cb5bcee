import { describe, expect, it } from 'vitest';
import { createInMemoryPaymentGateway } from '../../src/adapters/index.js';
import { money } from '../../src/money/index.js';

const usd = (a: string) => money(a, 'USD');
const code = (r: { ok: boolean; error?: { code: string } }): string => (r.ok ? 'ok' : (r.error?.code ?? '?'));

describe('createInMemoryPaymentGateway', () => {
  it('authorises, captures in parts, refunds in parts, and moves through its statuses', async () => {
    const g = createInMemoryPaymentGateway();
    const auth = await g.authorize({ key: 'a', amount: usd('100.00'), method: 'tok' });
    expect(auth.ok && auth.value).toMatchObject({
      transactionId: 'pay-1',
      replayed: false,
      payment: { status: 'authorized' },
    });
    const c1 = await g.capture({ key: 'c1', paymentId: 'pay-1', amount: usd('40.00') });
    expect(c1.ok && [c1.value.transactionId, c1.value.payment.status]).toEqual([
      'pay-1/capture-1',
      'partially_captured',
    ]);
    expect(code(await g.capture({ key: 'c2', paymentId: 'pay-1', amount: usd('60.01') }))).toBe('amount_exceeded');
    const rest = await g.capture({ key: 'c3', paymentId: 'pay-1' }); // default: all that remains
    expect(rest.ok && rest.value.payment).toEqual({
      paymentId: 'pay-1',
      status: 'captured',
      authorized: usd('100.00'),
      captured: usd('100.00'),
      refunded: usd('0'),
    });
    expect(code(await g.void({ key: 'v', paymentId: 'pay-1' }))).toBe('invalid_state');
    expect(code(await g.refund({ key: 'r0', paymentId: 'pay-1', amount: money('1.00', 'EUR') }))).toBe(
      'currency_mismatch',
    );
    const r1 = await g.refund({ key: 'r1', paymentId: 'pay-1', amount: usd('30.00') });
    expect(r1.ok && r1.value.payment.status).toBe('partially_refunded');
    expect(code(await g.capture({ key: 'c4', paymentId: 'pay-1', amount: usd('1.00') }))).toBe('invalid_state');
    expect(code(await g.refund({ key: 'r2', paymentId: 'pay-1', amount: usd('70.01') }))).toBe('amount_exceeded');
    const r3 = await g.refund({ key: 'r3', paymentId: 'pay-1', amount: usd('70.00') });
    expect(r3.ok && r3.value.payment.status).toBe('refunded');
    expect(code(await g.refund({ key: 'r4', paymentId: 'pay-1', amount: usd('0.01') }))).toBe('invalid_state');
  });

  it('is idempotent by key: a retry never charges twice, a reused key is refused', async () => {
    const g = createInMemoryPaymentGateway();
    await g.authorize({ key: 'a', amount: usd('10.00'), method: 'tok' });
    const first = await g.capture({ key: 'cap', paymentId: 'pay-1', amount: usd('4.00') });
    const again = await g.capture({ key: 'cap', paymentId: 'pay-1', amount: usd('4.00') });
    expect(again.ok && [again.value.replayed, again.value.transactionId]).toEqual([
      true,
      first.ok && first.value.transactionId,
    ]);
    expect((await g.payment('pay-1'))?.captured).toEqual(usd('4.00'));
    expect(code(await g.capture({ key: 'cap', paymentId: 'pay-1', amount: usd('5.00') }))).toBe(
      'idempotency_key_reused',
    );
    expect(code(await g.refund({ key: 'cap', paymentId: 'pay-1', amount: usd('4.00') }))).toBe(
      'idempotency_key_reused',
    );
    const reAuth = await g.authorize({ key: 'a', amount: usd('10.00'), method: 'tok' });
    expect(reAuth.ok && reAuth.value.payment.paymentId).toBe('pay-1');
    expect(await g.payment('pay-2')).toBeUndefined();
  });

  it('declines as configured, holds nothing, and retries a declined key afresh', async () => {
    const g = createInMemoryPaymentGateway({
      declines: { tok_broke: 'insufficient_funds' },
      maxAuthorization: usd('500.00'),
    });
    const declined = await g.authorize({ key: 'a', amount: usd('1.00'), method: 'tok_broke' });
    expect(declined.ok || [declined.error.code, declined.error.details['reason']]).toEqual([
      'payment_declined',
      'insufficient_funds',
    ]);
    const capped = await g.authorize({ key: 'b', amount: usd('500.01'), method: 'tok' });
    expect(capped.ok || capped.error.details['reason']).toBe('limit_exceeded');
    expect((await g.authorize({ key: 'b', amount: usd('500.01'), method: 'tok' })).ok).toBe(false);
    expect(code(await g.authorize({ key: 'c', amount: usd('500.00'), method: 'tok' }))).toBe('ok');
    const v = await g.void({ key: 'v', paymentId: 'pay-1' });
    expect(v.ok && v.value.payment.status).toBe('voided');
    expect(code(await g.capture({ key: 'x', paymentId: 'pay-1' }))).toBe('invalid_state');
  });

  it('refuses malformed input with typed errors naming the field', async () => {
    const g = createInMemoryPaymentGateway();
    const field = async (p: Promise<{ ok: boolean; error?: { details: Record<string, unknown> } }>) => {
      const r = await p;
      return r.ok ? 'ok' : String(r.error?.details['field']);
    };
    expect(await field(g.authorize({ key: '', amount: usd('1'), method: 't' }))).toBe('key');
    expect(await field(g.authorize({ key: 'k', amount: usd('0'), method: 't' }))).toBe('amount');
    expect(await field(g.authorize({ key: 'k', amount: { amount: 1.5, currency: 'USD' }, method: 't' }))).toBe(
      'amount',
    );
    expect(await field(g.authorize({ key: 'k', amount: usd('1'), method: '' }))).toBe('method');
    expect(await field(g.refund({ key: 'k', paymentId: 'pay-1' }))).toBe('amount');
    expect(await field(g.capture({ key: 'k', paymentId: 3 as never }))).toBe('paymentId');
    expect(code(await g.capture({ key: 'k', paymentId: 'nope' }))).toBe('not_found');
    expect(() => createInMemoryPaymentGateway({ declines: { t: 'nope' as never } })).toThrow(/declines\.t/);
    expect(() => createInMemoryPaymentGateway({ maxAuthorization: 5 as never })).toThrow(/maxAuthorization/);
  });
});
