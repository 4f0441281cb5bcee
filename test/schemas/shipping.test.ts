import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  carrierRateTableSchema,
  parseCarrierPolicy,
  parseCarrierRateTable,
  parseCarrierShipment,
  parseRateQuotes,
} from '../../src/schemas/index.js';
import { createExampleCarrier, quoteCarrier, selectCarrier, shopRates } from '../../src/shipping/index.js';
import {
  carrierPolicyArbitrary,
  rateQuotesArbitrary,
  rateTableArbitrary,
  shipmentArbitrary,
} from '../../src/testing/index.js';
import { anything, checkNeverThrows, pathsOf, replaceAt } from './neverThrow.js';

const json = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));
const example = createExampleCarrier().rateTable;

describe('shipping schemas accept what the arbitraries make, unchanged', () => {
  it('shipments, rate tables, quotes and policies', () => {
    fc.assert(
      fc.property(
        shipmentArbitrary(),
        rateTableArbitrary(),
        rateQuotesArbitrary({ currencies: ['USD', 'JPY'] }),
        carrierPolicyArbitrary(),
        (s, t, q, p) => {
          expect(parseCarrierShipment(json(s))).toEqual({ ok: true, value: s });
          expect(parseCarrierRateTable(json(t))).toEqual({ ok: true, value: t });
          expect(parseRateQuotes(json(q))).toEqual({ ok: true, value: q });
          expect(parseCarrierPolicy(json(p))).toEqual({ ok: true, value: p });
        },
      ),
      { numRuns: 100 },
    );
    expect(parseCarrierRateTable(json(example))).toEqual({ ok: true, value: example });
  });

  it('reads prices given as snapshots', () => {
    const r = carrierRateTableSchema.safeParse({
      ...example,
      services: [
        {
          id: 'g',
          level: 'standard',
          zones: [
            { zone: 'Z1', transitDays: 1, breaks: [{ upToGrams: 1000, price: { amount: '5.25', currency: 'USD' } }] },
          ],
        },
      ],
    });
    expect(r.success && r.data.services[0]?.zones[0]?.breaks[0]?.price).toEqual({ amount: 525, currency: 'USD' });
  });
});

describe('shipping schemas never throw, and what they accept the functions accept', () => {
  it('a shipment with anything planted anywhere', () => {
    fc.assert(
      fc.property(
        shipmentArbitrary({ maxParcels: 2 }).chain((s) =>
          fc.record({ s: fc.constant(s), path: fc.constantFrom(...pathsOf(json(s))), value: anything }),
        ),
        ({ s, path, value }) => {
          const r = parseCarrierShipment(replaceAt(json(s), path, value));
          checkNeverThrows(r);
          if (r.ok) expect(quoteCarrier(r.value, example).ok).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a rate table with anything planted anywhere', () => {
    const shipment = {
      id: 's',
      shipDate: '2026-11-23',
      destination: { country: 'US', postalCode: '10001' },
      parcels: [{ id: 'p', weightGrams: 1, lengthMm: 1, widthMm: 1, heightMm: 1 }],
    };
    fc.assert(
      fc.property(
        rateTableArbitrary().chain((t) =>
          fc.record({ t: fc.constant(t), path: fc.constantFrom(...pathsOf(json(t))), value: anything }),
        ),
        ({ t, path, value }) => {
          const r = parseCarrierRateTable(replaceAt(json(t), path, value));
          checkNeverThrows(r);
          if (r.ok) expect(quoteCarrier(shipment, r.value).ok).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('quotes and policies with anything planted anywhere', () => {
    fc.assert(
      fc.property(
        fc.tuple(rateQuotesArbitrary({ maxLength: 3 }), carrierPolicyArbitrary()).chain(([q, p]) =>
          fc.record({
            q: fc.constant(q),
            p: fc.constant(p),
            qPath: fc.constantFrom(...pathsOf(json(q))),
            pPath: fc.constantFrom(...pathsOf(json(p))),
            value: anything,
          }),
        ),
        ({ q, p, qPath, pPath, value }) => {
          const quotes = parseRateQuotes(replaceAt(json(q), qPath, value));
          const policy = parseCarrierPolicy(replaceAt(json(p), pPath, value));
          checkNeverThrows(quotes);
          checkNeverThrows(policy);
          if (quotes.ok && policy.ok) {
            const r = selectCarrier(quotes.value, policy.value);
            expect(r.ok || ['no_feasible_quote', 'currency_mismatch'].includes(r.error.code)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('hostile values at the root', () => {
    for (const value of [
      null,
      undefined,
      1,
      'x',
      [],
      Number.NaN,
      { __proto__: { id: 's' } },
      JSON.parse('{"__proto__":{"id":"s"}}'),
    ]) {
      checkNeverThrows(parseCarrierShipment(value));
      checkNeverThrows(parseCarrierRateTable(value));
      checkNeverThrows(parseCarrierPolicy(value));
      expect(parseCarrierShipment(value).ok).toBe(false);
    }
    expect(parseRateQuotes({}).ok).toBe(false);
  });

  it('names the field of a cross-field problem found by the library check', () => {
    const r = parseCarrierRateTable({
      ...(json(example) as object),
      zones: [...example.zones, { country: 'US', postalPrefix: '94', zone: 'Z9' }],
    });
    expect(!r.ok && r.error.issues.map((i) => `${i.path.join('.')}:${i.code}`)).toEqual(['zones.5:invalid_rate_table']);
    const s = parseCarrierShipment({
      id: 's',
      shipDate: '2026-11-23',
      destination: { country: 'US', postalCode: '1' },
      parcels: [
        { id: 'p', weightGrams: 1, lengthMm: 1, widthMm: 1, heightMm: 1 },
        { id: 'p', weightGrams: 1, lengthMm: 1, widthMm: 1, heightMm: 1 },
      ],
    });
    expect(!s.ok && s.error.issues.map((i) => `${i.path.join('.')}:${i.code}`)).toEqual([
      'parcels.1.id:invalid_shipment',
    ]);
    const shipped = parseCarrierShipment(
      json({
        id: 's',
        shipDate: '2026-11-23',
        destination: { country: 'US', postalCode: '94107' },
        parcels: [{ id: 'p', weightGrams: 1, lengthMm: 1, widthMm: 1, heightMm: 1 }],
      }),
    );
    expect(shipped.ok && shopRates(shipped.value, [example]).ok).toBe(true);
  });
});
