// Calendar-day arithmetic on 'YYYY-MM-DD' strings, in whole days since 1970-01-01 (internal).
// Days are plain integers: no time zone is involved, so the same input gives the same day anywhere.

const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a real calendar day `'YYYY-MM-DD'`, or `undefined` for anything else. */
export function dayNumber(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DATE.exec(value);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  if (day > days) return undefined;
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** The `'YYYY-MM-DD'` of a day number. */
export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number (1970-01-01 was a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** A resolved working calendar: fast membership tests. */
export interface ResolvedCalendar {
  readonly weekend: ReadonlySet<number>;
  readonly holidays: ReadonlySet<number>;
}

/** Monday to Friday, no holidays. */
export const DEFAULT_CALENDAR: ResolvedCalendar = { weekend: new Set([6, 7]), holidays: new Set() };

export function isWorking(day: number, calendar: ResolvedCalendar): boolean {
  return !calendar.weekend.has(isoWeekday(day)) && !calendar.holidays.has(day);
}

/** The first working day on or after `day`. Terminates: the calendar has a working weekday and finitely many holidays. */
export function nextWorking(day: number, calendar: ResolvedCalendar): number {
  let d = day;
  while (!isWorking(d, calendar)) d += 1;
  return d;
}

/** Pickup on the first working day on or after `shipDay`, then `transitDays` more working days. */
export function deliveryDay(shipDay: number, transitDays: number, calendar: ResolvedCalendar): number {
  let d = nextWorking(shipDay, calendar);
  for (let i = 0; i < transitDays; i += 1) d = nextWorking(d + 1, calendar);
  return d;
}
