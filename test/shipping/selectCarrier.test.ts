import { describe, expect, it } from 'vitest';
import { money } from '../../src/money/index.js';
import { type RateQuote, type ServiceLevel, selectCarrier } from '../../src/shipping/index.js';
import { deepFreeze } from './helpers.js';

const quote = (
  id: string,
  price: string,
  estimatedDelivery: string,
  extra: Partial<RateQuote> & { serviceLevel?: ServiceLevel } = {},
): RateQuote => ({
  id,
  carrierId: id.split(':')[0] ?? id,
  serviceId: id.split(':')[1] ?? 'std',
  serviceLevel: 'standard',
  price: money(price, 'USD'),
  transitDays: 2,
  estimatedDelivery,
  billableWeightGrams: 1000,
  ...extra,
});

const ids = (r: ReturnType<typeof selectCarrier>) =>
  r.ok
    ? r.value.decisions.map((d) => `${d.quoteId}:${d.outcome}:${d.decidedBy ?? d.rejections.join('+')}`)
    : r.error.code;

describe('selectCarrier', () => {
  const quotes = deepFreeze([
    quote('acme:eco', '6.00', '2026-11-30', { serviceLevel: 'economy', transitDays: 5 }),
    quote('acme:exp', '15.00', '2026-11-24', { serviceLevel: 'expedited', transitDays: 1 }),
    quote('bolt:std', '8.00', '2026-11-26'),
    quote('cargo:std', '8.00', '2026-11-25'),
  ]);

  it('cheapest: price first, then the earlier delivery breaks the 8.00 tie', () => {
    const r = selectCarrier(quotes, {});
    expect(r.ok && r.value.chosen.id).toBe('acme:eco');
    const late = selectCarrier(quotes, { mustArriveBy: '2026-11-27' });
    expect(late.ok && late.value.reason).toEqual({
      objective: 'cheapest',
      decidedBy: 'estimated_delivery',
      runnerUp: 'bolt:std',
      feasible: 3,
      rejected: 1,
    });
    expect(ids(late)).toEqual([
      'cargo:std:chosen:',
      'bolt:std:outranked:estimated_delivery',
      'acme:exp:outranked:price',
      'acme:eco:rejected:arrives_too_late',
    ]);
  });

  it('fastest: the earliest delivery, whatever it costs', () => {
    const r = selectCarrier(quotes, { objective: 'fastest' });
    expect(ids(r)).toEqual([
      'acme:exp:chosen:',
      'cargo:std:outranked:estimated_delivery',
      'bolt:std:outranked:estimated_delivery',
      'acme:eco:outranked:estimated_delivery',
    ]);
  });

  it('lists every constraint a quote breaks, in the documented order', () => {
    const r = selectCarrier(quotes, {
      minServiceLevel: 'standard',
      serviceLevels: ['standard', 'overnight'],
      excludeCarriers: ['bolt'],
      carriers: ['acme', 'cargo'],
      maxPrice: money('10.00', 'USD'),
      mustArriveBy: '2026-11-25',
      maxBillableWeightGrams: 1000,
    });
    expect(ids(r)).toEqual([
      'cargo:std:chosen:',
      'acme:eco:rejected:service_level_not_allowed+service_level_too_low+arrives_too_late',
      'acme:exp:rejected:service_level_not_allowed+over_max_price',
      'bolt:std:rejected:carrier_not_allowed+carrier_excluded+arrives_too_late',
    ]);
    const heavy = selectCarrier(quotes, { maxBillableWeightGrams: 999 });
    expect(!heavy.ok && heavy.error.code).toBe('no_feasible_quote');
  });

  it('breaks full ties on service level, then carrier, service and quote id — never on input order', () => {
    const same = [
      quote('b:x', '5.00', '2026-11-25'),
      quote('a:y', '5.00', '2026-11-25'),
      quote('a:x', '5.00', '2026-11-25'),
      quote('a:x#2', '5.00', '2026-11-25', { carrierId: 'a', serviceId: 'x' }),
      quote('c:x', '5.00', '2026-11-25', { serviceLevel: 'expedited' }),
      quote('d:x', '5.00', '2026-11-25', { transitDays: 1 }),
    ];
    const expected = [
      'd:x:chosen:',
      'c:x:outranked:transit_days',
      'a:x:outranked:transit_days',
      'a:x#2:outranked:transit_days',
      'a:y:outranked:transit_days',
      'b:x:outranked:transit_days',
    ];
    expect(ids(selectCarrier(same, {}))).toEqual(expected);
    expect(ids(selectCarrier([...same].reverse(), {}))).toEqual(expected);
    const noFast = same.filter((q) => q.id !== 'd:x');
    const r = selectCarrier(noFast, {});
    expect(r.ok && [r.value.chosen.id, r.value.reason.decidedBy]).toEqual(['c:x', 'service_level']);
    const plain = noFast.filter((q) => q.id !== 'c:x');
    const r2 = selectCarrier(plain, {});
    expect(r2.ok && [r2.value.chosen.id, r2.value.reason.decidedBy, r2.value.reason.runnerUp]).toEqual([
      'a:x',
      'quote_id',
      'a:x#2',
    ]);
  });

  it('a price cap in another currency than the policy is a policy error; quotes in other currencies are rejected', () => {
    const eur = { ...quote('eu:std', '4.00', '2026-11-25'), price: money('4.00', 'EUR') };
    const mixed = selectCarrier([...quotes, eur], {});
    expect(!mixed.ok && mixed.error.code).toBe('currency_mismatch');
    const r = selectCarrier([...quotes, eur], { maxPrice: money('7.00', 'EUR') });
    expect(ids(r)).toEqual([
      'eu:std:chosen:',
      'acme:eco:rejected:currency_mismatch',
      'acme:exp:rejected:currency_mismatch',
      'bolt:std:rejected:currency_mismatch',
      'cargo:std:rejected:currency_mismatch',
    ]);
  });

  it('an empty list has nothing to choose', () => {
    const r = selectCarrier([], {});
    expect(!r.ok && [r.error.code, r.error.details['decisions']]).toEqual(['no_feasible_quote', []]);
  });

  it('hostile input gets typed errors naming the field', () => {
    const code = (q: unknown, p?: unknown) => {
      const r = selectCarrier(q as RateQuote[], p as never);
      return r.ok ? 'ok' : `${r.error.code} ${String(r.error.details['field'] ?? '')}`.trim();
    };
    const good = quotes[0] as RateQuote;
    expect(code(null)).toBe('invalid_quote quotes');
    expect(code([null])).toBe('invalid_quote quotes[0]');
    expect(code([{ ...good, price: { amount: -1, currency: 'USD' } }])).toBe('invalid_quote quotes[0].price');
    expect(code([{ ...good, price: { amount: 1, currency: 'NOPE' } }])).toBe('invalid_quote quotes[0].price');
    expect(code([{ ...good, serviceLevel: 'teleport' }])).toBe('invalid_quote quotes[0].serviceLevel');
    expect(code([{ ...good, transitDays: Number.NaN }])).toBe('invalid_quote quotes[0].transitDays');
    expect(code([{ ...good, estimatedDelivery: '2026-11-31' }])).toBe('invalid_quote quotes[0].estimatedDelivery');
    expect(code([good, good])).toBe('duplicate_quote quotes[1].id');
    expect(code([good], null)).toBe('invalid_policy policy');
    expect(code([good], { minServiceLevel: 'premium' })).toBe('invalid_policy policy.minServiceLevel');
    expect(code([good], { serviceLevels: ['standard', 3] })).toBe('invalid_policy policy.serviceLevels[1]');
    expect(code([good], { carriers: [''] })).toBe('invalid_policy policy.carriers[0]');
    expect(code([good], { mustArriveBy: 'soon' })).toBe('invalid_policy policy.mustArriveBy');
    expect(code([good], { maxBillableWeightGrams: -1 })).toBe('invalid_policy policy.maxBillableWeightGrams');
    expect(code([good], { currency: 'ZZZ' })).toBe('invalid_policy policy.currency');
    expect(code([good])).toBe('ok');
  });
});
