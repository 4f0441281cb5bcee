import fc from 'fast-check';
import { show } from '../core/show.js';
import { PickingError } from '../picking/errors.js';
import type { Pick, StorageLocation, WarehouseLayout } from '../picking/types.js';

/**
 * One storage class of a class-based (ABC) storage policy: a share of the locations, nearest the
 * depot first, and the share of all picks that falls on them.
 *
 * @example
 * ```ts
 * import type { StorageClass } from 'ordercore/testing';
 *
 * const a: StorageClass = { locations: 0.2, picks: 0.8 };
 * a.picks; //=> 0.8
 * ```
 */
export interface StorageClass {
  /** The share of all storage locations in this class, in (0, 1]. */
  readonly locations: number;
  /** The share of all picks that land in this class, in [0, 1]. */
  readonly picks: number;
}

/**
 * The usual three-class ABC split (the Pareto "20 % of the items make 80 % of the picks" rule with a
 * B and a C class): class A is the 20 % of locations nearest the depot and takes 80 % of the picks,
 * class B the next 30 % with 15 %, class C the remaining 50 % with 5 %.
 *
 * @example
 * ```ts
 * import { ABC_STORAGE_CLASSES } from 'ordercore/testing';
 *
 * ABC_STORAGE_CLASSES.map((c) => c.picks); //=> [0.8, 0.15, 0.05]
 * ```
 */
export const ABC_STORAGE_CLASSES: readonly StorageClass[] = [
  { locations: 0.2, picks: 0.8 },
  { locations: 0.3, picks: 0.15 },
  { locations: 0.5, picks: 0.05 },
];

/**
 * Options for {@link pickingInstance}. Every option has a default taken from the benchmark setup
 * most order-batching studies use (10 aisles of 90 locations, 5–25 items per order, picker
 * capacities 30–75 items).
 *
 * @example
 * ```ts
 * import type { PickingInstanceOptions } from 'ordercore/testing';
 *
 * const options: PickingInstanceOptions = { seed: 7, orders: 40, capacity: 45, storage: 'class_based' };
 * options.storage; //=> 'class_based'
 * ```
 */
export interface PickingInstanceOptions {
  /** The seed of the generator's own PRNG (a 32-bit integer; other numbers are truncated to one). Default 1. */
  readonly seed?: number;
  /** How many orders. Default: drawn uniformly from 20–100 with the seed. */
  readonly orders?: number;
  /** The fewest picks (items) an order has. Default 5. */
  readonly minItems?: number;
  /** The most picks (items) an order has. Default 25. */
  readonly maxItems?: number;
  /** The picker capacity in items. Default: one of 30, 45, 60, 75 drawn with the seed. */
  readonly capacity?: number;
  /** `'uniform'` (every location equally likely) or `'class_based'` (see `classes`). Default `'uniform'`. */
  readonly storage?: 'uniform' | 'class_based';
  /** The storage classes for `'class_based'`, nearest the depot first. Default {@link ABC_STORAGE_CLASSES}. */
  readonly classes?: readonly StorageClass[];
  /** The number of aisles. Default 10. */
  readonly aisles?: number;
  /** Storage locations per aisle, both sides together (so an even number: half per side). Default 90. */
  readonly locationsPerAisle?: number;
  /** The depot: in front of the first aisle (`'left'`) or in the middle of the front cross aisle (`'center'`). Default `'left'`. */
  readonly depot?: 'left' | 'center';
}

/**
 * An order of a generated instance: an id and its picks (one item each, at distinct locations).
 *
 * @example
 * ```ts
 * import type { PickingInstanceOrder } from 'ordercore/testing';
 *
 * const order: PickingInstanceOrder = { id: 'o001', picks: [{ id: 'o001-1', location: { aisle: 0, cell: 3, side: 'left' }, sku: 'SKU-0-L-3', quantity: 1 }] };
 * order.picks.length; //=> 1
 * ```
 */
export interface PickingInstanceOrder {
  /** `o001`, `o002`, ... (zero-padded to the width of the order count). */
  readonly id: string;
  /** The picks, `<order id>-1`, `<order id>-2`, ..., each one item of the SKU stored at its location. */
  readonly picks: readonly Pick[];
}

/**
 * A generated benchmark instance: a layout, the orders and the picker capacity.
 *
 * @example
 * ```ts
 * import { pickingInstance, type PickingInstance } from 'ordercore/testing';
 *
 * const instance: PickingInstance = pickingInstance({ seed: 1, orders: 3 });
 * instance.orders.length; //=> 3
 * ```
 */
export interface PickingInstance {
  /** The warehouse (see {@link pickingInstance} for its dimensions). */
  readonly layout: WarehouseLayout;
  /** The orders, in arrival order. */
  readonly orders: readonly PickingInstanceOrder[];
  /** The picker capacity, in items (the shape batching takes). */
  readonly capacity: {
    /** Items a picker's cart holds. */
    readonly items: number;
  };
}

/** mulberry32: a small, fast 32-bit PRNG with a full 2^32 period, good enough for instance generation. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [min, max]. */
const between = (next: () => number, min: number, max: number): number => min + Math.floor(next() * (max - min + 1));

const CAPACITIES = [30, 45, 60, 75] as const;

function invalid(field: string, value: unknown, reason: string): PickingError {
  return new PickingError('invalid_options', `options.${field}: ${show(value)} ${reason}.`, { field, value });
}

function checkInteger(field: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(field, value, `must be an integer from ${min} to ${max}`);
  }
}

function checkClasses(classes: readonly StorageClass[]): void {
  if (!Array.isArray(classes) || classes.length === 0 || classes.length > 100) {
    throw invalid('classes', classes, 'must be an array of 1 to 100 storage classes');
  }
  let locations = 0;
  let picks = 0;
  classes.forEach((c: unknown, i) => {
    const l = typeof c === 'object' && c !== null ? (c as { locations?: unknown }).locations : undefined;
    const p = typeof c === 'object' && c !== null ? (c as { picks?: unknown }).picks : undefined;
    if (typeof l !== 'number' || !(l > 0 && l <= 1)) throw invalid(`classes.${i}.locations`, l, 'must be in (0, 1]');
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw invalid(`classes.${i}.picks`, p, 'must be in [0, 1]');
    locations += l;
    picks += p;
  });
  if (Math.abs(locations - 1) > 1e-9)
    throw invalid('classes', locations, 'is the sum of the location shares: must be 1');
  if (Math.abs(picks - 1) > 1e-9) throw invalid('classes', picks, 'is the sum of the pick shares: must be 1');
}

/**
 * The storage locations of a layout, nearest the depot first: by walking distance from the depot
 * (along the front cross aisle to the aisle, then up the aisle to the cell), ties by aisle, then
 * cell, then left before right. The order class-based storage fills its classes in.
 */
function locationsByDistance(layout: WarehouseLayout): StorageLocation[] {
  const all: { location: StorageLocation; distance: number }[] = [];
  for (let aisle = 0; aisle < layout.aisles; aisle++) {
    const across = Math.abs(aisle - layout.depot.aisle) * layout.aisleSpacing;
    for (let cell = 0; cell < layout.cellsPerSide; cell++) {
      const distance = across + layout.frontMargin + (cell + 0.5) * layout.cellLength;
      all.push({ location: { aisle, cell, side: 'left' }, distance });
      all.push({ location: { aisle, cell, side: 'right' }, distance });
    }
  }
  // all is built aisle, cell, left/right in order; a stable sort on distance keeps that tie-break.
  return all.sort((a, b) => a.distance - b.distance).map((entry) => entry.location);
}

/**
 * Generates a benchmark-style order-picking instance, deterministically from a seed (its own
 * mulberry32 PRNG; never `Math.random`): the same options give the same instance on every platform.
 *
 * The warehouse is the single-block layout of the order-batching literature (e.g. Henn & Wäscher
 * 2012): `aisles` (10) parallel aisles of `locationsPerAisle` (90) locations, **half on each side**
 * (45 cells per side, each cell a left and a right location at the same depth), cells 1 m long,
 * aisle centre lines 5 m apart, 1 m from each cross aisle to the first / last cell, the depot on the
 * front cross aisle in front of aisle 0 (`'left'`) or between the two middle aisles (`'center'`).
 *
 * Each order has `minItems`–`maxItems` picks (uniform), one item each, at distinct locations; a
 * location stores one SKU, named after it (`SKU-<aisle>-<L|R>-<cell>`, 0-based). Under `'uniform'`
 * storage every location is equally likely. Under `'class_based'` storage the locations are ranked
 * by walking distance from the depot and cut into `classes` (default {@link ABC_STORAGE_CLASSES}:
 * the nearest 20 % take 80 % of the picks): a pick draws its class by the pick shares, then a
 * location uniformly within the class.
 *
 * @param options - {@link PickingInstanceOptions}; all optional.
 * @returns The instance `{ layout, orders, capacity }`.
 * @throws PickingError `invalid_options` when an option is out of range (naming the option).
 * @example
 * ```ts
 * import { pickingInstance } from 'ordercore/testing';
 *
 * const a = pickingInstance({ seed: 42, orders: 20, capacity: 45 });
 * a.layout.cellsPerSide; //=> 45
 * a.orders.length; //=> 20
 * a.capacity; //=> { items: 45 }
 * a.orders.every((o) => o.picks.length >= 5 && o.picks.length <= 25); //=> true
 * JSON.stringify(pickingInstance({ seed: 42, orders: 20, capacity: 45 })) === JSON.stringify(a); //=> true
 * ```
 */
export function pickingInstance(options: PickingInstanceOptions = {}): PickingInstance {
  const seed = options.seed ?? 1;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) throw invalid('seed', seed, 'must be a finite number');
  const aisles = options.aisles ?? 10;
  checkInteger('aisles', aisles, 1, 1000);
  const locationsPerAisle = options.locationsPerAisle ?? 90;
  checkInteger('locationsPerAisle', locationsPerAisle, 2, 10_000);
  if (locationsPerAisle % 2 !== 0)
    throw invalid('locationsPerAisle', locationsPerAisle, 'must be even (half per side)');
  const minItems = options.minItems ?? 5;
  const maxItems = options.maxItems ?? 25;
  checkInteger('minItems', minItems, 1, aisles * locationsPerAisle);
  checkInteger('maxItems', maxItems, minItems, aisles * locationsPerAisle);
  if (options.orders !== undefined) checkInteger('orders', options.orders, 0, 100_000);
  if (options.capacity !== undefined) checkInteger('capacity', options.capacity, 1, Number.MAX_SAFE_INTEGER);
  const storage = options.storage ?? 'uniform';
  if (storage !== 'uniform' && storage !== 'class_based') {
    throw invalid('storage', storage, "must be 'uniform' or 'class_based'");
  }
  const classes = options.classes ?? ABC_STORAGE_CLASSES;
  if (storage === 'class_based') checkClasses(classes);
  const depot = options.depot ?? 'left';
  if (depot !== 'left' && depot !== 'center') throw invalid('depot', depot, "must be 'left' or 'center'");

  const layout: WarehouseLayout = {
    aisles,
    cellsPerSide: locationsPerAisle / 2,
    cellLength: 1,
    aisleSpacing: 5,
    frontMargin: 1,
    backMargin: 1,
    depot: { aisle: depot === 'left' ? 0 : (aisles - 1) / 2 },
  };
  const next = mulberry32(Math.trunc(seed));
  const orderCount = options.orders ?? between(next, 20, 100);
  const capacity = options.capacity ?? (CAPACITIES[between(next, 0, CAPACITIES.length - 1)] as number);

  const ranked = locationsByDistance(layout);
  // Each class covers ranked[from, to): cumulative rounding puts every location in exactly one class.
  // A class too small to get a location on a small layout is dropped and the others share its picks.
  const bands: { from: number; to: number; upTo: number }[] = [];
  let totalShare = 0;
  if (storage === 'class_based') {
    let shareOfLocations = 0;
    let from = 0;
    classes.forEach((c, k) => {
      shareOfLocations += c.locations;
      const to =
        k === classes.length - 1
          ? ranked.length
          : Math.min(ranked.length, Math.round(shareOfLocations * ranked.length));
      if (to > from && c.picks > 0) {
        totalShare += c.picks;
        bands.push({ from, to, upTo: totalShare });
      }
      from = Math.max(from, to);
    });
  }
  const drawLocation = (): number => {
    if (bands.length === 0) return between(next, 0, ranked.length - 1);
    const u = next() * totalShare;
    const band = bands.find((b) => u < b.upTo) ?? (bands[bands.length - 1] as { from: number; to: number });
    return between(next, band.from, band.to - 1);
  };

  const width = Math.max(3, String(orderCount).length);
  const orders: PickingInstanceOrder[] = [];
  for (let o = 1; o <= orderCount; o++) {
    const id = `o${String(o).padStart(width, '0')}`;
    const size = between(next, minItems, maxItems);
    const taken = new Set<number>();
    const picks: Pick[] = [];
    // A class can hold fewer locations than an order needs: fall back to any free location then.
    let attempts = 0;
    while (picks.length < size) {
      let index = attempts < 50 * size ? drawLocation() : between(next, 0, ranked.length - 1);
      attempts++;
      if (taken.has(index)) {
        if (attempts < 100 * size) continue;
        index = 0;
        while (taken.has(index)) index++;
      }
      taken.add(index);
      const location = ranked[index] as StorageLocation;
      picks.push({
        id: `${id}-${picks.length + 1}`,
        location,
        sku: `SKU-${location.aisle}-${location.side === 'right' ? 'R' : 'L'}-${location.cell}`,
        quantity: 1,
      });
    }
    orders.push({ id, picks });
  }
  return { layout, orders, capacity: { items: capacity } };
}

/**
 * Options for {@link pickingInstanceArbitrary}: the generator's options, with ranges for the order
 * count and the capacity instead of fixed values.
 *
 * @example
 * ```ts
 * import type { PickingInstanceArbitraryOptions } from 'ordercore/testing';
 *
 * const options: PickingInstanceArbitraryOptions = { minOrders: 2, maxOrders: 6, aisles: 4, locationsPerAisle: 10 };
 * options.maxOrders; //=> 6
 * ```
 */
export interface PickingInstanceArbitraryOptions
  extends Omit<PickingInstanceOptions, 'seed' | 'orders' | 'capacity' | 'storage'> {
  /** The fewest orders. Default 20. */
  readonly minOrders?: number;
  /** The most orders. Default 100. */
  readonly maxOrders?: number;
  /** The smallest capacity. Default 30. */
  readonly minCapacity?: number;
  /** The largest capacity. Default 75. */
  readonly maxCapacity?: number;
  /** The storage policy; default: either. */
  readonly storage?: 'uniform' | 'class_based';
}

/**
 * A fast-check arbitrary of benchmark-style instances: it draws a seed, an order count, a capacity
 * and (unless fixed) a storage policy, and builds the instance with {@link pickingInstance}, so a
 * failing case is reproduced from its drawn values and shrinks toward fewer orders and seed 0.
 *
 * @param options - {@link PickingInstanceArbitraryOptions}; defaults give the full 20–100-order,
 *   capacity 30–75 range (use smaller ranges and layouts for quick property tests).
 * @returns The arbitrary.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { pickingInstanceArbitrary } from 'ordercore/testing';
 *
 * const [instance] = fc.sample(pickingInstanceArbitrary({ minOrders: 2, maxOrders: 4, maxItems: 6 }), { numRuns: 1, seed: 3 });
 * (instance?.orders.length ?? 0) >= 2; //=> true
 * ```
 */
export function pickingInstanceArbitrary(options: PickingInstanceArbitraryOptions = {}): fc.Arbitrary<PickingInstance> {
  const { minOrders = 20, maxOrders = 100, minCapacity = 30, maxCapacity = 75, storage, ...rest } = options;
  return fc
    .record({
      seed: fc.integer({ min: 0, max: 0x7fffffff }),
      orders: fc.integer({ min: minOrders, max: maxOrders }),
      capacity: fc.integer({ min: minCapacity, max: maxCapacity }),
      storage:
        storage === undefined ? fc.constantFrom('uniform' as const, 'class_based' as const) : fc.constant(storage),
    })
    .map((drawn) => pickingInstance({ ...rest, ...drawn }));
}
