import { parseInstant } from '../../core/instant.js';
import { err, ok, type Result } from '../../core/result.js';
import { isRecord, show } from '../../core/show.js';
import { InventoryError } from '../errors.js';
import { promisable } from '../internal/available.js';
import { own } from '../internal/fold.js';
import type { InventoryState, LocationId, Sku } from '../types.js';
import { checkCount, checkOptionalString, isNonEmptyString, policyFor, refuse } from './internal/checks.js';
import type { AtpPeriod, AtpPeriodsOptions, DatedDemand, TimePhasedInput } from './types.js';

/** The period an instant falls in: the last boundary at or before it, the first period for anything earlier (past due). */
function periodOf(starts: readonly number[], ms: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The time-phased view of one SKU at one location, from the ledger: the input of
 * {@link discreteAtp}, {@link cumulativeAtp}, {@link lookAheadAtp} and {@link promiseDate}. Period
 * `i` starts at `boundaries[i]` and ends where the next starts (the last one is open-ended).
 *
 * - The starting figure is what is promisable now, by the one shared definition: on hand − allocated
 *   − holds not expired at `now` (the caller's own excluded) − safety stock (backorder limits are not
 *   applied: the view is of real supply). Stock already allocated or held is thus consumed at once.
 * - Receipts are the balance's scheduled receipts (`incoming`), each in the period its `expectedAt`
 *   falls in; in-transit transfers, which carry no date, are not counted.
 * - Demand is the committed demand given (orders booked and not yet in the ledger as allocations or
 *   holds), each in the period its `at` falls in.
 * - Anything dated before the first boundary is past due and falls in the first period.
 *
 * @param state - The folded ledger.
 * @param query - The SKU and the location.
 * @param demand - Committed demand with due dates.
 * @param boundaries - The start of each period, strictly increasing (at least one); they become the labels.
 * @param options - `now`, `policy` (safety stock), `excludeOwner`.
 * @returns `{ onHand, periods }`, or `invalid_request` / `invalid_instant` / `invalid_options` naming the field.
 * @example
 * ```ts
 * import { atpPeriods, foldLedger, lookAheadAtp } from 'ordercore/inventory';
 *
 * const state = foldLedger([
 *   { id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 10, at: '2026-11-30T08:00:00Z' },
 *   { id: 'e-2', kind: 'scheduled_receipt', sku: 'SHIRT', location: 'dc', quantity: 20, at: '2026-11-30T08:00:00Z',
 *     receiptId: 'PO-7', expectedAt: '2026-12-15T06:00:00Z' },
 * ]);
 * const weeks = ['2026-12-01T00:00:00Z', '2026-12-08T00:00:00Z', '2026-12-15T00:00:00Z', '2026-12-22T00:00:00Z'];
 * const orders = [
 *   { quantity: 4, at: '2026-12-02T00:00:00Z' }, { quantity: 8, at: '2026-12-09T00:00:00Z' },
 *   { quantity: 5, at: '2026-12-16T00:00:00Z' }, { quantity: 3, at: '2026-12-23T00:00:00Z' },
 * ];
 * const input = atpPeriods(state, { sku: 'SHIRT', location: 'dc' }, orders, weeks, { now: '2026-12-01T00:00:00Z' });
 * input.ok && input.value.periods.map((p) => p.receipts); //=> [0, 0, 20, 0]
 * const atp = input.ok ? lookAheadAtp(input.value) : input;
 * atp.ok && atp.value.atp; //=> [0, 0, 10, 10]
 * ```
 */
export function atpPeriods(
  state: InventoryState,
  query: {
    /** The SKU. */
    readonly sku: Sku;
    /** The location. */
    readonly location: LocationId;
  },
  demand: readonly DatedDemand[],
  boundaries: readonly string[],
  options: AtpPeriodsOptions,
): Result<TimePhasedInput, InventoryError> {
  if (!isRecord(state) || !isRecord(state.balances))
    return err(refuse('invalid_request', 'state', `expected a folded inventory state, got ${show(state)}.`));
  if (!isRecord(query))
    return err(refuse('invalid_request', 'query', `expected { sku, location }, got ${show(query)}.`));
  if (!isNonEmptyString(query.sku))
    return err(refuse('invalid_request', 'sku', `expected a non-empty string, got ${show(query.sku)}.`));
  if (!isNonEmptyString(query.location))
    return err(refuse('invalid_request', 'location', `expected a non-empty string, got ${show(query.location)}.`));
  if (!Array.isArray(boundaries) || boundaries.length === 0)
    return err(
      refuse('invalid_request', 'boundaries', `expected a non-empty array of instants, got ${show(boundaries)}.`),
    );
  const starts: number[] = [];
  for (let i = 0; i < boundaries.length; i++) {
    const ms = parseInstant(boundaries[i]);
    if (ms === undefined)
      return err(
        refuse(
          'invalid_instant',
          `boundaries[${i}]`,
          `${show(boundaries[i])} is not an ISO 8601 instant with an offset.`,
        ),
      );
    if (i > 0 && ms <= (starts[i - 1] as number))
      return err(refuse('invalid_request', `boundaries[${i}]`, 'boundaries must be strictly increasing.'));
    starts.push(ms);
  }
  if (!Array.isArray(demand))
    return err(refuse('invalid_request', 'demand', `expected an array of { quantity, at }, got ${show(demand)}.`));
  if (!isRecord(options))
    return err(refuse('invalid_options', 'options', `expected { now, ... }, got ${show(options)}.`));
  const nowMs = parseInstant(options.now);
  if (nowMs === undefined)
    return err(refuse('invalid_instant', 'now', `${show(options.now)} is not an ISO 8601 instant with an offset.`));
  const policy = policyFor(options.policy, query.sku);
  if (policy instanceof InventoryError) return err(policy);
  const badOwner = checkOptionalString(options.excludeOwner, 'excludeOwner', 'invalid_options');
  if (badOwner !== undefined) return err(badOwner);

  const receipts = starts.map(() => 0);
  const demanded = starts.map(() => 0);
  for (let i = 0; i < demand.length; i++) {
    const item: unknown = demand[i];
    if (!isRecord(item))
      return err(refuse('invalid_request', `demand[${i}]`, `expected { quantity, at }, got ${show(item)}.`));
    const bad = checkCount(item['quantity'], `demand[${i}].quantity`, 'invalid_request', true);
    if (bad !== undefined) return err(bad);
    const ms = parseInstant(item['at']);
    if (ms === undefined)
      return err(
        refuse('invalid_instant', `demand[${i}].at`, `${show(item['at'])} is not an ISO 8601 instant with an offset.`),
      );
    const t = periodOf(starts, ms);
    demanded[t] = (demanded[t] as number) + (item['quantity'] as number);
  }
  const bySku = own(state.balances, query.sku);
  const balance = bySku === undefined ? undefined : own(bySku, query.location);
  for (const receipt of balance?.incoming ?? []) {
    const t = periodOf(starts, parseInstant(receipt.expectedAt) ?? Number.NEGATIVE_INFINITY);
    receipts[t] = (receipts[t] as number) + receipt.quantity;
  }
  const onHand = promisable(balance, nowMs, policy.safetyStock, 0, options.excludeOwner);
  const periods: AtpPeriod[] = starts.map((_, t) => ({
    receipts: receipts[t] as number,
    demand: demanded[t] as number,
    label: boundaries[t] as string,
  }));
  const input: TimePhasedInput = { onHand, periods };
  // The sums must stay exact for the ATP functions: refuse here rather than there.
  let bound = Math.abs(onHand);
  for (const period of periods) bound += period.receipts + period.demand;
  if (!Number.isSafeInteger(bound))
    return err(refuse('invalid_request', 'demand', 'the quantities sum beyond the safe integers.'));
  return ok(input);
}
