// Tax on priced amounts: exclusive (tax on top of net prices) or inclusive (tax inside gross prices),
// rounded per line or once per order with a named mode. Every amount is an exact ratio rounded once;
// per-order rounding spreads the rounded total back over the lines by largest remainder, so lines
// always add up to the order's tax, and a line's components always add up to the line's tax.
import { add, fromMinor, fromRatio, type Money, rate, subtract, zero } from '../../money/index.js';
import { PricingError } from '../errors.js';
import type { PricingTrace, TaxContext, TaxLine, TaxRate } from '../types.js';
import { allocateMinor, minorMoney, ratio } from './minor.js';

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

/** Rates already read (`rate(r).decimal` by the written rate): reading is pure, and rates recur. */
const decimals = new Map<string, string>();

export function decimalOf(value: TaxRate['rate']): string {
  const key = typeof value === 'string' ? value : undefined;
  const known = key === undefined ? undefined : decimals.get(key);
  if (known !== undefined) return known;
  const decimal = rate(value).decimal;
  if (key !== undefined) {
    if (decimals.size >= 1024) decimals.clear();
    decimals.set(key, decimal);
  }
  return decimal;
}

/** exactDecimal's results by decimal (pure, and the same few rates recur). */
const exactDecimals = new Map<string, { coefficient: bigint; scale: number }>();

/** The exact value of a normalised plain decimal string (as `rate().decimal` writes it). */
function exactDecimal(decimal: string): { coefficient: bigint; scale: number } {
  const known = exactDecimals.get(decimal);
  if (known !== undefined) return known;
  const [whole = '0', fraction = ''] = decimal.split('.');
  const exact = { coefficient: BigInt(whole + fraction), scale: fraction.length };
  if (exactDecimals.size >= 1024) exactDecimals.clear();
  exactDecimals.set(decimal, exact);
  return exact;
}

function componentsFor(context: TaxContext, taxClass: string): Component[] {
  const found: Component[] = [];
  context.rates.forEach((r, i) => {
    if (r?.jurisdiction !== context.jurisdiction || r.taxClass !== taxClass) return;
    let decimal: string;
    try {
      decimal = decimalOf(r.rate);
    } catch {
      throw new PricingError('invalid_tax_rate', `options.tax.rates[${i}].rate: not an exact decimal.`, {
        field: `options.tax.rates[${i}].rate`,
      });
    }
    if (decimal.startsWith('-')) {
      throw new PricingError(
        'invalid_tax_rate',
        `options.tax.rates[${i}].rate: ${decimal} is negative; tax is never negative.`,
        {
          field: `options.tax.rates[${i}].rate`,
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

/** A tax class's components and combined rate: tax = amount × numerator / denominator. */
interface TaxClassRates {
  readonly components: readonly Component[];
  /** The components' rates over a common scale: the weights their shares of a line's tax are split by. */
  readonly weights: readonly bigint[];
  /** `weights` as numbers when all are safe integers (else the bigints). */
  readonly weightNumbers: readonly (number | bigint)[];
  /** Each component's label (its name, or jurisdiction and class). */
  readonly names: readonly string[];
  readonly numerator: bigint;
  readonly denominator: bigint;
  /** `numerator` and `denominator` as numbers when both are safe integers (else the bigints). */
  readonly rateNumber: number | bigint;
  readonly denominatorNumber: number | bigint;
}

function taxClassRates(context: TaxContext, taxClass: string): TaxClassRates {
  const components = componentsFor(context, taxClass);
  const { numerator, scale, weights } = combined(components);
  const unit = 10n ** BigInt(scale);
  // Exclusive: tax = a·r. Inclusive: tax = a·r/(1+r). Both as numerator / denominator.
  const denominator = context.pricesIncludeTax ? unit + numerator : unit;
  const small = numerator <= 9007199254740991n && denominator <= 9007199254740991n;
  return {
    components,
    weights,
    // Each weight is at most the numerator, so `small` covers them too.
    weightNumbers: small ? weights.map(Number) : weights,
    names: components.map((c) => c.rate.name ?? `${c.rate.jurisdiction} ${c.rate.taxClass}`),
    numerator,
    denominator,
    rateNumber: small ? Number(numerator) : numerator,
    denominatorNumber: small ? Number(denominator) : denominator,
  };
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
  // Rates per tax class, parsed once per call (a cart has few classes and many lines).
  const classes = new Map<string, TaxClassRates>();
  const prepared = items.map((item) => {
    let rates = classes.get(item.taxClass);
    if (rates === undefined) {
      rates = taxClassRates(context, item.taxClass);
      classes.set(item.taxClass, rates);
    }
    return { item, rates };
  });

  let taxes: Money[];
  if (context.rounding.level === 'line') {
    taxes = prepared.map((p) =>
      minorMoney(ratio(p.item.amount.amount, p.rates.rateNumber, p.rates.denominatorNumber, mode, currency), currency),
    );
  } else {
    // One exact order total over a common denominator, rounded once, spread back by largest remainder.
    let common = 1n;
    for (const p of prepared) common = (common / gcd(common, p.rates.denominator)) * p.rates.denominator;
    const scaled = prepared.map(
      (p) => BigInt(p.item.amount.amount) * p.rates.numerator * (common / p.rates.denominator),
    );
    const total = fromRatio(
      scaled.reduce((s, n) => s + n, 0n),
      common,
      currency,
      mode,
    );
    // Largest remainder on the exact shares: every line gets the floor of its exact tax, and the
    // units the rounded total has beyond Σ floors go to the largest exact remainders (earlier line on
    // ties). So each line's tax lies between the floor and the ceiling of its own exact tax — never
    // more than a line's exact tax rounded up, hence never more than an inclusive line's gross.
    const floors = scaled.map((n) => n / common);
    const remainders = scaled.map((n) => n % common);
    let leftover = BigInt(total.amount) - floors.reduce((s, f) => s + f, 0n);
    const order = remainders.map((_, i) => i).filter((i) => (remainders[i] as bigint) > 0n);
    order.sort((a, b) => {
      const ra = remainders[a] as bigint;
      const rb = remainders[b] as bigint;
      return ra > rb ? -1 : ra < rb ? 1 : a - b;
    });
    for (const i of order) {
      if (leftover <= 0n) break;
      floors[i] = (floors[i] as bigint) + 1n;
      leftover -= 1n;
    }
    taxes = floors.map((f) => fromMinor(f, currency));
  }

  const untaxed = new Set<string>();
  const taxed = prepared.map((p, i): Taxed => {
    const tax = taxes[i] as Money;
    const { components } = p.rates;
    if (components.length === 0) untaxed.add(p.item.taxClass);
    const parts = components.length === 0 ? [] : allocateMinor(tax.amount, p.rates.weightNumbers, currency);
    const taxLines = components.map(
      (c, k): TaxLine => ({
        name: p.rates.names[k] as string,
        jurisdiction: c.rate.jurisdiction,
        taxClass: c.rate.taxClass,
        rate: c.decimal,
        amount: minorMoney(parts[k] as number, currency),
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
