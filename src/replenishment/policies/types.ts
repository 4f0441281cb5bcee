/**
 * Where stock stands for one SKU at one location: the input of `suggestReplenishment`.
 *
 * @example
 * ```ts
 * import type { InventoryPosition } from 'ordercore/replenishment';
 *
 * const position: InventoryPosition = { onHand: 120, onOrder: 200, backorders: 15, forecastDailyDemand: 30 };
 * position.onHand + position.onOrder - position.backorders; //=> 305
 * ```
 */
export interface InventoryPosition {
  /** Units on hand, ≥ 0. */
  readonly onHand: number;
  /** Units ordered and not yet received, ≥ 0. */
  readonly onOrder: number;
  /** Units owed to customers, ≥ 0. */
  readonly backorders: number;
  /** Units on hand already committed to orders (allocated, not shipped), ≥ 0; default 0. */
  readonly committed?: number;
  /** Forecast demand per day, ≥ 0, for days of supply and the projected stockout date. */
  readonly forecastDailyDemand?: number;
}

/**
 * A replenishment policy:
 *
 * - `reorder_point` — continuous review (r, Q): when the inventory position is at or below r, order
 *   the smallest multiple of Q that lifts it above r.
 * - `s_S` — (s, S): when the position is at or below s, order up to S.
 * - `min_max` — when the position is at or below min, order up to max, rounded up to the order
 *   multiple (so the position may end above max by less than one multiple).
 * - `order_up_to` — periodic review (R, S): at each review (`nextReviewAt`; absent: now is a review),
 *   order up to S.
 *
 * @example
 * ```ts
 * import type { ReplenishmentPolicy } from 'ordercore/replenishment';
 *
 * const policy: ReplenishmentPolicy = { kind: 'min_max', min: 100, max: 400, multiple: 24 };
 * policy.kind; //=> 'min_max'
 * ```
 */
export type ReplenishmentPolicy =
  | {
      /** Continuous review (r, Q). */
      readonly kind: 'reorder_point';
      /** r. */
      readonly reorderPoint: number;
      /** Q > 0. */
      readonly orderQuantity: number;
    }
  | {
      /** (s, S). */
      readonly kind: 's_S';
      /** s. */
      readonly reorderLevel: number;
      /** S > s. */
      readonly orderUpTo: number;
    }
  | {
      /** Min / max with an order multiple. */
      readonly kind: 'min_max';
      /** Order when the position is at or below it. */
      readonly min: number;
      /** Order up to it (> min). */
      readonly max: number;
      /** Order in multiples of this (a case, a pallet); default 1. */
      readonly multiple?: number;
    }
  | {
      /** Periodic review (R, S). */
      readonly kind: 'order_up_to';
      /** S. */
      readonly level: number;
      /** The next review instant; before it nothing is ordered. Absent: every call is a review. */
      readonly nextReviewAt?: string;
    };

/**
 * Why `suggestReplenishment` suggested what it did.
 *
 * @example
 * ```ts
 * import { REPLENISHMENT_REASONS } from 'ordercore/replenishment';
 *
 * REPLENISHMENT_REASONS.includes('at_or_below_reorder_point'); //=> true
 * ```
 */
export const REPLENISHMENT_REASONS = [
  'at_or_below_reorder_point',
  'above_reorder_point',
  'review',
  'review_at_or_above_level',
  'not_a_review_time',
] as const;

/**
 * One of {@link REPLENISHMENT_REASONS}.
 *
 * @example
 * ```ts
 * import type { ReplenishmentReason } from 'ordercore/replenishment';
 *
 * const reason: ReplenishmentReason = 'not_a_review_time';
 * reason; //=> 'not_a_review_time'
 * ```
 */
export type ReplenishmentReason = (typeof REPLENISHMENT_REASONS)[number];

/**
 * A replenishment suggestion: how much to order now, and why.
 *
 * @example
 * ```ts
 * import { suggestReplenishment } from 'ordercore/replenishment';
 *
 * const r = suggestReplenishment({ onHand: 80, onOrder: 0, backorders: 0 }, { kind: 's_S', reorderLevel: 100, orderUpTo: 300 }, { now: '2026-11-22T08:00:00Z' });
 * r.ok && r.value.quantity; //=> 220
 * ```
 */
export interface ReplenishmentSuggestion {
  /** Units to order now (0: nothing). */
  readonly quantity: number;
  /** On hand + on order − backorders − committed. */
  readonly inventoryPosition: number;
  /** The rule's verdict. */
  readonly reason: ReplenishmentReason;
  /** The same in a sentence, with the numbers. */
  readonly explanation: string;
  /** The position after ordering. */
  readonly positionAfterOrder: number;
  /** Days the position lasts at the forecast (null without a positive forecast). */
  readonly daysOfSupply: number | null;
  /** When on hand net of backorders and commitments runs out at the forecast, with nothing received (null without a positive forecast). */
  readonly projectedStockoutAt: string | null;
}
