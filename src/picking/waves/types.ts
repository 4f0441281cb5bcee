import type { Pick } from '../types.js';

/**
 * An order to be planned into waves: its picks, and when it may be picked and must be shipped.
 * Batching reads the same `id`, `picks` and `items` fields, so a wave's orders go to `batchOrders`
 * as they are.
 *
 * @example
 * ```ts
 * import type { WaveOrder } from 'ordercore/picking';
 *
 * const order: WaveOrder = {
 *   id: 'o-1',
 *   picks: [{ id: 'p-1', location: { aisle: 2, cell: 44, side: 'left' }, sku: 'TEA', quantity: 2 }],
 *   carrierCutoff: '2026-11-23T16:00:00Z',
 *   priority: 1,
 * };
 * order.picks.length; //=> 1
 * ```
 */
export interface WaveOrder {
  /** The order id: unique among the orders planned together. */
  readonly id: string;
  /** The order's picks (its lines, one location each). */
  readonly picks: readonly Pick[];
  /** The items it puts in a picker's cart. Default: the sum of the picks' quantities (a pick without one counts 1). */
  readonly items?: number;
  /** When the carrier collects it (ISO 8601 instant with offset). Orders without one plan after all that have one. */
  readonly carrierCutoff?: string;
  /** Larger is more urgent; breaks ties between equal cut-offs. Default 0. */
  readonly priority?: number;
  /** When it became available for picking (ISO 8601 instant with offset); waves released before it cannot take it. Default: always available. */
  readonly releasedAt?: string;
}

/**
 * The most a wave may hold, in orders, items and lines (picks); a limit left out is unlimited.
 *
 * @example
 * ```ts
 * import type { WaveCapacity } from 'ordercore/picking';
 *
 * const capacity: WaveCapacity = { orders: 40, items: 600 };
 * capacity.orders; //=> 40
 * ```
 */
export interface WaveCapacity {
  /** The most orders. */
  readonly orders?: number;
  /** The most items (see {@link WaveOrder.items}). */
  readonly items?: number;
  /** The most lines (picks). */
  readonly lines?: number;
}

/**
 * A scheduled wave: released for picking at `releaseAt`, to be picked by `dueBy`.
 *
 * @example
 * ```ts
 * import type { WaveSlot } from 'ordercore/picking';
 *
 * const slot: WaveSlot = { id: 'W1', releaseAt: '2026-11-23T08:00:00Z', dueBy: '2026-11-23T10:00:00Z', capacity: { orders: 30 } };
 * slot.id; //=> 'W1'
 * ```
 */
export interface WaveSlot {
  /** The wave id: unique among the slots. */
  readonly id: string;
  /** When the wave is released to the floor (ISO 8601 instant with offset). Only orders released by then can join it. */
  readonly releaseAt: string;
  /** When its picking must be done (ISO 8601 instant with offset). Default: the next wave's `releaseAt`; none for the last wave. */
  readonly dueBy?: string;
  /** This wave's capacity. Default: `options.capacity`. */
  readonly capacity?: WaveCapacity;
}

/**
 * Options for `planWaves`.
 *
 * @example
 * ```ts
 * import type { WavePlanOptions } from 'ordercore/picking';
 *
 * const options: WavePlanOptions = {
 *   now: '2026-11-23T07:30:00Z',
 *   waves: [{ id: 'W1', releaseAt: '2026-11-23T08:00:00Z' }],
 *   capacity: { orders: 40 },
 * };
 * options.waves.length; //=> 1
 * ```
 */
export interface WavePlanOptions {
  /** The planning instant (ISO 8601 with offset): orders whose cut-off is before it are flagged `past_cutoff`. */
  readonly now: string;
  /** The waves, in any order: they are planned by `releaseAt`, then id. At least one; at most 10,000. */
  readonly waves: readonly WaveSlot[];
  /** The capacity of every wave that gives none of its own. Default: unlimited. */
  readonly capacity?: WaveCapacity;
}

/**
 * Every reason an order did not go into a wave it was otherwise eligible for, or into any wave.
 *
 * @example
 * ```ts
 * import { WAVE_ROLL_REASONS } from 'ordercore/picking';
 *
 * WAVE_ROLL_REASONS.includes('items_full'); //=> true
 * ```
 */
export const WAVE_ROLL_REASONS = ['orders_full', 'items_full', 'lines_full', 'not_released'] as const;

/**
 * Why an order did not join a wave:
 * - `orders_full`, `items_full`, `lines_full`: the wave had no room left for it in that measure
 *   (the first measure that overflows, in this order);
 * - `not_released`: the order's `releasedAt` is after the wave's `releaseAt`.
 *
 * @example
 * ```ts
 * import type { WaveRollReason } from 'ordercore/picking';
 *
 * const reason: WaveRollReason = 'orders_full';
 * reason; //=> 'orders_full'
 * ```
 */
export type WaveRollReason = (typeof WAVE_ROLL_REASONS)[number];

/**
 * A wave an order was passed over by, and why.
 *
 * @example
 * ```ts
 * import type { WaveRoll } from 'ordercore/picking';
 *
 * const roll: WaveRoll = { waveId: 'W1', reason: 'items_full' };
 * roll.reason; //=> 'items_full'
 * ```
 */
export interface WaveRoll {
  /** The wave. */
  readonly waveId: string;
  /** Why the order did not join it. */
  readonly reason: WaveRollReason;
}

/**
 * Every flag a planned order can carry.
 *
 * @example
 * ```ts
 * import { WAVE_ORDER_FLAGS } from 'ordercore/picking';
 *
 * WAVE_ORDER_FLAGS; //=> ['past_cutoff', 'misses_cutoff']
 * ```
 */
export const WAVE_ORDER_FLAGS = ['past_cutoff', 'misses_cutoff'] as const;

/**
 * A warning on an order: `past_cutoff` — its carrier cut-off is before `now` (the truck has left);
 * `misses_cutoff` — its wave is due after its cut-off (a wave without a due instant: released after
 * it), so it will likely miss the carrier.
 *
 * @example
 * ```ts
 * import type { WaveOrderFlag } from 'ordercore/picking';
 *
 * const flag: WaveOrderFlag = 'misses_cutoff';
 * flag; //=> 'misses_cutoff'
 * ```
 */
export type WaveOrderFlag = (typeof WAVE_ORDER_FLAGS)[number];

/**
 * What a wave holds.
 *
 * @example
 * ```ts
 * import type { WaveLoad } from 'ordercore/picking';
 *
 * const load: WaveLoad = { orders: 2, items: 7, lines: 5 };
 * load.items; //=> 7
 * ```
 */
export interface WaveLoad {
  /** Orders in the wave. */
  readonly orders: number;
  /** Items in the wave. */
  readonly items: number;
  /** Lines (picks) in the wave. */
  readonly lines: number;
}

/**
 * One planned wave.
 *
 * @typeParam O - The order type (the caller's orders come back as given).
 * @example
 * ```ts
 * import { planWaves } from 'ordercore/picking';
 *
 * const plan = planWaves([{ id: 'o-1', picks: [] }], { now: '2026-11-23T07:00:00Z', waves: [{ id: 'W1', releaseAt: '2026-11-23T08:00:00Z' }] });
 * plan.ok && plan.value.waves[0]?.orders.map((o) => o.id); //=> ['o-1']
 * ```
 */
export interface PlannedWave<O extends WaveOrder = WaveOrder> {
  /** The slot's id. */
  readonly id: string;
  /** The slot's release instant, as given. */
  readonly releaseAt: string;
  /** The slot's due instant: as given, or the next wave's `releaseAt`; absent for a last wave without one. */
  readonly dueBy?: string;
  /** The capacity applied (the slot's own or `options.capacity`; `{}` is unlimited). */
  readonly capacity: WaveCapacity;
  /** The orders in it, in planning order (cut-off, then priority, then id). */
  readonly orders: readonly O[];
  /** What it holds. */
  readonly load: WaveLoad;
}

/**
 * Where one order went (or did not), and why.
 *
 * @example
 * ```ts
 * import type { WavePlacement } from 'ordercore/picking';
 *
 * const placement: WavePlacement = { orderId: 'o-2', waveId: 'W2', rolled: [{ waveId: 'W1', reason: 'orders_full' }], flags: [] };
 * placement.waveId; //=> 'W2'
 * ```
 */
export interface WavePlacement {
  /** The order. */
  readonly orderId: string;
  /** The wave it joined, or `null` when no wave could take it (see `unplacedReason`). */
  readonly waveId: string | null;
  /** The earlier waves (by release) it was passed over by, in release order, with the reason each time. */
  readonly rolled: readonly WaveRoll[];
  /** Warnings: `past_cutoff`, `misses_cutoff`. */
  readonly flags: readonly WaveOrderFlag[];
  /** Why it is unplaced (set only when `waveId` is `null`): `exceeds_wave_capacity` (larger than every wave it could join, alone), `not_released` (released after the last wave), `no_room` (every eligible wave was full). */
  readonly unplacedReason?: 'exceeds_wave_capacity' | 'not_released' | 'no_room';
}

/**
 * The result of `planWaves`.
 *
 * @typeParam O - The order type.
 * @example
 * ```ts
 * import { planWaves } from 'ordercore/picking';
 *
 * const plan = planWaves([], { now: '2026-11-23T07:00:00Z', waves: [{ id: 'W1', releaseAt: '2026-11-23T08:00:00Z' }] });
 * plan.ok && plan.value.unplaced; //=> []
 * ```
 */
export interface WavePlan<O extends WaveOrder = WaveOrder> {
  /** Every wave, in release order (then id), including empty ones. */
  readonly waves: readonly PlannedWave<O>[];
  /** One placement per order, in planning order (cut-off, then priority, then id). */
  readonly placements: readonly WavePlacement[];
  /** The placements with `waveId: null`, in planning order. */
  readonly unplaced: readonly WavePlacement[];
}
