import * as z from 'zod';
import type { ValidationError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import { rate } from '../money/rate.js';
import type { Money, Rate } from '../money/types.js';
import type {
  Cart,
  Catalog,
  ItemFilter,
  PricingOptions,
  Promotion,
  PromotionAction,
  PromotionCondition,
  ValidityWindow,
} from '../pricing/types.js';
import { instantSchema } from './dates.js';
import { currencyCodeSchema, moneySnapshotSchema, rateSchema, roundingModeSchema } from './money.js';
import { parseInput } from './parse.js';
import { isPlainObject, plainObject } from './plainObject.js';

// Limits. They bound the work a hostile input can cause; each is far above what a real cart,
// catalog or promotion set needs, and each is named in the TSDoc of the exports it applies to.
const MAX_LINES = 10_000;
const MAX_CATALOG_ENTRIES = 100_000;
const MAX_PRICE_LISTS = 10_000;
const MAX_PROMOTIONS = 10_000;
const MAX_TAX_RATES = 100_000;
const MAX_FILTER_SKUS = 10_000;
const MAX_SMALL_LIST = 1_000;
const MAX_LANES = 100;
const MAX_ID_LENGTH = 1_000;
const MAX_TEXT_LENGTH = 10_000;
// The same limit `priceCart` enforces: the top-level condition is depth 0.
const MAX_CONDITION_DEPTH = 32;

/** The exact value of a rate the schema already accepted, or `undefined` when it did not. */
function exactRate(value: Rate): { coefficient: bigint; scale: number } | undefined {
  let decimal: string;
  try {
    decimal = rate(value).decimal;
  } catch {
    return undefined;
  }
  // A normalised plain decimal ('-0.08875', '12'): its digits over 10^(digits after the point).
  const [whole = '0', fraction = ''] = decimal.split('.');
  return { coefficient: BigInt(whole + fraction), scale: fraction.length };
}

const idSchema = z.string().min(1).max(MAX_ID_LENGTH);
const idsSchema = z.array(idSchema).max(MAX_SMALL_LIST);
const skusSchema = z.array(idSchema).max(MAX_FILTER_SKUS);
// Pricing trims reasons and coupon codes; a blank one is refused there too.
const nonBlankSchema = (max: number) => z.string().max(max).regex(/\S/, 'must not be blank');
const positiveIntSchema = z.int().min(1);
const nonNegativeIntSchema = z.int().min(0);

const amountSchema: z.ZodType<Money, unknown> = moneySnapshotSchema.refine((money) => money.amount >= 0, {
  message: 'must not be negative',
  path: ['amount'],
  params: { code: 'too_small' },
});

const nonNegativeRateSchema: z.ZodType<Rate, unknown> = rateSchema.refine(
  (value) => (exactRate(value)?.coefficient ?? 0n) >= 0n,
  { message: 'must not be negative', params: { code: 'too_small' } },
);

// A percentage, as pricing reads it: `rate(value).decimal` is the number of percent ('15' is 15 %).
const percentSchema: z.ZodType<Rate, unknown> = nonNegativeRateSchema.refine(
  (value) => {
    const exact = exactRate(value);
    return exact === undefined || exact.coefficient <= 100n * 10n ** BigInt(exact.scale);
  },
  { message: 'a percentage must be between 0 and 100', params: { code: 'too_big' } },
);

const windowSchema: z.ZodType<ValidityWindow, unknown> = plainObject({
  from: instantSchema.exactOptional(),
  until: instantSchema.exactOptional(),
});

// A plain-object guard in front of a discriminated union: zod's discriminated unions need their
// options to be plain `z.strictObject`s, so the `plainObject` check moves up to the union.
const plainInput = z.custom<Record<string, unknown>>(isPlainObject, {
  message: 'expected a plain object',
  params: { code: 'invalid_type' },
});

// ---- catalog ----------------------------------------------------------------------------------

const priceEntrySchema = plainObject({
  sku: idSchema,
  price: amountSchema,
  minQuantity: positiveIntSchema.exactOptional(),
});

const catalogItemSchema = plainObject({
  sku: idSchema,
  categories: idsSchema.exactOptional(),
  taxClass: idSchema.exactOptional(),
  tierGroup: idSchema.exactOptional(),
});

const priceListSchema = plainObject({
  id: idSchema,
  kind: z.enum(['override', 'sale']),
  priority: z.number().exactOptional(),
  window: windowSchema.exactOptional(),
  conditions: plainObject({
    customerGroups: idsSchema.exactOptional(),
    channels: idsSchema.exactOptional(),
    regions: idsSchema.exactOptional(),
  }).exactOptional(),
  prices: z.array(priceEntrySchema).max(MAX_CATALOG_ENTRIES),
});

const contractPriceSchema = plainObject({
  id: idSchema,
  customerId: idSchema,
  sku: idSchema,
  price: amountSchema,
  minQuantity: positiveIntSchema.exactOptional(),
  window: windowSchema.exactOptional(),
});

/**
 * A `Catalog` whose prices are JSON money snapshots (`{ amount: '8.50', currency: 'USD' }`), parsed
 * into one with `Money` prices. Prices must not be negative; tiers (`minQuantity`) are positive
 * integers; SKUs and ids are non-empty strings of at most 1,000 characters. At most 100,000 items,
 * base prices, contract prices and prices per list, and 10,000 price lists. Whether every price is in
 * the catalog currency and every SKU unique is left to `priceCart`, which reports it with the field.
 *
 * @example
 * ```ts
 * import { catalogSchema } from 'ordercore/schemas';
 *
 * const catalog = catalogSchema.parse({
 *   currency: 'USD',
 *   items: [{ sku: 'MUG', categories: ['kitchen'] }],
 *   basePrices: [{ sku: 'MUG', price: { amount: '8.50', currency: 'USD' } }],
 * });
 * catalog.basePrices[0]?.price; //=> { amount: 850, currency: 'USD' }
 * catalogSchema.safeParse({ currency: 'USD', items: [], basePrices: [], extra: true }).success; //=> false
 * ```
 */
export const catalogSchema: z.ZodType<Catalog, unknown> = plainObject({
  currency: currencyCodeSchema,
  items: z.array(catalogItemSchema).max(MAX_CATALOG_ENTRIES),
  basePrices: z.array(priceEntrySchema).max(MAX_CATALOG_ENTRIES),
  priceLists: z.array(priceListSchema).max(MAX_PRICE_LISTS).exactOptional(),
  contracts: z.array(contractPriceSchema).max(MAX_CATALOG_ENTRIES).exactOptional(),
});

// ---- cart -------------------------------------------------------------------------------------

const cartLineSchema = plainObject({
  id: idSchema,
  sku: idSchema,
  quantity: positiveIntSchema,
  manualPrice: plainObject({
    price: amountSchema,
    reason: nonBlankSchema(MAX_TEXT_LENGTH),
    approvedBy: idSchema.exactOptional(),
  }).exactOptional(),
});

/**
 * A `Cart` whose money is in JSON snapshot form, parsed into one with `Money`: at most 10,000 lines,
 * each with a non-empty id and SKU, a positive safe-integer quantity and, optionally, a manual price
 * with a non-blank reason; optionally the shipping chosen. Unique line ids and known SKUs are
 * `priceCart`'s to check, against the catalog.
 *
 * @example
 * ```ts
 * import { cartSchema } from 'ordercore/schemas';
 *
 * const cart = cartSchema.parse({ lines: [{ id: 'l1', sku: 'MUG', quantity: 2 }] });
 * cart.lines[0]?.quantity; //=> 2
 * cartSchema.safeParse({ lines: [{ id: 'l1', sku: 'MUG', quantity: -1 }] }).success; //=> false
 * ```
 */
export const cartSchema: z.ZodType<Cart, unknown> = plainObject({
  lines: z.array(cartLineSchema).max(MAX_LINES),
  shipping: plainObject({
    method: idSchema,
    price: amountSchema,
    taxClass: idSchema.exactOptional(),
  }).exactOptional(),
});

// ---- promotions -------------------------------------------------------------------------------

const itemFilterSchema: z.ZodType<ItemFilter, unknown> = plainObject({
  skus: skusSchema.exactOptional(),
  categories: idsSchema.exactOptional(),
  excludeSkus: skusSchema.exactOptional(),
  excludeCategories: idsSchema.exactOptional(),
});

const leafConditionSchema = plainInput.pipe(
  z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('min_subtotal'),
      amount: amountSchema,
      filter: itemFilterSchema.exactOptional(),
    }),
    z.strictObject({
      type: z.literal('min_quantity'),
      quantity: positiveIntSchema,
      filter: itemFilterSchema.exactOptional(),
    }),
    z.strictObject({ type: z.literal('items_present'), filter: itemFilterSchema }),
    z.strictObject({ type: z.literal('customer_group'), groups: idsSchema }),
    z.strictObject({ type: z.literal('customer'), ids: idsSchema }),
    z.strictObject({ type: z.literal('nth_order'), n: positiveIntSchema }),
    z.strictObject({ type: z.literal('channel'), channels: idsSchema }),
    z.strictObject({ type: z.literal('region'), regions: idsSchema }),
    z.strictObject({ type: z.literal('date_window'), window: windowSchema }),
    z.strictObject({ type: z.literal('coupon'), code: nonBlankSchema(MAX_ID_LENGTH) }),
  ]),
);

const tooDeepSchema = z.custom<PromotionCondition>(() => false, {
  message: `conditions nest deeper than ${MAX_CONDITION_DEPTH} levels`,
  params: { code: 'too_deep' },
});

// One schema per depth, built on first use: zod has no parse context to count depth in, so the
// depth is in the schema. Past the limit the schema refuses without looking inside, which is what
// keeps a hostile 10,000-deep `not` chain (or a cyclic object) from exhausting the stack.
const conditionSchemas: z.ZodType<PromotionCondition, unknown>[] = [];

function conditionAt(depth: number): z.ZodType<PromotionCondition, unknown> {
  let schema = conditionSchemas[depth];
  if (schema === undefined) {
    schema = depth > MAX_CONDITION_DEPTH ? tooDeepSchema : combinatorOrLeaf(depth);
    conditionSchemas[depth] = schema;
  }
  return schema;
}

function combinatorOrLeaf(depth: number): z.ZodType<PromotionCondition, unknown> {
  const child = z.lazy(() => conditionAt(depth + 1));
  const children = z.array(child).max(MAX_SMALL_LIST);
  const all = plainObject({ all: children });
  const any = plainObject({ any: children });
  const not = plainObject({ not: child });
  // `all`/`any`/`not` carry no `type`, so a discriminated union cannot pick them; a plain union would
  // report a bad nested field as `invalid_union` on the whole condition. Picking the branch by key
  // first keeps every issue's path exact.
  return z.transform((input: unknown, context): PromotionCondition => {
    const branch = !isPlainObject(input)
      ? leafConditionSchema
      : Object.hasOwn(input, 'all')
        ? all
        : Object.hasOwn(input, 'any')
          ? any
          : Object.hasOwn(input, 'not')
            ? not
            : leafConditionSchema;
    const parsed = branch.safeParse(input);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) context.issues.push({ ...issue, input: undefined });
    return z.NEVER;
  });
}

const getDiscountSchema = plainInput.pipe(
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('free') }),
    z.strictObject({ type: z.literal('percent'), percent: percentSchema }),
    z.strictObject({ type: z.literal('amount'), amount: amountSchema }),
  ]),
);

const actionSchema: z.ZodType<PromotionAction, unknown> = plainInput.pipe(
  z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('percent_off_items'),
      percent: percentSchema,
      target: itemFilterSchema.exactOptional(),
      maxQuantity: positiveIntSchema.exactOptional(),
    }),
    z.strictObject({
      type: z.literal('amount_off_unit'),
      amount: amountSchema,
      target: itemFilterSchema.exactOptional(),
      maxQuantity: positiveIntSchema.exactOptional(),
    }),
    z.strictObject({
      type: z.literal('amount_off_line'),
      amount: amountSchema,
      target: itemFilterSchema.exactOptional(),
    }),
    z.strictObject({
      type: z.literal('fixed_unit_price'),
      price: amountSchema,
      target: itemFilterSchema.exactOptional(),
      maxQuantity: positiveIntSchema.exactOptional(),
    }),
    z.strictObject({
      type: z.literal('buy_x_get_y'),
      buy: plainObject({ quantity: positiveIntSchema, filter: itemFilterSchema.exactOptional() }),
      get: plainObject({
        quantity: positiveIntSchema,
        filter: itemFilterSchema.exactOptional(),
        discount: getDiscountSchema,
      }),
      discounted: z.enum(['cheapest', 'dearest']).exactOptional(),
      maxApplications: positiveIntSchema.exactOptional(),
    }),
    z.strictObject({
      type: z.literal('bundle_price'),
      items: z
        .array(plainObject({ sku: idSchema, quantity: positiveIntSchema }))
        .min(1)
        .max(MAX_SMALL_LIST),
      price: amountSchema,
      maxApplications: positiveIntSchema.exactOptional(),
    }),
    z.strictObject({
      type: z.literal('percent_off_order'),
      percent: percentSchema,
      target: itemFilterSchema.exactOptional(),
    }),
    z.strictObject({
      type: z.literal('amount_off_order'),
      amount: amountSchema,
      target: itemFilterSchema.exactOptional(),
    }),
    z.strictObject({
      type: z.literal('tiered_spend'),
      tiers: z
        .array(plainObject({ minSubtotal: amountSchema, amountOff: amountSchema }))
        .min(1)
        .max(MAX_SMALL_LIST),
      target: itemFilterSchema.exactOptional(),
    }),
    z
      .strictObject({
        type: z.literal('shipping_discount'),
        percent: percentSchema.exactOptional(),
        amount: amountSchema.exactOptional(),
      })
      .refine((action) => (action.percent === undefined) !== (action.amount === undefined), {
        message: 'give exactly one of percent and amount',
        params: { code: 'exactly_one_of' },
      }),
    z.strictObject({ type: z.literal('free_gift'), sku: idSchema, quantity: positiveIntSchema }),
  ]),
);

/**
 * A `Promotion` with its money in JSON snapshot form, parsed into one with `Money`. The condition
 * tree (`all`/`any`/`not` over typed leaves) may nest at most 32 levels, as in `priceCart`, and a
 * deeper one is refused with code `too_deep` without being read further; `all`/`any` take at most
 * 1,000 conditions. Actions and leaf conditions are told apart by `type` (an unknown one is
 * `invalid_union` at `type`); percentages are between 0 and 100, amounts never negative, counts
 * positive integers. Lanes, catalog SKUs and currencies are `priceCart`'s to check.
 *
 * @example
 * ```ts
 * import { promotionSchema } from 'ordercore/schemas';
 *
 * const promotion = promotionSchema.parse({
 *   id: 'ten-off',
 *   condition: { not: { type: 'customer_group', groups: ['staff'] } },
 *   action: { type: 'percent_off_order', percent: '10' },
 * });
 * promotion.action; //=> { type: 'percent_off_order', percent: '10' }
 * promotionSchema.safeParse({ id: 'x', action: { type: 'percent_off_order', percent: '110' } }).success; //=> false
 * ```
 */
export const promotionSchema: z.ZodType<Promotion, unknown> = plainObject({
  id: idSchema,
  name: z.string().max(MAX_TEXT_LENGTH).exactOptional(),
  lane: idSchema.exactOptional(),
  priority: z.number().exactOptional(),
  window: windowSchema.exactOptional(),
  condition: conditionAt(0).exactOptional(),
  action: actionSchema,
  base: z.enum(['current', 'list']).exactOptional(),
  exclusive: z.boolean().exactOptional(),
  group: idSchema.exactOptional(),
  notCombinableWith: idsSchema.exactOptional(),
  limits: plainObject({
    maxUses: positiveIntSchema.exactOptional(),
    maxUsesPerCustomer: positiveIntSchema.exactOptional(),
    budget: amountSchema.exactOptional(),
  }).exactOptional(),
});

const promotionsSchema: z.ZodType<readonly Promotion[], unknown> = z.array(promotionSchema).max(MAX_PROMOTIONS);

// ---- options ----------------------------------------------------------------------------------

const taxContextSchema = plainObject({
  jurisdiction: idSchema,
  rates: z
    .array(
      plainObject({
        jurisdiction: idSchema,
        taxClass: idSchema,
        rate: nonNegativeRateSchema,
        name: z.string().max(MAX_TEXT_LENGTH).exactOptional(),
      }),
    )
    .max(MAX_TAX_RATES),
  pricesIncludeTax: z.boolean(),
  rounding: plainObject({ mode: roundingModeSchema, level: z.enum(['line', 'total']) }),
  shippingTaxClass: idSchema.exactOptional(),
});

/**
 * `PricingOptions` with money in JSON snapshot form, parsed into options with `Money`: `now` is an
 * ISO 8601 instant with an explicit offset (`Z` or `±hh:mm`), as `priceCart` requires; at most
 * 10,000 promotions (each as in {@link promotionSchema}) and usage counters, 100 lanes (at least one
 * when given), 1,000 coupon codes and customer groups, 100,000 tax rates (never negative).
 *
 * @example
 * ```ts
 * import { pricingOptionsSchema } from 'ordercore/schemas';
 *
 * const options = pricingOptionsSchema.parse({ now: '2026-11-22T10:00:00Z', channel: 'web' });
 * options.now; //=> '2026-11-22T10:00:00Z'
 * pricingOptionsSchema.safeParse({ now: '2026-11-22T10:00:00' }).success; //=> false
 * ```
 */
export const pricingOptionsSchema: z.ZodType<PricingOptions, unknown> = plainObject({
  now: instantSchema,
  customer: plainObject({
    id: idSchema.exactOptional(),
    groups: idsSchema.exactOptional(),
    previousOrders: nonNegativeIntSchema.exactOptional(),
  }).exactOptional(),
  channel: idSchema.exactOptional(),
  region: idSchema.exactOptional(),
  tax: taxContextSchema.exactOptional(),
  manualPricePolicy: plainObject({
    maxDiscountPercent: nonNegativeRateSchema.exactOptional(),
    maxDiscountAmount: amountSchema.exactOptional(),
  }).exactOptional(),
  promotions: promotionsSchema.exactOptional(),
  lanes: z
    .array(plainObject({ id: idSchema, mode: z.enum(['stack', 'best_per_item']).exactOptional() }))
    .min(1)
    .max(MAX_LANES)
    .exactOptional(),
  // What a shopper typed: any string; pricing trims it and a blank one simply matches nothing.
  couponCodes: z.array(z.string().max(MAX_ID_LENGTH)).max(MAX_SMALL_LIST).exactOptional(),
  usage: z
    .array(
      plainObject({
        promotionId: idSchema,
        uses: nonNegativeIntSchema.exactOptional(),
        customerUses: nonNegativeIntSchema.exactOptional(),
        budgetSpent: amountSchema.exactOptional(),
      }),
    )
    .max(MAX_PROMOTIONS)
    .exactOptional(),
  discountRounding: roundingModeSchema.exactOptional(),
});

// ---- parse functions --------------------------------------------------------------------------

/**
 * Validates an untrusted cart (typically parsed JSON) against {@link cartSchema}.
 *
 * @param input - Anything: a request body, a stored cart snapshot.
 * @returns The cart with `Money` prices, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseCart } from 'ordercore/schemas';
 *
 * const r = parseCart(JSON.parse('{"lines":[{"id":"l1","sku":"MUG","quantity":1,"manualPrice":{"price":{"amount":"7.00","currency":"USD"},"reason":"price match"}}]}'));
 * r.ok && r.value.lines[0]?.manualPrice?.price; //=> { amount: 700, currency: 'USD' }
 * const bad = parseCart({ lines: [{ id: 'l1', sku: 'MUG', quantity: 1.5 }] });
 * !bad.ok && bad.error.issues.map((i) => `${i.path.join('.')}:${i.code}`); //=> ['lines.0.quantity:invalid_type']
 * ```
 */
export function parseCart(input: unknown): Result<Cart, ValidationError> {
  return parseInput(cartSchema, input);
}

/**
 * Validates an untrusted catalog (typically parsed JSON) against {@link catalogSchema}.
 *
 * @param input - Anything: a catalog export, a cached snapshot.
 * @returns The catalog with `Money` prices, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parseCatalog } from 'ordercore/schemas';
 *
 * const r = parseCatalog({ currency: 'USD', items: [{ sku: 'MUG' }], basePrices: [{ sku: 'MUG', price: { amount: '8.50', currency: 'USD' } }] });
 * r.ok && r.value.basePrices[0]?.price.amount; //=> 850
 * const bad = parseCatalog({ currency: 'USD', items: [], basePrices: [{ sku: 'MUG', price: { amount: '8.505', currency: 'USD' } }] });
 * !bad.ok && bad.error.issues.map((i) => `${i.path.join('.')}:${i.code}`); //=> ['basePrices.0.price.amount:precision_loss']
 * ```
 */
export function parseCatalog(input: unknown): Result<Catalog, ValidationError> {
  return parseInput(catalogSchema, input);
}

/**
 * Validates an untrusted array of promotions (typically from an admin UI or a database), each
 * against {@link promotionSchema}; at most 10,000.
 *
 * @param input - Anything; an array is expected.
 * @returns The promotions with `Money` amounts, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { parsePromotions } from 'ordercore/schemas';
 *
 * const r = parsePromotions([{ id: 'ship-free', condition: { type: 'coupon', code: 'SHIPFREE' }, action: { type: 'shipping_discount', percent: '100' } }]);
 * r.ok && r.value.length; //=> 1
 * const bad = parsePromotions([{ id: 'p1', action: { type: 'half_off_everything' } }]);
 * !bad.ok && bad.error.issues.map((i) => `${i.path.join('.')}:${i.code}`); //=> ['0.action.type:invalid_union']
 * ```
 */
export function parsePromotions(input: unknown): Result<readonly Promotion[], ValidationError> {
  return parseInput(promotionsSchema, input);
}

/**
 * Validates untrusted pricing options against {@link pricingOptionsSchema}, ready for `priceCart`.
 *
 * @param input - Anything: options assembled from a request and the host's settings.
 * @returns The options with `Money` amounts, or a `ValidationError` naming each bad field.
 * @example
 * ```ts
 * import { toDecimal } from 'ordercore/money';
 * import { priceCart } from 'ordercore/pricing';
 * import { parseCart, parseCatalog, parsePricingOptions } from 'ordercore/schemas';
 *
 * const catalog = parseCatalog({ currency: 'USD', items: [{ sku: 'MUG' }], basePrices: [{ sku: 'MUG', price: { amount: '8.50', currency: 'USD' } }] });
 * const cart = parseCart({ lines: [{ id: 'l1', sku: 'MUG', quantity: 2 }] });
 * const options = parsePricingOptions({ now: '2026-11-22T10:00:00Z', promotions: [{ id: 'off', action: { type: 'amount_off_order', amount: { amount: '2.00', currency: 'USD' } } }] });
 * const priced = catalog.ok && cart.ok && options.ok ? priceCart(cart.value, catalog.value, options.value) : undefined;
 * priced?.ok && toDecimal(priced.value.totals.grandTotal); //=> '15.00'
 * const bad = parsePricingOptions({ now: '2026-11-22 10:00' });
 * !bad.ok && bad.error.issues.map((i) => `${i.path.join('.')}:${i.code}`); //=> ['now:invalid_instant']
 * ```
 */
export function parsePricingOptions(input: unknown): Result<PricingOptions, ValidationError> {
  return parseInput(pricingOptionsSchema, input);
}
