/**
 * A short rendering of any caller-supplied value for a message that can never throw itself (no
 * `String()` on objects: a null-prototype object or a hostile `toString` would throw a TypeError).
 */
export function show(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'bigint':
      return `${value.toString()}n`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      return value === null ? 'null' : Array.isArray(value) ? 'an array' : 'an object';
  }
}

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
