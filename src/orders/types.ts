import type { Money } from '../money/index.js';
import type { LineDiscount, PriceSource, TaxLine } from '../pricing/types.js';
import type { OrderDiffEntry } from './edits/types.js';

// The order model shared by every part of `ordercore/orders`: the machines (transition, replay,
// projections), validation, approval routing, prioritisation, edits and exceptions.
//
// Conventions (DESIGN.md): plain readonly JSON data; money as `Money` (integer minor units, one
// currency per order); instants as ISO 8601 strings with an explicit offset (`Instant`); calendar
// dates as `'YYYY-MM-DD'` (`CalendarDate`); quantities are non-negative safe integers.

/**
 * A point in time: an ISO 8601 string with an explicit offset, e.g. `'2026-11-22T10:00:00Z'`. The
 * offset in the string is the time zone; nothing in `ordercore/orders` reads the host's.
 *
 * @example
 * ```ts
 * import type { Instant } from 'ordercore/orders';
 *
 * const cutoff: Instant = '2026-11-22T14:00:00-05:00';
 * new Date(cutoff).toISOString(); //=> '2026-11-22T19:00:00.000Z'
 * ```
 */
export type Instant = string;

/**
 * A calendar date without time zone, `'YYYY-MM-DD'` (requested delivery dates, release dates).
 *
 * @example
 * ```ts
 * import type { CalendarDate } from 'ordercore/orders';
 *
 * const requested: CalendarDate = '2026-12-24';
 * requested.split('-').map(Number); //=> [2026, 12, 24]
 * ```
 */
export type CalendarDate = string;

/**
 * The kinds of order the seeds name, in a fixed order.
 *
 * @example
 * ```ts
 * import { ORDER_TYPES } from 'ordercore/orders';
 *
 * ORDER_TYPES; //=> ['stock', 'make_to_order', 'configured', 'pre_order', 'service']
 * ```
 */
export const ORDER_TYPES = ['stock', 'make_to_order', 'configured', 'pre_order', 'service'] as const;
/**
 * An order type: stock, make-to-order, configured / engineer-to-order, pre-order or service order.
 *
 * @example
 * ```ts
 * import { ORDER_TYPES, type OrderType } from 'ordercore/orders';
 *
 * const type: OrderType = 'pre_order';
 * ORDER_TYPES.includes(type); //=> true
 * ```
 */
export type OrderType = (typeof ORDER_TYPES)[number];

/**
 * The order priorities, lowest first.
 *
 * @example
 * ```ts
 * import { ORDER_PRIORITIES } from 'ordercore/orders';
 *
 * ORDER_PRIORITIES.indexOf('urgent') > ORDER_PRIORITIES.indexOf('high'); //=> true
 * ```
 */
export const ORDER_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
/**
 * An order's priority, one of {@link ORDER_PRIORITIES}.
 *
 * @example
 * ```ts
 * import { ORDER_PRIORITIES, type OrderPriority } from 'ordercore/orders';
 *
 * const priority: OrderPriority = 'high';
 * ORDER_PRIORITIES.indexOf(priority); //=> 2
 * ```
 */
export type OrderPriority = (typeof ORDER_PRIORITIES)[number];

/**
 * A postal address. Every field is optional here; completeness rules live in `validateOrder`
 * (configurable per country).
 *
 * @example
 * ```ts
 * import type { Address } from 'ordercore/orders';
 *
 * const address: Address = { name: 'Ada Park', line1: '1 Main St', city: 'Springfield', postalCode: '62701', country: 'US' };
 * address.country; //=> 'US'
 * ```
 */
export interface Address {
  /** The recipient's name. */
  readonly name?: string;
  /** The company, when delivering to a business. */
  readonly company?: string;
  /** The first address line (street and number). */
  readonly line1?: string;
  /** The second address line (suite, floor, care of). */
  readonly line2?: string;
  /** The city or locality. */
  readonly city?: string;
  /** The state, province or region. */
  readonly region?: string;
  /** The postal or ZIP code. */
  readonly postalCode?: string;
  /** ISO 3166-1 alpha-2 country code. */
  readonly country?: string;
  /** A contact phone number. */
  readonly phone?: string;
  /** A contact email address. */
  readonly email?: string;
}

/**
 * Who ordered, who pays, where it goes.
 *
 * @example
 * ```ts
 * import type { OrderCustomer } from 'ordercore/orders';
 *
 * const customer: OrderCustomer = { accountId: 'c-1', tier: 'gold', deliveryAddress: { city: 'Springfield', country: 'US' } };
 * customer.billingAddress ?? customer.deliveryAddress; //=> { city: 'Springfield', country: 'US' }
 * ```
 */
export interface OrderCustomer {
  /** The customer account id. */
  readonly accountId: string;
  /** The legal entity invoiced, when it differs from the account. */
  readonly billingEntity?: string;
  /** Customer group (as in pricing), e.g. `'wholesale'`. */
  readonly group?: string;
  /** Customer tier for prioritisation, e.g. `'gold'`; ranks come from the prioritisation rules. */
  readonly tier?: string;
  /** Risk score 0–100 from the host's risk system (higher is riskier); approval rules read it. */
  readonly riskScore?: number;
  /** The delivery location. */
  readonly deliveryAddress: Address;
  /** The billing address; defaults to the delivery address. */
  readonly billingAddress?: Address;
}

/**
 * How a line is sourced: from stock (reserve) or produced for the order (schedule production).
 *
 * @example
 * ```ts
 * import { LINE_SOURCING } from 'ordercore/orders';
 *
 * LINE_SOURCING; //=> ['stock', 'make_to_order']
 * ```
 */
export const LINE_SOURCING = ['stock', 'make_to_order'] as const;
/**
 * A line's sourcing, one of {@link LINE_SOURCING}.
 *
 * @example
 * ```ts
 * import { LINE_SOURCING, type LineSourcing } from 'ordercore/orders';
 *
 * const sourcing: LineSourcing = 'make_to_order';
 * LINE_SOURCING.includes(sourcing); //=> true
 * ```
 */
export type LineSourcing = (typeof LINE_SOURCING)[number];

/**
 * A line's quantity ledger; every count is cumulative. Invariants (checked by
 * `orderInvariantViolations`): `delivered ≤ shipped ≤ picked ≤ allocated` for hosts that track
 * picking (hosts that do not may ship straight from allocated: `shipped ≤ allocated`),
 * `allocated + backordered ≤ ordered − cancelled`, `returned ≤ shipped`; all non-negative safe integers.
 * Cancelling a shipment that has not shipped gives its units back (allocated decreases, stock is released).
 *
 * @example
 * ```ts
 * import type { LineQuantities } from 'ordercore/orders';
 *
 * const q: LineQuantities = { allocated: 3, picked: 3, shipped: 2, delivered: 1, cancelled: 1, returned: 0, backordered: 1 };
 * q.allocated - q.shipped; //=> 1
 * ```
 */
export interface LineQuantities {
  /** Units allocated to the line (reserved from stock or produced), including those since picked and shipped. */
  readonly allocated: number;
  /** Units picked (in shipments whose picking has started). */
  readonly picked: number;
  /** Units handed to a carrier. */
  readonly shipped: number;
  /** Units delivered to the customer. */
  readonly delivered: number;
  /** Units cancelled: no longer to be fulfilled. */
  readonly cancelled: number;
  /** Units received back through returns. */
  readonly returned: number;
  /** Units waiting for stock or production, not allocated yet. */
  readonly backordered: number;
}

/**
 * One order line: what pricing priced, plus its fulfilment ledger.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { OrderLine } from 'ordercore/orders';
 *
 * const usd = (a: string) => money(a, 'USD');
 * const line: OrderLine = {
 *   id: 'l1', sku: 'MUG', description: 'Mug', quantity: 2, unitPrice: usd('8.50'), subtotal: usd('17.00'),
 *   discounts: [], discountTotal: usd('0'), net: usd('17.00'), tax: usd('1.36'), total: usd('18.36'),
 *   sourcing: 'stock',
 *   quantities: { allocated: 1, picked: 0, shipped: 0, delivered: 0, cancelled: 0, returned: 0, backordered: 1 },
 * };
 * line.total; //=> { amount: 1836, currency: 'USD' }
 * ```
 */
export interface OrderLine {
  /** The line id, unique within the order. */
  readonly id: string;
  /** The SKU ordered. */
  readonly sku: string;
  /** The line's description as shown to the customer. */
  readonly description: string;
  /** Category (as in the catalog), for approval rules and substitutions. */
  readonly category?: string;
  /** Units ordered (including any later cancelled; see `quantities.cancelled`). */
  readonly quantity: number;
  /** The unit price charged (from pricing). */
  readonly unitPrice: Money;
  /** Where the unit price came from (from pricing), when known. */
  readonly unitPriceSource?: PriceSource;
  /** `unitPrice × quantity` before discounts, as priced. */
  readonly subtotal: Money;
  /**
   * The discounts on this line as stored at pricing time (order-level discounts with this line's
   * share). Refunds and cancellations use these; nothing is ever re-spread.
   */
  readonly discounts: readonly LineDiscount[];
  /** Σ `discounts`. */
  readonly discountTotal: Money;
  /** The line without tax, after discounts. */
  readonly net: Money;
  /** The line's tax. */
  readonly tax: Money;
  /** The tax components (from pricing). */
  readonly taxLines?: readonly TaxLine[];
  /** `net + tax` for the full ordered quantity. */
  readonly total: Money;
  /** Stock or make-to-order. Defaults from the order type when the order is created. */
  readonly sourcing: LineSourcing;
  /** Preferred ship-from location. */
  readonly locationId?: string;
  /** Whether the customer accepts substitutes for this line. */
  readonly allowSubstitutes?: boolean;
  /** Expected availability of backordered units (from the context that backordered them). */
  readonly expectedAvailableAt?: Instant;
  /** Set when this line replaced another by substitution. */
  readonly substitutedFor?: {
    /** The id of the line replaced. */
    readonly lineId: string;
    /** The SKU of the line replaced. */
    readonly sku: string;
  };
  /** The line's fulfilment ledger. */
  readonly quantities: LineQuantities;
}

/**
 * Delivery requirements: when and how the customer wants the goods.
 *
 * @example
 * ```ts
 * import type { FulfillmentRequirements } from 'ordercore/orders';
 *
 * const fulfillment: FulfillmentRequirements = { requestedDeliveryDate: '2026-12-24', shippingMethod: 'express', specialHandling: ['fragile'] };
 * fulfillment.specialHandling?.includes('fragile'); //=> true
 * ```
 */
export interface FulfillmentRequirements {
  /** The date the customer asked to receive the goods. */
  readonly requestedDeliveryDate?: CalendarDate;
  /** The latest date the order must ship to be on time (computed or agreed). */
  readonly shipBy?: CalendarDate;
  /** Shipping method code, e.g. `'ground'`, `'express'`. */
  readonly shippingMethod?: string;
  /** Expedited shipping was bought. */
  readonly expedited?: boolean;
  /** Special handling codes, e.g. `'fragile'`, `'hazmat'`, `'liftgate'`. */
  readonly specialHandling?: readonly string[];
}

/**
 * Payment terms: paid before fulfilment, due a number of days after invoicing, or paid on delivery.
 *
 * @example
 * ```ts
 * import type { PaymentTerms } from 'ordercore/orders';
 *
 * const daysToPay = (terms: PaymentTerms): number => (terms.kind === 'net' ? terms.days : 0);
 * daysToPay({ kind: 'net', days: 30 }); //=> 30
 * ```
 */
export type PaymentTerms =
  | {
      /** Paid before fulfilment. */
      readonly kind: 'prepaid';
    }
  | {
      /** Invoiced, due `days` days later. */
      readonly kind: 'net';
      /** Days until payment is due. */
      readonly days: number;
    }
  | {
      /** Paid on delivery. */
      readonly kind: 'cash_on_delivery';
    };

/**
 * Financial terms of the order.
 *
 * @example
 * ```ts
 * import type { FinancialTerms } from 'ordercore/orders';
 *
 * const terms: FinancialTerms = { paymentTerms: { kind: 'net', days: 30 }, paymentMethod: 'invoice', creditApproved: true };
 * terms.creditApproved; //=> true
 * ```
 */
export interface FinancialTerms {
  /** When the order is to be paid. */
  readonly paymentTerms: PaymentTerms;
  /** Payment method code, e.g. `'card'`, `'invoice'`. */
  readonly paymentMethod?: string;
  /** Credit approval for terms orders: fulfilment before payment is allowed only when set. */
  readonly creditApproved: boolean;
  /** Tax jurisdiction code used at pricing. */
  readonly taxJurisdiction?: string;
}

/**
 * Status timestamps, set by the transitions that reach them.
 *
 * @example
 * ```ts
 * import type { OrderTimestamps } from 'ordercore/orders';
 *
 * const timestamps: OrderTimestamps = { orderedAt: '2026-11-22T10:00:00Z', confirmedAt: '2026-11-22T10:05:00Z' };
 * timestamps.shippedAt; //=> undefined
 * ```
 */
export interface OrderTimestamps {
  /** When the order was placed. */
  readonly orderedAt: Instant;
  /** When the order was confirmed. */
  readonly confirmedAt?: Instant;
  /** When the order is expected to ship (given at confirmation). */
  readonly expectedShipAt?: Instant;
  /** When the order's first shipment was handed to the carrier. */
  readonly shippedAt?: Instant;
  /** When the delivery that completed every unit still ordered arrived. */
  readonly deliveredAt?: Instant;
  /** When the order was completed. */
  readonly completedAt?: Instant;
  /** When the order was cancelled. */
  readonly cancelledAt?: Instant;
}

/**
 * Order states of the default order machine (hosts may add states; `Order.state` is then wider).
 *
 * @example
 * ```ts
 * import { ORDER_STATES } from 'ordercore/orders';
 *
 * ORDER_STATES.slice(0, 3); //=> ['placed', 'on_hold', 'pending_approval']
 * ```
 */
export const ORDER_STATES = [
  'placed',
  'on_hold',
  'pending_approval',
  'rejected',
  'confirmed',
  'awaiting_release',
  'in_production',
  'in_fulfillment',
  'completed',
  'cancelled',
  'closed',
] as const;
/**
 * A state of the default order machine, one of {@link ORDER_STATES}.
 *
 * @example
 * ```ts
 * import { ORDER_STATES, type OrderState } from 'ordercore/orders';
 *
 * const state: OrderState = 'in_fulfillment';
 * ORDER_STATES.includes(state); //=> true
 * ```
 */
export type OrderState = (typeof ORDER_STATES)[number];

/**
 * The states of the default payment machine.
 *
 * @example
 * ```ts
 * import { PAYMENT_STATES } from 'ordercore/orders';
 *
 * PAYMENT_STATES.includes('partially_refunded'); //=> true
 * ```
 */
export const PAYMENT_STATES = [
  'pending',
  'authorized',
  'partially_captured',
  'captured',
  'partially_refunded',
  'refunded',
  'voided',
  'failed',
] as const;
/**
 * A payment state, one of {@link PAYMENT_STATES}.
 *
 * @example
 * ```ts
 * import { PAYMENT_STATES, type PaymentState } from 'ordercore/orders';
 *
 * const state: PaymentState = 'authorized';
 * PAYMENT_STATES.indexOf(state); //=> 1
 * ```
 */
export type PaymentState = (typeof PAYMENT_STATES)[number];

/**
 * One payment (an authorisation and what was captured and refunded against it).
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { Payment } from 'ordercore/orders';
 *
 * const usd = (a: string) => money(a, 'USD');
 * const payment: Payment = {
 *   id: 'p-1', state: 'partially_captured', method: 'card',
 *   authorized: usd('50.00'), captured: usd('20.00'), refunded: usd('0'),
 * };
 * payment.authorized.amount - payment.captured.amount; //=> 3000
 * ```
 */
export interface Payment {
  /** The payment id, unique within the order. */
  readonly id: string;
  /** The payment machine's state (a {@link PaymentState} unless the host added states). */
  readonly state: PaymentState | (string & {});
  /** Payment method code, e.g. `'card'`. */
  readonly method: string;
  /** Amount authorised (zero until authorised). Invariant: captured ≤ authorized, refunded ≤ captured. */
  readonly authorized: Money;
  /** Amount captured so far (cumulative). */
  readonly captured: Money;
  /** Amount refunded so far (cumulative). */
  readonly refunded: Money;
  /** Gateway reference, when the host has one. */
  readonly reference?: string;
}

/**
 * The states of the default shipment (fulfilment) machine.
 *
 * @example
 * ```ts
 * import { SHIPMENT_STATES } from 'ordercore/orders';
 *
 * SHIPMENT_STATES; //=> ['allocated', 'picking', 'packed', 'shipped', 'delivered', 'cancelled']
 * ```
 */
export const SHIPMENT_STATES = ['allocated', 'picking', 'packed', 'shipped', 'delivered', 'cancelled'] as const;
/**
 * A shipment state, one of {@link SHIPMENT_STATES}.
 *
 * @example
 * ```ts
 * import { SHIPMENT_STATES, type ShipmentState } from 'ordercore/orders';
 *
 * const state: ShipmentState = 'packed';
 * SHIPMENT_STATES.indexOf(state); //=> 2
 * ```
 */
export type ShipmentState = (typeof SHIPMENT_STATES)[number];

/**
 * One shipment: some units of some lines, from one location. An order may have many (split shipments).
 *
 * @example
 * ```ts
 * import type { Shipment } from 'ordercore/orders';
 *
 * const shipment: Shipment = {
 *   id: 's-1', state: 'shipped', locationId: 'wh-east',
 *   lines: [{ lineId: 'l1', quantity: 2 }, { lineId: 'l2', quantity: 1 }],
 *   carrier: 'ups', trackingNumber: '1Z999', shippedAt: '2026-11-23T15:00:00Z',
 * };
 * shipment.lines.reduce((units, l) => units + l.quantity, 0); //=> 3
 * ```
 */
export interface Shipment {
  /** The shipment id, unique within the order. */
  readonly id: string;
  /** The shipment machine's state (a {@link ShipmentState} unless the host added states). */
  readonly state: ShipmentState | (string & {});
  /** The location it ships from. */
  readonly locationId?: string;
  /** The units it carries, per order line. */
  readonly lines: readonly {
    /** The order line's id. */
    readonly lineId: string;
    /** Units of that line in this shipment. */
    readonly quantity: number;
  }[];
  /** The carrier code, once shipped. */
  readonly carrier?: string;
  /** The carrier's tracking number, once shipped. */
  readonly trackingNumber?: string;
  /** When it was handed to the carrier. */
  readonly shippedAt?: Instant;
  /** When it was delivered. */
  readonly deliveredAt?: Instant;
}

/**
 * The states of the default return (RMA) machine.
 *
 * @example
 * ```ts
 * import { RETURN_STATES } from 'ordercore/orders';
 *
 * RETURN_STATES.includes('store_credited'); //=> true
 * ```
 */
export const RETURN_STATES = [
  'requested',
  'authorized',
  'partially_received',
  'received',
  'inspected',
  'refunded',
  'exchanged',
  'store_credited',
  'rejected',
  'cancelled',
] as const;
/**
 * A return state, one of {@link RETURN_STATES}.
 *
 * @example
 * ```ts
 * import { RETURN_STATES, type ReturnState } from 'ordercore/orders';
 *
 * const state: ReturnState = 'inspected';
 * RETURN_STATES.includes(state); //=> true
 * ```
 */
export type ReturnState = (typeof RETURN_STATES)[number];

/**
 * The inspection verdicts on returned units.
 *
 * @example
 * ```ts
 * import { RETURN_CONDITIONS } from 'ordercore/orders';
 *
 * RETURN_CONDITIONS; //=> ['resellable', 'damaged']
 * ```
 */
export const RETURN_CONDITIONS = ['resellable', 'damaged'] as const;
/**
 * A return condition, one of {@link RETURN_CONDITIONS}.
 *
 * @example
 * ```ts
 * import { RETURN_CONDITIONS, type ReturnCondition } from 'ordercore/orders';
 *
 * const condition: ReturnCondition = 'damaged';
 * RETURN_CONDITIONS.indexOf(condition); //=> 1
 * ```
 */
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];

/**
 * One returned line: the units requested back, and how many arrived and were inspected.
 *
 * @example
 * ```ts
 * import type { ReturnLine } from 'ordercore/orders';
 *
 * const line: ReturnLine = { lineId: 'l1', quantity: 2, reason: 'defective', received: 2, inspected: { resellable: 1, damaged: 1 } };
 * line.quantity - line.received; //=> 0
 * ```
 */
export interface ReturnLine {
  /** The order line returned. */
  readonly lineId: string;
  /** Units requested back. */
  readonly quantity: number;
  /** The customer's reason code, e.g. `'wrong_size'`, `'defective'`. */
  readonly reason: string;
  /** Units received so far. */
  readonly received: number;
  /** Per-condition inspected counts; their sum ≤ `received`. */
  readonly inspected?: {
    /** Units fit to sell again (restocked). */
    readonly resellable: number;
    /** Units damaged (not restocked). */
    readonly damaged: number;
  };
}

/**
 * One return merchandise authorisation (RMA).
 *
 * @example
 * ```ts
 * import type { ReturnRequest } from 'ordercore/orders';
 *
 * const rma: ReturnRequest = { id: 'r-1', state: 'requested', lines: [{ lineId: 'l1', quantity: 1, reason: 'wrong_size', received: 0 }] };
 * rma.resolutionAmount; //=> undefined
 * ```
 */
export interface ReturnRequest {
  /** The return id, unique within the order. */
  readonly id: string;
  /** The return machine's state (a {@link ReturnState} unless the host added states). */
  readonly state: ReturnState | (string & {});
  /** The lines returned. */
  readonly lines: readonly ReturnLine[];
  /** The refund (or credit) amount once resolved, computed from stored line amounts. */
  readonly resolutionAmount?: Money;
}

/**
 * The states of the default service-order machine.
 *
 * @example
 * ```ts
 * import { SERVICE_STATES } from 'ordercore/orders';
 *
 * SERVICE_STATES[0]; //=> 'requested'
 * ```
 */
export const SERVICE_STATES = [
  'requested',
  'scheduled',
  'technician_assigned',
  'parts_allocated',
  'in_progress',
  'completed',
  'cancelled',
] as const;
/**
 * A service-order state, one of {@link SERVICE_STATES}.
 *
 * @example
 * ```ts
 * import { SERVICE_STATES, type ServiceState } from 'ordercore/orders';
 *
 * const state: ServiceState = 'technician_assigned';
 * SERVICE_STATES.indexOf(state); //=> 2
 * ```
 */
export type ServiceState = (typeof SERVICE_STATES)[number];

/**
 * The service part of a service order: appointment, technician, parts and completion report.
 *
 * @example
 * ```ts
 * import type { ServiceJob } from 'ordercore/orders';
 *
 * const job: ServiceJob = {
 *   state: 'technician_assigned',
 *   appointment: { from: '2026-11-24T09:00:00+01:00', until: '2026-11-24T11:00:00+01:00' },
 *   technicianId: 'tech-3',
 * };
 * job.completion; //=> undefined
 * ```
 */
export interface ServiceJob {
  /** The service machine's state (a {@link ServiceState} unless the host added states). */
  readonly state: ServiceState | (string & {});
  /** The scheduled visit, once scheduled. */
  readonly appointment?: {
    /** The start of the appointment window. */
    readonly from: Instant;
    /** The end of the appointment window. */
    readonly until: Instant;
  };
  /** The assigned technician, once assigned. */
  readonly technicianId?: string;
  /** The parts allocated to the job. */
  readonly parts?: readonly {
    /** The part's SKU. */
    readonly sku: string;
    /** Units of that part. */
    readonly quantity: number;
  }[];
  /** The completion report, once the work is done. */
  readonly completion?: {
    /** When the work was completed. */
    readonly completedAt: Instant;
    /** The technician who did it. */
    readonly technicianId: string;
    /** The technician's notes. */
    readonly notes: string;
    /** Labour time spent, in minutes. */
    readonly laborMinutes: number;
  };
}

/**
 * The approval queues an order can be routed to (hosts may use their own names).
 *
 * @example
 * ```ts
 * import { APPROVAL_QUEUES } from 'ordercore/orders';
 *
 * APPROVAL_QUEUES; //=> ['credit', 'engineering', 'compliance', 'pricing']
 * ```
 */
export const APPROVAL_QUEUES = ['credit', 'engineering', 'compliance', 'pricing'] as const;
/**
 * An approval queue: one of {@link APPROVAL_QUEUES} or a host's own queue name.
 *
 * @example
 * ```ts
 * import type { ApprovalQueue } from 'ordercore/orders';
 *
 * const queues: ApprovalQueue[] = ['credit', 'export_control'];
 * queues.length; //=> 2
 * ```
 */
export type ApprovalQueue = (typeof APPROVAL_QUEUES)[number] | (string & {});

/**
 * One approval step: pending until someone approves or rejects it.
 *
 * @example
 * ```ts
 * import type { ApprovalStep } from 'ordercore/orders';
 *
 * const step: ApprovalStep = {
 *   queue: 'credit', ruleId: 'over-credit-limit', reason: 'Order exceeds the credit limit.', status: 'approved',
 *   decidedBy: 'cfo-1', decidedAt: '2026-11-22T11:00:00Z',
 * };
 * step.status; //=> 'approved'
 * ```
 */
export interface ApprovalStep {
  /** The queue that must decide. */
  readonly queue: ApprovalQueue;
  /** The rule that required it. */
  readonly ruleId: string;
  /** Why approval is needed, for the approver. */
  readonly reason: string;
  /** Whether the step is still open, approved or rejected. */
  readonly status: 'pending' | 'approved' | 'rejected';
  /** The id of the actor who decided. */
  readonly decidedBy?: string;
  /** When it was decided. */
  readonly decidedAt?: Instant;
  /** The approver's comment. */
  readonly comment?: string;
}

/**
 * Who did something: a person, a system or the customer.
 *
 * @example
 * ```ts
 * import type { Actor } from 'ordercore/orders';
 *
 * const actor: Actor = { kind: 'user', id: 'agent-7' };
 * `${actor.kind}:${actor.id}`; //=> 'user:agent-7'
 * ```
 */
export interface Actor {
  /** A staff user, an automated system, or the customer. */
  readonly kind: 'user' | 'system' | 'customer';
  /** The actor's id in its kind (user id, system name, customer account id). */
  readonly id: string;
}

/**
 * One accepted event, as recorded in `Order.history` (append-only). Entries of edits, line
 * cancellations and substitutions also record their `diff`.
 *
 * @example
 * ```ts
 * import type { HistoryEntry } from 'ordercore/orders';
 *
 * const confirmed: HistoryEntry = {
 *   seq: 2, event: { type: 'confirm' }, machine: 'order', from: 'placed', to: 'confirmed',
 *   actor: { kind: 'user', id: 'agent-7' }, at: '2026-11-22T10:05:00Z',
 * };
 * `${confirmed.from} → ${confirmed.to}`; //=> 'placed → confirmed'
 *
 * const cancelledOne: HistoryEntry = {
 *   seq: 3, event: { type: 'cancel_lines', lines: [{ lineId: 'l1', quantity: 1 }], reason: 'out of stock' },
 *   machine: 'order', from: 'confirmed', to: 'confirmed', actor: { kind: 'user', id: 'agent-7' },
 *   at: '2026-11-22T11:00:00Z', reason: 'out of stock',
 *   diff: [{ kind: 'cancel_lines', lineId: 'l1', field: 'quantities.cancelled', before: 0, after: 1 }],
 * };
 * cancelledOne.diff?.map((d) => `${d.field}: ${String(d.before)} → ${String(d.after)}`); //=> ['quantities.cancelled: 0 → 1']
 * ```
 */
export interface HistoryEntry {
  /** 1-based position in the history. */
  readonly seq: number;
  /** The event exactly as given (replay feeds it back). */
  readonly event: OrderEvent;
  /** Which machine handled it: `'order'`, `'payment'`, `'shipment'`, `'return'`, `'service'`. */
  readonly machine: string;
  /** The payment / shipment / return id the event addressed, for sub-machine events. */
  readonly entityId?: string;
  /** The state before the event (`'[*]'` for the event that created the order or entity). */
  readonly from: string;
  /** The state after the event (the same as `from` for events that do not move). */
  readonly to: string;
  /** Who sent the event. */
  readonly actor: Actor;
  /** When it was accepted (the transition's `now`). */
  readonly at: Instant;
  /** The event's `reason`, else the reason given in the transition's options. */
  readonly reason?: string;
  /**
   * What the event changed, field by field: present on `edit_order`, `cancel_lines` and
   * `accept_substitution` entries (the edits module's diff, as `transition` returns it).
   */
  readonly diff?: readonly OrderDiffEntry[];
  /**
   * The order's own state change when an event of another machine moved it (e.g. `create_shipment`,
   * a shipment event, taking the order from `confirmed` to `in_fulfillment`); absent otherwise.
   */
  readonly order?: {
    /** The order's state before. */
    readonly from: string;
    /** The order's state after. */
    readonly to: string;
  };
}

/**
 * An order: the priced lines with their fulfilment ledgers, payments, shipments, returns, approvals
 * and the history of accepted events. The machines own it; `createOrder` makes one from an
 * {@link OrderDraft}.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import { createOrder, type Order } from 'ordercore/orders';
 *
 * const usd = (a: string) => money(a, 'USD');
 * const created = createOrder(
 *   {
 *     id: 'o-1', type: 'stock', currency: 'USD', channel: 'web', priority: 'normal',
 *     customer: { accountId: 'c-1', deliveryAddress: { line1: '1 Main St', city: 'Springfield', country: 'US' } },
 *     lines: [{ id: 'l1', sku: 'MUG', description: 'Mug', quantity: 1, unitPrice: usd('8.50'), subtotal: usd('8.50'),
 *       discounts: [], discountTotal: usd('0'), net: usd('8.50'), tax: usd('0'), total: usd('8.50') }],
 *     shipping: { net: usd('0'), tax: usd('0') },
 *     fulfillment: {},
 *     terms: { paymentTerms: { kind: 'prepaid' }, creditApproved: false },
 *     timestamps: { orderedAt: '2026-11-22T10:00:00Z' },
 *   },
 *   { now: '2026-11-22T10:00:00Z', actor: { kind: 'customer', id: 'c-1' } },
 * );
 * const order: Order | undefined = created.ok ? created.value.order : undefined;
 * order?.state; //=> 'placed'
 * ```
 */
export interface Order {
  /** The order id. */
  readonly id: string;
  /** Bumped by every accepted transition; the optimistic-concurrency version adapters compare. */
  readonly version: number;
  /** The kind of order. */
  readonly type: OrderType;
  /** The order machine's state (an {@link OrderState} unless the host added states). */
  readonly state: OrderState | (string & {});
  /** The ISO 4217 currency code; every amount on the order is in it. */
  readonly currency: string;
  /** The sales channel, e.g. `'web'`, `'phone'`. */
  readonly channel: string;
  /** The order's priority. */
  readonly priority: OrderPriority;
  /** Who ordered, who pays, where it goes. */
  readonly customer: OrderCustomer;
  /** The order lines. */
  readonly lines: readonly OrderLine[];
  /** The shipping charge (net) and its tax. */
  readonly shipping: {
    /** The shipping charge without tax. */
    readonly net: Money;
    /** The tax on the shipping charge. */
    readonly tax: Money;
  };
  /** Delivery requirements. */
  readonly fulfillment: FulfillmentRequirements;
  /** Financial terms. */
  readonly terms: FinancialTerms;
  /** Status timestamps. */
  readonly timestamps: OrderTimestamps;
  /** Pre-orders: the release date before which nothing is reserved or shipped. */
  readonly releaseAt?: Instant;
  /** The payments. */
  readonly payments: readonly Payment[];
  /** The shipments (an order may have several). */
  readonly shipments: readonly Shipment[];
  /** The returns (RMAs). */
  readonly returns: readonly ReturnRequest[];
  /** The service job, on service orders. */
  readonly service?: ServiceJob;
  /** The approval steps requested, decided or pending. */
  readonly approvals: readonly ApprovalStep[];
  /** Set while the order is on hold. */
  readonly hold?: {
    /** Why the order is on hold. */
    readonly reason: string;
    /** The state the order was held from; `release_hold` returns to it. */
    readonly fromState: string;
  };
  /** Coupon codes used (for usage release on cancel). */
  readonly couponCodes?: readonly string[];
  /** Append-only; `replay(order.history)` rebuilds the order. */
  readonly history: readonly HistoryEntry[];
  /** Free-form host data, never interpreted. */
  readonly metadata?: Readonly<Record<string, string>>;
}

/**
 * A line of an {@link OrderDraft}: an order line as priced, before fulfilment. Its quantities start at
 * zero when the order is created, and `sourcing` defaults from the order type.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { OrderDraftLine } from 'ordercore/orders';
 *
 * const usd = (a: string) => money(a, 'USD');
 * const line: OrderDraftLine = {
 *   id: 'l1', sku: 'MUG', description: 'Mug', quantity: 2, unitPrice: usd('8.50'), subtotal: usd('17.00'),
 *   discounts: [], discountTotal: usd('0'), net: usd('17.00'), tax: usd('1.36'), total: usd('18.36'),
 * };
 * line.sourcing; //=> undefined
 * ```
 */
export type OrderDraftLine = Omit<OrderLine, 'quantities' | 'sourcing'> & {
  /** Stock or make-to-order; defaults from the order type. */
  readonly sourcing?: LineSourcing;
};

/**
 * An order as captured, before the machines own it: what creating an order takes. It is an
 * {@link Order} without the fields the machines maintain (`version`, `state`, `history`, `payments`,
 * `shipments`, `returns`, `approvals`, `hold`), with lines whose quantities all start at zero.
 * `priority`, `shipping`, `fulfillment` and `timestamps` may be left out; `createOrder` fills them
 * in with the defaults documented on each field. Every `Order` is an `OrderDraft`.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { OrderDraft } from 'ordercore/orders';
 *
 * const usd = (a: string) => money(a, 'USD');
 * const draft: OrderDraft = {
 *   id: 'o-1', type: 'stock', currency: 'USD', channel: 'web',
 *   customer: { accountId: 'c-1', deliveryAddress: { line1: '1 Main St', city: 'Springfield', country: 'US' } },
 *   lines: [{ id: 'l1', sku: 'MUG', description: 'Mug', quantity: 1, unitPrice: usd('8.50'), subtotal: usd('8.50'),
 *     discounts: [], discountTotal: usd('0'), net: usd('8.50'), tax: usd('0'), total: usd('8.50') }],
 *   terms: { paymentTerms: { kind: 'prepaid' }, creditApproved: false },
 * };
 * draft.lines.length; //=> 1
 * draft.priority; //=> undefined
 * ```
 */
export type OrderDraft = Omit<
  Order,
  | 'version'
  | 'state'
  | 'history'
  | 'payments'
  | 'shipments'
  | 'returns'
  | 'approvals'
  | 'hold'
  | 'lines'
  | 'priority'
  | 'shipping'
  | 'fulfillment'
  | 'timestamps'
> & {
  /** The lines as priced; ids unique within the order. */
  readonly lines: readonly OrderDraftLine[];
  /** The order's priority; `createOrder` defaults it to `'normal'`. */
  readonly priority?: OrderPriority;
  /**
   * The shipping charge (net) and its tax; `createOrder` defaults both to zero in the order's
   * currency.
   */
  readonly shipping?: Order['shipping'];
  /** Delivery requirements; `createOrder` defaults them to none (`{}`). */
  readonly fulfillment?: FulfillmentRequirements;
  /**
   * Status timestamps. `createOrder` takes only `orderedAt` from them and, without them, uses the
   * creation's `now` (`{ orderedAt: now }`); the other timestamps are set by the transitions that
   * reach them.
   */
  readonly timestamps?: OrderTimestamps;
};

// ---------------------------------------------------------------------------------------------
// Events and effects. The event union is closed for the default machines; host extensions add
// events of their own shape `{ type: string }` through `CustomOrderEvent`.

/**
 * The edits an `edit_order` event can carry (applied all-or-nothing, in order).
 *
 * @example
 * ```ts
 * import type { OrderEdit } from 'ordercore/orders';
 *
 * const edits: OrderEdit[] = [
 *   { kind: 'change_quantity', lineId: 'l1', quantity: 3 },
 *   { kind: 'change_requested_date', requestedDeliveryDate: '2026-12-20' },
 * ];
 * edits.map((edit) => edit.kind); //=> ['change_quantity', 'change_requested_date']
 * ```
 */
export type OrderEdit =
  | {
      /** Add a line. */
      readonly kind: 'add_line';
      /** The new line as priced; its quantities start at zero. */
      readonly line: Omit<OrderLine, 'quantities' | 'sourcing'> & {
        /** Stock or make-to-order; defaults from the order type. */
        readonly sourcing?: LineSourcing;
      };
    }
  | {
      /** Remove a line. */
      readonly kind: 'remove_line';
      /** The line to remove. */
      readonly lineId: string;
    }
  | {
      /** Change a line's ordered quantity. */
      readonly kind: 'change_quantity';
      /** The line to change. */
      readonly lineId: string;
      /** The new ordered quantity. */
      readonly quantity: number;
      /**
       * The line re-priced at the new quantity, when the host re-ran pricing (tiers may change the unit
       * price). Without it, amounts scale from the stored per-unit amounts (never re-spread).
       */
      readonly repriced?: Pick<
        OrderLine,
        'unitPrice' | 'subtotal' | 'discounts' | 'discountTotal' | 'net' | 'tax' | 'total'
      >;
    }
  | {
      /** Change the delivery address. */
      readonly kind: 'change_address';
      /** The new delivery address. */
      readonly address: Address;
    }
  | {
      /** Change the requested delivery date. */
      readonly kind: 'change_requested_date';
      /** The new requested delivery date. */
      readonly requestedDeliveryDate: CalendarDate;
    };

/**
 * The events of the default machines: the order machine's, then the payment, shipment, return and
 * service machines'. Sub-machine events name the payment, shipment or return they address.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { OrderEvent } from 'ordercore/orders';
 *
 * const events: OrderEvent[] = [
 *   { type: 'confirm', expectedShipAt: '2026-11-24T17:00:00Z' },
 *   { type: 'capture_payment', paymentId: 'p-1', amount: money('12.00', 'USD') },
 * ];
 * events.map((event) => event.type); //=> ['confirm', 'capture_payment']
 * ```
 */
export type OrderEvent =
  | {
      /** The order is created (`createOrder`). */
      readonly type: 'place';
      /** The order as created. */
      readonly order: Order;
    }
  | {
      /** Put the order on hold, remembering its state. */
      readonly type: 'hold';
      /** Why the order is held. */
      readonly reason: string;
    }
  | {
      /** Back to the state the order was held from. */
      readonly type: 'release_hold';
    }
  | {
      /** Route the order to approval queues. */
      readonly type: 'request_approval';
      /** The steps to open; each starts pending. */
      readonly steps: readonly Omit<ApprovalStep, 'status'>[];
    }
  | {
      /** Approve the pending step of a queue (the actor is recorded). */
      readonly type: 'approve';
      /** The queue whose pending step is approved. */
      readonly queue: ApprovalQueue;
      /** The approver's comment. */
      readonly comment?: string;
    }
  | {
      /** Reject the pending step of a queue: the order is rejected. */
      readonly type: 'reject';
      /** The queue whose pending step is rejected. */
      readonly queue: ApprovalQueue;
      /** Why it is rejected. */
      readonly reason: string;
    }
  | {
      /** Accept the order. */
      readonly type: 'confirm';
      /** When the order is expected to ship (recorded as `timestamps.expectedShipAt`). */
      readonly expectedShipAt?: Instant;
    }
  | {
      /** Allocate units: stock lines reserve stock, make-to-order lines schedule production; backorder the rest. */
      readonly type: 'allocate';
      /** Units allocated per line (stock lines emit `reserve_stock`; make-to-order lines emit `schedule_production`). */
      readonly lines: readonly {
        /** The order line. */
        readonly lineId: string;
        /** Units allocated now. */
        readonly quantity: number;
        /** Where stock is reserved; defaults to the line's `locationId`. */
        readonly locationId?: string;
      }[];
      /** Units that cannot be allocated now, with their expected availability. */
      readonly backorders?: readonly {
        /** The order line. */
        readonly lineId: string;
        /** Units backordered. */
        readonly quantity: number;
        /** When the units are expected to be available. */
        readonly expectedAt?: Instant;
      }[];
    }
  | {
      /** A pre-order is released on its release date. */
      readonly type: 'release_for_fulfillment';
    }
  | {
      /** Produced units of make-to-order lines become allocated. */
      readonly type: 'production_completed';
      /** Units produced per make-to-order line. */
      readonly lines: readonly {
        /** The order line. */
        readonly lineId: string;
        /** Units produced. */
        readonly quantity: number;
      }[];
    }
  | {
      /** Edit lines, quantities, address or requested date. */
      readonly type: 'edit_order';
      /** The edits, applied all-or-nothing, in order. */
      readonly edits: readonly OrderEdit[];
      /** Why the order is edited. */
      readonly reason?: string;
    }
  | {
      /** Cancel some units of some lines (the last units; allocated ones are released). */
      readonly type: 'cancel_lines';
      /** Units to cancel per line. */
      readonly lines: readonly {
        /** The order line. */
        readonly lineId: string;
        /** Units to cancel. */
        readonly quantity: number;
      }[];
      /** Why they are cancelled. */
      readonly reason: string;
    }
  | {
      /** Cancel the whole order. */
      readonly type: 'cancel';
      /** Why it is cancelled. */
      readonly reason: string;
    }
  | {
      /** Replace a line by a substitute the customer accepted. */
      readonly type: 'accept_substitution';
      /** The line replaced. */
      readonly lineId: string;
      /** The substitute line, as an `add_line` edit. */
      readonly substitute: OrderEdit & {
        /** Always `'add_line'`. */
        readonly kind: 'add_line';
      };
    }
  | {
      /** Every unit still ordered has shipped (or the service is completed). */
      readonly type: 'complete';
    }
  | {
      /** Close a completed order. */
      readonly type: 'close';
    }
  // payment machine
  | {
      /** Authorise a new payment. */
      readonly type: 'authorize_payment';
      /** The new payment's id. */
      readonly paymentId: string;
      /** Payment method code, e.g. `'card'`. */
      readonly method: string;
      /** The amount authorised. */
      readonly amount: Money;
      /** The gateway reference, when the host has one. */
      readonly reference?: string;
    }
  | {
      /** An authorisation attempt failed (creates a failed payment). */
      readonly type: 'payment_failed';
      /** The failed payment's id. */
      readonly paymentId: string;
      /** Why it failed. */
      readonly reason: string;
    }
  | {
      /** Capture part or all of the authorisation. */
      readonly type: 'capture_payment';
      /** The payment to capture against. */
      readonly paymentId: string;
      /** The amount captured now. */
      readonly amount: Money;
    }
  | {
      /** Refund part or all of what was captured. */
      readonly type: 'refund_payment';
      /** The payment to refund against. */
      readonly paymentId: string;
      /** The amount refunded now. */
      readonly amount: Money;
      /** Why it is refunded. */
      readonly reason?: string;
    }
  | {
      /** Release what is authorised and not captured. */
      readonly type: 'void_payment';
      /** The payment to void. */
      readonly paymentId: string;
    }
  // shipment machine
  | {
      /** Put allocated units of one or more lines into a new shipment. */
      readonly type: 'create_shipment';
      /** The new shipment's id. */
      readonly shipmentId: string;
      /** Units to ship per line. */
      readonly lines: readonly {
        /** The order line. */
        readonly lineId: string;
        /** Units of that line in the shipment. */
        readonly quantity: number;
      }[];
      /** The location it ships from. */
      readonly locationId?: string;
    }
  | {
      /** Picking starts (units count as picked). */
      readonly type: 'start_picking';
      /** The shipment. */
      readonly shipmentId: string;
    }
  | {
      /** Packed; a label is requested. */
      readonly type: 'pack_shipment';
      /** The shipment. */
      readonly shipmentId: string;
    }
  | {
      /** Handed to the carrier. */
      readonly type: 'ship';
      /** The shipment. */
      readonly shipmentId: string;
      /** The carrier code. */
      readonly carrier: string;
      /** The carrier's tracking number. */
      readonly trackingNumber: string;
    }
  | {
      /** Delivered. */
      readonly type: 'deliver';
      /** The shipment. */
      readonly shipmentId: string;
    }
  | {
      /** The shipment is late: the customer is told (the shipment does not move). */
      readonly type: 'report_delay';
      /** The shipment. */
      readonly shipmentId: string;
      /** When it is now expected. */
      readonly newExpectedAt: Instant;
      /** Why it is late. */
      readonly reason: string;
    }
  | {
      /** Cancel a shipment that has not shipped: its units go back to open and stock is released. */
      readonly type: 'cancel_shipment';
      /** The shipment. */
      readonly shipmentId: string;
      /** Why it is cancelled. */
      readonly reason: string;
    }
  // return machine
  | {
      /** The customer asks to return shipped units. */
      readonly type: 'request_return';
      /** The new return's id. */
      readonly returnId: string;
      /** Units to return per line, each with a reason. */
      readonly lines: readonly {
        /** The order line. */
        readonly lineId: string;
        /** Units to return. */
        readonly quantity: number;
        /** The customer's reason code, e.g. `'defective'`. */
        readonly reason: string;
      }[];
    }
  | {
      /** The RMA is granted. */
      readonly type: 'authorize_return';
      /** The return. */
      readonly returnId: string;
    }
  | {
      /** The RMA is refused. */
      readonly type: 'reject_return';
      /** The return. */
      readonly returnId: string;
      /** Why it is refused. */
      readonly reason: string;
    }
  | {
      /** Returned units arrive (possibly in several parcels). */
      readonly type: 'receive_return';
      /** The return. */
      readonly returnId: string;
      /** Units received per line. */
      readonly lines: readonly {
        /** The order line. */
        readonly lineId: string;
        /** Units received now. */
        readonly quantity: number;
      }[];
    }
  | {
      /** Received units are inspected: resellable (restocked) or damaged. */
      readonly type: 'inspect_return';
      /** The return. */
      readonly returnId: string;
      /** The verdicts per line. */
      readonly lines: readonly {
        /** The order line. */
        readonly lineId: string;
        /** Units found resellable. */
        readonly resellable: number;
        /** Units found damaged. */
        readonly damaged: number;
      }[];
    }
  | {
      /** The return is settled by refund, exchange or store credit. */
      readonly type: 'resolve_return';
      /** The return. */
      readonly returnId: string;
      /** How it is settled. */
      readonly resolution: 'refund' | 'exchange' | 'store_credit';
    }
  // service machine
  | {
      /** An appointment window is agreed. */
      readonly type: 'schedule_appointment';
      /** The start of the appointment window. */
      readonly from: Instant;
      /** The end of the appointment window. */
      readonly until: Instant;
    }
  | {
      /** A technician is assigned. */
      readonly type: 'assign_technician';
      /** The technician. */
      readonly technicianId: string;
    }
  | {
      /** Parts are allocated to the job. */
      readonly type: 'allocate_parts';
      /** The parts. */
      readonly parts: readonly {
        /** The part's SKU. */
        readonly sku: string;
        /** Units of that part. */
        readonly quantity: number;
      }[];
    }
  | {
      /** Work starts. */
      readonly type: 'start_service';
    }
  | {
      /** Work is done: the completion record is kept. */
      readonly type: 'complete_service';
      /** The technician's notes. */
      readonly notes: string;
      /** Labour time spent, in minutes. */
      readonly laborMinutes: number;
    };

/**
 * The type names of the default events.
 *
 * @example
 * ```ts
 * import type { OrderEventType } from 'ordercore/orders';
 *
 * const paymentEvents: OrderEventType[] = ['authorize_payment', 'capture_payment', 'refund_payment'];
 * paymentEvents.length; //=> 3
 * ```
 */
export type OrderEventType = OrderEvent['type'];

/**
 * Typed customer messages a `notify_customer` effect carries; the host renders and sends them.
 *
 * @example
 * ```ts
 * import type { CustomerMessage } from 'ordercore/orders';
 *
 * const message: CustomerMessage = { kind: 'shipped', shipmentId: 's-1', carrier: 'ups', trackingNumber: '1Z999' };
 * message.kind; //=> 'shipped'
 * ```
 */
export type CustomerMessage =
  | {
      /** The order was confirmed. */
      readonly kind: 'order_confirmed';
    }
  | {
      /** Some units are backordered. */
      readonly kind: 'backordered';
      /** The backordered units per line. */
      readonly lines: readonly {
        /** The order line. */
        readonly lineId: string;
        /** Units backordered. */
        readonly quantity: number;
        /** When they are expected to be available. */
        readonly expectedAt?: Instant;
      }[];
    }
  | {
      /** A shipment was handed to the carrier. */
      readonly kind: 'shipped';
      /** The shipment. */
      readonly shipmentId: string;
      /** The carrier code. */
      readonly carrier: string;
      /** The carrier's tracking number. */
      readonly trackingNumber: string;
    }
  | {
      /** A shipment is late. */
      readonly kind: 'delayed';
      /** The shipment. */
      readonly shipmentId: string;
      /** When it is now expected. */
      readonly newExpectedAt: Instant;
      /** Why it is late. */
      readonly reason: string;
    }
  | {
      /** A shipment was delivered. */
      readonly kind: 'delivered';
      /** The shipment. */
      readonly shipmentId: string;
    }
  | {
      /** Money is refunded. */
      readonly kind: 'refund_issued';
      /** The amount refunded. */
      readonly amount: Money;
    }
  | {
      /** The order was cancelled. */
      readonly kind: 'order_cancelled';
      /** Why it was cancelled. */
      readonly reason: string;
    }
  | {
      /** A return was authorised. */
      readonly kind: 'return_authorized';
      /** The return. */
      readonly returnId: string;
    }
  | {
      /** A line was replaced by a substitute. */
      readonly kind: 'substitution_made';
      /** The line replaced. */
      readonly lineId: string;
      /** The substitute's SKU. */
      readonly sku: string;
    }
  | {
      /** Some units were cancelled. */
      readonly kind: 'lines_cancelled';
      /** The cancelled units per line. */
      readonly lines: readonly {
        /** The order line. */
        readonly lineId: string;
        /** Units cancelled. */
        readonly quantity: number;
      }[];
      /** Why they were cancelled. */
      readonly reason: string;
    }
  | {
      /** A service appointment was scheduled. */
      readonly kind: 'service_scheduled';
      /** The start of the appointment window. */
      readonly from: Instant;
      /** The end of the appointment window. */
      readonly until: Instant;
    };

/**
 * Side effects, returned as data for the host (the workflows layer) to execute. Each names the order
 * it concerns.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { OrderEffect } from 'ordercore/orders';
 *
 * const effects: OrderEffect[] = [
 *   { type: 'reserve_stock', orderId: 'o-1', lines: [{ lineId: 'l1', sku: 'MUG', quantity: 2 }] },
 *   { type: 'refund_payment', orderId: 'o-1', paymentId: 'p-2', amount: money('12.00', 'USD'), reason: 'cancelled' },
 * ];
 * effects.map((effect) => effect.type); //=> ['reserve_stock', 'refund_payment']
 * ```
 */
export type OrderEffect =
  | {
      /** Reserve stock for allocated units of stock lines. */
      readonly type: 'reserve_stock';
      /** The order. */
      readonly orderId: string;
      /** The units to reserve per line. */
      readonly lines: readonly {
        /** The order line. */
        readonly lineId: string;
        /** The line's SKU. */
        readonly sku: string;
        /** Units to reserve. */
        readonly quantity: number;
        /** Where to reserve them. */
        readonly locationId?: string;
      }[];
    }
  | {
      /** Release reserved stock (cancelled units, cancelled shipments, removed lines). */
      readonly type: 'release_stock';
      /** The order. */
      readonly orderId: string;
      /** The units to release per line. */
      readonly lines: readonly {
        /** The order line. */
        readonly lineId: string;
        /** The line's SKU. */
        readonly sku: string;
        /** Units to release. */
        readonly quantity: number;
        /** Where they were reserved. */
        readonly locationId?: string;
      }[];
    }
  | {
      /** Schedule production for allocated units of make-to-order lines. */
      readonly type: 'schedule_production';
      /** The order. */
      readonly orderId: string;
      /** The units to produce per line. */
      readonly lines: readonly {
        /** The order line. */
        readonly lineId: string;
        /** The line's SKU. */
        readonly sku: string;
        /** Units to produce. */
        readonly quantity: number;
      }[];
    }
  | {
      /** Put the order in an approval queue. */
      readonly type: 'request_approval';
      /** The order. */
      readonly orderId: string;
      /** The queue. */
      readonly queue: ApprovalQueue;
      /** Why approval is needed. */
      readonly reason: string;
    }
  | {
      /** Authorise an amount with the payment gateway. */
      readonly type: 'authorize_payment';
      /** The order. */
      readonly orderId: string;
      /** The amount to authorise. */
      readonly amount: Money;
    }
  | {
      /** Capture an amount against a payment. */
      readonly type: 'capture_payment';
      /** The order. */
      readonly orderId: string;
      /** The payment to capture against. */
      readonly paymentId: string;
      /** The amount to capture. */
      readonly amount: Money;
    }
  | {
      /**
       * Refund an amount to the customer through one payment. A refund is split across the payments
       * holding money (captured − refunded > 0), most recent payment first (the reverse of
       * `order.payments`, which is in authorisation order), each giving at most its net captured:
       * one effect per payment, the amounts summing to the refund.
       */
      readonly type: 'refund_payment';
      /** The order. */
      readonly orderId: string;
      /** The payment to refund against (record the refund with a `refund_payment` event on it). */
      readonly paymentId: string;
      /** The amount to refund through that payment (never more than its captured − refunded). */
      readonly amount: Money;
      /** Why it is refunded. */
      readonly reason: string;
    }
  | {
      /** Void what is authorised and not captured on a payment. */
      readonly type: 'void_payment';
      /** The order. */
      readonly orderId: string;
      /** The payment to void. */
      readonly paymentId: string;
    }
  | {
      /** Give back the usage of the order's coupon codes (on cancel). */
      readonly type: 'release_promotion_usage';
      /** The order. */
      readonly orderId: string;
      /** The coupon codes whose usage is released. */
      readonly couponCodes: readonly string[];
    }
  | {
      /** Tell the customer something. */
      readonly type: 'notify_customer';
      /** The order. */
      readonly orderId: string;
      /** The message. */
      readonly message: CustomerMessage;
    }
  | {
      /** Put returned resellable units back into stock. */
      readonly type: 'restock';
      /** The order. */
      readonly orderId: string;
      /** The units to restock per line. */
      readonly lines: readonly {
        /** The order line. */
        readonly lineId: string;
        /** The line's SKU. */
        readonly sku: string;
        /** Units to restock. */
        readonly quantity: number;
      }[];
    }
  | {
      /** Reserve the parts a service job needs (from `allocate_parts`). */
      readonly type: 'reserve_parts';
      /** The order. */
      readonly orderId: string;
      /** The parts, as the job lists them. */
      readonly parts: readonly {
        /** The part's SKU. */
        readonly sku: string;
        /** Units. */
        readonly quantity: number;
      }[];
    }
  | {
      /** Release the parts reserved for a service job (the job was cancelled, or its parts re-allocated). */
      readonly type: 'release_parts';
      /** The order. */
      readonly orderId: string;
      /** The parts to release. */
      readonly parts: readonly {
        /** The part's SKU. */
        readonly sku: string;
        /** Units. */
        readonly quantity: number;
      }[];
    }
  | {
      /** Create a shipping label for a packed shipment. */
      readonly type: 'create_shipment_label';
      /** The order. */
      readonly orderId: string;
      /** The shipment. */
      readonly shipmentId: string;
    };
