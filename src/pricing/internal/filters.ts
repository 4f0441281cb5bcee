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
