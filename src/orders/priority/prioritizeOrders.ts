import { ORDER_PRIORITIES, type OrderDraft } from '../types.js';
import { OrderPolicyError } from '../validation/errors.js';
import { parseCalendarDate, parseInstant } from '../validation/internal/calendar.js';
import { isMoneyLike, isRecord, show } from '../validation/internal/show.js';
import type { PrioritizedOrder, PriorityCriterion, PriorityKey } from './types.js';

const BY = new Set(['customer_tier', 'ship_by', 'requested_delivery', 'expedited', 'value', 'age', 'priority']);

function badOrder(field: string, reason: string): OrderPolicyError {
  return new OrderPolicyError('invalid_order', `${field}: ${reason}`, { field });
}

/** A criterion checked, with its direction resolved. */
interface Criterion {
  readonly by: PriorityCriterion['by'];
  readonly descending: boolean;
  readonly ranks: ReadonlyMap<string, number> | undefined;
}

function checkCriteria(rules: unknown): Criterion[] {
  if (!Array.isArray(rules)) {
    throw new OrderPolicyError('invalid_rules', 'rules: expected a list of criteria.', { field: 'rules' });
  }
  return rules.map((rule: unknown, i): Criterion => {
    const field = `rules[${i}]`;
    const fail = (f: string, reason: string): OrderPolicyError =>
      new OrderPolicyError('invalid_rules', `${f}: ${reason}`, { field: f });
    if (!isRecord(rule)) throw fail(field, `${show(rule)} is not a criterion object.`);
    const by = rule['by'];
    if (typeof by !== 'string' || !BY.has(by)) throw fail(`${field}.by`, `${show(by)} is not a criterion.`);
    const direction = rule['direction'];
    if (direction !== undefined && direction !== 'asc' && direction !== 'desc') {
      throw fail(`${field}.direction`, `${show(direction)} is not 'asc' or 'desc'.`);
    }
    let ranks: Map<string, number> | undefined;
    if (by === 'customer_tier') {
      const list = rule['ranks'];
      if (!Array.isArray(list) || !list.every((t: unknown) => typeof t === 'string')) {
        throw fail(`${field}.ranks`, 'expected a list of tier names.');
      }
      ranks = new Map();
      // The first listing of a tier wins if a tier is listed twice.
      list.forEach((tier: string, rank) => {
        if (!ranks?.has(tier)) ranks?.set(tier, rank);
      });
    }
    const descending = direction === undefined ? by === 'value' : direction === 'desc';
    return { by: by as PriorityCriterion['by'], descending, ranks };
  });
}

/** Sort numbers (null = missing, last) and displayed keys of one order. */
interface Entry<T> {
  readonly order: T;
  readonly id: string;
  readonly sort: readonly (number | null)[];
  readonly keys: readonly PriorityKey[];
}

function grandTotal(order: Readonly<Record<string, unknown>>, field: string): { amount: number; currency: string } {
  const currency = order['currency'];
  if (typeof currency !== 'string') throw badOrder(`${field}.currency`, `${show(currency)} is not a currency code.`);
  const lines = order['lines'];
  if (!Array.isArray(lines)) throw badOrder(`${field}.lines`, `${show(lines)} is not a list of lines.`);
  const shipping = order['shipping'];
  const parts: [unknown, string][] = lines.map((line: unknown, i) => [
    isRecord(line) ? line['total'] : undefined,
    `${field}.lines[${i}].total`,
  ]);
  // A draft may leave shipping out: createOrder makes it zero.
  if (shipping !== undefined) {
    parts.push([isRecord(shipping) ? shipping['net'] : undefined, `${field}.shipping.net`]);
    parts.push([isRecord(shipping) ? shipping['tax'] : undefined, `${field}.shipping.tax`]);
  }
  let amount = 0;
  for (const [m, f] of parts) {
    if (!isMoneyLike(m)) throw badOrder(f, 'expected money { amount: safe integer, currency }.');
    if (m.currency !== currency) {
      throw new OrderPolicyError(
        'currency_mismatch',
        `${f}: ${show(m.currency)} is not the order currency ${show(currency)}.`,
        {
          field: f,
          expected: currency,
          actual: m.currency,
        },
      );
    }
    amount += m.amount;
  }
  if (!Number.isSafeInteger(amount)) throw badOrder(field, 'the grand total is beyond the safe amount range.');
  return { amount, currency };
}

function entryOf<T extends OrderDraft>(order: T, index: number, criteria: readonly Criterion[]): Entry<T> {
  const field = `orders[${index}]`;
  if (!isRecord(order)) throw badOrder(field, `${show(order)} is not an order object.`);
  const id = order['id'];
  if (typeof id !== 'string') throw badOrder(`${field}.id`, `${show(id)} is not an order id.`);
  const record: Readonly<Record<string, unknown>> = order;
  const fulfillment = record['fulfillment'];
  const sort: (number | null)[] = [];
  const keys: PriorityKey[] = [];
  for (const c of criteria) {
    let n: number | null = null;
    let value: PriorityKey['value'] = null;
    switch (c.by) {
      case 'customer_tier': {
        const customer = record['customer'];
        const tier = isRecord(customer) ? customer['tier'] : undefined;
        if (tier !== undefined && typeof tier !== 'string')
          throw badOrder(`${field}.customer.tier`, `${show(tier)} is not a tier name.`);
        const rank = tier === undefined ? undefined : c.ranks?.get(tier);
        if (rank !== undefined) {
          n = rank;
          value = tier as string;
        }
        break;
      }
      case 'ship_by':
      case 'requested_delivery': {
        const name = c.by === 'ship_by' ? 'shipBy' : 'requestedDeliveryDate';
        const date = isRecord(fulfillment) ? fulfillment[name] : undefined;
        if (date !== undefined) {
          const day = parseCalendarDate(date);
          if (day === undefined)
            throw badOrder(`${field}.fulfillment.${name}`, `${show(date)} is not a real 'YYYY-MM-DD' date.`);
          n = c.descending ? -day : day;
          value = date as string;
        }
        break;
      }
      case 'expedited': {
        const expedited = isRecord(fulfillment) ? fulfillment['expedited'] : undefined;
        if (expedited !== undefined && typeof expedited !== 'boolean') {
          throw badOrder(`${field}.fulfillment.expedited`, `${show(expedited)} is not a boolean.`);
        }
        n = expedited === true ? 0 : 1;
        value = expedited === true;
        break;
      }
      case 'value': {
        const total = grandTotal(record, field);
        n = c.descending ? -total.amount : total.amount;
        value = total.amount;
        break;
      }
      case 'age': {
        const timestamps = record['timestamps'];
        const orderedAt = isRecord(timestamps) ? timestamps['orderedAt'] : undefined;
        if (orderedAt !== undefined) {
          const ms = parseInstant(orderedAt);
          if (ms === undefined) {
            throw badOrder(
              `${field}.timestamps.orderedAt`,
              `${show(orderedAt)} is not an ISO 8601 instant with an offset.`,
            );
          }
          n = c.descending ? -ms : ms;
          value = orderedAt as string;
        }
        break;
      }
      case 'priority': {
        // A draft may leave priority out: createOrder makes it 'normal'.
        const priority = record['priority'] === undefined ? 'normal' : record['priority'];
        const index_ = ORDER_PRIORITIES.indexOf(priority as (typeof ORDER_PRIORITIES)[number]);
        if (index_ < 0)
          throw badOrder(`${field}.priority`, `${show(priority)} is not one of ${ORDER_PRIORITIES.join(', ')}.`);
        n = -index_;
        value = priority as string;
        break;
      }
    }
    sort.push(n === 0 ? 0 : n);
    keys.push({ by: c.by, value });
  }
  return { order, id, sort, keys };
}

function compareEntries<T>(a: Entry<T>, b: Entry<T>): number {
  for (let i = 0; i < a.sort.length; i++) {
    const x = a.sort[i] as number | null;
    const y = b.sort[i] as number | null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Puts orders in queue order by a list of criteria (customer tier, ship-by date, requested delivery
 * date, expedited shipping, value, age, priority), with the order id as the final tie-break, so the
 * result is the same whatever order the orders come in.
 *
 * Each order's keys are computed once; orders without a value for a criterion go after those with
 * one (see {@link PriorityCriterion}). Values compare in exact minor units.
 *
 * @typeParam T - The order type (an `Order` or an `OrderDraft`); orders are returned as given.
 * @param orders - The orders; ids must be unique.
 * @param rules - The criteria, most important first. An empty list sorts by id alone.
 * @returns Every order once, first in the queue first, with its rank (1-based) and keys.
 * @throws {@link OrderPolicyError} `invalid_rules`, `invalid_order` (a field a criterion reads is
 *   malformed), `duplicate_order_id`, or `currency_mismatch` (sorting by value across currencies).
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import { prioritizeOrders, type OrderDraft } from 'ordercore/orders';
 *
 * const usd = (a: string) => money(a, 'USD');
 * const order = (id: string, tier: string | undefined, shipBy: string): OrderDraft => ({
 *   id, type: 'stock', currency: 'USD', channel: 'web', priority: 'normal',
 *   customer: { accountId: `c-${id}`, ...(tier === undefined ? {} : { tier }), deliveryAddress: {} },
 *   lines: [], shipping: { net: usd('0'), tax: usd('0') },
 *   fulfillment: { shipBy }, terms: { paymentTerms: { kind: 'prepaid' }, creditApproved: false },
 *   timestamps: { orderedAt: '2026-11-23T10:00:00Z' },
 * });
 * const queue = prioritizeOrders(
 *   [order('a', 'silver', '2026-11-24'), order('b', undefined, '2026-11-23'), order('c', 'gold', '2026-11-30'), order('d', 'silver', '2026-11-23')],
 *   [{ by: 'customer_tier', ranks: ['gold', 'silver'] }, { by: 'ship_by' }],
 * );
 * queue.map((p) => p.order.id); //=> ['c', 'd', 'a', 'b']
 * queue[3]?.keys; //=> [{ by: 'customer_tier', value: null }, { by: 'ship_by', value: '2026-11-23' }]
 * ```
 */
export function prioritizeOrders<T extends OrderDraft>(
  orders: readonly T[],
  rules: readonly PriorityCriterion[],
): readonly PrioritizedOrder<T>[] {
  const criteria = checkCriteria(rules);
  if (!Array.isArray(orders)) throw badOrder('orders', 'expected a list of orders.');
  const entries: Entry<T>[] = new Array(orders.length);
  const ids = new Set<string>();
  let currency: string | undefined;
  for (let i = 0; i < orders.length; i++) {
    const entry = entryOf(orders[i] as T, i, criteria);
    if (ids.has(entry.id)) {
      throw new OrderPolicyError(
        'duplicate_order_id',
        `orders[${i}].id: ${show(entry.id)} is the id of an earlier order.`,
        {
          field: `orders[${i}].id`,
          id: entry.id,
        },
      );
    }
    ids.add(entry.id);
    if (criteria.some((c) => c.by === 'value')) {
      const c = (entry.order as unknown as { currency: string }).currency;
      if (currency === undefined) currency = c;
      else if (c !== currency) {
        throw new OrderPolicyError(
          'currency_mismatch',
          `orders[${i}].currency: ${show(c)} differs from ${show(currency)}; order values of different currencies cannot be compared.`,
          { field: `orders[${i}].currency`, expected: currency, actual: c },
        );
      }
    }
    entries[i] = entry;
  }
  entries.sort(compareEntries);
  return entries.map((e, i) => ({ order: e.order, rank: i + 1, keys: e.keys }));
}
