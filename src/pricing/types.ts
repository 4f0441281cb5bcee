import type { Money, Rate, RoundingMode } from '../money/index.js';

/**
 * A point in time as an ISO 8601 string with an explicit offset: `'2026-11-22T10:00:00Z'` or
 * `'2026-12-01T00:00:00+01:00'`. Pricing never reads the clock and never assumes a time zone: the
 * offset in the string is the time zone.
 *
 * @example
 * ```ts
 * import type { Instant } from 'ordercore/pricing';
 *
 * const blackFridayStart: Instant = '2026-11-27T00:00:00-05:00';
 * blackFridayStart.endsWith('-05:00'); //=> true
 * ```
 */
export type Instant = string;

/**
 * A half-open validity window `[from, until)`: active at `now` when `from ≤ now < until`. A missing
 * bound is open.
 *
 * @example
 * ```ts
 * import type { ValidityWindow } from 'ordercore/pricing';
 *
 * const december: ValidityWindow = { from: '2026-12-01T00:00:00+01:00', until: '2027-01-01T00:00:00+01:00' };
 * december.until; //=> '2027-01-01T00:00:00+01:00'
 * ```
 */
export interface ValidityWindow {
  /** The first instant the window is active (inclusive). */
  readonly from?: Instant;
  /** The first instant the window is no longer active (exclusive). */
  readonly until?: Instant;
}

/**
 * Who is buying, where and through which channel: what price-list conditions are matched against.
 *
 * @example
 * ```ts
 * import type { PricingCustomer } from 'ordercore/pricing';
 *
 * const customer: PricingCustomer = { id: 'c-42', groups: ['wholesale'] };
 * customer.groups?.includes('wholesale'); //=> true
 * ```
 */
export interface PricingCustomer {
  /** The customer id; contract prices are matched on it. */
  readonly id?: string;
  /** Customer groups (segments, tiers) the customer belongs to. */
  readonly groups?: readonly string[];
  /** How many orders the customer placed before this one (for first / nth order promotions). */
  readonly previousOrders?: number;
}

/**
 * Conditions under which a price list applies. Each present dimension must match; an absent one
 * matches everyone. A list with more dimensions is more specific.
 *
 * @example
 * ```ts
 * import type { PriceConditions } from 'ordercore/pricing';
 *
 * const wholesaleOnline: PriceConditions = { customerGroups: ['wholesale'], channels: ['web'] };
 * wholesaleOnline.channels; //=> ['web']
 * ```
 */
export interface PriceConditions {
  /** The customer must belong to at least one of these groups. */
  readonly customerGroups?: readonly string[];
  /** The sale must come through one of these channels. */
  readonly channels?: readonly string[];
  /** The sale must be in one of these regions. */
  readonly regions?: readonly string[];
}

/**
 * A price for one SKU, optionally from a minimum quantity on (a volume tier).
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { PriceEntry } from 'ordercore/pricing';
 *
 * const tenOrMore: PriceEntry = { sku: 'MUG', price: money('7.50', 'USD'), minQuantity: 10 };
 * tenOrMore.minQuantity; //=> 10
 * ```
 */
export interface PriceEntry {
  /** The SKU priced. */
  readonly sku: string;
  /** The unit price. */
  readonly price: Money;
  /** The tier: the price applies from this quantity on (default 1). */
  readonly minQuantity?: number;
}

/**
 * A price list. An `override` list replaces the regular price while it applies (a wholesale list, a
 * regional list); a `sale` list lowers it (a seasonal sale) and keeps the regular price as the
 * compare-at price — a sale price never raises a price.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { PriceList } from 'ordercore/pricing';
 *
 * const winterSale: PriceList = {
 *   id: 'winter-sale',
 *   kind: 'sale',
 *   priority: 10,
 *   window: { from: '2026-12-01T00:00:00Z', until: '2027-01-01T00:00:00Z' },
 *   prices: [{ sku: 'MUG', price: money('6.00', 'USD') }],
 * };
 * winterSale.kind; //=> 'sale'
 * ```
 */
export interface PriceList {
  /** A unique id; the last tie-break and what a priced line names as its source. */
  readonly id: string;
  /** `'override'` replaces the regular price; `'sale'` may only lower it. */
  readonly kind: 'override' | 'sale';
  /** Higher wins among equally specific lists. Default 0. */
  readonly priority?: number;
  /** When the list applies, against the injected `now`. Default: always. */
  readonly window?: ValidityWindow;
  /** To whom it applies. Default: everyone. */
  readonly conditions?: PriceConditions;
  /** The prices, possibly several tiers per SKU. */
  readonly prices: readonly PriceEntry[];
}

/**
 * A negotiated price for one customer and SKU. Contract prices take precedence over every list and
 * are never undercut by a sale list.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { ContractPrice } from 'ordercore/pricing';
 *
 * const acme: ContractPrice = { id: 'k-7', customerId: 'acme', sku: 'MUG', price: money('5.90', 'USD') };
 * acme.customerId; //=> 'acme'
 * ```
 */
export interface ContractPrice {
  /** A unique id (the contract or its line). */
  readonly id: string;
  /** The customer the price is for. */
  readonly customerId: string;
  /** The SKU priced. */
  readonly sku: string;
  /** The unit price. */
  readonly price: Money;
  /** The tier: the price applies from this quantity on (default 1). */
  readonly minQuantity?: number;
  /** When the contract price applies. Default: always. */
  readonly window?: ValidityWindow;
}

/**
 * What the catalog knows about a SKU for pricing.
 *
 * @example
 * ```ts
 * import type { CatalogItem } from 'ordercore/pricing';
 *
 * const mug: CatalogItem = { sku: 'MUG', categories: ['kitchen'], taxClass: 'standard', tierGroup: 'drinkware' };
 * mug.tierGroup; //=> 'drinkware'
 * ```
 */
export interface CatalogItem {
  /** The SKU. */
  readonly sku: string;
  /** Categories, for promotions and reporting. */
  readonly categories?: readonly string[];
  /** The tax class looked up in the tax rates. Default `'standard'`. */
  readonly taxClass?: string;
  /**
   * SKUs that share a tier group reach volume tiers together: the tier quantity of a line is the
   * sum of the cart's quantities in its group (mix-and-match). Without one, a line's own quantity.
   */
  readonly tierGroup?: string;
}

/**
 * Everything pricing needs to know about the products: items, base prices, price lists and
 * contract prices, all in one currency.
 *
 * A catalog is immutable data: `priceCart` checks and indexes a catalog object once, and memoises
 * its price selections per pricing context, for as long as the object lives (weakly held). To change
 * prices, pass a new catalog object; never edit one in place.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { Catalog } from 'ordercore/pricing';
 *
 * const catalog: Catalog = {
 *   currency: 'USD',
 *   items: [{ sku: 'MUG' }],
 *   basePrices: [{ sku: 'MUG', price: money('8.50', 'USD') }],
 * };
 * catalog.basePrices.length; //=> 1
 * ```
 */
export interface Catalog {
  /** The currency of every price. */
  readonly currency: string;
  /** The SKUs that can be priced. */
  readonly items: readonly CatalogItem[];
  /** Regular prices, possibly tiered. */
  readonly basePrices: readonly PriceEntry[];
  /** Override and sale price lists. */
  readonly priceLists?: readonly PriceList[];
  /** Customer contract prices. */
  readonly contracts?: readonly ContractPrice[];
}

/**
 * A price set by hand on a line (a sales rep matching a competitor, a goodwill price), with the
 * reason, and who approved it if anyone did.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { ManualPrice } from 'ordercore/pricing';
 *
 * const matched: ManualPrice = { price: money('7.00', 'USD'), reason: 'competitor price match' };
 * matched.reason; //=> 'competitor price match'
 * ```
 */
export interface ManualPrice {
  /** The unit price to charge instead of the selected one. */
  readonly price: Money;
  /** Why; required, it goes into the audit trail. */
  readonly reason: string;
  /** Who approved it, when someone did; an approved override is never flagged. */
  readonly approvedBy?: string;
}

/**
 * One line of a cart to price.
 *
 * @example
 * ```ts
 * import type { CartLine } from 'ordercore/pricing';
 *
 * const line: CartLine = { id: 'l1', sku: 'MUG', quantity: 2 };
 * line.quantity; //=> 2
 * ```
 */
export interface CartLine {
  /** A unique id within the cart; results are keyed and ordered by it. */
  readonly id: string;
  /** The SKU, which must be in the catalog. */
  readonly sku: string;
  /** A positive integer quantity. */
  readonly quantity: number;
  /** A hand-set unit price, replacing the selected one. */
  readonly manualPrice?: ManualPrice;
}

/**
 * The shipping chosen for the cart and its price before discounts.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { ShippingSelection } from 'ordercore/pricing';
 *
 * const ground: ShippingSelection = { method: 'ground', price: money('4.95', 'USD') };
 * ground.method; //=> 'ground'
 * ```
 */
export interface ShippingSelection {
  /** The shipping method id. */
  readonly method: string;
  /** Its price, in the catalog currency, in the same tax mode as catalog prices. */
  readonly price: Money;
  /** The tax class of shipping. Default: the tax context's `shippingTaxClass`, else `'shipping'`. */
  readonly taxClass?: string;
}

/**
 * A cart: lines and, optionally, the shipping chosen.
 *
 * @example
 * ```ts
 * import type { Cart } from 'ordercore/pricing';
 *
 * const cart: Cart = { lines: [{ id: 'l1', sku: 'MUG', quantity: 2 }] };
 * cart.lines.length; //=> 1
 * ```
 */
export interface Cart {
  /** The lines; ids must be unique. */
  readonly lines: readonly CartLine[];
  /** The shipping chosen, if any. */
  readonly shipping?: ShippingSelection;
}

/**
 * One tax rate: a class of goods in a jurisdiction. Several rates for the same class and
 * jurisdiction add up (a state rate, a county rate and a district rate).
 *
 * @example
 * ```ts
 * import type { TaxRate } from 'ordercore/pricing';
 *
 * const nyState: TaxRate = { jurisdiction: 'US-NY-NYC', taxClass: 'standard', rate: '4%', name: 'NY State' };
 * nyState.rate; //=> '4%'
 * ```
 */
export interface TaxRate {
  /** Where the rate applies; matched exactly against the tax context's jurisdiction. */
  readonly jurisdiction: string;
  /** The tax class it applies to. */
  readonly taxClass: string;
  /** The exact rate, e.g. `'8.875%'` or `'0.19'`. Never negative. */
  readonly rate: Rate;
  /** A label for receipts and the trace. Default: `jurisdiction taxClass`. */
  readonly name?: string;
}

/**
 * How tax is computed: where, at which rates, whether prices already include tax, and where the
 * rounding happens.
 *
 * @example
 * ```ts
 * import type { TaxContext } from 'ordercore/pricing';
 *
 * const nyc: TaxContext = {
 *   jurisdiction: 'US-NY-NYC',
 *   pricesIncludeTax: false,
 *   rates: [{ jurisdiction: 'US-NY-NYC', taxClass: 'standard', rate: '8.875%' }],
 *   rounding: { mode: 'half-up', level: 'line' },
 * };
 * nyc.rounding.level; //=> 'line'
 * ```
 */
export interface TaxContext {
  /** The jurisdiction the order is taxed in (ship-to or store). */
  readonly jurisdiction: string;
  /** The rates; classes without a rate in the jurisdiction are untaxed (and the trace says so). */
  readonly rates: readonly TaxRate[];
  /**
   * `true` when catalog, manual and shipping prices are gross (tax-inclusive, as in most of Europe);
   * `false` when they are net (as in the US).
   */
  readonly pricesIncludeTax: boolean;
  /**
   * Where tax is rounded: `'line'` rounds each line's tax; `'total'` rounds the order's exact tax
   * once and spreads it over the lines by largest remainder. Each with a named rounding mode.
   */
  readonly rounding: {
    /** The rounding mode applied to the exact tax, e.g. `'half-up'` or `'half-even'`. */
    readonly mode: RoundingMode;
    /** `'line'`: each line's (and shipping's) tax is rounded; `'total'`: the order's tax is rounded once. */
    readonly level: 'line' | 'total';
  };
  /** The tax class of shipping when the selection does not say. Default `'shipping'`. */
  readonly shippingTaxClass?: string;
}

/**
 * The threshold beyond which a manual price needs approval: a price lowered by more than
 * `maxDiscountPercent` of the selected price, or by more than `maxDiscountAmount` per unit.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { ManualPricePolicy } from 'ordercore/pricing';
 *
 * const policy: ManualPricePolicy = { maxDiscountPercent: '10', maxDiscountAmount: money('20.00', 'USD') };
 * policy.maxDiscountPercent; //=> '10'
 * ```
 */
export interface ManualPricePolicy {
  /** The largest discount, as a percentage of the selected unit price, allowed without approval. */
  readonly maxDiscountPercent?: Rate;
  /** The largest discount per unit allowed without approval. */
  readonly maxDiscountAmount?: Money;
}

/**
 * Options of `priceCart`: the injected time, who is buying and where, and how tax is computed.
 *
 * @example
 * ```ts
 * import type { PricingOptions } from 'ordercore/pricing';
 *
 * const options: PricingOptions = { now: '2026-11-22T10:00:00Z', channel: 'web', customer: { groups: ['retail'] } };
 * options.channel; //=> 'web'
 * ```
 */
export interface PricingOptions {
  /** The instant prices are evaluated at (validity windows). Required: pricing never reads a clock. */
  readonly now: Instant;
  /** The customer, for contract prices and customer-group conditions. */
  readonly customer?: PricingCustomer;
  /** The sales channel, for channel conditions. */
  readonly channel?: string;
  /** The region, for region conditions. */
  readonly region?: string;
  /** How to compute tax. Without it, no tax is computed (every line's tax is zero and the trace says so). */
  readonly tax?: TaxContext;
  /** When a manual price needs approval. Without it, every unapproved manual discount needs approval. */
  readonly manualPricePolicy?: ManualPricePolicy;
  /** The promotions to consider. Input order never matters. */
  readonly promotions?: readonly Promotion[];
  /** The stacking lanes, in order. Default: one lane, `[{ id: 'default', mode: 'stack' }]`. */
  readonly lanes?: readonly PromotionLane[];
  /** Coupon codes the shopper entered (matched case-insensitively, trimmed). */
  readonly couponCodes?: readonly string[];
  /** Current usage counters of promotions with limits. */
  readonly usage?: readonly PromotionUsage[];
  /** How percentage discounts are rounded to whole minor units. Default `'half-even'`. */
  readonly discountRounding?: RoundingMode;
}

/**
 * Where a line's unit price came from.
 *
 * - `base`: the catalog's regular price (possibly a volume tier).
 * - `price_list`: an override price list.
 * - `sale`: a sale price list that lowered the regular price (`regularPrice` is the compare-at price).
 * - `contract`: the customer's contract price.
 * - `manual`: set by hand on the line (`selectedPrice` is what it replaced).
 *
 * @example
 * ```ts
 * import type { PriceSource } from 'ordercore/pricing';
 *
 * const source: PriceSource = { kind: 'base', minQuantity: 1 };
 * source.kind; //=> 'base'
 * ```
 */
export type PriceSource =
  | {
      /** The catalog's regular price. */
      readonly kind: 'base';
      /** The tier of the base price used: it applies from this quantity on (1 when untiered). */
      readonly minQuantity: number;
    }
  | {
      /** An override price list. */
      readonly kind: 'price_list';
      /** The id of the override price list. */
      readonly priceListId: string;
      /** The tier of the list price used: it applies from this quantity on (1 when untiered). */
      readonly minQuantity: number;
    }
  | {
      /** A sale price list that lowered the regular price. */
      readonly kind: 'sale';
      /** The id of the sale price list. */
      readonly priceListId: string;
      /** The tier of the sale price used: it applies from this quantity on (1 when untiered). */
      readonly minQuantity: number;
      /** The regular unit price the sale lowered: the compare-at price. */
      readonly regularPrice: Money;
      /** Where the regular price came from. */
      readonly regularSource: PriceSource;
    }
  | {
      /** The customer's contract price. */
      readonly kind: 'contract';
      /** The id of the contract price ({@link ContractPrice.id}). */
      readonly contractId: string;
      /** The tier of the contract price used: it applies from this quantity on (1 when untiered). */
      readonly minQuantity: number;
    }
  | {
      /** A price set by hand on the line. */
      readonly kind: 'manual';
      /** Why the price was set by hand (from {@link ManualPrice.reason}). */
      readonly reason: string;
      /** Who approved it, when someone did (from {@link ManualPrice.approvedBy}). */
      readonly approvedBy?: string;
      /** The unit price selection chose, which the manual price replaced. */
      readonly selectedPrice: Money;
      /** Where that replaced price came from. */
      readonly selectedSource: PriceSource;
    };

/**
 * Why a candidate price was not the one used for a line.
 *
 * @example
 * ```ts
 * import type { PriceCandidateOutcome } from 'ordercore/pricing';
 *
 * const outcome: PriceCandidateOutcome = 'tier_not_reached';
 * outcome; //=> 'tier_not_reached'
 * ```
 */
export type PriceCandidateOutcome =
  | 'selected'
  | 'outranked'
  | 'window_inactive'
  | 'conditions_not_met'
  | 'tier_not_reached'
  | 'not_lower'
  | 'contract_takes_precedence'
  | 'replaced_by_manual_price';

/**
 * One price considered for a line, and what became of it: the explanation behind a line's price.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { PriceCandidate } from 'ordercore/pricing';
 *
 * const c: PriceCandidate = { source: { kind: 'base', minQuantity: 10 }, price: money('7.50', 'USD'), outcome: 'tier_not_reached' };
 * c.outcome; //=> 'tier_not_reached'
 * ```
 */
export interface PriceCandidate {
  /** Where the candidate comes from. */
  readonly source: PriceSource;
  /** Its unit price. */
  readonly price: Money;
  /** Whether it was used, and if not, why not. */
  readonly outcome: PriceCandidateOutcome;
}

/**
 * The verdict on a manual price against the {@link ManualPricePolicy}.
 *
 * - `within_policy`: no approval needed (a raise, or a discount within the thresholds).
 * - `approved`: beyond the thresholds, but approved (`approvedBy` is set).
 * - `needs_approval`: beyond the thresholds and not approved; the host must route it for approval.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { ManualPriceReview } from 'ordercore/pricing';
 *
 * const review: ManualPriceReview = {
 *   status: 'needs_approval',
 *   reasons: ['discount_percent_exceeded'],
 *   discountPerUnit: money('3.00', 'USD'),
 *   discountPercent: '30.00',
 * };
 * review.status; //=> 'needs_approval'
 * ```
 */
export interface ManualPriceReview {
  /** The verdict. */
  readonly status: 'within_policy' | 'approved' | 'needs_approval';
  /** Which thresholds were exceeded (empty when none). */
  readonly reasons: readonly ('discount_percent_exceeded' | 'discount_amount_exceeded')[];
  /** Selected unit price − manual unit price (negative when the manual price is higher). */
  readonly discountPerUnit: Money;
  /** That discount as a percentage of the selected price, two decimals, rounded half-even. */
  readonly discountPercent: string;
}

/**
 * One component of a line's tax (a state, county or district rate).
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { TaxLine } from 'ordercore/pricing';
 *
 * const t: TaxLine = { name: 'NY State', jurisdiction: 'US-NY-NYC', taxClass: 'standard', rate: '0.04', amount: money('0.80', 'USD') };
 * t.rate; //=> '0.04'
 * ```
 */
export interface TaxLine {
  /** The rate's label. */
  readonly name: string;
  /** The jurisdiction. */
  readonly jurisdiction: string;
  /** The tax class. */
  readonly taxClass: string;
  /** The rate as a plain decimal string (`'0.04'` for 4 %). */
  readonly rate: string;
  /** This component's share of the line's tax; components add up exactly to the line's tax. */
  readonly amount: Money;
}

/**
 * A priced cart line. Amounts: `subtotal` is unit price × quantity as entered (gross when prices
 * include tax); `subtotal − discountTotal` is what is taxed; `net` + `tax` = `total` exactly,
 * whichever way prices were entered.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { PricedLine } from 'ordercore/pricing';
 *
 * const line: PricedLine = {
 *   id: 'l1', sku: 'MUG', quantity: 2,
 *   unitPrice: money('8.50', 'USD'), unitPriceSource: { kind: 'base', minQuantity: 1 },
 *   subtotal: money('17.00', 'USD'), discounts: [], discountTotal: money('0', 'USD'),
 *   net: money('17.00', 'USD'), tax: money('1.51', 'USD'),
 *   total: money('18.51', 'USD'), taxLines: [],
 * };
 * line.total.amount - line.net.amount === line.tax.amount; //=> true
 * ```
 */
export interface PricedLine {
  /** The cart line id. */
  readonly id: string;
  /** The SKU. */
  readonly sku: string;
  /** The quantity. */
  readonly quantity: number;
  /** The unit price charged. */
  readonly unitPrice: Money;
  /** Where the unit price came from. */
  readonly unitPriceSource: PriceSource;
  /** The regular unit price when a sale price lowered it (for "was $X" displays). */
  readonly compareAtUnitPrice?: Money;
  /** Unit price × quantity, as entered (gross when prices include tax), before promotions. */
  readonly subtotal: Money;
  /**
   * The promotions' discounts on this line, in the order they were applied; order-level discounts
   * appear with this line's share of them, stored so a later refund or cancellation can use it
   * without re-spreading.
   */
  readonly discounts: readonly LineDiscount[];
  /** Σ `discounts`; never more than `subtotal`. */
  readonly discountTotal: Money;
  /** Set on a gift line added by a `free_gift` promotion. */
  readonly giftOf?: string;
  /** The line without tax, after discounts. */
  readonly net: Money;
  /** The line's tax (never negative). */
  readonly tax: Money;
  /** The line with tax: `net + tax`. */
  readonly total: Money;
  /** The tax components; they sum to `tax`. Empty when untaxed. */
  readonly taxLines: readonly TaxLine[];
  /** The verdict on a manual price, when the line has one. */
  readonly manualPriceReview?: ManualPriceReview;
}

/**
 * The priced shipping of a cart.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { PricedShipping } from 'ordercore/pricing';
 *
 * const s: PricedShipping = {
 *   method: 'ground', price: money('4.95', 'USD'), discounts: [], discountTotal: money('0', 'USD'),
 *   net: money('4.95', 'USD'), tax: money('0', 'USD'), total: money('4.95', 'USD'), taxLines: [],
 * };
 * s.method; //=> 'ground'
 * ```
 */
export interface PricedShipping {
  /** The method id. */
  readonly method: string;
  /** The price as entered, before promotions. */
  readonly price: Money;
  /** Shipping discounts by promotion. */
  readonly discounts: readonly LineDiscount[];
  /** Σ `discounts`; never more than `price`. */
  readonly discountTotal: Money;
  /** Shipping without tax, after discounts. */
  readonly net: Money;
  /** Tax on shipping. */
  readonly tax: Money;
  /** Shipping with tax: `net + tax`. */
  readonly total: Money;
  /** The tax components. */
  readonly taxLines: readonly TaxLine[];
}

/**
 * The cart's totals. Always `grandTotal = net + tax`; with tax-exclusive prices also
 * `grandTotal = itemsSubtotal + shipping − discount + tax`, with tax-inclusive prices
 * `grandTotal = itemsSubtotal + shipping − discount`.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { CartTotals } from 'ordercore/pricing';
 *
 * const t: CartTotals = {
 *   itemsSubtotal: money('17.00', 'USD'), shipping: money('0', 'USD'), discount: money('0', 'USD'),
 *   net: money('17.00', 'USD'), tax: money('1.51', 'USD'), grandTotal: money('18.51', 'USD'),
 * };
 * t.grandTotal.amount === t.net.amount + t.tax.amount; //=> true
 * ```
 */
export interface CartTotals {
  /** Σ line subtotals (gift lines at their value), as entered, before promotions. */
  readonly itemsSubtotal: Money;
  /** The shipping price as entered, before promotions (zero without shipping). */
  readonly shipping: Money;
  /** Σ discounts on lines and shipping. */
  readonly discount: Money;
  /** Σ net of lines and shipping. */
  readonly net: Money;
  /** Σ tax of lines and shipping. */
  readonly tax: Money;
  /** What the customer pays: `net + tax`. */
  readonly grandTotal: Money;
}

/**
 * How each line's price was chosen: every candidate considered and its outcome, plus how tax was
 * computed. Plain data, for support tools and "why this price?" displays.
 *
 * @example
 * ```ts
 * import type { PricingTrace } from 'ordercore/pricing';
 *
 * const trace: PricingTrace = { lines: [], promotions: [], tax: { computed: false, reason: 'no_tax_context' } };
 * trace.tax.computed; //=> false
 * ```
 */
export interface PricingTrace {
  /** Per line, in line-id order: the tier quantity used and every price candidate. */
  readonly lines: readonly {
    /** The cart line id (or the gift line id, for a line added by a `free_gift` promotion). */
    readonly lineId: string;
    /** The quantity volume tiers were matched against: the line's quantity, or its tier group's total. */
    readonly tierQuantity: number;
    /** Every price considered for the line, each with its outcome. */
    readonly candidates: readonly PriceCandidate[];
  }[];
  /** Every promotion considered, in the order it was evaluated: applied or not, why, and how much where. */
  readonly promotions: readonly PromotionTrace[];
  /** How tax was computed, or why it was not. */
  readonly tax:
    | {
        /** No tax was computed: every tax amount is zero. */
        readonly computed: false;
        /** Why: `options.tax` was not given. */
        readonly reason: 'no_tax_context';
      }
    | {
        /** Tax was computed. */
        readonly computed: true;
        /** The jurisdiction taxed in, from the tax context. */
        readonly jurisdiction: string;
        /** Whether prices were taken as tax-inclusive (gross), from the tax context. */
        readonly pricesIncludeTax: boolean;
        /** The rounding used, from the tax context. */
        readonly rounding: {
          /** The rounding mode applied to the exact tax. */
          readonly mode: RoundingMode;
          /** `'line'`: rounded per line; `'total'`: rounded once per order and spread over the lines. */
          readonly level: 'line' | 'total';
        };
        /** Tax classes present in the cart with no rate in the jurisdiction: taxed at zero. */
        readonly untaxedClasses: readonly string[];
      };
}

/**
 * A priced cart: lines in line-id order, shipping, totals and the trace.
 *
 * @example
 * ```ts
 * import type { PricedCart } from 'ordercore/pricing';
 *
 * const shape: (keyof PricedCart)[] = ['currency', 'lines', 'shipping', 'totals', 'usageIntents', 'trace'];
 * shape.length; //=> 6
 * ```
 */
export interface PricedCart {
  /** The currency of every amount. */
  readonly currency: string;
  /** The priced lines, sorted by line id (input order never matters). */
  readonly lines: readonly PricedLine[];
  /** The priced shipping, when the cart has a selection. */
  readonly shipping?: PricedShipping;
  /** The totals. */
  readonly totals: CartTotals;
  /**
   * One intent per applied promotion with limits or a coupon: what the host must reserve and, when
   * the order is placed, commit in its usage store (atomically against the limits).
   */
  readonly usageIntents: readonly UsageIntent[];
  /** Why every number is what it is. */
  readonly trace: PricingTrace;
}

/**
 * A promotion's discount on one line (or on shipping).
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { LineDiscount } from 'ordercore/pricing';
 *
 * const d: LineDiscount = { promotionId: 'summer10', amount: money('1.70', 'USD') };
 * d.promotionId; //=> 'summer10'
 * ```
 */
export interface LineDiscount {
  /** The promotion. */
  readonly promotionId: string;
  /** The amount taken off (positive). */
  readonly amount: Money;
}

/**
 * What a host must record about a promotion's use: reserve it while the cart is open, commit it with
 * the order, release it if the order is abandoned.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { UsageIntent } from 'ordercore/pricing';
 *
 * const intent: UsageIntent = { promotionId: 'welcome10', couponCode: 'WELCOME10', customerId: 'c-1', amount: money('4.20', 'USD') };
 * intent.couponCode; //=> 'WELCOME10'
 * ```
 */
export interface UsageIntent {
  /** The promotion used. */
  readonly promotionId: string;
  /** The coupon code that unlocked it, normalised (trimmed, upper case), if any. */
  readonly couponCode?: string;
  /** The customer, if known. */
  readonly customerId?: string;
  /** The discount it granted on this cart (counts against its budget). */
  readonly amount: Money;
}

/**
 * Why a promotion was not applied.
 *
 * @example
 * ```ts
 * import type { PromotionRejection } from 'ordercore/pricing';
 *
 * const reason: PromotionRejection = 'min_subtotal_not_met';
 * reason; //=> 'min_subtotal_not_met'
 * ```
 */
export type PromotionRejection =
  | 'window_inactive'
  | 'min_subtotal_not_met'
  | 'min_quantity_not_met'
  | 'items_not_present'
  | 'customer_group_not_met'
  | 'customer_not_met'
  | 'nth_order_not_met'
  | 'channel_not_met'
  | 'region_not_met'
  | 'date_window_not_met'
  | 'coupon_not_present'
  | 'negated_condition_met'
  | 'usage_limit_reached'
  | 'customer_usage_limit_reached'
  | 'budget_exhausted'
  | 'excluded_by_exclusive'
  | 'not_combinable'
  | 'no_eligible_items'
  | 'nothing_to_discount'
  | 'outranked_per_item';

/**
 * One promotion in the trace: whether it applied, why not, what it computed on and where its
 * discount went.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { PromotionTrace } from 'ordercore/pricing';
 *
 * const t: PromotionTrace = {
 *   promotionId: 'spend50', lane: 'default', applied: false, reason: 'min_subtotal_not_met',
 *   base: 'current', amount: money('0', 'USD'), allocations: [],
 * };
 * t.reason; //=> 'min_subtotal_not_met'
 * ```
 */
export interface PromotionTrace {
  /** The promotion. */
  readonly promotionId: string;
  /** Its lane. */
  readonly lane: string;
  /** Whether it gave a discount. */
  readonly applied: boolean;
  /** Why not, when it did not. */
  readonly reason?: PromotionRejection;
  /** For `not_combinable`: the applied promotion it clashed with. */
  readonly conflictsWith?: string;
  /** What it computed on. */
  readonly base: 'current' | 'list';
  /** The matching items' amount it computed on (order-level and percentage actions). */
  readonly baseAmount?: Money;
  /** The discount granted in total (items and shipping). */
  readonly amount: Money;
  /** Its discount per line, summing with `shippingAmount` to `amount`. */
  readonly allocations: readonly {
    /** The line discounted (a gift line's id for a free gift). */
    readonly lineId: string;
    /** The discount on that line. */
    readonly amount: Money;
  }[];
  /** Its discount on shipping. */
  readonly shippingAmount?: Money;
  /** Limits that reduced it: a line reaching zero, or the remaining budget. */
  readonly capped?: readonly ('line_floor' | 'budget')[];
  /** For buy-X-get-Y and bundles: each application, with the units bought (or bundled) and got, per line. */
  readonly applications?: readonly {
    /** The units bought (for a bundle: bundled), per line. */
    readonly buy: readonly {
      /** The line the units come from. */
      readonly lineId: string;
      /** How many of its units. */
      readonly units: number;
    }[];
    /** The units that got the discount, per line (empty for a bundle). */
    readonly get: readonly {
      /** The line the units come from. */
      readonly lineId: string;
      /** How many of its units. */
      readonly units: number;
    }[];
  }[];
  /** For free gifts: the gift line added. */
  readonly giftLineId?: string;
}

/**
 * Which cart items a promotion looks at or discounts: SKUs and categories to include (any of them;
 * everything when both are absent) and to exclude (exclusion wins).
 *
 * @example
 * ```ts
 * import type { ItemFilter } from 'ordercore/pricing';
 *
 * const kitchenButNotSale: ItemFilter = { categories: ['kitchen'], excludeSkus: ['MUG-CLEARANCE'] };
 * kitchenButNotSale.categories; //=> ['kitchen']
 * ```
 */
export interface ItemFilter {
  /** Include these SKUs. */
  readonly skus?: readonly string[];
  /** Include items in any of these categories. */
  readonly categories?: readonly string[];
  /** Exclude these SKUs (wins over inclusion). */
  readonly excludeSkus?: readonly string[];
  /** Exclude items in any of these categories (wins over inclusion). */
  readonly excludeCategories?: readonly string[];
}

/**
 * When a promotion applies: leaves composed with `all`, `any` and `not`. Amount conditions look at
 * the cart as it stands when the promotion's lane starts (after earlier lanes' discounts).
 *
 * - `min_subtotal`: the (filtered) items' current subtotal is at least `amount`.
 * - `min_quantity`: the (filtered) items' total quantity is at least `quantity`.
 * - `items_present`: at least one item matches the filter.
 * - `customer_group` / `customer`: the customer is in one of the groups / is one of the ids.
 * - `nth_order`: this is the customer's `n`th order (`1` = first), from `customer.previousOrders`.
 * - `channel` / `region`: the sale's channel / region is one of these.
 * - `date_window`: `now` is inside the window.
 * - `coupon`: the code is among the cart's coupon codes (case-insensitive, trimmed).
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { PromotionCondition } from 'ordercore/pricing';
 *
 * const condition: PromotionCondition = {
 *   all: [{ type: 'min_subtotal', amount: money('50.00', 'USD') }, { not: { type: 'customer_group', groups: ['staff'] } }],
 * };
 * 'all' in condition; //=> true
 * ```
 */
export type PromotionCondition =
  | {
      /** Holds when every one of these conditions holds. */
      readonly all: readonly PromotionCondition[];
    }
  | {
      /** Holds when at least one of these conditions holds. */
      readonly any: readonly PromotionCondition[];
    }
  | {
      /** Holds when this condition does not. */
      readonly not: PromotionCondition;
    }
  | {
      /** A minimum subtotal of the (filtered) items. */
      readonly type: 'min_subtotal';
      /** The least current subtotal the matching items must reach (inclusive), in the catalog currency. */
      readonly amount: Money;
      /** Which items count. Default: every item (gift lines never count). */
      readonly filter?: ItemFilter;
    }
  | {
      /** A minimum quantity of the (filtered) items. */
      readonly type: 'min_quantity';
      /** The least total quantity of matching items (inclusive); a positive integer. */
      readonly quantity: number;
      /** Which items count. Default: every item (gift lines never count). */
      readonly filter?: ItemFilter;
    }
  | {
      /** At least one matching item in the cart. */
      readonly type: 'items_present';
      /** The items looked for. */
      readonly filter: ItemFilter;
    }
  | {
      /** The customer's groups. */
      readonly type: 'customer_group';
      /** Holds when the customer belongs to at least one of these groups. */
      readonly groups: readonly string[];
    }
  | {
      /** The customer's id. */
      readonly type: 'customer';
      /** Holds when the customer's id is one of these. */
      readonly ids: readonly string[];
    }
  | {
      /** The customer's order count. */
      readonly type: 'nth_order';
      /** Holds when this is the customer's `n`th order (`1` = first): `previousOrders + 1 = n`. A positive integer. */
      readonly n: number;
    }
  | {
      /** The sales channel. */
      readonly type: 'channel';
      /** Holds when `options.channel` is one of these. */
      readonly channels: readonly string[];
    }
  | {
      /** The sales region. */
      readonly type: 'region';
      /** Holds when `options.region` is one of these. */
      readonly regions: readonly string[];
    }
  | {
      /** A time window. */
      readonly type: 'date_window';
      /** Holds when `options.now` is inside this window. */
      readonly window: ValidityWindow;
    }
  | {
      /** A coupon code. */
      readonly type: 'coupon';
      /** Holds when the cart's coupon codes include this one (case-insensitive, trimmed); non-empty. */
      readonly code: string;
    };

/**
 * What a buy-X-get-Y promotion does to each "get" unit.
 *
 * @example
 * ```ts
 * import type { GetDiscount } from 'ordercore/pricing';
 *
 * const halfPrice: GetDiscount = { type: 'percent', percent: '50' };
 * halfPrice.type; //=> 'percent'
 * ```
 */
export type GetDiscount =
  | {
      /** The unit is free. */
      readonly type: 'free';
    }
  | {
      /** A percentage off the unit. */
      readonly type: 'percent';
      /** The percentage off, from 0 to 100 (`'50'` is half price). */
      readonly percent: Rate;
    }
  | {
      /** An amount off the unit. */
      readonly type: 'amount';
      /** The amount off each unit, in the catalog currency; never more than the unit's price. */
      readonly amount: Money;
    };

/**
 * What a promotion gives.
 *
 * Line-level (computed per line, on each line's own amount):
 * - `percent_off_items`: `percent` % off matching lines (on at most `maxQuantity` units per line).
 * - `amount_off_unit`: `amount` off each matching unit (at most `maxQuantity` units per line).
 * - `amount_off_line`: `amount` off each matching line.
 * - `fixed_unit_price`: matching units cost `price` each (never raises a price).
 * - `buy_x_get_y`: for every `buy.quantity` units bought, `get.quantity` units get `get.discount`;
 *   repeated up to `maxApplications` (default: as often as the cart allows); `discounted: 'cheapest'`
 *   discounts the cheapest eligible units, `'dearest'` the dearest; a unit is never both bought and got.
 * - `bundle_price`: each complete set of `items` costs `price` together (up to `maxApplications`).
 *
 * Order-level (one amount, spread over the matching lines by largest remainder):
 * - `percent_off_order`: `percent` % off the matching items' subtotal.
 * - `amount_off_order`: `amount` off the matching items.
 * - `tiered_spend`: the highest tier whose `minSubtotal` the matching items reach gives its `amountOff`.
 *
 * Others:
 * - `shipping_discount`: `percent` % or `amount` off shipping (`percent: '100'` is free shipping).
 * - `free_gift`: adds `quantity` of `sku` as a gift line, fully discounted.
 *
 * @example
 * ```ts
 * import type { PromotionAction } from 'ordercore/pricing';
 *
 * const buy2get1: PromotionAction = {
 *   type: 'buy_x_get_y',
 *   buy: { quantity: 2 },
 *   get: { quantity: 1, discount: { type: 'free' } },
 *   discounted: 'cheapest',
 * };
 * buy2get1.type; //=> 'buy_x_get_y'
 * ```
 */
export type PromotionAction =
  | {
      /** A percentage off matching lines. */
      readonly type: 'percent_off_items';
      /** The percentage off, from 0 to 100 (`'15'` is 15 % off). */
      readonly percent: Rate;
      /** The lines discounted. Default: every line (gift lines never). */
      readonly target?: ItemFilter;
      /** At most this many units discounted per line. Default: all of them. */
      readonly maxQuantity?: number;
    }
  | {
      /** An amount off each matching unit. */
      readonly type: 'amount_off_unit';
      /** The amount off each unit, in the catalog currency. */
      readonly amount: Money;
      /** The lines discounted. Default: every line (gift lines never). */
      readonly target?: ItemFilter;
      /** At most this many units discounted per line. Default: all of them. */
      readonly maxQuantity?: number;
    }
  | {
      /** An amount off each matching line. */
      readonly type: 'amount_off_line';
      /** The amount off each line, whatever its quantity, in the catalog currency. */
      readonly amount: Money;
      /** The lines discounted. Default: every line (gift lines never). */
      readonly target?: ItemFilter;
    }
  | {
      /** A fixed price for each matching unit. */
      readonly type: 'fixed_unit_price';
      /** What each unit costs; a unit already cheaper keeps its price. */
      readonly price: Money;
      /** The lines discounted. Default: every line (gift lines never). */
      readonly target?: ItemFilter;
      /** At most this many units per line get the price. Default: all of them. */
      readonly maxQuantity?: number;
    }
  | {
      /** Buy X, get Y discounted. */
      readonly type: 'buy_x_get_y';
      /** What must be bought for each application. */
      readonly buy: {
        /** The units to buy per application; a positive integer. */
        readonly quantity: number;
        /** Which items count as bought. Default: every item. */
        readonly filter?: ItemFilter;
      };
      /** What is discounted for each application. */
      readonly get: {
        /** The units discounted per application; a positive integer. */
        readonly quantity: number;
        /** Which items can be discounted. Default: every item. */
        readonly filter?: ItemFilter;
        /** What each of those units gets. */
        readonly discount: GetDiscount;
      };
      /** Which eligible units are discounted: the cheapest (default) or the dearest. */
      readonly discounted?: 'cheapest' | 'dearest';
      /** At most this many applications. Default: as many as the cart allows. */
      readonly maxApplications?: number;
    }
  | {
      /** A price for a set of items together. */
      readonly type: 'bundle_price';
      /** The set: each SKU once, with how many units of it one bundle takes. */
      readonly items: readonly {
        /** A SKU in the bundle. */
        readonly sku: string;
        /** The units of it in one bundle; a positive integer. */
        readonly quantity: number;
      }[];
      /** What one complete bundle costs, in the catalog currency. */
      readonly price: Money;
      /** At most this many bundles. Default: as many as the cart allows. */
      readonly maxApplications?: number;
    }
  | {
      /** A percentage off the matching items' subtotal. */
      readonly type: 'percent_off_order';
      /** The percentage off, from 0 to 100. */
      readonly percent: Rate;
      /** The items it applies to. Default: every item (gift lines never). */
      readonly target?: ItemFilter;
    }
  | {
      /** An amount off the matching items. */
      readonly type: 'amount_off_order';
      /** The amount off in total, in the catalog currency; capped at what the items are worth. */
      readonly amount: Money;
      /** The items it applies to. Default: every item (gift lines never). */
      readonly target?: ItemFilter;
    }
  | {
      /** An amount off that grows with the matching items' subtotal. */
      readonly type: 'tiered_spend';
      /** The tiers, in any order. */
      readonly tiers: readonly {
        /** The least subtotal of the matching items that reaches the tier (inclusive). */
        readonly minSubtotal: Money;
        /** The amount off when the tier is reached; among reached tiers, the largest applies. */
        readonly amountOff: Money;
      }[];
      /** The items it applies to. Default: every item (gift lines never). */
      readonly target?: ItemFilter;
    }
  | {
      /** A discount on shipping. Give exactly one of `percent` and `amount`. */
      readonly type: 'shipping_discount';
      /** The percentage off shipping, from 0 to 100 (`'100'` is free shipping). */
      readonly percent?: Rate;
      /** The amount off shipping, capped at the shipping price. */
      readonly amount?: Money;
    }
  | {
      /** A free gift line added to the cart. */
      readonly type: 'free_gift';
      /** The gift's SKU, which must be in the catalog. */
      readonly sku: string;
      /** How many units of it; a positive integer. */
      readonly quantity: number;
    };

/**
 * A promotion: when it applies, what it gives, and how it stacks with others.
 *
 * Stacking, in one sentence each:
 * - promotions run lane by lane (`options.lanes`), and inside a lane by `priority` (higher first), then id;
 * - `base: 'current'` (default) computes on amounts after every promotion applied before it;
 *   `'list'` on the selected prices before any promotion — either way capped so no line goes below zero;
 * - an `exclusive` promotion that applies is the only promotion on the cart;
 * - a promotion in a group listed in another applied promotion's `notCombinableWith` (or vice versa)
 *   is skipped;
 * - in a lane with `mode: 'best_per_item'`, each line keeps only the largest line-level discount of that lane.
 *
 * A promotion is immutable data: `priceCart` validates it, and memoises which catalog SKUs its item
 * filters match, per promotion object for as long as it lives (weakly held). To change a promotion,
 * pass a new object; never edit one in place (a promotion list may be rebuilt freely).
 *
 * @example
 * ```ts
 * import type { Promotion } from 'ordercore/pricing';
 *
 * const welcome: Promotion = {
 *   id: 'welcome10',
 *   condition: { all: [{ type: 'coupon', code: 'WELCOME10' }, { type: 'nth_order', n: 1 }] },
 *   action: { type: 'percent_off_order', percent: '10' },
 *   limits: { maxUsesPerCustomer: 1 },
 * };
 * welcome.id; //=> 'welcome10'
 * ```
 */
export interface Promotion {
  /** A unique id: named in results, the trace and usage intents; the last tie-break. */
  readonly id: string;
  /** A label for receipts. Default: the id. */
  readonly name?: string;
  /** The lane it runs in (one of `options.lanes`). Default: the first lane. */
  readonly lane?: string;
  /** Higher runs first inside its lane. Default 0. */
  readonly priority?: number;
  /** When the promotion is live. Default: always. */
  readonly window?: ValidityWindow;
  /** When it applies. Default: always. */
  readonly condition?: PromotionCondition;
  /** What it gives. */
  readonly action: PromotionAction;
  /** Computed on amounts after earlier promotions (`'current'`, default) or on selected prices (`'list'`). */
  readonly base?: 'current' | 'list';
  /** When it applies, no other promotion does. */
  readonly exclusive?: boolean;
  /** Its combinability group (e.g. `'coupon'`, `'loyalty'`). */
  readonly group?: string;
  /** Groups it does not combine with. */
  readonly notCombinableWith?: readonly string[];
  /** Usage limits and budget, checked against `options.usage`. */
  readonly limits?: {
    /** The most uses by everyone; at `uses ≥ maxUses` it no longer applies. A positive integer. */
    readonly maxUses?: number;
    /** The most uses by one customer; at `customerUses ≥ maxUsesPerCustomer` it no longer applies. */
    readonly maxUsesPerCustomer?: number;
    /** The total discount the promotion may still grant over its life (in the catalog currency). */
    readonly budget?: Money;
  };
}

/**
 * A stacking lane: promotions of a lane run after those of earlier lanes.
 *
 * @example
 * ```ts
 * import type { PromotionLane } from 'ordercore/pricing';
 *
 * const lanes: PromotionLane[] = [{ id: 'catalog', mode: 'best_per_item' }, { id: 'cart' }, { id: 'coupon' }];
 * lanes.length; //=> 3
 * ```
 */
export interface PromotionLane {
  /** The lane id promotions name in `lane`. */
  readonly id: string;
  /** `'stack'` (default): line-level discounts add up; `'best_per_item'`: each line keeps the largest one. */
  readonly mode?: 'stack' | 'best_per_item';
}

/**
 * How often a promotion has been used so far (the host's counters), for limits and budgets.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { PromotionUsage } from 'ordercore/pricing';
 *
 * const usage: PromotionUsage = { promotionId: 'welcome10', uses: 1200, customerUses: 0, budgetSpent: money('950.00', 'USD') };
 * usage.uses; //=> 1200
 * ```
 */
export interface PromotionUsage {
  /** The promotion. */
  readonly promotionId: string;
  /** Uses so far, by everyone. */
  readonly uses?: number;
  /** Uses so far by this cart's customer. */
  readonly customerUses?: number;
  /** Discount granted so far. */
  readonly budgetSpent?: Money;
}
