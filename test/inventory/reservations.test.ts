import { describe, expect, it } from 'vitest';
import {
  applyIntent,
  commitReservation,
  expireReservations,
  extendReservation,
  foldLedger,
  InventoryError,
  type InventoryState,
  type LedgerEntry,
  releaseAllocation,
  releaseReservation,
  reserve,
  reserveBatch,
  shipAllocation,
} from '../../src/inventory/index.js';
import { applied, balance, deepFreeze, figures, refused, stocked, T0 } from './reservationFixtures.js';

const NOW = '2026-11-22T10:20:00Z';

/**
 * Berlin: 3 on hand, an expired hold of 2 (r-old, until 10:15) and a live hold of 1 (r-live).
 * Paris: 10 on hand, 4 allocated. At 10:20 Berlin promises 3 − 1 = 2, Paris 10 − 4 = 6.
 */
function multiWarehouse(): { state: InventoryState; ledger: LedgerEntry[] } {
  const ledger: LedgerEntry[] = [
    { id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'berlin', quantity: 3, at: T0 },
    { id: 'e-2', kind: 'receipt', sku: 'SHIRT', location: 'paris', quantity: 10, at: T0 },
    { id: 'e-3', kind: 'allocation', sku: 'SHIRT', location: 'paris', quantity: 4, at: T0, allocationId: 'a-9' },
    {
      id: 'e-4',
      kind: 'reservation',
      sku: 'SHIRT',
      location: 'berlin',
      quantity: 2,
      at: '2026-11-22T10:00:00Z',
      reservationId: 'r-old',
      expiresAt: '2026-11-22T10:15:00Z',
      owner: 'cart-1',
    },
    {
      id: 'e-5',
      kind: 'reservation',
      sku: 'SHIRT',
      location: 'berlin',
      quantity: 1,
      at: '2026-11-22T10:00:00Z',
      reservationId: 'r-live',
    },
  ];
  return { state: foldLedger(ledger), ledger };
}

describe('worked example: multi-warehouse stock with active and expired holds', () => {
  it('a stock falls through to the second location; the expired hold no longer counts', () => {
    const { state } = multiWarehouse();
    // 3 fit neither Berlin (2 promisable) ... but Paris (6) does.
    const three = applied(
      reserve(
        state,
        { key: 'k-1', reservationId: 'r-1', sku: 'SHIRT', locations: ['berlin', 'paris'], quantity: 3 },
        { now: NOW },
      ),
    );
    expect(three.intent.entries).toEqual([
      {
        id: 'k-1#0',
        kind: 'reservation',
        sku: 'SHIRT',
        location: 'paris',
        quantity: 3,
        reservationId: 'r-1',
        at: NOW,
        operation: 'k-1',
      },
    ]);
    expect(three.state.reservations['r-1']?.location).toBe('paris');
    expect(three.intent.preconditions).toEqual([
      { kind: 'operation_absent', key: 'k-1' },
      {
        kind: 'available_at_least',
        sku: 'SHIRT',
        location: 'paris',
        quantity: 3,
        now: NOW,
        safetyStock: 0,
        backorderLimit: 0,
      },
    ]);
    // 2 fit Berlin, first in the order: the expired hold's units are reservable by others.
    const two = applied(
      reserve(
        state,
        { key: 'k-2', reservationId: 'r-2', sku: 'SHIRT', locations: ['berlin', 'paris'], quantity: 2 },
        { now: NOW },
      ),
    );
    expect(two.intent.entries[0]?.location).toBe('berlin');
    // Berlin now holds r-old (expired, 2), r-live (1) and r-2 (2) on 3 units: reserved 5, but
    // promisable at 10:20 is 3 − 1 − 2 = 0, so nothing more is promised there.
    expect(balance(two.state, 'SHIRT', 'berlin')?.reserved).toBe(5);
    const more = refused(
      reserve(
        two.state,
        { key: 'k-3', reservationId: 'r-3', sku: 'SHIRT', location: 'berlin', quantity: 1 },
        { now: NOW },
      ),
    );
    expect(more.code).toBe('insufficient_stock');
    expect(more.details).toEqual({ sku: 'SHIRT', location: 'berlin', requested: 1, available: 0 });
  });

  it('committing or extending the expired hold is refused; releasing it is not', () => {
    const { state } = multiWarehouse();
    for (const into of ['allocation', 'shipment'] as const) {
      const e = refused(commitReservation(state, { key: 'c', reservationId: 'r-old', into }, { now: NOW }));
      expect([e.code, e.details['reservationId']]).toEqual(['reservation_expired', 'r-old']);
    }
    expect(refused(extendReservation(state, { key: 'x', reservationId: 'r-old' }, { now: NOW })).code).toBe(
      'reservation_expired',
    );
    // Exactly at expiresAt the hold is expired already (expiresAt ≤ now).
    expect(
      refused(
        commitReservation(
          state,
          { key: 'c', reservationId: 'r-old', into: 'allocation' },
          { now: '2026-11-22T10:15:00Z' },
        ),
      ).code,
    ).toBe('reservation_expired');
    // One millisecond earlier it is not.
    applied(
      commitReservation(
        state,
        { key: 'c', reservationId: 'r-old', into: 'allocation' },
        { now: '2026-11-22T10:14:59.999Z' },
      ),
    );
    const released = applied(releaseReservation(state, { key: 'rel', reservationId: 'r-old' }, { now: NOW }));
    expect(released.state.reservations['r-old']).toMatchObject({ status: 'released', open: 0, released: 2 });
    expect(balance(released.state, 'SHIRT', 'berlin')?.reserved).toBe(1);
  });

  it('no single location of the stock can hold the line: insufficient_stock lists each', () => {
    const { state } = multiWarehouse();
    const e = refused(
      reserve(
        state,
        { key: 'k', reservationId: 'r', sku: 'SHIRT', locations: ['berlin', 'paris', 'lyon'], quantity: 7 },
        { now: NOW },
      ),
    );
    expect(e.code).toBe('insufficient_stock');
    expect(e.details).toEqual({
      sku: 'SHIRT',
      requested: 7,
      available: 6,
      locations: [
        { location: 'berlin', available: 2 },
        { location: 'paris', available: 6 },
        { location: 'lyon', available: 0 },
      ],
    });
  });
});

describe('worked example: a signed reservation ledger where order placed, shipment and cancellation net to zero', () => {
  it('reserve 5, ship 3 from the reservation, release 2', () => {
    const { state: start, ledger } = stocked({ SHIRT: { dc: 10 } });
    const placed = applied(
      reserve(
        start,
        {
          key: 'order-1:place',
          reservationId: 'r-1',
          sku: 'SHIRT',
          location: 'dc',
          quantity: 5,
          reference: 'order-1/line-1',
        },
        { now: '2026-11-22T10:00:00Z' },
      ),
    );
    const shipped = applied(
      commitReservation(
        placed.state,
        { key: 'order-1:ship', reservationId: 'r-1', quantity: 3, into: 'shipment' },
        { now: '2026-11-23T08:00:00Z' },
      ),
    );
    const cancelled = applied(
      releaseReservation(
        shipped.state,
        { key: 'order-1:cancel', reservationId: 'r-1', reason: 'customer cancelled the rest' },
        { now: '2026-11-23T09:00:00Z' },
      ),
    );
    const entries = [placed, shipped, cancelled].flatMap((op) => op.intent.entries);
    expect(entries.map((e) => [e.kind, e.quantity])).toEqual([
      ['reservation', 5],
      ['shipment', -3],
      ['release', -2],
    ]);
    // The reserved column of the ledger: +5 placed, −3 shipped from the hold, −2 cancelled.
    const reservedDelta = (e: LedgerEntry): number =>
      e.kind === 'reservation'
        ? e.quantity
        : e.kind === 'release' || (e.kind === 'shipment' && e.reservationId !== undefined)
          ? e.quantity
          : 0;
    expect(entries.map(reservedDelta).reduce((a, b) => a + b, 0)).toBe(0);
    const before = balance(start, 'SHIRT', 'dc');
    const after = balance(cancelled.state, 'SHIRT', 'dc');
    expect([after?.reserved, (after?.onHand ?? 0) - (before?.onHand ?? 0), after?.available]).toEqual([0, -3, 7]);
    expect(cancelled.state.reservations['r-1']).toMatchObject({
      status: 'partially_committed',
      reserved: 5,
      committed: 3,
      released: 2,
      open: 0,
    });
    // The state is the fold of the ledger: nothing was written beside it.
    expect(cancelled.state).toEqual(foldLedger([...ledger, ...entries]));
  });
});

describe('reserve', () => {
  const { state } = stocked({ SHIRT: { dc: 5 }, MUG: { dc: 1 } });
  const now = '2026-11-22T10:00:00Z';

  it('writes one reservation entry with expiry, owner and reference, stamped with now', () => {
    const op = applied(
      reserve(
        state,
        {
          key: 'cart-9:1',
          reservationId: 'r-1',
          sku: 'SHIRT',
          location: 'dc',
          quantity: 2,
          expiresAt: '2026-11-22T10:15:00Z',
          owner: 'cart-9',
          reference: 'line-1',
        },
        { now },
      ),
    );
    expect(op.replayed).toBe(false);
    expect(op.intent.kind).toBe('reserve');
    expect(op.intent.entries).toEqual([
      {
        id: 'cart-9:1#0',
        kind: 'reservation',
        sku: 'SHIRT',
        location: 'dc',
        quantity: 2,
        reservationId: 'r-1',
        expiresAt: '2026-11-22T10:15:00Z',
        owner: 'cart-9',
        reference: 'line-1',
        at: now,
        operation: 'cart-9:1',
      },
    ]);
    expect(balance(op.state, 'SHIRT', 'dc')?.holds).toEqual([
      { reservationId: 'r-1', quantity: 2, expiresAt: '2026-11-22T10:15:00Z', owner: 'cart-9', reference: 'line-1' },
    ]);
  });

  it('carries the policy into the precondition: safety stock blocks, a backorder limit allows', () => {
    const policy = { safetyStock: { SHIRT: 2 } };
    const e = refused(
      reserve(state, { key: 'k', reservationId: 'r', sku: 'SHIRT', location: 'dc', quantity: 4 }, { now, policy }),
    );
    expect(e.details).toMatchObject({ requested: 4, available: 3 });
    const op = applied(
      reserve(state, { key: 'k', reservationId: 'r', sku: 'SHIRT', location: 'dc', quantity: 3 }, { now, policy }),
    );
    expect(op.intent.preconditions[1]).toMatchObject({ safetyStock: 2, backorderLimit: 0, quantity: 3 });
    const pre = applied(
      reserve(
        state,
        { key: 'k', reservationId: 'r', sku: 'PREORDER', location: 'dc', quantity: 40 },
        { now, policy: { backorderLimit: { PREORDER: 50 } } },
      ),
    );
    expect(balance(pre.state, 'PREORDER', 'dc')).toMatchObject({ onHand: 0, reserved: 40, available: -40 });
    expect(
      refused(
        reserve(
          pre.state,
          { key: 'k2', reservationId: 'r2', sku: 'PREORDER', location: 'dc', quantity: 11 },
          { now, policy: { backorderLimit: { PREORDER: 50 } } },
        ),
      ).details['available'],
    ).toBe(10);
  });

  it('two clients racing for the last unit: the second intent fails its precondition', () => {
    const a = applied(
      reserve(state, { key: 'a', reservationId: 'r-a', sku: 'MUG', location: 'dc', quantity: 1 }, { now }),
    );
    const b = applied(
      reserve(state, { key: 'b', reservationId: 'r-b', sku: 'MUG', location: 'dc', quantity: 1 }, { now }),
    );
    const second = applyIntent(a.state, b.intent);
    expect(second.ok || second.error.code).toBe('precondition_failed');
  });

  it('a reservation id is used once, whatever its state', () => {
    const op = applied(
      reserve(state, { key: 'a', reservationId: 'r-1', sku: 'SHIRT', location: 'dc', quantity: 1 }, { now }),
    );
    const again = refused(
      reserve(op.state, { key: 'b', reservationId: 'r-1', sku: 'SHIRT', location: 'dc', quantity: 1 }, { now }),
    );
    expect([again.code, again.details['field']]).toEqual(['invalid_request', 'reservationId']);
  });

  it('replaying the key changes nothing; replaying it with another request is idempotency_key_reused', () => {
    const request = { key: 'a', reservationId: 'r-1', sku: 'SHIRT', locations: ['dc', 'store'], quantity: 2 };
    const op = applied(reserve(state, request, { now }));
    const replay = applied(reserve(op.state, request, { now: '2026-11-22T11:00:00Z' }));
    expect(replay.replayed).toBe(true);
    expect(replay.state).toBe(op.state);
    expect(replay.intent).toEqual({ key: 'a', kind: 'reserve', entries: [], preconditions: [] });
    // A location of the stock, or the chosen location itself, is the same request.
    expect(
      applied(reserve(op.state, { ...request, locations: undefined, location: 'dc' } as never, { now })).replayed,
    ).toBe(true);
    for (const changed of [
      { ...request, quantity: 3 },
      { ...request, sku: 'MUG' },
      { ...request, locations: ['store'] },
      { ...request, reservationId: 'r-2' },
    ]) {
      const e = refused(reserve(op.state, changed, { now }));
      expect([e.code, e.details['field']]).toEqual(['idempotency_key_reused', 'key']);
    }
    // A retry that arrives after its own expiry has passed is still a replay, not invalid_instant.
    const expiring = {
      key: 'e',
      reservationId: 'r-e',
      sku: 'SHIRT',
      location: 'dc',
      quantity: 1,
      expiresAt: '2026-11-22T10:15:00Z',
    };
    const held = applied(reserve(op.state, expiring, { now }));
    expect(applied(reserve(held.state, expiring, { now: '2026-11-22T10:30:00Z' })).replayed).toBe(true);
    // A key used by a batch of two is not a single reserve.
    const batch = applied(
      reserveBatch(
        state,
        {
          key: 'b',
          lines: [
            { reservationId: 'x', sku: 'SHIRT', location: 'dc', quantity: 1 },
            { reservationId: 'y', sku: 'MUG', location: 'dc', quantity: 1 },
          ],
        },
        { now },
      ),
    );
    expect(
      refused(
        reserve(batch.state, { key: 'b', reservationId: 'x', sku: 'SHIRT', location: 'dc', quantity: 1 }, { now }),
      ).code,
    ).toBe('idempotency_key_reused');
  });

  it('needs exactly one of location and locations, a non-empty stock without duplicates', () => {
    const base = { key: 'k', reservationId: 'r', sku: 'SHIRT', quantity: 1 };
    const cases: [unknown, string][] = [
      [base, 'location'],
      [{ ...base, location: 'dc', locations: ['dc'] }, 'locations'],
      [{ ...base, locations: [] }, 'locations'],
      [{ ...base, locations: ['dc', 'dc'] }, 'locations[1]'],
      [{ ...base, locations: ['dc', ''] }, 'locations[1]'],
      [{ ...base, locations: 'dc' }, 'locations'],
    ];
    for (const [request, field] of cases) {
      const e = refused(reserve(state, request as never, { now }));
      expect([e.code, e.details['field']]).toEqual(['invalid_request', field]);
    }
  });

  it('refuses an expiry that is not an instant or not after now', () => {
    for (const expiresAt of ['tomorrow', '2026-11-22T10:00:00', now, '2026-11-22T09:59:59Z']) {
      const e = refused(
        reserve(state, { key: 'k', reservationId: 'r', sku: 'SHIRT', location: 'dc', quantity: 1, expiresAt }, { now }),
      );
      expect([e.code, e.details['field']]).toEqual(['invalid_instant', 'expiresAt']);
    }
  });
});

describe('reserveBatch', () => {
  const { state } = stocked({ SHIRT: { dc: 5, store: 4 }, MUG: { dc: 2 } });
  const now = '2026-11-22T10:00:00Z';

  it('sums duplicate SKUs at a location before checking', () => {
    const lines = [
      { reservationId: 'r-1', sku: 'SHIRT', location: 'dc', quantity: 3 },
      { reservationId: 'r-2', sku: 'MUG', location: 'dc', quantity: 1 },
      { reservationId: 'r-3', sku: 'SHIRT', location: 'dc', quantity: 3 },
    ];
    const e = refused(reserveBatch(state, { key: 'b', lines }, { now }));
    expect(e.details).toEqual({ sku: 'SHIRT', location: 'dc', requested: 6, available: 5, line: 0 });
    const fits = applied(
      reserveBatch(state, { key: 'b', lines: [lines[0], lines[1], { ...lines[2], quantity: 2 }] as never }, { now }),
    );
    expect(fits.intent.entries.map((x) => [x.id, x.reservationId, x.quantity])).toEqual([
      ['b#0', 'r-1', 3],
      ['b#1', 'r-2', 1],
      ['b#2', 'r-3', 2],
    ]);
    // One precondition per SKU and location with the batch's total, ordered by SKU then location.
    expect(
      fits.intent.preconditions.map((p) =>
        p.kind === 'available_at_least' ? [p.sku, p.location, p.quantity] : p.kind,
      ),
    ).toEqual(['operation_absent', ['MUG', 'dc', 1], ['SHIRT', 'dc', 5]]);
  });

  it('places stock lines after fixed lines, accounting for what earlier lines took', () => {
    const op = applied(
      reserveBatch(
        state,
        {
          key: 'b',
          lines: [
            { reservationId: 'r-1', sku: 'SHIRT', locations: ['dc', 'store'], quantity: 3 },
            { reservationId: 'r-2', sku: 'SHIRT', locations: ['dc', 'store'], quantity: 3 },
            { reservationId: 'r-3', sku: 'SHIRT', location: 'dc', quantity: 2 },
          ],
        },
        { now },
      ),
    );
    // The fixed line takes 2 of dc's 5 first; r-1 takes the other 3; r-2 falls through to the store.
    expect(op.intent.entries.map((x) => x.location)).toEqual(['dc', 'store', 'dc']);
    expect(op.intent.entries.map((x) => x.reservationId)).toEqual(['r-1', 'r-2', 'r-3']);
    expect(op.intent.preconditions.slice(1)).toMatchObject([
      { sku: 'SHIRT', location: 'dc', quantity: 5 },
      { sku: 'SHIRT', location: 'store', quantity: 3 },
    ]);
  });

  it('is all or nothing: a failing line leaves the state untouched and names the line', () => {
    const frozen = deepFreeze(structuredClone(state));
    const e = refused(
      reserveBatch(
        frozen,
        {
          key: 'b',
          lines: [
            { reservationId: 'r-1', sku: 'SHIRT', location: 'dc', quantity: 1 },
            { reservationId: 'r-2', sku: 'MUG', locations: ['dc', 'store'], quantity: 3 },
          ],
        },
        { now },
      ),
    );
    expect(e).toBeInstanceOf(InventoryError);
    expect(e.details).toMatchObject({ line: 1, sku: 'MUG', requested: 3, available: 2 });
    expect(frozen).toEqual(state);
  });

  it('refuses an empty batch, a bad line and a reservation id used twice', () => {
    const line = { reservationId: 'r-1', sku: 'SHIRT', location: 'dc', quantity: 1 };
    const cases: [unknown, string][] = [
      [{ key: 'b', lines: [] }, 'lines'],
      [{ key: 'b', lines: 'x' }, 'lines'],
      [{ key: 'b', lines: [line, null] }, 'lines[1]'],
      [{ key: 'b', lines: [line, { ...line, quantity: 0 }] }, 'lines[1].quantity'],
      [{ key: 'b', lines: [line, line] }, 'lines[1].reservationId'],
      [{ key: 'b', lines: [line, { ...line, reservationId: 'r-2', quantity: 2 ** 53 }] }, 'lines[1].quantity'],
      [
        {
          key: 'b',
          lines: [
            { ...line, quantity: 2 ** 53 - 1 },
            { ...line, reservationId: 'r-2', quantity: 2 ** 53 - 1 },
          ],
        },
        'lines[1].quantity',
      ],
    ];
    for (const [request, field] of cases) {
      const e = refused(reserveBatch(state, request as never, { now }));
      expect([e.code, e.details['field']]).toEqual(['invalid_request', field]);
    }
  });

  it('replays a batch and refuses the key for other lines', () => {
    const request = {
      key: 'b',
      lines: [
        { reservationId: 'r-1', sku: 'SHIRT', location: 'dc', quantity: 1 },
        { reservationId: 'r-2', sku: 'MUG', location: 'dc', quantity: 1 },
      ],
    };
    const op = applied(reserveBatch(state, request, { now }));
    expect(applied(reserveBatch(op.state, request, { now })).replayed).toBe(true);
    expect(refused(reserveBatch(op.state, { key: 'b', lines: request.lines.slice(0, 1) }, { now })).code).toBe(
      'idempotency_key_reused',
    );
  });
});

describe('extend, release, commit', () => {
  const now = '2026-11-22T10:00:00Z';
  const { state: start } = stocked({ SHIRT: { dc: 5 } });
  const held = applied(
    reserve(
      start,
      { key: 'k', reservationId: 'r-1', sku: 'SHIRT', location: 'dc', quantity: 3, expiresAt: '2026-11-22T10:15:00Z' },
      { now },
    ),
  ).state;

  it('extend moves the expiry, or removes it, with a hold_at_least precondition', () => {
    const later = applied(
      extendReservation(held, { key: 'x', reservationId: 'r-1', expiresAt: '2026-11-22T11:00:00Z' }, { now }),
    );
    expect(later.intent.entries).toEqual([
      {
        id: 'x#0',
        kind: 'reservation_extended',
        sku: 'SHIRT',
        location: 'dc',
        quantity: 0,
        reservationId: 'r-1',
        expiresAt: '2026-11-22T11:00:00Z',
        at: now,
        operation: 'x',
      },
    ]);
    expect(later.intent.preconditions).toEqual([
      { kind: 'operation_absent', key: 'x' },
      { kind: 'hold_at_least', reservationId: 'r-1', quantity: 1, now },
    ]);
    const never = applied(extendReservation(held, { key: 'x', reservationId: 'r-1' }, { now }));
    expect(never.state.reservations['r-1']?.expiresAt).toBeUndefined();
    expect(balance(never.state, 'SHIRT', 'dc')?.holds[0]).toEqual({ reservationId: 'r-1', quantity: 3 });
    // Still counts a day later.
    expect(
      refused(
        reserve(
          never.state,
          { key: 'y', reservationId: 'r-2', sku: 'SHIRT', location: 'dc', quantity: 3 },
          { now: '2026-11-23T10:00:00Z' },
        ),
      ).code,
    ).toBe('insufficient_stock');
    const e = refused(
      extendReservation(held, { key: 'x', reservationId: 'r-1', expiresAt: '2026-11-22T09:00:00Z' }, { now }),
    );
    expect([e.code, e.details['field']]).toEqual(['invalid_instant', 'expiresAt']);
    expect(refused(extendReservation(held, { key: 'x', reservationId: 'nope' }, { now })).code).toBe(
      'unknown_reservation',
    );
  });

  it('release gives back all by default, refuses more than held and a released hold', () => {
    const all = applied(releaseReservation(held, { key: 'r', reservationId: 'r-1' }, { now }));
    expect(all.intent.entries[0]).toMatchObject({ kind: 'release', quantity: -3, reservationId: 'r-1' });
    expect(all.intent.preconditions[1]).toEqual({ kind: 'hold_at_least', reservationId: 'r-1', quantity: 3 });
    expect(balance(all.state, 'SHIRT', 'dc')).toMatchObject({ reserved: 0, available: 5, holds: [] });
    const e = refused(releaseReservation(held, { key: 'r', reservationId: 'r-1', quantity: 4 }, { now }));
    expect(e.details).toMatchObject({ field: 'quantity', requested: 4, held: 3 });
    expect(e.code).toBe('hold_exceeded');
    expect(refused(releaseReservation(all.state, { key: 'r2', reservationId: 'r-1' }, { now })).code).toBe(
      'reservation_not_active',
    );
    expect(
      refused(commitReservation(all.state, { key: 'c', reservationId: 'r-1', into: 'allocation' }, { now })).code,
    ).toBe('reservation_not_active');
    expect(refused(extendReservation(all.state, { key: 'x', reservationId: 'r-1' }, { now })).code).toBe(
      'reservation_not_active',
    );
    // Replaying the release after the hold is gone is still a replay, not reservation_not_active.
    expect(applied(releaseReservation(all.state, { key: 'r', reservationId: 'r-1' }, { now })).replayed).toBe(true);
    expect(refused(releaseReservation(all.state, { key: 'r', reservationId: 'r-1', quantity: 4 }, { now })).code).toBe(
      'idempotency_key_reused',
    );
  });

  it('commit into an allocation (allocation id defaults to the reservation id) or a shipment', () => {
    const part = applied(
      commitReservation(
        held,
        { key: 'c', reservationId: 'r-1', quantity: 2, into: 'allocation', allocationId: 'a-1' },
        { now },
      ),
    );
    expect(part.intent.entries[0]).toMatchObject({
      kind: 'allocation',
      quantity: 2,
      reservationId: 'r-1',
      allocationId: 'a-1',
    });
    expect(part.intent.preconditions[1]).toEqual({ kind: 'hold_at_least', reservationId: 'r-1', quantity: 2, now });
    expect(balance(part.state, 'SHIRT', 'dc')).toMatchObject({ onHand: 5, reserved: 1, allocated: 2, available: 2 });
    expect(part.state.reservations['r-1']).toMatchObject({ status: 'active', open: 1, committed: 2 });
    const ship = applied(commitReservation(part.state, { key: 'c2', reservationId: 'r-1', into: 'shipment' }, { now }));
    expect(ship.intent.entries[0]).toMatchObject({ kind: 'shipment', quantity: -1, reservationId: 'r-1' });
    expect(ship.intent.entries[0]?.allocationId).toBeUndefined();
    expect(balance(ship.state, 'SHIRT', 'dc')).toMatchObject({ onHand: 4, reserved: 0, allocated: 2, available: 2 });
    expect(ship.state.reservations['r-1']?.status).toBe('committed');
    const dflt = applied(commitReservation(held, { key: 'c', reservationId: 'r-1', into: 'allocation' }, { now }));
    expect(dflt.intent.entries[0]).toMatchObject({ quantity: 3, allocationId: 'r-1' });
    for (const [request, field] of [
      [{ key: 'c', reservationId: 'r-1', into: 'order' }, 'into'],
      [{ key: 'c', reservationId: 'r-1' }, 'into'],
      [{ key: 'c', reservationId: 'r-1', into: 'shipment', allocationId: 'a' }, 'allocationId'],
      [{ key: 'c', reservationId: 'r-1', into: 'shipment', quantity: -1 }, 'quantity'],
    ] as const) {
      const e = refused(commitReservation(held, request as never, { now }));
      expect([e.code, e.details['field']]).toEqual(['invalid_request', field]);
    }
    expect(
      refused(commitReservation(held, { key: 'c', reservationId: 'r-1', quantity: 4, into: 'shipment' }, { now })).code,
    ).toBe('hold_exceeded');
  });

  it('commits, then deallocates and ships what the commit allocated', () => {
    const committed = applied(
      commitReservation(held, { key: 'c', reservationId: 'r-1', into: 'allocation', allocationId: 'a-1' }, { now }),
    ).state;
    const back = applied(
      releaseAllocation(
        committed,
        { key: 'd', sku: 'SHIRT', location: 'dc', allocationId: 'a-1', quantity: 1, reason: 'line cancelled' },
        { now },
      ),
    );
    expect(back.intent.entries[0]).toMatchObject({
      kind: 'deallocation',
      quantity: -1,
      allocationId: 'a-1',
      reason: 'line cancelled',
    });
    expect(back.intent.kind).toBe('release');
    expect(balance(back.state, 'SHIRT', 'dc')).toMatchObject({ onHand: 5, allocated: 2, available: 3 });
    const out = applied(
      shipAllocation(
        back.state,
        { key: 's', sku: 'SHIRT', location: 'dc', allocationId: 'a-1', quantity: 2, reference: 'parcel-7' },
        { now },
      ),
    );
    expect(out.intent.kind).toBe('ship');
    expect(out.intent.entries[0]).toMatchObject({
      kind: 'shipment',
      quantity: -2,
      allocationId: 'a-1',
      reference: 'parcel-7',
    });
    expect(balance(out.state, 'SHIRT', 'dc')).toMatchObject({ onHand: 3, allocated: 0, available: 3 });
    const over = refused(
      shipAllocation(back.state, { key: 's', sku: 'SHIRT', location: 'dc', allocationId: 'a-1', quantity: 3 }, { now }),
    );
    expect(over.details).toMatchObject({ requested: 3, allocated: 2, field: 'quantity' });
    expect(
      refused(releaseAllocation(start, { key: 'd', sku: 'SHIRT', location: 'dc', quantity: 1 }, { now })).code,
    ).toBe('hold_exceeded');
    expect(
      applied(
        shipAllocation(
          out.state,
          { key: 's', sku: 'SHIRT', location: 'dc', allocationId: 'a-1', quantity: 2 },
          { now },
        ),
      ).replayed,
    ).toBe(true);
  });
});

describe('expireReservations', () => {
  const now = '2026-11-22T10:00:00Z';
  const { state: start } = stocked({ SHIRT: { dc: 10, store: 3 }, MUG: { dc: 5 } });
  const held = applied(
    reserveBatch(
      start,
      {
        key: 'b',
        lines: [
          { reservationId: 'r-9', sku: 'SHIRT', location: 'store', quantity: 1, expiresAt: '2026-11-22T10:05:00Z' },
          { reservationId: 'r-2', sku: 'SHIRT', location: 'dc', quantity: 2, expiresAt: '2026-11-22T10:05:00Z' },
          { reservationId: 'r-1', sku: 'SHIRT', location: 'dc', quantity: 1, expiresAt: '2026-11-22T10:30:00Z' },
          { reservationId: 'r-3', sku: 'MUG', location: 'dc', quantity: 4, expiresAt: '2026-11-22T10:05:00Z' },
          { reservationId: 'r-4', sku: 'MUG', location: 'dc', quantity: 1 },
        ],
      },
      { now },
    ),
  ).state;

  it('releases every expired hold, ordered by SKU, location and reservation id', () => {
    const op = applied(expireReservations(held, { key: 'sweep' }, { now: '2026-11-22T10:05:00Z' }));
    expect(op.intent.entries.map((e) => [e.id, e.sku, e.location, e.reservationId, e.quantity, e.reason])).toEqual([
      ['sweep#0', 'MUG', 'dc', 'r-3', -4, 'expired'],
      ['sweep#1', 'SHIRT', 'dc', 'r-2', -2, 'expired'],
      ['sweep#2', 'SHIRT', 'store', 'r-9', -1, 'expired'],
    ]);
    expect(op.intent.preconditions.slice(1)).toEqual([
      { kind: 'hold_at_least', reservationId: 'r-3', quantity: 4 },
      { kind: 'hold_at_least', reservationId: 'r-2', quantity: 2 },
      { kind: 'hold_at_least', reservationId: 'r-9', quantity: 1 },
    ]);
    expect(op.state.reservations['r-2']?.status).toBe('released');
    expect(op.state.reservations['r-1']?.status).toBe('active');
    expect(balance(op.state, 'MUG', 'dc')?.reserved).toBe(1);
    expect(applied(expireReservations(op.state, { key: 'sweep' }, { now: '2026-11-22T12:00:00Z' })).replayed).toBe(
      true,
    );
  });

  it('only the SKUs asked for; nothing expired is ok with no entries', () => {
    const op = applied(
      expireReservations(held, { key: 'sweep', skus: ['MUG', 'NONE'] }, { now: '2026-11-22T10:06:00Z' }),
    );
    expect(op.intent.entries.map((e) => e.reservationId)).toEqual(['r-3']);
    const none = applied(expireReservations(held, { key: 'sweep' }, { now: '2026-11-22T10:04:59Z' }));
    expect(none.intent.entries).toEqual([]);
    expect(none.replayed).toBe(false);
    expect(figures(none.state)).toEqual(figures(held));
    const e = refused(expireReservations(held, { key: 'sweep', skus: [1] } as never, { now }));
    expect([e.code, e.details['field']]).toEqual(['invalid_request', 'skus[0]']);
  });
});

describe('hostile input', () => {
  const now = '2026-11-22T10:00:00Z';
  const { state } = stocked({ SHIRT: { dc: 5 } });

  it("'__proto__' as a SKU, a location, a reservation id and a key just works", () => {
    const { state: s } = stocked(JSON.parse('{"__proto__":{"__proto__":4}}'));
    const op = applied(
      reserve(
        s,
        { key: '__proto__', reservationId: '__proto__', sku: '__proto__', location: '__proto__', quantity: 3 },
        { now },
      ),
    );
    expect(balance(op.state, '__proto__', '__proto__')).toMatchObject({ onHand: 4, reserved: 3 });
    expect(Object.hasOwn(op.state.reservations, '__proto__')).toBe(true);
    expect(
      applied(
        reserve(
          op.state,
          { key: '__proto__', reservationId: '__proto__', sku: '__proto__', location: '__proto__', quantity: 3 },
          { now },
        ),
      ).replayed,
    ).toBe(true);
    const rel = applied(releaseReservation(op.state, { key: 'constructor', reservationId: '__proto__' }, { now }));
    expect(balance(rel.state, '__proto__', '__proto__')?.reserved).toBe(0);
    expect(({} as Record<string, unknown>)['reserved']).toBeUndefined();
    expect(
      refused(commitReservation(state, { key: 'k', reservationId: 'constructor', into: 'allocation' }, { now })).code,
    ).toBe('unknown_reservation');
    expect(
      refused(reserve(state, { key: 'k', reservationId: 'r', sku: 'toString', location: 'dc', quantity: 1 }, { now }))
        .code,
    ).toBe('insufficient_stock');
  });

  const badValues: unknown[] = [
    undefined,
    null,
    1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -1,
    0,
    1.5,
    2 ** 53,
    '',
    '3',
    [],
    {},
    true,
  ];
  const base = { key: 'k', reservationId: 'r', sku: 'SHIRT', location: 'dc', quantity: 1 };
  const fields: [string, unknown[]][] = [
    ['key', [undefined, null, 1, '', [], {}]],
    ['reservationId', [undefined, null, 1, '', {}]],
    ['sku', [undefined, null, Number.NaN, '', {}]],
    ['quantity', [undefined, null, Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 1.5, 2 ** 53, '3', 1e300]],
    ['owner', [null, 1, '']],
    ['reference', [null, 1, '']],
  ];

  it.each(fields)('reserve: a bad %s is invalid_request naming it', (name, values) => {
    for (const value of values) {
      const e = refused(reserve(state, { ...base, [name]: value } as never, { now }));
      expect([e.code, e.details['field']]).toEqual(['invalid_request', name]);
    }
  });

  it('requests and options that are not objects, and bad instants, are typed errors', () => {
    const ops = [
      reserve,
      reserveBatch,
      extendReservation,
      releaseReservation,
      commitReservation,
      expireReservations,
      releaseAllocation,
      shipAllocation,
    ] as const;
    for (const op of ops) {
      for (const value of badValues.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v))) {
        const e = refused((op as (...a: unknown[]) => ReturnType<typeof reserve>)(state, value, { now }));
        expect(e.code).toBe('invalid_request');
      }
      for (const options of [
        null,
        'now',
        { now: 'yesterday' },
        { now: '2026-11-22T10:00:00' },
        { now: 12 },
        { now, policy: 1 },
        { now, policy: { safetyStock: { SHIRT: -1 } } },
      ]) {
        const e = refused((op as (...a: unknown[]) => ReturnType<typeof reserve>)(state, base, options));
        expect(['invalid_options', 'invalid_instant']).toContain(e.code);
        expect(e).toBeInstanceOf(InventoryError);
      }
    }
  });

  it('a request with inherited fields is read by its own fields only', () => {
    const inherited = Object.create({
      key: 'k',
      reservationId: 'r',
      sku: 'SHIRT',
      location: 'dc',
      quantity: 1,
    }) as never;
    expect(refused(reserve(state, inherited, { now })).details['field']).toBe('key');
  });

  it('a refused or replayed operation never mutates frozen inputs', () => {
    const frozen = deepFreeze(structuredClone(state));
    const request = deepFreeze({
      key: 'k',
      reservationId: 'r',
      sku: 'SHIRT',
      locations: ['dc'],
      quantity: 2,
      expiresAt: '2026-11-22T11:00:00Z',
    });
    const options = deepFreeze({ now, policy: { safetyStock: { SHIRT: 1 } } });
    const op = applied(reserve(frozen, request, options));
    deepFreeze(op.state);
    applied(reserve(op.state, request, options));
    applied(extendReservation(op.state, deepFreeze({ key: 'x', reservationId: 'r' }), options));
    applied(
      commitReservation(op.state, deepFreeze({ key: 'c', reservationId: 'r', into: 'allocation' as const }), options),
    );
    applied(expireReservations(op.state, deepFreeze({ key: 'e' }), { now: '2026-11-22T12:00:00Z' }));
    expect(frozen).toEqual(state);
  });
});
