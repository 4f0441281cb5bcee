import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInMemoryInventoryStore, createSqlInventoryStore, migrate } from '../../src/adapters/index.js';
import type { InventoryIntent, InventoryPrecondition, LedgerEntry } from '../../src/inventory/index.js';
import { resetInventory } from './sqlHelpers.js';

// Differential: random intents over every entry kind — many of them refused (holds that do not
// exist, too little allocated, stale versions, reused ids) — give the SQL store on PGlite exactly the
// in-memory store's answers, state and ledger.

const db = new PGlite();
beforeAll(async () => {
  await migrate(db);
}, 60_000);
afterAll(async () => {
  await db.close();
});

const SKUS = ['S', '__proto__'];
const LOCATIONS = ['dc', 'store'];
const RESERVATIONS = ['r1', 'r2', 'constructor'];
const INSTANTS = ['2026-11-22T10:00:00Z', '2026-11-22T11:30:00+01:00', '2026-11-22T12:00:00Z'];

const entryArbitrary = fc.record({
  kind: fc.constantFrom(
    'receipt',
    'scheduled_receipt',
    'adjustment',
    'cycle_count',
    'transfer_out',
    'transfer_in',
    'reservation',
    'reservation_extended',
    'release',
    'allocation',
    'deallocation',
    'shipment',
    'return',
  ),
  sku: fc.constantFrom(...SKUS),
  location: fc.constantFrom(...LOCATIONS),
  size: fc.integer({ min: 1, max: 4 }),
  reservationId: fc.constantFrom(...RESERVATIONS),
  receiptId: fc.constantFrom('PO-1', 'PO-2'),
  when: fc.constantFrom(...INSTANTS),
  linked: fc.boolean(),
  reuseId: fc.boolean(),
});

type Drawn = typeof entryArbitrary extends fc.Arbitrary<infer T> ? T : never;

function entryOf(d: Drawn, key: string, index: number, previousKey: string | undefined): LedgerEntry {
  const q = d.size;
  const base = {
    id: d.reuseId && previousKey !== undefined ? `${previousKey}#0` : `${key}#${index}`,
    sku: d.sku,
    location: d.location,
    at: '2026-11-22T10:00:00Z',
    operation: key,
  };
  const other = d.location === 'dc' ? 'store' : 'dc';
  switch (d.kind) {
    case 'receipt':
      return { ...base, kind: 'receipt', quantity: q, ...(d.linked ? { receiptId: d.receiptId } : {}) };
    case 'scheduled_receipt':
      return d.linked
        ? { ...base, kind: 'scheduled_receipt', quantity: -q, receiptId: d.receiptId }
        : { ...base, kind: 'scheduled_receipt', quantity: q * 3, receiptId: d.receiptId, expectedAt: d.when };
    case 'adjustment':
      return { ...base, kind: 'adjustment', quantity: d.linked ? -q : q };
    case 'cycle_count':
      return { ...base, kind: 'cycle_count', quantity: -q, counted: 10, expected: 10 + q };
    case 'transfer_out':
      return { ...base, kind: 'transfer_out', quantity: -q, counterpartLocation: other };
    case 'transfer_in':
      return { ...base, kind: 'transfer_in', quantity: q, counterpartLocation: other };
    case 'reservation':
      return {
        ...base,
        kind: 'reservation',
        quantity: q,
        reservationId: d.reservationId,
        ...(d.linked ? { expiresAt: d.when, owner: 'cart' } : { reference: 'line-1' }),
      };
    case 'reservation_extended':
      return {
        ...base,
        kind: 'reservation_extended',
        quantity: 0,
        reservationId: d.reservationId,
        ...(d.linked ? {} : { expiresAt: d.when }),
      };
    case 'release':
      return { ...base, kind: 'release', quantity: -q, reservationId: d.reservationId };
    case 'allocation':
      return {
        ...base,
        kind: 'allocation',
        quantity: q,
        allocationId: 'a',
        ...(d.linked ? { reservationId: d.reservationId } : {}),
      };
    case 'deallocation':
      return { ...base, kind: 'deallocation', quantity: -q };
    case 'shipment':
      return {
        ...base,
        kind: 'shipment',
        quantity: -q,
        ...(d.linked ? { allocationId: 'a' } : { reservationId: d.reservationId }),
      };
    default:
      return { ...base, kind: 'return', quantity: q };
  }
}

const preconditionArbitrary: fc.Arbitrary<InventoryPrecondition> = fc.oneof(
  fc.record({
    kind: fc.constant('available_at_least' as const),
    sku: fc.constantFrom(...SKUS),
    location: fc.constantFrom(...LOCATIONS),
    quantity: fc.integer({ min: -2, max: 6 }),
    now: fc.constantFrom(...INSTANTS),
    safetyStock: fc.integer({ min: 0, max: 2 }),
    backorderLimit: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({
    kind: fc.constant('expected_version' as const),
    sku: fc.constantFrom(...SKUS),
    location: fc.constantFrom(...LOCATIONS, 'nowhere'),
    version: fc.integer({ min: 0, max: 4 }),
  }),
  fc.record(
    {
      kind: fc.constant('hold_at_least' as const),
      reservationId: fc.constantFrom(...RESERVATIONS, 'ghost'),
      quantity: fc.integer({ min: 0, max: 3 }),
      now: fc.constantFrom(...INSTANTS),
    },
    { requiredKeys: ['kind', 'reservationId', 'quantity'] },
  ),
);

const stepArbitrary = fc.record({
  entries: fc.array(entryArbitrary, { minLength: 0, maxLength: 2 }),
  preconditions: fc.oneof(
    { weight: 2, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: fc.array(preconditionArbitrary, { minLength: 1, maxLength: 2 }) },
  ),
  replay: fc.nat({ max: 7 }),
});

describe('the SQL store on PGlite agrees with the in-memory store', () => {
  it('on random intents of every entry kind: the same answers, the same state, the same ledger', async () => {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(stepArbitrary, { minLength: 1, maxLength: 30 }), async (steps) => {
        await resetInventory(db);
        const sql = createSqlInventoryStore(db);
        const memory = createInMemoryInventoryStore();
        const keys: string[] = [];
        for (let i = 0; i < steps.length; i += 1) {
          const step = steps[i] as (typeof steps)[number];
          // About one step in three re-sends an earlier key (a replay, or a new intent if that one was refused).
          const key =
            step.replay <= 2 && keys.length > 0 ? (keys[(i * 7 + step.replay) % keys.length] as string) : `k${i}`;
          const intent: InventoryIntent = {
            key,
            kind: 'adjust',
            entries: step.entries.map((d, index) => entryOf(d, key, index, keys[keys.length - 1])),
            preconditions: step.preconditions,
          };
          keys.push(key);
          const expected = memory.applySync(intent);
          const actual = await sql.apply(intent);
          expect(actual).toEqual(expected);
          const outcome = actual.ok ? (actual.value.replayed ? 'replayed' : 'applied') : actual.error.code;
          seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
          if (!actual.ok && !expected.ok) expect(actual.error.message).toBe(expected.error.message);
        }
        expect(await sql.load()).toEqual(memory.loadSync());
        expect(await sql.ledger()).toEqual(memory.ledgerSync());
        expect(await sql.load({ skus: ['__proto__'], reservationIds: ['constructor', 'r1'], keys: ['k0'] })).toEqual(
          memory.loadSync({ skus: ['__proto__'], reservationIds: ['constructor', 'r1'], keys: ['k0'] }),
        );
      }),
      { seed: 8, numRuns: 40 },
    );
    // The generator reaches every outcome, each many times (else the comparison proves little).
    for (const outcome of ['applied', 'replayed', 'precondition_failed', 'invalid_entry', 'duplicate_entry_id'])
      expect(seen.get(outcome) ?? 0, `${outcome} in ${JSON.stringify([...seen])}`).toBeGreaterThan(10);
  }, 120_000);
});
