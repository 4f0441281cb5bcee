import { describe, expect, it } from 'vitest';
import { estimateDelivery, parcelWeights } from '../../src/shipping/index.js';
import { deepFreeze } from './helpers.js';

const day = (r: ReturnType<typeof estimateDelivery>) => (r.ok ? r.value : r.error.code);

describe('estimateDelivery', () => {
  it('counts working days from the pickup day (Monday to Friday by default)', () => {
    expect(day(estimateDelivery('2026-11-23', 0))).toBe('2026-11-23'); // Monday, same day
    expect(day(estimateDelivery('2026-11-23', 1))).toBe('2026-11-24');
    expect(day(estimateDelivery('2026-11-23', 4))).toBe('2026-11-27'); // Friday
    expect(day(estimateDelivery('2026-11-23', 5))).toBe('2026-11-30'); // skips the weekend
    expect(day(estimateDelivery('2026-11-27', 1))).toBe('2026-11-30');
  });

  it('moves a weekend or holiday ship date to the next working day before counting', () => {
    expect(day(estimateDelivery('2026-11-21', 0))).toBe('2026-11-23'); // Saturday → Monday
    expect(day(estimateDelivery('2026-11-22', 1))).toBe('2026-11-24'); // Sunday → Monday + 1
    expect(day(estimateDelivery('2026-12-25', 0, { holidays: ['2026-12-25'] }))).toBe('2026-12-28');
  });

  it('skips holidays in transit, and honours another weekend', () => {
    const thanksgiving = { holidays: ['2026-11-26', '2026-11-27'] };
    expect(day(estimateDelivery('2026-11-25', 1, thanksgiving))).toBe('2026-11-30');
    // A six-day week (only Sunday off): Saturday counts.
    expect(day(estimateDelivery('2026-11-27', 1, { weekend: [7] }))).toBe('2026-11-28');
    // Friday to Monday off: Thursday + 1 is the next Tuesday.
    expect(day(estimateDelivery('2026-11-26', 1, { weekend: [5, 6, 7, 1] }))).toBe('2026-12-01');
    // Crosses a year end and a leap day.
    expect(day(estimateDelivery('2027-12-31', 1))).toBe('2028-01-03');
    expect(day(estimateDelivery('2028-02-28', 1))).toBe('2028-02-29');
  });

  it('refuses bad input with a typed error, never a TypeError, and leaves a frozen calendar alone', () => {
    expect(day(estimateDelivery('2026-02-30', 1))).toBe('invalid_date');
    expect(day(estimateDelivery('2026-11-23T00:00:00Z', 1))).toBe('invalid_date');
    expect(day(estimateDelivery(null as never, 1))).toBe('invalid_date');
    expect(day(estimateDelivery('2026-11-23', -1))).toBe('invalid_options');
    expect(day(estimateDelivery('2026-11-23', 1.5))).toBe('invalid_options');
    expect(day(estimateDelivery('2026-11-23', Number.NaN))).toBe('invalid_options');
    expect(day(estimateDelivery('2026-11-23', 366))).toBe('invalid_options');
    expect(day(estimateDelivery('2026-11-23', 1, { weekend: [1, 2, 3, 4, 5, 6, 7] }))).toBe('invalid_calendar');
    expect(day(estimateDelivery('2026-11-23', 1, { weekend: [0] }))).toBe('invalid_calendar');
    expect(day(estimateDelivery('2026-11-23', 1, { holidays: ['tomorrow'] }))).toBe('invalid_calendar');
    expect(day(estimateDelivery('2026-11-23', 1, 'weekdays' as never))).toBe('invalid_calendar');
    const calendar = deepFreeze({ weekend: [6, 7], holidays: ['2026-11-24'] });
    expect(day(estimateDelivery('2026-11-23', 1, calendar))).toBe('2026-11-25');
    const r = estimateDelivery('2026-11-23', -1);
    expect(!r.ok && r.error.details['field']).toBe('transitDays');
  });

  it('terminates on a calendar with many holidays in a row', () => {
    const holidays = Array.from({ length: 400 }, (_, i) =>
      new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
    );
    expect(day(estimateDelivery('2026-01-01', 0, { holidays }))).toBe('2027-02-05');
  });
});

describe('parcelWeights', () => {
  const box = { id: 'b', weightGrams: 1200, lengthMm: 300, widthMm: 200, heightMm: 150 };

  it('worked examples: 9000 cm³ at 5000 is 1.8 kg; a dense parcel bills its actual weight', () => {
    expect(parcelWeights(box, 5000)).toEqual({
      ok: true,
      value: { actualGrams: 1200, dimensionalGrams: 1800, billableGrams: 1800 },
    });
    expect(parcelWeights({ ...box, weightGrams: 5000 }, 5000)).toEqual({
      ok: true,
      value: { actualGrams: 5000, dimensionalGrams: 1800, billableGrams: 5000 },
    });
    // 9000 cm³ / 6000 = 1.5 kg; / 7000 = 1.2857… kg → 1286 g (rounded up to the gram).
    expect(parcelWeights(box, 6000).ok && parcelWeights(box, 6000)).toMatchObject({
      value: { dimensionalGrams: 1500 },
    });
    expect(parcelWeights(box, 7000)).toMatchObject({ value: { dimensionalGrams: 1286 } });
    // 1 mm³ still weighs a gram.
    expect(parcelWeights({ ...box, lengthMm: 1, widthMm: 1, heightMm: 1 }, 5000)).toMatchObject({
      value: { dimensionalGrams: 1 },
    });
  });

  it('stays exact at the largest sides (10¹⁵ mm³)', () => {
    const huge = { ...box, lengthMm: 100_000, widthMm: 100_000, heightMm: 100_000 };
    expect(parcelWeights(huge, 7)).toMatchObject({ value: { dimensionalGrams: 142_857_142_857_143 } });
    expect(parcelWeights(huge, 1)).toMatchObject({ value: { dimensionalGrams: 1e15 } });
  });

  it('refuses bad parcels and divisors by field', () => {
    const field = (r: ReturnType<typeof parcelWeights>) =>
      r.ok ? 'ok' : `${r.error.code}:${r.error.details['field']}`;
    expect(field(parcelWeights({ ...box, weightGrams: 0 }, 5000))).toBe('invalid_shipment:parcel.weightGrams');
    expect(field(parcelWeights({ ...box, heightMm: 100_001 }, 5000))).toBe('invalid_shipment:parcel.heightMm');
    expect(field(parcelWeights({ ...box, widthMm: '200' as never }, 5000))).toBe('invalid_shipment:parcel.widthMm');
    expect(field(parcelWeights(undefined as never, 5000))).toBe('invalid_shipment:parcel');
    expect(field(parcelWeights(box, 0))).toBe('invalid_options:dimDivisor');
    expect(field(parcelWeights(box, Number.POSITIVE_INFINITY))).toBe('invalid_options:dimDivisor');
  });
});
