// The one scaffold of every inventory operation (the ledger's receive, adjust, transfer, schedule,
// return and cycle count; the reservations' reserve, extend, release, commit, expire, deallocate and
// ship): check the options and the request, recognise a replay of a known key, plan the entries and
// preconditions against the state, stamp the entries (`${key}#${i}`, `at`, `operation`) and apply the
// intent the way an adapter would (`applyIntent`: the one fold, no balance is written here).

import { err, ok, type Result } from '../../core/result.js';
import { show } from '../../core/show.js';
import { applyIntent } from '../applyIntent.js';
import { InventoryError } from '../errors.js';
import type {
  InventoryIntent,
  InventoryOperation,
  InventoryOperationKind,
  InventoryPrecondition,
  InventoryState,
  LedgerEntry,
  StockBalance,
} from '../types.js';
import { own } from './fold.js';
import { type CheckedOptions, checkOptions, requestRecord, text } from './requests.js';

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

/** Code-unit order of two strings: a total order that never depends on the locale. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The balance of a SKU at a location in a state, if the ledger ever moved it. */
export function balanceOf(state: InventoryState, sku: string, location: string): StockBalance | undefined {
  const bySku = own(state.balances, sku);
  return bySku === undefined ? undefined : own(bySku, location);
}

/** The entry ids a key already wrote, or undefined when the key was never applied. */
export function appliedEntryIds(state: InventoryState, key: string): readonly string[] | undefined {
  return own(state.operations, key)?.entryIds;
}

/** `idempotency_key_reused`: the key did something visibly different from this request. */
export function keyReused(key: string, why: string): InventoryError {
  return new InventoryError(
    'idempotency_key_reused',
    `request.key: ${show(key)} was already used for a different request (${why}).`,
    { field: 'key', key },
  );
}

/** The replay of an applied key: nothing written, the input state returned. */
export function replay(
  state: InventoryState,
  key: string,
  kind: InventoryOperationKind,
): Result<InventoryOperation, InventoryError> {
  return ok({ state, intent: { key, kind, entries: [], preconditions: [] }, replayed: true });
}

/** Stamps draft entries with ids, `at` and `operation`, in order. */
export function stamp(key: string, now: string, drafts: readonly DraftEntry[]): LedgerEntry[] {
  return drafts.map((draft, i) => ({ id: `${key}#${i}`, ...draft, at: now, operation: key }));
}

/** The intent that appends the drafts once, only if the key was never applied and the preconditions hold. */
export function intentOf(
  key: string,
  kind: InventoryOperationKind,
  now: string,
  drafts: readonly DraftEntry[],
  preconditions: readonly InventoryPrecondition[] = [],
): InventoryIntent {
  return {
    key,
    kind,
    entries: stamp(key, now, drafts),
    preconditions: [{ kind: 'operation_absent', key }, ...preconditions],
  };
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
  const intent = intentOf(key, kind, now, drafts, preconditions);
  const applied = applyIntent(state, intent);
  if (!applied.ok) return applied;
  return ok({ state: applied.value.state, intent, replayed: applied.value.replayed });
}

/** Copies the optional string fields that are present onto a draft. */
export function withOptional(draft: DraftEntry, fields: Readonly<Record<string, string | undefined>>): DraftEntry {
  const target = draft as Record<string, unknown>;
  for (const name of Object.keys(fields)) {
    const value = fields[name];
    if (value !== undefined) target[name] = value;
  }
  return draft;
}

/** What an operation writes: the entries, in order, and the preconditions besides `operation_absent`. */
export interface OperationPlan {
  /** The entries to append (stamped by `operationOf`). */
  readonly entries: readonly DraftEntry[];
  /** What must still hold when they are appended (default: nothing but the key's absence). */
  readonly preconditions?: readonly InventoryPrecondition[];
}

/** What a replay is checked against: the state and the key it already applied. */
export interface ReplayContext {
  /** The state the operation reads. */
  readonly state: InventoryState;
  /** The idempotency key. */
  readonly key: string;
}

/** What a plan is made against: the checked options, the state and the idempotency key. */
export interface OperationContext extends CheckedOptions, ReplayContext {}

/** One operation's own parts; the scaffold around them is `settle`'s and `runOperation`'s. */
export interface OperationSpec<F> {
  /** The operation the intent comes from. */
  readonly kind: InventoryOperationKind;
  /**
   * For a key already applied: throws `idempotency_key_reused` when what the key wrote visibly
   * differs from this request (default: every replay is accepted).
   */
  readonly replayed?: (fields: F, written: readonly string[], context: ReplayContext) => void;
  /** The entries and preconditions for a new key; refusals are thrown as InventoryErrors. */
  readonly plan: (fields: F, context: OperationContext) => OperationPlan;
}

/**
 * Finishes an operation whose fields are checked: the replay of a known key (input state, nothing
 * written), else the plan stamped into an intent and applied. Run it inside `guard`.
 */
export function settle<F>(
  state: InventoryState,
  key: string,
  options: CheckedOptions,
  fields: F,
  spec: OperationSpec<F>,
): Result<InventoryOperation, InventoryError> {
  const written = appliedEntryIds(state, key);
  if (written !== undefined) {
    spec.replayed?.(fields, written, { state, key });
    return replay(state, key, spec.kind);
  }
  const { entries, preconditions = [] } = spec.plan(fields, { ...options, state, key });
  return operationOf(state, key, spec.kind, options.now, entries, preconditions);
}

/**
 * An operation whose request carries its idempotency key: checks the options, the request and its
 * `key` (in that order, so the first refusal is always the same), then `read`'s fields, then settles.
 */
export function runOperation<F>(
  state: InventoryState,
  request: unknown,
  options: unknown,
  spec: OperationSpec<F> & {
    /** Reads and checks the request's own fields (after the options and the key). */
    readonly read: (request: Record<string, unknown>, options: CheckedOptions) => F;
  },
): Result<InventoryOperation, InventoryError> {
  return guard(() => {
    const checked = checkOptions(options);
    const r = requestRecord(request);
    const key = text(r, 'key');
    return settle(state, key, checked, spec.read(r, checked), spec);
  });
}
