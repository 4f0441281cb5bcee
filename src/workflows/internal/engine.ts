// The machinery every command shares: guarded calls to the ports, the transition-and-save loop with
// bounded retries on version conflicts, replay detection through the command key recorded on the
// order's history, and the execution of the effects the workflow owns (stock, payments, usage,
// restock) after the save — with keys derived from the history entry, so a replay finishes them.

import type { AdapterError } from '../../adapters/errors.js';
import type { PaymentState as GatewayPayment } from '../../adapters/paymentGateway.js';
import { isOrdercoreError } from '../../core/errors.js';
import type { Result } from '../../core/result.js';
import { err, ok } from '../../core/result.js';
import { isRecord, show } from '../../core/show.js';
import { own } from '../../inventory/internal/fold.js';
import { recordReturn } from '../../inventory/ledger/recordReturn.js';
import { commitReservation } from '../../inventory/reservations/commitReservation.js';
import { releaseAllocation } from '../../inventory/reservations/releaseAllocation.js';
import { releaseReservation } from '../../inventory/reservations/releaseReservation.js';
import { shipAllocation } from '../../inventory/reservations/shipAllocation.js';
import type { InventoryOperation, InventoryState, ReservationRecord } from '../../inventory/types.js';
import { fromMinor } from '../../money/fromMinor.js';
import { orderTotals } from '../../orders/orderTotals.js';
import { replay } from '../../orders/replay.js';
import { transition } from '../../orders/transition.js';
import type { Actor, HistoryEntry, Order, OrderEffect, OrderEvent } from '../../orders/types.js';
import { WorkflowError, type WorkflowErrorCode } from '../errors.js';
import type { CommandOutcome, OrderServiceAdapters, OrderServiceConfig } from '../types.js';

/** The field on an event that records the command key (kept in the history; transitions ignore it). */
export const COMMAND_KEY = 'commandKey';
/** Order metadata written at placement. */
export const PLACE_KEY = 'ordercore.placeKey';
export const USAGE_RESERVATION = 'ordercore.usageReservation';

/** Effect types the workflow carries out itself; every other effect is published to the outbox. */
const OWNED = new Set([
  'reserve_stock',
  'release_stock',
  'capture_payment',
  'refund_payment',
  'void_payment',
  'release_promotion_usage',
  'restock',
  'create_shipment_label',
  'authorize_payment',
]);

export interface Context {
  readonly adapters: OrderServiceAdapters;
  readonly config: OrderServiceConfig;
  readonly actor: Actor;
  readonly maxAttempts: number;
}

export type Step<T> = Result<T, WorkflowError>;

export function failure(code: WorkflowErrorCode, message: string, details: Record<string, unknown> = {}): Step<never> {
  return err(new WorkflowError(code, message, details));
}

/** An error as plain data, for `details.cause`. */
export function causeOf(error: unknown): Record<string, unknown> {
  if (isOrdercoreError(error))
    return { name: error.name, code: error.code, message: error.message, details: error.details };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { message: show(error) };
}

/** Awaits a port call; a rejected promise becomes `adapter_failed` naming the step. */
export async function call<T>(step: string, run: () => Promise<T>): Promise<Step<T>> {
  try {
    return ok(await run());
  } catch (error) {
    return failure('adapter_failed', `${step} failed: ${error instanceof Error ? error.message : show(error)}`, {
      step,
      cause: causeOf(error),
    });
  }
}

/** A port's answer: its value, or a WorkflowError (with the port's own refusal in `refused`). */
export type PortStep<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: WorkflowError; readonly refused?: AdapterError };

/** Awaits a port command returning a Result; a refusal is `adapter_failed` unless the caller maps `refused`. */
export async function port<T>(step: string, run: () => Promise<Result<T, AdapterError>>): Promise<PortStep<T>> {
  const r = await call(step, run);
  if (!r.ok) return r;
  if (r.value.ok) return ok(r.value.value);
  const refused = r.value.error;
  return {
    ok: false,
    error: new WorkflowError('adapter_failed', `${step} refused: ${refused.message}`, {
      step,
      cause: causeOf(refused),
    }),
    refused,
  };
}

export function invalid(field: string, reason: string): Step<never> {
  return failure('invalid_request', `${field}: ${reason}`, { field });
}

export const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
export const isPositive = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
export const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

export function checkActor(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value) || !isText(value['id']) || !['user', 'system', 'customer'].includes(value['kind'] as string))
    return `${field}: expected { kind: 'user' | 'system' | 'customer', id }, got ${show(value)}.`;
  return undefined;
}

/** Checks the fields of every order command: key, orderId, actor. */
export function checkCommand(request: unknown): Step<Record<string, unknown>> {
  if (!isRecord(request)) return invalid('request', `expected a command object, got ${show(request)}.`);
  if (!isText(request['key'])) return invalid('key', `expected a non-empty string, got ${show(request['key'])}.`);
  if (!isText(request['orderId']))
    return invalid('orderId', `expected a non-empty string, got ${show(request['orderId'])}.`);
  const actor = checkActor(request['actor'], 'actor');
  if (actor !== undefined) return failure('invalid_request', actor, { field: 'actor' });
  return ok(request);
}

export function keyOf(entry: HistoryEntry): string | undefined {
  const k = (entry.event as unknown as Record<string, unknown>)[COMMAND_KEY];
  return typeof k === 'string' ? k : undefined;
}

export function withKey(event: OrderEvent, key: string): OrderEvent {
  return { ...event, [COMMAND_KEY]: key } as unknown as OrderEvent;
}

export function transitionOptions(ctx: Context, now: string, actor: Actor) {
  const t = ctx.config.transitions;
  return {
    now,
    actor,
    ...(t?.machines === undefined ? {} : { machines: t.machines }),
    ...(t?.paidWhen === undefined ? {} : { paidWhen: t.paidWhen }),
    ...(t?.changeCutoff === undefined ? {} : { changeCutoff: t.changeCutoff }),
  };
}

/** The result of running events: the order after them, and each accepted entry with its effects. */
export interface Applied {
  readonly order: Order;
  readonly steps: readonly { readonly seq: number; readonly effects: readonly OrderEffect[] }[];
}

/** Runs events in order (each tagged with the key); the first refusal is `transition_rejected`. */
export function applyEvents(
  ctx: Context,
  order: Order,
  events: readonly OrderEvent[],
  key: string,
  now: string,
  actor: Actor,
): Step<Applied> {
  const options = transitionOptions(ctx, now, actor);
  const steps: { seq: number; effects: readonly OrderEffect[] }[] = [];
  let current = order;
  for (const event of events) {
    const r = transition(current, withKey(event, key), options);
    if (!r.ok)
      return failure('transition_rejected', `Order ${show(order.id)}: ${event.type} refused: ${r.error.message}`, {
        orderId: order.id,
        event: event.type,
        cause: causeOf(r.error),
      });
    current = r.value.order;
    steps.push({ seq: current.version, effects: r.value.effects });
  }
  return ok({ order: current, steps });
}

export async function loadOrder(ctx: Context, orderId: string): Promise<Step<Order>> {
  const loaded = await call('orders.load', () => ctx.adapters.orders.load(orderId));
  if (!loaded.ok) return loaded;
  if (!loaded.value.ok) {
    if (loaded.value.error.code === 'not_found')
      return failure('order_not_found', `No order ${show(orderId)}.`, { orderId });
    return failure('adapter_failed', `orders.load refused: ${loaded.value.error.message}`, {
      step: 'orders.load',
      cause: causeOf(loaded.value.error),
    });
  }
  return ok(loaded.value.value);
}

/** What a command decided on a freshly loaded order. */
export interface Plan {
  /** The events to apply (none: nothing to do, the order is returned as is). */
  readonly events: readonly OrderEvent[];
  /**
   * Runs after the transitions and before the save (e.g. holding stock for added units); returns an
   * undo that runs if the save fails.
   */
  readonly beforeSave?: (after: Order) => Promise<Step<(() => Promise<void>) | undefined>>;
  /** Undoes what the plan itself did at a port (a label bought), if the transition or the save fails. */
  readonly undo?: () => Promise<void>;
}

/**
 * The command loop: load, detect a replay by key, plan, transition, save with the loaded version;
 * on `version_conflict` start again with a fresh load, at most `maxAttempts` times. After the save,
 * the owned effects run and the others are published.
 */
export async function runCommand(
  ctx: Context,
  input: { readonly key: string; readonly orderId: string; readonly actor?: Actor; readonly settleHolds?: boolean },
  plan: (order: Order, now: string) => Promise<Step<Plan>> | Step<Plan>,
): Promise<Step<CommandOutcome>> {
  const actor = input.actor ?? ctx.actor;
  for (let attempt = 1; attempt <= ctx.maxAttempts; attempt++) {
    const now = ctx.adapters.clock.now();
    const loaded = await loadOrder(ctx, input.orderId);
    if (!loaded.ok) return loaded;
    const order = loaded.value;
    if (order.history.some((h) => keyOf(h) === input.key)) {
      const finished = await finishPending(ctx, order, input.key, now, input.settleHolds === true);
      if (!finished.ok) return finished;
      return ok({ order: finished.value, replayed: true, effects: [] });
    }
    const planned = await plan(order, now);
    if (!planned.ok) return planned;
    if (planned.value.events.length === 0) return ok({ order, replayed: false, effects: [] });
    const planUndo = planned.value.undo;
    const applied = applyEvents(ctx, order, planned.value.events, input.key, now, actor);
    if (!applied.ok) {
      await planUndo?.();
      return applied;
    }
    let undo: (() => Promise<void>) | undefined;
    if (planned.value.beforeSave !== undefined) {
      const before = await planned.value.beforeSave(applied.value.order);
      if (!before.ok) {
        await planUndo?.();
        return before;
      }
      undo = before.value;
    }
    const saved = await port('orders.save', () => ctx.adapters.orders.save(applied.value.order, order.version));
    if (!saved.ok) {
      // An error without a refusal (the call threw) leaves the outcome unknown: if the save did land,
      // undoing would contradict the stored order, so look before undoing.
      if (saved.refused === undefined && (await landed(ctx, input.orderId, input.key))) {
        const done = await afterSave(ctx, applied.value, now, input.key, input.settleHolds === true);
        if (!done.ok) return done;
        return ok({ order: done.value, replayed: false, effects: applied.value.steps.flatMap((s) => s.effects) });
      }
      await undo?.();
      await planUndo?.();
      if (saved.refused?.code === 'version_conflict') continue;
      return saved;
    }
    const done = await afterSave(ctx, applied.value, now, input.key, input.settleHolds === true);
    if (!done.ok) return done;
    return ok({ order: done.value, replayed: false, effects: applied.value.steps.flatMap((s) => s.effects) });
  }
  return failure('conflict', `Order ${show(input.orderId)} kept changing: gave up after ${ctx.maxAttempts} attempts.`, {
    orderId: input.orderId,
    attempts: ctx.maxAttempts,
  });
}

/** Whether a save whose answer was lost did store the command (its key is on the stored history). */
async function landed(ctx: Context, orderId: string, key: string): Promise<boolean> {
  try {
    const r = await ctx.adapters.orders.load(orderId);
    return r.ok && r.value.history.some((h) => keyOf(h) === key);
  } catch {
    return false;
  }
}

export function adapterRefused(step: string, error: AdapterError): Step<never> {
  return failure('adapter_failed', `${step} refused: ${error.message}`, { step, cause: causeOf(error) });
}

/**
 * A replay: the key is on the history. The effects of those entries are carried out again (every
 * one is keyed by its entry, so what was done is a replay at the port) and published again
 * (message ids are per entry), which finishes a command that stopped after its save.
 */
export async function finishPending(
  ctx: Context,
  order: Order,
  key: string,
  now: string,
  settle: boolean,
): Promise<Step<Order>> {
  const first = order.history.findIndex((h) => keyOf(h) === key);
  if (first < 0) return ok(order);
  const rebuilt = replay(
    order.history.slice(0, first),
    ctx.config.transitions?.machines === undefined ? {} : { machines: ctx.config.transitions.machines },
  );
  let before: Order | undefined = first === 0 ? undefined : rebuilt.ok ? rebuilt.value : undefined;
  const steps: { seq: number; effects: readonly OrderEffect[] }[] = [];
  for (let i = first; i < order.history.length; i++) {
    const entry = order.history[i] as HistoryEntry;
    if (before === undefined) {
      // The place entry (or an order we cannot rebuild): its effects are none / unknown.
      const r = replay(
        order.history.slice(0, i + 1),
        ctx.config.transitions?.machines === undefined ? {} : { machines: ctx.config.transitions.machines },
      );
      before = r.ok ? r.value : undefined;
      continue;
    }
    const r = transition(before, entry.event, { ...transitionOptions(ctx, entry.at, entry.actor), disableGuards: [] });
    if (!r.ok) break;
    before = r.value.order;
    if (keyOf(entry) === key) steps.push({ seq: entry.seq, effects: r.value.effects });
  }
  return afterSave(ctx, { order, steps }, now, key, settle);
}

/** Carries out the owned effects of saved entries, publishes the rest, and syncs payments. */
export async function afterSave(
  ctx: Context,
  applied: Applied,
  now: string,
  key: string,
  settle: boolean,
): Promise<Step<Order>> {
  let order = applied.order;
  const messages: { id: string; topic: string; payload: unknown }[] = [];
  const payments = new Set<string>();
  // Every effect is tried even when one fails (they are independent and keyed); the first failure
  // is returned after all of them, and a retry of the command finishes what failed.
  let first: Step<never> | undefined;
  const note = (r: Step<unknown>): void => {
    if (!r.ok && first === undefined) first = r;
  };
  // A deallocation must find its units allocated in the ledger: finish pending commits first.
  if (applied.steps.some((step) => step.effects.some((e) => e.type === 'release_stock')))
    note(await commitAllPending(ctx, order, now));
  for (const step of applied.steps) {
    const entry = order.history[step.seq - 1];
    for (let i = 0; i < step.effects.length; i++) {
      const effect = step.effects[i] as OrderEffect;
      const id = `${order.id}#${step.seq}#${i}`;
      if (!OWNED.has(effect.type)) {
        messages.push({ id, topic: effect.type, payload: effect });
        continue;
      }
      note(await runEffect(ctx, order, effect, id, now, payments));
    }
    if (entry !== undefined && entry.event.type === 'ship')
      note(
        await shipStock(
          ctx,
          order,
          (entry.event as { shipmentId: string }).shipmentId,
          `${order.id}#${step.seq}#ship`,
          now,
        ),
      );
  }
  if (settle) note(await settleHolds(ctx, order, key, now));
  if (messages.length > 0) note(await port('outbox.append', () => ctx.adapters.outbox.append(messages)));
  if (payments.size > 0) {
    const synced = await syncPayments(ctx, order, [...payments].sort(), key);
    note(synced);
    if (synced.ok) order = synced.value;
  }
  return first ?? ok(order);
}

async function runEffect(
  ctx: Context,
  order: Order,
  effect: OrderEffect,
  id: string,
  now: string,
  payments: Set<string>,
): Promise<Step<void>> {
  const { payments: gateway, promotions } = ctx.adapters;
  switch (effect.type) {
    case 'reserve_stock': {
      // The allocation is on the order: commit what the ledger does not have yet (state based, so a
      // replay or another command that already committed it commits nothing).
      for (const line of effect.lines) {
        const r = await commitPending(ctx, order, line.lineId, line.locationId, now);
        if (!r.ok) return r;
      }
      return ok(undefined);
    }
    case 'release_stock': {
      for (let j = 0; j < effect.lines.length; j++) {
        const line = effect.lines[j] as (typeof effect.lines)[number];
        const location = line.locationId ?? (await allocatedLocation(ctx, order, line.lineId));
        if (location === undefined) continue;
        const r = await inventoryStep(ctx, { skus: [line.sku] }, `${id}/${j}`, (state) =>
          releaseAllocation(
            state,
            { key: `${id}/${j}`, sku: line.sku, location, quantity: line.quantity, reason: 'order change' },
            { now },
          ),
        );
        if (!r.ok) return r;
      }
      return ok(undefined);
    }
    case 'restock': {
      const location = ctx.config.returnLocation ?? ctx.config.stockLocations[0];
      if (location === undefined) return ok(undefined);
      for (let j = 0; j < effect.lines.length; j++) {
        const line = effect.lines[j] as (typeof effect.lines)[number];
        const r = await inventoryStep(ctx, { skus: [line.sku] }, `${id}/${j}`, (state) =>
          recordReturn(
            state,
            {
              key: `${id}/${j}`,
              sku: line.sku,
              location,
              quantity: line.quantity,
              reference: `${order.id}/${line.lineId}`,
            },
            { now },
          ),
        );
        if (!r.ok) return r;
      }
      return ok(undefined);
    }
    case 'capture_payment':
    case 'refund_payment':
    case 'void_payment': {
      const request =
        effect.type === 'void_payment'
          ? { key: id, paymentId: effect.paymentId }
          : { key: id, paymentId: effect.paymentId, amount: effect.amount };
      const op = effect.type === 'capture_payment' ? 'capture' : effect.type === 'refund_payment' ? 'refund' : 'void';
      if (effect.type === 'capture_payment') {
        // Never capture more than is still owed (another payment may have paid already).
        const owed = orderTotals(order).balanceDue.amount;
        if (owed <= 0) return ok(undefined);
        if (owed < effect.amount.amount) {
          const capped = { key: id, paymentId: effect.paymentId, amount: fromMinor(owed, effect.amount.currency) };
          const r = await call('payments.capture', () => gateway.capture(capped));
          if (!r.ok) return r;
          if (!r.value.ok) return paymentRefused('capture', r.value.error);
          payments.add(effect.paymentId);
          return ok(undefined);
        }
      }
      const r = await call(`payments.${op}`, () => gateway[op](request));
      if (!r.ok) return r;
      payments.add(effect.paymentId);
      // The gateway knows better than the order (a capture whose save was lost, a refund already
      // taken): record what it says instead of failing; an overpayment is settled by cancelOrder.
      if (!r.value.ok && !SETTLED_BY_SYNC.has(r.value.error.code)) return paymentRefused(op, r.value.error);
      return ok(undefined);
    }
    case 'release_promotion_usage': {
      const reservationId = order.metadata?.[USAGE_RESERVATION];
      if (reservationId === undefined) return ok(undefined);
      const r = await call('promotions.release', () => promotions.release(reservationId));
      if (!r.ok) return r;
      if (!r.value.ok && r.value.error.code !== 'not_found') return adapterRefused('promotions.release', r.value.error);
      return ok(undefined);
    }
    default:
      return ok(undefined);
  }
}

const SETTLED_BY_SYNC = new Set(['invalid_state', 'amount_exceeded']);

export function paymentRefused(op: string, error: AdapterError): Step<never> {
  return failure(
    error.code === 'payment_declined' ? 'payment_declined' : 'payment_failed',
    `payments.${op} refused: ${error.message}`,
    { step: `payments.${op}`, cause: causeOf(error) },
  );
}

/** The events that make the order's payments say what the gateway holds (captures, refunds, voids). */
export function gatewayEvents(order: Order, states: readonly GatewayPayment[]): OrderEvent[] {
  const events: OrderEvent[] = [];
  for (const gw of states) {
    const mine = order.payments.find((p) => p.id === gw.paymentId);
    if (mine === undefined) continue;
    const currency = mine.authorized.currency;
    const capture = gw.captured.amount - mine.captured.amount;
    if (capture > 0) events.push({ type: 'capture_payment', paymentId: mine.id, amount: fromMinor(capture, currency) });
    const refund = gw.refunded.amount - mine.refunded.amount;
    if (refund > 0) {
      // The payment machine refunds only a payment whose capture is finished: a refund on a
      // partially captured payment first releases the rest of its authorisation on the order
      // (partially_captured → captured), as the gateway will not capture it after a refund either.
      const open = mine.state === 'authorized' || mine.state === 'partially_captured';
      if (open && gw.captured.amount < mine.authorized.amount)
        events.push({ type: 'void_payment', paymentId: mine.id });
      events.push({ type: 'refund_payment', paymentId: mine.id, amount: fromMinor(refund, currency) });
    }
    if (gw.status === 'voided' && mine.state === 'authorized')
      events.push({ type: 'void_payment', paymentId: mine.id });
  }
  return events;
}

/**
 * Records on the order what the gateway did: captures, refunds and voids not yet on the order.
 * State based, so running it twice records nothing twice.
 */
export async function syncPayments(
  ctx: Context,
  start: Order,
  paymentIds: readonly string[],
  key: string,
): Promise<Step<Order>> {
  const states: GatewayPayment[] = [];
  for (const id of paymentIds) {
    const p = await call('payments.payment', () => ctx.adapters.payments.payment(id));
    if (!p.ok) return p;
    if (p.value !== undefined) states.push(p.value);
  }
  let order = start;
  for (let attempt = 1; attempt <= ctx.maxAttempts; attempt++) {
    const events = gatewayEvents(order, states);
    if (events.length === 0) return ok(order);
    const now = ctx.adapters.clock.now();
    const applied = applyEvents(ctx, order, events, key, now, ctx.actor);
    if (!applied.ok) return applied;
    const saved = await port('orders.save', () => ctx.adapters.orders.save(applied.value.order, order.version));
    if (saved.ok) return afterSave(ctx, applied.value, now, key, false);
    if (saved.refused?.code !== 'version_conflict') return saved;
    const reloaded = await loadOrder(ctx, order.id);
    if (!reloaded.ok) return reloaded;
    order = reloaded.value;
  }
  return failure('conflict', `Order ${show(start.id)} kept changing while recording payments.`, {
    orderId: start.id,
    attempts: ctx.maxAttempts,
  });
}

// --- stock ------------------------------------------------------------------------------------

/** The reservation ids that may hold stock for a line: the placement's, then one per edit entry. */
export function holdIdsOf(order: Order, lineId: string): string[] {
  const ids = [placeHoldId(order.id, lineId, order.metadata?.[PLACE_KEY] ?? '')];
  for (const h of order.history) if (h.event.type === 'edit_order') ids.push(`${order.id}/${lineId}@${h.seq}`);
  return ids;
}

/** The id of the hold placeOrder makes for a line (unique per attempt key, so a spent key spends no order id). */
export function placeHoldId(orderId: string, lineId: string, placeKey: string): string {
  return `${orderId}/${lineId}/${placeKey}`;
}

/** The records of a line's holds that exist, oldest first. */
export function holdsOf(state: InventoryState, order: Order, lineId: string): ReservationRecord[] {
  const out: ReservationRecord[] = [];
  for (const id of holdIdsOf(order, lineId)) {
    const record = own(state.reservations, id);
    if (record !== undefined) out.push(record);
  }
  return out;
}

/** Every line the order ever had: its lines, and lines removed by edits since. */
export function allLineIds(order: Order): string[] {
  const ids = new Set(order.lines.map((l) => l.id));
  for (const h of order.history) {
    if (h.event.type === 'place') for (const l of h.event.order.lines) ids.add(l.id);
    if (h.event.type === 'edit_order') for (const e of h.event.edits) if (e.kind === 'add_line') ids.add(e.line.id);
  }
  return [...ids];
}

/** Units of a line that need stock held and are not allocated (or backordered) yet. */
export function unitsToHold(order: Order, lineId: string): number {
  if (order.state === 'cancelled' || order.state === 'rejected') return 0;
  const line = order.lines.find((l) => l.id === lineId);
  if (line === undefined || line.sourcing !== 'stock') return 0;
  const q = line.quantities;
  return Math.max(0, line.quantity - q.cancelled - q.allocated - q.backordered);
}

async function loadState(
  ctx: Context,
  query: Parameters<Context['adapters']['inventory']['load']>[0],
): Promise<Step<InventoryState>> {
  return call('inventory.load', () => ctx.adapters.inventory.load(query));
}

/**
 * Loads, computes an operation and applies its intent; a `precondition_failed` (someone moved the
 * stock in between) is retried with a fresh load, at most `maxAttempts` times.
 */
export async function inventoryStep(
  ctx: Context,
  query: { readonly skus?: readonly string[]; readonly reservationIds?: readonly string[] },
  key: string,
  compute: (state: InventoryState) => Result<InventoryOperation, import('../../inventory/errors.js').InventoryError>,
): Promise<Step<InventoryOperation>> {
  for (let attempt = 1; attempt <= ctx.maxAttempts; attempt++) {
    const state = await loadState(ctx, { ...query, keys: [key] });
    if (!state.ok) return state;
    const op = compute(state.value);
    if (!op.ok) {
      const code = op.error.code === 'insufficient_stock' ? 'insufficient_stock' : 'inventory_failed';
      return failure(code, `Inventory refused ${show(key)}: ${op.error.message}`, { key, cause: causeOf(op.error) });
    }
    if (op.value.replayed || op.value.intent.entries.length === 0) return ok(op.value);
    const applied = await call('inventory.apply', () => ctx.adapters.inventory.apply(op.value.intent));
    if (!applied.ok) return applied;
    if (applied.value.ok) return ok(op.value);
    if (applied.value.error.code !== 'precondition_failed')
      return failure('inventory_failed', `inventory.apply refused ${show(key)}: ${applied.value.error.message}`, {
        key,
        cause: causeOf(applied.value.error),
      });
  }
  return failure('conflict', `The stock kept changing under ${show(key)}: gave up after ${ctx.maxAttempts} attempts.`, {
    key,
    attempts: ctx.maxAttempts,
  });
}

/**
 * Finishes allocations whose commit is still pending (a command stopped after its save) on every
 * line, so that open holds mean "not allocated" again before a command reasons about them.
 */
export async function commitAllPending(ctx: Context, order: Order, now: string): Promise<Step<void>> {
  for (const line of order.lines) {
    if (line.sourcing !== 'stock' || line.quantities.allocated === 0) continue;
    const r = await commitPending(ctx, order, line.id, undefined, now);
    if (!r.ok) return r;
  }
  return ok(undefined);
}

/** Units of a line allocated by every `allocate` event in the order's history. */
function allocatedEver(order: Order, lineId: string): number {
  let units = 0;
  for (const h of order.history)
    if (h.event.type === 'allocate') for (const l of h.event.lines) if (l.lineId === lineId) units += l.quantity;
  return units;
}

/** Commits the open holds of a line that the order counts as allocated but the ledger does not (yet). */
export async function commitPending(
  ctx: Context,
  order: Order,
  lineId: string,
  location: string | undefined,
  now: string,
): Promise<Step<void>> {
  const line = order.lines.find((l) => l.id === lineId);
  if (line === undefined) return ok(undefined);
  const state = await loadState(ctx, { reservationIds: holdIdsOf(order, lineId), skus: [line.sku] });
  if (!state.ok) return state;
  const records = holdsOf(state.value, order, lineId);
  const committed = records.reduce((n, r) => n + r.committed, 0);
  // Both sides cumulative: every unit ever allocated on the order against every unit ever committed
  // from the line's holds (deallocations and shipments lower neither).
  let pending = allocatedEver(order, lineId) - committed;
  for (const record of records) {
    if (pending <= 0) break;
    if (record.open === 0 || (location !== undefined && record.location !== location)) continue;
    const q = Math.min(record.open, pending);
    const key = `${record.reservationId}/pending@${record.committed}`;
    const r = await inventoryStep(ctx, { reservationIds: [record.reservationId], skus: [record.sku] }, key, (s) =>
      commitReservation(s, { key, reservationId: record.reservationId, quantity: q, into: 'allocation' }, { now }),
    );
    if (!r.ok) return r;
    pending -= q;
  }
  return ok(undefined);
}

async function allocatedLocation(ctx: Context, order: Order, lineId: string): Promise<string | undefined> {
  const state = await loadState(ctx, { reservationIds: holdIdsOf(order, lineId) });
  if (!state.ok) return undefined;
  return holdsOf(state.value, order, lineId).find((r) => r.committed > 0)?.location;
}

/** Ships a shipment's units out of the ledger (from allocated, at the shipment's location). */
async function shipStock(
  ctx: Context,
  order: Order,
  shipmentId: string,
  key: string,
  now: string,
): Promise<Step<void>> {
  const shipment = order.shipments.find((s) => s.id === shipmentId);
  if (shipment === undefined) return ok(undefined);
  for (let j = 0; j < shipment.lines.length; j++) {
    const part = shipment.lines[j] as (typeof shipment.lines)[number];
    const line = order.lines.find((l) => l.id === part.lineId);
    if (line === undefined || line.sourcing !== 'stock') continue;
    const location = shipment.locationId ?? (await allocatedLocation(ctx, order, line.id));
    if (location === undefined) continue;
    const partKey = `${key}/${j}`;
    // An allocation whose commit is still pending (its command stopped after the save) is committed
    // first, so the units are allocated in the ledger before they leave it.
    const pending = await commitPending(ctx, order, line.id, location, now);
    if (!pending.ok) return pending;
    const r = await inventoryStep(ctx, { skus: [line.sku] }, partKey, (state) =>
      shipAllocation(
        state,
        {
          key: partKey,
          sku: line.sku,
          location,
          allocationId: `${order.id}/${line.id}`,
          quantity: part.quantity,
          reference: shipmentId,
        },
        { now },
      ),
    );
    if (!r.ok) return r;
  }
  return ok(undefined);
}

/**
 * Releases held (not yet allocated) units a line no longer needs — cancelled units, removed lines,
 * lower quantities, a cancelled or rejected order — newest hold first. State based: run twice, it
 * releases nothing the second time.
 */
export async function settleHolds(ctx: Context, order: Order, key: string, now: string): Promise<Step<void>> {
  const ended = order.state === 'cancelled' || order.state === 'rejected';
  if (!ended) {
    const pending = await commitAllPending(ctx, order, now);
    if (!pending.ok) return pending;
  }
  const lineIds = allLineIds(order);
  const ids = lineIds.flatMap((id) => holdIdsOf(order, id));
  const state = await loadState(ctx, { reservationIds: ids });
  if (!state.ok) return state;
  for (const lineId of lineIds) {
    const records = holdsOf(state.value, order, lineId);
    let surplus = records.reduce((n, r) => n + r.open, 0) - unitsToHold(order, lineId);
    for (let k = records.length - 1; k >= 0 && surplus > 0; k--) {
      const record = records[k] as ReservationRecord;
      if (record.open === 0) continue;
      const q = Math.min(record.open, surplus);
      const releaseKey = `${key}/${record.reservationId}/release@${record.released}`;
      const r = await inventoryStep(
        ctx,
        { reservationIds: [record.reservationId], skus: [record.sku] },
        releaseKey,
        (s) =>
          releaseReservation(
            s,
            { key: releaseKey, reservationId: record.reservationId, quantity: q, reason: 'order change' },
            { now },
          ),
      );
      if (!r.ok) return r;
      surplus -= q;
    }
  }
  return ok(undefined);
}
