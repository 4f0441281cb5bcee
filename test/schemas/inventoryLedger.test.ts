import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cycleCountCorrections,
  foldLedger,
  type LedgerEntry,
  receiveStock,
  reconcile,
  transferStock,
} from '../../src/inventory/index.js';
import { checkEntryShape } from '../../src/inventory/internal/fold.js';
import {
  adjustStockRequestSchema,
  cycleCountSchema,
  externalBalanceSchema,
  parseInput,
  parseInventoryIntent,
  parseLedger,
  parseLedgerEntry,
  receiveStockRequestSchema,
  reconcileOptionsSchema,
  recordReturnRequestSchema,
  scheduleReceiptRequestSchema,
  transferRequestSchema,
} from '../../src/schemas/index.js';
import { ledgerArbitrary } from '../../src/testing/index.js';
import { anything, checkNeverThrows, pathsOf, replaceAt } from './neverThrow.js';

const at = '2026-11-01T08:00:00Z';
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const ledgers = ledgerArbitrary({ skus: ['SHIRT', '__proto__'], maxEntries: 30 });

const issuesOf = (r: ReturnType<typeof parseLedger>): string[] =>
  r.ok ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.code}`);

function shapeAccepts(entry: unknown): boolean {
  try {
    checkEntryShape(entry, 0);
    return true;
  } catch {
    return false;
  }
}

describe('ledger entries and ledgers', () => {
  it('accepts every valid ledger as JSON and returns it unchanged', () => {
    fc.assert(
      fc.property(ledgers, (ledger) => {
        const r = parseLedger(json(ledger));
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.value).toEqual(ledger);
      }),
      { numRuns: 100 },
    );
  });

  it('never accepts an entry the fold would refuse for its shape, whatever is planted where', () => {
    fc.assert(
      fc.property(
        ledgers.filter((l) => l.length > 0),
        fc.nat(),
        fc.nat(),
        anything,
        (ledger, which, where, bad) => {
          const entry = ledger[which % ledger.length] as LedgerEntry;
          const paths = pathsOf(entry).slice(1);
          const planted = replaceAt(entry, paths[where % paths.length] ?? [], bad);
          const r = parseLedgerEntry(planted);
          checkNeverThrows(r);
          if (r.ok) expect(shapeAccepts(planted)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names the field of a wrong sign, a missing link, NaN, an unknown field and a bad instant', () => {
    const base = { id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 5, at };
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'shipment' }, 'quantity:wrong_sign'],
      [{ kind: 'release', quantity: -1 }, 'reservationId:required'],
      [{ kind: 'transfer_out', quantity: -1, counterpartLocation: 'dc' }, 'counterpartLocation:same_location'],
      [{ kind: 'cycle_count', quantity: -3, counted: 481, expected: 483 }, 'quantity:count_mismatch'],
      [{ kind: 'scheduled_receipt', receiptId: 'PO' }, 'expectedAt:required'],
      [{ quantity: Number.NaN }, 'quantity:invalid_type'],
      [{ colour: 'red' }, ':unrecognized_keys'],
      [{ at: '2026-11-01T08:00:00' }, 'at:invalid_instant'],
    ];
    for (const [patch, expected] of cases) {
      const r = parseLedgerEntry({ ...base, ...patch });
      expect(r.ok ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.code}`)).toEqual([expected]);
    }
    expect(parseLedgerEntry(JSON.parse('{"__proto__":{"id":"x"}}')).ok).toBe(false);
  });

  it('refuses a ledger that does not fold at the entry and field that break it', () => {
    const ledger = [
      { id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 5, at },
      { id: 'e-2', kind: 'allocation', sku: 'SHIRT', location: 'dc', quantity: 2, at, reservationId: 'r-404' },
    ];
    expect(issuesOf(parseLedger(ledger))).toEqual(['1.reservationId:invalid_entry']);
    expect(issuesOf(parseLedger([...ledger.slice(0, 1), ledger[0]]))).toEqual(['1.id:duplicate_entry_id']);
    expect(issuesOf(parseLedger({}))).toEqual([':invalid_type']);
  });
});

describe('intents', () => {
  const now = '2026-11-02T09:00:00Z';
  const state = foldLedger([{ id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 10, at }]);

  it('accepts the intents the operations compute, after a trip through JSON', () => {
    const intents = [
      receiveStock(state, { key: 'k1', sku: 'SHIRT', location: 'dc', quantity: 1, receiptId: 'PO' }, { now }),
      transferStock(state, { key: 'k2', sku: 'SHIRT', from: 'dc', to: 's', quantity: 2, transferId: 'T' }, { now }),
      cycleCountCorrections(state, [{ sku: 'SHIRT', location: 'dc', counted: 9 }], { now, key: 'k3' }),
    ].map((r) => (r.ok ? r.value.intent : undefined));
    const sync = reconcile(state, [{ sku: 'SHIRT', location: 'dc', onHand: 8 }], {
      source: 'physical',
      key: 'k4',
      now,
    });
    intents.push(sync.ok ? sync.value.intent : undefined);
    for (const intent of intents) {
      expect(intent).toBeDefined();
      const r = parseInventoryIntent(json(intent));
      expect(r.ok && r.value).toEqual(intent);
    }
  });

  it('refuses entries that do not carry the key, repeated ids and unknown precondition kinds, never throwing', () => {
    const intent = {
      key: 'k',
      kind: 'receive',
      entries: [{ id: 'k#0', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 1, at, operation: 'k' }],
      preconditions: [{ kind: 'operation_absent', key: 'k' }],
    };
    const codes = (input: unknown) => {
      const r = parseInventoryIntent(input);
      return r.ok ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.code}`);
    };
    expect(codes({ ...intent, key: 'other' })).toEqual(['entries.0.operation:operation_mismatch']);
    expect(codes({ ...intent, entries: [...intent.entries, ...intent.entries] })).toEqual([
      'entries.1.id:duplicate_entry_id',
    ]);
    expect(codes({ ...intent, preconditions: [{ kind: 'pray' }] })).toEqual(['preconditions.0.kind:invalid_union']);
    fc.assert(
      fc.property(fc.constantFrom(...pathsOf(intent)), anything, (path, bad) => {
        checkNeverThrows(parseInventoryIntent(replaceAt(intent, path, bad)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('requests', () => {
  const valid: [string, Parameters<typeof parseInput>[0], Record<string, unknown>][] = [
    ['receive', receiveStockRequestSchema, { key: 'k', sku: 'S', location: 'dc', quantity: 1, receiptId: 'PO' }],
    ['schedule', scheduleReceiptRequestSchema, { key: 'k', sku: 'S', location: 'dc', receiptId: 'PO', quantity: -1 }],
    ['adjust', adjustStockRequestSchema, { key: 'k', sku: 'S', location: 'dc', quantity: -1, reason: 'damaged' }],
    ['transfer', transferRequestSchema, { key: 'k', sku: 'S', from: 'a', to: 'b', quantity: 1, transferId: 'T' }],
    ['return', recordReturnRequestSchema, { key: 'k', sku: 'S', location: 'dc', quantity: 1 }],
    ['count', cycleCountSchema, { sku: 'S', location: 'dc', counted: 0, version: 2 }],
    ['balance', externalBalanceSchema, { sku: 'S', location: 'dc', onHand: -1, reserved: 0 }],
    ['reconcile', reconcileOptionsSchema, { source: 'physical', key: 'k', now: at }],
  ];

  it.each(valid)(
    '%s: accepts a valid request and refuses hostile values anywhere without throwing',
    (_, schema, request) => {
      expect(parseInput(schema, request)).toEqual({ ok: true, value: request });
      fc.assert(
        fc.property(fc.constantFrom(...pathsOf(request)), anything, (path, bad) => {
          checkNeverThrows(parseInput(schema, replaceAt(request, path, bad)));
        }),
        { numRuns: 100 },
      );
      expect(parseInput(schema, Object.create(request)).ok).toBe(false);
    },
  );

  it('refuses what the operations refuse: zero, NaN, a blank reason, one location twice', () => {
    const fields = (schema: Parameters<typeof parseInput>[0], input: unknown) => {
      const r = parseInput(schema, input);
      return r.ok ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    expect(fields(receiveStockRequestSchema, { key: 'k', sku: 'S', location: 'dc', quantity: Number.NaN })).toEqual([
      'quantity',
    ]);
    expect(fields(adjustStockRequestSchema, { key: 'k', sku: 'S', location: 'dc', quantity: 0, reason: ' ' })).toEqual([
      'quantity',
      'reason',
    ]);
    expect(
      fields(transferRequestSchema, { key: 'k', sku: 'S', from: 'a', to: 'a', quantity: 1, transferId: 'T' }),
    ).toEqual(['to']);
    expect(fields(reconcileOptionsSchema, { source: 'physical', now: at })).toEqual(['key']);
  });
});
