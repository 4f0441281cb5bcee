import type { PricedCart } from '../pricing/index.js';

/**
 * Checks the invariants every priced cart must satisfy and lists each violation (an empty list
 * means the cart is consistent): no negative amount; per line `net + tax = total`, discounts ≤
 * subtotal and summing to `discountTotal`, tax components summing to the tax; per promotion its
 * allocations and shipping amount summing to its amount; the totals adding up both ways.
 * Use it in your own property tests of code that builds on `priceCart`.
 *
 * @param cart - A priced cart.
 * @param pricesIncludeTax - Whether prices were tax-inclusive (selects the totals identity).
 * @returns The violations, as sentences; empty when all hold.
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import { priceCart } from 'ordercore/pricing';
 * import { pricedCartViolations } from 'ordercore/testing';
 *
 * const r = priceCart(
 *   { lines: [{ id: 'l1', sku: 'A', quantity: 3 }] },
 *   { currency: 'USD', items: [{ sku: 'A' }], basePrices: [{ sku: 'A', price: money('9.99', 'USD') }] },
 *   { now: '2026-11-22T10:00:00Z', promotions: [{ id: 'p', action: { type: 'amount_off_order', amount: money('1.00', 'USD') } }] },
 * );
 * r.ok && pricedCartViolations(r.value, false); //=> []
 * ```
 */
export function pricedCartViolations(cart: PricedCart, pricesIncludeTax: boolean): string[] {
  const violations: string[] = [];
  const check = (holds: boolean, message: string): void => {
    if (!holds) violations.push(message);
  };
  let lineTotals = 0;
  const discountsByPromotion = new Map<string, number>();
  const count = (promotionId: string, amount: number): void => {
    discountsByPromotion.set(promotionId, (discountsByPromotion.get(promotionId) ?? 0) + amount);
  };
  for (const line of cart.lines) {
    const where = `line ${line.id}`;
    for (const [name, value] of Object.entries({
      subtotal: line.subtotal,
      net: line.net,
      tax: line.tax,
      total: line.total,
      discountTotal: line.discountTotal,
    })) {
      check(value.amount >= 0, `${where}: ${name} is negative (${value.amount})`);
      check(value.currency === cart.currency, `${where}: ${name} is in ${value.currency}, not ${cart.currency}`);
    }
    check(line.net.amount + line.tax.amount === line.total.amount, `${where}: net + tax ≠ total`);
    check(line.discountTotal.amount <= line.subtotal.amount, `${where}: discounts exceed the subtotal`);
    check(
      line.discounts.reduce((s, d) => s + d.amount.amount, 0) === line.discountTotal.amount,
      `${where}: discounts do not sum to discountTotal`,
    );
    check(
      line.subtotal.amount - line.discountTotal.amount === (pricesIncludeTax ? line.total.amount : line.net.amount),
      `${where}: subtotal − discounts is not what was taxed`,
    );
    if (line.taxLines.length > 0)
      check(
        line.taxLines.reduce((s, t) => s + t.amount.amount, 0) === line.tax.amount,
        `${where}: tax components do not sum to the tax`,
      );
    for (const d of line.discounts) {
      check(d.amount.amount > 0, `${where}: a discount of ${d.promotionId} is not positive`);
      count(d.promotionId, d.amount.amount);
    }
    lineTotals += line.total.amount;
  }
  const shipping = cart.shipping;
  if (shipping !== undefined) {
    check(shipping.net.amount + shipping.tax.amount === shipping.total.amount, 'shipping: net + tax ≠ total');
    check(shipping.discountTotal.amount <= shipping.price.amount, 'shipping: discounts exceed the price');
    check(shipping.tax.amount >= 0 && shipping.net.amount >= 0, 'shipping: a negative amount');
    for (const d of shipping.discounts) count(d.promotionId, d.amount.amount);
    lineTotals += shipping.total.amount;
  }
  for (const p of cart.trace.promotions) {
    const granted = discountsByPromotion.get(p.promotionId) ?? 0;
    check(p.applied === granted > 0, `promotion ${p.promotionId}: applied is ${p.applied} but it granted ${granted}`);
    check(
      granted === p.amount.amount,
      `promotion ${p.promotionId}: lines and shipping got ${granted}, the trace says ${p.amount.amount}`,
    );
    const allocated = p.allocations.reduce((s, a) => s + a.amount.amount, 0) + (p.shippingAmount?.amount ?? 0);
    check(
      allocated === p.amount.amount,
      `promotion ${p.promotionId}: allocations sum to ${allocated}, not ${p.amount.amount}`,
    );
  }
  const t = cart.totals;
  check(t.net.amount + t.tax.amount === t.grandTotal.amount, 'totals: net + tax ≠ grandTotal');
  check(lineTotals === t.grandTotal.amount, 'totals: lines and shipping do not add up to grandTotal');
  const expected =
    t.itemsSubtotal.amount + t.shipping.amount - t.discount.amount + (pricesIncludeTax ? 0 : t.tax.amount);
  check(expected === t.grandTotal.amount, 'totals: itemsSubtotal + shipping − discount (+ tax) ≠ grandTotal');
  check(t.grandTotal.amount >= 0 && t.tax.amount >= 0, 'totals: a negative total or tax');
  return violations;
}
