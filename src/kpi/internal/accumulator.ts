import { isRecord, show } from '../../core/show.js';
import { KpiError } from '../errors.js';
import type { KpiAccumulator, KpiRecord } from '../types.js';

/**
 * How a KPI folds records: an imperative core on a working state W it owns (fast: `kpiReport` runs it
 * over millions of records), wrapped by `accumulator` into the pure, mergeable public form whose
 * states S are plain JSON data. For most KPIs W is S; histograms work on a Map and publish an object.
 */
export interface Definition<S, V, W = S> {
  /** A fresh, empty working state. */
  create(): W;
  /** Adds one record into a working state. */
  step(state: W, record: KpiRecord, index: number): void;
  /** Adds `source`'s counts into `target`. */
  mergeInto(target: W, source: W): void;
  /** A fresh working copy of a published state. */
  load(state: S): W;
  /**
   * Adds a published state's counts into a working state without copying it first (merging many
   * states reads each once). Absent when the working state is the published one: `mergeInto` serves.
   */
  mergeFrom?(target: W, source: S): void;
  /** The published (plain data) form of a working state. */
  save(state: W): S;
  /** Whether a value is a published state of this KPI (merging foreign data is refused). */
  isState(value: unknown): value is S;
  /** The figure. */
  result(state: W): V;
}

/** The pure, mergeable accumulator of a definition. */
export function accumulator<S, V, W>(definition: Definition<S, V, W>): KpiAccumulator<S, V> {
  const load = (state: unknown, field: string): W => {
    if (!definition.isState(state))
      throw new KpiError('invalid_state', `${field}: ${show(state)} is not a state this accumulator created.`, {
        field,
      });
    return definition.load(state);
  };
  const mergeFrom = (target: W, source: unknown, field: string): void => {
    if (!definition.isState(source))
      throw new KpiError('invalid_state', `${field}: ${show(source)} is not a state this accumulator created.`, {
        field,
      });
    if (definition.mergeFrom !== undefined) definition.mergeFrom(target, source);
    // Without mergeFrom the working state is the published one (W = S), and mergeInto only reads its source.
    else definition.mergeInto(target, source as unknown as W);
  };
  return {
    create: () => definition.save(definition.create()),
    add(state, records) {
      const next = load(state, 'state');
      if (!Array.isArray(records))
        throw new KpiError('invalid_record', 'records: expected an array of records.', { field: 'records' });
      for (let i = 0; i < records.length; i += 1) definition.step(next, checkRecord(records[i], i), i);
      return definition.save(next);
    },
    merge(a, b) {
      const next = load(a, 'a');
      mergeFrom(next, b, 'b');
      return definition.save(next);
    },
    mergeAll(states) {
      if (!Array.isArray(states))
        throw new KpiError('invalid_state', 'states: expected an array of states.', { field: 'states' });
      const next = definition.create();
      for (let i = 0; i < states.length; i += 1) mergeFrom(next, states[i], `states[${i}]`);
      return definition.save(next);
    },
    result: (state) => definition.result(load(state, 'state')),
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

/** An own-property write safe for any key (plain assignment to '__proto__' would set the prototype). */
export function put<T>(map: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__')
    Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
  else map[key] = value;
}
