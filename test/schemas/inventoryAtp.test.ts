import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  availableToPromise,
  channelAvailability,
  foldLedger,
  lookAheadAtp,
  promiseDate,
} from '../../src/inventory/index.js';
import {
  datedDemandSchema,
  parseAvailabilityOptions,
  parseAvailabilityQuery,
  parseChannelRules,
  parseTimePhasedInput,
  promiseOptionsSchema,
} from '../../src/schemas/index.js';
import { channelRulesArbitrary, timePhasedInputArbitrary } from '../../src/testing/index.js';
import { anything, checkNeverThrows, pathsOf, replaceAt } from './neverThrow.js';

const state = foldLedger([
  { id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 5, at: '2026-11-22T08:00:00Z' },
]);

describe('parseTimePhasedInput', () => {
  it('accepts every input the arbitrary makes, unchanged', () => {
    fc.assert(
      fc.property(timePhasedInputArbitrary({ labels: true, allowNegativeOnHand: true }), (input) => {
        const r = parseTimePhasedInput(JSON.parse(JSON.stringify(input)));
        expect(r.ok && r.value).toEqual(input);
      }),
      { numRuns: 100 },
    );
  });

  it('never throws, whatever replaces whatever part of a valid input; what it accepts, lookAheadAtp accepts', () => {
    fc.assert(
      fc.property(
        timePhasedInputArbitrary({ maxPeriods: 4, labels: true }).chain((input) =>
          fc.record({ input: fc.constant(input), path: fc.constantFrom(...pathsOf(input)), value: anything }),
        ),
        ({ input, path, value }) => {
          const r = parseTimePhasedInput(replaceAt(JSON.parse(JSON.stringify(input)), path, value));
          checkNeverThrows(r);
          if (r.ok) expect(lookAheadAtp(r.value).ok).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses sums beyond the safe integers and names bad fields', () => {
    const r = parseTimePhasedInput({ onHand: Number.MAX_SAFE_INTEGER, periods: [{ receipts: 1, demand: 0 }] });
    expect(!r.ok && r.error.issues.map((i) => `${i.path.join('.')}:${i.code}`)).toEqual(['periods:too_big']);
    const bad = parseTimePhasedInput({ onHand: 1.5, periods: [{ receipts: 0, demand: 0, extra: 1 }] });
    expect(!bad.ok && bad.error.issues.map((i) => i.path.join('.')).sort()).toEqual(['onHand', 'periods.0']);
  });
});

describe('parseChannelRules', () => {
  it('accepts every rule list the arbitrary makes; channelAvailability accepts what it accepts', () => {
    fc.assert(
      fc.property(channelRulesArbitrary(), (rules) => {
        const r = parseChannelRules(JSON.parse(JSON.stringify(rules)));
        expect(r.ok && r.value).toEqual(rules);
      }),
      { numRuns: 100 },
    );
  });

  it('never throws on hostile replacements; what it accepts, channelAvailability accepts', () => {
    fc.assert(
      fc.property(
        channelRulesArbitrary(4)
          .filter((rules) => rules.length > 0)
          .chain((rules) =>
            fc.record({ rules: fc.constant(rules), path: fc.constantFrom(...pathsOf(rules)), value: anything }),
          ),
        ({ rules, path, value }) => {
          const r = parseChannelRules(replaceAt(JSON.parse(JSON.stringify(rules)), path, value));
          checkNeverThrows(r);
          if (r.ok) expect(channelAvailability(100, r.value).ok).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names duplicates and shares over 100 %', () => {
    const r = parseChannelRules([
      { channel: 'a', allocation: { share: 60 } },
      { channel: 'a', allocation: { share: 50 } },
    ]);
    expect(!r.ok && r.error.issues.map((i) => `${i.path.join('.')}:${i.code}`)).toEqual([
      '1.channel:duplicate',
      ':too_big',
    ]);
  });
});

describe('parseAvailabilityQuery and parseAvailabilityOptions', () => {
  const query = { sku: 'SHIRT', locations: ['dc', 'store'] };
  const options = {
    now: '2026-11-22T10:00:00Z',
    policy: { safetyStock: { SHIRT: 1 }, backorderLimit: { SHIRT: 2 } },
    excludeOwner: 'c',
  };

  it('never throw on hostile replacements; what they accept, availableToPromise accepts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...pathsOf(query)),
        fc.constantFrom(...pathsOf(options)),
        anything,
        fc.boolean(),
        (queryPath, optionsPath, value, inQuery) => {
          const q = parseAvailabilityQuery(inQuery ? replaceAt(query, queryPath, value) : query);
          const o = parseAvailabilityOptions(inQuery ? options : replaceAt(options, optionsPath, value));
          checkNeverThrows(q);
          checkNeverThrows(o);
          if (q.ok && o.ok) expect(availableToPromise(state, q.value, o.value).ok).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keeps a '__proto__' SKU as an own key, refuses prototype smuggling of fields", () => {
    const r = parseAvailabilityOptions(
      JSON.parse('{"now":"2026-11-22T10:00:00Z","policy":{"backorderLimit":{"__proto__":3}}}'),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const figure = availableToPromise(foldLedger([]), { sku: '__proto__', location: 'x' }, r.value);
    expect(figure.ok && figure.value.available).toBe(3);
    expect(parseAvailabilityOptions(JSON.parse('{"__proto__":{"now":"2026-11-22T10:00:00Z"}}')).ok).toBe(false);
    expect(parseAvailabilityQuery({ sku: 'SHIRT', location: 'a', locations: ['a'] }).ok).toBe(false);
  });
});

describe('promise options and dated demand', () => {
  it('accepted promise options are accepted by promiseDate within range', () => {
    const r = promiseOptionsSchema.safeParse({ earliest: 1, split: true });
    expect(
      r.success &&
        promiseDate(
          {
            onHand: 1,
            periods: [
              { receipts: 0, demand: 0 },
              { receipts: 1, demand: 0 },
            ],
          },
          2,
          r.data,
        ).ok,
    ).toBe(true);
    expect(promiseOptionsSchema.safeParse({ earliest: 0.5 }).success).toBe(false);
  });

  it('dated demand needs positive quantities and instants', () => {
    expect(datedDemandSchema.safeParse([{ quantity: 1, at: '2026-12-01T00:00:00+02:00' }]).success).toBe(true);
    expect(datedDemandSchema.safeParse([{ quantity: 1, at: '2026-12-01' }]).success).toBe(false);
    expect(datedDemandSchema.safeParse({}).success).toBe(false);
  });
});
