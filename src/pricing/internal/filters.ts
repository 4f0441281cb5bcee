import type { CatalogItem, ItemFilter } from '../types.js';

const everything = (): boolean => true;

/**
 * A filter as a predicate, its lists turned into sets once for testing many items: an item matches
 * when it is included by SKU or category (or the filter includes nothing in particular) and is not
 * excluded by SKU or category (exclusion wins).
 */
export function compileFilter(filter: ItemFilter | undefined): (item: CatalogItem) => boolean {
  if (filter === undefined) return everything;
  const set = (values: readonly string[] | undefined): ReadonlySet<string> | undefined =>
    values === undefined ? undefined : new Set(values);
  const skus = set(filter.skus);
  const categories = set(filter.categories);
  const excludeSkus = set(filter.excludeSkus);
  const excludeCategories = set(filter.excludeCategories);
  const includesAll = skus === undefined && categories === undefined;
  return (item) => {
    if (excludeSkus?.has(item.sku)) return false;
    const itemCategories = item.categories ?? [];
    if (excludeCategories !== undefined) {
      for (const c of itemCategories) if (excludeCategories.has(c)) return false;
    }
    if (includesAll) return true;
    if (skus?.has(item.sku)) return true;
    if (categories !== undefined) {
      for (const c of itemCategories) if (categories.has(c)) return true;
    }
    return false;
  };
}

/**
 * Per filter object, its predicate and, per catalog index, its verdict on each catalog SKU by ordinal
 * (0 not yet known, 1 no, 2 yes), filled in as carts ask. Promotions, like catalogs, are immutable
 * data (documented on `Promotion`), so a filter's verdicts can be kept for as long as the filter and
 * the catalog live (WeakMaps: pure memoisation, dropped with them). A filter seen for the first time
 * gets no table yet (a host that builds its promotions afresh for every call would pay for one it
 * never reuses): only its predicate, which the caller applies directly.
 */
const verdictMemo = new WeakMap<
  ItemFilter,
  { matches: (item: CatalogItem) => boolean; byCatalog: WeakMap<object, Uint8Array> | undefined }
>();

/**
 * The predicate of `filter` and, from the second time the filter is asked for on, its verdict
 * table for the catalog `catalogKey` of `skuCount` SKUs.
 */
export function filterVerdicts(
  filter: ItemFilter,
  catalogKey: object,
  skuCount: number,
): { matches: (item: CatalogItem) => boolean; verdicts: Uint8Array | undefined } {
  const memo = verdictMemo.get(filter);
  if (memo === undefined) {
    const matches = compileFilter(filter);
    verdictMemo.set(filter, { matches, byCatalog: undefined });
    return { matches, verdicts: undefined };
  }
  memo.byCatalog ??= new WeakMap();
  let verdicts = memo.byCatalog.get(catalogKey);
  if (verdicts === undefined) {
    verdicts = new Uint8Array(skuCount);
    memo.byCatalog.set(catalogKey, verdicts);
  }
  return { matches: memo.matches, verdicts };
}
