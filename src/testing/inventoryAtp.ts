import fc from 'fast-check';
import type { AtpPeriod, ChannelRule, TimePhasedInput } from '../inventory/atp/types.js';

/**
 * Options for {@link timePhasedInputArbitrary}.
 *
 * @example
 * ```ts
 * import type { TimePhasedArbitraryOptions } from 'ordercore/testing';
 *
 * const options: TimePhasedArbitraryOptions = { maxPeriods: 52, maxQuantity: 500, allowNegativeOnHand: true };
 * options.maxPeriods; //=> 52
 * ```
 */
export interface TimePhasedArbitraryOptions {
  /** The most periods (at least 1). Default 12. */
  readonly maxPeriods?: number;
  /** The largest on hand, receipt or demand quantity. Default 100. */
  readonly maxQuantity?: number;
  /** Whether on hand may be negative (an oversold start). Default `false`. */
  readonly allowNegativeOnHand?: boolean;
  /** Whether periods carry labels. Default `false`. */
  readonly labels?: boolean;
}

/**
 * Time-phased ATP inputs as plans look: on hand, and periods where receipts are occasional (about
 * one period in three) and committed demand is common, so plans are often short somewhere.
 *
 * @param options - Bounds on periods and quantities (see {@link TimePhasedArbitraryOptions}).
 * @returns An arbitrary of `{ onHand, periods }` accepted by `discreteAtp`, `cumulativeAtp`,
 *   `lookAheadAtp` and `promiseDate`.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { lookAheadAtp } from 'ordercore/inventory';
 * import { timePhasedInputArbitrary } from 'ordercore/testing';
 *
 * const run = fc.check(
 *   fc.property(timePhasedInputArbitrary({ maxPeriods: 20 }), (input) => {
 *     const r = lookAheadAtp(input);
 *     return r.ok && r.value.atp.every((x, t) => t === 0 || x >= (r.value.atp[t - 1] ?? 0));
 *   }),
 *   { numRuns: 100, seed: 7 },
 * );
 * run.failed; //=> false
 * ```
 */
export function timePhasedInputArbitrary(options: TimePhasedArbitraryOptions = {}): fc.Arbitrary<TimePhasedInput> {
  const maxPeriods = Math.max(1, options.maxPeriods ?? 12);
  const max = Math.max(0, options.maxQuantity ?? 100);
  const period: fc.Arbitrary<Omit<AtpPeriod, 'label'>> = fc.record({
    receipts: fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 0, max }) }),
    demand: fc.oneof(
      { weight: 1, arbitrary: fc.constant(0) },
      { weight: 3, arbitrary: fc.integer({ min: 0, max: Math.ceil(max / 3) }) },
    ),
  });
  return fc
    .record({
      onHand: fc.integer({ min: options.allowNegativeOnHand === true ? -max : 0, max }),
      periods: fc.array(period, { minLength: 1, maxLength: maxPeriods }),
    })
    .map(({ onHand, periods }) => ({
      onHand,
      periods: options.labels === true ? periods.map((p, t) => ({ ...p, label: `P${t + 1}` })) : periods,
    }));
}

/**
 * Channel rules for `channelAvailability`: distinct channel ids, buffers in units or percent,
 * quotas and shares (shares summing to at most 100 %), pooled or not.
 *
 * @param maxChannels - The most channels. Default 6.
 * @returns An arbitrary of valid rule lists.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { channelAvailability } from 'ordercore/inventory';
 * import { channelRulesArbitrary } from 'ordercore/testing';
 *
 * const run = fc.check(
 *   fc.property(fc.nat(1000), channelRulesArbitrary(), (pool, rules) => {
 *     const r = channelAvailability(pool, rules);
 *     return r.ok && r.value.allocated + r.value.free === pool;
 *   }),
 *   { numRuns: 100, seed: 7 },
 * );
 * run.failed; //=> false
 * ```
 */
export function channelRulesArbitrary(maxChannels = 6): fc.Arbitrary<ChannelRule[]> {
  const buffer = fc.option(
    fc.oneof(
      fc.record({ units: fc.integer({ min: 0, max: 20 }) }),
      fc.record({ percent: fc.integer({ min: 0, max: 1000 }).map((n) => n / 10) }),
    ),
    { nil: undefined },
  );
  const allocation = fc.option(
    fc.oneof(
      fc.record({ quota: fc.integer({ min: 0, max: 200 }) }),
      fc.record({ share: fc.integer({ min: 0, max: 1000 }).map((n) => n / 10) }),
    ),
    { nil: undefined },
  );
  const rule = fc.record({ buffer, allocation, pooled: fc.option(fc.boolean(), { nil: undefined }) });
  return fc
    .uniqueArray(fc.constantFrom('web', 'app', 'store', 'amazon', 'ebay', 'b2b', 'zalando', '__proto__'), {
      maxLength: Math.max(0, maxChannels),
    })
    .chain((ids) => fc.tuple(...ids.map(() => rule)).map((rules) => ({ ids, rules })))
    .map(({ ids, rules }) => {
      // Scale shares down when they sum past 100 % (integers of tenths of a percent).
      const tenths = rules.reduce(
        (sum, r) => sum + (r.allocation && 'share' in r.allocation ? r.allocation.share * 10 : 0),
        0,
      );
      return ids.map((channel, i) => {
        const r = rules[i] as (typeof rules)[number];
        let allocation = r.allocation;
        if (allocation !== undefined && 'share' in allocation && tenths > 1000)
          allocation = { share: Math.floor((Math.round(allocation.share * 10) * 1000) / tenths) / 10 };
        return {
          channel,
          ...(r.buffer === undefined ? {} : { buffer: r.buffer }),
          ...(allocation === undefined ? {} : { allocation }),
          ...(r.pooled === undefined ? {} : { pooled: r.pooled }),
        };
      });
    });
}
