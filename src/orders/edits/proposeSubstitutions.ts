import { err, ok, type Result } from '../../core/result.js';
import { fromRatio } from '../../money/fromRatio.js';
import { rate } from '../../money/rate.js';
import type { Money, Rate } from '../../money/types.js';
import type { LineDiscount } from '../../pricing/types.js';
import type { Order, OrderLine } from '../types.js';
import { OrderEditError } from './errors.js';
import { type LineBasis, sliceAmounts } from './internal/amounts.js';
import { skuStock, totalAvailable } from './internal/availability.js';
import { checkOrder, fail, isObject, show } from './internal/checks.js';
import { activeUnits, cancellableUnits } from './internal/work.js';
import type {
  LineUnitAmounts,
  SubstitutionBearer,
  SubstitutionCandidate,
  SubstitutionContext,
  SubstitutionProposal,
  SubstitutionRules,
} from './types.js';

/** An exact rate as a fraction of bigints. */
function fraction(value: Rate): { num: bigint; den: bigint } {
  const decimal = rate(value).decimal;
  const negative = decimal.startsWith('-');
  const [int = '0', frac = ''] = (negative ? decimal.slice(1) : decimal).split('.');
  const den = 10n ** BigInt(frac.length);
  const num = BigInt(int + frac);
  return { num: negative ? -num : num, den };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Proposes substitutes for short lines: for each line that is short (its backordered units, or the
 * units `context.short` names) and whose customer accepts substitutes, the compatible SKUs of the
 * rules that are available for all short units and within the price limits, best first, each with
 * a ready `add_line` edit for `accept_substitution` / {@link applySubstitution}.
 *
 * Pricing of a substitute line (exact, documented):
 * - Unit price charged: the substitute's own price (`bearer: 'customer'`, the default), or with
 *   `bearer: 'merchant'` the original unit price when the substitute is dearer and its own when cheaper.
 * - Discounts: the substitute carries the replaced units' stored discount shares (the slice of the
 *   original line's last `quantity` units — exactly what cancelling them takes away), so an
 *   order-level discount is neither lost nor re-spread; when the substitute's subtotal is smaller,
 *   the shares are cut from the last promotion backwards until they fit.
 * - Tax: with a `taxRate` in the context, the taxable amount (subtotal − discounts) × rate, rounded
 *   half-even (inside the amount, × r / (1 + r), when the original line's prices include tax);
 *   without one, at the replaced units' own effective rate (their tax over their taxable amount).
 *
 * Ordering: candidates by rank, then |unit price difference|, then SKU; proposals in line order.
 * Each proposal is independent: two lines may be offered the same stock.
 *
 * @param order - The order (not mutated).
 * @param rules - Compatible SKUs, price-difference limits, who bears the difference.
 * @param context - Availability and prices of substitutes; lines short beyond their backorders.
 * @returns One proposal per eligible short line (lines without candidates included, with none), or
 *   `invalid_rules`, `invalid_availability`, `unknown_line`, `currency_mismatch`, `invalid_order`.
 * @example
 * ```ts
 * import { money, toDecimal } from 'ordercore/money';
 * import { proposeSubstitutions, type Order } from 'ordercore/orders';
 *
 * const usd = (a: string) => money(a, 'USD');
 * const order = {
 *   id: 'o-1', version: 4, type: 'stock', state: 'confirmed', currency: 'USD', channel: 'web', priority: 'normal',
 *   customer: { accountId: 'c-1', deliveryAddress: {} },
 *   lines: [{ id: 'l1', sku: 'MUG', description: 'Mug', quantity: 2, unitPrice: usd('8.00'), subtotal: usd('16.00'),
 *     discounts: [], discountTotal: usd('0'), net: usd('16.00'), tax: usd('0'), total: usd('16.00'), sourcing: 'stock',
 *     allowSubstitutes: true,
 *     quantities: { allocated: 0, picked: 0, shipped: 0, delivered: 0, cancelled: 0, returned: 0, backordered: 2 } }],
 *   shipping: { net: usd('0'), tax: usd('0') }, fulfillment: {},
 *   terms: { paymentTerms: { kind: 'prepaid' }, creditApproved: false }, timestamps: { orderedAt: '2026-11-22T10:00:00Z' },
 *   payments: [], shipments: [], returns: [], approvals: [], history: [],
 * } satisfies Order;
 *
 * const r = proposeSubstitutions(order,
 *   { compatible: { MUG: [{ sku: 'MUG-XL', rank: 1 }, { sku: 'CUP', rank: 1 }] }, bearer: 'merchant' },
 *   { availability: { 'MUG-XL': { available: 5 }, CUP: { available: 5 } },
 *     prices: { 'MUG-XL': { unitPrice: usd('9.00') }, CUP: { unitPrice: usd('7.50') } } });
 * r.ok && r.value[0]?.candidates.map((c) => c.sku); //=> ['CUP', 'MUG-XL']
 * r.ok && toDecimal(r.value[0]?.candidates[1]?.merchantAbsorbs ?? usd('0')); //=> '2.00'
 * ```
 */
export function proposeSubstitutions(
  order: Order,
  rules: SubstitutionRules,
  context: SubstitutionContext,
): Result<readonly SubstitutionProposal[], OrderEditError> {
  const bases = checkOrder(order);
  if (bases instanceof OrderEditError) return err(bases);
  const currency = order.currency;
  const parsedRules = readRules(rules, currency);
  if (parsedRules instanceof OrderEditError) return err(parsedRules);
  if (!isObject(context) || !isObject(context.availability) || !isObject(context.prices)) {
    return err(
      fail('invalid_availability', 'context: expected { availability, prices, short? }.', { field: 'context' }),
    );
  }
  const short = new Map<string, number>();
  if (context.short !== undefined) {
    if (!Array.isArray(context.short))
      return err(fail('invalid_availability', 'context.short: expected an array.', { field: 'short' }));
    for (let i = 0; i < context.short.length; i++) {
      const s: unknown = context.short[i];
      if (
        !isObject(s) ||
        typeof s['lineId'] !== 'string' ||
        !Number.isSafeInteger(s['quantity']) ||
        (s['quantity'] as number) < 1
      ) {
        return err(
          fail('invalid_availability', `context.short[${i}]: expected { lineId, quantity: positive safe integer }.`, {
            field: `short[${i}]`,
          }),
        );
      }
      if (!bases.has(s['lineId'])) {
        return err(
          fail('unknown_line', `context.short[${i}].lineId: "${s['lineId']}" is not a line of the order.`, {
            lineId: s['lineId'],
          }),
        );
      }
      short.set(s['lineId'], (short.get(s['lineId']) ?? 0) + (s['quantity'] as number));
    }
  }
  const usedIds = new Set(order.lines.map((l) => l.id));
  const proposals: SubstitutionProposal[] = [];
  for (const line of order.lines) {
    const wanted = line.allowSubstitutes === true || (line.allowSubstitutes === undefined && parsedRules.whenSilent);
    if (!wanted) continue;
    const quantity = Math.min(short.get(line.id) ?? line.quantities.backordered, cancellableUnits(order, line));
    if (quantity <= 0) continue;
    const basis = bases.get(line.id) as LineBasis;
    const active = activeUnits(line);
    const replaced = sliceAmounts(basis, active - quantity, quantity);
    const compatible = Object.hasOwn(parsedRules.compatible, line.sku) ? (parsedRules.compatible[line.sku] ?? []) : [];
    const candidates: SubstitutionCandidate[] = [];
    for (const option of compatible) {
      if (option.sku === line.sku || !Object.hasOwn(context.prices, option.sku)) continue;
      const price: unknown = context.prices[option.sku];
      const at = `context.prices[${JSON.stringify(option.sku)}]`;
      if (
        !isObject(price) ||
        !isObject(price['unitPrice']) ||
        !Number.isSafeInteger(price['unitPrice']['amount']) ||
        (price['unitPrice']['amount'] as number) < 0
      ) {
        return err(
          fail('invalid_availability', `${at}.unitPrice: expected non-negative Money.`, { field: `${at}.unitPrice` }),
        );
      }
      if (price['unitPrice']['currency'] !== currency) {
        return err(
          fail(
            'currency_mismatch',
            `${at}.unitPrice: ${show(price['unitPrice']['currency'])} is not the order currency ${currency}.`,
            { field: `${at}.unitPrice` },
          ),
        );
      }
      const stock = skuStock(context.availability, option.sku, 'context.availability');
      if (stock instanceof OrderEditError) return err(stock);
      if (totalAvailable(stock) < quantity) continue;
      const own = price['unitPrice'] as unknown as Money;
      const difference = own.amount - line.unitPrice.amount;
      if (!withinLimits(difference, line.unitPrice.amount, parsedRules)) continue;
      const charged =
        parsedRules.bearer === 'merchant' && own.amount > line.unitPrice.amount ? line.unitPrice.amount : own.amount;
      let id = `${line.id}-sub-${option.sku}`;
      for (let n = 2; usedIds.has(id); n++) id = `${line.id}-sub-${option.sku}-${n}`;
      const taxRate = price['taxRate'];
      let taxFraction: { num: bigint; den: bigint } | undefined;
      if (taxRate !== undefined) {
        try {
          taxFraction = fraction(taxRate as Rate);
        } catch {
          return err(
            fail('invalid_availability', `${at}.taxRate: ${show(taxRate)} is not an exact rate.`, {
              field: `${at}.taxRate`,
            }),
          );
        }
        if (taxFraction.num < 0n)
          return err(fail('invalid_availability', `${at}.taxRate: must not be negative.`, { field: `${at}.taxRate` }));
      }
      const built = substituteLine(line, basis, replaced, {
        id,
        sku: option.sku,
        description: typeof price['description'] === 'string' ? price['description'] : option.sku,
        category: typeof price['category'] === 'string' ? price['category'] : undefined,
        quantity,
        charged,
        taxFraction,
      });
      if (built === undefined) {
        return err(
          fail(
            'amount_out_of_range',
            `Substitute ${option.sku} for line "${line.id}": amounts beyond the safe range.`,
            { lineId: line.id },
          ),
        );
      }
      candidates.push({
        sku: option.sku,
        rank: option.rank,
        unitPrice: own,
        chargedUnitPrice: { amount: charged, currency },
        unitPriceDifference: { amount: difference + 0, currency },
        bearer: parsedRules.bearer,
        customerDifference: { amount: built.total.amount - replaced.total.amount + 0, currency },
        merchantAbsorbs: { amount: (own.amount - charged) * quantity + 0, currency },
        edit: { kind: 'add_line', line: built },
      });
    }
    candidates.sort(
      (a, b) =>
        a.rank - b.rank ||
        Math.abs(a.unitPriceDifference.amount) - Math.abs(b.unitPriceDifference.amount) ||
        compareText(a.sku, b.sku),
    );
    proposals.push({ lineId: line.id, sku: line.sku, quantity, candidates });
  }
  return ok(proposals);
}

interface ParsedRules {
  readonly compatible: Readonly<Record<string, readonly { readonly sku: string; readonly rank: number }[]>>;
  readonly maxAmount: number | undefined;
  readonly maxPercent: { num: bigint; den: bigint } | undefined;
  readonly bearer: SubstitutionBearer;
  readonly whenSilent: boolean;
}

function readRules(rules: unknown, currency: string): ParsedRules | OrderEditError {
  if (!isObject(rules) || !isObject(rules['compatible'])) {
    return fail('invalid_rules', 'rules: expected { compatible, maxPriceDifference?, bearer? }.', { field: 'rules' });
  }
  const compatible = rules['compatible'];
  for (const sku of Object.keys(compatible)) {
    const list = compatible[sku];
    if (!Array.isArray(list))
      return fail('invalid_rules', `rules.compatible[${JSON.stringify(sku)}]: expected an array.`, {
        field: 'compatible',
        sku,
      });
    for (let i = 0; i < list.length; i++) {
      const o: unknown = list[i];
      if (!isObject(o) || typeof o['sku'] !== 'string' || !Number.isSafeInteger(o['rank'])) {
        return fail(
          'invalid_rules',
          `rules.compatible[${JSON.stringify(sku)}][${i}]: expected { sku, rank: safe integer }.`,
          { field: 'compatible', sku },
        );
      }
    }
  }
  const bearer = rules['bearer'] ?? 'customer';
  if (bearer !== 'customer' && bearer !== 'merchant') {
    return fail('invalid_rules', `rules.bearer: ${show(bearer)} is not 'customer' or 'merchant'.`, { field: 'bearer' });
  }
  const whenSilent = rules['substituteWhenCustomerSilent'] ?? false;
  if (typeof whenSilent !== 'boolean')
    return fail('invalid_rules', 'rules.substituteWhenCustomerSilent: expected a boolean.', {
      field: 'substituteWhenCustomerSilent',
    });
  let maxAmount: number | undefined;
  let maxPercent: { num: bigint; den: bigint } | undefined;
  const limit = rules['maxPriceDifference'];
  if (limit !== undefined) {
    if (!isObject(limit))
      return fail('invalid_rules', 'rules.maxPriceDifference: expected { amount?, percent? }.', {
        field: 'maxPriceDifference',
      });
    const amount = limit['amount'];
    if (amount !== undefined) {
      if (!isObject(amount) || !Number.isSafeInteger(amount['amount']) || (amount['amount'] as number) < 0) {
        return fail('invalid_rules', 'rules.maxPriceDifference.amount: expected non-negative Money.', {
          field: 'maxPriceDifference.amount',
        });
      }
      if (amount['currency'] !== currency) {
        return fail('currency_mismatch', `rules.maxPriceDifference.amount: not in the order currency ${currency}.`, {
          field: 'maxPriceDifference.amount',
        });
      }
      maxAmount = amount['amount'] as number;
    }
    if (limit['percent'] !== undefined) {
      try {
        maxPercent = fraction(limit['percent'] as Rate);
      } catch {
        return fail(
          'invalid_rules',
          `rules.maxPriceDifference.percent: ${show(limit['percent'])} is not an exact rate.`,
          { field: 'maxPriceDifference.percent' },
        );
      }
      if (maxPercent.num < 0n)
        return fail('invalid_rules', 'rules.maxPriceDifference.percent: must not be negative.', {
          field: 'maxPriceDifference.percent',
        });
    }
  }
  return {
    compatible: compatible as ParsedRules['compatible'],
    maxAmount,
    maxPercent,
    bearer,
    whenSilent,
  };
}

/** |difference| within the absolute limit and within percent × the original unit price (exactly). */
function withinLimits(difference: number, original: number, rules: ParsedRules): boolean {
  const abs = Math.abs(difference);
  if (rules.maxAmount !== undefined && abs > rules.maxAmount) return false;
  if (rules.maxPercent !== undefined && BigInt(abs) * rules.maxPercent.den > BigInt(original) * rules.maxPercent.num)
    return false;
  return true;
}

function substituteLine(
  original: OrderLine,
  basis: LineBasis,
  replaced: LineUnitAmounts,
  s: {
    id: string;
    sku: string;
    description: string;
    category: string | undefined;
    quantity: number;
    charged: number;
    taxFraction: { num: bigint; den: bigint } | undefined;
  },
): Omit<OrderLine, 'quantities' | 'sourcing'> | undefined {
  const currency = basis.currency;
  const subtotal = BigInt(s.charged) * BigInt(s.quantity);
  // Carry the replaced units' discount shares, cut from the last promotion backwards to fit.
  let room = subtotal;
  const kept: bigint[] = replaced.discounts.map((d) => BigInt(d.amount.amount));
  const total = kept.reduce((a, b) => a + b, 0n);
  if (total > room) {
    let excess = total - room;
    for (let i = kept.length - 1; i >= 0 && excess > 0n; i--) {
      const cut = (kept[i] as bigint) < excess ? (kept[i] as bigint) : excess;
      kept[i] = (kept[i] as bigint) - cut;
      excess -= cut;
    }
  }
  const discounts: LineDiscount[] = [];
  kept.forEach((amount, i) => {
    if (amount > 0n)
      discounts.push({
        promotionId: replaced.discounts[i]?.promotionId as string,
        amount: { amount: Number(amount), currency },
      });
  });
  const discountTotal = kept.reduce((a, b) => a + b, 0n);
  room = subtotal - discountTotal;
  // Tax: the context's rate, or the replaced units' effective rate (tax over taxable amount).
  let num: bigint;
  let den: bigint;
  if (s.taxFraction !== undefined) {
    num = s.taxFraction.num;
    den = basis.inclusive ? s.taxFraction.den + s.taxFraction.num : s.taxFraction.den;
  } else {
    num = BigInt(replaced.tax.amount);
    den = basis.inclusive ? BigInt(replaced.total.amount) : BigInt(replaced.net.amount);
  }
  const tax = den === 0n || num === 0n ? 0n : BigInt(fromRatio(room * num, den, currency, 'half-even').amount);
  const net = basis.inclusive ? room - tax : room;
  const lineTotal = net + tax;
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  if (subtotal > max || lineTotal > max) return undefined;
  const line = {
    id: s.id,
    sku: s.sku,
    description: s.description,
    ...(s.category === undefined ? {} : { category: s.category }),
    quantity: s.quantity,
    unitPrice: { amount: s.charged, currency },
    subtotal: { amount: Number(subtotal), currency },
    discounts,
    discountTotal: { amount: Number(discountTotal), currency },
    net: { amount: Number(net), currency },
    tax: { amount: Number(tax), currency },
    total: { amount: Number(lineTotal), currency },
    substitutedFor: { lineId: original.id, sku: original.sku },
  };
  return line;
}
