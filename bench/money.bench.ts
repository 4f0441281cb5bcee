// A 100-line cart total — price × quantity, a 10 % line discount rounded half-even, tax 8.875 %
// rounded half-even, summed — three ways: ordercore money (as built in dist/, what users import;
// with rates written as strings and with rates parsed once by rate()), decimal.js alone (its rates
// constructed once, likewise), and a hand-written integer loop (the floor). All must agree to the
// cent before anything is timed.
import { Decimal } from 'decimal.js';
import { add, fromMinor, type Money, multiply, type ParsedRate, rate, subtract, toDecimal } from 'ordercore/money';
import { runBench } from './harness.js';

interface Line {
  readonly unitPriceMinor: number;
  readonly quantity: number;
}

// Deterministic cart: a linear congruential generator, no Math.random.
function makeCart(lines: number, seed: number): Line[] {
  let state = seed;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  return Array.from({ length: lines }, () => ({ unitPriceMinor: 99 + (next() % 50_000), quantity: 1 + (next() % 12) }));
}

const cart = makeCart(100, 42);
const pricedCart = cart.map((line) => ({ unitPrice: fromMinor(line.unitPriceMinor, 'USD'), quantity: line.quantity }));
const decimalCart = cart.map((line) => ({
  unitPrice: new Decimal(line.unitPriceMinor).div(100),
  quantity: line.quantity,
}));

// Two copies on purpose: one function fed both strings and rate objects would be measured in a
// polymorphic state that neither real caller has.
function totalWithOrdercoreStrings(lines: readonly { unitPrice: Money<'USD'>; quantity: number }[]): Money<'USD'> {
  let total = fromMinor(0, 'USD');
  for (const line of lines) {
    const extended = multiply(line.unitPrice, line.quantity);
    const discount = multiply(extended, '10%', 'half-even');
    const net = subtract(extended, discount);
    const tax = multiply(net, '8.875%', 'half-even');
    total = add(total, add(net, tax));
  }
  return total;
}

function totalWithOrdercoreRates(
  lines: readonly { unitPrice: Money<'USD'>; quantity: number }[],
  discountRate: ParsedRate,
  taxRate: ParsedRate,
): Money<'USD'> {
  let total = fromMinor(0, 'USD');
  for (const line of lines) {
    const extended = multiply(line.unitPrice, line.quantity);
    const discount = multiply(extended, discountRate, 'half-even');
    const net = subtract(extended, discount);
    const tax = multiply(net, taxRate, 'half-even');
    total = add(total, add(net, tax));
  }
  return total;
}
const DISCOUNT = rate('10%');
const TAX_RATE = rate('8.875%');

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });
const TEN_PERCENT = new D('0.1');
const TAX = new D('0.08875');
function totalWithDecimalJs(lines: readonly { unitPrice: Decimal; quantity: number }[]): Decimal {
  let total = new D(0);
  for (const line of lines) {
    const extended = line.unitPrice.times(line.quantity);
    const discount = extended.times(TEN_PERCENT).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
    const net = extended.minus(discount);
    const tax = net.times(TAX).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
    total = total.plus(net).plus(tax);
  }
  return total;
}

/** round-half-even(n / d) for non-negative safe integers: the floor's only helper. */
function halfEven(n: number, d: number): number {
  const q = Math.floor(n / d);
  const r = n - q * d;
  if (r * 2 > d || (r * 2 === d && q % 2 === 1)) return q + 1;
  return q;
}
function totalWithIntegers(lines: readonly Line[]): number {
  let total = 0;
  for (const line of lines) {
    const extended = line.unitPriceMinor * line.quantity;
    const discount = halfEven(extended * 10, 100);
    const net = extended - discount;
    const tax = halfEven(net * 8875, 100_000);
    total += net + tax;
  }
  return total;
}

const expected = toDecimal(totalWithOrdercoreStrings(pricedCart));
const checks = {
  'ordercore with rate()': toDecimal(totalWithOrdercoreRates(pricedCart, DISCOUNT, TAX_RATE)),
  'decimal.js': totalWithDecimalJs(decimalCart).toFixed(2),
  integers: toDecimal(fromMinor(totalWithIntegers(cart), 'USD')),
};
for (const [name, value] of Object.entries(checks)) {
  if (value !== expected) throw new Error(`${name} total ${value} differs from ordercore ${expected}`);
}
console.log(`100-line cart total: ${expected} USD (all implementations agree)`);

runBench(
  'money: 100-line cart total',
  [
    { name: 'integer minor units (floor)', run: () => totalWithIntegers(cart) },
    { name: 'ordercore/money, rates parsed once', run: () => totalWithOrdercoreRates(pricedCart, DISCOUNT, TAX_RATE) },
    { name: 'ordercore/money, rates as strings', run: () => totalWithOrdercoreStrings(pricedCart) },
    { name: 'decimal.js alone', run: () => totalWithDecimalJs(decimalCart) },
  ],
  {
    baseline: 'integer minor units (floor)',
    targets: { 'ordercore/money, rates parsed once': 5, 'ordercore/money, rates as strings': 5 },
  },
);
