import * as z from 'zod';

// Mirrors src/pricing/internal/instant.ts (kept in step by a test): date, time, optional fraction
// and an explicit offset. Date.parse alone would read offset-less strings in the machine's zone.
const INSTANT =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Whether the `YYYY-MM-DD` prefix names a real day: Date.parse would roll '2026-02-30' into March. */
function isRealDay(value: string): boolean {
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return Number(value.slice(8, 10)) <= days;
}

/** Whether a string is an ISO 8601 instant with an explicit offset on a real calendar day. */
export function isInstant(value: string): boolean {
  return INSTANT.test(value) && isRealDay(value) && Number.isFinite(Date.parse(value));
}

/**
 * An ISO 8601 instant with an explicit offset (`Z` or `±hh:mm`) on a real calendar day, as
 * `priceCart` and the order machines read `now` and every timestamp. The output is the input.
 *
 * @example
 * ```ts
 * import { instantSchema } from 'ordercore/schemas';
 *
 * instantSchema.safeParse('2026-11-22T10:00:00+01:00').success; //=> true
 * instantSchema.safeParse('2026-11-22T10:00:00').success; //=> false
 * instantSchema.safeParse('2026-02-30T10:00:00Z').success; //=> false
 * ```
 */
export const instantSchema: z.ZodType<string, unknown> = z.string().refine(isInstant, {
  message: "not an ISO 8601 instant with an offset and a real calendar date (e.g. '2026-11-22T10:00:00Z')",
  params: { code: 'invalid_instant' },
});

/**
 * A calendar date `'YYYY-MM-DD'` that names a real day (`'2026-02-30'` is refused). The output is
 * the input.
 *
 * @example
 * ```ts
 * import { calendarDateSchema } from 'ordercore/schemas';
 *
 * calendarDateSchema.safeParse('2028-02-29').success; //=> true
 * calendarDateSchema.safeParse('2026-02-29').success; //=> false
 * calendarDateSchema.safeParse('2026-2-1').success; //=> false
 * ```
 */
export const calendarDateSchema: z.ZodType<string, unknown> = z
  .string()
  .refine((value) => CALENDAR_DATE.test(value) && isRealDay(value), {
    message: "not a calendar date 'YYYY-MM-DD' naming a real day (e.g. '2026-12-24')",
    params: { code: 'invalid_date' },
  });
