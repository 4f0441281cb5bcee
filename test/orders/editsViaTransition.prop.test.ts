// Properties of edit events through transition(): the edits module's diff and balance come out
// unchanged, the history records the diff, and the order survives replay and the schemas.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSnapshot } from '../../src/money/index.js';
import { createOrder } from '../../src/orders/createOrder.js';
import { applyOrderEdits } from '../../src/orders/edits/applyOrderEdits.js';
import { applySubstitution } from '../../src/orders/edits/applySubstitution.js';
import { cancelLineQuantities } from '../../src/orders/edits/cancelLineQuantities.js';
import { replay } from '../../src/orders/replay.js';
import { transition } from '../../src/orders/transition.js';
import type { Order, OrderEvent } from '../../src/orders/types.js';
import { parseOrder } from '../../src/schemas/index.js';
import { orderEventSequenceArbitrary } from '../../src/testing/index.js';

const actor = { kind: 'user', id: 'prop' } as const;
const EDIT_EVENTS = new Set(['edit_order', 'cancel_lines', 'accept_substitution']);

/** What the edits module itself says about the event, on the order before it. */
function direct(order: Order, event: OrderEvent, now: string) {
  switch (event.type) {
    case 'edit_order':
      return applyOrderEdits(order, event.edits, { now });
    case 'cancel_lines':
      return cancelLineQuantities(order, event.lines, { now, reason: event.reason });
    case 'accept_substitution':
      return applySubstitution(order, event.lineId, event.substitute, { now });
    default:
      return undefined;
  }
}

/** Every `{ amount: number, currency }` as a snapshot `{ amount: '12.30', currency }`. */
function toSnapshots(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toSnapshots);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 2 && typeof record['amount'] === 'number' && typeof record['currency'] === 'string') {
    return toSnapshot({ amount: record['amount'], currency: record['currency'] });
  }
  return Object.fromEntries(keys.map((k) => [k, toSnapshots(record[k])]));
}

/** The generated order, created through createOrder so its history starts with `place` (replay needs it). */
function placed(order: Order): Order {
  const { version, state, history, payments, shipments, returns, approvals, hold, lines, ...header } = order;
  const created = createOrder(
    { ...header, lines: lines.map(({ quantities, ...line }) => line) },
    { now: order.timestamps.orderedAt, actor },
  );
  if (!created.ok) throw created.error;
  return created.value.order;
}

describe('edit events through transition (properties)', () => {
  it("carry the edits module's diff and balance, record the diff, and survive replay, JSON and parseOrder", () => {
    let edits = 0;
    fc.assert(
      fc.property(orderEventSequenceArbitrary({ maxLines: 3, maxNoise: 8 }), ({ order: start, events }) => {
        let order = placed(start);
        const now = start.timestamps.orderedAt;
        for (const event of events) {
          const r = transition(order, event, { now, actor });
          if (!r.ok) continue;
          const entry = r.value.order.history.at(-1);
          if (EDIT_EVENTS.has(event.type)) {
            edits += 1;
            const own = direct(order, event, now);
            if (own === undefined || !own.ok) throw new Error(`${event.type} accepted by transition, refused directly`);
            expect(r.value.diff).toEqual(own.value.diff);
            expect(r.value.balance).toEqual(own.value.balance);
            expect(entry?.diff).toBe(r.value.diff);
            const { toCollect, toRefund } = own.value.balance;
            expect(toCollect.amount === 0 || toRefund.amount === 0).toBe(true);
          } else {
            expect('diff' in r.value || 'balance' in r.value).toBe(false);
            expect(entry !== undefined && 'diff' in entry).toBe(false);
          }
          expect(r.value.order.version).toBe(order.version + 1);
          order = r.value.order;
        }
        const rebuilt = replay(JSON.parse(JSON.stringify(order.history)));
        expect(rebuilt.ok && rebuilt.value).toEqual(order);
        const json = JSON.parse(JSON.stringify(order));
        expect(parseOrder(json)).toEqual({ ok: true, value: order });
        expect(parseOrder(toSnapshots(json))).toEqual({ ok: true, value: order });
      }),
      { numRuns: 200 },
    );
    // The sequences must actually contain accepted edits, not only refusals.
    expect(edits).toBeGreaterThan(20);
  });
});
