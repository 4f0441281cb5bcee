// Promotions are data from an admin UI or a database: check every field once, up front, so the
// engine can trust them and a bad promotion is reported with its path instead of failing midway.

import { show } from '../../core/show.js';
import { isMoney, type Money, rate } from '../../money/index.js';
import { PricingError } from '../errors.js';
import type { ItemFilter, Promotion, PromotionAction, PromotionCondition, PromotionLane } from '../types.js';
import type { CatalogIndex } from './catalogIndex.js';
import { windowMillis } from './instant.js';

/** A percentage as an exact fraction numerator / denominator of 1 (so '15' → 15 / 100). */
export interface Percent {
  readonly numerator: bigint;
  readonly denominator: bigint;
  /** `numerator` and `denominator` as numbers when both are safe integers (nearly always), else undefined. */
  readonly numeratorNumber: number | undefined;
  readonly denominatorNumber: number | undefined;
}

/** Parsed percentages by their written value: parsing is pure, and a few distinct values recur on every call. */
const percents = new Map<string | number, Percent>();

const MAX_CONDITION_DEPTH = 32;

function bad(field: string, reason: string): never {
  throw new PricingError('invalid_promotion', `${field}: ${reason}`, { field });
}

export function parsePercent(value: unknown, field: string): Percent {
  const key = typeof value === 'string' || typeof value === 'number' ? value : undefined;
  const known = key === undefined ? undefined : percents.get(key);
  if (known !== undefined) return known;
  let decimal: string;
  try {
    // '15' and '15%' both mean fifteen percent here: the field is a percentage already.
    decimal = rate(typeof value === 'string' && value.endsWith('%') ? value.slice(0, -1) : (value as string)).decimal;
  } catch {
    return bad(field, "expected an exact percentage such as '15' or '12.5'.");
  }
  const [whole = '0', fraction = ''] = decimal.split('.');
  const numerator = BigInt(whole + fraction);
  const denominator = 100n * 10n ** BigInt(fraction.length);
  if (numerator < 0n || numerator > denominator) bad(field, 'a percentage must be between 0 and 100.');
  const small = denominator <= 9007199254740991n;
  const percent: Percent = {
    numerator,
    denominator,
    numeratorNumber: small ? Number(numerator) : undefined,
    denominatorNumber: small ? Number(denominator) : undefined,
  };
  if (key !== undefined) {
    if (percents.size >= 1024) percents.clear();
    percents.set(key, percent);
  }
  return percent;
}

function checkMoney(value: unknown, currency: string, field: string): Money {
  if (!isMoney(value) || value.amount < 0) bad(field, 'expected non-negative Money.');
  if (value.currency !== currency) {
    throw new PricingError('currency_mismatch', `${field}: ${value.currency} in a ${currency} catalog.`, { field });
  }
  return value;
}

function checkCount(value: unknown, field: string, optional = false): void {
  if (optional && value === undefined) return;
  if (!Number.isSafeInteger(value) || (value as number) < 1) bad(field, 'expected a positive integer.');
}

function checkStrings(value: unknown, field: string, optional = true): void {
  if (optional && value === undefined) return;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) bad(field, 'expected an array of strings.');
}

function checkFilter(value: unknown, field: string, optional = true): void {
  if (optional && value === undefined) return;
  if (typeof value !== 'object' || value === null) bad(field, 'expected an item filter object.');
  const f = value as ItemFilter;
  checkStrings(f.skus, `${field}.skus`);
  checkStrings(f.categories, `${field}.categories`);
  checkStrings(f.excludeSkus, `${field}.excludeSkus`);
  checkStrings(f.excludeCategories, `${field}.excludeCategories`);
}

function checkCondition(value: unknown, currency: string, field: string, depth: number): void {
  if (depth > MAX_CONDITION_DEPTH) bad(field, `conditions nest deeper than ${MAX_CONDITION_DEPTH} levels.`);
  if (typeof value !== 'object' || value === null) bad(field, 'expected a condition object.');
  const c = value as Record<string, unknown>;
  if ('all' in c || 'any' in c) {
    const list = c['all'] ?? c['any'];
    if (!Array.isArray(list)) bad(field, 'expected an array of conditions.');
    list.forEach((child, i) => {
      checkCondition(child, currency, `${field}.${'all' in c ? 'all' : 'any'}[${i}]`, depth + 1);
    });
    return;
  }
  if ('not' in c) {
    checkCondition(c['not'], currency, `${field}.not`, depth + 1);
    return;
  }
  const leaf = value as Extract<PromotionCondition, { type: string }>;
  switch (leaf.type) {
    case 'min_subtotal':
      checkMoney(leaf.amount, currency, `${field}.amount`);
      checkFilter(leaf.filter, `${field}.filter`);
      return;
    case 'min_quantity':
      checkCount(leaf.quantity, `${field}.quantity`);
      checkFilter(leaf.filter, `${field}.filter`);
      return;
    case 'items_present':
      checkFilter(leaf.filter, `${field}.filter`, false);
      return;
    case 'customer_group':
      checkStrings(leaf.groups, `${field}.groups`, false);
      return;
    case 'customer':
      checkStrings(leaf.ids, `${field}.ids`, false);
      return;
    case 'nth_order':
      checkCount(leaf.n, `${field}.n`);
      return;
    case 'channel':
      checkStrings(leaf.channels, `${field}.channels`, false);
      return;
    case 'region':
      checkStrings(leaf.regions, `${field}.regions`, false);
      return;
    case 'date_window':
      windowMillis(leaf.window, `${field}.window`);
      return;
    case 'coupon':
      if (typeof leaf.code !== 'string' || leaf.code.trim().length === 0)
        bad(`${field}.code`, 'expected a non-empty string.');
      return;
    default:
      bad(`${field}.type`, `unknown condition ${show((leaf as { type?: unknown }).type)}.`);
  }
}

function checkAction(value: unknown, index: CatalogIndex, field: string): void {
  if (typeof value !== 'object' || value === null) bad(field, 'expected an action object.');
  const a = value as PromotionAction;
  const currency = index.currency;
  switch (a.type) {
    case 'percent_off_items':
      parsePercent(a.percent, `${field}.percent`);
      checkFilter(a.target, `${field}.target`);
      checkCount(a.maxQuantity, `${field}.maxQuantity`, true);
      return;
    case 'amount_off_unit':
      checkMoney(a.amount, currency, `${field}.amount`);
      checkFilter(a.target, `${field}.target`);
      checkCount(a.maxQuantity, `${field}.maxQuantity`, true);
      return;
    case 'amount_off_line':
      checkMoney(a.amount, currency, `${field}.amount`);
      checkFilter(a.target, `${field}.target`);
      return;
    case 'fixed_unit_price':
      checkMoney(a.price, currency, `${field}.price`);
      checkFilter(a.target, `${field}.target`);
      checkCount(a.maxQuantity, `${field}.maxQuantity`, true);
      return;
    case 'buy_x_get_y':
      if (typeof a.buy !== 'object' || a.buy === null) bad(`${field}.buy`, 'expected { quantity, filter? }.');
      if (typeof a.get !== 'object' || a.get === null) bad(`${field}.get`, 'expected { quantity, filter?, discount }.');
      checkCount(a.buy.quantity, `${field}.buy.quantity`);
      checkFilter(a.buy.filter, `${field}.buy.filter`);
      checkCount(a.get.quantity, `${field}.get.quantity`);
      checkFilter(a.get.filter, `${field}.get.filter`);
      if (a.discounted !== undefined && a.discounted !== 'cheapest' && a.discounted !== 'dearest') {
        bad(`${field}.discounted`, "expected 'cheapest' or 'dearest'.");
      }
      checkCount(a.maxApplications, `${field}.maxApplications`, true);
      switch (a.get.discount?.type) {
        case 'free':
          return;
        case 'percent':
          parsePercent(a.get.discount.percent, `${field}.get.discount.percent`);
          return;
        case 'amount':
          checkMoney(a.get.discount.amount, currency, `${field}.get.discount.amount`);
          return;
        default:
          bad(`${field}.get.discount`, "expected { type: 'free' | 'percent' | 'amount' }.");
      }
      return;
    case 'bundle_price':
      if (!Array.isArray(a.items) || a.items.length === 0)
        bad(`${field}.items`, 'expected a non-empty array of { sku, quantity }.');
      a.items.forEach((item, i) => {
        if (typeof item?.sku !== 'string') bad(`${field}.items[${i}].sku`, 'expected a string.');
        checkCount(item.quantity, `${field}.items[${i}].quantity`);
        if (a.items.findIndex((other) => other.sku === item.sku) !== i)
          bad(`${field}.items[${i}].sku`, 'a SKU appears twice in the bundle.');
      });
      checkMoney(a.price, currency, `${field}.price`);
      checkCount(a.maxApplications, `${field}.maxApplications`, true);
      return;
    case 'percent_off_order':
      parsePercent(a.percent, `${field}.percent`);
      checkFilter(a.target, `${field}.target`);
      return;
    case 'amount_off_order':
      checkMoney(a.amount, currency, `${field}.amount`);
      checkFilter(a.target, `${field}.target`);
      return;
    case 'tiered_spend':
      if (!Array.isArray(a.tiers) || a.tiers.length === 0)
        bad(`${field}.tiers`, 'expected a non-empty array of tiers.');
      a.tiers.forEach((tier, i) => {
        checkMoney(tier?.minSubtotal, currency, `${field}.tiers[${i}].minSubtotal`);
        checkMoney(tier.amountOff, currency, `${field}.tiers[${i}].amountOff`);
      });
      checkFilter(a.target, `${field}.target`);
      return;
    case 'shipping_discount':
      if ((a.percent === undefined) === (a.amount === undefined)) bad(field, 'give exactly one of percent and amount.');
      if (a.percent !== undefined) parsePercent(a.percent, `${field}.percent`);
      if (a.amount !== undefined) checkMoney(a.amount, currency, `${field}.amount`);
      return;
    case 'free_gift':
      if (typeof a.sku !== 'string' || !index.skus.has(a.sku))
        bad(`${field}.sku`, 'the gift SKU must be in the catalog.');
      checkCount(a.quantity, `${field}.quantity`);
      return;
    default:
      bad(`${field}.type`, `unknown action ${show((a as { type?: unknown }).type)}.`);
  }
}

/** Checks lanes and promotions; returns the lanes to use (default: one stacking lane). */
/** Promotions whose deep checks passed, per catalog index. */
const deeplyChecked = new WeakMap<CatalogIndex, WeakSet<Promotion>>();

/** The lanes when none are given: one stacking lane. */
const DEFAULT_LANES: readonly PromotionLane[] = Object.freeze([
  Object.freeze({ id: 'default', mode: 'stack' as const }),
]);

export function checkPromotions(
  promotions: unknown,
  lanes: unknown,
  index: CatalogIndex,
): { promotions: readonly Promotion[]; lanes: readonly PromotionLane[] } {
  let laneList: readonly PromotionLane[] = DEFAULT_LANES;
  if (lanes !== undefined) {
    if (!Array.isArray(lanes) || lanes.length === 0) {
      throw new PricingError('invalid_options', 'options.lanes: expected a non-empty array of { id, mode? }.', {
        field: 'options.lanes',
      });
    }
    lanes.forEach((lane: PromotionLane, i) => {
      if (typeof lane?.id !== 'string' || lanes.findIndex((l: PromotionLane) => l?.id === lane.id) !== i) {
        throw new PricingError('invalid_options', `options.lanes[${i}].id: expected a unique string.`, {
          field: `options.lanes[${i}].id`,
        });
      }
      if (lane.mode !== undefined && lane.mode !== 'stack' && lane.mode !== 'best_per_item') {
        throw new PricingError('invalid_options', `options.lanes[${i}].mode: expected 'stack' or 'best_per_item'.`, {
          field: `options.lanes[${i}].mode`,
        });
      }
    });
    laneList = lanes;
  }
  if (promotions === undefined) return { promotions: [], lanes: laneList };
  if (!Array.isArray(promotions)) bad('options.promotions', 'expected an array.');
  const ids = new Set<string>();
  promotions.forEach((p: Promotion, i) => {
    const field = `options.promotions[${i}]`;
    if (typeof p !== 'object' || p === null) bad(field, 'expected a promotion object.');
    if (typeof p.id !== 'string' || p.id.length === 0) bad(`${field}.id`, 'expected a non-empty string.');
    if (ids.has(p.id)) bad(`${field}.id`, `duplicate promotion id ${JSON.stringify(p.id)}.`);
    ids.add(p.id);
    if (p.lane !== undefined && !laneList.some((l) => l.id === p.lane))
      bad(`${field}.lane`, `unknown lane ${show(p.lane)}.`);
    if (p.priority !== undefined && !Number.isFinite(p.priority)) bad(`${field}.priority`, 'expected a finite number.');
    if (p.base !== undefined && p.base !== 'current' && p.base !== 'list')
      bad(`${field}.base`, "expected 'current' or 'list'.");
    if (p.exclusive !== undefined && typeof p.exclusive !== 'boolean') bad(`${field}.exclusive`, 'expected a boolean.');
    if (p.group !== undefined && typeof p.group !== 'string') bad(`${field}.group`, 'expected a string.');
    checkStrings(p.notCombinableWith, `${field}.notCombinableWith`);
    // The deep checks depend only on the promotion (immutable data) and the catalog: once passed,
    // they are not repeated for the same pair.
    let checked = deeplyChecked.get(index);
    if (checked?.has(p)) return;
    windowMillis(p.window, `${field}.window`);
    if (p.condition !== undefined) checkCondition(p.condition, index.currency, `${field}.condition`, 0);
    checkAction(p.action, index, `${field}.action`);
    if (p.limits !== undefined) {
      if (typeof p.limits !== 'object' || p.limits === null) bad(`${field}.limits`, 'expected an object.');
      checkCount(p.limits.maxUses, `${field}.limits.maxUses`, true);
      checkCount(p.limits.maxUsesPerCustomer, `${field}.limits.maxUsesPerCustomer`, true);
      if (p.limits.budget !== undefined) checkMoney(p.limits.budget, index.currency, `${field}.limits.budget`);
    }
    if (checked === undefined) {
      checked = new WeakSet();
      deeplyChecked.set(index, checked);
    }
    checked.add(p);
  });
  return { promotions, lanes: laneList };
}
