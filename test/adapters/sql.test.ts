import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createInMemoryInventoryStore,
  createSqlAdapters,
  createSqlInventoryStore,
  fromPgPool,
  migrate,
  SQL_MIGRATIONS,
  type SqlClient,
  type SqlQueryable,
} from '../../src/adapters/index.js';
import type { InventoryIntent } from '../../src/inventory/index.js';
import { inventoryStoreConformance } from '../../src/testing/index.js';
import { at, countRows, deepFreeze, receipt, reservation, resetInventory } from './sqlHelpers.js';

// PGlite: PostgreSQL compiled to WebAssembly, in process — the embedded default, no server.
const db = new PGlite();
const client: SqlClient = db;

beforeAll(async () => {
  await migrate(client);
  await migrate(client, { schema: 'tenant_b' });
}, 60_000);
afterAll(async () => {
  await db.close();
});

describe('the InventoryStore conformance kit against the SQL store on PGlite', () => {
  const factory = async () => {
    await resetInventory(client);
    return createSqlAdapters(client).inventory;
  };
  for (const c of inventoryStoreConformance(factory, { seed: 3, numRuns: 8 })) it(c.name, c.run, 120_000);
});

describe('migrate', () => {
  it('is idempotent: a second run applies nothing, and records every version once', async () => {
    expect(await migrate(client)).toEqual([]);
    const versions = await client.query('SELECT version, name FROM ordercore_schema_migrations ORDER BY version');
    expect(versions.rows).toEqual(SQL_MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
  });

  it('creates the schema it is given, and refuses a schema name that is not a plain identifier', async () => {
    expect(await migrate(client, { schema: 'shop_eu' })).toEqual([1]);
    expect(await migrate(client, { schema: 'shop_eu' })).toEqual([]);
    const tables = await db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'shop_eu' ORDER BY table_name",
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual([
      'inventory_balances',
      'inventory_holds',
      'inventory_incoming',
      'inventory_ledger',
      'inventory_ledger_head',
      'inventory_operations',
      'inventory_reservations',
      'ordercore_schema_migrations',
    ]);
    await expect(migrate(client, { schema: 'x"; DROP TABLE y; --' })).rejects.toMatchObject({
      code: 'invalid_options',
      details: { field: 'schema' },
    });
    expect(() => createSqlAdapters(client, { schema: 'Upper' })).toThrowError(
      expect.objectContaining({ code: 'invalid_options' }),
    );
    expect(() => createSqlInventoryStore(client, { maxAttempts: 0 })).toThrowError(
      expect.objectContaining({ code: 'invalid_options', details: { field: 'maxAttempts' } }),
    );
  }, 60_000);
});

describe('createSqlInventoryStore on PGlite', () => {
  it('worked example: 500 shirts, 6 and 10 reserved from two channels, 484 left, the over-reservation refused', async () => {
    await resetInventory(client);
    const store = createSqlInventoryStore(client);
    expect(await store.apply(receipt('grn-1', 'SHIRT', 500))).toEqual({
      ok: true,
      value: { replayed: false, entries: 1 },
    });
    expect((await store.apply(reservation('market-a', 'SHIRT', 6))).ok).toBe(true);
    expect((await store.apply(reservation('market-b', 'SHIRT', 10))).ok).toBe(true);
    const b = (await store.load({ skus: ['SHIRT'] })).balances['SHIRT']?.['dc'];
    expect([b?.onHand, b?.reserved, b?.available, b?.version]).toEqual([500, 16, 484, 3]);
    expect(b?.holds.map((h) => [h.reservationId, h.quantity])).toEqual([
      ['market-a', 6],
      ['market-b', 10],
    ]);
    const over = await store.apply(reservation('market-c', 'SHIRT', 485));
    expect(over.ok || over.error.code).toBe('precondition_failed');
    expect(over.ok || over.error.details['precondition']).toMatchObject({ kind: 'available_at_least', quantity: 485 });
    expect((await store.apply(reservation('market-c', 'SHIRT', 484))).ok).toBe(true);
    expect((await store.ledger()).map((e) => e.id)).toEqual(['grn-1#0', 'market-a#0', 'market-b#0', 'market-c#0']);
    expect(await store.apply(reservation('market-c', 'SHIRT', 484))).toEqual({
      ok: true,
      value: { replayed: true, entries: 0 },
    });
  });

  it('refuses exactly as the in-memory store does: malformed intents, stray operations, duplicate ids, half-folding intents', async () => {
    await resetInventory(client);
    const sql = createSqlInventoryStore(client);
    const memory = createInMemoryInventoryStore();
    const seed = receipt('grn-1', 'SHIRT', 5);
    const hostile: unknown[] = [
      null,
      { key: '', kind: 'receive', entries: [], preconditions: [] },
      { key: 'k', kind: 'steal', entries: [], preconditions: [] },
      { key: 'k', kind: 'receive', entries: 'x', preconditions: [] },
      { key: 'k', kind: 'receive', entries: [], preconditions: [{ kind: 'available_at_least', sku: 'S' }] },
      { key: 'k', kind: 'receive', entries: [7], preconditions: [] },
      { key: 'k', kind: 'receive', entries: [{ ...seed.entries[0], id: 'k#0' }], preconditions: [] },
      {
        key: 'grn-2',
        kind: 'receive',
        entries: [
          { id: 'grn-2#0', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 1, at, operation: 'grn-2' },
          { id: 'grn-1#0', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 1, at, operation: 'grn-2' },
        ],
        preconditions: [],
      },
      {
        key: 'x',
        kind: 'adjust',
        entries: [
          { id: 'x#0', kind: 'adjustment', sku: 'NEW', location: 'dc', quantity: 4, at, operation: 'x' },
          { id: 'x#1', kind: 'deallocation', sku: 'SHIRT', location: 'dc', quantity: -1, at, operation: 'x' },
        ],
        preconditions: [],
      },
      {
        key: 'twice',
        kind: 'receive',
        entries: [
          { id: 'twice#0', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 1, at, operation: 'twice' },
          { id: 'twice#0', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 1, at, operation: 'twice' },
        ],
        preconditions: [],
      },
      {
        key: 'v',
        kind: 'adjust',
        entries: [{ id: 'v#0', kind: 'adjustment', sku: 'SHIRT', location: 'dc', quantity: 1, at, operation: 'v' }],
        preconditions: [{ kind: 'expected_version', sku: 'SHIRT', location: 'dc', version: 7 }],
      },
    ];
    expect(await sql.apply(seed)).toEqual(memory.applySync(seed));
    const before = await sql.load();
    for (const intent of hostile) {
      const expected = memory.applySync(intent as InventoryIntent);
      const actual = await sql.apply(intent as InventoryIntent);
      expect(actual.ok).toBe(false);
      expect(actual).toEqual(expected);
      if (!actual.ok && !expected.ok) expect(actual.error.message).toBe(expected.error.message);
    }
    expect(await sql.load()).toEqual(before);
    expect(await sql.load()).toEqual(memory.loadSync());
    expect(await sql.ledger()).toEqual(memory.ledgerSync());
    // Nothing the refused intents locked is left behind: no placeholder balances, records or keys.
    expect(await countRows(client, 'inventory_balances')).toBe(1);
    expect(await countRows(client, 'inventory_operations')).toBe(1);
    expect(await countRows(client, 'inventory_reservations')).toBe(0);
  });

  it('leaves no placeholder row for a pair a precondition names but no entry moves, nor remembers an empty intent', async () => {
    await resetInventory(client);
    const store = createSqlInventoryStore(client);
    const intent: InventoryIntent = {
      key: 'g',
      kind: 'receive',
      entries: [{ id: 'g#0', kind: 'receipt', sku: 'A', location: 'dc', quantity: 1, at, operation: 'g' }],
      preconditions: [{ kind: 'expected_version', sku: 'B', location: 'far', version: 0 }],
    };
    expect((await store.apply(intent)).ok).toBe(true);
    expect(await store.apply({ key: 'empty', kind: 'receive', entries: [], preconditions: [] })).toEqual({
      ok: true,
      value: { replayed: false, entries: 0 },
    });
    expect(await countRows(client, 'inventory_balances')).toBe(1);
    expect((await store.load({ keys: ['empty', 'g'] })).operations).toEqual({ g: { key: 'g', entryIds: ['g#0'] } });
  });

  it('keeps every kind of entry: scheduled receipts, transfers in two halves, allocations, shipments, counts', async () => {
    await resetInventory(client);
    const sql = createSqlInventoryStore(client);
    const memory = createInMemoryInventoryStore();
    const e = (key: string, entries: Record<string, unknown>[]): InventoryIntent =>
      ({
        key,
        kind: 'adjust',
        entries: entries.map((x, i) => ({ id: `${key}#${i}`, sku: 'S', location: 'dc', at, operation: key, ...x })),
        preconditions: [],
      }) as unknown as InventoryIntent;
    const intents = [
      e('po', [
        { kind: 'scheduled_receipt', quantity: 10, receiptId: 'PO-2', expectedAt: '2026-12-02T00:00:00+01:00' },
        { kind: 'scheduled_receipt', quantity: 5, receiptId: 'PO-1', expectedAt: '2026-12-01T00:00:00Z' },
      ]),
      e('grn', [{ kind: 'receipt', quantity: 4, receiptId: 'PO-2' }]),
      e('res', [
        { kind: 'reservation', quantity: 2, reservationId: 'r1', expiresAt: '2026-11-22T10:15:00Z', owner: 'c' },
      ]),
      e('ext', [{ kind: 'reservation_extended', quantity: 0, reservationId: 'r1' }]),
      e('alloc', [{ kind: 'allocation', quantity: 1, reservationId: 'r1', allocationId: 'a1' }]),
      e('rel', [{ kind: 'release', quantity: -1, reservationId: 'r1' }]),
      e('ship', [{ kind: 'shipment', quantity: -1, allocationId: 'a1' }]),
      e('move', [{ kind: 'transfer_out', quantity: -2, counterpartLocation: 'store', transferId: 't1' }]),
      e('arrive', [
        { kind: 'transfer_in', quantity: 2, location: 'store', counterpartLocation: 'dc', transferId: 't1' },
      ]),
      e('count', [{ kind: 'cycle_count', quantity: -1, counted: 0, expected: 1 }]),
      e('cancel', [{ kind: 'scheduled_receipt', quantity: -5, receiptId: 'PO-1' }]),
      e('ret', [{ kind: 'return', quantity: 1, location: 'store' }]),
    ];
    for (const intent of intents) {
      const expected = memory.applySync(intent);
      expect(expected.ok).toBe(true);
      expect(await sql.apply(intent)).toEqual(expected);
    }
    expect(await sql.load()).toEqual(memory.loadSync());
    expect(await sql.load({ skus: ['S'], reservationIds: ['r1'], keys: ['po', 'nope'] })).toEqual(
      memory.loadSync({ skus: ['S'], reservationIds: ['r1'], keys: ['po', 'nope'] }),
    );
    expect(await sql.ledger({ from: 3, limit: 4 })).toEqual(memory.ledgerSync({ from: 3, limit: 4 }));
    const dc = (await sql.load({ skus: ['S'] })).balances['S']?.['dc'];
    expect(dc?.incoming).toEqual([{ receiptId: 'PO-2', quantity: 6, expectedAt: '2026-12-02T00:00:00+01:00' }]);
    expect(await countRows(client, 'inventory_incoming')).toBe(1);
  });

  it('works with SKUs, reservation ids and keys named __proto__ or constructor', async () => {
    await resetInventory(client);
    const store = createSqlInventoryStore(client);
    expect((await store.apply(receipt('__proto__', '__proto__', 2))).ok).toBe(true);
    expect((await store.apply(reservation('constructor', '__proto__', 2))).ok).toBe(true);
    const state = await store.load({ skus: ['__proto__'], reservationIds: ['constructor'], keys: ['__proto__'] });
    expect(Object.hasOwn(state.balances, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(state.balances, '__proto__')?.value?.['dc']?.reserved).toBe(2);
    expect(state.reservations['constructor']?.open).toBe(2);
    expect(Object.getOwnPropertyDescriptor(state.operations, '__proto__')?.value?.entryIds).toEqual(['__proto__#0']);
    expect(Object.getPrototypeOf(state.balances)).toBe(Object.prototype);
    expect((await store.apply(reservation('hasOwnProperty', '__proto__', 1))).ok).toBe(false);
  });

  it('never mutates a deep-frozen intent, and hands back equal but separate entries', async () => {
    await resetInventory(client);
    const store = createSqlInventoryStore(client);
    const grn = deepFreeze(receipt('grn-1', 'SHIRT', 5));
    const intent = deepFreeze(reservation('r-1', 'SHIRT', 2, '2026-11-22T10:15:00+01:00'));
    expect((await store.apply(grn)).ok).toBe(true);
    expect((await store.apply(intent)).ok).toBe(true);
    const ledger = await store.ledger();
    expect(ledger[1]).toEqual(intent.entries[0]);
    expect(ledger[1]).not.toBe(intent.entries[0]);
    expect(Object.isFrozen(ledger[1])).toBe(true);
    // The instant keeps the caller's offset: the fold compares instants, the ledger keeps the text.
    expect((await store.load({ reservationIds: ['r-1'] })).reservations['r-1']?.expiresAt).toBe(
      '2026-11-22T10:15:00+01:00',
    );
  });

  it('pages the ledger and refuses malformed pages and queries with the in-memory store’s errors', async () => {
    await resetInventory(client);
    const store = createSqlInventoryStore(client);
    const memory = createInMemoryInventoryStore();
    for (const n of [1, 2, 3]) {
      await store.apply(receipt(`g${n}`, 'S', n));
      memory.applySync(receipt(`g${n}`, 'S', n));
    }
    for (const page of [undefined, {}, { from: 1 }, { limit: 1 }, { from: 2, limit: 5 }, { from: 3 }, { limit: 0 }])
      expect(await store.ledger(page)).toEqual(memory.ledgerSync(page));
    for (const page of [7, { from: -1 }, { limit: 1.5 }, { from: '1' }]) {
      let expected: unknown;
      try {
        memory.ledgerSync(page as never);
      } catch (error) {
        expected = error;
      }
      await expect(store.ledger(page as never)).rejects.toEqual(expected);
    }
    for (const query of ['x', { skus: 'S' }, { keys: [1] }, { reservationIds: {} }]) {
      let expected: unknown;
      try {
        memory.loadSync(query as never);
      } catch (error) {
        expected = error;
      }
      await expect(store.load(query as never)).rejects.toEqual(expected);
    }
  });

  it('keeps tenants apart: stores on two schemas of one database see only their own tables', async () => {
    await resetInventory(client);
    await resetInventory(client, 'tenant_b');
    const a = createSqlInventoryStore(client);
    const b = createSqlInventoryStore(client, { schema: 'tenant_b' });
    await a.apply(receipt('g', 'S', 1));
    await b.apply(receipt('g', 'S', 7));
    expect((await a.load()).balances['S']?.['dc']?.onHand).toBe(1);
    expect((await b.load()).balances['S']?.['dc']?.onHand).toBe(7);
    expect(await countRows(client, 'inventory_ledger', 'tenant_b')).toBe(1);
  });
});

describe('retries and transactions', () => {
  /** A client whose first `failures` transactions throw `code` at their first statement. */
  function flaky(failures: number, code: string): SqlClient & { attempts: number } {
    const wrapper = {
      attempts: 0,
      query: (text: string, params?: readonly unknown[]) => client.query(text, params),
      transaction: <T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> =>
        client.transaction(async (tx) => {
          wrapper.attempts += 1;
          if (wrapper.attempts <= failures) throw Object.assign(new Error(`simulated ${code}`), { code });
          return fn(tx);
        }),
    };
    return wrapper as SqlClient & { attempts: number };
  }

  it('retries a transaction after a serialisation failure or a deadlock, and applies the intent once', async () => {
    await resetInventory(client);
    const serial = flaky(2, '40001');
    const store = createSqlInventoryStore(serial);
    expect(await store.apply(receipt('g', 'S', 3))).toEqual({ ok: true, value: { replayed: false, entries: 1 } });
    expect(serial.attempts).toBe(3);
    const deadlock = flaky(1, '40P01');
    expect((await createSqlInventoryStore(deadlock).apply(receipt('h', 'S', 1))).ok).toBe(true);
    expect(deadlock.attempts).toBe(2);
    expect((await createSqlInventoryStore(client).ledger()).map((e) => e.id)).toEqual(['g#0', 'h#0']);
  });

  it('gives up after maxAttempts, and never retries other database errors', async () => {
    await resetInventory(client);
    const always = flaky(99, '40001');
    await expect(createSqlInventoryStore(always, { maxAttempts: 3 }).apply(receipt('g', 'S', 3))).rejects.toMatchObject(
      { code: '40001' },
    );
    expect(always.attempts).toBe(3);
    const broken = flaky(99, '42P01');
    await expect(createSqlInventoryStore(broken).apply(receipt('g', 'S', 3))).rejects.toMatchObject({ code: '42P01' });
    expect(broken.attempts).toBe(1);
    expect(await createSqlInventoryStore(client).ledger()).toEqual([]);
  });

  it('fromPgPool: BEGIN, the work, COMMIT; ROLLBACK and the same error when the work fails; a connection whose ROLLBACK fails is destroyed', async () => {
    const log: string[] = [];
    let rollbackFails = false;
    const connection = {
      query: async (text: string) => {
        log.push(text);
        if (text === 'ROLLBACK' && rollbackFails) throw new Error('connection lost');
        return { rows: [{ text }] };
      },
      release: (destroy?: Error | boolean) => {
        log.push(`release(${destroy === undefined ? '' : String(destroy)})`);
      },
    };
    const pool = { query: connection.query, connect: async () => connection };
    const wrapped = fromPgPool(pool);
    expect((await wrapped.query('SELECT 1', [1])).rows).toEqual([{ text: 'SELECT 1' }]);
    expect(await wrapped.transaction(async (tx) => (await tx.query('UPDATE t')).rows.length)).toBe(1);
    const boom = new Error('boom');
    await expect(
      wrapped.transaction(async () => {
        throw boom;
      }),
    ).rejects.toBe(boom);
    rollbackFails = true;
    await expect(
      wrapped.transaction(async () => {
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(log).toEqual([
      'SELECT 1',
      'BEGIN',
      'UPDATE t',
      'COMMIT',
      'release()',
      'BEGIN',
      'ROLLBACK',
      'release()',
      'BEGIN',
      'ROLLBACK',
      'release(true)',
    ]);
  });
});
