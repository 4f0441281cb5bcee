import fc from 'fast-check';
import type { AdapterError } from '../adapters/errors.js';
import type { PromotionLimits, PromotionUsageStore, UsageReservationStatus } from '../adapters/promotionUsageStore.js';
import type { Result } from '../core/result.js';
import type { UsageIntent } from '../pricing/types.js';
import type { ConformanceCase, ConformanceOptions } from './adapterConformance.js';
import { checkProperty, gated, withAdapter } from './internal/adapterKits.js';

// The conformance kit of the `PromotionUsageStore` port. The usage the store reports is judged
// against a recount from the kit's own journal of what the store accepted, never against the store.

/**
 * Builds a fresh, empty promotion usage store for one conformance case (or one randomised run).
 *
 * @example
 * ```ts
 * import { createInMemoryPromotionUsageStore } from 'ordercore/adapters';
 * import type { PromotionUsageStoreFactory } from 'ordercore/testing';
 *
 * const factory: PromotionUsageStoreFactory = () => createInMemoryPromotionUsageStore();
 * typeof factory; //=> 'function'
 * ```
 */
export type PromotionUsageStoreFactory = () => PromotionUsageStore | Promise<PromotionUsageStore>;

function fail(message: string): never {
  throw new Error(`PromotionUsageStore conformance: ${message}`);
}

const j = (value: unknown): string => JSON.stringify(value);
/** Intents compared field by field (a store may give the fields back in another order). */
const canonical = (intents: readonly UsageIntent[]): string =>
  j(intents.map((i) => [i.promotionId, i.couponCode, i.customerId, i.amount.amount, i.amount.currency]));
const usd = (cents: number) => ({ amount: cents, currency: 'USD' });

function mustOk<T>(r: Result<T, AdapterError>, what: string): T {
  if (!r.ok) fail(`${what}: refused ${r.error.code}: ${r.error.message}`);
  return r.value;
}

function mustFail<T>(r: Result<T, AdapterError>, code: string, what: string): AdapterError {
  if (r.ok) fail(`${what}: expected ${code}, got success ${j(r.value)}.`);
  if (r.error.code !== code) fail(`${what}: expected ${code}, got ${r.error.code} (${r.error.message}).`);
  return r.error;
}

// The world of the randomised cases: two limited promotions (one named '__proto__') and one free one.
const LIMITS: readonly PromotionLimits[] = [
  { promotionId: 'p-1', maxUses: 5, maxUsesPerCustomer: 2, maxUsesPerCoupon: 3, budget: usd(1000) },
  { promotionId: '__proto__', maxUses: 4, budget: usd(700) },
];
const PROMOTIONS = ['p-1', '__proto__', 'p-free'] as const;
const CUSTOMERS = ['c-1', 'c-2', 'c-3'] as const;
const COUPONS = ['A', 'B'] as const;

/** The intents of a request key: fixed per key, so every retry of a key sends the same request. */
type KeyedIntents = readonly UsageIntent[];

const intentArbitrary: fc.Arbitrary<UsageIntent> = fc
  .record({
    p: fc.nat({ max: PROMOTIONS.length - 1 }),
    c: fc.nat({ max: CUSTOMERS.length - 1 }),
    coupon: fc.nat({ max: COUPONS.length }),
    cents: fc.constantFrom(0, 100, 250, 400),
  })
  .map(({ p, c, coupon, cents }) => {
    const intent: { -readonly [K in keyof UsageIntent]: UsageIntent[K] } = {
      promotionId: PROMOTIONS[p] as string,
      customerId: CUSTOMERS[c] as string,
      amount: usd(cents),
    };
    if (coupon < COUPONS.length) intent.couponCode = COUPONS[coupon] as string;
    return intent;
  });

const keysArbitrary: fc.Arbitrary<readonly KeyedIntents[]> = fc.array(
  fc.array(intentArbitrary, { minLength: 1, maxLength: 3 }),
  { minLength: 4, maxLength: 10 },
);

interface Step {
  readonly op: 'reserve' | 'commit' | 'release';
  readonly key: number;
}

const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  op: fc.constantFrom('reserve', 'reserve', 'reserve', 'commit', 'release'),
  key: fc.nat({ max: 9 }),
});

/** What the kit knows the store accepted: the status of every reservation it reported. */
class Journal {
  /** The reservation id the store gave each accepted key. */
  readonly ids = new Map<string, string>();
  /** How many answers with `replayed: false` each key got (exactly one is right). */
  readonly fresh = new Map<string, number>();
  /** Keys some commit succeeded on. */
  readonly committed = new Set<string>();
  /** Keys some release succeeded on. */
  readonly released = new Set<string>();

  /**
   * The status a key must have now. Released is final and commit only follows open, so this does
   * not depend on the order in which concurrent answers came back.
   */
  statusOf(key: string): UsageReservationStatus | undefined {
    if (!this.ids.has(key)) return undefined;
    return this.released.has(key) ? 'released' : this.committed.has(key) ? 'committed' : 'open';
  }

  get status(): Map<string, UsageReservationStatus> {
    const out = new Map<string, UsageReservationStatus>();
    for (const key of this.ids.keys()) out.set(key, this.statusOf(key) as UsageReservationStatus);
    return out;
  }

  /** Uses and spend held by open and committed reservations, recounted from the journal. */
  recount(
    keys: readonly KeyedIntents[],
  ): Map<string, { uses: number; spent: number; byCustomer: Map<string, number>; byCoupon: Map<string, number> }> {
    const out = new Map<
      string,
      { uses: number; spent: number; byCustomer: Map<string, number>; byCoupon: Map<string, number> }
    >();
    for (const [key, status] of this.status) {
      if (status === 'released') continue;
      for (const intent of keys[Number(key.slice(2))] ?? []) {
        let c = out.get(intent.promotionId);
        if (c === undefined) {
          c = { uses: 0, spent: 0, byCustomer: new Map(), byCoupon: new Map() };
          out.set(intent.promotionId, c);
        }
        c.uses += 1;
        c.spent += intent.amount.amount;
        if (intent.customerId !== undefined)
          c.byCustomer.set(intent.customerId, (c.byCustomer.get(intent.customerId) ?? 0) + 1);
        if (intent.couponCode !== undefined)
          c.byCoupon.set(intent.couponCode, (c.byCoupon.get(intent.couponCode) ?? 0) + 1);
      }
    }
    return out;
  }
}

/** No limit exceeded; and the store's counts equal the recount of what it accepted. */
async function checkUsage(
  store: PromotionUsageStore,
  journal: Journal,
  keys: readonly KeyedIntents[],
  when: string,
): Promise<void> {
  const expected = journal.recount(keys);
  for (const promotionId of PROMOTIONS) {
    const want = expected.get(promotionId) ?? { uses: 0, spent: 0, byCustomer: new Map(), byCoupon: new Map() };
    const limits = LIMITS.find((l) => l.promotionId === promotionId);
    if (limits?.maxUses !== undefined && want.uses > limits.maxUses)
      fail(`${when}: promotion ${j(promotionId)} holds ${want.uses} uses, above its limit ${limits.maxUses}.`);
    if (limits?.budget !== undefined && want.spent > limits.budget.amount)
      fail(`${when}: promotion ${j(promotionId)} spent ${want.spent}, above its budget ${limits.budget.amount}.`);
    for (const [customer, n] of want.byCustomer)
      if (limits?.maxUsesPerCustomer !== undefined && n > limits.maxUsesPerCustomer)
        fail(`${when}: customer ${customer} holds ${n} uses of ${j(promotionId)}, above ${limits.maxUsesPerCustomer}.`);
    for (const [coupon, n] of want.byCoupon)
      if (limits?.maxUsesPerCoupon !== undefined && n > limits.maxUsesPerCoupon)
        fail(`${when}: coupon ${coupon} holds ${n} uses of ${j(promotionId)}, above ${limits.maxUsesPerCoupon}.`);
    const got = await store.usage(promotionId, { customerId: 'c-1', couponCode: 'A' });
    if (got.uses !== want.uses || (got.spent['USD'] ?? 0) !== want.spent)
      fail(
        `${when}: usage(${j(promotionId)}) says ${got.uses} uses and ${j(got.spent)}, but the reservations it accepted hold ${want.uses} uses and ${want.spent} USD cents (lost or doubled update).`,
      );
    if (got.customerUses !== (want.byCustomer.get('c-1') ?? 0) || got.couponUses !== (want.byCoupon.get('A') ?? 0))
      fail(
        `${when}: usage(${j(promotionId)}) per customer / coupon ${got.customerUses} / ${got.couponUses} disagree with the recount.`,
      );
  }
}

/** Runs one step, records what the store accepted, and checks the answer is one the contract allows. */
async function runStep(
  store: PromotionUsageStore,
  journal: Journal,
  keys: readonly KeyedIntents[],
  step: Step,
  call: <T>(label: string, task: () => Promise<T>) => Promise<T>,
): Promise<void> {
  const key = `k-${step.key % keys.length}`;
  const intents = keys[step.key % keys.length] ?? [];
  if (step.op === 'reserve') {
    const knownBefore = journal.ids.has(key);
    const r = await call(`reserve ${key}`, () => store.reserve({ key, intents }));
    if (r.ok) {
      const known = journal.ids.get(key);
      if (known !== undefined && known !== r.value.reservationId)
        fail(
          `reserve ${key} returned reservation ${j(r.value.reservationId)}, earlier ${j(known)}: a replay must return the same id.`,
        );
      if (knownBefore && !r.value.replayed)
        fail(`reserve ${key} was accepted again after it was reserved (replayed: false).`);
      journal.ids.set(key, r.value.reservationId);
      if (!r.value.replayed) {
        const n = (journal.fresh.get(key) ?? 0) + 1;
        journal.fresh.set(key, n);
        if (n > 1) fail(`reserve ${key} was accepted ${n} times (replayed: false each time): a retry reserved again.`);
      }
    } else if (r.error.code !== 'limit_exceeded')
      fail(`reserve ${key}: unexpected ${r.error.code}: ${r.error.message}`);
    else if (knownBefore)
      fail(`reserve ${key} was refused ${r.error.code}, but the key was already reserved: a replay must succeed.`);
    return;
  }
  const id = journal.ids.get(key);
  if (id === undefined) return;
  const before = journal.statusOf(key);
  const r = await call(`${step.op} ${key}`, () => (step.op === 'commit' ? store.commit(id) : store.release(id)));
  if (r.ok) {
    const target: UsageReservationStatus = step.op === 'commit' ? 'committed' : 'released';
    if (r.value.status !== target) fail(`${step.op} ${key} reported status ${r.value.status}.`);
    if (step.op === 'commit' && before === 'released') fail(`commit ${key} succeeded on a released reservation.`);
    (step.op === 'commit' ? journal.committed : journal.released).add(key);
  } else if (!(step.op === 'commit' && r.error.code === 'reservation_not_active'))
    fail(`${step.op} ${key}: unexpected ${r.error.code}: ${r.error.message}`);
}

async function setWorldLimits(store: PromotionUsageStore): Promise<void> {
  for (const limits of LIMITS) mustOk(await store.setLimits(limits), `setLimits ${j(limits.promotionId)}`);
}

async function limitsRoundTrip(store: PromotionUsageStore): Promise<void> {
  await setWorldLimits(store);
  for (const limits of LIMITS) {
    const got = await store.limits(limits.promotionId);
    if (j(got) !== j(limits)) fail(`limits(${j(limits.promotionId)}) returned ${j(got)}, expected ${j(limits)}.`);
  }
  if ((await store.limits('p-free')) !== undefined) fail('limits() of a promotion never configured must be undefined.');
  mustOk(
    await store.reserve({
      key: 'free',
      intents: Array.from({ length: 50 }, () => ({ promotionId: 'p-free', amount: usd(1) })),
    }),
    'reserve 50 uses of an unlimited promotion',
  );
  const usage = await store.usage('p-free');
  if (usage.uses !== 50 || usage.spent['USD'] !== 50) fail(`usage(p-free) is ${j(usage)} after 50 uses of 1 cent.`);
}

async function eachLimitRefuses(store: PromotionUsageStore): Promise<void> {
  await setWorldLimits(store);
  const use = (customerId: string, couponCode: string | undefined, cents: number): UsageIntent =>
    couponCode === undefined
      ? { promotionId: 'p-1', customerId, amount: usd(cents) }
      : { promotionId: 'p-1', customerId, couponCode, amount: usd(cents) };
  mustOk(await store.reserve({ key: 'r-1', intents: [use('c-1', 'A', 100), use('c-1', 'A', 100)] }), 'two uses by c-1');
  const refusal = async (key: string, intents: UsageIntent[], limit: string): Promise<void> => {
    const before = await store.usage('p-1', { customerId: 'c-1', couponCode: 'A' });
    const e = mustFail(await store.reserve({ key, intents }), 'limit_exceeded', `reserve ${key}`);
    if (e.details['limit'] !== limit || e.details['promotionId'] !== 'p-1')
      fail(
        `reserve ${key}: refused for ${j(e.details['limit'])} of ${j(e.details['promotionId'])}, expected ${limit} of "p-1".`,
      );
    const after = await store.usage('p-1', { customerId: 'c-1', couponCode: 'A' });
    if (j(after) !== j(before))
      fail(`reserve ${key} was refused but changed the usage from ${j(before)} to ${j(after)}.`);
    if ((await store.reservation(key)) !== undefined)
      fail(`reserve ${key} was refused but a reservation was recorded.`);
  };
  await refusal('r-2', [use('c-2', 'B', 1), use('c-1', 'B', 1)], 'uses_per_customer');
  await refusal('r-3', [use('c-2', 'A', 1), use('c-3', 'A', 1)], 'uses_per_coupon');
  await refusal('r-4', [use('c-2', 'B', 700), use('c-3', undefined, 101)], 'budget');
  mustFail(
    await store.reserve({ key: 'r-7', intents: [{ promotionId: 'p-1', amount: usd(1) }] }),
    'invalid_request',
    'an intent without a customer for a per-customer limit',
  );
  mustFail(
    await store.reserve({
      key: 'r-8',
      intents: [{ promotionId: '__proto__', amount: { amount: 1, currency: 'EUR' } }],
    }),
    'currency_mismatch',
    'an amount in another currency than the budget',
  );
  mustOk(
    await store.reserve({ key: 'r-5', intents: [use('c-2', 'B', 1), use('c-3', 'B', 1), use('c-2', undefined, 1)] }),
    'three more uses (five in all)',
  );
  await refusal('r-6', [use('c-3', undefined, 1)], 'uses');
  mustOk(await store.release('r-1'), 'release r-1');
  mustOk(await store.reserve({ key: 'r-6', intents: [use('c-3', undefined, 1)] }), 'a use after a release freed two');
}

async function idempotent(store: PromotionUsageStore): Promise<void> {
  await setWorldLimits(store);
  const intents: UsageIntent[] = [{ promotionId: 'p-1', customerId: 'c-1', couponCode: 'A', amount: usd(100) }];
  const first = mustOk(await store.reserve({ key: 'k', intents }), 'reserve k');
  if (first.replayed) fail('a first reserve reported replayed.');
  const again = mustOk(await store.reserve({ key: 'k', intents }), 'reserve k again');
  if (!again.replayed || again.reservationId !== first.reservationId)
    fail(
      `a replayed reserve returned ${j(again)}, expected { reservationId: ${j(first.reservationId)}, replayed: true }.`,
    );
  mustFail(
    await store.reserve({ key: 'k', intents: [{ ...intents[0], amount: usd(5) } as UsageIntent] }),
    'idempotency_key_reused',
    'reserve k with other intents',
  );
  if ((await store.usage('p-1')).uses !== 1) fail('a replayed reserve counted twice.');
  const id = first.reservationId;
  const stored = await store.reservation(id);
  if (stored?.status !== 'open' || stored.key !== 'k' || canonical(stored.intents) !== canonical(intents))
    fail(`reservation(${j(id)}) returned ${j(stored)}.`);
  const c1 = mustOk(await store.commit(id), 'commit');
  const c2 = mustOk(await store.commit(id), 'commit again');
  if (c1.replayed || !c2.replayed || c2.status !== 'committed') fail(`commit twice reported ${j(c1)} then ${j(c2)}.`);
  const committed = await store.usage('p-1');
  if (committed.uses !== 1 || committed.committedUses !== 1) fail(`after commit, usage is ${j(committed)}.`);
  const r1 = mustOk(await store.release(id), 'release after commit');
  const r2 = mustOk(await store.release(id), 'release again');
  if (r1.replayed || !r2.replayed || r2.status !== 'released') fail(`release twice reported ${j(r1)} then ${j(r2)}.`);
  const released = await store.usage('p-1');
  if (released.uses !== 0 || released.committedUses !== 0 || (released.spent['USD'] ?? 0) !== 0)
    fail(`after release, usage is ${j(released)}; a released reservation counts nothing.`);
  mustFail(await store.commit(id), 'reservation_not_active', 'commit after release');
  mustFail(await store.commit('nope'), 'not_found', 'commit of an unknown reservation');
  mustFail(await store.release('nope'), 'not_found', 'release of an unknown reservation');
  const replay = mustOk(await store.reserve({ key: 'k', intents }), 'reserve k after its release');
  if (!replay.replayed)
    fail('a reserve of a released key must replay (keys are remembered forever), not reserve again.');
}

async function sequential(
  store: PromotionUsageStore,
  keys: readonly KeyedIntents[],
  steps: readonly Step[],
): Promise<void> {
  await setWorldLimits(store);
  const journal = new Journal();
  const direct = <T>(_label: string, task: () => Promise<T>): Promise<T> => task();
  for (let i = 0; i < steps.length; i += 1) {
    await runStep(store, journal, keys, steps[i] as Step, direct);
    await checkUsage(store, journal, keys, `after step ${i}`);
  }
}

async function concurrent(
  store: PromotionUsageStore,
  s: fc.Scheduler,
  keys: readonly KeyedIntents[],
  clients: readonly (readonly Step[])[],
): Promise<void> {
  await setWorldLimits(store);
  const journal = new Journal();
  const call = gated(s);
  const run = async (steps: readonly Step[]): Promise<void> => {
    for (const step of steps) await runStep(store, journal, keys, step, call);
  };
  await s.waitFor(Promise.all(clients.map(run)));
  for (const [key, id] of journal.ids) {
    if (journal.fresh.get(key) !== 1)
      fail(`reserve ${key} was only ever answered replayed: true; its first reserve must say false.`);
    const stored = await store.reservation(id);
    if (stored?.status !== journal.statusOf(key))
      fail(
        `reservation ${j(id)} is ${j(stored?.status)}, expected ${journal.statusOf(key)} from the commits and releases that succeeded.`,
      );
  }
  await checkUsage(store, journal, keys, 'after the concurrent clients');
}

/**
 * The conformance kit of the `PromotionUsageStore` port, runner-agnostic. The cases: limits round
 * trip (a promotion never configured is unlimited); each limit (`uses`, `uses_per_customer`,
 * `uses_per_coupon`, `budget`) refuses and names itself and writes nothing, a release frees uses,
 * `currency_mismatch` and a missing customer are refused; reserve, commit and release are idempotent
 * (`idempotency_key_reused`, `reservation_not_active`, `not_found`, keys remembered after release);
 * random sequences where usage always equals the recount of what the store accepted; and concurrent
 * clients under random interleavings (fast-check's scheduler) reserving, committing and releasing,
 * retrying keys — never over any limit or budget, no lost or doubled update, replays return the same
 * reservation.
 *
 * @param createStore - Builds a fresh, empty store; called once per case and per randomised run.
 * @param options - Seed, runs, clients, and `dispose`.
 * @returns The cases, to hand to your runner: `for (const c of cases) it(c.name, c.run)`.
 * @example
 * ```ts
 * import { createInMemoryPromotionUsageStore } from 'ordercore/adapters';
 * import { promotionUsageConformance } from 'ordercore/testing';
 *
 * const cases = promotionUsageConformance(() => createInMemoryPromotionUsageStore(), { numRuns: 5 });
 * cases.length; //=> 5
 * for (const c of cases) await c.run();
 * ```
 */
export function promotionUsageConformance(
  createStore: PromotionUsageStoreFactory,
  options: ConformanceOptions<PromotionUsageStore> = {},
): readonly ConformanceCase[] {
  const seed = options.seed ?? 42;
  const numRuns = options.numRuns ?? 25;
  const clients = options.clients ?? 6;
  const once = (name: string, body: (store: PromotionUsageStore) => Promise<void>): ConformanceCase => ({
    name,
    run: () => withAdapter(createStore, options, body),
  });
  return [
    once('limits round-trip; a promotion without limits is unlimited', limitsRoundTrip),
    once('each limit refuses, names itself and writes nothing', eachLimitRefuses),
    once('reserve, commit and release are idempotent', idempotent),
    {
      name: 'random sequences: usage equals the recount of what was accepted',
      run: () =>
        checkProperty(
          fc.asyncProperty(keysArbitrary, fc.array(stepArbitrary, { minLength: 1, maxLength: 30 }), (keys, steps) =>
            withAdapter(createStore, options, (store) => sequential(store, keys, steps)),
          ),
          seed,
          numRuns,
        ),
    },
    {
      name: 'concurrent clients: never over a limit or budget, no lost update, idempotent',
      run: () =>
        checkProperty(
          fc.asyncProperty(
            fc.scheduler(),
            keysArbitrary,
            fc.array(fc.array(stepArbitrary, { minLength: 1, maxLength: 6 }), {
              minLength: clients,
              maxLength: clients,
            }),
            (s, keys, steps) => withAdapter(createStore, options, (store) => concurrent(store, s, keys, steps)),
          ),
          seed,
          numRuns,
        ),
    },
  ];
}
