/**
 * Pricing: price selection (base prices, volume tiers, override and sale price lists, contract
 * prices, manual prices with approval review), promotions (conditions, eleven actions, lanes,
 * exclusivity, combinability, budgets), tax (exclusive or inclusive, rounded per line or per order),
 * shipping, and totals that add up exactly — with a trace of every price and promotion considered.
 * Pure and small enough to run unchanged in a shopper's browser (no zod, no immer).
 *
 * @example
 * ```ts
 * import { money, toDecimal } from 'ordercore/money';
 * import { priceCart } from 'ordercore/pricing';
 *
 * const r = priceCart(
 *   { lines: [{ id: 'l1', sku: 'MUG', quantity: 2 }] },
 *   { currency: 'USD', items: [{ sku: 'MUG' }], basePrices: [{ sku: 'MUG', price: money('8.50', 'USD') }] },
 *   { now: '2026-11-22T10:00:00Z' },
 * );
 * r.ok && toDecimal(r.value.totals.grandTotal); //=> '17.00'
 * ```
 *
 * @module ordercore/pricing
 */

export type { PricingErrorCode } from './errors.js';
export { PRICING_ERROR_CODES, PricingError } from './errors.js';
export { priceCart } from './priceCart.js';
export type {
  Cart,
  CartLine,
  CartTotals,
  Catalog,
  CatalogItem,
  ContractPrice,
  GetDiscount,
  Instant,
  ItemFilter,
  LineDiscount,
  ManualPrice,
  ManualPricePolicy,
  ManualPriceReview,
  PriceCandidate,
  PriceCandidateOutcome,
  PriceConditions,
  PricedCart,
  PricedLine,
  PricedShipping,
  PriceEntry,
  PriceList,
  PriceSource,
  PricingCustomer,
  PricingOptions,
  PricingTrace,
  Promotion,
  PromotionAction,
  PromotionCondition,
  PromotionLane,
  PromotionRejection,
  PromotionTrace,
  PromotionUsage,
  ShippingSelection,
  TaxContext,
  TaxLine,
  TaxRate,
  UsageIntent,
  ValidityWindow,
} from './types.js';
