// The commands on an existing order. Each is a plan — pure decisions on the freshly loaded order,
// plus the port calls that must come before the transition (authorise, capture, hold stock) — run
// by `runCommand` (transition, save with the loaded version, retry on conflicts, then the effects).

import { parseInstant } from '../../core/instant.js';
import { ok } from '../../core/result.js';
import { isRecord, show } from '../../core/show.js';
import { releaseReservation } from '../../inventory/reservations/releaseReservation.js';
import { reserveBatch } from '../../inventory/reservations/reserveBatch.js';
import type { ReserveLine } from '../../inventory/reservations/types.js';
import { fromMinor } from '../../money/fromMinor.js';
import { orderTotals } from '../../orders/orderTotals.js';
import type { Order, OrderEvent } from '../../orders/types.js';
import { planAndBatchWaves } from '../../picking/waves/planAndBatchWaves.js';
import type { WaveOrder } from '../../picking/waves/types.js';
import { selectCarrier } from '../../shipping/selectCarrier.js';
import type {
  ApproveOrderRequest,
  AuthorizePaymentRequest,
  CancelOrderRequest,
  CapturePaymentRequest,
  CommandOutcome,
  DeliverOrderRequest,
  EditOrderRequest,
  OrderCommand,
  PickingOutcome,
  PlanPickingRequest,
  ReceiveReturnRequest,
  RequestReturnRequest,
  ShipOrderRequest,
} from '../types.js';
import {
  applyEvents,
  type Context,
  call,
  causeOf,
  checkActor,
  checkCommand,
  commitAllPending,
  failure,
  gatewayEvents,
  holdIdsOf,
  holdsOf,
  invalid,
  inventoryStep,
  isCount,
  isPositive,
  isText,
  keyOf,
  paymentRefused,
  port,
  runCommand,
  type Step,
  syncPayments,
  USAGE_RESERVATION,
  unitsToHold,
} from './engine.js';

type Outcome = Promise<Step<CommandOutcome>>;

function checkMoney(value: unknown, field: string): Step<void> {
  if (value === undefined) return ok(undefined);
  if (!isRecord(value) || !isPositive(value['amount']) || !isText(value['currency']))
    return invalid(field, `expected a positive amount { amount, currency }, got ${show(value)}.`);
  return ok(undefined);
}

function checkLines(value: unknown, field: string, fields: readonly string[], positive: readonly string[]): Step<void> {
  if (!Array.isArray(value) || value.length === 0)
    return invalid(field, `expected a non-empty array, got ${show(value)}.`);
  for (let i = 0; i < value.length; i++) {
    const line: unknown = value[i];
    if (!isRecord(line)) return invalid(`${field}[${i}]`, `expected an object, got ${show(line)}.`);
    if (!isText(line['lineId']))
      return invalid(`${field}[${i}].lineId`, `expected a non-empty string, got ${show(line['lineId'])}.`);
    for (const f of fields) {
      const check = positive.includes(f) ? isPositive : isCount;
      if (!check(line[f]))
        return invalid(
          `${field}[${i}].${f}`,
          `expected a ${positive.includes(f) ? 'positive' : 'non-negative'} safe integer, got ${show(line[f])}.`,
        );
    }
  }
  return ok(undefined);
}

/** `approve` (the last approval confirms the order). */
export async function approveOrder(ctx: Context, request: ApproveOrderRequest): Outcome {
  const checked = checkCommand(request);
  if (!checked.ok) return checked;
  if (!isText(request.queue)) return invalid('queue', `expected a non-empty string, got ${show(request.queue)}.`);
  return runCommand(ctx, request, () =>
    ok({
      events: [
        {
          type: 'approve',
          queue: request.queue,
          ...(request.comment === undefined ? {} : { comment: request.comment }),
        },
      ],
    }),
  );
}

/** `reject`: the order ends rejected; its holds, usage and authorisations are released. */
export async function rejectOrder(ctx: Context, request: ApproveOrderRequest): Outcome {
  const checked = checkCommand(request);
  if (!checked.ok) return checked;
  if (!isText(request.queue)) return invalid('queue', `expected a non-empty string, got ${show(request.queue)}.`);
  const done = await runCommand(ctx, { ...request, settleHolds: true }, () =>
    ok({ events: [{ type: 'reject', queue: request.queue, reason: request.comment ?? 'rejected' }] }),
  );
  if (!done.ok) return done;
  return windDown(ctx, done.value, request.key);
}

/** Voids live authorisations and releases promotion usage of an order that ended without shipping. */
async function windDown(ctx: Context, outcome: CommandOutcome, key: string): Outcome {
  const order = outcome.order;
  const usage = order.metadata?.[USAGE_RESERVATION];
  if (usage !== undefined) {
    const released = await port('promotions.release', () => ctx.adapters.promotions.release(usage));
    if (!released.ok && released.refused?.code !== 'not_found') return released;
  }
  // Every payment is synced with the gateway first (a capture whose save was lost shows up here).
  const ids = order.payments.map((p) => p.id);
  let synced = await syncPayments(ctx, order, ids, key);
  if (!synced.ok) return synced;
  for (const p of synced.value.payments) {
    if (p.state !== 'authorized') continue;
    const r = await port('payments.void', () =>
      ctx.adapters.payments.void({ key: `${key}/void/${p.id}`, paymentId: p.id }),
    );
    if (!r.ok && r.refused === undefined) return r;
  }
  synced = await syncPayments(ctx, synced.value, ids, key);
  if (!synced.ok) return synced;
  return settleOverpayment(ctx, { ...outcome, order: synced.value }, key);
}

/** Gives back money held beyond what the order still owes, newest payment first, and records it. */
async function settleOverpayment(ctx: Context, outcome: CommandOutcome, key: string): Outcome {
  const order = outcome.order;
  let over = -orderTotals(order).balanceDue.amount;
  if (over <= 0) return ok(outcome);
  for (const p of [...order.payments].reverse()) {
    const held = p.captured.amount - p.refunded.amount;
    if (over <= 0 || held <= 0) continue;
    const amount = fromMinor(Math.min(over, held), p.captured.currency);
    const r = await port('payments.refund', () =>
      ctx.adapters.payments.refund({ key: `${key}/overpaid/${p.id}@${p.refunded.amount}`, paymentId: p.id, amount }),
    );
    if (!r.ok && r.refused === undefined) return r;
    over -= amount.amount;
  }
  const synced = await syncPayments(
    ctx,
    order,
    order.payments.map((p) => p.id),
    key,
  );
  if (!synced.ok) return synced;
  return ok({ ...outcome, order: synced.value });
}

/** Authorises at the gateway, then records `authorize_payment`. */
export async function authorizePayment(ctx: Context, request: AuthorizePaymentRequest): Outcome {
  const checked = checkCommand(request);
  if (!checked.ok) return checked;
  if (!isText(request.method)) return invalid('method', `expected a non-empty string, got ${show(request.method)}.`);
  const money = checkMoney(request.amount, 'amount');
  if (!money.ok) return money;
  return runCommand(ctx, request, async (order) => {
    const amount = request.amount ?? orderTotals(order).balanceDue;
    if (amount.currency !== order.currency)
      return invalid('amount', `expected ${order.currency}, got ${show(amount.currency)}.`);
    if (amount.amount <= 0) return invalid('amount', `nothing is due on order ${show(order.id)}.`);
    const auth = await port('payments.authorize', () =>
      ctx.adapters.payments.authorize({
        key: `${request.key}/authorize`,
        amount,
        method: request.method,
        orderId: order.id,
        customerId: order.customer.accountId,
      }),
    );
    if (!auth.ok) return auth.refused === undefined ? auth : paymentRefused('authorize', auth.refused);
    const paymentId = auth.value.payment.paymentId;
    return ok({
      events: [{ type: 'authorize_payment', paymentId, method: request.method, amount, reference: paymentId }],
    });
  });
}

/** Captures at the gateway, then records what the gateway captured. */
export async function capturePayment(ctx: Context, request: CapturePaymentRequest): Outcome {
  const checked = checkCommand(request);
  if (!checked.ok) return checked;
  const money = checkMoney(request.amount, 'amount');
  if (!money.ok) return money;
  const done = await runCommand(ctx, request, async (order) => {
    if (request.amount !== undefined && request.amount.currency !== order.currency)
      return invalid('amount', `expected ${order.currency}, got ${show(request.amount.currency)}.`);
    // What the gateway did that the order does not know yet (a capture whose save was lost) is
    // recorded first, instead of capturing again.
    const states = [];
    for (const p of order.payments) {
      const gw = await call('payments.payment', () => ctx.adapters.payments.payment(p.id));
      if (!gw.ok) return gw;
      if (gw.value !== undefined) states.push(gw.value);
    }
    const missed = gatewayEvents(order, states);
    if (missed.length > 0) return ok({ events: missed });
    const payment = [...order.payments]
      .reverse()
      .find(
        (p) =>
          p.authorized.amount - p.captured.amount > 0 && (p.state === 'authorized' || p.state === 'partially_captured'),
      );
    if (payment === undefined)
      return failure('payment_failed', `Order ${show(order.id)} has no authorisation left to capture.`, {
        orderId: order.id,
      });
    const remaining = payment.authorized.amount - payment.captured.amount;
    const due = orderTotals(order).balanceDue.amount;
    const amount = request.amount ?? fromMinor(Math.min(remaining, Math.max(due, 0)), order.currency);
    if (amount.amount <= 0) return ok({ events: [] });
    const captured = await port('payments.capture', () =>
      ctx.adapters.payments.capture({ key: `${request.key}/capture`, paymentId: payment.id, amount }),
    );
    if (!captured.ok) return captured.refused === undefined ? captured : paymentRefused('capture', captured.refused);
    const delta = captured.value.payment.captured.amount - payment.captured.amount;
    if (delta <= 0) return ok({ events: [] });
    return ok({
      events: [{ type: 'capture_payment', paymentId: payment.id, amount: fromMinor(delta, order.currency) }],
    });
  });
  if (!done.ok) return done;
  return settleOverpayment(ctx, done.value, request.key);
}

/** Units of a line allocated and not in a live shipment. */
function unshipped(order: Order, lineId: string): number {
  const line = order.lines.find((l) => l.id === lineId);
  if (line === undefined) return 0;
  let inShipments = 0;
  for (const s of order.shipments) {
    if (s.state === 'cancelled') continue;
    for (const l of s.lines) if (l.lineId === lineId) inShipments += l.quantity;
  }
  return line.quantities.allocated - inShipments;
}

/**
 * Allocates the order's holds (the `reserve_stock` effect commits them into allocations after the
 * save) and puts every allocated unit not yet in a shipment into one shipment per location, when the
 * order may ship (`paid_or_credit_approved`); otherwise the shipments wait for a later call.
 */
export async function allocateOrder(ctx: Context, request: OrderCommand): Outcome {
  const checked = checkCommand(request);
  if (!checked.ok) return checked;
  return runCommand(ctx, request, async (order, now) => {
    const pending = await commitAllPending(ctx, order, now);
    if (!pending.ok) return pending;
    const ids = order.lines.flatMap((l) => holdIdsOf(order, l.id));
    const state = await call('inventory.load', () => ctx.adapters.inventory.load({ reservationIds: ids }));
    if (!state.ok) return state;
    const allocate: { lineId: string; quantity: number; locationId: string }[] = [];
    const locationOf = new Map<string, string>();
    for (const line of order.lines) {
      let need = unitsToHold(order, line.id);
      for (const record of holdsOf(state.value, order, line.id)) {
        if (!locationOf.has(line.id) && (record.open > 0 || record.committed > 0))
          locationOf.set(line.id, record.location);
        if (need === 0 || record.open === 0) continue;
        const q = Math.min(need, record.open);
        const same = allocate.find((a) => a.lineId === line.id && a.locationId === record.location);
        if (same === undefined) allocate.push({ lineId: line.id, quantity: q, locationId: record.location });
        else same.quantity += q;
        need -= q;
      }
    }
    const events: OrderEvent[] = allocate.length === 0 ? [] : [{ type: 'allocate', lines: allocate }];
    const after =
      events.length === 0 ? ok({ order, steps: [] }) : applyEvents(ctx, order, events, request.key, now, ctx.actor);
    if (!after.ok) return after;
    const byLocation = new Map<string, { lineId: string; quantity: number }[]>();
    for (const line of after.value.order.lines) {
      const units = unshipped(after.value.order, line.id);
      const location = locationOf.get(line.id) ?? line.locationId;
      if (units <= 0 || location === undefined) continue;
      const list = byLocation.get(location) ?? [];
      list.push({ lineId: line.id, quantity: units });
      byLocation.set(location, list);
    }
    const shipments: OrderEvent[] = [];
    let n = order.shipments.length;
    for (const location of [...byLocation.keys()].sort()) {
      n += 1;
      shipments.push({
        type: 'create_shipment',
        shipmentId: `${order.id}/S${n}`,
        locationId: location,
        lines: byLocation.get(location) ?? [],
      });
    }
    // Shipments only when the order may ship now (paid or on approved credit); else allocation alone.
    const withShipments = applyEvents(ctx, after.value.order, shipments, request.key, now, ctx.actor);
    return ok({ events: withShipments.ok ? [...events, ...shipments] : events });
  });
}

/** Plans waves and pick batches, then starts picking the shipments placed in a wave. */
export async function planPicking(ctx: Context, request: PlanPickingRequest): Promise<Step<PickingOutcome>> {
  if (!isRecord(request)) return invalid('request', `expected a command object, got ${show(request)}.`);
  if (!isText(request.key)) return invalid('key', `expected a non-empty string, got ${show(request.key)}.`);
  if (
    !Array.isArray(request.orderIds) ||
    !request.orderIds.every(isText) ||
    new Set(request.orderIds).size !== request.orderIds.length
  )
    return invalid('orderIds', `expected an array of distinct non-empty strings, got ${show(request.orderIds)}.`);
  const actorProblem = checkActor(request.actor, 'actor');
  if (actorProblem !== undefined) return failure('invalid_request', actorProblem, { field: 'actor' });
  const warehouse = ctx.config.warehouse;
  if (warehouse === undefined)
    return failure('not_configured', 'planPicking needs config.warehouse.', { field: 'warehouse' });
  const orders: Order[] = [];
  const waveOrders: WaveOrder[] = [];
  for (const orderId of request.orderIds) {
    const loaded = await call('orders.load', () => ctx.adapters.orders.load(orderId));
    if (!loaded.ok) return loaded;
    if (!loaded.value.ok) return failure('order_not_found', `No order ${show(orderId)}.`, { orderId });
    const order = loaded.value.value;
    orders.push(order);
    const startedHere = new Set(
      order.history
        .filter((h) => h.event.type === 'start_picking' && keyOf(h) === request.key)
        .map((h) => (h.event as { shipmentId: string }).shipmentId),
    );
    for (const shipment of order.shipments) {
      if (shipment.locationId !== warehouse.location) continue;
      if (shipment.state !== 'allocated' && !startedHere.has(shipment.id)) continue;
      const picks = [];
      for (const part of shipment.lines) {
        const line = order.lines.find((l) => l.id === part.lineId);
        const slot = line === undefined ? undefined : warehouse.slots[line.sku];
        if (line === undefined || slot === undefined || !Object.hasOwn(warehouse.slots, line.sku))
          return failure(
            'not_configured',
            `SKU ${show(line?.sku)} has no slot in warehouse ${show(warehouse.location)}.`,
            { field: 'warehouse.slots', sku: line?.sku },
          );
        picks.push({ id: `${shipment.id}/${part.lineId}`, location: slot, sku: line.sku, quantity: part.quantity });
      }
      waveOrders.push({
        id: shipment.id,
        picks,
        priority: ['low', 'normal', 'high', 'urgent'].indexOf(order.priority),
        ...(order.fulfillment.shipBy === undefined ? {} : { carrierCutoff: `${order.fulfillment.shipBy}T23:59:59Z` }),
      });
    }
  }
  const now = ctx.adapters.clock.now();
  const plan = planAndBatchWaves(warehouse.layout, waveOrders, {
    now,
    waves: request.waves,
    batching: request.batching,
    ...(request.capacity === undefined ? {} : { capacity: request.capacity }),
  });
  if (!plan.ok) return invalid(String(plan.error.details['field'] ?? 'waves'), plan.error.message);
  const placed = new Set(plan.value.plan.placements.filter((p) => p.waveId !== null).map((p) => p.orderId));
  const started: string[] = [];
  const after: Order[] = [];
  for (const order of orders) {
    const ids = order.shipments.filter((s) => placed.has(s.id)).map((s) => s.id);
    if (ids.length === 0) {
      after.push(order);
      continue;
    }
    const r = await runCommand(
      ctx,
      { key: request.key, orderId: order.id, ...(request.actor === undefined ? {} : { actor: request.actor }) },
      (current) =>
        ok({
          events: current.shipments
            .filter((s) => ids.includes(s.id) && s.state === 'allocated')
            .map((s) => ({ type: 'start_picking', shipmentId: s.id }) as OrderEvent),
        }),
    );
    if (!r.ok) return r;
    after.push(r.value.order);
    started.push(...ids);
  }
  return ok({ plan: plan.value, orders: after, started });
}

/** Packs (starting picking if needed) and ships; the ledger ships the units, the capture is taken. */
export async function shipOrder(ctx: Context, request: ShipOrderRequest): Outcome {
  const checked = checkCommand(request);
  if (!checked.ok) return checked;
  if (!isText(request.shipmentId))
    return invalid('shipmentId', `expected a non-empty string, got ${show(request.shipmentId)}.`);
  const given = request.carrier !== undefined || request.trackingNumber !== undefined;
  if (given && !isText(request.carrier))
    return invalid('carrier', `expected a non-empty string with trackingNumber, got ${show(request.carrier)}.`);
  if (given && !isText(request.trackingNumber))
    return invalid('trackingNumber', `expected a non-empty string with carrier, got ${show(request.trackingNumber)}.`);
  if (!given && ctx.adapters.carriers === undefined)
    return failure('not_configured', 'shipOrder without carrier and trackingNumber needs the carriers port.', {
      field: 'carriers',
    });
  return runCommand(ctx, request, async (order, now) => {
    const shipment = order.shipments.find((s) => s.id === request.shipmentId);
    if (shipment === undefined)
      return invalid('shipmentId', `order ${show(order.id)} has no shipment ${show(request.shipmentId)}.`);
    const events: OrderEvent[] = [];
    if (shipment.state === 'allocated') events.push({ type: 'start_picking', shipmentId: shipment.id });
    if (shipment.state === 'allocated' || shipment.state === 'picking')
      events.push({ type: 'pack_shipment', shipmentId: shipment.id });
    if (request.carrier !== undefined && request.trackingNumber !== undefined) {
      events.push({
        type: 'ship',
        shipmentId: shipment.id,
        carrier: request.carrier,
        trackingNumber: request.trackingNumber,
      });
      return ok({ events });
    }
    // Check the events without the label first: a shipment that cannot ship buys no label.
    const trial = applyEvents(
      ctx,
      order,
      [...events, { type: 'ship', shipmentId: shipment.id, carrier: 'x', trackingNumber: 'x' }],
      request.key,
      now,
      ctx.actor,
    );
    if (!trial.ok) return trial;
    const label = await buyLabel(ctx, order, shipment, `${request.key}@${order.version}/label`, now);
    if (!label.ok) return label;
    const carriers = ctx.adapters.carriers;
    events.push({
      type: 'ship',
      shipmentId: shipment.id,
      carrier: label.value.carrierId,
      trackingNumber: label.value.trackingNumber,
    });
    return ok({
      events,
      undo: async () => {
        await carriers?.voidLabel(label.value.id);
      },
    });
  });
}

/** Rate-shops the shipment through the carriers port, chooses by the policy, buys the label. */
async function buyLabel(
  ctx: Context,
  order: Order,
  shipment: Order['shipments'][number],
  key: string,
  now: string,
): Promise<Step<{ id: string; carrierId: string; trackingNumber: string }>> {
  const carriers = ctx.adapters.carriers;
  if (carriers === undefined) return failure('not_configured', 'No carriers port.', { field: 'carriers' });
  const address = order.customer.deliveryAddress;
  if (!isText(address.country) || !isText(address.postalCode))
    return failure(
      'carrier_failed',
      `Order ${show(order.id)}: the delivery address needs a country and a postal code to ship.`,
      { orderId: order.id },
    );
  const config = ctx.config.shipping;
  let grams = 0;
  for (const part of shipment.lines) {
    const sku = order.lines.find((l) => l.id === part.lineId)?.sku ?? '';
    const unit =
      config?.unitWeightGrams !== undefined && Object.hasOwn(config.unitWeightGrams, sku)
        ? (config.unitWeightGrams[sku] ?? 500)
        : 500;
    grams += unit * part.quantity;
  }
  const box = config?.box ?? { lengthMm: 300, widthMm: 200, heightMm: 150 };
  const promisedBy = order.fulfillment.requestedDeliveryDate;
  const parcel = { id: `${shipment.id}/box-1`, weightGrams: Math.max(grams, 1), ...box };
  const carrierShipment = {
    id: shipment.id,
    shipDate: new Date(parseInstant(now) ?? 0).toISOString().slice(0, 10),
    destination: { country: address.country, postalCode: address.postalCode },
    parcels: [parcel],
    ...(promisedBy === undefined ? {} : { promisedBy }),
  };
  const quotes = await call('carriers.quoteRates', () => carriers.quoteRates(carrierShipment));
  if (!quotes.ok) return quotes;
  if (!quotes.value.ok)
    return failure('carrier_failed', `No rates for shipment ${show(shipment.id)}: ${quotes.value.error.message}`, {
      cause: causeOf(quotes.value.error),
    });
  const policy = { ...(promisedBy === undefined ? {} : { mustArriveBy: promisedBy }), ...config?.policy };
  const chosen = selectCarrier(quotes.value.value, policy);
  if (!chosen.ok)
    return failure('carrier_failed', `No carrier fits shipment ${show(shipment.id)}: ${chosen.error.message}`, {
      cause: causeOf(chosen.error),
    });
  const quote = chosen.value.chosen;
  const label = await call('carriers.createShipment', () =>
    carriers.createShipment({
      shipment: carrierShipment,
      carrierId: quote.carrierId,
      serviceId: quote.serviceId,
      idempotencyKey: key,
    }),
  );
  if (!label.ok) return label;
  if (!label.value.ok)
    return failure('carrier_failed', `The label for ${show(shipment.id)} was refused: ${label.value.error.message}`, {
      cause: causeOf(label.value.error),
    });
  return ok({
    id: label.value.value.id,
    carrierId: label.value.value.carrierId,
    trackingNumber: label.value.value.trackingNumber,
  });
}

/** Records a delivery; completes the order when nothing is left to ship. */
export async function deliverOrder(ctx: Context, request: DeliverOrderRequest): Outcome {
  const checked = checkCommand(request);
  if (!checked.ok) return checked;
  if (!isText(request.shipmentId))
    return invalid('shipmentId', `expected a non-empty string, got ${show(request.shipmentId)}.`);
  return runCommand(ctx, request, (order, now) => {
    const deliver: OrderEvent = { type: 'deliver', shipmentId: request.shipmentId };
    const complete = applyEvents(ctx, order, [deliver, { type: 'complete' }], request.key, now, ctx.actor);
    return ok({ events: complete.ok ? [deliver, { type: 'complete' }] : [deliver] });
  });
}

/** `cancel` or `cancel_lines`; the effects release stock, refund, void and release usage. */
export async function cancelOrder(ctx: Context, request: CancelOrderRequest): Outcome {
  const checked = checkCommand(request);
  if (!checked.ok) return checked;
  if (!isText(request.reason)) return invalid('reason', `expected a non-empty string, got ${show(request.reason)}.`);
  if (request.lines !== undefined) {
    const lines = checkLines(request.lines, 'lines', ['quantity'], ['quantity']);
    if (!lines.ok) return lines;
  }
  const done = await runCommand(ctx, { ...request, settleHolds: true }, () =>
    ok({
      events: [
        request.lines === undefined
          ? { type: 'cancel', reason: request.reason }
          : {
              type: 'cancel_lines',
              lines: request.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity })),
              reason: request.reason,
            },
      ],
    }),
  );
  if (!done.ok || request.lines !== undefined) return done;
  return windDown(ctx, done.value, request.key);
}

/** Opens a return and authorises it. */
export async function requestReturn(ctx: Context, request: RequestReturnRequest): Outcome {
  const checked = checkCommand(request);
  if (!checked.ok) return checked;
  const lines = checkLines(request.lines, 'lines', ['quantity'], ['quantity']);
  if (!lines.ok) return lines;
  for (let i = 0; i < request.lines.length; i++)
    if (!isText(request.lines[i]?.reason))
      return invalid(`lines[${i}].reason`, `expected a non-empty string, got ${show(request.lines[i]?.reason)}.`);
  return runCommand(ctx, request, (order) => {
    const returnId = `${order.id}/R${order.returns.length + 1}`;
    return ok({
      events: [
        {
          type: 'request_return',
          returnId,
          lines: request.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity, reason: l.reason })),
        },
        { type: 'authorize_return', returnId },
      ],
    });
  });
}

/** Receives, inspects and refunds a return; resellable units are restocked. */
export async function receiveReturn(ctx: Context, request: ReceiveReturnRequest): Outcome {
  const checked = checkCommand(request);
  if (!checked.ok) return checked;
  if (!isText(request.returnId))
    return invalid('returnId', `expected a non-empty string, got ${show(request.returnId)}.`);
  const lines = checkLines(request.lines, 'lines', ['resellable', 'damaged'], []);
  if (!lines.ok) return lines;
  for (let i = 0; i < request.lines.length; i++) {
    const l = request.lines[i];
    if (l !== undefined && l.resellable + l.damaged === 0)
      return invalid(`lines[${i}]`, 'at least one unit must arrive.');
  }
  const returnId = request.returnId;
  return runCommand(ctx, request, () =>
    ok({
      events: [
        {
          type: 'receive_return',
          returnId,
          lines: request.lines.map((l) => ({ lineId: l.lineId, quantity: l.resellable + l.damaged })),
        },
        {
          type: 'inspect_return',
          returnId,
          lines: request.lines.map((l) => ({ lineId: l.lineId, resellable: l.resellable, damaged: l.damaged })),
        },
        { type: 'resolve_return', returnId, resolution: 'refund' },
      ],
    }),
  );
}

/** `edit_order`: new units are held before the save (undone if the save fails); surplus holds are released after. */
export async function editOrder(ctx: Context, request: EditOrderRequest): Outcome {
  const checked = checkCommand(request);
  if (!checked.ok) return checked;
  if (!Array.isArray(request.edits) || request.edits.length === 0)
    return invalid('edits', `expected a non-empty array of edits, got ${show(request.edits)}.`);
  return runCommand(ctx, { ...request, settleHolds: true }, (order, now) => ({
    ok: true,
    value: {
      events: [
        {
          type: 'edit_order',
          edits: request.edits,
          ...(request.reason === undefined ? {} : { reason: request.reason }),
        },
      ],
      beforeSave: async (after) => {
        const pending = await commitAllPending(ctx, order, now);
        if (!pending.ok) return pending;
        const ids = after.lines.flatMap((l) => holdIdsOf(after, l.id));
        const state = await call('inventory.load', () => ctx.adapters.inventory.load({ reservationIds: ids }));
        if (!state.ok) return state;
        const lines: ReserveLine[] = [];
        for (const line of after.lines) {
          const open = holdsOf(state.value, after, line.id).reduce((n, r) => n + r.open, 0);
          const missing = unitsToHold(after, line.id) - open;
          if (missing > 0)
            lines.push({
              reservationId: `${after.id}/${line.id}@${after.version}`,
              sku: line.sku,
              locations: ctx.config.stockLocations,
              quantity: missing,
              owner: after.id,
              reference: `${after.id}/${line.id}`,
            });
        }
        if (lines.length === 0) return ok(undefined);
        const key = `${request.key}@${order.version}/reserve`;
        const held = await inventoryStep(
          ctx,
          { skus: [...new Set(lines.map((l) => l.sku))], reservationIds: lines.map((l) => l.reservationId) },
          key,
          (s) =>
            reserveBatch(
              s,
              { key, lines },
              { now, ...(ctx.config.availability === undefined ? {} : { policy: ctx.config.availability }) },
            ),
        );
        if (!held.ok) return held;
        // A replay of holds an earlier attempt made and then released (its save failed): the key is spent.
        if (
          held.value.replayed &&
          !lines.every((l) => held.value.state.reservations[l.reservationId]?.open === l.quantity)
        )
          return failure(
            'idempotency_key_reused',
            `Key ${show(request.key)} belongs to an edit that failed and was undone: use a new key.`,
            {
              key: request.key,
            },
          );
        return ok(async () => {
          for (const [i, l] of lines.entries()) {
            const undoKey = `${key}/undo/${i}`;
            await inventoryStep(ctx, { reservationIds: [l.reservationId], skus: [l.sku] }, undoKey, (s) =>
              releaseReservation(
                s,
                { key: undoKey, reservationId: l.reservationId, reason: 'edit not saved' },
                { now },
              ),
            );
          }
        });
      },
    },
  }));
}
