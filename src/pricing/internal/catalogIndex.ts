// The catalog, checked once and indexed by SKU. Catalogs are immutable data, so the index is cached
// per catalog object (a WeakMap: pure memoisation, dropped with the catalog). Pricing a cart then
// costs O(lines × prices of those SKUs), independent of the catalog's size.

import { show } from '../../core/show.js';
import { compare, getCurrency, isMoney, type Money } from '../../money/index.js';
import { PricingError } from '../errors.js';
import type { Catalog, CatalogItem, PriceConditions, PriceEntry, PriceSource, ValidityWindow } from '../types.js';
import { type WindowMillis, windowMillis } from './instant.js';

/** One price a line may get, with everything needed to rank it. */
export interface IndexedPrice {
  readonly kind: 'base' | 'price_list' | 'sale' | 'contract';
  /** The price list or contract id (empty for base prices). */
  readonly id: string;
  readonly price: Money;
  readonly minQuantity: number;
  readonly window: WindowMillis;
  readonly conditions: PriceConditions | undefined;
  /** How many condition dimensions the list constrains (0–3). */
  readonly specificity: number;
  readonly priority: number;
  /** For contracts: the customer. */
  readonly customerId: string | undefined;
}

export interface SkuPrices {
  readonly item: CatalogItem;
  /** The item's position in `catalog.items` (0-based): a dense key for per-SKU tables. */
  readonly ordinal: number;
  /** The item's tax class, `'standard'` when it has none. */
  readonly taxClass: string;
  readonly base: readonly IndexedPrice[];
  readonly overrides: readonly IndexedPrice[];
  readonly sales: readonly IndexedPrice[];
  readonly contracts: readonly IndexedPrice[];
  /**
   * The distinct `minQuantity` values of all this SKU's prices, ascending: a selection depends on the
   * tier quantity only through how many of them it reaches.
   */
  readonly tierBreaks: readonly number[];
}

/** The trace's order among prices of one kind: id, then tier, then price (never input order). */
export function byIdentity(a: IndexedPrice, b: IndexedPrice): number {
  return (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || a.minQuantity - b.minQuantity || compare(a.price, b.price);
}

export interface CatalogIndex {
  readonly currency: string;
  readonly skus: ReadonlyMap<string, SkuPrices>;
  /**
   * What a selection can depend on besides the SKU and its tier quantity, so selections can be
   * memoised per context (see select.ts): every validity-window bound (ascending, distinct), and the
   * customer groups, channels, regions and contract customers any price mentions.
   */
  readonly windowBounds: readonly number[];
  /** Every customer group (`g…`), channel (`c…`), region (`r…`) and contract customer (`k…`) mentioned. */
  readonly mentioned: ReadonlySet<string>;
  /** Memoised selections: context key → per SKU ordinal, per tier bucket. Bounded; see select.ts. */
  readonly selections: Map<string, (unknown[] | undefined)[]>;
}

const cache = new WeakMap<Catalog, CatalogIndex | PricingError>();

/** The checked index of a catalog (cached), or throws the PricingError that describes what is wrong. */
export function indexCatalog(catalog: Catalog): CatalogIndex {
  if (typeof catalog !== 'object' || catalog === null) {
    throw new PricingError('invalid_catalog', 'catalog: expected an object with currency, items and basePrices.', {
      field: 'catalog',
    });
  }
  let indexed = cache.get(catalog);
  if (indexed === undefined) {
    try {
      indexed = buildIndex(catalog);
    } catch (error) {
      if (!(error instanceof PricingError)) throw error;
      indexed = error;
    }
    cache.set(catalog, indexed);
  }
  if (indexed instanceof PricingError) throw indexed;
  return indexed;
}

function invalid(field: string, reason: string): never {
  throw new PricingError('invalid_catalog', `${field}: ${reason}`, { field });
}

function checkList<T>(value: unknown, field: string): readonly T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) invalid(field, 'expected an array.');
  return value as readonly T[];
}

function checkStrings(value: unknown, field: string): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    invalid(field, 'expected an array of strings.');
  return value as readonly string[];
}

function checkPrice(value: unknown, currency: string, field: string): Money {
  if (!isMoney(value)) invalid(field, 'expected Money ({ amount: safe integer, currency }).');
  if (value.currency !== currency) {
    throw new PricingError('currency_mismatch', `${field}: ${value.currency} price in a ${currency} catalog.`, {
      field,
      expected: currency,
      actual: value.currency,
    });
  }
  if (value.amount < 0) invalid(field, 'a price cannot be negative.');
  return value;
}

function checkMinQuantity(value: unknown, field: string): number {
  if (value === undefined) return 1;
  if (!Number.isSafeInteger(value) || (value as number) < 1) invalid(field, 'minQuantity must be an integer ≥ 1.');
  return value as number;
}

function specificityOf(conditions: PriceConditions | undefined): number {
  if (conditions === undefined) return 0;
  return (
    (conditions.customerGroups === undefined ? 0 : 1) +
    (conditions.channels === undefined ? 0 : 1) +
    (conditions.regions === undefined ? 0 : 1)
  );
}

function checkConditions(value: unknown, field: string): PriceConditions | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null) invalid(field, 'expected an object.');
  const c = value as PriceConditions;
  const customerGroups = checkStrings(c.customerGroups, `${field}.customerGroups`);
  const channels = checkStrings(c.channels, `${field}.channels`);
  const regions = checkStrings(c.regions, `${field}.regions`);
  return {
    ...(customerGroups === undefined ? {} : { customerGroups }),
    ...(channels === undefined ? {} : { channels }),
    ...(regions === undefined ? {} : { regions }),
  };
}

function buildIndex(catalog: Catalog): CatalogIndex {
  const currency = catalog.currency;
  if (typeof currency !== 'string' || getCurrency(currency) === undefined) {
    invalid('catalog.currency', 'expected a known currency code (ISO 4217 or registered).');
  }
  const skus = new Map<
    string,
    {
      item: CatalogItem;
      base: IndexedPrice[];
      overrides: IndexedPrice[];
      sales: IndexedPrice[];
      contracts: IndexedPrice[];
      tierBreaks: readonly number[];
      ordinal: number;
      taxClass: string;
    }
  >();
  checkList<CatalogItem>(catalog.items, 'catalog.items').forEach((item, i) => {
    if (typeof item?.sku !== 'string' || item.sku.length === 0)
      invalid(`catalog.items[${i}].sku`, 'expected a non-empty string.');
    if (skus.has(item.sku)) invalid(`catalog.items[${i}].sku`, `duplicate SKU ${JSON.stringify(item.sku)}.`);
    checkStrings(item.categories, `catalog.items[${i}].categories`);
    if (item.taxClass !== undefined && typeof item.taxClass !== 'string')
      invalid(`catalog.items[${i}].taxClass`, 'expected a string.');
    if (item.tierGroup !== undefined && typeof item.tierGroup !== 'string')
      invalid(`catalog.items[${i}].tierGroup`, 'expected a string.');
    skus.set(item.sku, {
      item,
      ordinal: i,
      taxClass: item.taxClass ?? 'standard',
      base: [],
      overrides: [],
      sales: [],
      contracts: [],
      tierBreaks: [],
    });
  });
  const slot = (sku: unknown, field: string) => {
    const found = typeof sku === 'string' ? skus.get(sku) : undefined;
    if (found === undefined) invalid(field, `SKU ${show(sku)} is not in catalog.items.`);
    return found;
  };
  const always: WindowMillis = { from: Number.NEGATIVE_INFINITY, until: Number.POSITIVE_INFINITY };

  checkList<PriceEntry>(catalog.basePrices, 'catalog.basePrices').forEach((entry, i) => {
    const field = `catalog.basePrices[${i}]`;
    slot(entry?.sku, `${field}.sku`).base.push({
      kind: 'base',
      id: '',
      price: checkPrice(entry.price, currency, `${field}.price`),
      minQuantity: checkMinQuantity(entry.minQuantity, `${field}.minQuantity`),
      window: always,
      conditions: undefined,
      specificity: 0,
      priority: 0,
      customerId: undefined,
    });
  });

  const listIds = new Set<string>();
  checkList<Catalog['priceLists'] extends readonly (infer L)[] | undefined ? L : never>(
    catalog.priceLists,
    'catalog.priceLists',
  ).forEach((list, i) => {
    const field = `catalog.priceLists[${i}]`;
    if (typeof list?.id !== 'string' || list.id.length === 0) invalid(`${field}.id`, 'expected a non-empty string.');
    if (listIds.has(list.id)) invalid(`${field}.id`, `duplicate price list id ${JSON.stringify(list.id)}.`);
    listIds.add(list.id);
    if (list.kind !== 'override' && list.kind !== 'sale') invalid(`${field}.kind`, "expected 'override' or 'sale'.");
    const priority = list.priority ?? 0;
    if (!Number.isFinite(priority)) invalid(`${field}.priority`, 'expected a finite number.');
    const window = windowMillis(list.window as ValidityWindow | undefined, `${field}.window`);
    const conditions = checkConditions(list.conditions, `${field}.conditions`);
    checkList<PriceEntry>(list.prices, `${field}.prices`).forEach((entry, j) => {
      const entryField = `${field}.prices[${j}]`;
      const target = slot(entry?.sku, `${entryField}.sku`);
      (list.kind === 'sale' ? target.sales : target.overrides).push({
        kind: list.kind === 'sale' ? 'sale' : 'price_list',
        id: list.id,
        price: checkPrice(entry.price, currency, `${entryField}.price`),
        minQuantity: checkMinQuantity(entry.minQuantity, `${entryField}.minQuantity`),
        window,
        conditions,
        specificity: specificityOf(conditions),
        priority,
        customerId: undefined,
      });
    });
  });

  const contractIds = new Set<string>();
  checkList<Catalog['contracts'] extends readonly (infer K)[] | undefined ? K : never>(
    catalog.contracts,
    'catalog.contracts',
  ).forEach((contract, i) => {
    const field = `catalog.contracts[${i}]`;
    if (typeof contract?.id !== 'string' || contract.id.length === 0)
      invalid(`${field}.id`, 'expected a non-empty string.');
    if (contractIds.has(contract.id)) invalid(`${field}.id`, `duplicate contract id ${JSON.stringify(contract.id)}.`);
    contractIds.add(contract.id);
    if (typeof contract.customerId !== 'string') invalid(`${field}.customerId`, 'expected a string.');
    slot(contract.sku, `${field}.sku`).contracts.push({
      kind: 'contract',
      id: contract.id,
      price: checkPrice(contract.price, currency, `${field}.price`),
      minQuantity: checkMinQuantity(contract.minQuantity, `${field}.minQuantity`),
      window: windowMillis(contract.window, `${field}.window`),
      conditions: undefined,
      specificity: 0,
      priority: 0,
      customerId: contract.customerId,
    });
  });
  const bounds = new Set<number>();
  const mentioned = new Set<string>();
  for (const prices of skus.values()) {
    const breaks = new Set<number>();
    for (const kind of [prices.base, prices.overrides, prices.sales, prices.contracts]) {
      for (const price of kind) {
        breaks.add(price.minQuantity);
        if (Number.isFinite(price.window.from)) bounds.add(price.window.from);
        if (Number.isFinite(price.window.until)) bounds.add(price.window.until);
        for (const g of price.conditions?.customerGroups ?? []) mentioned.add(`g${g}`);
        for (const c of price.conditions?.channels ?? []) mentioned.add(`c${c}`);
        for (const r of price.conditions?.regions ?? []) mentioned.add(`r${r}`);
        if (price.customerId !== undefined) mentioned.add(`k${price.customerId}`);
      }
    }
    prices.tierBreaks = [...breaks].sort((a, b) => a - b);
  }
  return {
    currency,
    skus,
    windowBounds: [...bounds].sort((a, b) => a - b),
    mentioned,
    selections: new Map(),
  };
}

/** The public description of an indexed price, for results and the trace. */
export function sourceOf(price: IndexedPrice): PriceSource {
  switch (price.kind) {
    case 'contract':
      return { kind: 'contract', contractId: price.id, minQuantity: price.minQuantity };
    case 'price_list':
      return { kind: 'price_list', priceListId: price.id, minQuantity: price.minQuantity };
    default:
      return { kind: 'base', minQuantity: price.minQuantity };
  }
}
