import { err, ok, type Result } from '../../core/result.js';
import type { Order, OrderLine } from '../types.js';
import { OrderEditError } from './errors.js';
import { coveringReceipt, type SkuStock, skuStock } from './internal/availability.js';
import { checkNow, checkOrder, fail, isObject } from './internal/checks.js';
import type { AllocationPlan, AvailabilityContext, PlanAllocationOptions } from './types.js';

type PlannedLine = AllocationPlan['lines'][number];
type PlannedBackorder = NonNullable<AllocationPlan['backorders']>[number];

/**
 * Plans an allocation from the stock available now and the supply expected: an `allocate` event,
 * ready for `transition()`, that allocates what can be allocated and backorders the rest with the
 * date the shortage is expected to be covered.
 *
 * Rules:
 * - Every line's units still ordered and not yet allocated are planned (units already backordered
 *   included: stock may have arrived for them).
 * - Make-to-order lines go to allocation in full (the machine schedules production for them); only
 *   stock lines draw on availability.
 * - Lines are served in line order, so a SKU on several lines shares its stock deterministically.
 *   A line draws first on its own `locationId`'s stock, then on the other locations in the order
 *   given (one allocation entry per location used).
 * - Backordered units: the event's backorders are the units beyond those the line already has
 *   backordered (the machine keeps existing backorders and adds these), and carry `expectedAt`: the
 *   expected arrival of the first incoming receipt (earliest first) at which the cumulative incoming
 *   quantity covers the SKU's cumulative shortage so far in line order. No receipt covers it: no
 *   `expectedAt`. A line whose shortage is already fully backordered gets no new entry.
 *
 * @param order - The order (not mutated).
 * @param availability - Per SKU: `{ available, locationId?, incoming? }` or a list of them per location.
 * @param options - `now`: the current instant.
 * @returns The `allocate` event, or `invalid_availability`, `invalid_order`, `invalid_options`.
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import { planAllocation, type Order } from 'ordercore/orders';
 *
 * const usd = (a: string) => money(a, 'USD');
 * const q0 = { allocated: 0, picked: 0, shipped: 0, delivered: 0, cancelled: 0, returned: 0, backordered: 0 };
 * const line = (id: string, quantity: number) => ({ id, sku: 'MUG', description: 'Mug', quantity, unitPrice: usd('1.00'),
 *   subtotal: usd(String(quantity)), discounts: [], discountTotal: usd('0'), net: usd(String(quantity)), tax: usd('0'),
 *   total: usd(String(quantity)), sourcing: 'stock' as const, quantities: q0 });
 * const order = {
 *   id: 'o-1', version: 2, type: 'stock', state: 'confirmed', currency: 'USD', channel: 'web', priority: 'normal',
 *   customer: { accountId: 'c-1', deliveryAddress: {} }, lines: [line('a', 3), line('b', 4)],
 *   shipping: { net: usd('0'), tax: usd('0') }, fulfillment: {},
 *   terms: { paymentTerms: { kind: 'prepaid' }, creditApproved: false }, timestamps: { orderedAt: '2026-11-22T10:00:00Z' },
 *   payments: [], shipments: [], returns: [], approvals: [], history: [],
 * } satisfies Order;
 *
 * const plan = planAllocation(order, { MUG: { available: 5, locationId: 'WH1', incoming: [
 *   { quantity: 1, expectedAt: '2026-12-01T00:00:00Z' }, { quantity: 5, expectedAt: '2026-12-08T00:00:00Z' }] } },
 *   { now: '2026-11-22T10:00:00Z' });
 * plan.ok && plan.value.lines; //=> [{ lineId: 'a', quantity: 3, locationId: 'WH1' }, { lineId: 'b', quantity: 2, locationId: 'WH1' }]
 * plan.ok && plan.value.backorders; //=> [{ lineId: 'b', quantity: 2, expectedAt: '2026-12-08T00:00:00Z' }]
 * ```
 */
export function planAllocation(
  order: Order,
  availability: AvailabilityContext,
  options: PlanAllocationOptions,
): Result<AllocationPlan, OrderEditError> {
  const bad = checkNow(options);
  if (bad !== undefined) return err(bad);
  const bases = checkOrder(order);
  if (bases instanceof OrderEditError) return err(bases);
  if (!isObject(availability)) {
    return err(
      fail('invalid_availability', 'availability: expected an object of SKU → availability.', {
        field: 'availability',
      }),
    );
  }
  const stocks = new Map<string, SkuStock>();
  const shortages = new Map<string, number>();
  const lines: PlannedLine[] = [];
  const backorders: PlannedBackorder[] = [];
  for (const line of order.lines as readonly OrderLine[]) {
    const q = line.quantities;
    const open = line.quantity - q.cancelled - q.allocated;
    if (open <= 0) continue;
    if (line.sourcing === 'make_to_order') {
      lines.push({ lineId: line.id, quantity: open });
      continue;
    }
    let stock = stocks.get(line.sku);
    if (stock === undefined) {
      const read = skuStock(availability, line.sku, 'availability');
      if (read instanceof OrderEditError) return err(read);
      stock = read;
      stocks.set(line.sku, stock);
    }
    let want = open;
    const preferred = stock.locations.filter((l) => l.locationId !== undefined && l.locationId === line.locationId);
    const others = stock.locations.filter((l) => !(l.locationId !== undefined && l.locationId === line.locationId));
    for (const location of [...preferred, ...others]) {
      if (want === 0) break;
      const take = Math.min(want, location.available);
      if (take === 0) continue;
      location.available -= take;
      want -= take;
      lines.push(
        location.locationId === undefined
          ? { lineId: line.id, quantity: take }
          : { lineId: line.id, quantity: take, locationId: location.locationId },
      );
    }
    if (want === 0) continue;
    const cumulative = (shortages.get(line.sku) ?? 0) + want;
    shortages.set(line.sku, cumulative);
    const added = want - Math.min(q.backordered, want);
    if (added === 0) continue;
    const expectedAt = coveringReceipt(stock.incoming, cumulative);
    backorders.push(
      expectedAt === undefined
        ? { lineId: line.id, quantity: added }
        : { lineId: line.id, quantity: added, expectedAt },
    );
  }
  return ok({ type: 'allocate', lines, backorders });
}
