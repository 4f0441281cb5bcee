// The quick start: `npm install && npm run demo`. Prices a cart with ordercore/pricing — price lists,
// volume tiers, promotions that stack, a coupon, sales tax and shipping — and prints the breakdown
// and the trace that explains every number. It grows with each module of ordercore.
import { format, type Money, money, negate, toSnapshot } from 'ordercore/money';
import { type Catalog, type PricingOptions, priceCart } from 'ordercore/pricing';
import { parseMoneySnapshot } from 'ordercore/schemas';

const usd = (amount: string): Money => money(amount, 'USD');

const catalog: Catalog = {
  currency: 'USD',
  items: [
    { sku: 'TSHIRT-BLK-M', categories: ['apparel'] },
    { sku: 'MUG-WHT', categories: ['kitchen'], tierGroup: 'drinkware' },
    { sku: 'CUP-WHT', categories: ['kitchen'], tierGroup: 'drinkware' },
    { sku: 'POSTER-A2', categories: ['decor'] },
    { sku: 'STICKERS', categories: ['gifts'] },
  ],
  basePrices: [
    { sku: 'TSHIRT-BLK-M', price: usd('19.99') },
    { sku: 'MUG-WHT', price: usd('8.50') },
    { sku: 'MUG-WHT', price: usd('7.50'), minQuantity: 6 },
    { sku: 'CUP-WHT', price: usd('6.00') },
    { sku: 'CUP-WHT', price: usd('5.25'), minQuantity: 6 },
    { sku: 'POSTER-A2', price: usd('12.00') },
    { sku: 'STICKERS', price: usd('3.00') },
  ],
  priceLists: [
    {
      id: 'holiday-sale',
      kind: 'sale',
      window: { from: '2026-11-20T00:00:00-05:00', until: '2026-12-01T00:00:00-05:00' },
      prices: [{ sku: 'POSTER-A2', price: usd('9.00') }],
    },
  ],
};

const options: PricingOptions = {
  now: '2026-11-22T15:30:00-05:00',
  customer: { id: 'c-1001', groups: ['newsletter'], previousOrders: 0 },
  channel: 'web',
  couponCodes: ['welcome5'],
  lanes: [{ id: 'catalog', mode: 'best_per_item' }, { id: 'cart' }, { id: 'coupon' }],
  promotions: [
    {
      id: 'tees-3-for-2',
      name: 'T-shirts: buy 2, get 1 free',
      lane: 'catalog',
      action: {
        type: 'buy_x_get_y',
        buy: { quantity: 2, filter: { categories: ['apparel'] } },
        get: { quantity: 1, filter: { categories: ['apparel'] }, discount: { type: 'free' } },
      },
    },
    {
      id: 'kitchen-10',
      name: '10 % off kitchen for newsletter readers',
      lane: 'catalog',
      condition: { type: 'customer_group', groups: ['newsletter'] },
      action: { type: 'percent_off_items', percent: '10', target: { categories: ['kitchen'] } },
    },
    {
      id: 'spend-tiers',
      name: 'Spend $50 save $3, spend $100 save $8',
      lane: 'cart',
      action: {
        type: 'tiered_spend',
        tiers: [
          { minSubtotal: usd('50'), amountOff: usd('3') },
          { minSubtotal: usd('100'), amountOff: usd('8') },
        ],
      },
    },
    {
      id: 'free-shipping-75',
      lane: 'cart',
      condition: { type: 'min_subtotal', amount: usd('75') },
      action: { type: 'shipping_discount', percent: '100' },
    },
    {
      id: 'stickers-gift',
      lane: 'cart',
      condition: { type: 'nth_order', n: 1 },
      action: { type: 'free_gift', sku: 'STICKERS', quantity: 1 },
    },
    {
      id: 'welcome5',
      lane: 'coupon',
      condition: { type: 'coupon', code: 'WELCOME5' },
      action: { type: 'amount_off_order', amount: usd('5.00') },
      limits: { maxUsesPerCustomer: 1 },
    },
    {
      id: 'staff-30',
      lane: 'coupon',
      exclusive: true,
      condition: { type: 'customer_group', groups: ['staff'] },
      action: { type: 'percent_off_order', percent: '30' },
    },
  ],
  tax: {
    jurisdiction: 'US-NY-NYC',
    pricesIncludeTax: false,
    rates: [
      { jurisdiction: 'US-NY-NYC', taxClass: 'standard', rate: '4%', name: 'NY State' },
      { jurisdiction: 'US-NY-NYC', taxClass: 'standard', rate: '4.5%', name: 'NYC' },
      { jurisdiction: 'US-NY-NYC', taxClass: 'standard', rate: '0.375%', name: 'MCTD' },
      { jurisdiction: 'US-NY-NYC', taxClass: 'shipping', rate: '8.875%', name: 'Shipping' },
    ],
    rounding: { mode: 'half-up', level: 'line' },
  },
};

const result = priceCart(
  {
    lines: [
      { id: '1', sku: 'TSHIRT-BLK-M', quantity: 3 },
      { id: '2', sku: 'MUG-WHT', quantity: 4 },
      { id: '3', sku: 'CUP-WHT', quantity: 2 },
      { id: '4', sku: 'POSTER-A2', quantity: 1 },
    ],
    shipping: { method: 'ground', price: usd('6.95') },
  },
  catalog,
  options,
);
if (!result.ok) throw result.error;
const cart = result.value;

const pad = (text: string, width: number): string => text.padStart(width);
console.log('ordercore quick start — a cart priced with ordercore/pricing\n');
console.log(
  `${'Line'.padEnd(6)}${'SKU'.padEnd(14)}${pad('Qty', 4)}${pad('Unit', 9)}  ${'Price from'.padEnd(22)}${pad('Subtotal', 10)}${pad('Discount', 10)}${pad('Tax', 8)}${pad('Total', 10)}`,
);
for (const line of cart.lines) {
  const source = line.unitPriceSource;
  const from =
    source.kind === 'base'
      ? `base (${source.minQuantity}+)`
      : source.kind === 'sale'
        ? `sale, was ${format(source.regularPrice)}`
        : source.kind;
  console.log(
    `${(line.giftOf ? 'gift' : line.id).padEnd(6)}${line.sku.padEnd(14)}${pad(String(line.quantity), 4)}${pad(format(line.unitPrice), 9)}  ${(line.giftOf ? 'free gift' : from).padEnd(22)}${pad(format(line.subtotal), 10)}${pad(format(line.discountTotal), 10)}${pad(format(line.tax), 8)}${pad(format(line.total), 10)}`,
  );
}
const shipping = cart.shipping;
if (shipping) {
  console.log(
    `${'ship'.padEnd(6)}${shipping.method.padEnd(14)}${pad('', 4)}${pad('', 9)}  ${''.padEnd(22)}${pad(format(shipping.price), 10)}${pad(format(shipping.discountTotal), 10)}${pad(format(shipping.tax), 8)}${pad(format(shipping.total), 10)}`,
  );
}
const t = cart.totals;
console.log(`\n${'Items'.padEnd(24)}${pad(format(t.itemsSubtotal), 10)}`);
console.log(`${'Shipping'.padEnd(24)}${pad(format(t.shipping), 10)}`);
console.log(`${'Discounts'.padEnd(24)}${pad(format(negate(t.discount)), 10)}`);
console.log(`${'Tax'.padEnd(24)}${pad(format(t.tax), 10)}`);
console.log(`${'Total'.padEnd(24)}${pad(format(t.grandTotal), 10)}`);

console.log('\nWhy — every promotion considered:');
for (const p of cart.trace.promotions) {
  const where = p.allocations.map((a) => `${a.lineId}: ${format(a.amount)}`).join(', ');
  const extra = p.shippingAmount ? ` shipping: ${format(p.shippingAmount)}` : '';
  console.log(
    `  [${p.lane}] ${p.promotionId.padEnd(18)} ${p.applied ? `applied  ${format(p.amount).padStart(8)}  ${where}${extra}` : `skipped  ${p.reason}`}`,
  );
}
console.log(
  `\nUsage to record with the order: ${cart.usageIntents.map((u) => `${u.promotionId}${u.couponCode ? ` (${u.couponCode})` : ''} ${format(u.amount)}`).join('; ')}`,
);
const check = t.itemsSubtotal.amount + t.shipping.amount - t.discount.amount + t.tax.amount;
console.log(
  `Check: items + shipping − discounts + tax = ${format({ amount: check, currency: 'USD' })} ${check === t.grandTotal.amount ? '✓' : '✗'}`,
);

// Money travels as JSON snapshots and comes back through the validating boundary.
const wire = JSON.stringify(toSnapshot(t.grandTotal));
const back = parseMoneySnapshot(JSON.parse(wire));
console.log(`\nAs JSON: ${wire} → read back ${back.ok ? format(back.value) : back.error.message}`);
const hostile = parseMoneySnapshot({ amount: '12.345', currency: 'USD' });
console.log(
  `Hostile input { amount: '12.345', currency: 'USD' } → ${hostile.ok ? 'accepted?!' : `${hostile.error.issues[0]?.code} at ${hostile.error.issues[0]?.path.join('.')}`}`,
);
