import { describe, expect, it } from 'vitest';
import {
  availableToPromise,
  type ChannelAvailability,
  type ChannelRule,
  channelAvailability,
  foldLedger,
  InventoryError,
  type LedgerEntry,
} from '../../src/inventory/index.js';
import { deepFreeze } from './atpFixtures.js';

function value<T>(r: { ok: true; value: T } | { ok: false; error: InventoryError }): T {
  if (!r.ok) throw r.error;
  return r.value;
}

function shown(r: ChannelAvailability): Record<string, number> {
  return Object.fromEntries(r.channels.map((c) => [c.channel, c.available]));
}

describe('the seeds: 500 shirts, 6 sold on one marketplace and 10 on another', () => {
  const at = '2026-11-22T09:00:00Z';
  const now = '2026-11-22T10:00:00Z';
  const ledger: LedgerEntry[] = [
    { id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 500, at },
    { id: 'e-2', kind: 'allocation', sku: 'SHIRT', location: 'dc', quantity: 6, at, reference: 'marketplace-a#1' },
    { id: 'e-3', kind: 'allocation', sku: 'SHIRT', location: 'dc', quantity: 10, at, reference: 'marketplace-b#1' },
  ];
  const figure = value(availableToPromise(foldLedger(ledger), { sku: 'SHIRT', location: 'dc' }, { now }));
  const channels: ChannelRule[] = deepFreeze([
    { channel: 'web' },
    { channel: 'marketplace-a' },
    { channel: 'marketplace-b' },
    { channel: 'store-app' },
  ]);

  it('one system of record: every pooled channel sees 484', () => {
    expect(figure.available).toBe(484);
    const r = value(channelAvailability(deepFreeze(figure), channels));
    expect(shown(r)).toEqual({ web: 484, 'marketplace-a': 484, 'marketplace-b': 484, 'store-app': 484 });
    expect([r.pool, r.allocated, r.free, r.shortfall]).toEqual([484, 0, 484, 0]);
  });

  it('the allocated variant: shares 40/30/20/10 of 484 by largest remainder sum exactly to 484', () => {
    const allocated = channels.map((c, i) => ({ ...c, allocation: { share: [40, 30, 20, 10][i] ?? 0 } }));
    const r = value(channelAvailability(figure, allocated));
    // 193.6, 145.2, 96.8, 48.4: floors 193 + 145 + 96 + 48 = 482; the two largest remainders (.8, .6) get one more.
    expect(shown(r)).toEqual({ web: 194, 'marketplace-a': 145, 'marketplace-b': 97, 'store-app': 48 });
    expect([r.allocated, r.free]).toEqual([484, 0]);
  });

  it('with buffers: 5 units off one marketplace, 10 % (rounded up) off the other', () => {
    const buffered = [
      { channel: 'web' },
      { channel: 'marketplace-a', buffer: { units: 5 } },
      { channel: 'marketplace-b', buffer: { percent: 10 } },
    ];
    const r = value(channelAvailability(figure, buffered));
    expect(shown(r)).toEqual({ web: 484, 'marketplace-a': 479, 'marketplace-b': 435 });
    expect(r.channels[2]).toEqual({ channel: 'marketplace-b', allocated: 0, pooled: 484, buffer: 49, available: 435 });
  });
});

describe('allocations', () => {
  it('quotas first, then shares of what is left, then the free pool for pooled channels', () => {
    const r = value(
      channelAvailability(100, [
        { channel: 'b2b', allocation: { quota: 30 } },
        { channel: 'amazon', allocation: { share: 50 } },
        { channel: 'web' },
        { channel: 'app', allocation: { share: 10 }, pooled: true },
      ]),
    );
    // 30 to b2b; 50 % of 70 = 35 to amazon, 10 % = 7 to app; 28 free, seen by web and by app on top of its 7.
    expect(r.channels).toEqual([
      { channel: 'b2b', allocated: 30, pooled: 0, buffer: 0, available: 30 },
      { channel: 'amazon', allocated: 35, pooled: 0, buffer: 0, available: 35 },
      { channel: 'web', allocated: 0, pooled: 28, buffer: 0, available: 28 },
      { channel: 'app', allocated: 7, pooled: 28, buffer: 0, available: 35 },
    ]);
    expect([r.allocated, r.free]).toEqual([72, 28]);
  });

  it('quotas the pool cannot cover are scaled down in proportion, summing to the pool', () => {
    const r = value(
      channelAvailability(10, [
        { channel: 'a', allocation: { quota: 10 } },
        { channel: 'b', allocation: { quota: 5 } },
        { channel: 'c', allocation: { quota: 5 } },
        { channel: 'd', allocation: { share: 50 } },
        { channel: 'web' },
      ]),
    );
    expect(shown(r)).toEqual({ a: 5, b: 3, c: 2, d: 0, web: 0 });
    expect([r.allocated, r.free]).toEqual([10, 0]);
  });

  it('ties in rounding go to the smaller channel id, whatever the order of the rules', () => {
    const rules: ChannelRule[] = [
      { channel: 'zeta', allocation: { share: 50 } },
      { channel: 'alpha', allocation: { share: 50 } },
    ];
    expect(shown(value(channelAvailability(5, rules)))).toEqual({ zeta: 2, alpha: 3 });
    expect(shown(value(channelAvailability(5, [...rules].reverse())))).toEqual({ alpha: 3, zeta: 2 });
    const thirds = [
      { channel: 'c', allocation: { share: 33.3333 } },
      { channel: 'a', allocation: { share: 33.3333 } },
      { channel: 'b', allocation: { share: 33.3334 } },
    ];
    // 1 unit: b's remainder is the largest.
    expect(shown(value(channelAvailability(1, thirds)))).toEqual({ a: 0, b: 1, c: 0 });
    // 2 units: b first, then a before c on the tie.
    expect(shown(value(channelAvailability(2, thirds)))).toEqual({ a: 1, b: 1, c: 0 });
  });

  it('shares are exact on huge pools', () => {
    const pool = Number.MAX_SAFE_INTEGER;
    const r = value(
      channelAvailability(pool, [
        { channel: 'a', allocation: { share: 33.3333 } },
        { channel: 'b', allocation: { share: 66.6667 } },
      ]),
    );
    expect(r.allocated).toBe(pool);
    const a = r.channels[0]?.allocated ?? 0;
    // Largest remainder, worked out in exact integers: a gets the floor, plus the one unit left if its remainder is the larger.
    const exact = BigInt(pool) * 333_333n;
    const remainderA = exact % 1_000_000n;
    const remainderB = (BigInt(pool) * 666_667n) % 1_000_000n;
    expect(remainderA + remainderB).toBe(1_000_000n);
    expect(BigInt(a)).toBe(exact / 1_000_000n + (remainderA >= remainderB ? 1n : 0n));
    expect(BigInt(r.channels[1]?.allocated ?? 0) + BigInt(a)).toBe(BigInt(pool));
  });

  it('a buffer never takes a channel below 0', () => {
    const r = value(channelAvailability(3, [{ channel: 'web', buffer: { units: 10 } }]));
    expect(r.channels[0]).toEqual({ channel: 'web', allocated: 0, pooled: 3, buffer: 3, available: 0 });
  });
});

describe('the pool', () => {
  it('a negative number is an oversold pool: nothing to split, the shortfall carried', () => {
    const r = value(channelAvailability(-7, [{ channel: 'web' }]));
    expect([r.pool, r.shortfall, shown(r)]).toEqual([0, 7, { web: 0 }]);
  });

  it('no channels: nothing to show, the pool is free', () => {
    expect(value(channelAvailability(9, []))).toEqual({ pool: 9, shortfall: 0, allocated: 0, free: 9, channels: [] });
  });
});

describe('hostile rules are a typed error naming the field', () => {
  const cases: [string, unknown, unknown, string, string][] = [
    ['pool NaN', Number.NaN, [], 'invalid_request', 'available'],
    ['pool fractional', 1.5, [], 'invalid_request', 'available'],
    ['pool a string', '10', [], 'invalid_request', 'available'],
    ['figure without available', { shortfall: 0 }, [], 'invalid_request', 'available'],
    ['channels not an array', 10, { web: {} }, 'invalid_options', 'channels'],
    ['a rule null', 10, [null], 'invalid_options', 'channels[0]'],
    ['empty channel id', 10, [{ channel: '' }], 'invalid_options', 'channels[0].channel'],
    ['a channel twice', 10, [{ channel: 'a' }, { channel: 'a' }], 'invalid_options', 'channels[1].channel'],
    [
      'both units and percent',
      10,
      [{ channel: 'a', buffer: { units: 1, percent: 1 } }],
      'invalid_options',
      'channels[0].buffer',
    ],
    ['negative buffer', 10, [{ channel: 'a', buffer: { units: -1 } }], 'invalid_options', 'channels[0].buffer.units'],
    [
      'percent over 100',
      10,
      [{ channel: 'a', buffer: { percent: 101 } }],
      'invalid_options',
      'channels[0].buffer.percent',
    ],
    [
      'percent with 5 decimals',
      10,
      [{ channel: 'a', allocation: { share: 10.00001 } }],
      'invalid_options',
      'channels[0].allocation.share',
    ],
    [
      'share NaN',
      10,
      [{ channel: 'a', allocation: { share: Number.NaN } }],
      'invalid_options',
      'channels[0].allocation.share',
    ],
    [
      'quota fractional',
      10,
      [{ channel: 'a', allocation: { quota: 0.5 } }],
      'invalid_options',
      'channels[0].allocation.quota',
    ],
    ['allocation empty', 10, [{ channel: 'a', allocation: {} }], 'invalid_options', 'channels[0].allocation'],
    ['pooled a string', 10, [{ channel: 'a', pooled: 'yes' }], 'invalid_options', 'channels[0].pooled'],
    [
      'shares over 100 %',
      10,
      [
        { channel: 'a', allocation: { share: 60 } },
        { channel: 'b', allocation: { share: 40.5 } },
      ],
      'invalid_options',
      'channels',
    ],
  ];
  it.each(cases)('%s', (_, pool, rules, code, field) => {
    const r = channelAvailability(pool as never, rules as never);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBeInstanceOf(InventoryError);
    expect([r.error.code, r.error.details['field']]).toEqual([code, field]);
  });
});
