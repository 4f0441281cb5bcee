// fast-check arbitraries for pricing property tests: catalogs (items, tiered base prices, override and
// sale lists with windows around a fixed `now`, conditions and priorities, contracts), carts (tier
// groups, manual prices, shipping), options (customer, channel, region, manual price policy) and tax
// contexts (0–3 components per class, inclusive or exclusive, per line or per order, any mode).
import fc from 'fast-check';
import { type Money, ROUNDING_MODES, type RoundingMode } from '../../src/money/index.js';
import type {
  Cart,
  CartLine,
  Catalog,
  CatalogItem,
  ContractPrice,
  ManualPricePolicy,
  PriceEntry,
  PriceList,
  PricingOptions,
  ShippingSelection,
  TaxContext,
  TaxRate,
  ValidityWindow,
} from '../../src/pricing/index.js';
import { decimalString } from '../money/oracle.js';

/** The instant every scenario is priced at (written in several offsets, always this instant). */
export const NOW = '2026-11-22T10:00:00Z';
export const NOW_MS = Date.parse(NOW);

export const CURRENCIES = ['USD', 'JPY', 'KWD'] as const;
export type TestCurrency = (typeof CURRENCIES)[number];

export const CUSTOMER_GROUPS = ['retail', 'wholesale', 'vip'] as const;
export const CHANNELS = ['web', 'store', 'app'] as const;
export const REGIONS = ['EU', 'US', 'APAC'] as const;
export const CUSTOMER_IDS = ['c1', 'c2', 'c3'] as const;
/** SKUs include names that are special on plain objects: pricing must treat them as data. */
export const SKU_POOL = ['A', 'B', 'C', 'D', 'E', 'F', '__proto__', 'toString'] as const;
/** Item tax classes: 'exempt' never has a rate, so it is always untaxed. */
export const ITEM_TAX_CLASSES = ['standard', 'reduced', 'books', 'exempt'] as const;
/** Classes that may carry rates in the tax context. */
export const RATED_CLASSES = ['standard', 'reduced', 'books', 'shipping'] as const;
export const JURISDICTION = 'J1';
const TIER_GROUPS = ['g1', 'g2'] as const;
const LIST_IDS = ['L0', 'L1', 'L2', 'L3', 'L4', 'L5'] as const;
const CONTRACT_IDS = ['K0', 'K1', 'K2', 'K3'] as const;
const RATE_NAMES = ['State', 'County', 'City', 'District', 'VAT'] as const;

/** `arbitrary` with weight `present`, `undefined` with weight `absent`. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>, present: number, absent = 1): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: present, arbitrary }, { weight: absent, arbitrary: fc.constant(undefined) });
}

/** A scenario: everything `priceCart` takes. */
export interface Scenario {
  readonly cart: Cart;
  readonly catalog: Catalog;
  readonly options: PricingOptions;
}

/** Writes an instant as ISO 8601 in the given offset (minutes east of UTC), with milliseconds when needed. */
export function formatInstant(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const fraction = local.getUTCMilliseconds() === 0 ? '' : `.${pad(local.getUTCMilliseconds(), 3)}`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = offsetMinutes === 0 ? 'Z' : `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${fraction}${offset}`
  );
}

const OFFSETS = [0, 60, -300, 330, 345, 840, -720] as const;
const DAY = 86_400_000;
/** Distances from `now`, including the boundaries that decide half-open windows. */
const DELTAS = [-30 * DAY, -DAY, -3_600_000, -1_000, -1, 0, 1, 1_000, 3_600_000, DAY, 30 * DAY] as const;

const instantAt = (deltas: readonly number[]): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom(...deltas), fc.constantFrom(...OFFSETS))
    .map(([delta, offset]) => formatInstant(NOW_MS + delta, offset));

/** An instant near `now`, in one of several offsets. */
export const instantNearNow: fc.Arbitrary<string> = instantAt(DELTAS);

/** `now` itself, written in one of several offsets. */
export const nowArb: fc.Arbitrary<string> = fc.constantFrom(...OFFSETS).map((offset) => formatInstant(NOW_MS, offset));

/** Validity windows: one containing `now` (bounds included) twice as often as any window at all. */
export const windowArb: fc.Arbitrary<ValidityWindow> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record(
      { from: instantAt(DELTAS.filter((d) => d <= 0)), until: instantAt(DELTAS.filter((d) => d > 0)) },
      { requiredKeys: [], noNullPrototype: true },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({ from: instantNearNow, until: instantNearNow }, { requiredKeys: [], noNullPrototype: true }),
  },
);

/** A condition's values: mostly non-empty, sometimes empty (which matches nobody). */
const conditionValues = <T>(values: readonly T[]): fc.Arbitrary<T[]> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.subarray([...values], { minLength: 1 }) },
    { weight: 1, arbitrary: fc.constant<T[]>([]) },
  );

/** Conditions with 0–3 dimensions. */
export const conditionsArb = fc.record(
  {
    customerGroups: conditionValues(CUSTOMER_GROUPS),
    channels: conditionValues(CHANNELS),
    regions: conditionValues(REGIONS),
  },
  { requiredKeys: [], noNullPrototype: true },
);

/** Minor-unit prices in 0..10^7, biased towards small values, ties and the bounds. */
export const priceAmount: fc.Arbitrary<number> = fc.oneof(
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 40 }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 2_000 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 10_000_000 }) },
  { weight: 2, arbitrary: fc.constantFrom(0, 1, 100, 500, 1_000, 10_000_000) },
);

/** Prices that are multiples of 1000 minor units (so per-mille rates give exact taxes). */
export const roundPriceAmount: fc.Arbitrary<number> = fc.integer({ min: 0, max: 10_000 }).map((m) => m * 1_000);

/**
 * Tax rate strings of at most 30 % each (at most 90 % for three components): realistic rates, percentages,
 * plain decimals with up to 6 decimals, zero.
 */
export const taxRateString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 30 }).map((k) => `${k}%`) },
  {
    weight: 3,
    arbitrary: fc
      .integer({ min: 1, max: 6 })
      .chain((scale) => fc.integer({ min: 0, max: 3 * 10 ** (scale - 1) }).map((c) => decimalString(BigInt(c), scale))),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom('8.875%', '0.04', '4.5%', '0.0025', '19%', '7.7%', '0', '0%', '0.2', '25%', '1e-1'),
  },
);

/** Tax rates of any size, up to 3000 %: exercises inclusive tax with rates above 100 %. */
export const anyTaxRateString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: taxRateString },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 3_000_000 }), fc.integer({ min: 3, max: 6 }))
      .map(([c, s]) => decimalString(BigInt(c), s)),
  },
  { weight: 1, arbitrary: fc.constantFrom('1', '1.5', '9', '30', '250%') },
);

/** Per-mille rates (k / 1000, k ≤ 300): with prices that are multiples of 1000, every tax is exact. */
export const perMilleRateString: fc.Arbitrary<string> = fc
  .integer({ min: 0, max: 300 })
  .map((k) => decimalString(BigInt(k), 3));

export const roundingModeArb: fc.Arbitrary<RoundingMode> = fc.constantFrom(...ROUNDING_MODES);

export interface TaxContextConstraints {
  /** The rate strings. Default {@link taxRateString}. */
  readonly rate?: fc.Arbitrary<string>;
  /** Force inclusive (`true`) or exclusive (`false`) prices. Default: either. */
  readonly pricesIncludeTax?: boolean;
  /** Force a rounding level. Default: either. */
  readonly level?: 'line' | 'total';
}

/** A tax context in jurisdiction J1: 0–3 components per rated class, plus rates of another jurisdiction. */
export function taxContextArb(constraints: TaxContextConstraints = {}): fc.Arbitrary<TaxContext> {
  const rate = constraints.rate ?? taxRateString;
  const component = (jurisdiction: fc.Arbitrary<string>, taxClass: string): fc.Arbitrary<TaxRate> =>
    fc.record(
      { jurisdiction, taxClass: fc.constant(taxClass), rate, name: fc.constantFrom(...RATE_NAMES) },
      { requiredKeys: ['jurisdiction', 'taxClass', 'rate'], noNullPrototype: true },
    );
  const own = fc.tuple(
    ...RATED_CLASSES.map((taxClass) => fc.array(component(fc.constant(JURISDICTION), taxClass), { maxLength: 3 })),
  );
  const elsewhere = fc.array(
    fc.constantFrom(...RATED_CLASSES).chain((taxClass) => component(fc.constant('J2'), taxClass)),
    { maxLength: 2 },
  );
  return fc
    .record({
      rates: fc
        .tuple(own, elsewhere)
        .map(([groups, others]) => [...groups.flat(), ...others])
        .chain((all) => fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length })),
      pricesIncludeTax:
        constraints.pricesIncludeTax === undefined ? fc.boolean() : fc.constant(constraints.pricesIncludeTax),
      mode: roundingModeArb,
      level: constraints.level === undefined ? fc.constantFrom('line', 'total') : fc.constant(constraints.level),
      shippingTaxClass: fc.option(fc.constantFrom('shipping', 'standard', 'exempt'), { nil: undefined }),
    })
    .map(
      ({ rates, pricesIncludeTax, mode, level, shippingTaxClass }): TaxContext => ({
        jurisdiction: JURISDICTION,
        rates,
        pricesIncludeTax,
        rounding: { mode, level },
        ...(shippingTaxClass === undefined ? {} : { shippingTaxClass }),
      }),
    );
}

export interface CatalogConstraints {
  /** Minor-unit amounts of every price. Default {@link priceAmount}. */
  readonly price?: fc.Arbitrary<number>;
  /** Generate price lists and contracts (default true). */
  readonly lists?: boolean;
}

/**
 * A catalog of 1–6 SKUs. Every SKU has a base price from quantity 1, so every cart of these SKUs can
 * be priced; further tiers, price lists and contracts come on top, in random order.
 */
export function catalogArb(currency: string, constraints: CatalogConstraints = {}): fc.Arbitrary<Catalog> {
  const price = (constraints.price ?? priceAmount).map((amount): Money => ({ amount, currency }));
  const withLists = constraints.lists ?? true;
  // Few SKUs more often than many, so that lists, contracts and tiers compete for the same SKU.
  const skuSets = fc.oneof(
    { weight: 3, arbitrary: fc.uniqueArray(fc.constantFrom(...SKU_POOL), { minLength: 1, maxLength: 3 }) },
    { weight: 1, arbitrary: fc.uniqueArray(fc.constantFrom(...SKU_POOL), { minLength: 1, maxLength: 6 }) },
  );
  return skuSets.chain((skus) => {
    const sku = fc.constantFrom(...skus);
    const minQuantity = fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: 1, max: 5 }) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 60 }) },
    );
    const entry: fc.Arbitrary<PriceEntry> = fc.record(
      { sku, price, minQuantity },
      { requiredKeys: ['sku', 'price'], noNullPrototype: true },
    );
    const items: fc.Arbitrary<CatalogItem[]> = fc.tuple(
      ...skus.map((s) =>
        fc.record(
          {
            sku: fc.constant(s),
            categories: fc.subarray(['kitchen', 'apparel', 'books']),
            taxClass: fc.constantFrom(...ITEM_TAX_CLASSES),
            tierGroup: fc.constantFrom(...TIER_GROUPS),
          },
          { requiredKeys: ['sku'], noNullPrototype: true },
        ),
      ),
    );
    const firstTiers: fc.Arbitrary<PriceEntry[]> = fc.tuple(
      ...skus.map((s) =>
        fc.record(
          { sku: fc.constant(s), price, minQuantity: fc.constant(1) },
          { requiredKeys: ['sku', 'price'], noNullPrototype: true },
        ),
      ),
    );
    const list: fc.Arbitrary<PriceList> = fc
      .record({
        id: fc.constantFrom(...LIST_IDS),
        kind: fc.constantFrom('override', 'sale'),
        priority: sometimes(fc.integer({ min: -1, max: 2 }), 3),
        window: sometimes(windowArb, 1),
        conditions: sometimes(conditionsArb, 1, 2),
        prices: fc.array(entry, { minLength: 1, maxLength: 5 }),
      })
      .map(({ id, kind, priority, window, conditions, prices }) => ({
        id,
        kind,
        ...(priority === undefined ? {} : { priority }),
        ...(window === undefined ? {} : { window }),
        ...(conditions === undefined ? {} : { conditions }),
        prices,
      }));
    const contract: fc.Arbitrary<ContractPrice> = fc.record(
      {
        id: fc.constantFrom(...CONTRACT_IDS),
        customerId: fc.constantFrom(...CUSTOMER_IDS),
        sku,
        price,
        minQuantity,
        window: windowArb,
      },
      { requiredKeys: ['id', 'customerId', 'sku', 'price'], noNullPrototype: true },
    );
    return fc
      .record({
        items,
        basePrices: fc
          .tuple(firstTiers, fc.array(entry, { maxLength: 6 }))
          .map(([first, more]) => [...first, ...more])
          .chain((all) => fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length })),
        priceLists: withLists
          ? sometimes(fc.uniqueArray(list, { selector: (l) => l.id, maxLength: 5 }), 4)
          : fc.constant(undefined),
        contracts: withLists
          ? sometimes(fc.uniqueArray(contract, { selector: (k) => k.id, maxLength: 3 }), 2)
          : fc.constant(undefined),
      })
      .map(
        ({ items: catalogItems, basePrices, priceLists, contracts }): Catalog => ({
          currency,
          items: catalogItems,
          basePrices,
          ...(priceLists === undefined ? {} : { priceLists }),
          ...(contracts === undefined ? {} : { contracts }),
        }),
      );
  });
}

/** Line ids: short readable ones, and arbitrary strings (ordering is by UTF-16 code units). */
const lineId = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7', 'l8', 'l9', 'l10') },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 3, unit: 'binary' }) },
);

export interface CartConstraints {
  /** Minor-unit amounts of manual and shipping prices. Default {@link priceAmount}. */
  readonly price?: fc.Arbitrary<number>;
  /** Allow manual prices (default true). */
  readonly manualPrices?: boolean;
}

/** A cart of 1–8 lines of the catalog's SKUs (quantities 1..50), maybe manual prices, maybe shipping. */
export function cartArb(catalog: Catalog, constraints: CartConstraints = {}): fc.Arbitrary<Cart> {
  const currency = catalog.currency;
  const price = (constraints.price ?? priceAmount).map((amount): Money => ({ amount, currency }));
  const skus = catalog.items.map((item) => item.sku);
  const manualPrice = fc.record(
    { price, reason: fc.constantFrom('price match', 'goodwill', 'damaged box'), approvedBy: fc.constant('mgr-1') },
    { requiredKeys: ['price', 'reason'], noNullPrototype: true },
  );
  const line = (id: string): fc.Arbitrary<CartLine> =>
    fc
      .record({
        sku: fc.constantFrom(...skus),
        quantity: fc.integer({ min: 1, max: 50 }),
        manualPrice: constraints.manualPrices === false ? fc.constant(undefined) : sometimes(manualPrice, 1, 5),
      })
      .map(({ sku, quantity, manualPrice: manual }) => ({
        id,
        sku,
        quantity,
        ...(manual === undefined ? {} : { manualPrice: manual }),
      }));
  const shipping: fc.Arbitrary<ShippingSelection> = fc.record(
    {
      method: fc.constantFrom('ground', 'express'),
      price,
      taxClass: fc.constantFrom('shipping', 'standard', 'exempt'),
    },
    { requiredKeys: ['method', 'price'], noNullPrototype: true },
  );
  return fc
    .record({
      lines: fc
        .uniqueArray(lineId, { minLength: 1, maxLength: 8 })
        .chain((ids) => fc.tuple(...ids.map((id) => line(id)))),
      shipping: fc.option(shipping, { nil: undefined }),
    })
    .map(({ lines, shipping: selection }) => ({
      lines,
      ...(selection === undefined ? {} : { shipping: selection }),
    }));
}

export interface OptionsConstraints {
  /** Tax: always, never, or either (default). */
  readonly tax?: 'always' | 'never' | 'maybe';
  readonly taxContext?: TaxContextConstraints;
  /** Generate a manual price policy (default true). */
  readonly policy?: boolean;
}

/** Options: `now` in some offset, maybe a customer, channel, region, tax context and manual price policy. */
export function optionsArb(currency: string, constraints: OptionsConstraints = {}): fc.Arbitrary<PricingOptions> {
  const taxMode = constraints.tax ?? 'maybe';
  const tax =
    taxMode === 'never'
      ? fc.constant(undefined)
      : taxMode === 'always'
        ? taxContextArb(constraints.taxContext)
        : sometimes(taxContextArb(constraints.taxContext), 3);
  const policy: fc.Arbitrary<ManualPricePolicy | undefined> =
    constraints.policy === false
      ? fc.constant(undefined)
      : fc.option(
          fc.record(
            {
              maxDiscountPercent: fc.constantFrom('0', '10', '12.5', '50', '100'),
              maxDiscountAmount: priceAmount.map((amount): Money => ({ amount, currency })),
            },
            { requiredKeys: [], noNullPrototype: true },
          ),
          { nil: undefined },
        );
  return fc
    .record({
      now: nowArb,
      customer: sometimes(
        fc.record(
          { id: fc.constantFrom(...CUSTOMER_IDS), groups: fc.subarray([...CUSTOMER_GROUPS]) },
          { requiredKeys: [], noNullPrototype: true },
        ),
        3,
      ),
      channel: sometimes(fc.constantFrom(...CHANNELS), 3),
      region: sometimes(fc.constantFrom(...REGIONS), 3),
      tax,
      manualPricePolicy: policy,
    })
    .map(
      ({ now, customer, channel, region, tax: context, manualPricePolicy }): PricingOptions => ({
        now,
        ...(customer === undefined ? {} : { customer }),
        ...(channel === undefined ? {} : { channel }),
        ...(region === undefined ? {} : { region }),
        ...(context === undefined ? {} : { tax: context }),
        ...(manualPricePolicy === undefined ? {} : { manualPricePolicy }),
      }),
    );
}

export interface ScenarioConstraints extends OptionsConstraints {
  readonly currency?: fc.Arbitrary<string>;
  readonly price?: fc.Arbitrary<number>;
  readonly lists?: boolean;
  readonly manualPrices?: boolean;
}

/** A priceable scenario: a catalog, a cart of its SKUs and options. */
export function scenarioArb(constraints: ScenarioConstraints = {}): fc.Arbitrary<Scenario> {
  const currency = constraints.currency ?? fc.constantFrom(...CURRENCIES);
  const price = constraints.price ?? priceAmount;
  return currency.chain((code) =>
    catalogArb(code, {
      price,
      ...(constraints.lists === undefined ? {} : { lists: constraints.lists }),
    }).chain((catalog) =>
      fc.record(
        {
          catalog: fc.constant(catalog),
          cart: cartArb(catalog, {
            price,
            ...(constraints.manualPrices === undefined ? {} : { manualPrices: constraints.manualPrices }),
          }),
          options: optionsArb(code, constraints),
        },
        { noNullPrototype: true },
      ),
    ),
  );
}

/** A deterministic pseudo-random permutation (mulberry32-driven Fisher–Yates) of a copy of `items`. */
export function permute<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Object.freeze, all the way down. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}
