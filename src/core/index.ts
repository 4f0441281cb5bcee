// Internal module: shared by every ordercore module, re-exported from the root `ordercore` entry.
export { err, ok } from './result.js';
export type { Err, Ok, Result } from './result.js';
export { isOrdercoreError, OrdercoreError, ValidationError } from './errors.js';
export type { ErrorDetails, ValidationIssue } from './errors.js';
