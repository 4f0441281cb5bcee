import { describe, expect, it } from 'vitest';
import { createInMemoryInventoryStore } from '../../src/adapters/index.js';
import { applyIntent, foldLedger, type InventoryIntent, type LedgerEntry } from '../../src/inventory/index.js';
import { inventoryStoreConformance } from '../../src/testing/index.js';

const at = '2026-11-22T10:00:00Z';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const receipt = (key: string, sku: string, quantity: number, location = 'dc'): InventoryIntent => ({
  key,
  kind: 'receive',
  entries: [{ id: `${key}#0`, kind: 'receipt', sku, location, quantity, at, operation: key }],
  preconditions: [{ kind: 'operation_absent', key }],
});

const reservation = (key: string, sku: string, quantity: number, expiresAt?: string): InventoryIntent => ({
  key,
  kind: 'reserve',
  entries: [
    {
      id: `${key}#0`,
      kind: 'reservation',
      sku,
      location: 'dc',
      quantity,
      at,
      reservationId: key,
      operation: key,
      ...(expiresAt === undefined ? {} : { expiresAt }),
    },
  ],
  preconditions: [
    { kind: 'operation_absent', key },
    { kind: 'available_at_least', sku, location: 'dc', quantity, now: at, safetyStock: 0, backorderLimit: 0 },
  ],
});

describe('the InventoryStore conformance kit against the in-memory store', () => {
  for (const c of inventoryStoreConformance(() => createInMemoryInventoryStore(), { seed: 1, numRuns: 30 }))
    it(c.name, c.run, 30_000);
});

describe('createInMemoryInventoryStore', () => {
  it('worked example: 500 shirts, 6 and 10 reserved from two channels, 484 left, the third over-reservation refused', () => {
    const store = createInMemoryInventoryStore();
    expect(store.applySync(receipt('grn-1', 'SHIRT', 500))).toEqual({
      ok: true,
      value: { replayed: false, entries: 1 },
    });
    expect(store.applySync(reservation('market-a', 'SHIRT', 6)).ok).toBe(true);
    expect(store.applySync(reservation('market-b', 'SHIRT', 10)).ok).toBe(true);
    const b = store.loadSync({ skus: ['SHIRT'] }).balances['SHIRT']?.['dc'];
    expect([b?.onHand, b?.reserved, b?.available]).toEqual([500, 16, 484]);
    const over = store.applySync(reservation('market-c', 'SHIRT', 485));
    expect(over.ok).toBe(false);
    if (!over.ok) {
      expect(over.error.code).toBe('precondition_failed');
      expect(over.error.details['precondition']).toMatchObject({ kind: 'available_at_least', quantity: 485 });
    }
    expect(store.applySync(reservation('market-c', 'SHIRT', 484)).ok).toBe(true);
    expect(store.ledgerSync().map((e) => e.id)).toEqual(['grn-1#0', 'market-a#0', 'market-b#0', 'market-c#0']);
  });

  it('agrees with applyIntent, including the failed precondition it names', () => {
    const store = createInMemoryInventoryStore({ ledger: receipt('grn-1', 'SHIRT', 1).entries });
    let model = foldLedger(receipt('grn-1', 'SHIRT', 1).entries);
    for (const intent of [reservation('a', 'SHIRT', 1), reservation('b', 'SHIRT', 1), reservation('a', 'SHIRT', 1)]) {
      const expected = applyIntent(model, intent);
      const actual = store.applySync(intent);
      expect(actual.ok).toBe(expected.ok);
      if (expected.ok && actual.ok) {
        expect(actual.value.replayed).toBe(expected.value.replayed);
        model = expected.value.state;
      }
      if (!expected.ok && !actual.ok) expect(actual.error).toEqual(expected.error);
    }
    expect(store.loadSync()).toEqual(model);
  });

  it('starts from a given ledger, copied: the caller may not change the store through it, nor the store the caller', () => {
    const ledger: LedgerEntry[] = [{ id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 3, at }];
    const store = createInMemoryInventoryStore({ ledger });
    (ledger[0] as { quantity: number }).quantity = 99;
    ledger.push({ id: 'e-2', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 1, at });
    expect(store.ledgerSync()).toEqual([{ id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 3, at }]);
    expect(store.loadSync().balances['SHIRT']?.['dc']?.onHand).toBe(3);
    expect(Object.isFrozen(store.ledgerSync()[0])).toBe(true);
  });

  it('never mutates a deep-frozen intent or ledger, and keeps what it was given', () => {
    const ledger = deepFreeze(receipt('grn-1', 'SHIRT', 5).entries);
    const store = createInMemoryInventoryStore({ ledger });
    const intent = deepFreeze(reservation('r-1', 'SHIRT', 2, '2026-11-22T10:15:00Z'));
    expect(store.applySync(intent).ok).toBe(true);
    expect(store.applySync(intent)).toEqual({ ok: true, value: { replayed: true, entries: 0 } });
    expect(store.ledgerSync()[1]).toEqual(intent.entries[0]);
    expect(store.ledgerSync()[1]).not.toBe(intent.entries[0]);
  });

  it('refuses a ledger that does not fold, and options that are not an object', () => {
    expect(() =>
      createInMemoryInventoryStore({
        ledger: [
          { id: 'e-1', kind: 'receipt', sku: 'S', location: 'dc', quantity: 1, at },
          { id: 'e-1', kind: 'receipt', sku: 'S', location: 'dc', quantity: 1, at },
        ],
      }),
    ).toThrowError(expect.objectContaining({ code: 'duplicate_entry_id' }));
    expect(() =>
      createInMemoryInventoryStore({
        ledger: [{ id: 'e-1', kind: 'release', sku: 'S', location: 'dc', quantity: -1, at, reservationId: 'nope' }],
      }),
    ).toThrowError(expect.objectContaining({ code: 'invalid_entry' }));
    expect(() => createInMemoryInventoryStore({ ledger: 'x' as never })).toThrowError(
      expect.objectContaining({ code: 'invalid_options', details: { field: 'ledger' } }),
    );
    expect(() => createInMemoryInventoryStore(7 as never)).toThrowError(
      expect.objectContaining({ code: 'invalid_options' }),
    );
  });

  it('refuses an entry id already in the ledger, writing nothing', () => {
    const store = createInMemoryInventoryStore({ ledger: receipt('grn-1', 'SHIRT', 5).entries });
    const intent: InventoryIntent = {
      key: 'grn-2',
      kind: 'receive',
      entries: [
        { id: 'grn-2#0', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 1, at, operation: 'grn-2' },
        { id: 'grn-1#0', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 1, at, operation: 'grn-2' },
      ],
      preconditions: [],
    };
    const r = store.applySync(intent);
    expect(r.ok || r.error.code).toBe('duplicate_entry_id');
    expect(r.ok || r.error.details).toEqual({ index: 1, entryId: 'grn-1#0', field: 'id' });
    expect(store.loadSync().balances['SHIRT']?.['dc']?.onHand).toBe(5);
    expect(store.ledgerSync()).toHaveLength(1);
    expect(store.loadSync({ keys: ['grn-2'] }).operations).toEqual({});
  });

  it('rolls back an intent whose second entry does not fold', () => {
    const store = createInMemoryInventoryStore({ ledger: receipt('grn-1', 'SHIRT', 5).entries });
    const before = store.loadSync();
    const r = store.applySync({
      key: 'x',
      kind: 'adjust',
      entries: [
        { id: 'x#0', kind: 'adjustment', sku: 'NEW', location: 'dc', quantity: 4, at, operation: 'x' },
        { id: 'x#1', kind: 'deallocation', sku: 'SHIRT', location: 'dc', quantity: -1, at, operation: 'x' },
      ],
      preconditions: [],
    });
    expect(r.ok || r.error.code).toBe('invalid_entry');
    expect(store.loadSync()).toEqual(before);
    expect(Object.hasOwn(store.loadSync().balances, 'NEW')).toBe(false);
  });

  it('works with SKUs, reservation ids and keys named __proto__ or constructor', () => {
    const store = createInMemoryInventoryStore();
    expect(store.applySync(receipt('__proto__', '__proto__', 2)).ok).toBe(true);
    expect(store.applySync(reservation('constructor', '__proto__', 2)).ok).toBe(true);
    const state = store.loadSync({ skus: ['__proto__'], reservationIds: ['constructor'], keys: ['__proto__'] });
    expect(Object.hasOwn(state.balances, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(state.balances, '__proto__')?.value?.['dc']?.reserved).toBe(2);
    expect(state.reservations['constructor']?.open).toBe(2);
    expect(Object.getOwnPropertyDescriptor(state.operations, '__proto__')?.value?.entryIds).toEqual(['__proto__#0']);
    expect(Object.getPrototypeOf(state.balances)).toBe(Object.prototype);
    expect(store.loadSync({ keys: ['toString'] }).operations).toEqual({});
    expect(store.applySync(reservation('hasOwnProperty', '__proto__', 1)).ok).toBe(false);
  });

  it('hands out snapshots: a partial or full load is never changed by later applies', () => {
    const store = createInMemoryInventoryStore({ ledger: receipt('grn-1', 'SHIRT', 5).entries });
    const full = store.loadSync();
    const part = store.loadSync({ skus: ['SHIRT'], keys: ['grn-1'] });
    const copies = [structuredClone(full), structuredClone(part)];
    store.applySync(reservation('r-1', 'SHIRT', 2));
    store.applySync(receipt('grn-2', 'SHIRT', 1, 'store'));
    store.applySync(receipt('grn-3', 'OTHER', 1));
    expect([full, part]).toEqual(copies);
    expect(store.loadSync().balances['SHIRT']?.['store']?.onHand).toBe(1);
  });

  it('pages the ledger and refuses malformed pages and queries with typed errors', async () => {
    const store = createInMemoryInventoryStore({
      ledger: [1, 2, 3].map((n) => ({
        id: `e-${n}`,
        kind: 'receipt' as const,
        sku: 'S',
        location: 'dc',
        quantity: n,
        at,
      })),
    });
    expect(store.ledgerSync({ from: 1 }).map((e) => e.id)).toEqual(['e-2', 'e-3']);
    expect(store.ledgerSync({ limit: 2 }).map((e) => e.id)).toEqual(['e-1', 'e-2']);
    expect(store.ledgerSync({ from: 2, limit: 5 }).map((e) => e.id)).toEqual(['e-3']);
    await expect(store.ledger({ from: -1 })).rejects.toMatchObject({
      code: 'invalid_options',
      details: { field: 'page.from' },
    });
    await expect(store.ledger({ limit: 1.5 })).rejects.toMatchObject({ code: 'invalid_options' });
    await expect(store.ledger('x' as never)).rejects.toMatchObject({ code: 'invalid_options' });
    await expect(store.load({ skus: 'S' as never })).rejects.toMatchObject({
      code: 'invalid_request',
      details: { field: 'query.skus' },
    });
    await expect(store.load({ keys: [1] as never })).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(store.load(null as never)).rejects.toMatchObject({ code: 'invalid_request' });
    expect((await store.load({})).entries).toBe(3);
  });

  it('refuses malformed intents with invalid_request naming the field, never a TypeError', () => {
    const store = createInMemoryInventoryStore();
    const good = receipt('grn-1', 'S', 1);
    const cases: [unknown, string][] = [
      [null, '(intent)'],
      [[], '(intent)'],
      [{ ...good, key: '' }, 'key'],
      [{ ...good, key: 7 }, 'key'],
      [{ ...good, kind: 'steal' }, 'kind'],
      [{ ...good, entries: 'x' }, 'entries'],
      [{ ...good, preconditions: undefined }, 'preconditions'],
      [{ ...good, preconditions: [null] }, 'preconditions[0]'],
      [{ ...good, preconditions: [{ kind: 'maybe' }] }, 'preconditions[0].kind'],
      [
        { ...good, preconditions: [{ kind: 'hold_at_least', reservationId: 'r', quantity: -1 }] },
        'preconditions[0].quantity',
      ],
      [
        {
          ...good,
          preconditions: [
            {
              kind: 'available_at_least',
              sku: 'S',
              location: 'dc',
              quantity: 1,
              now: 'tomorrow',
              safetyStock: 0,
              backorderLimit: 0,
            },
          ],
        },
        'preconditions[0].now',
      ],
      [
        { ...good, preconditions: [{ kind: 'expected_version', sku: 'S', location: 'dc', version: Number.NaN }] },
        'preconditions[0].version',
      ],
      [{ ...good, preconditions: [{ kind: 'operation_absent', key: {} }] }, 'preconditions[0].key'],
    ];
    for (const [intent, field] of cases) {
      const r = store.applySync(intent as InventoryIntent);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid_request');
        expect(r.error.details['field']).toBe(field);
      }
    }
    const badEntry = store.applySync({
      ...good,
      entries: [{ ...good.entries[0], quantity: Number.POSITIVE_INFINITY } as LedgerEntry],
    });
    expect(badEntry.ok || badEntry.error.code).toBe('invalid_entry');
    const stray = store.applySync({ ...good, entries: [{ ...(good.entries[0] as LedgerEntry), operation: 'other' }] });
    expect(stray.ok || [stray.error.code, stray.error.details['field']]).toEqual(['invalid_entry', 'operation']);
    expect(store.ledgerSync()).toEqual([]);
  });

  it('the async port resolves exactly what the synchronous core returns', async () => {
    const store = createInMemoryInventoryStore();
    expect(await store.apply(receipt('grn-1', 'S', 2))).toEqual({ ok: true, value: { replayed: false, entries: 1 } });
    expect(await store.load()).toEqual(store.loadSync());
    expect(await store.ledger({ from: 0 })).toEqual(store.ledgerSync());
  });
});
