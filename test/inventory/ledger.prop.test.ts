import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  adjustStock,
  applyIntent,
  applyLedgerEntries,
  cycleCountCorrections,
  foldLedger,
  type InventoryState,
  type LedgerEntry,
  RECONCILED_FIELDS,
  type ReconciledField,
  receiveStock,
  reconcile,
  type StockBalance,
  transferStock,
} from '../../src/inventory/index.js';
import { promisable } from '../../src/inventory/internal/available.js';
import { ledgerArbitrary, stockPositionArbitrary } from '../../src/testing/index.js';

const SKUS = ['SHIRT', 'MUG', '__proto__'];
const LOCATIONS = ['dc', 'store-1', 'constructor'];
const ledgers = ledgerArbitrary({ skus: SKUS, locations: LOCATIONS, maxEntries: 50 });
const positions = stockPositionArbitrary({ skus: SKUS, locations: LOCATIONS, maxEntries: 40 });
const RUNS = { numRuns: 150 };

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

function balancesOf(state: InventoryState): StockBalance[] {
  const all: StockBalance[] = [];
  for (const sku of Object.keys(state.balances)) {
    const bySku = state.balances[sku] ?? {};
    for (const location of Object.keys(bySku)) all.push(bySku[location] as StockBalance);
  }
  return all;
}

const ON_HAND_KINDS = new Set([
  'receipt',
  'adjustment',
  'cycle_count',
  'transfer_out',
  'transfer_in',
  'shipment',
  'return',
]);

describe('the fold', () => {
  it('applyLedgerEntries(foldLedger(a), b) equals foldLedger([...a, ...b]) for every split', () => {
    fc.assert(
      fc.property(ledgers, fc.nat(), (ledger, at) => {
        const split = ledger.length === 0 ? 0 : at % (ledger.length + 1);
        const before = deepFreeze(foldLedger(ledger.slice(0, split)));
        const next = applyLedgerEntries(before, ledger.slice(split));
        expect(next.ok).toBe(true);
        if (next.ok) expect(next.value).toEqual(foldLedger(ledger));
      }),
      RUNS,
    );
  });

  it('keeps its invariants: holds sum to reserved, available, records match holds, on hand is the sum of movements', () => {
    fc.assert(
      fc.property(ledgers, (ledger) => {
        const state = foldLedger(ledger);
        expect(state.entries).toBe(ledger.length);
        for (const b of balancesOf(state)) {
          expect(b.reserved).toBe(b.holds.reduce((sum, h) => sum + h.quantity, 0));
          expect(b.available).toBe(b.onHand - b.reserved - b.allocated);
          expect(b.allocated).toBeGreaterThanOrEqual(0);
          expect(b.inTransit).toBeGreaterThanOrEqual(0);
          // An independent oracle: on hand is the sum of the movements that change it here.
          const movements = ledger.filter((e) => e.sku === b.sku && e.location === b.location);
          expect(b.onHand).toBe(movements.filter((e) => ON_HAND_KINDS.has(e.kind)).reduce((s, e) => s + e.quantity, 0));
          const touching = ledger.filter(
            (e) =>
              e.sku === b.sku &&
              (e.location === b.location || (e.kind === 'transfer_out' && e.counterpartLocation === b.location)),
          );
          expect(b.version).toBe(touching.length);
          for (const hold of b.holds) {
            const record = Object.hasOwn(state.reservations, hold.reservationId)
              ? state.reservations[hold.reservationId]
              : undefined;
            expect(record?.open).toBe(hold.quantity);
            expect([record?.sku, record?.location]).toEqual([b.sku, b.location]);
          }
        }
        for (const id of Object.keys(state.reservations)) {
          const record = state.reservations[id];
          if (record === undefined) continue;
          expect(record.reserved).toBe(record.open + record.committed + record.released);
          const hold = state.balances[record.sku]?.[record.location]?.holds.find((h) => h.reservationId === id);
          expect(hold?.quantity ?? 0).toBe(record.open);
        }
      }),
      RUNS,
    );
  });

  it('survives a JSON round trip, "__proto__" SKUs included', () => {
    fc.assert(
      fc.property(ledgers, (ledger) => {
        const state = foldLedger(ledger);
        const copy = JSON.parse(JSON.stringify(state)) as InventoryState;
        expect(copy).toEqual(state);
        expect(foldLedger(JSON.parse(JSON.stringify(ledger)) as LedgerEntry[])).toEqual(state);
      }),
      RUNS,
    );
  });

  const badEntries: readonly [Record<string, unknown>, string][] = [
    [{ kind: 'receipt', quantity: -1 }, 'quantity'],
    [{ kind: 'shipment', quantity: 2 }, 'quantity'],
    [{ quantity: Number.NaN }, 'quantity'],
    [{ quantity: 1.5 }, 'quantity'],
    [{ kind: 'bogus' }, 'kind'],
    [{ kind: 'release', quantity: -1, reservationId: 'no-such-hold' }, 'reservationId'],
    [{ kind: 'release', quantity: -1 }, 'reservationId'],
    [{ at: '2026-11-01 08:00' }, 'at'],
    [{ sku: '' }, 'sku'],
    [{ location: 42 }, 'location'],
    [{ kind: 'transfer_out', quantity: -1, counterpartLocation: undefined }, 'counterpartLocation'],
  ];

  it('a failing entry leaves the frozen state unchanged and names its index and field', () => {
    fc.assert(
      fc.property(ledgers, fc.nat(), fc.nat(), fc.constantFrom(...badEntries), (ledger, at, where, [patch, field]) => {
        const split = ledger.length === 0 ? 0 : at % (ledger.length + 1);
        const state = deepFreeze(foldLedger(ledger.slice(0, split)));
        const snapshot = JSON.stringify(state);
        const tail = ledger.slice(split);
        const index = tail.length === 0 ? 0 : where % (tail.length + 1);
        const bad = {
          id: 'bad',
          kind: 'receipt',
          sku: 'SHIRT',
          location: 'dc',
          quantity: 1,
          at: '2026-11-01T08:00:00Z',
          ...patch,
        };
        const batch = [...tail.slice(0, index), bad, ...tail.slice(index)] as LedgerEntry[];
        const r = applyLedgerEntries(state, deepFreeze(batch));
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.error.code).toBe('invalid_entry');
        expect(r.error.details['index']).toBe(index);
        expect(r.error.details['field']).toBe(field);
        expect(JSON.stringify(state)).toBe(snapshot);
      }),
      RUNS,
    );
  });

  it('a repeated id in one batch is refused at its second occurrence', () => {
    fc.assert(
      fc.property(
        ledgers.filter((l) => l.length >= 2),
        fc.nat(),
        (ledger, at) => {
          const twice = ledger[at % ledger.length] as LedgerEntry;
          const r = applyLedgerEntries(foldLedger([]), [...ledger, twice]);
          expect(r.ok || r.error.code).toBe('duplicate_entry_id');
          expect(r.ok || r.error.details['index']).toBe(ledger.length);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('reconcile', () => {
  it('finds no drift between the fold and itself, in either mode', () => {
    fc.assert(
      fc.property(ledgers, (ledger) => {
        const state = foldLedger(ledger);
        const rows = balancesOf(state);
        for (const source of ['cache', 'physical'] as const) {
          // A shelf never holds a negative count: an oversold balance is not a physical row.
          const physical = source === 'physical';
          const input = physical ? rows.filter((row) => row.onHand >= 0) : rows;
          const options = { source, complete: !physical, key: 'sync', now: '2027-01-01T00:00:00Z' };
          const r = reconcile(ledger, input, options);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect(r.value.drift).toEqual([]);
          expect(r.value.entries).toEqual([]);
          expect(r.value.corrected).toEqual([]);
          expect(r.value.intent).toBeUndefined();
        }
      }),
      RUNS,
    );
  });

  const corruption = fc.array(
    fc.record({
      row: fc.nat(),
      field: fc.constantFrom(...RECONCILED_FIELDS),
      delta: fc.integer({ min: -50, max: 50 }).filter((d) => d !== 0),
    }),
    { minLength: 1, maxLength: 6 },
  );

  it('cache mode finds exactly the corrupted cells, and its corrected balances have no drift', () => {
    fc.assert(
      fc.property(ledgers, corruption, fc.boolean(), (ledger, cells, shuffle) => {
        const state = foldLedger(ledger);
        const clean = balancesOf(state);
        fc.pre(clean.length > 0);
        type Row = { -readonly [K in keyof StockBalance]: StockBalance[K] };
        const rows: Row[] = clean.map((b) => ({ ...b }));
        const truth = new Map<string, { expected: number; actual: number }>();
        for (const { row, field, delta } of cells) {
          const target = rows[row % rows.length] as Row;
          const cell = `${JSON.stringify([target.sku, target.location])}|${field}`;
          const expected = (clean[row % rows.length] as StockBalance)[field];
          target[field] += delta;
          truth.set(cell, { expected, actual: target[field] });
        }
        for (const [cell, { expected, actual }] of truth) if (expected === actual) truth.delete(cell);
        const input = deepFreeze(shuffle ? [...rows].reverse() : rows);
        const r = reconcile(ledger, input);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const found = new Map(
          r.value.drift.map((d) => [
            `${JSON.stringify([d.sku, d.location])}|${d.field}`,
            { expected: d.expected, actual: d.actual },
          ]),
        );
        expect(found).toEqual(truth);
        for (const d of r.value.drift) expect(d.difference).toBe(d.actual - d.expected);
        const order = r.value.drift.map((d) => [d.sku, d.location, RECONCILED_FIELDS.indexOf(d.field)] as const);
        const sorted = [...order].sort((a, b) =>
          a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] !== b[1] ? (a[1] < b[1] ? -1 : 1) : a[2] - b[2],
        );
        expect(order).toEqual(sorted);
        expect(r.value.entries).toEqual([]);
        const repaired = reconcile(ledger, [
          ...rows.filter((row) => !r.value.corrected.some((c) => c.sku === row.sku && c.location === row.location)),
          ...r.value.corrected,
        ]);
        expect(repaired.ok && repaired.value.drift).toEqual([]);
      }),
      RUNS,
    );
  });

  it('physical mode compensates on-hand drift with adjustments that make it disappear', () => {
    fc.assert(
      fc.property(ledgers, corruption, (ledger, cells) => {
        const state = deepFreeze(foldLedger(ledger));
        const clean = balancesOf(state);
        fc.pre(clean.length > 0);
        const rows = clean.map((b) => ({ sku: b.sku, location: b.location, onHand: Math.max(0, b.onHand) }));
        for (const { row, delta } of cells) {
          const target = rows[row % rows.length] as { onHand: number };
          target.onHand = Math.max(0, target.onHand + delta);
        }
        const options = { source: 'physical', key: 'wms-sync', now: '2027-01-01T00:00:00Z' } as const;
        const r = reconcile(state, rows, options);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const drifting = r.value.drift.filter((d) => d.field === 'onHand');
        expect(r.value.drift).toEqual(drifting);
        expect(r.value.entries.map((e) => [e.sku, e.location, e.quantity])).toEqual(
          drifting.map((d) => [d.sku, d.location, d.difference]),
        );
        expect(r.value.entries.every((e) => e.kind === 'adjustment' && e.reason === 'reconcile')).toBe(true);
        const applied = applyLedgerEntries(state, r.value.entries);
        expect(applied.ok).toBe(true);
        if (!applied.ok) return;
        expect(applied.value).toEqual(r.value.state);
        const after = reconcile([...ledger, ...r.value.entries], rows, options);
        expect(after.ok && after.value.drift).toEqual([]);
        if (r.value.intent !== undefined) {
          const viaIntent = applyIntent(state, r.value.intent);
          expect(viaIntent.ok && viaIntent.value.state).toEqual(r.value.state);
          // Replaying the sync on its own outcome writes nothing.
          const again = reconcile(r.value.state, rows, options);
          expect(again.ok && [again.value.entries.length, again.value.replayed]).toEqual([0, true]);
        }
      }),
      RUNS,
    );
  });

  it('with complete: true, a lost row is drift on each non-zero field, marked missing', () => {
    fc.assert(
      fc.property(ledgers, fc.nat(), (ledger, drop) => {
        const state = foldLedger(ledger);
        const rows = balancesOf(state);
        fc.pre(rows.length > 0);
        const lost = rows[drop % rows.length] as StockBalance;
        const r = reconcile(
          ledger,
          rows.filter((row) => row !== lost),
          { complete: true },
        );
        const expected = RECONCILED_FIELDS.filter((f: ReconciledField) => lost[f] !== 0).map((field) => ({
          sku: lost.sku,
          location: lost.location,
          field,
          expected: lost[field],
          actual: 0,
          difference: -lost[field],
          missing: true,
        }));
        expect(r.ok && r.value.drift).toEqual(expected);
        const partial = reconcile(
          ledger,
          rows.filter((row) => row !== lost),
        );
        expect(partial.ok && partial.value.drift).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('operations', () => {
  const now = '2027-01-01T00:00:00Z';

  it('state is the intent applied, the input is untouched, and a replay changes nothing', () => {
    fc.assert(
      fc.property(
        positions,
        fc.constantFrom(...SKUS),
        fc.constantFrom(...LOCATIONS),
        fc.integer({ min: -30, max: 30 }).filter((q) => q !== 0),
        fc.constantFrom('receive', 'adjust', 'transfer'),
        (position, sku, location, quantity, kind) => {
          const state = deepFreeze(position.state);
          const key = `k-${kind}`;
          const to = LOCATIONS.find((l) => l !== location) as string;
          const r =
            kind === 'receive'
              ? receiveStock(state, { key, sku, location, quantity: Math.abs(quantity) }, { now })
              : kind === 'adjust'
                ? adjustStock(state, { key, sku, location, quantity, reason: 'audit' }, { now })
                : transferStock(
                    state,
                    { key, sku, from: location, to, quantity: Math.abs(quantity), transferId: 'T' },
                    { now },
                  );
          if (!r.ok) {
            expect(r.error.code).toBe('insufficient_stock');
            return;
          }
          expect(r.value.replayed).toBe(false);
          expect(r.value.intent.entries.map((e) => [e.id, e.at, e.operation])).toEqual(
            r.value.intent.entries.map((_, i) => [`${key}#${i}`, now, key]),
          );
          const applied = applyLedgerEntries(state, r.value.intent.entries);
          expect(applied.ok && applied.value).toEqual(r.value.state);
          expect(r.value.state).toEqual(foldLedger([...position.ledger, ...r.value.intent.entries]));
          const replay =
            kind === 'receive'
              ? receiveStock(r.value.state, { key, sku, location, quantity: Math.abs(quantity) }, { now })
              : adjustStock(r.value.state, { key, sku, location, quantity, reason: 'audit' }, { now });
          expect(replay.ok && replay.value.replayed).toBe(true);
          expect(replay.ok && replay.value.state).toBe(r.value.state);
          expect(replay.ok && replay.value.intent.entries).toEqual([]);
        },
      ),
      RUNS,
    );
  });

  it('a transfer succeeds exactly when the source can promise it, and never oversells the source', () => {
    fc.assert(
      fc.property(
        positions,
        fc.constantFrom(...SKUS),
        fc.integer({ min: 1, max: 60 }),
        fc.nat(5),
        (position, sku, quantity, safety) => {
          const state = position.state;
          const nowMs = Date.parse(position.now);
          const source = state.balances[sku]?.['dc'];
          const before = promisable(Object.hasOwn(state.balances, sku) ? source : undefined, nowMs, safety, 0);
          const policy = { safetyStock: { [sku]: safety } };
          const r = transferStock(
            state,
            { key: 'tr', sku, from: 'dc', to: 'store-1', quantity, transferId: 'T' },
            { now: position.now, policy },
          );
          expect(r.ok).toBe(quantity <= before);
          if (!r.ok) {
            expect(r.error.details).toMatchObject({ requested: quantity, available: before });
            return;
          }
          const after = promisable(r.value.state.balances[sku]?.['dc'], nowMs, safety, 0);
          expect(after).toBe(before - quantity);
          expect(after).toBeGreaterThanOrEqual(0);
          expect(r.value.state.balances[sku]?.['store-1']?.inTransit).toBe(
            (state.balances[sku]?.['store-1']?.inTransit ?? 0) + quantity,
          );
        },
      ),
      RUNS,
    );
  });

  it('a cycle count sets on hand to what was counted, with corrections counted − expected', () => {
    fc.assert(
      fc.property(
        positions,
        fc.uniqueArray(
          fc.record({ sku: fc.constantFrom(...SKUS), location: fc.constantFrom(...LOCATIONS), counted: fc.nat(200) }),
          {
            minLength: 1,
            maxLength: 5,
            selector: (c) => JSON.stringify([c.sku, c.location]),
          },
        ),
        (position, counts) => {
          const state = deepFreeze(position.state);
          const r = cycleCountCorrections(state, deepFreeze(counts), { now: position.now, key: 'count' });
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect(r.value.intent.entries).toHaveLength(counts.length);
          for (const entry of r.value.intent.entries) {
            const onHandBefore = state.balances[entry.sku]?.[entry.location]?.onHand ?? 0;
            expect(entry.quantity).toBe((entry.counted as number) - onHandBefore);
          }
          for (const c of counts) expect(r.value.state.balances[c.sku]?.[c.location]?.onHand).toBe(c.counted);
          const keys = r.value.intent.entries.map((e) => JSON.stringify([e.sku, e.location]));
          expect(keys).toEqual([...keys].sort());
        },
      ),
      RUNS,
    );
  });
});
