import { parseInstant } from '../core/instant.js';
import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';
import { isRecord, show } from '../core/show.js';
import { preconditionHolds } from '../inventory/applyIntent.js';
import { InventoryError } from '../inventory/errors.js';
import { applyEntries, copyBalance, copyOperation, emptyState, own, put } from '../inventory/internal/fold.js';
import {
  type AppliedOperation,
  INVENTORY_OPERATION_KINDS,
  type InventoryIntent,
  type InventoryPrecondition,
  type InventoryState,
  type LedgerEntry,
  type ReservationRecord,
  type StockBalance,
} from '../inventory/types.js';
import type {
  InventoryLedgerPage,
  InventoryStore,
  InventoryStoreApplied,
  InventoryStoreQuery,
} from './inventoryStore.js';

/**
 * Options for {@link createInMemoryInventoryStore}.
 *
 * @example
 * ```ts
 * import type { InMemoryInventoryStoreOptions } from 'ordercore/adapters';
 *
 * const options: InMemoryInventoryStoreOptions = {
 *   ledger: [{ id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 500, at: '2026-11-01T08:00:00Z' }],
 * };
 * options.ledger?.length; //=> 1
 * ```
 */
export interface InMemoryInventoryStoreOptions {
  /** A ledger to start from (copied; it must fold, see `foldLedger`). Default: empty. */
  readonly ledger?: readonly LedgerEntry[];
}

/**
 * The in-memory {@link InventoryStore}: the async port plus a synchronous core (`applySync`,
 * `loadSync`, `ledgerSync`) with the same semantics, for hosts and benchmarks that run in one
 * process and do not want a promise per call.
 *
 * @example
 * ```ts
 * import { createInMemoryInventoryStore } from 'ordercore/adapters';
 *
 * const store = createInMemoryInventoryStore();
 * const at = '2026-11-22T10:00:00Z';
 * const applied = store.applySync({
 *   key: 'po-1', kind: 'receive', preconditions: [],
 *   entries: [{ id: 'po-1#0', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 5, at, operation: 'po-1' }],
 * });
 * applied.ok; //=> true
 * store.loadSync().entries; //=> 1
 * store.ledgerSync({ from: 0, limit: 1 })[0]?.id; //=> 'po-1#0'
 * ```
 */
export interface InMemoryInventoryStore extends InventoryStore {
  /**
   * {@link InventoryStore.apply}, synchronously.
   *
   * @param intent - The intent to apply.
   * @returns As `apply`, without the promise.
   */
  applySync(intent: InventoryIntent): Result<InventoryStoreApplied, InventoryError>;
  /**
   * {@link InventoryStore.load}, synchronously.
   *
   * @param query - What the state must hold; omitted or empty: everything.
   * @returns A snapshot that later applies never change.
   * @throws `InventoryError` `invalid_request` for a malformed query.
   */
  loadSync(query?: InventoryStoreQuery): InventoryState;
  /**
   * {@link InventoryStore.ledger}, synchronously.
   *
   * @param page - Which entries (default: all).
   * @returns A fresh array of the entries (frozen copies of what was applied).
   * @throws `InventoryError` `invalid_options` for a malformed page.
   */
  ledgerSync(page?: InventoryLedgerPage): readonly LedgerEntry[];
}

const OPERATION_KINDS: ReadonlySet<string> = new Set(INVENTORY_OPERATION_KINDS);

export function invalidRequest(field: string, reason: string): InventoryError {
  return new InventoryError('invalid_request', `${field}: ${reason}`, { field });
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Why a precondition is malformed, or undefined when it is well formed. */
function preconditionProblem(p: unknown): [field: string, reason: string] | undefined {
  if (!isRecord(p)) return ['', `expected a precondition object, got ${show(p)}.`];
  switch (p['kind']) {
    case 'available_at_least':
      if (!isText(p['sku'])) return ['sku', `expected a non-empty string, got ${show(p['sku'])}.`];
      if (!isText(p['location'])) return ['location', `expected a non-empty string, got ${show(p['location'])}.`];
      if (!(typeof p['quantity'] === 'number' && Number.isSafeInteger(p['quantity'])))
        return ['quantity', `expected a safe integer, got ${show(p['quantity'])}.`];
      if (parseInstant(p['now']) === undefined)
        return ['now', `expected an ISO 8601 instant with an offset, got ${show(p['now'])}.`];
      if (!isCount(p['safetyStock']))
        return ['safetyStock', `expected a non-negative safe integer, got ${show(p['safetyStock'])}.`];
      if (!isCount(p['backorderLimit']))
        return ['backorderLimit', `expected a non-negative safe integer, got ${show(p['backorderLimit'])}.`];
      if (p['excludeOwner'] !== undefined && typeof p['excludeOwner'] !== 'string')
        return ['excludeOwner', `expected a string when present, got ${show(p['excludeOwner'])}.`];
      return undefined;
    case 'expected_version':
      if (!isText(p['sku'])) return ['sku', `expected a non-empty string, got ${show(p['sku'])}.`];
      if (!isText(p['location'])) return ['location', `expected a non-empty string, got ${show(p['location'])}.`];
      if (!isCount(p['version']))
        return ['version', `expected a non-negative safe integer, got ${show(p['version'])}.`];
      return undefined;
    case 'hold_at_least':
      if (!isText(p['reservationId']))
        return ['reservationId', `expected a non-empty string, got ${show(p['reservationId'])}.`];
      if (!isCount(p['quantity']))
        return ['quantity', `expected a non-negative safe integer, got ${show(p['quantity'])}.`];
      if (p['now'] !== undefined && parseInstant(p['now']) === undefined)
        return ['now', `expected an ISO 8601 instant with an offset when present, got ${show(p['now'])}.`];
      return undefined;
    case 'operation_absent':
      return isText(p['key']) ? undefined : ['key', `expected a non-empty string, got ${show(p['key'])}.`];
    default:
      return [
        'kind',
        `${show(p['kind'])} is not one of available_at_least, expected_version, hold_at_least, operation_absent.`,
      ];
  }
}

/** The refusal for an intent that is not the expected shape, or undefined (shared with the SQL store). */
export function intentProblem(intent: unknown): InventoryError | undefined {
  if (!isRecord(intent)) return invalidRequest('(intent)', `expected an intent object, got ${show(intent)}.`);
  if (!isText(intent['key'])) return invalidRequest('key', `expected a non-empty string, got ${show(intent['key'])}.`);
  if (typeof intent['kind'] !== 'string' || !OPERATION_KINDS.has(intent['kind']))
    return invalidRequest('kind', `${show(intent['kind'])} is not one of ${INVENTORY_OPERATION_KINDS.join(', ')}.`);
  if (!Array.isArray(intent['entries']))
    return invalidRequest('entries', `expected an array, got ${show(intent['entries'])}.`);
  const preconditions: unknown = intent['preconditions'];
  if (!Array.isArray(preconditions))
    return invalidRequest('preconditions', `expected an array, got ${show(preconditions)}.`);
  for (let i = 0; i < preconditions.length; i += 1) {
    const problem = preconditionProblem(preconditions[i]);
    if (problem !== undefined)
      return invalidRequest(`preconditions[${i}]${problem[0] === '' ? '' : `.${problem[0]}`}`, problem[1]);
  }
  return undefined;
}

export function stringList(query: Record<string, unknown>, field: string): readonly string[] | undefined {
  const value = query[field];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
    throw invalidRequest(`query.${field}`, `expected an array of strings, got ${show(value)}.`);
  return value as readonly string[];
}

export function pageBound(page: Record<string, unknown>, field: 'from' | 'limit'): number | undefined {
  const value = page[field];
  if (value === undefined) return undefined;
  if (!isCount(value))
    throw new InventoryError(
      'invalid_options',
      `page.${field}: expected a non-negative safe integer, got ${show(value)}.`,
      {
        field: `page.${field}`,
      },
    );
  return value;
}

type Balances = Record<string, Readonly<Record<string, StockBalance>>>;

/** Deep copies of the balances of some SKUs (every location). */
function copyBalances(from: InventoryState['balances'], skus: readonly string[]): Balances {
  const out: Balances = {};
  for (const sku of skus) {
    const bySku = own(from, sku);
    if (bySku === undefined) continue;
    const copy: Record<string, StockBalance> = {};
    for (const location of Object.keys(bySku)) put(copy, location, copyBalance(bySku[location] as StockBalance));
    put(out, sku, copy);
  }
  return out;
}

/** Copies of some reservation records. */
function copyRecords(from: InventoryState['reservations'], ids: readonly string[]): Record<string, ReservationRecord> {
  const out: Record<string, ReservationRecord> = {};
  for (const id of ids) {
    const record = own(from, id);
    if (record !== undefined) put(out, id, { ...record });
  }
  return out;
}

/** Copies of some applied operations. */
function copyOperations(from: InventoryState['operations'], keys: readonly string[]): Record<string, AppliedOperation> {
  const out: Record<string, AppliedOperation> = {};
  for (const key of keys) {
    const operation = own(from, key);
    if (operation !== undefined) put(out, key, copyOperation(operation));
  }
  return out;
}

/**
 * Creates the in-memory reference implementation of {@link InventoryStore}: it owns its ledger and
 * its folded state and applies each intent in place through the one ledger fold (undoing every write
 * if an entry does not fold), so an apply costs what the intent touches, not what the ledger holds.
 * Each call runs to completion synchronously, which makes it atomic and serialisable in a
 * single-threaded runtime. States handed out by `load` are snapshots: their containers are copied,
 * and balances and records are copied by the fold before any later change, so they never move.
 *
 * @param options - A ledger to start from (default: empty).
 * @returns The store, with the async port and its synchronous twins.
 * @throws `InventoryError` `invalid_options` when `options.ledger` is not an array, or the
 *   fold's `invalid_entry` / `duplicate_entry_id` when it does not fold.
 * @example
 * ```ts
 * import { createInMemoryInventoryStore } from 'ordercore/adapters';
 *
 * const at = '2026-11-22T10:00:00Z';
 * const store = createInMemoryInventoryStore({
 *   ledger: [{ id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 1, at }],
 * });
 * const reserve = {
 *   key: 'cart-9', kind: 'reserve' as const,
 *   entries: [{ id: 'cart-9#0', kind: 'reservation' as const, sku: 'SHIRT', location: 'dc', quantity: 1, at,
 *     reservationId: 'r-1', operation: 'cart-9' }],
 *   preconditions: [{ kind: 'available_at_least' as const, sku: 'SHIRT', location: 'dc', quantity: 1, now: at,
 *     safetyStock: 0, backorderLimit: 0 }],
 * };
 * const before = store.loadSync({ skus: ['SHIRT'] });
 * (await store.apply(reserve)).ok; //=> true
 * (await store.apply(reserve)); //=> { ok: true, value: { replayed: true, entries: 0 } }
 * const second = await store.apply({ ...reserve, key: 'cart-10', entries: [{ ...reserve.entries[0]!, id: 'cart-10#0', reservationId: 'r-2', operation: 'cart-10' }] });
 * second.ok || second.error.code; //=> 'precondition_failed'
 * before.balances['SHIRT']?.['dc']?.reserved; //=> 0
 * store.loadSync({ reservationIds: ['r-1'] }).reservations['r-1']?.open; //=> 1
 * ```
 */
export function createInMemoryInventoryStore(options?: InMemoryInventoryStoreOptions): InMemoryInventoryStore {
  const initial: unknown = options === undefined ? undefined : isRecord(options) ? options['ledger'] : options;
  if (options !== undefined && !isRecord(options))
    throw new InventoryError('invalid_options', `options: expected an object, got ${show(options)}.`, {
      field: 'options',
    });
  if (initial !== undefined && !Array.isArray(initial))
    throw new InventoryError('invalid_options', `options.ledger: expected an array of entries, got ${show(initial)}.`, {
      field: 'ledger',
    });
  const log: LedgerEntry[] = [];
  const ids = new Set<string>();
  let state = emptyState();
  if (initial !== undefined && initial.length > 0) {
    const folded = applyEntries(state, initial, 'owned');
    if (!folded.ok) throw folded.error;
    state = folded.state;
    for (const entry of initial as readonly LedgerEntry[]) {
      log.push(Object.freeze({ ...entry }));
      ids.add(entry.id);
    }
  }

  function applySync(intent: InventoryIntent): Result<InventoryStoreApplied, InventoryError> {
    const problem = intentProblem(intent);
    if (problem !== undefined) return err(problem);
    const key = intent.key;
    if (own(state.operations, key) !== undefined) return ok({ replayed: true, entries: 0 });
    const preconditions: readonly InventoryPrecondition[] = intent.preconditions;
    for (let i = 0; i < preconditions.length; i += 1) {
      const precondition = preconditions[i] as InventoryPrecondition;
      if (precondition.kind === 'operation_absent' || preconditionHolds(state, precondition)) continue;
      return err(
        new InventoryError(
          'precondition_failed',
          `intent ${show(key)}: precondition ${precondition.kind} no longer holds.`,
          {
            key,
            precondition,
          },
        ),
      );
    }
    const entries: readonly unknown[] = intent.entries;
    for (let i = 0; i < entries.length; i += 1) {
      const entry = entries[i];
      if (!isRecord(entry)) continue; // the fold names the malformed entry
      if (entry['operation'] !== key)
        return err(
          new InventoryError(
            'invalid_entry',
            `entries[${i}].operation: every entry of intent ${show(key)} must carry operation ${show(key)}.`,
            { index: i, field: 'operation' },
          ),
        );
      const id = entry['id'];
      if (typeof id === 'string' && ids.has(id))
        return err(
          new InventoryError('duplicate_entry_id', `entries[${i}].id: ${show(id)} is already in the ledger.`, {
            index: i,
            entryId: id,
            field: 'id',
          }),
        );
    }
    const applied = applyEntries(state, entries, 'in_place');
    if (!applied.ok) return err(applied.error);
    state = applied.state;
    for (let i = 0; i < entries.length; i += 1) {
      const entry = entries[i] as LedgerEntry;
      log.push(Object.freeze({ ...entry }));
      ids.add(entry.id);
    }
    return ok({ replayed: false, entries: entries.length });
  }

  function loadSync(query?: InventoryStoreQuery): InventoryState {
    if (query !== undefined && !isRecord(query))
      throw invalidRequest('query', `expected an object or nothing, got ${show(query)}.`);
    const skus = query === undefined ? undefined : stringList(query, 'skus');
    const reservationIds = query === undefined ? undefined : stringList(query, 'reservationIds');
    const keys = query === undefined ? undefined : stringList(query, 'keys');
    if (skus === undefined && reservationIds === undefined && keys === undefined) {
      // The fold changes this store's state in place: hand out deep copies, which never move.
      return {
        balances: copyBalances(state.balances, Object.keys(state.balances)),
        reservations: copyRecords(state.reservations, Object.keys(state.reservations)),
        operations: copyOperations(state.operations, Object.keys(state.operations)),
        entries: state.entries,
      };
    }
    return {
      balances: copyBalances(state.balances, skus ?? []),
      reservations: copyRecords(state.reservations, reservationIds ?? []),
      operations: copyOperations(state.operations, keys ?? []),
      entries: state.entries,
    };
  }

  function ledgerSync(page?: InventoryLedgerPage): readonly LedgerEntry[] {
    if (page !== undefined && !isRecord(page))
      throw new InventoryError('invalid_options', `page: expected an object or nothing, got ${show(page)}.`, {
        field: 'page',
      });
    const from = page === undefined ? 0 : (pageBound(page, 'from') ?? 0);
    const limit = page === undefined ? undefined : pageBound(page, 'limit');
    return log.slice(from, limit === undefined ? undefined : from + limit);
  }

  return {
    applySync,
    loadSync,
    ledgerSync,
    apply: (intent) => Promise.resolve(applySync(intent)),
    load: (query) => {
      try {
        return Promise.resolve(loadSync(query));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    ledger: (page) => {
      try {
        return Promise.resolve(ledgerSync(page));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}
