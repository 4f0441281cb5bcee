import type { Result } from '../core/result.js';
import type { Money } from '../money/types.js';
import type { UsageIntent } from '../pricing/types.js';
import type { AdapterError } from './errors.js';

/**
 * The limits of one promotion, as data (`PromotionUsageStore.setLimits`). An absent limit is no
 * limit; a promotion never configured has none.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { PromotionLimits } from 'ordercore/adapters';
 *
 * const limits: PromotionLimits = {
 *   promotionId: 'welcome10', maxUses: 1000, maxUsesPerCustomer: 1, maxUsesPerCoupon: 500, budget: money('5000.00', 'USD'),
 * };
 * limits.budget?.amount; //=> 500000
 * ```
 */
export interface PromotionLimits {
  /** The promotion these limits apply to. */
  readonly promotionId: string;
  /** The most uses of the promotion in all (open and committed reservations). */
  readonly maxUses?: number;
  /** The most uses by one customer; then every intent for the promotion must name its `customerId`. */
  readonly maxUsesPerCustomer?: number;
  /** The most uses of one coupon code of the promotion (intents without a coupon do not count). */
  readonly maxUsesPerCoupon?: number;
  /** The most discount granted in all; then every intent for the promotion must be in its currency. */
  readonly budget?: Money;
}

/**
 * A request to reserve the usage of the promotions a priced cart applied (`pricing`'s
 * `usageIntents`), all or nothing.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { UsageReservationRequest } from 'ordercore/adapters';
 *
 * const request: UsageReservationRequest = {
 *   key: 'checkout-42',
 *   intents: [{ promotionId: 'welcome10', couponCode: 'WELCOME10', customerId: 'c-1', amount: money('4.20', 'USD') }],
 * };
 * request.intents.length; //=> 1
 * ```
 */
export interface UsageReservationRequest {
  /** The idempotency key: a retried request with the same key and intents returns the same reservation. */
  readonly key: string;
  /** The uses to reserve (each intent is one use of its promotion); may be empty. */
  readonly intents: readonly UsageIntent[];
}

/**
 * What {@link PromotionUsageStore.reserve} reports on success.
 *
 * @example
 * ```ts
 * import type { UsageReserved } from 'ordercore/adapters';
 *
 * const reserved: UsageReserved = { reservationId: 'checkout-42', replayed: false };
 * reserved.reservationId; //=> 'checkout-42'
 * ```
 */
export interface UsageReserved {
  /** The reservation's id, to commit or release it. The same for every replay of the key. */
  readonly reservationId: string;
  /** `true` when the key had already been reserved: nothing was written. */
  readonly replayed: boolean;
}

/**
 * The life of a usage reservation: `open` (counts against the limits), then `committed` (still
 * counts: the order was placed) or `released` (no longer counts).
 *
 * @example
 * ```ts
 * import { USAGE_RESERVATION_STATUSES } from 'ordercore/adapters';
 *
 * USAGE_RESERVATION_STATUSES; //=> ['open', 'committed', 'released']
 * ```
 */
export const USAGE_RESERVATION_STATUSES = ['open', 'committed', 'released'] as const;

/**
 * One of {@link USAGE_RESERVATION_STATUSES}.
 *
 * @example
 * ```ts
 * import type { UsageReservationStatus } from 'ordercore/adapters';
 *
 * const status: UsageReservationStatus = 'committed';
 * status; //=> 'committed'
 * ```
 */
export type UsageReservationStatus = (typeof USAGE_RESERVATION_STATUSES)[number];

/**
 * A usage reservation as stored.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { UsageReservation } from 'ordercore/adapters';
 *
 * const r: UsageReservation = {
 *   reservationId: 'checkout-42', key: 'checkout-42', status: 'open',
 *   intents: [{ promotionId: 'welcome10', amount: money('4.20', 'USD') }],
 * };
 * r.status; //=> 'open'
 * ```
 */
export interface UsageReservation {
  /** The reservation's id. */
  readonly reservationId: string;
  /** The idempotency key it was reserved with. */
  readonly key: string;
  /** Where it is in its life. */
  readonly status: UsageReservationStatus;
  /** The uses it holds, as reserved. */
  readonly intents: readonly UsageIntent[];
}

/**
 * What {@link PromotionUsageStore.commit} and {@link PromotionUsageStore.release} report on success.
 *
 * @example
 * ```ts
 * import type { UsageChanged } from 'ordercore/adapters';
 *
 * const changed: UsageChanged = { reservationId: 'checkout-42', status: 'committed', replayed: true };
 * changed.replayed; //=> true
 * ```
 */
export interface UsageChanged {
  /** The reservation. */
  readonly reservationId: string;
  /** Its status now. */
  readonly status: UsageReservationStatus;
  /** `true` when it already had that status: nothing was written. */
  readonly replayed: boolean;
}

/**
 * How much of a promotion is used: what its limits are checked against.
 *
 * @example
 * ```ts
 * import type { PromotionUsage } from 'ordercore/adapters';
 *
 * const usage: PromotionUsage = { promotionId: 'welcome10', uses: 3, committedUses: 2, spent: { USD: 1260 } };
 * usage.spent['USD']; //=> 1260
 * ```
 */
export interface PromotionUsage {
  /** The promotion. */
  readonly promotionId: string;
  /** Uses held by open and committed reservations. */
  readonly uses: number;
  /** Of which committed. */
  readonly committedUses: number;
  /** Discount held by open and committed reservations, in minor units per currency code. */
  readonly spent: Readonly<Record<string, number>>;
  /** Uses by the customer asked about (open and committed), when one was. */
  readonly customerUses?: number;
  /** Uses of the coupon code asked about (open and committed), when one was. */
  readonly couponUses?: number;
}

/**
 * What {@link PromotionUsageStore.usage} should count besides the promotion's totals.
 *
 * @example
 * ```ts
 * import type { PromotionUsageQuery } from 'ordercore/adapters';
 *
 * const q: PromotionUsageQuery = { customerId: 'c-1', couponCode: 'WELCOME10' };
 * q.customerId; //=> 'c-1'
 * ```
 */
export interface PromotionUsageQuery {
  /** Also count this customer's uses (`customerUses`). */
  readonly customerId?: string;
  /** Also count this coupon code's uses (`couponUses`). */
  readonly couponCode?: string;
}

/**
 * The port that records promotion and coupon usage and enforces limits and budgets atomically:
 * reserve while the cart is checked out, commit with the order, release when it is abandoned or
 * cancelled. Hosts implement it over their database; `createInMemoryPromotionUsageStore` is the
 * reference implementation, and `promotionUsageConformance` in `ordercore/testing` proves an
 * implementation correct.
 *
 * The contract, in full:
 *
 * - **What counts.** A reservation's intents each count one use of their promotion, one use by
 *   their `customerId` and one use of their `couponCode` (per promotion), and their `amount` against
 *   the promotion's budget, while the reservation is `open` or `committed`; a `released` one counts
 *   nothing. Reservations do not expire by themselves: the host releases abandoned ones.
 * - **Reserve.** `reserve({ key, intents })` checks every intent against its promotion's limits as
 *   they are *now*, counting the uses held by other reservations and by the intents before it in the
 *   same request, and records the reservation (`open`) only if none is exceeded — all or nothing.
 *   A refusal is `limit_exceeded` naming the first exceeded limit (intents in order; for each:
 *   `uses`, `uses_per_customer`, `uses_per_coupon`, `budget`) with `promotionId`, `index`, `maximum`,
 *   `used` (held before this intent) and `requested` (1, or the amount); nothing is written. An
 *   intent for a promotion with `maxUsesPerCustomer` but no `customerId` is `invalid_request`; an
 *   amount in another currency than the promotion's budget is `currency_mismatch`.
 * - **Atomicity.** The check and the write of a reservation are one serialisable step: concurrent
 *   reservations never exceed any limit or budget together (lock the promotions' rows in a fixed
 *   order, or use conditional updates on counters; never check, yield, then write).
 * - **Idempotency.** A reservation's key is remembered forever: `reserve` with a key already
 *   reserved returns its reservation with `replayed: true` and writes nothing (whatever its status
 *   and the limits now), or `idempotency_key_reused` if the intents differ. The reservation id is
 *   chosen by the store (the reference store uses the key itself) and is the same on every replay.
 *   A refused reservation writes nothing, so retrying its key later is a fresh attempt.
 * - **Commit, release.** `commit(id)` makes an open reservation `committed`; `release(id)` makes an
 *   open or committed one `released` (an order cancelled after placement gives its uses back).
 *   Asking for the status it already has is a replay (`replayed: true`); committing a released
 *   reservation is `reservation_not_active`; an unknown id is `not_found`.
 * - **Limits.** `setLimits` replaces a promotion's limits (all of them) for reservations made
 *   afterwards; lowering a limit below what is used refuses new uses and never touches existing
 *   reservations. `limits(promotionId)` reads them back (absent: no limits).
 * - **Errors.** Expected refusals are `Result` values and write nothing; reads reject their promise
 *   for a malformed argument (`AdapterError` `invalid_request`) and for infrastructure failures.
 *
 * @example
 * ```ts
 * import type { PromotionUsageStore } from 'ordercore/adapters';
 *
 * const methods: (keyof PromotionUsageStore)[] = ['setLimits', 'limits', 'reserve', 'commit', 'release', 'reservation', 'usage'];
 * methods.length; //=> 7
 * ```
 */
export interface PromotionUsageStore {
  /**
   * Replaces the limits of one promotion.
   *
   * @param limits - The promotion's limits (absent fields: no limit).
   * @returns Nothing on success, or `invalid_request`.
   */
  setLimits(limits: PromotionLimits): Promise<Result<void, AdapterError>>;
  /**
   * The limits of one promotion.
   *
   * @param promotionId - The promotion.
   * @returns Its limits, or `undefined` when none were set.
   */
  limits(promotionId: string): Promise<PromotionLimits | undefined>;
  /**
   * Reserves the uses of a request atomically against every limit and budget.
   *
   * @param request - The idempotency key and the intents.
   * @returns The reservation id, or `limit_exceeded` / `currency_mismatch` / `idempotency_key_reused` /
   *   `invalid_request` (nothing written).
   */
  reserve(request: UsageReservationRequest): Promise<Result<UsageReserved, AdapterError>>;
  /**
   * Commits an open reservation (the order was placed).
   *
   * @param reservationId - The reservation.
   * @returns Its status now, or `not_found` / `reservation_not_active` / `invalid_request`.
   */
  commit(reservationId: string): Promise<Result<UsageChanged, AdapterError>>;
  /**
   * Releases an open or committed reservation: its uses no longer count.
   *
   * @param reservationId - The reservation.
   * @returns Its status now, or `not_found` / `invalid_request`.
   */
  release(reservationId: string): Promise<Result<UsageChanged, AdapterError>>;
  /**
   * A reservation as stored.
   *
   * @param reservationId - The reservation.
   * @returns It, or `undefined` when there is none with that id.
   */
  reservation(reservationId: string): Promise<UsageReservation | undefined>;
  /**
   * How much of a promotion is used.
   *
   * @param promotionId - The promotion.
   * @param query - A customer and a coupon code to count as well.
   * @returns The counts (zero for a promotion never used).
   */
  usage(promotionId: string, query?: PromotionUsageQuery): Promise<PromotionUsage>;
}
