// Price selection for one SKU at one tier quantity: every candidate is classified, the eligible ones
// ranked by a total order, and the trace keeps them all.
import { compare, type Money } from '../../money/index.js';
import { PricingError } from '../errors.js';
import type { PriceCandidate, PriceCandidateOutcome, PriceConditions, PriceSource, PricingCustomer } from '../types.js';
import { byIdentity, type CatalogIndex, type IndexedPrice, type SkuPrices, sourceOf } from './catalogIndex.js';
import { isActive } from './instant.js';

export interface SelectionContext {
  readonly now: number;
  readonly customer: PricingCustomer | undefined;
  readonly channel: string | undefined;
  readonly region: string | undefined;
}

export interface Selection {
  readonly unitPrice: Money;
  readonly source: PriceSource;
  readonly compareAtUnitPrice: Money | undefined;
  readonly candidates: readonly PriceCandidate[];
}

function conditionsMet(conditions: PriceConditions | undefined, context: SelectionContext): boolean {
  if (conditions === undefined) return true;
  const { customerGroups, channels, regions } = conditions;
  if (customerGroups !== undefined && !(context.customer?.groups ?? []).some((g) => customerGroups.includes(g)))
    return false;
  if (channels !== undefined && (context.channel === undefined || !channels.includes(context.channel))) return false;
  if (regions !== undefined && (context.region === undefined || !regions.includes(context.region))) return false;
  return true;
}

/**
 * The documented total order among eligible prices of one kind: more specific conditions first, then
 * higher priority, then the higher volume tier reached, then the lower price, then the id.
 */
function rankPrices(a: IndexedPrice, b: IndexedPrice): number {
  return (
    b.specificity - a.specificity ||
    b.priority - a.priority ||
    b.minQuantity - a.minQuantity ||
    compare(a.price, b.price) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Why an indexed price is not eligible, or undefined when it is. */
function ineligibility(
  price: IndexedPrice,
  tierQuantity: number,
  context: SelectionContext,
): PriceCandidateOutcome | undefined {
  if (!isActive(price.window, context.now)) return 'window_inactive';
  if (!conditionsMet(price.conditions, context)) return 'conditions_not_met';
  if (price.minQuantity > tierQuantity) return 'tier_not_reached';
  return undefined;
}

interface Classified {
  readonly price: IndexedPrice;
  outcome: PriceCandidateOutcome | undefined;
}

const NONE: Classified[] = [];

function classify(prices: readonly IndexedPrice[], tierQuantity: number, context: SelectionContext): Classified[] {
  if (prices.length === 0) return NONE;
  const out: Classified[] = [];
  for (const price of prices) out.push({ price, outcome: ineligibility(price, tierQuantity, context) });
  return out;
}

/** The trace lists candidates in a total order (kind, then id, tier, price), never in input order. */
function byClassifiedIdentity(a: Classified, b: Classified): number {
  return byIdentity(a.price, b.price);
}

function best(classified: Classified[]): Classified | undefined {
  let winner: Classified | undefined;
  for (const c of classified) {
    if (c.outcome === undefined && (winner === undefined || rankPrices(c.price, winner.price) < 0)) winner = c;
  }
  return winner;
}

function settle(classified: Classified[], winner: Classified | undefined, others: PriceCandidateOutcome): void {
  for (const c of classified) {
    if (c.outcome === undefined) c.outcome = c === winner ? 'selected' : others;
  }
}

/**
 * Selects the unit price of one SKU: the customer's contract price if one applies; else the best
 * override price list; else the best base price; then a sale list may lower it (never raise it).
 */
export function selectUnitPrice(
  sku: string,
  prices: SkuPrices,
  tierQuantity: number,
  context: SelectionContext,
): Selection {
  const customerId = context.customer?.id;
  // Other customers' contracts are not candidates at all (and never appear in a trace).
  const contracts =
    prices.contracts.length === 0 || customerId === undefined
      ? NONE
      : classify(
          prices.contracts.filter((c) => c.customerId === customerId),
          tierQuantity,
          context,
        );
  const overrides = classify(prices.overrides, tierQuantity, context);
  const base = classify(prices.base, tierQuantity, context);
  const sales = classify(prices.sales, tierQuantity, context);

  const contract = best(contracts);
  const override = best(overrides);
  const regular = contract ?? override ?? best(base);
  if (regular === undefined) {
    throw new PricingError('no_price', `SKU ${JSON.stringify(sku)}: no price applies at quantity ${tierQuantity}.`, {
      sku,
      tierQuantity,
    });
  }
  settle(contracts, contract, 'outranked');
  if (contract !== undefined) {
    settle(overrides, undefined, 'contract_takes_precedence');
    settle(base, undefined, 'contract_takes_precedence');
    settle(sales, undefined, 'contract_takes_precedence');
  } else {
    settle(overrides, override, 'outranked');
    settle(base, override === undefined ? regular : undefined, 'outranked');
    for (const s of sales) {
      if (s.outcome === undefined && compare(s.price.price, regular.price.price) >= 0) s.outcome = 'not_lower';
    }
  }
  const sale = contract === undefined ? best(sales) : undefined;
  let unitPrice = regular.price.price;
  let source = sourceOf(regular.price);
  let compareAtUnitPrice: Money | undefined;
  if (sale !== undefined) {
    regular.outcome = 'outranked';
    settle(sales, sale, 'outranked');
    compareAtUnitPrice = unitPrice;
    source = {
      kind: 'sale',
      priceListId: sale.price.id,
      minQuantity: sale.price.minQuantity,
      regularPrice: unitPrice,
      regularSource: source,
    };
    unitPrice = sale.price.price;
  }
  const candidates: PriceCandidate[] = [];
  const push = (c: Classified): void => {
    candidates.push({
      source:
        c.price.kind === 'sale'
          ? {
              kind: 'sale',
              priceListId: c.price.id,
              minQuantity: c.price.minQuantity,
              regularPrice: regular.price.price,
              regularSource: sourceOf(regular.price),
            }
          : sourceOf(c.price),
      price: c.price.price,
      outcome: c.outcome as PriceCandidateOutcome,
    });
  };
  // Every kind in the trace's total order, never in input order.
  emit(contracts, push);
  emit(overrides, push);
  emit(base, push);
  emit(sales, push);
  return { unitPrice, source, compareAtUnitPrice, candidates };
}

/** A group of candidates in the trace's total order (sorted once per memoised selection). */
function emit(group: readonly Classified[], push: (c: Classified) => void): void {
  for (const c of group.length > 1 ? [...group].sort(byClassifiedIdentity) : group) push(c);
}

// ---------------------------------------------------------------------------------------------
// Memoised selection. A selection is a pure function of the SKU's prices (the catalog, immutable),
// the tier quantity and the context; and it depends on them only through:
// - which validity windows are active: the same for every `now` between two consecutive window
//   bounds (the count of bounds ≤ now, its "epoch"),
// - the customer's groups, the channel and the region as far as any price condition mentions them,
// - the customer id as far as the customer has contracts,
// - the tier quantity only through how many of the SKU's distinct minimum quantities it reaches.
// So selections are kept per catalog index, per context key, per SKU, per tier bucket. They are
// frozen, since the same objects are handed to every caller. The cache is bounded: it is dropped
// when it holds too many contexts.

const MAX_CONTEXTS = 64;

/** The number of `sorted` values ≤ `value` (binary search). */
function countAtMost(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The per-SKU selection memo for a context: one map per distinct key (see above), made on first use.
 */
export function selectionMemo(index: CatalogIndex, context: SelectionContext): (unknown[] | undefined)[] {
  const mentioned = index.mentioned;
  const customer = context.customer;
  const relevant = (value: string | undefined, kind: string): string | 0 =>
    value !== undefined && mentioned.has(kind + value) ? value : 0;
  const key = JSON.stringify([
    countAtMost(index.windowBounds, context.now),
    [...new Set((customer?.groups ?? []).filter((g) => mentioned.has(`g${g}`)))].sort(),
    relevant(customer?.id, 'k'),
    relevant(context.channel, 'c'),
    relevant(context.region, 'r'),
  ]);
  let memo = index.selections.get(key);
  if (memo === undefined) {
    if (index.selections.size >= MAX_CONTEXTS) index.selections.clear();
    memo = new Array(index.skus.size).fill(undefined);
    index.selections.set(key, memo);
  }
  return memo;
}

/** Freezes a memoised selection: the same objects are handed to every caller. */
function freezeSelection(selection: Selection): Selection {
  for (const candidate of selection.candidates) {
    Object.freeze(candidate.source);
    Object.freeze(candidate);
  }
  Object.freeze(selection.candidates);
  Object.freeze(selection.source);
  return Object.freeze(selection);
}

/**
 * {@link selectUnitPrice} through the context's memo: the same result (frozen, shared between
 * calls). A SKU without a price at that quantity throws as selectUnitPrice does, every time.
 */
export function selectUnitPriceMemo(
  memo: (unknown[] | undefined)[],
  sku: string,
  prices: SkuPrices,
  tierQuantity: number,
  context: SelectionContext,
): Selection {
  const bucket = countAtMost(prices.tierBreaks, tierQuantity);
  // By the SKU's ordinal (dense, one per catalog item): an array read, not a map lookup per line.
  let buckets = memo[prices.ordinal];
  if (buckets === undefined) {
    buckets = [];
    memo[prices.ordinal] = buckets;
  }
  const known = buckets[bucket];
  if (known !== undefined) return known as Selection;
  const selection = freezeSelection(selectUnitPrice(sku, prices, tierQuantity, context));
  buckets[bucket] = selection;
  return selection;
}
