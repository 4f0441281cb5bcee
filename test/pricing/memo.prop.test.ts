// priceCart memoises what depends only on immutable data: selections per catalog and pricing
// context, filter verdicts per promotion filter and catalog SKU, validated promotions, the run order
// of a promotion list, parsed validity windows. These properties price many carts and contexts in a
// row against ONE catalog and ONE set of promotion objects (warm memos) and compare every result
// with pricing the same input from fresh deep copies (cold: nothing memoised can apply). A memo
// keyed on too little (a context field it ignores, a window epoch off by one, a verdict of another
// catalog) gives a different result for some input and fails here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, fromMinor } from '../../src/money/index.js';
import { type Catalog, type PricingOptions, type Promotion, priceCart } from '../../src/pricing/index.js';
import { allocateMinor } from '../../src/pricing/internal/minor.js';
import { pricingScenarioArbitrary } from '../../src/testing/index.js';
import { RUNS } from '../money/oracle.js';
import { CHANNELS, CUSTOMER_GROUPS, CUSTOMER_IDS, instantNearNow, REGIONS, scenarioArb } from './arbitraries.js';

const fresh = <T>(value: T): T => structuredClone(value);

/** Each run prices several carts twice (warm and cold): fewer runs than the single-call properties. */
const MULTI_RUNS = { numRuns: 200 } as const;

/** The outcome as comparable data: the priced cart, or the error's code, message and details. */
function outcome(result: ReturnType<typeof priceCart>): unknown {
  return result.ok
    ? JSON.parse(JSON.stringify(result.value))
    : { code: result.error.code, message: result.error.message };
}

describe('memoised pricing', () => {
  it('prices selection-heavy carts in any sequence of contexts exactly as from fresh copies', () => {
    fc.assert(
      fc.property(
        fc.array(scenarioArb(), { minLength: 2, maxLength: 5 }),
        fc.array(instantNearNow, { minLength: 5, maxLength: 5 }),
        (scenarios, nows) => {
          const shared = scenarios[0]?.catalog as Catalog;
          scenarios.forEach((scenario, k) => {
            // Every scenario's cart and context against the first scenario's catalog, at varied instants.
            const options: PricingOptions = { ...scenario.options, now: nows[k] ?? scenario.options.now };
            const warm = priceCart(scenario.cart, shared, options);
            const cold = priceCart(fresh(scenario.cart), fresh(shared), fresh(options));
            expect(outcome(warm)).toEqual(outcome(cold));
          });
        },
      ),
      MULTI_RUNS,
    );
  });

  it('prices one cart under many customers, channels, regions and instants exactly as from fresh copies', () => {
    const context = fc.record({
      now: instantNearNow,
      channel: fc.option(fc.constantFrom(...CHANNELS, 'kiosk'), { nil: undefined }),
      region: fc.option(fc.constantFrom(...REGIONS, 'LATAM'), { nil: undefined }),
      groups: fc.subarray([...CUSTOMER_GROUPS, 'staff']),
      id: fc.option(fc.constantFrom(...CUSTOMER_IDS, 'c9'), { nil: undefined }),
    });
    fc.assert(
      fc.property(scenarioArb(), fc.array(context, { minLength: 2, maxLength: 8 }), (scenario, contexts) => {
        for (const c of contexts) {
          const options: PricingOptions = {
            ...scenario.options,
            now: c.now,
            ...(c.channel === undefined ? {} : { channel: c.channel }),
            ...(c.region === undefined ? {} : { region: c.region }),
            customer: { ...scenario.options.customer, groups: c.groups, ...(c.id === undefined ? {} : { id: c.id }) },
          };
          const warm = priceCart(scenario.cart, scenario.catalog, options);
          const cold = priceCart(fresh(scenario.cart), fresh(scenario.catalog), fresh(options));
          expect(outcome(warm)).toEqual(outcome(cold));
        }
      }),
      MULTI_RUNS,
    );
  });

  it('prices carts with one shared set of promotion objects exactly as from fresh copies', () => {
    fc.assert(
      fc.property(fc.array(pricingScenarioArbitrary(), { minLength: 2, maxLength: 4 }), (scenarios) => {
        const first = scenarios[0];
        if (first === undefined) return;
        const promotions = first.options.promotions as readonly Promotion[];
        for (const scenario of scenarios) {
          for (const catalog of [first.catalog, scenario.catalog]) {
            const options: PricingOptions = { ...scenario.options, promotions };
            const warm = priceCart(scenario.cart, catalog, options);
            const cold = priceCart(fresh(scenario.cart), fresh(catalog), fresh(options));
            expect(outcome(warm)).toEqual(outcome(cold));
          }
        }
      }),
      MULTI_RUNS,
    );
  });

  it('notices a promotion list changed in place (the run order is not reused)', () => {
    fc.assert(
      fc.property(pricingScenarioArbitrary(), ({ cart, catalog, options }) => {
        const promotions = [...(options.promotions ?? [])];
        priceCart(cart, catalog, { ...options, promotions });
        promotions.reverse();
        promotions.pop();
        const warm = priceCart(cart, catalog, { ...options, promotions });
        const cold = priceCart(fresh(cart), fresh(catalog), fresh({ ...options, promotions }));
        expect(outcome(warm)).toEqual(outcome(cold));
      }),
      MULTI_RUNS,
    );
  });
});

describe('minor-unit allocation', () => {
  const weight = fc.oneof(
    fc.integer({ min: 0, max: 10 }),
    fc.integer({ min: 0, max: 1_000_000 }),
    fc.integer({ min: 0, max: 2 ** 40 }),
  );

  it('allocateMinor splits exactly as money allocate does (any number of parts, leftovers, ties)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.array(weight, { minLength: 1, maxLength: 300 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const expected = allocate(fromMinor(total, 'USD'), weights).map((m) => m.amount);
          expect(allocateMinor(total, weights, 'USD')).toEqual(expected);
          // Twice in a row: the scratch buffers it reuses carry nothing over.
          expect(allocateMinor(total, weights, 'USD')).toEqual(expected);
        },
      ),
      RUNS,
    );
  });
});
