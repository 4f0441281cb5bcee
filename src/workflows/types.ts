import type { CarrierGateway } from '../adapters/carrierGateway.js';
import type { Clock } from '../adapters/clock.js';
import type { EventOutbox } from '../adapters/eventOutbox.js';
import type { IdGenerator } from '../adapters/idGenerator.js';
import type { InventoryStore } from '../adapters/inventoryStore.js';
import type { OrderRepository } from '../adapters/orderRepository.js';
import type { PaymentGateway } from '../adapters/paymentGateway.js';
import type { PromotionUsageStore } from '../adapters/promotionUsageStore.js';
import type { Result } from '../core/result.js';
import type { AvailabilityPolicy, LocationId, Sku } from '../inventory/types.js';
import type { ApprovalRule } from '../orders/approval/types.js';
import type { ChangeCutoff, OrderMachines, PaidWhen } from '../orders/machine/types.js';
import type {
  Actor,
  ApprovalQueue,
  FinancialTerms,
  FulfillmentRequirements,
  Order,
  OrderCustomer,
  OrderEdit,
  OrderEffect,
  OrderPriority,
} from '../orders/types.js';
import type { OrderValidationContext } from '../orders/validation/types.js';
import type { BatchOrdersOptions } from '../picking/batching/types.js';
import type { StorageLocation, WarehouseLayout } from '../picking/types.js';
import type { WaveBatches } from '../picking/waves/planAndBatchWaves.js';
import type { WaveCapacity, WaveOrder, WaveSlot } from '../picking/waves/types.js';
import type { Catalog, PricedCart, PricingOptions, Promotion, ShippingSelection } from '../pricing/types.js';
import type { CarrierPolicy } from '../shipping/types.js';
import type { WorkflowError } from './errors.js';

/**
 * The ports an order service works through: the only place ordercore talks to storage, payment
 * providers and message brokers.
 *
 * @example
 * ```ts
 * import type { OrderServiceAdapters } from 'ordercore/workflows';
 *
 * const ports: (keyof OrderServiceAdapters)[] = ['orders', 'inventory', 'promotions', 'payments', 'outbox', 'clock', 'ids'];
 * ports.length; //=> 7
 * ```
 */
export interface OrderServiceAdapters {
  /** Where orders are stored, with optimistic versions. */
  readonly orders: OrderRepository;
  /** The stock ledger; reservation intents are applied atomically here. */
  readonly inventory: InventoryStore;
  /** Promotion and coupon usage, reserved against limits and budgets. */
  readonly promotions: PromotionUsageStore;
  /** The payment provider. */
  readonly payments: PaymentGateway;
  /** Where the effects for others (customer notices, approval requests ...) are published. */
  readonly outbox: EventOutbox;
  /** The time: read once per command attempt. */
  readonly clock: Clock;
  /** New order ids (when a command does not bring its own). */
  readonly ids: IdGenerator;
  /** The carriers: when present, `shipOrder` without a carrier rate-shops and buys the label here. */
  readonly carriers?: CarrierGateway;
}

/**
 * How `shipOrder` rate-shops when it buys labels through the `CarrierGateway`.
 *
 * @example
 * ```ts
 * import type { ShippingConfig } from 'ordercore/workflows';
 *
 * const shipping: ShippingConfig = { policy: { objective: 'cheapest' }, unitWeightGrams: { MUG: 400 } };
 * shipping.unitWeightGrams?.['MUG']; //=> 400
 * ```
 */
export interface ShippingConfig {
  /** How the quote is chosen (`selectCarrier`); `mustArriveBy` defaults to the order's requested delivery date. */
  readonly policy?: CarrierPolicy;
  /** Grams per unit of each SKU (default 500 g). */
  readonly unitWeightGrams?: Readonly<Record<Sku, number>>;
  /** The box every shipment goes in (one parcel). Default 300 × 200 × 150 mm. */
  readonly box?: {
    /** Length in millimetres. */
    readonly lengthMm: number;
    /** Width in millimetres. */
    readonly widthMm: number;
    /** Height in millimetres. */
    readonly heightMm: number;
  };
}

/**
 * Where picks are in the warehouse, for {@link OrderService.planPicking}.
 *
 * @example
 * ```ts
 * import type { WarehouseConfig } from 'ordercore/workflows';
 *
 * const warehouse: WarehouseConfig = {
 *   location: 'dc',
 *   layout: { aisles: 3, cellsPerSide: 10, cellLength: 1, aisleSpacing: 3, frontMargin: 1, backMargin: 1, depot: { aisle: 0 } },
 *   slots: { MUG: { aisle: 0, cell: 3 } },
 * };
 * warehouse.slots['MUG']?.cell; //=> 3
 * ```
 */
export interface WarehouseConfig {
  /** The inventory location this warehouse is (shipments from other locations are not planned here). */
  readonly location: LocationId;
  /** The warehouse's layout. */
  readonly layout: WarehouseLayout;
  /** Where each SKU is stored (a SKU without a slot cannot be picked here). */
  readonly slots: Readonly<Record<Sku, StorageLocation>>;
}

/**
 * How an order service prices, validates, reserves and routes: the data it composes the pure
 * modules with.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { OrderServiceConfig } from 'ordercore/workflows';
 *
 * const config: OrderServiceConfig = {
 *   catalog: { currency: 'USD', items: [{ sku: 'MUG' }], basePrices: [{ sku: 'MUG', price: money('8.00', 'USD') }] },
 *   stockLocations: ['dc', 'store-1'],
 * };
 * config.stockLocations.length; //=> 2
 * ```
 */
export interface OrderServiceConfig {
  /** The catalog carts are priced from. */
  readonly catalog: Catalog;
  /** The promotions carts are priced with. Default none. */
  readonly promotions?: readonly Promotion[];
  /** Further pricing options (tax, lanes, manual price policy, rounding). */
  readonly pricing?: Pick<PricingOptions, 'tax' | 'lanes' | 'manualPricePolicy' | 'discountRounding' | 'region'>;
  /** What `validateOrder` checks placed orders against. Default: shape and dates only. */
  readonly validation?: OrderValidationContext;
  /** Approval rules (`routeApproval`): an order they route waits in `pending_approval`. Default none. */
  readonly approvalRules?: readonly ApprovalRule[];
  /** The locations stock is held at, tried in this order for each line (the first that holds it all). */
  readonly stockLocations: readonly LocationId[];
  /** Safety stock and backorder limits for reservations. */
  readonly availability?: AvailabilityPolicy;
  /** Where returned resellable units are restocked. Default: the first of `stockLocations`. */
  readonly returnLocation?: LocationId;
  /** How labels are bought when the `carriers` port is given. */
  readonly shipping?: ShippingConfig;
  /** The warehouse picks are planned in (`planPicking`). */
  readonly warehouse?: WarehouseConfig;
  /** Who the service acts as when a command names no actor. Default `{ kind: 'system', id: 'order-service' }`. */
  readonly actor?: Actor;
  /** Attempts per command when the order or the stock changes under it (version conflicts). Default 5. */
  readonly maxAttempts?: number;
  /** Machines, paid-when policy and change cutoff passed to every `transition`. */
  readonly transitions?: {
    /** Extended machines (see `extendMachine`). */
    readonly machines?: Partial<OrderMachines>;
    /** When an order counts as paid. */
    readonly paidWhen?: PaidWhen;
    /** The change cutoff for edits and cancellations. */
    readonly changeCutoff?: ChangeCutoff;
  };
}

/**
 * One line of a {@link PlaceOrderRequest}: what the customer wants; pricing sets the amounts.
 *
 * @example
 * ```ts
 * import type { PlaceOrderLine } from 'ordercore/workflows';
 *
 * const line: PlaceOrderLine = { id: 'l1', sku: 'MUG', quantity: 2 };
 * line.quantity; //=> 2
 * ```
 */
export interface PlaceOrderLine {
  /** The line id, unique within the order. */
  readonly id: string;
  /** The SKU (in the catalog). */
  readonly sku: string;
  /** Units (a positive safe integer). */
  readonly quantity: number;
  /** The description shown to the customer. Default: the SKU. */
  readonly description?: string;
}

/**
 * The place-order command.
 *
 * @example
 * ```ts
 * import type { PlaceOrderRequest } from 'ordercore/workflows';
 *
 * const request: PlaceOrderRequest = {
 *   key: 'checkout-42', orderId: 'o-42', channel: 'web',
 *   customer: { accountId: 'c-1', deliveryAddress: { line1: '1 Main St', city: 'Springfield', country: 'US' } },
 *   lines: [{ id: 'l1', sku: 'MUG', quantity: 2 }],
 *   payment: { method: 'tok_visa' },
 * };
 * request.lines.length; //=> 1
 * ```
 */
export interface PlaceOrderRequest {
  /** The idempotency key: a retry with the same key (and `orderId`) returns the same order. */
  readonly key: string;
  /** The order's id. Default: a new id from the `IdGenerator` (then pass it on retries to make them safe). */
  readonly orderId?: string;
  /** The sales channel. */
  readonly channel: string;
  /** Who orders, who pays, where it goes. */
  readonly customer: OrderCustomer;
  /** The lines (at least one, unique ids). */
  readonly lines: readonly PlaceOrderLine[];
  /** The shipping method and price chosen. */
  readonly shipping?: ShippingSelection;
  /** Coupon codes entered. */
  readonly couponCodes?: readonly string[];
  /** Financial terms. Default: prepaid, credit not approved. */
  readonly terms?: FinancialTerms;
  /** Authorise the grand total on this payment method while placing. Default: no authorisation. */
  readonly payment?: {
    /** The payment method's token at the provider. */
    readonly method: string;
  };
  /** The order's priority. Default `'normal'`. */
  readonly priority?: OrderPriority;
  /** Delivery requirements. */
  readonly fulfillment?: FulfillmentRequirements;
  /** Who places it. Default: the service's actor. */
  readonly actor?: Actor;
}

/**
 * What every command returns on success.
 *
 * @example
 * ```ts
 * import type { CommandOutcome } from 'ordercore/workflows';
 *
 * const keys: (keyof CommandOutcome)[] = ['order', 'replayed', 'effects'];
 * keys.length; //=> 3
 * ```
 */
export interface CommandOutcome {
  /** The order as stored after the command. */
  readonly order: Order;
  /** `true` when the key had already been applied: nothing new was done (pending effects were finished). */
  readonly replayed: boolean;
  /** The effects of the command's transitions (empty on a replay). */
  readonly effects: readonly OrderEffect[];
}

/**
 * What {@link OrderService.placeOrder} returns on success.
 *
 * @example
 * ```ts
 * import type { PlaceOrderOutcome } from 'ordercore/workflows';
 *
 * const keys: (keyof PlaceOrderOutcome)[] = ['order', 'replayed', 'effects', 'priced'];
 * keys.length; //=> 4
 * ```
 */
export interface PlaceOrderOutcome extends CommandOutcome {
  /** The priced cart the order was made from (absent on a replay). */
  readonly priced?: PricedCart;
}

/**
 * The fields every command on an existing order carries.
 *
 * @example
 * ```ts
 * import type { OrderCommand } from 'ordercore/workflows';
 *
 * const command: OrderCommand = { key: 'capture-o-1', orderId: 'o-1' };
 * command.orderId; //=> 'o-1'
 * ```
 */
export interface OrderCommand {
  /** The idempotency key: recorded on the order's history entries, a retry with it changes nothing. */
  readonly key: string;
  /** The order. */
  readonly orderId: string;
  /** Who sends the command. Default: the service's actor. */
  readonly actor?: Actor;
}

/**
 * Approve or reject the pending step of an approval queue.
 *
 * @example
 * ```ts
 * import type { ApproveOrderRequest } from 'ordercore/workflows';
 *
 * const request: ApproveOrderRequest = { key: 'k-1', orderId: 'o-1', queue: 'credit', actor: { kind: 'user', id: 'cfo' } };
 * request.queue; //=> 'credit'
 * ```
 */
export interface ApproveOrderRequest extends OrderCommand {
  /** The queue whose pending step is decided. */
  readonly queue: ApprovalQueue;
  /** The approver's comment (approve) or the reason (reject). */
  readonly comment?: string;
}

/**
 * Capture money from the order's authorised payment.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { CapturePaymentRequest } from 'ordercore/workflows';
 *
 * const request: CapturePaymentRequest = { key: 'cap-1', orderId: 'o-1', amount: money('10.00', 'USD') };
 * request.amount?.amount; //=> 1000
 * ```
 */
export interface CapturePaymentRequest extends OrderCommand {
  /** The amount. Default: what is still owed (amount due − net captured), at most what is authorised. */
  readonly amount?: Order['shipping']['net'];
}

/**
 * Authorise a payment on an order that has none (or needs more).
 *
 * @example
 * ```ts
 * import type { AuthorizePaymentRequest } from 'ordercore/workflows';
 *
 * const request: AuthorizePaymentRequest = { key: 'auth-1', orderId: 'o-1', method: 'tok_visa' };
 * request.method; //=> 'tok_visa'
 * ```
 */
export interface AuthorizePaymentRequest extends OrderCommand {
  /** The payment method's token. */
  readonly method: string;
  /** The amount. Default: the balance due. */
  readonly amount?: Order['shipping']['net'];
}

/**
 * Plan the picking of allocated orders in the configured warehouse.
 *
 * @example
 * ```ts
 * import type { PlanPickingRequest } from 'ordercore/workflows';
 *
 * const request: PlanPickingRequest = {
 *   key: 'wave-2026-11-23', orderIds: ['o-1', 'o-2'],
 *   waves: [{ id: 'W1', releaseAt: '2026-11-23T08:00:00Z' }],
 *   batching: { capacity: { items: 20 }, policy: 'largest_gap', method: 'savings' },
 * };
 * request.orderIds.length; //=> 2
 * ```
 */
export interface PlanPickingRequest {
  /** The idempotency key (recorded on every order whose picking starts). */
  readonly key: string;
  /** The orders to plan (their allocated units at the warehouse's location). */
  readonly orderIds: readonly string[];
  /** The wave slots. */
  readonly waves: readonly WaveSlot[];
  /** The default capacity of a wave. */
  readonly capacity?: WaveCapacity;
  /** How each wave is batched. */
  readonly batching: BatchOrdersOptions;
  /** Who sends the command. */
  readonly actor?: Actor;
}

/**
 * What {@link OrderService.planPicking} returns.
 *
 * @example
 * ```ts
 * import type { PickingOutcome } from 'ordercore/workflows';
 *
 * const keys: (keyof PickingOutcome)[] = ['plan', 'orders', 'started'];
 * keys.length; //=> 3
 * ```
 */
export interface PickingOutcome {
  /** The waves and their batches. */
  readonly plan: WaveBatches<WaveOrder>;
  /** The orders after picking started. */
  readonly orders: readonly Order[];
  /** The ids of the shipments whose picking started. */
  readonly started: readonly string[];
}

/**
 * Pack and ship a shipment.
 *
 * @example
 * ```ts
 * import type { ShipOrderRequest } from 'ordercore/workflows';
 *
 * const request: ShipOrderRequest = { key: 'ship-1', orderId: 'o-1', shipmentId: 'o-1/S1', carrier: 'UPS', trackingNumber: '1Z1' };
 * request.carrier; //=> 'UPS'
 * ```
 */
export interface ShipOrderRequest extends OrderCommand {
  /** The shipment (in `allocated`, `picking` or `packed`). */
  readonly shipmentId: string;
  /** The carrier code, when the label was bought elsewhere (with `trackingNumber`). Absent: rate-shop through the `carriers` port. */
  readonly carrier?: string;
  /** The carrier's tracking number (with `carrier`). */
  readonly trackingNumber?: string;
}

/**
 * A shipment was delivered.
 *
 * @example
 * ```ts
 * import type { DeliverOrderRequest } from 'ordercore/workflows';
 *
 * const request: DeliverOrderRequest = { key: 'pod-1', orderId: 'o-1', shipmentId: 'o-1/S1' };
 * request.shipmentId; //=> 'o-1/S1'
 * ```
 */
export interface DeliverOrderRequest extends OrderCommand {
  /** The shipment delivered. */
  readonly shipmentId: string;
}

/**
 * Cancel the whole order, or some units of some lines.
 *
 * @example
 * ```ts
 * import type { CancelOrderRequest } from 'ordercore/workflows';
 *
 * const partial: CancelOrderRequest = { key: 'c-1', orderId: 'o-1', reason: 'customer request', lines: [{ lineId: 'l1', quantity: 1 }] };
 * partial.lines?.length; //=> 1
 * ```
 */
export interface CancelOrderRequest extends OrderCommand {
  /** Why. */
  readonly reason: string;
  /** Units to cancel per line. Absent: the whole order. */
  readonly lines?: readonly {
    /** The order line. */
    readonly lineId: string;
    /** Units to cancel. */
    readonly quantity: number;
  }[];
}

/**
 * Open a return (RMA) for shipped units; it is authorised at once.
 *
 * @example
 * ```ts
 * import type { RequestReturnRequest } from 'ordercore/workflows';
 *
 * const request: RequestReturnRequest = { key: 'rma-1', orderId: 'o-1', lines: [{ lineId: 'l1', quantity: 1, reason: 'wrong_size' }] };
 * request.lines[0]?.reason; //=> 'wrong_size'
 * ```
 */
export interface RequestReturnRequest extends OrderCommand {
  /** Units to return per line, each with a reason code. */
  readonly lines: readonly {
    /** The order line. */
    readonly lineId: string;
    /** Units to return. */
    readonly quantity: number;
    /** The customer's reason code. */
    readonly reason: string;
  }[];
}

/**
 * Returned units arrived and were inspected: restock the resellable ones, refund the return.
 *
 * @example
 * ```ts
 * import type { ReceiveReturnRequest } from 'ordercore/workflows';
 *
 * const request: ReceiveReturnRequest = { key: 'rcv-1', orderId: 'o-1', returnId: 'o-1/R1', lines: [{ lineId: 'l1', resellable: 1, damaged: 0 }] };
 * request.lines[0]?.resellable; //=> 1
 * ```
 */
export interface ReceiveReturnRequest extends OrderCommand {
  /** The return. */
  readonly returnId: string;
  /** What arrived per line, by condition (every requested unit must arrive). */
  readonly lines: readonly {
    /** The order line. */
    readonly lineId: string;
    /** Units fit to sell again (restocked). */
    readonly resellable: number;
    /** Units damaged (not restocked). */
    readonly damaged: number;
  }[];
}

/**
 * Edit an order (add or remove lines, change quantities, address or date): stock is held for new
 * units before the edit is saved, and released for units no longer ordered.
 *
 * @example
 * ```ts
 * import type { EditOrderRequest } from 'ordercore/workflows';
 *
 * const request: EditOrderRequest = { key: 'e-1', orderId: 'o-1', edits: [{ kind: 'change_quantity', lineId: 'l1', quantity: 3 }] };
 * request.edits.length; //=> 1
 * ```
 */
export interface EditOrderRequest extends OrderCommand {
  /** The edits, all or nothing. */
  readonly edits: readonly OrderEdit[];
  /** Why. */
  readonly reason?: string;
}

/**
 * The order service: each command runs one use case end to end through the ports, with an
 * idempotency key, and returns a `Result` (never throws for expected failures).
 *
 * @example
 * ```ts
 * import type { OrderService } from 'ordercore/workflows';
 *
 * const commands: (keyof OrderService)[] = ['placeOrder', 'approveOrder', 'capturePayment', 'allocateOrder', 'shipOrder', 'cancelOrder'];
 * commands.length; //=> 6
 * ```
 */
export interface OrderService {
  /**
   * Validates, prices, holds stock for every line (all or nothing), reserves promotion usage,
   * authorises the payment, creates and confirms (or routes to approval) and saves the order;
   * a failure after a step compensates the steps before it.
   *
   * @param request - The command.
   * @returns The order, or why it could not be placed (nothing held).
   */
  placeOrder(request: PlaceOrderRequest): Promise<Result<PlaceOrderOutcome, WorkflowError>>;
  /**
   * Approves the pending step of a queue; the last approval confirms the order.
   *
   * @param request - The command.
   * @returns The order.
   */
  approveOrder(request: ApproveOrderRequest): Promise<Result<CommandOutcome, WorkflowError>>;
  /**
   * Rejects the pending step of a queue: the order is rejected, its stock, usage and authorisation released.
   *
   * @param request - The command (`comment` is the reason).
   * @returns The order.
   */
  rejectOrder(request: ApproveOrderRequest): Promise<Result<CommandOutcome, WorkflowError>>;
  /**
   * Authorises a payment at the gateway and records it on the order.
   *
   * @param request - The command.
   * @returns The order.
   */
  authorizePayment(request: AuthorizePaymentRequest): Promise<Result<CommandOutcome, WorkflowError>>;
  /**
   * Captures at the gateway and records the capture on the order.
   *
   * @param request - The command.
   * @returns The order.
   */
  capturePayment(request: CapturePaymentRequest): Promise<Result<CommandOutcome, WorkflowError>>;
  /**
   * Commits the order's stock holds into allocations, records the allocation, and puts the
   * allocated units into one shipment per location when the order may ship.
   *
   * @param request - The command.
   * @returns The order.
   */
  allocateOrder(request: OrderCommand): Promise<Result<CommandOutcome, WorkflowError>>;
  /**
   * Plans waves and pick batches for allocated orders and starts picking their shipments.
   *
   * @param request - The command.
   * @returns The plan and the orders.
   */
  planPicking(request: PlanPickingRequest): Promise<Result<PickingOutcome, WorkflowError>>;
  /**
   * Packs and ships a shipment: the stock leaves the ledger, the capture the shipment calls for is
   * taken, the customer is notified.
   *
   * @param request - The command.
   * @returns The order.
   */
  shipOrder(request: ShipOrderRequest): Promise<Result<CommandOutcome, WorkflowError>>;
  /**
   * Records a delivery, and completes the order once everything still ordered has shipped and arrived.
   *
   * @param request - The command.
   * @returns The order.
   */
  deliverOrder(request: DeliverOrderRequest): Promise<Result<CommandOutcome, WorkflowError>>;
  /**
   * Cancels the order or some units: releases their stock, refunds from the stored amounts, voids
   * authorisations and releases promotion usage as the order's effects ask.
   *
   * @param request - The command.
   * @returns The order.
   */
  cancelOrder(request: CancelOrderRequest): Promise<Result<CommandOutcome, WorkflowError>>;
  /**
   * Opens and authorises a return.
   *
   * @param request - The command.
   * @returns The order (the return is its last).
   */
  requestReturn(request: RequestReturnRequest): Promise<Result<CommandOutcome, WorkflowError>>;
  /**
   * Receives, inspects and refunds a return; resellable units go back into stock (a ledger `return` entry).
   *
   * @param request - The command.
   * @returns The order.
   */
  receiveReturn(request: ReceiveReturnRequest): Promise<Result<CommandOutcome, WorkflowError>>;
  /**
   * Edits the order, holding stock for added units first and releasing stock for removed ones.
   *
   * @param request - The command.
   * @returns The order.
   */
  editOrder(request: EditOrderRequest): Promise<Result<CommandOutcome, WorkflowError>>;
}
