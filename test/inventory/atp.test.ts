import { describe, expect, it } from 'vitest';
import {
  availableToPromise,
  foldLedger,
  InventoryError,
  type LedgerEntry,
  type LocationAvailability,
  type StockAvailability,
} from '../../src/inventory/index.js';
import { deepFreeze } from './atpFixtures.js';

function value<T>(r: { ok: true; value: T } | { ok: false; error: InventoryError }): T {
  if (!r.ok) throw r.error;
  return r.value;
}

const at = '2026-11-22T08:00:00Z';
const now = '2026-11-22T10:00:00Z';

function entry(id: string, fields: Omit<LedgerEntry, 'id' | 'at' | 'sku'> & { sku?: string }): LedgerEntry {
  return { id, at, sku: 'SHIRT', ...fields };
}

// Three warehouses for one SKU, with allocations, live holds, an expired hold, a hold without an
// expiry, the caller's own hold, goods in transit and a scheduled receipt.
const ledger: LedgerEntry[] = [
  entry('e-1', { kind: 'receipt', location: 'berlin', quantity: 100 }),
  entry('e-2', { kind: 'allocation', location: 'berlin', quantity: 30, allocationId: 'a-1' }),
  entry('e-3', {
    kind: 'reservation',
    location: 'berlin',
    quantity: 10,
    reservationId: 'r-live',
    expiresAt: '2026-11-22T10:15:00Z',
    owner: 'cart-1',
  }),
  // Expires exactly at now: a hold is expired when expiresAt ≤ now.
  entry('e-4', {
    kind: 'reservation',
    location: 'berlin',
    quantity: 7,
    reservationId: 'r-expired',
    expiresAt: now,
    owner: 'cart-2',
  }),
  entry('e-5', { kind: 'reservation', location: 'berlin', quantity: 5, reservationId: 'r-forever', owner: 'b2b-7' }),
  entry('e-6', { kind: 'receipt', location: 'paris', quantity: 20 }),
  entry('e-7', {
    kind: 'reservation',
    location: 'paris',
    quantity: 4,
    reservationId: 'r-mine',
    expiresAt: '2026-11-22T11:00:00Z',
    owner: 'cart-9',
  }),
  entry('e-8', {
    kind: 'transfer_out',
    location: 'paris',
    quantity: -6,
    counterpartLocation: 'madrid',
    transferId: 't-1',
  }),
  // Madrid: 5 on hand, 8 allocated: oversold by 3.
  entry('e-9', { kind: 'receipt', location: 'madrid', quantity: 5 }),
  entry('e-10', { kind: 'allocation', location: 'madrid', quantity: 8, allocationId: 'a-2' }),
  entry('e-11', {
    kind: 'scheduled_receipt',
    location: 'madrid',
    quantity: 50,
    receiptId: 'PO-1',
    expectedAt: '2026-12-01T00:00:00Z',
  }),
  entry('e-12', { kind: 'receipt', sku: 'MUG', location: 'berlin', quantity: 3 }),
];
const state = deepFreeze(foldLedger(ledger));
const stock = deepFreeze({ sku: 'SHIRT', locations: ['berlin', 'paris', 'madrid'] });

function location(figure: StockAvailability, id: string): LocationAvailability | undefined {
  return figure.locations.find((l) => l.location === id);
}

describe('multi-warehouse availability with allocations and active / expired reservations', () => {
  const figure = value(availableToPromise(state, stock, deepFreeze({ now, excludeOwner: 'cart-9' })));

  it('berlin: 100 on hand − 30 allocated − 15 held (the live hold and the hold without expiry) = 55', () => {
    expect(location(figure, 'berlin')).toEqual({
      location: 'berlin',
      onHand: 100,
      allocated: 30,
      reserved: 22,
      activeHolds: 15,
      expiredHolds: 7,
      ownHolds: 0,
      safetyStock: 0,
      backorderLimit: 0,
      promisable: 55,
      available: 55,
      fromStock: 55,
      onBackorder: 0,
      shortfall: 0,
      inTransit: 0,
      incoming: 0,
      version: 5,
    });
  });

  it("paris: 14 on hand after the transfer; the caller's own 4 held do not count", () => {
    expect(location(figure, 'paris')).toMatchObject({
      onHand: 14,
      activeHolds: 0,
      ownHolds: 4,
      promisable: 14,
      available: 14,
    });
  });

  it('madrid: oversold by 3; in transit and incoming are reported but not promisable', () => {
    expect(location(figure, 'madrid')).toMatchObject({
      onHand: 5,
      allocated: 8,
      promisable: -3,
      available: 0,
      shortfall: 3,
      inTransit: 6,
      incoming: 50,
    });
  });

  it('the stock: available 55 + 14 + 0 = 69 (madrid oversold does not lower the others), shortfall 3', () => {
    expect(figure).toMatchObject({
      sku: 'SHIRT',
      now,
      onHand: 119,
      available: 69,
      fromStock: 69,
      onBackorder: 0,
      shortfall: 3,
    });
    expect(figure.locations.map((l) => l.location)).toEqual(['berlin', 'paris', 'madrid']);
  });

  it('without excludeOwner the caller is treated like anyone else', () => {
    const anyone = value(availableToPromise(state, stock, { now }));
    expect(location(anyone, 'paris')).toMatchObject({ activeHolds: 4, ownHolds: 0, available: 10 });
    expect(anyone.available).toBe(65);
  });

  it('a minute before, the 7 units of the expiring hold still count', () => {
    const before = value(
      availableToPromise(state, { sku: 'SHIRT', location: 'berlin' }, { now: '2026-11-22T09:59:59Z' }),
    );
    expect(before.locations[0]).toMatchObject({ activeHolds: 22, expiredHolds: 0, available: 48 });
  });

  it('an expired hold of the caller counts as expired, not as own', () => {
    const r = value(availableToPromise(state, { sku: 'SHIRT', location: 'berlin' }, { now, excludeOwner: 'cart-2' }));
    expect(r.locations[0]).toMatchObject({ expiredHolds: 7, ownHolds: 0, available: 55 });
  });

  it('offsets are instants: 11:00+01:00 is 10:00Z', () => {
    const r = value(availableToPromise(state, stock, { now: '2026-11-22T11:00:00+01:00', excludeOwner: 'cart-9' }));
    expect(r.available).toBe(69);
  });
});

describe('policy: safety stock and backorders, applied per location', () => {
  it('safety stock is held back at each location', () => {
    const r = value(availableToPromise(state, stock, { now, policy: { safetyStock: { SHIRT: 10 } } }));
    expect(r.locations.map((l) => l.promisable)).toEqual([45, 0, -13]);
    expect([r.available, r.shortfall]).toEqual([45, 13]);
  });

  it('a backorderable SKU may be promised below zero down to the limit, split into stock and backorder', () => {
    const r = value(availableToPromise(state, stock, { now, policy: { backorderLimit: { SHIRT: 5 } } }));
    expect(location(r, 'berlin')).toMatchObject({ promisable: 60, available: 60, fromStock: 55, onBackorder: 5 });
    // Madrid is 3 oversold: 2 more may be backordered.
    expect(location(r, 'madrid')).toMatchObject({
      promisable: 2,
      available: 2,
      fromStock: 0,
      onBackorder: 2,
      shortfall: 0,
    });
    // The limit applies at every location: across the stock up to 3 × 5 units of backorders.
    expect([r.available, r.fromStock, r.onBackorder]).toEqual([77, 65, 12]);
  });

  it("another SKU's policy does not apply", () => {
    const r = value(
      availableToPromise(state, { sku: 'MUG', location: 'berlin' }, { now, policy: { safetyStock: { SHIRT: 99 } } }),
    );
    expect(r.available).toBe(3);
  });
});

describe('keys and unknowns', () => {
  it("a location the ledger never touched is empty, '__proto__' included", () => {
    const r = value(availableToPromise(state, { sku: 'SHIRT', locations: ['__proto__', 'lisbon'] }, { now }));
    expect(r.locations.map((l) => [l.location, l.onHand, l.available, l.version])).toEqual([
      ['__proto__', 0, 0, 0],
      ['lisbon', 0, 0, 0],
    ]);
  });

  it("a SKU named '__proto__' is a SKU like any other", () => {
    const s = foldLedger([entry('p-1', { kind: 'receipt', sku: '__proto__', location: 'constructor', quantity: 4 })]);
    const r = value(
      availableToPromise(
        s,
        { sku: '__proto__', location: 'constructor' },
        { now, policy: { safetyStock: JSON.parse('{"__proto__": 1}') } },
      ),
    );
    expect(r.available).toBe(3);
    // An inherited policy value is not the SKU's own.
    const inherited = value(
      availableToPromise(s, { sku: 'toString', location: 'constructor' }, { now, policy: { safetyStock: {} } }),
    );
    expect(inherited.locations[0]?.safetyStock).toBe(0);
  });
});

describe('reads the folded balance only', () => {
  it('the same figure from a long ledger (10,000 holds opened and released) as from a short one', () => {
    const long: LedgerEntry[] = [entry('r', { kind: 'receipt', location: 'dc', quantity: 10 })];
    for (let i = 0; i < 5_000; i++) {
      long.push(entry(`h-${i}`, { kind: 'reservation', location: 'dc', quantity: 1, reservationId: `x-${i}` }));
      long.push(entry(`l-${i}`, { kind: 'release', location: 'dc', quantity: -1, reservationId: `x-${i}` }));
    }
    const s = foldLedger(long);
    expect(s.entries).toBe(10_001);
    expect(value(availableToPromise(s, { sku: 'SHIRT', location: 'dc' }, { now })).available).toBe(10);
  });
});

describe('hostile input is a typed error naming the field; nothing is written', () => {
  const cases: [string, unknown, unknown, unknown, string, string][] = [
    ['state not an object', null, stock, { now }, 'invalid_request', 'state'],
    ['state without balances', {}, stock, { now }, 'invalid_request', 'state'],
    ['query a string', state, 'SHIRT', { now }, 'invalid_request', 'query'],
    ['empty sku', state, { sku: '', location: 'berlin' }, { now }, 'invalid_request', 'sku'],
    ['no location', state, { sku: 'SHIRT' }, { now }, 'invalid_request', 'location'],
    [
      'both location and locations',
      state,
      { sku: 'SHIRT', location: 'a', locations: ['a'] },
      { now },
      'invalid_request',
      'location',
    ],
    ['location a number', state, { sku: 'SHIRT', location: 7 }, { now }, 'invalid_request', 'location'],
    ['empty stock', state, { sku: 'SHIRT', locations: [] }, { now }, 'invalid_request', 'locations'],
    [
      'a location twice',
      state,
      { sku: 'SHIRT', locations: ['a', 'b', 'a'] },
      { now },
      'invalid_request',
      'locations[2]',
    ],
    ['a location null', state, { sku: 'SHIRT', locations: ['a', null] }, { now }, 'invalid_request', 'locations[1]'],
    ['options missing', state, stock, undefined, 'invalid_options', 'options'],
    ['now without offset', state, stock, { now: '2026-11-22T10:00:00' }, 'invalid_instant', 'now'],
    ['now not a day', state, stock, { now: '2026-02-30T10:00:00Z' }, 'invalid_instant', 'now'],
    ['now a number', state, stock, { now: 1 }, 'invalid_instant', 'now'],
    ['policy an array', state, stock, { now, policy: [] }, 'invalid_options', 'policy'],
    [
      'safety stock table a number',
      state,
      stock,
      { now, policy: { safetyStock: 3 } },
      'invalid_options',
      'policy.safetyStock',
    ],
    [
      'negative safety stock',
      state,
      stock,
      { now, policy: { safetyStock: { SHIRT: -1 } } },
      'invalid_options',
      'policy.safetyStock["SHIRT"]',
    ],
    [
      'NaN backorder limit',
      state,
      stock,
      { now, policy: { backorderLimit: { SHIRT: Number.NaN } } },
      'invalid_options',
      'policy.backorderLimit["SHIRT"]',
    ],
    ['excludeOwner empty', state, stock, { now, excludeOwner: '' }, 'invalid_options', 'excludeOwner'],
  ];
  it.each(cases)('%s', (_, s, query, options, code, field) => {
    const r = availableToPromise(s as never, query as never, options as never);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBeInstanceOf(InventoryError);
    expect([r.error.code, r.error.details['field']]).toEqual([code, field]);
    expect(r.error.message).toContain(field);
  });

  it('the result is plain JSON', () => {
    const r = value(availableToPromise(state, stock, { now }));
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
