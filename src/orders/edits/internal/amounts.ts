// Amounts of a run of a line's units, from the line's stored amounts only (never re-priced, never
// re-spread). The rule, used for every slice, cancellation, refund and quantity change:
//
//   Prefix amounts F(k) of the first k of a line's n stored units:
//   1. the subtotal prefix is floor(subtotal × k / n) (= unitPrice × k for a line priced as
//      unitPrice × n): ONE rounding mode, floor;
//   2. that prefix is divided among the parts the subtotal is made of — net and each stored discount
//      (tax-exclusive lines), or net, tax and each discount (tax-inclusive lines, where the tax is
//      inside the subtotal) — by the D'Hondt (Jefferson) divisor method with the stored part amounts
//      as weights, ties to the earlier part (net, then tax, then discounts in stored order);
//   3. tax-exclusive lines: the tax prefix is floor(tax × k / n);
//   4. tax lines (when they sum to the tax) divide the tax prefix the same way as in 2.
//
// Why a divisor method: it is house-monotone (one more cent of subtotal never takes a cent from any
// part), so every part's prefix is non-decreasing in k. A slice [a, a+m) is F(a+m) − F(a): slices
// telescope exactly, all n units give the stored amounts exactly (at k = n every part gets exactly its
// stored amount), and no part of a slice is ever negative — so a slice's discount never exceeds its
// subtotal and its tax is never negative. Largest remainder (Hamilton) has the Alabama paradox and
// separately-floored parts can overshoot a slice's subtotal; both were rejected for that reason.
// Math is on bigints: products of safe integers can pass 2^53.
import type { Money } from '../../../money/types.js';
import type { LineDiscount, TaxLine } from '../../../pricing/types.js';
import type { OrderLine } from '../../types.js';
import type { LineUnitAmounts } from '../types.js';

/** The stored amounts of a line in minor units, checked consistent. */
export interface LineBasis {
  readonly currency: string;
  readonly n: number;
  readonly inclusive: boolean;
  readonly subtotal: bigint;
  readonly net: bigint;
  readonly tax: bigint;
  readonly discounts: readonly bigint[];
  readonly promotionIds: readonly string[];
  /** Tax lines apportioned with the tax, when they sum to it. */
  readonly taxLines: readonly TaxLine[] | undefined;
}

/** Prefix amounts in minor units. */
export interface PrefixAmounts {
  readonly subtotal: bigint;
  readonly net: bigint;
  readonly tax: bigint;
  readonly discounts: readonly bigint[];
  readonly taxLines: readonly bigint[] | undefined;
}

export type BasisIssue = {
  readonly field: string;
  readonly reason: string;
  readonly kind: 'shape' | 'currency' | 'amounts';
};

function isMoneyIn(value: unknown, currency: string): value is Money {
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isSafeInteger((value as { amount?: unknown }).amount) &&
    (value as { currency?: unknown }).currency === currency
  );
}

function moneyIssue(value: unknown, currency: string, field: string): BasisIssue {
  const other =
    typeof value === 'object' &&
    value !== null &&
    Number.isSafeInteger((value as { amount?: unknown }).amount) &&
    typeof (value as { currency?: unknown }).currency === 'string';
  return other
    ? { field, reason: `must be in the order currency ${currency}`, kind: 'currency' }
    : { field, reason: `must be Money in ${currency}`, kind: 'shape' };
}

/** Reads a line's stored amounts, or says which field is wrong. `currency` is the expected currency. */
export function lineBasis(line: OrderLine, currency: string): LineBasis | BasisIssue {
  const fields = ['unitPrice', 'subtotal', 'discountTotal', 'net', 'tax', 'total'] as const;
  for (const f of fields) {
    if (!isMoneyIn(line[f], currency)) return moneyIssue(line[f], currency, f);
  }
  if (!Array.isArray(line.discounts)) return { field: 'discounts', reason: 'must be an array', kind: 'shape' };
  const discounts: bigint[] = [];
  const promotionIds: string[] = [];
  for (let i = 0; i < line.discounts.length; i++) {
    const d = line.discounts[i] as LineDiscount | undefined;
    if (typeof d !== 'object' || d === null || typeof d.promotionId !== 'string') {
      return { field: `discounts[${i}]`, reason: 'must be { promotionId, amount }', kind: 'shape' };
    }
    if (!isMoneyIn(d.amount, currency)) return moneyIssue(d.amount, currency, `discounts[${i}].amount`);
    if (d.amount.amount < 0)
      return { field: `discounts[${i}].amount`, reason: 'must not be negative', kind: 'amounts' };
    discounts.push(BigInt(d.amount.amount));
    promotionIds.push(d.promotionId);
  }
  const subtotal = BigInt(line.subtotal.amount);
  const net = BigInt(line.net.amount);
  const tax = BigInt(line.tax.amount);
  const discountTotal = BigInt(line.discountTotal.amount);
  if (subtotal < 0n) return { field: 'subtotal', reason: 'must not be negative', kind: 'amounts' };
  if (net < 0n) return { field: 'net', reason: 'must not be negative', kind: 'amounts' };
  if (tax < 0n) return { field: 'tax', reason: 'must not be negative', kind: 'amounts' };
  if (discounts.reduce((a, b) => a + b, 0n) !== discountTotal) {
    return { field: 'discountTotal', reason: 'must equal the sum of discounts', kind: 'amounts' };
  }
  if (net + tax !== BigInt(line.total.amount))
    return { field: 'total', reason: 'must equal net + tax', kind: 'amounts' };
  let inclusive: boolean;
  if (net === subtotal - discountTotal) inclusive = false;
  else if (net + tax === subtotal - discountTotal) inclusive = true;
  else
    return {
      field: 'net',
      reason: 'must be subtotal − discountTotal (or, tax included, subtotal − discountTotal − tax)',
      kind: 'amounts',
    };
  let taxLines: readonly TaxLine[] | undefined;
  if (line.taxLines !== undefined) {
    if (!Array.isArray(line.taxLines)) return { field: 'taxLines', reason: 'must be an array', kind: 'shape' };
    let sum = 0n;
    for (let i = 0; i < line.taxLines.length; i++) {
      const t = line.taxLines[i] as TaxLine | undefined;
      if (typeof t !== 'object' || t === null || !isMoneyIn(t.amount, currency) || t.amount.amount < 0) {
        return { field: `taxLines[${i}]`, reason: `must carry a non-negative amount in ${currency}`, kind: 'shape' };
      }
      sum += BigInt(t.amount.amount);
    }
    if (line.taxLines.length > 0 && sum !== tax)
      return { field: 'taxLines', reason: 'must sum to tax', kind: 'amounts' };
    taxLines = line.taxLines;
  }
  return { currency, n: line.quantity, inclusive, subtotal, net, tax, discounts, promotionIds, taxLines };
}

/**
 * D'Hondt apportionment of `house` among parties weighted `weights` (non-negative), ties to the
 * lower index. Starts from the lower quotas floor(w·h/W), which a divisor method always gives, then
 * hands out the few remaining seats one by one by the highest quotient w / (s + 1).
 */
export function dHondt(weights: readonly bigint[], house: bigint): bigint[] {
  const total = weights.reduce((a, b) => a + b, 0n);
  if (house === 0n || total === 0n) return weights.map(() => 0n);
  const seats = weights.map((w) => (w * house) / total);
  let left = house - seats.reduce((a, b) => a + b, 0n);
  while (left > 0n) {
    let best = -1;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i] as bigint;
      if (w === 0n) continue;
      if (best < 0) {
        best = i;
        continue;
      }
      // w_i / (s_i + 1) > w_best / (s_best + 1), strictly: ties stay with the lower index.
      if (w * ((seats[best] as bigint) + 1n) > (weights[best] as bigint) * ((seats[i] as bigint) + 1n)) best = i;
    }
    seats[best] = (seats[best] as bigint) + 1n;
    left -= 1n;
  }
  return seats;
}

/** The amounts of the first `k` units (k may exceed n: the same rule extends the line). */
export function prefixAmounts(b: LineBasis, k: number): PrefixAmounts {
  const tl =
    b.taxLines !== undefined && b.taxLines.length > 0 ? b.taxLines.map((t) => BigInt(t.amount.amount)) : undefined;
  if (k === b.n) {
    return { subtotal: b.subtotal, net: b.net, tax: b.tax, discounts: b.discounts, taxLines: tl };
  }
  if (b.n === 0 || k === 0) {
    return { subtotal: 0n, net: 0n, tax: 0n, discounts: b.discounts.map(() => 0n), taxLines: tl?.map(() => 0n) };
  }
  const n = BigInt(b.n);
  const kk = BigInt(k);
  const subtotal = (b.subtotal * kk) / n;
  let net: bigint;
  let tax: bigint;
  let discounts: bigint[];
  if (b.inclusive) {
    const seats = dHondt([b.net, b.tax, ...b.discounts], subtotal);
    net = seats[0] as bigint;
    tax = seats[1] as bigint;
    discounts = seats.slice(2);
  } else {
    const seats = dHondt([b.net, ...b.discounts], subtotal);
    net = seats[0] as bigint;
    discounts = seats.slice(1);
    tax = (b.tax * kk) / n;
  }
  return { subtotal, net, tax, discounts, taxLines: tl === undefined ? undefined : dHondt(tl, tax) };
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** Whether every amount of a prefix is a safe integer. */
export function prefixInRange(p: PrefixAmounts): boolean {
  return p.subtotal <= MAX && p.net + p.tax <= MAX && p.tax <= MAX;
}

function m(amount: bigint, currency: string): Money {
  return { amount: Number(amount), currency };
}

/** F(to) − F(from) as public slice amounts. */
export function sliceAmounts(b: LineBasis, fromUnit: number, units: number): LineUnitAmounts {
  const hi = prefixAmounts(b, fromUnit + units);
  const lo = prefixAmounts(b, fromUnit);
  const c = b.currency;
  const discounts = hi.discounts.map((d, i) => ({
    promotionId: b.promotionIds[i] as string,
    amount: m(d - (lo.discounts[i] as bigint), c),
  }));
  const discountTotal = hi.discounts.reduce((a, d) => a + d, 0n) - lo.discounts.reduce((a, d) => a + d, 0n);
  const net = hi.net - lo.net;
  const tax = hi.tax - lo.tax;
  return {
    fromUnit,
    units,
    subtotal: m(hi.subtotal - lo.subtotal, c),
    discounts,
    discountTotal: m(discountTotal, c),
    net: m(net, c),
    tax: m(tax, c),
    total: m(net + tax, c),
  };
}

/** The total of the units still ordered (the first ordered − cancelled units), in minor units. */
export function activeTotal(b: LineBasis, active: number): bigint {
  const p = prefixAmounts(b, active);
  return p.net + p.tax;
}

/** The line's stored amount fields for `k` units (used to extend or shrink a line exactly by the rule). */
export function lineFieldsFor(
  b: LineBasis,
  line: OrderLine,
  k: number,
): Pick<OrderLine, 'subtotal' | 'discounts' | 'discountTotal' | 'net' | 'tax' | 'total' | 'taxLines'> {
  const p = prefixAmounts(b, k);
  const c = b.currency;
  const discountTotal = p.discounts.reduce((a, d) => a + d, 0n);
  const fields = {
    subtotal: m(p.subtotal, c),
    discounts: p.discounts.map((d, i) => ({ promotionId: b.promotionIds[i] as string, amount: m(d, c) })),
    discountTotal: m(discountTotal, c),
    net: m(p.net, c),
    tax: m(p.tax, c),
    total: m(p.net + p.tax, c),
  };
  if (line.taxLines === undefined) return fields;
  const taxLines =
    p.taxLines === undefined
      ? line.taxLines
      : line.taxLines.map((t, i) => ({ ...t, amount: m(p.taxLines?.[i] as bigint, c) }));
  return { ...fields, taxLines };
}
