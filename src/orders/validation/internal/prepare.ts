import { ADDRESS_FIELDS } from '../../internal/address.js';
import { OrderPolicyError } from '../errors.js';
import type {
  AddressField,
  CreditAccount,
  OrderValidationContext,
  PricingReference,
  SkuRule,
  ValidateOrderOptions,
} from '../types.js';
import {
  parseCalendarDate,
  parseInstant,
  parseTimeOfDay,
  parseUtcOffset,
  WorkingCalendar,
  wallClock,
} from './calendar.js';
import { isMoneyLike, isRecord, type MoneyLike, own, show } from './show.js';

/** Longest lead or transit time accepted, in working days (ten years): bounds every calendar walk. */
export const MAX_DAYS = 3_660;

const DEFAULT_REQUIRED: readonly AddressField[] = ['line1', 'city', 'postalCode', 'country'];
const ADDRESS_FIELD_SET: ReadonlySet<string> = new Set(ADDRESS_FIELDS);

function invalid(field: string, reason: string): OrderPolicyError {
  return new OrderPolicyError('invalid_context', `${field}: ${reason}`, { field });
}

function optionalCount(value: unknown, field: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw invalid(field, `${show(value)} is not an integer from ${min} to ${max}.`);
  }
  return value;
}

/** A SKU rule read once and checked. */
export interface PreparedSku {
  readonly active: boolean;
  readonly discontinued: boolean;
  readonly minQuantity: number;
  readonly quantityMultiple: number;
  readonly maxQuantity: number | undefined;
  readonly leadTimeDays: number | undefined;
}

/** "Today" and the first processing day for one `now`. */
export interface DayInfo {
  readonly today: number;
  readonly processing: number;
}

/**
 * The context read and checked once: `validateOrder` prepares it per call, `validateOrders` once per
 * batch (with the per-SKU, per-account, per-`now` and per-lead-time caches shared by the batch).
 */
export class PreparedContext {
  readonly catalogue: Readonly<Record<string, unknown>> | undefined;
  readonly pricing: Readonly<Record<string, unknown>> | undefined;
  readonly credit: Readonly<Record<string, unknown>> | undefined;
  readonly hasDelivery: boolean;
  readonly calendar: WorkingCalendar;
  readonly cutoff: { readonly minute: number; readonly offset: number } | undefined;
  readonly defaultLeadTimeDays: number;
  readonly transitDays: Readonly<Record<string, unknown>> | undefined;
  readonly defaultTransitDays: number | undefined;
  readonly infeasibleSeverity: 'error' | 'warning';
  readonly requiredDefault: readonly string[];
  readonly requiredByCountry: Readonly<Record<string, unknown>>;
  /** `now` from the options, as epoch ms, or undefined (each order's `orderedAt` is used). */
  readonly nowMs: number | undefined;

  private readonly skus = new Map<string, PreparedSku | null>();
  private readonly accounts = new Map<string, CreditAccount>();
  private readonly priced = new Map<string, PricingReference>();
  private readonly days = new Map<number, DayInfo>();
  private readonly earliest = new Map<number, number>();
  private readonly required = new Map<string, readonly string[]>();

  constructor(contextValue: OrderValidationContext, optionsValue: ValidateOrderOptions | undefined) {
    if (!isRecord(contextValue)) throw invalid('context', `${show(contextValue)} is not an object.`);
    if (optionsValue !== undefined && !isRecord(optionsValue)) {
      throw new OrderPolicyError('invalid_options', `options: ${show(optionsValue)} is not an object.`, {
        field: 'options',
      });
    }
    const context: OrderValidationContext = contextValue;
    const options: ValidateOrderOptions | undefined = optionsValue;
    const now = options?.now;
    if (now !== undefined) {
      const ms = parseInstant(now);
      if (ms === undefined) {
        throw new OrderPolicyError(
          'invalid_options',
          `options.now: ${show(now)} is not an ISO 8601 instant with an offset (e.g. '2026-11-22T10:00:00Z').`,
          { field: 'options.now' },
        );
      }
      this.nowMs = ms;
    } else {
      this.nowMs = undefined;
    }

    this.catalogue = optionalRecord(context.catalogue, 'context.catalogue');
    this.pricing = optionalRecord(context.pricing, 'context.pricing');
    this.credit = optionalRecord(context.credit, 'context.credit');

    const delivery = optionalRecord(context.delivery, 'context.delivery');
    this.hasDelivery = delivery !== undefined;
    const weekdaysValue = delivery === undefined ? undefined : own(delivery, 'workingWeekdays');
    let weekdays: readonly number[] = [1, 2, 3, 4, 5];
    if (weekdaysValue !== undefined) {
      if (
        !Array.isArray(weekdaysValue) ||
        weekdaysValue.length === 0 ||
        !weekdaysValue.every((d: unknown) => typeof d === 'number' && Number.isInteger(d) && d >= 1 && d <= 7)
      ) {
        throw invalid(
          'context.delivery.workingWeekdays',
          'expected a non-empty list of ISO weekdays (1 = Monday … 7 = Sunday).',
        );
      }
      weekdays = weekdaysValue as number[];
    }
    const holidaysValue = delivery === undefined ? undefined : own(delivery, 'holidays');
    const holidays = new Set<number>();
    if (holidaysValue !== undefined) {
      if (!Array.isArray(holidaysValue))
        throw invalid('context.delivery.holidays', "expected a list of 'YYYY-MM-DD' dates.");
      for (let i = 0; i < holidaysValue.length; i++) {
        const day = parseCalendarDate(holidaysValue[i]);
        if (day === undefined) {
          throw invalid(
            `context.delivery.holidays[${i}]`,
            `${show(holidaysValue[i])} is not a real 'YYYY-MM-DD' date.`,
          );
        }
        holidays.add(day);
      }
    }
    this.calendar = new WorkingCalendar(weekdays, holidays);

    const cutoff = delivery === undefined ? undefined : own(delivery, 'cutoff');
    if (cutoff === undefined) {
      this.cutoff = undefined;
    } else {
      if (!isRecord(cutoff))
        throw invalid('context.delivery.cutoff', "expected { time: 'HH:mm', utcOffset: '±HH:MM' }.");
      const minute = parseTimeOfDay(cutoff['time']);
      if (minute === undefined)
        throw invalid('context.delivery.cutoff.time', `${show(cutoff['time'])} is not 'HH:mm'.`);
      const offset = parseUtcOffset(cutoff['utcOffset']);
      if (offset === undefined) {
        throw invalid('context.delivery.cutoff.utcOffset', `${show(cutoff['utcOffset'])} is not 'Z' or '±HH:MM'.`);
      }
      this.cutoff = { minute, offset };
    }
    this.defaultLeadTimeDays =
      optionalCount(
        delivery && own(delivery, 'defaultLeadTimeDays'),
        'context.delivery.defaultLeadTimeDays',
        0,
        MAX_DAYS,
      ) ?? 0;
    this.transitDays = optionalRecord(delivery && own(delivery, 'transitDays'), 'context.delivery.transitDays');
    this.defaultTransitDays = optionalCount(
      delivery && own(delivery, 'defaultTransitDays'),
      'context.delivery.defaultTransitDays',
      0,
      MAX_DAYS,
    );
    const severity = delivery && own(delivery, 'infeasibleSeverity');
    if (severity !== undefined && severity !== 'error' && severity !== 'warning') {
      throw invalid('context.delivery.infeasibleSeverity', `${show(severity)} is not 'error' or 'warning'.`);
    }
    this.infeasibleSeverity = severity ?? 'error';

    const address = optionalRecord(context.address, 'context.address');
    const required = address && own(address, 'required');
    this.requiredDefault =
      required === undefined ? DEFAULT_REQUIRED : addressFields(required, 'context.address.required');
    this.requiredByCountry = optionalRecord(address && own(address, 'byCountry'), 'context.address.byCountry') ?? {};
  }

  /** The SKU's rule (checked), `null` when the SKU is not in the catalogue. */
  sku(sku: string): PreparedSku | null {
    const hit = this.skus.get(sku);
    if (hit !== undefined) return hit;
    const catalogue = this.catalogue as Readonly<Record<string, unknown>>;
    const rule = own(catalogue, sku);
    const prepared = rule === undefined ? null : prepareSku(rule, sku);
    this.skus.set(sku, prepared);
    return prepared;
  }

  /** The account's credit (checked), undefined when unknown. */
  account(accountId: string): CreditAccount | undefined {
    const hit = this.accounts.get(accountId);
    if (hit !== undefined) return hit;
    const value = own(this.credit as Readonly<Record<string, unknown>>, accountId);
    if (value === undefined) return undefined;
    const field = `context.credit[${JSON.stringify(accountId)}]`;
    if (!isRecord(value)) throw invalid(field, 'expected { limit, openReceivables, openOrders } as money.');
    const parts = ['limit', 'openReceivables', 'openOrders'] as const;
    const first = value['limit'];
    for (const part of parts) {
      const m = value[part];
      if (!isMoneyLike(m)) throw invalid(`${field}.${part}`, 'expected money { amount, currency }.');
      if (isMoneyLike(first) && m.currency !== first.currency) {
        throw invalid(
          `${field}.${part}`,
          `${show(m.currency)} differs from the limit's currency ${show(first.currency)}.`,
        );
      }
    }
    const account = value as unknown as CreditAccount;
    this.accounts.set(accountId, account);
    return account;
  }

  /** The pricing result of an order (checked), undefined when there is none. */
  pricingOf(orderId: string): PricingReference | undefined {
    const hit = this.priced.get(orderId);
    if (hit !== undefined) return hit;
    const value = own(this.pricing as Readonly<Record<string, unknown>>, orderId);
    if (value === undefined) return undefined;
    const field = `context.pricing[${JSON.stringify(orderId)}]`;
    if (!isRecord(value)) throw invalid(field, 'expected { lines, totals: { grandTotal } }.');
    const lines = value['lines'];
    if (!Array.isArray(lines)) throw invalid(`${field}.lines`, 'expected a list of priced lines.');
    for (let i = 0; i < lines.length; i++) {
      const line: unknown = lines[i];
      if (!isRecord(line) || typeof line['id'] !== 'string')
        throw invalid(`${field}.lines[${i}]`, 'expected { id, unitPrice, total }.');
      if (!isMoneyLike(line['unitPrice'])) throw invalid(`${field}.lines[${i}].unitPrice`, 'expected money.');
      if (!isMoneyLike(line['total'])) throw invalid(`${field}.lines[${i}].total`, 'expected money.');
    }
    const totals = value['totals'];
    if (!isRecord(totals) || !isMoneyLike(totals['grandTotal'])) {
      throw invalid(`${field}.totals.grandTotal`, 'expected money.');
    }
    const reference = value as unknown as PricingReference;
    this.priced.set(orderId, reference);
    return reference;
  }

  /** Today and the first processing day for an instant (cut-off and calendar applied). */
  dayInfo(nowMs: number): DayInfo {
    const hit = this.days.get(nowMs);
    if (hit !== undefined) return hit;
    const { day, minute } = wallClock(nowMs, this.cutoff?.offset ?? 0);
    const beforeCutoff = this.cutoff === undefined || minute < this.cutoff.minute;
    const processing = this.calendar.isWorkingDay(day) && beforeCutoff ? day : this.calendar.nextWorkingDay(day);
    const info = { today: day, processing };
    if (this.days.size > 4096) this.days.clear();
    this.days.set(nowMs, info);
    return info;
  }

  /** `start` plus `count` working days, cached per batch. */
  addWorkingDays(start: number, count: number): number {
    if (count === 0) return start;
    const key = start * 8192 + count;
    const hit = this.earliest.get(key);
    if (hit !== undefined) return hit;
    const day = this.calendar.addWorkingDays(start, count);
    if (this.earliest.size > 65_536) this.earliest.clear();
    this.earliest.set(key, day);
    return day;
  }

  /** Transit working days of a shipping method; `undefined` when the method is unknown and there is no default. */
  transitFor(method: string | undefined): number | undefined {
    if (method === undefined) return this.defaultTransitDays ?? 0;
    if (this.transitDays === undefined) return this.defaultTransitDays ?? 0;
    const days = own(this.transitDays, method);
    if (days === undefined) return this.defaultTransitDays;
    return optionalCount(days, `context.delivery.transitDays[${JSON.stringify(method)}]`, 0, MAX_DAYS);
  }

  /** The required delivery-address fields for a country (`undefined` country: the default list). */
  requiredFields(country: string | undefined): readonly string[] {
    if (country === undefined) return this.requiredDefault;
    const hit = this.required.get(country);
    if (hit !== undefined) return hit;
    const list = own(this.requiredByCountry, country);
    const fields =
      list === undefined
        ? this.requiredDefault
        : addressFields(list, `context.address.byCountry[${JSON.stringify(country)}]`);
    this.required.set(country, fields);
    return fields;
  }
}

function optionalRecord(value: unknown, field: string): Readonly<Record<string, unknown>> | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw invalid(field, `${show(value)} is not an object.`);
  return value;
}

function addressFields(value: unknown, field: string): readonly string[] {
  if (!Array.isArray(value)) throw invalid(field, 'expected a list of address field names.');
  for (let i = 0; i < value.length; i++) {
    const name: unknown = value[i];
    if (typeof name !== 'string' || !ADDRESS_FIELD_SET.has(name)) {
      throw invalid(`${field}[${i}]`, `${show(name)} is not an address field.`);
    }
  }
  return value as string[];
}

function prepareSku(rule: unknown, sku: string): PreparedSku {
  const field = `context.catalogue[${JSON.stringify(sku)}]`;
  if (!isRecord(rule)) throw invalid(field, 'expected { active, ... }.');
  const active = rule['active'];
  if (typeof active !== 'boolean') throw invalid(`${field}.active`, `${show(active)} is not a boolean.`);
  const discontinued = rule['discontinued'];
  if (discontinued !== undefined && typeof discontinued !== 'boolean') {
    throw invalid(`${field}.discontinued`, `${show(discontinued)} is not a boolean.`);
  }
  const max = Number.MAX_SAFE_INTEGER;
  const minQuantity = optionalCount(rule['minQuantity'], `${field}.minQuantity`, 1, max) ?? 1;
  const quantityMultiple = optionalCount(rule['quantityMultiple'], `${field}.quantityMultiple`, 1, max) ?? 1;
  const maxQuantity = optionalCount(rule['maxQuantity'], `${field}.maxQuantity`, 1, max);
  if (maxQuantity !== undefined && maxQuantity < minQuantity) {
    throw invalid(`${field}.maxQuantity`, `${maxQuantity} is below minQuantity ${minQuantity}.`);
  }
  const leadTimeDays = optionalCount(rule['leadTimeDays'], `${field}.leadTimeDays`, 0, MAX_DAYS);
  return { active, discontinued: discontinued === true, minQuantity, quantityMultiple, maxQuantity, leadTimeDays };
}

export type { MoneyLike, SkuRule };
