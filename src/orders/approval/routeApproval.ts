import type { OrderDraft } from '../types.js';
import { OrderPolicyError } from '../validation/errors.js';
import { isMoneyLike, isRecord, own, show } from '../validation/internal/show.js';
import type {
  ApprovalCondition,
  ApprovalContext,
  ApprovalRouting,
  ApprovalRule,
  ApprovalStepRequest,
} from './types.js';

/** Deepest nesting of all / any / not accepted (hostile or cyclic rule sets stop here). */
const MAX_DEPTH = 32;
const TERMS = new Set(['prepaid', 'net', 'cash_on_delivery']);

function badRule(field: string, reason: string): OrderPolicyError {
  return new OrderPolicyError('invalid_rules', `${field}: ${reason}`, { field });
}

function badOrder(field: string, reason: string): OrderPolicyError {
  return new OrderPolicyError('invalid_order', `${field}: ${reason}`, { field });
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Checks a condition's shape (and an order-value threshold's currency) before anything is evaluated. */
function checkCondition(condition: unknown, field: string, currency: string, depth: number): void {
  if (depth > MAX_DEPTH) throw badRule(field, `conditions are nested deeper than ${MAX_DEPTH} levels.`);
  if (!isRecord(condition)) throw badRule(field, `${show(condition)} is not a condition object.`);
  const kind = condition['kind'];
  switch (kind) {
    case 'all':
    case 'any': {
      const list = condition['conditions'];
      if (!Array.isArray(list)) throw badRule(`${field}.conditions`, 'expected a list of conditions.');
      for (let i = 0; i < list.length; i++) checkCondition(list[i], `${field}.conditions[${i}]`, currency, depth + 1);
      return;
    }
    case 'not':
      checkCondition(condition['condition'], `${field}.condition`, currency, depth + 1);
      return;
    case 'order_value': {
      const op = condition['op'];
      if (op !== 'gte' && op !== 'gt') throw badRule(`${field}.op`, `${show(op)} is not 'gte' or 'gt'.`);
      const amount = condition['amount'];
      if (!isMoneyLike(amount)) throw badRule(`${field}.amount`, 'expected money { amount, currency }.');
      if (amount.currency !== currency) {
        throw new OrderPolicyError(
          'currency_mismatch',
          `${field}.amount: the threshold is in ${show(amount.currency)}, the order in ${show(currency)}.`,
          { field: `${field}.amount`, expected: currency, actual: amount.currency },
        );
      }
      return;
    }
    case 'category':
    case 'payment_terms': {
      const key = kind === 'category' ? 'categories' : 'kinds';
      const list = condition[key];
      if (!Array.isArray(list) || !list.every((x: unknown) => typeof x === 'string')) {
        throw badRule(`${field}.${key}`, 'expected a list of strings.');
      }
      if (kind === 'payment_terms' && !list.every((x: string) => TERMS.has(x))) {
        throw badRule(`${field}.kinds`, "expected 'prepaid', 'net' or 'cash_on_delivery'.");
      }
      return;
    }
    case 'risk_score': {
      const atLeast = condition['atLeast'];
      if (typeof atLeast !== 'number' || !Number.isFinite(atLeast)) {
        throw badRule(`${field}.atLeast`, `${show(atLeast)} is not a finite number.`);
      }
      const whenMissing = condition['whenMissing'];
      if (whenMissing !== undefined && typeof whenMissing !== 'boolean') {
        throw badRule(`${field}.whenMissing`, `${show(whenMissing)} is not a boolean.`);
      }
      return;
    }
    case 'custom':
      if (typeof condition['test'] !== 'function')
        throw badRule(`${field}.test`, 'expected a function (order) => boolean.');
      return;
    default:
      throw badRule(`${field}.kind`, `${show(kind)} is not a condition kind.`);
  }
}

/** Facts about the order that conditions read, computed on first use. */
class OrderFacts {
  private total: number | undefined;
  private categorySet: ReadonlySet<string> | undefined;

  constructor(
    readonly order: Readonly<Record<string, unknown>>,
    readonly lines: readonly unknown[],
    private readonly context: ApprovalContext | undefined,
  ) {}

  grandTotal(): number {
    if (this.total !== undefined) return this.total;
    const currency = this.order['currency'];
    let total = 0;
    const amounts: [unknown, string][] = this.lines.map((line, i) => [
      isRecord(line) ? line['total'] : undefined,
      `lines[${i}].total`,
    ]);
    const shipping = this.order['shipping'];
    // A draft may leave shipping out: createOrder makes it zero.
    if (shipping !== undefined) {
      amounts.push([isRecord(shipping) ? shipping['net'] : undefined, 'shipping.net']);
      amounts.push([isRecord(shipping) ? shipping['tax'] : undefined, 'shipping.tax']);
    }
    for (const [m, field] of amounts) {
      if (!isMoneyLike(m)) throw badOrder(field, 'expected money { amount: safe integer, currency }.');
      if (m.currency !== currency) {
        throw new OrderPolicyError(
          'currency_mismatch',
          `${field}: ${show(m.currency)} is not the order currency ${show(currency)}.`,
          {
            field,
            expected: currency,
            actual: m.currency,
          },
        );
      }
      total += m.amount;
    }
    if (!Number.isSafeInteger(total)) throw badOrder('lines', 'the grand total is beyond the safe amount range.');
    this.total = total;
    return total;
  }

  categories(): ReadonlySet<string> {
    if (this.categorySet !== undefined) return this.categorySet;
    const set = new Set<string>();
    const catalogue = this.context?.catalogue;
    this.lines.forEach((line, i) => {
      if (!isRecord(line)) throw badOrder(`lines[${i}]`, `${show(line)} is not a line object.`);
      const own_ = line['category'];
      if (typeof own_ === 'string') {
        set.add(own_);
        return;
      }
      const sku = line['sku'];
      if (typeof sku === 'string' && isRecord(catalogue)) {
        const entry = own(catalogue, sku);
        const category = isRecord(entry) ? entry['category'] : undefined;
        if (typeof category === 'string') set.add(category);
      }
    });
    this.categorySet = set;
    return set;
  }
}

function holds(condition: ApprovalCondition, facts: OrderFacts): boolean {
  switch (condition.kind) {
    case 'all':
      return condition.conditions.every((c) => holds(c, facts));
    case 'any':
      return condition.conditions.some((c) => holds(c, facts));
    case 'not':
      return !holds(condition.condition, facts);
    case 'order_value': {
      const total = facts.grandTotal();
      return condition.op === 'gte' ? total >= condition.amount.amount : total > condition.amount.amount;
    }
    case 'category': {
      const categories = facts.categories();
      return condition.categories.some((c) => categories.has(c));
    }
    case 'risk_score': {
      const customer = facts.order['customer'];
      const score = isRecord(customer) ? customer['riskScore'] : undefined;
      if (typeof score !== 'number' || !Number.isFinite(score)) return condition.whenMissing ?? true;
      return score >= condition.atLeast;
    }
    case 'payment_terms': {
      const terms = facts.order['terms'];
      const paymentTerms = isRecord(terms) ? terms['paymentTerms'] : undefined;
      const kind = isRecord(paymentTerms) ? paymentTerms['kind'] : undefined;
      if (typeof kind !== 'string')
        throw badOrder('terms.paymentTerms.kind', `${show(kind)} is not a payment terms kind.`);
      return (condition.kinds as readonly string[]).includes(kind);
    }
    case 'custom':
      return condition.test(facts.order as unknown as OrderDraft) === true;
  }
}

/**
 * Decides who must approve an order: every rule whose condition holds adds its queue; no rule, no
 * approval (`auto_approve`). The steps go into the order machine's `request_approval` event, whose
 * `approve` / `reject` events record who decided.
 *
 * One step per queue: rules of the same queue merge into one step whose `ruleId` is their ids and
 * whose `reason` is their reasons, both in rule-id order (code units), joined by `','` and `'; '`.
 * Steps are sorted by queue (code units), so the result never depends on the order of `rules`.
 * Every rule is checked before any is evaluated, so a bad rule fails whatever the order.
 *
 * @param order - The order (an `Order` or an `OrderDraft`).
 * @param rules - The rules; ids must be unique. See {@link ApprovalCondition} for what a rule can test.
 * @param context - {@link ApprovalContext}: categories of SKUs for lines without one. Default: none.
 * @returns `{ decision: 'auto_approve', steps: [] }` or `{ decision: 'route', steps }`.
 * @throws {@link OrderPolicyError} `invalid_rules`, `invalid_order` (a field a rule reads is
 *   malformed) or `currency_mismatch` (an order-value threshold or an amount not in the order currency).
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import { routeApproval, type ApprovalRule, type OrderDraft } from 'ordercore/orders';
 *
 * const usd = (a: string) => money(a, 'USD');
 * const rules: ApprovalRule[] = [
 *   { id: 'large', queue: 'credit', reason: 'Order of 10,000 USD or more', when: { kind: 'order_value', op: 'gte', amount: usd('10000') } },
 *   { id: 'risky', queue: 'credit', reason: 'Risk score 70+', when: { kind: 'risk_score', atLeast: 70 } },
 *   { id: 'cnc', queue: 'engineering', reason: 'Configured machinery', when: { kind: 'category', categories: ['machinery'] } },
 * ];
 * const order: OrderDraft = {
 *   id: 'o-1', type: 'configured', currency: 'USD', channel: 'sales', priority: 'normal',
 *   customer: { accountId: 'c-1', riskScore: 80, deliveryAddress: { country: 'US' } },
 *   lines: [{ id: 'l1', sku: 'LATHE-9', description: 'Lathe', category: 'machinery', quantity: 1, unitPrice: usd('12000'),
 *     subtotal: usd('12000'), discounts: [], discountTotal: usd('0'), net: usd('12000'), tax: usd('0'), total: usd('12000') }],
 *   shipping: { net: usd('0'), tax: usd('0') },
 *   fulfillment: {},
 *   terms: { paymentTerms: { kind: 'net', days: 30 }, creditApproved: false },
 *   timestamps: { orderedAt: '2026-11-23T10:00:00Z' },
 * };
 * routeApproval(order, rules); //=> { decision: 'route', steps: [{ queue: 'credit', ruleId: 'large,risky', reason: 'Order of 10,000 USD or more; Risk score 70+' }, { queue: 'engineering', ruleId: 'cnc', reason: 'Configured machinery' }] }
 * ```
 */
export function routeApproval(
  order: OrderDraft,
  rules: readonly ApprovalRule[],
  context?: ApprovalContext,
): ApprovalRouting {
  if (!isRecord(order)) throw badOrder('order', `${show(order)} is not an order object.`);
  const currency = order['currency'];
  if (typeof currency !== 'string') throw badOrder('currency', `${show(currency)} is not a currency code.`);
  const lines = order['lines'];
  if (!Array.isArray(lines)) throw badOrder('lines', `${show(lines)} is not a list of lines.`);
  if (context !== undefined && !isRecord(context)) {
    throw new OrderPolicyError('invalid_context', `context: ${show(context)} is not an object.`, { field: 'context' });
  }
  if (!Array.isArray(rules)) throw badRule('rules', 'expected a list of rules.');
  const ids = new Set<string>();
  for (let i = 0; i < rules.length; i++) {
    const rule: unknown = rules[i];
    const field = `rules[${i}]`;
    if (!isRecord(rule)) throw badRule(field, `${show(rule)} is not a rule object.`);
    const { id, queue, reason } = rule;
    if (typeof id !== 'string' || id === '') throw badRule(`${field}.id`, `${show(id)} is not a rule id.`);
    if (ids.has(id)) throw badRule(`${field}.id`, `${show(id)} is the id of an earlier rule.`);
    ids.add(id);
    if (typeof queue !== 'string' || queue === '')
      throw badRule(`${field}.queue`, `${show(queue)} is not a queue name.`);
    if (typeof reason !== 'string') throw badRule(`${field}.reason`, `${show(reason)} is not a reason.`);
    checkCondition(rule['when'], `${field}.when`, currency, 0);
  }

  const facts = new OrderFacts(order, lines, context);
  const matched = rules.filter((rule) => holds(rule.when, facts));
  if (matched.length === 0) return { decision: 'auto_approve', steps: [] };
  const byQueue = new Map<string, ApprovalRule[]>();
  for (const rule of matched) {
    const list = byQueue.get(rule.queue);
    if (list === undefined) byQueue.set(rule.queue, [rule]);
    else list.push(rule);
  }
  const steps: ApprovalStepRequest[] = [...byQueue.keys()].sort(byCodeUnits).map((queue) => {
    const list = (byQueue.get(queue) as ApprovalRule[]).slice().sort((a, b) => byCodeUnits(a.id, b.id));
    return { queue, ruleId: list.map((r) => r.id).join(','), reason: list.map((r) => r.reason).join('; ') };
  });
  return { decision: 'route', steps };
}
