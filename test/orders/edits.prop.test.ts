// Properties of the slice rule, cancellations and edits: slices telescope, cancelling every unit
// gives back exactly the stored amounts, no edit touches another line's discounts, edits are all or
// nothing, and the D'Hondt split equals a one-seat-at-a-time reference.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dHondt } from '../../src/orders/edits/internal/amounts.js';
import {
  applyOrderEdits,
  cancelLineQuantities,
  type LineUnitAmounts,
  lineAmountsForUnits,
} from '../../src/orders/index.js';
import type { OrderEdit, OrderLine } from '../../src/orders/types.js';
import { captured, deepFreeze, line, NOW, order, refundOf } from './editsFixtures.js';

/** A line with consistent amounts: n units, discounts summing to at most the subtotal, tax on top or inside. */
const lineArb = (id = 'l1'): fc.Arbitrary<OrderLine> =>
  fc
    .record({
      quantity: fc.integer({ min: 1, max: 40 }),
      unit: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 10_000_000 })),
      shares: fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 4 }),
      discountPermille: fc.integer({ min: 0, max: 1000 }),
      taxPermille: fc.integer({ min: 0, max: 400 }),
      inclusive: fc.boolean(),
    })
    .map(({ quantity, unit, shares, discountPermille, taxPermille, inclusive }) => {
      const subtotal = unit * quantity;
      const discountTotal = Math.floor((subtotal * discountPermille) / 1000);
      // Split the discount total over the promotions by the shares (last takes the rest).
      const weight = shares.reduce((a, b) => a + b, 0);
      const discounts: [string, number][] = [];
      let left = discountTotal;
      shares.forEach((s, i) => {
        const amount = i === shares.length - 1 ? left : weight === 0 ? 0 : Math.floor((discountTotal * s) / weight);
        discounts.push([`p${i}`, Math.min(amount, left)]);
        left -= Math.min(amount, left);
      });
      const taxed = subtotal - discounts.reduce((a, [, d]) => a + d, 0);
      const tax = inclusive
        ? Math.floor((taxed * taxPermille) / (1000 + taxPermille))
        : Math.floor((taxed * taxPermille) / 1000);
      return line({ id, sku: `SKU-${id}`, quantity, unit, discounts, tax, inclusive });
    });

function add(a: LineUnitAmounts, b: LineUnitAmounts): number[] {
  return [
    a.subtotal.amount + b.subtotal.amount,
    a.discountTotal.amount + b.discountTotal.amount,
    a.net.amount + b.net.amount,
    a.tax.amount + b.tax.amount,
    a.total.amount + b.total.amount,
    ...a.discounts.map((d, i) => d.amount.amount + (b.discounts[i]?.amount.amount ?? 0)),
  ];
}
function flat(a: LineUnitAmounts): number[] {
  return [
    a.subtotal.amount,
    a.discountTotal.amount,
    a.net.amount,
    a.tax.amount,
    a.total.amount,
    ...a.discounts.map((d) => d.amount.amount),
  ];
}
function slice(l: OrderLine, from: number, units: number): LineUnitAmounts {
  const r = lineAmountsForUnits(l, from, units);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('slices of stored amounts', () => {
  it('telescope: first k units + next m units = first k + m units', () => {
    fc.assert(
      fc.property(lineArb(), fc.nat(), fc.nat(), (l, x, y) => {
        const k = x % (l.quantity + 1);
        const m = y % (l.quantity - k + 1);
        expect(add(slice(l, 0, k), slice(l, k, m))).toEqual(flat(slice(l, 0, k + m)));
      }),
      { numRuns: 400 },
    );
  });

  it('all units are the stored amounts exactly; every slice is non-negative and consistent', () => {
    fc.assert(
      fc.property(lineArb(), fc.nat(), fc.nat(), (l, x, y) => {
        const whole = slice(l, 0, l.quantity);
        expect(whole.subtotal).toEqual(l.subtotal);
        expect(whole.discounts).toEqual(l.discounts);
        expect([whole.net, whole.tax, whole.total, whole.discountTotal]).toEqual([
          l.net,
          l.tax,
          l.total,
          l.discountTotal,
        ]);
        const from = x % l.quantity;
        const s = slice(l, from, 1 + (y % (l.quantity - from)));
        const inclusive =
          l.net.amount + l.tax.amount === l.subtotal.amount - l.discountTotal.amount && l.tax.amount > 0;
        for (const v of flat(s)) expect(v).toBeGreaterThanOrEqual(0);
        expect(s.discountTotal.amount).toBeLessThanOrEqual(s.subtotal.amount);
        expect(s.discountTotal.amount).toBe(s.discounts.reduce((a, d) => a + d.amount.amount, 0));
        expect(s.net.amount + s.tax.amount).toBe(s.total.amount);
        if (inclusive) expect(s.total.amount).toBe(s.subtotal.amount - s.discountTotal.amount);
        else expect(s.net.amount).toBe(s.subtotal.amount - s.discountTotal.amount);
      }),
      { numRuns: 400 },
    );
  });

  it("D'Hondt from lower quotas equals handing out seats one at a time (ties to the earlier party)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 200 }),
        (w, h) => {
          fc.pre(w.some((x) => x > 0));
          const seats = w.map(() => 0);
          for (let s = 0; s < h; s++) {
            let best = -1;
            for (let i = 0; i < w.length; i++) {
              if ((w[i] as number) === 0) continue;
              if (
                best < 0 ||
                (w[i] as number) * ((seats[best] as number) + 1) > (w[best] as number) * ((seats[i] as number) + 1)
              )
                best = i;
            }
            seats[best] = (seats[best] as number) + 1;
          }
          expect(dHondt(w.map(BigInt), BigInt(h)).map(Number)).toEqual(seats);
        },
      ),
    );
  });
});

describe('cancellations', () => {
  it('successive partial cancellations of all units refund exactly the line total and end with nothing due', () => {
    fc.assert(
      fc.property(lineArb(), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 40 }), (l, chunks) => {
        let o = order([l], { payments: [captured(l.total.amount)] });
        let refunded = 0;
        let left = l.quantity;
        for (const c of chunks) {
          if (left === 0) break;
          const k = Math.min(c, left);
          const r = cancelLineQuantities(o, [{ lineId: l.id, quantity: k }], { now: NOW, reason: 'r' });
          if (!r.ok) throw new Error(r.error.message);
          // The refund is exactly the slice of the last k units still ordered.
          expect(refundOf(r.value.effects)).toBe(slice(l, left - k, k).total.amount);
          refunded += refundOf(r.value.effects);
          left -= k;
          o = {
            ...r.value.order,
            payments: [{ ...captured(l.total.amount), refunded: { amount: refunded, currency: 'USD' } }],
          };
          expect(r.value.order.lines[0]?.discounts).toBe(l.discounts);
        }
        if (left > 0) {
          const r = cancelLineQuantities(o, [{ lineId: l.id, quantity: left }], { now: NOW, reason: 'r' });
          if (!r.ok) throw new Error(r.error.message);
          refunded += refundOf(r.value.effects);
          o = {
            ...r.value.order,
            payments: [{ ...captured(l.total.amount), refunded: { amount: refunded, currency: 'USD' } }],
          };
        }
        expect(refunded).toBe(l.total.amount);
        const after = applyOrderEdits(o, [], { now: NOW });
        expect(after.ok && after.value.balance).toEqual({
          toCollect: { amount: 0, currency: 'USD' },
          toRefund: { amount: 0, currency: 'USD' },
        });
      }),
      { numRuns: 300 },
    );
  });
});

const editArb = (ids: readonly string[]): fc.Arbitrary<OrderEdit> =>
  fc.oneof(
    fc.record({
      kind: fc.constant('change_quantity' as const),
      lineId: fc.constantFrom(...ids),
      quantity: fc.integer({ min: 0, max: 60 }),
    }),
    fc.record({ kind: fc.constant('remove_line' as const), lineId: fc.constantFrom(...ids) }),
    lineArb('new').map((l) => {
      const { quantities: _q, sourcing: _s, ...rest } = l;
      return { kind: 'add_line' as const, line: { ...rest, id: `n-${l.quantity}-${l.unitPrice.amount}` } };
    }),
    fc.constant({ kind: 'change_requested_date' as const, requestedDeliveryDate: '2027-01-15' }),
  );

describe('edits', () => {
  it('never change the stored discounts of a line they do not name', () => {
    fc.assert(
      fc.property(lineArb('a'), lineArb('b'), fc.array(editArb(['a']), { maxLength: 5 }), (a, b, edits) => {
        const o = deepFreeze(order([a, b], { payments: [captured(a.total.amount)] }));
        const r = applyOrderEdits(o, edits, { now: NOW });
        if (!r.ok) return;
        const other = r.value.order.lines.find((l) => l.id === 'b');
        expect(other).toBe(o.lines[1]);
        expect(r.value.diff.every((d) => d.lineId !== 'b')).toBe(true);
        // Balance: exact and one-sided.
        const { toCollect, toRefund } = r.value.balance;
        expect(toCollect.amount === 0 || toRefund.amount === 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('are all or nothing: a failing edit anywhere leaves the frozen order deep-equal and nothing returned', () => {
    fc.assert(
      fc.property(lineArb('a'), fc.array(editArb(['a']), { maxLength: 4 }), fc.nat(), (a, edits, at) => {
        const o = deepFreeze(order([a]));
        const copy = structuredClone(o);
        const list = [...edits];
        list.splice(at % (list.length + 1), 0, { kind: 'change_quantity', lineId: 'missing', quantity: 1 });
        const r = applyOrderEdits(o, list, { now: NOW });
        expect(r.ok).toBe(false);
        expect(o).toEqual(copy);
      }),
      { numRuns: 200 },
    );
  });

  it('a quantity change down then back up restores the line exactly', () => {
    fc.assert(
      fc.property(lineArb('a'), fc.nat(), (a, x) => {
        const o = order([a]);
        const down = applyOrderEdits(o, [{ kind: 'change_quantity', lineId: 'a', quantity: x % a.quantity }], {
          now: NOW,
        });
        if (!down.ok) throw new Error(down.error.message);
        const up = applyOrderEdits(down.value.order, [{ kind: 'change_quantity', lineId: 'a', quantity: a.quantity }], {
          now: NOW,
        });
        if (!up.ok) throw new Error(up.error.message);
        expect(up.value.order).toEqual(o);
      }),
    );
  });
});
