import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSnapshot } from '../../src/money/index.js';
import type { Order } from '../../src/orders/types.js';
import { parseOrder, parseOrderDraft, parseOrderEdit, parseOrderEvent } from '../../src/schemas/index.js';
import {
  orderArbitrary,
  orderDraftArbitrary,
  orderEventArbitrary,
  orderEventSequenceArbitrary,
  orderLineArbitrary,
} from '../../src/testing/index.js';

const json = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

/** Every `{ amount: <number>, currency }` turned into the snapshot form `{ amount: '12.30', currency }`. */
function toSnapshots(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toSnapshots);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as { amount?: unknown; currency?: unknown };
  if (typeof record.amount === 'number' && typeof record.currency === 'string' && Object.keys(record).length === 2) {
    return toSnapshot({ amount: record.amount, currency: record.currency });
  }
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, toSnapshots(v)]));
}

const currencies = fc.constantFrom('USD', 'EUR', 'JPY', 'KWD');

describe('order arbitraries produce what the schemas accept', () => {
  it('every generated order parses to itself, from JSON and from money snapshots', () => {
    fc.assert(
      fc.property(
        currencies.chain((currency) => orderArbitrary({ currency, minLines: 0, maxLines: 6 })),
        (order) => {
          const fromJson = parseOrder(json(order));
          expect(fromJson).toEqual({ ok: true, value: order });
          expect(parseOrder(toSnapshots(json(order)))).toEqual({ ok: true, value: order });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('generated orders keep the money identities on every line and one currency throughout', () => {
    fc.assert(
      fc.property(orderArbitrary(), (order: Order) => {
        for (const line of order.lines) {
          expect(line.subtotal.amount).toBe(line.unitPrice.amount * line.quantity);
          expect(line.discountTotal.amount).toBeLessThanOrEqual(line.subtotal.amount);
          expect(line.discounts.reduce((s, d) => s + d.amount.amount, 0)).toBe(line.discountTotal.amount);
          expect(line.discounts.every((d) => d.amount.amount > 0)).toBe(true);
          expect(new Set(line.discounts.map((d) => d.promotionId)).size).toBe(line.discounts.length);
          expect(line.net.amount).toBe(line.subtotal.amount - line.discountTotal.amount);
          expect(line.tax.amount).toBeGreaterThanOrEqual(0);
          expect(line.total.amount).toBe(line.net.amount + line.tax.amount);
          expect(Object.values(line.quantities).every((q) => q === 0)).toBe(true);
        }
        expect(order.state).toBe('placed');
      }),
      { numRuns: 200 },
    );
  });

  it('every generated line, draft and event parses to itself after a JSON round trip', () => {
    fc.assert(
      fc.property(orderDraftArbitrary({ minLines: 0 }), (draft) => {
        expect(parseOrderDraft(json(draft))).toEqual({ ok: true, value: draft });
      }),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(
        orderArbitrary().chain((order) => fc.array(orderEventArbitrary(order), { maxLength: 20 })),
        (events) => {
          for (const event of events) expect(parseOrderEvent(json(event))).toEqual({ ok: true, value: event });
        },
      ),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(orderLineArbitrary({ currency: 'EUR' }), (line) => {
        const { quantities: _, sourcing: __, ...draftLine } = line;
        expect(parseOrderEdit(json({ kind: 'add_line', line: draftLine }))).toEqual({
          ok: true,
          value: { kind: 'add_line', line: draftLine },
        });
      }),
      { numRuns: 100 },
    );
  });

  it('every event of a generated sequence parses to itself, and the script names only real lines', () => {
    fc.assert(
      fc.property(
        orderEventSequenceArbitrary({ maxNoise: 4 }),
        orderEventSequenceArbitrary({ maxNoise: 0 }),
        (noisy, plain) => {
          for (const event of noisy.events) expect(parseOrderEvent(json(event))).toEqual({ ok: true, value: event });
          const ids = new Set(plain.order.lines.map((l) => l.id));
          for (const event of plain.events) {
            expect(parseOrderEvent(json(event)).ok).toBe(true);
            if ('lines' in event) for (const l of event.lines) expect(ids.has(l.lineId)).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('unplanned sequences still follow the lifecycle: never more units shipped or returned than allocated', () => {
    fc.assert(
      fc.property(orderEventSequenceArbitrary({ maxNoise: 0 }), ({ order, events }) => {
        const allocated = new Map<string, number>();
        const shipped = new Map<string, number>();
        for (const event of events) {
          if (event.type === 'allocate')
            for (const l of event.lines) allocated.set(l.lineId, (allocated.get(l.lineId) ?? 0) + l.quantity);
          if (event.type === 'create_shipment')
            for (const l of event.lines) shipped.set(l.lineId, (shipped.get(l.lineId) ?? 0) + l.quantity);
          if (event.type === 'request_return')
            for (const l of event.lines) expect(l.quantity).toBeLessThanOrEqual(shipped.get(l.lineId) ?? 0);
        }
        for (const line of order.lines) {
          expect(shipped.get(line.id) ?? 0).toBeLessThanOrEqual(allocated.get(line.id) ?? 0);
          expect(allocated.get(line.id) ?? 0).toBeLessThanOrEqual(line.quantity);
        }
        const authorized = events.find((e) => e.type === 'authorize_payment');
        if (authorized?.type === 'authorize_payment') {
          const captured = events.flatMap((e) => (e.type === 'capture_payment' ? [e.amount.amount] : []));
          expect(captured.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(authorized.amount.amount);
        }
      }),
      { numRuns: 200 },
    );
  });
});
