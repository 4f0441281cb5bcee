import { show } from '../../../core/show.js';
import type { SourcingBatch, SourcingOrder, SourcingPlan } from '../types.js';
import { Sourcer } from './engine.js';
import { checkLocations, checkOrder, checkStrategy, invalid } from './validate.js';

/** Checks everything, then sources each order (shared by `sourceOrder` and `sourceOrders`; throws InventoryError). */
export function runSourcing(
  orders: unknown,
  field: 'orders' | 'order',
  locations: unknown,
  strategy: unknown,
): { batch: SourcingBatch } {
  const checkedStrategy = checkStrategy(strategy);
  const checkedLocations = checkLocations(locations);
  if (!Array.isArray(orders)) throw invalid(field, `expected an array of orders, got ${show(orders)}.`);
  const ids = new Map<string, number>();
  checkedLocations.forEach((location, index) => {
    ids.set(location.id, index);
  });
  const orderIds = new Set<string>();
  const fieldOf = (index: number): string => (field === 'order' ? 'order' : `orders[${index}]`);
  for (let index = 0; index < orders.length; index += 1) {
    const order: unknown = orders[index];
    checkOrder(order, fieldOf(index), ids);
    if (orderIds.has(order.id)) throw invalid(`${fieldOf(index)}.id`, `${show(order.id)} appears twice in the batch.`);
    orderIds.add(order.id);
  }
  const sourcer = new Sourcer(checkedLocations, checkedStrategy);
  const plans: SourcingPlan[] = [];
  let complete = 0;
  let shipments = 0;
  let splits = 0;
  let requestedUnits = 0;
  let allocatedUnits = 0;
  for (let index = 0; index < orders.length; index += 1) {
    const plan = sourcer.source(orders[index] as SourcingOrder, fieldOf(index));
    plans.push(plan);
    if (plan.complete) complete += 1;
    shipments += plan.shipments.length;
    splits += plan.splits;
    requestedUnits += plan.requestedUnits;
    allocatedUnits += plan.allocatedUnits;
  }
  return {
    batch: {
      plans,
      locations: sourcer.remaining(),
      summary: {
        orders: plans.length,
        complete,
        shipments,
        splits,
        requestedUnits,
        allocatedUnits,
        missingUnits: requestedUnits - allocatedUnits,
      },
    },
  };
}
