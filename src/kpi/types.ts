import type { Money } from '../money/index.js';

/**
 * A point in time: an ISO 8601 string with an explicit offset, e.g. `'2026-11-22T10:00:00Z'`.
 *
 * @example
 * ```ts
 * import type { Instant } from 'ordercore/kpi';
 *
 * const at: Instant = '2026-11-22T10:00:00Z';
 * at.endsWith('Z'); //=> true
 * ```
 */
export type Instant = string;

/**
 * One line of an order as the KPIs see it.
 *
 * @example
 * ```ts
 * import type { KpiOrderLine } from 'ordercore/kpi';
 *
 * const line: KpiOrderLine = { sku: 'SHIRT', ordered: 3, shipped: 2, backordered: 1 };
 * line.ordered - line.shipped; //=> 1
 * ```
 */
export interface KpiOrderLine {
  /** The SKU (informational). */
  readonly sku?: string;
  /** Units ordered (after customer-agreed changes: the re-baselined quantity), ≥ 0. */
  readonly ordered: number;
  /** Units shipped, ≥ 0; over-shipment counts as `ordered` in every fill rate. */
  readonly shipped: number;
  /** Units that could not be served from stock when ordered (backordered), ≥ 0; default 0. */
  readonly backordered?: number;
}

/**
 * An order, as plain facts: when it was placed, committed, shipped and delivered, its lines, and
 * whether its documents were right and its goods undamaged.
 *
 * @example
 * ```ts
 * import type { KpiOrderRecord } from 'ordercore/kpi';
 *
 * const order: KpiOrderRecord = {
 *   type: 'order', orderId: 'o-1', placedAt: '2026-11-02T09:00:00Z', committedAt: '2026-11-05T18:00:00Z',
 *   shippedAt: '2026-11-03T15:00:00Z', deliveredAt: '2026-11-05T11:00:00Z',
 *   lines: [{ ordered: 2, shipped: 2 }],
 * };
 * order.lines.length; //=> 1
 * ```
 */
export interface KpiOrderRecord {
  /** Discriminator. */
  readonly type: 'order';
  /** The order's id. */
  readonly orderId: string;
  /** When the order was placed. */
  readonly placedAt: Instant;
  /**
   * The committed delivery instant: the latest one the customer agreed to (a customer-agreed change
   * re-baselines the commitment; a unilateral delay by the seller does not). Absent: on time cannot
   * be judged, so the order is left out of OTIF and the perfect order rate.
   */
  readonly committedAt?: Instant;
  /** When it shipped (ready for carrier pick-up). */
  readonly shippedAt?: Instant;
  /** When it was delivered. */
  readonly deliveredAt?: Instant;
  /** Who cancelled it, if anyone: customer-cancelled orders are excluded from order-quality KPIs. */
  readonly cancelledBy?: 'customer' | 'seller';
  /** The lines. */
  readonly lines: readonly KpiOrderLine[];
  /** Invoice, packing list and labels were correct (default `true`). */
  readonly documentsCorrect?: boolean;
  /** It arrived damaged (default `false`). */
  readonly damaged?: boolean;
  /** It was picked and shipped without error: right items, right quantities (default `true`). */
  readonly accurate?: boolean;
  /** A grouping dimension of your own (channel, region ...) for `kpiReport`'s `groupBy: 'segment'`. */
  readonly segment?: string;
}

/**
 * A shipment, for return rates by shipment cohort.
 *
 * @example
 * ```ts
 * import type { KpiShipmentRecord } from 'ordercore/kpi';
 *
 * const s: KpiShipmentRecord = { type: 'shipment', shipmentId: 's-1', shippedAt: '2026-11-03T15:00:00Z', units: 4 };
 * s.units; //=> 4
 * ```
 */
export interface KpiShipmentRecord {
  /** Discriminator. */
  readonly type: 'shipment';
  /** The shipment's id. */
  readonly shipmentId: string;
  /** When it shipped: its cohort. */
  readonly shippedAt: Instant;
  /** Units shipped, ≥ 0. */
  readonly units: number;
  /** Grouping dimension. */
  readonly segment?: string;
}

/**
 * Units returned from a shipment; counted in the cohort of the shipment's `shippedAt`.
 *
 * @example
 * ```ts
 * import type { KpiReturnRecord } from 'ordercore/kpi';
 *
 * const r: KpiReturnRecord = { type: 'return', shipmentId: 's-1', shippedAt: '2026-11-03T15:00:00Z', returnedAt: '2026-11-20T10:00:00Z', units: 1 };
 * r.units; //=> 1
 * ```
 */
export interface KpiReturnRecord {
  /** Discriminator. */
  readonly type: 'return';
  /** The shipment the units came from. */
  readonly shipmentId: string;
  /** When that shipment shipped (its cohort). */
  readonly shippedAt: Instant;
  /** When the units came back. */
  readonly returnedAt: Instant;
  /** Units returned, ≥ 0. */
  readonly units: number;
  /** Grouping dimension. */
  readonly segment?: string;
}

/**
 * A fulfilment cost (labour, packaging, freight, overhead) incurred at an instant.
 *
 * @example
 * ```ts
 * import type { KpiCostRecord } from 'ordercore/kpi';
 *
 * const c: KpiCostRecord = { type: 'cost', at: '2026-11-30T00:00:00Z', amount: { amount: 1250000, currency: 'USD' } };
 * c.amount.amount; //=> 1250000
 * ```
 */
export interface KpiCostRecord {
  /** Discriminator. */
  readonly type: 'cost';
  /** When it was incurred. */
  readonly at: Instant;
  /** The amount (exact money). */
  readonly amount: Money;
  /** Grouping dimension. */
  readonly segment?: string;
}

/**
 * Cost of goods sold booked at an instant (inventory turnover's numerator).
 *
 * @example
 * ```ts
 * import type { KpiCogsRecord } from 'ordercore/kpi';
 *
 * const c: KpiCogsRecord = { type: 'cogs', at: '2026-11-30T00:00:00Z', amount: { amount: 900000, currency: 'USD' } };
 * c.type; //=> 'cogs'
 * ```
 */
export interface KpiCogsRecord {
  /** Discriminator. */
  readonly type: 'cogs';
  /** When it was booked. */
  readonly at: Instant;
  /** The amount. */
  readonly amount: Money;
  /** Grouping dimension. */
  readonly segment?: string;
}

/**
 * The value of inventory at an instant (the average of the snapshots is turnover's denominator).
 *
 * @example
 * ```ts
 * import type { KpiInventorySnapshotRecord } from 'ordercore/kpi';
 *
 * const s: KpiInventorySnapshotRecord = { type: 'inventory_snapshot', at: '2026-11-01T00:00:00Z', value: { amount: 300000, currency: 'USD' } };
 * s.value.currency; //=> 'USD'
 * ```
 */
export interface KpiInventorySnapshotRecord {
  /** Discriminator. */
  readonly type: 'inventory_snapshot';
  /** When it was taken. */
  readonly at: Instant;
  /** Inventory value at cost. */
  readonly value: Money;
  /** Grouping dimension. */
  readonly segment?: string;
}

/**
 * One picker's shift (or any span of picking work).
 *
 * @example
 * ```ts
 * import type { KpiPickingRecord } from 'ordercore/kpi';
 *
 * const p: KpiPickingRecord = { type: 'picking', at: '2026-11-02T14:00:00Z', employeeId: 'e-7', cases: 420, lines: 380, labourHours: 7.5 };
 * p.cases / p.labourHours; //=> 56
 * ```
 */
export interface KpiPickingRecord {
  /** Discriminator. */
  readonly type: 'picking';
  /** When the work ended. */
  readonly at: Instant;
  /** Who picked. */
  readonly employeeId: string;
  /** Cases picked, ≥ 0. */
  readonly cases: number;
  /** Order lines picked, ≥ 0. */
  readonly lines: number;
  /** Hours worked, ≥ 0. */
  readonly labourHours: number;
  /** Grouping dimension. */
  readonly segment?: string;
}

/**
 * An inbound receipt: from arrival at the dock to stock available for picking.
 *
 * @example
 * ```ts
 * import type { KpiReceiptRecord } from 'ordercore/kpi';
 *
 * const r: KpiReceiptRecord = { type: 'receipt', receiptId: 'asn-1', arrivedAt: '2026-11-02T06:00:00Z', storedAt: '2026-11-02T10:30:00Z' };
 * r.type; //=> 'receipt'
 * ```
 */
export interface KpiReceiptRecord {
  /** Discriminator. */
  readonly type: 'receipt';
  /** The receipt's id. */
  readonly receiptId: string;
  /** When it arrived at the dock. */
  readonly arrivedAt: Instant;
  /** When it was put away and available. */
  readonly storedAt: Instant;
  /** Grouping dimension. */
  readonly segment?: string;
}

/**
 * Any record a KPI reads, told apart by `type`.
 *
 * @example
 * ```ts
 * import type { KpiRecord } from 'ordercore/kpi';
 *
 * const records: KpiRecord[] = [{ type: 'shipment', shipmentId: 's-1', shippedAt: '2026-11-03T15:00:00Z', units: 4 }];
 * records[0]?.type; //=> 'shipment'
 * ```
 */
export type KpiRecord =
  | KpiOrderRecord
  | KpiShipmentRecord
  | KpiReturnRecord
  | KpiCostRecord
  | KpiCogsRecord
  | KpiInventorySnapshotRecord
  | KpiPickingRecord
  | KpiReceiptRecord;

/**
 * A mergeable accumulator: the shape of every KPI. `create` an empty state, `add` records (pure: a
 * new state), `merge` two states (associative and commutative: any split of the records, merged in
 * any order, gives the one-pass result exactly), `result` to read the figure. States are plain JSON
 * data, so partial states can be computed per shard or per day, stored, and merged later.
 *
 * @typeParam S - The state.
 * @typeParam V - The figure.
 * @example
 * ```ts
 * import { perfectOrderRate } from 'ordercore/kpi';
 *
 * const acc = perfectOrderRate();
 * acc.result(acc.create()); //=> null
 * ```
 */
export interface KpiAccumulator<S, V> {
  /** An empty state. */
  create(): S;
  /** The state with these records added (the input state is not modified). Records of other types are ignored. */
  add(state: S, records: readonly KpiRecord[]): S;
  /** The state of both inputs' records together (neither input is modified). */
  merge(a: S, b: S): S;
  /** The state of all inputs' records together, in one pass (cheaper than merging pairwise). */
  mergeAll(states: readonly S[]): S;
  /** The figure; `null` where its denominator is zero. */
  result(state: S): V;
}

/**
 * A ratio's parts: the figure is `numerator / denominator`, `null` when the denominator is 0.
 *
 * @example
 * ```ts
 * import type { RatioState } from 'ordercore/kpi';
 *
 * const s: RatioState = { numerator: 9, denominator: 10 };
 * s.numerator / s.denominator; //=> 0.9
 * ```
 */
export interface RatioState {
  /** Counted in the figure. */
  readonly numerator: number;
  /** Counted in its base. */
  readonly denominator: number;
}

/**
 * An exact, mergeable distribution of durations: counts per whole unit (minutes, hours or days),
 * so percentiles merge exactly.
 *
 * @example
 * ```ts
 * import type { DurationState } from 'ordercore/kpi';
 *
 * const s: DurationState = { count: 2, sum: 5, counts: { '2': 1, '3': 1 } };
 * s.sum / s.count; //=> 2.5
 * ```
 */
export interface DurationState {
  /** How many durations. */
  readonly count: number;
  /** Their sum, in the state's unit. */
  readonly sum: number;
  /** How many of each whole value (keys are integers as strings). */
  readonly counts: Readonly<Record<string, number>>;
}

/**
 * Summary of a duration distribution; every field `null` when there are none.
 *
 * @example
 * ```ts
 * import type { DurationSummary } from 'ordercore/kpi';
 *
 * const s: DurationSummary = { count: 0, mean: null, p50: null, p90: null, p95: null, max: null };
 * s.mean; //=> null
 * ```
 */
export interface DurationSummary {
  /** How many durations. */
  readonly count: number;
  /** Their mean. */
  readonly mean: number | null;
  /** The median (nearest rank). */
  readonly p50: number | null;
  /** The 90th percentile (nearest rank). */
  readonly p90: number | null;
  /** The 95th percentile (nearest rank). */
  readonly p95: number | null;
  /** The longest. */
  readonly max: number | null;
}
