import { err, ok, type Result } from '../core/result.js';
import { show } from '../core/show.js';
import { ShippingError } from './errors.js';
import { isTransitDays, MAX_TRANSIT_DAYS, resolveCalendar } from './internal/check.js';
import { dateOf, dayNumber, deliveryDay } from './internal/dates.js';
import type { WorkingCalendar } from './types.js';

/**
 * Estimates the delivery day of a shipment handed over on `shipDate` with a service taking
 * `transitDays` working days: pickup is the first working day on or after `shipDate`, and each
 * transit day moves to the next working day (weekends and holidays are skipped). Pure: calendar
 * days in, a calendar day out, no time zone involved.
 *
 * @param shipDate - The day the shipment is handed over, `'YYYY-MM-DD'`.
 * @param transitDays - Working days in transit, an integer from 0 (delivered on the pickup day) to 365.
 * @param calendar - The carrier's working days; default Monday to Friday, no holidays.
 * @returns The delivery day `'YYYY-MM-DD'`, or a {@link ShippingError} (`invalid_date`,
 *   `invalid_options` for a bad transit time, `invalid_calendar`).
 * @example
 * ```ts
 * import { estimateDelivery } from 'ordercore/shipping';
 *
 * // Friday + 2 working days: Monday, Tuesday.
 * estimateDelivery('2026-11-20', 2); //=> { ok: true, value: '2026-11-24' }
 * // Shipped on Saturday: picked up Monday; Thursday 26 is a holiday.
 * estimateDelivery('2026-11-21', 3, { holidays: ['2026-11-26'] }); //=> { ok: true, value: '2026-11-27' }
 * ```
 */
export function estimateDelivery(
  shipDate: string,
  transitDays: number,
  calendar?: WorkingCalendar,
): Result<string, ShippingError> {
  const day = dayNumber(shipDate);
  if (day === undefined)
    return err(
      new ShippingError('invalid_date', `shipDate: expected a calendar day 'YYYY-MM-DD' (got ${show(shipDate)}).`, {
        field: 'shipDate',
      }),
    );
  if (!isTransitDays(transitDays))
    return err(
      new ShippingError(
        'invalid_options',
        `transitDays: expected an integer from 0 to ${MAX_TRANSIT_DAYS} (got ${show(transitDays)}).`,
        { field: 'transitDays' },
      ),
    );
  const resolved = resolveCalendar(calendar, 'calendar');
  if (resolved instanceof ShippingError) return err(resolved);
  return ok(dateOf(deliveryDay(day, transitDays, resolved)));
}
