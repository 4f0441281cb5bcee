import { POLICY_GUARDS, ROUTING_GUARDS } from '../internal/guards.js';
import type { OrderMachines } from '../machine/types.js';
import { orderMachine } from './order.js';
import { paymentMachine } from './payment.js';
import { returnMachine } from './return.js';
import { serviceMachine } from './service.js';
import { shipmentMachine } from './shipment.js';

let shared: OrderMachines | undefined;

/**
 * The five default machines (order, payment, shipment, return, service), built once on first use
 * and shared: `transition`, `createOrder`, `replay` and `availableEvents` use them unless
 * `options.machines` says otherwise. Extend them with `extendMachine`.
 *
 * @returns The shared default machine set.
 * @example
 * ```ts
 * import { defaultMachines } from 'ordercore/orders';
 *
 * defaultMachines() === defaultMachines(); //=> true
 * defaultMachines().order.id; //=> 'order'
 * ```
 */
export function defaultMachines(): OrderMachines {
  shared ??= {
    order: orderMachine(),
    payment: paymentMachine(),
    shipment: shipmentMachine(),
    return: returnMachine(),
    service: serviceMachine(),
  };
  return shared;
}

/**
 * The public names of the default machines' guards, policy first, then routing conditions (`when`).
 * Policy guards can be switched off with `extendMachine(machine, { disableGuards: [...] })`:
 *
 * - `paid_or_credit_approved`: creating a shipment and shipping need the order paid (captured −
 *   refunded ≥ the amount due, i.e. grand total − refunded returns as `orderTotals` counts it; with
 *   `paidWhen: 'authorized'`, live authorisations − refunds), or net terms with `creditApproved`, or
 *   cash on delivery.
 * - `before_change_cutoff`: edits, line cancellations, substitutions and cancellation stop once a
 *   shipment reaches the change cutoff (`changeCutoff`, default `'picking'`).
 * - `release_date_reached`: a pre-order is released on or after `releaseAt`.
 * - `order_not_on_hold`: no shipment moves (or service step happens) while the order is on hold.
 * - `fulfillment_complete`: `complete` needs every unit still ordered shipped (service orders: the job completed).
 * - `quantities_within_open`: allocations, production, shipments, returns, receipts and inspections stay within what is open.
 * - `capture_within_authorized`, `refund_within_captured`: captured ≤ authorised, refunded ≤ captured.
 *
 * Routing conditions choose between candidate transitions (`is_pre_order`, `approvals_complete`,
 * `allocates_make_to_order`, `production_complete`, `capture_completes`, `refund_completes`,
 * `receipt_completes`, `inspection_completes`, `resolution_refund`, `resolution_exchange`,
 * `resolution_store_credit`, `held_from_<state>`).
 *
 * @example
 * ```ts
 * import { DEFAULT_GUARD_NAMES } from 'ordercore/orders';
 *
 * DEFAULT_GUARD_NAMES.slice(0, 2); //=> ['paid_or_credit_approved', 'before_change_cutoff']
 * ```
 */
export const DEFAULT_GUARD_NAMES: readonly string[] = [...Object.keys(POLICY_GUARDS), ...Object.keys(ROUTING_GUARDS)];
