// Worked examples (numbers checked by hand), regressions and hostile input for edits, partial
// cancellations, backorder planning and substitutions.
import { describe, expect, it } from 'vitest';
import { toDecimal } from '../../src/money/index.js';
import {
  applyOrderEdits,
  applySubstitution,
  cancelLineQuantities,
  lineAmountsForUnits,
  OrderEditError,
  orderBalance,
  planAllocation,
  proposeSubstitutions,
} from '../../src/orders/index.js';
import type { Order, OrderEdit } from '../../src/orders/types.js';
import { captured, cents, deepFreeze, line, NOW, order, refundOf, usd } from './editsFixtures.js';

function value<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}
function error(r: { ok: boolean; error?: unknown }): OrderEditError {
  expect(r.ok).toBe(false);
  expect(r.error).toBeInstanceOf(OrderEditError);
  return r.error as OrderEditError;
}

// A 3-unit line at 10.00 with a 1.00 share of an order-level discount, fully paid (29.00).
const threeUnits = line({ id: 'l1', sku: 'MUG', quantity: 3, unit: 1000, discounts: [['order10', 100]] });

describe('lineAmountsForUnits (worked)', () => {
  it('splits a 1.00 discount share over 3 units as 0.33 / 0.33 / 0.34, the rounding on the last unit', () => {
    // Subtotal prefix ⌊3000·k/3⌋ = 1000k; D'Hondt over net 2900 and discount 100:
    // k=1: lower quotas 966 + 33 = 999, the last cent to net (2900/967 > 100/34) → net 967, disc 33.
    // k=2: 1933 + 66 = 1999, last cent to net (2900/1934 > 100/67) → net 1934, disc 66.
    const slices = [0, 1, 2].map((u) => value(lineAmountsForUnits(threeUnits, u, 1)));
    expect(slices.map((s) => toDecimal(s.discountTotal))).toEqual(['0.33', '0.33', '0.34']);
    expect(slices.map((s) => toDecimal(s.net))).toEqual(['9.67', '9.67', '9.66']);
    expect(slices.map((s) => s.subtotal.amount)).toEqual([1000, 1000, 1000]);
    expect(slices[2]?.discounts).toEqual([{ promotionId: 'order10', amount: usd('0.34') }]);
  });

  it('taxes on top: tax prefix ⌊tax·k/n⌋, total = net + tax', () => {
    const l = line({ id: 'l1', quantity: 3, unit: 1000, discounts: [['p', 100]], tax: 290 });
    const s = value(lineAmountsForUnits(l, 0, 2));
    // tax ⌊290·2/3⌋ = 193; net 1934 as above.
    expect([s.tax.amount, s.net.amount, s.total.amount]).toEqual([193, 1934, 2127]);
    const rest = value(lineAmountsForUnits(l, 2, 1));
    expect([rest.tax.amount, rest.total.amount]).toEqual([97, 1063]);
  });

  it('tax-inclusive lines split the gross among net, tax and discounts; total = subtotal − discounts', () => {
    // 2 × 11.90 gross, 19 % VAT inside: tax 3.80, net 20.00.
    const l = line({ id: 'l1', quantity: 2, unit: 1190, tax: 380, inclusive: true });
    const s = value(lineAmountsForUnits(l, 1, 1));
    expect([s.subtotal.amount, s.net.amount, s.tax.amount, s.total.amount]).toEqual([1190, 1000, 190, 1190]);
  });

  it('refuses a range outside the line and a line whose amounts do not add up', () => {
    expect(error(lineAmountsForUnits(threeUnits, 2, 2)).code).toBe('invalid_quantity');
    expect(error(lineAmountsForUnits(threeUnits, -1, 1)).code).toBe('invalid_quantity');
    expect(error(lineAmountsForUnits(threeUnits, 0, Number.NaN)).code).toBe('invalid_quantity');
    const bad = { ...threeUnits, net: usd('28.00') };
    const e = error(lineAmountsForUnits(bad, 0, 1));
    expect(e.code).toBe('inconsistent_amounts');
    expect(e.details['field']).toBe('line.total');
  });
});

describe('cancelLineQuantities (worked)', () => {
  it('cancelling a 3-unit line one unit at a time refunds 9.66, 9.67, 9.67 — exactly the 29.00 paid', () => {
    let o = order([threeUnits], { payments: [captured(2900)] });
    const refunds: number[] = [];
    for (let i = 0; i < 3; i++) {
      const out = value(cancelLineQuantities(o, [{ lineId: 'l1', quantity: 1 }], { now: NOW, reason: 'customer' }));
      refunds.push(refundOf(out.effects));
      // The host records the refund (as the refund_payment transition would).
      const refunded = o.payments[0]?.refunded.amount ?? 0;
      o = { ...out.order, payments: [{ ...captured(2900), refunded: cents(refunded + (refunds[i] ?? 0)) }] };
      // The stored amounts never change: a cancellation is a count, amounts are slices of them.
      expect(out.order.lines[0]?.discounts).toEqual(threeUnits.discounts);
      expect(out.order.lines[0]?.total).toEqual(threeUnits.total);
    }
    expect(refunds).toEqual([966, 967, 967]);
    expect(refunds.reduce((a, b) => a + b)).toBe(threeUnits.total.amount);
    expect(o.lines[0]?.quantities.cancelled).toBe(3);
  });

  it('regression: a cancellation never re-spreads an order discount over the other lines', () => {
    // 10.00 off the order, stored as 2.00 / 0.50 / 7.50 (as pricing allocated it).
    const a = line({ id: 'a', quantity: 1, unit: 1000, discounts: [['ten', 200]] });
    const b = line({ id: 'b', quantity: 1, unit: 501, discounts: [['ten', 50]] });
    const c = line({ id: 'c', quantity: 1, unit: 3750, discounts: [['ten', 750]] });
    const o = order([a, b, c], { payments: [captured(4251)] });
    const out = value(cancelLineQuantities(o, [{ lineId: 'b', quantity: 1 }], { now: NOW, reason: 'oos' }));
    expect(out.order.lines.map((l) => l.discounts)).toEqual([a.discounts, b.discounts, c.discounts]);
    // b's own total (5.01 − 0.50) comes back; a re-spread would have changed a and c instead.
    expect(toDecimal(out.balance.toRefund)).toBe('4.51');
    expect(refundOf(out.effects)).toBe(451);
  });

  it('regression: a line discounted to zero by two promotions never yields a negative slice', () => {
    // 3 × 0.01 with 0.01 + 0.02 off: separately floored shares would give the last unit 0.02 off a 0.01 unit.
    const l = line({
      id: 'l1',
      quantity: 3,
      unit: 1,
      discounts: [
        ['a', 1],
        ['b', 2],
      ],
    });
    for (let u = 0; u < 3; u++) {
      const s = value(lineAmountsForUnits(l, u, 1));
      expect(s.discountTotal.amount).toBeLessThanOrEqual(s.subtotal.amount);
      expect(s.net.amount).toBe(0);
      for (const d of s.discounts) expect(d.amount.amount).toBeGreaterThanOrEqual(0);
    }
  });

  it('takes unallocated (backordered first) units before allocated ones, and releases those at the line location', () => {
    const l = line({
      id: 'l1',
      quantity: 5,
      unit: 100,
      quantities: { allocated: 2, backordered: 2 },
      extra: { locationId: 'WH1', expectedAvailableAt: '2026-12-01T00:00:00Z' },
    });
    const o = order([l]);
    const two = value(cancelLineQuantities(o, [{ lineId: 'l1', quantity: 2 }], { now: NOW, reason: 'r' }));
    expect(two.order.lines[0]?.quantities).toMatchObject({ cancelled: 2, allocated: 2, backordered: 0 });
    expect(two.order.lines[0]?.expectedAvailableAt).toBeUndefined();
    expect(two.effects.some((e) => e.type === 'release_stock')).toBe(false);
    const four = value(cancelLineQuantities(o, [{ lineId: 'l1', quantity: 4 }], { now: NOW, reason: 'r' }));
    expect(four.order.lines[0]?.quantities).toMatchObject({ cancelled: 4, allocated: 1, backordered: 0 });
    expect(four.effects[0]).toEqual({
      type: 'release_stock',
      orderId: 'o-1',
      lines: [{ lineId: 'l1', sku: 'SKU-l1', quantity: 1, locationId: 'WH1' }],
    });
    expect(four.effects.at(-1)).toEqual({
      type: 'notify_customer',
      orderId: 'o-1',
      message: { kind: 'lines_cancelled', lines: [{ lineId: 'l1', quantity: 4 }], reason: 'r' },
    });
  });

  it('never cancels units shipped, picked or in a shipment; refunds only what was captured', () => {
    const l = line({ id: 'l1', quantity: 4, unit: 500, quantities: { allocated: 3, shipped: 1 } });
    const o = order([l], {
      payments: [captured(700)],
      shipments: [{ id: 's1', state: 'picking', lines: [{ lineId: 'l1', quantity: 2 }] }],
    });
    // Committed: max(shipped 1, picked 0, in shipments 2) = 2 → 2 cancellable.
    const e = error(cancelLineQuantities(o, [{ lineId: 'l1', quantity: 3 }], { now: NOW, reason: 'r' }));
    expect(e.code).toBe('invalid_quantity');
    expect(e.details['cancellable']).toBe(2);
    const out = value(cancelLineQuantities(o, [{ lineId: 'l1', quantity: 2 }], { now: NOW, reason: 'r' }));
    // Due falls from 20.00 to 10.00; 7.00 captured → nothing to refund, 3.00 still to collect.
    expect(refundOf(out.effects)).toBe(0);
    expect(toDecimal(out.balance.toCollect)).toBe('3.00');
    const done = { ...out.order };
    expect(error(cancelLineQuantities(done, [{ lineId: 'l1', quantity: 1 }], { now: NOW, reason: 'r' })).code).toBe(
      'nothing_to_cancel',
    );
  });

  it('refunds only the part of the decrease that is captured, not an earlier unrecorded refund', () => {
    // 3 × 10.00 paid 30.00, one unit already cancelled (refund not yet recorded): overpaid 10.00.
    const l = line({ id: 'l1', quantity: 3, unit: 1000, quantities: { cancelled: 1 } });
    const out = value(
      cancelLineQuantities(order([l], { payments: [captured(3000)] }), [{ lineId: 'l1', quantity: 1 }], {
        now: NOW,
        reason: 'r',
      }),
    );
    expect(toDecimal(out.balance.toRefund)).toBe('20.00');
    expect(refundOf(out.effects)).toBe(1000);
  });
});

describe('applyOrderEdits (worked)', () => {
  const paid = order([threeUnits, line({ id: 'l2', quantity: 1, unit: 500, discounts: [['order10', 17]] })], {
    payments: [captured(2900 + 483)],
  });

  it('change_quantity down is a cancellation of the last units; up reinstates them, then extends exactly', () => {
    const down = value(applyOrderEdits(paid, [{ kind: 'change_quantity', lineId: 'l1', quantity: 1 }], { now: NOW }));
    expect(down.order.lines[0]?.quantities.cancelled).toBe(2);
    expect(toDecimal(down.balance.toRefund)).toBe('19.33');
    expect(down.diff).toEqual([
      { kind: 'change_quantity', lineId: 'l1', field: 'quantities.cancelled', before: 0, after: 2 },
    ]);
    const back = value(
      applyOrderEdits(down.order, [{ kind: 'change_quantity', lineId: 'l1', quantity: 3 }], { now: NOW }),
    );
    expect(back.order.lines[0]).toEqual(threeUnits);
    // 3 → 4 units: subtotal 40.00 split over net 2900 : discount 100 by D'Hondt → 38.67 / 1.33.
    const up = value(applyOrderEdits(paid, [{ kind: 'change_quantity', lineId: 'l1', quantity: 4 }], { now: NOW }));
    const l1 = up.order.lines[0];
    expect([l1?.quantity, l1?.subtotal.amount, l1?.discountTotal.amount, l1?.net.amount]).toEqual([4, 4000, 133, 3867]);
    expect(l1?.discounts).toEqual([{ promotionId: 'order10', amount: usd('1.33') }]);
    expect(toDecimal(up.balance.toCollect)).toBe('9.67');
    expect(up.effects).toEqual([]);
    expect(up.order.lines[1]).toBe(paid.lines[1]);
  });

  it('change_quantity with repriced takes the host’s amounts as they are', () => {
    const repriced = {
      unitPrice: usd('9.00'),
      subtotal: usd('36.00'),
      discounts: [],
      discountTotal: usd('0'),
      net: usd('36.00'),
      tax: usd('0'),
      total: usd('36.00'),
    };
    const out = value(
      applyOrderEdits(paid, [{ kind: 'change_quantity', lineId: 'l1', quantity: 4, repriced }], { now: NOW }),
    );
    expect(out.order.lines[0]).toMatchObject({
      quantity: 4,
      unitPrice: usd('9.00'),
      total: usd('36.00'),
      discounts: [],
    });
    const bad = { ...repriced, net: usd('35.00') };
    expect(
      error(
        applyOrderEdits(paid, [{ kind: 'change_quantity', lineId: 'l1', quantity: 4, repriced: bad }], { now: NOW }),
      ).code,
    ).toBe('inconsistent_amounts');
  });

  it('regression: adding an ineligible item leaves every stored discount as it was', () => {
    const add: OrderEdit = {
      kind: 'add_line',
      line: {
        id: 'gift-card',
        sku: 'GC',
        description: 'Gift card',
        quantity: 1,
        unitPrice: usd('25.00'),
        subtotal: usd('25.00'),
        discounts: [],
        discountTotal: usd('0'),
        net: usd('25.00'),
        tax: usd('0'),
        total: usd('25.00'),
      },
    };
    const out = value(applyOrderEdits(paid, [add], { now: NOW }));
    expect(out.order.lines.slice(0, 2)).toEqual(paid.lines);
    expect(out.order.lines[2]).toMatchObject({
      id: 'gift-card',
      sourcing: 'stock',
      quantities: { allocated: 0, cancelled: 0 },
    });
    expect(toDecimal(out.balance.toCollect)).toBe('25.00');
    expect(out.diff[0]).toMatchObject({ kind: 'add_line', lineId: 'gift-card', field: 'line', before: null });
    const mto = value(applyOrderEdits({ ...paid, type: 'configured' }, [add], { now: NOW }));
    expect(mto.order.lines[2]?.sourcing).toBe('make_to_order');
  });

  it('remove_line removes an unallocated line and refuses one with allocated units', () => {
    const out = value(applyOrderEdits(paid, [{ kind: 'remove_line', lineId: 'l2' }], { now: NOW }));
    expect(out.order.lines.map((l) => l.id)).toEqual(['l1']);
    expect(toDecimal(out.balance.toRefund)).toBe('4.83');
    expect(out.effects.map((e) => e.type)).toEqual(['refund_payment', 'notify_customer']);
    const allocated = order([line({ id: 'x', quantity: 1, unit: 100, quantities: { allocated: 1 } })]);
    expect(error(applyOrderEdits(allocated, [{ kind: 'remove_line', lineId: 'x' }], { now: NOW })).code).toBe(
      'line_in_fulfillment',
    );
  });

  it('changes the address and the requested date, refusing a date before today', () => {
    const out = value(
      applyOrderEdits(
        paid,
        [
          { kind: 'change_address', address: { line1: '2 Oak Ave', city: 'Shelbyville', country: 'US' } },
          { kind: 'change_requested_date', requestedDeliveryDate: '2026-12-24' },
        ],
        { now: NOW },
      ),
    );
    expect(out.order.customer.deliveryAddress).toEqual({ line1: '2 Oak Ave', city: 'Shelbyville', country: 'US' });
    expect(out.order.fulfillment.requestedDeliveryDate).toBe('2026-12-24');
    expect(out.diff.map((d) => d.field)).toEqual(['customer.deliveryAddress', 'fulfillment.requestedDeliveryDate']);
    expect(out.balance).toEqual({ toCollect: usd('0'), toRefund: usd('0') });
    const past = error(
      applyOrderEdits(paid, [{ kind: 'change_requested_date', requestedDeliveryDate: '2026-11-22' }], { now: NOW }),
    );
    expect(past.code).toBe('invalid_edit');
    expect(
      error(
        applyOrderEdits(paid, [{ kind: 'change_requested_date', requestedDeliveryDate: '2026-02-30' }], { now: NOW }),
      ).code,
    ).toBe('invalid_edit');
  });

  it('is all or nothing, never bumps the version, and leaves frozen input untouched', () => {
    const frozen = deepFreeze(structuredClone(paid));
    const copy = structuredClone(frozen);
    const e = error(
      applyOrderEdits(
        frozen,
        [
          { kind: 'change_quantity', lineId: 'l1', quantity: 1 },
          { kind: 'change_quantity', lineId: 'nope', quantity: 1 },
        ],
        { now: NOW },
      ),
    );
    expect(e.code).toBe('unknown_line');
    expect(e.details['index']).toBe(1);
    expect(frozen).toEqual(copy);
    const ok = value(applyOrderEdits(frozen, [{ kind: 'change_quantity', lineId: 'l1', quantity: 1 }], { now: NOW }));
    expect(ok.order.version).toBe(3);
    expect(ok.order.history).toBe(frozen.history);
    expect(frozen).toEqual(copy);
  });

  it('refuses a quantity below the units shipped or in shipments', () => {
    const shipped = order([line({ id: 'l1', quantity: 3, unit: 100, quantities: { allocated: 3, shipped: 2 } })]);
    const e = error(applyOrderEdits(shipped, [{ kind: 'change_quantity', lineId: 'l1', quantity: 1 }], { now: NOW }));
    expect(e.code).toBe('quantity_below_fulfilled');
    expect(e.details['minimum']).toBe(2);
    // Down to 2 releases the allocated, unshipped unit.
    const out = value(applyOrderEdits(shipped, [{ kind: 'change_quantity', lineId: 'l1', quantity: 2 }], { now: NOW }));
    expect(out.effects[0]).toMatchObject({ type: 'release_stock', lines: [{ lineId: 'l1', quantity: 1 }] });
  });
});

describe('hostile input', () => {
  const o = order([threeUnits]);
  const cases: [string, () => { ok: boolean; error?: unknown }, string][] = [
    [
      'NaN quantity',
      () => cancelLineQuantities(o, [{ lineId: 'l1', quantity: Number.NaN }], { now: NOW, reason: 'r' }),
      'invalid_quantity',
    ],
    [
      'negative quantity',
      () => cancelLineQuantities(o, [{ lineId: 'l1', quantity: -1 }], { now: NOW, reason: 'r' }),
      'invalid_quantity',
    ],
    [
      'fractional quantity',
      () => applyOrderEdits(o, [{ kind: 'change_quantity', lineId: 'l1', quantity: 1.5 }], { now: NOW }),
      'invalid_quantity',
    ],
    [
      'Infinity quantity',
      () =>
        applyOrderEdits(o, [{ kind: 'change_quantity', lineId: 'l1', quantity: Number.POSITIVE_INFINITY }], {
          now: NOW,
        }),
      'invalid_quantity',
    ],
    [
      'unknown line',
      () => cancelLineQuantities(o, [{ lineId: 'zz', quantity: 1 }], { now: NOW, reason: 'r' }),
      'unknown_line',
    ],
    [
      '__proto__ line id',
      () => cancelLineQuantities(o, JSON.parse('[{"lineId":"__proto__","quantity":1}]'), { now: NOW, reason: 'r' }),
      'unknown_line',
    ],
    ['no cancellations', () => cancelLineQuantities(o, [], { now: NOW, reason: 'r' }), 'invalid_quantity'],
    ['bad now', () => applyOrderEdits(o, [], { now: '2026-11-23 09:00' }), 'invalid_options'],
    ['missing options', () => applyOrderEdits(o, [], undefined as never), 'invalid_options'],
    ['edits not an array', () => applyOrderEdits(o, 'x' as never, { now: NOW }), 'invalid_edit'],
    ['unknown edit kind', () => applyOrderEdits(o, [{ kind: 'explode' } as never], { now: NOW }), 'invalid_edit'],
    ['null edit', () => applyOrderEdits(o, [null as never], { now: NOW }), 'invalid_edit'],
    ['order null', () => applyOrderEdits(null as never, [], { now: NOW }), 'invalid_order'],
    [
      'line quantities NaN',
      () =>
        applyOrderEdits(
          order([{ ...threeUnits, quantities: { ...threeUnits.quantities, allocated: Number.NaN } }]),
          [],
          { now: NOW },
        ),
      'invalid_order',
    ],
    [
      'wrong currency on add',
      () =>
        applyOrderEdits(
          o,
          [{ kind: 'add_line', line: { ...threeUnits, id: 'eur', unitPrice: { amount: 1, currency: 'EUR' } } }],
          { now: NOW },
        ),
      'currency_mismatch',
    ],
    [
      'wrong currency discount',
      () =>
        applyOrderEdits(
          o,
          [
            {
              kind: 'add_line',
              line: {
                ...threeUnits,
                id: 'eur',
                discounts: [{ promotionId: 'p', amount: { amount: 100, currency: 'EUR' } }],
              },
            },
          ],
          { now: NOW },
        ),
      'currency_mismatch',
    ],
    [
      'duplicate added id',
      () => applyOrderEdits(o, [{ kind: 'add_line', line: threeUnits }], { now: NOW }),
      'duplicate_line_id',
    ],
    [
      'added line with zero units',
      () =>
        applyOrderEdits(o, [{ kind: 'add_line', line: { ...line({ id: 'z', quantity: 0, unit: 100 }) } }], {
          now: NOW,
        }),
      'invalid_quantity',
    ],
    [
      'address not strings',
      () => applyOrderEdits(o, [{ kind: 'change_address', address: { city: 5 } as never }], { now: NOW }),
      'invalid_edit',
    ],
    [
      'payment in another currency',
      () =>
        applyOrderEdits(
          order([threeUnits], { payments: [{ ...captured(1), captured: { amount: 1, currency: 'EUR' } }] }),
          [],
          { now: NOW },
        ),
      'currency_mismatch',
    ],
    [
      'duplicate line ids in order',
      () => applyOrderEdits(order([threeUnits, threeUnits]), [], { now: NOW }),
      'duplicate_line_id',
    ],
    [
      'substitute same sku',
      () => applySubstitution(o, 'l1', { kind: 'add_line', line: { ...threeUnits, id: 'x' } }, { now: NOW }),
      'substitution_not_allowed',
    ],
    ['substitute not an edit', () => applySubstitution(o, 'l1', 'x' as never, { now: NOW }), 'invalid_edit'],
    [
      'plan with bad availability',
      () => planAllocation(o, { MUG: { available: -1 } }, { now: NOW }),
      'invalid_availability',
    ],
    [
      'plan with bad incoming date',
      () => planAllocation(o, { MUG: { available: 0, incoming: [{ quantity: 1, expectedAt: 'soon' }] } }, { now: NOW }),
      'invalid_availability',
    ],
    [
      'rules not an object',
      () => proposeSubstitutions(o, null as never, { availability: {}, prices: {} }),
      'invalid_rules',
    ],
    [
      'rules with NaN rank',
      () =>
        proposeSubstitutions(
          o,
          { compatible: { MUG: [{ sku: 'X', rank: Number.NaN }] } },
          { availability: {}, prices: {} },
        ),
      'invalid_rules',
    ],
    [
      'rules with a bad percent',
      () =>
        proposeSubstitutions(
          o,
          { compatible: {}, maxPriceDifference: { percent: 'lots' } },
          { availability: {}, prices: {} },
        ),
      'invalid_rules',
    ],
  ];
  it.each(cases)('%s → typed error', (_name, run, code) => {
    const e = error(run());
    expect(e.code).toBe(code);
    expect(typeof e.message).toBe('string');
  });

  it('never throws on garbage anywhere', () => {
    const garbage: unknown[] = [
      undefined,
      null,
      0,
      Number.NaN,
      'x',
      [],
      {},
      [null],
      { lines: 5 },
      JSON.parse('{"__proto__":{"x":1}}'),
    ];
    for (const g of garbage) {
      expect(() => applyOrderEdits(g as never, g as never, g as never)).not.toThrow();
      expect(() => cancelLineQuantities(o, g as never, { now: NOW, reason: 'r' })).not.toThrow();
      expect(() => applySubstitution(o, g as never, g as never, { now: NOW })).not.toThrow();
      expect(() => planAllocation(o, g as never, { now: NOW })).not.toThrow();
      expect(() => proposeSubstitutions(o, g as never, g as never)).not.toThrow();
      expect(() => lineAmountsForUnits(g as never, 0, 1)).not.toThrow();
    }
  });
});

describe('planAllocation', () => {
  const mk = (id: string, quantity: number, extra: Parameters<typeof line>[0]['extra'] = {}, q = {}) =>
    line({ id, sku: 'MUG', quantity, unit: 100, extra, quantities: q });

  it('shares a SKU across lines in line order and dates backorders by the receipt covering the cumulative shortage', () => {
    const o = order([mk('a', 4), mk('b', 3), mk('c', 2)]);
    const plan = value(
      planAllocation(
        o,
        {
          MUG: {
            available: 5,
            incoming: [
              { quantity: 3, expectedAt: '2026-12-10T00:00:00Z' },
              { quantity: 1, expectedAt: '2026-12-01T00:00:00+01:00' },
            ],
          },
        },
        { now: NOW },
      ),
    );
    expect(plan.lines).toEqual([
      { lineId: 'a', quantity: 4 },
      { lineId: 'b', quantity: 1 },
    ]);
    // Shortages: b 2 (cumulative 2) → receipts earliest first: 1 (12-01), then +3 = 4 (12-10) covers 2.
    // c 2 (cumulative 4) → covered by the 12-10 receipt as well; a further unit would have no date.
    expect(plan.backorders).toEqual([
      { lineId: 'b', quantity: 2, expectedAt: '2026-12-10T00:00:00Z' },
      { lineId: 'c', quantity: 2, expectedAt: '2026-12-10T00:00:00Z' },
    ]);
    const none = value(
      planAllocation(
        order([mk('a', 6)]),
        { MUG: { available: 0, incoming: [{ quantity: 5, expectedAt: '2026-12-10T00:00:00Z' }] } },
        { now: NOW },
      ),
    );
    expect(none.backorders).toEqual([{ lineId: 'a', quantity: 6 }]);
  });

  it('prefers the line location, splits across locations, leaves make-to-order lines to production and counts existing backorders', () => {
    const o = order([
      mk('a', 3, { locationId: 'B' }),
      mk('m', 2, { sourcing: 'make_to_order' }),
      mk('b', 4, {}, { backordered: 2, allocated: 1 }),
    ]);
    const plan = value(
      planAllocation(
        o,
        {
          MUG: [
            { available: 2, locationId: 'A' },
            { available: 2, locationId: 'B' },
          ],
        },
        { now: NOW },
      ),
    );
    expect(plan.lines).toEqual([
      { lineId: 'a', quantity: 2, locationId: 'B' },
      { lineId: 'a', quantity: 1, locationId: 'A' },
      { lineId: 'm', quantity: 2 },
      { lineId: 'b', quantity: 1, locationId: 'A' },
    ]);
    // b: 3 open, 1 allocated now, shortage 2 already backordered → no new backorder.
    expect(plan.backorders).toEqual([]);
  });
});

describe('substitutions', () => {
  const short = line({
    id: 'l1',
    sku: 'MUG',
    quantity: 3,
    unit: 1000,
    discounts: [['order10', 100]],
    tax: 290,
    quantities: { allocated: 1, backordered: 2 },
    extra: { allowSubstitutes: true },
  });
  const o = order([short], { payments: [captured(3190)] });
  const context = {
    availability: { XL: { available: 5 }, CUP: { available: 1 }, BOWL: { available: 9 }, JUG: { available: 9 } },
    prices: {
      XL: { unitPrice: usd('11.00'), description: 'Mug XL' },
      CUP: { unitPrice: usd('9.00') },
      BOWL: { unitPrice: usd('14.00') },
      JUG: { unitPrice: usd('9.50'), taxRate: '10%' },
    },
  };
  const rules = {
    compatible: {
      MUG: [
        { sku: 'XL', rank: 2 },
        { sku: 'CUP', rank: 1 },
        { sku: 'BOWL', rank: 1 },
        { sku: 'JUG', rank: 2 },
        { sku: 'NOPRICE', rank: 0 },
      ],
    },
    maxPriceDifference: { amount: usd('3.00'), percent: '20%' },
  };

  it('filters by availability and price limits, orders by rank, |difference|, SKU, and prices exactly', () => {
    const [p] = value(proposeSubstitutions(o, rules, context));
    expect(p?.quantity).toBe(2);
    // CUP: only 1 available; BOWL: +4.00 > 3.00; NOPRICE: no price. XL +1.00 and JUG −0.50 (rank 2).
    expect(p?.candidates.map((c) => c.sku)).toEqual(['JUG', 'XL']);
    const xl = p?.candidates[1];
    // Replaced units: the last 2 of 3 → discount 0.33 + 0.34 = 0.67 (net 19.33, tax 2.90 − 0.96 = 1.94... see below).
    expect(xl?.edit.line.discounts).toEqual([{ promotionId: 'order10', amount: usd('0.67') }]);
    expect(xl?.edit.line).toMatchObject({
      id: 'l1-sub-XL',
      sku: 'XL',
      quantity: 2,
      unitPrice: usd('11.00'),
      subtotal: usd('22.00'),
      net: usd('21.33'),
    });
    // Replaced slice: tax ⌊290·3/3⌋ − ⌊290·1/3⌋ = 290 − 96 = 194 on net 1933 → effective rate; 2133 × 194 / 1933 = 214.07 → 2.14.
    expect(xl?.edit.line.tax).toEqual(usd('2.14'));
    expect(xl?.customerDifference).toEqual(usd('2.20'));
    const jug = p?.candidates[0];
    // 10 % on 19.00 − 0.67 = 18.33 → 1.833 → 1.83 (half-even).
    expect(jug?.edit.line.tax).toEqual(usd('1.83'));
    expect(jug?.unitPriceDifference).toEqual(usd('-0.50'));
  });

  it('merchant bears a dearer substitute: charged at the original price', () => {
    const [p] = value(proposeSubstitutions(o, { ...rules, bearer: 'merchant' }, context));
    const xl = p?.candidates.find((c) => c.sku === 'XL');
    expect(xl?.chargedUnitPrice).toEqual(usd('10.00'));
    expect(xl?.merchantAbsorbs).toEqual(usd('2.00'));
    const jug = p?.candidates.find((c) => c.sku === 'JUG');
    expect(jug?.chargedUnitPrice).toEqual(usd('9.50'));
  });

  it('respects the customer: false never, absent only with the rule, short lines from context', () => {
    const refused = order([{ ...short, allowSubstitutes: false }]);
    expect(value(proposeSubstitutions(refused, { ...rules, substituteWhenCustomerSilent: true }, context))).toEqual([]);
    const { allowSubstitutes: _a, ...silentLine } = short;
    const silent = order([silentLine]);
    expect(value(proposeSubstitutions(silent, rules, context))).toEqual([]);
    expect(value(proposeSubstitutions(silent, { ...rules, substituteWhenCustomerSilent: true }, context))).toHaveLength(
      1,
    );
    const [p] = value(proposeSubstitutions(o, rules, { ...context, short: [{ lineId: 'l1', quantity: 1 }] }));
    expect(p?.quantity).toBe(1);
    expect(
      error(
        applySubstitution(refused, 'l1', { kind: 'add_line', line: { ...short, id: 'n', sku: 'XL' } }, { now: NOW }),
      ).code,
    ).toBe('substitution_not_allowed');
  });

  it('accepting a proposal cancels the short units and adds the substitute; the order keeps its discount', () => {
    const [p] = value(proposeSubstitutions(o, rules, context));
    const edit = p?.candidates[1]?.edit;
    if (edit === undefined) throw new Error('no candidate');
    const out = value(applySubstitution(o, 'l1', edit, { now: NOW }));
    expect(out.order.lines[0]?.quantities).toMatchObject({ cancelled: 2, backordered: 0, allocated: 1 });
    expect(out.order.lines[1]).toMatchObject({
      id: 'l1-sub-XL',
      substitutedFor: { lineId: 'l1', sku: 'MUG' },
      sourcing: 'stock',
    });
    // Σ discounts still 1.00: 0.33 stays on the first unit, 0.67 moved to the substitute.
    const remaining = value(lineAmountsForUnits(out.order.lines[0] ?? short, 0, 1));
    expect(remaining.discountTotal.amount + (out.order.lines[1]?.discountTotal.amount ?? 0)).toBe(100);
    expect(toDecimal(out.balance.toCollect)).toBe('2.20');
    expect(out.effects.at(-1)).toEqual({
      type: 'notify_customer',
      orderId: 'o-1',
      message: { kind: 'substitution_made', lineId: 'l1', sku: 'XL' },
    });
    expect(out.diff.map((d) => [d.kind, d.field])).toContainEqual(['substitution', 'line']);
  });
});

describe('outcome is plain data', () => {
  it('survives JSON', () => {
    const out = value(
      cancelLineQuantities(order([threeUnits], { payments: [captured(2900)] }), [{ lineId: 'l1', quantity: 2 }], {
        now: NOW,
        reason: 'r',
      }),
    );
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
    const o: Order = out.order;
    expect(o.lines[0]?.quantities.cancelled).toBe(2);
  });
});

describe('frozen inputs and the balance', () => {
  it('every function leaves deep-frozen inputs as they were', () => {
    const l = line({
      id: 'l1',
      sku: 'MUG',
      quantity: 4,
      unit: 1000,
      discounts: [['p', 100]],
      quantities: { allocated: 2, backordered: 2 },
      extra: { allowSubstitutes: true },
    });
    const o = deepFreeze(order([l], { payments: [captured(3900)] }));
    const copy = structuredClone(o);
    const sub = deepFreeze({
      kind: 'add_line' as const,
      line: { ...line({ id: 's', sku: 'XL', quantity: 2, unit: 900 }) },
    });
    const context = deepFreeze({ availability: { XL: { available: 3 } }, prices: { XL: { unitPrice: usd('9.00') } } });
    const rules = deepFreeze({ compatible: { MUG: [{ sku: 'XL', rank: 1 }] } });
    expect(cancelLineQuantities(o, deepFreeze([{ lineId: 'l1', quantity: 3 }]), { now: NOW, reason: 'r' }).ok).toBe(
      true,
    );
    expect(applySubstitution(o, 'l1', sub, { now: NOW }).ok).toBe(true);
    expect(planAllocation(o, deepFreeze({ MUG: [{ available: 1, locationId: 'A' }] }), { now: NOW }).ok).toBe(true);
    expect(proposeSubstitutions(o, rules, context).ok).toBe(true);
    expect(
      applyOrderEdits(o, deepFreeze([{ kind: 'change_quantity', lineId: 'l1', quantity: 9 }]), { now: NOW }).ok,
    ).toBe(true);
    expect(o).toEqual(copy);
  });

  it('orderBalance counts units still ordered, shipping, and refunded returns', () => {
    const l = line({
      id: 'l1',
      quantity: 3,
      unit: 1000,
      discounts: [['p', 100]],
      quantities: { allocated: 3, shipped: 3, returned: 1, cancelled: 0 },
    });
    const o = order([l], {
      shipping: { net: usd('5.00'), tax: usd('0.40') },
      payments: [captured(3440, 966)],
      returns: [
        {
          id: 'r1',
          state: 'refunded',
          lines: [{ lineId: 'l1', quantity: 1, reason: 'x', received: 1 }],
          resolutionAmount: usd('9.66'),
        },
      ],
    });
    const b = value(orderBalance(o));
    // 29.00 + 5.40 − 9.66 = 24.74 due; 34.40 − 9.66 = 24.74 captured.
    expect(b).toEqual({ due: usd('24.74'), netCaptured: usd('24.74'), toCollect: usd('0'), toRefund: usd('0') });
    expect(error(orderBalance({ ...o, lines: [{ ...l, total: usd('1.00') }] })).code).toBe('inconsistent_amounts');
  });

  it('refuses a malformed substitutedFor on an added line', () => {
    const bad = { ...line({ id: 'n', quantity: 1, unit: 100 }), substitutedFor: 'l1' as never };
    expect(error(applyOrderEdits(order([threeUnits]), [{ kind: 'add_line', line: bad }], { now: NOW })).code).toBe(
      'invalid_edit',
    );
  });
});
