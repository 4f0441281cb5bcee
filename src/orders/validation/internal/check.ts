import { getCurrency, toDecimal } from '../../../money/index.js';
import type { OrderValidationIssue, OrderValidationIssueCode, OrderValidationReport } from '../types.js';
import { formatCalendarDate, parseCalendarDate, parseInstant } from './calendar.js';
import type { PreparedContext } from './prepare.js';
import { isMoneyLike, isRecord, type MoneyLike, show } from './show.js';

/** What a `net` order adds to its account's exposure, for batch accumulation. */
export interface CreditUse {
  readonly accountId: string;
  readonly currency: string;
  readonly amount: number;
}

/** One checked order: its report, and what it adds to its account's exposure when not rejected. */
export interface CheckedOrder {
  readonly report: OrderValidationReport;
  readonly creditUse: CreditUse | undefined;
}

const LINE_MONEY = ['unitPrice', 'subtotal', 'discountTotal', 'net', 'tax', 'total'] as const;

/** Money for a message; never throws (an unregistered currency is shown in minor units). */
function shown(m: MoneyLike): string {
  try {
    return `${toDecimal(m)} ${m.currency}`;
  } catch {
    return `${m.amount} minor units of ${show(m.currency)}`;
  }
}

function isKnownCurrency(code: string): boolean {
  return getCurrency(code) !== undefined;
}

/**
 * Validates one order against a prepared context. `openExtra(accountId, currency)` gives what earlier
 * orders of the same batch add to the account's open orders (0 when not accumulating).
 */
export function checkOrder(
  order: unknown,
  ctx: PreparedContext,
  openExtra: ((accountId: string, currency: string) => number) | undefined,
): CheckedOrder {
  const issues: OrderValidationIssue[] = [];
  const add = (
    code: OrderValidationIssueCode,
    severity: 'error' | 'warning',
    path: string,
    message: string,
    details: Readonly<Record<string, unknown>> = {},
    lineId?: string,
  ): void => {
    issues.push(
      lineId === undefined
        ? { code, severity, path, message: `${path === '' ? 'order' : path}: ${message}`, details }
        : { code, severity, path, lineId, message: `${path}: ${message}`, details },
    );
  };

  if (!isRecord(order)) {
    add('invalid_order', 'error', '', `${show(order)} is not an order object.`);
    return { report: { decision: 'reject', issues }, creditUse: undefined };
  }

  // --- the order's own sanity -------------------------------------------------------------------
  const currencyValue = order['currency'];
  const currency = typeof currencyValue === 'string' && isKnownCurrency(currencyValue) ? currencyValue : undefined;
  if (currency === undefined)
    add('invalid_field', 'error', 'currency', `${show(currencyValue)} is not a known currency code.`);

  const orderIdValue = order['id'];
  const orderId = typeof orderIdValue === 'string' ? orderIdValue : undefined;
  if (orderId === undefined) add('invalid_field', 'error', 'id', `${show(orderIdValue)} is not an order id.`);

  /** Σ line totals in minor units, or undefined once any total is unusable. */
  let linesTotal: number | undefined = 0;
  let leadTime = 0;
  const lineIds = new Set<string>();
  const validLines: {
    readonly index: number;
    readonly id: string;
    readonly line: Readonly<Record<string, unknown>>;
  }[] = [];
  const lines = order['lines'];
  if (!Array.isArray(lines)) {
    add('invalid_field', 'error', 'lines', `${show(lines)} is not a list of lines.`);
    linesTotal = undefined;
  } else if (lines.length === 0) {
    add('no_lines', 'error', 'lines', 'the order has no lines.');
  } else {
    for (let i = 0; i < lines.length; i++) {
      const path = `lines[${i}]`;
      const line: unknown = lines[i];
      if (!isRecord(line)) {
        add('invalid_field', 'error', path, `${show(line)} is not a line object.`);
        linesTotal = undefined;
        continue;
      }
      const idValue = line['id'];
      const id = typeof idValue === 'string' && idValue !== '' ? idValue : undefined;
      if (id === undefined) {
        add('invalid_field', 'error', `${path}.id`, `${show(idValue)} is not a line id.`);
      } else if (lineIds.has(id)) {
        add(
          'duplicate_line_id',
          'error',
          `${path}.id`,
          `${show(id)} is already the id of an earlier line.`,
          { id },
          id,
        );
      } else {
        lineIds.add(id);
        validLines.push({ index: i, id, line });
      }

      const quantity = line['quantity'];
      const quantityOk = typeof quantity === 'number' && Number.isSafeInteger(quantity) && quantity > 0;
      if (!quantityOk) {
        add(
          'invalid_quantity',
          'error',
          `${path}.quantity`,
          `${show(quantity)} is not a positive whole number of units.`,
          { quantity: typeof quantity === 'number' ? quantity : show(quantity) },
          id,
        );
      }

      for (const field of LINE_MONEY) {
        const m = line[field];
        if (!isMoneyLike(m)) {
          add(
            'invalid_field',
            'error',
            `${path}.${field}`,
            'expected money { amount: safe integer, currency }.',
            {},
            id,
          );
          if (field === 'total') linesTotal = undefined;
        } else if (currency !== undefined && m.currency !== currency) {
          add(
            'currency_mismatch',
            'error',
            `${path}.${field}`,
            `${show(m.currency)} differs from the order currency ${show(currency)}.`,
            { expected: currency, actual: m.currency },
            id,
          );
          if (field === 'total') linesTotal = undefined;
        } else if (field === 'total' && linesTotal !== undefined) {
          linesTotal += m.amount;
        }
      }

      const skuValue = line['sku'];
      if (typeof skuValue !== 'string' || skuValue === '') {
        add('invalid_field', 'error', `${path}.sku`, `${show(skuValue)} is not a SKU.`, {}, id);
        continue;
      }
      if (ctx.catalogue === undefined) {
        leadTime = Math.max(leadTime, ctx.defaultLeadTimeDays);
        continue;
      }
      const rule = ctx.sku(skuValue);
      if (rule === null) {
        add('unknown_sku', 'error', `${path}.sku`, `${show(skuValue)} is not in the catalogue.`, { sku: skuValue }, id);
        leadTime = Math.max(leadTime, ctx.defaultLeadTimeDays);
        continue;
      }
      leadTime = Math.max(leadTime, rule.leadTimeDays ?? ctx.defaultLeadTimeDays);
      if (!rule.active) {
        add(
          'sku_inactive',
          'error',
          `${path}.sku`,
          `${show(skuValue)} is not active (not sellable).`,
          { sku: skuValue },
          id,
        );
      } else if (rule.discontinued) {
        add('sku_discontinued', 'warning', `${path}.sku`, `${show(skuValue)} is discontinued.`, { sku: skuValue }, id);
      }
      if (!quantityOk) continue;
      const q = quantity as number;
      if (q < rule.minQuantity) {
        add(
          'quantity_below_minimum',
          'error',
          `${path}.quantity`,
          `${q} is below the minimum ${rule.minQuantity} of SKU ${show(skuValue)}.`,
          { sku: skuValue, quantity: q, minQuantity: rule.minQuantity },
          id,
        );
      }
      if (rule.maxQuantity !== undefined && q > rule.maxQuantity) {
        add(
          'quantity_above_maximum',
          'error',
          `${path}.quantity`,
          `${q} is above the maximum ${rule.maxQuantity} of SKU ${show(skuValue)}.`,
          { sku: skuValue, quantity: q, maxQuantity: rule.maxQuantity },
          id,
        );
      }
      if (q % rule.quantityMultiple !== 0) {
        add(
          'quantity_not_multiple',
          'error',
          `${path}.quantity`,
          `${q} is not a multiple of ${rule.quantityMultiple} (SKU ${show(skuValue)}).`,
          { sku: skuValue, quantity: q, multiple: rule.quantityMultiple },
          id,
        );
      }
    }
  }

  // --- shipping and the grand total -------------------------------------------------------------
  let grandTotal: number | undefined = linesTotal;
  // A draft may leave shipping out (createOrder makes it zero, adding nothing to the grand total)
  // and fulfillment out (createOrder makes it none).
  const shipping = order['shipping'];
  if (shipping === undefined) {
    // nothing to check or add
  } else if (!isRecord(shipping)) {
    add('invalid_field', 'error', 'shipping', 'expected { net, tax } as money.');
    grandTotal = undefined;
  } else {
    for (const field of ['net', 'tax'] as const) {
      const m = shipping[field];
      if (!isMoneyLike(m)) {
        add('invalid_field', 'error', `shipping.${field}`, 'expected money { amount: safe integer, currency }.');
        grandTotal = undefined;
      } else if (currency !== undefined && m.currency !== currency) {
        add(
          'currency_mismatch',
          'error',
          `shipping.${field}`,
          `${show(m.currency)} differs from the order currency ${show(currency)}.`,
          {
            expected: currency,
            actual: m.currency,
          },
        );
        grandTotal = undefined;
      } else if (grandTotal !== undefined) {
        grandTotal += m.amount;
      }
    }
  }
  if (currency === undefined) grandTotal = undefined;
  if (grandTotal !== undefined && !Number.isSafeInteger(grandTotal)) {
    add('invalid_field', 'error', 'grandTotal', 'the sum of line totals and shipping is beyond the safe amount range.');
    grandTotal = undefined;
  }

  // --- pricing ------------------------------------------------------------------------------------
  const priced = ctx.pricing !== undefined && orderId !== undefined ? ctx.pricingOf(orderId) : undefined;
  if (priced !== undefined && currency !== undefined) {
    const byId = new Map<string, { unitPrice: MoneyLike; total: MoneyLike }>();
    for (const pl of priced.lines) byId.set(pl.id, pl);
    for (const { index, id, line } of validLines) {
      const ref = byId.get(id);
      const path = `lines[${index}]`;
      if (ref === undefined) {
        add('line_not_priced', 'error', path, `line ${show(id)} is not in the pricing result.`, { lineId: id }, id);
        continue;
      }
      byId.delete(id);
      for (const field of ['unitPrice', 'total'] as const) {
        const actual = line[field];
        const expected = ref[field];
        if (isMoneyLike(actual) && (actual.amount !== expected.amount || actual.currency !== expected.currency)) {
          add(
            'price_mismatch',
            'error',
            `${path}.${field}`,
            `${shown(actual)} differs from the priced ${shown(expected)}.`,
            {
              expected: { amount: expected.amount, currency: expected.currency },
              actual: { amount: actual.amount, currency: actual.currency },
            },
            id,
          );
        }
      }
    }
    // Lines the pricing has and the order lacks, in the pricing's order (a priced cart is sorted by id).
    for (const id of byId.keys()) {
      if (!lineIds.has(id)) {
        add('priced_line_missing', 'error', 'lines', `the priced line ${show(id)} is missing from the order.`, {
          lineId: id,
        });
      }
    }
    const expected = priced.totals.grandTotal;
    if (grandTotal !== undefined && (grandTotal !== expected.amount || currency !== expected.currency)) {
      const actual = { amount: grandTotal, currency };
      add('price_mismatch', 'error', 'grandTotal', `${shown(actual)} differs from the priced ${shown(expected)}.`, {
        expected: { amount: expected.amount, currency: expected.currency },
        actual,
      });
    }
  }

  // --- credit ---------------------------------------------------------------------------------------
  let creditUse: CreditUse | undefined;
  const terms = order['terms'];
  const paymentTerms = isRecord(terms) ? terms['paymentTerms'] : undefined;
  const termsKind = isRecord(paymentTerms) ? paymentTerms['kind'] : undefined;
  if (termsKind !== 'prepaid' && termsKind !== 'net' && termsKind !== 'cash_on_delivery') {
    add(
      'invalid_field',
      'error',
      'terms.paymentTerms.kind',
      `${show(termsKind)} is not 'prepaid', 'net' or 'cash_on_delivery'.`,
    );
  }
  const customer = order['customer'];
  const accountValue = isRecord(customer) ? customer['accountId'] : undefined;
  const accountId = typeof accountValue === 'string' && accountValue !== '' ? accountValue : undefined;
  if (!isRecord(customer)) add('invalid_field', 'error', 'customer', `${show(customer)} is not a customer object.`);
  else if (accountId === undefined)
    add('invalid_field', 'error', 'customer.accountId', `${show(accountValue)} is not an account id.`);
  if (termsKind === 'net' && accountId !== undefined && grandTotal !== undefined && currency !== undefined) {
    creditUse = { accountId, currency, amount: grandTotal };
    if (ctx.credit !== undefined) {
      const account = ctx.account(accountId);
      if (account === undefined) {
        add(
          'credit_account_unknown',
          'warning',
          'customer.accountId',
          `account ${show(accountId)} has no credit data.`,
          {
            accountId,
          },
        );
      } else if (account.limit.currency !== currency) {
        add(
          'credit_currency_mismatch',
          'warning',
          'customer.accountId',
          `the credit of account ${show(accountId)} is in ${show(account.limit.currency)}, the order in ${show(currency)}.`,
          { accountId, creditCurrency: account.limit.currency, orderCurrency: currency },
        );
      } else {
        const batchOpen = openExtra === undefined ? 0 : openExtra(accountId, currency);
        const openOrders = account.openOrders.amount + batchOpen;
        const exposure = account.openReceivables.amount + openOrders + grandTotal;
        if (exposure > account.limit.amount) {
          const m = (amount: number): MoneyLike => ({ amount, currency });
          add(
            'credit_limit_exceeded',
            'error',
            'terms.paymentTerms',
            `receivables ${shown(account.openReceivables)} + open orders ${shown(m(openOrders))} + this order ${shown(m(grandTotal))} = ${shown(m(exposure))} exceeds the credit limit ${shown(account.limit)} of account ${show(accountId)}.`,
            {
              accountId,
              limit: m(account.limit.amount),
              openReceivables: m(account.openReceivables.amount),
              openOrders: m(openOrders),
              orderTotal: m(grandTotal),
              exposure: m(exposure),
              available: m(account.limit.amount - account.openReceivables.amount - openOrders),
            },
          );
        }
      }
    }
  }

  // --- delivery ---------------------------------------------------------------------------------------
  const fulfillment = order['fulfillment'] === undefined ? {} : order['fulfillment'];
  if (!isRecord(fulfillment)) {
    add('invalid_field', 'error', 'fulfillment', `${show(fulfillment)} is not a fulfillment object.`);
  } else {
    let nowMs = ctx.nowMs;
    if (nowMs === undefined) {
      const timestamps = order['timestamps'];
      const orderedAt = isRecord(timestamps) ? timestamps['orderedAt'] : undefined;
      nowMs = parseInstant(orderedAt);
      if (nowMs === undefined) {
        add(
          'invalid_field',
          'error',
          'timestamps.orderedAt',
          timestamps === undefined
            ? 'is missing: a draft without timestamps is ordered "now", so options.now must be given.'
            : `${show(orderedAt)} is not an ISO 8601 instant with an offset (it is "now" when options.now is not given).`,
        );
      }
    }
    const requestedValue = fulfillment['requestedDeliveryDate'];
    const requested = requestedValue === undefined ? undefined : parseCalendarDate(requestedValue);
    if (requestedValue !== undefined && requested === undefined) {
      add(
        'invalid_field',
        'error',
        'fulfillment.requestedDeliveryDate',
        `${show(requestedValue)} is not a real 'YYYY-MM-DD' date.`,
      );
    }
    const shipByValue = fulfillment['shipBy'];
    const shipBy = shipByValue === undefined ? undefined : parseCalendarDate(shipByValue);
    if (shipByValue !== undefined && shipBy === undefined) {
      add('invalid_field', 'error', 'fulfillment.shipBy', `${show(shipByValue)} is not a real 'YYYY-MM-DD' date.`);
    }
    const methodValue = fulfillment['shippingMethod'];
    if (methodValue !== undefined && typeof methodValue !== 'string') {
      add(
        'invalid_field',
        'error',
        'fulfillment.shippingMethod',
        `${show(methodValue)} is not a shipping method code.`,
      );
    }
    if (nowMs !== undefined) {
      const { today, processing } = ctx.dayInfo(nowMs);
      let pastRequested = false;
      if (requested !== undefined && requested < today) {
        pastRequested = true;
        add(
          'delivery_date_in_past',
          'error',
          'fulfillment.requestedDeliveryDate',
          `${formatCalendarDate(requested)} is before today, ${formatCalendarDate(today)}.`,
          { requestedDeliveryDate: formatCalendarDate(requested), today: formatCalendarDate(today) },
        );
      }
      if (ctx.hasDelivery) {
        const method = typeof methodValue === 'string' ? methodValue : undefined;
        const transit = ctx.transitFor(method);
        if (transit === undefined) {
          add(
            'unknown_shipping_method',
            'error',
            'fulfillment.shippingMethod',
            `${show(method)} has no transit time and there is no default.`,
            { shippingMethod: method },
          );
        }
        const earliestShip = ctx.addWorkingDays(processing, leadTime);
        const facts = {
          processingDate: formatCalendarDate(processing),
          leadTimeDays: leadTime,
          earliestShipDate: formatCalendarDate(earliestShip),
        };
        if (shipBy !== undefined && shipBy < earliestShip) {
          add(
            'ship_by_infeasible',
            ctx.infeasibleSeverity,
            'fulfillment.shipBy',
            `${formatCalendarDate(shipBy)} is before the earliest possible ship date, ${facts.earliestShipDate}.`,
            { shipBy: formatCalendarDate(shipBy), ...facts },
          );
        }
        if (transit !== undefined && requested !== undefined && !pastRequested) {
          const earliest = ctx.addWorkingDays(earliestShip, transit);
          if (requested < earliest) {
            const earliestDeliveryDate = formatCalendarDate(earliest);
            add(
              'delivery_date_infeasible',
              ctx.infeasibleSeverity,
              'fulfillment.requestedDeliveryDate',
              `${formatCalendarDate(requested)} is before the earliest feasible delivery date, ${earliestDeliveryDate}.`,
              {
                requestedDeliveryDate: formatCalendarDate(requested),
                earliestDeliveryDate,
                transitDays: transit,
                ...facts,
              },
            );
          }
        }
      }
    }
  }

  // --- address ------------------------------------------------------------------------------------------
  if (isRecord(customer)) {
    const address = customer['deliveryAddress'];
    if (!isRecord(address)) {
      add('invalid_field', 'error', 'customer.deliveryAddress', `${show(address)} is not an address object.`);
    } else {
      const country = address['country'];
      const fields = ctx.requiredFields(typeof country === 'string' && country.trim() !== '' ? country : undefined);
      for (const field of fields) {
        const value = address[field];
        if (typeof value !== 'string' || value.trim() === '') {
          add(
            'address_incomplete',
            'error',
            `customer.deliveryAddress.${field}`,
            value === undefined ? 'is required and missing.' : `${show(value)} is blank or not text; it is required.`,
            { field },
          );
        }
      }
    }
  }

  let decision: OrderValidationReport['decision'] = 'accept';
  for (const issue of issues) {
    if (issue.severity === 'error') {
      decision = 'reject';
      break;
    }
    decision = 'review';
  }
  return { report: { decision, issues }, creditUse };
}
