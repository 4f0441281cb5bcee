import { describe, expect, it } from 'vitest';
import { type CarrierGateway, createInMemoryCarrierGateway } from '../../src/adapters/index.js';
import type { Result } from '../../src/core/result.js';
import { createExampleCarrier, type Shipment, ShippingError } from '../../src/shipping/index.js';
import { carrierGatewayConformance } from '../../src/testing/carrierGateway.js';

const shipment: Shipment = {
  id: 'o-1',
  shipDate: '2026-11-23',
  destination: { country: 'US', postalCode: '94107' },
  parcels: [{ id: 'box-1', weightGrams: 1200, lengthMm: 300, widthMm: 200, heightMm: 150 }],
};

function fixedClock(start = '2026-11-23T09:00:00.000Z') {
  let now = start;
  return {
    clock: { now: () => now },
    set: (value: string) => {
      now = value;
    },
  };
}

describe('the CarrierGateway conformance kit against the in-memory gateway', () => {
  for (const c of carrierGatewayConformance((clock) => createInMemoryCarrierGateway({ clock }))) it(c.name, c.run);
  it('passes with two carriers and a counter id generator too', async () => {
    let n = 0;
    const cases = carrierGatewayConformance((clock) =>
      createInMemoryCarrierGateway({
        clock,
        ids: { next: (prefix = 'id') => `${prefix}-${++n}` },
        carriers: [createExampleCarrier(), createExampleCarrier({ carrierId: 'demo-post', fuelSurcharge: '0.05' })],
      }),
    );
    for (const c of cases) await c.run();
  });
});

/** Wraps a gateway and replaces some of its methods: each broken gateway must fail the kit. */
function broken(patch: (inner: CarrierGateway) => Partial<CarrierGateway>) {
  return (clock: { now: () => string }): CarrierGateway => {
    const inner = createInMemoryCarrierGateway({ clock });
    return { ...inner, ...patch(inner) };
  };
}

async function failures(factory: ReturnType<typeof broken>): Promise<string[]> {
  const failed: string[] = [];
  for (const c of carrierGatewayConformance(factory)) {
    try {
      await c.run();
    } catch (cause) {
      failed.push(`${c.name}: ${(cause as Error).message}`);
    }
  }
  return failed;
}

describe('the kit catches broken gateways', () => {
  it('a gateway that voids a label twice', async () => {
    const f = await failures(
      broken((inner) => ({
        voidLabel: async (id) => {
          const r = await inner.voidLabel(id);
          if (!r.ok && r.error.code === 'label_already_voided') {
            const t = await inner.fetchTracking(id);
            return t.ok ? { ok: true, value: r.error.details as never } : t;
          }
          return r;
        },
      })),
    );
    expect(f).toHaveLength(1);
    expect(f[0]).toMatch(/voided once.*second time.*succeeded/s);
  });

  it('a gateway whose tracking events come newest first', async () => {
    const f = await failures(
      broken((inner) => ({
        fetchTracking: async (id) => {
          const r = await inner.fetchTracking(id);
          return r.ok ? { ok: true, value: [...r.value].reverse() } : r;
        },
      })),
    );
    expect(f.some((m) => /comes before the event it follows/.test(m))).toBe(true);
  });

  it('a gateway that reports events ahead of time', async () => {
    const f = await failures(
      broken((inner) => ({
        fetchTracking: async (id) => {
          const r = await inner.fetchTracking(id);
          return r.ok
            ? {
                ok: true,
                value: [...r.value, { at: '2099-01-01T00:00:00.000Z', status: 'delivered', description: '' }],
              }
            : r;
        },
      })),
    );
    expect(f.some((m) => /in the future/.test(m))).toBe(true);
  });

  it('a gateway whose quotes drift between calls', async () => {
    let calls = 0;
    const f = await failures(
      broken((inner) => ({
        quoteRates: async (s) => {
          const r = await inner.quoteRates(s);
          calls += 1;
          return r.ok
            ? {
                ok: true,
                value: r.value.map((q) => ({ ...q, price: { ...q.price, amount: q.price.amount + (calls % 2) } })),
              }
            : r;
        },
      })),
    );
    expect(f.some((m) => /different quotes for the same shipment/.test(m))).toBe(true);
  });

  it('a gateway that throws on an unknown label instead of returning a typed error', async () => {
    const f = await failures(
      broken((inner) => ({
        fetchTracking: async (id) => {
          const r = await inner.fetchTracking(id);
          if (!r.ok) throw new TypeError('Cannot read properties of undefined');
          return r;
        },
      })),
    );
    expect(f).toEqual([expect.stringMatching(/unknown label.*rejected its promise/s)]);
  });

  it('a gateway that ignores idempotency keys', async () => {
    const f = await failures(
      broken((inner) => ({
        createShipment: async (request) => {
          const { idempotencyKey: _ignored, ...rest } = request;
          return inner.createShipment(rest);
        },
      })),
    );
    expect(f).toEqual([expect.stringMatching(/idempotent retry.*bought another label/s)]);
  });

  it('a gateway that charges more than it quoted', async () => {
    const f = await failures(
      broken((inner) => ({
        createShipment: async (request) => {
          const r = await inner.createShipment(request);
          return r.ok
            ? { ok: true, value: { ...r.value, price: { ...r.value.price, amount: r.value.price.amount + 100 } } }
            : r;
        },
      })),
    );
    expect(f.some((m) => /costs .* the quote/.test(m))).toBe(true);
  });
});

describe('createInMemoryCarrierGateway', () => {
  it('quotes, buys, tracks and voids with the example carrier', async () => {
    const time = fixedClock();
    const gateway = createInMemoryCarrierGateway({ clock: time.clock });
    const quotes = await gateway.quoteRates(shipment);
    expect(quotes.ok && quotes.value.map((q) => [q.id, q.price.amount, q.estimatedDelivery])).toEqual([
      ['example-parcel:express', 1710, '2026-11-24'],
      ['example-parcel:ground', 855, '2026-11-25'],
      ['example-parcel:saver', 675, '2026-11-27'],
    ]);
    const label = await gateway.createShipment({ shipment, carrierId: 'example-parcel', serviceId: 'ground' });
    expect(label.ok && [label.value.id, label.value.createdAt, label.value.price.amount]).toEqual([
      'label-1',
      '2026-11-23T09:00:00.000Z',
      855,
    ]);
    time.set('2026-11-25T16:00:00Z');
    const events = await gateway.fetchTracking('label-1');
    expect(events.ok && events.value.map((e) => `${e.status}@${e.at}`)).toEqual([
      'label_created@2026-11-23T09:00:00.000Z',
      'picked_up@2026-11-23T17:00:00.000Z',
      'in_transit@2026-11-24T06:00:00.000Z',
      'out_for_delivery@2026-11-25T08:00:00.000Z',
      'delivered@2026-11-25T15:00:00.000Z',
    ]);
    const voided = await gateway.voidLabel('label-1');
    expect(voided.ok && voided.value.voidedAt).toBe('2026-11-25T16:00:00.000Z');
    const again = await gateway.voidLabel('label-1');
    expect(!again.ok && again.error).toBeInstanceOf(ShippingError);
    expect(!again.ok && again.error.code).toBe('label_already_voided');
  });

  it('hands out copies: changing a returned label does not change the gateway', async () => {
    const gateway = createInMemoryCarrierGateway({ clock: fixedClock().clock });
    const label = await gateway.createShipment({ shipment, carrierId: 'example-parcel', serviceId: 'ground' });
    if (!label.ok) throw label.error;
    (label.value as { voidedAt?: string }).voidedAt = '2026-11-23T10:00:00Z';
    expect((await gateway.voidLabel(label.value.id)).ok).toBe(true);
  });

  it('refuses bad requests with typed errors, never a rejection', async () => {
    const gateway = createInMemoryCarrierGateway({ clock: fixedClock().clock });
    const code = (r: Result<unknown, ShippingError>) => (r.ok ? 'ok' : r.error.code);
    expect(code(await gateway.quoteRates(null as never))).toBe('invalid_shipment');
    expect(code(await gateway.createShipment(null as never))).toBe('invalid_request');
    expect(code(await gateway.createShipment({ shipment, carrierId: 'nope', serviceId: 'ground' }))).toBe(
      'unknown_carrier',
    );
    expect(code(await gateway.createShipment({ shipment, carrierId: 'example-parcel', serviceId: 'nope' }))).toBe(
      'unknown_service',
    );
    const toHawaii = { ...shipment, destination: { country: 'US', postalCode: '96813' } };
    const r = await gateway.createShipment({ shipment: toHawaii, carrierId: 'example-parcel', serviceId: 'ground' });
    expect(code(r)).toBe('service_unavailable');
    expect(!r.ok && r.error.details['reason']).toBe('destination_restricted');
    expect(code(await gateway.voidLabel(42 as never))).toBe('unknown_label');
    expect(code(await gateway.fetchTracking('__proto__'))).toBe('unknown_label');
    await gateway.createShipment({ shipment, carrierId: 'example-parcel', serviceId: 'ground', idempotencyKey: 'k' });
    expect(
      code(
        await gateway.createShipment({
          shipment,
          carrierId: 'example-parcel',
          serviceId: 'express',
          idempotencyKey: 'k',
        }),
      ),
    ).toBe('invalid_request');
  });

  it('a clock that returns garbage is a typed error', async () => {
    const gateway = createInMemoryCarrierGateway({ clock: { now: () => 'tuesday' } });
    const r = await gateway.createShipment({ shipment, carrierId: 'example-parcel', serviceId: 'ground' });
    expect(!r.ok && r.error.code).toBe('invalid_instant');
  });
});
