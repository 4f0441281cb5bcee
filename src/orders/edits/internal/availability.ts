// Availability context parsing shared by planAllocation and proposeSubstitutions.
import type { OrderEditError } from '../errors.js';
import type { AvailabilityContext } from '../types.js';
import { fail, isCount, isInstant, isObject, show } from './checks.js';

export interface LocationStock {
  readonly locationId: string | undefined;
  available: number;
}

export interface Incoming {
  readonly quantity: number;
  readonly expectedAt: string;
  readonly epoch: number;
  readonly index: number;
}

export interface SkuStock {
  readonly locations: LocationStock[];
  /** Incoming receipts, earliest first (ties in the order given). */
  readonly incoming: readonly Incoming[];
}

/** Reads one SKU's availability (absent: nothing available, nothing incoming). */
export function skuStock(context: AvailabilityContext, sku: string, field: string): SkuStock | OrderEditError {
  if (!Object.hasOwn(context, sku)) return { locations: [], incoming: [] };
  const raw: unknown = context[sku];
  const entries: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
  const locations: LocationStock[] = [];
  const incoming: Incoming[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const at = `${field}[${JSON.stringify(sku)}]${Array.isArray(raw) ? `[${i}]` : ''}`;
    if (!isObject(e))
      return fail('invalid_availability', `${at}: expected { available, locationId?, incoming? }, got ${show(e)}.`, {
        field: at,
      });
    if (!isCount(e['available'])) {
      return fail(
        'invalid_availability',
        `${at}.available: ${show(e['available'])} is not a non-negative safe integer.`,
        { field: `${at}.available` },
      );
    }
    if (e['locationId'] !== undefined && typeof e['locationId'] !== 'string') {
      return fail('invalid_availability', `${at}.locationId: expected a string.`, { field: `${at}.locationId` });
    }
    locations.push({ locationId: e['locationId'] as string | undefined, available: e['available'] as number });
    const inc = e['incoming'];
    if (inc === undefined) continue;
    if (!Array.isArray(inc))
      return fail('invalid_availability', `${at}.incoming: expected an array.`, { field: `${at}.incoming` });
    for (let j = 0; j < inc.length; j++) {
      const r: unknown = inc[j];
      const rf = `${at}.incoming[${j}]`;
      if (
        !isObject(r) ||
        !Number.isSafeInteger(r['quantity']) ||
        (r['quantity'] as number) < 1 ||
        !isInstant(r['expectedAt'])
      ) {
        return fail(
          'invalid_availability',
          `${rf}: expected { quantity: positive safe integer, expectedAt: ISO 8601 instant }.`,
          { field: rf },
        );
      }
      incoming.push({
        quantity: r['quantity'] as number,
        expectedAt: r['expectedAt'] as string,
        epoch: Date.parse(r['expectedAt'] as string),
        index: incoming.length,
      });
    }
  }
  incoming.sort((a, b) => a.epoch - b.epoch || a.index - b.index);
  return { locations, incoming };
}

/** The expected arrival of the receipt that covers a cumulative shortage, if any does. */
export function coveringReceipt(incoming: readonly Incoming[], shortage: number): string | undefined {
  let cumulative = 0;
  for (const r of incoming) {
    cumulative += r.quantity;
    if (cumulative >= shortage) return r.expectedAt;
  }
  return undefined;
}

export function totalAvailable(stock: SkuStock): number {
  let total = 0;
  for (const l of stock.locations) total += l.available;
  return total;
}
