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

// --- validation, approval routing, prioritisation (helper B) ---

// --- edits, cancellations, backorders, substitutions (helper C) ---
export { applyOrderEdits } from './edits/applyOrderEdits.js';
export { applySubstitution } from './edits/applySubstitution.js';
export { cancelLineQuantities } from './edits/cancelLineQuantities.js';
export type { OrderEditErrorCode } from './edits/errors.js';
export { ORDER_EDIT_ERROR_CODES, OrderEditError } from './edits/errors.js';
export { lineAmountsForUnits } from './edits/lineAmountsForUnits.js';
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
export { applyOrderEdits } from './edits/applyOrderEdits.js';
export { applySubstitution } from './edits/applySubstitution.js';
export { cancelLineQuantities } from './edits/cancelLineQuantities.js';
export type { OrderEditErrorCode } from './edits/errors.js';
export { ORDER_EDIT_ERROR_CODES, OrderEditError } from './edits/errors.js';
export { lineAmountsForUnits } from './edits/lineAmountsForUnits.js';
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
