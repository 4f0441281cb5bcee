// The quick start: `npm install && npm run demo`. Prices a small cart with exact money — quantities,
// a line discount, an order coupon spread over the lines, sales tax, shipping — and prints a
// breakdown that adds up to the cent. It grows with each module of ordercore.
import {
  add,
  allocate,
  format,
  type Money,
  money,
  multiply,
  percentageOf,
  rate,
  subtract,
  sum,
  toSnapshot,
} from 'ordercore/money';
import { parseMoneySnapshot } from 'ordercore/schemas';

interface CartLine {
  readonly sku: string;
  readonly description: string;
  readonly unitPrice: Money<'USD'>;
  readonly quantity: number;
  /** A line discount as a percentage, e.g. '15%'. */
  readonly lineDiscount?: string;
}

const cart: readonly CartLine[] = [
  { sku: 'TSHIRT-BLK-M', description: 'T-shirt, black, M', unitPrice: money('19.99', 'USD'), quantity: 3 },
  { sku: 'MUG-WHT', description: 'Mug, white', unitPrice: money('8.50', 'USD'), quantity: 2, lineDiscount: '15%' },
  { sku: 'POSTER-A2', description: 'Poster, A2', unitPrice: money('12.00', 'USD'), quantity: 1 },
];
const coupon = { code: 'WELCOME5', amount: money('5.00', 'USD') };
const salesTax = rate('8.875%'); // New York City combined rate
const shipping = money('4.95', 'USD');

// 1. Each line: price × quantity, then its own discount rounded half-even.
const lines = cart.map((line) => {
  const extended = multiply(line.unitPrice, line.quantity);
  const discount =
    line.lineDiscount === undefined ? money('0', 'USD') : multiply(extended, line.lineDiscount, 'half-even');
  return { ...line, extended, discount, net: subtract(extended, discount) };
});

// 2. The order coupon is spread over the lines in proportion to their net amounts, by largest
//    remainder, so the parts add up to exactly the coupon (and can be refunded line by line later).
const couponParts = allocate(
  coupon.amount,
  lines.map((line) => line.net.amount),
);

// 3. Tax per line on the discounted amount, rounded half-even per line.
const taxed = lines.map((line, i) => {
  const taxable = subtract(line.net, couponParts[i] as Money<'USD'>);
  return { ...line, coupon: couponParts[i] as Money<'USD'>, taxable, tax: multiply(taxable, salesTax, 'half-even') };
});

const subtotal = sum(taxed.map((l) => l.extended));
const discounts = sum(taxed.map((l) => add(l.discount, l.coupon)));
const tax = sum(taxed.map((l) => l.tax));
const grandTotal = add(sum(taxed.map((l) => add(l.taxable, l.tax))), shipping);

const column = (text: string, width: number): string => text.padStart(width);
console.log('ordercore quick start — a cart priced with exact money\n');
console.log(
  `${'SKU'.padEnd(14)}${'Description'.padEnd(20)}${column('Qty', 4)}${column('Unit', 10)}${column('Line', 10)}${column('Discount', 10)}${column('Coupon', 9)}${column('Tax', 8)}`,
);
for (const l of taxed) {
  console.log(
    `${l.sku.padEnd(14)}${l.description.padEnd(20)}${column(String(l.quantity), 4)}${column(format(l.unitPrice), 10)}${column(format(l.extended), 10)}${column(format(l.discount), 10)}${column(format(l.coupon), 9)}${column(format(l.tax), 8)}`,
  );
}
console.log('');
console.log(`${'Subtotal'.padEnd(30)}${column(format(subtotal), 12)}`);
console.log(
  `${`Discounts (incl. ${coupon.code})`.padEnd(30)}${column(format(subtract(money('0', 'USD'), discounts)), 12)}  (${percentageOf(discounts, subtotal)} % of subtotal)`,
);
console.log(`${`Sales tax ${salesTax.decimal}`.padEnd(30)}${column(format(tax), 12)}`);
console.log(`${'Shipping'.padEnd(30)}${column(format(shipping), 12)}`);
console.log(`${'Total'.padEnd(30)}${column(format(grandTotal), 12)}`);

// The same total from the parts, as a check that nothing was lost to rounding.
const recomputed = add(add(subtract(subtotal, discounts), tax), shipping);
console.log(
  `\nCheck: subtotal − discounts + tax + shipping = ${format(recomputed)} ${recomputed.amount === grandTotal.amount ? '✓' : '✗'}`,
);

// Money travels as JSON snapshots and comes back through the validating boundary.
const wire = JSON.stringify(toSnapshot(grandTotal));
const back = parseMoneySnapshot(JSON.parse(wire));
console.log(`As JSON: ${wire} → read back ${back.ok ? format(back.value) : back.error.message}`);
const hostile = parseMoneySnapshot({ amount: '12.345', currency: 'USD' });
console.log(
  `Hostile input { amount: '12.345', currency: 'USD' } → ${hostile.ok ? 'accepted?!' : `${hostile.error.issues[0]?.code} at ${hostile.error.issues[0]?.path.join('.')}`}`,
);
console.log(
  `In other locales: ${format(grandTotal, { locale: 'de-DE' })} · ${format(grandTotal, { locale: 'ja-JP', currencyDisplay: 'code' })}`,
);
