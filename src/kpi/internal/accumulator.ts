import { isRecord, show } from '../../core/show.js';
import { KpiError } from '../errors.js';
import type { KpiAccumulator, KpiRecord } from '../types.js';

/**
 * How a KPI folds records: an imperative core on a state it owns (fast: `kpiReport` runs it over
 * millions of records), wrapped by `accumulator` into the pure, mergeable public form.
 */
export interface Definition<S, V> {
  /** A fresh, empty state. */
  create(): S;
  /** Adds one record into `state` (owned by the caller of step). */
  step(state: S, record: KpiRecord, index: number): void;
  /** Adds `source`'s counts into `target` (owned). */
  mergeInto(target: S, source: S): void;
  /** A deep copy. */
  clone(state: S): S;
  /** Whether a value is a state of this KPI (merging foreign data is refused). */
  isState(value: unknown): value is S;
  /** The figure. */
  result(state: S): V;
}

/** The pure, mergeable accumulator of a definition. */
export function accumulator<S, V>(definition: Definition<S, V>): KpiAccumulator<S, V> {
  const own = (state: unknown, field: string): S => {
    if (!definition.isState(state))
      throw new KpiError('invalid_state', `${field}: ${show(state)} is not a state this accumulator created.`, {
        field,
      });
    return definition.clone(state);
  };
  return {
    create: () => definition.create(),
    add(state, records) {
      const next = own(state, 'state');
      if (!Array.isArray(records))
        throw new KpiError('invalid_record', 'records: expected an array of records.', { field: 'records' });
      for (let i = 0; i < records.length; i += 1) definition.step(next, checkRecord(records[i], i), i);
      return next;
    },
    merge(a, b) {
      const next = own(a, 'a');
      if (!definition.isState(b))
        throw new KpiError('invalid_state', `b: ${show(b)} is not a state this accumulator created.`, { field: 'b' });
      definition.mergeInto(next, b);
      return next;
    },
    result: (state) => {
      if (!definition.isState(state))
        throw new KpiError('invalid_state', `state: ${show(state)} is not a state this accumulator created.`, {
          field: 'state',
        });
      return definition.result(state);
    },
  };
}

const TYPES = new Set(['order', 'shipment', 'return', 'cost', 'cogs', 'inventory_snapshot', 'picking', 'receipt']);

/** A record with a known type, or an `invalid_record`. (Fields are checked by the KPIs that read them.) */
export function checkRecord(record: unknown, index: number): KpiRecord {
  if (!isRecord(record) || typeof record['type'] !== 'string' || !TYPES.has(record['type']))
    throw new KpiError(
      'invalid_record',
      `records[${index}].type: expected a KPI record with a known type, got ${show(isRecord(record) ? record['type'] : record)}.`,
      {
        index,
        field: 'type',
      },
    );
  return record as unknown as KpiRecord;
}

/** A non-negative finite count from a record, or an `invalid_record` naming it. */
export function count(value: unknown, index: number, field: string): number {
  if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value))
    throw new KpiError(
      'invalid_record',
      `records[${index}].${field}: expected a non-negative number, got ${show(value)}.`,
      { index, field },
    );
  return value;
}

/** Whether a value is a plain object with these numeric fields. */
export function hasNumbers(value: unknown, fields: readonly string[]): value is Record<string, number> {
  if (!isRecord(value)) return false;
  for (const f of fields) if (typeof value[f] !== 'number') return false;
  return true;
}

/** Ratio result: null when nothing is in the base. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
