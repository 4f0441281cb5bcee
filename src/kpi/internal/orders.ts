import { isRecord, show } from '../../core/show.js';
import { KpiError } from '../errors.js';
import type { KpiOrderRecord } from '../types.js';
import { count } from './accumulator.js';
import { instantMs, recordInstant } from './time.js';

/** What the order-quality KPIs need from one order record, read and checked once. */
export interface OrderFacts {
  /** Cancelled by the customer: excluded from order-quality KPIs. */
  readonly customerCancelled: boolean;
  /** Cancelled by the seller: a failed order. */
  readonly sellerCancelled: boolean;
  readonly placed: number;
  readonly committed: number;
  readonly shipped: number;
  readonly delivered: number;
  /** Every line shipped at least its ordered quantity. */
  readonly inFull: boolean;
  readonly lines: number;
  readonly linesFilled: number;
  readonly unitsOrdered: number;
  readonly unitsFilled: number;
  readonly backordered: boolean;
  readonly documentsCorrect: boolean;
  readonly damaged: boolean;
  readonly accurate: boolean;
}

function optionalInstant(value: unknown, index: number, field: string): number {
  if (value === undefined) return Number.NaN;
  const ms = instantMs(value);
  if (Number.isNaN(ms)) return recordInstant(value, index, field);
  return ms;
}

function flag(value: unknown, fallback: boolean, index: number, field: string): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean')
    throw new KpiError('invalid_record', `records[${index}].${field}: expected a boolean, got ${show(value)}.`, {
      index,
      field,
    });
  return value;
}

/** Reads an order record's facts (NaN for absent instants), or an `invalid_record` naming the field. */
export function orderFacts(order: KpiOrderRecord, index: number, placedMs?: number): OrderFacts {
  const placed = placedMs ?? recordInstant(order.placedAt, index, 'placedAt');
  const cancelledBy = order.cancelledBy;
  if (cancelledBy !== undefined && cancelledBy !== 'customer' && cancelledBy !== 'seller')
    throw new KpiError(
      'invalid_record',
      `records[${index}].cancelledBy: ${show(cancelledBy)} is not 'customer' or 'seller'.`,
      {
        index,
        field: 'cancelledBy',
      },
    );
  const lines = order.lines;
  if (!Array.isArray(lines))
    throw new KpiError('invalid_record', `records[${index}].lines: expected an array.`, { index, field: 'lines' });
  let linesFilled = 0;
  let unitsOrdered = 0;
  let unitsFilled = 0;
  let backordered = false;
  for (let j = 0; j < lines.length; j += 1) {
    const line: unknown = lines[j];
    if (!isRecord(line))
      throw new KpiError('invalid_record', `records[${index}].lines[${j}]: expected a line object.`, {
        index,
        field: `lines[${j}]`,
      });
    const ordered = count(line['ordered'], index, `lines[${j}].ordered`);
    const shipped = count(line['shipped'], index, `lines[${j}].shipped`);
    const filled = Math.min(shipped, ordered);
    unitsOrdered += ordered;
    unitsFilled += filled;
    if (filled === ordered) linesFilled += 1;
    if (line['backordered'] !== undefined && count(line['backordered'], index, `lines[${j}].backordered`) > 0)
      backordered = true;
  }
  return {
    customerCancelled: cancelledBy === 'customer',
    sellerCancelled: cancelledBy === 'seller',
    placed,
    committed: optionalInstant(order.committedAt, index, 'committedAt'),
    shipped: optionalInstant(order.shippedAt, index, 'shippedAt'),
    delivered: optionalInstant(order.deliveredAt, index, 'deliveredAt'),
    inFull: linesFilled === lines.length,
    lines: lines.length,
    linesFilled,
    unitsOrdered,
    unitsFilled,
    backordered,
    documentsCorrect: flag(order.documentsCorrect, true, index, 'documentsCorrect'),
    damaged: flag(order.damaged, false, index, 'damaged'),
    accurate: flag(order.accurate, true, index, 'accurate'),
  };
}

/**
 * Orders whose delivery promise can be judged: not cancelled by the customer, with a commitment, and
 * with an outcome (delivered, or cancelled by the seller — a failed promise). Open orders wait.
 */
export function judgeable(f: OrderFacts): boolean {
  return !f.customerCancelled && !Number.isNaN(f.committed) && (!Number.isNaN(f.delivered) || f.sellerCancelled);
}

/** Delivered in full, on or before the (re-baselined) commitment. */
export function onTimeInFull(f: OrderFacts): boolean {
  return !f.sellerCancelled && !Number.isNaN(f.delivered) && f.delivered <= f.committed && f.inFull;
}
