import { err, ok, type Result } from '../../core/result.js';
import { isRecord, show } from '../../core/show.js';
import { batchOrders } from '../batching/batchOrders.js';
import type { BatchOrdersOptions, BatchPlan } from '../batching/types.js';
import { PickingError } from '../errors.js';
import type { WarehouseLayout } from '../types.js';
import { planWaves } from './planWaves.js';
import type { WaveOrder, WavePlan, WavePlanOptions } from './types.js';

/**
 * Options for `planAndBatchWaves`: the wave plan's options and the batching options every wave is
 * batched with.
 *
 * @example
 * ```ts
 * import type { WaveBatchingOptions } from 'ordercore/picking';
 *
 * const options: WaveBatchingOptions = {
 *   now: '2026-11-23T07:00:00Z',
 *   waves: [{ id: 'W1', releaseAt: '2026-11-23T08:00:00Z' }],
 *   batching: { capacity: { items: 45 }, policy: 'largest_gap', method: 'savings' },
 * };
 * options.batching.method; //=> 'savings'
 * ```
 */
export interface WaveBatchingOptions extends WavePlanOptions {
  /** How each wave's orders are batched (`batchOrders`' options). */
  readonly batching: BatchOrdersOptions;
}

/**
 * A wave plan with every non-empty wave batched.
 *
 * @typeParam O - The order type.
 * @example
 * ```ts
 * import type { WaveBatches } from 'ordercore/picking';
 *
 * const none: WaveBatches = { plan: { waves: [], placements: [], unplaced: [] }, batches: [], totalLength: 0 };
 * none.totalLength; //=> 0
 * ```
 */
export interface WaveBatches<O extends WaveOrder = WaveOrder> {
  /** The wave plan (see `planWaves`). */
  readonly plan: WavePlan<O>;
  /** One batching per wave that holds orders, in release order. */
  readonly batches: readonly {
    /** The wave. */
    readonly waveId: string;
    /** Its orders batched. */
    readonly batching: BatchPlan;
  }[];
  /** The metres of all waves' batches together. */
  readonly totalLength: number;
}

/**
 * Plans orders into waves with `planWaves`, then batches each wave's orders with `batchOrders` —
 * the two steps in one call; the same as calling them in turn.
 *
 * @typeParam O - The order type.
 * @param layout - The warehouse.
 * @param orders - The orders.
 * @param options - {@link WaveBatchingOptions}: the wave options and `batching`.
 * @returns The plan and its batches, or the first `PickingError` (a batching error carries the
 *   wave's id in `details.waveId`).
 * @example
 * ```ts
 * import { planAndBatchWaves } from 'ordercore/picking';
 *
 * const layout = { aisles: 3, cellsPerSide: 10, cellLength: 1, aisleSpacing: 3, frontMargin: 1, backMargin: 1, depot: { aisle: 0 } };
 * const at = (aisle: number, cell: number) => ({ id: `${aisle}-${cell}`, location: { aisle, cell } });
 * const r = planAndBatchWaves(
 *   layout,
 *   [
 *     { id: 'a', picks: [at(0, 3)], carrierCutoff: '2026-11-23T12:00:00Z' },
 *     { id: 'b', picks: [at(2, 8)], carrierCutoff: '2026-11-23T12:00:00Z' },
 *     { id: 'c', picks: [at(0, 5)], carrierCutoff: '2026-11-23T18:00:00Z' },
 *   ],
 *   {
 *     now: '2026-11-23T07:00:00Z',
 *     waves: [{ id: 'W1', releaseAt: '2026-11-23T08:00:00Z', capacity: { orders: 2 } }, { id: 'W2', releaseAt: '2026-11-23T13:00:00Z' }],
 *     batching: { capacity: { items: 1 }, policy: 'return', method: 'fcfs' },
 *   },
 * );
 * r.ok && r.value.batches.map((b) => [b.waveId, b.batching.batches.length]); //=> [['W1', 2], ['W2', 1]]
 * ```
 */
export function planAndBatchWaves<O extends WaveOrder>(
  layout: WarehouseLayout,
  orders: readonly O[],
  options: WaveBatchingOptions,
): Result<WaveBatches<O>, PickingError> {
  if (!isRecord(options)) {
    return err(
      new PickingError('invalid_options', `options: ${show(options)} must be an object.`, { field: 'options' }),
    );
  }
  const planned = planWaves(orders, options);
  if (!planned.ok) return planned;
  const batches: { waveId: string; batching: BatchPlan }[] = [];
  let totalLength = 0;
  for (const wave of planned.value.waves) {
    if (wave.orders.length === 0) continue;
    const batched = batchOrders(layout, wave.orders, options.batching);
    if (!batched.ok) {
      const e = batched.error;
      return err(new PickingError(e.code, `wave ${show(wave.id)}: ${e.message}`, { ...e.details, waveId: wave.id }));
    }
    batches.push({ waveId: wave.id, batching: batched.value });
    totalLength += batched.value.totalLength;
  }
  return ok({ plan: planned.value, batches, totalLength });
}
