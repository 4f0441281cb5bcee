import type { Order } from '../types.js';
import { OrderPolicyError } from '../validation/errors.js';
import { isRecord, show } from '../validation/internal/show.js';
import type { ApprovalOutcome } from './types.js';

/**
 * Where an order stands on approval, derived from its approval steps (a projection: never stored).
 *
 * - no steps: `'not_required'`;
 * - any step rejected: `'rejected'` (one rejection is enough, whatever the others say);
 * - every step approved: `'approved'`;
 * - otherwise: `'pending'`.
 *
 * @param order - The order, or anything with its `approvals`.
 * @returns The outcome.
 * @throws {@link OrderPolicyError} `invalid_order` when `approvals` is not a list of steps with a known status.
 * @example
 * ```ts
 * import { approvalOutcome } from 'ordercore/orders';
 *
 * approvalOutcome({ approvals: [] }); //=> 'not_required'
 * const approvals = [
 *   { queue: 'credit', ruleId: 'large', reason: 'Large order', status: 'approved', decidedBy: 'u-7' },
 *   { queue: 'engineering', ruleId: 'cnc', reason: 'Machinery', status: 'pending' },
 * ] as const;
 * approvalOutcome({ approvals }); //=> 'pending'
 * ```
 */
export function approvalOutcome(order: Pick<Order, 'approvals'>): ApprovalOutcome {
  const approvals: unknown = isRecord(order) ? order['approvals'] : undefined;
  if (!Array.isArray(approvals)) {
    throw new OrderPolicyError('invalid_order', `approvals: ${show(approvals)} is not a list of approval steps.`, {
      field: 'approvals',
    });
  }
  if (approvals.length === 0) return 'not_required';
  let allApproved = true;
  let rejected = false;
  for (let i = 0; i < approvals.length; i++) {
    const step: unknown = approvals[i];
    const status = isRecord(step) ? step['status'] : undefined;
    if (status !== 'pending' && status !== 'approved' && status !== 'rejected') {
      throw new OrderPolicyError(
        'invalid_order',
        `approvals[${i}].status: ${show(status)} is not 'pending', 'approved' or 'rejected'.`,
        {
          field: `approvals[${i}].status`,
        },
      );
    }
    if (status === 'rejected') rejected = true;
    if (status !== 'approved') allApproved = false;
  }
  if (rejected) return 'rejected';
  return allApproved ? 'approved' : 'pending';
}
