import type { Result } from '../core/result.js';
import type { Instant } from '../orders/types.js';
import type { AdapterError } from './errors.js';

/**
 * An effect to publish (a customer notification, a production request, an approval request ...),
 * as workflows append it: plain JSON data with an id that makes appending it idempotent.
 *
 * @example
 * ```ts
 * import type { OutboxMessage } from 'ordercore/adapters';
 *
 * const m: OutboxMessage = { id: 'o-1/notify/confirmed', topic: 'notify_customer', payload: { orderId: 'o-1', template: 'confirmed' } };
 * m.topic; //=> 'notify_customer'
 * ```
 */
export interface OutboxMessage {
  /** The message id, chosen by the caller (derived from the command): appending it twice stores it once. */
  readonly id: string;
  /** What kind of effect it is, to route it (e.g. an `OrderEffect`'s `type`). */
  readonly topic: string;
  /** The effect itself: JSON data (it is stored and handed out as JSON). */
  readonly payload: unknown;
}

/**
 * What {@link EventOutbox.append} reports on success.
 *
 * @example
 * ```ts
 * import type { OutboxAppended } from 'ordercore/adapters';
 *
 * const r: OutboxAppended = { appended: 2, replayed: 1 };
 * r.appended + r.replayed; //=> 3
 * ```
 */
export interface OutboxAppended {
  /** Messages stored by this call. */
  readonly appended: number;
  /** Messages whose id was already stored with the same content: skipped. */
  readonly replayed: number;
}

/**
 * A request to claim messages for delivery.
 *
 * @example
 * ```ts
 * import type { OutboxClaimRequest } from 'ordercore/adapters';
 *
 * const request: OutboxClaimRequest = { consumer: 'mailer-1', now: '2026-11-22T10:00:00Z', leaseMs: 30_000, limit: 10 };
 * request.leaseMs; //=> 30000
 * ```
 */
export interface OutboxClaimRequest {
  /** Who claims (for the records and for debugging). */
  readonly consumer: string;
  /** The current instant: leases that ended at or before it are over. */
  readonly now: Instant;
  /** How long the claim lasts, in milliseconds (positive): after it the messages may be claimed again. */
  readonly leaseMs: number;
  /** The most messages claimed, 1 to 1000. Default 100. */
  readonly limit?: number;
  /** Only messages of these topics. Empty or absent: any topic. */
  readonly topics?: readonly string[];
}

/**
 * A message handed to a consumer by {@link EventOutbox.claim}, with its lease.
 *
 * @example
 * ```ts
 * import type { ClaimedMessage } from 'ordercore/adapters';
 *
 * const c: ClaimedMessage = {
 *   id: 'm-1', topic: 'notify_customer', payload: {}, position: 0, attempt: 1,
 *   claimToken: 'm-1#1', leaseExpiresAt: '2026-11-22T10:00:30.000Z',
 * };
 * c.attempt; //=> 1
 * ```
 */
export interface ClaimedMessage extends OutboxMessage {
  /** Its position in append order (0-based). */
  readonly position: number;
  /** Which delivery attempt this is (1 for the first claim). */
  readonly attempt: number;
  /** What proves this claim to {@link EventOutbox.markDelivered}. */
  readonly claimToken: string;
  /** When the lease ends (`now + leaseMs`). */
  readonly leaseExpiresAt: Instant;
}

/**
 * What {@link EventOutbox.markDelivered} reports on success.
 *
 * @example
 * ```ts
 * import type { OutboxDelivered } from 'ordercore/adapters';
 *
 * const d: OutboxDelivered = { id: 'm-1', replayed: false };
 * d.replayed; //=> false
 * ```
 */
export interface OutboxDelivered {
  /** The message. */
  readonly id: string;
  /** `true` when it was already marked delivered with this claim. */
  readonly replayed: boolean;
}

/**
 * The transactional outbox for the effects workflows publish: effects are appended (in the same
 * transaction as the state change that caused them, in a SQL adapter), then delivery workers claim
 * them, deliver them and mark them delivered; a message whose worker died is redelivered when its
 * lease expires — at-least-once delivery, so consumers deduplicate by message id.
 * `createInMemoryEventOutbox` is the reference implementation; `eventOutboxConformance` in
 * `ordercore/testing` proves an implementation correct.
 *
 * The contract, in full:
 *
 * - **Append** is all or nothing and idempotent by id: a message whose id is stored with the same
 *   topic and payload (as JSON) is skipped (`replayed`); with another topic or payload the whole
 *   call is refused `idempotency_key_reused`; two messages with one id in one call, an empty id or
 *   topic, or a payload that is not JSON data is `invalid_request`. Positions follow append order.
 * - **Claim** hands out, oldest position first, up to `limit` messages that are not delivered and
 *   not under a lease (never claimed, or their lease ended at or before `now`), and puts each under a
 *   lease until `now + leaseMs` with a fresh `claimToken` and `attempt` one more than before. Claim is
 *   atomic: while a lease runs, no other claim returns that message (`SELECT ... FOR UPDATE SKIP
 *   LOCKED`, or a conditional update of the lease).
 * - **Mark delivered** with the current claim token of a message: it is never claimed again; again
 *   with the same token is a replay. With a token that is no longer current (the lease ended and
 *   another claim took it) it is `lease_lost` and nothing changes — that other consumer will mark
 *   it. An unknown message id is `not_found`; a token that never was this message's is `lease_lost`.
 * - **Errors.** Expected refusals are `Result` values and write nothing; `claim` rejects its promise
 *   for a malformed request (`AdapterError` `invalid_request`) and for infrastructure failures.
 *
 * @example
 * ```ts
 * import type { EventOutbox } from 'ordercore/adapters';
 *
 * const methods: (keyof EventOutbox)[] = ['append', 'claim', 'markDelivered'];
 * methods.length; //=> 3
 * ```
 */
export interface EventOutbox {
  /**
   * Appends messages, skipping those already stored.
   *
   * @param messages - The effects to publish.
   * @returns How many were stored and skipped, or `idempotency_key_reused` / `invalid_request`.
   */
  append(messages: readonly OutboxMessage[]): Promise<Result<OutboxAppended, AdapterError>>;
  /**
   * Claims the oldest deliverable messages under a lease.
   *
   * @param request - Consumer, now, lease length, limit and topics.
   * @returns The claimed messages, oldest first (possibly none).
   */
  claim(request: OutboxClaimRequest): Promise<readonly ClaimedMessage[]>;
  /**
   * Marks a claimed message delivered.
   *
   * @param id - The message id.
   * @param claimToken - The token of the claim that delivered it.
   * @returns Whether it was already marked, or `lease_lost` / `not_found` / `invalid_request`.
   */
  markDelivered(id: string, claimToken: string): Promise<Result<OutboxDelivered, AdapterError>>;
}
