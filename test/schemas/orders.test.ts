import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Result, ValidationError } from '../../src/core/index.js';
import { money, toSnapshot } from '../../src/money/index.js';
import { createOrder } from '../../src/orders/createOrder.js';
import { transition } from '../../src/orders/transition.js';
import type {
  Order,
  OrderDraft,
  OrderDraftLine,
  OrderEdit,
  OrderEvent,
  OrderEventType,
  OrderLine,
} from '../../src/orders/types.js';
import { instantMillis } from '../../src/pricing/internal/instant.js';
import {
  calendarDateSchema,
  instantSchema,
  parseOrder,
  parseOrderDraft,
  parseOrderEdit,
  parseOrderEvent,
} from '../../src/schemas/index.js';
import { orderArbitrary } from '../../src/testing/index.js';
import { anything, checkNeverThrows, pathsOf, replaceAt } from './neverThrow.js';

const usd = (amount: string) => money(amount, 'USD');
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
// biome-ignore lint/suspicious/noExplicitAny: tests reach into cloned JSON to corrupt it.
type Loose = any;
const clone = (value: unknown): Loose => structuredClone(value);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

const issuesOf = (result: Result<unknown, ValidationError>): string[] =>
  result.ok ? [] : result.error.issues.map((i) => `${i.path.join('.')}:${i.code}`);

const line: OrderLine = {
  id: 'l1',
  sku: 'MUG',
  description: 'Stoneware mug',
  category: 'kitchen',
  quantity: 4,
  unitPrice: usd('8.50'),
  unitPriceSource: {
    kind: 'manual',
    reason: 'price match',
    approvedBy: 'rep-7',
    selectedPrice: usd('9.00'),
    selectedSource: {
      kind: 'sale',
      priceListId: 'winter',
      minQuantity: 1,
      regularPrice: usd('10.00'),
      regularSource: { kind: 'base', minQuantity: 1 },
    },
  },
  subtotal: usd('34.00'),
  discounts: [
    { promotionId: 'p10', amount: usd('3.40') },
    { promotionId: 'order5', amount: usd('1.00') },
  ],
  discountTotal: usd('4.40'),
  net: usd('29.60'),
  tax: usd('2.44'),
  taxLines: [
    { name: 'State', jurisdiction: 'US-NY', taxClass: 'standard', rate: '0.04', amount: usd('1.18') },
    { name: 'City', jurisdiction: 'US-NY-NYC', taxClass: 'standard', rate: '0.04375', amount: usd('1.26') },
  ],
  total: usd('32.04'),
  sourcing: 'stock',
  locationId: 'wh-1',
  allowSubstitutes: true,
  expectedAvailableAt: '2026-12-01T00:00:00-05:00',
  substitutedFor: { lineId: 'l0', sku: 'CUP' },
  quantities: { allocated: 4, picked: 3, shipped: 3, delivered: 2, cancelled: 0, returned: 1, backordered: 0 },
};

const line2: OrderLine = {
  id: 'l2',
  sku: 'BOOK',
  description: 'Cookbook',
  quantity: 1,
  unitPrice: usd('20.00'),
  subtotal: usd('20.00'),
  discounts: [],
  discountTotal: usd('0'),
  net: usd('20.00'),
  tax: usd('0'),
  total: usd('20.00'),
  sourcing: 'make_to_order',
  quantities: { allocated: 0, picked: 0, shipped: 0, delivered: 0, cancelled: 0, returned: 0, backordered: 1 },
};

const placeEvent: OrderEvent = {
  type: 'place',
  order: {
    id: 'o-1',
    version: 0,
    type: 'stock',
    state: 'placed',
    currency: 'USD',
    channel: 'web',
    priority: 'normal',
    customer: { accountId: 'c-1', deliveryAddress: { country: 'US' } },
    lines: [],
    shipping: { net: usd('0'), tax: usd('0') },
    fulfillment: {},
    terms: { paymentTerms: { kind: 'prepaid' }, creditApproved: false },
    timestamps: { orderedAt: '2026-11-22T10:00:00Z' },
    payments: [],
    shipments: [],
    returns: [],
    approvals: [],
    history: [],
  },
};

/** An order with every optional field set. */
const order: Order = {
  id: 'o-1',
  version: 7,
  type: 'service',
  state: 'in_fulfillment',
  currency: 'USD',
  channel: 'web',
  priority: 'high',
  customer: {
    accountId: 'c-1',
    billingEntity: 'ACME Holdings',
    group: 'wholesale',
    tier: 'gold',
    riskScore: 12.5,
    deliveryAddress: {
      name: 'Ann Lee',
      company: 'ACME',
      line1: '1 Main St',
      line2: 'Suite 2',
      city: 'New York',
      region: 'NY',
      postalCode: '10001',
      country: 'US',
      phone: '+1 212 555 0100',
      email: 'ann@example.com',
    },
    billingAddress: { line1: '9 Wall St', city: 'New York', country: 'US' },
  },
  lines: [line, line2],
  shipping: { net: usd('5.00'), tax: usd('0.44') },
  fulfillment: {
    requestedDeliveryDate: '2028-02-29',
    shipBy: '2026-11-25',
    shippingMethod: 'express',
    expedited: true,
    specialHandling: ['fragile'],
  },
  terms: {
    paymentTerms: { kind: 'net', days: 30 },
    paymentMethod: 'invoice',
    creditApproved: true,
    taxJurisdiction: 'US-NY-NYC',
  },
  timestamps: {
    orderedAt: '2026-11-22T10:00:00Z',
    confirmedAt: '2026-11-22T10:05:00.123+01:00',
    expectedShipAt: '2026-11-24T10:00:00Z',
    shippedAt: '2026-11-24T12:00:00Z',
    deliveredAt: '2026-11-25T12:00:00Z',
    completedAt: '2026-11-26T12:00:00Z',
    cancelledAt: '2026-11-27T12:00:00Z',
  },
  releaseAt: '2026-11-22T00:00:00Z',
  payments: [
    {
      id: 'p1',
      state: 'partially_refunded',
      method: 'card',
      authorized: usd('57.48'),
      captured: usd('57.48'),
      refunded: usd('8.01'),
      reference: 'ch_123',
    },
  ],
  shipments: [
    {
      id: 's1',
      state: 'delivered',
      locationId: 'wh-1',
      lines: [{ lineId: 'l1', quantity: 3 }],
      carrier: 'ups',
      trackingNumber: '1Z999',
      shippedAt: '2026-11-24T12:00:00Z',
      deliveredAt: '2026-11-25T12:00:00Z',
    },
  ],
  returns: [
    {
      id: 'r1',
      state: 'refunded',
      lines: [{ lineId: 'l1', quantity: 1, reason: 'chipped', received: 1, inspected: { resellable: 0, damaged: 1 } }],
      resolutionAmount: usd('8.01'),
    },
  ],
  service: {
    state: 'completed',
    appointment: { from: '2026-11-23T09:00:00Z', until: '2026-11-23T11:00:00Z' },
    technicianId: 't-1',
    parts: [{ sku: 'GASKET', quantity: 2 }],
    completion: {
      completedAt: '2026-11-23T10:30:00Z',
      technicianId: 't-1',
      notes: 'replaced gasket',
      laborMinutes: 75,
    },
  },
  approvals: [
    {
      queue: 'credit',
      ruleId: 'over-limit',
      reason: 'over the credit limit',
      status: 'approved',
      decidedBy: 'u-9',
      decidedAt: '2026-11-22T10:03:00Z',
      comment: 'ok',
    },
  ],
  hold: { reason: 'address check', fromState: 'confirmed' },
  couponCodes: ['WELCOME'],
  history: [
    {
      seq: 1,
      event: placeEvent,
      machine: 'order',
      from: 'none',
      to: 'placed',
      actor: { kind: 'customer', id: 'c-1' },
      at: '2026-11-22T10:00:00Z',
    },
    {
      seq: 2,
      event: { type: 'capture_payment', paymentId: 'p1', amount: usd('57.48') },
      machine: 'payment',
      entityId: 'p1',
      from: 'authorized',
      to: 'captured',
      actor: { kind: 'system', id: 'gateway' },
      at: '2026-11-22T10:06:00Z',
      reason: 'auto-capture',
    },
  ],
  metadata: { source: 'storefront', 'utm-campaign': 'winter' },
};

const draft: OrderDraft = {
  id: 'o-2',
  type: 'make_to_order',
  currency: 'USD',
  channel: 'b2b',
  priority: 'normal',
  customer: { accountId: 'c-2', deliveryAddress: { line1: '2 Elm St', country: 'US' } },
  lines: [
    {
      id: 'l1',
      sku: 'DESK',
      description: 'Desk, oak',
      quantity: 2,
      unitPrice: usd('400.00'),
      subtotal: usd('800.00'),
      discounts: [],
      discountTotal: usd('0'),
      net: usd('800.00'),
      tax: usd('64.00'),
      total: usd('864.00'),
    },
    {
      id: 'l2',
      sku: 'CHAIR',
      description: 'Chair',
      quantity: 1,
      unitPrice: usd('100.00'),
      subtotal: usd('100.00'),
      discounts: [],
      discountTotal: usd('0'),
      net: usd('100.00'),
      tax: usd('8.00'),
      total: usd('108.00'),
      sourcing: 'stock',
    },
  ],
  shipping: { net: usd('50.00'), tax: usd('0') },
  fulfillment: { requestedDeliveryDate: '2027-01-15' },
  terms: { paymentTerms: { kind: 'cash_on_delivery' }, creditApproved: false },
  timestamps: { orderedAt: '2026-11-22T10:00:00-08:00' },
  couponCodes: [],
  metadata: {},
};

const addLine: OrderEdit & { kind: 'add_line' } = {
  kind: 'add_line',
  line: {
    id: 'l3',
    sku: 'LAMP',
    description: 'Lamp',
    quantity: 1,
    unitPrice: usd('30.00'),
    subtotal: usd('30.00'),
    discounts: [],
    discountTotal: usd('0'),
    net: usd('30.00'),
    tax: usd('2.40'),
    total: usd('32.40'),
    sourcing: 'stock',
  },
};

/** One event of every type: the record's keys make the compiler insist on each. */
const everyEvent: Record<OrderEventType, OrderEvent> = {
  place: placeEvent,
  hold: { type: 'hold', reason: 'fraud review' },
  release_hold: { type: 'release_hold' },
  request_approval: {
    type: 'request_approval',
    steps: [{ queue: 'engineering', ruleId: 'configured', reason: 'configured item', comment: 'see drawing' }],
  },
  approve: { type: 'approve', queue: 'engineering', comment: 'fine' },
  reject: { type: 'reject', queue: 'credit', reason: 'over limit' },
  confirm: { type: 'confirm', expectedShipAt: '2026-11-24T10:00:00Z' },
  allocate: {
    type: 'allocate',
    lines: [{ lineId: 'l1', quantity: 2, locationId: 'wh-1' }],
    backorders: [{ lineId: 'l2', quantity: 1, expectedAt: '2026-12-10T00:00:00Z' }],
  },
  release_for_fulfillment: { type: 'release_for_fulfillment' },
  production_completed: { type: 'production_completed', lines: [{ lineId: 'l1', quantity: 2 }] },
  edit_order: {
    type: 'edit_order',
    edits: [
      addLine,
      { kind: 'remove_line', lineId: 'l2' },
      {
        kind: 'change_quantity',
        lineId: 'l1',
        quantity: 3,
        repriced: {
          unitPrice: usd('380.00'),
          subtotal: usd('1140.00'),
          discounts: [{ promotionId: 'bulk', amount: usd('40.00') }],
          discountTotal: usd('40.00'),
          net: usd('1100.00'),
          tax: usd('88.00'),
          total: usd('1188.00'),
        },
      },
      { kind: 'change_address', address: { line1: '3 Oak St', country: 'US' } },
      { kind: 'change_requested_date', requestedDeliveryDate: '2027-02-01' },
    ],
    reason: 'customer call',
  },
  cancel_lines: { type: 'cancel_lines', lines: [{ lineId: 'l2', quantity: 1 }], reason: 'no longer needed' },
  cancel: { type: 'cancel', reason: 'customer request' },
  accept_substitution: { type: 'accept_substitution', lineId: 'l2', substitute: addLine },
  complete: { type: 'complete' },
  close: { type: 'close' },
  authorize_payment: {
    type: 'authorize_payment',
    paymentId: 'p1',
    method: 'card',
    amount: usd('1022.00'),
    reference: 'auth-1',
  },
  payment_failed: { type: 'payment_failed', paymentId: 'p1', reason: 'card declined' },
  capture_payment: { type: 'capture_payment', paymentId: 'p1', amount: usd('500.00') },
  refund_payment: { type: 'refund_payment', paymentId: 'p1', amount: usd('10.00'), reason: 'goodwill' },
  void_payment: { type: 'void_payment', paymentId: 'p1' },
  create_shipment: {
    type: 'create_shipment',
    shipmentId: 's1',
    lines: [{ lineId: 'l1', quantity: 2 }],
    locationId: 'wh-1',
  },
  start_picking: { type: 'start_picking', shipmentId: 's1' },
  pack_shipment: { type: 'pack_shipment', shipmentId: 's1' },
  ship: { type: 'ship', shipmentId: 's1', carrier: 'ups', trackingNumber: '1Z999' },
  deliver: { type: 'deliver', shipmentId: 's1' },
  report_delay: { type: 'report_delay', shipmentId: 's1', newExpectedAt: '2026-11-30T10:00:00Z', reason: 'weather' },
  cancel_shipment: { type: 'cancel_shipment', shipmentId: 's1', reason: 'address wrong' },
  request_return: {
    type: 'request_return',
    returnId: 'r1',
    lines: [{ lineId: 'l1', quantity: 1, reason: 'wrong_size' }],
  },
  authorize_return: { type: 'authorize_return', returnId: 'r1' },
  reject_return: { type: 'reject_return', returnId: 'r1', reason: 'outside window' },
  receive_return: { type: 'receive_return', returnId: 'r1', lines: [{ lineId: 'l1', quantity: 1 }] },
  inspect_return: { type: 'inspect_return', returnId: 'r1', lines: [{ lineId: 'l1', resellable: 1, damaged: 0 }] },
  resolve_return: { type: 'resolve_return', returnId: 'r1', resolution: 'store_credit' },
  schedule_appointment: {
    type: 'schedule_appointment',
    from: '2026-12-01T09:00:00+01:00',
    until: '2026-12-01T11:00:00+01:00',
  },
  assign_technician: { type: 'assign_technician', technicianId: 't-1' },
  allocate_parts: { type: 'allocate_parts', parts: [{ sku: 'GASKET', quantity: 2 }] },
  start_service: { type: 'start_service' },
  complete_service: { type: 'complete_service', notes: '', laborMinutes: 0 },
};

describe('valid input is accepted exactly', () => {
  it('an order with every optional field parses to itself, in memory, from JSON and from money snapshots', () => {
    expect(parseOrder(order)).toEqual({ ok: true, value: order });
    expect(parseOrder(json(order))).toEqual({ ok: true, value: order });
    const snapshots = json(order) as Loose;
    snapshots.lines[0].unitPrice = toSnapshot(line.unitPrice);
    snapshots.lines[0].unitPriceSource.selectedSource.regularPrice = { amount: '10.00', currency: 'USD' };
    snapshots.shipping = { net: { amount: '5.00', currency: 'USD' }, tax: { amount: '0.44', currency: 'USD' } };
    snapshots.history[0].event.order.shipping.net = { amount: '0.00', currency: 'USD' };
    expect(parseOrder(snapshots)).toEqual({ ok: true, value: order });
  });

  it('an order draft parses to itself; sourcing may be left out', () => {
    expect(parseOrderDraft(json(draft))).toEqual({ ok: true, value: draft });
  });

  it('every event type parses to itself, and every edit kind', () => {
    for (const event of Object.values(everyEvent)) {
      expect(parseOrderEvent(json(event)), event.type).toEqual({ ok: true, value: event });
    }
    const edits = everyEvent.edit_order.type === 'edit_order' ? everyEvent.edit_order.edits : [];
    expect(edits.map((e) => e.kind)).toEqual([
      'add_line',
      'remove_line',
      'change_quantity',
      'change_address',
      'change_requested_date',
    ]);
    for (const edit of edits) expect(parseOrderEdit(json(edit))).toEqual({ ok: true, value: edit });
  });

  it('host states and approval queues of their own are accepted', () => {
    const custom = {
      ...order,
      state: 'awaiting_customs',
      approvals: [{ ...order.approvals[0], queue: 'export_control' }],
    };
    expect(parseOrder(custom).ok).toBe(true);
  });

  it('reads deep-frozen input and never changes it', () => {
    const frozen = deepFreeze(json(order));
    const before = JSON.stringify(frozen);
    const result = parseOrder(frozen);
    expect(result.ok).toBe(true);
    expect(result.ok && result.value).not.toBe(frozen);
    expect(JSON.stringify(frozen)).toBe(before);
    for (const event of Object.values(everyEvent)) expect(parseOrderEvent(deepFreeze(json(event))).ok).toBe(true);
  });
});

/** The order as JSON with one change made by `mutate`, and the issues parseOrder reports for it. */
function orderIssues(mutate: (o: Loose) => void): string[] {
  const copy = clone(json(order));
  mutate(copy);
  return issuesOf(parseOrder(copy));
}

describe('parseOrder refuses bad input with the path and the code', () => {
  it.each<[string, (o: Loose) => void, string[]]>([
    ['a numeric id', (o) => (o.id = 5), ['id:invalid_type']],
    ['an empty id', (o) => (o.id = ''), ['id:too_small']],
    ['an unknown order type', (o) => (o.type = 'rental'), ['type:invalid_value']],
    ['an unknown currency', (o) => (o.currency = 'XXY'), ['currency:unknown_currency']],
    ['a NaN quantity', (o) => (o.lines[0].quantity = Number.NaN), ['lines.0.quantity:invalid_type']],
    [
      'an infinite quantity',
      (o) => (o.lines[0].quantity = Number.POSITIVE_INFINITY),
      ['lines.0.quantity:invalid_type'],
    ],
    ['a fractional quantity', (o) => (o.lines[1].quantity = 1.5), ['lines.1.quantity:invalid_type']],
    ['a quantity past the safe range', (o) => (o.lines[0].quantity = 2 ** 60), ['lines.0.quantity:too_big']],
    ['a zero quantity', (o) => (o.lines[1].quantity = 0), ['lines.1.quantity:too_small']],
    ['a string quantity', (o) => (o.lines[1].quantity = '1'), ['lines.1.quantity:invalid_type']],
    ['an amount past the safe range', (o) => (o.shipping.net.amount = 2 ** 60), ['shipping.net.amount:too_big']],
    ['a NaN amount', (o) => (o.shipping.net.amount = Number.NaN), ['shipping.net.amount:invalid_type']],
    ['a negative amount', (o) => (o.shipping.tax.amount = -1), ['shipping.tax.amount:too_small']],
    [
      'a snapshot amount with too many decimals',
      (o) => (o.shipping.net = { amount: '5.001', currency: 'USD' }),
      ['shipping.net.amount:precision_loss'],
    ],
    [
      'a negative ledger count',
      (o) => (o.lines[1].quantities.allocated = -1),
      ['lines.1.quantities.allocated:too_small'],
    ],
    [
      'more shipped than allocated',
      (o) => (o.lines[0].quantities.shipped = 5),
      ['lines.0.quantities.shipped:quantity_invariant'],
    ],
    [
      'more delivered than shipped',
      (o) => (o.lines[0].quantities.delivered = 4),
      ['lines.0.quantities.delivered:quantity_invariant'],
    ],
    [
      'more picked than allocated',
      (o) => (o.lines[0].quantities.picked = 5),
      ['lines.0.quantities.picked:quantity_invariant'],
    ],
    [
      'more returned than shipped',
      (o) => (o.lines[0].quantities.returned = 4),
      ['lines.0.quantities.returned:quantity_invariant'],
    ],
    [
      'more cancelled than ordered',
      (o) => (o.lines[1].quantities = { ...o.lines[1].quantities, backordered: 0, cancelled: 2 }),
      ['lines.1.quantities.cancelled:quantity_invariant'],
    ],
    [
      'allocated + backordered beyond ordered − cancelled',
      (o) => (o.lines[1].quantities.cancelled = 1),
      ['lines.1.quantities.allocated:quantity_invariant'],
    ],
    [
      'a subtotal that is not unit price × quantity',
      (o) => (o.lines[1].subtotal.amount = 1999),
      ['lines.1.subtotal.amount:amount_mismatch'],
    ],
    [
      'a discount total that is not the sum',
      (o) => (o.lines[0].discountTotal.amount = 441),
      ['lines.0.discountTotal.amount:amount_mismatch'],
    ],
    [
      'a total that is not net + tax',
      (o) => (o.lines[0].total.amount = 3205),
      ['lines.0.total.amount:amount_mismatch'],
    ],
    [
      'a line amount in another currency',
      (o) => (o.lines[0].tax.currency = 'EUR'),
      ['lines.0.tax.currency:currency_mismatch'],
    ],
    [
      'a whole line in another currency',
      (o) => {
        for (const key of ['unitPrice', 'subtotal', 'discountTotal', 'net', 'tax', 'total'])
          o.lines[1][key].currency = 'EUR';
      },
      ['lines.1.unitPrice.currency:currency_mismatch'],
    ],
    [
      'shipping in another currency',
      (o) => (o.shipping.net.currency = 'EUR'),
      ['shipping.net.currency:currency_mismatch'],
    ],
    [
      'a payment in another currency',
      (o) => {
        for (const key of ['authorized', 'captured', 'refunded']) o.payments[0][key].currency = 'EUR';
      },
      ['payments.0.authorized.currency:currency_mismatch'],
    ],
    [
      'a price source amount in another currency',
      (o) => (o.lines[0].unitPriceSource.selectedPrice.currency = 'EUR'),
      ['lines.0.unitPriceSource.selectedPrice.currency:currency_mismatch'],
    ],
    [
      'a return resolution in another currency',
      (o) => (o.returns[0].resolutionAmount.currency = 'GBP'),
      ['returns.0.resolutionAmount.currency:currency_mismatch'],
    ],
    ['duplicate line ids', (o) => (o.lines[1].id = 'l1'), ['lines.1.id:duplicate_id']],
    ['duplicate payment ids', (o) => o.payments.push(o.payments[0]), ['payments.1.id:duplicate_id']],
    [
      'a shipment of an unknown line',
      (o) => (o.shipments[0].lines[0].lineId = 'l9'),
      ['shipments.0.lines.0.lineId:unknown_line'],
    ],
    [
      'a return of an unknown line',
      (o) => (o.returns[0].lines[0].lineId = 'l9'),
      ['returns.0.lines.0.lineId:unknown_line'],
    ],
    [
      'captured beyond authorized',
      (o) => (o.payments[0].captured.amount = 5749),
      ['payments.0.captured.amount:amount_exceeded'],
    ],
    [
      'refunded beyond captured',
      (o) => (o.payments[0].refunded.amount = 5749),
      ['payments.0.refunded.amount:amount_exceeded'],
    ],
    [
      'inspected beyond received',
      (o) => (o.returns[0].lines[0].inspected.resellable = 1),
      ['returns.0.lines.0.inspected:quantity_invariant'],
    ],
    [
      'an impossible calendar date',
      (o) => (o.fulfillment.requestedDeliveryDate = '2026-02-30'),
      ['fulfillment.requestedDeliveryDate:invalid_date'],
    ],
    [
      'a 29 February outside a leap year',
      (o) => (o.fulfillment.shipBy = '2027-02-29'),
      ['fulfillment.shipBy:invalid_date'],
    ],
    ['a date with a time', (o) => (o.fulfillment.shipBy = '2026-11-25T00:00:00Z'), ['fulfillment.shipBy:invalid_date']],
    [
      'an instant without offset',
      (o) => (o.timestamps.orderedAt = '2026-11-22T10:00:00'),
      ['timestamps.orderedAt:invalid_instant'],
    ],
    ['an instant on an impossible day', (o) => (o.releaseAt = '2026-04-31T10:00:00Z'), ['releaseAt:invalid_instant']],
    [
      'an appointment ending before it starts',
      (o) => (o.service.appointment.until = '2026-11-23T08:00:00Z'),
      ['service.appointment.until:invalid_window'],
    ],
    ['history out of sequence', (o) => (o.history[1].seq = 3), ['history.1.seq:invalid_sequence']],
    [
      'a bad event in history',
      (o) => (o.history[1].event.amount.amount = -5),
      ['history.1.event.amount.amount:too_small'],
    ],
    [
      'a lowercase country',
      (o) => (o.customer.deliveryAddress.country = 'us'),
      ['customer.deliveryAddress.country:invalid_format'],
    ],
    ['a risk score above 100', (o) => (o.customer.riskScore = 101), ['customer.riskScore:too_big']],
    [
      'unknown payment terms',
      (o) => (o.terms.paymentTerms = { kind: 'barter' }),
      ['terms.paymentTerms.kind:invalid_union'],
    ],
    ['a blank hold reason', (o) => (o.hold.reason = '  '), ['hold.reason:invalid_format']],
    ['an unknown field', (o) => (o.discount = 5), [':unrecognized_keys']],
    ['a non-string metadata value', (o) => (o.metadata.source = 1), ['metadata.source:invalid_type']],
    ['a bad tax rate', (o) => (o.lines[0].taxLines[0].rate = '4%'), ['lines.0.taxLines.0.rate:invalid_format']],
  ])('%s', (_, mutate, expected) => {
    expect(orderIssues(mutate)).toEqual(expected);
  });

  it('names every problem at once', () => {
    expect(
      orderIssues((o) => {
        o.lines[0].quantity = -1;
        o.shipping.net.currency = 'EUR';
        o.fulfillment.shipBy = '2026-13-01';
      }),
    ).toEqual([
      'fulfillment.shipBy:invalid_date',
      'lines.0.quantity:too_small',
      'shipping.net.currency:currency_mismatch',
    ]);
  });

  it('refuses non-objects, arrays and class instances at the top', () => {
    for (const input of [null, undefined, 0, 'order', [], new Date(0), new Map()]) {
      expect(issuesOf(parseOrder(input))).toEqual([':invalid_type']);
    }
    class OrderLike {
      id = 'o-1';
    }
    expect(issuesOf(parseOrder(new OrderLike()))).toEqual([':invalid_type']);
  });

  it('never reads values through __proto__', () => {
    // JSON.parse makes `__proto__` an own key: refused as unknown, never read as the prototype.
    const viaJson = JSON.parse(JSON.stringify(order).replace('"id":"o-1",', '"__proto__":{"id":"o-1"},'));
    expect(issuesOf(parseOrder(viaJson))).toEqual(['id:invalid_type', ':unrecognized_keys']);
    // An object literal's __proto__ sets the prototype: not a plain object.
    expect(issuesOf(parseOrder({ __proto__: json(order) }))).toEqual([':invalid_type']);
    const lineViaProto = orderIssues((o) => {
      o.lines[1] = { __proto__: o.lines[1] };
    });
    expect(lineViaProto).toEqual(['lines.1:invalid_type']);
    // z.record would silently drop a `__proto__` key: it is refused by name instead.
    expect(orderIssues((o) => (o.metadata = JSON.parse('{"__proto__":"x","a":"b"}')))).toEqual([
      'metadata.__proto__:forbidden_key',
    ]);
  });

  it('refuses orders nested deeper than 4 levels through place events, without reading further', () => {
    let nested: Loose = json(placeEvent.order);
    for (let depth = 0; depth < 6; depth += 1) {
      nested = {
        ...(json(placeEvent.order) as object),
        history: [
          {
            seq: 1,
            event: { type: 'place', order: nested },
            machine: 'order',
            from: 'none',
            to: 'placed',
            actor: { kind: 'system', id: 'x' },
            at: '2026-11-22T10:00:00Z',
          },
        ],
      };
    }
    // Depths 0–4 are read; the order at depth 5 is refused as a whole.
    expect(issuesOf(parseOrder(nested))).toEqual([`${'history.0.event.order.'.repeat(5).slice(0, -1)}:too_deep`]);
  });

  it('refuses a price source nested past 8 levels', () => {
    let source: Loose = { kind: 'base', minQuantity: 1 };
    for (let i = 0; i < 12; i += 1)
      source = {
        kind: 'sale',
        priceListId: 'x',
        minQuantity: 1,
        regularPrice: { amount: 1, currency: 'USD' },
        regularSource: source,
      };
    const issues = orderIssues((o) => (o.lines[1].unitPriceSource = source));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^lines\.1\.unitPriceSource(\.regularSource){9}:too_deep$/);
  });
});

describe('parseOrderDraft refuses machine fields and bad lines', () => {
  it.each<[string, (d: Loose) => void, string[]]>([
    ['a state', (d) => (d.state = 'confirmed'), [':unrecognized_keys']],
    ['line quantities', (d) => (d.lines[0].quantities = json(line.quantities)), ['lines.0:unrecognized_keys']],
    ['an unknown sourcing', (d) => (d.lines[1].sourcing = 'dropship'), ['lines.1.sourcing:invalid_value']],
    ['duplicate line ids', (d) => (d.lines[1].id = 'l1'), ['lines.1.id:duplicate_id']],
    [
      'a line in another currency',
      (d) => {
        for (const key of ['unitPrice', 'subtotal', 'discountTotal', 'net', 'tax', 'total'])
          d.lines[0][key].currency = 'EUR';
      },
      ['lines.0.unitPrice.currency:currency_mismatch'],
    ],
    [
      'an impossible requested date',
      (d) => (d.fulfillment.requestedDeliveryDate = '2026-02-30'),
      ['fulfillment.requestedDeliveryDate:invalid_date'],
    ],
    [
      'negative net days',
      (d) => (d.terms.paymentTerms = { kind: 'net', days: -30 }),
      ['terms.paymentTerms.days:too_small'],
    ],
  ])('%s', (_, mutate, expected) => {
    const copy = clone(json(draft));
    mutate(copy);
    expect(issuesOf(parseOrderDraft(copy))).toEqual(expected);
  });
});

describe('parseOrderEvent and parseOrderEdit refuse bad input with the path and the code', () => {
  it.each<[string, unknown, string[]]>([
    ['an unknown event type', { type: 'teleport' }, ['type:invalid_union']],
    ['a missing type', { reason: 'x' }, ['type:invalid_union']],
    ['a numeric type', { type: 7 }, ['type:invalid_union']],
    [
      'a negative quantity',
      { type: 'cancel_lines', lines: [{ lineId: 'l1', quantity: -1 }], reason: 'x' },
      ['lines.0.quantity:too_small'],
    ],
    ['no lines to cancel', { type: 'cancel_lines', lines: [], reason: 'x' }, ['lines:too_small']],
    [
      'a NaN amount',
      { type: 'capture_payment', paymentId: 'p1', amount: { amount: Number.NaN, currency: 'USD' } },
      ['amount.amount:invalid_type'],
    ],
    [
      'an infinite amount',
      { type: 'refund_payment', paymentId: 'p1', amount: { amount: Number.POSITIVE_INFINITY, currency: 'USD' } },
      ['amount.amount:invalid_type'],
    ],
    [
      'a huge snapshot amount',
      { type: 'capture_payment', paymentId: 'p1', amount: { amount: '1e400', currency: 'USD' } },
      ['amount.amount:invalid_amount'],
    ],
    ['a blank reason', { type: 'cancel', reason: ' ' }, ['reason:invalid_format']],
    ['an extra field', { type: 'confirm', force: true }, [':unrecognized_keys']],
    [
      'an appointment ending before it starts',
      { type: 'schedule_appointment', from: '2026-12-01T11:00:00Z', until: '2026-12-01T10:00:00+01:00' },
      ['until:invalid_window'],
    ],
    [
      'an unknown resolution',
      { type: 'resolve_return', returnId: 'r1', resolution: 'keep' },
      ['resolution:invalid_value'],
    ],
    ['an empty edit list', { type: 'edit_order', edits: [] }, ['edits:too_small']],
    [
      'a substitute that is not an add_line',
      { type: 'accept_substitution', lineId: 'l1', substitute: { kind: 'remove_line', lineId: 'l1' } },
      ['substitute.kind:invalid_union'],
    ],
    [
      'a substitute line in two currencies',
      {
        type: 'accept_substitution',
        lineId: 'l1',
        substitute: {
          kind: 'add_line',
          line: { ...(json(addLine.line) as object), tax: { amount: 0, currency: 'EUR' } },
        },
      },
      ['substitute.line.tax.currency:currency_mismatch'],
    ],
    ['an event that is an array', [{ type: 'confirm' }], [':invalid_type']],
    ['an event through __proto__', { __proto__: { type: 'confirm' } }, [':invalid_type']],
    [
      'an event whose type comes through a JSON __proto__',
      JSON.parse('{"__proto__":{"type":"confirm"}}'),
      ['type:invalid_union'],
    ],
    [
      'a placed order with an error inside',
      { type: 'place', order: { ...(json(placeEvent.order) as object), version: -1 } },
      ['order.version:too_small'],
    ],
  ])('%s', (_, input, expected) => {
    expect(issuesOf(parseOrderEvent(input))).toEqual(expected);
  });

  it.each<[string, unknown, string[]]>([
    ['an unknown kind', { kind: 'merge_lines' }, ['kind:invalid_union']],
    ['a zero quantity', { kind: 'change_quantity', lineId: 'l1', quantity: 0 }, ['quantity:too_small']],
    [
      'an impossible date',
      { kind: 'change_requested_date', requestedDeliveryDate: '2026-02-30' },
      ['requestedDeliveryDate:invalid_date'],
    ],
    [
      're-priced amounts that do not add up',
      {
        kind: 'change_quantity',
        lineId: 'l1',
        quantity: 2,
        repriced: {
          unitPrice: usd('1.00'),
          subtotal: usd('3.00'),
          discounts: [],
          discountTotal: usd('0'),
          net: usd('3.00'),
          tax: usd('0'),
          total: usd('3.00'),
        },
      },
      ['repriced.subtotal.amount:amount_mismatch'],
    ],
    [
      're-priced amounts in two currencies',
      {
        kind: 'change_quantity',
        lineId: 'l1',
        quantity: 1,
        repriced: {
          unitPrice: usd('1.00'),
          subtotal: usd('1.00'),
          discounts: [],
          discountTotal: usd('0'),
          net: usd('1.00'),
          tax: money('0', 'EUR'),
          total: usd('1.00'),
        },
      },
      ['repriced.tax.currency:currency_mismatch'],
    ],
    ['an address that is not an object', { kind: 'change_address', address: 'elsewhere' }, ['address:invalid_type']],
  ])('edit: %s', (_, input, expected) => {
    expect(issuesOf(parseOrderEdit(input))).toEqual(expected);
  });
});

describe('the instant and date schemas', () => {
  it('accept exactly the instants priceCart accepts', () => {
    const instantLike = fc.stringMatching(
      /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,12})?)?(Z|z|[+-]\d{2}:?\d{2})?$/,
    );
    fc.assert(
      fc.property(fc.oneof(instantLike, fc.string()), (value) => {
        let engineAccepts = true;
        try {
          instantMillis(value, 'now');
        } catch {
          engineAccepts = false;
        }
        expect(instantSchema.safeParse(value).success).toBe(engineAccepts);
      }),
      { numRuns: 1000 },
    );
  });

  it('accept a calendar date exactly when it names a real day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const date = new Date(Date.UTC(2000, m - 1, d));
          date.setUTCFullYear(y);
          const real = m >= 1 && m <= 12 && d >= 1 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
          expect(calendarDateSchema.safeParse(text).success).toBe(real);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('the parsers never throw', () => {
  const parsers = [parseOrder, parseOrderDraft, parseOrderEvent, parseOrderEdit] as const;
  it('on anything at all', () => {
    fc.assert(
      fc.property(anything, (input) => {
        for (const parse of parsers) checkNeverThrows(parse(input));
      }),
      { numRuns: 500 },
    );
  });

  /** `value` with one value inside it (picked by `pick`) replaced by `replacement`. */
  function corrupt(value: unknown, pick: number, replacement: unknown): unknown {
    const paths = pathsOf(value).slice(1); // never the whole input: a value inside it
    const path = paths[pick % Math.max(paths.length, 1)];
    return path === undefined ? value : replaceAt(value, path, replacement);
  }

  it('on valid orders, drafts and events with one value anywhere replaced by something hostile', () => {
    const hostile = fc.oneof(
      anything,
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 2 ** 60, 1.5, '', '__proto__', null, [], {}),
    );
    fc.assert(
      fc.property(orderArbitrary({ maxLines: 3 }), fc.nat(), hostile, (generated, pick, replacement) => {
        checkNeverThrows(parseOrder(corrupt(json(generated), pick, replacement)));
        checkNeverThrows(parseOrder(corrupt(json(order), pick, replacement)));
        checkNeverThrows(parseOrderDraft(corrupt(json(draft), pick, replacement)));
        const events = Object.values(everyEvent);
        checkNeverThrows(parseOrderEvent(corrupt(json(events[pick % events.length]), pick >> 3, replacement)));
      }),
      { numRuns: 500 },
    );
  });

  it('turns a throwing getter into a ValidationError', () => {
    const input = json(everyEvent.cancel) as Loose;
    Object.defineProperty(input, 'reason', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const result = parseOrderEvent(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toBeInstanceOf(ValidationError);
  });
});

describe('history entries that record a diff (edits, line cancellations, substitutions)', () => {
  const now = '2026-11-22T10:00:00Z';
  const actor = { kind: 'user', id: 'clerk-1' } as const;
  /** An order whose history holds an edit (a new line, a changed address) and a line cancellation. */
  const edited = (): Order => {
    const created = createOrder({ ...draft, lines: [draft.lines[0] as OrderDraftLine] }, { now, actor });
    if (!created.ok) throw created.error;
    let o = created.value.order;
    for (const event of [
      { type: 'confirm' },
      {
        type: 'edit_order',
        edits: [addLine, { kind: 'change_address', address: { line1: '3 Oak St', country: 'US' } }],
      },
      { type: 'cancel_lines', lines: [{ lineId: 'l3', quantity: 1 }], reason: 'no longer needed' },
    ] satisfies OrderEvent[]) {
      const r = transition(o, event, { now, actor });
      if (!r.ok) throw r.error;
      o = r.value.order;
    }
    return o;
  };
  /** Index of the edit_order entry. */
  const EDIT = 2;
  const diffIssues = (mutate: (diff: Loose[]) => void): string[] => {
    const copy = clone(json(edited()));
    mutate(copy.history[EDIT].diff);
    return issuesOf(parseOrder(copy));
  };

  it('parse to themselves, from JSON and with the diff money as snapshots', () => {
    const o = edited();
    expect(o.history[EDIT]?.diff?.map((d) => d.field)).toEqual(['line', 'customer.deliveryAddress']);
    expect(o.history[EDIT + 1]?.diff?.length).toBeGreaterThan(0);
    expect(parseOrder(o)).toEqual({ ok: true, value: o });
    expect(parseOrder(json(o))).toEqual({ ok: true, value: o });
    const snapshots = json(o) as Loose;
    snapshots.history[EDIT].diff[0].after.total = toSnapshot(addLine.line.total);
    snapshots.history[EDIT].diff[0].after.unitPrice = {
      amount: String(addLine.line.unitPrice.amount / 100),
      currency: 'USD',
    };
    expect(parseOrder(snapshots)).toEqual({ ok: true, value: o });
  });

  it.each<[string, (diff: Loose[]) => void, string[]]>([
    ['an unknown kind', (d) => (d[0].kind = 'rewrite_history'), [`history.${EDIT}.diff.0.kind:invalid_value`]],
    ['a missing before', (d) => delete d[1].before, [`history.${EDIT}.diff.1.before:invalid_type`]],
    ['an empty field', (d) => (d[1].field = ''), [`history.${EDIT}.diff.1.field:too_small`]],
    ['an unknown key', (d) => (d[1].note = 'x'), [`history.${EDIT}.diff.1:unrecognized_keys`]],
    ['a NaN value', (d) => (d[1].after = Number.NaN), [`history.${EDIT}.diff.1.after:invalid_type`]],
    ['a class instance', (d) => (d[1].after = new Date(0)), [`history.${EDIT}.diff.1.after:invalid_type`]],
    ['a function', (d) => (d[1].after = () => 1), [`history.${EDIT}.diff.1.after:invalid_type`]],
    [
      'a __proto__ key (from JSON)',
      (d) => (d[1].after = JSON.parse('{"__proto__":{"country":"US"},"line1":"x"}')),
      [`history.${EDIT}.diff.1.after.__proto__:forbidden_key`],
    ],
    [
      'money in another currency',
      (d) => (d[0].after.total.currency = 'EUR'),
      [`history.${EDIT}.diff.0.after.total.currency:currency_mismatch`],
    ],
    [
      'money with a fractional amount',
      (d) => (d[0].after.total.amount = 1.5),
      [`history.${EDIT}.diff.0.after.total.amount:invalid_type`],
    ],
    [
      'values nested past 16 levels',
      (d) => {
        let deep: Loose = 'bottom';
        for (let i = 0; i < 40; i++) deep = { deeper: deep };
        d[1].after = deep;
      },
      [`history.${EDIT}.diff.1.after${'.deeper'.repeat(16)}:too_deep`],
    ],
    ['not an array', (d) => d.splice(0, d.length, 'x'), [`history.${EDIT}.diff.0:invalid_type`]],
  ])('refuses a diff with %s, naming the path', (_, mutate, expected) => {
    expect(diffIssues(mutate)).toEqual(expected);
  });

  it('refuses a diff that is not an array', () => {
    const copy = clone(json(edited()));
    copy.history[EDIT].diff = { 0: 'x' };
    expect(issuesOf(parseOrder(copy))).toEqual([`history.${EDIT}.diff:invalid_type`]);
  });
});
