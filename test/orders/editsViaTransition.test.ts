// Edits, line cancellations and substitutions through transition(): the edits module's diff and
// balance come out of the transition, the history entry records the diff, and replay checks it.
import { describe, expect, it } from 'vitest';
import type { Money } from '../../src/money/types.js';
import { applyOrderEdits } from '../../src/orders/edits/applyOrderEdits.js';
import { applySubstitution } from '../../src/orders/edits/applySubstitution.js';
import { cancelLineQuantities } from '../../src/orders/edits/cancelLineQuantities.js';
import type { OrderDiffEntry } from '../../src/orders/edits/types.js';
import type { MachineEvent } from '../../src/orders/machine/types.js';
import { replay } from '../../src/orders/replay.js';
import { transition } from '../../src/orders/transition.js';
import type { HistoryEntry, Order, OrderEdit } from '../../src/orders/types.js';
import { created, deepFreeze, draft, line, NOW, OPTS, run, step, usd } from './machineFixtures.js';

const cents = (amount: number): Money => ({ amount, currency: 'USD' });

/** l1: 4 × $10 (+10% tax), l2: 2 × $5 (+10% tax), l3: 3 × $10 with a $1.00 order discount stored as 0.34/0.33/0.33 (no tax); shipping $5. */
function discountedDraft() {
  return draft({
    lines: [
      line('l1', 4, 10),
      line('l2', 2, 5, { allowSubstitutes: true }),
      line('l3', 3, 10, {
        discounts: [{ promotionId: 'order-1', amount: usd('1.00') }],
        discountTotal: usd('1.00'),
        net: usd('29.00'),
        tax: usd('0'),
        total: usd('29.00'),
      }),
    ],
  });
}

/** 44 + 11 + 29 + 5 shipping. */
const GRAND_TOTAL = 8900;

/** Confirmed, paid in full (captured), every unit allocated. */
function paid(): Order {
  const o = created(discountedDraft());
  return run(o, [
    { type: 'confirm' },
    { type: 'authorize_payment', paymentId: 'p1', method: 'card', amount: cents(GRAND_TOTAL) },
    { type: 'capture_payment', paymentId: 'p1', amount: cents(GRAND_TOTAL) },
    {
      type: 'allocate',
      lines: [
        { lineId: 'l1', quantity: 4 },
        { lineId: 'l2', quantity: 2 },
        { lineId: 'l3', quantity: 3 },
      ],
    },
  ]);
}

const lastEntry = (o: Order): HistoryEntry => {
  const entry = o.history.at(-1);
  if (entry === undefined) throw new Error('empty history');
  return entry;
};

function replayed(history: readonly HistoryEntry[]): Order {
  const r = replay(history);
  if (!r.ok) throw r.error;
  return r.value;
}

const addedLine = {
  id: 'l4',
  sku: 'SKU-l4',
  description: 'Item l4',
  quantity: 1,
  unitPrice: usd('7.00'),
  subtotal: usd('7.00'),
  discounts: [],
  discountTotal: usd('0'),
  net: usd('7.00'),
  tax: usd('0.70'),
  total: usd('7.70'),
} as const;

const EDITS: readonly OrderEdit[] = [
  { kind: 'add_line', line: addedLine },
  { kind: 'change_quantity', lineId: 'l1', quantity: 2 },
  { kind: 'change_address', address: { line1: '2 Elm St', city: 'Springfield', country: 'US' } },
  { kind: 'change_requested_date', requestedDeliveryDate: '2026-12-24' },
];

describe('edit_order through transition', () => {
  it("returns the edits module's own diff and balance, bumps the version by one and records the diff", () => {
    const o = paid();
    const direct = applyOrderEdits(o, EDITS, { now: NOW });
    if (!direct.ok) throw direct.error;
    const r = step(o, { type: 'edit_order', edits: EDITS, reason: 'customer call' });

    expect(r.diff).toEqual(direct.value.diff);
    expect(r.balance).toEqual(direct.value.balance);
    // Paid 89.00; l1 keeps 2 of its 4 units (22.00 of 44.00) and l4 adds 7.70: due 74.70, 14.30 to refund.
    expect(r.balance).toEqual({ toCollect: cents(0), toRefund: cents(1430) });
    expect(r.diff?.map((d) => [d.kind, d.field])).toEqual([
      ['add_line', 'line'],
      // Lowering an ordered quantity cancels the units (amounts stay as stored) and releases them.
      ['change_quantity', 'quantities.cancelled'],
      ['change_quantity', 'quantities.allocated'],
      ['change_address', 'customer.deliveryAddress'],
      ['change_requested_date', 'fulfillment.requestedDeliveryDate'],
    ]);
    expect(r.order.version).toBe(o.version + 1);
    expect(r.order.history).toHaveLength(o.history.length + 1);
    expect(r.order.history.slice(0, -1)).toEqual(o.history);
    expect(lastEntry(r.order)).toEqual({
      seq: o.history.length + 1,
      event: { type: 'edit_order', edits: EDITS, reason: 'customer call' },
      machine: 'order',
      from: 'confirmed',
      to: 'confirmed',
      actor: OPTS.actor,
      at: NOW,
      reason: 'customer call',
      diff: direct.value.diff,
    });
    // The order itself is the edits module's, with the engine's version and history.
    expect({ ...r.order, version: o.version, history: o.history }).toEqual(direct.value.order);
  });

  it('replay rebuilds the edited order deep-equal, also from JSON', () => {
    const o = step(paid(), { type: 'edit_order', edits: EDITS }).order;
    expect(replayed(o.history)).toEqual(o);
    const fromJson = replayed(JSON.parse(JSON.stringify(o.history)));
    expect(JSON.stringify(fromJson)).toBe(JSON.stringify(o));
  });

  it('a refused edit returns edit_rejected and leaves the (deep-frozen) order deep-equal', () => {
    const o = deepFreeze(paid());
    const before = structuredClone(o);
    const r = transition(
      o,
      { type: 'edit_order', edits: [{ kind: 'change_quantity', lineId: 'l9', quantity: 1 }] },
      OPTS,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('edit_rejected');
    expect(r.error.details['cause']).toMatchObject({ code: 'unknown_line' });
    expect(o).toEqual(before);
  });

  it('never modifies a deep-frozen order it edits', () => {
    const o = deepFreeze(paid());
    const before = structuredClone(o);
    const r = step(o, { type: 'edit_order', edits: EDITS });
    expect(o).toEqual(before);
    expect(r.order.lines).toHaveLength(4);
  });
});

describe('cancel_lines through transition', () => {
  it('returns the refund in balance.toRefund after a capture, from the stored discount shares', () => {
    let o = paid();
    const refunds: number[] = [];
    for (const expected of [966, 967, 967]) {
      const direct = cancelLineQuantities(o, [{ lineId: 'l3', quantity: 1 }], { now: NOW, reason: 'out of stock' });
      if (!direct.ok) throw direct.error;
      const r = step(o, { type: 'cancel_lines', lines: [{ lineId: 'l3', quantity: 1 }], reason: 'out of stock' });
      expect(r.balance).toEqual(direct.value.balance);
      expect(r.diff).toEqual(direct.value.diff);
      expect(r.balance).toEqual({ toCollect: cents(0), toRefund: cents(expected) });
      const refund = r.effects.find((e) => e.type === 'refund_payment');
      expect(refund).toMatchObject({ amount: cents(expected) });
      expect(lastEntry(r.order).diff).toContainEqual({
        kind: 'cancel_lines',
        lineId: 'l3',
        field: 'quantities.cancelled',
        before: refunds.length,
        after: refunds.length + 1,
      } satisfies OrderDiffEntry);
      expect(r.order.version).toBe(o.version + 1);
      refunds.push(expected);
      // The host runs the refund; the next cancellation sees it.
      o = step(r.order, {
        type: 'refund_payment',
        paymentId: 'p1',
        amount: cents(expected),
        reason: 'cancelled',
      }).order;
    }
    // The three refunds are the line's stored net, exactly: 29.00 = 9.66 + 9.67 + 9.67.
    expect(refunds.reduce((a, b) => a + b, 0)).toBe(2900);
    expect(replayed(o.history)).toEqual(o);
  });

  it('with nothing captured, a cancellation lowers what is still to collect', () => {
    const o = run(created(discountedDraft()), [{ type: 'confirm' }]);
    const r = step(o, { type: 'cancel_lines', lines: [{ lineId: 'l1', quantity: 1 }], reason: 'short' });
    expect(r.balance).toEqual({ toCollect: cents(GRAND_TOTAL - 1100), toRefund: cents(0) });
  });
});

describe('accept_substitution through transition', () => {
  it("returns applySubstitution's own diff and balance and records the diff", () => {
    const o = paid();
    const substitute = {
      kind: 'add_line',
      line: {
        ...addedLine,
        id: 'l2-sub',
        sku: 'SKU-l2-alt',
        quantity: 2,
        subtotal: usd('14.00'),
        net: usd('14.00'),
        tax: usd('1.40'),
        total: usd('15.40'),
      },
    } as const;
    const direct = applySubstitution(o, 'l2', substitute, { now: NOW });
    if (!direct.ok) throw direct.error;
    const r = step(o, { type: 'accept_substitution', lineId: 'l2', substitute });
    expect(r.diff).toEqual(direct.value.diff);
    expect(r.balance).toEqual(direct.value.balance);
    // The substitute costs 15.40 instead of 11.00: 4.40 still to collect.
    expect(r.balance).toEqual({ toCollect: cents(440), toRefund: cents(0) });
    expect(lastEntry(r.order).diff).toEqual(direct.value.diff);
    expect(replayed(r.order.history)).toEqual(r.order);
  });
});

describe('events that are not edits', () => {
  it('return neither diff nor balance, and their history entries record no diff', () => {
    const o = created(discountedDraft());
    for (const event of [
      { type: 'confirm' },
      { type: 'authorize_payment', paymentId: 'p1', method: 'card', amount: cents(100) },
      { type: 'hold', reason: 'check' },
    ] satisfies MachineEvent[]) {
      const r = transition(o, event, OPTS);
      if (!r.ok) throw r.error;
      expect(Object.keys(r.value)).toEqual(['order', 'effects']);
      expect('diff' in lastEntry(r.value.order)).toBe(false);
    }
  });
});

describe('replay and recorded diffs', () => {
  const edited = () => step(paid(), { type: 'edit_order', edits: EDITS }).order;
  const withLast = (o: Order, change: (entry: Record<string, unknown>) => void): HistoryEntry[] => {
    const history = structuredClone(o.history) as unknown as Record<string, unknown>[];
    change(history[history.length - 1] as Record<string, unknown>);
    return history as unknown as HistoryEntry[];
  };

  it('refuses a recorded diff the event does not make, naming the entry and the field', () => {
    const o = edited();
    const tampered = withLast(o, (entry) => {
      const diff = entry['diff'] as { after: unknown }[];
      (diff[1] as { after: unknown }).after = 3;
    });
    const r = replay(tampered);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('replay_mismatch');
    expect(r.error.details).toMatchObject({ index: o.history.length - 1, field: 'diff' });
    const extra = withLast(o, (entry) => {
      (entry['diff'] as unknown[]).push({
        kind: 'change_address',
        field: 'customer.deliveryAddress',
        before: null,
        after: null,
      });
    });
    expect(replay(extra).ok).toBe(false);
    const onANonEdit = withLast(paid(), (entry) => {
      entry['diff'] = [{ kind: 'cancel_lines', lineId: 'l1', field: 'quantities.cancelled', before: 0, after: 1 }];
    });
    expect(replay(onANonEdit).ok).toBe(false);
  });

  it('compares diffs as data: key order (as a jsonb store returns it) does not matter', () => {
    const o = edited();
    const sortKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(sortKeys)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(
              Object.keys(value)
                .sort()
                .reverse()
                .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
            )
          : value;
    const reordered = sortKeys(JSON.parse(JSON.stringify(o.history))) as HistoryEntry[];
    expect(replayed(reordered)).toEqual(o);
  });

  it('accepts an edit entry without a diff, and the rebuilt entry carries the diff the event makes', () => {
    const o = edited();
    const stripped = withLast(o, (entry) => {
      delete entry['diff'];
    });
    expect(replayed(stripped)).toEqual(o);
  });
});
