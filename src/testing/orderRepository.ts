import fc from 'fast-check';
import type { AdapterError } from '../adapters/errors.js';
import type { OrderRepository } from '../adapters/orderRepository.js';
import type { Result } from '../core/result.js';
import { money } from '../money/money.js';
import { createOrder } from '../orders/createOrder.js';
import type { HistoryEntry, Order } from '../orders/types.js';
import type { ConformanceCase, ConformanceOptions } from './adapterConformance.js';
import { checkProperty, gated, withAdapter } from './internal/adapterKits.js';

// The conformance kit of the `OrderRepository` port, runner-agnostic like the inventory kit: cases
// that throw a plain Error naming the violation. Checks are written against the port's contract,
// with an independent model for queries (filter, then placed instant, then id).

/**
 * Builds a fresh, empty order repository for one conformance case (or one randomised run).
 *
 * @example
 * ```ts
 * import { createInMemoryOrderRepository } from 'ordercore/adapters';
 * import type { OrderRepositoryFactory } from 'ordercore/testing';
 *
 * const factory: OrderRepositoryFactory = () => createInMemoryOrderRepository();
 * typeof factory; //=> 'function'
 * ```
 */
export type OrderRepositoryFactory = () => OrderRepository | Promise<OrderRepository>;

function fail(message: string): never {
  throw new Error(`OrderRepository conformance: ${message}`);
}

const j = (value: unknown): string => JSON.stringify(value);
const usd = (amount: string) => money(amount, 'USD');

/** A valid order made by `createOrder` (version 1, one history entry), then given a state. */
function sampleOrder(id: string, customerId: string, orderedAt: string, state = 'placed'): Order {
  const created = createOrder(
    {
      id,
      type: 'stock',
      currency: 'USD',
      channel: 'web',
      priority: 'normal',
      customer: { accountId: customerId, deliveryAddress: { line1: '1 Main St', city: 'Springfield', country: 'US' } },
      lines: [
        {
          id: 'l1',
          sku: 'MUG',
          description: 'Mug',
          quantity: 1,
          unitPrice: usd('8.50'),
          subtotal: usd('8.50'),
          discounts: [],
          discountTotal: usd('0'),
          net: usd('8.50'),
          tax: usd('0'),
          total: usd('8.50'),
        },
      ],
      shipping: { net: usd('0'), tax: usd('0') },
      fulfillment: {},
      terms: { paymentTerms: { kind: 'prepaid' }, creditApproved: false },
      timestamps: { orderedAt },
    },
    { now: orderedAt, actor: { kind: 'customer', id: customerId } },
  );
  if (!created.ok)
    throw new Error(`OrderRepository conformance: the sample order did not build: ${created.error.message}`);
  return { ...created.value.order, state };
}

/** The order after one more accepted event, tagged with who sent it (version + 1, one more entry). */
function nextVersion(order: Order, tag: string, state = order.state): Order {
  const entry: HistoryEntry = {
    seq: order.history.length + 1,
    event: { type: 'confirm' },
    machine: 'order',
    from: order.state,
    to: state,
    actor: { kind: 'system', id: tag },
    at: order.timestamps.orderedAt,
  };
  return { ...order, version: order.version + 1, state, history: [...order.history, entry] };
}

function mustOk<T>(r: Result<T, AdapterError>, what: string): T {
  if (!r.ok) fail(`${what}: refused ${r.error.code}: ${r.error.message}`);
  return r.value;
}

function mustFail<T>(r: Result<T, AdapterError>, code: string, what: string): AdapterError {
  if (r.ok) fail(`${what}: expected ${code}, got success ${j(r.value)}.`);
  if (r.error.code !== code) fail(`${what}: expected ${code}, got ${r.error.code} (${r.error.message}).`);
  return r.error;
}

async function expectStored(repo: OrderRepository, order: Order, what: string): Promise<void> {
  const loaded = mustOk(await repo.load(order.id), `${what}: load ${j(order.id)}`);
  if (j(loaded) !== j(order) && !sameJson(loaded, order))
    fail(`${what}: load ${j(order.id)} returned ${j(loaded)}, expected ${j(order)}.`);
}

/** Equal as JSON data, whatever the key order (a database may store objects with keys reordered). */
function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (typeof a === 'object' && a !== null) {
    if (typeof b !== 'object' || b === null || Array.isArray(b)) return false;
    const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return (
      ka.length === kb.length &&
      ka.every(
        (k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
      )
    );
  }
  return Object.is(a, b);
}

const AT = '2026-11-22T10:00:00Z';

async function createAndLoad(repo: OrderRepository): Promise<void> {
  for (const id of ['o-1', '__proto__', 'o/ü 2']) {
    const order = sampleOrder(id, 'c-1', AT);
    const saved = mustOk(await repo.create(order), `create ${j(id)}`);
    if (saved.orderId !== id || saved.version !== order.version)
      fail(`create ${j(id)} reported ${j(saved)}, expected orderId ${j(id)} and version ${order.version}.`);
    await expectStored(repo, order, 'after create');
    mustFail(await repo.create(sampleOrder(id, 'c-2', AT)), 'already_exists', `a second create of ${j(id)}`);
    await expectStored(repo, order, 'after the refused second create');
  }
  mustFail(await repo.load('o-404'), 'not_found', 'load of an unknown id');
  // The store keeps its own copy: changing what was created or loaded changes nothing.
  const order = sampleOrder('o-copy', 'c-1', AT);
  mustOk(await repo.create(order), 'create o-copy');
  const loaded = mustOk(await repo.load('o-copy'), 'load o-copy') as unknown as {
    state: string;
    lines: { quantity: number }[];
  };
  loaded.state = 'tampered';
  if (loaded.lines[0] !== undefined) loaded.lines[0].quantity = 99;
  (order as { state: string }).state = 'tampered too';
  const again = mustOk(await repo.load('o-copy'), 'load o-copy again');
  if (again.state !== 'placed' || again.lines[0]?.quantity !== 1)
    fail(
      `a loaded or created order is shared with the store: state ${j(again.state)}, quantity ${again.lines[0]?.quantity}.`,
    );
}

async function saveComparesVersions(repo: OrderRepository): Promise<void> {
  const v1 = sampleOrder('o-1', 'c-1', AT);
  mustOk(await repo.create(v1), 'create');
  const v2 = nextVersion(v1, 'a', 'confirmed');
  const saved = mustOk(await repo.save(v2, v1.version), 'save v2 expecting v1');
  if (saved.version !== v2.version || saved.historyAppended !== 1)
    fail(`save reported ${j(saved)}, expected version ${v2.version} and historyAppended 1.`);
  const stale = mustFail(
    await repo.save(nextVersion(v1, 'b', 'cancelled'), v1.version),
    'version_conflict',
    'a stale save',
  );
  if (stale.details['actualVersion'] !== v2.version || stale.details['expectedVersion'] !== v1.version)
    fail(
      `version_conflict details ${j(stale.details)}: expected expectedVersion ${v1.version}, actualVersion ${v2.version}.`,
    );
  mustFail(
    await repo.save({ ...v2, state: 'shipped' }, v2.version),
    'invalid_request',
    'a save that does not raise the version',
  );
  mustFail(
    await repo.save(nextVersion(sampleOrder('o-404', 'c-1', AT), 'x'), 1),
    'not_found',
    'a save of an unknown id',
  );
  await expectStored(repo, v2, 'after the refused saves');
}

async function historyAppendOnly(repo: OrderRepository): Promise<void> {
  let order = sampleOrder('o-h', 'c-1', AT);
  mustOk(await repo.create(order), 'create');
  const two = nextVersion(nextVersion(order, 'a'), 'b');
  const saved = mustOk(await repo.save(two, order.version), 'save with two new entries');
  if (saved.historyAppended !== 2) fail(`historyAppended ${saved.historyAppended} for two new entries.`);
  order = two;
  const shorter = { ...nextVersion(order, 'c'), history: order.history.slice(0, 1) };
  mustFail(await repo.save(shorter, order.version), 'history_rewritten', 'a save that drops history entries');
  const badSeq = nextVersion(order, 'c');
  const last = badSeq.history.at(-1) as HistoryEntry;
  mustFail(
    await repo.save({ ...badSeq, history: [...order.history, { ...last, seq: 9 }] }, order.version),
    'invalid_request',
    'a save whose new entry skips a seq',
  );
  await expectStored(repo, order, 'after the refused history saves');
  const all = mustOk(await repo.history('o-h'), 'history');
  if (j(all.map((e) => e.seq)) !== j([1, 2, 3])) fail(`history seqs ${j(all.map((e) => e.seq))}, expected [1,2,3].`);
  if (!sameJson(all, order.history)) fail('history() differs from the saved order history.');
  const page = mustOk(await repo.history('o-h', { afterSeq: 1, limit: 1 }), 'history page');
  if (j(page.map((e) => e.seq)) !== j([2]))
    fail(`history({ afterSeq: 1, limit: 1 }) gave seqs ${j(page.map((e) => e.seq))}.`);
  mustFail(await repo.history('o-404'), 'not_found', 'history of an unknown id');
}

// --- queries against a model

const INSTANTS = [
  '2026-11-22T10:00:00Z',
  '2026-11-22T11:00:00+01:00', // the same instant as the first, written differently
  '2026-11-22T09:30:00-02:00', // later than both, though its string sorts first
  '2026-11-21T23:59:59.999Z',
  '2026-11-23T00:00:00Z',
] as const;
const STATES = ['placed', 'confirmed', 'cancelled'] as const;
const CUSTOMERS = ['c-1', 'c-2', '__proto__'] as const;

interface QueryWorld {
  readonly orders: readonly { id: string; customer: number; placed: number; state: number }[];
  readonly query: { states?: number[]; customer?: number; from?: number; before?: number; limit: number };
}

const queryWorld: fc.Arbitrary<QueryWorld> = fc.record({
  orders: fc.uniqueArray(
    fc.record({
      id: fc.constantFrom('a', 'b', 'B', 'o-1', 'o-10', 'o-2', 'é', 'z z', '__proto__'),
      customer: fc.nat({ max: CUSTOMERS.length - 1 }),
      placed: fc.nat({ max: INSTANTS.length - 1 }),
      state: fc.nat({ max: STATES.length - 1 }),
    }),
    { selector: (o) => o.id, maxLength: 9 },
  ),
  query: fc.record(
    {
      states: fc.uniqueArray(fc.nat({ max: STATES.length - 1 }), { maxLength: 2 }),
      customer: fc.nat({ max: CUSTOMERS.length - 1 }),
      from: fc.nat({ max: INSTANTS.length - 1 }),
      before: fc.nat({ max: INSTANTS.length - 1 }),
      limit: fc.integer({ min: 1, max: 4 }),
    },
    { requiredKeys: ['limit'] },
  ),
});

async function queriesMatchModel(repo: OrderRepository, world: QueryWorld): Promise<void> {
  const orders = world.orders.map((o) =>
    sampleOrder(o.id, CUSTOMERS[o.customer] as string, INSTANTS[o.placed] as string, STATES[o.state] as string),
  );
  for (const order of orders) mustOk(await repo.create(order), `create ${j(order.id)}`);
  const q = world.query;
  const query = {
    limit: q.limit,
    ...(q.states === undefined ? {} : { states: q.states.map((s) => STATES[s] as string) }),
    ...(q.customer === undefined ? {} : { customerId: CUSTOMERS[q.customer] as string }),
    ...(q.from === undefined ? {} : { placedFrom: INSTANTS[q.from] as string }),
    ...(q.before === undefined ? {} : { placedBefore: INSTANTS[q.before] as string }),
  };
  const ms = (o: Order): number => Date.parse(o.timestamps.orderedAt);
  const expected = orders
    .filter(
      (o) =>
        (query.states === undefined || query.states.length === 0 || query.states.includes(o.state)) &&
        (query.customerId === undefined || o.customer.accountId === query.customerId) &&
        (query.placedFrom === undefined || ms(o) >= Date.parse(query.placedFrom)) &&
        (query.placedBefore === undefined || ms(o) < Date.parse(query.placedBefore)),
    )
    .sort((a, b) => ms(a) - ms(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((o) => o.id);
  const got: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; ; pages += 1) {
    if (pages > orders.length + 1) fail(`query ${j(query)}: paging does not end.`);
    const page = await repo.query(cursor === undefined ? query : { ...query, cursor });
    if (page.orders.length > query.limit) fail(`query ${j(query)}: a page of ${page.orders.length} orders.`);
    if (page.nextCursor !== undefined && page.orders.length < query.limit)
      fail(`query ${j(query)}: a short page of ${page.orders.length} is followed by a cursor.`);
    got.push(...page.orders.map((o) => o.id));
    if (page.nextCursor === undefined) break;
    cursor = page.nextCursor;
  }
  if (j(got) !== j(expected))
    fail(
      `query ${j(query)} over ${j(world.orders)} paged out ${j(got)}, expected ${j(expected)} (placed instant, then id).`,
    );
}

// --- concurrency

async function concurrentSaves(repo: OrderRepository, s: fc.Scheduler, clients: number): Promise<void> {
  const call = gated(s);
  const start = sampleOrder('o-race', 'c-1', AT);
  mustOk(await repo.create(start), 'create');
  const wins: number[] = [];
  const client = async (c: number): Promise<void> => {
    for (let attempt = 0; attempt <= clients; attempt += 1) {
      const loaded = mustOk(await call(`load ${c}`, () => repo.load('o-race')), `client ${c}: load`);
      const r = await call(`save ${c}`, () => repo.save(nextVersion(loaded, `client-${c}`), loaded.version));
      if (r.ok) {
        wins.push(r.value.version);
        return;
      }
      if (r.error.code !== 'version_conflict') fail(`client ${c}: save refused ${r.error.code}: ${r.error.message}`);
    }
    fail(
      `client ${c}: still conflicting after ${clients + 1} attempts; with ${clients} clients some save must win each round.`,
    );
  };
  await s.waitFor(Promise.all(Array.from({ length: clients }, (_, c) => client(c))));
  const end = mustOk(await repo.load('o-race'), 'load at the end');
  if (end.version !== start.version + clients)
    fail(`lost update: ${clients} saves won, but the version went from ${start.version} to ${end.version}.`);
  if (new Set(wins).size !== wins.length) fail(`two saves won with the same version: ${j(wins)}.`);
  const tags = end.history.slice(start.history.length).map((e) => e.actor.id);
  for (let c = 0; c < clients; c += 1)
    if (tags.filter((t) => t === `client-${c}`).length !== 1)
      fail(
        `lost update: client ${c}'s history entry appears ${tags.filter((t) => t === `client-${c}`).length} times in ${j(tags)}.`,
      );
  if (j(end.history.map((e) => e.seq)) !== j(end.history.map((_, i) => i + 1)))
    fail('history seqs are not 1..n after the race.');
}

async function concurrentCreates(repo: OrderRepository, s: fc.Scheduler, clients: number): Promise<void> {
  const call = gated(s);
  const results = await s.waitFor(
    Promise.all(
      Array.from({ length: clients }, (_, c) =>
        call(`create ${c}`, () => repo.create(sampleOrder('o-dup', `c-${c}`, AT))),
      ),
    ),
  );
  const winners = results.filter((r) => r.ok).length;
  if (winners !== 1) fail(`${winners} of ${clients} concurrent creates of one id succeeded; exactly one must.`);
  for (const r of results) if (!r.ok && r.error.code !== 'already_exists') fail(`a losing create got ${r.error.code}.`);
}

/**
 * The conformance kit of the `OrderRepository` port: the cases any adapter (the in-memory reference,
 * a SQL adapter, yours) must pass, runner-agnostic. The cases: create then load round-trips (a
 * `'__proto__'` id too; loaded and created orders are not shared with the store); save compares
 * versions (`version_conflict` with the actual version, `invalid_request` for a version that does
 * not grow, `not_found`); history is append-only (`history_rewritten`, seq checks, `history` pages);
 * queries filter, order (placed instant — offsets included — then id) and page exactly like a model,
 * on random data; concurrent saves from one version under random interleavings (fast-check's
 * scheduler) — exactly one winner per version and no lost update; concurrent creates of one id —
 * exactly one winner.
 *
 * @param createRepository - Builds a fresh, empty repository; called once per case and per run.
 * @param options - Seed, runs, clients, and `dispose`.
 * @returns The cases, to hand to your runner: `for (const c of cases) it(c.name, c.run)`.
 * @example
 * ```ts
 * import { createInMemoryOrderRepository } from 'ordercore/adapters';
 * import { orderRepositoryConformance } from 'ordercore/testing';
 *
 * const cases = orderRepositoryConformance(() => createInMemoryOrderRepository(), { numRuns: 5 });
 * cases.length; //=> 6
 * for (const c of cases) await c.run();
 * ```
 */
export function orderRepositoryConformance(
  createRepository: OrderRepositoryFactory,
  options: ConformanceOptions<OrderRepository> = {},
): readonly ConformanceCase[] {
  const seed = options.seed ?? 42;
  const numRuns = options.numRuns ?? 25;
  const clients = options.clients ?? 6;
  const once = (name: string, body: (repo: OrderRepository) => Promise<void>): ConformanceCase => ({
    name,
    run: () => withAdapter(createRepository, options, body),
  });
  return [
    once('create then load round-trips; orders are not shared with the store', createAndLoad),
    once('save compares versions (version_conflict, growing versions, not_found)', saveComparesVersions),
    once('history is append-only and paged by seq', historyAppendOnly),
    {
      name: 'queries filter, order (placed instant, then id) and page like the model',
      run: () =>
        checkProperty(
          fc.asyncProperty(queryWorld, (world) =>
            withAdapter(createRepository, options, (repo) => queriesMatchModel(repo, world)),
          ),
          seed,
          numRuns,
        ),
    },
    {
      name: 'concurrent saves: one winner per version, no lost update',
      run: () =>
        checkProperty(
          fc.asyncProperty(fc.scheduler(), (s) =>
            withAdapter(createRepository, options, (repo) => concurrentSaves(repo, s, clients)),
          ),
          seed,
          numRuns,
        ),
    },
    {
      name: 'concurrent creates of one id: exactly one wins',
      run: () =>
        checkProperty(
          fc.asyncProperty(fc.scheduler(), (s) =>
            withAdapter(createRepository, options, (repo) => concurrentCreates(repo, s, clients)),
          ),
          seed,
          numRuns,
        ),
    },
  ];
}
