import { describe, expect, it } from 'vitest';
import { createExampleCarrier, type ShippingLabel } from '../../src/shipping/index.js';
import { deepFreeze, sfShipment } from './helpers.js';

const carrier = createExampleCarrier();
const label = (serviceId = 'ground', id = 'lbl-1', now = '2026-11-23T09:00:00Z'): ShippingLabel => {
  const r = carrier.createLabel(sfShipment, serviceId, { now, newId: () => id });
  if (!r.ok) throw r.error;
  return r.value;
};

describe('the example carrier', () => {
  it('is plainly an example and its rate table is plain, serialisable data', () => {
    const table = carrier.rateTable;
    expect(JSON.parse(JSON.stringify(table))).toEqual(table);
    expect(createExampleCarrier().rateTable).toEqual(table);
    expect(label().document.split('\n')[0]).toBe('EXAMPLE CARRIER — NOT A REAL SHIPPING LABEL');
  });

  it('labels are deterministic documents: same inputs, same label; ids come from the injected generator', () => {
    expect(label()).toEqual(label());
    const l = label('express', 'lbl-42');
    expect(l.document).toBe(
      [
        'EXAMPLE CARRIER — NOT A REAL SHIPPING LABEL',
        'CARRIER   example-parcel',
        'SERVICE   express (expedited)',
        'LABEL     lbl-42',
        `TRACKING  ${l.trackingNumber}`,
        'SHIPMENT  o-1',
        'TO        US 94107',
        'PARCELS   1  BILLABLE 1800 g',
        'SHIP      2026-11-23  ARRIVES 2026-11-24',
        'CHARGE    USD 17.10',
        'CREATED   2026-11-23T09:00:00.000Z',
        '',
      ].join('\n'),
    );
    expect(l.trackingNumber).toMatch(/^EX\d{10}$/);
    expect(label('express', 'lbl-43').trackingNumber).not.toBe(l.trackingNumber);
    let n = 0;
    const ids = () => `L${++n}`;
    const a = carrier.createLabel(sfShipment, 'ground', { now: '2026-11-23T09:00:00Z', newId: ids });
    const b = carrier.createLabel(sfShipment, 'ground', { now: '2026-11-23T09:00:00Z', newId: ids });
    expect([a.ok && a.value.id, b.ok && b.value.id]).toEqual(['L1', 'L2']);
  });

  it('tracking is a pure function of (label, now), in time order, with the schedule documented', () => {
    const l = deepFreeze(label('ground'));
    const at = (now: string) => {
      const r = carrier.trackingEvents(l, now);
      return r.ok ? r.value.map((e) => `${e.status}@${e.at.slice(5, 16)}`) : r.error.code;
    };
    expect(at('2026-11-23T08:00:00Z')).toEqual([]);
    expect(at('2026-11-23T09:00:00Z')).toEqual(['label_created@11-23T09:00']);
    expect(at('2026-11-30T00:00:00Z')).toEqual([
      'label_created@11-23T09:00',
      'picked_up@11-23T17:00',
      'in_transit@11-24T06:00',
      'out_for_delivery@11-25T08:00',
      'delivered@11-25T15:00',
    ]);
    expect(at('2026-11-30T00:00:00Z')).toEqual(at('2026-11-30T00:00:00+00:00'));
  });

  it('a label created after its pickup time still tracks in order; a weekend ship date is picked up Monday', () => {
    const late = carrier.createLabel(sfShipment, 'express', { now: '2026-11-23T20:00:00Z', newId: () => 'x' });
    if (!late.ok) throw late.error;
    const r = carrier.trackingEvents(late.value, '2026-12-01T00:00:00Z');
    expect(r.ok && r.value.map((e) => `${e.status}@${e.at.slice(5, 16)}`)).toEqual([
      'label_created@11-23T20:00',
      'picked_up@11-23T20:01',
      'out_for_delivery@11-24T08:00',
      'delivered@11-24T15:00',
    ]);
    const saturday = carrier.createLabel({ ...sfShipment, shipDate: '2026-11-28' }, 'express', {
      now: '2026-11-27T12:00:00Z',
      newId: () => 'y',
    });
    if (!saturday.ok) throw saturday.error;
    expect(saturday.value.estimatedDelivery).toBe('2026-12-01');
    const s = carrier.trackingEvents(saturday.value, '2026-12-02T00:00:00Z');
    expect(s.ok && s.value.map((e) => e.at.slice(0, 16))).toEqual([
      '2026-11-27T12:00',
      '2026-11-30T17:00',
      '2026-12-01T08:00',
      '2026-12-01T15:00',
    ]);
  });

  it('a voided label stops at the void', () => {
    const voided = { ...label('ground'), voidedAt: '2026-11-24T10:00:00.000Z' };
    const r = carrier.trackingEvents(voided, '2026-12-31T00:00:00Z');
    expect(r.ok && r.value.map((e) => e.status)).toEqual(['label_created', 'picked_up', 'in_transit', 'voided']);
  });

  it('refuses what it cannot label, with the reason', () => {
    const code = (r: ReturnType<typeof carrier.createLabel>) => (r.ok ? 'ok' : r.error.code);
    const opts = { now: '2026-11-23T09:00:00Z', newId: () => 'z' };
    expect(code(carrier.createLabel(sfShipment, 'teleport', opts))).toBe('unknown_service');
    const canada = carrier.createLabel(
      { ...sfShipment, destination: { country: 'CA', postalCode: 'H2X 1Y4' } },
      'saver',
      opts,
    );
    expect(!canada.ok && [canada.error.code, canada.error.details['reason']]).toEqual([
      'service_unavailable',
      'zone_not_served',
    ]);
    expect(code(carrier.createLabel(sfShipment, 'ground', { ...opts, now: 'now' }))).toBe('invalid_instant');
    expect(code(carrier.createLabel(sfShipment, 'ground', { ...opts, newId: () => '' }))).toBe('invalid_options');
    expect(code(carrier.createLabel(sfShipment, 'ground', { ...opts, newId: 'x' as never }))).toBe('invalid_options');
    expect(code(carrier.createLabel(sfShipment, 'ground', null as never))).toBe('invalid_options');
    expect(code(carrier.createLabel({} as never, 'ground', opts))).toBe('invalid_shipment');
    const bad = (l: unknown, now = '2026-11-24T00:00:00Z') => {
      const r = carrier.trackingEvents(l as ShippingLabel, now);
      return r.ok ? 'ok' : `${r.error.code} ${String(r.error.details['field'] ?? '')}`.trim();
    };
    expect(bad(null)).toBe('invalid_request label');
    expect(bad({ ...label(), createdAt: 'yesterday' })).toBe('invalid_request label.createdAt');
    expect(bad({ ...label(), estimatedDelivery: '2026-11-01' })).toBe('invalid_request label.estimatedDelivery');
    expect(bad(label(), 'later')).toBe('invalid_instant now');
  });

  it('bad options surface as typed errors on use, never at creation', () => {
    const odd = createExampleCarrier({ holidays: ['not a day'] });
    const r = odd.createLabel(sfShipment, 'ground', { now: '2026-11-23T09:00:00Z', newId: () => 'a' });
    expect(!r.ok && r.error.code).toBe('invalid_calendar');
  });
});

describe('the example carrier with hostile service ids', () => {
  it('answers unknown_service for a symbol or an object with a throwing toString', () => {
    const opts = { now: '2026-11-23T09:00:00Z', newId: () => 'z' };
    const hostile = {
      toString: () => {
        throw new Error('no');
      },
    };
    for (const id of [Symbol('s'), hostile, null, 7]) {
      const r = createExampleCarrier().createLabel(sfShipment, id as never, opts);
      expect(!r.ok && r.error.code).toBe('unknown_service');
    }
  });
});
