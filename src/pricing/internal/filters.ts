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
