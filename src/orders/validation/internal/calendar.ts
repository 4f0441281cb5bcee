// Calendar arithmetic on epoch days (days since 1970-01-01): plain integers, so nothing depends on
// the host's time zone. date-fns' day helpers (addDays, isWeekend, format, parseISO of a date-only
// string) read and write *local* time, which would make results differ between TZ=UTC and
// TZ=America/New_York; a UTC date context for them would need @date-fns/utc, which ordercore does
// not depend on. Wall-clock time at a warehouse is always an explicit UTC offset.

const DAY_MS = 86_400_000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days from 1970-01-01 to the civil date (proleptic Gregorian; H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The epoch day of a real `'YYYY-MM-DD'` date, or undefined (wrong shape, month 13, February 30, ...). */
export function parseCalendarDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DATE.exec(value);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days ? daysFromCivil(year, month, day) : undefined;
}

/** `'YYYY-MM-DD'` of an epoch day (H. Hinnant's civil_from_days). */
export function formatCalendarDate(epochDay: number): string {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** ISO weekday of an epoch day: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

// Strict ISO 8601 instant: date, time, optional fraction, and an explicit offset (Z or ±hh:mm).
// Date.parse alone accepts far more (and reads offset-less strings in the host's zone).
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** Milliseconds since the epoch of an ISO 8601 instant with an explicit offset and a real date, or undefined. */
export function parseInstant(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = INSTANT.exec(value);
  if (match === null || parseCalendarDate(`${match[1]}-${match[2]}-${match[3]}`) === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/** Minutes east of UTC of `'Z'` or `'±HH:MM'` (|offset| ≤ 18:00), or undefined. */
export function parseUtcOffset(value: unknown): number | undefined {
  if (value === 'Z') return 0;
  if (typeof value !== 'string') return undefined;
  const match = /^([+-])(\d{2}):([0-5]\d)$/.exec(value);
  if (match === null) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  if (minutes > 18 * 60) return undefined;
  return match[1] === '-' ? -minutes : minutes;
}

/** Minutes after midnight of `'HH:mm'`, or undefined. */
export function parseTimeOfDay(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return match === null ? undefined : Number(match[1]) * 60 + Number(match[2]);
}

/** The wall-clock epoch day and minute of day of an instant at a fixed UTC offset. */
export function wallClock(instantMs: number, offsetMinutes: number): { day: number; minute: number } {
  const local = instantMs + offsetMinutes * 60_000;
  const day = Math.floor(local / DAY_MS);
  return { day, minute: Math.floor((local - day * DAY_MS) / 60_000) };
}

/** A working-day calendar: ISO weekdays that are worked, minus holidays. */
export class WorkingCalendar {
  private readonly weekdays: readonly boolean[];
  private readonly holidays: ReadonlySet<number>;

  constructor(workingWeekdays: readonly number[], holidays: ReadonlySet<number>) {
    const weekdays = [false, false, false, false, false, false, false, false];
    for (const d of workingWeekdays) weekdays[d] = true;
    this.weekdays = weekdays;
    this.holidays = holidays;
  }

  isWorkingDay(epochDay: number): boolean {
    return this.weekdays[isoWeekday(epochDay)] === true && !this.holidays.has(epochDay);
  }

  /** The first working day strictly after `epochDay`. */
  nextWorkingDay(epochDay: number): number {
    let day = epochDay + 1;
    while (!this.isWorkingDay(day)) day += 1;
    return day;
  }

  /** `start` moved forward by `count` working days (`count` 0 gives `start`). */
  addWorkingDays(start: number, count: number): number {
    let day = start;
    for (let i = 0; i < count; i++) day = this.nextWorkingDay(day);
    return day;
  }
}
