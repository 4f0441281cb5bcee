// Tax on priced amounts: exclusive (tax on top of net prices) or inclusive (tax inside gross prices),
// rounded per line or once per order with a named mode. Every amount is an exact ratio rounded once;
// per-order rounding spreads the rounded total back over the lines by largest remainder, so lines
// always add up to the order's tax, and a line's components always add up to the line's tax.
import { fromRatio, rate } from '../../money/index.js';
import type { PricingTrace, TaxContext, TaxLine, TaxRate } from '../types.js';
import { allocateMinor, minorMoney, ratio } from './minor.js';

/** The tax of each taxed amount, in minor units, and its components. */
export interface TaxedAmounts {
  /** Per amount: its tax (never negative; for inclusive prices, the tax inside the amount). */
  readonly taxes: number[];
  /** Per amount: the tax components, adding up to its tax. */
  readonly taxLines: (readonly TaxLine[])[];
  readonly trace: PricingTrace['tax'];
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
  context.rates.forEach((r) => {
    if (r?.jurisdiction !== context.jurisdiction || r.taxClass !== taxClass) return;
    // Every rate was checked (an exact, non-negative decimal) with the options, before pricing.
    const decimal = decimalOf(r.rate);
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
  readonly numerator: bigint;
  readonly denominator: bigint;
  /** `numerator` and `denominator` as numbers when both are safe integers (else the bigints). */
  readonly rateNumber: number | bigint;
  readonly denominatorNumber: number | bigint;
  /** The TaxLine of each component with a zero amount: a line's tax lines are copies with their amounts. */
  readonly templates: readonly TaxLine[];
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
    numerator,
    denominator,
    rateNumber: small ? Number(numerator) : numerator,
    denominatorNumber: small ? Number(denominator) : denominator,
    templates: components.map(
      (c): TaxLine => ({
        name: c.rate.name ?? `${c.rate.jurisdiction} ${c.rate.taxClass}`,
        jurisdiction: c.rate.jurisdiction,
        taxClass: c.rate.taxClass,
        rate: c.decimal,
        amount: { amount: 0, currency: '' },
      }),
    ),
  };
}

const NO_TAX_LINES: readonly TaxLine[] = Object.freeze([]);

/**
 * Taxes each amount (minor units of `currency`, ≥ 0: pricing never produces negative lines) of the
 * given tax class. Returns each amount's tax and components, in input order, and the trace entry.
 */
export function applyTax(
  amounts: readonly number[],
  taxClasses: readonly string[],
  context: TaxContext | undefined,
  currency: string,
): TaxedAmounts {
  const count = amounts.length;
  if (context === undefined) {
    return {
      taxes: new Array<number>(count).fill(0),
      taxLines: new Array<readonly TaxLine[]>(count).fill(NO_TAX_LINES),
      trace: { computed: false, reason: 'no_tax_context' },
    };
  }
  const mode = context.rounding.mode;
  // Rates per tax class, parsed once per call (a cart has few classes and many lines).
  const classes = new Map<string, TaxClassRates>();
  const rates: TaxClassRates[] = new Array(count);
  let previousClass: string | undefined;
  let previousRates: TaxClassRates | undefined;
  for (let i = 0; i < count; i++) {
    const taxClass = taxClasses[i] as string;
    if (taxClass !== previousClass || previousRates === undefined) {
      previousRates = classes.get(taxClass);
      if (previousRates === undefined) {
        previousRates = taxClassRates(context, taxClass);
        classes.set(taxClass, previousRates);
      }
      previousClass = taxClass;
    }
    rates[i] = previousRates;
  }

  let taxes: number[];
  if (context.rounding.level === 'line') {
    taxes = new Array(count);
    for (let i = 0; i < count; i++) {
      const r = rates[i] as TaxClassRates;
      taxes[i] = ratio(amounts[i] as number, r.rateNumber, r.denominatorNumber, mode, currency);
    }
  } else {
    // One exact order total over a common denominator, rounded once, spread back by largest remainder.
    let common = 1n;
    for (const r of classes.values()) common = (common / gcd(common, r.denominator)) * r.denominator;
    const scaled = rates.map((r, i) => BigInt(amounts[i] as number) * r.numerator * (common / r.denominator));
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
    // Each floor is at most its amount (rates are fractions of amounts here), so a safe integer.
    taxes = floors.map((f) => minorMoney(Number(f), currency).amount);
  }

  const taxLines: (readonly TaxLine[])[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const r = rates[i] as TaxClassRates;
    const templates = r.templates;
    if (templates.length === 0) {
      taxLines[i] = NO_TAX_LINES;
      continue;
    }
    const tax = taxes[i] as number;
    const parts = templates.length === 1 ? [tax] : allocateMinor(tax, r.weightNumbers, currency);
    taxLines[i] = templates.map(
      (t, k): TaxLine => ({
        name: t.name,
        jurisdiction: t.jurisdiction,
        taxClass: t.taxClass,
        rate: t.rate,
        amount: { amount: parts[k] as number, currency },
      }),
    );
  }
  const untaxed: string[] = [];
  for (const [taxClass, r] of classes) if (r.components.length === 0) untaxed.push(taxClass);
  return {
    taxes,
    taxLines,
    trace: {
      computed: true,
      jurisdiction: context.jurisdiction,
      pricesIncludeTax: context.pricesIncludeTax,
      rounding: { mode, level: context.rounding.level },
      untaxedClasses: untaxed.sort(),
    },
  };
}
