import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/core/result.js';
import {
  adjustStock,
  applyIntent,
  applyLedgerEntries,
  cycleCountCorrections,
  foldLedger,
  InventoryError,
  type InventoryOperation,
  type InventoryState,
  type LedgerEntry,
  receiveStock,
  receiveTransfer,
  reconcile,
  recordReturn,
  scheduleReceipt,
  transferStock,
} from '../../src/inventory/index.js';
import { anything } from '../schemas/neverThrow.js';

const T0 = '2026-11-01T08:00:00Z';
const now = '2026-11-02T09:00:00Z';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

function value<T>(r: Result<T, InventoryError>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

function refusal<T>(r: Result<T, InventoryError>): InventoryError {
  if (r.ok) throw new Error('expected a refusal');
  expect(r.error).toBeInstanceOf(InventoryError);
  return r.error;
}

const at = (state: InventoryState, sku: string, location: string) =>
  Object.hasOwn(state.balances, sku) && Object.hasOwn(state.balances[sku] ?? {}, location)
    ? state.balances[sku]?.[location]
    : undefined;

describe('worked example: 500 shirts, two marketplaces, one system of record', () => {
  it('receipt 500, 6 sold on one marketplace and 10 on another: 484 everywhere', () => {
    let state = deepFreeze(foldLedger([]));
    state = value(
      receiveStock(state, { key: 'grn-1', sku: 'SHIRT', location: 'dc', quantity: 500 }, { now: T0 }),
    ).state;
    // Each sale reserves, then is committed to an allocation and shipped.
    const sale = (key: string, quantity: number, channel: string): LedgerEntry[] => [
      {
        id: `${key}-r`,
        kind: 'reservation',
        sku: 'SHIRT',
        location: 'dc',
        quantity,
        at: now,
        reservationId: key,
        owner: channel,
      },
      {
        id: `${key}-a`,
        kind: 'allocation',
        sku: 'SHIRT',
        location: 'dc',
        quantity,
        at: now,
        reservationId: key,
        allocationId: key,
      },
    ];
    state = value(applyLedgerEntries(state, [...sale('amazon-1', 6, 'amazon'), ...sale('ebay-1', 10, 'ebay')]));
    const promised = at(state, 'SHIRT', 'dc');
    expect([promised?.onHand, promised?.allocated, promised?.available]).toEqual([500, 16, 484]);
    state = value(
      applyLedgerEntries(state, [
        { id: 's-1', kind: 'shipment', sku: 'SHIRT', location: 'dc', quantity: -6, at: now, allocationId: 'amazon-1' },
        { id: 's-2', kind: 'shipment', sku: 'SHIRT', location: 'dc', quantity: -10, at: now, allocationId: 'ebay-1' },
      ]),
    );
    const shipped = at(state, 'SHIRT', 'dc');
    expect([shipped?.onHand, shipped?.allocated, shipped?.available]).toEqual([484, 0, 484]);
    // A channel's cached feed that missed both sales is a corrupt cache: the ledger corrects it.
    const feed = reconcile(state, [{ sku: 'SHIRT', location: 'dc', onHand: 500 }]);
    expect(value(feed).drift).toEqual([
      { sku: 'SHIRT', location: 'dc', field: 'onHand', expected: 484, actual: 500, difference: 16 },
    ]);
    expect(value(feed).entries).toEqual([]);
    expect(value(feed).corrected.map((b) => [b.onHand, b.available])).toEqual([[484, 484]]);
  });
});

describe('worked example: a transfer with units in transit', () => {
  const start = foldLedger([
    { id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 50, at: T0 },
    { id: 'e-2', kind: 'reservation', sku: 'SHIRT', location: 'dc', quantity: 25, at: T0, reservationId: 'r-1' },
  ]);
  const send = { key: 'tr-5-out', sku: 'SHIRT', from: 'dc', to: 'store-1', quantity: 20, transferId: 'TR-5' };

  it('sends only what nobody else was promised', () => {
    const tooMany = refusal(transferStock(start, { ...send, quantity: 26 }, { now }));
    expect(tooMany.code).toBe('insufficient_stock');
    expect(tooMany.details).toMatchObject({ sku: 'SHIRT', location: 'dc', requested: 26, available: 25 });
    // Safety stock stays at the source; a backorder limit never counts for a transfer.
    const policy = { safetyStock: { SHIRT: 10 }, backorderLimit: { SHIRT: 100 } };
    expect(refusal(transferStock(start, send, { now, policy })).details['available']).toBe(15);
  });

  it('moves on hand into transit, then into the destination, partially and fully', () => {
    const sent = value(transferStock(deepFreeze(start), send, { now }));
    expect(sent.intent.kind).toBe('transfer');
    expect(sent.intent.preconditions).toEqual([
      { kind: 'operation_absent', key: 'tr-5-out' },
      {
        kind: 'available_at_least',
        sku: 'SHIRT',
        location: 'dc',
        quantity: 20,
        now,
        safetyStock: 0,
        backorderLimit: 0,
      },
    ]);
    expect(sent.intent.entries).toEqual([
      {
        id: 'tr-5-out#0',
        kind: 'transfer_out',
        sku: 'SHIRT',
        location: 'dc',
        quantity: -20,
        counterpartLocation: 'store-1',
        transferId: 'TR-5',
        at: now,
        operation: 'tr-5-out',
      },
    ]);
    const inTransit = sent.state;
    expect([at(inTransit, 'SHIRT', 'dc')?.onHand, at(inTransit, 'SHIRT', 'dc')?.available]).toEqual([30, 5]);
    expect([at(inTransit, 'SHIRT', 'store-1')?.onHand, at(inTransit, 'SHIRT', 'store-1')?.inTransit]).toEqual([0, 20]);

    const receive = { ...send, key: 'tr-5-in-1', quantity: 15 };
    const first = value(receiveTransfer(inTransit, receive, { now: '2026-11-03T09:00:00Z' }));
    expect([at(first.state, 'SHIRT', 'store-1')?.onHand, at(first.state, 'SHIRT', 'store-1')?.inTransit]).toEqual([
      15, 5,
    ]);
    const over = refusal(receiveTransfer(first.state, { ...receive, key: 'tr-5-in-2', quantity: 6 }, { now }));
    expect([over.code, over.details['field'], over.details['inTransit']]).toEqual(['invalid_request', 'quantity', 5]);
    const rest = value(receiveTransfer(first.state, { ...receive, key: 'tr-5-in-2', quantity: 5 }, { now }));
    expect([at(rest.state, 'SHIRT', 'store-1')?.onHand, at(rest.state, 'SHIRT', 'store-1')?.inTransit]).toEqual([
      20, 0,
    ]);
    expect(rest.state.entries).toBe(start.entries + 3);
  });

  it('the transfer intent is refused by an adapter when a reservation took the units meanwhile', () => {
    const sent = value(transferStock(start, send, { now }));
    const meanwhile = value(
      applyLedgerEntries(start, [
        { id: 'e-3', kind: 'reservation', sku: 'SHIRT', location: 'dc', quantity: 10, at: now, reservationId: 'r-2' },
      ]),
    );
    const applied = refusal(applyIntent(meanwhile, sent.intent));
    expect(applied.code).toBe('precondition_failed');
    expect((applied.details['precondition'] as { kind: string }).kind).toBe('available_at_least');
  });

  it('refuses a transfer to the same location and a second send of the same key is a replay', () => {
    expect(refusal(transferStock(start, { ...send, to: 'dc' }, { now })).details['field']).toBe('to');
    const sent = value(transferStock(start, send, { now }));
    const again = value(transferStock(sent.state, send, { now }));
    expect(again.replayed).toBe(true);
    expect(again.state).toBe(sent.state);
    expect(again.intent).toEqual({ key: 'tr-5-out', kind: 'transfer', entries: [], preconditions: [] });
  });
});

describe('worked example: a cycle count correcting −3, and a stale count', () => {
  const books = foldLedger([{ id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 484, at: T0 }]);
  const version = at(books, 'SHIRT', 'dc')?.version as number;

  it('books 484, counted 481: one correction of −3 guarded by the version counted against', () => {
    const counted = value(
      cycleCountCorrections(deepFreeze(books), [{ sku: 'SHIRT', location: 'dc', counted: 481, version }], {
        now,
        key: 'count-1',
        reference: 'sheet 12',
      }),
    );
    expect(counted.intent.kind).toBe('cycle_count');
    expect(counted.intent.entries).toEqual([
      {
        id: 'count-1#0',
        kind: 'cycle_count',
        sku: 'SHIRT',
        location: 'dc',
        quantity: -3,
        counted: 481,
        expected: 484,
        reason: 'cycle count',
        reference: 'sheet 12',
        at: now,
        operation: 'count-1',
      },
    ]);
    expect(counted.intent.preconditions).toEqual([
      { kind: 'operation_absent', key: 'count-1' },
      { kind: 'expected_version', sku: 'SHIRT', location: 'dc', version: 1 },
    ]);
    expect(at(counted.state, 'SHIRT', 'dc')?.onHand).toBe(481);
  });

  it('a count taken before a shipment is stale: refused at once, and by the adapter', () => {
    const sheet = [{ sku: 'SHIRT', location: 'dc', counted: 481, version }];
    const shipped = value(
      applyLedgerEntries(books, [{ id: 'e-2', kind: 'shipment', sku: 'SHIRT', location: 'dc', quantity: -1, at: now }]),
    );
    const stale = refusal(cycleCountCorrections(shipped, sheet, { now, key: 'count-1' }));
    expect(stale.code).toBe('precondition_failed');
    expect(stale.details['stale']).toEqual([{ sku: 'SHIRT', location: 'dc', countedAt: 1, current: 2 }]);
    // Without a version on the sheet the state's is used; the adapter still refuses if stock moves.
    const intent = value(
      cycleCountCorrections(books, [{ sku: 'SHIRT', location: 'dc', counted: 481 }], { now, key: 'c' }),
    ).intent;
    expect(refusal(applyIntent(shipped, intent)).code).toBe('precondition_failed');
    // A recount against the current version goes through.
    const recount = value(
      cycleCountCorrections(shipped, [{ sku: 'SHIRT', location: 'dc', counted: 481, version: 2 }], {
        now,
        key: 'count-2',
      }),
    );
    expect(recount.intent.entries[0]?.quantity).toBe(-2);
  });

  it('records matching lines as zero corrections, sorts lines, and counts unknown bins from zero', () => {
    const r = value(
      cycleCountCorrections(
        books,
        [
          { sku: 'SHIRT', location: 'dc', counted: 484 },
          { sku: 'MUG', location: 'dc', counted: 2 },
        ],
        { now, key: 'count-3' },
      ),
    );
    expect(r.intent.entries.map((e) => [e.id, e.sku, e.quantity, e.expected])).toEqual([
      ['count-3#0', 'MUG', 2, 0],
      ['count-3#1', 'SHIRT', 0, 484],
    ]);
    expect(at(r.state, 'SHIRT', 'dc')?.version).toBe(2);
  });

  it('leaves expected out when the books show a negative on hand', () => {
    const oversold = foldLedger([{ id: 'e-1', kind: 'shipment', sku: 'MUG', location: 'dc', quantity: -2, at: T0 }]);
    const r = value(cycleCountCorrections(oversold, [{ sku: 'MUG', location: 'dc', counted: 1 }], { now, key: 'k' }));
    expect(r.intent.entries[0]).not.toHaveProperty('expected');
    expect([r.intent.entries[0]?.quantity, at(r.state, 'MUG', 'dc')?.onHand]).toEqual([3, 1]);
  });

  it('refuses an empty sheet, a line counted twice, a negative count and a missing key', () => {
    const options = { now, key: 'k' };
    expect(refusal(cycleCountCorrections(books, [], options)).details['field']).toBe('counts');
    const twice = refusal(
      cycleCountCorrections(
        books,
        [
          { sku: 'SHIRT', location: 'dc', counted: 1 },
          { sku: 'SHIRT', location: 'dc', counted: 2 },
        ],
        options,
      ),
    );
    expect(twice.details['field']).toBe('counts[1].location');
    expect(
      refusal(cycleCountCorrections(books, [{ sku: 'SHIRT', location: 'dc', counted: -1 }], options)).details['field'],
    ).toBe('counts[0].counted');
    expect(
      refusal(cycleCountCorrections(books, [{ sku: 'SHIRT', location: 'dc', counted: 1 }], { now } as never)).code,
    ).toBe('invalid_options');
  });
});

describe('receipts, scheduled receipts, adjustments and returns', () => {
  it('a scheduled receipt is expected, cut, then received', () => {
    const po = {
      key: 'po-78',
      sku: 'SHIRT',
      location: 'dc',
      receiptId: 'PO-78',
      quantity: 200,
      expectedAt: '2026-12-01T00:00:00Z',
    };
    const scheduled = value(scheduleReceipt(foldLedger([]), po, { now }));
    expect(scheduled.intent.kind).toBe('schedule_receipt');
    const cut = value(
      scheduleReceipt(
        scheduled.state,
        { ...po, key: 'po-78-cut', quantity: -50, expectedAt: '2026-12-05T00:00:00Z' },
        { now },
      ),
    );
    expect(at(cut.state, 'SHIRT', 'dc')?.incoming).toEqual([
      { receiptId: 'PO-78', quantity: 150, expectedAt: '2026-12-05T00:00:00Z' },
    ]);
    const received = value(
      receiveStock(
        cut.state,
        { key: 'grn-78', sku: 'SHIRT', location: 'dc', quantity: 100, receiptId: 'PO-78', reference: 'GRN-1' },
        { now },
      ),
    );
    const b = at(received.state, 'SHIRT', 'dc');
    expect([b?.onHand, b?.incoming[0]?.quantity]).toEqual([100, 50]);
    expect(received.intent.entries[0]).toMatchObject({ kind: 'receipt', receiptId: 'PO-78', reference: 'GRN-1' });
    // Cutting more than is expected, or adding without a date, is refused.
    expect(refusal(scheduleReceipt(received.state, { ...po, key: 'x', quantity: -51 }, { now })).details).toMatchObject(
      {
        field: 'quantity',
        expected: 50,
      },
    );
    const { expectedAt: _, ...undated } = po;
    expect(refusal(scheduleReceipt(received.state, { ...undated, key: 'y' }, { now })).details['field']).toBe(
      'expectedAt',
    );
  });

  it('an adjustment needs a reason and cannot write off units the books do not hold', () => {
    const state = foldLedger([{ id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 3, at: T0 }]);
    const ok = value(
      adjustStock(state, { key: 'a-1', sku: 'SHIRT', location: 'dc', quantity: -3, reason: 'flood' }, { now }),
    );
    expect(ok.intent.entries[0]).toMatchObject({ kind: 'adjustment', quantity: -3, reason: 'flood' });
    expect(at(ok.state, 'SHIRT', 'dc')?.onHand).toBe(0);
    expect(
      refusal(adjustStock(state, { key: 'a-2', sku: 'SHIRT', location: 'dc', quantity: -4, reason: 'flood' }, { now }))
        .details,
    ).toMatchObject({ requested: 4, available: 3 });
    expect(
      refusal(adjustStock(state, { key: 'a-3', sku: 'SHIRT', location: 'dc', quantity: 1, reason: '  ' }, { now }))
        .details['field'],
    ).toBe('reason');
    expect(
      refusal(adjustStock(state, { key: 'a-4', sku: 'SHIRT', location: 'dc', quantity: 0, reason: 'x' }, { now }))
        .details['field'],
    ).toBe('quantity');
  });

  it('a return restocks; every operation stamps ids, time and its key, and replays change nothing', () => {
    const state = foldLedger([]);
    const r = value(
      recordReturn(state, { key: 'rma-3', sku: 'SHIRT', location: 'dc', quantity: 2, reason: 'wrong size' }, { now }),
    );
    expect(r.intent).toEqual({
      key: 'rma-3',
      kind: 'return',
      entries: [
        {
          id: 'rma-3#0',
          kind: 'return',
          sku: 'SHIRT',
          location: 'dc',
          quantity: 2,
          reason: 'wrong size',
          at: now,
          operation: 'rma-3',
        },
      ],
      preconditions: [{ kind: 'operation_absent', key: 'rma-3' }],
    });
    const replay = value(recordReturn(r.state, { key: 'rma-3', sku: 'SHIRT', location: 'dc', quantity: 2 }, { now }));
    expect([replay.replayed, replay.state === r.state]).toEqual([true, true]);
  });

  it('works for a SKU named "__proto__" at a location named "constructor"', () => {
    const sku = '__proto__';
    const location = 'constructor';
    let state = value(receiveStock(foldLedger([]), { key: 'k1', sku, location, quantity: 9 }, { now })).state;
    state = value(
      transferStock(state, { key: 'k2', sku, from: location, to: 'toString', quantity: 4, transferId: 't' }, { now }),
    ).state;
    state = value(cycleCountCorrections(state, [{ sku, location, counted: 4 }], { now, key: 'k3' })).state;
    expect(Object.getPrototypeOf(state.balances)).toBe(Object.prototype);
    expect([at(state, sku, location)?.onHand, at(state, sku, 'toString')?.inTransit]).toEqual([4, 4]);
    const drift = value(reconcile(state, [{ sku, location, onHand: 5 }]));
    expect(drift.drift.map((d) => d.difference)).toEqual([1]);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});

describe('reconcile', () => {
  const ledger: LedgerEntry[] = [
    { id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 10, at: T0 },
    { id: 'e-2', kind: 'receipt', sku: 'MUG', location: 'store-1', quantity: 4, at: T0 },
    { id: 'e-3', kind: 'reservation', sku: 'SHIRT', location: 'dc', quantity: 2, at: T0, reservationId: 'r-1' },
  ];

  it('cache mode reports drift per field in SKU, location, field order and writes nothing', () => {
    const cache = [
      { sku: 'SHIRT', location: 'dc', onHand: 10, reserved: 3, allocated: 1 },
      { sku: 'MUG', location: 'store-1', onHand: 5 },
    ];
    const r = value(reconcile(deepFreeze(ledger), deepFreeze(cache)));
    expect(r.drift).toEqual([
      { sku: 'MUG', location: 'store-1', field: 'onHand', expected: 4, actual: 5, difference: 1 },
      { sku: 'SHIRT', location: 'dc', field: 'reserved', expected: 2, actual: 3, difference: 1 },
      { sku: 'SHIRT', location: 'dc', field: 'allocated', expected: 0, actual: 1, difference: 1 },
    ]);
    expect([r.entries, r.intent, r.replayed]).toEqual([[], undefined, false]);
    expect(r.corrected.map((b) => [b.sku, b.onHand, b.reserved, b.allocated])).toEqual([
      ['MUG', 4, 0, 0],
      ['SHIRT', 10, 2, 0],
    ]);
  });

  it('a row the ledger never heard of is drift against zeros, corrected to an empty balance', () => {
    const r = value(reconcile(ledger, [{ sku: 'GHOST', location: 'dc', onHand: 3 }]));
    expect(r.drift).toEqual([{ sku: 'GHOST', location: 'dc', field: 'onHand', expected: 0, actual: 3, difference: 3 }]);
    expect(r.corrected[0]).toMatchObject({ sku: 'GHOST', onHand: 0, version: 0, holds: [] });
  });

  it('physical mode writes one adjustment per on-hand drift with version preconditions', () => {
    const wms = [
      { sku: 'SHIRT', location: 'dc', onHand: 7, reserved: 0 },
      { sku: 'MUG', location: 'store-1', onHand: 4 },
    ];
    const r = value(reconcile(ledger, wms, { source: 'physical', key: 'sync-1', now }));
    expect(r.entries).toEqual([
      {
        id: 'sync-1#0',
        kind: 'adjustment',
        sku: 'SHIRT',
        location: 'dc',
        quantity: -3,
        reason: 'reconcile',
        at: now,
        operation: 'sync-1',
      },
    ]);
    expect(r.intent?.preconditions).toEqual([
      { kind: 'operation_absent', key: 'sync-1' },
      { kind: 'expected_version', sku: 'SHIRT', location: 'dc', version: 2 },
    ]);
    // Reserved drift is reported but never written: the ledger records promises.
    expect(r.drift.map((d) => d.field)).toEqual(['onHand', 'reserved']);
    expect(r.corrected.map((b) => [b.onHand, b.reserved, b.available])).toEqual([[7, 2, 5]]);
    expect(at(r.state, 'SHIRT', 'dc')?.onHand).toBe(7);
  });

  it('refuses bad options, rows and ledgers with typed errors', () => {
    expect(refusal(reconcile(ledger, [], { source: 'physical' })).details['field']).toBe('key');
    expect(refusal(reconcile(ledger, [], { source: 'physical', key: 'k' })).details['field']).toBe('now');
    expect(refusal(reconcile(ledger, [], { source: 'wms' as never })).code).toBe('invalid_options');
    expect(refusal(reconcile(ledger, [], { now: '2026-11-02' })).code).toBe('invalid_instant');
    const negative = reconcile(ledger, [{ sku: 'SHIRT', location: 'dc', onHand: -1 }], {
      source: 'physical',
      key: 'k',
      now,
    });
    expect(refusal(negative).details['field']).toBe('balances[0].onHand');
    const twice = reconcile(ledger, [
      { sku: 'SHIRT', location: 'dc', onHand: 1 },
      { sku: 'SHIRT', location: 'dc', onHand: 2 },
    ]);
    expect(refusal(twice).details['field']).toBe('balances[1].location');
    expect(
      refusal(reconcile(ledger, [{ sku: 'SHIRT', location: 'dc', onHand: 1, reserved: Number.NaN }])).details['field'],
    ).toBe('balances[0].reserved');
    const broken = [
      ...ledger,
      { id: 'e-4', kind: 'release', sku: 'SHIRT', location: 'dc', quantity: -1, at: T0, reservationId: 'nope' },
    ];
    expect(refusal(reconcile(broken as LedgerEntry[], [])).details).toMatchObject({ index: 3, field: 'reservationId' });
    expect(refusal(reconcile(null as never, [])).details['field']).toBe('ledger');
    expect(refusal(reconcile(ledger, {} as never)).details['field']).toBe('balances');
  });
});

describe('hostile input', () => {
  const base = foldLedger([{ id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 10, at: T0 }]);
  type Operation = (
    state: InventoryState,
    request: never,
    options: never,
  ) => Result<InventoryOperation, InventoryError>;
  const operations: readonly [string, Operation, Record<string, unknown>][] = [
    [
      'receiveStock',
      receiveStock as Operation,
      { key: 'k', sku: 'SHIRT', location: 'dc', quantity: 1, receiptId: 'PO', reason: 'r', reference: 'x' },
    ],
    [
      'scheduleReceipt',
      scheduleReceipt as Operation,
      { key: 'k', sku: 'SHIRT', location: 'dc', receiptId: 'PO', quantity: 1, expectedAt: '2026-12-01T00:00:00Z' },
    ],
    [
      'adjustStock',
      adjustStock as Operation,
      { key: 'k', sku: 'SHIRT', location: 'dc', quantity: -1, reason: 'r', reference: 'x' },
    ],
    [
      'transferStock',
      transferStock as Operation,
      { key: 'k', sku: 'SHIRT', from: 'dc', to: 's', quantity: 1, transferId: 't', reason: 'r' },
    ],
    [
      'recordReturn',
      recordReturn as Operation,
      { key: 'k', sku: 'SHIRT', location: 'dc', quantity: 1, reference: 'x', reason: 'r' },
    ],
  ];

  it.each(operations)('%s names the field of a wrong kind, sign, NaN or empty value', (_, operation, request) => {
    const state = deepFreeze(base);
    const snapshot = JSON.stringify(state);
    expect(value(operation(state, request as never, { now } as never)).replayed).toBe(false);
    for (const [field, bad] of [
      ['quantity', Number.NaN],
      ['quantity', Number.POSITIVE_INFINITY],
      ['quantity', 1.5],
      ['quantity', '1'],
      ['quantity', 2 ** 60],
      ['key', ''],
      ['sku', 42],
      ['sku', null],
    ] as const) {
      const error = refusal(operation(state, { ...request, [field]: bad } as never, { now } as never));
      expect([error.code, error.details['field']]).toEqual(['invalid_request', field]);
    }
    expect(refusal(operation(state, null as never, { now } as never)).code).toBe('invalid_request');
    expect(refusal(operation(state, request as never, { now: '2026-11-02T09:00:00' } as never)).code).toBe(
      'invalid_instant',
    );
    expect(refusal(operation(state, request as never, null as never)).code).toBe('invalid_options');
    expect(
      refusal(operation(state, request as never, { now, policy: { safetyStock: { SHIRT: Number.NaN } } } as never))
        .code,
    ).toBe('invalid_options');
    // Values inherited through a prototype are not the request's own.
    expect(refusal(operation(state, Object.create(request) as never, { now } as never)).code).toBe('invalid_request');
    expect(JSON.stringify(state)).toBe(snapshot);
  });

  it('no operation ever throws on any value planted in any field', () => {
    const state = deepFreeze(base);
    const fields = fc.constantFrom(
      'key',
      'sku',
      'location',
      'from',
      'to',
      'quantity',
      'reason',
      'reference',
      'receiptId',
      'expectedAt',
      'transferId',
    );
    fc.assert(
      fc.property(fc.constantFrom(...operations), fields, anything, ([, operation, request], field, bad) => {
        const r = operation(state, { ...request, [field]: bad } as never, { now } as never);
        if (!r.ok) expect(r.error).toBeInstanceOf(InventoryError);
        const counted = cycleCountCorrections(
          state,
          [{ sku: 'SHIRT', location: 'dc', counted: 1, [field === 'quantity' ? 'counted' : field]: bad }] as never,
          {
            now,
            key: 'c',
          },
        );
        if (!counted.ok) expect(counted.error).toBeInstanceOf(InventoryError);
        const rec = reconcile(
          state,
          [{ sku: 'SHIRT', location: 'dc', onHand: 1, [field === 'quantity' ? 'onHand' : field]: bad }] as never,
          {
            source: 'physical',
            key: 'k',
            now,
          },
        );
        if (!rec.ok) expect(rec.error).toBeInstanceOf(InventoryError);
      }),
      { numRuns: 300 },
    );
  });

  it('foldLedger throws an InventoryError, never a TypeError, and applyLedgerEntries returns it', () => {
    fc.assert(
      fc.property(fc.array(anything, { maxLength: 3 }), (entries) => {
        const r = applyLedgerEntries(base, entries as LedgerEntry[]);
        if (!r.ok) expect(r.error).toBeInstanceOf(InventoryError);
        try {
          foldLedger(entries as LedgerEntry[]);
        } catch (error) {
          expect(error).toBeInstanceOf(InventoryError);
        }
      }),
      { numRuns: 300 },
    );
    const proto = JSON.parse(
      '{"id":"x","kind":"receipt","sku":"__proto__","location":"__proto__","quantity":1,"at":"2026-11-01T08:00:00Z"}',
    );
    expect(at(foldLedger([proto]), '__proto__', '__proto__')?.onHand).toBe(1);
    expect(() => foldLedger([{ id: 'x', kind: 'receipt', sku: 'S', location: 'L', quantity: -1, at: T0 }])).toThrow(
      InventoryError,
    );
  });
});
