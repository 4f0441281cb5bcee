import type { OrderDraft } from '../types.js';
import { checkOrder } from './internal/check.js';
import { PreparedContext } from './internal/prepare.js';
import type { OrderValidationContext, OrderValidationReport, ValidateOrderOptions } from './types.js';

/**
 * Validates one order before it is accepted: the order's own sanity (lines, quantities, currencies),
 * SKU and quantity rules, prices against a pricing result, the account's credit limit, delivery
 * feasibility (cut-off, lead time, transit, working days) and delivery-address completeness.
 *
 * Errors make the decision `reject`, warnings alone `review`, no issue `accept`. Problems of the
 * order are issues, never exceptions, whatever the order holds; only a malformed context or options
 * throw. The order and the context are never mutated. Checks, in order:
 *
 * - order: `id`, a known `currency`, at least one line, unique line ids, quantities that are positive
 *   safe integers, every line amount (`unitPrice`, `subtotal`, `discountTotal`, `net`, `tax`, `total`)
 *   and shipping amount as money in the order currency, `customer.accountId`, `terms.paymentTerms.kind`;
 * - catalogue (when given): unknown SKU, inactive SKU (errors), discontinued SKU (warning), minimum,
 *   maximum and multiple-of quantities (errors);
 * - pricing (when the context has a result for the order's id): every order line priced, every
 *   priced line in the order, unit price and line total equal, and the grand total
 *   (Σ line totals + shipping net + shipping tax) equal to the priced `grandTotal`;
 * - credit (when given, `net` terms only; prepaid and cash on delivery are skipped):
 *   `openReceivables + openOrders + grand total ≤ limit` — exactly at the limit is fine. `openOrders`
 *   must not already include this order. An account without data, or with data in another currency,
 *   is a warning;
 * - delivery: a requested date before today is an error. With `context.delivery`: processing starts
 *   today if today is a working day and `now` is before the cut-off (wall clock at the cut-off's UTC
 *   offset), else on the next working day; the earliest ship date is processing + the largest line
 *   lead time in working days, the earliest delivery date that + the shipping method's transit
 *   working days. A requested date before it is `delivery_date_infeasible`, a ship-by date before
 *   the earliest ship date `ship_by_infeasible` (errors unless `infeasibleSeverity: 'warning'`),
 *   with the earliest dates in `details`. Everything is computed on calendar dates and fixed
 *   offsets: the host's time zone never matters;
 * - address: the required fields of the delivery address (per country) are non-blank strings.
 *
 * @param order - The order (an `Order` or an `OrderDraft`); any value is accepted and reported on.
 * @param context - What to check against; see {@link OrderValidationContext} (every part optional).
 * @param options - {@link ValidateOrderOptions}: `now` (default: the order's `timestamps.orderedAt`).
 * @returns The decision and every issue found.
 * @throws {@link OrderPolicyError} `invalid_context` (naming the field) or `invalid_options`.
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import { validateOrder, type OrderDraft } from 'ordercore/orders';
 *
 * const usd = (a: string) => money(a, 'USD');
 * const order: OrderDraft = {
 *   id: 'o-1', type: 'stock', currency: 'USD', channel: 'web', priority: 'normal',
 *   customer: { accountId: 'c-1', deliveryAddress: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' } },
 *   lines: [{ id: 'l1', sku: 'EGG', description: 'Eggs', quantity: 10, unitPrice: usd('0.50'), subtotal: usd('5.00'),
 *     discounts: [], discountTotal: usd('0'), net: usd('5.00'), tax: usd('0'), total: usd('5.00') }],
 *   shipping: { net: usd('0'), tax: usd('0') },
 *   fulfillment: {},
 *   terms: { paymentTerms: { kind: 'prepaid' }, creditApproved: false },
 *   timestamps: { orderedAt: '2026-11-23T10:00:00Z' },
 * };
 * const report = validateOrder(order, { catalogue: { EGG: { active: true, quantityMultiple: 6 } } });
 * report.decision; //=> 'reject'
 * report.issues.map((i) => `${i.code} at ${i.path}`); //=> ['quantity_not_multiple at lines[0].quantity']
 * ```
 */
export function validateOrder(
  order: OrderDraft,
  context: OrderValidationContext,
  options?: ValidateOrderOptions,
): OrderValidationReport {
  return checkOrder(order, new PreparedContext(context, options), undefined).report;
}
