import type { Result } from '../core/result.js';
import type { HistoryEntry, Instant, Order } from '../orders/types.js';
import type { AdapterError } from './errors.js';

/**
 * What {@link OrderRepository.query} selects: every field set narrows the result (AND); a query
 * with no filter selects every order. Pages come in the repository's one order: by placed instant
 * (`timestamps.orderedAt`, compared as instants, not as strings), then by id (code-unit order).
 *
 * @example
 * ```ts
 * import type { OrderQuery } from 'ordercore/adapters';
 *
 * const query: OrderQuery = {
 *   states: ['placed', 'confirmed'], customerId: 'c-1',
 *   placedFrom: '2026-11-01T00:00:00Z', placedBefore: '2026-12-01T00:00:00Z', limit: 20,
 * };
 * query.states?.length; //=> 2
 * ```
 */
export interface OrderQuery {
  /** Only orders in one of these states (`order.state`). Empty or absent: any state. */
  readonly states?: readonly string[];
  /** Only orders of this customer (`order.customer.accountId`). */
  readonly customerId?: string;
  /** Only orders placed at or after this instant (inclusive). */
  readonly placedFrom?: Instant;
  /** Only orders placed strictly before this instant (exclusive). */
  readonly placedBefore?: Instant;
  /** The most orders in one page, 1 to 1000. Default 100. */
  readonly limit?: number;
  /** `nextCursor` of the previous page, to continue after it (with the same filters). */
  readonly cursor?: string;
}

/**
 * One page of {@link OrderRepository.query}.
 *
 * @example
 * ```ts
 * import type { OrderPage } from 'ordercore/adapters';
 *
 * const last: OrderPage = { orders: [] };
 * last.nextCursor; //=> undefined
 * ```
 */
export interface OrderPage {
  /** The orders, placed instant ascending, then id ascending. */
  readonly orders: readonly Order[];
  /** Present when more orders may follow: pass it as `cursor` to get them. */
  readonly nextCursor?: string;
}

/**
 * Which history entries {@link OrderRepository.history} returns.
 *
 * @example
 * ```ts
 * import type { HistoryPage } from 'ordercore/adapters';
 *
 * const page: HistoryPage = { afterSeq: 10, limit: 5 };
 * page.afterSeq; //=> 10
 * ```
 */
export interface HistoryPage {
  /** Only entries with a larger `seq`. Default 0 (from the first entry). */
  readonly afterSeq?: number;
  /** The most entries returned. Default: all. */
  readonly limit?: number;
}

/**
 * What {@link OrderRepository.create} and {@link OrderRepository.save} report on success.
 *
 * @example
 * ```ts
 * import type { OrderSaved } from 'ordercore/adapters';
 *
 * const saved: OrderSaved = { orderId: 'o-1', version: 3, historyAppended: 1 };
 * saved.version; //=> 3
 * ```
 */
export interface OrderSaved {
  /** The order's id. */
  readonly orderId: string;
  /** The version now stored (the saved order's `version`). */
  readonly version: number;
  /** How many history entries this call added to the stored history. */
  readonly historyAppended: number;
}

/**
 * The persistence port for orders, with optimistic concurrency on `order.version`. Hosts implement
 * it over their database; `createInMemoryOrderRepository` is the reference implementation, and
 * `orderRepositoryConformance` in `ordercore/testing` proves an implementation correct.
 *
 * The contract, in full:
 *
 * - **Create.** `create(order)` stores a new order at the version it carries (`createOrder` returns
 *   version 1, with the `place` entry as history seq 1); an id already stored is refused
 *   `already_exists`. The check and the insert are one atomic step: of two concurrent creates of
 *   one id, exactly one succeeds.
 * - **Save.** `save(order, expectedVersion)` replaces the stored order only if its stored version is
 *   `expectedVersion` (the version the caller loaded), else `version_conflict` with the
 *   `actualVersion`; an unknown id is `not_found`. The saved order's `version` must be greater than
 *   `expectedVersion` (the machines bump it on every accepted event) or the save is refused
 *   `invalid_request` (field `version`): versions only grow, so of any number of concurrent saves
 *   from one loaded version exactly one wins and no update is lost. Compare and write are one
 *   atomic step (`UPDATE ... WHERE id = $1 AND version = $2`, or a row lock).
 * - **History.** The order carries its history (`order.history`, append-only, `seq` 1, 2, 3 ...),
 *   and save persists it: the stored history is a prefix of the saved order's history, and save
 *   appends the entries after it (`historyAppended`). A save whose history is shorter than the
 *   stored one is refused `history_rewritten`, one whose entries do not carry `seq` 1..n
 *   `invalid_request` (field `history[i].seq`); both write nothing. Stored entries are never rewritten (an adapter may store them as rows keyed by
 *   `(orderId, seq)` and insert only the new ones); `history(id, page)` reads them back in `seq`
 *   order, and a loaded order carries its whole history.
 * - **Load.** `load(id)` returns the stored order (equal, as JSON, to what was last saved), or
 *   `not_found`. The returned order is the caller's: later saves never change it, and changing it
 *   never changes the store.
 * - **Query.** `query(q)` pages through the orders matching the filters, in one deterministic order:
 *   `timestamps.orderedAt` as an instant ascending (two strings for the same instant are equal),
 *   then `id` ascending in code-unit order (`COLLATE "C"` in SQL). `nextCursor` is opaque; a page
 *   after a cursor starts strictly after the last order of the page that gave it (keyset paging:
 *   orders saved in between never make another appear twice or be skipped, as long as their placed
 *   instant does not change). A page may be shorter than `limit` only when it is the last one;
 *   `nextCursor` is absent on the last page (or the next page is empty).
 * - **Errors.** Expected refusals are `Result` values and write nothing; `query` and `history`
 *   reject their promise for a malformed argument (`AdapterError` `invalid_request`) and for
 *   infrastructure failures.
 *
 * @example
 * ```ts
 * import type { OrderRepository } from 'ordercore/adapters';
 *
 * const methods: (keyof OrderRepository)[] = ['create', 'load', 'save', 'query', 'history'];
 * methods.length; //=> 5
 * ```
 */
export interface OrderRepository {
  /**
   * Stores a new order at the version it carries.
   *
   * @param order - The order, as `createOrder` made it.
   * @returns What was stored, or `already_exists` / `invalid_request`.
   */
  create(order: Order): Promise<Result<OrderSaved, AdapterError>>;
  /**
   * The stored order with that id.
   *
   * @param orderId - The order's id.
   * @returns The order (a copy the store never changes), or `not_found` / `invalid_request`.
   */
  load(orderId: string): Promise<Result<Order, AdapterError>>;
  /**
   * Replaces the stored order if it is still at `expectedVersion`, appending its new history entries.
   *
   * @param order - The order after one or more accepted events (its `version` > `expectedVersion`).
   * @param expectedVersion - The version the caller loaded.
   * @returns What was stored, or `version_conflict` / `not_found` / `history_rewritten` / `invalid_request`.
   */
  save(order: Order, expectedVersion: number): Promise<Result<OrderSaved, AdapterError>>;
  /**
   * One page of the orders matching a query.
   *
   * @param query - Filters, page size and cursor (default: every order, first page).
   * @returns The page, in placed-instant-then-id order.
   */
  query(query?: OrderQuery): Promise<OrderPage>;
  /**
   * The stored history of an order, in `seq` order.
   *
   * @param orderId - The order's id.
   * @param page - Which entries (default: all).
   * @returns The entries, or `not_found`.
   */
  history(orderId: string, page?: HistoryPage): Promise<Result<readonly HistoryEntry[], AdapterError>>;
}
