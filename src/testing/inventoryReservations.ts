import fc from 'fast-check';
import type { Result } from '../core/result.js';
import type { InventoryError } from '../inventory/errors.js';
import { put } from '../inventory/internal/fold.js';
import { commitReservation } from '../inventory/reservations/commitReservation.js';
import { expireReservations } from '../inventory/reservations/expireReservations.js';
import { extendReservation } from '../inventory/reservations/extendReservation.js';
import { releaseReservation } from '../inventory/reservations/releaseReservation.js';
import { reserve } from '../inventory/reservations/reserve.js';
import { reserveBatch } from '../inventory/reservations/reserveBatch.js';
import type {
  CommitReservationRequest,
  ExpireReservationsRequest,
  ExtendReservationRequest,
  ReleaseReservationRequest,
  ReserveBatchRequest,
  ReserveLine,
  ReserveRequest,
} from '../inventory/reservations/types.js';
import type {
  AvailabilityPolicy,
  Instant,
  InventoryOperation,
  InventoryState,
  LedgerEntry,
  LocationId,
  Sku,
} from '../inventory/types.js';

/**
 * Options for {@link reservationWorkloadArbitrary}.
 *
 * @example
 * ```ts
 * import type { ReservationWorkloadOptions } from 'ordercore/testing';
 *
 * const options: ReservationWorkloadOptions = { skus: ['SHIRT'], locations: ['dc', 'store'], maxSteps: 20 };
 * options.maxSteps; //=> 20
 * ```
 */
export interface ReservationWorkloadOptions {
  /** The SKUs the workload moves. Default `['A', 'B']`. */
  readonly skus?: readonly Sku[];
  /** The locations stock sits at. Default `['dc', 'store']`. */
  readonly locations?: readonly LocationId[];
  /** The most steps. Default 30. */
  readonly maxSteps?: number;
  /** The most units received per SKU and location at the start. Default 8. */
  readonly maxStock?: number;
  /** The instant of the first step; later steps never go back in time. Default `'2026-11-22T10:00:00Z'`. */
  readonly start?: Instant;
  /** Whether to draw a random safety-stock and backorder policy (else none). Default `true`. */
  readonly withPolicy?: boolean;
}

/**
 * One step of a reservation workload: an operation, its request and the `now` it runs at. Steps
 * are plain data, so a failing workload prints readably and replays exactly.
 *
 * @example
 * ```ts
 * import type { ReservationWorkloadStep } from 'ordercore/testing';
 *
 * const step: ReservationWorkloadStep = {
 *   kind: 'release', now: '2026-11-22T10:05:00Z', request: { key: 'k-3', reservationId: 'r-1' },
 * };
 * step.kind; //=> 'release'
 * ```
 */
export type ReservationWorkloadStep =
  | {
      /** `reserve`. */
      readonly kind: 'reserve';
      /** The instant it runs at. */
      readonly now: Instant;
      /** The request. */
      readonly request: ReserveRequest;
    }
  | {
      /** `reserveBatch`. */
      readonly kind: 'reserve_batch';
      /** The instant it runs at. */
      readonly now: Instant;
      /** The request. */
      readonly request: ReserveBatchRequest;
    }
  | {
      /** `extendReservation`. */
      readonly kind: 'extend';
      /** The instant it runs at. */
      readonly now: Instant;
      /** The request. */
      readonly request: ExtendReservationRequest;
    }
  | {
      /** `releaseReservation`. */
      readonly kind: 'release';
      /** The instant it runs at. */
      readonly now: Instant;
      /** The request. */
      readonly request: ReleaseReservationRequest;
    }
  | {
      /** `commitReservation`. */
      readonly kind: 'commit';
      /** The instant it runs at. */
      readonly now: Instant;
      /** The request. */
      readonly request: CommitReservationRequest;
    }
  | {
      /** `expireReservations`. */
      readonly kind: 'expire';
      /** The instant it runs at. */
      readonly now: Instant;
      /** The request. */
      readonly request: ExpireReservationsRequest;
    };

/**
 * A reservation workload: the receipts that stock the locations, an availability policy, and the
 * steps to run in order against the fold of those receipts.
 *
 * @example
 * ```ts
 * import type { ReservationWorkload } from 'ordercore/testing';
 *
 * const workload: ReservationWorkload = { ledger: [], policy: {}, steps: [] };
 * workload.steps.length; //=> 0
 * ```
 */
export interface ReservationWorkload {
  /** The initial ledger: one receipt per SKU and location with stock, at the start instant. */
  readonly ledger: readonly LedgerEntry[];
  /** Safety stock and backorder limits every step runs with. */
  readonly policy: AvailabilityPolicy;
  /** The steps, with non-decreasing `now`s. */
  readonly steps: readonly ReservationWorkloadStep[];
}

const MINUTE = 60_000;

/** A reservation made earlier in the workload (picked by this number), or `null`: one never made. */
type Target = number | null;

type Seed =
  | {
      op: 'reserve';
      sku: number;
      where: number[];
      quantity: number;
      ttl: number | undefined;
      owner: number;
      reuse: number | undefined;
    }
  | { op: 'batch'; lines: { sku: number; where: number[]; quantity: number }[]; ttl: number | undefined }
  | { op: 'extend'; id: Target; ttl: number | undefined }
  | { op: 'release'; id: Target; quantity: number | undefined }
  | { op: 'commit'; id: Target; quantity: number | undefined; shipment: boolean }
  | { op: 'expire'; all: boolean; sku: number }
  | { op: 'replay'; of: number };

/**
 * Random reservation workloads against a small SKU × location space: random receipts, a random
 * policy, then a sequence of reserve (a location or a stock), batch, extend, release, commit
 * (allocation or shipment), expire and replayed steps, with a clock that moves forward by 0–10
 * minutes per step and holds of 1–30 minutes (or none). Extend, release and commit mostly target
 * reservations made earlier (active, expired, released or refused) and now and then one never made;
 * a reserve now and then reuses an id made before;
 * keys are unique per step except for replays, which repeat an earlier step's key and request.
 * Run the steps with {@link runReservationStep}.
 *
 * @param options - The SKUs, locations, sizes and start instant.
 * @returns An arbitrary of {@link ReservationWorkload}s.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { foldLedger } from 'ordercore/inventory';
 * import { reservationWorkloadArbitrary, runReservationStep } from 'ordercore/testing';
 *
 * const [workload] = fc.sample(reservationWorkloadArbitrary({ maxSteps: 10 }), { numRuns: 1, seed: 3 });
 * let state = foldLedger(workload?.ledger ?? []);
 * for (const step of workload?.steps ?? []) {
 *   const r = runReservationStep(state, step, workload?.policy ?? {});
 *   if (r.ok) state = r.value.state;
 * }
 * state.entries >= (workload?.ledger.length ?? 0); //=> true
 * ```
 */
export function reservationWorkloadArbitrary(
  options: ReservationWorkloadOptions = {},
): fc.Arbitrary<ReservationWorkload> {
  const skus = options.skus ?? ['A', 'B'];
  const locations = options.locations ?? ['dc', 'store'];
  const maxSteps = options.maxSteps ?? 30;
  const maxStock = options.maxStock ?? 8;
  const startMs = Date.parse(options.start ?? '2026-11-22T10:00:00Z');
  const skuIndex = fc.nat({ max: skus.length - 1 });
  const where = fc.oneof(
    { weight: 3, arbitrary: fc.nat({ max: locations.length - 1 }).map((l) => [l]) },
    {
      weight: 1,
      arbitrary: fc.shuffledSubarray(
        locations.map((_, i) => i),
        { minLength: 1 },
      ),
    },
  );
  const ttl = fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined, freq: 4 });
  const quantity = fc.integer({ min: 1, max: Math.max(1, Math.ceil(maxStock / 2)) });
  const part = fc.option(quantity, { nil: undefined });
  const id: fc.Arbitrary<Target> = fc.option(fc.nat(), { nil: null, freq: 8 });
  const seed: fc.Arbitrary<Seed> = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        op: fc.constant('reserve' as const),
        sku: skuIndex,
        where,
        quantity,
        ttl,
        owner: fc.nat({ max: 2 }),
        reuse: fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.nat() }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant('batch' as const),
        lines: fc.array(fc.record({ sku: skuIndex, where, quantity }), { minLength: 1, maxLength: 3 }),
        ttl,
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('extend' as const), id, ttl }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('release' as const), id, quantity: part }) },
    {
      weight: 3,
      arbitrary: fc.record({ op: fc.constant('commit' as const), id, quantity: part, shipment: fc.boolean() }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('expire' as const), all: fc.boolean(), sku: skuIndex }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('replay' as const), of: fc.nat() }) },
  );
  const stock = fc.array(
    fc.array(fc.integer({ min: 0, max: maxStock }), { minLength: locations.length, maxLength: locations.length }),
    {
      minLength: skus.length,
      maxLength: skus.length,
    },
  );
  const policy: fc.Arbitrary<AvailabilityPolicy> =
    options.withPolicy === false
      ? fc.constant({})
      : fc
          .record({
            safety: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: skus.length, maxLength: skus.length }),
            backorder: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: skus.length, maxLength: skus.length }),
          })
          .map(({ safety, backorder }) => {
            const safetyStock: Record<Sku, number> = {};
            const backorderLimit: Record<Sku, number> = {};
            skus.forEach((sku, k) => {
              const units = safety[k] ?? 0;
              if (units > 0) put(safetyStock, sku, units);
              const limit = backorder[k] ?? 0;
              if (limit > 0) put(backorderLimit, sku, limit);
            });
            return { safetyStock, backorderLimit };
          });
  return fc
    .record({
      stock,
      policy,
      seeds: fc.array(fc.record({ advance: fc.integer({ min: 0, max: 10 }), seed }), { maxLength: maxSteps }),
    })
    .map(({ stock: units, policy: chosen, seeds }) => {
      const ledger: LedgerEntry[] = [];
      const at = new Date(startMs).toISOString();
      skus.forEach((sku, k) => {
        locations.forEach((location, l) => {
          const q = units[k]?.[l] ?? 0;
          if (q > 0) ledger.push({ id: `stock-${ledger.length}`, kind: 'receipt', sku, location, quantity: q, at });
        });
      });
      const steps: ReservationWorkloadStep[] = [];
      let clock = startMs;
      const made: string[] = [];
      const target = (t: Target): string =>
        t === null || made.length === 0
          ? `r-never-${steps.length}`
          : // Mostly one of the last four made (likelier still held), else any.
            (made[
              t % 2 === 0 ? made.length - 1 - ((t >> 1) % Math.min(4, made.length)) : (t >> 1) % made.length
            ] as string);
      const expiry = (minutes: number | undefined): { expiresAt?: Instant } =>
        minutes === undefined ? {} : { expiresAt: new Date(clock + minutes * MINUTE).toISOString() };
      const placeOf = (w: readonly number[]): { location: LocationId } | { locations: LocationId[] } =>
        w.length === 1
          ? { location: locations[w[0] as number] as LocationId }
          : { locations: w.map((l) => locations[l] as LocationId) };
      seeds.forEach(({ advance, seed: s }, i) => {
        clock += advance * MINUTE;
        const now = new Date(clock).toISOString();
        const key = `k-${i}`;
        switch (s.op) {
          case 'reserve': {
            // Now and then an id made before: refused, a reservation id is used once.
            const reservationId =
              s.reuse !== undefined && made.length > 0 ? (made[s.reuse % made.length] as string) : `r-${i}`;
            if (reservationId === `r-${i}`) made.push(reservationId);
            steps.push({
              kind: 'reserve',
              now,
              request: {
                key,
                reservationId,
                sku: skus[s.sku] as Sku,
                ...placeOf(s.where),
                quantity: s.quantity,
                ...expiry(s.ttl),
                owner: `cart-${s.owner}`,
              },
            });
            break;
          }
          case 'batch': {
            const lines: ReserveLine[] = s.lines.map((line, j) => ({
              reservationId: `b-${i}-${j}`,
              sku: skus[line.sku] as Sku,
              ...placeOf(line.where),
              quantity: line.quantity,
              ...expiry(s.ttl),
            }));
            made.push(...lines.map((line) => line.reservationId));
            steps.push({ kind: 'reserve_batch', now, request: { key, lines } });
            break;
          }
          case 'extend':
            steps.push({ kind: 'extend', now, request: { key, reservationId: target(s.id), ...expiry(s.ttl) } });
            break;
          case 'release':
            steps.push({
              kind: 'release',
              now,
              request: {
                key,
                reservationId: target(s.id),
                ...(s.quantity === undefined ? {} : { quantity: s.quantity }),
              },
            });
            break;
          case 'commit':
            steps.push({
              kind: 'commit',
              now,
              request: {
                key,
                reservationId: target(s.id),
                into: s.shipment ? 'shipment' : 'allocation',
                ...(s.quantity === undefined ? {} : { quantity: s.quantity }),
              },
            });
            break;
          case 'expire':
            steps.push({ kind: 'expire', now, request: { key, ...(s.all ? {} : { skus: [skus[s.sku] as Sku] }) } });
            break;
          case 'replay': {
            const earlier = steps.length === 0 ? undefined : steps[s.of % steps.length];
            if (earlier !== undefined) steps.push({ ...earlier, now } as ReservationWorkloadStep);
            break;
          }
        }
      });
      return { ledger, policy: chosen, steps };
    });
}

/**
 * Runs one workload step: calls the reservation operation its `kind` names with its request, its
 * `now` and the policy.
 *
 * @param state - The state to run it against (not modified).
 * @param step - The step.
 * @param policy - The availability policy (default none).
 * @returns What the operation returned.
 * @example
 * ```ts
 * import { foldLedger } from 'ordercore/inventory';
 * import { runReservationStep } from 'ordercore/testing';
 *
 * const state = foldLedger([{ id: 'in', kind: 'receipt', sku: 'A', location: 'dc', quantity: 2, at: '2026-11-22T09:00:00Z' }]);
 * const r = runReservationStep(state, {
 *   kind: 'reserve', now: '2026-11-22T10:00:00Z', request: { key: 'k-0', reservationId: 'r-0', sku: 'A', location: 'dc', quantity: 2 },
 * });
 * r.ok && r.value.state.balances['A']?.['dc']?.reserved; //=> 2
 * ```
 */
export function runReservationStep(
  state: InventoryState,
  step: ReservationWorkloadStep,
  policy: AvailabilityPolicy = {},
): Result<InventoryOperation, InventoryError> {
  const options = { now: step.now, policy };
  switch (step.kind) {
    case 'reserve':
      return reserve(state, step.request, options);
    case 'reserve_batch':
      return reserveBatch(state, step.request, options);
    case 'extend':
      return extendReservation(state, step.request, options);
    case 'release':
      return releaseReservation(state, step.request, options);
    case 'commit':
      return commitReservation(state, step.request, options);
    case 'expire':
      return expireReservations(state, step.request, options);
  }
}
