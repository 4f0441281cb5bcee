import { isRecord, show } from '../../../core/show.js';
import { InventoryError, type InventoryErrorCode } from '../../errors.js';
import { own } from '../../internal/fold.js';

// Input checks shared by the ATP functions: each refusal names the field and the reason.

/** A refusal naming the field. */
export function refuse(code: InventoryErrorCode, field: string, reason: string): InventoryError {
  return new InventoryError(code, `${field}: ${reason}`, { field });
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** A non-negative safe integer, or the refusal. */
export function checkCount(
  value: unknown,
  field: string,
  code: InventoryErrorCode,
  positive = false,
): InventoryError | undefined {
  if (isCount(value) && (!positive || value > 0)) return undefined;
  return refuse(code, field, `expected a ${positive ? 'positive' : 'non-negative'} safe integer, got ${show(value)}.`);
}

/**
 * The policy's figures for one SKU, checked (only the entries that are read: a bad figure for
 * another SKU is not this call's concern).
 */
export function policyFor(
  policy: unknown,
  sku: string,
): { safetyStock: number; backorderLimit: number } | InventoryError {
  if (policy === undefined) return { safetyStock: 0, backorderLimit: 0 };
  if (!isRecord(policy)) return refuse('invalid_options', 'policy', `expected an object, got ${show(policy)}.`);
  const figures = { safetyStock: 0, backorderLimit: 0 };
  for (const field of ['safetyStock', 'backorderLimit'] as const) {
    const table = policy[field];
    if (table === undefined) continue;
    if (!isRecord(table))
      return refuse('invalid_options', `policy.${field}`, `expected a record of units per SKU, got ${show(table)}.`);
    const value = own(table as Record<string, unknown>, sku);
    if (value === undefined) continue;
    const bad = checkCount(value, `policy.${field}[${show(sku)}]`, 'invalid_options');
    if (bad !== undefined) return bad;
    figures[field] = value as number;
  }
  return figures;
}

/** An optional non-empty string option, or the refusal. */
export function checkOptionalString(
  value: unknown,
  field: string,
  code: InventoryErrorCode,
): InventoryError | undefined {
  if (value === undefined || isNonEmptyString(value)) return undefined;
  return refuse(code, field, `expected a non-empty string when present, got ${show(value)}.`);
}

/**
 * Checks a time-phased input without allocating: on hand a safe integer, at least one period, each
 * with non-negative safe-integer receipts and demand, and every running sum a safe integer.
 */
export function checkTimePhased(input: unknown): InventoryError | undefined {
  if (!isRecord(input)) return refuse('invalid_request', 'input', `expected { onHand, periods }, got ${show(input)}.`);
  const onHand = input['onHand'];
  if (typeof onHand !== 'number' || !Number.isSafeInteger(onHand))
    return refuse('invalid_request', 'onHand', `expected a safe integer, got ${show(onHand)}.`);
  const periods = input['periods'];
  if (!Array.isArray(periods) || periods.length === 0)
    return refuse('invalid_request', 'periods', `expected a non-empty array of periods, got ${show(periods)}.`);
  // Every running sum is bounded by |onHand| + Σ receipts + Σ demand.
  let bound = Math.abs(onHand);
  for (let t = 0; t < periods.length; t++) {
    const period: unknown = periods[t];
    if (!isRecord(period))
      return refuse('invalid_request', `periods[${t}]`, `expected { receipts, demand }, got ${show(period)}.`);
    const receipts = period['receipts'];
    const demand = period['demand'];
    if (!isCount(receipts)) return checkCount(receipts, `periods[${t}].receipts`, 'invalid_request');
    if (!isCount(demand)) return checkCount(demand, `periods[${t}].demand`, 'invalid_request');
    const label = period['label'];
    if (label !== undefined && typeof label !== 'string')
      return refuse('invalid_request', `periods[${t}].label`, `expected a string when present, got ${show(label)}.`);
    bound += receipts + demand;
  }
  if (!Number.isSafeInteger(bound))
    return refuse(
      'invalid_request',
      'periods',
      'the running sums of on hand, receipts and demand exceed the safe integers.',
    );
  return undefined;
}
