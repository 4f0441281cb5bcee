import { err, ok, type Result } from '../core/result.js';
import { getCurrency } from '../money/currencies.js';
import { OrderTransitionError } from './errors.js';
import { describe, isInstant, isNonEmptyString, isPositiveInt, isRecord } from './internal/checks.js';
import { applyEvent, readSettings } from './internal/engine.js';
import { ZERO_QUANTITIES } from './internal/ledger.js';
import { NEW_ENTITY } from './machine/types.js';
import type { TransitionOptions, TransitionResult } from './transition.js';
import {
  LINE_SOURCING,
  type LineSourcing,
  ORDER_PRIORITIES,
  ORDER_TYPES,
  type Order,
  type OrderDraft,
} from './types.js';

type Check = string | undefined;

const MONEY_FIELDS = ['unitPrice', 'subtotal', 'discountTotal', 'net', 'tax', 'total'] as const;

function moneyIssue(value: unknown, currency: string, field: string): Check {
  if (!isRecord(value) || !Number.isSafeInteger(value['amount']) || value['currency'] !== currency) {
    return `${field}: expected money in ${currency}`;
  }
  return (value['amount'] as number) < 0 ? `${field}: expected a non-negative amount` : undefined;
}

function draftIssue(draft: unknown): Check {
  if (!isRecord(draft)) return 'draft: expected an object';
  if (!isNonEmptyString(draft['id'])) return 'id: expected a non-empty string';
  if (!(ORDER_TYPES as readonly unknown[]).includes(draft['type']))
    return `type: expected one of ${ORDER_TYPES.join(', ')}`;
  const currency = draft['currency'];
  if (typeof currency !== 'string' || getCurrency(currency) === undefined)
    return `currency: ${describe(currency)} is not a known currency`;
  if (typeof draft['channel'] !== 'string') return 'channel: expected a string';
  const timestamps = draft['timestamps'];
  if (
    timestamps !== undefined &&
    (!isRecord(timestamps) || (timestamps['orderedAt'] !== undefined && !isInstant(timestamps['orderedAt'])))
  ) {
    return 'timestamps.orderedAt: expected an ISO 8601 instant with an offset';
  }
  if (draft['service'] !== undefined && !isRecord(draft['service'])) return 'service: expected an object';
  if (draft['priority'] !== undefined && !(ORDER_PRIORITIES as readonly unknown[]).includes(draft['priority'])) {
    return `priority: expected one of ${ORDER_PRIORITIES.join(', ')}`;
  }
  const customer = draft['customer'];
  if (!isRecord(customer) || !isNonEmptyString(customer['accountId']) || !isRecord(customer['deliveryAddress'])) {
    return 'customer: expected { accountId, deliveryAddress }';
  }
  const terms = draft['terms'];
  const kinds = ['prepaid', 'net', 'cash_on_delivery'];
  if (
    !isRecord(terms) ||
    !isRecord(terms['paymentTerms']) ||
    !kinds.includes(terms['paymentTerms']['kind'] as string) ||
    typeof terms['creditApproved'] !== 'boolean'
  ) {
    return "terms: expected { paymentTerms: { kind: 'prepaid' | 'net' | 'cash_on_delivery' }, creditApproved: boolean }";
  }
  const lines = draft['lines'];
  if (!Array.isArray(lines)) return 'lines: expected an array';
  const ids = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const line: unknown = lines[i];
    const at = `lines[${i}]`;
    if (!isRecord(line)) return `${at}: expected an object`;
    if (!isNonEmptyString(line['id'])) return `${at}.id: expected a non-empty string`;
    if (ids.has(line['id'])) return `${at}.id: ${describe(line['id'])} is used twice`;
    ids.add(line['id']);
    if (!isNonEmptyString(line['sku'])) return `${at}.sku: expected a non-empty string`;
    if (typeof line['description'] !== 'string') return `${at}.description: expected a string`;
    if (!isPositiveInt(line['quantity']))
      return `${at}.quantity: expected a positive safe integer, got ${describe(line['quantity'])}`;
    for (const field of MONEY_FIELDS) {
      const problem = moneyIssue(line[field], currency, `${at}.${field}`);
      if (problem !== undefined) return problem;
    }
    if (!Array.isArray(line['discounts'])) return `${at}.discounts: expected an array`;
    if (line['sourcing'] !== undefined && !(LINE_SOURCING as readonly unknown[]).includes(line['sourcing'])) {
      return `${at}.sourcing: expected 'stock' or 'make_to_order'`;
    }
  }
  const shipping = draft['shipping'];
  if (shipping !== undefined) {
    if (!isRecord(shipping)) return 'shipping: expected { net, tax }';
    const problem =
      moneyIssue(shipping['net'], currency, 'shipping.net') ?? moneyIssue(shipping['tax'], currency, 'shipping.tax');
    if (problem !== undefined) return problem;
  }
  if (draft['fulfillment'] !== undefined && !isRecord(draft['fulfillment'])) return 'fulfillment: expected an object';
  if (draft['releaseAt'] !== undefined && !isInstant(draft['releaseAt']))
    return 'releaseAt: expected an ISO 8601 instant with an offset';
  if (draft['type'] === 'pre_order' && draft['releaseAt'] === undefined)
    return 'releaseAt: a pre-order needs a release date';
  const coupons = draft['couponCodes'];
  if (coupons !== undefined && (!Array.isArray(coupons) || coupons.some((c) => typeof c !== 'string'))) {
    return 'couponCodes: expected an array of strings';
  }
  const metadata = draft['metadata'];
  if (metadata !== undefined && (!isRecord(metadata) || Object.values(metadata).some((v) => typeof v !== 'string'))) {
    return 'metadata: expected an object of strings';
  }
  return undefined;
}

/**
 * Creates an order from a priced draft: the order machine's `place` transition from its start, with
 * the place event (carrying the initial order) as `history[0]`, so `replay(order.history)` rebuilds it.
 * Line ledgers start at zero, payments, shipments, returns and approvals empty; a service order gets a
 * service job in the service machine's initial state.
 *
 * @param draft - The order as captured and priced (`OrderDraft`). Defaults fill what a draft may
 * leave out: `priority` `'normal'`, `shipping` zero net and tax in the order currency, `fulfillment`
 * `{}` (no requirements), `timestamps` `{ orderedAt: options.now }` (only `orderedAt` is taken from
 * the draft's timestamps; the others are set by the transitions that reach them). The `place` event
 * in `history[0]` carries the order with these defaults applied, so replay rebuilds it as created.
 * @param options - `now`, `actor`, and optionally `machines`.
 * @returns `{ ok: true, value: { order, effects } }`, or `invalid_draft` naming the field.
 * @example
 * ```ts
 * import { createOrder } from 'ordercore/orders';
 *
 * const created = createOrder(
 *   { id: 'o-1', type: 'service', currency: 'USD', channel: 'phone', customer: { accountId: 'c-1', deliveryAddress: {} },
 *     lines: [], terms: { paymentTerms: { kind: 'net', days: 30 }, creditApproved: true } },
 *   { now: '2026-11-22T10:00:00Z', actor: { kind: 'user', id: 'agent-7' } },
 * );
 * created.ok && created.value.order.state; //=> 'placed'
 * created.ok && created.value.order.service; //=> { state: 'requested' }
 * created.ok && [created.value.order.priority, created.value.order.shipping.net, created.value.order.fulfillment]; //=> ['normal', { amount: 0, currency: 'USD' }, {}]
 * created.ok && created.value.order.timestamps; //=> { orderedAt: '2026-11-22T10:00:00Z' }
 * created.ok && created.value.order.history.map((h) => [h.seq, h.event.type, h.from, h.to]); //=> [[1, 'place', '[*]', 'placed']]
 * ```
 */
export function createOrder(
  draft: OrderDraft,
  options: TransitionOptions,
): Result<TransitionResult, OrderTransitionError> {
  const settings = readSettings(options);
  if (!settings.ok) return settings;
  const problem = draftIssue(draft);
  if (problem !== undefined) {
    return err(new OrderTransitionError('invalid_draft', `draft.${problem}.`, { field: problem.split(':')[0] }));
  }
  const machines = settings.value.set.machines;
  const defaultSourcing: LineSourcing =
    draft.type === 'make_to_order' || draft.type === 'configured' ? 'make_to_order' : 'stock';
  const zero = { amount: 0, currency: draft.currency };
  const initial: Order = {
    id: draft.id,
    version: 0,
    type: draft.type,
    state: NEW_ENTITY,
    currency: draft.currency,
    channel: draft.channel,
    priority: draft.priority ?? 'normal',
    customer: draft.customer,
    lines: draft.lines.map((line) => ({
      ...line,
      sourcing: line.sourcing ?? defaultSourcing,
      quantities: ZERO_QUANTITIES,
    })),
    shipping: draft.shipping ?? { net: zero, tax: zero },
    fulfillment: draft.fulfillment ?? {},
    terms: draft.terms,
    timestamps: { orderedAt: draft.timestamps?.orderedAt ?? settings.value.now },
    ...(draft.releaseAt === undefined ? {} : { releaseAt: draft.releaseAt }),
    payments: [],
    shipments: [],
    returns: [],
    ...(draft.type === 'service' ? { service: { ...draft.service, state: machines.service.initial } } : {}),
    approvals: [],
    ...(draft.couponCodes === undefined ? {} : { couponCodes: draft.couponCodes }),
    history: [],
    ...(draft.metadata === undefined ? {} : { metadata: draft.metadata }),
  };
  const applied = applyEvent(initial, { type: 'place', order: initial }, settings.value);
  if (!applied.ok) return applied;
  return ok({ order: applied.value.order, effects: applied.value.effects });
}
