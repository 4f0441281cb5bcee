import {
  checkInstant,
  checkString,
  instantMillis,
  isNonNegativeInt,
  isPositiveInt,
  isRecord,
  issue,
} from '../internal/checks.js';
import { notify } from '../internal/effects.js';
import { POLICY_GUARDS, ROUTING_GUARDS } from '../internal/guards.js';
import { defineMachine } from '../machine/defineMachine.js';
import type { EventDefinition, Machine, MachineEvent, MachineUpdate } from '../machine/types.js';
import type { Order, OrderEffect, OrderEvent, ServiceJob } from '../types.js';

type Ev<T extends OrderEvent['type']> = Extract<OrderEvent, { type: T }>;

/** A `release_parts` effect for the parts a service job holds, if any (nothing before completion is consumed). */
function releaseParts(order: Order): OrderEffect[] {
  const job = order.service;
  if (job?.parts === undefined || job.parts.length === 0 || job.state === 'completed') return [];
  return [{ type: 'release_parts', orderId: order.id, parts: job.parts }];
}

const e = (event: MachineEvent) => event as unknown as Record<string, unknown>;

const EVENTS: readonly EventDefinition[] = [
  {
    type: 'schedule_appointment',
    validate: (ev) =>
      checkInstant(e(ev), 'from') ??
      checkInstant(e(ev), 'until') ??
      (instantMillis(e(ev)['from']) < instantMillis(e(ev)['until'])
        ? undefined
        : issue('until', 'expected an instant after from')),
    description: 'An appointment window is agreed.',
  },
  {
    type: 'assign_technician',
    validate: (ev) => checkString(e(ev), 'technicianId'),
    description: 'A technician is assigned.',
  },
  {
    type: 'allocate_parts',
    validate: (ev) => {
      const parts = e(ev)['parts'];
      if (!Array.isArray(parts) || parts.length === 0) return issue('parts', 'expected a non-empty array');
      for (let i = 0; i < parts.length; i++) {
        const part: unknown = parts[i];
        if (!isRecord(part)) return issue(`parts[${i}]`, 'expected an object');
        const sku = checkString(part, 'sku');
        if (sku !== undefined) return issue(`parts[${i}].sku`, sku.message);
        if (!isPositiveInt(part['quantity'])) return issue(`parts[${i}].quantity`, 'expected a positive safe integer');
      }
      return undefined;
    },
    description: 'Parts for the job are set aside.',
  },
  { type: 'start_service', description: 'Work starts.' },
  {
    type: 'complete_service',
    validate: (ev) =>
      (typeof e(ev)['notes'] === 'string' ? undefined : issue('notes', 'expected a string')) ??
      (isNonNegativeInt(e(ev)['laborMinutes'])
        ? undefined
        : issue('laborMinutes', 'expected a non-negative safe integer')),
    description: 'Work is done: the completion record is kept.',
  },
  { type: 'cancel', follow: true },
];

const setService =
  (change: (job: ServiceJob, event: MachineEvent, now: string) => ServiceJob): MachineUpdate =>
  (order, event, ctx) => ({ ...order, service: change(order.service as ServiceJob, event, ctx.now) });

/**
 * Builds the default service machine: the service job of a service order (`order.service`, created
 * in `requested` by `createOrder` for orders of type `'service'`).
 *
 * `schedule_appointment` → `scheduled` (the customer is told; the order, following it, moves to
 * `in_fulfillment`; scheduling again reschedules) → `assign_technician` → `technician_assigned`
 * (reassigning is allowed) → optionally `allocate_parts` → `parts_allocated` → `start_service` →
 * `in_progress` → `complete_service` → `completed` with a completion record (when, technician,
 * notes, labour minutes). The order's `cancel` moves an unfinished job to `cancelled`. Guard:
 * `order_not_on_hold` on every step.
 *
 * @returns A new validated machine.
 * @example
 * ```ts
 * import { serviceMachine } from 'ordercore/orders';
 *
 * serviceMachine().initial; //=> 'requested'
 * ```
 */
export function serviceMachine(): Machine {
  const hold = ['order_not_on_hold'];
  return defineMachine({
    id: 'service',
    entity: 'service',
    initial: 'requested',
    states: {
      requested: { description: 'Asked for; no appointment yet.' },
      scheduled: { description: 'Appointment agreed.' },
      technician_assigned: { description: 'A technician is assigned.' },
      parts_allocated: { description: 'Parts set aside.' },
      in_progress: { description: 'Work under way.' },
      completed: { final: true, description: 'Done, with a completion record.' },
      cancelled: { final: true, description: 'Cancelled with the order.' },
    },
    events: EVENTS,
    transitions: [
      {
        from: ['requested', 'scheduled'],
        event: 'schedule_appointment',
        to: 'scheduled',
        guards: hold,
        update: setService((job, ev) => ({
          ...job,
          appointment: {
            from: (ev as Ev<'schedule_appointment'>).from,
            until: (ev as Ev<'schedule_appointment'>).until,
          },
        })),
        effects: (_p, next, ev) => {
          const a = ev as Ev<'schedule_appointment'>;
          return [notify(next, { kind: 'service_scheduled', from: a.from, until: a.until })];
        },
      },
      {
        from: ['scheduled', 'technician_assigned'],
        event: 'assign_technician',
        to: 'technician_assigned',
        guards: hold,
        update: setService((job, ev) => ({ ...job, technicianId: (ev as Ev<'assign_technician'>).technicianId })),
      },
      {
        from: 'technician_assigned',
        event: 'allocate_parts',
        to: 'parts_allocated',
        guards: hold,
        update: setService((job, ev) => ({
          ...job,
          parts: (ev as Ev<'allocate_parts'>).parts.map((p) => ({ sku: p.sku, quantity: p.quantity })),
        })),
        // The parts are reserved like stock for a line; allocating again replaces the reservation.
        effects: (previous, next) => [
          ...releaseParts(previous),
          { type: 'reserve_parts', orderId: next.id, parts: next.service?.parts ?? [] },
        ],
      },
      { from: ['technician_assigned', 'parts_allocated'], event: 'start_service', to: 'in_progress', guards: hold },
      {
        from: 'in_progress',
        event: 'complete_service',
        to: 'completed',
        guards: hold,
        update: setService((job, ev, now) => {
          const c = ev as Ev<'complete_service'>;
          return {
            ...job,
            completion: {
              completedAt: now,
              technicianId: job.technicianId ?? '',
              notes: c.notes,
              laborMinutes: c.laborMinutes,
            },
          };
        }),
      },
      {
        from: ['requested', 'scheduled', 'technician_assigned', 'parts_allocated', 'in_progress'],
        event: 'cancel',
        to: 'cancelled',
        // Parts reserved for a job that will not happen go back.
        effects: (previous) => releaseParts(previous),
      },
    ],
    guards: { ...POLICY_GUARDS, ...ROUTING_GUARDS },
  });
}
