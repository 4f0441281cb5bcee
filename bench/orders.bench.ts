// Order transitions: ordercore's `transition` (payload checks, the machine's table, guards, an
// immutable update, effects, version + 1 and a history entry appended) side by side with
//
// - xstate v5's pure `transition(machine, snapshot, event)` on an equivalent machine: the same
//   states and events (a parallel machine with an order, a payment and a shipment region, as the
//   order, payment and shipment machines of ordercore), the same guards as xstate guards reading the
//   context (paid or credit approved, not on hold, quantities within what is open or allocated,
//   capture within the authorisation, every unit shipped; routing conditions as guarded candidate
//   transitions), the context (the same Order object) updated immutably with `assign`, version + 1
//   and a history entry appended on every accepted event. It returns no effects (ordercore's
//   notify / reserve / capture / label effects are extra work on ordercore's side) and checks no
//   payload, so the ratio printed is conservative;
// - the floor: a plain lookup table (region × state × event → next state), no guards, no data, no
//   history.
//
// The order: 8 stock lines (1–6 units each), prepaid, 10% tax, shipping. The cycle: the ten
// accepted events of a normal order — confirm → authorize_payment → capture_payment → allocate →
// create_shipment → start_picking → pack_shipment → ship → deliver → complete — applied from the
// placed order on every call; the figure per transition is the cycle's median divided by 10. Each
// transition is then also timed alone, from its own pre-state, to show where the time goes.
//
// Targets (issue 4): ≤ 1 µs median per transition, ≥ 10× faster than xstate.
//
// validateOrders on 10,000 orders is measured in bench/orders-validation.bench.ts.
//
// Every input is deterministic (a seeded LCG, no Math.random), and the three implementations are
// checked to agree (final states, line ledgers, payment, version and history length) before
// anything is timed.
import { fromMinor, type Money } from 'ordercore/money';
import {
  createOrder,
  type HistoryEntry,
  type Order,
  type OrderDraft,
  type OrderDraftLine,
  type OrderEvent,
  orderTotals,
  type TransitionOptions,
  transition,
} from 'ordercore/orders';
import { and, assign, initialTransition, setup, transition as xstateTransition } from 'xstate';
import { runBench } from './harness.js';

const CURRENCY = 'USD';
const NOW = '2026-11-22T10:00:00Z';
const OPTIONS: TransitionOptions = { now: NOW, actor: { kind: 'system', id: 'oms' } };
const LINE_COUNT = 8;

/** A seeded 32-bit LCG (Numerical Recipes constants), high bits: no Math.random anywhere. */
function lcg(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return Math.floor((state / 4294967296) * n);
  };
}

const minor = (amount: number): Money => fromMinor(amount, CURRENCY);

function makeDraft(): OrderDraft {
  const random = lcg(2026);
  const lines: OrderDraftLine[] = Array.from({ length: LINE_COUNT }, (_, i) => {
    const quantity = 1 + random(6);
    const unit = 199 + random(5_000);
    const subtotal = unit * quantity;
    const tax = Math.round(subtotal / 10);
    return {
      id: `L${i + 1}`,
      sku: `SKU-${String(random(2_000)).padStart(4, '0')}`,
      description: `Item ${i + 1}`,
      quantity,
      unitPrice: minor(unit),
      subtotal: minor(subtotal),
      discounts: [],
      discountTotal: minor(0),
      net: minor(subtotal),
      tax: minor(tax),
      total: minor(subtotal + tax),
    };
  });
  return {
    id: 'o-bench',
    type: 'stock',
    currency: CURRENCY,
    channel: 'web',
    priority: 'normal',
    customer: { accountId: 'c-1', deliveryAddress: { line1: '1 Main St', city: 'Springfield', country: 'US' } },
    lines,
    shipping: { net: minor(995), tax: minor(0) },
    fulfillment: { shippingMethod: 'ground' },
    terms: { paymentTerms: { kind: 'prepaid' }, paymentMethod: 'card', creditApproved: false },
    timestamps: { orderedAt: NOW },
  };
}

const createdResult = createOrder(makeDraft(), OPTIONS);
if (!createdResult.ok) throw createdResult.error;
const placed: Order = createdResult.value.order;
const grandTotal = orderTotals(placed).grandTotal;
const allLines = placed.lines.map((l) => ({ lineId: l.id, quantity: l.quantity }));

const CYCLE: readonly OrderEvent[] = [
  { type: 'confirm' },
  { type: 'authorize_payment', paymentId: 'p1', method: 'card', amount: grandTotal },
  { type: 'capture_payment', paymentId: 'p1', amount: grandTotal },
  { type: 'allocate', lines: allLines },
  { type: 'create_shipment', shipmentId: 's1', lines: allLines },
  { type: 'start_picking', shipmentId: 's1' },
  { type: 'pack_shipment', shipmentId: 's1' },
  { type: 'ship', shipmentId: 's1', carrier: 'UPS', trackingNumber: '1Z999' },
  { type: 'deliver', shipmentId: 's1' },
  { type: 'complete' },
];

// ---------------------------------------------------------------------------------------------
// ordercore

function ordercoreCycle(): Order {
  let order = placed;
  for (const event of CYCLE) {
    const r = transition(order, event, OPTIONS);
    if (!r.ok) throw r.error;
    order = r.value.order;
  }
  return order;
}

/** The order before each event of the cycle (for the per-transition cases). */
const preStates: Order[] = [];
{
  let order = placed;
  for (const event of CYCLE) {
    preStates.push(order);
    const r = transition(order, event, OPTIONS);
    if (!r.ok) throw r.error;
    order = r.value.order;
  }
}

// ---------------------------------------------------------------------------------------------
// xstate v5: the equivalent machine. The context is the Order (its `state` fields mirror the
// regions' states, so the data is the same as ordercore's).

type Ev<T extends OrderEvent['type']> = Extract<OrderEvent, { type: T }>;
type Region = 'order' | 'payment' | 'shipment';

function entry(context: Order, event: OrderEvent, machine: Region, from: string, to: string): HistoryEntry {
  const entityId =
    machine === 'payment'
      ? (event as Ev<'capture_payment'>).paymentId
      : machine === 'shipment'
        ? (event as Ev<'ship'>).shipmentId
        : undefined;
  const base = { seq: context.history.length + 1, event, machine, from, to, actor: OPTIONS.actor, at: NOW };
  return entityId === undefined ? base : { ...base, entityId };
}

/** The part of every accepted event's update that ordercore's engine does: version, history. */
function stamp(context: Order, next: Order, event: OrderEvent, machine: Region, from: string, to: string): Order {
  return {
    ...next,
    version: context.version + 1,
    history: [...context.history, entry(context, event, machine, from, to)],
  };
}

function patchQuantities(
  order: Order,
  lines: readonly { readonly lineId: string; readonly quantity: number }[],
  field: 'allocated' | 'picked' | 'shipped' | 'delivered',
): Order['lines'] {
  return order.lines.map((line) => {
    const l = lines.find((x) => x.lineId === line.id);
    return l === undefined
      ? line
      : { ...line, quantities: { ...line.quantities, [field]: line.quantities[field] + l.quantity } };
  });
}

const shipmentUnits = (order: Order, lineId: string): number =>
  order.shipments.reduce(
    (sum, s) => (s.state === 'cancelled' ? sum : sum + (s.lines.find((l) => l.lineId === lineId)?.quantity ?? 0)),
    0,
  );

const paid = (order: Order): boolean => {
  const terms = order.terms.paymentTerms;
  if (terms.kind === 'cash_on_delivery' || (terms.kind === 'net' && order.terms.creditApproved)) return true;
  let covered = 0;
  for (const p of order.payments) covered += p.captured.amount - p.refunded.amount;
  return covered >= orderTotals(order).grandTotal.amount;
};

const active = (order: Order, lineId: string): number => {
  const line = order.lines.find((l) => l.id === lineId);
  return line === undefined ? 0 : line.quantity - line.quantities.cancelled;
};

const xMachine = setup({
  types: { context: {} as Order, events: {} as OrderEvent, input: {} as Order },
  guards: {
    isPreOrder: ({ context }) => context.type === 'pre_order',
    paidOrCreditApproved: ({ context }) => paid(context),
    orderNotOnHold: ({ context }) => context.state !== 'on_hold',
    allocatesMakeToOrder: ({ context, event }) =>
      (event as Ev<'allocate'>).lines.some(
        (l) => context.lines.find((x) => x.id === l.lineId)?.sourcing === 'make_to_order',
      ),
    allocationWithinOpen: ({ context, event }) =>
      (event as Ev<'allocate'>).lines.every((l) => {
        const line = context.lines.find((x) => x.id === l.lineId);
        return line !== undefined && line.quantities.allocated + l.quantity <= active(context, l.lineId);
      }),
    shipmentWithinAllocated: ({ context, event }) =>
      (event as Ev<'create_shipment'>).lines.every((l) => {
        const line = context.lines.find((x) => x.id === l.lineId);
        return line !== undefined && l.quantity <= line.quantities.allocated - shipmentUnits(context, l.lineId);
      }),
    captureWithinAuthorized: ({ context, event }) => {
      const e = event as Ev<'capture_payment'>;
      const p = context.payments.find((x) => x.id === e.paymentId);
      return p !== undefined && e.amount.amount <= p.authorized.amount - p.captured.amount;
    },
    captureCompletes: ({ context, event }) => {
      const e = event as Ev<'capture_payment'>;
      const p = context.payments.find((x) => x.id === e.paymentId);
      return p !== undefined && p.captured.amount + e.amount.amount >= p.authorized.amount;
    },
    fulfillmentComplete: ({ context }) =>
      context.lines.every((l) => l.quantity - l.quantities.cancelled - l.quantities.shipped <= 0),
  },
  actions: {
    confirm: assign(({ context, event }) => {
      const next = { ...context, state: 'confirmed', timestamps: { ...context.timestamps, confirmedAt: NOW } };
      return stamp(context, next, event, 'order', 'placed', 'confirmed');
    }),
    authorize: assign(({ context, event }) => {
      const e = event as Ev<'authorize_payment'>;
      const zero = minor(0);
      const payment = {
        id: e.paymentId,
        state: 'authorized',
        method: e.method,
        authorized: e.amount,
        captured: zero,
        refunded: zero,
      };
      const next = { ...context, payments: [...context.payments, payment] };
      return stamp(context, next, event, 'payment', '[*]', 'authorized');
    }),
    capture: assign(({ context, event }) => {
      const e = event as Ev<'capture_payment'>;
      const from = context.payments.find((p) => p.id === e.paymentId)?.state ?? 'authorized';
      let to = from;
      const payments = context.payments.map((p) => {
        if (p.id !== e.paymentId) return p;
        const captured = p.captured.amount + e.amount.amount;
        to = captured >= p.authorized.amount ? 'captured' : 'partially_captured';
        return { ...p, state: to, captured: { amount: captured, currency: p.captured.currency } };
      });
      return stamp(context, { ...context, payments }, event, 'payment', from, to);
    }),
    allocate: assign(({ context, event }) => {
      const next = { ...context, lines: patchQuantities(context, (event as Ev<'allocate'>).lines, 'allocated') };
      return stamp(context, next, event, 'order', context.state, context.state);
    }),
    createShipment: assign(({ context, event }) => {
      const e = event as Ev<'create_shipment'>;
      const shipment = {
        id: e.shipmentId,
        state: 'allocated',
        lines: e.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity })),
      };
      const next = { ...context, state: 'in_fulfillment', shipments: [...context.shipments, shipment] };
      return stamp(context, next, event, 'shipment', '[*]', 'allocated');
    }),
    moveShipment: assign(
      ({ context, event }, params: { from: string; to: string; field?: 'picked' | 'shipped' | 'delivered' }) => {
        const e = event as Ev<'start_picking'>;
        const shipment = context.shipments.find((s) => s.id === e.shipmentId);
        const shipments = context.shipments.map((s) => (s.id === e.shipmentId ? { ...s, state: params.to } : s));
        const lines =
          params.field === undefined || shipment === undefined
            ? context.lines
            : patchQuantities(context, shipment.lines, params.field);
        let next: Order = { ...context, shipments, lines };
        if (params.to === 'shipped') {
          const s = event as Ev<'ship'>;
          next = {
            ...next,
            shipments: next.shipments.map((x) =>
              x.id === s.shipmentId
                ? { ...x, carrier: s.carrier, trackingNumber: s.trackingNumber, shippedAt: NOW }
                : x,
            ),
            timestamps: { ...next.timestamps, shippedAt: NOW },
          };
        }
        if (params.to === 'delivered') {
          next = {
            ...next,
            shipments: next.shipments.map((x) => (x.id === e.shipmentId ? { ...x, deliveredAt: NOW } : x)),
            timestamps: { ...next.timestamps, deliveredAt: NOW },
          };
        }
        return stamp(context, next, event, 'shipment', params.from, params.to);
      },
    ),
    complete: assign(({ context, event }) => {
      const next = { ...context, state: 'completed', timestamps: { ...context.timestamps, completedAt: NOW } };
      return stamp(context, next, event, 'order', 'in_fulfillment', 'completed');
    }),
  },
}).createMachine({
  id: 'order',
  type: 'parallel',
  context: ({ input }) => input,
  states: {
    order: {
      initial: 'placed',
      states: {
        placed: {
          on: {
            confirm: [
              { guard: 'isPreOrder', target: 'awaiting_release', actions: 'confirm' },
              { target: 'confirmed', actions: 'confirm' },
            ],
          },
        },
        awaiting_release: {},
        confirmed: {
          on: {
            allocate: [
              {
                guard: and(['allocatesMakeToOrder', 'allocationWithinOpen']),
                target: 'in_production',
                actions: 'allocate',
              },
              { guard: 'allocationWithinOpen', actions: 'allocate' },
            ],
            create_shipment: { guard: and(['paidOrCreditApproved', 'orderNotOnHold']), target: 'in_fulfillment' },
          },
        },
        in_production: {},
        in_fulfillment: {
          on: { complete: { guard: 'fulfillmentComplete', target: 'completed', actions: 'complete' } },
        },
        completed: {},
      },
    },
    payment: {
      initial: 'none',
      states: {
        none: { on: { authorize_payment: { target: 'authorized', actions: 'authorize' } } },
        authorized: {
          on: {
            capture_payment: [
              { guard: and(['captureCompletes', 'captureWithinAuthorized']), target: 'captured', actions: 'capture' },
              { guard: 'captureWithinAuthorized', target: 'partially_captured', actions: 'capture' },
            ],
          },
        },
        partially_captured: {},
        captured: {},
      },
    },
    shipment: {
      initial: 'none',
      states: {
        none: {
          on: {
            create_shipment: { guard: 'shipmentWithinAllocated', target: 'allocated', actions: 'createShipment' },
          },
        },
        allocated: {
          on: {
            start_picking: {
              guard: 'orderNotOnHold',
              target: 'picking',
              actions: { type: 'moveShipment', params: { from: 'allocated', to: 'picking', field: 'picked' } },
            },
          },
        },
        picking: {
          on: {
            pack_shipment: {
              guard: 'orderNotOnHold',
              target: 'packed',
              actions: { type: 'moveShipment', params: { from: 'picking', to: 'packed' } },
            },
          },
        },
        packed: {
          on: {
            ship: {
              guard: and(['orderNotOnHold', 'paidOrCreditApproved']),
              target: 'shipped',
              actions: { type: 'moveShipment', params: { from: 'packed', to: 'shipped', field: 'shipped' } },
            },
          },
        },
        shipped: {
          on: {
            deliver: {
              target: 'delivered',
              actions: { type: 'moveShipment', params: { from: 'shipped', to: 'delivered', field: 'delivered' } },
            },
          },
        },
        delivered: {},
      },
    },
  },
});

const [xInitial] = initialTransition(xMachine, placed);
type XSnapshot = typeof xInitial;

function xstateCycle(): XSnapshot {
  let snapshot = xInitial;
  for (const event of CYCLE) [snapshot] = xstateTransition(xMachine, snapshot, event);
  return snapshot;
}

// ---------------------------------------------------------------------------------------------
// The floor: region × state × event → next state.

const EVENT_REGION: Readonly<Record<string, Region>> = {
  confirm: 'order',
  allocate: 'order',
  complete: 'order',
  authorize_payment: 'payment',
  capture_payment: 'payment',
  create_shipment: 'shipment',
  start_picking: 'shipment',
  pack_shipment: 'shipment',
  ship: 'shipment',
  deliver: 'shipment',
};
const TABLE: Readonly<Record<Region, Readonly<Record<string, Readonly<Record<string, string>>>>>> = {
  order: {
    placed: { confirm: 'confirmed' },
    confirmed: { allocate: 'confirmed', create_shipment: 'in_fulfillment' },
    in_fulfillment: { complete: 'completed' },
  },
  payment: { none: { authorize_payment: 'authorized' }, authorized: { capture_payment: 'captured' } },
  shipment: {
    none: { create_shipment: 'allocated' },
    allocated: { start_picking: 'picking' },
    picking: { pack_shipment: 'packed' },
    packed: { ship: 'shipped' },
    shipped: { deliver: 'delivered' },
  },
};

interface FloorState {
  order: string;
  payment: string;
  shipment: string;
}

function lookupCycle(): FloorState {
  const state: FloorState = { order: 'placed', payment: 'none', shipment: 'none' };
  for (const event of CYCLE) {
    const region = EVENT_REGION[event.type] as Region;
    const next = TABLE[region][state[region]]?.[event.type];
    if (next === undefined) throw new Error(`no transition for ${event.type}`);
    state[region] = next;
    // create_shipment is also followed by the order region.
    if (event.type === 'create_shipment') state.order = TABLE.order[state.order]?.[event.type] ?? state.order;
  }
  return state;
}

// ---------------------------------------------------------------------------------------------
// Sanity checks, before anything is timed.

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`sanity check failed: ${message}`);
}

const ours = ordercoreCycle();
const theirs = xstateCycle();
const floor = lookupCycle();
const value = theirs.value as Record<Region, string>;
check(ours.state === 'completed', `ordercore ends in ${ours.state}`);
check(value.order === 'completed' && floor.order === 'completed', 'xstate and the table end in completed');
check(
  ours.payments[0]?.state === 'captured' && value.payment === 'captured' && floor.payment === 'captured',
  'the payment is captured in all three',
);
check(
  ours.shipments[0]?.state === 'delivered' && value.shipment === 'delivered' && floor.shipment === 'delivered',
  'the shipment is delivered in all three',
);
check(
  JSON.stringify(ours.lines) === JSON.stringify(theirs.context.lines),
  'ordercore and xstate agree on every line ledger',
);
check(
  JSON.stringify(ours.payments) === JSON.stringify(theirs.context.payments),
  'ordercore and xstate agree on the payment',
);
check(
  ours.version === theirs.context.version && ours.history.length === theirs.context.history.length,
  `versions ${ours.version}/${theirs.context.version}, history ${ours.history.length}/${theirs.context.history.length}`,
);
check(
  JSON.stringify(ours.history.map((h) => [h.seq, h.machine, h.from, h.to])) ===
    JSON.stringify(theirs.context.history.map((h) => [h.seq, h.machine, h.from, h.to])),
  'ordercore and xstate write the same history (seq, machine, from, to)',
);
// The guards are live in both: capturing more than authorised, or completing early, is refused.
const over = { type: 'capture_payment', paymentId: 'p1', amount: minor(grandTotal.amount + 1) } as const;
const refused = transition(preStates[2] as Order, over, OPTIONS);
check(!refused.ok && refused.error.code === 'guard_rejected', 'ordercore refuses a capture above the authorisation');
const xAuthorized = CYCLE.slice(0, 2).reduce((s, e) => xstateTransition(xMachine, s, e)[0], xInitial);
check(
  (xstateTransition(xMachine, xAuthorized, over)[0].value as Record<Region, string>).payment === 'authorized',
  'xstate refuses a capture above the authorisation',
);
const early = transition(preStates[9] as Order, { type: 'complete' }, OPTIONS);
check(early.ok, 'complete is accepted once delivered');
console.log(
  `order: ${LINE_COUNT} lines, ${placed.lines.reduce((n, l) => n + l.quantity, 0)} units, grand total ${grandTotal.amount / 100} ${CURRENCY}; ` +
    `cycle of ${CYCLE.length} events; the three agree (completed, captured, delivered; ${ours.history.length} history entries)`,
);

// ---------------------------------------------------------------------------------------------
// Timing.

const CASE_ORDERCORE = 'ordercore transition, 10-event cycle';
const CASE_XSTATE = 'xstate v5 transition(), 10-event cycle';
const CASE_FLOOR = 'lookup table, 10-event cycle';

const results = runBench(
  'orders: a 10-event order cycle (guards, immutable update, history) — ordercore vs xstate v5 vs a lookup table',
  [
    { name: CASE_ORDERCORE, run: ordercoreCycle },
    { name: CASE_XSTATE, run: xstateCycle },
    { name: CASE_FLOOR, run: lookupCycle },
  ],
  { baseline: CASE_ORDERCORE, samples: 200 },
);

const single = runBench(
  'orders: each transition of the cycle alone, from its own pre-state (ordercore)',
  CYCLE.map((event, i) => ({
    name: `${String(i + 1).padStart(2)}. ${event.type}`,
    run: () => transition(preStates[i] as Order, event, OPTIONS),
  })),
  { baseline: ` 1. ${CYCLE[0]?.type}`, samples: 100 },
);

const median = (name: string): number => (results.find((r) => r.name === name) as { median: number }).median;
const perTransition = (name: string): number => median(name) / CYCLE.length;
const ns = (x: number): string => (x >= 1e3 ? `${(x / 1e3).toFixed(2)} µs` : `${x.toFixed(0)} ns`);
const ours1 = perTransition(CASE_ORDERCORE);
const xstate1 = perTransition(CASE_XSTATE);
const floor1 = perTransition(CASE_FLOOR);
const slowest = [...single].sort((a, b) => b.median - a.median)[0];
console.log('\n  per transition (cycle median / 10):');
console.log(`    ordercore      ${ns(ours1).padStart(10)}`);
console.log(`    xstate v5      ${ns(xstate1).padStart(10)}   (${(xstate1 / ours1).toFixed(1)}× ordercore)`);
console.log(`    lookup table   ${ns(floor1).padStart(10)}   (ordercore is ${(ours1 / floor1).toFixed(0)}× the floor)`);
if (slowest !== undefined) console.log(`    slowest single transition: ${slowest.name.trim()} ${ns(slowest.median)}`);
const verdict = (met: boolean): string => (met ? 'met' : 'MISSED');
console.log('\n  targets:');
console.log(`    ≤ 1 µs median per transition: ${ns(ours1)} — ${verdict(ours1 <= 1_000)}`);
console.log(`    ≥ 10× faster than xstate v5: ${(xstate1 / ours1).toFixed(1)}× — ${verdict(xstate1 / ours1 >= 10)}`);
