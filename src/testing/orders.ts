import fc from 'fast-check';
import { fromMinor, type Money } from '../money/index.js';
import {
  type Address,
  ORDER_PRIORITIES,
  ORDER_TYPES,
  type Order,
  type OrderDraft,
  type OrderDraftLine,
  type OrderEvent,
  type OrderLine,
  type OrderType,
  type PaymentTerms,
} from '../orders/types.js';

/**
 * Options for the order arbitraries.
 *
 * @example
 * ```ts
 * import type { OrderArbitraryOptions } from 'ordercore/testing';
 *
 * const options: OrderArbitraryOptions = { currency: 'EUR', maxLines: 3, type: 'stock', paymentTerms: 'prepaid' };
 * options.maxLines; //=> 3
 * ```
 */
export interface OrderArbitraryOptions {
  /** The order currency. Default `'USD'`. */
  readonly currency?: string;
  /** The fewest lines an order has. Default 1. */
  readonly minLines?: number;
  /** The most lines an order has. Default 4. */
  readonly maxLines?: number;
  /** The order type. Default: any of `ORDER_TYPES`. */
  readonly type?: OrderType;
  /** The kind of payment terms. Default: any. */
  readonly paymentTerms?: PaymentTerms['kind'];
  /** When the order was placed (`timestamps.orderedAt`). Default `'2026-11-22T10:00:00Z'`. */
  readonly now?: string;
  /** The most random events mixed into a sequence (see {@link orderEventSequenceArbitrary}). Default 3. */
  readonly maxNoise?: number;
}

const DAY = 86_400_000;
const shift = (now: string, ms: number): string => new Date(Date.parse(now) + ms).toISOString();
const sumOf = (amounts: readonly number[]): number => amounts.reduce((a, b) => a + b, 0);
const QUANTITIES_ZERO = {
  allocated: 0,
  picked: 0,
  shipped: 0,
  delivered: 0,
  cancelled: 0,
  returned: 0,
  backordered: 0,
} as const;

/** Splits `total` into two positive-or-zero parts at `percent` percent. */
const splitAt = (total: number, percent: number): [number, number] => {
  const first = Math.floor((total * percent) / 100);
  return [first, total - first];
};

function draftLineArbitrary(currency: string): fc.Arbitrary<OrderDraftLine> {
  return fc
    .tuple(
      fc.integer({ min: 0, max: 7 }),
      fc.integer({ min: 1, max: 20 }),
      fc.integer({ min: 0, max: 50_000 }),
      fc.integer({ min: 0, max: 100 }),
      fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }),
      fc.integer({ min: 0, max: 2_500 }),
      fc.option(fc.constantFrom('c1', 'c2', 'c3'), { nil: undefined }),
      fc.boolean(),
    )
    .map(([sku, quantity, unit, discountPercent, splitPercent, taxBasisPoints, category, priced]) => {
      const m = (amount: number): Money => fromMinor(amount, currency);
      const subtotal = unit * quantity;
      const discount = Math.floor((subtotal * discountPercent) / 100);
      // One entry per promotion, each positive: two when the discount splits into positive parts.
      const parts = splitPercent === undefined ? [discount] : splitAt(discount, splitPercent);
      const discounts = parts.filter((a) => a > 0).map((a, i) => ({ promotionId: `promo-${i + 1}`, amount: m(a) }));
      const net = subtotal - discount;
      const tax = Math.floor((net * taxBasisPoints) / 10_000);
      return {
        id: 'l1',
        sku: `S${sku}`,
        description: `Item S${sku}`,
        ...(category === undefined ? {} : { category }),
        quantity,
        unitPrice: m(unit),
        ...(priced ? { unitPriceSource: { kind: 'base' as const, minQuantity: 1 } } : {}),
        subtotal: m(subtotal),
        discounts,
        discountTotal: m(sumOf(discounts.map((d) => d.amount.amount))),
        net: m(net),
        tax: m(tax),
        total: m(net + tax),
      };
    });
}

/**
 * A fast-check arbitrary of order lines as priced, with a zero ledger: subtotal = unit price ×
 * quantity (1–20), discounts (one entry per promotion, each positive) at most the subtotal, net =
 * subtotal − discounts, tax ≥ 0, total = net + tax. Its id is `'l1'`; {@link orderArbitrary} numbers its lines `l1`, `l2`, ...
 *
 * @param options - {@link OrderArbitraryOptions}: only `currency` is read.
 * @returns The arbitrary.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { orderLineArbitrary } from 'ordercore/testing';
 *
 * const lines = fc.sample(orderLineArbitrary({ currency: 'EUR' }), { numRuns: 20, seed: 1 });
 * lines.every((l) => l.subtotal.amount === l.unitPrice.amount * l.quantity && l.net.amount + l.tax.amount === l.total.amount); //=> true
 * lines.every((l) => l.quantities.shipped === 0 && l.total.currency === 'EUR'); //=> true
 * ```
 */
export function orderLineArbitrary(options?: OrderArbitraryOptions): fc.Arbitrary<OrderLine> {
  return draftLineArbitrary(options?.currency ?? 'USD').map((line) => ({
    ...line,
    sourcing: 'stock',
    quantities: QUANTITIES_ZERO,
  }));
}

const addressArbitrary: fc.Arbitrary<Address> = fc
  .tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom('US', 'DE', 'GB', 'JP'))
  .map(([n, country]) => ({
    name: `Customer ${n}`,
    line1: `${n} Main St`,
    city: 'Springfield',
    postalCode: `${10_000 + n}`,
    country,
  }));

/**
 * A fast-check arbitrary of order drafts (what creating an order takes): lines `l1`, `l2`, ... from
 * {@link orderLineArbitrary} without their ledgers, shipping, delivery requirements, payment terms,
 * a customer with a full address, and the release date or service job that pre-orders and service
 * orders carry. Every amount is in the one currency.
 *
 * @param options - {@link OrderArbitraryOptions}.
 * @returns The arbitrary.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { orderDraftArbitrary } from 'ordercore/testing';
 *
 * const drafts = fc.sample(orderDraftArbitrary({ type: 'service', maxLines: 2 }), { numRuns: 10, seed: 2 });
 * drafts.every((d) => d.type === 'service' && d.service?.state === 'requested' && d.lines.length <= 2); //=> true
 * ```
 */
export function orderDraftArbitrary(options?: OrderArbitraryOptions): fc.Arbitrary<OrderDraft> {
  return completeDraftArbitrary(options);
}

/** A draft with the fields `createOrder` would default all set, so it is also an order's header. */
type CompleteDraft = OrderDraft & Pick<Order, 'priority' | 'shipping' | 'fulfillment' | 'timestamps'>;

function completeDraftArbitrary(options?: OrderArbitraryOptions): fc.Arbitrary<CompleteDraft> {
  const currency = options?.currency ?? 'USD';
  const now = options?.now ?? '2026-11-22T10:00:00Z';
  const m = (amount: number): Money => fromMinor(amount, currency);
  return fc
    .tuple(
      fc.integer({ min: 1, max: 99_999 }),
      options?.type === undefined ? fc.constantFrom(...ORDER_TYPES) : fc.constant(options.type),
      fc.constantFrom(...ORDER_PRIORITIES),
      fc.constantFrom('web', 'store', 'b2b'),
      fc.array(draftLineArbitrary(currency), {
        minLength: options?.minLines ?? 1,
        maxLength: options?.maxLines ?? 4,
      }),
      fc.integer({ min: 0, max: 2_000 }),
      fc.integer({ min: 0, max: 25 }),
      addressArbitrary,
      fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
      fc.constantFrom(
        ...(options?.paymentTerms === undefined
          ? (['prepaid', 'net', 'cash_on_delivery'] as const)
          : [options.paymentTerms]),
      ),
      fc.boolean(),
      fc.boolean(),
    )
    .map(
      ([
        n,
        type,
        priority,
        channel,
        lines,
        shipping,
        shippingTax,
        address,
        riskScore,
        requestedInDays,
        terms,
        creditApproved,
        coupon,
      ]) => {
        const paymentTerms: PaymentTerms = terms === 'net' ? { kind: 'net', days: 30 } : { kind: terms };
        const requested = requestedInDays === undefined ? undefined : shift(now, requestedInDays * DAY).slice(0, 10);
        return {
          id: `o-${n}`,
          type: type,
          currency,
          channel: channel,
          priority: priority,
          customer: {
            accountId: `c-${n % 100}`,
            ...(riskScore === undefined ? {} : { riskScore: riskScore }),
            deliveryAddress: address,
          },
          lines: lines.map((line, i) => ({
            ...line,
            id: `l${i + 1}`,
            sourcing: type === 'make_to_order' || type === 'configured' ? 'make_to_order' : 'stock',
          })),
          shipping: { net: m(shipping), tax: m(Math.floor((shipping * shippingTax) / 100)) },
          fulfillment: {
            ...(requested === undefined ? {} : { requestedDeliveryDate: requested }),
            shippingMethod: 'ground',
          },
          terms: {
            paymentTerms,
            paymentMethod: terms === 'net' ? 'invoice' : 'card',
            creditApproved: creditApproved,
          },
          timestamps: { orderedAt: now },
          ...(type === 'pre_order' ? { releaseAt: shift(now, 14 * DAY) } : {}),
          ...(type === 'service' ? { service: { state: 'requested' } } : {}),
          ...(coupon ? { couponCodes: ['WELCOME'] } : {}),
        };
      },
    );
}

/**
 * A fast-check arbitrary of valid orders in state `'placed'` (version 0, empty history, no payments,
 * shipments, returns or approvals), with consistent money on every line (see
 * {@link orderLineArbitrary}), zero ledgers, unique line ids `l1`, `l2`, ..., and lines sourced by
 * the order type (make-to-order and configured orders produce, the others ship from stock).
 *
 * @param options - {@link OrderArbitraryOptions}: currency, line count, order type, payment terms.
 * @returns The arbitrary.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { orderArbitrary } from 'ordercore/testing';
 *
 * const orders = fc.sample(orderArbitrary({ currency: 'JPY', minLines: 2, maxLines: 3 }), { numRuns: 10, seed: 3 });
 * orders.every((o) => o.state === 'placed' && o.lines.length >= 2 && o.lines.every((l) => l.total.currency === 'JPY')); //=> true
 * orders.every((o) => new Set(o.lines.map((l) => l.id)).size === o.lines.length); //=> true
 * ```
 */
export function orderArbitrary(options?: OrderArbitraryOptions): fc.Arbitrary<Order> {
  return completeDraftArbitrary(options).map((draft) => ({
    ...draft,
    version: 0,
    state: 'placed',
    lines: draft.lines.map((line) => ({ ...line, sourcing: line.sourcing ?? 'stock', quantities: QUANTITIES_ZERO })),
    payments: [],
    shipments: [],
    returns: [],
    approvals: [],
    history: [],
  }));
}

/** The amount a customer pays for an order: Σ line totals + shipping and its tax. */
function grandTotal(order: Order): number {
  return sumOf(order.lines.map((l) => l.total.amount)) + order.shipping.net.amount + order.shipping.tax.amount;
}

/**
 * A fast-check arbitrary of single events for an order, plausible or not: they name the order's real
 * line ids (and sometimes an unknown one), payments `p1`/`p2`, shipments `s1`/`s2` and return `r1`,
 * with quantities up to one more than a line's and amounts up to the order's total. Every event is
 * well formed (it passes `parseOrderEvent`); whether the machine accepts it is what a model-based test
 * finds out.
 *
 * @param order - The order the events address.
 * @returns The arbitrary.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { orderArbitrary, orderEventArbitrary } from 'ordercore/testing';
 *
 * const [order] = fc.sample(orderArbitrary(), { numRuns: 1, seed: 4 });
 * const events = order === undefined ? [] : fc.sample(orderEventArbitrary(order), { numRuns: 30, seed: 4 });
 * events.length; //=> 30
 * events.every((e) => typeof e.type === 'string'); //=> true
 * ```
 */
export function orderEventArbitrary(order: Order): fc.Arbitrary<OrderEvent> {
  const m = (amount: number): Money => fromMinor(amount, order.currency);
  const ids = [...order.lines.map((l) => l.id), 'unknown-line'];
  const quantityOf = (id: string): number => order.lines.find((l) => l.id === id)?.quantity ?? 1;
  return fc
    .tuple(
      fc.nat(),
      fc.nat(),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 }),
      fc.integer({ min: 0, max: grandTotal(order) }),
      fc.integer({ min: 1, max: 30 }),
      draftLineArbitrary(order.currency),
    )
    .map(([kind, n, picks, minor, days, substitute]): OrderEvent => {
      // One random number picks the ids and the reason, another the event: simple to shrink.
      const lines = picks.map(([i, q]) => {
        const lineId = ids[i % ids.length] ?? 'l1';
        return { lineId, quantity: 1 + (q % (quantityOf(lineId) + 1)) };
      });
      const lineId = lines[0]?.lineId ?? 'l1';
      const paymentId = n % 2 === 0 ? 'p1' : 'p2';
      const shipmentId = n % 3 === 0 ? 's2' : 's1';
      const returnId = n % 5 === 0 ? 'r2' : 'r1';
      const reason = 'customer request';
      const at = shift(order.timestamps.orderedAt, days * DAY);
      const amount = m(minor);
      const events: (() => OrderEvent)[] = [
        () => ({ type: 'confirm' }),
        () => ({ type: 'release_hold' }),
        () => ({ type: 'release_for_fulfillment' }),
        () => ({ type: 'complete' }),
        () => ({ type: 'close' }),
        () => ({ type: 'start_service' }),
        () => ({ type: 'approve', queue: 'credit' }),
        () => ({ type: 'assign_technician', technicianId: 't-1' }),
        () => ({ type: 'hold', reason }),
        () => ({ type: 'cancel', reason }),
        () => ({ type: 'reject', queue: 'credit', reason }),
        () => ({ type: 'request_approval', steps: [{ queue: 'credit', ruleId: 'credit-limit', reason }] }),
        () => ({ type: 'allocate', lines, ...(n % 2 === 0 ? { backorders: lines.slice(0, 1) } : {}) }),
        () => ({ type: 'production_completed', lines }),
        () => ({ type: 'cancel_lines', lines, reason }),
        () => ({ type: 'edit_order', edits: [{ kind: 'change_quantity', lineId, quantity: 1 + (n % 5) }] }),
        () => ({ type: 'edit_order', edits: [{ kind: 'remove_line', lineId }] }),
        () => ({
          type: 'accept_substitution',
          lineId,
          substitute: { kind: 'add_line', line: { ...substitute, id: 'sub-1' } },
        }),
        () => ({ type: 'authorize_payment', paymentId, method: 'card', amount }),
        () => ({ type: 'capture_payment', paymentId, amount }),
        () => ({ type: 'refund_payment', paymentId, amount }),
        () => ({ type: 'void_payment', paymentId }),
        () => ({ type: 'payment_failed', paymentId, reason }),
        () => ({ type: 'create_shipment', shipmentId, lines }),
        () => ({ type: 'start_picking', shipmentId }),
        () => ({ type: 'pack_shipment', shipmentId }),
        () => ({ type: 'ship', shipmentId, carrier: 'ups', trackingNumber: `TRK-${shipmentId}` }),
        () => ({ type: 'deliver', shipmentId }),
        () => ({ type: 'cancel_shipment', shipmentId, reason }),
        () => ({ type: 'report_delay', shipmentId, newExpectedAt: at, reason }),
        () => ({ type: 'request_return', returnId, lines: lines.map((l) => ({ ...l, reason: 'defective' })) }),
        () => ({ type: 'authorize_return', returnId }),
        () => ({ type: 'reject_return', returnId, reason }),
        () => ({ type: 'receive_return', returnId, lines }),
        () => ({
          type: 'inspect_return',
          returnId,
          lines: lines.map((l) => ({ lineId: l.lineId, resellable: l.quantity, damaged: 0 })),
        }),
        () => ({ type: 'resolve_return', returnId, resolution: RESOLUTIONS[n % 3] ?? 'refund' }),
        () => ({ type: 'schedule_appointment', from: at, until: shift(at, 7_200_000) }),
        () => ({ type: 'allocate_parts', parts: [{ sku: 'PART-1', quantity: 1 + (n % 3) }] }),
        () => ({ type: 'complete_service', notes: 'done', laborMinutes: n % 600 }),
      ];
      return (events[kind % events.length] ?? events[0] ?? (() => ({ type: 'confirm' })))();
    });
}

const RESOLUTIONS = ['refund', 'exchange', 'store_credit'] as const;

/**
 * An order and the events to feed it, as {@link orderEventSequenceArbitrary} makes them.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { type OrderEventSequence, orderEventSequenceArbitrary } from 'ordercore/testing';
 *
 * const [sequence]: OrderEventSequence[] = fc.sample(orderEventSequenceArbitrary({ maxNoise: 0 }), { numRuns: 1, seed: 5 });
 * sequence?.order.state; //=> 'placed'
 * ```
 */
export interface OrderEventSequence {
  /** A placed order, as {@link orderArbitrary} makes it. */
  readonly order: Order;
  /** The events, in the order to apply them. */
  readonly events: readonly OrderEvent[];
}

/**
 * A fast-check arbitrary of placed orders with plausible event sequences for model-based tests of the
 * order machines: a lifecycle script (approval, confirm, authorise `p1` for the grand total, capture
 * it whole or in two parts, release pre-orders, allocate some units of each line with any shortfall
 * backordered, complete production of make-to-order units, ship `s1` through picking, packing,
 * shipping and delivery, run the service job of service orders, cancel the lines' unallocated units,
 * and return and refund some delivered units through `r1`), cut short at a random point or diverted
 * by a hold or a cancellation, with up to `maxNoise` random events from {@link orderEventArbitrary}
 * mixed in. It reads only the order model, never the machines' implementation.
 *
 * @param options - {@link OrderArbitraryOptions}.
 * @returns The arbitrary.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { orderEventSequenceArbitrary } from 'ordercore/testing';
 *
 * const run = fc.check(
 *   fc.property(orderEventSequenceArbitrary({ maxNoise: 0 }), ({ order, events }) => {
 *     const ids = new Set(order.lines.map((l) => l.id));
 *     return events.every((e) => !('lines' in e) || e.lines.every((l) => ids.has(l.lineId)));
 *   }),
 *   { numRuns: 30, seed: 6 },
 * );
 * run.failed; //=> false
 * ```
 */
export function orderEventSequenceArbitrary(options?: OrderArbitraryOptions): fc.Arbitrary<OrderEventSequence> {
  return orderArbitrary(options).chain((order) =>
    fc
      .tuple(
        fc.tuple(
          fc.array(fc.integer({ min: 0, max: 100 }), { minLength: order.lines.length, maxLength: order.lines.length }),
          fc.integer({ min: 0, max: 100 }),
          fc.integer({ min: 0, max: 100 }),
          fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }),
          fc.boolean(),
        ),
        fc.constantFrom('none', 'none', 'hold', 'cancel'),
        fc.nat(),
        fc.option(fc.nat(), { nil: undefined }),
        fc.array(fc.tuple(fc.nat(), orderEventArbitrary(order)), { maxLength: options?.maxNoise ?? 3 }),
      )
      .map(([choices, divert, divertAt, cutAt, noise]) => {
        const events = lifecycle(order, ...choices);
        if (divert !== 'none') {
          const at = divertAt % (events.length + 1);
          const diversion: OrderEvent[] =
            divert === 'hold'
              ? [{ type: 'hold', reason: 'address check' }, { type: 'release_hold' }]
              : [{ type: 'cancel', reason: 'customer request' }];
          events.splice(at, divert === 'hold' ? 0 : events.length, ...diversion);
        }
        if (cutAt !== undefined) events.length = cutAt % (events.length + 1);
        for (const [at, event] of noise) events.splice(at % (events.length + 1), 0, event);
        return { order, events };
      }),
  );
}

/** The happy path of an order, with the quantities each step can plausibly take. */
function lifecycle(
  order: Order,
  allocatePercent: readonly number[],
  shipPercent: number,
  returnPercent: number,
  capturePercent: number | undefined,
  approval: boolean,
): OrderEvent[] {
  const m = (amount: number): Money => fromMinor(amount, order.currency);
  const total = grandTotal(order);
  const pick = (quantity: number, percent: number): number => Math.floor((quantity * percent) / 100);
  const allocated = order.lines.map((l, i) => ({
    lineId: l.id,
    quantity: pick(l.quantity, allocatePercent[i] ?? 100),
  }));
  const shipped = allocated.map((l) => ({ lineId: l.lineId, quantity: pick(l.quantity, shipPercent) }));
  const returned = shipped.map((l) => ({ lineId: l.lineId, quantity: pick(l.quantity, returnPercent) }));
  const positive = <T extends { quantity: number }>(ls: readonly T[]): T[] => ls.filter((l) => l.quantity > 0);
  const backorders = positive(
    order.lines.map((l, i) => ({ lineId: l.id, quantity: l.quantity - (allocated[i]?.quantity ?? 0) })),
  );
  const production = order.lines.filter((l) => l.sourcing === 'make_to_order').map((l) => l.id);
  const events: OrderEvent[] = [];
  if (approval) {
    events.push(
      {
        type: 'request_approval',
        steps: [{ queue: 'credit', ruleId: 'credit-limit', reason: 'credit limit' }],
      },
      { type: 'approve', queue: 'credit' },
    );
  }
  events.push({ type: 'confirm', expectedShipAt: shift(order.timestamps.orderedAt, 2 * DAY) });
  events.push({ type: 'authorize_payment', paymentId: 'p1', method: 'card', amount: m(total) });
  const [first, second] = capturePercent === undefined ? [total, 0] : splitAt(total, capturePercent);
  events.push({ type: 'capture_payment', paymentId: 'p1', amount: m(first) });
  if (second > 0) events.push({ type: 'capture_payment', paymentId: 'p1', amount: m(second) });
  if (order.type === 'pre_order') events.push({ type: 'release_for_fulfillment' });
  if (positive(allocated).length > 0 || backorders.length > 0) {
    events.push({
      type: 'allocate',
      lines: positive(allocated),
      ...(backorders.length > 0
        ? { backorders: backorders.map((b) => ({ ...b, expectedAt: shift(order.timestamps.orderedAt, 10 * DAY) })) }
        : {}),
    });
  }
  const produced = positive(allocated).filter((l) => production.includes(l.lineId));
  if (produced.length > 0) events.push({ type: 'production_completed', lines: produced });
  if (order.type === 'service') {
    const from = shift(order.timestamps.orderedAt, 3 * DAY);
    events.push(
      { type: 'schedule_appointment', from, until: shift(from, 7_200_000) },
      { type: 'assign_technician', technicianId: 't-1' },
      { type: 'start_service' },
      { type: 'complete_service', notes: 'done', laborMinutes: 90 },
    );
  }
  if (positive(shipped).length > 0) {
    events.push(
      { type: 'create_shipment', shipmentId: 's1', lines: positive(shipped) },
      { type: 'start_picking', shipmentId: 's1' },
      { type: 'pack_shipment', shipmentId: 's1' },
      { type: 'ship', shipmentId: 's1', carrier: 'ups', trackingNumber: '1Z0001' },
      { type: 'deliver', shipmentId: 's1' },
    );
  }
  if (backorders.length > 0) events.push({ type: 'cancel_lines', lines: backorders, reason: 'declined' });
  const returnedLines = positive(returned);
  if (returnedLines.length > 0) {
    const refund = sumOf(
      returnedLines.map((r) => {
        const line = order.lines.find((l) => l.id === r.lineId);
        return line === undefined ? 0 : Math.floor((line.total.amount * r.quantity) / line.quantity);
      }),
    );
    events.push(
      { type: 'request_return', returnId: 'r1', lines: returnedLines.map((r) => ({ ...r, reason: 'wrong_size' })) },
      { type: 'authorize_return', returnId: 'r1' },
      { type: 'receive_return', returnId: 'r1', lines: returnedLines },
      {
        type: 'inspect_return',
        returnId: 'r1',
        lines: returnedLines.map((r) => ({ lineId: r.lineId, resellable: r.quantity, damaged: 0 })),
      },
      { type: 'resolve_return', returnId: 'r1', resolution: 'refund' },
      { type: 'refund_payment', paymentId: 'p1', amount: m(refund), reason: 'return' },
    );
  }
  events.push({ type: 'complete' }, { type: 'close' });
  return events;
}
