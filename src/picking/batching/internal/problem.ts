import type { Pick, RoutingPolicy, WarehouseLayout } from '../../types.js';

// The batching problem in index space. Orders are renumbered by id (code-unit order), so every
// method except FCFS sees the same problem whatever order the caller listed the orders in, and
// "the smaller index" is a tie-break that does not depend on input order.
//
// A batch is a strictly increasing array of order indices. Its length is the route length of the
// distinct storage locations of its orders: a route depends only on which (aisle, cell) it visits
// (sides are picked from the aisle centre line, several picks at one cell are one stop), so the
// locations are deduplicated once per order and the route is computed over one synthetic pick per
// location. Lengths are cached by the batch's canonical key (its indices joined).

export type RouteLengthFn = (layout: WarehouseLayout, picks: readonly Pick[], policy: RoutingPolicy) => number;

export interface ProblemInput {
  readonly layout: WarehouseLayout;
  readonly policy: RoutingPolicy;
  readonly routeLength: RouteLengthFn;
  /** Per order (in index order): the picks, and the loads. */
  readonly orders: readonly {
    readonly picks: readonly Pick[];
    readonly items: number;
    readonly weight: number;
    readonly volume: number;
  }[];
  readonly capacity: { readonly items: number; readonly weight?: number; readonly volume?: number };
  /** The arrival rank of each index (its position in the caller's list). */
  readonly arrival: readonly number[];
}

const CACHE_LIMIT = 200_000;

export class Problem {
  readonly n: number;
  readonly layout: WarehouseLayout;
  readonly arrival: readonly number[];
  readonly pickCount: Int32Array;
  /** Distinct aisles of each order, ascending. */
  readonly aisles: readonly Int32Array[];
  /** Per order, parallel to `aisles`: the depth (front cross aisle to the far end of the deepest picked cell) in each aisle. */
  readonly depths: readonly Float64Array[];
  /** Distinct dense location numbers of each order, ascending. */
  readonly locations: readonly Int32Array[];
  /** The walking distance from the depot to each order's farthest pick. */
  readonly farthest: Float64Array;
  private readonly items: Float64Array;
  private readonly weight: Float64Array | undefined;
  private readonly volume: Float64Array | undefined;
  private readonly capItems: number;
  private readonly capWeight: number;
  private readonly capVolume: number;
  private readonly policy: RoutingPolicy;
  private readonly routeLengthFn: RouteLengthFn;
  private readonly locationPicks: Pick[] = [];
  private readonly seen: Int32Array;
  private epoch = 0;
  private readonly cache = new Map<string, number>();
  /** Route computations done (cache misses): the work measure of a run. */
  evaluations = 0;

  constructor(input: ProblemInput) {
    const { layout, orders, capacity } = input;
    this.n = orders.length;
    this.layout = layout;
    this.policy = input.policy;
    this.routeLengthFn = input.routeLength;
    this.arrival = input.arrival;
    this.items = Float64Array.from(orders, (o) => o.items);
    this.weight = capacity.weight === undefined ? undefined : Float64Array.from(orders, (o) => o.weight);
    this.volume = capacity.volume === undefined ? undefined : Float64Array.from(orders, (o) => o.volume);
    this.capItems = capacity.items;
    this.capWeight = capacity.weight ?? Number.POSITIVE_INFINITY;
    this.capVolume = capacity.volume ?? Number.POSITIVE_INFINITY;
    this.pickCount = Int32Array.from(orders, (o) => o.picks.length);
    const dense = new Map<number, number>();
    const cells = layout.cellsPerSide;
    const depotX = layout.depot.aisle * layout.aisleSpacing;
    const offset = layout.depot.offset ?? 0;
    const aisles: Int32Array[] = [];
    const depths: Float64Array[] = [];
    const locations: Int32Array[] = [];
    this.farthest = new Float64Array(this.n);
    orders.forEach((order, i) => {
      const own = new Set<number>();
      const ownAisles = new Set<number>();
      const deepest = new Map<number, number>();
      let far = 0;
      for (const pick of order.picks) {
        const { aisle, cell } = pick.location;
        const code = aisle * cells + cell;
        let index = dense.get(code);
        if (index === undefined) {
          index = this.locationPicks.length;
          dense.set(code, index);
          this.locationPicks.push({ id: `${aisle}:${cell}`, location: { aisle, cell } });
        }
        own.add(index);
        ownAisles.add(aisle);
        const depth = layout.frontMargin + (cell + 1) * layout.cellLength;
        if (depth > (deepest.get(aisle) ?? 0)) deepest.set(aisle, depth);
        const distance =
          offset +
          Math.abs(aisle * layout.aisleSpacing - depotX) +
          layout.frontMargin +
          (cell + 0.5) * layout.cellLength;
        if (distance > far) far = distance;
      }
      locations.push(Int32Array.from(own).sort());
      const sortedAisles = Int32Array.from(ownAisles).sort();
      aisles.push(sortedAisles);
      depths.push(Float64Array.from(sortedAisles, (aisle) => deepest.get(aisle) as number));
      this.farthest[i] = far;
    });
    this.aisles = aisles;
    this.depths = depths;
    this.locations = locations;
    this.seen = new Int32Array(this.locationPicks.length);
  }

  /** Whether the orders `members` (ascending) fit in one batch; loads summed in index order. */
  fits(members: readonly number[]): boolean {
    const load = this.load(members);
    return load.items <= this.capItems && load.weight <= this.capWeight && load.volume <= this.capVolume;
  }

  /** Whether a batch of these loads is within the capacity. */
  fitsLoad(items: number, weight: number, volume: number): boolean {
    return items <= this.capItems && weight <= this.capWeight && volume <= this.capVolume;
  }

  /** The load of `members` (ascending), summed in index order (the same sums `fits` checks). */
  load(members: readonly number[]): { items: number; weight: number; volume: number } {
    let items = 0;
    let weight = 0;
    let volume = 0;
    for (const i of members) {
      items += this.items[i] as number;
      if (this.weight !== undefined) weight += this.weight[i] as number;
      if (this.volume !== undefined) volume += this.volume[i] as number;
    }
    return { items, weight, volume };
  }

  /** The route length of the batch `members` (ascending), cached by its key. */
  length(members: readonly number[]): number {
    if (members.length === 0) return 0;
    const key = members.length === 1 ? `${members[0]}` : members.join(',');
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const value = this.lengthUncached(members);
    // The cache only saves work: clearing it when it grows large keeps memory bounded and changes
    // no result.
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, value);
    return value;
  }

  /** The route length of the batch `members`, computed now (no cache). */
  lengthUncached(members: readonly number[]): number {
    if (members.length === 0) return 0;
    this.evaluations += 1;
    this.epoch += 1;
    const epoch = this.epoch;
    const picks: Pick[] = [];
    for (const i of members) {
      for (const location of this.locations[i] as Int32Array) {
        if (this.seen[location] === epoch) continue;
        this.seen[location] = epoch;
        picks.push(this.locationPicks[location] as Pick);
      }
    }
    return this.routeLengthFn(this.layout, picks, this.policy);
  }
}

/** `members` with `add` inserted (ascending). */
export function withMember(members: readonly number[], add: number): number[] {
  const out: number[] = [];
  let placed = false;
  for (const m of members) {
    if (!placed && add < m) {
      out.push(add);
      placed = true;
    }
    out.push(m);
  }
  if (!placed) out.push(add);
  return out;
}

/** `members` without `remove`. */
export function withoutMember(members: readonly number[], remove: number): number[] {
  return members.filter((m) => m !== remove);
}

/** `members` with `remove` replaced by `add` (ascending). */
export function replaceMember(members: readonly number[], remove: number, add: number): number[] {
  return withMember(withoutMember(members, remove), add);
}

/** The union of two ascending arrays (disjoint), ascending. */
export function union(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i] as number) < (b[j] as number))) out.push(a[i++] as number);
    else out.push(b[j++] as number);
  }
  return out;
}

/** The sum of the batches' lengths, in a canonical order (by smallest member), so it never depends on listing order. */
export function totalLength(problem: Problem, batches: readonly (readonly number[])[]): number {
  const sorted = [...batches].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
  let total = 0;
  for (const batch of sorted) total += problem.length(batch);
  return total;
}
