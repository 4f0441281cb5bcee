import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/core/instant.js';
import {
  type AvailabilityPolicy,
  expireReservations,
  foldLedger,
  type InventoryState,
  type LedgerEntry,
  releaseReservation,
  reserve,
  reserveBatch,
  type StockBalance,
} from '../../src/inventory/index.js';
import {
  type ReservationWorkload,
  type ReservationWorkloadStep,
  reservationWorkloadArbitrary,
  runReservationStep,
} from '../../src/testing/index.js';
import { deepFreeze, figures } from './reservationFixtures.js';

const RUNS = { numRuns: 150, seed: 20261122 };

const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/**
 * Available to promise written out independently of src/inventory/internal/available.ts: on hand −
 * allocated − the holds not expired at `now` − safety stock + backorder limit.
 */
function atp(balance: StockBalance | undefined, now: string, policy: AvailabilityPolicy, sku: string): number {
  const nowMs = parseInstant(now) as number;
  const safety = own(policy.safetyStock ?? {}, sku) ?? 0;
  const backorder = own(policy.backorderLimit ?? {}, sku) ?? 0;
  if (balance === undefined) return backorder - safety;
  const live = balance.holds
    .filter((h) => h.expiresAt === undefined || (parseInstant(h.expiresAt) as number) > nowMs)
    .reduce((sum, h) => sum + h.quantity, 0);
  return balance.onHand - balance.allocated - live - safety + backorder;
}

function pairs(state: InventoryState): [string, string, StockBalance][] {
  return Object.keys(state.balances).flatMap((sku) => {
    const bySku = own(state.balances, sku) ?? {};
    return Object.keys(bySku).map((location): [string, string, StockBalance] => [
      sku,
      location,
      bySku[location] as StockBalance,
    ]);
  });
}

/** Runs a workload, handing every step's before/after to `check`; returns the final state and every entry written. */
function run(
  workload: ReservationWorkload,
  check: (step: ReservationWorkloadStep, before: InventoryState, after: InventoryState | undefined) => void = () => {},
): { state: InventoryState; entries: LedgerEntry[] } {
  let state = deepFreeze(foldLedger(workload.ledger));
  const entries: LedgerEntry[] = [...workload.ledger];
  for (const step of workload.steps) {
    const result = runReservationStep(
      state,
      deepFreeze(structuredClone(step)),
      deepFreeze(structuredClone(workload.policy)),
    );
    if (result.ok) {
      check(step, state, result.value.state);
      entries.push(...result.value.intent.entries);
      state = deepFreeze(result.value.state);
    } else {
      check(step, state, undefined);
    }
  }
  return { state, entries };
}

describe('reservation workloads', () => {
  it('never oversell: no successful step pushes a pair below zero promisable, or deeper below', () => {
    fc.assert(
      fc.property(reservationWorkloadArbitrary(), (workload) => {
        run(workload, (step, before, after) => {
          if (after === undefined) return;
          const touched = new Set(
            [...pairs(before), ...pairs(after)].map(([sku, location]) => JSON.stringify([sku, location])),
          );
          for (const pair of touched) {
            const [sku, location] = JSON.parse(pair) as [string, string];
            const was = atp(own(own(before.balances, sku) ?? {}, location), step.now, workload.policy, sku);
            const is = atp(own(own(after.balances, sku) ?? {}, location), step.now, workload.policy, sku);
            // on hand − allocated − live holds ≥ safety stock − backorder limit, unless it already was not.
            expect(is, `${step.kind} ${JSON.stringify(step.request)} at ${sku}@${location}`).toBeGreaterThanOrEqual(
              Math.min(was, 0),
            );
          }
        });
      }),
      RUNS,
    );
  });

  it('every state is the fold of the ledger written so far', () => {
    fc.assert(
      fc.property(reservationWorkloadArbitrary(), (workload) => {
        const { state, entries } = run(workload);
        expect(state).toEqual(foldLedger(entries));
        // Holds sum to reserved everywhere (nothing leaked between the fold's columns).
        for (const [, , b] of pairs(state)) expect(b.holds.reduce((s, h) => s + h.quantity, 0)).toBe(b.reserved);
      }),
      RUNS,
    );
  });

  it('replaying any applied step changes nothing', () => {
    fc.assert(
      fc.property(reservationWorkloadArbitrary(), (workload) => {
        run(workload, (step, _before, after) => {
          if (after === undefined) return;
          const again = runReservationStep(after, step, workload.policy);
          if (after.operations[step.request.key] === undefined) {
            // An expiry that found nothing wrote nothing, so its key stays unused.
            expect(step.kind).toBe('expire');
            return;
          }
          expect(again.ok && again.value.replayed).toBe(true);
          expect(again.ok && again.value.state).toBe(after);
          expect(again.ok && again.value.intent.entries).toEqual([]);
        });
      }),
      RUNS,
    );
  });

  it('a refused step leaves the state exactly as it was (deep-frozen inputs, nothing thrown)', () => {
    fc.assert(
      fc.property(reservationWorkloadArbitrary({ maxSteps: 15 }), (workload) => {
        let refusals = 0;
        run(workload, (step, before, after) => {
          if (after !== undefined) return;
          refusals += 1;
          const snapshot = structuredClone(before);
          const again = runReservationStep(before, step, workload.policy);
          expect(again.ok).toBe(false);
          expect(before).toEqual(snapshot);
        });
        return refusals >= 0;
      }),
      { ...RUNS, numRuns: 60 },
    );
  });
});

/** A state part-way through a workload, with the last step's now. */
const midway = reservationWorkloadArbitrary({ maxSteps: 12 }).map((workload) => {
  const { state } = run(workload);
  return { state, policy: workload.policy, now: workload.steps.at(-1)?.now ?? '2026-11-22T10:00:00Z' };
});

describe('single operations on a random state', () => {
  const line = fc.record({
    sku: fc.constantFrom('A', 'B'),
    location: fc.constantFrom('dc', 'store'),
    quantity: fc.integer({ min: 1, max: 6 }),
  });

  it('reserve then release restores the original balances', () => {
    fc.assert(
      fc.property(
        midway,
        line,
        fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
        ({ state, policy, now }, l, ttl) => {
          const expiresAt =
            ttl === undefined
              ? {}
              : { expiresAt: new Date((parseInstant(now) as number) + ttl * 60_000).toISOString() };
          const held = reserve(state, { key: 'p-1', reservationId: 'p-r', ...l, ...expiresAt }, { now, policy });
          if (!held.ok) return;
          const back = releaseReservation(held.value.state, { key: 'p-2', reservationId: 'p-r' }, { now, policy });
          expect(back.ok).toBe(true);
          if (back.ok) expect(figures(back.value.state)).toEqual(figures(withPair(state, l.sku, l.location)));
        },
      ),
      RUNS,
    );
  });

  it('expired reservations never count: reserve succeeds exactly up to the live promisable figure, before and after a sweep', () => {
    fc.assert(
      fc.property(midway, line, fc.integer({ min: 0, max: 40 }), ({ state, policy, now }, l, later) => {
        const at = new Date((parseInstant(now) as number) + later * 60_000).toISOString();
        const expected = atp(own(own(state.balances, l.sku) ?? {}, l.location), at, policy, l.sku);
        const request = { key: 'p', reservationId: 'p-r', sku: l.sku, location: l.location };
        if (expected > 0) expect(reserve(state, { ...request, quantity: expected }, { now: at, policy }).ok).toBe(true);
        const over = reserve(state, { ...request, quantity: Math.max(1, expected + 1) }, { now: at, policy });
        expect(over.ok || over.error.details['available']).toBe(expected);
        // Sweeping expired holds writes down what promisable already ignored: no pair moves.
        const swept = expireReservations(state, { key: 'sweep' }, { now: at });
        expect(swept.ok).toBe(true);
        if (!swept.ok) return;
        for (const [sku, location, b] of pairs(swept.value.state)) {
          expect(atp(b, at, policy, sku)).toBe(atp(own(own(state.balances, sku) ?? {}, location), at, policy, sku));
          expect(
            b.holds.every(
              (h) => h.expiresAt === undefined || (parseInstant(h.expiresAt) as number) > (parseInstant(at) as number),
            ),
          ).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('a batch of fixed lines is all or nothing: it succeeds iff every SKU × location total fits', () => {
    fc.assert(
      fc.property(midway, fc.array(line, { minLength: 1, maxLength: 5 }), ({ state, policy, now }, lines) => {
        const totals = new Map<string, number>();
        for (const l of lines)
          totals.set(`${l.sku}@${l.location}`, (totals.get(`${l.sku}@${l.location}`) ?? 0) + l.quantity);
        const fits = [...totals].every(([pair, total]) => {
          const [sku, location] = pair.split('@') as [string, string];
          return total <= atp(own(own(state.balances, sku) ?? {}, location), now, policy, sku);
        });
        const frozen = deepFreeze(state);
        const r = reserveBatch(
          frozen,
          { key: 'p', lines: lines.map((l, i) => ({ reservationId: `p-${i}`, ...l })) },
          { now, policy },
        );
        expect(r.ok).toBe(fits);
        if (r.ok) {
          expect(r.value.intent.entries.length).toBe(lines.length);
          const pre = r.value.intent.preconditions.filter((p) => p.kind === 'available_at_least');
          expect(
            pre.map((p) => (p.kind === 'available_at_least' ? [`${p.sku}@${p.location}`, p.quantity] : [])),
          ).toEqual([...totals].sort(([a], [b]) => (a < b ? -1 : 1)));
        } else {
          expect(r.error.code).toBe('insufficient_stock');
        }
      }),
      RUNS,
    );
  });

  it('a stock line goes to the first location of the stock that can hold it', () => {
    fc.assert(
      fc.property(
        midway,
        fc.constantFrom('A', 'B'),
        fc.shuffledSubarray(['dc', 'store'], { minLength: 1 }),
        fc.integer({ min: 1, max: 6 }),
        ({ state, policy, now }, sku, locations, quantity) => {
          const each = locations.map((location) =>
            atp(own(own(state.balances, sku) ?? {}, location), now, policy, sku),
          );
          const first = each.findIndex((units) => units >= quantity);
          const r = reserve(state, { key: 'p', reservationId: 'p-r', sku, locations, quantity }, { now, policy });
          if (first < 0) {
            expect(r.ok || r.error.details['available']).toBe(Math.max(...each));
          } else {
            expect(r.ok && r.value.intent.entries[0]?.location).toBe(locations[first]);
          }
        },
      ),
      RUNS,
    );
  });
});

/** `state` with an empty balance at a pair the reservation may have created (a release cannot un-create it). */
function withPair(state: InventoryState, sku: string, location: string): InventoryState {
  if (own(own(state.balances, sku) ?? {}, location) !== undefined) return state;
  const empty: StockBalance = {
    sku,
    location,
    onHand: 0,
    reserved: 0,
    allocated: 0,
    available: 0,
    inTransit: 0,
    incoming: [],
    holds: [],
    version: 0,
  };
  return {
    ...state,
    balances: { ...state.balances, [sku]: { ...(own(state.balances, sku) ?? {}), [location]: empty } },
  };
}
