import { err, ok, type Result } from '../../core/result.js';
import { ADDRESS_FIELDS } from '../internal/address.js';
import { ZERO_QUANTITIES } from '../internal/ledger.js';
import type { LineSourcing, Order, OrderEdit, OrderLine } from '../types.js';
import { OrderEditError } from './errors.js';
import { lineBasis, lineFieldsFor, prefixAmounts, prefixInRange } from './internal/amounts.js';
import { checkLine, checkNow, checkOrder, fail, isCalendarDate, isCount, isObject, show } from './internal/checks.js';
import {
  activeUnits,
  cancellableUnits,
  cancelOnLine,
  committedUnits,
  dueAndCaptured,
  indexOfLine,
  inSafeRange,
  moneyEffects,
  startWork,
  toBalance,
  type Work,
} from './internal/work.js';
import type { OrderEditOutcome } from './types.js';

const AMOUNT_FIELDS = [
  'unitPrice',
  'subtotal',
  'discounts',
  'discountTotal',
  'net',
  'tax',
  'total',
  'taxLines',
] as const;

/**
 * Applies a list of order edits — add or remove lines, change quantities, the delivery address or
 * the requested delivery date — all or nothing, in order, and says what changed, what is still to
 * collect or to refund, and which effects the host must carry out.
 *
 * `transition()` (event `edit_order`) is the normal entry point: it checks the state and the change
 * cutoff, calls this, bumps `version` and appends the history entry. This function does neither.
 *
 * Rules (amounts always from stored amounts, never re-spread; other lines are never touched):
 * - `add_line`: the id must be new, money in the order currency, amounts consistent; quantities start at
 *   zero; `sourcing` defaults to `make_to_order` for `make_to_order` and `configured` orders, else `stock`.
 *   Nothing is reserved: allocation is a separate event.
 * - `remove_line`: only a line with nothing allocated, picked, shipped, returned or in a shipment
 *   (`line_in_fulfillment` otherwise; cancel its units with `cancel_lines` instead).
 * - `change_quantity`: `quantity` is the number of units wanted (ordered − cancelled after the edit).
 *   Down: exactly like cancelling the difference (the last units; unallocated first, then allocated
 *   units not in a shipment, which are released); never below the units shipped, picked or in a
 *   shipment (`quantity_below_fulfilled`). Up: cancelled units are reinstated first (at their stored
 *   amounts), then the line is extended to the new quantity with amounts F(q) by the same rule as
 *   {@link lineAmountsForUnits} (subtotal × q / n floored, split among net, tax and discounts by the
 *   D'Hondt method): exact and never re-spread, though per-unit shares of a line whose amounts do not
 *   divide evenly may move by a minor unit. With `repriced` (the host re-ran pricing) the line takes
 *   those amounts as they are; `repriced` needs a line without cancelled units and a quantity not
 *   below the allocated units.
 * - `change_address` sets `customer.deliveryAddress` (string fields only); `change_requested_date`
 *   sets `fulfillment.requestedDeliveryDate` (a real `YYYY-MM-DD` not before `now`'s date).
 *
 * Effects: `release_stock` for allocated units a quantity decrease gave back; `refund_payment` (and a
 * `refund_issued` notice) for the part of the decrease of the amount due that is already captured.
 *
 * @param order - The order (not mutated).
 * @param edits - The edits, applied in order.
 * @param options - `now`: the current instant (ISO 8601 with offset).
 * @returns The outcome, or the first edit's error (`details.index` names it); the order is then unchanged.
 * @example
 * ```ts
 * import { money, toDecimal } from 'ordercore/money';
 * import { applyOrderEdits, type Order } from 'ordercore/orders';
 *
 * const usd = (a: string) => money(a, 'USD');
 * const order = {
 *   id: 'o-1', version: 3, type: 'stock', state: 'confirmed', currency: 'USD', channel: 'web', priority: 'normal',
 *   customer: { accountId: 'c-1', deliveryAddress: { line1: '1 Main St', country: 'US' } },
 *   lines: [{ id: 'l1', sku: 'MUG', description: 'Mug', quantity: 3, unitPrice: usd('10.00'), subtotal: usd('30.00'),
 *     discounts: [{ promotionId: 'order-1', amount: usd('1.00') }], discountTotal: usd('1.00'), net: usd('29.00'),
 *     tax: usd('0'), total: usd('29.00'), sourcing: 'stock',
 *     quantities: { allocated: 0, picked: 0, shipped: 0, delivered: 0, cancelled: 0, returned: 0, backordered: 0 } }],
 *   shipping: { net: usd('0'), tax: usd('0') }, fulfillment: {},
 *   terms: { paymentTerms: { kind: 'prepaid' }, creditApproved: false }, timestamps: { orderedAt: '2026-11-22T10:00:00Z' },
 *   payments: [{ id: 'p1', state: 'captured', method: 'card', authorized: usd('29.00'), captured: usd('29.00'), refunded: usd('0') }],
 *   shipments: [], returns: [], approvals: [], history: [],
 * } satisfies Order;
 *
 * const r = applyOrderEdits(order, [{ kind: 'change_quantity', lineId: 'l1', quantity: 2 }], { now: '2026-11-23T09:00:00Z' });
 * r.ok && r.value.order.lines[0]?.quantities.cancelled; //=> 1
 * r.ok && toDecimal(r.value.balance.toRefund); //=> '9.66'
 * r.ok && r.value.order.version; //=> 3
 * ```
 */
export function applyOrderEdits(
  order: Order,
  edits: readonly OrderEdit[],
  options: { readonly now: string },
): Result<OrderEditOutcome, OrderEditError> {
  const bad = checkNow(options);
  if (bad !== undefined) return err(bad);
  const bases = checkOrder(order);
  if (bases instanceof OrderEditError) return err(bases);
  if (!Array.isArray(edits)) return err(fail('invalid_edit', 'edits: expected an array of edits.', { field: 'edits' }));
  const before = dueAndCaptured(order, order.lines, bases);
  if (!inSafeRange(before.due))
    return err(fail('amount_out_of_range', 'The order total is beyond the safe range.', {}));
  const work = startWork(order, bases);
  let customer = order.customer;
  let fulfillment = order.fulfillment;
  for (let index = 0; index < edits.length; index++) {
    const edit: unknown = edits[index];
    if (!isObject(edit))
      return err(fail('invalid_edit', `edits[${index}]: expected an edit object, got ${show(edit)}.`, { index }));
    const kind = edit['kind'];
    let problem: OrderEditError | undefined;
    switch (kind) {
      case 'add_line':
        problem = addLine(work, edit, index);
        break;
      case 'remove_line':
        problem = removeLine(work, edit, index);
        break;
      case 'change_quantity':
        problem = changeQuantity(work, edit, index);
        break;
      case 'change_address': {
        const address = edit['address'];
        if (!isObject(address)) {
          problem = fail('invalid_edit', `edits[${index}].address: expected an address object.`, {
            index,
            field: 'address',
          });
          break;
        }
        const next: Record<string, string> = {};
        for (const f of ADDRESS_FIELDS) {
          const v = address[f];
          if (v === undefined) continue;
          if (typeof v !== 'string') {
            problem = fail('invalid_edit', `edits[${index}].address.${f}: expected a string, got ${show(v)}.`, {
              index,
              field: `address.${f}`,
            });
            break;
          }
          next[f] = v;
        }
        if (problem !== undefined) break;
        work.diff.push({
          kind: 'change_address',
          field: 'customer.deliveryAddress',
          before: customer.deliveryAddress,
          after: next,
        });
        customer = { ...customer, deliveryAddress: next };
        break;
      }
      case 'change_requested_date': {
        const date = edit['requestedDeliveryDate'];
        if (!isCalendarDate(date)) {
          problem = fail(
            'invalid_edit',
            `edits[${index}].requestedDeliveryDate: ${show(date)} is not a YYYY-MM-DD date.`,
            {
              index,
              field: 'requestedDeliveryDate',
            },
          );
          break;
        }
        // The instant's own calendar date (its first ten characters, in its own offset).
        const today = options.now.slice(0, 10);
        if (date < today) {
          problem = fail('invalid_edit', `edits[${index}].requestedDeliveryDate: ${date} is before today (${today}).`, {
            index,
            field: 'requestedDeliveryDate',
          });
          break;
        }
        work.diff.push({
          kind: 'change_requested_date',
          field: 'fulfillment.requestedDeliveryDate',
          before: fulfillment.requestedDeliveryDate ?? null,
          after: date,
        });
        fulfillment = { ...fulfillment, requestedDeliveryDate: date };
        break;
      }
      default:
        problem = fail('invalid_edit', `edits[${index}].kind: ${show(kind)} is not an edit kind.`, {
          index,
          field: 'kind',
        });
    }
    if (problem !== undefined) return err(problem);
  }
  const after = dueAndCaptured(order, work.lines, work.bases);
  if (!inSafeRange(after.due))
    return err(fail('amount_out_of_range', 'The edited order total is beyond the safe range.', {}));
  const edited: Order = { ...order, customer, fulfillment, lines: work.lines };
  const balance = toBalance(after.due, after.netCaptured, order.currency);
  return ok({
    order: edited,
    diff: work.diff,
    balance: { toCollect: balance.toCollect, toRefund: balance.toRefund },
    effects: moneyEffects(work, before, after, 'order_edited'),
  });
}

function defaultSourcing(order: Order): LineSourcing {
  return order.type === 'make_to_order' || order.type === 'configured' ? 'make_to_order' : 'stock';
}

/** Builds a line from the known fields of a caller's line only (nothing else is carried over). */
export function lineFromInput(input: Readonly<Record<string, unknown>>, sourcing: LineSourcing): OrderLine {
  const line: Record<string, unknown> = {};
  for (const f of [
    'id',
    'sku',
    'description',
    'category',
    'quantity',
    'unitPrice',
    'unitPriceSource',
    'subtotal',
  ] as const) {
    if (input[f] !== undefined) line[f] = input[f];
  }
  line['discounts'] = Array.isArray(input['discounts']) ? input['discounts'].slice() : input['discounts'];
  for (const f of [
    'discountTotal',
    'net',
    'tax',
    'taxLines',
    'total',
    'locationId',
    'allowSubstitutes',
    'substitutedFor',
  ] as const) {
    if (input[f] !== undefined) line[f] = input[f];
  }
  if (typeof line['description'] !== 'string')
    line['description'] = typeof input['sku'] === 'string' ? input['sku'] : '';
  line['sourcing'] = sourcing;
  line['quantities'] = ZERO_QUANTITIES;
  return line as unknown as OrderLine;
}

/** Adds a line (shared with substitutions); returns an error or the new line's index. */
export function addLineTo(
  work: Work,
  edit: Readonly<Record<string, unknown>>,
  index: number,
  kind: 'add_line' | 'substitution',
): OrderEditError | number {
  const input = edit['line'];
  const at = `edits[${index}].line`;
  if (!isObject(input))
    return fail('invalid_edit', `${at}: expected a line object, got ${show(input)}.`, { index, field: 'line' });
  const sourcing = input['sourcing'];
  if (sourcing !== undefined && sourcing !== 'stock' && sourcing !== 'make_to_order') {
    return fail('invalid_edit', `${at}.sourcing: ${show(sourcing)} is not stock or make_to_order.`, {
      index,
      field: 'line.sourcing',
    });
  }
  for (const f of ['locationId', 'description', 'category'] as const) {
    if (input[f] !== undefined && typeof input[f] !== 'string') {
      return fail('invalid_edit', `${at}.${f}: expected a string, got ${show(input[f])}.`, {
        index,
        field: `line.${f}`,
      });
    }
  }
  const substitutedFor = input['substitutedFor'];
  if (
    substitutedFor !== undefined &&
    (!isObject(substitutedFor) ||
      typeof substitutedFor['lineId'] !== 'string' ||
      typeof substitutedFor['sku'] !== 'string')
  ) {
    return fail('invalid_edit', `${at}.substitutedFor: expected { lineId, sku }.`, {
      index,
      field: 'line.substitutedFor',
    });
  }
  if (input['allowSubstitutes'] !== undefined && typeof input['allowSubstitutes'] !== 'boolean') {
    return fail('invalid_edit', `${at}.allowSubstitutes: expected a boolean.`, {
      index,
      field: 'line.allowSubstitutes',
    });
  }
  const line = lineFromInput(input, (sourcing as LineSourcing | undefined) ?? defaultSourcing(work.order));
  const basis = checkLine(line, work.order.currency, at, false);
  if (basis instanceof OrderEditError) {
    return new OrderEditError(basis.code === 'invalid_order' ? 'invalid_edit' : basis.code, basis.message, {
      ...basis.details,
      index,
    });
  }
  if (line.quantity < 1) {
    return fail('invalid_quantity', `${at}.quantity: an added line needs at least one unit.`, {
      index,
      field: 'line.quantity',
    });
  }
  if (indexOfLine(work, line.id) >= 0) {
    return fail('duplicate_line_id', `${at}.id: "${line.id}" is already a line of the order.`, {
      index,
      lineId: line.id,
    });
  }
  work.lines.push(line);
  work.bases.set(line.id, basis);
  work.diff.push({ kind, lineId: line.id, field: 'line', before: null, after: line });
  return work.lines.length - 1;
}

function addLine(work: Work, edit: Readonly<Record<string, unknown>>, index: number): OrderEditError | undefined {
  const r = addLineTo(work, edit, index, 'add_line');
  return typeof r === 'number' ? undefined : r;
}

function findLine(work: Work, edit: Readonly<Record<string, unknown>>, index: number): OrderEditError | number {
  const i = indexOfLine(work, edit['lineId']);
  if (i < 0) {
    return fail('unknown_line', `edits[${index}].lineId: ${show(edit['lineId'])} is not a line of the order.`, {
      index,
      field: 'lineId',
      lineId: typeof edit['lineId'] === 'string' ? edit['lineId'] : null,
    });
  }
  return i;
}

function removeLine(work: Work, edit: Readonly<Record<string, unknown>>, index: number): OrderEditError | undefined {
  const i = findLine(work, edit, index);
  if (typeof i !== 'number') return i;
  const line = work.lines[i] as OrderLine;
  const q = line.quantities;
  if (q.allocated > 0 || q.picked > 0 || q.shipped > 0 || q.returned > 0 || committedUnits(work.order, line) > 0) {
    return fail(
      'line_in_fulfillment',
      `edits[${index}]: line "${line.id}" has allocated or fulfilled units; cancel its open units with cancel_lines instead.`,
      { index, lineId: line.id, allocated: q.allocated, shipped: q.shipped },
    );
  }
  work.lines.splice(i, 1);
  work.bases.delete(line.id);
  work.diff.push({ kind: 'remove_line', lineId: line.id, field: 'line', before: line, after: null });
  return undefined;
}

function changeQuantity(
  work: Work,
  edit: Readonly<Record<string, unknown>>,
  index: number,
): OrderEditError | undefined {
  const i = findLine(work, edit, index);
  if (typeof i !== 'number') return i;
  const line = work.lines[i] as OrderLine;
  const wanted = edit['quantity'];
  if (!isCount(wanted)) {
    return fail('invalid_quantity', `edits[${index}].quantity: ${show(wanted)} is not a non-negative safe integer.`, {
      index,
      field: 'quantity',
      lineId: line.id,
    });
  }
  const committed = committedUnits(work.order, line);
  if (wanted < committed) {
    return fail(
      'quantity_below_fulfilled',
      `edits[${index}].quantity: ${wanted} is below the ${committed} unit(s) shipped, picked or in a shipment.`,
      {
        index,
        field: 'quantity',
        lineId: line.id,
        minimum: committed,
      },
    );
  }
  if (edit['repriced'] !== undefined) return reprice(work, i, edit['repriced'], wanted, index);
  const active = activeUnits(line);
  if (wanted < active) {
    // Cannot exceed what is cancellable: wanted ≥ committed.
    cancelOnLine(work, i, Math.min(active - wanted, cancellableUnits(work.order, line)), 'change_quantity');
    return undefined;
  }
  if (wanted === active) return undefined;
  const q = line.quantities;
  const reinstated = Math.min(q.cancelled, wanted - active);
  let next: OrderLine = line;
  if (reinstated > 0) {
    next = { ...next, quantities: { ...q, cancelled: q.cancelled - reinstated } };
    work.diff.push({
      kind: 'change_quantity',
      lineId: line.id,
      field: 'quantities.cancelled',
      before: q.cancelled,
      after: q.cancelled - reinstated,
    });
  }
  const extra = wanted - active - reinstated;
  if (extra > 0) {
    const basis = work.bases.get(line.id);
    if (basis === undefined)
      return fail('invalid_order', `Line "${line.id}" has no stored amounts.`, { lineId: line.id });
    const newQuantity = line.quantity + extra;
    if (!Number.isSafeInteger(newQuantity) || !prefixInRange(prefixAmounts(basis, newQuantity))) {
      return fail(
        'amount_out_of_range',
        `edits[${index}].quantity: the line's amounts for ${wanted} units are beyond the safe range.`,
        {
          index,
          lineId: line.id,
        },
      );
    }
    const fields = lineFieldsFor(basis, line, newQuantity);
    next = { ...next, ...fields, quantity: newQuantity };
    work.diff.push({
      kind: 'change_quantity',
      lineId: line.id,
      field: 'quantity',
      before: line.quantity,
      after: newQuantity,
    });
    pushAmountDiff(work, line, next);
    work.bases.set(line.id, lineBasis(next, work.order.currency) as typeof basis);
  }
  work.lines[i] = next;
  return undefined;
}

function pushAmountDiff(work: Work, before: OrderLine, after: OrderLine): void {
  for (const f of AMOUNT_FIELDS) {
    const a = before[f];
    const b = after[f];
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      work.diff.push({ kind: 'change_quantity', lineId: before.id, field: f, before: a ?? null, after: b ?? null });
    }
  }
}

function reprice(work: Work, i: number, repriced: unknown, wanted: number, index: number): OrderEditError | undefined {
  const line = work.lines[i] as OrderLine;
  const q = line.quantities;
  if (!isObject(repriced)) {
    return fail('invalid_edit', `edits[${index}].repriced: expected the re-priced line amounts.`, {
      index,
      field: 'repriced',
    });
  }
  if (q.cancelled > 0) {
    return fail(
      'invalid_edit',
      `edits[${index}].repriced: line "${line.id}" has cancelled units; re-pricing would lose their stored amounts.`,
      {
        index,
        field: 'repriced',
        lineId: line.id,
      },
    );
  }
  if (wanted < q.allocated) {
    return fail(
      'quantity_below_fulfilled',
      `edits[${index}].quantity: ${wanted} is below the ${q.allocated} allocated unit(s); cancel them first.`,
      {
        index,
        field: 'quantity',
        lineId: line.id,
        minimum: q.allocated,
      },
    );
  }
  if (wanted === 0) {
    return fail('invalid_quantity', `edits[${index}].quantity: a re-priced line needs at least one unit.`, {
      index,
      field: 'quantity',
    });
  }
  const candidate: Record<string, unknown> = { ...line, quantity: wanted };
  for (const f of AMOUNT_FIELDS) {
    if (f === 'taxLines') {
      delete candidate['taxLines'];
      if (repriced['taxLines'] !== undefined) candidate['taxLines'] = repriced['taxLines'];
    } else candidate[f] = repriced[f];
  }
  const basis = checkLine(candidate, work.order.currency, `edits[${index}].repriced`, false);
  if (basis instanceof OrderEditError) {
    return new OrderEditError(basis.code === 'invalid_order' ? 'invalid_edit' : basis.code, basis.message, {
      ...basis.details,
      index,
    });
  }
  const next = {
    ...(candidate as unknown as OrderLine),
    quantities: { ...q, backordered: Math.min(q.backordered, wanted - q.allocated) },
  };
  if (wanted !== line.quantity) {
    work.diff.push({
      kind: 'change_quantity',
      lineId: line.id,
      field: 'quantity',
      before: line.quantity,
      after: wanted,
    });
  }
  if (next.quantities.backordered !== q.backordered) {
    work.diff.push({
      kind: 'change_quantity',
      lineId: line.id,
      field: 'quantities.backordered',
      before: q.backordered,
      after: next.quantities.backordered,
    });
  }
  pushAmountDiff(work, line, next);
  work.lines[i] = next;
  work.bases.set(line.id, basis);
  return undefined;
}
