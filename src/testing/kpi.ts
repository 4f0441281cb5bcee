import fc from 'fast-check';
import type {
  KpiOrderRecord,
  KpiPickingRecord,
  KpiReceiptRecord,
  KpiRecord,
  KpiReturnRecord,
  KpiShipmentRecord,
} from '../kpi/types.js';

/**
 * Options for the KPI record arbitraries.
 *
 * @example
 * ```ts
 * import type { KpiRecordArbitraryOptions } from 'ordercore/testing';
 *
 * const options: KpiRecordArbitraryOptions = { from: '2026-11-01T00:00:00Z', days: 30, currency: 'EUR' };
 * options.days; //=> 30
 * ```
 */
export interface KpiRecordArbitraryOptions {
  /** The first instant records fall on. Default `'2026-11-01T00:00:00Z'`. */
  readonly from?: string;
  /** How many days records spread over. Default 60. */
  readonly days?: number;
  /** The currency of costs, COGS and inventory values. Default `'USD'`. */
  readonly currency?: string;
  /** Segments records are tagged with. Default `['web', 'store', 'marketplace']`. */
  readonly segments?: readonly string[];
}

const MINUTE = 60_000;

function at(fromMs: number, minutes: number): string {
  return new Date(fromMs + minutes * MINUTE).toISOString();
}

/**
 * Order records as KPIs read them: placed within the window, then maybe shipped, delivered (early,
 * on time or late against a commitment), cancelled by the customer or the seller; lines short-,
 * fully or over-shipped, some backordered; documents, damage and accuracy flags.
 *
 * @param options - The window, currency and segments.
 * @returns An arbitrary of valid {@link KpiOrderRecord}s.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { kpiOrderRecordArbitrary } from 'ordercore/testing';
 *
 * const [order] = fc.sample(kpiOrderRecordArbitrary(), { numRuns: 1, seed: 7 });
 * order?.type; //=> 'order'
 * ```
 */
export function kpiOrderRecordArbitrary(options: KpiRecordArbitraryOptions = {}): fc.Arbitrary<KpiOrderRecord> {
  const fromMs = Date.parse(options.from ?? '2026-11-01T00:00:00Z');
  const span = (options.days ?? 60) * 1440;
  const segments = options.segments ?? ['web', 'store', 'marketplace'];
  const line = fc
    .record({
      ordered: fc.integer({ min: 0, max: 10 }),
      delta: fc.integer({ min: -10, max: 3 }),
      backordered: fc.integer({ min: 0, max: 3 }),
    })
    .map(({ ordered, delta, backordered }) => ({
      ordered,
      shipped: Math.max(0, ordered + delta),
      ...(backordered > 1 ? { backordered: Math.min(backordered, ordered) } : {}),
    }));
  return fc
    .record({
      id: fc.integer({ min: 1, max: 1e9 }),
      placed: fc.integer({ min: 0, max: span - 1 }),
      commitIn: fc.option(fc.integer({ min: 0, max: 10 * 1440 }), { nil: undefined }),
      shipIn: fc.option(fc.integer({ min: 0, max: 6 * 1440 }), { nil: undefined }),
      deliverIn: fc.option(fc.integer({ min: 0, max: 6 * 1440 }), { nil: undefined }),
      cancelledBy: fc.option(fc.constantFrom('customer' as const, 'seller' as const), { nil: undefined, freq: 6 }),
      lines: fc.array(line, { minLength: 0, maxLength: 5 }),
      documentsCorrect: fc.option(fc.boolean(), { nil: undefined }),
      damaged: fc.option(fc.boolean(), { nil: undefined }),
      accurate: fc.option(fc.boolean(), { nil: undefined }),
      segment: fc.option(fc.constantFrom(...segments), { nil: undefined }),
    })
    .map((r) => {
      const shipped = r.cancelledBy === undefined && r.shipIn !== undefined ? r.placed + r.shipIn : undefined;
      const delivered = shipped !== undefined && r.deliverIn !== undefined ? shipped + r.deliverIn : undefined;
      return {
        type: 'order' as const,
        orderId: `o-${r.id}`,
        placedAt: at(fromMs, r.placed),
        ...(r.commitIn === undefined ? {} : { committedAt: at(fromMs, r.placed + r.commitIn) }),
        ...(shipped === undefined ? {} : { shippedAt: at(fromMs, shipped) }),
        ...(delivered === undefined ? {} : { deliveredAt: at(fromMs, delivered) }),
        ...(r.cancelledBy === undefined ? {} : { cancelledBy: r.cancelledBy }),
        lines: r.lines,
        ...(r.documentsCorrect === undefined ? {} : { documentsCorrect: r.documentsCorrect }),
        ...(r.damaged === undefined ? {} : { damaged: r.damaged }),
        ...(r.accurate === undefined ? {} : { accurate: r.accurate }),
        ...(r.segment === undefined ? {} : { segment: r.segment }),
      };
    });
}

/**
 * Any KPI record: orders (most), shipments and returns, costs, COGS, inventory snapshots, picking
 * shifts (labour in quarter hours, so sums are exact in any order) and receipts — all valid.
 *
 * @param options - The window, currency and segments.
 * @returns An arbitrary of valid {@link KpiRecord}s.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { kpiRecordArbitrary } from 'ordercore/testing';
 *
 * const records = fc.sample(kpiRecordArbitrary(), { numRuns: 50, seed: 1 });
 * records.length; //=> 50
 * ```
 */
export function kpiRecordArbitrary(options: KpiRecordArbitraryOptions = {}): fc.Arbitrary<KpiRecord> {
  const fromMs = Date.parse(options.from ?? '2026-11-01T00:00:00Z');
  const span = (options.days ?? 60) * 1440;
  const currency = options.currency ?? 'USD';
  const segments = options.segments ?? ['web', 'store', 'marketplace'];
  const minute = fc.integer({ min: 0, max: span - 1 });
  const segment = fc.option(fc.constantFrom(...segments), { nil: undefined });
  const tag = <T extends object>(record: T, s: string | undefined): T =>
    s === undefined ? record : { ...record, segment: s };
  const money = fc.integer({ min: 0, max: 1_000_000 }).map((amount) => ({ amount, currency }));
  const shipment: fc.Arbitrary<KpiShipmentRecord> = fc
    .record({ id: fc.integer({ min: 1, max: 1e6 }), m: minute, units: fc.integer({ min: 0, max: 20 }), s: segment })
    .map(({ id, m, units, s }) =>
      tag({ type: 'shipment' as const, shipmentId: `s-${id}`, shippedAt: at(fromMs, m), units }, s),
    );
  const returned: fc.Arbitrary<KpiReturnRecord> = fc
    .record({
      id: fc.integer({ min: 1, max: 1e6 }),
      m: minute,
      later: fc.integer({ min: 0, max: 30 * 1440 }),
      units: fc.integer({ min: 0, max: 5 }),
      s: segment,
    })
    .map(({ id, m, later, units, s }) =>
      tag(
        {
          type: 'return' as const,
          shipmentId: `s-${id}`,
          shippedAt: at(fromMs, m),
          returnedAt: at(fromMs, m + later),
          units,
        },
        s,
      ),
    );
  const picking: fc.Arbitrary<KpiPickingRecord> = fc
    .record({
      e: fc.integer({ min: 1, max: 8 }),
      m: minute,
      cases: fc.integer({ min: 0, max: 500 }),
      lines: fc.integer({ min: 0, max: 500 }),
      quarters: fc.integer({ min: 0, max: 40 }),
      s: segment,
    })
    .map(({ e, m, cases, lines, quarters, s }) =>
      tag(
        { type: 'picking' as const, at: at(fromMs, m), employeeId: `e-${e}`, cases, lines, labourHours: quarters / 4 },
        s,
      ),
    );
  const receipt: fc.Arbitrary<KpiReceiptRecord> = fc
    .record({
      id: fc.integer({ min: 1, max: 1e6 }),
      m: minute,
      took: fc.integer({ min: 0, max: 3 * 1440 }),
      s: segment,
    })
    .map(({ id, m, took, s }) =>
      tag(
        { type: 'receipt' as const, receiptId: `r-${id}`, arrivedAt: at(fromMs, m), storedAt: at(fromMs, m + took) },
        s,
      ),
    );
  const booked = (type: 'cost' | 'cogs') =>
    fc
      .record({ m: minute, amount: money, s: segment })
      .map(({ m, amount, s }) => tag({ type, at: at(fromMs, m), amount }, s));
  const snapshot = fc
    .record({ m: minute, value: money, s: segment })
    .map(({ m, value, s }) => tag({ type: 'inventory_snapshot' as const, at: at(fromMs, m), value }, s));
  return fc.oneof(
    { arbitrary: kpiOrderRecordArbitrary(options), weight: 6 },
    { arbitrary: shipment, weight: 2 },
    { arbitrary: returned, weight: 1 },
    { arbitrary: picking, weight: 1 },
    { arbitrary: receipt, weight: 1 },
    { arbitrary: booked('cost'), weight: 1 },
    { arbitrary: booked('cogs'), weight: 1 },
    { arbitrary: snapshot, weight: 1 },
  ) as fc.Arbitrary<KpiRecord>;
}
