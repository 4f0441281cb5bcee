import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kpiReport } from '../../src/kpi/index.js';
import { suggestReplenishment } from '../../src/replenishment/index.js';
import { parseInventoryPosition, parseKpiRecords, parseReplenishmentPolicy } from '../../src/schemas/index.js';
import { kpiRecordArbitrary } from '../../src/testing/index.js';
import { anything, checkNeverThrows, pathsOf, replaceAt } from './neverThrow.js';

describe('parseKpiRecords', () => {
  it('accepts every record the arbitrary makes, unchanged', () => {
    fc.assert(
      fc.property(fc.array(kpiRecordArbitrary(), { maxLength: 20 }), (records) => {
        const r = parseKpiRecords(JSON.parse(JSON.stringify(records)));
        expect(r.ok).toBe(true);
        expect(r.ok && r.value).toEqual(records);
      }),
      { numRuns: 50 },
    );
  });

  it('never throws, whatever replaces whatever part of a valid batch; what it accepts, kpiReport accepts', () => {
    fc.assert(
      fc.property(
        fc
          .array(kpiRecordArbitrary(), { minLength: 1, maxLength: 4 })
          .chain((records) =>
            fc.record({ records: fc.constant(records), path: fc.constantFrom(...pathsOf(records)), value: anything }),
          ),
        ({ records, path, value }) => {
          const input = replaceAt(JSON.parse(JSON.stringify(records)), path, value);
          const r = parseKpiRecords(input);
          checkNeverThrows(r);
          if (r.ok)
            expect(kpiReport(r.value, { from: '2026-01-01T00:00:00Z', to: '2028-01-01T00:00:00Z' }).ok).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('names the path of a bad field and refuses __proto__ smuggling', () => {
    const r = parseKpiRecords([
      { type: 'order', orderId: 'o', placedAt: '2026-11-02T09:00:00Z', lines: [{ ordered: 1, shipped: -1 }] },
    ]);
    expect(!r.ok && r.error.issues.map((i) => i.path.join('.'))).toEqual(['0.lines.0.shipped']);
    const smuggled = parseKpiRecords(
      JSON.parse(
        '[{"type":"shipment","shipmentId":"s","shippedAt":"2026-11-02T09:00:00Z","units":1,"__proto__":{"x":1}}]',
      ),
    );
    expect(smuggled.ok).toBe(false);
  });
});

describe('replenishment schemas', () => {
  it('accepted positions and policies are accepted by suggestReplenishment', () => {
    const position = fc.record({ onHand: fc.nat(1000), onOrder: fc.nat(1000), backorders: fc.nat(100) });
    const policy = fc.oneof(
      fc.record({
        kind: fc.constant('s_S'),
        reorderLevel: fc.integer({ min: -10, max: 100 }),
        orderUpTo: fc.integer({ min: -10, max: 300 }),
      }),
      fc.record({
        kind: fc.constant('min_max'),
        min: fc.nat(100),
        max: fc.nat(300),
        multiple: fc.integer({ min: -2, max: 12 }),
      }),
      fc.record({
        kind: fc.constant('reorder_point'),
        reorderPoint: fc.nat(100),
        orderQuantity: fc.integer({ min: -1, max: 50 }),
      }),
      anything,
    );
    fc.assert(
      fc.property(position, policy, (p, q) => {
        const parsedPolicy = parseReplenishmentPolicy(q);
        checkNeverThrows(parsedPolicy);
        const parsedPosition = parseInventoryPosition(p);
        expect(parsedPosition.ok).toBe(true);
        if (parsedPolicy.ok && parsedPosition.ok) {
          expect(
            suggestReplenishment(parsedPosition.value, parsedPolicy.value, { now: '2026-11-22T00:00:00Z' }).ok,
          ).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('hostile positions never throw', () => {
    fc.assert(
      fc.property(anything, (value) => checkNeverThrows(parseInventoryPosition(value))),
      { numRuns: 200 },
    );
  });
});
