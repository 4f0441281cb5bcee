// The batching boundary: parseBatchOrders / parseBatchOrdersOptions accept what batchOrders
// accepts (generated scenarios round-trip through JSON), refuse hostile values with a
// ValidationError naming the path, and never throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchOrders } from '../../src/picking/index.js';
import { parseBatchOrders, parseBatchOrdersOptions } from '../../src/schemas/pickingBatching.js';
import { batchingScenarioArbitrary } from '../../src/testing/pickingBatching.js';
import { anything, checkNeverThrows, pathsOf, replaceAt } from './neverThrow.js';

const ORDERS = [
  { id: 'o-1', picks: [{ id: 'p1', location: { aisle: 1, cell: 3 }, quantity: 2 }], weight: 1.5 },
  { id: 'o-2', picks: [{ id: 'p2', location: { aisle: 0, cell: 0, side: 'left' }, sku: 'MUG' }] },
];
const OPTIONS = { capacity: { items: 10, weight: 5 }, policy: 'return', method: 'savings' };

describe('parseBatchOrders / parseBatchOrdersOptions', () => {
  it('accept generated scenarios after a JSON round trip, and batchOrders accepts the result', () => {
    fc.assert(
      fc.property(batchingScenarioArbitrary({ maxOrders: 5 }), ({ layout, orders, options }) => {
        const parsedOrders = parseBatchOrders(JSON.parse(JSON.stringify(orders)));
        const parsedOptions = parseBatchOrdersOptions(JSON.parse(JSON.stringify(options)));
        expect(parsedOrders.ok && parsedOptions.ok).toBe(true);
        if (parsedOrders.ok && parsedOptions.ok) {
          expect(parsedOrders.value).toEqual(orders);
          expect(batchOrders(layout, parsedOrders.value, parsedOptions.value).ok).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('name the bad field', () => {
    const r = parseBatchOrders([{ ...ORDERS[0], weight: -1 }]);
    expect(!r.ok && r.error.issues.map((i) => i.path.join('.'))).toEqual(['0.weight']);
    const o = parseBatchOrdersOptions({ ...OPTIONS, capacity: { items: 0 } });
    expect(!o.ok && o.error.issues.map((i) => i.path.join('.'))).toEqual(['capacity.items']);
    const c = parseBatchOrdersOptions({ ...OPTIONS, timeBudgetMs: 10 });
    expect(!c.ok && c.error.issues.map((i) => i.path.join('.'))).toEqual(['clock']);
    expect(parseBatchOrdersOptions({ ...OPTIONS, timeBudgetMs: 10, clock: () => 0 }).ok).toBe(true);
  });

  it('refuse an inherited field and unknown keys', () => {
    const inherited = Object.create({ id: 'o-1' }) as Record<string, unknown>;
    inherited['picks'] = [];
    expect(parseBatchOrders([inherited]).ok).toBe(false);
    expect(parseBatchOrders([{ ...ORDERS[0], extra: 1 }]).ok).toBe(false);
    expect(parseBatchOrdersOptions({ ...OPTIONS, verbose: true }).ok).toBe(false);
  });

  it('never throw, whatever value sits anywhere in a valid input', () => {
    const orderPaths = pathsOf(ORDERS);
    const optionPaths = pathsOf(OPTIONS);
    fc.assert(
      fc.property(fc.nat(), fc.nat(), anything, (i, j, value) => {
        checkNeverThrows(parseBatchOrders(replaceAt(ORDERS, orderPaths[i % orderPaths.length] ?? [], value)));
        checkNeverThrows(parseBatchOrdersOptions(replaceAt(OPTIONS, optionPaths[j % optionPaths.length] ?? [], value)));
      }),
      { numRuns: 300 },
    );
  });
});
