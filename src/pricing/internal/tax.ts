// Tax on priced amounts: exclusive (tax on top of net prices) or inclusive (tax inside gross prices),
// rounded per line or once per order with a named mode. Every amount is an exact ratio rounded once;
// per-order rounding spreads the rounded total back over the lines by largest remainder, so lines
// always add up to the order's tax, and a line's components always add up to the line's tax.
import { add, allocate, fromRatio, type Money, rate, subtract, zero } from '../../money/index.js';
import { PricingError } from '../errors.js';
import type { PricingTrace, TaxContext, TaxLine, TaxRate } from '../types.js';

export interface Taxable {
  readonly amount: Money;
  readonly taxClass: string;
}

export interface Taxed {
  readonly net: Money;
  readonly tax: Money;
  readonly total: Money;
  readonly taxLines: readonly TaxLine[];
}

interface Component {
  readonly rate: TaxRate;
  readonly decimal: string;
  readonly coefficient: bigint;
  readonly scale: number;
}

/** The exact value of a normalised plain decimal string (as `rate().decimal` writes it). */
function exactDecimal(decimal: string): { coefficient: bigint; scale: number } {
  const [whole = '0', fraction = ''] = decimal.split('.');
  return { coefficient: BigInt(whole + fraction), scale: fraction.length };
}

function componentsFor(context: TaxContext, taxClass: string): Component[] {
  const found: Component[] = [];
  context.rates.forEach((r, i) => {
    if (r?.jurisdiction !== context.jurisdiction || r.taxClass !== taxClass) return;
    let decimal: string;
    try {
      decimal = rate(r.rate).decimal;
    } catch {
      throw new PricingError('invalid_tax_rate', `tax.rates[${i}].rate: not an exact decimal.`, {
        field: `tax.rates[${i}].rate`,
      });
    }
    if (decimal.startsWith('-')) {
      throw new PricingError(
        'invalid_tax_rate',
        `tax.rates[${i}].rate: ${decimal} is negative; tax is never negative.`,
        {
          field: `tax.rates[${i}].rate`,
        },
      );
    }
    found.push({ rate: r, decimal, ...exactDecimal(decimal) });
  });
  const label = (c: Component): string => c.rate.name ?? `${c.rate.jurisdiction} ${c.rate.taxClass}`;
  // Input order must not matter: components in a total order (name, then rate).
  return found.sort((a, b) =>
    label(a) < label(b) ? -1 : label(a) > label(b) ? 1 : a.decimal < b.decimal ? -1 : a.decimal > b.decimal ? 1 : 0,
  );
}

/** The combined rate of components as one exact fraction numerator / 10^scale. */
function combined(components: readonly Component[]): { numerator: bigint; scale: number; weights: bigint[] } {
  const scale = components.reduce((s, c) => Math.max(s, c.scale), 0);
  const weights = components.map((c) => c.coefficient * 10n ** BigInt(scale - c.scale));
  return { numerator: weights.reduce((s, w) => s + w, 0n), scale, weights };
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * Taxes each amount. Returns the taxed items in input order and the trace entry.
 * Amounts must be ≥ 0 (pricing never produces negative lines).
 */
export function applyTax(
  items: readonly Taxable[],
  context: TaxContext | undefined,
  currency: string,
): { items: Taxed[]; trace: PricingTrace['tax'] } {
  if (context === undefined) {
    const none = zero(currency);
    return {
      items: items.map((item) => ({ net: item.amount, tax: none, total: item.amount, taxLines: [] })),
      trace: { computed: false, reason: 'no_tax_context' },
    };
  }
  const mode = context.rounding.mode;
  const prepared = items.map((item) => {
    const components = componentsFor(context, item.taxClass);
    const { numerator: rateNumerator, scale, weights } = combined(components);
    const unit = 10n ** BigInt(scale);
    // Exclusive: tax = a·r. Inclusive: tax = a·r/(1+r). Both as numerator / denominator.
    const denominator = context.pricesIncludeTax ? unit + rateNumerator : unit;
    return { item, components, weights, numerator: BigInt(item.amount.amount) * rateNumerator, denominator };
  });

  let taxes: Money[];
  if (context.rounding.level === 'line') {
    taxes = prepared.map((p) => fromRatio(p.numerator, p.denominator, currency, mode));
  } else {
    // One exact order total over a common denominator, rounded once, spread back by largest remainder.
    let common = 1n;
    for (const p of prepared) common = (common / gcd(common, p.denominator)) * p.denominator;
    const scaled = prepared.map((p) => p.numerator * (common / p.denominator));
    const total = fromRatio(
      scaled.reduce((s, n) => s + n, 0n),
      common,
      currency,
      mode,
    );
    taxes = prepared.length === 0 ? [] : allocate(total, scaled);
  }

  const untaxed = new Set<string>();
  const taxed = prepared.map((p, i): Taxed => {
    const tax = taxes[i] as Money;
    if (p.components.length === 0) untaxed.add(p.item.taxClass);
    const parts = p.components.length === 0 ? [] : allocate(tax, p.weights);
    const taxLines = p.components.map(
      (c, k): TaxLine => ({
        name: c.rate.name ?? `${c.rate.jurisdiction} ${c.rate.taxClass}`,
        jurisdiction: c.rate.jurisdiction,
        taxClass: c.rate.taxClass,
        rate: c.decimal,
        amount: parts[k] as Money,
      }),
    );
    return context.pricesIncludeTax
      ? { net: subtract(p.item.amount, tax), tax, total: p.item.amount, taxLines }
      : { net: p.item.amount, tax, total: add(p.item.amount, tax), taxLines };
  });
  return {
    items: taxed,
    trace: {
      computed: true,
      jurisdiction: context.jurisdiction,
      pricesIncludeTax: context.pricesIncludeTax,
      rounding: { mode, level: context.rounding.level },
      untaxedClasses: [...untaxed].sort(),
    },
  };
}
