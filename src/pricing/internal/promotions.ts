// The promotion engine. It works on integer minor units (every amount here is a safe integer); any
// rate or ratio is computed exactly with bigints and rounded once with the named mode. No function
// here mutates its inputs: the working state is local to one `applyPromotions` call.
import { fromRatio, type Money, type RoundingMode } from '../../money/index.js';
import type {
  CatalogItem,
  ItemFilter,
  PricingCustomer,
  Promotion,
  PromotionAction,
  PromotionCondition,
  PromotionLane,
  PromotionRejection,
  PromotionTrace,
  PromotionUsage,
  UsageIntent,
} from '../types.js';
import { filterVerdicts } from './filters.js';
import { isActive, windowMillis } from './instant.js';
import { allocateMinor, minorMoney, ratio } from './minor.js';
import { type Percent, parsePercent } from './validatePromotions.js';

/** A line as the engine sees it. */
export interface EngineLine {
  readonly id: string;
  readonly sku: string;
  readonly quantity: number;
  readonly item: CatalogItem;
  /** Unit price × quantity before promotions, in minor units. */
  readonly list: number;
  /** Set on gift lines added by a promotion. */
  readonly giftOf?: string;
  /** The SKU's ordinal in the catalog (see `SkuPrices.ordinal`); gift lines are never matched by filters. */
  readonly ordinal: number;
}

export interface EngineContext {
  readonly currency: string;
  readonly now: number;
  readonly customer: PricingCustomer | undefined;
  readonly channel: string | undefined;
  readonly region: string | undefined;
  readonly couponCodes: ReadonlySet<string>;
  readonly usage: ReadonlyMap<string, PromotionUsage>;
  readonly rounding: RoundingMode;
  /** The catalog index (a key for memoised filter verdicts) and its SKU count. */
  readonly catalogKey: object;
  readonly skuCount: number;
  /** Prices a gift line (selection of the gift SKU at that quantity): its list amount in minor units. */
  readonly giftList: (sku: string, quantity: number) => number;
}

export interface EngineResult {
  /**
   * Per line index (the input lines, then `giftLines`): the discounts of the line's id in application
   * order, undefined when none. Lines with the same id (a gift line whose id a cart line also has) share one list.
   */
  readonly discounts: readonly (readonly { promotionId: string; amount: Money }[] | undefined)[];
  /** Per line index: Σ of its `discounts` in minor units (0 when none); may be beyond the safe range. */
  readonly discountTotals: readonly number[];
  readonly shippingDiscounts: readonly { promotionId: string; amount: number }[];
  readonly giftLines: readonly EngineLine[];
  readonly trace: readonly PromotionTrace[];
  readonly usageIntents: readonly UsageIntent[];
}

interface State {
  readonly lines: EngineLine[];
  /** Current amount (after discounts so far) per line index. */
  readonly current: number[];
  shippingCurrent: number;
  /** The discounts per line id, in application order: the list of a line's id is `discounts[slots[index]]`. */
  readonly discounts: ({ promotionId: string; amount: Money }[] | undefined)[];
  /** Σ amounts of `discounts[slot]`, per slot. */
  readonly discountTotals: number[];
  /** Per line index: the first index of a line with its id (cart line ids are distinct; a gift's may not be). */
  readonly slots: number[];
  readonly shippingDiscounts: { promotionId: string; amount: number }[];
  readonly applied: Promotion[];
  /** The indexes of the (non-gift) lines an item filter matches, in order. */
  readonly eligible: LineIndex['eligible'];
  /** The indexes of the (non-gift) lines of a SKU, in order. */
  readonly withSku: LineIndex['withSku'];
}

/** What a promotion would do, before it is committed. */
interface Proposal {
  /**
   * The line indexes with a discount, each once, ascending as the actions produce them (`commit`
   * sorts any that are not); `amounts[k]` is the (positive) discount of line `indexes[k]`.
   */
  indexes: number[];
  amounts: number[];
  shipping: number;
  baseAmount: number | undefined;
  cappedByLineFloor: boolean;
  cappedByBudget: boolean;
  applications?: { buy: { lineId: string; units: number }[]; get: { lineId: string; units: number }[] }[];
  gift?: EngineLine;
  /** True when no line matched the action's items at all. */
  noEligibleItems: boolean;
}

type Outcome =
  | { readonly ok: true; readonly proposal: Proposal }
  | { readonly ok: false; readonly reason: PromotionRejection; readonly conflictsWith?: string };

const ACTION_LEVEL: Record<PromotionAction['type'], 'line' | 'order' | 'shipping' | 'gift'> = {
  percent_off_items: 'line',
  amount_off_unit: 'line',
  amount_off_line: 'line',
  fixed_unit_price: 'line',
  buy_x_get_y: 'line',
  bundle_price: 'line',
  percent_off_order: 'order',
  amount_off_order: 'order',
  tiered_spend: 'order',
  shipping_discount: 'shipping',
  free_gift: 'gift',
};

/** round(value × units × percent / quantity) with the mode, exactly: `units` of a line's `quantity`, at a percentage. */
function unitsShare(
  value: number,
  units: number,
  quantity: number,
  percent: Percent,
  mode: RoundingMode,
  currency: string,
): number {
  const n = percent.numeratorNumber;
  const d = percent.denominatorNumber;
  if (n !== undefined && d !== undefined) {
    const numerator = units * n;
    const denominator = quantity * d;
    if (numerator <= Number.MAX_SAFE_INTEGER && denominator <= Number.MAX_SAFE_INTEGER)
      return ratio(value, numerator, denominator, mode, currency);
  }
  return ratio(value, BigInt(units) * percent.numerator, BigInt(quantity) * percent.denominator, mode, currency);
}

function percentOf(amount: number, percent: Percent, mode: RoundingMode, currency: string): number {
  return unitsShare(amount, 1, 1, percent, mode, currency);
}

/** Per call: the (non-gift) line indexes by SKU and by category, and each item filter's matches. */
interface LineIndex {
  /** The indexes of the lines an item filter matches, ascending; computed once per filter object. */
  readonly eligible: (filter: ItemFilter | undefined) => readonly number[];
  /** The indexes of the lines of a SKU, ascending. */
  readonly withSku: (sku: string) => readonly number[];
}

function indexLines(lines: readonly EngineLine[], context: EngineContext): LineIndex {
  // Filter matches come from each filter's memoised verdicts per catalog SKU (filled in on first
  // sight of a SKU), so a call only reads one table entry per line and filter. The lines of a SKU
  // (bundles only) are indexed on first use. Built from `lines` as given, which no one mutates.
  let bySku: Map<string, number[]> | undefined;
  const none: readonly number[] = [];
  const cache = new Map<ItemFilter | undefined, readonly number[]>();
  const eligible = (filter: ItemFilter | undefined): readonly number[] => {
    let found = cache.get(filter) as number[] | undefined;
    if (found !== undefined) return found;
    found = [];
    if (filter === undefined) {
      for (let i = 0; i < lines.length; i++) if ((lines[i] as EngineLine).giftOf === undefined) found.push(i);
    } else {
      const { matches, verdicts } = filterVerdicts(filter, context.catalogKey, context.skuCount);
      if (verdicts === undefined) {
        for (let i = 0; i < lines.length; i++) {
          const line = lines[i] as EngineLine;
          if (line.giftOf === undefined && matches(line.item)) found.push(i);
        }
        cache.set(filter, found);
        return found;
      }
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i] as EngineLine;
        if (line.giftOf !== undefined) continue;
        let verdict = verdicts[line.ordinal];
        if (verdict === 0) {
          verdict = matches(line.item) ? 2 : 1;
          verdicts[line.ordinal] = verdict;
        }
        if (verdict === 2) found.push(i);
      }
    }
    cache.set(filter, found);
    return found;
  };
  const withSku = (sku: string): readonly number[] => {
    if (bySku === undefined) {
      bySku = new Map();
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i] as EngineLine;
        if (line.giftOf !== undefined) continue;
        const list = bySku.get(line.sku);
        if (list === undefined) bySku.set(line.sku, [i]);
        else list.push(i);
      }
    }
    return bySku.get(sku) ?? none;
  };
  return { eligible, withSku };
}

function normaliseCoupon(code: string): string {
  return code.trim().toUpperCase();
}

// ---------------------------------------------------------------------------------------------
// Conditions

interface ConditionView {
  readonly lines: readonly EngineLine[];
  readonly amounts: readonly number[];
  readonly context: EngineContext;
  readonly eligible: State['eligible'];
}

function filteredTotals(
  view: ConditionView,
  filter: ItemFilter | undefined,
): { amount: number; quantity: number; count: number } {
  let amount = 0;
  let quantity = 0;
  const indexes = view.eligible(filter);
  for (const i of indexes) {
    amount += view.amounts[i] as number;
    quantity += (view.lines[i] as EngineLine).quantity;
  }
  return { amount, quantity, count: indexes.length };
}

/** Whether a condition holds; when not, the most specific reason. */
function evaluateCondition(condition: PromotionCondition, view: ConditionView): PromotionRejection | undefined {
  if ('all' in condition) {
    for (const child of condition.all) {
      const reason = evaluateCondition(child, view);
      if (reason !== undefined) return reason;
    }
    return undefined;
  }
  if ('any' in condition) {
    let first: PromotionRejection | undefined;
    for (const child of condition.any) {
      const reason = evaluateCondition(child, view);
      if (reason === undefined) return undefined;
      first ??= reason;
    }
    return first ?? 'items_not_present';
  }
  if ('not' in condition)
    return evaluateCondition(condition.not, view) === undefined ? 'negated_condition_met' : undefined;
  const { context } = view;
  switch (condition.type) {
    case 'min_subtotal':
      return filteredTotals(view, condition.filter).amount >= condition.amount.amount
        ? undefined
        : 'min_subtotal_not_met';
    case 'min_quantity':
      return filteredTotals(view, condition.filter).quantity >= condition.quantity ? undefined : 'min_quantity_not_met';
    case 'items_present':
      return filteredTotals(view, condition.filter).count > 0 ? undefined : 'items_not_present';
    case 'customer_group':
      return (context.customer?.groups ?? []).some((g) => condition.groups.includes(g))
        ? undefined
        : 'customer_group_not_met';
    case 'customer':
      return context.customer?.id !== undefined && condition.ids.includes(context.customer.id)
        ? undefined
        : 'customer_not_met';
    case 'nth_order': {
      const previous = context.customer?.previousOrders;
      return previous !== undefined && previous + 1 === condition.n ? undefined : 'nth_order_not_met';
    }
    case 'channel':
      return context.channel !== undefined && condition.channels.includes(context.channel)
        ? undefined
        : 'channel_not_met';
    case 'region':
      return context.region !== undefined && condition.regions.includes(context.region) ? undefined : 'region_not_met';
    case 'date_window':
      return isActive(windowMillis(condition.window, 'condition.window'), context.now)
        ? undefined
        : 'date_window_not_met';
    case 'coupon':
      return context.couponCodes.has(normaliseCoupon(condition.code)) ? undefined : 'coupon_not_present';
  }
}

/** The coupon codes in a condition that the cart presents (for usage intents). */
function presentedCoupon(condition: PromotionCondition | undefined, codes: ReadonlySet<string>): string | undefined {
  if (condition === undefined) return undefined;
  if ('all' in condition || 'any' in condition) {
    for (const child of 'all' in condition ? condition.all : condition.any) {
      const code = presentedCoupon(child, codes);
      if (code !== undefined) return code;
    }
    return undefined;
  }
  if ('not' in condition) return undefined;
  return condition.type === 'coupon' && codes.has(normaliseCoupon(condition.code))
    ? normaliseCoupon(condition.code)
    : undefined;
}

// ---------------------------------------------------------------------------------------------
// Actions: each returns a proposal computed on `base` amounts and capped by `current` amounts.

function emptyProposal(): Proposal {
  return {
    indexes: [],
    amounts: [],
    shipping: 0,
    baseAmount: undefined,
    cappedByLineFloor: false,
    cappedByBudget: false,
    noEligibleItems: false,
  };
}

/** The proposal's discount on a line index (0 when none). */
function amountAt(proposal: Proposal, index: number): number {
  const k = proposal.indexes.indexOf(index);
  return k < 0 ? 0 : (proposal.amounts[k] as number);
}

/** Adds a discount on a line index, capped by what is left on the line. */
function propose(proposal: Proposal, index: number, amount: number, current: readonly number[]): void {
  const { indexes, amounts } = proposal;
  // Actions propose each line once, in ascending order, so an earlier entry is only ever the last.
  let k = indexes.length - 1;
  if (k >= 0 && indexes[k] !== index) k = indexes.indexOf(index);
  const before = k < 0 ? 0 : (amounts[k] as number);
  const granted = Math.min(amount, (current[index] as number) - before);
  if (granted < amount) proposal.cappedByLineFloor = true;
  if (granted <= 0) return;
  if (k < 0) {
    indexes.push(index);
    amounts.push(granted);
  } else amounts[k] = before + granted;
}

function eligibleIndexes(state: State, filter: ItemFilter | undefined): readonly number[] {
  return state.eligible(filter);
}

/** Spreads an order-level amount over lines by largest remainder, weighted by what is left on each. */
function spread(proposal: Proposal, total: number, indexes: readonly number[], state: State, currency: string): void {
  const weights: number[] = new Array(indexes.length);
  let room = 0;
  for (let k = 0; k < indexes.length; k++) {
    const w = state.current[indexes[k] as number] as number;
    weights[k] = w;
    room += w;
  }
  const granted = Math.min(total, room);
  if (granted < total) proposal.cappedByLineFloor = true;
  if (granted <= 0) return;
  const parts = allocateMinor(granted, weights, currency);
  let positive = 0;
  for (let k = 0; k < parts.length; k++) if ((parts[k] as number) > 0) positive++;
  if (positive === parts.length && proposal.indexes.length === 0) {
    // Every eligible line gets a share (the usual case): the arrays as they are.
    proposal.indexes = indexes.slice();
    proposal.amounts = parts;
    return;
  }
  for (let k = 0; k < indexes.length; k++) {
    const part = parts[k] as number;
    if (part > 0) {
      proposal.indexes.push(indexes[k] as number);
      proposal.amounts.push(part);
    }
  }
}

interface Unit {
  readonly index: number;
  /** Whether the unit's line is on the buy side, the get side (or both). */
  readonly buyable: boolean;
  readonly gettable: boolean;
  remaining: number;
  /** Units of the line got so far. */
  got: number;
}

/** Compares unit prices base_a/qty_a and base_b/qty_b exactly, ties broken by line id. */
function byUnitPrice(state: State, base: readonly number[]): (a: Unit, b: Unit) => number {
  return (a, b) => {
    const la = state.lines[a.index] as EngineLine;
    const lb = state.lines[b.index] as EngineLine;
    // Exact as doubles while both products are safe integers (amounts and quantities are ≥ 0).
    let left: number | bigint = (base[a.index] as number) * lb.quantity;
    let right: number | bigint = (base[b.index] as number) * la.quantity;
    if (left > Number.MAX_SAFE_INTEGER || right > Number.MAX_SAFE_INTEGER) {
      left = BigInt(base[a.index] as number) * BigInt(lb.quantity);
      right = BigInt(base[b.index] as number) * BigInt(la.quantity);
    }
    return left < right ? -1 : left > right ? 1 : la.id < lb.id ? -1 : la.id > lb.id ? 1 : 0;
  };
}

/** A side's units in one application: the line ids and unit counts, in the order they were taken. */
type TakenUnits = { lineId: string; units: number }[];

/**
 * Takes `count` units for one side, walking `order` from the side's cursor (units before it are
 * used up for that side: units only run out while applications succeed). Returns the taken units,
 * or undefined — with nothing taken — when there are not enough.
 */
function takeUnits(
  order: readonly Unit[],
  buySide: boolean,
  count: number,
  cursor: { start: number },
  lines: readonly EngineLine[],
): TakenUnits | undefined {
  let i = cursor.start;
  while (i < order.length) {
    const unit = order[i] as Unit;
    if ((buySide ? unit.buyable : unit.gettable) && unit.remaining > 0) break;
    i++;
  }
  cursor.start = i;
  let needed = count;
  let available = 0;
  for (let j = i; j < order.length && available < needed; j++) {
    const unit = order[j] as Unit;
    if ((buySide ? unit.buyable : unit.gettable) && unit.remaining > 0) available += unit.remaining;
  }
  if (available < needed) return undefined;
  const taken: TakenUnits = [];
  for (; needed > 0; i++) {
    const unit = order[i] as Unit;
    if (!(buySide ? unit.buyable : unit.gettable) || unit.remaining === 0) continue;
    const n = Math.min(unit.remaining, needed);
    unit.remaining -= n;
    needed -= n;
    if (!buySide) unit.got += n;
    taken.push({ lineId: (lines[unit.index] as EngineLine).id, units: n });
  }
  return taken;
}

function buyXGetY(
  action: Extract<PromotionAction, { type: 'buy_x_get_y' }>,
  state: State,
  base: readonly number[],
  context: EngineContext,
): Proposal {
  const proposal = emptyProposal();
  // One pool of remaining units per line, shared by the buy and the get side: a unit is used once.
  // Both sides' eligible lines come ascending; merged, each line once with its sides.
  const buyIndexes = eligibleIndexes(state, action.buy.filter);
  const getIndexes = eligibleIndexes(state, action.get.filter);
  const units: Unit[] = [];
  let anyBuyable = false;
  let anyGettable = false;
  for (let b = 0, g = 0; b < buyIndexes.length || g < getIndexes.length; ) {
    const nextBuy = b < buyIndexes.length ? (buyIndexes[b] as number) : Number.POSITIVE_INFINITY;
    const nextGet = g < getIndexes.length ? (getIndexes[g] as number) : Number.POSITIVE_INFINITY;
    const index = Math.min(nextBuy, nextGet);
    if (nextBuy === index) b++;
    if (nextGet === index) g++;
    if ((state.current[index] as number) <= 0) continue;
    const buyable = nextBuy === index;
    const gettable = nextGet === index;
    anyBuyable ||= buyable;
    anyGettable ||= gettable;
    units.push({ index, buyable, gettable, remaining: (state.lines[index] as EngineLine).quantity, got: 0 });
  }
  proposal.noEligibleItems = !anyBuyable || !anyGettable;
  units.sort(byUnitPrice(state, base)); // cheapest first
  const cheapestFirst = action.discounted !== 'dearest';
  const reversed = [...units].reverse();
  const getOrder = cheapestFirst ? units : reversed;
  const buyOrder = cheapestFirst ? reversed : units;
  const maxApplications = action.maxApplications ?? Number.POSITIVE_INFINITY;
  const applications: NonNullable<Proposal['applications']> = [];
  const buyCursor = { start: 0 };
  const getCursor = { start: 0 };
  while (applications.length < maxApplications) {
    const bought = takeUnits(buyOrder, true, action.buy.quantity, buyCursor, state.lines);
    if (bought === undefined) break;
    const got = takeUnits(getOrder, false, action.get.quantity, getCursor, state.lines);
    if (got === undefined) break; // the bought units are not used: the proposal is built from `got` only
    applications.push({ buy: bought, get: got });
  }
  proposal.applications = applications;
  const discount = action.get.discount;
  const full: Percent = { numerator: 1n, denominator: 1n, numeratorNumber: 1, denominatorNumber: 1 };
  const percent = discount.type === 'percent' ? parsePercent(discount.percent, 'percent') : full;
  const gotUnits = units.filter((u) => u.got > 0).sort((a, b) => a.index - b.index);
  for (const unit of gotUnits) {
    const index = unit.index;
    const line = state.lines[index] as EngineLine;
    const value = base[index] as number;
    // The got units' share of the line: value × got / quantity, then the discount on it.
    const amount =
      discount.type === 'amount'
        ? Math.min(
            discount.amount.amount * unit.got,
            ratio(value, unit.got, line.quantity, context.rounding, context.currency),
          )
        : unitsShare(value, unit.got, line.quantity, percent, context.rounding, context.currency);
    propose(proposal, index, amount, state.current);
  }
  return proposal;
}

function bundlePrice(
  action: Extract<PromotionAction, { type: 'bundle_price' }>,
  state: State,
  base: readonly number[],
  context: EngineContext,
): Proposal {
  const proposal = emptyProposal();
  // Per bundle SKU, its lines in id order (lines are already sorted by id).
  const linesOf = action.items.map((item) =>
    state.withSku(item.sku).filter((index) => (state.current[index] as number) > 0),
  );
  const available = action.items.map((_item, k) =>
    (linesOf[k] as number[]).reduce((s, i) => s + (state.lines[i] as EngineLine).quantity, 0),
  );
  let sets = Math.min(...action.items.map((item, k) => Math.floor((available[k] as number) / item.quantity)));
  if (action.maxApplications !== undefined) sets = Math.min(sets, action.maxApplications);
  proposal.noEligibleItems = sets === 0;
  if (sets === 0) return proposal;
  // Units used per line, drawn from each SKU's lines in id order.
  const used = new Map<number, number>();
  action.items.forEach((item, k) => {
    let needed = item.quantity * sets;
    for (const index of linesOf[k] as number[]) {
      const n = Math.min(needed, (state.lines[index] as EngineLine).quantity);
      if (n > 0) used.set(index, n);
      needed -= n;
    }
  });
  const entries = [...used].sort((a, b) => a[0] - b[0]);
  // Exact value of the bundled units: Σ base_i × used_i / quantity_i, over a common denominator.
  let common = 1n;
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
  for (const [index] of entries) {
    const q = BigInt((state.lines[index] as EngineLine).quantity);
    common = (common / gcd(common, q)) * q;
  }
  const weights = entries.map(
    ([index, n]) =>
      BigInt(base[index] as number) * BigInt(n) * (common / BigInt((state.lines[index] as EngineLine).quantity)),
  );
  const value = fromRatio(
    weights.reduce((s, w) => s + w, 0n),
    common,
    context.currency,
    context.rounding,
  ).amount;
  proposal.baseAmount = value;
  const discount = value - action.price.amount * sets;
  proposal.applications = Array.from({ length: 1 }, () => ({
    buy: entries.map(([index, n]) => ({ lineId: (state.lines[index] as EngineLine).id, units: n })),
    get: [],
  }));
  if (discount <= 0) return proposal;
  const parts = allocateMinor(discount, weights, context.currency);
  entries.forEach(([index], k) => {
    propose(proposal, index, parts[k] as number, state.current);
  });
  return proposal;
}

function computeAction(promotion: Promotion, state: State, base: readonly number[], context: EngineContext): Proposal {
  const action = promotion.action;
  const { currency, rounding } = context;
  const proposal = emptyProposal();
  switch (action.type) {
    case 'percent_off_items':
    case 'amount_off_unit':
    case 'amount_off_line':
    case 'fixed_unit_price': {
      const indexes = eligibleIndexes(state, action.target);
      proposal.noEligibleItems = indexes.length === 0;
      const percent = action.type === 'percent_off_items' ? parsePercent(action.percent, 'percent') : undefined;
      for (const index of indexes) {
        const line = state.lines[index] as EngineLine;
        const value = base[index] as number;
        const units =
          'maxQuantity' in action && action.maxQuantity !== undefined
            ? Math.min(action.maxQuantity, line.quantity)
            : line.quantity;
        let amount: number;
        if (percent !== undefined) {
          amount = unitsShare(value, units, line.quantity, percent, rounding, currency);
        } else if (action.type === 'amount_off_unit') {
          amount = action.amount.amount * units;
        } else if (action.type === 'amount_off_line') {
          amount = action.amount.amount;
        } else {
          // fixed_unit_price: the units' value minus price × units; never raises a price.
          const unitsValue = ratio(value, units, line.quantity, rounding, currency);
          amount = Math.max(
            0,
            unitsValue - (action as Extract<PromotionAction, { type: 'fixed_unit_price' }>).price.amount * units,
          );
        }
        propose(proposal, index, amount, state.current);
      }
      return proposal;
    }
    case 'buy_x_get_y':
      return buyXGetY(action, state, base, context);
    case 'bundle_price':
      return bundlePrice(action, state, base, context);
    case 'percent_off_order':
    case 'amount_off_order':
    case 'tiered_spend': {
      const indexes = eligibleIndexes(state, action.target).filter((i) => (state.current[i] as number) > 0);
      proposal.noEligibleItems = indexes.length === 0;
      const subtotal = indexes.reduce((s, i) => s + (base[i] as number), 0);
      proposal.baseAmount = subtotal;
      let total = 0;
      if (action.type === 'percent_off_order')
        total = percentOf(subtotal, parsePercent(action.percent, 'percent'), rounding, currency);
      else if (action.type === 'amount_off_order') total = action.amount.amount;
      else {
        for (const tier of action.tiers) {
          if (subtotal >= tier.minSubtotal.amount && tier.amountOff.amount > total) total = tier.amountOff.amount;
        }
      }
      spread(proposal, total, indexes, state, currency);
      return proposal;
    }
    case 'shipping_discount': {
      const amount =
        action.percent !== undefined
          ? percentOf(state.shippingCurrent, parsePercent(action.percent, 'percent'), rounding, currency)
          : (action.amount?.amount ?? 0);
      proposal.baseAmount = state.shippingCurrent;
      proposal.shipping = Math.min(amount, state.shippingCurrent);
      if (proposal.shipping < amount) proposal.cappedByLineFloor = true;
      return proposal;
    }
    case 'free_gift': {
      const id = `gift:${promotion.id}`;
      const item = { sku: action.sku } as CatalogItem;
      const list = context.giftList(action.sku, action.quantity);
      proposal.gift = { id, sku: action.sku, quantity: action.quantity, item, list, giftOf: promotion.id, ordinal: -1 };
      return proposal;
    }
  }
}

function totalOf(proposal: Proposal): number {
  let total = proposal.shipping + (proposal.gift?.list ?? 0);
  for (const amount of proposal.amounts) total += amount;
  return total;
}

/** Caps a proposal at the promotion's remaining budget, spread by largest remainder. */
function capToBudget(proposal: Proposal, remaining: number, context: EngineContext): void {
  const total = totalOf(proposal);
  if (total <= remaining) return;
  proposal.cappedByBudget = true;
  sortEntries(proposal);
  const count = proposal.indexes.length;
  const parts = allocateMinor(remaining, [...proposal.amounts, proposal.shipping], context.currency);
  const indexes: number[] = [];
  const amounts: number[] = [];
  for (let k = 0; k < count; k++) {
    const part = parts[k] as number;
    if (part > 0) {
      indexes.push(proposal.indexes[k] as number);
      amounts.push(part);
    }
  }
  proposal.indexes = indexes;
  proposal.amounts = amounts;
  proposal.shipping = parts[count] as number;
}

/** Puts a proposal's entries in ascending line order (they usually already are: then nothing is done). */
function sortEntries(proposal: Proposal): void {
  const { indexes, amounts } = proposal;
  let ascending = true;
  for (let k = 1; k < indexes.length; k++) {
    if ((indexes[k] as number) < (indexes[k - 1] as number)) {
      ascending = false;
      break;
    }
  }
  if (ascending) return;
  const order = indexes.map((_, k) => k).sort((a, b) => (indexes[a] as number) - (indexes[b] as number));
  proposal.indexes = order.map((k) => indexes[k] as number);
  proposal.amounts = order.map((k) => amounts[k] as number);
}

// ---------------------------------------------------------------------------------------------
// The run

function sortInLane(a: Promotion, b: Promotion): number {
  return (b.priority ?? 0) - (a.priority ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The last ordering computed, with its inputs: callers price many carts with the same promotions. */
let lastOrder:
  | {
      promotions: readonly Promotion[];
      lanes: readonly PromotionLane[];
      copy: Promotion[];
      lanesCopy: { id: string; lane: PromotionLane }[];
      ordered: Promotion[];
    }
  | undefined;

/**
 * Promotions in run order: lanes in order, inside a lane by priority then id. The last result is
 * reused when the same promotion objects come in the same lanes (checked element by element, so an
 * array changed in place is never mistaken for the one ordered before).
 */
function orderedPromotions(
  promotions: readonly Promotion[],
  lanes: readonly PromotionLane[],
  laneOf: (p: Promotion) => string,
): Promotion[] {
  const last = lastOrder;
  if (
    last !== undefined &&
    last.promotions === promotions &&
    last.lanes === lanes &&
    last.copy.length === promotions.length &&
    last.lanesCopy.length === lanes.length &&
    last.lanesCopy.every((l, i) => l.lane === lanes[i] && l.id === lanes[i]?.id)
  ) {
    let same = true;
    for (let i = 0; i < promotions.length; i++) {
      if (last.copy[i] !== promotions[i]) {
        same = false;
        break;
      }
    }
    if (same) return last.ordered;
  }
  const ordered = lanes.flatMap((lane) => promotions.filter((p) => laneOf(p) === lane.id).sort(sortInLane));
  lastOrder = {
    promotions,
    lanes,
    copy: [...promotions],
    lanesCopy: lanes.map((lane) => ({ id: lane.id, lane })),
    ordered,
  };
  return ordered;
}

function conflict(promotion: Promotion, applied: readonly Promotion[]): Promotion | undefined {
  return applied.find(
    (other) =>
      (other.group !== undefined && promotion.notCombinableWith?.includes(other.group)) ||
      (promotion.group !== undefined && other.notCombinableWith?.includes(promotion.group)),
  );
}

/** Checks that do not depend on amounts: window, usage limits, budget left, condition. */
function precheck(promotion: Promotion, view: ConditionView, context: EngineContext): PromotionRejection | undefined {
  if (promotion.window !== undefined && !isActive(windowMillis(promotion.window, 'promotion.window'), context.now))
    return 'window_inactive';
  const usage = context.usage.get(promotion.id);
  const limits = promotion.limits;
  if (limits?.maxUses !== undefined && (usage?.uses ?? 0) >= limits.maxUses) return 'usage_limit_reached';
  if (limits?.maxUsesPerCustomer !== undefined && (usage?.customerUses ?? 0) >= limits.maxUsesPerCustomer)
    return 'customer_usage_limit_reached';
  if (limits?.budget !== undefined && limits.budget.amount - (usage?.budgetSpent?.amount ?? 0) <= 0)
    return 'budget_exhausted';
  return promotion.condition === undefined ? undefined : evaluateCondition(promotion.condition, view);
}

function evaluate(
  promotion: Promotion,
  state: State,
  laneStart: readonly number[],
  context: EngineContext,
  list: readonly number[],
): Outcome {
  const reason = precheck(
    promotion,
    { lines: state.lines, amounts: laneStart, context, eligible: state.eligible },
    context,
  );
  if (reason !== undefined) return { ok: false, reason };
  const clash = conflict(promotion, state.applied);
  if (clash !== undefined) return { ok: false, reason: 'not_combinable', conflictsWith: clash.id };
  const base = promotion.base === 'list' ? list : state.current;
  const proposal = computeAction(promotion, state, base, context);
  const budget = promotion.limits?.budget;
  if (budget !== undefined) {
    const remaining = budget.amount - (context.usage.get(promotion.id)?.budgetSpent?.amount ?? 0);
    // A gift cannot be given in part: one worth more than the budget left is not given at all.
    if (proposal.gift !== undefined && proposal.gift.list > remaining) return { ok: false, reason: 'budget_exhausted' };
    capToBudget(proposal, remaining, context);
  }
  if (totalOf(proposal) <= 0)
    return { ok: false, reason: proposal.noEligibleItems ? 'no_eligible_items' : 'nothing_to_discount' };
  return { ok: true, proposal };
}

function commit(
  promotion: Promotion,
  proposal: Proposal,
  state: State,
  context: EngineContext,
  lane: string,
): PromotionTrace {
  if (proposal.gift !== undefined) {
    const giftId = proposal.gift.id;
    let slot = state.lines.findIndex((l) => l.id === giftId);
    if (slot < 0) slot = state.lines.length;
    else slot = state.slots[slot] as number;
    state.lines.push(proposal.gift);
    state.current.push(0);
    state.slots.push(slot);
    if (slot === state.discountTotals.length) state.discountTotals.push(0);
    // A new list for the id, as a fresh entry: it replaces whatever a line with that id had.
    state.discounts[slot] = [{ promotionId: promotion.id, amount: minorMoney(proposal.gift.list, context.currency) }];
    state.discountTotals[slot] = proposal.gift.list;
  }
  // In line order: the proposal's entries usually are already (then no copy and no sort).
  sortEntries(proposal);
  const { indexes, amounts } = proposal;
  const count = indexes.length;
  const allocations: { lineId: string; amount: Money }[] = new Array(count);
  const { currency } = context;
  for (let k = 0; k < count; k++) {
    const index = indexes[k] as number;
    const amount = amounts[k] as number;
    state.current[index] = (state.current[index] as number) - amount;
    const slot = state.slots[index] as number;
    const list = state.discounts[slot];
    // One immutable Money for the line's discount entry and the trace's allocation (same value).
    const value = minorMoney(amount, currency);
    const discount = { promotionId: promotion.id, amount: value };
    if (list === undefined) state.discounts[slot] = [discount];
    else list.push(discount);
    state.discountTotals[slot] = (state.discountTotals[slot] as number) + amount;
    allocations[k] = { lineId: (state.lines[index] as EngineLine).id, amount: value };
  }
  if (proposal.gift !== undefined)
    allocations.push({ lineId: proposal.gift.id, amount: minorMoney(proposal.gift.list, context.currency) });
  if (proposal.shipping > 0) {
    state.shippingCurrent -= proposal.shipping;
    state.shippingDiscounts.push({ promotionId: promotion.id, amount: proposal.shipping });
  }
  state.applied.push(promotion);
  // Built key by key in the documented order (no conditional spreads: they copy through temporaries).
  const trace: Mutable<PromotionTrace> = {
    promotionId: promotion.id,
    lane,
    applied: true,
    base: promotion.base ?? 'current',
  };
  if (proposal.baseAmount !== undefined) trace.baseAmount = minorMoney(proposal.baseAmount, currency);
  trace.amount = minorMoney(totalOf(proposal), currency);
  trace.allocations = allocations;
  if (proposal.shipping > 0) trace.shippingAmount = minorMoney(proposal.shipping, currency);
  if (proposal.cappedByBudget || proposal.cappedByLineFloor) {
    trace.capped =
      proposal.cappedByBudget && proposal.cappedByLineFloor
        ? ['budget', 'line_floor']
        : proposal.cappedByBudget
          ? ['budget']
          : ['line_floor'];
  }
  if (proposal.applications !== undefined) trace.applications = proposal.applications;
  if (proposal.gift !== undefined) trace.giftLineId = proposal.gift.id;
  return trace as PromotionTrace;
}

/** A type's fields without `readonly`, for building a result key by key. */
type Mutable<T> = { -readonly [K in keyof T]?: T[K] };

function rejected(
  promotion: Promotion,
  lane: string,
  reason: PromotionRejection,
  context: EngineContext,
  conflictsWith?: string,
): PromotionTrace {
  const trace: Mutable<PromotionTrace> = { promotionId: promotion.id, lane, applied: false, reason };
  if (conflictsWith !== undefined) trace.conflictsWith = conflictsWith;
  trace.base = promotion.base ?? 'current';
  trace.amount = { amount: 0, currency: context.currency };
  trace.allocations = [];
  return trace as PromotionTrace;
}

/**
 * Applies promotions to lines (sorted by id) and shipping. Lanes run in order; inside a lane,
 * promotions by priority then id. See the `Promotion` TSDoc for the stacking rules.
 */
export function applyPromotions(
  lines: readonly EngineLine[],
  shipping: number | undefined,
  promotions: readonly Promotion[],
  lanes: readonly PromotionLane[],
  context: EngineContext,
): EngineResult {
  const state: State = {
    lines: [...lines],
    current: lines.map((l) => l.list),
    shippingCurrent: shipping ?? 0,
    discounts: new Array(lines.length).fill(undefined),
    discountTotals: new Array<number>(lines.length).fill(0),
    slots: lines.map((_, i) => i),
    shippingDiscounts: [],
    applied: [],
    ...indexLines(lines, context),
  };
  const list = lines.map((l) => l.list);
  const laneOf = (p: Promotion): string => p.lane ?? (lanes[0] as PromotionLane).id;
  const ordered = orderedPromotions(promotions, lanes, laneOf);
  const trace: PromotionTrace[] = [];

  // An exclusive promotion that applies (first in lane/priority/id order) is the only one.
  let exclusiveWinner: { promotion: Promotion; proposal: Proposal } | undefined;
  const exclusiveReasons = new Map<string, Outcome>();
  for (const promotion of ordered) {
    if (promotion.exclusive !== true) continue;
    const outcome = evaluate(promotion, state, state.current, context, list);
    exclusiveReasons.set(promotion.id, outcome);
    if (outcome.ok) {
      exclusiveWinner = { promotion, proposal: outcome.proposal };
      break;
    }
  }
  if (exclusiveWinner !== undefined) {
    for (const promotion of ordered) {
      trace.push(
        promotion === exclusiveWinner.promotion
          ? commit(promotion, exclusiveWinner.proposal, state, context, laneOf(promotion))
          : rejected(promotion, laneOf(promotion), 'excluded_by_exclusive', context),
      );
    }
  } else {
    for (const lane of lanes) {
      const inLane = ordered.filter((p) => laneOf(p) === lane.id);
      const laneStart = [...state.current];
      const record = (promotion: Promotion, outcome: Outcome): void => {
        trace.push(
          outcome.ok
            ? commit(promotion, outcome.proposal, state, context, lane.id)
            : rejected(promotion, lane.id, outcome.reason, context, outcome.conflictsWith),
        );
      };
      const rest: Promotion[] = [];
      if (lane.mode === 'best_per_item') {
        // Line-level promotions compete per line on the lane's starting amounts; each line keeps the largest.
        const contenders: { promotion: Promotion; outcome: Outcome }[] = [];
        for (const promotion of inLane) {
          if (promotion.exclusive === true) continue;
          if (ACTION_LEVEL[promotion.action.type] !== 'line') {
            rest.push(promotion);
            continue;
          }
          contenders.push({ promotion, outcome: evaluate(promotion, state, laneStart, context, list) });
        }
        const winnerOf = new Map<number, Promotion>();
        const outcomeOf = new Map<Promotion, Outcome>();
        for (const c of contenders) if (!outcomeOf.has(c.promotion)) outcomeOf.set(c.promotion, c.outcome);
        for (const { promotion, outcome } of contenders) {
          if (!outcome.ok) continue;
          const { indexes, amounts } = outcome.proposal;
          for (let k = 0; k < indexes.length; k++) {
            const index = indexes[k] as number;
            const amount = amounts[k] as number;
            const best = winnerOf.get(index);
            const bestOutcome = best === undefined ? undefined : outcomeOf.get(best);
            const bestAmount = bestOutcome?.ok === true ? amountAt(bestOutcome.proposal, index) : 0;
            if (best === undefined || amount > bestAmount) winnerOf.set(index, promotion);
          }
        }
        for (const { promotion, outcome } of contenders) {
          if (!outcome.ok) {
            record(promotion, outcome);
            continue;
          }
          const kept = outcome.proposal;
          const indexes: number[] = [];
          const amounts: number[] = [];
          for (let k = 0; k < kept.indexes.length; k++) {
            if (winnerOf.get(kept.indexes[k] as number) !== promotion) continue;
            indexes.push(kept.indexes[k] as number);
            amounts.push(kept.amounts[k] as number);
          }
          kept.indexes = indexes;
          kept.amounts = amounts;
          const clash = conflict(promotion, state.applied);
          if (clash !== undefined) record(promotion, { ok: false, reason: 'not_combinable', conflictsWith: clash.id });
          else if (totalOf(outcome.proposal) <= 0) record(promotion, { ok: false, reason: 'outranked_per_item' });
          else record(promotion, outcome);
        }
      } else {
        rest.push(...inLane.filter((p) => p.exclusive !== true));
      }
      for (const promotion of rest) record(promotion, evaluate(promotion, state, laneStart, context, list));
      for (const promotion of inLane) {
        if (promotion.exclusive !== true) continue;
        const outcome = exclusiveReasons.get(promotion.id);
        trace.push(
          rejected(
            promotion,
            lane.id,
            outcome !== undefined && !outcome.ok ? outcome.reason : 'nothing_to_discount',
            context,
          ),
        );
      }
    }
  }

  const usageIntents: UsageIntent[] = state.applied.map((promotion) => {
    const entry = trace.find((t) => t.promotionId === promotion.id);
    const coupon = presentedCoupon(promotion.condition, context.couponCodes);
    const customerId = context.customer?.id;
    const intent: Mutable<UsageIntent> = { promotionId: promotion.id };
    if (coupon !== undefined) intent.couponCode = coupon;
    if (customerId !== undefined) intent.customerId = customerId;
    intent.amount = entry?.amount ?? { amount: 0, currency: context.currency };
    return intent as UsageIntent;
  });
  return {
    discounts: state.slots.map((slot) => state.discounts[slot]),
    discountTotals: state.slots.map((slot) => state.discountTotals[slot] as number),
    shippingDiscounts: state.shippingDiscounts,
    giftLines: state.lines.slice(lines.length),
    trace,
    usageIntents,
  };
}

/** Builds the engine context's usage map and coupon set from options. */
export function usageMap(usage: readonly PromotionUsage[] | undefined): Map<string, PromotionUsage> {
  const map = new Map<string, PromotionUsage>();
  for (const u of usage ?? []) map.set(u.promotionId, u);
  return map;
}

export function couponSet(codes: readonly string[] | undefined): Set<string> {
  return new Set((codes ?? []).map(normaliseCoupon));
}
