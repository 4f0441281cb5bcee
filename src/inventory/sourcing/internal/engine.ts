import { put } from '../../internal/fold.js';
import type {
  SourcedLine,
  SourcingDecision,
  SourcingLocation,
  SourcingMeasure,
  SourcingOrder,
  SourcingOrderLine,
  SourcingPlan,
  SourcingReason,
  SourcingRule,
  SourcingScore,
  SourcingShipment,
  SourcingShortfall,
} from '../types.js';
import { type CheckedLocation, type CheckedStrategy, invalid, unitsOf } from './validate.js';

// The sourcing engine. One `Sourcer` holds the working state of a call — availability indexed by
// SKU (one Float64Array per SKU, a slot per location, built on first use) and the capacity left per
// location — and sources orders one after the other, each consuming what its plan takes.
//
// Per order: the candidate locations (usable, with some of the order's SKUs) are scored and ranked
// once; then either filled in rank order, or (fewest shipments) covered by as few locations as
// possible. Candidate moves are tried on scratch arrays; only the chosen takes are committed.

/** Fewest shipments: exact search over subsets of the best-ranked candidates, up to this many ... */
const EXACT_CANDIDATES = 12;
/** ... and subsets of at most this size; beyond either bound, a greedy cover. */
const EXACT_MAX_SET = 4;
/** Orders with more lines than this skip the exact search (its cost grows with lines × subsets). */
const EXACT_MAX_LINES = 64;

/** Takes recorded as parallel arrays: location index, line index, units. */
interface Takes {
  loc: number[];
  line: number[];
  qty: number[];
}

function newTakes(): Takes {
  return { loc: [], line: [], qty: [] };
}

/** The per-order view the allocation steps share. */
interface OrderWork {
  readonly m: number;
  /** The SKU slot of each line. */
  readonly skuOf: Int32Array;
  /** Availability column of each distinct SKU (shared with the Sourcer: committed takes write it). */
  readonly cols: Float64Array[];
  /** Units still needed per line. */
  readonly need: Float64Array;
  /** Scratch: units used per SKU slot at the location being tried. */
  readonly used: Float64Array;
  /** The takes committed for this order so far. */
  readonly committed: Takes;
  /** Scratch: a copy of `need` for trial fills (no allocation per trial). */
  readonly trial: Float64Array;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function allZero(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i += 1) if ((values[i] as number) !== 0) return false;
  return true;
}

export class Sourcer {
  private readonly n: number;
  private readonly columns = new Map<string, Float64Array>();
  private readonly unitsLeft: Float64Array;
  private readonly ordersLeft: Float64Array;
  private readonly linesLeft: Float64Array;
  /** Scratch: the current order's score per location (only its candidates' slots are meaningful). */
  private readonly score: Float64Array;
  /** The tie-break order, once per call: priority (lower first, absent last), then id (code units). */
  private readonly tieRank: Int32Array;
  /** 1 for suppliers. */
  private readonly isSupplier: Uint8Array;

  constructor(
    private readonly locations: readonly CheckedLocation[],
    private readonly strategy: CheckedStrategy,
  ) {
    this.n = locations.length;
    this.unitsLeft = Float64Array.from(locations, (l) => l.units);
    this.ordersLeft = Float64Array.from(locations, (l) => l.orders);
    this.linesLeft = Float64Array.from(locations, (l) => l.lines);
    this.score = new Float64Array(locations.length);
    this.isSupplier = Uint8Array.from(locations, (l) => (l.kind === 'supplier' ? 1 : 0));
    const order = locations.map((_, l) => l);
    order.sort((a, b) => {
      const la = locations[a] as CheckedLocation;
      const lb = locations[b] as CheckedLocation;
      const pa = la.priority ?? Number.POSITIVE_INFINITY;
      const pb = lb.priority ?? Number.POSITIVE_INFINITY;
      if (pa !== pb) return pa < pb ? -1 : 1;
      return compareIds(la.id, lb.id);
    });
    this.tieRank = new Int32Array(locations.length);
    order.forEach((l, rank) => {
      this.tieRank[l] = rank;
    });
  }

  /** Availability of one SKU at every location (built on first use, then consumed in place). */
  private column(sku: string): Float64Array {
    let column = this.columns.get(sku);
    if (column === undefined) {
      column = new Float64Array(this.n);
      for (let l = 0; l < this.n; l += 1) column[l] = unitsOf(this.locations[l] as CheckedLocation, sku);
      this.columns.set(sku, column);
    }
    return column;
  }

  /** Whether location `l` may ship orders at all under the strategy (capacity aside). */
  private ships(l: number): boolean {
    const location = this.locations[l] as CheckedLocation;
    if (location.kind === 'store') return this.strategy.shipFromStore && location.shipFromStore;
    if (location.kind === 'supplier') return this.strategy.dropShip !== 'never';
    return true;
  }

  private hasCapacity(l: number): boolean {
    return (this.ordersLeft[l] as number) > 0 && (this.unitsLeft[l] as number) > 0 && (this.linesLeft[l] as number) > 0;
  }

  /**
   * What location `l` can take of the remaining need, line by line in line order, within its
   * capacity. Records the takes in `out` when given; lowers `need` when `write`.
   */
  private takeAt(l: number, work: OrderWork, need: Float64Array, out: Takes | null, write: boolean): number {
    let units = this.unitsLeft[l] as number;
    let lines = this.linesLeft[l] as number;
    const { skuOf, cols, used } = work;
    used.fill(0);
    let total = 0;
    for (let i = 0; i < work.m && units > 0 && lines > 0; i += 1) {
      const want = need[i] as number;
      if (want === 0) continue;
      const s = skuOf[i] as number;
      const have = ((cols[s] as Float64Array)[l] as number) - (used[s] as number);
      const q = Math.min(want, have, units);
      if (q <= 0) continue;
      used[s] = (used[s] as number) + q;
      units -= q;
      lines -= 1;
      total += q;
      if (write) need[i] = want - q;
      if (out !== null) {
        out.loc.push(l);
        out.line.push(i);
        out.qty.push(q);
      }
    }
    return total;
  }

  /** Fills from `sequence` in order; returns the takes (need is lowered). */
  private fillInOrder(sequence: readonly number[], work: OrderWork, need: Float64Array, out: Takes): void {
    for (const l of sequence) {
      if (allZero(need)) return;
      this.takeAt(l, work, need, out, true);
    }
  }

  /** Applies takes to the working state: availability, units, lines and one order per location. */
  private commit(takes: Takes, work: OrderWork): void {
    let previous = -1;
    for (let t = 0; t < takes.loc.length; t += 1) {
      const l = takes.loc[t] as number;
      const q = takes.qty[t] as number;
      const column = work.cols[work.skuOf[takes.line[t] as number] as number] as Float64Array;
      column[l] = (column[l] as number) - q;
      work.committed.loc.push(l);
      work.committed.line.push(takes.line[t] as number);
      work.committed.qty.push(q);
      work.need[takes.line[t] as number] = (work.need[takes.line[t] as number] as number) - q;
      this.unitsLeft[l] = (this.unitsLeft[l] as number) - q;
      this.linesLeft[l] = (this.linesLeft[l] as number) - 1;
      if (l !== previous) this.ordersLeft[l] = (this.ordersLeft[l] as number) - 1;
      previous = l;
    }
  }

  /**
   * Fewest shipments over one tier of ranked candidates: one location if one covers the need, else
   * the smallest covering subset of the best-ranked candidates, else a greedy cover — never worse
   * than filling in rank order (more units first, then fewer shipments).
   */
  private fewest(
    sequence: readonly number[],
    work: OrderWork,
  ): { takes: Takes; decisions: Map<number, SourcingDecision> } {
    const decisions = new Map<number, SourcingDecision>();
    const baseline = newTakes();
    const baseNeed = work.need.slice();
    this.fillInOrder(sequence, work, baseNeed, baseline);
    const baseShipments = new Set(baseline.loc).size;
    const covers = allZero(baseNeed);
    if (covers && baseShipments > 1) {
      // One location that covers everything, in rank order.
      const need = work.trial;
      for (const l of sequence) {
        need.set(work.need);
        this.takeAt(l, work, need, null, true);
        if (allZero(need)) {
          const takes = newTakes();
          this.takeAt(l, work, work.need.slice(), takes, true);
          decisions.set(l, 'single_location');
          return { takes, decisions };
        }
      }
      // The smallest covering subset of the best-ranked candidates, first in rank order.
      if (work.m <= EXACT_MAX_LINES) {
        const top = sequence.slice(0, EXACT_CANDIDATES);
        for (let k = 2; k <= Math.min(EXACT_MAX_SET, baseShipments - 1, top.length); k += 1) {
          const found = this.exactCover(top, k, work);
          if (found !== null) {
            for (const l of found) decisions.set(l, 'exact_cover');
            const takes = newTakes();
            this.fillInOrder(found, work, work.need.slice(), takes);
            return { takes, decisions };
          }
        }
      }
    }
    if (baseShipments <= 1) {
      for (const l of baseline.loc) decisions.set(l, covers ? 'single_location' : 'rank');
      return { takes: baseline, decisions };
    }
    // Greedy cover: the location that can take the most of what is missing, ties by rank.
    const greedy = newTakes();
    const need = work.need.slice();
    const chosen: number[] = [];
    const taken = new Set<number>();
    for (;;) {
      let best = -1;
      let bestUnits = 0;
      for (const l of sequence) {
        if (taken.has(l)) continue;
        const units = this.takeAt(l, work, need, null, false);
        if (units > bestUnits) {
          bestUnits = units;
          best = l;
        }
      }
      if (best < 0) break;
      taken.add(best);
      chosen.push(best);
      this.takeAt(best, work, need, greedy, true);
      if (allZero(need)) break;
    }
    const greedyUnits = greedy.qty.reduce((a, b) => a + b, 0);
    const baseUnits = baseline.qty.reduce((a, b) => a + b, 0);
    if (greedyUnits > baseUnits || (greedyUnits === baseUnits && chosen.length < baseShipments)) {
      for (const l of chosen) decisions.set(l, 'greedy_cover');
      return { takes: greedy, decisions };
    }
    for (const l of baseline.loc) decisions.set(l, 'rank');
    return { takes: baseline, decisions };
  }

  /** The first k-subset of `top` (lexicographic in rank order) whose fill covers the need, or null. */
  private exactCover(top: readonly number[], k: number, work: OrderWork): number[] | null {
    const pick = Array.from({ length: k }, (_, i) => i);
    const subset: number[] = new Array<number>(k).fill(0);
    for (;;) {
      for (let i = 0; i < k; i += 1) subset[i] = top[pick[i] as number] as number;
      const need = work.trial;
      need.set(work.need);
      for (const l of subset) {
        if (this.takeAt(l, work, need, null, true) === 0) break;
      }
      if (allZero(need)) return subset;
      // Next combination.
      let i = k - 1;
      while (i >= 0 && pick[i] === top.length - k + i) i -= 1;
      if (i < 0) return null;
      pick[i] = (pick[i] as number) + 1;
      for (let j = i + 1; j < k; j += 1) pick[j] = (pick[j - 1] as number) + 1;
    }
  }

  /** The value a rule gives location `l` for `order` (NaN: none). */
  private ruleValue(rule: SourcingRule, l: number, order: SourcingOrder, work: OrderWork, field: string): number {
    const location = this.locations[l] as CheckedLocation;
    switch (rule) {
      case 'priority':
        return location.priority ?? Number.NaN;
      case 'highest_stock': {
        let units = 0;
        for (const column of work.cols) units += column[l] as number;
        return units;
      }
      case 'fastest':
        return location.leadTimeDays;
      case 'nearest':
      case 'cheapest': {
        const measure = rule === 'nearest' ? this.strategy.distance : this.strategy.cost;
        const name = rule === 'nearest' ? 'distance' : 'cost';
        const value = (measure as SourcingMeasure)(location.source, order.destination, order);
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
          throw invalid(
            `strategy.${name}`,
            `returned ${typeof value === 'number' ? String(value) : typeof value} for location ${JSON.stringify(location.id)} and ${field}; expected a finite number ≥ 0.`,
            { location: location.id, orderId: order.id },
          );
        return value;
      }
    }
  }

  /** Sources one (checked) order against the working state and consumes what its plan takes. */
  source(order: SourcingOrder, field: string): SourcingPlan {
    const m = order.lines.length;
    const skuOf = new Int32Array(m);
    const cols: Float64Array[] = [];
    const slots = new Map<string, number>();
    let requestedUnits = 0;
    const need = new Float64Array(m);
    for (let i = 0; i < m; i += 1) {
      const line = order.lines[i] as SourcingOrderLine;
      let slot = slots.get(line.sku);
      if (slot === undefined) {
        slot = cols.length;
        slots.set(line.sku, slot);
        cols.push(this.column(line.sku));
      }
      skuOf[i] = slot;
      need[i] = line.quantity;
      requestedUnits += line.quantity;
    }
    const work: OrderWork = {
      m,
      skuOf,
      cols,
      need,
      used: new Float64Array(cols.length),
      trial: new Float64Array(m),
      committed: newTakes(),
    };
    if (order.fulfillment === 'pickup') return this.pickup(order, work, requestedUnits);

    // Candidates: usable locations with capacity and some of the order's SKUs.
    const candidates: number[] = [];
    for (let l = 0; l < this.n; l += 1) {
      if (!this.ships(l) || !this.hasCapacity(l)) continue;
      for (const column of cols) {
        if ((column[l] as number) > 0) {
          candidates.push(l);
          break;
        }
      }
    }
    const c = candidates.length;
    const { rules, weights } = this.strategy;
    const r = rules.length;
    const values = new Float64Array(r * c);
    const normalised = new Float64Array(r * c);
    const score = this.score;
    for (const l of candidates) score[l] = 0;
    let weightTotal = 0;
    for (const w of weights) weightTotal += w;
    for (let k = 0; k < r; k += 1) {
      const rule = rules[k] as SourcingRule;
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < c; j += 1) {
        const value = this.ruleValue(rule, candidates[j] as number, order, work, field);
        values[k * c + j] = value;
        if (value < min) min = value;
        if (value > max) max = value;
      }
      const higherIsBetter = rule === 'highest_stock';
      for (let j = 0; j < c; j += 1) {
        const value = values[k * c + j] as number;
        const n = Number.isNaN(value)
          ? 0
          : max === min
            ? 1
            : higherIsBetter
              ? (value - min) / (max - min)
              : (max - value) / (max - min);
        normalised[k * c + j] = n;
        score[candidates[j] as number] = (score[candidates[j] as number] as number) + (weights[k] as number) * n;
      }
    }
    for (const l of candidates) score[l] = (score[l] as number) / weightTotal;
    const supplierLast = this.strategy.dropShip === 'after_own_stock';
    const { tieRank, isSupplier } = this;
    const ranked = candidates.slice().sort((a, b) => {
      if (supplierLast && isSupplier[a] !== isSupplier[b]) return (isSupplier[a] as number) - (isSupplier[b] as number);
      const sa = score[a] as number;
      const sb = score[b] as number;
      if (sa !== sb) return sb - sa;
      return (tieRank[a] as number) - (tieRank[b] as number);
    });

    // Allocate: a tier of own stock, then suppliers when they only back it up.
    const tiers: number[][] = supplierLast
      ? [
          ranked.filter((l) => (this.locations[l] as CheckedLocation).kind !== 'supplier'),
          ranked.filter((l) => (this.locations[l] as CheckedLocation).kind === 'supplier'),
        ]
      : [ranked];
    const decision = new Map<number, SourcingDecision>();
    const fallback = new Set<number>();
    for (let t = 0; t < tiers.length; t += 1) {
      const tier = tiers[t] as number[];
      if (tier.length === 0 || allZero(work.need)) continue;
      if (this.strategy.fewestShipments) {
        const { takes, decisions } = this.fewest(tier, work);
        this.commit(takes, work);
        for (const [l, d] of decisions) decision.set(l, d);
      } else {
        const takes = newTakes();
        this.fillInOrder(tier, work, work.need.slice(), takes);
        this.commit(takes, work);
        for (const l of takes.loc) decision.set(l, 'rank');
      }
      if (t === 1) for (const l of tier) fallback.add(l);
    }
    return this.plan(order, work, requestedUnits, ranked, (l) => {
      const j = candidates.indexOf(l);
      const scores: SourcingScore[] = [];
      for (let k = 0; k < r; k += 1) {
        const value = values[k * c + j] as number;
        scores.push({
          rule: rules[k] as SourcingRule,
          weight: weights[k] as number,
          value: Number.isNaN(value) ? null : value,
          normalised: normalised[k * c + j] as number,
        });
      }
      return {
        decision: decision.get(l) ?? 'rank',
        rank: ranked.indexOf(l) + 1,
        score: score[l] as number,
        scores,
        dropShipFallback: fallback.has(l),
      };
    });
  }

  /** Pickup: all of the order at its pickup location, or nothing and a shortfall per line. */
  private pickup(order: SourcingOrder, work: OrderWork, requestedUnits: number): SourcingPlan {
    const l = this.locations.findIndex((location) => location.id === order.pickupLocation);
    const location = this.locations[l] as CheckedLocation;
    const shortfall: SourcingShortfall[] = [];
    const fail = (reasonOf: (i: number) => SourcingShortfall['reason']): SourcingPlan => {
      for (let i = 0; i < work.m; i += 1) {
        const line = order.lines[i] as SourcingOrderLine;
        shortfall.push({
          lineId: line.lineId,
          sku: line.sku,
          requested: line.quantity,
          allocated: 0,
          missing: line.quantity,
          reason: reasonOf(i),
        });
      }
      return {
        orderId: order.id,
        fulfillment: 'pickup',
        complete: false,
        shipments: [],
        shortfall,
        splits: 0,
        requestedUnits,
        allocatedUnits: 0,
      };
    };
    if (!location.pickup) return fail(() => 'pickup_not_offered');
    // Stock per line, SKUs shared between lines counted once.
    const used = work.used;
    used.fill(0);
    const stocked: boolean[] = [];
    let allStocked = true;
    for (let i = 0; i < work.m; i += 1) {
      const s = work.skuOf[i] as number;
      const fits = ((work.cols[s] as Float64Array)[l] as number) - (used[s] as number) >= (work.need[i] as number);
      if (fits) used[s] = (used[s] as number) + (work.need[i] as number);
      stocked.push(fits);
      allStocked &&= fits;
    }
    const capacityOk =
      (this.ordersLeft[l] as number) >= 1 &&
      (this.linesLeft[l] as number) >= work.m &&
      (this.unitsLeft[l] as number) >= requestedUnits;
    if (!allStocked || !capacityOk)
      return fail((i) => (!stocked[i] ? 'insufficient_stock' : !capacityOk ? 'capacity' : 'pickup_incomplete'));
    const takes = newTakes();
    for (let i = 0; i < work.m; i += 1) {
      takes.loc.push(l);
      takes.line.push(i);
      takes.qty.push(work.need[i] as number);
    }
    this.commit(takes, work);
    return this.plan(order, work, requestedUnits, [l], () => ({
      decision: 'pickup',
      rank: 1,
      score: 1,
      scores: [],
      dropShipFallback: false,
    }));
  }

  /** The plan from the order's committed takes: shipments in rank order, shortfall per line. */
  private plan(
    order: SourcingOrder,
    work: OrderWork,
    requestedUnits: number,
    ranked: readonly number[],
    reasonOf: (l: number) => SourcingReason,
  ): SourcingPlan {
    const { committed } = work;
    const byLocation = new Map<number, SourcedLine[]>();
    const allocated = new Float64Array(work.m);
    for (let t = 0; t < committed.loc.length; t += 1) {
      const l = committed.loc[t] as number;
      const i = committed.line[t] as number;
      const q = committed.qty[t] as number;
      allocated[i] = (allocated[i] as number) + q;
      const line = order.lines[i] as SourcingOrderLine;
      let lines = byLocation.get(l);
      if (lines === undefined) {
        lines = [];
        byLocation.set(l, lines);
      }
      lines.push({ lineId: line.lineId, sku: line.sku, quantity: q });
    }
    const shipments: SourcingShipment[] = [];
    let allocatedUnits = 0;
    for (const l of ranked) {
      const lines = byLocation.get(l);
      if (lines === undefined) continue;
      let units = 0;
      for (const line of lines) units += line.quantity;
      allocatedUnits += units;
      const location = this.locations[l] as CheckedLocation;
      shipments.push({
        location: location.id,
        kind: location.kind,
        lines,
        units,
        leadTimeDays: location.leadTimeDays,
        reason: reasonOf(l),
      });
    }
    const shortfall: SourcingShortfall[] = [];
    for (let i = 0; i < work.m; i += 1) {
      const line = order.lines[i] as SourcingOrderLine;
      const got = allocated[i] as number;
      if (got === line.quantity) continue;
      shortfall.push({
        lineId: line.lineId,
        sku: line.sku,
        requested: line.quantity,
        allocated: got,
        missing: line.quantity - got,
        reason: this.stillStocked(work.cols[work.skuOf[i] as number] as Float64Array)
          ? 'capacity'
          : 'insufficient_stock',
      });
    }
    return {
      orderId: order.id,
      fulfillment: order.fulfillment ?? 'ship',
      complete: shortfall.length === 0,
      shipments,
      shortfall,
      splits: shipments.length > 0 ? shipments.length - 1 : 0,
      requestedUnits,
      allocatedUnits,
    };
  }

  /** Whether a usable location still has units of this SKU (then only capacity stood in the way). */
  private stillStocked(column: Float64Array): boolean {
    for (let l = 0; l < this.n; l += 1) if ((column[l] as number) > 0 && this.ships(l)) return true;
    return false;
  }

  /** The locations as the batch leaves them: availability and capacity reduced by what was taken. */
  remaining(): SourcingLocation[] {
    return this.locations.map((location, l) => {
      const source = location.source;
      let available: Record<string, number> | undefined;
      for (const [sku, column] of this.columns) {
        const before = unitsOf(location, sku);
        if ((column[l] as number) === before) continue;
        if (available === undefined) {
          available = {};
          for (const key of Object.keys(source.available)) put(available, key, source.available[key] as number);
        }
        put(available, sku, column[l] as number);
      }
      const capacity = source.capacity;
      const used =
        capacity !== undefined &&
        ((this.unitsLeft[l] as number) !== location.units ||
          (this.ordersLeft[l] as number) !== location.orders ||
          (this.linesLeft[l] as number) !== location.lines);
      if (available === undefined && !used) return source;
      const copy: SourcingLocation = {
        ...source,
        ...(available === undefined ? {} : { available }),
        ...(capacity === undefined || !used
          ? {}
          : {
              capacity: {
                ...capacity,
                ...(capacity.units === undefined ? {} : { units: this.unitsLeft[l] as number }),
                ...(capacity.orders === undefined ? {} : { orders: this.ordersLeft[l] as number }),
                ...(capacity.lines === undefined ? {} : { lines: this.linesLeft[l] as number }),
              },
            }),
      };
      return copy;
    });
  }
}
