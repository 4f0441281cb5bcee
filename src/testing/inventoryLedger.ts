import fc from 'fast-check';
import { applyEntries, emptyState, own } from '../inventory/internal/fold.js';
import type { Instant, InventoryState, LedgerEntry, ReservationRecord, StockBalance } from '../inventory/types.js';

/**
 * Options for {@link ledgerArbitrary} and {@link stockPositionArbitrary}.
 *
 * @example
 * ```ts
 * import type { LedgerArbitraryOptions } from 'ordercore/testing';
 *
 * const options: LedgerArbitraryOptions = { skus: ['SHIRT', '__proto__'], locations: ['dc', 'store-1'], maxEntries: 30 };
 * options.maxEntries; //=> 30
 * ```
 */
export interface LedgerArbitraryOptions {
  /** The SKUs entries move (any strings, `'__proto__'` included). Default `['SKU-1', 'SKU-2', 'SKU-3']`. */
  readonly skus?: readonly string[];
  /** The locations (at least two for transfers). Default `['dc', 'store-1', 'store-2']`. */
  readonly locations?: readonly string[];
  /** The most steps drawn (a step that does not fit the ledger so far is skipped). Default 40. */
  readonly maxEntries?: number;
  /** The instant of the first entry; later entries follow at random gaps. Default `'2026-11-01T08:00:00Z'`. */
  readonly from?: Instant;
}

/**
 * A stock position: a valid ledger, its fold, and an instant after its last entry (some holds have
 * expired by then, others have not).
 *
 * @example
 * ```ts
 * import type { StockPosition } from 'ordercore/testing';
 *
 * const position: StockPosition = {
 *   ledger: [], state: { balances: {}, reservations: {}, operations: {}, entries: 0 }, now: '2026-11-01T08:00:00Z',
 * };
 * position.ledger.length; //=> 0
 * ```
 */
export interface StockPosition {
  /** Every entry, oldest first; `foldLedger(ledger)` succeeds. */
  readonly ledger: readonly LedgerEntry[];
  /** `foldLedger(ledger)`. */
  readonly state: InventoryState;
  /** An instant at or after the last entry. */
  readonly now: Instant;
}

const ACTIONS = [
  'receipt',
  'receipt',
  'receipt',
  'scheduled_receipt',
  'adjustment',
  'cycle_count',
  'transfer_out',
  'transfer_in',
  'reservation',
  'reservation',
  'reservation_extended',
  'release',
  'allocation',
  'deallocation',
  'shipment',
  'shipment',
  'return',
] as const;

interface Step {
  readonly action: (typeof ACTIONS)[number];
  readonly sku: number;
  readonly location: number;
  readonly other: number;
  readonly quantity: number;
  readonly pick: number;
  readonly minutes: number;
  readonly flag: boolean;
  readonly flag2: boolean;
}

const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  action: fc.constantFrom(...ACTIONS),
  sku: fc.nat(),
  location: fc.nat(),
  other: fc.nat(),
  quantity: fc.integer({ min: 1, max: 40 }),
  pick: fc.nat(),
  minutes: fc.integer({ min: 0, max: 720 }),
  flag: fc.boolean(),
  flag2: fc.boolean(),
});

const MINUTE = 60_000;

type Draft = Omit<LedgerEntry, 'id' | 'at'>;

/** Interprets abstract steps into a ledger the fold accepts, skipping steps that do not fit. */
function interpret(steps: readonly Step[], skus: readonly string[], locations: readonly string[], fromMs: number) {
  let state = emptyState();
  const ledger: LedgerEntry[] = [];
  let time = fromMs;
  steps.forEach((step, i) => {
    time += step.minutes * MINUTE;
    const at = new Date(time).toISOString();
    const later = (minutes: number): string => new Date(time + minutes * MINUTE).toISOString();
    const sku = skus[step.sku % skus.length] as string;
    const location = locations[step.location % locations.length] as string;
    const bySku = own(state.balances, sku);
    const b: StockBalance | undefined = bySku === undefined ? undefined : own(bySku, location);
    const onHand = b?.onHand ?? 0;
    const free = b === undefined ? 0 : b.onHand - b.reserved - b.allocated;
    const q = step.quantity;
    const active = Object.keys(state.reservations)
      .map((id) => own(state.reservations, id) as ReservationRecord)
      .filter((r) => r.open > 0)
      .sort((x, y) => (x.reservationId < y.reservationId ? -1 : 1));
    const hold = active.length === 0 ? undefined : active[step.pick % active.length];
    let draft: Draft | undefined;
    switch (step.action) {
      case 'receipt': {
        const incoming = b?.incoming ?? [];
        const scheduled = step.flag && incoming.length > 0 ? incoming[step.pick % incoming.length] : undefined;
        draft = {
          kind: 'receipt',
          sku,
          location,
          quantity: q,
          ...(scheduled ? { receiptId: scheduled.receiptId } : {}),
        };
        break;
      }
      case 'scheduled_receipt': {
        const incoming = b?.incoming ?? [];
        const scheduled = incoming.length > 0 ? incoming[step.pick % incoming.length] : undefined;
        if (step.flag && scheduled !== undefined)
          draft = {
            kind: 'scheduled_receipt',
            sku,
            location,
            quantity: -Math.min(q, scheduled.quantity),
            receiptId: scheduled.receiptId,
          };
        else
          draft = {
            kind: 'scheduled_receipt',
            sku,
            location,
            quantity: q,
            receiptId: `po-${i}`,
            expectedAt: later(1440 * (1 + (step.pick % 30))),
          };
        break;
      }
      case 'adjustment':
        if (step.flag) draft = { kind: 'adjustment', sku, location, quantity: q, reason: 'found' };
        else if (onHand > 0)
          draft = { kind: 'adjustment', sku, location, quantity: -Math.min(q, onHand), reason: 'damaged' };
        break;
      case 'cycle_count': {
        if (onHand < 0) break;
        const counted = Math.max(0, onHand + (q % 7) - 3);
        draft = { kind: 'cycle_count', sku, location, quantity: counted - onHand, counted, expected: onHand };
        break;
      }
      case 'transfer_out': {
        const to = locations[(step.location + 1 + (step.other % Math.max(1, locations.length - 1))) % locations.length];
        if (to === undefined || to === location || free <= 0) break;
        draft = {
          kind: 'transfer_out',
          sku,
          location,
          quantity: -Math.min(q, free),
          counterpartLocation: to,
          transferId: `t-${i}`,
        };
        break;
      }
      case 'transfer_in': {
        // Pick among the balances with units on their way, so arrivals are not left to chance.
        const arriving = skus
          .flatMap((s) => locations.map((l) => [s, l] as const))
          .filter(([s, l]) => {
            const row = own(state.balances, s);
            return ((row === undefined ? undefined : own(row, l))?.inTransit ?? 0) > 0;
          });
        const pair = arriving.length === 0 ? undefined : arriving[step.pick % arriving.length];
        if (pair === undefined) break;
        const [toSku, to] = pair;
        const row = own(state.balances, toSku);
        const inTransit = (row === undefined ? undefined : own(row, to))?.inTransit ?? 0;
        const source = locations.find((l) => l !== to);
        draft = {
          kind: 'transfer_in',
          sku: toSku,
          location: to,
          quantity: Math.min(q, inTransit),
          ...(source === undefined ? {} : { counterpartLocation: source }),
        };
        break;
      }
      case 'reservation':
        if (free <= 0) break;
        draft = {
          kind: 'reservation',
          sku,
          location,
          quantity: Math.min(q, free),
          reservationId: `r-${i}`,
          owner: `cart-${step.pick % 3}`,
          ...(step.flag ? { expiresAt: later(step.other % 240) } : {}),
        };
        break;
      case 'reservation_extended':
        if (hold === undefined) break;
        draft = {
          kind: 'reservation_extended',
          sku: hold.sku,
          location: hold.location,
          quantity: 0,
          reservationId: hold.reservationId,
          ...(step.flag ? { expiresAt: later(step.other % 480) } : {}),
        };
        break;
      case 'release':
        if (hold === undefined) break;
        draft = {
          kind: 'release',
          sku: hold.sku,
          location: hold.location,
          quantity: -Math.min(q, hold.open),
          reservationId: hold.reservationId,
          reason: step.flag ? 'expired' : 'cancelled',
        };
        break;
      case 'allocation':
        if (step.flag && hold !== undefined)
          draft = {
            kind: 'allocation',
            sku: hold.sku,
            location: hold.location,
            quantity: Math.min(q, hold.open),
            reservationId: hold.reservationId,
            allocationId: `a-${i}`,
          };
        else if (free > 0)
          draft = { kind: 'allocation', sku, location, quantity: Math.min(q, free), allocationId: `a-${i}` };
        break;
      case 'deallocation':
        if ((b?.allocated ?? 0) <= 0) break;
        draft = { kind: 'deallocation', sku, location, quantity: -Math.min(q, b?.allocated ?? 0) };
        break;
      case 'shipment':
        if (step.flag && (b?.allocated ?? 0) > 0)
          draft = {
            kind: 'shipment',
            sku,
            location,
            quantity: -Math.min(q, b?.allocated ?? 0),
            allocationId: `a-${step.pick}`,
          };
        else if (step.flag2 && hold !== undefined)
          draft = {
            kind: 'shipment',
            sku: hold.sku,
            location: hold.location,
            quantity: -Math.min(q, hold.open),
            reservationId: hold.reservationId,
          };
        else if (free > 0) draft = { kind: 'shipment', sku, location, quantity: -Math.min(q, free) };
        break;
      case 'return':
        draft = { kind: 'return', sku, location, quantity: q, reference: `rma-${i}` };
        break;
    }
    if (draft === undefined) return;
    const entry: LedgerEntry = {
      id: `e-${i}`,
      ...draft,
      at,
      ...(step.pick % 4 === 0 ? { operation: `op-${Math.floor(i / 3)}` } : {}),
    };
    const applied = applyEntries(state, [entry], 'owned');
    // A refusal here is a bug in this generator, not a property failure of the code under test.
    if (!applied.ok) throw new Error(`ledgerArbitrary built an invalid entry: ${applied.error.message}`);
    state = applied.state;
    ledger.push(entry);
  });
  return { ledger, state, end: time };
}

function settings(options: LedgerArbitraryOptions) {
  const skus = options.skus ?? ['SKU-1', 'SKU-2', 'SKU-3'];
  const locations = options.locations ?? ['dc', 'store-1', 'store-2'];
  if (skus.length === 0 || locations.length === 0)
    throw new RangeError('ledgerArbitrary needs at least one SKU and one location.');
  const fromMs = Date.parse(options.from ?? '2026-11-01T08:00:00Z');
  return { skus, locations, fromMs, maxEntries: options.maxEntries ?? 40 };
}

/**
 * Valid ledgers: receipts (some against scheduled receipts), scheduled receipts and their cuts,
 * adjustments, cycle counts, transfers out and in, reservations (some expiring), extensions,
 * releases, allocations (from holds or free stock), deallocations, shipments (from allocations,
 * holds or free stock) and returns — each drawn only when the ledger so far allows it, so
 * `foldLedger` never refuses one and no balance is oversold. Ids are `e-<step>`; some entries carry
 * an `operation` key shared with their neighbours.
 *
 * @param options - SKUs, locations, length and start.
 * @returns An arbitrary of ledgers, oldest entry first.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { foldLedger } from 'ordercore/inventory';
 * import { ledgerArbitrary } from 'ordercore/testing';
 *
 * const [ledger] = fc.sample(ledgerArbitrary({ skus: ['SHIRT'], maxEntries: 20 }), { numRuns: 1, seed: 3 });
 * foldLedger(ledger ?? []).entries === ledger?.length; //=> true
 * ```
 */
export function ledgerArbitrary(options: LedgerArbitraryOptions = {}): fc.Arbitrary<LedgerEntry[]> {
  const { skus, locations, fromMs, maxEntries } = settings(options);
  return fc
    .array(stepArbitrary, { maxLength: maxEntries, size: 'max' })
    .map((steps) => interpret(steps, skus, locations, fromMs).ledger);
}

/**
 * Stock positions: a valid ledger (as {@link ledgerArbitrary} draws them), its fold, and a `now`
 * up to twelve hours after the last entry, for tests of availability, reservations and sourcing.
 *
 * @param options - SKUs, locations, length and start.
 * @returns An arbitrary of {@link StockPosition}s.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { foldLedger } from 'ordercore/inventory';
 * import { stockPositionArbitrary } from 'ordercore/testing';
 *
 * const [position] = fc.sample(stockPositionArbitrary({ maxEntries: 10 }), { numRuns: 1, seed: 5 });
 * JSON.stringify(position?.state) === JSON.stringify(foldLedger(position?.ledger ?? [])); //=> true
 * ```
 */
export function stockPositionArbitrary(options: LedgerArbitraryOptions = {}): fc.Arbitrary<StockPosition> {
  const { skus, locations, fromMs, maxEntries } = settings(options);
  return fc
    .tuple(fc.array(stepArbitrary, { maxLength: maxEntries, size: 'max' }), fc.integer({ min: 0, max: 720 }))
    .map(([steps, after]) => {
      const { ledger, state, end } = interpret(steps, skus, locations, fromMs);
      return { ledger, state, now: new Date(end + after * MINUTE).toISOString() };
    });
}
