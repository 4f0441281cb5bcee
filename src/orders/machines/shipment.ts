import { checkInstant, checkLineList, checkOptionalString, checkString } from '../internal/checks.js';
import {
  withLineQuantities,
  withOrderField,
  withQuantity,
  withShipmentField,
  withTimestamp,
} from '../internal/copy.js';
import { notify } from '../internal/effects.js';
import { POLICY_GUARDS, ROUTING_GUARDS } from '../internal/guards.js';
import {
  activeUnits,
  amountDueMinor,
  findIndexById,
  paymentSums,
  replaceAt,
  valueOfUnits,
} from '../internal/ledger.js';
import { defineMachine } from '../machine/defineMachine.js';
import type { EventDefinition, Machine, MachineEffects, MachineEvent, MachineUpdate } from '../machine/types.js';
import type { LineQuantities, Order, OrderEffect, OrderEvent, OrderLine, Shipment } from '../types.js';

type Ev<T extends OrderEvent['type']> = Extract<OrderEvent, { type: T }>;

const e = (event: MachineEvent) => event as unknown as Record<string, unknown>;
const id = (event: MachineEvent) => checkString(e(event), 'shipmentId');

const EVENTS: readonly EventDefinition[] = [
  {
    type: 'create_shipment',
    validate: (ev, order) =>
      id(ev) ?? checkLineList(order, e(ev)['lines'], 'lines', ['quantity']) ?? checkOptionalString(e(ev), 'locationId'),
    description: 'Put allocated units of one or more lines into a new shipment.',
  },
  { type: 'start_picking', validate: id, description: 'Picking starts (units count as picked).' },
  { type: 'pack_shipment', validate: id, description: 'Packed; a label is requested.' },
  {
    type: 'ship',
    validate: (ev) => id(ev) ?? checkString(e(ev), 'carrier') ?? checkString(e(ev), 'trackingNumber'),
    description: 'Handed to the carrier.',
  },
  { type: 'deliver', validate: id, description: 'Delivered.' },
  {
    type: 'report_delay',
    validate: (ev) => id(ev) ?? checkInstant(e(ev), 'newExpectedAt') ?? checkString(e(ev), 'reason'),
    description: 'The shipment is late: the customer is told.',
  },
  {
    type: 'cancel_shipment',
    validate: (ev) => id(ev) ?? checkString(e(ev), 'reason'),
    description: 'Cancel a shipment that has not shipped: its units go back to open and stock is released.',
  },
];

function shipmentOf(order: Order, shipmentId: string | undefined): Shipment {
  return order.shipments[findIndexById(order.shipments, shipmentId)] as Shipment;
}

function withShipment(order: Order, shipmentId: string | undefined, change: (s: Shipment) => Shipment): Order {
  const index = findIndexById(order.shipments, shipmentId);
  return withOrderField(
    order,
    'shipments',
    replaceAt(order.shipments, index, change(order.shipments[index] as Shipment)),
  );
}

function patchShipmentLines(
  order: Order,
  shipment: Shipment,
  patch: (q: LineQuantities, units: number) => LineQuantities,
): Order {
  // Each order line against the shipment's few lines (listed once each: create_shipment refuses
  // repeats): a scan, no map or closure per line.
  const shipped = shipment.lines;
  const lines = order.lines.map((line, i) => {
    // A shipment usually lists the order's lines in the order's own order: its i-th first.
    const hinted = shipped[i];
    if (hinted !== undefined && hinted.lineId === line.id)
      return withLineQuantities(line, patch(line.quantities, hinted.quantity));
    for (let k = 0; k < shipped.length; k++) {
      const l = shipped[k] as Shipment['lines'][number];
      if (l.lineId === line.id) return withLineQuantities(line, patch(line.quantities, l.quantity));
    }
    return line;
  });
  return withOrderField(order, 'lines', lines);
}

const create: MachineUpdate = (order, event, ctx) => {
  const ev = event as Ev<'create_shipment'>;
  const shipment: { -readonly [K in keyof Shipment]?: Shipment[K] } = {
    id: ev.shipmentId,
    state: ctx.to,
    lines: ev.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity })),
  };
  // Key by key, not a conditional spread (slow in a literal; see internal/copy.ts).
  if (ev.locationId !== undefined) shipment.locationId = ev.locationId;
  return withOrderField(order, 'shipments', [...order.shipments, shipment as Shipment]);
};

const startPicking: MachineUpdate = (order, _event, ctx) =>
  patchShipmentLines(order, shipmentOf(order, ctx.entityId), (q, units) => withQuantity(q, 'picked', q.picked + units));

const pack: MachineEffects = (_previous, next, _event, ctx) => [
  { type: 'create_shipment_label', orderId: next.id, shipmentId: ctx.entityId as string },
];

const ship: MachineUpdate = (order, event, ctx) => {
  const ev = event as Ev<'ship'>;
  const shipment = shipmentOf(order, ctx.entityId);
  const moved = patchShipmentLines(order, shipment, (q, units) => withQuantity(q, 'shipped', q.shipped + units));
  const withDetails = withShipment(moved, ctx.entityId, (s) => {
    // Object.assign, not a spread: these keys are new to the shipment (see internal/copy.ts).
    const shipped = Object.assign({}, s) as { -readonly [K in keyof Shipment]: Shipment[K] };
    shipped.carrier = ev.carrier;
    shipped.trackingNumber = ev.trackingNumber;
    shipped.shippedAt = ctx.now;
    return shipped;
  });
  return order.timestamps.shippedAt === undefined
    ? withOrderField(withDetails, 'timestamps', withTimestamp(withDetails.timestamps, 'shippedAt', ctx.now))
    : withDetails;
};

/**
 * Shipping notifies the customer and asks to capture authorised money up to the shipment's value,
 * capped at what is still owed (amount due − net captured).
 */
const shipEffects: MachineEffects = (previous, next, event, ctx) => {
  const ev = event as Ev<'ship'>;
  const effects: OrderEffect[] = [
    notify(next, {
      kind: 'shipped',
      shipmentId: ev.shipmentId,
      carrier: ev.carrier,
      trackingNumber: ev.trackingNumber,
    }),
  ];
  // The shipment's value, but never more than is still owed: another payment may have paid already.
  const sums = paymentSums(previous);
  const owed = amountDueMinor(previous) - (sums.captured - sums.refunded);
  let due = Math.min(valueOfUnits(previous, shipmentOf(previous, ctx.entityId).lines), owed);
  const payments = [...previous.payments].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const p of payments) {
    if (due <= 0) break;
    if (p.state !== 'authorized' && p.state !== 'partially_captured') continue;
    const amount = Math.min(due, p.authorized.amount - p.captured.amount);
    if (amount <= 0) continue;
    effects.push({
      type: 'capture_payment',
      orderId: next.id,
      paymentId: p.id,
      amount: { amount, currency: previous.currency },
    });
    due -= amount;
  }
  return effects;
};

const deliver: MachineUpdate = (order, _event, ctx) => {
  const shipment = shipmentOf(order, ctx.entityId);
  const moved = withShipment(
    patchShipmentLines(order, shipment, (q, units) => withQuantity(q, 'delivered', q.delivered + units)),
    ctx.entityId,
    (s) => withShipmentField(s, 'deliveredAt', ctx.now),
  );
  const allDelivered = moved.lines.every((l) => l.quantities.delivered >= activeUnits(l));
  return allDelivered
    ? withOrderField(moved, 'timestamps', withTimestamp(moved.timestamps, 'deliveredAt', ctx.now))
    : moved;
};

const cancelShipment: MachineUpdate = (order, _event, ctx) => {
  const shipment = shipmentOf(order, ctx.entityId);
  const picked = ctx.from === 'picking' || ctx.from === 'packed';
  return patchShipmentLines(order, shipment, (q, units) => ({
    ...q,
    allocated: q.allocated - units,
    picked: picked ? q.picked - units : q.picked,
  }));
};

const releaseShipmentStock: MachineEffects = (previous, next, _event, ctx) => {
  const shipment = shipmentOf(previous, ctx.entityId);
  const lines = shipment.lines.map((l) => {
    const line = previous.lines.find((x) => x.id === l.lineId) as OrderLine;
    const locationId = shipment.locationId ?? line.locationId;
    return locationId === undefined
      ? { lineId: l.lineId, sku: line.sku, quantity: l.quantity }
      : { lineId: l.lineId, sku: line.sku, quantity: l.quantity, locationId };
  });
  return [{ type: 'release_stock', orderId: next.id, lines }];
};

/**
 * Builds the default shipment (fulfilment) machine (one entity per shipment, addressed by
 * `shipmentId`; an order may have many: split shipments, partial shipment of a line).
 *
 * `create_shipment` puts allocated units into a new shipment (`allocated`); `start_picking` →
 * `picking` (units count as picked); `pack_shipment` → `packed` (a label is requested); `ship` →
 * `shipped` (units shipped, the customer is told with the tracking number, authorised money up to
 * the shipment's value is captured); `deliver` → `delivered`; `report_delay` notifies without moving;
 * `cancel_shipment` before shipping → `cancelled`: its units are no longer allocated (nor picked) and
 * their stock is released. Guards: `quantities_within_open` (only allocated units not already in a
 * shipment), `paid_or_credit_approved` on `ship`, `order_not_on_hold` on picking, packing and shipping.
 *
 * @returns A new validated machine.
 * @example
 * ```ts
 * import { shipmentMachine } from 'ordercore/orders';
 *
 * shipmentMachine().initial; //=> 'allocated'
 * ```
 */
export function shipmentMachine(): Machine {
  return defineMachine({
    id: 'shipment',
    entity: 'shipment',
    initial: 'allocated',
    states: {
      allocated: { description: 'Units set aside for this shipment.' },
      picking: { description: 'Being picked.' },
      packed: { description: 'Packed, label requested.' },
      shipped: { description: 'With the carrier.' },
      delivered: { final: true, description: 'Delivered.' },
      cancelled: { final: true, description: 'Cancelled before shipping; units released.' },
    },
    events: EVENTS,
    transitions: [
      { from: '[*]', event: 'create_shipment', to: 'allocated', guards: ['quantities_within_open'], update: create },
      { from: 'allocated', event: 'start_picking', to: 'picking', guards: ['order_not_on_hold'], update: startPicking },
      { from: 'picking', event: 'pack_shipment', to: 'packed', guards: ['order_not_on_hold'], effects: pack },
      {
        from: 'packed',
        event: 'ship',
        to: 'shipped',
        guards: ['order_not_on_hold', 'paid_or_credit_approved'],
        update: ship,
        effects: shipEffects,
      },
      {
        from: 'shipped',
        event: 'deliver',
        to: 'delivered',
        update: deliver,
        effects: (_p, next, _event, ctx) => [notify(next, { kind: 'delivered', shipmentId: ctx.entityId as string })],
      },
      ...(['allocated', 'picking', 'packed', 'shipped'] as const).map((state) => ({
        from: state,
        event: 'report_delay',
        to: state,
        effects: ((_p, next, event) => {
          const ev = event as Ev<'report_delay'>;
          return [
            notify(next, {
              kind: 'delayed',
              shipmentId: ev.shipmentId,
              newExpectedAt: ev.newExpectedAt,
              reason: ev.reason,
            }),
          ];
        }) satisfies MachineEffects,
      })),
      {
        from: ['allocated', 'picking', 'packed'],
        event: 'cancel_shipment',
        to: 'cancelled',
        update: cancelShipment,
        effects: releaseShipmentStock,
      },
    ],
    guards: { ...POLICY_GUARDS, ...ROUTING_GUARDS },
  });
}
