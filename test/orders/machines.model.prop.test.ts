// Model-based property tests of the order machines (fast-check commands): a small, independent model
// of what an order should look like (per-line unit counts, payments in minor units, shipments,
// returns, the order state and version) runs side by side with the real `Order`, driven only through
// `transition`. Every command says, from the model alone, whether its event must be accepted or
// refused (and with which code, guard and reason), checks the effects, updates the model, and then
// the two must agree on every count and amount; money is checked against the documented slicing rule
// (the first k of a line's n units are worth ⌊subtotal·k/n⌋ + ⌊tax·k/n⌋ for a tax-exclusive line
// without discounts), not against the implementation's helpers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fulfillmentStatus,
  type MachineEvent,
  type Order,
  type OrderEffect,
  orderBalance,
  orderInvariantViolations,
  orderTotals,
  paymentStatus,
  replay,
  type TransitionOptions,
  transition,
} from '../../src/orders/index.js';
import { created, draft, line, NOW } from './machineFixtures.js';

// ------------------------------------------------------------------------------------------------
// The order under test: three tax-exclusive lines whose amounts do not divide evenly by their
// quantities (so slicing rounds), shipping with tax, and a coupon (released on cancel).

const LINE_SPECS = [
  { id: 'l1', quantity: 4, unit: 1000, subtotal: 4000, tax: 333 },
  { id: 'l2', quantity: 3, unit: 333, subtotal: 1000, tax: 70 },
  { id: 'l3', quantity: 1, unit: 999, subtotal: 999, tax: 0 },
] as const;
const SHIPPING = { net: 495, tax: 50 } as const;
const COUPONS = ['WELCOME'] as const;
const ORDER_ID = 'o-1';

const usd = (amount: number) => ({ amount, currency: 'USD' });

type Terms = 'prepaid' | 'net_approved';
type Cutoff = 'picking' | 'none';

interface Config {
  readonly terms: Terms;
  readonly cutoff: Cutoff;
}

function startOrder(config: Config): Order {
  const order = created(
    draft({
      lines: LINE_SPECS.map((s) =>
        line(s.id, s.quantity, 0, {
          unitPrice: usd(s.unit),
          subtotal: usd(s.subtotal),
          net: usd(s.subtotal),
          tax: usd(s.tax),
          total: usd(s.subtotal + s.tax),
        }),
      ),
      shipping: { net: usd(SHIPPING.net), tax: usd(SHIPPING.tax) },
      couponCodes: [...COUPONS],
      ...(config.terms === 'prepaid'
        ? { paymentTerms: { kind: 'prepaid' } }
        : { paymentTerms: { kind: 'net', days: 30 }, creditApproved: true }),
    }),
    options(config),
  );
  return deepFreeze(order);
}

function options(config: Config): TransitionOptions {
  return { now: NOW, actor: { kind: 'user', id: 'model' }, changeCutoff: config.cutoff };
}

/** Freezes every object reachable from `value` (always recursing: a frozen parent proves nothing). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

// ------------------------------------------------------------------------------------------------
// The model.

type OrderStateModel = 'placed' | 'confirmed' | 'in_fulfillment' | 'completed' | 'cancelled';
type ShipmentStateModel = 'allocated' | 'picking' | 'packed' | 'shipped' | 'delivered' | 'cancelled';
type ReturnStateModel =
  | 'requested'
  | 'authorized'
  | 'rejected'
  | 'partially_received'
  | 'received'
  | 'inspected'
  | 'refunded'
  | 'exchanged'
  | 'store_credited';

interface Units {
  readonly lineId: string;
  readonly quantity: number;
}

interface LineModel {
  readonly id: string;
  readonly sku: string;
  readonly quantity: number;
  readonly subtotal: number;
  readonly tax: number;
  allocated: number;
  picked: number;
  shipped: number;
  delivered: number;
  cancelled: number;
  returned: number;
}

interface ShipmentModel {
  readonly id: string;
  state: ShipmentStateModel;
  readonly lines: readonly Units[];
  readonly locationId: string | undefined;
}

interface PaymentModel {
  readonly id: string;
  state: 'authorized' | 'partially_captured' | 'captured' | 'partially_refunded' | 'refunded' | 'voided';
  authorized: number;
  captured: number;
  refunded: number;
}

interface ReturnLineModel {
  readonly lineId: string;
  readonly quantity: number;
  received: number;
  inspected: { resellable: number; damaged: number } | undefined;
}

interface ReturnModel {
  readonly id: string;
  state: ReturnStateModel;
  readonly lines: ReturnLineModel[];
  resolutionAmount: number | undefined;
}

interface Model {
  readonly config: Config;
  state: OrderStateModel;
  version: number;
  readonly lines: LineModel[];
  readonly shipments: ShipmentModel[];
  readonly payments: PaymentModel[];
  readonly returns: ReturnModel[];
}

interface Real {
  order: Order;
}

function initialModel(config: Config): Model {
  return {
    config,
    state: 'placed',
    version: 1,
    lines: LINE_SPECS.map((s) => ({
      id: s.id,
      sku: `SKU-${s.id}`,
      quantity: s.quantity,
      subtotal: s.subtotal,
      tax: s.tax,
      allocated: 0,
      picked: 0,
      shipped: 0,
      delivered: 0,
      cancelled: 0,
      returned: 0,
    })),
    shipments: [],
    payments: [],
    returns: [],
  };
}

// Money, by the documented rule (tax-exclusive lines without discounts).
const subtotalOf = (l: LineModel, k: number) => Math.floor((l.subtotal * k) / l.quantity);
const taxOf = (l: LineModel, k: number) => Math.floor((l.tax * k) / l.quantity);
const unitsValue = (l: LineModel, k: number) => subtotalOf(l, k) + taxOf(l, k);

const active = (l: LineModel) => l.quantity - l.cancelled;
const lineOf = (m: Model, id: string) => m.lines.find((l) => l.id === id) as LineModel;
const grandTotal = (m: Model) =>
  m.lines.reduce((sum, l) => sum + unitsValue(l, active(l)), SHIPPING.net + SHIPPING.tax);
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const captured = (m: Model) => sum(m.payments.map((p) => p.captured));
const refunded = (m: Model) => sum(m.payments.map((p) => p.refunded));
const authorizedLive = (m: Model) => sum(m.payments.filter((p) => p.state !== 'voided').map((p) => p.authorized));
const netCaptured = (m: Model) => captured(m) - refunded(m);

/** Units of a line in shipments that are not cancelled. */
const inShipments = (m: Model, lineId: string) =>
  sum(
    m.shipments
      .filter((s) => s.state !== 'cancelled')
      .flatMap((s) => s.lines.filter((u) => u.lineId === lineId).map((u) => u.quantity)),
  );
/** Allocated units not yet in a shipment. */
const freeToShip = (m: Model, l: LineModel) => l.allocated - inShipments(m, l.id);
/** Units still ordered and not allocated (no backorders in these runs). */
const openToAllocate = (l: LineModel) => active(l) - l.allocated;
/** Units that can still be cancelled: not shipped, picked or in a live shipment. */
const cancellable = (m: Model, l: LineModel) =>
  Math.max(0, active(l) - Math.max(l.shipped, l.picked, inShipments(m, l.id)));
/** Shipped units not already in a return that was not rejected. */
const returnable = (m: Model, l: LineModel) =>
  l.shipped -
  sum(
    m.returns
      .filter((r) => r.state !== 'rejected')
      .flatMap((r) => r.lines.filter((x) => x.lineId === l.id).map((x) => x.quantity)),
  );
const PAST_CUTOFF: readonly ShipmentStateModel[] = ['picking', 'packed', 'shipped', 'delivered'];
const cutoffReached = (m: Model) =>
  m.config.cutoff !== 'none' && m.shipments.some((s) => PAST_CUTOFF.includes(s.state));
/** Returns settled by refund: goods given back and paid back, so no longer owed. */
const refundedReturns = (m: Model) =>
  sum(m.returns.filter((r) => r.state === 'refunded').map((r) => r.resolutionAmount ?? 0));
/** Shipping is not owed by an order cancelled before any unit shipped (nothing was ever sent). */
const waivedShipping = (m: Model) =>
  m.state === 'cancelled' && m.lines.every((l) => l.shipped === 0) ? SHIPPING.net + SHIPPING.tax : 0;
/**
 * The amount due: the grand total less refunded returns, less shipping when cancelled before anything
 * shipped (orderTotals, orderBalance, paymentStatus, the paid guard, cancel's refund).
 */
const amountDue = (m: Model) => grandTotal(m) - refundedReturns(m) - waivedShipping(m);
const paidOrCredit = (m: Model) => m.config.terms === 'net_approved' || netCaptured(m) >= amountDue(m);
/**
 * The refund effects for `amount`: the payments holding money (captured − refunded > 0), newest
 * first, stacked one on another; the refund is the stretch [skip, skip + amount) of that stack
 * (`skip`: money at the top already asked for by earlier refunds not yet recorded), and each payment
 * gives the part of the stretch that lies in its own span.
 */
function refundsFor(m: Model, amount: number, skip: number, reason: string): OrderEffect[] {
  const out: OrderEffect[] = [];
  let top = 0;
  for (const p of [...m.payments].reverse()) {
    const held = p.captured - p.refunded;
    if (held <= 0) continue;
    const share = Math.min(top + held, skip + amount) - Math.max(top, skip);
    if (share > 0) out.push({ type: 'refund_payment', orderId: ORDER_ID, paymentId: p.id, amount: usd(share), reason });
    top += held;
  }
  return out;
}
const capturable = (p: PaymentModel) => p.state === 'authorized' || p.state === 'partially_captured';
const isOpen = (m: Model) => m.state === 'placed' || m.state === 'confirmed' || m.state === 'in_fulfillment';
const pick = <T>(items: readonly T[], selector: number): T | undefined =>
  items.length === 0 ? undefined : items[selector % items.length];

// ------------------------------------------------------------------------------------------------
// Applying an event: accepted or refused exactly as the model says, never touching the order given.

type Expectation =
  | { readonly accept: true }
  | { readonly code: 'transition_not_allowed' }
  | { readonly code: 'guard_rejected'; readonly guard: string; readonly reason: string }
  | { readonly code: 'edit_rejected'; readonly cause: string };

const ACCEPT: Expectation = { accept: true };
const NOT_ALLOWED: Expectation = { code: 'transition_not_allowed' };
const guard = (name: string, reason: string): Expectation => ({ code: 'guard_rejected', guard: name, reason });

const tally = {
  accepted: 0,
  rejected: 0,
  seen: new Map<string, number>(),
  add(key: string): void {
    this.seen.set(key, (this.seen.get(key) ?? 0) + 1);
  },
};

/** Sends `event`; returns the effects when it was accepted (the model must then be updated). */
function attempt(m: Model, r: Real, event: MachineEvent, expected: Expectation): readonly OrderEffect[] | undefined {
  const before = structuredClone(r.order);
  const result = transition(r.order, event, options(m.config));
  if ('accept' in expected) {
    if (!result.ok) {
      throw new Error(`${event.type} should be accepted, got ${result.error.code}: ${result.error.message}`);
    }
    const next = result.value.order;
    expect(next.version).toBe(m.version + 1);
    expect(next.history.at(-1)?.event).toBe(event);
    m.version += 1;
    r.order = deepFreeze(next);
    tally.accepted += 1;
    tally.add(event.type);
    for (const effect of result.value.effects) tally.add(`effect:${effect.type}`);
    return result.value.effects;
  }
  if (result.ok) throw new Error(`${event.type} should be refused with ${expected.code}, but it was accepted`);
  const e = result.error;
  expect(e.code, e.message).toBe(expected.code);
  if (expected.code === 'guard_rejected') {
    expect(e.details, e.message).toMatchObject({ guard: expected.guard, reason: expected.reason });
  }
  if (expected.code === 'edit_rejected') expect(e.details['cause'], e.message).toMatchObject({ code: expected.cause });
  // A refused event leaves the order exactly as it was (and it is deep-frozen, so it could not change).
  expect(r.order).toEqual(before);
  tally.rejected += 1;
  tally.add(`${event.type}:${expected.code}`);
  agree(m, r.order);
  return undefined;
}

const notify = (message: unknown): OrderEffect =>
  ({ type: 'notify_customer', orderId: ORDER_ID, message }) as OrderEffect;

/** Model and real order agree on everything the model tracks; money identities hold. */
function agree(m: Model, order: Order): void {
  expect(orderInvariantViolations(order)).toEqual([]);
  expect(order.state).toBe(m.state);
  expect(order.version).toBe(m.version);
  expect(order.history).toHaveLength(m.version);
  expect(order.lines.map((l) => ({ id: l.id, ...l.quantities }))).toEqual(
    m.lines.map((l) => ({
      id: l.id,
      allocated: l.allocated,
      picked: l.picked,
      shipped: l.shipped,
      delivered: l.delivered,
      cancelled: l.cancelled,
      returned: l.returned,
      backordered: 0,
    })),
  );
  expect(order.shipments.map((s) => ({ id: s.id, state: s.state, lines: s.lines, locationId: s.locationId }))).toEqual(
    m.shipments.map((s) => ({ id: s.id, state: s.state, lines: s.lines, locationId: s.locationId })),
  );
  expect(
    order.payments.map((p) => ({
      id: p.id,
      state: p.state,
      authorized: p.authorized,
      captured: p.captured,
      refunded: p.refunded,
    })),
  ).toEqual(
    m.payments.map((p) => ({
      id: p.id,
      state: p.state,
      authorized: usd(p.authorized),
      captured: usd(p.captured),
      refunded: usd(p.refunded),
    })),
  );
  expect(
    order.returns.map((x) => ({
      id: x.id,
      state: x.state,
      lines: x.lines.map((l) => ({
        lineId: l.lineId,
        quantity: l.quantity,
        received: l.received,
        inspected: l.inspected,
      })),
      resolutionAmount: x.resolutionAmount,
    })),
  ).toEqual(
    m.returns.map((x) => ({
      id: x.id,
      state: x.state,
      lines: x.lines.map((l) => ({
        lineId: l.lineId,
        quantity: l.quantity,
        received: l.received,
        inspected: l.inspected,
      })),
      resolutionAmount: x.resolutionAmount === undefined ? undefined : usd(x.resolutionAmount),
    })),
  );

  // Money: totals from the documented slicing rule, and the balance identity, to the minor unit.
  const total = grandTotal(m);
  const totals = orderTotals(order);
  expect(totals).toEqual({
    subtotal: usd(sum(m.lines.map((l) => subtotalOf(l, active(l))))),
    discount: usd(0),
    tax: usd(sum(m.lines.map((l) => taxOf(l, active(l)))) + SHIPPING.tax),
    shipping: usd(SHIPPING.net + SHIPPING.tax),
    grandTotal: usd(total),
    refundedReturns: usd(refundedReturns(m)),
    amountDue: usd(amountDue(m)),
    authorized: usd(authorizedLive(m)),
    captured: usd(captured(m)),
    refunded: usd(refunded(m)),
    balanceDue: usd(amountDue(m) - netCaptured(m)),
  });
  expect(totals.subtotal.amount - totals.discount.amount + totals.tax.amount + SHIPPING.net).toBe(
    totals.grandTotal.amount,
  );
  expect(totals.captured.amount - totals.refunded.amount + totals.balanceDue.amount).toBe(totals.amountDue.amount);
  // One amount due: the edits module's balance says the same as orderTotals.
  const balance = orderBalance(order);
  if (!balance.ok) throw balance.error;
  expect(balance.value.due.amount).toBe(amountDue(m));
  expect(balance.value.toCollect.amount - balance.value.toRefund.amount).toBe(totals.balanceDue.amount);
  expect(paymentStatus(order)).toBe(expectedPaymentStatus(m));
  expect(fulfillmentStatus(order)).toBe(expectedFulfillmentStatus(m));
  tally.add(`payment:${paymentStatus(order)}`);
  tally.add(`fulfillment:${fulfillmentStatus(order)}`);
}

/** Payments against the amount due (not the grand total): a refund that follows a lower amount due leaves `paid`. */
function expectedPaymentStatus(m: Model): string {
  const due = amountDue(m);
  const net = netCaptured(m);
  if (refunded(m) > 0 && net === 0) return 'refunded';
  if (refunded(m) > 0 && net < due) return 'partially_refunded';
  if (captured(m) === 0) {
    if (authorizedLive(m) > 0) return 'authorized';
    if (m.state === 'cancelled') return 'voided';
    return due <= 0 ? 'paid' : 'unpaid';
  }
  return net > due ? 'overpaid' : net === due ? 'paid' : 'partially_paid';
}

function expectedFulfillmentStatus(m: Model): string {
  const units = sum(m.lines.map(active));
  const delivered = sum(m.lines.map((l) => l.delivered));
  const shipped = sum(m.lines.map((l) => l.shipped));
  const allocated = sum(m.lines.map((l) => Math.min(l.allocated, active(l))));
  if (units === 0) return 'cancelled';
  if (delivered > 0) return delivered >= units ? 'delivered' : 'partially_delivered';
  if (shipped > 0) return shipped >= units ? 'shipped' : 'partially_shipped';
  if (allocated > 0) return allocated >= units ? 'allocated' : 'partially_allocated';
  return 'unfulfilled';
}

// ------------------------------------------------------------------------------------------------
// Commands.

type Cmd = fc.Command<Model, Real>;

class Confirm implements Cmd {
  constructor(readonly loose: boolean) {}
  check(m: Readonly<Model>): boolean {
    return this.loose || m.state === 'placed';
  }
  run(m: Model, r: Real): void {
    const effects = attempt(m, r, { type: 'confirm' }, m.state === 'placed' ? ACCEPT : NOT_ALLOWED);
    if (effects === undefined) return;
    expect(effects).toEqual([notify({ kind: 'order_confirmed' })]);
    m.state = 'confirmed';
    agree(m, r.order);
  }
  toString(): string {
    return `confirm${this.loose ? '(any state)' : ''}`;
  }
}

type AmountMode = 'full' | 'half' | 'short' | 'excess';

class Authorize implements Cmd {
  constructor(
    readonly mode: 'due' | 'half' | 'fixed',
    readonly fixed: number,
  ) {}
  check(m: Readonly<Model>): boolean {
    // Another authorisation while what is authorised and captured does not yet cover the total.
    const uncaptured = sum(m.payments.filter(capturable).map((p) => p.authorized - p.captured));
    return isOpen(m) && netCaptured(m) + uncaptured < amountDue(m);
  }
  run(m: Model, r: Real): void {
    const due = Math.max(1, amountDue(m) - netCaptured(m));
    const amount = this.mode === 'due' ? due : this.mode === 'half' ? Math.ceil(due / 2) : this.fixed;
    const id = `p${m.payments.length + 1}`;
    const event: MachineEvent = { type: 'authorize_payment', paymentId: id, method: 'card', amount: usd(amount) };
    const effects = attempt(m, r, event, ACCEPT);
    expect(effects).toEqual([]);
    m.payments.push({ id, state: 'authorized', authorized: amount, captured: 0, refunded: 0 });
    agree(m, r.order);
  }
  toString(): string {
    return `authorize(${this.mode}${this.mode === 'fixed' ? ` ${this.fixed}` : ''})`;
  }
}

function amountFor(mode: AmountMode, room: number, extra: number): number {
  if (mode === 'full') return room;
  if (mode === 'half') return Math.max(1, Math.floor(room / 2));
  // One minor unit short: the boundary of the payment guards.
  return mode === 'short' ? Math.max(1, room - 1) : room + extra;
}

class Capture implements Cmd {
  constructor(
    readonly selector: number,
    readonly mode: AmountMode,
    readonly extra: number,
    readonly loose: boolean,
  ) {}
  private targets(m: Readonly<Model>): readonly PaymentModel[] {
    return this.loose ? m.payments : m.payments.filter(capturable);
  }
  check(m: Readonly<Model>): boolean {
    return this.targets(m).length > 0;
  }
  run(m: Model, r: Real): void {
    const p = pick(this.targets(m), this.selector) as PaymentModel;
    const room = p.authorized - p.captured;
    const amount = capturable(p) ? amountFor(this.mode, room, this.extra) : 1 + this.extra;
    const event: MachineEvent = { type: 'capture_payment', paymentId: p.id, amount: usd(amount) };
    const expected = !capturable(p)
      ? NOT_ALLOWED
      : amount > room
        ? guard('capture_within_authorized', 'capture_exceeds_authorized')
        : ACCEPT;
    const effects = attempt(m, r, event, expected);
    if (effects === undefined) return;
    expect(effects).toEqual([]);
    p.captured += amount;
    p.state = p.captured === p.authorized ? 'captured' : 'partially_captured';
    agree(m, r.order);
  }
  toString(): string {
    return `capture(#${this.selector} ${this.mode}${this.mode === 'excess' ? ` +${this.extra}` : ''}${this.loose ? ', any payment' : ''})`;
  }
}

class Refund implements Cmd {
  constructor(
    readonly selector: number,
    readonly mode: AmountMode,
    readonly extra: number,
    readonly loose: boolean,
  ) {}
  private targets(m: Readonly<Model>): readonly PaymentModel[] {
    return this.loose
      ? m.payments
      : m.payments.filter((p) => p.state === 'captured' || p.state === 'partially_refunded');
  }
  check(m: Readonly<Model>): boolean {
    return this.targets(m).length > 0;
  }
  run(m: Model, r: Real): void {
    const p = pick(this.targets(m), this.selector) as PaymentModel;
    const refundable = p.state === 'captured' || p.state === 'partially_refunded';
    const room = p.captured - p.refunded;
    const amount = refundable ? amountFor(this.mode, room, this.extra) : 1 + this.extra;
    const event: MachineEvent = { type: 'refund_payment', paymentId: p.id, amount: usd(amount), reason: 'goodwill' };
    const expected = !refundable
      ? NOT_ALLOWED
      : amount > room
        ? guard('refund_within_captured', 'refund_exceeds_captured')
        : ACCEPT;
    const effects = attempt(m, r, event, expected);
    if (effects === undefined) return;
    expect(effects).toEqual([notify({ kind: 'refund_issued', amount: usd(amount) })]);
    p.refunded += amount;
    p.state = p.refunded === p.captured ? 'refunded' : 'partially_refunded';
    agree(m, r.order);
  }
  toString(): string {
    return `refund(#${this.selector} ${this.mode}${this.mode === 'excess' ? ` +${this.extra}` : ''}${this.loose ? ', any payment' : ''})`;
  }
}

class Void implements Cmd {
  constructor(readonly selector: number) {}
  check(m: Readonly<Model>): boolean {
    return m.payments.length > 0;
  }
  run(m: Model, r: Real): void {
    const p = pick(m.payments, this.selector) as PaymentModel;
    const effects = attempt(m, r, { type: 'void_payment', paymentId: p.id }, capturable(p) ? ACCEPT : NOT_ALLOWED);
    if (effects === undefined) return;
    expect(effects).toEqual([]);
    // The uncaptured part is released: nothing captured → voided; some captured → captured in full.
    p.state = p.state === 'authorized' ? 'voided' : 'captured';
    p.authorized = p.captured;
    agree(m, r.order);
  }
  toString(): string {
    return `void(#${this.selector})`;
  }
}

class Allocate implements Cmd {
  constructor(
    readonly selector: number,
    readonly mode: 'every' | 'all' | 'one' | 'excess',
    readonly extra: number,
    readonly loose: boolean,
  ) {}
  private targets(m: Readonly<Model>): readonly LineModel[] {
    return this.loose ? m.lines : m.lines.filter((l) => openToAllocate(l) > 0);
  }
  check(m: Readonly<Model>): boolean {
    return this.loose || ((m.state === 'confirmed' || m.state === 'in_fulfillment') && this.targets(m).length > 0);
  }
  run(m: Model, r: Real): void {
    const chosen = pick(this.targets(m), this.selector) as LineModel;
    let units: Units[];
    if (this.mode === 'every') {
      units = m.lines.filter((l) => openToAllocate(l) > 0).map((l) => ({ lineId: l.id, quantity: openToAllocate(l) }));
      if (units.length === 0) units = [{ lineId: chosen.id, quantity: 1 }];
    } else {
      const open = openToAllocate(chosen);
      const quantity = this.mode === 'all' ? Math.max(1, open) : this.mode === 'one' ? 1 : open + this.extra;
      units = [{ lineId: chosen.id, quantity }];
    }
    const event: MachineEvent = { type: 'allocate', lines: units };
    const expected =
      m.state !== 'confirmed' && m.state !== 'in_fulfillment'
        ? NOT_ALLOWED
        : units.some((u) => u.quantity > openToAllocate(lineOf(m, u.lineId)))
          ? guard('quantities_within_open', 'quantity_exceeds_open')
          : ACCEPT;
    const effects = attempt(m, r, event, expected);
    if (effects === undefined) return;
    expect(effects).toEqual([
      {
        type: 'reserve_stock',
        orderId: ORDER_ID,
        lines: units.map((u) => ({ lineId: u.lineId, sku: `SKU-${u.lineId}`, quantity: u.quantity })),
      },
    ]);
    for (const u of units) lineOf(m, u.lineId).allocated += u.quantity;
    agree(m, r.order);
  }
  toString(): string {
    return `allocate(#${this.selector} ${this.mode}${this.mode === 'excess' ? ` +${this.extra}` : ''}${this.loose ? ', any state' : ''})`;
  }
}

class CreateShipment implements Cmd {
  constructor(
    readonly selector: number,
    readonly mode: 'every' | 'half' | 'one' | 'excess',
    readonly extra: number,
    readonly located: boolean,
    readonly loose: boolean,
  ) {}
  private targets(m: Readonly<Model>): readonly LineModel[] {
    return this.loose ? m.lines : m.lines.filter((l) => freeToShip(m, l) > 0);
  }
  check(m: Readonly<Model>): boolean {
    return (
      this.loose ||
      // Paid (or credit approved), or at least something captured: the payment guard decides.
      ((m.state === 'confirmed' || m.state === 'in_fulfillment') &&
        (paidOrCredit(m) || netCaptured(m) > 0) &&
        this.targets(m).length > 0)
    );
  }
  run(m: Model, r: Real): void {
    const chosen = pick(this.targets(m), this.selector) as LineModel;
    let units: Units[];
    if (this.mode === 'every' || this.mode === 'half') {
      // Split shipments: every free unit, or the first half of each line's free units.
      units = m.lines
        .filter((l) => freeToShip(m, l) > 0)
        .map((l) => ({
          lineId: l.id,
          quantity: this.mode === 'every' ? freeToShip(m, l) : Math.ceil(freeToShip(m, l) / 2),
        }));
      if (units.length === 0) units = [{ lineId: chosen.id, quantity: 1 }];
    } else {
      const quantity = this.mode === 'one' ? 1 : Math.max(0, freeToShip(m, chosen)) + this.extra;
      units = [{ lineId: chosen.id, quantity }];
    }
    const id = `s${m.shipments.length + 1}`;
    const locationId = this.located ? `WH${(this.selector % 2) + 1}` : undefined;
    const event: MachineEvent = {
      type: 'create_shipment',
      shipmentId: id,
      lines: units,
      ...(locationId === undefined ? {} : { locationId }),
    };
    // The order machine must allow it at all; then the shipment's own guard (only allocated units
    // not already in a shipment), then the order's payment guard.
    const expected =
      m.state !== 'confirmed' && m.state !== 'in_fulfillment'
        ? NOT_ALLOWED
        : units.some((u) => u.quantity > freeToShip(m, lineOf(m, u.lineId)))
          ? guard('quantities_within_open', 'quantity_exceeds_allocated')
          : !paidOrCredit(m)
            ? guard('paid_or_credit_approved', 'not_paid')
            : ACCEPT;
    const effects = attempt(m, r, event, expected);
    if (effects === undefined) return;
    expect(effects).toEqual([]);
    m.shipments.push({ id, state: 'allocated', lines: units, locationId });
    m.state = 'in_fulfillment';
    agree(m, r.order);
  }
  toString(): string {
    return `createShipment(#${this.selector} ${this.mode}${this.mode === 'excess' ? ` +${this.extra}` : ''}${this.located ? ' @WH' : ''}${this.loose ? ', any state' : ''})`;
  }
}

type ShipmentEventType = 'start_picking' | 'pack_shipment' | 'ship' | 'deliver' | 'cancel_shipment';

const NEXT_STEP: Partial<Record<ShipmentStateModel, ShipmentEventType>> = {
  allocated: 'start_picking',
  picking: 'pack_shipment',
  packed: 'ship',
  shipped: 'deliver',
};

/** Sends one shipment event; whether it may happen comes from the model's shipment state. */
function shipmentStep(m: Model, r: Real, s: ShipmentModel, type: ShipmentEventType): void {
  const event: MachineEvent =
    type === 'ship'
      ? { type, shipmentId: s.id, carrier: 'UPS', trackingNumber: `1Z-${s.id}` }
      : type === 'cancel_shipment'
        ? { type, shipmentId: s.id, reason: 'not needed' }
        : { type, shipmentId: s.id };
  const allowed =
    type === 'cancel_shipment'
      ? s.state === 'allocated' || s.state === 'picking' || s.state === 'packed'
      : NEXT_STEP[s.state] === type;
  const expected = !allowed
    ? NOT_ALLOWED
    : type === 'ship' && !paidOrCredit(m)
      ? guard('paid_or_credit_approved', 'not_paid')
      : ACCEPT;
  const before = { captured: captured(m), rooms: m.payments.map((p) => ({ ...p })) };
  const effects = attempt(m, r, event, expected);
  if (effects === undefined) return;
  const each = (change: (l: LineModel, units: number) => void) => {
    for (const u of s.lines) change(lineOf(m, u.lineId), u.quantity);
  };
  switch (type) {
    case 'start_picking':
      expect(effects).toEqual([]);
      each((l, units) => {
        l.picked += units;
      });
      s.state = 'picking';
      break;
    case 'pack_shipment':
      expect(effects).toEqual([{ type: 'create_shipment_label', orderId: ORDER_ID, shipmentId: s.id }]);
      s.state = 'packed';
      break;
    case 'ship': {
      // The customer is told; authorised, uncaptured money is requested up to the shipment's value ...
      expect(effects[0]).toEqual(
        notify({ kind: 'shipped', shipmentId: s.id, carrier: 'UPS', trackingNumber: `1Z-${s.id}` }),
      );
      const value = sum(s.lines.map((u) => unitsValue(lineOf(m, u.lineId), u.quantity)));
      const open = before.rooms.filter((p) => p.state === 'authorized' || p.state === 'partially_captured');
      const captures = effects.slice(1) as Extract<OrderEffect, { type: 'capture_payment' }>[];
      for (const c of captures) {
        expect(c.type).toBe('capture_payment');
        const p = open.find((x) => x.id === c.paymentId) as PaymentModel;
        expect(c.amount.amount).toBeGreaterThan(0);
        expect(c.amount.amount).toBeLessThanOrEqual(p.authorized - p.captured);
      }
      expect(new Set(captures.map((c) => c.paymentId)).size).toBe(captures.length);
      // ... and never more than is still owed (amount due − net captured): another payment may have paid.
      expect(sum(captures.map((c) => c.amount.amount))).toBe(
        Math.min(value, Math.max(0, amountDue(m) - netCaptured(m)), sum(open.map((p) => p.authorized - p.captured))),
      );
      expect(captured(m)).toBe(before.captured); // requested, not captured: the host captures
      each((l, units) => {
        l.shipped += units;
      });
      s.state = 'shipped';
      break;
    }
    case 'deliver':
      expect(effects).toEqual([notify({ kind: 'delivered', shipmentId: s.id })]);
      each((l, units) => {
        l.delivered += units;
      });
      s.state = 'delivered';
      break;
    case 'cancel_shipment': {
      // Units go back to open (no longer allocated, nor picked once picking had started); stock is released.
      expect(effects).toEqual([
        {
          type: 'release_stock',
          orderId: ORDER_ID,
          lines: s.lines.map((u) => ({
            lineId: u.lineId,
            sku: `SKU-${u.lineId}`,
            quantity: u.quantity,
            ...(s.locationId === undefined ? {} : { locationId: s.locationId }),
          })),
        },
      ]);
      const picked = s.state !== 'allocated';
      each((l, units) => {
        l.allocated -= units;
        if (picked) l.picked -= units;
      });
      s.state = 'cancelled';
      break;
    }
  }
  agree(m, r.order);
}

/** Moves a live shipment one step forward (the path most runs need to get deep). */
class AdvanceShipment implements Cmd {
  constructor(readonly selector: number) {}
  check(m: Readonly<Model>): boolean {
    return m.shipments.some((s) => NEXT_STEP[s.state] !== undefined);
  }
  run(m: Model, r: Real): void {
    const s = pick(
      m.shipments.filter((x) => NEXT_STEP[x.state] !== undefined),
      this.selector,
    ) as ShipmentModel;
    shipmentStep(m, r, s, NEXT_STEP[s.state] as ShipmentEventType);
  }
  toString(): string {
    return `advanceShipment(#${this.selector})`;
  }
}

/** Any shipment event on any shipment: refused unless the model's shipment state allows it. */
class ShipmentEvent implements Cmd {
  constructor(
    readonly selector: number,
    readonly type: ShipmentEventType,
  ) {}
  check(m: Readonly<Model>): boolean {
    return m.shipments.length > 0;
  }
  run(m: Model, r: Real): void {
    shipmentStep(m, r, pick(m.shipments, this.selector) as ShipmentModel, this.type);
  }
  toString(): string {
    return `${this.type}(#${this.selector})`;
  }
}

class CancelLines implements Cmd {
  constructor(
    readonly selector: number,
    readonly mode: 'one' | 'all' | 'excess',
    readonly extra: number,
    readonly loose: boolean,
  ) {}
  private targets(m: Readonly<Model>): readonly LineModel[] {
    return this.loose ? m.lines : m.lines.filter((l) => cancellable(m, l) > 0);
  }
  check(m: Readonly<Model>): boolean {
    return this.loose || (isOpen(m) && !cutoffReached(m) && this.targets(m).length > 0);
  }
  run(m: Model, r: Real): void {
    const l = pick(this.targets(m), this.selector) as LineModel;
    const can = cancellable(m, l);
    const quantity = this.mode === 'one' ? 1 : this.mode === 'all' ? Math.max(1, can) : can + this.extra;
    const event: MachineEvent = { type: 'cancel_lines', lines: [{ lineId: l.id, quantity }], reason: 'short' };
    const expected: Expectation = !isOpen(m)
      ? NOT_ALLOWED
      : cutoffReached(m)
        ? guard('before_change_cutoff', 'change_cutoff_reached')
        : can === 0
          ? { code: 'edit_rejected', cause: 'nothing_to_cancel' }
          : quantity > can
            ? { code: 'edit_rejected', cause: 'invalid_quantity' }
            : ACCEPT;
    const dueBefore = amountDue(m);
    const effects = attempt(m, r, event, expected);
    if (effects === undefined) return;
    // The last units go: unallocated ones first, then allocated ones (released).
    const fromAllocated = Math.max(0, quantity - openToAllocate(l));
    l.cancelled += quantity;
    l.allocated -= fromAllocated;
    const dueAfter = amountDue(m);
    const overpaid = netCaptured(m) - dueAfter;
    const refund = Math.min(overpaid, dueBefore - dueAfter);
    // One refund per payment, below the overpayment earlier cancellations already asked for.
    const refunds = refund > 0 ? refundsFor(m, refund, overpaid - refund, 'short') : [];
    expect(sum(refunds.map((e) => (e.type === 'refund_payment' ? e.amount.amount : 0)))).toBe(Math.max(0, refund));
    expect(effects).toEqual([
      ...(fromAllocated > 0
        ? [
            {
              type: 'release_stock',
              orderId: ORDER_ID,
              lines: [{ lineId: l.id, sku: l.sku, quantity: fromAllocated }],
            },
          ]
        : []),
      ...(refund > 0 ? [...refunds, notify({ kind: 'refund_issued', amount: usd(refund) })] : []),
      notify({ kind: 'lines_cancelled', lines: [{ lineId: l.id, quantity }], reason: 'short' }),
    ]);
    agree(m, r.order);
  }
  toString(): string {
    return `cancelLines(#${this.selector} ${this.mode}${this.mode === 'excess' ? ` +${this.extra}` : ''}${this.loose ? ', any line' : ''})`;
  }
}

class Cancel implements Cmd {
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    const expected = !isOpen(m)
      ? NOT_ALLOWED
      : cutoffReached(m)
        ? guard('before_change_cutoff', 'change_cutoff_reached')
        : ACCEPT;
    const effects = attempt(m, r, { type: 'cancel', reason: 'customer request' }, expected);
    if (effects === undefined) return;
    // Stock allocated and not shipped is released, uncaptured authorisations voided, captured money
    // no longer owed refunded (the decrease of the amount due, at most the overpayment after it,
    // below what earlier changes asked for), the coupon released, the customer told.
    const release = m.lines
      .filter((l) => l.allocated > l.shipped)
      .map((l) => ({ lineId: l.id, sku: l.sku, quantity: l.allocated - l.shipped }));
    const voids = m.payments
      .filter((p) => p.state === 'authorized' || p.state === 'partially_captured')
      .map((p) => ({ type: 'void_payment', orderId: ORDER_ID, paymentId: p.id }));
    const dueBefore = amountDue(m);
    for (const l of m.lines) {
      l.cancelled = l.quantity - l.shipped;
      l.allocated = l.shipped;
      l.picked = Math.min(l.picked, l.shipped);
    }
    for (const s of m.shipments) {
      if (s.state === 'allocated' || s.state === 'picking' || s.state === 'packed') s.state = 'cancelled';
    }
    m.state = 'cancelled';
    const dueAfter = amountDue(m);
    const overpaid = netCaptured(m) - dueAfter;
    const refund = Math.min(overpaid, dueBefore - dueAfter);
    expect(effects).toEqual([
      ...(release.length > 0 ? [{ type: 'release_stock', orderId: ORDER_ID, lines: release }] : []),
      ...voids,
      ...(refund > 0 ? refundsFor(m, refund, overpaid - refund, 'customer request') : []),
      { type: 'release_promotion_usage', orderId: ORDER_ID, couponCodes: [...COUPONS] },
      notify({ kind: 'order_cancelled', reason: 'customer request' }),
    ]);
    agree(m, r.order);
  }
  toString(): string {
    return 'cancel';
  }
}

class Complete implements Cmd {
  constructor(readonly loose: boolean) {}
  check(m: Readonly<Model>): boolean {
    return this.loose || (m.state === 'in_fulfillment' && m.lines.every((l) => active(l) === l.shipped));
  }
  run(m: Model, r: Real): void {
    const expected =
      m.state !== 'in_fulfillment'
        ? NOT_ALLOWED
        : m.lines.some((l) => active(l) > l.shipped)
          ? guard('fulfillment_complete', 'lines_open')
          : ACCEPT;
    const effects = attempt(m, r, { type: 'complete' }, expected);
    if (effects === undefined) return;
    expect(effects).toEqual([]);
    m.state = 'completed';
    agree(m, r.order);
  }
  toString(): string {
    return `complete${this.loose ? '(any state)' : ''}`;
  }
}

class RequestReturn implements Cmd {
  constructor(
    readonly selector: number,
    readonly mode: 'every' | 'one' | 'excess',
    readonly extra: number,
    readonly loose: boolean,
  ) {}
  private targets(m: Readonly<Model>): readonly LineModel[] {
    return this.loose ? m.lines : m.lines.filter((l) => returnable(m, l) > 0);
  }
  check(m: Readonly<Model>): boolean {
    // Returns are of shipped units: nothing to ask about before anything shipped.
    return this.loose
      ? m.lines.some((l) => l.shipped > 0)
      : (m.state === 'in_fulfillment' || m.state === 'completed') && this.targets(m).length > 0;
  }
  run(m: Model, r: Real): void {
    const chosen = pick(this.targets(m), this.selector) as LineModel;
    let units: Units[];
    if (this.mode === 'every') {
      units = m.lines.filter((l) => returnable(m, l) > 0).map((l) => ({ lineId: l.id, quantity: returnable(m, l) }));
      if (units.length === 0) units = [{ lineId: chosen.id, quantity: 1 }];
    } else {
      units = [{ lineId: chosen.id, quantity: this.mode === 'one' ? 1 : returnable(m, chosen) + this.extra }];
    }
    const id = `r${m.returns.length + 1}`;
    const event: MachineEvent = {
      type: 'request_return',
      returnId: id,
      lines: units.map((u) => ({ ...u, reason: 'wrong size' })),
    };
    const expected =
      m.state !== 'in_fulfillment' && m.state !== 'completed'
        ? NOT_ALLOWED
        : units.some((u) => u.quantity > returnable(m, lineOf(m, u.lineId)))
          ? guard('quantities_within_open', 'quantity_exceeds_shipped')
          : ACCEPT;
    const effects = attempt(m, r, event, expected);
    if (effects === undefined) return;
    expect(effects).toEqual([]);
    m.returns.push({
      id,
      state: 'requested',
      lines: units.map((u) => ({ lineId: u.lineId, quantity: u.quantity, received: 0, inspected: undefined })),
      resolutionAmount: undefined,
    });
    agree(m, r.order);
  }
  toString(): string {
    return `requestReturn(#${this.selector} ${this.mode}${this.mode === 'excess' ? ` +${this.extra}` : ''}${this.loose ? ', any line' : ''})`;
  }
}

const OPEN_RETURN: readonly ReturnStateModel[] = [
  'requested',
  'authorized',
  'partially_received',
  'received',
  'inspected',
];

/** Moves an open return one step: authorise (or reject), receive, inspect, resolve. */
class AdvanceReturn implements Cmd {
  constructor(
    readonly selector: number,
    readonly variant: 'all' | 'part' | 'excess' | 'alternative',
    readonly resolution: 'refund' | 'exchange' | 'store_credit',
  ) {}
  check(m: Readonly<Model>): boolean {
    return m.returns.some((x) => OPEN_RETURN.includes(x.state));
  }
  run(m: Model, r: Real): void {
    const ret = pick(
      m.returns.filter((x) => OPEN_RETURN.includes(x.state)),
      this.selector,
    ) as ReturnModel;
    if (ret.state === 'requested') {
      if (this.variant === 'alternative') this.reject(m, r, ret);
      else this.authorize(m, r, ret);
    } else if (ret.state === 'authorized' || ret.state === 'partially_received') this.receive(m, r, ret);
    else if (ret.state === 'received') this.inspect(m, r, ret);
    else this.resolve(m, r, ret);
  }

  private authorize(m: Model, r: Real, ret: ReturnModel): void {
    const effects = attempt(m, r, { type: 'authorize_return', returnId: ret.id }, ACCEPT);
    expect(effects).toEqual([notify({ kind: 'return_authorized', returnId: ret.id })]);
    ret.state = 'authorized';
    agree(m, r.order);
  }

  private reject(m: Model, r: Real, ret: ReturnModel): void {
    const effects = attempt(m, r, { type: 'reject_return', returnId: ret.id, reason: 'outside window' }, ACCEPT);
    expect(effects).toEqual([]);
    ret.state = 'rejected';
    agree(m, r.order);
  }

  private receive(m: Model, r: Real, ret: ReturnModel): void {
    const waiting = ret.lines.filter((l) => l.quantity > l.received);
    const first = waiting[0] as ReturnLineModel;
    const got: Units[] =
      this.variant === 'excess'
        ? [{ lineId: first.lineId, quantity: first.quantity - first.received + 1 }]
        : this.variant === 'part' || this.variant === 'alternative'
          ? [{ lineId: first.lineId, quantity: 1 }]
          : waiting.map((l) => ({ lineId: l.lineId, quantity: l.quantity - l.received }));
    const expected = this.variant === 'excess' ? guard('quantities_within_open', 'quantity_exceeds_requested') : ACCEPT;
    const effects = attempt(m, r, { type: 'receive_return', returnId: ret.id, lines: got }, expected);
    if (effects === undefined) return;
    expect(effects).toEqual([]);
    for (const g of got) {
      (ret.lines.find((l) => l.lineId === g.lineId) as ReturnLineModel).received += g.quantity;
      lineOf(m, g.lineId).returned += g.quantity;
    }
    ret.state = ret.lines.every((l) => l.received === l.quantity) ? 'received' : 'partially_received';
    agree(m, r.order);
  }

  private inspect(m: Model, r: Real, ret: ReturnModel): void {
    const uninspected = (l: ReturnLineModel) =>
      l.received - (l.inspected?.resellable ?? 0) - (l.inspected?.damaged ?? 0);
    const waiting = ret.lines.filter((l) => uninspected(l) > 0);
    const first = waiting[0] as ReturnLineModel;
    const seen =
      this.variant === 'excess'
        ? [{ lineId: first.lineId, resellable: uninspected(first) + 1, damaged: 0 }]
        : this.variant === 'part' || this.variant === 'alternative'
          ? [{ lineId: first.lineId, resellable: 0, damaged: 1 }]
          : waiting.map((l) => ({
              lineId: l.lineId,
              resellable: Math.ceil(uninspected(l) / 2),
              damaged: uninspected(l) - Math.ceil(uninspected(l) / 2),
            }));
    const expected = this.variant === 'excess' ? guard('quantities_within_open', 'quantity_exceeds_received') : ACCEPT;
    const effects = attempt(m, r, { type: 'inspect_return', returnId: ret.id, lines: seen }, expected);
    if (effects === undefined) return;
    const restock = seen
      .filter((s) => s.resellable > 0)
      .map((s) => ({ lineId: s.lineId, sku: `SKU-${s.lineId}`, quantity: s.resellable }));
    expect(effects).toEqual(restock.length === 0 ? [] : [{ type: 'restock', orderId: ORDER_ID, lines: restock }]);
    for (const s of seen) {
      const l = ret.lines.find((x) => x.lineId === s.lineId) as ReturnLineModel;
      l.inspected = {
        resellable: (l.inspected?.resellable ?? 0) + s.resellable,
        damaged: (l.inspected?.damaged ?? 0) + s.damaged,
      };
    }
    ret.state = ret.lines.every((l) => uninspected(l) === 0) ? 'inspected' : 'received';
    agree(m, r.order);
  }

  private resolve(m: Model, r: Real, ret: ReturnModel): void {
    const effects = attempt(m, r, { type: 'resolve_return', returnId: ret.id, resolution: this.resolution }, ACCEPT);
    // The stored value of the received units, by the same slicing rule.
    const amount = sum(ret.lines.map((l) => unitsValue(lineOf(m, l.lineId), l.received)));
    ret.resolutionAmount = amount;
    ret.state =
      this.resolution === 'refund' ? 'refunded' : this.resolution === 'exchange' ? 'exchanged' : 'store_credited';
    // A refund pays back the part of the returned value that was paid: the overpayment it creates,
    // at most the value; what was never paid (net terms) only lowers the amount due.
    const overpaid = netCaptured(m) - amountDue(m);
    const owed = this.resolution === 'refund' ? Math.min(amount, overpaid) : 0;
    expect(effects).toEqual(owed > 0 ? refundsFor(m, owed, overpaid - owed, `return ${ret.id}`) : []);
    agree(m, r.order);
  }

  toString(): string {
    return `advanceReturn(#${this.selector} ${this.variant} ${this.resolution})`;
  }
}

const RESOLUTIONS = ['refund', 'exchange', 'store_credit'] as const;

/**
 * One step forward, whatever the order needs next: among the strict (always applicable) forms of
 * the commands above that apply to the model now, the selector picks one. Without it, most random
 * commands would not apply and runs would stay shallow.
 */
class Forward implements Cmd {
  constructor(readonly selector: number) {}
  private moves(m: Readonly<Model>): Cmd[] {
    const n = this.selector;
    return [
      new Confirm(false),
      // Half of what is due one time in three: orders then hold two or more payments, so refunds split.
      new Authorize(n % 3 === 0 ? 'half' : 'due', 1),
      new Capture(n, 'full', 1, false),
      new Allocate(n, 'every', 1, false),
      new CreateShipment(n, n % 3 === 0 ? 'half' : 'every', 1, n % 2 === 0, false),
      new AdvanceShipment(n),
      new Complete(false),
      new RequestReturn(n, n % 2 === 0 ? 'every' : 'one', 1, false),
      new AdvanceReturn(n, 'all', RESOLUTIONS[n % 3] as (typeof RESOLUTIONS)[number]),
    ].filter((c) => c.check(m));
  }
  check(m: Readonly<Model>): boolean {
    return this.moves(m).length > 0;
  }
  run(m: Model, r: Real): void {
    (pick(this.moves(m), this.selector) as Cmd).run(m, r);
  }
  toString(): string {
    return `forward(#${this.selector})`;
  }
}

// ------------------------------------------------------------------------------------------------
// Generation: weights favour the steps that carry an order forward, so runs of ≤ 40 commands reach
// shipping, delivery and returns; commands whose `check` fails are skipped by fast-check.

const selector = fc.nat(11);
const extra = fc.integer({ min: 1, max: 2500 });
const units = fc.integer({ min: 1, max: 3 });
const amountMode = fc.constantFrom<AmountMode>('full', 'full', 'half', 'short', 'excess');
/** One command in five ignores whether it applies (so it exercises refusals in every state). */
const loose = fc.integer({ min: 0, max: 4 }).map((n) => n === 0);

const command: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 30, arbitrary: fc.nat(59).map((s) => new Forward(s)) },
  { weight: 3, arbitrary: loose.map((l) => new Confirm(l)) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom('due', 'due', 'half', 'fixed' as const), fc.integer({ min: 1, max: 9000 }))
      .map(([mode, fixed]) => new Authorize(mode, fixed)),
  },
  {
    weight: 5,
    arbitrary: fc.tuple(selector, amountMode, extra, loose).map(([s, mode, x, l]) => new Capture(s, mode, x, l)),
  },
  {
    weight: 3,
    arbitrary: fc.tuple(selector, amountMode, extra, loose).map(([s, mode, x, l]) => new Refund(s, mode, x, l)),
  },
  { weight: 1, arbitrary: selector.map((s) => new Void(s)) },
  {
    weight: 5,
    arbitrary: fc
      .tuple(selector, fc.constantFrom('every', 'every', 'all', 'one', 'excess' as const), units, loose)
      .map(([s, mode, x, l]) => new Allocate(s, mode, x, l)),
  },
  {
    weight: 5,
    arbitrary: fc
      .tuple(selector, fc.constantFrom('every', 'every', 'half', 'one', 'excess' as const), units, fc.boolean(), loose)
      .map(([s, mode, x, located, l]) => new CreateShipment(s, mode, x, located, l)),
  },
  { weight: 14, arbitrary: selector.map((s) => new AdvanceShipment(s)) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        selector,
        fc.constantFrom<ShipmentEventType>('start_picking', 'pack_shipment', 'ship', 'deliver', 'cancel_shipment'),
      )
      .map(([s, type]) => new ShipmentEvent(s, type)),
  },
  { weight: 2, arbitrary: selector.map((s) => new ShipmentEvent(s, 'cancel_shipment')) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(selector, fc.constantFrom('one', 'all', 'excess' as const), units, loose)
      .map(([s, mode, x, l]) => new CancelLines(s, mode, x, l)),
  },
  { weight: 2, arbitrary: fc.constant(new Cancel()) },
  { weight: 3, arbitrary: loose.map((l) => new Complete(l)) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(selector, fc.constantFrom('every', 'one', 'one', 'excess' as const), units, loose)
      .map(([s, mode, x, l]) => new RequestReturn(s, mode, x, l)),
  },
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        selector,
        fc.constantFrom('all', 'all', 'part', 'excess', 'alternative' as const),
        fc.constantFrom('refund', 'exchange', 'store_credit' as const),
      )
      .map(([s, variant, resolution]) => new AdvanceReturn(s, variant, resolution)),
  },
);

const configArb: fc.Arbitrary<Config> = fc.record({
  terms: fc.constantFrom<Terms>('prepaid', 'net_approved'),
  cutoff: fc.constantFrom<Cutoff>('picking', 'picking', 'none'),
});

describe('order machines against a model (fast-check commands)', () => {
  it('accept and refuse exactly as the model says, keep every count and amount equal to it, replay and survive JSON', () => {
    tally.accepted = 0;
    tally.rejected = 0;
    tally.seen.clear();
    const configs = new Set<string>();
    fc.assert(
      fc.property(configArb, fc.commands([command], { maxCommands: 40, size: 'max' }), (config, commands) => {
        const real: Real = { order: startOrder(config) };
        const model = initialModel(config);
        configs.add(`${config.terms}/${config.cutoff}`);
        agree(model, real.order);
        fc.modelRun(() => ({ model, real }), commands);
        const order = real.order;
        const rebuilt = replay(order.history);
        if (!rebuilt.ok) throw rebuilt.error;
        expect(rebuilt.value).toEqual(order);
        const json = JSON.parse(JSON.stringify(order)) as Order;
        expect(json).toEqual(order);
        const fromJson = replay(json.history);
        if (!fromJson.ok) throw fromJson.error;
        expect(fromJson.value).toEqual(order);
        expect(orderInvariantViolations(json)).toEqual([]);
      }),
      { numRuns: 300 },
    );
    // Both payment set-ups and both cutoffs ran, and the runs went deep and were refused often.
    expect(configs.size).toBe(4);
    expect(tally.accepted).toBeGreaterThan(1000);
    expect(tally.rejected).toBeGreaterThan(150);
    for (const seen of [
      'ship',
      'deliver',
      'cancel_shipment',
      'cancel_lines',
      'cancel',
      'complete',
      'request_return',
      'receive_return',
      'inspect_return',
      'resolve_return',
      'refund_payment',
      'capture_payment:guard_rejected',
      'refund_payment:guard_rejected',
      'allocate:guard_rejected',
      'create_shipment:guard_rejected',
      'cancel_lines:edit_rejected',
      'effect:release_stock',
      'effect:refund_payment',
      'effect:restock',
    ]) {
      expect(tally.seen.get(seen) ?? 0, seen).toBeGreaterThan(0);
    }
  });
});
