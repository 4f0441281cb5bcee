/**
 * Orders: the order lifecycle as pure, configurable state machines (order, payment, shipment,
 * return, service), projections, validation, approval routing, prioritisation, edits and exceptions.
 *
 * @example
 * ```ts
 * import { ORDER_TYPES } from 'ordercore/orders';
 *
 * ORDER_TYPES.includes('make_to_order'); //=> true
 * ```
 *
 * @module ordercore/orders
 */

// --- validation, approval routing, prioritisation (helper B) ---
export { approvalOutcome } from './approval/approvalOutcome.js';
export { routeApproval } from './approval/routeApproval.js';
export type {
  ApprovalCondition,
  ApprovalContext,
  ApprovalOutcome,
  ApprovalRouting,
  ApprovalRule,
  ApprovalStepRequest,
} from './approval/types.js';
// --- machines, transition, replay, projections (helper A) ---
export type { AvailableEvent, BlockedEvent } from './availableEvents.js';
export { availableEvents } from './availableEvents.js';
export { createOrder } from './createOrder.js';
// --- edits, cancellations, backorders, substitutions (helper C) ---
export { applyOrderEdits } from './edits/applyOrderEdits.js';
export { applySubstitution } from './edits/applySubstitution.js';
export { cancelLineQuantities } from './edits/cancelLineQuantities.js';
export type { OrderEditErrorCode } from './edits/errors.js';
export { ORDER_EDIT_ERROR_CODES, OrderEditError } from './edits/errors.js';
export { lineAmountsForUnits } from './edits/lineAmountsForUnits.js';
export { orderBalance } from './edits/orderBalance.js';
export { planAllocation } from './edits/planAllocation.js';
export { proposeSubstitutions } from './edits/proposeSubstitutions.js';
export type {
  AllocationPlan,
  AvailabilityContext,
  LineUnitAmounts,
  OrderBalance,
  OrderDiffEntry,
  OrderEditOutcome,
  PlanAllocationOptions,
  SkuAvailability,
  SubstitutionBearer,
  SubstitutionCandidate,
  SubstitutionContext,
  SubstitutionProposal,
  SubstitutionRules,
} from './edits/types.js';
export type { OrderMachineErrorCode, OrderTransitionErrorCode } from './errors.js';
export {
  ORDER_MACHINE_ERROR_CODES,
  ORDER_TRANSITION_ERROR_CODES,
  OrderMachineError,
  OrderTransitionError,
} from './errors.js';
export type { FulfillmentStatus } from './fulfillmentStatus.js';
export { FULFILLMENT_STATUSES, fulfillmentStatus } from './fulfillmentStatus.js';
export { defineMachine } from './machine/defineMachine.js';
export type { MachineExtension } from './machine/extendMachine.js';
export { extendMachine } from './machine/extendMachine.js';
export { toMermaid } from './machine/toMermaid.js';
export type {
  ChangeCutoff,
  CustomOrderEvent,
  EventDefinition,
  EventIssue,
  GuardDefinition,
  GuardRejection,
  Machine,
  MachineDefinition,
  MachineEffects,
  MachineEntity,
  MachineEvent,
  MachineGuard,
  MachineUpdate,
  OrderMachines,
  PaidWhen,
  StateDefinition,
  TransitionContext,
  TransitionDefinition,
  UpdateOutcome,
} from './machine/types.js';
export { MACHINE_ENTITIES, NEW_ENTITY } from './machine/types.js';
export { DEFAULT_GUARD_NAMES, defaultMachines } from './machines/defaults.js';
export { orderMachine } from './machines/order.js';
export { paymentMachine } from './machines/payment.js';
export { returnMachine } from './machines/return.js';
export { serviceMachine } from './machines/service.js';
export { shipmentMachine } from './machines/shipment.js';
export { orderInvariantViolations } from './orderInvariantViolations.js';
export type { OrderTotals } from './orderTotals.js';
export { orderTotals } from './orderTotals.js';
export type { PaymentStatus } from './paymentStatus.js';
export { PAYMENT_STATUSES, paymentStatus } from './paymentStatus.js';
export { prioritizeOrders } from './priority/prioritizeOrders.js';
export type { PrioritizedOrder, PriorityCriterion, PriorityKey } from './priority/types.js';
export type { ReplayOptions } from './replay.js';
export { replay } from './replay.js';
export type { ReturnStatus } from './returnStatus.js';
export { RETURN_STATUSES, returnStatus } from './returnStatus.js';
export type { TransitionOptions, TransitionResult } from './transition.js';
export { transition } from './transition.js';
// --- model (src/orders/types.ts) ---
export type {
  Actor,
  Address,
  ApprovalQueue,
  ApprovalStep,
  CalendarDate,
  CustomerMessage,
  FinancialTerms,
  FulfillmentRequirements,
  HistoryEntry,
  Instant,
  LineQuantities,
  LineSourcing,
  Order,
  OrderCustomer,
  OrderDraft,
  OrderDraftLine,
  OrderEdit,
  OrderEffect,
  OrderEvent,
  OrderEventType,
  OrderLine,
  OrderPriority,
  OrderState,
  OrderTimestamps,
  OrderType,
  Payment,
  PaymentState,
  PaymentTerms,
  ReturnCondition,
  ReturnLine,
  ReturnRequest,
  ReturnState,
  ServiceJob,
  ServiceState,
  Shipment,
  ShipmentState,
} from './types.js';
export {
  APPROVAL_QUEUES,
  LINE_SOURCING,
  ORDER_PRIORITIES,
  ORDER_STATES,
  ORDER_TYPES,
  PAYMENT_STATES,
  RETURN_CONDITIONS,
  RETURN_STATES,
  SERVICE_STATES,
  SHIPMENT_STATES,
} from './types.js';
export type { OrderPolicyErrorCode } from './validation/errors.js';
export { ORDER_POLICY_ERROR_CODES, OrderPolicyError } from './validation/errors.js';
export type {
  AddressField,
  AddressRules,
  CreditAccount,
  DeliveryContext,
  OrderBatchValidation,
  OrderCutoff,
  OrderValidationContext,
  OrderValidationIssue,
  OrderValidationIssueCode,
  OrderValidationReport,
  PricingReference,
  SkuRule,
  ValidateOrderOptions,
  ValidateOrdersOptions,
} from './validation/types.js';
export { ORDER_VALIDATION_ISSUE_CODES } from './validation/types.js';
export { validateOrder } from './validation/validateOrder.js';
export { validateOrders } from './validation/validateOrders.js';
