// Shared by cycleCountCorrections (a count sheet) and reconcile (external balances): a list of
// records, one per SKU and location, each checked field by field and refused when a pair comes twice.

import { show } from '../../../core/show.js';
import { invalidRequest, requestRecord, text } from '../../internal/requests.js';

/**
 * Reads `list` (already known to be an array) named `name` in refusals: per element its `sku` and
 * `location`, then `read`'s fields; a pair seen before is refused at `name[i].location` with
 * `twice(sku, location, first)` as the reason.
 */
export function readPairs<T>(
  list: readonly unknown[],
  name: string,
  read: (record: Record<string, unknown>, prefix: string, sku: string, location: string) => T,
  twice: (sku: string, location: string, first: number) => string,
): T[] {
  const out: T[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < list.length; i += 1) {
    const prefix = `${name}[${i}].`;
    const record = requestRecord(list[i], `${name}[${i}]`);
    const sku = text(record, 'sku', prefix);
    const location = text(record, 'location', prefix);
    const item = read(record, prefix, sku, location);
    const pair = JSON.stringify([sku, location]);
    const first = seen.get(pair);
    if (first !== undefined) throw invalidRequest(`${prefix}location`, twice(sku, location, first));
    seen.set(pair, i);
    out.push(item);
  }
  return out;
}

/** `"SKU" at "location"`, as refusals name a pair. */
export function pairName(sku: string, location: string): string {
  return `${show(sku)} at ${show(location)}`;
}
