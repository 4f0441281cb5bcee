import fc from 'fast-check';
import type { InventoryStore } from '../adapters/inventoryStore.js';
import type { Result } from '../core/result.js';
import { applyIntent } from '../inventory/applyIntent.js';
import type { InventoryError, InventoryErrorCode } from '../inventory/errors.js';
import { foldLedger } from '../inventory/foldLedger.js';
import { receiveStock } from '../inventory/ledger/receiveStock.js';
import { commitReservation } from '../inventory/reservations/commitReservation.js';
import { expireReservations } from '../inventory/reservations/expireReservations.js';
import { releaseReservation } from '../inventory/reservations/releaseReservation.js';
import { reserve } from '../inventory/reservations/reserve.js';
import type {
  AvailabilityPolicy,
  InventoryIntent,
  InventoryOperation,
  InventoryPrecondition,
  InventoryState,
  LedgerEntry,
  ReservationRecord,
  StockBalance,
} from '../inventory/types.js';
import { checkProperty, gated, withAdapter } from './internal/adapterKits.js';

// The conformance kit of the `InventoryStore` port. It is runner-agnostic: it returns cases that
// throw a plain Error on failure, so vitest, node:test and jest can all run them. The checks are
// written against the port's contract and the ledger's meaning, not against the in-memory store: the
// availability figure used to judge oversell is recomputed here from the balances, independently of
// the library's own `promisable`.

/**
 * Builds a fresh, empty store for one conformance case (or one randomised run of it).
 *
 * @example
 * ```ts
 * import { createInMemoryInventoryStore } from 'ordercore/adapters';
 * import type { InventoryStoreFactory } from 'ordercore/testing';
 *
 * const factory: InventoryStoreFactory = () => createInMemoryInventoryStore();
 * typeof factory; //=> 'function'
 * ```
 */
export type InventoryStoreFactory = () => InventoryStore | Promise<InventoryStore>;

/**
 * The simulated clients' operations, for {@link InventoryStoreConformanceOptions.operations}.
 *
 * @example
 * ```ts
 * import { INVENTORY_CONFORMANCE_OPERATIONS } from 'ordercore/testing';
 *
 * INVENTORY_CONFORMANCE_OPERATIONS.includes('expire'); //=> true
 * ```
 */
export const INVENTORY_CONFORMANCE_OPERATIONS = [
  'reserve',
  'release',
  'commit',
  'expire',
  'receive',
  'replay',
] as const;

/**
 * One of {@link INVENTORY_CONFORMANCE_OPERATIONS}.
 *
 * @example
 * ```ts
 * import type { InventoryConformanceOperation } from 'ordercore/testing';
 *
 * const op: InventoryConformanceOperation = 'reserve';
 * op; //=> 'reserve'
 * ```
 */
export type InventoryConformanceOperation = (typeof INVENTORY_CONFORMANCE_OPERATIONS)[number];

/**
 * Options for {@link inventoryStoreConformance}.
 *
 * @example
 * ```ts
 * import type { InventoryStoreConformanceOptions } from 'ordercore/testing';
 *
 * const options: InventoryStoreConformanceOptions = { seed: 7, numRuns: 10, clients: 8 };
 * options.clients; //=> 8
 * ```
 */
export interface InventoryStoreConformanceOptions {
  /** The fast-check seed of the randomised cases (a failure reports the seed and path to replay). Default 42. */
  readonly seed?: number;
  /** Randomised runs per randomised case (each on a fresh store). Default 25. */
  readonly numRuns?: number;
  /** Simulated clients running concurrently. Default 6. */
  readonly clients?: number;
  /** Operations each client performs per round. Default 6. */
  readonly steps?: number;
  /** Rounds, each at a later `now` (holds made in one round expire in the next). Default 2. */
  readonly rounds?: number;
  /** How often a client recomputes and retries after `precondition_failed`. Default 4. */
  readonly maxRetries?: number;
  /** Which operations the clients draw from. Default: all of {@link INVENTORY_CONFORMANCE_OPERATIONS}. */
  readonly operations?: readonly InventoryConformanceOperation[];
  /** Called with each store once its case or run is over (close connections, drop schemas). */
  readonly dispose?: (store: InventoryStore) => void | Promise<void>;
}

/**
 * One conformance case: a name and a function that resolves when the store conforms and rejects
 * with an `Error` that says what went wrong otherwise.
 *
 * @example
 * ```ts
 * import type { InventoryStoreConformanceCase } from 'ordercore/testing';
 *
 * const c: InventoryStoreConformanceCase = { name: 'noop', run: async () => {} };
 * c.name; //=> 'noop'
 * ```
 */
export interface InventoryStoreConformanceCase {
  /** What the case checks, to name the test. */
  readonly name: string;
  /** Runs the case on fresh stores; rejects with an `Error` on the first violation. */
  readonly run: () => Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// The simulated world: three SKUs (one backorderable, one named '__proto__'), two locations.

const SKUS = ['SHIRT', '__proto__', 'PRE'] as const;
const LOCATIONS = ['dc', 'store'] as const;
const BACKORDER: Readonly<Record<string, number>> = { PRE: 2 };
const START_MS = Date.parse('2026-11-22T10:00:00Z');
const MINUTE = 60_000;
const iso = (ms: number): string => new Date(ms).toISOString();

const POLICY: AvailabilityPolicy = { backorderLimit: BACKORDER };
/** Refusals a client may meet when others got there first: it then has nothing to do. */
const EXPECTED_REFUSALS: ReadonlySet<InventoryErrorCode> = new Set([
  'insufficient_stock',
  'reservation_not_active',
  'reservation_expired',
  'hold_exceeded',
]);
const backorderOf = (sku: string): number => (Object.hasOwn(BACKORDER, sku) ? (BACKORDER[sku] ?? 0) : 0);

function fail(message: string): never {
  throw new Error(`InventoryStore conformance: ${message}`);
}

function balanceAt(state: InventoryState, sku: string, location: string): StockBalance | undefined {
  const bySku = Object.hasOwn(state.balances, sku) ? state.balances[sku] : undefined;
  return bySku !== undefined && Object.hasOwn(bySku, location) ? bySku[location] : undefined;
}

function recordOf(state: InventoryState, id: string): ReservationRecord | undefined {
  return Object.hasOwn(state.reservations, id) ? state.reservations[id] : undefined;
}

/** Units promisable at `nowMs`, recomputed here: on hand − allocated − holds not expired + backorder limit. */
function promisableAt(balance: StockBalance | undefined, nowMs: number, sku: string): number {
  if (balance === undefined) return backorderOf(sku);
  let held = 0;
  for (const hold of balance.holds)
    if (hold.expiresAt === undefined || Date.parse(hold.expiresAt) > nowMs) held += hold.quantity;
  return balance.onHand - balance.allocated - held + backorderOf(sku);
}

function everyBalance(state: InventoryState): StockBalance[] {
  const out: StockBalance[] = [];
  for (const sku of Object.keys(state.balances)) {
    const bySku = state.balances[sku] ?? {};
    for (const location of Object.keys(bySku)) {
      const balance = bySku[location];
      if (balance !== undefined) out.push(balance);
    }
  }
  return out;
}

/** No oversell, and a balance's own arithmetic holds. */
function checkBalances(state: InventoryState, nowMs: number, when: string): void {
  for (const b of everyBalance(state)) {
    const where = `${JSON.stringify(b.sku)} at ${JSON.stringify(b.location)} (${when})`;
    const free = promisableAt(b, nowMs, b.sku);
    if (free < 0)
      fail(
        `oversell: ${where}: on hand ${b.onHand} − allocated ${b.allocated} − holds not expired at ${iso(nowMs)} ` +
          `leaves ${free - backorderOf(b.sku)}, below the backorder limit −${backorderOf(b.sku)}.`,
      );
    const held = b.holds.reduce((sum, h) => sum + h.quantity, 0);
    if (held !== b.reserved) fail(`${where}: the holds sum to ${held} but reserved is ${b.reserved}.`);
    if (b.available !== b.onHand - b.reserved - b.allocated)
      fail(`${where}: available ${b.available} ≠ on hand − reserved − allocated.`);
  }
}

/** Every hold belongs to an active record at its SKU and location holding exactly that; and back. */
function checkHolds(state: InventoryState, when: string): void {
  const seen = new Set<string>();
  for (const b of everyBalance(state)) {
    for (const hold of b.holds) {
      const record = recordOf(state, hold.reservationId);
      if (record === undefined || record.status !== 'active' || record.sku !== b.sku || record.location !== b.location)
        fail(
          `leaked reservation (${when}): hold ${JSON.stringify(hold.reservationId)} at ${JSON.stringify(b.sku)}/${JSON.stringify(b.location)} has no active record there.`,
        );
      if (record.open !== hold.quantity)
        fail(
          `reservation ${JSON.stringify(hold.reservationId)} (${when}): the record holds ${record.open}, the hold ${hold.quantity}.`,
        );
      seen.add(hold.reservationId);
    }
  }
  for (const id of Object.keys(state.reservations)) {
    const record = state.reservations[id];
    if (record?.status === 'active' && !seen.has(id))
      fail(
        `reservation ${JSON.stringify(id)} (${when}) is active but holds nothing at ${JSON.stringify(record.sku)}/${JSON.stringify(record.location)}.`,
      );
  }
}

/** A canonical rendering (sorted keys) for deep comparisons that do not depend on insertion order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

function firstDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (canonical(a) === canonical(b)) return undefined;
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    for (const key of [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort()) {
      const d = firstDifference(ra[key], rb[key], `${path}[${JSON.stringify(key)}]`);
      if (d !== undefined) return d;
    }
  }
  return `${path}: ${canonical(a).slice(0, 300)} vs ${canonical(b).slice(0, 300)}`;
}

function expectSame(actual: unknown, expected: unknown, what: string): void {
  const d = firstDifference(actual, expected, what);
  if (d !== undefined) fail(`${what} differs from what it should be: ${d}`);
}

/** `load()` (everything) must equal the fold of the store's own ledger, and count it. */
async function checkFold(store: InventoryStore, when: string): Promise<readonly LedgerEntry[]> {
  const ledger = await store.ledger();
  const state = await store.load();
  let folded: InventoryState;
  try {
    folded = foldLedger(ledger);
  } catch (error) {
    fail(`the ledger (${when}) does not fold: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (state.entries !== ledger.length)
    fail(`load().entries is ${state.entries} (${when}) but the ledger holds ${ledger.length} entries.`);
  expectSame(state, folded, `load() ${when} vs foldLedger(ledger)`);
  return ledger;
}

// ---------------------------------------------------------------------------------------------
// Intents, built from the model as the pure operations do (entry ids `${key}#${index}`).

function intentOf(
  key: string,
  kind: InventoryIntent['kind'],
  entries: readonly Omit<LedgerEntry, 'id' | 'operation'>[],
  preconditions: readonly InventoryPrecondition[],
): InventoryIntent {
  return {
    key,
    kind,
    entries: entries.map((entry, i) => ({ ...entry, id: `${key}#${i}`, operation: key })),
    preconditions: [{ kind: 'operation_absent', key }, ...preconditions],
  };
}

function receiveIntent(key: string, sku: string, location: string, quantity: number, now: string): InventoryIntent {
  return intentOf(key, 'receive', [{ kind: 'receipt', sku, location, quantity, at: now }], []);
}

function reserveIntent(
  key: string,
  sku: string,
  location: string,
  quantity: number,
  now: string,
  expiresAt: string | undefined,
  owner: string,
): InventoryIntent {
  return intentOf(
    key,
    'reserve',
    [
      {
        kind: 'reservation',
        sku,
        location,
        quantity,
        at: now,
        reservationId: key,
        owner,
        ...(expiresAt === undefined ? {} : { expiresAt }),
      },
    ],
    [{ kind: 'available_at_least', sku, location, quantity, now, safetyStock: 0, backorderLimit: backorderOf(sku) }],
  );
}

function releaseIntent(key: string, record: ReservationRecord, quantity: number, now: string): InventoryIntent {
  return intentOf(
    key,
    'release',
    [
      {
        kind: 'release',
        sku: record.sku,
        location: record.location,
        quantity: -quantity,
        at: now,
        reservationId: record.reservationId,
      },
    ],
    [{ kind: 'hold_at_least', reservationId: record.reservationId, quantity }],
  );
}

function commitIntent(key: string, record: ReservationRecord, now: string): InventoryIntent {
  return intentOf(
    key,
    'commit',
    [
      {
        kind: 'allocation',
        sku: record.sku,
        location: record.location,
        quantity: record.open,
        at: now,
        reservationId: record.reservationId,
        allocationId: key,
      },
    ],
    [{ kind: 'hold_at_least', reservationId: record.reservationId, quantity: record.open, now }],
  );
}

/** Releases every hold expired at `nowMs` (every hold at all with `all`), or undefined when none is. */
function expireIntent(key: string, state: InventoryState, nowMs: number, all: boolean): InventoryIntent | undefined {
  const now = iso(nowMs);
  const entries: Omit<LedgerEntry, 'id' | 'operation'>[] = [];
  const preconditions: InventoryPrecondition[] = [];
  for (const b of everyBalance(state)) {
    for (const hold of b.holds) {
      if (!all && (hold.expiresAt === undefined || Date.parse(hold.expiresAt) > nowMs)) continue;
      entries.push({
        kind: 'release',
        sku: b.sku,
        location: b.location,
        quantity: -hold.quantity,
        at: now,
        reservationId: hold.reservationId,
        reason: 'expired',
      });
      preconditions.push({ kind: 'hold_at_least', reservationId: hold.reservationId, quantity: hold.quantity });
    }
  }
  return entries.length === 0 ? undefined : intentOf(key, 'expire', entries, preconditions);
}

// ---------------------------------------------------------------------------------------------
// Workloads.

interface Step {
  readonly op: InventoryConformanceOperation;
  readonly sku: number;
  readonly location: number;
  readonly quantity: number;
  /** Hold lifetime in minutes (0: no expiry). */
  readonly ttl: number;
  /** Which of the client's reservations a release or commit picks. */
  readonly pick: number;
  /** Release all of the hold (else one unit). */
  readonly full: boolean;
}

function stepArbitrary(operations: readonly InventoryConformanceOperation[]): fc.Arbitrary<Step> {
  return fc.record({
    // Reservations are what contend: draw them three times as often.
    op: fc.constantFrom(...operations.flatMap((op) => (op === 'reserve' ? [op, op, op] : [op]))),
    sku: fc.nat({ max: SKUS.length - 1 }),
    location: fc.nat({ max: LOCATIONS.length - 1 }),
    quantity: fc.integer({ min: 1, max: 3 }),
    ttl: fc.constantFrom(0, 5, 30),
    pick: fc.nat({ max: 7 }),
    full: fc.boolean(),
  });
}

interface Workload {
  /** Units received before the clients start, per SKU and location. */
  readonly stock: readonly (readonly number[])[];
  /** Per round, per client, its steps. */
  readonly rounds: readonly (readonly (readonly Step[])[])[];
}

function workloadArbitrary(
  o: Required<Omit<InventoryStoreConformanceOptions, 'dispose' | 'seed'>>,
): fc.Arbitrary<Workload> {
  return fc.record({
    stock: fc.array(fc.array(fc.nat({ max: 5 }), { minLength: LOCATIONS.length, maxLength: LOCATIONS.length }), {
      minLength: SKUS.length,
      maxLength: SKUS.length,
    }),
    rounds: fc.array(
      fc.array(fc.array(stepArbitrary(o.operations), { minLength: 1, maxLength: o.steps }), {
        minLength: o.clients,
        maxLength: o.clients,
      }),
      { minLength: o.rounds, maxLength: o.rounds },
    ),
  });
}

/** What the clients saw the store accept, to check nothing was lost or doubled. */
class Journal {
  readonly applied: InventoryIntent[] = [];
  entries = 0;

  async apply(store: InventoryStore, intent: InventoryIntent, what: string): Promise<'ok' | 'replayed' | 'refused'> {
    const result = await store.apply(intent);
    if (!result.ok) {
      if (result.error.code === 'precondition_failed') return 'refused';
      fail(`${what}: apply(${JSON.stringify(intent.key)}) failed with ${result.error.code}: ${result.error.message}`);
    }
    if (result.value.replayed) {
      if (result.value.entries !== 0)
        fail(`${what}: a replay of ${JSON.stringify(intent.key)} reports ${result.value.entries} entries.`);
      return 'replayed';
    }
    if (result.value.entries !== intent.entries.length)
      fail(
        `${what}: apply(${JSON.stringify(intent.key)}) reports ${result.value.entries} entries, the intent has ${intent.entries.length}.`,
      );
    this.applied.push(intent);
    this.entries += intent.entries.length;
    return 'ok';
  }

  /** Every accepted entry is in the ledger exactly once, unchanged, in its intent's order; nothing else is. */
  check(ledger: readonly LedgerEntry[]): void {
    if (ledger.length !== this.entries)
      fail(
        `lost or doubled update: the clients had ${this.entries} entries accepted but the ledger holds ${ledger.length}.`,
      );
    const position = new Map<string, number>();
    ledger.forEach((entry, i) => {
      if (position.has(entry.id)) fail(`doubled update: entry ${JSON.stringify(entry.id)} is in the ledger twice.`);
      position.set(entry.id, i);
    });
    for (const intent of this.applied) {
      let previous = -1;
      for (const entry of intent.entries) {
        const at = position.get(entry.id);
        if (at === undefined)
          fail(`lost update: entry ${JSON.stringify(entry.id)} was accepted but is not in the ledger.`);
        expectSame(ledger[at], entry, `ledger entry ${JSON.stringify(entry.id)}`);
        if (at < previous) fail(`the entries of intent ${JSON.stringify(intent.key)} are out of order in the ledger.`);
        previous = at;
      }
    }
  }
}

interface ClientContext {
  readonly store: InventoryStore;
  readonly journal: Journal;
  readonly call: <T>(label: string, task: () => Promise<T>) => Promise<T>;
  readonly nowMs: number;
  readonly maxRetries: number;
}

/** One client's round: load → compute → apply, retrying on `precondition_failed`. */
async function runClient(
  ctx: ClientContext,
  client: number,
  round: number,
  steps: readonly Step[],
  mine: [id: string, sku: string][],
): Promise<void> {
  const { store, journal, call, nowMs, maxRetries } = ctx;
  const now = iso(nowMs);
  const owner = `client-${client}`;
  let last: InventoryIntent | undefined;
  for (let s = 0; s < steps.length; s += 1) {
    const step = steps[s] as Step;
    const key = `c${client}-r${round}-s${s}`;
    const what = `client ${client}, round ${round}, step ${s} (${step.op})`;
    const sku = SKUS[step.sku] ?? 'SHIRT';
    const location = LOCATIONS[step.location] ?? 'dc';
    if (step.op === 'replay') {
      const again = last;
      if (again === undefined) continue;
      const outcome = await call(`${owner} replay`, () => journal.apply(store, again, what));
      if (outcome !== 'replayed')
        fail(`${what}: re-sending applied intent ${JSON.stringify(again.key)} was not a replay (${outcome}).`);
      continue;
    }
    for (let attempt = 0; attempt <= maxRetries; attempt += 1) {
      // Intents come from the library's pure operations, computed on what the client loaded.
      let computed: Result<InventoryOperation, InventoryError>;
      let touched: readonly string[] = [sku];
      const options = { now, policy: POLICY };
      if (step.op === 'receive') {
        const state = await call(`${owner} load`, () => store.load({ keys: [key] }));
        computed = receiveStock(state, { key, sku, location, quantity: step.quantity }, options);
      } else if (step.op === 'reserve') {
        const state = await call(`${owner} load`, () => store.load({ skus: [sku], keys: [key] }));
        const expiresAt = step.ttl === 0 ? {} : { expiresAt: iso(nowMs + step.ttl * MINUTE) };
        computed = reserve(
          state,
          { key, reservationId: key, sku, location, quantity: step.quantity, owner, ...expiresAt },
          options,
        );
      } else if (step.op === 'release' || step.op === 'commit') {
        const held = mine[step.pick % Math.max(1, mine.length)];
        if (held === undefined) break;
        const [id, heldSku] = held;
        const state = await call(`${owner} load`, () =>
          store.load({ skus: [heldSku], reservationIds: [id], keys: [key] }),
        );
        if (recordOf(state, id) === undefined)
          fail(`${what}: load({ reservationIds: [${JSON.stringify(id)}] }) lost reservation ${JSON.stringify(id)}.`);
        touched = [heldSku];
        computed =
          step.op === 'release'
            ? releaseReservation(state, { key, reservationId: id, ...(step.full ? {} : { quantity: 1 }) }, options)
            : commitReservation(state, { key, reservationId: id, into: 'allocation', allocationId: key }, options);
      } else {
        const state = await call(`${owner} load`, () => store.load());
        computed = expireReservations(state, { key }, options);
        touched = SKUS;
      }
      if (!computed.ok) {
        // Expected refusals: nothing to do. Anything else means the store handed out a bad state.
        if (EXPECTED_REFUSALS.has(computed.error.code)) break;
        fail(`${what}: the operation refused the loaded state with ${computed.error.code}: ${computed.error.message}`);
      }
      if (computed.value.replayed) fail(`${what}: fresh key ${JSON.stringify(key)} is already in the loaded state.`);
      const intent = computed.value.intent;
      if (intent.entries.length === 0) break; // an expiry sweep that found nothing
      const applying = intent;
      const outcome = await call(`${owner} apply`, () => journal.apply(store, applying, what));
      if (outcome === 'refused') continue;
      if (outcome === 'replayed') fail(`${what}: fresh key ${JSON.stringify(key)} was reported as a replay.`);
      last = intent;
      if (step.op === 'reserve') mine.push([key, sku]);
      const after = await call(`${owner} check`, () => store.load({ skus: [...touched] }));
      checkBalances(after, nowMs, `after ${what}`);
      break;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The cases.

const AT = iso(START_MS);

async function mustApply(store: InventoryStore, intent: InventoryIntent, what: string): Promise<void> {
  const r = await store.apply(intent);
  if (!r.ok) fail(`${what}: apply(${JSON.stringify(intent.key)}) failed with ${r.error.code}: ${r.error.message}`);
  if (r.value.replayed || r.value.entries !== intent.entries.length)
    fail(
      `${what}: apply(${JSON.stringify(intent.key)}) returned ${JSON.stringify(r.value)}, expected { replayed: false, entries: ${intent.entries.length} }.`,
    );
}

async function roundTrip(store: InventoryStore): Promise<void> {
  const receive = receiveIntent('grn-1', 'SHIRT', 'dc', 5, AT);
  const other = receiveIntent('grn-2', '__proto__', 'store', 2, AT);
  const reserve = reserveIntent('cart-1', 'SHIRT', 'dc', 2, AT, iso(START_MS + 15 * MINUTE), 'cart-1');
  await mustApply(store, receive, 'round trip');
  await mustApply(store, other, 'round trip');
  await mustApply(store, reserve, 'round trip');
  const expected = foldLedger([...receive.entries, ...other.entries, ...reserve.entries]);
  const all = await store.load();
  expectSame(all, expected, 'load()');
  const empty = await store.load({});
  expectSame(empty, expected, 'load({})');
  const partial = await store.load({ skus: ['SHIRT'], reservationIds: ['cart-1'], keys: ['grn-1', 'nope'] });
  expectSame(partial.balances['SHIRT'], expected.balances['SHIRT'], "load({ skus: ['SHIRT'] }).balances['SHIRT']");
  expectSame(
    recordOf(partial, 'cart-1'),
    recordOf(expected, 'cart-1'),
    "load({ reservationIds: ['cart-1'] }).reservations['cart-1']",
  );
  expectSame(
    partial.operations['grn-1'],
    expected.operations['grn-1'],
    "load({ keys: ['grn-1'] }).operations['grn-1']",
  );
  if (Object.hasOwn(partial.operations, 'nope')) fail("load({ keys: ['nope'] }) invented an operation.");
  if (partial.entries !== 3) fail(`load(query).entries is ${partial.entries}, the ledger holds 3.`);
  const proto = await store.load({ skus: ['__proto__'] });
  expectSame(
    balanceAt(proto, '__proto__', 'store'),
    balanceAt(expected, '__proto__', 'store'),
    "the balance of SKU '__proto__'",
  );
  await checkFold(store, 'after the round trip');
}

async function replayWritesNothing(store: InventoryStore): Promise<void> {
  await mustApply(store, receiveIntent('grn-1', 'SHIRT', 'dc', 5, AT), 'replay');
  const reserve = reserveIntent('cart-1', 'SHIRT', 'dc', 2, AT, undefined, 'cart-1');
  await mustApply(store, reserve, 'replay');
  const before = await store.load();
  for (const again of [
    reserve,
    reserveIntent('cart-1', 'SHIRT', 'dc', 3, AT, undefined, 'cart-1'),
    { ...reserve, entries: [] },
  ]) {
    const r = await store.apply(again);
    if (!r.ok || !r.value.replayed || r.value.entries !== 0)
      fail(
        `re-applying key "cart-1" must be { ok: true, value: { replayed: true, entries: 0 } }, got ${JSON.stringify(r.ok ? r.value : r.error.code)}.`,
      );
  }
  expectSame(await store.load(), before, 'the state after replays');
  if ((await store.ledger()).length !== 2) fail('a replay appended entries to the ledger.');
}

async function failureWritesNothing(store: InventoryStore): Promise<void> {
  await mustApply(store, receiveIntent('grn-1', 'SHIRT', 'dc', 2, AT), 'failing precondition');
  await mustApply(store, reserveIntent('cart-1', 'SHIRT', 'dc', 2, AT, undefined, 'cart-1'), 'failing precondition');
  const before = await store.load();
  const ledgerBefore = await store.ledger();
  const tooMuch = reserveIntent('cart-2', 'SHIRT', 'dc', 1, AT, undefined, 'cart-2');
  const r = await store.apply(tooMuch);
  if (r.ok || r.error.code !== 'precondition_failed')
    fail(
      `reserving 1 of 0 available must fail with precondition_failed, got ${r.ok ? JSON.stringify(r.value) : r.error.code}.`,
    );
  expectSame(r.error.details['precondition'], tooMuch.preconditions[1], 'details.precondition of the refusal');
  // Several preconditions: the first that fails is named; the entries before it are not written.
  const both = intentOf(
    'mixed',
    'release',
    [{ kind: 'release', sku: 'SHIRT', location: 'dc', quantity: -1, at: AT, reservationId: 'cart-1' }],
    [
      { kind: 'hold_at_least', reservationId: 'cart-1', quantity: 1 },
      { kind: 'expected_version', sku: 'SHIRT', location: 'dc', version: 99 },
    ],
  );
  const r2 = await store.apply(both);
  if (r2.ok || r2.error.code !== 'precondition_failed')
    fail('an intent whose expected_version is stale must fail with precondition_failed.');
  expectSame(
    r2.error.details['precondition'],
    both.preconditions[2],
    'details.precondition of a stale expected_version',
  );
  // Preconditions hold but the second entry does not fold: nothing of the first may stay.
  const broken = intentOf(
    'half',
    'release',
    [
      { kind: 'release', sku: 'SHIRT', location: 'dc', quantity: -1, at: AT, reservationId: 'cart-1' },
      { kind: 'release', sku: 'SHIRT', location: 'dc', quantity: -1, at: AT, reservationId: 'no-such-hold' },
    ],
    [],
  );
  const r3 = await store.apply(broken);
  if (r3.ok || r3.error.code !== 'invalid_entry')
    fail(
      `an intent with an entry that does not fold must fail with invalid_entry, got ${r3.ok ? 'ok' : r3.error.code}.`,
    );
  // An entry id already in the ledger.
  const duplicate = {
    ...receiveIntent('grn-9', 'SHIRT', 'dc', 1, AT),
    entries: [{ ...(ledgerBefore[0] as LedgerEntry), operation: 'grn-9' }],
  };
  const r4 = await store.apply(duplicate);
  if (r4.ok || r4.error.code !== 'duplicate_entry_id')
    fail(`an entry id already in the ledger must fail with duplicate_entry_id, got ${r4.ok ? 'ok' : r4.error.code}.`);
  expectSame(await store.load(), before, 'the state after refused intents');
  expectSame(await store.ledger(), ledgerBefore, 'the ledger after refused intents');
  for (const key of ['cart-2', 'mixed', 'half', 'grn-9'])
    if (Object.hasOwn((await store.load({ keys: [key] })).operations, key))
      fail(`refused intent ${JSON.stringify(key)} was recorded as applied.`);
}

async function entriesInOrder(store: InventoryStore): Promise<void> {
  const intents = [
    receiveIntent('grn-1', 'SHIRT', 'dc', 5, AT),
    intentOf(
      'grn-2',
      'receive',
      [
        { kind: 'receipt', sku: 'PRE', location: 'store', quantity: 1, at: AT },
        { kind: 'receipt', sku: 'SHIRT', location: 'store', quantity: 2, at: AT },
        { kind: 'adjustment', sku: 'SHIRT', location: 'store', quantity: -1, at: AT, reason: 'damaged' },
      ],
      [],
    ),
    reserveIntent('cart-1', 'SHIRT', 'dc', 2, AT, undefined, 'cart-1'),
  ];
  for (const intent of intents) await mustApply(store, intent, 'order');
  const expected = intents.flatMap((i) => i.entries);
  expectSame(await store.ledger(), expected, 'ledger()');
  expectSame(await store.ledger({ from: 1, limit: 2 }), expected.slice(1, 3), 'ledger({ from: 1, limit: 2 })');
  expectSame(await store.ledger({ from: 3 }), expected.slice(3), 'ledger({ from: 3 })');
  expectSame(await store.ledger({ from: 9 }), [], 'ledger({ from: 9 })');
  expectSame(await store.ledger({ limit: 0 }), [], 'ledger({ limit: 0 })');
}

async function snapshotsStay(store: InventoryStore): Promise<void> {
  await mustApply(store, receiveIntent('grn-1', 'SHIRT', 'dc', 5, AT), 'snapshot');
  await mustApply(store, reserveIntent('cart-1', 'SHIRT', 'dc', 2, AT, undefined, 'cart-1'), 'snapshot');
  const all = await store.load();
  const part = await store.load({ skus: ['SHIRT'], reservationIds: ['cart-1'], keys: ['cart-1'] });
  const frozen = [canonical(all), canonical(part)];
  await mustApply(store, reserveIntent('cart-2', 'SHIRT', 'dc', 1, AT, undefined, 'cart-2'), 'snapshot');
  await mustApply(store, receiveIntent('grn-2', 'SHIRT', 'store', 1, AT), 'snapshot');
  await mustApply(store, releaseIntent('rel-1', recordOf(all, 'cart-1') as ReservationRecord, 2, AT), 'snapshot');
  await mustApply(store, receiveIntent('grn-3', 'PRE', 'dc', 1, AT), 'snapshot');
  if (canonical(all) !== frozen[0] || canonical(part) !== frozen[1])
    fail('a state returned by load() changed after later applies.');
}

/** Sequential random intents, some stale: the store's answers must be applyIntent's. */
async function agreesWithApplyIntent(store: InventoryStore, steps: readonly Step[]): Promise<void> {
  let model = foldLedger([]);
  const snapshots: InventoryState[] = [model];
  const applied: InventoryIntent[] = [];
  for (let i = 0; i < steps.length; i += 1) {
    const step = steps[i] as Step;
    const sku = SKUS[step.sku] ?? 'SHIRT';
    const location = LOCATIONS[step.location] ?? 'dc';
    const key = `k${i}`;
    // Compute from a possibly stale snapshot, as a slow client would.
    const seen = snapshots[Math.max(0, snapshots.length - 1 - (step.pick % 3))] as InventoryState;
    const nowMs = START_MS + i * MINUTE;
    const now = iso(nowMs);
    const ids = Object.keys(seen.reservations).sort();
    const record = ids.length === 0 ? undefined : recordOf(seen, ids[step.pick % ids.length] as string);
    let intent: InventoryIntent | undefined;
    switch (step.op) {
      case 'receive':
        intent = receiveIntent(key, sku, location, step.quantity + 1, now);
        break;
      case 'reserve':
        intent = reserveIntent(
          key,
          sku,
          location,
          step.quantity,
          now,
          step.ttl === 0 ? undefined : iso(nowMs + step.ttl * MINUTE),
          'o',
        );
        break;
      case 'release':
        intent =
          record === undefined || record.open === 0
            ? undefined
            : releaseIntent(key, record, step.full ? record.open : 1, now);
        break;
      case 'commit':
        intent = record === undefined || record.open === 0 ? undefined : commitIntent(key, record, now);
        break;
      case 'expire':
        intent = expireIntent(key, seen, nowMs, false);
        break;
      case 'replay':
        intent = applied[step.pick % Math.max(1, applied.length)];
        break;
    }
    if (intent === undefined) continue;
    const expected = applyIntent(model, intent);
    const actual = await store.apply(intent);
    const want = expected.ok ? `ok replayed=${expected.value.replayed}` : expected.error.code;
    const got = actual.ok ? `ok replayed=${actual.value.replayed}` : actual.error.code;
    if (want !== got)
      fail(`intent ${i} (${step.op} ${JSON.stringify(intent.key)}): applyIntent says ${want}, the store ${got}.`);
    if (!expected.ok && !actual.ok && expected.error.code === 'precondition_failed')
      expectSame(
        actual.error.details['precondition'],
        expected.error.details['precondition'],
        `intent ${i}: details.precondition`,
      );
    if (expected.ok && actual.ok) {
      const entries = expected.value.replayed ? 0 : intent.entries.length;
      if (actual.value.entries !== entries)
        fail(`intent ${i}: the store reports ${actual.value.entries} entries, expected ${entries}.`);
      if (!expected.value.replayed) applied.push(intent);
      model = expected.value.state;
      snapshots.push(model);
    }
  }
  expectSame(await store.load(), model, 'load() after the sequence vs applyIntent');
  await checkFold(store, 'after the sequence');
}

/** The main case: concurrent clients under random interleavings. */
async function concurrentClients(
  store: InventoryStore,
  s: fc.Scheduler,
  workload: Workload,
  maxRetries: number,
): Promise<void> {
  const journal = new Journal();
  // Stock first, one receipt per SKU and location.
  for (let k = 0; k < SKUS.length; k += 1)
    for (let l = 0; l < LOCATIONS.length; l += 1) {
      const quantity = workload.stock[k]?.[l] ?? 0;
      if (quantity > 0) {
        const intent = receiveIntent(`grn-${k}-${l}`, SKUS[k] as string, LOCATIONS[l] as string, quantity, AT);
        if ((await journal.apply(store, intent, 'stocking')) !== 'ok') fail('stocking: a first receipt was refused.');
      }
    }
  // Each call waits at a gate the scheduler opens in a random order, then runs for real.
  const call = gated(s);
  const mine: [string, string][][] = workload.rounds[0]?.map(() => []) ?? [];
  let nowMs = START_MS;
  for (let round = 0; round < workload.rounds.length; round += 1) {
    nowMs = START_MS + round * 10 * MINUTE;
    const clients = workload.rounds[round] ?? [];
    const ctx: ClientContext = { store, journal, call, nowMs, maxRetries };
    const running = Promise.all(clients.map((steps, c) => runClient(ctx, c, round, steps, mine[c] ?? [])));
    await s.waitFor(running);
    checkBalances(await store.load(), nowMs, `end of round ${round}`);
  }
  const ledger = await checkFold(store, 'after the clients');
  journal.check(ledger);
  const state = await store.load();
  checkBalances(state, nowMs, 'after the clients');
  checkHolds(state, 'after the clients');
  // Release everything still held, as expiry at a late `now` plus releases would: nothing may stay reserved.
  const lateMs = nowMs + 24 * 60 * MINUTE;
  const expire = expireIntent('cleanup-expire', state, lateMs, false);
  if (expire !== undefined && (await journal.apply(store, expire, 'cleanup')) !== 'ok')
    fail('cleanup: expiring every expired hold was refused.');
  const release = expireIntent('cleanup-release', await store.load(), lateMs, true);
  if (release !== undefined && (await journal.apply(store, release, 'cleanup')) !== 'ok')
    fail('cleanup: releasing every remaining hold was refused.');
  const end = await store.load();
  for (const b of everyBalance(end))
    if (b.reserved !== 0 || b.holds.length !== 0)
      fail(
        `leaked reservation: ${JSON.stringify(b.sku)} at ${JSON.stringify(b.location)} still reserves ${b.reserved} after every hold was expired or released.`,
      );
  checkHolds(end, 'after cleanup');
  journal.check(await checkFold(store, 'after cleanup'));
}

/**
 * The conformance kit of the `InventoryStore` port: the cases any adapter (the in-memory reference,
 * a SQL adapter, yours) must pass, runner-agnostic — each case is a name and an async function that
 * throws an `Error` saying what broke. The cases: load/apply round trip (partial and full loads, a
 * `'__proto__'` SKU), a replayed key writes nothing, a refused intent (failing precondition, entry
 * that does not fold, duplicate entry id) writes nothing, the ledger keeps append order and pages,
 * loaded states never change afterwards, the store agrees with `applyIntent` on random sequences of
 * (partly stale) intents, and the main one: many simulated clients under random interleavings
 * (fast-check's scheduler) doing load → compute an intent → apply, retrying on
 * `precondition_failed`, with reserve / release / commit / expire / receive / replays, checked for
 * no oversell after every apply and at the end, no lost or doubled update, no leaked reservation,
 * and `load()` equal to the fold of the store's own ledger.
 *
 * @param createStore - Builds a fresh, empty store; called once per case and per randomised run.
 * @param options - Seed, runs, clients, steps, rounds, retries, operations, and `dispose`.
 * @returns The cases, to hand to your runner: `for (const c of cases) it(c.name, c.run)`.
 * @example
 * ```ts
 * import { createInMemoryInventoryStore } from 'ordercore/adapters';
 * import { inventoryStoreConformance } from 'ordercore/testing';
 *
 * const cases = inventoryStoreConformance(() => createInMemoryInventoryStore(), { numRuns: 3 });
 * cases.length; //=> 7
 * for (const c of cases) await c.run();
 * cases.map((c) => c.name).includes('concurrent clients: no oversell, no lost update, no leaked reservation'); //=> true
 * ```
 */
export function inventoryStoreConformance(
  createStore: InventoryStoreFactory,
  options: InventoryStoreConformanceOptions = {},
): readonly InventoryStoreConformanceCase[] {
  const o = {
    numRuns: options.numRuns ?? 25,
    clients: options.clients ?? 6,
    steps: options.steps ?? 6,
    rounds: options.rounds ?? 2,
    maxRetries: options.maxRetries ?? 4,
    operations: options.operations ?? INVENTORY_CONFORMANCE_OPERATIONS,
  };
  const seed = options.seed ?? 42;
  if (o.operations.length === 0)
    throw new Error('inventoryStoreConformance: options.operations must name at least one operation.');
  const once = (name: string, body: (store: InventoryStore) => Promise<void>): InventoryStoreConformanceCase => ({
    name,
    run: () => withAdapter(createStore, options, body),
  });
  return [
    once('apply then load round-trips (full and partial loads)', roundTrip),
    once('a replayed key writes nothing', replayWritesNothing),
    once('a refused intent writes nothing', failureWritesNothing),
    once('the ledger keeps append order and pages', entriesInOrder),
    once('loaded states never change afterwards', snapshotsStay),
    {
      name: 'agrees with applyIntent on random sequences of stale and fresh intents',
      run: () =>
        checkProperty(
          fc.asyncProperty(
            fc.array(stepArbitrary(INVENTORY_CONFORMANCE_OPERATIONS), { minLength: 1, maxLength: 40 }),
            (steps) => withAdapter(createStore, options, (store) => agreesWithApplyIntent(store, steps)),
          ),
          seed,
          o.numRuns,
        ),
    },
    {
      name: 'concurrent clients: no oversell, no lost update, no leaked reservation',
      run: () =>
        checkProperty(
          fc.asyncProperty(fc.scheduler(), workloadArbitrary(o), (s, workload) =>
            withAdapter(createStore, options, (store) => concurrentClients(store, s, workload, o.maxRetries)),
          ),
          seed,
          o.numRuns,
        ),
    },
  ];
}
