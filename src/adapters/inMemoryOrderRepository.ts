import { parseInstant } from '../core/instant.js';
import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';
import { isRecord, show } from '../core/show.js';
import type { HistoryEntry, Order } from '../orders/types.js';
import { AdapterError } from './errors.js';
import type { HistoryPage, OrderPage, OrderQuery, OrderRepository, OrderSaved } from './orderRepository.js';

/**
 * The in-memory {@link OrderRepository}: the async port plus a synchronous core with the same
 * semantics (`createSync`, `loadSync`, `saveSync`, `querySync`, `historySync`).
 *
 * @example
 * ```ts
 * import { createInMemoryOrderRepository } from 'ordercore/adapters';
 *
 * const repo = createInMemoryOrderRepository();
 * repo.querySync().orders.length; //=> 0
 * repo.loadSync('o-404').ok; //=> false
 * ```
 */
export interface InMemoryOrderRepository extends OrderRepository {
  /**
   * {@link OrderRepository.create}, synchronously.
   *
   * @param order - The new order.
   * @returns As `create`, without the promise.
   */
  createSync(order: Order): Result<OrderSaved, AdapterError>;
  /**
   * {@link OrderRepository.load}, synchronously.
   *
   * @param orderId - The order's id.
   * @returns As `load`, without the promise.
   */
  loadSync(orderId: string): Result<Order, AdapterError>;
  /**
   * {@link OrderRepository.save}, synchronously.
   *
   * @param order - The order after one or more events.
   * @param expectedVersion - The version the caller loaded.
   * @returns As `save`, without the promise.
   */
  saveSync(order: Order, expectedVersion: number): Result<OrderSaved, AdapterError>;
  /**
   * {@link OrderRepository.query}, synchronously.
   *
   * @param query - Filters, page size and cursor.
   * @returns As `query`, without the promise.
   * @throws {@link AdapterError} `invalid_request` for a malformed query.
   */
  querySync(query?: OrderQuery): OrderPage;
  /**
   * {@link OrderRepository.history}, synchronously.
   *
   * @param orderId - The order's id.
   * @param page - Which entries.
   * @returns As `history`, without the promise.
   * @throws {@link AdapterError} `invalid_request` for a malformed page.
   */
  historySync(orderId: string, page?: HistoryPage): Result<readonly HistoryEntry[], AdapterError>;
}

/** One stored order: the order without its history as JSON, the history as one JSON text per entry. */
interface Row {
  readonly id: string;
  readonly version: number;
  readonly state: string;
  readonly customerId: string;
  readonly placedMs: number;
  readonly body: string;
  readonly history: string[];
}

const invalid = (field: string, reason: string): AdapterError =>
  new AdapterError('invalid_request', `${field}: ${reason}`, { field });

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** The fields the repository reads, checked; or the refusal. */
function readOrder(
  order: unknown,
): { row: Omit<Row, 'history'>; history: readonly unknown[] } | { problem: AdapterError } {
  if (!isRecord(order)) return { problem: invalid('order', `expected an order object, got ${show(order)}.`) };
  if (!isText(order['id'])) return { problem: invalid('id', `expected a non-empty string, got ${show(order['id'])}.`) };
  if (!isCount(order['version']))
    return { problem: invalid('version', `expected a non-negative safe integer, got ${show(order['version'])}.`) };
  if (!isText(order['state']))
    return { problem: invalid('state', `expected a non-empty string, got ${show(order['state'])}.`) };
  const customer = order['customer'];
  if (!isRecord(customer) || typeof customer['accountId'] !== 'string')
    return {
      problem: invalid(
        'customer.accountId',
        `expected a string, got ${show(isRecord(customer) ? customer['accountId'] : customer)}.`,
      ),
    };
  const timestamps = order['timestamps'];
  const orderedAt = isRecord(timestamps) ? timestamps['orderedAt'] : undefined;
  const placedMs = parseInstant(orderedAt);
  if (placedMs === undefined)
    return {
      problem: invalid('timestamps.orderedAt', `expected an ISO 8601 instant with an offset, got ${show(orderedAt)}.`),
    };
  const history = order['history'];
  if (!Array.isArray(history)) return { problem: invalid('history', `expected an array, got ${show(history)}.`) };
  for (let i = 0; i < history.length; i += 1) {
    const entry: unknown = history[i];
    if (!isRecord(entry) || entry['seq'] !== i + 1)
      return {
        problem: invalid(
          `history[${i}].seq`,
          `expected ${i + 1} (entries carry seq 1, 2, 3 ...), got ${show(isRecord(entry) ? entry['seq'] : entry)}.`,
        ),
      };
  }
  const { history: _history, ...rest } = order;
  let body: string;
  try {
    body = JSON.stringify(rest);
  } catch {
    return { problem: invalid('order', 'expected JSON data (no bigint, no cycles).') };
  }
  return {
    row: {
      id: order['id'],
      version: order['version'],
      state: order['state'],
      customerId: customer['accountId'],
      placedMs,
      body,
    },
    history,
  };
}

function entryTexts(history: readonly unknown[], from: number): string[] | AdapterError {
  const out: string[] = [];
  for (let i = from; i < history.length; i += 1) {
    try {
      out.push(JSON.stringify(history[i]));
    } catch {
      return invalid(`history[${i}]`, 'expected JSON data (no bigint, no cycles).');
    }
  }
  return out;
}

const notFound = (orderId: string): AdapterError =>
  new AdapterError('not_found', `No order ${show(orderId)}.`, { entity: 'order', id: orderId });

/** Keyset order: placed instant, then id in code-unit order. */
function before(a: { placedMs: number; id: string }, b: { placedMs: number; id: string }): boolean {
  return a.placedMs < b.placedMs || (a.placedMs === b.placedMs && a.id < b.id);
}

function encodeCursor(row: Row): string {
  return `${row.placedMs}:${row.id}`;
}

function decodeCursor(cursor: unknown): { placedMs: number; id: string } {
  if (typeof cursor !== 'string') throw invalid('cursor', `expected a cursor string, got ${show(cursor)}.`);
  const colon = cursor.indexOf(':');
  const placedMs = colon > 0 ? Number(cursor.slice(0, colon)) : Number.NaN;
  if (!Number.isSafeInteger(placedMs) || !/^-?\d+$/.test(cursor.slice(0, colon)))
    throw invalid('cursor', `${show(cursor)} is not a cursor this repository gave.`);
  return { placedMs, id: cursor.slice(colon + 1) };
}

interface ParsedQuery {
  readonly states: ReadonlySet<string> | undefined;
  readonly customerId: string | undefined;
  readonly fromMs: number | undefined;
  readonly beforeMs: number | undefined;
  readonly limit: number;
  readonly after: { placedMs: number; id: string } | undefined;
}

function parseQuery(query: unknown): ParsedQuery {
  if (query === undefined) query = {};
  if (!isRecord(query)) throw invalid('query', `expected an object or nothing, got ${show(query)}.`);
  const states = query['states'];
  if (states !== undefined && (!Array.isArray(states) || !states.every((s) => typeof s === 'string')))
    throw invalid('query.states', `expected an array of strings, got ${show(states)}.`);
  const customerId = query['customerId'];
  if (customerId !== undefined && typeof customerId !== 'string')
    throw invalid('query.customerId', `expected a string, got ${show(customerId)}.`);
  const instant = (field: 'placedFrom' | 'placedBefore'): number | undefined => {
    const value = query[field];
    if (value === undefined) return undefined;
    const ms = parseInstant(value);
    if (ms === undefined)
      throw invalid(`query.${field}`, `expected an ISO 8601 instant with an offset, got ${show(value)}.`);
    return ms;
  };
  const limit = query['limit'] ?? 100;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw invalid('query.limit', `expected an integer from 1 to 1000, got ${show(limit)}.`);
  return {
    states: states === undefined || states.length === 0 ? undefined : new Set(states as string[]),
    customerId,
    fromMs: instant('placedFrom'),
    beforeMs: instant('placedBefore'),
    limit,
    after: query['cursor'] === undefined ? undefined : decodeCursor(query['cursor']),
  };
}

/**
 * Creates the in-memory reference implementation of {@link OrderRepository}. Orders are stored as
 * JSON (the order without its history, and one text per history entry), so what `load` returns is
 * always a fresh copy and a caller's later change to a saved order never reaches the store; each
 * call runs to completion synchronously, which makes compare-and-write atomic in a single-threaded
 * runtime. Queries scan and sort (fine for tests, demos and small hosts).
 *
 * @returns An empty repository, with the async port and its synchronous twins.
 * @example
 * ```ts
 * import { createInMemoryOrderRepository } from 'ordercore/adapters';
 * import { money } from 'ordercore/money';
 * import { createOrder, type Order } from 'ordercore/orders';
 *
 * const usd = (a: string) => money(a, 'USD');
 * const created = createOrder(
 *   {
 *     id: 'o-1', type: 'stock', currency: 'USD', channel: 'web', priority: 'normal',
 *     customer: { accountId: 'c-1', deliveryAddress: { line1: '1 Main St', city: 'Springfield', country: 'US' } },
 *     lines: [{ id: 'l1', sku: 'MUG', description: 'Mug', quantity: 1, unitPrice: usd('8.50'), subtotal: usd('8.50'),
 *       discounts: [], discountTotal: usd('0'), net: usd('8.50'), tax: usd('0'), total: usd('8.50') }],
 *     shipping: { net: usd('0'), tax: usd('0') }, fulfillment: {},
 *     terms: { paymentTerms: { kind: 'prepaid' }, creditApproved: false },
 *     timestamps: { orderedAt: '2026-11-22T10:00:00Z' },
 *   },
 *   { now: '2026-11-22T10:00:00Z', actor: { kind: 'customer', id: 'c-1' } },
 * );
 * if (!created.ok) throw created.error;
 * const order: Order = created.value.order;
 * const repo = createInMemoryOrderRepository();
 * (await repo.create(order)).ok; //=> true
 * order.version; //=> 1
 * const confirmed: Order = { ...order, version: 2, state: 'confirmed' };
 * (await repo.save(confirmed, 1)).ok; //=> true
 * const stale = await repo.save({ ...order, version: 2, state: 'cancelled' }, 1);
 * stale.ok || stale.error.code; //=> 'version_conflict'
 * (await repo.query({ states: ['confirmed'], customerId: 'c-1' })).orders.map((o) => o.id); //=> ['o-1']
 * ```
 */
export function createInMemoryOrderRepository(): InMemoryOrderRepository {
  const rows = new Map<string, Row>();

  function createSync(order: Order): Result<OrderSaved, AdapterError> {
    const read = readOrder(order);
    if ('problem' in read) return err(read.problem);
    const { row, history } = read;
    if (rows.has(row.id))
      return err(
        new AdapterError('already_exists', `Order ${show(row.id)} already exists.`, { entity: 'order', id: row.id }),
      );
    const texts = entryTexts(history, 0);
    if (texts instanceof AdapterError) return err(texts);
    rows.set(row.id, { ...row, history: texts });
    return ok({ orderId: row.id, version: row.version, historyAppended: texts.length });
  }

  function loadSync(orderId: string): Result<Order, AdapterError> {
    if (!isText(orderId)) return err(invalid('orderId', `expected a non-empty string, got ${show(orderId)}.`));
    const row = rows.get(orderId);
    return row === undefined ? err(notFound(orderId)) : ok(materialise(row));
  }

  function materialise(row: Row): Order {
    const order = JSON.parse(row.body) as Record<string, unknown>;
    order['history'] = row.history.map((text) => JSON.parse(text) as HistoryEntry);
    return order as unknown as Order;
  }

  function saveSync(order: Order, expectedVersion: number): Result<OrderSaved, AdapterError> {
    const read = readOrder(order);
    if ('problem' in read) return err(read.problem);
    const { row, history } = read;
    if (!isCount(expectedVersion))
      return err(invalid('expectedVersion', `expected a non-negative safe integer, got ${show(expectedVersion)}.`));
    const stored = rows.get(row.id);
    if (stored === undefined) return err(notFound(row.id));
    if (stored.version !== expectedVersion)
      return err(
        new AdapterError(
          'version_conflict',
          `Order ${show(row.id)}: expected version ${expectedVersion}, stored ${stored.version}.`,
          { orderId: row.id, expectedVersion, actualVersion: stored.version },
        ),
      );
    if (row.version <= expectedVersion)
      return err(
        invalid('version', `the saved order's version must be greater than ${expectedVersion}, got ${row.version}.`),
      );
    if (history.length < stored.history.length)
      return err(
        new AdapterError(
          'history_rewritten',
          `Order ${show(row.id)}: the history has ${history.length} entries but ${stored.history.length} are stored; history is append-only.`,
          { orderId: row.id, stored: stored.history.length, given: history.length },
        ),
      );
    const texts = entryTexts(history, stored.history.length);
    if (texts instanceof AdapterError) return err(texts);
    rows.set(row.id, { ...row, history: [...stored.history, ...texts] });
    return ok({ orderId: row.id, version: row.version, historyAppended: texts.length });
  }

  function querySync(query?: OrderQuery): OrderPage {
    const q = parseQuery(query);
    const matching: Row[] = [];
    for (const row of rows.values()) {
      if (q.states !== undefined && !q.states.has(row.state)) continue;
      if (q.customerId !== undefined && row.customerId !== q.customerId) continue;
      if (q.fromMs !== undefined && row.placedMs < q.fromMs) continue;
      if (q.beforeMs !== undefined && row.placedMs >= q.beforeMs) continue;
      if (q.after !== undefined && !before(q.after, row)) continue;
      matching.push(row);
    }
    matching.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    const page = matching.slice(0, q.limit);
    const last = page.at(-1);
    const orders = page.map(materialise);
    return matching.length > q.limit && last !== undefined ? { orders, nextCursor: encodeCursor(last) } : { orders };
  }

  function historySync(orderId: string, page?: HistoryPage): Result<readonly HistoryEntry[], AdapterError> {
    const given: HistoryPage = page ?? {};
    if (page !== undefined && !isRecord(page))
      throw invalid('page', `expected an object or nothing, got ${show(page)}.`);
    const afterSeq: unknown = given.afterSeq ?? 0;
    const limit: unknown = given.limit;
    if (!isCount(afterSeq))
      throw invalid('page.afterSeq', `expected a non-negative safe integer, got ${show(afterSeq)}.`);
    if (limit !== undefined && !isCount(limit))
      throw invalid('page.limit', `expected a non-negative safe integer, got ${show(limit)}.`);
    if (!isText(orderId)) return err(invalid('orderId', `expected a non-empty string, got ${show(orderId)}.`));
    const row = rows.get(orderId);
    if (row === undefined) return err(notFound(orderId));
    const texts = row.history.slice(afterSeq, limit === undefined ? undefined : afterSeq + limit);
    return ok(texts.map((text) => JSON.parse(text) as HistoryEntry));
  }

  const attempt = <T>(run: () => T): Promise<T> => {
    try {
      return Promise.resolve(run());
    } catch (error) {
      return Promise.reject(error);
    }
  };

  return {
    createSync,
    loadSync,
    saveSync,
    querySync,
    historySync,
    create: (order) => attempt(() => createSync(order)),
    load: (orderId) => attempt(() => loadSync(orderId)),
    save: (order, expectedVersion) => attempt(() => saveSync(order, expectedVersion)),
    query: (query) => attempt(() => querySync(query)),
    history: (orderId, page) => attempt(() => historySync(orderId, page)),
  };
}
