import { parseInstant } from '../../core/instant.js';
import type { Result } from '../../core/result.js';
import { show } from '../../core/show.js';
import { ReplenishmentError } from '../errors.js';
import { attempt, record } from '../internal/attempt.js';
import { finite, nonNegative } from '../internal/checks.js';
import type { InventoryPosition, ReplenishmentPolicy, ReplenishmentReason, ReplenishmentSuggestion } from './types.js';

const DAY_MS = 86_400_000;

function instant(value: unknown, field: string): number {
  const ms = parseInstant(value);
  if (ms === undefined)
    throw new ReplenishmentError(
      'invalid_options',
      `${field}: ${show(value)} is not an ISO 8601 instant with an offset.`,
      { field },
    );
  return ms;
}

function policyError(field: string, reason: string): ReplenishmentError {
  return new ReplenishmentError('invalid_policy', `policy.${field}: ${reason}`, { field: `policy.${field}` });
}

/**
 * The quantity to order now under a replenishment policy, and why. The inventory position is
 * `onHand + onOrder − backorders − committed` (what is or will be here, net of what is owed); it is
 * what every rule compares, so stock already on order is never ordered twice.
 *
 * @param position - On hand, on order, backorders, committed units, and an optional daily forecast.
 * @param policy - (r, Q), (s, S), min / max with a multiple, or periodic (R, S).
 * @param options - `now`: the instant of the decision (reviews are due at or after `nextReviewAt`;
 *   the projected stockout date counts from it).
 * @returns The suggestion; or `invalid_position`, `invalid_policy` (s ≥ S, min ≥ max, Q ≤ 0 ...),
 *   `invalid_options` naming the field.
 * @example
 * ```ts
 * import { suggestReplenishment } from 'ordercore/replenishment';
 *
 * const position = { onHand: 90, onOrder: 24, backorders: 10, forecastDailyDemand: 20 };
 * const r = suggestReplenishment(position, { kind: 'min_max', min: 120, max: 400, multiple: 24 }, { now: '2026-11-22T08:00:00Z' });
 * r.ok && [r.value.inventoryPosition, r.value.quantity, r.value.positionAfterOrder]; //=> [104, 312, 416]
 * r.ok && r.value.projectedStockoutAt; //=> '2026-11-26T08:00:00.000Z'
 * ```
 */
export function suggestReplenishment(
  position: InventoryPosition,
  policy: ReplenishmentPolicy,
  options: {
    /** The decision instant (ISO 8601 with an offset). */
    readonly now: string;
  },
): Result<ReplenishmentSuggestion, ReplenishmentError> {
  return attempt(() => {
    const p = record(position, 'position');
    const onHand = nonNegative(p['onHand'], 'position.onHand', 'invalid_position');
    const onOrder = nonNegative(p['onOrder'], 'position.onOrder', 'invalid_position');
    const backorders = nonNegative(p['backorders'], 'position.backorders', 'invalid_position');
    const committed = nonNegative(p['committed'] ?? 0, 'position.committed', 'invalid_position');
    const forecast = nonNegative(p['forecastDailyDemand'] ?? 0, 'position.forecastDailyDemand', 'invalid_demand');
    const nowMs = instant(record(options, 'options')['now'], 'options.now');
    const rule = record(policy, 'policy');
    const ip = onHand + onOrder - backorders - committed;

    let quantity = 0;
    let reason: ReplenishmentReason;
    let explanation: string;
    switch (rule['kind']) {
      case 'reorder_point': {
        const r = finite(rule['reorderPoint'], 'policy.reorderPoint');
        const q = finite(rule['orderQuantity'], 'policy.orderQuantity');
        if (q <= 0) throw policyError('orderQuantity', `expected a positive quantity, got ${q}.`);
        if (ip <= r) {
          quantity = (Math.floor((r - ip) / q) + 1) * q;
          reason = 'at_or_below_reorder_point';
          explanation = `Position ${ip} is at or below the reorder point ${r}: order ${quantity / q} × ${q}.`;
        } else {
          reason = 'above_reorder_point';
          explanation = `Position ${ip} is above the reorder point ${r}: nothing to order.`;
        }
        break;
      }
      case 's_S': {
        const s = finite(rule['reorderLevel'], 'policy.reorderLevel');
        const big = finite(rule['orderUpTo'], 'policy.orderUpTo');
        if (big <= s) throw policyError('orderUpTo', `S (${big}) must exceed s (${s}).`);
        if (ip <= s) {
          quantity = big - ip;
          reason = 'at_or_below_reorder_point';
          explanation = `Position ${ip} is at or below s = ${s}: order up to S = ${big}.`;
        } else {
          reason = 'above_reorder_point';
          explanation = `Position ${ip} is above s = ${s}: nothing to order.`;
        }
        break;
      }
      case 'min_max': {
        const min = finite(rule['min'], 'policy.min');
        const max = finite(rule['max'], 'policy.max');
        const multiple = finite(rule['multiple'] ?? 1, 'policy.multiple');
        if (max <= min) throw policyError('max', `max (${max}) must exceed min (${min}).`);
        if (multiple <= 0) throw policyError('multiple', `expected a positive multiple, got ${multiple}.`);
        if (ip <= min) {
          quantity = Math.ceil((max - ip) / multiple) * multiple;
          reason = 'at_or_below_reorder_point';
          explanation = `Position ${ip} is at or below min ${min}: order up to max ${max} in multiples of ${multiple}: ${quantity}.`;
        } else {
          reason = 'above_reorder_point';
          explanation = `Position ${ip} is above min ${min}: nothing to order.`;
        }
        break;
      }
      case 'order_up_to': {
        const level = finite(rule['level'], 'policy.level');
        const due = rule['nextReviewAt'] === undefined ? nowMs : instant(rule['nextReviewAt'], 'policy.nextReviewAt');
        if (nowMs < due) {
          reason = 'not_a_review_time';
          explanation = `The next review is at ${rule['nextReviewAt'] as string}: nothing to order before it.`;
        } else if (ip < level) {
          quantity = level - ip;
          reason = 'review';
          explanation = `Review: position ${ip} is below the order-up-to level ${level}: order ${quantity}.`;
        } else {
          reason = 'review_at_or_above_level';
          explanation = `Review: position ${ip} is at or above the order-up-to level ${level}: nothing to order.`;
        }
        break;
      }
      default:
        throw new ReplenishmentError(
          'invalid_policy',
          `policy.kind: ${show(rule['kind'])} is not one of reorder_point, s_S, min_max, order_up_to.`,
          { field: 'policy.kind' },
        );
    }
    const net = onHand - backorders - committed;
    return {
      quantity,
      inventoryPosition: ip,
      reason,
      explanation,
      positionAfterOrder: ip + quantity,
      daysOfSupply: forecast > 0 ? ip / forecast : null,
      projectedStockoutAt: forecast > 0 ? new Date(nowMs + (Math.max(0, net) / forecast) * DAY_MS).toISOString() : null,
    };
  });
}
