import type { Money } from '../money/index.js';
import type { LineDiscount, PriceSource, TaxLine } from '../pricing/types.js';

// The order model shared by every part of `ordercore/orders`: the machines (transition, replay,
// projections), validation, approval routing, prioritisation, edits and exceptions.
//
// Conventions (DESIGN.md): plain readonly JSON data; money as `Money` (integer minor units, one
// currency per order); instants as ISO 8601 strings with an explicit offset (`Instant`); calendar
// dates as `'YYYY-MM-DD'` (`CalendarDate`); quantities are non-negative safe integers.
//
// TODO(orders helpers): every export here needs TSDoc with a runnable `@example` before landing.

/** A point in time: an ISO 8601 string with an explicit offset, e.g. `'2026-11-22T10:00:00Z'`. */
export type Instant = string;

/** A calendar date without time zone, `'YYYY-MM-DD'` (requested delivery dates, release dates). */
export type CalendarDate = string;

/** The kinds of order the seeds name. */
export const ORDER_TYPES = ['stock', 'make_to_order', 'configured', 'pre_order', 'service'] as const;
/** An order type: stock, make-to-order, configured / engineer-to-order, pre-order or service order. */
export type OrderType = (typeof ORDER_TYPES)[number];

/** Priorities, lowest first. */
export const ORDER_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
/** An order's priority. */
export type OrderPriority = (typeof ORDER_PRIORITIES)[number];

/** A postal address. Completeness rules live in `validateOrder` (configurable per country). */
export interface Address {
  readonly name?: string;
  readonly company?: string;
  readonly line1?: string;
  readonly line2?: string;
  readonly city?: string;
  readonly region?: string;
  readonly postalCode?: string;
  /** ISO 3166-1 alpha-2 country code. */
  readonly country?: string;
  readonly phone?: string;
  readonly email?: string;
}

/** Who ordered, who pays, where it goes. */
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

/** How a line is sourced: from stock (reserve) or produced for the order (schedule production). */
export const LINE_SOURCING = ['stock', 'make_to_order'] as const;
/** A line's sourcing. */
export type LineSourcing = (typeof LINE_SOURCING)[number];

/**
 * A line's quantity ledger; every count is cumulative. Invariants (checked by
 * `orderInvariantViolations`): `delivered ≤ shipped ≤ picked ≤ allocated` for hosts that track
 * picking (hosts that do not may ship straight from allocated: `shipped ≤ allocated`),
 * `allocated + backordered ≤ ordered − cancelled`, `returned ≤ shipped`; all non-negative safe integers.
 * Cancelling a shipment that has not shipped gives its units back (allocated decreases, stock is released).
 */
export interface LineQuantities {
  readonly allocated: number;
  readonly picked: number;
  readonly shipped: number;
  readonly delivered: number;
  readonly cancelled: number;
  readonly returned: number;
  readonly backordered: number;
}

/** One order line: what pricing priced, plus its fulfilment ledger. */
export interface OrderLine {
  readonly id: string;
  readonly sku: string;
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
  readonly substitutedFor?: { readonly lineId: string; readonly sku: string };
  readonly quantities: LineQuantities;
}

/** Delivery requirements. */
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

/** Payment terms. */
export type PaymentTerms =
  | { readonly kind: 'prepaid' }
  | { readonly kind: 'net'; readonly days: number }
  | { readonly kind: 'cash_on_delivery' };

/** Financial terms of the order. */
export interface FinancialTerms {
  readonly paymentTerms: PaymentTerms;
  /** Payment method code, e.g. `'card'`, `'invoice'`. */
  readonly paymentMethod?: string;
  /** Credit approval for terms orders: fulfilment before payment is allowed only when set. */
  readonly creditApproved: boolean;
  /** Tax jurisdiction code used at pricing. */
  readonly taxJurisdiction?: string;
}

/** Status timestamps, set by the transitions that reach them. */
export interface OrderTimestamps {
  readonly orderedAt: Instant;
  readonly confirmedAt?: Instant;
  readonly expectedShipAt?: Instant;
  readonly shippedAt?: Instant;
  readonly deliveredAt?: Instant;
  readonly completedAt?: Instant;
  readonly cancelledAt?: Instant;
}

/** Order states of the default order machine (hosts may add states; `Order.state` is then wider). */
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
/** A state of the default order machine. */
export type OrderState = (typeof ORDER_STATES)[number];

/** Payment states. */
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
/** A payment state. */
export type PaymentState = (typeof PAYMENT_STATES)[number];

/** One payment (an authorisation and what was captured and refunded against it). */
export interface Payment {
  readonly id: string;
  readonly state: PaymentState | (string & {});
  readonly method: string;
  /** Amount authorised (zero until authorised). Invariant: captured ≤ authorized, refunded ≤ captured. */
  readonly authorized: Money;
  readonly captured: Money;
  readonly refunded: Money;
  /** Gateway reference, when the host has one. */
  readonly reference?: string;
}

/** Shipment (fulfilment) states. */
export const SHIPMENT_STATES = ['allocated', 'picking', 'packed', 'shipped', 'delivered', 'cancelled'] as const;
/** A shipment state. */
export type ShipmentState = (typeof SHIPMENT_STATES)[number];

/** One shipment: some units of some lines, from one location. An order may have many (split shipments). */
export interface Shipment {
  readonly id: string;
  readonly state: ShipmentState | (string & {});
  readonly locationId?: string;
  readonly lines: readonly { readonly lineId: string; readonly quantity: number }[];
  readonly carrier?: string;
  readonly trackingNumber?: string;
  readonly shippedAt?: Instant;
  readonly deliveredAt?: Instant;
}

/** Return (RMA) states. */
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
/** A return state. */
export type ReturnState = (typeof RETURN_STATES)[number];

/** The inspection verdict on returned units. */
export const RETURN_CONDITIONS = ['resellable', 'damaged'] as const;
/** A return condition. */
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];

/** One returned line. */
export interface ReturnLine {
  readonly lineId: string;
  readonly quantity: number;
  /** The customer's reason code, e.g. `'wrong_size'`, `'defective'`. */
  readonly reason: string;
  readonly received: number;
  /** Per-condition inspected counts; their sum ≤ `received`. */
  readonly inspected?: { readonly resellable: number; readonly damaged: number };
}

/** One return merchandise authorisation. */
export interface ReturnRequest {
  readonly id: string;
  readonly state: ReturnState | (string & {});
  readonly lines: readonly ReturnLine[];
  /** The refund (or credit) amount once resolved, computed from stored line amounts. */
  readonly resolutionAmount?: Money;
}

/** Service-order states. */
export const SERVICE_STATES = [
  'requested',
  'scheduled',
  'technician_assigned',
  'parts_allocated',
  'in_progress',
  'completed',
  'cancelled',
] as const;
/** A service-order state. */
export type ServiceState = (typeof SERVICE_STATES)[number];

/** The service part of a service order. */
export interface ServiceJob {
  readonly state: ServiceState | (string & {});
  readonly appointment?: { readonly from: Instant; readonly until: Instant };
  readonly technicianId?: string;
  readonly parts?: readonly { readonly sku: string; readonly quantity: number }[];
  readonly completion?: {
    readonly completedAt: Instant;
    readonly technicianId: string;
    readonly notes: string;
    readonly laborMinutes: number;
  };
}

/** Approval queues an order can be routed to (hosts may use their own names). */
export const APPROVAL_QUEUES = ['credit', 'engineering', 'compliance', 'pricing'] as const;
/** An approval queue. */
export type ApprovalQueue = (typeof APPROVAL_QUEUES)[number] | (string & {});

/** One approval step: pending until someone approves or rejects it. */
export interface ApprovalStep {
  readonly queue: ApprovalQueue;
  /** The rule that required it. */
  readonly ruleId: string;
  readonly reason: string;
  readonly status: 'pending' | 'approved' | 'rejected';
  readonly decidedBy?: string;
  readonly decidedAt?: Instant;
  readonly comment?: string;
}

/** Who did something: a person, a system or the customer. */
export interface Actor {
  readonly kind: 'user' | 'system' | 'customer';
  readonly id: string;
}

/** One accepted event, as recorded in `Order.history` (append-only). */
export interface HistoryEntry {
  /** 1-based position in the history. */
  readonly seq: number;
  /** The event exactly as given (replay feeds it back). */
  readonly event: OrderEvent;
  /** Which machine handled it: `'order'`, `'payment'`, `'shipment'`, `'return'`, `'service'`. */
  readonly machine: string;
  /** The payment / shipment / return id the event addressed, for sub-machine events. */
  readonly entityId?: string;
  readonly from: string;
  readonly to: string;
  readonly actor: Actor;
  readonly at: Instant;
  readonly reason?: string;
}

/** An order. */
export interface Order {
  readonly id: string;
  /** Bumped by every accepted transition; the optimistic-concurrency version adapters compare. */
  readonly version: number;
  readonly type: OrderType;
  readonly state: OrderState | (string & {});
  readonly currency: string;
  readonly channel: string;
  readonly priority: OrderPriority;
  readonly customer: OrderCustomer;
  readonly lines: readonly OrderLine[];
  /** The shipping charge (net) and its tax. */
  readonly shipping: { readonly net: Money; readonly tax: Money };
  readonly fulfillment: FulfillmentRequirements;
  readonly terms: FinancialTerms;
  readonly timestamps: OrderTimestamps;
  /** Pre-orders: the release date before which nothing is reserved or shipped. */
  readonly releaseAt?: Instant;
  readonly payments: readonly Payment[];
  readonly shipments: readonly Shipment[];
  readonly returns: readonly ReturnRequest[];
  readonly service?: ServiceJob;
  readonly approvals: readonly ApprovalStep[];
  /** Set while the order is on hold. */
  readonly hold?: { readonly reason: string; readonly fromState: string };
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
export type OrderDraftLine = Omit<OrderLine, 'quantities' | 'sourcing'> & { readonly sourcing?: LineSourcing };

/**
 * An order as captured, before the machines own it: what creating an order takes. It is an
 * {@link Order} without the fields the machines maintain (`version`, `state`, `history`, `payments`,
 * `shipments`, `returns`, `approvals`, `hold`), with lines whose quantities all start at zero.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { OrderDraft } from 'ordercore/orders';
 *
 * const usd = (a: string) => money(a, 'USD');
 * const draft: OrderDraft = {
 *   id: 'o-1', type: 'stock', currency: 'USD', channel: 'web', priority: 'normal',
 *   customer: { accountId: 'c-1', deliveryAddress: { line1: '1 Main St', city: 'Springfield', country: 'US' } },
 *   lines: [{ id: 'l1', sku: 'MUG', description: 'Mug', quantity: 1, unitPrice: usd('8.50'), subtotal: usd('8.50'),
 *     discounts: [], discountTotal: usd('0'), net: usd('8.50'), tax: usd('0'), total: usd('8.50') }],
 *   shipping: { net: usd('0'), tax: usd('0') },
 *   fulfillment: {},
 *   terms: { paymentTerms: { kind: 'prepaid' }, creditApproved: false },
 *   timestamps: { orderedAt: '2026-11-22T10:00:00Z' },
 * };
 * draft.lines.length; //=> 1
 * ```
 */
export type OrderDraft = Omit<
  Order,
  'version' | 'state' | 'history' | 'payments' | 'shipments' | 'returns' | 'approvals' | 'hold' | 'lines'
> & {
  /** The lines as priced; ids unique within the order. */
  readonly lines: readonly OrderDraftLine[];
};

// ---------------------------------------------------------------------------------------------
// Events and effects. The event union is closed for the default machines; host extensions add
// events of their own shape `{ type: string }` through `CustomOrderEvent`.

/** The edits an `edit_order` event can carry (applied all-or-nothing, in order). */
export type OrderEdit =
  | {
      readonly kind: 'add_line';
      /** The new line as priced; its quantities start at zero. */
      readonly line: Omit<OrderLine, 'quantities' | 'sourcing'> & { readonly sourcing?: LineSourcing };
    }
  | { readonly kind: 'remove_line'; readonly lineId: string }
  | {
      readonly kind: 'change_quantity';
      readonly lineId: string;
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
  | { readonly kind: 'change_address'; readonly address: Address }
  | { readonly kind: 'change_requested_date'; readonly requestedDeliveryDate: CalendarDate };

/** The events of the default machines. */
export type OrderEvent =
  | { readonly type: 'place'; readonly order: Order }
  | { readonly type: 'hold'; readonly reason: string }
  | { readonly type: 'release_hold' }
  | { readonly type: 'request_approval'; readonly steps: readonly Omit<ApprovalStep, 'status'>[] }
  | { readonly type: 'approve'; readonly queue: ApprovalQueue; readonly comment?: string }
  | { readonly type: 'reject'; readonly queue: ApprovalQueue; readonly reason: string }
  | { readonly type: 'confirm'; readonly expectedShipAt?: Instant }
  | {
      readonly type: 'allocate';
      /** Units allocated per line (stock lines emit `reserve_stock`; make-to-order lines emit `schedule_production`). */
      readonly lines: readonly { readonly lineId: string; readonly quantity: number; readonly locationId?: string }[];
      /** Units that cannot be allocated now, with their expected availability. */
      readonly backorders?: readonly {
        readonly lineId: string;
        readonly quantity: number;
        readonly expectedAt?: Instant;
      }[];
    }
  | { readonly type: 'release_for_fulfillment' }
  | {
      readonly type: 'production_completed';
      readonly lines: readonly { readonly lineId: string; readonly quantity: number }[];
    }
  | { readonly type: 'edit_order'; readonly edits: readonly OrderEdit[]; readonly reason?: string }
  | {
      readonly type: 'cancel_lines';
      readonly lines: readonly { readonly lineId: string; readonly quantity: number }[];
      readonly reason: string;
    }
  | { readonly type: 'cancel'; readonly reason: string }
  | {
      readonly type: 'accept_substitution';
      readonly lineId: string;
      readonly substitute: OrderEdit & { readonly kind: 'add_line' };
    }
  | { readonly type: 'complete' }
  | { readonly type: 'close' }
  // payment machine
  | {
      readonly type: 'authorize_payment';
      readonly paymentId: string;
      readonly method: string;
      readonly amount: Money;
      readonly reference?: string;
    }
  | { readonly type: 'payment_failed'; readonly paymentId: string; readonly reason: string }
  | { readonly type: 'capture_payment'; readonly paymentId: string; readonly amount: Money }
  | { readonly type: 'refund_payment'; readonly paymentId: string; readonly amount: Money; readonly reason?: string }
  | { readonly type: 'void_payment'; readonly paymentId: string }
  // shipment machine
  | {
      readonly type: 'create_shipment';
      readonly shipmentId: string;
      readonly lines: readonly { readonly lineId: string; readonly quantity: number }[];
      readonly locationId?: string;
    }
  | { readonly type: 'start_picking'; readonly shipmentId: string }
  | { readonly type: 'pack_shipment'; readonly shipmentId: string }
  | { readonly type: 'ship'; readonly shipmentId: string; readonly carrier: string; readonly trackingNumber: string }
  | { readonly type: 'deliver'; readonly shipmentId: string }
  | {
      readonly type: 'report_delay';
      readonly shipmentId: string;
      readonly newExpectedAt: Instant;
      readonly reason: string;
    }
  | { readonly type: 'cancel_shipment'; readonly shipmentId: string; readonly reason: string }
  // return machine
  | {
      readonly type: 'request_return';
      readonly returnId: string;
      readonly lines: readonly { readonly lineId: string; readonly quantity: number; readonly reason: string }[];
    }
  | { readonly type: 'authorize_return'; readonly returnId: string }
  | { readonly type: 'reject_return'; readonly returnId: string; readonly reason: string }
  | {
      readonly type: 'receive_return';
      readonly returnId: string;
      readonly lines: readonly { readonly lineId: string; readonly quantity: number }[];
    }
  | {
      readonly type: 'inspect_return';
      readonly returnId: string;
      readonly lines: readonly { readonly lineId: string; readonly resellable: number; readonly damaged: number }[];
    }
  | {
      readonly type: 'resolve_return';
      readonly returnId: string;
      readonly resolution: 'refund' | 'exchange' | 'store_credit';
    }
  // service machine
  | { readonly type: 'schedule_appointment'; readonly from: Instant; readonly until: Instant }
  | { readonly type: 'assign_technician'; readonly technicianId: string }
  | { readonly type: 'allocate_parts'; readonly parts: readonly { readonly sku: string; readonly quantity: number }[] }
  | { readonly type: 'start_service' }
  | { readonly type: 'complete_service'; readonly notes: string; readonly laborMinutes: number };

/** The type names of the default events. */
export type OrderEventType = OrderEvent['type'];

/** Typed customer messages a `notify_customer` effect carries. */
export type CustomerMessage =
  | { readonly kind: 'order_confirmed' }
  | {
      readonly kind: 'backordered';
      readonly lines: readonly { readonly lineId: string; readonly quantity: number; readonly expectedAt?: Instant }[];
    }
  | { readonly kind: 'shipped'; readonly shipmentId: string; readonly carrier: string; readonly trackingNumber: string }
  | { readonly kind: 'delayed'; readonly shipmentId: string; readonly newExpectedAt: Instant; readonly reason: string }
  | { readonly kind: 'delivered'; readonly shipmentId: string }
  | { readonly kind: 'refund_issued'; readonly amount: Money }
  | { readonly kind: 'order_cancelled'; readonly reason: string }
  | { readonly kind: 'return_authorized'; readonly returnId: string }
  | { readonly kind: 'substitution_made'; readonly lineId: string; readonly sku: string }
  | {
      readonly kind: 'lines_cancelled';
      readonly lines: readonly { readonly lineId: string; readonly quantity: number }[];
      readonly reason: string;
    }
  | { readonly kind: 'service_scheduled'; readonly from: Instant; readonly until: Instant };

/** Side effects, returned as data for the host (the workflows layer) to execute. */
export type OrderEffect =
  | {
      readonly type: 'reserve_stock';
      readonly orderId: string;
      readonly lines: readonly {
        readonly lineId: string;
        readonly sku: string;
        readonly quantity: number;
        readonly locationId?: string;
      }[];
    }
  | {
      readonly type: 'release_stock';
      readonly orderId: string;
      readonly lines: readonly {
        readonly lineId: string;
        readonly sku: string;
        readonly quantity: number;
        readonly locationId?: string;
      }[];
    }
  | {
      readonly type: 'schedule_production';
      readonly orderId: string;
      readonly lines: readonly { readonly lineId: string; readonly sku: string; readonly quantity: number }[];
    }
  | {
      readonly type: 'request_approval';
      readonly orderId: string;
      readonly queue: ApprovalQueue;
      readonly reason: string;
    }
  | { readonly type: 'authorize_payment'; readonly orderId: string; readonly amount: Money }
  | { readonly type: 'capture_payment'; readonly orderId: string; readonly paymentId: string; readonly amount: Money }
  | { readonly type: 'refund_payment'; readonly orderId: string; readonly amount: Money; readonly reason: string }
  | { readonly type: 'void_payment'; readonly orderId: string; readonly paymentId: string }
  | { readonly type: 'release_promotion_usage'; readonly orderId: string; readonly couponCodes: readonly string[] }
  | { readonly type: 'notify_customer'; readonly orderId: string; readonly message: CustomerMessage }
  | {
      readonly type: 'restock';
      readonly orderId: string;
      readonly lines: readonly { readonly lineId: string; readonly sku: string; readonly quantity: number }[];
    }
  | { readonly type: 'create_shipment_label'; readonly orderId: string; readonly shipmentId: string };
