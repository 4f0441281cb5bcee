// Shared by the ledger operations: request and option checks that name the field, the replay of a
// known key, and turning entries plus preconditions into an applied `InventoryOperation`.
//
// Checks throw an InventoryError that `guard` turns into a Result: a refusal deep inside a check
// must not need every caller to thread a Result through.

import { parseInstant } from '../../../core/instant.js';
import { err, ok, type Result } from '../../../core/result.js';
import { isRecord, show } from '../../../core/show.js';
import { applyIntent } from '../../applyIntent.js';
import { InventoryError } from '../../errors.js';
import { own } from '../../internal/fold.js';
import type {
  AvailabilityPolicy,
  InventoryIntent,
  InventoryOperation,
  InventoryOperationKind,
  InventoryPrecondition,
  InventoryState,
  LedgerEntry,
} from '../../types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
/** A ledger entry under construction (id, `at` and `operation` are stamped by `operationOf`). */
export type DraftEntry = Omit<Mutable<LedgerEntry>, 'id' | 'at' | 'operation'>;

/** Runs checks that throw InventoryErrors and returns their refusal as a value. */
export function guard<T>(run: () => Result<T, InventoryError>): Result<T, InventoryError> {
  try {
    return run();
  } catch (error) {
    if (error instanceof InventoryError) return err(error);
    throw error;
  }
}

export function invalidRequest(field: string, reason: string, details: Record<string, unknown> = {}): InventoryError {
  return new InventoryError('invalid_request', `request.${field}: ${reason}`, { field, ...details });
}

/** The request as a record, or a refusal. */
export function requestRecord(request: unknown, name = 'request'): Record<string, unknown> {
  if (!isRecord(request))
    throw new InventoryError('invalid_request', `${name}: expected an object, got ${show(request)}.`, {
      field: '(request)',
    });
  return request;
}

/** A required non-empty string field. */
export function text(record: Record<string, unknown>, field: string, prefix = ''): string {
  const value = Object.hasOwn(record, field) ? record[field] : undefined;
  if (typeof value !== 'string' || value.length === 0)
    throw invalidRequest(`${prefix}${field}`, `expected a non-empty string, got ${show(value)}.`);
  return value;
}

/** A required string that says something (not blank). */
export function reasonText(record: Record<string, unknown>, field: string): string {
  const value = text(record, field);
  if (value.trim().length === 0) throw invalidRequest(field, 'must not be blank.');
  return value;
}

/** An optional non-empty string field (absent or undefined: undefined). */
export function optionalText(record: Record<string, unknown>, field: string, prefix = ''): string | undefined {
  const value = Object.hasOwn(record, field) ? record[field] : undefined;
  if (value === undefined) return undefined;
  return text(record, field, prefix);
}

/** A safe integer field with a sign rule. */
export function integer(
  record: Record<string, unknown>,
  field: string,
  rule: 'positive' | 'nonzero' | 'nonnegative' | 'any',
  prefix = '',
): number {
  const value = Object.hasOwn(record, field) ? record[field] : undefined;
  const fits =
    typeof value === 'number' &&
    Number.isSafeInteger(value) &&
    (rule === 'positive' ? value > 0 : rule === 'nonzero' ? value !== 0 : rule === 'nonnegative' ? value >= 0 : true);
  if (!fits) {
    const wanted =
      rule === 'positive'
        ? 'a positive'
        : rule === 'nonzero'
          ? 'a non-zero'
          : rule === 'nonnegative'
            ? 'a non-negative'
            : 'a';
    throw invalidRequest(`${prefix}${field}`, `expected ${wanted} safe integer, got ${show(value)}.`);
  }
  return value as number;
}

/** An optional instant field. */
export function optionalInstant(record: Record<string, unknown>, field: string): string | undefined {
  const value = Object.hasOwn(record, field) ? record[field] : undefined;
  if (value === undefined) return undefined;
  if (parseInstant(value) === undefined)
    throw new InventoryError(
      'invalid_instant',
      `request.${field}: ${show(value)} is not an ISO 8601 instant with an offset.`,
      { field },
    );
  return value as string;
}

/** The options' `now` (and policy shape), or a refusal. */
export function checkOptions(options: unknown): { now: string; nowMs: number; policy: AvailabilityPolicy | undefined } {
  if (!isRecord(options))
    throw new InventoryError('invalid_options', `options: expected an object, got ${show(options)}.`, {
      field: '(options)',
    });
  const now = options['now'];
  const nowMs = parseInstant(now);
  if (nowMs === undefined)
    throw new InventoryError(
      'invalid_instant',
      `options.now: ${show(now)} is not an ISO 8601 instant with an offset.`,
      {
        field: 'now',
      },
    );
  const policy = options['policy'];
  if (policy !== undefined) {
    if (!isRecord(policy))
      throw new InventoryError('invalid_options', `options.policy: expected an object, got ${show(policy)}.`, {
        field: 'policy',
      });
    for (const part of ['safetyStock', 'backorderLimit'] as const) {
      const table = policy[part];
      if (table === undefined) continue;
      if (!isRecord(table))
        throw new InventoryError('invalid_options', `options.policy.${part}: expected an object, got ${show(table)}.`, {
          field: `policy.${part}`,
        });
      for (const sku of Object.keys(table)) {
        const units = table[sku];
        if (typeof units !== 'number' || !Number.isSafeInteger(units) || units < 0)
          throw new InventoryError(
            'invalid_options',
            `options.policy.${part}[${show(sku)}]: expected a non-negative safe integer, got ${show(units)}.`,
            { field: `policy.${part}`, sku },
          );
      }
    }
  }
  return { now: now as string, nowMs, policy: policy as AvailabilityPolicy | undefined };
}

/** Whether `key` was already applied: the operation is then a replay that writes nothing. */
export function replayOf(
  state: InventoryState,
  key: string,
  kind: InventoryOperationKind,
): Result<InventoryOperation, InventoryError> | undefined {
  if (own(state.operations, key) === undefined) return undefined;
  return ok({ state, intent: { key, kind, entries: [], preconditions: [] }, replayed: true });
}

/** Stamps draft entries with ids, `at` and `operation`, in order. */
export function stamp(key: string, now: string, drafts: readonly DraftEntry[]): LedgerEntry[] {
  return drafts.map((draft, i) => ({ id: `${key}#${i}`, ...draft, at: now, operation: key }));
}

/** The intent for drafts, applied to `state` the way an adapter would (`applyIntent`). */
export function operationOf(
  state: InventoryState,
  key: string,
  kind: InventoryOperationKind,
  now: string,
  drafts: readonly DraftEntry[],
  preconditions: readonly InventoryPrecondition[] = [],
): Result<InventoryOperation, InventoryError> {
  const intent: InventoryIntent = {
    key,
    kind,
    entries: stamp(key, now, drafts),
    preconditions: [{ kind: 'operation_absent', key }, ...preconditions],
  };
  const applied = applyIntent(state, intent);
  if (!applied.ok) return applied;
  return ok({ state: applied.value.state, intent, replayed: applied.value.replayed });
}

/** Copies the optional string fields that are present onto a draft. */
export function withOptional(
  draft: DraftEntry,
  fields: Partial<Record<'reason' | 'reference' | 'receiptId' | 'expectedAt' | 'transferId', string | undefined>>,
): DraftEntry {
  for (const [field, value] of Object.entries(fields)) {
    if (value !== undefined) (draft as Record<string, unknown>)[field] = value;
  }
  return draft;
}
