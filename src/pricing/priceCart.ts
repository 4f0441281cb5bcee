import { err, ok, type Result } from '../core/result.js';
import { show } from '../core/show.js';
import {
  add,
  compare,
  fromMinor,
  isMoney,
  type Money,
  MoneyError,
  percentageOf,
  ROUNDING_MODES,
  rate,
  subtract,
  sum,
  zero,
} from '../money/index.js';
import { PricingError } from './errors.js';
import { type CatalogIndex, indexCatalog, type SkuPrices } from './internal/catalogIndex.js';
import { instantMillis } from './internal/instant.js';
import { minorMoney } from './internal/minor.js';
import { applyPromotions, couponSet, type EngineLine, usageMap } from './internal/promotions.js';
import { type Selection, type SelectionContext, selectionMemo, selectUnitPriceMemo } from './internal/select.js';
import { applyTax, decimalOf } from './internal/tax.js';
import { checkPromotions } from './internal/validatePromotions.js';
import type {
  Cart,
  CartLine,
  Catalog,
  LineDiscount,
  ManualPricePolicy,
  ManualPriceReview,
  PricedCart,
  PricedLine,
  PricedShipping,
  PriceSource,
  PricingOptions,
  PricingTrace,
  Promotion,
  TaxContext,
  TaxLine,
  TaxRate,
} from './types.js';

/**
 * Prices a cart against a catalog at an injected instant: selects each line's unit price (contract,
 * override list, volume tier, sale, manual price), computes tax (exclusive or inclusive, rounded per
 * line or per order with a named mode), prices shipping, and returns totals that add up exactly, with
 * a trace of every price considered.
 *
 * The function is pure: the same cart, catalog and options give the same result on every machine
 * and in every browser, and the order of lines in the input never changes it (lines come back
 * sorted by id). Expected problems — an unknown SKU, no applicable price, malformed input — come back
 * as `{ ok: false, error: PricingError }`; nothing throws for bad input.
 *
 * Selection, per line (the documented total order):
 * 1. the customer's contract prices (`options.customer.id`), if any applies: higher tier, then lower price, then id;
 * 2. else override price lists whose window contains `now` and whose conditions match: more specific
 *    (more condition dimensions), then higher priority, then higher tier, then lower price, then id;
 * 3. else base prices: higher tier, then lower price;
 * 4. then, unless a contract applied, sale lists ranked like override lists may lower the price (never
 *    raise it); the regular price becomes `compareAtUnitPrice`;
 * 5. a line's `manualPrice` replaces all of it and is reviewed against `options.manualPricePolicy`.
 *
 * Then promotions (`options.promotions`) run lane by lane on the selected prices — see
 * {@link Promotion} for conditions, actions and stacking — each line never going below zero;
 * order-level discounts are spread over the matching lines by largest remainder and recorded per line.
 * Tax is computed on what is left after discounts (discounts before tax), shipping likewise.
 *
 * Volume tiers count the line's quantity, or, for SKUs in a tier group, the cart's total quantity in
 * that group.
 *
 * @param cart - The lines and, optionally, the shipping selection.
 * @param catalog - Items, base prices, price lists and contracts, in one currency. Treated as
 *   immutable: its checked index is cached per catalog object.
 * @param options - {@link PricingOptions}: `now` (required), customer, channel, region, tax, manual
 *   price policy, promotions with their lanes, coupon codes and usage counters.
 * @returns The priced cart, or a {@link PricingError}.
 * @example
 * ```ts
 * import { money, toDecimal } from 'ordercore/money';
 * import { priceCart } from 'ordercore/pricing';
 *
 * const catalog = {
 *   currency: 'USD',
 *   items: [{ sku: 'MUG' }, { sku: 'TEE' }],
 *   basePrices: [
 *     { sku: 'MUG', price: money('8.50', 'USD') },
 *     { sku: 'MUG', price: money('7.50', 'USD'), minQuantity: 10 },
 *     { sku: 'TEE', price: money('19.99', 'USD') },
 *   ],
 * };
 * const result = priceCart(
 *   { lines: [{ id: 'l1', sku: 'TEE', quantity: 3 }, { id: 'l2', sku: 'MUG', quantity: 12 }] },
 *   catalog,
 *   {
 *     now: '2026-11-22T10:00:00Z',
 *     tax: {
 *       jurisdiction: 'US-NY-NYC',
 *       pricesIncludeTax: false,
 *       rates: [{ jurisdiction: 'US-NY-NYC', taxClass: 'standard', rate: '8.875%' }],
 *       rounding: { mode: 'half-up', level: 'line' },
 *     },
 *   },
 * );
 * result.ok && result.value.lines.map((l) => toDecimal(l.unitPrice)); //=> ['19.99', '7.50']
 * result.ok && toDecimal(result.value.totals.tax); //=> '13.31'
 * result.ok && toDecimal(result.value.totals.grandTotal); //=> '163.28'
 * ```
 */
export function priceCart(cart: Cart, catalog: Catalog, options: PricingOptions): Result<PricedCart, PricingError> {
  try {
    return ok(price(cart, catalog, options));
  } catch (error) {
    if (error instanceof PricingError) return err(error);
    if (error instanceof MoneyError && error.code === 'amount_out_of_range') {
      return err(new PricingError('amount_out_of_range', error.message, error.details));
    }
    throw error;
  }
}

/**
 * `sum(values, currency)` of Money this module made in `currency` (the catalog's): the same total;
 * out of range, `sum` itself reports it.
 */
/**
 * A line being priced: the cart line, its SKU's prices and its selection, and — the same object —
 * the promotion engine's view of it (`list` is unit price × quantity, set once the selection is
 * made). One object per line for the whole call.
 */
interface PricingLine extends EngineLine {
  readonly line: CartLine;
  readonly prices: SkuPrices;
  readonly selection: Selection;
  readonly unitPrice: Money;
  readonly source: PriceSource;
  readonly review: ManualPriceReview | undefined;
  list: number;
}

function pricingLine(
  line: CartLine,
  prices: SkuPrices,
  selection: Selection,
  unitPrice: Money,
  source: PriceSource,
  review: ManualPriceReview | undefined,
): PricingLine {
  return {
    id: line.id,
    sku: line.sku,
    quantity: line.quantity,
    item: prices.item,
    list: 0,
    ordinal: prices.ordinal,
    line,
    prices,
    selection,
    unitPrice,
    source,
    review,
  };
}

/** The discounts of a line without any (shared: results are read-only data). */
const NO_DISCOUNTS: readonly LineDiscount[] = Object.freeze([]);

function sumOf(values: readonly Money[], currency: string): Money {
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    total += (values[i] as Money).amount;
    if (!Number.isSafeInteger(total)) return sum(values, currency);
  }
  return { amount: total, currency };
}

function invalidOptions(field: string, reason: string): never {
  throw new PricingError('invalid_options', `${field}: ${reason}`, { field });
}

function checkOptions(options: PricingOptions): SelectionContext {
  if (typeof options !== 'object' || options === null) invalidOptions('options', 'expected an object with `now`.');
  const now = instantMillis(options.now, 'options.now');
  const { customer, channel, region } = options;
  if (customer !== undefined) {
    if (typeof customer !== 'object' || customer === null) invalidOptions('options.customer', 'expected an object.');
    if (customer.id !== undefined && typeof customer.id !== 'string')
      invalidOptions('options.customer.id', 'expected a string.');
    if (
      customer.groups !== undefined &&
      (!Array.isArray(customer.groups) || customer.groups.some((g) => typeof g !== 'string'))
    ) {
      invalidOptions('options.customer.groups', 'expected an array of strings.');
    }
  }
  if (channel !== undefined && typeof channel !== 'string') invalidOptions('options.channel', 'expected a string.');
  if (region !== undefined && typeof region !== 'string') invalidOptions('options.region', 'expected a string.');
  if (options.tax !== undefined) checkTaxContext(options.tax);
  if (
    customer?.previousOrders !== undefined &&
    (!Number.isSafeInteger(customer.previousOrders) || customer.previousOrders < 0)
  ) {
    invalidOptions('options.customer.previousOrders', 'expected an integer ≥ 0.');
  }
  const { couponCodes, usage, discountRounding } = options;
  if (couponCodes !== undefined && (!Array.isArray(couponCodes) || couponCodes.some((c) => typeof c !== 'string'))) {
    invalidOptions('options.couponCodes', 'expected an array of strings.');
  }
  if (discountRounding !== undefined && !(ROUNDING_MODES as readonly string[]).includes(discountRounding)) {
    invalidOptions('options.discountRounding', `expected one of ${ROUNDING_MODES.join(', ')}.`);
  }
  if (usage !== undefined) {
    if (!Array.isArray(usage)) invalidOptions('options.usage', 'expected an array.');
    usage.forEach((u, i) => {
      const field = `options.usage[${i}]`;
      if (typeof u !== 'object' || u === null || typeof u.promotionId !== 'string')
        invalidOptions(field, 'expected { promotionId, ... }.');
      for (const key of ['uses', 'customerUses'] as const) {
        const n = u[key];
        if (n !== undefined && (!Number.isSafeInteger(n) || n < 0))
          invalidOptions(`${field}.${key}`, 'expected an integer ≥ 0.');
      }
      if (u.budgetSpent !== undefined && !isMoney(u.budgetSpent))
        invalidOptions(`${field}.budgetSpent`, 'expected Money.');
    });
  }
  return { now, customer, channel, region };
}

function checkTaxContext(tax: TaxContext): void {
  if (typeof tax !== 'object' || tax === null) invalidOptions('options.tax', 'expected an object.');
  if (typeof tax.jurisdiction !== 'string') invalidOptions('options.tax.jurisdiction', 'expected a string.');
  if (!Array.isArray(tax.rates)) invalidOptions('options.tax.rates', 'expected an array.');
  if (typeof tax.pricesIncludeTax !== 'boolean')
    invalidOptions('options.tax.pricesIncludeTax', 'expected true or false.');
  if (typeof tax.rounding !== 'object' || tax.rounding === null)
    invalidOptions('options.tax.rounding', 'expected { mode, level }.');
  if (!(ROUNDING_MODES as readonly string[]).includes(tax.rounding.mode)) {
    invalidOptions('options.tax.rounding.mode', `expected one of ${ROUNDING_MODES.join(', ')}.`);
  }
  if (tax.rounding.level !== 'line' && tax.rounding.level !== 'total') {
    invalidOptions('options.tax.rounding.level', "expected 'line' or 'total'.");
  }
  if (tax.shippingTaxClass !== undefined && typeof tax.shippingTaxClass !== 'string') {
    invalidOptions('options.tax.shippingTaxClass', 'expected a string.');
  }
  // Every rate is checked, not only those of classes in this cart: a bad rate is a bad context.
  for (let i = 0; i < tax.rates.length; i++) {
    const r = tax.rates[i] as TaxRate;
    const field = `options.tax.rates[${i}]`;
    if (typeof r !== 'object' || r === null) invalidOptions(field, 'expected { jurisdiction, taxClass, rate, name? }.');
    if (typeof r.jurisdiction !== 'string') invalidOptions(`${field}.jurisdiction`, 'expected a string.');
    if (typeof r.taxClass !== 'string') invalidOptions(`${field}.taxClass`, 'expected a string.');
    if (r.name !== undefined && typeof r.name !== 'string') invalidOptions(`${field}.name`, 'expected a string.');
    let decimal: string;
    try {
      decimal = decimalOf(r.rate);
    } catch {
      throw new PricingError('invalid_tax_rate', `${field}.rate: ${show(r.rate)} is not an exact decimal.`, {
        field: `${field}.rate`,
      });
    }
    if (decimal.startsWith('-')) {
      throw new PricingError('invalid_tax_rate', `${field}.rate: ${decimal} is negative; tax is never negative.`, {
        field: `${field}.rate`,
      });
    }
  }
}

function invalidCart(
  field: string,
  reason: string,
  code: 'invalid_cart' | 'invalid_quantity' | 'duplicate_line_id' | 'invalid_manual_price' = 'invalid_cart',
): never {
  throw new PricingError(code, `${field}: ${reason}`, { field });
}

/** A checked line and its SKU's prices. */
interface LineWithPrices {
  readonly line: CartLine;
  readonly prices: SkuPrices;
}

/**
 * Every check, line by line in input order, throwing the first problem; the checked lines in id
 * order, each with its SKU's prices (one index lookup per line). Field paths are only spelled out
 * for a problem, and ids are only collected into a set once they stop coming in ascending order
 * (ascending ids are distinct; carts usually come that way).
 */
function checkLines(cart: Cart, index: CatalogIndex): LineWithPrices[] {
  if (typeof cart !== 'object' || cart === null || !Array.isArray(cart.lines))
    invalidCart('cart.lines', 'expected an array of lines.');
  const input = cart.lines;
  const out: LineWithPrices[] = new Array(input.length);
  let ids: Set<string> | undefined;
  // An index loop, not forEach: forEach skips the holes of a sparse array, which must be refused.
  for (let i = 0; i < input.length; i++) {
    const line = input[i] as CartLine;
    if (typeof line !== 'object' || line === null) invalidCart(`cart.lines[${i}]`, 'expected an object.');
    const id = line.id;
    if (typeof id !== 'string' || id.length === 0) invalidCart(`cart.lines[${i}].id`, 'expected a non-empty string.');
    if (ids === undefined && i > 0 && !((out[i - 1] as LineWithPrices).line.id < id)) {
      ids = new Set();
      for (let k = 0; k < i; k++) ids.add((out[k] as LineWithPrices).line.id);
    }
    if (ids !== undefined) {
      if (ids.has(id))
        invalidCart(`cart.lines[${i}].id`, `duplicate line id ${JSON.stringify(id)}.`, 'duplicate_line_id');
      ids.add(id);
    }
    const prices = typeof line.sku === 'string' ? index.skus.get(line.sku) : undefined;
    if (prices === undefined) {
      throw new PricingError('unknown_sku', `cart.lines[${i}].sku: ${show(line.sku)} is not in the catalog.`, {
        field: `cart.lines[${i}].sku`,
        lineId: id,
      });
    }
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      invalidCart(`cart.lines[${i}].quantity`, 'expected a positive integer.', 'invalid_quantity');
    }
    if (line.manualPrice !== undefined) checkManualPrice(line, `cart.lines[${i}]`, index);
    out[i] = { line, prices };
  }
  // Input order never matters: lines are priced and returned in id order.
  if (ids !== undefined) out.sort((a, b) => (a.line.id < b.line.id ? -1 : a.line.id > b.line.id ? 1 : 0));
  return out;
}

function checkManualPrice(line: CartLine, field: string, index: CatalogIndex): void {
  const manual = line.manualPrice;
  if (manual === undefined) return;
  if (typeof manual !== 'object' || manual === null || !isMoney(manual.price) || manual.price.amount < 0) {
    invalidCart(`${field}.manualPrice.price`, 'expected non-negative Money.', 'invalid_manual_price');
  }
  if (manual.price.currency !== index.currency) {
    throw new PricingError(
      'currency_mismatch',
      `${field}.manualPrice.price: ${manual.price.currency} in a ${index.currency} catalog.`,
      {
        field: `${field}.manualPrice.price`,
      },
    );
  }
  if (typeof manual.reason !== 'string' || manual.reason.trim().length === 0) {
    invalidCart(`${field}.manualPrice.reason`, 'a manual price needs a reason.', 'invalid_manual_price');
  }
  if (manual.approvedBy !== undefined && typeof manual.approvedBy !== 'string') {
    invalidCart(`${field}.manualPrice.approvedBy`, 'expected a string.', 'invalid_manual_price');
  }
}

/** Exactly: is `discount / selected` above `percent` %? */
function exceedsPercent(discount: Money, selected: Money, percent: ManualPricePolicy['maxDiscountPercent']): boolean {
  let decimal: string;
  try {
    // '10' and '10%' both mean ten percent: the field is a percentage already.
    decimal = rate(
      typeof percent === 'string' && percent.endsWith('%') ? percent.slice(0, -1) : (percent ?? 0),
    ).decimal;
  } catch {
    return invalidOptions('options.manualPricePolicy.maxDiscountPercent', 'expected an exact decimal.');
  }
  const [whole = '0', fraction = ''] = decimal.split('.');
  // discount·100·10^s > C·selected, with percent = C / 10^s.
  return (
    BigInt(discount.amount) * 100n * 10n ** BigInt(fraction.length) > BigInt(whole + fraction) * BigInt(selected.amount)
  );
}

function review(
  selected: Money,
  manual: NonNullable<CartLine['manualPrice']>,
  policy: ManualPricePolicy | undefined,
): ManualPriceReview {
  const discountPerUnit = subtract(selected, manual.price);
  const discountPercent =
    selected.amount === 0 ? '0.00' : percentageOf(discountPerUnit, selected, { decimals: 2, rounding: 'half-even' });
  const reasons: ManualPriceReview['reasons'][number][] = [];
  if (discountPerUnit.amount > 0) {
    if (exceedsPercent(discountPerUnit, selected, policy?.maxDiscountPercent))
      reasons.push('discount_percent_exceeded');
    const maxAmount = policy?.maxDiscountAmount;
    if (maxAmount !== undefined) {
      if (!isMoney(maxAmount) || maxAmount.currency !== selected.currency) {
        invalidOptions('options.manualPricePolicy.maxDiscountAmount', `expected Money in ${selected.currency}.`);
      }
      if (compare(discountPerUnit, maxAmount) > 0) reasons.push('discount_amount_exceeded');
    }
  }
  const status =
    reasons.length === 0 ? 'within_policy' : manual.approvedBy === undefined ? 'needs_approval' : 'approved';
  return { status, reasons, discountPerUnit, discountPercent };
}

function price(cart: Cart, catalog: Catalog, options: PricingOptions): PricedCart {
  const context = checkOptions(options);
  const index = indexCatalog(catalog);
  const currency = index.currency;
  const lines = checkLines(cart, index);
  const memo = selectionMemo(index, context);

  const groupQuantity = new Map<string, number>();
  for (const { line, prices } of lines) {
    const group = prices.item.tierGroup;
    if (group !== undefined) groupQuantity.set(group, (groupQuantity.get(group) ?? 0) + line.quantity);
  }

  const traceLines: PricingTrace['lines'][number][] = [];
  const selected: PricingLine[] = lines.map(({ line, prices }): PricingLine => {
    const group = prices.item.tierGroup;
    const tierQuantity = group === undefined ? line.quantity : (groupQuantity.get(group) ?? line.quantity);
    const selection = selectUnitPriceMemo(memo, line.sku, prices, tierQuantity, context);
    const manual = line.manualPrice;
    const candidates =
      manual === undefined
        ? selection.candidates
        : selection.candidates.map((c) =>
            c.outcome === 'selected' ? { ...c, outcome: 'replaced_by_manual_price' as const } : c,
          );
    traceLines.push({ lineId: line.id, tierQuantity, candidates });
    if (manual === undefined)
      return pricingLine(line, prices, selection, selection.unitPrice, selection.source, undefined);
    const source: PriceSource = {
      kind: 'manual',
      reason: manual.reason,
      ...(manual.approvedBy === undefined ? {} : { approvedBy: manual.approvedBy }),
      selectedPrice: selection.unitPrice,
      selectedSource: selection.source,
    };
    return pricingLine(
      line,
      prices,
      selection,
      manual.price,
      source,
      review(selection.unitPrice, manual, options.manualPricePolicy),
    );
  });

  const shipping = cart.shipping;
  if (shipping !== undefined) {
    if (typeof shipping !== 'object' || shipping === null || typeof shipping.method !== 'string') {
      invalidCart('cart.shipping', 'expected { method, price }.');
    }
    if (!isMoney(shipping.price) || shipping.price.amount < 0)
      invalidCart('cart.shipping.price', 'expected non-negative Money.');
    if (shipping.price.currency !== currency) {
      throw new PricingError(
        'currency_mismatch',
        `cart.shipping.price: ${shipping.price.currency} in a ${currency} catalog.`,
        {
          field: 'cart.shipping.price',
        },
      );
    }
    if (shipping.taxClass !== undefined && typeof shipping.taxClass !== 'string')
      invalidCart('cart.shipping.taxClass', 'expected a string.');
  }

  const lineCount = selected.length;
  const subtotals: Money[] = new Array(lineCount);
  for (let i = 0; i < lineCount; i++) {
    const s = selected[i] as (typeof selected)[number];
    const amount = s.unitPrice.amount * s.line.quantity;
    // A product of safe integers that is itself safe is exact; anything else is out of range.
    if (!Number.isSafeInteger(amount)) {
      throw new PricingError(
        'amount_out_of_range',
        `line ${s.line.id}: unit price × quantity is beyond ±${Number.MAX_SAFE_INTEGER} minor units.`,
        { lineId: s.line.id, field: 'quantity' },
      );
    }
    subtotals[i] = { amount: amount + 0, currency };
    s.list = amount + 0;
  }

  // Promotions, on the selected prices.
  const { promotions, lanes } = checkPromotions(options.promotions, options.lanes, index);
  const engine =
    promotions.length === 0
      ? undefined
      : applyPromotions(selected, shipping?.price.amount, promotions, lanes, {
          currency,
          now: context.now,
          customer: context.customer,
          channel: context.channel,
          region: context.region,
          couponCodes: couponSet(options.couponCodes),
          usage: usageMap(options.usage),
          rounding: options.discountRounding ?? 'half-even',
          catalogKey: index,
          skuCount: index.skus.size,
          giftList: (sku, quantity) => {
            const prices = index.skus.get(sku) as SkuPrices;
            // A gift's value: unit price × quantity, in range like any line's (checked as lines are).
            const value = selectUnitPriceMemo(memo, sku, prices, quantity, context).unitPrice.amount * quantity;
            return minorMoney(value, currency).amount;
          },
        });
  const giftLines = engine?.giftLines ?? [];
  for (const gift of giftLines) {
    const prices = index.skus.get(gift.sku) as SkuPrices;
    const selection = selectUnitPriceMemo(memo, gift.sku, prices, gift.quantity, context);
    traceLines.push({ lineId: gift.id, tierQuantity: gift.quantity, candidates: selection.candidates });
    const giftLine = pricingLine(
      { id: gift.id, sku: gift.sku, quantity: gift.quantity },
      prices,
      selection,
      selection.unitPrice,
      selection.source,
      undefined,
    );
    giftLine.list = gift.list;
    selected.push(giftLine);
    subtotals.push(fromMinor(gift.list, currency));
  }

  // Discounts per line, and what tax is computed on (in minor units): each line after its
  // discounts, then shipping after its own.
  const pricedCount = selected.length;
  const lineDiscounts: PricedLine['discounts'][] = new Array(pricedCount);
  const discountTotals: Money[] = new Array(pricedCount);
  const taxedAmounts: number[] = new Array(pricedCount + (shipping === undefined ? 0 : 1));
  const taxClasses: string[] = new Array(taxedAmounts.length);
  const noDiscount: Money = { amount: 0, currency };
  for (let i = 0; i < pricedCount; i++) {
    const found = engine?.discounts[i];
    const subtotal = (subtotals[i] as Money).amount;
    taxClasses[i] = (selected[i] as PricingLine).prices.taxClass;
    if (found === undefined || found.length === 0) {
      lineDiscounts[i] = NO_DISCOUNTS;
      discountTotals[i] = noDiscount;
      taxedAmounts[i] = subtotal;
      continue;
    }
    // The engine's entries are already { promotionId, amount: Money }, and its lists are this
    // call's own: they are handed out as they are (lines sharing an id share one, read-only).
    const total = engine?.discountTotals[i] as number;
    lineDiscounts[i] = found;
    const discountTotal = Number.isSafeInteger(total)
      ? { amount: total, currency }
      : sum(
          found.map((d) => d.amount),
          currency,
        );
    discountTotals[i] = discountTotal;
    taxedAmounts[i] = subtotal - discountTotal.amount;
  }
  const shippingDiscounts = (engine?.shippingDiscounts ?? []).map((d) => ({
    promotionId: d.promotionId,
    amount: fromMinor(d.amount, currency),
  }));
  const shippingDiscountTotal = sum(
    shippingDiscounts.map((d) => d.amount),
    currency,
  );
  if (shipping !== undefined) {
    taxedAmounts[pricedCount] = shipping.price.amount - shippingDiscountTotal.amount;
    taxClasses[pricedCount] = shipping.taxClass ?? options.tax?.shippingTaxClass ?? 'shipping';
  }
  const taxed = applyTax(taxedAmounts, taxClasses, options.tax, currency);
  const inclusive = options.tax?.pricesIncludeTax === true;
  // Net, tax and total of taxed amount i: for inclusive prices the tax is inside the amount.
  const netOf = (i: number): Money => {
    const amount = taxedAmounts[i] as number;
    return inclusive ? minorMoney(amount - (taxed.taxes[i] as number), currency) : { amount, currency };
  };
  const totalOf = (i: number): Money => {
    const amount = taxedAmounts[i] as number;
    return inclusive ? { amount, currency } : minorMoney(amount + (taxed.taxes[i] as number), currency);
  };

  const pricedLines: PricedLine[] = new Array(pricedCount);
  for (let i = 0; i < pricedCount; i++) {
    const s = selected[i] as (typeof selected)[number];
    const net = netOf(i);
    const tax: Money = { amount: taxed.taxes[i] as number, currency };
    const total = totalOf(i);
    const taxLines = taxed.taxLines[i] as readonly TaxLine[];
    const giftOf = giftLines.length === 0 ? undefined : giftLines.find((g) => g.id === s.line.id)?.giftOf;
    if (s.source.kind !== 'sale' && giftOf === undefined && s.review === undefined) {
      // The common line in one literal (one shape, its fields in the object itself); the same keys
      // in the same order as the general case below.
      pricedLines[i] = {
        id: s.line.id,
        sku: s.line.sku,
        quantity: s.line.quantity,
        unitPrice: s.unitPrice,
        unitPriceSource: s.source,
        subtotal: subtotals[i] as Money,
        discounts: lineDiscounts[i] as PricedLine['discounts'],
        discountTotal: discountTotals[i] as Money,
        net,
        tax,
        total,
        taxLines,
      };
      continue;
    }
    // Built key by key in the documented order (no conditional spreads: they copy through temporaries).
    const priced: { -readonly [K in keyof PricedLine]?: PricedLine[K] } = {
      id: s.line.id,
      sku: s.line.sku,
      quantity: s.line.quantity,
      unitPrice: s.unitPrice,
      unitPriceSource: s.source,
    };
    if (s.source.kind === 'sale' && s.selection.compareAtUnitPrice !== undefined)
      priced.compareAtUnitPrice = s.selection.compareAtUnitPrice;
    priced.subtotal = subtotals[i] as Money;
    priced.discounts = lineDiscounts[i] as PricedLine['discounts'];
    priced.discountTotal = discountTotals[i] as Money;
    if (giftOf !== undefined) priced.giftOf = giftOf;
    priced.net = net;
    priced.tax = tax;
    priced.total = total;
    priced.taxLines = taxLines;
    if (s.review !== undefined) priced.manualPriceReview = s.review;
    pricedLines[i] = priced as PricedLine;
  }
  const pricedShipping: PricedShipping | undefined =
    shipping === undefined
      ? undefined
      : {
          method: shipping.method,
          price: shipping.price,
          discounts: shippingDiscounts,
          discountTotal: shippingDiscountTotal,
          net: netOf(pricedCount),
          tax: { amount: taxed.taxes[pricedCount] as number, currency },
          total: totalOf(pricedCount),
          taxLines: taxed.taxLines[pricedCount] as readonly TaxLine[],
        };

  const none = zero(currency);
  // Every amount here is Money in the catalog's currency, made above: totals are plain sums, and
  // anything out of range goes to `sum`, which reports it as before.
  let netMinor = 0;
  let taxMinor = 0;
  let safe = true;
  for (let i = 0; i < pricedLines.length; i++) {
    const l = pricedLines[i] as PricedLine;
    netMinor += l.net.amount;
    taxMinor += l.tax.amount;
    if (!Number.isSafeInteger(netMinor) || !Number.isSafeInteger(taxMinor)) safe = false;
  }
  if (pricedShipping !== undefined) {
    netMinor += pricedShipping.net.amount;
    taxMinor += pricedShipping.tax.amount;
    if (!Number.isSafeInteger(netMinor) || !Number.isSafeInteger(taxMinor)) safe = false;
  }
  let net: Money;
  let tax: Money;
  if (safe) {
    net = { amount: netMinor, currency };
    tax = { amount: taxMinor, currency };
  } else {
    const all = [...pricedLines, ...(pricedShipping === undefined ? [] : [pricedShipping])];
    net = sum(
      all.map((x) => x.net),
      currency,
    );
    tax = sum(
      all.map((x) => x.tax),
      currency,
    );
  }
  // Key by key: a conditional spread inside the literal would cost more than the rest of it.
  const priced: { -readonly [K in keyof PricedCart]?: PricedCart[K] } = { currency, lines: pricedLines };
  if (pricedShipping !== undefined) priced.shipping = pricedShipping;
  priced.totals = {
    itemsSubtotal: sumOf(subtotals, currency),
    shipping: pricedShipping?.price ?? none,
    discount: add(sumOf(discountTotals, currency), shippingDiscountTotal),
    net,
    tax,
    grandTotal: add(net, tax),
  };
  priced.usageIntents = engine?.usageIntents ?? [];
  priced.trace = { lines: traceLines, promotions: engine?.trace ?? [], tax: taxed.trace };
  return priced as PricedCart;
}
