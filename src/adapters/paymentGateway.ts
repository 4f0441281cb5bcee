import type { Result } from '../core/result.js';
import type { Money } from '../money/types.js';
import type { AdapterError } from './errors.js';

/**
 * A request to authorise a payment.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { AuthorizeRequest } from 'ordercore/adapters';
 *
 * const request: AuthorizeRequest = { key: 'o-1/auth', amount: money('42.00', 'USD'), method: 'tok_visa', orderId: 'o-1' };
 * request.amount.amount; //=> 4200
 * ```
 */
export interface AuthorizeRequest {
  /** The idempotency key: a retry with the same key and request returns the same authorisation. */
  readonly key: string;
  /** The amount to authorise (positive). */
  readonly amount: Money;
  /** The payment method's token at the provider (a card token, a wallet id ...). */
  readonly method: string;
  /** The order paid for, for the provider's records. */
  readonly orderId?: string;
  /** The paying customer, for the provider's records. */
  readonly customerId?: string;
}

/**
 * A request to capture, refund or void part of an authorised payment.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { PaymentOperationRequest } from 'ordercore/adapters';
 *
 * const capture: PaymentOperationRequest = { key: 'o-1/capture/1', paymentId: 'pay-1', amount: money('10.00', 'USD') };
 * capture.paymentId; //=> 'pay-1'
 * ```
 */
export interface PaymentOperationRequest {
  /** The idempotency key of this operation. */
  readonly key: string;
  /** The authorised payment (`PaymentState.paymentId`). */
  readonly paymentId: string;
  /** The amount (positive, in the payment's currency); ignored by `void`. Capture default: all that remains. */
  readonly amount?: Money;
}

/**
 * Where an authorised payment is in its life.
 *
 * @example
 * ```ts
 * import { GATEWAY_PAYMENT_STATUSES } from 'ordercore/adapters';
 *
 * GATEWAY_PAYMENT_STATUSES.includes('partially_refunded'); //=> true
 * ```
 */
export const GATEWAY_PAYMENT_STATUSES = [
  'authorized',
  'partially_captured',
  'captured',
  'partially_refunded',
  'refunded',
  'voided',
] as const;

/**
 * One of {@link GATEWAY_PAYMENT_STATUSES}.
 *
 * @example
 * ```ts
 * import type { GatewayPaymentStatus } from 'ordercore/adapters';
 *
 * const status: GatewayPaymentStatus = 'captured';
 * status; //=> 'captured'
 * ```
 */
export type GatewayPaymentStatus = (typeof GATEWAY_PAYMENT_STATUSES)[number];

/**
 * A payment as the gateway holds it, after an operation.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { PaymentState } from 'ordercore/adapters';
 *
 * const p: PaymentState = {
 *   paymentId: 'pay-1', status: 'partially_captured', authorized: money('42.00', 'USD'),
 *   captured: money('10.00', 'USD'), refunded: money('0', 'USD'),
 * };
 * p.authorized.amount - p.captured.amount; //=> 3200
 * ```
 */
export interface PaymentState {
  /** The gateway's id of the payment (its authorisation). */
  readonly paymentId: string;
  /** Where it is in its life. */
  readonly status: GatewayPaymentStatus;
  /** The amount authorised. */
  readonly authorized: Money;
  /** The amount captured so far (never more than authorised). */
  readonly captured: Money;
  /** The amount refunded so far (never more than captured). */
  readonly refunded: Money;
}

/**
 * What every successful {@link PaymentGateway} operation reports.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { PaymentResult } from 'ordercore/adapters';
 *
 * const usd = (a: string) => money(a, 'USD');
 * const r: PaymentResult = {
 *   transactionId: 'pay-1/capture-1', replayed: false,
 *   payment: { paymentId: 'pay-1', status: 'captured', authorized: usd('5'), captured: usd('5'), refunded: usd('0') },
 * };
 * r.payment.status; //=> 'captured'
 * ```
 */
export interface PaymentResult {
  /** The gateway's id of this operation (the authorisation's is the payment id). */
  readonly transactionId: string;
  /** `true` when the key had already been processed: nothing happened again. */
  readonly replayed: boolean;
  /** The payment after the operation (on a replay: now). */
  readonly payment: PaymentState;
}

/**
 * The port to a payment provider: authorise, capture (in parts), refund (in parts), void. Hosts
 * implement it over their provider's API; `createInMemoryPaymentGateway` is the reference
 * implementation (a simulated provider with declines as data).
 *
 * The contract, in full:
 *
 * - **Money.** Amounts are `Money` (integer minor units, never floats); every amount of a payment
 *   is in its authorised currency (`currency_mismatch` otherwise) and positive (`invalid_request`).
 * - **Authorise** `amount` on `method`: a new payment `authorized`, or `payment_declined` with
 *   `details.reason` a `PaymentDeclineReason` (nothing is held).
 * - **Capture** up to what remains authorised (`authorized − captured`), in as many parts as wanted
 *   (`partially_captured`, then `captured` when nothing remains); more is `amount_exceeded`; a
 *   voided or refunded payment is `invalid_state`.
 * - **Refund** up to what is captured and not yet refunded (`partially_refunded`, `refunded`);
 *   more is `amount_exceeded`; a payment with nothing captured is `invalid_state`.
 * - **Void** the rest of an authorisation with nothing captured (`voided`); once anything is captured
 *   the rest can no longer be voided (`invalid_state`) — refund instead.
 * - **Idempotency.** Every operation carries a key; a key already processed returns the first
 *   result's transaction with `replayed: true` and the payment as it is now, and does nothing again
 *   (a network retry never charges twice); the same key with a different request (operation,
 *   payment, amount) is `idempotency_key_reused`. Keys are per gateway, not per payment.
 * - **Errors.** Expected refusals (declines included) are `Result` values; an unknown payment is
 *   `not_found`. The promise rejects only for infrastructure failures (after which the host retries
 *   with the same key).
 *
 * @example
 * ```ts
 * import type { PaymentGateway } from 'ordercore/adapters';
 *
 * const methods: (keyof PaymentGateway)[] = ['authorize', 'capture', 'refund', 'void', 'payment'];
 * methods.length; //=> 5
 * ```
 */
export interface PaymentGateway {
  /**
   * Authorises an amount on a payment method.
   *
   * @param request - Key, amount, method and references.
   * @returns The new payment, or `payment_declined` / `invalid_request` / `idempotency_key_reused`.
   */
  authorize(request: AuthorizeRequest): Promise<Result<PaymentResult, AdapterError>>;
  /**
   * Captures part or all of what remains authorised.
   *
   * @param request - Key, payment and amount (default: all that remains).
   * @returns The payment after the capture, or `amount_exceeded` / `invalid_state` / `not_found` / ....
   */
  capture(request: PaymentOperationRequest): Promise<Result<PaymentResult, AdapterError>>;
  /**
   * Refunds part or all of what is captured and not yet refunded.
   *
   * @param request - Key, payment and amount (required).
   * @returns The payment after the refund, or `amount_exceeded` / `invalid_state` / `not_found` / ....
   */
  refund(request: PaymentOperationRequest): Promise<Result<PaymentResult, AdapterError>>;
  /**
   * Voids an authorisation nothing was captured from.
   *
   * @param request - Key and payment (`amount` is ignored).
   * @returns The voided payment, or `invalid_state` / `not_found` / ....
   */
  void(request: PaymentOperationRequest): Promise<Result<PaymentResult, AdapterError>>;
  /**
   * A payment as the gateway holds it now.
   *
   * @param paymentId - The payment.
   * @returns It, or `undefined` when the gateway knows no such payment.
   */
  payment(paymentId: string): Promise<PaymentState | undefined>;
}
