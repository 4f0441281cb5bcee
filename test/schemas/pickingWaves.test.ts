import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planWaves } from '../../src/picking/waves/planWaves.js';
import {
  parsePickingZones,
  parseWaveOrders,
  parseWavePlanOptions,
  parseZonePickListOptions,
} from '../../src/schemas/index.js';
import { anything, checkNeverThrows, pathsOf, replaceAt } from './neverThrow.js';

const orders = [
  {
    id: 'o-1',
    picks: [{ id: 'p', location: { aisle: 2, cell: 4, side: 'left' }, sku: 'TEA', quantity: 2 }],
    carrierCutoff: '2026-11-23T16:00:00Z',
    priority: 1,
    releasedAt: '2026-11-23T06:00:00+01:00',
    items: 2,
  },
  { id: 'o-2', picks: [] },
];
const options = {
  now: '2026-11-23T07:00:00Z',
  waves: [
    {
      id: 'W1',
      releaseAt: '2026-11-23T08:00:00Z',
      dueBy: '2026-11-23T10:00:00Z',
      capacity: { orders: 2, items: 10, lines: 5 },
    },
  ],
  capacity: { orders: 40 },
};
const zones = [
  { id: 'Z1', aisles: { from: 0, to: 4 }, handoff: 2 },
  { id: 'Z2', aisles: { from: 5, to: 9 } },
];

describe('picking wave and zone schemas', () => {
  it('accept valid input, and what they accept planWaves accepts', () => {
    const o = parseWaveOrders(JSON.parse(JSON.stringify(orders)));
    const p = parseWavePlanOptions(JSON.parse(JSON.stringify(options)));
    expect(o.ok && p.ok).toBe(true);
    if (o.ok && p.ok) expect(planWaves(o.value, p.value).ok).toBe(true);
    expect(parsePickingZones(zones).ok).toBe(true);
    expect(parseZonePickListOptions({ mode: 'pick_and_consolidate', policy: 'largest_gap' }).ok).toBe(true);
  });

  it('name the field of each problem', () => {
    const codes = (r: {
      ok: boolean;
      error?: { issues: readonly { path: readonly (string | number)[]; code: string }[] };
    }) => (r.ok ? [] : (r.error?.issues ?? []).map((i) => `${i.path.join('.')}:${i.code}`));
    expect(codes(parseWaveOrders([{ id: 'a', picks: [{ id: 'p', location: { aisle: -1, cell: 0 } }] }]))).toEqual([
      '0.picks.0.location.aisle:too_small',
    ]);
    expect(codes(parseWaveOrders([{ id: 'a', picks: [], carrierCutoff: '2026-11-23T16:00' }]))[0]).toMatch(
      /^0\.carrierCutoff:/,
    );
    expect(codes(parseWaveOrders([{ id: 'a', picks: [], priority: Number.POSITIVE_INFINITY }]))[0]).toMatch(
      /^0\.priority:/,
    );
    expect(codes(parseWavePlanOptions({ ...options, waves: [options.waves[0], options.waves[0]] }))).toEqual([
      'waves.1.id:duplicate_id',
    ]);
    expect(
      codes(
        parseWavePlanOptions({
          ...options,
          waves: [{ id: 'W', releaseAt: '2026-11-23T08:00:00Z', dueBy: '2026-11-23T07:00:00Z' }],
        }),
      ),
    ).toEqual(['waves.0.dueBy:too_small']);
    expect(codes(parsePickingZones([{ id: 'Z', aisles: { from: 3, to: 5 }, handoff: 6 }]))).toEqual([
      '0.handoff:out_of_range',
    ]);
    expect(codes(parsePickingZones([...zones, { id: 'Z1', aisles: { from: 10, to: 11 } }]))).toEqual([
      '2.id:duplicate_id',
    ]);
    expect(codes(parseZonePickListOptions({ mode: 'relay', policy: 'optimal' }))[0]).toMatch(/^mode:/);
  });

  it('refuse inherited fields (a __proto__ key is not an order id source)', () => {
    const sneaky = JSON.parse('{"__proto__": {"id": "x", "picks": []}}');
    expect(parseWaveOrders([sneaky]).ok).toBe(false);
    expect(parseWaveOrders([{ id: '__proto__', picks: [] }]).ok).toBe(true);
  });

  it('never throw, whatever is planted anywhere in a valid input', () => {
    const cases: [unknown, (input: unknown) => { ok: boolean }][] = [
      [orders, parseWaveOrders],
      [options, parseWavePlanOptions],
      [zones, parsePickingZones],
      [{ mode: 'pick_and_pass', policy: 'return' }, parseZonePickListOptions],
    ];
    for (const [valid, parse] of cases) {
      const paths = pathsOf(valid);
      fc.assert(
        fc.property(fc.integer({ min: 0, max: paths.length - 1 }), anything, (at, value) => {
          checkNeverThrows(parse(replaceAt(valid, paths[at] ?? [], value)) as never);
        }),
        { numRuns: 150, seed: 12 },
      );
      fc.assert(
        fc.property(anything, (value) => {
          checkNeverThrows(parse(value) as never);
        }),
        { numRuns: 100, seed: 13 },
      );
    }
  });
});
