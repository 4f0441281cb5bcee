import { isRecord } from '../../../core/show.js';

export { isRecord, show } from '../../../core/show.js';

/** An own property of a record, or undefined: never reads the prototype chain ('constructor', '__proto__'). */
export function own(record: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Money as `{ amount: safe integer, currency: string }`. */
export interface MoneyLike {
  readonly amount: number;
  readonly currency: string;
}

export function isMoneyLike(value: unknown): value is MoneyLike {
  if (!isRecord(value)) return false;
  const { amount, currency } = value;
  return typeof amount === 'number' && Number.isSafeInteger(amount) && typeof currency === 'string' && currency !== '';
}
