import type { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Money, RoundingMode } from '../../src/money/index.js';
import {
  type Cart,
  type CartLine,
  type Catalog,
  type PriceConditions,
  type PricedCart,
  type PricedLine,
  type PricedShipping,
  type PriceSource,
  type PricingOptions,
  priceCart,
  type TaxContext,
  type TaxLine,
  type TaxRate,
  type ValidityWindow,
} from '../../src/pricing/index.js';
import { D, DECIMAL_ROUNDING, RUNS, rateValue } from '../money/oracle.js';
import {
  anyTaxRateString,
  CURRENCIES,
  cartArb,
  catalogArb,
  deepFreeze,
  NOW_MS,
  optionsArb,
  perMilleRateString,
  permute,
  roundPriceAmount,
  type Scenario,
  scenarioArb,
  taxRateString,
} from './arbitraries.js';

// ---------------------------------------------------------------------------------------------
// Helpers and independent references (decimal.js for rounding, bigint fractions for allocation).
// ---------------------------------------------------------------------------------------------

function priced(s: Scenario): PricedCart {
  const result = priceCart(s.cart, s.catalog, s.options);
  if (!result.ok) throw result.error;
  return result.value;
}

function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`test bug: ${what} is undefined`);
  return value;
}

function itemOf(catalog: Catalog, sku: string) {
  return defined(
    catalog.items.find((item) => item.sku === sku),
    `item ${sku}`,
  );
}

function cartLine(cart: Cart, id: string): CartLine {
  return defined(
    cart.lines.find((line) => line.id === id),
    `line ${id}`,
  );
}

const money = (amount: number, currency: string): Money => ({ amount, currency });

interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function addFractions(fractions: readonly Fraction[]): Fraction {
  return fractions.reduce(
    (acc, f) => {
      const n = acc.n * f.d + f.n * acc.d;
      const d = acc.d * f.d;
      const g = gcd(n, d) || 1n;
      return { n: n / g, d: d / g };
    },
    { n: 0n, d: 1n },
  );
}

function toFraction(x: Decimal): Fraction {
  const [n, d] = x.toFraction();
  return { n: BigInt((n as Decimal).toFixed()), d: BigInt((d as Decimal).toFixed()) };
}

/** Rounds an exact fraction to an integer with decimal.js. */
function roundFraction(f: Fraction, mode: RoundingMode): number {
  return new D(f.n.toString()).div(f.d.toString()).toDecimalPlaces(0, DECIMAL_ROUNDING[mode]).toNumber();
}

function componentsOf(tax: TaxContext, taxClass: string): TaxRate[] {
  return tax.rates.filter((r) => r.jurisdiction === tax.jurisdiction && r.taxClass === taxClass);
}

function combinedRate(tax: TaxContext, taxClass: string): Decimal {
  return componentsOf(tax, taxClass).reduce((acc, r) => acc.plus(rateValue(String(r.rate))), new D(0));
}

/** Exclusive: a·R. Inclusive: a·R / (1 + R). */
function exactTax(amount: number, rate: Decimal, inclusive: boolean): Fraction {
  const r = toFraction(rate);
  return { n: BigInt(amount) * r.n, d: inclusive ? r.d + r.n : r.d };
}

interface Taxable {
  readonly amount: number;
  readonly taxClass: string;
  readonly priced: PricedLine | PricedShipping;
}

/** What was taxed, in the order tax is computed: lines by id, then shipping. */
function taxables(s: Scenario, result: PricedCart): Taxable[] {
  const lines = result.lines.map(
    (line): Taxable => ({
      // What is taxed: the subtotal after discounts (none here: these scenarios have no promotions).
      amount: line.subtotal.amount - line.discountTotal.amount,
      taxClass: itemOf(s.catalog, line.sku).taxClass ?? 'standard',
      priced: line,
    }),
  );
  const shipping = s.cart.shipping;
  if (shipping === undefined) return lines;
  return [
    ...lines,
    {
      amount: shipping.price.amount - defined(result.shipping, 'priced shipping').discountTotal.amount,
      taxClass: shipping.taxClass ?? s.options.tax?.shippingTaxClass ?? 'shipping',
      priced: defined(result.shipping, 'priced shipping'),
    },
  ];
}

const amountsOf = (moneys: readonly Money[]): number => moneys.reduce((acc, m) => acc + m.amount, 0);

// Reference price selection, written from priceCart's TSDoc (the documented total order).

interface Candidate {
  readonly kind: 'base' | 'price_list' | 'sale' | 'contract';
  readonly id: string;
  readonly amount: number;
  readonly minQuantity: number;
  readonly specificity: number;
  readonly priority: number;
}

function activeAt(window: ValidityWindow | undefined, now: number): boolean {
  const from = window?.from === undefined ? Number.NEGATIVE_INFINITY : Date.parse(window.from);
  const until = window?.until === undefined ? Number.POSITIVE_INFINITY : Date.parse(window.until);
  return from <= now && now < until;
}

function conditionsMet(conditions: PriceConditions | undefined, options: PricingOptions): boolean {
  if (conditions === undefined) return true;
  const groups = options.customer?.groups ?? [];
  if (conditions.customerGroups !== undefined && !groups.some((g) => conditions.customerGroups?.includes(g)))
    return false;
  if (
    conditions.channels !== undefined &&
    !(options.channel !== undefined && conditions.channels.includes(options.channel))
  )
    return false;
  if (
    conditions.regions !== undefined &&
    !(options.region !== undefined && conditions.regions.includes(options.region))
  )
    return false;
  return true;
}

function specificity(conditions: PriceConditions | undefined): number {
  if (conditions === undefined) return 0;
  return [conditions.customerGroups, conditions.channels, conditions.regions].filter((c) => c !== undefined).length;
}

/** More specific, higher priority, higher tier, lower price, smaller id: the first is best. */
function better(a: Candidate, b: Candidate): number {
  return (
    b.specificity - a.specificity ||
    b.priority - a.priority ||
    b.minQuantity - a.minQuantity ||
    a.amount - b.amount ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

const bestOf = (candidates: readonly Candidate[]): Candidate | undefined => [...candidates].sort(better)[0];

function tierQuantityOf(s: Scenario, line: CartLine): number {
  const group = itemOf(s.catalog, line.sku).tierGroup;
  if (group === undefined) return line.quantity;
  return s.cart.lines
    .filter((l) => itemOf(s.catalog, l.sku).tierGroup === group)
    .reduce((acc, l) => acc + l.quantity, 0);
}

interface ModelSelection {
  readonly unit: number;
  readonly source: PriceSource;
  readonly regular: Candidate;
  readonly contractApplies: boolean;
  /** How many candidates the trace must list (every price of the SKU, this customer's contracts only). */
  readonly candidateCount: number;
}

function sourceOf(c: Candidate): PriceSource {
  switch (c.kind) {
    case 'contract':
      return { kind: 'contract', contractId: c.id, minQuantity: c.minQuantity };
    case 'price_list':
    case 'sale':
      return { kind: 'price_list', priceListId: c.id, minQuantity: c.minQuantity };
    default:
      return { kind: 'base', minQuantity: c.minQuantity };
  }
}

function modelSelection(s: Scenario, line: CartLine): ModelSelection {
  const tierQuantity = tierQuantityOf(s, line);
  const now = NOW_MS;
  const { catalog, options } = s;
  const currency = catalog.currency;
  const customerId = options.customer?.id;
  const contracts: Candidate[] = [];
  let count = 0;
  for (const k of catalog.contracts ?? []) {
    if (k.sku !== line.sku || customerId === undefined || k.customerId !== customerId) continue;
    count++;
    if (activeAt(k.window, now) && (k.minQuantity ?? 1) <= tierQuantity) {
      contracts.push({
        kind: 'contract',
        id: k.id,
        amount: k.price.amount,
        minQuantity: k.minQuantity ?? 1,
        specificity: 0,
        priority: 0,
      });
    }
  }
  const overrides: Candidate[] = [];
  const sales: Candidate[] = [];
  for (const list of catalog.priceLists ?? []) {
    for (const entry of list.prices) {
      if (entry.sku !== line.sku) continue;
      count++;
      if (!activeAt(list.window, now) || !conditionsMet(list.conditions, options)) continue;
      if ((entry.minQuantity ?? 1) > tierQuantity) continue;
      (list.kind === 'sale' ? sales : overrides).push({
        kind: list.kind === 'sale' ? 'sale' : 'price_list',
        id: list.id,
        amount: entry.price.amount,
        minQuantity: entry.minQuantity ?? 1,
        specificity: specificity(list.conditions),
        priority: list.priority ?? 0,
      });
    }
  }
  const base: Candidate[] = [];
  for (const entry of catalog.basePrices) {
    if (entry.sku !== line.sku) continue;
    count++;
    if ((entry.minQuantity ?? 1) <= tierQuantity) {
      base.push({
        kind: 'base',
        id: '',
        amount: entry.price.amount,
        minQuantity: entry.minQuantity ?? 1,
        specificity: 0,
        priority: 0,
      });
    }
  }
  const contract = bestOf(contracts);
  const regular = defined(contract ?? bestOf(overrides) ?? bestOf(base), 'a regular price (tier 1 always exists)');
  const sale = contract === undefined ? bestOf(sales.filter((c) => c.amount < regular.amount)) : undefined;
  const source: PriceSource =
    sale === undefined
      ? sourceOf(regular)
      : {
          kind: 'sale',
          priceListId: sale.id,
          minQuantity: sale.minQuantity,
          regularPrice: money(regular.amount, currency),
          regularSource: sourceOf(regular),
        };
  return {
    unit: sale?.amount ?? regular.amount,
    source,
    regular,
    contractApplies: contract !== undefined,
    candidateCount: count,
  };
}

/** The same scenario with every order the caller could choose shuffled. */
function shuffled(s: Scenario, seed: number): Scenario {
  let k = seed;
  const p = <T>(items: readonly T[]): T[] => permute(items, k++);
  const conditions = (c: PriceConditions): PriceConditions => ({
    ...(c.customerGroups === undefined ? {} : { customerGroups: p(c.customerGroups) }),
    ...(c.channels === undefined ? {} : { channels: p(c.channels) }),
    ...(c.regions === undefined ? {} : { regions: p(c.regions) }),
  });
  const { catalog, cart, options } = s;
  const { priceLists, contracts } = catalog;
  const { customer, tax } = options;
  return {
    cart: { ...cart, lines: p(cart.lines) },
    catalog: {
      ...catalog,
      items: p(catalog.items),
      basePrices: p(catalog.basePrices),
      ...(priceLists === undefined
        ? {}
        : {
            priceLists: p(priceLists).map((list) => ({
              ...list,
              prices: p(list.prices),
              ...(list.conditions === undefined ? {} : { conditions: conditions(list.conditions) }),
            })),
          }),
      ...(contracts === undefined ? {} : { contracts: p(contracts) }),
    },
    options: {
      ...options,
      ...(customer?.groups === undefined ? {} : { customer: { ...customer, groups: p(customer.groups) } }),
      ...(tax === undefined ? {} : { tax: { ...tax, rates: p(tax.rates) } }),
    },
  };
}

function expectNoNegativeZero(value: unknown): void {
  if (typeof value === 'number') expect(Object.is(value, -0)).toBe(false);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) expectNoNegativeZero(v);
}

// ---------------------------------------------------------------------------------------------

describe('priceCart: money is conserved', () => {
  it('lines, shipping and totals add up exactly, in the catalog currency, for any rates', () => {
    fc.assert(
      fc.property(scenarioArb({ taxContext: { rate: anyTaxRateString } }), (s) => {
        const result = priced(s);
        const { currency, totals } = result;
        const inclusive = s.options.tax?.pricesIncludeTax === true;
        expect(currency).toBe(s.catalog.currency);
        expect(result.lines.map((l) => l.id)).toEqual(s.cart.lines.map((l) => l.id).sort());
        for (const line of result.lines) {
          const input = cartLine(s.cart, line.id);
          expect(line.sku).toBe(input.sku);
          expect(line.quantity).toBe(input.quantity);
          expect(line.subtotal.amount).toBe(line.unitPrice.amount * line.quantity);
          expect(line.net.amount + line.tax.amount).toBe(line.total.amount);
          expect(amountsOf(line.taxLines.map((t) => t.amount))).toBe(line.tax.amount);
          // No promotions here, so no discounts; prices are entered net or gross: that side of the line is
          // the subtotal after discounts.
          expect(line.discounts).toEqual([]);
          expect(line.discountTotal).toEqual({ amount: 0, currency });
          expect((inclusive ? line.total : line.net).amount).toBe(line.subtotal.amount - line.discountTotal.amount);
          for (const m of [
            line.unitPrice,
            line.subtotal,
            line.net,
            line.tax,
            line.total,
            ...line.taxLines.map((t) => t.amount),
          ])
            expect(m.currency).toBe(currency);
        }
        const shipping = result.shipping;
        expect(shipping === undefined).toBe(s.cart.shipping === undefined);
        if (shipping !== undefined) {
          expect(shipping.price).toEqual(s.cart.shipping?.price);
          expect(shipping.net.amount + shipping.tax.amount).toBe(shipping.total.amount);
          expect(amountsOf(shipping.taxLines.map((t) => t.amount))).toBe(shipping.tax.amount);
          expect(shipping.discountTotal).toEqual({ amount: 0, currency });
          expect((inclusive ? shipping.total : shipping.net).amount).toBe(
            shipping.price.amount - shipping.discountTotal.amount,
          );
        }
        const shippingTotal = shipping?.total.amount ?? 0;
        expect(amountsOf(result.lines.map((l) => l.total)) + shippingTotal).toBe(totals.grandTotal.amount);
        expect(totals.net.amount + totals.tax.amount).toBe(totals.grandTotal.amount);
        expect(totals.itemsSubtotal.amount).toBe(amountsOf(result.lines.map((l) => l.subtotal)));
        expect(totals.shipping.amount).toBe(shipping?.price.amount ?? 0);
        expect(totals.tax.amount).toBe(amountsOf(result.lines.map((l) => l.tax)) + (shipping?.tax.amount ?? 0));
        expect(totals.net.amount).toBe(amountsOf(result.lines.map((l) => l.net)) + (shipping?.net.amount ?? 0));
        expect(totals.discount.amount).toBe(
          amountsOf(result.lines.map((l) => l.discountTotal)) + (shipping?.discountTotal.amount ?? 0),
        );
        expect(result.usageIntents).toEqual([]);
        expect(result.trace.promotions).toEqual([]);
        const entered = totals.itemsSubtotal.amount - totals.discount.amount + totals.shipping.amount;
        expect(totals.grandTotal.amount).toBe(inclusive ? entered : entered + totals.tax.amount);
        for (const m of Object.values(totals)) expect(m.currency).toBe(currency);
        expectNoNegativeZero(result);
      }),
      RUNS,
    );
  });

  it('no negative tax, net or total', () => {
    // Any rate per line or for tax-exclusive prices; combined rates up to 90 % for inclusive prices rounded per
    // order. (Above 100 %, per-order rounding can put more tax on a line than its gross price: reported.)
    const scenarios = fc.oneof(
      scenarioArb({ tax: 'always', taxContext: { rate: anyTaxRateString, level: 'line' } }),
      scenarioArb({ tax: 'always', taxContext: { rate: anyTaxRateString, pricesIncludeTax: false } }),
      scenarioArb({ tax: 'always', taxContext: { rate: taxRateString } }),
    );
    fc.assert(
      fc.property(scenarios, (s) => {
        const result = priced(s);
        for (const x of [...result.lines, ...(result.shipping === undefined ? [] : [result.shipping])]) {
          for (const m of [x.net, x.tax, x.total, ...x.taxLines.map((t) => t.amount)])
            expect(m.amount).toBeGreaterThanOrEqual(0);
        }
        for (const m of Object.values(result.totals)) expect(m.amount).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });
});

describe('priceCart: order of the input never matters', () => {
  it('shuffling lines, items, base prices, lists, their prices and conditions, contracts and tax rates', () => {
    fc.assert(
      fc.property(scenarioArb({ taxContext: { rate: anyTaxRateString } }), fc.integer(), (s, seed) => {
        const result = priced(s);
        const other = priced(shuffled(s, seed));
        expect(other).toStrictEqual(result);
      }),
      RUNS,
    );
  });
});

describe('priceCart: plain, serialisable data', () => {
  it('pricing the JSON round trip of the inputs gives the same result, and the result survives JSON', () => {
    fc.assert(
      fc.property(scenarioArb({ taxContext: { rate: anyTaxRateString } }), (s) => {
        const result = priced(s);
        const again = priced(JSON.parse(JSON.stringify(s)) as Scenario);
        expect(again).toStrictEqual(result);
        expect(JSON.parse(JSON.stringify(result))).toStrictEqual(result);
      }),
      RUNS,
    );
  });
});

describe('priceCart: tax agrees with decimal.js', () => {
  it('per line: each tax is the exact tax rounded once; per order: the exact total rounded once, spread by largest remainder', () => {
    fc.assert(
      fc.property(scenarioArb({ tax: 'always', taxContext: { rate: anyTaxRateString } }), (s) => {
        const result = priced(s);
        const tax = defined(s.options.tax, 'tax context');
        const { mode, level } = tax.rounding;
        const items = taxables(s, result);
        const exact = items.map((item) =>
          exactTax(item.amount, combinedRate(tax, item.taxClass), tax.pricesIncludeTax),
        );
        if (level === 'line') {
          items.forEach((item, i) => {
            expect(item.priced.tax.amount).toBe(roundFraction(exact[i] as Fraction, mode));
          });
        } else {
          const exactTotal = addFractions(exact);
          const total = roundFraction(exactTotal, mode);
          expect(result.totals.tax.amount).toBe(total);
          // Largest remainder on the exact shares: each line gets the floor of its own exact tax, and the
          // units the rounded total has beyond Σ floors go to the largest exact remainders (earlier line
          // first). So every line lies between the floor and the ceiling of its own exact tax.
          const floors = exact.map((f) => f.n / f.d);
          const remainders = exact.map((f) => new D((f.n % f.d).toString()).div(f.d.toString()));
          let leftover = BigInt(total) - floors.reduce((acc, f) => acc + f, 0n);
          const order = remainders
            .map((r, i) => ({ r, i }))
            .filter(({ r }) => r.gt(0))
            .sort((a, b) => b.r.comparedTo(a.r) || a.i - b.i);
          const expected = [...floors];
          for (const { i } of order) {
            if (leftover <= 0n) break;
            expected[i] = (expected[i] as bigint) + 1n;
            leftover -= 1n;
          }
          items.forEach((item, i) => {
            expect(item.priced.tax.amount).toBe(Number(expected[i]));
            const own = exact[i] as Fraction;
            const ownTax = new D(own.n.toString()).div(own.d.toString());
            expect(item.priced.tax.amount).toBeGreaterThanOrEqual(ownTax.floor().toNumber());
            expect(item.priced.tax.amount).toBeLessThanOrEqual(ownTax.ceil().toNumber());
          });
        }
        // Components: exactly the jurisdiction's rates for the class, in a fixed order, splitting the tax by rate.
        const untaxed = new Set<string>();
        for (const item of items) {
          const components = componentsOf(tax, item.taxClass);
          if (components.length === 0) untaxed.add(item.taxClass);
          const key = (name: string, rate: Decimal) => `${name}|${rate.toFixed()}`;
          const lines: readonly TaxLine[] = item.priced.taxLines;
          expect(lines.map((t) => key(t.name, new D(t.rate))).sort()).toEqual(
            components.map((r) => key(r.name ?? `${r.jurisdiction} ${r.taxClass}`, rateValue(String(r.rate)))).sort(),
          );
          const names = lines.map((t) => t.name);
          expect(names).toEqual([...names].sort());
          const sum = lines.reduce((acc, t) => acc.plus(t.rate), new D(0));
          for (const t of lines) {
            expect(t.jurisdiction).toBe(tax.jurisdiction);
            expect(t.taxClass).toBe(item.taxClass);
            const share = sum.isZero() ? new D(0) : new D(item.priced.tax.amount).times(t.rate).div(sum);
            expect(t.amount.amount).toBeGreaterThanOrEqual(share.floor().toNumber());
            expect(t.amount.amount).toBeLessThanOrEqual(share.ceil().toNumber());
          }
        }
        expect(result.trace.tax).toStrictEqual({
          computed: true,
          jurisdiction: tax.jurisdiction,
          pricesIncludeTax: tax.pricesIncludeTax,
          rounding: { mode, level },
          untaxedClasses: [...untaxed].sort(),
        });
      }),
      RUNS,
    );
  });

  it('without a tax context, nothing is taxed and the trace says so', () => {
    fc.assert(
      fc.property(scenarioArb({ tax: 'never' }), (s) => {
        const result = priced(s);
        for (const x of [...result.lines, ...(result.shipping === undefined ? [] : [result.shipping])]) {
          expect(x.tax.amount).toBe(0);
          expect(x.taxLines).toEqual([]);
        }
        expect(result.trace.tax).toStrictEqual({ computed: false, reason: 'no_tax_context' });
      }),
      RUNS,
    );
  });
});

describe('priceCart: tax-inclusive and tax-exclusive prices agree when both are exact', () => {
  /**
   * Per-mille rates (k/1000) and prices that are multiples of 1000 minor units: for a net price N the
   * gross price G = N·(1 + R) is a whole number, and so is the tax either way (N·q·R = G·q·R/(1+R)), so
   * rounding never happens and both carts must give the same net, tax and total on every line.
   */
  const exactScenario = fc.constantFrom(...CURRENCIES).chain((currency) =>
    catalogArb(currency, { price: roundPriceAmount }).chain((catalog) =>
      fc.record(
        {
          catalog: fc.constant(catalog),
          cart: cartArb(catalog, { price: roundPriceAmount }),
          options: optionsArb(currency, {
            tax: 'always',
            policy: false,
            taxContext: { rate: perMilleRateString, pricesIncludeTax: false },
          }),
        },
        { noNullPrototype: true },
      ),
    ),
  );

  function grossed(s: Scenario): Scenario {
    const tax = defined(s.options.tax, 'tax context');
    const factor = (taxClass: string) => combinedRate(tax, taxClass).plus(1);
    const up = (m: Money, taxClass: string): Money => {
      const gross = new D(m.amount).times(factor(taxClass));
      expect(gross.isInteger()).toBe(true);
      return { amount: gross.toNumber(), currency: m.currency };
    };
    const classOf = (sku: string) => itemOf(s.catalog, sku).taxClass ?? 'standard';
    const { catalog, cart } = s;
    const shipping = cart.shipping;
    return {
      catalog: {
        ...catalog,
        basePrices: catalog.basePrices.map((e) => ({ ...e, price: up(e.price, classOf(e.sku)) })),
        ...(catalog.priceLists === undefined
          ? {}
          : {
              priceLists: catalog.priceLists.map((l) => ({
                ...l,
                prices: l.prices.map((e) => ({ ...e, price: up(e.price, classOf(e.sku)) })),
              })),
            }),
        ...(catalog.contracts === undefined
          ? {}
          : { contracts: catalog.contracts.map((k) => ({ ...k, price: up(k.price, classOf(k.sku)) })) }),
      },
      cart: {
        lines: cart.lines.map((l) =>
          l.manualPrice === undefined
            ? l
            : { ...l, manualPrice: { ...l.manualPrice, price: up(l.manualPrice.price, classOf(l.sku)) } },
        ),
        ...(shipping === undefined
          ? {}
          : {
              shipping: {
                ...shipping,
                price: up(shipping.price, shipping.taxClass ?? tax.shippingTaxClass ?? 'shipping'),
              },
            }),
      },
      options: { ...s.options, tax: { ...tax, pricesIncludeTax: true } },
    };
  }

  it('net, tax, total and tax components are identical on every line, shipping and the totals', () => {
    fc.assert(
      fc.property(exactScenario, (s) => {
        const net = priced(s);
        const gross = priced(grossed(s));
        expect(gross.lines.map((l) => l.id)).toEqual(net.lines.map((l) => l.id));
        net.lines.forEach((n, i) => {
          const g = gross.lines[i] as PricedLine;
          expect({ net: g.net, tax: g.tax, total: g.total, taxLines: g.taxLines }).toStrictEqual({
            net: n.net,
            tax: n.tax,
            total: n.total,
            taxLines: n.taxLines,
          });
          // The same price was chosen, at its gross value.
          expect(g.unitPriceSource.kind).toBe(n.unitPriceSource.kind);
          expect(g.subtotal).toEqual(g.total);
          expect(n.subtotal).toEqual(n.net);
          expect(gross.trace.lines[i]?.candidates.map((c) => c.outcome)).toEqual(
            net.trace.lines[i]?.candidates.map((c) => c.outcome),
          );
        });
        if (net.shipping !== undefined) {
          const { net: sn, tax: st, total: stot, taxLines } = net.shipping;
          expect(gross.shipping).toMatchObject({ net: sn, tax: st, total: stot, taxLines });
        }
        expect([gross.totals.net, gross.totals.tax, gross.totals.grandTotal]).toEqual([
          net.totals.net,
          net.totals.tax,
          net.totals.grandTotal,
        ]);
      }),
      RUNS,
    );
  });
});

describe('priceCart: price selection', () => {
  it('follows the documented order (contract > override lists > base tiers; sales only lower; manual replaces)', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const result = priced(s);
        result.lines.forEach((line, i) => {
          const input = cartLine(s.cart, line.id);
          const trace = defined(result.trace.lines[i], 'trace line');
          expect(trace.lineId).toBe(line.id);
          const tierQuantity = tierQuantityOf(s, input);
          expect(trace.tierQuantity).toBe(tierQuantity);
          const model = modelSelection(s, input);
          const currency = s.catalog.currency;
          const manual = input.manualPrice;
          const candidates = trace.candidates;
          expect(candidates).toHaveLength(model.candidateCount);

          if (manual === undefined) {
            expect(line.unitPrice).toEqual(money(model.unit, currency));
            expect(line.unitPriceSource).toStrictEqual(model.source);
            expect(line.manualPriceReview).toBeUndefined();
          } else {
            expect(line.unitPrice).toEqual(manual.price);
            expect(line.unitPriceSource).toStrictEqual({
              kind: 'manual',
              reason: manual.reason,
              ...(manual.approvedBy === undefined ? {} : { approvedBy: manual.approvedBy }),
              selectedPrice: money(model.unit, currency),
              selectedSource: model.source,
            });
          }
          // What the result says was chosen (before any manual price), and the trace agreeing with it.
          const chosenSource =
            line.unitPriceSource.kind === 'manual' ? line.unitPriceSource.selectedSource : line.unitPriceSource;
          const chosenPrice =
            line.unitPriceSource.kind === 'manual' ? line.unitPriceSource.selectedPrice : line.unitPrice;
          if (model.contractApplies) expect(chosenSource.kind).toBe('contract');

          // Exactly one candidate won; with a manual price it is marked as replaced instead.
          const winners = candidates.filter((c) => c.outcome === 'selected');
          const replaced = candidates.filter((c) => c.outcome === 'replaced_by_manual_price');
          expect(winners).toHaveLength(manual === undefined ? 1 : 0);
          expect(replaced).toHaveLength(manual === undefined ? 0 : 1);
          const winner = defined(winners[0] ?? replaced[0], 'winning candidate');
          expect(winner.price).toEqual(chosenPrice);
          expect(winner.source).toStrictEqual(chosenSource);

          // A sale never raises a price; the compare-at price is the regular price.
          if (chosenSource.kind === 'sale') {
            expect(chosenSource.regularPrice.amount).toBe(model.regular.amount);
            expect(chosenPrice.amount).toBeLessThan(chosenSource.regularPrice.amount);
            if (manual === undefined) expect(line.compareAtUnitPrice).toEqual(chosenSource.regularPrice);
          }
          if (line.unitPriceSource.kind !== 'sale') expect(line.compareAtUnitPrice).toBeUndefined();

          // Tiers: nothing above the tier quantity is eligible, everything eligible is within it.
          const minQuantity = (src: PriceSource) => (src.kind === 'manual' ? 0 : src.minQuantity);
          expect(minQuantity(chosenSource)).toBeLessThanOrEqual(tierQuantity);
          for (const c of candidates) {
            if (c.outcome === 'tier_not_reached') expect(minQuantity(c.source)).toBeGreaterThan(tierQuantity);
            else if (c.outcome !== 'window_inactive' && c.outcome !== 'conditions_not_met')
              expect(minQuantity(c.source)).toBeLessThanOrEqual(tierQuantity);
            if (c.outcome === 'not_lower') expect(c.price.amount).toBeGreaterThanOrEqual(model.regular.amount);
          }
        });
      }),
      RUNS,
    );
  });

  it('reviews manual prices against the policy, exactly', () => {
    const withManualPrices = scenarioArb().filter((s) => s.cart.lines.some((l) => l.manualPrice !== undefined));
    fc.assert(
      fc.property(withManualPrices, (s) => {
        const result = priced(s);
        const policy = s.options.manualPricePolicy;
        for (const line of result.lines) {
          const manual = cartLine(s.cart, line.id).manualPrice;
          if (manual === undefined) continue;
          const selected = modelSelection(s, cartLine(s.cart, line.id)).unit;
          const discount = selected - manual.price.amount;
          const reasons: string[] = [];
          if (discount > 0) {
            const maxPercent = rateValue(String(policy?.maxDiscountPercent ?? '0'));
            if (new D(discount).times(100).gt(maxPercent.times(selected))) reasons.push('discount_percent_exceeded');
            const maxAmount = policy?.maxDiscountAmount;
            if (maxAmount !== undefined && discount > maxAmount.amount) reasons.push('discount_amount_exceeded');
          }
          const percent =
            selected === 0
              ? '0.00'
              : new D(discount)
                  .times(100)
                  .div(selected)
                  .toFixed(2, DECIMAL_ROUNDING['half-even'])
                  .replace(/^-0\.00$/, '0.00');
          expect(line.manualPriceReview).toStrictEqual({
            status:
              reasons.length === 0 ? 'within_policy' : manual.approvedBy === undefined ? 'needs_approval' : 'approved',
            reasons,
            discountPerUnit: money(discount, s.catalog.currency),
            discountPercent: percent,
          });
        }
      }),
      RUNS,
    );
  });

  it("adding a line never changes other lines' unit prices, unless they share its tier group", () => {
    const scenario = scenarioArb().chain((s) =>
      fc.record({
        s: fc.constant(s),
        sku: fc.constantFrom(...s.catalog.items.map((item) => item.sku)),
        quantity: fc.integer({ min: 1, max: 50 }),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ s, sku, quantity }) => {
        const before = priced(s);
        const extra: CartLine = { id: 'zz-added-line', sku, quantity };
        const after = priced({ ...s, cart: { ...s.cart, lines: [...s.cart.lines, extra] } });
        const group = itemOf(s.catalog, sku).tierGroup;
        for (const line of before.lines) {
          if (group !== undefined && itemOf(s.catalog, line.sku).tierGroup === group) continue;
          const now = defined(
            after.lines.find((l) => l.id === line.id),
            'line after',
          );
          expect(now.unitPrice).toEqual(line.unitPrice);
          expect(now.unitPriceSource).toStrictEqual(line.unitPriceSource);
        }
      }),
      RUNS,
    );
  });
});

describe('priceCart: deterministic and pure', () => {
  it('pricing twice, or a copy, gives deep-equal results; deep-frozen inputs price the same and stay unchanged', () => {
    fc.assert(
      fc.property(scenarioArb({ taxContext: { rate: anyTaxRateString } }), (s) => {
        const snapshot = structuredClone(s);
        const first = priced(s);
        expect(priced(s)).toStrictEqual(first);
        expect(s).toStrictEqual(snapshot);
        // A structurally equal copy is a different catalog object (no cached index).
        expect(priced(structuredClone(s))).toStrictEqual(first);
        // ES modules run in strict mode: any write to a frozen input would throw here.
        const frozen = deepFreeze(structuredClone(s));
        expect(priced(frozen)).toStrictEqual(first);
        expect(frozen).toStrictEqual(snapshot);
      }),
      RUNS,
    );
  });
});
