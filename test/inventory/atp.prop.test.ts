import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyIntent } from '../../src/inventory/applyIntent.js';
import {
  type AvailabilityPolicy,
  availableToPromise,
  channelAvailability,
  foldLedger,
  type InventoryState,
  type LedgerEntry,
} from '../../src/inventory/index.js';
import { channelRulesArbitrary } from '../../src/testing/inventoryAtp.js';
import { deepFreeze } from './atpFixtures.js';

const LOCATIONS = ['a', 'b', 'c', '__proto__'] as const;
const OWNERS = ['cart-1', 'cart-2', 'order-3'] as const;
const NOW_MS = Date.parse('2026-11-22T10:00:00Z');
const now = new Date(NOW_MS).toISOString();

type Move =
  | { kind: 'receipt'; location: string; quantity: number }
  | { kind: 'allocation'; location: string; quantity: number }
  | { kind: 'shipment'; location: string; quantity: number }
  | { kind: 'reservation'; location: string; quantity: number; expiresInMinutes: number | null; owner: string | null };

const location = fc.constantFrom(...LOCATIONS);
const quantity = fc.integer({ min: 1, max: 30 });
const move: fc.Arbitrary<Move> = fc.oneof(
  fc.record({ kind: fc.constant('receipt' as const), location, quantity }),
  fc.record({ kind: fc.constant('allocation' as const), location, quantity }),
  fc.record({ kind: fc.constant('shipment' as const), location, quantity }),
  fc.record({
    kind: fc.constant('reservation' as const),
    location,
    quantity,
    // Around now: some expired, some exactly at now, some live, some without expiry.
    expiresInMinutes: fc.option(fc.integer({ min: -30, max: 30 }), { nil: null }),
    owner: fc.option(fc.constantFrom(...OWNERS), { nil: null }),
  }),
);

function ledgerOf(moves: readonly Move[]): LedgerEntry[] {
  return moves.map((m, i): LedgerEntry => {
    const base = { id: `e-${i}`, sku: 'SKU', location: m.location, at: '2026-11-22T09:00:00Z' };
    switch (m.kind) {
      case 'shipment':
        return { ...base, kind: 'shipment', quantity: -m.quantity };
      case 'reservation':
        return {
          ...base,
          kind: 'reservation',
          quantity: m.quantity,
          reservationId: `r-${i}`,
          ...(m.expiresInMinutes === null
            ? {}
            : { expiresAt: new Date(NOW_MS + m.expiresInMinutes * 60_000).toISOString() }),
          ...(m.owner === null ? {} : { owner: m.owner }),
        };
      default:
        return { ...base, kind: m.kind, quantity: m.quantity };
    }
  });
}

const states: fc.Arbitrary<InventoryState> = fc
  .array(move, { maxLength: 40 })
  .map((moves) => foldLedger(ledgerOf(moves)));
const policies: fc.Arbitrary<AvailabilityPolicy> = fc.record(
  {
    safetyStock: fc.record({ SKU: fc.integer({ min: 0, max: 10 }) }),
    backorderLimit: fc.record({ SKU: fc.integer({ min: 0, max: 10 }) }),
  },
  { requiredKeys: [] },
);
const owners = fc.option(fc.constantFrom(...OWNERS), { nil: undefined });
const stocks = fc.uniqueArray(location, { minLength: 1, maxLength: LOCATIONS.length });

function ok<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw r.error;
  return r.value;
}

function optionsOf(policy: AvailabilityPolicy, excludeOwner: string | undefined) {
  return { now, policy, ...(excludeOwner === undefined ? {} : { excludeOwner }) };
}

const RUNS = { numRuns: 200 };

describe('availableToPromise', () => {
  it('explains its figure: the parts add up, the holds partition the reserved units', () => {
    fc.assert(
      fc.property(states, policies, owners, stocks, (state, policy, owner, locations) => {
        const figure = ok(availableToPromise(state, { sku: 'SKU', locations }, optionsOf(policy, owner)));
        for (const l of figure.locations) {
          expect(l.promisable).toBe(l.onHand - l.allocated - l.activeHolds - l.safetyStock + l.backorderLimit);
          expect(l.activeHolds + l.expiredHolds + l.ownHolds).toBe(l.reserved);
          expect(l.available).toBe(Math.max(0, l.promisable));
          expect(l.shortfall).toBe(Math.max(0, -l.promisable));
          expect(l.fromStock + l.onBackorder).toBe(l.available);
          expect(l.onBackorder).toBeLessThanOrEqual(l.backorderLimit);
        }
        const sum = (f: (l: (typeof figure.locations)[number]) => number) =>
          figure.locations.reduce((total, l) => total + f(l), 0);
        expect(figure.available).toBe(sum((l) => l.available));
        expect(figure.shortfall).toBe(sum((l) => l.shortfall));
        expect(figure.onHand).toBe(sum((l) => l.onHand));
      }),
      RUNS,
    );
  });

  it('agrees with the available_at_least precondition adapters check: `available` units pass, one more fails', () => {
    fc.assert(
      fc.property(states, policies, owners, location, (state, policy, owner, at) => {
        const figure = ok(availableToPromise(state, { sku: 'SKU', location: at }, optionsOf(policy, owner)));
        const l = figure.locations[0];
        if (l === undefined) throw new Error('one location expected');
        const precondition = (q: number) => ({
          kind: 'available_at_least' as const,
          sku: 'SKU',
          location: at,
          quantity: q,
          now,
          safetyStock: l.safetyStock,
          backorderLimit: l.backorderLimit,
          ...(owner === undefined ? {} : { excludeOwner: owner }),
        });
        const intent = (q: number) => ({
          key: `k-${q}`,
          kind: 'reserve' as const,
          entries: [],
          preconditions: [precondition(q)],
        });
        if (l.available > 0) expect(applyIntent(state, intent(l.available)).ok).toBe(true);
        expect(applyIntent(state, intent(l.available + 1)).ok).toBe(false);
      }),
      RUNS,
    );
  });

  it('expired holds never count: adding holds that expired by now changes nothing but expiredHolds', () => {
    fc.assert(
      fc.property(
        fc.array(move, { maxLength: 30 }),
        fc.array(fc.tuple(location, quantity, fc.integer({ min: 0, max: 600 })), { minLength: 1, maxLength: 5 }),
        (moves, expired) => {
          const ledger = ledgerOf(moves);
          const extra = expired.map(
            ([at, q, minutesAgo], i): LedgerEntry => ({
              id: `x-${i}`,
              kind: 'reservation',
              sku: 'SKU',
              location: at,
              quantity: q,
              at: '2026-11-22T09:00:00Z',
              reservationId: `x-${i}`,
              expiresAt: new Date(NOW_MS - minutesAgo * 60_000).toISOString(),
            }),
          );
          const query = { sku: 'SKU', locations: [...LOCATIONS] };
          const before = ok(availableToPromise(foldLedger(ledger), query, { now }));
          const after = ok(availableToPromise(foldLedger([...ledger, ...extra]), query, { now }));
          expect(after.available).toBe(before.available);
          expect(after.shortfall).toBe(before.shortfall);
          const added = expired.reduce((sum, [, q]) => sum + q, 0);
          expect(after.locations.reduce((s, l) => s + l.expiredHolds, 0)).toBe(
            before.locations.reduce((s, l) => s + l.expiredHolds, 0) + added,
          );
        },
      ),
      RUNS,
    );
  });

  it("a stock's figure is its locations' figures, whatever their order", () => {
    fc.assert(
      fc.property(states, policies, owners, stocks, (state, policy, owner, locations) => {
        const options = optionsOf(policy, owner);
        const all = ok(availableToPromise(state, { sku: 'SKU', locations }, options));
        const reversed = ok(availableToPromise(state, { sku: 'SKU', locations: [...locations].reverse() }, options));
        expect([reversed.available, reversed.shortfall, reversed.onBackorder]).toEqual([
          all.available,
          all.shortfall,
          all.onBackorder,
        ]);
        for (const l of all.locations) {
          const single = ok(availableToPromise(state, { sku: 'SKU', location: l.location }, options));
          expect(single.locations[0]).toEqual(l);
        }
      }),
      RUNS,
    );
  });

  it('excluding an owner never lowers availability; the state is never written', () => {
    fc.assert(
      fc.property(states, policies, fc.constantFrom(...OWNERS), (state, policy, owner) => {
        const frozen = deepFreeze(structuredClone(state));
        const query = deepFreeze({ sku: 'SKU', locations: [...LOCATIONS] });
        const anyone = ok(availableToPromise(frozen, query, deepFreeze({ now, policy })));
        const mine = ok(availableToPromise(frozen, query, deepFreeze({ now, policy, excludeOwner: owner })));
        expect(mine.available).toBeGreaterThanOrEqual(anyone.available);
        expect(frozen).toEqual(state);
      }),
      RUNS,
    );
  });
});

describe('channelAvailability', () => {
  it('allocations and the free pool split the pool exactly; no channel sees more than the pool or less than 0', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 5000 }), channelRulesArbitrary(), (available, rules) => {
        const r = ok(channelAvailability(available, deepFreeze(rules)));
        expect(r.pool).toBe(Math.max(0, available));
        expect(r.allocated + r.free).toBe(r.pool);
        expect(r.free).toBeGreaterThanOrEqual(0);
        expect(r.channels.reduce((sum, c) => sum + c.allocated, 0)).toBe(r.allocated);
        r.channels.forEach((c, i) => {
          const rule = rules[i];
          expect(c.channel).toBe(rule?.channel);
          expect(c.available).toBeGreaterThanOrEqual(0);
          expect(c.available).toBeLessThanOrEqual(r.pool);
          expect(c.available).toBe(c.allocated + c.pooled - c.buffer);
          const pooled = rule?.pooled ?? rule?.allocation === undefined;
          expect(c.pooled).toBe(pooled ? r.free : 0);
        });
      }),
      RUNS,
    );
  });

  it('shares sum exactly to what is left after quotas when they sum to 100 %', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 7 }),
        (pool, weights) => {
          // Weights scaled to shares in ten-thousandths of a percent summing to exactly 100 %.
          const total = weights.reduce((a, b) => a + b, 0);
          const scaled = weights.map((w) => Math.floor((w * 1_000_000) / total));
          scaled[0] = (scaled[0] ?? 0) + 1_000_000 - scaled.reduce((a, b) => a + b, 0);
          const rules = scaled.map((s, i) => ({ channel: `c${i}`, allocation: { share: s / 10_000 } }));
          const r = ok(channelAvailability(pool, rules));
          expect(r.allocated).toBe(pool);
          // Each part is its exact share rounded down or up.
          r.channels.forEach((c, i) => {
            const exact = (pool * (scaled[i] ?? 0)) / 1_000_000;
            expect(Math.abs(c.allocated - exact)).toBeLessThan(1 + 1e-9);
          });
        },
      ),
      RUNS,
    );
  });

  it("the rules' order only orders the output", () => {
    fc.assert(
      fc.property(fc.nat(2000), channelRulesArbitrary(), (pool, rules) => {
        const forward = ok(channelAvailability(pool, rules));
        const backward = ok(channelAvailability(pool, [...rules].reverse()));
        const byChannel = (r: typeof forward) => Object.fromEntries(r.channels.map((c) => [c.channel, c]));
        expect(byChannel(backward)).toEqual(byChannel(forward));
      }),
      RUNS,
    );
  });
});
