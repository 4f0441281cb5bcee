import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';
import { isRecord, show } from '../core/show.js';
import { isMoney } from '../money/predicates.js';
import type { UsageIntent } from '../pricing/types.js';
import { AdapterError } from './errors.js';
import type {
  PromotionLimits,
  PromotionUsage,
  PromotionUsageQuery,
  PromotionUsageStore,
  UsageChanged,
  UsageReservation,
  UsageReservationRequest,
  UsageReservationStatus,
  UsageReserved,
} from './promotionUsageStore.js';

/**
 * The in-memory {@link PromotionUsageStore}: the async port plus synchronous twins of its commands.
 *
 * @example
 * ```ts
 * import { createInMemoryPromotionUsageStore } from 'ordercore/adapters';
 * import { money } from 'ordercore/money';
 *
 * const store = createInMemoryPromotionUsageStore();
 * store.setLimitsSync({ promotionId: 'p', maxUses: 1 });
 * store.reserveSync({ key: 'k-1', intents: [{ promotionId: 'p', amount: money('1.00', 'USD') }] }).ok; //=> true
 * store.usageSync('p').uses; //=> 1
 * ```
 */
export interface InMemoryPromotionUsageStore extends PromotionUsageStore {
  /**
   * {@link PromotionUsageStore.setLimits}, synchronously.
   *
   * @param limits - The promotion's limits.
   * @returns As `setLimits`, without the promise.
   */
  setLimitsSync(limits: PromotionLimits): Result<void, AdapterError>;
  /**
   * {@link PromotionUsageStore.reserve}, synchronously.
   *
   * @param request - The key and the intents.
   * @returns As `reserve`, without the promise.
   */
  reserveSync(request: UsageReservationRequest): Result<UsageReserved, AdapterError>;
  /**
   * {@link PromotionUsageStore.commit}, synchronously.
   *
   * @param reservationId - The reservation.
   * @returns As `commit`, without the promise.
   */
  commitSync(reservationId: string): Result<UsageChanged, AdapterError>;
  /**
   * {@link PromotionUsageStore.release}, synchronously.
   *
   * @param reservationId - The reservation.
   * @returns As `release`, without the promise.
   */
  releaseSync(reservationId: string): Result<UsageChanged, AdapterError>;
  /**
   * {@link PromotionUsageStore.usage}, synchronously.
   *
   * @param promotionId - The promotion.
   * @param query - A customer and a coupon code to count as well.
   * @returns As `usage`, without the promise.
   * @throws {@link AdapterError} `invalid_request` for a malformed argument.
   */
  usageSync(promotionId: string, query?: PromotionUsageQuery): PromotionUsage;
}

/** The running counts of one promotion (open and committed reservations). */
interface Counts {
  uses: number;
  committed: number;
  readonly spent: Map<string, number>;
  readonly byCustomer: Map<string, number>;
  readonly byCoupon: Map<string, number>;
}

interface Stored {
  readonly key: string;
  status: UsageReservationStatus;
  readonly intents: readonly UsageIntent[];
  readonly fingerprint: string;
}

const invalid = (field: string, reason: string): AdapterError =>
  new AdapterError('invalid_request', `${field}: ${reason}`, { field });
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function limitsProblem(limits: unknown): AdapterError | undefined {
  if (!isRecord(limits)) return invalid('limits', `expected an object, got ${show(limits)}.`);
  if (!isText(limits['promotionId']))
    return invalid('promotionId', `expected a non-empty string, got ${show(limits['promotionId'])}.`);
  for (const field of ['maxUses', 'maxUsesPerCustomer', 'maxUsesPerCoupon'] as const) {
    const value = limits[field];
    if (value !== undefined && !isCount(value))
      return invalid(field, `expected a non-negative safe integer, got ${show(value)}.`);
  }
  const budget = limits['budget'];
  if (budget !== undefined && !(isMoney(budget) && budget.amount >= 0))
    return invalid('budget', `expected non-negative Money, got ${show(budget)}.`);
  return undefined;
}

function intentsProblem(intents: unknown): AdapterError | undefined {
  if (!Array.isArray(intents)) return invalid('intents', `expected an array, got ${show(intents)}.`);
  for (let i = 0; i < intents.length; i += 1) {
    const intent: unknown = intents[i];
    const at = `intents[${i}]`;
    if (!isRecord(intent)) return invalid(at, `expected a usage intent, got ${show(intent)}.`);
    if (!isText(intent['promotionId']))
      return invalid(`${at}.promotionId`, `expected a non-empty string, got ${show(intent['promotionId'])}.`);
    for (const field of ['couponCode', 'customerId'] as const)
      if (intent[field] !== undefined && typeof intent[field] !== 'string')
        return invalid(`${at}.${field}`, `expected a string when present, got ${show(intent[field])}.`);
    const amount = intent['amount'];
    if (!(isMoney(amount) && amount.amount >= 0))
      return invalid(`${at}.amount`, `expected non-negative Money, got ${show(amount)}.`);
  }
  return undefined;
}

/** The intents' identity, field by field (key order of the caller's objects does not matter). */
function fingerprint(intents: readonly UsageIntent[]): string {
  return JSON.stringify(
    intents.map((i) => [i.promotionId, i.couponCode ?? null, i.customerId ?? null, i.amount.amount, i.amount.currency]),
  );
}

function copyIntent(i: UsageIntent): UsageIntent {
  const out: { -readonly [K in keyof UsageIntent]: UsageIntent[K] } = {
    promotionId: i.promotionId,
    amount: { amount: i.amount.amount, currency: i.amount.currency },
  };
  if (i.couponCode !== undefined) out.couponCode = i.couponCode;
  if (i.customerId !== undefined) out.customerId = i.customerId;
  return out;
}

function copyLimits(l: PromotionLimits): PromotionLimits {
  const out: { -readonly [K in keyof PromotionLimits]: PromotionLimits[K] } = { promotionId: l.promotionId };
  if (l.maxUses !== undefined) out.maxUses = l.maxUses;
  if (l.maxUsesPerCustomer !== undefined) out.maxUsesPerCustomer = l.maxUsesPerCustomer;
  if (l.maxUsesPerCoupon !== undefined) out.maxUsesPerCoupon = l.maxUsesPerCoupon;
  if (l.budget !== undefined) out.budget = { amount: l.budget.amount, currency: l.budget.currency };
  return out;
}

const bump = (map: Map<string, number>, key: string, by: number): void => {
  const next = (map.get(key) ?? 0) + by;
  if (next === 0) map.delete(key);
  else map.set(key, next);
};

/**
 * Creates the in-memory reference implementation of {@link PromotionUsageStore}. It keeps running
 * counts per promotion (uses, committed uses, discount per currency, uses per customer and per
 * coupon) that reserve, commit and release update, so a reservation costs what it touches; each
 * call runs to completion synchronously, which makes check-and-write atomic in a single-threaded
 * runtime. The reservation id is the request's key.
 *
 * @returns An empty store (no limits, no reservations), with the async port and its synchronous twins.
 * @example
 * ```ts
 * import { createInMemoryPromotionUsageStore } from 'ordercore/adapters';
 * import { money } from 'ordercore/money';
 *
 * const store = createInMemoryPromotionUsageStore();
 * await store.setLimits({ promotionId: 'welcome10', maxUsesPerCustomer: 1, budget: money('10.00', 'USD') });
 * const use = (customerId: string) => ({ promotionId: 'welcome10', couponCode: 'WELCOME10', customerId, amount: money('4.20', 'USD') });
 * (await store.reserve({ key: 'cart-1', intents: [use('c-1')] })); //=> { ok: true, value: { reservationId: 'cart-1', replayed: false } }
 * const again = await store.reserve({ key: 'cart-2', intents: [use('c-1')] });
 * again.ok || again.error.details['limit']; //=> 'uses_per_customer'
 * (await store.reserve({ key: 'cart-3', intents: [use('c-2')] })).ok; //=> true
 * const broke = await store.reserve({ key: 'cart-4', intents: [use('c-3')] });
 * broke.ok || broke.error.details['limit']; //=> 'budget'
 * (await store.release('cart-1')).ok; //=> true
 * (await store.reserve({ key: 'cart-2', intents: [use('c-1')] })).ok; //=> true
 * (await store.usage('welcome10', { customerId: 'c-1' })); //=> { promotionId: 'welcome10', uses: 2, committedUses: 0, spent: { USD: 840 }, customerUses: 1 }
 * ```
 */
export function createInMemoryPromotionUsageStore(): InMemoryPromotionUsageStore {
  const limitsById = new Map<string, PromotionLimits>();
  const reservations = new Map<string, Stored>();
  const counts = new Map<string, Counts>();

  const countsOf = (promotionId: string): Counts => {
    let c = counts.get(promotionId);
    if (c === undefined) {
      c = { uses: 0, committed: 0, spent: new Map(), byCustomer: new Map(), byCoupon: new Map() };
      counts.set(promotionId, c);
    }
    return c;
  };

  /** Adds (sign 1) or removes (sign −1) a reservation's intents from the counts. */
  function count(intents: readonly UsageIntent[], sign: 1 | -1): void {
    for (const intent of intents) {
      const c = countsOf(intent.promotionId);
      c.uses += sign;
      bump(c.spent, intent.amount.currency, sign * intent.amount.amount);
      if (intent.customerId !== undefined) bump(c.byCustomer, intent.customerId, sign);
      if (intent.couponCode !== undefined) bump(c.byCoupon, intent.couponCode, sign);
    }
  }

  function setLimitsSync(limits: PromotionLimits): Result<void, AdapterError> {
    const problem = limitsProblem(limits);
    if (problem !== undefined) return err(problem);
    limitsById.set(limits.promotionId, copyLimits(limits));
    return ok(undefined);
  }

  function refusal(
    limit: string,
    intent: UsageIntent,
    index: number,
    maximum: number,
    used: number,
    requested: number,
  ): AdapterError {
    return new AdapterError(
      'limit_exceeded',
      `intents[${index}]: promotion ${show(intent.promotionId)} allows ${maximum} (${limit}); ${used} used, ${requested} more requested.`,
      { limit, promotionId: intent.promotionId, index, maximum, used, requested },
    );
  }

  function reserveSync(request: UsageReservationRequest): Result<UsageReserved, AdapterError> {
    if (!isRecord(request)) return err(invalid('request', `expected an object, got ${show(request)}.`));
    const key: unknown = request['key'];
    if (!isText(key)) return err(invalid('key', `expected a non-empty string, got ${show(key)}.`));
    const problem = intentsProblem(request['intents']);
    if (problem !== undefined) return err(problem);
    const intents = request.intents;
    const print = fingerprint(intents);
    const existing = reservations.get(key);
    if (existing !== undefined) {
      if (existing.fingerprint !== print)
        return err(
          new AdapterError('idempotency_key_reused', `key ${show(key)} was already used to reserve other intents.`, {
            key,
          }),
        );
      return ok({ reservationId: key, replayed: true });
    }
    // What this request adds, intent by intent, on top of what is held.
    const uses = new Map<string, number>();
    const perCustomer = new Map<string, number>();
    const perCoupon = new Map<string, number>();
    const spent = new Map<string, number>();
    for (let index = 0; index < intents.length; index += 1) {
      const intent = intents[index] as UsageIntent;
      const p = intent.promotionId;
      const limits = limitsById.get(p);
      if (limits === undefined) continue;
      const held = counts.get(p);
      const used = (held?.uses ?? 0) + (uses.get(p) ?? 0);
      if (limits.maxUses !== undefined && used + 1 > limits.maxUses)
        return err(refusal('uses', intent, index, limits.maxUses, used, 1));
      if (limits.maxUsesPerCustomer !== undefined) {
        if (intent.customerId === undefined)
          return err(
            invalid(
              `intents[${index}].customerId`,
              `promotion ${show(p)} limits uses per customer, so the intent must name its customer.`,
            ),
          );
        const ck = JSON.stringify([p, intent.customerId]);
        const byCustomer = (held?.byCustomer.get(intent.customerId) ?? 0) + (perCustomer.get(ck) ?? 0);
        if (byCustomer + 1 > limits.maxUsesPerCustomer)
          return err(refusal('uses_per_customer', intent, index, limits.maxUsesPerCustomer, byCustomer, 1));
      }
      if (limits.maxUsesPerCoupon !== undefined && intent.couponCode !== undefined) {
        const ck = JSON.stringify([p, intent.couponCode]);
        const byCoupon = (held?.byCoupon.get(intent.couponCode) ?? 0) + (perCoupon.get(ck) ?? 0);
        if (byCoupon + 1 > limits.maxUsesPerCoupon)
          return err(refusal('uses_per_coupon', intent, index, limits.maxUsesPerCoupon, byCoupon, 1));
      }
      if (limits.budget !== undefined) {
        const currency = limits.budget.currency;
        if (intent.amount.currency !== currency)
          return err(
            new AdapterError(
              'currency_mismatch',
              `intents[${index}].amount: promotion ${show(p)} has a budget in ${currency}, the amount is in ${show(intent.amount.currency)}.`,
              {
                index,
                field: `intents[${index}].amount`,
                promotionId: p,
                expected: currency,
                actual: intent.amount.currency,
              },
            ),
          );
        const spentSoFar = (held?.spent.get(currency) ?? 0) + (spent.get(p) ?? 0);
        if (spentSoFar + intent.amount.amount > limits.budget.amount)
          return err(refusal('budget', intent, index, limits.budget.amount, spentSoFar, intent.amount.amount));
        spent.set(p, (spent.get(p) ?? 0) + intent.amount.amount);
      }
      uses.set(p, (uses.get(p) ?? 0) + 1);
      if (intent.customerId !== undefined) {
        const ck = JSON.stringify([p, intent.customerId]);
        perCustomer.set(ck, (perCustomer.get(ck) ?? 0) + 1);
      }
      if (intent.couponCode !== undefined) {
        const ck = JSON.stringify([p, intent.couponCode]);
        perCoupon.set(ck, (perCoupon.get(ck) ?? 0) + 1);
      }
    }
    const copies = intents.map(copyIntent);
    reservations.set(key, { key, status: 'open', intents: copies, fingerprint: print });
    count(copies, 1);
    return ok({ reservationId: key, replayed: false });
  }

  function find(reservationId: unknown): Stored | AdapterError {
    if (!isText(reservationId))
      return invalid('reservationId', `expected a non-empty string, got ${show(reservationId)}.`);
    return (
      reservations.get(reservationId) ??
      new AdapterError('not_found', `No usage reservation ${show(reservationId)}.`, {
        entity: 'usage_reservation',
        id: reservationId,
      })
    );
  }

  function commitSync(reservationId: string): Result<UsageChanged, AdapterError> {
    const stored = find(reservationId);
    if (stored instanceof AdapterError) return err(stored);
    if (stored.status === 'committed') return ok({ reservationId, status: 'committed', replayed: true });
    if (stored.status === 'released')
      return err(
        new AdapterError('reservation_not_active', `Usage reservation ${show(reservationId)} was released.`, {
          reservationId,
          status: stored.status,
        }),
      );
    stored.status = 'committed';
    for (const intent of stored.intents) countsOf(intent.promotionId).committed += 1;
    return ok({ reservationId, status: 'committed', replayed: false });
  }

  function releaseSync(reservationId: string): Result<UsageChanged, AdapterError> {
    const stored = find(reservationId);
    if (stored instanceof AdapterError) return err(stored);
    if (stored.status === 'released') return ok({ reservationId, status: 'released', replayed: true });
    if (stored.status === 'committed') for (const intent of stored.intents) countsOf(intent.promotionId).committed -= 1;
    stored.status = 'released';
    count(stored.intents, -1);
    return ok({ reservationId, status: 'released', replayed: false });
  }

  function usageSync(promotionId: string, query?: PromotionUsageQuery): PromotionUsage {
    const asked: PromotionUsageQuery = query ?? {};
    if (!isText(promotionId)) throw invalid('promotionId', `expected a non-empty string, got ${show(promotionId)}.`);
    if (query !== undefined && !isRecord(query))
      throw invalid('query', `expected an object or nothing, got ${show(query)}.`);
    for (const field of ['customerId', 'couponCode'] as const)
      if (query?.[field] !== undefined && typeof query[field] !== 'string')
        throw invalid(`query.${field}`, `expected a string when present, got ${show(query[field])}.`);
    const c = counts.get(promotionId);
    const spent: Record<string, number> = {};
    for (const [currency, amount] of [...(c?.spent ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      Object.defineProperty(spent, currency, { value: amount, enumerable: true, writable: true, configurable: true });
    const out: { -readonly [K in keyof PromotionUsage]: PromotionUsage[K] } = {
      promotionId,
      uses: c?.uses ?? 0,
      committedUses: c?.committed ?? 0,
      spent,
    };
    if (asked.customerId !== undefined) out.customerUses = c?.byCustomer.get(asked.customerId) ?? 0;
    if (asked.couponCode !== undefined) out.couponUses = c?.byCoupon.get(asked.couponCode) ?? 0;
    return out;
  }

  const attempt = <T>(run: () => T): Promise<T> => {
    try {
      return Promise.resolve(run());
    } catch (error) {
      return Promise.reject(error);
    }
  };

  return {
    setLimitsSync,
    reserveSync,
    commitSync,
    releaseSync,
    usageSync,
    setLimits: (limits) => attempt(() => setLimitsSync(limits)),
    limits: (promotionId) =>
      attempt(() => {
        if (!isText(promotionId))
          throw invalid('promotionId', `expected a non-empty string, got ${show(promotionId)}.`);
        const found = limitsById.get(promotionId);
        return found === undefined ? undefined : copyLimits(found);
      }),
    reserve: (request) => attempt(() => reserveSync(request)),
    commit: (reservationId) => attempt(() => commitSync(reservationId)),
    release: (reservationId) => attempt(() => releaseSync(reservationId)),
    reservation: (reservationId) =>
      attempt((): UsageReservation | undefined => {
        if (!isText(reservationId))
          throw invalid('reservationId', `expected a non-empty string, got ${show(reservationId)}.`);
        const stored = reservations.get(reservationId);
        return stored === undefined
          ? undefined
          : { reservationId, key: stored.key, status: stored.status, intents: stored.intents.map(copyIntent) };
      }),
    usage: (promotionId, query) => attempt(() => usageSync(promotionId, query)),
  };
}
