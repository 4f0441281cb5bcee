/**
 * Workflows: the imperative shell. `createOrderService(adapters, config)` composes the pure modules
 * (pricing, order validation and machines, reservations, picking) with the ports of
 * `ordercore/adapters` into commands — place, approve, pay, allocate, pick, ship, deliver, cancel,
 * return, edit — each with an idempotency key, compensation when a later step fails, bounded
 * retries on version conflicts, and effects published through the outbox. This is the only module
 * that talks to adapters.
 *
 * @example
 * ```ts
 * import { WORKFLOW_ERROR_CODES, createOrderService } from 'ordercore/workflows';
 *
 * typeof createOrderService; //=> 'function'
 * WORKFLOW_ERROR_CODES.includes('conflict'); //=> true
 * ```
 *
 * @module ordercore/workflows
 */

export { createOrderService } from './createOrderService.js';
export type { WorkflowErrorCode } from './errors.js';
export { WORKFLOW_ERROR_CODES, WorkflowError } from './errors.js';
export type {
  ApproveOrderRequest,
  AuthorizePaymentRequest,
  CancelOrderRequest,
  CapturePaymentRequest,
  CommandOutcome,
  DeliverOrderRequest,
  EditOrderRequest,
  OrderCommand,
  OrderService,
  OrderServiceAdapters,
  OrderServiceConfig,
  PickingOutcome,
  PlaceOrderLine,
  PlaceOrderOutcome,
  PlaceOrderRequest,
  PlanPickingRequest,
  ReceiveReturnRequest,
  RequestReturnRequest,
  ShipOrderRequest,
  ShippingConfig,
  WarehouseConfig,
} from './types.js';
