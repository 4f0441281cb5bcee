import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/core/result.js';
import { sourceOrders } from '../../src/inventory/sourcing/sourceOrders.js';
import {
  parseSourcingLocations,
  parseSourcingOrders,
  parseSourcingStrategy,
  sourcingOrderSchema,
} from '../../src/schemas/inventorySourcing.js';
import { sourcingScenarioArbitrary } from '../../src/testing/inventorySourcing.js';
import { anything, checkNeverThrows, pathsOf, replaceAt } from './neverThrow.js';

function codes(result: Result<unknown, { issues: readonly { path: readonly (string | number)[]; code: string }[] }>) {
  return result.ok ? [] : result.error.issues.map((i) => `${i.path.join('.')}:${i.code}`);
}

const line = { lineId: 'a', sku: 'MUG', quantity: 2 };

describe('sourcing schemas', () => {
  it('accept valid orders, locations and strategies', () => {
    expect(
      parseSourcingOrders([
        { id: 'o-1', lines: [line], destination: { zip: '10115', country: 'DE' } },
        { id: 'o-2', lines: [line], fulfillment: 'pickup', pickupLocation: 'store-1' },
      ]).ok,
    ).toBe(true);
    const locations = parseSourcingLocations([
      {
        id: 'dc',
        kind: 'warehouse',
        available: { MUG: 5, TEA: -2 },
        priority: 1,
        capacity: { units: 100, orders: 10 },
      },
      { id: 'store-1', kind: 'store', available: {}, shipFromStore: true, pickup: true },
      { id: 'vendor', kind: 'supplier', available: { MUG: 1000 }, leadTimeDays: 4 },
    ]);
    expect(locations.ok && locations.value.map((l) => l.id)).toEqual(['dc', 'store-1', 'vendor']);
    expect(parseSourcingStrategy({}).ok).toBe(true);
    expect(parseSourcingStrategy({ rules: 'highest_stock', dropShip: 'ranked', shipFromStore: false }).ok).toBe(true);
  });

  it('name the field and the reason', () => {
    expect(codes(parseSourcingOrders([{ id: 'o', lines: [] }]))).toEqual(['0.lines:too_small']);
    expect(codes(parseSourcingOrders([{ id: 'o', lines: [line, line] }]))).toEqual(['0.lines.1.lineId:duplicate']);
    expect(codes(parseSourcingOrders([{ id: 'o', lines: [{ ...line, quantity: 1.5 }] }]))).toEqual([
      '0.lines.0.quantity:invalid_type',
    ]);
    expect(codes(parseSourcingOrders([{ id: 'o', lines: [line], extra: 1 }]))).toEqual(['0:unrecognized_keys']);
    expect(
      codes(
        parseSourcingLocations([
          { id: 'a', kind: 'warehouse', available: {} },
          { id: 'a', kind: 'warehouse', available: {} },
        ]),
      ),
    ).toEqual(['1.id:duplicate']);
    expect(
      codes(parseSourcingLocations([{ id: 'a', kind: 'warehouse', available: {}, capacity: { units: -1 } }])),
    ).toEqual(['0.capacity.units:too_small']);
    expect(
      codes(
        parseSourcingStrategy({
          rules: [
            { rule: 'nearest', weight: 1 },
            { rule: 'nearest', weight: 2 },
          ],
        }),
      ),
    ).toEqual(['rules.1.rule:duplicate']);
    expect(parseSourcingStrategy({ rules: [{ rule: 'priority', weight: 0 }] }).ok).toBe(false);
  });

  it('refuse functions in a strategy (they cannot be schema’d; add them after parsing)', () => {
    expect(codes(parseSourcingStrategy({ rules: 'nearest', distance: () => 1 }))).toEqual([':unrecognized_keys']);
  });

  it('keep a __proto__ SKU as an own key and never read inherited fields', () => {
    const r = parseSourcingLocations(JSON.parse('[{"id":"dc","kind":"warehouse","available":{"__proto__":3}}]'));
    expect(r.ok && Object.hasOwn(r.value[0]?.available ?? {}, '__proto__')).toBe(true);
    const inherited = Object.create({ id: 'o', lines: [line] }) as unknown;
    expect(sourcingOrderSchema.safeParse(inherited).success).toBe(false);
  });

  it('what the arbitrary generates parses (data part) and sources the same after parsing', () => {
    fc.assert(
      fc.property(sourcingScenarioArbitrary(), ({ orders, locations, strategy }) => {
        const o = parseSourcingOrders(orders);
        const l = parseSourcingLocations(locations);
        const { distance, cost, ...data } = strategy;
        const s = parseSourcingStrategy(data);
        expect(o.ok && l.ok && s.ok).toBe(true);
        if (!o.ok || !l.ok || !s.ok) return;
        const rebuilt = {
          ...s.value,
          ...(distance === undefined ? {} : { distance }),
          ...(cost === undefined ? {} : { cost }),
        };
        expect(sourceOrders(o.value, l.value, rebuilt)).toEqual(sourceOrders(orders, locations, strategy));
      }),
      { numRuns: 100 },
    );
  });

  it('never throw: anything planted anywhere in a valid input is a ValidationError or a value', () => {
    const valid: [(input: unknown) => Result<unknown, never>, unknown][] = [
      [
        parseSourcingOrders as never,
        [
          { id: 'o-1', lines: [line, { lineId: 'b', sku: 'TEA', quantity: 1 }], destination: { zip: '1' } },
          { id: 'o-2', lines: [line], fulfillment: 'pickup', pickupLocation: 's' },
        ],
      ],
      [
        parseSourcingLocations as never,
        [
          {
            id: 'dc',
            kind: 'warehouse',
            available: { MUG: 5 },
            priority: 1,
            capacity: { units: 1, orders: 2, lines: 3 },
          },
          { id: 's', kind: 'store', available: { MUG: 1 }, shipFromStore: true, pickup: true, leadTimeDays: 0 },
        ],
      ],
      [
        parseSourcingStrategy as never,
        {
          rules: [
            { rule: 'nearest', weight: 2 },
            { rule: 'priority', weight: 1 },
          ],
          fewestShipments: true,
          shipFromStore: false,
          dropShip: 'never',
        },
      ],
    ];
    const paths = valid.map(([, json]) => pathsOf(json));
    fc.assert(
      fc.property(fc.nat({ max: valid.length - 1 }), fc.nat(), anything, (which, at, replacement) => {
        const [parse, json] = valid[which] ?? (valid[0] as (typeof valid)[number]);
        const candidates = paths[which] ?? [];
        const path = candidates[at % candidates.length] ?? [];
        checkNeverThrows(parse(replaceAt(json, path, replacement)) as never);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(anything, (input) => {
        checkNeverThrows(parseSourcingOrders(input));
        checkNeverThrows(parseSourcingLocations(input));
        checkNeverThrows(parseSourcingStrategy(input));
      }),
      { numRuns: 300 },
    );
  });
});
