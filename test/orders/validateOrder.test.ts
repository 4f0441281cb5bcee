import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { money } from '../../src/money/index.js';
import {
  ORDER_VALIDATION_ISSUE_CODES,
  type OrderDraft,
  OrderPolicyError,
  type OrderValidationContext,
  type OrderValidationReport,
  validateOrder,
} from '../../src/orders/index.js';
import { deepFreeze, line, order, usd } from './validationFixtures.js';

const codes = (r: OrderValidationReport): string[] => r.issues.map((i) => i.code);
const at = (r: OrderValidationReport): string[] => r.issues.map((i) => `${i.code}@${i.path}`);

describe('validateOrder: the order itself', () => {
  it('accepts a clean order with no context', () => {
    expect(validateOrder(order(), {})).toEqual({ decision: 'accept', issues: [] });
  });

  it('rejects an order without lines', () => {
    const r = validateOrder(order({ lines: [] }), {});
    expect(r.decision).toBe('reject');
    expect(at(r)).toEqual(['no_lines@lines']);
  });

  it('reports quantities that are not positive whole numbers, with the path and line id', () => {
    const lines = [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY].map((q, i) => ({
      ...line(`l${i}`, 'MUG', 1, '1.00'),
      quantity: q,
    }));
    const r = validateOrder(order({ lines }), {});
    expect(at(r)).toEqual([0, 1, 2, 3, 4].map((i) => `invalid_quantity@lines[${i}].quantity`));
    expect(r.issues.map((i) => i.lineId)).toEqual(['l0', 'l1', 'l2', 'l3', 'l4']);
    expect(r.issues[2]?.message).toBe('lines[2].quantity: 1.5 is not a positive whole number of units.');
  });

  it('reports duplicate line ids and amounts in another currency', () => {
    const euro = { ...line('l2', 'MUG', 1, '1.00'), unitPrice: money('1.00', 'EUR') };
    const r = validateOrder(order({ lines: [line('l1', 'MUG', 1, '1.00'), line('l1', 'MUG', 1, '1.00'), euro] }), {});
    expect(at(r)).toEqual(['duplicate_line_id@lines[1].id', 'currency_mismatch@lines[2].unitPrice']);
    expect(r.issues[1]?.details).toEqual({ expected: 'USD', actual: 'EUR' });
  });

  it('reports an unknown order currency once, not on every amount', () => {
    const r = validateOrder(order({ currency: 'ZZZ' }), {});
    expect(at(r)).toEqual(['invalid_field@currency']);
  });
});

describe('validateOrder: SKU and quantity rules', () => {
  const catalogue: OrderValidationContext['catalogue'] = {
    MUG: { active: true },
    EGG: { active: true, minQuantity: 12, quantityMultiple: 6, maxQuantity: 120 },
    OLD: { active: true, discontinued: true },
    OFF: { active: false },
  };

  it('unknown SKUs are errors, also SKUs named like Object.prototype members', () => {
    const lines = ['NOPE', 'constructor', '__proto__', 'toString'].map((sku, i) => line(`l${i}`, sku, 1, '1.00'));
    const r = validateOrder(order({ lines }), { catalogue });
    expect(at(r)).toEqual([0, 1, 2, 3].map((i) => `unknown_sku@lines[${i}].sku`));
    expect(r.issues[0]?.message).toBe('lines[0].sku: "NOPE" is not in the catalogue.');
  });

  it('inactive is an error, discontinued a warning (review)', () => {
    expect(at(validateOrder(order({ lines: [line('l1', 'OFF', 1, '1.00')] }), { catalogue }))).toEqual([
      'sku_inactive@lines[0].sku',
    ]);
    const r = validateOrder(order({ lines: [line('l1', 'OLD', 1, '1.00')] }), { catalogue });
    expect(r.decision).toBe('review');
    expect(r.issues[0]?.severity).toBe('warning');
  });

  it('multiples of 6 from 12 to 120: 12, 18 and 120 pass; 6, 10, 126 and 13 do not', () => {
    const check = (q: number): string[] =>
      codes(validateOrder(order({ lines: [line('l1', 'EGG', q, '0.25')] }), { catalogue }));
    expect(check(12)).toEqual([]);
    expect(check(18)).toEqual([]);
    expect(check(120)).toEqual([]);
    expect(check(6)).toEqual(['quantity_below_minimum']);
    expect(check(10)).toEqual(['quantity_below_minimum', 'quantity_not_multiple']);
    expect(check(126)).toEqual(['quantity_above_maximum']);
    expect(check(13)).toEqual(['quantity_not_multiple']);
    const r = validateOrder(order({ lines: [line('l1', 'EGG', 13, '0.25')] }), { catalogue });
    expect(r.issues[0]).toEqual({
      code: 'quantity_not_multiple',
      severity: 'error',
      path: 'lines[0].quantity',
      lineId: 'l1',
      message: 'lines[0].quantity: 13 is not a multiple of 6 (SKU "EGG").',
      details: { sku: 'EGG', quantity: 13, multiple: 6 },
    });
  });

  it('a malformed SKU rule is a typed context error naming the field', () => {
    const bad = { catalogue: { MUG: { active: true, quantityMultiple: 0 } } };
    expect(() => validateOrder(order(), bad)).toThrow(OrderPolicyError);
    expect(() => validateOrder(order(), bad)).toThrow('context.catalogue["MUG"].quantityMultiple: 0 is not an integer');
  });
});

describe('validateOrder: prices against the pricing result', () => {
  const priced = {
    lines: [{ id: 'l1', unitPrice: usd('8.50'), total: usd('17.00') }],
    totals: { grandTotal: usd('22.00') },
  };

  it('accepts an order that matches its pricing result', () => {
    expect(validateOrder(order(), { pricing: { 'o-1': priced } }).decision).toBe('accept');
  });

  it('reports a different unit price with expected and actual', () => {
    const cheaper = { ...priced, lines: [{ id: 'l1', unitPrice: usd('8.00'), total: usd('17.00') }] };
    const r = validateOrder(order(), { pricing: { 'o-1': cheaper } });
    expect(r.issues).toEqual([
      {
        code: 'price_mismatch',
        severity: 'error',
        path: 'lines[0].unitPrice',
        lineId: 'l1',
        message: 'lines[0].unitPrice: 8.50 USD differs from the priced 8.00 USD.',
        details: { expected: usd('8.00'), actual: usd('8.50') },
      },
    ]);
  });

  it('the grand total includes shipping and its tax', () => {
    const r = validateOrder(order({ shipping: { net: usd('5.00'), tax: usd('0.40') } }), {
      pricing: { 'o-1': priced },
    });
    expect(at(r)).toEqual(['price_mismatch@grandTotal']);
    expect(r.issues[0]?.details).toEqual({ expected: usd('22.00'), actual: usd('22.40') });
  });

  it('reports order lines not priced and priced lines not ordered', () => {
    const other = { ...priced, lines: [{ id: 'l9', unitPrice: usd('8.50'), total: usd('17.00') }] };
    expect(at(validateOrder(order(), { pricing: { 'o-1': other } }))).toEqual([
      'line_not_priced@lines[0]',
      'priced_line_missing@lines',
    ]);
  });

  it('orders without a pricing entry are not price-checked', () => {
    expect(validateOrder(order({ id: 'o-2' }), { pricing: { 'o-1': priced } }).decision).toBe('accept');
  });
});

describe('validateOrder: credit limit', () => {
  // Grand total of the base order: 17.00 + 5.00 shipping = 22.00.
  const net30 = { paymentTerms: { kind: 'net', days: 30 }, creditApproved: false } as const;
  const credit = (limit: string) => ({
    'c-1': { limit: usd(limit), openReceivables: usd('60.00'), openOrders: usd('18.00') },
  });

  it('exactly at the limit is fine: 60 + 18 + 22 = 100', () => {
    expect(validateOrder(order({ terms: net30 }), { credit: credit('100.00') }).decision).toBe('accept');
  });

  it('one cent over is an error with the figures', () => {
    const r = validateOrder(order({ terms: net30 }), { credit: credit('99.99') });
    expect(r.decision).toBe('reject');
    expect(r.issues[0]?.code).toBe('credit_limit_exceeded');
    expect(r.issues[0]?.details).toEqual({
      accountId: 'c-1',
      limit: usd('99.99'),
      openReceivables: usd('60.00'),
      openOrders: usd('18.00'),
      orderTotal: usd('22.00'),
      exposure: usd('100.00'),
      available: usd('21.99'),
    });
  });

  it('prepaid and cash-on-delivery orders are not credit-checked', () => {
    expect(validateOrder(order(), { credit: credit('0.00') }).decision).toBe('accept');
    const cod = { paymentTerms: { kind: 'cash_on_delivery' }, creditApproved: false } as const;
    expect(validateOrder(order({ terms: cod }), { credit: credit('0.00') }).decision).toBe('accept');
  });

  it('an account without credit data, or in another currency, goes to review', () => {
    expect(at(validateOrder(order({ terms: net30 }), { credit: {} }))).toEqual([
      'credit_account_unknown@customer.accountId',
    ]);
    const eur = {
      'c-1': { limit: money('1', 'EUR'), openReceivables: money('0', 'EUR'), openOrders: money('0', 'EUR') },
    };
    const r = validateOrder(order({ terms: net30 }), { credit: eur });
    expect(r.decision).toBe('review');
    expect(codes(r)).toEqual(['credit_currency_mismatch']);
  });
});

describe('validateOrder: delivery feasibility', () => {
  // Monday 2026-11-23; Thanksgiving Thursday 2026-11-26 is a holiday below.
  const newYork = { time: '14:00', utcOffset: '-05:00' };
  const delivery = { cutoff: newYork, transitDays: { ground: 1, freight: 3 }, holidays: ['2026-11-26'] };
  const want = (date: string, method = 'ground'): Partial<OrderDraft> => ({
    fulfillment: { requestedDeliveryDate: date, shippingMethod: method },
  });

  it('13:59 in New York (18:59Z) ships today: Tuesday delivery is feasible', () => {
    const r = validateOrder(order(want('2026-11-24')), { delivery }, { now: '2026-11-23T18:59:00Z' });
    expect(r).toEqual({ decision: 'accept', issues: [] });
  });

  it('14:00 in New York (19:00Z) starts tomorrow: Tuesday is infeasible, Wednesday is the earliest', () => {
    const r = validateOrder(order(want('2026-11-24')), { delivery }, { now: '2026-11-23T19:00:00Z' });
    expect(r.decision).toBe('reject');
    expect(r.issues[0]).toMatchObject({
      code: 'delivery_date_infeasible',
      path: 'fulfillment.requestedDeliveryDate',
      details: {
        requestedDeliveryDate: '2026-11-24',
        earliestDeliveryDate: '2026-11-25',
        processingDate: '2026-11-24',
        earliestShipDate: '2026-11-24',
        leadTimeDays: 0,
        transitDays: 1,
      },
    });
  });

  it('the same instant read at UTC is before a 14:00 UTC+0 cut-off only if earlier than 14:00Z', () => {
    const utc = { ...delivery, cutoff: { time: '14:00', utcOffset: 'Z' } };
    expect(validateOrder(order(want('2026-11-24')), { delivery: utc }, { now: '2026-11-23T13:59:59Z' }).decision).toBe(
      'accept',
    );
    expect(validateOrder(order(want('2026-11-24')), { delivery: utc }, { now: '2026-11-23T14:00:00Z' }).decision).toBe(
      'reject',
    );
  });

  it('late Monday evening in New York is already Tuesday in UTC, but the cut-off offset decides', () => {
    // 2026-11-24T03:00Z is Monday 22:00 in New York: after cut-off, processing Tuesday, delivery Wednesday.
    const r = validateOrder(order(want('2026-11-24')), { delivery }, { now: '2026-11-24T03:00:00Z' });
    expect(r.issues[0]?.details['earliestDeliveryDate']).toBe('2026-11-25');
    expect(r.issues[0]?.details['processingDate']).toBe('2026-11-24');
  });

  it('Friday after cut-off starts Monday; the weekend and the Thanksgiving holiday are skipped', () => {
    // Friday 2026-11-20 15:00 New York → processing Monday 23rd; freight 3 working days: Tue, Wed, Fri (Thu is a holiday).
    const r = validateOrder(order(want('2026-11-26', 'freight')), { delivery }, { now: '2026-11-20T20:00:00Z' });
    expect(r.issues[0]?.details).toMatchObject({ processingDate: '2026-11-23', earliestDeliveryDate: '2026-11-27' });
    expect(
      validateOrder(order(want('2026-11-27', 'freight')), { delivery }, { now: '2026-11-20T20:00:00Z' }).decision,
    ).toBe('accept');
  });

  it('an order on a Saturday morning (before cut-off) still starts Monday', () => {
    const r = validateOrder(order(want('2026-11-23')), { delivery }, { now: '2026-11-21T14:00:00Z' });
    expect(r.issues[0]?.details).toMatchObject({ processingDate: '2026-11-23', earliestDeliveryDate: '2026-11-24' });
  });

  it('lead time is the largest line lead time, in working days', () => {
    const catalogue = { MUG: { active: true, leadTimeDays: 1 }, LATHE: { active: true, leadTimeDays: 2 } };
    const lines = [line('l1', 'MUG', 1, '1.00'), line('l2', 'LATHE', 1, '1.00')];
    // Monday before cut-off: ship Wednesday (2 working days), deliver Friday (Thursday is a holiday).
    const r = validateOrder(
      order({ lines, ...want('2026-11-26') }),
      { catalogue, delivery },
      { now: '2026-11-23T15:00:00Z' },
    );
    expect(r.issues[0]?.details).toMatchObject({
      leadTimeDays: 2,
      earliestShipDate: '2026-11-25',
      earliestDeliveryDate: '2026-11-27',
    });
  });

  it('a requested date in the past is an error even without a delivery context', () => {
    const r = validateOrder(order(want('2026-11-22')), {}, { now: '2026-11-23T10:00:00Z' });
    expect(at(r)).toEqual(['delivery_date_in_past@fulfillment.requestedDeliveryDate']);
    expect(r.issues[0]?.details).toEqual({ requestedDeliveryDate: '2026-11-22', today: '2026-11-23' });
  });

  it('now defaults to the order time', () => {
    const r = validateOrder(order({ ...want('2026-11-22'), timestamps: { orderedAt: '2026-11-23T10:00:00Z' } }), {});
    expect(codes(r)).toEqual(['delivery_date_in_past']);
  });

  it('infeasibility can be a warning (review)', () => {
    const soft = { ...delivery, infeasibleSeverity: 'warning' as const };
    const r = validateOrder(order(want('2026-11-24')), { delivery: soft }, { now: '2026-11-23T19:00:00Z' });
    expect(r.decision).toBe('review');
  });

  it('a ship-by date before the earliest ship date is reported', () => {
    const r = validateOrder(
      order({ fulfillment: { shipBy: '2026-11-23', shippingMethod: 'ground' } }),
      { delivery },
      {
        now: '2026-11-23T19:00:00Z',
      },
    );
    expect(at(r)).toEqual(['ship_by_infeasible@fulfillment.shipBy']);
    expect(r.issues[0]?.details['earliestShipDate']).toBe('2026-11-24');
  });

  it('an unknown shipping method is an error unless there is a default transit', () => {
    const r = validateOrder(order(want('2026-12-10', 'teleport')), { delivery }, { now: '2026-11-23T10:00:00Z' });
    expect(at(r)).toEqual(['unknown_shipping_method@fulfillment.shippingMethod']);
    const withDefault = { ...delivery, defaultTransitDays: 5 };
    expect(
      validateOrder(order(want('2026-12-10', 'teleport')), { delivery: withDefault }, { now: '2026-11-23T10:00:00Z' })
        .decision,
    ).toBe('accept');
  });

  it('rejects impossible dates as invalid fields and bad cut-offs as context errors', () => {
    expect(at(validateOrder(order(want('2026-02-30')), { delivery }, { now: '2026-01-05T10:00:00Z' }))).toEqual([
      'invalid_field@fulfillment.requestedDeliveryDate',
    ]);
    const bad = { delivery: { cutoff: { time: '24:00', utcOffset: '-05:00' } } };
    expect(() => validateOrder(order(), bad)).toThrow('context.delivery.cutoff.time: "24:00" is not \'HH:mm\'.');
    expect(() => validateOrder(order(), {}, { now: '2026-11-23T10:00:00' })).toThrow(OrderPolicyError);
  });

  it('gives the same answers whatever the host time zone (run in child processes)', () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const probe = join(here, 'fixtures/tzProbe.ts');
    const outputs = ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'].map((tz) =>
      execFileSync(process.execPath, ['--import', 'tsx', probe], { env: { ...process.env, TZ: tz }, encoding: 'utf8' }),
    );
    expect(JSON.parse(outputs[0] as string).length).toBeGreaterThan(10);
    for (const output of outputs) expect(output).toBe(outputs[0]);
  });
});

describe('validateOrder: address completeness', () => {
  it('names each missing or blank required field', () => {
    const r = validateOrder(
      order({ customer: { deliveryAddress: { line1: '  ', city: 'Springfield', country: 'US' } } }),
      {},
    );
    expect(at(r)).toEqual([
      'address_incomplete@customer.deliveryAddress.line1',
      'address_incomplete@customer.deliveryAddress.postalCode',
    ]);
    expect(r.issues[1]?.message).toBe('customer.deliveryAddress.postalCode: is required and missing.');
  });

  it('per-country lists replace the default (no postal code in Hong Kong)', () => {
    const hk = { customer: { deliveryAddress: { line1: '1 Queen’s Rd', city: 'Hong Kong', country: 'HK' } } };
    const address = { byCountry: { HK: ['line1', 'city', 'country'] as const } };
    expect(validateOrder(order(hk), { address }).decision).toBe('accept');
    expect(codes(validateOrder(order(hk), {}))).toEqual(['address_incomplete']);
  });
});

describe('validateOrder: hostile input', () => {
  const context: OrderValidationContext = {
    catalogue: { MUG: { active: true } },
    credit: { 'c-1': { limit: usd('100'), openReceivables: usd('0'), openOrders: usd('0') } },
    delivery: { cutoff: { time: '14:00', utcOffset: '-05:00' }, transitDays: { ground: 1 } },
    pricing: { 'o-1': { lines: [], totals: { grandTotal: usd('0') } } },
  };
  const hostile: unknown[] = [
    undefined,
    null,
    42,
    'order',
    [],
    Object.create(null),
    JSON.parse('{"__proto__": {"lines": []}, "id": "o-1"}'),
    { ...order(), lines: [null, 3, { __proto__: { quantity: 1 } }, []] },
    { ...order(), lines: [{ ...line('l1', 'MUG', 1, '1'), unitPrice: { amount: Number.NaN, currency: 'USD' } }] },
    { ...order(), lines: [{ ...line('l1', 'MUG', 1, '1'), total: { amount: 1e300, currency: 'USD' } }] },
    { ...order(), customer: null, terms: 'net', fulfillment: [], shipping: 0, timestamps: null },
    { ...order(), customer: { accountId: 7, deliveryAddress: 'home' } },
    { ...order(), fulfillment: { requestedDeliveryDate: 20261124, shipBy: {}, shippingMethod: 9 } },
    { ...order(), lines: new Array(3) },
  ];

  it.each(hostile.map((value, i) => [i, value]))('#%i gives issues with known codes, never a TypeError', (_, value) => {
    const r = validateOrder(value as OrderDraft, context, { now: '2026-11-23T10:00:00Z' });
    expect(r.decision).toBe('reject');
    expect(r.issues.length).toBeGreaterThan(0);
    for (const issue of r.issues) {
      expect(ORDER_VALIDATION_ISSUE_CODES).toContain(issue.code);
      expect(typeof issue.message).toBe('string');
    }
  });

  it('hostile contexts give OrderPolicyError, not TypeError', () => {
    const contexts: unknown[] = [
      null,
      7,
      { catalogue: [] },
      { catalogue: { MUG: null } },
      { catalogue: { MUG: { active: 'yes' } } },
      { credit: { 'c-1': { limit: 5 } } },
      { delivery: { workingWeekdays: [] } },
      { delivery: { holidays: ['2026-13-01'] } },
      { delivery: { cutoff: { time: '14:00', utcOffset: '+25:00' } } },
      { delivery: { defaultLeadTimeDays: Number.NaN } },
      { address: { required: ['nickname'] } },
      { pricing: { 'o-1': { lines: 'x' } } },
    ];
    const net = order({ terms: { paymentTerms: { kind: 'net', days: 30 }, creditApproved: false } });
    for (const c of contexts) {
      expect(() => validateOrder(net, c as OrderValidationContext)).toThrow(OrderPolicyError);
    }
  });

  it('never mutates the order or the context (deep-frozen)', () => {
    const o = deepFreeze(order({ fulfillment: { requestedDeliveryDate: '2026-11-24', shippingMethod: 'ground' } }));
    const c = deepFreeze(structuredClone(context));
    const before = JSON.stringify([o, c]);
    validateOrder(o, c, { now: '2026-11-23T19:00:00Z' });
    expect(JSON.stringify([o, c])).toBe(before);
  });
});
