import { err, ok, type Result } from '../../core/result.js';
import { isRecord, show } from '../../core/show.js';
import { InventoryError } from '../errors.js';
import { checkCount, refuse } from './internal/checks.js';
import { cumulative, lookAheadInPlace } from './internal/timePhased.js';
import type { AtpPromise, PromisedDelivery, PromiseOptions, TimePhasedInput } from './types.js';

/**
 * The earliest period in which a quantity can be promised without making any later period short:
 * the first period, from `earliest` on, whose look-ahead ATP covers the quantity (`null` when no
 * period in the horizon does). With `split`, the quantity is promised in parts as supply arrives —
 * at each period, as much as the look-ahead ATP allows by then — and what the horizon cannot cover
 * is `unpromised`. Adding the deliveries as demand never makes a period short (or shorter).
 *
 * @param input - On hand and the periods in time order (receipts and committed demand per period).
 * @param quantity - The units asked for (a positive safe integer).
 * @param options - `earliest` period (default 0) and `split` (default `false`).
 * @returns The promise, or `invalid_request` (input, quantity) / `invalid_options` naming the field.
 * @example
 * ```ts
 * import { promiseDate } from 'ordercore/inventory';
 *
 * // Look-ahead ATP 0, 0, 10, 10: 8 units can be promised in period 2, 12 units never.
 * const input = { onHand: 10, periods: [{ receipts: 0, demand: 4 }, { receipts: 0, demand: 8 }, { receipts: 20, demand: 5 }, { receipts: 0, demand: 3 }] };
 * const whole = promiseDate(input, 8);
 * whole.ok && whole.value.period; //=> 2
 * const never = promiseDate(input, 12, { split: true });
 * never.ok && [never.value.period, never.value.deliveries, never.value.unpromised]; //=> [null, [{ period: 2, quantity: 10 }], 2]
 * ```
 */
export function promiseDate(
  input: TimePhasedInput,
  quantity: number,
  options: PromiseOptions = {},
): Result<AtpPromise, InventoryError> {
  const atp = cumulative(input);
  if (atp instanceof InventoryError) return err(atp);
  const badQuantity = checkCount(quantity, 'quantity', 'invalid_request', true);
  if (badQuantity !== undefined) return err(badQuantity);
  if (!isRecord(options)) return err(refuse('invalid_options', 'options', `expected an object, got ${show(options)}.`));
  const { periods } = input;
  const earliest = options['earliest'] ?? 0;
  if (typeof earliest !== 'number' || !Number.isSafeInteger(earliest) || earliest < 0 || earliest >= periods.length)
    return err(
      refuse(
        'invalid_options',
        'earliest',
        `expected a period index from 0 to ${periods.length - 1}, got ${show(earliest)}.`,
      ),
    );
  const split = options['split'] ?? false;
  if (typeof split !== 'boolean')
    return err(refuse('invalid_options', 'split', `expected a boolean when present, got ${show(split)}.`));

  lookAheadInPlace(atp);
  const delivery = (period: number, units: number): PromisedDelivery => {
    const label = periods[period]?.label;
    return label === undefined ? { period, quantity: units } : { period, quantity: units, label };
  };

  let period: number | null = null;
  for (let t = earliest; t < atp.length; t++) {
    if ((atp[t] as number) >= quantity) {
      period = t;
      break;
    }
  }
  const label = period === null ? undefined : periods[period]?.label;
  const head = label === undefined ? { period } : { period, label };
  if (!split || period === earliest) {
    return ok(
      period === null
        ? { ...head, deliveries: [], unpromised: quantity }
        : { ...head, deliveries: [delivery(period, quantity)], unpromised: 0 },
    );
  }
  // Look-ahead ATP never decreases, so what is promisable by period t is atp[t]: deliver each increase.
  const deliveries: PromisedDelivery[] = [];
  let promised = 0;
  for (let t = earliest; t < atp.length && promised < quantity; t++) {
    const reachable = Math.min(quantity, atp[t] as number);
    if (reachable > promised) {
      deliveries.push(delivery(t, reachable - promised));
      promised = reachable;
    }
  }
  return ok({ ...head, deliveries, unpromised: quantity - promised });
}
