import { describe, expect, it } from 'vitest';
import { foldLedger, type LedgerEntry } from '../../src/inventory/index.js';
import { applyEntries } from '../../src/inventory/internal/fold.js';

const at = '2026-11-22T10:00:00Z';
const base: LedgerEntry[] = [
  { id: 'e-1', kind: 'receipt', sku: 'A', location: 'dc', quantity: 10, at },
  {
    id: 'e-2',
    kind: 'reservation',
    sku: 'A',
    location: 'dc',
    quantity: 4,
    at,
    reservationId: 'r-1',
    expiresAt: '2026-11-22T11:00:00Z',
    operation: 'op-1',
  },
  {
    id: 'e-3',
    kind: 'scheduled_receipt',
    sku: 'A',
    location: 'dc',
    quantity: 5,
    at,
    receiptId: 'po-1',
    expectedAt: '2026-12-01T00:00:00Z',
  },
];

describe('the fold in place', () => {
  it('rolls back every change — containers, balances, records, operations — when a later entry does not fold', () => {
    const state = foldLedger(base);
    const before = JSON.stringify(state);
    const result = applyEntries(
      state,
      [
        {
          id: 'x-1',
          kind: 'release',
          sku: 'A',
          location: 'dc',
          quantity: -1,
          at,
          reservationId: 'r-1',
          operation: 'op-1',
        },
        {
          id: 'x-2',
          kind: 'reservation_extended',
          sku: 'A',
          location: 'dc',
          quantity: 0,
          at,
          reservationId: 'r-1',
          operation: 'op-1',
        },
        { id: 'x-3', kind: 'receipt', sku: 'A', location: 'dc', quantity: 2, at, receiptId: 'po-1' },
        {
          id: 'x-4',
          kind: 'reservation',
          sku: 'B',
          location: 'dc',
          quantity: 1,
          at,
          reservationId: 'r-2',
          operation: 'op-2',
        },
        { id: 'x-5', kind: 'transfer_out', sku: 'A', location: 'dc', quantity: -1, at, counterpartLocation: 'store' },
        { id: 'x-6', kind: 'release', sku: 'A', location: 'dc', quantity: -9, at, reservationId: 'r-1' },
      ],
      'in_place',
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.details['index']).toBe(5);
    expect(JSON.stringify(state)).toBe(before);
    expect(state).toEqual(foldLedger(base));
  });

  it('changes the state in place when everything folds, equal to refolding', () => {
    const state = foldLedger(base);
    const more: LedgerEntry[] = [
      {
        id: 'y-1',
        kind: 'release',
        sku: 'A',
        location: 'dc',
        quantity: -1,
        at,
        reservationId: 'r-1',
        operation: 'op-1',
      },
      { id: 'y-2', kind: 'receipt', sku: 'A', location: 'dc', quantity: 2, at, receiptId: 'po-1' },
    ];
    const result = applyEntries(state, more, 'in_place');
    // The containers are the caller's own, changed in place; the count of entries comes with the result.
    expect(result.ok && result.state.balances).toBe(state.balances);
    expect(result.ok && result.state).toEqual(foldLedger([...base, ...more]));
  });

  it('pure mode never touches the input', () => {
    const state = foldLedger(base);
    const before = JSON.stringify(state);
    const result = applyEntries(
      state,
      [{ id: 'z-1', kind: 'release', sku: 'A', location: 'dc', quantity: -4, at, reservationId: 'r-1' }],
      'pure',
    );
    expect(result.ok).toBe(true);
    expect(JSON.stringify(state)).toBe(before);
    expect(result.ok && result.state.reservations['r-1']?.status).toBe('released');
  });
});

describe('partial states', () => {
  it('a reservation loaded without its SKU balance is a typed refusal, not a TypeError', () => {
    const full = foldLedger(base);
    const partial = { balances: {}, reservations: full.reservations, operations: {}, entries: full.entries };
    for (const kind of ['release', 'allocation', 'reservation_extended'] as const) {
      const quantity = kind === 'release' ? -1 : kind === 'allocation' ? 1 : 0;
      const r = applyEntries(
        partial,
        [{ id: 'p-1', kind, sku: 'A', location: 'dc', quantity, at, reservationId: 'r-1' }],
        'pure',
      );
      expect(r.ok).toBe(false);
      expect(!r.ok && [r.error.code, r.error.details['field']]).toEqual(['invalid_entry', 'reservationId']);
    }
  });
});
