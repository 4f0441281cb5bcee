import { isRecord, show } from '../../core/show.js';
import { KpiError } from '../errors.js';
import { accumulator, count, type Definition, put, ratio } from '../internal/accumulator.js';
import type { KpiAccumulator } from '../types.js';

/**
 * The parts of picking productivity.
 *
 * @example
 * ```ts
 * import { pickingProductivity } from 'ordercore/kpi';
 *
 * pickingProductivity().create(); //=> { cases: 0, lines: 0, labourHours: 0, employees: {} }
 * ```
 */
export interface PickingState {
  /** Cases picked. */
  readonly cases: number;
  /** Lines picked. */
  readonly lines: number;
  /** Hours worked. */
  readonly labourHours: number;
  /** The employees seen (a set: merging takes the union, so nobody is counted twice across shards). */
  readonly employees: Readonly<Record<string, true>>;
}

/**
 * Picking productivity figures, each `null` with a zero base.
 *
 * @example
 * ```ts
 * import type { PickingProductivity } from 'ordercore/kpi';
 *
 * const p: PickingProductivity = { casesPerLabourHour: 56, linesPerLabourHour: 50, casesPerEmployee: 420, linesPerEmployee: 375, employees: 1 };
 * p.employees; //=> 1
 * ```
 */
export interface PickingProductivity {
  /** Cases ÷ labour hours. */
  readonly casesPerLabourHour: number | null;
  /** Lines ÷ labour hours. */
  readonly linesPerLabourHour: number | null;
  /** Cases ÷ distinct employees (the seeds' "cases picked per employee"). */
  readonly casesPerEmployee: number | null;
  /** Lines ÷ distinct employees. */
  readonly linesPerEmployee: number | null;
  /** Distinct employees. */
  readonly employees: number;
}

type M = { cases: number; lines: number; labourHours: number; employees: Record<string, true> };

function addEmployee(employees: Record<string, true>, id: string): void {
  put(employees, id, true);
}

export const PICKING: Definition<PickingState, PickingProductivity> = {
  create: () => ({ cases: 0, lines: 0, labourHours: 0, employees: {} }),
  step(state, record, index) {
    if (record.type !== 'picking') return;
    const s = state as M;
    if (typeof record.employeeId !== 'string' || record.employeeId.length === 0)
      throw new KpiError(
        'invalid_record',
        `records[${index}].employeeId: expected a non-empty string, got ${show(record.employeeId)}.`,
        {
          index,
          field: 'employeeId',
        },
      );
    s.cases += count(record.cases, index, 'cases');
    s.lines += count(record.lines, index, 'lines');
    s.labourHours += count(record.labourHours, index, 'labourHours');
    addEmployee(s.employees, record.employeeId);
  },
  mergeInto(target, source) {
    const t = target as M;
    t.cases += source.cases;
    t.lines += source.lines;
    t.labourHours += source.labourHours;
    for (const id of Object.keys(source.employees)) addEmployee(t.employees, id);
  },
  load: (s) => ({ cases: s.cases, lines: s.lines, labourHours: s.labourHours, employees: { ...s.employees } }),
  save: (s) => s,
  isState: (v): v is PickingState =>
    isRecord(v) &&
    typeof v['cases'] === 'number' &&
    typeof v['lines'] === 'number' &&
    typeof v['labourHours'] === 'number' &&
    isRecord(v['employees']),
  result(s) {
    const employees = Object.keys(s.employees).length;
    return {
      casesPerLabourHour: ratio(s.cases, s.labourHours),
      linesPerLabourHour: ratio(s.lines, s.labourHours),
      casesPerEmployee: ratio(s.cases, employees),
      linesPerEmployee: ratio(s.lines, employees),
      employees,
    };
  },
};

/**
 * Cases and lines picked per labour hour and per employee, from `picking` records. Employees are
 * counted once however many records (shifts, shards) they appear in.
 *
 * @returns A mergeable accumulator of {@link PickingProductivity}.
 * @example
 * ```ts
 * import { pickingProductivity } from 'ordercore/kpi';
 *
 * const kpi = pickingProductivity();
 * const state = kpi.add(kpi.create(), [
 *   { type: 'picking', at: '2026-11-02T14:00:00Z', employeeId: 'e-7', cases: 420, lines: 380, labourHours: 7.5 },
 *   { type: 'picking', at: '2026-11-03T14:00:00Z', employeeId: 'e-7', cases: 420, lines: 370, labourHours: 7.5 },
 * ]);
 * kpi.result(state); //=> { casesPerLabourHour: 56, linesPerLabourHour: 50, casesPerEmployee: 840, linesPerEmployee: 750, employees: 1 }
 * ```
 */
export function pickingProductivity(): KpiAccumulator<PickingState, PickingProductivity> {
  return accumulator(PICKING);
}
