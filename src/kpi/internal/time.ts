import { show } from '../../core/show.js';
import { KpiError } from '../errors.js';

// A fast, strict reader of ISO 8601 instants with an explicit offset, for one-pass reports over
// millions of records: character codes instead of a regex and Date.parse (~10× faster, and no cache
// to thrash when every record has its own instant). Same grammar as the rest of ordercore:
// YYYY-MM-DDTHH:mm[:ss[.fraction]](Z|±HH:mm), on a real calendar day.

const DAY_MS = 86_400_000;

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

function two(s: string, i: number): number {
  return digit(s, i) * 10 + digit(s, i + 1);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number (inverse of daysFromCivil). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Day numbers of month starts already computed (reports see the same few months again and again). */
const monthStarts = new Map<number, number>();

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Milliseconds since the epoch, or NaN when the string is not a valid instant. */
export function instantMs(s: unknown): number {
  if (
    typeof s !== 'string' ||
    s.length < 17 ||
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 ||
    s.charCodeAt(13) !== 58
  )
    return Number.NaN;
  const year = digit(s, 0) * 1000 + digit(s, 1) * 100 + two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return Number.NaN;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] as number))) return Number.NaN;
  let i = 16;
  let ms = 0;
  if (s.charCodeAt(i) === 58) {
    const second = two(s, i + 1);
    if (second < 0 || second > 59) return Number.NaN;
    ms = second * 1000;
    i += 3;
    if (s.charCodeAt(i) === 46) {
      i += 1;
      let scale = 100;
      const start = i;
      while (i < s.length && digit(s, i) >= 0) {
        ms += digit(s, i) * scale;
        scale /= 10;
        i += 1;
      }
      if (i === start || i - start > 9) return Number.NaN;
      ms = Math.floor(ms);
    }
  }
  let offset = 0;
  const sign = s.charCodeAt(i);
  if (sign === 90 && i + 1 === s.length) offset = 0;
  else if ((sign === 43 || sign === 45) && i + 6 === s.length && s.charCodeAt(i + 3) === 58) {
    const oh = two(s, i + 1);
    const om = two(s, i + 4);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return Number.NaN;
    offset = (sign === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
  } else return Number.NaN;
  const monthKey = year * 12 + month;
  let start = monthStarts.get(monthKey);
  if (start === undefined) {
    start = daysFromCivil(year, month, 1);
    monthStarts.set(monthKey, start);
  }
  return (start + day - 1) * DAY_MS + hour * 3_600_000 + minute * 60_000 + ms - offset;
}

/** An instant from a record field, or an `invalid_record` naming it. */
export function recordInstant(value: unknown, index: number, field: string): number {
  const ms = instantMs(value);
  if (Number.isNaN(ms))
    throw new KpiError(
      'invalid_record',
      `records[${index}].${field}: ${show(value)} is not an ISO 8601 instant with an offset.`,
      {
        index,
        field,
      },
    );
  return ms;
}

/** Minutes east of UTC of 'Z' or '±HH:MM', or an `invalid_options` naming the field. */
export function offsetMinutes(value: unknown, field: string): number {
  if (value === undefined || value === 'Z') return 0;
  const match = typeof value === 'string' ? /^([+-])([01]\d|2[0-3]):([0-5]\d)$/.exec(value) : null;
  if (match === null)
    throw new KpiError('invalid_options', `${field}: ${show(value)} is not 'Z' or an offset like '+01:00'.`, { field });
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** The local day number of an instant at a fixed offset. */
export function localDay(ms: number, offsetMin: number): number {
  return Math.floor((ms + offsetMin * 60_000) / DAY_MS);
}

/** Keys already made per day number: reports and cohorts see the same few hundred days again and again. */
const dayKeys = new Map<number, string>();
const weekKeys = new Map<number, string>();
const monthKeys = new Map<number, string>();

function cached(cache: Map<number, string>, days: number, make: (days: number) => string): string {
  let key = cache.get(days);
  if (key === undefined) {
    if (cache.size >= 100_000) cache.clear();
    key = make(days);
    cache.set(days, key);
  }
  return key;
}

/** 'YYYY-MM-DD' of a day number. */
export function dayKey(days: number): string {
  return cached(dayKeys, days, makeDayKey);
}

/** 'YYYY-Www' ISO week of a day number. */
export function weekKey(days: number): string {
  return cached(weekKeys, days, makeWeekKey);
}

/** 'YYYY-MM' of a day number. */
export function monthKey(days: number): string {
  return cached(monthKeys, days, makeMonthKey);
}

function makeDayKey(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number. */
export function isoWeekday(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

function makeWeekKey(days: number): string {
  const thursday = days - isoWeekday(days) + 4;
  const { year } = civilFromDays(thursday);
  const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

function makeMonthKey(days: number): string {
  const { year, month } = civilFromDays(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}
