import { err, ok, type Result } from '../../core/result.js';
import type { OrderLine } from '../types.js';
import { OrderEditError } from './errors.js';
import { sliceAmounts } from './internal/amounts.js';
import { checkLine, fail, isCount, isObject, show } from './internal/checks.js';
import type { LineUnitAmounts } from './types.js';

/**
 * The amounts of units [fromUnit, fromUnit + units) of a line, from the line's stored amounts only
 * (never re-priced, never re-spread): what cancelling or refunding those units is worth.
 *
 * The rule: the first k of a line's n units are worth F(k), where the subtotal part is
 * ⌊subtotal × k / n⌋ (rounding mode `floor`), divided among the net and each stored discount — and,
 * for a tax-inclusive line, the tax — by the D'Hondt divisor method with the stored amounts as
 * weights (ties to the earlier part: net, tax, then discounts in stored order); a tax-exclusive
 * line's tax part is ⌊tax × k / n⌋. A slice is F(from + units) − F(from). Hence slices telescope
 * exactly (the first k units plus the next m are the first k + m), all n units are exactly the stored
 * amounts, and no part of a slice is negative: a slice's discount never exceeds its subtotal, its
 * tax is never negative, and `net + tax = total`. Cancellations take a line's last units, so
 * cancelling one unit at a time from a 3-unit line with a 1.00 order-discount share gives back
 * discount shares of 0.34, 0.33 and 0.33.
 *
 * @param line - The line (its `quantity`, amounts and discounts; not mutated).
 * @param fromUnit - The first unit, 0-based.
 * @param units - How many units (fromUnit + units ≤ quantity).
 * @returns The slice's amounts, or `invalid_quantity` (bad range), `invalid_order` (bad line),
 *   `inconsistent_amounts` (stored amounts that do not add up).
 * @example
 * ```ts
 * import { money, toDecimal } from 'ordercore/money';
 * import { lineAmountsForUnits } from 'ordercore/orders';
 *
 * const usd = (a: string) => money(a, 'USD');
 * const line = { id: 'l1', sku: 'MUG', description: 'Mug', quantity: 3, unitPrice: usd('10.00'), subtotal: usd('30.00'),
 *   discounts: [{ promotionId: 'order-1', amount: usd('1.00') }], discountTotal: usd('1.00'), net: usd('29.00'),
 *   tax: usd('2.90'), total: usd('31.90'), sourcing: 'stock' as const,
 *   quantities: { allocated: 0, picked: 0, shipped: 0, delivered: 0, cancelled: 0, returned: 0, backordered: 0 } };
 *
 * const last = lineAmountsForUnits(line, 2, 1);
 * last.ok && toDecimal(last.value.discountTotal); //=> '0.34'
 * last.ok && toDecimal(last.value.total); //=> '10.63'
 * const first = lineAmountsForUnits(line, 0, 1);
 * first.ok && toDecimal(first.value.discountTotal); //=> '0.33'
 * ```
 */
export function lineAmountsForUnits(
  line: OrderLine,
  fromUnit: number,
  units: number,
): Result<LineUnitAmounts, OrderEditError> {
  if (!isObject(line) || !isObject(line.subtotal) || typeof line.subtotal.currency !== 'string') {
    return err(fail('invalid_order', `line: expected an order line, got ${show(line)}.`, { field: 'line' }));
  }
  const basis = checkLine(line, line.subtotal.currency, 'line', false);
  if (basis instanceof OrderEditError) return err(basis);
  if (!isCount(fromUnit) || !isCount(units) || fromUnit + units > line.quantity) {
    return err(
      fail(
        'invalid_quantity',
        `units [${show(fromUnit)}, +${show(units)}) are not within the line's ${line.quantity} unit(s).`,
        {
          field: isCount(fromUnit) ? 'units' : 'fromUnit',
          lineId: line.id,
          quantity: line.quantity,
        },
      ),
    );
  }
  return ok(sliceAmounts(basis, fromUnit, units));
}
