import { err, ok, type Result } from '../core/result.js';
import { OrderTransitionError } from './errors.js';
import { isRecord } from './internal/checks.js';
import { applyEvent, orderIssue, readSettings } from './internal/engine.js';
import { sameData } from './internal/sameData.js';
import type { OrderMachines } from './machine/types.js';
import type { HistoryEntry, Order } from './types.js';

/**
 * Options of `replay`.
 *
 * @example
 * ```ts
 * import { defaultMachines, type ReplayOptions } from 'ordercore/orders';
 *
 * const options: ReplayOptions = { machines: defaultMachines() };
 * options.machines?.order?.id; //=> 'order'
 * ```
 */
export interface ReplayOptions {
  /** The machines the history was written with (defaults for whatever is missing). */
  readonly machines?: Partial<OrderMachines>;
}

function mismatch(index: number, field: string, message: string) {
  return err(new OrderTransitionError('replay_mismatch', `history[${index}].${field}: ${message}.`, { index, field }));
}

/**
 * Rebuilds an order from its history: the first entry's `place` event carries the initial order,
 * and every later entry's event is applied again at its recorded instant by its recorded actor.
 * Policy guards are not evaluated again (the events were accepted when they happened, perhaps under
 * other options), but every event must still be valid, find its transition, and land where the entry
 * says (`from`, `to`, `machine`, `entityId`, `seq`, and the recorded `diff` of an edit, compared as
 * data), or `replay_mismatch` names the entry. An edit entry that records no diff is accepted, and
 * the rebuilt entry carries the diff the event makes.
 *
 * @param history - An order's `history` (e.g. loaded from an event store).
 * @param options - `machines`, when the order ran on extended machines.
 * @returns The order, deep-equal to the one that wrote the history, or a typed error.
 * @example
 * ```ts
 * import { createOrder, replay, transition } from 'ordercore/orders';
 *
 * const now = '2026-11-22T10:00:00Z';
 * const actor = { kind: 'user', id: 'agent-7' } as const;
 * const created = createOrder(
 *   { id: 'o-1', type: 'service', currency: 'USD', channel: 'phone', customer: { accountId: 'c-1', deliveryAddress: {} },
 *     lines: [], terms: { paymentTerms: { kind: 'net', days: 30 }, creditApproved: true } },
 *   { now, actor },
 * );
 * if (!created.ok) throw created.error;
 * const held = transition(created.value.order, { type: 'hold', reason: 'call back' }, { now, actor });
 * if (!held.ok) throw held.error;
 * const rebuilt = replay(held.value.order.history);
 * rebuilt.ok && rebuilt.value.state; //=> 'on_hold'
 * rebuilt.ok && JSON.stringify(rebuilt.value) === JSON.stringify(held.value.order); //=> true
 * ```
 */
export function replay(
  history: readonly HistoryEntry[],
  options: ReplayOptions = {},
): Result<Order, OrderTransitionError> {
  if (!Array.isArray(history) || history.length === 0) {
    return err(
      new OrderTransitionError('invalid_history', 'history: expected a non-empty array of entries.', {
        field: 'history',
      }),
    );
  }
  const machines = isRecord(options) ? (options as ReplayOptions).machines : undefined;
  let order: Order | undefined;
  for (let i = 0; i < history.length; i++) {
    const entry: unknown = history[i];
    if (!isRecord(entry) || !isRecord(entry['event'])) {
      return err(
        new OrderTransitionError('invalid_history', `history[${i}]: expected an entry with an event.`, { index: i }),
      );
    }
    const e = entry as unknown as HistoryEntry;
    const settings = readSettings(
      {
        now: e.at,
        actor: e.actor,
        ...(machines === undefined ? {} : { machines }),
        ...(e.reason === undefined ? {} : { reason: e.reason }),
      },
      true,
    );
    if (!settings.ok) {
      return err(
        new OrderTransitionError('invalid_history', `history[${i}]: ${settings.error.message}`, {
          index: i,
          ...settings.error.details,
        }),
      );
    }
    if (order === undefined) {
      const start = (e.event as { order?: unknown }).order;
      if (e.event.type !== 'place' || orderIssue(start) !== undefined || (start as Order).history.length !== 0) {
        return err(
          new OrderTransitionError(
            'invalid_history',
            'history[0]: expected a place event carrying the initial order.',
            { index: 0 },
          ),
        );
      }
      order = start as Order;
    }
    const applied = applyEvent(order, e.event, settings.value);
    if (!applied.ok) {
      return err(
        new OrderTransitionError('replay_mismatch', `history[${i}]: ${applied.error.message}`, {
          index: i,
          cause: applied.error.toJSON(),
        }),
      );
    }
    const got = applied.value.entry;
    if (got.seq !== e.seq) return mismatch(i, 'seq', `expected ${got.seq}, got ${String(e.seq)}`);
    if (got.machine !== e.machine)
      return mismatch(i, 'machine', `the event is handled by ${got.machine}, not ${String(e.machine)}`);
    if (got.entityId !== e.entityId) return mismatch(i, 'entityId', `the event addresses ${String(got.entityId)}`);
    if (got.from !== e.from) return mismatch(i, 'from', `the ${got.machine} was ${got.from}, not ${String(e.from)}`);
    if (got.to !== e.to) return mismatch(i, 'to', `the event leads to ${got.to}, not ${String(e.to)}`);
    // A recorded order move must be the one the event makes again (absent: accepted, recomputed).
    if (e.order !== undefined && (got.order?.from !== e.order.from || got.order?.to !== e.order.to)) {
      return mismatch(i, 'order', 'the event moves the order differently than the entry records');
    }
    // A recorded diff must be the one the event makes again; an entry without one (written before
    // entries recorded diffs, or stripped by the host) is accepted and gets the recomputed diff.
    if (e.diff !== undefined && !sameData(got.diff ?? [], e.diff)) {
      return mismatch(i, 'diff', 'the event changes other fields or values than the entry records');
    }
    order = applied.value.order;
  }
  return ok(order as Order);
}
