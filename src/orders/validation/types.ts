import type { Money } from '../../money/index.js';
import type { PricedCart } from '../../pricing/types.js';
import type { Address, CalendarDate, Instant } from '../types.js';

/**
 * Every code an {@link OrderValidationIssue} can carry, in a fixed order.
 *
 * - `invalid_order`: the order is not an object.
 * - `invalid_field`: a field is missing or has the wrong type (money that is not `{ amount, currency }`
 *   with a safe-integer amount, a line that is not an object, a date that is not `'YYYY-MM-DD'`, ...).
 * - `no_lines`: the order has no lines.
 * - `duplicate_line_id`: two lines share an id.
 * - `invalid_quantity`: a line quantity that is not a positive safe integer.
 * - `currency_mismatch`: an amount (line, shipping) not in the order's currency.
 * - `unknown_sku`: a line's SKU is not in the catalogue.
 * - `sku_inactive`: the SKU exists but is not active (not sellable).
 * - `sku_discontinued`: the SKU is discontinued (a warning: it may still sell from remaining stock).
 * - `quantity_below_minimum` / `quantity_above_maximum` / `quantity_not_multiple`: the SKU's quantity rules.
 * - `price_mismatch`: a unit price, line total or the grand total differs from the pricing result.
 * - `line_not_priced`: an order line has no line in the pricing result.
 * - `priced_line_missing`: the pricing result has a line the order lacks.
 * - `credit_limit_exceeded`: receivables + open orders + this order exceed the account's limit.
 * - `credit_account_unknown`: a terms order whose account has no credit data (a warning: review).
 * - `credit_currency_mismatch`: the account's credit data is in another currency (a warning: review).
 * - `delivery_date_in_past`: the requested delivery date is before today (at the cut-off's offset).
 * - `delivery_date_infeasible`: the requested delivery date is before the earliest feasible one.
 * - `ship_by_infeasible`: the ship-by date is before the earliest possible ship date.
 * - `unknown_shipping_method`: the shipping method has no transit time and there is no default.
 * - `address_incomplete`: a required delivery-address field is missing or blank.
 *
 * @example
 * ```ts
 * import { ORDER_VALIDATION_ISSUE_CODES } from 'ordercore/orders';
 *
 * ORDER_VALIDATION_ISSUE_CODES.includes('credit_limit_exceeded'); //=> true
 * ```
 */
export const ORDER_VALIDATION_ISSUE_CODES = [
  'invalid_order',
  'invalid_field',
  'no_lines',
  'duplicate_line_id',
  'invalid_quantity',
  'currency_mismatch',
  'unknown_sku',
  'sku_inactive',
  'sku_discontinued',
  'quantity_below_minimum',
  'quantity_above_maximum',
  'quantity_not_multiple',
  'price_mismatch',
  'line_not_priced',
  'priced_line_missing',
  'credit_limit_exceeded',
  'credit_account_unknown',
  'credit_currency_mismatch',
  'delivery_date_in_past',
  'delivery_date_infeasible',
  'ship_by_infeasible',
  'unknown_shipping_method',
  'address_incomplete',
] as const;

/**
 * The code of a validation issue; see {@link ORDER_VALIDATION_ISSUE_CODES} for what each one means.
 *
 * @example
 * ```ts
 * import type { OrderValidationIssueCode } from 'ordercore/orders';
 *
 * const code: OrderValidationIssueCode = 'unknown_sku';
 * code; //=> 'unknown_sku'
 * ```
 */
export type OrderValidationIssueCode = (typeof ORDER_VALIDATION_ISSUE_CODES)[number];

/**
 * One problem found on an order: errors block it (`reject`), warnings send it to review.
 *
 * @example
 * ```ts
 * import type { OrderValidationIssue } from 'ordercore/orders';
 *
 * const issue: OrderValidationIssue = {
 *   code: 'quantity_not_multiple', severity: 'error', path: 'lines[0].quantity', lineId: 'l1',
 *   message: 'lines[0].quantity: 5 is not a multiple of 6 (SKU "EGG").', details: { quantity: 5, multiple: 6 },
 * };
 * issue.severity; //=> 'error'
 * ```
 */
export interface OrderValidationIssue {
  /** What is wrong, a snake_case code from {@link ORDER_VALIDATION_ISSUE_CODES}. */
  readonly code: OrderValidationIssueCode;
  /** `'error'` blocks the order; `'warning'` sends it to review. */
  readonly severity: 'error' | 'warning';
  /**
   * Where, from the order's root: `'lines[2].quantity'`, `'customer.deliveryAddress.postalCode'`,
   * `'fulfillment.requestedDeliveryDate'`, or `'grandTotal'` for the derived grand total
   * (Σ line totals + shipping net + shipping tax). `''` is the order itself.
   */
  readonly path: string;
  /** The id of the line concerned, for line issues. */
  readonly lineId?: string;
  /** A sentence naming the field and the reason. */
  readonly message: string;
  /** Structured facts: expected and actual values, limits, the earliest feasible date, ... */
  readonly details: Readonly<Record<string, unknown>>;
}

/**
 * The verdict on one order: `reject` when any issue is an error, `review` when there are only
 * warnings, `accept` when there is nothing to say.
 *
 * @example
 * ```ts
 * import type { OrderValidationReport } from 'ordercore/orders';
 *
 * const report: OrderValidationReport = { decision: 'accept', issues: [] };
 * report.decision; //=> 'accept'
 * ```
 */
export interface OrderValidationReport {
  /** `accept`, `review` (warnings only) or `reject` (at least one error). */
  readonly decision: 'accept' | 'review' | 'reject';
  /** Every issue, in check order: order shape, lines (by index), pricing, credit, delivery, address. */
  readonly issues: readonly OrderValidationIssue[];
}

/**
 * What the catalogue says about one SKU for validation.
 *
 * @example
 * ```ts
 * import type { SkuRule } from 'ordercore/orders';
 *
 * const eggs: SkuRule = { active: true, minQuantity: 6, quantityMultiple: 6, leadTimeDays: 1, category: 'food' };
 * eggs.quantityMultiple; //=> 6
 * ```
 */
export interface SkuRule {
  /** Whether the SKU may be sold; `false` is an error (`sku_inactive`). */
  readonly active: boolean;
  /** Discontinued: a warning (`sku_discontinued`). Default `false`. */
  readonly discontinued?: boolean;
  /** Smallest quantity per line (a positive safe integer). Default 1. */
  readonly minQuantity?: number;
  /** Quantities must be a multiple of this (a positive safe integer). Default 1. */
  readonly quantityMultiple?: number;
  /** Largest quantity per line (a positive safe integer). Default none. */
  readonly maxQuantity?: number;
  /** Working days from processing to ship (a non-negative safe integer). Default `delivery.defaultLeadTimeDays`. */
  readonly leadTimeDays?: number;
  /** The category (approval rules read it when a line carries none). */
  readonly category?: string;
}

/**
 * The pricing result an order is checked against: the structural part of `PricedCart` that
 * validation reads (a `PricedCart` is one). Lines are matched by id.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { PricingReference } from 'ordercore/orders';
 *
 * const priced: PricingReference = {
 *   lines: [{ id: 'l1', unitPrice: money('8.50', 'USD'), total: money('17.00', 'USD') }],
 *   totals: { grandTotal: money('17.00', 'USD') },
 * };
 * priced.lines.length; //=> 1
 * ```
 */
export interface PricingReference {
  /** The priced lines. */
  readonly lines: readonly Pick<PricedCart['lines'][number], 'id' | 'unitPrice' | 'total'>[];
  /** The totals; only `grandTotal` is read (lines + shipping, with tax). */
  readonly totals: Pick<PricedCart['totals'], 'grandTotal'>;
}

/**
 * One customer account's credit position (all amounts in one currency, the account's).
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { CreditAccount } from 'ordercore/orders';
 *
 * const acme: CreditAccount = {
 *   limit: money('10000', 'USD'), openReceivables: money('6000', 'USD'), openOrders: money('1500', 'USD'),
 * };
 * acme.limit.amount; //=> 1000000
 * ```
 */
export interface CreditAccount {
  /** The credit limit. */
  readonly limit: Money;
  /** Invoiced and not yet paid. */
  readonly openReceivables: Money;
  /** Accepted orders not yet invoiced. Does NOT include the order being validated (it is added). */
  readonly openOrders: Money;
}

/**
 * The daily order cut-off: orders validated at or after `time` on a working day (wall clock at
 * `utcOffset`) start processing the next working day; before it, the same day.
 *
 * @example
 * ```ts
 * import type { OrderCutoff } from 'ordercore/orders';
 *
 * const newYork: OrderCutoff = { time: '14:00', utcOffset: '-05:00' };
 * newYork.time; //=> '14:00'
 * ```
 */
export interface OrderCutoff {
  /** Wall-clock time of day, `'HH:mm'` (24 h). */
  readonly time: string;
  /** The warehouse's UTC offset, `'±HH:MM'` or `'Z'`. Fixed: no host time zone, no DST rules. */
  readonly utcOffset: string;
}

/**
 * Delivery feasibility settings. Every working-day count uses the calendar given here.
 *
 * @example
 * ```ts
 * import type { DeliveryContext } from 'ordercore/orders';
 *
 * const delivery: DeliveryContext = {
 *   cutoff: { time: '14:00', utcOffset: '-05:00' },
 *   holidays: ['2026-12-25'],
 *   transitDays: { ground: 3, express: 1 },
 * };
 * delivery.transitDays?.['ground']; //=> 3
 * ```
 */
export interface DeliveryContext {
  /**
   * The daily cut-off. Default: none; "today" is then the UTC date of `now` and every order placed
   * on a working day starts processing that day.
   */
  readonly cutoff?: OrderCutoff;
  /** Working weekdays, ISO numbering (1 = Monday … 7 = Sunday). Default `[1, 2, 3, 4, 5]`. */
  readonly workingWeekdays?: readonly number[];
  /** Non-working dates, `'YYYY-MM-DD'`. Default `[]`. */
  readonly holidays?: readonly CalendarDate[];
  /** Lead time of a SKU without `leadTimeDays`, and of SKUs not in the catalogue. Default 0. */
  readonly defaultLeadTimeDays?: number;
  /** Transit working days per shipping method code. Default `{}`. */
  readonly transitDays?: Readonly<Record<string, number>>;
  /**
   * Transit working days for an order without a shipping method, or with one not in `transitDays`
   * (without it, an unknown method is an `unknown_shipping_method` error). Default: none; an order
   * without a method then uses 0.
   */
  readonly defaultTransitDays?: number;
  /** The severity of `delivery_date_infeasible` and `ship_by_infeasible`. Default `'error'`. */
  readonly infeasibleSeverity?: 'error' | 'warning';
}

/**
 * A field of {@link Address} that can be required.
 *
 * @example
 * ```ts
 * import type { AddressField } from 'ordercore/orders';
 *
 * const field: AddressField = 'postalCode';
 * field; //=> 'postalCode'
 * ```
 */
export type AddressField = keyof Address;

/**
 * Which delivery-address fields must be present (non-blank strings).
 *
 * @example
 * ```ts
 * import type { AddressRules } from 'ordercore/orders';
 *
 * const rules: AddressRules = { byCountry: { HK: ['line1', 'city', 'country'] } };
 * rules.byCountry?.['HK']?.includes('postalCode'); //=> false
 * ```
 */
export interface AddressRules {
  /** Required everywhere unless the country has its own list. Default `['line1', 'city', 'postalCode', 'country']`. */
  readonly required?: readonly AddressField[];
  /** Per ISO country code, a list that replaces `required` for addresses in that country. Default `{}`. */
  readonly byCountry?: Readonly<Record<string, readonly AddressField[]>>;
}

/**
 * Everything validation checks an order against: plain data, every part optional. A check whose
 * part is absent is skipped (address completeness and the order's own sanity checks always run).
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { OrderValidationContext } from 'ordercore/orders';
 *
 * const context: OrderValidationContext = {
 *   catalogue: { MUG: { active: true }, EGG: { active: true, quantityMultiple: 6 } },
 *   credit: { 'c-1': { limit: money('500', 'USD'), openReceivables: money('0', 'USD'), openOrders: money('0', 'USD') } },
 *   delivery: { transitDays: { ground: 3 } },
 * };
 * Object.keys(context.catalogue ?? {}); //=> ['MUG', 'EGG']
 * ```
 */
export interface OrderValidationContext {
  /** SKU → rules. Default: none (SKU and quantity rules are not checked). An unknown SKU is an error. */
  readonly catalogue?: Readonly<Record<string, SkuRule>>;
  /** Order id → the pricing result to verify the order against. Default: none; an order without an entry is not price-checked. */
  readonly pricing?: Readonly<Record<string, PricingReference>>;
  /** Account id → credit position, checked for `net` terms orders only. Default: none (not checked). */
  readonly credit?: Readonly<Record<string, CreditAccount>>;
  /** Delivery feasibility. Default: none (only a requested date in the past is checked, against the UTC date of `now`). */
  readonly delivery?: DeliveryContext;
  /** Address completeness. Default: {@link AddressRules}' defaults. */
  readonly address?: AddressRules;
}

/**
 * Options for `validateOrder` and `validateOrders`.
 *
 * @example
 * ```ts
 * import type { ValidateOrderOptions } from 'ordercore/orders';
 *
 * const options: ValidateOrderOptions = { now: '2026-11-23T18:30:00Z' };
 * options.now; //=> '2026-11-23T18:30:00Z'
 * ```
 */
export interface ValidateOrderOptions {
  /**
   * When the order is validated, an ISO 8601 instant with an explicit offset: "today" and the cut-off
   * are read from it. Default: the order's `timestamps.orderedAt` (validation at capture).
   */
  readonly now?: Instant;
}

/**
 * Options for `validateOrders`.
 *
 * @example
 * ```ts
 * import type { ValidateOrdersOptions } from 'ordercore/orders';
 *
 * const options: ValidateOrdersOptions = { now: '2026-11-23T18:30:00Z', accumulateCredit: false };
 * options.accumulateCredit; //=> false
 * ```
 */
export interface ValidateOrdersOptions extends ValidateOrderOptions {
  /**
   * Whether orders of one account in the batch count against its credit in input order: the total
   * of every earlier `net` order of the account that was not rejected is added to its open orders
   * for the later ones. Default `true`. With `false`, each order is checked alone, exactly as
   * `validateOrder` does.
   */
  readonly accumulateCredit?: boolean;
}

/**
 * The reports of a batch, in input order, and how many of each decision.
 *
 * @example
 * ```ts
 * import type { OrderBatchValidation } from 'ordercore/orders';
 *
 * const batch: OrderBatchValidation = { reports: [], summary: { total: 0, accept: 0, review: 0, reject: 0 } };
 * batch.summary.total; //=> 0
 * ```
 */
export interface OrderBatchValidation {
  /** One report per order, in input order. */
  readonly reports: readonly OrderValidationReport[];
  /** Counts per decision. */
  readonly summary: {
    /** Orders validated. */
    readonly total: number;
    /** Orders accepted. */
    readonly accept: number;
    /** Orders sent to review. */
    readonly review: number;
    /** Orders rejected. */
    readonly reject: number;
  };
}
