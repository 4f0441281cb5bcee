import fc from 'fast-check';
import type { AdapterError } from '../adapters/errors.js';
import type { ClaimedMessage, EventOutbox, OutboxMessage } from '../adapters/eventOutbox.js';
import type { Result } from '../core/result.js';
import type { ConformanceCase, ConformanceOptions } from './adapterConformance.js';
import { checkProperty, gated, withAdapter } from './internal/adapterKits.js';

// The conformance kit of the `EventOutbox` port: idempotent appends, leased claims in append order,
// redelivery after a lease, and concurrent consumers that never share a live lease.

/**
 * Builds a fresh, empty outbox for one conformance case (or one randomised run).
 *
 * @example
 * ```ts
 * import { createInMemoryEventOutbox } from 'ordercore/adapters';
 * import type { EventOutboxFactory } from 'ordercore/testing';
 *
 * const factory: EventOutboxFactory = () => createInMemoryEventOutbox();
 * typeof factory; //=> 'function'
 * ```
 */
export type EventOutboxFactory = () => EventOutbox | Promise<EventOutbox>;

function fail(message: string): never {
  throw new Error(`EventOutbox conformance: ${message}`);
}

const j = (value: unknown): string => JSON.stringify(value);
const T0 = Date.parse('2026-11-22T10:00:00Z');
const at = (seconds: number): string => new Date(T0 + seconds * 1000).toISOString();

function mustOk<T>(r: Result<T, AdapterError>, what: string): T {
  if (!r.ok) fail(`${what}: refused ${r.error.code}: ${r.error.message}`);
  return r.value;
}

function mustFail<T>(r: Result<T, AdapterError>, code: string, what: string): void {
  if (r.ok) fail(`${what}: expected ${code}, got success ${j(r.value)}.`);
  if (r.error.code !== code) fail(`${what}: expected ${code}, got ${r.error.code} (${r.error.message}).`);
}

const message = (id: string, topic = 'notify_customer'): OutboxMessage => ({
  id,
  topic,
  payload: { id, n: [1, 'two'] },
});
const ids = (claimed: readonly ClaimedMessage[]): string[] => claimed.map((m) => m.id);

async function appendIdempotent(outbox: EventOutbox): Promise<void> {
  const first = mustOk(await outbox.append([message('m-1'), message('__proto__')]), 'append two');
  if (first.appended !== 2 || first.replayed !== 0) fail(`append of two new messages reported ${j(first)}.`);
  const again = mustOk(await outbox.append([message('m-1'), message('m-2')]), 'append one old, one new');
  if (again.appended !== 1 || again.replayed !== 1)
    fail(`append of one stored and one new message reported ${j(again)}.`);
  mustFail(
    await outbox.append([message('m-3'), { ...message('m-1'), payload: 'other' }]),
    'idempotency_key_reused',
    'append of a stored id with another payload',
  );
  mustFail(await outbox.append([message('m-4'), message('m-4')]), 'invalid_request', 'one id twice in one append');
  const all = await outbox.claim({ consumer: 'w', now: at(0), leaseMs: 1000 });
  if (j(ids(all)) !== j(['m-1', '__proto__', 'm-2']))
    fail(
      `after the refused appends the outbox holds ${j(ids(all))}, expected ["m-1","__proto__","m-2"] (a refused append writes nothing).`,
    );
  if (j(all[0]?.payload) !== j(message('m-1').payload)) fail(`payload came back as ${j(all[0]?.payload)}.`);
}

async function leasesAndRedelivery(outbox: EventOutbox): Promise<void> {
  mustOk(await outbox.append([message('a'), message('b', 'approval_request'), message('c')]), 'append');
  const first = await outbox.claim({ consumer: 'w-1', now: at(0), leaseMs: 30_000, limit: 2 });
  if (j(ids(first)) !== j(['a', 'b']))
    fail(`claim limit 2 returned ${j(ids(first))}, expected ["a","b"] (oldest first).`);
  if (first[0]?.attempt !== 1 || first[0].leaseExpiresAt !== at(30))
    fail(`first claim ${j(first[0])}: attempt 1, lease to ${at(30)}.`);
  const second = await outbox.claim({ consumer: 'w-2', now: at(10), leaseMs: 30_000 });
  if (j(ids(second)) !== j(['c'])) fail(`a claim during the leases returned ${j(ids(second))}, expected only ["c"].`);
  const topics = await outbox.claim({ consumer: 'w-3', now: at(40), leaseMs: 30_000, topics: ['approval_request'] });
  if (j(ids(topics)) !== j(['b']))
    fail(`a claim of topic approval_request after the lease returned ${j(ids(topics))}.`);
  const a1 = first[0] as ClaimedMessage;
  const again = await outbox.claim({ consumer: 'w-2', now: at(30), leaseMs: 30_000, limit: 1 });
  if (again[0]?.id !== 'a' || again[0].attempt !== 2)
    fail(`after its lease ended, "a" was not redelivered as attempt 2: ${j(again)}.`);
  mustFail(
    await outbox.markDelivered('a', a1.claimToken),
    'lease_lost',
    'markDelivered with the expired claim after a new one',
  );
  mustOk(
    await outbox.markDelivered('a', (again[0] as ClaimedMessage).claimToken),
    'markDelivered with the current claim',
  );
  const replay = mustOk(
    await outbox.markDelivered('a', (again[0] as ClaimedMessage).claimToken),
    'markDelivered again',
  );
  if (!replay.replayed) fail('a second markDelivered with the same claim must be a replay.');
  mustFail(await outbox.markDelivered('zz', 'zz#1'), 'not_found', 'markDelivered of an unknown id');
  const later = await outbox.claim({ consumer: 'w-4', now: at(3600), leaseMs: 1000 });
  if (ids(later).includes('a')) fail('a delivered message was claimed again.');
  if (j(ids(later)) !== j(['b', 'c']))
    fail(`much later, the undelivered messages claimed were ${j(ids(later))}, expected ["b","c"].`);
}

async function concurrentConsumers(
  outbox: EventOutbox,
  s: fc.Scheduler,
  count: number,
  consumers: number,
  limits: readonly number[],
): Promise<void> {
  const all = Array.from({ length: count }, (_, i) => message(`m-${i}`));
  mustOk(await outbox.append(all), 'append');
  const call = gated(s);
  const got = new Map<string, string>();
  let delivered = 0;
  const consumer = async (c: number): Promise<void> => {
    for (let round = 0; round < count + 1; round += 1) {
      const batch = await call(`claim ${c}`, () =>
        outbox.claim({
          consumer: `w-${c}`,
          now: at(0),
          leaseMs: 60_000,
          limit: limits[(c + round) % limits.length] ?? 1,
        }),
      );
      if (batch.length === 0) return;
      for (const m of batch) {
        const holder = got.get(m.id);
        if (holder !== undefined) fail(`message ${m.id} was handed to ${holder} and to w-${c} under one live lease.`);
        got.set(m.id, `w-${c}`);
        const r = await call(`deliver ${c} ${m.id}`, () => outbox.markDelivered(m.id, m.claimToken));
        if (!mustOk(r, `w-${c} markDelivered ${m.id}`).replayed) delivered += 1;
      }
    }
  };
  await s.waitFor(Promise.all(Array.from({ length: consumers }, (_, c) => consumer(c))));
  if (got.size !== count || delivered !== count)
    fail(`${count} messages, but ${got.size} were claimed and ${delivered} delivered by the concurrent consumers.`);
}

/**
 * The conformance kit of the `EventOutbox` port, runner-agnostic. The cases: appends are idempotent
 * by id, all or nothing (`idempotency_key_reused`, `invalid_request`), and payloads come back as
 * stored; claims go oldest first within `limit` and `topics`, leases hide messages until they end,
 * an expired lease is redelivered as the next attempt, a stale claim gets `lease_lost`, a delivered
 * message is never claimed again; and concurrent consumers under random interleavings (fast-check's
 * scheduler) never share a live lease and deliver every message exactly once.
 *
 * @param createOutbox - Builds a fresh, empty outbox; called once per case and per randomised run.
 * @param options - Seed, runs, clients (consumers), and `dispose`.
 * @returns The cases, to hand to your runner: `for (const c of cases) it(c.name, c.run)`.
 * @example
 * ```ts
 * import { createInMemoryEventOutbox } from 'ordercore/adapters';
 * import { eventOutboxConformance } from 'ordercore/testing';
 *
 * const cases = eventOutboxConformance(() => createInMemoryEventOutbox(), { numRuns: 5 });
 * cases.length; //=> 3
 * for (const c of cases) await c.run();
 * ```
 */
export function eventOutboxConformance(
  createOutbox: EventOutboxFactory,
  options: ConformanceOptions<EventOutbox> = {},
): readonly ConformanceCase[] {
  const seed = options.seed ?? 42;
  const numRuns = options.numRuns ?? 25;
  const clients = options.clients ?? 6;
  const once = (name: string, body: (outbox: EventOutbox) => Promise<void>): ConformanceCase => ({
    name,
    run: () => withAdapter(createOutbox, options, body),
  });
  return [
    once('appends are idempotent by id and all or nothing', appendIdempotent),
    once('claims: oldest first, leases, redelivery, lease_lost, delivered once', leasesAndRedelivery),
    {
      name: 'concurrent consumers never share a live lease and deliver everything once',
      run: () =>
        checkProperty(
          fc.asyncProperty(
            fc.scheduler(),
            fc.integer({ min: 1, max: 12 }),
            fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
            (s, count, limits) =>
              withAdapter(createOutbox, options, (outbox) => concurrentConsumers(outbox, s, count, clients, limits)),
          ),
          seed,
          numRuns,
        ),
    },
  ];
}
