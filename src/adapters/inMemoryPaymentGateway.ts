import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';
import { isRecord, show } from '../core/show.js';
import { isMoney } from '../money/predicates.js';
import type { Money } from '../money/types.js';
import { AdapterError, PAYMENT_DECLINE_REASONS, type PaymentDeclineReason } from './errors.js';
import type {
  AuthorizeRequest,
  GatewayPaymentStatus,
  PaymentGateway,
  PaymentOperationRequest,
  PaymentResult,
  PaymentState,
} from './paymentGateway.js';

/**
 * Options for {@link createInMemoryPaymentGateway}: the simulated provider's declines, as data.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { InMemoryPaymentGatewayOptions } from 'ordercore/adapters';
 *
 * const options: InMemoryPaymentGatewayOptions = {
 *   declines: { tok_broke: 'insufficient_funds' }, maxAuthorization: money('1000.00', 'USD'),
 * };
 * options.declines?.['tok_broke']; //=> 'insufficient_funds'
 * ```
 */
export interface InMemoryPaymentGatewayOptions {
  /** Payment methods the provider declines, and why. Default: none. */
  readonly declines?: Readonly<Record<string, PaymentDeclineReason>>;
  /** Authorisations above this amount (in its currency) are declined `limit_exceeded`. Default: no cap. */
  readonly maxAuthorization?: Money;
}

interface Payment {
  readonly paymentId: string;
  readonly currency: string;
  readonly authorized: number;
  captured: number;
  refunded: number;
  voided: boolean;
  captures: number;
  refunds: number;
}

interface Processed {
  readonly fingerprint: string;
  readonly transactionId: string;
  readonly paymentId: string;
}

const invalid = (field: string, reason: string): AdapterError =>
  new AdapterError('invalid_request', `${field}: ${reason}`, { field });
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

function statusOf(p: Payment): GatewayPaymentStatus {
  if (p.voided) return 'voided';
  if (p.refunded > 0) return p.refunded === p.captured ? 'refunded' : 'partially_refunded';
  if (p.captured === 0) return 'authorized';
  return p.captured === p.authorized ? 'captured' : 'partially_captured';
}

function stateOf(p: Payment): PaymentState {
  const m = (amount: number): Money => ({ amount, currency: p.currency });
  return {
    paymentId: p.paymentId,
    status: statusOf(p),
    authorized: m(p.authorized),
    captured: m(p.captured),
    refunded: m(p.refunded),
  };
}

/**
 * Creates the in-memory reference implementation of {@link PaymentGateway}: a simulated provider
 * that authorises any method except those its options decline (and amounts above its cap), with
 * partial captures and refunds, voids, and idempotency keys. Payment ids are `pay-1`, `pay-2` ...;
 * transaction ids are `pay-1` (the authorisation), `pay-1/capture-1`, `pay-1/refund-1`,
 * `pay-1/void`. A declined or refused call is not remembered: retrying its key tries again.
 *
 * @param options - Declined methods and the authorisation cap.
 * @returns The gateway.
 * @throws {@link AdapterError} `invalid_request` for malformed options.
 * @example
 * ```ts
 * import { createInMemoryPaymentGateway } from 'ordercore/adapters';
 * import { money } from 'ordercore/money';
 *
 * const gateway = createInMemoryPaymentGateway({ declines: { tok_stolen: 'fraud_suspected' } });
 * const usd = (a: string) => money(a, 'USD');
 * const auth = await gateway.authorize({ key: 'o-1/auth', amount: usd('42.00'), method: 'tok_visa' });
 * const paymentId = auth.ok ? auth.value.payment.paymentId : '';
 * paymentId; //=> 'pay-1'
 * (await gateway.capture({ key: 'o-1/cap-1', paymentId, amount: usd('30.00') })).ok; //=> true
 * const over = await gateway.capture({ key: 'o-1/cap-2', paymentId, amount: usd('20.00') });
 * over.ok || over.error.code; //=> 'amount_exceeded'
 * const refund = await gateway.refund({ key: 'o-1/ref-1', paymentId, amount: usd('5.00') });
 * refund.ok && refund.value.payment.status; //=> 'partially_refunded'
 * const declined = await gateway.authorize({ key: 'o-2/auth', amount: usd('1.00'), method: 'tok_stolen' });
 * declined.ok || declined.error.details['reason']; //=> 'fraud_suspected'
 * ```
 */
export function createInMemoryPaymentGateway(options?: InMemoryPaymentGatewayOptions): PaymentGateway {
  const given: InMemoryPaymentGatewayOptions = options ?? {};
  if (options !== undefined && !isRecord(options))
    throw invalid('options', `expected an object, got ${show(options)}.`);
  const declines = new Map<string, PaymentDeclineReason>();
  const rawDeclines: unknown = given.declines;
  if (rawDeclines !== undefined) {
    if (!isRecord(rawDeclines)) throw invalid('declines', `expected an object, got ${show(rawDeclines)}.`);
    for (const method of Object.keys(rawDeclines)) {
      const reason = rawDeclines[method];
      if (!(PAYMENT_DECLINE_REASONS as readonly unknown[]).includes(reason))
        throw invalid(`declines.${method}`, `${show(reason)} is not one of ${PAYMENT_DECLINE_REASONS.join(', ')}.`);
      declines.set(method, reason as PaymentDeclineReason);
    }
  }
  const cap: unknown = given.maxAuthorization;
  if (cap !== undefined && !isMoney(cap)) throw invalid('maxAuthorization', `expected Money, got ${show(cap)}.`);
  const maxAuthorization = cap as Money | undefined;
  const payments = new Map<string, Payment>();
  const keys = new Map<string, Processed>();

  /** A replay of a processed key, a reuse of it, or undefined for a fresh key. */
  function replay(key: string, print: string): Result<PaymentResult, AdapterError> | undefined {
    const done = keys.get(key);
    if (done === undefined) return undefined;
    if (done.fingerprint !== print)
      return err(
        new AdapterError('idempotency_key_reused', `key ${show(key)} was already used for another request.`, { key }),
      );
    const payment = payments.get(done.paymentId) as Payment;
    return ok({ transactionId: done.transactionId, replayed: true, payment: stateOf(payment) });
  }

  function positiveAmount(value: unknown, field: string): Money | AdapterError {
    if (!isMoney(value) || value.amount <= 0) return invalid(field, `expected positive Money, got ${show(value)}.`);
    return value;
  }

  function authorize(request: AuthorizeRequest): Result<PaymentResult, AdapterError> {
    if (!isRecord(request)) return err(invalid('request', `expected an object, got ${show(request)}.`));
    if (!isText(request.key)) return err(invalid('key', `expected a non-empty string, got ${show(request.key)}.`));
    const amount = positiveAmount(request.amount, 'amount');
    if (amount instanceof AdapterError) return err(amount);
    if (!isText(request.method))
      return err(invalid('method', `expected a non-empty string, got ${show(request.method)}.`));
    const print = JSON.stringify(['authorize', request.method, amount.amount, amount.currency]);
    const replayed = replay(request.key, print);
    if (replayed !== undefined) return replayed;
    const reason =
      declines.get(request.method) ??
      (maxAuthorization !== undefined &&
      maxAuthorization.currency === amount.currency &&
      amount.amount > maxAuthorization.amount
        ? 'limit_exceeded'
        : undefined);
    if (reason !== undefined)
      return err(
        new AdapterError('payment_declined', `The provider declined ${show(request.method)}: ${reason}.`, {
          reason,
          method: request.method,
        }),
      );
    const paymentId = `pay-${payments.size + 1}`;
    const payment: Payment = {
      paymentId,
      currency: amount.currency,
      authorized: amount.amount,
      captured: 0,
      refunded: 0,
      voided: false,
      captures: 0,
      refunds: 0,
    };
    payments.set(paymentId, payment);
    keys.set(request.key, { fingerprint: print, transactionId: paymentId, paymentId });
    return ok({ transactionId: paymentId, replayed: false, payment: stateOf(payment) });
  }

  type Operation = 'capture' | 'refund' | 'void';

  function operate(op: Operation, request: PaymentOperationRequest): Result<PaymentResult, AdapterError> {
    if (!isRecord(request)) return err(invalid('request', `expected an object, got ${show(request)}.`));
    if (!isText(request.key)) return err(invalid('key', `expected a non-empty string, got ${show(request.key)}.`));
    if (!isText(request.paymentId))
      return err(invalid('paymentId', `expected a non-empty string, got ${show(request.paymentId)}.`));
    let amount: Money | undefined;
    if (op !== 'void' && (request.amount !== undefined || op === 'refund')) {
      const checked = positiveAmount(request.amount, 'amount');
      if (checked instanceof AdapterError) return err(checked);
      amount = checked;
    }
    const print = JSON.stringify([op, request.paymentId, amount?.amount ?? null, amount?.currency ?? null]);
    const replayed = replay(request.key, print);
    if (replayed !== undefined) return replayed;
    const payment = payments.get(request.paymentId);
    if (payment === undefined)
      return err(
        new AdapterError('not_found', `No payment ${show(request.paymentId)}.`, {
          entity: 'payment',
          id: request.paymentId,
        }),
      );
    if (amount !== undefined && amount.currency !== payment.currency)
      return err(
        new AdapterError(
          'currency_mismatch',
          `amount: payment ${show(payment.paymentId)} is in ${payment.currency}, the amount in ${show(amount.currency)}.`,
          { field: 'amount', expected: payment.currency, actual: amount.currency },
        ),
      );
    const status = statusOf(payment);
    const wrongState = (): Result<PaymentResult, AdapterError> =>
      err(
        new AdapterError(
          'invalid_state',
          `Payment ${show(payment.paymentId)} is ${status}: it cannot take a ${op} now.`,
          {
            paymentId: payment.paymentId,
            status,
            operation: op,
          },
        ),
      );
    const exceeded = (requested: number, remaining: number): Result<PaymentResult, AdapterError> =>
      err(
        new AdapterError(
          'amount_exceeded',
          `amount: ${requested} requested, ${remaining} remaining to ${op} on payment ${show(payment.paymentId)}.`,
          { paymentId: payment.paymentId, requested, remaining, operation: op },
        ),
      );
    let transactionId: string;
    if (op === 'capture') {
      if (status !== 'authorized' && status !== 'partially_captured') return wrongState();
      const remaining = payment.authorized - payment.captured;
      const requested = amount?.amount ?? remaining;
      if (requested > remaining) return exceeded(requested, remaining);
      payment.captured += requested;
      payment.captures += 1;
      transactionId = `${payment.paymentId}/capture-${payment.captures}`;
    } else if (op === 'refund') {
      const remaining = payment.captured - payment.refunded;
      if (payment.voided || remaining === 0) return wrongState();
      const requested = (amount as Money).amount;
      if (requested > remaining) return exceeded(requested, remaining);
      payment.refunded += requested;
      payment.refunds += 1;
      transactionId = `${payment.paymentId}/refund-${payment.refunds}`;
    } else {
      if (status !== 'authorized') return wrongState();
      payment.voided = true;
      transactionId = `${payment.paymentId}/void`;
    }
    keys.set(request.key, { fingerprint: print, transactionId, paymentId: payment.paymentId });
    return ok({ transactionId, replayed: false, payment: stateOf(payment) });
  }

  const attempt = <T>(run: () => T): Promise<T> => {
    try {
      return Promise.resolve(run());
    } catch (error) {
      return Promise.reject(error);
    }
  };

  return {
    authorize: (request) => attempt(() => authorize(request)),
    capture: (request) => attempt(() => operate('capture', request)),
    refund: (request) => attempt(() => operate('refund', request)),
    void: (request) => attempt(() => operate('void', request)),
    payment: (paymentId) =>
      attempt(() => {
        const found = typeof paymentId === 'string' ? payments.get(paymentId) : undefined;
        return found === undefined ? undefined : stateOf(found);
      }),
  };
}
