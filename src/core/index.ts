// Internal module: shared by every ordercore module, re-exported from the root `ordercore` entry.

export type { ErrorDetails, OrdercoreErrorJSON, ValidationIssue } from './errors.js';
export { isOrdercoreError, OrdercoreError, ValidationError } from './errors.js';
export type { Err, Ok, Result } from './result.js';
export { err, ok } from './result.js';
