import * as z from 'zod';

/** True for `{...}` literals and `JSON.parse` objects: no class instances, no arrays, no odd prototypes. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * A strict object schema that first insists on a plain object, so values inherited through a
 * `__proto__` (`{ __proto__: { amount: '1' } }`) are never read as if they were the input's own.
 */
export function plainObject<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z
    .custom<Record<string, unknown>>(isPlainObject, {
      message: 'expected a plain object',
      params: { code: 'invalid_type' },
    })
    .pipe(z.strictObject(shape));
}
