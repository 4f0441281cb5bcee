import { err, ok, type Result } from '../../core/result.js';
import { isRecord, show } from '../../core/show.js';
import { InventoryError } from '../errors.js';
import { checkCount, isCount, isNonEmptyString, refuse } from './internal/checks.js';
import type { ChannelAvailability, ChannelFigure, ChannelRule, StockAvailability } from './types.js';

// Percentages are read exactly as integers of 1/10,000 percent (at most 4 decimals), and every
// product is taken in bigint, so a share or a buffer is exact for any safe-integer pool.
const PERCENT_SCALE = 10_000;
const WHOLE = 100 * PERCENT_SCALE;

/** A percentage 0–100 with at most 4 decimals, as an integer of 1/10,000 percent, or the refusal. */
function percentOf(value: unknown, field: string): number | InventoryError {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100) {
    const scaled = Math.round(value * PERCENT_SCALE);
    if (scaled / PERCENT_SCALE === value) return scaled;
  }
  return refuse(
    'invalid_options',
    field,
    `expected a percentage from 0 to 100 with at most 4 decimals, got ${show(value)}.`,
  );
}

interface Checked {
  readonly channel: string;
  readonly bufferUnits: number;
  readonly bufferPercent: number;
  readonly share: number;
  readonly quota: number;
  readonly allocated: boolean;
  readonly pooled: boolean;
}

function checkRule(rule: unknown, i: number): Checked | InventoryError {
  const at = `channels[${i}]`;
  if (!isRecord(rule)) return refuse('invalid_options', at, `expected a channel rule, got ${show(rule)}.`);
  const channel = rule['channel'];
  if (!isNonEmptyString(channel))
    return refuse('invalid_options', `${at}.channel`, `expected a non-empty string, got ${show(channel)}.`);
  let bufferUnits = 0;
  let bufferPercent = 0;
  const buffer = rule['buffer'];
  if (buffer !== undefined) {
    if (isRecord(buffer) && buffer['units'] !== undefined && buffer['percent'] === undefined) {
      const bad = checkCount(buffer['units'], `${at}.buffer.units`, 'invalid_options');
      if (bad !== undefined) return bad;
      bufferUnits = buffer['units'] as number;
    } else if (isRecord(buffer) && buffer['percent'] !== undefined && buffer['units'] === undefined) {
      const percent = percentOf(buffer['percent'], `${at}.buffer.percent`);
      if (typeof percent !== 'number') return percent;
      bufferPercent = percent;
    } else return refuse('invalid_options', `${at}.buffer`, `expected { units } or { percent }, got ${show(buffer)}.`);
  }
  let share = 0;
  let quota = 0;
  const allocation = rule['allocation'];
  if (allocation !== undefined) {
    if (isRecord(allocation) && allocation['share'] !== undefined && allocation['quota'] === undefined) {
      const percent = percentOf(allocation['share'], `${at}.allocation.share`);
      if (typeof percent !== 'number') return percent;
      share = percent;
    } else if (isRecord(allocation) && allocation['quota'] !== undefined && allocation['share'] === undefined) {
      const bad = checkCount(allocation['quota'], `${at}.allocation.quota`, 'invalid_options');
      if (bad !== undefined) return bad;
      quota = allocation['quota'] as number;
    } else
      return refuse('invalid_options', `${at}.allocation`, `expected { share } or { quota }, got ${show(allocation)}.`);
  }
  const pooled = rule['pooled'];
  if (pooled !== undefined && typeof pooled !== 'boolean')
    return refuse('invalid_options', `${at}.pooled`, `expected a boolean when present, got ${show(pooled)}.`);
  return {
    channel,
    bufferUnits,
    bufferPercent,
    share,
    quota,
    allocated: allocation !== undefined,
    pooled: pooled ?? allocation === undefined,
  };
}

/** Code-unit order: the same on every engine and locale (no localeCompare). */
function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Splits `total` in proportion to `weights` by largest remainder: floors first, then one unit each
 * to the largest remainders, ties to the smaller channel id. The parts sum to
 * `floor(total × Σweights ÷ denominator)` (to `total` when the weights sum to the denominator).
 */
function largestRemainder(
  total: number,
  weights: readonly number[],
  ids: readonly string[],
  denominator: number,
): number[] {
  const t = BigInt(total);
  const d = BigInt(denominator);
  let weightSum = 0n;
  const parts: number[] = [];
  const remainders: bigint[] = [];
  let floors = 0n;
  for (const weight of weights) {
    const product = t * BigInt(weight);
    parts.push(Number(product / d));
    remainders.push(product % d);
    floors += product / d;
    weightSum += BigInt(weight);
  }
  let left = Number((t * weightSum) / d - floors);
  const order = weights.map((_, i) => i);
  order.sort((a, b) => {
    const ra = remainders[a] as bigint;
    const rb = remainders[b] as bigint;
    return ra > rb ? -1 : ra < rb ? 1 : byId(ids[a] as string, ids[b] as string);
  });
  for (const i of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] as number) + 1;
    left -= 1;
  }
  return parts;
}

/** `ceil(units × percent)` for a percentage in 1/10,000 percent: a buffer holds back at least its share. */
function percentUp(units: number, scaledPercent: number): number {
  const product = BigInt(units) * BigInt(scaledPercent);
  const whole = BigInt(WHOLE);
  return Number((product + whole - 1n) / whole);
}

/**
 * Availability per sales channel from one system of record. The pool (a figure's `available`, or a
 * number) is split once: quotas first (scaled down in proportion, by largest remainder, when the pool
 * cannot cover them), then shares of what is left (percentages, by largest remainder, so the parts
 * sum exactly); what no channel is allocated is the free pool. A channel without an allocation is
 * pooled: it sees the whole free pool — every channel sees the same number, and a sale anywhere
 * lowers it everywhere. A channel with an allocation sees its allocation, plus the free pool when it
 * is `pooled`. Each channel then loses its buffer (units, or a percentage rounded up).
 *
 * Deterministic: ties in rounding go to the smaller channel id; the rules' order only orders the output.
 *
 * @param available - Units to split: a `StockAvailability` (its `available` and `shortfall`) or a
 *   safe integer (negative: nothing to split, carried as `shortfall`).
 * @param channels - One rule per channel (distinct ids).
 * @returns Each channel's figure and how the pool was split, or `invalid_request` (the pool) /
 *   `invalid_options` (a rule) naming the field.
 * @example
 * ```ts
 * import { channelAvailability } from 'ordercore/inventory';
 *
 * // 484 shirts left: pooled channels all see 484; allocated channels split it 50/30/20.
 * const pooled = channelAvailability(484, [{ channel: 'web' }, { channel: 'amazon' }, { channel: 'ebay' }]);
 * pooled.ok && pooled.value.channels.map((c) => c.available); //=> [484, 484, 484]
 * const split = channelAvailability(484, [
 *   { channel: 'web', allocation: { share: 50 } },
 *   { channel: 'amazon', allocation: { share: 30 } },
 *   { channel: 'ebay', allocation: { share: 20 } },
 * ]);
 * split.ok && split.value.channels.map((c) => c.available); //=> [242, 145, 97]
 * ```
 */
export function channelAvailability(
  available: number | StockAvailability,
  channels: readonly ChannelRule[],
): Result<ChannelAvailability, InventoryError> {
  let pool: number;
  let shortfall: number;
  if (typeof available === 'number') {
    if (!Number.isSafeInteger(available))
      return err(refuse('invalid_request', 'available', `expected a safe integer, got ${show(available)}.`));
    pool = available > 0 ? available : 0;
    shortfall = available < 0 ? -available : 0;
  } else if (isRecord(available) && isCount(available.available) && isCount(available.shortfall)) {
    pool = available.available;
    shortfall = available.shortfall;
  } else
    return err(
      refuse(
        'invalid_request',
        'available',
        `expected a safe integer or an availability figure, got ${show(available)}.`,
      ),
    );
  if (!Array.isArray(channels))
    return err(refuse('invalid_options', 'channels', `expected an array of channel rules, got ${show(channels)}.`));

  const rules: Checked[] = [];
  const seen = new Set<string>();
  let shareSum = 0;
  let quotaSum = 0;
  for (let i = 0; i < channels.length; i++) {
    const rule = checkRule(channels[i], i);
    if (rule instanceof InventoryError) return err(rule);
    if (seen.has(rule.channel))
      return err(refuse('invalid_options', `channels[${i}].channel`, `${show(rule.channel)} is listed twice.`));
    seen.add(rule.channel);
    shareSum += rule.share;
    quotaSum += rule.quota;
    rules.push(rule);
  }
  if (shareSum > WHOLE)
    return err(
      refuse('invalid_options', 'channels', `the shares sum to ${shareSum / PERCENT_SCALE} %, more than 100 %.`),
    );
  if (!Number.isSafeInteger(quotaSum))
    return err(refuse('invalid_options', 'channels', 'the quotas sum beyond the safe integers.'));

  const ids = rules.map((rule) => rule.channel);
  // Quotas: in full when the pool covers them, else in proportion to them.
  const quotas =
    quotaSum <= pool
      ? rules.map((rule) => rule.quota)
      : largestRemainder(
          pool,
          rules.map((rule) => rule.quota),
          ids,
          quotaSum,
        );
  const afterQuotas = pool - Math.min(pool, quotaSum);
  const shares = largestRemainder(
    afterQuotas,
    rules.map((rule) => rule.share),
    ids,
    WHOLE,
  );
  let allocatedTotal = 0;
  for (let i = 0; i < rules.length; i++) allocatedTotal += (quotas[i] as number) + (shares[i] as number);
  const free = pool - allocatedTotal;

  const figures: ChannelFigure[] = rules.map((rule, i) => {
    const allocated = (quotas[i] as number) + (shares[i] as number);
    const pooled = rule.pooled ? free : 0;
    const seen = allocated + pooled;
    const wanted = rule.bufferUnits + (rule.bufferPercent === 0 ? 0 : percentUp(seen, rule.bufferPercent));
    const buffer = Math.min(wanted, seen);
    return { channel: rule.channel, allocated, pooled, buffer, available: seen - buffer };
  });
  return ok({ pool, shortfall, allocated: allocatedTotal, free, channels: figures });
}
