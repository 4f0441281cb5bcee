import fc from 'fast-check';
import { fromMinor, type Money, ROUNDING_MODES } from '../money/index.js';
import type {
  Cart,
  Catalog,
  CatalogItem,
  ItemFilter,
  PriceEntry,
  PriceList,
  PricingOptions,
  Promotion,
  PromotionAction,
  PromotionCondition,
  TaxContext,
} from '../pricing/index.js';

/**
 * Options for the pricing arbitraries.
 *
 * @example
 * ```ts
 * import type { PricingArbitraryOptions } from 'ordercore/testing';
 *
 * const options: PricingArbitraryOptions = { currency: 'EUR', skus: 6, maxLines: 8 };
 * options.skus; //=> 6
 * ```
 */
export interface PricingArbitraryOptions {
  /** The catalog currency. Default `'USD'`. */
  readonly currency?: string;
  /** How many SKUs the catalog has (`S0`, `S1`, ...). Default 8. */
  readonly skus?: number;
  /** The most lines a cart has. Default 10. */
  readonly maxLines?: number;
  /** The most promotions generated. Default 6. */
  readonly maxPromotions?: number;
  /** The instant `now` is fixed at. Default `'2026-11-22T10:00:00Z'`. */
  readonly now?: string;
}

const CATEGORIES = ['c1', 'c2', 'c3'] as const;
const GROUPS = ['retail', 'vip'] as const;
const COUPONS = ['SAVE', 'WELCOME'] as const;

function settings(options: PricingArbitraryOptions | undefined): Required<PricingArbitraryOptions> {
  return {
    currency: options?.currency ?? 'USD',
    skus: options?.skus ?? 8,
    maxLines: options?.maxLines ?? 10,
    maxPromotions: options?.maxPromotions ?? 6,
    now: options?.now ?? '2026-11-22T10:00:00Z',
  };
}

const skuName = (i: number): string => `S${i}`;

/**
 * A fast-check arbitrary of catalogs: SKUs `S0…`, categories, tax classes, tier groups, tiered base
 * prices, and override and sale price lists with windows around `now`.
 *
 * @param options - {@link PricingArbitraryOptions}.
 * @returns The arbitrary.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { catalogArbitrary } from 'ordercore/testing';
 *
 * const [catalog] = fc.sample(catalogArbitrary({ skus: 3 }), { numRuns: 1, seed: 7 });
 * catalog?.items.map((i) => i.sku); //=> ['S0', 'S1', 'S2']
 * ```
 */
export function catalogArbitrary(options?: PricingArbitraryOptions): fc.Arbitrary<Catalog> {
  const { currency, skus, now } = settings(options);
  const price = (min: number, max: number): fc.Arbitrary<Money> =>
    fc.integer({ min, max }).map((n) => fromMinor(n, currency));
  const item = (i: number): fc.Arbitrary<CatalogItem> =>
    fc
      .record(
        {
          categories: fc.subarray([...CATEGORIES], { minLength: 1 }),
          taxClass: fc.constantFrom('standard', 'reduced'),
          tierGroup: fc.constantFrom('g1', 'g2'),
        },
        { requiredKeys: ['categories'] },
      )
      .map((fields) => ({ sku: skuName(i), ...fields }));
  const basePrices = (i: number): fc.Arbitrary<PriceEntry[]> =>
    fc
      .tuple(
        price(0, 50_000),
        fc.option(fc.tuple(fc.integer({ min: 2, max: 12 }), price(0, 50_000)), { nil: undefined }),
      )
      .map(([p, tier]) => [
        { sku: skuName(i), price: p },
        ...(tier === undefined ? [] : [{ sku: skuName(i), price: tier[1], minQuantity: tier[0] }]),
      ]);
  const nowMs = Date.parse(now);
  const instant = fc
    .constantFrom(-86_400_000, -1, 0, 1, 86_400_000)
    .map((delta) => new Date(nowMs + delta).toISOString());
  const list = (id: string): fc.Arbitrary<PriceList> =>
    fc
      .record(
        {
          kind: fc.constantFrom('override' as const, 'sale' as const),
          priority: fc.integer({ min: 0, max: 3 }),
          window: fc.record({ from: instant, until: instant }, { requiredKeys: [] }),
          conditions: fc.record(
            { customerGroups: fc.subarray([...GROUPS], { minLength: 1 }), channels: fc.constant(['web']) },
            { requiredKeys: [] },
          ),
          prices: fc
            .uniqueArray(fc.integer({ min: 0, max: skus - 1 }), { maxLength: skus })
            .chain((indexes) =>
              fc.tuple(...indexes.map((i) => price(0, 50_000).map((p) => ({ sku: skuName(i), price: p })))),
            ),
        },
        { requiredKeys: ['kind', 'prices'] },
      )
      .map((fields) => ({ id, ...fields }));
  return fc
    .tuple(
      fc.tuple(...Array.from({ length: skus }, (_, i) => item(i))),
      fc.tuple(...Array.from({ length: skus }, (_, i) => basePrices(i))),
      fc
        .array(fc.constantFrom('L1', 'L2', 'L3'), { maxLength: 3 })
        .chain((ids) => fc.tuple(...[...new Set(ids)].map(list))),
    )
    .map(([items, prices, priceLists]) => ({ currency, items, basePrices: prices.flat(), priceLists }));
}

/**
 * A fast-check arbitrary of carts over the catalog's SKUs (`S0…`): unique line ids, quantities
 * 1–20, and sometimes shipping.
 *
 * @param options - {@link PricingArbitraryOptions}.
 * @returns The arbitrary.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { cartArbitrary } from 'ordercore/testing';
 *
 * const carts = fc.sample(cartArbitrary({ skus: 4, maxLines: 3 }), { numRuns: 10, seed: 3 });
 * carts.every((c) => c.lines.length <= 3 && c.lines.every((l) => l.quantity >= 1)); //=> true
 * ```
 */
export function cartArbitrary(options?: PricingArbitraryOptions): fc.Arbitrary<Cart> {
  const { currency, skus, maxLines } = settings(options);
  const line = fc.record({
    sku: fc.integer({ min: 0, max: skus - 1 }).map(skuName),
    quantity: fc.integer({ min: 1, max: 20 }),
  });
  return fc
    .tuple(fc.array(line, { maxLength: maxLines }), fc.option(fc.integer({ min: 0, max: 2_000 }), { nil: undefined }))
    .map(([lines, shipping]) => ({
      lines: lines.map((l, i) => ({ id: `line-${String(i).padStart(3, '0')}`, ...l })),
      ...(shipping === undefined ? {} : { shipping: { method: 'ground', price: fromMinor(shipping, currency) } }),
    }));
}

function filterArbitrary(skus: number): fc.Arbitrary<ItemFilter | undefined> {
  return fc.option(
    fc.record(
      {
        skus: fc.subarray(
          Array.from({ length: skus }, (_, i) => skuName(i)),
          { minLength: 1 },
        ),
        categories: fc.subarray([...CATEGORIES], { minLength: 1 }),
        excludeSkus: fc.subarray(
          Array.from({ length: skus }, (_, i) => skuName(i)),
          { maxLength: 2 },
        ),
      },
      { requiredKeys: [] },
    ),
    { nil: undefined },
  );
}

function conditionArbitrary(currency: string, skus: number): fc.Arbitrary<PromotionCondition> {
  const leaf: fc.Arbitrary<PromotionCondition> = fc.oneof(
    fc
      .integer({ min: 0, max: 100_000 })
      .map((n) => ({ type: 'min_subtotal' as const, amount: fromMinor(n, currency) })),
    fc.integer({ min: 1, max: 10 }).map((quantity) => ({ type: 'min_quantity' as const, quantity })),
    fc.subarray([...GROUPS], { minLength: 1 }).map((groups) => ({ type: 'customer_group' as const, groups })),
    fc.constantFrom(...COUPONS).map((code) => ({ type: 'coupon' as const, code })),
    fc.integer({ min: 1, max: 3 }).map((n) => ({ type: 'nth_order' as const, n })),
    filterArbitrary(skus).map((filter) => ({ type: 'items_present' as const, filter: filter ?? {} })),
  );
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 1, arbitrary: fc.array(leaf, { minLength: 1, maxLength: 3 }).map((all) => ({ all })) },
    { weight: 1, arbitrary: fc.array(leaf, { minLength: 1, maxLength: 3 }).map((any) => ({ any })) },
    { weight: 1, arbitrary: leaf.map((not) => ({ not })) },
  );
}

function actionArbitrary(currency: string, skus: number): fc.Arbitrary<PromotionAction> {
  const money = (max: number): fc.Arbitrary<Money> => fc.integer({ min: 0, max }).map((n) => fromMinor(n, currency));
  const percent = fc.oneof(fc.integer({ min: 0, max: 100 }).map(String), fc.constantFrom('12.5', '33.33', '8.875'));
  const target = filterArbitrary(skus);
  const withTarget = <A extends object>(action: A, t: ItemFilter | undefined): A =>
    t === undefined ? action : { ...action, target: t };
  const sku = fc.integer({ min: 0, max: skus - 1 }).map(skuName);
  return fc.oneof(
    fc
      .tuple(percent, target, fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }))
      .map(([p, t, maxQuantity]) => ({
        ...withTarget({ type: 'percent_off_items' as const, percent: p }, t),
        ...(maxQuantity === undefined ? {} : { maxQuantity }),
      })),
    fc.tuple(money(2_000), target).map(([amount, t]) => withTarget({ type: 'amount_off_unit' as const, amount }, t)),
    fc.tuple(money(5_000), target).map(([amount, t]) => withTarget({ type: 'amount_off_line' as const, amount }, t)),
    fc.tuple(money(20_000), target).map(([price, t]) => withTarget({ type: 'fixed_unit_price' as const, price }, t)),
    fc.tuple(percent, target).map(([p, t]) => withTarget({ type: 'percent_off_order' as const, percent: p }, t)),
    fc.tuple(money(50_000), target).map(([amount, t]) => withTarget({ type: 'amount_off_order' as const, amount }, t)),
    fc.tuple(money(50_000), money(5_000), money(100_000), money(10_000)).map(([a, b, c, d]) => ({
      type: 'tiered_spend' as const,
      tiers: [
        { minSubtotal: a, amountOff: b },
        { minSubtotal: c, amountOff: d },
      ],
    })),
    fc
      .record({
        buy: fc.integer({ min: 1, max: 3 }),
        get: fc.integer({ min: 1, max: 2 }),
        discount: fc.oneof(
          fc.constant({ type: 'free' as const }),
          percent.map((p) => ({ type: 'percent' as const, percent: p })),
          money(3_000).map((amount) => ({ type: 'amount' as const, amount })),
        ),
        discounted: fc.constantFrom('cheapest' as const, 'dearest' as const),
        maxApplications: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
      })
      .map(({ buy, get, discount, discounted, maxApplications }) => ({
        type: 'buy_x_get_y' as const,
        buy: { quantity: buy },
        get: { quantity: get, discount },
        discounted,
        ...(maxApplications === undefined ? {} : { maxApplications }),
      })),
    fc
      .tuple(fc.uniqueArray(sku, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 2 }), money(30_000))
      .map(([bundleSkus, quantity, price]) => ({
        type: 'bundle_price' as const,
        items: bundleSkus.map((s) => ({ sku: s, quantity })),
        price,
      })),
    percent.map((p) => ({ type: 'shipping_discount' as const, percent: p })),
    fc
      .tuple(sku, fc.integer({ min: 1, max: 2 }))
      .map(([s, quantity]) => ({ type: 'free_gift' as const, sku: s, quantity })),
  );
}

/**
 * A fast-check arbitrary of promotion lists over the catalog's SKUs: every action and condition
 * kind, lanes `first` and `second` (use {@link PROMOTION_TEST_LANES}), priorities, exclusivity,
 * combinability groups, both discount bases and budgets. Ids are unique.
 *
 * @param options - {@link PricingArbitraryOptions}.
 * @returns The arbitrary.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { promotionsArbitrary } from 'ordercore/testing';
 *
 * const lists = fc.sample(promotionsArbitrary({ maxPromotions: 4 }), { numRuns: 10, seed: 5 });
 * lists.every((ps) => new Set(ps.map((p) => p.id)).size === ps.length); //=> true
 * ```
 */
export function promotionsArbitrary(options?: PricingArbitraryOptions): fc.Arbitrary<Promotion[]> {
  const { currency, skus, maxPromotions } = settings(options);
  const promotion = fc.record(
    {
      lane: fc.constantFrom('first', 'second'),
      priority: fc.integer({ min: 0, max: 3 }),
      condition: conditionArbitrary(currency, skus),
      action: actionArbitrary(currency, skus),
      base: fc.constantFrom('current' as const, 'list' as const),
      exclusive: fc.boolean(),
      group: fc.constantFrom('g1', 'g2'),
      notCombinableWith: fc.subarray(['g1', 'g2']),
      limits: fc.record({ budget: fc.integer({ min: 0, max: 20_000 }).map((n) => fromMinor(n, currency)) }),
    },
    { requiredKeys: ['action'] },
  );
  return fc
    .array(promotion, { maxLength: maxPromotions })
    .map((list) => list.map((p, i) => ({ id: `promo-${i}`, ...p })));
}

/**
 * The lanes {@link promotionsArbitrary} uses: `first` picks the best line discount per item, `second`
 * stacks. Pass them as `options.lanes` when pricing generated promotions.
 *
 * @example
 * ```ts
 * import { PROMOTION_TEST_LANES } from 'ordercore/testing';
 *
 * PROMOTION_TEST_LANES.map((lane) => lane.id); //=> ['first', 'second']
 * ```
 */
export const PROMOTION_TEST_LANES: NonNullable<PricingOptions['lanes']> = [
  { id: 'first', mode: 'best_per_item' },
  { id: 'second' },
];

/**
 * A fast-check arbitrary of tax contexts in jurisdiction `'J1'`: 0–2 rates for `standard`,
 * `reduced` and `shipping`, inclusive or exclusive, rounded per line or per order, any mode.
 *
 * @returns The arbitrary.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { taxContextArbitrary } from 'ordercore/testing';
 *
 * const [tax] = fc.sample(taxContextArbitrary(), { numRuns: 1, seed: 2 });
 * tax?.jurisdiction; //=> 'J1'
 * ```
 */
export function taxContextArbitrary(): fc.Arbitrary<TaxContext> {
  const rate = fc.oneof(
    fc.integer({ min: 0, max: 30 }).map((n) => `${n}%`),
    fc.constantFrom('8.875%', '0.19', '7.25%', '0.375%'),
  );
  const ratesFor = (taxClass: string) =>
    fc
      .array(rate, { maxLength: 2 })
      .map((rates) => rates.map((r, i) => ({ jurisdiction: 'J1', taxClass, rate: r, name: `${taxClass}-${i}` })));
  return fc
    .record({
      standard: ratesFor('standard'),
      reduced: ratesFor('reduced'),
      shipping: ratesFor('shipping'),
      pricesIncludeTax: fc.boolean(),
      mode: fc.constantFrom(...ROUNDING_MODES),
      level: fc.constantFrom('line' as const, 'total' as const),
    })
    .map(({ standard, reduced, shipping, pricesIncludeTax, mode, level }) => ({
      jurisdiction: 'J1',
      rates: [...standard, ...reduced, ...shipping],
      pricesIncludeTax,
      rounding: { mode, level },
    }));
}

/**
 * Everything `priceCart` takes, generated together: a catalog, a cart over it, and options with
 * promotions, lanes, coupons, a customer and a tax context.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { priceCart } from 'ordercore/pricing';
 * import { pricingScenarioArbitrary } from 'ordercore/testing';
 *
 * const scenarios = fc.sample(pricingScenarioArbitrary(), { numRuns: 5, seed: 11 });
 * scenarios.every((s) => priceCart(s.cart, s.catalog, s.options).ok); //=> true
 * ```
 */
export interface PricingScenario {
  /** The cart. */
  readonly cart: Cart;
  /** The catalog. */
  readonly catalog: Catalog;
  /** The options, `now` included. */
  readonly options: PricingOptions;
}

/**
 * A fast-check arbitrary of complete pricing scenarios (see {@link PricingScenario}); every one of
 * them prices successfully.
 *
 * @param options - {@link PricingArbitraryOptions}.
 * @returns The arbitrary.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { pricingScenarioArbitrary } from 'ordercore/testing';
 *
 * const [scenario] = fc.sample(pricingScenarioArbitrary({ maxLines: 2 }), { numRuns: 1, seed: 4 });
 * (scenario?.cart.lines.length ?? 0) <= 2; //=> true
 * ```
 */
export function pricingScenarioArbitrary(options?: PricingArbitraryOptions): fc.Arbitrary<PricingScenario> {
  const { now } = settings(options);
  return fc
    .record({
      catalog: catalogArbitrary(options),
      cart: cartArbitrary(options),
      promotions: promotionsArbitrary(options),
      tax: fc.option(taxContextArbitrary(), { nil: undefined }),
      groups: fc.subarray([...GROUPS]),
      previousOrders: fc.integer({ min: 0, max: 3 }),
      couponCodes: fc.subarray([...COUPONS, 'save']),
    })
    .map(({ catalog, cart, promotions, tax, groups, previousOrders, couponCodes }) => ({
      catalog,
      cart,
      options: {
        now,
        customer: { id: 'customer-1', groups, previousOrders },
        channel: 'web',
        couponCodes,
        promotions,
        lanes: PROMOTION_TEST_LANES,
        ...(tax === undefined ? {} : { tax }),
      },
    }));
}
