// Shape checks for the edits module: hostile input gets a typed error naming the field, never a
// TypeError. The order is checked once per call, before anything is computed.
import type { ErrorDetails } from '../../../core/errors.js';
import type { OrderLine } from '../../types.js';
import { OrderEditError, type OrderEditErrorCode } from '../errors.js';
import { type LineBasis, lineBasis } from './amounts.js';

export function fail(code: OrderEditErrorCode, message: string, details: ErrorDetails = {}): OrderEditError {
  return new OrderEditError(code, message, details);
}

export function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short, safe description of a caller's value for messages (never calls its toString). */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return String(value);
  }
  if (typeof value === 'bigint') return `${value}n`;
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

export function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDay(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] as number;
  return d <= days;
}

/** An ISO 8601 instant with an explicit offset and a real calendar date. */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = INSTANT.exec(value);
  return match !== null && validDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** A `'YYYY-MM-DD'` calendar date that exists. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  return match !== null && validDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function checkNow(options: unknown): OrderEditError | undefined {
  if (!isObject(options)) return fail('invalid_options', 'options: expected { now }.', { field: 'options' });
  if (!isInstant(options['now'])) {
    return fail('invalid_options', `options.now: ${show(options['now'])} is not an ISO 8601 instant with an offset.`, {
      field: 'now',
    });
  }
  return undefined;
}

const QUANTITY_FIELDS = [
  'allocated',
  'picked',
  'shipped',
  'delivered',
  'cancelled',
  'returned',
  'backordered',
] as const;

function isMoneyIn(value: unknown, currency: string): boolean {
  return isObject(value) && Number.isSafeInteger(value['amount']) && value['currency'] === currency;
}

/** Checks a line's shape and amounts; returns its basis or an error naming `path`. */
export function checkLine(
  line: unknown,
  currency: string,
  path: string,
  withQuantities: boolean,
): LineBasis | OrderEditError {
  if (!isObject(line))
    return fail('invalid_order', `${path}: expected a line object, got ${show(line)}.`, { field: path });
  if (typeof line['id'] !== 'string' || line['id'] === '') {
    return fail('invalid_order', `${path}.id: expected a non-empty string, got ${show(line['id'])}.`, {
      field: `${path}.id`,
    });
  }
  if (typeof line['sku'] !== 'string') {
    return fail('invalid_order', `${path}.sku: expected a string, got ${show(line['sku'])}.`, { field: `${path}.sku` });
  }
  if (!isCount(line['quantity'])) {
    return fail('invalid_quantity', `${path}.quantity: ${show(line['quantity'])} is not a non-negative safe integer.`, {
      field: `${path}.quantity`,
      lineId: line['id'],
    });
  }
  if (withQuantities) {
    const q = line['quantities'];
    if (!isObject(q))
      return fail('invalid_order', `${path}.quantities: expected an object.`, { field: `${path}.quantities` });
    for (const f of QUANTITY_FIELDS) {
      if (!isCount(q[f])) {
        return fail('invalid_order', `${path}.quantities.${f}: ${show(q[f])} is not a non-negative safe integer.`, {
          field: `${path}.quantities.${f}`,
          lineId: line['id'],
        });
      }
    }
    const qq = q as unknown as OrderLine['quantities'];
    if (
      qq.cancelled > (line['quantity'] as number) ||
      qq.allocated + qq.backordered > (line['quantity'] as number) - qq.cancelled
    ) {
      return fail('invalid_order', `${path}.quantities: allocated + backordered must fit in quantity − cancelled.`, {
        field: `${path}.quantities`,
        lineId: line['id'],
      });
    }
  }
  for (const f of ['unitPrice', 'subtotal', 'discountTotal', 'net', 'tax', 'total'] as const) {
    const v = line[f];
    if (
      isObject(v) &&
      Number.isSafeInteger(v['amount']) &&
      typeof v['currency'] === 'string' &&
      v['currency'] !== currency
    ) {
      return fail('currency_mismatch', `${path}.${f}: ${show(v['currency'])} is not the order currency ${currency}.`, {
        field: `${path}.${f}`,
        lineId: line['id'],
        expected: currency,
        actual: v['currency'],
      });
    }
  }
  const basis = lineBasis(line as unknown as OrderLine, currency);
  if ('reason' in basis) {
    const code =
      basis.kind === 'amounts'
        ? 'inconsistent_amounts'
        : basis.kind === 'currency'
          ? 'currency_mismatch'
          : 'invalid_order';
    return fail(code, `${path}.${basis.field}: ${basis.reason}.`, {
      field: `${path}.${basis.field}`,
      lineId: line['id'],
    });
  }
  return basis;
}

/** Checks the parts of an order the edits module reads; returns each line's basis by id. */
export function checkOrder(order: unknown): Map<string, LineBasis> | OrderEditError {
  if (!isObject(order))
    return fail('invalid_order', `order: expected an order object, got ${show(order)}.`, { field: 'order' });
  const currency = order['currency'];
  if (typeof currency !== 'string' || currency === '') {
    return fail('invalid_order', 'order.currency: expected a currency code.', { field: 'currency' });
  }
  if (typeof order['id'] !== 'string') return fail('invalid_order', 'order.id: expected a string.', { field: 'id' });
  for (const f of ['lines', 'payments', 'shipments', 'returns'] as const) {
    if (!Array.isArray(order[f])) return fail('invalid_order', `order.${f}: expected an array.`, { field: f });
  }
  const shipping = order['shipping'];
  if (!isObject(shipping) || !isMoneyIn(shipping['net'], currency) || !isMoneyIn(shipping['tax'], currency)) {
    return fail('invalid_order', `order.shipping: expected { net, tax } in ${currency}.`, { field: 'shipping' });
  }
  const bases = new Map<string, LineBasis>();
  const lines = order['lines'] as readonly unknown[];
  for (let i = 0; i < lines.length; i++) {
    const basis = checkLine(lines[i], currency, `lines[${i}]`, true);
    if (basis instanceof OrderEditError) return basis;
    const id = (lines[i] as OrderLine).id;
    if (bases.has(id))
      return fail('duplicate_line_id', `lines[${i}].id: "${id}" is used twice.`, {
        field: `lines[${i}].id`,
        lineId: id,
      });
    bases.set(id, basis);
  }
  const payments = order['payments'] as readonly unknown[];
  for (let i = 0; i < payments.length; i++) {
    const p = payments[i];
    if (!isObject(p) || !isMoneyIn(p['captured'], currency) || !isMoneyIn(p['refunded'], currency)) {
      const wrong = isObject(p) && isObject(p['captured']) && p['captured']['currency'] !== currency;
      return fail(
        wrong ? 'currency_mismatch' : 'invalid_order',
        `payments[${i}]: expected captured and refunded Money in ${currency}.`,
        {
          field: `payments[${i}]`,
        },
      );
    }
  }
  for (const [f, list] of [
    ['shipments', order['shipments']],
    ['returns', order['returns']],
  ] as const) {
    const items = list as readonly unknown[];
    for (let i = 0; i < items.length; i++) {
      const s = items[i];
      if (!isObject(s) || !Array.isArray(s['lines'])) {
        return fail('invalid_order', `${f}[${i}]: expected an object with lines.`, { field: `${f}[${i}]` });
      }
      for (const l of s['lines'] as readonly unknown[]) {
        if (!isObject(l) || typeof l['lineId'] !== 'string' || !isCount(l['quantity'])) {
          return fail('invalid_order', `${f}[${i}].lines: expected { lineId, quantity } entries.`, {
            field: `${f}[${i}].lines`,
          });
        }
      }
      if (f === 'returns' && s['resolutionAmount'] !== undefined && !isMoneyIn(s['resolutionAmount'], currency)) {
        return fail('invalid_order', `returns[${i}].resolutionAmount: expected Money in ${currency}.`, {
          field: `returns[${i}].resolutionAmount`,
        });
      }
    }
  }
  return bases;
}
