// Shared by the schema test files: hostile values, the check that a parser refused them cleanly,
// and a way to plant a value anywhere inside a valid input.
import fc from 'fast-check';
import { expect } from 'vitest';
import { ValidationError } from '../../src/core/errors.js';
import type { Result } from '../../src/core/result.js';

/** Anything fast-check can build, including null prototypes, boxed values, maps, sparse and typed arrays. */
export const anything = fc.anything({
  withBigInt: true,
  withNullPrototype: true,
  withObjectString: true,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
  withDate: true,
});

/**
 * A parser's refusal is a ValidationError with issues — and never parseInput's `unreadable_input`
 * safety net: the schemas themselves never throw on these values (no throwing getters here), so
 * that code would mean a check read a field that failed its own rule.
 */
export function checkNeverThrows(result: Result<unknown, ValidationError>): void {
  if (result.ok) return;
  expect(result.error).toBeInstanceOf(ValidationError);
  expect(result.error.issues.length).toBeGreaterThan(0);
  expect(result.error.issues.map((i) => i.code)).not.toContain('unreadable_input');
}

export type Path = readonly (string | number)[];

/** Every path into a JSON value, the root included. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const here = [prefix];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (typeof value === 'object' && value !== null) {
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  }
  return here;
}

/** A copy of `value` with the value at `path` replaced. */
export function replaceAt(value: unknown, path: Path, replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaceAt(v, rest, replacement) : v));
  const copy = { ...(value as Record<string, unknown>) };
  copy[head] = replaceAt(copy[head], rest, replacement);
  return copy;
}
