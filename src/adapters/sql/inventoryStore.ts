import { parseInstant } from '../../core/instant.js';
import type { Result } from '../../core/result.js';
import { err, ok } from '../../core/result.js';
import { isRecord, show } from '../../core/show.js';
import { preconditionHolds } from '../../inventory/applyIntent.js';
import { InventoryError } from '../../inventory/errors.js';
import { applyEntries, own, put } from '../../inventory/internal/fold.js';
import type {
  AppliedOperation,
  IncomingReceipt,
  InventoryIntent,
  InventoryPrecondition,
  InventoryState,
  LedgerEntry,
  ReservationHold,
  ReservationRecord,
  ReservationStatus,
  StockBalance,
} from '../../inventory/types.js';
import { intentProblem, invalidRequest, pageBound, stringList } from '../inMemoryInventoryStore.js';
import type {
  InventoryLedgerPage,
  InventoryStore,
  InventoryStoreApplied,
  InventoryStoreQuery,
} from '../inventoryStore.js';
import type { SqlClient, SqlQueryable } from './client.js';
import { chunks, compareText, list, num, RetryTransaction, text, tuples, withRetries } from './internal/sql.js';
import { type SqlAdapterOptions, schemaPrefix } from './migrations.js';

// How an apply runs (one transaction, at the server's default READ COMMITTED):
//  1. claim the idempotency key: INSERT the operation row ON CONFLICT DO NOTHING — no row back means
//     the key was applied (a replay), and a concurrent apply of the same key waits here;
//  2. lock the reservation records, then the balances, that the entries and preconditions name, in
//     code-unit order (every apply takes locks in the same global order: no deadlocks), with
//     `INSERT ... ON CONFLICT DO UPDATE ... RETURNING *`, which inserts a placeholder (version 0, or
//     a record without a SKU) for a row that does not exist yet so it can be locked too;
//  3. read those balances' holds and incoming receipts (plain reads: every writer of them holds the
//     balance's lock, which this transaction now has);
//  4. check the preconditions, the entries' operation and ids, and fold the entries with the ONE
//     ledger fold (`applyEntries`) and `preconditionHolds` — the in-memory store's semantics exactly;
//  5. write what the fold changed (balances, holds and receipts by difference, records, the
//     operation's entry ids), drop the placeholders, then take the ledger head's row lock, reserve
//     positions and append the entries. The head lock is the last one taken and held only to the
//     COMMIT, so ledger positions follow commit order and never move.
// A refusal rolls everything back. A serialisation failure (40001, under REPEATABLE READ or
// SERIALIZABLE), a deadlock (40P01) or an entry id taken by a concurrent apply restarts the
// transaction, at most `maxAttempts` times.

type Tables = {
  readonly ledger: string;
  readonly head: string;
  readonly balances: string;
  readonly holds: string;
  readonly incoming: string;
  readonly reservations: string;
  readonly operations: string;
};

type Row = Record<string, unknown>;
type Pair = readonly [sku: string, location: string];

const pairKey = (sku: string, location: string): string => JSON.stringify([sku, location]);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** Rolls the transaction back and makes `apply` resolve to `result`. */
class Refusal {
  constructor(readonly result: Result<InventoryStoreApplied, InventoryError>) {}
}

function balanceOf(row: Row): StockBalance & { holds: ReservationHold[]; incoming: IncomingReceipt[] } {
  const onHand = num(row['on_hand']);
  const reserved = num(row['reserved']);
  const allocated = num(row['allocated']);
  return {
    sku: String(row['sku']),
    location: String(row['location']),
    onHand,
    reserved,
    allocated,
    available: onHand - reserved - allocated,
    inTransit: num(row['in_transit']),
    incoming: [],
    holds: [],
    version: num(row['version']),
  };
}

function holdOf(row: Row): ReservationHold {
  const expiresAt = text(row['expires_at']);
  const owner = text(row['owner']);
  const reference = text(row['reference']);
  return {
    reservationId: String(row['reservation_id']),
    quantity: num(row['quantity']),
    ...(expiresAt === undefined ? {} : { expiresAt }),
    ...(owner === undefined ? {} : { owner }),
    ...(reference === undefined ? {} : { reference }),
  };
}

function incomingOf(row: Row): IncomingReceipt {
  return {
    receiptId: String(row['receipt_id']),
    quantity: num(row['quantity']),
    expectedAt: String(row['expected_at']),
  };
}

function recordOf(row: Row): ReservationRecord {
  const expiresAt = text(row['expires_at']);
  const owner = text(row['owner']);
  const reference = text(row['reference']);
  return {
    reservationId: String(row['reservation_id']),
    sku: String(row['sku']),
    location: String(row['location']),
    status: String(row['status']) as ReservationStatus,
    reserved: num(row['reserved']),
    open: num(row['open_units']),
    committed: num(row['committed_units']),
    released: num(row['released_units']),
    ...(expiresAt === undefined ? {} : { expiresAt }),
    ...(owner === undefined ? {} : { owner }),
    ...(reference === undefined ? {} : { reference }),
  };
}

/** The fold's orders: holds by reservation id, receipts by expected instant then id. */
function sortBalance(balance: { holds: ReservationHold[]; incoming: IncomingReceipt[] }): void {
  balance.holds.sort((a, b) => compareText(a.reservationId, b.reservationId));
  balance.incoming.sort(
    (a, b) =>
      (parseInstant(a.expectedAt) ?? 0) - (parseInstant(b.expectedAt) ?? 0) || compareText(a.receiptId, b.receiptId),
  );
}

const sameHold = (a: ReservationHold, b: ReservationHold): boolean =>
  a.quantity === b.quantity && a.expiresAt === b.expiresAt && a.owner === b.owner && a.reference === b.reference;

const sameReceipt = (a: IncomingReceipt, b: IncomingReceipt): boolean =>
  a.quantity === b.quantity && a.expectedAt === b.expectedAt;

/** Balances (with holds and receipts) of the rows given, into a state-shaped record. */
async function attachDetails(
  tx: SqlQueryable,
  t: Tables,
  rows: readonly Row[],
  where: (alias: string) => { sql: string; params: unknown[] } | undefined,
): Promise<Record<string, Record<string, StockBalance>>> {
  const balances: Record<string, Record<string, ReturnType<typeof balanceOf>>> = {};
  const find = (sku: string, location: string) => {
    const bySku = own(balances, sku);
    return bySku === undefined ? undefined : own(bySku, location);
  };
  for (const row of rows) {
    const balance = balanceOf(row);
    let bySku = own(balances, balance.sku);
    if (bySku === undefined) {
      bySku = {};
      put(balances, balance.sku, bySku);
    }
    put(bySku, balance.location, balance);
  }
  if (rows.length === 0) return balances;
  const filter = where('x');
  const clause = filter === undefined ? '' : ` WHERE ${filter.sql}`;
  const params = filter === undefined ? [] : filter.params;
  const holds = await tx.query(`SELECT * FROM ${t.holds} x${clause}`, params);
  for (const row of holds.rows) find(String(row['sku']), String(row['location']))?.holds.push(holdOf(row));
  const incoming = await tx.query(`SELECT * FROM ${t.incoming} x${clause}`, params);
  for (const row of incoming.rows) find(String(row['sku']), String(row['location']))?.incoming.push(incomingOf(row));
  for (const sku of Object.keys(balances))
    for (const balance of Object.values(balances[sku] as Record<string, ReturnType<typeof balanceOf>>))
      sortBalance(balance);
  return balances;
}

/** What the entries and preconditions of an intent touch, in lock order. */
function lockSet(intent: InventoryIntent): { pairs: Pair[]; reservationIds: string[] } {
  const pairs = new Map<string, Pair>();
  const ids = new Set<string>();
  const addPair = (sku: unknown, location: unknown) => {
    if (isText(sku) && isText(location)) pairs.set(pairKey(sku, location), [sku, location]);
  };
  for (const p of intent.preconditions) {
    if (p.kind === 'available_at_least' || p.kind === 'expected_version') addPair(p.sku, p.location);
    else if (p.kind === 'hold_at_least') ids.add(p.reservationId);
  }
  for (const entry of intent.entries as readonly unknown[]) {
    if (!isRecord(entry)) continue;
    addPair(entry['sku'], entry['location']);
    if (entry['kind'] === 'transfer_out') addPair(entry['sku'], entry['counterpartLocation']);
    if (isText(entry['reservationId'])) ids.add(entry['reservationId']);
  }
  return {
    pairs: [...pairs.values()].sort((a, b) => compareText(a[0], b[0]) || compareText(a[1], b[1])),
    reservationIds: [...ids].sort(compareText),
  };
}

/** A `(sku, location) IN (...)` filter on `alias`, with parameters from `start`. */
function pairFilter(alias: string, pairs: readonly Pair[], start = 1): { sql: string; params: unknown[] } {
  return {
    sql: `(${alias}.sku, ${alias}.location) IN (${tuples(pairs.length, 2, start)})`,
    params: pairs.flatMap((p) => [p[0], p[1]]),
  };
}

function balanceParams(b: StockBalance): unknown[] {
  return [b.sku, b.location, b.onHand, b.reserved, b.allocated, b.inTransit, b.version];
}

function recordParams(r: ReservationRecord): unknown[] {
  return [
    r.reservationId,
    r.sku,
    r.location,
    r.status,
    r.reserved,
    r.open,
    r.committed,
    r.released,
    r.expiresAt ?? null,
    r.owner ?? null,
    r.reference ?? null,
  ];
}

/**
 * Creates the SQL {@link InventoryStore} on a {@link SqlClient} (PostgreSQL through `pg`, or PGlite
 * in process). The tables must exist: run `migrate(client)` once first. Each `apply` is one
 * transaction at READ COMMITTED that locks the balance rows and reservation records the intent
 * touches (in one global order, so no deadlocks), checks the preconditions and folds the entries with
 * the library's own fold on the locked rows — exactly the in-memory store's semantics — then writes
 * the changed rows and appends the entries; a known key is a replay. `load` reads one REPEATABLE READ
 * snapshot. See docs/sql-adapter.md for the schema, the isolation it needs and how it retries.
 *
 * @param client - The database (`fromPgPool(pool)`, or a `PGlite` instance as it is).
 * @param options - `schema` (where the tables are) and `maxAttempts` (retries on 40001 / 40P01).
 * @returns The store.
 * @throws `InventoryError` `invalid_options` for a malformed schema name or `maxAttempts`.
 * @example
 * ```ts
 * import { createSqlInventoryStore, type SqlClient } from 'ordercore/adapters';
 *
 * const offline: SqlClient = { query: async () => ({ rows: [] }), transaction: async (fn) => fn(offline) };
 * const store = createSqlInventoryStore(offline, { schema: 'shop' });
 * const refused = await store.apply({ key: '', kind: 'receive', entries: [], preconditions: [] });
 * refused.ok || refused.error.code; //=> 'invalid_request'
 * ```
 */
export function createSqlInventoryStore(client: SqlClient, options?: SqlAdapterOptions): InventoryStore {
  const prefix = schemaPrefix(options);
  const attempts = options?.maxAttempts ?? 10;
  if (!(Number.isSafeInteger(attempts) && attempts >= 1))
    throw new InventoryError(
      'invalid_options',
      `options.maxAttempts: expected a positive safe integer, got ${show(attempts)}.`,
      { field: 'maxAttempts' },
    );
  const t: Tables = {
    ledger: `${prefix}inventory_ledger`,
    head: `${prefix}inventory_ledger_head`,
    balances: `${prefix}inventory_balances`,
    holds: `${prefix}inventory_holds`,
    incoming: `${prefix}inventory_incoming`,
    reservations: `${prefix}inventory_reservations`,
    operations: `${prefix}inventory_operations`,
  };

  async function lockRecords(tx: SqlQueryable, ids: readonly string[]): Promise<Record<string, ReservationRecord>> {
    const records: Record<string, ReservationRecord> = {};
    for (const part of chunks(ids)) {
      const locked = await tx.query(
        `INSERT INTO ${t.reservations} AS r (reservation_id) VALUES ${tuples(part.length, 1)}
         ON CONFLICT (reservation_id) DO UPDATE SET status = r.status RETURNING *`,
        part,
      );
      for (const row of locked.rows)
        if (row['sku'] !== null) put(records, String(row['reservation_id']), recordOf(row));
    }
    return records;
  }

  async function lockBalances(
    tx: SqlQueryable,
    pairs: readonly Pair[],
  ): Promise<Record<string, Record<string, StockBalance>>> {
    const rows: Row[] = [];
    for (const part of chunks(pairs)) {
      const locked = await tx.query(
        `INSERT INTO ${t.balances} AS b (sku, location) VALUES ${tuples(part.length, 2)}
         ON CONFLICT (sku, location) DO UPDATE SET version = b.version RETURNING *`,
        part.flatMap((p) => [p[0], p[1]]),
      );
      for (const row of locked.rows) if (num(row['version']) > 0) rows.push(row);
    }
    const existing = rows.map((row): Pair => [String(row['sku']), String(row['location'])]);
    return attachDetails(tx, t, rows, (alias) => pairFilter(alias, existing));
  }

  async function writeBalances(
    tx: SqlQueryable,
    pairs: readonly Pair[],
    before: InventoryState['balances'],
    after: InventoryState['balances'],
  ): Promise<void> {
    const changed: StockBalance[] = [];
    const placeholders: Pair[] = [];
    const holdsGone: unknown[][] = [];
    const holdsNew: unknown[][] = [];
    const receiptsGone: unknown[][] = [];
    const receiptsNew: unknown[][] = [];
    for (const [sku, location] of pairs) {
      const was = own(own(before, sku) ?? {}, location);
      const now = own(own(after, sku) ?? {}, location);
      if (now === undefined) {
        placeholders.push([sku, location]);
        continue;
      }
      if (now === was) continue;
      changed.push(now);
      const oldHolds = new Map((was?.holds ?? []).map((h) => [h.reservationId, h]));
      for (const hold of now.holds) {
        const old = oldHolds.get(hold.reservationId);
        oldHolds.delete(hold.reservationId);
        if (old !== undefined && sameHold(old, hold)) continue;
        if (old !== undefined) holdsGone.push([sku, location, hold.reservationId]);
        holdsNew.push([
          sku,
          location,
          hold.reservationId,
          hold.quantity,
          hold.expiresAt ?? null,
          hold.owner ?? null,
          hold.reference ?? null,
        ]);
      }
      for (const id of oldHolds.keys()) holdsGone.push([sku, location, id]);
      const oldReceipts = new Map((was?.incoming ?? []).map((r) => [r.receiptId, r]));
      for (const receipt of now.incoming) {
        const old = oldReceipts.get(receipt.receiptId);
        oldReceipts.delete(receipt.receiptId);
        if (old !== undefined && sameReceipt(old, receipt)) continue;
        if (old !== undefined) receiptsGone.push([sku, location, receipt.receiptId]);
        receiptsNew.push([sku, location, receipt.receiptId, receipt.quantity, receipt.expectedAt]);
      }
      for (const id of oldReceipts.keys()) receiptsGone.push([sku, location, id]);
    }
    for (const part of chunks(changed))
      await tx.query(
        `INSERT INTO ${t.balances} AS b (sku, location, on_hand, reserved, allocated, in_transit, version)
         VALUES ${tuples(part.length, 7)}
         ON CONFLICT (sku, location) DO UPDATE SET on_hand = EXCLUDED.on_hand, reserved = EXCLUDED.reserved,
           allocated = EXCLUDED.allocated, in_transit = EXCLUDED.in_transit, version = EXCLUDED.version`,
        part.flatMap(balanceParams),
      );
    for (const part of chunks(placeholders))
      await tx.query(
        `DELETE FROM ${t.balances} x WHERE x.version = 0 AND ${pairFilter('x', part).sql}`,
        part.flatMap((p) => [p[0], p[1]]),
      );
    for (const part of chunks(holdsGone))
      await tx.query(
        `DELETE FROM ${t.holds} WHERE (sku, location, reservation_id) IN (${tuples(part.length, 3)})`,
        part.flat(),
      );
    for (const part of chunks(holdsNew))
      await tx.query(
        `INSERT INTO ${t.holds} (sku, location, reservation_id, quantity, expires_at, owner, reference)
         VALUES ${tuples(part.length, 7)}`,
        part.flat(),
      );
    for (const part of chunks(receiptsGone))
      await tx.query(
        `DELETE FROM ${t.incoming} WHERE (sku, location, receipt_id) IN (${tuples(part.length, 3)})`,
        part.flat(),
      );
    for (const part of chunks(receiptsNew))
      await tx.query(
        `INSERT INTO ${t.incoming} (sku, location, receipt_id, quantity, expected_at) VALUES ${tuples(part.length, 5)}`,
        part.flat(),
      );
  }

  async function writeRecords(
    tx: SqlQueryable,
    ids: readonly string[],
    before: InventoryState['reservations'],
    after: InventoryState['reservations'],
  ): Promise<void> {
    const changed: ReservationRecord[] = [];
    const placeholders: string[] = [];
    for (const id of ids) {
      const now = own(after, id);
      if (now === undefined) placeholders.push(id);
      else if (now !== own(before, id)) changed.push(now);
    }
    for (const part of chunks(changed))
      await tx.query(
        `INSERT INTO ${t.reservations} AS r (reservation_id, sku, location, status, reserved, open_units,
           committed_units, released_units, expires_at, owner, reference)
         VALUES ${tuples(part.length, 11)}
         ON CONFLICT (reservation_id) DO UPDATE SET sku = EXCLUDED.sku, location = EXCLUDED.location,
           status = EXCLUDED.status, reserved = EXCLUDED.reserved, open_units = EXCLUDED.open_units,
           committed_units = EXCLUDED.committed_units, released_units = EXCLUDED.released_units,
           expires_at = EXCLUDED.expires_at, owner = EXCLUDED.owner, reference = EXCLUDED.reference`,
        part.flatMap(recordParams),
      );
    for (const part of chunks(placeholders))
      await tx.query(
        `DELETE FROM ${t.reservations} WHERE sku IS NULL AND reservation_id IN (${list(part.length)})`,
        part,
      );
  }

  async function append(tx: SqlQueryable, entries: readonly LedgerEntry[]): Promise<void> {
    const head = await tx.query(`UPDATE ${t.head} SET length = length + $1 WHERE id = 1 RETURNING length`, [
      entries.length,
    ]);
    const first = num(head.rows[0]?.['length']) - entries.length;
    let seq = first;
    for (const part of chunks(entries)) {
      const params: unknown[] = [];
      for (const entry of part) {
        params.push(
          seq,
          entry.id,
          entry.operation ?? null,
          entry.kind,
          entry.sku,
          entry.location,
          JSON.stringify(entry),
        );
        seq += 1;
      }
      const inserted = await tx.query(
        `INSERT INTO ${t.ledger} (seq, id, operation, kind, sku, location, entry) VALUES ${tuples(part.length, 7)}
         ON CONFLICT (id) DO NOTHING RETURNING seq`,
        params,
      );
      // A concurrent apply committed one of these ids after our check: start again, and refuse then.
      if (inserted.rows.length !== part.length) throw new RetryTransaction('an entry id was taken concurrently');
    }
  }

  async function applyIn(tx: SqlQueryable, intent: InventoryIntent): Promise<InventoryStoreApplied> {
    const key = intent.key;
    const claimed = await tx.query(
      `INSERT INTO ${t.operations} (key, entry_ids) VALUES ($1, '[]') ON CONFLICT (key) DO NOTHING RETURNING key`,
      [key],
    );
    if (claimed.rows.length === 0) throw new Refusal(ok({ replayed: true, entries: 0 }));
    const { pairs, reservationIds } = lockSet(intent);
    const reservations = await lockRecords(tx, reservationIds);
    const balances = await lockBalances(tx, pairs);
    const state: InventoryState = { balances, reservations, operations: {}, entries: 0 };
    const preconditions: readonly InventoryPrecondition[] = intent.preconditions;
    for (const precondition of preconditions) {
      if (precondition.kind === 'operation_absent' || preconditionHolds(state, precondition)) continue;
      throw new Refusal(
        err(
          new InventoryError(
            'precondition_failed',
            `intent ${show(key)}: precondition ${precondition.kind} no longer holds.`,
            { key, precondition },
          ),
        ),
      );
    }
    const entries: readonly unknown[] = intent.entries;
    const ids = entries.flatMap((e) => (isRecord(e) && typeof e['id'] === 'string' ? [e['id']] : []));
    const taken = new Set<string>();
    for (const part of chunks(ids)) {
      const found = await tx.query(`SELECT id FROM ${t.ledger} WHERE id IN (${list(part.length)})`, part);
      for (const row of found.rows) taken.add(String(row['id']));
    }
    for (let i = 0; i < entries.length; i += 1) {
      const entry = entries[i];
      if (!isRecord(entry)) continue; // the fold names the malformed entry
      if (entry['operation'] !== key)
        throw new Refusal(
          err(
            new InventoryError(
              'invalid_entry',
              `entries[${i}].operation: every entry of intent ${show(key)} must carry operation ${show(key)}.`,
              { index: i, field: 'operation' },
            ),
          ),
        );
      const id = entry['id'];
      if (typeof id === 'string' && taken.has(id))
        throw new Refusal(
          err(
            new InventoryError('duplicate_entry_id', `entries[${i}].id: ${show(id)} is already in the ledger.`, {
              index: i,
              entryId: id,
              field: 'id',
            }),
          ),
        );
    }
    const folded = applyEntries(state, entries, 'pure');
    if (!folded.ok) throw new Refusal(err(folded.error));
    // Nothing appended: the key is not remembered (the in-memory store's rule), so roll back its claim.
    if (entries.length === 0) throw new Refusal(ok({ replayed: false, entries: 0 }));
    await writeRecords(tx, reservationIds, state.reservations, folded.state.reservations);
    await writeBalances(tx, pairs, state.balances, folded.state.balances);
    const operation = own(folded.state.operations, key) as AppliedOperation;
    await tx.query(`UPDATE ${t.operations} SET entry_ids = $2 WHERE key = $1`, [
      key,
      JSON.stringify(operation.entryIds),
    ]);
    await append(tx, entries as readonly LedgerEntry[]);
    return { replayed: false, entries: entries.length };
  }

  async function apply(intent: InventoryIntent): Promise<Result<InventoryStoreApplied, InventoryError>> {
    const problem = intentProblem(intent);
    if (problem !== undefined) return err(problem);
    return withRetries(attempts, async () => {
      try {
        return ok(await client.transaction((tx) => applyIn(tx, intent)));
      } catch (error) {
        if (error instanceof Refusal) return error.result;
        throw error;
      }
    });
  }

  async function load(query?: InventoryStoreQuery): Promise<InventoryState> {
    if (query !== undefined && !isRecord(query))
      throw invalidRequest('query', `expected an object or nothing, got ${show(query)}.`);
    const skus = query === undefined ? undefined : stringList(query, 'skus');
    const reservationIds = query === undefined ? undefined : stringList(query, 'reservationIds');
    const keys = query === undefined ? undefined : stringList(query, 'keys');
    const everything = skus === undefined && reservationIds === undefined && keys === undefined;
    return withRetries(attempts, () =>
      client.transaction(async (tx) => {
        await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        const head = await tx.query(`SELECT length FROM ${t.head} WHERE id = 1`);
        const entries = num(head.rows[0]?.['length'] ?? 0);
        // Balances, with their holds and receipts.
        const balanceRows: Row[] = [];
        let skuFilter: ((alias: string) => { sql: string; params: unknown[] }) | undefined;
        if (everything) {
          balanceRows.push(...(await tx.query(`SELECT * FROM ${t.balances} WHERE version > 0`)).rows);
        } else {
          const wanted = [...new Set(skus ?? [])];
          for (const part of chunks(wanted))
            balanceRows.push(
              ...(
                await tx.query(`SELECT * FROM ${t.balances} WHERE version > 0 AND sku IN (${list(part.length)})`, part)
              ).rows,
            );
          const present = [...new Set(balanceRows.map((row) => String(row['sku'])))];
          skuFilter = (alias) => ({ sql: `${alias}.sku IN (${list(present.length)})`, params: present });
        }
        const balances = await attachDetails(tx, t, balanceRows, (alias) => skuFilter?.(alias));
        // Reservation records.
        const reservations: Record<string, ReservationRecord> = {};
        const recordRows: Row[] = [];
        if (everything)
          recordRows.push(...(await tx.query(`SELECT * FROM ${t.reservations} WHERE sku IS NOT NULL`)).rows);
        else
          for (const part of chunks([...new Set(reservationIds ?? [])]))
            recordRows.push(
              ...(
                await tx.query(
                  `SELECT * FROM ${t.reservations} WHERE sku IS NOT NULL AND reservation_id IN (${list(part.length)})`,
                  part,
                )
              ).rows,
            );
        for (const row of recordRows) put(reservations, String(row['reservation_id']), recordOf(row));
        // Operations.
        const operations: Record<string, AppliedOperation> = {};
        const operationRows: Row[] = [];
        if (everything) operationRows.push(...(await tx.query(`SELECT * FROM ${t.operations}`)).rows);
        else
          for (const part of chunks([...new Set(keys ?? [])]))
            operationRows.push(
              ...(await tx.query(`SELECT * FROM ${t.operations} WHERE key IN (${list(part.length)})`, part)).rows,
            );
        for (const row of operationRows) {
          const key = String(row['key']);
          put(operations, key, { key, entryIds: JSON.parse(String(row['entry_ids'])) as string[] });
        }
        return { balances, reservations, operations, entries };
      }),
    );
  }

  async function ledger(page?: InventoryLedgerPage): Promise<readonly LedgerEntry[]> {
    if (page !== undefined && !isRecord(page))
      throw new InventoryError('invalid_options', `page: expected an object or nothing, got ${show(page)}.`, {
        field: 'page',
      });
    const from = page === undefined ? 0 : (pageBound(page, 'from') ?? 0);
    const limit = page === undefined ? undefined : pageBound(page, 'limit');
    const rows = await client.query(
      `SELECT entry FROM ${t.ledger} WHERE seq >= $1 ORDER BY seq${limit === undefined ? '' : ' LIMIT $2'}`,
      limit === undefined ? [from] : [from, limit],
    );
    return rows.rows.map((row) => Object.freeze(JSON.parse(String(row['entry'])) as LedgerEntry));
  }

  return { apply, load, ledger };
}
