import type { CatalogItem, ItemFilter } from '../types.js';

/** Whether an item matches a filter: included by SKU or category (or no inclusion given), and not excluded. */
export function matchesFilter(item: CatalogItem, filter: ItemFilter | undefined): boolean {
  if (filter === undefined) return true;
  const categories = item.categories ?? [];
  if (filter.excludeSkus?.includes(item.sku)) return false;
  if (filter.excludeCategories !== undefined && categories.some((c) => filter.excludeCategories?.includes(c)))
    return false;
  if (filter.skus === undefined && filter.categories === undefined) return true;
  return (filter.skus?.includes(item.sku) ?? false) || categories.some((c) => filter.categories?.includes(c) ?? false);
}

const everything = (): boolean => true;

/**
 * `matchesFilter` with the filter fixed: the same answers, with its lists turned into sets once, for
 * testing many items against one filter.
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
