// placeOrder: validate → price → hold stock (every line, all or nothing) → reserve promotion usage →
// authorise payment → create + confirm (or route to approval) → save → commit usage → publish.
// Every step after the first write has an undo; a failure runs the undos of the steps before it.

import { ok } from '../../core/result.js';
import { isRecord, show } from '../../core/show.js';
import { own } from '../../inventory/internal/fold.js';
import { releaseReservation } from '../../inventory/reservations/releaseReservation.js';
import { reserveBatch } from '../../inventory/reservations/reserveBatch.js';
import { fromMinor } from '../../money/fromMinor.js';
import { routeApproval } from '../../orders/approval/routeApproval.js';
import { createOrder } from '../../orders/createOrder.js';
import type { Order, OrderDraft, OrderDraftLine, OrderEvent } from '../../orders/types.js';
import { validateOrder } from '../../orders/validation/validateOrder.js';
import { priceCart } from '../../pricing/priceCart.js';
import type { UsageIntent } from '../../pricing/types.js';
import type { PlaceOrderOutcome, PlaceOrderRequest } from '../types.js';
import {
  type Applied,
  afterSave,
  applyEvents,
  type Context,
  call,
  causeOf,
  checkActor,
  failure,
  finishPending,
  invalid,
  inventoryStep,
  isPositive,
  isText,
  loadOrder,
  PLACE_KEY,
  paymentRefused,
  placeHoldId,
  port,
  type Step,
  USAGE_RESERVATION,
} from './engine.js';

function checkPlace(request: unknown): Step<PlaceOrderRequest> {
  if (!isRecord(request)) return invalid('request', `expected a place-order command, got ${show(request)}.`);
  const r = request;
  if (!isText(r['key'])) return invalid('key', `expected a non-empty string, got ${show(r['key'])}.`);
  if (r['orderId'] !== undefined && !isText(r['orderId']))
    return invalid('orderId', `expected a non-empty string when present, got ${show(r['orderId'])}.`);
  if (!isText(r['channel'])) return invalid('channel', `expected a non-empty string, got ${show(r['channel'])}.`);
  const customer = r['customer'];
  if (!isRecord(customer) || !isText(customer['accountId']))
    return invalid('customer.accountId', `expected a customer with a non-empty accountId, got ${show(customer)}.`);
  if (!isRecord(customer['deliveryAddress']))
    return invalid('customer.deliveryAddress', `expected an address object, got ${show(customer['deliveryAddress'])}.`);
  const lines = r['lines'];
  if (!Array.isArray(lines) || lines.length === 0)
    return invalid('lines', `expected a non-empty array of lines, got ${show(lines)}.`);
  const ids = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const line: unknown = lines[i];
    if (!isRecord(line)) return invalid(`lines[${i}]`, `expected a line object, got ${show(line)}.`);
    if (!isText(line['id'])) return invalid(`lines[${i}].id`, `expected a non-empty string, got ${show(line['id'])}.`);
    if (ids.has(line['id'])) return invalid(`lines[${i}].id`, `${show(line['id'])} is used by another line.`);
    ids.add(line['id']);
    if (!isText(line['sku']))
      return invalid(`lines[${i}].sku`, `expected a non-empty string, got ${show(line['sku'])}.`);
    if (!isPositive(line['quantity']))
      return invalid(`lines[${i}].quantity`, `expected a positive safe integer, got ${show(line['quantity'])}.`);
    if (line['description'] !== undefined && typeof line['description'] !== 'string')
      return invalid(`lines[${i}].description`, `expected a string when present, got ${show(line['description'])}.`);
  }
  const coupons = r['couponCodes'];
  if (coupons !== undefined && (!Array.isArray(coupons) || !coupons.every(isText)))
    return invalid('couponCodes', `expected an array of non-empty strings, got ${show(coupons)}.`);
  const payment = r['payment'];
  if (payment !== undefined && (!isRecord(payment) || !isText(payment['method'])))
    return invalid('payment.method', `expected { method: non-empty string }, got ${show(payment)}.`);
  const actor = checkActor(r['actor'], 'actor');
  if (actor !== undefined) return failure('invalid_request', actor, { field: 'actor' });
  return ok(request as unknown as PlaceOrderRequest);
}

/** Runs the place-order saga. */
export async function placeOrder(ctx: Context, input: PlaceOrderRequest): Promise<Step<PlaceOrderOutcome>> {
  const checked = checkPlace(input);
  if (!checked.ok) return checked;
  const request = checked.value;
  const { key } = request;
  const actor = request.actor ?? ctx.actor;
  const { adapters, config } = ctx;

  // A retry: the order exists already.
  if (request.orderId !== undefined) {
    const existing = await loadOrder(ctx, request.orderId);
    if (existing.ok) return replayPlaced(ctx, existing.value, key);
    if (existing.error.code !== 'order_not_found') return existing;
  }
  const orderId = request.orderId ?? adapters.ids.next('order');
  const now = adapters.clock.now();

  // 1. Price (pure).
  const priced = priceCart(
    {
      lines: request.lines.map((l) => ({ id: l.id, sku: l.sku, quantity: l.quantity })),
      ...(request.shipping === undefined ? {} : { shipping: request.shipping }),
    },
    config.catalog,
    {
      ...config.pricing,
      now,
      channel: request.channel,
      customer: {
        id: request.customer.accountId,
        ...(request.customer.group === undefined ? {} : { group: request.customer.group }),
      },
      ...(config.promotions === undefined ? {} : { promotions: config.promotions }),
      ...(request.couponCodes === undefined ? {} : { couponCodes: request.couponCodes }),
    },
  );
  if (!priced.ok)
    return failure('pricing_failed', `The cart could not be priced: ${priced.error.message}`, {
      cause: causeOf(priced.error),
    });
  const cart = priced.value;
  const descriptions = new Map(request.lines.map((l) => [l.id, l.description ?? l.sku]));
  const lines: OrderDraftLine[] = cart.lines.map((l) => ({
    id: l.id,
    sku: l.sku,
    description: descriptions.get(l.id) ?? l.sku,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    unitPriceSource: l.unitPriceSource,
    subtotal: l.subtotal,
    discounts: l.discounts,
    discountTotal: l.discountTotal,
    net: l.net,
    tax: l.tax,
    taxLines: l.taxLines,
    total: l.total,
  }));
  const usageIntents: readonly UsageIntent[] = cart.usageIntents;
  const usageKey = `${key}/usage`;
  const draft: OrderDraft = {
    id: orderId,
    type: 'stock',
    currency: cart.currency,
    channel: request.channel,
    priority: request.priority ?? 'normal',
    customer: request.customer,
    lines,
    shipping:
      cart.shipping === undefined
        ? { net: fromMinor(0, cart.currency), tax: fromMinor(0, cart.currency) }
        : { net: cart.shipping.net, tax: cart.shipping.tax },
    fulfillment: request.fulfillment ?? {},
    terms: request.terms ?? { paymentTerms: { kind: 'prepaid' }, creditApproved: false },
    timestamps: { orderedAt: now },
    ...(request.couponCodes === undefined || request.couponCodes.length === 0
      ? {}
      : { couponCodes: request.couponCodes }),
    metadata: { [PLACE_KEY]: key },
  };

  // 2. Validate (pure).
  const report = validateOrder(draft, config.validation ?? {}, { now });
  if (report.decision === 'reject')
    return failure(
      'order_rejected',
      `Order ${show(orderId)} was rejected: ${report.issues.map((i) => i.message).join('; ')}`,
      {
        orderId,
        issues: report.issues,
      },
    );

  // 3. Hold stock for every line, all or nothing.
  const undo: (() => Promise<unknown>)[] = [];
  const compensate = async (): Promise<void> => {
    for (const u of undo.reverse()) {
      try {
        await u();
      } catch {
        // Best effort: a failed undo leaves a hold the expiry sweep or an operator releases.
      }
    }
  };
  const reserveKey = `${key}/reserve`;
  const holdIds = lines.map((l) => placeHoldId(orderId, l.id, key));
  const held = await inventoryStep(
    ctx,
    { skus: [...new Set(lines.map((l) => l.sku))], reservationIds: holdIds },
    reserveKey,
    (state) =>
      reserveBatch(
        state,
        {
          key: reserveKey,
          lines: lines.map((l, i) => ({
            reservationId: holdIds[i] as string,
            sku: l.sku,
            locations: config.stockLocations,
            quantity: l.quantity,
            owner: orderId,
            reference: `${orderId}/${l.id}`,
          })),
        },
        { now, ...(config.availability === undefined ? {} : { policy: config.availability }) },
      ),
  );
  if (!held.ok) {
    const e = held.error;
    const reused = isRecord(e.details['cause']) && e.details['cause']['code'] === 'idempotency_key_reused';
    return reused
      ? failure('idempotency_key_reused', `Key ${show(key)} was used for another order.`, {
          key,
          cause: e.details['cause'],
        })
      : held;
  }
  if (held.value.replayed) {
    // The key held stock before: resume only if every hold is still whole (else the earlier attempt
    // failed and was compensated: the key is spent).
    const whole = lines.every((l, i) => own(held.value.state.reservations, holdIds[i] as string)?.open === l.quantity);
    if (!whole)
      return failure(
        'idempotency_key_reused',
        `Key ${show(key)} belongs to an attempt that failed and was undone: use a new key.`,
        {
          key,
        },
      );
  }
  undo.push(() =>
    Promise.all(
      holdIds.map((id, i) =>
        inventoryStep(ctx, { reservationIds: [id], skus: [lines[i]?.sku ?? ''] }, `${key}/undo/${i}`, (state) =>
          releaseReservation(
            state,
            { key: `${key}/undo/${i}`, reservationId: id, reason: 'order not placed' },
            { now },
          ),
        ),
      ),
    ),
  );

  // 4. Reserve promotion usage, all or nothing.
  let usageReservation: string | undefined;
  if (usageIntents.length > 0) {
    const usage = await port('promotions.reserve', () =>
      adapters.promotions.reserve({ key: usageKey, intents: usageIntents }),
    );
    if (!usage.ok) {
      await compensate();
      const e = usage.refused;
      if (e?.code === 'limit_exceeded')
        return failure('promotion_limit_reached', `A promotion's limit is reached: ${e.message}`, {
          cause: causeOf(e),
        });
      return usage;
    }
    const reservationId = usage.value.reservationId;
    if (usage.value.replayed) {
      const stored = await call('promotions.reservation', () => adapters.promotions.reservation(reservationId));
      if (!stored.ok || stored.value?.status === 'released') {
        await compensate();
        return stored.ok
          ? failure(
              'idempotency_key_reused',
              `Key ${show(key)} belongs to an attempt that failed and was undone: use a new key.`,
              { key },
            )
          : stored;
      }
    }
    usageReservation = reservationId;
    undo.push(() => adapters.promotions.release(reservationId));
  }

  // 5. Authorise the payment.
  const events: OrderEvent[] = [];
  if (request.payment !== undefined) {
    const grandTotal = cart.totals.grandTotal;
    const auth = await port('payments.authorize', () =>
      adapters.payments.authorize({
        key: `${key}/authorize`,
        amount: grandTotal,
        method: request.payment?.method ?? '',
        orderId,
        customerId: request.customer.accountId,
      }),
    );
    if (!auth.ok) {
      await compensate();
      return auth.refused === undefined ? auth : paymentRefused('authorize', auth.refused);
    }
    const paymentId = auth.value.payment.paymentId;
    undo.push(() => adapters.payments.void({ key: `${key}/void`, paymentId }));
    events.push({
      type: 'authorize_payment',
      paymentId,
      method: request.payment.method,
      amount: grandTotal,
      reference: paymentId,
    });
  }

  // 6. Create, confirm or route to approval (pure), then save.
  const withUsage: OrderDraft =
    usageReservation === undefined
      ? draft
      : { ...draft, metadata: { [PLACE_KEY]: key, [USAGE_RESERVATION]: usageReservation } };
  const created = createOrder(withUsage, { now, actor, ...transitionExtras(ctx) });
  if (!created.ok) {
    await compensate();
    return failure('transition_rejected', `Order ${show(orderId)} could not be created: ${created.error.message}`, {
      orderId,
      cause: causeOf(created.error),
    });
  }
  const routing =
    config.approvalRules === undefined ? undefined : routeApproval(created.value.order, config.approvalRules);
  if (routing !== undefined && routing.decision === 'route')
    events.push({ type: 'request_approval', steps: routing.steps });
  else events.push({ type: 'confirm' });
  const applied = applyEvents(ctx, created.value.order, events, key, now, actor);
  if (!applied.ok) {
    await compensate();
    return applied;
  }
  const order = applied.value.order;
  const stored = await port('orders.create', () => adapters.orders.create(order));
  if (!stored.ok) {
    if (stored.refused === undefined || stored.refused.code === 'already_exists') {
      // The create's answer was lost, or a concurrent retry of this command created it: look first.
      const existing = await loadOrder(ctx, orderId);
      if (existing.ok && existing.value.metadata?.[PLACE_KEY] === key) return replayPlaced(ctx, existing.value, key);
    }
    await compensate();
    return stored;
  }

  // 7. After the save: the usage is the order's now; publish the effects.
  if (usageReservation !== undefined) {
    const id = usageReservation;
    const committed = await port('promotions.commit', () => adapters.promotions.commit(id));
    if (!committed.ok) return committed;
  }
  const published = await afterSave(ctx, applied.value satisfies Applied, now, key, false);
  if (!published.ok) return published;
  return ok({
    order: published.value,
    replayed: false,
    effects: applied.value.steps.flatMap((s) => s.effects),
    priced: cart,
  });
}

function transitionExtras(ctx: Context) {
  const t = ctx.config.transitions;
  return t?.machines === undefined ? {} : { machines: t.machines };
}

/** A retry of a placement that was saved: finish what may be pending (usage commit, messages). */
async function replayPlaced(ctx: Context, order: Order, key: string): Promise<Step<PlaceOrderOutcome>> {
  if (order.metadata?.[PLACE_KEY] !== key)
    return failure('idempotency_key_reused', `Order ${show(order.id)} was placed with another key.`, {
      orderId: order.id,
      key,
    });
  const usage = order.metadata?.[USAGE_RESERVATION];
  if (usage !== undefined) {
    const committed = await call('promotions.commit', () => ctx.adapters.promotions.commit(usage));
    if (!committed.ok) return committed;
  }
  const published = await finishPending(ctx, order, key, ctx.adapters.clock.now(), false);
  if (!published.ok) return published;
  return ok({ order: published.value, replayed: true, effects: [] });
}
