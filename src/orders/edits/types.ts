import type { Money, Rate } from '../../money/types.js';
import type { LineDiscount } from '../../pricing/types.js';
import type { Instant, Order, OrderEdit, OrderEffect, OrderEvent } from '../types.js';

/**
 * One recorded change of an edit, a cancellation or a substitution: which field of which line (or of
 * the order) went from what to what. Values are plain JSON data (numbers, strings, Money, addresses,
 * whole lines for `add_line` / `remove_line`, `null` for "absent").
 *
 * @example
 * ```ts
 * import type { OrderDiffEntry } from 'ordercore/orders';
 *
 * const entry: OrderDiffEntry = { kind: 'cancel_lines', lineId: 'l1', field: 'quantities.cancelled', before: 0, after: 1 };
 * entry.field; //=> 'quantities.cancelled'
 * ```
 */
export interface OrderDiffEntry {
  /** What caused the change: an edit kind, `'cancel_lines'` or `'substitution'`. */
  readonly kind: OrderEdit['kind'] | 'cancel_lines' | 'substitution';
  /** The line changed, for line changes. */
  readonly lineId?: string;
  /** The field's path, e.g. `'quantities.cancelled'`, `'line'`, `'customer.deliveryAddress'`. */
  readonly field: string;
  /** The value before (`null` when absent). */
  readonly before: unknown;
  /** The value after (`null` when absent). */
  readonly after: unknown;
}

/**
 * What the order's money looks like against what was paid: the order's amount due (lines still
 * ordered, at their stored amounts, plus shipping, less refunded returns) against the net captured
 * (Σ captured − Σ refunded over all payments).
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { OrderBalance } from 'ordercore/orders';
 *
 * const b: OrderBalance = {
 *   due: money('90.00', 'USD'), netCaptured: money('100.00', 'USD'),
 *   toCollect: money('0', 'USD'), toRefund: money('10.00', 'USD'),
 * };
 * b.toRefund.amount; //=> 1000
 * ```
 */
export interface OrderBalance {
  /** Σ line totals of the units still ordered + shipping net and tax − refunded returns' resolution amounts (shipping left out once the order is cancelled or rejected with nothing shipped). */
  readonly due: Money;
  /** Σ payments' captured − Σ payments' refunded. */
  readonly netCaptured: Money;
  /** `max(0, due − netCaptured)`. */
  readonly toCollect: Money;
  /** `max(0, netCaptured − due)`. */
  readonly toRefund: Money;
}

/**
 * The result of {@link applyOrderEdits}, {@link cancelLineQuantities} and {@link applySubstitution}:
 * the edited order (version and history untouched: `transition()` bumps and appends), the diff, the
 * balance after the change, and the effects for the host.
 *
 * @example
 * ```ts
 * import type { OrderEditOutcome } from 'ordercore/orders';
 *
 * type Keys = keyof OrderEditOutcome;
 * const keys: Keys[] = ['order', 'diff', 'balance', 'effects'];
 * keys.length; //=> 4
 * ```
 */
export interface OrderEditOutcome {
  /** The order after the change; `version` and `history` are those of the order given. */
  readonly order: Order;
  /** Every field changed, in the order the changes were made. */
  readonly diff: readonly OrderDiffEntry[];
  /** What is still to collect or to refund after the change, both exact and at most one non-zero. */
  readonly balance: {
    /** `max(0, due − netCaptured)`. */
    readonly toCollect: Money;
    /** `max(0, netCaptured − due)`. */
    readonly toRefund: Money;
  };
  /** Side effects for the host: `release_stock`, `refund_payment`, `notify_customer`. */
  readonly effects: readonly OrderEffect[];
}

/**
 * The amounts of a run of a line's units, computed from the line's stored amounts only (see
 * {@link lineAmountsForUnits}). Always `net + tax = total`; `discountTotal = Σ discounts`; with
 * tax-exclusive lines `net = subtotal − discountTotal`, with tax-inclusive lines
 * `total = subtotal − discountTotal`.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { LineUnitAmounts } from 'ordercore/orders';
 *
 * const usd = (a: string) => money(a, 'USD');
 * const slice: LineUnitAmounts = {
 *   fromUnit: 2, units: 1, subtotal: usd('10.00'), discounts: [{ promotionId: 'p', amount: usd('0.34') }],
 *   discountTotal: usd('0.34'), net: usd('9.66'), tax: usd('0'), total: usd('9.66'),
 * };
 * slice.net.amount + slice.tax.amount === slice.total.amount; //=> true
 * ```
 */
export interface LineUnitAmounts {
  /** The first unit (0-based). */
  readonly fromUnit: number;
  /** How many units. */
  readonly units: number;
  /** The units' share of the subtotal. */
  readonly subtotal: Money;
  /** The units' share of each stored discount, in the stored order (zero shares kept). */
  readonly discounts: readonly LineDiscount[];
  /** Σ `discounts`. */
  readonly discountTotal: Money;
  /** The units' amount without tax, after discounts. */
  readonly net: Money;
  /** The units' tax (never negative). */
  readonly tax: Money;
  /** `net + tax`. */
  readonly total: Money;
}

/**
 * Stock of one SKU at one location (or in total when `locationId` is absent): on hand and
 * unreserved now, and incoming receipts with their expected dates.
 *
 * @example
 * ```ts
 * import type { SkuAvailability } from 'ordercore/orders';
 *
 * const a: SkuAvailability = { available: 3, locationId: 'WH1', incoming: [{ quantity: 10, expectedAt: '2026-12-01T00:00:00Z' }] };
 * a.available; //=> 3
 * ```
 */
export interface SkuAvailability {
  /** Units available now (a non-negative safe integer). */
  readonly available: number;
  /** The location; absent means "anywhere" (no `locationId` on the allocation). */
  readonly locationId?: string;
  /** Incoming supply (purchase orders, transfers, production) with expected arrival instants. */
  readonly incoming?: readonly {
    /** Units expected (a positive safe integer). */
    readonly quantity: number;
    /** When they are expected (ISO 8601 with offset). */
    readonly expectedAt: Instant;
  }[];
}

/**
 * Availability per SKU: one {@link SkuAvailability} (total) or a list of them (per location, in
 * preference order).
 *
 * @example
 * ```ts
 * import type { AvailabilityContext } from 'ordercore/orders';
 *
 * const context: AvailabilityContext = { MUG: { available: 5 }, CUP: [{ available: 1, locationId: 'A' }, { available: 4, locationId: 'B' }] };
 * Object.keys(context).length; //=> 2
 * ```
 */
export type AvailabilityContext = Readonly<Record<string, SkuAvailability | readonly SkuAvailability[]>>;

/**
 * Options of {@link planAllocation}.
 *
 * @example
 * ```ts
 * import type { PlanAllocationOptions } from 'ordercore/orders';
 *
 * const options: PlanAllocationOptions = { now: '2026-11-22T10:00:00Z' };
 * options.now; //=> '2026-11-22T10:00:00Z'
 * ```
 */
export interface PlanAllocationOptions {
  /** The current instant; incoming receipts expected before it are still counted (late, not lost). */
  readonly now: Instant;
}

/**
 * An `allocate` event, ready for `transition()`: the allocation plan made by {@link planAllocation}.
 *
 * @example
 * ```ts
 * import type { AllocationPlan } from 'ordercore/orders';
 *
 * const plan: AllocationPlan = { type: 'allocate', lines: [{ lineId: 'l1', quantity: 2 }], backorders: [] };
 * plan.type; //=> 'allocate'
 * ```
 */
export type AllocationPlan = Extract<
  OrderEvent,
  {
    /** The `allocate` event. */
    readonly type: 'allocate';
  }
>;

/**
 * Who pays a dearer substitute's difference: `'customer'` (the substitute is charged at its own
 * price) or `'merchant'` (charged at the original unit price when the substitute is dearer, at its
 * own price when it is cheaper).
 *
 * @example
 * ```ts
 * import type { SubstitutionBearer } from 'ordercore/orders';
 *
 * const bearer: SubstitutionBearer = 'merchant';
 * bearer; //=> 'merchant'
 * ```
 */
export type SubstitutionBearer = 'customer' | 'merchant';

/**
 * Rules for substitution proposals.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { SubstitutionRules } from 'ordercore/orders';
 *
 * const rules: SubstitutionRules = {
 *   compatible: { MUG: [{ sku: 'MUG-XL', rank: 1 }, { sku: 'CUP', rank: 2 }] },
 *   maxPriceDifference: { amount: money('2.00', 'USD'), percent: '20%' },
 *   bearer: 'merchant',
 * };
 * rules.compatible['MUG']?.length; //=> 2
 * ```
 */
export interface SubstitutionRules {
  /** For each SKU, the SKUs that may replace it, with a rank (lower is better; a safe integer). */
  readonly compatible: Readonly<
    Record<
      string,
      readonly {
        /** The substitute SKU. */
        readonly sku: string;
        /** Its rank (lower first). */
        readonly rank: number;
      }[]
    >
  >;
  /**
   * The largest accepted difference between the substitute's own unit price and the original unit
   * price, in either direction: an absolute amount, a percentage of the original unit price
   * (`'20%'` or `'0.2'`), or both (both must hold). Absent: any difference.
   */
  readonly maxPriceDifference?: {
    /** The largest absolute difference per unit, in the order currency. */
    readonly amount?: Money;
    /** The largest difference as a share of the original unit price. */
    readonly percent?: Rate;
  };
  /** Who bears a dearer substitute's difference. Default `'customer'`. */
  readonly bearer?: SubstitutionBearer;
  /**
   * Propose substitutes for lines whose customer gave no preference (`allowSubstitutes` absent).
   * Lines with `allowSubstitutes: false` never get proposals. Default `false`.
   */
  readonly substituteWhenCustomerSilent?: boolean;
}

/**
 * What {@link proposeSubstitutions} knows about the world: availability and prices of substitutes,
 * and which lines are short beyond their backordered units.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { SubstitutionContext } from 'ordercore/orders';
 *
 * const context: SubstitutionContext = {
 *   availability: { 'MUG-XL': { available: 10 } },
 *   prices: { 'MUG-XL': { unitPrice: money('9.00', 'USD'), description: 'Mug XL' } },
 * };
 * context.prices['MUG-XL']?.unitPrice.amount; //=> 900
 * ```
 */
export interface SubstitutionContext {
  /** Availability of substitute SKUs. */
  readonly availability: AvailabilityContext;
  /** Substitute SKUs' prices and descriptions. */
  readonly prices: Readonly<
    Record<
      string,
      {
        /** The substitute's own unit price, in the order currency. */
        readonly unitPrice: Money;
        /** Its description (default: the SKU). */
        readonly description?: string;
        /** Its category. */
        readonly category?: string;
        /**
         * Its tax rate (`'8%'`, `'0.08'`), applied like the original line (on top, or inside when the
         * original line's prices include tax), rounded half-even. Absent: the original units' own
         * effective rate (their tax over their taxable amount).
         */
        readonly taxRate?: Rate;
      }
    >
  >;
  /** Lines short beyond their backordered units (e.g. found damaged at picking): units per line. */
  readonly short?: readonly {
    /** The line. */
    readonly lineId: string;
    /** Units short (a positive safe integer). */
    readonly quantity: number;
  }[];
}

/**
 * One way to replace a short line's units.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { SubstitutionCandidate } from 'ordercore/orders';
 *
 * type Keys = keyof SubstitutionCandidate;
 * const k: Keys = 'edit';
 * k; //=> 'edit'
 * ```
 */
export interface SubstitutionCandidate {
  /** The substitute SKU. */
  readonly sku: string;
  /** Its rank from the rules. */
  readonly rank: number;
  /** Its own unit price. */
  readonly unitPrice: Money;
  /** The unit price charged (own price, or the original when the merchant bears a dearer one). */
  readonly chargedUnitPrice: Money;
  /** Own unit price − original unit price (negative when cheaper). */
  readonly unitPriceDifference: Money;
  /** Who bears a dearer substitute's difference. */
  readonly bearer: SubstitutionBearer;
  /** The substitute line's total − the replaced units' total: what the customer pays more (negative: less). */
  readonly customerDifference: Money;
  /** What the merchant gives up: (own − charged unit price) × units. */
  readonly merchantAbsorbs: Money;
  /** The ready `add_line` edit (feed it to `accept_substitution` or {@link applySubstitution}). */
  readonly edit: OrderEdit & {
    /** Always `'add_line'`. */
    readonly kind: 'add_line';
  };
}

/**
 * Substitution candidates for one short line, best first.
 *
 * @example
 * ```ts
 * import type { SubstitutionProposal } from 'ordercore/orders';
 *
 * const p: SubstitutionProposal = { lineId: 'l1', sku: 'MUG', quantity: 2, candidates: [] };
 * p.quantity; //=> 2
 * ```
 */
export interface SubstitutionProposal {
  /** The short line. */
  readonly lineId: string;
  /** Its SKU. */
  readonly sku: string;
  /** Units short (to be replaced). */
  readonly quantity: number;
  /** The candidates, best first (rank, then |unit price difference|, then SKU). */
  readonly candidates: readonly SubstitutionCandidate[];
}
