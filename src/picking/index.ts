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

// --- layout and routing (helper K1) ---
// --- batching (helper K2) ---
// --- waves, zones, pick lists (helper K3) ---
