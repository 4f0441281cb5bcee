// Input checks shared by the shipping functions (internal). Each returns the first problem as a
// ShippingError naming the field, or the resolved value; none throws on hostile input.
import { isRecord, show } from '../../core/show.js';
import { getCurrency } from '../../money/currencies.js';
import { rate } from '../../money/rate.js';
import type { Money } from '../../money/types.js';
import { ShippingError, type ShippingErrorCode } from '../errors.js';
import {
  type CarrierPolicy,
  type CarrierRateTable,
  type Parcel,
  type ParcelLimits,
  type RateQuote,
  SELECTION_OBJECTIVES,
  SERVICE_LEVELS,
  type WorkingCalendar,
} from '../types.js';
import { DEFAULT_CALENDAR, dayNumber, type ResolvedCalendar } from './dates.js';

export const MAX_DIMENSION_MM = 100_000;
export const MAX_TRANSIT_DAYS = 365;
const MAX_ID_LENGTH = 1_000;
const MAX_PARCELS = 1_000;

type Problem = ShippingError;

function problem(code: ShippingErrorCode, field: string, reason: string, value?: unknown): Problem {
  return new ShippingError(code, `${field}: ${reason}${value === undefined ? '' : ` (got ${show(value)})`}.`, {
    field,
    reason,
  });
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
}

function isPositiveInt(value: unknown, max = Number.MAX_SAFE_INTEGER): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 && value <= max;
}

export function isMoneyValue(value: unknown): value is Money {
  return (
    isRecord(value) &&
    typeof value['currency'] === 'string' &&
    getCurrency(value['currency']) !== undefined &&
    typeof value['amount'] === 'number' &&
    Number.isSafeInteger(value['amount'])
  );
}

const POSTAL = /^[A-Za-z0-9 -]{0,20}$/;
const COUNTRY = /^[A-Z]{2}$/;

export function checkParcel(value: unknown, field: string): Problem | undefined {
  if (!isRecord(value)) return problem('invalid_shipment', field, 'expected a parcel object', value);
  if (!isId(value['id'])) return problem('invalid_shipment', `${field}.id`, 'expected a non-empty id', value['id']);
  if (!isPositiveInt(value['weightGrams']))
    return problem(
      'invalid_shipment',
      `${field}.weightGrams`,
      'expected a positive safe integer',
      value['weightGrams'],
    );
  for (const side of ['lengthMm', 'widthMm', 'heightMm'] as const)
    if (!isPositiveInt(value[side], MAX_DIMENSION_MM))
      return problem(
        'invalid_shipment',
        `${field}.${side}`,
        `expected a positive integer of millimetres up to ${MAX_DIMENSION_MM}`,
        value[side],
      );
  return undefined;
}

export function checkShipment(value: unknown): Problem | undefined {
  if (!isRecord(value)) return problem('invalid_shipment', 'shipment', 'expected a shipment object', value);
  if (!isId(value['id'])) return problem('invalid_shipment', 'shipment.id', 'expected a non-empty id', value['id']);
  const destination = value['destination'];
  if (!isRecord(destination))
    return problem('invalid_shipment', 'shipment.destination', 'expected a destination object', destination);
  if (typeof destination['country'] !== 'string' || !COUNTRY.test(destination['country']))
    return problem(
      'invalid_shipment',
      'shipment.destination.country',
      'expected a two-letter upper-case country code',
      destination['country'],
    );
  if (typeof destination['postalCode'] !== 'string' || !POSTAL.test(destination['postalCode']))
    return problem(
      'invalid_shipment',
      'shipment.destination.postalCode',
      'expected a postal code of letters, digits, spaces and dashes (at most 20)',
      destination['postalCode'],
    );
  if (dayNumber(value['shipDate']) === undefined)
    return problem('invalid_shipment', 'shipment.shipDate', "expected a calendar day 'YYYY-MM-DD'", value['shipDate']);
  if (value['promisedBy'] !== undefined && dayNumber(value['promisedBy']) === undefined)
    return problem(
      'invalid_shipment',
      'shipment.promisedBy',
      "expected a calendar day 'YYYY-MM-DD'",
      value['promisedBy'],
    );
  const parcels = value['parcels'];
  if (!Array.isArray(parcels) || parcels.length === 0 || parcels.length > MAX_PARCELS)
    return problem('invalid_shipment', 'shipment.parcels', `expected 1 to ${MAX_PARCELS} parcels`, parcels);
  const ids = new Set<string>();
  for (let i = 0; i < parcels.length; i += 1) {
    const parcel: unknown = parcels[i];
    const bad = checkParcel(parcel, `shipment.parcels[${i}]`);
    if (bad !== undefined) return bad;
    const id = (parcel as Parcel).id;
    if (ids.has(id)) return problem('invalid_shipment', `shipment.parcels[${i}].id`, 'parcel ids must be unique', id);
    ids.add(id);
  }
  return undefined;
}

export function resolveCalendar(value: unknown, field: string): ResolvedCalendar | Problem {
  if (value === undefined) return DEFAULT_CALENDAR;
  if (!isRecord(value)) return problem('invalid_calendar', field, 'expected a calendar object', value);
  const { weekend = [6, 7], holidays = [] } = value as WorkingCalendar;
  if (!Array.isArray(weekend)) return problem('invalid_calendar', `${field}.weekend`, 'expected an array', weekend);
  const off = new Set<number>();
  for (let i = 0; i < weekend.length; i += 1) {
    const day: unknown = weekend[i];
    if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 7)
      return problem('invalid_calendar', `${field}.weekend[${i}]`, 'expected an ISO weekday from 1 to 7', day);
    off.add(day);
  }
  if (off.size === 7) return problem('invalid_calendar', `${field}.weekend`, 'leaves no working weekday');
  if (!Array.isArray(holidays) || holidays.length > 100_000)
    return problem('invalid_calendar', `${field}.holidays`, 'expected an array of at most 100,000 days', holidays);
  const days = new Set<number>();
  for (let i = 0; i < holidays.length; i += 1) {
    const day = dayNumber(holidays[i]);
    if (day === undefined)
      return problem(
        'invalid_calendar',
        `${field}.holidays[${i}]`,
        "expected a calendar day 'YYYY-MM-DD'",
        holidays[i],
      );
    days.add(day);
  }
  return { weekend: off, holidays: days };
}

export function isTransitDays(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_TRANSIT_DAYS;
}

function checkLimits(value: unknown, field: string): Problem | undefined {
  if (!isRecord(value)) return problem('invalid_rate_table', field, 'expected parcel limits', value);
  const { maxWeightGrams, maxLengthMm, maxGirthMm } = value as Partial<ParcelLimits>;
  if (!isPositiveInt(maxWeightGrams))
    return problem('invalid_rate_table', `${field}.maxWeightGrams`, 'expected a positive safe integer', maxWeightGrams);
  if (!isPositiveInt(maxLengthMm))
    return problem('invalid_rate_table', `${field}.maxLengthMm`, 'expected a positive safe integer', maxLengthMm);
  if (maxGirthMm !== undefined && !isPositiveInt(maxGirthMm))
    return problem('invalid_rate_table', `${field}.maxGirthMm`, 'expected a positive safe integer', maxGirthMm);
  return undefined;
}

function isPrefix(value: unknown): value is string {
  return typeof value === 'string' && POSTAL.test(value);
}

/** Checks a rate table; returns its resolved calendar. */
export function checkRateTable(value: unknown, field: string): ResolvedCalendar | Problem {
  const bad = (f: string, reason: string, v?: unknown): Problem =>
    problem('invalid_rate_table', `${field}${f}`, reason, v);
  if (!isRecord(value)) return bad('', 'expected a rate table object', value);
  const table = value as Partial<CarrierRateTable>;
  if (!isId(table.carrierId)) return bad('.carrierId', 'expected a non-empty id', table.carrierId);
  if (typeof table.currency !== 'string' || getCurrency(table.currency) === undefined)
    return bad('.currency', 'expected a known currency code', table.currency);
  if (!isPositiveInt(table.dimDivisor, 1_000_000))
    return bad('.dimDivisor', 'expected a positive integer (cm³ per kg) up to 1,000,000', table.dimDivisor);
  let fuel: string | undefined;
  try {
    fuel = typeof table.fuelSurcharge === 'string' ? rate(table.fuelSurcharge).decimal : undefined;
  } catch {
    fuel = undefined;
  }
  if (fuel === undefined || fuel.startsWith('-'))
    return bad('.fuelSurcharge', "expected a non-negative exact decimal string such as '0.125'", table.fuelSurcharge);
  const limits = checkLimits(table.limits, `${field}.limits`);
  if (limits !== undefined) return limits;
  if (!Array.isArray(table.zones)) return bad('.zones', 'expected an array of zone rules', table.zones);
  const rules = new Set<string>();
  for (let i = 0; i < table.zones.length; i += 1) {
    const rule: unknown = table.zones[i];
    if (!isRecord(rule)) return bad(`.zones[${i}]`, 'expected a zone rule', rule);
    if (typeof rule['country'] !== 'string' || !COUNTRY.test(rule['country']))
      return bad(`.zones[${i}].country`, 'expected a two-letter upper-case country code', rule['country']);
    if (!isPrefix(rule['postalPrefix']))
      return bad(`.zones[${i}].postalPrefix`, 'expected a postal prefix', rule['postalPrefix']);
    if (!isId(rule['zone'])) return bad(`.zones[${i}].zone`, 'expected a non-empty zone id', rule['zone']);
    const key = `${rule['country']} ${rule['postalPrefix']}`;
    if (rules.has(key)) return bad(`.zones[${i}]`, 'two rules for the same country and prefix', key);
    rules.add(key);
  }
  if (table.restrictions !== undefined) {
    if (!Array.isArray(table.restrictions)) return bad('.restrictions', 'expected an array', table.restrictions);
    for (let i = 0; i < table.restrictions.length; i += 1) {
      const r: unknown = table.restrictions[i];
      if (!isRecord(r)) return bad(`.restrictions[${i}]`, 'expected a restriction', r);
      if (typeof r['country'] !== 'string' || !COUNTRY.test(r['country']))
        return bad(`.restrictions[${i}].country`, 'expected a two-letter upper-case country code', r['country']);
      if (r['postalPrefix'] !== undefined && !isPrefix(r['postalPrefix']))
        return bad(`.restrictions[${i}].postalPrefix`, 'expected a postal prefix', r['postalPrefix']);
      if (r['reason'] !== undefined && typeof r['reason'] !== 'string')
        return bad(`.restrictions[${i}].reason`, 'expected a string', r['reason']);
    }
  }
  const calendar = resolveCalendar(table.calendar, `${field}.calendar`);
  if (calendar instanceof ShippingError) return calendar;
  if (!Array.isArray(table.services) || table.services.length === 0)
    return bad('.services', 'expected at least one service', table.services);
  const serviceIds = new Set<string>();
  for (let s = 0; s < table.services.length; s += 1) {
    const service: unknown = table.services[s];
    const at = `.services[${s}]`;
    if (!isRecord(service)) return bad(at, 'expected a service', service);
    if (!isId(service['id'])) return bad(`${at}.id`, 'expected a non-empty id', service['id']);
    if (serviceIds.has(service['id'])) return bad(`${at}.id`, 'service ids must be unique', service['id']);
    serviceIds.add(service['id']);
    if (!(SERVICE_LEVELS as readonly unknown[]).includes(service['level']))
      return bad(`${at}.level`, `expected one of ${SERVICE_LEVELS.join(', ')}`, service['level']);
    if (service['limits'] !== undefined) {
      const l = checkLimits(service['limits'], `${field}${at}.limits`);
      if (l !== undefined)
        return problem('invalid_rate_table', String(l.details['field']), String(l.details['reason']));
    }
    const zones = service['zones'];
    if (!Array.isArray(zones)) return bad(`${at}.zones`, 'expected an array', zones);
    const zoneIds = new Set<string>();
    for (let z = 0; z < zones.length; z += 1) {
      const zone: unknown = zones[z];
      const zat = `${at}.zones[${z}]`;
      if (!isRecord(zone)) return bad(zat, 'expected a service zone', zone);
      if (!isId(zone['zone'])) return bad(`${zat}.zone`, 'expected a non-empty zone id', zone['zone']);
      if (zoneIds.has(zone['zone'])) return bad(`${zat}.zone`, 'each zone at most once per service', zone['zone']);
      zoneIds.add(zone['zone']);
      if (!isTransitDays(zone['transitDays']))
        return bad(`${zat}.transitDays`, `expected an integer from 0 to ${MAX_TRANSIT_DAYS}`, zone['transitDays']);
      const breaks = zone['breaks'];
      if (!Array.isArray(breaks) || breaks.length === 0)
        return bad(`${zat}.breaks`, 'expected at least one weight break', breaks);
      let previous = 0;
      for (let b = 0; b < breaks.length; b += 1) {
        const brk: unknown = breaks[b];
        const bat = `${zat}.breaks[${b}]`;
        if (!isRecord(brk)) return bad(bat, 'expected a weight break', brk);
        if (!isPositiveInt(brk['upToGrams']) || brk['upToGrams'] <= previous)
          return bad(`${bat}.upToGrams`, 'expected a positive integer above the previous break', brk['upToGrams']);
        previous = brk['upToGrams'];
        const price = brk['price'];
        if (!isMoneyValue(price) || price.amount < 0) return bad(`${bat}.price`, 'expected non-negative money', price);
        if (price.currency !== table.currency)
          return bad(`${bat}.price.currency`, `expected the table's currency ${table.currency}`, price.currency);
      }
    }
  }
  return calendar;
}

export function checkQuote(value: unknown, field: string): Problem | undefined {
  const bad = (f: string, reason: string, v?: unknown): Problem => problem('invalid_quote', `${field}${f}`, reason, v);
  if (!isRecord(value)) return bad('', 'expected a quote object', value);
  const q = value as Partial<RateQuote>;
  if (!isId(q.id)) return bad('.id', 'expected a non-empty id', q.id);
  if (!isId(q.carrierId)) return bad('.carrierId', 'expected a non-empty id', q.carrierId);
  if (!isId(q.serviceId)) return bad('.serviceId', 'expected a non-empty id', q.serviceId);
  if (!(SERVICE_LEVELS as readonly unknown[]).includes(q.serviceLevel))
    return bad('.serviceLevel', `expected one of ${SERVICE_LEVELS.join(', ')}`, q.serviceLevel);
  if (!isMoneyValue(q.price) || q.price.amount < 0) return bad('.price', 'expected non-negative money', q.price);
  if (!isTransitDays(q.transitDays))
    return bad('.transitDays', `expected an integer from 0 to ${MAX_TRANSIT_DAYS}`, q.transitDays);
  if (dayNumber(q.estimatedDelivery) === undefined)
    return bad('.estimatedDelivery', "expected a calendar day 'YYYY-MM-DD'", q.estimatedDelivery);
  if (
    typeof q.billableWeightGrams !== 'number' ||
    !Number.isSafeInteger(q.billableWeightGrams) ||
    q.billableWeightGrams < 0
  )
    return bad('.billableWeightGrams', 'expected a non-negative safe integer', q.billableWeightGrams);
  return undefined;
}

/** A checked policy with its defaults resolved. */
export interface ResolvedPolicy {
  readonly objective: (typeof SELECTION_OBJECTIVES)[number];
  readonly mustArriveBy: number | undefined;
  readonly minLevel: number | undefined;
  readonly levels: ReadonlySet<string> | undefined;
  readonly carriers: ReadonlySet<string> | undefined;
  readonly excluded: ReadonlySet<string>;
  readonly maxPrice: Money | undefined;
  readonly maxBillable: number | undefined;
  readonly currency: string | undefined;
}

function idSet(value: unknown, field: string): ReadonlySet<string> | Problem | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return problem('invalid_policy', field, 'expected an array of ids', value);
  const out = new Set<string>();
  for (let i = 0; i < value.length; i += 1) {
    const id: unknown = value[i];
    if (!isId(id)) return problem('invalid_policy', `${field}[${i}]`, 'expected a non-empty id', id);
    out.add(id);
  }
  return out;
}

export function resolvePolicy(value: unknown): ResolvedPolicy | Problem {
  if (value === undefined) value = {};
  if (!isRecord(value)) return problem('invalid_policy', 'policy', 'expected a policy object', value);
  const p = value as Partial<Record<keyof CarrierPolicy, unknown>>;
  const objective = p.objective ?? 'cheapest';
  if (!(SELECTION_OBJECTIVES as readonly unknown[]).includes(objective))
    return problem(
      'invalid_policy',
      'policy.objective',
      `expected one of ${SELECTION_OBJECTIVES.join(', ')}`,
      objective,
    );
  const mustArriveBy = p.mustArriveBy === undefined ? undefined : dayNumber(p.mustArriveBy);
  if (p.mustArriveBy !== undefined && mustArriveBy === undefined)
    return problem('invalid_policy', 'policy.mustArriveBy', "expected a calendar day 'YYYY-MM-DD'", p.mustArriveBy);
  const minLevel = p.minServiceLevel === undefined ? undefined : SERVICE_LEVELS.indexOf(p.minServiceLevel as never);
  if (minLevel === -1)
    return problem(
      'invalid_policy',
      'policy.minServiceLevel',
      `expected one of ${SERVICE_LEVELS.join(', ')}`,
      p.minServiceLevel,
    );
  let levels: Set<string> | undefined;
  if (p.serviceLevels !== undefined) {
    if (!Array.isArray(p.serviceLevels))
      return problem('invalid_policy', 'policy.serviceLevels', 'expected an array of service levels', p.serviceLevels);
    levels = new Set();
    for (let i = 0; i < p.serviceLevels.length; i += 1) {
      const level: unknown = p.serviceLevels[i];
      if (!(SERVICE_LEVELS as readonly unknown[]).includes(level))
        return problem(
          'invalid_policy',
          `policy.serviceLevels[${i}]`,
          `expected one of ${SERVICE_LEVELS.join(', ')}`,
          level,
        );
      levels.add(level as string);
    }
  }
  const carriers = idSet(p.carriers, 'policy.carriers');
  if (carriers instanceof ShippingError) return carriers;
  const excluded = idSet(p.excludeCarriers, 'policy.excludeCarriers');
  if (excluded instanceof ShippingError) return excluded;
  if (p.maxPrice !== undefined && (!isMoneyValue(p.maxPrice) || p.maxPrice.amount < 0))
    return problem('invalid_policy', 'policy.maxPrice', 'expected non-negative money', p.maxPrice);
  const maxPrice = p.maxPrice as Money | undefined;
  if (
    p.maxBillableWeightGrams !== undefined &&
    (typeof p.maxBillableWeightGrams !== 'number' ||
      !Number.isSafeInteger(p.maxBillableWeightGrams) ||
      p.maxBillableWeightGrams < 0)
  )
    return problem(
      'invalid_policy',
      'policy.maxBillableWeightGrams',
      'expected a non-negative safe integer',
      p.maxBillableWeightGrams,
    );
  if (p.currency !== undefined && (typeof p.currency !== 'string' || getCurrency(p.currency) === undefined))
    return problem('invalid_policy', 'policy.currency', 'expected a known currency code', p.currency);
  const currency = (p.currency as string | undefined) ?? maxPrice?.currency;
  if (maxPrice !== undefined && currency !== maxPrice.currency)
    return problem(
      'invalid_policy',
      'policy.maxPrice.currency',
      `expected the policy currency ${currency}`,
      maxPrice.currency,
    );
  return {
    objective: objective as ResolvedPolicy['objective'],
    mustArriveBy,
    minLevel,
    levels,
    carriers,
    excluded: excluded ?? new Set(),
    maxPrice,
    maxBillable: p.maxBillableWeightGrams as number | undefined,
    currency,
  };
}
