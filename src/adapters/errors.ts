import type { ErrorDetails } from '../core/errors.js';
import { OrdercoreError } from '../core/errors.js';

/**
 * Every code an {@link AdapterError} can carry.
 *
 * @example
 * ```ts
 * import { ADAPTER_ERROR_CODES } from 'ordercore/adapters';
 *
 * ADAPTER_ERROR_CODES.includes('version_conflict'); //=> true
 * ```
 */
export const ADAPTER_ERROR_CODES = [
  'invalid_request',
  'not_found',
  'already_exists',
  'version_conflict',
  'history_rewritten',
  'limit_exceeded',
  'currency_mismatch',
  'idempotency_key_reused',
  'reservation_not_active',
  'payment_declined',
  'amount_exceeded',
  'invalid_state',
  'lease_lost',
] as const;

/**
 * Why a port refused a call (the ports of `ordercore/adapters` other than `InventoryStore`, which
 * speaks `InventoryError`).
 *
 * - `invalid_request`: an argument is not the expected shape; `details.field` names it.
 * - `not_found`: no order / reservation / payment / message with that id; `details.entity` and `details.id`.
 * - `already_exists`: `OrderRepository.create` of an id that is already stored.
 * - `version_conflict`: `OrderRepository.save` with an expected version that is not the stored one;
 *   `details` has `orderId`, `expectedVersion`, `actualVersion` (reload, recompute, retry).
 * - `history_rewritten`: a saved order's history drops or changes entries already stored.
 * - `limit_exceeded`: a promotion usage reservation would exceed a limit; `details.limit` is which
 *   (`uses`, `uses_per_customer`, `uses_per_coupon`, `budget`), with `promotionId`, `maximum`,
 *   `used` and `requested`.
 * - `currency_mismatch`: an amount in another currency than the budget or the payment.
 * - `idempotency_key_reused`: a key already used for a different request.
 * - `reservation_not_active`: committing a usage reservation that was released.
 * - `payment_declined`: the payment provider declined; `details.reason` is a
 *   {@link PaymentDeclineReason}.
 * - `amount_exceeded`: capturing more than is still authorised, or refunding more than is captured
 *   and not yet refunded; `details` has `requested` and `remaining` (minor units).
 * - `invalid_state`: the payment cannot take that operation any more (capture after a void ...);
 *   `details.status` is the payment's status.
 * - `lease_lost`: an outbox message was marked delivered with a claim that is no longer current
 *   (its lease expired and another consumer claimed it).
 *
 * @example
 * ```ts
 * import type { AdapterErrorCode } from 'ordercore/adapters';
 *
 * const code: AdapterErrorCode = 'limit_exceeded';
 * code; //=> 'limit_exceeded'
 * ```
 */
export type AdapterErrorCode = (typeof ADAPTER_ERROR_CODES)[number];

/**
 * Why a decline happened, as `details.reason` of a `payment_declined` {@link AdapterError}.
 *
 * @example
 * ```ts
 * import { PAYMENT_DECLINE_REASONS } from 'ordercore/adapters';
 *
 * PAYMENT_DECLINE_REASONS.includes('insufficient_funds'); //=> true
 * ```
 */
export const PAYMENT_DECLINE_REASONS = [
  'insufficient_funds',
  'card_declined',
  'expired_card',
  'fraud_suspected',
  'limit_exceeded',
] as const;

/**
 * One of {@link PAYMENT_DECLINE_REASONS}.
 *
 * @example
 * ```ts
 * import type { PaymentDeclineReason } from 'ordercore/adapters';
 *
 * const reason: PaymentDeclineReason = 'card_declined';
 * reason; //=> 'card_declined'
 * ```
 */
export type PaymentDeclineReason = (typeof PAYMENT_DECLINE_REASONS)[number];

/**
 * A refusal by a port: returned as `{ ok: false, error }` by commands (nothing written), or the
 * rejection of a read given a malformed argument.
 *
 * @example
 * ```ts
 * import { AdapterError } from 'ordercore/adapters';
 *
 * const e = new AdapterError('version_conflict', 'order o-1: expected version 3, stored 4.', {
 *   orderId: 'o-1', expectedVersion: 3, actualVersion: 4,
 * });
 * e.code; //=> 'version_conflict'
 * e.details['actualVersion']; //=> 4
 * ```
 */
export class AdapterError extends OrdercoreError<AdapterErrorCode> {
  /**
   * @param code - Why the call was refused.
   * @param message - A sentence naming the field or id and the reason.
   * @param details - Structured facts (field, ids, versions, limits, amounts).
   */
  constructor(code: AdapterErrorCode, message: string, details: ErrorDetails = {}) {
    super(code, message, details);
    this.name = 'AdapterError';
  }
}
