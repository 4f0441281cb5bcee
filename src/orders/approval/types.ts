import type { Money } from '../../money/index.js';
import type { ApprovalQueue, ApprovalStep, OrderDraft, PaymentTerms } from '../types.js';

/**
 * A condition of an approval rule: a leaf test on the order, or `all` / `any` / `not` of others.
 *
 * Leaves:
 * - `order_value`: the grand total (Σ line totals + shipping net + shipping tax) is `≥` (`op: 'gte'`)
 *   or `>` (`op: 'gt'`) `amount`. The amount must be in the order's currency (else
 *   `OrderPolicyError` `currency_mismatch`).
 * - `category`: any line's category (the line's own, else the context catalogue's for its SKU) is one of `categories`.
 * - `risk_score`: the customer's `riskScore ≥ atLeast`. A customer without a score matches when
 *   `whenMissing` is `true` (the default: an unknown risk is treated as needing review).
 * - `payment_terms`: the order's payment terms kind is one of `kinds`.
 * - `custom`: `test(order)` returns `true`. A function: such a rule is not serialisable (keep
 *   serialisable rule sets to the other leaves). `name` is shown in messages.
 *
 * `all` of nothing is true, `any` of nothing is false.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { ApprovalCondition } from 'ordercore/orders';
 *
 * const bigOrRisky: ApprovalCondition = {
 *   kind: 'any',
 *   conditions: [
 *     { kind: 'order_value', op: 'gte', amount: money('10000', 'USD') },
 *     { kind: 'risk_score', atLeast: 70 },
 *   ],
 * };
 * bigOrRisky.kind; //=> 'any'
 * ```
 */
export type ApprovalCondition =
  | {
      /** Every condition holds. */
      readonly kind: 'all';
      /** The conditions. */
      readonly conditions: readonly ApprovalCondition[];
    }
  | {
      /** At least one condition holds. */
      readonly kind: 'any';
      /** The conditions. */
      readonly conditions: readonly ApprovalCondition[];
    }
  | {
      /** The condition does not hold. */
      readonly kind: 'not';
      /** The condition negated. */
      readonly condition: ApprovalCondition;
    }
  | {
      /** Compares the order's grand total. */
      readonly kind: 'order_value';
      /** `'gte'`: grand total ≥ amount; `'gt'`: grand total > amount. */
      readonly op: 'gte' | 'gt';
      /** The threshold, in the order's currency. */
      readonly amount: Money;
    }
  | {
      /** Any line is in one of the categories. */
      readonly kind: 'category';
      /** The categories. */
      readonly categories: readonly string[];
    }
  | {
      /** The customer's risk score is at least `atLeast`. */
      readonly kind: 'risk_score';
      /** The threshold (inclusive). */
      readonly atLeast: number;
      /** The verdict for a customer without a (finite) score. Default `true`. */
      readonly whenMissing?: boolean;
    }
  | {
      /** The payment terms kind is one of `kinds`. */
      readonly kind: 'payment_terms';
      /** The kinds. */
      readonly kinds: readonly PaymentTerms['kind'][];
    }
  | {
      /** A host predicate (not serialisable). */
      readonly kind: 'custom';
      /** A name for messages. */
      readonly name?: string;
      /** The predicate; it must be pure and must not throw. */
      readonly test: (order: OrderDraft) => boolean;
    };

/**
 * One approval rule: when its condition holds, the order needs approval by `queue` for `reason`.
 *
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import type { ApprovalRule } from 'ordercore/orders';
 *
 * const rule: ApprovalRule = {
 *   id: 'credit-large', queue: 'credit', reason: 'Order of 10,000 USD or more',
 *   when: { kind: 'order_value', op: 'gte', amount: money('10000', 'USD') },
 * };
 * rule.queue; //=> 'credit'
 * ```
 */
export interface ApprovalRule {
  /** A unique id, recorded on the step (`ruleId`). */
  readonly id: string;
  /** The queue that must approve. */
  readonly queue: ApprovalQueue;
  /** Why, for the approver. */
  readonly reason: string;
  /** When the rule applies. */
  readonly when: ApprovalCondition;
}

/**
 * What approval rules may read beyond the order.
 *
 * @example
 * ```ts
 * import type { ApprovalContext } from 'ordercore/orders';
 *
 * const context: ApprovalContext = { catalogue: { 'LATHE-9': { category: 'machinery' } } };
 * context.catalogue?.['LATHE-9']?.category; //=> 'machinery'
 * ```
 */
export interface ApprovalContext {
  /** SKU → category, used for lines without a `category`. Default: none. (A validation catalogue fits.) */
  readonly catalogue?: Readonly<
    Record<
      string,
      {
        /** The SKU's category, used when a line has none of its own. */
        readonly category?: string;
      }
    >
  >;
}

/**
 * A step to put into the `request_approval` event: an {@link ApprovalStep} without its status.
 *
 * @example
 * ```ts
 * import type { ApprovalStepRequest } from 'ordercore/orders';
 *
 * const step: ApprovalStepRequest = { queue: 'credit', ruleId: 'credit-large', reason: 'Order of 10,000 USD or more' };
 * step.queue; //=> 'credit'
 * ```
 */
export type ApprovalStepRequest = Omit<ApprovalStep, 'status'>;

/**
 * The routing verdict: approve automatically, or route to one step per queue.
 *
 * @example
 * ```ts
 * import type { ApprovalRouting } from 'ordercore/orders';
 *
 * const routing: ApprovalRouting = { decision: 'auto_approve', steps: [] };
 * routing.steps.length; //=> 0
 * ```
 */
export type ApprovalRouting =
  | {
      /** No rule applies. */
      readonly decision: 'auto_approve';
      /** Always empty. */
      readonly steps: readonly [];
    }
  | {
      /** At least one rule applies. */
      readonly decision: 'route';
      /** One step per queue, sorted by queue. */
      readonly steps: readonly ApprovalStepRequest[];
    };

/**
 * Where an order stands on approval, derived from `order.approvals`.
 *
 * @example
 * ```ts
 * import type { ApprovalOutcome } from 'ordercore/orders';
 *
 * const outcome: ApprovalOutcome = 'pending';
 * outcome; //=> 'pending'
 * ```
 */
export type ApprovalOutcome = 'not_required' | 'pending' | 'approved' | 'rejected';
