// The quick start: `npm install && npm run demo`. Prices a cart with ordercore/pricing — price lists,
// volume tiers, promotions that stack, a coupon, sales tax and shipping — and prints the breakdown
// and the trace that explains every number; then takes the priced cart through ordercore/orders, from
// placement through payment, a split shipment, delivery and a partial return with a refund. It grows
// with each module of ordercore.

import { createInMemoryInventoryStore } from 'ordercore/adapters';
import { availableToPromise, type LedgerEntry, reserve, sourceOrder } from 'ordercore/inventory';
import { type KpiRecord, kpiReport } from 'ordercore/kpi';
import { format, type Money, money, negate, toSnapshot } from 'ordercore/money';
import {
  type Actor,
  createOrder,
  fulfillmentStatus,
  type Order,
  type OrderDraft,
  type OrderEffect,
  type OrderEvent,
  orderTotals,
  paymentStatus,
  planAllocation,
  replay,
  returnStatus,
  transition,
} from 'ordercore/orders';
import { type Pick, pickList, routePicks, type WarehouseLayout } from 'ordercore/picking';
import { type Catalog, type PricingOptions, priceCart } from 'ordercore/pricing';
import { safetyStockForServiceLevel, suggestReplenishment } from 'ordercore/replenishment';
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

// ---------------------------------------------------------------------------------------------
// Orders: the priced cart becomes an order (each line keeps its priced amounts and discount shares),
// then runs through payment, a split shipment, delivery and a partial return with a refund. Every
// step is one pure `transition`; side effects come back as data for the host to run.

const clock = (day: number, hour: number): string =>
  `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00-05:00`;
const clerk: Actor = { kind: 'user', id: 'clerk-7' };
const placedAt = clock(22, 15);

const draft: OrderDraft = {
  id: 'ORD-1001',
  type: 'stock',
  currency: cart.currency,
  channel: 'web',
  priority: 'normal',
  customer: {
    accountId: 'c-1001',
    deliveryAddress: { name: 'Ada Lovelace', line1: '1 Main St', city: 'New York', postalCode: '10001', country: 'US' },
  },
  lines: cart.lines.map((l) => ({
    id: l.id,
    sku: l.sku,
    description: l.giftOf ? `${l.sku} (gift)` : l.sku,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    unitPriceSource: l.unitPriceSource,
    subtotal: l.subtotal,
    discounts: l.discounts,
    discountTotal: l.discountTotal,
    net: l.net,
    tax: l.tax,
    taxLines: l.taxLines,
    total: l.total,
  })),
  shipping: { net: cart.shipping?.net ?? usd('0'), tax: cart.shipping?.tax ?? usd('0') },
  fulfillment: { shippingMethod: 'ground' },
  terms: { paymentTerms: { kind: 'prepaid' }, paymentMethod: 'card', creditApproved: false },
  timestamps: { orderedAt: placedAt },
  couponCodes: cart.usageIntents.flatMap((u) => (u.couponCode ? [u.couponCode] : [])),
};

function describeEffect(effect: OrderEffect): string {
  switch (effect.type) {
    case 'notify_customer':
      return `notify(${effect.message.kind})`;
    case 'reserve_stock':
    case 'release_stock':
    case 'restock':
      return `${effect.type}(${effect.lines.map((l) => `${l.sku}×${l.quantity}`).join(', ')})`;
    case 'capture_payment':
    case 'refund_payment':
      return `${effect.type}(${format(effect.amount)})`;
    default:
      return effect.type;
  }
}

function show(label: string, order: Order, effects: readonly OrderEffect[], before?: Order): void {
  const last = order.history.at(-1);
  let move = last ? `${last.machine}${last.entityId ? ` ${last.entityId}` : ''}: ${last.from} → ${last.to}` : '';
  // An event another machine owns may move the order too (create_shipment: confirmed → in_fulfillment).
  if (last && last.machine !== 'order' && before && before.state !== order.state) move += ` (order → ${order.state})`;
  const did = effects.length === 0 ? '' : `  ⇒ ${effects.map(describeEffect).join(', ')}`;
  console.log(`  ${label.padEnd(26)}${move.padEnd(38)}${did}`);
}

const created = createOrder(draft, { now: placedAt, actor: { kind: 'customer', id: 'c-1001' } });
if (!created.ok) throw created.error;
let order = created.value.order;
console.log(
  `\nOrders — ${order.id} created from the priced cart: ${order.lines.length} lines, total ${format(orderTotals(order).grandTotal)} ${orderTotals(order).grandTotal.amount === t.grandTotal.amount ? '(= the cart ✓)' : '(≠ the cart ✗)'}\n`,
);
show('place', order, created.value.effects);

/** Applies one event; any refusal is a bug in this script, so it throws. */
function apply(label: string, event: OrderEvent, now: string, actor: Actor = clerk): readonly OrderEffect[] {
  const result = transition(order, event, { now, actor });
  if (!result.ok) throw result.error;
  const before = order;
  order = result.value.order;
  show(label, order, result.value.effects, before);
  return result.value.effects;
}

const grandTotal = orderTotals(order).grandTotal;
apply('confirm', { type: 'confirm' }, clock(22, 15));
apply(
  'authorize_payment',
  { type: 'authorize_payment', paymentId: 'pay-1', method: 'card', amount: grandTotal },
  clock(22, 15),
);
apply('capture_payment', { type: 'capture_payment', paymentId: 'pay-1', amount: grandTotal }, clock(22, 16));

// Stock from the warehouse's availability; planAllocation turns it into an `allocate` event.
const plan = planAllocation(
  order,
  Object.fromEntries(order.lines.map((l) => [l.sku, { available: 50, locationId: 'NYC-1' }])),
  { now: clock(22, 16) },
);
if (!plan.ok) throw plan.error;
apply('allocate', plan.value, clock(22, 16));

// Two shipments: the mugs are split between them (a partial shipment of line 2).
const first = [
  { lineId: '1', quantity: 3 },
  { lineId: '2', quantity: 2 },
];
const second = order.lines
  .map((l) => ({ lineId: l.id, quantity: l.quantity - (first.find((f) => f.lineId === l.id)?.quantity ?? 0) }))
  .filter((l) => l.quantity > 0);
for (const [id, lines, day] of [
  ['shp-1', first, 23],
  ['shp-2', second, 24],
] as const) {
  apply(
    `create_shipment ${id}`,
    { type: 'create_shipment', shipmentId: id, lines, locationId: 'NYC-1' },
    clock(day, 9),
  );
  apply('start_picking', { type: 'start_picking', shipmentId: id }, clock(day, 10));
  apply('pack_shipment', { type: 'pack_shipment', shipmentId: id }, clock(day, 11));
  apply('ship', { type: 'ship', shipmentId: id, carrier: 'UPS', trackingNumber: `1Z-${id}` }, clock(day, 16));
  console.log(`    fulfilment: ${fulfillmentStatus(order)}`);
}
apply('deliver shp-1', { type: 'deliver', shipmentId: 'shp-1' }, clock(25, 12));
apply('deliver shp-2', { type: 'deliver', shipmentId: 'shp-2' }, clock(26, 12));
apply('complete', { type: 'complete' }, clock(26, 12), { kind: 'system', id: 'oms' });

// A partial return: one mug arrives chipped; the refund is the unit's stored value (its share of
// every discount included), never re-computed.
const customer: Actor = { kind: 'customer', id: 'c-1001' };
apply(
  'request_return',
  { type: 'request_return', returnId: 'rma-1', lines: [{ lineId: '2', quantity: 1, reason: 'chipped' }] },
  clock(28, 10),
  customer,
);
apply('authorize_return', { type: 'authorize_return', returnId: 'rma-1' }, clock(28, 11));
apply(
  'receive_return',
  { type: 'receive_return', returnId: 'rma-1', lines: [{ lineId: '2', quantity: 1 }] },
  clock(30, 9),
);
apply(
  'inspect_return',
  { type: 'inspect_return', returnId: 'rma-1', lines: [{ lineId: '2', resellable: 0, damaged: 1 }] },
  clock(30, 10),
);
const resolved = apply(
  'resolve_return',
  { type: 'resolve_return', returnId: 'rma-1', resolution: 'refund' },
  clock(30, 11),
);
// The host runs the refund effect at its payment gateway, then records it on the payment.
for (const effect of resolved) {
  if (effect.type === 'refund_payment') {
    apply(
      'refund_payment',
      { type: 'refund_payment', paymentId: effect.paymentId, amount: effect.amount, reason: effect.reason },
      clock(30, 12),
    );
  }
}

const paid = order.payments[0];
console.log(
  `\n  projections (derived, never stored): payment ${paymentStatus(order)}, fulfilment ${fulfillmentStatus(order)}, returns ${returnStatus(order)}`,
);
console.log(
  `  captured ${paid ? format(paid.captured) : '-'}, refunded ${paid ? format(paid.refunded) : '-'}; order ${order.state}, version ${order.version}, ${order.history.length} history entries`,
);
const rebuilt = replay(order.history);
console.log(
  `  replay(order.history) rebuilds the order: ${rebuilt.ok && JSON.stringify(rebuilt.value) === JSON.stringify(order) ? '✓ identical' : '✗ differs'}`,
);

// ---------------------------------------------------------------------------------------------
// Inventory: one ledger is the system of record for three locations. Sourcing picks where the order
// ships from; each line is reserved there as an intent the store applies atomically (a second try
// with the same key is a replay, a try for more than is there is refused with the numbers).
console.log('\nInventory — stock in three locations, sourcing and reservations:');
const stockAt = clock(20, 8);
const received: LedgerEntry[] = [
  ['dc-east', 'TSHIRT-BLK-M', 40],
  ['dc-east', 'MUG-WHT', 3],
  ['dc-west', 'MUG-WHT', 24],
  ['dc-west', 'TSHIRT-BLK-M', 12],
  ['store-nyc', 'MUG-WHT', 6],
].map(([location, sku, quantity], i) => ({
  id: `rcv-${i}`,
  kind: 'receipt' as const,
  sku: sku as string,
  location: location as string,
  quantity: quantity as number,
  at: stockAt,
}));
const stockStore = createInMemoryInventoryStore({ ledger: received });
const wanted = order.lines.map((line) => ({ lineId: line.id, sku: line.sku, quantity: line.quantity }));
const snapshot = stockStore.loadSync({ skus: wanted.map((l) => l.sku) });
const locationsFor = ['dc-east', 'dc-west', 'store-nyc'].map((id, priority) => ({
  id,
  kind: id.startsWith('store') ? ('store' as const) : ('warehouse' as const),
  priority,
  available: Object.fromEntries(
    wanted.map((l) => {
      const atp = availableToPromise(snapshot, { sku: l.sku, location: id }, { now: placedAt });
      return [l.sku, atp.ok ? atp.value.available : 0];
    }),
  ),
}));
const sourcing = sourceOrder({ id: order.id, lines: wanted }, locationsFor, {
  rules: 'priority',
  fewestShipments: true,
});
if (sourcing.ok) {
  for (const shipment of sourcing.value.shipments) {
    console.log(
      `  ship from ${shipment.location}: ${shipment.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ')}`,
    );
    for (const line of shipment.lines) {
      const key = `${order.id}:${line.lineId}:${shipment.location}`;
      const state = stockStore.loadSync({ skus: [line.sku], keys: [key] });
      const r = reserve(
        state,
        {
          key,
          reservationId: `res-${key}`,
          sku: line.sku,
          location: shipment.location,
          quantity: line.quantity,
          owner: order.id,
        },
        { now: placedAt },
      );
      if (r.ok) stockStore.applySync(r.value.intent);
    }
  }
}
const mugs = availableToPromise(
  stockStore.loadSync({ skus: ['MUG-WHT'] }),
  { sku: 'MUG-WHT', locations: ['dc-east', 'dc-west', 'store-nyc'] },
  { now: placedAt },
);
if (mugs.ok) console.log(`  mugs still available to promise across the three locations: ${mugs.value.available}`);
const greedy = reserve(
  stockStore.loadSync({ skus: ['MUG-WHT'] }),
  { key: 'cart-99', reservationId: 'res-cart-99', sku: 'MUG-WHT', location: 'dc-east', quantity: 5 },
  { now: placedAt },
);
if (!greedy.ok)
  console.log(`  another cart asks for 5 mugs at dc-east: ${greedy.error.code} — ${greedy.error.message}`);

// ---------------------------------------------------------------------------------------------
// Picking: the day's picks in a 10-aisle warehouse, routed optimally and by S-shape; the pick list is
// the stops in walking order.
console.log('\nPicking — one pick list, two routes:');
const warehouse: WarehouseLayout = {
  aisles: 10,
  cellsPerSide: 45,
  cellLength: 1,
  aisleSpacing: 5,
  frontMargin: 1,
  backMargin: 1,
  depot: { aisle: 0 },
};
const picks: Pick[] = [
  { id: 'p1', sku: 'TSHIRT-BLK-M', quantity: 1, location: { aisle: 2, cell: 30, side: 'left' } },
  { id: 'p2', sku: 'MUG-WHT', quantity: 2, location: { aisle: 5, cell: 4, side: 'right' } },
  { id: 'p3', sku: 'CUP-WHT', quantity: 6, location: { aisle: 5, cell: 40, side: 'left' } },
  { id: 'p4', sku: 'POSTER-A2', quantity: 1, location: { aisle: 8, cell: 12, side: 'right' } },
  { id: 'p5', sku: 'STICKERS', quantity: 3, location: { aisle: 1, cell: 7, side: 'left' } },
];
const sShape = routePicks(warehouse, picks, 's_shape');
const optimal = routePicks(warehouse, picks, 'optimal');
if (sShape.ok && optimal.ok) {
  console.log(
    `  S-shape walks ${sShape.value.length.toFixed(1)} m; the optimal route (Ratliff & Rosenthal) ${optimal.value.length.toFixed(1)} m`,
  );
  for (const line of pickList(optimal.value))
    console.log(`  ${line.sequence}. ${line.location}  ${line.quantity} × ${line.sku}`);
}

// ---------------------------------------------------------------------------------------------
// Replenishment: the mugs sold; is it time to reorder? Safety stock for a 95 % cycle service level
// (daily demand 40 ± 12, lead time 5 ± 1 days), then the suggestion from the inventory position.
console.log('\nReplenishment — the mugs:');
const mugSafety = safetyStockForServiceLevel({
  demandPerPeriod: 40,
  demandStdDev: 12,
  leadTime: 5,
  leadTimeStdDev: 1,
  serviceLevel: 0.95,
});
if (mugSafety.ok) {
  const { safetyStock, reorderPoint, leadTimeDemandStdDev } = mugSafety.value;
  console.log(
    `  σ over the lead time ${leadTimeDemandStdDev.toFixed(1)}, safety stock ${Math.ceil(safetyStock)}, reorder point ${Math.ceil(reorderPoint)}`,
  );
  const suggestion = suggestReplenishment(
    { onHand: 180, onOrder: 48, backorders: 0, forecastDailyDemand: 40 },
    { kind: 'min_max', min: Math.ceil(reorderPoint), max: 600, multiple: 24 },
    { now: clock(30, 18) },
  );
  if (suggestion.ok) console.log(`  ${suggestion.value.explanation}`);
}

// ---------------------------------------------------------------------------------------------
// KPIs: this order and a few others, as plain records, through the one-pass dashboard report.
console.log('\nKPIs — the week, from plain records:');
const records: KpiRecord[] = [
  {
    type: 'order',
    orderId: order.id,
    placedAt: placedAt,
    committedAt: clock(29, 18),
    shippedAt: clock(24, 15),
    deliveredAt: clock(26, 11),
    lines: order.lines.map((line) => ({ sku: line.sku, ordered: line.quantity, shipped: line.quantity })),
  },
  {
    type: 'order',
    orderId: 'o-2',
    placedAt: clock(22, 12),
    committedAt: clock(25, 18),
    shippedAt: clock(23, 9),
    deliveredAt: clock(26, 9),
    lines: [{ ordered: 2, shipped: 2 }],
  },
  {
    type: 'order',
    orderId: 'o-3',
    placedAt: clock(23, 8),
    committedAt: clock(27, 18),
    shippedAt: clock(24, 8),
    deliveredAt: clock(25, 9),
    lines: [{ ordered: 3, shipped: 2, backordered: 1 }],
  },
  {
    type: 'order',
    orderId: 'o-4',
    placedAt: clock(23, 9),
    cancelledBy: 'customer',
    lines: [{ ordered: 1, shipped: 0 }],
  },
  { type: 'cost', at: clock(26, 0), amount: money('38.40', 'USD') },
];
const week = kpiReport(records, { from: clock(22, 0), to: clock(29, 0) });
if (week.ok) {
  const t = week.value.total;
  const pct = (v: number | null): string => (v === null ? 'n/a' : `${(v * 100).toFixed(1)} %`);
  console.log(
    `  perfect orders ${pct(t.perfectOrderRate)}, OTIF ${pct(t.otifRate)}, unit fill rate ${pct(t.fillRates.unit)}, backorder rate ${pct(t.backorderRate)}`,
  );
  console.log(
    `  cycle time to shipment: mean ${t.orderCycleTime.mean?.toFixed(2)} days, p90 ${t.orderCycleTime.p90?.toFixed(2)} days; cost per order ${t.costPerOrder?.['USD'] ? format(t.costPerOrder['USD']) : 'n/a'}`,
  );
}
