// The data of available-to-promise: the snapshot figure per location and across a stock
// (availableToPromise), channel availability derived from it (channelAvailability), and the
// time-phased views over periods of receipts and committed demand (discreteAtp, cumulativeAtp,
// lookAheadAtp, promiseDate, atpPeriods).

import type { AvailabilityPolicy, Instant, LocationId, Sku } from '../types.js';

/**
 * What to compute availability for: one SKU at one location, or across a stock (a set of
 * locations, each counted once; listing a location twice is refused).
 *
 * @example
 * ```ts
 * import type { AvailabilityQuery } from 'ordercore/inventory';
 *
 * const one: AvailabilityQuery = { sku: 'SHIRT', location: 'berlin-dc' };
 * const stock: AvailabilityQuery = { sku: 'SHIRT', locations: ['berlin-dc', 'paris-store'] };
 * 'locations' in stock && stock.locations.length; //=> 2
 * ```
 */
export type AvailabilityQuery =
  | {
      /** The SKU. */
      readonly sku: Sku;
      /** The one location. */
      readonly location: LocationId;
    }
  | {
      /** The SKU. */
      readonly sku: Sku;
      /** The stock: one or more distinct locations, reported in this order. */
      readonly locations: readonly LocationId[];
    };

/**
 * The options of `availableToPromise`.
 *
 * @example
 * ```ts
 * import type { AvailabilityOptions } from 'ordercore/inventory';
 *
 * const options: AvailabilityOptions = { now: '2026-11-22T10:00:00Z', excludeOwner: 'cart-9' };
 * options.excludeOwner; //=> 'cart-9'
 * ```
 */
export interface AvailabilityOptions {
  /** The instant holds expire against: a hold with `expiresAt ≤ now` no longer counts. */
  readonly now: Instant;
  /** Safety stock and backorder limits per SKU, applied at each location (default: none). */
  readonly policy?: AvailabilityPolicy;
  /** The caller's own holds (a cart or order id) do not count against what it can be promised. */
  readonly excludeOwner?: string;
}

/**
 * Available to promise at one location, with every part of the figure:
 * `promisable = onHand − allocated − activeHolds − safetyStock + backorderLimit` (holds expired at
 * `now` and the caller's own holds are not in `activeHolds`). `available` is what may be promised
 * (never negative); `shortfall` is how far the location is oversold.
 *
 * @example
 * ```ts
 * import { availableToPromise, foldLedger } from 'ordercore/inventory';
 *
 * const state = foldLedger([
 *   { id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 10, at: '2026-11-01T08:00:00Z' },
 * ]);
 * const r = availableToPromise(state, { sku: 'SHIRT', location: 'dc' }, { now: '2026-11-22T10:00:00Z' });
 * const dc = r.ok ? r.value.locations[0] : undefined;
 * [dc?.onHand, dc?.promisable, dc?.available, dc?.shortfall]; //=> [10, 10, 10, 0]
 * ```
 */
export interface LocationAvailability {
  /** The location. */
  readonly location: LocationId;
  /** Units physically here. */
  readonly onHand: number;
  /** Units committed to orders, not yet shipped. */
  readonly allocated: number;
  /** Units in every open hold, expired or not (the balance's `reserved`). */
  readonly reserved: number;
  /** Units in holds that count: not expired at `now`, not the caller's own. */
  readonly activeHolds: number;
  /** Units in holds expired at `now`: still on the ledger until released, ignored here. */
  readonly expiredHolds: number;
  /** Units in the caller's own unexpired holds (`excludeOwner`), excluded. */
  readonly ownHolds: number;
  /** Units the policy holds back for this SKU. */
  readonly safetyStock: number;
  /** Units the policy lets this SKU be promised below zero. */
  readonly backorderLimit: number;
  /** The figure reservations check (`available_at_least`): may be negative. */
  readonly promisable: number;
  /** `max(0, promisable)`: what may be promised here. */
  readonly available: number;
  /** Of `available`, units that exist (`max(0, promisable − backorderLimit)`); the rest are backorders. */
  readonly fromStock: number;
  /** Of `available`, units promised beyond stock (`available − fromStock`). */
  readonly onBackorder: number;
  /** `max(0, −promisable)`: how far the location is oversold. */
  readonly shortfall: number;
  /** Units on their way here by transfer (not promisable yet). */
  readonly inTransit: number;
  /** Units in scheduled receipts still expected here (not promisable yet: see `atpPeriods`). */
  readonly incoming: number;
  /** The balance's version (0 when the ledger never touched this SKU here). */
  readonly version: number;
}

/**
 * Available to promise for one SKU at one location or across a stock: each location's figure and
 * the totals. The stock's `available` is the sum of each location's `available` — what the
 * locations would accept between them, since reservations are checked per location: one location
 * oversold does not reduce what another can promise, and safety stock and backorder limits apply
 * at each location.
 *
 * @example
 * ```ts
 * import { availableToPromise, foldLedger } from 'ordercore/inventory';
 *
 * const at = '2026-11-01T08:00:00Z';
 * const state = foldLedger([
 *   { id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'a', quantity: 5, at },
 *   { id: 'e-2', kind: 'receipt', sku: 'SHIRT', location: 'b', quantity: 2, at },
 *   { id: 'e-3', kind: 'shipment', sku: 'SHIRT', location: 'b', quantity: -3, at },
 * ]);
 * const r = availableToPromise(state, { sku: 'SHIRT', locations: ['a', 'b'] }, { now: at });
 * r.ok && [r.value.available, r.value.shortfall]; //=> [5, 1]
 * ```
 */
export interface StockAvailability {
  /** The SKU. */
  readonly sku: Sku;
  /** The instant holds were expired against. */
  readonly now: Instant;
  /** Each location's figure, in the order of the query. */
  readonly locations: readonly LocationAvailability[];
  /** Σ on hand. */
  readonly onHand: number;
  /** Σ `available`: what may be promised across the stock. */
  readonly available: number;
  /** Σ `fromStock`. */
  readonly fromStock: number;
  /** Σ `onBackorder`. */
  readonly onBackorder: number;
  /** Σ `shortfall`: units oversold, location by location. */
  readonly shortfall: number;
}

/**
 * How many units a channel never sees: a number of units, or a percentage of what the channel
 * would otherwise see (rounded up, so at least that share is held back).
 *
 * @example
 * ```ts
 * import type { ChannelBuffer } from 'ordercore/inventory';
 *
 * const units: ChannelBuffer = { units: 5 };
 * const share: ChannelBuffer = { percent: 10 };
 * 'percent' in share && share.percent; //=> 10
 * ```
 */
export type ChannelBuffer =
  | {
      /** Units held back (a non-negative safe integer). */
      readonly units: number;
    }
  | {
      /** Percent held back, 0 to 100, at most 4 decimals. */
      readonly percent: number;
    };

/**
 * A part of the pool set aside for one channel: a share (percent of the pool left after quotas,
 * split by largest remainder so the parts sum exactly) or a fixed quota of units (scaled down in
 * proportion, by largest remainder, when the pool cannot cover every quota).
 *
 * @example
 * ```ts
 * import type { ChannelAllocation } from 'ordercore/inventory';
 *
 * const share: ChannelAllocation = { share: 30 };
 * const quota: ChannelAllocation = { quota: 100 };
 * 'quota' in quota && quota.quota; //=> 100
 * ```
 */
export type ChannelAllocation =
  | {
      /** Percent of the pool after quotas, 0 to 100, at most 4 decimals; all shares sum to ≤ 100. */
      readonly share: number;
    }
  | {
      /** Units set aside (a non-negative safe integer). */
      readonly quota: number;
    };

/**
 * How one sales channel sees the one system of record. Without an allocation a channel is pooled:
 * it sees every unit not set aside for another channel, minus its buffer. With an allocation it
 * sees only its allocation minus its buffer — unless `pooled` is `true`, when it sees its allocation
 * plus the free pool.
 *
 * @example
 * ```ts
 * import type { ChannelRule } from 'ordercore/inventory';
 *
 * const marketplace: ChannelRule = { channel: 'marketplace', buffer: { units: 5 }, allocation: { share: 40 } };
 * marketplace.channel; //=> 'marketplace'
 * ```
 */
export interface ChannelRule {
  /** The channel's id (distinct across the rules). */
  readonly channel: string;
  /** Units or percent held back from this channel (default none). */
  readonly buffer?: ChannelBuffer;
  /** Units set aside for this channel (default none: the channel is pooled). */
  readonly allocation?: ChannelAllocation;
  /** Whether the channel also sees the free pool (default: `true` without an allocation, `false` with one). */
  readonly pooled?: boolean;
}

/**
 * What one channel may show and sell, and why: `available = max(0, allocated + pooled − buffer)`.
 *
 * @example
 * ```ts
 * import { channelAvailability } from 'ordercore/inventory';
 *
 * const r = channelAvailability(100, [{ channel: 'web', buffer: { percent: 10 } }]);
 * const web = r.ok ? r.value.channels[0] : undefined;
 * [web?.pooled, web?.buffer, web?.available]; //=> [100, 10, 90]
 * ```
 */
export interface ChannelFigure {
  /** The channel. */
  readonly channel: string;
  /** Units set aside for it. */
  readonly allocated: number;
  /** Units of the free pool it sees (0 when it is not pooled). */
  readonly pooled: number;
  /** Units held back from it. */
  readonly buffer: number;
  /** What it may show and sell. */
  readonly available: number;
}

/**
 * Availability per channel from one pool: each channel's figure (in the order of the rules) and
 * how the pool was split.
 *
 * @example
 * ```ts
 * import { channelAvailability } from 'ordercore/inventory';
 *
 * const r = channelAvailability(10, [{ channel: 'a', allocation: { share: 50 } }, { channel: 'b' }]);
 * r.ok && [r.value.pool, r.value.allocated, r.value.free]; //=> [10, 5, 5]
 * ```
 */
export interface ChannelAvailability {
  /** The units to split: the figure's `available`, or `max(0, n)` for a number. */
  readonly pool: number;
  /** Units oversold, carried over (the figure's `shortfall`, or `max(0, −n)`). */
  readonly shortfall: number;
  /** Units set aside for channels in all (quotas and shares). */
  readonly allocated: number;
  /** Units set aside for no channel: what pooled channels share. */
  readonly free: number;
  /** Each channel's figure, in the order of the rules. */
  readonly channels: readonly ChannelFigure[];
}

/**
 * One time bucket of a time-phased plan: the scheduled receipts due in it and the committed demand
 * (customer orders booked) due in it.
 *
 * @example
 * ```ts
 * import type { AtpPeriod } from 'ordercore/inventory';
 *
 * const week: AtpPeriod = { receipts: 70, demand: 10, label: 'week 3' };
 * week.receipts - week.demand; //=> 60
 * ```
 */
export interface AtpPeriod {
  /** Units scheduled to arrive in the period (a non-negative safe integer; the MPS quantity). */
  readonly receipts: number;
  /** Units of committed demand due in the period (a non-negative safe integer). */
  readonly demand: number;
  /** A name for the period (a date, `'week 3'`), carried into promises. */
  readonly label?: string;
}

/**
 * The input of the time-phased ATP functions: on hand at the start, and the periods in time order.
 *
 * @example
 * ```ts
 * import type { TimePhasedInput } from 'ordercore/inventory';
 *
 * const input: TimePhasedInput = {
 *   onHand: 10,
 *   periods: [{ receipts: 0, demand: 4 }, { receipts: 0, demand: 8 }, { receipts: 20, demand: 5 }, { receipts: 0, demand: 3 }],
 * };
 * input.periods.length; //=> 4
 * ```
 */
export interface TimePhasedInput {
  /** Units on hand (or promisable) at the start of the first period: a safe integer, may be negative. */
  readonly onHand: number;
  /** The periods, in time order (at least one). */
  readonly periods: readonly AtpPeriod[];
}

/**
 * Discrete ATP: a figure at the first period and at every period with receipts, 0 elsewhere.
 *
 * @example
 * ```ts
 * import { discreteAtp } from 'ordercore/inventory';
 *
 * const r = discreteAtp({ onHand: 10, periods: [{ receipts: 0, demand: 4 }, { receipts: 0, demand: 8 }, { receipts: 20, demand: 5 }, { receipts: 0, demand: 3 }] });
 * r.ok && r.value.atp; //=> [-2, 0, 12, 0]
 * r.ok && r.value.netted; //=> [0, 0, 10, 0]
 * ```
 */
export interface DiscreteAtp {
  /**
   * The textbook figure per period: (on hand in the first period) + receipts − the demand of this
   * and the following periods up to the next receipt; 0 in periods without receipts. Negative
   * means the bucket's demand needs earlier supply.
   */
  readonly atp: readonly number[];
  /**
   * The same after netting (never negative): a negative bucket takes from the buckets before it
   * (backward consumption); demand that nothing earlier covers is late and is taken from the
   * buckets after it. Its running sum is the look-ahead cumulative ATP.
   */
  readonly netted: readonly number[];
  /** Units of committed demand that cannot be met on time (the deepest negative projected balance, as a positive number). */
  readonly shortfall: number;
}

/**
 * Cumulative ATP without look-ahead: the running sum of on hand + receipts − demand.
 *
 * @example
 * ```ts
 * import { cumulativeAtp } from 'ordercore/inventory';
 *
 * const r = cumulativeAtp({ onHand: 10, periods: [{ receipts: 0, demand: 4 }, { receipts: 0, demand: 8 }, { receipts: 20, demand: 5 }, { receipts: 0, demand: 3 }] });
 * r.ok && r.value.atp; //=> [6, -2, 13, 10]
 * ```
 */
export interface CumulativeAtp {
  /** Per period: the running sum (may be negative: the projected balance of committed demand). */
  readonly atp: readonly number[];
}

/**
 * Cumulative ATP with look-ahead (backward consumption): per period, what can still be promised by
 * then without making any later period short.
 *
 * @example
 * ```ts
 * import { lookAheadAtp } from 'ordercore/inventory';
 *
 * const r = lookAheadAtp({ onHand: 10, periods: [{ receipts: 0, demand: 4 }, { receipts: 0, demand: 8 }, { receipts: 20, demand: 5 }, { receipts: 0, demand: 3 }] });
 * r.ok && r.value.atp; //=> [0, 0, 10, 10]
 * r.ok && [r.value.shortfall, r.value.firstShortPeriod]; //=> [2, 1]
 * ```
 */
export interface LookAheadAtp {
  /** Per period: `max(0, min over this and every later period of the cumulative ATP)`; never decreases. */
  readonly atp: readonly number[];
  /** Units of committed demand that cannot be met on time (`max(0, −min cumulative ATP)`). */
  readonly shortfall: number;
  /** The first period whose projected balance is negative, or `null` when none is. */
  readonly firstShortPeriod: number | null;
}

/**
 * The options of `promiseDate`.
 *
 * @example
 * ```ts
 * import type { PromiseOptions } from 'ordercore/inventory';
 *
 * const options: PromiseOptions = { earliest: 2, split: true };
 * options.earliest; //=> 2
 * ```
 */
export interface PromiseOptions {
  /** The first period the promise may fall in (the requested date, a lead time), default 0. */
  readonly earliest?: number;
  /** Whether to promise in parts as supply arrives when the whole quantity is not there at once (default `false`). */
  readonly split?: boolean;
}

/**
 * One delivery of a promise: a quantity in a period.
 *
 * @example
 * ```ts
 * import type { PromisedDelivery } from 'ordercore/inventory';
 *
 * const delivery: PromisedDelivery = { period: 2, quantity: 10, label: 'week 3' };
 * delivery.quantity; //=> 10
 * ```
 */
export interface PromisedDelivery {
  /** The period's index. */
  readonly period: number;
  /** Units promised in it. */
  readonly quantity: number;
  /** The period's label, when it has one. */
  readonly label?: string;
}

/**
 * A promise for a quantity: the earliest period the whole quantity can be promised in (or `null`),
 * and the deliveries (one, several with `split`, or none).
 *
 * @example
 * ```ts
 * import { promiseDate } from 'ordercore/inventory';
 *
 * const input = { onHand: 10, periods: [{ receipts: 0, demand: 4 }, { receipts: 0, demand: 8 }, { receipts: 20, demand: 5 }, { receipts: 0, demand: 3 }] };
 * const r = promiseDate(input, 8);
 * r.ok && [r.value.period, r.value.unpromised]; //=> [2, 0]
 * ```
 */
export interface AtpPromise {
  /** The earliest period in which the whole quantity can be promised, or `null` when none in the horizon can. */
  readonly period: number | null;
  /** That period's label, when it has one. */
  readonly label?: string;
  /** The deliveries: the whole quantity at `period`; with `split`, parts as supply arrives; none when nothing can be promised. */
  readonly deliveries: readonly PromisedDelivery[];
  /** Units no delivery covers (0 when the whole quantity is promised). */
  readonly unpromised: number;
}

/**
 * Committed demand with a due date, for `atpPeriods`.
 *
 * @example
 * ```ts
 * import type { DatedDemand } from 'ordercore/inventory';
 *
 * const order: DatedDemand = { quantity: 4, at: '2026-12-03T00:00:00Z', reference: 'order-17' };
 * order.quantity; //=> 4
 * ```
 */
export interface DatedDemand {
  /** Units due (a positive safe integer). */
  readonly quantity: number;
  /** When they are due. */
  readonly at: Instant;
  /** What they are for (not used in the computation). */
  readonly reference?: string;
}

/**
 * The options of `atpPeriods`.
 *
 * @example
 * ```ts
 * import type { AtpPeriodsOptions } from 'ordercore/inventory';
 *
 * const options: AtpPeriodsOptions = { now: '2026-12-01T00:00:00Z', policy: { safetyStock: { SHIRT: 2 } } };
 * options.now; //=> '2026-12-01T00:00:00Z'
 * ```
 */
export interface AtpPeriodsOptions {
  /** The instant holds expire against. */
  readonly now: Instant;
  /** Safety stock per SKU, taken from the starting figure (backorder limits are not applied). */
  readonly policy?: AvailabilityPolicy;
  /** The caller's own holds do not count against the starting figure. */
  readonly excludeOwner?: string;
}
