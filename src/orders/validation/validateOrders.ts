import type { OrderDraft } from '../types.js';
import { OrderPolicyError } from './errors.js';
import { checkOrder } from './internal/check.js';
import { PreparedContext } from './internal/prepare.js';
import type {
  OrderBatchValidation,
  OrderValidationContext,
  OrderValidationReport,
  ValidateOrdersOptions,
} from './types.js';

/**
 * Validates a batch of orders against one context: the same checks as `validateOrder`, with the
 * context read once for the whole batch (SKU rules, credit accounts and pricing results checked once
 * each, the holiday set and cut-off parsed once, "today", processing days and working-day sums
 * cached).
 *
 * Credit accumulates in input order by default: each `net` order of an account that is not rejected
 * adds its grand total to the account's open orders for the orders after it (in the account's
 * currency), so two orders that each fit the limit but not together give accept, then reject. With
 * `accumulateCredit: false` every order is checked alone and the reports equal
 * `orders.map((o) => validateOrder(o, context, options))`.
 *
 * @param orders - The orders, in the order credit is consumed; any values are accepted and reported on.
 * @param context - What to check against; see {@link OrderValidationContext}.
 * @param options - {@link ValidateOrdersOptions}: `now` and `accumulateCredit` (default `true`).
 * @returns One report per order in input order, and counts per decision.
 * @throws {@link OrderPolicyError} `invalid_context`, `invalid_options` (also when `orders` is not a list).
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import { validateOrders, type OrderDraft } from 'ordercore/orders';
 *
 * const usd = (a: string) => money(a, 'USD');
 * const order = (id: string, total: string): OrderDraft => ({
 *   id, type: 'stock', currency: 'USD', channel: 'b2b', priority: 'normal',
 *   customer: { accountId: 'acme', deliveryAddress: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' } },
 *   lines: [{ id: 'l1', sku: 'BOLT', description: 'Bolts', quantity: 1, unitPrice: usd(total), subtotal: usd(total),
 *     discounts: [], discountTotal: usd('0'), net: usd(total), tax: usd('0'), total: usd(total) }],
 *   shipping: { net: usd('0'), tax: usd('0') },
 *   fulfillment: {},
 *   terms: { paymentTerms: { kind: 'net', days: 30 }, creditApproved: false },
 *   timestamps: { orderedAt: '2026-11-23T10:00:00Z' },
 * });
 * const credit = { acme: { limit: usd('1000'), openReceivables: usd('400'), openOrders: usd('0') } };
 * const batch = validateOrders([order('o-1', '600'), order('o-2', '1')], { credit });
 * batch.reports.map((r) => r.decision); //=> ['accept', 'reject']
 * batch.summary; //=> { total: 2, accept: 1, review: 0, reject: 1 }
 * ```
 */
export function validateOrders(
  orders: readonly OrderDraft[],
  context: OrderValidationContext,
  options?: ValidateOrdersOptions,
): OrderBatchValidation {
  if (!Array.isArray(orders)) {
    throw new OrderPolicyError('invalid_options', 'orders: expected a list of orders.', { field: 'orders' });
  }
  const prepared = new PreparedContext(context, options);
  const accumulateValue = options?.accumulateCredit;
  if (accumulateValue !== undefined && typeof accumulateValue !== 'boolean') {
    throw new OrderPolicyError('invalid_options', 'options.accumulateCredit: expected true or false.', {
      field: 'options.accumulateCredit',
    });
  }
  const accumulate = accumulateValue !== false && prepared.credit !== undefined;
  // Open amounts added by earlier orders of the batch, per account, in the account's currency.
  const open = new Map<string, number>();
  const openExtra = accumulate
    ? (accountId: string, currency: string): number => open.get(`${currency} ${accountId}`) ?? 0
    : undefined;
  const reports: OrderValidationReport[] = new Array(orders.length);
  let accept = 0;
  let review = 0;
  let reject = 0;
  for (let i = 0; i < orders.length; i++) {
    const { report, creditUse } = checkOrder(orders[i], prepared, openExtra);
    reports[i] = report;
    if (report.decision === 'accept') accept += 1;
    else if (report.decision === 'review') review += 1;
    else reject += 1;
    if (accumulate && creditUse !== undefined && report.decision !== 'reject') {
      const key = `${creditUse.currency} ${creditUse.accountId}`;
      open.set(key, (open.get(key) ?? 0) + creditUse.amount);
    }
  }
  return { reports, summary: { total: orders.length, accept, review, reject } };
}
