// The SQL adapters on a real PostgreSQL server. Not part of `npm test`: the `postgres` vitest project
// runs it, and `.ci/postgres.sh` starts a throwaway server and sets DATABASE_URL:
//   bash .ci/postgres.sh npx vitest run --project postgres
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlInventoryStore, fromPgPool, type InventoryStore, migrate } from '../../src/adapters/index.js';
import { foldLedger, type InventoryIntent, type LedgerEntry } from '../../src/inventory/index.js';
import { inventoryStoreConformance } from '../../src/testing/index.js';
import { at, receipt, reservation, resetInventory } from './sqlHelpers.js';

const url = process.env['DATABASE_URL'];
if (url === undefined || url === '')
  throw new Error('DATABASE_URL is not set: run `bash .ci/postgres.sh npx vitest run --project postgres`.');

const SCHEMA = 'ordercore_test';
const CONNECTIONS = 16;
// One pool of 16 connections: every concurrent apply below runs on its own connection.
const pool = new pg.Pool({ connectionString: url, max: CONNECTIONS });
const client = fromPgPool(pool);
const fresh = async (): Promise<InventoryStore> => {
  await resetInventory(client, SCHEMA);
  return createSqlInventoryStore(client, { schema: SCHEMA });
};

beforeAll(async () => {
  await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  expect(await migrate(client, { schema: SCHEMA })).toEqual([1]);
  expect(await migrate(client, { schema: SCHEMA })).toEqual([]);
});
afterAll(async () => {
  await pool.end();
});

describe('the InventoryStore conformance kit against the SQL store on PostgreSQL', () => {
  for (const c of inventoryStoreConformance(fresh, { seed: 5, numRuns: 10 })) it(c.name, c.run);
});

describe('the conformance kit with 16 concurrent clients on 16 connections', () => {
  const cases = inventoryStoreConformance(fresh, { seed: 11, numRuns: 6, clients: CONNECTIONS, steps: 5 });
  const concurrent = cases.filter((c) => c.name.startsWith('concurrent clients'));
  it('has the concurrent case', () => expect(concurrent).toHaveLength(1));
  for (const c of concurrent) it(c.name, c.run);
});

/** `load()` equals the fold of the ledger, and positions are 0..n−1 without a gap. */
async function checkStore(store: InventoryStore): Promise<readonly LedgerEntry[]> {
  const ledger = await store.ledger();
  expect(await store.load()).toEqual(foldLedger(ledger));
  const seqs = await client.query(`SELECT seq FROM ${SCHEMA}.inventory_ledger ORDER BY seq`);
  expect(seqs.rows.map((r) => Number(r['seq']))).toEqual(ledger.map((_, i) => i));
  return ledger;
}

const times = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

describe('contention on PostgreSQL', () => {
  it('16 connections reserving the same 3 SKUs never oversell; every success is in the ledger once; replays write nothing', async () => {
    const store = await fresh();
    const skus = ['A', 'B', 'C'];
    const stock = [60, 45, 30];
    for (const [i, sku] of skus.entries())
      expect((await store.apply(receipt(`grn-${sku}`, sku, stock[i] ?? 0))).ok).toBe(true);
    const reservedBy: Record<string, number> = { A: 0, B: 0, C: 0 };
    let replays = 0;
    let refusals = 0;
    const started = performance.now();
    const worker = async (w: number): Promise<void> => {
      const exhausted = new Set<string>();
      const mine: InventoryIntent[] = [];
      for (let i = 0; exhausted.size < skus.length && i < 80; i += 1) {
        const sku = skus[(w + i) % skus.length] as string;
        if (exhausted.has(sku)) continue;
        if (i % 6 === 5 && mine.length > 0) {
          // A retried request: must be recognised, whatever the stock is now.
          const again = await store.apply(mine[i % mine.length] as InventoryIntent);
          expect(again).toEqual({ ok: true, value: { replayed: true, entries: 0 } });
          replays += 1;
          continue;
        }
        const quantity = 1 + ((w * 7 + i * 3) % 3);
        const intent = reservation(`w${w}-${i}`, sku, quantity);
        const r = await store.apply(intent);
        if (r.ok) {
          expect(r.value).toEqual({ replayed: false, entries: 1 });
          reservedBy[sku] = (reservedBy[sku] ?? 0) + quantity;
          mine.push(intent);
        } else {
          expect(r.error.code).toBe('precondition_failed');
          refusals += 1;
          exhausted.add(sku);
        }
      }
    };
    await Promise.all(times(CONNECTIONS, worker));
    const seconds = (performance.now() - started) / 1000;
    const state = await store.load();
    for (const [i, sku] of skus.entries()) {
      const b = state.balances[sku]?.['dc'];
      expect(b?.reserved).toBe(reservedBy[sku]);
      expect(b?.onHand).toBe(stock[i]);
      // Never oversold; and the demand (16 workers × up to 80 requests) was far above the stock.
      expect(b?.available).toBeGreaterThanOrEqual(0);
      expect(b?.available).toBeLessThan(3);
      expect(b?.holds.reduce((sum, h) => sum + h.quantity, 0)).toBe(reservedBy[sku]);
    }
    const ledger = await checkStore(store);
    const successes = ledger.length - skus.length;
    expect(ledger.filter((e) => e.kind === 'reservation')).toHaveLength(successes);
    expect(new Set(ledger.map((e) => e.id)).size).toBe(ledger.length);
    expect(replays).toBeGreaterThan(0);
    expect(refusals).toBeGreaterThanOrEqual(CONNECTIONS);
    console.log(
      `contention: ${successes} reservations + ${refusals} refusals + ${replays} replays on ${CONNECTIONS} connections in ${seconds.toFixed(2)} s ` +
        `(${Math.round((successes + refusals + replays) / seconds)} applies/s), no oversell`,
    );
  });

  it('16 concurrent receipts into a balance that does not exist yet all land (the placeholder row is locked, not raced)', async () => {
    const store = await fresh();
    const results = await Promise.all(times(CONNECTIONS, (i) => store.apply(receipt(`g${i}`, 'NEW', i + 1, 'far'))));
    expect(results.every((r) => r.ok && !r.value.replayed)).toBe(true);
    const b = (await store.load({ skus: ['NEW'] })).balances['NEW']?.['far'];
    expect([b?.onHand, b?.version]).toEqual([(CONNECTIONS * (CONNECTIONS + 1)) / 2, CONNECTIONS]);
    await checkStore(store);
  });

  it('16 concurrent applies of one key: exactly one writes, the others are replays', async () => {
    const store = await fresh();
    const intent = receipt('same-key', 'S', 5);
    const results = await Promise.all(times(CONNECTIONS, () => store.apply(intent)));
    expect(results.filter((r) => r.ok && !r.value.replayed)).toHaveLength(1);
    expect(results.filter((r) => r.ok && r.value.replayed)).toHaveLength(CONNECTIONS - 1);
    expect((await checkStore(store)).length).toBe(1);
  });

  it('16 concurrent intents with one entry id under different keys: one is applied, the others get duplicate_entry_id', async () => {
    const store = await fresh();
    const results = await Promise.all(
      times(CONNECTIONS, (i) =>
        store.apply({
          key: `k${i}`,
          kind: 'receive',
          entries: [
            { id: 'shared-id', kind: 'receipt', sku: `S${i}`, location: 'dc', quantity: 1, at, operation: `k${i}` },
          ],
          preconditions: [],
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === 'duplicate_entry_id')).toHaveLength(CONNECTIONS - 1);
    const ledger = await checkStore(store);
    expect(ledger).toHaveLength(1);
    expect(Object.keys((await store.load()).operations)).toHaveLength(1);
  });

  it('16 concurrent new reservations with one id at different SKUs: one holds, the others are refused as invalid_entry', async () => {
    const store = await fresh();
    for (let i = 0; i < CONNECTIONS; i += 1) await store.apply(receipt(`g${i}`, `S${i}`, 1));
    const results = await Promise.all(
      times(CONNECTIONS, (i) => {
        const intent = reservation(`k${i}`, `S${i}`, 1);
        return store.apply({
          ...intent,
          entries: [{ ...(intent.entries[0] as LedgerEntry), reservationId: 'one-id' }],
        });
      }),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === 'invalid_entry')).toHaveLength(CONNECTIONS - 1);
    await checkStore(store);
  });

  it('intents touching two SKUs in opposite orders never deadlock', async () => {
    const store = await fresh();
    await store.apply(receipt('ga', 'A', 1000));
    await store.apply(receipt('gb', 'B', 1000));
    const move = (key: string, first: string, second: string): InventoryIntent => ({
      key,
      kind: 'adjust',
      entries: [
        { id: `${key}#0`, kind: 'adjustment', sku: first, location: 'dc', quantity: -1, at, operation: key },
        { id: `${key}#1`, kind: 'adjustment', sku: second, location: 'dc', quantity: 1, at, operation: key },
      ],
      preconditions: [
        {
          kind: 'available_at_least',
          sku: first,
          location: 'dc',
          quantity: 1,
          now: at,
          safetyStock: 0,
          backorderLimit: 0,
        },
      ],
    });
    const results = await Promise.all(
      times(CONNECTIONS * 4, (i) => store.apply(i % 2 === 0 ? move(`m${i}`, 'A', 'B') : move(`m${i}`, 'B', 'A'))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const state = await store.load();
    expect([state.balances['A']?.['dc']?.onHand, state.balances['B']?.['dc']?.onHand]).toEqual([1000, 1000]);
    await checkStore(store);
  });
});
