/**
 * Picking: the single-block warehouse layout, picker routing (S-shape, return, midpoint, largest
 * gap, combined, and the exact optimum of Ratliff & Rosenthal), route drawings, order batching
 * (FCFS, seed, savings, iterated local search, an exact solver for small waves), waves and zones.
 *
 * @example
 * ```ts
 * import { ROUTING_POLICIES } from 'ordercore/picking';
 *
 * ROUTING_POLICIES.includes('optimal'); //=> true
 * ```
 *
 * @module ordercore/picking
 */

// --- batching (helper K2) ---
export { batchOrders } from './batching/batchOrders.js';
export {
  ADDITION_RULES,
  type AdditionRule,
  BATCHING_METHODS,
  BATCHING_START_METHODS,
  type Batch,
  type BatchCapacity,
  type BatchingMethod,
  type BatchingStartMethod,
  type BatchingStop,
  type BatchLoad,
  type BatchOrder,
  type BatchOrdersOptions,
  type BatchPlan,
  EXACT_BATCHING_MAX_ORDERS,
  SEED_RULES,
  type SeedRule,
} from './batching/types.js';
// --- layout and routing (helper K1) ---
export { type RouteSvgOptions, routeToSvg } from './drawing/routeToSvg.js';
export { PICKING_ERROR_CODES, PickingError, type PickingErrorCode } from './errors.js';
export { locationCoordinates } from './layout/locationCoordinates.js';
export { validateLayout } from './layout/validateLayout.js';
// --- waves, zones, pick lists (helper K3) ---
export { locationLabel } from './pickList/locationLabel.js';
export { type PickListLine, pickList } from './pickList/pickList.js';
export { routeLength } from './routing/routeLength.js';
export { routePicks } from './routing/routePicks.js';
export {
  type PathPoint,
  type Pick,
  ROUTING_POLICIES,
  type Route,
  type RoutingPolicy,
  type StorageLocation,
  type WarehouseLayout,
} from './types.js';
export { planAndBatchWaves, type WaveBatches, type WaveBatchingOptions } from './waves/planAndBatchWaves.js';
export { planWaves } from './waves/planWaves.js';
export {
  type PlannedWave,
  WAVE_ORDER_FLAGS,
  WAVE_ROLL_REASONS,
  type WaveCapacity,
  type WaveLoad,
  type WaveOrder,
  type WaveOrderFlag,
  type WavePlacement,
  type WavePlan,
  type WavePlanOptions,
  type WaveRoll,
  type WaveRollReason,
  type WaveSlot,
} from './waves/types.js';
export {
  type PickingZone,
  ZONE_PICKING_MODES,
  type ZoneOrder,
  type ZonePickingMode,
  type ZonePickList,
  type ZonePickListOptions,
  type ZonePickListsResult,
  type ZoneWork,
} from './zones/types.js';
export { zonePickLists } from './zones/zonePickLists.js';
