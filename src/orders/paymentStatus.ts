import { grandTotalMinor, paymentSums } from './internal/ledger.js';
import type { Order } from './types.js';

/**
 * Every order-level payment status, derived from the payments.
 *
 * @example
 * ```ts
 * import { PAYMENT_STATUSES } from 'ordercore/orders';
 *
 * PAYMENT_STATUSES.includes('partially_paid'); //=> true
 * ```
 */
export const PAYMENT_STATUSES = [
  'unpaid',
  'authorized',
  'partially_paid',
  'paid',
  'overpaid',
  'partially_refunded',
  'refunded',
] as const;

/**
 * An order-level payment status (see `paymentStatus`).
 *
 * @example
 * ```ts
 * import type { PaymentStatus } from 'ordercore/orders';
 *
 * const status: PaymentStatus = 'paid';
 * status; //=> 'paid'
 * ```
 */
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * The order's payment status, projected from its payments (never stored): `refunded` when something
 * was captured and all of it refunded; `partially_refunded` when some was refunded and the rest no
 * longer covers the grand total; otherwise, by captured − refunded against the grand total, `overpaid`,
 * `paid`, `partially_paid`, or — nothing captured — `authorized` (live authorisations) or `unpaid`.
 *
 * @param order - The order.
 * @returns The status.
 * @example
 * ```ts
 * import { paymentStatus } from 'ordercore/orders';
 *
 * const usd = (amount: number) => ({ amount, currency: 'USD' });
 * const order = {
 *   lines: [], shipping: { net: usd(1000), tax: usd(0) },
 *   payments: [{ id: 'p', state: 'partially_captured', method: 'card', authorized: usd(1000), captured: usd(400), refunded: usd(0) }],
 * } as never;
 * paymentStatus(order); //=> 'partially_paid'
 * ```
 */
export function paymentStatus(order: Order): PaymentStatus {
  const total = grandTotalMinor(order);
  const { authorized, captured, refunded } = paymentSums(order);
  const net = captured - refunded;
  if (refunded > 0 && net === 0) return 'refunded';
  if (refunded > 0 && net < total) return 'partially_refunded';
  if (captured === 0) return authorized > 0 ? 'authorized' : total === 0 ? 'paid' : 'unpaid';
  if (net > total) return 'overpaid';
  if (net === total) return 'paid';
  return 'partially_paid';
}
