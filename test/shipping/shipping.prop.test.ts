import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CarrierPolicy,
  type CarrierRateTable,
  createExampleCarrier,
  estimateDelivery,
  parcelWeights,
  quoteCarrier,
  type RateQuote,
  type Shipment,
  selectCarrier,
  shopRates,
} from '../../src/shipping/index.js';
import {
  carrierPolicyArbitrary,
  carrierSelectionViolations,
  parcelArbitrary,
  rateQuotesArbitrary,
  rateShoppingScenarioArbitrary,
  shipmentArbitrary,
} from '../../src/testing/index.js';
import { deepFreeze } from './helpers.js';

const DAY = 86_400_000;
const dayMs = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const weekday = (date: string): number => ((new Date(dayMs(date)).getUTCDay() + 6) % 7) + 1;

/** A working day under a calendar, decided here from the calendar's plain meaning. */
function working(date: string, calendar: CarrierRateTable['calendar']): boolean {
  return !(calendar?.weekend ?? [6, 7]).includes(weekday(date)) && !(calendar?.holidays ?? []).includes(date);
}

/** The delivery day by walking the days one at a time (the oracle for estimateDelivery). */
function walk(shipDate: string, transit: number, calendar: CarrierRateTable['calendar']): string {
  let ms = dayMs(shipDate);
  const iso = () => new Date(ms).toISOString().slice(0, 10);
  while (!working(iso(), calendar)) ms += DAY;
  for (let left = transit; left > 0; ) {
    ms += DAY;
    if (working(iso(), calendar)) left -= 1;
  }
  return iso();
}

describe('selectCarrier properties', () => {
  it('the chosen quote satisfies every hard constraint and no feasible quote ranks strictly better', () => {
    fc.assert(
      fc.property(rateQuotesArbitrary(), carrierPolicyArbitrary('USD'), (quotes, policy) => {
        const r = selectCarrier(deepFreeze(quotes), deepFreeze(policy));
        if (r.ok) {
          expect(carrierSelectionViolations(quotes, policy, r.value)).toEqual([]);
          return;
        }
        expect(r.error.code).toBe('no_feasible_quote');
        // Nothing was feasible: choosing any quote would break a constraint.
        for (const q of quotes) {
          const fake = { chosen: q, reason: r.ok ? undefined : ({} as never), decisions: [] };
          expect(carrierSelectionViolations(quotes, policy, fake as never).some((v) => v.includes('breaks'))).toBe(
            true,
          );
        }
      }),
      { numRuns: 400 },
    );
  });

  it('does not depend on the order of the quotes', () => {
    fc.assert(
      fc.property(
        rateQuotesArbitrary({ currencies: ['USD', 'EUR'] }).chain((qs) =>
          fc.tuple(fc.constant(qs), fc.shuffledSubarray(qs, { minLength: qs.length })),
        ),
        carrierPolicyArbitrary('EUR'),
        ([quotes, shuffled], policy) => {
          expect(selectCarrier(shuffled, policy)).toEqual(selectCarrier(quotes, policy));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('mixed currencies without a policy currency are refused; with one, only its quotes can win', () => {
    fc.assert(
      fc.property(
        rateQuotesArbitrary({ currencies: ['USD', 'EUR'] }),
        fc.constantFrom('USD', 'EUR'),
        (quotes, currency) => {
          const currencies = new Set(quotes.map((q) => q.price.currency));
          const bare = selectCarrier(quotes, {});
          if (currencies.size > 1) expect(!bare.ok && bare.error.code).toBe('currency_mismatch');
          const r = selectCarrier(quotes, { currency });
          if (r.ok) expect(r.value.chosen.price.currency).toBe(currency);
          else expect(quotes.every((q) => q.price.currency !== currency)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('shopRates properties', () => {
  const policyOf = (shipment: Shipment, policy: CarrierPolicy): CarrierPolicy =>
    policy.mustArriveBy === undefined && shipment.promisedBy !== undefined
      ? { ...policy, mustArriveBy: shipment.promisedBy }
      : policy;

  it('quotes are priced exactly (decimal.js oracle), weighed, dated on working days; the choice is right', () => {
    fc.assert(
      fc.property(rateShoppingScenarioArbitrary(), ({ shipment, carriers, policy }) => {
        const r = shopRates(deepFreeze(shipment), deepFreeze(carriers), deepFreeze({ policy }));
        if (!r.ok) expect(r.error.code).toBe('no_feasible_quote');
        // Every quote any carrier gives, whatever the policy (shopRates keeps them all when it chooses).
        const quotes: RateQuote[] = carriers.flatMap((c) => {
          const q = quoteCarrier(shipment, c);
          if (!q.ok) throw q.error;
          return [...q.value.quotes];
        });
        if (r.ok) expect(r.value.quotes).toEqual([...quotes].sort((a, b) => (a.id < b.id ? -1 : 1)));
        const services = carriers.reduce((n, c) => n + c.services.length, 0);
        const unavailable = r.ok ? r.value.unavailable.length : (r.error.details['unavailable'] as unknown[]).length;
        const quoted = r.ok ? quotes.length : (r.error.details['decisions'] as unknown[]).length;
        expect(quoted + unavailable).toBe(services);
        for (const q of quotes) {
          const table = carriers.find((c) => c.carrierId === q.carrierId) as CarrierRateTable;
          const service = table.services.find((s) => s.id === q.serviceId);
          const zone = service?.zones.find((z) => z.zone === q.zone);
          expect(zone).toBeDefined();
          let base = new Decimal(0);
          let billable = 0n;
          for (const p of shipment.parcels) {
            const volume = BigInt(p.lengthMm) * BigInt(p.widthMm) * BigInt(p.heightMm);
            const d = BigInt(table.dimDivisor);
            const dim = (volume + d - 1n) / d;
            const grams = BigInt(p.weightGrams) > dim ? BigInt(p.weightGrams) : dim;
            billable += grams;
            const brk = zone?.breaks.find((b) => BigInt(b.upToGrams) >= grams);
            expect(brk).toBeDefined();
            base = base.plus(brk?.price.amount ?? 0);
          }
          const fuel = base.times(table.fuelSurcharge).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
          expect(q.price.amount).toBe(base.plus(fuel).toNumber());
          expect(q.charges?.fuelSurcharge.amount).toBe(fuel.toNumber());
          expect(BigInt(q.billableWeightGrams)).toBe(billable);
          expect(q.estimatedDelivery).toBe(walk(shipment.shipDate, zone?.transitDays ?? 0, table.calendar));
        }
        if (r.ok) expect(carrierSelectionViolations(quotes, policyOf(shipment, policy), r.value)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('does not depend on the order of the carriers or their services', () => {
    fc.assert(
      fc.property(
        rateShoppingScenarioArbitrary(),
        fc.infiniteStream(fc.nat()),
        ({ shipment, carriers, policy }, seeds) => {
          const it = seeds[Symbol.iterator]();
          const shuffle = <T>(xs: readonly T[]): T[] =>
            xs
              .map((x) => [it.next().value as number, x] as const)
              .sort((a, b) => a[0] - b[0])
              .map(([, x]) => x);
          const shuffled = shuffle(carriers).map((c) => ({
            ...c,
            services: shuffle(c.services),
            zones: shuffle(c.zones),
          }));
          expect(shopRates(shipment, shuffled, { policy })).toEqual(shopRates(shipment, carriers, { policy }));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('weights and dates', () => {
  it('dimensional weight is monotone in each side and antitone in the divisor, and exact', () => {
    fc.assert(
      fc.property(
        parcelArbitrary(),
        fc.constantFrom('lengthMm', 'widthMm', 'heightMm'),
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (parcel, side, grow, divisor, more) => {
          const w = parcelWeights(parcel, divisor);
          const bigger = parcelWeights({ ...parcel, [side]: parcel[side] + grow }, divisor);
          const looser = parcelWeights(parcel, divisor + more);
          if (!w.ok || !bigger.ok || !looser.ok) throw new Error('valid input refused');
          expect(bigger.value.dimensionalGrams).toBeGreaterThanOrEqual(w.value.dimensionalGrams);
          expect(looser.value.dimensionalGrams).toBeLessThanOrEqual(w.value.dimensionalGrams);
          const volume = BigInt(parcel.lengthMm) * BigInt(parcel.widthMm) * BigInt(parcel.heightMm);
          expect(BigInt(w.value.dimensionalGrams)).toBe((volume + BigInt(divisor) - 1n) / BigInt(divisor));
          expect(w.value.billableGrams).toBe(Math.max(parcel.weightGrams, w.value.dimensionalGrams));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('estimateDelivery matches a day-by-day walk, lands on a working day, and each transit day is later', () => {
    const calendar = fc.record({
      weekend: fc.constantFrom([6, 7], [7], [], [1, 2, 3, 4, 5, 6]),
      holidays: fc.uniqueArray(
        fc.integer({ min: 0, max: 60 }).map((d) => new Date(dayMs('2026-11-01') + d * DAY).toISOString().slice(0, 10)),
        { maxLength: 30 },
      ),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 20 }),
        calendar,
        (offset, transit, cal) => {
          const ship = new Date(dayMs('2026-11-01') + offset * DAY).toISOString().slice(0, 10);
          const r = estimateDelivery(ship, transit, cal);
          const next = estimateDelivery(ship, transit + 1, cal);
          if (!r.ok || !next.ok) throw new Error('valid input refused');
          expect(r.value).toBe(walk(ship, transit, cal));
          expect(working(r.value, cal)).toBe(true);
          expect(r.value >= ship).toBe(true);
          expect(next.value > r.value).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('example-carrier tracking is ordered, never ahead of now, and only grows as now moves on', () => {
    const carrier = createExampleCarrier();
    fc.assert(
      fc.property(
        shipmentArbitrary({
          maxParcels: 2,
          maxWeightGrams: 10_000,
          maxSideMm: 400,
          destinations: [
            { country: 'US', postalCode: '10001' },
            { country: 'CA', postalCode: 'K1A 0B1' },
          ],
        }),
        fc.constantFrom('ground', 'express'),
        fc.integer({ min: -3 * 24, max: 3 * 24 }),
        fc.array(fc.integer({ min: 0, max: 24 * 20 }), { minLength: 2, maxLength: 5 }),
        (shipment, service, createdOffsetHours, nows) => {
          const created = new Date(dayMs(shipment.shipDate) + createdOffsetHours * 3_600_000).toISOString();
          const label = carrier.createLabel(shipment, service, { now: created, newId: () => 'L' });
          if (!label.ok) throw label.error;
          let previous: string[] = [];
          for (const h of [...nows].sort((a, b) => a - b)) {
            const now = new Date(Date.parse(created) + h * 3_600_000).toISOString();
            const r = carrier.trackingEvents(label.value, now);
            if (!r.ok) throw r.error;
            const at = r.value.map((e) => e.at);
            expect([...at].sort()).toEqual(at);
            expect(at.every((t) => t <= now)).toBe(true);
            const keys = r.value.map((e) => `${e.status}@${e.at}`);
            expect(keys.slice(0, previous.length)).toEqual(previous);
            previous = keys;
            const delivered = r.value.find((e) => e.status === 'delivered');
            if (delivered !== undefined) expect(delivered.at.slice(0, 10) >= label.value.estimatedDelivery).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
