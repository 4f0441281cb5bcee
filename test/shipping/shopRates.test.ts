import { describe, expect, it } from 'vitest';
import { fromMinor, money } from '../../src/money/index.js';
import {
  type CarrierRateTable,
  createExampleCarrier,
  quoteCarrier,
  type Shipment,
  ShippingError,
  shopRates,
} from '../../src/shipping/index.js';
import { deepFreeze, sfShipment } from './helpers.js';

const example = createExampleCarrier().rateTable;

/** Two parcels to New York (zone Z3): 0.4 kg (billable 0.4 kg) and 4.5 kg in a 50 × 40 × 30 cm box (billable 12 kg). */
const nyShipment: Shipment = {
  id: 'o-2',
  shipDate: '2026-11-23',
  promisedBy: '2026-11-27',
  destination: { country: 'US', postalCode: '10001' },
  parcels: [
    { id: 'A', weightGrams: 400, lengthMm: 200, widthMm: 150, heightMm: 50 },
    { id: 'B', weightGrams: 4_500, lengthMm: 500, widthMm: 400, heightMm: 300 },
  ],
};

const summary = (s: Shipment, table: CarrierRateTable = example) => {
  const r = quoteCarrier(s, table);
  if (!r.ok) throw r.error;
  return {
    quotes: r.value.quotes.map((q) => `${q.serviceId} ${q.price.amount} ${q.estimatedDelivery}`),
    unavailable: r.value.unavailable.map((u) => `${u.serviceId} ${u.reason}`),
  };
};

describe('quoteCarrier with the example carrier', () => {
  it('worked example: one box to San Francisco, billed on its dimensional weight', () => {
    const r = quoteCarrier(sfShipment, example);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const ground = r.value.quotes.find((q) => q.serviceId === 'ground');
    // 1.8 kg billable → the 2 kg break in Z1: 7.60; fuel 12.5 % = 0.95; 8.55.
    expect(ground).toEqual({
      id: 'example-parcel:ground',
      carrierId: 'example-parcel',
      serviceId: 'ground',
      serviceLevel: 'standard',
      price: money('8.55', 'USD'),
      transitDays: 2,
      estimatedDelivery: '2026-11-25',
      billableWeightGrams: 1800,
      zone: 'Z1',
      charges: { base: money('7.60', 'USD'), fuelSurcharge: money('0.95', 'USD') },
    });
  });

  it('worked example: two parcels to New York; the fuel surcharge rounds half-up; saver has no break for 12 kg', () => {
    // ground: 7.20 + 33.00 = 40.20; × 0.125 = 5.025 → 5.03; 45.23. Thanksgiving (26th) is skipped.
    // express: 14.40 + 66.00 = 80.40; × 0.125 = 10.05; 90.45.
    expect(summary(nyShipment)).toEqual({
      quotes: ['express 9045 2026-11-25', 'ground 4523 2026-12-01'],
      unavailable: ['saver no_rate_for_weight'],
    });
    const r = quoteCarrier(nyShipment, example);
    expect(r.ok && r.value.unavailable[0]?.details).toEqual({
      parcelId: 'B',
      billableGrams: 12_000,
      maxBreakGrams: 10_000,
    });
  });

  it('restrictions, zones and limits', () => {
    const to = (country: string, postalCode: string): Shipment => ({
      ...sfShipment,
      destination: { country, postalCode },
    });
    expect(summary(to('US', '96813')).unavailable).toEqual([
      'express destination_restricted',
      'ground destination_restricted',
      'saver destination_restricted',
    ]);
    expect(summary(to('CA', 'M5V 2T6'))).toEqual({
      quotes: ['express 4950 2026-11-27', 'ground 2475 2026-12-03'],
      unavailable: ['saver zone_not_served'],
    });
    expect(summary(to('DE', '10115')).unavailable).toEqual([
      'express zone_not_served',
      'ground zone_not_served',
      'saver zone_not_served',
    ]);
    const parcel = (p: Partial<Shipment['parcels'][number]>): Shipment => ({
      ...sfShipment,
      parcels: [{ ...(sfShipment.parcels[0] as Shipment['parcels'][number]), ...p }],
    });
    expect(summary(parcel({ weightGrams: 25_000 }))).toEqual({
      quotes: ['ground 3263 2026-11-25'],
      unavailable: ['express parcel_too_heavy', 'saver no_rate_for_weight'],
    });
    expect(summary(parcel({ weightGrams: 30_001 })).unavailable).toEqual([
      'express parcel_too_heavy',
      'ground parcel_too_heavy',
      'saver parcel_too_heavy',
    ]);
    expect(summary(parcel({ heightMm: 1_300 })).unavailable).toEqual([
      'express parcel_too_long',
      'ground parcel_too_long',
      'saver parcel_too_long',
    ]);
    // 1000 + 2 × (600 + 500) = 3200 mm of girth > 3000.
    const bulky = quoteCarrier(parcel({ lengthMm: 600, widthMm: 1000, heightMm: 500 }), example);
    expect(bulky.ok && bulky.value.unavailable.map((u) => [u.reason, u.details['girthMm']])).toEqual([
      ['parcel_too_large', 3200],
      ['parcel_too_large', 3200],
      ['parcel_too_large', 3200],
    ]);
  });

  it('the longest matching zone prefix wins', () => {
    const table: CarrierRateTable = {
      ...example,
      restrictions: [],
      zones: [
        { country: 'US', postalPrefix: '9', zone: 'Z2' },
        { country: 'US', postalPrefix: '941', zone: 'Z1' },
        { country: 'US', postalPrefix: '94', zone: 'Z3' },
      ],
    };
    const zone = (postalCode: string) => {
      const r = quoteCarrier({ ...sfShipment, destination: { country: 'US', postalCode } }, table);
      return r.ok ? r.value.quotes[0]?.zone : r.error.code;
    };
    expect([zone('94107'), zone('94501'), zone('90210'), zone('10001')]).toEqual(['Z1', 'Z3', 'Z2', undefined]);
  });

  it('refuses malformed tables by field', () => {
    const field = (table: unknown) => {
      const r = quoteCarrier(sfShipment, table as CarrierRateTable);
      return r.ok ? 'ok' : `${r.error.code} ${r.error.details['field']}`;
    };
    expect(field(null)).toBe('invalid_rate_table table');
    expect(field({ ...example, currency: 'XXX1' })).toBe('invalid_rate_table table.currency');
    expect(field({ ...example, fuelSurcharge: '-0.1' })).toBe('invalid_rate_table table.fuelSurcharge');
    expect(field({ ...example, fuelSurcharge: 0.1 })).toBe('invalid_rate_table table.fuelSurcharge');
    expect(field({ ...example, dimDivisor: 0 })).toBe('invalid_rate_table table.dimDivisor');
    expect(field({ ...example, zones: [...example.zones, { country: 'US', postalPrefix: '94', zone: 'Z9' }] })).toBe(
      'invalid_rate_table table.zones[5]',
    );
    const ground = example.services[1] as CarrierRateTable['services'][number];
    const zone = ground.zones[0] as CarrierRateTable['services'][number]['zones'][number];
    const unsorted = { ...zone, breaks: [...zone.breaks].reverse() };
    expect(field({ ...example, services: [{ ...ground, zones: [unsorted] }] })).toBe(
      'invalid_rate_table table.services[0].zones[0].breaks[1].upToGrams',
    );
    const euro = { ...zone, breaks: [{ upToGrams: 1000, price: money('5.00', 'EUR') }] };
    expect(field({ ...example, services: [{ ...ground, zones: [euro] }] })).toBe(
      'invalid_rate_table table.services[0].zones[0].breaks[0].price.currency',
    );
    expect(field({ ...example, services: [ground, ground] })).toBe('invalid_rate_table table.services[1].id');
    expect(field({ ...example, calendar: { weekend: [1, 2, 3, 4, 5, 6, 7] } })).toBe(
      'invalid_calendar table.calendar.weekend',
    );
  });

  it('refuses a price sum beyond 2⁵³ minor units with a typed error', () => {
    const max = fromMinor(Number.MAX_SAFE_INTEGER, 'USD');
    const table: CarrierRateTable = {
      ...example,
      services: [
        {
          id: 'x',
          level: 'standard',
          zones: [{ zone: 'Z1', transitDays: 1, breaks: [{ upToGrams: 30_000, price: max }] }],
        },
      ],
    };
    const two: Shipment = {
      ...sfShipment,
      parcels: [...sfShipment.parcels, { ...(sfShipment.parcels[0] as Shipment['parcels'][number]), id: 'box-2' }],
    };
    const r = quoteCarrier(two, table);
    expect(!r.ok && r.error.code).toBe('invalid_rate_table');
  });
});

describe('shopRates', () => {
  it('worked example: New York by Friday 27th — ground would be cheaper but arrives Tuesday 1st', () => {
    const r = shopRates(nyShipment, [example]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.chosen.id).toBe('example-parcel:express');
    expect(r.value.chosen.price).toEqual(money('90.45', 'USD'));
    expect(r.value.reason).toEqual({ objective: 'cheapest', decidedBy: 'only_feasible', feasible: 1, rejected: 1 });
    expect(r.value.decisions).toEqual([
      { quoteId: 'example-parcel:express', outcome: 'chosen', rank: 1, rejections: [] },
      { quoteId: 'example-parcel:ground', outcome: 'rejected', rejections: ['arrives_too_late'] },
    ]);
    expect(r.value.unavailable.map((u) => u.reason)).toEqual(['no_rate_for_weight']);
  });

  it("a policy's own deadline wins over the shipment's promise", () => {
    const r = shopRates(nyShipment, [example], { policy: { mustArriveBy: '2026-12-01' } });
    expect(r.ok && r.value.chosen.serviceId).toBe('ground');
  });

  it('shops across carriers; the result never depends on the order of the carriers', () => {
    const cheap = createExampleCarrier({ carrierId: 'budget', fuelSurcharge: '0.02' }).rateTable;
    const a = shopRates(sfShipment, [example, cheap]);
    const b = shopRates(sfShipment, [cheap, example]);
    expect(a).toEqual(b);
    // budget saver: 6.00 + 0.12 = 6.12, arriving Friday 27th (Thursday is a holiday).
    expect(a.ok && [a.value.chosen.id, a.value.chosen.price.amount]).toEqual(['budget:saver', 612]);
    expect(a.ok && a.value.quotes.map((q) => q.id)).toEqual([
      'budget:express',
      'budget:ground',
      'budget:saver',
      'example-parcel:express',
      'example-parcel:ground',
      'example-parcel:saver',
    ]);
    const fastest = shopRates(sfShipment, [example, cheap], { policy: { objective: 'fastest' } });
    // Both express services arrive on the 24th: the cheaper one wins, on price.
    expect(
      fastest.ok && [fastest.value.chosen.id, fastest.value.reason.decidedBy, fastest.value.reason.runnerUp],
    ).toEqual(['budget:express', 'price', 'example-parcel:express']);
  });

  it('no feasible quote is a typed error carrying the whole trace', () => {
    const r = shopRates({ ...sfShipment, destination: { country: 'US', postalCode: '96813' } }, [example]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBeInstanceOf(ShippingError);
    expect(r.error.code).toBe('no_feasible_quote');
    expect((r.error.details['unavailable'] as unknown[]).length).toBe(3);
    const late = shopRates(sfShipment, [example], { policy: { mustArriveBy: '2026-11-23' } });
    expect(!late.ok && late.error.details['decisions']).toEqual([
      { quoteId: 'example-parcel:express', outcome: 'rejected', rejections: ['arrives_too_late'] },
      { quoteId: 'example-parcel:ground', outcome: 'rejected', rejections: ['arrives_too_late'] },
      { quoteId: 'example-parcel:saver', outcome: 'rejected', rejections: ['arrives_too_late'] },
    ]);
  });

  it('mixed currencies need a policy currency', () => {
    const euro = createExampleCarrier({ carrierId: 'euro' }).rateTable;
    const inEuro: CarrierRateTable = {
      ...euro,
      currency: 'EUR',
      services: euro.services.map((s) => ({
        ...s,
        zones: s.zones.map((z) => ({
          ...z,
          breaks: z.breaks.map((b) => ({ ...b, price: fromMinor(b.price.amount, 'EUR') })),
        })),
      })),
    };
    const mixed = shopRates(sfShipment, [example, inEuro]);
    expect(!mixed.ok && mixed.error.code).toBe('currency_mismatch');
    const inEur = shopRates(sfShipment, [example, inEuro], { policy: { currency: 'EUR' } });
    expect(inEur.ok && inEur.value.chosen.id).toBe('euro:saver');
    expect(inEur.ok && inEur.value.decisions.filter((d) => d.outcome === 'rejected').map((d) => d.rejections)).toEqual([
      ['currency_mismatch'],
      ['currency_mismatch'],
      ['currency_mismatch'],
    ]);
  });

  it('does not mutate deep-frozen inputs, and handles "__proto__" as an id like any other', () => {
    const carriers = deepFreeze([createExampleCarrier({ carrierId: '__proto__' }).rateTable, example]);
    const shipment = deepFreeze({
      ...sfShipment,
      id: '__proto__',
      parcels: [{ ...(sfShipment.parcels[0] as Shipment['parcels'][number]), id: '__proto__' }],
    });
    const policy = deepFreeze({ carriers: ['__proto__'], excludeCarriers: ['constructor'] });
    const r = shopRates(shipment, carriers, { policy });
    expect(r.ok && r.value.chosen.id).toBe('__proto__:saver');
    expect(r.ok && r.value.decisions.filter((d) => d.outcome === 'rejected').length).toBe(3);
  });

  it('hostile input gets typed errors naming the field, never a TypeError', () => {
    const code = (...args: unknown[]) => {
      const r = (shopRates as (...a: unknown[]) => ReturnType<typeof shopRates>)(...args);
      return r.ok ? 'ok' : `${r.error.code} ${String(r.error.details['field'] ?? '')}`.trim();
    };
    expect(code(null, [example])).toBe('invalid_shipment shipment');
    expect(code({ ...sfShipment, parcels: 'box' }, [example])).toBe('invalid_shipment shipment.parcels');
    expect(code({ ...sfShipment, parcels: [] }, [example])).toBe('invalid_shipment shipment.parcels');
    expect(code({ ...sfShipment, parcels: [sfShipment.parcels[0], sfShipment.parcels[0]] }, [example])).toBe(
      'invalid_shipment shipment.parcels[1].id',
    );
    expect(code({ ...sfShipment, destination: { country: 'us', postalCode: '1' } }, [example])).toBe(
      'invalid_shipment shipment.destination.country',
    );
    expect(code({ ...sfShipment, shipDate: '2026-13-01' }, [example])).toBe('invalid_shipment shipment.shipDate');
    expect(code({ ...sfShipment, promisedBy: 20261201 }, [example])).toBe('invalid_shipment shipment.promisedBy');
    expect(code(sfShipment, 'example')).toBe('invalid_rate_table carriers');
    expect(code(sfShipment, [example, example])).toBe('invalid_rate_table carriers[1].carrierId');
    expect(code(sfShipment, [example], 7)).toBe('invalid_options options');
    expect(code(sfShipment, [example], { policy: { objective: 'cheapest-ish' } })).toBe(
      'invalid_policy policy.objective',
    );
    expect(code(sfShipment, [example], { policy: { maxPrice: { amount: 1.5, currency: 'USD' } } })).toBe(
      'invalid_policy policy.maxPrice',
    );
    expect(code(sfShipment, [example], { policy: { maxPrice: money('9.00', 'USD'), currency: 'EUR' } })).toBe(
      'invalid_policy policy.maxPrice.currency',
    );
    expect(code(sfShipment, [])).toBe('no_feasible_quote');
    const proxy = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom');
        },
      },
    );
    expect(() => code(proxy, [example])).toThrow('boom'); // a throwing getter is a bug in the caller, not input
  });
});
