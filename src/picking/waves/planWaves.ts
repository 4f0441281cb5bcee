import { parseInstant } from '../../core/instant.js';
import { err, ok, type Result } from '../../core/result.js';
import { isRecord, show } from '../../core/show.js';
import { PickingError } from '../errors.js';
import type {
  PlannedWave,
  WaveCapacity,
  WaveLoad,
  WaveOrder,
  WaveOrderFlag,
  WavePlacement,
  WavePlan,
  WavePlanOptions,
  WaveRoll,
  WaveRollReason,
} from './types.js';

const MAX_ORDERS = 100_000;
const MAX_WAVES = 10_000;
const MAX_PICKS_PER_ORDER = 100_000;

interface OrderFacts<O> {
  readonly order: O;
  readonly id: string;
  readonly items: number;
  readonly lines: number;
  readonly cutoff: number | undefined;
  readonly priority: number;
  readonly released: number;
}

interface WaveState<O> {
  readonly id: string;
  readonly releaseAt: string;
  readonly release: number;
  dueBy: string | undefined;
  due: number | undefined;
  readonly capacity: WaveCapacity;
  readonly orders: O[];
  load: WaveLoad;
}

const invalidOrder = (field: string, value: unknown, reason: string): PickingError =>
  new PickingError('invalid_order', `${field}: ${show(value)} ${reason}.`, { field, value });
const invalidOptions = (field: string, value: unknown, reason: string): PickingError =>
  new PickingError('invalid_options', `${field}: ${show(value)} ${reason}.`, { field, value });

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function readCapacity(value: unknown, field: string): Result<WaveCapacity, PickingError> {
  if (value === undefined) return ok({});
  if (!isRecord(value)) return err(invalidOptions(field, value, 'must be an object'));
  const capacity: { orders?: number; items?: number; lines?: number } = {};
  for (const measure of ['orders', 'items', 'lines'] as const) {
    const limit = Object.hasOwn(value, measure) ? value[measure] : undefined;
    if (limit === undefined) continue;
    if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 0) {
      return err(invalidOptions(`${field}.${measure}`, limit, 'must be a non-negative integer'));
    }
    capacity[measure] = limit;
  }
  return ok(capacity);
}

function readOrder<O extends WaveOrder>(order: O, index: number): Result<OrderFacts<O>, PickingError> {
  const at = `orders[${index}]`;
  if (!isRecord(order)) return err(invalidOrder(at, order, 'must be an object'));
  const { id, picks, items, carrierCutoff, priority, releasedAt } = order as Record<string, unknown>;
  if (typeof id !== 'string' || id.length === 0) return err(invalidOrder(`${at}.id`, id, 'must be a non-empty string'));
  if (!Array.isArray(picks) || picks.length > MAX_PICKS_PER_ORDER) {
    return err(invalidOrder(`${at}.picks`, picks, `must be an array of at most ${MAX_PICKS_PER_ORDER} picks`));
  }
  let counted = 0;
  for (let p = 0; p < picks.length; p++) {
    const pick: unknown = picks[p];
    if (!isRecord(pick)) return err(invalidOrder(`${at}.picks[${p}]`, pick, 'must be an object'));
    const quantity = Object.hasOwn(pick, 'quantity') ? pick['quantity'] : undefined;
    if (quantity !== undefined && (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < 0)) {
      return err(invalidOrder(`${at}.picks[${p}].quantity`, quantity, 'must be a non-negative integer'));
    }
    counted += quantity ?? 1;
  }
  if (items !== undefined && (typeof items !== 'number' || !Number.isSafeInteger(items) || items < 0)) {
    return err(invalidOrder(`${at}.items`, items, 'must be a non-negative integer'));
  }
  if (priority !== undefined && (typeof priority !== 'number' || !Number.isFinite(priority))) {
    return err(invalidOrder(`${at}.priority`, priority, 'must be a finite number'));
  }
  const cutoff = carrierCutoff === undefined ? undefined : parseInstant(carrierCutoff);
  if (carrierCutoff !== undefined && cutoff === undefined) {
    return err(invalidOrder(`${at}.carrierCutoff`, carrierCutoff, 'must be an ISO 8601 instant with an offset'));
  }
  const released = releasedAt === undefined ? Number.NEGATIVE_INFINITY : parseInstant(releasedAt);
  if (released === undefined) {
    return err(invalidOrder(`${at}.releasedAt`, releasedAt, 'must be an ISO 8601 instant with an offset'));
  }
  return ok({
    order,
    id,
    items: (items as number | undefined) ?? counted,
    lines: picks.length,
    cutoff,
    priority: (priority as number | undefined) ?? 0,
    released,
  });
}

function readWaves<O>(options: WavePlanOptions): Result<WaveState<O>[], PickingError> {
  const { waves } = options;
  if (!Array.isArray(waves) || waves.length === 0 || waves.length > MAX_WAVES) {
    return err(invalidOptions('options.waves', waves, `must be an array of 1 to ${MAX_WAVES} waves`));
  }
  const fallback = readCapacity(options.capacity, 'options.capacity');
  if (!fallback.ok) return fallback;
  const seen = new Set<string>();
  const states: WaveState<O>[] = [];
  for (let w = 0; w < waves.length; w++) {
    const at = `options.waves[${w}]`;
    const slot: unknown = waves[w];
    if (!isRecord(slot)) return err(invalidOptions(at, slot, 'must be an object'));
    const { id, releaseAt, dueBy, capacity } = slot;
    if (typeof id !== 'string' || id.length === 0)
      return err(invalidOptions(`${at}.id`, id, 'must be a non-empty string'));
    if (seen.has(id)) return err(invalidOptions(`${at}.id`, id, 'is the id of an earlier wave'));
    seen.add(id);
    const release = parseInstant(releaseAt);
    if (release === undefined) {
      return err(invalidOptions(`${at}.releaseAt`, releaseAt, 'must be an ISO 8601 instant with an offset'));
    }
    const due = dueBy === undefined ? undefined : parseInstant(dueBy);
    if (dueBy !== undefined && (due === undefined || due < release)) {
      return err(
        invalidOptions(`${at}.dueBy`, dueBy, 'must be an ISO 8601 instant with an offset, not before releaseAt'),
      );
    }
    const own = capacity === undefined ? fallback : readCapacity(capacity, `${at}.capacity`);
    if (!own.ok) return own;
    states.push({
      id,
      releaseAt: releaseAt as string,
      release,
      dueBy: dueBy as string | undefined,
      due,
      capacity: own.value,
      orders: [],
      load: { orders: 0, items: 0, lines: 0 },
    });
  }
  states.sort((a, b) => a.release - b.release || compareIds(a.id, b.id));
  // A wave without a due instant is due when the next later wave is released.
  for (let w = 0; w < states.length; w++) {
    const state = states[w] as WaveState<O>;
    if (state.due !== undefined) continue;
    const later = states.slice(w + 1).find((s) => s.release > state.release);
    if (later !== undefined) {
      state.dueBy = later.releaseAt;
      state.due = later.release;
    }
  }
  return ok(states);
}

/** The first measure in which the order does not fit the wave, or `undefined` when it fits. */
function overflow(capacity: WaveCapacity, load: WaveLoad, facts: OrderFacts<unknown>): WaveRollReason | undefined {
  if (capacity.orders !== undefined && load.orders + 1 > capacity.orders) return 'orders_full';
  if (capacity.items !== undefined && load.items + facts.items > capacity.items) return 'items_full';
  if (capacity.lines !== undefined && load.lines + facts.lines > capacity.lines) return 'lines_full';
  return undefined;
}

/**
 * Plans orders into time-released waves: each order joins the first wave (by release time) that
 * is released no earlier than the order and still has room for it in orders, items and lines; an
 * order that does not fit rolls to the next wave, and every wave it was passed over by is recorded
 * with the reason.
 *
 * Orders are planned in a total order: carrier cut-off (earliest first; orders without one last),
 * then priority (largest first), then id — so the orders that must leave first get the earliest
 * waves, and the input order never matters. Placement is first fit: a smaller order planned later
 * may still fill the room an earlier, larger order could not use. Nothing is dropped silently: an
 * order no wave can take is returned in `unplaced` with the reason. Orders whose cut-off is before
 * `now` are flagged `past_cutoff` (and still planned); orders whose wave is due after their cut-off
 * are flagged `misses_cutoff`.
 *
 * Each wave's orders can then be batched with `batchOrders` (see `planAndBatchWaves`).
 *
 * @typeParam O - The order type: the caller's orders come back as given (never copied or mutated).
 * @param orders - The orders (at most 100,000, unique ids).
 * @param options - {@link WavePlanOptions}: `now`, the wave slots and the default wave capacity.
 * @returns The plan, or a `PickingError` (`invalid_order`, `invalid_options`) naming the field.
 * @example
 * ```ts
 * import { planWaves } from 'ordercore/picking';
 *
 * const pick = { id: 'p', location: { aisle: 0, cell: 0 } };
 * const plan = planWaves(
 *   [
 *     { id: 'late-truck', picks: [pick], carrierCutoff: '2026-11-23T18:00:00Z' },
 *     { id: 'early-truck', picks: [pick, pick], carrierCutoff: '2026-11-23T11:00:00Z' },
 *     { id: 'vip', picks: [pick], carrierCutoff: '2026-11-23T18:00:00Z', priority: 5 },
 *   ],
 *   {
 *     now: '2026-11-23T07:00:00Z',
 *     waves: [
 *       { id: 'W1', releaseAt: '2026-11-23T08:00:00Z' },
 *       { id: 'W2', releaseAt: '2026-11-23T12:00:00Z' },
 *     ],
 *     capacity: { orders: 2 },
 *   },
 * );
 * plan.ok && plan.value.waves.map((w) => w.orders.map((o) => o.id)); //=> [['early-truck', 'vip'], ['late-truck']]
 * plan.ok && plan.value.placements[2]; //=> { orderId: 'late-truck', waveId: 'W2', rolled: [{ waveId: 'W1', reason: 'orders_full' }], flags: [] }
 * ```
 */
export function planWaves<O extends WaveOrder>(
  orders: readonly O[],
  options: WavePlanOptions,
): Result<WavePlan<O>, PickingError> {
  if (!Array.isArray(orders) || orders.length > MAX_ORDERS) {
    return err(invalidOrder('orders', orders, `must be an array of at most ${MAX_ORDERS} orders`));
  }
  if (!isRecord(options)) return err(invalidOptions('options', options, 'must be an object'));
  const now = parseInstant(options.now);
  if (now === undefined)
    return err(invalidOptions('options.now', options.now, 'must be an ISO 8601 instant with an offset'));
  const read = readWaves<O>(options);
  if (!read.ok) return read;
  const waves = read.value;

  const facts: OrderFacts<O>[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < orders.length; i++) {
    const r = readOrder(orders[i] as O, i);
    if (!r.ok) return r;
    if (ids.has(r.value.id)) return err(invalidOrder(`orders[${i}].id`, r.value.id, 'is the id of an earlier order'));
    ids.add(r.value.id);
    facts.push(r.value);
  }
  facts.sort(
    (a, b) =>
      (a.cutoff ?? Number.POSITIVE_INFINITY) - (b.cutoff ?? Number.POSITIVE_INFINITY) ||
      // Both without a cut-off: Infinity - Infinity is NaN, which `||` passes on like 0.
      b.priority - a.priority ||
      compareIds(a.id, b.id),
  );

  const placements: WavePlacement[] = [];
  const unplaced: WavePlacement[] = [];
  for (const order of facts) {
    const rolled: WaveRoll[] = [];
    let joined: WaveState<O> | undefined;
    let eligible = false;
    let fitsAlone = false;
    for (const wave of waves) {
      if (wave.release < order.released) {
        rolled.push({ waveId: wave.id, reason: 'not_released' });
        continue;
      }
      eligible = true;
      if (overflow(wave.capacity, { orders: 0, items: 0, lines: 0 }, order) === undefined) fitsAlone = true;
      const reason = overflow(wave.capacity, wave.load, order);
      if (reason !== undefined) {
        rolled.push({ waveId: wave.id, reason });
        continue;
      }
      joined = wave;
      break;
    }
    const flags: WaveOrderFlag[] = [];
    if (order.cutoff !== undefined && order.cutoff < now) flags.push('past_cutoff');
    if (joined === undefined) {
      const placement: WavePlacement = {
        orderId: order.id,
        waveId: null,
        rolled,
        flags,
        unplacedReason: !eligible ? 'not_released' : !fitsAlone ? 'exceeds_wave_capacity' : 'no_room',
      };
      placements.push(placement);
      unplaced.push(placement);
      continue;
    }
    joined.orders.push(order.order);
    joined.load = {
      orders: joined.load.orders + 1,
      items: joined.load.items + order.items,
      lines: joined.load.lines + order.lines,
    };
    if (order.cutoff !== undefined && (joined.due ?? joined.release) > order.cutoff) flags.push('misses_cutoff');
    placements.push({ orderId: order.id, waveId: joined.id, rolled, flags });
  }

  const planned: PlannedWave<O>[] = waves.map((wave) => ({
    id: wave.id,
    releaseAt: wave.releaseAt,
    ...(wave.dueBy === undefined ? {} : { dueBy: wave.dueBy }),
    capacity: wave.capacity,
    orders: wave.orders,
    load: wave.load,
  }));
  return ok({ waves: planned, placements, unplaced });
}
